# t-fhir.sh - ip-export --format fhir and fhir-json: every plan that
# exports is a Bundle, a collection and a transaction, that HL7's R4 XML
# Schema and JSON Schema accept (tests/fhir-r4), whose XML and JSON say
# the same (tests/fhir-json.py), that keeps every FHIRPath invariant of
# R4 (tests/fhir-invariants.js) and what else the schemas cannot check
# (tests/fhir-check.py); ids that two plans or two views never share;
# restricted views hold only what the visibility table shows, every
# resource labelled; Norwegian identities; reruns, -o, the national id's
# kinds, and the checkers themselves.  The golden Bundles are
# tests/export/*-fhir*.args, with the other golden exports.  Sourced by
# run.sh.

FHIR_XSD=$TESTS/fhir-r4/fhir-single.xsd
FHIR_CHECK="python3 $TESTS/fhir-check.py"
FHIR_JSON="python3 $TESTS/fhir-json.py"
FHIR_NODE="env NODE_PATH=$BUILD/npm/node_modules node"
FHIR_INVARIANTS="$FHIR_NODE $TESTS/fhir-invariants.js"
FHIR_SCHEMA="$FHIR_NODE $TESTS/fhir-schema.js"
FHIR=$TMP/fhir

fhir_fresh() {
	rm -rf "$FHIR/t" && mkdir -p "$FHIR/t" && cd "$FHIR/t"
}

# The participants' ids of the plan $1, one a line, from its XML.
fhir_ids() {
	ip-export --today $TODAY --format xml "$1" 2>/dev/null |
		xmllint --xpath '//*[local-name()="participant"]/@id' - \
		2>/dev/null | sed 's/ id="\([^"]*\)"/\1\n/g' | sed '/^$/d'
}

# fhir_xpath FILE EXPR: the XPath on a Bundle, its namespace taken off
# (xmllint --xpath takes no prefixes).
fhir_xpath() {
	sed 's| xmlns="http://hl7.org/fhir"||' "$1" | xmllint --xpath "$2" -
}

# --- every plan that exports, in every view ----------------------------------

# Examples and fixtures export, whole and for each participant, as XML
# and as JSON, into $FHIR/all (NAME.xml and NAME.json); those of
# tests/validate that do not load, or that the FHIR export refuses (exit
# 1, said why), are not Bundles.  The examples export as transactions
# too.  Under valgrind the examples alone, whole.
fhir_plans="$TOP/examples/*.yaml $TESTS/export/*.yaml" fhir_min=3
[ -z "${IPLAN_VALGRIND:-}" ] && fhir_min=100 &&
	fhir_plans="$fhir_plans $TESTS/validate/*.yaml $TESTS/fuzz/regress/*/*"
