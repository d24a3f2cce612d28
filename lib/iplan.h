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

/* The text domain of the messages of the library and the commands, which
 * the commands bind to the installed catalogues: the library translates
 * in it whatever the program's default domain is. */
#define IP_TEXTDOMAIN "iplan"

/* Document languages. */
enum ip_lang { IP_LANG_NB, IP_LANG_NN, IP_LANG_EN };

struct ip_plan;
struct ip_diags;

/* --- memory (alloc.c) --------------------------------------------------- */

/* malloc(), calloc(), realloc() of n elements of size bytes (the product
 * checked for overflow), strdup() and strndup(): never NULL. */
void *ip_xmalloc(size_t n);
void *ip_xcalloc(size_t n, size_t size);
void *ip_xrealloc(void *p, size_t n, size_t size);
char *ip_xstrdup(const char *s);
char *ip_xstrndup(const char *s, size_t n);

/* Makes room in the malloc'd array v (NULL to start) for need elements of
 * size bytes, doubling *cap; returns v, perhaps moved. */
void *ip_grow(void *v, size_t *cap, size_t need, size_t size);

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

/* How text from a plan or the command line is shown: the character at s
 * stands as it is, and its length is returned with *instead NULL; or it
 * is replaced by *instead: "?" for a control or a byte that is not
 * well-formed UTF-8, so that user text can never forge a line of output
 * or drive a terminal; "<U+202E>" and the like for a bidirectional
 * control (U+202A to U+202E, U+2066 to U+2069) or a line or paragraph
 * separator (U+2028, U+2029), which could make a line read as something
 * else; and "<national id>" for what ip_nid_written() finds at s, since a
 * value quoted may be one typed into the wrong field, and output goes to
 * terminals, logs and cron mail. */
size_t ip_clean_step(const char *s, const char **instead);
/* Writes s to f as ip_clean_step() shows it. */
void ip_fputs_clean(const char *s, FILE *f);

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
/* The words of the options that take a word of the plan's,
 * NULL-terminated, indexed as the plan's (ip-plan(5)): the languages
 * (enum ip_lang: --language), the care (ip-new --care) and a sub-goal's
 * statuses (ip-evaluate --subgoal). */
extern const char *const ip_vocab_lang[];
extern const char *const ip_vocab_care[];
extern const char *const ip_vocab_goal_status[];

/* --- diagnostics --------------------------------------------------------- */

/* Creates an empty list of findings for the file shown as name (copied).
 * Aborts when out of memory.  Free with ip_diags_free(). */
struct ip_diags *ip_diags_new(const char *name);
void ip_diags_free(struct ip_diags *d);
/* A list of findings for the plan at path, named as messages show it:
 * "<stdin>" for "-".  Aborts when out of memory.  Free with
 * ip_diags_free(). */
struct ip_diags *ip_diags_for(const char *path);
/* The name the findings show their file under: "<stdin>" for "-". */
const char *ip_diags_name(const struct ip_diags *d);
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
/* The line of the first error as ip_diags_print() sorts them, else of the
 * first finding; 0 if none has a line (for an editor to start at). */
unsigned ip_diags_first_line(struct ip_diags *d);

/* --- plans --------------------------------------------------------------- */

/* Reads a whole file ("-" is standard input) of at most 4 MiB, a plan's
 * limit, into *buf (malloc'd, the caller frees).  Returns 0, or -1 after
 * adding an error to d (rule io or limit). */
int ip_read_file(const char *path, char **buf, size_t *len,
    struct ip_diags *d);
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
/* As ip_plan_load() and ip_plan_load_partial(), from the len bytes at
 * buf, which the caller keeps. */
