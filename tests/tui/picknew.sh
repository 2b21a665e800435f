#!/bin/sh
# picknew.sh - create where you choose (#20 item 3), at 80x24 on the demo:
# a walk-in registered as a new person and checked in, in one flow from the
# People tab; an organization made from the booth form's picker, a room from
# the session form's, a skill from a role's; a new person assigned from the
# assign dialog and signed up from a session (registered first); nothing
# written when the new form is cancelled; q after adding in the directory
# returns to the tab and row the lead left. Every row checked through the CLI.
. "$(dirname "$0")/../lib.sh"
TM_NAME=picknew
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
# The id of the row of entity list $1 (more arguments: its options) whose
# column named $2 holds exactly $3.
id_where() {
	list=$1 col=$2 val=$3
	shift 3
	tsv "$list" "$@" | awk -F'\t' -v c="$col" -v v="$val" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i; next }
		$n == v { print $1; exit }'
}
field_of() { # list id column [options]: one column of the row with that id
	list=$1 id=$2 col=$3
	shift 3
	tsv "$list" "$@" | awk -F'\t' -v c="$col" -v id="$id" '
		NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i; next }
		$1 == id { print $n; exit }'
}
FORUM=$(id_where events name "Eastern Seaboard Forum on Human Trafficking 2027")
[ -n "$FORUM" ] || t_fail fixture "no forum in the demo"

tm_start
tm_expect events "Eastern Seaboard Forum on"
tm_keys Home Down Enter
tm_expect forum-open "5People"

# ---- a walk-in: People tab, a, the name, n (new person), ^S, the kind, i
WALKIN="최지우 Walk-in"
tm_keys 5
tm_expect people-tab "cancel registration"
tm_keys a
tm_expect person-picker "Choose a person"
tm_expect picker-footer-new "n new person"
tm_keys '?'
tm_expect picker-help "Help: keys"
tm_expect picker-help-new "make a new one, named as searched, and choose it"
tm_keys q
tm_expect_gone picker-help-closes "Help: keys"
tm_expect picker-still-open "Choose a person"
tm_keys /
tm_type "$WALKIN"
tm_keys Enter
tm_expect picker-offers-new "n creates a new person \"$WALKIN\""
tm_keys n
tm_expect new-person-form "New person"
tm_expect new-person-named "name* $WALKIN"
tm_keys C-s
tm_expect kind-picker "Register as"
tm_keys Enter
tm_expect walkin-registered "Registered as attendee (i checks them in)"
tm_keys i
tm_expect walkin-checked-in "Checked in: $WALKIN."
P=$(id_where people name "$WALKIN")
if [ -n "$P" ]; then t_ok walkin-person-in-database; else t_fail walkin-person-in-database "$(tsv people | tail -2)"; fi
R=$(id_where registrations person "$P" --event "$FORUM")
st=$(field_of registrations "$R" status --event "$FORUM")
at=$(field_of registrations "$R" checked_in_at --event "$FORUM")
if [ -n "$R" ] && [ "$st" = checked_in ] && [ -n "$at" ]; then
	t_ok walkin-checked-in-in-database
else
	t_fail walkin-checked-in-in-database "registration '$R' status '$st' at '$at'"
fi
case "$("$M" list audit --format tsv | grep -c "$WALKIN")" in
0) t_fail walkin-audited "$("$M" list audit --format tsv | tail -3)" ;;
*) t_ok walkin-audited ;;
esac

# ---- cancelling the new form writes nothing: unchanged (Esc closes at
# once), then changed (Esc asks; y discards)
NOBODY="ብርሃን Nobody"
tm_keys a
tm_wait "Choose a person" >/dev/null
tm_keys /
tm_type "$NOBODY"
tm_keys Enter
tm_wait "n creates a new person" >/dev/null
tm_keys n
tm_expect cancel-form-opens "name* $NOBODY"
tm_keys Escape
tm_expect_gone cancel-unchanged-closes "New person"
tm_expect cancel-back-in-picker "Choose a person"
tm_keys n
tm_wait "New person" >/dev/null
tm_keys Tab
tm_type "nobody@example.org"
tm_keys Escape
tm_expect cancel-changed-asks "Discard this new person?"
tm_keys y
tm_expect_gone cancel-discarded "New person"
tm_keys Escape Escape
tm_expect_gone cancel-picker-closed "Choose a person"
if [ -z "$(id_where people name "$NOBODY")" ] && ! tsv people | grep -q "nobody@example.org"; then
	t_ok cancel-nothing-created
else
	t_fail cancel-nothing-created "$(tsv people | tail -2)"
fi

# ---- an organization from the booth form's picker
ORG="한빛 Kitchen Collective"
tm_keys 4
tm_expect booths-tab "Partner"
tm_keys a
tm_expect booth-form "New booth"
tm_keys Enter
tm_expect org-picker "Choose an organization"
tm_expect org-picker-footer "n new organization"
tm_keys /
tm_type "$ORG"
tm_keys Enter
tm_wait "n creates a new organization" >/dev/null
tm_keys n
tm_expect org-form "New org"
tm_expect org-form-named "name* $ORG"
tm_keys C-s
tm_expect_gone org-picker-closed "Choose an organization"
tm_expect booth-form-stays "New booth"
tm_expect booth-org-picked "$ORG"
tm_keys Tab
tm_type "K9"
tm_keys C-s
tm_expect booth-saved "Added booth"
O=$(id_where orgs name "$ORG")
B=$(id_where booths label K9 --event "$FORUM")
if [ -n "$O" ] && [ -n "$B" ] && [ "$(field_of booths "$B" org --event "$FORUM")" = "$O" ]; then
	t_ok booth-org-in-database
