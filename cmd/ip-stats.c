/*
 * ip-stats - how many plans are up to date: the figures the coordinating
 * unit needs, for all plans and by coordinator, organisation, legal basis
 * or language.  Each plan that loads is added to the library's count
 * (see plans.c); one that does not is reported and counted nowhere.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"

enum { O_BY = 0x200, O_FORMAT };

static const struct ip_opt opts[] = {
	{ "by", O_BY, IP_ARG_WORDS, ip_stats_by_words },
	{ "format", O_FORMAT, IP_ARG_WORDS, ip_stats_formats },
	{ "jobs", 'j', IP_ARG_JOBS, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-stats",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-stats [--by coordinator|organization|legal-basis|"
	    "language|\n"
	    "                participant-organization] "
	    "[--format text|tsv|json|html]\n"
	    "                [-j N] [--today YYYY-MM-DD] [FILE|DIR|-]...\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Count individual plans (individuell plan) as of a day, "
	    "from their dates:\nactive and closed, evaluated in the last 12 "
	    "months, never evaluated, review\noverdue, plan period ended, "
	    "consent to share expired or withdrawn, and with\nvalidation "
	    "errors.  Directories are searched for *.yaml and *.yml; - or no "
	    "FILE\nreads standard input.\n"
	    "\n"
	    "      --by WHAT          the figures for each coordinator, "
	    "organization (the\n"
	    "                         coordinator's), legal-basis, language "
	    "or\n"
	    "                         participant-organization (each "
	    "participant's) too\n"
	    "      --format FORMAT    text (default), tsv, json or html (a "
	    "page with charts)\n"
	    "  -j, --jobs N           read N files at once (default: the "
	    "cores)\n"
	    "      --today DATE       count as of DATE (YYYY-MM-DD)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "Exit status: 0 every file counted, 2 trouble (a file that does "
	    "not load is\nreported and counted nowhere).  See ip-stats(1).\n"),
};

static void
add(void *run, const struct ip_plan *p, size_t index)
{
	ip_stats_add(run, p, index);
}

int
main(int argc, char *argv[])
{
	struct ip_stats_opts o = { 0 };
	unsigned jobs = ip_default_jobs();
	char **paths = NULL;
	size_t n = 0;
	int c, rc, w;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == O_BY) {
			if (ip_opt_word(&cli.err, "by", optarg,
			    ip_stats_by_words, &w) != 0)
				return IP_EXIT_TROUBLE;
			o.by = (enum ip_stats_by)(w + 1);
		} else if (c == O_FORMAT) {
			if (ip_opt_word(&cli.err, "format", optarg,
			    ip_stats_formats, &w) != 0)
				return IP_EXIT_TROUBLE;
			o.format = (enum ip_stats_format)w;
		} else if (c == 'j') {
			if (ip_opt_count(&cli.err, "jobs", optarg, IP_MAX_JOBS,
			    &jobs) != 0)
				return IP_EXIT_TROUBLE;
		}
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	o.today = ip_cli_today(&cli);
	if (optind < argc) {
		paths = argv + optind;
		n = (size_t)(argc - optind);
	}
	struct ip_stats_run *run = ip_stats_start(&o);
	bool trouble = ip_each_plan(paths, n, jobs, add, run, cli.prog);
	ip_stats_finish(run, stdout);
	return ip_finish_stdout(cli.prog, trouble ? IP_EXIT_TROUBLE
	    : IP_EXIT_OK);
}
