/*
 * edit.c - the properties of editing a plan in its own text (lib/edit.c),
 * over every plan in examples/ and tests/: an edit followed by a load
 * gives the plan the edit meant; the diff touches only the lines of the
 * edited node (and a new node's own); comments are kept; CRLF stays
 * CRLF.  And the shapes an edit writes, byte for byte.
 */
#define _DEFAULT_SOURCE		/* DT_DIR */
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "edit.h"

static struct ip_err err = { NULL, "test" };

/* --- the plans ----------------------------------------------------------- */

struct text {
	char *name;
	char *buf;
	size_t len;
};

static struct text *plans;
static size_t n_plans, cap_plans;

static void
gather(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		size_t l = strlen(e->d_name);
		if (e->d_type == DT_DIR) {
			gather(path);
			continue;
		}
		if (l < 5 || strcmp(e->d_name + l - 5, ".yaml") != 0)
			continue;
		struct ip_diags *dg = ip_diags_new(path);
		struct text t = { ip_xstrdup(path), NULL, 0 };
		if (ip_read_file(path, &t.buf, &t.len, dg) == 0) {
			plans = ip_grow(plans, &cap_plans, n_plans + 1,
			    sizeof(*plans));
			plans[n_plans++] = t;
		} else
			free(t.name);
		ip_diags_free(dg);
	}
	closedir(d);
}

static int
setup(void **state)
{
	(void)state;
	err.f = stderr;
	gather(IPLAN_SRCDIR "/examples");
	gather(IPLAN_SRCDIR "/tests");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < n_plans; i++) {
		free(plans[i].name);
		free(plans[i].buf);
	}
	free(plans);
	return 0;
}

/* --- the nodes of a tree ------------------------------------------------- */

/* A node, the collection it is in, its key if in a mapping, and the
 * indices that lead to it from the root. */
struct place {
	struct ip_ynode *node, *parent, *key;
	size_t path[IP_MAX_DEPTH + 2];
	size_t depth;
};

static struct place *places;
static size_t n_places, cap_places;

static void
collect(struct ip_ynode *n, struct place *at)
{
	size_t i = 0;
	for (struct ip_ynode *c = n->first; c; c = c->next, i++) {
		struct place p = *at;
		p.parent = n;
		p.key = NULL;
		if (n->kind == IP_Y_MAP) {
			p.key = c;
			c = c->next;
		}
		p.node = c;
		p.path[p.depth++] = i;
		places = ip_grow(places, &cap_places, n_places + 1,
		    sizeof(*places));
		places[n_places++] = p;
		collect(c, &p);
	}
}

/* The node at the end of path in the tree from root. */
static const struct ip_ynode *
follow(const struct ip_ynode *root, const size_t *path, size_t depth)
{
	const struct ip_ynode *n = root;
	for (size_t d = 0; d < depth; d++) {
		bool map = ip_ynode_is_map(n);
		n = ip_ynode_item(n, path[d]);
		assert_non_null(n);
		if (map)
			n = n->next;	/* the value of the key */
	}
	return n;
}

static uint32_t rnd_state;

static uint32_t
rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state % n;
}

static const char *const texts[] = {
	"plain words", "a: b", "# not a comment", "two\nlines\n",
	"no end of line\nhere", "  leading space", "yes", "2026-01-01",
	"quote \" and \\ back", "æøå – fine", "", "trailing\n\n", "x, [y]",
	"- dash", "tab\there", "ends with colon:", "null", "12", "~",
};
#define N_TEXTS (sizeof(texts) / sizeof(*texts))

static struct ip_ynode *
new_value(struct ip_doc *doc)
{
	switch (rnd(5)) {
	case 0: {
		struct ip_ynode *m = ip_doc_new_map(doc);
		ip_doc_set(doc, m, "date", ip_doc_new_date(doc, 20600));
		ip_doc_set(doc, m, "summary", ip_doc_new_text(doc,
		    texts[rnd(N_TEXTS)]));
		return m;
	}
	case 1: {
		struct ip_ynode *s = ip_doc_new_seq(doc);
		ip_doc_append(doc, s, ip_doc_new_text(doc,
		    texts[rnd(N_TEXTS)]));
		return s;
	}
	case 2:
		return ip_doc_new_word(doc, "achieved");
	default:
		return ip_doc_new_text(doc, texts[rnd(N_TEXTS)]);
	}
}

/* The line (1-based) of byte offset off of the text. */
static size_t
line_of(const char *buf, size_t off)
{
	size_t l = 1;
	for (size_t i = 0; i < off; i++)
		l += buf[i] == '\n';
	return l;
}

/* Checks that every line the diff removes, and the place of every line
 * it adds, is within old lines [lo, hi]. */
static void
assert_diff_within(const char *diff, size_t lo, size_t hi,
    const char *name)
{
	size_t old = 0;
	for (const char *p = diff; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (strncmp(p, "@@ -", 4) == 0)
			old = strtoul(p + 4, NULL, 10);
		else if (*p == ' ')
			old++;
		else if (*p == '-' && strncmp(p, "--- ", 4) != 0) {
			if (old < lo || old > hi)
				fail_msg("%s: line %zu removed, outside %zu-%zu",
				    name, old, lo, hi);
			old++;
		} else if (*p == '+' && strncmp(p, "+++ ", 4) != 0) {
			if (old + 1 < lo || old > hi + 1)
				fail_msg("%s: a line added at %zu, outside "
				    "%zu-%zu", name, old, lo, hi);
		}
		p += len + (nl != NULL);
	}
}

/* The comments of a text, lines that start with '#' outside the values
 * of places and outside [gone_from, gone_to), a value replaced: each
 * must be in the other text, in order. */
static void
assert_comments_kept(const char *a, size_t alen, const char *b, size_t blen,
    size_t gone_from, size_t gone_to, const char *name)
{
	const char *from = b, *bend = b + blen;
	for (const char *p = a, *end = a + alen; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		const char *h = p;
		while (h < eol && *h == ' ')
			h++;
		bool in_value = false;	/* a line of a block scalar */
		for (size_t k = 0; k < n_places && !in_value; k++)
			in_value = places[k].node->kind == IP_Y_SCALAR
			    && a + places[k].node->start < h
			    && a + places[k].node->end > h;
		/* those in a value replaced go with it */
		in_value |= (size_t)(h - a) >= gone_from
		    && (size_t)(h - a) < gone_to;
		if (h < eol && *h == '#' && !in_value) {
			size_t len = (size_t)(eol - h);
			const char *f = from;
			while (f + len <= bend && memcmp(f, h, len) != 0)
				f++;
			if (f + len > bend)
				fail_msg("%s: comment lost: %.*s", name,
				    (int)len, h);
			from = f + len;
		}
		p = eol + (nl != NULL);
	}
}

