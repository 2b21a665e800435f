#!/bin/sh
# undo.sh - z takes back the lead's own changes of this session, newest
# first, through the audit log (#20 item 12), at 80x24 on the demo with
# wide-character names: an assignment (吴丽娟), an edit and a delete of a
# room (회의실 7), each undone in turn with the status line saying what and
# the lists showing it; nothing left says so; a change another process made
# to the same row since is refused with the reason, and stays.
. "$(dirname "$0")/../lib.sh"
TM_NAME=undo
. "$(dirname "$0")/lib/tmux.sh"

"$M" demo >/dev/null || t_fail demo "muster demo failed"
tsv() { "$M" list "$@" --format tsv; }
EV=$(tsv events | awk -F'\t' '$2 ~ /Forum/ { print $1 }')
# a room of our own, made before the screen starts (not this session's)
R=$("$M" add room event="$EV" name="회의실 7" capacity=30)
[ -n "$EV" ] && [ -n "$R" ] || t_fail fixture "no forum or room"
# the assignments made after the fixture: "shift person status"
LAST=$(tsv assignments | awk -F'\t' 'NR > 1 && $1 > m { m = $1 } END { print m + 0 }')
placed() {
	tsv assignments | awk -F'\t' -v m="$LAST" 'NR > 1 && $1 > m { print $2 " " $3 " " $4 }'
}
room() { tsv rooms --event "$EV" | awk -F'\t' -v r="$R" '$1 == r { print $3 " " $4 }'; }
t_equal fixture-unassigned "$(placed)" ""

tm_start
tm_expect events "Eastern Seaboard Forum" 30
tm_keys Down Enter
tm_expect forum "1Agenda" 30
# nothing done yet: z says so, and the footer offers no undo
tm_keys z
tm_expect nothing-at-start "Nothing to undo: no change of this session is left" 30
tm_lacks no-undo-hint "z undo"
# ? lists the key among those that work everywhere
tm_keys "?" G
tm_expect help-lists-undo "z                undo this session's last change; again: the one before" 30
tm_keys q
tm_expect_gone help-closes "Help: keys" 30

# 1. assign 吴丽娟 to the Usher shift in the Lehigh Room
tm_keys 7
tm_expect shifts-tab "Filled/needed" 30
tm_keys Down Down Down Down Down Down s
tm_expect assign-dialog "Assign to: Usher Sat 13 Mar 07:30-09:30" 30
tm_keys /
tm_type "吴丽娟"
tm_keys Enter
tm_expect assign-found "Filter \"吴丽娟\"" 30
tm_keys Enter
tm_expect assigned "Assigned 吴丽娟 to Usher Sat 13 Mar 07:30-09:30." 30
tm_expect undo-hint "z undo  ? help" 30
set -- $(placed)
t_equal assigned-tsv "${3:-} $("$M" show person "${2:-0}" | awk -F': *' '$1 ~ /name/ { print $2; exit }')" \
	"signed_up 吴丽娟"

# 2. edit the room's seats, 3. delete it
tm_keys 3
tm_expect rooms-tab "Seats" 30
tm_keys /
tm_type "회의실"
tm_keys Enter
tm_expect room-found "Filter \"회의실\" matches 1 row" 30
tm_keys e
tm_expect room-form "Edit room $R" 30
tm_keys Tab C-u
tm_type 45
tm_keys C-s
tm_expect room-saved "Saved room $R" 30
t_equal edited-tsv "$(room)" "회의실 7 45"
tm_keys d
tm_expect delete-says-undo "z undoes it until you quit" 30
tm_keys y
tm_expect room-deleted "Deleted room $R." 30
t_equal deleted-tsv "$(room)" ""

# undo, step by step, newest first
tm_keys z
tm_expect undo-delete "Undid: deleted room $R (회의실 7)" 30
tm_expect undo-delete-row "회의실 7 " 30
t_equal undo-delete-tsv "$(room)" "회의실 7 45"
tm_keys z
tm_expect undo-edit "Undid: edited room $R (회의실 7) (capacity)" 30
t_equal undo-edit-tsv "$(room)" "회의실 7 30"
tm_keys z
tm_expect undo-assign "Undid: assigned 吴丽娟 to Usher Sat 13 Mar 07:30–09:30" 30
t_equal undo-assign-tsv "$(placed)" ""
tm_expect_gone undo-hint-gone "z undo" 30
tm_keys z
tm_expect nothing-left "Nothing to undo: no change of this session is left" 30
# each undo is in the audit log as one, naming the entry it took back
n=$(tsv audit | grep -c "undo of audit #")
t_equal audited-as-undo "$n" 3

# a change another process made since is refused with the reason, and stays
tm_keys e
tm_expect room-form-again "Edit room $R" 30
tm_keys Tab C-u
tm_type 50
tm_keys C-s
tm_expect room-saved-again "Saved room $R" 30
"$M" set room "$R" capacity=60 >/dev/null || t_fail other-set "set room failed"
tm_expect other-change-shows "room    60" 30
tm_keys z
tm_expect refused "Cannot undo: $(id -un) changed room $R (회의실 7): capacity is now 60" 30
t_equal refused-kept "$(room)" "회의실 7 60"
tm_keys z
tm_expect refused-passed-over "Nothing to undo: no change of this session is left" 30
tm_keys Q
tm_expect quit "[muster exited with status 0]" 30
