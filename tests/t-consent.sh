# t-consent.sh - ip-consent: a consent to the plan, a new consent to
# share information, a withdrawal; what each changes in the plan's text
# and nothing else, what the views make of it, and what it refuses.

. "$(dirname "$0")/lib.sh"

# Every test works on copies in a fresh directory, $TMP/cons: emma.yaml
# (a list of consents), kari.yaml (a single mapping), teen.yaml (Jonas,
# 16 on 2026-12-01).
fresh() {
	rm -rf "$TMP/cons" && mkdir "$TMP/cons" && cd "$TMP/cons" &&
	cp "$TOP/examples/emma-barnekoordinator.yaml" emma.yaml &&
	cp "$TESTS/export/kari.yaml" kari.yaml &&
	cp "$TESTS/view/teen.yaml" teen.yaml
}

# The golden diffs: tests/consent/CASE.args on the plan named in it (see
# edit_cases in lib.sh); the plans they leave validate (not under
# valgrind, which has run each of these commands in the cases).
edit_cases consent "$TESTS/consent" fresh
t_no_vg "consent: the plans the golden cases leave validate" "
	fresh &&
	for a in '$TESTS'/consent/*.args; do
		eval \"exits 0 \$(cat \$a) --today $TODAY\" >/dev/null || exit 1
	done &&
	exits 0 ip-validate --today $TODAY *.yaml"

t "consent: a participant a new consent adds is covered from its date only" "
	fresh &&
	exits 0 ip-consent emma.yaml --today $TODAY --share kari habu \
	    --date 2026-12-01 --until 2027-03-01 --by ingrid >got &&
	echo 'consent to share information given 2026-12-01' | same - got &&
	ip-export --today 2026-11-30 --format xml --for kari emma.yaml >before &&
	grep -q 'view=\"full\"' before &&
	sed -i 's/^      participants: \[hanne, martin, kari, habu\]\$/      participants: [hanne, martin, habu]/' emma.yaml &&
	ip-export --today 2026-11-30 --format xml --for kari emma.yaml >before &&
	grep -q 'view=\"restricted\"' before &&
	ip-export --today 2026-12-01 --format xml --for kari emma.yaml >after &&
	grep -q 'view=\"full\"' after"

# withdrawn LINE: after a withdrawal of 2026-11-20 in emma.yaml,
# ip-review reports it, the document (in doc) has LINE in its history,
# and the plan validates.
withdrawn() {
	exits 1 ip-review --today $TODAY emma.yaml >review &&
	grep -q '^2026-11-20  emma.yaml  consent to share information withdrawn 4 days ago, with no review since' review &&
	ip-export --today $TODAY emma.yaml >doc &&
	grep -q "$1" doc &&
	exits 0 ip-validate --today $TODAY emma.yaml
}
t "consent: a withdrawal is reported by ip-review and shown in the document" "
	fresh &&
	exits 0 ip-consent --today $TODAY --withdraw --date 2026-11-20 \
	    emma.yaml >got &&
	printf '%s\n' 'consent to share information of 2026-02-20 withdrawn 2026-11-20' \
	    'consent to share information of 2026-03-09 withdrawn 2026-11-20' >want &&
	same want got &&
	withdrawn 'skulle gjelde til og med 1. mars 2027, trukket tilbake 20. november 2026; omfatter Sissel Aune\$' &&
	grep -qx '  - \*\*Deltakere med tilgang:\*\* Ingrid Haugen, Thomas Haugen' doc"

t "consent: --withdraw --share ID withdraws only the consents that name ID" "
	fresh &&
	exits 0 ip-consent --today $TODAY --withdraw --share sissel emma.yaml >got &&
	echo 'consent to share information of 2026-03-09 withdrawn 2026-11-24' |
	    same - got &&
	test \$(grep -c 'withdrawn: 2026-11-24' emma.yaml) -eq 1"

# Kari is withdrawn from the consent that names four: it is withdrawn as
# it was given, and a new one of the same day covers the other three, so
# that none of them loses a day, and the plan keeps who had access when.
t "consent: --withdraw --share ID of a consent that names others keeps them covered" "
	fresh &&
	exits 0 ip-consent --today $TODAY --withdraw --share kari --date 2026-11-20 emma.yaml >got &&
	printf '%s\n' 'consent to share information of 2026-02-20 withdrawn 2026-11-20' \
	    'consent to share information given 2026-11-20, for the 3 other participants it named' >want &&
	same want got &&
	for who in kari hanne; do
		for day in 2026-11-19 2026-11-20; do
			printf '%s %s ' \$who \$day &&
			ip-export --today \$day --format xml --for \$who emma.yaml |
			    sed -n 's/.* view=\"\\([a-z]*\\)\".*/\\1/p' | head -n 1
		done
	done >views &&
	printf '%s\n' 'kari 2026-11-19 full' 'kari 2026-11-20 restricted' \
	    'hanne 2026-11-19 full' 'hanne 2026-11-20 full' >want &&
	same want views &&
	withdrawn 'trukket tilbake 20. november 2026; omfatter Hanne Lie, Martin' &&
	grep -q 'Kari Sand' doc &&
	exits 2 ip-consent --today $TODAY --withdraw --share kari emma.yaml 2>err &&
	grep -q 'no consent to share information in force on 2026-11-24 names --share kari' err"

