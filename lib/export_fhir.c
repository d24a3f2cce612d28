/*
 * export_fhir.c - ip-export's FHIR: the plan as one HL7 FHIR R4 (4.0.1)
 * Bundle of type collection, in XML, valid against HL7's fhir-single.xsd.
 *
 * Each entry's fullUrl is a name-based UUID (version 5) of the plan's id,
 * the resource type and the local id of what it stands for: the same
 * plan gives the same UUIDs in every export, and no UUID is made from a
 * national id, which eleven digits would let anyone find by trying them
 * all.  References are to those fullUrls, and only to entries the Bundle
 * holds.  Which fields an export holds is the visibility table's
 * (view.h) to say: every one is asked for.  iplan-fhir(7) says where
 * each field of ip-plan(5) goes.
 *
 * FHIR has no empty elements: a primitive is <name value="..."/>, and an
 * element with neither a value nor children is never written.
 */
#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "i18n.h"

#define FHIR_NS "http://hl7.org/fhir"
#define VOLVEN "urn:oid:2.16.578.1.12.4.1.1."
#define EXT "http://hl7.org/fhir/StructureDefinition/"
#define HL7_CS "http://terminology.hl7.org/CodeSystem/"

/* The namespace of iplan's UUIDs: the version 5 UUID of the URL
 * "urn:iplan:plan:1" in RFC 9562's URL namespace. */
static const unsigned char iplan_ns[16] = { 0xf2, 0xf1, 0x68, 0xf3, 0xb6,
	0xdd, 0x55, 0xd7, 0xbb, 0xe4, 0x6b, 0x39, 0x6c, 0x34, 0xb0, 0xc0 };

struct fw {
	const struct ip_view *v;
	const struct ip_plan *p;
	const struct ip_labels *l;
	int32_t today;
	const char *patient;	/* the Patient's fullUrl */
	xmlTextWriterPtr w;
	struct ip_arena a;
	bool failed;		/* a write returned < 0 */
};

static void
check(struct fw *x, int rc)
{
	if (rc < 0)
		x->failed = true;
}

static void
start(struct fw *x, const char *name)
{
	check(x, xmlTextWriterStartElement(x->w, (const xmlChar *)name));
}

static void
end(struct fw *x)
{
	check(x, xmlTextWriterEndElement(x->w));
}

/* <name value="s"/>, s a code, a date or a UUID of our own: no text
 * from the plan, which val() writes. */
static void
put(struct fw *x, const char *name, const char *s)
{
	start(x, name);
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)"value",
	    (const xmlChar *)s));
	end(x);
}

/* <name value="s"/>, nothing if s is NULL or blank: FHIR has no empty
 * values.  White space at either end goes, as FHIR's XML asks. */
static void
val(struct fw *x, const char *name, const char *s)
{
	static const char ws[] = " \t\r\n";

	if (s == NULL || ip_blank(s))
		return;
	size_t n = strlen(s);
	if (strchr(ws, s[0]) != NULL || strchr(ws, s[n - 1]) != NULL) {
		s += strspn(s, ws);
		for (n = strlen(s); n > 0 && strchr(ws, s[n - 1]) != NULL; n--)
			;
		s = ip_arena_strndup(&x->a, s, n);
	}
	put(x, name, ip_xml_clean(&x->a, s));
}

static void
fhir_date(struct fw *x, const char *name, const struct ip_date *d)
{
	char buf[11];
	if (d->set)
		put(x, name, ip_date_format(d->day, buf));
}

/* <outer><inner value="s"/></outer>, nothing if s is NULL or blank. */
static void
within(struct fw *x, const char *outer, const char *inner, const char *s)
{
	if (s == NULL || ip_blank(s))
		return;
	start(x, outer);
	val(x, inner, s);
	end(x);
}

/* --- the entries and their UUIDs ------------------------------------------ */

/* The kinds of entry, as the resource types name them, and the word their
 * UUIDs are made with. */
enum kind { K_PATIENT, K_PRACTITIONER, K_RELATED, K_ORGANIZATION,
	K_COOPERATION, K_CARETEAM, K_GOAL, K_CAREPLAN, K_CONSENT };

static const char *const types[] = { "Patient", "Practitioner",
	"RelatedPerson", "Organization", "Organization", "CareTeam", "Goal",
	"CarePlan", "Consent" };
static const char *const names[] = { "Patient", "Practitioner",
	"RelatedPerson", "Organization", "Cooperation", "CareTeam", "Goal",
	"CarePlan", "Consent" };

