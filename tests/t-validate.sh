# t-validate.sh - ip-validate: golden cases, the examples, hostile input.

. "$(dirname "$0")/lib.sh"

vg_first_only

# Golden cases: tests/validate/NAME.yaml beside NAME.expect, the exact
# diagnostics.  The exit status follows from them: 2 for trouble (io),
# 1 for any error, else 0.
#
# Under valgrind the cases run in one ip-validate, as the examples do:
# one process takes each case's path through the checks as a run of its
# own would, and its findings are those of the cases one after another
# (but for one-plan, as the cases share a person).  A hundred runs would
# each pay valgrind's start for little more.
if [ -z "${IPLAN_VALGRIND:-}" ]; then
	for case in "$TESTS"/validate/*.yaml; do
		name=$(basename "$case" .yaml)
		expect=${case%.yaml}.expect
		if grep -q '\[io\]$' "$expect"; then want=2
		elif grep -q ': error: ' "$expect"; then want=1
		else want=0
		fi
		t "validate $name" "
			cd '$TESTS/validate' &&
			exits $want ip-validate --today $TODAY '$name.yaml' \
				2>'$TMP/actual' &&
			golden '$expect' '$TMP/actual'"
	done
	for ex in "$TOP"/examples/*.yaml; do
		t "example $(basename "$ex") validates clean" "
			exits 0 ip-validate --strict --today $TODAY '$ex' \
				2>'$TMP/err' &&
			same /dev/null '$TMP/err'"
	done
else
	t "validate: every case at once, each as alone" "
		cd '$TESTS/validate' &&
		for f in *.yaml; do cat \"\${f%.yaml}.expect\"; done >'$TMP/want' &&
		want=1 && { ! grep -q '\[io\]\$' '$TMP/want' || want=2; } &&
		exits \$want ip-validate -j 1 --today $TODAY *.yaml \
			2>'$TMP/actual' &&
		grep -v ' \[one-plan\]\$' '$TMP/actual' | same '$TMP/want' -"
	t "examples validate clean" "
		exits 0 ip-validate --strict --today $TODAY '$TOP'/examples/*.yaml \
			2>'$TMP/err' &&
		same /dev/null '$TMP/err'"
fi

# all-findings.yaml: ip-validate goes on after errors in fields and runs
# the content checks; the commands that use a plan still refuse it, and
# say only why it does not load.
t "a plan with errors in fields is refused by ip-export, ip-review and ip-stats" "
	cd '$TESTS/validate' &&
	grep -v -e unknown-ref -e future-date all-findings.expect >'$TMP/want' &&
	! cmp -s '$TMP/want' all-findings.expect &&
	exits 1 ip-export --today $TODAY all-findings.yaml >'$TMP/out' \
		2>'$TMP/err' &&
	same /dev/null '$TMP/out' && same '$TMP/want' '$TMP/err' &&
	exits 2 ip-review --today $TODAY all-findings.yaml >/dev/null \
		2>'$TMP/err' &&
	same '$TMP/want' '$TMP/err' &&
	exits 2 ip-stats --today $TODAY all-findings.yaml >/dev/null \
		2>'$TMP/err' &&
	same '$TMP/want' '$TMP/err'"

t "a directory is searched recursively, in order" "
	mkdir -p '$TMP/tree/b/c' '$TMP/tree/a' &&
	cp '$TESTS/validate/empty.yaml' '$TMP/tree/b/c/x.yml' &&
	cp '$TESTS/validate/empty.yaml' '$TMP/tree/a/y.yaml' &&
	cp '$TESTS/validate/empty.yaml' '$TMP/tree/b/z.txt' &&
	exits 1 ip-validate '$TMP/tree' 2>'$TMP/err' &&
	cut -d: -f1 '$TMP/err' >'$TMP/files' &&
	printf '%s\n' '$TMP/tree/a/y.yaml' '$TMP/tree/b/c/x.yml' >'$TMP/want' &&
	same '$TMP/want' '$TMP/files'"

t "standard input is named <stdin>" "
	exits 1 ip-validate - <'$TESTS/validate/empty.yaml' 2>'$TMP/err' &&
	grep -q '^<stdin>: error: empty file' '$TMP/err'"

t "no file reads standard input" "
	exits 1 ip-validate <'$TESTS/validate/empty.yaml' 2>'$TMP/err' &&
	grep -q '^<stdin>: error: empty file' '$TMP/err'"

t "-q hides warnings, --strict counts them" "
	f='$TESTS/validate/subgoal-due.yaml' &&
	exits 0 ip-validate --today $TODAY \"\$f\" 2>'$TMP/err' &&
	grep -q 'warning:' '$TMP/err' &&
	exits 0 ip-validate -q --today $TODAY \"\$f\" 2>'$TMP/err' &&
	same /dev/null '$TMP/err' &&
	exits 1 ip-validate --strict --today $TODAY \"\$f\" 2>/dev/null"

t "one plan per person across files" "
	ex=\$(ls '$TOP'/examples/*.yaml | head -n 1) &&
	cp \"\$ex\" '$TMP/one.yaml' && cp \"\$ex\" '$TMP/two.yaml' &&
	exits 1 ip-validate --today $TODAY '$TMP/one.yaml' '$TMP/two.yaml' \
		2>'$TMP/err' &&
	test \$(wc -l <'$TMP/err') -eq 1 &&
	grep -q \"^$TMP/two.yaml:[0-9]*:[0-9]*: error: another plan has the same national_id: '$TMP/one.yaml' (only one plan per person) \\[one-plan\\]\$\" '$TMP/err'"

t "a national id is never printed" "
	ex=\$(ls '$TOP'/examples/*.yaml | head -n 1) &&
	nid=\$(sed -n 's/.*national_id: *\"\\([0-9]*\\)\".*/\\1/p' \"\$ex\") &&
	test -n \"\$nid\" &&
	sed 's/\\(national_id: *\"[0-9]*\\)[0-9]\"/\\10\"/' \"\$ex\" >'$TMP/bad.yaml' &&
	exits 1 ip-validate --today $TODAY '$TMP/bad.yaml' \"\$ex\" \"\$ex\" \
		2>'$TMP/err' &&
	grep -q national-id '$TMP/err' &&
	! grep -q \"\${nid%?}\" '$TMP/err'"

