/*
 * fuzz-clean.c - libFuzzer target: the sanitisers on their own, on any
 * bytes.  ip_clean_step(), as every message and line of text output shows
 * text from a plan, must leave no control character, no bidirectional
 * control or line separator, no bad UTF-8 and no national id (eleven
 * digits, or six and five with a space or a hyphen between, that are
 * valid), and ip_fputs_clean() must write what its steps say.
 * ip_xml_clean() must leave only what XML 1.0 can carry, as well-formed
 * UTF-8 in its shortest form, and return the text itself when it has
 * nothing to clean.  The text ends at the first NUL, as a C string does.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/chvalid.h>

#include "alloc.h"
#include "diag.h"
#include "render.h"
#include "nid.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The national id the digits at s (of a run that starts there) stand
 * for, as ip_clean_step() reads them, is valid. */
static bool
shows_national_id(const char *s)
{
	size_t d = strspn(s, "0123456789");
	char id[12];

	if (d == 11)
		memcpy(id, s, 11);
	else if (d == 6 && (s[6] == ' ' || s[6] == '-')
	    && strspn(s + 7, "0123456789") == 5) {
		memcpy(id, s, 6);
		memcpy(id + 6, s + 7, 5);
	} else
		return false;
	id[11] = '\0';
	return ip_national_id_valid(id);
}

/* What ip_clean_step() shows must be safe to print. */
static void
check_shown(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = ip_utf8_decode((const unsigned char *)s + i,
		    len - i, &c);
		if (n == 0 || ip_is_control(c) || c == 0x2028 || c == 0x2029
		    || (c >= 0x202a && c <= 0x202e)
		    || (c >= 0x2066 && c <= 0x2069))
			abort();
		if (digit(s[i]) && (i == 0 || !digit(s[i - 1]))
		    && shows_national_id(s + i))
			abort();
		i += n;
	}
}

/* What ip_xml_clean() returns must be XML 1.0's characters, shortest. */
static bool
xml_chars(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t n = ip_utf8_decode(u + i, len - i, &c);
		if (n == 0 || !xmlIsCharQ(c))
			return false;
		i += n;
	}
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = ip_xmalloc(size + 1), *steps = NULL, *whole = NULL;
	size_t nsteps = 0, nwhole = 0;

	memcpy(s, data, size);
	s[size] = '\0';
	FILE *f = ip_xmemstream(&steps, &nsteps);
	for (const char *t = s; *t != '\0';) {
		const char *instead;
		size_t n = ip_clean_step(t, &instead);
		if (n == 0 || n > (size_t)(s + size - t) || memchr(t, '\0', n))
			abort();
		if (instead != NULL)
			fputs(instead, f);
		else
			fwrite(t, 1, n, f);
		t += n;
	}
	ip_xmemstream_close(f);
	f = ip_xmemstream(&whole, &nwhole);
	ip_fputs_clean(s, f);
	ip_xmemstream_close(f);
	if (nsteps != nwhole || memcmp(steps, whole, nsteps) != 0)
		abort();
	check_shown(whole, nwhole);

	struct ip_arena a = { 0 };
	const char *x = ip_xml_clean(&a, s);
	if (!xml_chars(x) || (x == s) != xml_chars(s)
	    || strlen(x) > 3 * strlen(s))
		abort();
	ip_arena_free(&a);
	free(s);
	free(steps);
	free(whole);
	return 0;
}
