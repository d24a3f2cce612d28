/*
 * fuzz-plans.h - what the targets that read several plans share: the
 * plans of an input, separated by NUL bytes.
 */
#ifndef FUZZ_PLANS_H
#define FUZZ_PLANS_H

#include <string.h>

/* The plan at *s, before end: its first byte, its length in *len (up to
 * a NUL, or to end); moves *s past it and the NUL. */
static inline const char *
fuzz_plan(const char **s, const char *end, size_t *len)
{
	const char *p = *s, *nul = memchr(p, '\0', (size_t)(end - p));
	*len = nul != NULL ? (size_t)(nul - p) : (size_t)(end - p);
	*s = p + *len + 1;
	return p;
}

#endif
