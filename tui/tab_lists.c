/* tab_lists.c - the event's plain tabs: sessions, rooms, booths and
 * partners, volunteer roles, and the audit log. */
#include <stdio.h>
#include <string.h>

#include "../core/tz.h"
#include "event.h"

/* A new timed row starts at 09:00 on the day being viewed (the row at the
 * cursor), else the event's first day. */
static void preset_times(struct tui *t, struct table *tb, struct form_spec *spec)
{
	if (!tb->src.tz[0])
		return;
	struct err e = {0};
	struct record ev;
	if (record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) < 0)
		return;
	struct tz_local l;
	if (tz_local(tb->src.tz, table_time_in_view(tb, record_int(&ev, "starts")), &l) == 0) {
		form_preset(spec, "starts", "%04d-%02d-%02d 09:00", l.year, l.month, l.day);
		form_preset(spec, "ends", "%04d-%02d-%02d 10:00", l.year, l.month, l.day);
	}
	record_free(&ev);
}

/* A new booth is open on the day the Agenda shows, for the event's hours
 * (its start's and end's wall times); before the Agenda was shown, for
 * the whole event (the core's default). */
static void preset_booth_day(struct tui *t, struct table *tb, struct form_spec *spec)
{
	int64_t day = event_day_in_view(tb);
	struct err e = {0};
	struct record ev;
	if (!day || !tb->src.tz[0] ||
	    record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) < 0)
		return;
	struct tz_local d, from, to;
	if (tz_local(tb->src.tz, day + 12 * 3600, &d) == 0 &&
	    tz_local(tb->src.tz, record_int(&ev, "starts"), &from) == 0 &&
	    tz_local(tb->src.tz, record_int(&ev, "ends"), &to) == 0) {
		if (to.hour * 60 + to.minute <= from.hour * 60 + from.minute)
			to.hour = 23, to.minute = 30; /* an event ending past midnight */
		form_preset(spec, "starts", "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
		            from.hour, from.minute);
		form_preset(spec, "ends", "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day,
		            to.hour, to.minute);
	}
	record_free(&ev);
}

static int open_session(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_session_open(t, r->row);
	return R_REDRAW;
}

static const struct column session_cols[] = {
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
    {.title = "Title", .width = 0, .src = "title", .kind = CELL_TEXT},
    {.title = "Fill", .width = 8, .right = true, .src = "fill", .kind = CELL_TEXT},
    {.title = "Room", .width = 10, .src = "room", .kind = CELL_TEXT},
    {.title = "Kind", .width = 9, .src = "kind", .kind = CELL_TEXT},
    {.title = "Status", .width = 9, .src = "status", .kind = CELL_TEXT},
};
static int sessions_key(struct tui *t, struct table *tb, enum action a)
{
	if (a != ACT_NEXT_DAY && a != ACT_PREV_DAY)
		return -1;
	return table_day_jump(t, tb, a == ACT_NEXT_DAY);
}

static const enum action session_actions[] = {ACT_OPEN,     ACT_ADD,      ACT_EDIT,   ACT_DELETE,
                                              ACT_NEXT_DAY, ACT_PREV_DAY, ACT_SEARCH, ACT_HINTS_END,
                                              LIST_MOVES,   ACT_NONE};
static const struct table_def sessions_def = {
    .view = "sessions",
    .entity = "session",
    .cols = session_cols,
    .ncols = ARRAY_LEN(session_cols),
    .empty = "No sessions yet: press a to add one.",
    .actions = session_actions,
    .preset = preset_times,
    .open = open_session,
    .key = sessions_key,
};
const struct tab tab_sessions = {
    .name = "Sessions",
    .table = &sessions_def,
};

