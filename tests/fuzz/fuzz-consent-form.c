/*
 * fuzz-consent-form.c - libFuzzer target: the consent form of
 * ip-export(1) --consent-form, as Markdown or as an HTML page, as the
 * command makes it but not written.  The last byte picks the format, the
 * language and SOURCE_DATE_EPOCH; the rest is the plan.  A line feed
 * picks Markdown in the plan's language.
 */
#include <stdlib.h>

#include "export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const formats[] = { "html", "markdown" };
	static const char *const langs[] = { "nb", "nn", NULL, "en" };
	struct ip_export_opts o = { .consent_form = true };
	struct ip_export_how h;
	struct ip_diags *d;
	struct ip_plan *p;
	const struct ip_err err = { stderr, "fuzz-consent-form" };
	bool findings;

	if (size == 0)
		return 0;
	/* bit 1 format, 2-3 language, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.format = formats[(pick >> 1) & 1];
	o.language = langs[(pick >> 2) & 3];
	o.source_date_epoch = pick & 0x80 ? "1795478400" : NULL;
	if (ip_date_parse("2026-11-24", &o.today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL)
		abort();
	if (ip_plan_load_buf((const char *)data, size, d, &p) == 0) {
		if (ip_export_how(&o, &h, &err) != 0)
			abort();
		free(ip_export_render(p, d->file, &h, &err, &findings));
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
