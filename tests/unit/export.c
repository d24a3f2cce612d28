/*
 * export.c - unit tests of ip-export's library parts that its command
 * cannot reach: the XML cleaner, which the loader never gives bad text;
 * the XML of a plan whose text was made bad after loading, and of every
 * word of the format's vocabularies, checked against the schema; and the
 * words of the documents: dates and the names of the laws; and the
 * atomic writer that ip-export writes with, when the process is killed.
 *
 * The Makefile gives the source tree (the schema is read from
 * IPLAN_SRCDIR/lib/iplan.xsd) and the build tree (IPLAN_BUILDDIR, where
 * the writer's files go, never /tmp), so they run from any directory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <limits.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "decode.h"
#include "nid.h"
#include "persons.h"
#include "render.h"

/* Where ip_export_xml() says why it failed. */
static struct ip_err unit_err;

/* --- the labels ----------------------------------------------------------- */

/* Every string of struct ip_labels, by its place: an array counts as its
 * elements.  (laws, a NULL-terminated list, and items, nine, are held
 * apart.) */
#define LABEL(f) { #f, offsetof(struct ip_labels, f), \
	sizeof(((struct ip_labels *)0)->f) / sizeof(const char *) }
#define FIELD_LABEL(map, key, ...) LABEL(map##_##key),
static const struct {
	const char *name;
	size_t off, n;
} label_fields[] = {
	IP_FIELD_TABLES(FIELD_LABEL)
	LABEL(code),
	LABEL(months),
	LABEL(title),
	LABEL(title_nameless),
	LABEL(draft),
	LABEL(draft_title),
	LABEL(period),
	LABEL(coordinator),
	LABEL(next_review),
	LABEL(status),
	LABEL(closed),
	LABEL(closed_on),
	LABEL(draft_status),
	LABEL(next_overdue),
	LABEL(legal_basis),
	LABEL(from),
	LABEL(until),
	LABEL(person),
	LABEL(national_id),
	LABEL(interpreter_yes),
	LABEL(interpreter_no),
	LABEL(yes),
	LABEL(goals),
	LABEL(goal),
	LABEL(due),
	LABEL(goal_status),
	LABEL(resources),
	LABEL(needs),
	LABEL(measures),
	LABEL(measure),
	LABEL(serves),
	LABEL(subplan),
	LABEL(how),
	LABEL(implementation),
	LABEL(participants),
	LABEL(roles),
	LABEL(is_coordinator),
	LABEL(reviews),
	LABEL(review),
	LABEL(review_interval),
	LABEL(units),
	LABEL(review_planned),
	LABEL(review_overdue),
	LABEL(consent),
	LABEL(given),
	LABEL(by),
	LABEL(consent_compulsory),
	LABEL(consent_sharing),
	LABEL(valid_until),
	LABEL(valid_until_past),
	LABEL(valid_until_withdrawn),
	LABEL(consent_with),
	LABEL(not_recorded),
	LABEL(withdrawn),
	LABEL(covers),
	LABEL(nobody),
	LABEL(and),
	LABEL(cooperation),
	LABEL(reason),
	LABEL(none),
	LABEL(restricted),
	LABEL(restricted_why),
	LABEL(restricted_shows),
	LABEL(nid_hidden),
	LABEL(left_out_field),
	LABEL(left_out),
	LABEL(others_left_out),
	LABEL(printed),
	LABEL(revision),
	LABEL(subgoal),
	LABEL(participant),
	LABEL(serves_goal),
	LABEL(serves_subgoal),
	LABEL(who_does_what),
	LABEL(how_in_measures),
	LABEL(tl_title),
	LABEL(tl_desc),
	LABEL(tl_review_planned),
	LABEL(tl_review_done),
	LABEL(tl_due),
	LABEL(tl_today),
	LABEL(cf_title),
	LABEL(cf_plan_text),
	LABEL(cf_plan_compulsory),
	LABEL(cf_sharing_text),
	LABEL(cf_nobody),
	LABEL(cf_until),
	LABEL(cf_until_withdrawn),
	LABEL(cf_withdraw),
	LABEL(cf_withdraw_text),
	LABEL(cf_withdraw_one),
	LABEL(cf_sign),
	LABEL(cf_place_date),
	LABEL(cf_signature),
	LABEL(cf_guardian),
	LABEL(cf_we),
	LABEL(cf_we_lc),
	LABEL(cf_child_plan),
	LABEL(cf_child_sharing),
	LABEL(cf_child_until_withdrawn),
	LABEL(cf_child_withdraw_text),
	LABEL(cf_child_plan_compulsory),
	LABEL(cf_child_withdraw_one),
	LABEL(cf_child_heard),
	LABEL(cf_signature_of),
	LABEL(ev_review),
	LABEL(ev_period_end),
	LABEL(ev_consent),
	LABEL(ev_withdrawn),
	LABEL(ev_sharing_withdrawn),
	LABEL(ev_subgoal),
	LABEL(ev_measure),
	LABEL(ev_never),
	LABEL(ev_draft),
	LABEL(ev_file),
	LABEL(ev_nobody),
	LABEL(ev_the_person),
	LABEL(ev_overdue),
	LABEL(ed_summary_head),
	LABEL(ed_open_subgoals),
	LABEL(lq),
	LABEL(rq),
	LABEL(sk_title),
	LABEL(sk_intro),
	LABEL(sk_privacy),
	LABEL(sk_draft),
	LABEL(sk_legal_basis),
	LABEL(sk_person),
	LABEL(sk_guide),
	LABEL(sk_guide_h_compulsory),
	LABEL(sk_goal),
	LABEL(sk_subgoal),
	LABEL(sk_resource),
	LABEL(sk_need),
	LABEL(sk_measure),
	LABEL(sk_extent),
	LABEL(sk_how),
	LABEL(sk_with),
	LABEL(sk_about),
	LABEL(sk_contact),
	LABEL(sk_review_hint),
	LABEL(sk_review_summary),
	LABEL(sk_close_hint),
	LABEL(sk_close_reason),
	LABEL(sk_provider_id),
	LABEL(sk_provider_name),
	LABEL(sk_provider_contribution),
};
#undef FIELD_LABEL
#undef LABEL

/* The conversions of a label, "%s%s" for one with two: what it takes. */
static void
label_slots(const char *s, char *buf, size_t size)
{
	size_t n = 0;
	for (; (s = strchr(s, '%')) != NULL && n + 3 < size; s += 2) {
		buf[n++] = '%';
		buf[n++] = s[1];
	}
	buf[n] = '\0';
}

