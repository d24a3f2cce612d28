/*
 * export_doc.c - ip-export's documents: the plan as a CommonMark node
 * tree, rendered by cmark as Markdown or as a standalone HTML page.
 *
 * No text from the plan is ever written as Markdown by hand.  Plain text
 * values become text nodes, which cmark's renderer escapes, so that
 * nothing in them (#, *, |, <script>, a line that starts with 1.) can
 * change the document's structure.  Free-text (md) values are parsed by
 * cmark and grafted in as blocks, their headings demoted below the
 * section they sit in, raw HTML turned into text, images into links and
 * links with a dangerous scheme emptied; one that cmark would not write
 * back as it read it is shown as plain text instead.  Where the renderer
 * escapes too little (blanks at line ends, a tilde that starts a line,
 * a '|', which GitHub's Markdown reads as a table's), line_ends() and
 * render_md() make up for it.  HTML is rendered from the same tree, in
 * cmark's safe mode, inside a page with its own style sheet and no
 * scripts or external resources.
 *
 * The tree is bounded by the size of the plan: each free text is parsed
 * once, and only while the document's markup budget lasts (see
 * ip-export(1)); past it, text is shown as plain text, and a text of more
 * lines than the budget has left as one line.  So an export takes time
 * and memory linear in the plan, whatever its content.
 */
#include "render.h"

#include <cmark.h>
#include <libxml/xmlstring.h>
#include <libxml/entities.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "due.h"
#include "nid.h"
#include "persons.h"
#include "utf8.h"

struct doc {
	const struct ip_render *r;
	const struct ip_view *v;
	const struct ip_labels *l;
	const struct ip_plan *p;
	const char *title;
	bool html;			/* the tree is for the HTML page */
	const char *lang;		/* the plan's language, where it is
					   not the labels': HTML only */
	struct ip_arena a;		/* strings while the tree is built */
	size_t budget;			/* markup left: see markup() */
};

/*
 * The document's markup budget: how many characters that may make
 * CommonMark structure (ASCII punctuation, line ends: see markup()) the
 * free texts of one document may have in all and still be parsed as
 * CommonMark, each text counting PARSE_COST more for the parse itself;
 * and how many line ends its plain texts may have and still keep them.
 * Each costs a few of cmark's nodes, so the budget holds the tree to some
 * tens of megabytes and the parsing to well under a second, while a plan
 * of real prose, even one of a megabyte, stays inside it.
 */
#define MARKUP_BUDGET	50000
#define PARSE_COST	8

/* --- characters a document does not show --------------------------------- */

/*
 * Whether a document shows the character c as U+FFFD: the controls a
 * terminal obeys (C0 but tab and line feed, DEL, C1), which a character
 * reference in free text ("&#27;", "&#155;") makes though no plan can
 * hold them, and which would reach a terminal through Markdown read in
 * git log -p; the bidirectional embeddings, overrides and isolates
 * (U+202A to U+202E, U+2066 to U+2069) and the line and paragraph
 * separators U+2028 and U+2029, which could make a line read as
 * something else; and the noncharacters U+FDD0 and U+FDD1, which
 * render_md() uses as marks of its own.
 */
static bool
replaced(uint32_t c)
{
	return (ip_is_control(c) && c != '\t' && c != '\n')
	    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
	    || c == 0x2028 || c == 0x2029 || c == 0xfdd0 || c == 0xfdd1;
}

const char *
ip_shown_text(const struct ip_render *r, struct ip_arena *a, const char *s)
{
	static const char fffd[] = "\xef\xbf\xbd";
	const unsigned char *u;
	size_t len, n = 0, k;
	char *out = NULL;

	s = ip_view_masked(r->v, a, s, r->l->nid_hidden);
	u = (const unsigned char *)s;
	len = strlen(s);
	for (size_t at = 0; at < len; at += k) {
		uint32_t c;
		bool ok = (k = ip_utf8_decode(u + at, len - at, &c)) > 0
		    && !replaced(c);
		if (k == 0)
			k = 1;	/* a byte of no character: cmark let none by */
		if (ok) {
			if (out != NULL) {
				memcpy(out + n, s + at, k);
				n += k;
			}
			continue;
		}
		if (out == NULL) {
			out = ip_arena_alloc(a, 3 * len + 1);
			memcpy(out, s, at);
			n = at;
		}
		memcpy(out + n, fffd, 3);
		n += 3;
	}
	if (out == NULL)
		return s;
	out[n] = '\0';
	return out;
}

/* The same for a string of cmark's node n, read by get and set by set. */
static void
shown_node(struct doc *d, cmark_node *n, const char *(*get)(cmark_node *),
    int (*set)(cmark_node *, const char *))
{
	const char *s = get(n), *t;

	if (s != NULL && (t = ip_shown_text(d->r, &d->a, s)) != s)
		set(n, t);
}

/* Every string of the tree below root as a document shows it. */
static void
shown_tree(struct doc *d, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE
		    || t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_HTML_BLOCK
		    || t == CMARK_NODE_HTML_INLINE)
			shown_node(d, c, cmark_node_get_literal,
			    cmark_node_set_literal);
		if (t == CMARK_NODE_CODE_BLOCK)
			shown_node(d, c, cmark_node_get_fence_info,
			    cmark_node_set_fence_info);
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			shown_node(d, c, cmark_node_get_url,
			    cmark_node_set_url);
			shown_node(d, c, cmark_node_get_title,
			    cmark_node_set_title);
		}
	}
	cmark_iter_free(it);
}

/* --- building blocks ----------------------------------------------------- */

static cmark_node *
doc_add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);
	cmark_node_append_child(parent, n);
	return n;
}

static void
literal(cmark_node *parent, const char *s)
{
	cmark_node_set_literal(doc_add(parent, CMARK_NODE_TEXT), s);
}

/* A node that renders as the HTML on_enter, its children, on_exit; the
 * last child of parent, unless parent is NULL. */
static cmark_node *
wrap(cmark_node *parent, cmark_node_type type,
    const char *on_enter, const char *on_exit)
{
	cmark_node *w = parent ? doc_add(parent, type) : cmark_node_new(type);
	cmark_node_set_on_enter(w, on_enter);
	cmark_node_set_on_exit(w, on_exit);
	return w;
}

/*
 * Appends the plain text s to the inline container parent.  Each line has
 * its blanks trimmed, which Markdown ignores anyway and which at the start
 * of a line would make code; tabs become spaces; lines are joined by soft
 * breaks, or by spaces in a heading, which is one line.  Blank lines,
 * which end a paragraph, start a new one after parent when parent is a
 * paragraph in the tree; elsewhere (a heading, strong text) they join as
 * the other lines do.  A parent that is a custom inline (the span that
 * marks the plan's language) counts as the container it stands in, and
 * a new paragraph gets a span like it.  A text of more lines than the
 * markup budget has left is one line, its line ends spaces.  Returns the
 * container the text
 * ends in, where anything that follows it goes.
 */
