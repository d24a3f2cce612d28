#!/bin/sh
# pre-commit - a git hook that refuses a commit which adds, changes or
# renames a plan (*.yaml, *.yml) that ip-validate(1) finds errors in.
#
# It checks each plan as it is staged, which is what is committed, not as
# it is in the working tree.  Warnings are shown and do not refuse the
# commit.  The same script runs as pre-merge-commit.  Install both in a
# repository of plans as:
#
#	git config core.hooksPath "$(ip-validate --print-hook-dir)"
#
# Set IPLAN_HOOK_OPTIONS to give ip-validate options, such as --strict.
# git commit --no-verify skips it.

# The staged plans are written, for ip-validate to read them together
# (and find two plans for one person), under the repository's own git
# directory, readable by the user alone, never in /tmp: plans are health
# data.  Whatever happens, they are removed.
# Its messages are in the user's language, from iplan's catalogue
# (gettext(1); make puts the installed LOCALEDIR here), or in English where
# gettext is missing.  IPLAN_LOCALEDIR, as for the commands, is the tests'.
TEXTDOMAIN=iplan
TEXTDOMAINDIR=${IPLAN_LOCALEDIR:-@LOCALEDIR@}
export TEXTDOMAIN TEXTDOMAINDIR
command -v gettext >/dev/null 2>&1 || gettext() { printf '%s' "$1"; }

gitdir=$(git rev-parse --absolute-git-dir) && [ -n "$gitdir" ] || exit 2
dir=$gitdir/iplan-pre-commit
umask 077
rm -rf "$dir" && mkdir "$dir" || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 2' HUP INT TERM

# Every stage's status is checked, and plans are chosen by their names
# here, not by a pathspec, which GIT_LITERAL_PATHSPECS or
# GIT_NOGLOB_PATHSPECS would make match nothing: a hook that cannot check
# refuses the commit.  No stage needs a GNU option but sort -z, which the
# BSDs have too.
git diff --cached --name-only -z --diff-filter=ACMRT >"$dir/list" || exit 2
[ -s "$dir/list" ] || exit 0
git checkout-index -z --stdin --prefix="$dir/staged/" <"$dir/list" || exit 2

# Regular files only: a staged symbolic link holds a path, not a plan.
# ip-validate names each plan by its path in the repository.
cd "$dir/staged" || exit 2
find . -type f \( -name '*.yaml' -o -name '*.yml' \) -print0 >"$dir/found" ||
	exit 2
[ -s "$dir/found" ] || exit 0
LC_ALL=C sort -z <"$dir/found" >"$dir/sorted" && [ -s "$dir/sorted" ] ||
	exit 2
xargs -0 sh -c 'for f; do shift; set -- "$@" "${f#./}"; done
	exec ip-validate ${IPLAN_HOOK_OPTIONS:-} -- "$@"' sh <"$dir/sorted"
status=$?
if [ $status -ne 0 ]; then
	printf '%s\n' "$(gettext "pre-commit: not committed: fix the plans \
above and stage them again (git add), or commit with --no-verify")" >&2
	exit 1
fi
