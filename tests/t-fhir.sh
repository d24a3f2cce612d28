# t-fhir.sh - ip-export --format fhir and fhir-json: every plan that
# exports is a Bundle, a collection and a transaction, that HL7's R4 XML
# Schema and JSON Schema accept (tests/fhir-r4), whose XML and JSON say
# the same (tests/fhir-json.py), that keeps every FHIRPath invariant of
# R4 (tests/fhir-invariants.js), meets HL7 Norway's no-basis profiles
# (tests/fhir-no-basis.py) and what else the schemas cannot check
# (tests/fhir-check.py); ids that two plans or two views never share;
# restricted views hold only what the visibility table shows, every
# resource labelled; Norwegian identities; reruns, -o, the national id's
# kinds, and the checkers themselves.  The golden Bundles are
# tests/export/*-fhir*.args, with the other golden exports.

. "$(dirname "$0")/lib.sh"

FHIR_XSD=$TESTS/fhir-r4/fhir-single.xsd
FHIR_CHECK="python3 $TESTS/fhir-check.py"
FHIR_JSON="python3 $TESTS/fhir-json.py"
FHIR_NODE="env NODE_PATH=$BUILD/npm/node_modules node"
FHIR_INVARIANTS="$FHIR_NODE $TESTS/fhir-invariants.js"
FHIR_SCHEMA="$FHIR_NODE $TESTS/fhir-schema.js"
FHIR_NO_BASIS="python3 $TESTS/fhir-no-basis.py"
FHIR=$TMP/fhir

fresh() {
	rm -rf "$FHIR/t" && mkdir -p "$FHIR/t" && cd "$FHIR/t"
}

# The participants' ids of the plan $1, one a line, from its XML.
fhir_ids() {
	ip-export --today $TODAY --format xml "$1" 2>/dev/null |
		xmllint --xpath '//*[local-name()="participant"]/@id' - \
		2>/dev/null | sed 's/ id="\([^"]*\)"/\1\n/g' | sed '/^$/d'
}

# xpath FILE EXPR: the XPath on a Bundle, its namespace taken off
# (xmllint --xpath takes no prefixes).
xpath() {
	sed 's| xmlns="http://hl7.org/fhir"||' "$1" | xmllint --xpath "$2" -
}

# --- every plan that exports, in every view ----------------------------------

# Examples and fixtures export, whole and for each participant, as XML
# and as JSON, into $FHIR/all (NAME.xml and NAME.json); those of
# tests/validate that do not load, or that the FHIR export refuses (exit
# 1, said why), are not Bundles.  The examples export as transactions
# too.  Under valgrind the examples alone, whole.
plans="$TOP/examples/*.yaml $TESTS/export/*.yaml" min=3
[ -z "${IPLAN_VALGRIND:-}" ] && min=100 &&
	plans="$plans $TESTS/validate/*.yaml $TESTS/fuzz/regress/*/*"