static cmark_node *
text(struct doc *d, cmark_node *parent, const char *s)
{
	cmark_node *span = NULL, *box = parent;
	if (cmark_node_get_type(parent) == CMARK_NODE_CUSTOM_INLINE) {
		span = parent;
		box = cmark_node_parent(parent);
	}
	bool flat = cmark_node_get_type(box) == CMARK_NODE_HEADING;
	bool split = cmark_node_get_type(box) == CMARK_NODE_PARAGRAPH
	    && cmark_node_parent(box) != NULL;
	bool first = true, blank = false;
	size_t lines = 0;

	for (const char *nl = s; (nl = strchr(nl, '\n')) != NULL; nl++)
		lines++;
	if (lines > d->budget) {
		char *line = ip_arena_strndup(&d->a, s, strlen(s));
		for (char *t = line; (t = strpbrk(t, "\t\n")) != NULL;)
			*t = ' ';
		literal(parent, line);
		return box;
	}
	d->budget -= lines;
	while (*s != '\0') {
		size_t n = strcspn(s, "\n"), a = 0, b = n;
		while (a < b && (s[a] == ' ' || s[a] == '\t'))
			a++;
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t'))
			b--;
		if (b > a) {
			if (!first && split && blank) {
				cmark_node *p = cmark_node_new(
				    CMARK_NODE_PARAGRAPH);
				cmark_node_insert_after(box, p);
				box = parent = p;
				if (span != NULL) {
					span = parent = wrap(p,
					    CMARK_NODE_CUSTOM_INLINE,
					    cmark_node_get_on_enter(span),
					    cmark_node_get_on_exit(span));
				}
			} else if (!first && flat)
				literal(parent, " ");
			else if (!first)
				doc_add(parent, CMARK_NODE_SOFTBREAK);
			char *line = ip_arena_strndup(&d->a, s + a, b - a);
			for (char *t = line; (t = strchr(t, '\t')) != NULL;)
				*t = ' ';
			literal(parent, line);
			first = false;
		}
		blank = b == a;
		s += n + (s[n] != '\0');
	}
	return box;
}

static cmark_node *
heading(struct doc *d, cmark_node *parent, int level, const char *s)
{
	cmark_node *h = doc_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	if (s != NULL)
		text(d, h, s);
	return h;
}

static cmark_node *
paragraph(struct doc *d, cmark_node *parent, const char *s)
{
	cmark_node *p = doc_add(parent, CMARK_NODE_PARAGRAPH);
	return s != NULL ? text(d, p, s) : p;
}

/* "**name:**", not yet in the tree. */
static cmark_node *
strong(struct doc *d, const char *name)
{
	cmark_node *s = cmark_node_new(CMARK_NODE_STRONG);
	text(d, s, ip_arena_printf(&d->a, "%s:", name));
	return s;
}

/* Adds "**name:** " to the inline container p. */
static void
label(struct doc *d, cmark_node *p, const char *name)
{
	cmark_node_append_child(p, strong(d, name));
	literal(p, " ");
}

static cmark_node *
list(cmark_node *parent)
{
	cmark_node *l = doc_add(parent, CMARK_NODE_LIST);
	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	return l;
}

static cmark_node *
doc_item(cmark_node *list)
{
	return doc_add(doc_add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
}

/* A list item "**label:** " for value to follow; NULL, and no item, if
 * value is NULL. */
static cmark_node *
fact_item(struct doc *d, cmark_node *list, const char *name,
    const char *value)
{
	if (value == NULL)
		return NULL;
	cmark_node *p = doc_item(list);
	label(d, p, name);
	return p;
}

/* A list item "**label:** value"; nothing if value is NULL. */
static void
fact(struct doc *d, cmark_node *list, const char *name, const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		text(d, p, value);
}

/* A list is tight (no blank lines between its items) if each item holds
 * one block; an empty list is removed. */
static void
end_list(cmark_node *l)
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
static cmark_node *
user_inline(struct doc *d, cmark_node *parent)
{
	if (d->lang == NULL)
		return parent;
	return wrap(parent, CMARK_NODE_CUSTOM_INLINE,
	    ip_arena_printf(&d->a, "<span lang=\"%s\">", d->lang), "</span>");
}

/* The same for blocks: a div in the plan's language. */
static cmark_node *
user_block(struct doc *d, cmark_node *parent)
{
	if (d->lang == NULL)
		return parent;
	return wrap(parent, CMARK_NODE_CUSTOM_BLOCK,
	    ip_arena_printf(&d->a, "<div lang=\"%s\">", d->lang), "</div>");
}

/* --- free text in CommonMark --------------------------------------------- */

/* The schemes cmark's safe mode will not link to. */
static bool
dangerous(const char *url)
{
	static const char *const schemes[] = { "javascript:", "vbscript:",
		"file:", "data:" };
	for (size_t i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return true;
	return false;
}

/* Puts text nodes for s in place of the node n. */
static void
replace_by_text(struct doc *d, cmark_node *n, const char *s)
{
	cmark_node *tmp = cmark_node_new(CMARK_NODE_PARAGRAPH), *c;
	text(d, tmp, s);
	while ((c = cmark_node_first_child(tmp)) != NULL)
		cmark_node_insert_before(n, c);
	cmark_node_free(tmp);
	cmark_node_free(n);
}

/*
 * Makes a parsed free text safe to graft below a heading of level base:
 * headings demoted under it and on one line, raw HTML shown as the text
 * it is, images (which would load something from elsewhere) as links,
 * links with a dangerous scheme emptied, and every string as ip_shown_text()
 * shows it.  The nodes are collected first, since the tree may
 * not change under an iterator.
 */
static void
sanitize(struct doc *d, cmark_node *root, int base)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_node **v = NULL;
	size_t n = 0, cap = 0;
	cmark_event_type ev;
	bool in_heading = false;
	unsigned levels = 0;		/* bit k: a heading of level k */

	shown_tree(d, root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_HEADING)
			in_heading = ev == CMARK_EVENT_ENTER;
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_HEADING
		    && t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE
		    && t != CMARK_NODE_IMAGE && t != CMARK_NODE_LINK
		    && !(in_heading && (t == CMARK_NODE_SOFTBREAK
		    || t == CMARK_NODE_LINEBREAK))))
			continue;
		if (t == CMARK_NODE_HEADING && ev == CMARK_EVENT_ENTER)
			levels |= 1u << cmark_node_get_heading_level(c);
		v = ip_grow(v, &cap, n + 1, sizeof(*v));
		v[n++] = c;
	}
	cmark_iter_free(it);

	for (size_t i = 0; i < n; i++) {
		cmark_node *c = v[i], *link, *k;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_HEADING: {
			/* the levels the text uses, in order, right below
			 * base: no level is skipped */
			int level = cmark_node_get_heading_level(c), rank = 1;
			for (int lv = 1; lv < level; lv++)
				rank += (levels >> lv) & 1;
			level = base + rank;
			cmark_node_set_heading_level(c, level < 6 ? level : 6);
			break;
		}
		case CMARK_NODE_HTML_BLOCK: {
			cmark_node *p = cmark_node_new(CMARK_NODE_PARAGRAPH);
			cmark_node_insert_before(c, p);
			text(d, p, cmark_node_get_literal(c));
			cmark_node_free(c);
			break;
		}
		case CMARK_NODE_HTML_INLINE:
			replace_by_text(d, c, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:	/* in a heading, one line */
		case CMARK_NODE_LINEBREAK:
			k = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(k, " ");
			cmark_node_insert_before(c, k);
			cmark_node_free(c);
			break;
		case CMARK_NODE_IMAGE:
			link = cmark_node_new(CMARK_NODE_LINK);
			cmark_node_set_url(link, cmark_node_get_url(c));
			cmark_node_set_title(link, cmark_node_get_title(c));
			while ((k = cmark_node_first_child(c)) != NULL)
				cmark_node_append_child(link, k);
			cmark_node_insert_before(c, link);
			cmark_node_free(c);
			c = link;
			/* FALLTHROUGH */
		case CMARK_NODE_LINK:
			if (dangerous(cmark_node_get_url(c)))
				cmark_node_set_url(c, "");
			break;
		default:
			break;
		}
	}
	free(v);
}

/* Whether inline node n starts a line, or ends one. */
static bool
starts_line(cmark_node *n)
{
	cmark_node *prev = cmark_node_previous(n);
	cmark_node_type t = prev ? cmark_node_get_type(prev)
	    : cmark_node_get_type(cmark_node_parent(n));
	return prev ? t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK
	    : t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING;
}

static bool
ends_line(cmark_node *n)
{
	cmark_node *next = cmark_node_next(n);
	cmark_node_type t = next ? cmark_node_get_type(next)
	    : cmark_node_get_type(cmark_node_parent(n));
	return next ? t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK
	    : t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING;
}

