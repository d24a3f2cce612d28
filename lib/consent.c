/*
 * consent.c - recording consents in a plan's own text (edit.c), for
 * ip-consent(1): the consent to the plan, a new consent to share
 * information, and a withdrawal.  A consent to share, once given, is
 * never rewritten but for its withdrawal: adding someone is a new one
 * with its own date.  Everything is checked before anything changes.
 */
#include "consent.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "view.h"

/* A participant's id, or text: a node for by, one of o's. */
static struct ip_ynode *
by_node(struct ip_doc *doc, const struct ip_consent_opts *o)
{
	if (o->n_by == 1)
		return ip_doc_new_text(doc, o->by[0]);
	struct ip_ynode *seq = ip_doc_new_seq(doc);
	for (size_t i = 0; i < o->n_by; i++)
		ip_doc_append(doc, seq, ip_doc_new_text(doc, o->by[i]));
	return seq;
}

/* A copy of the node n of the tree, as new nodes: a consent written as a
 * mapping goes into the list it becomes. */
static struct ip_ynode *
copy(struct ip_doc *doc, const struct ip_ynode *n)
{
	struct ip_ynode *c;

	if (ip_ynode_is_map(n)) {
		c = ip_doc_new_map(doc);
		for (const struct ip_ynode *k = n->first; k; k = k->next->next)
			ip_doc_set(doc, c, k->s, copy(doc, k->next));
	} else if (ip_ynode_is_seq(n)) {
		c = ip_doc_new_seq(doc);
		for (const struct ip_ynode *e = n->first; e; e = e->next)
			ip_doc_append(doc, c, copy(doc, e));
	} else if (n->plain) {
		int32_t day;
		c = ip_date_parse(n->s, &day) == 0 ? ip_doc_new_date(doc, day)
		    : ip_doc_new_word(doc, n->s);
	} else
		c = ip_doc_new_text(doc, n->s);
	return c;
}

/* The nodes of the consents to share, in the order the plan's list has
 * them (null entries, which the plan leaves out, skipped): a list of
 * them made of a single mapping if need be.  NULL if there is none and
 * add is false. */
static struct ip_ynode *
sharing_list(struct ip_doc *doc, bool add)
{
	struct ip_ynode *consent = ip_ynode_get(ip_doc_root(doc), "consent");
	struct ip_ynode *s = ip_ynode_get(consent, "information_sharing");

	if (ip_ynode_is_seq(s) || !add)
		return ip_ynode_is_seq(s) ? s : NULL;
	consent = ip_doc_map_at(doc, ip_doc_root(doc), "consent");
	struct ip_ynode *seq = ip_doc_new_seq(doc);
	if (ip_ynode_is_map(s) && ip_ynode_count(s) > 0)
		ip_doc_append(doc, seq, copy(doc, s));
	ip_doc_set(doc, consent, "information_sharing", seq);
	return seq;
}

/* The node of the i-th consent to share of the plan, in seq. */
static struct ip_ynode *
sharing_item(struct ip_ynode *seq, size_t i)
{
	for (size_t k = 0, n = 0; k < ip_ynode_count(seq); k++) {
		struct ip_ynode *e = ip_ynode_item(seq, k);
		if (ip_ynode_is_null(e))
			continue;
		if (n++ == i)
			return e;
	}
	return NULL;
}

/* The key node of key in the mapping map, or NULL. */
static struct ip_ynode *
key_node(const struct ip_ynode *map, const char *key)
{
	for (size_t i = 0; i < ip_ynode_count(map); i++) {
		const char *k = ip_ynode_scalar(ip_ynode_item(map, i));
		if (k != NULL && strcmp(k, key) == 0)
			return ip_ynode_item(map, i);
	}
	return NULL;
}

static int
check(struct ip_doc *doc, const struct ip_consent_opts *o,
    const struct ip_err *e)
{
	const struct ip_plan *p = ip_doc_plan(doc);
	const struct ip_consent_plan *pl = &p->consent.plan;
	char a[16], b[16];

	if (ip_plan_closed(p))
		return ip_fail(e, _("the plan is closed: it records no more "
		    "consents"));
	for (size_t i = 0; i < o->n_ids; i++)
		if (ip_find_participant(p, o->ids[i]) == NULL)
			return ip_fail(e, _("--share %s: no participant has "
			    "that id"), o->ids[i]);
	for (size_t i = 0; i < o->n_by; i++)
		if (ip_blank(o->by[i]))
			return ip_fail(e, _("--by is empty: say who gave the "
			    "consent"));
	if (o->what != IP_CONSENT_PLAN && pl->date.set
	    && o->date < pl->date.day)
		return ip_fail(e, _("--date %s is before the consent to the "
		    "plan, %s"), ip_date_format(o->date, a),
		    ip_date_format(pl->date.day, b));
	if (o->until_set && o->until < o->date)
		return ip_fail(e, _("--until %s is before --date %s"),
		    ip_date_format(o->until, a), ip_date_format(o->date, b));
	return 0;
}

