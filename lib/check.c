/*
 * check.c - the content checks of ip-validate: the nine items (a-i) the
 * regulation asks of every plan, and the plan's consistency.
 */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "decode.h"
#include "due.h"
#include "i18n.h"
#include "nid.h"
#include "persons.h"
#include "view.h"

/* The regulation's words for each item (a to i), in English: a
 * translation, as findings quote it in English; the messages' catalogues
 * translate it into the words the documents keep (ip_labels()'s items,
 * which a unit test holds equal to the catalogues). */
const char *const ip_item_words_en[] = {
	N_("an overview of the service recipient's goals, resources and needs "
	    "for services"),
	N_("an overview of who takes part in the work on the plan"),
	N_("a statement of who is given responsibility for ensuring the "
	    "coordination and progress of the work on the plan"),
	N_("an overview of what the service recipient, the service providers "
	    "and contributors and any relatives will contribute to the work on "
	    "the plan"),
	N_("an overview of which measures are relevant and their scope, and "
	    "who is responsible for them"),
	N_("a description of how the measures are to be carried out"),
	N_("a statement of the plan period and of the times for any adjustments "
	    "and revisions of the plan"),
	N_("the service recipient's consent to the plan being drawn up and, "
	    "where relevant, consent to participants in the planning being given "
	    "access to confidential information"),
	N_("an overview of necessary or desirable cooperation with other "
	    "service providers, institutions or agencies"),
};

/* Where to point at something missing: the key if it was written, else
 * the mapping it belongs in, else the whole file. */
static struct ip_pos
at(struct ip_pos field, struct ip_pos parent)
{
	return field.line != 0 ? field : parent;
}

/* What is missing (what, translated), and the regulation's words for the
 * item that asks for it, in the messages' language. */
static void
check_item(struct ip_diags *d, struct ip_pos pos, char letter, const char *what)
{
	ip_diag(d, pos, (enum ip_rule)(IP_R_ITEM_A + (letter - 'a')),
	    /* TRANSLATORS: what is missing, the letter of the item of the
	     * regulation (a to i), and the item's words, which the
	     * catalogue gives too.  The regulation's own text is bokmål:
	     * in any other language say that its words are a translation,
	     * as "in English" does here. */
	    _("%s: item %c asks for \"%s\" (in English)"), what, letter,
	    _(ip_item_words_en[letter - 'a']));
}

/* An entry's id for messages. */
static const char *
name(const struct ip_text *id)
{
	return id->s != NULL ? id->s : "?";
}

static bool
has_goal(const struct ip_plan *p, const char *id)
{
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		if (g->id.s != NULL && strcmp(g->id.s, id) == 0)
			return true;
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (s->id.s != NULL && strcmp(s->id.s, id) == 0)
				return true;
		}
	}
	return false;
}

/* True if day lies outside the plan period.  A period that ends before it
 * starts is reported once, as such, not for every date in it. */
static bool
outside_period(const struct ip_period *pe, int32_t day)
{
	if (pe->start.set && pe->end.set && pe->end.day < pe->start.day)
		return false;
	return (pe->start.set && day < pe->start.day)
	    || (pe->end.set && day > pe->end.day);
}

/* The ids that must differ from one another. */
enum id_kind { ID_PARTICIPANT, ID_MEASURE, ID_GOAL };

/* An id and where it stands among the ids of its kind. */
struct ranked {
	const struct ip_text *id;
	size_t order;
};

static int
by_id(const void *a, const void *b)
{
	const struct ranked *x = a, *y = b;
	int c = strcmp(x->id->s, y->id->s);
	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Reports the second and later uses of an id among ids[0..n). */
static void
unique(struct ip_diags *d, const struct ip_text *const *ids, size_t n,
    enum id_kind kind)
{
	struct ranked *r = ip_arena_alloc(&d->arena, (n + 1) * sizeof(*r));

	/* sorted, equal ids stay in their order: each after the first of
	 * its run is a second use, in n log n rather than n squared */
	for (size_t i = 0; i < n; i++)
		r[i] = (struct ranked){ ids[i], i };
	qsort(r, n, sizeof(*r), by_id);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(r[i].id->s, r[first].id->s) != 0) {
			first = i;
			continue;
		}
		ip_diag(d, r[i].id->pos, IP_R_DUP_ID, kind == ID_PARTICIPANT
		    ? _("participant id '%s' is used twice (first at line %u)")
		    : kind == ID_MEASURE
		    ? _("measure id '%s' is used twice (first at line %u)")
		    : _("goal id '%s' is used twice (first at line %u)"),
		    r[i].id->s, r[first].id->pos.line);
	}
}

