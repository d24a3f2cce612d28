/*
 * mail.c - the parts of an Internet message that ip-review writes.
 *
 * Header fields are folded at 78 characters (RFC 5322, 2.1.1): words
 * that are not printable ASCII go as UTF-8 "B" encoded words (RFC 2047),
 * never cut inside a character.  The body is quoted-printable (RFC
 * 2045, 6.7), its lines wrapped at spaces first, so that every line of
 * the message is within 76 characters however the text is written and
 * any mail reader shows the lines as they were wrapped.
 */
#include "mail.h"

#include <string.h>
#include <time.h>

#define LINE	78		/* RFC 5322's line, less CRLF */
#define QP_LINE	76		/* quoted-printable's */

bool
ip_mail_address_ok(const char *addr)
{
	const char *at = strchr(addr, '@');

	if (at == NULL || at == addr || at[1] == '\0' || strchr(at + 1, '@')
	    != NULL || strlen(addr) > 254)
		return false;
	for (const char *s = addr; *s != '\0'; s++)
		if (*s <= ' ' || *s >= 127 || strchr("\"(),:;<>[\\]", *s)
		    != NULL)
			return false;
	return true;
}

static bool
plain(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s < ' ' || *s >= 127)
			return false;
	return true;
}

/* Writes s as encoded words, starting at column *col. */
static void
encoded(FILE *out, const char *s, size_t *col)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789+/";
	size_t n = strlen(s);

	while (n > 0) {
		/* "=?UTF-8?B?" and "?=" take 12; a space before */
		if (*col + 1 + 12 + 8 > LINE) {
			fputs("\n", out);
			*col = 0;
		}
		size_t room = (LINE - *col - 1 - 12) / 4 * 3, k = 0;
		while (k < n) {		/* whole characters */
			size_t c = 1;
			while (k + c < n && ((unsigned char)s[k + c] & 0xc0)
			    == 0x80)
				c++;
			if (k + c > room && k > 0)
				break;
			k += c;
		}
		fputs(" =?UTF-8?B?", out);
		for (size_t i = 0; i < k; i += 3) {
			unsigned v = (unsigned char)s[i] << 16;
			if (i + 1 < k)
				v |= (unsigned char)s[i + 1] << 8;
			if (i + 2 < k)
				v |= (unsigned char)s[i + 2];
			putc(b64[v >> 18 & 63], out);
			putc(b64[v >> 12 & 63], out);
			putc(i + 1 < k ? b64[v >> 6 & 63] : '=', out);
			putc(i + 2 < k ? b64[v & 63] : '=', out);
		}
		fputs("?=", out);
		*col += 1 + 12 + (k + 2) / 3 * 4;
		s += k;
		n -= k;
	}
}

/* Writes the words of s (printable ASCII) each after a space, folding
 * before a word that would pass the line. */
static void
words(FILE *out, const char *s, size_t *col)
{
	while (*s != '\0') {
		while (*s == ' ')
			s++;
		size_t n = strcspn(s, " ");
		if (n == 0)
			break;
		if (*col > 1 && *col + 1 + n > LINE) {
			fputs("\n", out);
			*col = 0;
		}
		fprintf(out, " %.*s", (int)n, s);
		*col += 1 + n;
		s += n;
	}
}

void
ip_mail_field(FILE *out, const char *name, const char *value)
{
	size_t col = strlen(name) + 1;

	fprintf(out, "%s:", name);
	if (plain(value))
		words(out, value, &col);
	else
		encoded(out, value, &col);
	putc('\n', out);
}

void
ip_mail_address(FILE *out, const char *name, const char *phrase,
    const char *addr)
{
	size_t col = strlen(name) + 1;

	fprintf(out, "%s:", name);
	if (phrase != NULL && *phrase != '\0') {
		if (plain(phrase) && strlen(phrase) + col + 3 < LINE) {
			fputs(" \"", out);
			for (const char *s = phrase; *s != '\0'; s++) {
				if (*s == '"' || *s == '\\')
					putc('\\', out);
				putc(*s, out);
			}
			putc('"', out);
			col += strlen(phrase) + 3;
		} else
			encoded(out, phrase, &col);
		if (col + 3 + strlen(addr) > LINE) {
			fputs("\n", out);
			col = 0;
		}
		fprintf(out, " <%s>\n", addr);
	} else
		fprintf(out, " %s\n", addr);
}

