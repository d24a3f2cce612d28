/*
 * uuid.h - SHA-1 and name-based UUIDs (uuid.c).
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_UUID_H
#define IPLAN_UUID_H

#include <stddef.h>
#include <stdint.h>

/* The SHA-1 digest of the n bytes at data into out. */
void ip_sha1(const void *data, size_t n, unsigned char out[20]);
/* The name-based (version 5) UUID of name in the namespace ns, as 36
 * characters and a NUL in out; returns out.  Aborts when out of memory. */
char *ip_uuid5(const unsigned char ns[16], const char *name, char out[37]);

#endif
