/*
 * diag.h - diagnostics: the catalogue of rules (as mandoc's), positions,
 * the findings for one file, and how user text is shown in messages.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_DIAG_H
#define IPLAN_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "iplan.h"

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
	X(NID_ISSUER,	"national-id-issuer",	IP_WARNING) \
	X(BIRTH_DATE,	"birth-date",		IP_WARNING) \
	X(IDENTIFIER,	"identifier",		IP_ERROR) \
	X(CLOSED,	"closed",		IP_ERROR) \
	X(WITHDRAWN,	"consent-withdrawn",	IP_ERROR) \
	X(MEASURE_GOAL,	"measure-goal",		IP_WARNING) \
	X(SUBGOAL_DUE,	"subgoal-due",		IP_WARNING) \
	X(PERSON_PART,	"person-participant",	IP_WARNING) \
	X(PERSON_TWICE,	"person-twice",		IP_ERROR) \
	X(NO_GUARDIAN,	"no-guardian",		IP_WARNING) \
	X(GUARDIAN_CONSENT, "guardian-consent",	IP_WARNING) \
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

/* The position of byte offset off in the len bytes at buf, counted as the
 * loader counts: 1-based lines (LF, CR, CR LF, NEL, LS, PS) and
 * characters. */
struct ip_pos ip_pos_at(const char *buf, size_t len, size_t off);

struct ip_diag {
	struct ip_pos pos;
	enum ip_rule rule;
	enum ip_severity sev;	/* the rule's, or lowered: see below */
	char *msg;		/* in the owning list's arena */
	size_t seq;		/* order found: breaks ties when sorted */
};

/* The findings for one file, in the order found; sorted when printed. */
struct ip_diags {
	const char *file;	/* display name */
	struct ip_diag *v;
	size_t n, cap;
	size_t found;		/* findings ever added: the next seq */
	unsigned counts[3];	/* by severity */
	struct ip_arena arena;
};


void ip_diag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void ip_vdiag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, va_list ap) __attribute__((format(printf, 4, 0)));

/* Forgets the findings from the from-th found on for which drop(finding,
 * ctx) is true. */
void ip_diags_drop(struct ip_diags *d, size_t from,
    bool (*drop)(const struct ip_diag *, const void *), const void *ctx);

/* Makes the errors from the from-th found on for which soften(finding,
 * ctx) is true warnings, as the nine items are for a draft. */
void ip_diags_soften(struct ip_diags *d, size_t from,
    bool (*soften)(const struct ip_diag *, const void *), const void *ctx);

/* Writes s to f as a text cell of TSV meant for a spreadsheet: as
 * ip_fputs_clean() does, after a "'" if s starts with what a spreadsheet
 * takes for a formula (=, +, -, @, a tab or a carriage return), as OWASP
 * advises against CSV injection.  Dates and counts are not text cells. */
void ip_fputs_cell(const char *s, FILE *f);
/* Writes "PROG: msg\n" to f, msg as ip_clean_step() shows it, in one
 * write: stderr is unbuffered. */
void ip_message(FILE *f, const char *prog, const char *msg);

#endif
