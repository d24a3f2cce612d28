# t-cli.sh - what every command shares: --help, --version, usage errors,
# and man pages (t-options.sh holds their options to the commands').

. "$(dirname "$0")/lib.sh"

vg_first_only

# to_closed_pipe CMD...: runs CMD with standard output a pipe whose
# reader has left, as after `| head`: a FIFO opened read-write, then
# opened for writing, then closed for reading.  CMD's exit status goes to
# $TMP/rc, its standard error to $TMP/err.
to_closed_pipe() {
	rm -f "$TMP/fifo" && mkfifo "$TMP/fifo" &&
	(
		exec 3<>"$TMP/fifo" >"$TMP/fifo" 3<&-
		"$@" 2>"$TMP/err"
		echo $? >"$TMP/rc"
	)
}

# t_cli NAME CODE: a test of what cli.c decides for every command alike
# (usage errors, --today's value, a closed pipe): under valgrind, for the
# first command only, as the others hand it to the same code.
t_cli() {
	if [ "$cmd" = "$first" ]; then t "$@"; else t_no_vg "$@"; fi
}

first=
for cmd in "$TOP"/cmd/ip-*.c; do
	cmd=$(basename "$cmd" .c)
	first=${first:-$cmd}
	t "$cmd --help" "
		exits 0 $cmd --help >'$TMP/help' &&
		grep -q '^usage: $cmd' '$TMP/help'"
	t_cli "$cmd --version" "
		exits 0 $cmd --version >'$TMP/version' &&
		grep -q '^$cmd (iplan) [0-9]' '$TMP/version'"
	t "$cmd bad option" "
		exits 2 $cmd --no-such-option 2>'$TMP/err' </dev/null &&
		grep -q '^usage: $cmd' '$TMP/err'"
	# getopt's own messages name argv[0] and repeat the value, which may
	# be a national id: the command names the option, never the value.
	t_cli "$cmd unknown long option: named without its value" "
		exits 2 $cmd --national_id=03105827724 2>'$TMP/err' </dev/null &&
		echo \"$cmd: unknown option '--national_id'\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' - &&
		sed -n 2p '$TMP/err' | grep -q '^usage: $cmd ' &&
		! grep -q 0310 '$TMP/err'"
	t_cli "$cmd unknown short option" "
		exits 2 $cmd -Z 2>'$TMP/err' </dev/null &&
		echo \"$cmd: unknown option '-Z'\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' - &&
		sed -n 2p '$TMP/err' | grep -q '^usage: $cmd '"
	t_cli "$cmd option without its value" "
		exits 2 $cmd --today 2>'$TMP/err' </dev/null &&
		echo \"$cmd: option '--today' needs a value\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' - &&
		sed -n 2p '$TMP/err' | grep -q '^usage: $cmd '"
	t_cli "$cmd option with a value it does not take" "
		exits 2 $cmd --help=03105827724 2>'$TMP/err' </dev/null &&
		echo \"$cmd: option '--help' takes no value\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' - &&
		! grep -q 0310 '$TMP/err'"
	t_cli "$cmd --help to a pipe no one reads: exit 2, quiet" "
		to_closed_pipe $cmd --help && test \$(cat '$TMP/rc') = 2 &&
		same /dev/null '$TMP/err'"
	t_cli "$cmd --today bad" "
		exits 2 $cmd --today 2026-02-30 2>'$TMP/err' </dev/null &&
		grep -q \"^$cmd: invalid date for --today: '2026-02-30'\" '$TMP/err'"
	t "$cmd has a man page" "test -f '$TOP/man/$cmd.1'"
done

# A write to a pipe whose reader has left fails (SIGPIPE is ignored): exit
# 2, never death by the signal, and no message, since the reader left on
# purpose.
t "ip-new to a pipe no one reads: exit 2, quiet" "
	to_closed_pipe ip-new --today $TODAY --name Kari - &&
	test \$(cat '$TMP/rc') = 2 && same /dev/null '$TMP/err'"
t "ip-export to a pipe no one reads: exit 2, quiet" "
	to_closed_pipe ip-export --today $TODAY '$TOP/examples/amina-psychiatric.yaml' &&
	test \$(cat '$TMP/rc') = 2 && same /dev/null '$TMP/err'"
t "ip-review to a pipe no one reads: exit 2, quiet" "
	to_closed_pipe ip-review --today 2040-01-01 '$TOP/examples' &&
	test \$(cat '$TMP/rc') = 2 && same /dev/null '$TMP/err'"
t "ip-export | head -n 1: quiet" "
	{ ip-export --today $TODAY '$TOP/examples/amina-psychiatric.yaml' \
		2>'$TMP/err'; echo \$? >'$TMP/rc'; } | head -n 1 >'$TMP/out' &&
	test -s '$TMP/out' && grep -qx '[02]' '$TMP/rc' &&
	same /dev/null '$TMP/err'"
t "ip-new: an ambiguous option is named as given" "
	exits 2 ip-new --re 3 --name Kari 2>'$TMP/err' </dev/null &&
	echo \"ip-new: ambiguous option '--re'\" >'$TMP/want' &&
	head -n 1 '$TMP/err' | same '$TMP/want' -"
