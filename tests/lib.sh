# lib.sh - what every tests/t-*.sh sources first, as git's test-lib: the
# environment the commands run in, the helpers that make a test, and
# test_done, which ends the script with its tally.  So each script runs
# on its own, from the tree:
#
#	sh tests/t-new.sh		(the plain stage of make test)
#	IPLAN_BROWSER=1 sh tests/t-export.sh	(its browser checks alone)
#
# and tests/run.sh runs them all, each in a shell of its own.  A script
# defines what it needs itself: it never sees another script's helpers.
# The commands are those of the build tree IPLAN_BUILD (default: build
# beside tests/), built with 'make test-deps'.
#
# The stages of make check set, in the environment: IPLAN_VALGRIND (the
# commands under valgrind), IPLAN_SANITIZED (a build with ASan and
# UBSan), IPLAN_BROWSER (the checks in a real browser and in node alone)
# and IPLAN_RUN (a part of a stage that runs beside another: a scratch
# directory of its own).  UPDATE=1 rewrites the golden files.

TESTS=$(cd "$(dirname "$0")" && pwd) || exit 2
TOP=$(dirname "$TESTS")
BUILD=$(cd "${IPLAN_BUILD:-$TOP/build}" 2>/dev/null && pwd) &&
[ -x "$BUILD/ip-validate" ] || {
	echo "$0: no commands in ${IPLAN_BUILD:-$TOP/build}: run 'make test-deps' first, or set IPLAN_BUILD" >&2
	exit 2
}
test_name=${0##*/}
test_name=${test_name%.sh}
# The script's own directory in the build tree, never in /tmp: plans are
# health data.  Each stage, and each part of the valgrind stage
# (IPLAN_RUN), has a directory of its own, since 'make check' runs them
# at once, and in it each script one.  In the script's, TMP is the
# private scratch directory; what other users must reach (t-hostile,
# t-validate, t-record) is beside it.
STAGE=$BUILD/run${IPLAN_VALGRIND:+-valgrind}${IPLAN_BROWSER:+-browser}${IPLAN_RUN:+-$IPLAN_RUN}
RUN=$STAGE/$test_name
TMP=$RUN/tmp
mkdir -m 755 -p "$STAGE" && rm -rf "$RUN" && mkdir -m 755 "$RUN" &&
	mkdir -m 700 "$TMP" || exit 2
TODAY=2026-11-24
export LC_ALL=C TZ=UTC NO_COLOR=1
# (LANGUAGE would choose the messages' language before LC_ALL does.)
unset IPLAN_TODAY LANGUAGE IPLAN_VG_FIRST
# The tests that run make run it as a user would: not with the flags of
# the make that runs the suite ('make -s test' silenced the compiler
# lines a test looks for) nor in its jobserver.
unset MAKEFLAGS MFLAGS MAKELEVEL
# The commands' message catalogues as built, not the installed ones (see
# cmd/cli.c): a test that sets a Norwegian locale reads what this tree
# translates.
export IPLAN_LOCALEDIR="$BUILD/locale"
PATH=$BUILD:$PATH
passed=0 failed=0

# IPLAN_VALGRIND=1: every command runs under valgrind, which turns any
# memory error or leak into exit status 99.  Valgrind costs most of a
# second of CPU a command before the command does anything, and this
# stage was most of the time of make check, so it runs one representative
# of each kind of input and each path through the code, not every
# fixture: it leaves out tests whose commands take only paths that other
# tests take under valgrind (t_no_vg below), and in a script that says
# vg_first_only, a test's first command only.  The ASan stage runs
# everything, and its LeakSanitizer finds the leaks; what valgrind adds is
# memcheck's reads of memory never written.
if [ -n "${IPLAN_VALGRIND:-}" ]; then
	mkdir "$TMP/valgrind"
	for bin in "$BUILD"/ip-*; do
		cat >"$TMP/valgrind/${bin##*/}" <<-EOF
		#!/bin/sh
		if [ -n "\${IPLAN_VG_FIRST:-}" ] &&
		    ! mkdir "$TMP/valgrind/ran" 2>/dev/null; then
			exec "$bin" "\$@"
		fi
		exec valgrind -q --error-exitcode=99 --leak-check=full \\
		    --errors-for-leak-kinds=definite,indirect "$bin" "\$@"
		EOF
		chmod +x "$TMP/valgrind/${bin##*/}"
	done
	PATH=$TMP/valgrind:$PATH
fi

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	[ -s "$TMP/log" ] && sed 's/^/    /' "$TMP/log" | head -40
}

