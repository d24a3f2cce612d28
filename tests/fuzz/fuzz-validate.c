/*
 * fuzz-validate.c - libFuzzer target: the loader and the checks of
 * ip-validate(1) on one plan, and the findings printed.
 */
#include <stdlib.h>

#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct ip_diags *d = ip_diags_new("fuzz.yaml");
	struct ip_plan *p;
	int32_t today;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	if (d == NULL || ip_date_parse("2026-11-24", &today) != 0)
		abort();
	/* as ip-validate(1): checked despite errors in fields */
	if (ip_plan_load_buf_partial((const char *)data, size, d, &p) >= 0)
		ip_plan_check(p, today, d);
	ip_diags_print(d, null, 0);
	ip_diags_print(d, null, IP_PRINT_NO_WARNINGS);
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
