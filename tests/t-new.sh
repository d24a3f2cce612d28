# t-new.sh - ip-new: the skeleton in each language and from a template,
# what ip-validate says of it, safe writing, and refused options.

. "$(dirname "$0")/lib.sh"

vg_first_only

# Every test runs in a fresh empty directory, $TMP/new, so that `ls -A`
# shows anything left behind.
fresh() {
	rm -rf "$TMP/new" && mkdir "$TMP/new" && cd "$TMP/new"
}

# new_with CASE ARGS...: ip-new with the options in tests/new/CASE.args,
# then ARGS.
new_with() {
	args=$(cat "$TESTS/new/$1.args") || return 1
	shift
	eval "ip-new --today $TODAY $args \"\$@\""
}

# What a person writes into a skeleton: the commented examples taken in,
# the empty contributions, consent and coordinator filled in, and the
# draft made active.
fill() {
	sed -e 's/^\( \{1,\}\)# /\1/' \
	    -e 's/^status: draft$/status: active/' \
	    -e 's/^\( *contribution:\)$/\1 Deltar på møtene./' \
	    -e "s/^\(    date:\)\$/\1 $TODAY/" \
	    -e 's/^\(    by:\)$/\1 Personen selv/' \
	    -e '/^coordinator:$/i\
  - id: ola\
    name: Ola Hansen\
    role: provider\
    contribution: Koordinator.' \
	    -e 's/^coordinator:$/coordinator: ola/'
}

# new_same CASE FILE: FILE is tests/new/CASE.yaml.expect.  The modeline that
# points editors at the JSON Schema names the installed one, under
# DATADIR: the golden plans name the default one.
new_same() {
	sed '2s|^\(# yaml-language-server: $schema=\)/.*/\(ip-plan\.schema\.json\)$|\1/usr/local/share/iplan/\2|' "$2" \
		>"$TMP/new-same.yaml" &&
	golden "$TESTS/new/$1.yaml.expect" "$TMP/new-same.yaml"
}

