# t-record.sh - ip-evaluate and ip-close: what they change in a plan's
# text and nothing else, the diff of --dry-run, what they refuse, and
# that a plan they cannot write is left as it was.

. "$(dirname "$0")/lib.sh"

# Every test works on copies in a fresh directory, $TMP/rec.
fresh() {
	rm -rf "$TMP/rec" && mkdir "$TMP/rec" && cd "$TMP/rec" &&
	cp "$TOP/examples/amina-psychiatric.yaml" amina.yaml &&
	cp "$TOP/examples/lars-kvalifisering.yaml" lars.yaml &&
	cp "$TESTS/validate/closed-ok.yaml" closed.yaml
}

# The golden diffs: tests/record/CASE.args on the plan named in it (see
# edit_cases in lib.sh).
edit_cases record "$TESTS/record" fresh

t "record: after the evaluation ip-review no longer reports its review" "
	fresh &&
	exits 1 ip-review --today 2026-11-28 amina.yaml >before &&
	grep -q 'review due' before &&
	exits 0 ip-evaluate --today 2026-11-28 --summary 'Vi møttes.' \
	    amina.yaml >/dev/null &&
	exits 0 ip-review --today 2026-11-28 amina.yaml >after &&
	test ! -s after &&
	exits 0 ip-validate --today 2026-11-28 amina.yaml"
t "record: what ip-evaluate recorded, in the user's language" "
	fresh &&
	LC_ALL=nb_NO.UTF-8 exits 0 ip-evaluate --today $TODAY \
	    --summary 'Vi møttes.' --subgoal g1.2=achieved \
	    --end-measure t4=2026-11-30 amina.yaml >got &&
	printf '%s\n' 'evaluering planlagt 2026-12-01: gjennomført 2026-11-24' \
	    'sammendrag ført inn' 'delmål 1.2 (g1.2): oppnådd' \
	    'tiltak 4 (t4): sluttdato 2026-11-30' 'neste evaluering: 2027-03-01' >want &&
	same want got"
t "record: no review near the meeting: a done review is added, and the next" "
	fresh &&
	exits 0 ip-evaluate --today $TODAY --date 2026-07-01 --next-in 2m \
	    amina.yaml >got &&
	printf '%s\n' 'review done on 2026-07-01: added' \
	    'next review: 2026-09-01 (added)' >want && same want got"
t "record: the reviews added go among the others in the order of their dates" "
	fresh &&
	exits 0 ip-evaluate --today $TODAY --date 2026-07-01 --next-in 2m \
	    amina.yaml >/dev/null &&
	sed -n 's/^    - date: //p' amina.yaml >got &&
	printf '%s\n' 2026-07-01 2026-09-01 2026-09-01 2026-12-01 2027-03-01 \
	    2027-05-24 >want && same want got &&
	sed -n '/^    - date: 2026-07-01/{n;p;}' amina.yaml | grep -q 'done: 2026-07-01'"
t "record: a plan without review_interval gets no next review, and says so" "
	fresh && sed '/review_interval:/d' amina.yaml >plan.yaml &&
	exits 0 ip-evaluate --today $TODAY --date 2027-05-24 plan.yaml >got &&
	grep -q '^no next review: the plan has no review_interval' got"
t "record: a CRLF plan stays CRLF, every line" "
	fresh && sed 's/\$/\r/' amina.yaml >crlf.yaml &&
	exits 0 ip-evaluate --today $TODAY --summary 'To
linjer.' crlf.yaml >/dev/null &&
	! grep -v \"\$(printf '\r')\\\$\" crlf.yaml && grep -q 'linjer' crlf.yaml"
t "record: --summary-file -, a summary of lines as a literal block" "
	fresh && printf 'Første linje.\n\n# Overskrift\n' |
	exits 0 ip-evaluate --today $TODAY --summary-file - amina.yaml >/dev/null &&
	grep -A4 'done: 2026-11-24' amina.yaml >got &&
	printf '%s\n' '      done: 2026-11-24' '      summary: |' \
	    '        Første linje.' '' '        # Overskrift' >want && same want got"

# What they refuse, each leaving every file as it was.  Under valgrind, an
# unknown sub-goal, a bad --next-in, a plan that does not load, a plan it
# cannot write and one it would make worse; the others are refusals of
# an option's value, the path of the first two: a value the plan must
# have (an id, a date after its start) is refused by the library, one
# that is not a value at all by the command, before it reads the plan.
refuses() {
	rec_want=$1
	shift
	fresh && cp amina.yaml before && cp closed.yaml before-closed &&
	exits 2 "$@" 2>err && cmp amina.yaml before &&
	cmp closed.yaml before-closed && grep -q -- "$rec_want" err
}
t "record refuses: an unknown sub-goal, named" "
	refuses \"ip-evaluate: the plan has no sub-goal 'g9.9'\$\" \
	    ip-evaluate --subgoal g9.9=achieved amina.yaml"
t_no_vg "record refuses: an unknown measure, named" "
	refuses \"ip-evaluate: the plan has no measure 'x1'\$\" \
	    ip-evaluate --end-measure x1 amina.yaml"
