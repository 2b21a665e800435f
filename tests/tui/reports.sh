#!/bin/sh
# reports.sh - the event's shifts tab shows the reports of `muster report`:
# H, coverage per hour as a bar chart (places filled up to each shift's
# need_min / needed, SHORT n, +n over, █ and ░ marks at the scale of the
# legend, a total per day), scrolled by rows and days; v, hours per
# volunteer with a total. The numbers on screen are checked against
# `muster report coverage|hours --format tsv` on the demo, after a check-in,
# a check-out and a no-show.
. "$(dirname "$0")/../lib.sh"
TM_NAME=reports
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
EV=2

# a volunteer with a plain name works one shift (checked in and out) and
# misses another (no-show)
asg=$("$M" list assignments --event $EV --format tsv)
people=$("$M" list people --format tsv)
pick=$(printf '%s\n' "$asg" | awk -F'\t' 'NR > 1 { n[$3]++; a[$3] = a[$3] " " $1 "," $2 }
	END { for (p in n) if (n[p] >= 2) print p a[p] }' | sort -n | while read -r p rest; do
	name=$(printf '%s\n' "$people" | awk -F'\t' -v p="$p" '$1 == p { print $2 }')
	case "$name" in *[!A-Za-z\ ]*) continue ;; esac
	echo "$p|$name|$rest"
	break
done)
PERSON=${pick%%|*}
rest=${pick#*|}
NAME=${rest%%|*}
set -- ${rest#*|}
WORKED_SHIFT=${1#*,}
MISSED=${2%%,*}
[ -n "$PERSON" ] && [ -n "$MISSED" ] || t_fail fixture "no volunteer with two shifts and a plain name"
starts=$("$M" show shift "$WORKED_SHIFT" | sed -n 's/^starts: //p')
# times in the event's zone (America/New_York, EST on Saturday, EDT on Sunday)
off=-05:00
case "$starts" in 2027-03-14*) off=-04:00 ;; esac
day=${starts% *}
hm=${starts#* }
out=$(printf '%02d:%s' "$(expr "${hm%:*}" + 1)" "${hm#*:}") # an hour later
"$M" --now "${day}T${hm}:00$off" checkin --shift "$WORKED_SHIFT" --person "$PERSON" >/dev/null &&
	"$M" --now "${day}T${out}:00$off" checkout --shift "$WORKED_SHIFT" --person "$PERSON" >/dev/null &&
	"$M" set assignment "$MISSED" status=no_show >/dev/null ||
	t_fail fixture "check-in, check-out or no-show refused"

COV=$("$M" report coverage --event $EV --format tsv)
HOURS=$("$M" report hours --event $EV --format tsv)

# The chart's scale: bars are 80 - (20 + 13 + 8 + 9 + 4 gaps) = 26 columns
# wide, for the most places needed in an hour.
most=$(printf '%s\n' "$COV" | awk -F'\t' '$1 == "hour" && $7 > m { m = $7 } END { print m + 0 }')
SCALE=$(((most + 25) / 26))
[ "$SCALE" -lt 1 ] && SCALE=1

# check_hour NAME "YYYY-MM-DD HH:MM" "Sat 13 Mar 09:00 EST": the chart's row
# for that hour carries the report's numbers and as many marks as they make.
check_hour() {
	row=$(printf '%s\n' "$COV" | awk -F'\t' -v s="$2" '$1 == "hour" && $5 == s')
	needed=$(echo "$row" | cut -f7)
	wanted=$(echo "$row" | cut -f8)
	filled=$(echo "$row" | cut -f9)
	gap=$(echo "$row" | cut -f10)
	over=$(echo "$row" | cut -f11)
	# the row may still be on its way to the terminal: poll for it
	tm_wait "$3 " 10 || true
	n=0
	line=$(tm_screen | grep "^$3")
	while [ "$n" -lt 100 ] && case "$line" in *" $filled/$needed "*) false ;; *) true ;; esac; do
		sleep "$TM_POLL"
		n=$((n + 1))
		line=$(tm_screen | grep "^$3")
	done
	full=$(((filled + SCALE - 1) / SCALE))
	empty=$(((gap + SCALE - 1) / SCALE))
	got_full=$(printf '%s' "$line" | grep -o '█' | wc -l)
	got_empty=$(printf '%s' "$line" | grep -o '░' | wc -l)
	if [ "$gap" -gt 0 ]; then
		state="SHORT $gap"
	elif [ $((filled + over)) -lt "$wanted" ]; then
		state="ok"
	else
		state="full"
	fi
	case "$line" in
	*" $filled/$needed $state"*)
		if [ "$got_full" -eq "$full" ] && [ "$got_empty" -eq "$empty" ]; then
			t_ok "$1"
		else
			t_fail "$1" "marks: $got_full full, $got_empty empty; wanted $full, $empty (scale $SCALE)" "|$line"
		fi
		;;
	*) t_fail "$1" "wanted $filled/$needed $state (report: $row)" "|$line" ;;
	esac
}

