/*
 * suggest.c - "did you mean": typing slips, the Norwegian words for the
 * format's keys and values, and dates in Norwegian order.
 */

#include "suggest.h"

#include <stdio.h>
#include <string.h>

#include "date.h"

/*
 * The Norwegian words a writer may put for a key or a value of the
 * format, in bokmål and nynorsk (and older spellings), beside the key or
 * word they mean.  A word may stand for more than one key (dato: date,
 * due): the mapping it is in decides, as only its own keys are tried.
 * In lower case, as what was written is compared once folded.
 */
static const struct alias {
	const char *word, *meant;
} aliases[] = {
	/* the plan */
	{ "språk", "language" }, { "målform", "language" },
	{ "avsluttet", "closed" }, { "avslutta", "closed" },
	{ "hjemmel", "legal_basis" }, { "heimel", "legal_basis" },
	{ "lovhjemmel", "legal_basis" }, { "lovheimel", "legal_basis" },
	{ "tjenestemottaker", "person" }, { "tenestemottakar", "person" },
	{ "bruker", "person" }, { "brukar", "person" },
	{ "pasient", "person" },
	{ "koordinator", "coordinator" },
	{ "deltakere", "participants" }, { "deltakarar", "participants" },
	{ "deltagere", "participants" }, { "deltakar", "participants" },
	{ "deltaker", "participants" },
	{ "mål", "goals" }, { "hovedmål", "goals" }, { "hovudmål", "goals" },
	{ "ressurser", "resources" }, { "ressursar", "resources" },
	{ "behov", "needs" },
	{ "tiltak", "measures" },
	{ "gjennomføring", "implementation" }, { "gjennomføring", "how" },
	{ "periode", "period" }, { "planperiode", "period" },
	{ "samtykke", "consent" }, { "samtykkje", "consent" },
	{ "samarbeid", "cooperation" },
	/* the person, a participant, a contact */
	{ "navn", "name" }, { "namn", "name" },
	{ "fødselsnummer", "national_id" }, { "personnummer", "national_id" },
	{ "fødselsdato", "birth_date" },
	{ "kontakt", "contact" },
	{ "tolk", "interpreter" },
	{ "telefon", "phone" }, { "tlf", "phone" }, { "mobil", "phone" },
	{ "e-post", "email" }, { "epost", "email" },
	{ "adresse", "address" },
	{ "rolle", "role" },
	{ "organisasjon", "organization" }, { "virksomhet", "organization" },
	{ "verksemd", "organization" }, { "etat", "organization" },
	{ "bidrag", "contribution" },
	/* goals and sub-goals */
	{ "tekst", "text" },
	{ "delmål", "subgoals" },
	{ "frist", "due" }, { "dato", "due" }, { "dato", "date" },
	/* measures */
	{ "tittel", "title" },
	{ "omfang", "extent" },
	{ "ansvarlig", "responsible" }, { "ansvarleg", "responsible" },
	{ "fra", "start" }, { "frå", "start" },
	{ "slutt", "end" },
	{ "hvordan", "how" }, { "korleis", "how" },
	{ "delplan", "subplan" },
	{ "referanse", "reference" },
	/* the period and its reviews */
	{ "evalueringsintervall", "review_interval" },
	{ "evalueringer", "reviews" }, { "evalueringar", "reviews" },
	{ "evaluering", "reviews" }, { "revisjoner", "reviews" },
	{ "revisjonar", "reviews" },
	{ "gjennomført", "done" }, { "utført", "done" },
	{ "oppsummering", "summary" }, { "samandrag", "summary" },
	{ "referat", "summary" },
	/* consent, cooperation, closing */
	{ "informasjonsdeling", "information_sharing" },
	{ "av", "by" },
	{ "trukket", "withdrawn" }, { "trekt", "withdrawn" },
	{ "til", "until" }, { "inntil", "until" },
	{ "med", "with" }, { "om", "about" },
	{ "grunn", "reason" }, { "årsak", "reason" },
	/* the words of the vocabularies */
	{ "pårørende", "relative" }, { "pårørande", "relative" },
	{ "mor", "relative" }, { "far", "relative" }, { "bror", "relative" },
	{ "søster", "relative" }, { "syster", "relative" },
	{ "ektefelle", "relative" }, { "samboer", "relative" },
	{ "sambuar", "relative" }, { "mother", "relative" },
	{ "father", "relative" }, { "brother", "relative" },
	{ "sister", "relative" }, { "spouse", "relative" },
	{ "tjenesteyter", "provider" }, { "tenesteytar", "provider" },
	{ "koordinator", "provider" }, { "fagperson", "provider" },
	{ "annen", "other" }, { "anna", "other" }, { "annet", "other" },
	{ "aktiv", "active" }, { "lukket", "closed" },
	{ "utkast", "draft" },
	{ "åpen", "open" }, { "pågår", "open" },
	{ "nådd", "achieved" }, { "oppnådd", "achieved" },
	{ "avbrutt", "dropped" }, { "droppet", "dropped" },
	{ "forkastet", "dropped" },
	{ "frivillig", "voluntary" },
	{ "tvang", "compulsory" }, { "tvungen", "compulsory" },
	{ "tvungent", "compulsory" },
	{ "bokmål", "nb" }, { "norsk", "nb" }, { "nynorsk", "nn" },
	{ "engelsk", "en" }, { "english", "en" },
	{ "ja", "true" }, { "nei", "false" },
	{ "yes", "true" }, { "no", "false" },
};

