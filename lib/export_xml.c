/*
 * export_xml.c - ip-export's XML: the whole plan in the vocabulary that
 * lib/iplan.xsd describes, namespace urn:iplan:plan:1.
 *
 * Elements mirror the keys of the plan file, in its order, and a list
 * becomes a wrapper named by its key around one element per entry.  An
 * entry's id is an attribute, id; a reference is an empty element with an
 * attribute, ref.  Attributes of the root describe the export itself.
 * libxml2's writer puts out control characters and bad UTF-8 as they
 * are, which no parser accepts: every string passes ip_xml_clean() first.
 */
#include "render.h"

#include <libxml/chvalid.h>
#include <libxml/xmlstring.h>
#include <libxml/xmlwriter.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "utf8.h"

#define IP_XML_NS "urn:iplan:plan:1"

const char *
ip_xml_clean(struct ip_arena *a, const char *s)
{
	static const char fffd[] = "\xef\xbf\xbd";
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;
	char *out = NULL, *o = NULL;

	while (i < n) {
		/* Not libxml2's xmlGetUTF8Char(), which reads a continuation
		 * byte as the first of two (0x87 0x87 as U+01C7).  Ours takes
		 * the shortest form only: an overlong '<' is no '<'. */
		uint32_t c;
		size_t len = ip_utf8_decode(u + i, n - i, &c);
		bool ok = len > 0 && xmlIsCharQ(c);
		if (!ok && out == NULL) {
			/* at most three bytes for each byte of s */
			out = ip_arena_alloc(a, 3 * n + 1);
			memcpy(out, s, i);
			o = out + i;
		}
		/* a broken sequence counts as one character */
		if (len == 0)
			for (len = 1; i + len < n && (u[i + len] & 0xc0) == 0x80;
			    len++)
				;
		if (out != NULL && ok) {
			memcpy(o, u + i, len);
			o += len;
		} else if (out != NULL) {
			memcpy(o, fffd, 3);
			o += 3;
		}
		i += len;
	}
	if (out == NULL)
		return s;
	*o = '\0';
	return out;
}

struct xw {
	const struct ip_render *r;
	const struct ip_view *v;
	xmlTextWriterPtr w;
	struct ip_arena a;
	bool failed;		/* a write returned < 0 */
	size_t goal;		/* the goal whose sub-goals are written */
};

static void
check(struct xw *x, int rc)
{
	if (rc < 0)
		x->failed = true;
}

/* s as the view shows it (a national id written in it masked in a
 * restricted view), cleaned for XML. */
static const xmlChar *
clean(struct xw *x, const char *s)
{
	return (const xmlChar *)ip_xml_clean(&x->a, ip_view_masked(x->v,
	    &x->a, s, x->r->l->nid_hidden));
}

