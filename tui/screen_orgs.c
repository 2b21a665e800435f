/* screen_orgs.c - every organization (partners, hosts, agencies). */
#include "table.h"

static const struct column cols[] = {
    {"Organization", 0, false, false, "name", CELL_TEXT},
    {"Sector", 15, false, false, "sector", CELL_TEXT},
    {"Contact", 16, false, false, "contact_name", CELL_TEXT},
    {"Email", 20, false, false, "email", CELL_TEXT},
    {"Booths", 6, true, false, "booths", CELL_INT},
};

static const enum action actions[] = {ACT_EDIT,   ACT_ADD,  ACT_DELETE, ACT_SEARCH, ACT_EVENTS,
                                      ACT_PEOPLE, ACT_BACK, ACT_OPEN,   ACT_DOWN,   ACT_UP,
                                      ACT_PGDN,   ACT_PGUP, ACT_HOME,   ACT_END,    ACT_NONE};

static const struct table_def def = {
    .view = "orgs",
    .entity = "org",
    .cols = cols,
    .ncols = sizeof cols / sizeof cols[0],
    .empty = "No organizations yet: press a to add one.",
    .actions = actions,
    .hints = 7,
};

void screen_orgs_open(struct tui *t)
{
	table_screen_open(t, &def, "Organizations", 0, 0);
}
