/*
 * arena.c - a bump allocator: everything of one plan is freed at once.
 *
 * Each thread keeps a few freed chunks for its next arenas.  A run loads
 * plans one after another, and without them every plan would hand its
 * chunks back to malloc, which at the top of the heap gives the memory
 * back to the system, only to fault it in again for the next plan: that
 * cost more than all the checks together.  A few, not one: a plan, the
 * diagnostics of loading it and those of checking it (ip-stats) are three
 * arenas at once, and with one spare the other two went back to the
 * system for every plan.
 */
#include <pthread.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK (64u << 10)

struct ip_chunk {
	struct ip_chunk *next;
	size_t size;
	max_align_t data[];
};

#define SPARES 4	/* freed chunks kept a thread, at most */

/* The spare chunks of this thread, a list through next, freed when the
 * thread ends; none if the key cannot be had. */
static pthread_key_t spare_key;
static pthread_once_t spare_once = PTHREAD_ONCE_INIT;
static bool spare_ok;

static void
spares_free(void *spares)
{
	for (struct ip_chunk *c = spares, *next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

static void
spare_init(void)
{
	spare_ok = pthread_key_create(&spare_key, spares_free) == 0;
}

static struct ip_chunk *
new_chunk(size_t size)
{
	struct ip_chunk *c = NULL;
	if (size == CHUNK) {
		pthread_once(&spare_once, spare_init);
		if (spare_ok && (c = pthread_getspecific(spare_key)) != NULL
		    && pthread_setspecific(spare_key, c->next) != 0)
			c = NULL;	/* still a spare: take none */
	}
	if (c == NULL)
		c = ip_xmalloc(sizeof(*c) + size);
	c->size = size;
	return c;
}

/* Frees c, or keeps it as one of this thread's spares. */
static void
drop_chunk(struct ip_chunk *c)
{
	if (c->size == CHUNK) {
		pthread_once(&spare_once, spare_init);
		struct ip_chunk *spares = spare_ok
		    ? pthread_getspecific(spare_key) : NULL;
		size_t n = 0;
		for (const struct ip_chunk *s = spares; s != NULL; s = s->next)
			n++;
		if (spare_ok && n < SPARES) {
			c->next = spares;
			if (pthread_setspecific(spare_key, c) == 0)
				return;
		}
	}
	free(c);
}

void *
ip_arena_take(struct ip_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (a->head == NULL || a->head->size - a->used < n) {
		size_t size = n > CHUNK / 2 ? n : CHUNK;
		struct ip_chunk *c = new_chunk(size);
		if (a->head != NULL && size != CHUNK) {
			/* keep filling the current chunk after a big one */
			c->next = a->head->next;
			a->head->next = c;
			return c->data;
		}
		c->next = a->head;
		a->head = c;
		a->used = 0;
	}
	void *p = (char *)a->head->data + a->used;
	a->used += n;
	return p;
}

char *
ip_arena_strndup(struct ip_arena *a, const char *s, size_t n)
{
	char *p = ip_arena_take(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
ip_arena_vprintf(struct ip_arena *a, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)	/* past INT_MAX bytes: memory no plan needs */
		ip_oom();
	char *p = ip_arena_take(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
ip_arena_printf(struct ip_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = ip_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
ip_arena_reset(struct ip_arena *a)
{
	if (a->head == NULL)
		return;
	struct ip_chunk *keep = NULL;
	for (struct ip_chunk *c = a->head, *next; c != NULL; c = next) {
		next = c->next;
		if (keep == NULL && c->size == CHUNK)
			keep = c;
		else
			drop_chunk(c);
	}
	a->head = keep;
	if (keep != NULL)
		keep->next = NULL;
	a->used = 0;
}

void
ip_arena_free(struct ip_arena *a)
{
	for (struct ip_chunk *c = a->head, *next; c != NULL; c = next) {
		next = c->next;
		drop_chunk(c);
	}
	a->head = NULL;
	a->used = 0;
}
