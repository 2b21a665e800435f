#!/bin/sh
# completion.sh - bash and zsh completion made from muster's own tables:
# the completion files are generated here from the binary under test
# (muster --complete-dump, contrib/completion/generate.sh) and must equal
# what the build made; every command of --help is offered; every first word
# offered (an entity, a report, a sheet...) is one its command takes; and
# bash-completion runs the generated _muster on partial command lines
# (tests/cli/completion_cases.txt), compared with what it must offer.
. "$(dirname "$0")/../lib.sh"

ROOT=$(cd "$TESTS_DIR/.." && pwd)
GEN="$ROOT/contrib/completion/generate.sh"
t_expect dump-runs 0 "$M" --complete-dump
[ ! -e "$MUSTER_DB" ] && t_ok dump-makes-no-database || t_fail dump-makes-no-database
cp "$T/out" "$T/dump"
t_expect generate-bash 0 sh "$GEN" bash "$T/dump" "$ROOT/contrib/completion/muster.bash.in"
cp "$T/out" "$T/muster.bash"
t_expect generate-zsh 0 sh "$GEN" zsh "$T/dump" "$ROOT/contrib/completion/_muster.in"
cp "$T/out" "$T/_muster"
built="$(dirname "$M")/completion"
if [ -f "$built/muster.bash" ]; then
	cmp -s "$T/muster.bash" "$built/muster.bash" && cmp -s "$T/_muster" "$built/_muster" &&
		t_ok completion-built-matches-binary ||
		t_fail completion-built-matches-binary "$built differs from what $M makes now"
fi
t_expect bash-syntax 0 bash -n "$T/muster.bash"
if command -v zsh >/dev/null 2>&1; then
	t_expect zsh-syntax 0 zsh -n "$T/_muster"
fi

# A word that is not plain stops the generator (nothing needs quoting).
printf 'command\tli$t\thelp\n' >"$T/bad.dump"
t_expect generate-refuses-odd-word 1 sh "$GEN" bash "$T/bad.dump" "$ROOT/contrib/completion/muster.bash.in"
t_err_contains generate-names-odd-word 'not a plain word: "li$t"'

# Every command --help lists is a command completion offers.
help_cmds=$("$M" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}' | sort)
dump_cmds=$(awk -F '\t' '$1 == "command" && $2 != "kiosk" {print $2}' "$T/dump" | sort)
t_equal commands-match-help "$(echo $dump_cmds)" "$(echo $help_cmds)"

# Each first word offered is taken by its command: the error it gives
# differs from the one for a word the command does not know.
normal() { sed "s/$1/WORD/g" "$T/err"; }
awk -F '\t' '$1 == "word" {print $2, $3}' "$T/dump" >"$T/words"
bad=""
while read -r cmd word; do
	ok=no
	for extra in "" 1 "1 x=y"; do
		"$M" "$cmd" zqxv $extra >/dev/null 2>"$T/err"
		bogus=$(normal zqxv)
		"$M" "$cmd" "$word" $extra >/dev/null 2>"$T/err"
		[ "$(normal "$word")" != "$bogus" ] && ok=yes && break
	done
	[ $ok = yes ] || bad="$bad $cmd/$word"
done <"$T/words"
[ -z "$bad" ] && t_ok words-are-taken || t_fail words-are-taken "not taken:$bad"
t_equal words-counted "$(wc -l <"$T/words" | tr -d ' ')" \
	"$(awk -F '\t' '$1 == "word"' "$T/dump" | wc -l | tr -d ' ')"

# bash-completion on partial lines, in a folder with known files.
if [ ! -f /usr/share/bash-completion/bash_completion ]; then
	echo "ok - bash-completion-cases # SKIP bash-completion is not installed"
	exit 0
fi
mkdir -p "$T/files/sub" && : >"$T/files/people.csv" && : >"$T/files/talks.ics"
cat >"$T/complete.bash" <<'EOS'
source /usr/share/bash-completion/bash_completion
source "$1"
# compopt works only inside a real completion: note what it was asked
compopt() { COMPOPT="$*"; }
# Split a line the way readline does for COMP_WORDS: at blanks, and '='
# (in COMP_WORDBREAKS) as a word of its own.
complete_line() {
	local line=$1 w
	local -a split=()
	for w in $line; do
		while [[ $w == *=* ]]; do
			[[ -n ${w%%=*} ]] && split+=("${w%%=*}")
			split+=("=")
			w=${w#*=}
		done
		[[ -n $w ]] && split+=("$w")
	done
	[[ $line == *' ' || $line == *= ]] && split+=("")
	COMP_WORDS=("${split[@]}")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE=$line COMP_POINT=${#line}
	COMPREPLY=() COMPOPT=""
	_muster muster "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '
	[[ $COMPOPT == *nospace* ]] && printf '(nospace)'
	echo
}
cd "$2" || exit 1
while IFS='|' read -r line want; do
	[[ -z $line || $line == '#'* ]] && continue
	got=$(complete_line "$line")
	got=${got% }
	if [[ $got == "$want" ]]; then
		echo "ok - bash-complete '$line'"
	else
		echo "not ok - bash-complete '$line'"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
done <"$3"
EOS
bash "$T/complete.bash" "$T/muster.bash" "$T/files" "$SUITE_DIR/completion_cases.txt"

