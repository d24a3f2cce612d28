/*
 * ip-evaluate - record an evaluation meeting in a plan: the review done,
 * its summary, the sub-goals' status, the measures that end, the next
 * review.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

enum { O_DATE = 0x200, O_SUMMARY, O_SUMMARY_FILE, O_SUBGOAL,
	O_END_MEASURE, O_NEXT, O_NEXT_IN, O_LIST_SUBGOALS, O_LIST_MEASURES };

static const struct ip_opt opts[] = {
	{ "date", O_DATE, IP_ARG_DATE, NULL },
	{ "summary", O_SUMMARY, IP_ARG_TEXT, NULL },
	{ "summary-file", O_SUMMARY_FILE, IP_ARG_FILE, IP_WORDS("-") },
	{ "subgoal", O_SUBGOAL, IP_ARG_SUBGOAL, ip_vocab_goal_status },
	{ "end-measure", O_END_MEASURE, IP_ARG_MEASURE, NULL },
	{ "next", O_NEXT, IP_ARG_DATE, NULL },
	{ "next-in", O_NEXT_IN, IP_ARG_INTERVAL, NULL },
	{ "dry-run", 'n', IP_ARG_NONE, NULL },
	{ "force", 'f', IP_ARG_NONE, NULL },
	{ "list-subgoals", O_LIST_SUBGOALS, IP_ARG_NONE, NULL },
	{ "list-measures", O_LIST_MEASURES, IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-evaluate",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-evaluate [options] PLAN\n"
	    "       ip-evaluate --list-subgoals|--list-measures PLAN\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values nor the names that stand for values (TEXT,
	 * FILE, DATE, ID, N, PLAN); keep the columns lined up and the lines
	 * within 80 columns. */
	.help = N_("Record an evaluation meeting in the individual plan PLAN, "
	    "changing nothing\nelse in the file: the review done, its "
	    "summary, the sub-goals' status, the\nmeasures that end and the "
	    "next review.\n"
	    "\n"
	    "      --date DATE              the day of the meeting (default: "
	    "today)\n"
	    "      --summary TEXT           the summary of the meeting\n"
	    "      --summary-file FILE|-    the summary, from FILE or standard "
	    "input\n"
	    "                               (neither, on a terminal: $VISUAL "
	    "or $EDITOR)\n"
	    "      --subgoal ID=STATUS      the sub-goal's status: achieved, "
	    "open or\n"
	    "                               dropped (repeatable)\n"
	    "      --end-measure ID[=DATE]  the measure ends on DATE "
	    "(default: --date)\n"
	    "                               (repeatable)\n"
	    "      --next DATE              the next review\n"
	    "      --next-in N{d|w|m}       the next review N days, weeks or "
	    "months after\n"
	    "                               the meeting (default: the plan's "
	    "review_interval)\n"
	    "  -n, --dry-run                print the change as a diff, write "
	    "nothing\n"
	    "  -f, --force                  write it even if the plan would "
	    "have more errors\n"
	    "      --list-subgoals          print the ids of the plan's "
	    "sub-goals, and exit\n"
	    "      --list-measures          print the ids of the plan's "
	    "measures, and exit\n"
	    "      --today DATE             take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help                   show this help and exit\n"
	    "  -V, --version                show the version and exit\n"
	    "\n"
	    "Exit status: 0 recorded, 1 the plan would have more errors, "
	    "2 trouble.\nSee ip-evaluate(1).\n"),
};

struct evaluate {
	struct ip_evaluate_opts o;
	const char *path;
	bool edit;		/* ask the editor for the summary */
	char *file;		/* the editor's file, beside the plan */
	char *summary;		/* malloc'd */
	char *report;		/* what was recorded */
};

/* The summary from the user's editor, on a private file beside the
 * plan, which is kept until the plan is written. */
static int
from_editor(struct evaluate *ev, const struct ip_plan *p,
    const struct ip_err *e)
{
	char *tmpl = ip_evaluate_template(p);
	int fd = ip_private_file(ev->path, "summary", &ev->file, e);
	if (fd < 0) {
		free(tmpl);
		return -1;
	}
	FILE *f = fdopen(fd, "w");
	bool ok = f != NULL && fputs(tmpl, f) >= 0;
	if (f == NULL ? close(fd) != 0 : fclose(f) != 0)
		ok = false;
	free(tmpl);
	if (!ok)
		return ip_fail(e, _("cannot write '%s'"), ev->file);
	if (ip_run_editor(ev->file, e->prog) != 0)
		return -1;
	char *text = ip_read_text(ev->file, e->prog);
	if (text == NULL)
		return -1;
	ev->summary = ip_summary_clean(text, true);
	free(text);
	if (ev->summary == NULL) {
		unlink(ev->file);
		free(ev->file);
		ev->file = NULL;
		return ip_fail(e, _("the summary is empty: nothing written"));
	}
	return 0;
}

static int
edit(struct ip_doc *doc, void *ctx, const struct ip_err *e)
{
	struct evaluate *ev = ctx;

	if (ip_evaluate_check(doc, &ev->o, e) != 0)
		return -1;
	if (ev->edit && from_editor(ev, ip_doc_plan(doc), e) != 0)
		return -1;
	if (ev->summary != NULL)
		ev->o.summary = ev->summary;
	return ip_evaluate_edit(doc, &ev->o, &ev->report, e);
}

/* --subgoal ID=STATUS, split at the first '=' (arg is argv's, written
 * in place): 0, or -1 after saying why. */
