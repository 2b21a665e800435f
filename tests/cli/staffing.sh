#!/bin/sh
# staffing.sh - the staffing and attendance commands of SPEC section 4 on
# the real binary: success lines, refusal messages naming both sides, exit
# statuses, overrides in the audit log, the waitlist, PINs and check.
. "$(dirname "$0")/../lib.sh"

D=$(printf '\342\200\223') # the en dash in time ranges

"$M" add event name=Gathering starts="2026-12-05 08:00" ends="2026-12-05 18:00" \
	tz=America/Chicago capacity=2 >/dev/null
"$M" add skill name="first aid" >/dev/null
"$M" add role event=1 name=Greeter >/dev/null
"$M" add role event=1 name=Medic skill=1 min_age=18 >/dev/null
"$M" add shift event=1 role=1 starts="2026-12-05 09:00" ends="2026-12-05 11:00" need_max=2 >/dev/null
"$M" add shift event=1 role=1 starts="2026-12-05 10:00" ends="2026-12-05 12:00" need_max=2 >/dev/null
"$M" add shift event=1 role=1 starts="2026-12-05 11:00" ends="2026-12-05 13:00" need_max=1 >/dev/null
"$M" add shift event=1 role=2 starts="2026-12-05 14:00" ends="2026-12-05 16:00" need_max=2 >/dev/null
for n in "Dana Reyes" "Lee Chan" "Ana Silva" "Bo Kim" "Cy Ode"; do
	"$M" add person name="$n" >/dev/null
done

# assign: success, then each rule's refusal naming both sides
t_expect assign-ok 0 "$M" assign 1 1
t_equal assign-line "$OUT" "assignment 1: Dana Reyes works Greeter Sat 5 Dec 09:00${D}11:00"
t_expect assign-overlap 1 "$M" assign 2 1
t_equal overlap-message "$ERR" "muster: assign: Dana Reyes already works Greeter Sat 5 Dec 09:00${D}11:00, which overlaps 10:00${D}12:00"
t_expect assign-adjacent-soft 1 "$M" assign 3 1
t_err_contains rest-message "Dana Reyes has no rest between Greeter Sat 5 Dec 09:00${D}11:00 and Greeter 11:00${D}13:00 (minimum rest 30 min)"
t_err_contains soft-says-override "--force --reason TEXT"
t_expect force-needs-reason 2 "$M" assign 3 1 --force
t_err_contains force-needs-reason-message "--force needs --reason"
t_expect reason-needs-force 2 "$M" assign 3 1 --reason "short"
t_expect force-overrides 0 "$M" assign 3 1 --force --reason "short-staffed"
t_contains force-says-what "overriding: Dana Reyes has no rest"
t_contains force-says-reason "(reason: short-staffed)"
t_expect force-never-hard 1 "$M" assign 2 1 --force --reason "please"
t_err_contains force-never-hard-message "already works Greeter"
t_run "$M" list audit --format tsv
t_contains override-audited "override (short-staffed): Dana Reyes has no rest"
t_contains audit-actor "	$(id -un)	"
t_expect assign-second 0 "$M" assign 1 2
t_expect assign-full 1 "$M" assign 1 3
t_err_contains full-message "Greeter Sat 5 Dec 09:00${D}11:00 is full (2 of 2 places taken): no place for Ana Silva"
t_expect assign-twice 1 "$M" assign 1 2
t_err_contains twice-message "Lee Chan already works Greeter Sat 5 Dec 09:00${D}11:00 (assignment"
t_expect assign-skill-age 1 "$M" assign 4 3
t_err_contains skill-message "Ana Silva lacks first aid, which Medic Sat 5 Dec 14:00${D}16:00 requires"
t_err_contains age-message "Ana Silva has no birth date on record"
t_expect assign-no-shift 1 "$M" assign 99 1
t_err_contains no-shift-message "muster: shift 99: not found"
t_expect assign-no-person 1 "$M" assign 1 99
t_expect assign-bad-id 2 "$M" assign x 1
t_expect assign-usage 2 "$M" assign 1
t_err_contains assign-usage-line "usage: muster assign SHIFT PERSON"

# unassign: dropped, kept, revived
t_expect unassign-ok 0 "$M" unassign 1 2
t_equal unassign-line "$OUT" "Lee Chan no longer works Greeter Sat 5 Dec 09:00${D}11:00"
t_expect unassign-again 1 "$M" unassign 1 2
t_err_contains unassign-again-message "Lee Chan is not on Greeter Sat 5 Dec 09:00${D}11:00"
t_run "$M" list assignments --format tsv
t_contains dropped-kept "	dropped	"
t_expect reassign-revives 0 "$M" assign 1 2
t_contains revived-same-row "assignment 3:"

