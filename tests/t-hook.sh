# t-hook.sh - cmd/pre-commit.sh, the git hook installed as
# $(DATADIR)/hooks/pre-commit, in a repository of its own under the build
# tree.  Sourced by run.sh.
#
# The hook runs ip-validate on plain files, as t-validate.sh does under
# valgrind: in that stage only the odd names run, whose file names
# ip-validate must clean in its messages.

# hook_repo: a fresh repository at $TMP/repo with the hook, and cd into
# it.  git reads no configuration but the repository's; ip-validate
# checks as of $TODAY.
hook_repo() {
	export GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1 \
		IPLAN_HOOK_OPTIONS="--today $TODAY" &&
	rm -rf "$TMP/repo" && mkdir "$TMP/repo" && cd "$TMP/repo" &&
	git init -q && git config user.name Test &&
	git config user.email test@example.org &&
	git config commit.gpgsign false &&
	ln -s "$TOP/cmd/pre-commit.sh" .git/hooks/pre-commit
}
# hook_commits N: the repository has N commits.
hook_commits() {
	test "$(git rev-list --count --all)" -eq "$1"
}

BROKEN=$TESTS/validate/unknown-key.yaml
WARNS=$TESTS/validate/subgoal-due.yaml
VALID=$TESTS/validate/valid.yaml

t_no_vg "hook: a broken plan is refused, with where and why" "
	hook_repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m broken 2>err && hook_commits 0 &&
	sed 's/^unknown-key\\.yaml:/plan.yaml:/' '$TESTS/validate/unknown-key.expect' >want &&
	grep -v '^pre-commit: ' err | same want - &&
	grep -q '^pre-commit: not committed: ' err &&
	test ! -e .git/iplan-pre-commit"
t_no_vg "hook: fixed, it commits, its warnings shown" "
	hook_repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m broken 2>/dev/null &&
	cp '$WARNS' plan.yaml && git add plan.yaml &&
	exits 0 git commit -q -m fixed 2>err && hook_commits 1 &&
	sed 's/^subgoal-due\\.yaml:/plan.yaml:/' '$TESTS/validate/subgoal-due.expect' >want &&
	same want err && test ! -e .git/iplan-pre-commit"
t_no_vg "hook: the staged plan is checked, not the working tree's" "
	hook_repo && cp '$BROKEN' plan.yaml && git add plan.yaml &&
	cp '$VALID' plan.yaml &&
	exits 1 git commit -q -m staged-broken 2>err && hook_commits 0 &&
	grep -q '^plan.yaml:15:1: error: .*\\[unknown-key\\]\$' err &&
	git add plan.yaml && cp '$BROKEN' plan.yaml &&
	exits 0 git commit -q -m staged-fixed 2>err && hook_commits 1 &&
	same /dev/null err"
t_no_vg "hook: git commit -a and git commit PATH check what they commit" "
	hook_repo && cp '$VALID' plan.yaml && git add plan.yaml &&
	git commit -q -m valid && cp '$BROKEN' plan.yaml &&
	exits 1 git commit -q -a -m all 2>err && hook_commits 1 &&
	grep -q '^plan.yaml:15:1: error: ' err &&
	exits 1 git commit -q -m path plan.yaml 2>err && hook_commits 1 &&
	grep -q '^plan.yaml:15:1: error: ' err"
t_no_vg "hook: a renamed plan is checked, under its new name" "
	hook_repo && mkdir plans && cp '$BROKEN' plans/old.yaml &&
	git add plans && git commit -q --no-verify -m 'broken before' &&
	git mv plans/old.yaml 'plans/Kari Nordmann.yml' &&
	exits 1 git commit -q -m renamed 2>err && hook_commits 1 &&
	grep -q '^plans/Kari Nordmann.yml:15:1: error: .*\\[unknown-key\\]\$' err &&
	cp '$VALID' 'plans/Kari Nordmann.yml' && git add plans &&
	exits 0 git commit -q -m 'renamed and fixed' 2>err && hook_commits 2 &&
	same /dev/null err"
