/*
 * gen.c - write N synthetic plans for the benchmarks.
 *
 * usage: gen N DIR [SEED]
 * Writes DIR/NNN/plan-NNNNNN.yaml, 1000 plans a directory: made-up people
 * with valid national ids of their own, Norwegian text, and a planted defect in about
 * one plan in twenty (a measure without an extent, a reference to no
 * participant, or an impossible date).  The same N and SEED give the same
 * files.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nid.h"
#include "plan.h"

static uint64_t state;

static uint32_t
rnd(uint32_t n)
{
	state = state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)((state >> 33) % n);
}

#define PICK(a) (a[rnd(sizeof(a) / sizeof(a[0]))])

static const char *const first[] = { "Kari", "Ola", "Ingrid", "Lars",
	"Emma", "Nora", "Jakob", "Sofie", "Amina", "Mohammed", "Sigrid",
	"Håkon", "Aisha", "Bjørn", "Solveig", "Even", "Maja", "Tor",
	"Ragnhild", "Øystein" };
static const char *const last[] = { "Nordmann", "Hansen", "Johansen",
	"Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen",
	"Jensen", "Karlsen", "Berg", "Haugen", "Hagen", "Ødegård", "Bakke",
	"Strand", "Aasen", "Dahl", "Lie" };
static const char *const towns[] = { "Molde", "Ålesund", "Bodø", "Tromsø",
	"Hamar", "Lillehammer", "Skien", "Arendal", "Førde", "Steinkjer" };
static const char *const goals[] = {
	"Jeg vil bo i egen leilighet og klare meg selv i hverdagen",
	"Jeg vil komme i arbeid og ha en fast jobb",
	"Jeg vil ha færre innleggelser og kjenne at jeg har kontroll",
	"Jeg vil gå på skolen sammen med klassen min",
	"Jeg vil trene jevnlig og orke mer enn i dag",
	"Jeg vil ha en god hverdag med venner og fritidsaktiviteter",
};
static const char *const subgoals[] = {
	"Handle inn mat selv en gang i uken",
	"Møte opp på arbeidstrening tre dager i uken",
	"Gå tur 30 minutter to ganger i uken",
	"Delta på fotballtrening hver tirsdag",
	"Lage en kriseplan sammen med behandler",
	"Betale regningene selv med støtte fra veileder",
};
static const char *const measures[][2] = {
	{ "Hjemmesykepleie", "3 besøk per uke" },
	{ "Fysioterapi", "1 time per uke" },
	{ "Praktisk bistand", "4 timer per uke" },
	{ "Samtaler med psykiatrisk sykepleier", "1 samtale per uke" },
	{ "Arbeidstrening", "3 dager per uke" },
	{ "Støttekontakt", "6 timer per måned" },
	{ "Avlastning", "2 helger per måned" },
};
static const char *const providers[][2] = {
	{ "Hjemmetjenesten", "hjemmesykepleier" },
	{ "NAV", "veileder" },
	{ "DPS", "psykologspesialist" },
	{ "Fastlegekontoret", "fastlege" },
	{ "Fysio- og ergoterapitjenesten", "fysioterapeut" },
	{ "Psykisk helse og rus", "psykiatrisk sykepleier" },
};

/* A valid fødselsnummer of its own for plan i (up to 500,000 plans):
 * a birth date from 1940 on and an individual number in a block of 20. */
static void
national_id(char *out, unsigned long i, int *y, int *m, int *d)
{
	ip_civil_from_days(ip_days_from_civil(1940, 1, 1) + (int32_t)(i % 20000),
	    y, m, d);
	for (unsigned long ind = i / 20000 * 20;; ind++) {
		snprintf(out, 12, "%02d%02d%02d%03lu", *d, *m, *y % 100, ind);
		if (ip_national_id_complete(out))
			return;
	}
}