# t NAME CODE: CODE runs in a subshell; the test passes if it exits 0.
# Not in the browser stage, which runs t_browser's tests alone.
t() {
	[ -n "${IPLAN_BROWSER:-}" ] || test_run "$@"
}
test_run() {
	[ -z "${IPLAN_VG_FIRST:-}" ] || rmdir "$TMP/valgrind/ran" 2>/dev/null
	if (eval "$2") >"$TMP/log" 2>&1; then pass; else fail "$1"; fi
}

# vg_first_only: at the top of a script whose tests run one command and
# then the same command again only to compare what it prints (in another
# format, language or locale, on another day, with other options that
# take the same path): in the valgrind stage, each test's first command
# runs under valgrind, the others as they are.  Where a later command
# takes a path of its own (-j N beside -j 1), it comes first.
vg_first_only() {
	[ -z "${IPLAN_VALGRIND:-}" ] || export IPLAN_VG_FIRST=1
}

# t_no_vg NAME CODE: as t, but not in the valgrind stage: CODE runs the
# commands only as other tests run them under valgrind (the same options,
# the same kind of plan), so valgrind would only repeat itself there.  The
# plain and ASan stages run it.
t_no_vg() {
	[ -n "${IPLAN_VALGRIND:-}" ] || t "$@"
}

# tree_copy DIR: the source tree, and the build tree as made, copied to
# DIR (the build tree to DIR/build, times kept): 'make -C DIR BUILD=build'
# with other paths (PREFIX, DATADIR, LOCALEDIR) builds again only what
# depends on them, and there, not in the tree under test, which the
# other stages of make check use at the same time.
tree_copy() {
	rm -rf "$1" && mkdir -p "$1/build" &&
	tar -C "$TOP" --exclude=./build --exclude='./build-*' -cf - . |
		tar -C "$1" -xf - &&
	tar -C "$BUILD" --exclude=./npm --exclude='./run*' -cf - . |
		tar -C "$1/build" -xf -
}
# t_plain NAME CODE: as t, but in the plain stage only.  For two kinds
# of test: one that runs make in a tree_copy, since the sanitizers' and
# valgrind's build trees are made with flags of their own, which that
# make would not know; and one whose time goes to an outside tool
# judging what the commands printed (a schema, the FHIR profiles), since
# the other stages' commands print the same bytes (the golden tests hold
# them to it) and their own checks, of memory and undefined behaviour,
# are in the commands, which other tests run there.
t_plain() {
	[ -n "${IPLAN_VALGRIND:-}${IPLAN_SANITIZED:-}" ] || t "$@"
}

# t_browser NAME CODE: an outside check that needs chromium or node and
# the modules of tests/browser (make browser-deps, from npm): in the
# browser stage alone (IPLAN_BROWSER=1, make check-browser), so that
# make test runs offline, without them.  CODE makes what it checks
# itself, since that stage runs no other test.  A missing browser, node
# or module fails the test; it is never skipped.
t_browser() {
	[ -z "${IPLAN_BROWSER:-}" ] || test_run "$@"
}

# exits N CMD...: runs CMD and succeeds if it exits with status N (a death
# by a signal never counts as any exit status).
exits() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -gt 128 ]; then
		echo "'$*' died by signal $((got - 128))"
		return 1
	fi
	if [ "$got" -ne "$want" ]; then
		echo "'$*' exited $got, expected $want"
		return 1
	fi
}

# same EXPECTED ACTUAL: the files are identical, or show the difference.
same() {
	diff -u "$1" "$2"
}

