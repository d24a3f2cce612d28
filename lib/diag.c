/*
 * diag.c - the catalogue of rules and the findings for one file, and
 * the messages a function gives on the struct ip_err it is handed.
 */
#include "diag.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "nid.h"
#include "utf8.h"

static const struct {
	const char *id;
	enum ip_severity severity;
} rules[] = {
#define X(e, id, sev) { id, sev },
	IP_RULES(X)
#undef X
};

const char *
ip_rule_id(enum ip_rule r)
{
	return rules[r].id;
}

enum ip_severity
ip_rule_severity(enum ip_rule r)
{
	return rules[r].severity;
}

struct ip_diags *
ip_diags_new(const char *name)
{
	struct ip_diags *d = ip_xcalloc(1, sizeof(*d));
	d->file = ip_arena_strndup(&d->arena, name, strlen(name));
	return d;
}

struct ip_diags *
ip_diags_for(const char *path)
{
	return ip_diags_new(strcmp(path, "-") == 0 ? "<stdin>" : path);
}

const char *
ip_diags_name(const struct ip_diags *d)
{
	return d->file;
}

void
ip_diags_reset(struct ip_diags *d, const char *name)
{
	ip_arena_reset(&d->arena);
	d->n = d->found = 0;
	memset(d->counts, 0, sizeof(d->counts));
	d->file = ip_arena_strndup(&d->arena, name, strlen(name));
}

void
ip_diags_free(struct ip_diags *d)
{
	if (d == NULL)
		return;
	ip_arena_free(&d->arena);
	free(d->v);
	free(d);
}

void
ip_vdiag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, va_list ap)
{
	d->v = ip_grow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
	struct ip_diag *g = &d->v[d->n++];
	g->pos = pos;
	g->rule = r;
	g->sev = ip_rule_severity(r);
	g->seq = d->found++;
	g->msg = ip_arena_vprintf(&d->arena, fmt, ap);
	d->counts[g->sev]++;
}

void
ip_diag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_vdiag(d, pos, r, fmt, ap);
	va_end(ap);
}

void
ip_diags_drop(struct ip_diags *d, size_t from,
    bool (*drop)(const struct ip_diag *, const void *), const void *ctx)
{
	size_t n = from;

	for (size_t i = from; i < d->n; i++)
		if (drop(&d->v[i], ctx))
			d->counts[d->v[i].sev]--;
		else
			d->v[n++] = d->v[i];
	d->n = n;
}

void
ip_diags_soften(struct ip_diags *d, size_t from,
    bool (*soften)(const struct ip_diag *, const void *), const void *ctx)
{
	for (size_t i = from; i < d->n; i++) {
		struct ip_diag *g = &d->v[i];
		if (g->sev == IP_ERROR && soften(g, ctx)) {
			d->counts[IP_ERROR]--;
			d->counts[IP_WARNING]++;
			g->sev = IP_WARNING;
		}
	}
}

size_t
ip_diags_errors(const struct ip_diags *d)
{
	return d->counts[IP_ERROR];
}

size_t
ip_diags_warnings(const struct ip_diags *d)
{
	return d->counts[IP_WARNING];
}

bool
ip_diags_trouble(const struct ip_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].rule == IP_R_IO)
			return true;
	return false;
}

/* Whole-file findings first, then by line and column, then in the order
 * found: qsort() is not stable, and the address of an element it is
 * moving says nothing about that order. */
