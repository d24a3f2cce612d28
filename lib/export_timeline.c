/*
 * export_timeline.c - the plan on a line, as an SVG drawing for the HTML
 * document: the plan period as the axis with a tick at each month, a bar
 * for each measure the view shows with its title above it, the reviews
 * and the sub-goals' due dates as marks on rows of their own, and today
 * as a line.
 *
 * Every row is as tall as the one before, so labels never overlap: a
 * longer plan makes a taller drawing.  The marks differ in shape, not
 * only in colour, so that the drawing reads in greyscale print.  Every
 * text from the plan is cleaned for XML and escaped.
 */
#include "render.h"

#include <libxml/entities.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "safe_md.h"

/* The drawing, in user units: a label column left of the axis. */
enum {
	TL_WIDTH = 720,		/* the whole drawing */
	TL_LEFT = 20,		/* the axis starts here */
	TL_RIGHT = 700,		/* and ends here */
	TL_ROW = 36,		/* one measure, or one row of marks */
	TL_TOP = 44,		/* above the first row: the month ticks */
	TL_TITLE_MAX = 90	/* characters of a title shown on a row */
};

struct tl {
	const struct ip_render *r;
	const char *lang;	/* ' lang="nb"' on the plan's text, or "" */
	const struct ip_plan *p;
	struct ip_arena *a;
	FILE *f;
	int32_t start, end;	/* the axis */
	int y;			/* the top of the next row */
};

/* s cleaned for XML and escaped, in the arena. */
static const char *
esc(struct tl *t, const char *s)
{
	xmlChar *e = xmlEncodeSpecialChars(NULL,
	    (const xmlChar *)ip_xml_clean(t->a, s));
	if (e == NULL)
		ip_oom();
	char *out = ip_arena_strndup(t->a, (const char *)e,
	    strlen((const char *)e));
	xmlFree(e);
	return out;
}

/* s cut to at most max characters, at a space if it can, with "…". */
static const char *
cut(struct tl *t, const char *s, size_t max)
{
	size_t i = 0, chars = 0, space = 0;

	while (s[i] != '\0' && chars < max) {
		if (s[i] == ' ' || s[i] == '\n')
			space = i;
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (s[i] == '\0')
		return s;
	if (space > i / 2)
		i = space;
	return ip_arena_printf(t->a, "%.*s…", (int)i, s);
}

/* The x of day on the axis, clamped to it. */
static double
x_of(const struct tl *t, int32_t day)
{
	if (day < t->start)
		day = t->start;
	if (day > t->end)
		day = t->end;
	return TL_LEFT + (double)(day - t->start) * (TL_RIGHT - TL_LEFT)
	    / (double)(t->end - t->start);
}

/* The month ticks, every step months so that there are at most
 * TL_MAX_TICKS whatever the period, labelled as often as they have room
 * for. */
#define TL_MAX_TICKS 48
static void
ticks(struct tl *t, int height)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600,
		1200, 2400, 6000 };
	int y, m, d, step = 1;
	ip_civil_from_days(t->start, &y, &m, &d);
	int32_t months = (t->end - t->start) / 30 + 1;
	for (size_t i = 0; i < sizeof(steps) / sizeof(*steps); i++)
		if (months / (step = steps[i]) + 1 <= TL_MAX_TICKS)
			break;
	/* the first month from the start that is a multiple of step */
	int32_t month = y * 12 + (m - 1) + (d != 1);
	month += (step - month % step) % step;
	int32_t n = months / step + 1;
	int every = n <= 14 ? 1 : n <= 28 ? 2 : n <= 42 ? 3 : 6;
	for (int i = 0;; i++, month += step) {
		y = month / 12;
		m = month % 12 + 1;
		if (y > 9999)
			break;
		int32_t day = ip_days_from_civil(y, m, 1);
		if (day > t->end)
			break;
		double x = x_of(t, day);
		fprintf(t->f, "<line class=\"tick\" x1=\"%.1f\" y1=\"%d\" "
		    "x2=\"%.1f\" y2=\"%d\"/>\n", x, TL_TOP - 8, x,
		    TL_TOP + height);
		if (i % every == 0 && x < TL_RIGHT - 20)
			fprintf(t->f, "<text x=\"%.1f\" y=\"%d\">%.3s%s</text>\n",
			    x + 2, TL_TOP - 12, t->r->l->months[m - 1],
			    m == 1 || i == 0 ? ip_arena_printf(t->a, " %d", y)
			    : "");
	}
}