# The browser stage's checks in node read the JSON alone.
formats="fhir:xml fhir-json:json"
[ -z "${IPLAN_BROWSER:-}" ] || formats=fhir-json:json
mkdir -p "$FHIR/all"
export_all="
	for plan in $plans; do
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
			for f in $formats; do
				exits 0 ip-export --today $TODAY \
					--format \${f%:*} --for \"\$id\" \"\$plan\" \
					>'$FHIR/all/'\"\$name-for-\$id.\${f#*:}\" ||
					exit 1
			done
		done
	done &&
	for plan in '$TOP'/examples/*.yaml; do
		name=\$(basename \"\$plan\" .yaml)
		for f in $formats; do
			exits 0 ip-export --today $TODAY --format \${f%:*} \
				--bundle transaction \"\$plan\" \
				>'$FHIR/all/'\"\$name-transaction.\${f#*:}\" ||
				exit 1
		done
	done &&
	for g in '$TESTS'/export/*-fhir*.expect; do
		cp \"\$g\" '$FHIR/all/golden-'\"\$(basename \"\$g\" .expect).xml\"
	done"
t "fhir: every plan exports, or is refused with a reason, never in trouble" \
	"$export_all"
# The browser stage, which runs no other test, makes them for its checks
# in node.
t_browser "fhir: every plan exports for the checks in node" "$export_all"

# One xmllint for them all: compiling the schema is most of its time.
t_plain "fhir: every Bundle is valid FHIR R4, offline" "
	cd '$FHIR/all' && n=\$(ls *.xml | wc -l) &&
	test \$n -ge $min &&
	xmllint --nonet --noout --schema '$FHIR_XSD' *.xml 2>'$FHIR/err' &&
	test \$(grep -c ' validates\$' '$FHIR/err') = \$n"

t_plain "fhir: no empty element, unique fullUrls, every reference resolves, identifiers with a system" "
	cd '$FHIR/all' && $FHIR_CHECK *.xml"

# The JSON: HL7's JSON Schema, the same content as the XML, and every
# invariant of R4 in every Bundle (the XML holds what its JSON holds).
# Each node check starts by compiling what it checks against, which is
# most of its cost: one run over every Bundle and the seeded faults that
# show it can fail, which it must find and only them.
t_browser "fhir-json: every Bundle is valid against HL7's R4 JSON Schema; a fault is not" "
	fresh && n=\$(ls '$FHIR/all'/*.json | wc -l) &&
	test \$n -ge $min && python3 -c \"
import json
b = json.load(open('$FHIR/all/kari.json'))
b['entry'][0]['resource']['title'] = ['x']
json.dump(b, open('array.json', 'w'))\" &&
	exits 1 $FHIR_SCHEMA '$FHIR/all'/*.json array.json >out &&
	grep -q '^array.json: /entry/0/resource/title: ' out &&
	test -z \"\$(grep -v '^array.json: ' out)\"
"

t_plain "fhir-json: each Bundle in JSON says what it says in XML" "
	cd '$FHIR/all' && n=0 && set -- &&
	for j in *.json; do
		set -- \"\$@\" \"\${j%.json}.xml\" \"\$j\"; n=\$((n + 1))
	done && test \$n -ge $min && $FHIR_JSON \"\$@\""

# fhir_faults CHECK CMD PLAN FILE...: each fault tests/fhir-faults.py
# seeds for CHECK in PLAN's Bundle in JSON breaks the check CMD, and one
# run of CMD over them, that Bundle and the FILEs names each fault's file
# (KEY.json, or KEY.WHICH.json) with its KEY, and no other file.
fhir_faults() {
	fault_check=$1 fault_cmd=$2
	ip-export --today $TODAY --format fhir-json "$3" >good.json &&
	python3 "$TESTS/fhir-faults.py" $fault_check good.json >keys &&
	test -s keys || return 1
	shift 3
	exits 1 $fault_cmd good.json $(sed 's/$/.json/' keys) "$@" >out ||
		return 1
	awk -F': ' 'NR == FNR { k[$0 ".json"]; next } !($1 in k)' keys out \
		>wrong && { test ! -s wrong || { cat wrong; return 1; }; }
	while read -r key; do
		grep -q "^$key.json: ${key%%.*} " out ||
			{ echo "not caught: $key"; cat out; return 1; }
	done <keys
}

t_browser "fhir: every Bundle keeps every FHIRPath invariant of R4; faults do not" "
	fresh && n=\$(ls '$FHIR/all'/*.json | wc -l) &&
	test \$n -ge $min && fhir_faults invariants '$FHIR_INVARIANTS' \
		'$TESTS/export/kari.yaml' '$FHIR/all'/*.json"

t_plain "fhir: every Bundle meets the no-basis profiles it claims; faults do not" "
	fresh && n=\$(ls '$FHIR/all'/*.json | wc -l) &&
	test \$n -ge $min && fhir_faults no-basis '$FHIR_NO_BASIS' \
		'$TESTS/validate/identities.yaml' '$FHIR/all'/*.json"

t_no_vg "fhir --bundle transaction: a PUT of every entry at Type/id" "
	cd '$FHIR/all' && n=0 &&
	for f in *-transaction.xml; do
		xpath \$f 'string(/Bundle/type/@value)' | grep -qx transaction &&
		test \"\$(xpath \$f 'count(//entry)')\" -gt 5 &&
		test \"\$(xpath \$f 'count(//entry[request/method/@value=\"PUT\"
		    and request/url/@value=concat(local-name(resource/*), \"/\",
		    resource/*/id/@value)])')\" = \"\$(xpath \$f 'count(//entry)')\" ||
			{ echo \"\$f\"; exit 1; }
		n=\$((n + 1))
	done && test \$n -ge 3"

# --- restricted views -----------------------------------------------------------

# restricted PLAN ID: the Bundle for ID, if the view is restricted,
# holds nothing the table hides from those outside the consent.
restricted() {
	ip-export --today $TODAY --format fhir "$1" >full.fhir &&
	ip-export --today $TODAY --format xml "$1" >full.xml &&
	ip-export --today $TODAY --format fhir --for "$2" "$1" >view.fhir ||
		return 1
	# the restricted are marked so; the covered see the whole plan
	if [ "$(xpath view.fhir 'count(/Bundle/meta/security[code/@value="REDACTED"])')" = 0 ]; then
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
	n=$(xpath view.fhir 'count(//resource/*[not(meta/security/code/@value = "REDACTED")])')
	test "$n" = 0 || { echo "$2: $n resources not labelled"; return 1; }
	n=$(xpath view.fhir 'count(//Patient/*[not(self::id or self::name
		or self::meta or self::text)]
		| //Consent | //CarePlan/activity[not(@id)]
		| //CarePlan/note[position() > 1] | //CareTeam/status
		| //RelatedPerson/relationship | //CarePlan/status[@value != "unknown"]
		| //CareTeam/participant[count(role) > 2])')
	test "$n" = 0 || { echo "$2: $n hidden fields shown"; return 1; }
	for who in $(xpath view.fhir '//Practitioner/name/text/@value
	    | //RelatedPerson/name/text/@value' 2>/dev/null |
	    sed 's/ value="\([^"]*\)"/\1\n/g' | tr ' ' '_'); do
		who=$(echo "$who" | tr '_' ' ')
		q=$(xmllint --xpath "string(//$(el participant)[$(el name)='$who']/@id)" full.xml)
		[ "$q" = "$2" ] || [ "$q" = "$coord" ] ||
			{ echo "$2: $who shown"; return 1; }
	done
	cname=$(xmllint --xpath "string(//$(el participant)[@id='$coord']/$(el name))" full.xml)
	n=$(xpath view.fhir "count((//Practitioner | //RelatedPerson)[name/text/@value != '$cname']/telecom)")
	test "$n" = 0 || { echo "$2: contact of others shown"; return 1; }
	# measures: the viewer's own; goals: those they list; each by an id
	# of the view's own (measure-1, goal-1-2), which tells nothing of
	# the others
	want=$(xmllint --xpath "count(//$(el measure)[$(el responsible)/@ref='$2'])" full.xml)
	i=0
	for m in $(xpath view.fhir '//activity/@id' 2>/dev/null |
	    sed 's/ id="\([^"]*\)"/\1 /g'); do
		i=$((i + 1))
		[ "$m" = "measure-$i" ] || { echo "$2: measure $m shown"; return 1; }
	done
	[ "$i" = "$want" ] || { echo "$2: $i measures, not $want"; return 1; }
	want=$(xmllint --xpath "//$(el measure)[$(el responsible)/@ref='$2']/$(el goals)/$(el goal)/@ref" \
	    full.xml 2>/dev/null | sed 's/ ref="\([^"]*\)"/\1\n/g' | sed '/^$/d' |
	    sort -u | wc -l)
	i=0
	for g in $(xpath view.fhir '//Goal/identifier/value/@value' \
	    2>/dev/null | sed 's/ value="\([^"]*\)"/\1 /g'); do
		i=$((i + 1))
		echo "$g" | grep -qxE 'goal-[1-9][0-9]*(-[1-9][0-9]*)?' ||
			{ echo "$2: goal $g shown"; return 1; }
	done
	[ "$i" = "$want" ] || { echo "$2: $i goals, not $want"; return 1; }
	# no value of the hidden fields, word for word
	xpath full.fhir '//Patient/identifier/value/@value
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
		fresh && : >restricted &&
		for id in \$(fhir_ids '$fhir_plan'); do
			restricted '$fhir_plan' \"\$id\" || exit 1
		done"
done

# Under valgrind, neither this check of the views chosen (the goldens
# export two of them) nor the reruns below, which repeat exports done.
t_no_vg "fhir: the restricted views tested are restricted ones" "
	fresh && n=0 &&
	for p in export/kari:per ../examples/amina-psychiatric:ingvild \
	    ../examples/lars-kvalifisering:kjetil; do
		ip-export --today $TODAY --format fhir --for \${p#*:} \
			'$TESTS/'\${p%%:*}.yaml >v &&
		grep -q '<code value=\"REDACTED\"/>' v && n=\$((n + 1))
	done && test \$n = 3"

# --- the same bytes, and -o ---------------------------------------------------

t_no_vg "fhir: byte-identical across runs, clocks and locales" "
	fresh &&
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
	fresh && echo old >plan.xml && chmod 644 plan.xml &&
	ino=\$(stat -c %i plan.xml) &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >want &&
	exits 0 ip-export --today $TODAY --format fhir -o plan.xml \
		'$TESTS/export/kari.yaml' &&
	same want plan.xml && test \$(stat -c %i plan.xml) != \$ino &&
	test \$(stat -c %a plan.xml) = 644 &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'plan.xml want '"

t "fhir -o: a plan it refuses leaves the file as it was" "
	fresh && echo old >plan.xml &&
	exits 1 ip-export --format fhir -o plan.xml \
		'$TESTS/export/dangling.yaml' 2>err &&
	echo old >want && same want plan.xml &&
	grep -q ': not exported\$' err &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'err plan.xml want '"

# --- what it says ---------------------------------------------------------------

t "fhir --language: the texts and displays in it, the codes not" "
	fresh &&
	ip-export --today $TODAY --format fhir --language en \
		'$TESTS/export/kari.yaml' >en &&
	ip-export --today $TODAY --format fhir --language nn \
		'$TESTS/export/kari.yaml' >nn &&
	test \"\$(xpath en 'string(//CarePlan/category/text/@value)')\" = 'Individual plan' &&
	test \"\$(xpath en 'string(/Bundle/language/@value)')\" = en &&
	test \"\$(xpath nn 'string(//CarePlan/category/text/@value)')\" = 'Individuell plan' &&
	test \"\$(xpath en 'string(//CarePlan/category/coding/code/@value)')\" = A02-2 &&
	! cmp -s en nn"

# The kind of national id names the identifier's system; an H-nummer,
# which has none, is left out without its issuer, with a warning.
t "fhir: the national id's system is its kind's; an H-nummer's its type" "
	fresh &&
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
		sys=\$(xpath out 'string(//Patient/identifier/system/@value)')
		type=\$(xpath out 'string(//Patient/identifier/type/coding/code/@value)')
		case \$kind in
		HNR) test -z \"\$type\" && test -z \"\$sys\" &&
			test \"\$(xpath out 'count(//Patient/identifier)')\" = 0 ;;
		*) test \"\$sys\" = urn:oid:2.16.578.1.12.4.1.\$kind &&
			test -z \"\$type\" ;;
		esac || { echo \"\$c: '\$sys' '\$type'\"; exit 1; }
		if [ \${c%%:*} = synthetic ]; then
			grep -q 'warning: .*synthetic.*\[test-national-id\]' err
		elif [ \$kind = HNR ]; then
			test \$(wc -l <err) = 1 &&
			grep -q 'warning: .*H-nummer.*\[national-id-issuer\]' err
		else
			test ! -s err
		fi || { cat err; exit 1; }
	done"

# The UUIDs come from the plan's id and its local ids, not from the
# national id: another id, the same fullUrls; another plan id, none the
# same.
t "fhir: fullUrls from the plan's id and local ids, never the national id" "
	fresh &&
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
	fresh &&
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
		xpath \$f '//entry/fullUrl/@value' | tr ' ' '\n' |
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

# The day the plan was begun is CarePlan.created, shown with its status.
t "fhir: CarePlan.created is the plan's created, not in a restricted view" "
	fresh &&
	grep -q '^created: 2026-01-12\$' '$TESTS/export/kari.yaml' &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >full &&
	ip-export --today $TODAY --format fhir-json '$TESTS/export/kari.yaml' >full.json &&
	ip-export --today $TODAY --format fhir --for per '$TESTS/export/kari.yaml' >per &&
	test \"\$(xpath full 'string(//CarePlan/created/@value)')\" = 2026-01-12 &&
	grep -q '\"created\": \"2026-01-12\"' full.json &&
	grep -q REDACTED per && test \"\$(xpath per 'count(//CarePlan/created)')\" = 0 &&
	xmllint --nonet --noout --schema '$FHIR_XSD' full 2>/dev/null"

t "fhir: a plan whose dates are out of order is refused" "
	fresh &&
	sed 's/^  end: 2027-01-14\$/  end: 2025-01-14/' '$TESTS/export/kari.yaml' \
		>late.yaml && ! cmp -s late.yaml '$TESTS/export/kari.yaml' &&
	exits 1 ip-export --today $TODAY --format fhir-json late.yaml \
		>out 2>err && test ! -s out && grep -q '\[date-order\]' err &&
	grep -q 'not exported as FHIR' err"

# Norwegian identities: an HPR-nummer, organisasjonsnumre, the no-basis
# profiles; names told apart; identifiers with a system.
t "fhir: HPR-nummer, organisasjonsnummer and no-basis profiles" "
	fresh &&
	f='$TESTS/validate/identities.yaml' &&
	ip-export --today $TODAY --format fhir \$f >out 2>err &&
	test \"\$(xpath out 'string(//Practitioner/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.4.4\"]/value/@value)')\" = 9144900 &&
	test \"\$(xpath out 'count(//Organization/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.4.101\"][value/@value=\"974760673\" or value/@value=\"889640782\"])')\" = 2 &&
	test \"\$(xpath out 'string(//Organization[name/@value=\"St. Olavs hospital HF\"]/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.4.102\"]/value/@value)')\" = 4001031 &&
	test \"\$(xpath out 'string(//Organization[name/@value=\"Molde kommune\"]/identifier[system/@value=\"urn:oid:2.16.578.1.12.4.1.2\"]/value/@value)')\" = 8113440 &&
	test \"\$(xpath out 'string(//Patient/identifier[type/coding/code/@value=\"HNR\"]/assigner/display/@value)')\" = 'Helse Møre og Romsdal HF' &&
	test ! -s err &&
	for r in Patient Practitioner RelatedPerson Organization; do
		test \"\$(xpath out \"count(//\$r[not(meta/profile/@value = 'http://hl7.no/fhir/StructureDefinition/no-basis-\$r')])\")\" = 0 &&
		test \"\$(xpath out \"count(//\$r)\")\" -gt 0 || exit 1
	done &&
	test \"\$(xpath out 'string(//Practitioner/name/family/@value)')\" = Hansen &&
	test \"\$(xpath out 'string(//Practitioner/name/given/@value)')\" = Ola &&
	test \"\$(xpath out 'count(//identifier[not(system) and not(type/coding/code/@value=\"HNR\")])')\" = 0 &&
	exits 1 ip-export --today $TODAY --format fhir \
		'$TESTS/validate/identities-bad.yaml' >out 2>err &&
	test \$(grep -c '\[identifier\]' err) = 5"

# --- the checkers can fail --------------------------------------------------------

t "fhir-json checker: the XML finds what differs" "
	fresh &&
	ip-export --today $TODAY --format fhir-json '$TESTS/export/kari.yaml' >kari.json &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >kari.xml &&
	$FHIR_JSON kari.xml kari.json &&
	python3 -c \"
import json
b = json.load(open('kari.json'))
b['entry'][0]['resource']['intent'] = 'order'
json.dump(b, open('other.json', 'w'))\" &&
	exits 1 $FHIR_JSON kari.xml other.json >out && grep -q 'intent' out"


# fhir_break SED-SCRIPT MESSAGE: the Bundle of kari.yaml changed by the
# script fails the check with the message.
fhir_break() {
	sed "$1" kari.xml >broken.xml && ! cmp -s kari.xml broken.xml &&
	exits 1 $FHIR_CHECK broken.xml >out && grep -q -- "$2" out ||
		{ echo "not caught: $1"; cat out; return 1; }
}

t "fhir checker: it finds what it looks for" "
	fresh &&
	ip-export --today $TODAY --format fhir '$TESTS/export/kari.yaml' >kari.xml &&
	$FHIR_CHECK kari.xml &&
	fhir_break 's|<text value=\"Individuell plan\"/>|<text value=\"\"/>|' ele-1 &&
	fhir_break 's|<code value=\"A02-2\"/>|<code/>|' ele-1 &&
	patient=\$(xpath kari.xml 'string(//entry[resource/Patient]/fullUrl/@value)') &&
	careteam=\$(xpath kari.xml 'string(//entry[resource/CareTeam]/fullUrl/@value)') &&
	fhir_break \"s|<reference value=.\$patient./>|<reference value=\\\"urn:uuid:0\\\"/>|\" 'is no entry' &&
	fhir_break \"/<subject>/,/<\\/subject>/s|\$patient|\$careteam|\" 'refers to a CareTeam' &&
	fhir_break \"0,/<fullUrl value=\\\"[^\\\"]*\\\"/s||<fullUrl value=\\\"\$patient\\\"|\" 'used twice' &&
	fhir_break '0,/<system value=\"urn:oid:2.16.578.1.12.4.1.4.1\"\/>/s///' 'without a system'"

test_done
