# t-i18n.sh - the messages in every language: the catalogues complete and
# in step with the sources, golden files of findings, --help, the
# commands' errors, ip-review's lines and ip-stats' table in C, bokmål and
# nynorsk, and what programs read the same bytes in every locale.
#
# tests/i18n/NAME.LANG.expect holds what the commands print in the locale LANG
# (C, nb, nn); i18n_NAME below prints it.

. "$(dirname "$0")/lib.sh"

vg_first_only

I18N=$TESTS/i18n
# The locale for each language the golden files are in.
i18n_locale() {
	case $1 in
	C)	echo C ;;
	nb)	echo nb_NO.UTF-8 ;;
	nn)	echo nn_NO.UTF-8 ;;
	esac
}

# --- the locales and the catalogues ----------------------------------------

# The Norwegian golden tests need the locales: a missing one is a failure
# (make install-deps makes them), never a reason to skip.
for l in nb nn; do
	t "the locale $(i18n_locale $l) exists" "
		locale -a | grep -qx '${l}_NO.utf8'"
done

# po/iplan.pot is a source, for translators: made again from the sources
# in the build tree (make pot), it must be the same, so that a message
# added, changed or left unmarked cannot go unnoticed.
t "po/iplan.pot is up to date with the sources (make pot)" "
	same '$TOP/po/iplan.pot' '$BUILD/iplan.pot'"