# the generic paths go through the same rules
t_expect add-assignment-overlap 1 "$M" add assignment shift=2 person=2
t_err_contains add-assignment-message "Lee Chan already works Greeter Sat 5 Dec 09:00"
t_expect set-shift-overlap 1 "$M" set shift 3 starts="2026-12-05 10:30" --force --reason "moving"
t_err_contains set-shift-overlap-message "Dana Reyes already works Greeter Sat 5 Dec 09:00${D}11:00, which overlaps 10:30${D}13:00"
t_expect set-need-max-low 1 "$M" set shift 1 need_max=1
t_err_contains need-max-message "has 2 people on it"
t_expect shift-outside-span 1 "$M" add shift event=1 role=1 starts="2026-12-05 17:00" ends="2026-12-05 19:00"
t_err_contains span-message "lies outside Gathering, Sat 5 Dec 08:00${D}18:00"
"$M" add room event=1 name="Hall A" >/dev/null
t_expect session-ok 0 "$M" add session event=1 room=1 title=Welcome starts="2026-12-05 09:00" ends="2026-12-05 10:00"
t_expect session-clash 1 "$M" add session event=1 room=1 title=Film starts="2026-12-05 09:30" ends="2026-12-05 11:00"
t_equal session-clash-message "$ERR" "muster: add session: Hall A is taken by \"Welcome\" Sat 5 Dec 09:00${D}10:00, which overlaps 09:30${D}11:00"
t_expect session-adjacent 0 "$M" add session event=1 room=1 title=Film starts="2026-12-05 10:00" ends="2026-12-05 11:00"
t_expect availability-soft 1 "$M" add availability person=1 event=1 starts="2026-12-05 08:00" ends="2026-12-05 10:00"
t_err_contains availability-message "Dana Reyes is available only Sat 5 Dec 08:00${D}10:00; Greeter Sat 5 Dec 09:00${D}11:00 falls outside"
t_err_contains availability-says-override "--force --reason TEXT"
t_expect availability-forced 0 "$M" add availability person=1 event=1 starts="2026-12-05 08:00" ends="2026-12-05 10:00" --force --reason "agreed"
t_expect availability-covers 0 "$M" add availability person=1 event=1 starts="2026-12-05 10:00" ends="2026-12-05 14:00"
t_expect rm-window-soft 1 "$M" rm availability 2
t_err_contains rm-window-message "Dana Reyes is available only Sat 5 Dec 08:00${D}10:00"
t_expect rm-window-forced 0 "$M" rm availability 2 --force --reason "phoned: any time"
t_expect rm-last-window 0 "$M" rm availability 1

# check: every violation, one per line, exit 1
t_expect check-finds 1 "$M" check
t_contains check-rest "rest: Dana Reyes has no rest between Greeter Sat 5 Dec 09:00${D}11:00 and Greeter 11:00${D}13:00 (minimum rest 30 min)"
t_err_contains check-summary "muster: check: 1 violation (0 hard, 1 soft)"
t_equal check-one-line "$(printf '%s\n' "$OUT" | wc -l | tr -d ' ')" 1
t_expect check-event 1 "$M" check --event 1
t_expect check-no-event 1 "$M" check --event 99
t_err_contains check-no-event-message "event 99: not found"
t_expect unassign-soft 0 "$M" unassign 3 1
t_expect check-clean 0 "$M" check
t_equal check-clean-silent "$OUT" ""

# register / unregister: capacity 2, then the waitlist in order
t_expect register-ok 0 "$M" register 1 3
t_equal register-line "$OUT" "registration 3: Ana Silva for Gathering: registered as attendee"
t_expect register-second 0 "$M" register 1 4
t_expect register-waitlisted 0 "$M" register 1 5
t_contains waitlist-position "Cy Ode for Gathering: waitlisted at position 1"
"$M" add person name="Di Poe" >/dev/null
"$M" add person name="Ed Ray" >/dev/null
t_expect register-volunteer-not-waitlisted 0 "$M" register 1 6 --kind volunteer
t_contains volunteer-registered "Di Poe for Gathering: registered as volunteer"
t_expect register-twice 1 "$M" register 1 5
t_err_contains register-twice-message "Cy Ode is already registered for Gathering (waitlisted at position 1)"
t_expect register-bad-kind 2 "$M" register 1 5 --kind guest
t_expect unregister-promotes 0 "$M" unregister 1 3
t_contains unregister-line "Ana Silva's registration for Gathering is cancelled"
t_contains promoted-line "Cy Ode moves up from the waitlist"
t_run "$M" list audit --format tsv
t_contains promotion-audited "promote person 5 (Cy Ode) from position 1 of the waitlist of event 1 (Gathering)"
t_expect unregister-again 1 "$M" unregister 1 3
t_err_contains unregister-again-message "Ana Silva is not registered for Gathering"
t_expect add-registration-waitlists 0 "$M" add registration event=1 person=7
t_run "$M" show registration "$OUT"
t_contains add-registration-waitlisted "waitlist_position: 1"
t_expect add-registration-again 1 "$M" add registration event=1 person=3
t_err_contains add-registration-again-message "Ana Silva already has registration 3 for Gathering (cancelled as attendee)"