tm_start
tm_expect events "Eastern Seaboard Forum"
tm_keys Down Enter
tm_expect forum "Brandywine Room"
tm_keys 7
tm_expect shifts-tab "Registration desk"
# the tab's header: how many shifts there are and how many are short, as
# `report coverage` counts them (one search narrows both)
n_shifts=$("$M" list shifts --event $EV --format tsv | awk 'NR > 1' | wc -l)
n_short=$(printf '%s\n' "$COV" | awk -F'\t' '$1 == "shift" && $10 > 0' | wc -l)
tm_expect shifts-header-counts-short "$n_shifts shifts, $n_short short"
u_short=$(printf '%s\n' "$COV" | awk -F'\t' '$1 == "shift" && $3 == "Usher" && $10 > 0' | wc -l)
u_all=$("$M" list shifts --event $EV --format tsv | awk -F'\t' 'NR > 1 && $3 == 6' | wc -l)
tm_keys /
tm_type Usher
tm_keys Enter
tm_expect shifts-header-filtered "Filter \"Usher\" matches $u_all shifts"
tm_expect shifts-header-filtered-short ", $u_short short"
tm_keys Escape
tm_expect shifts-header-unfiltered "$n_shifts shifts, $n_short short"
tm_keys H
tm_expect chart-opens "Filled/needed"
if [ "$SCALE" -gt 1 ]; then
	tm_expect chart-legend-scale "█=$SCALE filled ░=$SCALE needed"
else
	tm_expect chart-legend "█ filled ░ needed"
fi
tm_expect chart-first-hour "Sat 13 Mar 06:00 EST"
check_hour chart-sat-0900 "2027-03-13 09:00" "Sat 13 Mar 09:00 EST"
check_hour chart-sat-1500 "2027-03-13 15:00" "Sat 13 Mar 15:00 EST"
# never "filled at or above needed, and yet short": each shift counts up
# to its need_min, the volunteers beyond it are shown apart
bad=$(tm_screen | awk '{ for (i = 1; i < NF; i++) if ($i ~ /^[0-9]+\/[0-9]+$/ && $(i + 1) == "SHORT") {
	split($i, p, "/"); if (p[1] + 0 >= p[2] + 0) print }
}')
t_equal chart-no-full-and-short "$bad" ""
tm_expect chart-over-apart "over"
sat=$(printf '%s\n' "$COV" | awk -F'\t' '$1 == "day" && $5 ~ /^2027-03-13/')
sat_short=$(echo "$sat" | cut -f12)
sat_gap=$(echo "$sat" | cut -f10)
sat_h=$(echo "$sat" | cut -f13)
sat_h=$(printf '%.1f' "$sat_h")
tm_expect chart-day-total "Sat 13 Mar total     $sat_short shifts, $sat_h h short"
tm_expect chart-day-total-places "SHORT $sat_gap"
tm_expect chart-idle-hours-folded "Sat 13 Mar 18:00 EST no shifts until Sun 07:00"
tm_lacks chart-no-row-per-idle-hour "Sat 13 Mar 19:00"
hint=$(tm_screen | tail -1)
case "$hint" in *"H per hour"*) t_ok chart-hints ;; *) t_fail chart-hints "|$hint" ;; esac

