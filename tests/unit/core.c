/*
 * core.c - unit tests of the core library: dates and intervals, national
 * ids, edit distance, the YAML loader's limits and the arena; ages and
 * who the consents cover on a day.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libintl.h>
#include <locale.h>

#include "check.h"
#include "nid.h"
#include "persons.h"
#include "render.h"
#include "suggest.h"
#include "uuid.h"
#include "view.h"

/* --- dates --------------------------------------------------------------- */

static int32_t
day(const char *s)
{
	int32_t d = INT32_MIN;
	assert_int_equal(ip_date_parse(s, &d), 0);
	return d;
}

static void
assert_date(int32_t d, const char *want)
{
	char buf[11];
	assert_string_equal(ip_date_format(d, buf), want);
}

static void
test_civil_anchors(void **state)
{
	(void)state;
	assert_int_equal(ip_days_from_civil(1970, 1, 1), 0);
	assert_int_equal(ip_days_from_civil(1969, 12, 31), -1);
	assert_int_equal(ip_days_from_civil(2000, 3, 1), 11017);
	assert_int_equal(ip_days_from_civil(1900, 1, 1), -25567);
	assert_int_equal(ip_days_from_civil(2026, 11, 24), 20781);
}

/* Every day from 1900 to 2100, counted by hand with ip_days_in_month,
 * maps to the next day number and back. */
static void
test_civil_round_trip(void **state)
{
	(void)state;
	int32_t want = ip_days_from_civil(1900, 1, 1);
	int n = 0;
	for (int y = 1900; y <= 2100; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= ip_days_in_month(y, m); d++) {
				int yy, mm, dd;
				assert_int_equal(ip_days_from_civil(y, m, d),
				    want);
				ip_civil_from_days(want, &yy, &mm, &dd);
				assert_int_equal(yy, y);
				assert_int_equal(mm, m);
				assert_int_equal(dd, d);
				want++;
				n++;
			}
	/* 201 years, 49 of them leap years (1900 and 2100 are not) */
	assert_int_equal(n, 201 * 365 + 49);
}

static void
test_days_in_month(void **state)
{
	(void)state;
	assert_int_equal(ip_days_in_month(2024, 2), 29);
	assert_int_equal(ip_days_in_month(2025, 2), 28);
	assert_int_equal(ip_days_in_month(2000, 2), 29);
	assert_int_equal(ip_days_in_month(1900, 2), 28);
	assert_int_equal(ip_days_in_month(2026, 4), 30);
	assert_int_equal(ip_days_in_month(2026, 12), 31);
}

static void
test_parse_date_valid(void **state)
{
	(void)state;
	assert_int_equal(day("1970-01-01"), 0);
	assert_int_equal(day("2026-11-24"), 20781);
	assert_int_equal(day("2024-02-29"), ip_days_from_civil(2024, 2, 29));
	assert_int_equal(day("2000-02-29"), ip_days_from_civil(2000, 2, 29));
	assert_int_equal(day("0001-01-01"), ip_days_from_civil(1, 1, 1));
	assert_int_equal(day("9999-12-31"), ip_days_from_civil(9999, 12, 31));
	assert_date(day("2026-01-15"), "2026-01-15");
}

static void
test_parse_date_invalid(void **state)
{
	static const char *const bad[] = {
		"2025-02-29",	/* not a leap year */
		"1900-02-29",	/* nor is a century not divisible by 400 */
		"2100-02-29",
		"2026-02-30", "2026-04-31", "2026-01-32",
		"2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01",
		"2026-1-01", "2026-01-1", "26-01-01", "2026-01-011",
		"2026/01/01", "2026-01-01 ", " 2026-01-01", "2026-01-0a",
		"+026-01-01", "2026--1-01", "", "today",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int32_t d = 42;
		if (ip_date_parse(bad[i], &d) == 0)
			fail_msg("'%s' was taken for a date", bad[i]);
		assert_int_equal(ip_date_parse(bad[i], &d), -1);
	}
}

static void
test_date_add(void **state)
{
	(void)state;
	/* months and years clamp to the end of the month */
	assert_date(ip_date_add(day("2026-01-31"), 1, 'm'), "2026-02-28");
	assert_date(ip_date_add(day("2024-01-31"), 1, 'm'), "2024-02-29");
	assert_date(ip_date_add(day("2026-03-31"), 1, 'm'), "2026-04-30");
	assert_date(ip_date_add(day("2024-02-29"), 1, 'y'), "2025-02-28");
	assert_date(ip_date_add(day("2024-02-29"), 4, 'y'), "2028-02-29");
	assert_date(ip_date_add(day("2026-03-31"), -1, 'm'), "2026-02-28");
	/* across the year, and not drifting */
	assert_date(ip_date_add(day("2026-11-15"), 2, 'm'), "2027-01-15");
	assert_date(ip_date_add(day("2026-01-15"), 6, 'm'), "2026-07-15");
	assert_date(ip_date_add(day("2026-01-15"), 12, 'm'), "2027-01-15");
	assert_date(ip_date_add(day("2026-01-15"), 1, 'y'), "2027-01-15");
	/* weeks and days */
	assert_date(ip_date_add(day("2026-11-24"), 6, 'w'), "2027-01-05");
	assert_date(ip_date_add(day("2026-12-31"), 1, 'd'), "2027-01-01");
	assert_date(ip_date_add(day("2024-02-28"), 1, 'd'), "2024-02-29");
	assert_date(ip_date_add(day("2026-03-01"), -1, 'd'), "2026-02-28");
	assert_date(ip_date_add(day("2026-11-24"), 14, 'd'), "2026-12-08");
	assert_int_equal(ip_date_add(day("2026-11-24"), 2, 'w'),
	    ip_date_add(day("2026-11-24"), 14, 'd'));
}

static void
test_parse_interval(void **state)
{
	static const struct {
		const char *s;
		int n;
		char unit;
	} good[] = {
		{ "6 months", 6, 'm' }, { "6m", 6, 'm' }, { "1 month", 1, 'm' },
		{ "1 year", 1, 'y' }, { "2 years", 2, 'y' }, { "1y", 1, 'y' },
		{ "14d", 14, 'd' }, { "14 days", 14, 'd' }, { "1 day", 1, 'd' },
		{ "6 weeks", 6, 'w' }, { "6w", 6, 'w' }, { "1 week", 1, 'w' },
	};
	static const char *const bad[] = {
		"0d", "0 months", "6 fortnights", "-1m", "+1m", "m", "6", "",
		"6 Months", "6 monthss", "6  months", " 6 months", "6 months ",
		"6.5 months", "six months", "6 mo",
	};
	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		int n = 0;
		char unit = 0;
		if (!ip_parse_interval(good[i].s, &n, &unit))
			fail_msg("'%s' was refused", good[i].s);
		assert_int_equal(n, good[i].n);
		assert_int_equal(unit, good[i].unit);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int n;
		char unit;
		if (ip_parse_interval(bad[i], &n, &unit))
			fail_msg("'%s' was taken for an interval", bad[i]);
	}
}

/* --- national ids -------------------------------------------------------- */

/* The mod-11 check digit of the n digits at s with weights w, or -1 if
 * there is none (the remainder gives 10).  Written here again, from the
 * rules, so that the library is not tested against itself. */
static int
mod11(const char *s, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += (s[i] - '0') * w[i];
	int k = (11 - sum % 11) % 11;
	return k == 10 ? -1 : k;
}

/* Makes the id for a day, month, two-digit year and individual number
 * into out (12 bytes); false if that individual number has no check
 * digits. */
static bool
make_id(char *out, int dd, int mm, int yy, int ind)
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	int k1, k2;

	snprintf(out, 12, "%02d%02d%02d%03d", dd, mm, yy, ind);
	if ((k1 = mod11(out, w1, 9)) < 0)
		return false;
	out[9] = (char)('0' + k1);
	if ((k2 = mod11(out, w2, 10)) < 0)
		return false;
	out[10] = (char)('0' + k2);
	out[11] = '\0';
	return true;
}

