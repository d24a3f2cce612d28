# completion.bash - bash completion for the iplan commands: their options,
# the values of those (formats, languages, groups, intervals, dates,
# counts), plans and directories, and for ip-export --for the ids of the
# participants of the plan already on the command line, for ip-evaluate
# --subgoal and --end-measure those of its sub-goals and measures, for
# ip-consent --share and --by those of its participants.
#
# The options, and what each takes, are the command's own: it prints its
# table of them with --completion-helper (see cmd/cmd.h), one a line,
#
#	-o,--output file
#	--format words markdown html xml fhir fhir-json
#
# so that nothing here names an option.
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

# _iplan_kind OPT: sets kind and words to what the option OPT (--format,
# -o) takes, as the command's table (in table) says; kind is empty for a
# word that is none of its options.
_iplan_kind() {
	local line names k rest
	kind= words=()
	while IFS= read -r line; do
		read -r names k rest <<<"$line"
		if [[ ,$names, == *,"$1",* ]]; then
			kind=$k
			read -ra words <<<"$rest"
			return
		fi
	done <<<"$table"
}

# _iplan_ids CMD LIST WORD...: the ids the plan among the WORDs after the
# command has, read by the command itself with its option --LIST
# (list-participants, list-subgoals, list-measures), which prints ids
# only, never names or national ids.
_iplan_ids() {
	local cmd=$1 list=$2 plan= w id skip= kind words
	shift 2
	for w in "$@"; do
		if [[ $w == = ]]; then	# bash's word of its own in --format=html
			continue
		elif [[ -n $skip ]]; then
			skip=
		elif [[ $w == -* ]]; then
			_iplan_kind "$w"
			[[ $kind == @(|none|optional) ]] || skip=1
		else
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
	local table kind words line
	COMPREPLY=()
	table=$("$1" --completion-helper 2>/dev/null) || return
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	# --subgoal ID=STATUS: bash makes the '=' a word of its own
	if ((COMP_CWORD > 2)) && [[ $cur == = || $prev == = ]]; then
		i=$((COMP_CWORD - 2))
		[[ $prev == = ]] && ((COMP_CWORD > 3)) && i=$((COMP_CWORD - 3))
		_iplan_kind "${COMP_WORDS[i]}"
		if [[ $kind == subgoal ]]; then
			[[ $cur == = ]] && cur=
			_iplan_words "${words[@]}"
			return
		fi
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

	kind=
	[[ $prev == -?* ]] && _iplan_kind "$prev"
	# --mail=mbox, but after --mail a plan
	[[ $kind == optional && ${COMP_WORDS[COMP_CWORD - 1]} != = &&
	    -z $prefix ]] && kind=
	case $kind in
	text | count)
		return 0 ;;
	words | optional)
		_iplan_words "${words[@]}" ;;
	file)
		_iplan_words "${words[@]}"
		_iplan_files any ;;
	plan)
		_iplan_words "${words[@]}"
		_iplan_files plans ;;
	date)
		_iplan_words "$(date +%F)" ;;
	interval)
		_iplan_interval ;;
	jobs)
		_iplan_words $(seq 1 "$(getconf _NPROCESSORS_ONLN 2>/dev/null ||
		    echo 1)") ;;
	participant)
		_iplan_ids "$1" list-participants "${COMP_WORDS[@]:1}" ;;
	measure)
		_iplan_ids "$1" list-measures "${COMP_WORDS[@]:1}" ;;
	subgoal)
		# ID=STATUS: the ids, then the words after the '='
		if [[ $cur == *=* ]]; then
			local id=${cur%%=*}=
			cur=${cur#*=}
			_iplan_words "${words[@]}"
			COMPREPLY=("${COMPREPLY[@]/#/$id}")
		else
			_iplan_ids "$1" list-subgoals "${COMP_WORDS[@]:1}"
			compopt -o nospace 2>/dev/null
			COMPREPLY=("${COMPREPLY[@]/%/=}")
		fi ;;
	*)
		[[ $prev == -- ]] || prev= ;;
	esac
	if [[ -n $kind ]]; then
		:
	elif [[ -z $prev && $cur == -* ]]; then
		while IFS= read -r line; do
			line=${line%% *}
			_iplan_words ${line//,/ }
		done <<<"$table"
		_iplan_words --
	else
		case $cmd in
		ip-new)	_iplan_files any ;;
		*)	_iplan_files plans ;;
		esac
	fi
	if [[ -n $prefix ]]; then
		local -a found=("${COMPREPLY[@]}")
		COMPREPLY=()
		for i in "${found[@]}"; do
			COMPREPLY+=("$prefix$i")
		done
	fi
}

complete -o filenames -F _iplan ip-new ip-validate ip-review ip-export \
    ip-stats ip-edit ip-evaluate ip-close ip-consent
