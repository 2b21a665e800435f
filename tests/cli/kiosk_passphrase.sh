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
t_err_contains plain-text-hash-message "kiosk.exit_passphrase_hash: not a hash"
