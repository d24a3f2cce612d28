/*
 * record.h - recording what happens to a plan in its text (record.c):
 * ip-evaluate's meeting and ip-close's end, declared in iplan.h.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_RECORD_H
#define IPLAN_RECORD_H

#include "edit.h"
#include "iplan.h"
#include "plan.h"

#endif
