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
#include <cmark.h>
#include <libxml/xmlstring.h>
#include <libxml/entities.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export.h"

struct doc {
	const struct ip_view *v;
	const struct ip_labels *l;
	const struct ip_plan *p;
	const char *title;
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
 * Replaces, in place, each character of s that could make a line of the
 * document read as something else by U+FFFD, which is as long in UTF-8:
 * the bidirectional embeddings, overrides and isolates (U+202A to U+202E,
 * U+2066 to U+2069), the line and paragraph separators U+2028 and U+2029,
 * and the noncharacters U+FDD0 and U+FDD1, which render_md() uses as
 * marks of its own.  Returns whether it changed anything.
 */
static bool
neutralise(char *s)
{
	bool changed = false;

	for (; (s = strpbrk(s, "\xe2\xef")) != NULL; s++) {
		if (s[1] == '\0')
			break;
		unsigned char b = (unsigned char)s[1], c = (unsigned char)s[2];
		if ((s[0] == '\xe2' && b == 0x80 && c >= 0xa8 && c <= 0xae)
		    || (s[0] == '\xe2' && b == 0x81 && c >= 0xa6 && c <= 0xa9)
		    || (s[0] == '\xef' && b == 0xb7 && (c == 0x90
		    || c == 0x91))) {
			memcpy(s, "\xef\xbf\xbd", 3);
			s += 2;
			changed = true;
		}
	}
	return changed;
}

/* The same for a string of cmark's node n, read by get and set by set. */
static void
neutralise_node(cmark_node *n, const char *(*get)(cmark_node *),
    int (*set)(cmark_node *, const char *))
{
	const char *s = get(n);

	if (s == NULL || strpbrk(s, "\xe2\xef") == NULL)
		return;
	char *copy = strdup(s);
	if (copy == NULL)
		abort();
	if (neutralise(copy))
		set(n, copy);
	free(copy);
}

/* --- building blocks ----------------------------------------------------- */

static cmark_node *
add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);
	cmark_node_append_child(parent, n);
	return n;
}

static void
literal(cmark_node *parent, const char *s)
{
	cmark_node_set_literal(add(parent, CMARK_NODE_TEXT), s);
}

/*
 * Appends the plain text s to the inline container parent.  Each line has
 * its blanks trimmed, which Markdown ignores anyway and which at the start
 * of a line would make code; tabs become spaces; lines are joined by soft
 * breaks, or by spaces in a heading, which is one line.  Blank lines,
 * which end a paragraph, start a new one after parent when parent is a
 * paragraph in the tree; elsewhere (a heading, strong text) they join as
 * the other lines do.  A text of more lines than the markup budget has
 * left is one line, its line ends spaces.  Returns the container the text
 * ends in, where anything that follows it goes.
 */
static cmark_node *
text(struct doc *d, cmark_node *parent, const char *s)
{
	bool flat = cmark_node_get_type(parent) == CMARK_NODE_HEADING;
	bool split = cmark_node_get_type(parent) == CMARK_NODE_PARAGRAPH
	    && cmark_node_parent(parent) != NULL;
	bool first = true, blank = false;
	size_t lines = 0;

	for (const char *nl = s; (nl = strchr(nl, '\n')) != NULL; nl++)
		lines++;
	if (lines > d->budget) {
		char *line = ip_arena_strndup(&d->a, s, strlen(s));
		for (char *t = line; (t = strpbrk(t, "\t\n")) != NULL;)
			*t = ' ';
		neutralise(line);
		literal(parent, line);
		return parent;
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
				cmark_node_insert_after(parent, p);
				parent = p;
			} else if (!first && flat)
				literal(parent, " ");
			else if (!first)
				add(parent, CMARK_NODE_SOFTBREAK);
			char *line = ip_arena_strndup(&d->a, s + a, b - a);
			for (char *t = line; (t = strchr(t, '\t')) != NULL;)
				*t = ' ';
			neutralise(line);
			literal(parent, line);
			first = false;
		}
		blank = b == a;
		s += n + (s[n] != '\0');
	}
	return parent;
}

