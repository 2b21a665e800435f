/* screen_people.c - the people directory: everyone, by name, paged from
 * the name index so 100,000 people scroll like 10. */
#include "table.h"

static const struct column cols[] = {
    {"Name", 0, false, false, "name", CELL_CONF},
    {"Email", 24, false, false, "email", CELL_TEXT},
    {"Phone", 14, false, false, "phone", CELL_TEXT},
    {"Organization", 14, false, false, "org", CELL_TEXT},
    {"Code", 6, false, false, "code", CELL_TEXT},
};

static const enum action actions[] = {ACT_OPEN, ACT_EDIT, ACT_ADD,  ACT_DELETE, ACT_SEARCH,
                                      ACT_ORGS, ACT_BACK, ACT_DOWN, ACT_UP,     ACT_PGDN,
                                      ACT_PGUP, ACT_HOME, ACT_END,  ACT_EVENTS, ACT_NONE};

static int open_person(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->row);
	return R_REDRAW;
}

static const struct table_def def = {
    .view = "people",
    .entity = "person",
    .cols = cols,
    .ncols = sizeof cols / sizeof cols[0],
    .empty = "No people yet: press a to add someone.",
    .actions = actions,
    .hints = 7,
    .open = open_person,
};

void screen_people_open(struct tui *t)
{
	table_screen_open(t, &def, "People", 0, 0);
}
