/*
 * ip-stats - how many plans are up to date: the figures the coordinating
 * unit needs, for all plans and by coordinator, organisation, legal basis
 * or language.  The walk adds each plan that loads to the library's
 * count; one that does not is reported and counted nowhere.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"

static struct ip_cli cli = {
	.prog = "ip-stats",
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-stats [--by coordinator|organization|legal-basis|"
	    "language]\n"
	    "                [--format text|tsv|json|html] [-j N] "
	    "[--today YYYY-MM-DD] [FILE|DIR|-]...\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Count individual plans (individuell plan): active and "
	    "closed, evaluated in the\nlast 12 months, never evaluated, "
	    "review overdue, plan period ended, consent\nto share expired or "
	    "withdrawn, and with validation errors.  Directories are\n"
	    "searched for *.yaml and *.yml; - or no FILE reads standard "
	    "input.\n"
	    "\n"
	    "      --by WHAT          the figures for each coordinator, "
	    "organization,\n"
	    "                         legal-basis or language too\n"
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

enum { O_BY = 0x200, O_FORMAT };

/* The count, and whether a file did not load. */
struct driver {
	struct ip_stats_run *run;
	pthread_mutex_t mu;
	bool trouble;		/* under mu */
};

static int
one(const char *path, size_t index, FILE *out, void *ctx)
{
	struct driver *dr = ctx;
	struct ip_diags *d = ip_diags_new(strcmp(path, "-") == 0 ? "<stdin>"
	    : path);
	struct ip_plan *p;

	(void)index;
	if (d == NULL) {
		fputs("ip-stats: out of memory\n", stderr);
		abort();
	}
	if (ip_plan_load(path, d, &p) == 0)
		ip_stats_add(dr->run, p);
	else {
		ip_diags_print(d, out, 0);	/* counted nowhere */
		pthread_mutex_lock(&dr->mu);
		dr->trouble = true;
		pthread_mutex_unlock(&dr->mu);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, O_BY },
		{ "format", required_argument, NULL, O_FORMAT },
		{ "jobs", required_argument, NULL, 'j' },
		IP_CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct ip_stats_opts o = { 0 };
	struct driver dr = { .trouble = false };
	unsigned jobs = ip_default_jobs();
	char *dash[] = { "-" }, **paths = dash;
	size_t n = 1;
	int c, rc, w;

	while ((c = ip_cli_getopt(&cli, argc, argv, ":j:hV",
	    longopts)) != -1) {
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
	dr.run = ip_stats_start(&o);
	pthread_mutex_init(&dr.mu, NULL);
	if (ip_walk(paths, n, jobs, one, &dr, cli.prog, stderr) != 0)
		dr.trouble = true;
	pthread_mutex_destroy(&dr.mu);
	ip_stats_finish(dr.run, stdout);
	return ip_finish_stdout(cli.prog, dr.trouble ? IP_EXIT_TROUBLE
	    : IP_EXIT_OK);
}
