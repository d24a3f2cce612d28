/*
 * cmd.h - what the commands share beside the library: the exit statuses,
 * the options every command has, messages to standard error, and the
 * drivers that run a command's work and choose its exit status.  The
 * library (iplan.h) never does any of this: as cmark's main.c, only the
 * commands read argv, print on their own and decide how they end.
 */
#ifndef IPLAN_CMD_H
#define IPLAN_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <libintl.h>

#include "iplan.h"

/* Messages in the user's language, in the library's text domain
 * (IP_TEXTDOMAIN, which cli.c binds); xgettext keywords _, N_
 * and P_:1,2, as the library's. */
#define _(s) dgettext(IP_TEXTDOMAIN, s)
#define N_(s) (s)
#define P_(s, p, n) dngettext(IP_TEXTDOMAIN, s, p, (unsigned long)(n))

/* Exit statuses, the same for every command. */
enum {
	IP_EXIT_OK = 0,		/* clean, nothing due */
	IP_EXIT_FINDINGS = 1,	/* validation errors, plans due */
	IP_EXIT_TROUBLE = 2	/* usage, I/O, internal */
};

/* --- the options every command shares ------------------------------------ */

/*
 * A command's options, as one table (git's OPT_* lists): cli.c makes
 * getopt_long()'s array and short options from it, and prints it for the
 * shell's completion (--completion-helper, which cmd/completion.bash
 * asks for), so that an option is written once.  tests/t-options.sh
 * holds --help and the man page to it.
 */

/* What an option's value is, and so what completes it. */
enum ip_arg {
	IP_ARG_NONE,		/* no value */
	IP_ARG_OPTIONAL,	/* --opt, or --opt=WORD, one of words */
	IP_ARG_TEXT,		/* free text: nothing to offer */
	IP_ARG_COUNT,		/* a number from 1: nothing to offer */
	IP_ARG_WORDS,		/* one of words */
	IP_ARG_FILE,		/* any file, or one of words ("-") */
	IP_ARG_PLAN,		/* a plan file, or one of words ("-") */
	IP_ARG_DATE,		/* YYYY-MM-DD: today's is offered */
	IP_ARG_INTERVAL,	/* N{d|w|m|y} */
	IP_ARG_JOBS,		/* threads: 1 to the cores */
	IP_ARG_PARTICIPANT,	/* a participant's id in the plan given */
	IP_ARG_SUBGOAL,		/* ID=STATUS, a sub-goal's id, words the
				   statuses */
	IP_ARG_MEASURE		/* a measure's id in the plan given */
};

struct ip_opt {
	const char *name;	/* the long option, without "--"; NULL ends */
	int val;		/* what the loop switches on: a letter (below
				   0x80) is the short option too; a long
				   option alone is from 0x200 (0x100 for
				   those every command has) */
	enum ip_arg arg;
	const char *const *words;	/* NULL-terminated, or NULL */
};

/* A NULL-terminated list of words, for struct ip_opt. */
#define IP_WORDS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* The options every command has, to end its table with. */
#define IP_OPT_TODAY 0x100
#define IP_CLI_OPTS \
	{ "help", 'h', IP_ARG_NONE, NULL }, \
	{ "version", 'V', IP_ARG_NONE, NULL }, \
	{ "today", IP_OPT_TODAY, IP_ARG_DATE, NULL }, \
	{ NULL, 0, IP_ARG_NONE, NULL }

/* The most options a command has, the shared ones included. */
#define IP_MAX_OPTS 24

/*
 * --completion-helper, which every command has and no --help shows (as
 * git's --git-completion-helper): prints the table, one option a line,
 * its names, what its value is and the words it takes:
 *
 *	-o,--output file
 *	--format words markdown html xml fhir fhir-json
 *	--consent-form none
 *
 * the kinds as enum ip_arg names them, in lower case.
 */
#define IP_OPT_COMPLETE 0x101

struct ip_cli {
	const char *prog;	/* "ip-validate" */
	const char *usage;	/* "usage: ip-validate ...\n", N_() */
	const char *help;	/* the rest of --help, N_() */
	const struct ip_opt *opts;	/* the table, ending in IP_CLI_OPTS */
	int32_t today;		/* --today, see ip_cli_today() */
	bool today_set;
	char *const *argv;	/* set by ip_cli_getopt() */
	struct ip_err err;	/* stderr and prog, for the library */
};

