/*
 * persons.c - one plan per person (rule one-plan): which plans of a run
 * are for a person who has a plan found before them.  ip-validate reports
 * them; ip-stats counts them among the plans with errors.  And the
 * person's age on a day, which decides what guardians see.
 */
#include "persons.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"

bool
ip_plan_person(const struct ip_plan *p, size_t order,
    struct ip_person_seen *who)
{
	const char *nid = p->person.national_id.s;

	if (nid == NULL || !ip_national_id_valid(nid))
		return false;
	*who = (struct ip_person_seen){ strtoull(nid, NULL, 10),
	    (uint32_t)order };
	return true;
}

static int
by_order(uint32_t x, uint32_t y)
{
	return (x > y) - (x < y);
}

static int
by_person(const void *a, const void *b)
{
	const struct ip_person_seen *x = a, *y = b;

	if (x->nid != y->nid)
		return x->nid < y->nid ? -1 : 1;
	return by_order(x->order, y->order);
}

/* A plan for a person who has a plan found before it, and that plan. */
struct again {
	const struct ip_person_seen *later, *first;
};

static int
by_later(const void *a, const void *b)
{
	const struct again *x = a, *y = b;
	return by_order(x->later->order, y->later->order);
}

void
ip_persons_again(void *v, size_t n, size_t size,
    void (*again)(void *ctx, const void *later, const void *first),
    void *ctx)
{
	if (n < 2)
		return;		/* no one twice; and qsort() wants an array */
	qsort(v, n, size, by_person);

	struct again *dup = ip_xcalloc(n, sizeof(*dup));
	const struct ip_person_seen *first = v;
	size_t ndup = 0;
	for (size_t i = 1; i < n; i++) {
		const struct ip_person_seen *w = (const void *)
		    ((const char *)v + i * size);
		if (w->nid != first->nid)
			first = w;
		else	/* never the same file twice: ip_walk() */
			dup[ndup++] = (struct again){ w, first };
	}
	qsort(dup, ndup, sizeof(*dup), by_later);
	for (size_t i = 0; i < ndup; i++)
		again(ctx, dup[i].later, dup[i].first);
	free(dup);
}

/* A plan with a valid national id, to find two plans for one person. */
struct seen {
	struct ip_person_seen who;
	size_t file;		/* offset of its file's name in names */
	struct ip_pos pos;	/* of its national_id */
};

struct ip_one_plan_run {
	pthread_mutex_t mu;	/* guards everything below */
	struct seen *seen;
	size_t nseen, capseen;
	char *names;		/* the file names of seen, one after another */
	size_t nnames, capnames;
	/* while finishing: */
	struct ip_diags *d;
	void (*found)(void *ctx, struct ip_diags *d);
	void *ctx;
};

struct ip_one_plan_run *
ip_one_plan_start(void)
{
	struct ip_one_plan_run *r = ip_xcalloc(1, sizeof(*r));
	pthread_mutex_init(&r->mu, NULL);
	return r;
}

void
ip_one_plan_add(struct ip_one_plan_run *r, const struct ip_plan *p,
    size_t index)
{
	struct ip_person_seen who;
	if (!ip_plan_person(p, index, &who))
		return;
	size_t len = strlen(p->file) + 1;
	pthread_mutex_lock(&r->mu);
	r->names = ip_grow(r->names, &r->capnames, r->nnames + len, 1);
	memcpy(r->names + r->nnames, p->file, len);
	r->seen = ip_grow(r->seen, &r->capseen, r->nseen + 1, sizeof(*r->seen));
	r->seen[r->nseen++] = (struct seen){ who, r->nnames,
	    p->person.national_id.pos };
	r->nnames += len;
	pthread_mutex_unlock(&r->mu);
}

/* The error of rule one-plan, at the later plan's national_id. */
static void
again(void *ctx, const void *later, const void *first)
{
	struct ip_one_plan_run *r = ctx;
	const struct seen *l = later, *f = first;

	ip_diags_reset(r->d, r->names + l->file);
	ip_diag(r->d, l->pos, IP_R_ONE_PLAN, _("another plan has the same "
	    "national_id: '%s' (only one plan per person)"),
	    r->names + f->file);
	r->found(r->ctx, r->d);
}

void
ip_one_plan_finish(struct ip_one_plan_run *r,
    void (*found)(void *ctx, struct ip_diags *d), void *ctx)
{
	r->d = ip_diags_new("-");
	r->found = found;
	r->ctx = ctx;
	ip_persons_again(r->seen, r->nseen, sizeof(*r->seen), again, r);
	ip_diags_free(r->d);
	pthread_mutex_destroy(&r->mu);
	free(r->seen);
	free(r->names);
	free(r);
}

bool
ip_person_birth(const struct ip_plan *p, int32_t *day)
{
	enum ip_birth from = ip_birth_source(&p->person, day);
	return from != IP_BIRTH_UNKNOWN && from != IP_BIRTH_AMBIGUOUS;
}

int
ip_age_on(int32_t birth, int32_t day)
{
	int by, bm, bd, y, m, d;

	ip_civil_from_days(birth, &by, &bm, &bd);
	ip_civil_from_days(day, &y, &m, &d);
	/* one born on 29 February is a year older on 1 March */
	return y - by - (m < bm || (m == bm && d < bd));
}

int
ip_person_age(const struct ip_plan *p, int32_t day)
{
	int32_t birth;

	if (!ip_person_birth(p, &birth) || birth > day)
		return -1;
	return ip_age_on(birth, day);
}

bool
ip_is_guardian(const struct ip_participant *q)
{
	return q->role.set && q->role.v == IP_ROLE_GUARDIAN;
}

enum ip_birth
ip_birth_source(const struct ip_person *ps, int32_t *day)
{
	const struct ip_date *given = &ps->birth_date;
	struct ip_nid n;

	if (ps->national_id.s == NULL
	    || ip_nid_parse(ps->national_id.s, &n) == IP_NID_INVALID
	    || n.kind == IP_NID_FHNR) {
		*day = given->day;
		return given->set ? IP_BIRTH_GIVEN : IP_BIRTH_UNKNOWN;
	}
	if (given->set && ip_nid_fits(&n, given->day)) {
		*day = given->day;
		return IP_BIRTH_GIVEN;
	}
	if (given->set) {	/* the number's date, if it has a century */
		*day = n.dated ? n.birth : given->day;
		return IP_BIRTH_DIFFERS;
	}
	*day = n.birth;
	return n.dated ? IP_BIRTH_NATIONAL_ID : IP_BIRTH_AMBIGUOUS;
}
