/*
 * render.h - the renderers of ip-export: the plan as a document
 * (export_doc.c), its timeline (export_timeline.c), XML (export_xml.c)
 * and FHIR (export_fhir.c), each from one export's view and words.
 *
 * Only lib/ and the unit tests include this header.
 */
#ifndef IPLAN_RENDER_H
#define IPLAN_RENDER_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "labels.h"
#include "view.h"

/* --- one export ------------------------------------------------------- */

/* What one export shows (the view decides, field by field) and how. */
struct ip_render {
	const struct ip_view *v;
	const struct ip_labels *l;
	const char *text_lang;	/* the plan's language, if not the labels' */
	int32_t today;		/* the print date, without ... */
	const char *revision;	/* --revision, or NULL */
	int32_t generated;	/* from SOURCE_DATE_EPOCH ... */
	bool has_generated;	/* ... if it was set */
};

/* --- the formats ---------------------------------------------------------- */

/* Renders the plan as CommonMark (html false) or as a standalone HTML
 * page (html true).  Returns a malloc'd NUL-terminated string that the
 * caller frees; aborts when out of memory. */
char *ip_export_document(const struct ip_render *r, bool html);

/* Renders the form on which the person signs the consent to the plan
 * and to share information with those the plan lists, as CommonMark or
 * as a standalone HTML page: the person's name and birth date, never
 * the national id, and of the participants only those the consent to
 * share names.  Returns a malloc'd string; aborts when out of memory. */
char *ip_export_consent_form(const struct ip_render *r, bool html);

/* What comes before every rendering of the plan p (shown in messages as
 * name) as h says: the words in *r, the view in *v for the reader, and
 * the plans refused (ids used twice, more than one person, dates in the
 * wrong order for FHIR, a day of birth unclear where the age decides).
 * Returns 0, the caller freeing v with ip_view_free(), or -1 after
 * saying why on err, with *findings true if errors in the plan stop it. */
struct ip_view;
struct ip_export_how;
int ip_render_prepare(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *err,
    struct ip_render *r, struct ip_view *v, bool *findings);

/* The plan's timeline as an SVG figure for the HTML page, in a; NULL if
 * the plan has no period to draw it on. */
char *ip_timeline_svg(const struct ip_render *r, int32_t today,
    struct ip_arena *a);

/* Renders the plan as XML in the vocabulary of iplan.xsd.  Returns a
 * malloc'd NUL-terminated string that the caller frees, or NULL after
 * saying why on e. */
char *ip_export_xml(const struct ip_render *r, const struct ip_err *e);

/* Renders the plan, which has an id, as one HL7 FHIR R4 Bundle in XML or
 * in JSON, a collection or a transaction, as of today (which gives the
 * status of measures and of the consent).  Returns a malloc'd
 * NUL-terminated string that the caller frees; aborts when out of
 * memory. */
char *ip_export_fhir(const struct ip_render *r, int32_t today, bool json,
    bool transaction);

/* Returns s with every character that XML 1.0 cannot carry (control
 * characters other than tab, line feed and carriage return; surrogates,
 * U+FFFE and U+FFFF) and every sequence that is not well-formed UTF-8
 * (overlong forms too) replaced by U+FFFD: s itself if it has none, else
 * a copy in a. */
const char *ip_xml_clean(struct ip_arena *a, const char *s);

#endif
