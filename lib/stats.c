/*
 * stats.c - ip-stats: how many plans are up to date, as of a day, for all
 * plans and for each coordinator, organisation, legal basis or language.
 *
 * Every figure is of the day, from the plan's dates: a plan is active on
 * the day its period has started by and it is not closed by, and only
 * the reviews done and the consents given by then count.  Each figure
 * comes from the code that decides it for the other commands:
 * ip_never_reviewed() and ip_review_overdue() as ip-review reports them,
 * ip_covering() (by ip_uncovered()) as the views decide who is covered,
 * ip_plan_check() and
 * ip_persons_again() as ip-validate checks.  The caller loads the plans
 * and adds them one at a time; what is kept is a row of counts for each
 * group and, for each plan with a valid national id, that and its groups,
 * to count a second plan for one person at the end.  The figures are
 * written to the stream given, as text, TSV, JSON or an HTML page;
 * nothing here prints on its own.
 */
#include "iplan.h"	/* ip_stats_start() ... */

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "due.h"
#include "html.h"
#include "i18n.h"
#include "labels.h"
#include "persons.h"
#include "view.h"

/* The figures, in the order of the TSV columns, then the parts of the
 * chart: each active plan is in one of them (see part()). */
enum count {
	F_PLANS, F_ACTIVE, F_CLOSED, F_EVALUATED, F_NEVER, F_OVERDUE,
	F_PERIOD, F_SHARING, F_INVALID, F_DRAFTS,
	NFIG,
	C_NEVER = NFIG, C_OVERDUE, C_EVALUATED, C_OTHER,
	NCOUNT
};

/* Every word that text and HTML show, in one table, translated where
 * used (word()).  The TSV and JSON names are not among them:
 * programs read those. */
enum word {
	W_TITLE, W_ALL, W_OF_PLANS, W_OF_ACTIVE,
	W_PLANS, W_ACTIVE, W_CLOSED, W_EVALUATED, W_NEVER, W_OVERDUE,
	W_PERIOD, W_SHARING, W_INVALID, W_DRAFTS,
	W_BY_COORDINATOR, W_BY_ORGANIZATION, W_BY_PARTICIPANT_ORGANIZATION,
	W_BY_LEGAL_BASIS, W_BY_LANGUAGE,
	W_NO_COORDINATOR, W_THE_PERSON, W_NO_ORGANIZATION, W_NO_LEGAL_BASIS,
	W_LANG_NB, W_LANG_NN, W_LANG_EN,
	W_GROUP, W_FIGURES, W_CHARTS, W_CHARTS_NOTE, W_PART_NEVER,
	W_PART_OVERDUE, W_PART_EVALUATED, W_PART_OTHER, W_KEY, W_NO_ACTIVE,
	W_COL_PLANS, W_COL_ACTIVE, W_COL_CLOSED, W_COL_EVALUATED, W_COL_NEVER,
	W_COL_OVERDUE, W_COL_PERIOD, W_COL_SHARING, W_COL_INVALID,
	W_COL_DRAFTS,
	NWORDS
};

static const char *const words[NWORDS] = {
	/* TRANSLATORS: the headings and labels of ip-stats' table and page;
	 * the title's %s is the day, written out as documents write it
	 * ("31. desember 2026"). */
	[W_TITLE] = N_("Individual plans as of %s"),
	[W_ALL] = N_("All plans"),
	[W_OF_PLANS] = N_("of plans"),
	[W_OF_ACTIVE] = N_("of active"),
	[W_PLANS] = N_("plans"),
	[W_ACTIVE] = N_("active"),
	[W_CLOSED] = N_("closed"),
	[W_EVALUATED] = N_("evaluated in the last 12 months"),
	[W_NEVER] = N_("never evaluated"),
	[W_OVERDUE] = N_("with review overdue"),
	[W_PERIOD] = N_("plan period ended"),
	[W_SHARING] = N_("consent to share expired or withdrawn"),
	[W_INVALID] = N_("with validation errors"),
	[W_DRAFTS] = N_("drafts, not counted as plans"),
	[W_BY_COORDINATOR] = N_("Coordinator"),
	[W_BY_ORGANIZATION] = N_("Organization"),
	[W_BY_PARTICIPANT_ORGANIZATION] = N_("Participant organization"),
	[W_BY_LEGAL_BASIS] = N_("Legal basis"),
	[W_BY_LANGUAGE] = N_("Language"),
	[W_NO_COORDINATOR] = N_("(no coordinator)"),
	[W_THE_PERSON] = N_("(the person)"),
	[W_NO_ORGANIZATION] = N_("(no organization)"),
	[W_NO_LEGAL_BASIS] = N_("(no legal basis)"),
	/* TRANSLATORS: the plan's language, a group of ip-stats --by
	 * language */
	[W_LANG_NB] = N_("Norwegian Bokmål"),
	[W_LANG_NN] = N_("Norwegian Nynorsk"),
	[W_LANG_EN] = N_("English"),
	[W_GROUP] = N_("Group"),
	[W_FIGURES] = N_("The figures"),
	[W_CHARTS] = N_("Reviews of the active plans"),
	[W_CHARTS_NOTE] = N_("Each active plan is counted in one part of its "
	    "bar: never evaluated first, then review overdue, then evaluated "
	    "in the last 12 months; the rest are other active plans."),
	[W_PART_NEVER] = N_("never evaluated"),
	[W_PART_OVERDUE] = N_("with review overdue"),
	[W_PART_EVALUATED] = N_("evaluated in the last 12 months"),
	[W_PART_OTHER] = N_("other active"),
	[W_KEY] = N_("Key"),
	[W_NO_ACTIVE] = N_("no active plans"),
	/* TRANSLATORS: the heads of the columns of ip-stats' text table,
	 * at most 8 characters each: the figures named in full above, in
	 * the key under the table. */
	[W_COL_PLANS] = N_("plans"),
	[W_COL_ACTIVE] = N_("active"),
	[W_COL_CLOSED] = N_("closed"),
	[W_COL_EVALUATED] = N_("eval 12m"),
	[W_COL_NEVER] = N_("never"),
	[W_COL_OVERDUE] = N_("overdue"),
	[W_COL_PERIOD] = N_("ended"),
	[W_COL_SHARING] = N_("sharing"),
	[W_COL_INVALID] = N_("invalid"),
	[W_COL_DRAFTS] = N_("drafts"),
};

