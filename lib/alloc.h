/*
 * alloc.h - the one way libiplan meets the end of memory.
 *
 * As cmark's xcalloc: an allocation that fails is not an error a caller
 * could handle, so these never return NULL.  They write
 * "iplan: out of memory" to file descriptor 2 and abort(): the one place
 * the library writes anything on its own, with write(2), as a process in
 * that state can still do.  Every function documented "aborts when out of
 * memory" ends here.
 */
#ifndef IPLAN_ALLOC_H
#define IPLAN_ALLOC_H

#include <stddef.h>
#include <stdio.h>

/* Says "out of memory" and aborts. */
_Noreturn void ip_oom(void);
/* Says that a limit of the library's own (what: "findings in one run")
 * was passed, and aborts: for counts no real input reaches, such as
 * 2^29 findings, which memory would run out long before. */
_Noreturn void ip_limit(const char *what);

/* malloc(), calloc(), realloc() of n elements of size bytes (the product
 * checked for overflow), strdup() and strndup(): never NULL. */
void *ip_xmalloc(size_t n);
void *ip_xcalloc(size_t n, size_t size);
void *ip_xrealloc(void *p, size_t n, size_t size);
char *ip_xstrdup(const char *s);
char *ip_xstrndup(const char *s, size_t n);
/* open_memstream(), and fclose() of such a stream, which fails only
 * when its buffer cannot grow: never NULL, never fails. */
FILE *ip_xmemstream(char **buf, size_t *len);
void ip_xmemstream_close(FILE *f);

/* Makes room in the malloc'd array v (NULL to start) for need elements of
 * size bytes, doubling *cap; returns v, perhaps moved. */
void *ip_grow(void *v, size_t *cap, size_t need, size_t size);

#endif
