/*
 * record.c - recording what happens to a plan, in its own text (edit.c):
 * an evaluation meeting (ip-evaluate) and the end of the plan
 * (ip-close).  Each checks all it is given before it changes anything.
 */

#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "labels.h"

/* The day a plan starts, or INT32_MIN. */
static int32_t
plan_start(const struct ip_plan *p)
{
	return p->period.start.set ? p->period.start.day : INT32_MIN;
}

/* Refuses a date before the plan's start, named by opt. */
static int
not_before_start(const struct ip_plan *p, int32_t day, const char *opt,
    const struct ip_err *e)
{
	char a[16], b[16];
	if (day >= plan_start(p))
		return 0;
	return ip_fail(e, _("--%s %s is before the plan's start, %s"), opt,
	    ip_date_format(day, a), ip_date_format(plan_start(p), b));
}

/* --- ip-close ------------------------------------------------------------- */

/* Sets the root's key to v: after the first of the keys after the root
 * has, if it has not the key. */
static void
set_root(struct ip_doc *doc, const char *key, struct ip_ynode *v,
    const char *const *after)
{
	struct ip_ynode *root = ip_doc_root(doc);
	const char *a = NULL;
	for (size_t i = 0; after[i] != NULL && a == NULL; i++)
		if (ip_ynode_get(root, after[i]) != NULL)
			a = after[i];
	ip_doc_set_after(doc, root, key, v, a);
}

int
ip_close_edit(struct ip_doc *doc, const struct ip_close_opts *o,
    const struct ip_err *e)
{
	static const char *const after_status[] = { "language", "id",
		"format", NULL };
	static const char *const after_closed[] = { "status", NULL };
	const struct ip_plan *p = ip_doc_plan(doc);

	if (ip_plan_closed(p))
		return ip_fail(e, _("the plan is closed already"));
	if (ip_blank(o->reason))
		return ip_fail(e, _("--reason is empty: say why the plan "
		    "ends"));
	if (not_before_start(p, o->date, "date", e) != 0)
		return -1;
	set_root(doc, "status", ip_doc_new_word(doc, "closed"), after_status);
	struct ip_ynode *c = ip_doc_new_map(doc);
	ip_doc_set(doc, c, "date", ip_doc_new_date(doc, o->date));
	ip_doc_set(doc, c, "reason", ip_doc_new_text(doc, o->reason));
	set_root(doc, "closed", c, after_closed);
	return 0;
}

/* --- ip-evaluate ---------------------------------------------------------- */

/* An item's place in its list, counted from 1 as the documents number
 * it; 0 if it is not there. */
static size_t
place(const struct ip_ynode *list, const struct ip_ynode *item)
{
	for (size_t i = 0; i < ip_ynode_count(list); i++)
		if (ip_ynode_item(list, i) == item)
			return i + 1;
	return 0;
}

/* The sub-goal of the plan's tree with the id, or NULL; its number in
 * the documents ("1.2") in number. */
static struct ip_ynode *
find_subgoal(struct ip_ynode *root, const char *id, char number[48])
{
	struct ip_ynode *goals = ip_ynode_get(root, "goals");
	for (size_t i = 0; i < ip_ynode_count(goals); i++) {
		struct ip_ynode *list = ip_ynode_get(ip_ynode_item(goals, i),
		    "subgoals");
		struct ip_ynode *s = ip_ynode_find(list, "id", id);
		if (s != NULL) {
			snprintf(number, 48, "%zu.%zu", i + 1, place(list, s));
			return s;
		}
	}
	return NULL;
}

/* Everything an evaluation needs, checked. */
struct evaluation {
	struct ip_arena a;
	size_t n_sub, n_end;
	struct ip_ynode **sub;		/* the sub-goals, by o->subgoals */
	char (*sub_number)[48];		/* their numbers in the documents */
	struct ip_ynode **measure;	/* the measures, by o->end_measures */
	bool next_set;
	int32_t next;
};

static int
check(struct ip_doc *doc, const struct ip_evaluate_opts *o,
    struct evaluation *ev, const struct ip_err *e)
{
	const struct ip_plan *p = ip_doc_plan(doc);
	struct ip_ynode *root = ip_doc_root(doc);
	char a[16], b[16];