static int
cmp(const void *a, const void *b)
{
	const struct ip_diag *x = a, *y = b;
	if (x->pos.line != y->pos.line)
		return x->pos.line < y->pos.line ? -1 : 1;
	if (x->pos.col != y->pos.col)
		return x->pos.col < y->pos.col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * How the characters that can make a line read as something else are
 * shown: the bidirectional embeddings, overrides and isolates, which
 * reorder what follows them on a terminal, and the line and paragraph
 * separators, at which some terminals and viewers break a line.  NULL for
 * any other character.
 */
static const char *
bidi_escape(uint32_t c)
{
	static const char *const embed[] = { "<U+202A>", "<U+202B>",
		"<U+202C>", "<U+202D>", "<U+202E>" };
	static const char *const isolate[] = { "<U+2066>", "<U+2067>",
		"<U+2068>", "<U+2069>" };

	if (c == 0x2028)
		return "<U+2028>";
	if (c == 0x2029)
		return "<U+2029>";
	if (c >= 0x202a && c <= 0x202e)
		return embed[c - 0x202a];
	if (c >= 0x2066 && c <= 0x2069)
		return isolate[c - 0x2066];
	return NULL;
}

/* Most of what is written: printable ASCII but digits, which may begin a
 * national id, stands for itself. */
static bool
stands(unsigned char b)
{
	return b >= 0x20 && b < 0x7f && !is_digit((char)b);
}

size_t
ip_clean_step(const char *s, const char **instead)
{
	uint32_t c;
	unsigned char b = (unsigned char)*s;
	size_t n;

	*instead = NULL;
	if (stands(b))
		return 1;
	if ((n = ip_nid_written(s)) > 0) {
		*instead = "<national id>";
		return n;
	}
	/* s ends in a NUL, which stops the decoder: no need to count */
	n = ip_utf8_decode((const unsigned char *)s, 4, &c);
	if (n == 0 || ip_is_control(c)) {
		*instead = "?";
		return n == 0 ? 1 : n;
	}
	*instead = bidi_escape(c);
	return n;
}

void
ip_fputs_clean(const char *s, FILE *f)
{
	while (*s != '\0') {
		const char *run = s, *instead = NULL;
		size_t n = 0;
		/* what stands as it is, in one write; printable ASCII but
		 * digits, most of it, as ip_clean_step() takes it, without a
		 * call for each byte */
		for (;;) {
			if (stands((unsigned char)*s)) {
				s++;
				continue;
			}
			if (*s == '\0' || (n = ip_clean_step(s, &instead),
			    instead != NULL))
				break;
			s += n;
		}
		fwrite(run, 1, (size_t)(s - run), f);
		if (*s != '\0') {
			fputs(instead, f);
			s += n;
		}
	}
}

void
ip_fputs_cell(const char *s, FILE *f)
{
	if (*s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		putc('\'', f);
	ip_fputs_clean(s, f);
}

void
ip_message(FILE *f, const char *prog, const char *msg)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = ip_xmemstream(&buf, &len);

	fprintf(m, "%s: ", prog);
	ip_fputs_clean(msg, m);
	putc('\n', m);
	ip_xmemstream_close(m);
	fwrite(buf, 1, len, f);	/* in one write */
	free(buf);
}

static void
sort(struct ip_diags *d)
{
	if (d->n > 1)	/* qsort() wants an array, even of none */
		qsort(d->v, d->n, sizeof(d->v[0]), cmp);
}

/* The lines go to f in one write, through a buffer of their own: stderr
 * is unbuffered, and would cost a system call for each character. */
int
ip_diags_print(struct ip_diags *d, FILE *f, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *w = ip_xmemstream(&buf, &len);

	sort(d);
	for (size_t i = 0; i < d->n; i++) {
		const struct ip_diag *g = &d->v[i];
		enum ip_severity sev = g->sev;
		if (sev == IP_WARNING && (flags & IP_PRINT_NO_WARNINGS))
			continue;
		ip_fputs_clean(d->file, w);
		if (g->pos.line != 0)
			fprintf(w, ":%u:%u", g->pos.line, g->pos.col);
		/* TRANSLATORS: the severity of a finding, between
		 * "FILE:LINE:COL: " and the message. */
		fprintf(w, ": %s: ", sev == IP_ERROR ? _("error")
		    : _("warning"));
		ip_fputs_clean(g->msg, w);
		fprintf(w, " [%s]\n", ip_rule_id(g->rule));
	}
	ip_xmemstream_close(w);
	fwrite(buf, 1, len, f);
	free(buf);
	return ferror(f) ? -1 : 0;
}

/* Line breaks as YAML counts them: LF, CR, CR LF, NEL, LS and PS. */
static bool
is_break(uint32_t c)
{
	return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028
	    || c == 0x2029;
}

struct ip_pos
ip_pos_at(const char *buf, size_t len, size_t off)
{
	const unsigned char *s = (const unsigned char *)buf;
	struct ip_pos pos = { 1, 1 };
	size_t i = 0;

	while (i < off && i < len) {
		uint32_t c;
		size_t l = ip_utf8_decode(s + i, len - i, &c);
		if (l == 0)
			l = 1, c = 0xfffd;
		if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			l = 2;
		if (is_break(c)) {
			pos.line++;
			pos.col = 1;
		} else
			pos.col++;
		i += l;
	}
	return pos;
}

unsigned
ip_diags_first_line(struct ip_diags *d)
{
	sort(d);
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].sev == IP_ERROR && d->v[i].pos.line > 0)
			return d->v[i].pos.line;
	return d->n > 0 ? d->v[0].pos.line : 0;
}

int
ip_fail(const struct ip_err *e, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ip_message(e->f, e->prog, buf);
	return -1;
}

int
ip_flush(FILE *f, const char *name, const struct ip_err *e)
{
	/* errno is the last failure's, if an earlier write failed */
	if (fflush(f) != 0 || ferror(f)) {
		/* the reader left, as head(1) does: on purpose, so quiet */
		if (errno != EPIPE)
			ip_fail(e, _("cannot write to %s: %s"), name,
			    strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}