/* Collects the ids that are set in a list of mappings, reporting entries
 * without one (msg, marked N_(), is translated only then: this runs for
 * every plan).  The id is the struct's first text after its position. */
static size_t
collect_ids(struct ip_diags *d, const struct ip_list *l, size_t size,
    size_t id_off, const char *msg, const struct ip_text **out)
{
	size_t n = 0;
	for (size_t i = 0; i < l->n; i++) {
		const char *e = (const char *)l->v + i * size;
		const struct ip_text *id = (const void *)(e + id_off);
		if (id->s == NULL)
			ip_diag(d, at(id->pos, *(const struct ip_pos *)e),
			    IP_R_REQUIRED, "%s", _(msg));
		else
			out[n++] = id;
	}
	return n;
}

static void
check_ids(const struct ip_plan *p, struct ip_diags *d)
{
	size_t cap = p->participants.n + p->measures.n + p->goals.n;
	for (size_t i = 0; i < p->goals.n; i++)
		cap += p->goals.v[i].subgoals.n;
	const struct ip_text **ids = ip_arena_alloc(&d->arena,
	    (cap + 1) * sizeof(*ids));
	size_t n;

	n = collect_ids(d, &p->participants.any, sizeof(struct ip_participant),
	    offsetof(struct ip_participant, id),
	    N_("a participant has no 'id'"), ids);
	unique(d, ids, n, ID_PARTICIPANT);
	n = collect_ids(d, &p->measures.any, sizeof(struct ip_measure),
	    offsetof(struct ip_measure, id), N_("a measure has no 'id'"), ids);
	unique(d, ids, n, ID_MEASURE);
	n = collect_ids(d, &p->goals.any, sizeof(struct ip_goal),
	    offsetof(struct ip_goal, id), N_("a goal has no 'id'"), ids);
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		n += collect_ids(d, &g->subgoals.any, sizeof(struct ip_subgoal),
		    offsetof(struct ip_subgoal, id),
		    N_("a sub-goal has no 'id'"), ids + n);
	}
	unique(d, ids, n, ID_GOAL);
}

/* True if the list l, or the id of one of its entries of the given size
 * (the first text after the entry's position), was left out for an
 * error, as an unknown 'deltakere:' leaves out the participants: a
 * reference to an id that is not found may be to one of those. */
static bool
ids_refused(const struct ip_plan *p, const struct ip_list *l, size_t size,
    size_t id_off)
{
	if (p->n_refused == 0)
		return false;
	if (ip_plan_refused(p, l->pos))
		return true;
	for (size_t i = 0; i < l->n; i++) {
		const char *e = (const char *)l->v + i * size;
		if (ip_plan_refused(p, ((const struct ip_text *)(const void *)
		    (e + id_off))->pos))
			return true;
	}
	return false;
}

/* True if some goal's or sub-goal's id may have been left out. */
static bool
goal_ids_refused(const struct ip_plan *p)
{
	if (ids_refused(p, &p->goals.any, sizeof(struct ip_goal),
	    offsetof(struct ip_goal, id)))
		return true;
	for (size_t i = 0; i < p->goals.n; i++)
		if (ids_refused(p, &p->goals.v[i].subgoals.any,
		    sizeof(struct ip_subgoal), offsetof(struct ip_subgoal, id)))
			return true;
	return false;
}

/* True if ref is set but no participant's id, and no participant's id
 * was left out for an error. */