# Too many files, or none: said, with the usage, never the names (one
# may be a national id); "-f md" (-f is --force, not --format) is the
# usual cause.
for cmd in ip-export ip-new ip-evaluate ip-close ip-edit ip-consent; do
	t_no_vg "$cmd: two files are one too many, said without their names" "
		exits 2 $cmd md 03105827724 2>'$TMP/err' </dev/null &&
		echo \"$cmd: one plan at a time, and 2 files are given (does an option before them take no value?)\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' - &&
		sed -n 2p '$TMP/err' | grep -q '^usage: $cmd ' &&
		! grep -q '0310\\|md' '$TMP/err'"
done
for cmd in ip-evaluate ip-close ip-edit ip-consent; do
	t_no_vg "$cmd: no plan given, said" "
		exits 2 $cmd 2>'$TMP/err' </dev/null &&
		echo \"$cmd: no plan given: name the plan's file\" >'$TMP/want' &&
		head -n 1 '$TMP/err' | same '$TMP/want' -"
done
t "ip-validate: -j takes a count" "
	exits 2 ip-validate -j 0 '$TOP/examples' 2>'$TMP/err' &&
	echo \"ip-validate: invalid --jobs: '0' (use 1 to 64)\" >'$TMP/want' &&
	same '$TMP/want' '$TMP/err'"

for page in "$TOP"/man/*.[157]; do
	t "mandoc -T lint $(basename "$page")" "
		mandoc -T lint -W warning '$page' >'$TMP/lint' 2>&1;
		cat '$TMP/lint'; test ! -s '$TMP/lint'"
done

t "an option's value that is a national id is never printed" "
	exits 2 ip-new --name Kari --birth-date 03105827724 - 2>'$TMP/err' &&
	echo \"ip-new: invalid date for --birth-date: '<national id>' (use YYYY-MM-DD)\" >'$TMP/want' &&
	same '$TMP/want' '$TMP/err' &&
	exits 2 ip-validate --today 03105827724 2>'$TMP/err' &&
	grep -q \"'<national id>'\" '$TMP/err' && ! grep -q 03105827724 '$TMP/err'"

# make install into a DESTDIR: exactly the commands (mode 755, and they
# run), the man pages (mode 644, as in man/), the schemas, the
# pre-commit hook, the bash completion (a link to it for each
# command) and the message catalogues (which speak) land, under PREFIX;
# make uninstall takes every file away again.  In a copy of the tree: the
# commands are built again for that PREFIX.
t_plain "make install DESTDIR: what lands, and make uninstall" "
	cd '$TMP' && dest='$TMP/dest' && rm -rf \"\$dest\" &&
	tree_copy '$TMP/src' &&
	make -s -C '$TMP/src' BUILD=build DESTDIR=\"\$dest\" PREFIX=/opt/ip \
		install >/dev/null &&
	{
		for c in '$TOP'/cmd/ip-*.c; do
			c=\$(basename \"\$c\" .c) && echo \"bin/\$c 755\"
		done
		for m in '$TOP'/man/*.[157]; do
			m=\$(basename \"\$m\") && echo \"share/man/man\${m##*.}/\$m 644\"
		done
		echo 'share/iplan/iplan.xsd 644'
		echo 'share/iplan/ip-plan.schema.json 644'
		for h in pre-commit pre-merge-commit pre-receive; do
			echo \"share/iplan/hooks/\$h 755\"
		done
		echo 'share/bash-completion/completions/iplan 644'
		for l in '$TOP'/po/*.po; do
			l=\$(basename \"\$l\" .po) &&
			echo \"share/locale/\$l/LC_MESSAGES/iplan.mo 644\"
		done
	} | LC_ALL=C sort >want &&
	(cd \"\$dest/opt/ip\" && find . -type f -printf '%P %m\n') |
		LC_ALL=C sort >got &&
	same want got &&
	for c in '$TOP'/cmd/ip-*.c; do
		c=\$(basename \"\$c\" .c) &&
		test \"\$(readlink \"\$dest/opt/ip/share/bash-completion/completions/\$c\")\" = iplan ||
		exit 1
	done &&
	for c in \"\$dest\"/opt/ip/bin/*; do
		\"\$c\" --version | grep -q \"^\${c##*/} (iplan) \" || exit 1
	done &&
	for m in '$TOP'/man/*.[157]; do
		m=\${m##*/} &&
		cmp '$TOP'/man/\$m \"\$dest/opt/ip/share/man/man\${m##*.}/\$m\" ||
		exit 1
	done &&
	cmp '$TOP/lib/iplan.xsd' \"\$dest/opt/ip/share/iplan/iplan.xsd\" &&
	LC_ALL=nn_NO.UTF-8 IPLAN_LOCALEDIR=\"\$dest/opt/ip/share/locale\" \
		\"\$dest/opt/ip/bin/ip-validate\" --help | grep -q '^bruk: ' &&
	make -s -C '$TMP/src' BUILD=build DESTDIR=\"\$dest\" PREFIX=/opt/ip \
		uninstall >/dev/null &&
	test -z \"\$(find \"\$dest\" ! -type d)\""

test_done