static int
subgoal(char *arg, struct ip_subgoal_status *s)
{
	char *eq = strchr(arg, '=');

	if (eq == NULL)
		return ip_fail(&cli.err, _("invalid --subgoal: '%s' (use "
		    "ID=achieved, ID=open or ID=dropped)"), arg);
	if (ip_opt_word(&cli.err, "subgoal", eq + 1, ip_vocab_goal_status,
	    &s->status) != 0)
		return -1;
	*eq = '\0';
	s->id = arg;
	return 0;
}

/* --end-measure ID[=DATE], as subgoal(); without a DATE, the day is
 * INT32_MIN until --date is known. */
static int
end_measure(char *arg, struct ip_measure_end *m)
{
	char *eq = strchr(arg, '=');

	m->day = INT32_MIN;
	if (eq != NULL && ip_opt_date(&cli.err, "end-measure", eq + 1,
	    &m->day) != 0)
		return -1;
	if (eq != NULL)
		*eq = '\0';
	m->id = arg;
	return 0;
}

int
main(int argc, char *argv[])
{
	struct evaluate ev = { 0 };
	struct ip_change ch = { .edit = edit, .ctx = &ev };
	const char *summary_file = NULL;
	bool date_set = false;
	int list = -1;		/* --list-subgoals, --list-measures */
	/* the repeated options, at most one an argument */
	struct ip_subgoal_status *sub = calloc((size_t)argc, sizeof(*sub));
	struct ip_measure_end *end = calloc((size_t)argc, sizeof(*end));
	int c, rc = IP_EXIT_TROUBLE;

	if (sub == NULL || end == NULL) {
		ip_error(cli.prog, "%s", strerror(ENOMEM));
		goto out;
	}
	ev.o.subgoals = sub;
	ev.o.end_measures = end;
	/* each value checked as it comes, the first refused ending it */
	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		switch (c) {
		case O_DATE:
			if (ip_opt_date(&cli.err, "date", optarg,
			    &ev.o.date) != 0)
				goto out;
			date_set = true;
			break;
		case O_SUMMARY: ev.o.summary = optarg; break;
		case O_SUMMARY_FILE: summary_file = optarg; break;
		case O_SUBGOAL:
			if (subgoal(optarg, &sub[ev.o.n_subgoals++]) != 0)
				goto out;
			break;
		case O_END_MEASURE:
			if (end_measure(optarg,
			    &end[ev.o.n_end_measures++]) != 0)
				goto out;
			break;
		case O_NEXT:
			if (ip_opt_date(&cli.err, "next", optarg,
			    &ev.o.next) != 0)
				goto out;
			ev.o.next_set = true;
			break;
		case O_NEXT_IN:
			if (!ip_parse_interval(optarg, &ev.o.next_in.n,
			    &ev.o.next_in.unit)) {
				ip_fail(&cli.err, _("invalid --next-in: '%s' "
				    "(use N{d|w|m}, such as 6m)"), optarg);
				goto out;
			}
			break;
		case 'n': ch.dry_run = true; break;
		case 'f': ch.force = true; break;
		case O_LIST_SUBGOALS: list = IP_IDS_SUBGOALS; break;
		case O_LIST_MEASURES: list = IP_IDS_MEASURES; break;
		default:
			if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
				goto out;
			rc = IP_EXIT_TROUBLE;
		}
	}
	if (ip_cli_operands(&cli, argc - optind, 1, 1) != 0)
		goto out;
	ev.path = ch.path = argv[optind];
	if (list >= 0) {
		rc = ip_finish_stdout(cli.prog, ip_list_ids(ch.path,
		    (enum ip_ids)list, stdout));
		goto out;
	}
	if (strcmp(ch.path, "-") == 0) {
		ip_error(cli.prog, _("a plan to change is a file, not "
		    "standard input (-)"));
		goto out;
	}
	if (ev.o.summary != NULL && summary_file != NULL) {
		ip_error(cli.prog, _("--summary and --summary-file: give one"));
		goto out;
	}
	if (ev.o.next_set && ev.o.next_in.n > 0) {
		ip_error(cli.prog, _("--next and --next-in: give one"));
		goto out;
	}
	ch.today = ip_cli_today(&cli);
	if (!date_set)
		ev.o.date = ch.today;
	for (size_t i = 0; i < ev.o.n_end_measures; i++)
		if (end[i].day == INT32_MIN)
			end[i].day = ev.o.date;
	if (summary_file != NULL) {
		char *text = ip_read_text(summary_file, cli.prog);
		if (text == NULL)
			goto out;
		ev.summary = ip_summary_clean(text, false);
		free(text);
	} else if (ev.o.summary != NULL) {
		ev.summary = ip_summary_clean(ev.o.summary, false);
	} else
		ev.edit = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	ev.o.summary = NULL;
	rc = ip_change_plan(&ch, cli.prog);
	if (rc == IP_EXIT_OK && !ch.dry_run) {
		fputs(ev.report, stdout);
		rc = ip_finish_stdout(cli.prog, rc);
	}
	if (ev.file != NULL && (rc != IP_EXIT_OK || ch.dry_run))
		ip_error(cli.prog, _("the summary is kept in '%s'"), ev.file);
	else if (ev.file != NULL)
		unlink(ev.file);
out:
	free(ev.file);
	free(ev.summary);
	free(ev.report);
	free(sub);
	free(end);
	return rc;
}
