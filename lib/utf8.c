/*
 * utf8.c - decoding UTF-8, the characters a terminal obeys, and byte
 * offsets of character counts.
 */
#include "utf8.h"

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

size_t
ip_utf8_byte(struct ip_utf8_cursor *c, size_t ci)
{
	while (c->ci < ci && c->bi < c->len) {
		c->bi++;
		while (c->bi < c->len && (c->s[c->bi] & 0xc0) == 0x80)
			c->bi++;
		c->ci++;
	}
	while (c->ci > ci && c->bi > 0) {
		c->bi--;
		while (c->bi > 0 && (c->s[c->bi] & 0xc0) == 0x80)
			c->bi--;
		c->ci--;
	}
	return c->bi;
}

size_t
ip_utf8_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}