# Golden cases: tests/new/CASE.args, the options; CASE.yaml.expect, the plan;
# CASE.expect, what ip-validate says of it: the items, warnings for the
# drafts of the skeleton, errors for the active plan of the template.
for new_case in "$TESTS"/new/*.args; do
	new_case=$(basename "$new_case" .args)
	t "new $new_case: the plan, 0600, nothing else left" "
		fresh && exits 0 new_with $new_case $new_case.yaml &&
		new_same $new_case $new_case.yaml &&
		test \$(stat -c %a $new_case.yaml) = 600 &&
		test \"\$(ls -A)\" = $new_case.yaml"
	t "new $new_case: ip-validate reports exactly the items to write" "
		fresh && exits 0 new_with $new_case $new_case.yaml &&
		want=0 && sev=warning &&
		if [ $new_case = template ]; then want=1 sev=error; fi &&
		exits \$want ip-validate --today $TODAY $new_case.yaml 2>actual &&
		golden '$TESTS/new/$new_case.expect' actual &&
		grep -q . actual &&
		! grep -v \": \$sev: .* \\[item-[a-i]\\]\$\" actual"
	[ "$new_case" = template ] && continue
	t "new $new_case: filled in, it validates clean" "
		fresh && exits 0 new_with $new_case raw.yaml &&
		fill <raw.yaml >$new_case.yaml &&
		exits 0 ip-validate --strict --today $TODAY $new_case.yaml 2>err &&
		same /dev/null err"
done

t "new: the issue's example writes a 0600 plan whose findings are the items" "
	fresh &&
	exits 0 ip-new --today $TODAY --name 'Kari Nordmann' \
		--coordinator 'Ola Hansen' plan.yaml &&
	test \$(stat -c %a plan.yaml) = 600 && test \"\$(ls -A)\" = plan.yaml &&
	exits 0 ip-validate --today $TODAY plan.yaml 2>actual &&
	sed 's/^nb\\.yaml:/plan.yaml:/' '$TESTS/new/nb.expect' >want &&
	same want actual"

t "new: - and no FILE write to standard output" "
	fresh && exits 0 new_with nb - >out1 && exits 0 new_with nb >out2 &&
	new_same nb out1 && new_same nb out2 &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'out1 out2 '"

t "new: never overwrites a file" "
	fresh && echo keep >plan.yaml && chmod 644 plan.yaml &&
	exits 2 new_with nb plan.yaml 2>err &&
	echo \"ip-new: 'plan.yaml' exists: not overwritten (use --force)\" >want &&
	same want err && test \"\$(cat plan.yaml)\" = keep &&
	test \$(stat -c %a plan.yaml) = 644 &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'err plan.yaml want '"

t "new: --force replaces a file by another of its mode" "
	fresh && echo old >plan.yaml && chmod 640 plan.yaml &&
	ino=\$(stat -c %i plan.yaml) &&
	exits 0 new_with nb --force plan.yaml &&
	new_same nb plan.yaml &&
	test \$(stat -c %a plan.yaml) = 640 &&
	test \$(stat -c %i plan.yaml) != \$ino &&
	exits 0 new_with nn -f plan.yaml && new_same nn plan.yaml &&
	test \"\$(ls -A)\" = plan.yaml"

t "new: --force writes a new file too" "
	fresh && exits 0 new_with nb -f plan.yaml &&
	new_same nb plan.yaml"

t "new: a missing directory is trouble" "
	fresh && exits 2 new_with nb nodir/plan.yaml 2>err &&
	grep -q \"^ip-new: cannot create a file beside 'nodir/plan.yaml': No such file or directory\$\" err &&
	test \"\$(ls -A)\" = err"

t "new: a full disk is trouble" "
	! test -w /dev/full || {
		exits 2 new_with nb >/dev/full 2>'$TMP/err' &&
		grep -q '^ip-new: cannot write to standard output: No space left on device\$' '$TMP/err'
	}"

t "new: two FILEs is a usage error" "
	fresh && exits 2 new_with nb a.yaml b.yaml 2>err &&
	grep -q '^usage: ip-new' err && test \"\$(ls -A)\" = err"

# bad WANT ARGS...: ip-new refuses ARGS, saying exactly WANT (lines),
# exits 2 and writes nothing.  Under valgrind, one refusal of each kind
# runs (a text, a national id, several options at once, a count of review
# dates); the others take the same path through cli.c and new.c with
# other values, and the plain and ASan stages run them all.  So for the
# templates below: valgrind runs those that reach new code (a national
# id found, a plan that does not load, the old plan's fields).
bad() {
	printf '%s\n' "$1" >"$TMP/want" && shift &&
	fresh && exits 2 ip-new --today "$TODAY" "$@" plan.yaml \
		2>"$TMP/err" &&
	same "$TMP/want" "$TMP/err" && test -z "$(ls -A)"
}

t_no_vg "new: refuses no --name" "
	bad 'ip-new: no --name: a plan is for one person, named in it' \
		--coordinator 'Ola Hansen'"
t_no_vg "new: refuses an empty --name" "
	bad 'ip-new: --name is empty' --name '  '"
t_no_vg "new: refuses a --name of Unicode white space only" "
	bad 'ip-new: --name is empty' \
		--name \"\$(printf '\302\240\343\200\200\342\200\257')\""
t "new: refuses a control character in --name" "
	bad 'ip-new: invalid --name: value contains control character U+0001' \
		--name \"\$(printf 'Kari\001')\""
t_no_vg "new: refuses a name in bad UTF-8" "
	bad 'ip-new: invalid --coordinator: invalid UTF-8 (byte 0xc3): plans are UTF-8 text' \
		--name Kari --coordinator \"\$(printf 'Ol\303\050')\""
t_no_vg "new: refuses an escape character in --id" "
	bad 'ip-new: invalid --id: value contains control character U+001B' \
		--name Kari --id \"\$(printf 'IP\033[31m1')\""
t "new: refuses a bad national id, without repeating it" "
	bad 'ip-new: invalid --national-id: not a valid fødselsnummer, D-nummer, H-nummer or FH-nummer (11 digits, a real date, both check digits)' \
		--name Kari --national-id 03105827725"
t_no_vg "new: refuses a birth date that is not the national id's" "
	bad 'ip-new: --birth-date differs from the date in --national-id' \
		--name Kari --national-id 03105827724 --birth-date 1958-10-04"
t_no_vg "new: refuses a date that does not exist" "
	bad \"ip-new: invalid date for --birth-date: '1958-02-29' (use YYYY-MM-DD)\" \
		--name Kari --birth-date 1958-02-29"
t_no_vg "new: refuses a bad --start" "
	bad \"ip-new: invalid date for --start: '2026-11-24x' (use YYYY-MM-DD)\" \
		--name Kari --start 2026-11-24x"
t "new: reports every bad option" "
	bad \"ip-new: invalid --language: 'no' (use nb, nn or en)
ip-new: invalid --care: 'forced' (use voluntary or compulsory)\" \
		--name Kari --language no --care forced"
t "new: reports a bad value and a bad text together" "
	bad \"ip-new: invalid --period: '1x' (use a count and a unit, such as 1y, 6m or 26w)
ip-new: --name is empty\" \
		--name ' ' --period 1x"
t_no_vg "new: a birth date refused is not held to the national id" "
	bad \"ip-new: invalid date for --birth-date: '1958-02-30' (use YYYY-MM-DD)\" \
		--name Kari --national-id 03105827724 --birth-date 1958-02-30"
t_no_vg "new: refuses a bad --period" "
	bad \"ip-new: invalid --period: '0y' (use a count and a unit, such as 1y, 6m or 26w)\" \
		--name Kari --period 0y"
t_no_vg "new: refuses a one-day period" "
	bad \"ip-new: --period '1d' is too short: a plan period is at least two days\" \
		--name Kari --period 1d"
t_no_vg "new: refuses a period past the year 9999" "
	bad 'ip-new: a period of 1y from 9999-06-01 ends after the year 9999' \
		--name Kari --start 9999-06-01"
t_no_vg "new: refuses --reviews 0" "
	bad \"ip-new: invalid --reviews: '0' (use 1 to 100)\" --name Kari --reviews 0"
t_no_vg "new: refuses --reviews 101" "
	bad \"ip-new: invalid --reviews: '101' (use 1 to 100)\" --name Kari --reviews 101"
t_no_vg "new: refuses --reviews 2x" "
	bad \"ip-new: invalid --reviews: '2x' (use 1 to 100)\" --name Kari --reviews 2x"
t_no_vg "new: refuses more reviews than the period has room for" "
	bad 'ip-new: --reviews 2: the period has no room for 2 review dates' \
		--name Kari --period 3d --reviews 2"
t_no_vg "new: no room for one review date, in the singular" "
	bad 'ip-new: --reviews 1: the period has no room for 1 review date' \
		--name Kari --period 2d --reviews 1"
t_no_vg "new: refuses --reviews with --review-interval" "
	bad 'ip-new: --reviews and --review-interval: give one, not both' \
		--name Kari --reviews 2 --review-interval 3m"
t_no_vg "new: refuses a bad --review-interval" "
	bad \"ip-new: invalid --review-interval: '3 fortnights' (use a count and a unit, such as 3m, 6 months or 8w)\" \
		--name Kari --review-interval '3 fortnights'"
t "new: refuses more than 100 review dates" "
	bad \"ip-new: --review-interval '1d' gives more than 100 review dates in the period\" \
		--name Kari --review-interval 1d"

t "new: the birth date follows from a D-nummer" "
	fresh && exits 0 ip-new --today $TODAY --name Kari \
		--national-id 43017010051 out.yaml &&
	grep -q '^  national_id: \"43017010051\"\$' out.yaml &&
	grep -q '^  birth_date: 1970-01-03\$' out.yaml"

t "new: --reviews cuts the period into equal parts" "
	fresh && exits 0 ip-new --today $TODAY --name Kari \
		--start 2026-01-01 --reviews 3 out.yaml &&
	sed -n 's/^    - date: //p' out.yaml >dates &&
	printf '%s\n' 2026-04-02 2026-07-02 2026-10-01 >want && same want dates &&
	grep -q '^  end: 2026-12-31\$' out.yaml &&
	! grep -q review_interval out.yaml"

t "new: --review-interval clamps to month ends, inside the period" "
	fresh && exits 0 ip-new --today $TODAY --name Kari \
		--start 2026-01-31 --review-interval 1m out.yaml &&
	sed -n 's/^    - date: //p' out.yaml >dates &&
	printf '%s\n' 2026-02-28 2026-03-31 2026-04-30 2026-05-31 2026-06-30 \
		2026-07-31 2026-08-31 2026-09-30 2026-10-31 2026-11-30 \
		2026-12-31 >want && same want dates &&
	grep -q '^  review_interval: \"1 month\"\$' out.yaml &&
	grep -q '^  end: 2027-01-30\$' out.yaml"

t "new: --start defaults to --today" "
	fresh && exits 0 ip-new --today 2028-02-29 --name Kari out.yaml &&
	grep -q '^  start: 2028-02-29\$' out.yaml &&
	grep -q '^  end: 2029-02-27\$' out.yaml"

t "new: participant ids from names" "
	fresh &&
	exits 0 ip-new --today $TODAY --name 'Åse Kåsa-Ødegård' \
		--coordinator 'ÅSE  KÅSA, ødegård!' out.yaml &&
	grep -q '^  - id: \"ase-kasa-odegard\"\$' out.yaml &&
	grep -q '^  - id: \"ase-kasa-odegard-2\"\$' out.yaml &&
	grep -q '^coordinator: \"ase-kasa-odegard-2\"\$' out.yaml &&
	exits 0 ip-new --today $TODAY --name 'محمد' \
		--coordinator 'Čáhppes Ŋuolla' out2.yaml &&
	grep -q '^  - id: \"person\"\$' out2.yaml &&
	grep -q '^coordinator: \"cahppes-nuolla\"\$' out2.yaml"

# Text that YAML would misread unquoted, or fold as line breaks (U+2028,
# U+0085, a newline), or take as a byte order mark.  Tab and newline are
# allowed in text, as the loader allows them.
hostile=$(printf 'Åse "Kåsa": #1 \\ x\342\200\250y\302\205z\357\273\277 [a]\t{b}\n&c *d !e %%f @g `h')
# The least a template holds: the person's name and the period.
period='period:\n  start: {{start}}\n  end: {{end}}\n'
template_name() {
	printf "format: iplan/1\nperson:\n  name: {{name}}\n$period" >t.yaml &&
	exits 0 ip-new --today "$TODAY" --template t.yaml --name "$1" out.yaml
}
t "new: hostile names load as written" "
	fresh &&
	exits 0 ip-new --today $TODAY --name \"\$hostile\" \
		--coordinator \"\$hostile\" --id \"\$hostile\" out.yaml &&
	exits 0 ip-validate --today $TODAY out.yaml 2>err &&
	grep -q . err && ! grep -v ': warning: .* \[item-[a-i]\]\$' err"
# ip-new refuses a template whose person.name is not --name, as loaded:
# so this passes only if the name read back is the name given.
t "new: hostile names read back exactly" "
	fresh && template_name \"\$hostile\""

# Templates.
# bad_template TEMPLATE WANT ARGS...: refused, nothing written.
# TEMPLATE is a printf format, followed by the period.
bad_template() {
	fresh && printf "$1$period" >t.yaml &&
	printf '%s\n' "$2" >"$TMP/want" &&
	shift 2 &&
	exits 2 ip-new --today "$TODAY" --template t.yaml --name Kari "$@" \
		out.yaml 2>"$TMP/err" &&
	same "$TMP/want" "$TMP/err" && test "$(ls -A)" = t.yaml
}
t_no_vg "new: a template's unknown placeholder" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n  x: {{nmae}}\n' \
		\"t.yaml:4:6: error: unknown placeholder '{{nmae}}' [template]\""
t_no_vg "new: a template without a place for an option" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n' \
		\"ip-new: 't.yaml' has no {{national_id}}: it would not hold --national-id\" \
		--national-id 03105827724"
t_no_vg "new: a template without {{name}}" "
	bad_template 'format: iplan/1\nperson:\n  name: Per\n' \
		\"ip-new: 't.yaml' has no {{name}}: it would not hold --name\""
t_no_vg "new: a template that puts the name elsewhere" "
	bad_template 'format: iplan/1\nperson:\n  name: Per\n# {{name}}\n' \
		\"t.yaml:3:9: error: 'person.name' is not what the options give: use {{name}} [template]\""
t "new: a template with someone's national id" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n  national_id: \"03105827724\"\n' \
		\"t.yaml:4:16: error: 'person.national_id' is not what the options give: use {{national_id}} [template]\""
# The national id, and the birth date it holds, go only where the plan
# keeps them: anywhere else a restricted export would show them.
coord='participants:\n  - id: {{coordinator_id}}\n    name: {{coordinator}}\n    role: provider\n'
nid='format: iplan/1\nperson:\n  name: {{name}}\n  national_id: {{national_id}}\n'
t_no_vg "new: a template with the national id as another value" "
	bad_template \"\$nid\$coord    organization: {{national_id}}\ncoordinator: {{coordinator_id}}\n\" \
		\"t.yaml:9:19: error: '{{national_id}}' may go only as the value of person.national_id [template]\" \
		--coordinator Ola --national-id 03105827724"
t_no_vg "new: a template with the national id in a flow list" "
	bad_template \"\${nid}cooperation: [{with: {{national_id}}}]\n\" \
		\"t.yaml:5:22: error: '{{national_id}}' may go only as the value of person.national_id [template]\" \
		--national-id 03105827724"
t "new: a template with the national id in a comment, given or not" "
	bad_template \"# {{ national_id }}\n\$nid\" \
		\"t.yaml:1:3: error: '{{ national_id }}' may go only as the value of person.national_id [template]\" \
		--national-id 03105827724 &&
	bad_template \"# {{ national_id }}\n\$nid\" \
		\"t.yaml:1:3: error: '{{ national_id }}' may go only as the value of person.national_id [template]\""
t_no_vg "new: a template with the birth date inside other text" "
	bad_template \"\${nid}  birth_date: {{birth_date}}\n\$coord    contribution: \\\"født {{birth_date}}\\\"\ncoordinator: {{coordinator_id}}\n\" \
		\"t.yaml:10:25: error: '{{birth_date}}' may go only as the value of person.birth_date [template]\" \
		--coordinator Ola --national-id 03105827724"
t_no_vg "new: a template with the national id quoted, not as the value" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n  national_id: \047{{national_id}}\047\n' \
		\"t.yaml:4:17: error: '{{national_id}}' may go only as the value of person.national_id [template]\" \
		--national-id 03105827724"
t "new: the national id and birth date in their places, and only there" "
	fresh &&
	printf \"\${nid}  birth_date: {{birth_date}}\n\$period\" >t.yaml &&
	exits 0 ip-new --today $TODAY --template t.yaml --name Kari \
		--national-id 03105827724 out.yaml &&
	grep -n '03105827724\\|1958-10-03' out.yaml >actual &&
	printf '4:  national_id: \"03105827724\"\n5:  birth_date: 1958-10-03\n' >want &&
	same want actual"
t_no_vg "new: a template with a coordinator needs --coordinator" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\ncoordinator: {{ coordinator_id }}\n' \
		\"ip-new: 't.yaml' has a coordinator ({{coordinator_id}}): give --coordinator\""
t "new: a template whose plan does not load" "
	bad_template 'format: iplan/1\nperson:\n  name: \"{{name}}\"\n  birth_date: {{birth_date}}\n' \
		\"t.yaml:3:9: error: text goes on after the closing quote: put the whole text in quotes, and write a quote inside double quotes as \\\\\\\" [syntax]
ip-new: 't.yaml' does not give a plan that loads\" --birth-date 1970-01-01"
t_no_vg "new: a template that is not there" "
	fresh && exits 2 ip-new --today $TODAY --template none.yaml \
		--name Kari out.yaml 2>err &&
	grep -q \"^none.yaml: error: cannot read 'none.yaml': No such file or directory \\[io\\]\$\" err &&
	test \"\$(ls -A)\" = err"
t "new: a template's other braces stay as they are" "
	fresh &&
	printf '# {{...}} {{ }} {{Name}} {{name\nformat: iplan/1\nperson:\n  name: {{ name }}\n' >t.yaml &&
	printf \"\$period\" >>t.yaml &&
	exits 0 ip-new --today $TODAY --template t.yaml --name Kari - >out &&
	printf '# {{...}} {{ }} {{Name}} {{name\nformat: iplan/1\nperson:\n  name: \"Kari\"\nperiod:\n  start: 2026-11-24\n  end: 2027-11-23\n' >want &&
	same want out"

# A template is never someone's old plan: every value where the options
# or a person's details go is refused, with where it is.
t "new: a template made from an old plan is refused, field by field" "
	fresh &&
	sed -e 's/^\(  name:\) .*/\1 {{name}}/' -e '/national_id/d' \
		'$TOP/examples/amina-psychiatric.yaml' >old.yaml &&
	exits 2 ip-new --today $TODAY --template old.yaml \
		--name 'Kari Nordmann' out.yaml 2>err &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'err old.yaml ' &&
	grep -qx \"old.yaml:6:5: error: 'id' is not what the options give: use {{id}} \\[template\\]\" err &&
	grep -qx \"old.yaml:13:15: error: 'person.birth_date' is not what the options give: use {{birth_date}} \\[template\\]\" err &&
	grep -qx \"old.yaml:15:12: error: 'person.contact.phone' is filled in: a template leaves it empty, for the plan to say \\[template\\]\" err &&
	grep -qx \"old.yaml:17:14: error: 'person.contact.address' is filled in: .*\" err &&
	grep -q \"^old.yaml:24:5: error: a participant not given: \" err &&
	grep -q \"^old.yaml:[0-9]*:[0-9]*: error: 'goals' is filled in\" err &&
	grep -q \"^old.yaml:[0-9]*:[0-9]*: error: 'period.start' is not what the options give: use {{start}}\" err &&
	grep -q \"^old.yaml:[0-9]*:[0-9]*: error: 'consent.information_sharing' is filled in\" err &&
	! grep -v ': error: .* \[template\]\$' err"
