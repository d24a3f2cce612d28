/*
 * fuzz-safe-md.c - libFuzzer target: the safe-CommonMark layer on its
 * own (lib/safe_md.h), on any bytes.  The last byte picks the level of
 * the heading the text sits below (1 to 5), whether the view is
 * restricted (national ids masked) and whether the markup budget is
 * whole or nearly spent; the rest, to its first NUL, is the text: put in
 * as free text, and as plain text in a heading and (unless it is blank)
 * in a paragraph before it.  Whatever the text:
 * - the free text's tree holds no raw HTML, no image, no link of a
 *   dangerous scheme, no heading at or above the level it sits below
 *   and no line break in a heading;
 * - the Markdown, read back by cmark, makes the very HTML the tree
 *   makes: nothing in the text changed the document's structure;
 * - both hold only well-formed UTF-8 and none of the characters
 *   ip_shown_text() replaces;
 * - the HTML has only the elements cmark makes of CommonMark: none that
 *   runs or loads anything, no comment.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "arena.h"
#include "diag.h"
#include "safe_md.h"
#include "utf8.h"
#include "view.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The view of one participant outside any consent: restricted. */
static const struct ip_view *
restricted_view(void)
{
	static const char plan[] = "format: iplan/1\n"
	    "participants:\n  - id: a\n    name: A\n";
	static struct ip_view v;
	static struct ip_plan *p;
	struct ip_diags *d;
	int32_t today;

	if (p != NULL)
		return &v;
	if (ip_date_parse("2026-11-24", &today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL
	    || ip_plan_load_buf(plan, sizeof(plan) - 1, d, &p) != 0
	    || ip_view_make(&v, p, "a", today) != 0 || !v.restricted)
		abort();
	ip_diags_free(d);
	return &v;
}

/* The scheme of url, up to its colon, is one a link must not have: a
 * page that follows it would run or open something. */
static bool
dangerous(const char *url)
{
	static const char *const bad[] = { "javascript", "vbscript", "file",
		"data" };
	size_t n = strcspn(url, ":/?#");

	for (size_t i = 0; url[n] == ':' && i < sizeof(bad) / sizeof(*bad);
	    i++)
		if (strlen(bad[i]) == n && strncasecmp(url, bad[i], n) == 0)
			return true;
	return false;
}

/* The free text's tree below a heading of level base. */
static void
check_tree(cmark_node *root, int base)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int heading = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		if (t == CMARK_NODE_HEADING)
			heading += ev == CMARK_EVENT_ENTER ? 1 : -1;
		if (ev == CMARK_EVENT_EXIT)
			continue;
		if (t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE
		    || t == CMARK_NODE_IMAGE
		    || t == CMARK_NODE_CUSTOM_BLOCK
		    || t == CMARK_NODE_CUSTOM_INLINE
		    || (t == CMARK_NODE_LINK
		    && dangerous(cmark_node_get_url(n)))
		    || (t == CMARK_NODE_HEADING
		    && cmark_node_get_heading_level(n) <= base)
		    || (heading > 0 && (t == CMARK_NODE_SOFTBREAK
		    || t == CMARK_NODE_LINEBREAK)))
			abort();
	}
	cmark_iter_free(it);
}

/* What a document shows: well-formed UTF-8, none of the characters
 * ip_shown_text() replaces. */
static void
check_shown(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = ip_utf8_decode(u + i, len - i, &c);
		if (n == 0 || (ip_is_control(c) && c != '\t' && c != '\n')
		    || (c >= 0x202a && c <= 0x202e)
		    || (c >= 0x2066 && c <= 0x2069) || c == 0x2028
		    || c == 0x2029 || c == 0xfdd0 || c == 0xfdd1)
			abort();
		i += n;
	}
}

/* The elements of the HTML are those cmark makes of CommonMark. */
static void
check_elements(const char *html)
{
	static const char *const ok[] = { "p", "h1", "h2", "h3", "h4", "h5",
		"h6", "ul", "ol", "li", "blockquote", "pre", "code", "em",
		"strong", "a", "hr", "br" };

	for (const char *s = html; (s = strchr(s, '<')) != NULL;) {
		s += 1 + (s[1] == '/');
		size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789");
		size_t i = 0;
		while (i < sizeof(ok) / sizeof(*ok)
		    && !(strlen(ok[i]) == n && strncmp(ok[i], s, n) == 0))
			i++;
		if (i == sizeof(ok) / sizeof(*ok))
			abort();
		if (n == 1 && *s == 'a' && strncmp(s + 1, " href=\"", 7) == 0
		    && dangerous(s + 8))
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	/* bits 0-2 the level below, 3 restricted, 4 the budget nearly
	 * spent */
	unsigned pick = data[--size];
	int base = 1 + (int)(pick & 7) % 5;
	char *s = ip_xmalloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';

	static const struct ip_view whole;
	struct ip_arena a = { 0 };
	struct ip_md m;
	ip_md_init(&m, pick & 8 ? restricted_view() : &whole, "***", &a);
	if (pick & 16)
		m.budget = 40;

	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	cmark_node *h = ip_md_add(root, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, base);
	ip_md_text(&m, h, s);
	/* a paragraph of blanks alone is <p></p> in HTML, nothing in
	 * Markdown: none of the documents' text makes one */
	if (s[strspn(s, " \t\n")] != '\0')
		ip_md_text(&m, ip_md_add(root, CMARK_NODE_PARAGRAPH), s);
	cmark_node *doc = ip_md_free_text(&m, s, base), *c;
	check_tree(doc, base);
	while ((c = cmark_node_first_child(doc)) != NULL)
		cmark_node_append_child(root, c);
	cmark_node_free(doc);

	char *md = ip_md_render(&m, root, false);
	char *html = ip_md_render(&m, root, true);
	cmark_node *back = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_VALIDATE_UTF8);
	char *again = cmark_render_html(back, CMARK_OPT_DEFAULT);
	if (strcmp(html, again) != 0)
		abort();
	check_shown(md);
	check_shown(html);
	check_elements(html);

	free(again);
	cmark_node_free(back);
	free(html);
	free(md);
	cmark_node_free(root);
	ip_arena_free(&a);
	free(s);
	return 0;
}
