# t-edit.sh - ip-edit: a round trip through an editor under script(1),
# each answer to its question, --no-prompt, the lock, and a plan that
# changed meanwhile.
#
# The editor is a script: its first call breaks the plan (a misspelt
# key, line 15), the next fix it and change a word; each call's arguments
# go to ../calls, so that +LINE is seen.

. "$(dirname "$0")/lib.sh"

fresh() {
	rm -rf "$TMP/edit" && mkdir -p "$TMP/edit/d" && cd "$TMP/edit/d" &&
	cp "$TESTS/validate/valid.yaml" plan.yaml && chmod 640 plan.yaml &&
	cat >../ed <<-'EOF'
	#!/bin/sh
	echo "$*" >>../calls
	for f; do :; done
	if [ "$(wc -l <../calls)" = 1 ]; then
		sed -i 's/^coordinator: ola/coordinater: ola/' "$f"
	else
		sed -i 's/^coordinater: ola/coordinator: ola/
			s/Arbeidsavklaring/Arbeid/' "$f"
	fi
	EOF
	chmod +x ../ed && export VISUAL="$TMP/edit/ed" EDITOR=
}
# run ANSWERS ARGS...: ip-edit ARGS under script(1), on a terminal
# of its own, with ANSWERS on its standard input; its exit status.
run() {
	edit_in=$1
	shift
	printf "$edit_in" | script -qec "ip-edit --today $TODAY $*" \
		/dev/null >../out 2>&1
}

t "edit: errors, edit again at the first's line, then saved, mode kept" "
	fresh && exits 0 run 'e\n' plan.yaml &&
	grep -q 'plan.yaml:15:1: error: unknown key .coordinater.' ../out &&
	grep -q 'What now? \\[e\\]dit again at line 15, \\[s\\]ave anyway' ../out &&
	sed -n 2p ../calls | grep -q '^+15 \\./\\.plan\\.yaml\\.edit-\\|^+15 \\.plan\\.yaml\\.edit-' &&
	sed -n 1p ../calls | grep -q '\\.plan\\.yaml\\.edit-' &&
	sed 's/Arbeidsavklaring/Arbeid/' '$TESTS/validate/valid.yaml' | same - plan.yaml &&
	test \$(stat -c %a plan.yaml) = 640 && test \"\$(ls -A)\" = plan.yaml"
t "edit: quit without saving leaves the plan and no copy" "
	fresh && cp plan.yaml before && exits 1 run 'q\n' plan.yaml &&
	cmp plan.yaml before && test \"\$(ls -A | tr '\n' ' ')\" = 'before plan.yaml '"
t "edit: save anyway writes the plan with its errors" "
	fresh && exits 0 run 's\n' plan.yaml &&
	grep -q '^coordinater: ola' plan.yaml && test \"\$(ls -A)\" = plan.yaml"
t "edit: the question in bokmål and nynorsk, answered in their letters" "
	fresh && LC_ALL=nb_NO.UTF-8 exits 1 run 'a\n' plan.yaml &&
	grep -q 'Hva nå? \\[r\\]ediger igjen på linje 15, \\[l\\]agre likevel, \\[a\\]vbryt uten å lagre' ../out &&
	grep -q 'feil: ukjent nøkkel' ../out && grep -q '^coordinator: ola' plan.yaml &&
	fresh && LC_ALL=nn_NO.UTF-8 exits 0 run 'r\n' plan.yaml &&
	grep -q 'Kva no? \\[r\\]ediger på nytt på linje 15' ../out &&
	grep -q 'about: Arbeid\$' plan.yaml"
t "edit: no answer (end of input): not saved, the edit kept and named" "
	fresh && cp plan.yaml before && exits 1 run '' plan.yaml &&
	cmp plan.yaml before &&
	copy=\$(ls -A | grep '^\\.plan\\.yaml\\.edit-') &&
	test \$(stat -c %a \"\$copy\") = 600 &&
	grep -q \"ip-edit: not saved; the edit is kept in '\\./\$copy'\\|kept in '\$copy'\" ../out &&
	grep -q '^coordinater: ola' \"\$copy\""
t "edit --no-prompt: a clean edit is saved, one with errors is not" "
	fresh && echo x >../calls && exits 0 ip-edit --no-prompt plan.yaml &&
	grep -q 'about: Arbeid\$' plan.yaml && test \"\$(ls -A)\" = plan.yaml &&
	fresh && cp plan.yaml before &&
	exits 1 ip-edit --no-prompt plan.yaml </dev/null 2>err &&
	cmp plan.yaml before && grep -q 'has errors: not saved; the edit is kept in' err"
t "edit: nothing changed, nothing written" "
	fresh && cp plan.yaml before && VISUAL=true exits 0 ip-edit plan.yaml &&
	cmp plan.yaml before && test \"\$(ls -A | tr '\n' ' ')\" = 'before plan.yaml '"
t "edit: a plan changed on disk meanwhile is not replaced; the edit is kept" "
	fresh && echo x >../calls &&
	printf '#!/bin/sh\n../ed \"\$@\" && echo \"# changed\" >>plan.yaml\n' >../ed2 &&
	chmod +x ../ed2 && cp plan.yaml before &&
	VISUAL=../ed2 exits 2 ip-edit --no-prompt plan.yaml 2>err &&
	tail -n 1 plan.yaml | grep -qx '# changed' &&
	grep -q 'ip-edit: the edit is kept in' err &&
	test \$(ls -A | grep -c '^\\.plan\\.yaml\\.edit-') = 1"
t "edit: a second edit of the plan at once is refused" "
	fresh && cp plan.yaml before &&
	printf '#!/bin/sh\nip-edit --no-prompt plan.yaml 2>../inner; echo \$? >../rc\n' >../ed3 &&
	chmod +x ../ed3 && VISUAL=../ed3 exits 0 ip-edit plan.yaml &&
	test \$(cat ../rc) = 2 && test -s ../inner && cmp plan.yaml before"
t "edit refuses standard input and a plan it cannot write" "
	fresh && exits 2 ip-edit - 2>../err &&
	grep -q 'not standard input' ../err &&
	exits 2 ip-edit none.yaml 2>../err && test \"\$(ls -A)\" = plan.yaml"

test_done