/* "urn:uuid:..." of the entry of kind k, in the arena: of the one with
 * the local id, or if id is NULL of the one at the place at in its list
 * ("2", "1.3"), or if that is NULL too of the one entry of its kind.
 * The names hashed, "plan/Kind/id", "plan/Kind#at" and "plan/Kind",
 * cannot be taken for each other. */
static const char *
uuid_of(struct fw *x, enum kind k, const char *id, const char *at)
{
	const char *plan = x->p->id.s ? x->p->id.s : "";
	const char *local = id ? id : at;
	size_t lp = strlen(plan), lk = strlen(names[k]);
	size_t ll = local ? strlen(local) + 1 : 0;
	char *name = ip_arena_alloc(&x->a, lp + lk + ll + 2);
	char *out = ip_arena_alloc(&x->a, 9 + 37);

	memcpy(name, plan, lp);
	name[lp] = '/';
	memcpy(name + lp + 1, names[k], lk);
	if (local != NULL) {
		name[lp + 1 + lk] = id ? '/' : '#';
		memcpy(name + lp + 2 + lk, local, ll - 1);
	}
	memcpy(out, "urn:uuid:", 9);
	ip_uuid5(iplan_ns, name, out + 9);
	return out;
}

static const char *
uuid(struct fw *x, enum kind k, const char *id)
{
	return uuid_of(x, k, id, NULL);
}

/* The place of the participant q in the list, from 1, as text. */
static const char *
place_of(struct fw *x, const struct ip_participant *q)
{
	size_t i = (size_t)(q - (const struct ip_participant *)
	    x->p->participants.v);
	return ip_arena_printf(&x->a, "%zu", i + 1);
}

/* The place of goal i, or of its sub-goal j (from 0), as text. */
static const char *
place_of_goal(struct fw *x, size_t i, const struct ip_subgoal *s, size_t j)
{
	return s ? ip_arena_printf(&x->a, "%zu.%zu", i + 1, j + 1)
	    : ip_arena_printf(&x->a, "%zu", i + 1);
}

/* The fullUrl of goal i, or of its sub-goal s (the j-th). */
static const char *
goal_url(struct fw *x, const struct ip_goal *g, size_t i,
    const struct ip_subgoal *s, size_t j)
{
	const char *id = s ? s->id.s : g->id.s;
	return id ? uuid(x, K_GOAL, id)
	    : uuid_of(x, K_GOAL, NULL, place_of_goal(x, i, s, j));
}

/* <name><reference value="urn:uuid:..."/></name> */
static void
ref(struct fw *x, const char *name, const char *url)
{
	start(x, name);
	put(x, "reference", url);
	end(x);
}

/* <entry><fullUrl/><resource><Type><id/>, to be ended by close_entry().
 * The resource's id is its UUID, so that no resource is empty. */
static void
open_entry(struct fw *x, enum kind k, const char *url)
{
	start(x, "entry");
	put(x, "fullUrl", url);
	start(x, "resource");
	start(x, types[k]);
	put(x, "id", url + 9);
}

static void
close_entry(struct fw *x)
{
	end(x);
	end(x);
	end(x);
}

/* A CodeableConcept: a coding if system is set, a text if text is. */
static void
concept(struct fw *x, const char *name, const char *system,
    const char *code, const char *display, const char *text)
{
	if (system == NULL && (text == NULL || ip_blank(text)))
		return;
	start(x, name);
	if (system != NULL) {
		start(x, "coding");
		put(x, "system", system);
		put(x, "code", code);
		val(x, "display", display);
		end(x);
	}
	val(x, "text", text);
	end(x);
}

static void
period(struct fw *x, const char *name, const struct ip_date *from,
    const struct ip_date *to)
{
	if (!from->set && !to->set)
		return;
	start(x, name);
	fhir_date(x, "start", from);
	fhir_date(x, "end", to);
	end(x);
}

/* --- who is who ----------------------------------------------------------- */

static bool
is_person(const struct ip_participant *q)
{
	return q->role.set && q->role.v == IP_ROLE_PERSON;
}

static enum kind
kind_of(const struct ip_participant *q)
{
	if (is_person(q))
		return K_PATIENT;
	return q->role.set && q->role.v == IP_ROLE_PROVIDER ? K_PRACTITIONER
	    : K_RELATED;
}

/* The fullUrl of participant q's entry, or NULL if the Bundle has none:
 * the person is the Patient, whom every Bundle holds. */
static const char *
participant_url(struct fw *x, const struct ip_participant *q)
{
	if (q == NULL)
		return NULL;
	if (is_person(q))
		return x->patient;
	if (!ip_view_shows(x->v, IP_F_PARTICIPANT, q))
		return NULL;
	return q->id.s ? uuid(x, kind_of(q), q->id.s)
	    : uuid_of(x, kind_of(q), NULL, place_of(x, q));
}