# golden EXPECTED ACTUAL: ACTUAL is byte for byte the golden file EXPECTED,
# whose name ends in .expect (and no other file's does): the case's name,
# and where a case has more than one, what it holds, as
# tests/new/nb.yaml.expect (the plan) beside nb.expect (what ip-validate
# says of it), or tests/i18n/help.nb.expect.
# When it is not, the difference is shown and ACTUAL is left beside
# EXPECTED as EXPECTED.actual, for diff.  With UPDATE set (make test
# UPDATE=1) EXPECTED becomes ACTUAL instead, and the test passes: review
# the change with git diff.
golden() {
	case $1 in
	*.expect) ;;
	*)	echo "golden $1: a golden file's name ends in .expect"
		return 1 ;;
	esac
	rm -f "$1.actual"
	if [ -n "${UPDATE:-}" ]; then
		cmp -s "$1" "$2" || cp "$2" "$1"
	elif ! diff -u "$1" "$2"; then
		cp "$2" "$1.actual"
		return 1
	fi
}

# comp CWORD WORD...: what cmd/completion.bash offers in completing the
# word at index CWORD of the command line WORD..., one a line, in a fresh
# bash, as bash runs it: COMP_WORDS and COMP_CWORD set, the completion
# function called, COMPREPLY printed.
comp() {
	bash -c '
		. "$1" || exit 2
		cword=$2
		shift 2
		COMP_WORDS=("$@") COMP_CWORD=$cword COMPREPLY=()
		COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
		_iplan "$1" "${COMP_WORDS[cword]}" "${COMP_WORDS[cword - 1]}" ||
			exit 2
		((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}"
	' comp "$TOP/cmd/completion.bash" "$@"
}

# edit_cases WHAT DIR FRESH: the golden diffs of a command that changes
# a plan in its text.  DIR/CASE.args is the command and its options on a
# plan that the function FRESH copies into a fresh directory, among
# others; DIR/CASE.diff.expect is what --dry-run prints, which changes no file;
# then the command writes what the diff says, mode kept, and no other
# file is left.
edit_cases() {
	for ec_args in "$2"/*.args; do
		ec_case=$(basename "$ec_args" .args)
		t "$1 $ec_case: --dry-run prints the diff, writes nothing" "
			$3 && mkdir .before && cp *.yaml .before/ &&
			ec=\$(cat '$ec_args') &&
			eval \"exits 0 \$ec --today $TODAY --dry-run\" >.got &&
			golden '${ec_args%.args}.diff.expect' .got &&
			for f in *.yaml; do cmp \$f .before/\$f || exit 1; done &&
			test \"\$(ls -A | tr '\n' ' ')\" = \".before .got \$(ls .before | tr '\n' ' ')\""
		t "$1 $ec_case: writes what the diff says, mode and group kept" "
			$3 && mkdir .a && cp *.yaml .a/ && chmod 640 *.yaml &&
			ec=\$(cat '$ec_args') &&
			eval \"exits 0 \$ec --today $TODAY\" >.out && test -s .out &&
			(cd .a && patch -s -p1 <'${ec_args%.args}.diff.expect') &&
			for f in *.yaml; do
				cmp \$f .a/\$f && test \"\$(stat -c %a \$f)\" = 640 ||
				    exit 1
			done &&
			test \"\$(ls -A | tr '\n' ' ')\" = \".a .out \$(ls .a | tr '\n' ' ')\""
	done
}

# test_done: the last line of every script: its tally, to standard
# output or, from run.sh, to the file IPLAN_TALLY; the script fails if a
# test did.  A script that ends before it (a syntax error, an exit) has
# no tally, which run.sh counts as a failure.
test_done() {
	cd "$TOP" && rm -rf "$TMP"
	if [ -n "${IPLAN_TALLY:-}" ]; then
		echo "$passed $failed" >>"$IPLAN_TALLY"
	else
		echo "${IPLAN_VALGRIND:+valgrind: }${IPLAN_BROWSER:+browser: }$test_name: $passed passed, $failed failed"
	fi
	[ "$failed" -eq 0 ]
}