t_no_vg "new: a template without {{start}} is refused, not given a plan without a start" "
	fresh &&
	printf 'format: iplan/1\nperson:\n  name: {{name}}\nperiod:\n  end: {{end}}\n' >t.yaml &&
	exits 2 ip-new --today $TODAY --template t.yaml --name Kari out.yaml 2>err &&
	echo \"t.yaml: error: 'period.start' is not what the options give: use {{start}} [template]\" >want &&
	same want err && ! test -e out.yaml"
t "new: a template never makes ip-new print the national id" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n  national_id: {{national_id}}\n  care: {{national_id}}\n' \
		\"t.yaml:5:9: error: '{{national_id}}' may go only as the value of person.national_id [template]\" \
		--national-id 03105827724"
t "new: --template - reads the template from standard input" "
	fresh &&
	printf 'format: iplan/1\nperson:\n  name: {{name}}\n' >t.yaml &&
	printf \"\$period\" >>t.yaml &&
	exits 0 ip-new --today $TODAY --template - --name Kari out.yaml <t.yaml &&
	grep -qx '  name: \"Kari\"' out.yaml &&
	printf '  x: {{nmae}}\n' >>t.yaml &&
	exits 2 ip-new --today $TODAY --template - --name Kari out2.yaml <t.yaml 2>err &&
	echo \"<stdin>:7:6: error: unknown placeholder '{{nmae}}' [template]\" >want &&
	same want err"