# scrolling: a day on, then to the end, then back to the top
tm_keys ']'
tm_expect chart-next-day "Sun 14 Mar 07:00 EDT"
check_hour chart-sun-1500 "2027-03-14 15:00" "Sun 14 Mar 15:00 EDT"
tm_keys G
tm_expect chart-last-hour "Sun 14 Mar 18:00 EDT"
check_hour chart-last-hour-numbers "2027-03-14 18:00" "Sun 14 Mar 18:00 EDT"
tm_lacks chart-end-scrolled "Sat 13 Mar 06:00 EST"
tm_keys g
tm_expect chart-top-again "Sat 13 Mar 06:00 EST"
tm_lacks chart-one-screenful "Sun 14 Mar 15:00 EDT"
# 12 hours of Saturday, its total, the idle night, 9 hours of Sunday
for i in $(seq 23); do tm_keys Down; done
tm_expect chart-scrolls-by-row "Sun 14 Mar 15:00 EDT"
tm_expect_gone chart-scrolled-past-top "Sat 13 Mar 06:00 EST"

# ? lists the new keys from the key table
tm_keys '?'
tm_expect help-chart-key "coverage per hour, a bar chart"
tm_expect help-hours-key "hours per volunteer"
tm_keys q

# v: hours per volunteer
tm_keys v
tm_expect hours-opens "Scheduled h"
first=$(printf '%s\n' "$HOURS" | sed -n 2p)
fname=$(echo "$first" | cut -f2)
tm_expect hours-first-row "$fname"
n=$(printf '%s\n' "$HOURS" | awk 'NR > 1' | wc -l)
tot=$(printf '%s\n' "$HOURS" | awk -F'\t' 'NR > 1 { s += $3; h += $4; w += $5; x += $6 }
	END { printf "%d %.2f %.2f %d", s, h, w, x }')
tm_keys G
tm_expect hours-total "Total, $n volunteers"
line=$(tm_screen | grep "Total, $n volunteers")
set -- $tot
if [ "$(echo "$line" | awk '{ print $(NF-3), $(NF-2), $(NF-1), $NF }')" = "$1 $2 $3 $4" ]; then
	t_ok hours-total-numbers
else
	t_fail hours-total-numbers "wanted $tot" "|$line"
fi

# the volunteer who worked and missed a shift, found with /
mine=$(printf '%s\n' "$HOURS" | awk -F'\t' -v p="$PERSON" '$1 == p')
tm_keys /
tm_type "$NAME"
tm_keys Enter
tm_expect hours-search "Filter \"$NAME\" matches 1 row"
line=$(tm_screen | grep "^$NAME " | head -1)
want=$(echo "$mine" | awk -F'\t' '{ print $3, $4, $5, $6 }')
if [ "$(echo "$line" | awk '{ print $(NF-3), $(NF-2), $(NF-1), $NF }')" = "$want" ]; then
	t_ok hours-worked-and-no-show
else
	t_fail hours-worked-and-no-show "wanted $want (report: $mine)" "|$line"
fi
case "$want" in *" 0.00 "*) t_fail hours-fixture-worked "nothing worked: $want" ;; *) t_ok hours-fixture-worked ;; esac
case "$want" in *" 0") t_fail hours-fixture-no-show "no no-show: $want" ;; *) t_ok hours-fixture-no-show ;; esac
tm_keys Enter
tm_expect hours-enter-opens-person "Skills  Availability  Shifts"
tm_keys q
tm_keys Escape
tm_expect hours-search-cleared "$fname"

# back to the shifts
tm_keys v
tm_expect hours-back-to-shifts "SHORT"
tm_expect hours-back-to-shifts-rows "Registration desk"
tm_keys Q
tm_expect quits "[muster exited with status 0]"
