#!/bin/sh
# keys.sh - [keys] overrides (and their errors, exit 2 with a did-you-mean),
# themes and NO_COLOR, and the coordinator without a terminal.
. "$(dirname "$0")/../lib.sh"
TM_NAME=keys
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null

printf '[keys]\ndwn = j\n' >"$MUSTER_CONFIG"
t_expect bad-action-exit-2 2 "$M"
t_err_contains bad-action-suggests "keys.dwn; did you mean down?"
printf '[keys]\ndown = "KEY_BOGUS"\n' >"$MUSTER_CONFIG"
t_expect bad-key-exit-2 2 "$M"
t_err_contains bad-key-named "unknown key \"KEY_BOGUS\""
: >"$MUSTER_CONFIG"
t_expect no-terminal-exit-2 2 sh -c "\"$M\" </dev/null >/dev/null"

# overrides: n moves down, F9 opens help, and ? says so
printf '[keys]\ndown = "n,KEY_DOWN"\nhelp = "F9"\n' >"$MUSTER_CONFIG"
tm_start
tm_wait "Eastern Seaboard" >/dev/null
tm_keys n Enter
tm_expect override-down-opens-forum "Brandywine Room at 08:30"
tm_keys n
tm_expect override-down-moves "Brandywine Room at 09:00"
tm_keys '?'
tm_lacks old-help-key-unbound "Help: keys"
tm_keys F9
tm_expect new-help-key "Help: keys"
tm_expect help-shows-override "n, Down"
tm_keys q Q
tm_expect quits "[muster exited with status 0]"

# colour: none with NO_COLOR or the mono theme, some by default
colours() { tm capture-pane -t main -p -e | grep -cE '\[([0-9;]*;)?(3[0-7]|4[0-7]|9[0-7]|38;5|48;5)[;m]'; }
: >"$MUSTER_CONFIG"
tm_start
tm_wait "Eastern Seaboard" >/dev/null
# the text may show before the colours under load: poll, never read once
end=$(($(date +%s) + 30))
until [ "$(colours)" -gt 0 ] || [ "$(date +%s)" -ge "$end" ]; do sleep "$TM_POLL"; done
t_equal default-theme-has-colour "$([ "$(colours)" -gt 0 ] && echo yes)" yes
TM_ENV="NO_COLOR=1" tm_start
tm_wait "Eastern Seaboard" >/dev/null
t_equal no-color-honoured "$(colours)" 0
printf '[display]\ntheme = mono\n' >"$MUSTER_CONFIG"
tm_start
tm_wait "Eastern Seaboard" >/dev/null
t_equal mono-theme "$(colours)" 0
printf '[display]\ntheme = high-contrast\n' >"$MUSTER_CONFIG"
tm_start
tm_expect high-contrast-starts "Eastern Seaboard"
tm_keys Down Enter 7
tm_expect high-contrast-coverage-words "SHORT"