t "new: a placeholder left empty leaves no blank at the end of its line" "
	fresh &&
	printf 'format: iplan/1\nperson:\n  name: {{name}}\n  birth_date:  {{birth_date}}\n' >t.yaml &&
	printf \"\$period  review_interval: {{review_interval}}\n  reviews: {{reviews}}\n\" >>t.yaml &&
	exits 0 ip-new --today $TODAY --template t.yaml --name Kari out.yaml &&
	! grep -n ' \$' out.yaml &&
	grep -qx '  review_interval:' out.yaml && grep -qx '  birth_date:' out.yaml"
t "new: a placeholder's column counts characters, as the loader's do" "
	bad_template 'format: iplan/1\nperson:\n  name: {{name}}\n  # Åse {{nmae}}\n' \
		\"t.yaml:4:9: error: unknown placeholder '{{nmae}}' [template]\""
t "new: filled in, the template's plan validates clean" "
	fresh && exits 0 new_with template raw.yaml &&
	sed -e 's/^\(goals\|resources\|needs\|measures\):\$/&\n  - x/' \
	    -e 's/^  - x\$/  - Å bo hjemme./' raw.yaml |
	sed -e '/^goals:\$/{n;s/.*/  - id: g1\n    text: Å bo hjemme./;}' \
	    -e '/^measures:\$/{n;s/.*/  - id: t1\n    title: Hjemmesykepleie\n    extent: 3 besøk i uka\n    responsible: ola-hansen\n    goals: [g1]/;}' \
	    -e 's/^\(implementation:\)\$/\1 Ansvarsgruppen møtes hver måned./' \
	    -e 's/^\(    contribution:\)\$/\1 Deltar på møtene./' \
	    -e \"s/^\(    date:\)\\\$/\1 $TODAY/\" \
	    -e 's/^\(    by:\)\$/\1 Personen selv/' >template.yaml &&
	exits 0 ip-validate --strict --today $TODAY template.yaml 2>err &&
	same /dev/null err"

