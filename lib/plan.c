/*
 * plan.c - questions asked of a loaded plan: its status, its
 * coordinator, its participants by id.
 */
#include "plan.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

const char *const ip_vocab_lang[] = { "nb", "nn", "en", NULL };
const char *const ip_vocab_status[] = { "active", "closed", "draft",
	NULL };
const char *const ip_vocab_care[] = { "voluntary", "compulsory", NULL };
const char *const ip_vocab_role[] = { "person", "relative", "provider",
	"other", "guardian", NULL };
const char *const ip_vocab_goal_status[] = { "open", "achieved", "dropped",
	NULL };
const char *const ip_vocab_legal_basis[] = { "pasrl-2-5", "hol-7-1",
	"hol-7-2a", "sphl-2-5", "phvl-4-1", "navl-15", "sotjl-28", "sotjl-33",
	"bvl-15-9", NULL };


char *
ip_vocab_list(struct ip_arena *a, const char *const *vocab, const char *last)
{
	size_t n = 0, len = 0;
	while (vocab[n] != NULL)
		len += strlen(vocab[n++]) + strlen(last) + 2;
	char *s = ip_arena_alloc(a, len + 1), *p = s;
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? last : ", ";
		p += sprintf(p, "%s%s", sep, vocab[i]);
	}
	return s;
}

char *
ip_vocab_or(struct ip_arena *a, const char *const *vocab)
{
	/* TRANSLATORS: between the last two of the words a value may be,
	 * as in "person, relative, provider or other". */
	return ip_vocab_list(a, vocab, _(" or "));
}

int
ip_vocab_index(const char *const *vocab, const char *s)
{
	for (int i = 0; vocab[i] != NULL; i++)
		if (strcmp(vocab[i], s) == 0)
			return i;
	return -1;
}

/*
 * White space as Unicode's White_Space property has it (ASCII tab to
 * carriage return and space, next line, no-break space, ogham space mark,
 * the spaces from en quad to hair space, line and paragraph separator,
 * narrow no-break space, medium mathematical space, ideographic space),
 * and the zero width no-break space U+FEFF, which shows as nothing.
 */
static bool
is_space(uint32_t c)
{
	return (c >= '\t' && c <= '\r') || c == ' ' || c == 0x85
	    || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a)
	    || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
	    || c == 0x3000 || c == 0xfeff;
}

bool
ip_blank(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	/* s ends in a NUL, which stops the decoder: no need to count its
	 * bytes first, as most strings end the loop at their first */
	for (size_t i = 0; u[i] != '\0';) {
		uint32_t c;
		size_t l = ip_utf8_decode(u + i, 4, &c);
		if (l == 0 || !is_space(c))
			return false;
		i += l;
	}
	return true;
}

const char *
ip_plan_national_id(const struct ip_plan *p)
{
	return p->person.national_id.s;
}

bool
ip_plan_closed(const struct ip_plan *p)
{
	return p->status.set && p->status.v == IP_STATUS_CLOSED;
}

bool
ip_plan_draft(const struct ip_plan *p)
{
	return p->status.set && p->status.v == IP_STATUS_DRAFT;
}

bool
ip_draft_begun(const struct ip_plan *p, int32_t *day)
{
	const struct ip_date *d = p->created.set ? &p->created
	    : &p->period.start;

	if (!d->set)
		return false;
	*day = d->day;
	return true;
}

bool
ip_plan_closed_on(const struct ip_plan *p, int32_t day)
{
	return ip_plan_closed(p)
	    && (!p->closed.date.set || p->closed.date.day <= day);
}

bool
ip_plan_active_on(const struct ip_plan *p, int32_t day)
{
	return !ip_plan_draft(p) && !ip_plan_closed_on(p, day)
	    && (!p->period.start.set || p->period.start.day <= day);
}

const struct ip_participant *
ip_plan_coordinator(const struct ip_plan *p)
{
	return p->coordinator.s == NULL ? NULL
	    : ip_find_participant(p, p->coordinator.s);
}

const struct ip_participant *
ip_find_participant(const struct ip_plan *p, const char *id)
{
	size_t lo = 0, hi = p->n_by_id;	/* the first whose id is >= id */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(p->by_id[mid]->id.s, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < p->n_by_id && strcmp(p->by_id[lo]->id.s, id) == 0
	    ? p->by_id[lo] : NULL;
}

int
ip_interval_unit(const struct ip_interval *iv)
{
	static const char units[] = "dwmy";
	return (int)(strchr(units, iv->unit) - units);
}

void
ip_plan_ids(const struct ip_plan *p, enum ip_ids what,
    void (*fn)(const char *id, void *ctx), void *ctx)
{
	if (what == IP_IDS_PARTICIPANTS) {
		for (size_t i = 0; i < p->participants.n; i++)
			fn(p->participants.v[i].id.s, ctx);
	} else if (what == IP_IDS_SUBGOALS) {
		for (size_t i = 0; i < p->goals.n; i++)
			for (size_t j = 0; j < p->goals.v[i].subgoals.n; j++)
				fn(p->goals.v[i].subgoals.v[j].id.s, ctx);
	} else {
		for (size_t i = 0; i < p->measures.n; i++)
			fn(p->measures.v[i].id.s, ctx);
	}
}