/* getopt_long() for a command, on the options of cli->opts, called as
 * main's first act.  The first call makes getopt_long()'s tables from
 * cli->opts; sets the messages' language from the locale (gettext, text
 * domain "iplan"); ignores SIGPIPE and SIGXFSZ, so that a write to a
 * pipe whose reader has left fails with EPIPE (see ip_finish_stdout()),
 * and one past the limit on file size with EFBIG, rather than killing
 * the command; and it turns off getopt's own messages, which name
 * argv[0] and repeat values. */
int ip_cli_getopt(struct ip_cli *cli, int argc, char *argv[]);
/* ... and pass every option the command does not handle itself (h, V,
 * IP_OPT_TODAY, IP_OPT_COMPLETE, '?', ':') here.  Returns -1 to go on,
 * or the exit status that main returns now (after --help, --version,
 * --completion-helper or a usage error: the option named, never its
 * value, then the usage). */
int ip_cli_option(struct ip_cli *cli, int c, const char *arg);
/* Writes the usage to stderr; returns IP_EXIT_TROUBLE, for main to return
 * after a usage error it has told. */
int ip_cli_usage(const struct ip_cli *cli);
/* Whether n files (the operands) are at least min and at most max; if
 * not, says which (never the names: a name may be a national id), then
 * the usage, and returns IP_EXIT_TROUBLE; else 0. */
