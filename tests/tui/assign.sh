#!/bin/sh
# assign.sh - "who can take this shift": the event's volunteers ranked by
# the set-based estimate (core/candidates.c) and checked by the core's dry
# run as they show. Those who may take it come first, then soft refusals,
# then hard ones, each with the core's words; a volunteer the estimate ranks
# too well (availability windows that overlap each other, leaving a gap)
# moves down among the soft refusals before being shown. On the large demo
# the list opens with the eligible first and pages to the end.
. "$(dirname "$0")/../lib.sh"
TM_NAME=assign
. "$(dirname "$0")/lib/tmux.sh"

ev=$("$M" add event name="Harbor Forum" starts="2027-03-13 08:00" ends="2027-03-13 20:00" \
	tz=America/New_York)
role=$("$M" add role event="$ev" name=Greeter)
shift_id=$("$M" add shift event="$ev" role="$role" starts="2027-03-13 12:00" \
	ends="2027-03-13 14:00" need_min=2 need_max=5)
other=$("$M" add shift event="$ev" role="$role" starts="2027-03-13 13:00" \
	ends="2027-03-13 15:00" need_max=5)
before=$("$M" add shift event="$ev" role="$role" starts="2027-03-13 10:00" \
	ends="2027-03-13 11:50" need_max=5)
person() {
	p=$("$M" add person name="$1")
	"$M" register "$ev" "$p" --kind volunteer >/dev/null
	echo "$p"
}
gap=$(person "Aaron Gap")
fine=$(person "Bea Fine")
busy=$(person "Cal Busy")
rest=$(person "Dee Rest")
zed=$(person "Zed Fine")
"$M" add availability person="$gap" event="$ev" starts="2027-03-13 11:00" \
	ends="2027-03-13 13:30" >/dev/null
"$M" add availability person="$gap" event="$ev" starts="2027-03-13 12:30" \
	ends="2027-03-13 13:00" >/dev/null
"$M" assign "$other" "$busy" >/dev/null
"$M" assign "$before" "$rest" >/dev/null || t_fail fixture "assignments refused"

tm_start
tm_expect events "Harbor Forum"
tm_keys Enter 7
tm_expect shifts "Greeter"
tm_keys Down Enter
tm_expect shift-screen "Staffed: 0/2-5 SHORT 2"
tm_keys s
tm_expect assign-opens "Assign to: Greeter"
tm_expect eligible-listed "Zed Fine"
tm_expect gap-checked "Aaron Gap"
screen=$(tm_screen)
order=$(printf '%s\n' "$screen" | awk '/^(Aaron Gap|Bea Fine|Cal Busy|Dee Rest|Zed Fine) / { printf "%s %s|", $1, $2 }')
want="Bea Fine|Zed Fine|Aaron Gap|Dee Rest|Cal Busy|"
if [ "$order" = "$want" ]; then
	t_ok eligible-then-soft-then-hard
else
	t_fail eligible-then-soft-then-hard "order: $order" "wanted: $want" "$(printf '%s\n' "$screen" | sed 's/^/|/')"
fi
line() { printf '%s\n' "$screen" | grep "^$1 "; }
case "$(line "Bea Fine")" in *" yes"*) t_ok eligible-says-yes ;; *) t_fail eligible-says-yes "$(line "Bea Fine")" ;; esac
case "$(line "Aaron Gap")" in
*"only with an override (!): is available only"*) t_ok moved-row-has-core-words ;;
*) t_fail moved-row-has-core-words "$(line "Aaron Gap")" ;;
esac
case "$(line "Dee Rest")" in
*"only with an override (!): has only 10 min between"*) t_ok rest-words ;;
*) t_fail rest-words "$(line "Dee Rest")" ;;
esac
case "$(line "Cal Busy")" in
*"no: already works Greeter"*) t_ok hard-words ;;
*) t_fail hard-words "$(line "Cal Busy")" ;;
esac

# Enter on the first row assigns: Bea Fine is then on the shift
tm_keys Enter
tm_expect assigned "Assigned Bea Fine to Greeter"
case "$("$M" list assignments --event "$ev" --format tsv)" in
*"	$shift_id	$fine	signed_up"*) t_ok assignment-written ;;
*) t_fail assignment-written ;;
esac
tm_keys s
tm_expect reopened "Assign to: Greeter"
tm_expect already-on-it "no: already works Greeter"
tm_keys q q q q
tm_keys Q
tm_expect quits "[muster exited with status 0]"

# the large demo: the world summit's first shift, thousands of volunteers
export MUSTER_DB="$T/large.db"
"$M" demo --size large >/dev/null || t_fail large-demo "muster demo --size large failed"
tm_start
tm_expect large-events "World Summit"
tm_keys End Enter
tm_expect large-event "World Summit"
tm_keys 7
tm_expect large-shifts "Filled/needed"
tm_keys u # a shift still short, so somebody may take it
tm_expect large-short "SHORT"
tm_keys s
tm_expect large-assign "Assign to:"
tm_expect large-first-checked " yes"
tm_keys End
tm_expect large-end "no: "
tm_keys Home
tm_expect large-home " yes"
tm_keys Q
tm_expect large-quits "[muster exited with status 0]"
