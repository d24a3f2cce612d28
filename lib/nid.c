/*
 * nid.c - Norwegian national ids: fødselsnummer and D-nummer.
 *
 * Eleven digits DDMMYY III K1 K2: a birth date (a D-nummer adds 40 to the
 * day), an individual number whose range gives the century, and two mod-11
 * check digits.
 */
#include <string.h>

#include "plan.h"

static int
check_digit(const int *d, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += d[i] * w[i];
	int k = 11 - sum % 11;
	return k == 11 ? 0 : k;	/* 10: no valid check digit */
}

bool
ip_national_id_complete(char *s)
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int d[11];

	for (int i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		d[i] = s[i] - '0';
	}
	if ((d[9] = check_digit(d, w1, 9)) == 10
	    || (d[10] = check_digit(d, w2, 10)) == 10)
		return false;
	s[9] = (char)('0' + d[9]);
	s[10] = (char)('0' + d[10]);
	s[11] = '\0';
	return true;
}

bool
ip_national_id_valid(const char *s, int32_t *birth)
{
	char id[12];

	if (strlen(s) != 11 || strspn(s, "0123456789") != 11)
		return false;
	memcpy(id, s, 9);
	if (!ip_national_id_complete(id) || memcmp(id, s, 11) != 0)
		return false;

	int day = (s[0] - '0') * 10 + s[1] - '0';
	int month = (s[2] - '0') * 10 + s[3] - '0';
	int yy = (s[4] - '0') * 10 + s[5] - '0';
	int ind = (s[6] - '0') * 100 + (s[7] - '0') * 10 + s[8] - '0';
	if (day > 40)
		day -= 40;	/* D-nummer */
	int year;
	if (ind < 500)
		year = 1900 + yy;
	else if (ind < 750 && yy >= 54)
		year = 1800 + yy;
	else if (yy < 40)
		year = 2000 + yy;
	else if (ind >= 900)
		year = 1900 + yy;
	else
		return false;
	if (!ip_date_valid(year, month, day))
		return false;
	if (birth != NULL)
		*birth = ip_days_from_civil(year, month, day);
	return true;
}
