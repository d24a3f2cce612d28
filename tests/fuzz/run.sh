#!/bin/sh
# run.sh - the fuzz targets: each on its regression inputs
# (tests/fuzz/regress/TARGET/*) and on the seeds (the plans of the
# examples and the tests), each input once; then, unless SECONDS is 0,
# fuzzing for SECONDS in all.  SECONDS 0 ('make check-fuzz') is
# deterministic: the same inputs, the same result.
# Usage: sh tests/fuzz/run.sh FUZZ-BUILD-DIR SECONDS [TARGET...]
# FUZZ_JOBS targets run at once (default 1), each on one core; what
# they report is printed when all are done, in the order of the targets.
# The corpus is kept in FUZZ-BUILD-DIR/corpus/TARGET, and the next run
# starts from it; crashes go to FUZZ-BUILD-DIR/crashes/TARGET, libFuzzer's
# output to TARGET.log there.
# Fuzzing runs twice: four fifths of the time with libFuzzer's own input
# size, which grows from the seeds' (a few KB), and a fifth with inputs of
# up to 1 MB from large seeds, to reach what only size brings out (a slow
# export of a big plan).  After a crash it starts again for the time
# left, so that the time is spent and every crash is kept.  Each target
# then has one line: "TARGET: S s, N runs, coverage C (F features),
# corpus K, M crashes", coverage as libFuzzer counts it (edges) on the
# small inputs.
# Ends with "fuzz: N passed, M failed".

BUILD=$(cd "${1:?}" && pwd) || exit 2
SECONDS_EACH=${2:?}
shift 2
FUZZ=$(cd "$(dirname "$0")" && pwd)
TOP=$(dirname "$(dirname "$FUZZ")")
export LC_ALL=C TZ=UTC