static const struct column room_cols[] = {
    {.title = "Room", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Kind", .width = 10, .src = "kind", .kind = CELL_TEXT},
    {.title = "Seats", .width = 6, .right = true, .src = "capacity", .kind = CELL_INT},
    {.title = "Sessions", .width = 8, .right = true, .src = "sessions", .kind = CELL_INT},
};
static const enum action room_actions[] = {ACT_ADD,       ACT_EDIT, ACT_DELETE, ACT_SEARCH,
                                           ACT_HINTS_END, ACT_OPEN, LIST_MOVES, ACT_NONE};
static const struct table_def rooms_def = {
    .view = "rooms",
    .entity = "room",
    .cols = room_cols,
    .ncols = ARRAY_LEN(room_cols),
    .empty = "No rooms yet: press a to add one.",
    .actions = room_actions,
};
const struct tab tab_rooms = {
    .name = "Rooms",
    .table = &rooms_def,
};

static const struct column booth_cols[] = {
    {.title = "Booth", .width = 8, .src = "label", .kind = CELL_TEXT, .keep = true},
    {.title = "Partner", .width = 0, .src = "org", .kind = CELL_TEXT},
    {.title = "Sector", .width = 14, .src = "sector", .kind = CELL_TEXT},
    {.title = "Room", .width = 12, .src = "room", .kind = CELL_TEXT},
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
};
static const enum action booth_actions[] = {ACT_ADD,       ACT_EDIT, ACT_DELETE, ACT_SEARCH,
                                            ACT_HINTS_END, ACT_OPEN, LIST_MOVES, ACT_NONE};
static const struct table_def booths_def = {
    .view = "booths",
    .entity = "booth",
    .cols = booth_cols,
    .ncols = ARRAY_LEN(booth_cols),
    .empty = "No booths yet: press a to give a partner one.",
    .actions = booth_actions,
    .preset = preset_booth_day,
};
const struct tab tab_booths = {
    .name = "Booths",
    .table = &booths_def,
};

static const struct column role_cols[] = {
    {.title = "Role", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Skill needed", .width = 18, .src = "skill", .kind = CELL_TEXT},
    {.title = "Min age", .width = 7, .right = true, .src = "min_age", .kind = CELL_INT},
    {.title = "Lead", .width = 16, .src = "lead", .kind = CELL_TEXT},
    {.title = "Shifts", .width = 6, .right = true, .src = "shifts", .kind = CELL_INT},
};
static const enum action role_actions[] = {ACT_ADD,       ACT_EDIT, ACT_DELETE, ACT_SEARCH,
                                           ACT_HINTS_END, ACT_OPEN, LIST_MOVES, ACT_NONE};
static const struct table_def roles_def = {
    .view = "roles",
    .entity = "role",
    .cols = role_cols,
    .ncols = ARRAY_LEN(role_cols),
    .empty = "No volunteer roles yet: press a to add one (then shifts in tab 7).",
    .actions = role_actions,
};
const struct tab tab_roles = {
    .name = "Roles",
    .table = &roles_def,
};

static const struct column audit_cols[] = {
    {.title = "When", .width = 18, .src = "at", .kind = CELL_TIME},
    {.title = "Who", .width = 12, .src = "actor", .kind = CELL_TEXT},
    {.title = "What", .width = 0, .src = "summary", .kind = CELL_TEXT},
};
static int audit_key(struct tui *t, struct table *tb, enum action a);
static const enum action audit_actions[] = {ACT_ALL,  ACT_SEARCH, ACT_HINTS_END,
                                            ACT_OPEN, LIST_MOVES, ACT_NONE};
static const struct table_def audit_def = {
    .view = "audit_event",
    .cols = audit_cols,
    .ncols = ARRAY_LEN(audit_cols),
    .empty = "Nothing recorded for this event yet.",
    .actions = audit_actions,
    .key = audit_key,
};
static const struct table_def audit_all_def = {
    .view = "audit",
    .cols = audit_cols,
    .ncols = ARRAY_LEN(audit_cols),
    .empty = "The audit log is empty.",
    .actions = audit_actions,
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
const struct tab tab_audit = {
    .name = "Audit",
    .table = &audit_def,
};