static cmark_node *
heading(struct doc *d, cmark_node *parent, int level, const char *s)
{
	cmark_node *h = add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	text(d, h, s);
	return h;
}

static cmark_node *
paragraph(struct doc *d, cmark_node *parent, const char *s)
{
	cmark_node *p = add(parent, CMARK_NODE_PARAGRAPH);
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
	cmark_node *l = add(parent, CMARK_NODE_LIST);
	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	return l;
}

static cmark_node *
item(cmark_node *list)
{
	return add(add(list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
}

/* A list item "**label:** value"; nothing if value is NULL. */
static void
fact(struct doc *d, cmark_node *list, const char *name, const char *value)
{
	if (value == NULL)
		return;
	cmark_node *p = item(list);
	label(d, p, name);
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
 * links with a dangerous scheme emptied, and the characters neutralise()
 * replaces replaced.  The nodes are collected first, since the tree may
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

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *c = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(c);
		if (t == CMARK_NODE_HEADING)
			in_heading = ev == CMARK_EVENT_ENTER;
		if (ev == CMARK_EVENT_ENTER) {
			neutralise_node(c, cmark_node_get_literal,
			    cmark_node_set_literal);
			if (t == CMARK_NODE_CODE_BLOCK)
				neutralise_node(c, cmark_node_get_fence_info,
				    cmark_node_set_fence_info);
			if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
				neutralise_node(c, cmark_node_get_url,
				    cmark_node_set_url);
				neutralise_node(c, cmark_node_get_title,
				    cmark_node_set_title);
			}
		}
		if (ev != CMARK_EVENT_ENTER || (t != CMARK_NODE_HEADING
		    && t != CMARK_NODE_HTML_BLOCK && t != CMARK_NODE_HTML_INLINE
		    && t != CMARK_NODE_IMAGE && t != CMARK_NODE_LINK
		    && !(in_heading && (t == CMARK_NODE_SOFTBREAK
		    || t == CMARK_NODE_LINEBREAK))))
			continue;
		v = ip_grow(v, &cap, n + 1, sizeof(*v));
		v[n++] = c;
	}
	cmark_iter_free(it);

	for (size_t i = 0; i < n; i++) {
		cmark_node *c = v[i], *link, *k;
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_HEADING: {
			int level = base + cmark_node_get_heading_level(c);
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
			char *trim = strndup(s + a, b - a);
			if (trim == NULL)
				abort();
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
 * that neutralise() keeps out of every document: U+FDD0 for '|', U+FDD1
 * for a tilde that starts a line. */
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
	/* the output is valid UTF-8: a lead byte has its two others */
	char *r = md, *w = md, *end = md + strlen(md), *m;
	while ((m = memchr(r, '\xef', (size_t)(end - r))) != NULL) {
		memmove(w, r, (size_t)(m - r));
		w += m - r;
		if (m[1] == '\xb7' && (m[2] == '\x90' || m[2] == '\x91')) {
			*w++ = '\\';
			*w++ = m[2] == '\x90' ? '|' : '~';
		} else {	/* some other character */
			memcpy(w, m, 3);
			w += 3;
		}
		r = m + 3;
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
		cmark_node_prepend_child(p, strong(d, name));
	}
	while ((c = cmark_node_first_child(doc)) != NULL)
		cmark_node_append_child(parent, c);
	cmark_node_free(doc);
}

/* --- the plan's values as text ------------------------------------------- */

static const char *
date(struct doc *d, const struct ip_date *day)
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
	const char *s = date(d, start), *e = date(d, end);
	if (s != NULL && e != NULL)
		return ip_arena_printf(&d->a, "%s – %s", s, e);
	if (s != NULL || e != NULL)
		return ip_arena_printf(&d->a, s ? d->l->from : d->l->until,
		    s ? s : e);
	return NULL;
}

/* How join() shows an entry of a list of texts. */
enum names { AS_WRITTEN, PARTICIPANTS, LAWS };

/* "a, b, c" from the texts of list l, or from the names of the
 * participants or laws they are; NULL if none.  Made in one pass, since
 * a list may be long. */
static const char *
join(struct doc *d, const struct ip_list *l, enum names names)
{
	if (l->n == 0)
		return NULL;
	const char **v = ip_arena_alloc(&d->a, l->n * sizeof(*v));
	size_t len = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *t = IP_AT(*l, struct ip_text, i)->s;
		const struct ip_participant *q = names == PARTICIPANTS
		    ? ip_find_participant(d->p, t) : NULL;
		v[i] = names == LAWS ? ip_labels_law(d->l, t)
		    : q != NULL && q->name.s != NULL ? q->name.s : t;
		len += strlen(v[i]) + 2;
	}
	char *s = ip_arena_alloc(&d->a, len + 1), *p = s;
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(v[i]);
		if (i > 0) {
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
	if (contact && ip_view_shows_contact(d->v, q)) {
		if (q->phone.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->phone.s);
		if (q->email.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->email.s);
	}
	return s;
}

/* An entry's id, or its place in its list when it has none. */
static const char *
id_or_number(struct doc *d, const struct ip_text *id, size_t i)
{
	return id->s ? id->s : ip_arena_printf(&d->a, "%zu", i + 1);
}

static void
none(struct doc *d, cmark_node *parent)
{
	paragraph(d, parent, d->l->none);
}

/* --- the sections, in the order of the document -------------------------- */

static void
glance(struct doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;

	d->title = p->person.name.s ? ip_arena_printf(&d->a, l->title,
	    p->person.name.s) : l->title_nameless;
	heading(d, root, 1, d->title);
	if (d->v->restricted) {
		const char *name = d->v->viewer->name.s
		    ? d->v->viewer->name.s : d->v->viewer->id.s;
		cmark_node *q = add(root, CMARK_NODE_BLOCK_QUOTE);
		cmark_node *par = add(q, CMARK_NODE_PARAGRAPH);
		text(d, add(par, CMARK_NODE_STRONG), ip_arena_printf(&d->a,
		    "%s.", ip_arena_printf(&d->a, l->restricted, name)));
		literal(par, " ");
		text(d, par, ip_arena_printf(&d->a, l->restricted_why, name));
		cmark_node *left = list(q);
		for (size_t i = 0; i < sizeof(l->restricted_left_out)
		    / sizeof(*l->restricted_left_out); i++)
			text(d, item(left), l->restricted_left_out[i]);
		end_list(left);
	}

	cmark_node *facts = list(root);
	fact(d, facts, l->period, range(d, &p->period.start, &p->period.end));
	if (p->coordinator.s != NULL)
		fact(d, facts, l->coordinator, who(d, p->coordinator.s, true));
	struct ip_date next = { .set = true };
	if (ip_next_review(p, &next.day))
		fact(d, facts, l->next_review, date(d, &next));
	if (p->status.set && p->status.v == IP_STATUS_CLOSED)
		fact(d, facts, l->status, p->closed.date.set
		    ? ip_arena_printf(&d->a, "%s %s", l->closed,
		    date(d, &p->closed.date)) : l->closed);
	fact(d, facts, l->plan_id, p->id.s);
	if (!d->v->restricted)
		fact(d, facts, l->legal_basis, join(d, &p->legal_basis, LAWS));
	end_list(facts);
	/* below the title, but demoted as under a section, so that none of
	 * its headings can pass for one of the sections */
	if (p->closed.reason.s != NULL && !d->v->restricted)
		md(d, root, l->reason, p->closed.reason.s, 2);
}

static void
person(struct doc *d, cmark_node *root)
{
	const struct ip_person *ps = &d->p->person;
	const struct ip_labels *l = d->l;
	bool all = !d->v->restricted;

	heading(d, root, 2, l->person);
	cmark_node *facts = list(root);
	fact(d, facts, l->name, ps->name.s);
	if (all) {
		fact(d, facts, l->national_id, ps->national_id.s);
		fact(d, facts, l->birth_date, date(d, &ps->birth_date));
		fact(d, facts, l->phone, ps->contact.phone.s);
		fact(d, facts, l->email, ps->contact.email.s);
		fact(d, facts, l->address, ps->contact.address.s);
	}
	if (ps->interpreter.set)
		fact(d, facts, l->interpreter, ps->interpreter.v
		    ? l->interpreter_yes : l->interpreter_no);
	if (all && ps->care.set && ps->care.v == IP_CARE_COMPULSORY)
		fact(d, facts, l->compulsory, l->yes);
	if (cmark_node_first_child(facts) == NULL && all)
		none(d, root);
	end_list(facts);
	/* whether or not the plan has them: that is not shown either */
	if (!all)
		paragraph(d, root, l->left_out);
}

static void
goals(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->goals);
	if (d->p->goals.n == 0)
		none(d, root);
	for (size_t i = 0; i < d->p->goals.n; i++) {
		const struct ip_goal *g = IP_AT(d->p->goals, struct ip_goal, i);
		heading(d, root, 3, ip_arena_printf(&d->a, l->goal,
		    id_or_number(d, &g->id, i)));
		if (g->text.s != NULL)
			paragraph(d, root, g->text.s);
		cmark_node *subs = list(root);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    IP_AT(g->subgoals, struct ip_subgoal, j);
			cmark_node *p = item(subs);
			if (s->id.s != NULL)
				cmark_node_append_child(p, strong(d, s->id.s));
			if (s->id.s != NULL && s->text.s != NULL)
				literal(p, " ");
			if (s->text.s != NULL)
				p = text(d, p, s->text.s);
			const char *due = date(d, &s->due), *st = s->status.set
			    ? l->goal_status[s->status.v] : NULL;
			if (due == NULL && st == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				add(p, CMARK_NODE_LINEBREAK);
			text(d, p, ip_arena_printf(&d->a, "%s%s%s%s%s%s%s",
			    due ? l->due : "", due ? ": " : "", due ? due : "",
			    due && st ? " · " : "", st ? l->status : "",
			    st ? ": " : "", st ? st : ""));
		}
		end_list(subs);
	}
}