/* The first participant shown with the organization of q, whose id names
 * the organization's entry; NULL if q has none or is not shown. */
static const struct ip_participant *
organization_of(struct fw *x, const struct ip_participant *q)
{
	const union ip_participant_list *l = &x->p->participants;

	if (q->organization.s == NULL || ip_blank(q->organization.s)
	    || is_person(q) || !ip_view_shows(x->v, IP_F_PARTICIPANT, q))
		return NULL;
	for (size_t i = 0; i < l->n; i++) {
		const struct ip_participant *o =
		    &l->v[i];
		if (o->organization.s != NULL && !is_person(o)
		    && strcmp(o->organization.s, q->organization.s) == 0
		    && ip_view_shows(x->v, IP_F_PARTICIPANT, o))
			return o;
	}
	return NULL;
}

/* The fullUrl of the Organization named after participant o. */
static const char *
organization_url(struct fw *x, const struct ip_participant *o)
{
	return o->id.s ? uuid(x, K_ORGANIZATION, o->id.s)
	    : uuid_of(x, K_ORGANIZATION, NULL, place_of(x, o));
}

/* A goal or sub-goal with the id, if the view shows it. */
static bool
goal_shown(struct fw *x, const char *id)
{
	const union ip_goal_list *l = &x->p->goals;

	for (size_t i = 0; id != NULL && i < l->n; i++) {
		const struct ip_goal *g = &l->v[i];
		if (g->id.s != NULL && strcmp(g->id.s, id) == 0)
			return ip_view_shows(x->v, IP_F_GOAL, g);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (s->id.s != NULL && strcmp(s->id.s, id) == 0)
				return ip_view_shows(x->v, IP_F_SUBGOAL, s);
		}
	}
	return false;
}

/* --- the resources -------------------------------------------------------- */

static void
telecom(struct fw *x, const char *system, const char *value)
{
	if (value == NULL || ip_blank(value))
		return;
	start(x, "telecom");
	put(x, "system", system);
	val(x, "value", value);
	end(x);
}

/* The national id as an identifier whose system names its kind: HL7
 * Norway's no-basis naming systems.  An H-nummer is a hospital's own and
 * has no system of its own: no-basis names its type instead. */
static void
identifier(struct fw *x, const char *nid)
{
	static const char *const systems[] = {
		[IP_NID_FNR] = "urn:oid:2.16.578.1.12.4.1.4.1",
		[IP_NID_DNR] = "urn:oid:2.16.578.1.12.4.1.4.2",
		[IP_NID_FHNR] = "urn:oid:2.16.578.1.12.4.1.4.3",
	};
	enum ip_nid_kind k = ip_nid_parse(nid, NULL);

	if (k == IP_NID_INVALID)
		return;
	start(x, "identifier");
	if (k == IP_NID_HNR)
		concept(x, "type", VOLVEN "8327", "HNR", "H-nummer", NULL);
	if (systems[k] != NULL)
		put(x, "system", systems[k]);
	val(x, "value", nid);
	end(x);
}

static void
patient(struct fw *x)
{
	const struct ip_person *ps = &x->p->person;
	const struct ip_contact *c = &ps->contact;
	bool contact = ip_view_shows(x->v, IP_F_PERSON_CONTACT, NULL);

	open_entry(x, K_PATIENT, x->patient);
	if (ps->interpreter.set && ip_view_shows(x->v, IP_F_INTERPRETER,
	    NULL)) {
		start(x, "extension");
		check(x, xmlTextWriterWriteAttribute(x->w,
		    (const xmlChar *)"url",
		    (const xmlChar *)EXT "patient-interpreterRequired"));
		put(x, "valueBoolean", ps->interpreter.v ? "true" : "false");
		end(x);
	}
	if (ps->national_id.s != NULL
	    && ip_view_shows(x->v, IP_F_NATIONAL_ID, NULL))
		identifier(x, ps->national_id.s);
	if (ip_view_shows(x->v, IP_F_PERSON_NAME, NULL))
		within(x, "name", "text", ps->name.s);
	if (contact) {
		telecom(x, "phone", c->phone.s);
		telecom(x, "email", c->email.s);
	}
	if (ip_view_shows(x->v, IP_F_BIRTH_DATE, NULL))
		fhir_date(x, "birthDate", &ps->birth_date);
	if (contact)
		within(x, "address", "text", c->address.s);
	close_entry(x);
}

/* A Practitioner or a RelatedPerson for each participant shown but the
 * person, who is the Patient. */
