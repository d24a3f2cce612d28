# t-hook.sh - the git hooks as make builds them from cmd/pre-commit.sh and
# cmd/pre-receive.sh, and installs them under $(DATADIR)/hooks, each in a
# repository of its own under the build tree.
#
# The hook runs ip-validate on plain files, as t-validate.sh does under
# valgrind: in that stage only the odd names run, whose file names
# ip-validate must clean in its messages.

. "$(dirname "$0")/lib.sh"

# repo: a fresh repository at $TMP/repo with the hook, and cd into
# it.  git reads no configuration but the repository's; ip-validate
# checks as of $TODAY.
repo() {
	export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
		IPLAN_HOOK_OPTIONS="--today $TODAY" &&
	rm -rf "$TMP/repo" && mkdir "$TMP/repo" && cd "$TMP/repo" &&
	git init -q && git config user.name Test &&
	git config user.email test@example.org &&
	git config commit.gpgsign false &&
	ln -s "$BUILD/hooks/pre-commit" .git/hooks/pre-commit
}
# commits N: the repository has N commits.
commits() {
	test "$(git rev-list --count --all)" -eq "$1"
}

BROKEN=$TESTS/validate/unknown-key.yaml
WARNS=$TESTS/validate/subgoal-due.yaml
VALID=$TESTS/validate/valid.yaml

t_no_vg "hook: a broken plan is refused, with where and why" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m broken 2>err && commits 0 &&
	sed 's/^unknown-key\\.yaml:/plan.yaml:/' '$TESTS/validate/unknown-key.expect' >want &&
	grep -v '^pre-commit: ' err | same want - &&
	grep -q '^pre-commit: not committed: ' err &&
	test ! -e .git/iplan-pre-commit"
t_no_vg "hook: fixed, it commits, its warnings shown" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m broken 2>/dev/null &&
	cp '$WARNS' plan.yaml && git add plan.yaml &&
	exits 0 git commit -q -m fixed 2>err && commits 1 &&
	sed 's/^subgoal-due\\.yaml:/plan.yaml:/' '$TESTS/validate/subgoal-due.expect' >want &&
	same want err && test ! -e .git/iplan-pre-commit"
t_no_vg "hook: the staged plan is checked, not the working tree's" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	cp '$VALID' plan.yaml &&
	exits 1 git commit -q -m staged-broken 2>err && commits 0 &&
	grep -q '^plan.yaml:15:1: error: .*\\[unknown-key\\]\$' err &&
	git add plan.yaml && cp '$BROKEN' plan.yaml &&
	exits 0 git commit -q -m staged-fixed 2>err && commits 1 &&
	same /dev/null err"
t_no_vg "hook: git commit -a and git commit PATH check what they commit" "
	repo && cp '$VALID' plan.yaml && git add plan.yaml &&
	git commit -q -m valid && cp '$BROKEN' plan.yaml &&
	exits 1 git commit -q -a -m all 2>err && commits 1 &&
	grep -q '^plan.yaml:15:1: error: ' err &&
	exits 1 git commit -q -m path plan.yaml 2>err && commits 1 &&
	grep -q '^plan.yaml:15:1: error: ' err"
t_no_vg "hook: a renamed plan is checked, under its new name" "
	repo && mkdir plans && cp '$BROKEN' plans/old.yaml &&
	git add plans && git commit -q --no-verify -m 'broken before' &&
	git mv plans/old.yaml 'plans/Kari Nordmann.yml' &&
	exits 1 git commit -q -m renamed 2>err && commits 1 &&
	grep -q '^plans/Kari Nordmann.yml:15:1: error: .*\\[unknown-key\\]\$' err &&
	cp '$VALID' 'plans/Kari Nordmann.yml' && git add plans &&
	exits 0 git commit -q -m 'renamed and fixed' 2>err && commits 2 &&
	same /dev/null err"
