/*
 * fields.h - the table of a plan's fields, one X-macro per mapping type,
 * in the style of the rule catalogue (diag.h): what the plan, the
 * person and their contact, each participant, goal, sub-goal, measure
 * and its subplan, the period and each review, the consents and each
 * partner in cooperation hold; and the groups of fields that the
 * visibility table (view.c) knows, with the words that tell a reader
 * what a restricted view leaves out.
 *
 * The members of the plan's structs (plan.h), the loader's rows for
 * them (decode.c), enum ip_field (view.h) and who may see each (view.c),
 * the labels and the restricted view's notice in three languages
 * (labels.h, labels.c), the generic lines of the documents (the facts of
 * the person, a participant, a goal, a measure, a partner) and the
 * elements of the XML (export_doc.c, export_xml.c) and ip-new's skeleton
 * and template check for the person (new.c) are made from it: a text
 * field added here is read, kept, labelled, held to the visibility table
 * and written.  The tests name each place outside the code that lacks
 * it (t-schema: the XML Schema, the JSON Schema, ip-plan(5),
 * iplan-fhir(7) and the plans the views' test renders; the unit test of
 * the views: its list of texts, and the FHIR Bundle that leaves it out).
 * What is particular to a field (the FHIR mapping, a label that depends
 * on the value, lists with ids, references between entries, the place of
 * a line apart from the others, a section's own order) stays code, named
 * by the row: OWN, the function of that name; APART, the section.
 *
 * A row is X(map, key, type, sub, group, doc, xml, new, nb, nn, en):
 *
 *   map	the mapping type: the row is member key of struct ip_<map>
 *   key	the key in the plan file, and the member's name
 *   type	TEXT (struct ip_text), DATE (ip_date), BOOL (ip_bool), ENUM
 *		(ip_enum, a word of the vocabulary ip_vocab_<sub>), MAP
 *		(struct ip_<sub>, whose rows are IP_<SUB>_FIELDS); and what
 *		stays code in every renderer: INTERVAL (ip_interval, "6
 *		months"), LIST (union ip_<sub>_list of struct ip_<sub>),
 *		LIST1 (a LIST, and one mapping is a list of one), TEXTS
 *		(union ip_text_list), TEXTS1 (TEXTS, and one text is a list
 *		of one), WORDS (TEXTS of the vocabulary ip_vocab_<sub>)
 *   sub	what ENUM, MAP, LIST, LIST1 and WORDS need, as above; 0 for
 *		the others
 *   group	the field of the visibility table that says who may see
 *		it (IP_FIELD_GROUPS above)
 *   doc	how the documents (Markdown, HTML) show it: FACT, a line
 *		"label: value" among the section's facts (a partner's: the
 *		lines of its entry; a goal's: a list under its text), in the
 *		table's order;
 *		OWN, the renderer's function <map>_<key>() in that place;
 *		APART, placed by the section itself (a heading, a text of
 *		its own); NO, left out of the documents
 *   xml	how the XML export writes it: ELEM, an element <key> in the
 *		table's order; OWN, the renderer's function xml_<map>_<key>()
 *   new	what ip-new does with it (new.c), in the skeleton it writes and
 *		in a template it checks: PH, it writes the value of the
 *		placeholder of the key's name, and given_<map>_<key>() checks
 *		that the template does; EMPTY, it writes the key empty and a
 *		template must leave it so (a MAP: its rows say, through
 *		skeleton_<sub>() and given_<map>_<key>()); NO, it writes
 *		nothing and a template may hold it; OWN, its own code writes
 *		and checks it
 *   nb, nn, en	its label in bokmål, nynorsk and English (struct
 *		ip_labels' <map>_<key>), NULL where no document labels it
 *		or where the section that places it (APART) labels it with
 *		ip_labels' own words (period, due, serves, subplan, how and
 *		the like)
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_FIELDS_H
#define IPLAN_FIELDS_H

/*
 * The fields of the visibility table (enum ip_field, view.h), which a row
 * below names as its group: fields of the plan, or "entry:" of one entry
 * of a list, asked about that entry (a goal, sub-goal, measure or
 * participant).  A group is X(group, audience, nb, nn, en):
 *
 *   group	the field's name, IP_F_<group>
 *   audience	who besides the covered may see it, IP_SEEN_<audience>
 *		(view.h)
 *   nb, nn, en	what the notice of a restricted view tells its reader is
 *		left out, in bokmål, nynorsk and English; NULL for those
 *		every reader sees
 *
 * The notice lists them in this order.
 */
