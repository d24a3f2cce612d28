/*
 * export_fhir.c - ip-export's FHIR: the plan as one HL7 FHIR R4 (4.0.1)
 * Bundle, of type collection or transaction, in XML (valid against HL7's
 * fhir-single.xsd) or in JSON (by HL7's JSON rules, valid against its R4
 * JSON Schema).
 *
 * One walk of the plan writes both encodings: each element is started,
 * given values and ended through the few functions below, which write
 * XML (laid out and escaped as libxml2's writer does) or JSON into one
 * growing string, faster than a general writer would.  JSON needs to know
 * which elements repeat, to write them as arrays even when there is one:
 * the table repeating[] says so for every element this file writes.
 *
 * Each entry's fullUrl is a name-based UUID (version 5) of the issuer
 * (the organisasjonsnummer of the coordinator's organization, when the
 * plan has it), the plan's id, the participant a restricted view is for,
 * the resource type and the local id of what it stands for: the same
 * plan gives the same UUIDs in every export, two plans or two views
 * never the same, and no UUID is made from a national id, which eleven
 * digits would let anyone find by trying them all.  A plan without id is
 * not exported as FHIR (export.c).  References are to those fullUrls, and
 * only to entries the Bundle holds; a transaction PUTs each entry at
 * Type/UUID.  Which fields an export holds is the visibility table's
 * (view.h) to say: every one is asked for.  iplan-fhir(7) says where each
 * field of ip-plan(5) goes.
 *
 * FHIR has no empty elements: a primitive is <name value="..."/>, and an
 * element with neither a value nor children is never written.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "nid.h"
#include "uuid.h"

#define FHIR_NS "http://hl7.org/fhir"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define VOLVEN "urn:oid:2.16.578.1.12.4.1.1."
#define NO_OID "urn:oid:2.16.578.1.12.4.1.4."
#define HER_OID "urn:oid:2.16.578.1.12.4.1.2"	/* the Adresseregister's */
#define NO_BASIS "http://hl7.no/fhir/StructureDefinition/no-basis-"
#define EXT "http://hl7.org/fhir/StructureDefinition/"
#define HL7_CS "http://terminology.hl7.org/CodeSystem/"

/* The namespace of iplan's UUIDs: the version 5 UUID of the URL
 * "urn:iplan:plan:1" in RFC 9562's URL namespace. */
static const unsigned char iplan_ns[16] = { 0xf2, 0xf1, 0x68, 0xf3, 0xb6,
	0xdd, 0x55, 0xd7, 0xbb, 0xe4, 0x6b, 0x39, 0x6c, 0x34, 0xb0, 0xc0 };

/* A growing string: the Bundle, or a narrative's XHTML. */
struct buf {
	char *s;
	size_t n, cap;
};

static void
add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap)
		b->s = ip_grow(b->s, &b->cap, b->n + n + 1, 1);
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

static void
adds(struct buf *b, const char *s)
{
	add(b, s, strlen(s));
}

static void
spaces(struct buf *b, int n)
{
	static const char sp[] = "                                ";
	for (; n > 0; n -= (int)sizeof(sp) - 1)
		add(b, sp, n < (int)sizeof(sp) - 1 ? (size_t)n : sizeof(sp) - 1);
}

/* s as XML text, or as the value of an attribute, escaped as libxml2
 * escapes them. */
static void
xml_escaped(struct buf *b, const char *s, bool attr)
{
	const char *run = s;

	for (; *s != '\0'; s++) {
		const char *e;
		switch (*s) {
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '&': e = "&amp;"; break;
		case '\r': e = "&#13;"; break;
		case '"': e = attr ? "&quot;" : NULL; break;
		case '\n': e = attr ? "&#10;" : NULL; break;
		case '\t': e = attr ? "&#9;" : NULL; break;
		default: e = NULL;
		}
		if (e == NULL)
			continue;
		add(b, run, (size_t)(s - run));
		adds(b, e);
		run = s + 1;
	}
	add(b, run, (size_t)(s - run));
}

/* s as a JSON string. */
static void
json_string(struct buf *b, const char *s, size_t n)
{
	const char *run = s, *end = s + n;
	char u[8];

	add(b, "\"", 1);
	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;
		const char *e;
		if (c == '"')
			e = "\\\"";
		else if (c == '\\')
			e = "\\\\";
		else if (c == '\n')
			e = "\\n";
		else if (c == '\r')
			e = "\\r";
		else if (c == '\t')
			e = "\\t";
		else if (c < 0x20) {
			snprintf(u, sizeof(u), "\\u%04x", c);
			e = u;
		} else
			continue;
		add(b, run, (size_t)(s - run));
		adds(b, e);
		run = s + 1;
	}
	add(b, run, (size_t)(s - run));
	add(b, "\"", 1);
}

/* One JSON object being written: the length of its path in FHIR's terms
 * ("CareTeam.participant") in fw.path, the repeating element whose array
 * is open in it, whether it has a member yet, and its indent. */
struct jobj {
	size_t path;
	const char *array;
	bool any;
	int ind;
	bool merged;	/* a resource's type: no object of its own */
};

struct fw {
	const struct ip_view *v;
	const struct ip_plan *p;
	const struct ip_labels *l;
	int32_t today;
	bool json;		/* else XML */
	bool transaction;	/* else a collection */
	const char *issuer;	/* its organisasjonsnummer, or NULL */
	const char *names;	/* the start of every UUID's name */
	const char *patient;	/* the Patient's fullUrl */
	struct buf out;
	/* XML: the elements open, and whether the last one's start tag is
	 * still open or it has text */
	const char *xml[32];
	int xdepth;
	bool open, text;
	/* JSON: the objects open, and their paths */
	struct jobj js[32];
	int depth;
	struct buf path;
	struct ip_arena a;
};