t_no_vg "hook: passes when no plan is added or changed" "
	repo && cp '$BROKEN' plan.yaml &&
	git add plan.yaml && git commit -q --no-verify -m broken &&
	echo notes >README && cp '$BROKEN' new.yaml && git add README &&
	exits 0 git commit -q -m readme 2>err && same /dev/null err &&
	cp '$BROKEN' plan.txt && git add plan.txt &&
	exits 0 git commit -q -m text 2>err && same /dev/null err &&
	git rm -q plan.yaml && exits 0 git commit -q -m removed 2>err &&
	same /dev/null err && commits 4 && test ! -e .git/iplan-pre-commit"
t_no_vg "hook: two plans for one person in one commit are refused" "
	repo && cp '$VALID' a.yaml && cp '$VALID' b.yaml && git add . &&
	exits 1 git commit -q -m twice 2>err && commits 0 &&
	grep -q '^b.yaml:[0-9]*:[0-9]*: error: .*\\[one-plan\\]\$' err"
t "hook: odd names: one like an option, a staged link, a newline" "
	repo && cp '$BROKEN' ./-q.yaml && git add -- -q.yaml &&
	exits 1 git commit -q -m dash 2>err &&
	grep -q '^-q.yaml:15:1: error: ' err && git rm -q --cached -- -q.yaml &&
	rm ./-q.yaml && cp '$VALID' real.yaml && ln -s real.yaml link.yaml &&
	git add real.yaml link.yaml && exits 0 git commit -q -m link 2>err &&
	same /dev/null err && cp '$BROKEN' \"\$(printf 'a\\nb.yaml')\" &&
	git add . && exits 1 git commit -q -m newline 2>err &&
	grep -q '^a?b.yaml:15:1: error: ' err && commits 1"
t_no_vg "hook: ip-validate missing: refused" "
	repo && cp '$VALID' plan.yaml && git add plan.yaml &&
	(PATH=/usr/bin:/bin && exits 1 git commit -q -m nopath 2>err) &&
	commits 0 && grep -q '^pre-commit: not committed' err"
t_no_vg "hook: the refusal in the user's language, bokmål and nynorsk" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 env LC_ALL=nb_NO.UTF-8 git commit -q -m broken 2>err &&
	grep -q '^plan.yaml:15:1: feil: ' err &&
	grep -qx 'pre-commit: ikke sjekket inn: rett planene over og legg dem til på nytt (git add), eller sjekk inn med git commit --no-verify' err &&
	exits 1 env LC_ALL=nn_NO.UTF-8 git commit -q -m broken 2>err &&
	grep -q '^pre-commit: ikkje sjekka inn: rett planane over ' err &&
	commits 0"
t_no_vg "hook: without gettext(1), the refusal in English" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml && mkdir bin &&
	for c in git sh rm mkdir find sort xargs ip-validate; do
		ln -s \"\$(command -v \$c)\" bin/ || exit 1
	done &&
	exits 1 env PATH=\"\$PWD/bin\" LC_ALL=nb_NO.UTF-8 git commit -q -m broken 2>err &&
	grep -q '^plan.yaml:15:1: feil: ' err &&
	grep -q '^pre-commit: not committed: fix the plans above' err && commits 0"
t "hook: make install puts the hooks under DATADIR/hooks, executable" "
	cd '$TMP' && make -s -n -C '$TOP' BUILD='$BUILD' DESTDIR=/dest PREFIX=/usr install >out &&
	grep -qx 'install -m 755 $BUILD/hooks/pre-commit /dest/usr/share/iplan/hooks/pre-commit' out &&
	grep -qx 'install -m 755 $BUILD/hooks/pre-commit /dest/usr/share/iplan/hooks/pre-merge-commit' out &&
	grep -qx 'install -m 755 $BUILD/hooks/pre-receive /dest/usr/share/iplan/hooks/pre-receive' out"
t "hook: ip-validate(1) and README install them as --print-hook-dir names them" "
	line='git config core.hooksPath \"\$(ip-validate --print-hook-dir)\"' &&
	grep -qx \"\$line\" '$TOP/man/ip-validate.1' &&
	grep -qx \"    \$line\" '$TOP/README.md' &&
	line='ln -s \"\$(ip-validate --print-hook-dir)/pre-receive\" hooks/pre-receive' &&
	grep -qx \"\$line\" '$TOP/man/ip-validate.1' &&
	grep -qF 'ln -s \"\$(ip-validate --print-hook-dir)/pre-receive\"' '$TOP/README.md' &&
	ip-validate --print-hook-dir | grep -q '^/.*/share/iplan/hooks\$' &&
	! grep -q 'ln -s /usr/local/share/iplan/hooks' '$TOP/README.md' \
		'$TOP/man/'* '$TOP/cmd/'*.sh"

