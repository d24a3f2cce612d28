/*
 * export_doc.c - ip-export's documents: the plan as a CommonMark node
 * tree, rendered by cmark as Markdown or as a standalone HTML page.
 *
 * The text of the plan enters the tree and leaves it only through the
 * safe-CommonMark layer (safe_md.h): plain text values as text nodes,
 * free-text (md) values parsed and made safe, the whole shown as
 * ip_shown_text() shows it.  What is built here of the document's own
 * words (headings, labels, the spans that mark the plan's language, the
 * table and timeline of the HTML page) is markup of its own.  The HTML
 * page is the shell of html.h around the body cmark renders.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "doc.h"
#include "due.h"
#include "nid.h"
#include "persons.h"

/* --- the plan's own text in the plan's language ------------------------- */

/* The block container for text from the plan below parent: in HTML a
 * div in the plan's language when the labels are in another. */
static cmark_node *
user_block(struct ip_doc *d, cmark_node *parent)
{
	if (d->lang == NULL)
		return parent;
	return ip_md_wrap(parent, CMARK_NODE_CUSTOM_BLOCK,
	    ip_arena_printf(&d->a, "<div lang=\"%s\">", d->lang), "</div>");
}

/*
 * Appends the CommonMark text s to parent, which sits below a heading of
 * level base, as ip_md_free_text() makes it.  With name, the text starts
 * with "**name:**": in its first paragraph, or in one of its own if it
 * starts otherwise.
 */
static void
md(struct ip_doc *d, cmark_node *parent, const char *name, const char *s,
    int base)
{
	cmark_node *doc = ip_md_free_text(&d->md, s, base), *c;

	if (name != NULL) {
		cmark_node *p = cmark_node_first_child(doc);
		if (p == NULL
		    || cmark_node_get_type(p) != CMARK_NODE_PARAGRAPH) {
			p = cmark_node_new(CMARK_NODE_PARAGRAPH);
			cmark_node_prepend_child(doc, p);
		}
		if (cmark_node_first_child(p) != NULL) {
			c = cmark_node_new(CMARK_NODE_TEXT);
			cmark_node_set_literal(c, " ");
			cmark_node_prepend_child(p, c);
		}
		cmark_node *lab = ip_doc_strong(d, name);
		if (d->lang != NULL) {	/* the label in the labels' language */
			cmark_node *w = ip_md_wrap(NULL,
			    CMARK_NODE_CUSTOM_INLINE, ip_arena_printf(&d->a,
			    "<span lang=\"%s\">", d->l->code), "</span>");
			cmark_node_append_child(w, lab);
			lab = w;
		}
		cmark_node_prepend_child(p, lab);
	}
	if (cmark_node_first_child(doc) != NULL)
		parent = user_block(d, parent);
	while ((c = cmark_node_first_child(doc)) != NULL)
		cmark_node_append_child(parent, c);
	cmark_node_free(doc);
}

/* --- the plan's values as text ------------------------------------------- */

/* How join() shows an entry of a list of texts. */
enum names { AS_WRITTEN, PARTICIPANTS, LAWS };

/* "a, b, c" from the texts of list l, or from the names of the
 * participants or laws they are, the last two joined by last if not
 * NULL ("a, b og c"); NULL if none.  Made in one pass, since a list may
 * be long. */
static const char *
join(struct ip_doc *d, const union ip_text_list *l, enum names names,
    const char *last)
{
	if (l->n == 0)
		return NULL;
	const char **v = ip_arena_alloc(&d->a, l->n * sizeof(*v));
	size_t len = 0, ll = last != NULL ? strlen(last) + 2 : 2;
	for (size_t i = 0; i < l->n; i++) {
		const char *t = l->v[i].s;
		const struct ip_participant *q = names == PARTICIPANTS
		    ? ip_find_participant(d->p, t) : NULL;
		v[i] = names == LAWS ? ip_labels_law(d->l, t)
		    : q != NULL && q->name.s != NULL ? q->name.s : t;
		len += strlen(v[i]) + ll;
	}
	char *s = ip_arena_alloc(&d->a, len + 1), *p = s;
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(v[i]);
		if (i > 0 && last != NULL && i + 1 == l->n)
			p += sprintf(p, " %s ", last);
		else if (i > 0) {
			memcpy(p, ", ", 2);
			p += 2;
		}
		memcpy(p, v[i], k);
		p += k;
	}
	*p = '\0';
	return s;
}

/* A paragraph of the plain text s from the plan. */
static void
user_paragraph(struct ip_doc *d, cmark_node *parent, const char *s)
{
	ip_doc_paragraph(d, user_block(d, parent), s);
}

/* --- numbers instead of ids ---------------------------------------------- */

/* Where a goal or sub-goal id leads: its number in the view, "1" or
 * "1.2", and its text; false if no goal or sub-goal has the id. */