/* A word, translated. */
static const char *
word(enum word w)
{
	return _(words[w]);
}

/* The figures: their names for programs, their words for people, the
 * head of their column in text, and what their share is of (NCOUNT:
 * none). */
static const struct {
	const char *name;
	enum word word, col;
	enum count base;
} figs[NFIG] = {
	[F_PLANS] = { "plans", W_PLANS, W_COL_PLANS, NCOUNT },
	[F_ACTIVE] = { "active", W_ACTIVE, W_COL_ACTIVE, F_PLANS },
	[F_CLOSED] = { "closed", W_CLOSED, W_COL_CLOSED, F_PLANS },
	[F_EVALUATED] = { "evaluated_12m", W_EVALUATED, W_COL_EVALUATED,
	    F_ACTIVE },
	[F_NEVER] = { "never_evaluated", W_NEVER, W_COL_NEVER, F_ACTIVE },
	[F_OVERDUE] = { "review_overdue", W_OVERDUE, W_COL_OVERDUE,
	    F_ACTIVE },
	[F_PERIOD] = { "period_ended", W_PERIOD, W_COL_PERIOD, F_ACTIVE },
	[F_SHARING] = { "sharing_expired", W_SHARING, W_COL_SHARING,
	    F_ACTIVE },
	[F_INVALID] = { "invalid", W_INVALID, W_COL_INVALID, F_PLANS },
	[F_DRAFTS] = { "drafts", W_DRAFTS, W_COL_DRAFTS, NCOUNT },
};

/* The parts of a chart, in the order drawn, and how each is drawn: a
 * fill of its own lightness, so that greyscale print tells them apart,
 * and a hatching on the review overdue. */
static const struct {
	enum count count;
	enum word word;
	const char *fill;
	bool hatched;
} parts[] = {
	{ C_EVALUATED, W_PART_EVALUATED, "#08306b", false },
	{ C_OVERDUE, W_PART_OVERDUE, "#f16913", true },
	{ C_NEVER, W_PART_NEVER, "#fdd0a2", false },
	{ C_OTHER, W_PART_OTHER, "#ffffff", false },
};
#define NPARTS (sizeof(parts) / sizeof(parts[0]))

const char *const ip_stats_by_words[] = { "coordinator", "organization",
	"legal-basis", "language", "participant-organization", NULL };
const char *const ip_stats_formats[] = { "text", "tsv", "json", "html",
	NULL };

/* Groups that are not a name from the plans sort after those that are:
 * the person as coordinator, then none.  Programs read them as these. */
enum class { NAMED, PERSON, NONE };
static const char *const class_names[] = { NULL, "(the person)", "(none)" };

struct group {
	char *key;		/* NAMED: the name, as in the plans */
	enum class class;
	size_t n[NCOUNT];
};

/* A plan with a valid national id, to count a later plan for the same
 * person as ip-validate's rule one-plan does. */
struct seen {
	struct ip_person_seen who;
	uint32_t group;		/* its first group in member */
	uint32_t ngroups;	/* how many, or INVALID: counted as invalid
				   already */
};
#define INVALID UINT32_MAX

