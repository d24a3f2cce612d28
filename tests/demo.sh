#!/bin/sh
# demo.sh - run each command on the shipped examples (make demo).
BUILD=${1:-build}
TODAY=2026-11-24
set -u
for cmd in ip-validate ip-review ip-export; do
	[ -x "$BUILD/$cmd" ] || continue
	case $cmd in
	ip-validate)
		echo "\$ ip-validate examples/"
		"$BUILD/ip-validate" examples/ && echo "(all plans valid)" ;;
	ip-review)
		echo "\$ ip-review --today $TODAY --within 60d examples/"
		"$BUILD/ip-review" --today $TODAY --within 60d examples/ ;;
	ip-export)
		for f in examples/*.yaml; do
			echo "\$ ip-export $f | head -n 20"
			"$BUILD/ip-export" "$f" | head -n 20
			echo
		done ;;
	esac
	echo
done