/* Every label is there in every language (or, where bokmål has none,
 * in none), with the same slots as in bokmål: labels are data that the documents fill, and a slot missing or
 * added in one language would show "%s" or lose the name it stands for.
 * Only "%s" is a slot (see ip_label_fill()). */
static void
test_labels_complete_and_alike(void **state)
{
	(void)state;
	const struct ip_labels *nb = ip_labels(IP_LANG_NB);
	size_t strings = 0;

	for (enum ip_lang lang = IP_LANG_NB; lang <= IP_LANG_EN; lang++) {
		const struct ip_labels *l = ip_labels(lang);
		for (size_t f = 0; f < sizeof(label_fields)
		    / sizeof(*label_fields); f++)
			for (size_t i = 0; i < label_fields[f].n; i++) {
				const char *const *a = (const char *const *)
				    ((const char *)nb + label_fields[f].off) + i;
				const char *const *b = (const char *const *)
				    ((const char *)l + label_fields[f].off) + i;
				char want[16], got[16];
				/* NULL only where bokmål has none */
				if ((*a == NULL) != (*b == NULL))
					fail_msg("language %d: %s %s[%zu]",
					    (int)lang, *b == NULL ? "no"
					    : "an extra", label_fields[f].name,
					    i);
				strings++;
				if (*a == NULL)
					continue;
				label_slots(*a, want, sizeof(want));
				label_slots(*b, got, sizeof(got));
				if (strcmp(want, got) != 0
				    || strspn(got, "%s") != strlen(got))
					fail_msg("language %d: %s[%zu] has "
					    "slots '%s', bokmål '%s'", (int)lang,
					    label_fields[f].name, i, got, want);
			}
		size_t laws = 0;
		for (; l->laws[laws] != NULL; laws++)
			assert_null(strchr(l->laws[laws], '%'));
		size_t nb_laws = 0;
		while (nb->laws[nb_laws] != NULL)
			nb_laws++;
		assert_int_equal(laws, nb_laws);
		/* the regulation's nine items, and nothing to fill */
		for (int i = 0; i < 9; i++) {
			assert_non_null(l->items[i]);
			assert_true(*l->items[i] != '\0');
			assert_null(strchr(l->items[i], '%'));
		}
	}
	/* the table covers the struct: every string before laws, which
	 * is all of it but day_dot, a bool padded to a pointer's room */
	assert_int_equal(strings / 3, (offsetof(struct ip_labels, laws)
	    - offsetof(struct ip_labels, code)) / sizeof(const char *) - 1);
}

/* The visibility table fails closed: its zero value, which a field left
 * out of it gets, is no audience, and no field has it; a field not seen
 * by all has, in every language, the text that says it is left out, and
 * a field seen by all has none. */
static void
test_visibility_table_complete(void **state)
{
	(void)state;
	assert_int_equal(IP_AUDIENCE_UNSET, 0);
	for (int f = 0; f < IP_F_COUNT; f++) {
		enum ip_audience a = ip_field_audience((enum ip_field)f);
		if (a == IP_AUDIENCE_UNSET)
			fail_msg("field %d has no audience in view.c", f);
		for (enum ip_lang lang = IP_LANG_NB; lang <= IP_LANG_EN;
		    lang++) {
			bool text = ip_labels(lang)->left_out_field[f] != NULL;
			if (text != (a != IP_SEEN_BY_ALL))
				fail_msg("language %d: field %d is %s all "
				    "but has %s 'left out' text", (int)lang, f,
				    a == IP_SEEN_BY_ALL ? "seen by" : "not seen "
				    "by", text ? "a" : "no");
		}
	}
}

/* A restricted view decides once what it shows: of 400 goals, each with
 * two sub-goals, the reader's 400 measures (every other measure) list
 * the second sub-goal of every other goal.  The view resolves each id
 * its reader's measures list once, however often it is asked (it did so
 * for every goal asked about, for every earlier goal: O(n^4)), and
 * numbers what it shows from 1 with no gaps. */
static void
test_restricted_view_decides_once(void **state)
{
	(void)state;
	enum { N = 400 };
	char *yaml = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	assert_non_null(f);
	fputs("format: iplan/1\nid: IP-1\nperson: {name: Kari}\n"
	    "coordinator: c\nparticipants:\n"
	    "  - {id: kari, name: Kari, role: person}\n"
	    "  - {id: c, name: Coord, role: provider}\n"
	    "  - {id: r, name: Reader, role: provider}\ngoals:\n", f);
	for (int i = 0; i < N; i++)
		fprintf(f, "  - id: g%d\n    text: G\n    subgoals:\n"
		    "      - {id: g%d.1, text: S}\n"
		    "      - {id: g%d.2, text: S}\n", i, i, i);
	fputs("measures:\n", f);
	for (int i = 0; i < 2 * N; i++)
		fprintf(f, "  - {id: m%d, title: M, responsible: %s, "
		    "goals: [g%d.2]}\n", i, i % 2 ? "c" : "r",
		    i % N | 1);
	fclose(f);
	struct ip_diags *d = ip_diags_new("unit");
	struct ip_plan *p;
	assert_int_equal(ip_plan_load_buf(yaml, len, d, &p), 0);
	ip_diags_free(d);
	free(yaml);

	struct ip_view v;
	assert_int_equal(ip_view_make(&v, p, "r", 0), 0);
	assert_true(v.restricted);
	struct ip_render r = { .v = &v, .l = ip_labels(IP_LANG_EN) };
	char *md = ip_export_document(&r, false);
	assert_non_null(md);
	free(md);
	assert_int_equal(v.resolved, N);
	for (size_t i = 0; i < N; i++) {
		bool shown = i % 2 == 1;
		assert_int_equal(ip_view_shows_goal(&v, &p->goals.v[i]),
		    shown);
		assert_false(ip_view_shows(&v, IP_F_GOAL, &p->goals.v[i]));
		assert_false(ip_view_shows(&v, IP_F_SUBGOAL,
		    &p->goals.v[i].subgoals.v[0]));
		assert_int_equal(ip_view_shows(&v, IP_F_SUBGOAL,
		    &p->goals.v[i].subgoals.v[1]), shown);
		assert_int_equal(ip_view_goal_number(&v, i), 1 + i / 2);
		assert_int_equal(ip_view_subgoal_number(&v, i, 1), 1);
	}
	for (size_t i = 0; i < 2 * N; i++)
		assert_int_equal(ip_view_measure_number(&v, i), 1 + (i + 1) / 2);
	assert_int_equal(ip_view_participant_number(&v, 2), 2);
	ip_view_free(&v);
	ip_plan_free(p);
}

