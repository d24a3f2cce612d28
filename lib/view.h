/*
 * view.h - who may see what of a plan: the consent to share information
 * on a day, and the one table that says, for every field of a plan, who
 * may see it.  Every renderer asks this table; none decides on its own.
 *
 * Only lib/ and the unit tests include this header.
 */
#ifndef IPLAN_VIEW_H
#define IPLAN_VIEW_H

#include "fields.h"
#include "plan.h"

/* --- the consents to share information on a day ------------------------- */

enum ip_sharing {
	IP_SHARING_NONE,	/* none recorded, or none given by then */
	IP_SHARING_ACTIVE,	/* given on or before the day, in force */
	IP_SHARING_EXPIRED,	/* ran out: its until is before the day */
	IP_SHARING_WITHDRAWN	/* withdrawn on or before the day, the
				   consent to share or to the plan */
};

/* The state of the consent to share information s, one of p's, on day.
 * For IP_SHARING_EXPIRED, the last day it was in force is stored in
 * *since (when not NULL); for IP_SHARING_WITHDRAWN, the day it was
 * withdrawn (or the consent to the plan was).  A consent with no date was
 * never given, as far as the plan shows. */
enum ip_sharing ip_consent_on(const struct ip_plan *p,
    const struct ip_consent_sharing *s, int32_t day, int32_t *since);

/* True if the consent to share s names the participant id. */
bool ip_consent_names(const struct ip_consent_sharing *s, const char *id);

/* Who is covered on day, and by which consent: the first of p's consents
 * to share information in force on day (ip_consent_on() says
 * IP_SHARING_ACTIVE) that names the participant id; NULL if none does.
 * Every part of iplan that asks who may see the plan asks this. */
const struct ip_consent_sharing *ip_covering(const struct ip_plan *p,
    const char *id, int32_t day);

/* The first participant of p that the consent to share s names and that
 * no consent covers on day (ip_covering()), as when s ran out or was
 * withdrawn and no other consent took its place; NULL if every
 * participant s names is covered, or is no longer one of p's. */
const char *ip_uncovered(const struct ip_plan *p,
    const struct ip_consent_sharing *s, int32_t day);

/* The state of p's consents to share information taken together on day:
 * IP_SHARING_ACTIVE if one is in force; else that of the one that ended
 * last (with *since as ip_consent_on() gives it); IP_SHARING_NONE if
 * none was given by then. */
enum ip_sharing ip_sharing_on(const struct ip_plan *p, int32_t day,
    int32_t *since);

/* True if the participant q is a guardian who sees the whole plan on
 * day: the person is under 16 that day (by ip_person_birth()), and not
 * from 12 in a plan with consent.guardians_own_part. */
bool ip_guardian_sees_all(const struct ip_plan *p,
    const struct ip_participant *q, int32_t day);

/* True if q sees the whole plan on day: the person (role person), a
 * guardian as ip_guardian_sees_all() says, or one that ip_covering()
 * finds a consent for. */
bool ip_sees_all(const struct ip_plan *p, const struct ip_participant *q,
    int32_t day);

/* True if p is active, not under compulsory care, and its consent to
 * the plan was withdrawn on or before day (stored in *when): it must be
 * closed, as ip-validate(1) and ip-review(1) say. */
bool ip_plan_withdrawn(const struct ip_plan *p, int32_t day,
    int32_t *when);

/* --- one reader's view --------------------------------------------------- */

/* Why a view is restricted: first that the consent to share does not
 * name the reader, whose notice then tells nothing of its history; only
 * a reader it names is told that it ran out or was withdrawn, and when. */
enum ip_view_why {
	IP_WHY_NONE,		/* not restricted */
	IP_WHY_NOT_LISTED,	/* the consent does not name the reader */
	IP_WHY_EXPIRED,		/* the consent ran out (day: its last day) */
	IP_WHY_WITHDRAWN,	/* the consent was withdrawn (day: when) */
	IP_WHY_PLAN_WITHDRAWN,	/* the consent to the plan was (day: when) */
	IP_WHY_NO_CONSENT	/* there is no consent to share */
};

struct ip_view {
	const struct ip_plan *p;
	const struct ip_participant *viewer;	/* NULL: the whole plan */
	bool restricted;	/* viewer is not covered */
	enum ip_view_why why;
	int32_t why_day;	/* with IP_WHY_EXPIRED and the withdrawals */
	/* A restricted view decides once, in one pass over the plan, what
	 * it shows and the number of each entry shown, so that asking
	 * costs no more than a lookup, however large the plan. */
	struct ip_arena a;	/* the tables below */
	const struct ip_participant *coordinator;
	const void **served;	/* the goals and sub-goals the reader's
				   measures list, sorted by address */
	size_t n_served;
	size_t *goal_no;	/* by goal: its number, 0 if not shown */
	size_t *sub_at;		/* by goal: where its sub-goals begin in
				   sub_no */
	size_t *sub_no;		/* by sub-goal: its number under its goal
				   counting those shown before it, from 1 */
	size_t *measure_no, *participant_no;	/* likewise */
	size_t resolved;	/* ids resolved to make the tables: one for
				   each the reader's measures list (the unit
				   tests hold it) */
};