/* The consent to the plan given on o->date by o->by: it replaces the
 * one recorded, and a withdrawal of that. */
static int
give_plan(struct ip_doc *doc, const struct ip_consent_opts *o, FILE *f,
    const struct ip_err *e)
{
	const struct ip_consent_plan *pl = &ip_doc_plan(doc)->consent.plan;
	char a[16], b[16];

	if (o->n_by == 0)
		return ip_fail(e, _("--plan needs --by: who gave the "
		    "consent"));
	if (pl->date.set && o->date < pl->date.day)
		return ip_fail(e, _("--date %s is before the consent to the "
		    "plan recorded, %s"), ip_date_format(o->date, a),
		    ip_date_format(pl->date.day, b));
	struct ip_ynode *consent = ip_doc_map_at(doc, ip_doc_root(doc),
	    "consent");
	struct ip_ynode *plan = ip_doc_map_at(doc, consent, "plan");
	if (consent == NULL || plan == NULL)
		return ip_fail(e, _("consent.plan is not a mapping"));
	ip_doc_set(doc, plan, "date", ip_doc_new_date(doc, o->date));
	ip_doc_set(doc, plan, "by", by_node(doc, o));
	struct ip_ynode *w = key_node(plan, "withdrawn");
	if (w != NULL)
		ip_doc_remove(doc, plan, w);
	fprintf(f, _("consent to the plan given %s"),
	    ip_date_format(o->date, a));
	putc('\n', f);
	return 0;
}

/* A new consent to share information: date, participants, until, by. */
static int
give_share(struct ip_doc *doc, const struct ip_consent_opts *o, FILE *f,
    const struct ip_err *e)
{
	char a[16];

	if (o->n_ids == 0)
		return ip_fail(e, _("--share needs the ids of the "
		    "participants the consent covers"));
	struct ip_ynode *seq = sharing_list(doc, true);
	if (seq == NULL)
		return ip_fail(e, _("consent.information_sharing is neither "
		    "a mapping nor a list"));
	struct ip_ynode *c = ip_doc_new_map(doc);
	ip_doc_set(doc, c, "date", ip_doc_new_date(doc, o->date));
	struct ip_ynode *ids = ip_doc_new_seq(doc);
	for (size_t i = 0; i < o->n_ids; i++)
		ip_doc_append(doc, ids, ip_doc_new_text(doc, o->ids[i]));
	ip_doc_set(doc, c, "participants", ids);
	if (o->until_set)
		ip_doc_set(doc, c, "until", ip_doc_new_date(doc, o->until));
	if (o->n_by > 0)
		ip_doc_set(doc, c, "by", by_node(doc, o));
	ip_doc_append(doc, seq, c);
	fprintf(f, _("consent to share information given %s"),
	    ip_date_format(o->date, a));
	putc('\n', f);
	return 0;
}

/* Whether the consent to share s is one to withdraw on o->date: in force
 * that day, and naming one of o->ids if there are any. */
static bool
to_withdraw(const struct ip_plan *p, const struct ip_consent_sharing *s,
    const struct ip_consent_opts *o)
{
	bool named = o->n_ids == 0;
	for (size_t i = 0; !named && i < o->n_ids; i++)
		named = ip_consent_names(s, o->ids[i]);
	return named && ip_consent_on(p, s, o->date, NULL)
	    == IP_SHARING_ACTIVE;
}

/* True if id is one of o->ids. */
static bool
withdrawn_id(const struct ip_consent_opts *o, const char *id)
{
	for (size_t i = 0; id != NULL && i < o->n_ids; i++)
		if (strcmp(o->ids[i], id) == 0)
			return true;
	return false;
}

/* The participants of the consent to share s that a withdrawal for o->ids
 * leaves covered: how many, and (with n) the first n of them, in s's
 * order, as a list of new nodes in *ids. */
static size_t
kept(struct ip_doc *doc, const struct ip_consent_sharing *s,
    const struct ip_consent_opts *o, struct ip_ynode **ids)
{
	size_t n = 0;

	*ids = doc != NULL ? ip_doc_new_seq(doc) : NULL;
	for (size_t k = 0; o->n_ids > 0 && k < s->participants.n; k++) {
		const char *id = s->participants.v[k].s;
		if (id == NULL || withdrawn_id(o, id))
			continue;
		if (*ids != NULL)
			ip_doc_append(doc, *ids, ip_doc_new_text(doc, id));
		n++;
	}
	return n;
}

