/*
 * labels.c - the words of the documents that ip-export writes, in
 * bokmål, nynorsk and English: section titles, labels, the words for
 * roles and statuses, month names and the names of the laws; and the
 * words of ip-review's calendar, which follows the plan's language too.
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#include "export.h"

/* By ip_vocab_legal_basis. */
static const char *const laws_nb[] = {
	"pasient- og brukerrettighetsloven § 2-5",
	"helse- og omsorgstjenesteloven § 7-1",
	"helse- og omsorgstjenesteloven § 7-2 a",
	"spesialisthelsetjenesteloven § 2-5",
	"psykisk helsevernloven § 4-1",
	"Nav-loven § 15",
	"sosialtjenesteloven § 28",
	"sosialtjenesteloven § 33",
	"barnevernsloven § 15-9",
	NULL
};

static const char *const laws_nn[] = {
	"pasient- og brukarrettslova § 2-5",
	"helse- og omsorgstenestelova § 7-1",
	"helse- og omsorgstenestelova § 7-2 a",
	"spesialisthelsetenestelova § 2-5",
	"psykisk helsevernlova § 4-1",
	"Nav-lova § 15",
	"sosialtenestelova § 28",
	"sosialtenestelova § 33",
	"barnevernslova § 15-9",
	NULL
};

static const char *const laws_en[] = {
	"Patients' and Users' Rights Act § 2-5",
	"Health and Care Services Act § 7-1",
	"Health and Care Services Act § 7-2 a",
	"Specialist Health Services Act § 2-5",
	"Mental Health Care Act § 4-1",
	"Nav Act § 15",
	"Social Services Act § 28",
	"Social Services Act § 33",
	"Child Welfare Act § 15-9",
	NULL
};

