/*
 * ip-consent - record a consent in a plan: to the plan, a new consent to
 * share information, or a withdrawal.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

enum { O_PLAN = 0x200, O_SHARE, O_WITHDRAW, O_DATE, O_UNTIL, O_BY, O_FORM,
	O_LIST_PARTICIPANTS };

static const struct ip_opt opts[] = {
	{ "plan", O_PLAN, IP_ARG_NONE, NULL },
	{ "share", O_SHARE, IP_ARG_PARTICIPANT, NULL },
	{ "withdraw", O_WITHDRAW, IP_ARG_NONE, NULL },
	{ "date", O_DATE, IP_ARG_DATE, NULL },
	{ "until", O_UNTIL, IP_ARG_DATE, NULL },
	{ "by", O_BY, IP_ARG_PARTICIPANT, NULL },
	{ "form", O_FORM, IP_ARG_NONE, NULL },
	{ "dry-run", 'n', IP_ARG_NONE, NULL },
	{ "force", 'f', IP_ARG_NONE, NULL },
	/* for shell completion: see ip-consent(1) */
	{ "list-participants", O_LIST_PARTICIPANTS, IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-consent",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-consent PLAN --plan --by ID|NAME [options]\n"
	    "       ip-consent PLAN --share ID... [--until DATE] "
	    "[--by ID|NAME] [options]\n"
	    "       ip-consent PLAN --withdraw [--plan | --share ID...] "
	    "[options]\n"
	    "       ip-consent --list-participants PLAN\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values nor the names that stand for values (ID,
	 * NAME, DATE, PLAN); keep the columns lined up and the lines within
	 * 80 columns. */
	.help = N_("Record a consent in the individual plan PLAN, changing "
	    "nothing else in the\nfile: the consent to the plan, a new "
	    "consent to share information, or a\nwithdrawal.\n"
	    "\n"
	    "      --plan            the consent to the plan\n"
	    "      --share ID...     a new consent to share information with "
	    "these\n"
	    "                        participants: ids after PLAN, or each "
	    "after --share\n"
	    "      --withdraw        withdraw the consents to share in force "
	    "(with --share,\n"
	    "                        for those ids only: the others stay "
	    "covered), or with\n"
	    "                        --plan the consent to the plan\n"
	    "      --date DATE       the day it was given or withdrawn "
	    "(default: today)\n"
	    "      --until DATE      the last day a consent to share is in "
	    "force\n"
	    "      --by ID|NAME      who gave it: a participant's id, or a "
	    "name; may repeat\n"
	    "      --form            after writing, print the consent form "
	    "to sign\n"
	    "      --list-participants\n"
	    "                        print the ids of the plan's participants, "
	    "for\n"
	    "                        shell completion\n"
	    "  -n, --dry-run         print the change as a diff, write "
	    "nothing\n"
	    "  -f, --force           write it even if the plan would have "
	    "more errors\n"
	    "      --today DATE      take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n"
	    "\n"
	    "Exit status: 0 recorded, 1 the plan would have more errors, "
	    "2 trouble.\nSee ip-consent(1).\n"),
};

struct consent_ctx {
	struct ip_consent_opts o;
	char *report;		/* what was recorded */
};

static int
edit(struct ip_doc *doc, void *ctx, const struct ip_err *e)
{
	struct consent_ctx *c = ctx;
	return ip_consent_edit(doc, &c->o, &c->report, e);
}

int
main(int argc, char *argv[])
{
	struct consent_ctx ctx = { 0 };
	struct ip_change ch = { .edit = edit, .ctx = &ctx };
	bool date_set = false;
	/* the repeated options and the ids after PLAN, at most one an
	 * argument */
	char **ids = calloc((size_t)argc, sizeof(*ids));
	char **by = calloc((size_t)argc, sizeof(*by));
	bool plan = false, withdraw = false, form = false, list = false;
	int c, rc = IP_EXIT_TROUBLE;

	if (ids == NULL || by == NULL) {
		ip_error(cli.prog, "%s", strerror(ENOMEM));
		goto done;
	}
	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == O_PLAN)
			plan = true;
		else if (c == O_SHARE)
			ids[ctx.o.n_ids++] = optarg;
		else if (c == O_WITHDRAW)
			withdraw = true;
		else if (c == O_DATE) {
			if (ip_opt_date(&cli.err, "date", optarg,
			    &ctx.o.date) != 0)
				goto done;
			date_set = true;
		} else if (c == O_UNTIL) {
			if (ip_opt_date(&cli.err, "until", optarg,
			    &ctx.o.until) != 0)
				goto done;
			ctx.o.until_set = true;
		} else if (c == O_BY)
			by[ctx.o.n_by++] = optarg;
		else if (c == O_FORM)
			form = true;
		else if (c == O_LIST_PARTICIPANTS)
			list = true;
		else if (c == 'n')
			ch.dry_run = true;
		else if (c == 'f')
			ch.force = true;
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			goto done;
		else
			rc = IP_EXIT_TROUBLE;
	}
	if (ip_cli_operands(&cli, argc - optind, 1, ctx.o.n_ids > 0
	    ? argc - optind : 1) != 0)
		goto done;
	ch.path = argv[optind];
	/* the ids after PLAN are more of --share's */
	for (int i = optind + 1; i < argc; i++)
		ids[ctx.o.n_ids++] = argv[i];
	if (list) {
		rc = ip_finish_stdout(cli.prog, ip_list_ids(ch.path,
		    IP_IDS_PARTICIPANTS, stdout));
		goto done;
	}
	if (strcmp(ch.path, "-") == 0) {
		ip_error(cli.prog, _("a plan to change is a file, not "
		    "standard input (-)"));
		goto done;
	}
	if (withdraw)
		ctx.o.what = IP_CONSENT_WITHDRAW;
	else if (plan == (ctx.o.n_ids > 0)) {
		ip_error(cli.prog, _("say what to record: --plan, --share ID "
		    "or --withdraw"));
		rc = ip_cli_usage(&cli);
		goto done;
	} else
		ctx.o.what = plan ? IP_CONSENT_PLAN : IP_CONSENT_SHARE;
	if (withdraw && plan && ctx.o.n_ids > 0) {
		ip_error(cli.prog, _("--withdraw takes --plan or --share, "
		    "not both"));
		rc = ip_cli_usage(&cli);
		goto done;
	}
	if ((ctx.o.until_set && ctx.o.what != IP_CONSENT_SHARE)
	    || (ctx.o.n_by > 0 && withdraw)) {
		ip_error(cli.prog, _("--until goes with --share, and --by "
		    "with --plan or --share"));
		rc = ip_cli_usage(&cli);
		goto done;
	}
	ctx.o.plan = plan;
	ctx.o.ids = ids;
	ctx.o.by = by;
	ch.today = ip_cli_today(&cli);
	if (!date_set)
		ctx.o.date = ch.today;
	/* a consent to the plan withdrawn is an error of an active plan
	 * until it is closed (consent-withdrawn): recorded all the same,
	 * as the fact it is, with ip-close(1) to follow */
	if (withdraw && plan)
		ch.force = true;
	rc = ip_change_plan(&ch, cli.prog);
	if (rc == IP_EXIT_OK && !ch.dry_run) {
		fputs(ctx.report, stdout);
		if (form) {
			struct ip_export_cli ec = { .how = { .lang = -1,
			    .consent_form = true, .today = ch.today } };
			rc = ip_export(ch.path, &ec, ip_consent_form_render,
			    cli.prog);
		}
		rc = ip_finish_stdout(cli.prog, rc);
	}
done:
	free(ctx.report);
	free(ids);
	free(by);
	return rc;
}
