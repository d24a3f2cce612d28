/*
 * due.h - when the reviews of a plan fall due (due.c).
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_DUE_H
#define IPLAN_DUE_H

#include <stdbool.h>
#include <stdint.h>

#include "plan.h"

/* What the reviews of a plan come to. */
struct ip_reviews {
	int32_t last_done;	/* the latest done date, or INT32_MIN */
	int32_t first;		/* the earliest planned date, or INT32_MAX */
	int32_t open;		/* the earliest planned date without done,
				   or INT32_MAX */
	int32_t interval;	/* the review review_interval asks for, or
				   INT32_MAX */
};

/* What the reviews of p come to on day (see due.c for the interval's
 * rule): a review done after day counts as not yet done. */
struct ip_reviews ip_reviews_of(const struct ip_plan *p, int32_t day);
/* Whether reviews that come to rs were never done though the first
 * planned date, stored in *first, is before today: the earliest planned
 * review, or the one review_interval asks for, only if it does. */
bool ip_reviews_never(const struct ip_reviews *rs, int32_t today,
    int32_t *first);
/* The day of p's next review as ip-review(1) reports it on today: the
 * earliest planned review not done by today, or the one review_interval
 * asks for if that is earlier.  False if there is none, or p is closed
 * on today. */
bool ip_next_review(const struct ip_plan *p, int32_t today, int32_t *day);
/* True if ip-review(1) reports a review of p overdue as of today: its
 * next review (see ip_next_review()) is before today. */
bool ip_review_overdue(const struct ip_plan *p, int32_t today);
/* True if ip-review(1) reports p never-reviewed as of today: p is not
 * closed on today, no review is done by today, and the first planned date (the earliest planned
 * review, or the one review_interval asks for) is before today. */
bool ip_never_reviewed(const struct ip_plan *p, int32_t today);

#endif
