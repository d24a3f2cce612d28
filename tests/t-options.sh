# t-options.sh - each command's options are written once, in its table
# (struct ip_opt, cmd/cmd.h), which the command prints with
# --completion-helper and makes getopt_long()'s from; its --help, its man
# page and the completion are held to it here.  An option added to the
# table and forgotten in one of them, or named in one and not in the
# table, fails a test that names the command and the option.

. "$(dirname "$0")/lib.sh"

# table_options CMD: the options of CMD's table, one a line, sorted:
# "-o" and "--output" of "-o,--output file".
table_options() {
	"$1" --completion-helper | sed 's/ .*//' | tr , '\n' | LC_ALL=C sort -u
}

# help_options: the options in the list of a --help on standard input,
# one a line, sorted: "-j" and "--jobs" of "  -j, --jobs N".
help_options() {
	sed -n 's/^  *\(--*[a-zA-Z]\)/\1/p' |
	grep -o -e '^-[a-zA-Z], --[a-z][a-z-]*' -e '^--[a-z][a-z-]*' |
	tr -d , | tr ' ' '\n' | LC_ALL=C sort -u
}

# usage_options: the options in the usage of a --help on standard input
# and the summary below it (the lines up to the first blank one), one a
# line, sorted.
usage_options() {
	sed '/^$/q' | grep -oE -- '(^|[ [|])--?[a-zA-Z][a-z-]*' |
	sed 's/^[ [|]//' | LC_ALL=C sort -u
}

# man_options SECTION PAGE: the options in a section of an mdoc page,
# sorted: in OPTIONS those its list (.It) names, in SYNOPSIS all
# ("Fl -jobs" is --jobs, "Fl j" -j).
man_options() {
	awk -v want="$1" '/^\.Sh /{ s = $2 } s == want &&
	    (want != "OPTIONS" || /^\.It Fl/)' "$2" |
	grep -o -E 'Fl (-[a-z][a-z-]*|[a-zA-Z])( |$)' |
	sed 's/^Fl \([^ ]*\) *$/-\1/' | LC_ALL=C sort -u
}

# agree CMD TABLE OTHER WHERE: the options of the files TABLE and OTHER
# (sorted) are the same; else says, for each of CMD's that is not, where
# it is missing.  With WHERE "+SECTION", OTHER only needs to be within
# TABLE.
agree() {
	{
		case $4 in
		+*) ;;
		*) comm -23 "$2" "$3" | sed "s/^/$1: not in $4: /" ;;
		esac
		comm -13 "$2" "$3" | sed "s/^/$1: not in its option table: /;s/\$/ (${4#+})/"
	} >"$TMP/$1.disagree"
	cat "$TMP/$1.disagree"
	test ! -s "$TMP/$1.disagree"
}

# man_words PAGE: the words an mdoc page gives as values (".Cm nb | nn").
man_words() {
	grep -o -E '(Cm|\|) [a-z][a-z0-9-]*' "$1" | sed 's/^[^ ]* //' |
		LC_ALL=C sort -u
}

for cmd in "$TOP"/cmd/ip-*.c; do
	cmd=$(basename "$cmd" .c)
	page=$TOP/man/$cmd.1
	t "$cmd: the option table, --help and the man page name the same options" "
		cd '$TMP' && table_options $cmd >$cmd.table && test -s $cmd.table &&
		$cmd --help | help_options >$cmd.help &&
		$cmd --help | usage_options >$cmd.usage && test -s $cmd.usage &&
		man_options OPTIONS '$page' >$cmd.man &&
		man_options SYNOPSIS '$page' >$cmd.synopsis &&
		test -s $cmd.synopsis &&
		agree $cmd $cmd.table $cmd.help --help &&
		agree $cmd $cmd.table $cmd.usage '+the usage' &&
		agree $cmd $cmd.table $cmd.man 'the OPTIONS of $cmd(1)' &&
		agree $cmd $cmd.table $cmd.synopsis '+the SYNOPSIS of $cmd(1)'"
	t_no_vg "$cmd: the completion offers the options of the table" "
		cd '$TMP' && table_options $cmd >$cmd.table &&
		comp 1 $cmd - | grep -vx -- -- | LC_ALL=C sort -u >$cmd.comp &&
		agree $cmd $cmd.table $cmd.comp 'what the completion offers'"
	# The words an option takes (--format markdown ...) are in --help
	# and the man page, and the completion offers them.
	t_no_vg "$cmd: the words of its options are in --help and the man page, and completed" "
		cd '$TMP' && $cmd --help >$cmd.help && man_words '$page' >$cmd.words &&
		$cmd --completion-helper | while read -r names kind words; do
			[ \"\$kind\" = words ] || [ \"\$kind\" = optional ] ||
			    [ \"\$kind\" = subgoal ] || continue
			opt=\${names#*,}
			for w in \$words; do
				grep -qw -- \"\$w\" $cmd.help ||
				    echo \"$cmd: \$opt \$w: not in --help\"
				grep -qx -- \"\$w\" $cmd.words ||
				    echo \"$cmd: \$opt \$w: not in $cmd(1)\"
			done
			[ \"\$kind\" = words ] || continue
			comp 2 $cmd \$opt '' >$cmd.got &&
			printf '%s\\n' \$words | same - $cmd.got ||
			    echo \"$cmd: \$opt: the completion offers other words\"
		done >$cmd.bad && cat $cmd.bad && test ! -s $cmd.bad"
	# Each option whose value becomes a date, an interval, a count or a
	# word (the kinds the table gives) refuses one that is
	# none, naming the option and the value, exit 2, before any plan is
	# read: the command turns it into its value, not the library on
	# the plan's way.
	t_no_vg "$cmd: a bad value of each typed option is refused, the option named" "
		cd '$TMP' && $cmd --completion-helper | while read -r names kind words; do
			opt=\${names#*,}
			case \$kind in
			date|interval|count|jobs|words|subgoal) set -- \$opt x1 ;;
			optional) set -- \$opt=x1 ;;
			*) continue ;;
			esac
			exits 2 $cmd \"\$@\" none/no-such.yaml >$cmd.out 2>$cmd.err &&
			test ! -s $cmd.out &&
			grep -q -- \"^$cmd: invalid .*\$opt: 'x1'\" $cmd.err &&
			! grep -q no-such $cmd.err ||
			    { echo \"$cmd \$*:\"; cat $cmd.err; }
		done >$cmd.bad && cat $cmd.bad && test ! -s $cmd.bad"
done

test_done