static bool
goal_of(struct ip_doc *d, const char *id, const char **number, bool *sub,
    const char **text_)
{
	size_t gi, si;
	const void *e = ip_goal_named(d->p, id, &gi, &si);

	if (e == NULL)
		return false;
	*sub = si != SIZE_MAX;
	*number = *sub ? ip_arena_printf(&d->a, "%zu.%zu",
	    ip_view_goal_number(d->v, gi), ip_view_subgoal_number(d->v, gi,
	    si)) : ip_arena_printf(&d->a, "%zu", ip_view_goal_number(d->v,
	    gi));
	*text_ = *sub ? ((const struct ip_subgoal *)e)->text.s
	    : ((const struct ip_goal *)e)->text.s;
	return true;
}

/* The anchor of a goal's or sub-goal's number ("1.2" -> "goal-1-2"). */
static const char *
goal_anchor(struct ip_doc *d, const char *number)
{
	char *a = ip_arena_printf(&d->a, "goal-%s", number);
	for (char *c = a; (c = strchr(c, '.')) != NULL;)
		*c = '-';
	return a;
}

/* Whether s[n] ends a sentence: a full stop, question or exclamation
 * mark at the end, or before a space and a capital letter ("ca. 40",
 * "kl. 8", "2. trinn" go on). */
static bool
sentence_end(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s + n + 1;

	if (s[n] != '.' && s[n] != '!' && s[n] != '?')
		return false;
	if (*u == '\0' || *u == '\n')
		return true;
	if (*u != ' ')
		return false;
	u++;
	return (*u >= 'A' && *u <= 'Z')
	    || (u[0] == 0xc3 && (u[1] == 0x86 || u[1] == 0x98 || u[1] == 0x85));
}

/* The first sentence of s, or its first line, cut at about 60
 * characters at a word's end: the short form a reference shows. */
static const char *
short_text(struct ip_doc *d, const char *s)
{
	size_t n = 0, chars = 0, space = 0;

	while (s[n] != '\0' && s[n] != '\n' && chars < 60) {
		if (sentence_end(s, n))
			return ip_arena_strndup(&d->a, s, n);
		if (s[n] == ' ')
			space = n;
		n++;
		while (((unsigned char)s[n] & 0xc0) == 0x80)
			n++;
		chars++;
	}
	if (s[n] == '\0' || s[n] == '\n')
		return ip_arena_strndup(&d->a, s, n);
	return ip_arena_printf(&d->a, "%.*s…", (int)(space > 0 ? space : n),
	    s);
}

/* Text that links, in HTML, to the anchor of the page; else text. */
static void
link_to(struct ip_doc *d, cmark_node *p, const char *anchor, const char *s)
{
	if (d->html) {
		cmark_node *a = ip_md_add(p, CMARK_NODE_LINK);
		cmark_node_set_url(a, ip_arena_printf(&d->a, "#%s", anchor));
		p = a;
	}
	ip_md_literal(p, s);
}

/* A heading whose text is the target of links to anchor, in HTML. */
static cmark_node *
anchored(struct ip_doc *d, cmark_node *parent, int level, const char *anchor)
{
	cmark_node *h = ip_md_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	if (!d->html)
		return h;
	return ip_md_wrap(h, CMARK_NODE_CUSTOM_INLINE, ip_arena_printf(&d->a,
	    "<span id=\"%s\">", anchor), "</span>");
}

/* "Tiltak 2": the measure's number, in the order of the plan. */
static const char *
measure_name(struct ip_doc *d, size_t i)
{
	return ip_label_fill(&d->a, d->l->measure, ip_arena_printf(&d->a,
	    "%zu", ip_view_measure_number(d->v, i)));
}

/* The anchor of the i-th measure. */
static const char *
measure_anchor(struct ip_doc *d, size_t i)
{
	return ip_arena_printf(&d->a, "measure-%zu",
	    ip_view_measure_number(d->v, i));
}

/* Appends to p which goals the measure m serves: "mål 1: Gå til skolen
 * selv; delmål 1.2: ...", or with brief only "mål 1, delmål 1.2", each
 * a link in HTML.  Returns the container it ends in, as text() does. */
static cmark_node *
serves(struct ip_doc *d, cmark_node *p, const struct ip_measure *m, bool brief)
{
	for (size_t i = 0; i < m->goals.n; i++) {
		const char *id = m->goals.v[i].s;
		const char *number, *t;
		bool sub;
		if (i > 0)
			ip_md_literal(p, brief ? ", " : "; ");
		if (!goal_of(d, id, &number, &sub, &t)) {
			/* a reference to no goal */
			p = ip_doc_user(d, p, id);
			continue;
		}
		link_to(d, p, goal_anchor(d, number), ip_label_fill(&d->a,
		    sub ? d->l->serves_subgoal : d->l->serves_goal, number));
		if (t != NULL && !brief) {
			ip_md_literal(p, ": ");
			p = ip_doc_user(d, p, short_text(d, t));
		}
	}
	return p;
}