static void
slug(char *out, const char *a, const char *b)
{
	snprintf(out, 64, "%c%c-%s", a[0], a[1], b);
	for (char *p = out; *p; p++)
		if ((unsigned char)*p >= 0x80 || *p == ' ')
			*p = 'x';
		else if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

static void
plan(FILE *f, unsigned long i)
{
	const char *fn = PICK(first), *ln = PICK(last), *town = PICK(towns);
	int by, bm, bd;
	int sy = 2025 + (int)rnd(2), defect = (int)rnd(20);
	int sm = 1 + (int)rnd(sy == 2026 ? 10 : 12);	/* not after today */
	char nid[12], cid[64], pid[3][64];
	const char *cfn = PICK(first), *cln = PICK(last);

	national_id(nid, i, &by, &bm, &bd);
	slug(cid, cfn, cln);
	fprintf(f, "# Synthetic plan for benchmarks: a made-up person.\n"
	    "format: iplan/1\nid: IP-%d-%06lu\nlanguage: nb\nstatus: active\n"
	    "legal_basis: [pasrl-2-5, hol-7-1]\n\nperson:\n"
	    "  name: %s %s\n  national_id: \"%s\"\n"
	    "  birth_date: %04d-%02d-%02d\n  contact:\n"
	    "    phone: \"+47 9%07u\"\n"
	    "    address: Storgata %u, %04u %s\n  interpreter: false\n"
	    "  care: voluntary\n\ncoordinator: %s\n\nparticipants:\n"
	    "  - id: person\n    name: %s %s\n    role: person\n"
	    "    contribution: >-\n      Forteller hva som er viktig for meg, "
	    "og deltar på\n      møtene om planen.\n"
	    "  - id: %s\n    name: %s %s\n    role: provider\n"
	    "    organization: %s kommune, koordinerende enhet\n"
	    "    phone: \"+47 7%07u\"\n    email: %s@example.kommune.no\n"
	    "    contribution: Koordinerer planen og kaller inn til møter.\n",
	    sy, i, fn, ln, nid, by, bm, bd, rnd(10000000), 1 + rnd(90),
	    1000 + rnd(8000), town, cid, fn, ln, cid, cfn, cln, town,
	    rnd(10000000), cid);
	for (int k = 0; k < 3; k++) {
		const char *(*pv) = (const char **)PICK(providers);
		const char *a = PICK(first), *b = PICK(last);
		slug(pid[k], a, b);
		fprintf(f, "  - id: %s%d\n    name: %s %s\n    role: provider\n"
		    "    organization: %s %s\n    phone: \"+47 7%07u\"\n"
		    "    contribution: |\n      Som %s bidrar jeg med faglig "
		    "oppfølging\n      og deltar på evalueringene.\n",
		    pid[k], k, a, b, pv[0], town, rnd(10000000), pv[1]);
	}
	fprintf(f, "  - id: mor\n    name: %s %s\n    role: relative\n"
	    "    contribution: Støtter i hverdagen.\n\ngoals:\n", PICK(first),
	    ln);
	int ng = 2 + (int)rnd(2);
	for (int g = 1; g <= ng; g++) {
		fprintf(f, "  - id: g%d\n    text: %s\n    subgoals:\n", g,
		    PICK(goals));
		for (int s = 1; s <= 2; s++)
			fprintf(f, "      - id: g%d.%d\n        text: %s\n"
			    "        due: %04d-%02d-15\n        status: %s\n",
			    g, s, PICK(subgoals), sy + (sm + 3 * s > 12),
			    (sm + 3 * s - 1) % 12 + 1,
			    rnd(3) ? "open" : "achieved");
	}
	fputs("\nresources:\n  - God støtte fra familien\n"
	    "  - Motivert for å klare mer selv\n\nneeds:\n"
	    "  - Hjelp til praktiske oppgaver i hjemmet\n"
	    "  - Oppfølging av helse\n\nmeasures:\n", f);
	int nm = 2 + (int)rnd(3);
	for (int m = 1; m <= nm; m++) {
		const char *const *ms = PICK(measures);
		fprintf(f, "  - id: t%d\n    title: %s\n", m, ms[0]);
		if (!(defect == 0 && m == 1))
			fprintf(f, "    extent: %s\n", ms[1]);
		fprintf(f, "    responsible: %s%d\n    goals: [g%d]\n"
		    "    start: %04d-%02d-01\n    how: >-\n"
		    "      Avtales med meg på forhånd. Endringer tas opp på "
		    "neste\n      evalueringsmøte.\n",
		    defect == 1 && m == 1 ? "nobody" : pid[m % 3], m % 3,
		    1 + (m - 1) % ng, sy, sm);
	}
	fprintf(f, "\nimplementation: Planen følges opp på "
	    "samarbeidsmøter.\n\nperiod:\n  start: %04d-%02d-01\n"
	    "  end: %04d-%02d-%s\n  review_interval: 6 months\n  reviews:\n"
	    "    - date: %04d-%02d-01\n", sy, sm, sy + 1, sm,
	    defect == 2 ? "31" : "01", sy + (sm + 6 > 12), (sm + 5) % 12 + 1);
	if (rnd(2))
		fputs("      done: 2026-05-01\n      summary: Planen er "
		    "gjennomgått, og delmålene er justert.\n", f);
	fprintf(f, "\nconsent:\n  plan:\n    date: %04d-%02d-01\n"
	    "    by: %s %s\n  information_sharing:\n"
	    "    date: %04d-%02d-01\n    participants: [%s, %s0]\n"
	    "    until: %04d-%02d-01\n\ncooperation:\n"
	    "  - with: NAV %s\n    about: Arbeid og økonomi\n"
	    "    contact: NAV-veileder\n  - with: Fastlegen\n"
	    "    about: Medisinsk oppfølging\n", sy, sm, fn, ln, sy, sm, cid,
	    pid[0], sy + 1, sm, town);
}

int
main(int argc, char *argv[])
{
	if (argc < 3) {
		fputs("usage: gen N DIR [SEED]\n", stderr);
		return 2;
	}
	unsigned long n = strtoul(argv[1], NULL, 10);
	state = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
	char path[4096];

	mkdir(argv[2], 0700);
	for (unsigned long i = 0; i < n; i++) {
		if (i % 1000 == 0) {
			snprintf(path, sizeof(path), "%s/%03lu", argv[2],
			    i / 1000);
			if (mkdir(path, 0700) != 0 && errno != EEXIST) {
				perror(path);
				return 2;
			}
		}
		snprintf(path, sizeof(path), "%s/%03lu/plan-%06lu.yaml",
		    argv[2], i / 1000, i);
		FILE *f = fopen(path, "w");
		if (f == NULL) {
			perror(path);
			return 2;
		}
		plan(f, i);
		if (fclose(f) != 0) {
			perror(path);
			return 2;
		}
	}
	return 0;
}
