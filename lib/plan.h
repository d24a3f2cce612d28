/*
 * plan.h - the typed plan of libiplan: what a plan file decodes to, the
 * vocabularies, dates and national ids its checks need, and the review
 * run over plans.  It includes the headers of the layers below it:
 * arena.h, diag.h and ytree.h.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header;
 * commands use iplan.h.
 */
#ifndef IPLAN_PLAN_H
#define IPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"
#include "iplan.h"
#include "utf8.h"
#include "ytree.h"

/* --- dates --------------------------------------------------------------- */

/* A calendar date as days since 1970-01-01 (proleptic Gregorian). */
int32_t ip_days_from_civil(int y, int m, int d);
void ip_civil_from_days(int32_t days, int *y, int *m, int *d);
bool ip_date_valid(int y, int m, int d);
int ip_days_in_month(int y, int m);
/* Adds n units ('d', 'w', 'm', 'y'); months and years clamp to month end. */
int32_t ip_date_add(int32_t day, int n, char unit);

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
IP_LIST(ip_sharing_list, struct ip_consent_sharing);

/* Every mapping type starts with its position: that of its key, also when
 * it is empty; line 0 if absent. */

struct ip_contact {
	struct ip_pos pos;
	struct ip_text phone, email, address;
};

enum ip_care { IP_CARE_VOLUNTARY, IP_CARE_COMPULSORY };
enum ip_role { IP_ROLE_PERSON, IP_ROLE_RELATIVE, IP_ROLE_PROVIDER,
	IP_ROLE_OTHER, IP_ROLE_GUARDIAN };
enum ip_status { IP_STATUS_ACTIVE, IP_STATUS_CLOSED, IP_STATUS_DRAFT };
enum ip_goal_status { IP_GOAL_OPEN, IP_GOAL_ACHIEVED, IP_GOAL_DROPPED };

struct ip_person {
	struct ip_pos pos;
	struct ip_text name, national_id;
	struct ip_text national_id_issuer;	/* who gave an H-nummer */
	struct ip_date birth_date;
	struct ip_contact contact;
	struct ip_bool interpreter;
	struct ip_enum care;
};

struct ip_participant {
	struct ip_pos pos;
	struct ip_text id, name;
	struct ip_enum role;
	struct ip_text organization, phone, email, contribution;
	struct ip_text hpr;			/* HPR-nummer */
	struct ip_text organization_number;	/* organisasjonsnummer */
	struct ip_text resh_id, her_id;		/* of the organization */
};

struct ip_subgoal {
	struct ip_pos pos;
	struct ip_text id, text;
	struct ip_date due;
	struct ip_enum status;
};

struct ip_goal {
	struct ip_pos pos;
	struct ip_text id, text;
	union ip_subgoal_list subgoals;
};

struct ip_subplan {
	struct ip_pos pos;
	struct ip_text kind, reference;
};

struct ip_measure {
	struct ip_pos pos;
	struct ip_text id, title, extent, responsible;
	union ip_text_list goals;	/* goal ids */
	struct ip_date start, end;
	struct ip_text how;
	struct ip_subplan subplan;
};

struct ip_review {
	struct ip_pos pos;
	struct ip_date date, done;
	struct ip_text summary;
};

struct ip_period {
	struct ip_pos pos;
	struct ip_date start, end;
	struct ip_interval review_interval;
	union ip_review_list reviews;
};

struct ip_consent_plan {
	struct ip_pos pos;
	struct ip_date date;
	union ip_text_list by;		/* participant ids, or free text */
	struct ip_date withdrawn;
};

/* One consent to share information: a plan has a list of them, each
 * never rewritten once given (see ip_covering()). */
struct ip_consent_sharing {
	struct ip_pos pos;
	struct ip_date date;
	union ip_text_list participants;	/* participant ids */
	struct ip_date until;
	struct ip_date withdrawn;
	union ip_text_list by;		/* participant ids, or free text */
};

struct ip_consent {
	struct ip_pos pos;
	struct ip_consent_plan plan;
	union ip_sharing_list information_sharing;
	/* guardians see only their own part from the person's 12th
	 * birthday (pasient- og brukerrettighetsloven § 3-4 second
	 * paragraph): see ip_guardian_sees_all() */
	struct ip_bool guardians_own_part;
};

