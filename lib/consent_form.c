/*
 * consent_form.c - ip-export --consent-form: the form on which the
 * person, or a child's guardians, sign the consent to the plan and to
 * share information with those the plan lists.  It shows the person's
 * name and birth date, never the national id, and of the participants
 * only those the consents to share cover on the form's day.
 */
#include "render.h"

#include "doc.h"
#include "persons.h"

/* A line to write on: "Sted og dato: ……………………". */
static void
blank(struct ip_doc *d, cmark_node *root, const char *what)
{
	cmark_node *p = ip_md_add(root, CMARK_NODE_PARAGRAPH);
	ip_doc_label(d, p, what);
	ip_md_literal(p, "……………………………………………………………………");
}

/* The guardians who sign a child's form, in *v (n of them): those of
 * consent.plan.by, else every guardian among the participants. */
static size_t
signers(struct ip_doc *d, const struct ip_participant ***v)
{
	const struct ip_plan *p = d->p;
	const union ip_text_list *by = &p->consent.plan.by;
	size_t n = 0;

	*v = ip_arena_alloc(&d->a, (by->n + p->participants.n + 1)
	    * sizeof(**v));
	for (size_t i = 0; i < by->n; i++) {
		const struct ip_participant *q =
		    ip_find_participant(p, by->v[i].s);
		if (q != NULL && ip_is_guardian(q))
			(*v)[n++] = q;
	}
	for (size_t i = 0; n == 0 && i < p->participants.n; i++)
		if (ip_is_guardian(&p->participants.v[i]))
			(*v)[n++] = &p->participants.v[i];
	for (size_t i = n; i-- > 1;)	/* by may name one twice */
		for (size_t k = 0; k < i; k++)
			if ((*v)[k] == (*v)[i]) {
				(*v)[i] = (*v)[--n];
				break;
			}
	return n;
}

/* The participants the consents to share information cover on the
 * form's day, with how long: "Samtykket gjelder til og med ..." once if
 * that is the same for all, else after each.  False if it did not say
 * that once. */
static bool
form_sharing(struct ip_doc *d, cmark_node *root)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	const struct ip_consent_sharing *first = NULL;
	bool same_end = true;
	size_t n = 0;
	char buf[IP_LONG_DATE];

	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_consent_sharing *s = ip_covering(p,
		    p->participants.v[i].id.s, d->r->today);
		if (s == NULL)
			continue;
		if (first == NULL)
			first = s;
		same_end &= s->until.set == first->until.set
		    && (!s->until.set || s->until.day == first->until.day);
	}
	cmark_node *names = ip_doc_list(root);
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q = &p->participants.v[i];
		const struct ip_consent_sharing *s = ip_covering(p, q->id.s,
		    d->r->today);
		if (s == NULL || ip_find_participant(p, q->id.s) != q)
			continue;
		cmark_node *it = ip_doc_item(names);
		ip_doc_user(d, it, ip_doc_who(d, q->id.s, false));
		if (!same_end && s->until.set)
			ip_md_text(&d->md, it, ip_arena_printf(&d->a, " (%s)",
			    ip_label_fill(&d->a, l->valid_until,
			    ip_labels_date(l, s->until.day, buf))));
		n++;
	}
	if (n == 0)
		ip_doc_paragraph(d, root, l->cf_nobody);
	ip_doc_end_list(names);
	if (first == NULL || !same_end || !first->until.set)
		return false;
	ip_doc_paragraph(d, root, ip_label_fill(&d->a, l->cf_until,
	    ip_labels_date(l, first->until.day, buf)));
	return true;
}

