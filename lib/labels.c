/*
 * labels.c - the words of the documents that ip-export writes, in
 * bokmål, nynorsk and English: section titles, labels, the words for
 * roles and statuses, month names and the names of the laws; the
 * words of ip-review's calendar, which follows the plan's language too;
 * ip-evaluate's summary template;
 * the regulation's items a to i; and the comments and examples of
 * ip-new's skeleton.  Every word a document or a skeleton says in three
 * languages is here, and nowhere else, but for the labels of the plan's
 * fields and what a restricted view says it leaves out, which are in the
 * table of fields (fields.h) and come in here from it.
 */
#include "labels.h"

#include <stdio.h>
#include <stdarg.h>
#include <string.h>

#include "check.h"
#include "date.h"
#include "i18n.h"

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

/* The regulation's words for each item, in bokmål: the text of
 * «Forskrift om individuell plan ved ytelse av velferdstjenester» (in
 * force from 1 August 2022), which replaced § 19 of the 2011 regulation
 * and reworded items c and i. */
static const char *const items_nb[] = {
	"en oversikt over tjenestemottakerens mål, ressurser og behov for "
	"tjenester",
	"en oversikt over hvem som deltar i arbeidet med planen",
	"en angivelse av hvem som gis et ansvar for å sikre samordningen av "
	"og framdriften i arbeidet med planen",
	"en oversikt over hva tjenestemottakeren, tjeneste- og bidragsytere "
	"og eventuelt pårørende vil bidra med i planarbeidet",
	"en oversikt over hvilke tiltak som er aktuelle og omfanget av dem, "
	"og hvem som skal ha ansvaret for disse",
	"en beskrivelse av hvordan tiltakene skal gjennomføres",
	"en angivelse av planperioden og tidspunkt for eventuelle justeringer "
	"og revisjoner av planen",
	"tjenestemottakerens samtykke til at planen utarbeides og eventuelt "
	"samtykke til at deltakere i planleggingen gis tilgang til "
	"taushetsbelagte opplysninger",
	"en oversikt over nødvendig eller ønskelig samarbeid med andre "
	"tjenesteytere, institusjoner eller etater",
};

/* The same in nynorsk: a translation, which the skeleton quotes and the
 * nynorsk catalogue gives the findings.  (English: ip_item_words_en,
 * whose translations in the catalogues a unit test holds equal to
 * these.) */
static const char *const items_nn[] = {
	"ei oversikt over kva mål, ressursar og behov for tenester "
	"tenestemottakaren har",
	"ei oversikt over kven som deltek i arbeidet med planen",
	"ei opplysning om kven som får ansvar for å sikre samordninga av og "
	"framdrifta i arbeidet med planen",
	"ei oversikt over kva tenestemottakaren, teneste- og bidragsytarar "
	"og eventuelt pårørande vil bidra med i planarbeidet",
	"ei oversikt over kva tiltak som er aktuelle og omfanget av dei, og "
	"kven som skal ha ansvaret for desse",
	"ei skildring av korleis tiltaka skal gjennomførast",
	"ei opplysning om planperioden og tidspunkt for eventuelle "
	"justeringar og revisjonar av planen",
	"samtykket frå tenestemottakaren til at planen blir utarbeidd, og "
	"eventuelt samtykke til at deltakarar i planlegginga får tilgang til "
	"teiepliktige opplysningar",
	"ei oversikt over naudsynt eller ønskjeleg samarbeid med andre "
	"tenesteytarar, institusjonar eller etatar",
};

/* The labels of the plan's fields, from their table (fields.h). */
#define NB(map, key, type, sub, group, doc, xml, new, nb, nn, en) \
	.map##_##key = nb,
#define NN(map, key, type, sub, group, doc, xml, new, nb, nn, en) \
	.map##_##key = nn,
#define EN(map, key, type, sub, group, doc, xml, new, nb, nn, en) \
	.map##_##key = en,
