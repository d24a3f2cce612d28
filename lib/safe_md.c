/*
 * safe_md.c - the safe-CommonMark layer: what text from a plan may become
 * in a document, as Markdown or as HTML.
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
 * cmark's safe mode.  Every string of the tree, whatever made it, is
 * shown as ip_shown_text() shows it.
 *
 * The tree is bounded by the size of the plan: each free text is parsed
 * once, and only while the document's markup budget lasts (see
 * ip-export(1)); past it, text is shown as plain text, and a text of more
 * lines than the budget has left as one line.  So an export takes time
 * and memory linear in the plan, whatever its content.
 */
#include "safe_md.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "utf8.h"
#include "view.h"

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

void
ip_md_init(struct ip_md *m, const struct ip_view *v, const char *mask,
    struct ip_arena *a)
{
	*m = (struct ip_md){ .v = v, .mask = mask, .a = a,
	    .budget = MARKUP_BUDGET };
}

/* --- characters a document does not show --------------------------------- */

/*
 * Whether a document shows the character c as U+FFFD: the controls a
 * terminal obeys (C0 but tab and line feed, DEL, C1), which a character
 * reference in free text ("&#27;", "&#155;") makes though no plan can
 * hold them, and which would reach a terminal through Markdown read in
 * git log -p; the bidirectional embeddings, overrides and isolates
 * (U+202A to U+202E, U+2066 to U+2069) and the line and paragraph
 * separators U+2028 and U+2029, which could make a line read as
 * something else; and the noncharacters, which no plan holds (the loader
 * refuses them), HTML does not allow, render_md() uses two of as marks
 * of its own (U+FDD0, U+FDD1), and cmark's CommonMark renderer writes
 * two of as bytes of no character (U+FFFE, U+FFFF, as 0xFE and 0xFF).
 */
static bool
replaced(uint32_t c)
{
	return (ip_is_control(c) && c != '\t' && c != '\n')
	    || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
	    || c == 0x2028 || c == 0x2029 || ip_is_noncharacter(c);
}

const char *
ip_shown_text(const struct ip_view *v, const char *mask, struct ip_arena *a,
    const char *s)
{
	static const char fffd[] = "\xef\xbf\xbd";
	const unsigned char *u;
	size_t len, n = 0, k;
	char *out = NULL;

	s = ip_view_masked(v, a, s, mask);
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
shown_node(struct ip_md *m, cmark_node *n, const char *(*get)(cmark_node *),
    int (*set)(cmark_node *, const char *))
{
	const char *s = get(n), *t;

	if (s != NULL && (t = ip_shown_text(m->v, m->mask, m->a, s)) != s)
		set(n, t);
}

void
ip_md_shown_tree(struct ip_md *m, cmark_node *root)
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
			shown_node(m, c, cmark_node_get_literal,
			    cmark_node_set_literal);
		if (t == CMARK_NODE_CODE_BLOCK)
			shown_node(m, c, cmark_node_get_fence_info,
			    cmark_node_set_fence_info);
		if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) {
			shown_node(m, c, cmark_node_get_url,
			    cmark_node_set_url);
			shown_node(m, c, cmark_node_get_title,
			    cmark_node_set_title);
		}
	}
	cmark_iter_free(it);
}

/* --- nodes --------------------------------------------------------------- */

cmark_node *
ip_md_add(cmark_node *parent, cmark_node_type type)
{
	cmark_node *n = cmark_node_new(type);
	cmark_node_append_child(parent, n);
	return n;
}

void
ip_md_literal(cmark_node *parent, const char *s)
{
	cmark_node_set_literal(ip_md_add(parent, CMARK_NODE_TEXT), s);
}

