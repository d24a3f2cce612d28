/*
 * review.c - ip-review: what is due in each plan as of a day.
 *
 * Plans are loaded one at a time and dropped at once; only the findings
 * are kept, as records of 16 bytes that hold indexes and offsets rather
 * than pointers, with a record of 20 bytes for each plan that has any and
 * the strings they need in one buffer, those that repeat (coordinators,
 * directories, a sub-goal's or measure's id with its text cut short)
 * kept once.  They are sorted in place at the end and printed as text,
 * in the user's language (gettext), one line for each thing to do; as
 * TSV, or an iCalendar file in each plan's language (labels.c), one line
 * or event for each finding; or as mail, one message for each
 * coordinator (mail.c).
 */
#include "iplan.h"	/* ip_review_start() ... */

#include <pthread.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "due.h"
#include "i18n.h"
#include "labels.h"
#include "mail.h"
#include "nid.h"
#include "view.h"

/* The kinds of finding, in the order they sort on one day. */
enum kind { K_REVIEW, K_PERIOD_END, K_CONSENT, K_WITHDRAWN,
	K_SHARING_WITHDRAWN, K_SUBGOAL, K_MEASURE, K_NEVER, K_DRAFT };

static const struct {
	const char *name;	/* in TSV and in calendar UIDs */
	size_t summary;		/* the calendar event's title, in labels */
	bool keyed;		/* a plan can have several: the UID ends in
				   the item's id, else the date */
} kinds[] = {
	[K_REVIEW] = { "review", offsetof(struct ip_labels, ev_review),
	    true },
	[K_PERIOD_END] = { "period-end",
	    offsetof(struct ip_labels, ev_period_end), false },
	[K_CONSENT] = { "consent-expires",
	    offsetof(struct ip_labels, ev_consent), false },
	[K_WITHDRAWN] = { "consent-withdrawn",
	    offsetof(struct ip_labels, ev_withdrawn), false },
	[K_SHARING_WITHDRAWN] = { "sharing-withdrawn",
	    offsetof(struct ip_labels, ev_sharing_withdrawn), false },
	[K_SUBGOAL] = { "subgoal", offsetof(struct ip_labels, ev_subgoal),
	    true },
	[K_MEASURE] = { "measure-ended",
	    offsetof(struct ip_labels, ev_measure), true },
	[K_NEVER] = { "never-reviewed",
	    offsetof(struct ip_labels, ev_never), false },
	[K_DRAFT] = { "draft", offsetof(struct ip_labels, ev_draft), false },
};

/* The characters of a sub-goal's text or a measure's title that a line
 * shows, the last of them "..." when cut. */
#define TEXT_WIDTH	40

/* The coordinator of a plan record, when not the offset of their name and
 * e-mail address (one after the other, each ending in a NUL). */
#define NO_COORD	0		/* none, or not a participant */
#define THE_PERSON	UINT32_MAX	/* the participant of role person */

/* What the findings of one plan share; the strings are offsets into the
 * run's buffer, 0 for "". */
struct plan_rec {
	uint32_t order : 30;	/* the file's index in the walk */
	uint32_t lang : 2;	/* enum ip_lang: the calendar's words */
	uint32_t dir, base;	/* the display name: to its last '/', and
				   the rest */
	uint32_t id;		/* the plan's id */
	uint32_t coord;		/* see NO_COORD */
};
#define MAX_ORDER	((1u << 30) - 1)

struct finding {
	int32_t date;
	uint32_t plan;		/* index into the plan records */
	uint32_t item;		/* the sub-goal's or measure's id, its text
				   or title, cut, and its number in the
				   documents (keep_item()), or 0 */
	uint32_t kind : 4;
	uint32_t seq : 28;	/* the order found, the last tie-break; once
				   sorted for a calendar, which of the
				   events with one UID this is, from 1 */
};
#define MAX_FINDINGS	((1u << 28) - 1)

_Static_assert(sizeof(struct finding) == 16, "a finding is 16 bytes");
_Static_assert(sizeof(struct plan_rec) == 20, "a plan record is 20 bytes");

const char *const ip_review_formats[] = { "text", "tsv", "ics", NULL };

/* A string kept once: where it is and the hash of its bytes. */
struct str_slot {
	uint32_t off;		/* 0: an empty slot */
	uint32_t hash;
};

/* What the text makes of the findings of one plan, while it is
 * written. */
struct block {
	int32_t urgent;		/* the earliest date of a line */
	int32_t ended;		/* the plan period's end if it has ended,
				   else INT32_MAX */
	uint32_t folded;	/* the findings its line stands for */
	bool close;		/* the action may be to close the plan */
	bool consent;		/* its findings are all of consents to share,
				   which ip-consent(1) records */
	bool mail_to;		/* mail goes to the coordinator's address
				   (mail_to()) */
	uint32_t group;		/* its group's place in the order of
				   by_plan_group(), if grouped */
};

struct ip_review_run {
	int32_t today, horizon;
	int32_t drafts_from;	/* a draft begun before it is reported */
	enum ip_review_format format;
	bool grouped;		/* --by-coordinator, or mail */
	int lang;		/* --language: enum ip_lang, or -1 */
	const struct ip_review_mail *mail;
	struct block *blocks;	/* by plan record, while text is written */
	pthread_mutex_t mu;	/* guards everything below */
	struct finding *f;
	size_t nf, capf;
	struct plan_rec *plans;
	size_t nplans, capplans;
	char *s;		/* the strings, each ending in a NUL; s[0] is
				   "" */
	size_t ns, caps;
	struct str_slot *tab;	/* the strings kept once, by hash; a power
				   of two of slots, at most half full */
	size_t ntab, captab;
};

static const char *
str(const struct ip_review_run *r, uint32_t off)
{
	return r->s + off;
}

/* Appends the n bytes at s and a NUL to the strings, with < and > made ?
 * if angle, and returns their offset. */
static uint32_t
append(struct ip_review_run *r, const char *s, size_t n, bool angle)
{
	size_t at = r->ns;

	if (n >= UINT32_MAX - at)
		ip_limit("bytes of names in one run (4 GiB)");
	r->s = ip_grow(r->s, &r->caps, at + n + 1, 1);
	memcpy(r->s + at, s, n);
	r->s[at + n] = '\0';
	if (angle)
		for (char *c = r->s + at; c < r->s + at + n; c++)
			if (*c == '<' || *c == '>')
				*c = '?';
	r->ns = at + n + 1;
	return (uint32_t)at;
}

static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Keeps the strings appended from off to the end of the buffer once:
 * returns the offset of the first copy of those bytes, dropping these if
 * they were there before. */
static uint32_t
once(struct ip_review_run *r, uint32_t off)
{
	const char *s = r->s + off;
	size_t n = r->ns - off - 1;
	uint32_t h = hash(s, n);

	if (2 * (r->ntab + 1) > r->captab) {
		size_t cap = r->captab ? 2 * r->captab : 64;
		struct str_slot *t = ip_xcalloc(cap, sizeof(*t));
		for (size_t i = 0; i < r->captab; i++) {
			size_t j = r->tab[i].hash & (cap - 1);
			if (r->tab[i].off == 0)
				continue;
			while (t[j].off != 0)
				j = (j + 1) & (cap - 1);
			t[j] = r->tab[i];
		}
		free(r->tab);
		r->tab = t;
		r->captab = cap;
	}
	size_t j = h & (r->captab - 1);
	for (; r->tab[j].off != 0; j = (j + 1) & (r->captab - 1)) {
		const struct str_slot *e = &r->tab[j];
		if (e->hash == h && memcmp(r->s + e->off, s, n + 1) == 0) {
			r->ns = off;
			return e->off;
		}
	}
	r->tab[j] = (struct str_slot){ off, h };
	r->ntab++;
	return off;
}

