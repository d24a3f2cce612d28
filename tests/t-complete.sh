# t-complete.sh - cmd/completion.bash, the bash completion, run in bash
# the way bash runs it: COMP_WORDS and COMP_CWORD set, the completion
# function called, COMPREPLY printed.
#
# The commands that completion runs are --completion-helper, which
# t-options.sh runs, and ip-export --list-participants and ip-evaluate
# --list-subgoals and --list-measures, which tests here run on each kind
# of input: under valgrind those tests alone run them.

. "$(dirname "$0")/lib.sh"

vg_first_only

# Registered for every command (t-options.sh holds what it offers of
# each to the command's options).
for cmd in "$TOP"/cmd/ip-*.c; do
	cmd=$(basename "$cmd" .c)
	t "complete $cmd: is registered for $cmd" "
		cd '$TMP' && bash -c '. \"\$1\" && complete -p $cmd' complete \
			'$TOP/cmd/completion.bash' >got &&
		grep -q ' -F _iplan $cmd\$' got"
done

t "complete: only the options that start as the word does" "
	cd '$TMP' && comp 1 ip-export --f >got &&
	printf '%s\n' --format --for --force >want && same want got"

# The plan on the command line gives the ids, and only the ids: those of
# tests/validate/valid.yaml, one of them a national id.
mkdir -p "$TMP/complete"
sed 's/^  - id: per$/  - id: "03105827724"/' "$TESTS/validate/valid.yaml" \
	>"$TMP/complete/plan.yaml"
t_no_vg "complete ip-export --for: the ids of that plan's participants" "
	cd '$TMP/complete' &&
	grep -q 'id: \"03105827724\"' plan.yaml &&
	comp 3 ip-export plan.yaml --for '' >got &&
	printf '%s\n' kari ola >want && same want got &&
	comp 2 ip-export --for '' plan.yaml >got && same want got &&
	comp 2 ip-export --for o plan.yaml >got && echo ola | same - got &&
	comp 5 ip-export --format html plan.yaml --for k >got &&
	echo kari | same - got &&
	comp 6 ip-export --format = html plan.yaml --for k >got &&
	echo kari | same - got"
t_no_vg "complete ip-consent --share and --by: the ids of that plan's participants" "
	cd '$TMP/complete' &&
	comp 3 ip-consent plan.yaml --share '' >got &&
	printf '%s\n' kari ola >want && same want got &&
	comp 2 ip-consent --by o plan.yaml >got && echo ola | same - got &&
	comp 5 ip-consent --until 2027-01-01 plan.yaml --share k >got &&
	echo kari | same - got"
t_no_vg "complete ip-export --for: nothing without a plan, or from a broken one" "
	cd '$TMP' && comp 2 ip-export --for '' >got && same /dev/null got &&
	comp 3 ip-export '$TMP/none.yaml' --for '' >got &&
	same /dev/null got &&
	comp 3 ip-export '$TESTS/validate/syntax-tab.yaml' --for '' >got &&
	same /dev/null got"
t "ip-export --list-participants: ids only, never a name or national id" "
	cd '$TMP/complete' &&
	exits 0 ip-export --list-participants plan.yaml >got 2>err &&
	printf '%s\n' kari ola >want && same want got && same /dev/null err &&
	exits 0 ip-export --list-participants <plan.yaml >got &&
	same want got &&
	exits 1 ip-export --list-participants \
		'$TESTS/validate/unknown-key.yaml' >got 2>err &&
	same /dev/null got && grep -q '\\[unknown-key\\]\$' err &&
	exits 2 ip-export --list-participants '$TMP/none.yaml' >got 2>err &&
	same /dev/null got && grep -q '\\[io\\]\$' err"

t_no_vg "complete ip-evaluate --subgoal, --end-measure: the plan's ids" "
	cd '$TMP/complete' &&
	comp 3 ip-evaluate plan.yaml --subgoal '' >got &&
	echo g1.1= | same - got &&
	comp 2 ip-evaluate --end-measure '' plan.yaml >got &&
	echo t1 | same - got"
t "complete ip-evaluate --subgoal ID=: the statuses, after bash's '='" "
	cd '$TMP/complete' &&
	comp 4 ip-evaluate plan.yaml --subgoal g1.1 = >got &&
	printf '%s\n' open achieved dropped >want && same want got &&
	comp 5 ip-evaluate plan.yaml --subgoal g1.1 = d >got &&
	echo dropped | same - got &&
	comp 3 ip-evaluate plan.yaml --subgoal g1.1=a >got &&
	echo g1.1=achieved | same - got"
