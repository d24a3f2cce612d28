# t-cli.sh - what every command shares: --help, --version, usage errors,
# and man pages that match.  Sourced by run.sh.

for cmd in "$TOP"/cmd/ip-*.c; do
	cmd=$(basename "$cmd" .c)
	t "$cmd --help" "
		exits 0 $cmd --help >'$TMP/help' &&
		grep -q '^usage: $cmd' '$TMP/help'"
	t "$cmd --version" "
		exits 0 $cmd --version >'$TMP/version' &&
		grep -q '^$cmd (iplan) [0-9]' '$TMP/version'"
	t "$cmd bad option" "
		exits 2 $cmd --no-such-option 2>'$TMP/err' </dev/null &&
		grep -q '^usage: $cmd' '$TMP/err'"
	t "$cmd --today bad" "
		exits 2 $cmd --today 2026-02-30 2>'$TMP/err' </dev/null &&
		grep -q \"^$cmd: invalid date for --today: '2026-02-30'\" '$TMP/err'"
	t "$cmd has a man page" "test -f '$TOP/man/$cmd.1'"
	# Every option in --help is in the man page's SYNOPSIS or options.
	t "$cmd man page lists every option of --help" "
		$cmd --help | grep -o -- '--[a-z][a-z-]*' | sort -u >'$TMP/opts' &&
		while read -r opt; do
			grep -q -- \"^\\.Fl \${opt#-}\" '$TOP/man/$cmd.1' ||
			grep -q -- \"Fl \${opt#-}\" '$TOP/man/$cmd.1' ||
			{ echo \"\$opt not in man page\"; exit 1; }
		done <'$TMP/opts'"
done

for page in "$TOP"/man/*.[157]; do
	t "mandoc -T lint $(basename "$page")" "
		mandoc -T lint -W warning '$page' >'$TMP/lint' 2>&1;
		cat '$TMP/lint'; test ! -s '$TMP/lint'"
done