/* --- the properties ------------------------------------------------------ */

enum op { OP_REPLACE, OP_ADD, OP_APPEND, OP_REMOVE, OP_COUNT };

/* One random edit of the plan t: returns false if it has no node the
 * edit fits. */
static bool
one_edit(const struct text *t, enum op op, size_t *tried)
{
	struct ip_diags *d = ip_diags_new(t->name);
	struct ip_doc *doc;
	bool done = false;

	if (ip_doc_open_buf(t->buf, t->len, d, &doc) < 0) {
		ip_diags_free(d);
		return false;
	}
	n_places = 0;
	struct place root = { 0 };
	collect(ip_doc_root(doc), &root);
	/* a place the edit fits, from a random start */
	size_t start = n_places ? rnd((uint32_t)n_places) : 0;
	struct place *p = NULL;
	for (size_t i = 0; i < n_places && p == NULL; i++) {
		struct place *q = &places[(start + i) % n_places];
		/* a plan is one while it says so */
		if (q->depth == 1 && q->key != NULL && strcmp(q->key->s,
		    "format") == 0 && (op == OP_REPLACE || op == OP_REMOVE))
			continue;
		if ((op == OP_REPLACE && q->key != NULL)
		    || (op == OP_ADD && q->node->kind == IP_Y_MAP
		    && q->node->n > 0)
		    || (op == OP_APPEND && q->node->kind == IP_Y_SEQ
		    && q->node->n > 0)
		    || (op == OP_REMOVE && q->parent->n > 2))
			p = q;
	}
	if (p == NULL)
		goto out;

	/* the lines the diff may touch: the node's own, or for what is
	 * added those after the last one, or a flow collection it is in */
	const struct ip_ynode *lines = op == OP_ADD || op == OP_APPEND
	    ? p->node->last : p->node;
	size_t lo = line_of(t->buf, (p->key && op != OP_ADD
	    && op != OP_APPEND ? p->key : lines)->start);
	size_t hi = line_of(t->buf, lines->end) + 1;
	for (size_t k = 0; k < n_places; k++) {
		struct place *q = &places[k];
		if (q->node->kind != IP_Y_SCALAR && (t->buf[q->node->start]
		    == '{' || t->buf[q->node->start] == '[')
		    && q->node->start <= p->node->start
		    && q->node->end >= p->node->end) {
			size_t l = line_of(t->buf, (q->key ? q->key
			    : q->node)->start);
			lo = l < lo ? l : lo;
			l = line_of(t->buf, q->node->end) + 1;
			hi = l > hi ? l : hi;
			break;
		}
	}
	/* an explicit key without its colon on its line ("? key", or a
	 * block scalar "? |" whose colon begins the line after it) has no
	 * place of its own: its mapping is written afresh, from the line of
	 * the mapping's key */
	size_t c = p->key != NULL ? p->key->end : 0;
	while (p->key != NULL && c < t->len && (t->buf[c] == ' '
	    || t->buf[c] == '\t'))
		c++;
	bool bare = p->key != NULL && (c >= t->len || t->buf[c] != ':'
	    || line_of(t->buf, c) != line_of(t->buf, p->key->start));
	if (op == OP_REMOVE || (bare && op == OP_REPLACE)) {
		lo = line_of(t->buf, p->parent->start) - 1;
		hi = line_of(t->buf, p->parent->end) + 1;
	}

	struct ip_ynode *v = NULL;
	size_t before = ip_ynode_count(p->parent);
	char key[32];
	snprintf(key, sizeof(key), "zz%zu", *tried);
	switch (op) {
	case OP_REPLACE:
		v = new_value(doc);
		assert_int_equal(ip_doc_set(doc, p->parent, p->key->s, v), 0);
		break;
	case OP_ADD:
		v = new_value(doc);
		assert_int_equal(ip_doc_set(doc, p->node, key, v), 0);
		break;
	case OP_APPEND:
		v = new_value(doc);
		assert_int_equal(ip_doc_append(doc, p->node, v), 0);
		break;
	default:
		assert_int_equal(ip_doc_remove(doc, p->parent, p->key
		    ? p->key : p->node), 0);
		break;
	}
	if (ip_doc_finish(doc, d, &err) != 0) {
		size_t olen;
		const char *out = ip_doc_result_text(doc, &olen);
		ip_diags_print(d, stderr, 0);
		fprintf(stderr, "%.*s", (int)olen, out);
		fail_msg("%s: edit %d at line %zu does not load as meant",
		    t->name, op, lo);
	}
	/* the load gives the intended tree ... */
	const struct ip_ynode *got = ip_doc_result_tree(doc);
	assert_true(ip_ynode_equal(ip_doc_root(doc), got));
	/* ... which holds the value where it was put */
	if (op == OP_REPLACE || op == OP_ADD) {
		const struct ip_ynode *m = follow(got, p->path, p->depth
		    - (op == OP_REPLACE));
		assert_true(ip_ynode_equal(ip_ynode_get(m, op == OP_ADD
		    ? key : p->key->s), v));
	} else if (op == OP_APPEND) {
		const struct ip_ynode *s = follow(got, p->path, p->depth);
		assert_true(ip_ynode_equal(ip_ynode_item(s,
		    ip_ynode_count(s) - 1), v));
	} else {
		const struct ip_ynode *m = follow(got, p->path, p->depth - 1);
		assert_int_equal(ip_ynode_count(m) + 1, before);
	}

	char *diff;
	size_t dlen;
	FILE *f = ip_xmemstream(&diff, &dlen);
	ip_doc_diff(doc, t->name, f);
	ip_xmemstream_close(f);
	assert_true(dlen > 0);
	assert_diff_within(diff, lo, hi, t->name);
	free(diff);

	size_t olen;
	const char *out = ip_doc_result_text(doc, &olen);
	if (op != OP_REMOVE)
		assert_comments_kept(t->buf, t->len, out, olen,
		    op == OP_REPLACE ? p->key->end : 0,
		    op == OP_REPLACE ? p->node->end : 0, t->name);
	done = true;
out:
	ip_doc_free(doc);
	ip_diags_free(d);
	(*tried)++;
	return done;
}

