/*
 * fuzz-review.c - libFuzzer target: what ip-review(1) finds due in one
 * plan, written as text, grouped text, TSV or iCalendar.  The last byte
 * picks the format and the horizon; the rest is the plan.  A line feed
 * picks what the command does by default.
 */
#include <stdlib.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "tsv", "ics", "text", "text" };
	static const char *const within[] = { "1d", "1y", NULL, "9999y" };
	static FILE *null;
	struct ip_review_opts o = { 0 };
	struct ip_review_run *r;
	struct ip_diags *d;
	struct ip_plan *p;
	const struct ip_err err = { stderr, "fuzz-review" };

	if (size == 0)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	/* bits 0-1 format (3: --by-coordinator), 2-3 horizon */
	unsigned pick = data[--size];
	o.format = formats[pick & 3];
	o.by_coordinator = (pick & 3) == 3;
	o.within = within[(pick >> 2) & 3];
	if (ip_date_parse("2026-11-24", &o.today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL
	    || (r = ip_review_start(&o, &err)) == NULL)
		abort();
	if (ip_plan_load_buf((const char *)data, size, d, &p) == 0)
		ip_review_add(r, p, 0);
	size_t unsent = 0;
	ip_review_finish(r, null, &unsent);
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
