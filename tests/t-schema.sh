# t-schema.sh - lib/ip-plan.schema.json, the JSON Schema editors use: held
# to the loader's tables and to ip-validate's verdicts, with Debian's
# python3-jsonschema.

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
	$PY '$TESTS/schema/check.py' keys '$SCHEMA' '$TMP/keys' >'$TMP/out' &&
	echo ok | same - '$TMP/out'"

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
