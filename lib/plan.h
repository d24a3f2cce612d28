/*
 * plan.h - private interfaces of libiplan: the in-memory plan, the YAML
 * tree it is decoded from, the arena both live in, and diagnostics.
 *
 * Only lib/ and the unit tests include this header; commands use iplan.h.
 */
#ifndef IPLAN_PLAN_H
#define IPLAN_PLAN_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "iplan.h"

/* Limits on one plan file: hostile input fails fast with a located error. */
#define IP_MAX_FILE	(4u << 20)	/* bytes in one plan file */
#define IP_MAX_DEPTH	32		/* nesting of mappings and sequences */
#define IP_MAX_NODES	50000		/* YAML nodes in one plan */
#define IP_MAX_SCALAR	(256u << 10)	/* bytes in one value */
#define IP_MAX_KEYS	256		/* keys in one mapping */

/* --- arena: every allocation for one plan, freed at once ----------------- */

struct ip_arena {
	struct ip_chunk *head;
	size_t used;		/* bytes used in head */
};

void *ip_arena_alloc(struct ip_arena *a, size_t n);	/* zeroed; aborts on OOM */
char *ip_arena_strndup(struct ip_arena *a, const char *s, size_t n);
char *ip_arena_printf(struct ip_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *ip_arena_vprintf(struct ip_arena *a, const char *fmt, va_list ap);
void ip_arena_reset(struct ip_arena *a);	/* keep the first chunk */
void ip_arena_free(struct ip_arena *a);

/* Makes room in the malloc'd array v (NULL to start) for need elements of
 * size bytes, doubling *cap; returns v, perhaps moved.  Aborts on OOM. */
void *ip_grow(void *v, size_t *cap, size_t need, size_t size);

/* --- dates --------------------------------------------------------------- */

/* A calendar date as days since 1970-01-01 (proleptic Gregorian). */
int32_t ip_days_from_civil(int y, int m, int d);
void ip_civil_from_days(int32_t days, int *y, int *m, int *d);
bool ip_date_valid(int y, int m, int d);
int ip_days_in_month(int y, int m);
/* Adds n units ('d', 'w', 'm', 'y'); months and years clamp to month end. */
int32_t ip_date_add(int32_t day, int n, char unit);

/* --- diagnostics --------------------------------------------------------- */

enum ip_severity { IP_WARNING = 1, IP_ERROR = 2 };

/* The catalogue: one entry per rule id (see ip-validate(1)). */
#define IP_RULES(X) \
	X(IO,		"io",			IP_ERROR) \
	X(LIMIT,	"limit",		IP_ERROR) \
	X(ENCODING,	"encoding",		IP_ERROR) \
	X(SYNTAX,	"syntax",		IP_ERROR) \
	X(UNSUPPORTED,	"unsupported-yaml",	IP_ERROR) \
	X(DUPKEY,	"duplicate-key",	IP_ERROR) \
	X(UNKNOWN_KEY,	"unknown-key",		IP_ERROR) \
	X(TYPE,		"type",			IP_ERROR) \
	X(DATE,		"date",			IP_ERROR) \
	X(VALUE,	"value",		IP_ERROR) \
	X(FORMAT,	"format",		IP_ERROR) \
	X(REQUIRED,	"required",		IP_ERROR) \
	X(ITEM_A,	"item-a",		IP_ERROR) \
	X(ITEM_B,	"item-b",		IP_ERROR) \
	X(ITEM_C,	"item-c",		IP_ERROR) \
	X(ITEM_D,	"item-d",		IP_ERROR) \
	X(ITEM_E,	"item-e",		IP_ERROR) \
	X(ITEM_F,	"item-f",		IP_ERROR) \
	X(ITEM_G,	"item-g",		IP_ERROR) \
	X(ITEM_H,	"item-h",		IP_ERROR) \
	X(ITEM_I,	"item-i",		IP_ERROR) \
	X(DUP_ID,	"duplicate-id",		IP_ERROR) \
	X(UNKNOWN_REF,	"unknown-ref",		IP_ERROR) \
	X(COORD_ROLE,	"coordinator-role",	IP_WARNING) \
	X(DATE_ORDER,	"date-order",		IP_ERROR) \
	X(OUTSIDE,	"outside-period",	IP_WARNING) \
	X(FUTURE,	"future-date",		IP_WARNING) \
	X(NATIONAL_ID,	"national-id",		IP_ERROR) \
	X(TEST_ID,	"test-national-id",	IP_WARNING) \
	X(BIRTH_DATE,	"birth-date",		IP_WARNING) \
	X(CLOSED,	"closed",		IP_ERROR) \
	X(WITHDRAWN,	"consent-withdrawn",	IP_ERROR) \
	X(MEASURE_GOAL,	"measure-goal",		IP_WARNING) \
	X(SUBGOAL_DUE,	"subgoal-due",		IP_WARNING) \
	X(PERSON_PART,	"person-participant",	IP_WARNING) \
	X(ONE_PLAN,	"one-plan",		IP_ERROR) \
	X(TEMPLATE,	"template",		IP_ERROR)

enum ip_rule {
#define X(e, id, sev) IP_R_##e,
	IP_RULES(X)
#undef X
	IP_R_COUNT
};

const char *ip_rule_id(enum ip_rule r);
enum ip_severity ip_rule_severity(enum ip_rule r);

struct ip_pos {
	uint32_t line, col;	/* 1-based; line 0: the whole file */
};

struct ip_diag {
	struct ip_pos pos;
	enum ip_rule rule;
	char *msg;		/* in the owning list's arena */
	size_t seq;		/* order found: breaks ties when sorted */
};

/* The findings for one file, in the order found; sorted when printed. */
struct ip_diags {
	const char *file;	/* display name */
	struct ip_diag *v;
	size_t n, cap;
	unsigned counts[3];	/* by severity */
	struct ip_arena arena;
};

/* A list of findings for the plan at path, named as messages show it:
 * "<stdin>" for "-".  Aborts when out of memory.  Free with
 * ip_diags_free(). */
struct ip_diags *ip_diags_for(const char *path);

void ip_diag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ip_vdiag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, va_list ap);