# Each catalogue, brought up to date with the sources' messages as
# msgmerge would, has no message untranslated or fuzzy, and every
# translation has the conversions of its msgid (msgfmt --check).
for po in "$TOP"/po/*.po; do
	l=$(basename "$po" .po)
	t "po/$l.po translates every message, none fuzzy, formats checked" "
		msgmerge --quiet --no-fuzzy-matching -o '$TMP/$l.po' '$po' \
			'$BUILD/iplan.pot' &&
		msgattrib --untranslated --no-obsolete '$TMP/$l.po' >'$TMP/un' &&
		msgattrib --only-fuzzy --no-obsolete '$TMP/$l.po' >'$TMP/fuzzy' &&
		same /dev/null '$TMP/un' && same /dev/null '$TMP/fuzzy' &&
		msgfmt --check -o /dev/null '$TMP/$l.po'"
done

# --- golden files in C, nb and nn -------------------------------------------

# Findings of every kind, errors and warnings, content and structure, and
# libyaml's own words (in English) inside a translated frame.
i18n_findings() {
	cd "$I18N" &&
	exits 1 ip-validate --today "$TODAY" findings.yaml structure.yaml \
		../validate/syntax-bracket.yaml 2>&1
}

# "Did you mean": keys and words in Norwegian, dates in Norwegian order.
i18n_words() {
	cd "$TESTS/validate" &&
	exits 1 ip-validate --today "$TODAY" words-keys.yaml 2>&1 &&
	exits 1 ip-validate --today "$TODAY" words-values.yaml 2>&1
}

# The corpus of edits gone wrong (tests/syntax): each YAML error where
# the fix goes, with its hint.
i18n_syntax() {
	cd "$TESTS/syntax" &&
	exits 1 ip-validate -j 1 --today "$TODAY" *.yaml 2>&1
}

# The usage and --help of every command.
i18n_help() {
	for c in ip-new ip-validate ip-review ip-export ip-stats; do
		exits 0 "$c" --help || return 1
	done
}

# The errors of ip-new and ip-export, a usage error and a count.
i18n_errors() {
	cd "$I18N" &&
	exits 2 ip-new --today "$TODAY" 2>&1 &&
	exits 2 ip-new --today "$TODAY" --name Kari --period 0d 2>&1 &&
	exits 2 ip-new --today "$TODAY" --name Kari --period 2w --reviews 20 \
		2>&1 &&
	exits 2 ip-new --today "$TODAY" --name Kari --colour 2>&1 &&
	exits 2 ip-export --for nobody findings.yaml 2>&1 &&
	exits 2 ip-export --consent-form --format xml findings.yaml \
		2>&1 &&
	exits 2 ip-export --format pdf findings.yaml 2>&1 &&
	exits 1 ip-export --format xml findings.yaml 2>&1
}

# ip-review's lines, alone and under each coordinator.
i18n_review() {
	cd "$TESTS/review" &&
	exits 1 ip-review --today "$TODAY" plans &&
	exits 1 ip-review --today "$TODAY" --by-coordinator plans
}

# ip-stats' table, and the language of its page.
i18n_stats() {
	cd "$TESTS/stats" &&
	exits 0 ip-stats --today "$TODAY" --by coordinator plans \
		../review/plans &&
	exits 0 ip-stats --today "$TODAY" --format html plans |
		grep -o '<html lang="[a-z]*">'
}

# Under valgrind, nynorsk alone: English takes the paths of the other
# scripts' goldens, and bokmål the same code as nynorsk with another
# catalogue.
for name in findings words syntax help errors review stats; do
	for l in C nb nn; do
		if [ "$l" = nn ]; then i18n_t=t; else i18n_t=t_no_vg; fi
		$i18n_t "golden: $name in $l" "
			LC_ALL=$(i18n_locale $l) i18n_$name >'$TMP/got' &&
			golden '$I18N/$name.$l.expect' '$TMP/got'"
	done
done

# --help is translated, and fits in 80 columns in every language (but for
# the usage, the man page's SYNOPSIS: bruk:, and the lines below it).
t "--help in nb and nn differs from C and fits in 80 columns" "
	! cmp -s '$I18N/help.C.expect' '$I18N/help.nb.expect' &&
	! cmp -s '$I18N/help.C.expect' '$I18N/help.nn.expect' &&
	! cmp -s '$I18N/help.nb.expect' '$I18N/help.nn.expect' &&
	for l in nb nn; do
		grep -v -e '^bruk: ' -e '^      ip-' -e '^  *\\[' \
			'$I18N/help.'\$l.expect >'$TMP/help' &&
		test \"\$(LC_ALL=C.UTF-8 wc -L <'$TMP/help')\" -le 80 || exit 1
	done"

# LANGUAGE chooses among the catalogues over a UTF-8 locale, as gettext
# does; in the C locale it is not heeded.
t "LANGUAGE=nn over nb_NO.UTF-8 speaks nynorsk; over C, English" "
	LC_ALL=nb_NO.UTF-8 LANGUAGE=nn ip-validate --help >'$TMP/got' &&
	LC_ALL=nn_NO.UTF-8 ip-validate --help >'$TMP/want' &&
	same '$TMP/want' '$TMP/got' &&
	LC_ALL=C LANGUAGE=nn ip-validate --help >'$TMP/got' &&
	LC_ALL=C ip-validate --help >'$TMP/want' && same '$TMP/want' '$TMP/got'"

# --- what programs read does not change ---------------------------------

# TSV is the same bytes in every locale.
for l in nb nn; do
	if [ "$l" = nn ]; then i18n_t=t; else i18n_t=t_no_vg; fi
	$i18n_t "ip-review and ip-stats --format tsv: the same bytes in C and $l" "
		cd '$TESTS' &&
		for loc in C $(i18n_locale $l); do
			LC_ALL=\$loc ip-review --today $TODAY --format tsv \
				review/plans >\"\$TMP/review.\$loc\"
			test \$? -le 1 || exit 1
			LC_ALL=\$loc exits 0 ip-stats --today $TODAY --format tsv \
				--by legal-basis stats/plans review/plans \
				>\"\$TMP/stats.\$loc\" || exit 1
		done &&
		test -s \"\$TMP/review.C\" && test -s \"\$TMP/stats.C\" &&
		cmp \"\$TMP/review.C\" \"\$TMP/review.$(i18n_locale $l)\" &&
		cmp \"\$TMP/stats.C\" \"\$TMP/stats.$(i18n_locale $l)\""
done

# In a finding, the file, line and column, the rule id and the keys and
# values quoted are the same in every locale: only the words between
# differ.
t "findings: FILE:LINE:COL and [rule-id] the same in every locale" "
	for l in C nb nn; do
		sed 's/^\([^ ]*:\) [^ ]*: .* \(\[[a-z-]*\]\)\$/\1 \2/' \
			'$I18N/findings.'\$l.expect >'$TMP/'\$l.bare || exit 1
	done &&
	! cmp -s '$I18N/findings.C.expect' '$I18N/findings.nb.expect' &&
	same '$TMP/C.bare' '$TMP/nb.bare' && same '$TMP/C.bare' '$TMP/nn.bare'"

test_done
