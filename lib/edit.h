/*
 * edit.h - editing a plan in its own text (edit.c): the doc, its nodes
 * and edits are declared in iplan.h; this is what lib/ and the tests
 * need beside them.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_EDIT_H
#define IPLAN_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "iplan.h"
#include "plan.h"

/* Whether two trees hold the same keys in the same order, the same
 * values and the same kinds of scalar (plain or not): what a load of
 * the edited text must give. */
bool ip_ynode_equal(const struct ip_ynode *a, const struct ip_ynode *b);

/* The tree of the text ip_doc_finish() made, as loaded; owned by doc. */
const struct ip_ynode *ip_doc_result_tree(const struct ip_doc *doc);

#endif