static void
participants(struct fw *x)
{
	const union ip_participant_list *l = &x->p->participants;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_participant *q =
		    &l->v[i];
		const char *url = participant_url(x, q);
		enum kind k = kind_of(q);
		bool contact = ip_view_shows(x->v, IP_F_PARTICIPANT_CONTACT, q);

		if (url == NULL || k == K_PATIENT)
			continue;
		open_entry(x, k, url);
		if (k == K_RELATED) {
			ref(x, "patient", x->patient);
			if (q->role.set && ip_view_shows(x->v,
			    IP_F_PARTICIPANT_ROLE, q))
				concept(x, "relationship", NULL, NULL, NULL,
				    x->l->roles[q->role.v]);
		}
		within(x, "name", "text", q->name.s);
		if (contact) {
			telecom(x, "phone", q->phone.s);
			telecom(x, "email", q->email.s);
		}
		close_entry(x);
	}
}

/* An Organization for each organization of the participants shown, once
 * for each name, and one for each cooperation partner. */
static void
organizations(struct fw *x)
{
	const union ip_participant_list *l = &x->p->participants;
	const union ip_cooperation_list *c = &x->p->cooperation;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_participant *q =
		    &l->v[i];
		if (organization_of(x, q) != q)
			continue;
		open_entry(x, K_ORGANIZATION, organization_url(x, q));
		val(x, "name", q->organization.s);
		close_entry(x);
	}
	if (!ip_view_shows(x->v, IP_F_COOPERATION, NULL))
		return;
	for (size_t i = 0; i < c->n; i++) {
		const struct ip_cooperation *o =
		    &c->v[i];
		char n[24];
		snprintf(n, sizeof(n), "%zu", i + 1);
		open_entry(x, K_COOPERATION, uuid_of(x, K_COOPERATION, NULL, n));
		val(x, "name", o->with.s);
		if (o->contact.s != NULL && !ip_blank(o->contact.s)) {
			start(x, "contact");
			within(x, "name", "text", o->contact.s);
			end(x);
		}
		close_entry(x);
	}
}

static void
careteam(struct fw *x)
{
	const struct ip_plan *p = x->p;
	const struct ip_labels *l = x->l;
	const union ip_participant_list *ql = &p->participants;
	const union ip_cooperation_list *c = &p->cooperation;

	open_entry(x, K_CARETEAM, uuid(x, K_CARETEAM, NULL));
	if (p->status.set && ip_view_shows(x->v, IP_F_STATUS, NULL))
		put(x, "status", p->status.v == IP_STATUS_ACTIVE ? "active"
		    : p->status.v == IP_STATUS_DRAFT ? "proposed"
		    : "inactive");
	val(x, "name", l->participants);
	ref(x, "subject", x->patient);
	for (size_t i = 0; i < ql->n; i++) {
		const struct ip_participant *q =
		    &ql->v[i];
		const struct ip_participant *org = organization_of(x, q);
		const char *url = participant_url(x, q);
		if (url == NULL || !ip_view_shows(x->v, IP_F_PARTICIPANT, q))
			continue;
		start(x, "participant");
		if (q->role.set && ip_view_shows(x->v, IP_F_PARTICIPANT_ROLE,
		    q))
			concept(x, "role", NULL, NULL, NULL,
			    l->roles[q->role.v]);
		if (q->id.s != NULL && p->coordinator.s != NULL
		    && strcmp(q->id.s, p->coordinator.s) == 0
		    && ip_view_shows(x->v, IP_F_COORDINATOR, NULL))
			concept(x, "role", NULL, NULL, NULL,
			    l->is_coordinator);
		if (ip_view_shows(x->v, IP_F_CONTRIBUTION, q))
			concept(x, "role", NULL, NULL, NULL,
			    q->contribution.s);
		ref(x, "member", url);
		if (org != NULL)
			ref(x, "onBehalfOf", organization_url(x, org));
		end(x);
	}
	for (size_t i = 0; ip_view_shows(x->v, IP_F_COOPERATION, NULL)
	    && i < c->n; i++) {
		const struct ip_cooperation *o =
		    &c->v[i];
		char n[24];
		snprintf(n, sizeof(n), "%zu", i + 1);
		start(x, "participant");
		concept(x, "role", NULL, NULL, NULL, l->cooperation);
		concept(x, "role", NULL, NULL, NULL, o->about.s);
		ref(x, "member", uuid_of(x, K_COOPERATION, NULL, n));
		end(x);
	}
	close_entry(x);
}

