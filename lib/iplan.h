/*
 * iplan.h - the public interface of libiplan, the core of the iplan
 * toolkit for Norwegian individual plans (individuell plan).
 *
 * Every public name starts with ip_ or IP_.  Types are opaque: a plan is
 * loaded, used through these functions and freed with ip_plan_free().
 * Functions returning int return 0 on success, -1 on failure, unless
 * documented otherwise.  The library never prints on its own, never reads
 * argv and never decides an exit status: a function that can fail for a
 * reason the user must be told writes it to the struct ip_err it is
 * given (see ip_fail()).  Out of memory, every
 * function here that allocates says so on file descriptor 2 and aborts,
 * as cmark's do: none returns an error for it.
 */
#ifndef IPLAN_H
#define IPLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define IPLAN_VERSION "0.1.0"

/* The version the library was built as (compare with IPLAN_VERSION). */
const char *ip_version(void);

/* Document languages. */
enum ip_lang { IP_LANG_NB, IP_LANG_NN, IP_LANG_EN };

struct ip_plan;
struct ip_diags;

/* --- saying why ---------------------------------------------------------- */

/* Where a function says why it failed: a line "PROG: message" on f. */
struct ip_err {
	FILE *f;
	const char *prog;	/* "ip-export" */
};

/* Writes "PROG: message\n" to e->f in one write, the message cleaned as
 * ip-validate(1) shows text from a plan; returns -1. */
