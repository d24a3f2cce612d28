# completion.bash - bash completion for the iplan commands: their options,
# the values of those (formats, languages, groups, intervals, dates,
# counts), plans and directories, and for ip-export --for the ids of the
# participants of the plan already on the command line, for ip-evaluate
# --subgoal and --end-measure those of its sub-goals and measures, for
# ip-consent --share and --by those of its participants.
#
# make install puts it where bash-completion looks for a command's
# completion, under each command's name.  Or source it from ~/.bashrc.
# zsh reads it through its bash completion compatibility, after
# compinit:
#
#	autoload -U compinit && compinit
#	autoload -U +X bashcompinit && bashcompinit
#	source /usr/local/share/bash-completion/completions/iplan

# _iplan_words WORD...: the words that start as the current one does.
_iplan_words() {
	local w
	for w in "$@"; do
		[[ $w == "$cur"* ]] && COMPREPLY+=("$w")
	done
}

# _iplan_files plans|any: directories, and plan files (*.yaml, *.yml) or
# any file.
_iplan_files() {
	local f
	while IFS= read -r f; do
		if [[ $1 == any || -d $f || $f == *.yaml || $f == *.yml ]]; then
			COMPREPLY+=("$f")
		fi
	done < <(compgen -f -- "$cur")
}

# _iplan_interval: a count and a unit: the units after a count, or a few
# common ones.
_iplan_interval() {
	if [[ $cur =~ ^[0-9]+$ ]]; then
		COMPREPLY+=("${cur}d" "${cur}w" "${cur}m" "${cur}y")
	else
		_iplan_words 14d 30d 6w 3m 6m 1y
	fi
}

