# t-schema.sh - lib/ip-plan.schema.json, the JSON Schema editors use: held
# to the loader's tables and to ip-validate's verdicts, with Debian's
# python3-jsonschema; and the XML Schema, ip-plan(5), iplan-fhir(7) and the
# plans of the views' test held to the loader's keys.

. "$(dirname "$0")/lib.sh"

SCHEMA=$TOP/lib/ip-plan.schema.json
# Debian's python3, which sees Debian's python3-jsonschema (make
# check-deps installs it), whatever python3 comes first on PATH.
PY=/usr/bin/python3
PLANTREE=$BUILD/schema/plantree

t "schema: Debian's python3-jsonschema is there, and is what is used" "
	$PY -c 'import jsonschema, sys
sys.exit(not jsonschema.__file__.startswith(\"/usr/lib/python3/\"))'"

t "schema: its keys, types and vocabularies are the loader's" "
	'$PLANTREE' --keys >'$TMP/keys' &&
	exits 0 $PY '$TESTS/schema/check.py' keys '$SCHEMA' '$TMP/keys'"

# The comparison can fail: a key the loader lacks, and a word it lacks.
t "schema: a key or a word the loader lacks is found" "
	sed -e 's/\"organization\": {/\"organisation\": {/' \
		-e 's/\"relative\", \"provider\"/\"relative\", \"parent\", \"provider\"/' \
		'$SCHEMA' >'$TMP/bad.json' &&
	'$PLANTREE' --keys >'$TMP/keys' &&
	exits 1 $PY '$TESTS/schema/check.py' keys '$TMP/bad.json' \
		'$TMP/keys' >'$TMP/out' &&
	grep -qx 'the schema has, the loader has not: participants\\[\\]\\.organisation text' '$TMP/out' &&
	grep -qx 'the loader has, the schema has not: participants\\[\\]\\.organization text' '$TMP/out' &&
	grep -qx 'the schema has, the loader has not: participants\\[\\]\\.role word person relative parent provider other guardian' '$TMP/out'"

# --- the other places that list the plan's keys -----------------------------

# The XML Schema, ip-plan(5)'s ".It Ic" entries, iplan-fhir(7)'s "Where
# each field goes" and the plans the views' unit test renders
# (tests/unit/export.c, which holds its own list of tokens to the
# loader's keys) each have every key the loader knows: a field added to
# the loader and forgotten in one of them is named, with the place
# (tests/schema/fields.py).
FIELDS="$PY $TESTS/schema/fields.py"
FIELDS_PLANS="$TOP/examples/*.yaml $TESTS/export/*.yaml $TESTS/validate/*.yaml $TESTS/review/plans/*.yaml $TESTS/view/*.yaml"
t "fields: the XML Schema has every key of the loader" "
	'$PLANTREE' --keys >'$TMP/keys' &&
	exits 0 $FIELDS xsd '$TMP/keys' '$TOP/lib/iplan.xsd'"
t "fields: ip-plan(5) has an .It Ic entry for every key of the loader" "
	'$PLANTREE' --keys >'$TMP/keys' &&
	exits 0 $FIELDS man '$TMP/keys' '$TOP/man/ip-plan.5'"
t "fields: iplan-fhir(7) says where every key of the loader goes" "
	'$PLANTREE' --keys >'$TMP/keys' &&
	exits 0 $FIELDS fhir '$TMP/keys' '$TOP/man/iplan-fhir.7'"
t "fields: some plan the views' test renders sets every key of the loader" "
	'$PLANTREE' --keys >'$TMP/keys' &&
	'$PLANTREE' $FIELDS_PLANS >'$TMP/trees' 2>/dev/null;
	exits 0 $FIELDS fixture '$TMP/keys' '$TMP/trees'"

# The checks can fail: a key the loader has and no place does is named,
# with the place.  (That nothing else is named, the tests above say: a
# field being added fails them, not this one.)
t "fields: a key of the loader that a place lacks is named" "
	{ '$PLANTREE' --keys && echo 'person.no_such_key text'; } >'$TMP/keys' &&
	'$PLANTREE' $FIELDS_PLANS >'$TMP/trees' 2>/dev/null;
	exits 1 $FIELDS xsd '$TMP/keys' '$TOP/lib/iplan.xsd' >'$TMP/out' &&
	grep -qx '$TOP/lib/iplan.xsd: the loader has person.no_such_key, the XML Schema has not: no element or attribute no_such_key in <plan/person>' '$TMP/out' &&
	exits 1 $FIELDS man '$TMP/keys' '$TOP/man/ip-plan.5' >'$TMP/out' &&
	grep -qx '$TOP/man/ip-plan.5: the loader has person.no_such_key, ip-plan(5) has no .It Ic no_such_key where it belongs' '$TMP/out' &&
	exits 1 $FIELDS fhir '$TMP/keys' '$TOP/man/iplan-fhir.7' >'$TMP/out' &&
	grep -qx '$TOP/man/iplan-fhir.7: the loader has person.no_such_key, iplan-fhir(7) does not say where it goes (.It Ic person.no_such_key under \"Where each field goes\")' '$TMP/out' &&
	exits 1 $FIELDS fixture '$TMP/keys' '$TMP/trees' >'$TMP/out' &&
	grep -qx \"the loader has person.no_such_key, no plan the views' test renders sets it (tests/unit/export.c; add it to one in tests/view)\" '$TMP/out'"

# A key of a goal, which the entry of goals[] says where it goes: one
# it does not name is named.
t "fields: iplan-fhir(7) names each key of a list in the list's entry" "
	{ '$PLANTREE' --keys && echo 'goals[].no_such_key text'; } >'$TMP/keys' &&
	exits 1 $FIELDS fhir '$TMP/keys' '$TOP/man/iplan-fhir.7' >'$TMP/out' &&
	grep -qx '$TOP/man/iplan-fhir.7: the loader has goals\[\].no_such_key, iplan-fhir(7) does not say where it goes (.It Ic goals\[\].no_such_key under \"Where each field goes\", or .Ic no_such_key in the entry of goals)' '$TMP/out' &&
	test \$(wc -l <'$TMP/out') -eq 1"

# Every plan of the tree, and variants of a valid one that differ from it
# in one line of shape: the schema refuses exactly what ip-validate
# refuses for a reason the schema expresses.  One result a plan.
mkdir -p "$TMP/schema"
find "$TOP/examples" "$TESTS" -name '*.yaml' -type f | sort >"$TMP/plans"
for args in "$TESTS"/new/*.args; do
	out=${args%.args}.yaml.expect
	[ -f "$out" ] && echo "$out"
done >>"$TMP/plans"
tr '\n' '\0' <"$TMP/plans" | xargs -0 $PY "$TESTS/schema/check.py" plans \
	"$SCHEMA" "$PLANTREE" "$TODAY" "$TMP/schema" \
	"$TESTS/validate/valid.yaml" >"$TMP/schema/results" 2>"$TMP/log"
[ -s "$TMP/schema/results" ] || fail "schema: check.py plans gave no results"
while read -r verdict name; do
	case $verdict in
	PASS)	pass ;;
	*)	printf '%s\n' "$name" >"$TMP/log"
		fail "schema: ${name%%:*}" ;;
	esac
done <"$TMP/schema/results"
t "schema: every plan was judged" "
	test \$(wc -l <'$TMP/schema/results') -gt \$(wc -l <'$TMP/plans')"

test_done