/*
 * Blanks at the start and at the end of a line mean nothing in
 * CommonMark, and cmark's renderer writes them as they are, where they
 * would make code or a hard line break.  Plain text has none (text()
 * trims its lines); free text can have them, from entities such as
 * &#32;.  So they go, with any text node they leave empty, and so may a
 * paragraph.
 */
static void
line_ends(cmark_node *root)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node **empty = NULL;
	size_t n = 0, cap = 0;

	cmark_consolidate_text_nodes(root);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *t = cmark_iter_get_node(it);
		if (cmark_node_get_type(t) != CMARK_NODE_TEXT)
			continue;
		const char *s = cmark_node_get_literal(t);
		size_t a = 0, b = strlen(s);
		if (starts_line(t))
			a = strspn(s, " \t");
		while (b > a && ends_line(t) && (s[b - 1] == ' '
		    || s[b - 1] == '\t'))
			b--;
		if (a > 0 || s[b] != '\0') {
			char *trim = ip_xstrndup(s + a, b - a);
			cmark_node_set_literal(t, trim);	/* frees s */
			free(trim);
		}
		if (a == b) {
			empty = ip_grow(empty, &cap, n + 1, sizeof(*empty));
			empty[n++] = t;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++) {
		cmark_node *p = cmark_node_parent(empty[i]);
		cmark_node_free(empty[i]);
		if (cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH
		    && cmark_node_first_child(p) == NULL)
			cmark_node_free(p);
	}
	free(empty);
}

/* The marks render_md() puts in text for what it escapes, noncharacters
 * that the loader and ip_shown_text() keep out of every document: U+FDD0 for
 * '|', U+FDD1 for a tilde that starts a line. */
#define MARK_BAR	"\xef\xb7\x90"
#define MARK_TILDE	"\xef\xb7\x91"

/* Puts the marks in the text nodes of root (mark), or takes them out. */
static void
marks(cmark_node *root, bool mark)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	char *buf = NULL;
	size_t cap = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *t = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER
		    || cmark_node_get_type(t) != CMARK_NODE_TEXT)
			continue;
		const char *s = cmark_node_get_literal(t);
		bool tilde = mark && s[0] == '~' && starts_line(t);
		if (!tilde && strpbrk(s, mark ? "|" : "\xef") == NULL)
			continue;
		size_t len = strlen(s), k = 0;
		buf = ip_grow(buf, &cap, 3 * len + 1, 1);
		for (size_t i = 0; i < len; i++) {
			if (mark && (s[i] == '|' || (i == 0 && tilde))) {
				memcpy(buf + k, s[i] == '|' ? MARK_BAR
				    : MARK_TILDE, 3);
				k += 3;
			} else if (!mark && len - i >= 3
			    && (memcmp(s + i, MARK_BAR, 3) == 0
			    || memcmp(s + i, MARK_TILDE, 3) == 0)) {
				buf[k++] = s[i + 2] == '\x90' ? '|' : '~';
				i += 2;
			} else
				buf[k++] = s[i];
		}
		buf[k] = '\0';
		cmark_node_set_literal(t, buf);
	}
	cmark_iter_free(it);
	free(buf);
}

/*
 * The tree root as Markdown, root left as it was.  cmark's renderer
 * escapes every character that could start Markdown syntax but two.  The
 * tilde: a line that starts with ~~~ would open a code fence.  And '|',
 * since CommonMark has no tables: but GitHub's and GitLab's Markdown,
 * where plans kept in git are read, make a table of lines such as
 * "| a | b |" over "|---|---|".  So each '|' in text, and each tilde
 * that starts a line, is written with a backslash before it, which reads
 * back as the character it was in any dialect: the text carries a mark
 * for it through the renderer, which the output then has replaced.
 */
static char *
render_md(cmark_node *root)
{
	marks(root, true);
	char *md = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0);
	marks(root, false);
	/* Each mark, three bytes, becomes two: what is kept moves back, w
	 * behind r, and overlaps where it was (memmove).  A lead byte that
	 * ends the string has the NUL after it, which ends the compare. */
	char *r = md, *w = md, *end = md + strlen(md);
	for (char *m = md; (m = memchr(m, '\xef', (size_t)(end - m))) != NULL;
	    m++) {
		if (m[1] != '\xb7' || (m[2] != '\x90' && m[2] != '\x91'))
			continue;	/* some other character */
		memmove(w, r, (size_t)(m - r));
		w += m - r;
		*w++ = '\\';
		*w++ = m[2] == '\x90' ? '|' : '~';
		r = m + 3;
		m += 2;
	}
	memmove(w, r, (size_t)(end - r) + 1);
	return md;
}

/*
 * How many characters in s could make CommonMark structure: ASCII
 * punctuation and line ends.  cmark makes at most a few nodes for each,
 * and for each stretch of text between them.
 */
static size_t
markup(const char *s)
{
	size_t n = 0;
	for (; *s != '\0'; s++)
		n += (*s >= '!' && *s <= '/') || (*s >= ':' && *s <= '@')
		    || (*s >= '[' && *s <= '`') || (*s >= '{' && *s <= '~')
		    || *s == '\n';
	return n;
}

/*
 * The free text s, parsed and made safe to sit below a heading of level
 * base, or NULL if cmark would not write it back as the very blocks it
 * was parsed into.  cmark's renderer is not exact for every input: a code
 * fence's info string with a line break in it (from an entity) could
 * leave the fence open and swallow the rest of the document.  The caller
 * frees the tree.
 */
static cmark_node *
parse(struct doc *d, const char *s, int base)
{
	cmark_node *doc = cmark_parse_document(s, strlen(s),
	    CMARK_OPT_VALIDATE_UTF8);
	sanitize(d, doc, base);
	line_ends(doc);		/* before lists count its blocks */
	char *want = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	char *md = render_md(doc);
	cmark_node *back = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_VALIDATE_UTF8);
	char *got = cmark_render_html(back, CMARK_OPT_DEFAULT);
	bool same = strcmp(want, got) == 0;

	free(want);
	free(md);
	free(got);
	cmark_node_free(back);
	if (!same) {
		cmark_node_free(doc);
		return NULL;
	}
	return doc;
}

/*
 * Appends the CommonMark text s to parent, which sits below a heading of
 * level base: parsed while the markup budget lasts, else, or if it would
 * not come back the same, the text as written.  With name, the text starts
 * with "**name:**": in its first paragraph, or in one of its own if it
 * starts otherwise.
 */
static void
md(struct doc *d, cmark_node *parent, const char *name, const char *s,
    int base)
{
	cmark_node *doc = NULL, *c;
	size_t cost = markup(s) + PARSE_COST;

	if (cost <= d->budget && (doc = parse(d, s, base)) != NULL)
		d->budget -= cost;
	if (doc == NULL) {
		doc = cmark_node_new(CMARK_NODE_DOCUMENT);
		paragraph(d, doc, s);
	}
	if (name != NULL) {
		cmark_node *p = cmark_node_first_child(doc);
		if (p == NULL
		    || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
			p = cmark_node_new(CMARK_NODE_PARAGRAPH);
			cmark_node_prepend_child(doc, p);
		}
		if (cmark_node_first_child(p) != NULL) {
			c = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(c, " ");
			cmark_node_prepend_child(p, c);
		}
		cmark_node *lab = strong(d, name);
		if (d->lang != NULL) {	/* the label in the labels' language */
			cmark_node *w = wrap(NULL, CMARK_NODE_CUSTOM_INLINE,
			    ip_arena_printf(&d->a, "<span lang=\"%s\">",
			    d->l->code), "</span>");
			cmark_node_append_child(w, lab);
			lab = w;
		}
		cmark_node_prepend_child(p, lab);
	}
	if (cmark_node_first_child(doc) != NULL)
		parent = user_block(d, parent);
	while ((c = cmark_node_first_child(doc)) != NULL)
		cmark_node_append_child(parent, c);
	cmark_node_free(doc);
}

