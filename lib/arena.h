/*
 * arena.h - the arena: every allocation for one plan, freed at once.
 * Each function aborts when out of memory (alloc.h).
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_ARENA_H
#define IPLAN_ARENA_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include "alloc.h"

struct ip_arena {
	struct ip_chunk *head;
	size_t used;		/* bytes used in head */
};

void *ip_arena_take(struct ip_arena *a, size_t n);	/* not zeroed */
char *ip_arena_strndup(struct ip_arena *a, const char *s, size_t n);
char *ip_arena_printf(struct ip_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
char *ip_arena_vprintf(struct ip_arena *a, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
void ip_arena_reset(struct ip_arena *a);	/* keep the first chunk */
void ip_arena_free(struct ip_arena *a);

/* n bytes, zeroed.  Inline: most sizes are known where they are asked
 * for (a node, a record), and the compiler zeroes those in a few stores
 * rather than a call of memset() for each. */
static inline void *
ip_arena_alloc(struct ip_arena *a, size_t n)
{
	return memset(ip_arena_take(a, n), 0, n);
}

#endif
