/*
 * review.c - ip-review: what is due in each plan as of a day.
 *
 * Plans are loaded one at a time and dropped at once; only the findings
 * are kept, as small records that point into an arena holding what they
 * need of each plan, and they are sorted and printed at the end as text,
 * TSV or an iCalendar file.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "plan.h"

/* The kinds of finding, in the order they sort on one day. */
enum kind { K_REVIEW, K_PERIOD_END, K_CONSENT, K_SUBGOAL, K_MEASURE,
	K_NEVER };

static const struct {
	const char *name;	/* in text and TSV, and in calendar UIDs */
	const char *summary;	/* the calendar event's title */
	bool keyed;		/* a plan can have several: the UID ends in
				   the item's id, else the date */
} kinds[] = {
	[K_REVIEW] = { "review", "Review of the plan", true },
	[K_PERIOD_END] = { "period-end", "The plan period ends", false },
	[K_CONSENT] = { "consent-expires",
	    "Consent to share information expires", false },
	[K_SUBGOAL] = { "subgoal", "Sub-goal due, still open", true },
	[K_MEASURE] = { "measure-ended",
	    "Measure ended, no review since", true },
	[K_NEVER] = { "never-reviewed",
	    "First review planned, none held yet", false },
};

/* What the findings of one plan share.  Strings are never NULL: "" is
 * absent. */
struct plan_rec {
	size_t order;		/* the file's index in the walk */
	const char *file, *id;	/* display name, the plan's id */
	const char *name, *email;	/* the coordinator's */
	bool coordinator;	/* false: none, or not a participant */
};

struct finding {
	int32_t date;
	enum kind kind;
	const struct plan_rec *plan;
	const char *item;	/* the sub-goal's or measure's id, or "" */
};

enum format { FMT_TEXT, FMT_TSV, FMT_ICS };
static const char *const formats[] = { "text", "tsv", "ics", NULL };

struct ip_review_run {
	int32_t today, horizon;
	enum format format;
	bool grouped;		/* --by-coordinator */
	pthread_mutex_t mu;	/* guards everything below */
	bool trouble;
	struct finding *f;
	size_t nf, capf;
	struct ip_arena arena;	/* the plan records and their strings */
};

static const char *
keep(struct ip_review_run *r, const char *s)
{
	return s == NULL ? "" : ip_arena_strndup(&r->arena, s, strlen(s));
}

/* --- what is due --------------------------------------------------------- */

/* One plan being scanned; its record is made at its first finding. */
struct scan {
	struct ip_review_run *r;
	const struct ip_plan *p;
	size_t order;
	const struct plan_rec *rec;	/* NULL until made */
};

static void
add(struct scan *s, enum kind k, int32_t date, const struct ip_text *item)
{
	struct ip_review_run *r = s->r;

	if (s->rec == NULL) {
		const struct ip_plan *p = s->p;
		const struct ip_participant *c = p->coordinator.s == NULL ? NULL
		    : ip_find_participant(p, p->coordinator.s);
		struct plan_rec *pr = ip_arena_alloc(&r->arena, sizeof(*pr));
		pr->order = s->order;
		pr->file = keep(r, p->file);
		pr->id = keep(r, p->id.s);
		pr->name = keep(r, c == NULL ? NULL : c->name.s != NULL
		    ? c->name.s : c->id.s);
		pr->email = keep(r, c == NULL ? NULL : c->email.s);
		pr->coordinator = c != NULL;
		s->rec = pr;
	}
	r->f = ip_grow(r->f, &r->capf, r->nf + 1, sizeof(*r->f));
	r->f[r->nf++] = (struct finding){ date, k, s->rec,
	    keep(r, item == NULL ? NULL : item->s) };
}

/* Adds the review that review_interval asks for after base, unless an
 * open planned review falls after base and no later than it, or the
 * period ends first.  Returns its date. */
static int32_t
interval_review(struct scan *s, int32_t base)
{
	const struct ip_period *pe = &s->p->period;
	int32_t next = ip_date_add(base, pe->review_interval.n,
	    pe->review_interval.unit);

	if (next > s->r->horizon || (pe->end.set && next > pe->end.day))
		return next;
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    IP_AT(pe->reviews, struct ip_review, i);
		if (!rv->done.set && rv->date.set && rv->date.day > base
		    && rv->date.day <= next)
			return next;
	}
	add(s, K_REVIEW, next, NULL);
	return next;
}

