/*
 * date.c - calendar dates as day numbers, and review intervals.
 */
#include "date.h"

#include <string.h>
#include <time.h>

/* Howard Hinnant's days_from_civil and civil_from_days. */
int32_t
ip_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5
	    + (unsigned)d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int32_t)doe - 719468;
}

void
ip_civil_from_days(int32_t z, int *y, int *m, int *d)
{
	z += 719468;
	const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096)
	    / 365;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)yoe + era * 400 + (*m <= 2);
}

int
ip_days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
		return 29;
	return days[m - 1];
}

bool
ip_date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1
	    && d <= ip_days_in_month(y, m);
}

static bool
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int
ip_date_parse(const char *s, int32_t *day)
{
	int y, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-'
	    || !digits(s, 4, &y) || !digits(s + 5, 2, &m)
	    || !digits(s + 8, 2, &d) || !ip_date_valid(y, m, d))
		return -1;
	*day = ip_days_from_civil(y, m, d);
	return 0;
}

char *
ip_date_format(int32_t day, char *buf)
{
	int y, m, d;
	ip_civil_from_days(day, &y, &m, &d);
	const int v[] = { y / 1000 % 10, y / 100 % 10, y / 10 % 10, y % 10,
	    -1, m / 10, m % 10, -1, d / 10, d % 10 };
	for (int i = 0; i < 10; i++)
		buf[i] = v[i] < 0 ? '-' : (char)('0' + v[i]);
	buf[10] = '\0';
	return buf;
}

int32_t
ip_date_today(void)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	return ip_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

int32_t
ip_date_add(int32_t day, int n, char unit)
{
	int y, m, d;
	switch (unit) {
	case 'd':
		return day + n;
	case 'w':
		return day + 7 * n;
	case 'y':
		n *= 12;
		/* FALLTHROUGH */
	default:
		ip_civil_from_days(day, &y, &m, &d);
		int months = y * 12 + (m - 1) + n;
		y = months / 12;
		m = months % 12 + 1;
		if (d > ip_days_in_month(y, m))
			d = ip_days_in_month(y, m);
		return ip_days_from_civil(y, m, d);
	}
}

bool
ip_parse_interval(const char *s, int *n, char *unit)
{
	static const struct {
		const char *name;
		char unit;
	} units[] = {
		{ "d", 'd' }, { "day", 'd' }, { "days", 'd' },
		{ "w", 'w' }, { "week", 'w' }, { "weeks", 'w' },
		{ "m", 'm' }, { "month", 'm' }, { "months", 'm' },
		{ "y", 'y' }, { "year", 'y' }, { "years", 'y' },
	};
	int v = 0, i = 0;
	while (s[i] >= '0' && s[i] <= '9' && i < 4)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || v == 0 || (s[i] >= '0' && s[i] <= '9'))
		return false;
	if (s[i] == ' ')
		i++;
	for (size_t k = 0; k < sizeof(units) / sizeof(units[0]); k++)
		if (strcmp(s + i, units[k].name) == 0) {
			*n = v;
			*unit = units[k].unit;
			return true;
		}
	return false;
}
