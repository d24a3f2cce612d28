/*
 * iplan.h - the public interface of libiplan, the core of the iplan
 * toolkit for Norwegian individual plans (individuell plan).
 *
 * Every public name starts with ip_ or IP_.  Types are opaque: a plan is
 * loaded, used through these functions and freed with ip_plan_free().
 * Functions returning int return 0 on success; negative values and the
 * IP_EXIT_* codes are documented at each function.
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

/* Exit statuses, the same for every command. */
enum {
	IP_EXIT_OK = 0,		/* clean, nothing due */
	IP_EXIT_FINDINGS = 1,	/* validation errors, plans due */
	IP_EXIT_TROUBLE = 2	/* usage, I/O, internal */
};

/* Document languages. */
enum ip_lang { IP_LANG_NB, IP_LANG_NN, IP_LANG_EN };

struct ip_plan;
struct ip_diags;

/* --- diagnostics --------------------------------------------------------- */

/* Creates an empty list of findings for the file shown as name (copied).
 * Free with ip_diags_free(). */
struct ip_diags *ip_diags_new(const char *name);
void ip_diags_free(struct ip_diags *d);
/* Forgets the findings and names the list after another file. */
void ip_diags_reset(struct ip_diags *d, const char *name);

/* Print flags. */
#define IP_PRINT_NO_WARNINGS	0x1	/* leave warnings out */

/* Prints the findings sorted by position, as
 * FILE:LINE:COL: error|warning: message [rule-id].  Returns -1 if f has
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
void ip_plan_free(struct ip_plan *p);

/* Runs the content checks of ip-validate(1) on a loaded plan as of today
 * (days since 1970-01-01), adding findings to d. */
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
 * the files but for 11 to 22 bytes each, to know them when met again. */
int ip_walk(char *const *paths, size_t n, unsigned jobs,
    int (*fn)(const char *path, size_t index, FILE *out, void *ctx),
    void *ctx, const char *prog, FILE *out);
/* The number of jobs to run by default: the processors online. */
unsigned ip_default_jobs(void);

/* --- ip-validate --------------------------------------------------------- */

struct ip_validate_opts {
	int32_t today;
	unsigned jobs;		/* -j: threads; 0 or 1: one */
	bool quiet;		/* -q: no warnings */
	bool strict;		/* --strict: warnings count as errors */
};

/* Validates the plans named by paths (as ip_walk()), prints findings to
 * err and returns the exit status for ip-validate(1). */
int ip_validate(char *const *paths, size_t n,
    const struct ip_validate_opts *o, const char *prog, FILE *err);

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

/* Writes a new plan to path ("-" or NULL: standard output), mode 0600,
 * never over an existing file unless o->force.  Nothing is written unless
 * every option is valid and the plan loads.  Returns the exit status for
 * ip-new(1), having printed why when it is not 0. */
int ip_new(const char *path, const struct ip_new_opts *o, const char *prog);

/* --- ip-review ----------------------------------------------------------- */

/* The options of ip-review(1); ip_review() checks the strings. */
struct ip_review_opts {
	int32_t today;		/* days since 1970-01-01 */
	const char *within;	/* --within: the horizon; NULL: 30 days */
	const char *format;	/* --format text, tsv or ics; NULL: text */
	bool by_coordinator;	/* --by-coordinator: grouped, text only */
	unsigned jobs;		/* -j: threads; 0 or 1: one */
};

/* Writes to out what is due in the plans named by paths (as ip_walk())
 * as of o->today, sorted by date; a plan that does not load is reported
 * on stderr and the rest are still read.  Returns the exit status for
 * ip-review(1): 0 nothing due, 1 something due, 2 trouble (having
 * printed why).  The caller checks out for write errors. */
int ip_review(char *const *paths, size_t n, const struct ip_review_opts *o,
    const char *prog, FILE *out);

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
/* Starts counting as o asks (o is copied).  Returns NULL when out of
 * memory.  End it with ip_stats_finish(). */
struct ip_stats_run *ip_stats_start(const struct ip_stats_opts *o);
/* Counts p as of o->today, checked as ip-validate(1) checks it; keeps
 * nothing of p but the names of its groups.  Safe to call from several
 * threads at once. */
void ip_stats_add(struct ip_stats_run *r, const struct ip_plan *p);
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

/* Renders the plan at path ("-" or NULL: standard input) as o asks and
 * writes it, atomically when to a file (replacing the file).  Nothing is
 * written unless the whole document was made.  Returns the exit status
 * for ip-export(1) (0 written, 1 the plan has errors that stop it, 2
 * trouble), having printed why when it is not 0. */
