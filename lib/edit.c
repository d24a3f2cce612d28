/*
 * edit.c - editing a plan in its own text.
 *
 * An edit changes the YAML tree at once, into the tree the caller
 * intends, and records where in the text it goes: a replacement of the
 * bytes [from, to) of the text as read, rendered only when the doc is
 * finished, from the tree as the edits have left it.  A value replaced
 * is replaced from the colon of its key to the end of its own text, and
 * the comments in that text follow the new value, each on a line of its
 * own; a key is added, and an item put, at the end of the line where the
 * one before it ends (after a comment there), on a line of its own at
 * the column of its neighbours; an item removed takes its lines with it,
 * and the comment lines indented under it.
 * An edit inside a flow collection ({...}, [...]) rewrites the outermost
 * one in block style instead.  Nothing else of the text changes.
 *
 * libyaml's marks count characters (a CR and an LF each one); the doc
 * turns those of every node into byte offsets in the text when it is
 * read.  A node made by an edit (fresh) has no text: its start and end
 * are where it goes.
 */

#include "edit.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "load.h"
#include "utf8.h"

enum ctx {
	C_KEY,		/* after "key:" */
	C_DASH,		/* after "-" */
	C_ROOT		/* the whole document */
};

enum kind {
	E_VALUE,	/* [from, to) becomes what follows a key, or a dash */
	E_KEYVAL,	/* inserts a key and its value at from */
	E_ITEM,		/* inserts an item of a list at from */
	E_CUT		/* removes [from, to) */
};

struct edit {
	size_t from, to;	/* in the text as read */
	size_t seq;		/* the order made */
	enum kind kind;
	enum ctx ctx;
	size_t col;		/* of the key, or of the dash */
	struct ip_ynode *node;	/* E_VALUE: the value; E_KEYVAL: the key;
				   E_ITEM: the item */
	struct ip_ynode *parent;	/* E_KEYVAL, E_ITEM: its place */
	size_t tail;		/* E_VALUE: where the text after the value
				   on its line starts (to: none) */
	size_t nfrom, nto;	/* in the text made */
};

struct ip_doc {
	char *buf;		/* the text as read */
	size_t len;
	struct ip_plan *plan;	/* as read; its arena holds the tree */
	struct ip_ynode *root;
	struct ip_arena arena;	/* the nodes the edits make */
	const char *nl;		/* "\n", or "\r\n" if the text has those */
	size_t step;		/* how far a mapping in a mapping is in */
	size_t seq_off;		/* how far a list's dashes are from its key */
	struct edit *e;
	size_t ne, cap;
	struct span {
		size_t from, to;
	} *cmt;			/* the comments of the text, in order */
	size_t ncmt, cmt_cap;
	bool indexed;		/* cmt made */
	bool no_literal;	/* the edit rendered writes no literal block */
	char *out;		/* the text made */
	size_t out_len;
	struct ip_plan *result;
	struct ip_ynode *result_root;
};

/* --- reading ------------------------------------------------------------- */

static void
offsets(struct ip_ynode *n, struct ip_utf8_cursor *c, uint32_t skip)
{
	for (; n != NULL; n = n->next) {
		n->start = (uint32_t)ip_utf8_byte(c, n->start) + skip;
		offsets(n->first, c, skip);
		n->end = (uint32_t)ip_utf8_byte(c, n->end) + skip;
	}
}

static void
offsets_plus(struct ip_ynode *n, uint32_t skip)
{
	for (; n != NULL; n = n->next) {
		n->start += skip;
		n->end += skip;
		offsets_plus(n->first, skip);
	}
}

static size_t content_end(const struct ip_doc *doc,
    const struct ip_ynode *n);

/* The value of an explicit key without a colon ("? key" alone) is an
 * empty scalar that libyaml puts where the next token starts, lines
 * below perhaps, past comments, in a mapping further out: it is put at
 * the end of its key, where it is.  (After a colon it is right: there.) */
static void
place_bare_values(const struct ip_doc *doc, struct ip_ynode *n)
{
	for (; n != NULL; n = n->next) {
		for (struct ip_ynode *k = n->kind == IP_Y_MAP ? n->first : NULL;
		    k != NULL; k = k->next->next) {
			struct ip_ynode *v = k->next;
			if (v->kind == IP_Y_SCALAR && v->len == 0 && v->plain
			    && (v->start == 0 || doc->buf[v->start - 1] != ':'))
				v->start = v->end = (uint32_t)content_end(doc,
				    k);
		}
		place_bare_values(doc, n->first);
	}
}

/* The bytes of the line break that starts at pos, 0 if none: LF, CR or
 * CR LF.  (NEL, LS and PS, line breaks to YAML 1.1 and not to 1.2, a
 * plan that loads does not hold.) */
static size_t
brk(const struct ip_doc *doc, size_t pos)
{
	if (pos >= doc->len)
		return 0;
	if (doc->buf[pos] == '\n')
		return 1;
	if (doc->buf[pos] == '\r')
		return pos + 1 < doc->len && doc->buf[pos + 1] == '\n' ? 2 : 1;
	return 0;
}

/* The bytes of the line break that ends just before pos, 0 if none. */
static size_t
brk_before(const struct ip_doc *doc, size_t pos)
{
	for (size_t b = 2; b > 0; b--)
		if (pos >= b && brk(doc, pos - b) == b)
			return b;
	return 0;
}

/* The start of the line pos is on: past a byte order mark on the
 * first. */
static size_t
line_start(const struct ip_doc *doc, size_t pos)
{
	size_t bom = doc->len >= 3 && memcmp(doc->buf, "\xef\xbb\xbf", 3)
	    == 0 ? 3 : 0;
	while (pos > bom && brk_before(doc, pos) == 0)
		pos--;
	return pos;
}

/* Where the indentation of the line pos is on begins: past a byte order
 * mark that begins a line other than the first, which libyaml skips. */
static size_t
indent_start(const struct ip_doc *doc, size_t pos)
{
	size_t l = line_start(doc, pos);
	if (pos - l >= 3 && memcmp(doc->buf + l, "\xef\xbb\xbf", 3) == 0)
		return l + 3;
	return l;
}

/* The column of pos, as libyaml counts it: such a byte order mark is
 * one. */
static size_t
col(const struct ip_doc *doc, size_t pos)
{
	size_t l = line_start(doc, pos), i = indent_start(doc, pos);
	return pos - i + (i > l);
}

static bool
is_flow(const struct ip_doc *doc, const struct ip_ynode *n)
{
	return !n->fresh && n->kind != IP_Y_SCALAR
	    && (doc->buf[n->start] == '[' || doc->buf[n->start] == '{');
}

/* The neighbours' indentation: of the first mapping in a mapping, and of
 * the first list in a mapping, in block style. */
static void
indentation(struct ip_doc *doc, const struct ip_ynode *map, bool *step,
    bool *off)
{
	if (map->kind == IP_Y_SEQ) {
		for (const struct ip_ynode *i = map->first; i; i = i->next)
			if (i->kind != IP_Y_SCALAR)
				indentation(doc, i, step, off);
		return;
	}
	if (map->kind != IP_Y_MAP || is_flow(doc, map))
		return;
	for (const struct ip_ynode *k = map->first; k && !(*step && *off);
	    k = k->next->next) {
		const struct ip_ynode *v = k->next;
		if (v->kind == IP_Y_SCALAR || is_flow(doc, v))
			continue;
		size_t kc = col(doc, k->start), vc = col(doc, v->start);
		if (v->kind == IP_Y_MAP && !*step && vc > kc) {
			doc->step = vc - kc;
			*step = true;
		}
		if (v->kind == IP_Y_SEQ && !*off && vc >= kc) {
			doc->seq_off = vc - kc;
			*off = true;
		}
		indentation(doc, v, step, off);
	}
}

