#!/bin/sh
# deps.sh - the Debian packages the build or the tests need: say which
# are missing, or with --install install them.
# Usage: BUILD_DEBS='probe:package ...' [LOCALES='nb_NO.UTF-8 ...']
#        sh tests/deps.sh [--install]
# Each pair is a pkg-config module, a command, or an absolute path to a
# file the package installs (a Python module of Debian's python3, which a
# python3 of one's own does not see), and the package that brings it.
# Without --install, a missing one stops with the one apt-get line that
# fixes it: a plain build never installs anything.  LOCALES are the
# locales the tests run the commands in: made with localedef (package
# locales) when missing, never skipped.
install=
[ "${1:-}" = --install ] && install=1
missing=
for pair in $BUILD_DEBS; do
	probe=${pair%%:*} pkg=${pair#*:}
	case $probe in
	/*)	[ -e "$probe" ] && continue
		missing="$missing $pkg"
		continue
	esac
	if command -v "$probe" >/dev/null 2>&1; then
		continue
	fi
	if command -v pkg-config >/dev/null 2>&1 &&
	    pkg-config --exists "$probe" 2>/dev/null; then
		continue
	fi
	missing="$missing $pkg"
done

# A locale is there if locale -a lists it, as glibc spells it: nb_NO.utf8.
nolocale=
if [ -n "${LOCALES:-}" ]; then
	have=$(locale -a 2>/dev/null)
	for l in $LOCALES; do
		printf '%s\n' "$have" | grep -qx "${l%%.*}.utf8" ||
			nolocale="$nolocale $l"
	done
fi
[ -z "$missing$nolocale" ] && exit 0

# The commands that fix what is missing, one a line.
fix() {
	[ -z "$missing" ] || echo "  apt-get install$missing"
	for l in $nolocale; do
		echo "  localedef -i ${l%%.*} -f UTF-8 $l"
	done
}
if [ -z "$install" ]; then
	echo "iplan: missing packages or locales; as root, run:" >&2
	fix >&2
	exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "iplan: missing packages or locales; as root, run:" >&2
	fix >&2
	exit 1
fi
if [ -n "$missing" ]; then
	echo "iplan: installing$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -qq >&2 &&
	$sudo apt-get install -y -qq --no-install-recommends $missing >&2 || {
		echo "iplan: could not install; as root, run:" >&2
		fix >&2
		exit 1
	}
fi
for l in $nolocale; do
	echo "iplan: making the locale $l" >&2
	$sudo localedef -i "${l%%.*}" -f UTF-8 "$l" || {
		echo "iplan: could not make it; as root, run:" >&2
		fix >&2
		exit 1
	}
done
