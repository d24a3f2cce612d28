# t-stats.sh - ip-stats: golden files for each format and grouping, the
# figures of a generated corpus of plans of every kind against those
# counted from ip-review's and ip-validate's output, in all four formats,
# the same bytes with any -j, the HTML page in a real browser (axe-core,
# WCAG 2.1 A and AA), and the KOSTRA recipe of ip-stats(1) as written.
#
# tests/stats/plans holds plans made for the edges (a comment at the top of
# each says what); the golden files count them with tests/review/plans.

. "$(dirname "$0")/lib.sh"

vg_first_only

ST=$TESTS/stats

# --- golden files: tests/stats/NAME.args gives the options, NAME.expect the
# output, as of $TODAY, over plans and ../review/plans ----------------------

for args in "$ST"/*.args; do
	name=$(basename "$args" .args)
	t "golden: ip-stats $(cat "$args")" "
		cd '$ST' &&
		exits 0 ip-stats --today $TODAY $(cat "$args") plans \
			../review/plans >'$TMP/got' 2>'$TMP/err' &&
		golden '$ST/$name.expect' '$TMP/got' && same /dev/null '$TMP/err'"
done

# The text table, in the groupings by free text: no line wider than 99
# columns, and every group's name as the TSV gives it (but the ones in
# brackets, which are words of ip-stats) whole on a line: no word cut.
t_no_vg "text: no line over 99 columns, no name cut inside a word" "
	cd '$ST' &&
	for by in coordinator organization participant-organization; do
		LC_ALL=nb_NO.UTF-8 ip-stats --today $TODAY --by \$by plans \
			../review/plans >'$TMP/text' &&
		LC_ALL=nb_NO.UTF-8 ip-stats --today $TODAY --by \$by \
			--format tsv plans ../review/plans |
			sed 1,2d | cut -f 1 | grep -v '^(' >'$TMP/names' &&
		test -s '$TMP/names' &&
		! LC_ALL=C.UTF-8 awk 'length(\$0) > 99' '$TMP/text' | grep . &&
		while IFS= read -r name; do
			grep -qF \"\$name\" '$TMP/text' ||
				{ echo \"cut: \$name\"; exit 1; }
		done <'$TMP/names' || exit 1
	done"

# Every format and grouping of the plans the golden files count: under
# valgrind, the golden runs, which take each format and each grouping.
t_no_vg "no figure names the person, nor shows a national id" "
	cd '$ST' &&
	for f in text tsv json html; do
		for by in coordinator organization legal-basis language; do
			ip-stats --today $TODAY --by \$by --format \$f plans \
				../review/plans || exit 1
		done
	done >'$TMP/all' &&
	grep -q '(the person)' '$TMP/all' &&
	grep -q 'Hjelp &amp; Støtte &lt;AS&gt; &lt;national id&gt;' '$TMP/all' &&
	! grep -e Siri -e Ulla -e 'Emma Haugen' -e 'firma' '$TMP/all' &&
	! grep -E '[0-9]{11}' '$TMP/all'"

t "for people the day is written out and the laws named, as documents do; for programs, codes" "
	cd '$ST' &&
	LC_ALL=nb_NO.UTF-8 exits 0 ip-stats --today $TODAY --by legal-basis \
		--format html plans >'$TMP/nb.html' &&
	grep -q '<h1>Individuelle planer per 24\. november 2026</h1>' '$TMP/nb.html' &&
	grep -q '>helse- og omsorgstjenesteloven § 7-1<' '$TMP/nb.html' &&
	! grep -q 'hol-7-1' '$TMP/nb.html' &&
	LC_ALL=nn_NO.UTF-8 exits 0 ip-stats --today $TODAY --by legal-basis \
		plans >'$TMP/nn.text' &&
	grep -q '^Individuelle planar per 24\. november 2026\$' '$TMP/nn.text' &&
	LC_ALL=nb_NO.UTF-8 exits 0 ip-stats --today $TODAY --by legal-basis \
		--format tsv plans >'$TMP/nb.tsv' &&
	grep -q '^hol-7-1	' '$TMP/nb.tsv'"
t "--by language: the languages named for people, their codes for programs" "
	cd '$ST' &&
	LC_ALL=nb_NO.UTF-8 exits 0 ip-stats --today $TODAY --by language \
		plans >'$TMP/nb.text' &&
	grep -q '^nynorsk  ' '$TMP/nb.text' && grep -q '^engelsk  ' '$TMP/nb.text' &&
	! grep -q '^nn ' '$TMP/nb.text' &&
	LC_ALL=C exits 0 ip-stats --today $TODAY --by language \
		--format html plans >'$TMP/en.html' &&
	grep -q '>Norwegian Nynorsk<' '$TMP/en.html' &&
	! grep -q '>nn<' '$TMP/en.html' &&
	LC_ALL=nn_NO.UTF-8 exits 0 ip-stats --today $TODAY --by language \
		--format json plans >'$TMP/nn.json' &&
	grep -q '\"nn\"' '$TMP/nn.json' && ! grep -q 'nynorsk' '$TMP/nn.json'"

t "an evaluation a year ago to the day is not in the last 12 months, a day later is" "
	cd '$ST' &&
	exits 0 ip-stats --today $TODAY --format tsv plans/person-coordinator.yaml >'$TMP/a' &&
	exits 0 ip-stats --today $TODAY --format tsv plans/odd-names.yaml >'$TMP/b' &&
	test \"\$(cut -f 5 '$TMP/a' | tail -n 1)\" = 0 &&
	test \"\$(cut -f 5 '$TMP/b' | tail -n 1)\" = 1 &&
	exits 0 ip-stats --today 2026-11-23 --format tsv plans/person-coordinator.yaml >'$TMP/a' &&
	test \"\$(cut -f 5 '$TMP/a' | tail -n 1)\" = 1"

t "a draft is counted apart, never among the plans" "
	cd '$ST' &&
	exits 0 ip-stats --today $TODAY --format tsv plans >'$TMP/a' &&
	exits 0 ip-stats --today $TODAY --format tsv plans \
		../validate/draft.yaml >'$TMP/b' &&
	test \"\$(head -n 1 '$TMP/b' | cut -f 11)\" = drafts &&
	test \"\$(tail -n 1 '$TMP/a' | cut -f 11)\" = 0 &&
	test \"\$(tail -n 1 '$TMP/b' | cut -f 11)\" = 1 &&
	cut -f 1-10 '$TMP/a' >'$TMP/a10' && cut -f 1-10 '$TMP/b' >'$TMP/b10' &&
	same '$TMP/a10' '$TMP/b10'"

# --- a file that does not load --------------------------------------------

t "a file that does not load: reported as ip-review does, counted nowhere, exit 2" "
	cd '$TESTS/review' &&
	exits 2 ip-stats --today $TODAY --format tsv plans broken.yaml \
		>'$TMP/got' 2>'$TMP/err' &&
	exits 0 ip-stats --today $TODAY --format tsv plans >'$TMP/want' &&
	same '$TMP/want' '$TMP/got' &&
	exits 2 ip-review --today $TODAY broken.yaml 2>'$TMP/want' >/dev/null &&
	same '$TMP/want' '$TMP/err'"
t "a directory that cannot be found: exit 2, the rest counted" "
	cd '$TESTS/review' &&
	exits 2 ip-stats --today $TODAY --format tsv plans no-such-dir \
		>'$TMP/got' 2>'$TMP/err' &&
	grep -q no-such-dir '$TMP/err' &&
	test \"\$(cut -f 2 '$TMP/got' | tail -n 1)\" = 12"
t "standard input, as - and as no file" "
	exits 0 ip-stats --today $TODAY --format tsv - \
		<'$ST/plans/odd-names.yaml' >'$TMP/a' &&
	exits 0 ip-stats --today $TODAY --format tsv \
		<'$ST/plans/odd-names.yaml' >'$TMP/b' &&
	same '$TMP/a' '$TMP/b' &&
	test \"\$(cut -f 2 '$TMP/a' | tail -n 1)\" = 1"
t "--by and --format take only their words" "
	exits 2 ip-stats --by person /dev/null 2>'$TMP/err' &&
	echo \"ip-stats: invalid --by: 'person' (use coordinator, organization, legal-basis, language or participant-organization)\" >'$TMP/want' &&
	same '$TMP/want' '$TMP/err' &&
	exits 2 ip-stats --format csv /dev/null 2>'$TMP/err' &&
	grep -q \"^ip-stats: invalid --format: 'csv'\" '$TMP/err'"

# --- a corpus of plans of every kind --------------------------------------

# Three hundred plans from tests/stats/corpus.py: closed and active,
# evaluated on either side of a year ago, reviews planned and overdue,
# periods ended, consents run out and withdrawn, coordinators named, the
# person and none, organisations and legal bases named twice, plans with
# errors, second plans for one person and files that do not load.  Its
# figures are counted from ip-review's TSV (never-reviewed, review,
# period-end and consent-expires found overdue), ip-validate's errors, and,
# for what neither reports (closed, evaluated in the last 12 months,
# consent withdrawn, the groups), what the generator wrote.
CORPUS=$TMP/corpus
# formats BY: the formats the corpus is counted in for the grouping
# BY: all four, but under valgrind one, each format for some grouping, as
# what a writer does is the same for every grouping.
formats() {
	if [ -z "${IPLAN_VALGRIND:-}" ]; then
		echo text tsv json html
	else
		case $1 in
		none | language | participant-organization) echo text ;;
		coordinator) echo tsv ;;
		organization) echo json ;;
		legal-basis) echo html ;;
		esac
	fi
}
t "corpus: the figures equal ip-review's and ip-validate's, in all four formats and every grouping" "
	python3 '$ST/corpus.py' gen '$CORPUS' $TODAY 300 &&
	exits 2 ip-review --today $TODAY --format tsv '$CORPUS' \
		>'$TMP/review.tsv' 2>'$TMP/review.err' &&
	exits 1 ip-validate -q --today $TODAY '$CORPUS' 2>'$TMP/validate.err' &&
	for by in none coordinator organization participant-organization \
	    legal-basis language; do
		python3 '$ST/corpus.py' count \$by $TODAY '$CORPUS.manifest' \
			'$TMP/review.tsv' '$TMP/validate.err' >'$TMP/want' &&
		test \$(wc -l <'$TMP/want') -gt 1 &&
		opt= && { [ \$by = none ] || opt=\"--by \$by\"; } &&
		for f in \$(formats \$by); do
			exits 2 ip-stats \$opt --format \$f --today $TODAY \
				'$CORPUS' >'$TMP/got.\$f' 2>'$TMP/err' &&
			same '$TMP/review.err' '$TMP/err' &&
			python3 '$ST/corpus.py' read \$f '$TMP/got.\$f' \
				>'$TMP/got' &&
			if [ \$f = text ]; then
				awk -F '\t' -v OFS='\t' '{ gsub(/ /, \"\", \$1) } 1' \
					'$TMP/want' >'$TMP/want.text'
			else
				cp '$TMP/want' '$TMP/want.text'
			fi &&
			same '$TMP/want.text' '$TMP/got' || exit 1
		done
	done"
t "corpus: every figure is met, most of them differ" "
	cut -f 2- '$TMP/got' | sed -n 2p | tr '\t' '\n' >'$TMP/n' &&
	test \$(wc -l <'$TMP/n') = 10 && ! grep -qx 0 '$TMP/n' &&
	test \$(sort -u '$TMP/n' | wc -l) -ge 8"
t "corpus: the same bytes with -j 1 and -j 4" "
	for f in tsv html; do
		exits 2 ip-stats -j 4 --by organization --format \$f \
			--today $TODAY '$CORPUS' >'$TMP/j4' 2>'$TMP/e4' &&
		exits 2 ip-stats -j 1 --by organization --format \$f \
			--today $TODAY '$CORPUS' >'$TMP/j1' 2>'$TMP/e1' &&
		test -s '$TMP/j1' && test -s '$TMP/e1' &&
		cmp '$TMP/j1' '$TMP/j4' && cmp '$TMP/e1' '$TMP/e4' || exit 1
	done"

# --- every figure on a day, from the plans' dates ---------------------------

# tests/stats/days.py writes plans whose every date ip-stats counts by (the
# start, the end, the closing, each review done, the consent to share given,
# its until and withdrawal, the consent to the plan withdrawn) is a day
# before, on or a day after the last day of 2026, and counts their figures
# on each of those three days by the definitions of ip-stats(1), without
# ip-stats; invalid, which ip-validate decides, is left out.  Each figure
# but plans differs between two of the days, so that the dates are met.
t "on a day: every figure as the plans' dates give it, on both sides of each date" "
	python3 '$ST/days.py' gen '$TMP/days' 2026-12-31 300 &&
	for day in 2026-12-30 2026-12-31 2027-01-01; do
		python3 '$ST/days.py' count \$day '$TMP/days.json' >'$TMP/want.'\$day &&
		exits 0 ip-stats --today \$day --format tsv '$TMP/days' >'$TMP/got' &&
		cut -f 1-9 '$TMP/got' >'$TMP/got.'\$day &&
		same '$TMP/want.'\$day '$TMP/got.'\$day || exit 1
	done &&
	for f in 3 4 5 6 7 8 9; do
		for day in 2026-12-30 2026-12-31 2027-01-01; do
			cut -f \$f '$TMP/want.'\$day | tail -n 1
		done | sort -u | wc -l >'$TMP/n' &&
		test \$(cat '$TMP/n') -ge 2 || { echo \"column \$f: the same on all three days\"; exit 1; }
	done"
# sharing_expired asks who is covered (ip_covering()), as the views and
# ip-review do: a consent that alone covers Nav ran out on 2027-01-10 while
# Ola's with no end is in force (tests/review/sharing-covered.yaml); the
# consent that names both lapses on 2026-12-31 and is renewed on
# 2027-01-15 (sharing-gap.yaml).
t "on a day: consent to share expired for a participant no consent covers" "
	for c in sharing-covered:2027-01-10:0 sharing-covered:2027-01-11:1 \
	    sharing-gap:2026-12-31:0 sharing-gap:2027-01-01:1 \
	    sharing-gap:2027-01-15:0; do
		f=\${c%%:*} d=\${c#*:} d=\${d%:*} &&
		exits 0 ip-stats --today \$d --format tsv '$TESTS/review/'\$f.yaml >'$TMP/got' &&
		test \"\$(head -n 1 '$TMP/got' | cut -f 9)\" = sharing_expired &&
		test \"\$(tail -n 1 '$TMP/got' | cut -f 9)\" = \${c##*:} ||
		{ echo \"\$c: \$(tail -n 1 '$TMP/got')\"; exit 1; }
	done"
t "on a day: the KOSTRA figure of a year's end counts the plans as they stood" "
	cd '$TOP/examples' &&
	exits 0 ip-stats --today 2025-12-31 --format tsv . >'$TMP/got' &&
	test \"\$(cut -f 3 '$TMP/got' | tail -n 1)\" = 0 &&
	sed 's/^status: active\$/status: closed\\
closed: {date: 2027-03-01, reason: Flyttet.}/' emma-barnekoordinator.yaml \
		>'$TMP/emma.yaml' &&
	grep -q '^closed: {date: 2027-03-01' '$TMP/emma.yaml' &&
	exits 0 ip-stats --today 2026-12-31 --format tsv '$TMP/emma.yaml' >'$TMP/got' &&
	test \"\$(cut -f 3,4 '$TMP/got' | tail -n 1)\" = \"\$(printf '1\\t0')\" &&
	exits 0 ip-stats --today 2027-03-01 --format tsv '$TMP/emma.yaml' >'$TMP/got' &&
	test \"\$(cut -f 3,4 '$TMP/got' | tail -n 1)\" = \"\$(printf '0\\t1')\""

# --- two plans for one person --------------------------------------------

# b.yaml and c.yaml are for a.yaml's person: ip-validate finds each of them
# after a.yaml (rule one-plan), and c.yaml has an error of its own too.
t "a later plan for the same person counts as invalid, as ip-validate reports it, once and in its groups" "
	mkdir '$TMP/person-twice' &&
	cp '$ST/plans/odd-names.yaml' '$TMP/person-twice/a.yaml' &&
	sed 's/^id: .*/id: IP-TWICE-B/' '$ST/plans/odd-names.yaml' \
		>'$TMP/person-twice/b.yaml' &&
	sed -e 's/^id: .*/id: IP-TWICE-C/' -e 's/^coordinator: .*/coordinator: nobody/' \
		'$ST/plans/odd-names.yaml' >'$TMP/person-twice/c.yaml' &&
	exits 1 ip-validate -q --today $TODAY '$TMP/person-twice' 2>'$TMP/err' &&
	test \$(grep -c '\[one-plan\]' '$TMP/err') = 2 &&
	grep -q '^$TMP/person-twice/b.yaml:.*\[one-plan\]' '$TMP/err' &&
	grep -q '^$TMP/person-twice/c.yaml:.*\[one-plan\]' '$TMP/err' &&
	! grep -q '^$TMP/person-twice/a.yaml:' '$TMP/err' &&
	for j in 1 4; do
		exits 0 ip-stats -j \$j --by legal-basis --format tsv \
			--today $TODAY '$TMP/person-twice' >'$TMP/got' &&
		cut -f 1,2,10 '$TMP/got' | sed 1d | awk -F '\t' '\$2 != 3 || \$3 != 2 { exit 1 }' || exit 1
	done &&
	exits 0 ip-stats --format tsv --today $TODAY '$TMP/person-twice/b.yaml' \
		'$TMP/person-twice/a.yaml' >'$TMP/got' &&
	test \"\$(cut -f 10 '$TMP/got' | tail -n 1)\" = 1"

