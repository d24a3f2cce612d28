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
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "html.h"
#include "safe_md.h"

struct doc {
	const struct ip_render *r;
	const struct ip_view *v;
	const struct ip_labels *l;
	const struct ip_plan *p;
	const char *title;
	bool html;			/* the tree is for the HTML page */
	const char *lang;		/* the plan's language, where it is
					   not the labels': HTML only */
	struct ip_arena a;		/* strings while the tree is built */
	struct ip_md md;		/* what the plan's text passes
					   through, its strings in a */
};

/* --- building blocks ----------------------------------------------------- */

static cmark_node *
heading(struct doc *d, cmark_node *parent, int level, const char *s)
{
	cmark_node *h = ip_md_add(parent, CMARK_NODE_HEADING);
	cmark_node_set_heading_level(h, level);
	if (s != NULL)
		ip_md_text(&d->md, h, s);
	return h;
}

static cmark_node *
paragraph(struct doc *d, cmark_node *parent, const char *s)
{
	cmark_node *p = ip_md_add(parent, CMARK_NODE_PARAGRAPH);
	return s != NULL ? ip_md_text(&d->md, p, s) : p;
}

/* "**name:**", not yet in the tree. */
static cmark_node *
strong(struct doc *d, const char *name)
{
	cmark_node *s = cmark_node_new(CMARK_NODE_STRONG);
	ip_md_text(&d->md, s, ip_arena_printf(&d->a, "%s:", name));
	return s;
}

/* Adds "**name:** " to the inline container p. */
static void
label(struct doc *d, cmark_node *p, const char *name)
{
	cmark_node_append_child(p, strong(d, name));
	ip_md_literal(p, " ");
}

static cmark_node *
list(cmark_node *parent)
{
	cmark_node *l = ip_md_add(parent, CMARK_NODE_LIST);
	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	return l;
}

static cmark_node *
doc_item(cmark_node *list)
{
	return ip_md_add(ip_md_add(list, CMARK_NODE_ITEM),
	    CMARK_NODE_PARAGRAPH);
}

/* A list item "**label:** " for value to follow; NULL, and no item, if
 * value is NULL. */
static cmark_node *
fact_item(struct doc *d, cmark_node *list, const char *name,
    const char *value)
{
	if (value == NULL)
		return NULL;
	cmark_node *p = doc_item(list);
	label(d, p, name);
	return p;
}

/* A list item "**label:** value"; nothing if value is NULL. */
static void
fact(struct doc *d, cmark_node *list, const char *name, const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		ip_md_text(&d->md, p, value);
}

/* A list is tight (no blank lines between its items) if each item holds
 * one block; an empty list is removed. */
static void
end_list(cmark_node *l)
{
	bool tight = true;
	for (cmark_node *i = cmark_node_first_child(l); i != NULL;
	    i = cmark_node_next(i))
		tight &= cmark_node_first_child(i) == cmark_node_last_child(i);
	cmark_node_set_list_tight(l, tight);
	if (cmark_node_first_child(l) == NULL)
		cmark_node_free(l);
}

/* --- the plan's own text in the plan's language ------------------------- */

/* The inline container for text from the plan below parent: in HTML a
 * span in the plan's language when the labels are in another. */
static cmark_node *
user_inline(struct doc *d, cmark_node *parent)
{
	if (d->lang == NULL)
		return parent;
	return ip_md_wrap(parent, CMARK_NODE_CUSTOM_INLINE,
	    ip_arena_printf(&d->a, "<span lang=\"%s\">", d->lang), "</span>");
}