struct ip_cooperation {
	struct ip_pos pos;
	struct ip_text with, about, contact;
	struct ip_text organization_number;	/* organisasjonsnummer */
	struct ip_text resh_id, her_id;
};

struct ip_closed {
	struct ip_pos pos;
	struct ip_date date;
	struct ip_text reason;
};

struct ip_plan {
	struct ip_pos pos;
	struct ip_text format, id;
	struct ip_enum language;	/* enum ip_lang */
	struct ip_enum status;
	struct ip_date created;		/* the day the plan was begun */
	struct ip_closed closed;
	union ip_text_list legal_basis;	/* from a vocabulary */
	struct ip_person person;
	struct ip_text coordinator;
	union ip_participant_list participants;
	union ip_goal_list goals;
	union ip_text_list resources;
	union ip_text_list needs;
	union ip_measure_list measures;
	struct ip_text implementation;
	struct ip_period period;
	struct ip_consent consent;
	union ip_cooperation_list cooperation;

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

/* As ip_plan_load() and ip_plan_load_partial(), from the len bytes at
 * buf, which the caller keeps. */
int ip_plan_load_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out);
int ip_plan_load_buf_partial(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out);
/* As ip_plan_load_buf_partial(), storing in *tree the YAML tree the plan
 * was decoded from, which lives as long as the plan (its arena holds it)
 * and which the plan does not refer to: an edit may relink it (edit.c). */
int ip_plan_load_tree(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out, struct ip_ynode **tree);

/* The regulation's words for items a to i in English, marked for the
 * messages' catalogues (N_); bokmål's and nynorsk's are the documents'
 * words (ip_labels()). */
extern const char *const ip_item_words_en[];

/* True if s is empty or holds only white space (see ip-plan(5)), which
 * counts as left out. */
bool ip_blank(const char *s);

/* Decodes a YAML tree into p (whose arena holds the tree).  Returns 0; 1
 * after adding to d errors in some keys or values, which it leaves out of
 * p as if absent; or -1 after adding errors to d if the tree is not a plan
 * at all (not a mapping, no format or another one). */
int ip_decode(struct ip_plan *p, const struct ip_ynode *root,
    struct ip_diags *d);
/* True if pos is that of a key the decoder left out, or of an unknown key
 * standing for it: an error is reported there, and the checks say
 * nothing of its absence. */
bool ip_plan_refused(const struct ip_plan *p, struct ip_pos pos);

/* The vocabularies, NULL-terminated, indexed by the enums above. */
extern const char *const ip_vocab_lang[];
extern const char *const ip_vocab_status[];
extern const char *const ip_vocab_care[];
extern const char *const ip_vocab_role[];
extern const char *const ip_vocab_goal_status[];
extern const char *const ip_vocab_legal_basis[];
/* The index of s in vocab, or -1. */
int ip_vocab_index(const char *const *vocab, const char *s);
/* The words as "a, b" then last then "c". */
char *ip_vocab_list(struct ip_arena *a, const char *const *vocab,
    const char *last);
/* The words as "a, b or c" in the messages' language, for messages. */
char *ip_vocab_or(struct ip_arena *a, const char *const *vocab);

/* Calls fn for every key the loader knows, parents before their keys, in
 * the loader's order: its path ("person.care", "goals[].subgoals[].id"),
 * its type ("text", "date", "boolean", "word", "interval", "mapping",
 * "list" of mappings, "list1": a mapping or a list of them, "texts": a
 * list of text, "texts1": a text or a list
 * of text) and its vocabulary, or NULL.  For the test that holds the JSON
 * Schema (lib/ip-plan.schema.json) to the loader. */
void ip_keys(void (*fn)(const char *path, const char *type,
    const char *const *vocab, void *ctx), void *ctx);

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

/* Parses "6 months", "6m", "14 days", "1y" ... */
bool ip_parse_interval(const char *s, int *n, char *unit);
/* The place of the interval's unit ('d', 'w', 'm', 'y') among them: 0
 * for days to 3 for years, as ip_labels.units and the schema's units
 * have them. */
int ip_interval_unit(const struct ip_interval *iv);

