/*
 * fuzz-export.c - libFuzzer target: ip-export(1)'s documents, XML and FHIR
 * Bundles, as the command makes them but not written.  The last byte picks
 * the format, the language, the --for participant and SOURCE_DATE_EPOCH;
 * the rest is the plan.  A line feed picks what the command does by
 * default, so that a plan file as it is makes a Markdown document in the
 * plan's language.
 */
#include <stdlib.h>

#include "export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "html", "xml", "markdown",
	    "fhir" };
	static const char *const langs[] = { "nb", "nn", NULL, "en" };
	struct ip_export_opts o = { 0 };
	struct ip_export_how h;
	struct ip_diags *d;
	struct ip_plan *p;
	const struct ip_err err = { stderr, "fuzz-export" };
	bool findings;

	if (size == 0)
		return 0;
	/* bits 0-1 format, 2-3 language, 4-6 --for, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.format = formats[pick & 3];
	o.language = langs[(pick >> 2) & 3];
	o.source_date_epoch = pick & 0x80 ? "1795478400" : NULL;
	if (ip_date_parse("2026-11-24", &o.today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL)
		abort();
	if (ip_plan_load_buf((const char *)data, size, d, &p) == 0) {
		/* --for one of the participants (who has an id), or none */
		size_t who = (pick >> 4) & 7, n = p->participants.n;
		if (who > 0 && n > 0)
			o.for_id = p->participants.v[(who - 1) % n].id.s;
		if (ip_export_how(&o, &h, &err) != 0)
			abort();
		free(ip_export_render(p, d->file, &h, &err, &findings));
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
