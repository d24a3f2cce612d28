/*
 * ip-review - tell the coordinators which plans need them now.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"

enum { O_WITHIN = 0x200, O_BY_COORDINATOR, O_FORMAT, O_LANGUAGE, O_MAIL,
	O_MAIL_TO, O_MAIL_FROM, O_DRAFT_DAYS };

/* --mail=mbox */
static const char *const mail_how[] = { "mbox", NULL };

static const struct ip_opt opts[] = {
	{ "within", O_WITHIN, IP_ARG_INTERVAL, NULL },
	{ "by-coordinator", O_BY_COORDINATOR, IP_ARG_NONE, NULL },
	{ "format", O_FORMAT, IP_ARG_WORDS, ip_review_formats },
	{ "language", O_LANGUAGE, IP_ARG_WORDS, ip_vocab_lang },
	{ "mail", O_MAIL, IP_ARG_OPTIONAL, mail_how },
	{ "mail-to", O_MAIL_TO, IP_ARG_TEXT, NULL },
	{ "mail-from", O_MAIL_FROM, IP_ARG_TEXT, NULL },
	{ "draft-days", O_DRAFT_DAYS, IP_ARG_COUNT, NULL },
	{ "jobs", 'j', IP_ARG_JOBS, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-review",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-review [--within N{d|w|m|y}] [--by-coordinator] "
	    "[--format text|tsv|ics]\n"
	    "                 [--language nb|nn|en] [--mail[=mbox]] "
	    "[--mail-to ADDR]\n"
	    "                 [--mail-from ADDR] [--draft-days N] [-j N]\n"
	    "                 [--today YYYY-MM-DD] "
	    "[FILE|DIR|-]...\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Report what is due in individual plans (individuell "
	    "plan): reviews due or\noverdue, plan periods and consents "
	    "ending, open sub-goals past their date,\nmeasures ended without "
	    "a review, plans never reviewed, drafts left unfinished.\n"
	    "Directories are searched for *.yaml and *.yml; - or no FILE "
	    "reads standard\ninput.  Nothing is printed when nothing is "
	    "due.\n"
	    "\n"
	    "      --within N{d|w|m|y}\n"
	    "                         report what falls due within N days, "
	    "weeks,\n"
	    "                         months or years (default: 30d)\n"
	    "      --by-coordinator   group the findings under each "
	    "coordinator\n"
	    "      --format FORMAT    text (default), tsv or ics (a "
	    "calendar)\n"
	    "      --language LANG    the calendar's language for every plan: "
	    "nb, nn or en\n"
	    "                         (default: each plan's own)\n"
	    "      --mail[=mbox]      mail each coordinator what is due in "
	    "their plans,\n"
	    "                         through sendmail(8), or write the "
	    "messages as an mbox\n"
	    "      --mail-to ADDR     where the plans without a coordinator's "
	    "address go\n"
	    "                         (default: the sender)\n"
	    "      --mail-from ADDR   the sender (default: you, at this "
	    "host)\n"
	    "      --draft-days N     report a draft begun more than N days "
	    "ago (default: 30)\n"
	    "  -j, --jobs N           read N files at once (default: the "
	    "cores)\n"
	    "      --today DATE       report as of DATE (YYYY-MM-DD)\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "Exit status: 0 nothing due, 1 something due, 2 trouble.  "
	    "See ip-review(1).\n"),
};

int
main(int argc, char *argv[])
{
	struct ip_review_cli rv = { .o = { .lang = -1,
	    .jobs = ip_default_jobs() } };
	struct ip_review_opts *o = &rv.o;
	int c, rc, w;

	/* each value checked as it comes, the first refused ending it */
	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == O_WITHIN) {
			if (!ip_parse_interval(optarg, &o->within.n,
			    &o->within.unit)) {
				ip_fail(&cli.err, _("invalid horizon for "
				    "--within: '%s' (use a count and a unit: "
				    "30d, 4w, 3m)"), optarg);
				return IP_EXIT_TROUBLE;
			}
		} else if (c == O_BY_COORDINATOR)
			o->by_coordinator = true;
		else if (c == O_FORMAT) {
			if (ip_opt_word(&cli.err, "format", optarg,
			    ip_review_formats, &w) != 0)
				return IP_EXIT_TROUBLE;
			o->format = (enum ip_review_format)w;
		} else if (c == O_LANGUAGE) {
			if (ip_opt_word(&cli.err, "language", optarg,
			    ip_vocab_lang, &o->lang) != 0)
				return IP_EXIT_TROUBLE;
		} else if (c == O_MAIL) {
			if (optarg != NULL && ip_opt_word(&cli.err, "mail",
			    optarg, mail_how, &w) != 0)
				return IP_EXIT_TROUBLE;
			rv.mail = true;
			rv.mbox = optarg != NULL;
		} else if (c == O_MAIL_TO)
			rv.mail_to = optarg;
		else if (c == O_MAIL_FROM)
			rv.mail_from = optarg;
		else if (c == O_DRAFT_DAYS) {
			if (ip_opt_count(&cli.err, "draft-days", optarg,
			    IP_MAX_DRAFT_DAYS, &o->draft_days) != 0)
				return IP_EXIT_TROUBLE;
		} else if (c == 'j') {
			if (ip_opt_count(&cli.err, "jobs", optarg, IP_MAX_JOBS,
			    &o->jobs) != 0)
				return IP_EXIT_TROUBLE;
		}
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if ((rv.mail_to != NULL || rv.mail_from != NULL) && !rv.mail) {
		ip_error(cli.prog, _("--mail-to and --mail-from go with --mail"));
		return ip_cli_usage(&cli);
	}
	o->today = ip_cli_today(&cli);
	return ip_review(argv + optind, (size_t)(argc - optind), &rv,
	    cli.prog);
}