/* --- the XML cleaner ------------------------------------------------------ */

static void
assert_clean(const char *in, const char *want)
{
	struct ip_arena a = { 0 };
	assert_string_equal(ip_xml_clean(&a, in), want);
	ip_arena_free(&a);
}

static void
test_clean_keeps_good_text(void **state)
{
	(void)state;
	struct ip_arena a = { 0 };
	const char *s = "Kari \xc3\xb8 \t\r\n <&> \xe2\x80\x93 \xf0\x9f\x98\x80";
	assert_ptr_equal(ip_xml_clean(&a, s), s);	/* no copy */
	assert_ptr_equal(ip_xml_clean(&a, ""), "");
	ip_arena_free(&a);
}

static void
test_clean_replaces_what_xml_cannot_carry(void **state)
{
	(void)state;
	assert_clean("a\x01" "b", "a\xef\xbf\xbd" "b");
	assert_clean("\x1b[31m", "\xef\xbf\xbd[31m");
	assert_clean("x\x7f", "x\x7f");		/* DEL is an XML character */
	assert_clean("\xff", "\xef\xbf\xbd");		/* not UTF-8 */
	assert_clean("a\xe2\x82", "a\xef\xbf\xbd");	/* cut short */
	assert_clean("\xe2\x82" "b", "\xef\xbf\xbd" "b");
	assert_clean("\xc0\xbc", "\xef\xbf\xbd");	/* an overlong '<' */
	assert_clean("\xef\xbf\xbe|\xef\xbf\xbf", "\xef\xbf\xbd|\xef\xbf\xbd");
	assert_clean("\xed\xa0\x80", "\xef\xbf\xbd");	/* a surrogate */
	/* stray continuation bytes are one broken character */
	assert_clean("\x80\x80 ok", "\xef\xbf\xbd ok");
	/* which libxml2's decoder read as U+01C7 and U+07FF (fuzz-clean) */
	assert_clean("\x87\x87 ok", "\xef\xbf\xbd ok");
	assert_clean("a\xbf\xbf", "a\xef\xbf\xbd");
}

/* --- XML of a plan with bad text, against the schema ---------------------- */

static const char plan_yaml[] =
	"format: iplan/1\n"
	"language: nb\n"
	"status: active\n"
	"legal_basis: [hol-7-1]\n"
	"person: {name: Kari Nordmann, care: voluntary}\n"
	"participants:\n"
	"  - {id: ola, name: Ola Hansen, role: provider}\n"
	"coordinator: ola\n"
	"goals:\n"
	"  - {id: g1, text: Bo hjemme., subgoals: [{id: g1.1, status: open}]}\n"
	"period: {review_interval: 6 months}\n";

/* The last error of the schema or of validation. */
static char last_error[512];

static void
schema_error(void *ctx, const xmlError *e)
{
	(void)ctx;
	snprintf(last_error, sizeof(last_error), "%s", e->message);
}

#if LIBXML_VERSION >= 21200
#define SCHEMA_ERROR schema_error
#else
/* Before 2.12 the callback took a non-const error. */
static void
schema_error_old(void *ctx, xmlError *e)
{
	schema_error(ctx, e);
}
#define SCHEMA_ERROR schema_error_old
#endif

/* lib/iplan.xsd, compiled once for every test. */
static xmlSchemaPtr
schema(void)
{
	static xmlSchemaPtr schema;
	static char xsd[1 << 16];

	if (schema != NULL)
		return schema;
	FILE *f = fopen(IPLAN_SRCDIR "/lib/iplan.xsd", "r");
	assert_non_null(f);
	size_t len = fread(xsd, 1, sizeof(xsd), f);
	assert_true(len > 0 && len < sizeof(xsd));
	fclose(f);
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt(xsd, (int)len);
	assert_non_null(pc);
	xmlSchemaSetParserStructuredErrors(pc, SCHEMA_ERROR, NULL);
	schema = xmlSchemaParse(pc);
	assert_non_null(schema);
	xmlSchemaFreeParserCtxt(pc);
	return schema;
}

/* Whether xml, a complete document, parses and is valid by lib/iplan.xsd:
 * 0 if so. */
static int
validate(const char *xml)
{
	xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema());
	assert_non_null(vc);
	xmlSchemaSetValidStructuredErrors(vc, SCHEMA_ERROR, NULL);
	int rc = -1;
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "export.xml",
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc != NULL)
		rc = xmlSchemaValidateDoc(vc, doc);
	xmlFreeDoc(doc);
	xmlSchemaFreeValidCtxt(vc);
	return rc;
}

/* plan_yaml, loaded; free with ip_plan_free(). */
static struct ip_plan *
load(void)
{
	struct ip_diags *d = ip_diags_new("unit");
	struct ip_plan *p;
	assert_int_equal(ip_plan_load_buf(plan_yaml, sizeof(plan_yaml) - 1, d,
	    &p), 0);
	ip_diags_free(d);
	return p;
}

static void
test_xml_with_bad_text_is_valid(void **state)
{
	(void)state;
	struct ip_plan *p = load();
	struct ip_view view = { .p = p };
	struct ip_render v = { .v = &view, .l = ip_labels(IP_LANG_NB) };

	char *good = ip_export_xml(&v, &unit_err);
	assert_non_null(good);
	assert_int_equal(validate(good), 0);
	free(good);

	/* what the loader would refuse, put in after it */
	p->person.name.s = "Kari\x01 \xff Nordmann";
	p->goals.v[0].text.s = "\x1b[2J\xef\xbf\xbe";
	p->participants.v[0].name.s = "Ola\x02";
	char *xml = ip_export_xml(&v, &unit_err);
	assert_non_null(xml);
	assert_int_equal(validate(xml), 0);
	assert_non_null(strstr(xml, "<name>Kari\xef\xbf\xbd \xef\xbf\xbd "
	    "Nordmann</name>"));
	assert_non_null(strstr(xml, "<text>\xef\xbf\xbd[2J\xef\xbf\xbd"
	    "</text>"));
	assert_null(strchr(xml, '\x01'));
	free(xml);

	/* an id made bad: still well formed, and still a reference */
	p->participants.v[0].id.s = "o\x03la";
	p->coordinator.s = "o\x03la";
	xml = ip_export_xml(&v, &unit_err);
	assert_non_null(xml);
	assert_int_equal(validate(xml), 0);
	free(xml);

	/* a dangling reference is what the schema refuses */
	p->coordinator.s = "nobody";
	xml = ip_export_xml(&v, &unit_err);
	assert_non_null(xml);
	last_error[0] = '\0';
	assert_int_not_equal(validate(xml), 0);
	assert_non_null(strstr(last_error, "coordinator-ref"));
	free(xml);

	ip_plan_free(p);
}

