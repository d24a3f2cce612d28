/*
 * review.c - the ip-review driver: add each plan that loads to the
 * library's run (see plans.c), write what is due and choose the exit
 * status.
 */
#include <stdio.h>

#include "cmd.h"
#include "plan.h"

static void
add(void *run, const struct ip_plan *p, size_t index)
{
	ip_review_add(run, p, index);
}

int
ip_review(char *const *paths, size_t n, const struct ip_review_opts *o,
    const char *prog)
{
	const struct ip_err err = { stderr, prog };
	struct ip_review_run *run = ip_review_start(o, &err);

	if (run == NULL)
		return IP_EXIT_TROUBLE;
	bool trouble = ip_each_plan(paths, n, o->jobs, add, run, prog);
	size_t due = ip_review_finish(run, stdout);
	return ip_finish_stdout(prog, trouble ? IP_EXIT_TROUBLE
	    : due > 0 ? IP_EXIT_FINDINGS : IP_EXIT_OK);
}