t_no_vg "hook: passes when no plan is added or changed" "
	hook_repo && cp '$BROKEN' plan.yaml &&
	git add plan.yaml && git commit -q --no-verify -m broken &&
	echo notes >README && cp '$BROKEN' new.yaml && git add README &&
	exits 0 git commit -q -m readme 2>err && same /dev/null err &&
	cp '$BROKEN' plan.txt && git add plan.txt &&
	exits 0 git commit -q -m text 2>err && same /dev/null err &&
	git rm -q plan.yaml && exits 0 git commit -q -m removed 2>err &&
	same /dev/null err && hook_commits 4 && test ! -e .git/iplan-pre-commit"
t_no_vg "hook: two plans for one person in one commit are refused" "
	hook_repo && cp '$VALID' a.yaml && cp '$VALID' b.yaml && git add . &&
	exits 1 git commit -q -m twice 2>err && hook_commits 0 &&
	grep -q '^b.yaml:[0-9]*:[0-9]*: error: .*\\[one-plan\\]\$' err"
t "hook: odd names: one like an option, a staged link, a newline" "
	hook_repo && cp '$BROKEN' ./-q.yaml && git add -- -q.yaml &&
	exits 1 git commit -q -m dash 2>err &&
	grep -q '^-q.yaml:15:1: error: ' err && git rm -q --cached -- -q.yaml &&
	rm ./-q.yaml && cp '$VALID' real.yaml && ln -s real.yaml link.yaml &&
	git add real.yaml link.yaml && exits 0 git commit -q -m link 2>err &&
	same /dev/null err && cp '$BROKEN' \"\$(printf 'a\\nb.yaml')\" &&
	git add . && exits 1 git commit -q -m newline 2>err &&
	grep -q '^a?b.yaml:15:1: error: ' err && hook_commits 1"
t_no_vg "hook: ip-validate missing: refused" "
	hook_repo && cp '$VALID' plan.yaml && git add plan.yaml &&
	(PATH=/usr/bin:/bin && exits 1 git commit -q -m nopath 2>err) &&
	hook_commits 0 && grep -q '^pre-commit: not committed' err"
t "hook: make install puts it under DATADIR/hooks, executable" "
	cd '$TMP' && make -s -n -C '$TOP' BUILD='$BUILD' DESTDIR=/dest PREFIX=/usr install >out &&
	grep -qx 'install -m 755 cmd/pre-commit.sh /dest/usr/share/iplan/hooks/pre-commit' out"
t "hook: ip-validate(1) and README link the one make install puts in place" "
	cd '$TMP' &&
	sed -n 's|^ln -s \\(/.*\\) \\.git/hooks/pre-commit\$|\\1|p' \
		'$TOP/man/ip-validate.1' >want && test -s want &&
	sed -n 's|^    ln -s \\(/.*\\) \\.git/hooks/pre-commit\$|\\1|p' \
		'$TOP/README.md' | same want - &&
	make -s -n -C '$TOP' BUILD='$BUILD' PREFIX=/usr/local DESTDIR= \
		install >out &&
	grep -qx \"install -m 755 cmd/pre-commit.sh \$(cat want)\" out"
t_no_vg "hook: a draft commits, its missing items warnings; made active, refused" "
	hook_repo && cp '$TESTS/validate/draft.yaml' plan.yaml &&
	git add plan.yaml && exits 0 git commit -q -m draft 2>err &&
	hook_commits 1 &&
	sed 's/^draft\\.yaml:/plan.yaml:/' '$TESTS/validate/draft.expect' >want &&
	same want err &&
	sed 's/^status: draft\$/status: active/' plan.yaml >active &&
	mv active plan.yaml && git add plan.yaml &&
	exits 1 git commit -q -m active 2>err && hook_commits 1 &&
	grep -q '^plan.yaml:17:1: error: no coordinator: .*\\[item-c\\]\$' err &&
	grep -q '^plan.yaml:68:1: error: no cooperation: .*\\[item-i\\]\$' err"
