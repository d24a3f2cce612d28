/*
 * nid.c - Norwegian national ids, every kind a plan may carry.
 *
 * Eleven digits DDMMYY III K1 K2.  A fødselsnummer has a birth date, an
 * individual number whose range gives the century, and two mod-11 check
 * digits.  A D-nummer adds 40 to the day, an H-nummer (a hospital's own
 * help number) 40 to the month; the synthetic numbers of test
 * environments add 80 to the month.  An FH-nummer (felles hjelpenummer)
 * starts with 8 or 9 and holds no date.
 *
 * From 2032 Skatteetaten issues numbers whose first check digit may be
 * any that leaves the weighted sum at 0, 1, 2 or 3 mod 11, not only 0;
 * the second is computed as before, over the first.  A number cannot say
 * when it was issued, so fødselsnumre and D-numre are checked by the new
 * rule, which accepts every number the old one did.  The new numbers no
 * longer tell the century: individual numbers count down from 999 for
 * people born in any century.  So a number is valid when its date is a
 * date of the calendar in one of the centuries 1800 to 2099; the old
 * table of individual numbers gives the century where it can, and
 * birth_date where the plan has one (ip_birth_source(), persons.c).
 * (Skatteetaten, "Nye fødselsnummer og d-nummer fra 2032".)
 *
 * Organisations and health personnel have numbers of their own: the
 * organisasjonsnummer of Enhetsregisteret (nine digits, the last a mod-11
 * check digit with the weights 3 2 7 6 5 4 3 2) and the HPR-nummer of
 * Helsepersonellregisteret (up to nine digits, no check digit).
 */
#include "nid.h"

#include <string.h>

#include "date.h"

static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };

static int
weighted(const int *d, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += d[i] * w[i];
	return sum;
}

static int
check_digit(const int *d, const int *w, int n)
{
	int k = 11 - weighted(d, w, n) % 11;
	return k == 11 ? 0 : k;	/* 10: no valid check digit */
}

bool
ip_national_id_complete(char *s)
{
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

/* Whether the check digits d[9] and d[10] are right: the first by the
 * rule from 2032 if wide, else by the old one. */
static bool
check_digits(const int *d, bool wide)
{
	int r1 = (weighted(d, w1, 9) + d[9]) % 11;
	return (wide ? r1 <= 3 : r1 == 0)
	    && (weighted(d, w2, 10) + d[10]) % 11 == 0;
}

/* The year of birth that yy and the individual number ind give by the
 * table of the numbers issued before 2032, or 0. */
static int
table_year(int yy, int ind)
{
	if (ind < 500)
		return 1900 + yy;
	if (ind < 750 && yy >= 54)
		return 1800 + yy;
	if (yy < 40)
		return 2000 + yy;
	if (ind >= 900)
		return 1900 + yy;
	return 0;
}

enum ip_nid_kind
ip_nid_parse(const char *s, struct ip_nid *out)
{
	struct ip_nid n = { .kind = IP_NID_INVALID };
	int d[11];

	if (out == NULL)
		out = &n;
	*out = n;
	if (strlen(s) != 11 || strspn(s, "0123456789") != 11)
		return IP_NID_INVALID;
	for (int i = 0; i < 11; i++)
		d[i] = s[i] - '0';
	if (d[0] >= 8) {
		if (!check_digits(d, false))
			return IP_NID_INVALID;
		return out->kind = IP_NID_FHNR;
	}

	int day = d[0] * 10 + d[1], month = d[2] * 10 + d[3];
	int yy = d[4] * 10 + d[5];
	int year = table_year(yy, d[6] * 100 + d[7] * 10 + d[8]);
	n.kind = IP_NID_FNR;
	if (day > 40) {
		day -= 40;
		n.kind = IP_NID_DNR;
	}
	if (month > 80) {
		month -= 80;
		n.synthetic = true;
	} else if (month > 40 && n.kind == IP_NID_FNR) {
		month -= 40;
		n.kind = IP_NID_HNR;
	}
	bool real = false;	/* a date in some century */
	for (int c = 1800; c <= 2000; c += 100)
		real |= ip_date_valid(c + yy, month, day);
	if (!real || !check_digits(d, n.kind != IP_NID_HNR))
		return IP_NID_INVALID;
	n.yy = yy;
	n.month = month;
	n.mday = day;
	if (year != 0 && ip_date_valid(year, month, day)) {
		n.dated = true;
		n.birth = ip_days_from_civil(year, month, day);
	}
	*out = n;
	return n.kind;
}

bool
ip_nid_fits(const struct ip_nid *n, int32_t day)
{
	int y, m, d;

	ip_civil_from_days(day, &y, &m, &d);
	return y >= 1800 && y <= 2099 && y % 100 == n->yy && m == n->month
	    && d == n->mday;
}

const char *
ip_nid_kind_name(enum ip_nid_kind k)
{
	static const char *const names[] = {
		[IP_NID_INVALID] = "no national id",
		[IP_NID_FNR] = "fødselsnummer",
		[IP_NID_DNR] = "D-nummer",
		[IP_NID_HNR] = "H-nummer",
		[IP_NID_FHNR] = "FH-nummer",
	};
	return names[k];
}

bool
ip_national_id_valid(const char *s)
{
	return ip_nid_parse(s, NULL) != IP_NID_INVALID;
}

/* True if s is n to m digits, the first not 0. */
static bool
digits(const char *s, size_t n, size_t m)
{
	size_t len = strspn(s, "0123456789");
	return s[len] == '\0' && len >= n && len <= m && s[0] != '0';
}

bool
ip_orgnr_valid(const char *s)
{
	static const int w[] = { 3, 2, 7, 6, 5, 4, 3, 2 };
	int d[8];

	if (!digits(s, 9, 9))
		return false;
	for (int i = 0; i < 8; i++)
		d[i] = s[i] - '0';
	return check_digit(d, w, 8) == s[8] - '0';
}

bool
ip_register_number_valid(const char *s)
{
	return digits(s, 1, 9);
}

/* --- what looks like a national id in text ------------------------------- */

/* The digit at s, ASCII or fullwidth (U+FF10 to U+FF19), its length in
 * *len; -1 if there is none. */
static int
digit_at(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;

	*len = u[0] == 0xef ? 3 : 1;
	if (u[0] >= '0' && u[0] <= '9')
		return u[0] - '0';
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99)
		return u[2] - 0x90;
	return -1;
}

