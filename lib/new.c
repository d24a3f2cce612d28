/*
 * new.c - ip-new: a new plan, from the built-in skeleton or from a
 * municipality's template.
 *
 * Every option is checked first, the way the loader and ip-validate check
 * the same field.  Each value the plan needs is then rendered once, as the
 * YAML it is written as (text double-quoted, dates plain), and the plan is
 * built as text: the skeleton with its comments in the chosen language, or
 * the template with its placeholders replaced.  The result is loaded with
 * the real loader before a byte of it is written.
 */
#include "iplan.h"	/* ip_new_make() */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "labels.h"
#include "nid.h"

#define WIDTH 72		/* of comment lines */

/* The options, as bits: which were given, which a placeholder carries. */
enum {
	O_NAME = 1 << 0, O_NATIONAL_ID = 1 << 1, O_BIRTH_DATE = 1 << 2,
	O_COORDINATOR = 1 << 3, O_ID = 1 << 4, O_LANGUAGE = 1 << 5,
	O_CARE = 1 << 6, O_START = 1 << 7, O_PERIOD = 1 << 8,
	O_REVIEWS = 1 << 9, O_REVIEW_INTERVAL = 1 << 10
};

static const char *const option_names[] = { "name", "national-id",
	"birth-date", "coordinator", "id", "language", "care", "start",
	"period", "reviews", "review-interval" };

/* The values a plan is made of, by their placeholder in a template. */
enum ph {
	PH_NAME, PH_NATIONAL_ID, PH_BIRTH_DATE, PH_PERSON_ID, PH_COORDINATOR,
	PH_COORDINATOR_ID, PH_ID, PH_LANGUAGE, PH_CARE, PH_START, PH_END,
	PH_TODAY, PH_REVIEW_INTERVAL, PH_REVIEWS, PH_COUNT
};

static const struct {
	const char *name;
	unsigned options;	/* the options it carries */
} placeholders[PH_COUNT] = {
	[PH_NAME] = { "name", O_NAME },
	[PH_NATIONAL_ID] = { "national_id", O_NATIONAL_ID },
	[PH_BIRTH_DATE] = { "birth_date", O_BIRTH_DATE },
	[PH_PERSON_ID] = { "person_id", 0 },
	[PH_COORDINATOR] = { "coordinator", O_COORDINATOR },
	[PH_COORDINATOR_ID] = { "coordinator_id", O_COORDINATOR },
	[PH_ID] = { "id", O_ID },
	[PH_LANGUAGE] = { "language", O_LANGUAGE },
	[PH_CARE] = { "care", O_CARE },
	[PH_START] = { "start", O_START },
	[PH_END] = { "end", O_PERIOD },
	[PH_TODAY] = { "today", 0 },
	[PH_REVIEW_INTERVAL] = { "review_interval", O_REVIEW_INTERVAL },
	[PH_REVIEWS] = { "reviews", O_REVIEWS | O_REVIEW_INTERVAL },
};

/* What the options say, checked. */
struct values {
	const struct ip_new_opts *o;
	unsigned given;			/* O_* */
	enum ip_lang lang;
	bool compulsory;
	int32_t start, end, birth;
	bool birth_set;
	int32_t reviews[IP_MAX_REVIEWS];
	size_t nreviews;
	int every;			/* the review interval; 0: none */
	char unit;
	const char *person_id, *coordinator_id;
	const char *val[PH_COUNT];	/* as YAML; "": not known */
	struct ip_arena a;
};

/* --- rendering values ---------------------------------------------------- */

/* s as a YAML double-quoted scalar (ip_yaml_quote()), in a. */
static const char *
quote(struct ip_arena *a, const char *s)
{
	char *buf;
	size_t len;
	FILE *f = ip_xmemstream(&buf, &len);
	ip_yaml_quote(f, s, strlen(s));
	ip_xmemstream_close(f);
	const char *q = ip_arena_strndup(a, buf, len);
	free(buf);
	return q;
}

static const char *
new_date(struct ip_arena *a, int32_t day)
{
	return ip_date_format(day, ip_arena_alloc(a, 11));
}

/*
 * An id for a participant, from a name: lower-case ASCII letters, digits
 * and single hyphens ("Åse Kåsa-Ødegård" gives "ase-kasa-odegard"), at
 * most MAX bytes; fallback if that is empty; and not taken, which ends it
 * in "-2", still within MAX.
 */
