/*
 * fuzz-edit.c - libFuzzer target: random edits of a plan in its own
 * text (lib/edit.c), chosen by a hash of the input: the edited text must
 * load and hold what the edits meant, and the diff be made, whatever the
 * plan.  A plan that does not load is left alone.
 */
#include <stdlib.h>
#include <string.h>

#include "edit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t state;

static uint32_t
rnd(uint32_t n)
{
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return n ? state % n : 0;
}

/* The i-th node of the tree in document order, with its parent. */
static struct ip_ynode *
nth(struct ip_ynode *n, size_t *i, struct ip_ynode **parent)
{
	for (struct ip_ynode *c = n->first; c; c = c->next) {
		if ((*i)-- == 0) {
			*parent = n;
			return c;
		}
		struct ip_ynode *r = nth(c, i, parent);
		if (r != NULL)
			return r;
	}
	return NULL;
}

static const char *const texts[] = { "ord", "a: b", "# x", "to\nlinjer\n",
	"  innrykk", "yes", "2026-01-01", "\"sitat\" \\", "æøå", "", "- x",
	"x, [y] {z}", "slutt:", "tab\there", "null", "~", "linje\nuten slutt" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct ip_diags *d = ip_diags_new("fuzz.yaml");
	struct ip_err e;
	struct ip_doc *doc;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	e = (struct ip_err){ null, "fuzz" };
	state = 2166136261u;
	for (size_t i = 0; i < size; i++)
		state = (state ^ data[i]) * 16777619u;
	state |= 1;
	if (ip_doc_open_buf((const char *)data, size, d, &doc) < 0) {
		ip_diags_free(d);
		return 0;
	}
	for (int k = rnd(4) + 1; k > 0; k--) {
		size_t i = rnd(IP_MAX_NODES);
		struct ip_ynode *root = ip_doc_root(doc), *parent = NULL, *n;
		n = nth(root, &i, &parent);
		if (n == NULL)
			n = root->first, parent = root;
		if (n == NULL || (parent == root && ip_ynode_scalar(n)
		    && strcmp(ip_ynode_scalar(n), "format") == 0))
			continue;
		struct ip_ynode *v = rnd(3) == 0 ? ip_doc_new_map(doc)
		    : ip_doc_new_text(doc, texts[rnd(sizeof(texts)
		    / sizeof(*texts))]);
		if (ip_ynode_is_map(v))
			ip_doc_set(doc, v, "date", ip_doc_new_date(doc, 20600));
		switch (rnd(4)) {
		case 0:
			if (ip_ynode_is_map(parent) && ip_ynode_scalar(n))
				ip_doc_set(doc, parent, ip_ynode_scalar(n), v);
			break;
		case 1:
			if (ip_ynode_is_map(n))
				ip_doc_set(doc, n, "zz", v);
			break;
		case 2:
			if (ip_ynode_is_seq(n))
				ip_doc_append(doc, n, v);
			break;
		default:
			if (ip_ynode_count(parent) > 1 && (!ip_ynode_is_map(
			    parent) || ip_ynode_scalar(n)))
				ip_doc_remove(doc, parent, n);
		}
	}
	if (ip_doc_finish(doc, d, &e) != 0) {
		/* only a limit of the loader's may stop an edit: a plan at
		 * its most values or depth given one more */
		bool limit = false;
		for (size_t i = 0; i < d->n; i++)
			limit |= d->v[i].rule == IP_R_LIMIT;
		if (!limit)
			abort();	/* not loading as meant */
	}
	ip_doc_diff(doc, "fuzz.yaml", null);
	ip_doc_free(doc);
	ip_diags_free(d);
	return 0;
}