/* The goal-relationship extension of a goal to a sub-goal of it. */
static void
milestone(struct fw *x, const char *url)
{
	start(x, "extension");
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)"url",
	    (const xmlChar *)EXT "goal-relationship"));
	start(x, "extension");
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)"url",
	    (const xmlChar *)"type"));
	concept(x, "valueCodeableConcept", HL7_CS "goal-relationship-type",
	    "milestone", "Milestone", NULL);
	end(x);
	start(x, "extension");
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)"url",
	    (const xmlChar *)"target"));
	ref(x, "valueReference", url);
	end(x);
	end(x);
}

/* One Goal, of goal i (s NULL) or of its sub-goal s, the j-th. */
static void
goal(struct fw *x, const struct ip_goal *g, size_t i,
    const struct ip_subgoal *s, size_t j)
{
	static const char *const lifecycle[] = { "active", "completed",
	    "cancelled" };
	static const char *const achievement[][2] = {
		{ "in-progress", "In Progress" }, { "achieved", "Achieved" },
		{ "not-achieved", "Not Achieved" } };
	const char *id = s ? s->id.s : g->id.s;
	const char *text = s ? s->text.s : g->text.s;
	const struct ip_plan *p = x->p;
	bool closed = p->status.set && p->status.v == IP_STATUS_CLOSED
	    && ip_view_shows(x->v, IP_F_STATUS, NULL);

	open_entry(x, K_GOAL, goal_url(x, g, i, s, j));
	for (size_t k = 0; s == NULL && k < g->subgoals.n; k++) {
		const struct ip_subgoal *sub =
		    &g->subgoals.v[k];
		if (ip_view_shows(x->v, IP_F_SUBGOAL, sub))
			milestone(x, goal_url(x, g, i, sub, k));
	}
	within(x, "identifier", "value", id);
	if (s != NULL && s->status.set) {
		put(x, "lifecycleStatus", lifecycle[s->status.v]);
		concept(x, "achievementStatus", HL7_CS "goal-achievement",
		    achievement[s->status.v][0], achievement[s->status.v][1],
		    x->l->goal_status[s->status.v]);
	} else
		put(x, "lifecycleStatus", closed ? "completed" : "active");
	if (text == NULL || ip_blank(text))
		text = ip_label_fill(&x->a, x->l->goal,
		    id ? id : place_of_goal(x, i, s, j));
	concept(x, "description", NULL, NULL, NULL, text);
	ref(x, "subject", x->patient);
	if (s != NULL && s->due.set) {
		start(x, "target");
		fhir_date(x, "dueDate", &s->due);
		end(x);
	}
	close_entry(x);
}

static void
goals(struct fw *x)
{
	const union ip_goal_list *l = &x->p->goals;

	for (size_t i = 0; i < l->n; i++) {
		const struct ip_goal *g = &l->v[i];
		if (ip_view_shows(x->v, IP_F_GOAL, g))
			goal(x, g, i, NULL, 0);
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (ip_view_shows(x->v, IP_F_SUBGOAL, s))
				goal(x, g, i, s, j);
		}
	}
}

/* --- the care plan -------------------------------------------------------- */

/* The narrative: the title, and whose view a restricted one is, in the
 * language of the export. */
static void
narrative(struct fw *x, const char *title, const char *notice)
{
	start(x, "text");
	put(x, "status", "generated");
	start(x, "div");
	check(x, xmlTextWriterWriteAttribute(x->w, (const xmlChar *)"xmlns",
	    (const xmlChar *)"http://www.w3.org/1999/xhtml"));
	for (int i = 0; i < 2; i++) {
		const char *s = i == 0 ? title : notice;
		if (s == NULL)
			continue;
		start(x, "p");
		check(x, xmlTextWriterWriteString(x->w,
		    (const xmlChar *)ip_xml_clean(&x->a, s)));
		end(x);
	}
	end(x);
	end(x);
}

/* An annotation "label: text", none if text is. */
static void
note(struct fw *x, const char *label, const char *text)
{
	if (text != NULL && !ip_blank(text))
		within(x, "note", "text", ip_arena_printf(&x->a, "%s: %s",
		    label, text));
}

/* An annotation "label:" and the texts of l, a Markdown list; codes of
 * laws by their names.  None if l has no text. */
static void
note_list(struct fw *x, const char *label, const union ip_text_list *l,
    bool laws)
{
	size_t len = strlen(label) + 2;
	bool any = false;

	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		if (s != NULL && !ip_blank(s)) {
			len += strlen(laws ? ip_labels_law(x->l, s) : s) + 3;
			any = true;
		}
	}
	if (!any)
		return;
	char *text = ip_arena_alloc(&x->a, len), *o = text;
	o += sprintf(o, "%s:", label);
	for (size_t i = 0; i < l->n; i++) {
		const char *s = l->v[i].s;
		if (s != NULL && !ip_blank(s))
			o += sprintf(o, "\n- %s",
			    laws ? ip_labels_law(x->l, s) : s);
	}
	within(x, "note", "text", text);
}

