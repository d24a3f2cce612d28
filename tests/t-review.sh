# t-review.sh - ip-review: each kind of finding at its boundaries, the
# three formats (the calendar read back by a strict checker), grouping by
# coordinator, and the cron recipe of ip-review(1) as written there.
#
# The plans are in tests/review (a comment at the top of each says what it
# holds); tests/review/plans is a municipality's directory of them.

. "$(dirname "$0")/lib.sh"

vg_first_only

RV=$TESTS/review

# rv_is TODAY WITHIN FILE [LINE...]: as of TODAY, `ip-review --within
# WITHIN FILE` in tests/review prints exactly the LINEs and exits 1, the
# last of them ending in the command that records it, "; record it:
# ip-evaluate FILE" (and " or ip-close FILE" when the plan may be closed;
# "ip-consent FILE" when every LINE is of a consent to share), which the
# LINEs leave out; or, with no LINE, prints nothing and exits 0.
rv_is() {
	today=$1 within=$2 rv_file=$3
	shift 3
	rc=0
	: >"$TMP/want"
	if [ $# -gt 0 ]; then
		rc=1
		printf '%s\n' "$@" >"$TMP/want"
	fi
	cd "$RV" &&
	exits $rc ip-review --today "$today" --within "$within" \
	    "$rv_file" >"$TMP/got.full" &&
	rv_cmd="; record it: ip-evaluate $rv_file" &&
	{ grep -qv '  consent to share information ' "$TMP/want" ||
	    rv_cmd="; record it: ip-consent $rv_file"; } &&
	{ ! tail -n 1 "$TMP/got.full" | grep -q '  draft begun ' ||
	    rv_cmd="; finish it: ip-edit $rv_file"; } &&
	sed -e '$s/; record it: ip-\(evaluate\|consent\) [^ ]*\( or ip-close [^ ]*\)\{0,1\}$//' \
	    -e '$s/; finish it: ip-edit [^ ]*$//' \
		"$TMP/got.full" >"$TMP/got" &&
	same "$TMP/want" "$TMP/got" &&
	{ [ $rc = 0 ] || tail -n 1 "$TMP/got.full" | grep -qF "$rv_cmd"; } &&
	! sed '$d' "$TMP/got.full" | grep -q 'record it:\|finish it:'
}

# --- drafts ----------------------------------------------------------------

# ../validate/draft.yaml: begun (created) 2026-09-01, with reviews planned
# and a period that ends 2027-01-15, of which nothing is said: a draft is
# due for nothing but being finished.
DRAFT_LINE='../validate/draft.yaml  draft begun 31 days ago and not yet active: finish it and make it status: active  (no coordinator)'
t "review: a draft begun 30 days ago is not reported, 31 days ago it is, once" "
	rv_is 2026-10-01 30d ../validate/draft.yaml &&
	rv_is 2026-10-02 30d ../validate/draft.yaml \"2026-09-01  \$DRAFT_LINE\" &&
	rv_is 2027-01-10 1y ../validate/draft.yaml \
		'2026-09-01  ../validate/draft.yaml  draft begun 131 days ago and not yet active: finish it and make it status: active  (no coordinator)'"
t "review: --draft-days sets the age; without created, from the period's start" "
	cd '$RV' &&
	exits 0 ip-review --today 2026-10-02 --draft-days 31 ../validate/draft.yaml >'$TMP/got' &&
	same /dev/null '$TMP/got' &&
	exits 1 ip-review --today 2026-10-02 --draft-days 1 --format tsv ../validate/draft.yaml >'$TMP/got' &&
	printf '2026-09-01\t-31\toverdue\tdraft\t../validate/draft.yaml\tIP-TEST-1\t\t\t\n' >'$TMP/want' &&
	sed 1d '$TMP/got' | same '$TMP/want' - &&
	sed '/^created:/d' ../validate/draft.yaml >'$TMP/nocreated.yaml' &&
	exits 1 ip-review --today 2026-02-15 '$TMP/nocreated.yaml' >'$TMP/got' &&
	grep -q '^2026-01-15  .*nocreated.yaml  draft begun 31 days ago' '$TMP/got' &&
	exits 2 ip-review --draft-days 0 ../validate/draft.yaml 2>'$TMP/err' &&
	grep -q '^ip-review: .*draft-days' '$TMP/err'"

# --- each kind of finding at its boundaries --------------------------------

# Under valgrind, each kind's first tests; its other boundaries are the
# same path through due.c on another day.

# A planned review: plans/emma.yaml plans one for 2026-12-02.
t "review: the issue's example" "
	rv_is 2026-12-05 30d plans/emma.yaml '2026-12-02  plans/emma.yaml  review overdue by 3 days  (coordinator Ingrid Aasen)'"
t "review: overdue by one day" "
	rv_is 2026-12-03 30d plans/emma.yaml '2026-12-02  plans/emma.yaml  review overdue by 1 day  (coordinator Ingrid Aasen)'"
t_no_vg "review: due today" "
	rv_is 2026-12-02 30d plans/emma.yaml '2026-12-02  plans/emma.yaml  review due today  (coordinator Ingrid Aasen)'"
t_no_vg "review: due tomorrow" "
	rv_is 2026-12-01 30d plans/emma.yaml '2026-12-02  plans/emma.yaml  review due in 1 day  (coordinator Ingrid Aasen)'"
t_no_vg "review: due exactly at the horizon" "
	rv_is 2026-11-02 30d plans/emma.yaml '2026-12-02  plans/emma.yaml  review due in 30 days  (coordinator Ingrid Aasen)'"
t_no_vg "review: a day past the horizon is not reported" "
	rv_is 2026-11-01 30d plans/emma.yaml"
t_no_vg "review: a horizon in weeks" "
	rv_is 2026-11-18 2w plans/emma.yaml '2026-12-02  plans/emma.yaml  review due in 14 days  (coordinator Ingrid Aasen)' &&
	rv_is 2026-11-17 2w plans/emma.yaml"
t_no_vg "review: a horizon in months, and the long forms" "
	rv_is 2026-11-02 1m plans/emma.yaml '2026-12-02  plans/emma.yaml  review due in 30 days  (coordinator Ingrid Aasen)' &&
	rv_is 2026-11-01 1m plans/emma.yaml &&
	rv_is 2026-11-02 '30 days' plans/emma.yaml '2026-12-02  plans/emma.yaml  review due in 30 days  (coordinator Ingrid Aasen)' &&
	rv_is 2026-11-01 '1 month' plans/emma.yaml"
t_no_vg "review: the default horizon is 30 days" "
	cd '$RV' &&
	exits 1 ip-review --today 2026-11-02 plans/emma.yaml >'$TMP/got' &&
	grep -q '^2026-12-02  plans/emma.yaml  review due in 30 days  ' '$TMP/got' &&
	exits 0 ip-review --today 2026-11-01 plans/emma.yaml >'$TMP/got' &&
	same /dev/null '$TMP/got'"
t "review: several planned, one done, each at its boundary" "
	rv_is $TODAY 30d plans/reviews.yaml \
		'2026-11-23  plans/reviews.yaml  review overdue by 1 day  (coordinator Ingrid Aasen)' \
		'2026-11-24  plans/reviews.yaml  review due today  (coordinator Ingrid Aasen)' \
		'2026-12-24  plans/reviews.yaml  review due in 30 days  (coordinator Ingrid Aasen)'"

# review_interval: plans/interval.yaml had its review on 2026-08-31 and
# has an interval of 3 months: the next is due 2026-11-30.
t "review_interval: a month end and 3 months is the end of a shorter month" "
	rv_is 2026-11-30 30d plans/interval.yaml '2026-11-30  plans/interval.yaml  review due today  (coordinator Ola Hansen)'"
t_no_vg "review_interval: overdue by one day" "
	rv_is 2026-12-01 30d plans/interval.yaml '2026-11-30  plans/interval.yaml  review overdue by 1 day  (coordinator Ola Hansen)'"
t_no_vg "review_interval: due exactly at the horizon, not a day before" "
	rv_is 2026-10-31 30d plans/interval.yaml '2026-11-30  plans/interval.yaml  review due in 30 days  (coordinator Ola Hansen)' &&
	rv_is 2026-10-30 30d plans/interval.yaml"
t "review_interval: a review still open from before the last one done does not stand for it" "
	sed 's/^  reviews:\$/&\\
    - date: 2026-08-01/' '$RV/plans/interval.yaml' >'$TMP/stale.yaml' &&
	rv_is 2026-11-30 30d '$TMP/stale.yaml' \
		\"2026-08-01  $TMP/stale.yaml  review overdue by 121 days  (coordinator Ola Hansen)\" \
		\"2026-11-30  $TMP/stale.yaml  review due today  (coordinator Ola Hansen)\""
t "review_interval: a year after the leap day 2028-02-29 is 2029-02-28" "
	rv_is 2029-02-28 30d leap.yaml '2029-02-28  leap.yaml  review due today  (coordinator Ola Hansen)' &&
	rv_is 2029-02-27 1d leap.yaml '2029-02-28  leap.yaml  review due in 1 day  (coordinator Ola Hansen)' &&
	rv_is 2029-03-01 30d leap.yaml '2029-02-28  leap.yaml  review overdue by 1 day  (coordinator Ola Hansen)' &&
	rv_is 2029-02-26 1d leap.yaml"
t "review_interval: from the start when no review is done" "
	rv_is 2026-11-24 30d plans/start.yaml '2026-11-24  plans/start.yaml  review due today  (no coordinator)'"
t "review_interval: a planned review before it stands for it" "
	rv_is $TODAY 30d plans/covered.yaml \"2026-12-08  plans/covered.yaml  review due in 14 days  (coordinator Kari Nordmann)\" &&
	rv_is 2026-12-10 30d plans/covered.yaml \
		'2026-12-08  plans/covered.yaml  first review overdue by 2 days, and the plan has never been reviewed  (coordinator Kari Nordmann)'"
t_no_vg "review_interval: not after the end of the period" "
	sed '/date: 2027-02-15/d' '$RV/plans/quiet.yaml' >'$TMP/quiet.yaml' &&
	rv_is $TODAY 1y '$TMP/quiet.yaml' \
		\"2027-03-01  $TMP/quiet.yaml  plan period ends in 97 days  (coordinator Ola Hansen)\" \
		\"2027-03-01  $TMP/quiet.yaml  consent to share information expires in 97 days  (coordinator Ola Hansen)\" &&
	rv_is $TODAY 1y plans/quiet.yaml \
		'2027-02-15  plans/quiet.yaml  review due in 83 days  (coordinator Ola Hansen)' \
		'2027-03-01  plans/quiet.yaml  plan period ends in 97 days  (coordinator Ola Hansen)' \
		'2027-03-01  plans/quiet.yaml  consent to share information expires in 97 days  (coordinator Ola Hansen)'"

# The plan period: plans/molde/period-end.yaml ends 2026-12-24.
t_no_vg "period-end: exactly at the horizon, not a day before" "
	rv_is $TODAY 30d plans/molde/period-end.yaml '2026-12-24  plans/molde/period-end.yaml  plan period ends in 30 days  (coordinator Bjørn Ødegård)' &&
	rv_is 2026-11-23 30d plans/molde/period-end.yaml"
t_no_vg "period-end: the last day of the period" "
	rv_is 2026-12-24 30d plans/molde/period-end.yaml '2026-12-24  plans/molde/period-end.yaml  plan period ends today  (coordinator Bjørn Ødegård)'"
t "period-end: ended, and the plan still active" "
	rv_is 2026-12-25 30d plans/molde/period-end.yaml '2026-12-24  plans/molde/period-end.yaml  plan period ended 1 day ago: evaluate and renew the plan, or close it  (coordinator Bjørn Ødegård)'"

# Consent to share information: plans/molde/consent.yaml until 2026-12-01.
t_no_vg "consent-expires: exactly at the horizon, not a day before" "
	rv_is 2026-11-01 30d plans/molde/consent.yaml '2026-12-01  plans/molde/consent.yaml  consent to share information expires in 30 days  (coordinator Bjørn Ødegård)' &&
	rv_is 2026-10-31 30d plans/molde/consent.yaml"
t_no_vg "consent-expires: the last day" "
	rv_is 2026-12-01 30d plans/molde/consent.yaml '2026-12-01  plans/molde/consent.yaml  consent to share information expires today  (coordinator Bjørn Ødegård)'"
t "consent-expires: expired, and the plan still active" "
	rv_is 2026-12-02 30d plans/molde/consent.yaml '2026-12-01  plans/molde/consent.yaml  consent to share information expired 1 day ago, and the plan is still active  (coordinator Bjørn Ødegård)'"

t "subgoal: open past its date; not on it, nor achieved or dropped" "
	rv_is $TODAY 30d plans/subgoal.yaml \
		'2026-09-15  plans/subgoal.yaml  sub-goal 1.5 (g1.5) \"Gå tur 30 minutter hver dag.\" still open, due 70 days ago  (coordinator Ingrid Aasen)' \
		'2026-11-23  plans/subgoal.yaml  sub-goal 1.1 (g1.1) \"Handle inn mat selv hver uke.\" still open, due 1 day ago  (coordinator Ingrid Aasen)'"
t_no_vg "subgoal: a day after its date" "
	rv_is 2026-11-25 30d plans/subgoal.yaml \
		'2026-09-15  plans/subgoal.yaml  sub-goal 1.5 (g1.5) \"Gå tur 30 minutter hver dag.\" still open, due 71 days ago  (coordinator Ingrid Aasen)' \
		'2026-11-23  plans/subgoal.yaml  sub-goal 1.1 (g1.1) \"Handle inn mat selv hver uke.\" still open, due 2 days ago  (coordinator Ingrid Aasen)' \
		'2026-11-24  plans/subgoal.yaml  sub-goal 1.2 (g1.2) \"Lage middag selv to dager i uken.\" still open, due 1 day ago  (coordinator Ingrid Aasen)'"
t "subgoal: the TSV names which" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --format tsv plans/subgoal.yaml \
		>'$TMP/got' &&
	cut -f 1,7 '$TMP/got' >'$TMP/items' &&
	printf 'date\titem\n2026-09-15\tg1.5\n2026-11-23\tg1.1\n' >'$TMP/want' &&
	same '$TMP/want' '$TMP/items'"

t "measure-ended: after the last review; not before it, on its day or today" "
	rv_is $TODAY 30d plans/measure.yaml \
		'2026-10-31  plans/measure.yaml  measure 2 (t2) \"Fysioterapi\" ended 24 days ago, with no review since  (coordinator Ola Hansen)' \
		'2026-11-23  plans/measure.yaml  measure 4 (t4) \"Støttekontakt\" ended 1 day ago, with no review since  (coordinator Ola Hansen)'"
t_no_vg "measure-ended: a day after it ended" "
	rv_is 2026-11-25 30d plans/measure.yaml \
		'2026-10-31  plans/measure.yaml  measure 2 (t2) \"Fysioterapi\" ended 25 days ago, with no review since  (coordinator Ola Hansen)' \
		'2026-11-23  plans/measure.yaml  measure 4 (t4) \"Støttekontakt\" ended 2 days ago, with no review since  (coordinator Ola Hansen)' \
		'2026-11-24  plans/measure.yaml  measure 3 (t3) \"Praktisk bistand\" ended 1 day ago, with no review since  (coordinator Ola Hansen)'"

t "never-reviewed: not on the first planned date" "
	rv_is 2026-09-01 30d plans/never.yaml '2026-09-01  plans/never.yaml  review due today  (no coordinator)'"
t_no_vg "never-reviewed: a day after it" "
	rv_is 2026-09-02 30d plans/never.yaml \
		'2026-09-01  plans/never.yaml  first review overdue by 1 day, and the plan has never been reviewed  (no coordinator)'"
t "never-reviewed: the first date that review_interval asks for" "
	rv_is 2026-11-25 30d plans/start.yaml \
		'2026-11-24  plans/start.yaml  first review overdue by 1 day, and the plan has never been reviewed  (no coordinator)'"

t "never-reviewed: not after the period ends, when review_interval asks for nothing" "
	rv_is $TODAY 30d ended.yaml \"2026-03-01  ended.yaml  plan period ended 268 days ago: evaluate and renew the plan, or close it  (no coordinator)\" &&
	sed 's/^  end: 2026-03-01/  end: 2026-07-05/' '$RV/ended.yaml' >'$TMP/ended.yaml' &&
	rv_is $TODAY 30d '$TMP/ended.yaml' \
		\"2026-07-05  $TMP/ended.yaml  plan period ended 142 days ago: evaluate and renew the plan, or close it (and 1 finding that follows from it)  (no coordinator)\" &&
	exits 1 ip-review --today $TODAY --format tsv '$TMP/ended.yaml' >'$TMP/tsv' &&
	cut -f 4 '$TMP/tsv' >'$TMP/kinds' &&
	printf '%s\\n' kind review period-end never-reviewed >'$TMP/want' &&
	same '$TMP/want' '$TMP/kinds'"

t "a closed plan is skipped" "
	rv_is $TODAY 30d plans/closed.yaml &&
	sed 's/^status: closed/status: active/' '$RV/plans/closed.yaml' \
		>'$TMP/open.yaml' &&
	cd '$RV' && exits 1 ip-review --today $TODAY --format tsv '$TMP/open.yaml' >'$TMP/got' &&
	sed 1d '$TMP/got' | cut -f 4 | sort -u | tr '\\n' ' ' >'$TMP/kinds' &&
	echo 'consent-expires measure-ended never-reviewed period-end review subgoal ' |
		tr -d '\\n' >'$TMP/want' &&
	same '$TMP/want' '$TMP/kinds'"
t "a plan with nothing due prints nothing" "
	rv_is $TODAY 30d plans/quiet.yaml"

# A coordinator who is the person herself is never named, in any format.
t "the person as coordinator is shown as the person, never by name" "
	sed -e 's/^coordinator: ingrid/coordinator: emma/' \
	    -e 's/^    role: person\$/&\\
    email: emma.haugen@example.org/' '$RV/plans/emma.yaml' >'$TMP/self.yaml' &&
	grep -q '^coordinator: emma' '$TMP/self.yaml' &&
	grep -q 'emma.haugen@' '$TMP/self.yaml' &&
	rv_is $TODAY 30d '$TMP/self.yaml' \
		'2026-12-02  $TMP/self.yaml  review due in 8 days  (coordinator: the person)' &&
	exits 1 ip-review --today $TODAY --by-coordinator '$TMP/self.yaml' '$RV/plans/emma.yaml' \
		>'$TMP/by' &&
	printf '%s\n' 'Ingrid Aasen <ingrid.aasen@molde.kommune.no>' \
		'2026-12-02  $RV/plans/emma.yaml  review due in 8 days; record it: ip-evaluate $RV/plans/emma.yaml' '' \
		'(coordinator: the person)' \
		'2026-12-02  $TMP/self.yaml  review due in 8 days; record it: ip-evaluate $TMP/self.yaml' >'$TMP/want' &&
	same '$TMP/want' '$TMP/by' &&
	exits 1 ip-review --today $TODAY --format tsv '$TMP/self.yaml' >'$TMP/tsv' &&
	printf '(the person)\t\n' >'$TMP/want' &&
	sed 1d '$TMP/tsv' | cut -f 8,9 >'$TMP/got' && same '$TMP/want' '$TMP/got' &&
	exits 1 ip-review --today $TODAY --format ics '$TMP/self.yaml' >'$TMP/self.ics' &&
	python3 '$RV/icscheck.py' '$TMP/self.ics' >'$TMP/events' &&
	grep -q 'Koordinator: personen selv' '$TMP/events' &&
	! grep -i 'haugen' '$TMP/by' '$TMP/tsv' '$TMP/self.ics'"

# ip-export(1) gives as the next review the one ip-review reports first.
t "ip-export's next review is ip-review's, review_interval and all" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --within 1y plans/interval.yaml >'$TMP/got' &&
	head -n 1 '$TMP/got' | grep -q '^2026-11-30  plans/interval.yaml  review due in 6 days  ' &&
	ip-export --today $TODAY plans/interval.yaml >'$TMP/doc' &&
	grep -q '^  - \*\*Neste evaluering:\*\* 30\. november 2026\$' '$TMP/doc' &&
	ip-export --today 2026-12-01 plans/interval.yaml >'$TMP/doc' &&
	grep -q '^  - \*\*Neste evaluering:\*\* 30\. november 2026 (på overtid)\$' '$TMP/doc' &&
	sed 's/^status: active/status: closed/' plans/interval.yaml >'$TMP/closed.yaml' &&
	ip-export '$TMP/closed.yaml' >'$TMP/doc' &&
	! grep -q 'Neste evaluering' '$TMP/doc'"

# --- the directory, in each format -----------------------------------------

# rv_golden NAME ARGS: ip-review --today $TODAY ARGS plans (in
# tests/review) prints tests/review/plans.NAME and exits 1.
rv_golden() {
	name=$1
	shift
	cd "$RV" &&
	exits 1 ip-review --today $TODAY "$@" plans >"$TMP/plans.$name" &&
	golden "$RV/plans.$name.expect" "$TMP/plans.$name"
}
t "plans: text" "rv_golden text"
t "plans: text, grouped by coordinator" "rv_golden by-coordinator --by-coordinator"
t "plans: tsv" "rv_golden tsv --format tsv"
t "plans: ics" "rv_golden ics --format ics"
t "plans: the same on 1 thread and on 3" "
	cd '$RV' &&
	for f in text tsv ics; do
		exits 1 ip-review -j 3 --today $TODAY --format \$f plans >'$TMP/j3' &&
		exits 1 ip-review -j 1 --today $TODAY --format \$f plans >'$TMP/j1' &&
		same '$TMP/j1' '$TMP/j3' || exit 1
	done"
# grouped GROUPED PLAIN: each line of GROUPED is a line of PLAIN
# without the coordinator it ends in there, under the heading of that
# coordinator (its name, without the address); none is left out.
grouped() {
	awk '{ sub(/; record it: ip-(evaluate|consent) .*$/, "") }
	NR == FNR {
		c = $0
		sub(/^.*  \(/, "(", c)
		sub(/  \([^(]*\)$/, "")
		if (sub(/^\(coordinator /, "", c))
			sub(/\)$/, "", c)
		want[$0] = c
		n++
		next
	}
	/^$/ { h = ""; next }
	h == "" { h = $0; sub(/ <[^<]*>$/, "", h); next }
	!($0 in want) || want[$0] != h { bad = 1 }
	{ got++ }
	END { exit bad || got != n }' "$2" "$1"
}
t "plans: grouping keeps every line, each under its coordinator and only there" "
	grouped '$RV/plans.by-coordinator.expect' '$RV/plans.text.expect' &&
	sed 's/^Ola Hansen/Ola Hansem/' '$RV/plans.by-coordinator.expect' >'$TMP/wrong' &&
	! grouped '$TMP/wrong' '$RV/plans.text.expect' &&
	sed '\$d' '$RV/plans.by-coordinator.expect' >'$TMP/short' &&
	! grouped '$TMP/short' '$RV/plans.text.expect'"
t "plans: tsv has a header and nine fields on every line" "
	head -n 1 '$RV/plans.tsv.expect' >'$TMP/head' &&
	printf 'date\tdays\tstatus\tkind\tfile\tplan_id\titem\tcoordinator\tcoordinator_email\n' >'$TMP/want' &&
	same '$TMP/want' '$TMP/head' &&
	awk -F '\t' 'NF != 9 { exit 1 }' '$RV/plans.tsv.expect' &&
	sed 1d '$RV/plans.tsv.expect' | cut -f 4 | grep -vcx never-reviewed >'$TMP/n' &&
	test \$(cat '$TMP/n') -eq \$(wc -l <'$RV/plans.text.expect')"

t "text: a sub-goal's text and a measure's title cut to 40 characters, on one line" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY long.yaml >'$TMP/long.text' &&
	golden '$RV/long.text.expect' '$TMP/long.text' &&
	! grep -q 23045640027 '$TMP/long.text'"

# --- the calendar, read back -----------------------------------------------

ICS="python3 $RV/icscheck.py"
t "ics: the checker reads the calendar, one event per finding" "
	$ICS '$RV/plans.ics.expect' >'$TMP/events' &&
	test \$(wc -l <'$TMP/events') -eq \$((\$(wc -l <'$RV/plans.tsv.expect') - 1))"
t "ics: escaping and folding read back to the plan's text" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --format ics escape.yaml >'$TMP/e.ics' &&
	golden '$RV/escape.ics.expect' '$TMP/e.ics' &&
	$ICS '$TMP/e.ics' >'$TMP/events' &&
	golden '$RV/escape.events.expect' '$TMP/events' &&
	grep -q '^ ' '$TMP/e.ics'"
# tests/review/uids.expect holds the UIDs these runs gave before the
# events' titles were written in the plan's language: a calendar that
# imported them then is updated by the new file, not doubled.
t "ics: UIDs are those of before, in nb, nn and en plans" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --within 9999y --format ics plans escape.yaml \
		withdrawn.yaml >'$TMP/u1.ics' &&
	cd '$TOP' &&
	exits 1 ip-review --today 2027-06-01 --within 1y --format ics examples >'$TMP/u2.ics' &&
	{ $ICS '$TMP/u1.ics' && $ICS '$TMP/u2.ics'; } >'$TMP/events' &&
	sed 's/.*\"UID\": \"\\([^\"]*\\)\".*/\\1/' '$TMP/events' >'$TMP/uids' &&
	golden '$RV/uids.expect' '$TMP/uids'"
t "ics: titles and descriptions in each plan's language: nb, nn and en" "
	cd '$TOP' &&
	exits 1 ip-review --today 2027-04-13 --within 60d --format ics examples >'$TMP/ex.ics' &&
	$ICS '$TMP/ex.ics' >'$TMP/events' &&
	golden '$RV/examples.events.expect' '$TMP/events' &&
	grep -q '\"SUMMARY\": \"Delmål 1.3 (g1.3) «' '$TMP/events' &&
	grep -q '\"SUMMARY\": \"Tiltak 3 (t3) «Truckførarkurs (AMO-kurs)» slutta, inga evaluering etterpå: ' '$TMP/events' &&
	grep -q '\"SUMMARY\": \"Sub-goal 1.2 (g1.2) “' '$TMP/events'"
t_no_vg "ics: UIDs stay the same on the next day" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --format ics plans >'$TMP/a.ics' &&
	exits 1 ip-review --today 2026-11-25 --format ics plans >'$TMP/b.ics' &&
	$ICS '$TMP/a.ics' | sed 's/.*\"UID\": \"\\([^\"]*\\)\".*/\\1/' | sort >'$TMP/a' &&
	$ICS '$TMP/b.ics' | sed 's/.*\"UID\": \"\\([^\"]*\\)\".*/\\1/' | sort >'$TMP/b' &&
	test -s '$TMP/a' && comm -23 '$TMP/a' '$TMP/b' >'$TMP/gone' &&
	same /dev/null '$TMP/gone' && ! same '$TMP/a' '$TMP/b' >/dev/null"
t "ics: two reviews planned for one day have UIDs of their own; a file named twice counts once" "
	sed 's/^    - date: 2026-12-02\$/&\\
&/' '$RV/plans/emma.yaml' >'$TMP/twice.yaml' &&
	test \$(grep -c '^    - date: 2026-12-02\$' '$TMP/twice.yaml') -eq 2 &&
	for day in $TODAY 2026-11-25; do
		exits 1 ip-review --today \$day --format ics '$TMP/twice.yaml' '$TMP/twice.yaml' \
			>'$TMP/twice.ics' &&
		$ICS '$TMP/twice.ics' | sed 's/.*\"UID\": \"\\([^\"]*\\)\".*/\\1/' >'$TMP/uids.'\$day || exit 1
	done &&
	printf 'review+IP-2026-0117+2026-12-02%s@iplan\n' '' +2 >'$TMP/want' &&
	same '$TMP/want' '$TMP/uids.$TODAY' && same '$TMP/want' '$TMP/uids.2026-11-25'"
t "ics: a '-' in a plan id and in an item id do not make one UID of two" "
	sed -e 's/^id: IP-T-SUBGOAL/id: A/' -e 's/- id: g1.1\$/- id: x-1/' \
		'$RV/plans/subgoal.yaml' >'$TMP/a.yaml' &&
	sed -e 's/^id: IP-T-SUBGOAL/id: A-x/' -e 's/- id: g1.1\$/- id: 1/' \
		'$RV/plans/subgoal.yaml' >'$TMP/a-x.yaml' &&
	grep -q 'id: x-1' '$TMP/a.yaml' && grep -q 'id: 1\$' '$TMP/a-x.yaml' &&
	exits 1 ip-review --today $TODAY --format ics '$TMP/a.yaml' '$TMP/a-x.yaml' >'$TMP/a.ics' &&
	$ICS '$TMP/a.ics' >'$TMP/events' &&
	grep -q '\"UID\": \"subgoal+A+x-1@iplan\"' '$TMP/events' &&
	grep -q '\"UID\": \"subgoal+A-x+1@iplan\"' '$TMP/events'"
t "ics: a file name that is not UTF-8, with a comma and a semicolon" "
	f=\$(printf '$TMP/b\\377d, x;y.yaml') &&
	cp '$RV/plans/never.yaml' \"\$f\" &&
	exits 1 ip-review --today $TODAY --format ics \"\$f\" >'$TMP/n.ics' &&
	$ICS '$TMP/n.ics' >'$TMP/events' &&
	grep -q 'b%FFd%2C%20x%3By.yaml+2026-09-01@iplan' '$TMP/events' &&
	grep -q 'Fil: $TMP/b?d, x;y.yaml' '$TMP/events'"
t "a file name of a surrogate, an overlong form and a value past U+10FFFF" "
	f=\$(printf '$TMP/s\355\240\200o\300\257v\364\220\200\200.yaml') &&
	cp '$RV/plans/never.yaml' \"\$f\" &&
	exits 1 ip-review --today $TODAY --format ics \"\$f\" >'$TMP/s.ics' &&
	$ICS '$TMP/s.ics' >'$TMP/events' &&
	grep -q 'Fil: $TMP/s???o??v????.yaml' '$TMP/events' &&
	exits 1 ip-review --today $TODAY \"\$f\" >'$TMP/s.txt' &&
	grep -q ' $TMP/s???o??v????.yaml ' '$TMP/s.txt'"
t "ics: nothing due is an empty calendar" "
	cd '$RV' &&
	exits 0 ip-review --today $TODAY --format ics plans/quiet.yaml >'$TMP/q.ics' &&
	$ICS '$TMP/q.ics' >'$TMP/events' && same /dev/null '$TMP/events' &&
	grep -q '^END:VCALENDAR' '$TMP/q.ics' &&
	exits 0 ip-review --today $TODAY --format tsv plans/quiet.yaml >'$TMP/q' &&
	same /dev/null '$TMP/q'"

t "ics: an event on 9999-12-31 has no DTEND, not one in the year 0" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --within 9999y --format ics \
	    last-day.yaml >'$TMP/l.ics' &&
	$ICS '$TMP/l.ics' >'$TMP/events' &&
	grep -q '\"DTSTART\": \"99991231\"' '$TMP/events' &&
	! grep -q DTEND '$TMP/l.ics'"

# The checker itself must take what is right and refuse what is wrong: a
# minimal calendar with the lines of a printf format added to its event.
rv_cal() {
	printf 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n'
	printf 'BEGIN:VEVENT\r\nUID:u1\r\nDTSTAMP:20261124T000000Z\r\n'
	printf 'DTSTART;VALUE=DATE:20261201\r\n'
	printf "${1-}"
	printf 'END:VEVENT\r\nEND:VCALENDAR\r\n'
}
ok() {
	t "ics checker: takes $1" "
		rv_cal '$2' >'$TMP/ok.ics' && $ICS '$TMP/ok.ics' >'$TMP/events' &&
		grep -q '\"UID\": \"u1\"' '$TMP/events'"
}
rv_bad() {
	t "ics checker: refuses $1" "
		rv_cal '$2' >'$TMP/bad.ics' &&
		exits 1 $ICS '$TMP/bad.ics' 2>'$TMP/err' &&
		grep -q '^icscheck: line' '$TMP/err'"
}
A67=$(printf '%67s' '' | tr ' ' a)
ok "a minimal calendar" ''
ok "a line of 75 octets" "SUMMARY:$A67\r\n"
ok "escapes, and a fold between two characters" 'SUMMARY:a\\, b\\; \303\270\r\n c\\n\r\n'
rv_bad "a line of 76 octets" "SUMMARY:${A67}a\r\n"
rv_bad "a character folded in two" 'SUMMARY:\303\r\n \270\r\n'
rv_bad "a bare LF" 'SUMMARY:a\nb\r\n'
rv_bad "a control character" 'SUMMARY:a\001b\r\n'
rv_bad "an unescaped comma" 'SUMMARY:a, b\r\n'
rv_bad "a bad escape" 'SUMMARY:a\\x\r\n'
rv_bad "END that closes the wrong component" 'END:VCALENDAR\r\n'
rv_bad "a calendar inside an event" 'BEGIN:VCALENDAR\r\n'
rv_bad "a second UID" 'UID:u2\r\n'
rv_bad "a date that does not exist" 'DTEND;VALUE=DATE:20260230\r\n'
rv_bad "DTEND before DTSTART" 'DTEND;VALUE=DATE:20261130\r\n'
t "ics checker: refuses an event without DTSTAMP" "
	rv_cal | grep -v DTSTAMP >'$TMP/bad.ics' &&
	exits 1 $ICS '$TMP/bad.ics' 2>/dev/null"

# --- trouble ---------------------------------------------------------------

t "a plan that does not load: reported, the rest still read, exit 2" "
	cd '$RV' &&
	exits 2 ip-review --today $TODAY plans/emma.yaml broken.yaml plans/molde \
		>'$TMP/got' 2>'$TMP/err' &&
	printf '%s\n' \"broken.yaml:7:10: error: '2026-02-30' is not a real date [date]\" >'$TMP/want' &&
	same '$TMP/want' '$TMP/err' &&
	printf '%s\n' '2026-12-01  plans/molde/consent.yaml  consent to share information expires in 7 days  (coordinator Bjørn Ødegård); record it: ip-consent plans/molde/consent.yaml' \
		'2026-12-02  plans/emma.yaml  review due in 8 days  (coordinator Ingrid Aasen); record it: ip-evaluate plans/emma.yaml' \
		'2026-12-24  plans/molde/period-end.yaml  plan period ends in 30 days  (coordinator Bjørn Ødegård); record it: ip-evaluate plans/molde/period-end.yaml' >'$TMP/want' &&
	same '$TMP/want' '$TMP/got'"
t "a file that cannot be read is trouble" "
	exits 2 ip-review --today $TODAY '$TMP/none.yaml' >'$TMP/got' 2>'$TMP/err' &&
	same /dev/null '$TMP/got' &&
	grep -q \"^$TMP/none.yaml: error: cannot read '$TMP/none.yaml': No such file or directory \\[io\\]\$\" '$TMP/err'"
t "standard input is named <stdin>, with - or no file" "
	exits 1 ip-review --today $TODAY - <'$RV/plans/emma.yaml' >'$TMP/got' &&
	grep -q '^2026-12-02  <stdin>  review due in 8 days  (coordinator Ingrid Aasen)\$' '$TMP/got' &&
	exits 1 ip-review --today $TODAY <'$RV/plans/emma.yaml' >'$TMP/got2' &&
	same '$TMP/got' '$TMP/got2'"
# (Under valgrind the first: the others take its path with other text.)
rv_t=t
for w in 0d 30 3x '' -1d 10000d; do
	$rv_t "--within '$w' is a usage error" "
		exits 2 ip-review --within '$w' '$RV/plans' >'$TMP/got' 2>'$TMP/err' &&
		same /dev/null '$TMP/got' &&
		grep -q \"^ip-review: invalid horizon for --within: '$w'\" '$TMP/err'"
	rv_t=t_no_vg
done
t "--format other than text, tsv or ics is a usage error" "
	exits 2 ip-review --format csv '$RV/plans' 2>'$TMP/err' &&
	grep -q \"^ip-review: invalid --format: 'csv' (use text, tsv or ics)\" '$TMP/err'"
t "--by-coordinator goes with text only" "
	exits 2 ip-review --by-coordinator --format ics '$RV/plans' 2>'$TMP/err' &&
	grep -q '^ip-review: --by-coordinator goes with --format text only' '$TMP/err'"
t "a horizon to the year 9999 and beyond" "
	rv_is $TODAY 9999y leap.yaml \
		'2028-02-29  leap.yaml  review due in 462 days  (coordinator Ola Hansen)' \
		'2030-02-28  leap.yaml  plan period ends in 1192 days  (coordinator Ola Hansen)'"
t "a full disk is an error" "
	! test -w /dev/full ||
	exits 2 ip-review --today $TODAY --format ics '$RV/plans' >/dev/full 2>'$TMP/err'"
t "a national id is never printed" "
	cd '$RV' &&
	sed -n 's/^ *national_id: \"\\([0-9]*\\)\"/\\1/p' plans/*.yaml plans/*/*.yaml \
		>'$TMP/nids' &&
	test \$(wc -l <'$TMP/nids') -ge 10 &&
	{ ip-review --today 2027-12-31 --within 9999y plans
	  ip-review --today 2027-12-31 --within 9999y --format tsv plans
	  ip-review --today 2027-12-31 --within 9999y --format ics plans
	  ip-review --today 2027-12-31 --within 9999y --by-coordinator plans
	} >'$TMP/all'
	test \$(wc -l <'$TMP/all') -gt 50 &&
	! grep -F -f '$TMP/nids' '$TMP/all'"

# --- the cron recipes of ip-review(1), as written ---------------------------

# The recipes are taken from the rendered page.  Each job runs with the
# installed ip-review, /usr/local/bin/ip-review, as $TMP/cron/bin/ip-review
# fixed to $TODAY, and a sendmail that keeps each mail with its arguments
# in $TMP/cron/mail, in $TMP/cron/sbin; neither is on cron's PATH.

# recipes: the page's lines without their indent, in $TMP/page.
recipes() {
	mandoc -T ascii "$TOP/man/ip-review.1" | sed 's/^ *//' >"$TMP/page" &&
	rm -rf "$TMP/cron" &&
	mkdir -p "$TMP/cron/bin" "$TMP/cron/sbin" "$TMP/cron/mail" "$TMP/cron/www" &&
	printf '#!/bin/sh\nexec %s --today %s "$@"\n' "$(command -v ip-review)" \
		"$TODAY" >"$TMP/cron/bin/ip-review" &&
	printf '#!/bin/sh\nf=%s/$(ls %s | wc -l)\n{ echo "sendmail $*"; cat; } >"$f"\n' \
		"$TMP/cron/mail" "$TMP/cron/mail" >"$TMP/cron/sbin/sendmail" &&
	chmod +x "$TMP/cron/bin/ip-review" "$TMP/cron/sbin/sendmail"
}

# rv_job LINE PLANS: the command of the crontab line LINE, which must name
# ip-review by its full path and have no %, with the installed ip-review
# replaced as above, /srv/iplan/plans by PLANS and /srv/www/iplan by
# $TMP/cron/www.
rv_job() {
	rv_cmd=$(printf '%s\n' "$1" | sed 's/^\([^ ]*  *\)\{5\}//') &&
	case $rv_cmd in
	*%*) echo "a % in the job: $rv_cmd"; return 1;;
	*/usr/local/bin/ip-review\ *) ;;
	*) echo "no full path in the job: $rv_cmd"; return 1;;
	esac &&
	printf '%s\n' "$rv_cmd" | sed -e "s|/usr/local/bin/ip-review|$TMP/cron/bin/ip-review|g" \
		-e "s|/srv/iplan/plans|$2|g" -e "s|/srv/www/iplan|$TMP/cron/www|g"
}

