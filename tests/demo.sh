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

mkdir -p "$BUILD/demo"
show ip-validate examples/ && echo "(every example is valid)" && echo
show ip-review --today $TODAY --within 60d examples/
show ip-stats --today $TODAY examples/
for f in examples/*.yaml; do
	echo "\$ ip-export $f | head -n 16"
	ip-export "$f" | head -n 16
	echo
done

# The employer in Lars's plan is outside the consent to share
# information: his view holds his own part only.
echo "\$ ip-export --today $TODAY --for kjetil examples/lars-kvalifisering.yaml"
ip-export --today $TODAY --for kjetil examples/lars-kvalifisering.yaml
echo

# The page to print, and the consent form to sign.
show ip-export --today $TODAY --format html \
    -o "$BUILD/demo/emma.html" examples/emma-barnekoordinator.yaml
show ip-export --consent-form --format html \
    -o "$BUILD/demo/emma-samtykke.html" examples/emma-barnekoordinator.yaml
echo "(open $BUILD/demo/emma.html and $BUILD/demo/emma-samtykke.html in a browser)"
echo

# A new plan, and what is still to be written in it.
rm -f "$BUILD/demo/kari.yaml"
show ip-new --today $TODAY --name 'Kari Nordmann' \
    --coordinator 'Ola Hansen' --reviews 2 "$BUILD/demo/kari.yaml"
show ip-validate --today $TODAY "$BUILD/demo/kari.yaml"
exit 0