int ip_plan_load_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out);
int ip_plan_load_buf_partial(const char *buf, size_t len, struct ip_diags *d,
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

/* A length of time, as a plan's review_interval and the options
 * --within, --period, --review-interval and --next-in give it: months
 * and years added to a date end on the same day of the month, or on the
 * month's last day if it has none. */
struct ip_span {
	int n;			/* 1 to 9999; 0: none given */
	char unit;		/* 'd', 'w', 'm' or 'y' */
};
/* Parses a count of 1 to 9999 and a unit, the two apart or not: "6m",
 * "6 months", "14 days", "1y" (d, day, days, w, week, weeks, m, month,
 * months, y, year, years).  Returns true with *n and *unit set, else
 * false, saying nothing: each option says why in its own words. */
bool ip_parse_interval(const char *s, int *n, char *unit);

/* The ids a plan gives its participants, its sub-goals or its measures,
 * for shell completion: fn is called with each in the plan's order, NULL
 * for an item that has none. */
enum ip_ids { IP_IDS_PARTICIPANTS, IP_IDS_SUBGOALS, IP_IDS_MEASURES };
void ip_plan_ids(const struct ip_plan *p, enum ip_ids what,
    void (*fn)(const char *id, void *ctx), void *ctx);

/* --- one plan per person (rule one-plan) --------------------------------- */

/* ip-validate(1)'s rule one-plan over plans the caller loads: every later
 * plan with a national id that an earlier one has is an error naming the
 * first. */
struct ip_one_plan_run;
/* Starts a run; aborts when out of memory.  End it with
 * ip_one_plan_finish(). */
struct ip_one_plan_run *ip_one_plan_start(void);
/* Adds p, the plan found at index in the walk; keeps its national id,
 * its file name and where the id stands, if it has a valid one.  Safe to
 * call from several threads at once. */
void ip_one_plan_add(struct ip_one_plan_run *r, const struct ip_plan *p,
    size_t index);
/* Calls found(ctx, d) for each later plan for a person, in walk order,
 * with d holding that one error, named after the plan's file (d lives
 * until found returns); then frees r. */
void ip_one_plan_finish(struct ip_one_plan_run *r,
    void (*found)(void *ctx, struct ip_diags *d), void *ctx);

/* --- walking the arguments ----------------------------------------------- */

/* Calls fn for every plan file named by paths: files as given, "-" for
 * standard input, directories searched recursively for *.yaml and *.yml in
 * byte order of their names (hidden entries left out), each file once
 * however often it is met (by device and inode); a link to a directory
 * met in a directory is not followed (one named is).  A path that cannot
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

/* The options of ip-new(1): the texts as given, NULL where not given,
 * which ip_new_make() checks the way ip-validate(1) checks the fields
 * they fill; the rest as values. */
struct ip_new_opts {
	const char *name;		/* --name: the person; required */
	const char *national_id;	/* --national-id */
	const char *coordinator;	/* --coordinator: a name */
	const char *id;			/* --id: the plan's id */
	const char *template_file;	/* --template; NULL: the built-in one */
	bool birth_date_set;		/* --birth-date given: */
	int32_t birth_date;		/* ... the day; else the national id's */
	bool start_set;			/* --start given: */
	int32_t start;			/* ... the day; else today */
	struct ip_span period;		/* --period; n 0: one year */
	/* the review dates: one of the two, not both */
	unsigned reviews;		/* --reviews N, 1 to IP_MAX_REVIEWS;
					   0: not given */
	struct ip_span review_interval;	/* --review-interval; n 0: not
					   given */
	int lang;			/* --language, enum ip_lang; -1: not
					   given (nb) */
	int care;			/* --care, an index into ip_vocab_care;
					   -1: not given (voluntary) */
	bool refused;			/* the caller has refused an option,
					   having said why: ip_new_make()
					   checks the texts, says what else is
					   wrong and fails */
	bool force;			/* --force: replace an existing file */
	bool no_schema;			/* --no-schema: no modeline */
	int32_t today;			/* days since 1970-01-01 */
};
/* The most review dates ip-new(1) writes. */
#define IP_MAX_REVIEWS 100

/* Makes a new plan as o asks: checks every option and loads the result,
 * then stores it in *buf (malloc'd, the caller frees) and *len.  Returns
 * 0, or -1 after saying why on e (findings in the plan it would make go
 * to e->f as ip_diags_print() writes them). */
int ip_new_make(const struct ip_new_opts *o, const struct ip_err *e,
    char **buf, size_t *len);

/* --- ip-review ----------------------------------------------------------- */

enum ip_review_format { IP_REVIEW_TEXT, IP_REVIEW_TSV, IP_REVIEW_ICS };
/* The words of ip-review --format, NULL-terminated, indexed by the
 * enum. */
extern const char *const ip_review_formats[];

/* The options of ip-review(1), as values. */
struct ip_review_opts {
	int32_t today;		/* days since 1970-01-01 */
	struct ip_span within;	/* --within: the horizon; n 0: 30 days */
	enum ip_review_format format;	/* --format */
	bool by_coordinator;	/* --by-coordinator: grouped, text only */
	unsigned draft_days;	/* --draft-days, to IP_MAX_DRAFT_DAYS: a
				   draft older is reported; 0: 30 */
	int lang;		/* --language, enum ip_lang: the calendar's
				   words for every plan; -1: each plan's */
	const struct ip_review_mail *mail;	/* --mail, or NULL */
	unsigned jobs;		/* -j: threads; 0 or 1: one */
};
/* The most --draft-days. */
#define IP_MAX_DRAFT_DAYS 36500

/* True if addr is a plain address, local@domain, of printable ASCII
 * with none of the characters that would end it or start another field
 * of a message: no space, comma, angle bracket, quote, parenthesis or
 * control (mail.c). */
bool ip_mail_address_ok(const char *addr);

/* Where ip-review's mail goes (--mail): one message for each address,
 * each through open() and close(). */
struct ip_review_mail {
	const char *from;	/* From: a plain address or a user name */
	const char *to;		/* --mail-to: for the plans whose coordinator
				   has no plain address, or is the person */
	int64_t now;		/* Date: seconds since the epoch */
	const char *id;		/* unique to the run: in each Message-ID,
				   "<ip-review.ID.N@DOMAIN>" */
	const char *domain;	/* the From address's, or the host's */
	/* A stream to write one message to, for the address to; NULL after
	 * saying why. */
	FILE *(*open)(void *ctx, const char *to);
	/* Ends the message on f; 0, or -1 after saying why. */
	int (*close)(void *ctx, FILE *f);
	void *ctx;
};

/* ip-review(1) a plan at a time: the caller loads the plans. */
struct ip_review_run;
/* Checks that the options of o go together (--by-coordinator with the
 * text format, --mail with neither); returns a run to add plans to, or
 * NULL after saying why on e.  End it with ip_review_finish(). */
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

/* --- ip-stats ------------------------------------------------------------ */

/* What ip-stats(1) groups the figures by (--by). */
enum ip_stats_by { IP_BY_NONE, IP_BY_COORDINATOR, IP_BY_ORGANIZATION,
	IP_BY_LEGAL_BASIS, IP_BY_LANGUAGE, IP_BY_PARTICIPANT_ORGANIZATION };
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

/* ip-export(1), for a caller that has the plan loaded. */
enum ip_export_format { IP_EXPORT_MARKDOWN, IP_EXPORT_HTML, IP_EXPORT_XML,
	IP_EXPORT_FHIR, IP_EXPORT_FHIR_JSON };
/* The words of --format, NULL-terminated, indexed by the enum. */
extern const char *const ip_export_formats[];
/* The FHIR Bundle's type (--bundle); not given, a collection. */
enum ip_export_bundle { IP_BUNDLE_DEFAULT, IP_BUNDLE_COLLECTION,
	IP_BUNDLE_TRANSACTION };
/* The words of --bundle, NULL-terminated: the i-th is enum
 * ip_export_bundle i + 1. */
extern const char *const ip_export_bundles[];

/* The options of ip-export(1), as values. */
struct ip_export_how {
	enum ip_export_format format;
	int lang;		/* enum ip_lang; -1: the plan's */
	const char *for_id;	/* --for; NULL: all */
	bool consent_form;	/* --consent-form */
	enum ip_export_bundle bundle;	/* --bundle */
	const char *revision;	/* --revision */
	int32_t generated;	/* from SOURCE_DATE_EPOCH ... */
	bool has_generated;	/* ... if it was set */
	int32_t today;
};

/* Checks that the options of h go together: --bundle with FHIR, the
 * consent form in Markdown or HTML and for no one's view.  Returns 0,
 * or -1 after saying why on e. */
int ip_export_check(const struct ip_export_how *h, const struct ip_err *e);
/* The day of $SOURCE_DATE_EPOCH's value s (seconds since 1970-01-01
 * 00:00 UTC, as reproducible builds set it), into *day: 0, or -1 after
 * saying why on e. */
int ip_source_date(const char *s, int32_t *day, const struct ip_err *e);

/* Renders the plan p, shown in messages as name, as h says.  Returns a
 * malloc'd NUL-terminated document that the caller frees, or NULL after
 * saying why on e, with *findings true if what stops it is errors in the
 * plan (as ip-validate(1) prints them, on e->f), false for trouble. */
char *ip_export_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *e, bool *findings);
/* As ip_export_render() for h->consent_form, and linking only what the
 * consent form needs (for ip-consent --form). */