static const char *
slug(struct ip_arena *a, const char *name, const char *fallback,
    const char *taken)
{
	static const struct {
		const char *from, *to;
	} letters[] = {
		{ "æ", "ae" }, { "Æ", "ae" }, { "ø", "o" }, { "Ø", "o" },
		{ "å", "a" }, { "Å", "a" }, { "ä", "a" }, { "Ä", "a" },
		{ "ö", "o" }, { "Ö", "o" }, { "ü", "u" }, { "Ü", "u" },
		{ "é", "e" }, { "É", "e" }, { "è", "e" }, { "á", "a" },
		{ "Á", "a" }, { "à", "a" }, { "À", "a" }, { "È", "e" },
		{ "č", "c" }, { "Č", "c" }, { "ç", "c" }, { "Ç", "c" },
		{ "ñ", "n" }, { "Ñ", "n" }, { "ł", "l" }, { "Ł", "l" },
		{ "í", "i" }, { "Í", "i" }, { "ó", "o" }, { "Ó", "o" },
		{ "ú", "u" }, { "Ú", "u" },
		{ "đ", "d" }, { "Đ", "d" }, { "ŋ", "n" }, { "Ŋ", "n" },
		{ "š", "s" }, { "Š", "s" }, { "ŧ", "t" }, { "Ŧ", "t" },
		{ "ž", "z" }, { "Ž", "z" },
	};
	enum { MAX = 32 };
	char buf[MAX + 1];
	size_t n = 0;

	for (const char *s = name; *s != '\0' && n < MAX;) {
		const char *to = NULL;
		size_t len = 1;
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			buf[n++] = *s;
		else if (*s >= 'A' && *s <= 'Z')
			buf[n++] = (char)(*s - 'A' + 'a');
		else {
			for (size_t i = 0; i < sizeof(letters) /
			    sizeof(letters[0]); i++)
				if (strncmp(s, letters[i].from,
				    strlen(letters[i].from)) == 0) {
					to = letters[i].to;
					len = strlen(letters[i].from);
				}
			if (to != NULL)
				for (; *to != '\0' && n < MAX; to++)
					buf[n++] = *to;
			else if (n > 0 && buf[n - 1] != '-')
				buf[n++] = '-';
			/* skip the rest of an unknown character */
			while (to == NULL && (s[len] & 0xc0) == 0x80)
				len++;
		}
		s += len;
	}
	while (n > 0 && buf[n - 1] == '-')
		n--;
	buf[n] = '\0';
	const char *id = n > 0 ? buf : fallback;
	if (taken == NULL || strcmp(id, taken) != 0)
		return ip_arena_strndup(a, id, strlen(id));
	n = strlen(id) < MAX - 2 ? strlen(id) : MAX - 2;
	while (n > 1 && id[n - 1] == '-')
		n--;
	return ip_arena_printf(a, "%.*s-2", (int)n, id);
}

/* --- checking the options ------------------------------------------------ */

/*
 * Text for a plan: refused if blank (the loader would read it as left out)
 * or if the loader would refuse it as a value (bad UTF-8, control
 * characters, too long).  Returns 0, or -1 after saying why.
 */
static int
check_text(struct values *v, const char *opt, const char *s,
    const struct ip_err *err)
{
	if (ip_blank(s))
		return ip_fail(err, _("--%s is empty"), opt);
	const char *doc = ip_arena_printf(&v->a, "v: %s\n", quote(&v->a, s));
	struct ip_diags *d = ip_diags_new(opt);
	struct ip_arena tree = { 0 };
	int rc = 0;
	if (ip_yaml_parse(doc, strlen(doc), &tree, d) == NULL)
		rc = ip_fail(err, _("invalid --%s: %s"), opt, d->n > 0
		    ? d->v[0].msg : _("not a text"));
	ip_arena_free(&tree);
	ip_diags_free(d);
	return rc;
}

/* An interval as the messages show it: "6m". */
static const char *
span_text(struct ip_arena *a, struct ip_span s)
{
	return ip_arena_printf(a, "%d%c", s.n, s.unit);
}

/* The review dates, n of them (0: none asked for) or every v->every
 * v->unit, inside the period. */
static int
review_dates(struct values *v, unsigned n, const struct ip_err *err)
{
	const struct ip_new_opts *o = v->o;
	int32_t len = v->end - v->start + 1;	/* days in the period */

	if (n > 0) {
		if ((int32_t)n + 2 > len)
			return ip_fail(err, P_("--reviews %u: the period has "
			    "no room for %u review date", "--reviews %u: the "
			    "period has no room for %u review dates", n), n,
			    n);
		/* the period cut into n + 1 equal parts, in whole days */
		for (size_t k = 1; k <= n; k++)
			v->reviews[v->nreviews++] = v->start
			    + (int32_t)((int64_t)k * len / ((int64_t)n + 1));
	}
	if (v->every > 0) {
		for (int k = 1;; k++) {
			int32_t day = ip_date_add(v->start, k * v->every,
			    v->unit);
			if (day >= v->end)
				break;
			if (v->nreviews == IP_MAX_REVIEWS)
				return ip_fail(err, _("--review-interval '%s' "
				    "gives more than %d review dates in the "
				    "period"), span_text(&v->a,
				    o->review_interval), IP_MAX_REVIEWS);
			v->reviews[v->nreviews++] = day;
		}
		if (v->nreviews == 0)
			return ip_fail(err, _("--review-interval '%s': the "
			    "period has no room for 1 review date"),
			    span_text(&v->a, o->review_interval));
	}
	return 0;
}

static bool
past_9999(int32_t day)
{
	int y, m, d;
	ip_civil_from_days(day, &y, &m, &d);
	return y > 9999;
}

/* Checks every option and works out what follows from them.  Returns 0,
 * or -1 after saying what is wrong with each option refused. */