# --- one target: FUZZ_ONE=1 sh run.sh FUZZ-BUILD-DIR SECONDS TARGET -------
# Writes what it has to say to FUZZ-BUILD-DIR/report/TARGET and "passed
# failed" to FUZZ-BUILD-DIR/report/TARGET.tally.
if [ "${FUZZ_ONE:-}" = 1 ]; then
	name=$1
	bin=$BUILD/fuzz/$name
	log=$BUILD/$name.log
	out=$BUILD/report/$name
	passed=0 failed=0
	pass() { passed=$((passed + 1)); }
	fail() {
		failed=$((failed + 1))
		echo "FAIL: $1"
		grep -E -A 30 '^==[0-9]+==|runtime error|^MS:|Test unit written|abort' \
		    "$log" | head -40 | sed 's/^/    /'
	}
	# The last status line of a log: "#RUNS ... cov: C ft: F corp: K".
	figure() {
		sed -n 's/^#\([0-9]*\)[^0-9].* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/\1 \2 \3 \4/p' \
		    "$1" | tail -1
	}
	# How many inputs libFuzzer has kept in the crashes: those that
	# crashed, leaked, hung or took too much memory, not the slow ones.
	found() {
		ls "$crashes" | grep -c -E '^(crash|leak|timeout|oom)-'
	}
	# fuzz_for SECONDS OPTION... CORPUS...: fuzzes for SECONDS, and
	# after a crash, kept in the crashes, fuzzes again for the time
	# left, unless the crash left no new input there (one the corpus
	# holds, met again and again).  Adds to runs and to the log.
	fuzz_for() {
		end=$(($(date +%s) + $1))
		shift
		while now=$(date +%s) && [ "$now" -lt "$end" ]; do
			kept=$(found)
			"$bin" -max_total_time=$((end - now)) -rss_limit_mb=2048 \
			    -close_fd_mask=3 -print_final_stats=1 \
			    -dict="$FUZZ/yaml.dict" -artifact_prefix="$crashes/" \
			    "$@" >"$log.part" 2>&1
			rc=$?
			cat "$log.part" >>"$log"
			n=$(sed -n 's/^stat::number_of_executed_units: *//p' \
			    "$log.part")
			rm -f "$log.part"
			runs=$((runs + ${n:-0}))
			[ "$rc" -ne 0 ] && [ "$(found)" -gt "$kept" ] ||
				break
		done
	}
	exec >"$out"
	if [ ! -x "$bin" ]; then
		: >"$log"
		fail "$name: no such target"
		echo "$passed $failed" >"$out.tally"
		exit 0
	fi
	regress=$FUZZ/regress/$name
	# Each input that once crashed the target, run once.
	for f in "$regress"/*; do
		[ -f "$f" ] || continue
		if "$bin" "$f" >"$log" 2>&1; then
			pass
		else
			fail "$name on ${f#"$TOP"/}"
		fi
	done
	# Each seed, once: libFuzzer runs the files it is given and stops.
	if tr , '\n' <"$BUILD/seeds" | xargs -d '\n' "$bin" >"$log" 2>&1; then
		pass
	else
		fail "$name on the seeds"
	fi
	if [ "$SECONDS_EACH" -gt 0 ]; then
		corpus=$BUILD/corpus/$name crashes=$BUILD/crashes/$name
		mkdir -p "$corpus" "$BUILD/corpus-1m/$name" "$crashes"
		before=$(found) began=$(date +%s) runs=0
		: >"$log"
		fuzz_for $((SECONDS_EACH - SECONDS_EACH / 5)) -timeout=10 \
		    "$corpus" "$BUILD/seed-dir"
		set -- $(figure "$log")
		# Inputs of up to 1 MB, from the large seeds, in a corpus of
		# their own so that the small one stays small.
		fuzz_for $((SECONDS_EACH / 5)) -timeout=30 -max_len=1048576 \
		    "$BUILD/corpus-1m/$name" "$BUILD/big-seeds"
		crashed=$(($(found) - before))
		echo "$name: $(($(date +%s) - began)) s, $runs runs," \
		    "coverage ${2:-?} (${3:-?} features), corpus ${4:-?}," \
		    "$crashed crashes"
		if [ "$crashed" -eq 0 ] && [ -n "${1:-}" ]; then
			pass
		else
			fail "$name: $crashed crashes in $SECONDS_EACH s of fuzzing (inputs in ${crashes#"$TOP"/}; see ${log#"$TOP"/})"
		fi
	fi
	echo "$passed $failed" >"$out.tally"
	exit 0
fi

# --- all of them ---------------------------------------------------------

# The seeds: every plan under examples/ and the tests, as one list, and
# as a directory for fuzzing to start from.
find "$TOP/examples" "$TOP/tests/validate" "$TOP/tests/review" \
    "$TOP/tests/export" "$TOP/tests/new" -name '*.yaml' | sort |
    paste -s -d, - >"$BUILD/seeds"
rm -rf "$BUILD/seed-dir" && mkdir "$BUILD/seed-dir" &&
tr , '\n' <"$BUILD/seeds" | while read -r f; do
	ln -s "$f" "$BUILD/seed-dir/$(printf '%s' "${f#"$TOP"/}" | tr / _)"
done

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
rm -rf "$BUILD/report" && mkdir "$BUILD/report"
for bin; do
	printf '%s\n' "${bin##*/}"
done | FUZZ_ONE=1 xargs -d '\n' -n 1 -P "${FUZZ_JOBS:-1}" \
    sh "$0" "$BUILD" "$SECONDS_EACH"
passed=0 failed=0
for bin; do
	name=${bin##*/}
	cat "$BUILD/report/$name"
	read -r p f <"$BUILD/report/$name.tally" || p=0 f=1
	passed=$((passed + p)) failed=$((failed + f))
done

echo "fuzz: $passed passed, $failed failed"
[ -z "${CHECK_TALLY:-}" ] || echo "$passed $failed" >>"$CHECK_TALLY"
[ "$failed" -eq 0 ]