/* National ids: the kinds a plan may carry (see nid.c). */
enum ip_nid_kind {
	IP_NID_INVALID,		/* none of them */
	IP_NID_FNR,		/* fødselsnummer */
	IP_NID_DNR,		/* D-nummer: 40 added to the day */
	IP_NID_HNR,		/* H-nummer: 40 added to the month */
	IP_NID_FHNR		/* FH-nummer: first digit 8 or 9, no date */
};
struct ip_nid {
	enum ip_nid_kind kind;
	bool synthetic;		/* a test number: 80 added to the month */
	/* Not for an FH-nummer: the date it holds, less the century */
	int yy, month, mday;
	bool dated;		/* the table before 2032 gives the century */
	int32_t birth;		/* if dated: the day of birth that gives */
};
/* The kind of national id s is, with what it holds in *out when not
 * NULL; IP_NID_INVALID if it is none (eleven digits, a date of the
 * calendar in one of the centuries 1800 to 2099, and the check digits by
 * the rule before 2032 or the one from 2032). */
enum ip_nid_kind ip_nid_parse(const char *s, struct ip_nid *out);
/* "fødselsnummer", "D-nummer" ..., as messages and documents name it. */
const char *ip_nid_kind_name(enum ip_nid_kind k);
/* True if day is the date n holds (not an FH-nummer's) in one of the
 * centuries 1800 to 2099: a birth_date that fits it. */
bool ip_nid_fits(const struct ip_nid *n, int32_t day);
/* Where a person's day of birth comes from (ip_birth_source). */
enum ip_birth {
	IP_BIRTH_UNKNOWN,	/* no birth_date, no national id with a date */
	IP_BIRTH_GIVEN,		/* birth_date, which fits the national id */
	IP_BIRTH_DIFFERS,	/* birth_date, whose date the id does not
				 * hold: the id's, if the table gives its
				 * century, else birth_date */
	IP_BIRTH_NATIONAL_ID,	/* the national id, by the table before 2032 */
	IP_BIRTH_AMBIGUOUS	/* a national id that does not tell the
				 * century, and no birth_date */
};
/* The day the person ps was born, in *day unless unknown or ambiguous:
 * birth_date when the plan gives one that fits the national id, which
 * so decides the century of the id's date; else the id's date in the
 * century that the table of individual numbers before 2032 gives (also
 * over a birth_date that differs, which rule birth-date reports); else
 * birth_date.  ip_person_birth() and the age rules go by it. */
enum ip_birth ip_birth_source(const struct ip_person *ps, int32_t *day);
/* What national_id and birth_date leave unclear of the day the person
 * ps was born, which the age rules go by, as ip-validate(1) says it, into
 * d: a birth_date that differs from the id's date, an id that does not
 * tell the century without birth_date (warnings), a day of birth after
 * today (an error).  Nothing if the plan has no valid national id.
 * (check.c) */
void ip_check_birth(const struct ip_person *ps, int32_t today,
    struct ip_diags *d);
/* True if s is a national id of any kind. */
bool ip_national_id_valid(const char *s);
/* True if s is an organisasjonsnummer: nine digits, the last the mod-11
 * check digit of the first eight. */
bool ip_orgnr_valid(const char *s);
/* True if s is an HPR-nummer, a RESH-id or a HER-id: one to nine digits,
 * not starting with 0. */
bool ip_register_number_valid(const char *s);
/* The one rule for what in text looks like a national id, which every
 * output masks: the length in bytes of the valid national id written at
 * the start of s, 0 if none.  Its eleven digits may be ASCII or
 * fullwidth, and between the day, month, year, individual number and
 * check digits may stand one separator: blanks (space, tab, no-break,
 * thin and the like), or one of - . / _, a hyphen or dash, a minus, or
 * their fullwidth forms, with blanks about it or not.  A number inside a
 * longer run of digits counts too: callers ask at every digit. */
size_t ip_nid_written(const char *s);
/* Fills in the two check digits after the nine digits at s (which has room
 * for 12 bytes); false if that individual number has no valid ones. */
bool ip_national_id_complete(char *s);

/* --- the person's age (persons.c) --------------------------------------- */

/* The person's date of birth in *day, as ip_birth_source() decides it.
 * False if neither birth_date nor the national id says, or the national
 * id does not tell the century and birth_date is not given. */
bool ip_person_birth(const struct ip_plan *p, int32_t *day);
/* The age in whole years on day of someone born on birth. */
int ip_age_on(int32_t birth, int32_t day);
/* The person's age on day, or -1 if the plan does not tell the date of
 * birth. */