/* Every word of every vocabulary of the format is valid by the schema. */
static void
test_every_word_validates(void **state)
{
	(void)state;
	struct ip_plan *p = load();
	struct ip_view view = { .p = p };
	struct ip_render v = { .v = &view, .l = ip_labels(IP_LANG_NB) };
	struct ip_goal *g = &p->goals.v[0];
	struct {
		struct ip_enum *e;
		const char *const *vocab;
	} words[] = {
		{ &p->language, ip_vocab_lang },
		{ &p->status, ip_vocab_status },
		{ &p->person.care, ip_vocab_care },
		{ &p->participants.v[0].role,
		    ip_vocab_role },
		{ &g->subgoals.v[0].status,
		    ip_vocab_goal_status },
	};
	char *xml;

	for (size_t k = 0; k < sizeof(words) / sizeof(*words); k++)
		for (int i = 0; words[k].vocab[i] != NULL; i++) {
			words[k].e->v = i;
			xml = ip_export_xml(&v, &unit_err);
			assert_non_null(strstr(xml, words[k].vocab[i]));
			assert_int_equal(validate(xml), 0);
			free(xml);
		}
	for (size_t i = 0; ip_vocab_legal_basis[i] != NULL; i++) {
		p->legal_basis.v[0].s =
		    ip_vocab_legal_basis[i];
		xml = ip_export_xml(&v, &unit_err);
		assert_int_equal(validate(xml), 0);
		free(xml);
	}
	for (const char *u = "dwmy"; *u != '\0'; u++) {
		p->period.review_interval.unit = *u;
		p->period.review_interval.n = u[1] ? 1 : 9999;
		xml = ip_export_xml(&v, &unit_err);
		assert_int_equal(validate(xml), 0);
		free(xml);
	}
	ip_plan_free(p);
}

/* --- the words -------------------------------------------------------------- */

static void
test_interval_units(void **state)
{
	(void)state;
	const struct ip_labels *nb = ip_labels(IP_LANG_NB);
	const char *want[] = { "dager", "uker", "måneder", "år" };
	for (int i = 0; i < 4; i++) {
		struct ip_interval iv = { .n = 2, .unit = "dwmy"[i],
		    .set = true };
		assert_int_equal(ip_interval_unit(&iv), i);
		assert_string_equal(nb->units[i][1], want[i]);
	}
}

static void
test_dates(void **state)
{
	(void)state;
	char buf[IP_LONG_DATE];
	int32_t day = ip_days_from_civil(2026, 1, 15);
	assert_string_equal(ip_labels_date(ip_labels(IP_LANG_NB), day, buf),
	    "15. januar 2026");
	assert_string_equal(ip_labels_date(ip_labels(IP_LANG_NN), day, buf),
	    "15. januar 2026");
	assert_string_equal(ip_labels_date(ip_labels(IP_LANG_EN), day, buf),
	    "15 January 2026");
	day = ip_days_from_civil(9999, 12, 31);
	assert_string_equal(ip_labels_date(ip_labels(IP_LANG_NB), day, buf),
	    "31. desember 9999");
	day = ip_days_from_civil(1, 2, 1);
	assert_string_equal(ip_labels_date(ip_labels(IP_LANG_EN), day, buf),
	    "1 February 1");
}

/* Every legal basis has a name in every language, and only those do. */
static void
test_laws(void **state)
{
	(void)state;
	for (int lang = IP_LANG_NB; lang <= IP_LANG_EN; lang++) {
		const struct ip_labels *l = ip_labels((enum ip_lang)lang);
		size_t n = 0;
		while (ip_vocab_legal_basis[n] != NULL) {
			const char *code = ip_vocab_legal_basis[n];
			assert_string_not_equal(ip_labels_law(l, code), code);
			n++;
		}
		assert_null(l->laws[n]);
		assert_string_equal(ip_labels_law(l, "no-such-law"),
		    "no-such-law");
	}
	assert_string_equal(ip_labels_law(ip_labels(IP_LANG_NN), "hol-7-1"),
	    "helse- og omsorgstenestelova § 7-1");
}

/* --- the atomic writer, killed -------------------------------------------- */

/* A directory of its own in the build tree, for a test's files. */
static int
scratch_dir(void **state)
{
	static char dir[PATH_MAX];
	snprintf(dir, sizeof(dir), "%s/unit-export-XXXXXX", IPLAN_BUILDDIR);
	*state = mkdtemp(dir);
	return *state == NULL ? -1 : 0;
}

/* The number of files in dir. */
static int
files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += strcmp(e->d_name, ".") != 0
		    && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static int
remove_scratch(void **state)
{
	const char *dir = *state;
	char path[PATH_MAX];
	DIR *d = opendir(dir);
	struct dirent *e;
	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			unlink(path);
	}
	closedir(d);
	return rmdir(dir);
}

/* In a child: starts writing dir/out.md, writes some of it and sends
 * itself sig; with ignored, having ignored sig first, then commits.
 * Returns the child's wait status. */
static int
killed_while_writing(const char *dir, int sig, bool ignored)
{
	char path[PATH_MAX];
	int status;
	snprintf(path, sizeof(path), "%s/out.md", dir);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit core = { 0, 0 };	/* no core file */
		setrlimit(RLIMIT_CORE, &core);
		/* as wanted, whatever the test inherited: a shell starts
		 * what it runs in the background with SIGINT and SIGQUIT
		 * ignored */
		signal(sig, ignored ? SIG_IGN : SIG_DFL);
		const struct ip_err err = { stderr, "test" };
		struct ip_out *o = ip_out_open(path, stdout, true, &err);
		if (o == NULL || fputs("# Partial\n", ip_out_file(o)) < 0
		    || fflush(ip_out_file(o)) != 0)
			_exit(10);
		if (files(dir) != 1)	/* the temporary file */
			_exit(11);
		kill(getpid(), sig);
		if (ip_out_commit(o, &err) != 0)
			_exit(12);
		/* the signal is as it was before */
		struct sigaction sa;
		sigaction(SIGTERM, NULL, &sa);
		_exit(sa.sa_handler == SIG_DFL ? 0 : 14);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return status;
}

