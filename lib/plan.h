/*
 * plan.h - the typed plan of libiplan: what a plan file decodes to
 * (decode.h), its vocabularies, and the questions asked of a loaded plan
 * (plan.c).  It includes the headers of the layers below it: arena.h,
 * date.h, diag.h and ytree.h; and the table of the fields (fields.h).
 *
 * Only lib/ and the tests include this header; commands use iplan.h.
 */
#ifndef IPLAN_PLAN_H
#define IPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "fields.h"
#include "iplan.h"
#include "utf8.h"
#include "ytree.h"

/* --- the plan ------------------------------------------------------------ */

struct ip_text {
	const char *s;		/* NULL: absent or empty */
	struct ip_pos pos;	/* of the value, or of the key if empty */
};

struct ip_date {
	int32_t day;		/* days since 1970-01-01 */
	bool set;
	struct ip_pos pos;
};

struct ip_bool {
	bool v, set;
	struct ip_pos pos;
};

struct ip_enum {
	int v;			/* index into the field's vocabulary */
	bool set;
	struct ip_pos pos;
};

struct ip_interval {
	int n;
	char unit;		/* 'd', 'w', 'm' or 'y' */
	bool set;
	struct ip_pos pos;
};

/* A list as the decoder fills it, of elements it knows only by size. */
struct ip_list {
	void *v;		/* array of n elements of the element type */
	size_t n;		/* 0: absent or empty */
	struct ip_pos pos;	/* of the value, or of the key if n is 0 */
};

/* A list of elements of one type, read as list.v[i], list.n and
 * list.pos, so that the compiler checks the element type; the decoder
 * fills it through its untyped member any, of the same layout. */
#define IP_LIST(name, type) \
	union name { \
		struct ip_list any; \
		struct { \
			type *v; \
			size_t n; \
			struct ip_pos pos; \
		}; \
	}

IP_LIST(ip_text_list, struct ip_text);
IP_LIST(ip_participant_list, struct ip_participant);
IP_LIST(ip_goal_list, struct ip_goal);
IP_LIST(ip_subgoal_list, struct ip_subgoal);
IP_LIST(ip_measure_list, struct ip_measure);
IP_LIST(ip_review_list, struct ip_review);
IP_LIST(ip_cooperation_list, struct ip_cooperation);
IP_LIST(ip_consent_sharing_list, struct ip_consent_sharing);

/* Every mapping type starts with its position: that of its key, also when
 * it is empty; line 0 if absent. */

/* The members of every mapping type are the rows of its table (fields.h):
 * what each means is said there. */
struct ip_contact {
	struct ip_pos pos;
	IP_CONTACT_FIELDS(IP_FIELD_MEMBER)
};

enum ip_care { IP_CARE_VOLUNTARY, IP_CARE_COMPULSORY };
enum ip_role { IP_ROLE_PERSON, IP_ROLE_RELATIVE, IP_ROLE_PROVIDER,
	IP_ROLE_OTHER, IP_ROLE_GUARDIAN };
enum ip_status { IP_STATUS_ACTIVE, IP_STATUS_CLOSED, IP_STATUS_DRAFT };
enum ip_goal_status { IP_GOAL_OPEN, IP_GOAL_ACHIEVED, IP_GOAL_DROPPED };

struct ip_person {
	struct ip_pos pos;
	IP_PERSON_FIELDS(IP_FIELD_MEMBER)
};

struct ip_participant {
	struct ip_pos pos;
	IP_PARTICIPANT_FIELDS(IP_FIELD_MEMBER)
};

struct ip_subgoal {
	struct ip_pos pos;
	IP_SUBGOAL_FIELDS(IP_FIELD_MEMBER)
};

struct ip_goal {
	struct ip_pos pos;
	IP_GOAL_FIELDS(IP_FIELD_MEMBER)
};

struct ip_subplan {
	struct ip_pos pos;
	IP_SUBPLAN_FIELDS(IP_FIELD_MEMBER)
};