	if (ip_plan_closed(p))
		return ip_fail(e, _("the plan is closed: it has no more "
		    "evaluations"));
	if (ip_plan_draft(p))
		return ip_fail(e, _("the plan is a draft: make it active "
		    "(status: active) before it is evaluated"));
	if (not_before_start(p, o->date, "date", e) != 0)
		return -1;
	ev->sub = ip_arena_alloc(&ev->a, (o->n_subgoals + 1)
	    * sizeof(*ev->sub));
	ev->sub_number = ip_arena_alloc(&ev->a, (o->n_subgoals + 1)
	    * sizeof(*ev->sub_number));
	for (size_t i = 0; i < o->n_subgoals; i++) {
		const char *id = o->subgoals[i].id;
		if ((ev->sub[i] = find_subgoal(root, id,
		    ev->sub_number[i])) == NULL)
			return ip_fail(e, _("the plan has no sub-goal '%s'"),
			    id);
	}
	ev->n_sub = o->n_subgoals;
	ev->measure = ip_arena_alloc(&ev->a, (o->n_end_measures + 1)
	    * sizeof(*ev->measure));
	for (size_t i = 0; i < o->n_end_measures; i++) {
		const struct ip_measure_end *m = &o->end_measures[i];
		if ((ev->measure[i] = ip_ynode_find(ip_ynode_get(root,
		    "measures"), "id", m->id)) == NULL)
			return ip_fail(e, _("the plan has no measure '%s'"),
			    m->id);
		if (not_before_start(p, m->day, "end-measure", e) != 0)
			return -1;
	}
	ev->n_end = o->n_end_measures;
	if (o->next_set)
		ev->next = o->next;
	else if (o->next_in.n > 0)
		ev->next = ip_date_add(o->date, o->next_in.n,
		    o->next_in.unit);
	ev->next_set = o->next_set || o->next_in.n > 0;
	if (ev->next_set && ev->next <= o->date)
		return ip_fail(e, _("the next review, %s, is not after the "
		    "meeting, %s"), ip_date_format(ev->next, a),
		    ip_date_format(o->date, b));
	return 0;
}

int
ip_evaluate_check(struct ip_doc *doc, const struct ip_evaluate_opts *o,
    const struct ip_err *e)
{
	struct evaluation ev = { 0 };
	int rc = check(doc, o, &ev, e);
	ip_arena_free(&ev.a);
	return rc;
}

/* The days of the plan's review_interval, or -1 if it has none. */
static int32_t
interval_days(const struct ip_plan *p, int32_t from)
{
	const struct ip_interval *iv = &p->period.review_interval;
	return iv->set ? ip_date_add(from, iv->n, iv->unit) - from : -1;
}

/* Whether r is a planned review not yet done, its date into *day. */
static bool
planned(const struct ip_ynode *r, int32_t *day)
{
	const char *date = ip_ynode_scalar(ip_ynode_get(r, "date"));
	const struct ip_ynode *done = ip_ynode_get(r, "done");
	return date != NULL && ip_date_parse(date, day) == 0
	    && (done == NULL || ip_ynode_is_null(done));
}

/* The planned review not yet done nearest day, within window days of
 * it, or NULL.  Its date into *when. */
static struct ip_ynode *
nearest_review(struct ip_ynode *reviews, int32_t day, int32_t window,
    int32_t *when)
{
	struct ip_ynode *best = NULL;
	int32_t dist = INT32_MAX, d;

	for (size_t i = 0; i < ip_ynode_count(reviews); i++) {
		struct ip_ynode *r = ip_ynode_item(reviews, i);
		int32_t off;
		if (!planned(r, &d))
			continue;
		off = d > day ? d - day : day - d;
		if (off <= window && off < dist) {
			best = r;
			dist = off;
			*when = d;
		}
	}
	return best;
}

/* Where a review on day goes in the list, so that it stays in the
 * order of the dates: before the first review dated after day. */
static size_t
in_order(const struct ip_ynode *reviews, int32_t day)
{
	size_t n = ip_ynode_count(reviews);
	for (size_t i = 0; i < n; i++) {
		const char *date = ip_ynode_scalar(ip_ynode_get(
		    ip_ynode_item(reviews, i), "date"));
		int32_t d;
		if (date != NULL && ip_date_parse(date, &d) == 0 && d > day)
			return i;
	}
	return n;
}