static const struct ip_labels labels[] = {
	[IP_LANG_NB] = {
		.code = "nb",
		.months = { "januar", "februar", "mars", "april", "mai",
		    "juni", "juli", "august", "september", "oktober",
		    "november", "desember" },
		.day_dot = true,
		.title = "Individuell plan for %s",
		.title_nameless = "Individuell plan",
		.draft = "Utkast",
		.draft_title = "Utkast: %s",
		.draft_status = "utkast, ikke aktiv ennå",
		.period = "Planperiode",
		.coordinator = "Koordinator",
		.next_review = "Neste evaluering",
		.status = "Status",
		.closed = "avsluttet",
		.closed_on = "avsluttet %s",
		.next_overdue = "%s (på overtid)",
		.plan_id = "Plan-ID",
		.legal_basis = "Lovgrunnlag",
		.from = "fra %s",
		.until = "til og med %s",
		.person = "Personalia",
		.name = "Navn",
		.national_id = "Fødselsnummer/D-nummer",
		.birth_date = "Fødselsdato",
		.phone = "Telefon",
		.email = "E-post",
		.address = "Adresse",
		.interpreter = "Tolk",
		.interpreter_yes = "trengs",
		.interpreter_no = "trengs ikke",
		.compulsory = "Tvungent psykisk helsevern",
		.yes = "ja",
		.goals = "Mål og delmål",
		.goal = "Mål %s",
		.due = "Frist",
		.goal_status = { "pågår", "oppnådd", "avbrutt" },
		.resources = "Ressurser",
		.needs = "Behov",
		.measures = "Tiltak",
		.measure = "Tiltak %s",
		.extent = "Omfang",
		.responsible = "Ansvarlig",
		.when = "Tidsrom",
		.serves = "Gjelder",
		.subplan = "Delplan",
		.how = "Gjennomføring",
		.implementation = "Gjennomføring",
		.participants = "Deltakere",
		.role = "Rolle",
		.roles = { "tjenestemottaker", "pårørende", "tjenesteyter",
		    "annen", "foresatt" },
		.is_coordinator = "koordinator",
		.organization = "Virksomhet",
		.contribution = "Bidrag",
		.reviews = "Evalueringer",
		.review = "Evaluering",
		.review_interval = "Evalueringsintervall",
		.units = { { "dag", "dager" }, { "uke", "uker" },
		    { "måned", "måneder" }, { "år", "år" } },
		.review_done = "gjennomført %s",
		.review_planned = "planlagt",
		.consent = "Samtykke",
		.consent_plan = "Samtykke til planen",
		.given = "gitt",
		.by = "av %s",
		.consent_compulsory = "ikke nødvendig fordi personen er under "
		    "tvungent psykisk helsevern",
		.consent_sharing = "Samtykke til å dele opplysninger",
		.valid_until = "gjelder til og med %s",
		.consent_with = "Deltakere med tilgang",
		.not_recorded = "ikke registrert",
		.withdrawn = "trukket tilbake %s",
		.nobody = "ingen",
		.and = "og",
		.cooperation = "Samarbeid",
		.about = "Gjelder",
		.contact = "Kontakt",
		.reason = "Begrunnelse for avslutning",
		.none = "Ikke registrert.",
		.restricted = "Begrenset visning for %s",
		.nid_hidden = "(fødselsnummer skjult)",
		.restricted_why = {
			[IP_WHY_NOT_LISTED] = "Du er ikke omfattet av "
			    "samtykket til å dele opplysninger.",
			[IP_WHY_EXPIRED] = "Samtykket til å dele opplysninger "
			    "gjaldt til og med %s.",
			[IP_WHY_WITHDRAWN] = "Samtykket til å dele opplysninger "
			    "ble trukket tilbake %s.",
			[IP_WHY_PLAN_WITHDRAWN] = "Samtykket til planen ble "
			    "trukket tilbake %s, og med det all deling av "
			    "opplysninger.",
			[IP_WHY_NO_CONSENT] = "Det er ikke gitt samtykke til "
			    "å dele opplysninger.",
		},
		.restricted_shows = "Denne utgaven av planen viser derfor "
		    "bare det du trenger for å gjøre din del av arbeidet med "
		    "planen. Dette er utelatt:",
		.left_out_field = {
			[IP_F_PARTICIPANT] = "de andre deltakerne",
			[IP_F_CONTRIBUTION] = "de andre deltakernes bidrag",
			[IP_F_MEASURE] = "alle tiltak unntatt tiltakene du er "
			    "ansvarlig for",
			[IP_F_GOAL] = "mål som ikke er knyttet til noen av "
			    "tiltakene som er med",
			[IP_F_SUBGOAL] = "delmål som ikke er knyttet til noen "
			    "av tiltakene som er med",
			[IP_F_PARTICIPANT_ROLE] = "deltakernes roller",
			[IP_F_PARTICIPANT_CONTACT] = "kontaktopplysninger for "
			    "andre enn koordinatoren",
			[IP_F_NATIONAL_ID] = "fødselsnummer/D-nummer",
			[IP_F_BIRTH_DATE] = "fødselsdato",
			[IP_F_PERSON_CONTACT] = "personens "
			    "kontaktopplysninger",
			[IP_F_INTERPRETER] = "behov for tolk",
			[IP_F_CARE] = "om personen er under tvungent psykisk "
			    "helsevern",
			[IP_F_LEGAL_BASIS] = "lovgrunnlaget for planen",
			[IP_F_STATUS] = "planens status",
			[IP_F_CLOSED_REASON] = "en eventuell begrunnelse for at "
			    "planen er avsluttet",
			[IP_F_RESOURCES] = "personens ressurser",
			[IP_F_NEEDS] = "behov for tjenester",
			[IP_F_IMPLEMENTATION] = "hvordan planen som helhet "
			    "gjennomføres",
			[IP_F_REVIEWS] = "evalueringene og oppsummeringene fra "
			    "dem",
			[IP_F_CONSENT] = "samtykkene",
			[IP_F_COOPERATION] = "samarbeidet med andre "
			    "tjenesteytere og etater",
		},
		.left_out = "Utelatt i begrenset visning.",
		.others_left_out = "Eventuelle andre oppføringer er utelatt "
		    "i begrenset visning.",
		.cf_title = "Samtykke til individuell plan",
		.cf_plan_text = "Jeg samtykker i at det lages en individuell "
		    "plan for meg. Planen samler målene mine, hva jeg trenger "
		    "hjelp til og hvem som gjør hva. Jeg har rett til å delta i "
		    "arbeidet med planen, og den skal lages sammen med meg.",
		.cf_plan_compulsory = "Fordi jeg er under tvungent psykisk "
		    "helsevern, lages planen uten mitt samtykke. Når det "
		    "tvungne vernet opphører, trengs mitt samtykke for at "
		    "planen skal fortsette.",
		.cf_sharing_text = "Jeg samtykker i at disse deltakerne kan "
		    "dele opplysninger om meg med hverandre, også opplysninger "
		    "de har taushetsplikt om, når det trengs i arbeidet med "
		    "planen:",
		.cf_nobody = "Ingen deltakere er ført opp.",
		.cf_until = "Samtykket gjelder til og med %s.",
		.cf_until_withdrawn = "Samtykket gjelder til jeg trekker det "
		    "tilbake.",
		.cf_withdraw = "Å trekke samtykket tilbake",
		.cf_withdraw_text = "Samtykkene er frivillige. Jeg kan når som "
		    "helst trekke dem tilbake, helt eller delvis, uten å "
		    "begrunne det, ved å si fra til koordinatoren for planen.",
		.cf_sign = "Underskrift",
		.cf_place_date = "Sted og dato",
		.cf_signature = "Underskrift",
		.cf_guardian = "Underskrift av den som har foreldreansvar, "
		    "eller av verge, hvis personen ikke kan samtykke selv",
		.cf_we = { "Jeg", "Vi" },
		.cf_we_lc = { "jeg", "vi" },
		.cf_child_plan = "%s samtykker i at det lages en individuell "
		    "plan for barnet. Planen samler barnets mål, hva barnet "
		    "trenger hjelp til og hvem som gjør hva. Barnet har rett "
		    "til å delta i arbeidet med planen og til å si sin mening, "
		    "etter alder og modenhet.",
		.cf_child_sharing = "%s samtykker i at disse deltakerne kan "
		    "dele opplysninger om barnet med hverandre, også "
		    "opplysninger de har taushetsplikt om, når det trengs i "
		    "arbeidet med planen:",
		.cf_child_until_withdrawn = "Samtykket gjelder til %s trekker "
		    "det tilbake.",
		.cf_child_withdraw_text = "Samtykkene er frivillige. %s kan når "
		    "som helst trekke dem tilbake, helt eller delvis, uten å "
		    "begrunne det, ved å si fra til koordinatoren for planen. "
		    "Fra barnet fyller 16 år, samtykker barnet selv.",
		.cf_child_heard = "Barnet har fått informasjon og sagt sin "
		    "mening før samtykket ble gitt (barneloven § 31).",
		.cf_signature_of = "Underskrift, %s",
		.printed = "Skrevet ut %s",
		.revision = "versjon %s",
		.subgoal = "Delmål %s",
		.participant = "Deltaker %s",
		.serves_goal = "mål %s",
		.serves_subgoal = "delmål %s",
		.who_does_what = "Hvem gjør hva",
		.how_in_measures = "Se gjennomføringen under hvert tiltak.",
		.tl_title = "Tidslinje",
		.tl_desc = "Planperioden fra %s til %s, med tiltakene som "
		    "stolper, evalueringene og fristene for delmålene som "
		    "markeringer, og dagens dato som en loddrett linje.",
		.tl_review_planned = "Planlagt evaluering",
		.tl_review_done = "Gjennomført evaluering",
		.tl_due = "Frist for delmål",
		.tl_today = "I dag",
		.laws = laws_nb,
		.ev_review = "Evaluering av planen",
		.ev_period_end = "Planperioden slutter",
		.ev_consent = "Samtykket til å dele opplysninger går ut",
		.ev_withdrawn = "Samtykket til planen er trukket tilbake, men "
		    "planen er ikke avsluttet",
		.ev_sharing_withdrawn = "Et samtykke til å dele opplysninger "
		    "er trukket tilbake",
		.ev_subgoal = "Delmål %s «%s» har passert fristen og er "
		    "fortsatt åpent",
		.ev_measure = "Tiltak %s «%s» sluttet, ingen evaluering etterpå",
		.ev_draft = "Utkast til plan, ennå ikke aktiv",
		.ev_never = "Første evaluering var planlagt, ingen er "
		    "gjennomført",
		.ev_file = "Fil",
		.ev_nobody = "ingen",
		.ev_the_person = "tjenestemottakeren",
		.ev_overdue = "Fristen var %s",
	},
	[IP_LANG_NN] = {
		.code = "nn",
		.months = { "januar", "februar", "mars", "april", "mai",
		    "juni", "juli", "august", "september", "oktober",
		    "november", "desember" },
		.day_dot = true,
		.title = "Individuell plan for %s",
		.title_nameless = "Individuell plan",
		.draft = "Utkast",
		.draft_title = "Utkast: %s",
		.draft_status = "utkast, ikkje aktiv enno",
		.period = "Planperiode",
		.coordinator = "Koordinator",
		.next_review = "Neste evaluering",
		.status = "Status",
		.closed = "avslutta",
		.closed_on = "avslutta %s",
		.next_overdue = "%s (på overtid)",
		.plan_id = "Plan-ID",
		.legal_basis = "Lovgrunnlag",
		.from = "frå %s",
		.until = "til og med %s",
		.person = "Personalia",
		.name = "Namn",
		.national_id = "Fødselsnummer/D-nummer",
		.birth_date = "Fødselsdato",
		.phone = "Telefon",
		.email = "E-post",
		.address = "Adresse",
		.interpreter = "Tolk",
		.interpreter_yes = "trengst",
		.interpreter_no = "trengst ikkje",
		.compulsory = "Tvungent psykisk helsevern",
		.yes = "ja",
		.goals = "Mål og delmål",
		.goal = "Mål %s",
		.due = "Frist",
		.goal_status = { "pågår", "oppnådd", "avbrote" },
		.resources = "Ressursar",
		.needs = "Behov",
		.measures = "Tiltak",
		.measure = "Tiltak %s",
		.extent = "Omfang",
		.responsible = "Ansvarleg",
		.when = "Tidsrom",
		.serves = "Gjeld",
		.subplan = "Delplan",
		.how = "Gjennomføring",
		.implementation = "Gjennomføring",
		.participants = "Deltakarar",
		.role = "Rolle",
		.roles = { "tenestemottakar", "pårørande", "tenesteytar",
		    "annan", "føresett" },
		.is_coordinator = "koordinator",
		.organization = "Verksemd",
		.contribution = "Bidrag",
		.reviews = "Evalueringar",
		.review = "Evaluering",
		.review_interval = "Evalueringsintervall",
		.units = { { "dag", "dagar" }, { "veke", "veker" },
		    { "månad", "månader" }, { "år", "år" } },
		.review_done = "gjennomført %s",
		.review_planned = "planlagd",
		.consent = "Samtykke",
		.consent_plan = "Samtykke til planen",
		.given = "gitt",
		.by = "av %s",
		.consent_compulsory = "ikkje naudsynt fordi personen er under "
		    "tvungent psykisk helsevern",
		.consent_sharing = "Samtykke til å dele opplysningar",
		.valid_until = "gjeld til og med %s",
		.consent_with = "Deltakarar med tilgang",
		.not_recorded = "ikkje registrert",
		.withdrawn = "trekt tilbake %s",
		.nobody = "ingen",
		.and = "og",
		.cooperation = "Samarbeid",
		.about = "Gjeld",
		.contact = "Kontakt",
		.reason = "Grunngjeving for avsluttinga",
		.none = "Ikkje registrert.",
		.restricted = "Avgrensa vising for %s",
		.nid_hidden = "(fødselsnummer skjult)",
		.restricted_why = {
			[IP_WHY_NOT_LISTED] = "Du er ikkje omfatta av "
			    "samtykket til å dele opplysningar.",
			[IP_WHY_EXPIRED] = "Samtykket til å dele opplysningar "
			    "galdt til og med %s.",
			[IP_WHY_WITHDRAWN] = "Samtykket til å dele opplysningar "
			    "vart trekt tilbake %s.",
			[IP_WHY_PLAN_WITHDRAWN] = "Samtykket til planen vart "
			    "trekt tilbake %s, og med det all deling av "
			    "opplysningar.",
			[IP_WHY_NO_CONSENT] = "Det er ikkje gitt samtykke til "
			    "å dele opplysningar.",
		},
		.restricted_shows = "Denne utgåva av planen viser difor "
		    "berre det du treng for å gjere din del av arbeidet med "
		    "planen. Dette er utelate:",
		.left_out_field = {
			[IP_F_PARTICIPANT] = "dei andre deltakarane",
			[IP_F_CONTRIBUTION] = "bidraga frå dei andre "
			    "deltakarane",
			[IP_F_MEASURE] = "alle tiltak utanom tiltaka du er "
			    "ansvarleg for",
			[IP_F_GOAL] = "mål som ikkje er knytte til nokon av "
			    "tiltaka som er med",
			[IP_F_SUBGOAL] = "delmål som ikkje er knytte til nokon "
			    "av tiltaka som er med",
			[IP_F_PARTICIPANT_ROLE] = "rollene til deltakarane",
			[IP_F_PARTICIPANT_CONTACT] = "kontaktopplysningar for "
			    "andre enn koordinatoren",
			[IP_F_NATIONAL_ID] = "fødselsnummer/D-nummer",
			[IP_F_BIRTH_DATE] = "fødselsdato",
			[IP_F_PERSON_CONTACT] = "kontaktopplysningane til "
			    "personen",
			[IP_F_INTERPRETER] = "behov for tolk",
			[IP_F_CARE] = "om personen er under tvungent psykisk "
			    "helsevern",
			[IP_F_LEGAL_BASIS] = "lovgrunnlaget for planen",
			[IP_F_STATUS] = "statusen til planen",
			[IP_F_CLOSED_REASON] = "ei eventuell grunngjeving for at "
			    "planen er avslutta",
			[IP_F_RESOURCES] = "ressursane til personen",
			[IP_F_NEEDS] = "behov for tenester",
			[IP_F_IMPLEMENTATION] = "korleis planen som heilskap "
			    "blir gjennomført",
			[IP_F_REVIEWS] = "evalueringane og samandraga frå dei",
			[IP_F_CONSENT] = "samtykka",
			[IP_F_COOPERATION] = "samarbeidet med andre "
			    "tenesteytarar og etatar",
		},
		.left_out = "Utelate i avgrensa vising.",
		.others_left_out = "Eventuelle andre oppføringar er "
		    "utelatne i avgrensa vising.",
		.cf_title = "Samtykke til individuell plan",
		.cf_plan_text = "Eg samtykkjer i at det blir laga ein "
		    "individuell plan for meg. Planen samlar måla mine, kva eg "
		    "treng hjelp til og kven som gjer kva. Eg har rett til å ta "
		    "del i arbeidet med planen, og han skal lagast saman med "
		    "meg.",
		.cf_plan_compulsory = "Fordi eg er under tvungent psykisk "
		    "helsevern, blir planen laga utan samtykket mitt. Når det "
		    "tvungne vernet tek slutt, trengst samtykket mitt for at "
		    "planen skal halde fram.",
		.cf_sharing_text = "Eg samtykkjer i at desse deltakarane kan "
		    "dele opplysningar om meg med kvarandre, også opplysningar "
		    "dei har teieplikt om, når det trengst i arbeidet med "
		    "planen:",
		.cf_nobody = "Ingen deltakarar er førte opp.",
		.cf_until = "Samtykket gjeld til og med %s.",
		.cf_until_withdrawn = "Samtykket gjeld til eg trekkjer det "
		    "tilbake.",
		.cf_withdraw = "Å trekkje samtykket tilbake",
		.cf_withdraw_text = "Samtykka er frivillige. Eg kan når som "
		    "helst trekkje dei tilbake, heilt eller delvis, utan å "
		    "grunngje det, ved å seie frå til koordinatoren for planen.",
		.cf_sign = "Underskrift",
		.cf_place_date = "Stad og dato",
		.cf_signature = "Underskrift",
		.cf_guardian = "Underskrift av den som har foreldreansvaret, "
		    "eller av verje, dersom personen ikkje kan samtykkje sjølv",
		.cf_we = { "Eg", "Vi" },
		.cf_we_lc = { "eg", "vi" },
		.cf_child_plan = "%s samtykkjer i at det blir laga ein "
		    "individuell plan for barnet. Planen samlar måla til "
		    "barnet, kva barnet treng hjelp til og kven som gjer kva. "
		    "Barnet har rett til å ta del i arbeidet med planen og til "
		    "å seie meininga si, etter alder og modning.",
		.cf_child_sharing = "%s samtykkjer i at desse deltakarane kan "
		    "dele opplysningar om barnet med kvarandre, også "
		    "opplysningar dei har teieplikt om, når det trengst i "
		    "arbeidet med planen:",
		.cf_child_until_withdrawn = "Samtykket gjeld til %s trekkjer "
		    "det tilbake.",
		.cf_child_withdraw_text = "Samtykka er frivillige. %s kan når "
		    "som helst trekkje dei tilbake, heilt eller delvis, utan å "
		    "grunngje det, ved å seie frå til koordinatoren for planen. "
		    "Frå barnet fyller 16 år, samtykkjer barnet sjølv.",
		.cf_child_heard = "Barnet har fått informasjon og sagt meininga "
		    "si før samtykket vart gitt (barnelova § 31).",
		.cf_signature_of = "Underskrift, %s",
		.printed = "Skrive ut %s",
		.revision = "versjon %s",
		.subgoal = "Delmål %s",
		.participant = "Deltakar %s",
		.serves_goal = "mål %s",
		.serves_subgoal = "delmål %s",
		.who_does_what = "Kven gjer kva",
		.how_in_measures = "Sjå gjennomføringa under kvart tiltak.",
		.tl_title = "Tidslinje",
		.tl_desc = "Planperioden frå %s til %s, med tiltaka som "
		    "stolpar, evalueringane og fristane for delmåla som "
		    "markeringar, og dagens dato som ei loddrett linje.",
		.tl_review_planned = "Planlagd evaluering",
		.tl_review_done = "Gjennomført evaluering",
		.tl_due = "Frist for delmål",
		.tl_today = "I dag",
		.laws = laws_nn,
		.ev_review = "Evaluering av planen",
		.ev_period_end = "Planperioden sluttar",
		.ev_consent = "Samtykket til å dele opplysningar går ut",
		.ev_withdrawn = "Samtykket til planen er trekt tilbake, men "
		    "planen er ikkje avslutta",
		.ev_sharing_withdrawn = "Eit samtykke til å dele opplysningar "
		    "er trekt tilbake",
		.ev_subgoal = "Delmål %s «%s» har passert fristen og er "
		    "framleis ope",
		.ev_measure = "Tiltak %s «%s» slutta, inga evaluering etterpå",
		.ev_draft = "Utkast til plan, enno ikkje aktiv",
		.ev_never = "Første evaluering var planlagd, inga er "
		    "gjennomført",
		.ev_file = "Fil",
		.ev_nobody = "ingen",
		.ev_the_person = "tenestemottakaren",
		.ev_overdue = "Fristen var %s",
	},
	[IP_LANG_EN] = {
		.code = "en",
		.months = { "January", "February", "March", "April", "May",
		    "June", "July", "August", "September", "October",
		    "November", "December" },
		.day_dot = false,
		.title = "Individual plan for %s",
		.title_nameless = "Individual plan",
		.draft = "Draft",
		.draft_title = "Draft: %s",
		.draft_status = "draft, not yet active",
		.period = "Plan period",
		.coordinator = "Coordinator",
		.next_review = "Next review",
		.status = "Status",
		.closed = "closed",
		.closed_on = "closed on %s",
		.next_overdue = "%s (overdue)",
		.plan_id = "Plan ID",
		.legal_basis = "Legal basis",
		.from = "from %s",
		.until = "until and including %s",
		.person = "Personal details",
		.name = "Name",
		.national_id = "National identity number / D number",
		.birth_date = "Date of birth",
		.phone = "Phone",
		.email = "Email",
		.address = "Address",
		.interpreter = "Interpreter",
		.interpreter_yes = "needed",
		.interpreter_no = "not needed",
		.compulsory = "Compulsory mental health care",
		.yes = "yes",
		.goals = "Goals and sub-goals",
		.goal = "Goal %s",
		.due = "Due",
		.goal_status = { "open", "achieved", "dropped" },
		.resources = "Resources",
		.needs = "Needs",
		.measures = "Measures",
		.measure = "Measure %s",
		.extent = "Scope",
		.responsible = "Responsible",
		.when = "When",
		.serves = "Serves",
		.subplan = "Sub-plan",
		.how = "How",
		.implementation = "Implementation",
		.participants = "Participants",
		.role = "Role",
		.roles = { "service user", "relative", "service provider",
		    "other", "guardian" },
		.is_coordinator = "coordinator",
		.organization = "Organisation",
		.contribution = "Contribution",
		.reviews = "Reviews",
		.review = "Review",
		.review_interval = "Review interval",
		.units = { { "day", "days" }, { "week", "weeks" },
		    { "month", "months" }, { "year", "years" } },
		.review_done = "held %s",
		.review_planned = "planned",
		.consent = "Consent",
		.consent_plan = "Consent to the plan",
		.given = "given",
		.by = "by %s",
		.consent_compulsory = "not needed, since the person is under "
		    "compulsory mental health care",
		.consent_sharing = "Consent to share information",
		.valid_until = "valid until and including %s",
		.consent_with = "Participants with access",
		.not_recorded = "not recorded",
		.withdrawn = "withdrawn on %s",
		.nobody = "no one",
		.and = "and",
		.cooperation = "Cooperation",
		.about = "About",
		.contact = "Contact",
		.reason = "Reason for closing",
		.none = "Not recorded.",
		.restricted = "Restricted view for %s",
		.nid_hidden = "(national identity number hidden)",
		.restricted_why = {
			[IP_WHY_NOT_LISTED] = "The consent to share "
			    "information does not cover you.",
			[IP_WHY_EXPIRED] = "The consent to share information "
			    "was valid until %s.",
			[IP_WHY_WITHDRAWN] = "The consent to share information "
			    "was withdrawn on %s.",
			[IP_WHY_PLAN_WITHDRAWN] = "The consent to the plan was "
			    "withdrawn on %s, and with it all sharing of "
			    "information.",
			[IP_WHY_NO_CONSENT] = "No consent to share information "
			    "has been given.",
		},
		.restricted_shows = "So this copy of the plan shows only what "
		    "you need to do your part in the work on the plan. Left "
		    "out:",
		.left_out_field = {
			[IP_F_PARTICIPANT] = "the other participants",
			[IP_F_CONTRIBUTION] = "the other participants' "
			    "contributions",
			[IP_F_MEASURE] = "all measures but those you are "
			    "responsible for",
			[IP_F_GOAL] = "goals that none of the measures shown "
			    "serve",
			[IP_F_SUBGOAL] = "sub-goals that none of the measures "
			    "shown serve",
			[IP_F_PARTICIPANT_ROLE] = "the participants' roles",
			[IP_F_PARTICIPANT_CONTACT] = "the contact details of "
			    "anyone but the coordinator",
			[IP_F_NATIONAL_ID] = "the national identity number / D "
			    "number",
			[IP_F_BIRTH_DATE] = "the date of birth",
			[IP_F_PERSON_CONTACT] = "the person's contact details",
			[IP_F_INTERPRETER] = "the need for an interpreter",
			[IP_F_CARE] = "whether the person is under compulsory "
			    "mental health care",
			[IP_F_LEGAL_BASIS] = "the legal basis of the plan",
			[IP_F_STATUS] = "the plan's status",
			[IP_F_CLOSED_REASON] = "any reason the plan was closed",
			[IP_F_RESOURCES] = "the person's resources",
			[IP_F_NEEDS] = "the needs for services",
			[IP_F_IMPLEMENTATION] = "how the plan as a whole is "
			    "carried out",
			[IP_F_REVIEWS] = "the reviews and their summaries",
			[IP_F_CONSENT] = "the consents",
			[IP_F_COOPERATION] = "the cooperation with other "
			    "services and agencies",
		},
		.left_out = "Left out of the restricted view.",
		.others_left_out = "Any other entries are left out of the "
		    "restricted view.",
		.cf_title = "Consent to an individual plan",
		.cf_plan_text = "I consent to an individual plan being drawn up "
		    "for me. The plan brings together my goals, what I need "
		    "help with, and who does what. I have the right to take "
		    "part in the work on the plan, and it is made together "
		    "with me.",
		.cf_plan_compulsory = "Since I am under compulsory mental "
		    "health care, the plan is drawn up without my consent. When "
		    "the compulsory care ends, my consent is needed for the plan "
		    "to go on.",
		.cf_sharing_text = "I consent to these participants giving each "
		    "other the confidential information about me that the work "
		    "on the plan needs:",
		.cf_nobody = "No participants are listed.",
		.cf_until = "This consent is valid until and including %s.",
		.cf_until_withdrawn = "This consent is valid until I withdraw "
		    "it.",
		.cf_withdraw = "Withdrawing the consent",
		.cf_withdraw_text = "The consents are voluntary. I may withdraw "
		    "them at any time, in whole or in part, without giving a "
		    "reason, by telling the coordinator of the plan.",
		.cf_sign = "Signature",
		.cf_place_date = "Place and date",
		.cf_signature = "Signature",
		.cf_guardian = "Signature of a parent or guardian, if the "
		    "person cannot consent themselves",
		.cf_we = { "I", "We" },
		.cf_we_lc = { "I", "we" },
		.cf_child_plan = "%s consent to an individual plan being drawn "
		    "up for the child. The plan brings together the child's "
		    "goals, what the child needs help with, and who does what. "
		    "The child has the right to take part in the work on the "
		    "plan and to be heard, by age and maturity.",
		.cf_child_sharing = "%s consent to these participants giving "
		    "each other the confidential information about the child "
		    "that the work on the plan needs:",
		.cf_child_until_withdrawn = "This consent is valid until %s "
		    "withdraw it.",
		.cf_child_withdraw_text = "The consents are voluntary. %s may "
		    "withdraw them at any time, in whole or in part, without "
		    "giving a reason, by telling the coordinator of the plan. "
		    "From the age of 16, the child consents themselves.",
		.cf_child_heard = "The child has been informed and has given "
		    "their views before the consent was given (Children Act, "
		    "barneloven § 31).",
		.cf_signature_of = "Signature, %s",
		.printed = "Printed %s",
		.revision = "revision %s",
		.subgoal = "Sub-goal %s",
		.participant = "Participant %s",
		.serves_goal = "goal %s",
		.serves_subgoal = "sub-goal %s",
		.who_does_what = "Who does what",
		.how_in_measures = "See how under each measure.",
		.tl_title = "Timeline",
		.tl_desc = "The plan period from %s to %s, with the measures as "
		    "bars, the reviews and the sub-goals' due dates as marks, "
		    "and today as a line.",
		.tl_review_planned = "Planned review",
		.tl_review_done = "Review held",
		.tl_due = "Sub-goal due",
		.tl_today = "Today",
		.laws = laws_en,
		.ev_review = "Review of the plan",
		.ev_period_end = "The plan period ends",
		.ev_consent = "Consent to share information expires",
		.ev_withdrawn = "Consent to the plan withdrawn, plan not closed",
		.ev_sharing_withdrawn = "A consent to share information "
		    "withdrawn",
		.ev_subgoal = "Sub-goal %s “%s” due, still open",
		.ev_measure = "Measure %s “%s” ended, no review since",
		.ev_draft = "Draft plan, not yet active",
		.ev_never = "First review planned, none held yet",
		.ev_file = "File",
		.ev_nobody = "none",
		.ev_the_person = "the service user",
		.ev_overdue = "Overdue since %s",
	},
};

