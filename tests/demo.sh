#!/bin/sh
# demo.sh - run each command on the shipped examples (make demo).
# Usage: sh tests/demo.sh [BUILD]
BUILD=${1:-build}
TODAY=2026-11-24
set -u
PATH=$BUILD:$PATH
umask 077

# show CMD...: print the command line, then run it.
show() {
	printf '$'
	for a; do
		case $a in
		*' '*) printf " '%s'" "$a" ;;
		*) printf ' %s' "$a" ;;
		esac
	done
	echo
	"$@"
	echo
}

show ip-validate examples/ && echo "(every example is valid)" && echo
show ip-review --today $TODAY --within 60d examples/
show ip-stats --today $TODAY examples/
for f in examples/*.yaml; do
	echo "\$ ip-export $f | head -n 16"
	ip-export "$f" | head -n 16
	echo
done

# A new plan, and what is still to be written in it.
rm -f "$BUILD/demo/kari.yaml"
mkdir -p "$BUILD/demo"
show ip-new --today $TODAY --name 'Kari Nordmann' \
    --coordinator 'Ola Hansen' --reviews 2 "$BUILD/demo/kari.yaml"
show ip-validate --today $TODAY "$BUILD/demo/kari.yaml"
exit 0