else
	t_fail booth-org-in-database "org '$O' booth '$B'" "$(tsv booths --event "$FORUM" | tail -2)"
fi

# ---- a room from the session form's picker
ROOM="Salle 東 Annex"
tm_keys 2
tm_expect sessions-tab "Opening plenary"
tm_keys a
tm_expect session-form "New session"
tm_keys Enter
tm_expect room-picker "Choose a room"
tm_keys /
tm_type "$ROOM"
tm_keys Enter
tm_wait "n creates a new room" >/dev/null
tm_keys n
tm_expect room-form "New room"
tm_expect room-form-named "name* $ROOM"
tm_keys C-s
tm_expect_gone room-picker-closed "Choose a room"
tm_expect session-room-picked "$ROOM"
tm_keys Tab
tm_type "Annex orientation"
tm_keys C-s
tm_expect session-saved "Added session"
RM=$(id_where rooms name "$ROOM" --event "$FORUM")
S=$(id_where sessions title "Annex orientation" --event "$FORUM")
if [ -n "$RM" ] && [ -n "$S" ] && [ "$(field_of sessions "$S" room --event "$FORUM")" = "$RM" ]; then
	t_ok session-room-in-database
else
	t_fail session-room-in-database "room '$RM' session '$S'" "$(tsv rooms --event "$FORUM" | tail -2)"
fi

# ---- a skill from a role's requirement
SKILL="ትርጉም interpreting"
tm_keys 6
tm_expect roles-tab "Skill needed"
tm_keys a
tm_expect role-form "New role"
tm_type "Interpreter desk"
tm_keys Tab Tab Enter
tm_expect skill-picker "Choose a skill"
tm_keys /
tm_type "$SKILL"
tm_keys Enter
tm_wait "n creates a new skill" >/dev/null
tm_keys n
tm_expect skill-form "New skill"
tm_keys C-s
tm_expect_gone skill-picker-closed "Choose a skill"
tm_expect role-skill-picked "$SKILL"
tm_keys C-s
tm_expect role-saved "Added role"
SK=$(id_where skills name "$SKILL")
RL=$(id_where roles name "Interpreter desk" --event "$FORUM")
if [ -n "$SK" ] && [ -n "$RL" ] && [ "$(field_of roles "$RL" skill --event "$FORUM")" = "$SK" ]; then
	t_ok role-skill-in-database
else
	t_fail role-skill-in-database "skill '$SK' role '$RL'" "$(tsv skills | tail -2)"
fi

# ---- the assign dialog: a new person, assigned (and so registered as a
# volunteer)
HELPER="Ngozi 오 Helper"
tm_keys 7
tm_expect shifts-tab "shifts"
tm_keys s
tm_expect assign-dialog "Assign to:"
tm_expect assign-footer-new "n new"
tm_keys /
tm_type "$HELPER"
tm_keys Enter
tm_wait "n adds a new person" >/dev/null
tm_keys n
tm_expect assign-person-form "name* $HELPER"
tm_keys C-s
tm_expect assign-new-assigned "Assigned $HELPER to"
H=$(id_where people name "$HELPER")
if [ -n "$H" ] && tsv assignments --event "$FORUM" | awk -F'\t' -v p="$H" '$3 == p' | grep -q .; then
	t_ok assign-new-in-database
else
	t_fail assign-new-in-database "person '$H'" "$(tsv assignments --event "$FORUM" | tail -2)"
fi

# ---- a session's sign-ups: a new person, registered, then signed up
GUEST="Guest Ōkubo 大介"
tm_keys 2 Home Enter
tm_expect session-screen "Speakers"
tm_keys Tab
tm_expect signups-tab "Sign-ups"
tm_keys a
tm_expect signup-picker "Choose a person"
tm_keys /
tm_type "$GUEST"
tm_keys Enter
tm_wait "n creates a new person" >/dev/null
tm_keys n
tm_expect signup-person-form "name* $GUEST"
tm_keys C-s
tm_expect_gone signup-form-closed "New person"
tm_expect_gone signup-picker-closed "Choose a person"
tm_expect signup-new-listed "$GUEST"
tm_expect signup-says-registered "Registered for the event as an attendee."
G=$(id_where people name "$GUEST")
if [ -n "$G" ] && [ -n "$(id_where registrations person "$G" --event "$FORUM")" ] &&
	tsv signups --event "$FORUM" | awk -F'\t' -v p="$G" '$3 == p' | grep -q .; then
	t_ok signup-new-in-database
else
	t_fail signup-new-in-database "person '$G'" "$(tsv signups --event "$FORUM" | tail -2)" "$(tm_screen)"
fi
tm_keys q

# ---- q after adding in the directory returns to the tab and row left:
# People tab, fourth row (Andrés Núñez), P, a, save, q
tm_keys 5 Home Down Down Down
tm_wait "cancel registration" >/dev/null
tm_keys P
tm_expect directory-opens "Phone"
tm_keys a
tm_expect directory-form "New person"
tm_type "Ama Kusi 아마"
tm_keys C-s
tm_expect directory-added "Added person"
tm_keys q
tm_expect back-to-people-tab "cancel registration"
tm_lacks back-not-events "Regd"
tm_keys Enter
tm_expect back-person-screen "Skill"
tm_lacks back-person-screen-only "cancel registration"
tm_expect back-on-same-row "andres.nunez@example.net"
tm_keys q q
tm_expect back-then-events "Regd"

tm_keys Q
tm_expect quits "[muster exited with status 0]"
