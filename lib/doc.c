/*
 * doc.c - a document of ip-export as a CommonMark tree: the building
 * blocks the plan's document (export_doc.c) and the consent form
 * (consent_form.c) are made of, and the tree rendered as Markdown or as
 * an HTML page with the documents' style sheet.
 *
 * Text from the plan goes into the tree through the safe-CommonMark
 * layer (safe_md.h) alone; the labels are the document's own words.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"

/* --- building blocks ----------------------------------------------------- */

cmark_node *
ip_doc_heading(struct ip_doc *d, cmark_node *parent, int level, const char *s)
{
	cmark_node *h = ip_md_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	if (s != NULL)
		ip_md_text(&d->md, h, s);
	return h;
}

cmark_node *
ip_doc_paragraph(struct ip_doc *d, cmark_node *parent, const char *s)
{
	cmark_node *p = ip_md_add(parent, CMARK_NODE_PARAGRAPH);
	return s != NULL ? ip_md_text(&d->md, p, s) : p;
}

/* "**name:**", not yet in the tree. */
cmark_node *
ip_doc_strong(struct ip_doc *d, const char *name)
{
	cmark_node *s = cmark_node_new(CMARK_NODE_STRONG);
	ip_md_text(&d->md, s, ip_arena_printf(&d->a, "%s:", name));
	return s;
}

/* Adds "**name:** " to the inline container p. */
void
ip_doc_label(struct ip_doc *d, cmark_node *p, const char *name)
{
	cmark_node_append_child(p, ip_doc_strong(d, name));
	ip_md_literal(p, " ");
}

cmark_node *
ip_doc_list(cmark_node *parent)
{
	cmark_node *l = ip_md_add(parent, CMARK_NODE_LIST);
	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	return l;
}

cmark_node *
ip_doc_item(cmark_node *list)
{
	return ip_md_add(ip_md_add(list, CMARK_NODE_ITEM),
	    CMARK_NODE_PARAGRAPH);
}

/* A list item "**label:** " for value to follow; NULL, and no item, if
 * value is NULL. */
static cmark_node *
fact_item(struct ip_doc *d, cmark_node *list, const char *name,
    const char *value)
{
	if (value == NULL)
		return NULL;
	cmark_node *p = ip_doc_item(list);
	ip_doc_label(d, p, name);
	return p;
}

/* A list item "**label:** value"; nothing if value is NULL. */
void
ip_doc_fact(struct ip_doc *d, cmark_node *list, const char *name,
    const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		ip_md_text(&d->md, p, value);
}

/* A list is tight (no blank lines between its items) if each item holds
 * one block; an empty list is removed. */
void
ip_doc_end_list(cmark_node *l)
{
	bool tight = true;
	for (cmark_node *i = cmark_node_first_child(l); i != NULL;
	    i = cmark_node_next(i))
		tight &= cmark_node_first_child(i) == cmark_node_last_child(i);
	cmark_node_set_list_tight(l, tight);
	if (cmark_node_first_child(l) == NULL)
		cmark_node_free(l);
}

/* --- the plan's own text in the plan's language ------------------------- */

/* The inline container for text from the plan below parent: in HTML a
 * span in the plan's language when the labels are in another. */
cmark_node *
ip_doc_user_inline(struct ip_doc *d, cmark_node *parent)
{
	if (d->lang == NULL)
		return parent;
	return ip_md_wrap(parent, CMARK_NODE_CUSTOM_INLINE,
	    ip_arena_printf(&d->a, "<span lang=\"%s\">", d->lang), "</span>");
}

/* A participant as "Name, organization", and with contact details. */
const char *
ip_doc_who(struct ip_doc *d, const char *id, bool contact)
{
	const struct ip_participant *q = ip_find_participant(d->p, id);
	if (q == NULL)
		return id;
	const char *s = q->name.s ? q->name.s : id;
	if (q->organization.s != NULL)
		s = ip_arena_printf(&d->a, "%s, %s", s, q->organization.s);
	if (contact && ip_view_shows(d->v, IP_F_PARTICIPANT_CONTACT, q)) {
		if (q->phone.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->phone.s);
		if (q->email.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->email.s);
	}
	return s;
}

/* Appends the plain text s from the plan to the inline container p;
 * returns the container it ends in, as ip_md_text() does. */
cmark_node *
ip_doc_user(struct ip_doc *d, cmark_node *p, const char *s)
{
	return ip_md_text(&d->md, ip_doc_user_inline(d, p), s);
}

/* A list item "**label:** value", value from the plan; nothing if NULL. */
void
ip_doc_fact_user(struct ip_doc *d, cmark_node *list, const char *name,
    const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		ip_doc_user(d, p, value);
}

/* --- the plan's values as text ------------------------------------------- */