/* As make_id, with the first individual number from ind up that has
 * check digits (among the next ten: the tests below stay in a century's
 * range of individual numbers). */
static void
some_id(char *out, int dd, int mm, int yy, int ind)
{
	int from = ind;
	while (!make_id(out, dd, mm, yy, ind))
		ind++;
	assert_in_range(ind, from, from + 9);
}

/* Asserts that id is a national id of kind k, synthetic or not, holding
 * the birth date y-m-d. */
static void
assert_nid_kind(const char *id, enum ip_nid_kind k, bool synthetic, int y,
    int m, int d)
{
	struct ip_nid n;
	if (ip_nid_parse(id, &n) != k || n.kind != k)
		fail_msg("%s: kind %d, expected %d", id, (int)n.kind, (int)k);
	assert_int_equal(n.synthetic, synthetic);
	assert_int_equal(n.birth, ip_days_from_civil(y, m, d));
	assert_true(ip_national_id_valid(id));
}

static void
assert_nid(const char *id, int y, int m, int d)
{
	struct ip_nid n;
	if (ip_nid_parse(id, &n) == IP_NID_INVALID)
		fail_msg("%s was refused", id);
	assert_int_equal(n.birth, ip_days_from_civil(y, m, d));
}

static void
assert_not_nid(const char *id)
{
	struct ip_nid n;
	if (ip_nid_parse(id, &n) != IP_NID_INVALID || ip_national_id_valid(id))
		fail_msg("%s was taken for a national id", id);
	assert_int_equal(n.kind, IP_NID_INVALID);
}

static void
test_nid_known(void **state)
{
	(void)state;
	/* synthetic ids from the test plans, computed by hand */
	assert_nid("17059012274", 1990, 5, 17);
	assert_nid("57059012187", 1990, 5, 17);	/* D-nummer */
	assert_not_nid("17059012275");
	assert_not_nid("30029012020");	/* right check digits, 30 February */
	assert_true(ip_national_id_valid("17059012274"));
}

/* Every kind, each with a number made for it, and those of the rule for
 * numbers issued from 2032. */
static void
test_nid_kinds(void **state)
{
	char id[12];
	(void)state;
	assert_nid_kind("17059012274", IP_NID_FNR, false, 1990, 5, 17);
	assert_nid_kind("57059012187", IP_NID_DNR, false, 1990, 5, 17);
	/* H-nummer: 40 added to the month */
	some_id(id, 17, 45, 90, 100);
	assert_nid_kind(id, IP_NID_HNR, false, 1990, 5, 17);
	some_id(id, 17, 53, 90, 100);	/* month 13 */
	assert_not_nid(id);
	/* FH-nummer: first digit 8 or 9, no date, the check digits only */
	some_id(id, 81, 99, 99, 990);
	assert_nid_kind(id, IP_NID_FHNR, false, 1970, 1, 1);
	some_id(id, 99, 0, 0, 0);
	assert_nid_kind(id, IP_NID_FHNR, false, 1970, 1, 1);
	id[10] = id[10] == '9' ? '0' : (char)(id[10] + 1);
	assert_not_nid(id);
	/* synthetic test numbers: 80 added to the month, of a
	 * fødselsnummer or a D-nummer */
	some_id(id, 17, 85, 90, 100);
	assert_nid_kind(id, IP_NID_FNR, true, 1990, 5, 17);
	some_id(id, 57, 85, 90, 100);
	assert_nid_kind(id, IP_NID_DNR, true, 1990, 5, 17);
	some_id(id, 17, 93, 90, 100);	/* month 13 */
	assert_not_nid(id);
	/* from 2032: Skatteetaten's published test number (synthetic, 30
	 * October 1982), whose first check digit the old rule refuses, and
	 * one whose second fails */
	assert_nid_kind("30908299902", IP_NID_FNR, true, 1982, 10, 30);
	memcpy(id, "309082999", 9);
	assert_true(ip_national_id_complete(id));
	assert_string_not_equal(id, "30908299902");
	assert_not_nid("20036914712");
}

/* The weighted sums of the first nine digits, and of the first ten. */
static int
sum_of(const char *id, const int *w, int n)
{
	int sum = 0;
	for (int i = 0; i < n; i++)
		sum += (id[i] - '0') * w[i];
	return sum;
}

static void
test_nid_check_digits(void **state)
{
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	static const int w2[] = { 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 };
	char id[12];
	int valid = 0;
	(void)state;
	/* every pair of check digits after each individual number: those
	 * taken are those the rule from 2032 gives, the first leaving 0 to
	 * 3 mod 11, the second 0; the old rule's among them when it has
	 * one */
	for (int ind = 0; ind < 500; ind += 7) {
		int taken = 0;
		for (int k = 0; k < 100; k++) {
			snprintf(id, sizeof(id), "170590%03d%02d", ind, k);
			bool want = (sum_of(id, w1, 9) + id[9] - '0') % 11 <= 3
			    && (sum_of(id, w2, 10) + id[10] - '0') % 11 == 0;
			assert_int_equal(ip_national_id_valid(id), want);
			taken += want;
		}
		assert_in_range(taken, 2, 4);
		if (make_id(id, 17, 5, 90, ind)) {
			assert_nid(id, 1990, 5, 17);
			valid++;
		}
	}
	assert_true(valid > 50);
}

static void
test_nid_complete(void **state)
{
	char mine[12], lib[12];
	(void)state;
	for (int ind = 0; ind < 1000; ind++) {
		bool ok = make_id(mine, 1, 1, 70, ind);
		memcpy(lib, mine, 9);
		assert_int_equal(ip_national_id_complete(lib), ok);
		if (ok)
			assert_string_equal(lib, mine);
	}
	memcpy(lib, "17059x122", 9);
	assert_false(ip_national_id_complete(lib));
}

/* Asserts that id is valid and holds a date in no century that the
 * table before 2032 gives. */
static void
assert_nid_undated(const char *id)
{
	struct ip_nid n;
	if (ip_nid_parse(id, &n) == IP_NID_INVALID)
		fail_msg("%s was refused", id);
	if (n.dated)
		fail_msg("%s was given a century", id);
}

/* Ids made from a date and an individual number, and the birth date each
 * stands for (year 0: the table gives no century; valid false: no valid
 * id, its date in no century from 1800 to 2099). */