static uint32_t
keep(struct ip_review_run *r, const char *s)
{
	return s == NULL || *s == '\0' ? 0 : append(r, s, strlen(s), false);
}

static uint32_t
keep_once(struct ip_review_run *r, const char *s, size_t n)
{
	return n == 0 ? 0 : once(r, append(r, s, n, false));
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Appends s as one line, as ip_clean_step() shows it, each run of white
 * space made one space and none at either end, and a NUL: whole if it
 * has at most TEXT_WIDTH characters, else its first TEXT_WIDTH - 1 and
 * an ellipsis.  What ip_clean_step() puts instead of a national id counts
 * as one character, so that no cut leaves a part of one. */
static void
append_text(struct ip_review_run *r, const char *s)
{
	size_t at = r->ns, o = at, cut = at, chars = 0;

	r->s = ip_grow(r->s, &r->caps, at + 1, 1);
	while (*s != '\0') {
		if (is_space(*s)) {
			s++;
			continue;
		}
		const char *instead;
		size_t n = ip_clean_step(s, &instead);
		const char *c = instead != NULL ? instead : s;
		size_t cn = instead != NULL ? strlen(instead) : n;
		if (cn + 5 >= UINT32_MAX - o)
			ip_limit("bytes of names in one run (4 GiB)");
		/* a space, the character, an ellipsis and the NUL */
		r->s = ip_grow(r->s, &r->caps, o + cn + 5, 1);
		if (o > at && is_space(s[-1])) {
			if (++chars == TEXT_WIDTH)
				cut = o;
			r->s[o++] = ' ';
		}
		if (++chars == TEXT_WIDTH)
			cut = o;
		memcpy(r->s + o, c, cn);
		o += cn;
		s += n;
	}
	if (chars > TEXT_WIDTH) {
		for (o = cut; o > at && r->s[o - 1] == ' '; o--)
			;
		memcpy(r->s + o, "\xe2\x80\xa6", 3);	/* U+2026 */
		o += 3;
	}
	r->s[o++] = '\0';
	r->ns = o;
}

/* A sub-goal's or measure's id, its text and its number, each ending in
 * a NUL, kept once. */
static uint32_t
keep_item(struct ip_review_run *r, const struct ip_text *id,
    const struct ip_text *text, const char *number)
{
	const char *i = id->s != NULL ? id->s : "";
	uint32_t off = append(r, i, strlen(i), false);
	append_text(r, text->s != NULL ? text->s : "");
	append(r, number, strlen(number), false);
	return once(r, off);
}

/* The text after an item's id. */
static const char *
item_text(const struct ip_review_run *r, uint32_t item)
{
	const char *id = str(r, item);
	return id + strlen(id) + 1;
}

/* The number after an item's text: "1.2" for the second sub-goal of the
 * first goal, as the documents number it. */
static const char *
item_number(const struct ip_review_run *r, uint32_t item)
{
	const char *text = item_text(r, item);
	return text + strlen(text) + 1;
}

/* The coordinator's name and address, kept once, < and > in them made ?
 * so that only a real address is ever shown in angle brackets. */
static uint32_t
keep_coordinator(struct ip_review_run *r, const char *name,
    const char *email)
{
	uint32_t off = append(r, name, strlen(name), true);
	append(r, email, strlen(email), true);
	return once(r, off);
}

static const char *
coord_name(const struct ip_review_run *r, const struct plan_rec *pr)
{
	return pr->coord == THE_PERSON ? "(the person)" : str(r, pr->coord);
}

static const char *
coord_email(const struct ip_review_run *r, const struct plan_rec *pr)
{
	if (pr->coord == NO_COORD || pr->coord == THE_PERSON)
		return "";
	const char *name = str(r, pr->coord);
	return name + strlen(name) + 1;
}

/* --- what is due --------------------------------------------------------- */

/* One plan being scanned; its record is made at its first finding. */
struct scan {
	struct ip_review_run *r;
	const struct ip_plan *p;
	size_t order;
	uint32_t rec;		/* UINT32_MAX until made */
};

static uint32_t
plan_rec(struct ip_review_run *r, const struct ip_plan *p, size_t order)
{
	const struct ip_participant *c = ip_plan_coordinator(p);
	const char *file = p->file != NULL ? p->file : "";
	const char *slash = strrchr(file, '/');
	size_t dir = slash != NULL ? (size_t)(slash - file) + 1 : 0;

	if (r->nplans >= UINT32_MAX)
		ip_limit("plans in one run (2^32)");
	if (order > MAX_ORDER)
		ip_limit("files in one run (2^30)");
	r->plans = ip_grow(r->plans, &r->capplans, r->nplans + 1,
	    sizeof(*r->plans));
	struct plan_rec *pr = &r->plans[r->nplans];
	pr->order = (uint32_t)order;
	pr->lang = p->language.set ? (uint32_t)p->language.v : IP_LANG_NB;
	pr->dir = keep_once(r, file, dir);
	pr->base = keep(r, file + dir);
	pr->id = keep(r, p->id.s);
	if (c == NULL)
		pr->coord = NO_COORD;
	else if (c->role.set && c->role.v == IP_ROLE_PERSON)
		pr->coord = THE_PERSON;	/* never the person's name */
	else
		pr->coord = keep_coordinator(r, c->name.s != NULL ? c->name.s
		    : c->id.s != NULL ? c->id.s : "",
		    c->email.s != NULL ? c->email.s : "");
	return (uint32_t)r->nplans++;
}

/* Adds a finding of kind k on date, about the sub-goal or measure with
 * the id, text and number, or about the plan if id is NULL. */
static void
scan_add(struct scan *s, enum kind k, int32_t date, const struct ip_text *id,
    const struct ip_text *text, const char *number)
{
	struct ip_review_run *r = s->r;

	if (s->rec == UINT32_MAX)
		s->rec = plan_rec(r, s->p, s->order);
	if (r->nf >= MAX_FINDINGS)
		ip_limit("findings in one run (2^28)");
	r->f = ip_grow(r->f, &r->capf, r->nf + 1, sizeof(*r->f));
	r->f[r->nf] = (struct finding){ .date = date, .plan = s->rec,
	    .item = id != NULL ? keep_item(r, id, text, number) : 0, .kind = k,
	    .seq = (uint32_t)r->nf };
	r->nf++;
}

/* The consents to share information, each kind once: the earliest end,
 * to the horizon, of those not withdrawn, if it leaves someone it names
 * covered by no consent (ip_uncovered()) the day after, or today if that
 * is later, since a consent given in its place settles it; and the last
 * withdrawn that left someone it names uncovered that day, until a
 * review is done on or after its day. */
static void
scan_sharing(struct scan *s, const struct ip_reviews *rs)
{
	const union ip_consent_sharing_list *l =
	    &s->p->consent.information_sharing;
	const int32_t today = s->r->today, horizon = s->r->horizon;
	int32_t end = INT32_MAX, last = INT32_MIN;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_consent_sharing *c = &l->v[i];
		if (c->withdrawn.set) {
			int32_t w = c->withdrawn.day;
			if (w <= horizon && w > last
			    && ip_uncovered(s->p, c, w) != NULL)
				last = w;
		} else if (c->until.set && c->until.day <= horizon
		    && c->until.day < end) {
			int32_t after = c->until.day + 1;
			if (ip_uncovered(s->p, c, after > today ? after
			    : today) != NULL)
				end = c->until.day;
		}
	}
	if (end != INT32_MAX)
		scan_add(s, K_CONSENT, end, NULL, NULL, NULL);
	if (last != INT32_MIN && rs->last_done < last)
		scan_add(s, K_SHARING_WITHDRAWN, last, NULL, NULL, NULL);
}