# The hook refuses when it cannot check: a pathspec made literal or
# unglobbed by the environment, a stage of its own that fails, a sed
# without -z (as on BSD and macOS) change nothing.
for hook_env in GIT_LITERAL_PATHSPECS=1 GIT_NOGLOB_PATHSPECS=1; do
	t_no_vg "hook: $hook_env still refuses a broken plan" "
		repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
		exits 1 env $hook_env git commit -q -m broken 2>err &&
		commits 0 && grep -q 'unknown-key' err"
done
# fake CMD: a CMD on PATH that fails, or, for sed, knows no -z.
fake() {
	mkdir -p fake && printf '#!/bin/sh\n%s\n' "$2" >fake/$1 &&
	chmod +x fake/$1
}
t_no_vg "hook: a sed without -z changes nothing, a broken plan is refused" "
	repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	fake sed 'case \" \$* \" in *\" -z \"*) echo \"sed: illegal option -- z\" >&2; exit 1;; esac; exec /bin/sed \"\$@\"' &&
	exits 1 env PATH=\"\$PWD/fake:\$PATH\" git commit -q -m broken 2>err &&
	commits 0 && grep -q 'unknown-key' err"
for stage in find sort xargs; do
	t_no_vg "hook: a $stage that fails refuses the commit" "
		repo && cp '$VALID' plan.yaml && git add plan.yaml &&
		fake $stage 'exit 1' &&
		! env PATH=\"\$PWD/fake:\$PATH\" git commit -q -m c 2>err &&
		commits 0"
done

# --- merges, pushes, and the installed hooks --------------------------------

# A merge that git commits on its own runs pre-merge-commit, the same
# hook: a plan the other branch broke does not come in with it.
t_no_vg "hook: pre-merge-commit refuses a merge that brings a broken plan" "
	repo &&
	ln -s '$BUILD/hooks/pre-commit' .git/hooks/pre-merge-commit &&
	cp '$VALID' plan.yaml && git add plan.yaml && git commit -q -m base &&
	git checkout -q -b side && cp '$BROKEN' other.yaml &&
	git add other.yaml && git commit -q --no-verify -m broken &&
	git checkout -q - && echo notes >README && git add README &&
	git commit -q -m readme && commits 3 &&
	exits 1 git merge -q --no-edit side >out 2>err && commits 3 &&
	grep -q '^other.yaml:15:1: error: .*\\[unknown-key\\]\$' err &&
	exits 1 git commit -q --no-edit 2>err && commits 3 &&
	grep -q '^other.yaml:15:1: error: ' err"

# shared: a bare repository at $TMP/shared.git with the pre-receive
# hook, the remote origin of a fresh repo.
shared() {
	repo && rm -rf "$TMP/shared.git" &&
	git init -q --bare "$TMP/shared.git" &&
	ln -s "$BUILD/hooks/pre-receive" "$TMP/shared.git/hooks/pre-receive" &&
	git remote add origin "$TMP/shared.git"
}
# tip: the commit main is at in the shared repository.
tip() {
	git -C "$TMP/shared.git" rev-parse -q --verify refs/heads/main
}

