/*
 * export.h - private interfaces of ip-export: the words of the documents
 * in each language, the document as a CommonMark tree, and the XML.
 *
 * Only lib/export*.c, lib/labels.c and the unit tests include this header.
 */
#ifndef IPLAN_EXPORT_H
#define IPLAN_EXPORT_H

#include "plan.h"

/* --- the words of the documents ------------------------------------------ */

/* Everything a document says in one language that is not from the plan.
 * Strings with %s take the one argument named in their comment. */
struct ip_labels {
	const char *code;		/* "nb", the html lang attribute */
	const char *months[12];
	bool day_dot;			/* "15. januar", not "15 January" */
	const char *title;		/* "Individuell plan for %s": name */
	const char *title_nameless;	/* "Individuell plan" */
	/* at a glance */
	const char *period, *coordinator, *next_review, *status, *closed,
	    *plan_id, *legal_basis;
	const char *from, *until;	/* "fra %s", "til %s": a date */
	/* the person */
	const char *person, *name, *national_id, *birth_date, *phone, *email,
	    *address, *interpreter, *interpreter_yes, *interpreter_no,
	    *compulsory, *yes;
	/* sections, in the order of the document */
	const char *goals, *goal, *due, *goal_status[3];
	const char *resources, *needs;
	const char *measures, *measure, *extent, *responsible, *when,
	    *serves, *subplan, *how;
	const char *implementation;
	const char *participants, *role, *roles[4], *is_coordinator,
	    *organization, *contribution;
	const char *reviews, *review, *review_interval, *units[4][2], *review_done,
	    *review_planned;
	const char *consent, *consent_plan, *given, *by,
	    *consent_compulsory, *consent_sharing, *valid_until,
	    *consent_with, *not_recorded;
	const char *cooperation, *about, *contact;
	const char *reason;
	const char *none;		/* a section with nothing in it */
	/* the restricted view */
	const char *restricted;		/* "Begrenset visning for %s": name */
	const char *restricted_why;	/* "%s er ikke omfattet ...": name */
	const char *restricted_left_out[9];
	const char *left_out;		/* in a section left out */
	const char *generated;		/* "Laget %s.": a date */
	const char *const *laws;	/* by ip_vocab_legal_basis; NULL ends */
};

/* The words for lang; never NULL. */
const struct ip_labels *ip_labels(enum ip_lang lang);

/* Formats day the way the language writes dates into buf (at least
 * IP_LONG_DATE bytes); returns buf. */
#define IP_LONG_DATE 40
char *ip_labels_date(const struct ip_labels *l, int32_t day, char *buf);

/* The language's name of the law with the legal_basis code, or the code
 * itself if it has none. */
const char *ip_labels_law(const struct ip_labels *l, const char *code);

/* The place of the interval's unit ('d', 'w', 'm', 'y') among them: 0
 * for days to 3 for years, as ip_labels.units and the schema's units
 * have them. */
int ip_interval_unit(const struct ip_interval *iv);

/* --- what one export shows ----------------------------------------------- */

struct ip_view {
	const struct ip_plan *p;
	const struct ip_labels *l;
	const struct ip_participant *viewer;	/* --for; NULL: everyone */
	bool restricted;	/* no confidential details for the viewer */
	int32_t generated;	/* from SOURCE_DATE_EPOCH ... */
	bool has_generated;	/* ... if it was set */
};

/* True if the view shows the measure's how (the viewer's own measures
 * keep it in a restricted view). */
bool ip_view_shows_how(const struct ip_view *v, const struct ip_measure *m);
/* True if the view shows the participant's contribution (the viewer's
 * own, or all in a full view). */
bool ip_view_shows_contribution(const struct ip_view *v,
    const struct ip_participant *q);
/* True if the view shows the participant's phone and email (all but the
 * person's, in a restricted view). */
bool ip_view_shows_contact(const struct ip_view *v,
    const struct ip_participant *q);

/* --- the formats ---------------------------------------------------------- */

/* Renders the plan as CommonMark (html false) or as a standalone HTML
 * page (html true).  Returns a malloc'd NUL-terminated string that the
 * caller frees, or NULL if out of memory. */
char *ip_export_document(const struct ip_view *v, bool html);

/* Renders the plan as XML in the vocabulary of iplan.xsd.  Returns a
 * malloc'd NUL-terminated string that the caller frees, or NULL after
 * printing why. */
char *ip_export_xml(const struct ip_view *v, const char *prog);

/* Renders the plan p as one HL7 FHIR R4 Bundle in XML, in the words of
 * l, for the participant with the id for_id (NULL: the whole plan) as of
 * today, showing what view.h's table lets them see.  Returns a malloc'd
 * NUL-terminated string that the caller frees, or NULL with why in *err
 * for the caller to print. */
char *ip_export_fhir(const struct ip_plan *p, const struct ip_labels *l,
    const char *for_id, int32_t today, const char **err);

/* Returns s with every character that XML 1.0 cannot carry (control
 * characters other than tab, line feed and carriage return; surrogates,
 * U+FFFE and U+FFFF) and every sequence that is not well-formed UTF-8
 * (overlong forms too) replaced by U+FFFD: s itself if it has none, else
 * a copy in a. */
const char *ip_xml_clean(struct ip_arena *a, const char *s);

/* --- the command, without its files -------------------------------------- */

/* ip_export() in steps, for a caller that has the plan loaded. */
enum ip_export_format { IP_EXPORT_MARKDOWN, IP_EXPORT_HTML, IP_EXPORT_XML,
	IP_EXPORT_FHIR };

/* The options of ip-export(1), checked. */
struct ip_export_how {
	enum ip_export_format format;
	int lang;		/* enum ip_lang; -1: the plan's */
	const char *for_id;	/* --for; NULL: all */
	int32_t generated;	/* from SOURCE_DATE_EPOCH ... */
	bool has_generated;	/* ... if it was set */
	int32_t today;
};

/* Checks the options of o but its output into *h; returns 0, or -1 after
 * printing why. */
int ip_export_how(const struct ip_export_opts *o, struct ip_export_how *h,
    const char *prog);

/* Renders the plan p, shown in messages as name, as h says.  Returns a
 * malloc'd NUL-terminated document that the caller frees, or NULL after
 * printing why, with the exit status for ip-export(1) in *status (1: the
 * plan has errors that stop it, 2: trouble). */
char *ip_export_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const char *prog, int *status);

#endif