/* The status of a measure's activity on the day of the export. */
static const char *
measure_status(struct fw *x, const struct ip_measure *m)
{
	const struct ip_plan *p = x->p;

	if (p->status.set && p->status.v == IP_STATUS_CLOSED
	    && ip_view_shows(x->v, IP_F_STATUS, NULL))
		return "completed";
	if (m->start.set && m->start.day > x->today)
		return "not-started";
	if (m->end.set && m->end.day < x->today)
		return "completed";
	if (m->start.set)
		return "in-progress";
	return "unknown";
}

static void
measure(struct fw *x, const struct ip_measure *m)
{
	const struct ip_participant *q =
	    m->responsible.s ? ip_find_participant(x->p, m->responsible.s)
	    : NULL;
	const char *performer = participant_url(x, q);
	bool extent = m->extent.s != NULL && !ip_blank(m->extent.s);

	start(x, "activity");
	if (m->id.s != NULL)
		check(x, xmlTextWriterWriteAttribute(x->w,
		    (const xmlChar *)"id",
		    (const xmlChar *)ip_xml_clean(&x->a, m->id.s)));
	start(x, "detail");
	concept(x, "code", NULL, NULL, NULL, m->title.s);
	for (size_t i = 0; i < m->goals.n; i++) {
		const char *id = m->goals.v[i].s;
		if (goal_shown(x, id))
			ref(x, "goal", uuid(x, K_GOAL, id));
	}
	put(x, "status", measure_status(x, m));
	if (m->start.set || m->end.set || extent) {
		start(x, "scheduledTiming");
		if (m->start.set || m->end.set) {
			start(x, "repeat");
			period(x, "boundsPeriod", &m->start, &m->end);
			end(x);
		}
		concept(x, "code", NULL, NULL, NULL, m->extent.s);
		end(x);
	}
	if (performer != NULL)
		ref(x, "performer", performer);
	val(x, "description", m->how.s);
	end(x);
	end(x);
}

/* A review: held (done) or planned (date), its summary the progress. */
static void
review(struct fw *x, const struct ip_review *r)
{
	const char *summary = r->summary.s;
	char buf[IP_LONG_DATE];

	start(x, "activity");
	if (r->done.set && (summary == NULL || ip_blank(summary)))
		summary = ip_label_fill(&x->a, x->l->review_done,
		    ip_labels_date(x->l, r->done.day, buf));
	if (summary != NULL && !ip_blank(summary)) {
		start(x, "progress");
		fhir_date(x, "time", &r->done);
		val(x, "text", summary);
		end(x);
	}
	start(x, "detail");
	concept(x, "code", NULL, NULL, NULL, x->l->review);
	put(x, "status", r->done.set ? "completed" : "scheduled");
	period(x, "scheduledPeriod", &r->date, &r->date);
	end(x);
	end(x);
}

