/* tab_lists.c - the event's plain tabs: sessions, rooms, booths and
 * partners, volunteer roles, and the audit log. */
#include <stdio.h>
#include <string.h>

#include "../core/tz.h"
#include "event.h"

#define ROW_KEYS ACT_ADD, ACT_EDIT, ACT_DELETE, ACT_SEARCH, ACT_OPEN

/* A new timed row starts on the event's first day at 09:00. */
static void preset_times(struct tui *t, struct table *tb, struct form_spec *spec)
{
	if (!tb->src.tz[0])
		return;
	struct err e = {0};
	struct record ev;
	if (record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) < 0)
		return;
	struct tz_local l;
	if (tz_local(tb->src.tz, record_int(&ev, "starts"), &l) == 0) {
		form_preset(spec, "starts", "%04d-%02d-%02d 09:00", l.year, l.month, l.day);
		form_preset(spec, "ends", "%04d-%02d-%02d 10:00", l.year, l.month, l.day);
	}
	record_free(&ev);
}

static int open_session(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_session_open(t, r->row);
	return R_REDRAW;
}

static const struct column session_cols[] = {
    {"When", 22, false, false, "starts", CELL_SPAN},
    {"Title", 0, false, false, "title", CELL_TEXT},
    {"Room", 12, false, false, "room", CELL_TEXT},
    {"Kind", 9, false, false, "kind", CELL_TEXT},
    {"Status", 9, false, false, "status", CELL_TEXT},
};
static int sessions_key(struct tui *t, struct table *tb, enum action a)
{
	if (a != ACT_NEXT_DAY && a != ACT_PREV_DAY)
		return -1;
	return table_day_jump(t, tb, a == ACT_NEXT_DAY);
}

static const enum action session_actions[] = {ACT_OPEN,     ACT_ADD,      ACT_EDIT,
                                              ACT_DELETE,   ACT_NEXT_DAY, ACT_SEARCH,
                                              ACT_PREV_DAY, LIST_MOVES,   ACT_NONE};
static const struct table_def sessions_def = {
    .view = "sessions",
    .entity = "session",
    .cols = session_cols,
    .ncols = 5,
    .empty = "No sessions yet: press a to add one.",
    .actions = session_actions,
    .hints = 6,
    .preset = preset_times,
    .open = open_session,
    .key = sessions_key,
};
const struct tab tab_sessions = {"Sessions", &sessions_def, NULL};

static const struct column room_cols[] = {
    {"Room", 0, false, false, "name", CELL_TEXT},
    {"Kind", 10, false, false, "kind", CELL_TEXT},
    {"Seats", 6, true, false, "capacity", CELL_INT},
    {"Sessions", 8, true, false, "sessions", CELL_INT},
};
static const enum action room_actions[] = {ROW_KEYS, LIST_MOVES, ACT_NONE};
static const struct table_def rooms_def = {
    .view = "rooms",
    .entity = "room",
    .cols = room_cols,
    .ncols = 4,
    .empty = "No rooms yet: press a to add one.",
    .actions = room_actions,
    .hints = 4,
};
const struct tab tab_rooms = {"Rooms", &rooms_def, NULL};

static const struct column booth_cols[] = {
    {"Booth", 8, false, false, "label", CELL_TEXT},
    {"Partner", 0, false, false, "org", CELL_TEXT},
    {"Sector", 14, false, false, "sector", CELL_TEXT},
    {"Room", 12, false, false, "room", CELL_TEXT},
    {"When", 22, false, false, "starts", CELL_SPAN},
};
static const enum action booth_actions[] = {ROW_KEYS, LIST_MOVES, ACT_NONE};
static const struct table_def booths_def = {
    .view = "booths",
    .entity = "booth",
    .cols = booth_cols,
    .ncols = 5,
    .empty = "No booths yet: press a to give a partner one.",
    .actions = booth_actions,
    .hints = 4,
};
const struct tab tab_booths = {"Booths", &booths_def, NULL};

static const struct column role_cols[] = {
    {"Role", 0, false, false, "name", CELL_TEXT},
    {"Skill needed", 18, false, false, "skill", CELL_TEXT},
    {"Min age", 7, true, false, "min_age", CELL_INT},
    {"Lead", 16, false, false, "lead", CELL_TEXT},
    {"Shifts", 6, true, false, "shifts", CELL_INT},
};
static const enum action role_actions[] = {ROW_KEYS, LIST_MOVES, ACT_NONE};
static const struct table_def roles_def = {
    .view = "roles",
    .entity = "role",
    .cols = role_cols,
    .ncols = 5,
    .empty = "No volunteer roles yet: press a to add one (then shifts in tab 7).",
    .actions = role_actions,
    .hints = 4,
};
const struct tab tab_roles = {"Roles", &roles_def, NULL};

static const struct column audit_cols[] = {
    {"When", 18, false, false, "at", CELL_TIME},
    {"Who", 12, false, false, "actor", CELL_TEXT},
    {"What", 0, false, false, "summary", CELL_TEXT},
};
static int audit_key(struct tui *t, struct table *tb, enum action a);
static const enum action audit_actions[] = {ACT_ALL, ACT_SEARCH, LIST_MOVES, ACT_NONE};
static const struct table_def audit_def = {
    .view = "audit_event",
    .cols = audit_cols,
    .ncols = 3,
    .empty = "Nothing recorded for this event yet.",
    .actions = audit_actions,
    .hints = 2,
    .key = audit_key,
};
static const struct table_def audit_all_def = {
    .view = "audit",
    .cols = audit_cols,
    .ncols = 3,
    .empty = "The audit log is empty.",
    .actions = audit_actions,
    .hints = 2,
    .key = audit_key,
};

static int audit_key(struct tui *t, struct table *tb, enum action a)
{
	if (a != ACT_ALL)
		return -1;
	bool all = tb->def == &audit_def;
	table_switch(tb, t, all ? &audit_all_def : &audit_def);
	tui_info(t, all ? "Every audit entry, newest first (A: this event's only)."
	                : "This event's audit entries, newest first (A: every entry).");
	return R_REDRAW;
}
const struct tab tab_audit = {"Audit", &audit_def, NULL};