static bool
unknown_participant(const struct ip_plan *p, const struct ip_text *ref)
{
	return ref->s != NULL && ip_find_participant(p, ref->s) == NULL
	    && !ids_refused(p, &p->participants.any,
	    sizeof(struct ip_participant),
	    offsetof(struct ip_participant, id));
}

/* What national_id and birth_date say together; the id itself is never
 * repeated in a message. */
static void
check_national_id(const struct ip_person *ps, int32_t today,
    struct ip_diags *d)
{
	struct ip_nid nid;

	if (!ip_nid_parse(ps->national_id.s, &nid)) {
		ip_diag(d, ps->national_id.pos, IP_R_NATIONAL_ID,
		    _("national_id is not a valid fødselsnummer, D-nummer, "
		    "H-nummer or FH-nummer (11 digits, a real date, both "
		    "check digits)"));
		return;
	}
	if (nid.synthetic)
		ip_diag(d, ps->national_id.pos, IP_R_TEST_ID,
		    _("national_id is a synthetic %s, made for test "
		    "environments: not a real person's"),
		    ip_nid_kind_name(nid.kind));
	/* an H-nummer is unique only inside its issuer (HL7 Norway's
	 * no-basis-Patient wants the assigner): see export_fhir.c */
	bool issuer = ps->national_id_issuer.s != NULL
	    && !ip_blank(ps->national_id_issuer.s);
	if (nid.kind == IP_NID_HNR && !issuer)
		ip_diag(d, ps->national_id.pos, IP_R_NID_ISSUER,
		    _("national_id is an H-nummer, unique only at the "
		    "hospital that gave it: name the hospital in "
		    "national_id_issuer (the FHIR export leaves the "
		    "H-nummer out without it)"));
	else if (nid.kind != IP_NID_HNR && issuer)
		ip_diag(d, ps->national_id_issuer.pos, IP_R_NID_ISSUER,
		    _("national_id_issuer is for an H-nummer, and "
		    "national_id is none"));
	ip_check_birth(ps, today, d);
}

void
ip_check_birth(const struct ip_person *ps, int32_t today, struct ip_diags *d)
{
	int32_t born;

	if (ps->national_id.s == NULL || !ip_national_id_valid(
	    ps->national_id.s))
		return;
	enum ip_birth from = ip_birth_source(ps, &born);
	switch (from) {
	case IP_BIRTH_DIFFERS:
		ip_diag(d, ps->birth_date.pos, IP_R_BIRTH_DATE,
		    _("birth_date differs from the date in national_id"));
		break;
	case IP_BIRTH_AMBIGUOUS:
		ip_diag(d, ps->national_id.pos, IP_R_BIRTH_DATE,
		    _("national_id does not tell the century of birth (the "
		    "numbers issued from 2032 do not): give birth_date"));
		break;
	case IP_BIRTH_GIVEN:
	case IP_BIRTH_NATIONAL_ID:
		if (born <= today)
			break;
		bool given = from == IP_BIRTH_GIVEN;
		ip_diag(d, given ? ps->birth_date.pos : ps->national_id.pos,
		    IP_R_NATIONAL_ID, given ? _("birth_date, and so the date in "
		    "national_id, is after today") : _("the date in national_id "
		    "is after today; if the person was born a century earlier, "
		    "give birth_date"));
		break;
	default:
		break;
	}
}

static void
check_person(const struct ip_plan *p, int32_t today, struct ip_diags *d)
{
	const struct ip_person *ps = &p->person;

	if (ps->name.s == NULL)
		ip_diag(d, at(ps->name.pos, ps->pos), IP_R_REQUIRED,
		    _("no person.name: whose plan is this?"));
	if (ps->national_id.s != NULL)
		check_national_id(ps, today, d);
	bool found = false;	/* or a role left out, which may be it */
	const struct ip_enum *first = NULL;
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_enum *r = &p->participants.v[i].role;
		bool person = r->set && r->v == IP_ROLE_PERSON;
		found |= person || ip_plan_refused(p, r->pos);
		if (person && first == NULL)
			first = r;
		else if (person)
			ip_diag(d, r->pos, IP_R_PERSON_TWICE, _("a second "
			    "participant with role person (the first at line "
			    "%u): a plan is for one person, who alone sees "
			    "all of it"), first->pos.line);
	}
	if (!found && p->participants.n > 0)
		ip_diag(d, p->participants.pos, IP_R_PERSON_PART,
		    _("the person is not among the participants (role: person):"
		    " the person has the right to take part"));
}

