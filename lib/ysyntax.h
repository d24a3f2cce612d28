/*
 * ysyntax.h - YAML syntax as a plan's writer meets it (ysyntax.c): what
 * libyaml refuses, said in the user's language where the fix goes, with a
 * hint; and what YAML 1.2 refuses but libyaml 0.2.5 accepts, refused.
 *
 * Only yaml.c includes this header.
 */
#ifndef IPLAN_YSYNTAX_H
#define IPLAN_YSYNTAX_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "diag.h"
#include "utf8.h"
#include "ytree.h"

/* Adds to d one [syntax] error for the problem libyaml's parser p found
 * in the len bytes at buf (a parser or scanner error, not a reader
 * error). */
void ip_ysyntax_explain(const char *buf, size_t len, const yaml_parser_t *p,
    struct ip_diags *d);

/* What libyaml accepts and YAML 1.2 does not, found in the events of
 * one parse of the len bytes at buf, each given in turn. */
struct ip_ystrict {
	const char *buf;
	size_t len;
	struct ip_utf8_cursor at;	/* libyaml's marks, in characters */
	size_t scanned;		/* bytes up to here hold no bad comment */
	int block[IP_MAX_DEPTH + 2];	/* the columns of the block
					 * collections, innermost last */
	int nblock;
	int flow;		/* flow collections open */
	size_t flow_line, flow_at;	/* where the outermost began */
};

void ip_ystrict_init(struct ip_ystrict *s, const char *buf, size_t len);
/* Checks the event e; 0, or -1 after adding a [syntax] error to d. */
int ip_ystrict_event(struct ip_ystrict *s, const yaml_event_t *e,
    struct ip_diags *d);

#endif
