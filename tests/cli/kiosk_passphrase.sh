#!/bin/sh
# kiosk_passphrase.sh - `muster kiosk-passphrase` prints a config line the
# config reader takes and the kiosk accepts; short passphrases and hashes
# that are not libsodium's are refused.
. "$(dirname "$0")/../lib.sh"

t_run sh -c "printf 'open sesame 42\n' | '$M' kiosk-passphrase"
t_equal passphrase-exit "$RC" 0
case "$OUT" in
'exit_passphrase_hash = "$argon2id$'*'"') t_ok passphrase-line ;;
*) t_fail passphrase-line "got: $OUT" ;;
esac
case "$OUT$ERR" in
*sesame*) t_fail passphrase-not-echoed "the passphrase was printed" ;;
*) t_ok passphrase-not-echoed ;;
esac
printf '[kiosk]\n%s\n' "$OUT" >"$MUSTER_CONFIG"
t_expect passphrase-config-loads 0 "$M" --dump-config
t_contains passphrase-config-kept 'exit_passphrase_hash = "$argon2id$'

t_run sh -c "printf 'short\n' | '$M' kiosk-passphrase"
t_equal short-passphrase-exit "$RC" 2
t_err_contains short-passphrase-message "at least 8 characters"
t_run sh -c "'$M' kiosk-passphrase </dev/null"
t_equal no-passphrase-exit "$RC" 2

printf '[kiosk]\nexit_passphrase_hash = "open sesame"\n' >"$MUSTER_CONFIG"
t_expect plain-text-hash-refused 2 "$M" kiosk
t_err_contains plain-text-hash-message "kiosk.exit_passphrase_hash: not a whole hash"

# kiosk-passphrase touches no database: none is created, wherever it would be
rm -f "$MUSTER_DB"
t_run sh -c "printf 'open sesame 42\n' | '$M' kiosk-passphrase"
good_line=$OUT
t_equal no-db-exit "$RC" 0
[ ! -e "$MUSTER_DB" ] && t_ok no-db-from-env || t_fail no-db-from-env "created $MUSTER_DB"
t_run sh -c "printf 'open sesame 42\n' | env -u MUSTER_DB '$M' kiosk-passphrase"
[ ! -e "$XDG_DATA_HOME/muster" ] && t_ok no-db-default-path || t_fail no-db-default-path "made $(ls -R "$XDG_DATA_HOME")"
t_run sh -c "printf 'open sesame 42\n' | '$M' --db '$T/given.db' kiosk-passphrase"
[ ! -e "$T/given.db" ] && t_ok no-db-given || t_fail no-db-given "created $T/given.db"
t_run "$M" --help
t_contains help-says-8-characters "at least 8 characters"

# the hash is parsed whole by libsodium at start: the guide's example copied
# literally, a hash cut short or with something after it is refused with 2
good=$(printf '%s' "$good_line" | sed 's/^exit_passphrase_hash = "\(.*\)"$/\1/')
hash_case() { # NAME HASH
	printf '[kiosk]\nexit_passphrase_hash = "%s"\n' "$2" >"$MUSTER_CONFIG"
	t_expect "$1" 2 "$M" kiosk
	t_err_contains "$1-message" "kiosk.exit_passphrase_hash: not a whole hash"
}
hash_case example-hash-refused '$argon2id$...'
hash_case cut-by-one-refused "${good%?}"
hash_case cut-by-two-refused "${good%??}"
hash_case no-hash-field-refused "${good%\$*}"
hash_case trailing-text-refused "${good}x"
hash_case bad-cost-refused "$(printf '%s' "$good" | sed 's/m=[0-9]*/m=abc/')"
hash_case other-algorithm-refused "$(printf '%s' "$good" | sed 's/^\$argon2id\$/$scrypt$/')"
# every hash cut short anywhere is refused
cut_ok=yes
len=${#good}
i=1
while [ "$i" -lt "$len" ]; do
	part=$(printf '%s' "$good" | cut -c1-"$i")
	printf '[kiosk]\nexit_passphrase_hash = "%s"\n' "$part" >"$MUSTER_CONFIG"
	"$M" kiosk </dev/null 2>"$T/err" >/dev/null
	grep -q "not a whole hash" "$T/err" || { cut_ok="accepted: $part" && break; }
	i=$((i + 1))
done
t_equal every-prefix-refused "$cut_ok" yes
# the whole hash passes the check (the kiosk then wants a terminal)
printf '[kiosk]\nexit_passphrase_hash = "%s"\n' "$good" >"$MUSTER_CONFIG"
t_expect whole-hash-accepted 2 "$M" kiosk
t_err_contains whole-hash-then-terminal "kiosk: needs a terminal"