/* --- the plan's values as text ------------------------------------------- */

static const char *
doc_date(struct doc *d, const struct ip_date *day)
{
	if (!day->set)
		return NULL;
	return ip_labels_date(d->l, day->day, ip_arena_alloc(&d->a,
	    IP_LONG_DATE));
}

/* "2. mars 2026 – 1. mars 2027", "fra 2. mars 2026" ...; NULL if none. */
static const char *
range(struct doc *d, const struct ip_date *start, const struct ip_date *end)
{
	const char *s = doc_date(d, start), *e = doc_date(d, end);
	if (s != NULL && e != NULL)
		return ip_arena_printf(&d->a, "%s – %s", s, e);
	if (s != NULL || e != NULL)
		return ip_label_fill(&d->a, s ? d->l->from : d->l->until,
		    s ? s : e);
	return NULL;
}

/* How join() shows an entry of a list of texts. */
enum names { AS_WRITTEN, PARTICIPANTS, LAWS };

/* "a, b, c" from the texts of list l, or from the names of the
 * participants or laws they are, the last two joined by last if not
 * NULL ("a, b og c"); NULL if none.  Made in one pass, since a list may
 * be long. */
static const char *
join(struct doc *d, const union ip_text_list *l, enum names names,
    const char *last)
{
	if (l->n == 0)
		return NULL;
	const char **v = ip_arena_alloc(&d->a, l->n * sizeof(*v));
	size_t len = 0, ll = last != NULL ? strlen(last) + 2 : 2;
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->v[i].s;
		const struct ip_participant *q = names == PARTICIPANTS
		    ? ip_find_participant(d->p, t) : NULL;
		v[i] = names == LAWS ? ip_labels_law(d->l, t)
		    : q != NULL && q->name.s != NULL ? q->name.s : t;
		len += strlen(v[i]) + ll;
	}
	char *s = ip_arena_alloc(&d->a, len + 1), *p = s;
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(v[i]);
		if (i > 0 && last != NULL && i + 1 == l->n)
			p += sprintf(p, " %s ", last);
		else if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		memcpy(p, v[i], k);
		p += k;
	}
	*p = '\0';
	return s;
}

/* A participant as "Name, organization", and with contact details. */
static const char *
who(struct doc *d, const char *id, bool contact)
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
 * returns the container it ends in, as text() does. */
static cmark_node *
user(struct doc *d, cmark_node *p, const char *s)
{
	return text(d, user_inline(d, p), s);
}

/* A list item "**label:** value", value from the plan; nothing if NULL. */
static void
fact_user(struct doc *d, cmark_node *list, const char *name,
    const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		user(d, p, value);
}

/* A paragraph of the plain text s from the plan. */
static void
user_paragraph(struct doc *d, cmark_node *parent, const char *s)
{
	paragraph(d, user_block(d, parent), s);
}

/* --- numbers instead of ids ---------------------------------------------- */

/* Where a goal or sub-goal id leads: its number in the view, "1" or
 * "1.2", and its text; false if no goal or sub-goal has the id. */
static bool
goal_of(struct doc *d, const char *id, const char **number, bool *sub,
    const char **text_)
{
	size_t gi, si;
	const void *e = ip_goal_named(d->p, id, &gi, &si);

	if (e == NULL)
		return false;
	*sub = si != SIZE_MAX;
	*number = *sub ? ip_arena_printf(&d->a, "%zu.%zu",
	    ip_view_goal_number(d->v, gi), ip_view_subgoal_number(d->v, gi,
	    si)) : ip_arena_printf(&d->a, "%zu", ip_view_goal_number(d->v,
	    gi));
	*text_ = *sub ? ((const struct ip_subgoal *)e)->text.s
	    : ((const struct ip_goal *)e)->text.s;
	return true;
}

/* The anchor of a goal's or sub-goal's number ("1.2" -> "goal-1-2"). */
static const char *
goal_anchor(struct doc *d, const char *number)
{
	char *a = ip_arena_printf(&d->a, "goal-%s", number);
	for (char *c = a; (c = strchr(c, '.')) != NULL;)
		*c = '-';
	return a;
}

/* Whether s[n] ends a sentence: a full stop, question or exclamation
 * mark at the end, or before a space and a capital letter ("ca. 40",
 * "kl. 8", "2. trinn" go on). */
static bool
sentence_end(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s + n + 1;

	if (s[n] != '.' && s[n] != '!' && s[n] != '?')
		return false;
	if (*u == '\0' || *u == '\n')
		return true;
	if (*u != ' ')
		return false;
	u++;
	return (*u >= 'A' && *u <= 'Z')
	    || (u[0] == 0xc3 && (u[1] == 0x86 || u[1] == 0x98 || u[1] == 0x85));
}

/* The first sentence of s, or its first line, cut at about 60
 * characters at a word's end: the short form a reference shows. */