# rv_cron PLANS: runs the job of the crontab that starts with SHELL= in the
# page, in tests/review, with its variables set, PLANS=PLANS and the fake
# sendmail before the crontab's PATH; its output in $TMP/cron/out.
rv_cron() {
	sed -n '/^SHELL=/,/^[0-9]/p' "$TMP/page" >"$TMP/crontab" &&
	test $(wc -l <"$TMP/crontab") -eq 7 &&
	rv_c=$(rv_job "$(sed -n '$p' "$TMP/crontab")" /srv/iplan/plans) &&
	(
		while IFS= read -r line; do
			case $line in [A-Z]*=*) export "$line";; esac
		done <"$TMP/crontab" &&
		test "$ADMIN" = iplan-admin@molde.kommune.no &&
		test "$LANG" = nb_NO.UTF-8 &&
		test "$PATH" = /usr/bin:/bin:/usr/sbin &&
		unset LC_ALL &&
		export PATH="$TMP/cron/sbin:$PATH" PLANS="$1" \
			SOURCE_DATE_EPOCH=1795000000 &&
		cd "$RV" && sh -c "$rv_c"
	) >"$TMP/cron/out" 2>&1
}

# The Message-ID holds the process id: the golden file has it as PID.
t "cron: the recipe of ip-review(1) mails each coordinator their part" "
	recipes && { rv_cron plans; test \$? = 1; } &&
	same /dev/null '$TMP/cron/out' &&
	for m in 0 1 2 3; do cat '$TMP/cron/mail/'\$m; echo .; done |
		sed 's/^\(Message-ID: <ip-review\.[0-9]*\.\)[0-9]*\./\1PID./' >'$TMP/mails' &&
	golden '$RV/cron.expect' '$TMP/mails' &&
	test \$(ls '$TMP/cron/mail' | wc -l) -eq 4 &&
	test \$(grep -c '^Subject: ' '$TMP/mails') -eq 4 &&
	! grep -q '^Subject: .*[Pp]lans\\? need' '$TMP/mails'"