/* Adds what is due in p: planned reviews to the horizon and the one
 * review_interval asks for, the end of the period and of the consents to
 * share information to the horizon and a consent to share withdrawn
 * (scan_sharing()), a consent to the plan withdrawn from a plan still
 * active, open sub-goals past their date,
 * measures ended without a review since, and a plan never reviewed after
 * its first planned date. */
static void
scan(struct ip_review_run *r, const struct ip_plan *p, size_t order)
{
	const int32_t today = r->today, horizon = r->horizon;
	const struct ip_period *pe = &p->period;
	struct scan s = { r, p, order, UINT32_MAX };
	int32_t first;

	char number[48];

	if (ip_plan_closed_on(p, today))
		return;
	if (ip_plan_draft(p)) {	/* nothing is due in it but itself */
		if (ip_draft_begun(p, &first) && first < r->drafts_from)
			scan_add(&s, K_DRAFT, first, NULL, NULL, NULL);
		return;
	}
	struct ip_reviews rs = ip_reviews_of(p, today);
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    &pe->reviews.v[i];
		if (!(rv->done.set && rv->done.day <= today) && rv->date.set
		    && rv->date.day <= horizon)
			scan_add(&s, K_REVIEW, rv->date.day, NULL, NULL, NULL);
	}
	if (rs.interval <= horizon)
		scan_add(&s, K_REVIEW, rs.interval, NULL, NULL, NULL);
	if (pe->end.set && pe->end.day <= horizon)
		scan_add(&s, K_PERIOD_END, pe->end.day, NULL, NULL, NULL);
	scan_sharing(&s, &rs);
	int32_t withdrawn;
	if (ip_plan_withdrawn(p, horizon, &withdrawn))
		scan_add(&s, K_WITHDRAWN, withdrawn, NULL, NULL, NULL);
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *sg =
			    &g->subgoals.v[j];
			if (!sg->due.set || sg->due.day >= today
			    || (sg->status.set
				&& sg->status.v != IP_GOAL_OPEN))
				continue;
			snprintf(number, sizeof(number), "%zu.%zu", i + 1,
			    j + 1);
			scan_add(&s, K_SUBGOAL, sg->due.day, &sg->id,
			    &sg->text, number);
		}
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (!m->end.set || m->end.day >= today
		    || rs.last_done >= m->end.day)
			continue;
		snprintf(number, sizeof(number), "%zu", i + 1);
		scan_add(&s, K_MEASURE, m->end.day, &m->id, &m->title, number);
	}
	if (ip_reviews_never(&rs, today, &first))
		scan_add(&s, K_NEVER, first, NULL, NULL, NULL);
}

void
ip_review_add(struct ip_review_run *r, const struct ip_plan *p,
    size_t index)
{
	pthread_mutex_lock(&r->mu);
	scan(r, p, index);
	pthread_mutex_unlock(&r->mu);
}

/* --- sorting ------------------------------------------------------------- */

typedef int order_fn(const struct ip_review_run *r, const void *a,
    const void *b);

static void
swap(void *a, void *b, size_t size)
{
	unsigned char t[sizeof(struct finding)];
	memcpy(t, a, size);
	memcpy(a, b, size);
	memcpy(b, t, size);
}

static void
sift(const struct ip_review_run *r, unsigned char *v, size_t size,
    size_t i, size_t n, order_fn *cmp)
{
	for (size_t c; (c = 2 * i + 1) < n; i = c) {
		if (c + 1 < n && cmp(r, v + c * size, v + (c + 1) * size) < 0)
			c++;
		if (cmp(r, v + i * size, v + c * size) >= 0)
			return;
		swap(v + i * size, v + c * size, size);
	}
}

/* Heapsort: in place, where qsort() makes a copy of all the findings;
 * every order here is total, so that it need not be stable. */
static void
sort(const struct ip_review_run *r, void *base, size_t n, size_t size,
    order_fn *cmp)
{
	unsigned char *v = base;

	for (size_t i = n / 2; i-- > 0;)
		sift(r, v, size, i, n, cmp);
	for (size_t end = n; end-- > 1;) {
		swap(v, v + end * size, size);
		sift(r, v, size, 0, end, cmp);
	}
}

static int
by_date(const struct ip_review_run *r, const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	uint32_t xo = r->plans[x->plan].order, yo = r->plans[y->plan].order;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (xo != yo)
		return xo < yo ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;	/* as found */
}

/* 0: a coordinator by name and address, 1: the person, 2: none. */
static int
coord_class(uint32_t coord)
{
	return coord == NO_COORD ? 2 : coord == THE_PERSON;
}

/* Coordinators by name and address, then the person, then none. */
static int
by_group(const struct ip_review_run *r, const struct plan_rec *x,
    const struct plan_rec *y)
{
	if (x->coord == y->coord)	/* each is kept once */
		return 0;
	if (coord_class(x->coord) != coord_class(y->coord))
		return coord_class(x->coord) - coord_class(y->coord);
	int c = strcmp(coord_name(r, x), coord_name(r, y));
	return c != 0 ? c : strcmp(coord_email(r, x), coord_email(r, y));
}

/* The address the mail of the plan record i goes to: its coordinator's,
 * if make_blocks() found it a plain address of a coordinator who is not
 * the person, else NULL: the address of --mail-to. */
static const char *
mail_to(const struct ip_review_run *r, uint32_t i)
{
	return r->blocks[i].mail_to ? coord_email(r, &r->plans[i]) : NULL;
}

/* The plans of one address together, those for --mail-to last, each
 * address's in the order of by_group(). */
static int
by_address(const struct ip_review_run *r, uint32_t i, uint32_t j)
{
	const struct plan_rec *x = &r->plans[i], *y = &r->plans[j];
	const char *a = mail_to(r, i), *b = mail_to(r, j);
	int c;

	if ((a == NULL) != (b == NULL))
		return a == NULL ? 1 : -1;
	if (a != NULL && (c = strcmp(a, b)) != 0)
		return c;
	return by_group(r, x, y);
}

/* The order of the plan records at a and b in the groups of the text:
 * their addresses' (mail) or their coordinators'. */
static int
by_plan_group(const struct ip_review_run *r, const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;

	return r->mail != NULL ? by_address(r, i, j)
	    : by_group(r, &r->plans[i], &r->plans[j]);
}

/* The lines of the text: each coordinator's together (--by-coordinator)
 * or each address's (mail), in the order make_blocks() numbered them,
 * then the plans by their most urgent line, each plan's lines together,
 * by date. */
