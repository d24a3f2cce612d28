/*
 * doc.h - a document of ip-export as a CommonMark tree: what the plan's
 * document and the consent form are built with, and the rendering of
 * the tree as Markdown or as an HTML page.
 *
 * Only lib/export_doc.c and lib/consent_form.c include this header.
 */
#ifndef IPLAN_DOC_H
#define IPLAN_DOC_H

#include <cmark.h>

#include "render.h"
#include "safe_md.h"

/* A document being built. */
struct ip_doc {
	const struct ip_render *r;
	const struct ip_view *v;
	const struct ip_labels *l;
	const struct ip_plan *p;
	const char *title;
	bool html;			/* the tree is for the HTML page */
	const char *lang;		/* the plan's language, where it is
					   not the labels': HTML only */
	struct ip_arena a;		/* strings while the tree is built */
	struct ip_md md;		/* what the plan's text passes
					   through, its strings in a */
};

/* Renders the tree build_fn makes of r as Markdown (html false) or as an
 * HTML page whose style sheet is the documents' with more_css after it.
 * build_fn sets the title.  Returns a malloc'd string. */
char *ip_doc_render(const struct ip_render *r, bool html,
    cmark_node *(*build_fn)(struct ip_doc *), const char *more_css);

/* --- building blocks: each appends to parent and returns what it made -- */

/* A heading of level with the text s, unless s is NULL. */
cmark_node *ip_doc_heading(struct ip_doc *d, cmark_node *parent, int level,
    const char *s);
/* A paragraph with the text s, unless s is NULL: the container the text
 * ends in (see ip_md_text()). */
cmark_node *ip_doc_paragraph(struct ip_doc *d, cmark_node *parent,
    const char *s);
/* "**name:**", not yet in the tree. */
cmark_node *ip_doc_strong(struct ip_doc *d, const char *name);
/* Adds "**name:** " to the inline container p. */
void ip_doc_label(struct ip_doc *d, cmark_node *p, const char *name);
/* A bullet list; end it with ip_doc_end_list(). */
cmark_node *ip_doc_list(cmark_node *parent);
/* An item of list, and the paragraph in it, which it returns. */
cmark_node *ip_doc_item(cmark_node *list);
/* A list item "**name:** value" of the document's own words, or of
 * text from the plan (_user); nothing if value is NULL. */
void ip_doc_fact(struct ip_doc *d, cmark_node *list, const char *name,
    const char *value);
void ip_doc_fact_user(struct ip_doc *d, cmark_node *list, const char *name,
    const char *value);
/* Makes the list l tight if each item holds one block; removes it if it
 * has no item. */
void ip_doc_end_list(cmark_node *l);

/* The inline container for text from the plan below parent: in HTML a
 * span in the plan's language when the labels are in another. */
cmark_node *ip_doc_user_inline(struct ip_doc *d, cmark_node *parent);
/* Appends the plain text s from the plan to p, as ip_md_text() does. */
cmark_node *ip_doc_user(struct ip_doc *d, cmark_node *p, const char *s);

/* --- the plan's values as text, in d->a ---------------------------------- */

/* The day in the document's language; NULL if it is not set. */
const char *ip_doc_date(struct ip_doc *d, const struct ip_date *day);
/* "2. mars 2026 – 1. mars 2027", "fra 2. mars 2026" ...; NULL if none. */
const char *ip_doc_range(struct ip_doc *d, const struct ip_date *start,
    const struct ip_date *end);
/* The participant of the id as "Name, organization", with contact
 * details if contact and the view shows them; the id if none has it. */
const char *ip_doc_who(struct ip_doc *d, const char *id, bool contact);

#endif