static void
test_killed_leaves_nothing(void **state)
{
	const char *dir = *state;
	/* every signal whose default action ends the process, those that
	 * dump core too */
	const int sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP,
		SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE,
		SIGALRM, SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS,
		SIGPOLL, SIGSTKFLT, SIGPWR, SIGRTMIN, SIGRTMIN + 1, SIGRTMAX };
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++) {
		int status = killed_while_writing(dir, sigs[i], false);
		if (WIFEXITED(status))
			fail_msg("signal %d: exit %d", sigs[i],
			    WEXITSTATUS(status));
		assert_true(WIFSIGNALED(status));
		assert_int_equal(WTERMSIG(status), sigs[i]);
		assert_int_equal(files(dir), 0);
	}
}

static void
test_ignored_signal_stays_ignored(void **state)
{
	const char *dir = *state;
	int status = killed_while_writing(dir, SIGHUP, true);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_int_equal(files(dir), 1);	/* out.md, complete */
}

/* --- every field of every plan, in every reader's view ------------------ */

/*
 * Each text of a plan is replaced by a token of its own, so that the test
 * can tell for each whether a document (Markdown, HTML, XML, the FHIR
 * Bundle) holds it.  What each reader may
 * see is written out here from the rule of ip-export(1), on its own: the
 * library's table is what is tested, not what decides.
 */
enum who_sees {
	ALL,		/* the person's name, the plan's id */
	COVERED,	/* only those who see the whole plan */
	ENTRY,		/* a participant's name, organization: own, coordinator */
	CONTACT,	/* a participant's phone, email: the coordinator's */
	CONTRIBUTION,	/* a participant's contribution: own */
	MEASURE,	/* a field of a measure: own */
	GOAL		/* a goal's or sub-goal's text: listed by own measures */
};

struct token {
	char s[16];
	const char *key;	/* the loader's path of the text */
	enum who_sees who;
	const void *entry;	/* the participant or measure, or the id of
				   the goal or sub-goal */
	bool no_fhir;		/* never in a FHIR Bundle (iplan-fhir(7)) */
};

struct tokens {
	struct token v[4096];
	size_t n;
	struct ip_arena *a;
	const struct ip_plan *p;
};

static const struct ip_participant *first_with(const struct ip_plan *p,
    const char *id);

/* The loader's keys whose texts tokenize_plan() tokenized, in any plan:
 * with not_tokens[], held to the loader's text keys (token_keys()). */
static const char *token_keys_seen[128];
static size_t n_token_keys_seen;

static void
saw_key(const char *key)
{
	for (size_t i = 0; i < n_token_keys_seen; i++)
		if (strcmp(token_keys_seen[i], key) == 0)
			return;
	assert_true(n_token_keys_seen < sizeof(token_keys_seen) /
	    sizeof(*token_keys_seen));
	token_keys_seen[n_token_keys_seen++] = key;
}

/* key: the loader's path of the text ("participants[].name"). */
static void
tokenize(struct tokens *t, const char *key, struct ip_text *text,
    enum who_sees who, const void *entry)
{
	saw_key(key);
	if (text->s == NULL)
		return;
	assert_true(t->n < sizeof(t->v) / sizeof(*t->v));
	struct token *k = &t->v[t->n++];
	snprintf(k->s, sizeof(k->s), "zq%04zuq", t->n);
	k->key = key;
	k->who = who;
	k->entry = entry;
	k->no_fhir = false;
	text->s = ip_arena_strndup(t->a, k->s, strlen(k->s));
}

static void
tokenize_list(struct tokens *t, const char *key, union ip_text_list *l,
    enum who_sees who)
{
	saw_key(key);
	for (size_t i = 0; i < l->n; i++)
		tokenize(t, key, &l->v[i], who, NULL);
}

/* The texts of a consent's by that are no participant's id. */
static void
by_texts(struct tokens *t, const char *key, union ip_text_list *by)
{
	saw_key(key);
	for (size_t i = 0; i < by->n; i++)
		if (first_with(t->p, by->v[i].s) == NULL)
			tokenize(t, key, &by->v[i], COVERED, NULL);
}

/* Every text of p but ids and references, which must keep meaning what
 * they mean, and the words of vocabularies. */
static void
tokenize_plan(struct tokens *t, struct ip_plan *p)
{
	t->a = &p->arena;
	t->p = p;
	tokenize(t, "id", &p->id, ALL, NULL);
	tokenize(t, "person.name", &p->person.name, ALL, NULL);
	/* a token is no national id of any kind: FHIR names the kind */
	if (p->person.national_id.s != NULL) {
		tokenize(t, "person.national_id", &p->person.national_id, COVERED, NULL);
		t->v[t->n - 1].no_fhir = true;
	}
	tokenize(t, "person.contact.phone", &p->person.contact.phone, COVERED, NULL);
	tokenize(t, "person.contact.email", &p->person.contact.email, COVERED, NULL);
	tokenize(t, "person.contact.address",
	    &p->person.contact.address, COVERED, NULL);
	tokenize(t, "closed.reason", &p->closed.reason, COVERED, NULL);
	for (size_t i = 0; i < p->participants.n; i++) {
		struct ip_participant *q =
		    &p->participants.v[i];
		size_t from = t->n;
		tokenize(t, "participants[].name", &q->name, ENTRY, q);
		tokenize(t, "participants[].organization", &q->organization, ENTRY, q);
		tokenize(t, "participants[].phone", &q->phone, CONTACT, q);
		tokenize(t, "participants[].email", &q->email, CONTACT, q);
		/* a participant with role person is the Patient, named and
		 * reached as person says: FHIR leaves these out */
		for (size_t k = from; k < t->n; k++)
			t->v[k].no_fhir = q->role.set
			    && q->role.v == IP_ROLE_PERSON;
		tokenize(t, "participants[].contribution",
		    &q->contribution, CONTRIBUTION, q);
	}
	for (size_t i = 0; i < p->goals.n; i++) {
		struct ip_goal *g = &p->goals.v[i];
		tokenize(t, "goals[].text", &g->text, GOAL, g);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			struct ip_subgoal *sg =
			    &g->subgoals.v[j];
			tokenize(t, "goals[].subgoals[].text", &sg->text, GOAL, sg);
		}
	}
	tokenize_list(t, "resources", &p->resources, COVERED);
	tokenize_list(t, "needs", &p->needs, COVERED);
	for (size_t i = 0; i < p->measures.n; i++) {
		struct ip_measure *m = &p->measures.v[i];
		tokenize(t, "measures[].title", &m->title, MEASURE, m);
		tokenize(t, "measures[].extent", &m->extent, MEASURE, m);
		tokenize(t, "measures[].how", &m->how, MEASURE, m);
		tokenize(t, "measures[].subplan.kind",
		    &m->subplan.kind, MEASURE, m);
		tokenize(t, "measures[].subplan.reference",
		    &m->subplan.reference, MEASURE, m);
	}
	tokenize(t, "implementation", &p->implementation, COVERED, NULL);
	for (size_t i = 0; i < p->period.reviews.n; i++)
		tokenize(t, "period.reviews[].summary",
		    &p->period.reviews.v[i].summary, COVERED, NULL);
	/* who gave a consent: free text, or ids that stay references; FHIR
	 * has the plan's only where a consent to share has none of its
	 * own */
	const union ip_consent_sharing_list *sh =
	    &p->consent.information_sharing;
	bool each_own = sh->n > 0;
	for (size_t i = 0; i < sh->n; i++) {
		by_texts(t, "consent.information_sharing[].by", &sh->v[i].by);
		each_own &= sh->v[i].by.n > 0;
	}
	size_t from = t->n;
	by_texts(t, "consent.plan.by", &p->consent.plan.by);
	for (size_t k = from; k < t->n; k++)
		t->v[k].no_fhir = each_own;
	for (size_t i = 0; i < p->cooperation.n; i++) {
		struct ip_cooperation *c =
		    &p->cooperation.v[i];
		tokenize(t, "cooperation[].with", &c->with, COVERED, NULL);
		tokenize(t, "cooperation[].about", &c->about, COVERED, NULL);
		tokenize(t, "cooperation[].contact", &c->contact, COVERED, NULL);
	}
}