/* A section of plain texts, or the note that it is left out. */
static void
texts(struct doc *d, cmark_node *root, const char *title,
    const struct ip_list *t, bool shown)
{
	heading(d, root, 2, title);
	if (!shown) {
		paragraph(d, root, d->l->left_out);
		return;
	}
	if (t->n == 0)
		none(d, root);
	cmark_node *l = list(root);
	for (size_t i = 0; i < t->n; i++)
		text(d, item(l), IP_AT(*t, struct ip_text, i)->s);
	end_list(l);
}

static void
measures(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->measures);
	if (d->p->measures.n == 0)
		none(d, root);
	for (size_t i = 0; i < d->p->measures.n; i++) {
		const struct ip_measure *m =
		    IP_AT(d->p->measures, struct ip_measure, i);
		const char *h = ip_arena_printf(&d->a, l->measure,
		    id_or_number(d, &m->id, i));
		heading(d, root, 3, m->title.s ? ip_arena_printf(&d->a,
		    "%s: %s", h, m->title.s) : h);
		cmark_node *facts = list(root);
		fact(d, facts, l->extent, m->extent.s);
		if (m->responsible.s != NULL)
			fact(d, facts, l->responsible,
			    who(d, m->responsible.s, false));
		fact(d, facts, l->when, range(d, &m->start, &m->end));
		fact(d, facts, l->serves, join(d, &m->goals, AS_WRITTEN));
		const struct ip_subplan *sp = &m->subplan;
		if (!d->v->restricted && (sp->kind.s || sp->reference.s))
			fact(d, facts, l->subplan, sp->kind.s && sp->reference.s
			    ? ip_arena_printf(&d->a, "%s: %s", sp->kind.s,
			    sp->reference.s) : sp->kind.s ? sp->kind.s
			    : sp->reference.s);
		end_list(facts);
		if (m->how.s != NULL && ip_view_shows_how(d->v, m))
			md(d, root, l->how, m->how.s, 3);
	}
}

