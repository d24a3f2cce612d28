/*
 * fuzz-consent-form.c - libFuzzer target: the consent form of
 * ip-export(1) --consent-form, as Markdown or as an HTML page, as the
 * command makes it but not written.  The last byte picks the format, the
 * language and SOURCE_DATE_EPOCH; the rest is the plan.  A line feed
 * picks Markdown in the plan's language.
 */
#include "fuzz-export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum ip_export_format formats[] = { IP_EXPORT_HTML,
	    IP_EXPORT_MARKDOWN };
	struct ip_export_how o = { .consent_form = true };
	struct ip_diags *d;
	struct ip_plan *p;

	if (size == 0)
		return 0;
	/* bit 1 format, 2-3 language, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.lang = fuzz_langs[(pick >> 2) & 3];
	fuzz_load(data, size, 0, pick & 0x80, &o, &d, &p);
	if (p != NULL)
		free(fuzz_render(p, &o, formats[(pick >> 1) & 1]));
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
