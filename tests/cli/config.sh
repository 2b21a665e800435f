#!/bin/sh
# config.sh - the INI file: suggestions, ranges, --dump-config round trip.
. "$(dirname "$0")/../lib.sh"

t_expect missing-default-ok 0 env -u MUSTER_CONFIG "$M" list events
t_expect missing-given-fails 2 "$M" --config "$T/nope.ini" list events

printf '[rules]\nmax_hour = 4\n' >"$MUSTER_CONFIG"
t_expect unknown-key 2 "$M" list events
t_err_contains unknown-key-suggests "unknown key rules.max_hour; did you mean max_hours_per_day?"

printf '[rules]\nmin_rest_minutes = -5\n' >"$MUSTER_CONFIG"
t_expect bad-range 2 "$M" list events
t_err_contains bad-range-names-key "rules.min_rest_minutes"

printf '[display]\ntheme = pink\n' >"$MUSTER_CONFIG"
t_expect bad-enum 2 "$M" list events
t_err_contains bad-enum-lists "default, mono, high-contrast"

printf '[rules]\nmax_hours_per_day = 8\n[kiosk]\nidle_timeout_s = 30\n' >"$MUSTER_CONFIG"
t_run "$M" --dump-config
t_contains dump-shows-value "max_hours_per_day = 8"
t_contains dump-shows-kiosk "idle_timeout_s = 30"
printf '%s\n' "$OUT" >"$T/dumped.ini"
t_expect dump-reloads 0 "$M" --config "$T/dumped.ini" list events
t_run "$M" --config "$T/dumped.ini" --dump-config
t_equal dump-round-trip "$OUT" "$(cat "$T/dumped.ini")"

# --dump-config SETTING...: only a section or a key, in the table's order
t_run "$M" --dump-config kiosk.idle_timeout_s rules
t_equal dump-some-order "$(printf '%s\n' "$OUT" | grep -v '^#')" "$(printf '\n[rules]\nmin_rest_minutes = 30\nmax_hours_per_day = 8\nsignup_close_minutes = 60\ndrop_close_hours = 24\ncheckin_open_minutes = 30\n\n[kiosk]\nidle_timeout_s = 30')"
t_contains dump-some-help "# Seconds without a key"
t_expect dump-some-keys 0 "$M" --dump-config keys
t_contains dump-some-keys-section "[keys]"
t_expect dump-some-unknown 2 "$M" --dump-config kiosk.idle_timeout rules
t_err_contains dump-some-suggests "--dump-config: no setting kiosk.idle_timeout; did you mean kiosk.idle_timeout_s?"
[ -z "$OUT" ] && t_ok dump-some-unknown-prints-nothing || t_fail dump-some-unknown-prints-nothing "$OUT"
t_expect dump-some-control 2 "$M" --dump-config "$(printf 'ru\033[2Jles')"
case "$ERR" in *"$(printf '\033')"*) t_fail dump-some-control-shown-safe "$ERR" ;; *) t_ok dump-some-control-shown-safe ;; esac
