/*
 * ip-edit - edit a plan in one's editor, validated before it is saved.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"

enum { O_NO_PROMPT = 0x200 };

static const struct ip_opt opts[] = {
	{ "no-prompt", O_NO_PROMPT, IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-edit",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-edit [--no-prompt] [--today YYYY-MM-DD] PLAN\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values nor the names that stand for values (DATE,
	 * PLAN); keep the columns lined up and the lines within 80
	 * columns. */
	.help = N_("Edit the individual plan PLAN in $VISUAL or $EDITOR, on "
	    "a private copy beside\nit, and save it only once it validates "
	    "or you say so: on errors, edit again\nat the first, save "
	    "anyway, or quit without saving.\n"
	    "\n"
	    "      --no-prompt       ask nothing: save only a plan without "
	    "errors\n"
	    "      --today DATE      validate as of DATE (YYYY-MM-DD)\n"
	    "  -h, --help            show this help and exit\n"
	    "  -V, --version         show the version and exit\n"
	    "\n"
	    "Exit status: 0 saved or unchanged, 1 not saved for errors, "
	    "2 trouble.\nSee ip-edit(1).\n"),
};

int
main(int argc, char *argv[])
{
	struct ip_edit_opts o = { 0 };
	int c, rc;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == O_NO_PROMPT)
			o.no_prompt = true;
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if ((rc = ip_cli_operands(&cli, argc - optind, 1, 1)) != 0)
		return rc;
	o.today = ip_cli_today(&cli);
	return ip_edit_plan(argv[optind], &o, cli.prog);
}
