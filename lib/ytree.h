/*
 * ytree.h - the YAML tree a plan file is read into (yaml.c), with the
 * limits that bound it.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_YTREE_H
#define IPLAN_YTREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "diag.h"

/* Limits on one plan file: hostile input fails fast with a located error. */
#define IP_MAX_FILE	(4u << 20)	/* bytes in one plan file */
#define IP_MAX_DEPTH	32		/* nesting of mappings and sequences */
#define IP_MAX_NODES	50000		/* YAML nodes in one plan */
#define IP_MAX_SCALAR	(256u << 10)	/* bytes in one value */
#define IP_MAX_KEYS	256		/* keys in one mapping */


enum ip_ykind { IP_Y_SCALAR, IP_Y_MAP, IP_Y_SEQ };

struct ip_ynode {
	enum ip_ykind kind;
	bool plain;		/* scalar: unquoted, so may be a date, bool, null */
	bool fresh;		/* made by an edit (edit.c): not in the text */
	struct ip_pos pos;
	/* Where the node is in the text, as libyaml's marks count: in
	 * characters (a CR and an LF count one each) from the start of the
	 * text past a byte order mark; see edit.c.  start is that of the
	 * node's first character; end is one past the last of a scalar or
	 * a flow collection, and where libyaml ended a block collection. */
	uint32_t start, end;
	const char *s;		/* scalar: NUL-terminated, no NUL inside */
	size_t len;
	struct ip_ynode *first;	/* map: key, value, key, value ...; seq: items */
	struct ip_ynode *last;
	struct ip_ynode *next;
	size_t n;		/* children */
};

/* Parses buf (len bytes, not NUL-terminated) into a tree in arena a.
 * Returns the root, or NULL after adding at least one error to d. */
struct ip_ynode *ip_yaml_parse(const char *buf, size_t len,
    struct ip_arena *a, struct ip_diags *d);


bool ip_scalar_is_null(const struct ip_ynode *n);
/* Writes the len bytes at s as a YAML double-quoted scalar: quotes and
 * backslashes escaped, and every character a reader may not keep as it
 * is: the controls; NEL, LS and PS, line breaks to YAML 1.1 and not to
 * 1.2, which a plan holds only so; and the byte order mark.  All else is
 * written as it is. */
void ip_yaml_quote(FILE *f, const char *s, size_t len);


#endif
