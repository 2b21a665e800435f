#!/bin/sh
# print.sh - `muster print` read back by programs nobody on the project
# wrote: pdftotext and pdfinfo (poppler) and python's pypdf for the text and
# the pages, zbarimg for the barcodes on a pdftoppm rendering. A small event
# with a Khmer, a Thai and a confidential volunteer gives exact expectations
# (names in, the same Unicode out; the confidential name, phones and emails
# where they must not be); the demo forum gives counts at scale.
. "$(dirname "$0")/../lib.sh"

for tool in pdftotext pdfinfo pdftoppm zbarimg; do
	command -v $tool >/dev/null 2>&1 || {
		echo "ok - print # skip $tool missing (contrib/install-deps.sh installs it)"
		exit 0
	}
done
/usr/bin/python3 -c 'import pypdf' 2>/dev/null || {
	echo "ok - print # skip python3-pypdf missing"
	exit 0
}

KHMER="ឡុង ស្រីពៅ"
THAI="อนันต์ วงศ์ไทย"
fx() { "$M" "$@" >/dev/null || echo "not ok - fixture: $*"; }
fx add event name="Print Day" starts="2027-05-01 08:00" ends="2027-05-01 18:00" \
	tz=America/New_York venue="Harbor Hall" capacity=1
fx add room event=1 name="Hall A"
fx add person name="Lee Lead" phone="+1-555-0100" email=lee@example.org
fx add role event=1 name=Greeter lead=1
fx add role event=1 name=Runner
fx add shift event=1 role=1 room=1 starts="2027-05-01 09:00" ends="2027-05-01 11:00" \
	need_min=2 need_max=3
fx add shift event=1 role=1 room=1 starts="2027-05-01 11:00" ends="2027-05-01 13:00"
fx add shift event=1 role=2 starts="2027-05-01 09:00" ends="2027-05-01 10:00"
fx add person name="$KHMER" phone="+855-12-345-678" email=pov@example.org
fx add person name="$THAI" phone="+66-2-555-0101" email=anan@example.org
fx add person name="Sam Hidden" phone="+1-555-0199" email=sam@example.org confidential=yes
fx add person name="Dana Reyes" phone="+1-555-0142" email=dana@example.org
fx add person name="Ana Waiting" phone="+1-555-0143" email=ana@example.org
fx assign 1 2
fx assign 1 3
fx assign 1 4
fx register 1 5 --kind attendee
fx register 1 6 --kind attendee # the one seat is taken: waitlisted

text() { pdftotext -layout "$@" - 2>/dev/null; }
raw() { pdftotext "$@" - 2>/dev/null; }
pages() { /usr/bin/python3 -c 'import sys, pypdf; print(len(pypdf.PdfReader(sys.argv[1]).pages))' "$1"; }
has() { # NAME TEXT NEEDLE
	case "$2" in *"$3"*) t_ok "$1" ;; *) t_fail "$1" "lacks: $3" "$(printf '%s' "$2" | head -c 600)" ;; esac
}
lacks() {
	case "$2" in *"$3"*) t_fail "$1" "has: $3" ;; *) t_ok "$1" ;; esac
}
equal() {
	if [ "$2" = "$3" ]; then t_ok "$1"; else t_fail "$1" "got '$2', wanted '$3'"; fi
}
mode() { stat -c %a "$1"; }
no_email() {
	case "$2" in *@*) t_fail "$1" "an email address: $(printf '%s' "$2" | grep -o '[^ ]*@[^ ]*' | head -3)" ;;
	*) t_ok "$1" ;; esac
}