t_no_vg "hook: pre-receive refuses a push with a broken plan in any commit" "
	shared && cp '$VALID' plan.yaml && git add plan.yaml &&
	git commit -q -m valid && exits 0 git push -q origin HEAD:main 2>err &&
	same /dev/null err && test \"\$(tip)\" = \"\$(git rev-parse HEAD)\" &&
	cp '$BROKEN' plan.yaml && git commit -q -a --no-verify -m broken &&
	broken=\$(git rev-parse HEAD) &&
	cp '$VALID' plan.yaml && git commit -q -a -m 'fixed after' &&
	exits 1 git push -q origin HEAD:main 2>err &&
	test \"\$(tip)\" = \"\$(git rev-parse HEAD~2)\" &&
	grep -q '^remote: plan.yaml:15:1: error: .*\\[unknown-key\\]' err &&
	grep -q \"^remote: pre-receive: refs/heads/main: commit \$broken \" err &&
	grep -q '^remote: pre-receive: push refused' err &&
	test ! -e '$TMP/shared.git/iplan-pre-receive' &&
	git reset -q --hard HEAD~2 && cp '$WARNS' plan.yaml &&
	git commit -q -a -m 'fixed in place' &&
	exits 0 git push -q origin HEAD:main 2>err &&
	grep -q '^remote: plan.yaml:[0-9:]* warning: .*\\[subgoal-due\\]' err &&
	test \"\$(tip)\" = \"\$(git rev-parse HEAD)\""
t_no_vg "hook: pre-receive says why in the pusher's language" "
	shared && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	git commit -q --no-verify -m broken && broken=\$(git rev-parse HEAD) &&
	exits 1 env LC_ALL=nn_NO.UTF-8 git push -q origin HEAD:main 2>err &&
	grep -q '^remote: plan.yaml:15:1: feil: ' err &&
	grep -qx \"remote: pre-receive: refs/heads/main: innsjekkinga \$broken har funna over *\" err &&
	grep -q '^remote: pre-receive: push avvist: planane i kvar innsjekking må vere gyldige; ' err && ! tip"
t_no_vg "hook: pre-receive takes a draft, and refuses it made active with items missing" "
	shared && cp '$TESTS/validate/draft.yaml' plan.yaml &&
	git add plan.yaml && git commit -q -m draft &&
	exits 0 git push -q origin HEAD:main 2>err &&
	grep -q '^remote: plan.yaml:17:1: warning: .*\\[item-c\\]' err &&
	sed 's/^status: draft\$/status: active/' plan.yaml >active &&
	mv active plan.yaml && git commit -q -a --no-verify -m active &&
	exits 1 git push -q origin HEAD:main 2>err &&
	grep -q '^remote: plan.yaml:17:1: error: .*\\[item-c\\]' err &&
	test \"\$(tip)\" = \"\$(git rev-parse HEAD~1)\" &&
	exits 0 git push -q origin --delete main 2>err && ! tip"
t "hook: pre-receive, a new branch, renames, a link, and a plan checked as pushed" "
	shared && mkdir plans && cp '$VALID' plans/a.yaml &&
	git add plans && git commit -q -m a &&
	exits 0 git push -q origin HEAD:main 2>err && same /dev/null err &&
	git checkout -q -b side && git mv plans/a.yaml 'plans/Kari Nordmann.yml' &&
	ln -s 'Kari Nordmann.yml' plans/link.yaml && git add plans &&
	git commit -q -m renamed && cp '$BROKEN' 'plans/Kari Nordmann.yml' &&
	exits 0 git push -q origin side 2>err && same /dev/null err &&
	git add plans && git commit -q --no-verify -m broken &&
	cp '$VALID' 'plans/Kari Nordmann.yml' &&
	exits 1 git push -q origin side 2>err &&
	grep -q '^remote: plans/Kari Nordmann.yml:15:1: error: ' err"