/* A child's plan names the guardians, who consent for the child and see
 * the plan (pasient- og brukerrettighetsloven § 4-4). */
static void
check_guardians(const struct ip_plan *p, int32_t today, struct ip_diags *d)
{
	int age = ip_person_age(p, today);

	if (age < 0 || age >= IP_AGE_OF_CONSENT || p->participants.n == 0
	    || ip_plan_closed(p))
		return;
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		if (ip_is_guardian(q) || ip_plan_refused(p, q->role.pos))
			return;
	}
	ip_diag(d, p->participants.pos, IP_R_NO_GUARDIAN,
	    _("the person is under 16, but no participant has role "
	    "guardian: name those with parental responsibility, who consent "
	    "for the child"));
}

static void
check_goals(const struct ip_plan *p, struct ip_diags *d)
{
	const struct ip_period *pe = &p->period;

	if (p->goals.n == 0)
		check_item(d, p->goals.pos, 'a', _("no goals"));
	if (p->resources.n == 0)
		check_item(d, p->resources.pos, 'a', _("no resources"));
	if (p->needs.n == 0)
		check_item(d, p->needs.pos, 'a', _("no needs"));
	for (size_t i = 0; i < p->goals.n; i++) {
		const struct ip_goal *g = &p->goals.v[i];
		if (g->text.s == NULL)
			check_item(d, at(g->text.pos, g->pos), 'a',
			    _("a goal without text"));
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (s->text.s == NULL)
				check_item(d, at(s->text.pos, s->pos), 'a',
				    _("a sub-goal without text"));
			if (!s->due.set)
				ip_diag(d, at(s->due.pos, s->pos),
				    IP_R_SUBGOAL_DUE,
				    _("sub-goal has no due date: make it as "
				    "concrete as possible"));
			else if (outside_period(pe, s->due.day))
				ip_diag(d, s->due.pos, IP_R_OUTSIDE,
				    _("sub-goal due date is outside the plan "
				    "period"));
		}
	}
}

/* An organization's numbers in its registers: organisasjonsnummer,
 * RESH-id, HER-id. */
static void
check_org_ids(struct ip_diags *d, const struct ip_text *orgnr,
    const struct ip_text *resh, const struct ip_text *her)
{
	if (orgnr->s != NULL && !ip_orgnr_valid(orgnr->s))
		ip_diag(d, orgnr->pos, IP_R_IDENTIFIER,
		    _("organization_number is not an organisasjonsnummer "
		    "(nine digits, the last a mod-11 check digit)"));
	if (resh->s != NULL && !ip_register_number_valid(resh->s))
		ip_diag(d, resh->pos, IP_R_IDENTIFIER,
		    _("resh_id is not a RESH-id (one to nine digits, the "
		    "first not 0)"));
	if (her->s != NULL && !ip_register_number_valid(her->s))
		ip_diag(d, her->pos, IP_R_IDENTIFIER,
		    _("her_id is not a HER-id (one to nine digits, the first "
		    "not 0)"));
}