cmark_node *
ip_md_wrap(cmark_node *parent, cmark_node_type type,
    const char *on_enter, const char *on_exit)
{
	cmark_node *w = parent ? ip_md_add(parent, type) : cmark_node_new(type);
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
 * markup budget has left is one line, its line ends spaces.
 */
cmark_node *
ip_md_text(struct ip_md *m, cmark_node *parent, const char *s)
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
	if (lines > m->budget) {
		char *line = ip_arena_strndup(m->a, s, strlen(s));
		for (char *t = line; (t = strpbrk(t, "\t\n")) != NULL;)
			*t = ' ';
		ip_md_literal(parent, line);
		return box;
	}
	m->budget -= lines;
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
					span = parent = ip_md_wrap(p,
					    CMARK_NODE_CUSTOM_INLINE,
					    cmark_node_get_on_enter(span),
					    cmark_node_get_on_exit(span));
				}
			} else if (!first && flat)
				ip_md_literal(parent, " ");
			else if (!first)
				ip_md_add(parent, CMARK_NODE_SOFTBREAK);
			char *line = ip_arena_strndup(m->a, s + a, b - a);
			for (char *t = line; (t = strchr(t, '\t')) != NULL;)
				*t = ' ';
			ip_md_literal(parent, line);
			first = false;
		}
		blank = b == a;
		s += n + (s[n] != '\0');
	}
	return box;
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
replace_by_text(struct ip_md *m, cmark_node *n, const char *s)
{
	cmark_node *tmp = cmark_node_new(CMARK_NODE_PARAGRAPH), *c;
	ip_md_text(m, tmp, s);
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
sanitize(struct ip_md *m, cmark_node *root, int base)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_node **v = NULL;
	size_t n = 0, cap = 0;
	cmark_event_type ev;
	bool in_heading = false;
	unsigned levels = 0;		/* bit k: a heading of level k */

	ip_md_shown_tree(m, root);
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
			ip_md_text(m, p, cmark_node_get_literal(c));
			cmark_node_free(c);
			break;
		}
		case CMARK_NODE_HTML_INLINE:
			replace_by_text(m, c, cmark_node_get_literal(c));
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

/* Whether inline node n starts a line (at_end false) or ends one: the
 * node before it (after it) is a line break, or there is none in its
 * paragraph or heading. */
static bool
line_edge(cmark_node *n, bool at_end)
{
	cmark_node *k = at_end ? cmark_node_next(n) : cmark_node_previous(n);
	cmark_node_type t = cmark_node_get_type(k ? k : cmark_node_parent(n));
	return k ? t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK
	    : t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING;
}

/*
 * Blanks at the start and at the end of a line mean nothing in
 * CommonMark, and cmark's renderer writes them as they are, where they
 * would make code or a hard line break.  Plain text has none
 * (ip_md_text() trims its lines); free text can have them, from entities
 * such as &#32;.  So they go, with any text node they leave empty, and so
 * may a paragraph.
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
		if (line_edge(t, false))
			a = strspn(s, " \t");
		while (b > a && line_edge(t, true) && (s[b - 1] == ' '
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
		bool tilde = mark && s[0] == '~' && line_edge(t, false);
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
parse(struct ip_md *m, const char *s, int base)
{
	cmark_node *doc = cmark_parse_document(s, strlen(s),
	    CMARK_OPT_VALIDATE_UTF8);
	sanitize(m, doc, base);
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


cmark_node *
ip_md_free_text(struct ip_md *m, const char *s, int base)
{
	cmark_node *doc = NULL;
	size_t cost = markup(s) + PARSE_COST;

	if (cost <= m->budget && (doc = parse(m, s, base)) != NULL)
		m->budget -= cost;
	if (doc == NULL) {
		doc = cmark_node_new(CMARK_NODE_DOCUMENT);
		ip_md_text(m, ip_md_add(doc, CMARK_NODE_PARAGRAPH), s);
	}
	return doc;
}

char *
ip_md_render(struct ip_md *m, cmark_node *root, bool html)
{
	line_ends(root);
	ip_md_shown_tree(m, root);
	return html ? cmark_render_html(root, CMARK_OPT_DEFAULT)
	    : render_md(root);
}
