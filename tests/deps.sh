#!/bin/sh
# deps.sh - install the Debian packages the build needs, or say which.
# BUILD_DEBS holds "probe:package" pairs: a pkg-config module, a command,
# or an absolute path to a file the package installs (a Python module of
# Debian's python3, which a python3 of one's own does not see).
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
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
	sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	sudo=sudo
else
	echo "iplan: missing packages; as root, run:" >&2
	echo "  apt-get install$missing" >&2
	exit 1
fi
echo "iplan: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 &&
$sudo apt-get install -y -qq --no-install-recommends $missing >&2 || {
	echo "iplan: could not install; run: apt-get install$missing" >&2
	exit 1
}