static void
none(struct ip_doc *d, cmark_node *parent)
{
	ip_doc_paragraph(d, parent, d->l->none);
}

/* --- the sections, in the order of the document -------------------------- */

/* Whether the view shows field f (of entry). */
static bool
shows(const struct ip_doc *d, enum ip_field f, const void *entry)
{
	return ip_view_shows(d->v, f, entry);
}

/* The notice at the top of a restricted view: for whom, why, and what is
 * left out, the last from the visibility table itself. */
static void
notice(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_view *v = d->v;
	char *name = ip_arena_printf(&d->a, "%s", v->viewer->name.s
	    ? v->viewer->name.s : v->viewer->id.s);
	char buf[IP_LONG_DATE];

	/* one line, so that the notice stays one paragraph */
	for (char *c = name; (c = strchr(c, '\n')) != NULL;)
		*c = ' ';
	const char *why = l->restricted_why[v->why];

	cmark_node *q = ip_md_add(root, CMARK_NODE_BLOCK_QUOTE);
	cmark_node *par = ip_md_add(q, CMARK_NODE_PARAGRAPH);
	ip_md_text(&d->md, ip_md_add(par, CMARK_NODE_STRONG),
	    ip_arena_printf(&d->a, "%s.", ip_label_fill(&d->a, l->restricted,
	    name)));
	ip_md_literal(par, " ");
	if (v->why != IP_WHY_NOT_LISTED && v->why != IP_WHY_NO_CONSENT)
		why = ip_label_fill(&d->a, why,
		    ip_labels_date(l, v->why_day, buf));
	ip_md_text(&d->md, par, why);
	ip_md_literal(par, " ");
	ip_md_text(&d->md, par, l->restricted_shows);
	cmark_node *left = ip_doc_list(q);
	for (int f = 0; f < IP_F_COUNT; f++)
		if (ip_field_audience((enum ip_field)f) != IP_SEEN_BY_ALL
		    && l->left_out_field[f] != NULL)	/* the tests see to it */
			ip_md_text(&d->md, ip_doc_item(left),
			    l->left_out_field[f]);
	ip_doc_end_list(left);
}

static void
glance(struct ip_doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;

	d->title = p->person.name.s ? ip_label_fill(&d->a, l->title,
	    p->person.name.s) : l->title_nameless;
	if (ip_plan_draft(p))	/* at the top, and in the page's title */
		d->title = ip_label_fill(&d->a, l->draft_title, d->title);
	ip_doc_heading(d, root, 1, d->title);
	if (d->v->restricted)
		notice(d, root);

	cmark_node *facts = ip_doc_list(root);
	ip_doc_fact(d, facts, l->period, ip_doc_range(d, &p->period.start,
	    &p->period.end));
	if (p->coordinator.s != NULL)
		ip_doc_fact_user(d, facts, l->coordinator, ip_doc_who(d,
		    p->coordinator.s, true));
	struct ip_date next = { .set = true };
	if (shows(d, IP_F_REVIEWS, NULL)
	    && ip_next_review(p, d->r->today, &next.day))
		ip_doc_fact(d, facts, l->next_review, next.day < d->r->today
		    ? ip_label_fill(&d->a, l->next_overdue,
		    ip_doc_date(d, &next)) : ip_doc_date(d, &next));
	if (shows(d, IP_F_STATUS, NULL) && p->status.set
	    && p->status.v == IP_STATUS_CLOSED)
		ip_doc_fact(d, facts, l->status, p->closed.date.set
		    ? ip_label_fill(&d->a, l->closed_on,
		    ip_doc_date(d, &p->closed.date)) : l->closed);
	if (shows(d, IP_F_STATUS, NULL) && ip_plan_draft(p))
		ip_doc_fact(d, facts, l->status, l->draft_status);
	ip_doc_fact_user(d, facts, l->plan_id, p->id.s);
	if (shows(d, IP_F_LEGAL_BASIS, NULL))
		ip_doc_fact(d, facts, l->legal_basis, join(d, &p->legal_basis,
		    LAWS, NULL));
	ip_doc_end_list(facts);
	/* below the title, but demoted as under a section, so that none of
	 * its headings can pass for one of the sections */
	if (p->closed.reason.s != NULL && shows(d, IP_F_CLOSED_REASON, NULL))
		md(d, root, l->reason, p->closed.reason.s, 2);
}

/* --- the table's fields (fields.h) as facts ----------------------------- */

/* The line "label: value" of a field that the table says is a FACT. */
static void
fact_TEXT(struct ip_doc *d, cmark_node *facts, const char *label,
    const struct ip_text *t)
{
	ip_doc_fact_user(d, facts, label, t->s);
}

