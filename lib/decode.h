/*
 * decode.h - from a YAML tree to a typed plan (decode.c).
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_DECODE_H
#define IPLAN_DECODE_H

#include "diag.h"
#include "plan.h"
#include "ytree.h"

/* Decodes a YAML tree into p (whose arena holds the tree).  Returns 0; 1
 * after adding to d errors in some keys or values, which it leaves out of
 * p as if absent; or -1 after adding errors to d if the tree is not a plan
 * at all (not a mapping, no format or another one). */
int ip_decode(struct ip_plan *p, const struct ip_ynode *root,
    struct ip_diags *d);
/* True if pos is that of a key the decoder left out, or of an unknown key
 * standing for it: an error is reported there, and the checks say
 * nothing of its absence. */
bool ip_plan_refused(const struct ip_plan *p, struct ip_pos pos);

/* Calls fn for every key the loader knows, parents before their keys, in
 * the loader's order: its path ("person.care", "goals[].subgoals[].id"),
 * its type ("text", "date", "boolean", "word", "interval", "mapping",
 * "list" of mappings, "list1": a mapping or a list of them, "texts": a
 * list of text, "texts1": a text or a list
 * of text) and its vocabulary, or NULL.  For the test that holds the JSON
 * Schema (lib/ip-plan.schema.json) to the loader. */
void ip_keys(void (*fn)(const char *path, const char *type,
    const char *const *vocab, void *ctx), void *ctx);

#endif