static int
check_options(struct values *v, const struct ip_err *err)
{
	const struct ip_new_opts *o = v->o;
	const bool given[] = {	/* in the order of O_* */
		o->name != NULL, o->national_id != NULL, o->birth_date_set,
		o->coordinator != NULL, o->id != NULL, o->lang >= 0,
		o->care >= 0, o->start_set, o->period.n > 0, o->reviews > 0,
		o->review_interval.n > 0 };
	int bad = 0;	/* -1 once any is refused */

	for (size_t k = 0; k < sizeof(given) / sizeof(given[0]); k++)
		if (given[k])
			v->given |= 1u << k;
	if (o->name == NULL)
		bad = ip_fail(err, _("no --name: a plan is for one person, "
		    "named in it"));
	else
		bad |= check_text(v, "name", o->name, err);

	/* never repeat a national id in a message */
	struct ip_nid nid = { .kind = IP_NID_INVALID };
	if (o->national_id != NULL && !ip_nid_parse(o->national_id, &nid))
		bad = ip_fail(err, _("invalid --national-id: not a valid "
		    "fødselsnummer, D-nummer, H-nummer or FH-nummer (11 "
		    "digits, a real date, both check digits)"));
	if (o->birth_date_set) {
		if (nid.kind != IP_NID_INVALID && nid.kind != IP_NID_FHNR
		    && !ip_nid_fits(&nid, o->birth_date))
			bad = ip_fail(err, _("--birth-date differs from the "
			    "date in --national-id"));
		else {
			v->birth = o->birth_date;
			v->birth_set = true;
		}
	} else if (nid.dated) {
		v->birth = nid.birth;
		v->birth_set = true;
	}
	if (o->coordinator != NULL)
		bad |= check_text(v, "coordinator", o->coordinator, err);
	if (o->id != NULL)
		bad |= check_text(v, "id", o->id, err);
	v->lang = o->lang >= 0 ? (enum ip_lang)o->lang : IP_LANG_NB;
	v->compulsory = o->care == IP_CARE_COMPULSORY;
	if (o->refused)
		return -1;
	if (o->reviews > IP_MAX_REVIEWS) {	/* as ip_opt_count() says */
		char n[16];
		snprintf(n, sizeof(n), "%u", o->reviews);
		return ip_fail(err, _("invalid --%s: '%s' (use 1 to %u)"),
		    "reviews", n, IP_MAX_REVIEWS);
	}

	/* the period and its reviews */
	struct ip_span period = o->period.n > 0 ? o->period
	    : (struct ip_span){ 1, 'y' };
	v->start = o->start_set ? o->start : o->today;
	v->every = o->review_interval.n;
	v->unit = o->review_interval.unit;
	/* the period ends the day before the same date a period later */
	v->end = ip_date_add(v->start, period.n, period.unit) - 1;
	if (past_9999(v->end))
		return ip_fail(err, _("a period of %d%c from %s ends after "
		    "the year 9999"), period.n, period.unit,
		    new_date(&v->a, v->start));
	if (v->end <= v->start)
		return ip_fail(err, _("--period '%s' is too short: a plan "
		    "period is at least two days"), span_text(&v->a, period));
	return review_dates(v, o->reviews, err) | bad;
}

/* Renders every value a plan is made of. */
static void
render(struct values *v)
{
	const struct ip_new_opts *o = v->o;
	struct ip_arena *a = &v->a;

	for (size_t i = 0; i < PH_COUNT; i++)
		v->val[i] = "";
	v->person_id = slug(a, o->name, "person", NULL);
	v->val[PH_NAME] = quote(a, o->name);
	v->val[PH_PERSON_ID] = quote(a, v->person_id);
	if (o->national_id != NULL)
		v->val[PH_NATIONAL_ID] = quote(a, o->national_id);
	if (v->birth_set)
		v->val[PH_BIRTH_DATE] = new_date(a, v->birth);
	if (o->coordinator != NULL) {
		v->coordinator_id = slug(a, o->coordinator, "coordinator",
		    v->person_id);
		v->val[PH_COORDINATOR] = quote(a, o->coordinator);
		v->val[PH_COORDINATOR_ID] = quote(a, v->coordinator_id);
	}
	if (o->id != NULL)
		v->val[PH_ID] = quote(a, o->id);
	v->val[PH_LANGUAGE] = ip_vocab_lang[v->lang];
	v->val[PH_CARE] = ip_vocab_care[v->compulsory ? IP_CARE_COMPULSORY
	    : IP_CARE_VOLUNTARY];
	v->val[PH_START] = new_date(a, v->start);
	v->val[PH_END] = new_date(a, v->end);
	v->val[PH_TODAY] = new_date(a, v->o->today);
	if (v->every > 0) {
		const char *u = v->unit == 'd' ? "day" : v->unit == 'w'
		    ? "week" : v->unit == 'm' ? "month" : "year";
		v->val[PH_REVIEW_INTERVAL] = quote(a, ip_arena_printf(a,
		    "%d %s%s", v->every, u, v->every > 1 ? "s" : ""));
	}
	if (v->nreviews > 0) {
		const char *s = "[";
		for (size_t i = 0; i < v->nreviews; i++)
			s = ip_arena_printf(a, "%s%s{date: %s}", s,
			    i ? ", " : "", new_date(a, v->reviews[i]));
		v->val[PH_REVIEWS] = ip_arena_printf(a, "%s]", s);
	}
}

/* --- the built-in skeleton ----------------------------------------------- */