static void
test_nid_dates(void **state)
{
	static const struct {
		int dd, mm, yy, ind;	/* the id's digits */
		bool valid;
		int y, m, d;		/* its birth date */
	} ids[] = {
		{ 29, 2, 88, 100, true, 1988, 2, 29 },	/* a leap year */
		{ 29, 2, 89, 100, false, 0, 0, 0 },
		{ 31, 4, 90, 100, false, 0, 0, 0 },
		{ 1, 13, 90, 100, false, 0, 0, 0 },
		{ 0, 1, 90, 100, false, 0, 0, 0 },
		{ 1, 0, 90, 100, false, 0, 0, 0 },
		{ 31, 12, 99, 100, true, 1999, 12, 31 },
		/* D-nummer: 40 added to the day */
		{ 41, 1, 90, 100, true, 1990, 1, 1 },
		{ 71, 12, 90, 100, true, 1990, 12, 31 },
		{ 72, 12, 90, 100, false, 0, 0, 0 },
		{ 69, 2, 88, 100, true, 1988, 2, 29 },
		{ 69, 2, 89, 100, false, 0, 0, 0 },
		{ 40, 1, 90, 100, false, 0, 0, 0 },	/* nor day 40, nor D 0 */
		/* the individual number's range gives the century:
		 * 000-499, the 1900s */
		{ 1, 6, 54, 0, true, 1954, 6, 1 },
		{ 1, 6, 10, 400, true, 1910, 6, 1 },
		{ 1, 6, 99, 490, true, 1999, 6, 1 },
		/* 500-749 with year 54-99: the 1800s */
		{ 1, 6, 60, 500, true, 1860, 6, 1 },
		{ 1, 6, 99, 740, true, 1899, 6, 1 },
		/* 500-999 with year 00-39: the 2000s */
		{ 1, 6, 10, 500, true, 2010, 6, 1 },
		{ 1, 6, 39, 990, true, 2039, 6, 1 },
		{ 29, 2, 0, 600, true, 2000, 2, 29 },	/* 2000: a leap year */
		/* 1900 was not, but 2000 was: a date in some century, which
		 * the table does not give */
		{ 29, 2, 0, 100, true, 0, 0, 0 },
		/* 900-999 with year 40-99: the 1900s */
		{ 1, 6, 45, 900, true, 1945, 6, 1 },
		/* 750-899 with year 40-99, 500-749 with 40-53: the table
		 * gives none, but numbers from 2032 count down from 999
		 * whatever the century */
		{ 1, 6, 45, 750, true, 0, 0, 0 },
		{ 1, 6, 99, 880, true, 0, 0, 0 },
		{ 1, 6, 45, 500, true, 0, 0, 0 },
		{ 1, 6, 53, 700, true, 0, 0, 0 },
	};
	char id[12];
	(void)state;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		some_id(id, ids[i].dd, ids[i].mm, ids[i].yy, ids[i].ind);
		if (!ids[i].valid)
			assert_not_nid(id);
		else if (ids[i].y == 0)
			assert_nid_undated(id);
		else
			assert_nid(id, ids[i].y, ids[i].m, ids[i].d);
	}
}

/* Both check-digit rules, number by number: the first check digit leaves
 * the weighted sum at 0 mod 11 (before 2032) or at 0 to 3 (from 2032);
 * the second leaves its own at 0 either way. */
static void
test_nid_rules_table(void **state)
{
	static const struct {
		const char *id;
		int r1;		/* the first sum mod 11, worked by hand */
		bool valid;
	} ids[] = {
		{ "17059012274", 0, true },	/* the old rule */
		{ "30108285008", 0, true },	/* issue 28: the old rule, 850 */
		{ "12023256507", 0, true },
		{ "15033099921", 1, true },	/* the rule from 2032 only */
		{ "30908299902", 2, true },	/* Skatteetaten's example */
		{ "17059012282", 1, true },
		{ "17059012290", 2, true },
		{ "17059012460", 3, true },
		{ "17059012207", 4, false },	/* 4 and up: neither rule */
		{ "17059012266", 10, false },
		{ "17059012275", 0, false },	/* the second check digit */
		{ "15033099920", 1, false },
	};
	static const int w1[] = { 3, 7, 6, 1, 8, 9, 4, 5, 2 };
	(void)state;
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const char *id = ids[i].id;
		assert_int_equal((sum_of(id, w1, 9) + id[9] - '0') % 11,
		    ids[i].r1);
		if (ip_national_id_valid(id) != ids[i].valid)
			fail_msg("%s: valid is %d", id, !ids[i].valid);
	}
}

/* The day of birth from birth_date and national_id together: the
 * century from birth_date, else from the table, else none. */