#define IP_FIELD_GROUPS(X) \
	/* person.name */ \
	X(PERSON_NAME, BY_ALL, NULL, NULL, NULL) \
	/* id, and format and language, which say how to read the plan */ \
	X(PLAN_ID, BY_ALL, NULL, NULL, NULL) \
	/* period.start, period.end */ \
	X(PERIOD, BY_ALL, NULL, NULL, NULL) \
	/* coordinator, and who that is */ \
	X(COORDINATOR, BY_ALL, NULL, NULL, NULL) \
	/* entry: a participant's name, organization */ \
	X(PARTICIPANT, IF_COORD_OR_OWN, \
	    "de andre deltakerne utenom koordinatoren", \
	    "dei andre deltakarane utanom koordinatoren", \
	    "the other participants but the coordinator") \
	/* entry: a participant's contribution */ \
	X(CONTRIBUTION, IF_OWN, \
	    "de andre deltakernes bidrag", \
	    "bidraga frå dei andre deltakarane", \
	    "the other participants' contributions") \
	/* entry: a measure, every field of it, its subplan's too */ \
	X(MEASURE, IF_OWN, \
	    "alle tiltak utenom dem du er ansvarlig for", \
	    "alle tiltak utanom dei du er ansvarleg for", \
	    "all measures but those you are responsible for") \
	/* entry: a goal's id and text */ \
	X(GOAL, IF_SERVED, \
	    "mål som ikke er knyttet til noen av tiltakene som er med", \
	    "mål som ikkje er knytte til nokon av tiltaka som er med", \
	    "goals that none of the measures shown serve") \
	/* entry: a sub-goal, every field of it */ \
	X(SUBGOAL, IF_SERVED, \
	    "delmål som ikke er knyttet til noen av tiltakene som er med", \
	    "delmål som ikkje er knytte til nokon av tiltaka som er med", \
	    "sub-goals that none of the measures shown serve") \
	/* entry: a participant's role */ \
	X(PARTICIPANT_ROLE, BY_COVERED, \
	    "deltakernes roller, utenom hvem som er koordinator", \
	    "rollene til deltakarane, utanom kven som er koordinator", \
	    "the participants' roles, but for who is the coordinator") \
	/* entry: a participant's phone, email */ \
	X(PARTICIPANT_CONTACT, IF_COORD, \
	    "kontaktopplysninger for andre enn koordinatoren", \
	    "kontaktopplysningar for andre enn koordinatoren", \
	    "the contact details of anyone but the coordinator") \
	/* person.national_id */ \
	X(NATIONAL_ID, BY_COVERED, \
	    "fødselsnummer eller annet identitetsnummer", \
	    "fødselsnummer eller anna identitetsnummer", \
	    "the national identity number or other identity number") \
	/* person.birth_date */ \
	X(BIRTH_DATE, BY_COVERED, \
	    "fødselsdato", \
	    "fødselsdato", \
	    "the date of birth") \
	/* person.contact */ \
	X(PERSON_CONTACT, BY_COVERED, \
	    "personens kontaktopplysninger", \
	    "kontaktopplysningane til personen", \
	    "the person's contact details") \
	/* person.interpreter */ \
	X(INTERPRETER, BY_COVERED, \
	    "behov for tolk", \
	    "behov for tolk", \
	    "the need for an interpreter") \
	/* person.care */ \
	X(CARE, BY_COVERED, \
	    "om personen er under tvungent psykisk helsevern", \
	    "om personen er under tvungent psykisk helsevern", \
	    "whether the person is under compulsory mental health care") \
	/* legal_basis */ \
	X(LEGAL_BASIS, BY_COVERED, \
	    "lovgrunnlaget for planen", \
	    "lovgrunnlaget for planen", \
	    "the legal basis of the plan") \
	/* status, created, closed.date */ \
	X(STATUS, BY_COVERED, \
	    "planens status", \
	    "statusen til planen", \
	    "the plan's status") \
	/* closed.reason */ \
	X(CLOSED_REASON, BY_COVERED, \
	    "en eventuell begrunnelse for at planen er avsluttet", \
	    "ei eventuell grunngjeving for at planen er avslutta", \
	    "any reason the plan was closed") \
	/* resources */ \
	X(RESOURCES, BY_COVERED, \
	    "personens ressurser", \
	    "ressursane til personen", \
	    "the person's resources") \
	/* needs */ \
	X(NEEDS, BY_COVERED, \
	    "behov for tjenester", \
	    "behov for tenester", \
	    "the needs for services") \
	/* implementation */ \
	X(IMPLEMENTATION, BY_COVERED, \
	    "hvordan planen som helhet gjennomføres", \
	    "korleis planen som heilskap blir gjennomført", \
	    "how the plan as a whole is carried out") \
	/* period.review_interval, .reviews, the next review */ \
	X(REVIEWS, BY_COVERED, \
	    "evalueringene og sammendragene fra dem", \
	    "evalueringane og samandraga frå dei", \
	    "the reviews and their summaries") \
	/* consent, every field of it */ \
	X(CONSENT, BY_COVERED, \
	    "samtykkene", \
	    "samtykka", \
	    "the consents") \
	/* cooperation */ \
	X(COOPERATION, BY_COVERED, \
	    "samarbeidet med andre tjenesteytere og etater", \
	    "samarbeidet med andre tenesteytarar og etatar", \
	    "the cooperation with other services and agencies")