mkdir -p "$FHIR/all"
t "fhir: every plan exports, or is refused with a reason, never in trouble" "
	for plan in $fhir_plans; do
		[ -f \"\$plan\" ] || continue
		name=\$(basename \"\$plan\" .yaml)
		ip-export --today $TODAY --format fhir \"\$plan\" \
			>'$FHIR/all/'\"\$name.xml\" 2>'$FHIR/err'
		rc=\$?
		if [ \$rc = 1 ] && [ -s '$FHIR/err' ]; then
			rm '$FHIR/all/'\"\$name.xml\"; continue
		fi
		[ \$rc = 0 ] || { echo \"\$plan: exit \$rc\"; exit 1; }
		exits 0 ip-export --today $TODAY --format fhir-json \
			\"\$plan\" >'$FHIR/all/'\"\$name.json\" || exit 1
		[ -n \"\${IPLAN_VALGRIND:-}\" ] && continue
		for id in \$(fhir_ids \"\$plan\"); do
			for f in fhir:xml fhir-json:json; do
				exits 0 ip-export --today $TODAY \
					--format \${f%:*} --for \"\$id\" \"\$plan\" \
					>'$FHIR/all/'\"\$name-for-\$id.\${f#*:}\" ||
					exit 1
			done
		done
	done &&
	for plan in '$TOP'/examples/*.yaml; do
		name=\$(basename \"\$plan\" .yaml)
		for f in fhir:xml fhir-json:json; do
			exits 0 ip-export --today $TODAY --format \${f%:*} \
				--bundle transaction \"\$plan\" \
				>'$FHIR/all/'\"\$name-transaction.\${f#*:}\" ||
				exit 1
		done
	done &&
	for g in '$TESTS'/export/*-fhir*.out; do
		cp \"\$g\" '$FHIR/all/golden-'\"\$(basename \"\$g\" .out).xml\"
	done"

# One xmllint for them all: compiling the schema is most of its time.
t_plain "fhir: every Bundle is valid FHIR R4, offline" "
	cd '$FHIR/all' && n=\$(ls *.xml | wc -l) &&
	test \$n -ge $fhir_min &&
	xmllint --nonet --noout --schema '$FHIR_XSD' *.xml 2>'$FHIR/err' &&
	test \$(grep -c ' validates\$' '$FHIR/err') = \$n"

t_plain "fhir: no empty element, unique fullUrls, every reference resolves" "
	cd '$FHIR/all' && $FHIR_CHECK *.xml"

# The JSON: HL7's JSON Schema, the same content as the XML, and every
# invariant of R4 in every Bundle (the XML holds what its JSON holds).
t_plain "fhir-json: every Bundle is valid against HL7's R4 JSON Schema" "
	cd '$FHIR/all' && n=\$(ls *.json | wc -l) && test \$n -ge $fhir_min &&
	$FHIR_SCHEMA *.json"

t_plain "fhir-json: each Bundle in JSON says what it says in XML" "
	cd '$FHIR/all' && n=0 && set -- &&
	for j in *.json; do
		set -- \"\$@\" \"\${j%.json}.xml\" \"\$j\"; n=\$((n + 1))
	done && test \$n -ge $fhir_min && $FHIR_JSON \"\$@\""

t_plain "fhir: every Bundle keeps every FHIRPath invariant of R4" "
	cd '$FHIR/all' && $FHIR_INVARIANTS *.json"

t_no_vg "fhir --bundle transaction: a PUT of every entry at Type/id" "
	cd '$FHIR/all' && n=0 &&
	for f in *-transaction.xml; do
		fhir_xpath \$f 'string(/Bundle/type/@value)' | grep -qx transaction &&
		test \"\$(fhir_xpath \$f 'count(//entry)')\" -gt 5 &&
		test \"\$(fhir_xpath \$f 'count(//entry[request/method/@value=\"PUT\"
		    and request/url/@value=concat(local-name(resource/*), \"/\",
		    resource/*/id/@value)])')\" = \"\$(fhir_xpath \$f 'count(//entry)')\" ||
			{ echo \"\$f\"; exit 1; }
		n=\$((n + 1))
	done && test \$n -ge 3"

# --- restricted views -----------------------------------------------------------

# fhir_restricted PLAN ID: the Bundle for ID, if the view is restricted,
# holds nothing the table hides from those outside the consent.
fhir_restricted() {
	ip-export --today $TODAY --format fhir "$1" >full.fhir &&
	ip-export --today $TODAY --format xml "$1" >full.xml &&
	ip-export --today $TODAY --format fhir --for "$2" "$1" >view.fhir ||
		return 1
	# the restricted are marked so; the covered see the whole plan
	if [ "$(fhir_xpath view.fhir 'count(/Bundle/meta/security[code/@value="REDACTED"])')" = 0 ]; then
		same full.fhir view.fhir
		return
	fi
	echo restricted >>restricted
	el() { printf '*[local-name()="%s"]' "$1"; }
	coord=$(xmllint --xpath "string(//$(el coordinator)/@ref)" full.xml)
	# nothing of the person's but the name; no consent, status,
	# reviews, notes but the notice; only the viewer's and the
	# coordinator's people, the coordinator's contact alone
	# every resource labelled, not only the Bundle
	n=$(fhir_xpath view.fhir 'count(//resource/*[not(meta/security/code/@value = "REDACTED")])')
	test "$n" = 0 || { echo "$2: $n resources not labelled"; return 1; }
	n=$(fhir_xpath view.fhir 'count(//Patient/*[not(self::id or self::name
		or self::meta or self::text)]
		| //Consent | //CarePlan/activity[not(@id)]
		| //CarePlan/note[position() > 1] | //CareTeam/status
		| //RelatedPerson/relationship | //CarePlan/status[@value != "unknown"]
		| //CareTeam/participant[count(role) > 2])')
	test "$n" = 0 || { echo "$2: $n hidden fields shown"; return 1; }
	for who in $(fhir_xpath view.fhir '//Practitioner/name/text/@value
	    | //RelatedPerson/name/text/@value' 2>/dev/null |
	    sed 's/ value="\([^"]*\)"/\1\n/g' | tr ' ' '_'); do
		who=$(echo "$who" | tr '_' ' ')
		q=$(xmllint --xpath "string(//$(el participant)[$(el name)='$who']/@id)" full.xml)
		[ "$q" = "$2" ] || [ "$q" = "$coord" ] ||
			{ echo "$2: $who shown"; return 1; }
	done
	cname=$(xmllint --xpath "string(//$(el participant)[@id='$coord']/$(el name))" full.xml)
	n=$(fhir_xpath view.fhir "count((//Practitioner | //RelatedPerson)[name/text/@value != '$cname']/telecom)")
	test "$n" = 0 || { echo "$2: contact of others shown"; return 1; }
	# measures: the viewer's own; goals: those they list
	for m in $(fhir_xpath view.fhir '//activity/@id' 2>/dev/null |
	    sed 's/ id="\([^"]*\)"/\1 /g'); do
		r=$(xmllint --xpath "string(//$(el measure)[@id='$m']/$(el responsible)/@ref)" full.xml)
		[ "$r" = "$2" ] || { echo "$2: measure $m shown"; return 1; }
	done
	own=" $(xmllint --xpath "//$(el measure)[$(el responsible)/@ref='$2']/$(el goals)/$(el goal)/@ref" \
	    full.xml 2>/dev/null | sed 's/ ref="\([^"]*\)"/\1 /g' | tr '\n' ' ') "
	for g in $(fhir_xpath view.fhir '//Goal/identifier/value/@value' \
	    2>/dev/null | sed 's/ value="\([^"]*\)"/\1 /g'); do
		case $own in *" $g "*) ;; *) echo "$2: goal $g shown"; return 1 ;; esac
	done
	# no value of the hidden fields, word for word
	fhir_xpath full.fhir '//Patient/identifier/value/@value
	    | //Patient/telecom/value/@value | //Patient/address/text/@value
	    | //CarePlan/note/text/@value' 2>/dev/null |
	    sed 's/^ *value="\(.*\)"$/\1/' | sed 's/ value="/\n/g; s/"$//' |
	    while IFS= read -r v; do
		[ -n "$v" ] && grep -qF -- "value=\"$v\"" view.fhir &&
			{ echo "$2: shown: $v"; exit 1; }
		:
	done
}

