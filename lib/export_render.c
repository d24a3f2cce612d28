/*
 * export_render.c - ip_export_render(): a plan in the format asked for.
 * On its own, apart from export.c and consent_form.c, since it names
 * every renderer: a command that only writes the consent form
 * (ip-consent --form) does not link the XML and FHIR renderers, and
 * with them libxml2, whose loading was most of ip-consent's work on a
 * small plan.
 */
#include "iplan.h"	/* ip_export_render() */

#include "render.h"
#include "view.h"

char *
ip_export_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *err, bool *findings)
{
	struct ip_view v;
	struct ip_render r;
	char *out;

	if (h->consent_form)
		return ip_consent_form_render(p, name, h, err, findings);
	if (ip_render_prepare(p, name, h, err, &r, &v, findings) != 0)
		return NULL;
	if (h->format == IP_EXPORT_XML)
		out = ip_export_xml(&r, err);
	else if (h->format == IP_EXPORT_FHIR
	    || h->format == IP_EXPORT_FHIR_JSON)
		out = ip_export_fhir(&r, h->today,
		    h->format == IP_EXPORT_FHIR_JSON,
		    h->bundle == IP_BUNDLE_TRANSACTION);
	else
		out = ip_export_document(&r, h->format == IP_EXPORT_HTML);
	ip_view_free(&v);
	return out;
}