t "a missing file is trouble, and the rest is still checked" "
	exits 2 ip-validate '$TMP/none.yaml' '$TESTS/validate/empty.yaml' \
		2>'$TMP/err' &&
	grep -q \"^$TMP/none.yaml: error: cannot read '$TMP/none.yaml': No such file or directory \\[io\\]\$\" '$TMP/err' &&
	grep -q 'empty.yaml: error: empty file' '$TMP/err'"

t "a file met twice is checked once, and is not two plans" "
	mkdir '$TMP/twice' && cd '$TMP/twice' &&
	cp '$TESTS/validate/subgoal-due.yaml' plan.yaml && mkdir d &&
	ln -s ../plan.yaml d/link.yaml &&
	for j in 1 2; do
		exits 0 ip-validate -j \$j --today $TODAY . plan.yaml ./plan.yaml \
		    \"\$PWD/plan.yaml\" d 2>'$TMP/err' &&
		grep -c . '$TMP/err' >'$TMP/n' && echo 1 >'$TMP/one' &&
		same '$TMP/one' '$TMP/n' &&
		grep -q '^./d/link.yaml:.*\\[subgoal-due\\]\$' '$TMP/err' || exit 1
	done"

t "standard input named twice is read once" "
	exits 1 ip-validate - - <'$TESTS/validate/empty.yaml' 2>'$TMP/err' &&
	echo '<stdin>: error: empty file: not a plan [format]' >'$TMP/want' &&
	same '$TMP/want' '$TMP/err'"

t "an error writing the findings is trouble, with one job or more" "
	! test -w /dev/full ||
	for j in 1 2; do
		exits 2 ip-validate -j \$j '$TESTS/validate/empty.yaml' \
		    '$TESTS/validate/empty.yaml' 2>/dev/full || exit 1
	done"