/* How text from a plan or the command line is shown: the character at s
 * (after_digit: the one before it is a digit) stands as it is, and its
 * length is returned with *instead NULL; or it is replaced by *instead:
 * "?" for a control or a byte that is not well-formed UTF-8, so that user
 * text can never forge a line of output or drive a terminal; "<U+202E>"
 * and the like for a bidirectional control (U+202A to U+202E, U+2066 to
 * U+2069) or a line or paragraph separator (U+2028, U+2029), which could
 * make a line read as something else; and "<national id>" for a valid
 * national id written as exactly 11 digits, or as 6 and 5 with a space
 * or a hyphen between, since a value quoted may be one typed into the
 * wrong field, and output goes to terminals, logs and cron mail. */
size_t ip_clean_step(const char *s, bool after_digit, const char **instead);
/* Writes s to f as ip_clean_step() shows it. */
void ip_fputs_clean(const char *s, FILE *f);
/* Writes "PROG: msg\n" to f, msg as ip_clean_step() shows it, in one
 * write: stderr is unbuffered. */
void ip_message(FILE *f, const char *prog, const char *msg);

/* --- the YAML tree ------------------------------------------------------- */

enum ip_ykind { IP_Y_SCALAR, IP_Y_MAP, IP_Y_SEQ };

struct ip_ynode {
	enum ip_ykind kind;
	bool plain;		/* scalar: unquoted, so may be a date, bool, null */
	struct ip_pos pos;
	const char *s;		/* scalar: NUL-terminated, no NUL inside */
	size_t len;
	struct ip_ynode *first;	/* map: key, value, key, value ...; seq: items */
	struct ip_ynode *last;
	struct ip_ynode *next;
	size_t n;		/* children */
};

/* Parses buf (len bytes, not NUL-terminated) into a tree in arena a.
 * Returns the root, or NULL after adding at least one error to d. */
struct ip_ynode *ip_yaml_parse(const char *buf, size_t len,
    struct ip_arena *a, struct ip_diags *d);

/* Reads a whole file ("-" is standard input) of at most IP_MAX_FILE bytes
 * into *buf (malloc'd, the caller frees).  Returns 0, or -1 after adding an
 * error to d (rule io or limit). */