char *ip_consent_form_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *e, bool *findings);

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
/* Asks ip_out_commit() to replace the file only if it still holds the
 * len bytes at buf (which the caller keeps until then), as read before
 * the change: a plan changed on disk meanwhile is not overwritten, and
 * the commit says so. */
void ip_out_expect(struct ip_out *o, const char *buf, size_t len);
/* The one check of an export's -o, output, before the plan at input
 * ("-" or NULL: standard input) is read: never the plan itself, by any
 * name (standard input too, when it is a file); and, unless force, no
 * file that is a plan, which a plan read from a pipe could be.  Returns
 * 0, or -1 after saying why on e. */
int ip_out_check(const char *output, const char *input, bool force,
    const struct ip_err *e);

/* --- editing a plan in its own text (edit.c) ----------------------------- */

/*
 * A plan is a person's document: a command that changes it edits its
 * text where libyaml found the nodes it changes, with the indentation of
 * their neighbours, and leaves every other byte as it was (comments,
 * blank lines, quoting, CRLF line ends).  A part in flow style ({...},
 * [...]) that must change is rewritten in block style at its own
 * indentation; nothing else is.  The comments in a value replaced follow
 * the new value; those on the lines of an item removed go with it.
 *
 * A struct ip_doc holds a plan file's text, the plan loaded from it and
 * its YAML tree, whose nodes (struct ip_ynode, owned by the doc) the
 * edits name.  Each edit changes that tree at once, into the tree the
 * caller intends; ip_doc_finish() then writes the edits into the text,
 * loads the result and compares its tree with the intended one, key by
 * key and value by value, so that nothing is saved that does not load
 * as meant.  The functions here that take an ip_doc are not thread-safe
 * on the same doc; nodes of one doc are never given to another.
 *
 * The pieces of a command that changes a plan, for ip-evaluate(1),
 * ip-close(1) and the like:
 *	ip_plan_lock()		 one command at a time on a plan
 *	ip_doc_open()		 read and load it
 *	ip_doc_set() ...	 the edits
 *	ip_doc_finish()		 the new text, loaded and compared
 *	ip_doc_diff()		 --dry-run
 *	ip_doc_save()		 atomic, mode and group kept, and only if
 *				 the file is still as it was read
 *	ip_plan_unlock()
 * and for a command that lets the user edit the whole text (ip-edit):
 * ip_private_file() for the copy beside the plan, ip_save_if_unchanged().
 */