/* A mark of shape at day on the row whose middle is y, with its text. */
static void
mark(struct tl *t, const char *shape, int32_t day, int y, const char *what)
{
	double x = x_of(t, day);
	fprintf(t->f, "<use href=\"#tl-%s\" x=\"%.1f\" y=\"%d\">"
	    "<title>%s</title></use>\n", shape, x, y, esc(t, what));
}

/* A row of marks with its label above them. */
static void
row_label(struct tl *t, const char *label)
{
	fprintf(t->f, "<text x=\"%d\" y=\"%d\">%s</text>\n", TL_LEFT,
	    t->y + 12, esc(t, label));
}

static void
measures(struct tl *t)
{
	const struct ip_plan *p = t->p;
	char from[IP_LONG_DATE], to[IP_LONG_DATE];

	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (!ip_view_shows(t->r->v, IP_F_MEASURE, m))
			continue;
		int32_t a = m->start.set ? m->start.day : t->start;
		int32_t b = m->end.set ? m->end.day : t->end;
		/* the dates as written, for the bar's title */
		ip_labels_date(t->r->l, a, from);
		ip_labels_date(t->r->l, b, to);
		if (b < a)
			b = a;
		const char *title = ip_label_fill(t->a, t->r->l->measure,
		    ip_arena_printf(t->a, "%zu",
		    ip_view_measure_number(t->r->v, i)));
		if (m->title.s != NULL)
			title = ip_arena_printf(t->a, "%s: %s", title,
			    cut(t, ip_shown_text(t->r->v,
			    t->r->l->nid_hidden, t->a, m->title.s),
			    TL_TITLE_MAX));
		double x1 = x_of(t, a), x2 = x_of(t, b);
		fprintf(t->f, "<text x=\"%d\" y=\"%d\"%s>%s</text>\n"
		    "<rect class=\"bar%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
		    "height=\"12\"><title>%s – %s</title></rect>\n",
		    TL_LEFT, t->y + 12, t->lang, esc(t, title),
		    m->start.set && m->end.set ? "" : " open", x1, t->y + 18,
		    x2 - x1 < 2 ? 2 : x2 - x1, from, to);
		t->y += TL_ROW;
	}
}

static void
reviews(struct tl *t)
{
	const union ip_review_list *rs = &t->p->period.reviews;
	const struct ip_labels *l = t->r->l;
	char buf[IP_LONG_DATE];

	if (rs->n == 0 || !ip_view_shows(t->r->v, IP_F_REVIEWS, NULL))
		return;
	row_label(t, l->reviews);
	for (size_t i = 0; i < rs->n; i++) {
		const struct ip_review *r = &rs->v[i];
		if (r->done.set)
			mark(t, "done", r->done.day, t->y + 24,
			    ip_arena_printf(t->a, "%s: %s", l->tl_review_done,
			    ip_labels_date(l, r->done.day, buf)));
		else if (r->date.set)
			mark(t, "planned", r->date.day, t->y + 24,
			    ip_arena_printf(t->a, "%s: %s", l->tl_review_planned,
			    ip_labels_date(l, r->date.day, buf)));
	}
	t->y += TL_ROW;
}

static void
due_dates(struct tl *t)
{
	const struct ip_plan *p = t->p;
	const struct ip_labels *l = t->r->l;
	char buf[IP_LONG_DATE];
	bool any = false;

	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (!s->due.set
			    || !ip_view_shows(t->r->v, IP_F_SUBGOAL, s))
				continue;
			if (!any)
				row_label(t, l->tl_due);
			any = true;
			mark(t, "due", s->due.day, t->y + 24,
			    ip_arena_printf(t->a, "%s: %s",
			    ip_label_fill(t->a, l->subgoal, ip_arena_printf(
			    t->a, "%zu.%zu", ip_view_goal_number(t->r->v, i),
			    ip_view_subgoal_number(t->r->v, i, j))),
			    ip_labels_date(l, s->due.day, buf)));
		}
	}
	if (any)
		t->y += TL_ROW;
}

