/*
 * fields.h - the table of a plan's fields, one X-macro per mapping type,
 * in the style of the rule catalogue (diag.h): what the person, their
 * contact, each participant and each partner in cooperation hold; and
 * the groups of fields that the visibility table (view.c) knows, with
 * the words that tell a reader what a restricted view leaves out.
 *
 * The members of struct ip_person, ip_contact, ip_participant and
 * ip_cooperation (plan.h), the loader's rows for them (decode.c), enum
 * ip_field (view.h) and who may see each (view.c), the labels and the
 * restricted view's notice in three languages (labels.h, labels.c), the
 * generic lines of the documents and the XML (export_doc.c,
 * export_xml.c) and ip-new's skeleton and template check for the person
 * (new.c) are made from it: a text field added here is read, kept,
 * labelled, held to the visibility table and written.  The tests name
 * each place outside the code that lacks it (t-schema: the XML Schema,
 * the JSON Schema, ip-plan(5), iplan-fhir(7) and the plans the views'
 * test renders; the unit test of the views: its list of texts, and the
 * FHIR Bundle that leaves it out).  What is particular to a field (the
 * FHIR mapping, a label that depends on the value, the place of a line
 * apart from the others) stays code, named by the row.
 *
 * A row is X(map, key, type, sub, group, doc, xml, new, nb, nn, en):
 *
 *   map	the mapping type: the row is member key of struct ip_<map>
 *   key	the key in the plan file, and the member's name
 *   type	TEXT (struct ip_text), DATE (ip_date), BOOL (ip_bool), ENUM
 *		(ip_enum, a word of the vocabulary ip_vocab_<sub>), MAP
 *		(struct ip_<sub>, whose rows are IP_<SUB>_FIELDS)
 *   sub	what ENUM and MAP need, as above; 0 for the others
 *   group	the field of the visibility table that says who may see
 *		it (IP_FIELD_GROUPS above)
 *   doc	how the documents (Markdown, HTML) show it: FACT, a line
 *		"label: value" among the section's facts (a partner's: the
 *		lines of its entry), in the table's order;
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
	/* id */ \
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
	/* entry: a measure, every field of it */ \
	X(MEASURE, IF_OWN, \
	    "alle tiltak unntatt tiltakene du er ansvarlig for", \
	    "alle tiltak utanom tiltaka du er ansvarleg for", \
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
	    "deltakernes roller", \
	    "rollene til deltakarane", \
	    "the participants' roles") \
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
	/* status, closed.date */ \
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
	/* consent */ \
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

/* The C type of a row's member, and the vocabulary of its words. */
#define IP_FIELD_CTYPE_TEXT(sub) struct ip_text
#define IP_FIELD_CTYPE_DATE(sub) struct ip_date
#define IP_FIELD_CTYPE_BOOL(sub) struct ip_bool
#define IP_FIELD_CTYPE_ENUM(sub) struct ip_enum
#define IP_FIELD_CTYPE_MAP(sub) struct ip_##sub
#define IP_FIELD_VOCAB_TEXT(sub) NULL
#define IP_FIELD_VOCAB_DATE(sub) NULL
#define IP_FIELD_VOCAB_BOOL(sub) NULL
#define IP_FIELD_VOCAB_ENUM(sub) ip_vocab_##sub
#define IP_FIELD_VOCAB_MAP(sub) NULL

/* A row as a member of its struct (plan.h), and as a label (labels.h). */
#define IP_FIELD_MEMBER(map, key, type, sub, ...) \
	IP_FIELD_CTYPE_##type(sub) key;
#define IP_FIELD_LABEL(map, key, ...) const char *map##_##key;

#endif
