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

#include "iplan.h"	/* ip_xmalloc() and the others the commands use */

/* Says "out of memory" and aborts. */
_Noreturn void ip_oom(void);
/* Says that a limit of the library's own (what: "findings in one run")
 * was passed, and aborts: for counts no real input reaches, such as
 * 2^29 findings, which memory would run out long before. */
_Noreturn void ip_limit(const char *what);

/* open_memstream(), and fclose() of such a stream, which fails only
 * when its buffer cannot grow: never NULL, never fails. */
FILE *ip_xmemstream(char **buf, size_t *len);
void ip_xmemstream_close(FILE *f);

#endif