/* What a restricted view leaves out, by the groups of fields.h. */
#define LEFT_OUT_NB(group, audience, nb, nn, en) [IP_F_##group] = nb,
#define LEFT_OUT_NN(group, audience, nb, nn, en) [IP_F_##group] = nn,
#define LEFT_OUT_EN(group, audience, nb, nn, en) [IP_F_##group] = en,

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
		.draft_status = "utkast, ennå ikke aktivt",
		.period = "Planperiode",
		.coordinator = "Koordinator",
		.next_review = "Neste evaluering",
		.status = "Status",
		.closed = "avsluttet",
		.closed_on = "avsluttet %s",
		.next_overdue = "%s (på overtid)",
		.legal_basis = "Lovgrunnlag",
		.from = "fra %s",
		.until = "til og med %s",
		IP_FIELD_TABLES(NB)
		.person = "Personalia",
		.national_id = { "Identitetsnummer", "Fødselsnummer",
		    "D-nummer", "H-nummer", "FH-nummer" },
		.interpreter_yes = "trengs",
		.interpreter_no = "trengs ikke",
		.yes = "ja",
		.goals = "Mål og delmål",
		.goal = "Mål %s",
		.due = "Frist",
		.goal_status = { "pågår", "oppnådd", "avbrutt" },
		.resources = "Ressurser",
		.needs = "Behov",
		.measures = "Tiltak",
		.measure = "Tiltak %s",
		.serves = "Gjelder",
		.subplan = "Delplan",
		.how = "Gjennomføring",
		.implementation = "Gjennomføring",
		.participants = "Deltakere",
		.roles = { "tjenestemottaker", "pårørende", "tjenesteyter",
		    "annen", "foresatt" },
		.is_coordinator = "koordinator",
		.reviews = "Evalueringer",
		.review = "Evaluering",
		.review_interval = "Evalueringsintervall",
		.units = { { "dag", "dager" }, { "uke", "uker" },
		    { "måned", "måneder" }, { "år", "år" } },
		.review_planned = "planlagt",
		.review_overdue = "planlagt, på overtid",
		.consent = "Samtykke",
		.given = "gitt",
		.by = "av %s",
		.consent_compulsory = "ikke nødvendig fordi personen er under "
		    "tvungent psykisk helsevern",
		.consent_sharing = "Samtykke til å dele opplysninger",
		.valid_until = "gjelder til og med %s",
		.valid_until_past = "gjaldt til og med %s",
		.valid_until_withdrawn = "skulle gjelde til og med %s",
		.covers = "omfatter %s",
		.consent_with = "Deltakere med tilgang",
		.not_recorded = "ikke registrert",
		.withdrawn = "trukket tilbake %s",
		.nobody = "ingen",
		.and = "og",
		.cooperation = "Samarbeid",
		.reason = "Begrunnelse for avslutning",
		.none = "Ikke registrert.",
		.restricted = "Begrenset visning for %s",
		.nid_hidden = "(identitetsnummer skjult)",
		.restricted_why = {
			[IP_WHY_NOT_LISTED] = "Du er ikke omfattet av "
			    "samtykket til å dele opplysninger.",
			[IP_WHY_EXPIRED] = "Samtykket til å dele opplysninger "
			    "gjaldt til og med %s.",
			[IP_WHY_WITHDRAWN] = "Samtykket til å dele opplysninger "
			    "ble trukket tilbake %s.",
			[IP_WHY_PLAN_WITHDRAWN] = "Samtykket til planen ble "
			    "trukket tilbake %s, og med det opphørte all "
			    "deling av opplysninger.",
			[IP_WHY_NO_CONSENT] = "Det er ikke gitt samtykke til "
			    "å dele opplysninger.",
		},
		.restricted_shows = "Denne utgaven av planen viser derfor "
		    "bare det du trenger for å gjøre din del av arbeidet med "
		    "planen. Mål, delmål og tiltak er nummerert fortløpende "
		    "blant dem som vises her, så numrene kan være andre enn i "
		    "hele planen. Dette er utelatt:",
		.left_out_field = { IP_FIELD_GROUPS(LEFT_OUT_NB) },
		.left_out = "Utelatt i begrenset visning.",
		.others_left_out = "Eventuelt annet innhold her er utelatt "
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
		.cf_withdraw = "Å trekke samtykke tilbake",
		.cf_withdraw_text = "Samtykkene er frivillige. Jeg kan når som "
		    "helst trekke dem tilbake, helt eller delvis, uten å "
		    "begrunne det, ved å si fra til koordinatoren for planen.",
		.cf_withdraw_one = "Samtykket er frivillig. Jeg kan når som helst "
		    "trekke det tilbake, helt eller delvis, uten å begrunne det, "
		    "ved å si fra til koordinatoren for planen.",
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
		.cf_child_heard = "Barnet har fått informasjon og anledning "
		    "til å si sin mening før samtykke blir gitt (barneloven "
		    "§ 31).",
		.cf_child_plan_compulsory = "Fordi barnet er under tvungent "
		    "psykisk helsevern, lages planen uten samtykke. Når det "
		    "tvungne vernet opphører, trengs samtykke for at planen skal "
		    "fortsette.",
		.cf_child_withdraw_one = "Samtykket er frivillig. %s kan når "
		    "som helst trekke det tilbake, helt eller delvis, uten å "
		    "begrunne det, ved å si fra til koordinatoren for planen. "
		    "Fra barnet fyller 16 år, samtykker barnet selv.",
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
		.ev_subgoal = "Delmål %s «%s» har passert fristen og "
		    "pågår fortsatt",
		.ev_measure = "Tiltak %s «%s» sluttet, ingen evaluering etterpå",
		.ev_draft = "Utkast til plan, ennå ikke aktivt",
		.ev_never = "Første evaluering var planlagt, ingen er "
		    "gjennomført ennå",
		.ev_file = "Fil",
		.ev_nobody = "ingen",
		.ev_the_person = "personen selv",
		.ev_overdue = "På overtid siden %s",
		.ed_summary_head = "Skriv sammendraget av evalueringsmøtet over "
		    "denne linjen.\n# Linjer som begynner med # tas ikke med, "
		    "og et tomt sammendrag\n# avbryter uten at noe blir skrevet.",
		.ed_open_subgoals = "Delmål som pågår",
		.items = items_nb,
		.lq = "«", .rq = "»",
		.sk_title = "Individuell plan, laget %s med ip-new.",
		.sk_intro = "Planen følger punktene a–i i forskriften om "
		    "individuell plan: over hvert punkt står forskriftens "
		    "ordlyd og et råd om hvordan det skrives godt. Fyll ut "
		    "det som står tomt, og kjør ip-validate på filen: "
		    "programmet viser hvilke punkter som ennå mangler. "
		    "Formatet er beskrevet i ip-plan(5).",
		.sk_privacy = "Filen inneholder helseopplysninger: hold den "
		    "lesbar bare for deg, og del den bare med deltakerne "
		    "samtykket gjelder.",
		.sk_draft = "Et utkast: ip-validate varsler om punktene som "
		    "mangler, uten å stoppe en innsjekking (git commit). Når "
		    "planen er ferdig, skriv status: active; da krever "
		    "ip-validate alle punktene.",
		.sk_legal_basis = "Lovgrunnlaget planen lages etter, ett eller "
		    "flere av:",
		.sk_person = "Personen planen gjelder, tjenestemottakeren i "
		    "forskriften. Ta hensyn til språk og kultur: "
		    "skriv planen på et språk personen forstår, og si om det "
		    "trengs tolk (interpreter: true).",
		.sk_guide = {
			"Skriv målene med personens egne ord: de styrer "
			"tiltakene. Delmål skal være konkrete, noe som kan "
			"observeres, med en dato (due).",
			"Personen har rett til å delta; pårørende deltar så "
			"langt personen ønsker det. Skriv navn, rolle og "
			"hvordan hver enkelt kan nås. For et barn under 16 år: "
			"før opp dem som har foreldreansvar, eller verge "
			"(role: guardian); de samtykker for barnet.",
			"Koordinatoren oppnevnes av tjenestene og skal være "
			"en tjenesteyter (role: provider), aldri personen selv "
			"eller en pårørende.",
			"Skriv under contribution hva hver deltaker konkret "
			"skal gjøre, også personen selv.",
			"Gi hvert tiltak et omfang (extent), en ansvarlig "
			"deltaker (responsible) og målene det gjelder (goals).",
			"Beskriv hvem som gjør hva, hvor og når: under how "
			"for hvert tiltak, eller her for planen som helhet.",
			"Planen skal evalueres på tidspunktene som står her; "
			"en plan som ikke evalueres, blir fort utdatert.",
			"Skriv når samtykket ble gitt og av hvem, og hvilke "
			"deltakere som kan få taushetsbelagte opplysninger: "
			"bare de som er omfattet av samtykket. Hvis personen "
			"trekker tilbake et samtykke, skriv datoen under "
			"withdrawn.",
			"Skriv hvem tjenestene må eller bør samarbeide med, "
			"om hva, og hvem som er kontaktperson.",
		},
		.sk_guide_h_compulsory = "Under tvungent psykisk helsevern "
		    "lages planen uten samtykke; når tvangen opphører, trengs "
		    "samtykke for å fortsette. Skriv likevel hvem som kan få "
		    "taushetsbelagte opplysninger, og datoen under withdrawn "
		    "om et samtykke trekkes tilbake.",
		.sk_goal = "Jeg vil klare meg selv hjemme.",
		.sk_subgoal = "Dusjer selv, med dusjstol, tre dager i uken.",
		.sk_resource = "Godt humør, og en datter som bor i nærheten.",
		.sk_need = "Hjelp til stell om morgenen.",
		.sk_review_hint = "Etter et evalueringsmøte skriver ip-evaluate(1) "
		    "det slik (eller skriv det selv):",
		.sk_review_summary = "Vi gikk gjennom delmålene sammen. Delmål "
		    "1.1 er nådd; tiltak 1 fortsetter.",
		.sk_close_hint = "Når planen avsluttes, skriver ip-close(1) dette "
		    "(eller skriv det selv):",
		.sk_close_reason = "Målene er nådd, og koordinerte tjenester "
		    "trengs ikke lenger.",
		.sk_measure = "Hjemmesykepleie",
		.sk_extent = "3 besøk i uken",
		.sk_how = "Besøk mandag, onsdag og fredag kl. 8–9.",
		.sk_with = "Fastlegen",
		.sk_about = "Medisiner og sårstell",
		.sk_contact = "Legekontoret",
		.sk_provider_id = "hjemmesykepleien",
		.sk_provider_name = "Hjemmesykepleien",
		.sk_provider_contribution = "Besøk og stell som i tiltak 1.",
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
		.draft_status = "utkast, enno ikkje aktivt",
		.period = "Planperiode",
		.coordinator = "Koordinator",
		.next_review = "Neste evaluering",
		.status = "Status",
		.closed = "avslutta",
		.closed_on = "avslutta %s",
		.next_overdue = "%s (på overtid)",
		.legal_basis = "Lovgrunnlag",
		.from = "frå %s",
		.until = "til og med %s",
		IP_FIELD_TABLES(NN)
		.person = "Personalia",
		.national_id = { "Identitetsnummer", "Fødselsnummer",
		    "D-nummer", "H-nummer", "FH-nummer" },
		.interpreter_yes = "trengst",
		.interpreter_no = "trengst ikkje",
		.yes = "ja",
		.goals = "Mål og delmål",
		.goal = "Mål %s",
		.due = "Frist",
		.goal_status = { "pågår", "oppnådd", "avbrote" },
		.resources = "Ressursar",
		.needs = "Behov",
		.measures = "Tiltak",
		.measure = "Tiltak %s",
		.serves = "Gjeld",
		.subplan = "Delplan",
		.how = "Gjennomføring",
		.implementation = "Gjennomføring",
		.participants = "Deltakarar",
		.roles = { "tenestemottakar", "pårørande", "tenesteytar",
		    "annan", "føresett" },
		.is_coordinator = "koordinator",
		.reviews = "Evalueringar",
		.review = "Evaluering",
		.review_interval = "Evalueringsintervall",
		.units = { { "dag", "dagar" }, { "veke", "veker" },
		    { "månad", "månader" }, { "år", "år" } },
		.review_planned = "planlagd",
		.review_overdue = "planlagd, på overtid",
		.consent = "Samtykke",
		.given = "gitt",
		.by = "av %s",
		.consent_compulsory = "ikkje naudsynt fordi personen er under "
		    "tvungent psykisk helsevern",
		.consent_sharing = "Samtykke til å dele opplysningar",
		.valid_until = "gjeld til og med %s",
		.valid_until_past = "galdt til og med %s",
		.valid_until_withdrawn = "skulle gjelde til og med %s",
		.covers = "omfattar %s",
		.consent_with = "Deltakarar med tilgang",
		.not_recorded = "ikkje registrert",
		.withdrawn = "trekt tilbake %s",
		.nobody = "ingen",
		.and = "og",
		.cooperation = "Samarbeid",
		.reason = "Grunngjeving for avsluttinga",
		.none = "Ikkje registrert.",
		.restricted = "Avgrensa vising for %s",
		.nid_hidden = "(identitetsnummer skjult)",
		.restricted_why = {
			[IP_WHY_NOT_LISTED] = "Du er ikkje omfatta av "
			    "samtykket til å dele opplysningar.",
			[IP_WHY_EXPIRED] = "Samtykket til å dele opplysningar "
			    "galdt til og med %s.",
			[IP_WHY_WITHDRAWN] = "Samtykket til å dele opplysningar "
			    "vart trekt tilbake %s.",
			[IP_WHY_PLAN_WITHDRAWN] = "Samtykket til planen vart "
			    "trekt tilbake %s, og med det tok all deling av "
			    "opplysningar slutt.",
			[IP_WHY_NO_CONSENT] = "Det er ikkje gitt samtykke til "
			    "å dele opplysningar.",
		},
		.restricted_shows = "Denne utgåva av planen viser difor "
		    "berre det du treng for å gjere delen din av arbeidet med "
		    "planen. Mål, delmål og tiltak er nummererte fortløpande "
		    "blant dei som er viste her, så numra kan vere andre enn i "
		    "heile planen. Dette er utelate:",
		.left_out_field = { IP_FIELD_GROUPS(LEFT_OUT_NN) },
		.left_out = "Utelate i avgrensa vising.",
		.others_left_out = "Eventuelt anna innhald her er utelate i "
		    "avgrensa vising.",
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
		.cf_withdraw = "Å trekkje samtykke tilbake",
		.cf_withdraw_text = "Samtykka er frivillige. Eg kan når som "
		    "helst trekkje dei tilbake, heilt eller delvis, utan å "
		    "grunngje det, ved å seie frå til koordinatoren for planen.",
		.cf_withdraw_one = "Samtykket er frivillig. Eg kan når som helst "
		    "trekkje det tilbake, heilt eller delvis, utan å grunngje "
		    "det, ved å seie frå til koordinatoren for planen.",
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
		.cf_child_heard = "Barnet har fått informasjon og høve til å "
		    "seie meininga si før samtykke blir gitt (barnelova § 31).",
		.cf_child_plan_compulsory = "Fordi barnet er under tvungent "
		    "psykisk helsevern, blir planen laga utan samtykke. Når det "
		    "tvungne vernet tek slutt, trengst samtykke for at planen "
		    "skal halde fram.",
		.cf_child_withdraw_one = "Samtykket er frivillig. %s kan når "
		    "som helst trekkje det tilbake, heilt eller delvis, utan å "
		    "grunngje det, ved å seie frå til koordinatoren for planen. "
		    "Frå barnet fyller 16 år, samtykkjer barnet sjølv.",
		.cf_signature_of = "Underskrift, %s",
		.printed = "Skriven ut %s",
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
		.ev_subgoal = "Delmål %s «%s» har passert fristen og "
		    "pågår framleis",
		.ev_measure = "Tiltak %s «%s» slutta, inga evaluering etterpå",
		.ev_draft = "Utkast til plan, enno ikkje aktivt",
		.ev_never = "Første evaluering var planlagd, inga er "
		    "gjennomført enno",
		.ev_file = "Fil",
		.ev_nobody = "ingen",
		.ev_the_person = "personen sjølv",
		.ev_overdue = "På overtid sidan %s",
		.ed_summary_head = "Skriv samandraget av evalueringsmøtet over "
		    "denne linja.\n# Linjer som byrjar med # kjem ikkje med, og "
		    "eit tomt samandrag\n# avbryt utan at noko blir skrive.",
		.ed_open_subgoals = "Delmål som pågår",
		.items = items_nn,
		.lq = "«", .rq = "»",
		.sk_title = "Individuell plan, laga %s med ip-new.",
		.sk_intro = "Planen følgjer punkta a–i i forskrifta om "
		    "individuell plan: over kvart punkt står ordlyden "
		    "omsett frå forskrifta og eit råd om korleis det blir "
		    "skrive godt. "
		    "Fyll ut det som står tomt, og køyr ip-validate på fila: "
		    "programmet viser kva punkt som enno manglar. "
		    "Formatet er skildra i ip-plan(5).",
		.sk_privacy = "Fila inneheld helseopplysningar: hald ho lesbar "
		    "berre for deg, og del ho berre med deltakarane "
		    "samtykket gjeld.",
		.sk_draft = "Eit utkast: ip-validate varslar om punkta som "
		    "manglar, utan å stoppe ei innsjekking (git commit). Når "
		    "planen er ferdig, skriv status: active; då krev "
		    "ip-validate alle punkta.",
		.sk_legal_basis = "Lovgrunnlaget planen blir laga etter, eitt "
		    "eller fleire av:",
		.sk_person = "Personen planen gjeld, tenestemottakaren i "
		    "forskrifta. Ta omsyn til språk og kultur: "
		    "skriv planen på eit språk personen forstår, og sei om "
		    "det trengst tolk (interpreter: true).",
		.sk_guide = {
			"Skriv måla med orda til personen sjølv: dei styrer "
			"tiltaka. Delmål skal vere konkrete, noko som kan "
			"observerast, med ein dato (due).",
			"Personen har rett til å delta; pårørande deltek så "
			"langt personen ønskjer det. Skriv namn, rolle og "
			"korleis kvar enkelt kan nåast. For eit barn under 16 år: "
			"før opp dei som har foreldreansvaret, eller verje "
			"(role: guardian); dei samtykkjer for barnet.",
			"Koordinatoren blir oppnemnd av tenestene og skal "
			"vere ein tenesteytar (role: provider), aldri personen "
			"sjølv eller ein pårørande.",
			"Skriv under contribution kva kvar deltakar konkret "
			"skal gjere, også personen sjølv.",
			"Gi kvart tiltak eit omfang (extent), ein ansvarleg "
			"deltakar (responsible) og måla det gjeld (goals).",
			"Skildre kven som gjer kva, kvar og når: under how "
			"for kvart tiltak, eller her for planen som heilskap.",
			"Planen skal evaluerast på tidspunkta som står her; "
			"ein plan som ikkje blir evaluert, blir fort forelda.",
			"Skriv når samtykket vart gitt og av kven, og kva "
			"deltakarar som kan få teiepliktige opplysningar: "
			"berre dei som er omfatta av samtykket. Dersom "
			"personen trekkjer tilbake eit samtykke, skriv datoen "
			"under withdrawn.",
			"Skriv kven tenestene må eller bør samarbeide med, om "
			"kva, og kven som er kontaktperson.",
		},
		.sk_guide_h_compulsory = "Under tvungent psykisk helsevern blir "
		    "planen laga utan samtykke; når tvangen tek slutt, "
		    "trengst samtykke for å halde fram. Skriv likevel kven "
		    "som kan få teiepliktige opplysningar, og datoen under "
		    "withdrawn om eit samtykke blir trekt tilbake.",
		.sk_goal = "Eg vil klare meg sjølv heime.",
		.sk_subgoal = "Dusjar sjølv, med dusjstol, tre dagar i veka.",
		.sk_resource = "Godt humør, og ei dotter som bur i nærleiken.",
		.sk_need = "Hjelp til stell om morgonen.",
		.sk_review_hint = "Etter eit evalueringsmøte skriv ip-evaluate(1) "
		    "det slik (eller skriv det sjølv):",
		.sk_review_summary = "Vi gjekk gjennom delmåla saman. Delmål 1.1 "
		    "er nådd; tiltak 1 held fram.",
		.sk_close_hint = "Når planen blir avslutta, skriv ip-close(1) "
		    "dette (eller skriv det sjølv):",
		.sk_close_reason = "Måla er nådde, og koordinerte tenester trengst "
		    "ikkje lenger.",
		.sk_measure = "Heimesjukepleie",
		.sk_extent = "3 besøk i veka",
		.sk_how = "Besøk måndag, onsdag og fredag kl. 8–9.",
		.sk_with = "Fastlegen",
		.sk_about = "Medisinar og sårstell",
		.sk_contact = "Legekontoret",
		.sk_provider_id = "heimesjukepleia",
		.sk_provider_name = "Heimesjukepleia",
		.sk_provider_contribution = "Besøk og stell som i tiltak 1.",
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
		.legal_basis = "Legal basis",
		.from = "from %s",
		.until = "until and including %s",
		IP_FIELD_TABLES(EN)
		.person = "Personal details",
		.national_id = { "Identity number", "National identity number",
		    "D number", "H number", "FH number" },
		.interpreter_yes = "needed",
		.interpreter_no = "not needed",
		.yes = "yes",
		.goals = "Goals and sub-goals",
		.goal = "Goal %s",
		.due = "Due",
		.goal_status = { "open", "achieved", "dropped" },
		.resources = "Resources",
		.needs = "Needs",
		.measures = "Measures",
		.measure = "Measure %s",
		.serves = "Serves",
		.subplan = "Sub-plan",
		.how = "How",
		.implementation = "Implementation",
		.participants = "Participants",
		.roles = { "service user", "relative", "service provider",
		    "other", "guardian" },
		.is_coordinator = "coordinator",
		.reviews = "Reviews",
		.review = "Review",
		.review_interval = "Review interval",
		.units = { { "day", "days" }, { "week", "weeks" },
		    { "month", "months" }, { "year", "years" } },
		.review_planned = "planned",
		.review_overdue = "planned, overdue",
		.consent = "Consent",
		.given = "given",
		.by = "by %s",
		.consent_compulsory = "not needed, since the person is under "
		    "compulsory mental health care",
		.consent_sharing = "Consent to share information",
		.valid_until = "valid until and including %s",
		.valid_until_past = "was valid until and including %s",
		.valid_until_withdrawn = "was to be valid until and including "
		    "%s",
		.covers = "covers %s",
		.consent_with = "Participants with access",
		.not_recorded = "not recorded",
		.withdrawn = "withdrawn on %s",
		.nobody = "no one",
		.and = "and",
		.cooperation = "Cooperation",
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
		    "you need to do your part in the work on the plan. Goals, "
		    "sub-goals and measures are numbered in turn among those "
		    "shown here, so their numbers may differ from the whole "
		    "plan's. Left out:",
		.left_out_field = { IP_FIELD_GROUPS(LEFT_OUT_EN) },
		.left_out = "Left out of the restricted view.",
		.others_left_out = "Anything else here is left out of the "
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
		.cf_withdraw_one = "The consent is voluntary. I may withdraw it "
		    "at any time, in whole or in part, without giving a reason, "
		    "by telling the coordinator of the plan.",
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
		.cf_child_heard = "The child has been informed and given the "
		    "opportunity to express their views before consent is "
		    "given (Children Act, barneloven § 31).",
		.cf_child_plan_compulsory = "Since the child is under compulsory "
		    "mental health care, the plan is drawn up without consent. "
		    "When the compulsory care ends, consent is needed for the "
		    "plan to go on.",
		.cf_child_withdraw_one = "The consent is voluntary. %s may "
		    "withdraw it at any time, in whole or in part, without "
		    "giving a reason, by telling the coordinator of the plan. "
		    "From the age of 16, the child consents themselves.",
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
		.ev_the_person = "the person",
		.ev_overdue = "Overdue since %s",
		.ed_summary_head = "Write the summary of the evaluation meeting "
		    "above this line.\n# Lines that start with # are left out, "
		    "and an empty summary\n# stops without writing anything.",
		.ed_open_subgoals = "Open sub-goals",
		.items = ip_item_words_en,
		.lq = "“", .rq = "”",
		.sk_title = "Individual plan (individuell plan), made with "
		    "ip-new on %s.",
		.sk_intro = "The plan follows items a–i of the regulation on "
		    "individual plans: above each item stand its words, in "
		    "English, and a hint on writing it well. Fill in what is "
		    "empty and run ip-validate on the file: it shows which "
		    "items are still missing. The format is described in "
		    "ip-plan(5).",
		.sk_privacy = "This file holds health data: keep it readable by "
		    "you alone, and share it only with those the person has "
		    "agreed may see it.",
		.sk_draft = "A draft: ip-validate warns of the items missing "
		    "without stopping a commit. When the plan is done, write "
		    "status: active; then ip-validate requires every item.",
		.sk_legal_basis = "The laws the plan is made under, one or more "
		    "of:",
		.sk_person = "The person the plan is for. Take language and "
		    "culture into account: write the plan in a language the "
		    "person understands, and say if an interpreter is needed "
		    "(interpreter: true).",
		.sk_guide = {
			"Write the goals in the person's own words: they "
			"govern the measures. Make sub-goals concrete, "
			"something that can be observed, with a date (due).",
			"The person has the right to take part; relatives "
			"take part as far as the person wishes. Give each "
			"one's name, role and how to reach them. For a child "
			"under 16, list those with parental responsibility, "
			"or a guardian (role: guardian): they consent for the "
			"child.",
			"The services appoint the coordinator (role: "
			"provider), never the person or a relative.",
			"Under contribution, write what each participant "
			"will actually do, the person too.",
			"Give each measure its scope (extent), a responsible "
			"participant (responsible) and the goals it serves "
			"(goals).",
			"Say who does what, where and when: under how for "
			"each measure, or here for the plan as a whole.",
			"The plan is evaluated at the times set here; a plan "
			"that is never evaluated soon goes out of date.",
			"Write when consent was given and by whom, and which "
			"participants may see confidential information: only "
			"those the person has agreed may see it. If the person "
			"withdraws a consent, write the date under withdrawn.",
			"Write whom the services must or should work with, "
			"about what, and who the contact person is.",
		},
		.sk_guide_h_compulsory = "Under compulsory mental health care "
		    "the plan is made without consent; when the compulsory "
		    "care ends, consent is needed to go on. Still write who "
		    "may see confidential information, and the date under "
		    "withdrawn if a consent is withdrawn.",
		.sk_goal = "I want to manage on my own at home.",
		.sk_subgoal = "Showers on their own, with a shower chair, three "
		    "days a week.",
		.sk_resource = "Good humour, and a daughter who lives nearby.",
		.sk_need = "Help with personal care in the morning.",
		.sk_review_hint = "After an evaluation meeting, ip-evaluate(1) "
		    "writes it so (or write it yourself):",
		.sk_review_summary = "We went through the sub-goals together. "
		    "Sub-goal 1.1 is achieved; measure 1 goes on.",
		.sk_close_hint = "When the plan ends, ip-close(1) writes this (or "
		    "write it yourself):",
		.sk_close_reason = "The goals are reached, and coordinated "
		    "services are no longer needed.",
		.sk_measure = "Home nursing",
		.sk_extent = "3 visits a week",
		.sk_how = "Visits on Monday, Wednesday and Friday, 8–9 am.",
		.sk_with = "The GP",
		.sk_about = "Medication and wound care",
		.sk_contact = "The medical centre",
		.sk_provider_id = "home-nursing",
		.sk_provider_name = "Home nursing service",
		.sk_provider_contribution = "Visits and personal care as in "
		    "measure 1.",
	},
};

const struct ip_labels *
ip_labels(enum ip_lang lang)
{
	return &labels[lang <= IP_LANG_EN ? lang : IP_LANG_NB];
}

const struct ip_labels *
ip_labels_messages(void)
{
	/* TRANSLATORS: the code of this catalogue's language (nb, nn),
	 * for the lang attribute of ip-stats' HTML page and the words it
	 * shares with the documents, whose words are in the messages'
	 * language. */
	const char *code = _("en");

	for (int i = 0; ip_vocab_lang[i] != NULL; i++)
		if (strcmp(ip_vocab_lang[i], code) == 0)
			return ip_labels((enum ip_lang)i);
	return ip_labels(IP_LANG_EN);
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