static int
doc_load(struct ip_doc *doc, struct ip_diags *d)
{
	int rc = ip_plan_load_tree(doc->buf, doc->len, d, &doc->plan,
	    &doc->root);
	if (rc < 0)
		return -1;
	uint32_t skip = doc->len >= 3 && memcmp(doc->buf, "\xef\xbb\xbf", 3)
	    == 0 ? 3 : 0;
	bool ascii = true;
	for (size_t i = 0; i < doc->len && ascii; i++)
		ascii = (unsigned char)doc->buf[i] < 0x80;
	if (ascii) {
		offsets_plus(doc->root, skip);
	} else {
		struct ip_utf8_cursor c = {
			(const unsigned char *)doc->buf + skip,
			doc->len - skip, 0, 0, 0, 0 };
		offsets(doc->root, &c, skip);
	}
	place_bare_values(doc, doc->root);
	const char *lf = memchr(doc->buf, '\n', doc->len);
	doc->nl = lf != NULL && lf > doc->buf && lf[-1] == '\r' ? "\r\n"
	    : "\n";
	doc->step = doc->seq_off = 2;
	bool step = false, off = false;
	indentation(doc, doc->root, &step, &off);
	return rc;
}

int
ip_doc_open_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_doc **out)
{
	struct ip_doc *doc = ip_xcalloc(1, sizeof(*doc));
	doc->buf = ip_xmalloc(len + 1);
	memcpy(doc->buf, buf, len);
	doc->buf[len] = '\0';
	doc->len = len;
	int rc = doc_load(doc, d);
	if (rc < 0) {
		ip_doc_free(doc);
		doc = NULL;
	}
	*out = doc;
	return rc;
}

int
ip_doc_open(const char *path, struct ip_diags *d, struct ip_doc **out)
{
	char *buf;
	size_t len;

	*out = NULL;
	if (ip_read_file(path, &buf, &len, d) != 0)
		return -1;
	int rc = ip_doc_open_buf(buf, len, d, out);
	free(buf);
	return rc;
}

void
ip_doc_free(struct ip_doc *doc)
{
	if (doc == NULL)
		return;
	free(doc->buf);
	free(doc->out);
	free(doc->e);
	free(doc->cmt);
	ip_plan_free(doc->plan);
	ip_plan_free(doc->result);
	ip_arena_free(&doc->arena);
	free(doc);
}

const struct ip_plan *
ip_doc_plan(const struct ip_doc *doc)
{
	return doc->plan;
}

const struct ip_plan *
ip_doc_result(const struct ip_doc *doc)
{
	return doc->result;
}

const char *
ip_doc_text(const struct ip_doc *doc, size_t *len)
{
	*len = doc->len;
	return doc->buf;
}

const char *
ip_doc_result_text(const struct ip_doc *doc, size_t *len)
{
	*len = doc->out_len;
	return doc->out;
}

const struct ip_ynode *
ip_doc_result_tree(const struct ip_doc *doc)
{
	return doc->result_root;
}

/* --- the tree ------------------------------------------------------------ */

struct ip_ynode *
ip_doc_root(const struct ip_doc *doc)
{
	return doc->root;
}

static bool
scalar_is(const struct ip_ynode *n, const char *s)
{
	return n->kind == IP_Y_SCALAR && strlen(s) == n->len
	    && memcmp(n->s, s, n->len) == 0;
}

/* The key node of key in map, or NULL. */
static struct ip_ynode *
key_of(const struct ip_ynode *map, const char *key)
{
	if (map == NULL || map->kind != IP_Y_MAP)
		return NULL;
	for (struct ip_ynode *k = map->first; k; k = k->next->next)
		if (scalar_is(k, key))
			return k;
	return NULL;
}

struct ip_ynode *
ip_ynode_get(const struct ip_ynode *map, const char *key)
{
	struct ip_ynode *k = key_of(map, key);
	return k ? k->next : NULL;
}

struct ip_ynode *
ip_ynode_find(const struct ip_ynode *seq, const char *key, const char *value)
{
	if (seq == NULL || seq->kind != IP_Y_SEQ)
		return NULL;
	for (struct ip_ynode *i = seq->first; i; i = i->next) {
		const struct ip_ynode *v = ip_ynode_get(i, key);
		if (v != NULL && scalar_is(v, value))
			return i;
	}
	return NULL;
}

size_t
ip_ynode_count(const struct ip_ynode *n)
{
	if (n == NULL || n->kind == IP_Y_SCALAR)
		return 0;
	return n->kind == IP_Y_MAP ? n->n / 2 : n->n;
}

struct ip_ynode *
ip_ynode_item(const struct ip_ynode *n, size_t i)
{
	if (i >= ip_ynode_count(n))
		return NULL;
	struct ip_ynode *c = n->first;
	for (size_t j = 0; j < (n->kind == IP_Y_MAP ? 2 * i : i); j++)
		c = c->next;
	return c;
}

const char *
ip_ynode_scalar(const struct ip_ynode *n)
{
	return n != NULL && n->kind == IP_Y_SCALAR ? n->s : NULL;
}

bool
ip_ynode_is_map(const struct ip_ynode *n)
{
	return n != NULL && n->kind == IP_Y_MAP;
}

bool
ip_ynode_is_seq(const struct ip_ynode *n)
{
	return n != NULL && n->kind == IP_Y_SEQ;
}

bool
ip_ynode_is_null(const struct ip_ynode *n)
{
	return n != NULL && ip_scalar_is_null(n);
}

bool
ip_ynode_equal(const struct ip_ynode *a, const struct ip_ynode *b)
{
	if (a->kind != b->kind || a->n != b->n)
		return false;
	if (a->kind == IP_Y_SCALAR)
		return a->plain == b->plain && a->len == b->len
		    && memcmp(a->s, b->s, a->len) == 0;
	for (a = a->first, b = b->first; a && b; a = a->next, b = b->next)
		if (!ip_ynode_equal(a, b))
			return false;
	return a == NULL && b == NULL;
}

/* --- new values ---------------------------------------------------------- */

static struct ip_ynode *
fresh(struct ip_doc *doc, enum ip_ykind kind)
{
	struct ip_ynode *n = ip_arena_alloc(&doc->arena, sizeof(*n));
	n->kind = kind;
	n->fresh = true;
	return n;
}

static struct ip_ynode *
fresh_scalar(struct ip_doc *doc, const char *s, bool plain)
{
	struct ip_ynode *n = fresh(doc, IP_Y_SCALAR);
	n->len = strlen(s);
	n->s = ip_arena_strndup(&doc->arena, s, n->len);
	n->plain = plain;
	return n;
}

/* Whether s, written plain, reads back as the same text: not empty, no
 * indicator first, nothing that ends a plain value or makes it a
 * number, a date, a boolean or null, and nothing but printable
 * characters on one line (no NEL, LS or PS either). */
static bool
plain_ok(const char *s)
{
	static const char *const special[] = { "null", "true", "false",
		"yes", "no", "on", "off", "y", "n", NULL };
	size_t len = strlen(s);

	if (len == 0 || strchr("-?:,[]{}#&*!|>'\"%@`+.~ ", s[0]) != NULL
	    || (s[0] >= '0' && s[0] <= '9') || s[len - 1] == ' '
	    || s[len - 1] == ':' || strstr(s, ": ") || strstr(s, " #")
	    || strpbrk(s, ",[]{}") || strstr(s, "\xc2\x85")
	    || strstr(s, "\xe2\x80\xa8") || strstr(s, "\xe2\x80\xa9")
	    || strstr(s, "\xef\xbb\xbf"))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return false;
	for (size_t i = 0; special[i]; i++)
		if (strcasecmp(s, special[i]) == 0)
			return false;
	return true;
}

struct ip_ynode *
ip_doc_new_text(struct ip_doc *doc, const char *s)
{
	return fresh_scalar(doc, s, plain_ok(s));
}

struct ip_ynode *
ip_doc_new_word(struct ip_doc *doc, const char *s)
{
	return fresh_scalar(doc, s, true);
}

struct ip_ynode *
ip_doc_new_date(struct ip_doc *doc, int32_t day)
{
	char buf[16];
	return fresh_scalar(doc, ip_date_format(day, buf), true);
}

struct ip_ynode *
ip_doc_new_map(struct ip_doc *doc)
{
	return fresh(doc, IP_Y_MAP);
}

struct ip_ynode *
ip_doc_new_seq(struct ip_doc *doc)
{
	return fresh(doc, IP_Y_SEQ);
}