t "a full disk is an error" "
	! test -w /dev/full || exits 2 ip-validate --help >/dev/full"

# Hostile input: made here, not stored.  Each ends within 5 seconds with a
# located error and exit 1 or 2, never a signal.  Under valgrind, whose
# own start takes seconds on a busy machine, the bound is a minute: the
# plain and ASan stages hold ip-validate to the 5 seconds.
hostile_s=5
[ -z "${IPLAN_VALGRIND:-}" ] || hostile_s=60
hostile() {
	name=$1
	t "hostile: $name" "
		timeout $hostile_s ip-validate '$TMP/hostile' >/dev/null 2>'$TMP/err'
		rc=\$?
		test \$rc -eq 1 || test \$rc -eq 2 || { echo exit \$rc; exit 1; }
		grep -q '$2' '$TMP/err' || { cat '$TMP/err'; exit 1; }"
}
gen() { python3 -c "$1" >"$TMP/hostile"; }

gen 'import sys; sys.stdout.write("a: " + "x" * (100 << 20))'
hostile "100 MB file" 'error: file is larger than 4 MiB: not a plan \[limit\]'
gen 'print("a: " + "[" * 100000)'
hostile "100,000-deep flow nesting" ':1:35: error: nested deeper than 32 levels \[limit\]'
gen 'print("".join("  " * i + "- \n" for i in range(2000))[:4000000])'
hostile "deep block nesting" 'error: nested deeper than 32 levels \[limit\]'
gen 'print("a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]")'
hostile "alias bomb" ':1:4: error: anchors are not allowed in a plan \[unsupported-yaml\]'
gen 'print("".join("k%d: 1\n" % i for i in range(1000000))[:4000000])'
hostile "a million keys" 'error: more than 256 keys in one mapping \[limit\]'
gen 'print("- " + "\n- ".join(["x"] * 60000))'
hostile "60,000 values" 'error: more than 50000 values in one plan \[limit\]'
gen 'import sys; sys.stdout.write("a: " + "x" * (10 << 20))'
hostile "10 MB scalar" 'error: file is larger than 4 MiB'
gen 'import sys; sys.stdout.write("a: \"" + "x" * (300 << 10) + "\"\n")'
hostile "300 KiB scalar" ':1:4: error: value longer than 256 KiB \[limit\]'
printf 'format: iplan/1\nperson:\n  name: K\303\050ri\n' >"$TMP/hostile"
hostile "invalid UTF-8" ':3:10: error: invalid UTF-8 (byte 0xc3): plans are UTF-8 text \[encoding\]'
printf 'format: iplan/1\nid: a\000b\n' >"$TMP/hostile"
hostile "NUL byte" ':2:6: error: NUL byte: plans are text \[encoding\]'
printf 'format: iplan/1\nid: "a\\0b"\n' >"$TMP/hostile"
hostile "escaped NUL" ':2:5: error: value contains control character U+0000 \[encoding\]'
printf 'format: iplan/1\ncoordinator: "a\\x9b2Jb"\n' >"$TMP/hostile"
hostile "escaped C1 control (CSI)" ':2:14: error: value contains control character U+009B \[encoding\]'
printf 'format: iplan/1\nid: "a\\uFFFEb"\n' >"$TMP/hostile"
hostile "escaped noncharacter" ':2:5: error: value contains U+FFFE, which is not a character \[encoding\]'
printf 'format: iplan/1\ncoordinator: "a\\Nb"\n' >"$TMP/hostile"
hostile "escaped NEL, a C1 control, printed as ?" ':2:14: error: coordinator .a?b. is not a participant'
t "hostile: a C1 control in a command-line message is printed as ?" "
	exits 2 ip-validate --today \"\$(printf '\\302\\2332J')\" 2>'$TMP/err' &&
	grep -q \"^ip-validate: invalid date for --today: '?2J' \" '$TMP/err'"
