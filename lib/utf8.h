/*
 * utf8.h - decoding UTF-8, the characters a terminal obeys, and byte
 * offsets of character counts.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_UTF8_H
#define IPLAN_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the UTF-8 character at s (n > 0 bytes left): returns its length
 * and stores it in *cp, or returns 0 if the bytes are not well-formed
 * UTF-8 (overlong forms, surrogates and values past U+10FFFF included). */
size_t ip_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* True for the controls a terminal obeys: C0, DEL and C1. */
bool ip_is_control(uint32_t c);
/* True for the noncharacters, which Unicode keeps for a program's own
 * use: U+FDD0 to U+FDEF and the last two of each plane. */
bool ip_is_noncharacter(uint32_t c);
/* The characters of the n bytes of UTF-8 at s: the bytes that start one,
 * the columns they take in the Latin text of plans and messages. */
size_t ip_utf8_chars(const char *s, size_t n);

/* Turns counts of characters from the start of the len bytes at s (as
 * libyaml's marks count them: a CR and an LF one each) into byte
 * offsets, moving from the last one asked for; start at { s, len }. */
struct ip_utf8_cursor {
	const unsigned char *s;
	size_t len, ci, bi;	/* character ci begins at byte bi */
	size_t from, to;	/* from <= bi <= to, bytes from to to-1
				   ASCII: a character a byte (start at 0) */
};
/* ip_utf8_byte() where ci is outside the run of ASCII about c->bi. */
size_t ip_utf8_byte_walk(struct ip_utf8_cursor *c, size_t ci);

/* The byte at which character ci begins, moving c there.  Asked at every
 * event of every plan loaded, mostly a few characters on in a run of
 * ASCII: that step is here, inline; ip_utf8_byte_walk() takes the
 * others. */
static inline size_t
ip_utf8_byte(struct ip_utf8_cursor *c, size_t ci)
{
	size_t at = c->ci, bi = c->bi;

	if (ci >= at ? ci - at < c->to - bi : at - ci <= bi - c->from) {
		c->ci = ci;
		return c->bi = ci >= at ? bi + (ci - at) : bi - (at - ci);
	}
	return ip_utf8_byte_walk(c, ci);
}

#endif