/* --- where the text of a node ends ---------------------------------------- */

/* The end of the line that pos is on: where its line break is. */
static size_t
eol(const struct ip_doc *doc, size_t pos)
{
	while (pos < doc->len && brk(doc, pos) == 0)
		pos++;
	return pos;
}

/* Past the lines of blanks after a plain scalar that ends at e, up to
 * the last with a tab, and a comment line after them whose blanks hold
 * one: libyaml reads those blanks as the scalar's own, and refuses a
 * tab at the start of a line elsewhere, so they go with it. */
static size_t
past_tab_lines(const struct ip_doc *doc, size_t e)
{
	size_t q = eol(doc, e), last = e;
	for (size_t i = e; i < q; i++)
		if (doc->buf[i] != ' ' && doc->buf[i] != '\t')
			return e;	/* a comment: none are its own */
	while (brk(doc, q) > 0) {
		size_t from = q + brk(doc, q), to = eol(doc, from);
		bool tab = false;
		for (size_t i = from; i < to; i++)
			if (doc->buf[i] == '\t')
				tab = true;
			else if (doc->buf[i] != ' ')
				return tab && doc->buf[i] == '#' ? to : last;
		if (tab)
			last = to;
		q = to;
	}
	return last;
}

/* One past the last character of n's own text: of a block scalar less
 * the empty lines after it (but not its lines of spaces, which a new
 * value in their place would take in, nor those it keeps), of a block
 * collection that of its last. */
static size_t
content_end(const struct ip_doc *doc, const struct ip_ynode *n)
{
	if (n->fresh)
		return n->end;
	/* written afresh: the end of the text it replaces */
	for (size_t i = 0; i < doc->ne; i++)
		if (doc->e[i].kind == E_VALUE && doc->e[i].node == n)
			return doc->e[i].to;
	if (n->kind != IP_Y_SCALAR && !is_flow(doc, n) && n->last != NULL)
		return content_end(doc, n->last);
	size_t e = n->end;
	if (n->kind == IP_Y_SCALAR && n->plain)
		return past_tab_lines(doc, e);
	if (n->kind != IP_Y_SCALAR || n->end <= n->start
	    || (doc->buf[n->start] != '|' && doc->buf[n->start] != '>'))
		return e;
	/* with its empty lines, if it keeps them (|+): to its last line
	 * break, which ends the last line of its text */
	for (size_t i = n->start + 1; i < n->start + 3 && i < n->end; i++)
		if (doc->buf[i] == '+')
			return e - brk_before(doc, e);
	while (e > n->start && strchr(" \t\r\n", doc->buf[e - 1]))
		e--;
	/* and the spaces that end its last line of text, which are text */
	if (eol(doc, e) < n->end)
		e = eol(doc, e);
	else
		e = n->end;
	for (size_t p = e; p < n->end && brk(doc, p) > 0;) {
		size_t next = p + brk(doc, p), q = eol(doc, next);
		if (q > n->end)
			break;
		if (q > next)
			e = q;
		p = q;
	}
	return e;
}

/* One past the colon after the key k. */
static size_t
colon(const struct ip_doc *doc, const struct ip_ynode *k)
{
	size_t p = k->end;
	while (p < doc->len && (doc->buf[p] == ' ' || doc->buf[p] == '\t'))
		p++;
	return p < doc->len && doc->buf[p] == ':' ? p + 1 : k->end;
}

/* The ancestors of n from the root, root first, into path; their number,
 * or 0 if n is not in the tree. */
static size_t
path_to(struct ip_ynode *from, const struct ip_ynode *n,
    struct ip_ynode **path, size_t depth)
{
	if (depth > IP_MAX_DEPTH + 1)
		return 0;
	path[depth] = from;
	if (from == n)
		return depth + 1;
	for (struct ip_ynode *c = from->first; c; c = c->next) {
		size_t r = path_to(c, n, path, depth + 1);
		if (r != 0)
			return r;
	}
	return 0;
}

/* --- recording edits ----------------------------------------------------- */

static struct edit *
record(struct ip_doc *doc, enum kind kind, size_t from, size_t to)
{
	doc->e = ip_grow(doc->e, &doc->cap, doc->ne + 1, sizeof(*doc->e));
	struct edit *e = &doc->e[doc->ne];
	*e = (struct edit){ .from = from, .to = to, .seq = doc->ne,
	    .kind = kind, .tail = to };
	doc->ne++;
	return e;
}

/* The key of the value n in the mapping map. */
static const struct ip_ynode *
key_before(const struct ip_ynode *map, const struct ip_ynode *n)
{
	const struct ip_ynode *k = map->first;
	while (k->next != n)
		k = k->next->next;
	return k;
}

/* Whether pos is the dash of a list's item: a '-' that only spaces and
 * other dashes come before on its line (not one in a comment or a
 * value), and a blank or a line break after. */
static bool
is_dash(const struct ip_doc *doc, size_t pos)
{
	if (doc->buf[pos] != '-' || (pos + 1 < doc->len && !strchr(" \t\r\n",
	    doc->buf[pos + 1])))
		return false;
	for (size_t i = indent_start(doc, pos); i < pos; i++)
		if (doc->buf[i] != ' ' && doc->buf[i] != '-')
			return false;
	return true;
}

/* Records that the value n, in the tree where path (of depth nodes, n
 * last) says, is written afresh: from its key's colon, or its dash, to
 * its end. */
static struct edit *
rewrite_to(struct ip_doc *doc, struct ip_ynode **path, size_t depth,
    size_t end)
{
	struct ip_ynode *n = path[depth - 1];
	struct edit *e;

	if (depth == 1) {
		e = record(doc, E_VALUE, n->start, end ? end
		    : content_end(doc, n));
		e->ctx = C_ROOT;
	} else if (path[depth - 2]->kind == IP_Y_MAP) {
		const struct ip_ynode *k = key_before(path[depth - 2], n);
		size_t from = colon(doc, k);
		/* a value left empty has no text of its own */
		e = record(doc, E_VALUE, from, end ? end : n->fresh
		    ? n->end : n->kind == IP_Y_SCALAR && n->len == 0
		    && n->plain ? from : content_end(doc, n));
		e->ctx = C_KEY;
		e->col = col(doc, k->start);
	} else {
		/* a list in a list on its line starts at its own dash */
		size_t dash = n->start - (n->kind == IP_Y_SEQ && !is_flow(doc,
		    n) && n->start > 0);
		while (dash > 0 && !is_dash(doc, dash))
			dash--;
		e = record(doc, E_VALUE, dash + 1, end ? end
		    : content_end(doc, n));
		e->ctx = C_DASH;
		e->col = col(doc, dash);
	}
	e->node = n;
	return e;
}

static void
rewrite(struct ip_doc *doc, struct ip_ynode **path, size_t depth)
{
	rewrite_to(doc, path, depth, 0);
}

/* Whether the key k is followed by its colon on its line: not so an
 * explicit key (? key) without a value, whose value has no place, nor a
 * block scalar (? |), whose text ends where the line of its colon
 * begins. */
static bool
has_colon(const struct ip_doc *doc, const struct ip_ynode *k)
{
	size_t c = colon(doc, k);
	return k->fresh || (c != k->end && c <= eol(doc, k->start));
}

/* If the collection c, at the end of path, is in flow style or inside
 * one, records that the outermost such is rewritten, and returns true. */
static bool
in_flow(struct ip_doc *doc, struct ip_ynode **path, size_t depth)
{
	for (size_t i = 0; i < depth; i++)
		if (is_flow(doc, path[i])) {
			rewrite(doc, path, i + 1);
			return true;
		}
	return false;
}

/* --- the comments -------------------------------------------------------- */

/* Adds the comments in [from, to) of the text, which holds no scalar's
 * text: each '#' that begins a line or follows a blank, to the end of
 * its line. */
static void
comments_in(struct ip_doc *doc, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		if (doc->buf[i] != '#' || (col(doc, i) > 0
		    && doc->buf[i - 1] != ' ' && doc->buf[i - 1] != '\t'))
			continue;
		doc->cmt = ip_grow(doc->cmt, &doc->cmt_cap, doc->ncmt + 1,
		    sizeof(*doc->cmt));
		doc->cmt[doc->ncmt++] = (struct span){ i, eol(doc, i) };
		i = eol(doc, i);
	}
}