static int
by_block(const struct ip_review_run *r, const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	const struct plan_rec *px = &r->plans[x->plan],
	    *py = &r->plans[y->plan];
	int32_t ux = r->blocks[x->plan].urgent, uy = r->blocks[y->plan].urgent;
	uint32_t gx = r->blocks[x->plan].group, gy = r->blocks[y->plan].group;

	if (gx != gy)
		return gx < gy ? -1 : 1;
	if (ux != uy)
		return ux < uy ? -1 : 1;
	if (px->order != py->order)
		return px->order < py->order ? -1 : 1;
	return by_date(r, a, b);
}

/* --- text and TSV -------------------------------------------------------- */

static void
print_file(const struct ip_review_run *r, const struct plan_rec *pr,
    FILE *out)
{
	ip_fputs_clean(str(r, pr->dir), out);
	ip_fputs_clean(str(r, pr->base), out);
}

/* Writes the message fmt with its arguments as ip_fputs_clean() writes a
 * string: the arguments hold text from the plan. */
static void say(FILE *out, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
say(FILE *out, const char *fmt, ...)
{
	va_list ap;
	char buf[256], *s = buf;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0) {		/* cannot be formatted: say what it is */
		ip_fputs_clean(fmt, out);
		return;
	}
	if ((size_t)n >= sizeof(buf)) {
		s = ip_xcalloc((size_t)n + 1, 1);
		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	ip_fputs_clean(s, out);
	if (s != buf)
		free(s);
}

/* True if a finding of kind k about the plan of f[i], on its day, comes
 * after it (dir 1) or before it (dir -1): they are next to each other. */
static bool
beside(const struct ip_review_run *r, size_t i, int dir, enum kind k)
{
	const struct finding *f = &r->f[i];

	for (size_t j = i + (size_t)dir; j < r->nf && r->f[j].plan == f->plan
	    && r->f[j].date == f->date; j += (size_t)dir)
		if (r->f[j].kind == k)
			return true;
	return false;
}

/* What f is about and how it stands, as of today, in words, as a
 * finding of kind k. */
static void
print_what(const struct ip_review_run *r, const struct finding *f,
    enum kind k, FILE *out)
{
	long days = (long)f->date - r->today, ago = -days;
	const char *id = f->item != 0 ? str(r, f->item) : "";
	const char *text = f->item != 0 ? item_text(r, f->item) : "";
	const char *number = f->item != 0 ? item_number(r, f->item) : "";
	uint32_t folded = r->blocks[f->plan].folded;

	if (*id == '\0')
		id = "?";
	switch (k) {
	case K_REVIEW:
		if (days < 0)
			/* TRANSLATORS: this and the messages after it are
			   the lines of ip-review, what is due in a plan,
			   after its date and file; %ld is a number of days.
			   The regulation's words: a review of the plan is
			   "evaluering", a measure "tiltak", a sub-goal
			   "delmål". */
			say(out, P_("review overdue by %ld day",
			    "review overdue by %ld days", ago), ago);
		else if (days == 0)
			say(out, _("review due today"));
		else
			say(out, P_("review due in %ld day",
			    "review due in %ld days", days), days);
		break;
	case K_NEVER:	/* always overdue */
		/* TRANSLATORS: %ld is the number of days since the first
		   review was planned; none has been held. */
		say(out, P_("first review overdue by %ld day, and the plan "
		    "has never been reviewed", "first review overdue by %ld "
		    "days, and the plan has never been reviewed", ago), ago);
		break;
	case K_PERIOD_END:
		if (days < 0) {
			/* TRANSLATORS: %ld is a number of days; the plan
			   period is "planperioden".  What to do: evaluate
			   ("evaluer") and renew the plan, or close it
			   ("avslutt"). */
			say(out, P_("plan period ended %ld day ago: evaluate "
			    "and renew the plan, or close it", "plan period "
			    "ended %ld days ago: evaluate and renew the plan, "
			    "or close it", ago), ago);
			if (folded > 0)
				/* TRANSLATORS: after "plan period ended ...":
				   %u is the number of the plan's other
				   findings, such as measures ended and
				   sub-goals due, that this line stands
				   for. */
				say(out, P_(" (and %u finding that follows "
				    "from it)", " (and %u findings that follow "
				    "from it)", folded), folded);
		} else if (days == 0)
			say(out, _("plan period ends today"));
		else
			say(out, P_("plan period ends in %ld day",
			    "plan period ends in %ld days", days), days);
		break;
	case K_CONSENT:
		if (days < 0)
			/* TRANSLATORS: %ld is a number of days; this is the
			   consent to share information ("samtykke til å
			   dele opplysninger"), valid until and including
			   a day. */
			say(out, P_("consent to share information expired %ld "
			    "day ago, and the plan is still active",
			    "consent to share information expired %ld days "
			    "ago, and the plan is still active", ago), ago);
		else if (days == 0)
			say(out, _("consent to share information expires "
			    "today"));
		else
			say(out, P_("consent to share information expires in "
			    "%ld day", "consent to share information expires "
			    "in %ld days", days), days);
		break;
	case K_WITHDRAWN:
		if (days < 0)
			/* TRANSLATORS: %ld is a number of days; the consent
			   to the plan ("samtykke til planen") is withdrawn,
			   so the plan must be closed ("avsluttet"). */
			say(out, P_("consent to the plan withdrawn %ld day "
			    "ago, and the plan is not closed", "consent to the "
			    "plan withdrawn %ld days ago, and the plan is not "
			    "closed", ago), ago);
		else if (days == 0)
			say(out, _("consent to the plan withdrawn today, and "
			    "the plan is not closed"));
		else
			/* TRANSLATORS: %ld is a number of days: the consent
			   to the plan is recorded as withdrawn from a day to
			   come. */
			say(out, P_("consent to the plan withdrawn in %ld day, "
			    "and the plan is not closed", "consent to the plan "
			    "withdrawn in %ld days, and the plan is not "
			    "closed", days), days);
		break;
	case K_SHARING_WITHDRAWN:
		if (days < 0)
			/* TRANSLATORS: %ld is a number of days; a consent to
			   share information ("samtykke til å dele
			   opplysninger") was withdrawn, and no review
			   has been held since. */
			say(out, P_("consent to share information withdrawn "
			    "%ld day ago, with no review since", "consent to "
			    "share information withdrawn %ld days ago, with "
			    "no review since", ago), ago);
		else if (days == 0)
			say(out, _("consent to share information withdrawn "
			    "today"));
		else
			say(out, P_("consent to share information withdrawn "
			    "in %ld day", "consent to share information "
			    "withdrawn in %ld days", days), days);
		break;
	case K_SUBGOAL:	/* always overdue */
		/* TRANSLATORS: the first %s is the sub-goal's number in the
		   documents (1.5: "delmål 1.5"), the second its id, which
		   ip-evaluate takes (g1.5), the third its text, cut short;
		   %ld the days since its due date.  Put the text in the
		   language's quotation marks. */
		say(out, P_("sub-goal %s (%s) \"%s\" still open, due %ld day "
		    "ago", "sub-goal %s (%s) \"%s\" still open, due %ld days "
		    "ago", ago), number, id, text, ago);
		break;
	case K_MEASURE:	/* always overdue */
		/* TRANSLATORS: the first %s is the measure's number in the
		   documents (2: "tiltak 2"), the second its id, which
		   ip-evaluate takes (t2), the third its title, cut short;
		   %ld the days since it ended.  Put the title in the
		   language's quotation marks. */
		say(out, P_("measure %s (%s) \"%s\" ended %ld day ago, with "
		    "no review since", "measure %s (%s) \"%s\" ended %ld days "
		    "ago, with no review since", ago), number, id, text, ago);
		break;
	case K_DRAFT:	/* always past */
		/* TRANSLATORS: %ld is the number of days since the draft
		   ("utkast") was begun (created); status: active is what
		   the plan file must say, keep it as it is. */
		say(out, P_("draft begun %ld day ago and not yet active: "
		    "finish it and make it status: active", "draft begun %ld "
		    "days ago and not yet active: finish it and make it "
		    "status: active", ago), ago);
		break;
	}
}

/* The coordinator of a plan, in a heading or after a line. */
static void
print_coordinator(const struct ip_review_run *r, const struct plan_rec *pr,
    bool heading, FILE *out)
{
	if (pr->coord == NO_COORD)
		fputs(_("(no coordinator)"), out);
	else if (pr->coord == THE_PERSON)
		/* TRANSLATORS: the coordinator of the plan is the person
		   the plan is for, who is never named. */
		fputs(_("(coordinator: the person)"), out);
	else if (heading) {
		ip_fputs_clean(coord_name(r, pr), out);
		if (*coord_email(r, pr) != '\0') {
			fputs(" <", out);
			ip_fputs_clean(coord_email(r, pr), out);
			putc('>', out);
		}
	} else
		/* TRANSLATORS: %s is the coordinator's name, after a
		   line of ip-review. */
		say(out, _("(coordinator %s)"), coord_name(r, pr));
}

/* --- one line for each thing to do ------------------------------------- */

/* True if the finding f is said on the line of the plan period that has
 * ended (b->ended): the reviews, the sub-goals due and the measures
 * ended, which evaluating and renewing the plan settles, and the consent
 * to share information that ran out with the period or after it. */
static bool
folded(const struct block *b, const struct finding *f)
{
	if (b->ended == INT32_MAX)
		return false;
	switch ((enum kind)f->kind) {
	case K_REVIEW:
	case K_NEVER:
	case K_SUBGOAL:
	case K_MEASURE:
		return true;
	case K_CONSENT:
		return f->date >= b->ended;
	default:
		return false;
	}
}

/* What the text makes of each plan's findings: r->blocks.  Whether a
 * plan's mail goes to its coordinator is decided here, once a plan, and
 * not at each comparison of the sort. */
static void
make_blocks(struct ip_review_run *r)
{
	r->blocks = ip_xcalloc(r->nplans, sizeof(*r->blocks));
	for (size_t i = 0; i < r->nplans; i++) {
		const char *a = coord_email(r, &r->plans[i]);
		r->blocks[i] = (struct block){ .urgent = INT32_MAX,
		    .ended = INT32_MAX, .consent = true,
		    .mail_to = r->mail != NULL && *a != '\0'
		    && ip_mail_address_ok(a) };
	}
	if (r->grouped && r->nplans > 0) {
		/* the groups numbered in their order, once a plan, and not
		 * compared by name at each comparison of the sort */
		uint32_t *v = ip_xcalloc(r->nplans, sizeof(*v));
		for (size_t i = 0; i < r->nplans; i++)
			v[i] = (uint32_t)i;
		sort(r, v, r->nplans, sizeof(*v), by_plan_group);
		for (size_t i = 1; i < r->nplans; i++)
			r->blocks[v[i]].group = r->blocks[v[i - 1]].group
			    + (by_plan_group(r, &v[i - 1], &v[i]) != 0);
		free(v);
	}
	for (size_t i = 0; i < r->nf; i++) {
		const struct finding *f = &r->f[i];
		struct block *b = &r->blocks[f->plan];
		if (f->kind == K_PERIOD_END && f->date < r->today)
			b->ended = f->date;
		if (f->kind == K_WITHDRAWN && f->date <= r->today)
			b->close = true;
		b->consent &= f->kind == K_CONSENT
		    || f->kind == K_SHARING_WITHDRAWN;
	}
	for (size_t i = 0; i < r->nf; i++) {
		const struct finding *f = &r->f[i];
		struct block *b = &r->blocks[f->plan];
		b->close |= b->ended != INT32_MAX;
		if (folded(b, f))
			/* a never-reviewed is said with its first review */
			b->folded += f->kind != K_NEVER;
		else if (f->date < b->urgent)
			b->urgent = f->date;
	}
}

/* True if the finding f[i] has a line of its own: it is not folded into
 * the line of the plan period, nor the never-reviewed said on the line
 * of its plan's first review. */
static bool
has_line(const struct ip_review_run *r, size_t i)
{
	const struct finding *f = &r->f[i];
	return !folded(&r->blocks[f->plan], f)
	    && !(f->kind == K_NEVER && beside(r, i, -1, K_REVIEW));
}

/* Writes the file as a word of the shell: in single quotes unless it
 * needs none. */
static void
print_shell_word(const struct ip_review_run *r, const struct plan_rec *pr,
    FILE *out)
{
	const char *parts[] = { str(r, pr->dir), str(r, pr->base) };
	bool plain = *parts[0] != '\0' || *parts[1] != '\0';

	for (size_t i = 0; i < 2; i++)
		for (const char *c = parts[i]; *c != '\0'; c++)
			if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A'
			    && *c <= 'Z') || (*c >= '0' && *c <= '9')
			    || strchr("-._/+,:@%=", *c) != NULL))
				plain = false;
	if (plain) {
		print_file(r, pr, out);
		return;
	}
	putc('\'', out);
	for (size_t i = 0; i < 2; i++)
		for (const char *c = parts[i]; *c != '\0';) {
			size_t n = strcspn(c, "'");
			char *piece = ip_xstrndup(c, n);
			ip_fputs_clean(piece, out);
			free(piece);
			c += n;
			if (*c == '\'') {
				fputs("'\\''", out);
				c++;
			}
		}
	putc('\'', out);
}