# _iplan_ids CMD LIST WORD...: the ids the plan among the WORDs after the
# command has, read by the command itself with its option --LIST
# (list-participants, list-subgoals, list-measures), which prints ids
# only, never names or national ids.
_iplan_ids() {
	local cmd=$1 list=$2 plan= w id skip=
	shift 2
	for w in "$@"; do
		if [[ $w == = ]]; then	# bash's word of its own in --format=html
			continue
		elif [[ -n $skip ]]; then
			skip=
		elif [[ $w == --format || $w == --language || $w == --for ||
		    $w == --bundle || $w == --revision || $w == -o ||
		    $w == --output || $w == --today || $w == --date ||
		    $w == --summary || $w == --summary-file ||
		    $w == --subgoal || $w == --end-measure || $w == --next ||
		    $w == --next-in || $w == --reason || $w == --share ||
		    $w == --by || $w == --until ]]; then
			skip=1
		elif [[ $w != -* ]]; then
			plan=$w
			break
		fi
	done
	[[ -n $plan ]] || return
	case $plan in
	\~/*)	plan=$HOME/${plan#\~/} ;;
	\'*\')	plan=${plan:1:${#plan}-2} ;;
	\"*\")	plan=${plan:1:${#plan}-2} ;;
	esac
	[[ -f $plan ]] || return
	while IFS= read -r id; do
		[[ $id == "$cur"* ]] && COMPREPLY+=("$id")
	done < <("$cmd" "--$list" -- "$plan" 2>/dev/null)
}

_iplan() {
	local cmd=${1##*/} cur=${COMP_WORDS[COMP_CWORD]} prev= prefix= i
	local jobs today
	COMPREPLY=()
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --subgoal ID=STATUS: bash makes the '=' a word of its own
	if [[ $cmd == ip-evaluate ]] && ((COMP_CWORD > 2)) &&
	    { [[ $cur == = && ${COMP_WORDS[COMP_CWORD - 2]} == --subgoal ]] ||
	    { ((COMP_CWORD > 3)) && [[ $prev == = &&
	    ${COMP_WORDS[COMP_CWORD - 3]} == --subgoal ]]; }; }; then
		[[ $cur == = ]] && cur=
		_iplan_words achieved open dropped
		return
	fi
	# --format=html: bash splits the word at the '=', zsh does not
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
		prev=${COMP_WORDS[COMP_CWORD - 2]}
	elif [[ $cur == --*=* ]]; then
		prefix=${cur%%=*}= prev=${cur%%=*} cur=${cur#*=}
	fi
	# after --, only files
	for ((i = 1; i < COMP_CWORD; i++)); do
		[[ ${COMP_WORDS[i]} == -- ]] && prev=-- && break
	done
	jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
	today=$(date +%F)

	case $cmd:$prev in
	*:--)
		;;
	*:--today | ip-new:--start)
		_iplan_words "$today" ;;
	*:-j | *:--jobs)
		_iplan_words $(seq 1 "$jobs") ;;
	*:--language)
		_iplan_words nb nn en ;;
	ip-new:--period | ip-new:--review-interval | ip-review:--within)
		_iplan_interval ;;
	ip-new:--care)
		_iplan_words voluntary compulsory ;;
	ip-new:--template)
		_iplan_words -
		_iplan_files plans ;;
	ip-new:--name | ip-new:--national-id | ip-new:--birth-date | \
	ip-new:--coordinator | ip-new:--reviews | ip-new:--id | \
	ip-review:--draft-days)
		return ;;
	ip-export:--format)
		_iplan_words markdown html xml fhir fhir-json ;;
	ip-export:--bundle)
		_iplan_words collection transaction ;;
	ip-export:--revision)
		return ;;
	ip-export:--for)
		_iplan_ids "$1" list-participants "${COMP_WORDS[@]:1}" ;;
	ip-evaluate:--subgoal)
		# ID=STATUS: the ids, then the words after the '='
		if [[ $cur == *=* ]]; then
			local id=${cur%%=*}=
			cur=${cur#*=}
			_iplan_words achieved open dropped
			COMPREPLY=("${COMPREPLY[@]/#/$id}")
		else
			_iplan_ids "$1" list-subgoals "${COMP_WORDS[@]:1}"
			compopt -o nospace 2>/dev/null
			COMPREPLY=("${COMPREPLY[@]/%/=}")
		fi ;;
	ip-evaluate:--end-measure)
		_iplan_ids "$1" list-measures "${COMP_WORDS[@]:1}" ;;
	ip-consent:--share | ip-consent:--by)
		_iplan_ids "$1" list-participants "${COMP_WORDS[@]:1}" ;;
	ip-evaluate:--date | ip-evaluate:--next | ip-close:--date | \
	ip-consent:--date | ip-consent:--until)
		_iplan_words "$today" ;;
	ip-evaluate:--next-in)
		_iplan_interval ;;
	ip-evaluate:--summary-file)
		_iplan_words -
		_iplan_files any ;;
	ip-evaluate:--summary | ip-close:--reason)
		return ;;
	ip-export:-o | ip-export:--output)
		_iplan_files any ;;
	ip-review:--format)
		_iplan_words text tsv ics ;;
	ip-review:--mail-to | ip-review:--mail-from)
		return ;;
	ip-stats:--by)
		_iplan_words coordinator organization legal-basis language \
		    participant-organization ;;
	ip-stats:--format)
		_iplan_words text tsv json html ;;
	*)
		prev= ;;
	esac
	if [[ -z $prev && $cur == -* ]]; then
		case $cmd in
		ip-new)
			_iplan_words --name --national-id --birth-date \
			    --coordinator --start --period --reviews \
			    --review-interval --language --care --id \
			    --template --force --no-schema -f ;;
		ip-validate)
			_iplan_words --quiet --strict --jobs -q -j \
			    --print-hook-dir --check-hooks ;;
		ip-review)
			_iplan_words --within --by-coordinator --format \
			    --language --mail --mail-to \
			    --mail-from --draft-days --jobs -j ;;
		ip-export)
			_iplan_words --format --language --for --bundle \
			    --consent-form --revision --list-participants \
			    --output -o --force -f ;;
		ip-stats)
			_iplan_words --by --format --jobs -j ;;
		ip-edit)
			_iplan_words --no-prompt ;;
		ip-evaluate)
			_iplan_words --date --summary --summary-file \
			    --subgoal --end-measure --next --next-in \
			    --dry-run --force --list-subgoals \
			    --list-measures -n -f ;;
		ip-close)
			_iplan_words --reason --date --dry-run --force -n -f ;;
		ip-consent)
			_iplan_words --plan --share --withdraw --date --until \
			    --by --form --dry-run --force --list-participants \
			    -n -f ;;
		esac
		_iplan_words --today --help --version -h -V --
	elif [[ -z $prev || $prev == -- ]]; then
		case $cmd in
		ip-new)	_iplan_files any ;;
		*)	_iplan_files plans ;;
		esac
	fi
	if [[ -n $prefix ]]; then
		local -a words=("${COMPREPLY[@]}")
		COMPREPLY=()
		for i in "${words[@]}"; do
			COMPREPLY+=("$prefix$i")
		done
	fi
}

complete -o filenames -F _iplan ip-new ip-validate ip-review ip-export \
    ip-stats ip-edit ip-evaluate ip-close ip-consent