static void
check_participants(const struct ip_plan *p, struct ip_diags *d)
{
	if (p->participants.n == 0)
		check_item(d, p->participants.pos, 'b', _("no participants"));
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (q->name.s == NULL)
			check_item(d, at(q->name.pos, q->pos), 'b',
			    _("a participant without a name"));
		if (!q->role.set)
			check_item(d, at(q->role.pos, q->pos), 'b',
			    ip_arena_printf(&d->arena, _("a participant "
			    "without a role (%s)"), ip_vocab_or(&d->arena,
			    ip_vocab_role)));
		if (q->contribution.s == NULL && q->role.set
		    && (q->role.v == IP_ROLE_PERSON
			|| q->role.v == IP_ROLE_PROVIDER))
			check_item(d, at(q->contribution.pos, q->pos), 'd',
			    ip_arena_printf(&d->arena, _("participant '%s' "
			    "has no contribution"), name(&q->id)));
		if (q->hpr.s != NULL && !ip_register_number_valid(q->hpr.s))
			ip_diag(d, q->hpr.pos, IP_R_IDENTIFIER,
			    _("hpr is not an HPR-nummer (one to nine digits, "
			    "the first not 0)"));
		check_org_ids(d, &q->organization_number, &q->resh_id,
		    &q->her_id);
	}

	if (p->coordinator.s == NULL) {
		check_item(d, p->coordinator.pos, 'c', _("no coordinator"));
		return;
	}
	const struct ip_participant *c = ip_find_participant(p,
	    p->coordinator.s);
	if (c == NULL) {
		if (unknown_participant(p, &p->coordinator))
			ip_diag(d, p->coordinator.pos, IP_R_UNKNOWN_REF,
			    _("coordinator '%s' is not a participant's id"),
			    p->coordinator.s);
	} else if (c->role.set && (c->role.v == IP_ROLE_PERSON
	    || c->role.v == IP_ROLE_RELATIVE
	    || c->role.v == IP_ROLE_GUARDIAN))
		ip_diag(d, p->coordinator.pos, IP_R_COORD_ROLE,
		    _("the coordinator is the person or a relative: the "
		    "services appoint the coordinator"));
}

static void
check_measures(const struct ip_plan *p, struct ip_diags *d)
{
	bool any_how = false;

	if (p->measures.n == 0)
		check_item(d, p->measures.pos, 'e', _("no measures"));
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (m->title.s == NULL)
			check_item(d, at(m->title.pos, m->pos), 'e',
			    _("a measure without a title"));
		if (m->extent.s == NULL)
			check_item(d, at(m->extent.pos, m->pos), 'e',
			    ip_arena_printf(&d->arena, _("measure '%s' has "
			    "no extent"), name(&m->id)));
		if (m->responsible.s == NULL)
			check_item(d, at(m->responsible.pos, m->pos), 'e',
			    ip_arena_printf(&d->arena, _("measure '%s' has "
			    "no responsible participant"), name(&m->id)));
		if (unknown_participant(p, &m->responsible))
			ip_diag(d, m->responsible.pos, IP_R_UNKNOWN_REF,
			    _("responsible '%s' is not a participant's id"),
			    m->responsible.s);
		if (m->goals.n == 0)
			ip_diag(d, at(m->goals.pos, m->pos), IP_R_MEASURE_GOAL,
			    _("measure serves no goal: the goals govern the "
			    "measures"));
		for (size_t j = 0; j < m->goals.n; j++) {
			const struct ip_text *g =
			    &m->goals.v[j];
			if (!has_goal(p, g->s) && !goal_ids_refused(p))
				ip_diag(d, g->pos, IP_R_UNKNOWN_REF,
				    _("goal '%s' is not a goal's or sub-goal's "
				    "id"), g->s);
		}
		if (m->start.set && m->end.set && m->end.day < m->start.day)
			ip_diag(d, m->end.pos, IP_R_DATE_ORDER,
			    _("measure ends before it starts"));
		any_how |= m->how.s != NULL || ip_plan_refused(p, m->how.pos);
	}

	if (p->implementation.s != NULL)
		return;
	if (p->measures.n == 0 || !any_how) {
		check_item(d, p->implementation.pos, 'f',
		    _("no description of how the measures are carried out "
		    "(implementation, or how for each measure)"));
		return;
	}
	for (size_t i = 0; i < p->measures.n; i++) {
		const struct ip_measure *m =
		    &p->measures.v[i];
		if (m->how.s == NULL)
			check_item(d, at(m->how.pos, m->pos), 'f',
			    ip_arena_printf(&d->arena, _("measure '%s' does "
			    "not say how it is carried out, and the plan has "
			    "no implementation"), name(&m->id)));
	}
}