/* The same for blocks: a div in the plan's language. */
static cmark_node *
user_block(struct doc *d, cmark_node *parent)
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
md(struct doc *d, cmark_node *parent, const char *name, const char *s,
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
		cmark_node *lab = strong(d, name);
		if (d->lang != NULL) {	/* the label in the labels' language */
			cmark_node *w = ip_md_wrap(NULL,
			    CMARK_NODE_CUSTOM_INLINE, ip_arena_printf(&d->a, "<span lang=\"%s\">",
			    d->l->code), "</span>");
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

static const char *
doc_date(struct doc *d, const struct ip_date *day)
{
	if (!day->set)
		return NULL;
	return ip_labels_date(d->l, day->day, ip_arena_alloc(&d->a,
	    IP_LONG_DATE));
}

/* "2. mars 2026 – 1. mars 2027", "fra 2. mars 2026" ...; NULL if none. */
static const char *
range(struct doc *d, const struct ip_date *start, const struct ip_date *end)
{
	const char *s = doc_date(d, start), *e = doc_date(d, end);
	if (s != NULL && e != NULL)
		return ip_arena_printf(&d->a, "%s – %s", s, e);
	if (s != NULL || e != NULL)
		return ip_label_fill(&d->a, s ? d->l->from : d->l->until,
		    s ? s : e);
	return NULL;
}

/* How join() shows an entry of a list of texts. */
enum names { AS_WRITTEN, PARTICIPANTS, LAWS };

/* "a, b, c" from the texts of list l, or from the names of the
 * participants or laws they are, the last two joined by last if not
 * NULL ("a, b og c"); NULL if none.  Made in one pass, since a list may
 * be long. */
static const char *
join(struct doc *d, const union ip_text_list *l, enum names names,
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

/* A participant as "Name, organization", and with contact details. */
static const char *
who(struct doc *d, const char *id, bool contact)
{
	const struct ip_participant *q = ip_find_participant(d->p, id);
	if (q == NULL)
		return id;
	const char *s = q->name.s ? q->name.s : id;
	if (q->organization.s != NULL)
		s = ip_arena_printf(&d->a, "%s, %s", s, q->organization.s);
	if (contact && ip_view_shows(d->v, IP_F_PARTICIPANT_CONTACT, q)) {
		if (q->phone.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->phone.s);
		if (q->email.s != NULL)
			s = ip_arena_printf(&d->a, "%s · %s", s, q->email.s);
	}
	return s;
}

/* Appends the plain text s from the plan to the inline container p;
 * returns the container it ends in, as text() does. */
static cmark_node *
user(struct doc *d, cmark_node *p, const char *s)
{
	return ip_md_text(&d->md, user_inline(d, p), s);
}

/* A list item "**label:** value", value from the plan; nothing if NULL. */
static void
fact_user(struct doc *d, cmark_node *list, const char *name,
    const char *value)
{
	cmark_node *p = fact_item(d, list, name, value);
	if (p != NULL)
		user(d, p, value);
}

/* A paragraph of the plain text s from the plan. */
static void
user_paragraph(struct doc *d, cmark_node *parent, const char *s)
{
	paragraph(d, user_block(d, parent), s);
}

/* --- numbers instead of ids ---------------------------------------------- */

/* Where a goal or sub-goal id leads: its number in the view, "1" or
 * "1.2", and its text; false if no goal or sub-goal has the id. */
static bool
goal_of(struct doc *d, const char *id, const char **number, bool *sub,
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
goal_anchor(struct doc *d, const char *number)
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
short_text(struct doc *d, const char *s)
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
link_to(struct doc *d, cmark_node *p, const char *anchor, const char *s)
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
anchored(struct doc *d, cmark_node *parent, int level, const char *anchor)
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
measure_name(struct doc *d, size_t i)
{
	return ip_label_fill(&d->a, d->l->measure, ip_arena_printf(&d->a,
	    "%zu", ip_view_measure_number(d->v, i)));
}

/* The anchor of the i-th measure. */
static const char *
measure_anchor(struct doc *d, size_t i)
{
	return ip_arena_printf(&d->a, "measure-%zu",
	    ip_view_measure_number(d->v, i));
}

/* Appends to p which goals the measure m serves: "mål 1: Gå til skolen
 * selv; delmål 1.2: ...", or with brief only "mål 1, delmål 1.2", each
 * a link in HTML.  Returns the container it ends in, as text() does. */
static cmark_node *
serves(struct doc *d, cmark_node *p, const struct ip_measure *m, bool brief)
{
	for (size_t i = 0; i < m->goals.n; i++) {
		const char *id = m->goals.v[i].s;
		const char *number, *t;
		bool sub;
		if (i > 0)
			ip_md_literal(p, brief ? ", " : "; ");
		if (!goal_of(d, id, &number, &sub, &t)) {
			p = user(d, p, id);	/* a reference to no goal */
			continue;
		}
		link_to(d, p, goal_anchor(d, number), ip_label_fill(&d->a,
		    sub ? d->l->serves_subgoal : d->l->serves_goal, number));
		if (t != NULL && !brief) {
			ip_md_literal(p, ": ");
			p = user(d, p, short_text(d, t));
		}
	}
	return p;
}

static void
none(struct doc *d, cmark_node *parent)
{
	paragraph(d, parent, d->l->none);
}

/* --- the sections, in the order of the document -------------------------- */

/* Whether the view shows field f (of entry). */
static bool
shows(const struct doc *d, enum ip_field f, const void *entry)
{
	return ip_view_shows(d->v, f, entry);
}

/* The notice at the top of a restricted view: for whom, why, and what is
 * left out, the last from the visibility table itself. */
static void
notice(struct doc *d, cmark_node *root)
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
	cmark_node *left = list(q);
	for (int f = 0; f < IP_F_COUNT; f++)
		if (ip_field_audience((enum ip_field)f) != IP_SEEN_BY_ALL
		    && l->left_out_field[f] != NULL)	/* the tests see to it */
			ip_md_text(&d->md, doc_item(left),
			    l->left_out_field[f]);
	end_list(left);
}

static void
glance(struct doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;

	d->title = p->person.name.s ? ip_label_fill(&d->a, l->title,
	    p->person.name.s) : l->title_nameless;
	if (ip_plan_draft(p))	/* at the top, and in the page's title */
		d->title = ip_label_fill(&d->a, l->draft_title, d->title);
	heading(d, root, 1, d->title);
	if (d->v->restricted)
		notice(d, root);

	cmark_node *facts = list(root);
	fact(d, facts, l->period, range(d, &p->period.start, &p->period.end));
	if (p->coordinator.s != NULL)
		fact_user(d, facts, l->coordinator, who(d, p->coordinator.s, true));
	struct ip_date next = { .set = true };
	if (shows(d, IP_F_REVIEWS, NULL)
	    && ip_next_review(p, d->r->today, &next.day))
		fact(d, facts, l->next_review, next.day < d->r->today
		    ? ip_label_fill(&d->a, l->next_overdue, doc_date(d, &next))
		    : doc_date(d, &next));
	if (shows(d, IP_F_STATUS, NULL) && p->status.set
	    && p->status.v == IP_STATUS_CLOSED)
		fact(d, facts, l->status, p->closed.date.set
		    ? ip_label_fill(&d->a, l->closed_on,
		    doc_date(d, &p->closed.date)) : l->closed);
	if (shows(d, IP_F_STATUS, NULL) && ip_plan_draft(p))
		fact(d, facts, l->status, l->draft_status);
	fact_user(d, facts, l->plan_id, p->id.s);
	if (shows(d, IP_F_LEGAL_BASIS, NULL))
		fact(d, facts, l->legal_basis, join(d, &p->legal_basis, LAWS, NULL));
	end_list(facts);
	/* below the title, but demoted as under a section, so that none of
	 * its headings can pass for one of the sections */
	if (p->closed.reason.s != NULL && shows(d, IP_F_CLOSED_REASON, NULL))
		md(d, root, l->reason, p->closed.reason.s, 2);
}

static void
person(struct doc *d, cmark_node *root)
{
	const struct ip_person *ps = &d->p->person;
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->person);
	cmark_node *facts = list(root);
	fact_user(d, facts, l->name, ps->name.s);
	if (shows(d, IP_F_NATIONAL_ID, NULL) && ps->national_id.s != NULL)
		/* named by what it is, as ip-validate knows it */
		fact_user(d, facts, l->national_id[ip_nid_parse(
		    ps->national_id.s, NULL)], ps->national_id.s);
	if (shows(d, IP_F_BIRTH_DATE, NULL))
		fact(d, facts, l->birth_date, doc_date(d, &ps->birth_date));
	if (shows(d, IP_F_PERSON_CONTACT, NULL)) {
		fact_user(d, facts, l->phone, ps->contact.phone.s);
		fact_user(d, facts, l->email, ps->contact.email.s);
		fact_user(d, facts, l->address, ps->contact.address.s);
	}
	if (ps->interpreter.set && shows(d, IP_F_INTERPRETER, NULL))
		fact(d, facts, l->interpreter, ps->interpreter.v
		    ? l->interpreter_yes : l->interpreter_no);
	if (ps->care.set && ps->care.v == IP_CARE_COMPULSORY
	    && shows(d, IP_F_CARE, NULL))
		fact(d, facts, l->compulsory, l->yes);
	if (cmark_node_first_child(facts) == NULL && !d->v->restricted)
		none(d, root);
	end_list(facts);
	/* whether or not the plan has them: that is not shown either */
	if (d->v->restricted)
		paragraph(d, root, l->left_out);
}

/* Ends a section that a restricted view shows only in part: whether it
 * left anything out is not told either. */
static void
in_part(struct doc *d, cmark_node *root)
{
	if (d->v->restricted)
		paragraph(d, root, d->l->others_left_out);
}

static void
goals(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	heading(d, root, 2, l->goals);
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
		cmark_node *subs = list(root);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (!shows(d, IP_F_SUBGOAL, s))
				continue;
			cmark_node *p = doc_item(subs);
			const char *sub = ip_arena_printf(&d->a, "%s.%zu",
			    number, ip_view_subgoal_number(d->v, i, j));
			cmark_node *at = p;
			if (d->html)
				at = ip_md_wrap(p, CMARK_NODE_CUSTOM_INLINE,
				    ip_arena_printf(&d->a, "<span id=\"%s\">",
				    goal_anchor(d, sub)), "</span>");
			cmark_node_append_child(at, strong(d,
			    ip_label_fill(&d->a, l->subgoal, sub)));
			if (s->text.s != NULL) {
				ip_md_literal(p, " ");
				p = user(d, p, s->text.s);
			}
			const char *due = doc_date(d, &s->due), *st = s->status.set
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
		end_list(subs);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

/* A section of plain texts, or the note that it is left out. */
static void
texts(struct doc *d, cmark_node *root, const char *title,
    const union ip_text_list *t, enum ip_field f)
{
	heading(d, root, 2, title);
	if (!shows(d, f, NULL)) {
		paragraph(d, root, d->l->left_out);
		return;
	}
	if (t->n == 0)
		none(d, root);
	cmark_node *l = list(root);
	for (size_t i = 0; i < t->n; i++)
		user(d, doc_item(l), t->v[i].s);
	end_list(l);
}

static void
measures(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	bool any = false;

	heading(d, root, 2, l->measures);
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
			user(d, h, m->title.s);
		}
		cmark_node *facts = list(root);
		fact_user(d, facts, l->extent, m->extent.s);
		if (m->responsible.s != NULL)
			fact_user(d, facts, l->responsible,
			    who(d, m->responsible.s, false));
		fact(d, facts, l->when, range(d, &m->start, &m->end));
		if (m->goals.n > 0) {
			cmark_node *p = doc_item(facts);
			label(d, p, l->serves);
			serves(d, p, m, false);
		}
		const struct ip_subplan *sp = &m->subplan;
		if (sp->kind.s || sp->reference.s)
			fact_user(d, facts, l->subplan,
			    sp->kind.s && sp->reference.s
			    ? ip_arena_printf(&d->a, "%s: %s", sp->kind.s,
			    sp->reference.s) : sp->kind.s ? sp->kind.s
			    : sp->reference.s);
		end_list(facts);
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
implementation(struct doc *d, cmark_node *root)
{
	heading(d, root, 2, d->l->implementation);
	if (!shows(d, IP_F_IMPLEMENTATION, NULL))
		paragraph(d, root, d->l->left_out);
	else if (d->p->implementation.s != NULL)
		md(d, root, NULL, d->p->implementation.s, 2);
	else if (any_how(d->p))
		paragraph(d, root, d->l->how_in_measures);
	else
		none(d, root);
}

static void
participants(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	bool any = false;

	heading(d, root, 2, l->participants);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (!shows(d, IP_F_PARTICIPANT, q))
			continue;
		any = true;
		if (q->name.s != NULL)
			user(d, heading(d, root, 3, NULL), q->name.s);
		else
			heading(d, root, 3, ip_label_fill(&d->a,
			    l->participant, ip_arena_printf(&d->a, "%zu",
			    ip_view_participant_number(d->v, i))));
		cmark_node *facts = list(root);
		const char *role = q->role.set
		    && shows(d, IP_F_PARTICIPANT_ROLE, q)
		    ? l->roles[q->role.v] : NULL;
		if (q->id.s != NULL && p->coordinator.s != NULL
		    && strcmp(q->id.s, p->coordinator.s) == 0)
			role = role ? ip_arena_printf(&d->a, "%s, %s", role,
			    l->is_coordinator) : l->is_coordinator;
		fact(d, facts, l->role, role);
		fact_user(d, facts, l->organization, q->organization.s);
		if (shows(d, IP_F_PARTICIPANT_CONTACT, q)) {
			fact_user(d, facts, l->phone, q->phone.s);
			fact_user(d, facts, l->email, q->email.s);
		}
		end_list(facts);
		if (q->contribution.s != NULL
		    && shows(d, IP_F_CONTRIBUTION, q))
			md(d, root, l->contribution, q->contribution.s, 3);
	}
	if (!any && !d->v->restricted)
		none(d, root);
	in_part(d, root);
}

static void
reviews(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_period *pe = &d->p->period;

	heading(d, root, 2, l->reviews);
	if (!shows(d, IP_F_REVIEWS, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	if (pe->review_interval.set) {
		int n = pe->review_interval.n;
		cmark_node *p = paragraph(d, root, NULL);
		label(d, p, l->review_interval);
		ip_md_text(&d->md, p, ip_arena_printf(&d->a, "%d %s", n,
		    l->units[ip_interval_unit(&pe->review_interval)][n != 1]));
	}
	if (pe->reviews.n == 0 && !pe->review_interval.set)
		none(d, root);
	cmark_node *list_ = list(root);
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *r = &pe->reviews.v[i];
		cmark_node *p = doc_item(list_);
		const char *when = doc_date(d, r->date.set ? &r->date : &r->done);
		label(d, p, when ? when : "?");
		ip_md_text(&d->md, p, r->done.set ? ip_label_fill(&d->a, l->review_done,
		    doc_date(d, &r->done)) : l->review_planned);
		if (r->summary.s != NULL)
			md(d, cmark_node_parent(p), NULL, r->summary.s, 2);
	}
	end_list(list_);
}

/* "gitt 10. januar 2026 av Kari Nordmann", "gjelder til ...", with
 * ", trukket tilbake ..." when it was withdrawn. */
static const char *
given(struct doc *d, const struct ip_date *day, const char *by,
    const struct ip_date *until, const struct ip_date *withdrawn)
{
	const struct ip_labels *l = d->l;
	const char *v = day->set || by != NULL ? l->given : NULL;

	if (day->set)
		v = ip_arena_printf(&d->a, "%s %s", v, doc_date(d, day));
	if (by != NULL)
		v = ip_arena_printf(&d->a, "%s %s", v,
		    ip_label_fill(&d->a, l->by, by));
	const char *more[2] = {
		until != NULL && until->set ? ip_label_fill(&d->a,
		    l->valid_until, doc_date(d, until)) : NULL,
		withdrawn->set ? ip_label_fill(&d->a, l->withdrawn,
		    doc_date(d, withdrawn)) : NULL };
	for (size_t i = 0; i < 2; i++)
		if (more[i] != NULL)
			v = v ? ip_arena_printf(&d->a, "%s, %s", v, more[i])
			    : more[i];
	return v ? v : l->given;
}

/* Those besides the person who see the whole plan on the document's
 * day, by name: the guardians of a child and those a consent covers. */
static const char *
with_access(struct doc *d)
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
consent(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_consent *c = &d->p->consent;
	const char *v;

	heading(d, root, 2, l->consent);
	if (!shows(d, IP_F_CONSENT, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	cmark_node *facts = list(root);
	if (c->plan.date.set || c->plan.by.n > 0 || c->plan.withdrawn.set)
		v = given(d, &c->plan.date, join(d, &c->plan.by, PARTICIPANTS,
		    l->and),
		    NULL, &c->plan.withdrawn);
	else if (d->p->person.care.set
	    && d->p->person.care.v == IP_CARE_COMPULSORY)
		v = l->consent_compulsory;
	else
		v = l->not_recorded;
	fact(d, facts, l->consent_plan, v);
	for (size_t i = 0; i < c->information_sharing.n; i++) {
		const struct ip_consent_sharing *s =
		    &c->information_sharing.v[i];
		const char *who_ = join(d, &s->participants, PARTICIPANTS,
		    NULL);
		v = given(d, &s->date, join(d, &s->by, PARTICIPANTS, l->and),
		    &s->until, &s->withdrawn);
		fact(d, facts, l->consent_sharing, who_ ? ip_arena_printf(
		    &d->a, "%s: %s", v, who_) : v);
	}
	if (c->information_sharing.n == 0)
		fact(d, facts, l->consent_sharing, l->not_recorded);
	fact(d, facts, l->consent_with, with_access(d));
	end_list(facts);
}

static void
cooperation(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;

	heading(d, root, 2, l->cooperation);
	if (!shows(d, IP_F_COOPERATION, NULL)) {
		paragraph(d, root, l->left_out);
		return;
	}
	if (d->p->cooperation.n == 0)
		none(d, root);
	cmark_node *list_ = list(root);
	for (size_t i = 0; i < d->p->cooperation.n; i++) {
		const struct ip_cooperation *c =
		    &d->p->cooperation.v[i];
		cmark_node *p = doc_item(list_);
		if (c->with.s != NULL)
			user(d, ip_md_add(p, CMARK_NODE_STRONG), c->with.s);
		const char *parts[][2] = { { l->about, c->about.s },
			{ l->contact, c->contact.s } };
		for (size_t k = 0; k < 2; k++) {
			if (parts[k][1] == NULL)
				continue;
			if (cmark_node_first_child(p) != NULL)
				ip_md_add(p, CMARK_NODE_LINEBREAK);
			ip_md_literal(p, ip_arena_printf(&d->a, "%s: ", parts[k][0]));
			p = user(d, p, parts[k][1]);
		}
	}
	end_list(list_);
}

/* The inline nodes of paragraph p, rendered as HTML (cmark escapes
 * them), without the paragraph's tags; p is freed. */
static const char *
cell(struct doc *d, cmark_node *p)
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
overview(struct doc *d, cmark_node *root)
{
	const struct ip_labels *l = d->l;
	const struct ip_plan *p = d->p;
	const char *heads[] = { l->measures, l->extent, l->responsible,
		l->when, l->serves };
	enum { NCOLS = sizeof(heads) / sizeof(*heads) };
	size_t shown = 0, len;
	char *table = NULL;
	FILE *f = NULL;

	for (size_t i = 0; i < p->measures.n; i++)
		shown += shows(d, IP_F_MEASURE,
		    &p->measures.v[i]);
	if (shown == 0)
		return;
	heading(d, root, 2, l->who_does_what);
	cmark_node *items = d->html ? NULL : list(root);
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
			user(d, c[0], m->title.s);
		}
		if (m->extent.s != NULL)
			user(d, c[1], m->extent.s);
		if (m->responsible.s != NULL)
			user(d, c[2], who(d, m->responsible.s, false));
		const char *when = range(d, &m->start, &m->end);
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
		cmark_node *it = doc_item(items), *n;
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
		end_list(items);
}

/* The footer: when the document was printed, and which version of the
 * plan, when the caller says. */
static void
footer(struct doc *d, cmark_node *root)
{
	char buf[IP_LONG_DATE];
	cmark_node *p = ip_md_add(ip_md_add(root, CMARK_NODE_PARAGRAPH), CMARK_NODE_EMPH);

	ip_md_text(&d->md, p, ip_label_fill(&d->a, d->l->printed, ip_labels_date(d->l,
	    d->r->has_generated ? d->r->generated : d->r->today, buf)));
	if (d->r->revision != NULL) {
		ip_md_literal(p, " · ");
		ip_md_text(&d->md, p, ip_label_fill(&d->a, d->l->revision,
		    d->r->revision));
	}
}

static cmark_node *
build(struct doc *d)
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

/* --- the consent form --------------------------------------------------- */

/* A line to write on: "Sted og dato: ……………………". */
static void
blank(struct doc *d, cmark_node *root, const char *what)
{
	cmark_node *p = ip_md_add(root, CMARK_NODE_PARAGRAPH);
	label(d, p, what);
	ip_md_literal(p, "……………………………………………………………………");
}

/* The guardians who sign a child's form, in *v (n of them): those of
 * consent.plan.by, else every guardian among the participants. */
static size_t
signers(struct doc *d, const struct ip_participant ***v)
{
	const struct ip_plan *p = d->p;
	const union ip_text_list *by = &p->consent.plan.by;
	size_t n = 0;

	*v = ip_arena_alloc(&d->a, (by->n + p->participants.n + 1)
	    * sizeof(**v));
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(p, by->v[i].s);
		if (q != NULL && ip_is_guardian(q))
			(*v)[n++] = q;
	}
	for (size_t i = 0; n == 0 && i < p->participants.n; i++)
		if (ip_is_guardian(&p->participants.v[i]))
			(*v)[n++] = &p->participants.v[i];
	for (size_t i = n; i-- > 1;)	/* by may name one twice */
		for (size_t k = 0; k < i; k++)
			if ((*v)[k] == (*v)[i]) {
				(*v)[i] = (*v)[--n];
				break;
			}
	return n;
}

/* The participants the consents to share information cover on the
 * form's day, with how long: "Samtykket gjelder til og med ..." once if
 * that is the same for all, else after each.  False if it did not say
 * that once. */
static bool
form_sharing(struct doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	const struct ip_consent_sharing *first = NULL;
	bool same_end = true;
	size_t n = 0;
	char buf[IP_LONG_DATE];

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_consent_sharing *s = ip_covering(p,
		    p->participants.v[i].id.s, d->r->today);
		if (s == NULL)
			continue;
		if (first == NULL)
			first = s;
		same_end &= s->until.set == first->until.set
		    && (!s->until.set || s->until.day == first->until.day);
	}
	cmark_node *names = list(root);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		const struct ip_consent_sharing *s = ip_covering(p, q->id.s,
		    d->r->today);
		if (s == NULL || ip_find_participant(p, q->id.s) != q)
			continue;
		cmark_node *it = doc_item(names);
		user(d, it, who(d, q->id.s, false));
		if (!same_end && s->until.set)
			ip_md_text(&d->md, it, ip_arena_printf(&d->a, " (%s)",
			    ip_label_fill(&d->a, l->valid_until,
			    ip_labels_date(l, s->until.day, buf))));
		n++;
	}
	if (n == 0)
		paragraph(d, root, l->cf_nobody);
	end_list(names);
	if (first == NULL || !same_end || !first->until.set)
		return false;
	paragraph(d, root, ip_label_fill(&d->a, l->cf_until,
	    ip_labels_date(l, first->until.day, buf)));
	return true;
}

static cmark_node *
build_form(struct doc *d)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	struct ip_date born = { .set = ip_person_birth(p, &born.day) };
	int age = ip_person_age(p, d->r->today);
	bool child = age >= 0 && age < IP_AGE_OF_CONSENT;
	bool compulsory = p->person.care.set
	    && p->person.care.v == IP_CARE_COMPULSORY;
	const struct ip_participant **g;
	size_t ng = signers(d, &g);
	const char *we = l->cf_we[ng > 1], *we_lc = l->cf_we_lc[ng > 1];

	d->title = p->person.name.s ? ip_arena_printf(&d->a, "%s: %s",
	    l->cf_title, p->person.name.s) : l->cf_title;
	heading(d, root, 1, d->title);
	cmark_node *facts = list(root);
	fact_user(d, facts, l->name, p->person.name.s);
	fact(d, facts, l->birth_date, doc_date(d, &born));
	fact_user(d, facts, l->plan_id, p->id.s);
	fact(d, facts, l->period, range(d, &p->period.start, &p->period.end));
	end_list(facts);

	/* a child's guardians consent for the child, in the third person */
	heading(d, root, 2, l->consent_plan);
	paragraph(d, root, compulsory ? (child ? l->cf_child_plan_compulsory
	    : l->cf_plan_compulsory) : child
	    ? ip_label_fill(&d->a, l->cf_child_plan, we) : l->cf_plan_text);

	heading(d, root, 2, l->consent_sharing);
	paragraph(d, root, child ? ip_label_fill(&d->a, l->cf_child_sharing,
	    we) : l->cf_sharing_text);
	if (!form_sharing(d, root))
		paragraph(d, root, child ? ip_label_fill(&d->a,
		    l->cf_child_until_withdrawn, we_lc)
		    : l->cf_until_withdrawn);

	heading(d, root, 2, l->cf_withdraw);
	/* under compulsory care the consent to share is the only one */
	paragraph(d, root, child ? ip_label_fill(&d->a, compulsory
	    ? l->cf_child_withdraw_one : l->cf_child_withdraw_text, we)
	    : compulsory ? l->cf_withdraw_one : l->cf_withdraw_text);
	if (p->coordinator.s != NULL) {
		cmark_node *c = paragraph(d, root, NULL);
		label(d, c, l->coordinator);
		user(d, c, who(d, p->coordinator.s, true));
	}

	heading(d, root, 2, l->cf_sign);
	/* barneloven § 31: a child of 7 is heard before decisions */
	if (child && age >= 7)
		paragraph(d, root, l->cf_child_heard);
	blank(d, root, l->cf_place_date);
	if (!child)
		blank(d, root, l->cf_signature);
	if (age < 0)
		blank(d, root, l->cf_guardian);
	for (size_t i = 0; child && i < ng; i++)
		blank(d, root, ip_label_fill(&d->a, l->cf_signature_of,
		    g[i]->name.s ? g[i]->name.s : g[i]->id.s));
	if (child && ng == 0)
		blank(d, root, l->cf_guardian);
	return root;
}