static bool
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static bool
in(const union ip_text_list *ids, const char *id)
{
	for (size_t i = 0; i < ids->n; i++)
		if (same(ids->v[i].s, id))
			return true;
	return false;
}

/* The first participant with the id, as a reference names it. */
static const struct ip_participant *
first_with(const struct ip_plan *p, const char *id)
{
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (same(q->id.s, id))
			return q;
	}
	return NULL;
}

/* The goal or sub-goal an id in a measure's goals names: the first with
 * it in the order of the plan. */
static const void *
goal_with(const struct ip_plan *p, const char *id)
{
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		if (same(g->id.s, id))
			return g;
		for (size_t j = 0; j < g->subgoals.n; j++)
			if (same(g->subgoals.v[j].id.s, id))
				return &g->subgoals.v[j];
	}
	return NULL;
}

/* The person's age on day, from the national id, else birth_date; -1
 * if neither tells. */
static int
age_on(const struct ip_plan *p, int32_t day)
{
	struct ip_nid nid;
	int32_t born;
	int y, m, d, by, bm, bd;

	if (p->person.national_id.s != NULL
	    && ip_nid_parse(p->person.national_id.s, &nid) != IP_NID_INVALID
	    && nid.kind != IP_NID_FHNR)
		born = nid.birth;
	else if (p->person.birth_date.set)
		born = p->person.birth_date.day;
	else
		return -1;
	if (born > day)
		return -1;
	ip_civil_from_days(born, &by, &bm, &bd);
	ip_civil_from_days(day, &y, &m, &d);
	return y - by - (m * 100 + d < bm * 100 + bd);
}

/* The rule, as ip-export(1) and ip-plan(5) state it. */
static bool
covers(const struct ip_plan *p, const struct ip_participant *q, int32_t day)
{
	const union ip_consent_sharing_list *l =
	    &p->consent.information_sharing;
	const struct ip_date *pw = &p->consent.plan.withdrawn;
	int age = age_on(p, day);

	if (q->role.set && q->role.v == IP_ROLE_PERSON)
		return true;
	if (q->role.set && q->role.v == IP_ROLE_GUARDIAN && age >= 0
	    && age < 16 && !(age >= 12 && p->consent.guardians_own_part.v))
		return true;
	if (pw->set && pw->day <= day)
		return false;
	for (size_t i = 0; i < l->n; i++) {
		const struct ip_consent_sharing *s = &l->v[i];
		if (!s->date.set || s->date.day > day
		    || (s->until.set && s->until.day < day)
		    || (s->withdrawn.set && s->withdrawn.day <= day))
			continue;
		if (in(&s->participants, q->id.s))
			return true;
	}
	return false;
}

static bool
may_see(const struct ip_plan *p, const struct ip_participant *q,
    const struct token *k)
{
	const struct ip_participant *e = k->entry;

	switch (k->who) {
	case ALL:
		return true;
	case COVERED:
		return false;
	case ENTRY:
		return e == q || e == first_with(p, p->coordinator.s);
	case CONTACT:
		return e == first_with(p, p->coordinator.s);
	case CONTRIBUTION:
		return e == q;
	case MEASURE:
		return same(((const struct ip_measure *)k->entry)
		    ->responsible.s, q->id.s);
	case GOAL:
		for (size_t i = 0; i < p->measures.n; i++) {
			const struct ip_measure *m =
			    &p->measures.v[i];
			if (!same(m->responsible.s, q->id.s))
				continue;
			for (size_t j = 0; j < m->goals.n; j++)
				if (goal_with(p, m->goals.v[j].s) == k->entry)
					return true;
		}
		return false;
	}
	return false;
}

/* The words of the labels a restricted view never shows, in Markdown. */
static void
assert_no_labels(const struct ip_labels *l, const char *md, const char *at)
{
	const char *hidden[] = { l->national_id[IP_NID_INVALID],
		l->national_id[IP_NID_FNR], l->national_id[IP_NID_DNR],
		l->national_id[IP_NID_HNR], l->national_id[IP_NID_FHNR],
		l->person_birth_date, l->contact_address,
		l->person_interpreter, l->person_care, l->legal_basis,
		l->next_review, l->review_interval, l->consent_plan,
		l->consent_sharing, l->consent_with, l->status, l->reason };
	char want[128];
	for (size_t i = 0; i < sizeof(hidden) / sizeof(*hidden); i++) {
		snprintf(want, sizeof(want), "**%s:**", hidden[i]);
		if (strstr(md, want) != NULL)
			fail_msg("%s: shows '%s'", at, want);
	}
	/* the coordinator is named as such, but no one's role */
	for (size_t i = 0; i < 5; i++) {
		snprintf(want, sizeof(want), "**%s:** %s", l->participant_role,
		    l->roles[i]);
		if (strstr(md, want) != NULL)
			fail_msg("%s: shows '%s'", at, want);
	}
}

static bool
id_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
	    || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Whether the id stands in doc as a word of its own. */
