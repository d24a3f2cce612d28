#!/bin/sh
# run.sh - the fuzz targets: each on its regression inputs
# (tests/fuzz/regress/TARGET/*) and on the seeds (the plans of the
# examples and the tests), each input once; then, unless SECONDS is 0,
# fuzzing for SECONDS from the seeds.  SECONDS 0 ('make check-fuzz') is
# deterministic: the same inputs, the same result.
# Usage: sh tests/fuzz/run.sh FUZZ-BUILD-DIR SECONDS [TARGET...]
# The corpus grows in FUZZ-BUILD-DIR/corpus/TARGET, crashes go to
# FUZZ-BUILD-DIR/crashes/TARGET, libFuzzer's output to TARGET.log there.
# Each target runs twice: with libFuzzer's own input size, which grows
# from the seeds' (a few KB), and with inputs of up to 1 MB from large
# seeds, to reach what only size brings out (a slow export of a big plan).
# Ends with "fuzz: N passed, M failed".

BUILD=$(cd "${1:?}" && pwd) || exit 2
SECONDS_EACH=${2:?}
shift 2
FUZZ=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$(dirname "$FUZZ")")
export LC_ALL=C TZ=UTC
passed=0 failed=0

pass() { passed=$((passed + 1)); }
fail() {
	failed=$((failed + 1))
	echo "FAIL: $1"
	grep -E -A 30 '^==[0-9]+==|runtime error|^MS:|Test unit written' \
	    "$log" | head -40 | sed 's/^/    /'
}

# The seeds: every plan under examples/ and the tests, as one list.
seeds=$BUILD/seeds
find "$TOP/examples" "$TOP/tests/validate" "$TOP/tests/review" \
    "$TOP/tests/export" "$TOP/tests/new" -name '*.yaml' | sort |
    paste -s -d, - >"$seeds"

# The large seeds: plans near 1 MB of free text, each of one kind of
# markup, for the run with -max_len of 1 MB.
big=$BUILD/big-seeds
mkdir -p "$big"
for unit in '*a* ' '| ' '[a](b) ' '> ' '- ' '`a` ' '&amp; '; do
	awk -v u="$unit" 'BEGIN {
		print "format: iplan/1\nparticipants:"
		for (i = 0; i < 4; i++) {
			s = u
			while (length(s) < 250000)
				s = s s
			gsub(/"/, "", s)
			printf "  - id: p%d\n    contribution: \"%s\"\n", i, s
		}
	}' >"$big/$(printf '%s' "$unit" | od -An -tx1 | tr -d ' \n').yaml"
done

[ $# -gt 0 ] || set -- "$BUILD"/fuzz/fuzz-*
for bin; do
	name=${bin##*/}
	bin=$BUILD/fuzz/$name
	log=$BUILD/$name.log
	if [ ! -x "$bin" ]; then
		: >"$log"
		fail "$name: no such target"
		continue
	fi
	regress=$FUZZ/regress/$name
	# Each input that once crashed the target, run once.
	if [ -d "$regress" ]; then
		for f in "$regress"/*; do
			[ -f "$f" ] || continue
			if "$bin" "$f" >"$log" 2>&1; then
				pass
			else
				fail "$name on ${f#"$TOP"/}"
			fi
		done
	fi
	# Each seed, once: libFuzzer runs the files it is given and stops.
	if tr , '\n' <"$seeds" | xargs -d '\n' "$bin" >"$log" 2>&1; then
		pass
	else
		fail "$name on the seeds"
	fi
	[ "$SECONDS_EACH" -gt 0 ] || continue
	corpus=$BUILD/corpus/$name crashes=$BUILD/crashes/$name
	mkdir -p "$corpus" "$crashes"
	if "$bin" -max_total_time="$SECONDS_EACH" -timeout=10 \
	    -rss_limit_mb=2048 -close_fd_mask=3 -print_final_stats=1 \
	    -dict="$FUZZ/yaml.dict" -seed_inputs=@"$seeds" \
	    -artifact_prefix="$crashes/" "$corpus" >"$log" 2>&1; then
		pass
	else
		fail "$name: fuzzing for $SECONDS_EACH s (input in ${crashes#"$TOP"/})"
	fi
	# "#RUNS DONE cov: ... exec/s: ..." becomes "TARGET: RUNS runs ..."
	sed -n "s|^#\([0-9]*\)[[:space:]]*DONE[[:space:]]*|$name: \1 runs in \
$SECONDS_EACH s, |p" "$log"
	# Inputs of up to 1 MB, from the large seeds, in a corpus of their own
	# so that the small one stays small.
	corpus=$BUILD/corpus-1m/$name
	mkdir -p "$corpus"
	if "$bin" -max_total_time="$SECONDS_EACH" -max_len=1048576 \
	    -timeout=30 -rss_limit_mb=2048 -close_fd_mask=3 \
	    -print_final_stats=1 -dict="$FUZZ/yaml.dict" \
	    -artifact_prefix="$crashes/" "$corpus" "$big" >"$log" 2>&1; then
		pass
	else
		fail "$name: fuzzing inputs of 1 MB for $SECONDS_EACH s (input in ${crashes#"$TOP"/})"
	fi
	sed -n "s|^#\([0-9]*\)[[:space:]]*DONE[[:space:]]*|$name (1 MB): \1 runs \
in $SECONDS_EACH s, |p" "$log"
done

echo "fuzz: $passed passed, $failed failed"
[ -z "${CHECK_TALLY:-}" ] || echo "$passed $failed" >>"$CHECK_TALLY"
[ "$failed" -eq 0 ]
