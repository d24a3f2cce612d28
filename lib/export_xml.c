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

/* True if the text t is given: with the macro below, if a mapping whose
 * rows are texts holds any. */
static bool
held_TEXT(const struct ip_text *t)
{
	return t->s != NULL;
}
#define HELD(map, key, type, ...) || held_##type(&s->key)

/* Only if it holds something. */
static void
xml_person_contact(struct xw *x, const struct ip_person *ps)
{
	const struct ip_contact *s = &ps->contact;
	const void *entry = NULL;

	if ((false IP_CONTACT_FIELDS(HELD))
	    && ip_view_shows(x->v, IP_F_PERSON_CONTACT, NULL)) {
		start(x, "contact");
		IP_CONTACT_FIELDS(ELEM)
		end(x);
	}
}

static void
person(struct xw *x, const struct ip_person *s)
{
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
participants(struct xw *x, const union ip_participant_list *l)
{
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

static void
goals(struct xw *x, const union ip_goal_list *l)
{
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_goal *g = &l->v[i];
		if (!ip_view_shows_goal(x->v, g))
			continue;
		size_t shown = 0;
		for (size_t j = 0; j < g->subgoals.n; j++)
			shown += ip_view_shows(x->v, IP_F_SUBGOAL,
			    &g->subgoals.v[j]);
		if (!any)
			start(x, "goals");
		any = true;
		start(x, "goal");
		if (ip_view_shows(x->v, IP_F_GOAL, g)) {
			attr(x, "id", ip_view_goal_id(x->v, &x->a, i,
			    SIZE_MAX));
			elem(x, "text", g->text.s);
		}
		if (shown > 0) {
			start(x, "subgoals");
			for (size_t j = 0; j < g->subgoals.n; j++) {
				const struct ip_subgoal *s =
				    &g->subgoals.v[j];
				if (!ip_view_shows(x->v, IP_F_SUBGOAL, s))
					continue;
				start(x, "subgoal");
				attr(x, "id", ip_view_goal_id(x->v, &x->a, i,
				    j));
				elem(x, "text", s->text.s);
				xml_date(x, "due", &s->due);
				word(x, "status", &s->status,
				    ip_vocab_goal_status);
				end(x);
			}
			end(x);
		}
		end(x);
	}
	if (any)
		end(x);
}

static void
measures(struct xw *x, const union ip_measure_list *l)
{
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_measure *m = &l->v[i];
		const struct ip_subplan *sp = &m->subplan;
		if (!ip_view_shows(x->v, IP_F_MEASURE, m))
			continue;
		if (!any)
			start(x, "measures");
		any = true;
		start(x, "measure");
		attr(x, "id", ip_view_measure_id(x->v, &x->a, i));
		elem(x, "title", m->title.s);
		elem(x, "extent", m->extent.s);
		ref(x, "responsible", ip_view_participant_ref(x->v, &x->a,
		    m->responsible.s));
		if (m->goals.n > 0) {
			start(x, "goals");
			for (size_t k = 0; k < m->goals.n; k++)
				ref(x, "goal", ip_view_goal_ref(x->v, &x->a,
				    m->goals.v[k].s));
			end(x);
		}
		xml_date(x, "start", &m->start);
		xml_date(x, "end", &m->end);
		elem(x, "how", m->how.s);
		if (sp->kind.s || sp->reference.s) {
			start(x, "subplan");
			elem(x, "kind", sp->kind.s);
			elem(x, "reference", sp->reference.s);
			end(x);
		}
		end(x);
	}
	if (any)
		end(x);
}