int ip_fail(const struct ip_err *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flushes f, the stream named name in messages ("standard output");
 * returns 0, or -1 if that or an earlier write failed, having said why
 * unless it was a pipe whose reader has left (EPIPE): that reader left
 * on purpose, as head(1) does. */
int ip_flush(FILE *f, const char *name, const struct ip_err *e);

/* The checks of option values more than one command has.  Each returns
 * 0, or -1 after saying why, naming the option --opt. */
/* The index of s in the NULL-terminated vocab, into *out. */
int ip_opt_word(const struct ip_err *e, const char *opt, const char *s,
    const char *const *vocab, int *out);
/* A count from 1 to max, decimal without a sign or leading zeros. */
int ip_opt_count(const struct ip_err *e, const char *opt, const char *arg,
    unsigned max, unsigned *n);
/* A date YYYY-MM-DD, as days since 1970-01-01. */
int ip_opt_date(const struct ip_err *e, const char *opt, const char *arg,
    int32_t *day);
/* The most threads a walk runs (-j). */
#define IP_MAX_JOBS 64

/* --- diagnostics --------------------------------------------------------- */

/* Creates an empty list of findings for the file shown as name (copied).
 * Aborts when out of memory.  Free with ip_diags_free(). */
struct ip_diags *ip_diags_new(const char *name);
void ip_diags_free(struct ip_diags *d);
/* Forgets the findings and names the list after another file. */
void ip_diags_reset(struct ip_diags *d, const char *name);

/* Print flags. */
#define IP_PRINT_NO_WARNINGS	0x1	/* leave warnings out */

/* Prints the findings sorted by position, as
 * FILE:LINE:COL: error|warning: message [rule-id], the words "error" and
 * "warning" and the message in the messages' language.  Returns -1 if f has
 * an error after writing, else 0. */
int ip_diags_print(struct ip_diags *d, FILE *f, unsigned flags);
size_t ip_diags_errors(const struct ip_diags *d);
size_t ip_diags_warnings(const struct ip_diags *d);
/* True if the list holds an I/O or size trouble (exit status 2). */
bool ip_diags_trouble(const struct ip_diags *d);

/* --- plans --------------------------------------------------------------- */

/* Loads the plan at path ("-" for standard input), shown in messages under
 * the name d was made with.  On success returns 0 and stores in *out a plan
 * that the caller frees with ip_plan_free().  Otherwise returns -1, stores
 * NULL and has added the reasons to d. */
int ip_plan_load(const char *path, struct ip_diags *d, struct ip_plan **out);
/* As ip_plan_load(), but a file that parses as YAML and says it is an
 * iplan/1 plan gives a plan even if some of its keys are unknown or some
 * values of the wrong type or outside their vocabulary: those are added to
 * d and left out of the plan, as if absent, for ip_plan_check() to run on
 * the rest, as ip-validate(1) does.  Returns 0 if there were none, 1 if
 * there were (use such a plan for nothing but its checks), or -1 with
 * *out NULL if the file is not a plan that can be read. */
int ip_plan_load_partial(const char *path, struct ip_diags *d,
    struct ip_plan **out);
void ip_plan_free(struct ip_plan *p);

/* Runs the content checks of ip-validate(1) on a loaded plan as of today
 * (days since 1970-01-01), adding findings to d.  Of a plan from
 * ip_plan_load_partial() they say nothing of a field left out for an
 * error, nor what hangs on it (see ip-validate(1)). */
void ip_plan_check(const struct ip_plan *p, int32_t today,
    struct ip_diags *d);

/* The plan's national id (NULL if none); owned by the plan. */
const char *ip_plan_national_id(const struct ip_plan *p);

/* --- dates --------------------------------------------------------------- */

/* Parses YYYY-MM-DD into days since 1970-01-01; returns 0 or -1. */
int ip_date_parse(const char *s, int32_t *day);
/* Formats day as YYYY-MM-DD into buf (at least 11 bytes); returns buf. */
char *ip_date_format(int32_t day, char *buf);
/* Today's date from the system clock, in local time. */
int32_t ip_date_today(void);

/* --- walking the arguments ----------------------------------------------- */

/* Calls fn for every plan file named by paths: files as given, "-" for
 * standard input, directories searched recursively for *.yaml and *.yml in
 * byte order of their names (hidden entries left out), each file once
 * however often it is met (by device and inode).  A path that cannot
 * be read is passed to fn too, so that loading it reports why.  fn gets the
 * file's index in that order and the stream to write its output to.
 *
 * With jobs > 1, fn runs on that many threads at once (it must be thread-
 * safe), each call writing to a stream of its own that is copied to out in
 * walk order: the output is the same as with one job.  With jobs <= 1, fn
 * is called as the walk goes and writes to out itself.
 *
 * A non-zero return from fn stops the walk and is returned.  Errors of the
 * walk itself (a directory that cannot be read or entered, a symlink loop,
 * a dangling link named as a plan) are written to out
 * as "PROG: ..." in their place, and make it return -1 at the end, as
 * does an error writing to out.  The memory it takes does not grow with
 * the files but for what it keeps of each to know it when met again
 * (see ip-validate(1)). */
int ip_walk(char *const *paths, size_t n, unsigned jobs,
    int (*fn)(const char *path, size_t index, FILE *out, void *ctx),
    void *ctx, const char *prog, FILE *out);
/* The number of jobs to run by default: the processors online, at most
 * IP_MAX_JOBS. */
unsigned ip_default_jobs(void);

/* --- ip-new -------------------------------------------------------------- */

/* The options of ip-new(1) as given on the command line, NULL where not
 * given; ip_new() checks each the way ip-validate(1) would. */
struct ip_new_opts {
	const char *name;		/* --name: the person; required */
	const char *national_id;	/* --national-id */
	const char *birth_date;		/* --birth-date */
	const char *coordinator;	/* --coordinator: a name */
	const char *start;		/* --start; NULL: today */
	const char *period;		/* --period; NULL: one year */
	const char *reviews;		/* --reviews N */
	const char *review_interval;	/* --review-interval */
	const char *language;		/* --language; NULL: nb */
	const char *care;		/* --care */
	const char *id;			/* --id: the plan's id */
	const char *template_file;	/* --template; NULL: the built-in one */
	bool force;			/* --force: replace an existing file */
	bool no_schema;			/* --no-schema: no modeline */
	int32_t today;			/* days since 1970-01-01 */
};

/* Makes a new plan as o asks: checks every option and loads the result,
 * then stores it in *buf (malloc'd, the caller frees) and *len.  Returns
 * 0, or -1 after saying why on e (findings in the plan it would make go
 * to e->f as ip_diags_print() writes them). */
int ip_new_make(const struct ip_new_opts *o, const struct ip_err *e,
    char **buf, size_t *len);

/* --- ip-review ----------------------------------------------------------- */

/* The options of ip-review(1); ip_review() checks the strings. */
struct ip_review_opts {
	int32_t today;		/* days since 1970-01-01 */
	const char *within;	/* --within: the horizon; NULL: 30 days */
	const char *format;	/* --format text, tsv or ics; NULL: text */
	bool by_coordinator;	/* --by-coordinator: grouped, text only */
	const char *draft_days;	/* --draft-days: a draft older is reported;
				   NULL: 30 */
	unsigned jobs;		/* -j: threads; 0 or 1: one */
};

/* --- ip-stats ------------------------------------------------------------ */

/* What ip-stats(1) groups the figures by (--by). */
enum ip_stats_by { IP_BY_NONE, IP_BY_COORDINATOR, IP_BY_ORGANIZATION,
	IP_BY_LEGAL_BASIS, IP_BY_LANGUAGE };
/* The words of --by, NULL-terminated: the i-th is enum ip_stats_by i + 1. */
extern const char *const ip_stats_by_words[];

enum ip_stats_format { IP_STATS_TEXT, IP_STATS_TSV, IP_STATS_JSON,
	IP_STATS_HTML };
/* The words of --format, NULL-terminated, indexed by the enum. */
extern const char *const ip_stats_formats[];

struct ip_stats_opts {
	int32_t today;		/* days since 1970-01-01 */
	enum ip_stats_by by;
	enum ip_stats_format format;
};

/* ip-stats(1) a plan at a time: the caller loads the plans. */
struct ip_stats_run;
/* Starts counting as o asks (o is copied); aborts when out of memory.
 * End it with ip_stats_finish(). */
struct ip_stats_run *ip_stats_start(const struct ip_stats_opts *o);
/* Counts p, the plan found at index in the walk, as of o->today, checked
 * as ip-validate(1) checks it, a later plan for a person with an earlier
 * one too; keeps nothing of p but the names of its groups and, if it
 * has a valid national id, that, index and which groups it is in.  Safe
 * to call from several threads at once. */
void ip_stats_add(struct ip_stats_run *r, const struct ip_plan *p,
    size_t index);
/* Writes the figures to out as o->format asks, the same bytes for the
 * same plans and day in whatever order they were added, and frees r.
 * The caller checks out for write errors. */
void ip_stats_finish(struct ip_stats_run *r, FILE *out);

/* --- ip-export ----------------------------------------------------------- */

/* The options of ip-export(1) as given, NULL where not given; ip_export()
 * checks them. */
struct ip_export_opts {
	const char *format;	/* markdown, html or xml; NULL: markdown */
	const char *language;	/* nb, nn or en; NULL: the plan's */
	const char *for_id;	/* --for: a participant's id; NULL: all */
	bool consent_form;	/* --consent-form: the form to sign */
	const char *revision;	/* --revision: a label for the footer */
	const char *output;	/* -o: a file; NULL or "-": standard output */
	const char *source_date_epoch;	/* $SOURCE_DATE_EPOCH, or NULL */
	int32_t today;		/* days since 1970-01-01 */
};



/* --- writing files ------------------------------------------------------- */

struct ip_out;

/* Starts writing path ("-" or NULL: the stream std).  Unless replace,
 * an existing path is refused.  A link is followed, and the file it leads
 * to written as path would be.  An existing file that is not a regular
 * file (/dev/null, a FIFO) is written straight into; any other is written
 * through a temporary file beside it, created mode 0600 and exclusively,
 * which ip_out_commit() puts in its place.  Returns NULL after saying
 * why on e.  Until the commit or abort, every signal that would end the
 * process removes the temporary file first; so one output is open at a
 * time.  See ip-export(1), -o, for links, standard output and modes. */
struct ip_out *ip_out_open(const char *path, FILE *std, bool replace,
    const struct ip_err *e);
/* The stream to write to. */
FILE *ip_out_file(struct ip_out *o);
/* Puts the complete file in place (failing if, unless replace, a file of
 * that name has come meanwhile), or for std flushes it, as ip_flush()
 * does: quiet when the reader has left.  Frees o; returns 0, or -1 after
 * saying why on e (a file is then untouched). */
int ip_out_commit(struct ip_out *o, const struct ip_err *e);
/* Drops the temporary file; the target is untouched.  Frees o. */
void ip_out_abort(struct ip_out *o);
/* Whether the file at path is a plan, which an export must not replace
 * unless asked: 1 if it is a regular file whose first key is format with
 * a value that starts with iplan/, or that loads as a plan; 0 if not, or
 * if it is no regular file; -1 with errno set if it cannot be read. */
int ip_file_is_plan(const char *path);

#endif