printf 'format: iplan/1\nid: a\033[31mb\n' >"$TMP/hostile"
hostile "escape character" ':2:6: error: control character U+001B is not allowed \[encoding\]'
# NEL, LS and PS: line breaks to YAML 1.1 (libyaml), characters of the
# text to YAML 1.2; only their escapes in double quotes read alike.
printf 'format: iplan/1\nid: a\302\205b\n' >"$TMP/hostile"
hostile "NEL" ':2:6: error: U+0085 (next line) is a line break to some YAML readers and not to others, which would read the plan otherwise: end the line there, or write \\N in double quotes \[encoding\]'
printf 'format: iplan/1\nimplementation: "a\342\200\250b"\n' >"$TMP/hostile"
hostile "LS in double quotes" ':2:19: error: U+2028 (line separator) is a line break .* write \\L in double quotes \[encoding\]'
printf 'format: iplan/1 # x\342\200\251\nid: b\n' >"$TMP/hostile"
hostile "PS in a comment" ':1:20: error: U+2029 (paragraph separator) is a line break .* write \\P in double quotes \[encoding\]'
printf 'format: iplan/1\nid: a\357\277\277b\n' >"$TMP/hostile"
hostile "noncharacter" ':2:6: error: U+FFFF is not a character but a code kept for programs: delete it \[encoding\]'
printf 'format: iplan/1\nperson: {name: "Kari \357\267\220"}\n' >"$TMP/hostile"
hostile "noncharacter U+FDD0, a mark of the Markdown renderer" ':2:22: error: U+FDD0 is not a character but a code kept .* \[encoding\]'
printf 'format: iplan/1\nid: a\357\267\257b\n' >"$TMP/hostile"
hostile "noncharacter U+FDEF, the last of the block" ':2:6: error: U+FDEF is not a character .* \[encoding\]'
printf 'format: iplan/1\nid: a\357\267\217\357\267\260b\n' >"$TMP/hostile"
t "hostile: U+FDCF and U+FDF0, beside the noncharacters, are text" "
	ip-validate '$TMP/hostile' >/dev/null 2>'$TMP/err'
	test \$? -eq 1 && grep -q '\\[item-a\\]' '$TMP/err' &&
	! grep -q encoding '$TMP/err'"
printf 'format: iplan/1\n# \360\237\277\276\nid: b\n' >"$TMP/hostile"
hostile "noncharacter U+1FFFE, in a comment" ':2:3: error: U+1FFFE is not a character .* \[encoding\]'
printf 'format: iplan/1\nid: \364\217\277\277\n' >"$TMP/hostile"
hostile "noncharacter U+10FFFF, the last code point" ':2:5: error: U+10FFFF is not a character .* \[encoding\]'
printf 'format: iplan/1\nid: "a\\uFDD1b"\n' >"$TMP/hostile"
hostile "escaped noncharacter U+FDD1" ':2:5: error: value contains U+FDD1, which is not a character \[encoding\]'
printf '\357\273\277format: iplan/1\nbogus: 1\n' >"$TMP/hostile"
hostile "UTF-8 BOM" ':2:1: error: unknown key .bogus. in the plan \[unknown-key\]'
printf 'format: iplan/1\r\nbogus: 1\r\n' >"$TMP/hostile"
hostile "CRLF line ends" ':2:1: error: unknown key .bogus. in the plan \[unknown-key\]'
printf 'format: iplan/1\nperson:\n\tname: K\n' >"$TMP/hostile"
hostile "tab indentation" ':3:1: error: .*tab.* \[syntax\]'
: >"$TMP/hostile"
hostile "empty file" 'error: empty file: not a plan \[format\]'
rm -f "$TMP/hostile" && mkdir "$TMP/hostile"
t "hostile: a directory without plans" "
	exits 0 ip-validate '$TMP/hostile' 2>'$TMP/err' && same /dev/null '$TMP/err'"