static void
careplan(struct fw *x)
{
	const struct ip_view *v = x->v;
	const struct ip_plan *p = x->p;
	const struct ip_labels *l = x->l;
	const struct ip_participant *coord = p->coordinator.s
	    ? ip_find_participant(p, p->coordinator.s) : NULL;
	const union ip_measure_list *ml = &p->measures;
	const union ip_goal_list *gl = &p->goals;
	const char *name = p->person.name.s;
	const char *title = name != NULL && !ip_blank(name)
	    && ip_view_shows(v, IP_F_PERSON_NAME, NULL)
	    ? ip_label_fill(&x->a, l->title, name) : l->title_nameless;
	const char *notice = v->restricted && v->viewer->name.s != NULL
	    ? ip_label_fill(&x->a, l->restricted, v->viewer->name.s) : NULL;
	char buf[11];

	open_entry(x, K_CAREPLAN, uuid(x, K_CAREPLAN, NULL));
	narrative(x, title, notice);
	if (ip_view_shows(v, IP_F_PLAN_ID, NULL))
		within(x, "identifier", "value", p->id.s);
	put(x, "status", !p->status.set || !ip_view_shows(v, IP_F_STATUS,
	    NULL) ? "unknown" : p->status.v == IP_STATUS_ACTIVE ? "active"
	    : p->status.v == IP_STATUS_DRAFT ? "draft" : "completed");
	put(x, "intent", "plan");
	concept(x, "category", VOLVEN "9602", "A02-2", "Individuell plan",
	    l->title_nameless);
	val(x, "title", title);
	ref(x, "subject", x->patient);
	if (ip_view_shows(v, IP_F_PERIOD, NULL))
		period(x, "period", &p->period.start, &p->period.end);
	if (ip_view_shows(v, IP_F_COORDINATOR, NULL)
	    && participant_url(x, coord) != NULL)
		ref(x, "author", participant_url(x, coord));
	ref(x, "careTeam", uuid(x, K_CARETEAM, NULL));
	for (size_t i = 0; i < ml->n; i++) {
		const struct ip_measure *m = &ml->v[i];
		const struct ip_subplan *sp = &m->subplan;
		if (!ip_view_shows(v, IP_F_MEASURE, m)
		    || (sp->kind.s == NULL && sp->reference.s == NULL))
			continue;
		start(x, "supportingInfo");
		within(x, "identifier", "value", sp->reference.s);
		val(x, "display", ip_arena_printf(&x->a, "%s: %s",
		    l->subplan, sp->kind.s ? sp->kind.s : sp->reference.s));
		end(x);
	}
	for (size_t i = 0; i < gl->n; i++) {
		const struct ip_goal *g = &gl->v[i];
		if (ip_view_shows(v, IP_F_GOAL, g))
			ref(x, "goal", goal_url(x, g, i, NULL, 0));
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (ip_view_shows(v, IP_F_SUBGOAL, s))
				ref(x, "goal", goal_url(x, g, i, s, j));
		}
	}
	for (size_t i = 0; i < ml->n; i++) {
		const struct ip_measure *m = &ml->v[i];
		if (ip_view_shows(v, IP_F_MEASURE, m))
			measure(x, m);
	}
	if (ip_view_shows(v, IP_F_REVIEWS, NULL))
		for (size_t i = 0; i < p->period.reviews.n; i++)
			review(x, &p->period.reviews.v[i]);

	within(x, "note", "text", notice);
	if (ip_view_shows(v, IP_F_LEGAL_BASIS, NULL))
		note_list(x, l->legal_basis, &p->legal_basis, true);
	if (p->person.care.set && p->person.care.v == IP_CARE_COMPULSORY
	    && ip_view_shows(v, IP_F_CARE, NULL))
		note(x, l->compulsory, l->yes);
	if (p->closed.date.set && ip_view_shows(v, IP_F_STATUS, NULL))
		note(x, l->status, ip_label_fill(&x->a, l->closed_on,
		    ip_date_format(p->closed.date.day, buf)));
	if (ip_view_shows(v, IP_F_CLOSED_REASON, NULL))
		note(x, l->reason, p->closed.reason.s);
	if (ip_view_shows(v, IP_F_RESOURCES, NULL))
		note_list(x, l->resources, &p->resources, false);
	if (ip_view_shows(v, IP_F_NEEDS, NULL))
		note_list(x, l->needs, &p->needs, false);
	if (ip_view_shows(v, IP_F_IMPLEMENTATION, NULL))
		note(x, l->implementation, p->implementation.s);
	if (p->period.review_interval.set
	    && ip_view_shows(v, IP_F_REVIEWS, NULL)) {
		const struct ip_interval *iv = &p->period.review_interval;
		note(x, l->review_interval, ip_arena_printf(&x->a, "%d %s",
		    iv->n, l->units[ip_interval_unit(iv)][iv->n != 1]));
	}
	close_entry(x);
}

/* --- the consent ---------------------------------------------------------- */

/* The status of the consent to share s, or of the consent to the plan
 * alone if s is NULL, on the day of the export. */
static const char *
consent_status(struct fw *x, const struct ip_consent_sharing *s)
{
	const struct ip_consent_plan *pl = &x->p->consent.plan;

	switch (s != NULL ? ip_consent_on(x->p, s, x->today, NULL)
	    : IP_SHARING_NONE) {
	case IP_SHARING_ACTIVE:
		return "active";
	case IP_SHARING_EXPIRED:
	case IP_SHARING_WITHDRAWN:
		return "inactive";
	case IP_SHARING_NONE:
		break;
	}
	if (pl->withdrawn.set && pl->withdrawn.day <= x->today)
		return "inactive";
	return "proposed";
}

/* Consent.performer: each of by, by the participant's name when it is
 * the id of one (the person's as the Patient has it), else as it is
 * written. */
static void
performers(struct fw *x, const union ip_text_list *by)
{
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(x->p, by->v[i].s);
		const char *name = q == NULL ? by->v[i].s : is_person(q)
		    ? x->p->person.name.s : q->name.s;
		if (name == NULL)
			continue;
		start(x, "performer");
		val(x, "display", name);
		end(x);
	}
}