static void
fact_DATE(struct ip_doc *d, cmark_node *facts, const char *label,
    const struct ip_date *t)
{
	ip_doc_fact(d, facts, label, ip_doc_date(d, t));
}

/* The rows of a table as a section's facts, in the table's order: of the
 * struct s, asking the view about entry (NULL: a field of the plan). */
#define FACT_FACT(map, key, type, group) \
	if (shows(d, IP_F_##group, entry)) \
		fact_##type(d, facts, d->l->map##_##key, &s->key);
#define FACT_OWN(map, key, type, group) map##_##key(d, facts, s);
#define FACT_APART(map, key, type, group)
#define FACT_NO(map, key, type, group)
#define FACT(map, key, type, sub, group, doc, ...) \
	FACT_##doc(map, key, type, group)

static void
person_national_id(struct ip_doc *d, cmark_node *facts,
    const struct ip_person *s)
{
	if (shows(d, IP_F_NATIONAL_ID, NULL) && s->national_id.s != NULL)
		/* named by what it is, as ip-validate knows it */
		ip_doc_fact_user(d, facts, d->l->national_id[ip_nid_parse(
		    s->national_id.s, NULL)], s->national_id.s);
}

static void
person_contact(struct ip_doc *d, cmark_node *facts,
    const struct ip_person *ps)
{
	const struct ip_contact *s = &ps->contact;
	const void *entry = NULL;

	IP_CONTACT_FIELDS(FACT)
}

static void
person_interpreter(struct ip_doc *d, cmark_node *facts,
    const struct ip_person *s)
{
	if (s->interpreter.set && shows(d, IP_F_INTERPRETER, NULL))
		ip_doc_fact(d, facts, d->l->person_interpreter,
		    s->interpreter.v ? d->l->interpreter_yes
		    : d->l->interpreter_no);
}

/* Told only when compulsory. */
static void
person_care(struct ip_doc *d, cmark_node *facts, const struct ip_person *s)
{
	if (s->care.set && s->care.v == IP_CARE_COMPULSORY
	    && shows(d, IP_F_CARE, NULL))
		ip_doc_fact(d, facts, d->l->person_care, d->l->yes);
}

/* Ends a section that a restricted view shows only in part: whether it
 * left anything out is not told either. */
static void
in_part(struct ip_doc *d, cmark_node *root)
{
	if (d->v->restricted)
		ip_doc_paragraph(d, root, d->l->others_left_out);
}

static void
person(struct ip_doc *d, cmark_node *root)
{
	const struct ip_person *s = &d->p->person;
	const struct ip_labels *l = d->l;
	const void *entry = NULL;

	ip_doc_heading(d, root, 2, l->person);
	cmark_node *facts = ip_doc_list(root);
	IP_PERSON_FIELDS(FACT)
	bool shown = cmark_node_first_child(facts) != NULL;
	if (!shown && !d->v->restricted)
		none(d, root);
	ip_doc_end_list(facts);
	if (shown)
		in_part(d, root);
	else if (d->v->restricted)
		ip_doc_paragraph(d, root, l->left_out);
}

/* The goal's rows that the table says are facts, under its text: a list
 * that ip_doc_end_list() removes if it has none. */
static void
goal_facts(struct ip_doc *d, cmark_node *root, const struct ip_goal *s)
{
	const void *entry = s;
	cmark_node *facts = ip_doc_list(root);

	(void)d;	/* for the rows, of which there may be none */
	(void)entry;
	IP_GOAL_FIELDS(FACT)
	ip_doc_end_list(facts);
}

static void
goals(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	ip_doc_heading(d, root, 2, l->goals);
	for (size_t i = 0; i < d->p->goals.n; i++) {
		const struct ip_goal *g = &d->p->goals.v[i];
		if (!ip_view_shows_goal(d->v, g))
			continue;
		any = true;
		const char *number = ip_arena_printf(&d->a, "%zu",
		    ip_view_goal_number(d->v, i));
		ip_md_text(&d->md, anchored(d, root, 3, goal_anchor(d, number)),
		    ip_label_fill(&d->a, l->goal, number));
		if (g->text.s != NULL && shows(d, IP_F_GOAL, g))
			user_paragraph(d, root, g->text.s);
		goal_facts(d, root, g);
		cmark_node *subs = ip_doc_list(root);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (!shows(d, IP_F_SUBGOAL, s))
				continue;
			cmark_node *p = ip_doc_item(subs);
			const char *sub = ip_arena_printf(&d->a, "%s.%zu",
			    number, ip_view_subgoal_number(d->v, i, j));
			cmark_node *at = p;
			if (d->html)
				at = ip_md_wrap(p, CMARK_NODE_CUSTOM_INLINE,
				    ip_arena_printf(&d->a, "<span id=\"%s\">",
				    goal_anchor(d, sub)), "</span>");
			cmark_node_append_child(at, ip_doc_strong(d,
			    ip_label_fill(&d->a, l->subgoal, sub)));
			if (s->text.s != NULL) {
				ip_md_literal(p, " ");
				p = ip_doc_user(d, p, s->text.s);
			}
			const char *due = ip_doc_date(d, &s->due);
			const char *st = s->status.set
			    ? l->goal_status[s->status.v] : NULL;
			if (due == NULL && st == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				ip_md_add(p, CMARK_NODE_LINEBREAK);
			ip_md_text(&d->md, p, ip_arena_printf(&d->a,
			    "%s%s%s%s%s%s%s",
			    due ? l->due : "", due ? ": " : "", due ? due : "",
			    due && st ? " · " : "", st ? l->status : "",
			    st ? ": " : "", st ? st : ""));
		}
		ip_doc_end_list(subs);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

/* A section of plain texts, or the note that it is left out. */
static void
texts(struct ip_doc *d, cmark_node *root, const char *title,
    const union ip_text_list *t, enum ip_field f)
{
	ip_doc_heading(d, root, 2, title);
	if (!shows(d, f, NULL)) {
		ip_doc_paragraph(d, root, d->l->left_out);
		return;
	}
	if (t->n == 0)
		none(d, root);
	cmark_node *l = ip_doc_list(root);
	for (size_t i = 0; i < t->n; i++)
		ip_doc_user(d, ip_doc_item(l), t->v[i].s);
	ip_doc_end_list(l);
}

/* By name, if a participant's id. */
static void
measure_responsible(struct ip_doc *d, cmark_node *facts,
    const struct ip_measure *s)
{
	if (s->responsible.s != NULL)
		ip_doc_fact_user(d, facts, d->l->measure_responsible,
		    ip_doc_who(d, s->responsible.s, false));
}

/* The start and the end, as one fact. */
static void
measure_start(struct ip_doc *d, cmark_node *facts, const struct ip_measure *s)
{
	ip_doc_fact(d, facts, d->l->measure_start, ip_doc_range(d, &s->start,
	    &s->end));
}

static void
measures(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	ip_doc_heading(d, root, 2, l->measures);
	for (size_t i = 0; i < d->p->measures.n; i++) {
		const struct ip_measure *m =
		    &d->p->measures.v[i];
		if (!shows(d, IP_F_MEASURE, m))
			continue;
		any = true;
		cmark_node *h = anchored(d, root, 3, measure_anchor(d, i));
		ip_md_text(&d->md, h, measure_name(d, i));
		if (m->title.s != NULL) {
			ip_md_literal(h, ": ");
			ip_doc_user(d, h, m->title.s);
		}
		cmark_node *facts = ip_doc_list(root);
		const struct ip_measure *s = m;
		const void *entry = m;
		IP_MEASURE_FIELDS(FACT)
		if (m->goals.n > 0) {
			cmark_node *p = ip_doc_item(facts);
			ip_doc_label(d, p, l->serves);
			serves(d, p, m, false);
		}
		const struct ip_subplan *sp = &m->subplan;
		if (sp->kind.s || sp->reference.s)
			ip_doc_fact_user(d, facts, l->subplan,
			    sp->kind.s && sp->reference.s
			    ? ip_arena_printf(&d->a, "%s: %s", sp->kind.s,
			    sp->reference.s) : sp->kind.s ? sp->kind.s
			    : sp->reference.s);
		ip_doc_end_list(facts);
		if (m->how.s != NULL)
			md(d, root, l->how, m->how.s, 3);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

/* Whether any measure says how it is carried out. */
static bool
any_how(const struct ip_plan *p)
{
	for (size_t i = 0; i < p->measures.n; i++)
		if (p->measures.v[i].how.s != NULL)
			return true;
	return false;
}

static void
implementation(struct ip_doc *d, cmark_node *root)
{
	ip_doc_heading(d, root, 2, d->l->implementation);
	if (!shows(d, IP_F_IMPLEMENTATION, NULL))
		ip_doc_paragraph(d, root, d->l->left_out);
	else if (d->p->implementation.s != NULL)
		md(d, root, NULL, d->p->implementation.s, 2);
	else if (any_how(d->p))
		ip_doc_paragraph(d, root, d->l->how_in_measures);
	else
		none(d, root);
}

/* The role, and whether they are the coordinator, which every reader
 * that sees the participant is told. */
static void
participant_role(struct ip_doc *d, cmark_node *facts,
    const struct ip_participant *s)
{
	const struct ip_labels *l = d->l;
	const char *coordinator = d->p->coordinator.s;
	const char *role = s->role.set && shows(d, IP_F_PARTICIPANT_ROLE, s)
	    ? l->roles[s->role.v] : NULL;

	if (s->id.s != NULL && coordinator != NULL
	    && strcmp(s->id.s, coordinator) == 0)
		role = role ? ip_arena_printf(&d->a, "%s, %s", role,
		    l->is_coordinator) : l->is_coordinator;
	ip_doc_fact(d, facts, l->participant_role, role);
}

static void
participants(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	bool any = false;

	ip_doc_heading(d, root, 2, l->participants);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (!shows(d, IP_F_PARTICIPANT, q))
			continue;
		any = true;
		if (q->name.s != NULL)
			ip_doc_user(d, ip_doc_heading(d, root, 3, NULL),
			    q->name.s);
		else
			ip_doc_heading(d, root, 3, ip_label_fill(&d->a,
			    l->participant, ip_arena_printf(&d->a, "%zu",
			    ip_view_participant_number(d->v, i))));
		cmark_node *facts = ip_doc_list(root);
		const struct ip_participant *s = q;
		const void *entry = q;
		IP_PARTICIPANT_FIELDS(FACT)
		ip_doc_end_list(facts);
		if (q->contribution.s != NULL
		    && shows(d, IP_F_CONTRIBUTION, q))
			md(d, root, l->participant_contribution,
			    q->contribution.s, 3);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

static void
reviews(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_period *pe = &d->p->period;

	ip_doc_heading(d, root, 2, l->reviews);
	if (!shows(d, IP_F_REVIEWS, NULL)) {
		ip_doc_paragraph(d, root, l->left_out);
		return;
	}
	if (pe->review_interval.set) {
		int n = pe->review_interval.n;
		cmark_node *p = ip_doc_paragraph(d, root, NULL);
		ip_doc_label(d, p, l->review_interval);
		ip_md_text(&d->md, p, ip_arena_printf(&d->a, "%d %s", n,
		    l->units[ip_interval_unit(&pe->review_interval)][n != 1]));
	}
	if (pe->reviews.n == 0 && !pe->review_interval.set)
		none(d, root);
	cmark_node *list_ = ip_doc_list(root);
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *r = &pe->reviews.v[i];
		cmark_node *p = ip_doc_item(list_);
		const char *when = ip_doc_date(d, r->date.set ? &r->date
		    : &r->done);
		ip_doc_label(d, p, when ? when : "?");
		ip_md_text(&d->md, p, r->done.set ? ip_label_fill(&d->a,
		    l->review_done, ip_doc_date(d, &r->done))
		    : r->date.set && r->date.day < d->r->today
		    ? l->review_overdue : l->review_planned);
		if (r->summary.s != NULL)
			md(d, cmark_node_parent(p), NULL, r->summary.s, 2);
	}
	ip_doc_end_list(list_);
}

/* "gitt 10. januar 2026 av Kari Nordmann", "gjelder til ..." ("gjaldt"
 * if that day is before the document's, "skulle gjelde" if it was
 * withdrawn), with ", trukket tilbake ..." when it was withdrawn. */
static const char *
given(struct ip_doc *d, const struct ip_date *day, const char *by,
    const struct ip_date *until, const struct ip_date *withdrawn)
{
	const struct ip_labels *l = d->l;
	const char *v = day->set || by != NULL ? l->given : NULL;

	if (day->set)
		v = ip_arena_printf(&d->a, "%s %s", v, ip_doc_date(d, day));
	if (by != NULL)
		v = ip_arena_printf(&d->a, "%s %s", v,
		    ip_label_fill(&d->a, l->by, by));
	const char *more[2] = {
		until != NULL && until->set ? ip_label_fill(&d->a,
		    withdrawn->set ? l->valid_until_withdrawn
		    : until->day < d->r->today ? l->valid_until_past
		    : l->valid_until, ip_doc_date(d, until)) : NULL,
		withdrawn->set ? ip_label_fill(&d->a, l->withdrawn,
		    ip_doc_date(d, withdrawn)) : NULL };
	for (size_t i = 0; i < 2; i++)
		if (more[i] != NULL)
			v = v ? ip_arena_printf(&d->a, "%s, %s", v, more[i])
			    : more[i];
	return v ? v : l->given;
}

/* Those besides the person who see the whole plan on the document's
 * day, by name: the guardians of a child and those a consent covers. */
static const char *
with_access(struct ip_doc *d)
{
	const struct ip_plan *p = d->p;
	const char *s = NULL;

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		if ((q->role.set && q->role.v == IP_ROLE_PERSON)
		    || !ip_sees_all(p, q, d->r->today))
			continue;
		const char *n = q->name.s ? q->name.s : q->id.s ? q->id.s : "?";
		s = s ? ip_arena_printf(&d->a, "%s, %s", s, n) : n;
	}
	return s ? s : d->l->nobody;
}

/* The consents: to the plan, then each to share information as it was
 * given (the history: who, from when, until, withdrawn), and who has
 * access on the document's day. */
static void
consent(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_consent *c = &d->p->consent;
	const char *v;

	ip_doc_heading(d, root, 2, l->consent);
	if (!shows(d, IP_F_CONSENT, NULL)) {
		ip_doc_paragraph(d, root, l->left_out);
		return;
	}
	cmark_node *facts = ip_doc_list(root);
	if (c->plan.date.set || c->plan.by.n > 0 || c->plan.withdrawn.set)
		v = given(d, &c->plan.date, join(d, &c->plan.by, PARTICIPANTS,
		    l->and),
		    NULL, &c->plan.withdrawn);
	else if (d->p->person.care.set
	    && d->p->person.care.v == IP_CARE_COMPULSORY)
		v = l->consent_compulsory;
	else
		v = l->not_recorded;
	ip_doc_fact(d, facts, l->consent_plan, v);
	for (size_t i = 0; i < c->information_sharing.n; i++) {
		const struct ip_consent_sharing *s =
		    &c->information_sharing.v[i];
		const char *who_ = join(d, &s->participants, PARTICIPANTS,
		    NULL);
		v = given(d, &s->date, join(d, &s->by, PARTICIPANTS, l->and),
		    &s->until, &s->withdrawn);
		ip_doc_fact(d, facts, l->consent_sharing, who_
		    ? ip_arena_printf(&d->a, "%s; %s", v,
		    ip_label_fill(&d->a, l->covers, who_)) : v);
	}
	if (c->information_sharing.n == 0)
		ip_doc_fact(d, facts, l->consent_sharing, l->not_recorded);
	ip_doc_fact(d, facts, l->consent_with, with_access(d));
	ip_doc_end_list(facts);
}

/* A line "label: value" of the paragraph p, after a line break if it is
 * not the first: the FACT rows of the table of cooperation, in its
 * order. */
static void
line(struct ip_doc *d, cmark_node **p, const char *label, const char *s)
{
	if (s == NULL)
		return;
	if (cmark_node_first_child(*p) != NULL)
		ip_md_add(*p, CMARK_NODE_LINEBREAK);
	ip_md_literal(*p, ip_arena_printf(&d->a, "%s: ", label));
	*p = ip_doc_user(d, *p, s);
}
#define LINE_FACT(map, key) line(d, &p, l->map##_##key, c->key.s);
#define LINE_APART(map, key)
#define LINE_NO(map, key)
#define LINE(map, key, type, sub, group, doc, ...) LINE_##doc(map, key)

static void
cooperation(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	ip_doc_heading(d, root, 2, l->cooperation);
	if (!shows(d, IP_F_COOPERATION, NULL)) {
		ip_doc_paragraph(d, root, l->left_out);
		return;
	}
	if (d->p->cooperation.n == 0)
		none(d, root);
	cmark_node *list_ = ip_doc_list(root);
	for (size_t i = 0; i < d->p->cooperation.n; i++) {
		const struct ip_cooperation *c =
		    &d->p->cooperation.v[i];
		cmark_node *p = ip_doc_item(list_);
		if (c->with.s != NULL)
			ip_doc_user(d, ip_md_add(p, CMARK_NODE_STRONG),
			    c->with.s);
		IP_COOPERATION_FIELDS(LINE)
	}
	ip_doc_end_list(list_);
}

/* The inline nodes of paragraph p, rendered as HTML (cmark escapes
 * them), without the paragraph's tags; p is freed. */
static const char *
cell(struct ip_doc *d, cmark_node *p)
{
	ip_md_shown_tree(&d->md, p);
	char *h = cmark_render_html(p, CMARK_OPT_DEFAULT);
	cmark_node_free(p);
	size_t n = strlen(h);
	const char *s = "";
	if (n >= 8 && strncmp(h, "<p>", 3) == 0)	/* "<p>...</p>\n" */
		s = ip_arena_strndup(&d->a, h + 3, n - 8);
	free(h);
	return s;
}

/* "Who does what": a row for each measure the view shows, before the
 * details: what, its extent, who answers for it, when, which goals.  A
 * table in HTML; CommonMark has none, so a list item for each there. */
static void
overview(struct ip_doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	const char *heads[] = { l->measures, l->measure_extent,
		l->measure_responsible, l->measure_start, l->serves };
	enum { NCOLS = sizeof(heads) / sizeof(*heads) };
	size_t shown = 0, len;
	char *table = NULL;
	FILE *f = NULL;

	for (size_t i = 0; i < p->measures.n; i++)
		shown += shows(d, IP_F_MEASURE,
		    &p->measures.v[i]);
	if (shown == 0)
		return;
	ip_doc_heading(d, root, 2, l->who_does_what);
	cmark_node *items = d->html ? NULL : ip_doc_list(root);
	if (d->html) {
		f = ip_xmemstream(&table, &len);
		fputs("<table class=\"who\">\n<thead>\n<tr>", f);
		for (size_t c = 0; c < NCOLS; c++) {
			cmark_node *h = cmark_node_new(CMARK_NODE_PARAGRAPH);
			ip_md_text(&d->md, h, heads[c]);
			fprintf(f, "<th scope=\"col\">%s</th>", cell(d, h));
		}
		fputs("</tr>\n</thead>\n<tbody>\n", f);
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (!shows(d, IP_F_MEASURE, m))
			continue;
		cmark_node *c[NCOLS];
		for (size_t k = 0; k < NCOLS; k++)
			c[k] = cmark_node_new(CMARK_NODE_PARAGRAPH);
		link_to(d, c[0], measure_anchor(d, i), measure_name(d, i));
		if (m->title.s != NULL) {
			ip_md_literal(c[0], ": ");
			ip_doc_user(d, c[0], m->title.s);
		}
		if (m->extent.s != NULL)
			ip_doc_user(d, c[1], m->extent.s);
		if (m->responsible.s != NULL)
			ip_doc_user(d, c[2], ip_doc_who(d, m->responsible.s,
			    false));
		const char *when = ip_doc_range(d, &m->start, &m->end);
		if (when != NULL)
			ip_md_text(&d->md, c[3], when);
		serves(d, c[4], m, true);
		if (d->html) {
			fprintf(f, "<tr><th scope=\"row\">%s</th>",
			    cell(d, c[0]));
			for (size_t k = 1; k < NCOLS; k++)
				fprintf(f, "<td>%s</td>", cell(d, c[k]));
			fputs("</tr>\n", f);
			continue;
		}
		cmark_node *it = ip_doc_item(items), *n;
		cmark_node *title = ip_md_add(it, CMARK_NODE_STRONG);
		while ((n = cmark_node_first_child(c[0])) != NULL)
			cmark_node_append_child(title, n);
		cmark_node_free(c[0]);
		for (size_t k = 1; k < NCOLS; k++) {
			if (cmark_node_first_child(c[k]) != NULL) {
				ip_md_add(it, CMARK_NODE_LINEBREAK);
				ip_md_literal(it, ip_arena_printf(&d->a, "%s: ",
				    heads[k]));
			}
			while ((n = cmark_node_first_child(c[k])) != NULL)
				cmark_node_append_child(it, n);
			cmark_node_free(c[k]);
		}
	}
	if (d->html) {
		fputs("</tbody>\n</table>\n", f);
		ip_xmemstream_close(f);
		ip_md_wrap(root, CMARK_NODE_CUSTOM_BLOCK, table, "");
		free(table);
	} else
		ip_doc_end_list(items);
}

/* The footer: when the document was printed, and which version of the
 * plan, when the caller says. */
static void
footer(struct ip_doc *d, cmark_node *root)
{
	char buf[IP_LONG_DATE];
	cmark_node *p = ip_md_add(ip_md_add(root, CMARK_NODE_PARAGRAPH),
	    CMARK_NODE_EMPH);

	ip_md_text(&d->md, p, ip_label_fill(&d->a, d->l->printed,
	    ip_labels_date(d->l, d->r->has_generated ? d->r->generated
	    : d->r->today, buf)));
	if (d->r->revision != NULL) {
		ip_md_literal(p, " · ");
		ip_md_text(&d->md, p, ip_label_fill(&d->a, d->l->revision,
		    d->r->revision));
	}
}

static cmark_node *
build(struct ip_doc *d)
{
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);

	glance(d, root);
	if (d->html) {
		const char *svg = ip_timeline_svg(d->r, d->r->today, &d->a);
		if (svg != NULL)
			ip_md_wrap(root, CMARK_NODE_CUSTOM_BLOCK, svg, "");
	}
	overview(d, root);
	person(d, root);
	goals(d, root);
	texts(d, root, d->l->resources, &d->p->resources, IP_F_RESOURCES);
	texts(d, root, d->l->needs, &d->p->needs, IP_F_NEEDS);
	measures(d, root);
	implementation(d, root);
	participants(d, root);
	reviews(d, root);
	consent(d, root);
	cooperation(d, root);
	footer(d, root);
	return root;
}

char *
ip_export_document(const struct ip_render *r, bool html)
{
	if (!ip_plan_draft(r->v->p))
		return ip_doc_render(r, html, build, "");
	/* a draft says so at the top of every printed page: the label is
	 * one of ours, a word with no quote or backslash in it */
	struct ip_arena a = { 0 };
	char *out = ip_doc_render(r, html, build, ip_arena_printf(&a,
	    "@page { @top-center { content: \"%s\";"
	    " font: bold 14pt sans-serif; } }\n", r->l->draft));
	ip_arena_free(&a);
	return out;
}
