/*
 * validate.c - ip-validate: load and check plans, one plan per person.
 */
#include <pthread.h>
#include <stdlib.h>

#include "cmd.h"

/* Shared by the threads of one run: only under mu. */
struct run {
	const struct ip_validate_opts *o;
	pthread_mutex_t mu;
	bool trouble, findings;
	struct ip_one_plan_run *one;	/* rule one-plan, safe without mu */
	FILE *err;		/* where its findings go */
};

/* Prints d's findings to out and notes what they mean for the exit
 * status.  Called with r->mu held. */
static void
report(struct run *r, struct ip_diags *d, FILE *out)
{
	unsigned flags = r->o->quiet ? IP_PRINT_NO_WARNINGS : 0;
	if (ip_diags_trouble(d))
		r->trouble = true;
	if (ip_diags_errors(d) > 0
	    || (r->o->strict && ip_diags_warnings(d) > 0))
		r->findings = true;
	if (ip_diags_print(d, out, flags) != 0)
		r->trouble = true;
}

static int
validate_one(const char *path, size_t index, FILE *out, void *ctx)
{
	struct run *r = ctx;
	struct ip_diags *d = ip_diags_for(path);
	struct ip_plan *p;

	/* a plan with errors in some fields is checked all the same */
	if (ip_plan_load_partial(path, d, &p) >= 0)
		ip_plan_check(p, r->o->today, d);
	if (p != NULL)
		ip_one_plan_add(r->one, p, index);
	pthread_mutex_lock(&r->mu);
	report(r, d, out);
	pthread_mutex_unlock(&r->mu);
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

/* A later plan for a person with an earlier one, after the walk. */
static void
again(void *ctx, struct ip_diags *d)
{
	struct run *r = ctx;
	report(r, d, r->err);
}

int
ip_validate(char *const *paths, size_t n, const struct ip_validate_opts *o,
    const char *prog, FILE *err)
{
	char *dash[] = { "-" };
	struct run r = { .o = o, .one = ip_one_plan_start(), .err = err };

	pthread_mutex_init(&r.mu, NULL);
	if (n == 0) {
		paths = dash;
		n = 1;
	}
	if (ip_walk(paths, n, o->jobs, validate_one, &r, prog, err) != 0)
		r.trouble = true;
	ip_one_plan_finish(r.one, again, &r);
	pthread_mutex_destroy(&r.mu);
	if (fflush(err) != 0)
		r.trouble = true;
	return r.trouble ? IP_EXIT_TROUBLE
	    : r.findings ? IP_EXIT_FINDINGS : IP_EXIT_OK;
}