# make install under another PREFIX after make: only what depends on the
# paths is built again, and the commands find their catalogues and hooks
# there.  In a copy of the tree, so that the one under test is not
# touched; not in the sanitizers' and valgrind's stages, whose build
# trees make with flags of their own.
HOOK_X=$TMP/prefix
t_plain "make install PREFIX=X after make: Norwegian messages and the hooks from X" "
	cd '$TMP' && rm -rf '$HOOK_X' && tree_copy '$TMP/src' &&
	make -C '$TMP/src' BUILD=build all >out 2>&1 &&
	! grep -q -e '^cc ' -e '^clang ' out &&
	make -C '$TMP/src' BUILD=build PREFIX='$HOOK_X' install >out 2>&1 &&
	grep -q '^cc .*-DIPLAN_LOCALEDIR=.*$HOOK_X/share/locale' out &&
	grep -q '^cc .*-DIPLAN_DATADIR=.*$HOOK_X/share/iplan.* lib/new.c' out &&
	cd '$TESTS/validate' &&
	env -u IPLAN_LOCALEDIR LC_ALL=nb_NO.UTF-8 '$HOOK_X/bin/ip-validate' \
		unknown-key.yaml 2>'$TMP/err';
	test \$? = 1 &&
	grep -q \"^unknown-key.yaml:15:1: feil: ukjent nøkkel «coordinater»\" '$TMP/err' &&
	'$HOOK_X/bin/ip-new' --name Kari - | sed -n 2p >'$TMP/line' &&
	echo '# yaml-language-server: \$schema=$HOOK_X/share/iplan/ip-plan.schema.json' |
		same - '$TMP/line' &&
	test -s '$HOOK_X/share/iplan/ip-plan.schema.json' &&
	echo '$HOOK_X/share/iplan/hooks' >'$TMP/want' &&
	'$HOOK_X/bin/ip-validate' --print-hook-dir | same '$TMP/want' - &&
	repo && rm .git/hooks/pre-commit &&
	ln -s '$HOOK_X/share/iplan/hooks/pre-commit' .git/hooks/pre-commit &&
	cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 env -u IPLAN_LOCALEDIR PATH='$HOOK_X/bin':\"\$PATH\" \
		LC_ALL=nb_NO.UTF-8 git commit -q -m broken 2>err &&
	grep -q '^plan.yaml:15:1: feil: ' err &&
	grep -q '^pre-commit: ikke sjekket inn: ' err &&
	ip-validate --print-hook-dir >'$TMP/got' && ! cmp -s '$TMP/want' '$TMP/got'"
t_plain "ip-validate --check-hooks: what git runs, in a clone and a shared repository" "
	test -x '$HOOK_X/bin/ip-validate' && PATH='$HOOK_X/bin':\$PATH &&
	repo && rm .git/hooks/pre-commit &&
	exits 1 ip-validate --check-hooks >out &&
	grep -qx 'pre-commit: none at .git/hooks/pre-commit: git checks nothing there' out &&
	grep -qx 'To check every commit and merge: git config core.hooksPath $HOOK_X/share/iplan/hooks' out &&
	git config core.hooksPath \"\$(ip-validate --print-hook-dir)\" &&
	exits 0 ip-validate --check-hooks >out &&
	grep -qx 'pre-commit: iplan.s hook is active: $HOOK_X/share/iplan/hooks/pre-commit' out &&
	grep -qx 'pre-merge-commit: iplan.s hook is active: $HOOK_X/share/iplan/hooks/pre-merge-commit' out &&
	cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m broken 2>err && commits 0 &&
	git config --unset core.hooksPath &&
	printf '#!/bin/sh\\nexit 0\\n' >.git/hooks/pre-commit &&
	chmod +x .git/hooks/pre-commit &&
	exits 1 ip-validate --check-hooks >out &&
	grep -qx 'pre-commit: .git/hooks/pre-commit is not iplan.s hook: git runs it, and not iplan.s checks' out &&
	cp '$HOOK_X/share/iplan/hooks/pre-commit' .git/hooks/pre-commit &&
	chmod -x .git/hooks/pre-commit && exits 1 ip-validate --check-hooks >out &&
	grep -qx 'pre-commit: .git/hooks/pre-commit is not an executable file: git does not run it' out &&
	git init -q --bare '$TMP/bare.git' && cd '$TMP/bare.git' &&
	exits 1 ip-validate --check-hooks >out &&
	grep -qx 'pre-receive: none at hooks/pre-receive: git checks nothing there' out &&
	ln -s \"\$(ip-validate --print-hook-dir)/pre-receive\" hooks/pre-receive &&
	exits 0 ip-validate --check-hooks >out &&
	grep -qx 'pre-receive: iplan.s hook is active: hooks/pre-receive' out &&
	cd / && exits 2 ip-validate --check-hooks >out 2>err &&
	grep -q '^ip-validate: cannot tell which hooks git runs here' err"

test_done