int
ip_edit_distance(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];

	if (lb >= sizeof(row) / sizeof(row[0]) || la >= 64)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0], best;
		row[0] = best = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb] > max ? max + 1 : row[lb];
}

/* Folds s into out (size n) in lower case: ASCII, and Æ, Ø and Å; false
 * if it does not fit. */
static bool
fold(const char *s, char *out, size_t n)
{
	size_t i = 0;

	for (const unsigned char *u = (const unsigned char *)s; *u; u++) {
		if (i + 1 >= n)
			return false;
		unsigned char c = *u;
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		else if (u > (const unsigned char *)s && u[-1] == 0xc3
		    && (c == 0x85 || c == 0x86 || c == 0x98))
			c += 0x20;	/* Å Æ Ø to å æ ø */
		out[i++] = (char)c;
	}
	out[i] = '\0';
	return true;
}

void
ip_suggest_start(struct ip_suggest *s, const char *written)
{
	s->best = NULL;
	if (!fold(written, s->folded, sizeof(s->folded))) {
		s->max = -1;	/* too long to be a slip of a key */
		s->dist = 0;
		return;
	}
	s->max = strlen(s->folded) <= 4 ? 1 : 2;
	s->dist = s->max + 1;
}

void
ip_suggest_try(struct ip_suggest *s, const char *candidate)
{
	if (s->max < 0)
		return;
	int d = ip_edit_distance(s->folded, candidate, s->max);
	for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
		if (strcmp(aliases[i].meant, candidate) != 0)
			continue;
		int e = ip_edit_distance(s->folded, aliases[i].word, s->max);
		if (e < d)
			d = e;
	}
	if (d < s->dist) {
		s->dist = d;
		s->best = candidate;
	}
}

const char *
ip_suggest_word(const char *written, const char *const *words)
{
	struct ip_suggest s;

	ip_suggest_start(&s, written);
	for (size_t i = 0; words[i] != NULL; i++)
		ip_suggest_try(&s, words[i]);
	return s.best;
}

/* Reads 1 to max digits at *s into *v, moving *s past them. */
static bool
digits(const char **s, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && **s >= '0' && **s <= '9') {
		*v = *v * 10 + (*(*s)++ - '0');
		n++;
	}
	return n > 0;
}

bool
ip_suggest_date(const char *s, char out[11])
{
	int d, m, y;
	char sep;

	if (!digits(&s, 2, &d) || strchr("./-", *s) == NULL || *s == '\0')
		return false;
	sep = *s++;
	if (!digits(&s, 2, &m) || *s++ != sep)
		return false;
	const char *ys = s;
	if (!digits(&s, 4, &y) || s - ys != 4 || *s != '\0'
	    || !ip_date_valid(y, m, d))
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", y % 10000, m % 100, d % 100);
	return true;
}