static void
test_edit_every_plan(void **state)
{
	(void)state;
	size_t tried = 0, done = 0, loaded = 0;

	for (size_t i = 0; i < n_plans; i++) {
		struct ip_diags *d = ip_diags_new(plans[i].name);
		struct ip_doc *doc;
		if (ip_doc_open_buf(plans[i].buf, plans[i].len, d, &doc) >= 0)
			loaded++;
		ip_doc_free(doc);
		ip_diags_free(d);
		rnd_state = 2463534242u + (uint32_t)i;
		for (int k = 0; k < 24; k++)
			done += one_edit(&plans[i], (enum op)(k % OP_COUNT),
			    &tried);
	}
	/* the plans are there, and most took every kind of edit */
	assert_true(loaded > 100);
	assert_true(done > loaded * 20);
	free(places);
	places = NULL;
	n_places = cap_places = 0;
}

/* A plan in CRLF stays CRLF where it is edited. */
static void
test_edit_crlf(void **state)
{
	(void)state;
	for (size_t i = 0; i < n_plans; i++) {
		if (strncmp(plans[i].name, IPLAN_SRCDIR "/examples/",
		    strlen(IPLAN_SRCDIR "/examples/")) != 0)
			continue;
		char *crlf = ip_xmalloc(2 * plans[i].len + 1);
		size_t n = 0;
		for (size_t j = 0; j < plans[i].len; j++) {
			if (plans[i].buf[j] == '\n')
				crlf[n++] = '\r';
			crlf[n++] = plans[i].buf[j];
		}
		struct text t = { plans[i].name, crlf, n };
		size_t tried = 0;
		rnd_state = 88172645u;
		for (int k = 0; k < 16; k++)
			one_edit(&t, (enum op)(k % OP_COUNT), &tried);
		/* and every line break of an edit too */
		struct ip_diags *d = ip_diags_new(t.name);
		struct ip_doc *doc;
		assert_true(ip_doc_open_buf(crlf, n, d, &doc) >= 0);
		struct ip_ynode *r = ip_doc_map_at(doc, ip_doc_root(doc),
		    "closed");
		ip_doc_set(doc, r, "reason", ip_doc_new_text(doc,
		    "one\ntwo\n"));
		assert_int_equal(ip_doc_finish(doc, d, &err), 0);
		size_t olen;
		const char *out = ip_doc_result_text(doc, &olen);
		for (size_t j = 0; j < olen; j++)
			if (out[j] == '\n')
				assert_true(j > 0 && out[j - 1] == '\r');
		ip_doc_free(doc);
		ip_diags_free(d);
		free(crlf);
	}
	free(places);
	places = NULL;
	n_places = cap_places = 0;
}

/* --- the shapes ---------------------------------------------------------- */

typedef void edit_fn(struct ip_doc *doc, struct ip_ynode *root);

/* Applies fn to the plan text in and compares the text made with want. */
static void
assert_edit(const char *in, edit_fn *fn, const char *want)
{
	struct ip_diags *d = ip_diags_new("t.yaml");
	struct ip_doc *doc;
	assert_true(ip_doc_open_buf(in, strlen(in), d, &doc) >= 0);
	fn(doc, ip_doc_root(doc));
	if (ip_doc_finish(doc, d, &err) != 0)
		fail_msg("does not load as meant");
	size_t len;
	const char *out = ip_doc_result_text(doc, &len);
	if (len != strlen(want) || memcmp(out, want, len) != 0)
		fail_msg("made:\n%.*s\nnot:\n%s", (int)len, out, want);
	ip_doc_free(doc);
	ip_diags_free(d);
}

static void
close_plan(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "status", ip_doc_new_word(doc, "closed"));
	struct ip_ynode *c = ip_doc_new_map(doc);
	ip_doc_set_after(doc, root, "closed", c, "status");
	ip_doc_set(doc, c, "date", ip_doc_new_date(doc, 20781));
	ip_doc_set(doc, c, "reason", ip_doc_new_text(doc, "Flyttet: Molde"));
}

static void
review_done(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *r = ip_ynode_item(ip_ynode_get(ip_ynode_get(root,
	    "period"), "reviews"), 0);
	ip_doc_set_after(doc, r, "done", ip_doc_new_date(doc, 20781), "date");
	ip_doc_set_after(doc, r, "summary", ip_doc_new_text(doc,
	    "Vi møttes.\n\nAlt gikk bra.\n"), "done");
	struct ip_ynode *next = ip_doc_new_map(doc);
	ip_doc_set(doc, next, "date", ip_doc_new_date(doc, 20961));
	ip_doc_append(doc, ip_ynode_get(ip_ynode_get(root, "period"),
	    "reviews"), next);
}

static void
append_flow(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_append(doc, ip_ynode_get(root, "legal_basis"),
	    ip_doc_new_word(doc, "hol-7-1"));
}

static void
set_in_flow(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, ip_ynode_get(root, "closed"), "reason",
	    ip_doc_new_text(doc, "Ny grunn"));
}

static void
remove_item(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *s = ip_ynode_get(root, "needs");
	ip_doc_remove(doc, s, ip_ynode_item(s, 1));
}

static void
remove_last(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *s = ip_ynode_get(root, "needs");
	ip_doc_remove(doc, s, ip_ynode_item(s, 0));
}

static void
set_thrice(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "status", ip_doc_new_word(doc, "a"));
	ip_doc_set(doc, root, "status", ip_doc_new_word(doc, "b"));
	ip_doc_set(doc, root, "status", ip_doc_new_word(doc, "closed"));
}

static void
set_empty_twice(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *m = ip_doc_new_map(doc);
	ip_doc_set(doc, m, "date", ip_doc_new_date(doc, 20600));
	ip_doc_set(doc, root, "closed", m);
	ip_doc_set(doc, root, "closed", ip_doc_new_text(doc, "x"));
}

static void
remove_id(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
}

static void
set_id_quoted(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "  y"));
}

static void
add_then_remove_last(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, ip_ynode_get(root, "m"), "z", ip_doc_new_text(doc,
	    "q"));
	ip_doc_remove(doc, root, ip_ynode_item(root, 2));
}

static void
add_at_end_then_remove_last(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "z", ip_doc_new_text(doc, "q"));
	ip_doc_remove(doc, root, ip_ynode_item(root, 2));
}