/* Columns taken by the n bytes of UTF-8 at s: one per character. */
static size_t
columns(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Writes text as comment lines of at most WIDTH columns, broken between
 * words: the first line starts with first, the others with rest. */
static void
comment(FILE *f, const char *first, const char *rest, const char *text)
{
	for (const char *prefix = first; *text != '\0'; prefix = rest) {
		size_t room = WIDTH - columns(prefix, strlen(prefix));
		size_t len = strlen(text), end = len;
		if (columns(text, len) > room) {
			/* the last space that fits, else the first */
			end = 0;
			for (size_t i = 1; i < len; i++)
				if (text[i] == ' ' && (end == 0
				    || columns(text, i) <= room))
					end = i;
			if (end == 0)
				end = len;
		}
		fprintf(f, "%s%.*s\n", prefix, (int)end, text);
		text += end;
		text += strspn(text, " ");
	}
}

/* The heading of item letter: its words and how to write it well. */
static void
new_item(FILE *f, struct values *v, char letter, const char *guide)
{
	const struct ip_labels *l = ip_labels(v->lang);
	char first[] = "# a) ";

	first[2] = letter;
	comment(f, first, "#    ", ip_arena_printf(&v->a, "%s%s%s", l->lq,
	    l->items[letter - 'a'], l->rq));
	comment(f, "#    ", "#    ", guide);
}

/* "key: value", or "key:" when the value is not known. */
static void
key(FILE *f, const char *indent, const char *k, const char *value)
{
	fprintf(f, "%s%s:%s%s\n", indent, k, *value ? " " : "", value);
}

/* The value of the placeholder named name, "" if there is none. */
static const char *
placeholder_value(const struct values *v, const char *name)
{
	for (size_t i = 0; i < PH_COUNT; i++)
		if (strcmp(placeholders[i].name, name) == 0)
			return v->val[i];
	return "";
}

/* The rows of a table (fields.h) as the skeleton writes them, at
 * indent. */
#define SKELETON_PH(k, type, sub) key(f, indent, #k, \
	placeholder_value(v, #k));
#define SKELETON_EMPTY(k, type, sub) SKELETON_EMPTY_##type(k, sub)
#define SKELETON_EMPTY_TEXT(k, sub) key(f, indent, #k, "");
#define SKELETON_EMPTY_BOOL(k, sub) key(f, indent, #k, "");
#define SKELETON_EMPTY_MAP(k, sub) \
	key(f, indent, #k, ""); \
	skeleton_##sub(f, v);
#define SKELETON_NO(k, type, sub)
#define SKELETON(map, k, type, sub, group, doc, xml, new, ...) \
	SKELETON_##new(k, type, sub)

static void
skeleton_contact(FILE *f, const struct values *v)
{
	const char *indent = "    ";

	(void)v;
	IP_CONTACT_FIELDS(SKELETON)
}

static void
skeleton_person(FILE *f, const struct values *v)
{
	const char *indent = "  ";

	IP_PERSON_FIELDS(SKELETON)
}

static void
skeleton(FILE *f, struct values *v)
{
	const struct ip_labels *l = ip_labels(v->lang);
	const char *const *val = v->val;
	const char *mid = new_date(&v->a, v->start + (v->end - v->start) / 2);
	/* who provides the example measure: never the person */
	const char *someone = v->coordinator_id ? v->coordinator_id
	    : l->sk_provider_id;

	char written[IP_LONG_DATE];

	/* the day written out, as documents write it: created: has it
	 * for programs */
	fprintf(f, "# %s\n", ip_label_fill(&v->a, l->sk_title,
	    ip_labels_date(l, v->o->today, written)));
	/* the YAML language server's modeline: editors complete keys and
	 * flag mistakes from the installed JSON Schema */
	if (!v->o->no_schema)
		fputs("# yaml-language-server: $schema=" IPLAN_DATADIR
		    "/ip-plan.schema.json\n", f);
	fputs("#\n", f);
	comment(f, "# ", "# ", l->sk_intro);
	fputs("#\n", f);
	comment(f, "# ", "# ", l->sk_privacy);
	fputs("\nformat: iplan/1\n", f);
	key(f, "", "id", val[PH_ID]);
	key(f, "", "language", val[PH_LANGUAGE]);
	comment(f, "# ", "# ", l->sk_draft);
	fputs("status: draft\n", f);
	key(f, "", "created", val[PH_TODAY]);
	comment(f, "# ", "# ", l->sk_close_hint);
	fprintf(f, "# status: closed\n# closed:\n#   date: %s\n", val[PH_END]);
	comment(f, "#   reason: ", "#     ", l->sk_close_reason);
	comment(f, "# ", "# ", l->sk_legal_basis);
	for (size_t i = 0; ip_vocab_legal_basis[i] != NULL; i++)
		fprintf(f, "#   %-10s %s\n", ip_vocab_legal_basis[i],
		    l->laws[i]);
	fprintf(f, "legal_basis:\n  # - %s\n\n", ip_vocab_legal_basis[0]);

	comment(f, "# ", "# ", l->sk_person);
	fputs("person:\n", f);
	skeleton_person(f, v);

	fputs("\n", f);
	new_item(f, v, 'a', l->sk_guide[0]);
	fprintf(f, "goals:\n"
	    "  # - id: g1\n"
	    "  #   text: %s\n"
	    "  #   subgoals:\n"
	    "  #     - id: g1.1\n"
	    "  #       text: %s\n"
	    "  #       due: %s\n"
	    "  #       status: open\n"
	    "resources:\n  # - %s\nneeds:\n  # - %s\n",
	    l->sk_goal, l->sk_subgoal, mid, l->sk_resource, l->sk_need);

	fputs("\n", f);
	new_item(f, v, 'b', l->sk_guide[1]);
	new_item(f, v, 'c', l->sk_guide[2]);
	new_item(f, v, 'd', l->sk_guide[3]);
	fputs("participants:\n", f);
	key(f, "  - ", "id", val[PH_PERSON_ID]);
	key(f, "    ", "name", val[PH_NAME]);
	fputs("    role: person\n    contribution:\n", f);
	if (v->coordinator_id != NULL) {
		key(f, "  - ", "id", val[PH_COORDINATOR_ID]);
		key(f, "    ", "name", val[PH_COORDINATOR]);
		fputs("    role: provider\n    organization:\n"
		    "    organization_number:\n    hpr:\n    phone:\n"
		    "    email:\n    contribution:\n", f);
	} else
		fprintf(f, "  # - id: %s\n"
		    "  #   name: %s\n"
		    "  #   role: provider\n"
		    "  #   contribution: %s\n", l->sk_provider_id, l->sk_provider_name,
		    l->sk_provider_contribution);
	key(f, "", "coordinator", val[PH_COORDINATOR_ID]);

	fputs("\n", f);
	new_item(f, v, 'e', l->sk_guide[4]);
	fprintf(f, "measures:\n"
	    "  # - id: t1\n"
	    "  #   title: %s\n"
	    "  #   extent: %s\n"
	    "  #   responsible: %s\n"
	    "  #   goals: [g1]\n"
	    "  #   start: %s\n"
	    "  #   end: %s\n"
	    "  #   how: %s\n",
	    l->sk_measure, l->sk_extent, someone, val[PH_START], val[PH_END],
	    l->sk_how);

	fputs("\n", f);
	new_item(f, v, 'f', l->sk_guide[5]);
	fputs("implementation:\n", f);

	fputs("\n", f);
	new_item(f, v, 'g', l->sk_guide[6]);
	fputs("period:\n", f);
	key(f, "  ", "start", val[PH_START]);
	key(f, "  ", "end", val[PH_END]);
	if (v->every > 0)
		key(f, "  ", "review_interval", val[PH_REVIEW_INTERVAL]);
	fputs("  reviews:\n", f);
	for (size_t i = 0; i < v->nreviews; i++)
		fprintf(f, "    - date: %s\n", new_date(&v->a, v->reviews[i]));
	if (v->nreviews == 0)
		fprintf(f, "    # - date: %s\n", mid);
	/* as a model, in the list's columns, but not to be taken in as
	 * it is: the meeting has not been */
	int32_t planned = v->nreviews ? v->reviews[0]
	    : v->start + (v->end - v->start) / 2;
	comment(f, "# ", "# ", l->sk_review_hint);
	fprintf(f, "#   - date: %s\n#     done: %s\n#     summary: |\n",
	    new_date(&v->a, planned), new_date(&v->a, planned + 2));
	comment(f, "#       ", "#       ", l->sk_review_summary);

	fputs("\n", f);
	new_item(f, v, 'h', v->compulsory ? l->sk_guide_h_compulsory
	    : l->sk_guide[7]);
	fprintf(f, "consent:\n"
	    "  plan:\n"
	    "    date:\n"
	    "    by:\n"
	    "    withdrawn:\n"
	    "  information_sharing:\n"
	    "    date:\n"
	    "    participants:\n"
	    "      # - %s\n"
	    "    until:\n"
	    "    withdrawn:\n", someone);

	fputs("\n", f);
	new_item(f, v, 'i', l->sk_guide[8]);
	fprintf(f, "cooperation:\n"
	    "  # - with: %s\n"
	    "  #   about: %s\n"
	    "  #   contact: %s\n", l->sk_with, l->sk_about, l->sk_contact);
}

/* --- templates ----------------------------------------------------------- */

/*
 * The placeholder at s, n bytes before the end: "{{", a name of lower-case
 * letters and underscores, "}}", with blanks allowed inside the braces.
 * Returns its length and stores where its name is, or returns 0.
 */
static size_t
placeholder(const char *s, size_t n, const char **name, size_t *len)
{
	size_t i = 2, j;

	if (n < 5 || s[0] != '{' || s[1] != '{')
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	for (j = i; j < n && ((s[j] >= 'a' && s[j] <= 'z') || s[j] == '_');)
		j++;
	*name = s + i;
	*len = j - i;
	while (j < n && s[j] == ' ')
		j++;
	if (*len == 0 || j + 1 >= n || s[j] != '}' || s[j + 1] != '}')
		return 0;
	return j + 2;
}

/*
 * The placeholders that may stand in one place only, as the whole value of
 * the person's own field: anywhere else (another field, a comment) they
 * would show the national id, or the birth date it holds, to whoever may
 * see that part of the plan.
 */
static const struct {
	enum ph ph;
	const char *field;	/* in person */
} confined[] = {
	{ PH_NATIONAL_ID, "national_id" },
	{ PH_BIRTH_DATE, "birth_date" },
};
#define NCONFINED (sizeof(confined) / sizeof(*confined))

/* Where each confined placeholder is in a template, in order. */
struct probes {
	struct probe {
		size_t off;	/* in the template */
		size_t c;	/* in confined[] */
		bool allowed;
	} *v;
	size_t n, cap;
};

/* The word written for the confined placeholder j: a plain YAML scalar,
 * which keeps the structure a value would give it. */
#define PROBE_SIZE 40
static const char *
probe_word(char w[PROBE_SIZE], size_t j)
{
	snprintf(w, PROBE_SIZE, "ip-new-probe-%zu", j);
	return w;
}

/*
 * Copies the template buf to f with each placeholder replaced by its value.
 * A placeholder left empty at the end of a line takes the blanks before it
 * along, so that no line ends in a blank.  Returns the placeholders used
 * (bits by enum ph), or -1 after adding to d where each unknown one is.
 * With pr, each confined placeholder is written instead as its
 * probe_word(), by its index in pr, where it is stored.
 */
static long
expand(FILE *f, const struct values *v, const char *buf, size_t len,
    struct ip_diags *d, struct probes *pr)
{
	long used = 0;
	size_t blanks = 0;	/* held back, not yet written */

	for (size_t i = 0, n; i < len; i += n) {
		const char *name;
		size_t k = 0, nlen;
		if ((n = placeholder(buf + i, len - i, &name, &nlen)) == 0) {
			n = 1;
			if (buf[i] == ' ') {
				blanks++;
				continue;
			}
			for (; blanks > 0; blanks--)
				putc(' ', f);
			putc(buf[i], f);
			continue;
		}
		while (k < PH_COUNT && (strlen(placeholders[k].name) != nlen
		    || strncmp(placeholders[k].name, name, nlen) != 0))
			k++;
		if (k == PH_COUNT) {
			ip_diag(d, ip_pos_at(buf, len, i), IP_R_TEMPLATE,
			    _("unknown placeholder '%.*s'"), (int)n, buf + i);
			used = -1;
			continue;
		}
		if (used >= 0)
			used |= 1L << k;
		const char *val = v->val[k];
		char word[PROBE_SIZE];
		for (size_t c = 0; pr != NULL && c < NCONFINED; c++)
			if (confined[c].ph == k) {
				pr->v = ip_grow(pr->v, &pr->cap, pr->n + 1,
				    sizeof(*pr->v));
				pr->v[pr->n] = (struct probe){ .off = i, .c = c };
				val = probe_word(word, pr->n++);
			}
		if (*val == '\0' && (i + n == len || buf[i + n] == '\n'
		    || buf[i + n] == '\r'))
			blanks = 0;
		for (; blanks > 0; blanks--)
			putc(' ', f);
		fputs(val, f);
	}
	for (; blanks > 0; blanks--)
		putc(' ', f);
	return used;
}

/* The value of key in the mapping m, or NULL. */
static const struct ip_ynode *
value_of(const struct ip_ynode *m, const char *key)
{
	if (m == NULL || m->kind != IP_Y_MAP)
		return NULL;
	for (const struct ip_ynode *k = m->first; k != NULL; k = k->next->next)
		if (strcmp(k->s, key) == 0)
			return k->next;
	return NULL;
}

/*
 * Adds to d where the template buf has a confined placeholder that is not
 * the whole value of its field.  To find out, the template is expanded
 * with a word in place of each, and parsed: one that is the field's value
 * is the one allowed there, and every other is refused.  A template that
 * does not parse so is left to the loader's checks.  Returns 0, or -1
 * after adding to d.
 */
static int
check_confined(const struct values *v, const char *buf, size_t len,
    struct ip_diags *d)
{
	struct probes pr = { 0 };
	struct ip_arena a = { 0 };
	char *text = NULL;
	size_t tlen = 0;
	int rc = 0;
	FILE *f = ip_xmemstream(&text, &tlen);

	expand(f, v, buf, len, d, &pr);
	ip_xmemstream_close(f);
	struct ip_diags *quiet = ip_diags_for("");
	const struct ip_ynode *root = ip_yaml_parse(text, tlen, &a, quiet);
	ip_diags_free(quiet);
	if (root == NULL)
		goto out;
	const struct ip_ynode *person = value_of(root, "person");
	for (size_t c = 0; c < NCONFINED; c++) {
		const struct ip_ynode *n = value_of(person, confined[c].field);
		char word[PROBE_SIZE];
		for (size_t j = 0; n != NULL && n->kind == IP_Y_SCALAR
		    && n->plain && j < pr.n; j++)
			if (pr.v[j].c == c && strcmp(n->s,
			    probe_word(word, j)) == 0)
				pr.v[j].allowed = true;
	}
	for (size_t j = 0; j < pr.n; j++) {
		if (pr.v[j].allowed)
			continue;
		const char *name;
		size_t nlen, n = placeholder(buf + pr.v[j].off,
		    len - pr.v[j].off, &name, &nlen);
		ip_diag(d, ip_pos_at(buf, len, pr.v[j].off), IP_R_TEMPLATE,
		    _("'%.*s' may go only as the value of person.%s"),
		    (int)n, buf + pr.v[j].off, confined[pr.v[j].c].field);
		rc = -1;
	}
out:
	ip_arena_free(&a);
	free(text);
	free(pr.v);
	return rc;
}

/* Every option given must reach the plan, through a placeholder that
 * carries it; and a template that names a coordinator needs one. */
static int
check_used(const struct values *v, long used, const char *path,
    const struct ip_err *err)
{
	unsigned carried = 0;

	if ((used & (1L << PH_COORDINATOR | 1L << PH_COORDINATOR_ID))
	    && !(v->given & O_COORDINATOR))
		return ip_fail(err, _("'%s' has a coordinator ({{%s}}): give "
		    "--coordinator"), path, placeholders[used &
		    (1L << PH_COORDINATOR_ID) ? PH_COORDINATOR_ID
		    : PH_COORDINATOR].name);

	for (size_t k = 0; k < PH_COUNT; k++)
		if (used & (1L << k))
			carried |= placeholders[k].options;
	for (size_t b = 0; b < sizeof(option_names) / sizeof(*option_names);
	    b++) {
		if (!(v->given & ~carried & (1u << b)))
			continue;
		size_t k = 0;
		while (!(placeholders[k].options & (1u << b)))
			k++;
		return ip_fail(err, _("'%s' has no {{%s}}: it would not hold "
		    "--%s"), path, placeholders[k].name, option_names[b]);
	}
	return 0;
}

/* --- writing ------------------------------------------------------------- */

/* A finding in a plan made from a template: field holds what the options
 * do not give; ph, if not NULL, is the placeholder to write instead. */
static void
not_given(struct ip_diags *d, struct ip_pos pos, const char *field,
    const char *ph)
{
	if (ph != NULL)
		ip_diag(d, pos, IP_R_TEMPLATE, _("'%s' is not what the options "
		    "give: use {{%s}}"), field, ph);
	else
		ip_diag(d, pos, IP_R_TEMPLATE, _("'%s' is filled in: a template "
		    "leaves it empty, for the plan to say"), field);
}

static bool
same_text(const struct ip_text *t, const char *want)
{
	return want == NULL ? t->s == NULL : t->s != NULL
	    && strcmp(t->s, want) == 0;
}

/* Unless t is want (NULL: empty), adds that field does not hold it. */
static void
text_is(struct ip_diags *d, const struct ip_text *t, const char *want,
    const char *field, const char *ph)
{
	if (!same_text(t, want))
		not_given(d, t->pos, field, ph);
}

/* Unless t is day (or empty, for set false), adds that it is not. */
static void
date_is(struct ip_diags *d, const struct ip_date *t, bool set, int32_t day,
    const char *field, const char *ph)
{
	if (t->set != set || (set && t->day != day))
		not_given(d, t->pos, field, ph);
}

static void
list_empty(struct ip_diags *d, const struct ip_list *l, const char *field)
{
	if (l->n > 0)
		not_given(d, l->pos, field, NULL);
}

/* Unless t is empty, adds that path, its field, is filled in. */
static void
empty_TEXT(struct ip_diags *d, const struct ip_text *t, const char *path)
{
	text_is(d, t, NULL, path, NULL);
}

static void
empty_BOOL(struct ip_diags *d, const struct ip_bool *b, const char *path)
{
	if (b->set)
		not_given(d, b->pos, path, NULL);
}

/* The rows of a table (fields.h) as a template is checked: those of s,
 * a struct of the plan whose path is WHERE ("person."). */
#define GIVEN_PH(map, key, type) given_##map##_##key(v, s, d);
#define GIVEN_EMPTY(map, key, type) GIVEN_EMPTY_##type(map, key)
#define GIVEN_EMPTY_TEXT(map, key) empty_TEXT(d, &s->key, WHERE #key);
#define GIVEN_EMPTY_BOOL(map, key) empty_BOOL(d, &s->key, WHERE #key);
#define GIVEN_EMPTY_MAP(map, key) given_##map##_##key(v, s, d);
#define GIVEN_NO(map, key, type)
#define GIVEN(map, key, type, sub, group, doc, xml, new, ...) \
	GIVEN_##new(map, key, type)

static void
given_person_name(const struct values *v, const struct ip_person *s,
    struct ip_diags *d)
{
	text_is(d, &s->name, v->o->name, "person.name", "name");
}

static void
given_person_national_id(const struct values *v, const struct ip_person *s,
    struct ip_diags *d)
{
	text_is(d, &s->national_id, v->o->national_id, "person.national_id",
	    "national_id");
}

static void
given_person_birth_date(const struct values *v, const struct ip_person *s,
    struct ip_diags *d)
{
	date_is(d, &s->birth_date, v->birth_set, v->birth,
	    "person.birth_date", "birth_date");
}

static void
given_person_contact(const struct values *v, const struct ip_person *ps,
    struct ip_diags *d)
{
	const struct ip_contact *s = &ps->contact;

	(void)v;
#define WHERE "person.contact."
	IP_CONTACT_FIELDS(GIVEN)
#undef WHERE
}

static void
given_person_care(const struct values *v, const struct ip_person *s,
    struct ip_diags *d)
{
	if (s->care.set && s->care.v != (v->compulsory ? IP_CARE_COMPULSORY
	    : IP_CARE_VOLUNTARY))
		not_given(d, s->care.pos, "person.care", "care");
}

/* The person's fields: those the options fill hold what they give, the
 * others are empty. */
static void
given_person(const struct values *v, const struct ip_person *s,
    struct ip_diags *d)
{
#define WHERE "person."
	IP_PERSON_FIELDS(GIVEN)
#undef WHERE
}

/*
 * Adds to d each field of p that holds something the options did not
 * give: p must be this person's plan, from the options, and no one's old
 * plan.  What the options fill must be what they give; the person's own
 * details, goals and consent must be empty; participants are the person
 * and the coordinator only.  What a service writes the same in every
 * plan (language, legal basis, the coordinator's organization and phone,
 * implementation, cooperation, comments) may stay.
 */
static void
check_given(const struct values *v, const struct ip_plan *p,
    struct ip_diags *d)
{
	const struct ip_new_opts *o = v->o;
	const struct ip_person *ps = &p->person;

	text_is(d, &p->id, o->id, "id", "id");
	if (p->closed.pos.line != 0)
		not_given(d, p->closed.pos, "closed", NULL);
	given_person(v, ps, d);

	list_empty(d, &p->goals.any, "goals");
	list_empty(d, &p->resources.any, "resources");
	list_empty(d, &p->needs.any, "needs");
	list_empty(d, &p->measures.any, "measures");

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		if (same_text(&q->id, v->person_id)) {
			text_is(d, &q->name, o->name, "participants.name",
			    "name");
			text_is(d, &q->phone, NULL, "participants.phone", NULL);
			text_is(d, &q->email, NULL, "participants.email", NULL);
			text_is(d, &q->contribution, NULL,
			    "participants.contribution", NULL);
		} else if (v->coordinator_id != NULL
		    && same_text(&q->id, v->coordinator_id))
			text_is(d, &q->name, o->coordinator,
			    "participants.name", "coordinator");
		else
			ip_diag(d, q->pos, IP_R_TEMPLATE, _("a participant not "
			    "given: a template names only the person "
			    "({{person_id}}) and the coordinator "
			    "({{coordinator_id}})"));
	}
	text_is(d, &p->coordinator, v->coordinator_id, "coordinator",
	    "coordinator_id");

	const struct ip_period *pd = &p->period;
	date_is(d, &pd->start, true, v->start, "period.start", "start");
	date_is(d, &pd->end, true, v->end, "period.end", "end");
	if (pd->review_interval.set != (v->every > 0) || (v->every > 0
	    && (pd->review_interval.n != v->every
	    || pd->review_interval.unit != v->unit)))
		not_given(d, pd->review_interval.pos, "period.review_interval",
		    "review_interval");
	for (size_t i = 0; i < pd->reviews.n; i++) {
		const struct ip_review *r = &pd->reviews.v[i];
		if (i >= v->nreviews || !r->date.set
		    || r->date.day != v->reviews[i])
			not_given(d, r->pos, "period.reviews", "reviews");
		date_is(d, &r->done, false, 0, "period.reviews.done", NULL);
		text_is(d, &r->summary, NULL, "period.reviews.summary", NULL);
	}
	if (pd->reviews.n < v->nreviews)
		not_given(d, pd->reviews.pos, "period.reviews", "reviews");

	const struct ip_consent *c = &p->consent;
	date_is(d, &c->plan.date, false, 0, "consent.plan.date", NULL);
	list_empty(d, &c->plan.by.any, "consent.plan.by");
	date_is(d, &c->plan.withdrawn, false, 0, "consent.plan.withdrawn",
	    NULL);
	list_empty(d, &c->information_sharing.any,
	    "consent.information_sharing");
}

/*
 * Loads the plan made (len bytes at buf) as any plan is loaded, and checks
 * that it holds what the options give and nothing of any person's own.
 * name is the template's display name, or "<ip-new>" for the skeleton.
 * Returns 0, or -1 after saying why.
 */
static int
verify(const struct values *v, const char *buf, size_t len,
    const char *name, const struct ip_err *err)
{
	struct ip_diags *d = ip_diags_new(name);
	struct ip_plan *p;
	int rc = 0;

	if (ip_plan_load_buf(buf, len, d, &p) != 0) {
		ip_diags_print(d, err->f, 0);
		rc = ip_fail(err, _("'%s' does not give a plan that loads"),
		    name);
	} else {
		check_given(v, p, d);
		if (d->n > 0) {
			ip_diags_print(d, err->f, 0);
			rc = -1;
		}
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}

/* Makes the plan in memory: the skeleton, or the template expanded, and
 * stores in *used the placeholders it has.  Returns 0, or -1 after saying
 * why. */
static int
make(struct values *v, char **buf, size_t *len, long *used,
    const struct ip_err *err)
{
	const char *path = v->o->template_file;
	FILE *f = ip_xmemstream(buf, len);
	char *tbuf = NULL;
	size_t tlen;
	int rc = 0;

	if (path == NULL)
		skeleton(f, v);
	else {
		struct ip_diags *d = ip_diags_for(path);
		if (ip_read_file(path, &tbuf, &tlen, d) != 0
		    || (*used = expand(f, v, tbuf, tlen, d, NULL)) < 0
		    || check_confined(v, tbuf, tlen, d) != 0) {
			ip_diags_print(d, err->f, 0);
			rc = -1;
		}
		ip_diags_free(d);
		free(tbuf);
	}
	ip_xmemstream_close(f);
	if (rc != 0) {
		free(*buf);
		*buf = NULL;
	}
	return rc;
}

int
ip_new_make(const struct ip_new_opts *o, const struct ip_err *err,
    char **bufp, size_t *lenp)
{
	struct values v = { .o = o };
	char *buf = NULL;
	size_t len = 0;
	int rc = -1;
	const char *name = o->template_file == NULL ? "<ip-new>"
	    : strcmp(o->template_file, "-") == 0 ? "<stdin>"
	    : o->template_file;

	*bufp = NULL;
	*lenp = 0;
	if (check_options(&v, err) != 0)
		goto out;
	render(&v);
	long used = 0;
	if (make(&v, &buf, &len, &used, err) != 0)
		goto out;
	if ((o->template_file != NULL && check_used(&v, used, name, err)
	    != 0) || verify(&v, buf, len, name, err) != 0)
		goto out;
	*bufp = buf;
	*lenp = len;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	ip_arena_free(&v.a);
	return rc;
}