const struct ip_labels *
ip_labels(enum ip_lang lang)
{
	return &labels[lang <= IP_LANG_EN ? lang : IP_LANG_NB];
}

char *
ip_labels_date(const struct ip_labels *l, int32_t day, char *buf)
{
	int y, m, d;

	ip_civil_from_days(day, &y, &m, &d);
	snprintf(buf, IP_LONG_DATE, "%d%s %s %d", d, l->day_dot ? "." : "",
	    l->months[m - 1], y);
	return buf;
}

const char *
ip_labels_law(const struct ip_labels *l, const char *code)
{
	for (size_t i = 0; ip_vocab_legal_basis[i] != NULL
	    && l->laws[i] != NULL; i++)
		if (strcmp(ip_vocab_legal_basis[i], code) == 0)
			return l->laws[i];
	return code;
}

const char *
ip_label_fill(struct ip_arena *a, const char *lab, ...)
{
	va_list ap;
	size_t len = 0;
	const char *s, *slot;

	va_start(ap, lab);
	for (s = lab; (slot = strstr(s, "%s")) != NULL; s = slot + 2)
		len += (size_t)(slot - s) + strlen(va_arg(ap, const char *));
	va_end(ap);
	len += strlen(s);

	char *out = ip_arena_alloc(a, len + 1), *o = out;
	va_start(ap, lab);
	for (s = lab; (slot = strstr(s, "%s")) != NULL; s = slot + 2) {
		const char *arg = va_arg(ap, const char *);
		memcpy(o, s, (size_t)(slot - s));
		o += slot - s;
		memcpy(o, arg, strlen(arg));
		o += strlen(arg);
	}
	va_end(ap);
	memcpy(o, s, strlen(s) + 1);
	return out;
}
