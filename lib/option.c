/*
 * option.c - the checks of option values more than one command needs,
 * and the version that --version shows.
 */
#include "iplan.h"	/* ip_opt_word() ..., ip_version() */

#include <stdlib.h>

#include "i18n.h"
#include "plan.h"

const char *
ip_version(void)
{
	return IPLAN_VERSION;
}

int
ip_opt_word(const struct ip_err *e, const char *opt, const char *s,
    const char *const *vocab, int *out)
{
	struct ip_arena a = { 0 };

	if ((*out = ip_vocab_index(vocab, s)) >= 0)
		return 0;
	ip_fail(e, _("invalid --%s: '%s' (use %s)"), opt, s,
	    ip_vocab_or(&a, vocab));
	ip_arena_free(&a);
	return -1;
}

int
ip_opt_count(const struct ip_err *e, const char *opt, const char *arg,
    unsigned max, unsigned *n)
{
	char *end;
	unsigned long v = strtoul(arg, &end, 10);

	if (*arg < '1' || *arg > '9' || *end != '\0' || v > max)
		return ip_fail(e, _("invalid --%s: '%s' (use 1 to %u)"), opt,
		    arg, max);
	*n = (unsigned)v;
	return 0;
}

int
ip_opt_date(const struct ip_err *e, const char *opt, const char *arg,
    int32_t *day)
{
	if (ip_date_parse(arg, day) != 0)
		return ip_fail(e, _("invalid date for --%s: '%s' (use "
		    "YYYY-MM-DD)"), opt, arg);
	return 0;
}