static void
test_person_birth(void **state)
{
	static const struct {
		const char *id;		/* NULL: none */
		int by, bm, bd;		/* birth_date; 0: none */
		enum ip_birth want;
		int y, m, d;		/* the day given back */
	} cases[] = {
		{ "30108285008", 1982, 10, 30, IP_BIRTH_GIVEN, 1982, 10, 30 },
		{ "30108285008", 0, 0, 0, IP_BIRTH_AMBIGUOUS, 0, 0, 0 },
		{ "30108285008", 1882, 10, 30, IP_BIRTH_GIVEN, 1882, 10, 30 },
		{ "30108285008", 1982, 10, 31, IP_BIRTH_DIFFERS, 1982, 10,
		    31 },
		{ "15033099921", 1930, 3, 15, IP_BIRTH_GIVEN, 1930, 3, 15 },
		{ "15033099921", 0, 0, 0, IP_BIRTH_NATIONAL_ID, 2030, 3, 15 },
		{ "12023256507", 1932, 2, 12, IP_BIRTH_GIVEN, 1932, 2, 12 },
		{ "12023256507", 0, 0, 0, IP_BIRTH_NATIONAL_ID, 2032, 2, 12 },
		{ "12023256507", 1732, 2, 12, IP_BIRTH_DIFFERS, 2032, 2, 12 },
		{ "17059012274", 0, 0, 0, IP_BIRTH_NATIONAL_ID, 1990, 5, 17 },
		{ "57059012187", 1990, 5, 17, IP_BIRTH_GIVEN, 1990, 5, 17 },
		{ "17059012275", 1990, 5, 17, IP_BIRTH_GIVEN, 1990, 5, 17 },
		{ "17059012274", 2015, 1, 1, IP_BIRTH_DIFFERS, 1990, 5, 17 },
		{ "17059012275", 0, 0, 0, IP_BIRTH_UNKNOWN, 0, 0, 0 },
		{ NULL, 2001, 1, 1, IP_BIRTH_GIVEN, 2001, 1, 1 },
		{ NULL, 0, 0, 0, IP_BIRTH_UNKNOWN, 0, 0, 0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct ip_person ps = { .national_id.s = cases[i].id };
		int32_t day = -1;
		if (cases[i].by != 0) {
			ps.birth_date.set = true;
			ps.birth_date.day = ip_days_from_civil(cases[i].by,
			    cases[i].bm, cases[i].bd);
		}
		enum ip_birth got = ip_birth_source(&ps, &day);
		if (got != cases[i].want)
			fail_msg("case %zu: %d, expected %d", i, (int)got,
			    (int)cases[i].want);
		if (cases[i].y != 0)
			assert_int_equal(day, ip_days_from_civil(cases[i].y,
			    cases[i].m, cases[i].d));
	}
}

/* Issue 28: from 2032 individual numbers count down from 999 for people
 * born in any century.  Such numbers are valid for every day of birth;
 * birth_date gives their century, with no word of a difference; without
 * it the table before 2032 does (900 to 999: 1940 to 1999, else 2000 to
 * 2039), which is why ip-validate asks for birth_date when that puts the
 * day after today. */
static void
test_nid_count_down(void **state)
{
	static const struct {
		int y, m, d;
	} born[] = { { 1900, 1, 1 }, { 1930, 3, 15 }, { 1939, 12, 31 },
		{ 1940, 1, 1 }, { 1982, 10, 30 }, { 1999, 12, 31 },
		{ 2000, 2, 29 }, { 2010, 2, 28 }, { 2025, 5, 17 } };
	char id[12];
	(void)state;
	for (size_t i = 0; i < sizeof(born) / sizeof(*born); i++) {
		int yy = born[i].y % 100, made = 0;
		int32_t day = ip_days_from_civil(born[i].y, born[i].m,
		    born[i].d), got;
		for (int ind = 999; ind >= 980; ind--) {
			if (!make_id(id, born[i].d, born[i].m, yy, ind))
				continue;
			made++;
			struct ip_person ps = { .national_id.s = id,
			    .birth_date = { .set = true, .day = day } };
			assert_true(ip_national_id_valid(id));
			assert_int_equal(ip_birth_source(&ps, &got),
			    IP_BIRTH_GIVEN);
			assert_int_equal(got, day);
			ps.birth_date.set = false;
			assert_int_equal(ip_birth_source(&ps, &got),
			    IP_BIRTH_NATIONAL_ID);
			assert_int_equal(got, ip_days_from_civil((yy < 40
			    ? 2000 : 1900) + yy, born[i].m, born[i].d));
		}
		assert_true(made > 10);
	}
}

static void
test_nid_shape(void **state)
{
	(void)state;
	assert_not_nid("");
	assert_not_nid("1705901227");		/* ten digits */
	assert_not_nid("170590122740");		/* twelve */
	assert_not_nid("17059012274 ");
	assert_not_nid(" 17059012274");
	assert_not_nid("170590 12274");
	assert_not_nid("1705901227a");
	assert_not_nid("-7059012274");
	assert_not_nid("00000000000");
}

/* --- edit distance ------------------------------------------------------- */

/* SHA-1 against FIPS 180's examples and Python's hashlib, at the lengths
 * where the padding takes one block or two. */
static void
assert_sha1(const char *data, size_t n, const char *want)
{
	unsigned char md[20];
	char hex[41];
	ip_sha1(data, n, md);
	for (int i = 0; i < 20; i++)
		snprintf(hex + 2 * i, 3, "%02x", md[i]);
	assert_string_equal(hex, want);
}

static void
test_sha1(void **state)
{
	static char a[1000000], x[64];
	(void)state;
	memset(a, 'a', sizeof(a));
	memset(x, 'x', sizeof(x));
	assert_sha1("", 0, "da39a3ee5e6b4b0d3255bfef95601890afd80709");
	assert_sha1("abc", 3, "a9993e364706816aba3e25717850c26c9cd0d89d");
	assert_sha1(a, sizeof(a), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
	assert_sha1(x, 55, "cef734ba81a024479e09eb5a75b6ddae62e6abf1");
	assert_sha1(x, 56, "901305367c259952f4e7af8323f480d59f81335b");
	assert_sha1(x, 64, "bb2fa3ee7afb9f54c6dfb5d021f14b1ffe40c163");
}

/* RFC 9562's namespace for DNS names, and Python's uuid.uuid5(). */
static void
test_uuid5(void **state)
{
	static const unsigned char dns[16] = { 0x6b, 0xa7, 0xb8, 0x10, 0x9d,
	    0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8 };
	static char long_name[301];
	char out[37];
	(void)state;
	assert_string_equal(ip_uuid5(dns, "python.org", out),
	    "886313e1-3b8a-5372-9b90-0c9aee199e5d");
	/* longer than the buffer on the stack */
	memset(long_name, 'a', 300);
	assert_string_equal(ip_uuid5(dns, long_name, out),
	    "39aaf90c-2a5a-5781-93dc-08baea928201");
}

static void
test_edit_distance(void **state)
{
	char a[80], b[80];
	(void)state;
	assert_int_equal(ip_edit_distance("", "", 2), 0);
	assert_int_equal(ip_edit_distance("same", "same", 2), 0);
	assert_int_equal(ip_edit_distance("", "abc", 5), 3);
	assert_int_equal(ip_edit_distance("abc", "", 5), 3);
	assert_int_equal(ip_edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(ip_edit_distance("sitting", "kitten", 5), 3);
	assert_int_equal(ip_edit_distance("coordinater", "coordinator", 2), 1);
	assert_int_equal(ip_edit_distance("extend", "extent", 2), 1);
	assert_int_equal(ip_edit_distance("ab", "ba", 2), 2);	/* no swaps */
	assert_int_equal(ip_edit_distance("goal", "goals", 1), 1);
	/* capped at max + 1 */
	assert_int_equal(ip_edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(ip_edit_distance("kitten", "sitting", 0), 1);
	assert_int_equal(ip_edit_distance("legal", "legal_basis", 2), 3);
	/* too long to compare: as far as can be */
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memcpy(b, a, sizeof(b));
	assert_int_equal(ip_edit_distance(a, b, 2), 3);
	a[63] = '\0';
	b[63] = '\0';
	assert_int_equal(ip_edit_distance(a, b, 2), 0);
	b[62] = 'y';
	assert_int_equal(ip_edit_distance(a, b, 2), 1);
}

static void
test_suggest(void **state)
{
	static const char *const roles[] = { "person", "relative",
		"provider", "other", NULL };
	static const char *const keys[] = { "id", "text", "subgoals", NULL };
	char iso[11];
	(void)state;
	/* Norwegian words, bokmål and nynorsk, any case */
	assert_string_equal(ip_suggest_word("pårørende", roles), "relative");
	assert_string_equal(ip_suggest_word("Pårørande", roles), "relative");
	assert_string_equal(ip_suggest_word("koordinator", roles), "provider");
	assert_string_equal(ip_suggest_word("PÅRØRENDE", roles), "relative");
	assert_string_equal(ip_suggest_word("delmål", keys), "subgoals");
	assert_string_equal(ip_suggest_word("Delmål", keys), "subgoals");
	assert_string_equal(ip_suggest_word("tekst", keys), "text");
	/* a slip in a Norwegian word, and in an English one */
	assert_string_equal(ip_suggest_word("pårørene", roles), "relative");
	assert_string_equal(ip_suggest_word("persn", roles), "person");
	assert_string_equal(ip_suggest_word("Provider", roles), "provider");
	/* nothing near; a word only for a key not among these */
	assert_null(ip_suggest_word("venn", roles));
	assert_null(ip_suggest_word("tiltak", keys));
	assert_null(ip_suggest_word("", roles));
	/* Norwegian order */
	assert_true(ip_suggest_date("15.06.2027", iso));
	assert_string_equal(iso, "2027-06-15");
	assert_true(ip_suggest_date("1/2/2026", iso));
	assert_string_equal(iso, "2026-02-01");
	assert_true(ip_suggest_date("29-02-2028", iso));
	assert_string_equal(iso, "2028-02-29");
	assert_false(ip_suggest_date("29.02.2027", iso));	/* no such day */
	assert_false(ip_suggest_date("15.06.27", iso));	/* which century? */
	assert_false(ip_suggest_date("15.06-2027", iso));
	assert_false(ip_suggest_date("2027-06-15", iso));
	assert_false(ip_suggest_date("15.06.2027x", iso));
	assert_false(ip_suggest_date("15", iso));
	assert_false(ip_suggest_date("", iso));
}

/* --- the YAML loader ----------------------------------------------------- */

struct parsed {
	struct ip_arena arena;
	struct ip_diags *d;
	struct ip_ynode *root;
};

static void
parse(struct parsed *p, const char *s, size_t len)
{
	memset(p, 0, sizeof(*p));
	p->d = ip_diags_new("t.yaml");
	assert_non_null(p->d);
	p->root = ip_yaml_parse(s, len, &p->arena, p->d);
}

static void
parsed_free(struct parsed *p)
{
	ip_arena_free(&p->arena);
	ip_diags_free(p->d);
}

/* Parses s, which must load without a finding. */
static void
parse_ok(struct parsed *p, const char *s, size_t len)
{
	parse(p, s, len);
	if (p->root == NULL || p->d->n != 0)
		fail_msg("refused: %s", p->d->n ? p->d->v[0].msg : "?");
}

/* Parses s, which must be refused with one finding of rule r at
 * line:col. */
static void
parse_fails(const char *s, size_t len, enum ip_rule r, uint32_t line,
    uint32_t col)
{
	struct parsed p;
	parse(&p, s, len);
	if (p.root != NULL)
		fail_msg("'%s' was not refused", s);
	assert_int_equal(p.d->n, 1);
	assert_string_equal(ip_rule_id(p.d->v[0].rule), ip_rule_id(r));
	assert_int_equal(p.d->v[0].pos.line, line);
	assert_int_equal(p.d->v[0].pos.col, col);
	parsed_free(&p);
}

/* n opening brackets, x, n closing ones: a list n levels deep. */
static char *
nested(int n)
{
	char *s = malloc((size_t)(2 * n + 2));
	assert_non_null(s);
	memset(s, '[', (size_t)n);
	s[n] = 'x';
	memset(s + n + 1, ']', (size_t)n);
	s[2 * n + 1] = '\0';
	return s;
}

static void
test_yaml_tree(void **state)
{
	static const char src[] = "a: 1\nb:\n  - \"x\"\n  - y\nc: {d: ~}\n";
	struct parsed p;
	(void)state;
	parse_ok(&p, src, sizeof(src) - 1);
	const struct ip_ynode *r = p.root;
	assert_int_equal(r->kind, IP_Y_MAP);
	assert_int_equal(r->n, 6);
	assert_string_equal(r->first->s, "a");
	assert_string_equal(r->first->next->s, "1");
	assert_true(r->first->next->plain);
	const struct ip_ynode *b = r->first->next->next->next;
	assert_int_equal(b->kind, IP_Y_SEQ);
	assert_int_equal(b->n, 2);
	assert_int_equal(b->pos.line, 3);
	assert_int_equal(b->pos.col, 3);
	assert_string_equal(b->first->s, "x");
	assert_false(b->first->plain);
	assert_int_equal(b->first->pos.line, 3);
	assert_int_equal(b->first->pos.col, 5);
	assert_true(b->last->plain);
	const struct ip_ynode *c = b->next->next;
	assert_int_equal(c->kind, IP_Y_MAP);
	assert_true(ip_scalar_is_null(c->first->next));
	assert_false(ip_scalar_is_null(b->first));	/* quoted */
	parsed_free(&p);
}

/* What YAML 1.2 allows beside what it refuses and libyaml 0.2.5 lets
 * through (ysyntax.c): a '#' in a text or after a space, dashes in
 * words, continuation lines indented past their key, comment lines in
 * brackets, a block's leading empty lines no deeper than its text. */
static void
test_yaml_strict(void **state)
{
	static const char *const ok[] = {
		"a: b#c\n",
		"a: b # c\n# d#e\n",
		"a: [b, c] # d\n",
		"a: \"b\" # c\n",
		"a: 'it''s'\n",
		"a: [-b, c-d, -1]\n",
		"a: [b,\n  c]\n",
		"a: [b,\n# c\n  d]\n",
		"- [b,\n   c]\n",
		"a:\n  - b: [c,\n     d]\n",
		"a: \"b\n c\"\n",
		"a: \"b\n\n c\"\n",
		"a: \"b\n \tc\"\n",
		"[a,\nb]\n",
		"a: |\n\n  b\n",
		"a: |\n  \n  b\n",
		"a: |2\n    \n  b\n",
		"a: > # c\n  b\n",
		"a: http://x/#y\n",
		"a: b\r\nc: [d,\r\n  e]\r\n",
		"a: \"\xc3\xa5\" # \xc3\xa5\n",
	};
	static const struct {
		const char *s;
		uint32_t line, col;
	} bad[] = {
		{ "a: [b]#c\n", 1, 7 },
		{ "a: \"b\"#c\n", 1, 7 },
		{ "a: [b,#c\n  d]\n", 1, 7 },
		{ "a: >#c\n  b\n", 1, 5 },
		{ "%YAML 1.2#c\n---\na: b\n", 1, 10 },
		{ "a: \"\xc3\xa5\"#c\n", 1, 7 },
		{ "a: [-]\n", 1, 5 },
		{ "a: [b, -]\n", 1, 8 },
		{ "a: [b,\nc]\n", 2, 1 },
		{ "a: \"b\nc\"\n", 2, 1 },
		{ "a: \"b\n\tc\"\n", 2, 1 },
		{ "- [b,\n\tc]\n", 2, 1 },
		{ "a:\n  b: [c,\n  d]\n", 3, 3 },
		{ "a: >\n \n  \n   \n # c\n", 4, 4 },
		{ "a: |\n    \n  b\n", 2, 5 },
	};
	struct parsed p;
	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		parse_ok(&p, ok[i], strlen(ok[i]));
		parsed_free(&p);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_fails(bad[i].s, strlen(bad[i].s), IP_R_SYNTAX,
		    bad[i].line, bad[i].col);
}

static void
test_yaml_depth(void **state)
{
	struct parsed p;
	char *s;
	(void)state;

	/* IP_MAX_DEPTH lists in one another load */
	s = nested(IP_MAX_DEPTH);
	parse_ok(&p, s, strlen(s));
	const struct ip_ynode *n = p.root;
	int depth = 0;
	for (; n->kind == IP_Y_SEQ; n = n->first)
		depth++;
	assert_int_equal(depth, IP_MAX_DEPTH);
	assert_string_equal(n->s, "x");
	parsed_free(&p);
	free(s);

	/* one more is refused, at the bracket that goes too deep */
	s = nested(IP_MAX_DEPTH + 1);
	parse_fails(s, strlen(s), IP_R_LIMIT, 1, IP_MAX_DEPTH + 1);
	free(s);

	/* the root mapping counts as a level */
	s = nested(IP_MAX_DEPTH - 1);
	char *m = malloc(strlen(s) + 4);
	assert_non_null(m);
	sprintf(m, "a: %s", s);
	parse_ok(&p, m, strlen(m));
	parsed_free(&p);
	free(s);
	s = nested(IP_MAX_DEPTH);
	m = realloc(m, strlen(s) + 4);
	assert_non_null(m);
	sprintf(m, "a: %s", s);
	parse_fails(m, strlen(m), IP_R_LIMIT, 1, 4 + IP_MAX_DEPTH - 1);
	free(s);
	free(m);
}

/* A mapping of n keys k0 ... on lines of their own. */
static char *
keys(int n)
{
	char *s = malloc((size_t)n * 12 + 1), *q = s;
	assert_non_null(s);
	for (int i = 0; i < n; i++)
		q += sprintf(q, "k%d: %d\n", i, i);
	return s;
}

static void
test_yaml_keys(void **state)
{
	struct parsed p;
	char *s;
	(void)state;
	s = keys(IP_MAX_KEYS);
	parse_ok(&p, s, strlen(s));
	assert_int_equal(p.root->n, 2 * IP_MAX_KEYS);
	parsed_free(&p);
	free(s);
	s = keys(IP_MAX_KEYS + 1);
	parse_fails(s, strlen(s), IP_R_LIMIT, IP_MAX_KEYS + 1, 1);
	free(s);
}

static void
test_yaml_scalar(void **state)
{
	size_t len = 3 + IP_MAX_SCALAR + 1;
	char *s = malloc(len + 1);
	struct parsed p;
	(void)state;
	assert_non_null(s);
	memcpy(s, "a: ", 3);
	memset(s + 3, 'x', IP_MAX_SCALAR + 1);
	s[len] = '\0';
	/* IP_MAX_SCALAR bytes load */
	parse_ok(&p, s, len - 1);
	assert_int_equal(p.root->first->next->len, IP_MAX_SCALAR);
	parsed_free(&p);
	/* one more is refused */
	parse_fails(s, len, IP_R_LIMIT, 1, 4);
	free(s);
}

static void
test_yaml_nodes(void **state)
{
	/* a list of n - 1 items is n nodes */
	size_t n = IP_MAX_NODES;
	char *s = malloc(4 * n + 1), *q = s;
	struct parsed p;
	(void)state;
	assert_non_null(s);
	for (size_t i = 0; i + 1 < n; i++)
		q += sprintf(q, "- x\n");
	parse_ok(&p, s, strlen(s));
	assert_int_equal(p.root->n, n - 1);
	parsed_free(&p);
	sprintf(q, "- y\n");
	parse_fails(s, strlen(s), IP_R_LIMIT, (uint32_t)n, 3);
	free(s);
}

/* What the loader refuses, and where it says so. */
static void
test_yaml_refused(void **state)
{
	static const struct {
		const char *src;
		enum ip_rule rule;
		uint32_t line, col;
	} bad[] = {
		{ "a: 1\nb: 2\na: 3\n", IP_R_DUPKEY, 3, 1 },
		{ "x:\n  a: 1\n  a: 1\n", IP_R_DUPKEY, 3, 3 },
		{ "x: {a: 1, b: 2, a: 3}\n", IP_R_DUPKEY, 1, 17 },
		{ "a: 1\n\"a\": 2\n", IP_R_DUPKEY, 2, 1 },	/* quoted */
		{ "a: &x 1\n", IP_R_UNSUPPORTED, 1, 4 },
		{ "a: 1\nb: *x\n", IP_R_UNSUPPORTED, 2, 4 },
		{ "a: !!int 1\n", IP_R_UNSUPPORTED, 1, 4 },
		{ "a: 1\n---\nb: 2\n", IP_R_UNSUPPORTED, 2, 1 },
		{ "a: b\xc3\x28\n", IP_R_ENCODING, 1, 5 },
		{ "? {a: 1}\n: 2\n", IP_R_TYPE, 1, 3 },
		{ "", IP_R_FORMAT, 0, 0 },
		{ "# only a comment\n", IP_R_FORMAT, 0, 0 },
		/* a byte order mark is not a column */
		{ "\xef\xbb\xbf" "a: &x 1\n", IP_R_UNSUPPORTED, 1, 4 },
	};
	struct parsed p;
	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		parse_fails(bad[i].src, strlen(bad[i].src), bad[i].rule,
		    bad[i].line, bad[i].col);
	/* the same key in two mappings */
	parse_ok(&p, "x: {a: 1}\ny: {a: 2}\n", 20);
	parsed_free(&p);
	parse_ok(&p, "\xef\xbb\xbf" "a: 1\n", 8);
	parsed_free(&p);
}

/* --- the arena ----------------------------------------------------------- */

static void
test_arena_small(void **state)
{
	struct ip_arena a = { 0 };
	unsigned char *p[2000];
	(void)state;
	/* many small blocks over several chunks, each zeroed, aligned and
	 * its own */
	for (size_t i = 0; i < 2000; i++) {
		size_t n = 1 + i % 97;
		p[i] = ip_arena_alloc(&a, n);
		assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		for (size_t j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i & 0xff), n);
	}
	for (size_t i = 0; i < 2000; i++)
		for (size_t j = 0; j < 1 + i % 97; j++)
			assert_int_equal(p[i][j], i & 0xff);
	ip_arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
}

static void
test_arena_large(void **state)
{
	struct ip_arena a = { 0 };
	const size_t big = 3u << 20;
	(void)state;
	char *small = ip_arena_alloc(&a, 10);
	size_t used = a.used;
	unsigned char *p = ip_arena_alloc(&a, big);
	for (size_t i = 0; i < big; i += 4096)
		assert_int_equal(p[i], 0);
	assert_int_equal(p[big - 1], 0);
	memset(p, 0xab, big);
	/* the small allocations go on in the chunk they were in */
	assert_int_equal(a.used, used);
	char *next = ip_arena_alloc(&a, 10);
	assert_ptr_equal(next, small + used);
	assert_true(a.used > used);
	assert_int_equal(p[big - 1], 0xab);
	ip_arena_free(&a);
}

static void
test_arena_reset(void **state)
{
	struct ip_arena a = { 0 };
	(void)state;
	ip_arena_reset(&a);	/* an empty arena */
	assert_null(a.head);
	unsigned char *first = ip_arena_alloc(&a, 100);
	memset(first, 0xff, 100);
	for (int i = 0; i < 100; i++)
		ip_arena_alloc(&a, 4000);	/* several chunks */
	ip_arena_alloc(&a, 1u << 20);		/* and a big one */
	ip_arena_reset(&a);
	assert_non_null(a.head);
	assert_int_equal(a.used, 0);
	/* what comes after is zeroed again */
	unsigned char *again = ip_arena_alloc(&a, 100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(again[i], 0);
	ip_arena_free(&a);
}

static void
test_arena_strings(void **state)
{
	struct ip_arena a = { 0 };
	(void)state;
	char *s = ip_arena_strndup(&a, "abcdef", 3);
	assert_string_equal(s, "abc");
	s = ip_arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	s = ip_arena_printf(&a, "%s-%d-%05.1f", "x", 42, 3.14159);
	assert_string_equal(s, "x-42-003.1");
	char long_s[10000];
	memset(long_s, 'z', sizeof(long_s) - 1);
	long_s[sizeof(long_s) - 1] = '\0';
	s = ip_arena_printf(&a, "<%s>", long_s);
	assert_int_equal(strlen(s), sizeof(long_s) + 1);
	assert_int_equal(s[0], '<');
	assert_int_equal(s[sizeof(long_s)], '>');
	ip_arena_free(&a);
}

/* --- diagnostics --------------------------------------------------------- */

static void
test_diags_print(void **state)
{
	char buf[1024] = "";
	struct ip_diags *d = ip_diags_new("p.yaml");
	(void)state;
	assert_non_null(d);
	ip_diag(d, (struct ip_pos){ 3, 5 }, IP_R_MEASURE_GOAL, "w %d", 1);
	ip_diag(d, (struct ip_pos){ 3, 2 }, IP_R_TYPE, "bad\033[31m");
	ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_ITEM_I, "whole");
	ip_diag(d, (struct ip_pos){ 1, 9 }, IP_R_DATE, "first");
	assert_int_equal(ip_diags_errors(d), 3);
	assert_int_equal(ip_diags_warnings(d), 1);
	assert_false(ip_diags_trouble(d));

	FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");
	assert_non_null(f);
	assert_int_equal(ip_diags_print(d, f, 0), 0);
	assert_int_equal(ip_diags_print(d, f, IP_PRINT_NO_WARNINGS), 0);
	fclose(f);
	assert_string_equal(buf,
	    "p.yaml: error: whole [item-i]\n"
	    "p.yaml:1:9: error: first [date]\n"
	    "p.yaml:3:2: error: bad?[31m [type]\n"
	    "p.yaml:3:5: warning: w 1 [measure-goal]\n"
	    "p.yaml: error: whole [item-i]\n"
	    "p.yaml:1:9: error: first [date]\n"
	    "p.yaml:3:2: error: bad?[31m [type]\n");

	ip_diags_reset(d, "q.yaml");
	assert_int_equal(ip_diags_errors(d), 0);
	ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_IO, "cannot read");
	assert_true(ip_diags_trouble(d));
	assert_string_equal(d->file, "q.yaml");
	ip_diags_free(d);
}

/* Findings at one place come in the order found, wherever the array has
 * them: qsort() may move elements about, so their addresses do not tell. */
static void
test_diags_ties(void **state)
{
	char buf[256] = "";
	struct ip_diags *d = ip_diags_new("p.yaml");
	(void)state;
	assert_non_null(d);
	ip_diag(d, (struct ip_pos){ 2, 1 }, IP_R_TYPE, "one");
	ip_diag(d, (struct ip_pos){ 2, 1 }, IP_R_VALUE, "two");
	ip_diag(d, (struct ip_pos){ 2, 1 }, IP_R_DATE, "three");
	struct ip_diag t = d->v[0];
	d->v[0] = d->v[2];
	d->v[2] = t;

	FILE *f = fmemopen(buf, sizeof(buf) - 1, "w");
	assert_non_null(f);
	assert_int_equal(ip_diags_print(d, f, 0), 0);
	fclose(f);
	assert_string_equal(buf,
	    "p.yaml:2:1: error: one [type]\n"
	    "p.yaml:2:1: error: two [value]\n"
	    "p.yaml:2:1: error: three [date]\n");
	ip_diags_free(d);
}

/* What ip_fputs_clean() writes of s. */
static char *
cleaned(const char *s)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	assert_non_null(m);
	ip_fputs_clean(s, m);
	assert_int_equal(fclose(m), 0);
	return buf;
}

/* A valid national id in text shown is hidden, wherever it comes from,
 * bare or with a separator after its date; other runs of digits are not.
 * Controls and bytes that are not UTF-8 are shown as ?, bidi controls and
 * line separators by their code points. */
static void
test_clean_national_id(void **state)
{
	static const char *const cases[][2] = {
		{ "not '12038040187'", "not '<national id>'" },
		{ "12038040187 and 17059012274, 12038040188",
		    "<national id> and <national id>, 12038040188" },
		/* inside a longer run of digits too */
		{ "112038040187 1203804018 120380401870",
		    "1<national id> 1203804018 <national id>0" },
		{ "a/12038040187.yaml", "a/<national id>.yaml" },
		{ "x\033[2Jy\302\233z\377", "x?[2Jy?z?" },
		/* with a space or a hyphen after the birth date */
		{ "120380 40187, 120380-40187 and 170590 12274.",
		    "<national id>, <national id> and <national id>." },
		{ "120380 40188 1120380 40187 120380 401871 120380  40187",
		    "120380 40188 1<national id> <national id>1 <national id>" },
		{ "120380\t40187 120380_40187 120380 4018",
		    "<national id> <national id> 120380 4018" },
		/* every grouping of 6+5 and 6+3+2, the date's too, with one
		 * separator of any kind between groups */
		{ "120380 401 87|12.03.80 40187|120380.40187|120380/40187|"
		    "12-03-80-401-87|120380 - 40187",
		    "<national id>|<national id>|<national id>|<national id>|"
		    "<national id>|<national id>" },
		{ "120380\u201340187|120380\u00a040187|170590\u2009122\u202f74|"
		    "\uff11\uff12\uff10\uff13\uff18\uff10\uff14\uff10"
		    "\uff11\uff18\uff17|120380\uff0d40187",
		    "<national id>|<national id>|<national id>|<national id>|"
		    "<national id>" },
		/* two separators, or one where no group ends, or a date */
		{ "120380 -- 40187 1203804 0187 2024-01-01 2024-12-31 "
		    "12.03.1980",
		    "120380 -- 40187 1203804 0187 2024-01-01 2024-12-31 "
		    "12.03.1980" },
		/* bidi controls and separators, escaped */
		{ "ø\342\200\250x\342\200\251", "ø<U+2028>x<U+2029>" },
		{ "a\342\200\256b\342\200\252\342\200\254c",
		    "a<U+202E>b<U+202A><U+202C>c" },
		{ "\342\201\246\342\201\247\342\201\250\342\201\251"
		    "\342\200\217", "<U+2066><U+2067><U+2068><U+2069>"
		    "\342\200\217" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = cleaned(cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

/* A participant is found by id among thousands, the first of those that
 * share an id, and one without an id never. */
static void
test_find_participant(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	struct ip_diags *d = ip_diags_new("p.yaml");
	struct ip_plan *p;

	(void)state;
	assert_non_null(m);
	fputs("format: iplan/1\nparticipants:\n  - {name: none}\n", m);
	for (int i = 4999; i >= 0; i--)
		fprintf(m, "  - {id: p%d, name: n%d}\n", i, i);
	fputs("  - {id: p42, name: second}\n", m);
	assert_int_equal(fclose(m), 0);
	assert_int_equal(ip_plan_load_buf(buf, len, d, &p), 0);
	for (int i = 0; i < 5000; i++) {
		char id[16], name[16];
		snprintf(id, sizeof(id), "p%d", i);
		snprintf(name, sizeof(name), "n%d", i);
		const struct ip_participant *q = ip_find_participant(p, id);
		assert_non_null(q);
		assert_string_equal(q->name.s, name);
	}
	assert_null(ip_find_participant(p, "p5000"));
	assert_null(ip_find_participant(p, "p"));
	assert_null(ip_find_participant(p, ""));
	assert_null(ip_find_participant(p, "zz"));
	ip_plan_free(p);
	ip_diags_free(d);
	free(buf);
}

static void
test_rules(void **state)
{
	(void)state;
	assert_string_equal(ip_rule_id(IP_R_IO), "io");
	assert_string_equal(ip_rule_id(IP_R_ITEM_A), "item-a");
	assert_string_equal(ip_rule_id(IP_R_ITEM_I), "item-i");
	assert_string_equal(ip_rule_id(IP_R_ONE_PLAN), "one-plan");
	assert_int_equal(IP_R_ITEM_I - IP_R_ITEM_A, 8);
	assert_int_equal(ip_rule_severity(IP_R_SUBGOAL_DUE), IP_WARNING);
	assert_int_equal(ip_rule_severity(IP_R_ITEM_H), IP_ERROR);
	/* ids are unique */
	for (int i = 0; i < IP_R_COUNT; i++)
		for (int j = 0; j < i; j++)
			assert_string_not_equal(ip_rule_id((enum ip_rule)i),
			    ip_rule_id((enum ip_rule)j));
}

static void
test_age(void **state)
{
	(void)state;
	assert_int_equal(ip_age_on(day("2010-12-01"), day("2026-11-30")), 15);
	assert_int_equal(ip_age_on(day("2010-12-01"), day("2026-12-01")), 16);
	/* one born on 29 February is a year older on 1 March */
	assert_int_equal(ip_age_on(day("2008-02-29"), day("2024-02-28")), 15);
	assert_int_equal(ip_age_on(day("2008-02-29"), day("2024-02-29")), 16);
	assert_int_equal(ip_age_on(day("2008-02-29"), day("2023-02-28")), 14);
	assert_int_equal(ip_age_on(day("2008-02-29"), day("2023-03-01")), 15);
}

static struct ip_plan *
load(const char *text)
{
	struct ip_diags *d = ip_diags_new("p.yaml");
	struct ip_plan *p;
	assert_int_equal(ip_plan_load_buf(text, strlen(text), d, &p), 0);
	ip_diags_free(d);
	return p;
}

static void
test_person_age_from_national_id(void **state)
{
	/* the national id says 1990-05-17, birth_date another day: the
	 * national id's date decides */
	struct ip_plan *p = load("format: iplan/1\nperson:\n"
	    "  national_id: \"17059012274\"\n  birth_date: 2015-01-01\n");
	(void)state;
	assert_int_equal(ip_person_age(p, day("2026-11-24")), 36);
	ip_plan_free(p);
	p = load("format: iplan/1\nperson: {birth_date: 2015-01-01}\n");
	assert_int_equal(ip_person_age(p, day("2026-11-24")), 11);
	assert_int_equal(ip_person_age(p, day("2014-12-31")), -1);
	ip_plan_free(p);
	p = load("format: iplan/1\nperson: {name: X}\n");
	assert_int_equal(ip_person_age(p, day("2026-11-24")), -1);
	ip_plan_free(p);
}

static void
test_covering(void **state)
{
	struct ip_plan *p = load("format: iplan/1\n"
	    "participants:\n"
	    "  - {id: a, role: provider}\n  - {id: b, role: provider}\n"
	    "  - {id: c, role: provider}\n"
	    "consent:\n  plan: {date: 2026-01-01}\n"
	    "  information_sharing:\n"
	    "    - {date: 2026-01-10, participants: [a], until: 2026-06-30}\n"
	    "    - {date: 2026-03-01, participants: [b, a]}\n"
	    "    - {date: 2026-02-01, participants: [c], "
	    "withdrawn: 2026-04-01}\n");
	const struct ip_consent_sharing *v = p->consent.information_sharing.v;
	int32_t since = 0;

	(void)state;
	assert_int_equal(p->consent.information_sharing.n, 3);
	assert_null(ip_covering(p, "a", day("2026-01-09")));
	assert_ptr_equal(ip_covering(p, "a", day("2026-01-10")), &v[0]);
	assert_ptr_equal(ip_covering(p, "a", day("2026-07-01")), &v[1]);
	/* b is added by a later consent: covered only from its date */
	assert_null(ip_covering(p, "b", day("2026-02-28")));
	assert_ptr_equal(ip_covering(p, "b", day("2026-03-01")), &v[1]);
	assert_ptr_equal(ip_covering(p, "c", day("2026-03-31")), &v[2]);
	assert_null(ip_covering(p, "c", day("2026-04-01")));
	assert_null(ip_covering(p, "d", day("2026-04-01")));
	assert_int_equal(ip_consent_on(p, &v[2], day("2026-04-01"), &since),
	    IP_SHARING_WITHDRAWN);
	assert_int_equal(since, day("2026-04-01"));
	assert_int_equal(ip_consent_on(p, &v[0], day("2026-07-01"), &since),
	    IP_SHARING_EXPIRED);
	assert_int_equal(since, day("2026-06-30"));
	assert_int_equal(ip_sharing_on(p, day("2026-01-09"), NULL),
	    IP_SHARING_NONE);
	assert_int_equal(ip_sharing_on(p, day("2027-01-01"), NULL),
	    IP_SHARING_ACTIVE);
	ip_plan_free(p);
	/* a single mapping is a list of one; one whose keys are all empty,
	 * as ip-new writes it, is none */
	p = load("format: iplan/1\nconsent:\n  information_sharing:\n"
	    "    date: 2026-01-10\n    participants: [a]\n");
	assert_int_equal(p->consent.information_sharing.n, 1);
	ip_plan_free(p);
	p = load("format: iplan/1\nconsent:\n  information_sharing:\n"
	    "    date:\n    participants:\n");
	assert_int_equal(p->consent.information_sharing.n, 0);
	ip_plan_free(p);
}

static void
test_guardians(void **state)
{
	struct ip_plan *p = load("format: iplan/1\n"
	    "person: {birth_date: 2010-12-01}\n"
	    "participants:\n  - {id: mor, role: guardian}\n"
	    "  - {id: onkel, role: relative}\n");
	const struct ip_participant *mor = &p->participants.v[0];

	(void)state;
	assert_true(ip_guardian_sees_all(p, mor, day("2026-11-30")));
	assert_false(ip_guardian_sees_all(p, mor, day("2026-12-01")));
	assert_false(ip_guardian_sees_all(p, &p->participants.v[1],
	    day("2026-11-30")));
	ip_plan_free(p);
	p = load("format: iplan/1\nperson: {birth_date: 2010-12-01}\n"
	    "participants:\n  - {id: mor, role: guardian}\n"
	    "consent: {guardians_own_part: true}\n");
	mor = &p->participants.v[0];
	assert_true(ip_guardian_sees_all(p, mor, day("2022-11-30")));
	assert_false(ip_guardian_sees_all(p, mor, day("2022-12-01")));
	assert_false(ip_guardian_sees_all(p, mor, day("2026-11-30")));
	ip_plan_free(p);
}

/* The catalogues translate the English words of each item into the
 * stored words that the skeletons quote: a wording changed in one place
 * and not the other fails here. */
static void
test_item_words_catalogues(void **state)
{
	static const struct {
		const char *lang, *locale;
		enum ip_lang words;
	} want[] = {
		{ "nb", "nb_NO.UTF-8", IP_LANG_NB },
		{ "nn", "nn_NO.UTF-8", IP_LANG_NN },
	};

	(void)state;
	assert_non_null(bindtextdomain("iplan", IPLAN_BUILDDIR "/locale"));
	for (size_t l = 0; l < sizeof want / sizeof *want; l++) {
		assert_non_null(setlocale(LC_ALL, want[l].locale));
		assert_int_equal(setenv("LANGUAGE", want[l].lang, 1), 0);
		for (int i = 0; i < 9; i++)
			assert_string_equal(dgettext("iplan",
			    ip_item_words_en[i]),
			    ip_labels(want[l].words)->items[i]);
	}
	unsetenv("LANGUAGE");
	setlocale(LC_ALL, "C");
}

/* ip_utf8_byte() as it was before it took eight bytes at a time:
 * one character at a time, its continuation bytes with it. */
static size_t
utf8_byte_slow(const unsigned char *s, size_t len, size_t ci)
{
	size_t bi = 0;
	for (size_t n = 0; n < ci && bi < len; n++)
		for (bi++; bi < len && (s[bi] & 0xc0) == 0x80; bi++)
			;
	return bi;
}

/* The cursor gives, forwards and back, by steps of every length, the
 * offset counting one character at a time gives, in ASCII, Norwegian
 * letters, runs that end just before and after a multi-byte character,
 * eight bytes of multi-byte characters and no ASCII, and malformed UTF-8: continuation bytes after ASCII, a lead byte at
 * the end. */
static void
test_utf8_cursor(void **state)
{
	static const char *const texts[] = {
		"format: iplan/1\nperson:\n  name: Kari Nordmann\n",
		"æøå ÆØÅ: Bodø, Tromsø og Ålesund — «sitat» og “sitat”.",
		"12345678æ12345678\u2014abcdefgh\U0001F600ijklmnopq",
		"abcdefgh\x80\x80ijklmnop\xbfqrstuvwx\xc3",
		"\x80\x80\x80" "abc",
		"ææææøøøøåååå«»\u2014\u2014\u2014\U0001F600\U0001F600ab\u2014c",
		"ab\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80" "cdæ\xe2\x80",
		"",
	};
	(void)state;
	for (size_t t = 0; t < sizeof(texts) / sizeof(*texts); t++) {
		const unsigned char *s = (const unsigned char *)texts[t];
		size_t len = strlen(texts[t]);
		for (size_t step = 1; step <= 11; step++) {
			struct ip_utf8_cursor c = { s, len, 0, 0, 0, 0 };
			for (size_t ci = 0; ci <= len + 2; ci += step)
				assert_int_equal(ip_utf8_byte(&c, ci),
				    utf8_byte_slow(s, len, ci));
			for (size_t ci = len + 2; ci-- > 0;)
				assert_int_equal(ip_utf8_byte(&c, ci),
				    utf8_byte_slow(s, len, ci));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_civil_anchors),
		cmocka_unit_test(test_civil_round_trip),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_parse_date_valid),
		cmocka_unit_test(test_parse_date_invalid),
		cmocka_unit_test(test_date_add),
		cmocka_unit_test(test_parse_interval),
		cmocka_unit_test(test_nid_known),
		cmocka_unit_test(test_nid_kinds),
		cmocka_unit_test(test_nid_check_digits),
		cmocka_unit_test(test_nid_complete),
		cmocka_unit_test(test_nid_dates),
		cmocka_unit_test(test_nid_rules_table),
		cmocka_unit_test(test_person_birth),
		cmocka_unit_test(test_nid_count_down),
		cmocka_unit_test(test_nid_shape),
		cmocka_unit_test(test_sha1),
		cmocka_unit_test(test_uuid5),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_yaml_tree),
		cmocka_unit_test(test_yaml_strict),
		cmocka_unit_test(test_yaml_depth),
		cmocka_unit_test(test_yaml_keys),
		cmocka_unit_test(test_yaml_scalar),
		cmocka_unit_test(test_yaml_nodes),
		cmocka_unit_test(test_yaml_refused),
		cmocka_unit_test(test_arena_small),
		cmocka_unit_test(test_arena_large),
		cmocka_unit_test(test_arena_reset),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_diags_print),
		cmocka_unit_test(test_diags_ties),
		cmocka_unit_test(test_clean_national_id),
		cmocka_unit_test(test_find_participant),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_person_age_from_national_id),
		cmocka_unit_test(test_covering),
		cmocka_unit_test(test_utf8_cursor),
		cmocka_unit_test(test_guardians),
		cmocka_unit_test(test_item_words_catalogues),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
