/*
 * view.c - who may see what of a plan.
 *
 * A participant is covered on a day when a consent to share information
 * names them that was given on or before that day, has not run out and
 * has not been withdrawn (nor has the consent to the plan): consents are
 * a list, each with its own date, so that one added later covers its
 * participants only from then.  The person sees their whole plan, and so
 * do their guardians while the person is under 16, and everyone
 * covered.  Anyone else sees what their own part needs, and the table
 * of fields (fields.h) says what that is, field by field.
 */
#include "view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nid.h"
#include "persons.h"

/* Who besides the covered may see each field, as fields.h says.  A
 * field missing here is IP_AUDIENCE_UNSET: seen only by the covered. */
static const enum ip_audience audience[IP_F_COUNT] = {
#define X(group, aud, nb, nn, en) [IP_F_##group] = IP_SEEN_##aud,
	IP_FIELD_GROUPS(X)
#undef X
};

enum ip_audience
ip_field_audience(enum ip_field f)
{
	return audience[f];
}

/* The earlier of two optional dates, INT32_MAX if neither is set. */
static int32_t
earlier(const struct ip_date *a, const struct ip_date *b)
{
	int32_t x = a->set ? a->day : INT32_MAX, y = b->set ? b->day : INT32_MAX;
	return x < y ? x : y;
}

enum ip_sharing
ip_consent_on(const struct ip_plan *p, const struct ip_consent_sharing *s,
    int32_t day, int32_t *since)
{
	/* the first day out of force, each way */
	int32_t expires = s->until.set ? s->until.day + 1 : INT32_MAX;
	int32_t withdrawn = earlier(&s->withdrawn, &p->consent.plan.withdrawn);
	int32_t unused;

	if (since == NULL)
		since = &unused;
	if (!s->date.set || s->date.day > day)
		return IP_SHARING_NONE;
	if (withdrawn <= day && withdrawn < expires) {
		*since = withdrawn;
		return IP_SHARING_WITHDRAWN;
	}
	if (expires <= day) {
		*since = s->until.day;
		return IP_SHARING_EXPIRED;
	}
	return IP_SHARING_ACTIVE;
}

bool
ip_consent_names(const struct ip_consent_sharing *s, const char *id)
{
	for (size_t i = 0; id != NULL && i < s->participants.n; i++)
		if (s->participants.v[i].s != NULL
		    && strcmp(s->participants.v[i].s, id) == 0)
			return true;
	return false;
}

const struct ip_consent_sharing *
ip_covering(const struct ip_plan *p, const char *id, int32_t day)
{
	const union ip_consent_sharing_list *l =
	    &p->consent.information_sharing;

	for (size_t i = 0; id != NULL && i < l->n; i++)
		if (ip_consent_names(&l->v[i], id)
		    && ip_consent_on(p, &l->v[i], day, NULL)
		    == IP_SHARING_ACTIVE)
			return &l->v[i];
	return NULL;
}

const char *
ip_uncovered(const struct ip_plan *p, const struct ip_consent_sharing *s,
    int32_t day)
{
	for (size_t i = 0; i < s->participants.n; i++) {
		const char *id = s->participants.v[i].s;
		if (ip_find_participant(p, id) != NULL
		    && ip_covering(p, id, day) == NULL)
			return id;
	}
	return NULL;
}

enum ip_sharing
ip_sharing_on(const struct ip_plan *p, int32_t day, int32_t *since)
{
	const union ip_consent_sharing_list *l =
	    &p->consent.information_sharing;
	enum ip_sharing state = IP_SHARING_NONE;
	int32_t last = INT32_MIN, unused;

	if (since == NULL)
		since = &unused;
	for (size_t i = 0; i < l->n; i++) {
		int32_t when;
		enum ip_sharing st = ip_consent_on(p, &l->v[i], day, &when);
		if (st == IP_SHARING_ACTIVE)
			return st;
		if (st != IP_SHARING_NONE && when >= last) {
			state = st;
			last = *since = when;
		}
	}
	return state;
}