struct ip_stats_run {
	struct ip_stats_opts o;
	int32_t year_ago;	/* evaluated after this day ... */
	pthread_mutex_t mu;	/* guards everything below */
	struct group all;
	struct group *groups;
	size_t ngroups, capgroups;
	size_t *tab;		/* indexes + 1 into groups by hash, 0
				   free: a power of two of slots, at most
				   half full */
	size_t captab;
	struct seen *seen;	/* the plans with a valid national id */
	size_t nseen, capseen;
	uint32_t *member;	/* their groups, by index, seen[i].ngroups
				   from seen[i].group */
	size_t nmember, capmember;
};

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of the group key of class c, or of the free slot for it. */
static size_t *
slot(struct ip_stats_run *r, const char *key, enum class c)
{
	size_t j = (c == NAMED ? hash(key) : c) & (r->captab - 1);
	for (;; j = (j + 1) & (r->captab - 1)) {
		const struct group *g = r->tab[j] ? &r->groups[r->tab[j] - 1]
		    : NULL;
		if (g == NULL || (g->class == c && (c != NAMED
		    || strcmp(g->key, key) == 0)))
			return &r->tab[j];
	}
}

/* The group key of class c, made when first met.  Called with r->mu
 * held. */
static struct group *
group(struct ip_stats_run *r, const char *key, enum class c)
{
	if (2 * (r->ngroups + 1) > r->captab) {
		size_t *old = r->tab, cap = r->captab;
		r->captab = cap ? 2 * cap : 64;
		r->tab = ip_xcalloc(r->captab, sizeof(*r->tab));
		for (size_t i = 0; i < cap; i++)
			if (old[i] != 0) {
				const struct group *g = &r->groups[old[i] - 1];
				*slot(r, g->key, g->class) = old[i];
			}
		free(old);
	}
	size_t *s = slot(r, key, c);
	if (*s == 0) {
		r->groups = ip_grow(r->groups, &r->capgroups, r->ngroups + 1,
		    sizeof(*r->groups));
		struct group *g = &r->groups[r->ngroups++];
		*g = (struct group){ .key = ip_xstrdup(c == NAMED ? key : ""),
		    .class = c };
		*s = r->ngroups;
	}
	return &r->groups[*s - 1];
}

static void
count(struct group *g, const bool in[NCOUNT])
{
	for (int i = 0; i < NCOUNT; i++)
		g->n[i] += in[i];
}

/* --- what a plan counts in ----------------------------------------------- */

/* True if a participant that a consent to share given by today names is
 * covered by none today (ip_uncovered()): it ran out or was withdrawn,
 * or the consent to the plan was, and none took its place. */
static bool
sharing_ended(const struct ip_plan *p, int32_t today)
{
	const union ip_consent_sharing_list *l = &p->consent.information_sharing;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].date.set && l->v[i].date.day <= today
		    && ip_uncovered(p, &l->v[i], today) != NULL)
			return true;
	return false;
}

/* Which figures p counts in as of today, and which part of the chart. */
static void
figures(const struct ip_stats_run *r, const struct ip_plan *p, bool invalid,
    bool in[NCOUNT])
{
	const int32_t today = r->o.today;
	const struct ip_period *pe = &p->period;
	bool active = ip_plan_active_on(p, today);

	if (ip_plan_draft(p)) {	/* a plan being written is none yet */
		in[F_DRAFTS] = true;
		return;
	}
	in[F_PLANS] = true;
	in[F_ACTIVE] = active;
	in[F_CLOSED] = ip_plan_closed_on(p, today);
	in[F_INVALID] = invalid;
	if (!active)
		return;
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    &pe->reviews.v[i];
		if (rv->done.set && rv->done.day > r->year_ago
		    && rv->done.day <= today)
			in[F_EVALUATED] = true;
	}
	in[F_NEVER] = ip_never_reviewed(p, today);
	in[F_OVERDUE] = ip_review_overdue(p, today);
	in[F_PERIOD] = pe->end.set && pe->end.day < today;
	in[F_SHARING] = sharing_ended(p, today);
	in[in[F_NEVER] ? C_NEVER : in[F_OVERDUE] ? C_OVERDUE
	    : in[F_EVALUATED] ? C_EVALUATED : C_OTHER] = true;
}

/* The coordinator's name and, if there is one, address, as "name
 * <address>", each with < and > made ?, so that only a real address is
 * ever shown in angle brackets; in buf, which the caller frees. */
static char *
coordinator_key(const struct ip_participant *c)
{
	const char *name = c->name.s != NULL ? c->name.s
	    : c->id.s != NULL ? c->id.s : "";
	const char *email = c->email.s != NULL ? c->email.s : "";
	size_t n = strlen(name), m = strlen(email);
	char *buf = ip_xmalloc(n + m + 4);

	memcpy(buf, name, n);
	memcpy(buf + n + 2, email, m);
	for (size_t i = 0; i < n + m + 2; i++)
		if ((i < n || i >= n + 2) && (buf[i] == '<' || buf[i] == '>'))
			buf[i] = '?';
	if (m == 0)
		buf[n] = '\0';
	else {
		memcpy(buf + n, " <", 2);
		memcpy(buf + n + m + 2, ">", 2);
	}
	return buf;
}

