/*
 * export.c - ip-export: check the options, and what comes before every
 * rendering: the words, what the reader may see, the plans refused.
 */

#include "iplan.h"	/* ip_export_check() */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "i18n.h"
#include "persons.h"
#include "render.h"

const char *const ip_export_formats[] = { "markdown", "html", "xml",
	"fhir", "fhir-json", NULL };
const char *const ip_export_bundles[] = { "collection", "transaction",
	NULL };

/* A date up to the year 9999. */
int
ip_source_date(const char *s, int32_t *day, const struct ip_err *err)
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
 * What a view shows is decided by ids: whose entry, whose measure, which
 * goal a measure lists; and the person sees the whole plan.  A plan with
 * an id used twice, a reference to no id or a second participant with
 * role person is ambiguous: a view of it might show one participant's
 * part to another, so no format is written (the XML, whose schema keys
 * the ids, could not be either).  FHIR's identifier names the kind of
 * national id: one that is of no kind cannot be written, a synthetic
 * one is written with a warning, and an H-nummer without its issuer is
 * left out with one.  Writes those findings to err->f, as
 * ip-validate(1) does; returns -1 if any is an error.
 */
static int
refused(const struct ip_plan *p, const char *name, bool fhir, int32_t today,
    const struct ip_err *err)
{
	struct ip_diags *all = ip_diags_for(name), *bad = ip_diags_for(name);
	int rc = 0;

	ip_plan_check(p, today, all);
	bool fhir_only = false;	/* an error only FHIR refuses */

	for (size_t i = 0; i < all->n; i++) {
		enum ip_rule rule = all->v[i].rule;
		bool f = fhir && (rule == IP_R_NATIONAL_ID
		    || rule == IP_R_TEST_ID || rule == IP_R_NID_ISSUER
		    || rule == IP_R_DATE_ORDER || rule == IP_R_IDENTIFIER);
		if (f || rule == IP_R_DUP_ID || rule == IP_R_UNKNOWN_REF
		    || rule == IP_R_PERSON_TWICE) {
			ip_diag(bad, all->v[i].pos, rule, "%s", all->v[i].msg);
			fhir_only |= f && ip_rule_severity(rule) == IP_ERROR;
		}
	}
	if (bad->n > 0)
		ip_diags_print(bad, err->f, 0);
	/* ids that make any view ambiguous are refused in every format with
	 * one message; what only FHIR refuses, with its own */
	if (bad->counts[IP_ERROR] > 0)
		rc = fhir_only ? ip_fail(err, _("'%s' has ids used twice, "
		    "references to no id, more than one person, dates out of "
		    "order or a national id, HPR-nummer or organisasjonsnummer "
		    "that is none: not exported as FHIR"), name)
		    : ip_fail(err, _("'%s' has ids used twice, references to "
		    "no id or more than one person: not exported"), name);
	else if (fhir && p->id.s == NULL)
		/* the resource ids are made from it (export_fhir.c) */
		rc = ip_fail(err, _("'%s' has no id, which the ids of its "
		    "FHIR resources are made from: give the plan one (id: "
		    "IP-2026-0042), unique among your plans; not exported "
		    "as FHIR"), name);
	ip_diags_free(all);
	ip_diags_free(bad);
	return rc;
}

int
ip_export_check(const struct ip_export_how *h, const struct ip_err *err)
{
	if (h->bundle != IP_BUNDLE_DEFAULT && h->format != IP_EXPORT_FHIR
	    && h->format != IP_EXPORT_FHIR_JSON)
		return ip_fail(err, _("--bundle is for --format fhir or "
		    "fhir-json, not %s"), ip_export_formats[h->format]);
	if (h->consent_form && h->format != IP_EXPORT_MARKDOWN
	    && h->format != IP_EXPORT_HTML)
		return ip_fail(err, _("--consent-form is written as markdown "
		    "or html, not as %s"), ip_export_formats[h->format]);
	if (h->consent_form && h->for_id != NULL)
		return ip_fail(err, _("--consent-form and --for do not go "
		    "together: the form is for the person to sign"));
	return 0;
}

/* The consent form, and a guardian's view, go by the person's age (a
 * child's guardians sign and see for the child): what the plan leaves
 * unclear of the day they were born is said as ip-validate(1) says it,
 * so that the user gives birth_date, and an error refuses them. */
static int
birth_unclear(const struct ip_plan *p, const char *name, int32_t today,
    const struct ip_err *err)
{
	struct ip_diags *d = ip_diags_for(name);
	int rc = 0;

	ip_check_birth(&p->person, today, d);
	if (d->n > 0)
		ip_diags_print(d, err->f, 0);
	if (d->counts[IP_ERROR] > 0)
		rc = ip_fail(err, _("'%s': the person's day of birth is "
		    "wrong, and what is written goes by their age: not "
		    "exported"), name);
	ip_diags_free(d);
	return rc;
}

int
ip_render_prepare(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *err,
    struct ip_render *r, struct ip_view *v, bool *findings)
{
	*r = (struct ip_render){ .v = v, .today = h->today,
	    .revision = h->revision, .generated = h->generated,
	    .has_generated = h->has_generated };
	*findings = false;
	enum ip_lang lang = p->language.set ? (enum ip_lang)p->language.v
	    : IP_LANG_NB;
	r->l = ip_labels(h->lang >= 0 ? (enum ip_lang)h->lang : lang);
	if (h->lang >= 0 && h->lang != (int)lang)
		r->text_lang = ip_vocab_lang[lang];
	/* -2, a --for that two participants' ids match, is refused with
	 * every other id used twice */
	if (ip_view_make(v, p, h->for_id, h->today) == -1)
		ip_fail(err, _("--for '%s': no participant has that id in '%s'"),
		    h->for_id, name);
	else if (refused(p, name, (h->format == IP_EXPORT_FHIR
	    || h->format == IP_EXPORT_FHIR_JSON) && !h->consent_form,
	    h->today, err) != 0 || ((h->consent_form || (v->viewer != NULL
	    && ip_is_guardian(v->viewer))) && birth_unclear(p, name, h->today,
	    err) != 0))
		*findings = true;
	else
		return 0;
	ip_view_free(v);
	return -1;
}