/* The withdrawal, on o->date, of the consent to the plan (o->plan) or of
 * the consents to share to_withdraw() names.  A consent withdrawn for
 * some of its participants only (o->ids) is withdrawn whole, as it was
 * given, and a new one of the same day, until and by covers the others:
 * the plan keeps who had access when. */
static int
withdraw(struct ip_doc *doc, const struct ip_consent_opts *o, FILE *f,
    const struct ip_err *e)
{
	const struct ip_plan *p = ip_doc_plan(doc);
	const struct ip_consent_plan *pl = &p->consent.plan;
	const union ip_consent_sharing_list *l = &p->consent.information_sharing;
	char a[16], b[16];
	size_t n = 0;

	if (o->plan) {
		if (!pl->date.set)
			return ip_fail(e, _("no consent to the plan is "
			    "recorded: there is nothing to withdraw"));
		if (pl->withdrawn.set)
			return ip_fail(e, _("the consent to the plan was "
			    "withdrawn already, on %s"),
			    ip_date_format(pl->withdrawn.day, a));
		struct ip_ynode *plan = ip_ynode_get(ip_ynode_get(
		    ip_doc_root(doc), "consent"), "plan");
		ip_doc_set(doc, plan, "withdrawn", ip_doc_new_date(doc,
		    o->date));
		fprintf(f, _("consent to the plan withdrawn %s"),
		    ip_date_format(o->date, a));
		putc('\n', f);
		return 0;
	}
	bool some = false;
	for (size_t i = 0; i < l->n; i++)
		if (to_withdraw(p, &l->v[i], o)) {
			struct ip_ynode *none;
			n++;
			some = some || kept(NULL, &l->v[i], o, &none) > 0;
		}
	if (n == 0 && o->n_ids > 0)
		return ip_fail(e, _("no consent to share information in force "
		    "on %s names --share %s: there is nothing to withdraw"),
		    ip_date_format(o->date, a), o->ids[0]);
	if (n == 0)
		return ip_fail(e, _("no consent to share information is in "
		    "force on %s: there is nothing to withdraw"),
		    ip_date_format(o->date, a));
	/* the consents given in place of those withdrawn go into a list */
	struct ip_ynode *seq = sharing_list(doc, some);
	for (size_t i = 0; i < l->n; i++) {
		const struct ip_consent_sharing *s = &l->v[i];
		struct ip_ynode *ids;
		if (!to_withdraw(p, s, o))
			continue;
		struct ip_ynode *c = seq != NULL ? sharing_item(seq, i)
		    : ip_ynode_get(ip_ynode_get(ip_doc_root(doc), "consent"),
		    "information_sharing");
		size_t left = kept(doc, s, o, &ids);
		struct ip_ynode *again = left > 0 ? copy(doc, c) : NULL;
		ip_doc_set_after(doc, c, "withdrawn", ip_doc_new_date(doc,
		    o->date), "until");
		fprintf(f, _("consent to share information of %s withdrawn "
		    "%s"), ip_date_format(s->date.day, b),
		    ip_date_format(o->date, a));
		putc('\n', f);
		if (again == NULL)
			continue;
		ip_doc_set(doc, again, "date", ip_doc_new_date(doc, o->date));
		ip_doc_set(doc, again, "participants", ids);
		ip_doc_append(doc, seq, again);
		/* TRANSLATORS: after a consent to share information was
		   withdrawn for some of its participants: a new one of the
		   same day covers the others.  %s is a date, %zu how many
		   participants. */
		fprintf(f, P_("consent to share information given %s, "
		    "for the %zu other participant it named",
		    "consent to share information given %s, for the %zu "
		    "other participants it named", left),
		    ip_date_format(o->date, a), left);
		putc('\n', f);
	}
	return 0;
}

int
ip_consent_edit(struct ip_doc *doc, const struct ip_consent_opts *o,
    char **report, const struct ip_err *e)
{
	size_t len;
	int rc;

	*report = NULL;
	if (check(doc, o, e) != 0)
		return -1;
	FILE *f = ip_xmemstream(report, &len);
	switch (o->what) {
	case IP_CONSENT_PLAN:
		rc = give_plan(doc, o, f, e);
		break;
	case IP_CONSENT_SHARE:
		rc = give_share(doc, o, f, e);
		break;
	default:
		rc = withdraw(doc, o, f, e);
		break;
	}
	ip_xmemstream_close(f);
	if (rc != 0) {
		free(*report);
		*report = NULL;
	}
	return rc;
}