/* The groups p counts in, each once however often p names it, as
 * indexes into r->groups in gi (at least p's participants and legal
 * bases + 1 of them): how many.  Called with r->mu held. */
static size_t
groups_of(struct ip_stats_run *r, const struct ip_plan *p, size_t *gi)
{
	const struct ip_list *l = NULL;
	struct group *g = NULL;
	size_t n = 0;

	switch (r->o.by) {
	case IP_BY_NONE:
		return 0;
	case IP_BY_COORDINATOR: {
		const struct ip_participant *c = ip_plan_coordinator(p);
		if (c == NULL)
			g = group(r, NULL, NONE);
		else if (c->role.set && c->role.v == IP_ROLE_PERSON)
			/* never named */
			g = group(r, NULL, PERSON);
		else {
			char *key = coordinator_key(c);
			g = group(r, key, NAMED);
			free(key);
		}
		break;
	}
	case IP_BY_ORGANIZATION: {
		/* the coordinator's; the person's own would name them */
		const struct ip_participant *c = ip_plan_coordinator(p);
		if (c != NULL && c->role.set && c->role.v == IP_ROLE_PERSON)
			g = group(r, NULL, PERSON);
		else if (c == NULL || c->organization.s == NULL)
			g = group(r, NULL, NONE);
		else
			g = group(r, c->organization.s, NAMED);
		break;
	}
	case IP_BY_LANGUAGE:
		g = group(r, ip_vocab_lang[p->language.set ? p->language.v
		    : IP_LANG_NB], NAMED);
		break;
	case IP_BY_PARTICIPANT_ORGANIZATION:
	case IP_BY_LEGAL_BASIS:
		l = r->o.by == IP_BY_LEGAL_BASIS ? &p->legal_basis.any
		    : &p->participants.any;
		break;
	}
	if (g != NULL) {
		gi[0] = (size_t)(g - r->groups);
		return 1;
	}
	for (size_t i = 0; i < l->n; i++) {
		const char *key;
		if (r->o.by == IP_BY_LEGAL_BASIS)
			key = p->legal_basis.v[i].s;
		else {
			const struct ip_participant *q =
			    &p->participants.v[i];
			/* the person's own organisation would name them */
			key = q->role.set && q->role.v == IP_ROLE_PERSON
			    ? NULL : q->organization.s;
		}
		if (key == NULL)
			continue;
		size_t k = (size_t)(group(r, key, NAMED) - r->groups);
		bool twice = false;
		for (size_t j = 0; j < n && !twice; j++)
			twice = gi[j] == k;
		if (!twice)
			gi[n++] = k;
	}
	if (n == 0)
		gi[n++] = (size_t)(group(r, NULL, NONE) - r->groups);
	return n;
}

/* Keeps what it takes to count p as invalid if a plan for the same
 * person comes before it: its national id, order, and groups (the n at
 * gi) unless it is invalid already.  Called with r->mu held. */
static void
remember(struct ip_stats_run *r, const struct ip_plan *p, size_t index,
    bool invalid, const size_t *gi, size_t n)
{
	struct ip_person_seen who;
	if (!ip_plan_person(p, index, &who))
		return;
	if (invalid)
		n = 0;
	r->member = ip_grow(r->member, &r->capmember, r->nmember + n,
	    sizeof(*r->member));
	r->seen = ip_grow(r->seen, &r->capseen, r->nseen + 1,
	    sizeof(*r->seen));
	/* fewer groups than the memory they take: below 2^32 */
	r->seen[r->nseen++] = (struct seen){ who, (uint32_t)r->nmember,
	    invalid ? INVALID : (uint32_t)n };
	for (size_t i = 0; i < n; i++)
		r->member[r->nmember++] = (uint32_t)gi[i];
}

void
ip_stats_add(struct ip_stats_run *r, const struct ip_plan *p, size_t index)
{
	struct ip_diags *d = ip_diags_new(p->file != NULL ? p->file : "");
	bool in[NCOUNT] = { false };
	size_t *gi = ip_xcalloc(p->participants.n + p->legal_basis.n + 1,
	    sizeof(*gi));

	ip_plan_check(p, r->o.today, d);
	figures(r, p, ip_diags_errors(d) > 0, in);
	ip_diags_free(d);
	pthread_mutex_lock(&r->mu);
	count(&r->all, in);
	size_t n = groups_of(r, p, gi);
	for (size_t i = 0; i < n; i++)
		count(&r->groups[gi[i]], in);
	/* a later plan for its person is one too many, but the draft
	 * itself is not counted among the plans with errors */
	remember(r, p, index, in[F_INVALID] || in[F_DRAFTS], gi, n);
	pthread_mutex_unlock(&r->mu);
	free(gi);
}

/* A plan for a person who has a plan found before it is invalid, as
 * ip-validate reports it, where it is not already. */
