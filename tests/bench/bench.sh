#!/bin/sh
# bench.sh - make bench: the commands beside a floor (libyaml's event
# parser alone) on 10,000 and 100,000 synthetic plans.
# Usage: sh tests/bench/bench.sh BUILD [SIZES...]
#
# Then the instructions each command of the whole tree takes on its first
# CALLGRIND plans (default 1000), under valgrind's callgrind, beside the
# floor's: they do not swing as the wall times do.
#
# ip-validate, ip-review and ip-stats read the whole tree in one process,
# as the floor does.  ip-export renders one plan per run, so it runs once per file
# on the first EXPORTS plans, beside the floor run the same way: both then
# pay the same start-up per file.
set -eu
BUILD=$1
shift
SIZES=${*:-10000 100000}
TODAY=2026-11-24
B=$BUILD/bench
RUNS=${RUNS:-5}	# best of five: the machines this runs on are noisy
EXPORTS=${EXPORTS:-1000}
CALLGRIND=${CALLGRIND:-1000}
JOBS=$(getconf _NPROCESSORS_ONLN)

# measure OK LABEL CMD...: one run; LABEL keeps the best wall time of its
# runs so far, and the peak memory (KiB) of its last.  An exit status
# above OK stops the bench.
measure() {
	ok=$1 label=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$B/time" "$@" >/dev/null 2>"$B/err" ||
		[ $? -le "$ok" ] || { cat "$B/err" >&2; exit 2; }
	read -r t m <<-EOF
	$(tail -n 1 "$B/time")
	EOF
	eval "best=\${t_$label:-}"
	if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then
		eval "t_$label=$t"
	fi
	eval "m_$label=$m"
}

# rounds FN: FN (a list of measure calls) RUNS times, each label's runs
# taking turns with the others' rather than one after another, so that a
# spell of load from elsewhere on the machine falls on the commands and
# their floor alike and not on one of them: their ratios are what counts.
rounds() {
	i=0
	while [ $i -lt "$RUNS" ]; do
		"$1"
		i=$((i + 1))
	done
}

# row N WHAT LABEL FLOOR: one line of the table, the ratio to FLOOR.
row() {
	eval "t=\$t_$3 m=\$m_$3 f=\$t_$4"
	printf '%-8s %-34s %8s %6s %9s\n' "$1" "$2" "$t" \
	    "$(awk "BEGIN{ printf \"%.2f\", $t / ($f > 0 ? $f : 0.01) }")" "$m"
}

# target N WHAT LABEL: the targets of one job beside the floor: at most
# 1.3 times its time, and under 20 MB (20,480 KiB) of memory.
targets=
target() {
	eval "t=\$t_$3 m=\$m_$3 f=\$t_floor"
	targets="$targets$(awk "BEGIN{ r = $t / ($f > 0 ? $f : 0.01);
	    printf \"%-8s %-34s %5.2f %s 1.30, %6d KiB %s 20480: %s\\\\n\",
	    \"$1\", \"$2\", r, r <= 1.3 ? \"<=\" : \"> \", $m,
	    $m < 20480 ? \"< \" : \">=\",
	    r <= 1.3 && $m < 20480 ? \"met\" : \"MISSED\" }")"
}

# whole: the commands that read the whole tree $dir, once each.  Planted
# defects make ip-validate exit 1, and ip-review and ip-stats 2: the
# plans that do not load.
whole() {
	measure 0 floor "$B/floor" "$dir"
	measure 1 validate "$BUILD/ip-validate" -j 1 --today $TODAY "$dir"
	measure 1 validatej "$BUILD/ip-validate" -j "$JOBS" \
	    --today $TODAY "$dir"
	measure 2 review "$BUILD/ip-review" -j 1 --today $TODAY "$dir"
	measure 2 reviewj "$BUILD/ip-review" -j "$JOBS" --today $TODAY "$dir"
	measure 2 stats "$BUILD/ip-stats" -j 1 --by organization \
	    --today $TODAY "$dir"
	measure 2 statsj "$BUILD/ip-stats" -j "$JOBS" --by organization \
	    --today $TODAY "$dir"
}

