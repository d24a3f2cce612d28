/*
 * uuid.c - name-based UUIDs (RFC 9562 version 5), and the SHA-1 they are
 * made with (FIPS 180-4).  The libraries iplan links offer no SHA-1, and
 * a UUID needs no more than these few lines: SHA-1 is no protection
 * here, only a stable mixing of names that are not secret.
 */
#include "uuid.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static uint32_t
rol(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

/* One 64-byte block into the state h. */
static void
sha1_block(uint32_t h[5], const unsigned char *b)
{
	uint32_t w[80], a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4];

	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)b[4 * i] << 24 | (uint32_t)b[4 * i + 1] << 16
		    | (uint32_t)b[4 * i + 2] << 8 | b[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20)
			f = (bb & c) | (~bb & d), k = 0x5a827999;
		else if (i < 40)
			f = bb ^ c ^ d, k = 0x6ed9eba1;
		else if (i < 60)
			f = (bb & c) | (bb & d) | (c & d), k = 0x8f1bbcdc;
		else
			f = bb ^ c ^ d, k = 0xca62c1d6;
		uint32_t t = rol(a, 5) + f + e + k + w[i];
		e = d, d = c, c = rol(bb, 30), bb = a, a = t;
	}
	h[0] += a, h[1] += bb, h[2] += c, h[3] += d, h[4] += e;
}

void
ip_sha1(const void *data, size_t n, unsigned char out[20])
{
	uint32_t h[5] = { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476,
	    0xc3d2e1f0 };
	const unsigned char *p = data;
	unsigned char last[128] = { 0 };
	size_t rest = n % 64, tail = rest < 56 ? 64 : 128;
	uint64_t bits = (uint64_t)n * 8;

	for (size_t i = 0; i + 64 <= n; i += 64)
		sha1_block(h, p + i);
	memcpy(last, p + n - rest, rest);
	last[rest] = 0x80;
	for (int i = 0; i < 8; i++)
		last[tail - 1 - i] = (unsigned char)(bits >> 8 * i);
	sha1_block(h, last);
	if (tail == 128)
		sha1_block(h, last + 64);
	for (int i = 0; i < 20; i++)
		out[i] = (unsigned char)(h[i / 4] >> (24 - 8 * (i % 4)));
}

char *
ip_uuid5(const unsigned char ns[16], const char *name, char out[37])
{
	static const char hex[] = "0123456789abcdef";
	size_t len = strlen(name), cap = 0;
	unsigned char md[20], small[256];
	unsigned char *buf = 16 + len <= sizeof(small) ? small
	    : ip_grow(NULL, &cap, 16 + len, 1);
	char *o = out;

	memcpy(buf, ns, 16);
	memcpy(buf + 16, name, len);
	ip_sha1(buf, 16 + len, md);
	if (buf != small)
		free(buf);
	md[6] = (unsigned char)((md[6] & 0x0f) | 0x50);	/* version 5 */
	md[8] = (unsigned char)((md[8] & 0x3f) | 0x80);	/* RFC variant */
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*o++ = '-';
		*o++ = hex[md[i] >> 4];
		*o++ = hex[md[i] & 15];
	}
	*o = '\0';
	return out;
}