static void
again(void *ctx, const void *later, const void *first)
{
	struct ip_stats_run *r = ctx;
	const struct seen *s = later;

	(void)first;
	if (s->ngroups == INVALID)
		return;
	r->all.n[F_INVALID]++;
	for (uint32_t i = 0; i < s->ngroups; i++)
		r->groups[r->member[s->group + i]].n[F_INVALID]++;
}

/* --- writing ------------------------------------------------------------- */

enum esc { ESC_NONE, ESC_TSV, ESC_JSON, ESC_HTML };

/* Writes s as ip_clean_step() shows it, escaped for the format. */
static void
put(FILE *f, const char *s, enum esc e)
{
	if (e == ESC_NONE || e == ESC_TSV) {
		(e == ESC_TSV ? ip_fputs_cell : ip_fputs_clean)(s, f);
		return;
	}
	while (*s != '\0') {
		const char *instead;
		size_t n = ip_clean_step(s, &instead);
		const char *t = instead != NULL ? instead : s;
		size_t tn = instead != NULL ? strlen(instead) : n;
		if (e == ESC_HTML)
			ip_html_escape(f, t, tn);
		for (size_t i = 0; e == ESC_JSON && i < tn; i++) {
			if (t[i] == '"' || t[i] == '\\')
				putc('\\', f);
			putc(t[i], f);
		}
		s += n;
	}
}

/* The group's name as programs read it. */
static void
put_key(FILE *f, const struct group *g, enum esc e)
{
	put(f, g->class == NAMED ? g->key : class_names[g->class], e);
}

/* The group's name as people read it. */
static void
put_label(FILE *f, const struct ip_stats_run *r, const struct group *g,
    enum esc e)
{
	static const enum word none[] = { [IP_BY_COORDINATOR] =
	    W_NO_COORDINATOR, [IP_BY_ORGANIZATION] = W_NO_ORGANIZATION,
	    [IP_BY_PARTICIPANT_ORGANIZATION] = W_NO_ORGANIZATION,
	    [IP_BY_LEGAL_BASIS] = W_NO_LEGAL_BASIS };

	static const enum word langs[] = { [IP_LANG_NB] = W_LANG_NB,
	    [IP_LANG_NN] = W_LANG_NN, [IP_LANG_EN] = W_LANG_EN };

	if (g == &r->all)
		put(f, word(W_ALL), e);
	else if (g->class == NAMED && r->o.by == IP_BY_LEGAL_BASIS)
		put(f, ip_labels_law(ip_labels_messages(), g->key), e);
	else if (g->class == NAMED && r->o.by == IP_BY_LANGUAGE)
		put(f, word(langs[ip_vocab_index(ip_vocab_lang, g->key)]), e);
	else if (g->class == NAMED)
		put(f, g->key, e);
	else
		put(f, word(g->class == PERSON ? W_THE_PERSON
		    : none[r->o.by]), e);
}

static const enum word by_words[] = { [IP_BY_COORDINATOR] =
	W_BY_COORDINATOR, [IP_BY_ORGANIZATION] = W_BY_ORGANIZATION,
	[IP_BY_LEGAL_BASIS] = W_BY_LEGAL_BASIS, [IP_BY_LANGUAGE] =
	W_BY_LANGUAGE, [IP_BY_PARTICIPANT_ORGANIZATION] =
	W_BY_PARTICIPANT_ORGANIZATION };

static void
write_tsv(const struct ip_stats_run *r, FILE *f)
{
	fputs("group", f);
	for (int i = 0; i < NFIG; i++)
		fprintf(f, "\t%s", figs[i].name);
	putc('\n', f);
	for (size_t k = 0; k <= r->ngroups; k++) {
		const struct group *g = k == 0 ? &r->all : &r->groups[k - 1];
		if (k == 0)
			fputs("all", f);
		else
			put_key(f, g, ESC_TSV);
		for (int i = 0; i < NFIG; i++)
			fprintf(f, "\t%zu", g->n[i]);
		putc('\n', f);
	}
}

static void
json_figures(const struct group *g, FILE *f)
{
	for (int i = 0; i < NFIG; i++)
		fprintf(f, "%s\"%s\": %zu", i > 0 ? ", " : "", figs[i].name,
		    g->n[i]);
}

static void
write_json(const struct ip_stats_run *r, FILE *f)
{
	char date[11];

	fprintf(f, "{\"today\": \"%s\", \"by\": ",
	    ip_date_format(r->o.today, date));
	if (r->o.by == IP_BY_NONE)
		fputs("null", f);
	else
		fprintf(f, "\"%s\"", ip_stats_by_words[r->o.by - 1]);
	fputs(",\n \"totals\": {", f);
	json_figures(&r->all, f);
	fputs("},\n \"groups\": [", f);
	for (size_t k = 0; k < r->ngroups; k++) {
		fputs(k > 0 ? ",\n  {\"group\": \"" : "\n  {\"group\": \"", f);
		put_key(f, &r->groups[k], ESC_JSON);
		fputs("\", ", f);
		json_figures(&r->groups[k], f);
		putc('}', f);
	}
	fputs(r->ngroups > 0 ? "\n ]}\n" : "]}\n", f);
}

