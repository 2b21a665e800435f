/* screen_events.c - the first screen: every event, soonest first; Enter
 * opens one with its tabs. */
#include "table.h"

static const struct column cols[] = {
    {.title = "Event", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Starts", .width = 18, .src = "starts", .kind = CELL_TIME},
    {.title = "Status", .width = 9, .src = "status", .kind = CELL_TEXT},
    {.title = "Venue", .width = 16, .src = "venue", .kind = CELL_TEXT},
    {.title = "Regd", .width = 5, .right = true, .src = "registered", .kind = CELL_INT},
};

static const enum action actions[] = {ACT_OPEN,      ACT_ADD,    ACT_EDIT,   ACT_DELETE,
                                      ACT_SEARCH,    ACT_ORGS,   ACT_PEOPLE, ACT_BACK,
                                      ACT_HINTS_END, LIST_MOVES, ACT_NONE};

static int open_event(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_event_open(t, r->row);
	return R_REDRAW;
}

static const struct table_def def = {
    .view = "events",
    .entity = "event",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No events yet: press a to add one (or run muster demo).",
    .actions = actions,
    .open = open_event,
};

void screen_events_open(struct tui *t)
{
	table_screen_open(t, &def, "Events", 0, 0);
}
