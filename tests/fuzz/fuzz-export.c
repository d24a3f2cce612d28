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
	static const char *const formats[] = { "html", "xml", "markdown",
	    "fhir" };
	static const char *const langs[] = { "nb", "nn", NULL, "en" };
	struct ip_export_opts o = { 0 };
	struct ip_diags *d;
	struct ip_plan *p;

	if (size == 0)
		return 0;
	/* bits 0-1 format, 2-3 language, 4-6 --for, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.language = langs[(pick >> 2) & 3];
	o.source_date_epoch = pick & 0x80 ? "1795478400" : NULL;
	fuzz_load(data, size, (pick >> 4) & 7, &o, &d, &p);
	if (p != NULL)
		free(fuzz_render(p, &o, formats[pick & 3]));
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