static void
period(struct xw *x, const struct ip_period *pe)
{
	static const char *const units[] = { "day", "week", "month", "year" };
	const struct ip_interval *iv = &pe->review_interval;
	bool reviews = ip_view_shows(x->v, IP_F_REVIEWS, NULL);

	if (!pe->start.set && !pe->end.set
	    && (!reviews || (!iv->set && pe->reviews.n == 0)))
		return;
	start(x, "period");
	xml_date(x, "start", &pe->start);
	xml_date(x, "end", &pe->end);
	if (iv->set && reviews) {
		start(x, "review_interval");
		check(x, xmlTextWriterWriteFormatAttribute(x->w,
		    (const xmlChar *)"count", "%d", iv->n));
		attr(x, "unit", units[ip_interval_unit(iv)]);
		end(x);
	}
	if (pe->reviews.n > 0 && reviews) {
		start(x, "reviews");
		for (size_t i = 0; i < pe->reviews.n; i++) {
			const struct ip_review *r =
			    &pe->reviews.v[i];
			start(x, "review");
			xml_date(x, "date", &r->date);
			xml_date(x, "done", &r->done);
			elem(x, "summary", r->summary.s);
			end(x);
		}
		end(x);
	}
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
consent(struct xw *x, const struct ip_consent *c)
{
	const struct ip_consent_plan *pl = &c->plan;
	bool plan = pl->date.set || pl->by.n > 0 || pl->withdrawn.set;

	if ((!plan && c->information_sharing.n == 0
	    && !c->guardians_own_part.set)
	    || !ip_view_shows(x->v, IP_F_CONSENT, NULL))
		return;
	start(x, "consent");
	if (plan) {
		start(x, "plan");
		xml_date(x, "date", &pl->date);
		each(x, "by", &pl->by);
		xml_date(x, "withdrawn", &pl->withdrawn);
		end(x);
	}
	for (size_t i = 0; i < c->information_sharing.n; i++) {
		const struct ip_consent_sharing *s =
		    &c->information_sharing.v[i];
		start(x, "information_sharing");
		xml_date(x, "date", &s->date);
		refs(x, "participants", "participant", &s->participants);
		xml_date(x, "until", &s->until);
		xml_date(x, "withdrawn", &s->withdrawn);
		each(x, "by", &s->by);
		end(x);
	}
	if (c->guardians_own_part.set)
		elem(x, "guardians_own_part", c->guardians_own_part.v
		    ? "true" : "false");
	end(x);
}

static void
cooperation(struct xw *x, const union ip_cooperation_list *l)
{
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
plan(struct xw *x)
{
	const struct ip_view *v = x->v;
	const struct ip_plan *p = v->p;
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
	elem(x, "format", p->format.s);
	elem(x, "id", p->id.s);
	word(x, "language", &p->language, ip_vocab_lang);
	bool status = ip_view_shows(v, IP_F_STATUS, NULL);
	bool reason = p->closed.reason.s != NULL
	    && ip_view_shows(v, IP_F_CLOSED_REASON, NULL);
	if (status) {
		word(x, "status", &p->status, ip_vocab_status);
		xml_date(x, "created", &p->created);
	}
	if ((status && p->closed.date.set) || reason) {
		start(x, "closed");
		if (status)
			xml_date(x, "date", &p->closed.date);
		if (reason)
			elem(x, "reason", p->closed.reason.s);
		end(x);
	}
	if (ip_view_shows(v, IP_F_LEGAL_BASIS, NULL))
		texts(x, "legal_basis", "law", &p->legal_basis);
	person(x, &p->person);
	ref(x, "coordinator", ip_view_participant_ref(v, &x->a,
	    p->coordinator.s));
	participants(x, &p->participants);
	goals(x, &p->goals);
	if (ip_view_shows(v, IP_F_RESOURCES, NULL))
		texts(x, "resources", "resource", &p->resources);
	if (ip_view_shows(v, IP_F_NEEDS, NULL))
		texts(x, "needs", "need", &p->needs);
	measures(x, &p->measures);
	if (ip_view_shows(v, IP_F_IMPLEMENTATION, NULL))
		elem(x, "implementation", p->implementation.s);
	period(x, &p->period);
	consent(x, &p->consent);
	cooperation(x, &p->cooperation);
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