for fhir_plan in "$TOP"/examples/*.yaml "$TESTS"/export/*.yaml; do
	[ -n "${IPLAN_VALGRIND:-}" ] && break
	fhir_name=$(basename "$fhir_plan" .yaml)
	# refused: ids used twice, no plan id
	[ "$fhir_name" = dangling ] && continue
	grep -q '^id:' "$fhir_plan" || continue
	t "fhir $fhir_name: every participant's view holds what the table shows" "
		fhir_fresh && : >restricted &&
		for id in \$(fhir_ids '$fhir_plan'); do
			fhir_restricted '$fhir_plan' \"\$id\" || exit 1
		done"
done

# Under valgrind, neither this check of the views chosen (the goldens
# export two of them) nor the reruns below, which repeat exports done.
t_no_vg "fhir: the restricted views tested are restricted ones" "
	fhir_fresh && n=0 &&
	for p in export/kari:per ../examples/amina-psychiatric:ingvild \
	    ../examples/lars-kvalifisering:kjetil; do
		ip-export --today $TODAY --format fhir --for \${p#*:} \
			'$TESTS/'\${p%%:*}.yaml >v &&
		grep -q '<code value=\"REDACTED\"/>' v && n=\$((n + 1))
	done && test \$n = 3"

# --- the same bytes, and -o ---------------------------------------------------

t_no_vg "fhir: byte-identical across runs, clocks and locales" "
	fhir_fresh &&
	for plan in '$TOP'/examples/*.yaml '$TESTS/export/kari.yaml'; do
		ip-export --today $TODAY --format fhir \"\$plan\" >a &&
		TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 ip-export --today $TODAY \
			--format fhir \"\$plan\" >b &&
		cmp a b || exit 1
	done &&
	ip-export --today $TODAY --format fhir --for per \
		'$TESTS/export/kari.yaml' >c &&
	TZ=America/Adak ip-export --today $TODAY --format fhir --for per \
		'$TESTS/export/kari.yaml' >d && cmp c d"

t "fhir -o: the same bytes as standard output, the mode it had, atomically" "
	fhir_fresh && echo old >plan.xml && chmod 644 plan.xml &&
	ino=\$(stat -c %i plan.xml) &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >want &&
	exits 0 ip-export --today $TODAY --format fhir -o plan.xml \
		'$TESTS/export/kari.yaml' &&
	same want plan.xml && test \$(stat -c %i plan.xml) != \$ino &&
	test \$(stat -c %a plan.xml) = 644 &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'plan.xml want '"

t "fhir -o: a plan it refuses leaves the file as it was" "
	fhir_fresh && echo old >plan.xml &&
	exits 1 ip-export --format fhir -o plan.xml \
		'$TESTS/export/dangling.yaml' 2>err &&
	echo old >want && same want plan.xml &&
	grep -q ': not exported\$' err &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'err plan.xml want '"

# --- what it says ---------------------------------------------------------------

t "fhir --language: the texts and displays in it, the codes not" "
	fhir_fresh &&
	ip-export --today $TODAY --format fhir --language en \
		'$TESTS/export/kari.yaml' >en &&
	ip-export --today $TODAY --format fhir --language nn \
		'$TESTS/export/kari.yaml' >nn &&
	test \"\$(fhir_xpath en 'string(//CarePlan/category/text/@value)')\" = 'Individual plan' &&
	test \"\$(fhir_xpath en 'string(/Bundle/language/@value)')\" = en &&
	test \"\$(fhir_xpath nn 'string(//CarePlan/category/text/@value)')\" = 'Individuell plan' &&
	test \"\$(fhir_xpath en 'string(//CarePlan/category/coding/code/@value)')\" = A02-2 &&
	! cmp -s en nn"

# The kind of national id names the identifier's system.
t "fhir: the national id's system is its kind's; an H-nummer's its type" "
	fhir_fresh &&
	for c in check-digit:x ok-dnummer:4.2 hnr:HNR fhnr:4.3 synthetic:4.1; do
		f='$TESTS/validate/national-id-'\${c%%:*}.yaml
		kind=\${c#*:}
		if [ \$kind = x ]; then
			exits 1 ip-export --today $TODAY --format fhir \$f \
				>out 2>err && test ! -s out &&
			grep -q '\[national-id\]' err || exit 1
			continue
		fi
		exits 0 ip-export --today $TODAY --format fhir \$f >out 2>err ||
			exit 1
		sys=\$(fhir_xpath out 'string(//Patient/identifier/system/@value)')
		type=\$(fhir_xpath out 'string(//Patient/identifier/type/coding/code/@value)')
		case \$kind in
		HNR) test \"\$type\" = HNR && test -z \"\$sys\" ;;
		*) test \"\$sys\" = urn:oid:2.16.578.1.12.4.1.\$kind &&
			test -z \"\$type\" ;;
		esac || { echo \"\$c: '\$sys' '\$type'\"; exit 1; }
		if [ \${c%%:*} = synthetic ]; then
			grep -q 'warning: .*synthetic.*\[test-national-id\]' err
		else
			test ! -s err
		fi || { cat err; exit 1; }
	done"

# The UUIDs come from the plan's id and its local ids, not from the
# national id: another id, the same fullUrls; another plan id, none the
# same.
t "fhir: fullUrls from the plan's id and local ids, never the national id" "
	fhir_fresh &&
	sed 's/03105827724/43105827718/' '$TESTS/export/kari.yaml' >nid.yaml &&
	sed 's/^id: .*/id: IP-OTHER/' '$TESTS/export/kari.yaml' >pid.yaml &&
	! cmp -s nid.yaml '$TESTS/export/kari.yaml' &&
	for f in '$TESTS/export/kari.yaml' nid.yaml pid.yaml; do
		ip-export --today $TODAY --format fhir \"\$f\" |
			grep '<fullUrl' | sort >\$(basename \$f).urls || exit 1
	done &&
	test \$(wc -l <kari.yaml.urls) -gt 10 &&
	same kari.yaml.urls nid.yaml.urls &&
	test -z \"\$(comm -12 kari.yaml.urls pid.yaml.urls)\""