# each: ip-export, and the floor, once per file of $B/sample.  xargs
# exits 123 when a run exits 1 to 125: plans with errors.
each() {
	measure 0 floor1 xargs -a "$B/sample" -n 1 "$B/floor"
	measure 123 export xargs -a "$B/sample" -n 1 "$BUILD/ip-export" \
	    --today $TODAY
	measure 123 exportx xargs -a "$B/sample" -n 1 "$BUILD/ip-export" \
	    --format xml --today $TODAY
	measure 123 exportf xargs -a "$B/sample" -n 1 "$BUILD/ip-export" \
	    --format fhir --today $TODAY
	measure 123 exportj xargs -a "$B/sample" -n 1 "$BUILD/ip-export" \
	    --format fhir-json --today $TODAY
}

printf '%-8s %-34s %8s %6s %9s\n' plans command seconds ratio "peak KiB"
for n in $SIZES; do
	dir=$B/plans-$n
	[ -f "$dir.done" ] || { rm -rf "$dir"; "$B/gen" "$n" "$dir" && touch "$dir.done"; }
	"$B/floor" "$dir" 2>/dev/null	# warm the page cache
	unset t_floor t_validate t_validatej t_review t_reviewj t_stats \
	    t_statsj t_floor1 t_export t_exportx t_exportf t_exportj
	rounds whole
	row "$n" "floor (libyaml events)" floor floor
	row "$n" "ip-validate -j 1" validate floor
	row "$n" "ip-validate -j $JOBS" validatej floor
	row "$n" "ip-review -j 1" review floor
	row "$n" "ip-review -j $JOBS" reviewj floor
	row "$n" "ip-stats --by organization -j 1" stats floor
	row "$n" "ip-stats --by organization -j $JOBS" statsj floor
	target "$n" "ip-validate -j 1" validate
	target "$n" "ip-review -j 1" review
	target "$n" "ip-stats -j 1" stats

	find "$dir" -name '*.yaml' | sort | head -n "$EXPORTS" >"$B/sample"
	k=$(wc -l <"$B/sample")
	rounds each
	row "$n" "floor, $k files one at a time" floor1 floor1
	row "$n" "ip-export, $k files (markdown)" export floor1
	row "$n" "ip-export, $k files (xml)" exportx floor1
	row "$n" "ip-export, $k files (fhir)" exportf floor1
	row "$n" "ip-export, $k files (fhir-json)" exportj floor1
	for f in exportf:fhir exportj:fhir-json; do
		eval "t=\$t_${f%:*}"
		targets="$targets$(awk "BEGIN{ r = $t / $t_exportx;
		    printf \"%-8s %-34s %5.2f %s 1.50 of xml: %s\\\\n\", \"$n\",
		    \"ip-export --format ${f#*:}\", r, r <= 1.5 ? \"<=\" : \"> \",
		    r <= 1.5 ? \"met\" : \"MISSED\" }")"
	done
done

# ip-evaluate --dry-run and ip-consent --dry-run beside ip-validate on one
# plan, in instructions (callgrind), which do not swing as times do: on
# the largest plan of the bench and on a plan of 1 MB.  The edit loads the
# plan, checks it, changes it, loads and checks the result and makes the
# diff.
instr() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 \
	    >/dev/null | awk '/Collected/ { n = $NF } END { print n + 0 }'
}
# big FILE: a plan of about 1 MB, 1,500 measures with a paragraph each.
big() {
	awk -v today=$TODAY 'BEGIN {
		print "# A plan of 1 MB for the bench."
		print "format: iplan/1\nlanguage: nb\nstatus: active"
		print "person:\n  name: Kari Nordmann\ncoordinator: ola"
		print "participants:\n  - id: ola\n    name: Ola Hansen"
		print "    role: provider\n    contribution: Koordinator."
		print "goals:\n  - id: g1\n    text: Klare meg selv.\n" \
		    "    subgoals:\n      - id: g1.1\n        text: Dusje selv." \
		    "\n        due: 2027-01-01\n        status: open"
		print "measures:"
		for (i = 1; i <= 1500; i++) {
			printf "  - id: t%d\n    title: Tiltak %d\n", i, i
			print "    extent: 3 besøk i uka\n    responsible: ola"
			print "    goals: [g1]\n    start: 2026-02-01\n" \
			    "    end: 2026-12-31\n    how: |"
			for (j = 0; j < 8; j++)
				print "      Besøk mandag, onsdag og fredag " \
				    "kl. 8–9, med dusj og stell, og en prat."
		}
		print "period:\n  start: 2026-01-15\n  end: 2027-01-15\n" \
		    "  review_interval: 6 months\n  reviews:\n" \
		    "    - date: 2026-11-20"
		print "consent:\n  plan: {date: 2026-01-15, by: Kari Nordmann}\n" \
		    "  information_sharing:\n" \
		    "    - {date: 2026-01-15, participants: [ola]}"
	}' >"$1"
}
# ratio WHAT N OF: a target line: N instructions within 3 times OF's.
ratio() {
	awk "BEGIN{ r = $2 / ($3 > 0 ? $3 : 1);
	    printf \"%-8s %-34s %5.2f %s 3.00 of ip-validate: %s\\\\n\",
	    \"$size B\", \"$1\", r,
	    r <= 3 ? \"<=\" : \"> \", r <= 3 ? \"met\" : \"MISSED\" }"
}
largest=$(find "$B"/plans-* -name '*.yaml' -exec wc -c {} + |
    sort -n | awk '$2 != "total" { f = $2 } END { print f }')