int ip_cli_operands(const struct ip_cli *cli, int n, int min, int max);
/* The date of --today, else the system's date: the only clock reading. */
int32_t ip_cli_today(struct ip_cli *cli);
/* Prints "PROG: message\n" to stderr and returns -1. */
int ip_error(const char *prog, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flushes stdout; if that or any earlier write failed, reports it and
 * returns IP_EXIT_TROUBLE, else status.  A pipe whose reader has left
 * (EPIPE) is IP_EXIT_TROUBLE too, but quiet: the reader left on purpose,
 * as head(1) does. */
int ip_finish_stdout(const char *prog, int status);

/* --- the drivers: a command's work, its messages and exit status ------- */

struct ip_validate_opts {
	int32_t today;
	unsigned jobs;		/* -j: threads; 0 or 1: one */
	bool quiet;		/* -q: no warnings */
	bool strict;		/* --strict: warnings count as errors */
};

/* Loads each plan named by paths (as ip_walk(); none: standard input),
 * from jobs threads at once, and hands each that loads to add with the
 * run given and its index in walk order; add must be thread-safe and
 * keep nothing of the plan.  A plan that does not load is reported on
 * standard error, in its place.  Returns true if one did not load or the
 * walk had trouble (having said why). */
typedef void ip_plan_sink(void *run, const struct ip_plan *p,
    size_t index);
bool ip_each_plan(char *const *paths, size_t n, unsigned jobs,
    ip_plan_sink *add, void *run, const char *prog);

/* Validates the plans named by paths (as ip_walk()), prints findings to
 * err and returns the exit status for ip-validate(1). */
int ip_validate(char *const *paths, size_t n,
    const struct ip_validate_opts *o, const char *prog, FILE *err);

/* ip-validate --print-hook-dir: writes the directory make install put
 * the git hooks in to standard output; returns the exit status. */
int ip_print_hook_dir(const char *prog);
/* ip-validate --check-hooks: says on standard output whether git runs
 * iplan's hooks in the repository of the working directory: pre-commit
 * and pre-merge-commit in a clone, pre-receive in a bare repository.
 * Returns 0 if it does, 1 if not, 2 on trouble (having said why). */
int ip_check_hooks(const char *prog);

/* ip-review's options: the library's, and how its mail goes. */
struct ip_review_cli {
	struct ip_review_opts o;	/* o.mail is set from the rest */
	bool mail;		/* --mail: one message for each coordinator */
	bool mbox;		/* --mail=mbox: to standard output, as an mbox,
				   else through $SENDMAIL or sendmail(8) */
	const char *mail_to;	/* --mail-to: NULL, the sender */
	const char *mail_from;	/* --mail-from: NULL, the user at this host */
};

/* Writes to standard output what is due in the plans named by paths (as
 * ip_walk()) as of o->today, or mails it; a plan that does not load is
 * reported on standard error and the rest are still read.  Returns the
 * exit status for ip-review(1): 0 nothing due, 1 something due, 2
 * trouble (having printed why: a message not sent too), standard output
 * checked. */
int ip_review(char *const *paths, size_t n, const struct ip_review_cli *c,
    const char *prog);

/* ip-export's options: how to render, and where to. */
struct ip_export_cli {
	struct ip_export_how how;
	const char *output;	/* -o: a file; NULL or "-": standard output */
	bool force;		/* -f: -o may replace a file that is a plan */
};

/* Renders the plan at path ("-" or NULL: standard input) as c asks,
 * with render (ip_export_render(), or ip_consent_form_render() where only
 * the form is wanted), and writes it, atomically when to a file
 * (replacing the file).  Nothing is written unless the whole document was
 * made.  Returns the exit status for ip-export(1) (0 written, 1 the plan
 * has errors that stop it, 2 trouble), having printed why when it is not
 * 0. */
typedef char *ip_render_fn(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *e, bool *findings);
int ip_export(const char *path, const struct ip_export_cli *c,
    ip_render_fn *render, const char *prog);

/* Writes a new plan to path ("-" or NULL: standard output), mode 0600,
 * never over an existing file unless o->force.  Nothing is written unless
 * every option is valid and the plan loads.  Returns the exit status for
 * ip-new(1), having printed why when it is not 0. */
int ip_new(const char *path, const struct ip_new_opts *o, const char *prog);

/* Writes the id of each participant, sub-goal or measure of the plan at
 * path ("-" or NULL: standard input) to out, one a line, for shell
 * completion: ids only, and only those that print as they are (see
 * ip_fputs_clean()), so never a national id.  Returns the exit status
 * for ip-export --list-participants and ip-evaluate --list-subgoals and
 * --list-measures (0, 1 the plan does not load, 2 trouble), having
 * printed why when it is not 0.  The caller checks out for write
 * errors. */
int ip_list_ids(const char *path, enum ip_ids what, FILE *out);

/* --- changing a plan in its text (change.c): ip-evaluate, ip-close ------- */

/* A change of the plan at path, which edit makes in its doc (0, or -1
 * after saying why on e). */
struct ip_change {
	const char *path;
	int32_t today;
	bool dry_run;		/* --dry-run: the diff, nothing written */
	bool force;		/* --force: even with more errors than before */
	int (*edit)(struct ip_doc *doc, void *ctx, const struct ip_err *e);
	void *ctx;
};

/* Makes the change as ip-evaluate(1) and ip-close(1) say: with the
 * plan's lock (unless dry_run), loads it (a plan that does not load: its
 * findings, exit 2), checks it, lets c->edit change it, loads and checks
 * the result, and refuses one with more errors than before unless
 * c->force (exit 1, its findings on standard error); then prints the
 * unified diff if c->dry_run, else saves it (ip_doc_save()).  Returns
 * the exit status, having said why when it is not 0. */
int ip_change_plan(const struct ip_change *c, const char *prog);

/* --- the user's editor and text (editor.c) -------------------------------- */

/* Runs the user's editor ($VISUAL, else $EDITOR, else editor if it is on
 * the PATH, else vi) on file, as git does: through sh, so that the
 * variable may hold options, with the command ignoring SIGINT and
 * SIGQUIT meanwhile, which go to the editor.  Returns 0 if it exits 0,
 * else -1 having said why. */
int ip_run_editor(const char *file, const char *prog);
/* As ip_run_editor(), opening the file at line (+LINE, as vi, emacs and
 * nano take it) unless line is 0. */
int ip_run_editor_at(const char *file, unsigned line, const char *prog);
/* The text of the file at path ("-": standard input), NUL-terminated
 * and malloc'd, or NULL having said why (it cannot be read, or holds a
 * NUL byte). */
char *ip_read_text(const char *path, const char *prog);

/* --- ip-edit (editing.c) -------------------------------------------------- */

struct ip_edit_opts {
	int32_t today;
	bool no_prompt;		/* --no-prompt: save only when clean */
};

/* Lets the user edit the plan at path in their editor, as ip-edit(1)
 * says: on a private copy beside it, under the plan's lock; validates
 * the copy, and on errors asks on standard input whether to edit again,
 * save anyway or quit; saves atomically, mode and group kept, unless the
 * plan changed meanwhile.  Returns the exit status, having said why when
 * it is not 0. */
int ip_edit_plan(const char *path, const struct ip_edit_opts *o,
    const char *prog);

#endif
