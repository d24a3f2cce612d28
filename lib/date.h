/*
 * date.h - calendar dates as days since 1970-01-01 (proleptic
 * Gregorian), and review intervals as written in a plan.  The dates of
 * the public interface (ip_date_parse(), ip_date_format(),
 * ip_date_today(), ip_parse_interval()) are in iplan.h.
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_DATE_H
#define IPLAN_DATE_H

#include <stdbool.h>
#include <stdint.h>

#include "iplan.h"

int32_t ip_days_from_civil(int y, int m, int d);
void ip_civil_from_days(int32_t days, int *y, int *m, int *d);
bool ip_date_valid(int y, int m, int d);
int ip_days_in_month(int y, int m);
/* Adds n units ('d', 'w', 'm', 'y'); months and years clamp to month end. */
int32_t ip_date_add(int32_t day, int n, char unit);

#endif