static void
implementation(struct doc *d, cmark_node *root)
{
	heading(d, root, 2, d->l->implementation);
	if (d->v->restricted)
		paragraph(d, root, d->l->left_out);
	else if (d->p->implementation.s != NULL)
		md(d, root, NULL, d->p->implementation.s, 2);
	else
		none(d, root);
}

static void
participants(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;

	heading(d, root, 2, l->participants);
	if (p->participants.n == 0)
		none(d, root);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    IP_AT(p->participants, struct ip_participant, i);
		heading(d, root, 3, q->name.s ? q->name.s
		    : id_or_number(d, &q->id, i));
		cmark_node *facts = list(root);
		const char *role = q->role.set ? l->roles[q->role.v] : NULL;
		if (q->id.s != NULL && p->coordinator.s != NULL
		    && strcmp(q->id.s, p->coordinator.s) == 0)
			role = role ? ip_arena_printf(&d->a, "%s, %s", role,
			    l->is_coordinator) : l->is_coordinator;
		fact(d, facts, l->role, role);
		fact(d, facts, l->organization, q->organization.s);
		if (ip_view_shows_contact(d->v, q)) {
			fact(d, facts, l->phone, q->phone.s);
			fact(d, facts, l->email, q->email.s);
		}
		end_list(facts);
		if (q->contribution.s != NULL
		    && ip_view_shows_contribution(d->v, q))
			md(d, root, l->contribution, q->contribution.s, 3);
	}
}

