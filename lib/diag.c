/*
 * diag.c - the catalogue of rules and the findings for one file.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

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
	struct ip_diags *d = calloc(1, sizeof(*d));
	if (d == NULL)
		return NULL;
	d->file = ip_arena_strndup(&d->arena, name, strlen(name));
	return d;
}

struct ip_diags *
ip_diags_for(const char *path)
{
	struct ip_diags *d = ip_diags_new(strcmp(path, "-") == 0 ? "<stdin>"
	    : path);
	if (d == NULL) {
		fputs("iplan: out of memory\n", stderr);
		abort();
	}
	return d;
}

void
ip_diags_reset(struct ip_diags *d, const char *name)
{
	ip_arena_reset(&d->arena);
	d->n = 0;
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

/* msg, with every run of exactly 11 digits that is a valid national id
 * replaced by "<national id>": a value from the plan that a message
 * quotes may be one typed into the wrong field, and findings go to
 * terminals, logs and cron mail. */
static char *
hide_national_ids(struct ip_arena *a, char *msg)
{
	static const char digits[] = "0123456789";
	size_t i = 0;

	while (msg[i] != '\0') {
		size_t n = strspn(msg + i, digits);
		char id[12];
		if (n == 0) {
			i += strcspn(msg + i, digits);
			continue;
		}
		if (n == 11) {
			memcpy(id, msg + i, 11);
			id[11] = '\0';
			if (ip_national_id_valid(id, NULL)) {
				msg = ip_arena_printf(a, "%.*s<national id>%s",
				    (int)i, msg, msg + i + 11);
				n = strlen("<national id>");
			}
		}
		i += n;
	}
	return msg;
}

void
ip_vdiag(struct ip_diags *d, struct ip_pos pos, enum ip_rule r,
    const char *fmt, va_list ap)
{
	if (d->n == d->cap) {
		size_t cap = d->cap ? 2 * d->cap : 16;
		struct ip_diag *v = realloc(d->v, cap * sizeof(*v));
		if (v == NULL) {
			fputs("iplan: out of memory\n", stderr);
			abort();
		}
		d->v = v;
		d->cap = cap;
	}
	struct ip_diag *g = &d->v[d->n++];
	g->pos = pos;
	g->rule = r;
	g->seq = d->n - 1;
	g->msg = hide_national_ids(&d->arena,
	    ip_arena_vprintf(&d->arena, fmt, ap));
	d->counts[ip_rule_severity(r)]++;
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

/* The length of the character at s, and whether it is one to replace:
 * a control (C0, DEL and C1, since a terminal obeys those too), or a
 * byte that is not part of well-formed UTF-8. */
static size_t
next_char(const char *s, bool *replace)
{
	uint32_t c;
	/* s ends in a NUL, which stops the decoder: no need to count */
	size_t n = ip_utf8_decode((const unsigned char *)s, 4, &c);
	*replace = n == 0 || ip_is_control(c);
	return n == 0 ? 1 : n;
}

void
ip_fputs_clean(const char *s, FILE *f)
{
	while (*s != '\0') {
		const char *run = s;
		bool replace = false;
		size_t n = 0;
		/* the characters that stand as they are, in one write */
		while (*s != '\0' && (n = next_char(s, &replace), !replace))
			s += n;
		fwrite(run, 1, (size_t)(s - run), f);
		if (*s != '\0') {
			putc('?', f);
			s += n;
		}
	}
}

void
ip_message(FILE *f, const char *prog, char *msg)
{
	char *o = msg;
	for (const char *s = msg; *s != '\0';) {
		bool replace;
		size_t n = next_char(s, &replace);
		if (replace)
			*o++ = '?';
		else {
			memmove(o, s, n);
			o += n;
		}
		s += n;
	}
	*o = '\0';
	fprintf(f, "%s: %s\n", prog, msg);
}

/* The lines go to f in one write, through a buffer of their own: stderr
 * is unbuffered, and would cost a system call for each character. */
int
ip_diags_print(struct ip_diags *d, FILE *f, unsigned flags)
{
	char *buf = NULL;
	size_t len = 0;
	int rc = 0;
	FILE *m = open_memstream(&buf, &len), *w = m != NULL ? m : f;

	if (d->n > 1)	/* qsort() wants an array, even of none */
		qsort(d->v, d->n, sizeof(d->v[0]), cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct ip_diag *g = &d->v[i];
		enum ip_severity sev = ip_rule_severity(g->rule);
		if (sev == IP_WARNING && (flags & IP_PRINT_NO_WARNINGS))
			continue;
		ip_fputs_clean(d->file, w);
		if (g->pos.line != 0)
			fprintf(w, ":%u:%u", g->pos.line, g->pos.col);
		fputs(sev == IP_ERROR ? ": error: " : ": warning: ", w);
		ip_fputs_clean(g->msg, w);
		fprintf(w, " [%s]\n", ip_rule_id(g->rule));
	}
	if (m != NULL) {
		if (fclose(m) == 0)
			fwrite(buf, 1, len, f);
		else
			rc = -1;
		free(buf);
	}
	return rc != 0 || ferror(f) ? -1 : 0;
}