t_no_vg "record refuses: a status outside the vocabulary" "
	refuses 'invalid --subgoal' ip-evaluate --subgoal g1.2=done amina.yaml"
t "record refuses: a bad --next-in, named" "
	refuses \"^ip-evaluate: invalid --next-in: '3x' (use N{d|w|m}, such as 6m)\$\" \
	    ip-evaluate --next-in 3x amina.yaml"
t_no_vg "record refuses: a bad date of --end-measure and of --next, named" "
	refuses \"^ip-evaluate: invalid date for --end-measure: '2026-02-30' (use YYYY-MM-DD)\$\" \
	    ip-evaluate --end-measure t4=2026-02-30 amina.yaml &&
	refuses \"^ip-evaluate: invalid date for --next: '1.3.2027' (use YYYY-MM-DD)\$\" \
	    ip-evaluate --next 1.3.2027 amina.yaml"
t_no_vg "record refuses: a sub-goal without a status, named" "
	refuses \"^ip-evaluate: invalid --subgoal: 'g1.2' (use ID=achieved, ID=open or ID=dropped)\$\" \
	    ip-evaluate --subgoal g1.2 amina.yaml"
t_no_vg "record refuses: a meeting before the plan's start" "
	refuses \"before the plan's start, 2026-06-01\" \
	    ip-evaluate --date 2026-01-01 amina.yaml"
t_no_vg "record refuses: a next review not after the meeting" "
	refuses 'is not after the meeting' \
	    ip-evaluate --date 2026-12-01 --next 2026-11-01 amina.yaml"
t_no_vg "record refuses: standard input" "
	refuses 'not standard input' ip-evaluate - &&
	refuses 'not standard input' ip-close --reason x -"
t_no_vg "record refuses: a plan closed already" "
	refuses 'closed already' ip-close --reason x closed.yaml &&
	refuses 'the plan is closed' ip-evaluate closed.yaml"
t "record refuses: ip-evaluate of a draft, until it is made active" "
	fresh && cp '$TESTS/validate/draft.yaml' draft.yaml &&
	cp draft.yaml before &&
	exits 2 ip-evaluate --today $TODAY --summary x draft.yaml 2>err &&
	cmp draft.yaml before &&
	grep -q '^ip-evaluate: the plan is a draft: make it active' err &&
	sed 's/^status: draft\$/status: active/' draft.yaml >active.yaml &&
	exits 0 ip-evaluate --today $TODAY --summary x active.yaml >/dev/null &&
	grep -q 'summary: x' active.yaml"
t_no_vg "record refuses: ip-close without a reason" "
	refuses 'reason is required' ip-close amina.yaml"
t "record refuses: a plan that does not load, with its findings" "
	fresh && printf 'format: iplan/1\nid: [\n' >bad.yaml &&
	cp bad.yaml before && exits 2 ip-evaluate bad.yaml 2>err &&
	cmp bad.yaml before && grep -q '^bad.yaml:3:1: error: ' err"
t "record refuses: a read-only plan" "
	fresh && chmod 444 amina.yaml && cp amina.yaml before &&
	exits 2 ip-close --reason x amina.yaml 2>err && cmp amina.yaml before &&
	grep -q \"cannot write 'amina.yaml'\" err && test -z \"\$(ls -A | grep '^\.')\""
t "record refuses: more errors than before, unless --force" "
	fresh && sed -i '162s/2026-06-01/2026-07-01/' amina.yaml &&
	cp amina.yaml before &&
	exits 1 ip-evaluate --end-measure t1=2026-06-02 amina.yaml 2>err &&
	cmp amina.yaml before && grep -q 'date-order' err &&
	grep -q 'more than its 0: nothing written' err &&
	exits 0 ip-evaluate --force --end-measure t1=2026-06-02 amina.yaml \
	    >/dev/null && ! cmp -s amina.yaml before"

# The editor: on a terminal (script(1) makes one), with neither summary
# option.  It gets a private file beside the plan with the template in
# the plan's language; what it writes is the summary.
rec_editor() {
	cat >"$TMP/rec/editor" <<-'EDITOR'
	#!/bin/sh
	# the file: beside the plan, mode 0600, the template
	ls -l "$1" | cut -c1-10 >"$REC/mode"
	dirname "$1" >"$REC/dir"
	cp "$1" "$REC/template"
	case $REC_DO in
	write)	printf 'Amina lager middag selv.\n' | cat - "$1" >"$1.new" &&
		mv "$1.new" "$1" ;;
	empty)	;;
	change)	printf 'Skrevet i editoren.\n' >"$1" &&
		echo '# changed meanwhile' >>"$REC/amina.yaml" ;;
	lock)	printf 'Skrevet.\n' >"$1"
		ip-close --reason x "$REC/amina.yaml" 2>"$REC/lock-err"
		echo $? >"$REC/lock-rc" ;;
	esac
	EDITOR
	chmod +x "$TMP/rec/editor"
}
rec_tty() {
	REC=$TMP/rec REC_DO=$1 VISUAL=$TMP/rec/editor \
	    script -qec "ip-evaluate --today $TODAY amina.yaml" /dev/null \
	    >out 2>&1
}
t "record editor: a private file beside the plan, the template, the summary" "
	fresh && rec_editor && rec_tty write &&
	test \"\$(cat mode)\" = '-rw-------' && test \"\$(cat dir)\" = . &&
	grep -q '^# Open sub-goals:' template &&
	grep -q '^#   g1.2  Amina does her own shopping' template &&
	grep -q '^#   t4  ' template &&
	grep -qx '#   t1  Treatment and follow-up by the FACT team, from 2026-06-01 until and including 2027-05-31' template &&
	grep -qx '#   t2  Psychiatric consultations and assessment of the compulsory c…, from 2026-06-01 until and including 2027-05-31' template &&
	grep -q '      summary: Amina lager middag selv.' amina.yaml &&
	test \"\$(ls -A | sort | tr '\n' ' ')\" = 'amina.yaml closed.yaml dir editor lars.yaml mode out template '"