/* Adds what is due in p: planned reviews to the horizon and the one
 * review_interval asks for, the end of the period and of the consent to
 * share information to the horizon, open sub-goals past their date,
 * measures ended without a review since, and a plan never reviewed after
 * its first planned date. */
static void
scan(struct ip_review_run *r, const struct ip_plan *p, size_t order)
{
	const int32_t today = r->today, horizon = r->horizon;
	const struct ip_period *pe = &p->period;
	const struct ip_date *until = &p->consent.information_sharing.until;
	struct scan s = { r, p, order, NULL };
	int32_t last_done = INT32_MIN, first = INT32_MAX;

	if (p->status.set && p->status.v == IP_STATUS_CLOSED)
		return;
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *rv =
		    IP_AT(pe->reviews, struct ip_review, i);
		if (rv->done.set && rv->done.day > last_done)
			last_done = rv->done.day;
		if (rv->date.set && rv->date.day < first)
			first = rv->date.day;
		if (!rv->done.set && rv->date.set && rv->date.day <= horizon)
			add(&s, K_REVIEW, rv->date.day, NULL);
	}
	if (pe->review_interval.set && last_done != INT32_MIN)
		interval_review(&s, last_done);
	else if (pe->review_interval.set && pe->start.set) {
		int32_t at = interval_review(&s, pe->start.day);
		if (at < first)
			first = at;
	}
	if (pe->end.set && pe->end.day <= horizon)
		add(&s, K_PERIOD_END, pe->end.day, NULL);
	if (until->set && until->day <= horizon)
		add(&s, K_CONSENT, until->day, NULL);
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = IP_AT(p->goals, struct ip_goal, i);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *sg =
			    IP_AT(g->subgoals, struct ip_subgoal, j);
			if (sg->due.set && sg->due.day < today
			    && (!sg->status.set
				|| sg->status.v == IP_GOAL_OPEN))
				add(&s, K_SUBGOAL, sg->due.day, &sg->id);
		}
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    IP_AT(p->measures, struct ip_measure, i);
		if (m->end.set && m->end.day < today
		    && last_done < m->end.day)
			add(&s, K_MEASURE, m->end.day, &m->id);
	}
	if (last_done == INT32_MIN && first < today)
		add(&s, K_NEVER, first, NULL);
}

void
ip_review_add(struct ip_review_run *r, const struct ip_plan *p,
    size_t index)
{
	pthread_mutex_lock(&r->mu);
	scan(r, p, index);
	pthread_mutex_unlock(&r->mu);
}

static int
one(const char *path, size_t index, FILE *out, void *ctx)
{
	struct ip_review_run *r = ctx;
	struct ip_diags *d = ip_diags_for(path);
	struct ip_plan *p;

	if (ip_plan_load(path, d, &p) == 0)
		ip_review_add(r, p, index);
	else {
		ip_diags_print(d, out, 0);	/* trouble either way */
		pthread_mutex_lock(&r->mu);
		r->trouble = true;
		pthread_mutex_unlock(&r->mu);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}

/* --- sorting ------------------------------------------------------------- */

static int
by_date(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->plan->order != y->plan->order)
		return x->plan->order < y->plan->order ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x < y ? -1 : x > y;	/* as found */
}

/* Coordinators by name and address, plans without one last. */
static int
by_group(const struct plan_rec *x, const struct plan_rec *y)
{
	if (x->coordinator != y->coordinator)
		return x->coordinator ? -1 : 1;
	int c = strcmp(x->name, y->name);
	return c != 0 ? c : strcmp(x->email, y->email);
}

static int
by_coordinator(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = by_group(x->plan, y->plan);
	return c != 0 ? c : by_date(a, b);
}

/* --- text and TSV -------------------------------------------------------- */

static const char *
plural(long n)
{
	return n == 1 ? "" : "s";
}

static void
print_text(const struct ip_review_run *r, const struct finding *f,
    FILE *out)
{
	const struct plan_rec *pr = f->plan;
	long days = (long)f->date - r->today;
	char date[11];

	fprintf(out, "%s  ", ip_date_format(f->date, date));
	if (days < 0)
		fprintf(out, "overdue %ld day%s", -days, plural(-days));
	else if (days == 0)
		fputs("due today", out);
	else
		fprintf(out, "due in %ld day%s", days, plural(days));
	fprintf(out, "  %s  ", kinds[f->kind].name);
	ip_fputs_clean(pr->file, out);
	if (pr->coordinator) {
		fputs("  (coordinator ", out);
		ip_fputs_clean(pr->name, out);
		fputs(")\n", out);
	} else
		fputs("  (no coordinator)\n", out);
}