# checkin / checkout, for an event and for a shift
t_expect checkin-event 0 "$M" --now 2026-12-05T14:55:00Z checkin --event 1 --person 4
t_equal checkin-event-line "$OUT" "Bo Kim checked in to Gathering at Sat 5 Dec 08:55"
t_expect checkin-event-again 1 "$M" checkin --event 1 --person 4
t_err_contains checkin-again-message "Bo Kim already checked in to Gathering at Sat 5 Dec 08:55"
t_expect checkin-waitlisted 1 "$M" checkin --event 1 --person 7
t_err_contains checkin-waitlisted-message "is on the waitlist for Gathering (position 1)"
t_expect checkout-event 0 "$M" --now 2026-12-05T20:00:00Z checkout --event 1 --person 4
t_equal checkout-event-line "$OUT" "Bo Kim checked out of Gathering at Sat 5 Dec 14:00, after 5 h 5 min"
t_expect checkin-shift 0 "$M" --now 2026-12-05T14:58:00Z checkin --shift 1 --person 1
t_expect checkout-shift 0 "$M" --now 2026-12-05T17:03:00Z checkout --shift 1 --person 1
t_equal checkout-shift-line "$OUT" "Dana Reyes checked out of Greeter Sat 5 Dec 09:00${D}11:00 at Sat 5 Dec 11:03, after 2 h 5 min"
t_run "$M" list assignments --format csv
t_contains worked-recorded '"completed","coordinator","2026-12-05 08:58","2026-12-05 11:03"'
t_expect checkout-not-in 1 "$M" checkout --shift 1 --person 2
t_err_contains checkout-not-in-message "Lee Chan has not checked in to Greeter"
t_expect checkin-not-on 1 "$M" checkin --shift 2 --person 5
t_expect checkin-usage 2 "$M" checkin --person 1
t_err_contains checkin-usage-line "usage: muster checkin --event ID --person ID, or --shift ID --person ID"
t_expect checkin-both 2 "$M" checkin --event 1 --shift 1 --person 1

# pin: random, shown once, hashed
t_expect pin-ok 0 "$M" pin 2
pin=$(printf '%s\n' "$OUT" | tail -1)
case "$pin" in
[0-9][0-9][0-9][0-9][0-9][0-9]) t_ok pin-six-digits ;;
*) t_fail pin-six-digits "last line: $pin" ;;
esac
t_contains pin-names-code "new kiosk PIN for Lee Chan (volunteer code"
t_run "$M" show person 2
t_contains pin-shown-as-set "pin: set"
if sqlite3 "$MUSTER_DB" "SELECT pin_hash FROM person WHERE id = 2" | grep -q '^\$argon2id\$' &&
	! sqlite3 "$MUSTER_DB" .dump | grep -q "'$pin'"; then
	t_ok pin-stored-hashed
else
	t_fail pin-stored-hashed "the PIN is not stored as an Argon2id hash only"
fi
t_expect pin-again-differs 0 "$M" pin 2
t_expect pin-no-person 1 "$M" pin 99

# every write is audited: nothing refused above left a row or an entry behind
before=$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM audit")
"$M" assign 2 1 >/dev/null 2>&1
"$M" add session event=1 room=1 title=X starts="2026-12-05 09:30" ends="2026-12-05 10:30" >/dev/null 2>&1
t_equal refusals-leave-no-audit "$(sqlite3 "$MUSTER_DB" "SELECT count(*) FROM audit")" "$before"

# names from the database reach the terminal neutralised (a control can no
# longer be typed: the row is as an older muster or another program left it)
esc=$(printf '\033')
"$M" add person name="EvilRed" >/dev/null
sqlite3 "$MUSTER_DB" "UPDATE person SET name = 'Evil' || char(27) || '[31mRed' WHERE id = 8"
t_expect escape-refused 1 "$M" assign 1 8
case "$ERR" in
*"$esc"*) t_fail escape-neutralised "raw ESC in: $ERR" ;;
*"is full"*) t_ok escape-neutralised ;;
*) t_fail escape-neutralised "unexpected: $ERR" ;;
esac