/* The earliest planned review not done after day, or INT32_MAX. */
static int32_t
planned_after(const struct ip_ynode *reviews, int32_t day)
{
	int32_t next = INT32_MAX, d;
	for (size_t i = 0; i < ip_ynode_count(reviews); i++)
		if (planned(ip_ynode_item(reviews, i), &d) && d > day
		    && d < next)
			next = d;
	return next;
}

int
ip_evaluate_edit(struct ip_doc *doc, const struct ip_evaluate_opts *o,
    char **report, const struct ip_err *e)
{
	const struct ip_plan *p = ip_doc_plan(doc);
	struct evaluation ev = { 0 };
	char a[16], b[16];
	size_t len;

	*report = NULL;
	if (check(doc, o, &ev, e) != 0) {
		ip_arena_free(&ev.a);
		return -1;
	}
	FILE *f = ip_xmemstream(report, &len);
	struct ip_ynode *root = ip_doc_root(doc);
	struct ip_ynode *period = ip_doc_map_at(doc, root, "period");
	struct ip_ynode *reviews = period ? ip_doc_seq_at(doc, period,
	    "reviews") : NULL;
	if (reviews == NULL) {
		ip_xmemstream_close(f);
		free(*report);
		*report = NULL;
		ip_arena_free(&ev.a);
		return ip_fail(e, _("the plan's period or its reviews are not "
		    "a mapping and a list: correct them first"));
	}

	/* the review: the planned one nearest, or one added */
	int32_t interval = interval_days(p, o->date), when = 0;
	struct ip_ynode *r = nearest_review(reviews, o->date, interval >= 0
	    ? interval : ip_date_add(o->date, 3, 'm') - o->date, &when);
	if (r != NULL) {
		ip_doc_set_after(doc, r, "done", ip_doc_new_date(doc,
		    o->date), "date");
		fprintf(f, _("review planned for %s: done on %s\n"),
		    ip_date_format(when, a), ip_date_format(o->date, b));
	} else {
		r = ip_doc_new_map(doc);
		ip_doc_set(doc, r, "date", ip_doc_new_date(doc, o->date));
		ip_doc_set(doc, r, "done", ip_doc_new_date(doc, o->date));
		ip_doc_insert(doc, reviews, r, in_order(reviews, o->date));
		fprintf(f, _("review done on %s: added\n"),
		    ip_date_format(o->date, a));
	}
	if (o->summary != NULL && !ip_blank(o->summary)) {
		ip_doc_set_after(doc, r, "summary", ip_doc_new_text(doc,
		    o->summary), "done");
		fprintf(f, _("summary recorded\n"));
	}
	for (size_t i = 0; i < ev.n_sub; i++) {
		int status = o->subgoals[i].status;
		ip_doc_set_after(doc, ev.sub[i], "status",
		    ip_doc_new_word(doc, ip_vocab_goal_status[status]), "due");
		/* TRANSLATORS: the first %s is the sub-goal's number in
		 * the documents ("delmål 1.2"), the second its id, which
		 * --subgoal takes, the third its new status as the
		 * documents write it ("oppnådd" for achieved). */
		fprintf(f, _("sub-goal %s (%s): %s\n"), ev.sub_number[i],
		    ip_ynode_scalar(ip_ynode_get(ev.sub[i], "id")),
		    ip_labels_messages()->goal_status[status]);
	}
	struct ip_ynode *measures = ip_ynode_get(ip_doc_root(doc), "measures");
	for (size_t i = 0; i < ev.n_end; i++) {
		size_t number = place(measures, ev.measure[i]);
		ip_doc_set_after(doc, ev.measure[i], "end",
		    ip_doc_new_date(doc, o->end_measures[i].day), "start");
		/* TRANSLATORS: the measure's number in the documents
		 * ("tiltak 3"), its id, which --end-measure takes, and the
		 * date it ends. */
		fprintf(f, _("measure %zu (%s): ends on %s\n"), number,
		    ip_ynode_scalar(
		    ip_ynode_get(ev.measure[i], "id")),
		    ip_date_format(o->end_measures[i].day, a));
	}

	/* the next review: as asked, or one planned, or the interval's */
	int32_t planned = planned_after(reviews, o->date);
	bool past_end = false;
	if (!ev.next_set && planned == INT32_MAX && interval >= 0) {
		ev.next = o->date + interval;
		past_end = p->period.end.set && ev.next > p->period.end.day;
		ev.next_set = !past_end;
	}
	if (past_end)
		fprintf(f, _("no next review: the period ends on %s\n"),
		    ip_date_format(p->period.end.day, a));
	else if (ev.next_set && ev.next != planned) {
		struct ip_ynode *n = ip_doc_new_map(doc);
		ip_doc_set(doc, n, "date", ip_doc_new_date(doc, ev.next));
		ip_doc_insert(doc, reviews, n, in_order(reviews, ev.next));
		fprintf(f, _("next review: %s (added)\n"),
		    ip_date_format(ev.next, a));
	} else if (ev.next_set || planned != INT32_MAX)
		fprintf(f, _("next review: %s\n"), ip_date_format(ev.next_set
		    ? ev.next : planned, a));
	else
		fprintf(f, _("no next review: the plan has no review_interval "
		    "(give --next DATE or --next-in N{d|w|m})\n"));
	ip_xmemstream_close(f);
	ip_arena_free(&ev.a);
	return 0;
}