static void
print_heading(const struct plan_rec *pr, FILE *out)
{
	if (!pr->coordinator) {
		fputs("(no coordinator)\n", out);
		return;
	}
	ip_fputs_clean(pr->name, out);
	if (*pr->email != '\0') {
		fputs(" <", out);
		ip_fputs_clean(pr->email, out);
		putc('>', out);
	}
	putc('\n', out);
}

static void
print_tsv(const struct ip_review_run *r, const struct finding *f,
    FILE *out)
{
	const struct plan_rec *pr = f->plan;
	const char *const fields[] = { pr->file, pr->id, f->item, pr->name,
	    pr->email };
	char date[11];

	fprintf(out, "%s\t%ld\t%s\t%s", ip_date_format(f->date, date),
	    (long)f->date - r->today, f->date < r->today ? "overdue" : "due",
	    kinds[f->kind].name);
	for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		putc('\t', out);
		ip_fputs_clean(fields[i], out);	/* no tab, no LF */
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

/* Writes s as a TEXT value: backslash, semicolon, comma and line feed
 * escaped, other controls replaced, and so is every byte that is not
 * part of well-formed UTF-8 (a file name can be any bytes). */
static void
ics_text(struct ics *w, const char *s)
{
	while (*s != '\0') {
		uint32_t c;
		/* s ends in a NUL, which stops the decoder */
		size_t n = ip_utf8_decode((const unsigned char *)s, 4, &c);
		if (n == 0 || (ip_is_control(c) && c != '\n')) {
			ics_put(w, "?", 1);
			n = 1;
		} else if (c == '\\' || c == ';' || c == ',') {
			char esc[] = { '\\', (char)c };
			ics_put(w, esc, 2);
		} else if (c == '\n')
			ics_put(w, "\\n", 2);
		else
			ics_put(w, s, n);
		s += n;
	}
}

/* Writes s into a UID: letters, digits and -._~/ as they are, any other
 * byte as %XX, so that the UID is plain ASCII and no two strings meet. */
static void
ics_uid_part(struct ics *w, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
		    || (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL)
			ics_put(w, s, 1);
		else {
			char esc[] = { '%', hex[c >> 4], hex[c & 15] };
			ics_put(w, esc, 3);
		}
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

static void
ics_event(const struct ip_review_run *r, const struct finding *f,
    struct ics *w)
{
	const struct plan_rec *pr = f->plan;
	const char *plan = *pr->id != '\0' ? pr->id : pr->file;
	char date[11], iso[11];

	ics_line(w, "BEGIN:VEVENT");
	ics_ascii(w, "UID:");
	ics_ascii(w, kinds[f->kind].name);
	ics_put(w, "-", 1);
	ics_uid_part(w, plan);
	if (kinds[f->kind].keyed) {
		ics_put(w, "-", 1);
		ics_uid_part(w, *f->item != '\0' ? f->item
		    : ip_date_format(f->date, iso));
	}
	ics_line(w, "@iplan");
	ics_ascii(w, "DTSTAMP:");
	ics_ascii(w, ics_date(r->today, date));
	ics_line(w, "T000000Z");
	ics_ascii(w, "DTSTART;VALUE=DATE:");
	ics_line(w, ics_date(f->date, date));
	/* the day after, unless that is past what a DATE holds: an event on
	 * a date and without DTEND lasts that day (RFC 5545, 3.6.1) */
	if (f->date < ip_days_from_civil(9999, 12, 31)) {
		ics_ascii(w, "DTEND;VALUE=DATE:");
		ics_line(w, ics_date(f->date + 1, date));
	}
	ics_ascii(w, "SUMMARY:");
	ics_text(w, kinds[f->kind].summary);
	ics_ascii(w, ": ");
	ics_text(w, plan);
	if (*f->item != '\0') {
		ics_ascii(w, " (");
		ics_text(w, f->item);
		ics_ascii(w, ")");
	}
	ics_end(w);
	ics_ascii(w, "DESCRIPTION:File: ");
	ics_text(w, pr->file);
	if (*pr->id != '\0') {
		ics_put(w, "\\n", 2);
		ics_ascii(w, "Plan: ");
		ics_text(w, pr->id);
	}
	ics_put(w, "\\n", 2);
	ics_ascii(w, "Coordinator: ");
	if (pr->coordinator) {
		ics_text(w, pr->name);
		if (*pr->email != '\0') {
			ics_ascii(w, " <");
			ics_text(w, pr->email);
			ics_ascii(w, ">");
		}
	} else
		ics_ascii(w, "none");
	ics_end(w);
	ics_line(w, "TRANSP:TRANSPARENT");
	ics_line(w, "END:VEVENT");
}

static void
print_ics(const struct ip_review_run *r, FILE *out)
{
	struct ics w = { .out = out };

	ics_line(&w, "BEGIN:VCALENDAR");
	ics_line(&w, "VERSION:2.0");
	ics_line(&w, "PRODID:-//iplan//ip-review//EN");
	ics_line(&w, "CALSCALE:GREGORIAN");
	ics_line(&w, "METHOD:PUBLISH");
	ics_line(&w, "X-WR-CALNAME:ip-review");
	for (size_t i = 0; i < r->nf; i++)
		ics_event(r, &r->f[i], &w);
	ics_line(&w, "END:VCALENDAR");
	ics_flush(&w);
}

/* --- the command --------------------------------------------------------- */

static void
print(const struct ip_review_run *r, FILE *out)
{
	if (r->format == FMT_ICS) {
		print_ics(r, out);	/* a calendar even when empty */
		return;
	}
	if (r->format == FMT_TSV && r->nf > 0)
		fputs("date\tdays\tstatus\tkind\tfile\tplan_id\titem\t"
		    "coordinator\tcoordinator_email\n", out);
	for (size_t i = 0; i < r->nf; i++) {
		const struct finding *f = &r->f[i];
		if (r->format == FMT_TSV) {
			print_tsv(r, f, out);
			continue;
		}
		if (r->grouped
		    && (i == 0 || by_group(f->plan, f[-1].plan) != 0)) {
			if (i > 0)
				putc('\n', out);
			print_heading(f->plan, out);
		}
		print_text(r, f, out);
	}
}

struct ip_review_run *
ip_review_start(const struct ip_review_opts *o, const char *prog)
{
	const char *within = o->within != NULL ? o->within : "30d";
	const char *format = o->format != NULL ? o->format : "text";
	int count, fmt;
	char unit;

	if (!ip_parse_interval(within, &count, &unit)) {
		ip_error(prog, "invalid horizon for --within: '%s' (use a "
		    "count and a unit: 30d, 4w, 3m)", within);
		return NULL;
	}
	if (ip_cli_word(prog, "format", format, formats, &fmt) != 0)
		return NULL;
	if (o->by_coordinator && fmt != FMT_TEXT) {
		ip_error(prog, "--by-coordinator goes with --format text "
		    "only");
		return NULL;
	}

	struct ip_review_run *r = calloc(1, sizeof(*r));
	if (r == NULL) {
		ip_error(prog, "out of memory");
		return NULL;
	}
	const int32_t last = ip_days_from_civil(9999, 12, 31);
	r->today = o->today;
	r->horizon = ip_date_add(o->today, count, unit);
	if (r->horizon > last)
		r->horizon = last;
	r->format = (enum format)fmt;
	r->grouped = o->by_coordinator;
	pthread_mutex_init(&r->mu, NULL);
	return r;
}

int
ip_review_finish(struct ip_review_run *r, FILE *out)
{
	if (r->nf > 0)	/* qsort() wants an array, even of none */
		qsort(r->f, r->nf, sizeof(*r->f), r->grouped
		    ? by_coordinator : by_date);
	print(r, out);

	int rc = r->trouble ? IP_EXIT_TROUBLE
	    : r->nf > 0 ? IP_EXIT_FINDINGS : IP_EXIT_OK;
	pthread_mutex_destroy(&r->mu);
	free(r->f);
	ip_arena_free(&r->arena);
	free(r);
	return rc;
}

int
ip_review(char *const *paths, size_t n, const struct ip_review_opts *o,
    const char *prog, FILE *out)
{
	char *dash[] = { "-" };
	struct ip_review_run *r = ip_review_start(o, prog);

	if (r == NULL)
		return IP_EXIT_TROUBLE;
	if (n == 0) {
		paths = dash;
		n = 1;
	}
	if (ip_walk(paths, n, o->jobs, one, r, prog, stderr) != 0)
		r->trouble = true;
	return ip_review_finish(r, out);
}