static void
start(struct xw *x, const char *name)
{
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

static void
end(struct xw *x)
{
	check(x, xmlTextWriterEndElement(x->w));
}

static void
attr(struct xw *x, const char *name, const char *value)
{
	if (value != NULL)
		check(x, xmlTextWriterWriteAttribute(x->w,
		    (const xmlChar *)name, clean(x, value)));
}

/* <name>s</name>, nothing if s is NULL. */
static void
elem(struct xw *x, const char *name, const char *s)
{
	if (s != NULL)
		check(x, xmlTextWriterWriteElement(x->w,
		    (const xmlChar *)name, clean(x, s)));
}

static void
xml_date(struct xw *x, const char *name, const struct ip_date *d)
{
	char buf[11];
	if (d->set)
		elem(x, name, ip_date_format(d->day, buf));
}

/* <name ref="id"/>, nothing if id is NULL. */
static void
ref(struct xw *x, const char *name, const char *id)
{
	if (id == NULL)
		return;
	start(x, name);
	attr(x, "ref", id);
	end(x);
}

static void
word(struct xw *x, const char *name, const struct ip_enum *e,
    const char *const *vocab)
{
	if (e->set)
		elem(x, name, vocab[e->v]);
}

/* A list of texts as <list><entry>text</entry>...</list>. */
static void
texts(struct xw *x, const char *list, const char *entry,
    const union ip_text_list *l)
{
	if (l->n == 0)
		return;
	start(x, list);
	for (size_t i = 0; i < l->n; i++)
		elem(x, entry, l->v[i].s);
	end(x);
}

/* A list of references to participants as <list><entry ref="id"/>...
 * </list>, each by the id the view gives them. */
static void
refs(struct xw *x, const char *list, const char *entry,
    const union ip_text_list *l)
{
	if (l->n == 0)
		return;
	start(x, list);
	for (size_t i = 0; i < l->n; i++)
		ref(x, entry, ip_view_participant_ref(x->v, &x->a, l->v[i].s));
	end(x);
}

/* --- the table's fields (fields.h) as elements ---------------------------- */

/* The element <key> of a field that the table says is an ELEM; vocab is
 * that of a word, NULL for the others. */
static void
xml_TEXT(struct xw *x, const char *key, const struct ip_text *t,
    const char *const *vocab)
{
	(void)vocab;
	elem(x, key, t->s);
}

static void
xml_DATE(struct xw *x, const char *key, const struct ip_date *t,
    const char *const *vocab)
{
	(void)vocab;
	xml_date(x, key, t);
}

static void
xml_BOOL(struct xw *x, const char *key, const struct ip_bool *b,
    const char *const *vocab)
{
	(void)vocab;
	if (b->set)
		elem(x, key, b->v ? "true" : "false");
}

static void
xml_ENUM(struct xw *x, const char *key, const struct ip_enum *e,
    const char *const *vocab)
{
	word(x, key, e, vocab);
}

/* The rows of a table as elements, in the table's order: of the struct
 * s, asking the view about entry (NULL: a field of the plan). */
#define ELEM_ELEM(map, key, type, sub, group) \
	if (ip_view_shows(x->v, IP_F_##group, entry)) \
		xml_##type(x, #key, &s->key, IP_FIELD_VOCAB_##type(sub));
#define ELEM_OWN(map, key, type, sub, group) xml_##map##_##key(x, s);
#define ELEM(map, key, type, sub, group, doc, xml, ...) \
	ELEM_##xml(map, key, type, sub, group)

/* True if the field is given: with the macros below, if a mapping holds
 * any of its rows (HELD), or any that the view shows (SHOWN). */
static bool
held_TEXT(const struct ip_text *t)
{
	return t->s != NULL;
}

static bool
held_DATE(const struct ip_date *t)
{
	return t->set;
}

static bool
held_TEXTS1(const union ip_text_list *t)
{
	return t->n > 0;
}
#define HELD(map, key, type, ...) || held_##type(&s->key)
#define SHOWN(map, key, type, sub, group, ...) \
	|| (held_##type(&s->key) && ip_view_shows(x->v, IP_F_##group, entry))

/* The mapping s, whose rows are those of the table fields, as the
 * element name, only if it holds something the view shows. */
#define MAP_ELEM(name, fields) \
	if (false fields(SHOWN)) { \
		start(x, name); \
		fields(ELEM) \
		end(x); \
	}

static void
xml_person_contact(struct xw *x, const struct ip_person *ps)
{
	const struct ip_contact *s = &ps->contact;
	const void *entry = NULL;

	MAP_ELEM("contact", IP_CONTACT_FIELDS)
}

static void
xml_plan_person(struct xw *x, const struct ip_plan *p)
{
	const struct ip_person *s = &p->person;
	const void *entry = NULL;

	if (s->pos.line == 0)
		return;
	start(x, "person");
	IP_PERSON_FIELDS(ELEM)
	end(x);
}

/* An attribute, as the view numbers it: s is one of the plan's
 * participants. */
static void
xml_participant_id(struct xw *x, const struct ip_participant *s)
{
	attr(x, "id", ip_view_participant_id(x->v, &x->a,
	    (size_t)(s - x->v->p->participants.v)));
}

static void
xml_plan_participants(struct xw *x, const struct ip_plan *p)
{
	const union ip_participant_list *l = &p->participants;
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_participant *s = &l->v[i];
		const void *entry = s;
		if (!ip_view_shows(x->v, IP_F_PARTICIPANT, s))
			continue;
		if (!any)
			start(x, "participants");
		any = true;
		start(x, "participant");
		IP_PARTICIPANT_FIELDS(ELEM)
		end(x);
	}
	if (any)
		end(x);
}

/* An attribute, as the view numbers it: s is one of the plan's goals. */
static void
xml_goal_id(struct xw *x, const struct ip_goal *s)
{
	if (ip_view_shows(x->v, IP_F_GOAL, s))
		attr(x, "id", ip_view_goal_id(x->v, &x->a,
		    (size_t)(s - x->v->p->goals.v), SIZE_MAX));
}

/* An attribute, as the view numbers it: s is a sub-goal of the goal
 * being written. */
static void
xml_subgoal_id(struct xw *x, const struct ip_subgoal *s)
{
	attr(x, "id", ip_view_goal_id(x->v, &x->a, x->goal,
	    (size_t)(s - x->v->p->goals.v[x->goal].subgoals.v)));
}

static void
xml_goal_subgoals(struct xw *x, const struct ip_goal *g)
{
	size_t shown = 0;

	for (size_t j = 0; j < g->subgoals.n; j++)
		shown += ip_view_shows(x->v, IP_F_SUBGOAL, &g->subgoals.v[j]);
	if (shown == 0)
		return;
	start(x, "subgoals");
	for (size_t j = 0; j < g->subgoals.n; j++) {
		const struct ip_subgoal *s = &g->subgoals.v[j];
		const void *entry = s;
		if (!ip_view_shows(x->v, IP_F_SUBGOAL, s))
			continue;
		start(x, "subgoal");
		IP_SUBGOAL_FIELDS(ELEM)
		end(x);
	}
	end(x);
}

static void
xml_plan_goals(struct xw *x, const struct ip_plan *p)
{
	const union ip_goal_list *l = &p->goals;
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_goal *s = &l->v[i];
		const void *entry = s;
		if (!ip_view_shows_goal(x->v, s))
			continue;
		if (!any)
			start(x, "goals");
		any = true;
		x->goal = i;
		start(x, "goal");
		IP_GOAL_FIELDS(ELEM)
		end(x);
	}
	if (any)
		end(x);
}

static void
xml_plan_resources(struct xw *x, const struct ip_plan *p)
{
	if (ip_view_shows(x->v, IP_F_RESOURCES, NULL))
		texts(x, "resources", "resource", &p->resources);
}

static void
xml_plan_needs(struct xw *x, const struct ip_plan *p)
{
	if (ip_view_shows(x->v, IP_F_NEEDS, NULL))
		texts(x, "needs", "need", &p->needs);
}

/* An attribute, as the view numbers it: s is one of the plan's
 * measures. */
static void
xml_measure_id(struct xw *x, const struct ip_measure *s)
{
	attr(x, "id", ip_view_measure_id(x->v, &x->a,
	    (size_t)(s - x->v->p->measures.v)));
}

static void
xml_measure_responsible(struct xw *x, const struct ip_measure *s)
{
	ref(x, "responsible", ip_view_participant_ref(x->v, &x->a,
	    s->responsible.s));
}

static void
xml_measure_goals(struct xw *x, const struct ip_measure *s)
{
	if (s->goals.n == 0)
		return;
	start(x, "goals");
	for (size_t k = 0; k < s->goals.n; k++)
		ref(x, "goal", ip_view_goal_ref(x->v, &x->a, s->goals.v[k].s));
	end(x);
}

static void
xml_measure_subplan(struct xw *x, const struct ip_measure *m)
{
	const struct ip_subplan *s = &m->subplan;
	const void *entry = m;

	MAP_ELEM("subplan", IP_SUBPLAN_FIELDS)
}

static void
xml_plan_measures(struct xw *x, const struct ip_plan *p)
{
	const union ip_measure_list *l = &p->measures;
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_measure *s = &l->v[i];
		const void *entry = s;
		if (!ip_view_shows(x->v, IP_F_MEASURE, s))
			continue;
		if (!any)
			start(x, "measures");
		any = true;
		start(x, "measure");
		IP_MEASURE_FIELDS(ELEM)
		end(x);
	}
	if (any)
		end(x);
}

static void
xml_period_review_interval(struct xw *x, const struct ip_period *pe)
{
	static const char *const units[] = { "day", "week", "month", "year" };
	const struct ip_interval *iv = &pe->review_interval;

	if (!iv->set || !ip_view_shows(x->v, IP_F_REVIEWS, NULL))
		return;
	start(x, "review_interval");
	check(x, xmlTextWriterWriteFormatAttribute(x->w,
	    (const xmlChar *)"count", "%d", iv->n));
	attr(x, "unit", units[ip_interval_unit(iv)]);
	end(x);
}

static void
xml_period_reviews(struct xw *x, const struct ip_period *pe)
{
	if (pe->reviews.n == 0 || !ip_view_shows(x->v, IP_F_REVIEWS, NULL))
		return;
	start(x, "reviews");
	for (size_t i = 0; i < pe->reviews.n; i++) {
		const struct ip_review *s = &pe->reviews.v[i];
		const void *entry = NULL;
		start(x, "review");
		IP_REVIEW_FIELDS(ELEM)
		end(x);
	}
	end(x);
}

static void
xml_plan_period(struct xw *x, const struct ip_plan *p)
{
	const struct ip_period *s = &p->period;
	const void *entry = NULL;
	bool reviews = ip_view_shows(x->v, IP_F_REVIEWS, NULL);

	if (!s->start.set && !s->end.set
	    && (!reviews || (!s->review_interval.set && s->reviews.n == 0)))
		return;
	start(x, "period");
	IP_PERIOD_FIELDS(ELEM)
	end(x);
}

/* Each of l as an element name of its own: who gave a consent. */
static void
each(struct xw *x, const char *name, const union ip_text_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		elem(x, name, l->v[i].s);
}

static void
xml_consent_plan_by(struct xw *x, const struct ip_consent_plan *s)
{
	each(x, "by", &s->by);
}

static void
xml_consent_sharing_participants(struct xw *x,
    const struct ip_consent_sharing *s)
{
	refs(x, "participants", "participant", &s->participants);
}

static void
xml_consent_sharing_by(struct xw *x, const struct ip_consent_sharing *s)
{
	each(x, "by", &s->by);
}

/* Whether the consent to the plan holds anything. */
static bool
consent_plan_held(const struct ip_consent_plan *s)
{
	return false IP_CONSENT_PLAN_FIELDS(HELD);
}

static void
xml_consent_plan(struct xw *x, const struct ip_consent *c)
{
	const struct ip_consent_plan *s = &c->plan;
	const void *entry = NULL;

	MAP_ELEM("plan", IP_CONSENT_PLAN_FIELDS)
}

static void
xml_consent_information_sharing(struct xw *x, const struct ip_consent *c)
{
	for (size_t i = 0; i < c->information_sharing.n; i++) {
		const struct ip_consent_sharing *s =
		    &c->information_sharing.v[i];
		const void *entry = NULL;
		start(x, "information_sharing");
		IP_CONSENT_SHARING_FIELDS(ELEM)
		end(x);
	}
}

static void
xml_plan_consent(struct xw *x, const struct ip_plan *p)
{
	const struct ip_consent *s = &p->consent;
	const void *entry = NULL;

	if ((!consent_plan_held(&s->plan) && s->information_sharing.n == 0
	    && !s->guardians_own_part.set)
	    || !ip_view_shows(x->v, IP_F_CONSENT, NULL))
		return;
	start(x, "consent");
	IP_CONSENT_FIELDS(ELEM)
	end(x);
}

static void
xml_plan_cooperation(struct xw *x, const struct ip_plan *p)
{
	const union ip_cooperation_list *l = &p->cooperation;

	if (l->n == 0 || !ip_view_shows(x->v, IP_F_COOPERATION, NULL))
		return;
	start(x, "cooperation");
	for (size_t i = 0; i < l->n; i++) {
		const struct ip_cooperation *s = &l->v[i];
		const void *entry = NULL;
		start(x, "partner");
		IP_COOPERATION_FIELDS(ELEM)
		end(x);
	}
	end(x);
}

static void
xml_plan_closed(struct xw *x, const struct ip_plan *p)
{
	const struct ip_closed *s = &p->closed;
	const void *entry = NULL;

	MAP_ELEM("closed", IP_CLOSED_FIELDS)
}

static void
xml_plan_legal_basis(struct xw *x, const struct ip_plan *p)
{
	if (ip_view_shows(x->v, IP_F_LEGAL_BASIS, NULL))
		texts(x, "legal_basis", "law", &p->legal_basis);
}

static void
xml_plan_coordinator(struct xw *x, const struct ip_plan *p)
{
	ref(x, "coordinator", ip_view_participant_ref(x->v, &x->a,
	    p->coordinator.s));
}

static void
plan(struct xw *x)
{
	const struct ip_view *v = x->v;
	const struct ip_plan *s = v->p;
	const void *entry = NULL;
	char buf[11];

	start(x, "plan");
	attr(x, "xmlns", IP_XML_NS);
	if (v->viewer != NULL) {
		attr(x, "view", v->restricted ? "restricted" : "full");
		attr(x, "for", ip_view_participant_ref(v, &x->a,
		    v->viewer->id.s));
	}
	if (x->r->has_generated)
		attr(x, "generated", ip_date_format(x->r->generated, buf));
	IP_PLAN_FIELDS(ELEM)
	end(x);
}

char *
ip_export_xml(const struct ip_render *r, const struct ip_err *err)
{
	xmlBufferPtr buf = xmlBufferCreate();
	struct xw x = { .r = r, .v = r->v };
	char *out = NULL;

	if (buf == NULL || (x.w = xmlNewTextWriterMemory(buf, 0)) == NULL)
		ip_oom();
	check(&x, xmlTextWriterSetIndent(x.w, 1));
	check(&x, xmlTextWriterSetIndentString(x.w, (const xmlChar *)"  "));
	check(&x, xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL));
	plan(&x);
	check(&x, xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w);	/* flushes into buf */
	if (x.failed)
		ip_fail(err, _("cannot write the XML"));
	else
		out = ip_xstrdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	ip_arena_free(&x.a);
	return out;
}
