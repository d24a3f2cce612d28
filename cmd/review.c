/*
 * review.c - the ip-review driver: walk the plans named, add each that
 * loads to the library's run, report those that do not, write what is
 * due and choose the exit status.
 */
#include <pthread.h>
#include <stdio.h>

#include "cmd.h"
#include "plan.h"

/* A run of ip-review: the library's, and whether a plan did not load. */
struct review_driver {
	struct ip_review_run *run;
	pthread_mutex_t mu;
	bool trouble;		/* under mu */
};

static int
review_one(const char *path, size_t index, FILE *out, void *ctx)
{
	struct review_driver *rd = ctx;
	struct ip_diags *d = ip_diags_for(path);
	struct ip_plan *p;

	if (ip_plan_load(path, d, &p) == 0)
		ip_review_add(rd->run, p, index);
	else {
		ip_diags_print(d, out, 0);	/* trouble either way */
		pthread_mutex_lock(&rd->mu);
		rd->trouble = true;
		pthread_mutex_unlock(&rd->mu);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

int
ip_review(char *const *paths, size_t n, const struct ip_review_opts *o,
    const char *prog)
{
	const struct ip_err err = { stderr, prog };
	char *dash[] = { "-" };
	struct review_driver rd = { .run = ip_review_start(o, &err) };

	if (rd.run == NULL)
		return IP_EXIT_TROUBLE;
	if (n == 0) {
		paths = dash;
		n = 1;
	}
	pthread_mutex_init(&rd.mu, NULL);
	if (ip_walk(paths, n, o->jobs, review_one, &rd, prog, stderr) != 0)
		rd.trouble = true;
	pthread_mutex_destroy(&rd.mu);
	size_t due = ip_review_finish(rd.run, stdout);
	return ip_finish_stdout(prog, rd.trouble ? IP_EXIT_TROUBLE
	    : due > 0 ? IP_EXIT_FINDINGS : IP_EXIT_OK);
}
