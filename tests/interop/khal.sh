#!/bin/sh
# khal.sh - muster's exports imported by khal (import --batch) into a private
# calendar folder with its own config, read back in UTC: event counts and
# times across the DST change, then one person's invitations (a file per
# UID) followed by an update after the panel moves (khal replaces the event
# with the same UID: one panel, at the new time) and cancellations (the
# same events, marked CANCELLED).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
if ! command -v khal >/dev/null 2>&1; then
	t_fail khal-installed "khal is missing: run contrib/install-deps.sh"
	exit 1
fi

# A new khal setup in $1 (config, calendar folder, cache).
kh_new() {
	rm -rf "$1"
	mkdir -p "$1/cal" "$1/data"
	cat >"$1/config" <<INI
[calendars]
[[forum]]
path = $1/cal
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%dT%H:%M:00Z
longdatetimeformat = %Y-%m-%dT%H:%M:00Z
local_timezone = UTC
default_timezone = UTC
[sqlite]
path = $1/data/khal.db
INI
}
kh_import() { khal -c "$1/config" import --batch "$2" >>"$1.out" 2>&1 || echo "khal import failed: $2" >>"$1.out"; }
# "start|end|summary|cancelled" per event (UTC), sorted
kh_list() {
	khal -c "$1/config" list --day-format '' \
		--format '{start}|{end}|{title}|{cancelled}' 2027-03-12 5d 2>>"$1.out" | grep '|' | sort
}

kh_new "$T/k1"
"$M" export ics --event 1 -o "$T/agenda.ics" >/dev/null
kh_import "$T/k1" "$T/agenda.ics"
kh_list "$T/k1" >"$T/k1.txt"
t_equal khal-import-clean "$(cat "$T/k1.out")" ""
t_equal khal-agenda-count "$(wc -l <"$T/k1.txt" | tr -d ' ')" 4
t_equal khal-agenda-times-across-dst "$(cut -d'|' -f1,2 "$T/k1.txt")" "$AGENDA_TIMES"

kh_new "$T/k2"
"$M" export ics --event 1 --shifts -o "$T/shifts.ics" >/dev/null
kh_import "$T/k2" "$T/shifts.ics"
t_equal khal-shifts-times "$(kh_list "$T/k2" | cut -d'|' -f1,2)" "$SHIFT_TIMES"

# Dana's invitations (one file per UID: the event, her shift, her panel),
# the panel moves, the update is imported over them
kh_new "$T/k3"
"$M" export ics --event 1 --per-person "$T/v1" --method request >/dev/null
for f in "$T"/v1/person-1-*.ics; do kh_import "$T/k3" "$f"; done
move_panel
"$M" export ics --event 1 --per-person "$T/v2" --method request >/dev/null
for f in "$T"/v2/person-1-*.ics; do kh_import "$T/k3" "$f"; done
kh_list "$T/k3" >"$T/k3.txt"
t_equal khal-update-clean "$(cat "$T/k3.out")" ""
# (the two-day event itself is listed once a day)
t_equal khal-update-replaces "$(wc -l <"$T/k3.txt" | tr -d ' ')" 4
t_equal khal-update-new-times "$(grep '|Panel: supply chains' "$T/k3.txt" | cut -d'|' -f1,2)" \
	"2027-03-14T19:00:00Z|2027-03-14T20:30:00Z"
t_equal khal-update-one-panel "$(grep -c '|Panel: supply chains' "$T/k3.txt")" 1

# the cancellations replace the same events, now marked cancelled
"$M" export ics --event 1 --per-person "$T/cancel" --method cancel >/dev/null
for f in "$T"/cancel/person-1-*.ics; do kh_import "$T/k3" "$f"; done
kh_list "$T/k3" >"$T/k4.txt"
t_equal khal-cancel-same-events "$(wc -l <"$T/k4.txt" | tr -d ' ')" 4
t_equal khal-cancel-marked "$(cut -d'|' -f4 "$T/k4.txt" | sort -u)" "CANCELLED "

# one person's file
kh_new "$T/k5"
"$M" export ics --event 1 --per-person "$T/pp" >/dev/null
kh_import "$T/k5" "$T/pp/person-1.ics"
# (the two-day event itself is listed once a day)
t_equal khal-person-file "$(kh_list "$T/k5" | cut -d'|' -f3 | tr '\n' ';')" \
	"Forum;Forum;Greeter;Panel: supply chains, social media & task forces;"

# the forum's invitations as a mail merge sends them (one file per person),
# then the panel moves again and Dana (its moderator) imports her updated
# file over the first: the event (listed on each of its two days), her
# shift and one panel, at the new time
kh_new "$T/k6"
kh_import "$T/k6" "$T/pp/person-1.ics"
fx set session 2 starts="2027-03-14 16:00" ends="2027-03-14 17:00"
"$M" export ics --event 1 --per-person "$T/pp2" >/dev/null
kh_import "$T/k6" "$T/pp2/person-1.ics"
kh_list "$T/k6" >"$T/k6.txt"
t_equal khal-per-person-update-clean "$(cat "$T/k6.out")" ""
t_equal khal-per-person-update-count "$(wc -l <"$T/k6.txt" | tr -d ' ')" 4
t_equal khal-per-person-update-panel "$(grep '|Panel: supply chains' "$T/k6.txt" | cut -d'|' -f1,2)" \
	"2027-03-14T20:00:00Z|2027-03-14T21:00:00Z"