t "cron: a name that holds an address in angle brackets is mailed to ADMIN" "
	mkdir -p '$TMP/forged' &&
	sed -e 's/^    name: Ingrid Aasen\$/& <boss@evil.example>/' \
	    -e '/email: ingrid/d' '$RV/plans/emma.yaml' >'$TMP/forged/emma.yaml' &&
	grep -q '^    name: Ingrid Aasen <boss@evil.example>\$' '$TMP/forged/emma.yaml' &&
	! grep -q 'email:' '$TMP/forged/emma.yaml' &&
	recipes && { rv_cron '$TMP/forged'; test \$? = 1; } &&
	same /dev/null '$TMP/cron/out' &&
	test \$(ls '$TMP/cron/mail' | wc -l) -eq 1 &&
	sed -n '1p;/^To:/p' '$TMP/cron/mail/0' >'$TMP/got' &&
	printf '%s\n' 'sendmail -t -oi' 'To: iplan-admin@molde.kommune.no' \
		>'$TMP/want' &&
	same '$TMP/want' '$TMP/got' &&
	grep -q '?boss@evil.example?' '$TMP/cron/mail/0' &&
	! grep -q '<boss@' '$TMP/cron/mail/0'"
t "cron: the administrator's recipe of ip-review(1) runs on cron's PATH" "
	recipes &&
	sed -n '/^MAILTO=/{n;p;q;}' '$TMP/page' >'$TMP/line' &&
	job=\$(rv_job \"\$(cat '$TMP/line')\" '$RV/plans') &&
	cd / && env -i PATH=/usr/bin:/bin sh -c \"\$job\" >'$TMP/cron/out' 2>'$TMP/cron/err'
	test \$? -eq 1 && same /dev/null '$TMP/cron/err' &&
	sed 's|$RV/||g' '$TMP/cron/out' >'$TMP/got' &&
	same '$RV/plans.text.expect' '$TMP/got'"
t "cron: the calendar recipe of ip-review(1) runs on cron's PATH, mode 0600" "
	recipes &&
	grep '^15 5 ' '$TMP/page' >'$TMP/line' && test \$(wc -l <'$TMP/line') -eq 1 &&
	job=\$(rv_job \"\$(cat '$TMP/line')\" '$RV/plans') &&
	(umask 022 && cd / && env -i PATH=/usr/bin:/bin sh -c \"\$job\") >'$TMP/cron/out' 2>&1 &&
	same /dev/null '$TMP/cron/out' &&
	exits 1 ip-review --today $TODAY --format ics --within 1y '$RV/plans' >'$TMP/want.ics' &&
	same '$TMP/want.ics' '$TMP/cron/www/reviews.ics' &&
	test \$(stat -c %a '$TMP/cron/www/reviews.ics') = 600 &&
	ls -A '$TMP/cron/www' >'$TMP/files' && echo reviews.ics >'$TMP/want' &&
	same '$TMP/want' '$TMP/files'"
t "cron: after trouble the calendar recipe keeps the old calendar, and no new file" "
	recipes &&
	job=\$(rv_job \"\$(grep '^15 5 ' '$TMP/page')\" '$RV/plans $TMP/none.yaml') &&
	echo old >'$TMP/cron/www/reviews.ics' &&
	(cd / && env -i PATH=/usr/bin:/bin sh -c \"\$job\") >'$TMP/cron/out' 2>&1 &&
	grep -q \"cannot read '$TMP/none.yaml'\" '$TMP/cron/out' &&
	echo old >'$TMP/want' && same '$TMP/want' '$TMP/cron/www/reviews.ics' &&
	ls -A '$TMP/cron/www' >'$TMP/files' && echo reviews.ics >'$TMP/want' &&
	same '$TMP/want' '$TMP/files'"
t "cron: nothing due, no mail" "
	mkdir -p '$TMP/cron2' && cd '$RV' &&
	exits 0 ip-review --today $TODAY --by-coordinator plans/quiet.yaml >'$TMP/cron2/out' &&
	same /dev/null '$TMP/cron2/out'"

t "a national id in a plan id or a coordinator's name is never printed" "
	sed -e 's/^id: IP-2026-0117/id: \"17059012274\"/' \
	    -e 's/    name: Ingrid Aasen/    name: \"12038040187\"/' \
	    '$RV/plans/emma.yaml' >'$TMP/nid.yaml' &&
	grep -q 17059012274 '$TMP/nid.yaml' && grep -q 12038040187 '$TMP/nid.yaml' &&
	for how in '' --by-coordinator '--format tsv' '--format ics'; do
		exits 1 ip-review --today $TODAY \$how '$TMP/nid.yaml' \
		    >'$TMP/out' 2>&1 &&
		grep -q 'national' '$TMP/out' &&
		! grep -q '17059012274\|12038040187' '$TMP/out' || exit 1
	done &&
	ip-review --today $TODAY --format ics '$TMP/nid.yaml' |
	    grep -q '^UID:review+%3Cnational%20id%3E+2026-12-02@iplan'"

# One rule for what looks like a national id (ip_nid_written()): every
# grouping of 6+5 and 6+3+2 digits, the date's too, with one separator of
# any kind, fullwidth digits, and inside a longer run of digits, in the
# plan id, a name, an item's id and text and the file name, in every
# format, the calendar's UIDs too (unfolded, so that no fold hides one).
nid_leaks='40187\|401 87\|\xef\xbc\x94\xef\xbc\x90\xef\xbc\x91'
t "a national id written in any way is never printed, nor in a UID" "
	mkdir -p '$TMP/nidforms' && cp '$RV/nid-forms.yaml' '$TMP/nidforms/120380-40187.yaml' &&
	cd '$TMP/nidforms' &&
	for how in '' --by-coordinator '--format tsv' '--format ics'; do
		exits 1 ip-review --today $TODAY \$how 120380-40187.yaml >out 2>&1 &&
		tr -d '\r' <out | sed -e ':a' -e 'N' -e '\$!ba' -e 's/\n //g' >flat &&
		test \$(grep -c 'national id' flat) -ge 2 &&
		! grep -q \"\$(printf '$nid_leaks')\" flat || exit 1
	done &&
	for by in coordinator organization; do
		for f in text tsv json html; do
			ip-stats --today $TODAY --by \$by --format \$f 120380-40187.yaml ||
				exit 1
		done
	done >stats &&
	grep -q 'national id' stats && ! grep -q \"\$(printf '$nid_leaks')\" stats &&
	sed 's/^    name: \\(\"a .*\"\\)\$/    name: x\\n    \\1: 1/' \
		120380-40187.yaml >bad.yaml &&
	exits 1 ip-validate --today $TODAY bad.yaml 2>err &&
	grep -q 'unknown key' err && grep -q 'national id' err &&
	! grep -q \"\$(printf '$nid_leaks')\" err"

# TSV is a table for a spreadsheet: a text cell that starts with what a
# spreadsheet takes for a formula gets a leading ' (OWASP); dates and
# counts never do.
t "review TSV: text cells that look like formulas are neutralised, dates and counts not" "
	mkdir -p '$TMP/formula/-x' && cd '$TMP/formula' &&
	cp -- '$RV/formula.yaml' -x/+plan.yaml &&
	exits 1 ip-review --today $TODAY --format tsv -- -x/+plan.yaml >out &&
	golden '$RV/formula.tsv.expect' out && grep -q \"	'=HYPERLINK(\" out &&
	grep -q '^2026-12-02	8	due	review	' out"

# --- a consent to share information withdrawn -------------------------------

t "review: a consent to share withdrawn, once, with its date, until a review since" "
	rv_is 2026-11-24 30d sharing-withdrawn.yaml '2026-11-20  sharing-withdrawn.yaml  consent to share information withdrawn 4 days ago, with no review since  (coordinator Ola Hansen)' &&
	rv_is 2026-11-20 30d sharing-withdrawn.yaml '2026-11-20  sharing-withdrawn.yaml  consent to share information withdrawn today  (coordinator Ola Hansen)' &&
	rv_is 2026-11-10 10d sharing-withdrawn.yaml '2026-11-20  sharing-withdrawn.yaml  consent to share information withdrawn in 10 days  (coordinator Ola Hansen)' &&
	rv_is 2026-11-10 9d sharing-withdrawn.yaml '2026-09-01  sharing-withdrawn.yaml  consent to share information withdrawn 70 days ago, with no review since  (coordinator Ola Hansen)' &&
	sed 's/^    - {date: 2026-06-01, done: 2026-06-01}\$/&\n    - {date: 2026-11-20, done: 2026-11-20}/' \
		'$RV/sharing-withdrawn.yaml' >'$TMP/reviewed.yaml' &&
	exits 0 ip-review --today 2026-11-24 '$TMP/reviewed.yaml' >'$TMP/got' &&
	same /dev/null '$TMP/got'"
t "review: a consent renewed is not reported to expire, the one in force is" "
	rv_is 2027-12-20 30d sharing-withdrawn.yaml \
		'2026-11-20  sharing-withdrawn.yaml  consent to share information withdrawn 395 days ago, with no review since  (coordinator Ola Hansen)' \
		'2027-12-31  sharing-withdrawn.yaml  consent to share information expires in 11 days  (coordinator Ola Hansen)' &&
	sed 's/^    - {date: 2026-11-22, participants: \[ola\], until: 2027-12-31}\$/&\n    - {date: 2027-12-01, participants: [ola, nav]}/' \
		'$RV/sharing-withdrawn.yaml' >'$TMP/renewed.yaml' &&
	cd '$TMP' && exits 1 ip-review --today 2027-12-20 renewed.yaml >got &&
	grep -q 'withdrawn 395 days ago' got && ! grep -q expires got"

# Whether the end or the withdrawal of a consent to share is reported is
# whether it leaves someone uncovered, as ip_covering() says for the views:
# a renewal after a gap does not hide the gap, a consent with no end
# covers those a shorter one names, a renewal withdrawn renews nothing.
t "review: a consent's end is reported when it leaves someone uncovered" "
	rv_is 2026-12-20 30d sharing-gap.yaml \
		'2026-12-31  sharing-gap.yaml  consent to share information expires in 11 days  (coordinator Ola Hansen)' &&
	rv_is 2027-01-20 30d sharing-gap.yaml &&
	rv_is 2026-12-20 30d sharing-covered.yaml \
		'2027-01-10  sharing-covered.yaml  consent to share information expires in 21 days  (coordinator Ola Hansen)' &&
	rv_is 2026-12-20 30d sharing-renewal-withdrawn.yaml \
		'2026-12-31  sharing-renewal-withdrawn.yaml  consent to share information expires in 11 days  (coordinator Ola Hansen)'"

# --- a consent to the plan withdrawn ----------------------------------------

t "review: consent withdrawn from an active plan, reported until it is closed" "
	rv_is 2026-11-24 30d withdrawn.yaml '2026-11-20  withdrawn.yaml  consent to the plan withdrawn 4 days ago, and the plan is not closed  (coordinator Ola Hansen)' &&
	rv_is 2027-06-01 30d withdrawn.yaml \
		'2026-11-20  withdrawn.yaml  consent to the plan withdrawn 193 days ago, and the plan is not closed  (coordinator Ola Hansen)' &&
	rv_is 2026-11-10 10d withdrawn.yaml '2026-11-20  withdrawn.yaml  consent to the plan withdrawn in 10 days, and the plan is not closed  (coordinator Ola Hansen)' &&
	rv_is 2026-11-10 9d withdrawn.yaml &&
	sed 's/^format: iplan.1\$/&\nstatus: closed\nclosed: {date: 2026-11-21}/' \
		'$RV/withdrawn.yaml' >'$TMP/closed.yaml' &&
	exits 0 ip-review --today 2026-11-24 '$TMP/closed.yaml' >'$TMP/got' &&
	same /dev/null '$TMP/got' &&
	sed 's/^  name: Vera Vik\$/&\n  care: compulsory/' \
		'$RV/withdrawn.yaml' >'$TMP/compulsory.yaml' &&
	exits 0 ip-review --today 2026-11-24 '$TMP/compulsory.yaml' >'$TMP/got' &&
	same /dev/null '$TMP/got'"

# --- one line for each thing to do -----------------------------------------

# Emma's plan (examples/) on 2027-06-10: the period ended, the consent ran
# out with it, measures ended, sub-goals open: in TSV each, in text one line.
t "text: a plan whose period ended is one line, its findings folded in" "
	cd '$TOP/examples' &&
	exits 1 ip-review --today 2027-06-10 emma-barnekoordinator.yaml >'$TMP/got' &&
	test \$(wc -l <'$TMP/got') -eq 1 &&
	exits 1 ip-review --today 2027-06-10 --format tsv emma-barnekoordinator.yaml >'$TMP/tsv' &&
	n=\$(sed 1d '$TMP/tsv' | grep -vc 'never-reviewed') &&
	test \$n -ge 10 &&
	grep -q \"^2027-03-01  emma-barnekoordinator.yaml  plan period ended 101 days ago: evaluate and renew the plan, or close it (and \$((n - 1)) findings that follow from it)  (coordinator Hanne Lie); record it: ip-evaluate emma-barnekoordinator.yaml or ip-close emma-barnekoordinator.yaml\\\$\" '$TMP/got' &&
	LC_ALL=nb_NO.UTF-8 ip-review --today 2027-06-10 emma-barnekoordinator.yaml >'$TMP/nb' ;
	grep -q ': evaluer og forny planen, eller avslutt den (og ' '$TMP/nb' &&
	grep -q '; før inn: ip-evaluate emma-barnekoordinator.yaml eller ip-close ' '$TMP/nb'"
t "text: a consent that ran out before the period ended keeps its line" "
	sed 's/^\\(  *\\)until: .*/\\1until: 2027-01-10/' '$TOP/examples/emma-barnekoordinator.yaml' >'$TMP/early.yaml' &&
	grep -q '^ *until: 2027-01-10' '$TMP/early.yaml' &&
	exits 1 ip-review --today 2027-06-10 '$TMP/early.yaml' >'$TMP/got' &&
	test \$(wc -l <'$TMP/got') -eq 2 &&
	head -n 1 '$TMP/got' | grep -q '^2027-01-10  .*  consent to share information expired 151 days ago' &&
	tail -n 1 '$TMP/got' | grep -q '^2027-03-01  .*  plan period ended '"
t "text: each plan's lines together, the most urgent first, the command on the last" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY plans >'$TMP/got' &&
	cut -d ' ' -f 3 '$TMP/got' | uniq >'$TMP/files' &&
	test \$(wc -l <'$TMP/files') -eq \$(sort -u '$TMP/files' | wc -l) &&
	awk '{ f = \$2; if (f != last && last != \"\" && prev !~ /; record it: ip-(evaluate|consent) /) bad = 1
		if (f == last && prev ~ /; record it:/) bad = 1
		last = f; prev = \$0 } END { exit bad }' '$TMP/got'"
t "text: the command names a file the shell takes as it is" "
	cp '$RV/plans/emma.yaml' \"$TMP/it's a plan.yaml\" &&
	exits 1 ip-review --today $TODAY \"$TMP/it's a plan.yaml\" >'$TMP/got' &&
	sed -n 's/.*; record it: //p' '$TMP/got' >'$TMP/cmd' &&
	test \"\$(sh -c 'for a; do printf \"%s|\" \"\$a\"; done' sh \$(cat '$TMP/cmd'))\" != x &&
	eval \"set -- \$(cat '$TMP/cmd')\" && test \$# -eq 2 && test \"\$1\" = ip-evaluate &&
	test \"\$2\" = \"$TMP/it's a plan.yaml\""

# Each command a line ends with, run as printed on a fresh copy of the
# plan: ip-evaluate records the review; ip-close, which needs a reason only
# the coordinator can give, asks for it on a terminal (script(1) gives it
# one) and, off one, says that it needs it and nothing else.
t "text: the commands a line ends with run as printed" "
	mkdir '$TMP/run' && cd '$TMP/run' &&
	cp '$TOP/examples/emma-barnekoordinator.yaml' plan.yaml &&
	exits 1 ip-review --today 2027-06-10 plan.yaml >got &&
	sed -n 's/.*; record it: //p' got | sed 's/ or /\\n/g' >cmds &&
	test \$(wc -l <cmds) -eq 2 &&
	while read -r cmd; do
		cp '$TOP/examples/emma-barnekoordinator.yaml' plan.yaml &&
		case \$cmd in
		ip-evaluate\\ *)
			exits 0 \$cmd --today 2027-06-10 </dev/null >out &&
			grep -q '^ *done: 2027-06-10' plan.yaml ;;
		ip-close\\ *)
			exits 2 \$cmd --today 2027-06-10 </dev/null 2>err &&
			echo 'ip-close: --reason is required: say why the plan ends' >want &&
			same want err &&
			cmp -s plan.yaml '$TOP/examples/emma-barnekoordinator.yaml' &&
			echo 'Flyttet til Bodø' >answer &&
			script -qec \"\$cmd --today 2027-06-10\" /dev/null <answer >out &&
			grep -q 'Why does the plan end?' out &&
			grep -qx '  reason: Flyttet til Bodø' plan.yaml ;;
		*) false ;;
		esac || exit 1
	done <cmds"

# --- the calendar: what is overdue shows on the day of the run -------------

t "ics: an overdue item is on the day of the run, its own date in the description" "
	cd '$RV' &&
	exits 1 ip-review --today 2027-01-20 --format ics plans/emma.yaml >'$TMP/o.ics' &&
	$ICS '$TMP/o.ics' >'$TMP/events' &&
	grep 'review+IP-2026-0117+2026-12-02@iplan' '$TMP/o.ics' &&
	sed -n '/^UID:review+IP-2026-0117+2026-12-02@iplan/,/^END:VEVENT/p' '$TMP/o.ics' >'$TMP/ev' &&
	grep -qx 'DTSTART;VALUE=DATE:20270120.' '$TMP/ev' &&
	grep -qx 'SEQUENCE:49.' '$TMP/ev' &&
	grep -q '^DESCRIPTION:På overtid siden 2. desember 2026' '$TMP/ev' &&
	exits 1 ip-review --today 2027-01-21 --format ics plans/emma.yaml >'$TMP/p.ics' &&
	grep -q '^UID:review+IP-2026-0117+2026-12-02@iplan' '$TMP/p.ics' &&
	grep -qx 'DTSTART;VALUE=DATE:20270121.' '$TMP/p.ics' &&
	exits 1 ip-review --today 2026-11-24 --format ics plans/emma.yaml >'$TMP/q.ics' &&
	grep -qx 'DTSTART;VALUE=DATE:20261202.' '$TMP/q.ics' && ! grep -q SEQUENCE '$TMP/q.ics'"
t "ics: --language sets the calendar's words for every plan" "
	cd '$TOP' &&
	exits 1 ip-review --today 2027-04-13 --within 60d --format ics --language nb examples >'$TMP/nb.ics' &&
	$ICS '$TMP/nb.ics' >'$TMP/events' &&
	! grep -q '\"SUMMARY\": \"Sub-goal\\|\"SUMMARY\": \"Review of' '$TMP/events' &&
	grep -q '\"SUMMARY\": \"Delmål 1.2 (g1.2) “\\|\"SUMMARY\": \"Delmål 1.2 (g1.2) «' '$TMP/events' &&
	exits 2 ip-review --format ics --language de examples 2>'$TMP/err' &&
	grep -q \"^ip-review: invalid --language: 'de'\" '$TMP/err'"

# --- mail, one message for each coordinator ---------------------------------

MBOX="python3 $RV/mboxcheck.py"
t "mail: --mail=mbox parses as one message for each address, in bokmål" "
	cd '$RV' &&
	LC_ALL=nb_NO.UTF-8 exits 1 ip-review --today $TODAY --mail=mbox \
		--mail-from ip@molde.kommune.no --mail-to admin@molde.kommune.no \
		plans >'$TMP/m.mbox' &&
	$MBOX '$TMP/m.mbox' >'$TMP/msgs' &&
	grep -v '^ ' '$TMP/msgs' | cut -f 1 >'$TMP/to' &&
	printf '%s\n' bjorn.odegard@molde.kommune.no ingrid.aasen@molde.kommune.no \
		ola.hansen@molde.kommune.no admin@molde.kommune.no >'$TMP/want' &&
	same '$TMP/want' '$TMP/to' &&
	test \$(grep -c '	[0-9]* individuelle planer trenger deg (24. november 2026)\$' '$TMP/msgs') -eq 4 &&
	grep -q '^  Disse individuelle planene trenger deg per 24. november 2026:' '$TMP/msgs' &&
	grep -q '^  Sendt av ip-review' '$TMP/msgs' &&
	! grep -q 'need you\\|review due' '$TMP/msgs' &&
	sed -n '/^admin@/,\$p' '$TMP/msgs' | tr -s ' \\n' '  ' |
		grep -q '(koordinator: personen selv)\\|(ingen koordinator)'"
t "mail: one plan is one plan, in the subject and the first line" "
	cd '$RV' &&
	LC_ALL=nb_NO.UTF-8 exits 1 ip-review --today $TODAY --mail=mbox \
		--mail-from ip@molde.kommune.no plans/emma.yaml >'$TMP/one.mbox' &&
	$MBOX '$TMP/one.mbox' >'$TMP/one' &&
	grep -q '	1 individuell plan trenger deg (24. november 2026)\$' '$TMP/one' &&
	grep -q '^  Denne individuelle planen trenger deg per 24. november 2026:' '$TMP/one'"
t "mail: no national id, and an address from a plan only if plain" "
	sed -e 's/^id: IP-2026-0117/id: \"17059012274\"/' \
	    -e 's/^    email: ingrid.aasen@molde.kommune.no/    email: \"x@y.no\\\\nBcc: all@evil.example\"/' \
	    '$RV/plans/emma.yaml' >'$TMP/nid.yaml' &&
	grep -q 17059012274 '$TMP/nid.yaml' && grep -q 'Bcc' '$TMP/nid.yaml' &&
	exits 1 ip-review --today $TODAY --mail=mbox --mail-from ip@molde.kommune.no \
		'$TMP/nid.yaml' >'$TMP/n.mbox' &&
	$MBOX '$TMP/n.mbox' >'$TMP/msgs' &&
	grep -v '^ ' '$TMP/msgs' | cut -f 1 >'$TMP/to' &&
	echo ip@molde.kommune.no >'$TMP/want' && same '$TMP/want' '$TMP/to' &&
	! grep -q '^Bcc' '$TMP/n.mbox' && ! grep -q 17059012274 '$TMP/n.mbox'"
t "mail: the coordinator's name in To as the text writes it" "
	sed 's/^    name: Ingrid Aasen/    name: \"Ingrid \\\\u202e 17059012274\"/' \
		'$RV/from.yaml' >'$TMP/to.yaml' &&
	grep -q 'u202e 17059012274' '$TMP/to.yaml' &&
	exits 1 ip-review --today $TODAY --mail=mbox --mail-from ip@molde.kommune.no \
		'$TMP/to.yaml' >'$TMP/t.mbox' &&
	$MBOX '$TMP/t.mbox' >'$TMP/msgs' &&
	grep -q '^ingrid.aasen@molde.kommune.no	' '$TMP/msgs'"
# A line of quoted-printable broken with "=" goes on on the next line of
# the message: that line too must not begin with "From " (an mbox reader
# would begin a new message there) or "." (an SMTP server may drop it).
t "mail: no line after a soft line break begins with 'From ' or '.'" "
	cd '$RV' &&
	exits 1 ip-review --today $TODAY --mail=mbox --mail-from ip@molde.kommune.no \
		from.yaml >'$TMP/f.mbox' &&
	test \$(grep -c '^From ' '$TMP/f.mbox') -eq 1 &&
	! grep -q '^\\.' '$TMP/f.mbox' &&
	test \$(grep -c '=\$' '$TMP/f.mbox') -ge 2 &&
	$MBOX '$TMP/f.mbox' >'$TMP/msgs' &&
	grep -q 'øFrom x\" still' '$TMP/msgs' && grep -q 'ø\\. x\" still' '$TMP/msgs'"
t "mail: each message through \$SENDMAIL -t -oi; one refused is trouble" "
	mkdir -p '$TMP/sm' &&
	printf '#!/bin/sh\nn=\$(ls %s | wc -l)\n{ echo \"\$*\"; cat; } >%s/m\$n\n' '$TMP/sm' '$TMP/sm' >'$TMP/sendmail' &&
	chmod +x '$TMP/sendmail' &&
	cd '$RV' &&
	SENDMAIL='$TMP/sendmail' exits 1 ip-review --today $TODAY --mail \
		--mail-from ip@molde.kommune.no plans >'$TMP/out' 2>'$TMP/err' &&
	same /dev/null '$TMP/out' && same /dev/null '$TMP/err' &&
	test \$(ls '$TMP/sm' | wc -l) -eq 4 &&
	head -qn 1 '$TMP'/sm/m* | sort -u >'$TMP/args' &&
	echo '-t -oi' >'$TMP/want' && same '$TMP/want' '$TMP/args' &&
	SENDMAIL=false exits 2 ip-review --today $TODAY --mail \
		--mail-from ip@molde.kommune.no plans >'$TMP/out' 2>'$TMP/err' &&
	test \$(grep -c \"^ip-review: 'false' failed: the message was not sent\\\$\" '$TMP/err') -eq 4 &&
	SENDMAIL='$TMP/none' exits 2 ip-review --today $TODAY --mail \
		--mail-from ip@molde.kommune.no plans/emma.yaml 2>'$TMP/err' &&
	grep -q \"cannot run '$TMP/none'\" '$TMP/err'"
t "mail: usage errors" "
	exits 2 ip-review --mail --format tsv '$RV/plans' 2>'$TMP/err' &&
	grep -q '^ip-review: --mail writes text' '$TMP/err' &&
	exits 2 ip-review --mail --mail-to 'a b@c' '$RV/plans' 2>'$TMP/err' &&
	grep -q \"^ip-review: invalid --mail-to: 'a b@c'\" '$TMP/err' &&
	exits 2 ip-review --mail=maildir '$RV/plans' 2>'$TMP/err' &&
	grep -q \"^ip-review: invalid --mail: 'maildir'\" '$TMP/err' &&
	exits 2 ip-review --mail-to a@b.no '$RV/plans' 2>'$TMP/err' &&
	grep -q '^ip-review: --mail-to and --mail-from go with --mail' '$TMP/err'"

# A file's name may hold what no plan can: ESC, BEL and CSI (C1).  No
# output of ip-review (text, TSV, the calendar, mail) nor of ip-stats
# writes a control but tab and line feed (and the calendar's CR before
# each line feed, which iCalendar asks for): each is '?'.
t "review, stats: a file name with controls reaches no output as controls" "
	rm -rf '$TMP/ctl' && mkdir '$TMP/ctl' && cd '$TMP/ctl' && mkdir plans &&
	cp '$TESTS/export/kari.yaml' \"plans/\$(printf 'a\\033]0;X\\007\\302\\233b').yaml\" &&
	for f in text tsv ics; do
		exits 1 ip-review --today $TODAY --within 1y --format \$f plans \
			>out.\$f || exit 1
	done &&
	exits 1 ip-review --today $TODAY --within 1y --mail=mbox \
		--mail-to admin@example.org plans >out.mbox &&
	for f in text tsv; do
		ip-stats --today $TODAY --format \$f plans >stats.\$f || exit 1
	done &&
	sed -i 's/\r\$//' out.ics &&
	! LC_ALL=C grep -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' out.* stats.* &&
	grep -qF 'plans/a?]0;X??b.yaml' out.text &&
	grep -qF 'plans/a?]0\;X??b.yaml' out.ics"

test_done
