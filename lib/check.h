/*
 * check.h - the content checks of ip-validate (check.c); ip_plan_check()
 * itself is in iplan.h.
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_CHECK_H
#define IPLAN_CHECK_H

#include <stdint.h>

#include "diag.h"
#include "plan.h"

/* The regulation's words for items a to i in English, marked for the
 * messages' catalogues (N_); bokmål's and nynorsk's are the documents'
 * words (ip_labels()). */
extern const char *const ip_item_words_en[];

/* What national_id and birth_date leave unclear of the day the person
 * ps was born, which the age rules go by, as ip-validate(1) says it, into
 * d: a birth_date that differs from the id's date, an id that does not
 * tell the century without birth_date (warnings), a day of birth after
 * today (an error).  Nothing if the plan has no valid national id.
 */
void ip_check_birth(const struct ip_person *ps, int32_t today,
    struct ip_diags *d);

#endif