/* The comments between the scalars of the nodes from n on, after at;
 * and the one on the line of a block scalar's indicator (| or >),
 * which is part of its text.  Returns where the last ends. */
static size_t
index_nodes(struct ip_doc *doc, const struct ip_ynode *n, size_t at)
{
	for (; n != NULL; n = n->next) {
		if (n->kind != IP_Y_SCALAR) {
			at = index_nodes(doc, n->first, at);
			continue;
		}
		comments_in(doc, at, n->start);
		if (n->end > n->start && (doc->buf[n->start] == '|'
		    || doc->buf[n->start] == '>'))
			comments_in(doc, n->start, eol(doc, n->start));
		if (n->end > at)
			at = n->end;
	}
	return at;
}

/* Finds the comments of the text as read, once, before the first edit
 * changes the tree: those in a value written afresh are kept
 * (render_edit()). */
static void
index_comments(struct ip_doc *doc)
{
	if (doc->indexed)
		return;
	doc->indexed = true;
	comments_in(doc, index_nodes(doc, doc->root, 0), doc->len);
}

/* --- recording edits, continued ------------------------------------------ */

/* Where parent, which must be of kind, is: 0, with the path to it from
 * the root in path, its length in *depth, and in *text whether it has
 * text of its own (a fresh node, or one in a fresh value, has not, and
 * is written with what holds it); -1 if it is of another kind or not in
 * the tree. */
static int
locate(struct ip_doc *doc, struct ip_ynode *parent, enum ip_ykind kind,
    struct ip_ynode **path, size_t *depth, bool *text)
{
	index_comments(doc);
	*depth = 0;
	*text = false;
	if (parent == NULL || parent->kind != kind)
		return -1;
	if (parent->fresh)
		return 0;
	if ((*depth = path_to(doc->root, parent, path, 0)) == 0)
		return -1;
	*text = true;
	for (size_t i = 0; i < *depth; i++)
		if (path[i]->fresh)
			*text = false;
	return 0;
}

/* A key or an item added at the end of a text that ends on no line
 * break gives the line before it one: if that ends a block scalar that
 * keeps its last line break, which it has not, the scalar is written
 * afresh.  prev is what the addition follows. */
static void
end_line(struct ip_doc *doc, const struct ip_ynode *prev, size_t at)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	const struct ip_ynode *n = prev;

	if (at != doc->len || brk_before(doc, at) != 0)
		return;
	while (n->kind != IP_Y_SCALAR && n->last != NULL)
		n = n->last;
	if (n->fresh || n->kind != IP_Y_SCALAR || n->end <= n->start
	    || (doc->buf[n->start] != '|' && doc->buf[n->start] != '>'))
		return;
	size_t depth = path_to(doc->root, n, path, 0);
	if (depth > 1)
		rewrite_to(doc, path, depth, doc->len);
}

/* Whether n is in a value written afresh (or is one), which writes
 * what is in it: an edit inside it records nothing. */
static bool
afresh(const struct ip_doc *doc, const struct ip_ynode *n)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	for (size_t i = 0; i < doc->ne; i++)
		if (doc->e[i].kind == E_VALUE && path_to(doc->e[i].node, n,
		    path, 0) != 0)
			return true;
	return false;
}

/* The column of the key k: of its '?' if it is an explicit one. */
static size_t
key_col(const struct ip_doc *doc, const struct ip_ynode *k)
{
	size_t p = k->start, l = line_start(doc, k->start);
	while (p > l && doc->buf[p - 1] == ' ')
		p--;
	return col(doc, p > l && doc->buf[p - 1] == '?' ? p - 1 : k->start);
}

/* The column of the keys of map: of its first, or if that was added,
 * the one it was added at (a mapping written afresh has none, and writes
 * what is added to it). */
static size_t
keys_col(const struct ip_doc *doc, const struct ip_ynode *map)
{
	const struct ip_ynode *k = map->first;
	/* an explicit key's '?' may be on a line above it: the first key
	 * with its colon on its line is at the mapping's column */
	for (const struct ip_ynode *r = k; r != NULL; r = r->next->next)
		if (!r->fresh && has_colon(doc, r))
			return key_col(doc, r);
	if (!k->fresh)
		return key_col(doc, k);
	for (size_t i = 0; i < doc->ne; i++)
		if (doc->e[i].kind == E_KEYVAL && doc->e[i].node == k)
			return doc->e[i].col;
	return 0;
}

int
ip_doc_set(struct ip_doc *doc, struct ip_ynode *map, const char *key,
    struct ip_ynode *v)
{
	return ip_doc_set_after(doc, map, key, v, NULL);
}

int
ip_doc_set_after(struct ip_doc *doc, struct ip_ynode *map, const char *key,
    struct ip_ynode *v, const char *after)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	bool text;
	size_t depth;

	if (locate(doc, map, IP_Y_MAP, path, &depth, &text) != 0)
		return -1;
	struct ip_ynode *k = key_of(map, key);
	if (k != NULL) {
		struct ip_ynode *old = k->next;
		v->next = old->next;
		k->next = v;
		if (map->last == old)
			map->last = v;
		/* a new value of a new key is where the old one was put */
		v->start = old->start;
		v->end = old->end;
		if (!text || k->fresh || in_flow(doc, path, depth))
			return 0;
		if (!has_colon(doc, k)) {
			/* written afresh: the mapping, or the nearest above
			 * it that has a place of its own */
			while (depth > 1 && path[depth - 2]->kind == IP_Y_MAP
			    && !has_colon(doc, key_before(path[depth - 2],
			    path[depth - 1])))
				depth--;
			rewrite(doc, path, depth);
			return 0;
		}
		/* the new value's text is where the old one's was */
		v->start = colon(doc, k);
		v->end = old->fresh || (old->kind == IP_Y_SCALAR
		    && old->len == 0 && old->plain) ? (old->fresh ? old->end
		    : v->start) : content_end(doc, old);
		path[depth] = v;
		struct edit *e = rewrite_to(doc, path, depth + 1, 0);
		/* the rest of the line the value ends on (spaces, a
		 * comment) goes on the first line of the new one: after a
		 * literal block's last line it would be part of it */
		e->tail = e->to;
		e->to = eol(doc, e->to);
		return 0;
	}
	if (map->n / 2 >= IP_MAX_KEYS)
		return -1;
	k = fresh_scalar(doc, key, plain_ok(key));
	/* after the value of after, or the last */
	struct ip_ynode *a = after != NULL ? key_of(map, after) : NULL;
	struct ip_ynode *prev = a != NULL ? a->next : map->last;
	size_t at = 0, kc = 0;
	bool flow = text && in_flow(doc, path, depth);
	/* a mapping its edits left empty is written afresh */
	bool whole = text && !flow && prev == NULL;
	if (text && !flow && !whole) {
		at = eol(doc, content_end(doc, prev));
		kc = keys_col(doc, map);
		end_line(doc, prev, at);
	} else if (whole)	/* where what is added after it goes */
		at = content_end(doc, map);
	k->next = v;
	v->next = prev != NULL ? prev->next : NULL;
	k->start = k->end = v->start = v->end = (uint32_t)at;
	if (prev)
		prev->next = k;
	else
		map->first = k;
	if (map->last == prev)
		map->last = v;
	map->n += 2;
	if (whole)
		rewrite(doc, path, depth);
	else if (text && !flow && !afresh(doc, map)) {
		struct edit *e = record(doc, E_KEYVAL, at, at);
		e->col = kc;
		e->node = k;
		e->parent = map;
	}
	return 0;
}

/* Whether only spaces, and a dash if dash, come before pos on its line. */
static bool
first_on_line(const struct ip_doc *doc, size_t pos, bool dash)
{
	size_t i = indent_start(doc, pos);
	while (i < pos && doc->buf[i] == ' ')
		i++;
	if (dash && i < pos && doc->buf[i] == '-')
		for (i++; i < pos && doc->buf[i] == ' '; i++)
			;
	return i == pos;
}

