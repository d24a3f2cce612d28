/*
 * view.c - who may see what of a plan.
 *
 * A participant is covered on a day when the consent to share
 * information names them, was given on or before that day, has not run
 * out and has not been withdrawn (nor has the consent to the plan).  The
 * person sees their whole plan, and so does everyone covered.  Anyone
 * else sees what their own part needs, and the table below says what
 * that is, field by field.
 */
#include <string.h>

#include "view.h"

/* Who besides the covered may see each field. */
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
ip_sharing_on(const struct ip_plan *p, int32_t day, int32_t *since)
{
	const struct ip_consent_sharing *s = &p->consent.information_sharing;
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

static bool
listed(const struct ip_list *ids, const char *id)
{
	for (size_t i = 0; i < ids->n; i++)
		if (same_id(IP_AT(*ids, struct ip_text, i)->s, id))
			return true;
	return false;
}

int
ip_view_make(struct ip_view *v, const struct ip_plan *p,
    const char *for_id, int32_t today)
{
	const struct ip_consent_sharing *s = &p->consent.information_sharing;

	*v = (struct ip_view){ .p = p, .why = IP_WHY_NONE };
	if (for_id == NULL)
		return 0;
	if ((v->viewer = ip_find_participant(p, for_id)) == NULL)
		return -1;
	if (v->viewer->role.set && v->viewer->role.v == IP_ROLE_PERSON)
		return 0;
	switch (ip_sharing_on(p, today, &v->why_day)) {
	case IP_SHARING_NONE:
		v->why = IP_WHY_NO_CONSENT;
		break;
	case IP_SHARING_EXPIRED:
		v->why = IP_WHY_EXPIRED;
		break;
	case IP_SHARING_WITHDRAWN:
		v->why = IP_WHY_WITHDRAWN;
		break;
	case IP_SHARING_ACTIVE:
		if (!listed(&s->participants, v->viewer->id.s))
			v->why = IP_WHY_NOT_LISTED;
		break;
	}
	v->restricted = v->why != IP_WHY_NONE;
	return 0;
}

/* Whether the viewer answers for a measure that lists the goal id. */
static bool
served(const struct ip_view *v, const char *id)
{
	const struct ip_plan *p = v->p;

	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    IP_AT(p->measures, struct ip_measure, i);
		if (same_id(m->responsible.s, v->viewer->id.s)
		    && listed(&m->goals, id))
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
		return same_id(q->id.s, v->p->coordinator.s);
	case IP_SEEN_IF_SERVED:
		return served(v, f == IP_F_GOAL
		    ? ((const struct ip_goal *)entry)->id.s
		    : ((const struct ip_subgoal *)entry)->id.s);
	case IP_SEEN_BY_COVERED:
		break;
	}
	return false;
}