# --- the page in a real browser -------------------------------------------

# The pages of the corpus by organisation and of no plans, into $TMP.
pages="
	exits 2 ip-stats --today $TODAY --by organization --format html \
		'$CORPUS' >'$TMP/corpus.html' 2>/dev/null &&
	exits 2 ip-stats --today $TODAY --format html </dev/null \
		>'$TMP/empty.html' 2>/dev/null"
t "html: the pages of the corpus by organisation and of no plans" \
	"$pages"
# axe.js fails on any WCAG 2.1 A or AA rule broken, on screen or in print,
# on a request for anything outside the page, and on a script element; a
# missing chromium or module fails it too.  (The browser stage runs no
# other test: it makes the corpus and the pages itself.)
t_browser "html: axe-core in chromium finds nothing to fix, and the page asks for nothing outside" "
	python3 '$ST/corpus.py' gen '$CORPUS' $TODAY 300 && $pages &&
	cp '$ST/coordinator.html.expect' '$TMP/golden.html' &&
	TMPDIR='$TMP' NODE_PATH='$BUILD/npm/node_modules' \
		node '$TESTS/browser/axe.js' '$TMP/golden.html' \
		'$TMP/corpus.html' '$TMP/empty.html'"
t "html: only elements that neither run nor load, each closed" "
	python3 '$TESTS/htmlcheck.py' '$ST/coordinator.html.expect' \
		'$TMP/corpus.html' '$TMP/empty.html'"
