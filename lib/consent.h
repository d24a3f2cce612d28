/*
 * consent.h - recording consents in a plan's text (consent.c):
 * ip-consent's edits, declared in iplan.h.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_CONSENT_H
#define IPLAN_CONSENT_H

#include "edit.h"
#include "iplan.h"
#include "plan.h"

#endif