/* The end of a plan's last line: the command that records what was
 * done, ip-evaluate(1), or ip-close(1) too when the plan may be closed,
 * or ip-consent(1) when all that is due is consents to share, or for a
 * draft ip-edit(1), which finishes it; nothing for a plan read from
 * standard input. */
static void
print_command(const struct ip_review_run *r, const struct plan_rec *pr,
    const struct block *b, bool draft, FILE *out)
{
	bool close = b->close;
	const char *lab = draft
	    /* TRANSLATORS: the end of the line of a draft in ip-review:
	       the command that edits it; %s is "ip-edit FILE", which
	       stays as it is. */
	    ? _("; finish it: %s") : close
	    /* TRANSLATORS: the end of the last line of a plan in
	       ip-review: the commands that record an evaluation, and
	       that close the plan; each %s is "ip-evaluate FILE",
	       "ip-consent FILE" or "ip-close FILE", which stay as they
	       are. */
	    ? _("; record it: %s or %s") : _("; record it: %s");
	const char *slot;

	if (*str(r, pr->dir) == '\0' && strcmp(str(r, pr->base), "<stdin>")
	    == 0)
		return;		/* no file to name */
	for (int k = 0; (slot = strstr(lab, "%s")) != NULL; lab = slot + 2) {
		fprintf(out, "%.*s", (int)(slot - lab), lab);
		fputs(draft ? "ip-edit " : b->consent ? "ip-consent "
		    : k++ == 0 ? "ip-evaluate " : "ip-close ", out);
		print_shell_word(r, pr, out);
	}
	fputs(lab, out);
}