# Two plans, a plan and its views, two views: never one resource id.  A
# plan without id has none to make them from, and is refused.
t "fhir: two plans, or two views of one, never share a resource id" "
	fhir_fresh &&
	sed 's/^format: iplan\/1\$/&\\nid: IP-2026-0099/' '$TESTS/export/closed.yaml' \
		>closed.yaml && grep -q '^id: IP-2026-0099' closed.yaml &&
	ip-export --today $TODAY --format fhir closed.yaml >a &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >b &&
	ip-export --today $TODAY --format fhir --for per \
		'$TESTS/export/kari.yaml' >c &&
	lars='$TOP/examples/lars-kvalifisering.yaml' &&
	ip-export --today $TODAY --format fhir --for ingeborg \$lars >d &&
	ip-export --today $TODAY --format fhir --for kjetil \$lars >e &&
	ip-export --today $TODAY --format fhir \$lars >f &&
	grep -q REDACTED c && grep -q REDACTED d && grep -q REDACTED e &&
	for f in a b c d e f; do
		fhir_xpath \$f '//entry/fullUrl/@value' | tr ' ' '\n' |
			sed '/^\$/d' | sort >\$f.ids || exit 1
		test \$(wc -l <\$f.ids) -gt 5 || exit 1
	done &&
	for p in a:b b:c d:e d:f e:f; do
		test -z \"\$(comm -12 \${p%:*}.ids \${p#*:}.ids)\" ||
			{ echo \"\$p share\"; exit 1; }
	done &&
	for f in fhir fhir-json; do
		exits 1 ip-export --today $TODAY --format \$f \
			'$TESTS/export/closed.yaml' >out 2>err &&
		test ! -s out && grep -q 'has no id' err || exit 1
	done"

t "fhir: a plan whose dates are out of order is refused" "
	fhir_fresh &&
	sed 's/^  end: 2027-01-14\$/  end: 2025-01-14/' '$TESTS/export/kari.yaml' \
		>late.yaml && ! cmp -s late.yaml '$TESTS/export/kari.yaml' &&
	exits 1 ip-export --today $TODAY --format fhir-json late.yaml \
		>out 2>err && test ! -s out && grep -q '\[date-order\]' err &&
	grep -q 'not exported as FHIR' err"

# Norwegian identities: an HPR-nummer, organisasjonsnumre, the no-basis
# profiles; names told apart; identifiers with a system.
t "fhir: HPR-nummer, organisasjonsnummer and no-basis profiles" "
	fhir_fresh &&
	f='$TESTS/validate/identities.yaml' &&
	ip-export --today $TODAY --format fhir \$f >out 2>err &&
	test \"\$(fhir_xpath out 'string(//Practitioner/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.4.4\"]/value/@value)')\" = 9144900 &&
	test \"\$(fhir_xpath out 'count(//Organization/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.4.101\"][value/@value=\"974760673\" or value/@value=\"889640782\"])')\" = 2 &&
	for r in Patient Practitioner RelatedPerson Organization; do
		test \"\$(fhir_xpath out \"count(//\$r[not(meta/profile/@value = 'http://hl7.no/fhir/StructureDefinition/no-basis-\$r')])\")\" = 0 &&
		test \"\$(fhir_xpath out \"count(//\$r)\")\" -gt 0 || exit 1
	done &&
	test \"\$(fhir_xpath out 'string(//Practitioner/name/family/@value)')\" = Hansen &&
	test \"\$(fhir_xpath out 'string(//Practitioner/name/given/@value)')\" = Ola &&
	test \"\$(fhir_xpath out 'count(//identifier[not(system) and not(type/coding/code/@value=\"HNR\")])')\" = 0 &&
	exits 1 ip-export --today $TODAY --format fhir \
		'$TESTS/validate/identities-bad.yaml' >out 2>err &&
	test \$(grep -c '\[identifier\]' err) = 3"

t "fhir: every identifier has a system, but an H-nummer's" "
	cd '$FHIR/all' &&
	for f in *.xml; do
		test \"\$(fhir_xpath \$f 'count(//identifier[not(system) and not(type/coding/code/@value=\"HNR\")])')\" = 0 ||
			{ echo \$f; exit 1; }
	done"

# --- the checkers can fail --------------------------------------------------------

# fhir_fault KEY PYTHON: kari's Bundle in JSON, changed by the Python
# statement (on b, the Bundle, and r(Type), its first resource of that
# type), breaks the invariant KEY, and the check says so.
fhir_fault() {
	python3 -c "
import json
b = json.load(open('kari.json'))
def r(t):
    return next(e['resource'] for e in b['entry']
                if e['resource']['resourceType'] == t)
$2
json.dump(b, open('broken.json', 'w'))" &&
	exits 1 $FHIR_INVARIANTS broken.json >out && grep -q "^broken.json: $1 " out ||
		{ echo "not caught: $1"; cat out; return 1; }
}

t "fhir invariants: the check finds what breaks them" "
	fhir_fresh &&
	ip-export --today $TODAY --format fhir-json '$TESTS/export/kari.yaml' \
		>kari.json && $FHIR_INVARIANTS kari.json &&
	fhir_fault ctm-1 \"p = r('CareTeam')['participant']; rp = next(e['fullUrl'] for e in b['entry'] if e['resource']['resourceType'] == 'RelatedPerson'); p[0]['member'] = {'reference': rp}; p[0]['onBehalfOf'] = {'reference': 'urn:uuid:0'}\" &&
	fhir_fault org-1 \"del r('Organization')['name']; r('Organization').pop('identifier', None)\" &&
	fhir_fault per-1 \"r('CarePlan')['period'] = {'start': '2027-01-01', 'end': '2026-01-01'}\" &&
	fhir_fault dom-6 \"del r('Goal')['text']\" &&
	fhir_fault ele-1 \"r('Patient')['address'] = [{}]\" &&
	fhir_fault bdl-3 \"b['entry'][0]['request'] = {'method': 'PUT', 'url': 'CarePlan/x'}\" &&
	fhir_fault ext-1 \"r('Goal').setdefault('extension', []).append({'url': 'x'})\" &&
	fhir_fault ppc-1 \"del r('Consent')['policyRule']; r('Consent').pop('policy', None)\""

t "fhir-json checkers: the schema and the XML find what differs" "
	fhir_fresh &&
	ip-export --today $TODAY --format fhir-json '$TESTS/export/kari.yaml' >kari.json &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >kari.xml &&
	$FHIR_SCHEMA kari.json && $FHIR_JSON kari.xml kari.json &&
	python3 -c \"
import json
b = json.load(open('kari.json'))
b['entry'][0]['resource']['title'] = ['x']
json.dump(b, open('array.json', 'w'))
b = json.load(open('kari.json'))
b['entry'][0]['resource']['intent'] = 'order'
json.dump(b, open('other.json', 'w'))\" &&
	exits 1 $FHIR_SCHEMA array.json >out && grep -q 'title' out &&
	exits 1 $FHIR_JSON kari.xml other.json >out && grep -q 'intent' out"


# fhir_break SED-SCRIPT MESSAGE: the Bundle of kari.yaml changed by the
# script fails the check with the message.
fhir_break() {
	sed "$1" kari.xml >broken.xml && ! cmp -s kari.xml broken.xml &&
	exits 1 $FHIR_CHECK broken.xml >out && grep -q -- "$2" out ||
		{ echo "not caught: $1"; cat out; return 1; }
}

t "fhir checker: it finds what it looks for" "
	fhir_fresh &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >kari.xml &&
	$FHIR_CHECK kari.xml &&
	fhir_break 's|<text value=\"Individuell plan\"/>|<text value=\"\"/>|' ele-1 &&
	fhir_break 's|<code value=\"A02-2\"/>|<code/>|' ele-1 &&
	patient=\$(fhir_xpath kari.xml 'string(//entry[resource/Patient]/fullUrl/@value)') &&
	careteam=\$(fhir_xpath kari.xml 'string(//entry[resource/CareTeam]/fullUrl/@value)') &&
	fhir_break \"s|<reference value=.\$patient./>|<reference value=\\\"urn:uuid:0\\\"/>|\" 'is no entry' &&
	fhir_break \"/<subject>/,/<\\/subject>/s|\$patient|\$careteam|\" 'refers to a CareTeam' &&
	fhir_break \"0,/<fullUrl value=\\\"[^\\\"]*\\\"/s||<fullUrl value=\\\"\$patient\\\"|\" 'used twice'"