t "new: reports every bad option of the period" "
	bad \"ip-new: invalid date for --start: 'x' (use YYYY-MM-DD)
ip-new: invalid --reviews: '0' (use 1 to 100)
ip-new: invalid --review-interval: 'z' (use a count and a unit, such as 3m, 6 months or 8w)
ip-new: --reviews and --review-interval: give one, not both\" \
		--name Kari --start x --reviews 0 --review-interval z"
t "new: a review interval as long as the period is refused" "
	bad \"ip-new: --review-interval '1y': the period has no room for 1 review date\" \
		--name Kari --review-interval 1y"

t "new: common Latin letters lose their marks in ids" "
	fresh &&
	exits 0 ip-new --today $TODAY --name 'Ñuñez Çelik' \
		--coordinator 'Łukasz Íñigo Óscar Úrsula' out.yaml &&
	grep -qx '  - id: \"nunez-celik\"' out.yaml &&
	grep -qx 'coordinator: \"lukasz-inigo-oscar-ursula\"' out.yaml"
t "new: an id is at most 32 characters, -2 included" "
	fresh && long='Abcdefghij Klmnopqrst Uvwxyzabcd Efghij' &&
	exits 0 ip-new --today $TODAY --name \"\$long\" --coordinator \"\$long\" out.yaml &&
	grep -qx '  - id: \"abcdefghij-klmnopqrst-uvwxyzabcd\"' out.yaml &&
	grep -qx 'coordinator: \"abcdefghij-klmnopqrst-uvwxyzab-2\"' out.yaml"

