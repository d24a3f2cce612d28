/*
 * validate.c - ip-validate: load and check plans, one plan per person.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

/* A national id seen, to find two plans for one person. */
struct seen {
	uint64_t nid;
	size_t file;		/* offset of its file name in names */
	struct ip_pos pos;
	size_t order;
};

struct run {
	const struct ip_validate_opts *o;
	struct ip_diags *d;
	FILE *err;
	bool trouble, findings;
	struct seen *seen;
	size_t nseen, capseen;
	char *names;
	size_t nnames, capnames;
};

static void *
grow(void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	if ((v = realloc(v, c * size)) == NULL)
		abort();
	*cap = c;
	return v;
}

static void
remember(struct run *r, const struct ip_plan *p)
{
	const char *nid = p->person.national_id.s;
	if (nid == NULL || !ip_national_id_valid(nid, NULL))
		return;
	size_t len = strlen(p->file) + 1;
	r->names = grow(r->names, &r->capnames, r->nnames + len, 1);
	memcpy(r->names + r->nnames, p->file, len);
	r->seen = grow(r->seen, &r->capseen, r->nseen + 1, sizeof(*r->seen));
	r->seen[r->nseen] = (struct seen){ strtoull(nid, NULL, 10), r->nnames,
	    p->person.national_id.pos, r->nseen };
	r->nseen++;
	r->nnames += len;
}

static void
report(struct run *r)
{
	unsigned flags = r->o->quiet ? IP_PRINT_NO_WARNINGS : 0;
	if (ip_diags_trouble(r->d))
		r->trouble = true;
	if (ip_diags_errors(r->d) > 0
	    || (r->o->strict && ip_diags_warnings(r->d) > 0))
		r->findings = true;
	if (ip_diags_print(r->d, r->err, flags) != 0)
		r->trouble = true;
}

static int
one(const char *path, void *ctx)
{
	struct run *r = ctx;
	struct ip_plan *p;

	ip_diags_reset(r->d, strcmp(path, "-") == 0 ? "<stdin>" : path);
	if (ip_plan_load(path, r->d, &p) == 0) {
		ip_plan_check(p, r->o->today, r->d);
		remember(r, p);
		ip_plan_free(p);
	}
	report(r);
	return 0;
}

static int
by_nid(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	if (x->nid != y->nid)
		return x->nid < y->nid ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_order(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Only one plan per person: every later plan with a national id seen
 * before is an error naming the first. */
static void
one_plan_per_person(struct run *r)
{
	struct seen *dup = calloc(r->nseen + 1, sizeof(*dup));
	size_t ndup = 0, first = 0;

	if (dup == NULL)
		abort();
	qsort(r->seen, r->nseen, sizeof(*r->seen), by_nid);
	for (size_t i = 1; i < r->nseen; i++) {
		if (r->seen[i].nid != r->seen[first].nid) {
			first = i;
			continue;
		}
		dup[ndup] = r->seen[i];
		dup[ndup++].nid = r->seen[first].file;	/* the first file */
	}
	qsort(dup, ndup, sizeof(*dup), by_order);
	for (size_t i = 0; i < ndup; i++) {
		ip_diags_reset(r->d, r->names + dup[i].file);
		ip_diag(r->d, dup[i].pos, IP_R_ONE_PLAN,
		    "another plan has the same national_id: '%s' (only one "
		    "plan per person)", r->names + dup[i].nid);
		report(r);
	}
	free(dup);
}

int
ip_validate(char *const *paths, size_t n, const struct ip_validate_opts *o,
    const char *prog, FILE *err)
{
	char *dash[] = { "-" };
	struct run r = { .o = o, .err = err };

	if ((r.d = ip_diags_new("-")) == NULL)
		return IP_EXIT_TROUBLE;
	if (n == 0) {
		paths = dash;
		n = 1;
	}
	if (ip_walk(paths, n, one, &r, prog, err) != 0)
		r.trouble = true;
	one_plan_per_person(&r);
	ip_diags_free(r.d);
	free(r.seen);
	free(r.names);
	if (fflush(err) != 0)
		r.trouble = true;
	return r.trouble ? IP_EXIT_TROUBLE
	    : r.findings ? IP_EXIT_FINDINGS : IP_EXIT_OK;
}