/* Whether the item that begins at pos has its dash on its line: not so
 * one written below a dash alone on the line above. */
static bool
dash_on_line(const struct ip_doc *doc, size_t pos)
{
	size_t i = indent_start(doc, pos);
	while (i < pos && doc->buf[i] == ' ')
		i++;
	return i < pos && doc->buf[i] == '-';
}

int
ip_doc_append(struct ip_doc *doc, struct ip_ynode *seq, struct ip_ynode *v)
{
	return ip_doc_insert(doc, seq, v, ip_ynode_count(seq));
}

int
ip_doc_insert(struct ip_doc *doc, struct ip_ynode *seq, struct ip_ynode *v,
    size_t i)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	bool text;
	size_t depth;

	if (locate(doc, seq, IP_Y_SEQ, path, &depth, &text) != 0)
		return -1;
	struct ip_ynode *prev = i == 0 || seq->first == NULL ? NULL
	    : ip_ynode_item(seq, i - 1 < seq->n ? i - 1 : seq->n - 1);
	bool flow = text && in_flow(doc, path, depth);
	/* before the first item: at the end of the line above its dash,
	 * if the dash begins its line; else, or if its edits left it
	 * empty, the list is written afresh */
	bool whole = text && !flow && prev == NULL && (seq->first == NULL
	    || !first_on_line(doc, seq->start, false)
	    || brk_before(doc, line_start(doc, seq->start)) == 0);
	size_t at = 0, dc = 0;
	if (text && !flow && !whole) {
		at = prev != NULL ? eol(doc, content_end(doc, prev))
		    : line_start(doc, seq->start);
		at -= prev != NULL ? 0 : brk_before(doc, at);
		dc = col(doc, seq->start);
		if (prev != NULL)
			end_line(doc, prev, at);
	} else if (whole)	/* where what is added after it goes */
		at = content_end(doc, prev != NULL ? prev : seq);
	v->start = v->end = (uint32_t)at;
	v->next = prev != NULL ? prev->next : seq->first;
	if (prev != NULL)
		prev->next = v;
	else
		seq->first = v;
	if (seq->last == prev)
		seq->last = v;
	seq->n++;
	if (whole)
		rewrite(doc, path, depth);
	else if (text && !flow && !afresh(doc, seq)) {
		struct edit *e = record(doc, E_ITEM, at, at);
		e->col = dc;
		e->node = v;
		e->parent = seq;
	}
	return 0;
}

/* The keys and items added at the end of a line in [from, to), which an
 * item removed takes with it, go where those lines were, at the end of
 * the line before that no removal took, unless their place went with the
 * item; with end, so do those added at the end of the text (to), which
 * the cut leaves ending in a line break already.  False if there is no
 * line before. */
static bool
keep_inserts(struct ip_doc *doc, size_t from, size_t to, bool end)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	size_t at = SIZE_MAX;	/* the end of the line before, not cut */

	for (size_t i = 0; i < doc->ne; i++) {
		struct edit *x = &doc->e[i];
		if ((x->kind != E_KEYVAL && x->kind != E_ITEM) || x->from < from
		    || x->from > to || (x->from == to && !end)
		    || path_to(doc->root, x->parent, path, 0) == 0)
			continue;
		for (size_t start = from; at == SIZE_MAX;) {
			size_t b = brk_before(doc, start), j;
			if (b == 0)
				return false;
			for (j = 0; j < doc->ne; j++)
				if (doc->e[j].kind == E_CUT && doc->e[j].from
				    < start && doc->e[j].from <= start - b
				    && start - b < doc->e[j].to)
					break;
			if (j == doc->ne)
				at = start - b;
			else
				start = doc->e[j].from;
		}
		x->from = x->to = at;
		/* and what is added after them goes there too */
		x->node->start = x->node->end = (uint32_t)x->from;
		if (x->kind == E_KEYVAL)
			x->node->next->start = x->node->next->end
			    = (uint32_t)x->from;
	}
	return true;
}

/* Past the comment lines after to, up to the last indented deeper than
 * the line at from begins (and the blank lines between): those are the
 * removed node's own, and left behind they could fall into a block
 * scalar before it, as its text.  The end of the last, or to. */
static size_t
own_comments(const struct ip_doc *doc, size_t from, size_t to)
{
	size_t i = indent_start(doc, from), base;
	for (base = i; base < doc->len && doc->buf[base] == ' '; base++)
		;
	base -= i;
	for (size_t p = to; brk(doc, p) > 0;) {
		size_t s = p + brk(doc, p), q = eol(doc, s), h = s;
		while (h < q && doc->buf[h] == ' ')
			h++;
		if (h < q && (doc->buf[h] != '#' || h - s <= base))
			break;
		if (h < q)
			to = q;
		p = q;
	}
	return to;
}

/* Whether the text of n as read (its last scalar, not the keys and items
 * edits added after it) ends in a line break, which a block scalar takes
 * from the line break after its last line. */
static bool
ends_in_break(const struct ip_ynode *n)
{
	while (n->kind != IP_Y_SCALAR) {
		const struct ip_ynode *t = NULL;
		bool map = n->kind == IP_Y_MAP;
		for (const struct ip_ynode *c = n->first; c != NULL;
		    c = map ? c->next->next : c->next)
			if (!c->fresh)
				t = map ? c->next : c;
		if (t == NULL)
			return false;
		n = t;
	}
	return !n->plain && n->len > 0 && n->s[n->len - 1] == '\n';
}

int
ip_doc_remove(struct ip_doc *doc, struct ip_ynode *parent,
    struct ip_ynode *child)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	bool text;
	size_t depth;

	if (parent == NULL || parent->kind == IP_Y_SCALAR
	    || locate(doc, parent, parent->kind, path, &depth, &text) != 0)
		return -1;
	/* a key whose colon is not on its line (an explicit one, "? key",
	 * its '?' perhaps on a line above) has no lines of its own to cut:
	 * the mapping is written afresh, or the nearest above it that has
	 * a place of its own, as ip_doc_set_after() does */
	size_t up = depth;
	bool bare = text && parent->kind == IP_Y_MAP && !child->fresh
	    && !has_colon(doc, child);
	while (bare && up > 1 && path[up - 2]->kind == IP_Y_MAP
	    && !has_colon(doc, key_before(path[up - 2], path[up - 1])))
		up--;
	size_t old_end = text ? content_end(doc, path[up - 1]) : 0;
	/* unlink it: a key with its value */
	struct ip_ynode *prev = NULL, *c = parent->first;
	size_t step = parent->kind == IP_Y_MAP ? 2 : 1;
	while (c != NULL && c != child) {
		prev = step == 2 ? c->next : c;
		c = prev->next;
	}
	if (c == NULL)
		return -1;
	struct ip_ynode *last = step == 2 ? c->next : c;
	if (prev)
		prev->next = last->next;
	else
		parent->first = last->next;
	if (parent->last == last)
		parent->last = prev;
	parent->n -= step;
	/* a new one has no text to take, unless it was the last left */
	if (!text || (c->fresh && parent->n > 0) || in_flow(doc, path, depth))
		return 0;
	if (afresh(doc, parent))
		return 0;
	if (parent->n == 0 || bare || !first_on_line(doc, c->start,
	    step == 1) || (step == 1 && !dash_on_line(doc, c->start))) {
		/* nothing left, or not a line of its own (an item below its
		 * dash has the dash's line too): written afresh;
		 * what is added after it goes after where its text ended */
		rewrite_to(doc, path, up, old_end);
		if (parent->n == 0 && up == depth && !is_flow(doc, parent))
			parent->end = (uint32_t)old_end;
		return 0;
	}
	size_t from = line_start(doc, c->start);
	size_t to = own_comments(doc, from, eol(doc, content_end(doc, last)));
	/* the last line has no break: take the one before it, unless a
	 * block scalar before ends with it (and then what is added at the
	 * end goes before that break) */
	bool kept_break = false;
	if (to < doc->len)
		to += brk(doc, to);
	else if (prev != NULL && ends_in_break(prev))
		kept_break = true;
	else
		from -= brk_before(doc, from);
	/* a cut made before that shares a line break with this one (the
	 * last line's, taken with the line before) becomes part of it */
	for (size_t i = 0; i < doc->ne; i++) {
		struct edit *x = &doc->e[i];
		if (x->kind == E_CUT && x->from < to && from < x->to) {
			from = x->from < from ? x->from : from;
			to = x->to > to ? x->to : to;
			x->to = x->from;
		}
	}
	if (!keep_inserts(doc, from, to, kept_break)) {
		/* first in the file: written afresh, with them */
		rewrite_to(doc, path, depth, old_end);
		return 0;
	}
	record(doc, E_CUT, from, to);
	return 0;
}

