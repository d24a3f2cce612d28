/*
 * fuzz-review.c - libFuzzer target: what ip-review(1) finds due in a few
 * plans, written as text, grouped text, TSV, iCalendar or mail.  The
 * plans are the input's parts between NUL bytes, which no plan may hold,
 * so that one plan file as it is counts as one plan, and the groups of
 * coordinators and of mail come from one input.  The last byte picks the
 * format and the horizon; a line feed picks what the command does by
 * default.
 *
 * The mail is written as --mail=mbox writes it, each message checked:
 * printable ASCII in lines within 78 characters (quoted-printable's 76 in
 * the body), no line of the body that an mbox reader or an SMTP server
 * would change, and a body that decodes to UTF-8 text without control
 * characters and without the national id of any plan.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz-plans.h"
#include "nid.h"
#include "plan.h"

#define MAX_PLANS	8

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where the messages go: each to a memory stream, checked when it ends. */
struct mailbox {
	bool refuse;		/* every message fails to open */
	size_t opened, closed;
	FILE *f;
	char *buf;
	size_t len;
	char *nid[MAX_PLANS];	/* the plans' national ids, valid ones */
	size_t nnid;
};

/* The length of the line at s, to its LF (which every line has). */
static size_t
line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	if (nl == NULL)
		abort();
	return (size_t)(nl - s);
}

/* True if the header line s (n bytes) may pass 78 characters: an address
 * that no fold can break, alone after its field's name or on a line of
 * its own. */
static bool
long_address(const char *s, size_t n)
{
	const char *colon = memchr(s, ':', n);
	size_t at = s[0] == ' ' ? 0 : colon != NULL ? (size_t)(colon - s) + 1
	    : n;
	return at < n && s[at] == ' ' && memchr(s + at + 1, ' ', n - at - 1)
	    == NULL;
}

static int
hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F'
	    ? c - 'A' + 10 : -1;
}

/* Checks the body of a message, from s to end, and what it decodes to. */
static void
check_body(const struct mailbox *m, const char *s, const char *end)
{
	char *text = malloc((size_t)(end - s) + 1);
	size_t n = 0;

	if (text == NULL)
		abort();
	for (size_t len; s < end; s += len + 1) {
		len = line_len(s, end);
		if (len > 76 || (len >= 5 && memcmp(s, "From ", 5) == 0)
		    || (len > 0 && s[0] == '.'))
			abort();
		for (size_t i = 0; i < len; i++) {
			if (s[i] != '=') {
				text[n++] = s[i];
				continue;
			}
			if (i + 1 == len)	/* a soft line break */
				break;
			if (i + 2 >= len || hex(s[i + 1]) < 0
			    || hex(s[i + 2]) < 0)
				abort();
			text[n++] = (char)(hex(s[i + 1]) << 4 | hex(s[i + 2]));
			i += 2;
		}
		if (len == 0 || s[len - 1] != '=')
			text[n++] = '\n';
	}
	text[n] = '\0';
	for (size_t i = 0, l; i < n; i += l) {
		uint32_t c;
		if ((l = ip_utf8_decode((const unsigned char *)text + i, n - i,
		    &c)) == 0 || (c != '\n' && ip_is_control(c)))
			abort();
	}
	for (size_t i = 0; i < m->nnid; i++)
		if (strstr(text, m->nid[i]) != NULL)
			abort();
	free(text);
}

/* Checks one message of n bytes at s. */
static void
check_message(const struct mailbox *m, const char *s, size_t n)
{
	const char *end = s + n, *body = NULL;

	if (n == 0 || s[n - 1] != '\n' || strncmp(s, "From: ", 6) != 0)
		abort();
	for (size_t i = 0; i < n; i++)
		if (s[i] != '\n' && (s[i] < ' ' || s[i] > '~'))
			abort();
	for (size_t len; s < end; s += len + 1) {
		len = line_len(s, end);
		if (len == 0) {
			body = s + 1;
			break;
		}
		if (len > 78 && !long_address(s, len))
			abort();
	}
	if (body == NULL)
		abort();
	check_body(m, body, end);
}

static FILE *
mail_open(void *ctx, const char *to)
{
	struct mailbox *m = ctx;

	if (!ip_mail_address_ok(to) || m->f != NULL)
		abort();
	m->opened++;
	if (m->refuse)
		return NULL;
	if ((m->f = open_memstream(&m->buf, &m->len)) == NULL)
		abort();
	return m->f;
}

static int
mail_close(void *ctx, FILE *f)
{
	struct mailbox *m = ctx;

	if (f != m->f || fclose(f) != 0)
		abort();
	m->f = NULL;
	m->closed++;
	check_message(m, m->buf, m->len);
	free(m->buf);
	m->buf = NULL;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum ip_review_format formats[] = { IP_REVIEW_TSV,
	    IP_REVIEW_ICS, IP_REVIEW_TEXT, IP_REVIEW_TEXT };
	static const struct ip_span within[] = { { 1, 'd' }, { 1, 'y' },
	    { 0, 0 }, { 9999, 'y' } };
	static FILE *null;
	struct mailbox box = { 0 };
	const struct ip_review_mail mail = { .from = "ip-review@example.no",
	    .to = "koordinator@example.no", .now = 1796652478, .id = "1.2",
	    .domain = "example.no", .open = mail_open, .close = mail_close,
	    .ctx = &box };
	struct ip_review_opts o = { .lang = -1 };
	struct ip_review_run *r;
	struct ip_diags *d;
	const struct ip_err err = { stderr, "fuzz-review" };

	if (size == 0)
		return 0;
	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL)
		abort();
	/* bits 0-1 format (3: --by-coordinator), 2-3 horizon; bit 4 the
	 * mail instead, as --mail=mbox writes it (bits 0-1 3: with every
	 * message failing to open) */
	unsigned pick = data[--size];
	bool mail_on = pick & 16;
	o.format = mail_on ? IP_REVIEW_TEXT : formats[pick & 3];
	o.by_coordinator = !mail_on && (pick & 3) == 3;
	o.within = within[(pick >> 2) & 3];
	o.mail = mail_on ? &mail : NULL;
	box.refuse = (pick & 3) == 3;
	if (ip_date_parse("2026-11-24", &o.today) != 0
	    || (d = ip_diags_new("fuzz.yaml")) == NULL
	    || (r = ip_review_start(&o, &err)) == NULL)
		abort();
	const char *s = (const char *)data, *end = s + size;
	for (size_t i = 0; i < MAX_PLANS && s <= end; i++) {
		size_t len;
		const char *text = fuzz_plan(&s, end, &len);
		struct ip_plan *p;
		ip_diags_reset(d, "fuzz.yaml");
		if (ip_plan_load_buf(text, len, d, &p) == 0) {
			const char *nid = ip_plan_national_id(p);
			if (nid != NULL && ip_national_id_valid(nid)
			    && (box.nid[box.nnid++] = strdup(nid)) == NULL)
				abort();
			ip_review_add(r, p, i);
		}
		ip_plan_free(p);
	}
	size_t unsent = 0;
	ip_review_finish(r, null, &unsent);
	if (box.opened != box.closed + unsent
	    || unsent != (box.refuse ? box.opened : 0))
		abort();
	for (size_t i = 0; i < box.nnid; i++)
		free(box.nid[i]);
	ip_diags_free(d);
	return 0;
}