bool
ip_guardian_sees_all(const struct ip_plan *p,
    const struct ip_participant *q, int32_t day)
{
	int age = ip_person_age(p, day);

	if (!ip_is_guardian(q) || age < 0 || age >= IP_AGE_OF_CONSENT)
		return false;
	return !(age >= IP_AGE_OWN_PART && p->consent.guardians_own_part.set
	    && p->consent.guardians_own_part.v);
}

bool
ip_sees_all(const struct ip_plan *p, const struct ip_participant *q,
    int32_t day)
{
	return (q->role.set && q->role.v == IP_ROLE_PERSON)
	    || ip_guardian_sees_all(p, q, day)
	    || ip_covering(p, q->id.s, day) != NULL;
}

bool
ip_plan_withdrawn(const struct ip_plan *p, int32_t day, int32_t *when)
{
	const struct ip_date *w = &p->consent.plan.withdrawn;

	if ((p->status.set && p->status.v == IP_STATUS_CLOSED)
	    || (p->person.care.set && p->person.care.v == IP_CARE_COMPULSORY)
	    || !w->set || w->day > day)
		return false;
	*when = w->day;
	return true;
}

static bool
same_id(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* Why the participant with id, not covered on day, is not: if no consent
 * given by then names them, that (or that none was given at all), and
 * nothing of any consent's history, which is told only to those it
 * covered; else why the consent given last that names them ended. */
static void
why_not(struct ip_view *v, const char *id, int32_t day)
{
	const union ip_consent_sharing_list *l =
	    &v->p->consent.information_sharing;
	const struct ip_consent_sharing *last = NULL;
	const struct ip_date *pw = &v->p->consent.plan.withdrawn;
	enum ip_sharing st;

	for (size_t i = 0; i < l->n; i++)
		if (ip_consent_names(&l->v[i], id) && l->v[i].date.set
		    && l->v[i].date.day <= day
		    && (last == NULL || l->v[i].date.day >= last->date.day))
			last = &l->v[i];
	if (last == NULL) {
		v->why = ip_sharing_on(v->p, day, NULL) == IP_SHARING_NONE
		    ? IP_WHY_NO_CONSENT : IP_WHY_NOT_LISTED;
		return;
	}
	st = ip_consent_on(v->p, last, day, &v->why_day);
	switch (st) {
	case IP_SHARING_NONE:
		v->why = IP_WHY_NO_CONSENT;
		break;
	case IP_SHARING_EXPIRED:
		v->why = IP_WHY_EXPIRED;
		break;
	case IP_SHARING_WITHDRAWN:
		v->why = pw->set && pw->day == v->why_day
		    ? IP_WHY_PLAN_WITHDRAWN : IP_WHY_WITHDRAWN;
		break;
	case IP_SHARING_ACTIVE:
		v->why = IP_WHY_NOT_LISTED;
		break;
	}
}

const void *
ip_goal_named(const struct ip_plan *p, const char *id, size_t *goal,
    size_t *sub)
{
	for (size_t i = 0; id != NULL && i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		*goal = i;
		*sub = SIZE_MAX;
		if (same_id(g->id.s, id))
			return g;
		for (size_t j = 0; j < g->subgoals.n; j++)
			if (same_id(g->subgoals.v[j].id.s, id)) {
				*sub = j;
				return &g->subgoals.v[j];
			}
	}
	return NULL;
}

/* Entries compared by address, as the table of those served is sorted. */
static int
by_address(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(const void *const *)a;
	uintptr_t y = (uintptr_t)*(const void *const *)b;
	return (x > y) - (x < y);
}

/* Whether the viewer answers for a measure that lists the goal or
 * sub-goal entry. */
static bool
served(const struct ip_view *v, const void *entry)
{
	return v->n_served > 0 && bsearch(&entry, v->served, v->n_served,
	    sizeof(*v->served), by_address) != NULL;
}

bool
ip_view_shows(const struct ip_view *v, enum ip_field f, const void *entry)
{
	const struct ip_participant *q = entry;

	if (!v->restricted)
		return true;
	switch (audience[f]) {
	case IP_SEEN_BY_ALL:
		return true;
	case IP_SEEN_IF_OWN:
		if (f == IP_F_MEASURE)
			return same_id(((const struct ip_measure *)entry)
			    ->responsible.s, v->viewer->id.s);
		return q == v->viewer;
	case IP_SEEN_IF_COORD_OR_OWN:
		if (q == v->viewer)
			return true;
		/* FALLTHROUGH */
	case IP_SEEN_IF_COORD:
		return q != NULL && q == v->coordinator;
	case IP_SEEN_IF_SERVED:
		return served(v, entry);
	case IP_SEEN_BY_COVERED:
	case IP_AUDIENCE_UNSET:	/* fails closed */
		break;
	}
	return false;
}

bool
ip_view_shows_goal(const struct ip_view *v, const struct ip_goal *g)
{
	if (ip_view_shows(v, IP_F_GOAL, g))
		return true;
	for (size_t j = 0; j < g->subgoals.n; j++)
		if (ip_view_shows(v, IP_F_SUBGOAL, &g->subgoals.v[j]))
			return true;
	return false;
}

/* The numbers of the entries of list l (of size bytes each, entries of
 * field f): for each, 1 + how many of those before it the view shows. */
static size_t *
numbers(struct ip_view *v, enum ip_field f, const struct ip_list *l,
    size_t size)
{
	size_t *no = ip_arena_alloc(&v->a, (l->n + 1) * sizeof(*no)), n = 1;
	for (size_t k = 0; k < l->n; k++) {
		no[k] = n;
		n += ip_view_shows(v, f, (const char *)l->v + k * size);
	}
	return no;
}

/* Makes the tables of the restricted view v: whom the coordinator is,
 * the goals and sub-goals served, then each entry's number, in one pass
 * over each list of the plan. */
static void
tables(struct ip_view *v)
{
	const struct ip_plan *p = v->p;
	size_t refs = 0, subs = 0, goal, sub;

	v->coordinator = p->coordinator.s == NULL ? NULL
	    : ip_find_participant(p, p->coordinator.s);
	for (size_t i = 0; i < p->measures.n; i++)
		if (ip_view_shows(v, IP_F_MEASURE, &p->measures.v[i]))
			refs += p->measures.v[i].goals.n;
	v->served = ip_arena_alloc(&v->a, (refs + 1) * sizeof(*v->served));
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m = &p->measures.v[i];
		if (!ip_view_shows(v, IP_F_MEASURE, m))
			continue;
		for (size_t k = 0; k < m->goals.n; k++, v->resolved++) {
			const void *e = ip_goal_named(p, m->goals.v[k].s,
			    &goal, &sub);
			if (e != NULL)
				v->served[v->n_served++] = e;
		}
	}
	qsort(v->served, v->n_served, sizeof(*v->served), by_address);

	v->measure_no = numbers(v, IP_F_MEASURE, &p->measures.any,
	    sizeof(struct ip_measure));
	v->participant_no = numbers(v, IP_F_PARTICIPANT,
	    &p->participants.any, sizeof(struct ip_participant));
	v->goal_no = ip_arena_alloc(&v->a, (p->goals.n + 1)
	    * sizeof(*v->goal_no));
	v->sub_at = ip_arena_alloc(&v->a, (p->goals.n + 1)
	    * sizeof(*v->sub_at));
	for (size_t i = 0; i < p->goals.n; i++)
		subs += p->goals.v[i].subgoals.n;
	v->sub_no = ip_arena_alloc(&v->a, (subs + 1) * sizeof(*v->sub_no));
	for (size_t i = 0, n = 1, at = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		bool shown = ip_view_shows(v, IP_F_GOAL, g);
		v->goal_no[i] = n;
		v->sub_at[i] = at;
		for (size_t j = 0, k = 1; j < g->subgoals.n; j++, at++) {
			v->sub_no[at] = k;
			if (ip_view_shows(v, IP_F_SUBGOAL, &g->subgoals.v[j]))
				k++, shown = true;
		}
		n += shown;
	}
}