/* --- the page ------------------------------------------------------------ */

/* The style sheet: a plain, printable page. */
static const char css[] =
	"body { font: 11pt/1.45 Georgia, \"DejaVu Serif\", serif;"
	" color: #111; background: #fff; max-width: 46em;"
	" margin: 2em auto; padding: 0 1em; }\n"
	"h1, h2, h3, h4, h5, h6 { font-family: \"Helvetica Neue\", Arial,"
	" \"DejaVu Sans\", sans-serif; line-height: 1.2; }\n"
	"h1 { font-size: 1.7em; margin: 0 0 .5em; }\n"
	"h2 { font-size: 1.3em; margin-top: 1.6em;"
	" border-bottom: 1px solid #888; padding-bottom: .15em; }\n"
	"h3 { font-size: 1.1em; margin-top: 1.2em; }\n"
	"h4, h5, h6 { font-size: 1em; }\n"
	"blockquote { margin: 1em 0; padding: .5em 1em;"
	" border-left: 4px solid #a00; background: #f4f4f4; }\n"
	"ul, ol { padding-left: 1.4em; }\n"
	"li { margin: .2em 0; }\n"
	"pre { white-space: pre-wrap; background: #f4f4f4; padding: .5em; }\n"
	"code { font-family: \"DejaVu Sans Mono\", monospace;"
	" font-size: .9em; }\n"
	"table.who { border-collapse: collapse; width: 100%; margin: .8em 0;"
	" font-size: .95em; }\n"
	"table.who th, table.who td { border: 1px solid #777;"
	" padding: .3em .4em; text-align: left; vertical-align: top; }\n"
	"table.who thead th { background: #e8e8e8; }\n"
	"table.who a { white-space: nowrap; }\n"
	"figure.timeline { margin: 1em 0; }\n"
	"figure.timeline svg { width: 100%; height: auto;"
	" font: 11px \"Helvetica Neue\", Arial, \"DejaVu Sans\", sans-serif; }\n"
	"svg text { fill: #111; }\n"
	"svg .tick { stroke: #aaa; stroke-width: .6; }\n"
	"svg .bar { fill: #666; stroke: #000; stroke-width: .8; }\n"
	"svg .bar.open { fill: #fff; stroke-dasharray: 4 2; }\n"

	"svg line.today { stroke: #000; stroke-width: 1.2;"
	" stroke-dasharray: 5 3; }\n"
	"@page { size: A4; margin: 2cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; max-width: none; margin: 0;"
	" padding: 0; }\n"
	"  h1, h2, h3, h4, h5, h6 { break-after: avoid;"
	" page-break-after: avoid; }\n"
	"  li, blockquote, pre, tr, figure { break-inside: avoid;"
	" page-break-inside: avoid; }\n"
	"  thead { display: table-header-group; }\n"
	"  blockquote, pre { background: none; }\n"
	"  a { color: inherit; text-decoration: none; }\n"
	"}\n";