/* --- the summary ----------------------------------------------------------- */

/* s on one line, at most 60 bytes of it, cut at a character. */
static void
put_short(FILE *f, const char *s)
{
	size_t n = 0;
	for (const char *c = s; *c && n < 60; c++, n++)
		putc(*c == '\n' || *c == '\r' ? ' ' : *c, f);
	if (strlen(s) > 60) {
		while ((s[n] & 0xc0) == 0x80)	/* the rest of a character */
			putc(s[n++], f);
		fputs("…", f);
	}
}

char *
ip_evaluate_template(const struct ip_plan *p)
{
	const struct ip_labels *l = ip_labels(p->language.set
	    ? (enum ip_lang)p->language.v : IP_LANG_NB);
	struct ip_arena a = { 0 };
	char *buf, day[16];
	size_t len, open = 0;
	FILE *f = ip_xmemstream(&buf, &len);

	fprintf(f, "\n# %s\n#\n# %s:\n", l->ed_summary_head,
	    l->ed_open_subgoals);
	for (size_t i = 0; i < p->goals.n; i++)
		for (size_t j = 0; j < p->goals.v[i].subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &p->goals.v[i].subgoals.v[j];
			if (s->status.set && s->status.v != IP_GOAL_OPEN)
				continue;
			fprintf(f, "#   %s  ", s->id.s ? s->id.s : "?");
			put_short(f, s->text.s ? s->text.s : "");
			putc('\n', f);
			open++;
		}
	if (open == 0)
		fprintf(f, "#   (%s)\n", l->ev_nobody);
	fprintf(f, "#\n# %s:\n", l->measures);
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m = &p->measures.v[i];
		fprintf(f, "#   %s  ", m->id.s ? m->id.s : "?");
		put_short(f, m->title.s ? m->title.s : "");
		/* "title, from DATE until DATE" */
		const char *sep = ", ";
		if (m->start.set) {
			fprintf(f, "%s%s", sep, ip_label_fill(&a, l->from,
			    ip_date_format(m->start.day, day)));
			sep = " ";
		}
		if (m->end.set)
			fprintf(f, "%s%s", sep, ip_label_fill(&a, l->until,
			    ip_date_format(m->end.day, day)));
		putc('\n', f);
	}
	if (p->measures.n == 0)
		fprintf(f, "#   (%s)\n", l->ev_nobody);
	ip_xmemstream_close(f);
	ip_arena_free(&a);
	return buf;
}

char *
ip_summary_clean(const char *text, bool comments)
{
	char *buf;
	size_t len;
	FILE *f = ip_xmemstream(&buf, &len);
	size_t blank = 0, lines = 0;

	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		const char *next = p + n + (nl != NULL);
		if (comments && *p == '#') {
			p = next;
			continue;
		}
		while (n > 0 && strchr(" \t\r", p[n - 1]))
			n--;
		if (n == 0) {
			blank += lines > 0;	/* none before the first */
		} else {
			for (; blank > 0; blank--)
				putc('\n', f);
			if (lines++ > 0)
				putc('\n', f);
			fwrite(p, 1, n, f);
		}
		p = next;
	}
	if (lines > 1)
		putc('\n', f);
	ip_xmemstream_close(f);
	if (lines == 0) {
		free(buf);
		return NULL;
	}
	return buf;
}