int
ip_view_make(struct ip_view *v, const struct ip_plan *p,
    const char *for_id, int32_t today)
{
	*v = (struct ip_view){ .p = p, .why = IP_WHY_NONE };
	if (for_id == NULL)
		return 0;
	if ((v->viewer = ip_find_participant(p, for_id)) == NULL)
		return -1;
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (q != v->viewer && same_id(q->id.s, for_id))
			return -2;
	}
	if (ip_sees_all(p, v->viewer, today))
		return 0;
	why_not(v, for_id, today);
	v->restricted = true;
	tables(v);
	return 0;
}

void
ip_view_free(struct ip_view *v)
{
	ip_arena_free(&v->a);
}

const char *
ip_view_masked(const struct ip_view *v, struct ip_arena *a, const char *s,
    const char *mask)
{
	size_t len = strlen(s), mlen = strlen(mask), n = 0, k;
	char *out = NULL;

	if (!v->restricted)
		return s;
	for (size_t at = 0; at < len; at += k) {
		if ((k = ip_nid_written(s + at)) == 0) {
			k = 1;
			if (out != NULL)
				out[n++] = s[at];
			continue;
		}
		if (out == NULL) {
			/* an id takes 11 bytes at least */
			out = ip_arena_alloc(a, len + (len / 11 + 1) * mlen + 1);
			memcpy(out, s, at);
			n = at;
		}
		memcpy(out + n, mask, mlen);
		n += mlen;
	}
	if (out == NULL)
		return s;
	out[n] = '\0';
	return out;
}