# ---- roster -----------------------------------------------------------
t_expect roster 0 "$M" print roster --event 1 -o "$T/roster.pdf"
t_contains roster-summary "roster: 3 shifts at 2 stations, 2 pages, written to $T/roster.pdf"
equal roster-mode "$(mode "$T/roster.pdf")" 600
equal roster-pages-pypdf "$(pages "$T/roster.pdf")" 2
has roster-pdfinfo "$(pdfinfo "$T/roster.pdf" 2>/dev/null)" "Pages:           2"
R=$(text "$T/roster.pdf")
RAW=$(raw "$T/roster.pdf")
has roster-khmer-exact "$RAW" "$KHMER"
has roster-thai-exact "$RAW" "$THAI"
has roster-station-room "$(text -f 1 -l 1 "$T/roster.pdf")" "Roster: Hall A"
has roster-station-role "$(text -f 2 -l 2 "$T/roster.pdf")" "Roster: Runner"
has roster-time "$R" "Sat 1 May 09:00–11:00 · Greeter"
has roster-fill "$R" "3 filled, needs 2–3"
has roster-short "$R" "0 filled, needs 1 · SHORT 1"
has roster-lead "$R" "Lead: Lee Lead, +1-555-0100"
has roster-phone "$R" "+855-12-345-678"
has roster-confidential-label "$R" "Confidential"
lacks roster-confidential-name "$R" "Sam Hidden"
lacks roster-confidential-phone "$R" "+1-555-0199"
no_email roster-no-email "$R"
has roster-open-place "$R" "open place"
# the first shift lists its three volunteers in name order, then the next shift
order=$(printf '%s\n' "$R" | grep -n -e Confidential -e "$THAI" -e "$KHMER" -e "11:00–13:00" | cut -d: -f1 | tr '\n' ' ')
set -- $order
if [ $# -eq 4 ] && [ "$1" -lt "$2" ] && [ "$2" -lt "$3" ] && [ "$3" -lt "$4" ]; then
	t_ok roster-rows-in-shift
else
	t_fail roster-rows-in-shift "lines: $order"
fi

printf '[print]\nroster_phones = off\npaper = letter\n' >"$MUSTER_CONFIG"
t_expect roster-no-phones 0 "$M" print roster --event 1 -o "$T/nophones.pdf"
N=$(text "$T/nophones.pdf")
lacks roster-phones-off "$N" "+855-12-345-678"
lacks roster-phones-off-lead "$N" "+1-555-0100"
has roster-letter "$(pdfinfo "$T/nophones.pdf" 2>/dev/null)" "612 x 792 pts (letter)"
: >"$MUSTER_CONFIG"
has roster-a4 "$(pdfinfo "$T/roster.pdf" 2>/dev/null)" "595.276 x 841.89 pts (A4)"

t_expect roster-role 0 "$M" print roster --event 1 --role 2 -o "$T/runner.pdf"
t_contains roster-role-summary "1 shift at 1 station, 1 page"
lacks roster-role-only "$(text "$T/runner.pdf")" "Greeter"
t_expect roster-day 0 "$M" print roster --event 1 --day 2027-05-01 -o "$T/day.pdf"
has roster-day-header "$(text "$T/day.pdf")" "Sat 1 May 2027"

# ---- sign-in sheet ----------------------------------------------------
t_expect signin 0 "$M" print signin --event 1 -o "$T/signin.pdf"
t_contains signin-summary "signin: 3 people and 1 on the waitlist, 2 pages, written to"
equal signin-mode "$(mode "$T/signin.pdf")" 600
equal signin-pages "$(pages "$T/signin.pdf")" 2
S1=$(text -f 1 -l 1 "$T/signin.pdf")
S2=$(text -f 2 -l 2 "$T/signin.pdf")
has signin-heading "$S1" "Signature"
has signin-khmer "$(raw "$T/signin.pdf")" "$KHMER"
has signin-thai "$(raw "$T/signin.pdf")" "$THAI"
has signin-registered "$S1" "Dana Reyes"
lacks signin-waiting-not-on-first "$S1" "Ana Waiting"
has signin-waitlist-page "$S2" "Waitlist"
has signin-waitlisted "$S2" "Ana Waiting"
lacks signin-confidential-name "$S1$S2" "Sam Hidden"
lacks signin-confidential-label "$S1$S2" "Confidential"
no_email signin-no-email "$S1$S2"
lacks signin-no-phone "$S1$S2" "+1-555-0142"
# alphabetical: Dana, then the Thai name, then the Khmer one (code point order)
d=$(printf '%s\n' "$S1" | grep -n "Dana Reyes" | cut -d: -f1)
th=$(printf '%s\n' "$S1" | grep -n "$THAI" | cut -d: -f1)
km=$(printf '%s\n' "$S1" | grep -n "$KHMER" | cut -d: -f1)
if [ -n "$d" ] && [ -n "$th" ] && [ -n "$km" ] && [ "$d" -lt "$th" ] && [ "$th" -lt "$km" ]; then
	t_ok signin-alphabetical
else
	t_fail signin-alphabetical "lines: Dana $d, Thai $th, Khmer $km"
fi
t_expect signin-kind 0 "$M" print signin --event 1 --kind volunteer -o "$T/vols.pdf"
lacks signin-kind-only "$(text "$T/vols.pdf")" "Dana Reyes"

# ---- badges -----------------------------------------------------------
t_expect badges 0 "$M" print badges --event 1 -o "$T/badges.pdf"
t_contains badges-summary "badges: 3 badges, 1 page, written to"
equal badges-mode "$(mode "$T/badges.pdf")" 600
B=$(raw "$T/badges.pdf")
has badges-khmer "$B" "$KHMER"
has badges-thai "$B" "$THAI"
has badges-own-name "$B" "Sam Hidden" # a badge is its holder's own
has badges-role "$B" "Volunteer · Greeter"
no_email badges-no-email "$B"
lacks badges-no-phone "$B" "+855"
codes=""
for p in 2 3 4; do
	codes="$codes$("$M" show person $p | sed -n 's/^volunteer_code: //p')
"
done
pdftoppm -r 150 -png "$T/badges.pdf" "$T/badge" 2>/dev/null
scanned=$(zbarimg -q "$T"/badge*.png 2>/dev/null | sed 's/^CODE-128://' | sort)
equal badges-scan "$scanned" "$(printf '%s' "$codes" | sort)"
for c in $(printf '%s' "$codes"); do has "badges-code-text-$c" "$B" "$c"; done

# ---- coverage ---------------------------------------------------------
t_expect coverage 0 "$M" print coverage --event 1 -o "$T/coverage.pdf"
t_contains coverage-summary "coverage: 4 hours, 1 page, written to"
equal coverage-mode "$(mode "$T/coverage.pdf")" 600
info=$(pdfinfo "$T/coverage.pdf" 2>/dev/null)
has coverage-one-page "$info" "Pages:           1"
has coverage-landscape "$info" "841.89 x 595.276 pts"
C=$(raw "$T/coverage.pdf")
# every hour of `report coverage` with its filled/needed, short ones marked
"$M" report coverage --event 1 --format tsv | awk -F'\t' '$1 == "hour" && $7 + $9 > 0 {
	split($5, t, " "); line = "Sat " t[2] " " $9 "/" $7
	if ($10 > 0) line = line " short " $10
	print line }' >"$T/hours"