int ip_export(const char *path, const struct ip_export_opts *o,
    const char *prog);

/* Writes the id of each participant of the plan at path ("-" or NULL:
 * standard input) to out, one a line, for shell completion: ids only, and
 * only those that print as they are (see ip_fputs_clean()), so never a
 * national id.  Returns the exit status for ip-export --list-participants
 * (0, 1 the plan does not load, 2 trouble), having printed why when it is
 * not 0.  The caller checks out for write errors. */
int ip_list_participants(const char *path, FILE *out);

/* --- writing files ------------------------------------------------------- */

struct ip_out;

/* Starts writing path ("-" or NULL: standard output).  Unless replace,
 * an existing path is refused.  A link is followed, and the file it leads
 * to written as path would be.  An existing file that is not a regular
 * file (/dev/null, a FIFO) is written straight into; any other is written
 * through a temporary file beside it, created mode 0600 and exclusively,
 * which ip_out_commit() puts in its place.  Returns NULL after printing
 * why.  Until the commit or abort, SIGHUP, SIGINT and SIGTERM remove the
 * temporary file before they end the process; so one output is open at
 * a time. */
struct ip_out *ip_out_open(const char *path, bool replace, const char *prog);
/* The stream to write to. */
FILE *ip_out_file(struct ip_out *o);
/* Puts the complete file in place (failing if, unless replace, a file of
 * that name has come meanwhile), or for standard output flushes it, as
 * ip_finish_stdout() does: quiet when the reader has left.  Frees o;
 * returns 0, or -1 after printing why (a file is then untouched). */
int ip_out_commit(struct ip_out *o, const char *prog);
/* Drops the temporary file; the target is untouched.  Frees o. */
void ip_out_abort(struct ip_out *o);

/* --- command-line support ------------------------------------------------ */

struct option;

/* What every command shares.  Give ip_cli_getopt() these entries ... */
#define IP_OPT_TODAY 0x100
#define IP_CLI_LONGOPTS \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "today", required_argument, NULL, IP_OPT_TODAY }

struct ip_cli {
	const char *prog;	/* "ip-validate" */
	const char *usage;	/* "usage: ip-validate ...\n" */
	const char *help;	/* the rest of --help */
	int32_t today;		/* --today, see ip_cli_today() */
	bool today_set;
	char *const *argv;	/* set by ip_cli_getopt() */
	const struct option *longopts;
};

/* getopt_long() for a command, called as main's first act.  The first call
 * ignores SIGPIPE and SIGXFSZ, so that a write to a pipe whose reader has
 * left fails with EPIPE (see ip_finish_stdout()), and one past the limit
 * on file size with EFBIG, rather than killing the command; and it
 * turns off getopt's own messages, which name argv[0] and repeat values.
 * shortopts must start with ':', so that a missing value returns ':'. */
int ip_cli_getopt(struct ip_cli *cli, int argc, char *argv[],
    const char *shortopts, const struct option *longopts);
/* ... and pass every option the command does not handle itself (h, V,
 * IP_OPT_TODAY, '?', ':') here.  Returns -1 to go on, or the exit status
 * that main returns now (after --help, --version or a usage error: the
 * option named, never its value, then the usage). */
int ip_cli_option(struct ip_cli *cli, int c, const char *arg);
/* The date of --today, else the system's date: the only clock reading. */
int32_t ip_cli_today(struct ip_cli *cli);
/* Looks up the value s of option --opt in the NULL-terminated vocab and
 * stores its index in *out; returns 0, or -1 after printing which words
 * there are. */
int ip_cli_word(const char *prog, const char *opt, const char *s,
    const char *const *vocab, int *out);
/* Parses arg, the value of option --opt, as a count from 1 to max, in
 * decimal without a sign or leading zeros, into *n; returns 0, or -1 after
 * printing why. */
int ip_cli_count(const char *prog, const char *opt, const char *arg,
    unsigned max, unsigned *n);
/* Parses arg, the value of option --opt, as a date YYYY-MM-DD into *day;
 * returns 0, or -1 after printing why. */
int ip_cli_date(const char *prog, const char *opt, const char *arg,
    int32_t *day);


/* Prints "PROG: message\n" to stderr and returns -1. */
int ip_error(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flushes stdout; if that or any earlier write failed, reports it and
 * returns IP_EXIT_TROUBLE, else status.  A pipe whose reader has left
 * (EPIPE) is IP_EXIT_TROUBLE too, but quiet: the reader left on purpose,
 * as head(1) does. */
int ip_finish_stdout(const char *prog, int status);

#endif