rmdir "$TMP/hostile"
# A link to a directory met in a directory is not followed (one named
# is): the walk stays in the tree it was given.  A link back up is no
# loop then, and a chain of directories each with two links to the next
# (2^24 ways to the last) took longer than any timeout; a link loop named
# as a plan is still trouble.
t "hostile: links to directories in a walk are not followed, so no loop" "
	mkdir -p '$TMP/loop/d' && ln -s .. '$TMP/loop/d/up' &&
	ln -s self '$TMP/loop/self.yaml' 2>/dev/null; ln -sf self.yaml '$TMP/loop/self' &&
	timeout $hostile_s ip-validate '$TMP/loop' 2>'$TMP/err'; test \$? -eq 2 &&
	printf \"ip-validate: '%s': Too many levels of symbolic links\\n\" \
		'$TMP/loop/self' '$TMP/loop/self.yaml' >'$TMP/want' &&
	same '$TMP/want' '$TMP/err' &&
	mkdir '$TMP/chain' && cd '$TMP/chain' &&
	for i in \$(seq 0 24); do mkdir d\$i || exit 1; done &&
	for i in \$(seq 0 23); do
		ln -s ../d\$((i + 1)) d\$i/a && ln -s ../d\$((i + 1)) d\$i/b || exit 1
	done &&
	printf 'format: iplan/1\\nperson: [\\n' >d24/broken.yaml &&
	cp '$TESTS/validate/subgoal-due.yaml' d0/plan.yaml &&
	mkdir outside && printf 'format: iplan/1\\nperson: [\\n' >outside/broken.yaml &&
	ln -s ../outside d0/out &&
	exits 0 timeout $hostile_s ip-validate --today $TODAY d0 2>'$TMP/err' &&
	grep -q '^d0/plan.yaml:.*\\[subgoal-due\\]\$' '$TMP/err' &&
	! grep -q broken '$TMP/err' &&
	exits 1 ip-validate d0/out d24 2>'$TMP/err' &&
	test \$(grep -c '/broken.yaml:3:1: error: ' '$TMP/err') = 2"
# Root reads any file: there, the file is read as nobody, which may not
# even enter the scratch directory.
as_user=
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
    setpriv --reuid=65534 --regid=65534 --clear-groups \
    "$BUILD/ip-validate" --version >/dev/null 2>&1; then
	as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	t "hostile: an unreadable file" "
		cp '$TESTS/validate/empty.yaml' '$TMP/unreadable.yaml' &&
		chmod 000 '$TMP/unreadable.yaml' &&
		exits 2 $as_user '$BUILD/ip-validate' '$TMP/unreadable.yaml' \
		    2>'$TMP/err' &&
		grep -q \"^$TMP/unreadable.yaml: error: cannot read '$TMP/unreadable.yaml': Permission denied \\[io\\]\$\" '$TMP/err'"
fi
# nobody must reach it: beside the scratch directory, not in it, and
# only where the directories above let nobody through
walk_test=$RUN/walk-test
rm -rf "$walk_test" && mkdir -m 755 "$walk_test"
if [ -n "$as_user" ] && $as_user test -x "$walk_test"; then
	t "hostile: a directory that can be listed but not entered" "
		d='$walk_test' && mkdir -m 755 \"\$d/plans\" &&
		cp '$TESTS/validate/empty.yaml' \"\$d/plans/bad.yaml\" &&
		chmod 744 \"\$d/plans\" &&
		exits 2 $as_user '$BUILD/ip-validate' \"\$d/plans\" 2>'$TMP/err' &&
		echo \"ip-validate: cannot enter directory '\$d/plans': Permission denied\" >'$TMP/want' &&
		same '$TMP/want' '$TMP/err'"
elif [ -n "$as_user" ]; then
	# as in t-hostile.sh: a clone under a private directory (such as
	# /root) cannot be entered by nobody
	echo "note: t-validate: nobody cannot enter $walk_test, so a directory that can be listed but not entered is not tested"
fi
rm -rf "$walk_test"
t "hostile: a dangling link named as a plan is trouble, another is passed over" "
	mkdir '$TMP/dangling' && ln -s nowhere '$TMP/dangling/a.yaml' &&
	ln -s nowhere '$TMP/dangling/notes.txt' &&
	exits 2 ip-validate '$TMP/dangling' 2>'$TMP/err' &&
	echo \"ip-validate: '$TMP/dangling/a.yaml': No such file or directory\" >'$TMP/want' &&
	same '$TMP/want' '$TMP/err'"
