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
 * below says what that is, field by field.
 */
#include <stdint.h>
#include <string.h>

#include "view.h"

/* Who besides the covered may see each field.  A field missing here is
 * IP_AUDIENCE_UNSET: seen only by the covered. */
static const enum ip_audience audience[IP_F_COUNT] = {
	[IP_F_PERSON_NAME] = IP_SEEN_BY_ALL,
	[IP_F_PLAN_ID] = IP_SEEN_BY_ALL,
	[IP_F_PERIOD] = IP_SEEN_BY_ALL,
	[IP_F_COORDINATOR] = IP_SEEN_BY_ALL,
	[IP_F_PARTICIPANT] = IP_SEEN_IF_COORD_OR_OWN,
	[IP_F_CONTRIBUTION] = IP_SEEN_IF_OWN,
	[IP_F_MEASURE] = IP_SEEN_IF_OWN,
	[IP_F_GOAL] = IP_SEEN_IF_SERVED,
	[IP_F_SUBGOAL] = IP_SEEN_IF_SERVED,
	[IP_F_PARTICIPANT_ROLE] = IP_SEEN_BY_COVERED,
	[IP_F_PARTICIPANT_CONTACT] = IP_SEEN_IF_COORD,
	[IP_F_NATIONAL_ID] = IP_SEEN_BY_COVERED,
	[IP_F_BIRTH_DATE] = IP_SEEN_BY_COVERED,
	[IP_F_PERSON_CONTACT] = IP_SEEN_BY_COVERED,
	[IP_F_INTERPRETER] = IP_SEEN_BY_COVERED,
	[IP_F_CARE] = IP_SEEN_BY_COVERED,
	[IP_F_LEGAL_BASIS] = IP_SEEN_BY_COVERED,
	[IP_F_STATUS] = IP_SEEN_BY_COVERED,
	[IP_F_CLOSED_REASON] = IP_SEEN_BY_COVERED,
	[IP_F_RESOURCES] = IP_SEEN_BY_COVERED,
	[IP_F_NEEDS] = IP_SEEN_BY_COVERED,
	[IP_F_IMPLEMENTATION] = IP_SEEN_BY_COVERED,
	[IP_F_REVIEWS] = IP_SEEN_BY_COVERED,
	[IP_F_CONSENT] = IP_SEEN_BY_COVERED,
	[IP_F_COOPERATION] = IP_SEEN_BY_COVERED,
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
	const union ip_sharing_list *l = &p->consent.information_sharing;

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
	const union ip_sharing_list *l = &p->consent.information_sharing;
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
	const union ip_sharing_list *l = &v->p->consent.information_sharing;
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
	return 0;
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

/* Whether the viewer answers for a measure that lists the goal or
 * sub-goal entry. */
static bool
served(const struct ip_view *v, const void *entry)
{
	const struct ip_plan *p = v->p;
	size_t goal, sub;

	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (!same_id(m->responsible.s, v->viewer->id.s))
			continue;
		for (size_t k = 0; k < m->goals.n; k++)
			if (ip_goal_named(p, m->goals.v[k].s, &goal, &sub) == entry)
				return true;
	}
	return false;
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
		return v->p->coordinator.s != NULL
		    && q == ip_find_participant(v->p, v->p->coordinator.s);
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

size_t
ip_view_goal_number(const struct ip_view *v, size_t goal)
{
	size_t n = 1;
	if (!v->restricted)
		return goal + 1;
	for (size_t i = 0; i < goal; i++)
		n += ip_view_shows_goal(v, &v->p->goals.v[i]);
	return n;
}

/* 1 + how many of the first i entries of list l (of size bytes each,
 * entries of field f) the view shows; i + 1 in a full view. */
static size_t
number(const struct ip_view *v, enum ip_field f, const struct ip_list *l,
    size_t size, size_t i)
{
	size_t n = 1;
	if (!v->restricted)
		return i + 1;
	for (size_t k = 0; k < i; k++)
		n += ip_view_shows(v, f, (const char *)l->v + k * size);
	return n;
}

size_t
ip_view_subgoal_number(const struct ip_view *v, size_t goal, size_t i)
{
	return number(v, IP_F_SUBGOAL, &v->p->goals.v[goal].subgoals.any,
	    sizeof(struct ip_subgoal), i);
}

size_t
ip_view_measure_number(const struct ip_view *v, size_t i)
{
	return number(v, IP_F_MEASURE, &v->p->measures.any,
	    sizeof(struct ip_measure), i);
}

size_t
ip_view_participant_number(const struct ip_view *v, size_t i)
{
	return number(v, IP_F_PARTICIPANT, &v->p->participants.any,
	    sizeof(struct ip_participant), i);
}
