/*
 * stats.c - unit tests of the library's counting for ip-stats: the same
 * bytes whatever order the plans come in, and the edges of the year.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "plan.h"

static const char *const files[] = {
	"tests/stats/plans/odd-names.yaml",
	"tests/stats/plans/person-coordinator.yaml",
	"tests/review/plans/closed.yaml",
	"tests/review/plans/emma.yaml",
	"tests/review/plans/never.yaml",
	"tests/review/plans/start.yaml",
	"tests/review/plans/molde/consent.yaml",
};
#define NFILES (sizeof(files) / sizeof(files[0]))

static struct ip_plan *
load(const char *file)
{
	char path[4096];
	struct ip_diags *d = ip_diags_new(file);
	struct ip_plan *p;

	snprintf(path, sizeof(path), "%s/%s", IPLAN_SRCDIR, file);
	assert_non_null(d);
	assert_int_equal(ip_plan_load(path, d, &p), 0);
	ip_diags_free(d);
	return p;
}

/* The figures of plans[order[0..n)] as o asks, in a string to free. */
static char *
run(const struct ip_stats_opts *o, struct ip_plan **plans,
    const size_t *order, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct ip_stats_run *r = ip_stats_start(o);

	assert_non_null(f);
	assert_non_null(r);
	for (size_t i = 0; i < n; i++)
		ip_stats_add(r, plans[order[i]], order[i]);
	ip_stats_finish(r, f);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void
test_any_order(void **state)
{
	struct ip_plan *plans[NFILES];
	size_t fwd[NFILES], back[NFILES], odd[NFILES];

	(void)state;
	for (size_t i = 0; i < NFILES; i++) {
		plans[i] = load(files[i]);
		fwd[i] = i;
		back[i] = NFILES - 1 - i;
		odd[i] = (i * 3) % NFILES;	/* 3 and 7 share no factor */
	}
	for (int by = IP_BY_NONE; by <= IP_BY_LANGUAGE; by++)
		for (int fmt = IP_STATS_TEXT; fmt <= IP_STATS_HTML; fmt++) {
			struct ip_stats_opts o = { .by = by, .format = fmt };
			assert_int_equal(ip_date_parse("2026-11-24", &o.today),
			    0);
			char *a = run(&o, plans, fwd, NFILES);
			char *b = run(&o, plans, back, NFILES);
			char *c = run(&o, plans, odd, NFILES);
			assert_true(strlen(a) > 100);
			assert_string_equal(a, b);
			assert_string_equal(a, c);
			free(a);
			free(b);
			free(c);
		}
	for (size_t i = 0; i < NFILES; i++)
		ip_plan_free(plans[i]);
}

/* evaluated_12m of one plan with a review done on done, as of today. */
static int
evaluated(const char *done, const char *today)
{
	char yaml[256], *out;
	struct ip_diags *d = ip_diags_new("t.yaml");
	struct ip_plan *p;
	struct ip_stats_opts o = { .format = IP_STATS_TSV };
	size_t zero = 0;
	int n = -1;

	snprintf(yaml, sizeof(yaml), "format: iplan/1\nstatus: active\n"
	    "period:\n  reviews:\n    - date: %s\n      done: %s\n", done,
	    done);
	assert_int_equal(ip_plan_load_buf(yaml, strlen(yaml), d, &p), 0);
	assert_int_equal(ip_date_parse(today, &o.today), 0);
	out = run(&o, &p, &zero, 1);
	/* all, plans, active, closed, evaluated_12m */
	assert_int_equal(sscanf(strchr(out, '\n') + 1, "all\t%*d\t%*d\t%*d\t%d",
	    &n), 1);
	free(out);
	ip_plan_free(p);
	ip_diags_free(d);
	return n;
}

static void
test_the_year(void **state)
{
	(void)state;
	assert_int_equal(evaluated("2025-11-24", "2026-11-24"), 0);
	assert_int_equal(evaluated("2025-11-25", "2026-11-24"), 1);
	assert_int_equal(evaluated("2026-11-24", "2026-11-24"), 1);
	assert_int_equal(evaluated("2026-11-25", "2026-11-24"), 0);
	/* a year before 29 February is 28 February */
	assert_int_equal(evaluated("2027-02-28", "2028-02-29"), 0);
	assert_int_equal(evaluated("2027-03-01", "2028-02-29"), 1);
	assert_int_equal(evaluated("2028-12-31", "2029-12-31"), 0);
	assert_int_equal(evaluated("2029-01-01", "2029-12-31"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_any_order),
		cmocka_unit_test(test_the_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
