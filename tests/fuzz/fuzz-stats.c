/*
 * fuzz-stats.c - libFuzzer target: ip-stats(1)'s figures for a few
 * plans, written as text, TSV, JSON or an HTML page.  The plans are the
 * input's parts between NUL bytes, which no plan may hold, so that one
 * plan file as it is counts as one plan, and two plans for one person,
 * groups and their names come from one input.  The last byte picks the
 * format and the grouping (--by); a line feed picks what the command
 * does by default.
 */
#include <stdlib.h>

#include "fuzz-plans.h"
#include "plan.h"

#define MAX_PLANS	8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct ip_stats_opts o = { 0 };
	struct ip_stats_run *r;
	struct ip_diags *d;

	if (size == 0)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	/* bits 0-1 format, 2-4 --by (none when past the last) */
	unsigned pick = data[--size];
	o.format = (enum ip_stats_format)(pick & 3);
	o.by = (enum ip_stats_by)((pick >> 2) & 7);
	if (o.by > IP_BY_LANGUAGE)
		o.by = IP_BY_NONE;
	if (ip_date_parse("2026-11-24", &o.today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL
	    || (r = ip_stats_start(&o)) == NULL)
		abort();
	const char *s = (const char *)data, *end = s + size;
	for (size_t i = 0; i < MAX_PLANS && s <= end; i++) {
		size_t len;
		const char *text = fuzz_plan(&s, end, &len);
		struct ip_plan *p;
		ip_diags_reset(d, "fuzz.yaml");
		if (ip_plan_load_buf(text, len, d, &p) == 0)
			ip_stats_add(r, p, i);
		ip_plan_free(p);
	}
	ip_stats_finish(r, null);
	ip_diags_free(d);
	return 0;
}