/* The form's own print style: one A4 page, room to sign. */
static const char form_css[] =
	"body { max-width: 40em; }\n"
	"p:has(strong) { margin: 1.4em 0 0; }\n"
	"@page { size: A4; margin: 1.5cm 1.8cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; line-height: 1.35; }\n"
	"  h1 { font-size: 1.45em; }\n"
	"  h2 { font-size: 1.15em; margin: 1em 0 .4em; }\n"
	"  ul { margin: .4em 0; }\n"
	"  li { margin: .1em 0; }\n"
	"}\n";

static char *
page(struct doc *d, const char *body, const char *more_css)
{
	/* the title is one line, as in the heading */
	char *title = ip_arena_strndup(&d->a, d->title, strlen(d->title));
	for (char *c = title; (c = strpbrk(c, "\t\n")) != NULL;)
		*c = ' ';
	char *s = NULL;
	size_t len;
	FILE *f = ip_xmemstream(&s, &len);

	ip_html_start(f, d->l->code, ip_shown_text(d->v, d->l->nid_hidden, &d->a,
	    title),
	    ip_arena_printf(&d->a, "%s%s", css, more_css), "plan");
	fputs(body, f);
	ip_html_end(f);
	ip_xmemstream_close(f);
	return s;
}

/* Renders the tree that build makes of r as Markdown or a page. */
static char *
render(const struct ip_render *r, bool html,
    cmark_node *(*build_fn)(struct doc *), const char *more_css)
{
	struct doc d = { .r = r, .v = r->v, .l = r->l, .p = r->v->p,
	    .html = html, .lang = html ? r->text_lang : NULL };
	ip_md_init(&d.md, r->v, r->l->nid_hidden, &d.a);
	cmark_node *root = build_fn(&d);
	char *out = ip_md_render(&d.md, root, html);

	if (html) {
		char *body = out;
		out = page(&d, body, more_css);
		free(body);
	}
	cmark_node_free(root);
	ip_arena_free(&d.a);
	return out;
}

char *
ip_export_document(const struct ip_render *r, bool html)
{
	if (!ip_plan_draft(r->v->p))
		return render(r, html, build, "");
	/* a draft says so at the top of every printed page: the label is
	 * one of ours, a word with no quote or backslash in it */
	struct ip_arena a = { 0 };
	char *out = render(r, html, build, ip_arena_printf(&a,
	    "@page { @top-center { content: \"%s\";"
	    " font: bold 14pt sans-serif; } }\n", r->l->draft));
	ip_arena_free(&a);
	return out;
}

char *
ip_export_consent_form(const struct ip_render *r, bool html)
{
	return render(r, html, build_form, form_css);
}