static bool
has_word(const char *doc, const char *id)
{
	size_t n = strlen(id);
	for (const char *s = doc; (s = strstr(s, id)) != NULL; s++)
		if ((s == doc || !id_char(s[-1])) && !id_char(s[n]))
			return true;
	return false;
}

/* No goal's, sub-goal's or measure's id from the file is shown: the
 * Markdown names them by number.  (Every text of the plan is a token
 * here, so an id found came from the document itself.) */
static void
assert_no_ids(const struct ip_plan *p, const char *md, const char *at)
{
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		if (g->id.s != NULL && strlen(g->id.s) > 1
		    && has_word(md, g->id.s))
			fail_msg("%s: shows the goal id '%s'", at, g->id.s);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const char *id = g->subgoals.v[j].id.s;
			if (id != NULL && strlen(id) > 1 && has_word(md, id))
				fail_msg("%s: shows the sub-goal id '%s'", at,
				    id);
		}
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const char *id = p->measures.v[i].id.s;
		if (id != NULL && strlen(id) > 1 && has_word(md, id))
			fail_msg("%s: shows the measure id '%s'", at, id);
	}
}

/* Renders p for q (the first participant with that id) on day in every
 * format and holds each token against the rule. */
static void
check_view(const struct ip_plan *p, const struct ip_participant *q,
    int32_t day, const struct tokens *t, const char *file)
{
	struct ip_view v;
	assert_int_equal(ip_view_make(&v, p, q->id.s, day), 0);
	bool full = covers(p, q, day);
	char at[PATH_MAX + 64];
	snprintf(at, sizeof(at), "%s --for %s on day %d", file, q->id.s,
	    (int)day);
	if (v.restricted == full)
		fail_msg("%s: restricted is %d", at, v.restricted);

	struct ip_render r = { .v = &v, .l = ip_labels(IP_LANG_NB) };
	char *out[4] = { ip_export_document(&r, false),
		ip_export_document(&r, true), ip_export_xml(&r, &unit_err),
		ip_export_fhir(&r, day, false, false) };
	static const char *const format[4] = { "Markdown", "HTML", "XML",
		"FHIR" };
	for (size_t f = 0; f < 4; f++) {
		assert_non_null(out[f]);
		for (size_t i = 0; i < t->n; i++) {
			bool want = (full || may_see(p, q, &t->v[i]))
			    && !(f == 3 && t->v[i].no_fhir);
			bool got = strstr(out[f], t->v[i].s) != NULL;
			if (want != got)
				fail_msg("%s, %s: %s (%s) %s", at, format[f],
				    t->v[i].key, t->v[i].s, got ? "shown"
				    : "not shown");
		}
	}
	if (!full)
		assert_no_labels(r.l, out[0], at);
	/* a reader the consent does not name is told that first, and
	 * nothing of the consent's history */
	bool named = false;
	for (size_t i = 0; i < p->consent.information_sharing.n; i++)
		named |= in(&p->consent.information_sharing.v[i].participants,
		    q->id.s);
	if (!full && !named) {
		if (v.why != IP_WHY_NOT_LISTED && v.why != IP_WHY_NO_CONSENT)
			fail_msg("%s: why is %d, not 'not listed'", at, v.why);
		const enum ip_view_why told[] = { IP_WHY_EXPIRED,
			IP_WHY_WITHDRAWN, IP_WHY_PLAN_WITHDRAWN };
		for (size_t i = 0; i < 3; i++) {
			const char *why = r.l->restricted_why[told[i]];
			char want[256];
			snprintf(want, sizeof(want), "%.*s",
			    (int)strcspn(why, "%"), why);
			for (size_t f = 0; f < 4; f++)
				if (strstr(out[f], want) != NULL)
					fail_msg("%s, format %zu: tells '%s'",
					    at, f, want);
		}
	}
	assert_no_ids(p, out[0], at);
	if (validate(out[2]) != 0)
		fail_msg("%s: XML not valid: %s", at, last_error);
	for (size_t f = 0; f < 4; f++)
		free(out[f]);
	ip_view_free(&v);
}

/* A plan whose ids are ambiguous, or with two persons, is refused in
 * every format, the consent form too, for every reader and the whole
 * plan, as findings; nothing is written. */
static void
check_refused(const struct ip_plan *p, const char *file)
{
	char *msgs = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&msgs, &len);
	assert_non_null(f);
	struct ip_err quiet = { f, "unit" };
	for (size_t i = 0; i <= p->participants.n; i++) {
		const char *id = i < p->participants.n
		    ? p->participants.v[i].id.s : NULL;
		for (int form = 0; form < 2; form++)
			for (int fmt = IP_EXPORT_MARKDOWN;
			    fmt <= IP_EXPORT_FHIR; fmt++) {
				if (form && (id != NULL || fmt > IP_EXPORT_HTML))
					continue;
				struct ip_export_how h = { .format = fmt,
					.lang = -1, .for_id = id,
					.consent_form = form,
					.today = ip_days_from_civil(2026, 11,
					    24) };
				bool findings;
				char *out = ip_export_render(p, file, &h,
				    &quiet, &findings);
				if (out != NULL || !findings)
					fail_msg("%s --for %s, format %d%s: not "
					    "refused", file, id ? id : "(all)",
					    fmt, form ? ", consent form" : "");
			}
	}
	fclose(f);
	assert_non_null(strstr(msgs, "not exported"));
	free(msgs);
}

/* The days to look at: about each consent's start, end and withdrawal,
 * and the person's 12th and 16th birthdays. */
static size_t
days_of(const struct ip_plan *p, int32_t *days, size_t max)
{
	const union ip_consent_sharing_list *l =
	    &p->consent.information_sharing;
	size_t n = 0;
	int32_t born;

	days[n++] = ip_days_from_civil(2026, 11, 24);
	for (size_t i = 0; i < l->n && n + 6 <= max - 4; i++) {
		const struct ip_consent_sharing *s = &l->v[i];
		if (s->date.set) {
			days[n++] = s->date.day - 1;
			days[n++] = s->date.day;
		}
		if (s->until.set) {
			days[n++] = s->until.day;
			days[n++] = s->until.day + 1;
		}
		if (s->withdrawn.set) {
			days[n++] = s->withdrawn.day - 1;
			days[n++] = s->withdrawn.day;
		}
	}
	if (ip_person_birth(p, &born)) {
		int y, m, d;
		ip_civil_from_days(born, &y, &m, &d);
		for (int age = 12; age <= 16; age += 4) {
			/* one born on 29 February is older on 1 March */
			int32_t b = m == 2 && d == 29
			    ? ip_days_from_civil(y + age, 3, 1)
			    : ip_days_from_civil(y + age, m, d);
			days[n++] = b - 1;
			days[n++] = b;
		}
	}
	return n;
}