int ip_read_file(const char *path, char **buf, size_t *len,
    struct ip_diags *d);

bool ip_scalar_is_null(const struct ip_ynode *n);

/* The position of byte offset off in the len bytes at buf, counted as the
 * loader counts: 1-based lines (LF, CR, CR LF, NEL, LS, PS) and
 * characters. */
struct ip_pos ip_pos_at(const char *buf, size_t len, size_t off);

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

struct ip_list {
	void *v;		/* array of n elements of the element type */
	size_t n;		/* 0: absent or empty */
	struct ip_pos pos;	/* of the value, or of the key if n is 0 */
};

#define IP_AT(list, type, i) (&((type *)(list).v)[i])

/* Every mapping type starts with its position: that of its key, also when
 * it is empty; line 0 if absent. */

struct ip_contact {
	struct ip_pos pos;
	struct ip_text phone, email, address;
};

enum ip_care { IP_CARE_VOLUNTARY, IP_CARE_COMPULSORY };
enum ip_role { IP_ROLE_PERSON, IP_ROLE_RELATIVE, IP_ROLE_PROVIDER,
	IP_ROLE_OTHER };
enum ip_status { IP_STATUS_ACTIVE, IP_STATUS_CLOSED };
enum ip_goal_status { IP_GOAL_OPEN, IP_GOAL_ACHIEVED, IP_GOAL_DROPPED };

struct ip_person {
	struct ip_pos pos;
	struct ip_text name, national_id;
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
	struct ip_list subgoals;	/* struct ip_subgoal */
};

struct ip_subplan {
	struct ip_pos pos;
	struct ip_text kind, reference;
};

struct ip_measure {
	struct ip_pos pos;
	struct ip_text id, title, extent, responsible;
	struct ip_list goals;		/* struct ip_text: goal ids */
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
	struct ip_list reviews;		/* struct ip_review */
};

struct ip_consent_plan {
	struct ip_pos pos;
	struct ip_date date;
	struct ip_text by;
	struct ip_date withdrawn;
};

struct ip_consent_sharing {
	struct ip_pos pos;
	struct ip_date date;
	struct ip_list participants;	/* struct ip_text: participant ids */
	struct ip_date until;
	struct ip_date withdrawn;
};

struct ip_consent {
	struct ip_pos pos;
	struct ip_consent_plan plan;
	struct ip_consent_sharing information_sharing;
};

struct ip_cooperation {
	struct ip_pos pos;
	struct ip_text with, about, contact;
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
	struct ip_closed closed;
	struct ip_list legal_basis;	/* struct ip_text, from a vocabulary */
	struct ip_person person;
	struct ip_text coordinator;
	struct ip_list participants;	/* struct ip_participant */
	struct ip_list goals;		/* struct ip_goal */
	struct ip_list resources;	/* struct ip_text */
	struct ip_list needs;		/* struct ip_text */
	struct ip_list measures;	/* struct ip_measure */
	struct ip_text implementation;
	struct ip_period period;
	struct ip_consent consent;
	struct ip_list cooperation;	/* struct ip_cooperation */

	/* Not from the file: */
	const char *file;		/* display name */
	/* the participants that have an id, by id, and in the plan's order
	 * among those of the same id: see ip_find_participant() */
	const struct ip_participant **by_id;
	size_t n_by_id;
	struct ip_arena arena;		/* holds everything above */
};

/* As ip_plan_load(), from the len bytes at buf, which the caller keeps. */
int ip_plan_load_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out);

/* The regulation's words for items a to i, in bokmål. */
extern const char *const ip_item_words[];

/* True if s is empty or holds only white space (see ip-plan(5)), which
 * counts as left out. */
bool ip_blank(const char *s);

/* Decodes a YAML tree into p (whose arena holds the tree).  Returns 0, or
 * -1 after adding errors to d. */
int ip_decode(struct ip_plan *p, const struct ip_ynode *root,
    struct ip_diags *d);