int ip_person_age(const struct ip_plan *p, int32_t day);
/* The age from which a person consents alone and guardians see no more
 * than others (pasient- og brukerrettighetsloven § 4-3, § 4-4, § 3-4). */
#define IP_AGE_OF_CONSENT 16
/* The age from which a plan may keep guardians to their own part
 * (consent.guardians_own_part, § 3-4 second paragraph). */
#define IP_AGE_OWN_PART 12

/* True if the participant q is one of the person's guardians (role
 * guardian). */
bool ip_is_guardian(const struct ip_participant *q);

/* --- one plan per person (persons.c) ------------------------------------ */

/* A plan with a valid national id, as rule one-plan compares plans: the
 * first member of a record of the caller's own. */
struct ip_person_seen {
	uint64_t nid;		/* the national id, as a number */
	uint32_t order;		/* the plan's index in the walk */
};
/* Fills in *who for p, found at order in the walk: false, and *who
 * untouched, if p has no valid national id. */
bool ip_plan_person(const struct ip_plan *p, size_t order,
    struct ip_person_seen *who);
/* Calls again(ctx, later, first) for each record of v (n records of size
 * bytes, each starting with a struct ip_person_seen) whose person has a
 * record of a lower order, in the order of the later: first is the
 * record of that person's lowest order.  Reorders v; aborts when out of
 * memory. */
void ip_persons_again(void *v, size_t n, size_t size,
    void (*again)(void *ctx, const void *later, const void *first),
    void *ctx);

/* --- when reviews fall due (due.c) --------------------------------------- */

/* What the reviews of a plan come to. */
struct ip_reviews {
	int32_t last_done;	/* the latest done date, or INT32_MIN */
	int32_t first;		/* the earliest planned date, or INT32_MAX */
	int32_t open;		/* the earliest planned date without done,
				   or INT32_MAX */
	int32_t interval;	/* the review review_interval asks for, or
				   INT32_MAX */
};

/* What the reviews of p come to on day (see due.c for the interval's
 * rule): a review done after day counts as not yet done. */
struct ip_reviews ip_reviews_of(const struct ip_plan *p, int32_t day);
/* Whether reviews that come to rs were never done though the first
 * planned date, stored in *first, is before today: the earliest planned
 * review, or the one review_interval asks for, only if it does. */
bool ip_reviews_never(const struct ip_reviews *rs, int32_t today,
    int32_t *first);
/* The day of p's next review as ip-review(1) reports it on today: the
 * earliest planned review not done by today, or the one review_interval
 * asks for if that is earlier.  False if there is none, or p is closed
 * on today. */
bool ip_next_review(const struct ip_plan *p, int32_t today, int32_t *day);
/* True if ip-review(1) reports a review of p overdue as of today: its
 * next review (see ip_next_review()) is before today. */
bool ip_review_overdue(const struct ip_plan *p, int32_t today);
/* True if ip-review(1) reports p never-reviewed as of today: p is not
 * closed on today, no review is done by today, and the first planned date (the earliest planned
 * review, or the one review_interval asks for) is before today. */
bool ip_never_reviewed(const struct ip_plan *p, int32_t today);

/* --- ip-review, a plan at a time ----------------------------------------- */

/* What is due in plans, for a caller that loads the plans itself. */
struct ip_review_run;
/* Checks the options of o (all but jobs); returns a run to add plans to,
 * or NULL after saying why on e.  End it with ip_review_finish(). */
struct ip_review_run *ip_review_start(const struct ip_review_opts *o,
    const struct ip_err *e);
/* Adds what is due in p, the index-th plan in walk order; keeps nothing
 * of p.  Safe to call from several threads at once. */
void ip_review_add(struct ip_review_run *r, const struct ip_plan *p,
    size_t index);
/* Sorts the findings and writes them to out as the options asked, or
 * with mail through its open() and close(), storing in *unsent how many
 * messages could not be (*unsent is untouched without mail); frees r and
 * returns how many findings there were.  The caller checks out for write
 * errors. */
size_t ip_review_finish(struct ip_review_run *r, FILE *out, size_t *unsent);


/* The SHA-1 digest of the n bytes at data into out. */
void ip_sha1(const void *data, size_t n, unsigned char out[20]);
/* The name-based (version 5) UUID of name in the namespace ns, as 36
 * characters and a NUL in out; returns out.  Aborts when out of memory. */
char *ip_uuid5(const unsigned char ns[16], const char *name, char out[37]);

#endif