big "$B/big.yaml"
for plan in "$largest" "$B/big.yaml"; do
	cp "$plan" "$B/edit.yaml"
	v=$(instr "$BUILD/ip-validate" --today $TODAY "$B/edit.yaml")
	e=$(instr "$BUILD/ip-evaluate" --dry-run --today $TODAY \
	    --summary 'Vi gikk gjennom planen.' "$B/edit.yaml")
	# ip-consent: a new consent to share with the coordinator, and its
	# withdrawal for the coordinator alone
	who=$(sed -n 's/^coordinator: *//p' "$B/edit.yaml")
	cs=$(instr "$BUILD/ip-consent" --dry-run --today $TODAY \
	    --share "$who" --date $TODAY "$B/edit.yaml")
	cw=$(instr "$BUILD/ip-consent" --dry-run --today $TODAY \
	    --withdraw --share "$who" --date $TODAY "$B/edit.yaml")
	size=$(wc -c <"$plan")
	printf '%-8s %-34s %14s\n' "$size B" "ip-validate (instructions)" "$v"
	printf '%-8s %-34s %14s\n' "$size B" "ip-evaluate -n (instructions)" "$e"
	printf '%-8s %-34s %14s\n' "$size B" "ip-consent -n --share" "$cs"
	printf '%-8s %-34s %14s\n' "$size B" "ip-consent -n --withdraw --share" \
	    "$cw"
	targets="$targets$(ratio "ip-evaluate --dry-run" "$e" "$v")"
	targets="$targets$(ratio "ip-consent -n --share" "$cs" "$v")"
	targets="$targets$(ratio "ip-consent -n --withdraw --share" "$cw" "$v")"
done

n=${SIZES%% *}
rm -rf "$B/callgrind"
mkdir "$B/callgrind"
find "$B/plans-$n" -name '*.yaml' | sort | head -n "$CALLGRIND" |
    while IFS= read -r f; do cp "$f" "$B/callgrind/"; done
k=$(ls "$B/callgrind" | wc -l)
i_floor=$(instr "$B/floor" "$B/callgrind")
echo
printf '%-8s %-34s %14s %6s\n' plans "command (callgrind)" instructions ratio
for c in "floor (libyaml events)|$B/floor" \
    "ip-validate -j 1|$BUILD/ip-validate -j 1 --today $TODAY" \
    "ip-review -j 1|$BUILD/ip-review -j 1 --today $TODAY" \
    "ip-review --mail=mbox -j 1|$BUILD/ip-review -j 1 --mail=mbox --today $TODAY" \
    "ip-stats --by organization -j 1|$BUILD/ip-stats -j 1 --by organization --today $TODAY"; do
	label=${c%%|*} cmd=${c#*|}
	# shellcheck disable=SC2086
	i=$(instr $cmd "$B/callgrind")
	awk "BEGIN{ r = $i / $i_floor;
	    printf \"%-8s %-34s %14d %6.2f\\n\", \"$k\", \"$label\", $i, r }"
	[ "$cmd" = "$B/floor" ] ||	# the floor itself
	targets="$targets$(awk "BEGIN{ r = $i / $i_floor;
	    printf \"%-8s %-34s %5.2f %s 1.30 of the floor's instructions: %s\\\\n\",
	    \"$k\", \"$label\", r, r <= 1.3 ? \"<=\" : \"> \",
	    r <= 1.3 ? \"met\" : \"MISSED\" }")"
done

echo
echo "targets: one job within 1.3 times the floor, under 20 MB; FHIR"
echo "within 1.5 times the XML; ip-evaluate and ip-consent --dry-run within 3"
echo "times the instructions of ip-validate; ip-validate, ip-review and ip-stats within"
echo "1.3 times the floor's instructions"
printf "$targets"