struct ip_doc;
struct ip_ynode;

/* Reads the plan at path (not "-": it is to be written back) and loads
 * it as ip_plan_load_partial() does, findings added to d.  Returns 0 or
 * 1 as that does, with *out a doc to free with ip_doc_free(); or -1 with
 * *out NULL if the file is no plan that can be read. */
int ip_doc_open(const char *path, struct ip_diags *d, struct ip_doc **out);
/* As ip_doc_open(), from the len bytes at buf (copied). */
int ip_doc_open_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_doc **out);
void ip_doc_free(struct ip_doc *doc);
/* The plan as read, and (after ip_doc_finish()) as edited; owned by doc. */
const struct ip_plan *ip_doc_plan(const struct ip_doc *doc);
const struct ip_plan *ip_doc_result(const struct ip_doc *doc);
/* The text as read, and (after ip_doc_finish()) as edited: *len bytes,
 * owned by doc. */
const char *ip_doc_text(const struct ip_doc *doc, size_t *len);
const char *ip_doc_result_text(const struct ip_doc *doc, size_t *len);

/* The tree, as the edits so far have made it.  A lookup in a node of
 * the wrong kind, or in NULL, gives NULL (0 for a count). */
struct ip_ynode *ip_doc_root(const struct ip_doc *doc);
/* The value of key in a mapping. */
struct ip_ynode *ip_ynode_get(const struct ip_ynode *map, const char *key);
/* The first item of a list that is a mapping whose key is the scalar
 * value: ip_ynode_find(goals, "id", "g1"). */