/* The vocabularies, NULL-terminated, indexed by the enums above. */
extern const char *const ip_vocab_lang[];
extern const char *const ip_vocab_status[];
extern const char *const ip_vocab_care[];
extern const char *const ip_vocab_role[];
extern const char *const ip_vocab_goal_status[];
extern const char *const ip_vocab_legal_basis[];
/* The index of s in vocab, or -1. */
int ip_vocab_index(const char *const *vocab, const char *s);
/* The words as "a, b" then last then "c", for messages. */
char *ip_vocab_list(struct ip_arena *a, const char *const *vocab,
    const char *last);

/* Calls fn for every key the loader knows, parents before their keys, in
 * the loader's order: its path ("person.care", "goals[].subgoals[].id"),
 * its type ("text", "date", "boolean", "word", "interval", "mapping",
 * "list" of mappings, "texts": a list of text, "texts1": a text or a list
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
/* True if the plan's status is closed; any other plan is active. */
bool ip_plan_closed(const struct ip_plan *p);

/* Parses "6 months", "6m", "14 days", "1y" ... */
bool ip_parse_interval(const char *s, int *n, char *unit);

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
	int32_t birth;		/* the date it holds; not for an FH-nummer */
};
/* The kind of national id s is, with what it holds in *out when not
 * NULL; IP_NID_INVALID if it is none (eleven digits, a date of the
 * calendar in a century the individual number allows, both check
 * digits). */
enum ip_nid_kind ip_nid_parse(const char *s, struct ip_nid *out);
/* "fødselsnummer", "D-nummer" ..., as messages and documents name it. */
const char *ip_nid_kind_name(enum ip_nid_kind k);
/* True if s is a national id of any kind. */
bool ip_national_id_valid(const char *s);
/* Fills in the two check digits after the nine digits at s (which has room
 * for 12 bytes); false if that individual number has no valid ones. */
bool ip_national_id_complete(char *s);

/* --- ip-review, a plan at a time ----------------------------------------- */

/* ip_review() in steps, for a caller that loads the plans itself. */
struct ip_review_run;
/* Checks the options of o (all but jobs); returns a run to add plans to,
 * or NULL after printing why.  End it with ip_review_finish(). */
struct ip_review_run *ip_review_start(const struct ip_review_opts *o,
    const char *prog);
/* Adds what is due in p, the index-th plan in walk order; keeps nothing
 * of p.  Safe to call from several threads at once. */
void ip_review_add(struct ip_review_run *r, const struct ip_plan *p,
    size_t index);
/* Sorts the findings and writes them to out as the options asked, frees
 * r and returns the exit status for ip-review(1).  The caller checks out
 * for write errors. */
int ip_review_finish(struct ip_review_run *r, FILE *out);
/* The day of p's next review as ip-review(1) reports it: the earliest
 * planned review without done, or the one review_interval asks for if
 * that is earlier.  False if there is none, or p is closed. */
bool ip_next_review(const struct ip_plan *p, int32_t *day);
/* True if ip-review(1) reports a review of p overdue as of today: its
 * next review (see ip_next_review()) is before today. */
bool ip_review_overdue(const struct ip_plan *p, int32_t today);
/* True if ip-review(1) reports p never-reviewed as of today: p is active,
 * no review is done, and the first planned date (the earliest planned
 * review, or the one review_interval asks for) is before today. */
bool ip_never_reviewed(const struct ip_plan *p, int32_t today);


/* The SHA-1 digest of the n bytes at data into out. */
void ip_sha1(const void *data, size_t n, unsigned char out[20]);
/* The name-based (version 5) UUID of name in the namespace ns, as 36
 * characters and a NUL in out; returns out.  Aborts when out of memory. */
char *ip_uuid5(const unsigned char ns[16], const char *name, char out[37]);

/* Levenshtein distance, capped at max + 1. */
int ip_edit_distance(const char *a, const char *b, int max);

/* Decodes the UTF-8 character at s (n > 0 bytes left): returns its length
 * and stores it in *cp, or returns 0 if the bytes are not well-formed
 * UTF-8 (overlong forms, surrogates and values past U+10FFFF included). */
size_t ip_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* True for the controls a terminal obeys: C0, DEL and C1. */
bool ip_is_control(uint32_t c);

#endif
