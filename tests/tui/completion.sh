#!/bin/sh
# completion.sh - the generated completion in the real shells, as a person
# types: zsh (compinit, the _muster function on its fpath) and bash
# (readline with bash-completion) in a private tmux server, Tab pressed on
# partial lines: a command with its description, a key=value field and its
# choice, an --option=value, a setting. The completion files are made from
# the binary under test (muster --complete-dump, contrib/completion/).
TM_NAME=completion
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/lib/tmux.sh"

ROOT=$(cd "$TESTS_DIR/.." && pwd)
mkdir -p "$T/comp"
"$M" --complete-dump >"$T/dump" &&
	sh "$ROOT/contrib/completion/generate.sh" zsh "$T/dump" "$ROOT/contrib/completion/_muster.in" \
		>"$T/comp/_muster" &&
	sh "$ROOT/contrib/completion/generate.sh" bash "$T/dump" \
		"$ROOT/contrib/completion/muster.bash.in" >"$T/comp/muster.bash" ||
	{
		t_fail completion-generated "generate.sh failed"
		exit 1
	}

# Start SHELL... in the pane; "$@" is its command line.
shell_start() {
	tm_stop
	tm new-session -d -x 100 -y 24 -s main env -i HOME="$HOME" TERM=screen PATH=/usr/bin:/bin \
		LANG=C.UTF-8 "$@"
	tm set-option -t main status off >/dev/null
}

# Type a partial line, press Tab (twice: a list), wait for what must show,
# then drop the line and clear the screen (clear(1)).
complete_expect() {
	name=$1 line=$2 want=$3 tabs=${4:-1}
	tm_type "$line"
	tm_keys Tab
	[ "$tabs" = 2 ] && tm_keys Tab
	tm_expect "$name" "$want" 15
	tm_keys C-u
	tm_type clear
	tm_keys Enter
	tm_wait_gone "$line" 15 || t_fail "$name-cleared" "the line stayed" "$(tm_screen)"
}

if command -v zsh >/dev/null 2>&1; then
	shell_start zsh -f
	tm_type "fpath=($T/comp \$fpath); autoload -U compinit; compinit -u -d $T/zcompdump; PS1='zsh%% '; echo ready-\$((6*7))"
	tm_keys Enter
	tm_expect zsh-ready "ready-42" 30
	complete_expect zsh-command "muster rep" "zsh% muster report"
	complete_expect zsh-described "muster " "-- list rows of an entity"
	complete_expect zsh-field-value "muster set event 2 status=pu" "status=published"
	complete_expect zsh-field-name "muster add person confi" "confidential="
	complete_expect zsh-option-value "muster list people --format=j" "--format=json"
	complete_expect zsh-setting "muster --dump-config print.pa" "print.paper"
	complete_expect zsh-entity "muster list availa" "muster list availabilities"
else
	echo "ok - zsh-completion # SKIP zsh is not installed"
fi

if [ -f /usr/share/bash-completion/bash_completion ]; then
	shell_start bash --norc --noprofile
	tm_type "source /usr/share/bash-completion/bash_completion; source $T/comp/muster.bash; PS1='bash\$ '; echo ready-\$((6*7))"
	tm_keys Enter
	tm_expect bash-ready "ready-42" 30
	complete_expect bash-command "muster rep" "bash$ muster report"
	complete_expect bash-field-value "muster set event 2 status=pu" "status=published"
	complete_expect bash-field-name "muster add person confi" "confidential="
	complete_expect bash-option-value "muster list people --format=j" "--format=json"
	complete_expect bash-list "muster report " "attendance" 2
else
	echo "ok - bash-completion # SKIP bash-completion is not installed"
fi