/* --- JSON ------------------------------------------------------------------ */

/* The elements that repeat (max cardinality *) among those written, by
 * their path, sorted as strcmp() sorts; and those that repeat wherever
 * they are. */
static const char *const repeating[] = {
	"Bundle.entry", "CarePlan.activity", "CarePlan.activity.detail.goal",
	"CarePlan.activity.detail.performer", "CarePlan.activity.progress",
	"CarePlan.careTeam", "CarePlan.category", "CarePlan.goal",
	"CarePlan.identifier", "CarePlan.note", "CarePlan.supportingInfo",
	"CareTeam.participant", "CareTeam.participant.role",
	"Consent.category", "Consent.organization", "Consent.performer",
	"Consent.policy", "Consent.provision.action",
	"Consent.provision.actor", "Consent.provision.purpose",
	"Goal.identifier", "Goal.target", "Organization.contact",
	"Organization.identifier", "Patient.address",
	"Patient.identifier", "Patient.name", "Practitioner.identifier",
	"Practitioner.name", "RelatedPerson.name",
	"RelatedPerson.relationship",
};
static const char *const repeating_anywhere[] = { "coding", "extension",
	"given", "profile", "security", "telecom" };

/* Whether the element name in the object at path (lp bytes) repeats. */
static bool
repeats(const char *path, size_t lp, const char *name)
{
	for (size_t i = 0; i < sizeof(repeating_anywhere)
	    / sizeof(*repeating_anywhere); i++)
		if (strcmp(name, repeating_anywhere[i]) == 0)
			return true;
	size_t lo = 0, hi = sizeof(repeating) / sizeof(*repeating);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const char *r = repeating[mid];
		int c = strncmp(r, path, lp);
		if (c == 0)
			c = r[lp] != '.' ? (unsigned char)r[lp] - '.'
			    : strcmp(r + lp + 1, name);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void
jclose_array(struct fw *x, struct jobj *o)
{
	if (o->array != NULL) {
		add(&x->out, "\n", 1);
		spaces(&x->out, o->ind + 2);
		add(&x->out, "]", 1);
	}
	o->array = NULL;
}

/* Starts the member name of the object being written: its key, or the
 * next place in the array it repeats in. */
static void
jmember(struct fw *x, const char *name)
{
	struct jobj *o = &x->js[x->depth];

	if (o->array != NULL && strcmp(o->array, name) == 0) {
		add(&x->out, ",\n", 2);
		spaces(&x->out, o->ind + 4);
		return;
	}
	jclose_array(x, o);
	adds(&x->out, o->any ? ",\n" : "\n");
	spaces(&x->out, o->ind + 2);
	json_string(&x->out, name, strlen(name));
	add(&x->out, ": ", 2);
	o->any = true;
	if (repeats(x->path.s, o->path, name)) {
		add(&x->out, "[\n", 2);
		spaces(&x->out, o->ind + 4);
		o->array = name;
	}
}

/* The indent of the value jmember() has just begun. */
static int
jindent(const struct fw *x)
{
	const struct jobj *o = &x->js[x->depth];
	return o->ind + (o->array != NULL ? 4 : 2);
}

/* Opens an object whose path is the current one, ".", name (or name
 * alone if top). */
static void
jpush(struct fw *x, const char *name, bool top, int ind)
{
	if (x->depth + 1 >= (int)(sizeof(x->js) / sizeof(*x->js)))
		ip_limit("FHIR nesting");
	x->path.n = x->js[x->depth].path;
	if (!top)
		add(&x->path, ".", 1);
	else
		x->path.n = 0;
	adds(&x->path, name);
	x->js[++x->depth] = (struct jobj){ .path = x->path.n, .ind = ind };
}

/* --- elements, in either encoding ------------------------------------------ */

/* XML: closes the start tag of the element before its first child. */
static void
xchild(struct fw *x)
{
	if (x->open)
		add(&x->out, ">", 1);
	x->open = false;
}

static void
start(struct fw *x, const char *name)
{
	if (!x->json) {
		if (x->xdepth + 1 >= (int)(sizeof(x->xml) / sizeof(*x->xml)))
			ip_limit("FHIR nesting");
		xchild(x);
		if (x->xdepth > 0 || x->out.n > 0)
			add(&x->out, "\n", 1);
		spaces(&x->out, 2 * x->xdepth);
		add(&x->out, "<", 1);
		adds(&x->out, name);
		x->xml[x->xdepth++] = name;
		x->open = true;
		return;
	}
	jmember(x, name);
	int ind = jindent(x);
	add(&x->out, "{", 1);
	jpush(x, name, false, ind);
}

static void
end(struct fw *x)
{
	if (!x->json) {
		const char *name = x->xml[--x->xdepth];
		if (x->open)
			add(&x->out, "/>", 2);
		else {
			if (!x->text) {
				add(&x->out, "\n", 1);
				spaces(&x->out, 2 * x->xdepth);
			}
			add(&x->out, "</", 2);
			adds(&x->out, name);
			add(&x->out, ">", 1);
		}
		x->open = x->text = false;
		return;
	}
	struct jobj *o = &x->js[x->depth--];
	jclose_array(x, o);
	if (o->merged)
		return;
	if (o->any) {
		add(&x->out, "\n", 1);
		spaces(&x->out, o->ind);
	}
	add(&x->out, "}", 1);
}

/* An attribute of the element just started (an extension's url, an
 * element's id): in JSON a member of its object. */
static void
attr(struct fw *x, const char *name, const char *s)
{
	if (!x->json) {
		add(&x->out, " ", 1);
		adds(&x->out, name);
		add(&x->out, "=\"", 2);
		xml_escaped(&x->out, s, true);
		add(&x->out, "\"", 1);
		return;
	}
	jmember(x, name);
	json_string(&x->out, s, strlen(s));
}

/* <name value="s"/>, s a code, a date or a UUID of our own: no text
 * from the plan, which val() writes. */
static void
put(struct fw *x, const char *name, const char *s)
{
	if (!x->json) {
		start(x, name);
		attr(x, "value", s);
		end(x);
		return;
	}
	jmember(x, name);
	json_string(&x->out, s, strlen(s));
}

/* A boolean: a JSON true or false, not a string. */
static void
put_bool(struct fw *x, const char *name, bool b)
{
	if (!x->json) {
		put(x, name, b ? "true" : "false");
		return;
	}
	jmember(x, name);
	adds(&x->out, b ? "true" : "false");
}

/* The resource of an entry: <resource><Type>, in JSON the resourceType
 * of the resource's object; ended with end() twice. */
static void
resource(struct fw *x, const char *type)
{
	start(x, "resource");
	if (!x->json) {
		start(x, type);
		return;
	}
	jmember(x, "resourceType");
	json_string(&x->out, type, strlen(type));
	jpush(x, type, true, x->js[x->depth].ind);
	x->js[x->depth].merged = true;
	x->js[x->depth].any = true;
}

/* Text from the plan as the view shows it (a national id written in it
 * masked in a restricted view), cleaned for XML. */
static const char *
shown(struct fw *x, const char *s)
{
	return ip_xml_clean(&x->a, ip_view_masked(x->v, &x->a, s,
	    x->l->nid_hidden));
}

/* <name value="s"/>, nothing if s is NULL or blank: FHIR has no empty
 * values.  White space at either end goes, as FHIR's XML asks. */
static void
val(struct fw *x, const char *name, const char *s)
{
	static const char ws[] = " \t\r\n";

	if (s == NULL || ip_blank(s))
		return;
	s = shown(x, s);
	size_t n = strlen(s);
	if (strchr(ws, s[0]) != NULL || strchr(ws, s[n - 1]) != NULL) {
		s += strspn(s, ws);
		for (n = strlen(s); n > 0 && strchr(ws, s[n - 1]) != NULL; n--)
			;
		s = ip_arena_strndup(&x->a, s, n);
	}
	put(x, name, s);
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

/* The start of the names of the Bundle's UUIDs: the issuer, the plan's
 * id and the participant a restricted view is for, each with its length
 * before it, so that no two of them run into each other. */
static const char *
names_of(struct fw *x)
{
	const struct ip_participant *c = x->p->coordinator.s
	    ? ip_find_participant(x->p, x->p->coordinator.s) : NULL;
	const char *issuer = c != NULL && c->organization_number.s != NULL
	    ? c->organization_number.s : "";
	if (*issuer != '\0')
		x->issuer = issuer;
	const char *plan = x->p->id.s ? x->p->id.s : "";
	const char *view = x->v->restricted && x->v->viewer->id.s != NULL
	    ? x->v->viewer->id.s : "";

	return ip_arena_printf(&x->a, "%zu:%s%zu:%s%zu:%s", strlen(issuer),
	    issuer, strlen(plan), plan, strlen(view), view);
}

/* "urn:uuid:..." of the entry of kind k, in the arena: of the one with
 * the local id, or if id is NULL of the one at the place at in its list
 * ("2", "1.3"), or if that is NULL too of the one entry of its kind.
 * The names hashed, "...Kind/id", "...Kind#at" and "...Kind", cannot be
 * taken for each other. */
static const char *
uuid_of(struct fw *x, enum kind k, const char *id, const char *at)
{
	const char *local = id ? id : at;
	const char *name = local == NULL
	    ? ip_arena_printf(&x->a, "%s/%s", x->names, names[k])
	    : ip_arena_printf(&x->a, "%s/%s%c%s", x->names, names[k],
	    id ? '/' : '#', local);
	char *out = ip_arena_alloc(&x->a, 9 + 37);

	memcpy(out, "urn:uuid:", 9);
	ip_uuid5(iplan_ns, name, out + 9);
	return out;
}

static const char *
uuid(struct fw *x, enum kind k, const char *id)
{
	return uuid_of(x, k, id, NULL);
}

/* The index of participant q in the plan's list. */
static size_t
index_of(struct fw *x, const struct ip_participant *q)
{
	return (size_t)(q - (const struct ip_participant *)
	    x->p->participants.v);
}

/* The number of the participant q, as the view numbers them (its place
 * in the list, from 1, in a full view), as text. */
static const char *
place_of(struct fw *x, const struct ip_participant *q)
{
	return ip_arena_printf(&x->a, "%zu",
	    ip_view_participant_number(x->v, index_of(x, q)));
}

/* The UUID of an entry of kind k named after participant q: made of the
 * id the view gives q, or of its number if it has none. */
static const char *
participant_uuid(struct fw *x, enum kind k, const struct ip_participant *q)
{
	const char *id = ip_view_participant_id(x->v, &x->a, index_of(x, q));
	return id ? uuid(x, k, id) : uuid_of(x, k, NULL, place_of(x, q));
}

/* The number of goal i, or of its sub-goal j (from 0), as the view
 * numbers them, as text. */
static const char *
place_of_goal(struct fw *x, size_t i, const struct ip_subgoal *s, size_t j)
{
	size_t n = ip_view_goal_number(x->v, i);
	return s ? ip_arena_printf(&x->a, "%zu.%zu", n,
	    ip_view_subgoal_number(x->v, i, j))
	    : ip_arena_printf(&x->a, "%zu", n);
}

/* The fullUrl of goal i, or of its sub-goal s (the j-th), made of its
 * id in the view. */
static const char *
goal_url(struct fw *x, size_t i, const struct ip_subgoal *s, size_t j)
{
	const char *id = ip_view_goal_id(x->v, &x->a, i, s ? j : SIZE_MAX);
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

/* <name><system value="system"/><value value="s"/></name>, nothing if
 * s is NULL or blank: an Identifier, or a ContactPoint (telecom). */
static void
ident(struct fw *x, const char *name, const char *system, const char *s)
{
	if (s == NULL || ip_blank(s))
		return;
	start(x, name);
	put(x, "system", system);
	val(x, "value", s);
	end(x);
}

/* The narrative of a resource: a paragraph for each of the n texts that
 * is set, in the language of the export.  Every resource has one (dom-6),
 * made of what the resource itself shows. */
static void
narrative(struct fw *x, const char *const *texts, size_t n)
{
	struct buf div = { NULL, 0, 0 };

	start(x, "text");
	put(x, "status", "generated");
	adds(&div, "<div xmlns=\"" XHTML_NS "\">");
	for (size_t i = 0; i < n; i++) {
		if (texts[i] == NULL || ip_blank(texts[i]))
			continue;
		if (!x->json) {	/* laid out as the elements around it */
			add(&div, "\n", 1);
			spaces(&div, 2 * x->xdepth + 2);
		}
		adds(&div, "<p>");
		xml_escaped(&div, shown(x, texts[i]), false);
		adds(&div, "</p>");
	}
	if (!x->json) {
		add(&div, "\n", 1);
		spaces(&div, 2 * x->xdepth);
	}
	adds(&div, "</div>");
	if (!x->json) {
		xchild(x);
		add(&x->out, "\n", 1);
		spaces(&x->out, 2 * x->xdepth);
		add(&x->out, div.s, div.n);
	} else {
		jmember(x, "div");
		json_string(&x->out, div.s, div.n);
	}
	free(div.s);
	end(x);
}

/* meta.security: HL7's label for a resource with parts left out. */
static void
redacted(struct fw *x)
{
	start(x, "security");
	put(x, "system", HL7_CS "v3-ObservationValue");
	put(x, "code", "REDACTED");
	val(x, "display", "redacted");
	end(x);
}

/* <entry><fullUrl/><resource><Type><id/><meta/>, to be ended by
 * close_entry().  The resource's id is its UUID, so that no resource is
 * empty.  Its meta claims HL7 Norway's no-basis profile for the kinds
 * that have one, and labels every resource of a restricted view as
 * redacted: a server that stores the entries one by one keeps the label.
 * Then its narrative, of the n texts. */
static void
open_entry(struct fw *x, enum kind k, const char *url,
    const char *const *texts, size_t n)
{
	bool profile = k == K_PATIENT || k == K_PRACTITIONER || k == K_RELATED
	    || k == K_ORGANIZATION || k == K_COOPERATION;

	start(x, "entry");
	put(x, "fullUrl", url);
	resource(x, types[k]);
	put(x, "id", url + 9);
	if (profile || x->v->restricted) {
		start(x, "meta");
		if (profile)
			put(x, "profile", ip_arena_printf(&x->a, "%s%s",
			    NO_BASIS, types[k]));
		if (x->v->restricted)
			redacted(x);
		end(x);
	}
	narrative(x, texts, n);
}

/* Ends the entry of kind k at url: in a transaction, the request that
 * puts it at Type/id. */
static void
close_entry(struct fw *x, enum kind k, const char *url)
{
	end(x);
	end(x);
	if (x->transaction) {
		start(x, "request");
		put(x, "method", "PUT");
		put(x, "url", ip_arena_printf(&x->a, "%s/%s", types[k],
		    url + 9));
		end(x);
	}
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

/* A Coding. */
static void
coding(struct fw *x, const char *name, const char *system,
    const char *code, const char *display)
{
	start(x, name);
	put(x, "system", system);
	put(x, "code", code);
	val(x, "display", display);
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

/* A HumanName: its text, and its family and given names when the name
 * tells them: "Family, Given Names", or two words, given and family.
 * Other names of three words or more are left as text: whether a middle
 * word is a given name or a family name, only the person knows. */
static void
human_name(struct fw *x, const char *s)
{
	static const char ws[] = " \t";

	if (s == NULL || ip_blank(s))
		return;
	s = shown(x, s);	/* before it is split into names */
	start(x, "name");
	val(x, "text", s);
	const char *comma = strchr(s, ',');
	if (comma != NULL && strchr(comma + 1, ',') == NULL) {
		const char *given = comma + 1 + strspn(comma + 1, ws);
		if (*given != '\0' && comma > s) {
			val(x, "family", ip_arena_strndup(&x->a, s,
			    (size_t)(comma - s)));
			for (const char *g = given; *g != '\0';) {
				size_t n = strcspn(g, ws);
				val(x, "given", ip_arena_strndup(&x->a, g, n));
				g += n;
				g += strspn(g, ws);
			}
		}
	} else if (comma == NULL) {
		const char *a = s + strspn(s, ws);
		size_t n1 = strcspn(a, ws);
		const char *b = a + n1 + strspn(a + n1, ws);
		size_t n2 = strcspn(b, ws);
		if (n1 > 0 && n2 > 0 && b[n2 + strspn(b + n2, ws)] == '\0') {
			val(x, "family", ip_arena_strndup(&x->a, b, n2));
			val(x, "given", ip_arena_strndup(&x->a, a, n1));
		}
	}
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
	return participant_uuid(x, kind_of(q), q);
}

/* The first participant shown with the organization of q, whose id names
 * the organization's entry; NULL if q has none or is not shown. */
static const struct ip_participant *
organization_of(struct fw *x, const struct ip_participant *q)
{
	const union ip_participant_list *l = &x->p->participants;

	if (q == NULL || q->organization.s == NULL
	    || ip_blank(q->organization.s) || is_person(q)
	    || !ip_view_shows(x->v, IP_F_PARTICIPANT, q))
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
	return participant_uuid(x, K_ORGANIZATION, o);
}

/* What names cooperation entry o's Organization: its name, else the
 * first of its numbers; NULL if it has none of them, and no Organization
 * (org-1 wants a name or an identifier). */
static const char *
organization_label(const struct ip_cooperation *o)
{
	const struct ip_text *t[] = { &o->with, &o->organization_number,
		&o->resh_id, &o->her_id };

	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (t[i]->s != NULL && !ip_blank(t[i]->s))
			return t[i]->s;
	return NULL;
}

/* An Organization's identifiers in Norway's registers: the
 * organisasjonsnummer of Enhetsregisteret and the RESH-id, as
 * no-basis-Organization slices them (ENH, RSH), and the HER-id of the
 * Adresseregister, under HL7 Norway's naming system. */
static void
organization_ids(struct fw *x, const char *orgnr, const char *resh,
    const char *her)
{
	ident(x, "identifier", NO_OID "101", orgnr);
	ident(x, "identifier", NO_OID "102", resh);
	ident(x, "identifier", HER_OID, her);
}

/* The fullUrl of the Organization of the i-th cooperation entry. */
static const char *
cooperation_url(struct fw *x, size_t i)
{
	return uuid_of(x, K_COOPERATION, NULL, ip_arena_printf(&x->a, "%zu",
	    i + 1));
}

/* A goal or sub-goal with the id, if the view shows it. */
static bool
goal_shown(struct fw *x, const char *id)
{
	size_t goal, sub;
	const void *e = ip_goal_named(x->p, id, &goal, &sub);

	return e != NULL && ip_view_shows(x->v, sub == SIZE_MAX ? IP_F_GOAL
	    : IP_F_SUBGOAL, e);
}

/* --- the resources -------------------------------------------------------- */

/* The national id as an identifier whose system names its kind: HL7
 * Norway's no-basis naming systems.  An H-nummer is a hospital's own and
 * has no system of its own: no-basis names its type instead, and wants
 * its assigner, the hospital, without which the number could be
 * another's at another hospital: it is left out then, as ip-validate
 * warns (national-id-issuer). */
static void
identifier(struct fw *x, const char *nid, const char *issuer)
{
	static const char *const systems[] = {
		[IP_NID_FNR] = NO_OID "1",
		[IP_NID_DNR] = NO_OID "2",
		[IP_NID_FHNR] = NO_OID "3",
	};
	enum ip_nid_kind k = ip_nid_parse(nid, NULL);

	bool hnr = k == IP_NID_HNR;

	if (k == IP_NID_INVALID || (hnr && (issuer == NULL
	    || ip_blank(issuer))))
		return;
	start(x, "identifier");
	if (hnr)
		concept(x, "type", VOLVEN "8327", "HNR", "H-nummer", NULL);
	if (systems[k] != NULL)
		put(x, "system", systems[k]);
	val(x, "value", nid);
	if (hnr) {
		start(x, "assigner");
		val(x, "display", issuer);
		end(x);
	}
	end(x);
}

static void
patient(struct fw *x)
{
	const struct ip_person *ps = &x->p->person;
	const struct ip_contact *c = &ps->contact;
	bool contact = ip_view_shows(x->v, IP_F_PERSON_CONTACT, NULL);
	bool name = ip_view_shows(x->v, IP_F_PERSON_NAME, NULL)
	    && ps->name.s != NULL && !ip_blank(ps->name.s);
	const char *text[] = { name ? ps->name.s : x->l->person };

	open_entry(x, K_PATIENT, x->patient, text, 1);
	if (ps->interpreter.set && ip_view_shows(x->v, IP_F_INTERPRETER,
	    NULL)) {
		start(x, "extension");
		attr(x, "url", EXT "patient-interpreterRequired");
		put_bool(x, "valueBoolean", ps->interpreter.v);
		end(x);
	}
	if (ps->national_id.s != NULL
	    && ip_view_shows(x->v, IP_F_NATIONAL_ID, NULL))
		identifier(x, ps->national_id.s, ps->national_id_issuer.s);
	if (name)
		human_name(x, ps->name.s);
	if (contact) {
		ident(x, "telecom", "phone", c->phone.s);
		ident(x, "telecom", "email", c->email.s);
	}
	if (ip_view_shows(x->v, IP_F_BIRTH_DATE, NULL))
		fhir_date(x, "birthDate", &ps->birth_date);
	if (contact)
		within(x, "address", "text", c->address.s);
	close_entry(x, K_PATIENT, x->patient);
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
		bool role = q->role.set && ip_view_shows(x->v,
		    IP_F_PARTICIPANT_ROLE, q);

		if (url == NULL || k == K_PATIENT)
			continue;
		const char *text[] = { q->name.s ? q->name.s
		    : ip_label_fill(&x->a, x->l->participant, place_of(x, q)),
		    role ? x->l->roles[q->role.v] : NULL };
		open_entry(x, k, url, text, 2);
		if (k == K_PRACTITIONER)
			ident(x, "identifier", NO_OID "4", q->hpr.s);
		if (k == K_RELATED) {
			ref(x, "patient", x->patient);
			if (role)
				concept(x, "relationship", NULL, NULL, NULL,
				    x->l->roles[q->role.v]);
		}
		human_name(x, q->name.s);
		if (contact) {
			ident(x, "telecom", "phone", q->phone.s);
			ident(x, "telecom", "email", q->email.s);
		}
		close_entry(x, k, url);
	}
}

/* An Organization for each organization of the participants shown, once
 * for each name, with the first organisasjonsnummer, RESH-id and HER-id
 * given it, and one for each cooperation partner with a name or a
 * number. */
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
		const char *number = NULL, *resh = NULL, *her = NULL;
		const char *url = organization_url(x, q);
		for (size_t j = i; j < l->n; j++) {
			const struct ip_participant *o = &l->v[j];
			if (organization_of(x, o) != q)
				continue;
			number = number ? number : o->organization_number.s;
			resh = resh ? resh : o->resh_id.s;
			her = her ? her : o->her_id.s;
		}
		const char *text[] = { q->organization.s };
		open_entry(x, K_ORGANIZATION, url, text, 1);
		organization_ids(x, number, resh, her);
		val(x, "name", q->organization.s);
		close_entry(x, K_ORGANIZATION, url);
	}
	if (!ip_view_shows(x->v, IP_F_COOPERATION, NULL))
		return;
	for (size_t i = 0; i < c->n; i++) {
		const struct ip_cooperation *o =
		    &c->v[i];
		const char *label = organization_label(o);
		if (label == NULL)
			continue;
		const char *url = cooperation_url(x, i);
		const char *text[] = { label, o->about.s };
		open_entry(x, K_COOPERATION, url, text, 2);
		organization_ids(x, o->organization_number.s, o->resh_id.s,
		    o->her_id.s);
		val(x, "name", o->with.s);
		if (o->contact.s != NULL && !ip_blank(o->contact.s)) {
			start(x, "contact");
			within(x, "name", "text", o->contact.s);
			end(x);
		}
		close_entry(x, K_COOPERATION, url);
	}
}

static void
careteam(struct fw *x)
{
	const struct ip_plan *p = x->p;
	const struct ip_labels *l = x->l;
	const union ip_participant_list *ql = &p->participants;
	const union ip_cooperation_list *c = &p->cooperation;
	const char *url = uuid(x, K_CARETEAM, NULL);
	const char *text[] = { l->participants };

	open_entry(x, K_CARETEAM, url, text, 1);
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
		const char *member = participant_url(x, q);
		if (member == NULL || !ip_view_shows(x->v, IP_F_PARTICIPANT, q))
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
		ref(x, "member", member);
		/* ctm-1: on behalf of an organization only a Practitioner */
		if (org != NULL && kind_of(q) == K_PRACTITIONER)
			ref(x, "onBehalfOf", organization_url(x, org));
		end(x);
	}
	for (size_t i = 0; ip_view_shows(x->v, IP_F_COOPERATION, NULL)
	    && i < c->n; i++) {
		const struct ip_cooperation *o =
		    &c->v[i];
		start(x, "participant");
		concept(x, "role", NULL, NULL, NULL, l->cooperation);
		concept(x, "role", NULL, NULL, NULL, o->about.s);
		if (organization_label(o) != NULL)
			ref(x, "member", cooperation_url(x, i));
		end(x);
	}
	close_entry(x, K_CARETEAM, url);
}

/* The goal-relationship extension of a goal to a sub-goal of it. */
static void
milestone(struct fw *x, const char *url)
{
	start(x, "extension");
	attr(x, "url", EXT "goal-relationship");
	start(x, "extension");
	attr(x, "url", "type");
	concept(x, "valueCodeableConcept", HL7_CS "goal-relationship-type",
	    "milestone", "Milestone", NULL);
	end(x);
	start(x, "extension");
	attr(x, "url", "target");
	ref(x, "valueReference", url);
	end(x);
	end(x);
}

/* One Goal, of goal i (s NULL) or of its sub-goal s, the j-th: in the
 * person's own words, so expressed by the Patient. */
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
	const char *url = goal_url(x, i, s, j);
	const struct ip_plan *p = x->p;
	bool closed = p->status.set && p->status.v == IP_STATUS_CLOSED
	    && ip_view_shows(x->v, IP_F_STATUS, NULL);
	char buf[IP_LONG_DATE];

	if (text == NULL || ip_blank(text))
		text = ip_label_fill(&x->a, x->l->goal, id && !x->v->restricted
		    ? id : place_of_goal(x, i, s, j));
	const char *narr[] = { text, s != NULL && s->due.set
	    ? ip_label_fill(&x->a, x->l->until, ip_labels_date(x->l,
	    s->due.day, buf)) : NULL,
	    s != NULL && s->status.set ? x->l->goal_status[s->status.v]
	    : NULL };
	open_entry(x, K_GOAL, url, narr, 3);
	for (size_t k = 0; s == NULL && k < g->subgoals.n; k++) {
		const struct ip_subgoal *sub =
		    &g->subgoals.v[k];
		if (ip_view_shows(x->v, IP_F_SUBGOAL, sub))
			milestone(x, goal_url(x, i, sub, k));
	}
	/* goal ids are the plan's own, or in a restricted view the view's:
	 * its CarePlan names their system */
	ident(x, "identifier", uuid(x, K_CAREPLAN, NULL),
	    ip_view_goal_id(x->v, &x->a, i, s ? j : SIZE_MAX));
	if (s != NULL && s->status.set) {
		put(x, "lifecycleStatus", lifecycle[s->status.v]);
		concept(x, "achievementStatus", HL7_CS "goal-achievement",
		    achievement[s->status.v][0], achievement[s->status.v][1],
		    x->l->goal_status[s->status.v]);
	} else
		put(x, "lifecycleStatus", closed ? "completed" : "active");
	concept(x, "description", NULL, NULL, NULL, text);
	ref(x, "subject", x->patient);
	if (s != NULL && s->due.set) {
		start(x, "target");
		fhir_date(x, "dueDate", &s->due);
		end(x);
	}
	ref(x, "expressedBy", x->patient);
	close_entry(x, K_GOAL, url);
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
measure(struct fw *x, const struct ip_measure *m, size_t i)
{
	const struct ip_participant *q =
	    m->responsible.s ? ip_find_participant(x->p, m->responsible.s)
	    : NULL;
	const char *performer = participant_url(x, q);
	bool extent = m->extent.s != NULL && !ip_blank(m->extent.s);

	start(x, "activity");
	const char *own = ip_view_measure_id(x->v, &x->a, i);
	if (own != NULL)
		attr(x, "id", ip_xml_clean(&x->a, own));
	start(x, "detail");
	concept(x, "code", NULL, NULL, NULL, m->title.s);
	for (size_t k = 0; k < m->goals.n; k++) {
		const char *id = m->goals.v[k].s;
		if (goal_shown(x, id))
			ref(x, "goal", uuid(x, K_GOAL,
			    ip_view_goal_ref(x->v, &x->a, id)));
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

/* The person's main aim, as HL7 Norway's CarePlan puts it: the text of
 * the first main goal the view shows. */
static const char *
main_aim(struct fw *x)
{
	const union ip_goal_list *gl = &x->p->goals;

	for (size_t i = 0; i < gl->n; i++)
		if (ip_view_shows(x->v, IP_F_GOAL, &gl->v[i])
		    && gl->v[i].text.s != NULL && !ip_blank(gl->v[i].text.s))
			return gl->v[i].text.s;
	return NULL;
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
	const char *url = uuid(x, K_CAREPLAN, NULL);
	const char *aim = main_aim(x);
	const char *text[] = { title, notice, aim };
	char buf[11];

	open_entry(x, K_CAREPLAN, url, text, 3);
	if (ip_view_shows(v, IP_F_PLAN_ID, NULL))
		ident(x, "identifier", x->issuer == NULL ? "urn:iplan:plan"
		    : ip_arena_printf(&x->a, "urn:iplan:plan:%s", x->issuer),
		    p->id.s);
	/* ip-plan(5): active unless the plan says otherwise */
	put(x, "status", !ip_view_shows(v, IP_F_STATUS, NULL) ? "unknown"
	    : p->status.set && p->status.v == IP_STATUS_CLOSED ? "completed"
	    : p->status.set && p->status.v == IP_STATUS_DRAFT ? "draft"
	    : "active");
	put(x, "intent", "plan");
	concept(x, "category", VOLVEN "9602", "A02-2", "Individuell plan",
	    l->title_nameless);
	val(x, "title", title);
	val(x, "description", aim);
	ref(x, "subject", x->patient);
	if (ip_view_shows(v, IP_F_PERIOD, NULL))
		period(x, "period", &p->period.start, &p->period.end);
	/* shown with the status, as in the XML */
	if (ip_view_shows(v, IP_F_STATUS, NULL))
		fhir_date(x, "created", &p->created);
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
		/* the reference is where to find it, in words: no
		 * identifier of any system */
		start(x, "supportingInfo");
		val(x, "display", sp->kind.s != NULL && sp->reference.s != NULL
		    ? ip_arena_printf(&x->a, "%s: %s (%s)", l->subplan,
		    sp->kind.s, sp->reference.s)
		    : ip_arena_printf(&x->a, "%s: %s", l->subplan,
		    sp->kind.s ? sp->kind.s : sp->reference.s));
		end(x);
	}
	for (size_t i = 0; i < gl->n; i++) {
		const struct ip_goal *g = &gl->v[i];
		if (ip_view_shows(v, IP_F_GOAL, g))
			ref(x, "goal", goal_url(x, i, NULL, 0));
		for (size_t j = 0; j < g->subgoals.n; j++) {
			const struct ip_subgoal *s =
			    &g->subgoals.v[j];
			if (ip_view_shows(v, IP_F_SUBGOAL, s))
				ref(x, "goal", goal_url(x, i, s, j));
		}
	}
	for (size_t i = 0; i < ml->n; i++) {
		const struct ip_measure *m = &ml->v[i];
		if (ip_view_shows(v, IP_F_MEASURE, m))
			measure(x, m, i);
	}
	if (ip_view_shows(v, IP_F_REVIEWS, NULL))
		for (size_t i = 0; i < p->period.reviews.n; i++)
			review(x, &p->period.reviews.v[i]);

	within(x, "note", "text", notice);
	if (ip_view_shows(v, IP_F_LEGAL_BASIS, NULL))
		note_list(x, l->legal_basis, &p->legal_basis, true);
	if (p->person.care.set && p->person.care.v == IP_CARE_COMPULSORY
	    && ip_view_shows(v, IP_F_CARE, NULL))
		note(x, l->person_care, l->yes);
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
	close_entry(x, K_CAREPLAN, url);
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

/* The law behind the plan as Lovdata publishes it, for Consent.policy:
 * by ip_vocab_legal_basis. */
static const char *const lovdata[] = {
	"https://lovdata.no/lov/1999-07-02-63/%C2%A72-5",
	"https://lovdata.no/lov/2011-06-24-30/%C2%A77-1",
	"https://lovdata.no/lov/2011-06-24-30/%C2%A77-2a",
	"https://lovdata.no/lov/1999-07-02-61/%C2%A72-5",
	"https://lovdata.no/lov/1999-07-02-62/%C2%A74-1",
	"https://lovdata.no/lov/2006-06-16-20/%C2%A715",
	"https://lovdata.no/lov/2009-12-18-131/%C2%A728",
	"https://lovdata.no/lov/2009-12-18-131/%C2%A733",
	"https://lovdata.no/lov/2021-06-18-97/%C2%A715-9",
};

/* Consent.performer: each of by, by the participant's name when it is
 * the id of one (the person's as the Patient has it), and a reference to
 * their entry when the Bundle holds it; else as it is written. */
static void
performers(struct fw *x, const union ip_text_list *by)
{
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(x->p, by->v[i].s);
		const char *name = q == NULL ? by->v[i].s : is_person(q)
		    ? x->p->person.name.s : q->name.s;
		const char *url = participant_url(x, q);
		if (name == NULL && url == NULL)
			continue;
		start(x, "performer");
		if (url != NULL)
			put(x, "reference", url);
		val(x, "display", name);
		end(x);
	}
}

/* One Consent: for the consent to share s, or for the consent to the
 * plan alone if s is NULL; the i-th of the plan's.  Given to the
 * coordinator's organization, under the laws of the plan. */
static void
consent_entry(struct fw *x, const struct ip_consent_sharing *s, size_t i)
{
	const struct ip_plan *p = x->p;
	const struct ip_consent_plan *pl = &p->consent.plan;
	const struct ip_participant *coord = p->coordinator.s
	    ? ip_find_participant(p, p->coordinator.s) : NULL;
	const struct ip_participant *org = organization_of(x, coord);
	const char *url = i == 0 ? uuid(x, K_CONSENT, NULL)
	    : uuid_of(x, K_CONSENT, NULL, ip_arena_printf(&x->a, "%zu",
	    i + 1));
	const char *text[] = { x->l->consent, x->l->consent_sharing };

	open_entry(x, K_CONSENT, url, text, s != NULL ? 2 : 1);
	put(x, "status", consent_status(x, s));
	concept(x, "scope", HL7_CS "consentscope", "patient-privacy",
	    "Privacy Consent", x->l->consent_sharing);
	concept(x, "category", "http://loinc.org", "59284-0",
	    "Patient Consent", x->l->consent);
	ref(x, "patient", x->patient);
	fhir_date(x, "dateTime", s != NULL && s->date.set ? &s->date
	    : &pl->date);
	performers(x, s != NULL && s->by.n > 0 ? &s->by : &pl->by);
	if (org != NULL && ip_view_shows(x->v, IP_F_COORDINATOR, NULL))
		ref(x, "organization", organization_url(x, org));
	for (size_t k = 0; ip_view_shows(x->v, IP_F_LEGAL_BASIS, NULL)
	    && k < p->legal_basis.n; k++) {
		const char *code = p->legal_basis.v[k].s;
		for (size_t j = 0; code != NULL && ip_vocab_legal_basis[j]; j++)
			if (strcmp(code, ip_vocab_legal_basis[j]) == 0)
				within(x, "policy", "uri", lovdata[j]);
	}
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
		concept(x, "action", HL7_CS "consentaction", "disclose",
		    "Disclose", NULL);
		coding(x, "purpose", HL7_CS "v3-ActReason", "COC",
		    "coordination of care");
		end(x);
	}
	close_entry(x, K_CONSENT, url);
}

/* A Consent for each consent to share information, each with its period
 * and its status on the day; the consent to the plan alone if there is
 * none. */
static void
consent(struct fw *x)
{
	const struct ip_plan *p = x->p;
	const struct ip_consent_plan *pl = &p->consent.plan;
	const union ip_consent_sharing_list *l = &p->consent.information_sharing;

	if (!ip_view_shows(x->v, IP_F_CONSENT, NULL))
		return;
	for (size_t i = 0; i < l->n; i++)
		consent_entry(x, &l->v[i], i);
	if (l->n == 0 && (pl->date.set || pl->by.n > 0))
		consent_entry(x, NULL, 0);
}

/* --- the Bundle ----------------------------------------------------------- */

/* The Bundle itself, in the encoding x is set up for. */
static void
bundle(struct fw *x, const struct ip_render *r)
{
	x->names = names_of(x);
	x->patient = uuid(x, K_PATIENT, NULL);
	if (!x->json) {
		adds(&x->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
		start(x, "Bundle");
		attr(x, "xmlns", FHIR_NS);
	} else {
		adds(&x->out, "{\n  \"resourceType\": \"Bundle\"");
		adds(&x->path, "Bundle");
		x->js[0] = (struct jobj){ .path = x->path.n, .any = true };
	}
	if (x->v->restricted) {
		start(x, "meta");
		redacted(x);
		end(x);
	}
	put(x, "language", r->l->code);
	put(x, "type", x->transaction ? "transaction" : "collection");
	careplan(x);
	patient(x);
	participants(x);
	organizations(x);
	careteam(x);
	goals(x);
	consent(x);
	if (!x->json)
		end(x);
	else {
		jclose_array(x, &x->js[0]);
		add(&x->out, "\n}", 2);
	}
	add(&x->out, "\n", 1);
}

char *
ip_export_fhir(const struct ip_render *r, int32_t today, bool json,
    bool transaction)
{
	const struct ip_view *v = r->v;
	struct fw x = { .v = v, .p = v->p, .l = r->l, .today = today,
	    .json = json, .transaction = transaction };

	bundle(&x, r);
	free(x.path.s);
	ip_arena_free(&x.a);
	return x.out.s;
}
