/*
 * persons.h - the person of a plan: day of birth, age, guardians,
 * and one plan per person (persons.c).
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_PERSONS_H
#define IPLAN_PERSONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nid.h"
#include "plan.h"

/* Where a person's day of birth comes from (ip_birth_source). */
enum ip_birth {
	IP_BIRTH_UNKNOWN,	/* no birth_date, no national id with a date */
	IP_BIRTH_GIVEN,		/* birth_date, which fits the national id */
	IP_BIRTH_DIFFERS,	/* birth_date, whose date the id does not
				 * hold: the id's, if the table gives its
				 * century, else birth_date */
	IP_BIRTH_NATIONAL_ID,	/* the national id, by the table before 2032 */
	IP_BIRTH_AMBIGUOUS	/* a national id that does not tell the
				 * century, and no birth_date */
};
/* The day the person ps was born, in *day unless unknown or ambiguous:
 * birth_date when the plan gives one that fits the national id, which
 * so decides the century of the id's date; else the id's date in the
 * century that the table of individual numbers before 2032 gives (also
 * over a birth_date that differs, which rule birth-date reports); else
 * birth_date.  ip_person_birth() and the age rules go by it. */
enum ip_birth ip_birth_source(const struct ip_person *ps, int32_t *day);

/* The person's date of birth in *day, as ip_birth_source() decides it.
 * False if neither birth_date nor the national id says, or the national
 * id does not tell the century and birth_date is not given. */
bool ip_person_birth(const struct ip_plan *p, int32_t *day);
/* The age in whole years on day of someone born on birth. */
int ip_age_on(int32_t birth, int32_t day);
/* The person's age on day, or -1 if the plan does not tell the date of
 * birth. */
int ip_person_age(const struct ip_plan *p, int32_t day);
/* The age from which a person consents alone and guardians see no more
 * than others (pasient- og brukerrettighetsloven § 4-3, § 4-4, § 3-4). */
#define IP_AGE_OF_CONSENT 16
/* The age from which a plan may keep guardians to their own part
 * (consent.guardians_own_part, § 3-4 second paragraph). */
#define IP_AGE_OWN_PART 12

/* True if the participant q is one of the person's guardians (role
 * guardian). */
bool ip_is_guardian(const struct ip_participant *q);

/* --- one plan per person ------------------------------------------------- */

/* A plan with a valid national id, as rule one-plan compares plans: the
 * first member of a record of the caller's own. */
struct ip_person_seen {
	uint64_t nid;		/* the national id, as a number */
	uint32_t order;		/* the plan's index in the walk */
};
/* Fills in *who for p, found at order in the walk: false, and *who
 * untouched, if p has no valid national id. */
bool ip_plan_person(const struct ip_plan *p, size_t order,
    struct ip_person_seen *who);
/* Calls again(ctx, later, first) for each record of v (n records of size
 * bytes, each starting with a struct ip_person_seen) whose person has a
 * record of a lower order, in the order of the later: first is the
 * record of that person's lowest order.  Reorders v; aborts when out of
 * memory. */
void ip_persons_again(void *v, size_t n, size_t size,
    void (*again)(void *ctx, const void *later, const void *first),
    void *ctx);

#endif
