#!/bin/sh
# constraints.sh - every constraint of the schema a person can hit is
# checked in core first and named for a person: a blank name, need_min above
# need_max, a room and a booth at once, setup and teardown windows (exit 2);
# a name or a link used twice where it must be unique (exit 1, as other
# uniqueness refusals). SQLite's own words never show, nothing is written.
. "$(dirname "$0")/../lib.sh"

add() { "$M" add "$@" >/dev/null || t_fail "fixture: add $*"; }
add event name=Forum starts="2027-03-13 08:00" ends="2027-03-14 17:30" tz=America/New_York
add room event=1 name="Salon A"
add role event=1 name=Greeter
add org name=Harbor
add booth event=1 org=1 label=B1
add person name="Dana Reyes"
add skill name="First aid"
add session event=1 title=Panel starts="2027-03-13 09:00" ends="2027-03-13 10:00"
add speaker session=1 person=1
add person_skill person=1 skill=1
add shift event=1 role=1 starts="2027-03-13 09:00" ends="2027-03-13 10:00"
span='starts=2027-03-13 09:00'
end='ends=2027-03-13 10:00'

# t_says NAME RC MESSAGE CMD...: exit RC and stderr exactly "muster: MESSAGE"
t_says() {
	name=$1 rc=$2 says=$3
	shift 3
	t_expect "$name" "$rc" "$M" "$@"
	t_equal "$name-says" "$ERR" "muster: $says"
}
t_says blank-person 2 "add person: name: must not be blank" add person name=" "
t_says blank-org 2 "add org: name: must not be blank" add org name="   "
t_says blank-title 2 "add session: title: must not be blank" add session event=1 title=" " "$span" "$end"
t_says need-add 2 "add shift: need_min 11 is above need_max 10" \
	add shift event=1 role=1 "$span" "$end" need_min=11 need_max=10
t_says need-set 2 "set shift 1: need_min 5 is above need_max 1" set shift 1 need_min=5
t_says room-and-booth 2 "add shift: room and booth: give one or the other, not both" \
	add shift event=1 role=1 room=1 booth=1 "$span" "$end"
t_says setup-after-start 2 "add event: setup_starts 2027-04-01 09:00 is after starts 2027-04-01 08:00" \
	add event name=E tz=UTC starts="2027-04-01 08:00" ends="2027-04-01 18:00" setup_starts="2027-04-01 09:00"
t_says teardown-before-end 2 "add event: teardown_ends 2027-04-01 17:00 is before ends 2027-04-01 18:00" \
	add event name=E tz=UTC starts="2027-04-01 08:00" ends="2027-04-01 18:00" teardown_ends="2027-04-01 17:00"
t_says room-twice 1 'add room: name "Salon A" is already used by room 1 in event 1' add room event=1 name="Salon A"
t_says role-twice 1 'add role: name "Greeter" is already used by role 1 in event 1' add role event=1 name=Greeter
t_says speaker-twice 1 "add speaker: speaker 1 already links session 1 and person 1" add speaker session=1 person=1
t_says skill-twice 1 "add person_skill: person_skill 1 already links person 1 and skill 1" \
	add person_skill person=1 skill=1
t_equal nothing-written "$(sqlite3 "$MUSTER_DB" "SELECT (SELECT count(*) FROM shift) || (SELECT count(*) FROM room) || (SELECT count(*) FROM event) || (SELECT count(*) FROM person)")" 1111