static void
check_period(const struct ip_plan *p, int32_t today, struct ip_diags *d)
{
	const struct ip_period *pe = &p->period;

	/* none, or nothing in it: at its key if it has one */
	if (pe->start.pos.line == 0 && pe->end.pos.line == 0
	    && pe->review_interval.pos.line == 0 && pe->reviews.pos.line == 0) {
		check_item(d, pe->pos, 'g', _("no period"));
		return;
	}
	if (!pe->start.set)
		check_item(d, at(pe->start.pos, pe->pos), 'g',
		    _("the period has no start"));
	if (!pe->end.set)
		check_item(d, at(pe->end.pos, pe->pos), 'g',
		    _("the period has no end"));
	if (pe->start.set && pe->end.set && pe->end.day <= pe->start.day)
		ip_diag(d, pe->end.pos, IP_R_DATE_ORDER,
		    pe->end.day < pe->start.day
		    ? _("the period ends before it starts")
		    : _("the period ends the day it starts"));
	if (pe->reviews.n == 0 && !pe->review_interval.set
	    && !ip_plan_refused(p, pe->review_interval.pos))
		check_item(d, at(pe->reviews.pos, pe->pos), 'g',
		    _("no review date and no review_interval"));
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *r =
		    &pe->reviews.v[i];
		if (!r->date.set && !r->done.set)
			ip_diag(d, r->pos, IP_R_REQUIRED,
			    _("a review has no 'date' or 'done'"));
		if (r->date.set && outside_period(pe, r->date.day))
			ip_diag(d, r->date.pos, IP_R_OUTSIDE,
			    _("review date is outside the plan period"));
		if (r->done.set && r->done.day > today)
			ip_diag(d, r->done.pos, IP_R_FUTURE,
			    _("review done in the future"));
	}
}

/* A withdrawal of the consent to the plan, or to share information
 * (sharing), given on the day given. */
static void
withdrawn(const struct ip_plan *p, struct ip_diags *d,
    const struct ip_date *given, const struct ip_date *w, int32_t today,
    bool sharing)
{
	if (!w->set)
		return;
	if (!given->set && !ip_plan_refused(p, given->pos))
		ip_diag(d, w->pos, IP_R_REQUIRED, sharing
		    ? _("consent to share information withdrawn, but never "
		    "given (consent.information_sharing.date)")
		    : _("consent to the plan withdrawn, but never given "
		    "(consent.plan.date)"));
	else if (w->day < given->day)
		ip_diag(d, w->pos, IP_R_DATE_ORDER, sharing
		    ? _("consent to share information withdrawn before it "
		    "was given")
		    : _("consent to the plan withdrawn before it was given"));
	if (w->day > today)
		ip_diag(d, w->pos, IP_R_FUTURE, sharing
		    ? _("consent to share information withdrawn in the "
		    "future")
		    : _("consent to the plan withdrawn in the future"));
}

/* Whether the consent's by names a guardian: the entry that does, or
 * NULL. */
static const struct ip_text *
by_guardian(const struct ip_plan *p, const union ip_text_list *by)
{
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(p, by->v[i].s);
		if (q != NULL && ip_is_guardian(q))
			return &by->v[i];
	}
	return NULL;
}

/* A consent given by a guardian on day, when the person was 16 or
 * older: they consent themselves (pasient- og brukerrettighetsloven
 * § 4-3). */
static void
check_by(const struct ip_plan *p, struct ip_diags *d,
    const union ip_text_list *by, const struct ip_date *day)
{
	const struct ip_text *g = by_guardian(p, by);

	if (g != NULL && day->set
	    && ip_person_age(p, day->day) >= IP_AGE_OF_CONSENT)
		ip_diag(d, g->pos, IP_R_GUARDIAN_CONSENT,
		    _("consent given by guardian '%s' on or after the "
		    "person's 16th birthday: from 16 the person must consent "
		    "themselves"), g->s);
}