static const char *
short_text(struct doc *d, const char *s)
{
	size_t n = 0, chars = 0, space = 0;

	while (s[n] != '\0' && s[n] != '\n' && chars < 60) {
		if (sentence_end(s, n))
			return ip_arena_strndup(&d->a, s, n);
		if (s[n] == ' ')
			space = n;
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	if (s[n] == '\0' || s[n] == '\n')
		return ip_arena_strndup(&d->a, s, n);
	return ip_arena_printf(&d->a, "%.*s…", (int)(space > 0 ? space : n),
	    s);
}

/* Text that links, in HTML, to the anchor of the page; else text. */
static void
link_to(struct doc *d, cmark_node *p, const char *anchor, const char *s)
{
	if (d->html) {
		cmark_node *a = doc_add(p, CMARK_NODE_LINK);
		cmark_node_set_url(a, ip_arena_printf(&d->a, "#%s", anchor));
		p = a;
	}
	literal(p, s);
}

/* A heading whose text is the target of links to anchor, in HTML. */
static cmark_node *
anchored(struct doc *d, cmark_node *parent, int level, const char *anchor)
{
	cmark_node *h = doc_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	if (!d->html)
		return h;
	return wrap(h, CMARK_NODE_CUSTOM_INLINE, ip_arena_printf(&d->a,
	    "<span id=\"%s\">", anchor), "</span>");
}

/* "Tiltak 2": the measure's number, in the order of the plan. */
static const char *
measure_name(struct doc *d, size_t i)
{
	return ip_label_fill(&d->a, d->l->measure, ip_arena_printf(&d->a,
	    "%zu", ip_view_measure_number(d->v, i)));
}

/* The anchor of the i-th measure. */
static const char *
measure_anchor(struct doc *d, size_t i)
{
	return ip_arena_printf(&d->a, "measure-%zu",
	    ip_view_measure_number(d->v, i));
}

/* Appends to p which goals the measure m serves: "mål 1: Gå til skolen
 * selv; delmål 1.2: ...", or with brief only "mål 1, delmål 1.2", each
 * a link in HTML.  Returns the container it ends in, as text() does. */
static cmark_node *
serves(struct doc *d, cmark_node *p, const struct ip_measure *m, bool brief)
{
	for (size_t i = 0; i < m->goals.n; i++) {
		const char *id = m->goals.v[i].s;
		const char *number, *t;
		bool sub;
		if (i > 0)
			literal(p, brief ? ", " : "; ");
		if (!goal_of(d, id, &number, &sub, &t)) {
			p = user(d, p, id);	/* a reference to no goal */
			continue;
		}
		link_to(d, p, goal_anchor(d, number), ip_label_fill(&d->a,
		    sub ? d->l->serves_subgoal : d->l->serves_goal, number));
		if (t != NULL && !brief) {
			literal(p, ": ");
			p = user(d, p, short_text(d, t));
		}
	}
	return p;
}

static void
none(struct doc *d, cmark_node *parent)
{
	paragraph(d, parent, d->l->none);
}

/* --- the sections, in the order of the document -------------------------- */

/* Whether the view shows field f (of entry). */
static bool
shows(const struct doc *d, enum ip_field f, const void *entry)
{
	return ip_view_shows(d->v, f, entry);
}

/* The notice at the top of a restricted view: for whom, why, and what is
 * left out, the last from the visibility table itself. */
static void
notice(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_view *v = d->v;
	char *name = ip_arena_printf(&d->a, "%s", v->viewer->name.s
	    ? v->viewer->name.s : v->viewer->id.s);
	char buf[IP_LONG_DATE];

	/* one line, so that the notice stays one paragraph */
	for (char *c = name; (c = strchr(c, '\n')) != NULL;)
		*c = ' ';
	const char *why = l->restricted_why[v->why];

	cmark_node *q = doc_add(root, CMARK_NODE_BLOCK_QUOTE);
	cmark_node *par = doc_add(q, CMARK_NODE_PARAGRAPH);
	text(d, doc_add(par, CMARK_NODE_STRONG), ip_arena_printf(&d->a,
	    "%s.", ip_label_fill(&d->a, l->restricted, name)));
	literal(par, " ");
	if (v->why != IP_WHY_NOT_LISTED && v->why != IP_WHY_NO_CONSENT)
		why = ip_label_fill(&d->a, why,
		    ip_labels_date(l, v->why_day, buf));
	text(d, par, why);
	literal(par, " ");
	text(d, par, l->restricted_shows);
	cmark_node *left = list(q);
	for (int f = 0; f < IP_F_COUNT; f++)
		if (ip_field_audience((enum ip_field)f) != IP_SEEN_BY_ALL
		    && l->left_out_field[f] != NULL)	/* the tests see to it */
			text(d, doc_item(left), l->left_out_field[f]);
	end_list(left);
}

static void
glance(struct doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;

	d->title = p->person.name.s ? ip_label_fill(&d->a, l->title,
	    p->person.name.s) : l->title_nameless;
	if (ip_plan_draft(p))	/* at the top, and in the page's title */
		d->title = ip_label_fill(&d->a, l->draft_title, d->title);
	heading(d, root, 1, d->title);
	if (d->v->restricted)
		notice(d, root);

	cmark_node *facts = list(root);
	fact(d, facts, l->period, range(d, &p->period.start, &p->period.end));
	if (p->coordinator.s != NULL)
		fact_user(d, facts, l->coordinator, who(d, p->coordinator.s, true));
	struct ip_date next = { .set = true };
	if (shows(d, IP_F_REVIEWS, NULL)
	    && ip_next_review(p, d->r->today, &next.day))
		fact(d, facts, l->next_review, next.day < d->r->today
		    ? ip_label_fill(&d->a, l->next_overdue, doc_date(d, &next))
		    : doc_date(d, &next));
	if (shows(d, IP_F_STATUS, NULL) && p->status.set
	    && p->status.v == IP_STATUS_CLOSED)
		fact(d, facts, l->status, p->closed.date.set
		    ? ip_label_fill(&d->a, l->closed_on,
		    doc_date(d, &p->closed.date)) : l->closed);
	if (shows(d, IP_F_STATUS, NULL) && ip_plan_draft(p))
		fact(d, facts, l->status, l->draft_status);
	fact_user(d, facts, l->plan_id, p->id.s);
	if (shows(d, IP_F_LEGAL_BASIS, NULL))
		fact(d, facts, l->legal_basis, join(d, &p->legal_basis, LAWS, NULL));
	end_list(facts);
	/* below the title, but demoted as under a section, so that none of
	 * its headings can pass for one of the sections */
	if (p->closed.reason.s != NULL && shows(d, IP_F_CLOSED_REASON, NULL))
		md(d, root, l->reason, p->closed.reason.s, 2);
}

static void
person(struct doc *d, cmark_node *root)
{
	const struct ip_person *ps = &d->p->person;
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->person);
	cmark_node *facts = list(root);
	fact_user(d, facts, l->name, ps->name.s);
	if (shows(d, IP_F_NATIONAL_ID, NULL) && ps->national_id.s != NULL)
		/* named by what it is, as ip-validate knows it */
		fact_user(d, facts, l->national_id[ip_nid_parse(
		    ps->national_id.s, NULL)], ps->national_id.s);
	if (shows(d, IP_F_BIRTH_DATE, NULL))
		fact(d, facts, l->birth_date, doc_date(d, &ps->birth_date));
	if (shows(d, IP_F_PERSON_CONTACT, NULL)) {
		fact_user(d, facts, l->phone, ps->contact.phone.s);
		fact_user(d, facts, l->email, ps->contact.email.s);
		fact_user(d, facts, l->address, ps->contact.address.s);
	}
	if (ps->interpreter.set && shows(d, IP_F_INTERPRETER, NULL))
		fact(d, facts, l->interpreter, ps->interpreter.v
		    ? l->interpreter_yes : l->interpreter_no);
	if (ps->care.set && ps->care.v == IP_CARE_COMPULSORY
	    && shows(d, IP_F_CARE, NULL))
		fact(d, facts, l->compulsory, l->yes);
	if (cmark_node_first_child(facts) == NULL && !d->v->restricted)
		none(d, root);
	end_list(facts);
	/* whether or not the plan has them: that is not shown either */
	if (d->v->restricted)
		paragraph(d, root, l->left_out);
}

/* Ends a section that a restricted view shows only in part: whether it
 * left anything out is not told either. */
static void
in_part(struct doc *d, cmark_node *root)
{
	if (d->v->restricted)
		paragraph(d, root, d->l->others_left_out);
}

