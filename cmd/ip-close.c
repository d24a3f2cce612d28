/*
 * ip-close - end a plan: status closed, with the date and the reason.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

enum { O_REASON = 0x200, O_DATE };

static const struct ip_opt opts[] = {
	{ "reason", O_REASON, IP_ARG_TEXT, NULL },
	{ "date", O_DATE, IP_ARG_DATE, NULL },
	{ "dry-run", 'n', IP_ARG_NONE, NULL },
	{ "force", 'f', IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-close",
	.opts = opts,
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
	    "      --reason TEXT     why the plan ends (required; asked for "
	    "on a terminal)\n"
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

struct close_ctx {
	struct ip_close_opts o;
};

/* The reason, asked for on the terminal when --reason is not given, so
 * that "ip-close PLAN", as ip-review(1) prints it, asks for what only the
 * user can say; NULL off a terminal or if the answer is blank. */
static char *
ask_reason(void)
{
	char *line = NULL;
	size_t cap = 0;

	if (!isatty(STDIN_FILENO) || !isatty(STDERR_FILENO))
		return NULL;
	/* TRANSLATORS: asked on the terminal when ip-close is run
	   without --reason; the answer is the plan's closed.reason. */
	fputs(_("Why does the plan end? "), stderr);
	if (getline(&line, &cap, stdin) < 0
	    || line[strspn(line, " \t\r\n")] == '\0') {
		free(line);
		return NULL;
	}
	line[strcspn(line, "\r\n")] = '\0';
	return line;
}

static int
edit(struct ip_doc *doc, void *ctx, const struct ip_err *e)
{
	return ip_close_edit(doc, &((struct close_ctx *)ctx)->o, e);
}

int
main(int argc, char *argv[])
{
	struct close_ctx ctx = { 0 };
	struct ip_change ch = { .edit = edit, .ctx = &ctx };
	bool date_set = false;
	char *asked = NULL;
	int c, rc;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == O_REASON)
			ctx.o.reason = optarg;
		else if (c == O_DATE) {
			if (ip_opt_date(&cli.err, "date", optarg,
			    &ctx.o.date) != 0)
				return IP_EXIT_TROUBLE;
			date_set = true;
		} else if (c == 'n')
			ch.dry_run = true;
		else if (c == 'f')
			ch.force = true;
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if ((rc = ip_cli_operands(&cli, argc - optind, 1, 1)) != 0)
		return rc;
	ch.path = argv[optind];
	if (strcmp(ch.path, "-") == 0) {
		ip_error(cli.prog, _("a plan to change is a file, not "
		    "standard input (-)"));
		return IP_EXIT_TROUBLE;
	}
	ch.today = ip_cli_today(&cli);
	if (!date_set)
		ctx.o.date = ch.today;
	if (ctx.o.reason == NULL && (ctx.o.reason = asked = ask_reason())
	    == NULL) {
		ip_error(cli.prog, _("--reason is required: say why the plan "
		    "ends"));
		return IP_EXIT_TROUBLE;
	}
	rc = ip_change_plan(&ch, cli.prog);
	if (rc == IP_EXIT_OK && !ch.dry_run) {
		char day[16];
		printf(_("%s: closed on %s\n"), ch.path,
		    ip_date_format(ctx.o.date, day));
		rc = ip_finish_stdout(cli.prog, rc);
	}
	free(asked);
	return rc;
}