const char *
ip_doc_date(struct ip_doc *d, const struct ip_date *day)
{
	if (!day->set)
		return NULL;
	return ip_labels_date(d->l, day->day, ip_arena_alloc(&d->a,
	    IP_LONG_DATE));
}

/* "2. mars 2026 – 1. mars 2027", "fra 2. mars 2026" ...; NULL if none. */
const char *
ip_doc_range(struct ip_doc *d, const struct ip_date *start,
    const struct ip_date *end)
{
	const char *s = ip_doc_date(d, start), *e = ip_doc_date(d, end);
	if (s != NULL && e != NULL)
		return ip_arena_printf(&d->a, "%s – %s", s, e);
	if (s != NULL || e != NULL)
		return ip_label_fill(&d->a, s ? d->l->from : d->l->until,
		    s ? s : e);
	return NULL;
}

/* --- the page ------------------------------------------------------------ */

/* The style sheet: a plain, printable page. */
static const char css[] =
	"body { font: 11pt/1.45 Georgia, \"DejaVu Serif\", serif;"
	" color: #111; background: #fff; max-width: 46em;"
	" margin: 2em auto; padding: 0 1em; }\n"
	"h1, h2, h3, h4, h5, h6 { font-family: \"Helvetica Neue\", Arial,"
	" \"DejaVu Sans\", sans-serif; line-height: 1.2; }\n"
	"h1 { font-size: 1.7em; margin: 0 0 .5em; }\n"
	"h2 { font-size: 1.3em; margin-top: 1.6em;"
	" border-bottom: 1px solid #888; padding-bottom: .15em; }\n"
	"h3 { font-size: 1.1em; margin-top: 1.2em; }\n"
	"h4, h5, h6 { font-size: 1em; }\n"
	"blockquote { margin: 1em 0; padding: .5em 1em;"
	" border-left: 4px solid #a00; background: #f4f4f4; }\n"
	"ul, ol { padding-left: 1.4em; }\n"
	"li { margin: .2em 0; }\n"
	"pre { white-space: pre-wrap; background: #f4f4f4; padding: .5em; }\n"
	"code { font-family: \"DejaVu Sans Mono\", monospace;"
	" font-size: .9em; }\n"
	"table.who { border-collapse: collapse; width: 100%; margin: .8em 0;"
	" font-size: .95em; }\n"
	"table.who th, table.who td { border: 1px solid #777;"
	" padding: .3em .4em; text-align: left; vertical-align: top; }\n"
	"table.who thead th { background: #e8e8e8; }\n"
	"table.who a { white-space: nowrap; }\n"
	"figure.timeline { margin: 1em 0; }\n"
	"figure.timeline svg { width: 100%; height: auto;"
	" font: 11px \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif; }\n"
	"svg text { fill: #111; }\n"
	"svg .tick { stroke: #aaa; stroke-width: .6; }\n"
	"svg .bar { fill: #666; stroke: #000; stroke-width: .8; }\n"
	"svg .bar.open { fill: #fff; stroke-dasharray: 4 2; }\n"

	"svg line.today { stroke: #000; stroke-width: 1.2;"
	" stroke-dasharray: 5 3; }\n"
	"@page { size: A4; margin: 2cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; max-width: none; margin: 0;"
	" padding: 0; }\n"
	"  h1, h2, h3, h4, h5, h6 { break-after: avoid;"
	" page-break-after: avoid; }\n"
	"  li, blockquote, pre, tr, figure { break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	"  thead { display: table-header-group; }\n"
	"  blockquote, pre { background: none; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"}\n";

static char *
page(struct ip_doc *d, const char *body, const char *more_css)
{
	/* the title is one line, as in the heading */
	char *title = ip_arena_strndup(&d->a, d->title, strlen(d->title));
	for (char *c = title; (c = strpbrk(c, "\t\n")) != NULL;)
		*c = ' ';
	char *s = NULL;
	size_t len;
	FILE *f = ip_xmemstream(&s, &len);

	ip_html_start(f, d->l->code, ip_shown_text(d->v, d->l->nid_hidden,
	    &d->a, title), ip_arena_printf(&d->a, "%s%s", css, more_css),
	    "plan");
	fputs(body, f);
	ip_html_end(f);
	ip_xmemstream_close(f);
	return s;
}

char *
ip_doc_render(const struct ip_render *r, bool html,
    cmark_node *(*build_fn)(struct ip_doc *), const char *more_css)
{
	struct ip_doc d = { .r = r, .v = r->v, .l = r->l, .p = r->v->p,
	    .html = html, .lang = html ? r->text_lang : NULL };
	ip_md_init(&d.md, r->v, r->l->nid_hidden, &d.a);
	cmark_node *root = build_fn(&d);
	char *out = ip_md_render(&d.md, root, html);

	if (html) {
		char *body = out;
		out = page(&d, body, more_css);
		free(body);
	}
	cmark_node_free(root);
	ip_arena_free(&d.a);
	return out;
}