t "ip-evaluate --list-subgoals, --list-measures: ids only" "
	cd '$TMP/complete' &&
	exits 0 ip-evaluate --list-subgoals plan.yaml >got 2>err &&
	echo g1.1 | same - got && same /dev/null err &&
	exits 0 ip-evaluate --list-measures plan.yaml >got 2>err &&
	echo t1 | same - got && same /dev/null err &&
	exits 1 ip-evaluate --list-measures \
		'$TESTS/validate/unknown-key.yaml' >got 2>err &&
	same /dev/null got && grep -q '\\[unknown-key\\]\$' err"

# The values of options.
t "complete: formats, languages, care" "
	cd '$TMP' && comp 2 ip-export --format '' >got &&
	printf '%s\n' markdown html xml fhir fhir-json >want && same want got &&
	comp 2 ip-review --format '' >got &&
	printf '%s\n' text tsv ics >want && same want got &&
	comp 2 ip-new --language n >got &&
	printf '%s\n' nb nn >want && same want got &&
	comp 2 ip-new --care '' >got &&
	printf '%s\n' voluntary compulsory >want && same want got"
t "complete: --opt=value, as bash splits it and as zsh does not" "
	cd '$TMP' && comp 3 ip-export --format = h >got && echo html | same - got &&
	comp 2 ip-export --format = >got &&
	printf '%s\n' markdown html xml fhir fhir-json >want && same want got &&
	comp 1 ip-export --format=x >got && echo --format=xml | same - got"
t "complete: intervals, dates and counts" "
	cd '$TMP' && comp 2 ip-review --within 6 >got &&
	printf '%s\n' 6d 6w 6m 6y >want && same want got &&
	comp 2 ip-new --period '' >got &&
	printf '%s\n' 14d 30d 6w 3m 6m 1y >want && same want got &&
	comp 2 ip-validate --today '' >got && date +%F | same - got &&
	comp 2 ip-validate -j '' >got &&
	seq 1 \$(getconf _NPROCESSORS_ONLN) | same - got &&
	comp 2 ip-new --name '' >got && same /dev/null got"
t "complete: --mail=mbox, but after --mail a plan" "
	mkdir -p '$TMP/complete-mail' && cd '$TMP/complete-mail' &&
	: >a.yaml && : >c.txt &&
	comp 3 ip-review --mail = '' >got && echo mbox | same - got &&
	comp 1 ip-review --mail=m >got && echo --mail=mbox | same - got &&
	comp 2 ip-review --mail '' >got && echo a.yaml | same - got"
t "complete: - where standard input is a value" "
	mkdir -p '$TMP/complete-dash' && cd '$TMP/complete-dash' &&
	: >a.yaml && : >c.txt &&
	comp 2 ip-new --template '' >../got &&
	printf '%s\n' - a.yaml | same - ../got &&
	comp 2 ip-evaluate --summary-file '' | sort >../got &&
	printf '%s\n' - a.yaml c.txt | same - ../got"
t "complete: plans and directories; any file where one is written" "
	mkdir -p '$TMP/complete-files/sub' && cd '$TMP/complete-files' &&
	: >a.yaml && : >b.yml && : >c.txt &&
	comp 1 ip-validate '' | sort >../got &&
	printf '%s\n' a.yaml b.yml sub >../want && same ../want ../got &&
	comp 2 ip-export -o '' | sort >../got &&
	printf '%s\n' a.yaml b.yml c.txt sub >../want && same ../want ../got &&
	comp 1 ip-new '' | sort >../got && same ../want ../got &&
	comp 2 ip-validate -- -q | sort >../got && same /dev/null ../got &&
	: >-q.yaml && comp 2 ip-validate -- - >../got &&
	echo -q.yaml | same - ../got"

# Installed, bash-completion finds it for each command by its name, under
# XDG_DATA_DIRS (by default /usr/local/share and /usr/share); uninstalled,
# nothing is left.
t "complete: make install puts it where bash-completion looks" "
	cd '$TMP' && rm -rf '$TMP/dest' &&
	make -s -C '$TOP' BUILD='$BUILD' DESTDIR='$TMP/dest' install >/dev/null &&
	for cmd in '$TOP'/cmd/ip-*.c; do
		cmd=\$(basename \"\$cmd\" .c)
		XDG_DATA_DIRS='$TMP/dest/usr/local/share' bash -c '
			. /usr/share/bash-completion/bash_completion &&
			__load_completion \"\$1\" && complete -p \"\$1\"' \
			load \"\$cmd\" >got &&
		grep -q \" -F _iplan \$cmd\\\$\" got || exit 1
	done &&
	make -s -C '$TOP' BUILD='$BUILD' DESTDIR='$TMP/dest' uninstall &&
	find '$TMP/dest' ! -type d >left && same /dev/null left"

test_done