struct ip_ynode *ip_ynode_find(const struct ip_ynode *seq, const char *key,
    const char *value);
/* The items of a list, or the keys of a mapping, and the i-th of them. */
size_t ip_ynode_count(const struct ip_ynode *n);
struct ip_ynode *ip_ynode_item(const struct ip_ynode *n, size_t i);
/* A scalar's text (NULL for a mapping or a list); whether n is a
 * mapping, a list, or a scalar that stands for nothing (null). */
const char *ip_ynode_scalar(const struct ip_ynode *n);
bool ip_ynode_is_map(const struct ip_ynode *n);
bool ip_ynode_is_seq(const struct ip_ynode *n);
bool ip_ynode_is_null(const struct ip_ynode *n);

/* New values, owned by doc, to give to the edits below.  A text is
 * written plain where that reads back as the same text, else quoted, or
 * as a literal block (|) if it has more than one line.  A date, and a
 * word (of a vocabulary: closed, achieved), are written plain.  A new
 * mapping or list is filled with ip_doc_set() and ip_doc_append() before
 * or after it is placed. */
struct ip_ynode *ip_doc_new_text(struct ip_doc *doc, const char *s);
struct ip_ynode *ip_doc_new_word(struct ip_doc *doc, const char *s);
struct ip_ynode *ip_doc_new_date(struct ip_doc *doc, int32_t day);
struct ip_ynode *ip_doc_new_map(struct ip_doc *doc);
struct ip_ynode *ip_doc_new_seq(struct ip_doc *doc);

/* The edits.  Each returns 0, or -1 if a node is of the wrong kind or
 * not where it is said to be (a mistake of the caller's: nothing is
 * changed).  A value given to an edit becomes part of the tree: it is
 * given once. */
/* Sets key of a mapping to v: its value replaced if it has the key,
 * else the key added after the last. */
int ip_doc_set(struct ip_doc *doc, struct ip_ynode *map, const char *key,
    struct ip_ynode *v);
/* As ip_doc_set(), but a key added goes after the key after, if the
 * mapping has it: "closed" after "status". */
int ip_doc_set_after(struct ip_doc *doc, struct ip_ynode *map,
    const char *key, struct ip_ynode *v, const char *after);
/* Adds v as the last item of a list. */
int ip_doc_append(struct ip_doc *doc, struct ip_ynode *seq,
    struct ip_ynode *v);