/* One Consent: for the consent to share s, or for the consent to the
 * plan alone if s is NULL; the i-th of the plan's. */
static void
consent_entry(struct fw *x, const struct ip_consent_sharing *s, size_t i)
{
	const struct ip_plan *p = x->p;
	const struct ip_consent_plan *pl = &p->consent.plan;
	const char *url = i == 0 ? uuid(x, K_CONSENT, NULL)
	    : uuid_of(x, K_CONSENT, NULL, ip_arena_printf(&x->a, "%zu",
	    i + 1));

	open_entry(x, K_CONSENT, url);
	put(x, "status", consent_status(x, s));
	concept(x, "scope", HL7_CS "consentscope", "patient-privacy",
	    "Privacy Consent", x->l->consent_sharing);
	concept(x, "category", "http://loinc.org", "59284-0",
	    "Patient Consent", x->l->consent);
	ref(x, "patient", x->patient);
	fhir_date(x, "dateTime", s != NULL && s->date.set ? &s->date
	    : &pl->date);
	performers(x, s != NULL && s->by.n > 0 ? &s->by : &pl->by);
	concept(x, "policyRule", HL7_CS "v3-ActCode", "OPTIN", "opt-in",
	    NULL);
	if (s != NULL) {
		start(x, "provision");
		put(x, "type", "permit");
		period(x, "period", &s->date, &s->until);
		for (size_t k = 0; k < s->participants.n; k++) {
			const char *to = participant_url(x,
			    ip_find_participant(p, s->participants.v[k].s));
			if (to == NULL)
				continue;
			start(x, "actor");
			concept(x, "role", HL7_CS "v3-ParticipationType",
			    "IRCP", "information recipient", NULL);
			ref(x, "reference", to);
			end(x);
		}
		end(x);
	}
	close_entry(x);
}

/* A Consent for each consent to share information, each with its period
 * and its status on the day; the consent to the plan alone if there is
 * none. */
static void
consent(struct fw *x)
{
	const struct ip_plan *p = x->p;
	const struct ip_consent_plan *pl = &p->consent.plan;
	const union ip_sharing_list *l = &p->consent.information_sharing;

	if (!ip_view_shows(x->v, IP_F_CONSENT, NULL))
		return;
	for (size_t i = 0; i < l->n; i++)
		consent_entry(x, &l->v[i], i);
	if (l->n == 0 && (pl->date.set || pl->by.n > 0))
		consent_entry(x, NULL, 0);
}

/* --- the Bundle ----------------------------------------------------------- */

char *
ip_export_fhir(const struct ip_render *r, int32_t today,
    const struct ip_err *err)
{
	const struct ip_view *v = r->v;
	xmlBufferPtr buf;
	struct fw x = { .v = v, .p = v->p, .l = r->l, .today = today };
	char *out = NULL;

	if ((buf = xmlBufferCreate()) == NULL
	    || (x.w = xmlNewTextWriterMemory(buf, 0)) == NULL)
		ip_oom();
	x.patient = uuid(&x, K_PATIENT, NULL);
	check(&x, xmlTextWriterSetIndent(x.w, 1));
	check(&x, xmlTextWriterSetIndentString(x.w, (const xmlChar *)"  "));
	check(&x, xmlTextWriterStartDocument(x.w, "1.0", "UTF-8", NULL));
	start(&x, "Bundle");
	check(&x, xmlTextWriterWriteAttribute(x.w, (const xmlChar *)"xmlns",
	    (const xmlChar *)FHIR_NS));
	if (v->restricted) {
		/* HL7's label for a resource with parts left out */
		start(&x, "meta");
		start(&x, "security");
		put(&x, "system", HL7_CS "v3-ObservationValue");
		put(&x, "code", "REDACTED");
		val(&x, "display", "redacted");
		end(&x);
		end(&x);
	}
	put(&x, "language", r->l->code);
	put(&x, "type", "collection");
	careplan(&x);
	patient(&x);
	participants(&x);
	organizations(&x);
	careteam(&x);
	goals(&x);
	consent(&x);
	end(&x);
	check(&x, xmlTextWriterEndDocument(x.w));
	xmlFreeTextWriter(x.w);	/* flushes into buf */
	if (x.failed)
		ip_fail(err, _("cannot write the FHIR Bundle"));
	else
		out = ip_xstrdup((const char *)xmlBufferContent(buf));
	xmlBufferFree(buf);
	ip_arena_free(&x.a);
	return out;
}
