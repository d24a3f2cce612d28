/*
 * validate.c - ip-validate: load and check plans, one plan per person.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"
#include "plan.h"

/* A plan with a valid national id, to find two plans for one person. */
struct seen {
	struct ip_person_seen who;
	size_t file;		/* offset of its file's name in names */
	struct ip_pos pos;
};

/* Shared by the threads of one run: only under mu. */
struct run {
	const struct ip_validate_opts *o;
	pthread_mutex_t mu;
	bool trouble, findings;
	struct seen *seen;
	size_t nseen, capseen;
	char *names;		/* the file names of seen, one after another */
	size_t nnames, capnames;
	struct ip_diags *d;	/* one_plan_per_person()'s findings, */
	FILE *err;		/* and where they go */
};

/* Called with r->mu held. */
static void
remember(struct run *r, const struct ip_plan *p, size_t index)
{
	struct ip_person_seen who;
	if (!ip_plan_person(p, index, &who))
		return;
	size_t len = strlen(p->file) + 1;
	r->names = ip_grow(r->names, &r->capnames, r->nnames + len, 1);
	memcpy(r->names + r->nnames, p->file, len);
	r->seen = ip_grow(r->seen, &r->capseen, r->nseen + 1, sizeof(*r->seen));
	r->seen[r->nseen++] = (struct seen){ who, r->nnames,
	    p->person.national_id.pos };
	r->nnames += len;
}

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
	pthread_mutex_lock(&r->mu);
	if (p != NULL)
		remember(r, p, index);
	report(r, d, out);
	pthread_mutex_unlock(&r->mu);
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

/* The error of rule one-plan, at the later plan's national_id. */
static void
again(void *ctx, const void *later, const void *first)
{
	struct run *r = ctx;
	const struct seen *l = later, *f = first;

	ip_diags_reset(r->d, r->names + l->file);
	ip_diag(r->d, l->pos, IP_R_ONE_PLAN, _("another plan has the same "
	    "national_id: '%s' (only one plan per person)"),
	    r->names + f->file);
	report(r, r->d, r->err);
}

/* Only one plan per person: every later plan with a national id seen
 * before is an error naming the first. */
static void
one_plan_per_person(struct run *r, FILE *err)
{
	r->d = ip_diags_new("-");
	r->err = err;
	ip_persons_again(r->seen, r->nseen, sizeof(*r->seen), again, r);
	ip_diags_free(r->d);
}

int
ip_validate(char *const *paths, size_t n, const struct ip_validate_opts *o,
    const char *prog, FILE *err)
{
	char *dash[] = { "-" };
	struct run r = { .o = o };

	pthread_mutex_init(&r.mu, NULL);
	if (n == 0) {
		paths = dash;
		n = 1;
	}
	if (ip_walk(paths, n, o->jobs, validate_one, &r, prog, err) != 0)
		r.trouble = true;
	one_plan_per_person(&r, err);
	pthread_mutex_destroy(&r.mu);
	free(r.seen);
	free(r.names);
	if (fflush(err) != 0)
		r.trouble = true;
	return r.trouble ? IP_EXIT_TROUBLE
	    : r.findings ? IP_EXIT_FINDINGS : IP_EXIT_OK;
}