static struct ip_ynode *
collection_at(struct ip_doc *doc, struct ip_ynode *map, const char *key,
    enum ip_ykind kind)
{
	struct ip_ynode *v = ip_ynode_get(map, key);
	if (v != NULL && v->kind == kind)
		return v;
	if (v != NULL && !ip_scalar_is_null(v))
		return NULL;
	struct ip_ynode *n = fresh(doc, kind);
	return ip_doc_set(doc, map, key, n) == 0 ? n : NULL;
}

struct ip_ynode *
ip_doc_map_at(struct ip_doc *doc, struct ip_ynode *map, const char *key)
{
	return collection_at(doc, map, key, IP_Y_MAP);
}

struct ip_ynode *
ip_doc_seq_at(struct ip_doc *doc, struct ip_ynode *map, const char *key)
{
	return collection_at(doc, map, key, IP_Y_SEQ);
}

/* --- rendering ----------------------------------------------------------- */

static void
spaces(FILE *f, size_t n)
{
	while (n-- > 0)
		putc(' ', f);
}

/* Whether the text s (of several lines) can be a literal block: each line
 * printable, the first not starting with a space or a tab (libyaml takes
 * a tab there for indentation), and at most one line break at the end,
 * so that no blank line after it is taken in. */
static bool
literal_ok(const char *s, size_t len)
{
	if (len == 0 || s[0] == ' ' || s[0] == '\t' || s[0] == '\n'
	    || memchr(s, '\n', len) == NULL
	    || (len >= 2 && s[len - 1] == '\n' && s[len - 2] == '\n')
	    || strstr(s, "\xc2\x85") || strstr(s, "\xe2\x80\xa8")
	    || strstr(s, "\xe2\x80\xa9") || strstr(s, "\xef\xbb\xbf"))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
			return false;
	}
	return true;
}

/* A scalar after "key:" or "-": its lines, if a literal block, at ind. */
static void
render_scalar(const struct ip_doc *doc, FILE *f, const struct ip_ynode *n,
    size_t ind)
{
	char c0 = n->fresh ? 0 : doc->buf[n->start];
	if (!n->fresh && c0 != '|' && c0 != '>') {
		/* its own text, as it was; lines after the first of a plain
		 * or quoted value at ind, which folding does not see */
		putc(' ', f);
		for (size_t i = n->start, e; i < n->end; i = e + brk(doc, e)) {
			size_t lead = i;
			if (i > n->start) {
				fputs(doc->nl, f);
				while (lead < n->end && (doc->buf[lead] == ' '
				    || doc->buf[lead] == '\t'))
					lead++;
			}
			e = eol(doc, lead) < n->end ? eol(doc, lead) : n->end;
			if (e > lead && i > n->start)
				spaces(f, ind);
			fwrite(doc->buf + lead, 1, e - lead, f);
		}
		return;
	}
	if (n->plain) {
		fprintf(f, " %s", n->s);
		return;
	}
	if (doc->no_literal || !literal_ok(n->s, n->len)) {
		putc(' ', f);
		ip_yaml_quote(f, n->s, n->len);
		return;
	}
	bool clip = n->s[n->len - 1] == '\n';
	fputs(clip ? " |" : " |-", f);
	for (const char *p = n->s, *end = n->s + n->len - clip; p <= end;) {
		const char *q = memchr(p, '\n', (size_t)(end - p));
		if (q == NULL)
			q = end;
		fputs(doc->nl, f);
		if (q > p) {
			spaces(f, ind);
			fwrite(p, 1, (size_t)(q - p), f);
		}
		p = q + 1;
	}
}

static void render(const struct ip_doc *doc, FILE *f,
    const struct ip_ynode *n, enum ctx ctx, size_t c);

/* The key k and its value, at column c.  A new key is written plain
 * where that reads back as the same text, else quoted; a key as read,
 * as it was.  One of no text (null), of several lines, or longer than
 * the 1024 characters within which libyaml looks for a key's colon is
 * an explicit key (? key), its colon on the next line; so is one as read
 * that is a block scalar (| or >), even one whose text is empty, and one
 * that begins with a byte order mark, which libyaml skips at the start
 * of a line (it came from "? key" or a column further in). */
static void
render_key(const struct ip_doc *doc, FILE *f, const struct ip_ynode *k,
    size_t c)
{
	char *s = NULL;
	size_t len = k->end - k->start;

	if (k->fresh) {
		FILE *m = ip_xmemstream(&s, &len);
		if (k->plain)
			fputs(k->s, m);
		else
			ip_yaml_quote(m, k->s, k->len);
		ip_xmemstream_close(m);
	}
	bool explicit = len == 0 || len > 1024 || (!k->fresh
	    && (eol(doc, k->start) < k->end || doc->buf[k->start] == '|'
	    || doc->buf[k->start] == '>' || (c == 0 && len >= 3
	    && memcmp(doc->buf + k->start, "\xef\xbb\xbf", 3) == 0)));
	if (explicit)
		putc('?', f);
	if (s != NULL) {
		if (explicit)
			putc(' ', f);
		fwrite(s, 1, len, f);
		free(s);
	} else if (explicit && len > 0)
		render_scalar(doc, f, k, c + 2);
	else
		fwrite(doc->buf + k->start, 1, len, f);
	if (explicit) {
		fputs(doc->nl, f);
		spaces(f, c);
	}
	putc(':', f);
	render(doc, f, k->next, C_KEY, c);
}

/* n after "key:" (the key at column c), after "-" (the dash at column c),
 * or as the whole document. */
static void
render(const struct ip_doc *doc, FILE *f, const struct ip_ynode *n,
    enum ctx ctx, size_t c)
{
	size_t in = ctx == C_KEY ? c + doc->step : ctx == C_DASH ? c + 2 : 0;

	if (n->kind == IP_Y_SCALAR) {
		render_scalar(doc, f, n, ctx == C_KEY ? c + doc->step : c + 2);
		return;
	}
	if (n->first == NULL) {
		fputs(n->kind == IP_Y_MAP ? " {}" : " []", f);
		return;
	}
	if (n->kind == IP_Y_SEQ && ctx == C_KEY)
		in = c + doc->seq_off;
	bool first = true;
	for (const struct ip_ynode *i = n->first; i; i = i->next) {
		if (first && ctx == C_DASH)
			putc(' ', f);
		else if (!first || ctx == C_KEY) {
			fputs(doc->nl, f);
			spaces(f, in);
		}
		first = false;
		if (n->kind == IP_Y_MAP) {
			render_key(doc, f, i, in);
			i = i->next;
		} else {
			putc('-', f);
			render(doc, f, i, C_DASH, in);
		}
	}
}

/* The comments in the text [from, to) that a value written afresh
 * replaces, each on a line of its own after it at column c, so that
 * none is lost. */
