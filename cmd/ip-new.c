/*
 * ip-new - start a new individual plan.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"

enum {
	O_NAME = 0x200, O_NATIONAL_ID, O_BIRTH_DATE, O_COORDINATOR, O_START,
	O_PERIOD, O_REVIEWS, O_REVIEW_INTERVAL, O_LANGUAGE, O_CARE, O_ID,
	O_TEMPLATE, O_NO_SCHEMA
};

static const struct ip_opt opts[] = {
	{ "name", O_NAME, IP_ARG_TEXT, NULL },
	{ "national-id", O_NATIONAL_ID, IP_ARG_TEXT, NULL },
	{ "birth-date", O_BIRTH_DATE, IP_ARG_TEXT, NULL },
	{ "coordinator", O_COORDINATOR, IP_ARG_TEXT, NULL },
	{ "start", O_START, IP_ARG_DATE, NULL },
	{ "period", O_PERIOD, IP_ARG_INTERVAL, NULL },
	{ "reviews", O_REVIEWS, IP_ARG_COUNT, NULL },
	{ "review-interval", O_REVIEW_INTERVAL, IP_ARG_INTERVAL, NULL },
	{ "language", O_LANGUAGE, IP_ARG_WORDS, ip_vocab_lang },
	{ "care", O_CARE, IP_ARG_WORDS, ip_vocab_care },
	{ "id", O_ID, IP_ARG_TEXT, NULL },
	{ "template", O_TEMPLATE, IP_ARG_PLAN, IP_WORDS("-") },
	{ "force", 'f', IP_ARG_NONE, NULL },
	{ "no-schema", O_NO_SCHEMA, IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-new",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-new --name NAME [options] [FILE|-]\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Write a new individual plan (individuell plan) to FILE, "
	    "or to standard\noutput with - or no FILE: a skeleton that holds "
	    "what is known and\nshows, at each of the items a-i, what the "
	    "regulation asks for.\n"
	    "\n"
	    "      --name NAME                the person the plan is for "
	    "(required)\n"
	    "      --national-id ID           the national id (fødselsnummer, D-,\n"
	    "                                 H- or FH-nummer)\n"
	    "      --birth-date DATE          birth date (default: from "
	    "--national-id)\n"
	    "      --coordinator NAME         the coordinator\n"
	    "      --start DATE               first day of the period "
	    "(default: today)\n"
	    "      --period N{d|w|m|y}        length of the period "
	    "(default: 1y)\n"
	    "      --reviews N                N review dates spread over "
	    "the period\n"
	    "      --review-interval N{d|w|m|y}\n"
	    "                                 a review date every interval\n"
	    "      --language nb|nn|en        language of the plan "
	    "(default: nb)\n"
	    "      --care voluntary|compulsory\n"
	    "                                 compulsory: under compulsory "
	    "mental health\n"
	    "                                 care (default: voluntary)\n"
	    "      --id ID                    the plan's id\n"
	    "      --template FILE|-          start from this template, "
	    "not the built-in one\n"
	    "  -f, --force                    replace FILE if it exists\n"
	    "      --no-schema                no line that points editors at "
	    "the JSON\n"
	    "                                 Schema of plans\n"
	    "      --today DATE               take DATE (YYYY-MM-DD) as "
	    "today\n"
	    "  -h, --help                     show this help and exit\n"
	    "  -V, --version                  show the version and exit\n"
	    "\n"
	    "Exit status: 0 written, 2 trouble.  See ip-new(1).\n"),
};

/* The options whose values are not texts, as given (NULL: not). */
struct given {
	const char *birth_date, *language, *care, *start, *period, *reviews,
	    *review_interval;
};

/* Turns the values of g into o's, all of them, so that every one
 * refused is said at once: 0, or -1 if one is. */
static int
values(const struct given *g, struct ip_new_opts *o)
{
	const struct ip_err *e = &cli.err;
	int bad = 0;

	if (g->birth_date != NULL && ip_opt_date(e, "birth-date",
	    g->birth_date, &o->birth_date) != 0)
		bad = -1;
	else
		o->birth_date_set = g->birth_date != NULL;
	if (g->language != NULL)
		bad |= ip_opt_word(e, "language", g->language, ip_vocab_lang,
		    &o->lang);
	if (g->care != NULL)
		bad |= ip_opt_word(e, "care", g->care, ip_vocab_care,
		    &o->care);
	if (g->start != NULL && ip_opt_date(e, "start", g->start,
	    &o->start) != 0)
		bad = -1;
	else
		o->start_set = g->start != NULL;
	if (g->period != NULL && !ip_parse_interval(g->period,
	    &o->period.n, &o->period.unit))
		bad = ip_fail(e, _("invalid --period: '%s' (use a count and "
		    "a unit, such as 1y, 6m or 26w)"), g->period);
	if (g->reviews != NULL)
		bad |= ip_opt_count(e, "reviews", g->reviews, IP_MAX_REVIEWS,
		    &o->reviews);
	if (g->review_interval != NULL && !ip_parse_interval(
	    g->review_interval, &o->review_interval.n,
	    &o->review_interval.unit))
		bad = ip_fail(e, _("invalid --review-interval: '%s' (use a "
		    "count and a unit, such as 3m, 6 months or 8w)"),
		    g->review_interval);
	if (g->reviews != NULL && g->review_interval != NULL)
		bad = ip_fail(e, _("--reviews and --review-interval: give "
		    "one, not both"));
	return bad;
}

int
main(int argc, char *argv[])
{
	struct ip_new_opts o = { .lang = -1, .care = -1 };
	struct given g = { 0 };
	const char **arg[] = {
		[O_NAME - O_NAME] = &o.name,
		[O_NATIONAL_ID - O_NAME] = &o.national_id,
		[O_BIRTH_DATE - O_NAME] = &g.birth_date,
		[O_COORDINATOR - O_NAME] = &o.coordinator,
		[O_START - O_NAME] = &g.start,
		[O_PERIOD - O_NAME] = &g.period,
		[O_REVIEWS - O_NAME] = &g.reviews,
		[O_REVIEW_INTERVAL - O_NAME] = &g.review_interval,
		[O_LANGUAGE - O_NAME] = &g.language,
		[O_CARE - O_NAME] = &g.care,
		[O_ID - O_NAME] = &o.id,
		[O_TEMPLATE - O_NAME] = &o.template_file,
	};
	int c, rc;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c >= O_NAME && c <= O_TEMPLATE)
			*arg[c - O_NAME] = optarg;
		else if (c == 'f')
			o.force = true;
		else if (c == O_NO_SCHEMA)
			o.no_schema = true;
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if ((rc = ip_cli_operands(&cli, argc - optind, 0, 1)) != 0)
		return rc;
	/* the library says what else is wrong, the texts, as it checks
	 * them: every option refused is said at once */
	o.refused = values(&g, &o) != 0;
	o.today = ip_cli_today(&cli);
	return ip_new(argv[optind], &o, cli.prog);
}