#define IP_CONTACT_FIELDS(X) \
	X(contact, phone, TEXT, 0, PERSON_CONTACT, FACT, ELEM, EMPTY, \
	    "Telefon", "Telefon", "Phone") \
	X(contact, email, TEXT, 0, PERSON_CONTACT, FACT, ELEM, EMPTY, \
	    "E-post", "E-post", "Email") \
	X(contact, address, TEXT, 0, PERSON_CONTACT, FACT, ELEM, EMPTY, \
	    "Adresse", "Adresse", "Address")

/* The national id's label depends on what it is (ip_labels' national_id
 * by enum ip_nid_kind); national_id_issuer, who gave an H-nummer, is for
 * FHIR and XML;
 * the care is shown only when compulsory, and the need of an
 * interpreter in words of its own. */
#define IP_PERSON_FIELDS(X) \
	X(person, name, TEXT, 0, PERSON_NAME, FACT, ELEM, PH, \
	    "Navn", "Namn", "Name") \
	X(person, national_id, TEXT, 0, NATIONAL_ID, OWN, ELEM, PH, \
	    NULL, NULL, NULL) \
	X(person, national_id_issuer, TEXT, 0, NATIONAL_ID, NO, ELEM, NO, \
	    NULL, NULL, NULL) \
	X(person, birth_date, DATE, 0, BIRTH_DATE, FACT, ELEM, PH, \
	    "Fødselsdato", "Fødselsdato", "Date of birth") \
	X(person, contact, MAP, contact, PERSON_CONTACT, OWN, OWN, EMPTY, \
	    NULL, NULL, NULL) \
	X(person, interpreter, BOOL, 0, INTERPRETER, OWN, ELEM, EMPTY, \
	    "Tolk", "Tolk", "Interpreter") \
	X(person, care, ENUM, care, CARE, OWN, ELEM, PH, \
	    "Tvungent psykisk helsevern", "Tvungent psykisk helsevern", \
	    "Compulsory mental health care")

/* A participant's name is the heading of their entry, the role is told
 * with being the coordinator, and the contribution is a text under the
 * entry.  hpr is the HPR-nummer, organization_number the
 * organisasjonsnummer, resh_id and her_id those of the organization:
 * for FHIR and XML. */
