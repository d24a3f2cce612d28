/*
 * fuzz-record.c - libFuzzer target: what ip-evaluate(1) and ip-close(1)
 * record (record.c), among edits of the plan's text (edit.c) steered by
 * the input, with texts made of what YAML's quoting must get right: the
 * NEL, line separator, byte order mark and no-break space, indicators,
 * quotes and words YAML reads as something else.  The input is a plan,
 * then a NUL and the edits, a few bytes each (without them, the plan's
 * own last bytes); only a plan that loads is edited, and never its
 * format.  What the edits make must load as the very tree they meant
 * (ip_doc_finish() checks it, and the result opened again is checked
 * once more); fuzz-edit makes edits of its own choosing.
 */
#include <stdlib.h>
#include <string.h>

#include "edit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What texts are made of: what YAML and the edits' quoting must get
 * right, in a plan's characters. */
static const char *const atoms[] = { "a", "Kari", " ", "  ", "\n", "\t",
	":", ": ", " #", "#", "-", "- ", "'", "\"", "\\", "|", ">", "{", "}",
	"[", "]", ",", "&", "*", "!", "%", "@", "`", "?", "~", "null", "yes",
	"2026-01-01", "0x1", "æ", "ø", "å", "ﬁ", "\xc2\x85", "\xe2\x80\xa8",
	"\xef\xbb\xbf", "\xc2\xa0", "---", "...", "=" };
static const char *const keys[] = { "summary", "name", "text", "status",
	"reason", "date", "done", "due", "note", "id", "goals", "x" };
static const char *const words[] = { "closed", "achieved", "open",
	"active", "nb", "provider", "true" };

struct prog {
	const uint8_t *p, *end;
};

static unsigned
next(struct prog *g)
{
	return g->p < g->end ? *g->p++ : 0;
}

static const char *
text(struct prog *g, char *buf, size_t cap)
{
	size_t n = next(g) % 12 + 1, len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		const char *a = atoms[next(g) % (sizeof(atoms) / sizeof(*atoms))];
		if (len + strlen(a) < cap) {
			strcpy(buf + len, a);
			len += strlen(a);
		}
	}
	return buf;
}

/* A node of the tree, from the root down as the program says: a mapping
 * or a list, or NULL. */
static struct ip_ynode *
node(struct ip_doc *doc, struct prog *g)
{
	struct ip_ynode *n = ip_doc_root(doc);
	for (int depth = 0; depth < 4; depth++) {
		unsigned b = next(g);
		size_t count = ip_ynode_count(n);
		if (b & 0x80 || count == 0)
			break;
		struct ip_ynode *c = ip_ynode_item(n, b % count);
		if (ip_ynode_is_map(n))
			c = ip_ynode_get(n, ip_ynode_scalar(c));
		if (c == NULL || (!ip_ynode_is_map(c) && !ip_ynode_is_seq(c)))
			break;
		n = c;
	}
	return n;
}

/* One edit, as the program says. */
static void
edit(struct ip_doc *doc, struct prog *g, int32_t today)
{
	char buf[256];
	struct ip_ynode *n = node(doc, g), *v = NULL;
	const char *key = keys[next(g) % (sizeof(keys) / sizeof(*keys))];
	bool root = n == ip_doc_root(doc);

	switch (next(g) % 9) {
	case 0:
		v = ip_doc_new_text(doc, text(g, buf, sizeof(buf)));
		break;
	case 1:
		v = ip_doc_new_date(doc, today - (int32_t)next(g) * 7);
		break;
	case 2:
		v = ip_doc_new_word(doc, words[next(g) % (sizeof(words)
		    / sizeof(*words))]);
		break;
	case 3:
		v = ip_doc_new_map(doc);
		ip_doc_set(doc, v, key, ip_doc_new_text(doc,
		    text(g, buf, sizeof(buf))));
		break;
	case 4: {	/* an item or a key removed, never the format */
		size_t count = ip_ynode_count(n);
		if (count == 0)
			return;
		struct ip_ynode *c = ip_ynode_item(n, next(g) % count);
		if (root && strcmp(ip_ynode_scalar(c), "format") == 0)
			return;
		ip_doc_remove(doc, n, c);
		return;
	}
	case 5: {
		struct ip_ynode *m = ip_doc_map_at(doc, n, key);
		if (m != NULL) {
			const char *k = keys[next(g) % 3];
			ip_doc_set(doc, m, k, ip_doc_new_text(doc, text(g, buf,
			    sizeof(buf))));
		}
		return;
	}
	case 6: {
		struct ip_close_opts o = { .date = today - (int32_t)next(g) };
		o.reason = text(g, buf, sizeof(buf));
		FILE *null = fopen("/dev/null", "w");
		const struct ip_err e = { null, "fuzz-record" };
		ip_close_edit(doc, &o, &e);
		fclose(null);
		return;
	}
	case 7: {
		static const struct ip_span in[] = { { 3, 'm' }, { 2, 'w' },
		    { 10, 'd' }, { 0, 0 } };
		/* in this order, whatever the compiler's order of
		 * initializers and arguments: the same input, the same
		 * edits (so also in case 5) */
		int32_t date = today - (int32_t)next(g);
		struct ip_evaluate_opts o = { .date = date,
		    .next_in = in[next(g) % 4] };
		char *report = NULL;
		if (next(g) & 1)
			o.summary = text(g, buf, sizeof(buf));
		FILE *null = fopen("/dev/null", "w");
		const struct ip_err e = { null, "fuzz-record" };
		ip_evaluate_edit(doc, &o, &report, &e);
		fclose(null);
		free(report);
		return;
	}
	default:
		v = ip_doc_new_text(doc, text(g, buf, sizeof(buf)));
		if (ip_ynode_is_seq(n))
			ip_doc_append(doc, n, v);
		return;
	}
	if (root && strcmp(key, "format") == 0)
		return;
	if (ip_ynode_is_seq(n))
		ip_doc_append(doc, n, v);
	else
		ip_doc_set(doc, n, key, v);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct ip_diags *d = ip_diags_new("fuzz.yaml");
	struct ip_doc *doc, *again;
	int32_t today;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	if (d == NULL || ip_date_parse("2026-11-24", &today) != 0)
		abort();
	const uint8_t *nul = memchr(data, '\0', size);
	size_t len = nul != NULL ? (size_t)(nul - data) : size;
	struct prog g = { nul != NULL ? nul + 1 : data + (len > 8 ? len - 8
	    : 0), data + size };
	if (ip_doc_open_buf((const char *)data, len, d, &doc) < 0) {
		ip_diags_free(d);
		return 0;
	}
	for (int i = 0; i < 16 && g.p < g.end; i++)
		edit(doc, &g, today);
	const struct ip_err err = { stderr, "fuzz-record" };
	ip_diags_reset(d, "fuzz.yaml");
	if (ip_doc_finish(doc, d, &err) != 0) {
		ip_diags_print(d, stderr, 0);
		abort();
	}
	size_t n;
	const char *out = ip_doc_result_text(doc, &n);
	ip_doc_diff(doc, "fuzz.yaml", null);
	ip_diags_reset(d, "fuzz.yaml");
	if (ip_doc_open_buf(out, n, d, &again) < 0
	    || !ip_ynode_equal(ip_doc_root(again), ip_doc_result_tree(doc)))
		abort();
	ip_doc_free(again);
	ip_doc_free(doc);
	ip_diags_free(d);
	return 0;
}