static void
add_quoted(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "status", ip_doc_new_text(doc, "  y"));
}

static void
remove_s_first(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *s = ip_ynode_get(root, "s");
	ip_doc_remove(doc, s, ip_ynode_item(s, 0));
}

static void
remove_first(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 0));
}

static void
set_bom_key(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "\xef\xbb\xbf", ip_doc_new_text(doc, "v"));
}

static void
remove_third(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 2));
}

static void
set_lines(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "to\nlinjer\n"));
	ip_doc_set(doc, root, "status", ip_doc_new_text(doc, "a\nb"));
}

/* Items put at the start, between, and two at one place the second
 * before the first. */
static void
insert_items(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *s = ip_ynode_get(root, "needs");
	ip_doc_insert(doc, s, ip_doc_new_word(doc, "first"), 0);
	ip_doc_insert(doc, s, ip_doc_new_word(doc, "y"), 2);
	ip_doc_insert(doc, s, ip_doc_new_word(doc, "x"), 2);
}

static void
insert_first(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_insert(doc, ip_ynode_get(root, "needs"),
	    ip_doc_new_word(doc, "first"), 0);
}

static void
set_breaks(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "a\xc2\x85"
	    "b\xe2\x80\xa8" "c\xe2\x80\xa9\xef\xbb\xbf"));
}

static void
replace_values(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "summary", ip_doc_new_text(doc, "ny"));
	ip_doc_set(doc, root, "needs", ip_doc_new_text(doc, "a\nb"));
	ip_doc_set(doc, root, "closed", ip_doc_new_word(doc, "x"));
}

/* What the fuzz targets found: edits after edits. */
static void
refill(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *p = ip_ynode_get(root, "period");
	ip_doc_remove(doc, p, ip_ynode_item(p, 0));
	ip_doc_set(doc, p, "end", ip_doc_new_date(doc, 20600));
}

static void
after_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "a", ip_doc_new_word(doc, "1"));
	ip_doc_set(doc, root, "a", ip_doc_new_word(doc, "2"));
	ip_doc_remove(doc, root, ip_ynode_item(root, 2));
	ip_doc_set(doc, root, "b", ip_doc_new_word(doc, "3"));
}

static void
last_lines(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "note", ip_doc_new_text(doc, "a\n"));
	struct ip_ynode *m = ip_doc_new_map(doc);
	ip_doc_set(doc, m, "b", ip_doc_new_word(doc, "c"));
	ip_doc_set(doc, root, "id", m);
}

static void
after_block(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_append(doc, ip_ynode_get(root, "needs"),
	    ip_doc_new_word(doc, "b"));
}

static void
into_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *p = ip_ynode_get(root, "person");
	ip_doc_set(doc, p, "x", ip_doc_new_word(doc, "y"));
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
}

static void
two_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
	ip_doc_set_after(doc, root, "status", ip_doc_new_word(doc, "closed"),
	    "language");
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
}

static void
emptied_then_after(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *m = ip_ynode_get(root, "id");
	ip_doc_remove(doc, m, ip_ynode_item(m, 0));
	ip_doc_set_after(doc, root, "status", ip_doc_new_word(doc, "closed"),
	    "id");
}

static void
tab_first(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "\ta\nb"));
}

static void
two_last_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 2));
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
}

static void
set_two_lines(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "a\nb"));
}

static void
set_after_comment(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_text(doc, "a\nb"));
}

static void
insert_nested(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_insert(doc, ip_ynode_item(ip_ynode_get(root, "x"), 0),
	    ip_doc_new_word(doc, "first"), 0);
}

static void
set_then_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "id", ip_doc_new_date(doc, 20600));
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
}

static void
keys_around_removed(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *p = ip_ynode_get(root, "period");
	ip_doc_set(doc, p, "a", ip_doc_new_word(doc, "1"));
	ip_doc_remove(doc, p, ip_ynode_item(p, 0));
	ip_doc_set(doc, p, "b", ip_doc_new_word(doc, "2"));
}

static void
emptied_by_new(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *p = ip_ynode_get(root, "person");
	ip_doc_set(doc, p, "note", ip_doc_new_word(doc, "y"));
	ip_doc_remove(doc, p, ip_ynode_item(p, 0));
	ip_doc_remove(doc, p, ip_ynode_item(p, 0));
}

static void
set_in_rewritten(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *i = ip_ynode_item(ip_ynode_get(root, "participants"),
	    0);
	ip_doc_remove(doc, i, ip_ynode_item(i, 0));
	ip_doc_set(doc, i, "name", ip_doc_new_word(doc, "z"));
}

static void
add_name(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, ip_ynode_get(root, "person"), "name",
	    ip_doc_new_word(doc, "z"));
}

static char long_key[1026];

static void
odd_keys(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "a\nb", ip_doc_new_word(doc, "x"));
	ip_doc_set(doc, root, "yes", ip_doc_new_word(doc, "y"));
	ip_doc_set(doc, root, long_key + 1, ip_doc_new_word(doc, "z"));
	struct ip_ynode *m = ip_doc_new_map(doc);
	ip_doc_set(doc, m, "date", ip_doc_new_date(doc, 20600));
	ip_doc_set(doc, root, long_key, m);
}

static void
set_null_key(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_set(doc, root, "", ip_doc_new_word(doc, "v"));
}

static void
block_before_cut(struct ip_doc *doc, struct ip_ynode *root)
{
	ip_doc_remove(doc, root, ip_ynode_item(root, 1));
	ip_doc_set_after(doc, root, "note", ip_doc_new_text(doc, "a\n"),
	    "format");
}

/* The first participant, a mapping in a list. */
static struct ip_ynode *
participant(struct ip_ynode *root)
{
	return ip_ynode_item(ip_ynode_get(root, "participants"), 0);
}

static void
cut_in_rewritten(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *i = participant(root);
	ip_doc_remove(doc, i, ip_ynode_item(i, 0));
	ip_doc_remove(doc, i, ip_ynode_item(i, 1));
}

static void
remove_first_in_item(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *i = participant(root);
	ip_doc_remove(doc, i, ip_ynode_item(i, 0));
}

static void
cuts_around_rewritten(struct ip_doc *doc, struct ip_ynode *root)
{
	struct ip_ynode *i = participant(root);
	ip_doc_remove(doc, i, ip_ynode_item(i, 3));
	cut_in_rewritten(doc, root);
}