/* Every view of the plan at path, as it is and with each consent
 * withdrawn. */
static void
check_plan(const char *path)
{
	struct ip_diags *d = ip_diags_new(path);
	struct ip_plan *p;
	if (ip_plan_load(path, d, &p) != 0) {
		ip_diags_free(d);
		return;
	}
	ip_plan_check(p, ip_days_from_civil(2026, 11, 24), d);
	bool ambiguous = false;
	for (size_t i = 0; i < d->n; i++)
		ambiguous |= d->v[i].rule == IP_R_DUP_ID
		    || d->v[i].rule == IP_R_UNKNOWN_REF
		    || d->v[i].rule == IP_R_PERSON_TWICE;
	ip_diags_free(d);
	/* the rule on its own: one plan, one person */
	size_t persons = 0;
	for (size_t i = 0; i < p->participants.n; i++)
		persons += p->participants.v[i].role.set
		    && p->participants.v[i].role.v == IP_ROLE_PERSON;
	if (ambiguous || persons > 1) {
		check_refused(p, path);
		ip_plan_free(p);
		return;
	}

	static struct tokens t;
	t.n = 0;
	tokenize_plan(&t, p);

	union ip_consent_sharing_list *l = &p->consent.information_sharing;
	struct ip_consent_sharing *s = l->n > 0 ? &l->v[0] : NULL;
	struct ip_date *withdrawn[] = { NULL, s ? &s->withdrawn : NULL,
		&p->consent.plan.withdrawn };
	for (size_t w = 0; w < 3; w++) {
		int32_t days[32];
		size_t n = days_of(p, days, 30);
		if (w > 0) {
			if (s == NULL || !s->date.set)
				continue;
			*withdrawn[w] = (struct ip_date){ .set = true,
			    .day = s->date.day + 30 };
			days[n++] = s->date.day + 29;
			days[n++] = s->date.day + 30;
		}
		for (size_t i = 0; i < p->participants.n; i++) {
			const struct ip_participant *q = &p->participants.v[i];
			if (q->id.s == NULL)
				continue;
			for (size_t k = 0; k < n; k++)
				check_view(p, q, days[k], &t, path);
		}
		if (withdrawn[w] != NULL)
			withdrawn[w]->set = false;
	}
	ip_plan_free(p);
}

static void
check_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort);
	assert_true(n > 0);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(names[i]->d_name);
		if (len > 5 && strcmp(names[i]->d_name + len - 5, ".yaml") == 0) {
			char path[PATH_MAX];
			snprintf(path, sizeof(path), "%s/%s", dir,
			    names[i]->d_name);
			check_plan(path);
		}
		free(names[i]);
	}
	free(names);
}

/* The loader's text keys that tokenize_plan() leaves as they are: ids
 * and references, which must keep meaning what they mean, and numbers,
 * which a token cannot stand for (tests/t-export.sh holds them). */
static const char *const not_tokens[] = {
	"format", "coordinator",
	"participants[].id", "goals[].id", "goals[].subgoals[].id",
	"measures[].id", "measures[].responsible", "measures[].goals",
	"consent.information_sharing[].participants",
	"person.national_id_issuer", "participants[].hpr",
	"participants[].organization_number", "participants[].resh_id",
	"participants[].her_id", "cooperation[].organization_number",
	"cooperation[].resh_id", "cooperation[].her_id",
};

static bool
listed(const char *const *v, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i], key) == 0)
			return true;
	return false;
}

static void
token_key(const char *path, const char *type, const char *const *vocab,
    void *ctx)
{
	size_t *missing = ctx;
	if (vocab != NULL || (strcmp(type, "text") != 0
	    && strcmp(type, "texts") != 0 && strcmp(type, "texts1") != 0))
		return;
	size_t n = sizeof(not_tokens) / sizeof(*not_tokens);
	bool tokenized = listed(token_keys_seen, n_token_keys_seen, path);
	if (tokenized == listed(not_tokens, n, path)) {
		print_error("tests/unit/export.c: the loader's text %s is %s\n",
		    path, tokenized ? "both tokenized and in not_tokens[]" :
		    "neither tokenized in tokenize_plan() nor in not_tokens[]");
		++*missing;
	}
}

/* Every text key of the loader is tokenized, in some plan the views are
 * tested on, or said not to be: a field added to the loader and not to
 * tokenize_plan() is named, never left out of the views' test. */
static void
token_keys(void)
{
	size_t missing = 0;
	ip_keys(token_key, &missing);
	assert_int_equal(missing, 0);
}

/* The check can fail: a text key neither tokenized nor listed. */
static void
test_token_keys_name_a_key_left_out(void **state)
{
	(void)state;
	size_t missing = 0;
	token_key("person.no_such_key", "text", NULL, &missing);
	assert_int_equal(missing, 1);
	token_key("format", "text", NULL, &missing);
	token_key("person.care", "word", (const char *const[]){ NULL },
	    &missing);
	assert_int_equal(missing, 1);
}

static void
test_every_view_holds_what_the_rule_allows(void **state)
{
	(void)state;
	check_dir(IPLAN_SRCDIR "/examples");
	check_dir(IPLAN_SRCDIR "/tests/export");
	check_dir(IPLAN_SRCDIR "/tests/validate");
	check_dir(IPLAN_SRCDIR "/tests/review/plans");
	check_dir(IPLAN_SRCDIR "/tests/view");
	token_keys();
}

int
main(void)
{
	unit_err = (struct ip_err){ stderr, "unit" };
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_labels_complete_and_alike),
		cmocka_unit_test(test_visibility_table_complete),
		cmocka_unit_test(test_restricted_view_decides_once),
		cmocka_unit_test(test_clean_keeps_good_text),
		cmocka_unit_test(test_clean_replaces_what_xml_cannot_carry),
		cmocka_unit_test(test_xml_with_bad_text_is_valid),
		cmocka_unit_test(test_every_word_validates),
		cmocka_unit_test(test_interval_units),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_laws),
		cmocka_unit_test(test_every_view_holds_what_the_rule_allows),
		cmocka_unit_test(test_token_keys_name_a_key_left_out),
		cmocka_unit_test_setup_teardown(test_killed_leaves_nothing,
		    scratch_dir, remove_scratch),
		cmocka_unit_test_setup_teardown(
		    test_ignored_signal_stays_ignored, scratch_dir,
		    remove_scratch),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
