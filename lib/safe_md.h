/*
 * safe_md.h - the safe-CommonMark layer: what text from a plan may
 * become in a document (Markdown, and HTML rendered from the same tree).
 *
 * This is the documents' security boundary.  Plain text from a plan
 * enters a cmark tree only by ip_md_text(), as text nodes; free text
 * (CommonMark) only by ip_md_free_text(), parsed and made safe; and the
 * tree leaves only by ip_md_render(), which shows every string as
 * ip_shown_text() does.  Nodes the caller makes of its own words
 * (headings, labels, ip_md_wrap()'s markup) are its own affair.
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_SAFE_MD_H
#define IPLAN_SAFE_MD_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

struct ip_arena;
struct ip_view;

/* What a document's text passes through, for one document. */
struct ip_md {
	const struct ip_view *v;	/* whose national ids are masked */
	const char *mask;		/* what shows in place of one */
	struct ip_arena *a;		/* strings while the tree is built */
	size_t budget;			/* markup left: see safe_md.c */
};

/* Sets m up for a document in the view v, national ids it masks shown
 * as mask, strings in a, with the whole markup budget. */
void ip_md_init(struct ip_md *m, const struct ip_view *v, const char *mask,
    struct ip_arena *a);

/* s as a document (Markdown, HTML, its timeline) shows it, whatever it
 * came from (a value of the plan, a character reference in free text):
 * in a restricted view v each national id written in it replaced by
 * mask (ip_view_masked()); every control a terminal obeys but tab and
 * line feed, every bidirectional control, U+2028, U+2029, U+FDD0 and
 * U+FDD1 replaced by U+FFFD.  s itself if it has none, else a copy in
 * a. */
const char *ip_shown_text(const struct ip_view *v, const char *mask,
    struct ip_arena *a, const char *s);

/* A new node of type, the last child of parent. */
cmark_node *ip_md_add(cmark_node *parent, cmark_node_type type);
/* A text node of s, the last child of parent: for the caller's own
 * words, which are not split into lines (ip_md_text() is). */
void ip_md_literal(cmark_node *parent, const char *s);
/* A custom node of type that renders as the HTML on_enter, its
 * children, on_exit; the last child of parent, unless parent is NULL. */
cmark_node *ip_md_wrap(cmark_node *parent, cmark_node_type type,
    const char *on_enter, const char *on_exit);

/* Appends the plain text s to the inline container parent, as text that
 * nothing in it can turn into markup: see safe_md.c.  Returns the
 * container the text ends in (a blank line in s may have begun a new
 * paragraph), where anything that follows it goes. */
cmark_node *ip_md_text(struct ip_md *m, cmark_node *parent, const char *s);

/* The CommonMark text s as a document node of blocks to graft below a
 * heading of level base: parsed and made safe while the markup budget
 * lasts, else, or if cmark would not write it back the same, the text
 * as written, in paragraphs.  The caller frees the node. */
cmark_node *ip_md_free_text(struct ip_md *m, const char *s, int base);

/* Every string of the tree below root as ip_shown_text() shows it. */
void ip_md_shown_tree(struct ip_md *m, cmark_node *root);

/* The tree root as Markdown (html false) or as HTML in cmark's safe
 * mode, every string shown as ip_shown_text() shows it; blanks that
 * would make code or a line break at a line's start or end removed
 * from root on the way.  Returns a malloc'd string. */
char *ip_md_render(struct ip_md *m, cmark_node *root, bool html);

#endif
