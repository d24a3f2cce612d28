/*
 * suggest.h - "did you mean": the key or word of the plan format that a
 * writer most likely meant by one that is not, from typing slips, from
 * the Norwegian words for keys and values (delmål, pårørende, in bokmål
 * and nynorsk), and from dates written in Norwegian order.
 *
 * Only lib/, the drivers in cmd/ and the tests include this header.
 */
#ifndef IPLAN_SUGGEST_H
#define IPLAN_SUGGEST_H

#include <stdbool.h>

/* Levenshtein distance in bytes, capped at max + 1. */
int ip_edit_distance(const char *a, const char *b, int max);

/* A search for the best of some candidates: start it with what was
 * written, try each candidate (a key or word of the format), then read
 * best.  A candidate is near if it is within a distance of 1 (for words
 * of 4 bytes or less) or 2 of what was written, or if one of the
 * Norwegian words for it is; case does not count, and the nearest wins,
 * the first tried on a tie. */
struct ip_suggest {
	char folded[64];	/* what was written in lower case */
	const char *best;	/* the candidate, NULL if none is near */
	int dist, max;
};
void ip_suggest_start(struct ip_suggest *s, const char *written);
void ip_suggest_try(struct ip_suggest *s, const char *candidate);
/* The nearest of the NULL-terminated words, or NULL. */
const char *ip_suggest_word(const char *written, const char *const *words);

/* If s is a real date in Norwegian order, day first (15.06.2027,
 * 15/6/2027, 15-06-2027), writes it as YYYY-MM-DD into out and returns
 * true. */
bool ip_suggest_date(const char *s, char out[11]);

#endif
