/*
 * load.h - loading a plan with the YAML tree it was decoded from
 * (load.c); loading from a file or a buffer, and freeing, are in iplan.h.
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_LOAD_H
#define IPLAN_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "plan.h"
#include "ytree.h"

/* As ip_plan_load_buf_partial(), storing in *tree the YAML tree the plan
 * was decoded from, which lives as long as the plan (its arena holds it)
 * and which the plan does not refer to: an edit may relink it (edit.c). */
int ip_plan_load_tree(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out, struct ip_ynode **tree);

#endif
