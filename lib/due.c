/*
 * due.c - when a plan's reviews fall due: what ip-review reports and the
 * documents of ip-export show as the next review.
 */
#include "due.h"

#include <stdint.h>

#include "date.h"

/* A review is done on day when its done date is on or before day; one
 * done later is, on day, a review planned for its date.  The review that
 * review_interval asks for is the interval after the last review done, or
 * after the start if none is; there is none when an open planned review
 * falls after that base and no later than it (that one stands for it), or
 * when the period ends first. */
static bool
done_by(const struct ip_review *rv, int32_t day)
{
	return rv->done.set && rv->done.day <= day;
}

struct ip_reviews
ip_reviews_of(const struct ip_plan *p, int32_t day)
{
	const struct ip_period *pe = &p->period;
	struct ip_reviews rs = { INT32_MIN, INT32_MAX, INT32_MAX, INT32_MAX };

	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    &pe->reviews.v[i];
		if (done_by(rv, day) && rv->done.day > rs.last_done)
			rs.last_done = rv->done.day;
		if (rv->date.set && rv->date.day < rs.first)
			rs.first = rv->date.day;
		if (!done_by(rv, day) && rv->date.set && rv->date.day < rs.open)
			rs.open = rv->date.day;
	}
	if (!pe->review_interval.set
	    || (rs.last_done == INT32_MIN && !pe->start.set))
		return rs;
	int32_t base = rs.last_done != INT32_MIN ? rs.last_done
	    : pe->start.day;
	int32_t next = ip_date_add(base, pe->review_interval.n,
	    pe->review_interval.unit);
	if (pe->end.set && next > pe->end.day)
		return rs;
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    &pe->reviews.v[i];
		if (!done_by(rv, day) && rv->date.set && rv->date.day > base
		    && rv->date.day <= next)
			return rs;
	}
	rs.interval = next;
	return rs;
}

bool
ip_next_review(const struct ip_plan *p, int32_t today, int32_t *day)
{
	if (ip_plan_closed_on(p, today))
		return false;
	struct ip_reviews rs = ip_reviews_of(p, today);
	int32_t next = rs.open < rs.interval ? rs.open : rs.interval;
	if (next == INT32_MAX)
		return false;
	*day = next;
	return true;
}

bool
ip_review_overdue(const struct ip_plan *p, int32_t today)
{
	int32_t next;
	return ip_next_review(p, today, &next) && next < today;
}

bool
ip_reviews_never(const struct ip_reviews *rs, int32_t today, int32_t *first)
{
	*first = rs->first < rs->interval ? rs->first : rs->interval;
	return rs->last_done == INT32_MIN && *first < today;
}

bool
ip_never_reviewed(const struct ip_plan *p, int32_t today)
{
	struct ip_reviews rs = ip_reviews_of(p, today);
	int32_t first;
	return !ip_plan_closed_on(p, today)
	    && ip_reviews_never(&rs, today, &first);
}