/* The line of the finding f[i]: its date, the file, what it is about and
 * how it stands, unless under a heading the coordinator, and if last the
 * command that records it.  The first review of a plan never reviewed and
 * the finding never-reviewed are one line, where the review's would be. */
static void
print_text(const struct ip_review_run *r, size_t i, bool last, FILE *out)
{
	const struct finding *f = &r->f[i];
	const struct plan_rec *pr = &r->plans[f->plan];
	enum kind k = f->kind;
	char date[11];

	if (k == K_REVIEW && beside(r, i, 1, K_NEVER))
		k = K_NEVER;
	fprintf(out, "%s  ", ip_date_format(f->date, date));
	print_file(r, pr, out);
	fputs("  ", out);
	print_what(r, f, k, out);
	if (!r->grouped) {
		fputs("  ", out);
		print_coordinator(r, pr, false, out);
	}
	if (last)
		print_command(r, pr, &r->blocks[f->plan], k == K_DRAFT, out);
	putc('\n', out);
}

/* The lines of the findings from..to-1, those that have one, each
 * plan's last with its command. */
static void
print_lines(const struct ip_review_run *r, size_t from, size_t to,
    FILE *out)
{
	size_t prev = SIZE_MAX;

	for (size_t i = from; i < to; i++) {
		if (!has_line(r, i))
			continue;
		if (prev != SIZE_MAX)
			print_text(r, prev, r->f[prev].plan != r->f[i].plan,
			    out);
		prev = i;
	}
	if (prev != SIZE_MAX)
		print_text(r, prev, true, out);
}

static void
print_tsv(const struct ip_review_run *r, const struct finding *f,
    FILE *out)
{
	const struct plan_rec *pr = &r->plans[f->plan];
	const char *const fields[] = { str(r, pr->id), str(r, f->item),
	    pr->coord == NO_COORD ? "" : coord_name(r, pr),
	    coord_email(r, pr) };
	char date[11];

	fprintf(out, "%s\t%ld\t%s\t%s\t", ip_date_format(f->date, date),
	    (long)f->date - r->today, f->date < r->today ? "overdue" : "due",
	    kinds[f->kind].name);
	/* the file, one cell: no tab, no LF */
	const char *dir = str(r, pr->dir), *base = str(r, pr->base);
	ip_fputs_cell(*dir != '\0' ? dir : base, out);
	if (*dir != '\0')
		ip_fputs_clean(base, out);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		putc('\t', out);
		ip_fputs_cell(fields[i], out);
	}
	putc('\n', out);
}

/* --- iCalendar (RFC 5545) ------------------------------------------------ */

/* Content lines folded at 75 octets between whole characters, written
 * through a buffer of our own: a call to stdio per character is slow. */
struct ics {
	FILE *out;
	size_t col;		/* octets on the current line */
	size_t len;
	char buf[4096];
};

static void
ics_flush(struct ics *w)
{
	fwrite(w->buf, 1, w->len, w->out);
	w->len = 0;
}

/* Writes n (at most 4) bytes that stay on one line: a character or an
 * escape. */
static void
ics_put(struct ics *w, const char *s, size_t n)
{
	if (w->len + n + 3 > sizeof(w->buf))
		ics_flush(w);
	if (w->col + n > 75) {
		memcpy(w->buf + w->len, "\r\n ", 3);
		w->len += 3;
		w->col = 1;
	}
	memcpy(w->buf + w->len, s, n);
	w->len += n;
	w->col += n;
}

static void
ics_ascii(struct ics *w, const char *s)
{
	for (; *s != '\0'; s++)
		ics_put(w, s, 1);
}

static void
ics_end(struct ics *w)
{
	w->col = 0;		/* so that the line end is never folded */
	ics_put(w, "\r\n", 2);
	w->col = 0;
}

static void
ics_line(struct ics *w, const char *s)
{
	ics_ascii(w, s);
	ics_end(w);
}

/* Writes the len bytes at s as a TEXT value, shown as ip_clean_step()
 * shows them (a file name can be any bytes): backslash, semicolon, comma
 * and line feed escaped.  No national id may run past s + len. */
static void
ics_textn(struct ics *w, const char *s, size_t len)
{
	const char *end = s + len;

	while (s < end) {
		const char *instead;
		size_t n = *s == '\n' ? 1 : ip_clean_step(s, &instead);
		if (*s == '\n')
			ics_put(w, "\\n", 2);
		else if (instead != NULL)
			ics_put(w, instead, strlen(instead));
		else if (*s == '\\' || *s == ';' || *s == ',') {
			char esc[] = { '\\', *s };
			ics_put(w, esc, 2);
		} else
			ics_put(w, s, n);
		s += n;
	}
}

static void
ics_text(struct ics *w, const char *s)
{
	ics_textn(w, s, strlen(s));
}

/* Writes the label lab as a TEXT value, its slots "%s" filled with a,
 * then b (see ip_label_fill()). */
static void
ics_fill(struct ics *w, const char *lab, const char *a, const char *b)
{
	const char *args[] = { a, b }, *slot;
	size_t k = 0;

	for (; (slot = strstr(lab, "%s")) != NULL && k < 2; lab = slot + 2) {
		ics_textn(w, lab, (size_t)(slot - lab));
		ics_text(w, args[k++]);
	}
	ics_text(w, lab);
}

/* Writes s into a UID: letters, digits and -._~/ as they are, any other
 * byte as %XX, so that the UID is plain ASCII and no two strings meet;
 * a national id is written as "<national id>" would be. */
static void
ics_uid_part(struct ics *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		size_t n = ip_nid_written(s);
		if (n > 0) {
			ics_uid_part(w, "<national id>");
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		    || (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL) {
			ics_put(w, s, 1);
			n = 1;
		} else {
			char esc[] = { '%', hex[c >> 4], hex[c & 15] };
			ics_put(w, esc, 3);
			n = 1;
		}
		s += n;
	}
}

/* YYYYMMDD, the form of a DATE value. */
static char *
ics_date(int32_t day, char *buf)
{
	char iso[11];
	ip_date_format(day, iso);
	memcpy(buf, iso, 4);
	memcpy(buf + 4, iso + 5, 2);
	memcpy(buf + 6, iso + 8, 3);
	return buf;
}

/* The parts of a finding's UID but its kind: the plan's, its id or its
 * file in two pieces, and the key, NULL for a kind that has none. */
struct uid {
	const char *plan[2];
	const char *key;
	char date[11];
};

static void
uid_of(const struct ip_review_run *r, const struct finding *f,
    struct uid *u)
{
	const struct plan_rec *pr = &r->plans[f->plan];

	u->plan[0] = str(r, pr->id != 0 ? pr->id : pr->dir);
	u->plan[1] = str(r, pr->id != 0 ? 0 : pr->base);
	u->key = !kinds[f->kind].keyed ? NULL
	    : f->item != 0 && *str(r, f->item) != '\0' ? str(r, f->item)
	    : ip_date_format(f->date, u->date);
}

/* Compares the strings a[0] a[1] and b[0] b[1], each read as one. */
static int
cmp2(const char *const a[2], const char *const b[2])
{
	const char *x = a[0], *y = b[0];
	int i = 0, j = 0;

	for (;;) {
		if (*x == '\0' && i == 0)
			x = a[++i];
		else if (*y == '\0' && j == 0)
			y = b[++j];
		else if (*x != *y || *x == '\0')
			return (unsigned char)*x - (unsigned char)*y;
		else
			x++, y++;
	}
}

