/*
 * export.c - ip-export: check the options, decide what the reader may
 * see, and render the plan.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"

static const char *const formats[] = { "markdown", "html", "xml", "fhir",
	"fhir-json", NULL };
static const char *const bundles[] = { "collection", "transaction", NULL };

/* SOURCE_DATE_EPOCH: seconds since 1970-01-01 00:00 UTC, as reproducible
 * builds define it; a date from it up to the year 9999. */
static int
source_date(const char *s, int32_t *day, const struct ip_err *err)
{
	char *end;
	errno = 0;
	unsigned long long t = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0
	    || t / 86400 > (unsigned long long)ip_days_from_civil(9999, 12,
	    31))
		return ip_fail(err, _("invalid SOURCE_DATE_EPOCH: '%s' (use "
		    "seconds since 1970-01-01)"), s);
	*day = (int32_t)(t / 86400);
	return 0;
}

/*
 * The XML holds the plan's ids as keys and its references as references
 * to them, which its schema checks: a plan with an id used twice or a
 * reference to no id cannot be written as valid XML.  FHIR's references
 * are made from the same ids, and its identifier names the kind of
 * national id: one that is of no kind cannot be written, and a synthetic
 * one is written with a warning.  Writes those findings to err->f, as
 * ip-validate(1) does; returns -1 if any is an error.
 */
static int
references(const struct ip_plan *p, const char *name,
    enum ip_export_format format, int32_t today, const struct ip_err *err)
{
	struct ip_diags *all = ip_diags_for(name), *bad = ip_diags_for(name);
	bool fhir = format == IP_EXPORT_FHIR || format == IP_EXPORT_FHIR_JSON;
	int rc = 0;

	ip_plan_check(p, today, all);
	for (size_t i = 0; i < all->n; i++)
		if (all->v[i].rule == IP_R_DUP_ID
		    || all->v[i].rule == IP_R_UNKNOWN_REF
		    || (fhir && (all->v[i].rule == IP_R_NATIONAL_ID
		    || all->v[i].rule == IP_R_TEST_ID
		    || all->v[i].rule == IP_R_DATE_ORDER
		    || all->v[i].rule == IP_R_IDENTIFIER)))
			ip_diag(bad, all->v[i].pos, all->v[i].rule, "%s",
			    all->v[i].msg);
	if (bad->n > 0)
		ip_diags_print(bad, err->f, 0);
	if (fhir && p->id.s == NULL) {
		/* the resource ids are made from it (export_fhir.c) */
		rc = ip_fail(err, _("'%s' has no id, which the ids of its "
		    "FHIR resources are made from: give the plan one (id: "
		    "IP-2026-0042), unique among your plans; not exported "
		    "as FHIR"), name);
	} else if (bad->counts[IP_ERROR] > 0)
		rc = fhir ? ip_fail(err, _("'%s' has ids used twice, "
		    "references to no id, dates out of order or a national "
		    "id, HPR-nummer or organisasjonsnummer that is none: not "
		    "exported as FHIR"), name)
		    : ip_fail(err, _("'%s' has ids used twice or references "
		    "to no id: not exported as XML"), name);
	ip_diags_free(all);
	ip_diags_free(bad);
	return rc;
}

int
ip_export_how(const struct ip_export_opts *o, struct ip_export_how *h,
    const struct ip_err *err)
{
	int format = IP_EXPORT_MARKDOWN, bundle = 0;

	*h = (struct ip_export_how){ .lang = -1, .for_id = o->for_id,
	    .today = o->today };
	if ((o->format != NULL && ip_opt_word(err, "format", o->format,
	    formats, &format) != 0)
	    || (o->language != NULL && ip_opt_word(err, "language",
	    o->language, ip_vocab_lang, &h->lang) != 0)
	    || (o->bundle != NULL && ip_opt_word(err, "bundle", o->bundle,
	    bundles, &bundle) != 0)
	    || (o->source_date_epoch != NULL && source_date(
	    o->source_date_epoch, &h->generated, err) != 0))
		return -1;
	h->format = (enum ip_export_format)format;
	h->has_generated = o->source_date_epoch != NULL;
	h->consent_form = o->consent_form;
	h->transaction = bundle == 1;
	if (o->bundle != NULL && h->format != IP_EXPORT_FHIR
	    && h->format != IP_EXPORT_FHIR_JSON)
		return ip_fail(err, _("--bundle is for --format fhir or "
		    "fhir-json, not %s"), formats[format]);
	h->revision = o->revision;
	if (h->consent_form && h->format != IP_EXPORT_MARKDOWN
	    && h->format != IP_EXPORT_HTML)
		return ip_fail(err, _("--consent-form is written as markdown "
		    "or html, not as %s"), formats[format]);
	if (h->consent_form && h->for_id != NULL)
		return ip_fail(err, _("--consent-form and --for do not go "
		    "together: the form is for the person to sign"));
	return 0;
}

char *
ip_export_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *err, bool *findings)
{
	struct ip_view v;
	struct ip_render r = { .v = &v, .today = h->today,
	    .revision = h->revision, .generated = h->generated,
	    .has_generated = h->has_generated };

	*findings = false;
	enum ip_lang lang = p->language.set ? (enum ip_lang)p->language.v
	    : IP_LANG_NB;
	r.l = ip_labels(h->lang >= 0 ? (enum ip_lang)h->lang : lang);
	if (h->lang >= 0 && h->lang != (int)lang)
		r.text_lang = ip_vocab_lang[lang];
	switch (ip_view_make(&v, p, h->for_id, h->today)) {
	case -1:
		ip_fail(err, _("--for '%s': no participant has that id in '%s'"),
		    h->for_id, name);
		return NULL;
	case -2:
		ip_fail(err, _("--for '%s': more than one participant has that "
		    "id in '%s', so no view can tell them apart"), h->for_id,
		    name);
		*findings = true;
		return NULL;
	}
	if (h->consent_form)
		return ip_export_consent_form(&r, h->format == IP_EXPORT_HTML);
	if (h->format == IP_EXPORT_XML || h->format == IP_EXPORT_FHIR
	    || h->format == IP_EXPORT_FHIR_JSON) {
		if (references(p, name, h->format, h->today, err) != 0) {
			*findings = true;
			return NULL;
		}
		return h->format == IP_EXPORT_XML ? ip_export_xml(&r, err)
		    : ip_export_fhir(&r, h->today,
		    h->format == IP_EXPORT_FHIR_JSON, h->transaction);
	}
	return ip_export_document(&r, h->format == IP_EXPORT_HTML);
}