equal coverage-hours-listed "$(wc -l <"$T/hours" | tr -d ' ')" 4
while IFS= read -r want; do
	has "coverage-hour-${want#Sat }" "$C" "$want"
done <"$T/hours"
# 09:00: the greeters have one more than they need, the runner none: the
# extra greeter fills no runner place (each shift counts up to its need_min)
has coverage-one-short "$C" "Sat 09:00 2/3 short 1"

# ---- the demo forum at scale --------------------------------------------
"$M" demo --force >/dev/null || t_fail demo "muster demo failed"
EV=2
vols=$("$M" list registrations --event $EV --format tsv |
	awk -F'\t' '$4 == "volunteer" && ($5 == "registered" || $5 == "checked_in")' | wc -l)
t_expect demo-badges 0 "$M" print badges --event $EV -o "$T/demo-badges.pdf"
sheets=$(((vols + 7) / 8))
t_contains demo-badges-count "badges: $vols badges, $sheets pages"
equal demo-badges-pages "$(pages "$T/demo-badges.pdf")" "$sheets"
pdftoppm -r 150 -f 1 -l 1 -png "$T/demo-badges.pdf" "$T/demo" 2>/dev/null
"$M" list people --format tsv | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "volunteer_code") c = i; next } { print $c }' | sort >"$T/codes"
zbarimg -q "$T"/demo*.png 2>/dev/null | sed 's/^CODE-128://' | sort >"$T/scanned"
equal demo-badges-scan-eight "$(wc -l <"$T/scanned" | tr -d ' ')" 8
equal demo-badges-scan-known "$(comm -23 "$T/scanned" "$T/codes" | wc -l | tr -d ' ')" 0

t_expect demo-roster 0 "$M" print roster --event $EV -o "$T/demo-roster.pdf"
rp=$(printf '%s\n' "$OUT" | sed -n 's/.*, \([0-9]*\) pages.*/\1/p')
equal demo-roster-pages "$(pages "$T/demo-roster.pdf")" "$rp"
shifts=$("$M" list shifts --event $EV --format tsv |
	awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "status") c = i; next } $c == "open"' | wc -l)
t_contains demo-roster-shifts "roster: $shifts shifts"
DR=$(raw "$T/demo-roster.pdf")
no_email demo-roster-no-email "$DR"
# confidential people whose name nobody else holds (the demo repeats names)
"$M" list people --format tsv | awk -F'\t' '
	NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "name") n = i; if ($i == "confidential") c = i }; next }
	{ all[$n]++; if ($c == 1) hid[$n]++ }
	END { for (k in hid) if (hid[k] == all[k]) print k }' >"$T/hidden"
[ -s "$T/hidden" ] || t_fail demo-hidden-fixture "no confidential person with a name of their own in the demo"
leak=""
while IFS= read -r name; do
	case "$DR" in *"$name"*) leak="$leak $name" ;; esac
done <"$T/hidden"
equal demo-roster-no-confidential-name "$leak" ""

t_expect demo-signin 0 "$M" print signin --event $EV -o "$T/demo-signin.pdf"
# every seated registration of someone not confidential, exactly
"$M" list people --format tsv >"$T/people.tsv"
"$M" list registrations --event $EV --format tsv >"$T/regs.tsv"
want=$(awk -F'\t' '
	FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
	FILENAME ~ /people/ { conf[$1] = $col[FILENAME, "confidential"]; next }
	{ st = $col[FILENAME, "status"]; p = $col[FILENAME, "person"] }
	(st == "registered" || st == "checked_in") && conf[p] != 1 { n++ }
	END { print n + 0 }' "$T/people.tsv" "$T/regs.tsv")
t_contains demo-signin-count "signin: $want people"
DS=$(raw "$T/demo-signin.pdf")
leak=""
while IFS= read -r name; do
	case "$DS" in *"$name"*) leak="$leak $name" ;; esac
done <"$T/hidden"
equal demo-signin-no-confidential-name "$leak" ""
no_email demo-signin-no-email "$DS"

t_expect demo-coverage 0 "$M" print coverage --event $EV -o "$T/demo-coverage.pdf"
has demo-coverage-one-page "$(pdfinfo "$T/demo-coverage.pdf" 2>/dev/null)" "Pages:           1"