/* Adds v as item i of a list (0 the first), before the one that was;
 * as the last if i is past the end.  It goes on lines of its own after
 * the item before it (before the first: after the line above that
 * one's dash). */
int ip_doc_insert(struct ip_doc *doc, struct ip_ynode *seq,
    struct ip_ynode *v, size_t i);
/* Removes an item of a list, or a key and its value from a mapping,
 * with the lines they are written on. */
int ip_doc_remove(struct ip_doc *doc, struct ip_ynode *parent,
    struct ip_ynode *child);
/* The mapping (or list) at key of map, set to a new empty one if the key
 * is absent or null; NULL if it holds anything else. */
struct ip_ynode *ip_doc_map_at(struct ip_doc *doc, struct ip_ynode *map,
    const char *key);
struct ip_ynode *ip_doc_seq_at(struct ip_doc *doc, struct ip_ynode *map,
    const char *key);

/* Writes the edits into the text, loads it (findings to d, named as d
 * is) and compares its tree with the intended one.  Returns 0, with the
 * result in ip_doc_result() and ip_doc_result_text(); or -1 after
 * saying why on e (the text would not load, or would not hold what the
 * edits meant: a fault of the library, never written). */
int ip_doc_finish(struct ip_doc *doc, struct ip_diags *d,
    const struct ip_err *e);
/* Writes the change as a unified diff of name ("a/NAME", "b/NAME"), with
 * three lines of context, to out; nothing if there is none.  The
 * caller checks out for write errors. */
void ip_doc_diff(const struct ip_doc *doc, const char *name, FILE *out);
/* Writes the result to path as ip_save_if_unchanged() does. */
int ip_doc_save(const struct ip_doc *doc, const char *path,
    const struct ip_err *e);

/* Replaces the file at path with the len bytes at buf, through the -o
 * writer (ip_out_open()): atomically, mode and group kept; but only if
 * it is writable to the caller, and if it still holds the old_len bytes
 * at old.  Returns 0, or -1 after saying why on e, the file untouched. */
int ip_save_if_unchanged(const char *path, const char *old, size_t old_len,
    const char *buf, size_t len, const struct ip_err *e);
/* Whether the plan at path could be replaced: it and its directory are
 * writable to the caller.  0, or -1 after saying why on e. */
int ip_plan_writable(const char *path, const struct ip_err *e);

/* A new file beside path, mode 0600, created exclusively, named
 * DIR/.BASE.what-XXXXXX: for a copy the user edits, which never goes to
 * a shared place such as /tmp.  Returns its descriptor, with its name in
 * *name (malloc'd, the caller frees and removes the file), or -1 after
 * saying why on e. */
int ip_private_file(const char *path, const char *what, char **name,
    const struct ip_err *e);

/* Takes the lock of the plan at path, which every command that changes
 * plans takes: an advisory lock (flock) on the file itself, released
 * with ip_plan_unlock() or when the process ends, so none is ever left
 * behind.  Returns a lock, or NULL after saying why on e (another
 * command holds it: no waiting). */
struct ip_lock;
struct ip_lock *ip_plan_lock(const char *path, const struct ip_err *e);
void ip_plan_unlock(struct ip_lock *l);

/* --- recording what happens: ip-evaluate, ip-close (record.c) ------------ */

/* The options of ip-close(1). */
struct ip_close_opts {
	const char *reason;	/* --reason: why the plan ends */
	int32_t date;		/* --date, or today */
};
/* Closes the plan of doc: status closed, closed.date and closed.reason
 * (closed after status, status after language, as ip-plan(5) shows
 * them).  Returns 0, or -1 after saying why on e (the plan is closed
 * already, no reason, a date before the plan's start), doc unchanged. */
int ip_close_edit(struct ip_doc *doc, const struct ip_close_opts *o,
    const struct ip_err *e);