static void
reviews(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_period *pe = &d->p->period;

	heading(d, root, 2, l->reviews);
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
		const struct ip_review *r = IP_AT(pe->reviews, struct ip_review,
		    i);
		cmark_node *p = item(list_);
		const char *when = date(d, r->date.set ? &r->date : &r->done);
		label(d, p, when ? when : "?");
		text(d, p, r->done.set ? ip_arena_printf(&d->a, l->review_done,
		    date(d, &r->done)) : l->review_planned);
		if (r->summary.s != NULL && !d->v->restricted)
			md(d, cmark_node_parent(p), NULL, r->summary.s, 2);
	}
	end_list(list_);
}

static void
consent(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_consent *c = &d->p->consent;
	const struct ip_consent_sharing *s = &c->information_sharing;
	const char *v;

	heading(d, root, 2, l->consent);
	cmark_node *facts = list(root);
	if (c->plan.date.set || c->plan.by.s != NULL) {
		v = l->given;
		if (c->plan.date.set)
			v = ip_arena_printf(&d->a, "%s %s", v,
			    date(d, &c->plan.date));
		if (c->plan.by.s != NULL)
			v = ip_arena_printf(&d->a, "%s %s", v,
			    ip_arena_printf(&d->a, l->by, c->plan.by.s));
	} else if (d->v->restricted)	/* why: maybe compulsory care */
		v = l->left_out;
	else if (d->p->person.care.set
	    && d->p->person.care.v == IP_CARE_COMPULSORY)
		v = l->consent_compulsory;
	else
		v = l->not_recorded;
	fact(d, facts, l->consent_plan, v);
	if (s->date.set || s->participants.n > 0 || s->until.set) {
		v = s->date.set ? ip_arena_printf(&d->a, "%s %s", l->given,
		    date(d, &s->date)) : NULL;
		if (s->until.set)
			v = ip_arena_printf(&d->a, "%s%s%s", v ? v : "",
			    v ? ", " : "", ip_arena_printf(&d->a,
			    l->valid_until, date(d, &s->until)));
		if (v == NULL)
			v = l->given;
	} else
		v = l->not_recorded;
	fact(d, facts, l->consent_sharing, v);
	fact(d, facts, l->consent_with, join(d, &s->participants,
	    PARTICIPANTS));
	end_list(facts);
}