static void
key_after_rewritten(struct ip_doc *doc, struct ip_ynode *root)
{
	cut_in_rewritten(doc, root);
	ip_doc_set(doc, root, "status", ip_doc_new_word(doc, "closed"));
}

static void
test_edit_shapes(void **state)
{
	(void)state;
	/* a key after another, comments and a trailing one kept */
	assert_edit("# top\nformat: iplan/1\nstatus: active  # now\n"
	    "\n# people\nid: x\n", close_plan,
	    "# top\nformat: iplan/1\nstatus: closed  # now\n"
	    "closed:\n  date: 2026-11-24\n  reason: \"Flyttet: Molde\"\n"
	    "\n# people\nid: x\n");
	/* in a list item, at the neighbours' columns; a literal block */
	assert_edit("format: iplan/1\nperiod:\n    start: 2026-01-01\n"
	    "    reviews:\n    - date: 2026-11-20   # planned\n"
	    "      # the meeting\n    - date: 2027-05-01\n",
	    review_done,
	    "format: iplan/1\nperiod:\n    start: 2026-01-01\n"
	    "    reviews:\n    - date: 2026-11-20   # planned\n"
	    "      done: 2026-11-24\n      summary: |\n"
	    "          Vi møttes.\n\n          Alt gikk bra.\n"
	    "      # the meeting\n    - date: 2027-05-01\n"
	    "    - date: 2027-05-23\n");
	/* a flow list that must change is written in block style */
	assert_edit("format: iplan/1\nlegal_basis: [pasrl-2-5, 'sphl-2-5']"
	    "  # laws\nid: x\n", append_flow,
	    "format: iplan/1\nlegal_basis:\n  - pasrl-2-5\n  - 'sphl-2-5'\n"
	    "  - hol-7-1  # laws\nid: x\n");
	assert_edit("format: iplan/1\nclosed: {date: 2026-11-01, reason: x}\n",
	    set_in_flow,
	    "format: iplan/1\nclosed:\n  date: 2026-11-01\n"
	    "  reason: Ny grunn\n");
	/* and keeps the comments in it, after it */
	assert_edit("format: iplan/1\nlegal_basis: [pasrl-2-5,  # first\n"
	    "  'a # b', \"c # d\"]  # laws\nid: x\n", append_flow,
	    "format: iplan/1\nlegal_basis:\n  - pasrl-2-5\n  - 'a # b'\n"
	    "  - \"c # d\"\n  - hol-7-1\n  # first  # laws\nid: x\n");
	/* CRLF */
	assert_edit("format: iplan/1\r\nstatus: active\r\n", close_plan,
	    "format: iplan/1\r\nstatus: closed\r\nclosed:\r\n"
	    "  date: 2026-11-24\r\n  reason: \"Flyttet: Molde\"\r\n");
	/* an item removed with its lines; the last leaves an empty list */
	assert_edit("format: iplan/1\nneeds:\n  - a\n  - b  # b\n  - c\n",
	    remove_item, "format: iplan/1\nneeds:\n  - a\n  - c\n");
	assert_edit("format: iplan/1\nneeds:\n  - a\n", remove_last,
	    "format: iplan/1\nneeds: []\n");
	/* a value replaced again: the last stands */
	assert_edit("format: iplan/1\nstatus: active # now\nid: x\n",
	    set_thrice, "format: iplan/1\nstatus: closed # now\nid: x\n");
	assert_edit("format: iplan/1\nclosed:\nid: x\n", set_empty_twice,
	    "format: iplan/1\nclosed: x\nid: x\n");
	/* a comment after a value on one line stays on the first line of
	 * one of several, as trailing spaces do, not in a literal block */
	assert_edit("format: iplan/1\nid: x  # the id\nstatus: \n",
	    set_lines, "format: iplan/1\nid: |  # the id\n  to\n  linjer\n"
	    "status: |- \n  a\n  b\n");
	/* an explicit key without a value: its mapping written afresh */
	assert_edit("format: iplan/1\n? status\nid: x  # x\n", set_thrice,
	    "format: iplan/1\nstatus: closed\nid: x  # x\n");
	/* a byte order mark is no column, and stays */
	assert_edit("\xef\xbb\xbf" "format: iplan/1\nstatus: active\n",
	    close_plan, "\xef\xbb\xbf" "format: iplan/1\nstatus: closed\n"
	    "closed:\n  date: 2026-11-24\n  reason: \"Flyttet: Molde\"\n");
	/* a value of several lines in a flow collection written again
	 * keeps its lines, at the new indentation */
	assert_edit("format: iplan/1\nlegal_basis: [a\n b, \"c\n   d\"]\n",
	    append_flow, "format: iplan/1\nlegal_basis:\n  - a\n    b\n"
	    "  - \"c\n    d\"\n  - hol-7-1\n");
	/* NEL, LS and PS, line breaks to YAML 1.1 and not to 1.2, are
	 * refused as the plan is read; a text that holds them is written
	 * with their escapes */
	for (int i = 0; i < 3; i++) {
		static const char *const breaks[] = {
			"format: iplan/1\nid: a\xe2\x80\xa8status: x\n",
			"format: iplan/1\nid: \"a\xe2\x80\xa9" "b\"\n",
			"format: iplan/1 # \xc2\x85\n" };
		struct ip_diags *d = ip_diags_new("t.yaml");
		struct ip_doc *doc;
		assert_true(ip_doc_open_buf(breaks[i], strlen(breaks[i]), d,
		    &doc) < 0);
		assert_int_equal(d->v[0].rule, IP_R_ENCODING);
		assert_int_equal(d->v[0].pos.line, i < 2 ? 2 : 1);
		ip_diags_free(d);
	}
	assert_edit("format: iplan/1\nid: x\n", set_breaks,
	    "format: iplan/1\nid: \"a\\Nb\\Lc\\P\\uFEFF\"\n");
	assert_edit("format: iplan/1\r\nid: a", remove_id,
	    "format: iplan/1");
	/* items put among others, on lines of their own: before the first
	 * after what is above its dash, a comment line too */
	assert_edit("format: iplan/1\nneeds:\n  # the needs\n  - a  # a\n"
	    "  - b\n", insert_items, "format: iplan/1\nneeds:\n"
	    "  # the needs\n  - first\n  - a  # a\n  - x\n  - y\n  - b\n");
	assert_edit("format: iplan/1\r\nneeds:\r\n- a\r\n", insert_first,
	    "format: iplan/1\r\nneeds:\r\n- first\r\n- a\r\n");
	/* a list whose first dash does not begin its line is written
	 * afresh */
	assert_edit("format: iplan/1\nx:\n  - - a\n    - b\nneeds: [c]\n",
	    insert_nested, "format: iplan/1\nx:\n  - - first\n    - a\n"
	    "    - b\nneeds: [c]\n");
	/* the comments in a value replaced follow the new one, each on a
	 * line of its own, out of reach of a literal block: after a block
	 * scalar's indicator, in a flow collection, in a mapping */
	assert_edit("format: iplan/1\nsummary: | # fra møtet\n  tekst\n"
	    "needs: [a, # first\n  b]  # tail\nclosed:\n  # why\n"
	    "  reason: a  # r\n  date: 2026-01-01\nid: x\n", replace_values,
	    "format: iplan/1\nsummary: ny\n# fra møtet\n"
	    "needs: |-  # tail\n  a\n  b\n# first\nclosed: x\n# why\n"
	    "# r\nid: x\n");
	/* a key added to a mapping its edits emptied; keys added after a
	 * key removed, a value of a new key replaced; a literal block last
	 * in a text without a last line break, and an empty value there
	 * replaced after keys were added after it; an item after a block
	 * scalar that ended the text; a key put in a mapping since
	 * removed */
	assert_edit("format: iplan/1\nperiod:\n  start: 2026-01-01\n", refill,
	    "format: iplan/1\nperiod:\n  end: 2026-05-27\n");
	assert_edit("format: iplan/1\nid: x\nperson:\n  name: K\n",
	    after_removed, "format: iplan/1\nid: x\na: 2\nb: 3\n");
	assert_edit("format: iplan/1\nid:", last_lines,
	    "format: iplan/1\nid:\n  b: c\nnote: |\n  a\n");
	assert_edit("format: iplan/1\nneeds:\n  - |\n    a", after_block,
	    "format: iplan/1\nneeds:\n  - \"a\"\n  - b");
	assert_edit("format: iplan/1\nperson:\n  name: K", into_removed,
	    "format: iplan/1");
	/* keys added after one removed, then the one above it removed;
	 * after a mapping its removal emptied; a text whose first line
	 * starts with a tab, which libyaml takes for indentation in a
	 * literal block */
	assert_edit("format: iplan/1\nid: x\nlanguage: nb\nperson: {}\n",
	    two_removed, "format: iplan/1\nstatus: closed\nperson: {}\n");
	assert_edit("format: iplan/1\nid:\n    role: x\n\ngoals:\n",
	    emptied_then_after,
	    "format: iplan/1\nid: {}\nstatus: closed\n\ngoals:\n");
	assert_edit("format: iplan/1\nid: x\n", tab_first,
	    "format: iplan/1\nid: \"\\ta\\nb\"\n");
	/* the last two lines removed, the last without a line break; a
	 * key added after an explicit one */
	assert_edit("format: iplan/1\nid: x\nstatus: active", two_last_removed,
	    "format: iplan/1\n");
	assert_edit("? id\n: x\nformat: iplan/1\n", close_plan,
	    "? id\n: x\nformat: iplan/1\nstatus: closed\nclosed:\n"
	    "  date: 2026-11-24\n  reason: \"Flyttet: Molde\"\n");
	/* a block scalar of lines of spaces replaced with them, not its
	 * empty lines after it */
	assert_edit("format: iplan/1\nid: |\n     \n\nstatus: x\n",
	    set_two_lines, "format: iplan/1\nid: |-\n  a\n  b\n\nstatus: x\n");
	/* a comment line after it, indented more than its key, would be a
	 * line of a literal block: the text is quoted */
	assert_edit("format: iplan/1\nid:\n    # a comment\nstatus: x\n",
	    set_after_comment, "format: iplan/1\nid: \"a\\nb\"\n"
	    "    # a comment\nstatus: x\n");
	/* a value set, then its key removed, the last line without a line
	 * break: the value goes with it */
	assert_edit("format: iplan/1\nid:", set_then_removed,
	    "format: iplan/1");
	/* a key added after one added where the first was removed: at the
	 * column of the keys */
	assert_edit("format: iplan/1\nperiod:\n  start:", keys_around_removed,
	    "format: iplan/1\nperiod:\n  a: 1\n  b: 2");
	/* a mapping emptied by removing a new key, after the old one: {} */
	assert_edit("format: iplan/1\nperson:\n  name: x\n", emptied_by_new,
	    "format: iplan/1\nperson: {}\n");
	assert_edit("format: iplan/1\nperson:\n  name: x", emptied_by_new,
	    "format: iplan/1\nperson: {}");
	/* a value set inside an item written afresh, its line's rest after
	 * the end of the item's text: the item writes it */
	assert_edit("format: iplan/1\nparticipants:\n  - id: per\n    name: x ",
	    set_in_rewritten, "format: iplan/1\nparticipants:\n  - name: z ");
	/* a block scalar that keeps its empty lines after it (|+): a key
	 * added after it goes after them, and a value in its place takes
	 * them, as they are its own text */
	assert_edit("format: iplan/1\nid: |+\n  x\n\n", close_plan,
	    "format: iplan/1\nid: |+\n  x\n\nstatus: closed\nclosed:\n"
	    "  date: 2026-11-24\n  reason: \"Flyttet: Molde\"\n");
	assert_edit("format: iplan/1\nperson:\n  note: >2+\n    x\n   \n\n"
	    "id: y\n", add_name, "format: iplan/1\nperson:\n  note: >2+\n"
	    "    x\n   \n\n  name: z\nid: y\n");
	assert_edit("format: iplan/1\nid: |+\n  x\n\nstatus: x\n",
	    set_two_lines, "format: iplan/1\nid: |-\n  a\n  b\nstatus: x\n");
	/* a new key is quoted where it would not read back as the same
	 * text, and longer than 1024 characters, the most libyaml reads
	 * before a key's colon, an explicit one */
	memset(long_key, 'k', sizeof(long_key) - 1);
	static char want[2200];
	snprintf(want, sizeof(want), "format: iplan/1\n\"a\\nb\": x\n"
	    "\"yes\": y\n%s: z\n? %s\n:\n  date: 2026-05-27\n", long_key + 1,
	    long_key);
	assert_edit("format: iplan/1\n", odd_keys, want);
	/* a mapping written afresh keeps its keys of no text (null) and
	 * of several lines explicit */
	assert_edit("format: iplan/1\n? # c\n? a\n  b\n: x\n", set_null_key,
	    "format: iplan/1\n?\n: v\n? a\n  b\n: x\n# c\n");
	/* a literal block put before the cut of the last line, which has
	 * no line break, gets its last line break */
	assert_edit("format: iplan/1\nid: x", block_before_cut,
	    "format: iplan/1\nnote: |\n  a\n");
	/* nor is a key removed from it after that, which would join the
	 * cut of the last line after it */
	assert_edit("format: iplan/1\nparticipants:\n  - id: per\n    name: x\n"
	    "    note: y\n    role: z", cuts_around_rewritten,
	    "format: iplan/1\nparticipants:\n  - name: x");
	/* and a key added after it goes after the text it replaces */
	assert_edit("format: iplan/1\nparticipants:\n  - id: per\n    name: x\n"
	    "    role: z\n", key_after_rewritten, "format: iplan/1\n"
	    "participants:\n  - name: x\nstatus: closed\n");
	/* an item written afresh from its dash, not from a '-' in a
	 * comment between them */
	assert_edit("format: iplan/1\nparticipants:\n  - # a-b\n"
	    "    # x - 2026-01-01\n    id: per\n", remove_first_in_item,
	    "format: iplan/1\nparticipants:\n  - {}\n  # a-b\n"
	    "  # x - 2026-01-01\n");
	/* a line of spaces that comes after it once the lines between are
	 * cut would be taken into a literal block: the text is quoted */
	assert_edit("format: iplan/1\nid: x\n   ", block_before_cut,
	    "format: iplan/1\nnote: \"a\\n\"\n   ");
	/* a byte order mark that begins a line is a column to libyaml */
	assert_edit("format: iplan/1\nneeds:\n\xef\xbb\xbf- a\n", after_block,
	    "format: iplan/1\nneeds:\n\xef\xbb\xbf- a\n - b\n");
	/* and the dash after it is the item's: its value, written afresh
	 * in block style, starts there */
	assert_edit("format: iplan/1\nparticipants:\n\xef\xbb\xbf  - "
	    "{id: per, name: x}\n", remove_first_in_item,
	    "format: iplan/1\nparticipants:\n\xef\xbb\xbf  - name: x\n");
	/* an explicit key without a value, its '?' a line above: removed
	 * with the key's lines, not the next key's (libyaml puts the empty
	 * value where the next key starts); the mapping is written afresh,
	 * its comments kept after it */
	assert_edit("format: iplan/1\n? # c\n  x\nid: y\n", remove_id,
	    "format: iplan/1\nid: y\n# c\n");
	/* keys added to a mapping whose first key is such a one go at the
	 * mapping's column, not that key's */
	assert_edit("? # c\n x\nformat: iplan/1\nstatus: active\n",
	    close_plan, "? # c\n x\nformat: iplan/1\nstatus: closed\n"
	    "closed:\n  date: 2026-11-24\n  reason: \"Flyttet: Molde\"\n");
	/* the last line, without a line break, removed after a block
	 * scalar: the line break before it is the block's, and stays */
	assert_edit("format: iplan/1\nnote: |\n  x\nid: y", remove_third,
	    "format: iplan/1\nnote: |\n  x\n");
	/* lines of blanks with a tab after a plain scalar are its own to
	 * libyaml, which refuses them after a quoted one: they go with it */
	assert_edit("format: iplan/1\nid: x\n  \t\n\nstatus: active\n",
	    set_id_quoted, "format: iplan/1\nid: \"  y\"\n\nstatus: active\n");
	/* a key that is a block scalar is explicit, even one with no text,
	 * whose '|' would otherwise stand before the colon */
	assert_edit("format: iplan/1\n? fro\np:\n ? |-  ", remove_id,
	    "format: iplan/1\np:\n ? \"\"\n : ");
	/* a key added after a block scalar that keeps its empty lines, and
	 * the key after it removed, the last of the text: the empty line
	 * stays the scalar's */
	assert_edit("format: iplan/1\nm:\n  k:\n    c: |+\n      x\n\ng: 1",
	    add_then_remove_last, "format: iplan/1\nm:\n  k:\n    c: |+\n"
	    "      x\n\n  z: q\n");
	/* the same text, a key added at its end, then its last key removed:
	 * the key goes before the line break the scalar keeps */
	assert_edit("format: iplan/1\nm:\n  k:\n    c: |+\n      x\n\ng: 1",
	    add_at_end_then_remove_last, "format: iplan/1\nm:\n  k:\n    c: |+\n"
	    "      x\n\nz: q\n");
	/* a comment line whose blanks hold a tab, after a plain scalar, is
	 * the scalar's: libyaml takes the tab only there */
	assert_edit("format: iplan/1\nid: x\n \t# c\n", add_quoted,
	    "format: iplan/1\nid: x\n \t# c\nstatus: \"  y\"\n");
	/* the comments indented under a key removed go with it: left,
	 * they would be the text of a block scalar before it */
	assert_edit("format: iplan/1\nid: |\n  text\np:\n  a: 1\n\n  # p\n"
	    "\nq: 2\n", remove_third, "format: iplan/1\nid: |\n  text\n\n"
	    "q: 2\n");
	/* and those at its column or left of it stay */
	assert_edit("format: iplan/1\nid: |\n  text\np:\n  a: 1\n# q\nq: 2\n",
	    remove_third, "format: iplan/1\nid: |\n  text\n# q\nq: 2\n");
	/* an item below its dash has the dash's line too */
	assert_edit("format: iplan/1\ns:\n-\n  t\n- u\n", remove_s_first,
	    "format: iplan/1\ns:\n- u\n");
	/* a key that is a block scalar has its colon on a line of its
	 * own: the '?' on a line above goes with it, its comment kept */
	assert_edit("? # c\n>\n: \nformat: iplan/1\nid: x\n",
	    remove_first, "format: iplan/1\nid: x\n# c\n");
	/* a key that begins with a byte order mark, which libyaml skips
	 * at the start of a line, stays off it: "? key"; its value had no
	 * place, so the mapping is written afresh, its comment after it */
	assert_edit("format: iplan/1\n? \xef\xbb\xbf # c\nid: x\n",
	    set_bom_key, "format: iplan/1\n? \xef\xbb\xbf\n: v\nid: x\n# c\n");
	/* the spaces that end a block scalar's last line are its text:
	 * written afresh, it takes them */
	assert_edit("format: iplan/1\nparticipants:\n  - id: per\n"
	    "    note: |\n      x\n      a ", remove_first_in_item,
	    "format: iplan/1\nparticipants:\n  - note: |-\n      x\n"
	    "      a ");
	/* a key removed from an item written afresh: the item writes
	 * what is left, and its last line break stays */
	assert_edit("format: iplan/1\nparticipants:\n  - id: per\n    name: x\n"
	    "    role: y  # r\nid: z\n", cut_in_rewritten,
	    "format: iplan/1\nparticipants:\n  - name: x  # r\nid: z\n");
	/* no line break at the end */
	assert_edit("format: iplan/1\nstatus: active", close_plan,
	    "format: iplan/1\nstatus: closed\nclosed:\n  date: 2026-11-24\n"
	    "  reason: \"Flyttet: Molde\"");
}

