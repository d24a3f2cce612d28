/*
 * plans.c - the walk of ip-review and ip-stats: load each plan named,
 * hand the library's run each that loads, report each that does not.
 */
#include <pthread.h>
#include <stdio.h>

#include "cmd.h"

struct each {
	ip_plan_sink *add;
	void *run;
	pthread_mutex_t mu;
	bool trouble;		/* under mu */
};

static int
one(const char *path, size_t index, FILE *out, void *ctx)
{
	struct each *e = ctx;
	struct ip_diags *d = ip_diags_for(path);
	struct ip_plan *p;

	if (ip_plan_load(path, d, &p) == 0)
		e->add(e->run, p, index);
	else {
		ip_diags_print(d, out, 0);
		pthread_mutex_lock(&e->mu);
		e->trouble = true;
		pthread_mutex_unlock(&e->mu);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

bool
ip_each_plan(char *const *paths, size_t n, unsigned jobs,
    ip_plan_sink *add, void *run, const char *prog)
{
	char *dash[] = { "-" };
	struct each e = { .add = add, .run = run, .trouble = false };

	if (n == 0) {
		paths = dash;
		n = 1;
	}
	pthread_mutex_init(&e.mu, NULL);
	if (ip_walk(paths, n, jobs, one, &e, prog, stderr) != 0)
		e.trouble = true;
	pthread_mutex_destroy(&e.mu);
	return e.trouble;
}