static void
goals(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	heading(d, root, 2, l->goals);
	for (size_t i = 0; i < d->p->goals.n; i++) {
		const struct ip_goal *g = &d->p->goals.v[i];
		if (!ip_view_shows_goal(d->v, g))
			continue;
		any = true;
		const char *number = ip_arena_printf(&d->a, "%zu",
		    ip_view_goal_number(d->v, i));
		text(d, anchored(d, root, 3, goal_anchor(d, number)),
		    ip_label_fill(&d->a, l->goal, number));
		if (g->text.s != NULL && shows(d, IP_F_GOAL, g))
			user_paragraph(d, root, g->text.s);
		cmark_node *subs = list(root);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (!shows(d, IP_F_SUBGOAL, s))
				continue;
			cmark_node *p = doc_item(subs);
			const char *sub = ip_arena_printf(&d->a, "%s.%zu",
			    number, ip_view_subgoal_number(d->v, i, j));
			cmark_node *at = p;
			if (d->html)
				at = wrap(p, CMARK_NODE_CUSTOM_INLINE,
				    ip_arena_printf(&d->a, "<span id=\"%s\">",
				    goal_anchor(d, sub)), "</span>");
			cmark_node_append_child(at, strong(d,
			    ip_label_fill(&d->a, l->subgoal, sub)));
			if (s->text.s != NULL) {
				literal(p, " ");
				p = user(d, p, s->text.s);
			}
			const char *due = doc_date(d, &s->due), *st = s->status.set
			    ? l->goal_status[s->status.v] : NULL;
			if (due == NULL && st == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				doc_add(p, CMARK_NODE_LINEBREAK);
			text(d, p, ip_arena_printf(&d->a, "%s%s%s%s%s%s%s",
			    due ? l->due : "", due ? ": " : "", due ? due : "",
			    due && st ? " · " : "", st ? l->status : "",
			    st ? ": " : "", st ? st : ""));
		}
		end_list(subs);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

/* A section of plain texts, or the note that it is left out. */
static void
texts(struct doc *d, cmark_node *root, const char *title,
    const union ip_text_list *t, enum ip_field f)
{
	heading(d, root, 2, title);
	if (!shows(d, f, NULL)) {
		paragraph(d, root, d->l->left_out);
		return;
	}
	if (t->n == 0)
		none(d, root);
	cmark_node *l = list(root);
	for (size_t i = 0; i < t->n; i++)
		user(d, doc_item(l), t->v[i].s);
	end_list(l);
}

static void
measures(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	heading(d, root, 2, l->measures);
	for (size_t i = 0; i < d->p->measures.n; i++) {
		const struct ip_measure *m =
		    &d->p->measures.v[i];
		if (!shows(d, IP_F_MEASURE, m))
			continue;
		any = true;
		cmark_node *h = anchored(d, root, 3, measure_anchor(d, i));
		text(d, h, measure_name(d, i));
		if (m->title.s != NULL) {
			literal(h, ": ");
			user(d, h, m->title.s);
		}
		cmark_node *facts = list(root);
		fact_user(d, facts, l->extent, m->extent.s);
		if (m->responsible.s != NULL)
			fact_user(d, facts, l->responsible,
			    who(d, m->responsible.s, false));
		fact(d, facts, l->when, range(d, &m->start, &m->end));
		if (m->goals.n > 0) {
			cmark_node *p = doc_item(facts);
			label(d, p, l->serves);
			serves(d, p, m, false);
		}
		const struct ip_subplan *sp = &m->subplan;
		if (sp->kind.s || sp->reference.s)
			fact_user(d, facts, l->subplan,
			    sp->kind.s && sp->reference.s
			    ? ip_arena_printf(&d->a, "%s: %s", sp->kind.s,
			    sp->reference.s) : sp->kind.s ? sp->kind.s
			    : sp->reference.s);
		end_list(facts);
		if (m->how.s != NULL)
			md(d, root, l->how, m->how.s, 3);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

/* Whether any measure says how it is carried out. */
static bool
any_how(const struct ip_plan *p)
{
	for (size_t i = 0; i < p->measures.n; i++)
		if (p->measures.v[i].how.s != NULL)
			return true;
	return false;
}

static void
implementation(struct doc *d, cmark_node *root)
{
	heading(d, root, 2, d->l->implementation);
	if (!shows(d, IP_F_IMPLEMENTATION, NULL))
		paragraph(d, root, d->l->left_out);
	else if (d->p->implementation.s != NULL)
		md(d, root, NULL, d->p->implementation.s, 2);
	else if (any_how(d->p))
		paragraph(d, root, d->l->how_in_measures);
	else
		none(d, root);
}

static void
participants(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	bool any = false;

	heading(d, root, 2, l->participants);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (!shows(d, IP_F_PARTICIPANT, q))
			continue;
		any = true;
		if (q->name.s != NULL)
			user(d, heading(d, root, 3, NULL), q->name.s);
		else
			heading(d, root, 3, ip_label_fill(&d->a,
			    l->participant, ip_arena_printf(&d->a, "%zu",
			    ip_view_participant_number(d->v, i))));
		cmark_node *facts = list(root);
		const char *role = q->role.set
		    && shows(d, IP_F_PARTICIPANT_ROLE, q)
		    ? l->roles[q->role.v] : NULL;
		if (q->id.s != NULL && p->coordinator.s != NULL
		    && strcmp(q->id.s, p->coordinator.s) == 0)
			role = role ? ip_arena_printf(&d->a, "%s, %s", role,
			    l->is_coordinator) : l->is_coordinator;
		fact(d, facts, l->role, role);
		fact_user(d, facts, l->organization, q->organization.s);
		if (shows(d, IP_F_PARTICIPANT_CONTACT, q)) {
			fact_user(d, facts, l->phone, q->phone.s);
			fact_user(d, facts, l->email, q->email.s);
		}
		end_list(facts);
		if (q->contribution.s != NULL
		    && shows(d, IP_F_CONTRIBUTION, q))
			md(d, root, l->contribution, q->contribution.s, 3);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

static void
reviews(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_period *pe = &d->p->period;

	heading(d, root, 2, l->reviews);
	if (!shows(d, IP_F_REVIEWS, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	if (pe->review_interval.set) {
		int n = pe->review_interval.n;
		cmark_node *p = paragraph(d, root, NULL);
		label(d, p, l->review_interval);
		text(d, p, ip_arena_printf(&d->a, "%d %s", n,
		    l->units[ip_interval_unit(&pe->review_interval)][n != 1]));
	}
	if (pe->reviews.n == 0 && !pe->review_interval.set)
		none(d, root);
	cmark_node *list_ = list(root);
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *r = &pe->reviews.v[i];
		cmark_node *p = doc_item(list_);
		const char *when = doc_date(d, r->date.set ? &r->date : &r->done);
		label(d, p, when ? when : "?");
		text(d, p, r->done.set ? ip_label_fill(&d->a, l->review_done,
		    doc_date(d, &r->done)) : l->review_planned);
		if (r->summary.s != NULL)
			md(d, cmark_node_parent(p), NULL, r->summary.s, 2);
	}
	end_list(list_);
}

/* "gitt 10. januar 2026 av Kari Nordmann", "gjelder til ...", with
 * ", trukket tilbake ..." when it was withdrawn. */
static const char *
given(struct doc *d, const struct ip_date *day, const char *by,
    const struct ip_date *until, const struct ip_date *withdrawn)
{
	const struct ip_labels *l = d->l;
	const char *v = day->set || by != NULL ? l->given : NULL;

	if (day->set)
		v = ip_arena_printf(&d->a, "%s %s", v, doc_date(d, day));
	if (by != NULL)
		v = ip_arena_printf(&d->a, "%s %s", v,
		    ip_label_fill(&d->a, l->by, by));
	const char *more[2] = {
		until != NULL && until->set ? ip_label_fill(&d->a,
		    l->valid_until, doc_date(d, until)) : NULL,
		withdrawn->set ? ip_label_fill(&d->a, l->withdrawn,
		    doc_date(d, withdrawn)) : NULL };
	for (size_t i = 0; i < 2; i++)
		if (more[i] != NULL)
			v = v ? ip_arena_printf(&d->a, "%s, %s", v, more[i])
			    : more[i];
	return v ? v : l->given;
}

/* Those besides the person who see the whole plan on the document's
 * day, by name: the guardians of a child and those a consent covers. */
static const char *
with_access(struct doc *d)
{
	const struct ip_plan *p = d->p;
	const char *s = NULL;

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		if ((q->role.set && q->role.v == IP_ROLE_PERSON)
		    || !ip_sees_all(p, q, d->r->today))
			continue;
		const char *n = q->name.s ? q->name.s : q->id.s ? q->id.s : "?";
		s = s ? ip_arena_printf(&d->a, "%s, %s", s, n) : n;
	}
	return s ? s : d->l->nobody;
}

/* The consents: to the plan, then each to share information as it was
 * given (the history: who, from when, until, withdrawn), and who has
 * access on the document's day. */
static void
consent(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_consent *c = &d->p->consent;
	const char *v;

	heading(d, root, 2, l->consent);
	if (!shows(d, IP_F_CONSENT, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	cmark_node *facts = list(root);
	if (c->plan.date.set || c->plan.by.n > 0 || c->plan.withdrawn.set)
		v = given(d, &c->plan.date, join(d, &c->plan.by, PARTICIPANTS,
		    l->and),
		    NULL, &c->plan.withdrawn);
	else if (d->p->person.care.set
	    && d->p->person.care.v == IP_CARE_COMPULSORY)
		v = l->consent_compulsory;
	else
		v = l->not_recorded;
	fact(d, facts, l->consent_plan, v);
	for (size_t i = 0; i < c->information_sharing.n; i++) {
		const struct ip_consent_sharing *s =
		    &c->information_sharing.v[i];
		const char *who_ = join(d, &s->participants, PARTICIPANTS,
		    NULL);
		v = given(d, &s->date, join(d, &s->by, PARTICIPANTS, l->and),
		    &s->until, &s->withdrawn);
		fact(d, facts, l->consent_sharing, who_ ? ip_arena_printf(
		    &d->a, "%s: %s", v, who_) : v);
	}
	if (c->information_sharing.n == 0)
		fact(d, facts, l->consent_sharing, l->not_recorded);
	fact(d, facts, l->consent_with, with_access(d));
	end_list(facts);
}

static void
cooperation(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->cooperation);
	if (!shows(d, IP_F_COOPERATION, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	if (d->p->cooperation.n == 0)
		none(d, root);
	cmark_node *list_ = list(root);
	for (size_t i = 0; i < d->p->cooperation.n; i++) {
		const struct ip_cooperation *c =
		    &d->p->cooperation.v[i];
		cmark_node *p = doc_item(list_);
		if (c->with.s != NULL)
			user(d, doc_add(p, CMARK_NODE_STRONG), c->with.s);
		const char *parts[][2] = { { l->about, c->about.s },
			{ l->contact, c->contact.s } };
		for (size_t k = 0; k < 2; k++) {
			if (parts[k][1] == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				doc_add(p, CMARK_NODE_LINEBREAK);
			literal(p, ip_arena_printf(&d->a, "%s: ", parts[k][0]));
			p = user(d, p, parts[k][1]);
		}
	}
	end_list(list_);
}

/* The inline nodes of paragraph p, rendered as HTML (cmark escapes
 * them), without the paragraph's tags; p is freed. */
static const char *
cell(struct doc *d, cmark_node *p)
{
	shown_tree(d, p);
	char *h = cmark_render_html(p, CMARK_OPT_DEFAULT);
	cmark_node_free(p);
	size_t n = strlen(h);
	const char *s = "";
	if (n >= 8 && strncmp(h, "<p>", 3) == 0)	/* "<p>...</p>\n" */
		s = ip_arena_strndup(&d->a, h + 3, n - 8);
	free(h);
	return s;
}

/* "Who does what": a row for each measure the view shows, before the
 * details: what, its extent, who answers for it, when, which goals.  A
 * table in HTML; CommonMark has none, so a list item for each there. */
static void
overview(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	const char *heads[] = { l->measures, l->extent, l->responsible,
		l->when, l->serves };
	enum { NCOLS = sizeof(heads) / sizeof(*heads) };
	size_t shown = 0, len;
	char *table = NULL;
	FILE *f = NULL;

	for (size_t i = 0; i < p->measures.n; i++)
		shown += shows(d, IP_F_MEASURE,
		    &p->measures.v[i]);
	if (shown == 0)
		return;
	heading(d, root, 2, l->who_does_what);
	cmark_node *items = d->html ? NULL : list(root);
	if (d->html) {
		f = ip_xmemstream(&table, &len);
		fputs("<table class=\"who\">\n<thead>\n<tr>", f);
		for (size_t c = 0; c < NCOLS; c++) {
			cmark_node *h = cmark_node_new(CMARK_NODE_PARAGRAPH);
			text(d, h, heads[c]);
			fprintf(f, "<th scope=\"col\">%s</th>", cell(d, h));
		}
		fputs("</tr>\n</thead>\n<tbody>\n", f);
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (!shows(d, IP_F_MEASURE, m))
			continue;
		cmark_node *c[NCOLS];
		for (size_t k = 0; k < NCOLS; k++)
			c[k] = cmark_node_new(CMARK_NODE_PARAGRAPH);
		link_to(d, c[0], measure_anchor(d, i), measure_name(d, i));
		if (m->title.s != NULL) {
			literal(c[0], ": ");
			user(d, c[0], m->title.s);
		}
		if (m->extent.s != NULL)
			user(d, c[1], m->extent.s);
		if (m->responsible.s != NULL)
			user(d, c[2], who(d, m->responsible.s, false));
		const char *when = range(d, &m->start, &m->end);
		if (when != NULL)
			text(d, c[3], when);
		serves(d, c[4], m, true);
		if (d->html) {
			fprintf(f, "<tr><th scope=\"row\">%s</th>",
			    cell(d, c[0]));
			for (size_t k = 1; k < NCOLS; k++)
				fprintf(f, "<td>%s</td>", cell(d, c[k]));
			fputs("</tr>\n", f);
			continue;
		}
		cmark_node *it = doc_item(items), *n;
		cmark_node *title = doc_add(it, CMARK_NODE_STRONG);
		while ((n = cmark_node_first_child(c[0])) != NULL)
			cmark_node_append_child(title, n);
		cmark_node_free(c[0]);
		for (size_t k = 1; k < NCOLS; k++) {
			if (cmark_node_first_child(c[k]) != NULL) {
				doc_add(it, CMARK_NODE_LINEBREAK);
				literal(it, ip_arena_printf(&d->a, "%s: ",
				    heads[k]));
			}
			while ((n = cmark_node_first_child(c[k])) != NULL)
				cmark_node_append_child(it, n);
			cmark_node_free(c[k]);
		}
	}
	if (d->html) {
		fputs("</tbody>\n</table>\n", f);
		ip_xmemstream_close(f);
		wrap(root, CMARK_NODE_CUSTOM_BLOCK, table, "");
		free(table);
	} else
		end_list(items);
}

/* The footer: when the document was printed, and which version of the
 * plan, when the caller says. */
static void
footer(struct doc *d, cmark_node *root)
{
	char buf[IP_LONG_DATE];
	cmark_node *p = doc_add(doc_add(root, CMARK_NODE_PARAGRAPH), CMARK_NODE_EMPH);

	text(d, p, ip_label_fill(&d->a, d->l->printed, ip_labels_date(d->l,
	    d->r->has_generated ? d->r->generated : d->r->today, buf)));
	if (d->r->revision != NULL) {
		literal(p, " · ");
		text(d, p, ip_label_fill(&d->a, d->l->revision,
		    d->r->revision));
	}
}

static cmark_node *
build(struct doc *d)
{
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);

	glance(d, root);
	if (d->html) {
		const char *svg = ip_timeline_svg(d->r, d->r->today, &d->a);
		if (svg != NULL)
			wrap(root, CMARK_NODE_CUSTOM_BLOCK, svg, "");
	}
	overview(d, root);
	person(d, root);
	goals(d, root);
	texts(d, root, d->l->resources, &d->p->resources, IP_F_RESOURCES);
	texts(d, root, d->l->needs, &d->p->needs, IP_F_NEEDS);
	measures(d, root);
	implementation(d, root);
	participants(d, root);
	reviews(d, root);
	consent(d, root);
	cooperation(d, root);
	footer(d, root);
	return root;
}

/* --- the consent form --------------------------------------------------- */

/* A line to write on: "Sted og dato: ……………………". */
static void
blank(struct doc *d, cmark_node *root, const char *what)
{
	cmark_node *p = doc_add(root, CMARK_NODE_PARAGRAPH);
	label(d, p, what);
	literal(p, "……………………………………………………………………");
}

/* The guardians who sign a child's form, in *v (n of them): those of
 * consent.plan.by, else every guardian among the participants. */
static size_t
signers(struct doc *d, const struct ip_participant ***v)
{
	const struct ip_plan *p = d->p;
	const union ip_text_list *by = &p->consent.plan.by;
	size_t n = 0;

	*v = ip_arena_alloc(&d->a, (by->n + p->participants.n + 1)
	    * sizeof(**v));
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(p, by->v[i].s);
		if (q != NULL && ip_is_guardian(q))
			(*v)[n++] = q;
	}
	for (size_t i = 0; n == 0 && i < p->participants.n; i++)
		if (ip_is_guardian(&p->participants.v[i]))
			(*v)[n++] = &p->participants.v[i];
	for (size_t i = n; i-- > 1;)	/* by may name one twice */
		for (size_t k = 0; k < i; k++)
			if ((*v)[k] == (*v)[i]) {
				(*v)[i] = (*v)[--n];
				break;
			}
	return n;
}

/* The participants the consents to share information cover on the
 * form's day, with how long: "Samtykket gjelder til og med ..." once if
 * that is the same for all, else after each.  False if it did not say
 * that once. */
static bool
form_sharing(struct doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	const struct ip_consent_sharing *first = NULL;
	bool same_end = true;
	size_t n = 0;
	char buf[IP_LONG_DATE];

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_consent_sharing *s = ip_covering(p,
		    p->participants.v[i].id.s, d->r->today);
		if (s == NULL)
			continue;
		if (first == NULL)
			first = s;
		same_end &= s->until.set == first->until.set
		    && (!s->until.set || s->until.day == first->until.day);
	}
	cmark_node *names = list(root);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		const struct ip_consent_sharing *s = ip_covering(p, q->id.s,
		    d->r->today);
		if (s == NULL || ip_find_participant(p, q->id.s) != q)
			continue;
		cmark_node *it = doc_item(names);
		user(d, it, who(d, q->id.s, false));
		if (!same_end && s->until.set)
			text(d, it, ip_arena_printf(&d->a, " (%s)",
			    ip_label_fill(&d->a, l->valid_until,
			    ip_labels_date(l, s->until.day, buf))));
		n++;
	}
	if (n == 0)
		paragraph(d, root, l->cf_nobody);
	end_list(names);
	if (first == NULL || !same_end || !first->until.set)
		return false;
	paragraph(d, root, ip_label_fill(&d->a, l->cf_until,
	    ip_labels_date(l, first->until.day, buf)));
	return true;
}

static cmark_node *
build_form(struct doc *d)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	struct ip_date born = { .set = ip_person_birth(p, &born.day) };
	int age = ip_person_age(p, d->r->today);
	bool child = age >= 0 && age < IP_AGE_OF_CONSENT;
	bool compulsory = p->person.care.set
	    && p->person.care.v == IP_CARE_COMPULSORY;
	const struct ip_participant **g;
	size_t ng = signers(d, &g);
	const char *we = l->cf_we[ng > 1], *we_lc = l->cf_we_lc[ng > 1];

	d->title = p->person.name.s ? ip_arena_printf(&d->a, "%s: %s",
	    l->cf_title, p->person.name.s) : l->cf_title;
	heading(d, root, 1, d->title);
	cmark_node *facts = list(root);
	fact_user(d, facts, l->name, p->person.name.s);
	fact(d, facts, l->birth_date, doc_date(d, &born));
	fact_user(d, facts, l->plan_id, p->id.s);
	fact(d, facts, l->period, range(d, &p->period.start, &p->period.end));
	end_list(facts);

	/* a child's guardians consent for the child, in the third person */
	heading(d, root, 2, l->consent_plan);
	paragraph(d, root, compulsory ? (child ? l->cf_child_plan_compulsory
	    : l->cf_plan_compulsory) : child
	    ? ip_label_fill(&d->a, l->cf_child_plan, we) : l->cf_plan_text);

	heading(d, root, 2, l->consent_sharing);
	paragraph(d, root, child ? ip_label_fill(&d->a, l->cf_child_sharing,
	    we) : l->cf_sharing_text);
	if (!form_sharing(d, root))
		paragraph(d, root, child ? ip_label_fill(&d->a,
		    l->cf_child_until_withdrawn, we_lc)
		    : l->cf_until_withdrawn);

	heading(d, root, 2, l->cf_withdraw);
	/* under compulsory care the consent to share is the only one */
	paragraph(d, root, child ? ip_label_fill(&d->a, compulsory
	    ? l->cf_child_withdraw_one : l->cf_child_withdraw_text, we)
	    : compulsory ? l->cf_withdraw_one : l->cf_withdraw_text);
	if (p->coordinator.s != NULL) {
		cmark_node *c = paragraph(d, root, NULL);
		label(d, c, l->coordinator);
		user(d, c, who(d, p->coordinator.s, true));
	}

	heading(d, root, 2, l->cf_sign);
	/* barneloven § 31: a child of 7 is heard before decisions */
	if (child && age >= 7)
		paragraph(d, root, l->cf_child_heard);
	blank(d, root, l->cf_place_date);
	if (!child)
		blank(d, root, l->cf_signature);
	if (age < 0)
		blank(d, root, l->cf_guardian);
	for (size_t i = 0; child && i < ng; i++)
		blank(d, root, ip_label_fill(&d->a, l->cf_signature_of,
		    g[i]->name.s ? g[i]->name.s : g[i]->id.s));
	if (child && ng == 0)
		blank(d, root, l->cf_guardian);
	return root;
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

/* The form's own print style: one A4 page, room to sign. */
static const char form_css[] =
	"body { max-width: 40em; }\n"
	"p:has(strong) { margin: 1.4em 0 0; }\n"
	"@page { size: A4; margin: 1.5cm 1.8cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; line-height: 1.35; }\n"
	"  h1 { font-size: 1.45em; }\n"
	"  h2 { font-size: 1.15em; margin: 1em 0 .4em; }\n"
	"  ul { margin: .4em 0; }\n"
	"  li { margin: .1em 0; }\n"
	"}\n";

static char *
page(struct doc *d, const char *body, const char *more_css)
{
	/* the title is one line, as in the heading */
	char *title = ip_arena_strndup(&d->a, d->title, strlen(d->title));
	for (char *c = title; (c = strpbrk(c, "\t\n")) != NULL;)
		*c = ' ';
	xmlChar *t = xmlEncodeSpecialChars(NULL,
	    (const xmlChar *)ip_shown_text(d->r, &d->a, title));
	char *s = NULL;
	size_t len;
	FILE *f;

	if (t == NULL)
		ip_oom();
	f = ip_xmemstream(&s, &len);
	fprintf(f, "<!DOCTYPE html>\n"
	    "<html lang=\"%s\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<title>%s</title>\n"
	    "<style>\n%s%s</style>\n"
	    "</head>\n"
	    "<body>\n"
	    "<main class=\"plan\">\n"
	    "%s"
	    "</main>\n"
	    "</body>\n"
	    "</html>\n", d->l->code, (const char *)t, css, more_css, body);
	xmlFree(t);
	ip_xmemstream_close(f);
	return s;
}

/* Renders the tree that build makes of r as Markdown or a page. */
static char *
render(const struct ip_render *r, bool html,
    cmark_node *(*build_fn)(struct doc *), const char *more_css)
{
	struct doc d = { .r = r, .v = r->v, .l = r->l, .p = r->v->p,
	    .html = html, .lang = html ? r->text_lang : NULL,
	    .budget = MARKUP_BUDGET };
	cmark_node *root = build_fn(&d);
	char *out;

	line_ends(root);
	shown_tree(&d, root);
	if (html) {
		char *body = cmark_render_html(root, CMARK_OPT_DEFAULT);
		out = page(&d, body, more_css);
		free(body);
	} else
		out = render_md(root);
	cmark_node_free(root);
	ip_arena_free(&d.a);
	return out;
}

char *
ip_export_document(const struct ip_render *r, bool html)
{
	if (!ip_plan_draft(r->v->p))
		return render(r, html, build, "");
	/* a draft says so at the top of every printed page: the label is
	 * one of ours, a word with no quote or backslash in it */
	struct ip_arena a = { 0 };
	char *out = render(r, html, build, ip_arena_printf(&a,
	    "@page { @top-center { content: \"%s\";"
	    " font: bold 14pt sans-serif; } }\n", r->l->draft));
	ip_arena_free(&a);
	return out;
}

char *
ip_export_consent_form(const struct ip_render *r, bool html)
{
	return render(r, html, build_form, form_css);
}
