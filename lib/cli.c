/*
 * cli.c - the options every command shares: --help, --version, --today,
 * and the usage error.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "plan.h"

int
ip_cli_option(struct ip_cli *cli, int c, const char *arg)
{
	switch (c) {
	case 'h':
		fputs(cli->usage, stdout);
		fputs(cli->help, stdout);
		return ip_finish_stdout(cli->prog, IP_EXIT_OK);
	case 'V':
		printf("%s (iplan) %s\n", cli->prog, ip_version());
		return ip_finish_stdout(cli->prog, IP_EXIT_OK);
	case IP_OPT_TODAY:
		if (ip_date_parse(arg, &cli->today) != 0) {
			ip_error(cli->prog, "invalid date for --today: '%s' "
			    "(use YYYY-MM-DD)", arg);
			return IP_EXIT_TROUBLE;
		}
		cli->today_set = true;
		return -1;
	default:
		fputs(cli->usage, stderr);
		return IP_EXIT_TROUBLE;
	}
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
ip_cli_word(const char *prog, const char *opt, const char *s,
    const char *const *vocab, int *out)
{
	struct ip_arena a = { 0 };

	if ((*out = ip_vocab_index(vocab, s)) >= 0)
		return 0;
	ip_error(prog, "invalid --%s: '%s' (use %s)", opt, s,
	    ip_vocab_list(&a, vocab, " or "));
	ip_arena_free(&a);
	return -1;
}

int
ip_parse_jobs(const char *prog, const char *arg, unsigned *jobs)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 10);

	if (*arg < '1' || *arg > '9' || *end != '\0' || n > 64)
		return ip_error(prog, "invalid number of jobs: '%s' (use 1 to "
		    "64)", arg);
	*jobs = (unsigned)n;
	return 0;
}