# A FIFO is read once a writer comes (see t-hostile.sh); one that comes
# and goes without a word leaves an empty file.
t "hostile: a FIFO whose writer writes nothing is an empty file" "
	mkfifo '$TMP/fifo.yaml' && { : >'$TMP/fifo.yaml' & } &&
	timeout 20 ip-validate '$TMP/fifo.yaml' 2>'$TMP/err'; test \$? -eq 1 &&
	echo '$TMP/fifo.yaml: error: empty file: not a plan [format]' >'$TMP/want' &&
	same '$TMP/want' '$TMP/err'"
t "hostile: a directory as standard input" "
	exits 2 ip-validate - <'$TMP' 2>'$TMP/err' &&
	grep -q '^<stdin>: error: cannot read .-.: Is a directory \[io\]' '$TMP/err'"

t "one-plan comes after each file's own findings, on the later file" "
	cd '$TESTS/validate' &&
	exits 1 ip-validate -j 2 --today $TODAY birth-date.yaml valid.yaml \
		2>'$TMP/err' &&
	printf '%s\n' \
	    'birth-date.yaml:11:15: warning: birth_date differs from the date in national_id [birth-date]' \
	    \"valid.yaml:10:16: error: another plan has the same national_id: 'birth-date.yaml' (only one plan per person) [one-plan]\" \
	    >'$TMP/want' &&
	same '$TMP/want' '$TMP/err'"

t "-j 4 prints what -j 1 prints, in the same order" "
	exits 1 ip-validate -j 4 --today $TODAY '$TESTS/validate' 2>'$TMP/j4' &&
	exits 1 ip-validate -j 1 --today $TODAY '$TESTS/validate' 2>'$TMP/j1' &&
	test \$(grep -c '\\[one-plan\\]\$' '$TMP/j1') -gt 10 &&
	same '$TMP/j1' '$TMP/j4'"

t "-q --strict: warnings hidden still count" "
	exits 1 ip-validate -q --strict --today $TODAY \
		'$TESTS/validate/subgoal-due.yaml' 2>'$TMP/err' &&
	same /dev/null '$TMP/err'"

# The catalogue of lib/diag.h and the RULES of ip-validate(1), as lines
# "rule-id severity"; template is ip-new's alone, in ip-new(1).
catalogue_rules() {
	sed -n 's/^	X([A-Z_0-9]*,[	 ]*"\([^"]*\)",[	 ]*IP_\([A-Z]*\)).*/\1 \2/p' \
	    "$TOP/lib/diag.h" | tr 'A-Z' 'a-z' | grep -v '^template ' | sort
}
page_rules() {
	sed -n 's/^\.It Cm \([a-z0-9-]*\) No (\([a-z]*\))$/\1 \2/p' \
	    "$TOP/man/ip-validate.1" | sort
}
t "ip-validate(1) lists every rule with its severity" "
	catalogue_rules >'$TMP/want' && test \$(wc -l <'$TMP/want') -gt 30 &&
	page_rules >'$TMP/actual' && same '$TMP/want' '$TMP/actual'"

# The yaml-test-suite's invalid cases (tests/yaml-suite/README), in one
# ip-validate: every one refused with an error at a line and column, none
# taken for trouble or a crash.  Twelve of them libyaml 0.2.5 accepts.
t "yaml-test-suite: each invalid case refused, located" "
	cd '$TESTS/yaml-suite' &&
	exits 1 ip-validate -j 1 --today $TODAY *.yaml 2>'$TMP/err' &&
	cut -f1 CASES | sort >'$TMP/want' &&
	sed -n 's/^\\([^:]*\\)\\.yaml:[0-9][0-9]*:[0-9][0-9]*: error: .*/\\1/p' \
		'$TMP/err' | sort -u >'$TMP/got' &&
	test \$(wc -l <'$TMP/want') -eq 94 &&
	same '$TMP/want' '$TMP/got'"

test_done