/* n as a share of the figure's base, if it has one that is not 0, in
 * tenths of a per cent, rounded half to even as printf rounds: written
 * as the messages' language writes a decimal fraction. */
static bool
share(const struct group *g, int i, unsigned long *tenths)
{
	if (figs[i].base == NCOUNT || g->n[figs[i].base] == 0)
		return false;
	unsigned long long n = 1000ULL * g->n[i], base = g->n[figs[i].base];
	unsigned long long q = n / base, rem = n % base;
	if (2 * rem > base || (2 * rem == base && q % 2 == 1))
		q++;
	*tenths = (unsigned long)q;
	return true;
}

/* The title, word(W_TITLE) with the date in its slot: a label, not a
 * printf format. */
static void
stats_title(FILE *f, const char *date)
{
	const char *lab = word(W_TITLE), *slot = strstr(lab, "%s");

	if (slot == NULL)
		fputs(lab, f);
	else
		fprintf(f, "%.*s%s%s", (int)(slot - lab), lab, date, slot + 2);
}

/* The columns s takes on a terminal: its characters, not its bytes
 * (the labels are in the messages' language, letters of Latin script). */
static int
width(const char *s)
{
	return (int)ip_utf8_chars(s, strlen(s));
}

/* The text table's width at most, and its first column's at least. */
#define TEXT_COLUMNS	99
#define GROUP_MIN	12

/* The bytes of s that fill at most w columns, cut after a space if
 * there is one, so that a name wraps between words (a word wider than
 * w is cut); at least one character. */
static size_t
fit(const char *s, int w)
{
	size_t n = 0, space = 0;
	int cols = 0;

	while (s[n] != '\0') {
		size_t c = 1;
		while (((unsigned char)s[n + c] & 0xc0) == 0x80)
			c++;
		if (cols + 1 > w && n > 0)
			return s[n] == ' ' ? n : space > 0 ? space : n;
		if (s[n] == ' ')
			space = n + 1;
		cols++;
		n += c;
	}
	return n;
}

/* The group's name as people read it, as put_label() writes it: the
 * caller frees it. */
static char *
label(const struct ip_stats_run *r, const struct group *g)
{
	char *s = NULL;
	size_t n = 0;
	FILE *m = open_memstream(&s, &n);

	if (m == NULL)
		ip_limit("memory for a group's name");
	put_label(m, r, g, ESC_NONE);
	fclose(m);
	return s;
}

/* One table: a row for all plans and one for each group, a column for
 * each figure, as the TSV; the heads of the columns in full in a key
 * under it.  No line is wider than TEXT_COLUMNS: if a group's name is
 * wider than what the figures leave for it, every group's name is on a
 * line of its own (wrapped between words, the rest of it indented) and
 * its figures on the line under it, so that no word is cut and no line
 * of a name is taken for another group's. */
static void
write_text(const struct ip_stats_run *r, FILE *f)
{
	char date[IP_LONG_DATE], num[32], *name;
	const char *head = word(r->o.by == IP_BY_NONE ? W_GROUP
	    : by_words[r->o.by]);
	int wcol[NFIG], wgroup = width(head), wnums = 0, wkey = 0;
	bool key = false;

	for (int i = 0; i < NFIG; i++) {
		int w = width(word(figs[i].col));
		int n = snprintf(num, sizeof(num), "%zu", r->all.n[i]);
		wcol[i] = w > n ? w : n;
		wnums += 2 + wcol[i];
		wkey = w > wkey ? w : wkey;
		key |= strcmp(word(figs[i].col), word(figs[i].word)) != 0;
	}
	for (size_t k = 0; k <= r->ngroups; k++) {
		name = label(r, k == 0 ? &r->all : &r->groups[k - 1]);
		int w = width(name);
		wgroup = w > wgroup ? w : wgroup;
		free(name);
		name = NULL;
	}
	bool above = wgroup > TEXT_COLUMNS - wnums;
	if (above)
		wgroup = GROUP_MIN;
	stats_title(f, ip_labels_date(ip_labels_messages(), r->o.today, date));
	fputs("\n\n", f);
	if (above && width(head) > wgroup)	/* as the names are */
		fprintf(f, "%s\n%*s", head, wgroup, "");
	else
		fprintf(f, "%s%*s", head, wgroup - width(head), "");
	for (int i = 0; i < NFIG; i++) {
		const char *h = word(figs[i].col);
		fprintf(f, "  %*s%s", wcol[i] - width(h), "", h);
	}
	putc('\n', f);
	for (size_t k = 0; k <= r->ngroups; k++) {
		const struct group *g = k == 0 ? &r->all : &r->groups[k - 1];
		name = label(r, g);
		int pad = wgroup;
		if (above) {
			int indent = 0;
			for (const char *s = name; *s != '\0'; indent = 2) {
				size_t n = fit(s, TEXT_COLUMNS - indent);
				size_t shown = n;
				while (shown > 0 && s[shown - 1] == ' ')
					shown--;
				fprintf(f, "%*s%.*s\n", indent, "", (int)shown,
				    s);
				for (s += n; *s == ' '; s++)
					;
			}
		} else {
			fputs(name, f);
			pad -= width(name);
		}
		for (int i = 0; i < NFIG; i++)
			fprintf(f, "%*s  %*zu", i == 0 ? pad : 0, "", wcol[i],
			    g->n[i]);
		putc('\n', f);
		free(name);
		name = NULL;
	}
	for (int i = 0; i < NFIG; i++) {
		const char *h = word(figs[i].col), *w = word(figs[i].word);
		if (strcmp(h, w) == 0)
			continue;
		if (key) {
			putc('\n', f);
			key = false;
		}
		fprintf(f, "%s%*s  %s\n", h, wkey - width(h), "", w);
	}
}

