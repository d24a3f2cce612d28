#!/bin/sh
# pre-receive - a git hook for a shared repository of plans (a bare
# repository, or one on Gitea or GitLab) that refuses a push when any
# commit in it adds, changes or renames a plan (*.yaml, *.yml) in which
# ip-validate(1) finds errors: what --no-verify let past a clone's
# pre-commit hook does not get past the server.  Install it in the
# shared repository as:
#
#	ln -s "$(ip-validate --print-hook-dir)/pre-receive" hooks/pre-receive
#
# Set IPLAN_HOOK_OPTIONS to give ip-validate options, such as --strict.
# ip-validate must be on the PATH git runs hooks with.

# Each commit's plans are written, for ip-validate to read them together
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
dir=$gitdir/iplan-pre-receive
umask 077
rm -rf "$dir" && mkdir "$dir" || exit 2
trap 'rm -rf "$dir"' EXIT
trap 'exit 2' HUP INT TERM

refused=0
while read -r old new ref; do
	# a branch deleted brings nothing to check
	case $new in *[!0]*) ;; *) continue ;; esac
	# the commits this push brings, oldest first: those no ref of the
	# repository has yet
	git rev-list --reverse "$new" --not --all >"$dir/commits" || exit 2
	while read -r commit; do
		git diff-tree -r --root --no-commit-id --name-only -z \
			--diff-filter=ACMRT "$commit" -- '*.yaml' '*.yml' \
			>"$dir/list" || exit 2
		[ -s "$dir/list" ] || continue
		rm -rf "$dir/tree" "$dir/index" || exit 2
		GIT_INDEX_FILE=$dir/index git read-tree "$commit" || exit 2
		GIT_INDEX_FILE=$dir/index GIT_WORK_TREE=$dir \
			git checkout-index -z --stdin --prefix="$dir/tree/" \
			<"$dir/list" || exit 2
		# Regular files only: a link holds a path, not a plan.
		(cd "$dir/tree" &&
		find . -type f -print0 | sed -z 's|^\./||' | sort -z |
			xargs -0 -r ip-validate ${IPLAN_HOOK_OPTIONS:-} --)
		status=$?
		if [ $status -ne 0 ]; then
			# TRANSLATORS: the first %s is a branch or a tag
			# (refs/heads/main), the second a commit id.
			printf "$(gettext "pre-receive: %s: commit %s has \
the findings above")\n" "$ref" "$commit" >&2
			refused=1
		fi
	done <"$dir/commits"
done
if [ $refused -ne 0 ]; then
	printf '%s\n' "$(gettext "pre-receive: push refused: every commit \
must hold valid plans; amend or squash the commits named (git rebase -i) \
and push again")" >&2
	exit 1
fi
