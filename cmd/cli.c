/*
 * cli.c - the options every command shares (--help, --version, --today,
 * the usage error), the signals they set, and how they end: what a
 * command does and the library never does.
 */
#include <assert.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/*
 * Messages in the user's language: LANGUAGE, LC_ALL, LC_MESSAGES and
 * LANG choose it, as for any program.  Only the categories messages need
 * follow the locale: LC_MESSAGES, and LC_CTYPE for the character set.
 * Numbers stay as C writes them (LC_NUMERIC): a decimal comma would
 * break the SVG, JSON and TSV that programs read.
 *
 * The catalogues are the installed ones, in LOCALEDIR; IPLAN_LOCALEDIR
 * names another directory laid out the same way, as GIT_TEXTDOMAINDIR
 * does for git: the tests run the commands from the build tree, with the
 * catalogues made there (tests/run.sh), and compiling the build tree's
 * path into the commands would make them unfit to install.
 */
static void
i18n_init(void)
{
	const char *dir = getenv("IPLAN_LOCALEDIR");

	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	bindtextdomain(IP_TEXTDOMAIN, dir != NULL && *dir != '\0' ? dir
	    : IPLAN_LOCALEDIR);
	bind_textdomain_codeset(IP_TEXTDOMAIN, "UTF-8");
	textdomain(IP_TEXTDOMAIN);
}

/* getopt_long()'s tables, made from the command's once. */
static struct option longopts[IP_MAX_OPTS + 2];
static char shortopts[2 + 3 * IP_MAX_OPTS + 1] = ":";

static void
make_tables(const struct ip_opt *opts)
{
	size_t n = 0, k = 1;

	for (const struct ip_opt *o = opts; o->name != NULL; o++, n++) {
		assert(n < IP_MAX_OPTS);
		int arg = o->arg == IP_ARG_NONE ? no_argument
		    : o->arg == IP_ARG_OPTIONAL ? optional_argument
		    : required_argument;
		longopts[n] = (struct option){ o->name, arg, NULL, o->val };
		if (o->val < 0x80) {
			shortopts[k++] = (char)o->val;
			if (arg != no_argument)
				shortopts[k++] = ':';
			if (arg == optional_argument)
				shortopts[k++] = ':';
		}
	}
	longopts[n] = (struct option){ "completion-helper", no_argument, NULL,
	    IP_OPT_COMPLETE };
	shortopts[k] = '\0';
}

int
ip_cli_getopt(struct ip_cli *cli, int argc, char *argv[])
{
	if (cli->argv == NULL) {
		i18n_init();
		cli->err = (struct ip_err){ stderr, cli->prog };
		signal(SIGPIPE, SIG_IGN);
		signal(SIGXFSZ, SIG_IGN);	/* past ulimit -f: EFBIG */
		opterr = 0;
		cli->argv = argv;
		make_tables(cli->opts);
	}
	return getopt_long(argc, argv, shortopts, longopts, NULL);
}

/* --completion-helper: the table, as cmd.h shows it. */
static int
print_table(const struct ip_cli *cli)
{
	static const char *const kinds[] = { [IP_ARG_NONE] = "none",
	    [IP_ARG_OPTIONAL] = "optional", [IP_ARG_TEXT] = "text",
	    [IP_ARG_COUNT] = "count", [IP_ARG_WORDS] = "words",
	    [IP_ARG_FILE] = "file",
	    [IP_ARG_PLAN] = "plan", [IP_ARG_DATE] = "date",
	    [IP_ARG_INTERVAL] = "interval", [IP_ARG_JOBS] = "jobs",
	    [IP_ARG_PARTICIPANT] = "participant",
	    [IP_ARG_SUBGOAL] = "subgoal", [IP_ARG_MEASURE] = "measure" };

	for (const struct ip_opt *o = cli->opts; o->name != NULL; o++) {
		if (o->val < 0x80)
			printf("-%c,", o->val);
		printf("--%s %s", o->name, kinds[o->arg]);
		for (const char *const *w = o->words; w != NULL && *w != NULL;
		    w++)
			printf(" %s", *w);
		putchar('\n');
	}
	return ip_finish_stdout(cli->prog, IP_EXIT_OK);
}