/* Makes the view of p for the participant with the id for_id (NULL: the
 * whole plan, as for the plan's own files) as of today.  Those that
 * ip_sees_all() names see the whole plan; anyone else sees only their
 * own part, as the table in view.c says.  Returns 0; -1 if no participant
 * has that id; -2 if more than one has it, since a view could not tell
 * them apart.  Aborts when out of memory.  Free with ip_view_free() (as
 * well after -1 and -2). */
int ip_view_make(struct ip_view *v, const struct ip_plan *p,
    const char *for_id, int32_t today);
void ip_view_free(struct ip_view *v);

/* s as the view v may show it: in a restricted view, each national id
 * that ip_nid_written() finds in s (asked at every character) replaced
 * by mask, since a reader outside the consent sees no national id, even
 * one written into a field they are shown; s itself in a full view or
 * if it has none, else a copy in a.  Aborts when out of memory. */
const char *ip_view_masked(const struct ip_view *v, struct ip_arena *a,
    const char *s, const char *mask);

/* The fields of a plan, as the visibility table knows them: the groups
 * of fields.h.  Those marked "entry" there are asked about one entry of
 * a list: a goal, sub-goal, measure or participant, passed as the entry
 * argument of ip_view_shows(). */
enum ip_field {
#define X(group, audience, nb, nn, en) IP_F_##group,
	IP_FIELD_GROUPS(X)
#undef X
	IP_F_COUNT
};

/* Who besides the covered may see a field: the table's values.  The
 * zero value, which a field left out of the table gets, is no audience:
 * such a field is shown only to the covered, and the unit tests reject
 * it. */
enum ip_audience {
	IP_AUDIENCE_UNSET,	/* no entry in the table: the covered only */
	IP_SEEN_BY_ALL,		/* every reader */
	IP_SEEN_IF_OWN,		/* the reader's own entry or measure */
	IP_SEEN_IF_COORD_OR_OWN, /* the coordinator's entry, or own */
	IP_SEEN_IF_COORD,	/* the coordinator's entry */
	IP_SEEN_IF_SERVED,	/* goals the reader's measures list */
	IP_SEEN_BY_COVERED	/* only those who see the whole plan */
};

/* The table: who besides the covered may see field f; IP_AUDIENCE_UNSET
 * if the table forgot it. */
enum ip_audience ip_field_audience(enum ip_field f);

/* True if the view shows field f of the plan, or of entry (a pointer to
 * the struct ip_goal, ip_subgoal, ip_measure or ip_participant that f
 * is about; NULL for fields of the plan as a whole). */
bool ip_view_shows(const struct ip_view *v, enum ip_field f,
    const void *entry);

/* True if the view shows goal g or any of its sub-goals: g has its place
 * in the document. */
bool ip_view_shows_goal(const struct ip_view *v, const struct ip_goal *g);

/* The numbers the document gives goals, sub-goals, measures and
 * participants: their place among the entries of their list the view
 * shows, from 1, so that a restricted view tells nothing of how many
 * others there are.  goal is the goal's index in the plan, i the
 * entry's. */
size_t ip_view_goal_number(const struct ip_view *v, size_t goal);
size_t ip_view_subgoal_number(const struct ip_view *v, size_t goal,
    size_t i);
size_t ip_view_measure_number(const struct ip_view *v, size_t i);
size_t ip_view_participant_number(const struct ip_view *v, size_t i);

/* The ids a view gives goal (its index in the plan) or its sub-goal sub
 * (SIZE_MAX: the goal itself), and measure i: in a full view the plan's
 * own (NULL if it has none); in a restricted view ids of the view's own,
 * made of the numbers above as the document's anchors are ("goal-2",
 * "goal-2-1", "measure-1"), so that no id tells of entries the reader
 * does not see.  ip_view_goal_ref() is that of the goal or sub-goal the
 * id in a measure's goals names, or id if it names none.  Ids made are
 * in the arena a. */
const char *ip_view_goal_id(const struct ip_view *v, struct ip_arena *a,
    size_t goal, size_t sub);
const char *ip_view_goal_ref(const struct ip_view *v, struct ip_arena *a,
    const char *id);
const char *ip_view_measure_id(const struct ip_view *v, struct ip_arena *a,
    size_t i);

/* The id a view gives participant i: in a full view the plan's own (NULL
 * if it has none), in a restricted view one of the view's own made of
 * the number above ("participant-2"), never the plan's id, which may be
 * a national id and tells of those left out.  ip_view_participant_ref()
 * is that of the participant a reference (coordinator, responsible, a
 * consent's participants) names: in a full view the reference itself, in
 * a restricted view NULL if it names no participant the view shows. */
const char *ip_view_participant_id(const struct ip_view *v,
    struct ip_arena *a, size_t i);
const char *ip_view_participant_ref(const struct ip_view *v,
    struct ip_arena *a, const char *id);

/* The goal or sub-goal that the id in a measure's goals names: the first
 * with that id in the order of the plan (a goal, then its sub-goals);
 * NULL if none.  In *goal the index of the goal it is or is under, in
 * *sub the sub-goal's index or SIZE_MAX for the goal itself. */
const void *ip_goal_named(const struct ip_plan *p, const char *id,
    size_t *goal, size_t *sub);

#endif