static void
kept_comments(const struct ip_doc *doc, FILE *f, size_t from, size_t to,
    size_t c)
{
	size_t lo = 0, hi = doc->ncmt;
	while (lo < hi) {	/* the first at or after from */
		size_t mid = lo + (hi - lo) / 2;
		if (doc->cmt[mid].from < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i < doc->ncmt && doc->cmt[i].from < to; i++) {
		fputs(doc->nl, f);
		spaces(f, c);
		fwrite(doc->buf + doc->cmt[i].from, 1, doc->cmt[i].to
		    - doc->cmt[i].from, f);
	}
}

/* The column of the comments kept after the value n after "key:" (the
 * key at column c), after "-" (the dash at c) or as the document: that
 * of its items, or if it has none, as a scalar, the key's or the dash's,
 * so that none is taken into a literal block. */
static size_t
kept_col(const struct ip_doc *doc, const struct ip_ynode *n, enum ctx ctx,
    size_t c)
{
	if (ctx == C_ROOT)
		return 0;
	if (n->first == NULL)
		return c;
	if (ctx == C_DASH)
		return c + 2;
	return c + (n->kind == IP_Y_SEQ ? doc->seq_off : doc->step);
}

static void
render_edit(const struct ip_doc *doc, FILE *f, const struct edit *e)
{
	switch (e->kind) {
	case E_VALUE:
		if (e->tail < e->to) {
			char *r;
			size_t len;
			FILE *m = ip_xmemstream(&r, &len);
			render(doc, m, e->node, e->ctx, e->col);
			ip_xmemstream_close(m);
			size_t nl = strcspn(r, "\r\n");
			fwrite(r, 1, nl, f);
			fwrite(doc->buf + e->tail, 1, e->to - e->tail, f);
			fputs(r + nl, f);
			free(r);
		} else
			render(doc, f, e->node, e->ctx, e->col);
		kept_comments(doc, f, e->from, e->tail, kept_col(doc, e->node,
		    e->ctx, e->col));
		break;
	case E_KEYVAL:
		fputs(doc->nl, f);
		spaces(f, e->col);
		render_key(doc, f, e->node, e->col);
		break;
	case E_ITEM:
		fputs(doc->nl, f);
		spaces(f, e->col);
		putc('-', f);
		render(doc, f, e->node, C_DASH, e->col);
		break;
	case E_CUT:
		break;
	}
}

/* --- finishing ----------------------------------------------------------- */

/* Whether n, as render() writes it, ends in a literal block that keeps
 * its last line break (|): at the end of a text without one, it needs
 * one after it. */
static bool
ends_in_clip(const struct ip_doc *doc, const struct ip_ynode *n)
{
	while (n->kind != IP_Y_SCALAR && n->last != NULL)
		n = n->last;
	return n->kind == IP_Y_SCALAR && !n->plain && (n->fresh
	    || doc->buf[n->start] == '|' || doc->buf[n->start] == '>')
	    && !doc->no_literal && literal_ok(n->s, n->len)
	    && n->s[n->len - 1] == '\n';
}

/* Whether text follows pos on its line (spaces, a comment), or a comment
 * line, or a line of spaces, more indented than column c comes after the
 * line of pos, before the next line of YAML, in the text that the i-th
 * of the n edits leaves, less what the cuts after it take: a literal
 * block written before it, deeper than c, would take it in. */
static bool
in_reach(const struct ip_doc *doc, size_t pos, size_t c, size_t i, size_t n)
{
	if (eol(doc, pos) > pos)
		return true;
	for (size_t p = eol(doc, pos); p < doc->len;) {
		p += brk(doc, p);
		for (size_t j = i + 1; j < n; j++)
			if (doc->e[j].kind == E_CUT && doc->e[j].from <= p
			    && p < doc->e[j].to)
				p = doc->e[j].to;
		if (p >= doc->len)
			break;
		size_t k = p, e = eol(doc, p);
		while (k < e && (doc->buf[k] == ' ' || doc->buf[k] == '\t'))
			k++;
		if (k < e && doc->buf[k] != '#')
			return false;
		if (k - p > c)
			return true;
		p = e;
	}
	return false;
}

/* The place of the node n among its parent's, or SIZE_MAX if it is no
 * longer there. */
static size_t
place(const struct ip_ynode *parent, const struct ip_ynode *n)
{
	size_t i = 0;
	for (const struct ip_ynode *c = parent->first; c; c = c->next, i++)
		if (c == n)
			return i;
	return SIZE_MAX;
}

static int
rank(const struct edit *e)
{
	return e->kind == E_VALUE ? 0 : e->kind == E_CUT ? 2 : 1;
}

/* The edits in the order of the text: by where they go, and two new
 * items or keys put at the same place in the order of their parent. */
static int
by_place(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	/* an empty value at the end of its line, then what is added after
	 * that line, then the cut of the last line that follows it */
	if (rank(x) != rank(y))
		return rank(x) < rank(y) ? -1 : 1;
	if ((x->kind == E_ITEM || x->kind == E_KEYVAL) && x->kind == y->kind
	    && x->parent == y->parent) {
		size_t i = place(x->parent, x->node), j = place(y->parent,
		    y->node);
		if (i != j)
			return i < j ? -1 : 1;
	}
	/* into collections one inside the other, whose last lines end
	 * there: the inner first, its keys or dashes further in, or its
	 * dashes where the outer's keys are */
	if ((x->kind == E_ITEM || x->kind == E_KEYVAL) && (y->kind == E_ITEM
	    || y->kind == E_KEYVAL) && x->parent != y->parent) {
		if (x->col != y->col)
			return x->col > y->col ? -1 : 1;
		if (x->kind != y->kind)
			return x->kind == E_ITEM ? -1 : 1;
	}
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Whether e is made void by r, which replaces text e is inside of. */
static bool
within(const struct ip_doc *doc, const struct edit *e, const struct edit *r)
{
	size_t end = r->to;

	if (e == r)
		return false;
	/* the same value replaced twice, even an empty one: the later
	 * stands */
	if (e->kind == E_VALUE && r->kind == E_VALUE && e->from == r->from
	    && e->to == r->to)
		return e->seq < r->seq;
	/* a value still in the tree (settle() drops the others) keeps its
	 * place, even where a cut of the lines in it ends */
	if (e->kind == E_VALUE && r->kind == E_CUT)
		return false;
	/* a cut of lines in a value written afresh, which writes what is
	 * left of them, to the end of its last line and its line break */
	if (e->kind == E_CUT && r->kind == E_VALUE && e->from < r->to) {
		end = eol(doc, r->to);
		end += brk(doc, end);
	}
	if (r->to == r->from || e->from < r->from || e->to > end)
		return false;
	if (e->from == e->to && (e->from == r->to || e->from == r->from))
		return false;
	return true;
}

/* Drops the edits another replaces, those of nodes since removed or put
 * in a collection since removed, and those put in a collection written
 * afresh, or of a value inside one, which writes them; returns the number
 * left, in order. */
static size_t
settle(struct ip_doc *doc)
{
	struct ip_ynode *path[IP_MAX_DEPTH + 3];
	size_t n = 0;

	if (doc->ne == 0)
		return 0;
	qsort(doc->e, doc->ne, sizeof(*doc->e), by_place);
	bool *drop = ip_xcalloc(doc->ne, sizeof(*drop));
	for (size_t i = 0; i < doc->ne; i++) {
		struct edit *e = &doc->e[i];
		bool insert = e->kind == E_KEYVAL || e->kind == E_ITEM;
		drop[i] = insert ? place(e->parent, e->node) == SIZE_MAX
		    || path_to(doc->root, e->parent, path, 0) == 0
		    : e->kind == E_VALUE && path_to(doc->root, e->node, path,
		    0) == 0;
		/* what an insert goes into, or a value inside another */
		const struct ip_ynode *in = insert ? e->parent
		    : e->kind == E_VALUE ? e->node : NULL;
		for (size_t j = 0; j < doc->ne && !drop[i]; j++)
			drop[i] = within(doc, e, &doc->e[j]) || (in != NULL
			    && doc->e[j].kind == E_VALUE && (insert
			    || doc->e[j].node != in) && path_to(
			    doc->e[j].node, in, path, 0) != 0);
	}
	for (size_t i = 0; i < doc->ne; i++)
		if (!drop[i])
			doc->e[n++] = doc->e[i];
	free(drop);
	return n;
}

/* Whether nothing follows the i-th of the n edits in the text made:
 * the text after it is the end, or cut to the end by those after it. */
static bool
ends_text(const struct ip_doc *doc, size_t i, size_t n)
{
	size_t at = doc->e[i].to;
	while (++i < n && doc->e[i].kind == E_CUT && doc->e[i].from == at)
		at = doc->e[i].to;
	return i == n && at == doc->len;
}

int
ip_doc_finish(struct ip_doc *doc, struct ip_diags *d, const struct ip_err *e)
{
	size_t n = settle(doc), at = 0;
	FILE *f = ip_xmemstream(&doc->out, &doc->out_len);

	for (size_t i = 0; i < n; i++) {
		struct edit *ed = &doc->e[i];
		if (ed->from < at) {
			ip_xmemstream_close(f);
			return ip_fail(e, _("internal error: two changes of "
			    "the plan overlap; nothing written"));
		}
		fwrite(doc->buf + at, 1, ed->from - at, f);
		fflush(f);
		ed->nfrom = doc->out_len;
		doc->no_literal = ed->kind != E_CUT && in_reach(doc, ed->to,
		    ed->col, i, n);
		render_edit(doc, f, ed);
		if (ends_text(doc, i, n) && ed->kind != E_CUT && doc->len > 0
		    && brk_before(doc, doc->len) == 0
		    && ends_in_clip(doc, ed->kind == E_KEYVAL
		    ? ed->node->next : ed->node))
			fputs(doc->nl, f);
		fflush(f);
		ed->nto = doc->out_len;
		at = ed->to;
	}
	fwrite(doc->buf + at, 1, doc->len - at, f);
	ip_xmemstream_close(f);
	doc->ne = n;

	if (ip_plan_load_tree(doc->out, doc->out_len, d, &doc->result,
	    &doc->result_root) < 0)
		return ip_fail(e, _("the changed plan would not load (see "
		    "above); nothing written"));
	if (!ip_ynode_equal(doc->root, doc->result_root))
		return ip_fail(e, _("internal error: the changed plan would "
		    "not hold what was asked; nothing written"));
	return 0;
}

/* --- the diff ------------------------------------------------------------ */

/* A run of changed lines: old lines [ol, ol + on) become new lines at
 * the n-th byte offsets of the new text. */
struct change {
	size_t ol, on;		/* lines of the old text */
	const char *oa, *ob;	/* their bytes */
	const char *na, *nb;	/* the bytes of the new lines */
};

/* The number of lines in [a, b): line breaks, and a last line without. */
static size_t
count_lines(const char *a, const char *b)
{
	size_t n = 0;
	for (const char *p = a; p < b; p++)
		n += *p == '\n';
	return n + (b > a && b[-1] != '\n');
}

static const char *
next_line(const char *p, const char *end)
{
	const char *q = memchr(p, '\n', (size_t)(end - p));
	return q ? q + 1 : end;
}

static void
put_lines(FILE *f, char mark, const char *a, const char *b)
{
	while (a < b) {
		const char *q = next_line(a, b);
		putc(mark, f);
		fwrite(a, 1, (size_t)(q - a), f);
		if (q[-1] != '\n')
			fputs("\n\\ No newline at end of file\n", f);
		a = q;
	}
}

/* The bytes of old lines [from, to) of the text. */
static const char *
line_at(const char *text, const char *end, const char **cache,
    size_t *cache_line, size_t line)
{
	const char *p = *cache;
	size_t l = *cache_line;
	if (line < l) {
		p = text;
		l = 0;
	}
	for (; l < line && p < end; l++)
		p = next_line(p, end);
	*cache = p;
	*cache_line = l;
	return p;
}

static void
range(FILE *f, size_t start, size_t n)
{
	if (n == 1)
		fprintf(f, "%zu", start + 1);
	else
		fprintf(f, "%zu,%zu", n == 0 ? start : start + 1, n);
}

void
ip_doc_diff(const struct ip_doc *doc, const char *name, FILE *out)
{
	const char *old = doc->buf, *oend = doc->buf + doc->len;
	const char *new = doc->out;
	struct change *ch = NULL;
	size_t nch = 0, cap = 0, line = 0;
	const char *counted = old;

	/* each edit's lines, whole, in both texts, merged where they touch,
	 * less the lines at either end that are the same in both */
	for (size_t i = 0; i < doc->ne; i++) {
		const struct edit *e = &doc->e[i];
		const char *oa = old + line_start(doc, e->from);
		size_t last = e->to > e->from ? e->to - 1 : e->from;
		const char *ob = e->to > e->from && old[last] == '\n'
		    ? old + e->to : next_line(old + last, oend);
		if (ob < oend && ob > old && ob[-1] == '\r' && *ob == '\n')
			ob++;
		const char *na = new + (oa - old) + (ptrdiff_t)(e->nfrom
		    - e->from);
		const char *nb = new + e->nto + (ob - (old + e->to));
		if (nch > 0 && oa < ch[nch - 1].ob) {
			struct change *c = &ch[nch - 1];
			c->ob = ob;
			c->nb = nb;
			continue;
		}
		line += count_lines(counted, oa) - (oa > counted
		    && oa[-1] != '\n');
		counted = oa;
		ch = ip_grow(ch, &cap, nch + 1, sizeof(*ch));
		ch[nch++] = (struct change){ line, 0, oa, ob, na, nb };
	}
	for (size_t i = 0; i < nch; i++) {
		struct change *c = &ch[i];
		for (;;) {	/* the same first line */
			const char *o = next_line(c->oa, c->ob);
			const char *n = next_line(c->na, c->nb);
			if (c->oa == c->ob || c->na == c->nb || o - c->oa
			    != n - c->na || memcmp(c->oa, c->na,
			    (size_t)(o - c->oa)) != 0)
				break;
			c->oa = o;
			c->na = n;
			c->ol++;
		}
		for (;;) {	/* the same last line */
			const char *o = c->ob, *n = c->nb;
			if (o == c->oa || n == c->na)
				break;
			const char *po = o - 1, *pn = n - 1;
			while (po > c->oa && po[-1] != '\n')
				po--;
			while (pn > c->na && pn[-1] != '\n')
				pn--;
			if (o - po != n - pn || memcmp(po, pn,
			    (size_t)(o - po)) != 0)
				break;
			c->ob = po;
			c->nb = pn;
		}
		c->on = count_lines(c->oa, c->ob);
	}

	size_t total = count_lines(old, oend);
	ptrdiff_t delta = 0;	/* new lines less old ones, before a hunk */
	const char *cache = old;
	size_t cache_line = 0;
	bool header = false;
	for (size_t i = 0; i < nch;) {
		if (ch[i].oa == ch[i].ob && ch[i].na == ch[i].nb) {
			i++;
			continue;
		}
		/* the changes whose contexts meet make one hunk */
		size_t j = i + 1, s = ch[i].ol > 3 ? ch[i].ol - 3 : 0, e;
		while (j < nch && ch[j].ol <= ch[j - 1].ol + ch[j - 1].on + 6)
			j++;
		e = ch[j - 1].ol + ch[j - 1].on + 3;
		if (e > total)
			e = total;
		size_t added = 0;
		for (size_t k = i; k < j; k++)
			added += count_lines(ch[k].na, ch[k].nb);
		size_t removed = 0;
		for (size_t k = i; k < j; k++)
			removed += ch[k].on;
		if (!header) {
			fprintf(out, "--- a/%s\n+++ b/%s\n", name, name);
			header = true;
		}
		size_t olen = e - s, nlen = olen - removed + added;
		fputs("@@ -", out);
		range(out, s, olen);
		fputs(" +", out);
		range(out, (size_t)((ptrdiff_t)s + delta), nlen);
		fputs(" @@\n", out);
		size_t l = s;
		for (size_t k = i; k < j; k++) {
			const char *a = line_at(old, oend, &cache, &cache_line,
			    l);
			const char *b = line_at(old, oend, &cache, &cache_line,
			    ch[k].ol);
			put_lines(out, ' ', a, b);
			put_lines(out, '-', ch[k].oa, ch[k].ob);
			put_lines(out, '+', ch[k].na, ch[k].nb);
			l = ch[k].ol + ch[k].on;
		}
		const char *a = line_at(old, oend, &cache, &cache_line, l);
		const char *b = line_at(old, oend, &cache, &cache_line, e);
		put_lines(out, ' ', a, b);
		delta += (ptrdiff_t)added - (ptrdiff_t)removed;
		i = j;
	}
	free(ch);
}

int
ip_doc_save(const struct ip_doc *doc, const char *path,
    const struct ip_err *e)
{
	return ip_save_if_unchanged(path, doc->buf, doc->len, doc->out,
	    doc->out_len, e);
}