/* The shapes of the marks, and the legend that names them. */
static void
legend(struct tl *t, bool reviews, bool due)
{
	const struct ip_labels *l = t->r->l;
	int x = TL_LEFT, y = t->y + 14;

	fprintf(t->f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"24\" "
	    "height=\"12\"/><text x=\"%d\" y=\"%d\">%s</text>\n", x, y - 10,
	    x + 30, y, esc(t, l->measures));
	x += 150;
	if (reviews) {
		fprintf(t->f, "<use href=\"#tl-planned\" x=\"%d\" y=\"%d\"/>"
		    "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 6, y - 4,
		    x + 16, y, esc(t, l->tl_review_planned));
		x += 170;
		fprintf(t->f, "<use href=\"#tl-done\" x=\"%d\" y=\"%d\"/>"
		    "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 6, y - 4,
		    x + 16, y, esc(t, l->tl_review_done));
		x += 170;
	}
	if (due)
		fprintf(t->f, "<use href=\"#tl-due\" x=\"%d\" y=\"%d\"/>"
		    "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 6, y - 4,
		    x + 16, y, esc(t, l->tl_due));
	t->y += TL_ROW;
}

char *
ip_timeline_svg(const struct ip_render *r, int32_t today,
    struct ip_arena *a)
{
	const struct ip_plan *p = r->v->p;
	const struct ip_labels *l = r->l;
	struct tl t = { .r = r, .p = p, .a = a, .y = TL_TOP };
	char *body = NULL, *out = NULL, from[IP_LONG_DATE], to[IP_LONG_DATE];
	size_t len;

	if (!p->period.start.set || !p->period.end.set
	    || p->period.end.day <= p->period.start.day)
		return NULL;
	t.lang = r->text_lang == NULL ? "" : ip_arena_printf(a,
	    " lang=\"%s\"", r->text_lang);
	t.start = p->period.start.day;
	t.end = p->period.end.day;
	t.f = ip_xmemstream(&body, &len);
	int first = t.y;
	measures(&t);
	int before = t.y;
	reviews(&t);
	bool has_reviews = t.y != before;
	before = t.y;
	due_dates(&t);
	bool has_due = t.y != before;
	int height = t.y - first;
	if (today >= t.start && today <= t.end) {
		double x = x_of(&t, today);
		fprintf(t.f, "<line class=\"today\" x1=\"%.1f\" y1=\"%d\" "
		    "x2=\"%.1f\" y2=\"%d\"/>\n<text class=\"today\" x=\"%.1f\" "
		    "y=\"%d\" text-anchor=\"%s\">%s</text>\n", x, TL_TOP - 8, x,
		    TL_TOP + height, x + (x > TL_RIGHT - 80 ? -4 : 4),
		    TL_TOP + height + 14, x > TL_RIGHT - 80 ? "end" : "start",
		    esc(&t, l->tl_today));
		t.y += 20;
	}
	ticks(&t, height);
	legend(&t, has_reviews, has_due);
	ip_xmemstream_close(t.f);

	FILE *f = ip_xmemstream(&out, &len);
	ip_labels_date(l, t.start, from);
	ip_labels_date(l, t.end, to);
	fprintf(f, "<figure class=\"timeline\">\n"
	    "<svg role=\"img\" aria-labelledby=\"tl-title tl-desc\" "
	    "viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\">\n"
	    "<title id=\"tl-title\">%s</title>\n"
	    "<desc id=\"tl-desc\">%s</desc>\n"
	    "<defs>\n"
	    "<path id=\"tl-planned\" fill=\"#fff\" stroke=\"#000\" "
	    "stroke-width=\"1.4\" d=\"M0 -6 L6 0 L0 6 L-6 0 Z\"/>\n"
	    "<path id=\"tl-done\" fill=\"#000\" "
	    "d=\"M0 -6 L6 0 L0 6 L-6 0 Z\"/>\n"
	    "<path id=\"tl-due\" fill=\"#fff\" stroke=\"#000\" "
	    "stroke-width=\"1.4\" d=\"M0 -6 L6 5 L-6 5 Z\"/>\n"
	    "</defs>\n%s</svg>\n</figure>\n", TL_WIDTH, t.y + 4,
	    esc(&t, l->tl_title), esc(&t, ip_label_fill(a, l->tl_desc,
	    from, to)), body);
	free(body);
	ip_xmemstream_close(f);
	char *s = ip_arena_strndup(a, out, strlen(out));
	free(out);
	return s;
}