t "record editor: the template in the plan's language" "
	fresh && rec_editor && cp lars.yaml amina.yaml && rec_tty empty;
	grep -q '^# Skriv samandraget' template &&
	grep -q '^# Delmål som pågår:' template"
t "record editor: an empty summary writes nothing, leaves nothing" "
	fresh && rec_editor && cp amina.yaml before && ! rec_tty empty &&
	cmp amina.yaml before && grep -q 'summary is empty' out &&
	test -z \"\$(ls -A | grep summary)\""
t "record editor: a plan changed meanwhile is not overwritten, the summary kept" "
	fresh && rec_editor && ! rec_tty change &&
	tail -n 1 amina.yaml | grep -q 'changed meanwhile' &&
	grep -q \"has changed since it was read: not overwritten\" out &&
	kept=\$(sed -n \"s/^ip-evaluate: the summary is kept in '\\(.*\\)'.*/\\1/p\" out | tr -d '\r') &&
	test \"\$(cat \"\$kept\")\" = 'Skrevet i editoren.'"
t "record editor: the plan is locked while the editor is open" "
	fresh && rec_editor && rec_tty lock &&
	test \"\$(cat lock-rc)\" = 2 &&
	grep -q 'is being changed by another command' lock-err"

# A plan in a directory without write permission: nothing written, and
# a summary written in the editor kept where the message says.  Root
# writes anywhere: as root, the commands run as nobody, in a directory
# beside $TMP (whose mode 0700 keeps nobody out), if nobody can reach it.
ro=$RUN/rec-ro
rm -rf "$ro" && mkdir -m 755 "$ro"
rec_as=
if [ "$(id -u)" -eq 0 ]; then
	rec_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	if ! command -v setpriv >/dev/null || ! $rec_as test -x "$ro"; then
		rec_as= ro=
		echo "note: t-record: nobody cannot enter $RUN, so a plan in a directory without write permission is not tested"
	fi
fi
# ro_fresh: $ro/d, of the user the commands run as, with
# amina.yaml; and an editor that writes the summary and takes away the
# write permission of the directory of the file it is given.
ro_fresh() {
	rm -rf "$ro/d" && mkdir "$ro/d" &&
	cp "$TOP/examples/amina-psychiatric.yaml" "$ro/d/amina.yaml" &&
	printf '#!/bin/sh\nprintf "Skrevet i editoren.\\n" >"$1" && chmod 555 "$(dirname "$1")"\n' \
	    >"$ro/editor" && chmod 755 "$ro/editor" &&
	if [ -n "$rec_as" ]; then chown -R 65534:65534 "$ro/d"; fi
}
if [ -n "$ro" ]; then
	t "record refuses: a plan in a directory without write permission, nothing written" "
		fresh && ro_fresh && chmod 555 '$ro/d' &&
		exits 2 $rec_as '$BUILD/ip-evaluate' --today $TODAY \
		    --summary 'Vi møttes.' '$ro/d/amina.yaml' 2>err &&
		echo \"ip-evaluate: cannot write in '$ro/d', where '$ro/d/amina.yaml' is: Permission denied\" >want &&
		same want err &&
		cmp '$ro/d/amina.yaml' '$TOP/examples/amina-psychiatric.yaml' &&
		test \"\$(ls -A '$ro/d')\" = amina.yaml"
	t "record editor: the directory made read-only while the editor is open: the summary kept, and where" "
		fresh && ro_fresh && out=\$PWD/out &&
		cd '$ro/d' && ! VISUAL='$ro/editor' $rec_as \
		    script -qec \"'$BUILD/ip-evaluate' --today $TODAY amina.yaml\" \
		    /dev/null >\"\$out\" 2>&1 &&
		grep -q \"cannot write in '.', where 'amina.yaml' is: Permission denied\" \"\$out\" &&
		kept=\$(sed -n \"s/^ip-evaluate: the summary is kept in '\\(.*\\)'.*/\\1/p\" \"\$out\" | tr -d '\r') &&
		test \"\$(cat \"\$kept\")\" = 'Skrevet i editoren.' &&
		cmp amina.yaml '$TOP/examples/amina-psychiatric.yaml' &&
		test \"\$(ls -A | wc -l)\" = 2"
fi
rm -rf "$ro"

test_done