t "html: the parts of the bars tell apart in greyscale, each outlined" "
	python3 '$ST/grey.py' '$ST/coordinator.html.expect' &&
	python3 '$ST/grey.py' '$TMP/corpus.html'"
t "html: a chart for each group, with its text alternative" "
	cd '$ST' &&
	test \$(grep -c '<svg role=\"img\" aria-labelledby=\"chart[0-9]*\"' coordinator.html.expect) = \
		\$(grep -c '<figcaption id=\"chart[0-9]*\">' coordinator.html.expect) &&
	test \$(grep -c '<figcaption' coordinator.html.expect) = \
		\$(grep -c '^<tr><th scope=\"row\">' coordinator.html.expect)"

# --- the yearly KOSTRA figure, as ip-stats(1) gives it ----------------------

t "ip-stats(1): the KOSTRA recipe as written" "
	sed -n '/^\\.Dl \\$ ip-stats --today 2026-12-31/s/^\\.Dl \\$ //p' \
		'$TOP/man/ip-stats.1' >'$TMP/recipe' &&
	test \$(wc -l <'$TMP/recipe') = 1 &&
	cd '$TESTS/review' &&
	sh -c \"\$(sed 's|/srv/plans|plans|' '$TMP/recipe')\" >'$TMP/got' &&
	echo 11 >'$TMP/want' && same '$TMP/want' '$TMP/got'"

# TSV is a table for a spreadsheet: a group's name that starts with what
# a spreadsheet takes for a formula gets a leading ' (OWASP); the counts
# never do.
t "stats TSV: a group's name that looks like a formula is neutralised" "
	exits 0 ip-stats --today $TODAY --by coordinator --format tsv \
		'$TESTS/review/formula.yaml' >'$TMP/out' &&
	grep -qx \"'@SUM(1+1) <-2+3@molde.kommune.no>	1	1	0	1	0	0	0	0	0	0\" '$TMP/out'"

test_done
