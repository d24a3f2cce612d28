#!/bin/sh
# run.sh - the test suite: unit tests, then every tests/t-*.sh script.
# Usage: [UPDATE=1] sh tests/run.sh BUILD-DIR
# Ends with "N passed, M failed" and exits non-zero on any failure.

BUILD=$(cd "${1:-build}" && pwd) || exit 2
TESTS=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$TESTS")
# The run's own directory in the build tree, never in /tmp: plans are
# health data.  The suite and the parts of its valgrind stage (IPLAN_RUN)
# each have one, since 'make check' runs them at once.  In it, TMP is the
# private scratch directory; what other users must reach (t-hostile,
# t-validate) is beside it.
RUN=$BUILD/run${IPLAN_VALGRIND:+-valgrind}${IPLAN_RUN:+-$IPLAN_RUN}
TMP=$RUN/tmp
rm -rf "$RUN" && mkdir -m 755 -p "$RUN" && mkdir -m 700 "$TMP" || exit 2
TODAY=2026-11-24
export LC_ALL=C TZ=UTC NO_COLOR=1
# (LANGUAGE would choose the messages' language before LC_ALL does.)
unset IPLAN_TODAY LANGUAGE
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
t() {
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
# judging what the commands printed (a browser, a schema, the FHIR
# invariants), since the other stages' commands print the same bytes
# (the golden tests hold them to it) and their own checks, of memory and
# undefined behaviour, are in the commands, which other tests run there.
t_plain() {
	[ -n "${IPLAN_VALGRIND:-}${IPLAN_SANITIZED:-}" ] || t "$@"
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

# golden EXPECTED ACTUAL: ACTUAL is byte for byte the golden file EXPECTED.
# When it is not, the difference is shown and ACTUAL is left beside
# EXPECTED as EXPECTED.actual, for diff.  With UPDATE set (make test
# UPDATE=1) EXPECTED becomes ACTUAL instead, and the test passes: review
# the change with git diff.
golden() {
	rm -f "$1.actual"
	if [ -n "${UPDATE:-}" ]; then
		cmp -s "$1" "$2" || cp "$2" "$1"
	elif ! diff -u "$1" "$2"; then
		cp "$2" "$1.actual"
		return 1
	fi
}

# edit_cases WHAT DIR FRESH: the golden diffs of a command that changes
# a plan in its text.  DIR/CASE.args is the command and its options on a
# plan that the function FRESH copies into a fresh directory, among
# others; DIR/CASE.diff is what --dry-run prints, which changes no file;
# then the command writes what the diff says, mode kept, and no other
# file is left.
edit_cases() {
	for ec_args in "$2"/*.args; do
		ec_case=$(basename "$ec_args" .args)
		t "$1 $ec_case: --dry-run prints the diff, writes nothing" "
			$3 && mkdir .before && cp *.yaml .before/ &&
			ec=\$(cat '$ec_args') &&
			eval \"exits 0 \$ec --today $TODAY --dry-run\" >.got &&
			golden '${ec_args%.args}.diff' .got &&
			for f in *.yaml; do cmp \$f .before/\$f || exit 1; done &&
			test \"\$(ls -A | tr '\n' ' ')\" = \".before .got \$(ls .before | tr '\n' ' ')\""
		t "$1 $ec_case: writes what the diff says, mode and group kept" "
			$3 && mkdir .a && cp *.yaml .a/ && chmod 640 *.yaml &&
			ec=\$(cat '$ec_args') &&
			eval \"exits 0 \$ec --today $TODAY\" >.out && test -s .out &&
			(cd .a && patch -s -p1 <'${ec_args%.args}.diff') &&
			for f in *.yaml; do
				cmp \$f .a/\$f && test \"\$(stat -c %a \$f)\" = 640 ||
				    exit 1
			done &&
			test \"\$(ls -A | tr '\n' ' ')\" = \".a .out \$(ls .a | tr '\n' ' ')\""
	done
}

# Unit tests: cmocka programs, counted by their own tally.
[ -n "${IPLAN_VALGRIND:-}" ] ||
for u in "$BUILD"/tests/*; do
	[ -x "$u" ] || continue
	name=$(basename "$u")
	"$u" >"$TMP/log" 2>&1
	rc=$?
	np=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$TMP/log")
	nf=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$TMP/log")
	passed=$((passed + ${np:-0}))
	if [ "$rc" -ne 0 ] || [ -z "$np" ]; then
		fail "unit test $name (exit $rc)"
		[ -n "$nf" ] && failed=$((failed + nf - 1))
	fi
done

# IPLAN_SCRIPTS: the scripts to run, named without ".sh" (default: every
# one), so that 'make check' can share them out among the cores.
for script in "$TESTS"/t-*.sh; do
	[ -f "$script" ] || continue
	name=${script##*/}
	case " ${IPLAN_SCRIPTS:-${name%.sh}} " in
	*" ${name%.sh} "*) unset IPLAN_VG_FIRST; . "$script" ;;
	esac
done

rm -rf "$TMP"
echo "${IPLAN_VALGRIND:+valgrind: }$passed passed, $failed failed"
[ -z "${CHECK_TALLY:-}" ] || echo "$passed $failed" >>"$CHECK_TALLY"
[ "$failed" -eq 0 ]
