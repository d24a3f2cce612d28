/*
 * utf8.c - decoding UTF-8, the characters a terminal obeys, and byte
 * offsets of character counts.
 */
#include "utf8.h"

#include <string.h>

size_t
ip_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c = s[0], min;
	size_t len;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		len = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		len = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		len = 4, c &= 0x07, min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

bool
ip_is_control(uint32_t c)
{
	return c < 0x20 || (c >= 0x7f && c <= 0x9f);
}

bool
ip_is_noncharacter(uint32_t c)
{
	return (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

#define RUN	256	/* the most bytes of ASCII ip_utf8_byte() looks ahead */

size_t
ip_utf8_byte_walk(struct ip_utf8_cursor *c, size_t ci)
{
	/* in locals: the bytes, being unsigned char, could alias *c, and
	 * the compiler would load and store it at every byte */
	const unsigned char *s = c->s;
	size_t len = c->len, at = c->ci, bi = c->bi;

	while (at < ci && bi < len) {
		/* where the next eight bytes are ASCII, each is a
		 * character: up to eight at once, unless a byte that
		 * continues the eighth follows, as in malformed UTF-8 only */
		if (len - bi > 8) {
			uint64_t w;
			size_t k = ci - at < 8 ? ci - at : 8;
			memcpy(&w, s + bi, sizeof(w));
			if ((w & 0x8080808080808080u) == 0
			    && (k < 8 || (s[bi + 8] & 0xc0) != 0x80)) {
				bi += k;
				at += k;
				continue;
			}
		}
		bi++;
		while (bi < len && (s[bi] & 0xc0) == 0x80)
			bi++;
		at++;
	}
	while (at > ci && bi > 0) {
		bi--;
		while (bi > 0 && (s[bi] & 0xc0) == 0x80)
			bi--;
		at--;
	}
	c->ci = at;
	c->bi = bi;
	/* the run of ASCII from bi on, up to RUN bytes: what the next
	 * calls, which mostly move a few characters on, skip in one step */
	size_t to = bi, stop = len - bi > RUN ? bi + RUN : len;
	for (uint64_t w; stop - to >= 8 && (memcpy(&w, s + to, sizeof(w)),
	    (w & 0x8080808080808080u) == 0);)
		to += 8;
	while (to < stop && s[to] < 0x80)
		to++;
	c->from = bi;
	c->to = to;
	return bi;
}

size_t
ip_utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}