static void
check_sharing(const struct ip_plan *p, int32_t today, struct ip_diags *d,
    const struct ip_consent_sharing *s)
{
	for (size_t i = 0; i < s->participants.n; i++)
		if (unknown_participant(p, &s->participants.v[i]))
			ip_diag(d, s->participants.v[i].pos, IP_R_UNKNOWN_REF,
			    _("information sharing with '%s' is not a "
			    "participant's id"), s->participants.v[i].s);
	if (s->date.set && s->until.set && s->until.day < s->date.day)
		ip_diag(d, s->until.pos, IP_R_DATE_ORDER,
		    _("consent to share information ends before it was given"));
	if (!s->date.set && s->participants.n > 0)
		ip_diag(d, at(s->date.pos, s->pos), IP_R_REQUIRED,
		    _("consent to share information has no date "
		    "(consent.information_sharing.date): it covers no one"));
	withdrawn(p, d, &s->date, &s->withdrawn, today, true);
	check_by(p, d, &s->by, &s->date);
}

static void
check_consent(const struct ip_plan *p, int32_t today, struct ip_diags *d)
{
	const struct ip_consent *c = &p->consent;
	/* a care left out may be compulsory: then no consent is needed */
	bool compulsory = (p->person.care.set
	    && p->person.care.v == IP_CARE_COMPULSORY)
	    || ip_plan_refused(p, p->person.care.pos);

	if (!c->plan.date.set && !compulsory)
		check_item(d, at(c->plan.date.pos, at(c->plan.pos, c->pos)),
		    'h', _("no date of consent to the plan "
		    "(consent.plan.date)"));
	if (c->plan.date.set && c->plan.date.day > today)
		ip_diag(d, c->plan.date.pos, IP_R_FUTURE,
		    _("consent given in the future"));
	for (size_t i = 0; i < c->information_sharing.n; i++)
		check_sharing(p, today, d, &c->information_sharing.v[i]);
	withdrawn(p, d, &c->plan.date, &c->plan.withdrawn, today, false);
	check_by(p, d, &c->plan.by, &c->plan.date);
	int32_t when;
	if (ip_plan_withdrawn(p, today, &when))
		ip_diag(d, c->plan.withdrawn.pos, IP_R_WITHDRAWN,
		    _("consent to the plan is withdrawn, but the plan is still "
		    "active: close it (status: closed)"));
}

static void
check_cooperation(const struct ip_plan *p, struct ip_diags *d)
{
	if (p->cooperation.n == 0)
		check_item(d, p->cooperation.pos, 'i', _("no cooperation"));
	for (size_t i = 0; i < p->cooperation.n; i++) {
		const struct ip_cooperation *c =
		    &p->cooperation.v[i];
		if (c->with.s == NULL)
			check_item(d, at(c->with.pos, c->pos), 'i',
			    _("cooperation without 'with' whom"));
		check_org_ids(d, &c->organization_number, &c->resh_id,
		    &c->her_id);
	}
}

static bool
at_refused(const struct ip_diag *g, const void *p)
{
	return ip_plan_refused(p, g->pos);
}

static bool
is_item(const struct ip_diag *g, const void *p)
{
	(void)p;
	return g->rule >= IP_R_ITEM_A && g->rule <= IP_R_ITEM_I;
}

void
ip_plan_check(const struct ip_plan *p, int32_t today, struct ip_diags *d)
{
	size_t first = d->n;

	check_person(p, today, d);
	check_guardians(p, today, d);
	check_goals(p, d);
	check_participants(p, d);
	check_measures(p, d);
	check_period(p, today, d);
	check_consent(p, today, d);
	check_cooperation(p, d);
	check_ids(p, d);
	if (p->status.set && p->status.v == IP_STATUS_CLOSED
	    && !p->closed.date.set)
		ip_diag(d, at(p->closed.date.pos, at(p->closed.pos,
		    p->status.pos)), IP_R_CLOSED,
		    _("a closed plan needs closed.date"));
	/* what was left out for an error there is not also missing */
	if (p->n_refused > 0)
		ip_diags_drop(d, first, at_refused, p);
	/* a plan being written lacks some of the nine items yet */
	if (ip_plan_draft(p))
		ip_diags_soften(d, first, is_item, NULL);
}
