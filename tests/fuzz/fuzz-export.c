/*
 * fuzz-export.c - libFuzzer target: ip-export(1)'s documents, XML and FHIR
 * Bundles, as the command makes them but not written.  The last byte picks
 * the format, the language, the --for participant and SOURCE_DATE_EPOCH;
 * the rest is the plan.  A line feed picks what the command does by
 * default, so that a plan file as it is makes a Markdown document in the
 * plan's language.
 */
#include "fuzz-export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum ip_export_format formats[] = { IP_EXPORT_HTML,
	    IP_EXPORT_XML, IP_EXPORT_MARKDOWN, IP_EXPORT_FHIR };
	struct ip_export_how o = { 0 };
	struct ip_diags *d;
	struct ip_plan *p;

	if (size == 0)
		return 0;
	/* bits 0-1 format, 2-3 language, 4-6 --for, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.lang = fuzz_langs[(pick >> 2) & 3];
	fuzz_load(data, size, (pick >> 4) & 7, pick & 0x80, &o, &d, &p);
	if (p != NULL)
		free(fuzz_render(p, &o, formats[pick & 3]));
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