static cmark_node *
build_form(struct ip_doc *d)
{
	const struct ip_plan *p = d->p;
	const struct ip_labels *l = d->l;
	cmark_node *root = cmark_node_new(CMARK_NODE_DOCUMENT);
	struct ip_date born = { .set = ip_person_birth(p, &born.day) };
	int age = ip_person_age(p, d->r->today);
	bool child = age >= 0 && age < IP_AGE_OF_CONSENT;
	bool compulsory = p->person.care.set
	    && p->person.care.v == IP_CARE_COMPULSORY;
	const struct ip_participant **g;
	size_t ng = signers(d, &g);
	const char *we = l->cf_we[ng > 1], *we_lc = l->cf_we_lc[ng > 1];

	d->title = p->person.name.s ? ip_arena_printf(&d->a, "%s: %s",
	    l->cf_title, p->person.name.s) : l->cf_title;
	ip_doc_heading(d, root, 1, d->title);
	cmark_node *facts = ip_doc_list(root);
	ip_doc_fact_user(d, facts, l->person_name, p->person.name.s);
	ip_doc_fact(d, facts, l->person_birth_date, ip_doc_date(d, &born));
	ip_doc_fact_user(d, facts, l->plan_id, p->id.s);
	ip_doc_fact(d, facts, l->period, ip_doc_range(d, &p->period.start,
	    &p->period.end));
	ip_doc_end_list(facts);

	/* a child's guardians consent for the child, in the third person */
	ip_doc_heading(d, root, 2, l->consent_plan);
	ip_doc_paragraph(d, root, compulsory ? (child
	    ? l->cf_child_plan_compulsory : l->cf_plan_compulsory) : child
	    ? ip_label_fill(&d->a, l->cf_child_plan, we) : l->cf_plan_text);

	ip_doc_heading(d, root, 2, l->consent_sharing);
	ip_doc_paragraph(d, root, child ? ip_label_fill(&d->a,
	    l->cf_child_sharing, we) : l->cf_sharing_text);
	if (!form_sharing(d, root))
		ip_doc_paragraph(d, root, child ? ip_label_fill(&d->a,
		    l->cf_child_until_withdrawn, we_lc)
		    : l->cf_until_withdrawn);

	ip_doc_heading(d, root, 2, l->cf_withdraw);
	/* under compulsory care the consent to share is the only one */
	ip_doc_paragraph(d, root, child ? ip_label_fill(&d->a, compulsory
	    ? l->cf_child_withdraw_one : l->cf_child_withdraw_text, we)
	    : compulsory ? l->cf_withdraw_one : l->cf_withdraw_text);
	if (p->coordinator.s != NULL) {
		cmark_node *c = ip_doc_paragraph(d, root, NULL);
		ip_doc_label(d, c, l->coordinator);
		ip_doc_user(d, c, ip_doc_who(d, p->coordinator.s, true));
	}

	ip_doc_heading(d, root, 2, l->cf_sign);
	/* barneloven § 31: a child of 7 is heard before decisions */
	if (child && age >= 7)
		ip_doc_paragraph(d, root, l->cf_child_heard);
	blank(d, root, l->cf_place_date);
	if (!child)
		blank(d, root, l->cf_signature);
	if (age < 0)
		blank(d, root, l->cf_guardian);
	for (size_t i = 0; child && i < ng; i++)
		blank(d, root, ip_label_fill(&d->a, l->cf_signature_of,
		    g[i]->name.s ? g[i]->name.s : g[i]->id.s));
	if (child && ng == 0)
		blank(d, root, l->cf_guardian);
	return root;
}

/* The form's own print style: one A4 page, room to sign. */
static const char form_css[] =
	"body { max-width: 40em; }\n"
	"p:has(strong) { margin: 1.4em 0 0; }\n"
	"@page { size: A4; margin: 1.5cm 1.8cm; }\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; line-height: 1.35; }\n"
	"  h1 { font-size: 1.45em; }\n"
	"  h2 { font-size: 1.15em; margin: 1em 0 .4em; }\n"
	"  ul { margin: .4em 0; }\n"
	"  li { margin: .1em 0; }\n"
	"}\n";

char *
ip_export_consent_form(const struct ip_render *r, bool html)
{
	return ip_doc_render(r, html, build_form, form_css);
}

char *
ip_consent_form_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const struct ip_err *err, bool *findings)
{
	struct ip_view v;
	struct ip_render r;

	if (ip_render_prepare(p, name, h, err, &r, &v, findings) != 0)
		return NULL;
	char *out = ip_export_consent_form(&r, h->format == IP_EXPORT_HTML);
	ip_view_free(&v);
	return out;
}