t "new: --care compulsory changes the comment at item h, in nb and nn" "
	fresh &&
	exits 0 ip-new --today $TODAY --name Kari --care compulsory nb.yaml &&
	exits 0 ip-new --today $TODAY --name Kari --care compulsory \
		--language nn nn.yaml &&
	sed -n '/^# h)/,/^consent:/p' nb.yaml >h-nb &&
	sed -n '/^# h)/,/^consent:/p' nn.yaml >h-nn &&
	grep -q '^#    Under tvungent psykisk helsevern lages planen uten samtykke; når\$' h-nb &&
	grep -q '^#    Under tvungent psykisk helsevern blir planen laga utan samtykke;\$' h-nn &&
	! grep -q 'Skriv når samtykket' h-nb h-nn &&
	grep -q 'Skriv når samtykket' '$TESTS/new/nb.yaml.expect' '$TESTS/new/nn.yaml.expect'"

t "new: -f with a refused option leaves the file as it was" "
	fresh && echo keep >plan.yaml && chmod 644 plan.yaml &&
	exits 2 ip-new --today $TODAY --name Kari --start x -f plan.yaml 2>err &&
	test \"\$(cat plan.yaml)\" = keep && test \$(stat -c %a plan.yaml) = 644 &&
	test \"\$(ls -A | tr '\n' ' ')\" = 'err plan.yaml '"
