/* screen_people.c - the people directory: everyone, by name, paged from
 * the name index so 100,000 people scroll like 10. */
#include "table.h"

static const struct column cols[] = {
    {.title = "Name", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "Email", .width = 24, .src = "email", .kind = CELL_TEXT, .keep = true},
    {.title = "Phone", .width = 14, .src = "phone", .kind = CELL_TEXT, .keep = true},
    {.title = "Organization", .width = 14, .src = "org", .kind = CELL_TEXT},
    {.title = "Code", .width = 6, .src = "code", .kind = CELL_TEXT, .keep = true},
};

static const enum action actions[] = {
    ACT_OPEN, ACT_EDIT, ACT_ADD,  ACT_DELETE, ACT_SEARCH, ACT_ORGS, ACT_BACK,   ACT_HINTS_END,
    ACT_DOWN, ACT_UP,   ACT_PGDN, ACT_PGUP,   ACT_HOME,   ACT_END,  ACT_EVENTS, ACT_NONE};

static int open_person(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->row);
	return R_REDRAW;
}

static const struct table_def def = {
    .view = "people",
    .entity = "person",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No people yet: press a to add someone.",
    .actions = actions,
    .open = open_person,
};

void screen_people_open(struct tui *t)
{
	table_screen_open(t, &def, "People", 0, 0);
}