/* A diff shows only the lines changed, with their context. */
static void
test_edit_diff(void **state)
{
	(void)state;
	const char *in = "format: iplan/1\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n"
	    "f: 6\ng: 7\nstatus: active\n";
	struct ip_diags *d = ip_diags_new("t.yaml");
	struct ip_doc *doc;
	assert_true(ip_doc_open_buf(in, strlen(in), d, &doc) >= 0);
	struct ip_ynode *root = ip_doc_root(doc);
	ip_doc_set(doc, root, "a", ip_doc_new_word(doc, "one"));
	ip_doc_set(doc, root, "closed", ip_doc_new_word(doc, "x"));
	assert_int_equal(ip_doc_finish(doc, d, &err), 0);
	char *diff;
	size_t len;
	FILE *f = ip_xmemstream(&diff, &len);
	ip_doc_diff(doc, "t.yaml", f);
	ip_xmemstream_close(f);
	assert_string_equal(diff, "--- a/t.yaml\n+++ b/t.yaml\n"
	    "@@ -1,5 +1,5 @@\n format: iplan/1\n-a: 1\n+a: one\n b: 2\n"
	    " c: 3\n d: 4\n"
	    "@@ -7,3 +7,4 @@\n f: 6\n g: 7\n status: active\n+closed: x\n");
	free(diff);
	ip_doc_free(doc);
	ip_diags_free(d);
}