/*
 * Says what is wrong with the option getopt_long() just refused (c is '?'
 * or ':'), naming it as typed, without "=value": a value may be a national
 * id.  getopt_long() leaves the argument that held a long option, or the
 * last of a group of short ones, at argv[optind - 1], and sets optopt to
 * the short option or to the long option's value, or to 0 for a long
 * option it does not know.
 */
static void
bad_option(const struct ip_cli *cli, int c)
{
	const char *arg = cli->argv[optind - 1];
	size_t len = strcspn(arg, "=");
	const struct option *lo, *match = NULL;
	int matches = 0;

	if (strncmp(arg, "--", 2) == 0 && len > 2)
		for (lo = longopts; lo->name != NULL; lo++)
			if (strncmp(lo->name, arg + 2, len - 2) == 0) {
				if (lo->name[len - 2] == '\0') {
					match = lo;
					matches = 1;
					break;
				}
				match = lo;
				matches++;
			}
	if (c == ':' && matches > 0)
		ip_error(cli->prog, _("option '%.*s' needs a value"),
		    (int)len, arg);
	else if (c == ':')
		ip_error(cli->prog, _("option '-%c' needs a value"), optopt);
	else if (optopt == 0 && matches > 1)
		ip_error(cli->prog, _("ambiguous option '%.*s'"), (int)len,
		    arg);
	else if (optopt == 0)
		ip_error(cli->prog, _("unknown option '%.*s'"), (int)len, arg);
	/* the long option at argv[optind - 1] is the one refused only if
	 * optopt is its value: an unknown short option in a group that
	 * follows it leaves optind where it was */
	else if (matches == 1 && arg[len] == '=' && match->val == optopt
	    && match->has_arg == no_argument)
		ip_error(cli->prog, _("option '%.*s' takes no value"),
		    (int)len, arg);
	else
		ip_error(cli->prog, _("unknown option '-%c'"), optopt);
}

int
ip_cli_option(struct ip_cli *cli, int c, const char *arg)
{
	switch (c) {
	case 'h':
		fputs(_(cli->usage), stdout);
		fputs(_(cli->help), stdout);
		return ip_finish_stdout(cli->prog, IP_EXIT_OK);
	case 'V':
		printf("%s (iplan) %s\n", cli->prog, ip_version());
		return ip_finish_stdout(cli->prog, IP_EXIT_OK);
	case IP_OPT_COMPLETE:
		return print_table(cli);
	case IP_OPT_TODAY:
		if (ip_opt_date(&cli->err, "today", arg, &cli->today) != 0)
			return IP_EXIT_TROUBLE;
		cli->today_set = true;
		return -1;
	case '?':
	case ':':
		if (cli->argv != NULL)
			bad_option(cli, c);
		/* FALLTHROUGH */
	default:
		return ip_cli_usage(cli);
	}
}

int
ip_cli_usage(const struct ip_cli *cli)
{
	fputs(_(cli->usage), stderr);
	return IP_EXIT_TROUBLE;
}

int
ip_cli_operands(const struct ip_cli *cli, int n, int min, int max)
{
	if (n < min)
		ip_error(cli->prog, _("no plan given: name the plan's file"));
	else if (n > max)
		/* TRANSLATORS: %d is 2 or more; often an option that takes
		   no value was given one, as in "-f md" for "--format md". */
		ip_error(cli->prog, _("one plan at a time, and %d files are "
		    "given (does an option before them take no value?)"), n);
	else
		return 0;
	return ip_cli_usage(cli);
}

int32_t
ip_cli_today(struct ip_cli *cli)
{
	if (!cli->today_set) {
		cli->today = ip_date_today();
		cli->today_set = true;
	}
	return cli->today;
}


int
ip_error(const char *prog, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	const struct ip_err e = { stderr, prog };
	return ip_fail(&e, "%s", buf);
}

int
ip_finish_stdout(const char *prog, int status)
{
	const struct ip_err e = { stderr, prog };
	return ip_flush(stdout, _("standard output"), &e) != 0 ? IP_EXIT_TROUBLE
	    : status;
}
