/*
 * nid.h - Norwegian national ids (fødselsnummer, D-, H- and
 * FH-nummer) and the other registers' numbers a plan carries (nid.c).
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_NID_H
#define IPLAN_NID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The kinds of national id a plan may carry. */
enum ip_nid_kind {
	IP_NID_INVALID,		/* none of them */
	IP_NID_FNR,		/* fødselsnummer */
	IP_NID_DNR,		/* D-nummer: 40 added to the day */
	IP_NID_HNR,		/* H-nummer: 40 added to the month */
	IP_NID_FHNR		/* FH-nummer: first digit 8 or 9, no date */
};
struct ip_nid {
	enum ip_nid_kind kind;
	bool synthetic;		/* a test number: 80 added to the month */
	/* Not for an FH-nummer: the date it holds, less the century */
	int yy, month, mday;
	bool dated;		/* the table before 2032 gives the century */
	int32_t birth;		/* if dated: the day of birth that gives */
};
/* The kind of national id s is, with what it holds in *out when not
 * NULL; IP_NID_INVALID if it is none (eleven digits, a date of the
 * calendar in one of the centuries 1800 to 2099, and the check digits by
 * the rule before 2032 or the one from 2032). */
enum ip_nid_kind ip_nid_parse(const char *s, struct ip_nid *out);
/* "fødselsnummer", "D-nummer" ..., as messages and documents name it. */
const char *ip_nid_kind_name(enum ip_nid_kind k);
/* True if day is the date n holds (not an FH-nummer's) in one of the
 * centuries 1800 to 2099: a birth_date that fits it. */
bool ip_nid_fits(const struct ip_nid *n, int32_t day);
/* True if s is a national id of any kind. */
bool ip_national_id_valid(const char *s);
/* True if s is an organisasjonsnummer: nine digits, the last the mod-11
 * check digit of the first eight. */
bool ip_orgnr_valid(const char *s);
/* True if s is an HPR-nummer, a RESH-id or a HER-id: one to nine digits,
 * not starting with 0. */
bool ip_register_number_valid(const char *s);
/* The one rule for what in text looks like a national id, which every
 * output masks: the length in bytes of the valid national id written at
 * the start of s, 0 if none.  Its eleven digits may be ASCII or
 * fullwidth, and between the day, month, year, individual number and
 * check digits may stand one separator: blanks (space, tab, no-break,
 * thin and the like), or one of - . / _, a hyphen or dash, a minus, or
 * their fullwidth forms, with blanks about it or not.  A number inside a
 * longer run of digits counts too: callers ask at every digit. */
size_t ip_nid_written(const char *s);
/* Fills in the two check digits after the nine digits at s (which has room
 * for 12 bytes); false if that individual number has no valid ones. */
bool ip_national_id_complete(char *s);

#endif