/* Findings by the UID of their event, but for its number. */
static int
uid_cmp(const struct ip_review_run *r, const struct finding *x,
    const struct finding *y)
{
	struct uid ux, uy;
	int c;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	uid_of(r, x, &ux);
	uid_of(r, y, &uy);
	if ((c = cmp2(ux.plan, uy.plan)) != 0 || ux.key == NULL)
		return c;
	return strcmp(ux.key, uy.key);
}

/* Indexes of the sorted findings: by UID, then in output order. */
static int
by_uid(const struct ip_review_run *r, const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	int c = uid_cmp(r, &r->f[i], &r->f[j]);
	return c != 0 ? c : i < j ? -1 : i > j;
}

/* Numbers the events that would have the same UID (two reviews planned
 * for one day, two plans with one id ...) 1, 2 ... in output order, in
 * their seq, which the sorted findings need no more. */
static void
number_uids(struct ip_review_run *r)
{
	uint32_t *v = ip_xcalloc(r->nf, sizeof(*v));

	for (size_t i = 0; i < r->nf; i++)
		v[i] = (uint32_t)i;
	sort(r, v, r->nf, sizeof(*v), by_uid);
	for (size_t i = 0; i < r->nf; i++) {
		struct finding *f = &r->f[v[i]];
		const struct finding *prev = i > 0 ? &r->f[v[i - 1]] : NULL;
		f->seq = prev != NULL && uid_cmp(r, prev, f) == 0
		    ? prev->seq + 1 : 1;
	}
	free(v);
}

static void
ics_event(const struct ip_review_run *r, const struct finding *f,
    struct ics *w)
{
	const struct plan_rec *pr = &r->plans[f->plan];
	const struct ip_labels *l = ip_labels((enum ip_lang)(r->lang >= 0
	    ? (unsigned)r->lang : pr->lang));
	/* an overdue item is on today, so that it is seen: its own date
	 * is in the description, and SEQUENCE grows with each day it
	 * moves, as RFC 5545 asks of an event changed */
	int32_t on = f->date < r->today ? r->today : f->date;
	struct uid u;
	char date[11], name[IP_LONG_DATE];

	uid_of(r, f, &u);
	ics_line(w, "BEGIN:VEVENT");
	ics_ascii(w, "UID:");
	ics_ascii(w, kinds[f->kind].name);
	ics_put(w, "+", 1);
	ics_uid_part(w, u.plan[0]);
	ics_uid_part(w, u.plan[1]);
	if (u.key != NULL) {
		ics_put(w, "+", 1);
		ics_uid_part(w, u.key);
	}
	if (f->seq > 1) {
		char n[16];
		snprintf(n, sizeof(n), "+%u", (unsigned)f->seq);
		ics_ascii(w, n);
	}
	ics_line(w, "@iplan");
	ics_ascii(w, "DTSTAMP:");
	ics_ascii(w, ics_date(r->today, date));
	ics_line(w, "T000000Z");
	if (on > f->date) {
		char seq[24];
		snprintf(seq, sizeof(seq), "SEQUENCE:%ld",
		    (long)(on - f->date));
		ics_line(w, seq);
	}
	ics_ascii(w, "DTSTART;VALUE=DATE:");
	ics_line(w, ics_date(on, date));
	/* the day after, unless that is past what a DATE holds: an event on
	 * a date and without DTEND lasts that day (RFC 5545, 3.6.1) */
	if (on < ip_days_from_civil(9999, 12, 31)) {
		ics_ascii(w, "DTEND;VALUE=DATE:");
		ics_line(w, ics_date(on + 1, date));
	}
	ics_ascii(w, "SUMMARY:");
	char *item = NULL;	/* "1.2 (g1.2)": its number and id */
	if (f->item != 0) {
		const char *n = item_number(r, f->item), *id = str(r, f->item);
		size_t len = strlen(n) + strlen(id) + 5;
		item = ip_xmalloc(len);
		snprintf(item, len, "%s (%s)", n, *id != '\0' ? id : "?");
	}
	ics_fill(w, *(const char *const *)((const char *)l
	    + kinds[f->kind].summary), item != NULL ? item : "?",
	    f->item != 0 ? item_text(r, f->item) : "");
	free(item);
	ics_ascii(w, ": ");
	ics_text(w, u.plan[0]);
	ics_text(w, u.plan[1]);
	ics_end(w);
	ics_ascii(w, "DESCRIPTION:");
	if (on > f->date) {
		ics_fill(w, l->ev_overdue, ip_labels_date(l, f->date, name),
		    "");
		ics_put(w, "\\n", 2);
	}
	ics_text(w, l->ev_file);
	ics_ascii(w, ": ");
	ics_text(w, str(r, pr->dir));
	ics_text(w, str(r, pr->base));
	if (pr->id != 0) {
		ics_put(w, "\\n", 2);
		ics_text(w, l->plan_id);
		ics_ascii(w, ": ");
		ics_text(w, str(r, pr->id));
	}
	ics_put(w, "\\n", 2);
	ics_text(w, l->coordinator);
	ics_ascii(w, ": ");
	if (pr->coord == NO_COORD)
		ics_text(w, l->ev_nobody);
	else if (pr->coord == THE_PERSON)
		ics_text(w, l->ev_the_person);
	else {
		ics_text(w, coord_name(r, pr));
		if (*coord_email(r, pr) != '\0') {
			ics_ascii(w, " <");
			ics_text(w, coord_email(r, pr));
			ics_ascii(w, ">");
		}
	}
	ics_end(w);
	ics_line(w, "TRANSP:TRANSPARENT");
	ics_line(w, "END:VEVENT");
}

static void
print_ics(struct ip_review_run *r, FILE *out)
{
	struct ics w = { .out = out };

	ics_line(&w, "BEGIN:VCALENDAR");
	ics_line(&w, "VERSION:2.0");
	ics_line(&w, "PRODID:-//iplan//ip-review//EN");
	ics_line(&w, "CALSCALE:GREGORIAN");
	ics_line(&w, "METHOD:PUBLISH");
	ics_line(&w, "X-WR-CALNAME:ip-review");
	number_uids(r);
	for (size_t i = 0; i < r->nf; i++)
		ics_event(r, &r->f[i], &w);
	ics_line(&w, "END:VCALENDAR");
	ics_flush(&w);
}

/* --- mail ---------------------------------------------------------------- */

/* A memory stream for the text of one message after another, its buffer
 * kept from one to the next. */
struct draft {
	FILE *f;
	char *buf;
	size_t size;
};

/* One message: the lines of findings from..to-1, all for one address,
 * to (NULL: --mail-to's), as mail.c writes a message; its text drafted
 * in d. */
static void
mail_one(const struct ip_review_run *r, size_t from, size_t to, size_t seq,
    struct draft *d, FILE *out)
{
	const struct ip_review_mail *m = r->mail;
	const struct plan_rec *pr = &r->plans[r->f[from].plan];
	const char *addr = mail_to(r, r->f[from].plan);
	char date[32], written[IP_LONG_DATE];
	size_t plans = 0;
	/* the subject and the coordinator's name as the text writes it,
	 * each ending in a NUL, then the intro and then the lines, in one
	 * stream */
	FILE *b = d->f;