/* --- HTML ---------------------------------------------------------------- */

static const char html_style[] =
    "body { font-family: sans-serif; color: #000; background: #fff;\n"
    "  margin: 2em auto; max-width: 72em; padding: 0 1em; }\n"
    "table { border-collapse: collapse; margin: 1em 0; }\n"
    "caption { text-align: left; font-weight: bold; padding: .3em 0; }\n"
    "th, td { border: 1px solid #595959; padding: .25em .5em; }\n"
    "thead th { vertical-align: bottom; }\n"
    "td { text-align: right; font-variant-numeric: tabular-nums; }\n"
    "tbody th { text-align: left; font-weight: normal; }\n"
    "td span { display: block; font-size: .85em; }\n"
    "figure { margin: 1em 0; break-inside: avoid; }\n"
    "figure svg { display: block; width: 100%; max-width: 40em; "
    "height: 1.5em; }\n"
    ".key { list-style: none; padding: 0; }\n"
    ".key li { display: inline-block; margin-right: 1.5em; }\n"
    ".key svg { width: 1em; height: 1em; vertical-align: middle; }\n"
    "@media print {\n"
    "  body { margin: 0; max-width: none; font-size: 10pt; }\n"
    "  table, figure { break-inside: avoid; }\n"
    "  svg { print-color-adjust: exact; "
    "-webkit-print-color-adjust: exact; }\n"
    "}\n";

/* The fill of a part, in an SVG whose hatching has the id id. */
static void
html_fill(FILE *f, size_t part, const char *id)
{
	if (parts[part].hatched)
		fprintf(f, "url(#%s)", id);
	else
		fputs(parts[part].fill, f);
}

/* The hatching of a part, as a pattern with the id id: each SVG has its
 * own, as ids are unique in a page. */
static void
html_defs(FILE *f, size_t part, const char *id)
{
	fprintf(f, "<defs><pattern id=\"%s\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" "
	    "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" "
	    "fill=\"%s\"/><rect width=\"2\" height=\"6\" fill=\"#000\"/>"
	    "</pattern></defs>", id, parts[part].fill);
}

/* The part that is hatched. */
static size_t
hatched_part(void)
{
	for (size_t i = 0; i < NPARTS; i++)
		if (parts[i].hatched)
			return i;
	return 0;
}

static void
html_chart(const struct ip_stats_run *r, const struct group *g, size_t k,
    FILE *f)
{
	const size_t width = 600, active = g->n[F_ACTIVE];
	size_t cum = 0, x = 0;
	char id[32];

	snprintf(id, sizeof(id), "hatch%zu", k);
	fprintf(f, "<figure>\n<svg role=\"img\" aria-labelledby=\"chart%zu\" "
	    "viewBox=\"0 0 %zu 24\" preserveAspectRatio=\"none\">", k, width);
	html_defs(f, hatched_part(), id);
	fprintf(f, "<rect x=\"0.5\" y=\"0.5\" width=\"%zu\" height=\"23\" "
	    "fill=\"#fff\" stroke=\"#000\"/>", width - 1);
	for (size_t i = 0; i < NPARTS && active > 0; i++) {
		cum += g->n[parts[i].count];
		size_t end = (cum * width + active / 2) / active;
		if (end > x) {
			fprintf(f, "<rect x=\"%zu\" y=\"0\" width=\"%zu\" "
			    "height=\"24\" fill=\"", x, end - x);
			html_fill(f, i, id);
			fputs("\" stroke=\"#000\"/>", f);
		}
		x = end;
	}
	fprintf(f, "</svg>\n<figcaption id=\"chart%zu\">", k);
	put_label(f, r, g, ESC_HTML);
	if (active == 0)
		fprintf(f, ": %s", word(W_NO_ACTIVE));
	else {
		fputs(": ", f);
		fprintf(f, P_("%zu active plan", "%zu active plans", active),
		    active);
		fputs(": ", f);
		for (size_t i = 0; i < NPARTS; i++)
			fprintf(f, "%s%zu %s", i > 0 ? ", " : "",
			    g->n[parts[i].count], word(parts[i].word));
	}
	fputs(".</figcaption>\n</figure>\n", f);
}

