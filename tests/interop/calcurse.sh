#!/bin/sh
# calcurse.sh - muster's exports imported by calcurse (-i) into a private
# data folder, read back from its appointment file in UTC: event counts and
# times across the DST change, the staffing calendar, a person's file, and an
# updated export. calcurse keeps no UID: importing an update into the folder
# that holds the first import adds the events again, and a cancellation
# imports as ordinary appointments. Neither can be tested as "replaces";
# what calcurse can do is checked instead (an update imported fresh holds the
# new time). See the ical.js, python and khal suites for the UID semantics.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../fixtures/forum.inc"
if ! command -v calcurse >/dev/null 2>&1; then
	t_fail calcurse-installed "calcurse is missing: run contrib/install-deps.sh"
	exit 1
fi

# Import $2 into a new calcurse folder $1; print "start|end|summary" per appointment (UTC).
cc_import() {
	rm -rf "$1"
	mkdir -p "$1"
	TZ=UTC calcurse -D "$1" -C "$1" -i "$2" >"$1.out" 2>&1 || echo "calcurse -i failed" >>"$1.out"
	sed -n 's#^\([0-9/]*\) @ \([0-9:]*\) -> \([0-9/]*\) @ \([0-9:]*\)[^|!]*[|!]\(.*\)$#\1 \2|\3 \4|\5#p' \
		"$1/apts" 2>/dev/null | sort
}
# "03/13/2027 14:00|..." -> "2027-03-13T14:00:00Z|..."
iso() { sed 's#\([0-9][0-9]\)/\([0-9][0-9]\)/\([0-9]*\) \([0-9:]*\)#\3-\1-\2T\4:00Z#g'; }

"$M" export ics --event 1 -o "$T/agenda.ics" >/dev/null
cc_import "$T/cc1" "$T/agenda.ics" >"$T/cc1.txt"
t_equal calcurse-agenda-report "$(grep -c '4 apps / 0 events / 0 todos / 0 skipped' "$T/cc1.out")" 1
t_equal calcurse-agenda-count "$(wc -l <"$T/cc1.txt" | tr -d ' ')" 4
t_equal calcurse-agenda-times-across-dst "$(cut -d'|' -f1,2 "$T/cc1.txt" | iso)" "$AGENDA_TIMES"
t_equal calcurse-unicode-summary "$(grep -c '|Night vigil — 夜の集い$' "$T/cc1.txt")" 1

"$M" export ics --event 1 --shifts -o "$T/shifts.ics" >/dev/null
cc_import "$T/cc2" "$T/shifts.ics" >"$T/cc2.txt"
t_equal calcurse-shifts-times "$(cut -d'|' -f1,2 "$T/cc2.txt" | iso)" "$SHIFT_TIMES"
t_equal calcurse-shifts-fill "$(cut -d'|' -f3 "$T/cc2.txt" | tr '\n' ';')" "Greeter (2/5);Greeter (1/2);"

"$M" export ics --person 1 -o "$T/dana.ics" >/dev/null
cc_import "$T/cc3" "$T/dana.ics" >"$T/cc3.txt"
t_equal calcurse-person-file "$(cut -d'|' -f3 "$T/cc3.txt" | tr '\n' ';')" \
	"Greeter;Panel: supply chains, social media & task forces;"
# a person's file carries the VALARM of [export] reminder_minutes: calcurse
# marks such appointments with "!"
t_equal calcurse-person-alarm "$(grep -c ' !' "$T/cc3/apts")" 2

move_panel
"$M" export ics --event 1 -o "$T/v2.ics" >/dev/null
cc_import "$T/cc4" "$T/v2.ics" >"$T/cc4.txt"
t_equal calcurse-update-new-times "$(cut -d'|' -f1,2 "$T/cc4.txt" | iso)" "$MOVED_TIMES"