/* A sub-goal's status (ip-evaluate --subgoal ID=STATUS). */
struct ip_subgoal_status {
	const char *id;
	int status;			/* index into ip_vocab_goal_status */
};
/* The end of a measure (ip-evaluate --end-measure ID[=DATE]). */
struct ip_measure_end {
	const char *id;
	int32_t day;			/* DATE, or the meeting's */
};
/* The options of ip-evaluate(1), as values. */
struct ip_evaluate_opts {
	int32_t date;			/* --date: the meeting, or today */
	const char *summary;		/* its summary, or NULL */
	const struct ip_subgoal_status *subgoals;	/* --subgoal ... */
	size_t n_subgoals;
	const struct ip_measure_end *end_measures; /* --end-measure ... */
	size_t n_end_measures;
	bool next_set;			/* --next given: */
	int32_t next;			/* ... the next review */
	struct ip_span next_in;		/* --next-in; n 0: not given */
};
/* Checks o against the plan of doc as ip_evaluate_edit() does, changing
 * nothing: for a command to check before it asks for a summary.  0, or
 * -1 after saying why on e. */
int ip_evaluate_check(struct ip_doc *doc, const struct ip_evaluate_opts *o,
    const struct ip_err *e);
/* Records in doc the evaluation meeting o tells of, as ip-evaluate(1)
 * says: the planned review nearest o->date, not done and within the
 * review interval (three months if the plan has none) marked done, or a
 * done review added; the summary; the sub-goals' status; the measures'
 * end; the next review.  Stores in *report (malloc'd, the caller frees)
 * what it recorded, a line each, and the next review, in the messages'
 * language.  Returns 0, or -1 after saying why on e (an id the plan has
 * not, a date before the plan's start, a next review not after the
 * meeting, a closed plan), doc unchanged. */
int ip_evaluate_edit(struct ip_doc *doc, const struct ip_evaluate_opts *o,
    char **report, const struct ip_err *e);
/* What the editor opens for a summary, in the plan's language: an empty
 * line to write on, then, as comments, the open sub-goals and the
 * measures.  Malloc'd; the caller frees it. */
char *ip_evaluate_template(const struct ip_plan *p);
/* A summary as text gives it: lines that start with '#' left out if
 * comments, white space at the ends of lines and blank lines at either
 * end dropped; a summary of more than one line ends with a line break.
 * NULL if nothing is left; else malloc'd, the caller frees it. */
char *ip_summary_clean(const char *text, bool comments);

/* --- recording consents: ip-consent (consent.c) -------------------------- */

/* What ip-consent(1) records. */
enum ip_consent_what {
	IP_CONSENT_PLAN,	/* --plan: the consent to the plan */
	IP_CONSENT_SHARE,	/* --share: a new consent to share */
	IP_CONSENT_WITHDRAW	/* --withdraw */
};
/* The options of ip-consent(1). */
struct ip_consent_opts {
	enum ip_consent_what what;
	bool plan;		/* --withdraw --plan: the consent to the plan */
	int32_t date;		/* --date, or today */
	bool until_set;
	int32_t until;		/* --until */
	char *const *ids;	/* --share: participants' ids */
	size_t n_ids;
	char *const *by;	/* --by: participants' ids, or names */
	size_t n_by;
};
/* Records in doc the consent o tells of, as ip-consent(1) says: the
 * consent to the plan, replacing the one recorded; a new consent to
 * share information, added to the list of them (a single mapping made
 * a list of two), never rewriting one given; or the withdrawal of the
 * consents to share in force on o->date (with ids, of those that name
 * one of them), or of the consent to the plan.  Stores in *report
 * (malloc'd, the caller frees) what it recorded, a line each, in the
 * messages' language.  Returns 0, or -1 after saying why on e (an id
 * that is no participant's, a date before the consent to the plan, an
 * until before the date, a withdrawal with nothing in force, a closed
 * plan), doc unchanged. */
int ip_consent_edit(struct ip_doc *doc, const struct ip_consent_opts *o,
    char **report, const struct ip_err *e);

#endif
