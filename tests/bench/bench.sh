#!/bin/sh
# bench.sh - make bench: the commands beside a floor (libyaml's event
# parser alone) on 10,000 and 100,000 synthetic plans.
# Usage: sh tests/bench/bench.sh BUILD [SIZES...]
set -eu
BUILD=$1
shift
SIZES=${*:-10000 100000}
TODAY=2026-11-24
B=$BUILD/bench
RUNS=${RUNS:-3}

# measure LABEL CMD...: best wall time of RUNS runs, and the peak memory.
measure() {
	label=$1
	shift
	best= mem=
	i=0
	while [ $i -lt "$RUNS" ]; do
		/usr/bin/time -f '%e %M' -o "$B/time" "$@" >/dev/null 2>"$B/err" ||
			[ $? -le 1 ] || { cat "$B/err" >&2; exit 2; }
		read -r t m <<-EOF
		$(tail -n 1 "$B/time")
		EOF
		if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
			best=$t
		fi
		mem=$m
		i=$((i + 1))
	done
	eval "t_$label=$best m_$label=$mem"
}

ratio() { awk "BEGIN{ printf \"%.2f\", $1 / ($2 > 0 ? $2 : 0.01) }"; }

printf '%-8s %-22s %8s %8s %10s\n' plans command seconds ratio "peak KiB"
for n in $SIZES; do
	dir=$B/plans-$n
	[ -f "$dir.done" ] || { rm -rf "$dir"; "$B/gen" "$n" "$dir" && touch "$dir.done"; }
	"$B/floor" "$dir" 2>/dev/null	# warm the page cache
	measure floor "$B/floor" "$dir"
	measure validate "$BUILD/ip-validate" -j 1 --today $TODAY "$dir"
	measure validatej "$BUILD/ip-validate" --today $TODAY "$dir"
	printf '%-8s %-22s %8s %8s %10s\n' "$n" "floor (libyaml)" "$t_floor" 1.00 "$m_floor"
	printf '%-8s %-22s %8s %8s %10s\n' "$n" "ip-validate -j 1" "$t_validate" "$(ratio "$t_validate" "$t_floor")" "$m_validate"
	printf '%-8s %-22s %8s %8s %10s\n' "$n" "ip-validate -j $(nproc)" "$t_validatej" "$(ratio "$t_validatej" "$t_floor")" "$m_validatej"
	if [ -x "$BUILD/ip-review" ]; then
		measure review "$BUILD/ip-review" -j 1 --today $TODAY "$dir"
		printf '%-8s %-22s %8s %8s %10s\n' "$n" "ip-review -j 1" "$t_review" "$(ratio "$t_review" "$t_floor")" "$m_review"
	fi
done