t "new: -f on a symbolic link replaces the file it points to, the link stays" "
	fresh && echo keep >target.yaml && ln -s target.yaml plan.yaml &&
	exits 0 new_with nb -f plan.yaml &&
	test -L plan.yaml && new_same nb target.yaml &&
	test \"\$(stat -c %a target.yaml)\" = 644"
t "new: without -f a symbolic link is not written through" "
	fresh && echo keep >target.yaml && ln -s target.yaml plan.yaml &&
	exits 2 new_with nb plan.yaml 2>err &&
	test \"\$(cat target.yaml)\" = keep && test -L plan.yaml"
# A file larger than ulimit -f fails to write (SIGXFSZ is ignored): the
# plan is about 5 kB, the limit 512 bytes.
t "new: a write error to a file is trouble, and leaves nothing" "
	fresh && (
		ulimit -f 1 &&
		exits 2 new_with nb plan.yaml 2>err
	) &&
	echo \"ip-new: cannot write 'plan.yaml': File too large\" >want &&
	same want err && test \"\$(ls -A | tr '\n' ' ')\" = 'err want '"

# The modeline: where make install puts the schema (with the PREFIX or
# DATADIR make test was given, which make passes on in MAKEFLAGS), after
# the title; --no-schema leaves it out and changes nothing else.
t "new: the modeline names the schema make install installs" "
	fresh && exits 0 new_with nb plan.yaml &&
	sed -n 2p plan.yaml >line &&
	path=\$(sed -n 's|^# yaml-language-server: \$schema=\(/.*\)|\1|p' line) &&
	test -n \"\$path\" &&
	make -s -n -C '$TOP' BUILD='$BUILD' DESTDIR= install >install &&
	grep -q \"install -m 644 .*lib/ip-plan.schema.json.* \${path%/*}\$\" install"
t "new --no-schema: the same plan without the modeline" "
	fresh && exits 0 new_with nb with.yaml &&
	exits 0 new_with nb --no-schema without.yaml &&
	grep -v '^# yaml-language-server: ' with.yaml | same - without.yaml &&
	test \$(wc -l <with.yaml) -eq \$((\$(wc -l <without.yaml) + 1)) &&
	! grep -q schema without.yaml"
t "new --template: the template's lines as they are, no modeline added" "
	fresh && exits 0 new_with template plan.yaml &&
	! grep -q yaml-language-server plan.yaml"

test_done