	rewind(b);
	for (size_t i = from; i < to; i++)
		plans += i == from || r->f[i].plan != r->f[i - 1].plan;
	ip_labels_date(ip_labels_messages(), r->today, written);
	/* TRANSLATORS: the subject of ip-review's mail to a coordinator;
	   %zu is the number of their individual plans ("individuelle
	   planer") that need them now, %s the day, written out as
	   documents write it ("7. desember 2026"). */
	fprintf(b, P_("%zu individual plan needs you (%s)", "%zu individual "
	    "plans need you (%s)", plans), plans, written);
	putc('\0', b);
	long name = ftell(b);
	if (addr != NULL)
		ip_fputs_clean(coord_name(r, pr), b);
	putc('\0', b);
	long intro = ftell(b);
	if (addr != NULL)
		/* TRANSLATORS: the first line of ip-review's mail to a
		   coordinator, of one plan or more; %s is the day, written
		   out as documents write it. */
		fprintf(b, P_("This individual plan needs you, as of %s:",
		    "These individual plans need you, as of %s:", plans),
		    written);
	else
		/* TRANSLATORS: the first line of ip-review's mail of the
		   plans whose coordinator has no address to send to, or is
		   the person (or who have none); %s is the day, written out
		   as documents write it. */
		fprintf(b, P_("As of %s, this individual plan needs its "
		    "coordinator, but there is no coordinator's address to "
		    "send to:", "As of %s, these individual plans need their "
		    "coordinator, but there is no coordinator's address to "
		    "send to:", plans), written);
	fputs("\n\n", b);
	long lines = ftell(b);
	struct ip_review_run line = *r;
	line.grouped = addr != NULL;	/* the coordinator after each line
					   only in the mail to --mail-to */
	print_lines(&line, from, to, b);
	if (fflush(b) != 0 || name < 0 || intro < name || lines < intro)
		ip_limit("memory for a message");
	/* the text written since the rewind: a memory stream's size is
	 * where it stands */
	const char *buf = d->buf;
	size_t size = d->size;
	/* TRANSLATORS: the footer of ip-review's mail, after "-- ". */
	const char *footer = _("Sent by ip-review, which reminds the "
	    "coordinators of individual plans of what is due.  The plans "
	    "themselves are not in this message: open them where they are "
	    "kept.  This message is about health data: do not forward it.");

	ip_mail_address(out, "From", NULL, m->from);
	if (addr != NULL)
		ip_mail_address(out, "To", buf + name, addr);
	else
		ip_mail_address(out, "To", NULL, m->to);
	ip_mail_field(out, "Subject", buf);
	fprintf(out, "Date: %s\n", ip_mail_date(m->now, date));
	fprintf(out, "Message-ID: <ip-review.%s.%zu@%s>\n", m->id, seq,
	    m->domain);
	fputs("MIME-Version: 1.0\n"
	    "Content-Type: text/plain; charset=utf-8\n"
	    "Content-Transfer-Encoding: quoted-printable\n"
	    "Auto-Submitted: auto-generated\n\n", out);
	ip_mail_body(out, buf + intro, (size_t)(lines - intro), 76, 0);
	ip_mail_body(out, buf + lines, size - (size_t)lines, 76, 12);
						/* under the date */
	ip_mail_body(out, "\n-- \n", 5, 76, 0);
	ip_mail_body(out, footer, strlen(footer), 76, 0);
}

/* The messages, one for each address, through r->mail; how many could
 * not be sent. */
static size_t
mail_all(struct ip_review_run *r)
{
	const struct ip_review_mail *m = r->mail;
	size_t from = 0, seq = 0, failed = 0;
	struct draft d = { NULL, NULL, 0 };

	if ((d.f = open_memstream(&d.buf, &d.size)) == NULL)
		ip_limit("memory for a message");
	while (from < r->nf) {
		const char *a = mail_to(r, r->f[from].plan);
		size_t to = from + 1;
		for (; to < r->nf; to++) {
			const char *b = mail_to(r, r->f[to].plan);
			if ((a == NULL) != (b == NULL) || (a != NULL
			    && strcmp(a, b) != 0))
				break;
		}
		const char *addr = a != NULL ? a : m->to;
		FILE *out = m->open(m->ctx, addr);
		if (out == NULL)
			failed++;
		else {
			mail_one(r, from, to, ++seq, &d, out);
			failed += m->close(m->ctx, out) != 0;
		}
		from = to;
	}
	fclose(d.f);
	free(d.buf);
	return failed;
}

/* --- the command --------------------------------------------------------- */

static void
print(struct ip_review_run *r, FILE *out)
{
	if (r->format == IP_REVIEW_ICS) {
		print_ics(r, out);	/* a calendar even when empty */
		return;
	}
	if (r->format == IP_REVIEW_TSV) {
		if (r->nf > 0)
			fputs("date\tdays\tstatus\tkind\tfile\tplan_id\titem\t"
			    "coordinator\tcoordinator_email\n", out);
		for (size_t i = 0; i < r->nf; i++)
			print_tsv(r, &r->f[i], out);
		return;
	}
	for (size_t i = 0, end; i < r->nf; i = end) {
		const struct plan_rec *pr = &r->plans[r->f[i].plan];
		end = i + 1;
		if (r->grouped) {
			while (end < r->nf && by_group(r, pr,
			    &r->plans[r->f[end].plan]) == 0)
				end++;
			if (i > 0)
				putc('\n', out);
			print_coordinator(r, pr, true, out);
			putc('\n', out);
		} else
			end = r->nf;
		print_lines(r, i, end, out);
	}
}

struct ip_review_run *
ip_review_start(const struct ip_review_opts *o, const struct ip_err *err)
{
	if (o->by_coordinator && o->format != IP_REVIEW_TEXT) {
		ip_fail(err, _("--by-coordinator goes with --format text "
		    "only"));
		return NULL;
	}
	if (o->mail != NULL && (o->format != IP_REVIEW_TEXT
	    || o->by_coordinator)) {
		ip_fail(err, _("--mail writes text, one message for each "
		    "coordinator: it goes with neither --format nor "
		    "--by-coordinator"));
		return NULL;
	}

	struct ip_review_run *r = ip_xcalloc(1, sizeof(*r));
	const int32_t last = ip_days_from_civil(9999, 12, 31);
	r->today = o->today;
	r->horizon = o->within.n > 0 ? ip_date_add(o->today, o->within.n,
	    o->within.unit) : o->today + 30;
	if (r->horizon > last)
		r->horizon = last;
	r->drafts_from = o->today - (int32_t)(o->draft_days > 0
	    ? o->draft_days : 30);
	r->format = o->format;
	r->grouped = o->by_coordinator || o->mail != NULL;
	r->lang = o->lang;
	r->mail = o->mail;
	append(r, "", 0, false);	/* s[0]: "" */
	pthread_mutex_init(&r->mu, NULL);
	return r;
}

size_t
ip_review_finish(struct ip_review_run *r, FILE *out, size_t *unsent)
{
	if (r->format == IP_REVIEW_TEXT) {
		make_blocks(r);
		sort(r, r->f, r->nf, sizeof(*r->f), by_block);
	} else
		sort(r, r->f, r->nf, sizeof(*r->f), by_date);
	if (r->mail != NULL)
		*unsent = mail_all(r);
	else
		print(r, out);

	size_t n = r->nf;
	pthread_mutex_destroy(&r->mu);
	free(r->f);
	free(r->plans);
	free(r->blocks);
	free(r->s);
	free(r->tab);
	free(r);
	return n;
}