#define IP_PARTICIPANT_FIELDS(X) \
	X(participant, id, TEXT, 0, PARTICIPANT, NO, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(participant, name, TEXT, 0, PARTICIPANT, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(participant, role, ENUM, role, PARTICIPANT_ROLE, OWN, ELEM, OWN, \
	    "Rolle", "Rolle", "Role") \
	X(participant, organization, TEXT, 0, PARTICIPANT, FACT, ELEM, OWN, \
	    "Virksomhet", "Verksemd", "Organisation") \
	X(participant, phone, TEXT, 0, PARTICIPANT_CONTACT, FACT, ELEM, OWN, \
	    "Telefon", "Telefon", "Phone") \
	X(participant, email, TEXT, 0, PARTICIPANT_CONTACT, FACT, ELEM, OWN, \
	    "E-post", "E-post", "Email") \
	X(participant, contribution, TEXT, 0, CONTRIBUTION, APART, ELEM, OWN, \
	    "Bidrag", "Bidrag", "Contribution") \
	X(participant, hpr, TEXT, 0, PARTICIPANT, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(participant, organization_number, TEXT, 0, PARTICIPANT, NO, ELEM, \
	    OWN, NULL, NULL, NULL) \
	X(participant, resh_id, TEXT, 0, PARTICIPANT, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(participant, her_id, TEXT, 0, PARTICIPANT, NO, ELEM, OWN, \
	    NULL, NULL, NULL)

/* A partner in cooperation: the name of whom the plan works with is the
 * entry's heading; the identifiers of the health registers are for FHIR
 * and XML.  ip-new writes a commented example and lets a template hold
 * what a service writes in every plan. */
#define IP_COOPERATION_FIELDS(X) \
	X(cooperation, with, TEXT, 0, COOPERATION, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(cooperation, about, TEXT, 0, COOPERATION, FACT, ELEM, OWN, \
	    "Gjelder", "Gjeld", "About") \
	X(cooperation, contact, TEXT, 0, COOPERATION, FACT, ELEM, OWN, \
	    "Kontakt", "Kontakt", "Contact") \
	X(cooperation, organization_number, TEXT, 0, COOPERATION, NO, ELEM, \
	    OWN, NULL, NULL, NULL) \
	X(cooperation, resh_id, TEXT, 0, COOPERATION, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(cooperation, her_id, TEXT, 0, COOPERATION, NO, ELEM, OWN, \
	    NULL, NULL, NULL)

/* The plan itself, in the order of the file's keys.  The documents place
 * each in a section, or among the facts at a glance, in their own order:
 * id is the fact "Plan-ID", also on the consent form and in ip-review's
 * calendar; format, language (enum ip_lang) and created, the day the plan
 * was begun, are for programs.  legal_basis holds codes of laws, each
 * named in the document's language. */
#define IP_PLAN_FIELDS(X) \
	X(plan, format, TEXT, 0, PLAN_ID, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(plan, id, TEXT, 0, PLAN_ID, APART, ELEM, OWN, \
	    "Plan-ID", "Plan-ID", "Plan ID") \
	X(plan, language, ENUM, lang, PLAN_ID, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(plan, status, ENUM, status, STATUS, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(plan, created, DATE, 0, STATUS, NO, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(plan, closed, MAP, closed, STATUS, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, legal_basis, WORDS, legal_basis, LEGAL_BASIS, APART, OWN, \
	    OWN, NULL, NULL, NULL) \
	X(plan, person, MAP, person, PERSON_NAME, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, coordinator, TEXT, 0, COORDINATOR, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, participants, LIST, participant, PARTICIPANT, APART, OWN, \
	    OWN, NULL, NULL, NULL) \
	X(plan, goals, LIST, goal, GOAL, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, resources, TEXTS1, 0, RESOURCES, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, needs, TEXTS1, 0, NEEDS, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, measures, LIST, measure, MEASURE, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, implementation, TEXT, 0, IMPLEMENTATION, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(plan, period, MAP, period, PERIOD, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, consent, MAP, consent, CONSENT, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(plan, cooperation, LIST, cooperation, COOPERATION, APART, OWN, \
	    OWN, NULL, NULL, NULL)

/* A closed plan: the glance tells the day with the status, the reason
 * under the title. */
#define IP_CLOSED_FIELDS(X) \
	X(closed, date, DATE, 0, STATUS, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(closed, reason, TEXT, 0, CLOSED_REASON, APART, ELEM, OWN, \
	    NULL, NULL, NULL)

/* A goal: the documents number it (its id is for references: the XML
 * numbers it as the view does), its text under the heading, then its
 * facts, then the sub-goals. */
#define IP_GOAL_FIELDS(X) \
	X(goal, id, TEXT, 0, GOAL, NO, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(goal, text, TEXT, 0, GOAL, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(goal, subgoals, LIST, subgoal, SUBGOAL, APART, OWN, OWN, \
	    NULL, NULL, NULL)

/* A sub-goal: numbered as the goal; its text, then one line of the due
 * day and the status. */
#define IP_SUBGOAL_FIELDS(X) \
	X(subgoal, id, TEXT, 0, SUBGOAL, NO, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(subgoal, text, TEXT, 0, SUBGOAL, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(subgoal, due, DATE, 0, SUBGOAL, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(subgoal, status, ENUM, goal_status, SUBGOAL, APART, ELEM, OWN, \
	    NULL, NULL, NULL)

/* A measure: numbered, its title in the heading; the responsible by name
 * (a reference in the XML), start and end one fact, then the goals it
 * serves (goals' and sub-goals' ids, references in the XML) and the
 * subplan, then how, a text of its own. */
#define IP_MEASURE_FIELDS(X) \
	X(measure, id, TEXT, 0, MEASURE, NO, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(measure, title, TEXT, 0, MEASURE, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(measure, extent, TEXT, 0, MEASURE, FACT, ELEM, OWN, \
	    "Omfang", "Omfang", "Scope") \
	X(measure, responsible, TEXT, 0, MEASURE, OWN, OWN, OWN, \
	    "Ansvarlig", "Ansvarleg", "Responsible") \
	X(measure, goals, TEXTS, 0, MEASURE, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(measure, start, DATE, 0, MEASURE, OWN, ELEM, OWN, \
	    "Tidsrom", "Tidsrom", "When") \
	X(measure, end, DATE, 0, MEASURE, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(measure, how, TEXT, 0, MEASURE, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(measure, subplan, MAP, subplan, MEASURE, APART, OWN, OWN, \
	    NULL, NULL, NULL)

/* A measure's subplan, one fact "kind: reference". */
#define IP_SUBPLAN_FIELDS(X) \
	X(subplan, kind, TEXT, 0, MEASURE, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(subplan, reference, TEXT, 0, MEASURE, APART, ELEM, OWN, \
	    NULL, NULL, NULL)

/* The period: start and end are one fact at a glance, the interval and
 * the reviews a section. */
#define IP_PERIOD_FIELDS(X) \
	X(period, start, DATE, 0, PERIOD, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(period, end, DATE, 0, PERIOD, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(period, review_interval, INTERVAL, 0, REVIEWS, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(period, reviews, LIST, review, REVIEWS, APART, OWN, OWN, \
	    NULL, NULL, NULL)

/* A review, one line of the section: its day, done ("%s" in done's
 * label: the day) or planned, then its summary. */
#define IP_REVIEW_FIELDS(X) \
	X(review, date, DATE, 0, REVIEWS, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(review, done, DATE, 0, REVIEWS, APART, ELEM, OWN, \
	    "gjennomført %s", "gjennomført %s", "held %s") \
	X(review, summary, TEXT, 0, REVIEWS, APART, ELEM, OWN, \
	    NULL, NULL, NULL)

/* The consents: each is one fact of the section, its day, who gave it,
 * until when and whether it was withdrawn in one line; who gave one
 * (by) is participants' ids or free text, whom it covers participants'
 * ids (references in the XML).  A consent to share is never rewritten
 * once given (see ip_covering()).  guardians_own_part is for the views:
 * guardians see only their own part from the person's 12th birthday
 * (pasient- og brukerrettighetsloven § 3-4 second paragraph), see
 * ip_guardian_sees_all(). */
#define IP_CONSENT_FIELDS(X) \
	X(consent, plan, MAP, consent_plan, CONSENT, APART, OWN, OWN, \
	    "Samtykke til planen", "Samtykke til planen", \
	    "Consent to the plan") \
	X(consent, information_sharing, LIST1, consent_sharing, CONSENT, \
	    APART, OWN, OWN, NULL, NULL, NULL) \
	X(consent, guardians_own_part, BOOL, 0, CONSENT, NO, ELEM, OWN, \
	    NULL, NULL, NULL)

#define IP_CONSENT_PLAN_FIELDS(X) \
	X(consent_plan, date, DATE, 0, CONSENT, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(consent_plan, by, TEXTS1, 0, CONSENT, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(consent_plan, withdrawn, DATE, 0, CONSENT, APART, ELEM, OWN, \
	    NULL, NULL, NULL)

#define IP_CONSENT_SHARING_FIELDS(X) \
	X(consent_sharing, date, DATE, 0, CONSENT, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(consent_sharing, participants, TEXTS, 0, CONSENT, APART, OWN, OWN, \
	    NULL, NULL, NULL) \
	X(consent_sharing, until, DATE, 0, CONSENT, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(consent_sharing, withdrawn, DATE, 0, CONSENT, APART, ELEM, OWN, \
	    NULL, NULL, NULL) \
	X(consent_sharing, by, TEXTS1, 0, CONSENT, APART, OWN, OWN, \
	    NULL, NULL, NULL)

/* Every table, for what is made of each row alike (the labels). */
#define IP_FIELD_TABLES(X) \
	IP_PLAN_FIELDS(X) \
	IP_CLOSED_FIELDS(X) \
	IP_PERSON_FIELDS(X) \
	IP_CONTACT_FIELDS(X) \
	IP_PARTICIPANT_FIELDS(X) \
	IP_GOAL_FIELDS(X) \
	IP_SUBGOAL_FIELDS(X) \
	IP_MEASURE_FIELDS(X) \
	IP_SUBPLAN_FIELDS(X) \
	IP_PERIOD_FIELDS(X) \
	IP_REVIEW_FIELDS(X) \
	IP_CONSENT_FIELDS(X) \
	IP_CONSENT_PLAN_FIELDS(X) \
	IP_CONSENT_SHARING_FIELDS(X) \
	IP_COOPERATION_FIELDS(X)

/* The C type of a row's member, and the vocabulary of its words. */
#define IP_FIELD_CTYPE_TEXT(sub) struct ip_text
#define IP_FIELD_CTYPE_DATE(sub) struct ip_date
#define IP_FIELD_CTYPE_BOOL(sub) struct ip_bool
#define IP_FIELD_CTYPE_ENUM(sub) struct ip_enum
#define IP_FIELD_CTYPE_MAP(sub) struct ip_##sub
#define IP_FIELD_CTYPE_INTERVAL(sub) struct ip_interval
#define IP_FIELD_CTYPE_LIST(sub) union ip_##sub##_list
#define IP_FIELD_CTYPE_LIST1(sub) union ip_##sub##_list
#define IP_FIELD_CTYPE_TEXTS(sub) union ip_text_list
#define IP_FIELD_CTYPE_TEXTS1(sub) union ip_text_list
#define IP_FIELD_CTYPE_WORDS(sub) union ip_text_list
#define IP_FIELD_VOCAB_TEXT(sub) NULL
#define IP_FIELD_VOCAB_DATE(sub) NULL
#define IP_FIELD_VOCAB_BOOL(sub) NULL
#define IP_FIELD_VOCAB_ENUM(sub) ip_vocab_##sub
#define IP_FIELD_VOCAB_MAP(sub) NULL
#define IP_FIELD_VOCAB_INTERVAL(sub) NULL
#define IP_FIELD_VOCAB_LIST(sub) NULL
#define IP_FIELD_VOCAB_LIST1(sub) NULL
#define IP_FIELD_VOCAB_TEXTS(sub) NULL
#define IP_FIELD_VOCAB_TEXTS1(sub) NULL
#define IP_FIELD_VOCAB_WORDS(sub) ip_vocab_##sub

/* A row as a member of its struct (plan.h), and as a label (labels.h). */
#define IP_FIELD_MEMBER(map, key, type, sub, ...) \
	IP_FIELD_CTYPE_##type(sub) key;
#define IP_FIELD_LABEL(map, key, ...) const char *map##_##key;

#endif