static void
html_key(FILE *f)
{
	fprintf(f, "<p>%s</p>\n<ul class=\"key\" aria-label=\"%s\">\n",
	    word(W_CHARTS_NOTE), word(W_KEY));
	for (size_t i = 0; i < NPARTS; i++) {
		char id[32];
		snprintf(id, sizeof(id), "key%zu", i);
		fputs("<li><svg aria-hidden=\"true\" "
		    "viewBox=\"0 0 12 12\">", f);
		if (parts[i].hatched)
			html_defs(f, i, id);
		fputs("<rect x=\"0.5\" y=\"0.5\" width=\"11\" height=\"11\" "
		    "fill=\"", f);
		html_fill(f, i, id);
		fprintf(f, "\" stroke=\"#000\"/></svg> %s</li>\n",
		    word(parts[i].word));
	}
	fputs("</ul>\n", f);
}

static void
write_html(const struct ip_stats_run *r, FILE *f)
{
	const struct ip_labels *l = ip_labels_messages();
	char date[IP_LONG_DATE], *title = NULL;
	size_t n;

	ip_labels_date(l, r->o.today, date);
	FILE *tf = ip_xmemstream(&title, &n);
	stats_title(tf, date);
	ip_xmemstream_close(tf);
	ip_html_start(f, l->code, title, html_style, NULL);
	fputs("<h1>", f);
	ip_html_escape(f, title, n);
	free(title);
	fputs("</h1>\n<table>\n<caption>", f);
	fputs(word(W_FIGURES), f);
	fputs("</caption>\n<thead>\n<tr><th scope=\"col\">", f);
	fputs(word(r->o.by == IP_BY_NONE ? W_GROUP : by_words[r->o.by]),
	    f);
	fputs("</th>", f);
	for (int i = 0; i < NFIG; i++)
		fprintf(f, "<th scope=\"col\">%s</th>", word(figs[i].word));
	fputs("</tr>\n</thead>\n<tbody>\n", f);
	for (size_t k = 0; k <= r->ngroups; k++) {
		const struct group *g = k == 0 ? &r->all : &r->groups[k - 1];
		fputs("<tr><th scope=\"row\">", f);
		put_label(f, r, g, ESC_HTML);
		fputs("</th>", f);
		for (int i = 0; i < NFIG; i++) {
			unsigned long t;
			fprintf(f, "<td>%zu", g->n[i]);
			if (share(g, i, &t)) {
				fputs("<span>", f);
				/* TRANSLATORS: as "  %3lu.%lu%% %s", in a cell
				 * of ip-stats' HTML page. */
				fprintf(f, _("%lu.%lu%% %s"), t / 10, t % 10,
				    word(figs[i].base == F_PLANS ? W_OF_PLANS
				    : W_OF_ACTIVE));
				fputs("</span>", f);
			}
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fprintf(f, "</tbody>\n</table>\n<h2>%s</h2>\n", word(W_CHARTS));
	html_key(f);
	for (size_t k = 0; k <= r->ngroups; k++)
		html_chart(r, k == 0 ? &r->all : &r->groups[k - 1], k, f);
	ip_html_end(f);
}

/* --- the run ------------------------------------------------------------- */

/* Groups named from the plans by their bytes, then the person, then
 * none. */
static int
by_key(const void *a, const void *b)
{
	const struct group *x = a, *y = b;
	if (x->class != y->class)
		return x->class < y->class ? -1 : 1;
	return x->class == NAMED ? strcmp(x->key, y->key) : 0;
}

struct ip_stats_run *
ip_stats_start(const struct ip_stats_opts *o)
{
	struct ip_stats_run *r = ip_xcalloc(1, sizeof(*r));

	r->o = *o;
	r->year_ago = ip_date_add(o->today, -1, 'y');
	pthread_mutex_init(&r->mu, NULL);
	return r;
}

void
ip_stats_finish(struct ip_stats_run *r, FILE *out)
{
	/* before the groups are sorted: seen holds their indexes */
	ip_persons_again(r->seen, r->nseen, sizeof(*r->seen), again, r);
	if (r->ngroups > 1)
		qsort(r->groups, r->ngroups, sizeof(*r->groups), by_key);
	switch (r->o.format) {
	case IP_STATS_TEXT:
		write_text(r, out);
		break;
	case IP_STATS_TSV:
		write_tsv(r, out);
		break;
	case IP_STATS_JSON:
		write_json(r, out);
		break;
	case IP_STATS_HTML:
		write_html(r, out);
		break;
	}
	pthread_mutex_destroy(&r->mu);
	for (size_t i = 0; i < r->ngroups; i++)
		free(r->groups[i].key);
	free(r->groups);
	free(r->tab);
	free(r->seen);
	free(r->member);
	free(r);
}
