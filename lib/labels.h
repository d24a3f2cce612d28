/*
 * labels.h - the words of the documents in each language (labels.c):
 * what a document says that is not from the plan.
 *
 * Only lib/ and the unit tests include this header.
 */
#ifndef IPLAN_LABELS_H
#define IPLAN_LABELS_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "fields.h"
#include "plan.h"
#include "view.h"

/* Everything a document says in one language that is not from the plan.
 * Strings with %s take the one argument named in their comment. */
struct ip_labels {
	const char *code;		/* "nb", the html lang attribute */
	const char *months[12];
	bool day_dot;			/* "15. januar", not "15 January" */
	const char *title;		/* "Individuell plan for %s": name */
	const char *title_nameless;	/* "Individuell plan" */
	const char *draft;		/* "Utkast": a plan being written */
	const char *draft_title;	/* "Utkast: %s": the title */
	/* at a glance */
	const char *period, *coordinator, *next_review, *status, *closed,
	    *draft_status,
	    *legal_basis;
	const char *closed_on;		/* "avsluttet %s": a date */
	const char *next_overdue;	/* "%s (forfalt)": the next review's
					   date, when before today */
	const char *from, *until;	/* "fra %s", "til %s": a date */
	/* the labels of the plan's fields, from their table (fields.h):
	 * person_name is person.name's ("Navn"), NULL if it has none */
	IP_FIELD_TABLES(IP_FIELD_LABEL)
	/* the person */
	const char *person, *interpreter_yes, *interpreter_no, *yes;
	const char *national_id[5];	/* by enum ip_nid_kind: what the
					   number is ("D-nummer") */
	/* sections, in the order of the document */
	const char *goals, *goal, *due, *goal_status[3];
	const char *resources, *needs;
	const char *measures, *measure, *serves, *subplan, *how;
	const char *implementation;
	const char *participants, *roles[5], *is_coordinator;
	const char *reviews, *review, *review_interval, *units[4][2],
	    *review_planned;
	const char *review_overdue;	/* "planlagt, på overtid": planned
					   before the document's day, not
					   done */
	const char *consent, *given, *by,
	    *consent_compulsory, *consent_sharing, *valid_until,
	    *consent_with, *not_recorded;
	const char *valid_until_past;	/* "gjaldt til og med %s": before
					   the document's day */
	const char *valid_until_withdrawn; /* "skulle gjelde til og med
					   %s": of a consent withdrawn */
	const char *withdrawn;		/* "trukket tilbake %s": a date */
	const char *covers;		/* "omfatter %s": who a consent to
					   share covers */
	const char *nobody;		/* "ingen": no one with access */
	const char *and;		/* "og": the last two of who gave a
					   consent */
	const char *cooperation;
	const char *reason;
	const char *none;		/* a section with nothing in it */
	/* the restricted view */
	const char *restricted;		/* "Begrenset visning for %s": name */
	/* why, by enum ip_view_why, to the reader, as all that follows:
	 * with IP_WHY_EXPIRED and _WITHDRAWN "%s" is a date */
	const char *restricted_why[IP_WHY_NO_CONSENT + 1];
	const char *restricted_shows;	/* "... bare det du trenger ..." */
	const char *nid_hidden;		/* what stands for a national id
					   written in a field the reader is
					   shown: ip_view_masked() */
	/* what the reader is kept from, by enum ip_field, from the table
	 * of fields (fields.h); NULL for the fields every reader sees */
	const char *left_out_field[IP_F_COUNT];
	const char *left_out;		/* in a section left out */
	const char *others_left_out;	/* in a section shown in part */
	const char *printed;		/* "Utskrift %s": a date */
	const char *revision;		/* "versjon %s": --revision */
	const char *subgoal;		/* "Delmål %s": its number */
	const char *participant;	/* "Deltaker %s": its number */
	const char *serves_goal, *serves_subgoal; /* "mål %s": number */
	const char *who_does_what;	/* the overview's title */
	const char *how_in_measures;	/* implementation: see each measure */
	/* the timeline: its title, "%s" to "%s" (dates) in its description,
	 * and the names of its marks */
	const char *tl_title, *tl_desc, *tl_review_planned, *tl_review_done,
	    *tl_due, *tl_today;
	/* the consent form */
	const char *cf_title, *cf_plan_text, *cf_plan_compulsory,
	    *cf_sharing_text, *cf_nobody, *cf_until, *cf_until_withdrawn,
	    *cf_withdraw, *cf_withdraw_text, *cf_sign,
	    *cf_place_date, *cf_signature, *cf_guardian;
	/* under compulsory care, where the consent to share is the only
	 * one the form asks for: the withdrawal in the singular */
	const char *cf_withdraw_one;
	/* the form for a child under 16, which the guardians sign: "Jeg"
	 * or "Vi" (one guardian or more) and the same within a sentence;
	 * texts with "%s" for one of these; the line on hearing the child
	 * (barneloven § 31); "Underskrift, %s": a guardian's name */
	const char *cf_we[2], *cf_we_lc[2];
	const char *cf_child_plan, *cf_child_sharing, *cf_child_until_withdrawn,
	    *cf_child_withdraw_text, *cf_child_heard, *cf_signature_of;
	/* a child under compulsory care: the plan without consent, and
	 * the one consent's withdrawal ("%s" as above) */
	const char *cf_child_plan_compulsory, *cf_child_withdraw_one;
	/* ip-review's calendar: the title of an event by the kind of
	 * finding, with "%s" the id, then "%s" the text of the sub-goal or
	 * the title of the measure; the file in its description, and the
	 * coordinator there when there is none or it is the person */
	const char *ev_review, *ev_period_end, *ev_consent, *ev_withdrawn,
	    *ev_sharing_withdrawn,
	    *ev_subgoal, *ev_measure, *ev_never, *ev_draft;
	const char *ev_file, *ev_nobody, *ev_the_person;
	const char *ev_overdue;		/* "Fristen var %s": the item's own
					   date, when before the day of the run */
	/* ip-evaluate's summary template: what it says above the open
	 * sub-goals and the measures */
	const char *ed_summary_head, *ed_open_subgoals;
	/* ip-new's skeleton */
	const char *lq, *rq;		/* quotation marks: "«", "»" */
	const char *sk_title;		/* "Individuell plan, laget med ip-new
					   %s.": the day, written out */
	const char *sk_intro, *sk_privacy, *sk_draft;
	const char *sk_legal_basis, *sk_person;
	const char *sk_guide[9];	/* how to write each item well */
	const char *sk_guide_h_compulsory;	/* h under compulsory care */
	/* the commented examples */
	const char *sk_goal, *sk_subgoal, *sk_resource, *sk_need,
	    *sk_measure, *sk_extent, *sk_how, *sk_with, *sk_about,
	    *sk_contact;
	/* a done review and a closed plan, as ip-evaluate and ip-close
	 * write them, so that a hand edit has a model */
	const char *sk_review_hint, *sk_review_summary, *sk_close_hint,
	    *sk_close_reason;
	/* the provider of the example measure when there is no
	 * coordinator to name: a participant to write in */
	const char *sk_provider_id, *sk_provider_name,
	    *sk_provider_contribution;
	const char *const *laws;	/* by ip_vocab_legal_basis; NULL ends */
	const char *const *items;	/* the regulation's words for items a
					   to i (nine) */
};

/* The words for lang; never NULL. */
const struct ip_labels *ip_labels(enum ip_lang lang);
/* The words in the language of the messages (the user's locale), for
 * what a command writes for people as documents write it: a day, a law
 * (ip-stats' figures, ip-review's mail). */
const struct ip_labels *ip_labels_messages(void);

/* Formats day the way the language writes dates into buf (at least
 * IP_LONG_DATE bytes); returns buf. */
#define IP_LONG_DATE 40
char *ip_labels_date(const struct ip_labels *l, int32_t day, char *buf);

/* The label lab with each of its slots, "%s", filled with the next of
 * the strings that follow, as many as it has slots: in a.  Labels are
 * data, not printf formats, so a label cannot hold a conversion the
 * arguments do not match (the unit tests hold every language to the
 * slots of bokmål). */
const char *ip_label_fill(struct ip_arena *a, const char *lab, ...);

/* The language's name of the law with the legal_basis code, or the code
 * itself if it has none. */
const char *ip_labels_law(const struct ip_labels *l, const char *code);

#endif