/* The length of the first of the strings in v (NULL ends it) that s
 * starts with; 0 if none.  The first bytes are compared first: this is
 * asked at every digit of everything written. */
static size_t
one_of(const char *s, const char *const *v)
{
	for (; *v != NULL; v++)
		if (**v == *s && strncmp(s, *v, strlen(*v)) == 0)
			return strlen(*v);
	return 0;
}

/* Blanks: space, tab, no-break, figure, thin, narrow no-break and
 * ideographic space. */
static const char *const blanks[] = { " ", "\t", "\u00a0", "\u2007",
	"\u2009", "\u202f", "\u3000", NULL };
/* Marks: hyphen-minus, full stop, solidus, low line, the hyphens and
 * dashes U+2010 to U+2015, minus, and the fullwidth hyphen-minus, full
 * stop, solidus and low line. */
static const char *const marks[] = { "-", ".", "/", "_", "\u2010",
	"\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212",
	"\uff0d", "\uff0e", "\uff0f", "\uff3f", NULL };

/* The length of the blank at s, 0 if none: the ASCII ones without a
 * walk through the list, which only a byte above ASCII needs. */
static size_t
blank_at(const char *s)
{
	if (*s == ' ' || *s == '\t')
		return 1;
	return (unsigned char)*s < 0x80 ? 0 : one_of(s, blanks);
}

/* The length of the mark at s, 0 if none, as blank_at() a blank. */
static size_t
mark_at(const char *s)
{
	if (*s == '-' || *s == '.' || *s == '/' || *s == '_')
		return 1;
	return (unsigned char)*s < 0x80 ? 0 : one_of(s, marks);
}

/* The length of the separator at s: blanks, a mark, or a mark with
 * blanks about it; 0 if none. */
static size_t
separator_at(const char *s)
{
	size_t n = 0, k;

	while ((k = blank_at(s + n)) > 0)
		n += k;
	if ((k = mark_at(s + n)) > 0)
		for (n += k; (k = blank_at(s + n)) > 0; n += k)
			;
	return n;
}

size_t
ip_nid_written(const char *s)
{
	char id[12];
	size_t at = 0, len;

	/* DD MM YY III KK: a separator may stand after the day, the month,
	 * the year and the individual number */
	for (int i = 0; i < 11; i++) {
		if (i == 2 || i == 4 || i == 6 || i == 9)
			at += separator_at(s + at);
		int d = digit_at(s + at, &len);
		if (d < 0)
			return 0;
		id[i] = (char)('0' + d);
		at += len;
	}
	id[11] = '\0';
	return ip_national_id_valid(id) ? at : 0;
}