size_t
ip_view_goal_number(const struct ip_view *v, size_t goal)
{
	return v->restricted ? v->goal_no[goal] : goal + 1;
}

size_t
ip_view_subgoal_number(const struct ip_view *v, size_t goal, size_t i)
{
	return v->restricted ? v->sub_no[v->sub_at[goal] + i] : i + 1;
}

size_t
ip_view_measure_number(const struct ip_view *v, size_t i)
{
	return v->restricted ? v->measure_no[i] : i + 1;
}

size_t
ip_view_participant_number(const struct ip_view *v, size_t i)
{
	return v->restricted ? v->participant_no[i] : i + 1;
}

const char *
ip_view_goal_id(const struct ip_view *v, struct ip_arena *a, size_t goal,
    size_t sub)
{
	const struct ip_goal *g = &v->p->goals.v[goal];

	if (!v->restricted)
		return sub == SIZE_MAX ? g->id.s : g->subgoals.v[sub].id.s;
	if (sub == SIZE_MAX)
		return ip_arena_printf(a, "goal-%zu",
		    ip_view_goal_number(v, goal));
	return ip_arena_printf(a, "goal-%zu-%zu", ip_view_goal_number(v, goal),
	    ip_view_subgoal_number(v, goal, sub));
}

const char *
ip_view_goal_ref(const struct ip_view *v, struct ip_arena *a, const char *id)
{
	size_t goal, sub;

	if (!v->restricted || ip_goal_named(v->p, id, &goal, &sub) == NULL)
		return id;
	return ip_view_goal_id(v, a, goal, sub);
}

const char *
ip_view_measure_id(const struct ip_view *v, struct ip_arena *a, size_t i)
{
	return v->restricted ? ip_arena_printf(a, "measure-%zu",
	    ip_view_measure_number(v, i)) : v->p->measures.v[i].id.s;
}

const char *
ip_view_participant_id(const struct ip_view *v, struct ip_arena *a, size_t i)
{
	return v->restricted ? ip_arena_printf(a, "participant-%zu",
	    ip_view_participant_number(v, i)) : v->p->participants.v[i].id.s;
}

const char *
ip_view_participant_ref(const struct ip_view *v, struct ip_arena *a,
    const char *id)
{
	const struct ip_participant *q;

	if (!v->restricted)
		return id;
	if (id == NULL || (q = ip_find_participant(v->p, id)) == NULL
	    || !ip_view_shows(v, IP_F_PARTICIPANT, q))
		return NULL;
	return ip_view_participant_id(v, a, (size_t)(q - (const struct
	    ip_participant *)v->p->participants.v));
}
