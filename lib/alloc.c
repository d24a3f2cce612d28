/*
 * alloc.c - allocation that never returns NULL: see alloc.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"

static void
say(const char *s)
{
	/* nothing to do if even this fails */
	if (write(2, s, strlen(s)) < 0)
		return;
}

_Noreturn void
ip_oom(void)
{
	say("iplan: out of memory\n");
	abort();
}

_Noreturn void
ip_limit(const char *what)
{
	say("iplan: too many ");
	say(what);
	say("\n");
	abort();
}

void *
ip_xmalloc(size_t n)
{
	void *p = malloc(n);
	if (p == NULL && n > 0)
		ip_oom();
	return p;
}

void *
ip_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);
	if (p == NULL && n > 0 && size > 0)
		ip_oom();
	return p;
}

void *
ip_xrealloc(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		ip_oom();
	if ((p = realloc(p, n * size)) == NULL && n * size > 0)
		ip_oom();
	return p;
}

char *
ip_xstrdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL)
		ip_oom();
	return p;
}

char *
ip_xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);
	if (p == NULL)
		ip_oom();
	return p;
}

FILE *
ip_xmemstream(char **buf, size_t *len)
{
	FILE *f = open_memstream(buf, len);
	if (f == NULL)
		ip_oom();
	return f;
}

void
ip_xmemstream_close(FILE *f)
{
	if (fclose(f) != 0)
		ip_oom();
}

void *
ip_grow(void *v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return v;
	size_t c = *cap ? *cap : 64;
	while (c < need)
		c *= 2;
	v = ip_xrealloc(v, c, size);
	*cap = c;
	return v;
}
