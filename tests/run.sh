#!/bin/sh
# run.sh - the test suite: unit tests, then every tests/t-*.sh script,
# each in a shell of its own (tests/lib.sh; each also runs alone, as
# sh tests/t-new.sh).
# Usage: [UPDATE=1] sh tests/run.sh BUILD-DIR
# Ends with "N passed, M failed" and exits non-zero on any failure.
# IPLAN_SCRIPTS: the scripts to run, named without ".sh" (default: every
# one), so that 'make check' can share them out among the cores.  The
# stages it runs (IPLAN_VALGRIND, IPLAN_SANITIZED, IPLAN_BROWSER,
# IPLAN_RUN) are lib.sh's.

IPLAN_BUILD=$(cd "${1:-build}" && pwd) || exit 2
export IPLAN_BUILD
. "$(dirname "$0")/lib.sh"

# Unit tests: cmocka programs, counted by their own tally; not under
# valgrind, nor in the browser stage.
[ -n "${IPLAN_VALGRIND:-}${IPLAN_BROWSER:-}" ] ||
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

# The scripts, each adding "passed failed" to the tally; the browser
# stage runs those that hold a t_browser test.
tally=$RUN/tally
: >"$tally"
for script in "$TESTS"/t-*.sh; do
	[ -f "$script" ] || continue
	name=${script##*/}
	name=${name%.sh}
	case " ${IPLAN_SCRIPTS:-$name} " in
	*" $name "*) ;;
	*) continue ;;
	esac
	[ -z "${IPLAN_BROWSER:-}" ] || grep -q '^[[:space:]]*t_browser ' "$script" ||
		continue
	lines=$(wc -l <"$tally")
	IPLAN_TALLY=$tally sh "$script"
	if [ "$(wc -l <"$tally")" -eq $((lines + 1)) ]; then
		read -r p f <<-EOT
		$(tail -n 1 "$tally")
		EOT
		passed=$((passed + p)) failed=$((failed + f))
	else
		: >"$TMP/log"
		fail "$name ended without its tally (test_done)"
	fi
done

rm -rf "$TMP"
echo "${IPLAN_VALGRIND:+valgrind: }${IPLAN_BROWSER:+browser: }$passed passed, $failed failed"
[ -z "${CHECK_TALLY:-}" ] || echo "$passed $failed" >>"$CHECK_TALLY"
[ "$failed" -eq 0 ]
