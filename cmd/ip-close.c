/*
 * ip-close - end a plan: status closed, with the date and the reason.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"

static struct ip_cli cli = {
	.prog = "ip-close",
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-close --reason TEXT [options] PLAN\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values nor the names that stand for values (TEXT,
	 * DATE, PLAN); keep the columns lined up and the lines within 80
	 * columns. */
	.help = N_("Close the individual plan PLAN: status closed, with the "
	    "date and the reason,\nchanging nothing else in the file.\n"
	    "\n"
	    "      --reason TEXT     why the plan ends (required)\n"
	    "      --date DATE       the day it ends (default: today)\n"
	    "  -n, --dry-run         print the change as a diff, write "
	    "nothing\n"
	    "  -f, --force           write it even if the plan would have "
	    "more errors\n"
	    "      --today DATE      take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n"
	    "\n"
	    "Exit status: 0 closed, 1 the plan would have more errors, "
	    "2 trouble.\nSee ip-close(1).\n"),
};

enum { O_REASON = 0x200, O_DATE };

struct close_ctx {
	struct ip_close_opts o;
};

static int
edit(struct ip_doc *doc, void *ctx, const struct ip_err *e)
{
	return ip_close_edit(doc, &((struct close_ctx *)ctx)->o, e);
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "reason", required_argument, NULL, O_REASON },
		{ "date", required_argument, NULL, O_DATE },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "force", no_argument, NULL, 'f' },
		IP_CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct close_ctx ctx = { 0 };
	struct ip_change ch = { .edit = edit, .ctx = &ctx };
	const char *date = NULL;
	int c, rc;

	while ((c = ip_cli_getopt(&cli, argc, argv, ":nfhV",
	    longopts)) != -1) {
		if (c == O_REASON)
			ctx.o.reason = optarg;
		else if (c == O_DATE)
			date = optarg;
		else if (c == 'n')
			ch.dry_run = true;
		else if (c == 'f')
			ch.force = true;
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if (argc - optind != 1)
		return ip_cli_usage(&cli);
	ch.path = argv[optind];
	if (strcmp(ch.path, "-") == 0) {
		ip_error(cli.prog, _("a plan to change is a file, not "
		    "standard input (-)"));
		return IP_EXIT_TROUBLE;
	}
	if (ctx.o.reason == NULL) {
		ip_error(cli.prog, _("--reason is required: say why the plan "
		    "ends"));
		return ip_cli_usage(&cli);
	}
	ch.today = ip_cli_today(&cli);
	ctx.o.date = ch.today;
	if (date != NULL && ip_opt_date(&cli.err, "date", date,
	    &ctx.o.date) != 0)
		return IP_EXIT_TROUBLE;
	rc = ip_change_plan(&ch, cli.prog);
	if (rc == IP_EXIT_OK && !ch.dry_run) {
		char day[16];
		printf(_("%s: closed on %s\n"), ch.path,
		    ip_date_format(ctx.o.date, day));
		rc = ip_finish_stdout(cli.prog, rc);
	}
	return rc;
}