struct ip_measure {
	struct ip_pos pos;
	IP_MEASURE_FIELDS(IP_FIELD_MEMBER)
};

struct ip_review {
	struct ip_pos pos;
	IP_REVIEW_FIELDS(IP_FIELD_MEMBER)
};

struct ip_period {
	struct ip_pos pos;
	IP_PERIOD_FIELDS(IP_FIELD_MEMBER)
};

struct ip_consent_plan {
	struct ip_pos pos;
	IP_CONSENT_PLAN_FIELDS(IP_FIELD_MEMBER)
};

/* One consent to share information: a plan has a list of them, each
 * never rewritten once given (see ip_covering()). */
struct ip_consent_sharing {
	struct ip_pos pos;
	IP_CONSENT_SHARING_FIELDS(IP_FIELD_MEMBER)
};

struct ip_consent {
	struct ip_pos pos;
	IP_CONSENT_FIELDS(IP_FIELD_MEMBER)
};

struct ip_cooperation {
	struct ip_pos pos;
	IP_COOPERATION_FIELDS(IP_FIELD_MEMBER)
};

struct ip_closed {
	struct ip_pos pos;
	IP_CLOSED_FIELDS(IP_FIELD_MEMBER)
};

struct ip_plan {
	struct ip_pos pos;
	IP_PLAN_FIELDS(IP_FIELD_MEMBER)

	/* Not from the file: */
	const char *file;		/* display name */
	/* the participants that have an id, by id, and in the plan's order
	 * among those of the same id: see ip_find_participant() */
	const struct ip_participant **by_id;
	size_t n_by_id;
	/* the keys whose values the decoder left out, sorted: see
	 * ip_plan_refused() */
	struct ip_pos *refused;		/* malloc'd */
	size_t n_refused, cap_refused;
	struct ip_arena arena;		/* holds everything else above */
};

/* True if s is empty or holds only white space (see ip-plan(5)), which
 * counts as left out. */
bool ip_blank(const char *s);

/* The vocabularies, NULL-terminated, indexed by the enums above (those
 * of options in iplan.h). */
extern const char *const ip_vocab_status[];
extern const char *const ip_vocab_role[];
extern const char *const ip_vocab_legal_basis[];
/* The index of s in vocab, or -1. */
int ip_vocab_index(const char *const *vocab, const char *s);
/* The words as "a, b" then last then "c". */
char *ip_vocab_list(struct ip_arena *a, const char *const *vocab,
    const char *last);
/* The words as "a, b or c" in the messages' language, for messages. */
char *ip_vocab_or(struct ip_arena *a, const char *const *vocab);

/* Lookups in a loaded plan: the first participant with the id, in time
 * logarithmic in their number, for a plan may reference thousands. */
const struct ip_participant *ip_find_participant(const struct ip_plan *p,
    const char *id);
/* The participant the plan's coordinator names, or NULL. */
const struct ip_participant *ip_plan_coordinator(const struct ip_plan *p);
/* True if the plan's status is closed; any other plan is active, or a
 * draft. */
bool ip_plan_closed(const struct ip_plan *p);
/* True if the plan's status is draft: a plan being written, which
 * ip-review and ip-stats leave out but for its age, and whose nine items
 * are not yet required. */
bool ip_plan_draft(const struct ip_plan *p);
/* The day a draft was begun: created, else the start of its period; false
 * if it has neither. */
bool ip_draft_begun(const struct ip_plan *p, int32_t *day);
/* True if p is closed on day: its status is closed and its closed.date
 * is on or before day, or not given. */
bool ip_plan_closed_on(const struct ip_plan *p, int32_t day);
/* True if p is active on day: it is not a draft (a draft is active on no
 * day), its period has started (period.start on or before day, or not
 * given) and it is not closed on day. */
bool ip_plan_active_on(const struct ip_plan *p, int32_t day);

/* The place of the interval's unit ('d', 'w', 'm', 'y') among them: 0
 * for days to 3 for years, as ip_labels.units and the schema's units
 * have them. */
int ip_interval_unit(const struct ip_interval *iv);

#endif