static void
cooperation(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->cooperation);
	if (d->p->cooperation.n == 0)
		none(d, root);
	cmark_node *list_ = list(root);
	for (size_t i = 0; i < d->p->cooperation.n; i++) {
		const struct ip_cooperation *c =
		    IP_AT(d->p->cooperation, struct ip_cooperation, i);
		cmark_node *p = item(list_);
		if (c->with.s != NULL)
			text(d, add(p, CMARK_NODE_STRONG), c->with.s);
		const char *parts[][2] = { { l->about, c->about.s },
			{ l->contact, c->contact.s } };
		for (size_t k = 0; k < 2; k++) {
			if (parts[k][1] == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				add(p, CMARK_NODE_LINEBREAK);
			p = text(d, p, ip_arena_printf(&d->a, "%s: %s",
			    parts[k][0], parts[k][1]));
		}
	}
	end_list(list_);
}

static cmark_node *
build(struct doc *d)
{
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);

	glance(d, root);
	person(d, root);
	goals(d, root);
	texts(d, root, d->l->resources, &d->p->resources, true);
	texts(d, root, d->l->needs, &d->p->needs, !d->v->restricted);
	measures(d, root);
	implementation(d, root);
	participants(d, root);
	reviews(d, root);
	consent(d, root);
	cooperation(d, root);
	if (d->v->has_generated) {
		char buf[IP_LONG_DATE];
		cmark_node *p = add(root, CMARK_NODE_PARAGRAPH);
		text(d, add(p, CMARK_NODE_EMPH), ip_arena_printf(&d->a,
		    d->l->generated, ip_labels_date(d->l, d->v->generated,
		    buf)));
	}
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
	"@page { margin: 2cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; max-width: none; margin: 0;"
	" padding: 0; }\n"
	"  h1, h2, h3, h4, h5, h6 { break-after: avoid;"
	" page-break-after: avoid; }\n"
	"  li, blockquote, pre { break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	"  blockquote, pre { background: none; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"}\n";

static char *
page(struct doc *d, const char *body)
{
	/* the title is one line, as in the heading */
	char *title = ip_arena_strndup(&d->a, d->title, strlen(d->title));
	for (char *c = title; (c = strpbrk(c, "\t\n")) != NULL;)
		*c = ' ';
	neutralise(title);
	xmlChar *t = xmlEncodeSpecialChars(NULL, (const xmlChar *)title);
	char *s = NULL;
	size_t len;
	FILE *f = open_memstream(&s, &len);

	if (f == NULL || t == NULL) {
		if (f != NULL)
			fclose(f);
		xmlFree(t);
		free(s);
		return NULL;
	}
	fprintf(f, "<!DOCTYPE html>\n"
	    "<html lang=\"%s\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<title>%s</title>\n"
	    "<style>\n%s</style>\n"
	    "</head>\n"
	    "<body>\n"
	    "<div class=\"plan\">\n"
	    "%s"
	    "</div>\n"
	    "</body>\n"
	    "</html>\n", d->l->code, (const char *)t, css, body);
	xmlFree(t);
	if (fclose(f) != 0) {
		free(s);
		return NULL;
	}
	return s;
}

char *
ip_export_document(const struct ip_view *v, bool html)
{
	struct doc d = { .v = v, .l = v->l, .p = v->p,
		.budget = MARKUP_BUDGET };
	cmark_node *root = build(&d);
	char *out;

	line_ends(root);
	if (html) {
		char *body = cmark_render_html(root, CMARK_OPT_DEFAULT);
		out = page(&d, body);
		free(body);
	} else
		out = render_md(root);
	cmark_node_free(root);
	ip_arena_free(&d.a);
	return out;
}