char *
ip_mail_date(int64_t t, char *buf)
{
	static const char days[][4] = { "Sun", "Mon", "Tue", "Wed", "Thu",
		"Fri", "Sat" };
	static const char months[][4] = { "Jan", "Feb", "Mar", "Apr", "May",
		"Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL)
		tm = (struct tm){ .tm_mday = 1, .tm_year = 70, .tm_wday = 4 };
	char tmp[128];		/* what the compiler fears it could take */

	snprintf(tmp, sizeof(tmp), "%s, %02u %s %04u %02u:%02u:%02u +0000",
	    days[tm.tm_wday % 7], (unsigned)tm.tm_mday % 100u,
	    months[tm.tm_mon % 12], (unsigned)(tm.tm_year + 1900) % 10000u,
	    (unsigned)tm.tm_hour % 100u, (unsigned)tm.tm_min % 100u,
	    (unsigned)tm.tm_sec % 100u);
	memcpy(buf, tmp, 32);	/* 31 characters and the NUL */
	return buf;
}

/* True if the byte c stands as itself in quoted-printable inside a line:
 * printable ASCII but '=', and space, which at the end of a line is
 * encoded. */
static bool
qp_plain(unsigned char c)
{
	return c >= ' ' && c <= '~' && c != '=';
}

/* True if a line of the message that begins at s (n bytes left) would
 * be changed on its way: "From " begins a message in an mbox, and a "."
 * may be taken by an SMTP server for the end of the text. */
static bool
read_otherwise(const char *s, size_t n)
{
	return *s == '.' || (n >= 5 && memcmp(s, "From ", 5) == 0);
}

/* Writes one line of text, lead spaces (fewer than QP_LINE) and the n
 * bytes at s (n > 0 if lead > 0: a line never ends in its indent),
 * quoted-printable, with soft line breaks within QP_LINE, the first
 * byte of each line of the message encoded if read_otherwise(): through
 * a buffer of its own, a write for each piece of it rather than for
 * each byte. */
static void
qp_line(FILE *out, size_t lead, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char buf[256];
	size_t col = lead, k = lead;

	memset(buf, ' ', lead);		/* spaces, none the first or last */
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool last = i + 1 == n;
		if (col > 0 && !last && qp_plain(c) && col < QP_LINE - 1
		    && k < sizeof(buf) - 2) {
			/* the run of such bytes from c on, within the line
			 * (and room for a soft break) and the buffer: what
			 * the steps below would do, without their tests at
			 * each byte */
			size_t m = QP_LINE - 1 - col, j = 0;
			if (m > sizeof(buf) - 2 - k)
				m = sizeof(buf) - 2 - k;
			if (m > n - 1 - i)
				m = n - 1 - i;
			for (; j < m && qp_plain((unsigned char)s[i + j]); j++)
				buf[k + j] = s[i + j];
			k += j;
			col += j;
			i += j - 1;
			continue;
		}
		bool quote = !qp_plain(c) || (c == ' ' && last);
		size_t len = quote ? 3 : 1;
		if (k + 2 + 3 + 1 > sizeof(buf)) {	/* a soft break, the
							   token, the end */
			fwrite(buf, 1, k, out);
			k = 0;
		}
		/* room for the token and, unless the line ends, a soft
		 * break's '=' */
		if (col + len + (last ? 0 : 1) > QP_LINE) {
			buf[k++] = '=';
			buf[k++] = '\n';
			col = 0;
		}
		if (col == 0 && read_otherwise(s + i, n - i))
			quote = true, len = 3;
		if (quote) {
			buf[k++] = '=';
			buf[k++] = hex[c >> 4];
			buf[k++] = hex[c & 15];
		} else
			buf[k++] = (char)c;
		col += len;
	}
	buf[k++] = '\n';
	fwrite(buf, 1, k, out);
}

/* The space to wrap the line from s to end at, so that what comes
 * before it is within room characters: the last such space, else the
 * first space at all; NULL if the line fits or has no space. */
static const char *
wrap_at(const char *s, const char *end, size_t room)
{
	const char *cut = NULL, *t = s;
	size_t c = 0;		/* the characters before t */

	if ((size_t)(end - s) <= room)	/* never more characters than bytes */
		return NULL;
	for (; t < end && c <= room; t++) {
		if (*t == ' ' && t > s)
			cut = t;
		c += ((unsigned char)*t & 0xc0) != 0x80;
	}
	if (c <= room)
		return NULL;	/* the line fits */
	if (cut == NULL)
		cut = memchr(t, ' ', (size_t)(end - t));
	return cut;
}

void
ip_mail_body(FILE *out, const char *text, size_t n, size_t width,
    size_t indent)
{
	const char *end = text + n;

	if (indent > width / 2)
		indent = width / 2;
	while (text < end) {
		const char *nl = memchr(text, '\n', (size_t)(end - text));
		const char *le = nl != NULL ? nl : end;
		size_t lead = 0;	/* the continuation's indent */
		if (le > text && le[-1] == '\r')
			le--;
		for (;;) {
			const char *cut = wrap_at(text, le, width - lead);
			if (cut == NULL) {
				qp_line(out, lead, text, (size_t)(le - text));
				break;
			}
			const char *part = cut;
			while (part > text && part[-1] == ' ')
				part--;
			qp_line(out, lead, text, (size_t)(part - text));
			for (text = cut; text < le && *text == ' '; text++)
				;
			lead = indent;
			if (text == le)
				break;
		}
		text = nl != NULL ? nl + 1 : end;
	}
}
