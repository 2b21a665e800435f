/* screen_events.c - the first screen: every event, soonest first; Enter
 * opens one with its tabs. */
#include "table.h"

#define LIST_MOVES ACT_DOWN, ACT_UP, ACT_PGDN, ACT_PGUP, ACT_HOME, ACT_END

static const struct column cols[] = {
    {"Event", 0, false, false, "name", CELL_TEXT},
    {"Starts", 18, false, false, "starts", CELL_TIME},
    {"Status", 9, false, false, "status", CELL_TEXT},
    {"Venue", 16, false, false, "venue", CELL_TEXT},
    {"Regd", 5, true, false, "registered", CELL_INT},
};

static const enum action actions[] = {ACT_OPEN, ACT_ADD,    ACT_EDIT, ACT_DELETE, ACT_SEARCH,
                                      ACT_ORGS, ACT_PEOPLE, ACT_BACK, LIST_MOVES, ACT_NONE};

static int open_event(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_event_open(t, r->row);
	return R_REDRAW;
}

static const struct table_def def = {
    .view = "events",
    .entity = "event",
    .cols = cols,
    .ncols = sizeof cols / sizeof cols[0],
    .empty = "No events yet: press a to add one (or run muster demo).",
    .actions = actions,
    .hints = 8,
    .open = open_event,
};

void screen_events_open(struct tui *t)
{
	table_screen_open(t, &def, "Events", 0, 0);
}