t "consent: the consent to the plan withdrawn is recorded, and ip-validate asks to close it" "
	fresh &&
	exits 0 ip-consent --today $TODAY --withdraw --plan --date 2026-11-01 \
	    kari.yaml >got &&
	echo 'consent to the plan withdrawn 2026-11-01' | same - got &&
	exits 1 ip-validate --today $TODAY kari.yaml 2>err &&
	grep -q 'consent-withdrawn' err"

t "consent: --form prints the form after writing, the child's for a child" "
	fresh &&
	exits 0 ip-consent --today 2026-11-30 --plan --by mor --by far \
	    --date 2026-11-30 --form teen.yaml >got &&
	head -1 got | grep -qx 'consent to the plan given 2026-11-30' &&
	grep -q '^# Samtykke til individuell plan: Jonas Dahl' got &&
	grep -q '^Vi samtykker' got && grep -q 'Underskrift, Rune Dahl' got &&
	cp teen.yaml before &&
	exits 0 ip-consent --today 2026-11-30 --share ola --form -n teen.yaml >diff &&
	cmp teen.yaml before && ! grep -q Samtykke diff"

t "consent: a consent given by a guardian after the 16th birthday is a warning" "
	fresh &&
	exits 0 ip-consent --today 2026-12-02 --share ola --by mor --date 2026-12-02 \
	    teen.yaml >/dev/null &&
	exits 0 ip-validate --today 2026-12-02 teen.yaml 2>err &&
	grep -q \"guardian 'mor' on or after the person's 16th birthday\" err &&
	exits 0 ip-consent --today 2026-12-02 --plan --by jonas --date 2026-12-02 \
	    teen.yaml >/dev/null &&
	grep -q '^    by: jonas\$' teen.yaml"

# What it refuses: exit 2, a message, every file as it was.  Under valgrind,
# an id refused and a withdrawal refused; the other refusals are of
# options, the path of the first.
refuses() {
	cons_want=$1
	shift
	fresh && mkdir before && cp *.yaml before/ &&
	exits 2 "$@" 2>err &&
	for f in *.yaml; do cmp $f before/$f || return 1; done &&
	grep -q -- "$cons_want" err
}
t "consent refuses: an id that is no participant's" "
	refuses \"ip-consent: --share nobody: no participant has that id\$\" \
	    ip-consent --today $TODAY --share nobody emma.yaml"
t_no_vg "consent refuses: a --date before the consent to the plan" "
	refuses 'ip-consent: --date 2026-01-01 is before the consent to the plan, 2026-02-20\$' \
	    ip-consent --today $TODAY --share kari --date 2026-01-01 emma.yaml &&
	refuses 'before the consent to the plan recorded' \
	    ip-consent --today $TODAY --plan --by ingrid --date 2026-01-01 emma.yaml"
t_no_vg "consent refuses: an --until before --date" "
	refuses 'ip-consent: --until 2026-04-01 is before --date 2026-05-01\$' \
	    ip-consent --today $TODAY --share kari --date 2026-05-01 \
	    --until 2026-04-01 emma.yaml"
t "consent refuses: a withdrawal with nothing in force" "
	refuses 'no consent to share information is in force on 2027-06-01' \
	    ip-consent --today $TODAY --withdraw --date 2027-06-01 emma.yaml &&
	refuses 'no consent to share information in force on 2026-11-24 names --share per: there is nothing to withdraw' \
	    ip-consent --today $TODAY --withdraw --share per kari.yaml"
t_no_vg "consent refuses: --plan without --by, and nothing to record" "
	refuses 'needs --by' ip-consent --today $TODAY --plan emma.yaml &&
	refuses 'say what to record' ip-consent --today $TODAY emma.yaml &&
	refuses 'not standard input' ip-consent --share kari - &&
	refuses 'until goes with --share' \
	    ip-consent --today $TODAY --withdraw --until 2027-01-01 emma.yaml &&
	refuses 'by with --plan or --share' \
	    ip-consent --today $TODAY --withdraw --by ingrid emma.yaml"
t_no_vg "consent refuses: a closed plan" "
	fresh && cp '$TESTS/validate/closed-ok.yaml' closed.yaml &&
	cp closed.yaml before &&
	exits 2 ip-consent --today $TODAY --share ola closed.yaml 2>err &&
	cmp closed.yaml before && grep -q 'the plan is closed' err"

t "consent --list-participants: the ids, for completion" "
	fresh &&
	exits 0 ip-consent --list-participants teen.yaml >got &&
	printf '%s\n' jonas mor far ola laerer nav >want && same want got"

test_done
