/*
 * ip-validate - check individual plans against the regulation.
 */
#include <getopt.h>
#include <stdio.h>

#include "cmd.h"

enum { O_STRICT = 0x200, O_PRINT_HOOK_DIR, O_CHECK_HOOKS };

static const struct ip_opt opts[] = {
	{ "quiet", 'q', IP_ARG_NONE, NULL },
	{ "strict", O_STRICT, IP_ARG_NONE, NULL },
	{ "jobs", 'j', IP_ARG_JOBS, NULL },
	{ "print-hook-dir", O_PRINT_HOOK_DIR, IP_ARG_NONE, NULL },
	{ "check-hooks", O_CHECK_HOOKS, IP_ARG_NONE, NULL },
	IP_CLI_OPTS
};

static struct ip_cli cli = {
	.prog = "ip-validate",
	.opts = opts,
	/* TRANSLATORS: the usage of a command, as its man page's SYNOPSIS:
	 * translate "usage" (and "options"), nothing else; line up the
	 * lines that follow. */
	.usage = N_("usage: ip-validate [-q] [--strict] [-j N] "
	    "[--today YYYY-MM-DD] [FILE|DIR|-]...\n"
	    "       ip-validate --print-hook-dir | --check-hooks\n"),
	/* TRANSLATORS: the rest of --help.  Translate the words, not the
	 * options, their values (nb|nn|en, text|tsv) nor the names that
	 * stand for values (FILE, DIR, N, DATE, ID); keep the columns lined
	 * up and the lines within 80 columns. */
	.help = N_("Check individual plans (individuell plan) against the "
	    "nine items of\nthe regulation and for consistency.  Directories "
	    "are searched for\n*.yaml and *.yml; - or no FILE reads standard "
	    "input.\n"
	    "\n"
	    "  -q, --quiet            do not show warnings\n"
	    "      --strict           count warnings as errors\n"
	    "  -j, --jobs N           check N files at once (default: the "
	    "cores)\n"
	    "      --today DATE       check as of DATE (YYYY-MM-DD)\n"
	    "      --print-hook-dir   show where iplan's git hooks are "
	    "installed\n"
	    "      --check-hooks      tell whether git runs them in this "
	    "repository\n"
	    "  -h, --help             show this help and exit\n"
	    "  -V, --version          show the version and exit\n"
	    "\n"
	    "Exit status: 0 clean, 1 findings, 2 trouble.  "
	    "See ip-validate(1).\n"),
};

int
main(int argc, char *argv[])
{
	struct ip_validate_opts o = { .jobs = ip_default_jobs() };
	int c, rc, hooks = 0;

	while ((c = ip_cli_getopt(&cli, argc, argv)) != -1) {
		if (c == 'q')
			o.quiet = true;
		else if (c == O_STRICT)
			o.strict = true;
		else if (c == O_PRINT_HOOK_DIR || c == O_CHECK_HOOKS) {
			if (hooks != 0 && hooks != c)
				return ip_cli_usage(&cli);
			hooks = c;
		}
		else if (c == 'j') {
			if (ip_opt_count(&cli.err, "jobs", optarg, IP_MAX_JOBS,
			    &o.jobs) != 0)
				return IP_EXIT_TROUBLE;
		}
		else if ((rc = ip_cli_option(&cli, c, optarg)) >= 0)
			return rc;
	}
	if (hooks != 0 && optind < argc)
		return ip_cli_usage(&cli);
	if (hooks == O_PRINT_HOOK_DIR)
		return ip_print_hook_dir(cli.prog);
	if (hooks == O_CHECK_HOOKS)
		return ip_check_hooks(cli.prog);
	o.today = ip_cli_today(&cli);
	return ip_validate(argv + optind, (size_t)(argc - optind), &o,
	    cli.prog, stderr);
}
