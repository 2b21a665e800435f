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