/* --- a signal while the plan is written --------------------------------- */

static char *
slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = malloc(8 << 20);
	assert_non_null(buf);
	*len = fread(buf, 1, 8 << 20, f);
	fclose(f);
	return buf;
}

static void
put(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(buf, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The entries of dir but . and .. */
static int
entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static double
now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* In a child: ip_doc_save() of doc to path, with sig sent after delay
 * seconds.  Returns the child's wait status. */
static int
save_signalled(struct ip_doc *doc, const char *path, int sig, double delay)
{
	int status;
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit core = { 0, 0 };	/* no core file */
		struct sigevent ev = { .sigev_notify = SIGEV_SIGNAL,
		    .sigev_signo = sig };
		struct itimerspec at = { .it_value = {
		    (time_t)delay, (long)((delay - (double)(time_t)delay)
		    * 1e9) + 1 } };
		timer_t t;
		setrlimit(RLIMIT_CORE, &core);
		if (timer_create(CLOCK_MONOTONIC, &ev, &t) != 0
		    || timer_settime(t, 0, &at, NULL) != 0)
			_exit(10);
		const struct ip_err e = { stderr, "test" };
		_exit(ip_doc_save(doc, path, &e) == 0 ? 0 : 11);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

/* SIGINT, SIGTERM, SIGHUP and SIGALRM at moments spread over the writing
 * of a plan of 1 MB: the plan is after it the old text or the new,
 * whole, and nothing is left beside it. */
static void
test_edit_save_killed(void **state)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGALRM };
	char dir[PATH_MAX], path[PATH_MAX + 16];
	(void)state;
	snprintf(dir, sizeof(dir), "%s/unit-edit-XXXXXX", IPLAN_BUILDDIR);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/plan.yaml", dir);

	/* 1 MB of needs, each near the largest value a plan may hold */
	size_t len = 0;
	char *old = malloc(2 << 20), *item = malloc(IP_MAX_SCALAR);
	assert_non_null(old);
	assert_non_null(item);
	memset(item, 'a', IP_MAX_SCALAR - 1024);
	item[IP_MAX_SCALAR - 1024] = '\0';
	len += (size_t)sprintf(old, "format: iplan/1\nstatus: active\n"
	    "needs:\n");
	for (int i = 0; i < 4; i++)
		len += (size_t)sprintf(old + len, "  - %s\n", item);
	free(item);
	struct ip_diags *d = ip_diags_new(path);
	struct ip_doc *doc;
	assert_true(ip_doc_open_buf(old, len, d, &doc) >= 0);
	ip_doc_set(doc, ip_doc_root(doc), "status", ip_doc_new_word(doc,
	    "closed"));
	assert_int_equal(ip_doc_finish(doc, d, &err), 0);
	size_t new_len;
	const char *new = ip_doc_result_text(doc, &new_len);

	/* how long a save takes, unhindered */
	put(path, old, len);
	double t0 = now();
	assert_int_equal(save_signalled(doc, path, SIGALRM, 1000), 0);
	double took = now() - t0;
	int killed = 0;
	for (int i = 0; i < 16; i++) {
		put(path, old, len);
		int st = save_signalled(doc, path, sigs[i % 4], took * i / 12);
		size_t got_len;
		char *got = slurp(path, &got_len);
		if (!((got_len == len && memcmp(got, old, len) == 0)
		    || (got_len == new_len && memcmp(got, new, new_len) == 0)))
			fail_msg("signal %d after %.6f s: a plan neither old "
			    "nor new", sigs[i % 4], took * i / 12);
		free(got);
		assert_int_equal(entries(dir), 1);
		if (WIFSIGNALED(st)) {
			assert_int_equal(WTERMSIG(st), sigs[i % 4]);
			killed++;
		} else
			assert_int_equal(WEXITSTATUS(st), 0);
	}
	assert_true(killed > 0);
	unlink(path);
	rmdir(dir);
	free(old);
	ip_doc_free(doc);
	ip_diags_free(d);
}

int
main(void)
{
	static const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_shapes),
		cmocka_unit_test(test_edit_diff),
		cmocka_unit_test(test_edit_every_plan),
		cmocka_unit_test(test_edit_crlf),
		cmocka_unit_test(test_edit_save_killed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
