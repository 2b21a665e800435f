/* screen_orgs.c - every organization (partners, hosts, agencies). */
#include "table.h"

static const struct column cols[] = {
    {.title = "Organization", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Sector", .width = 15, .src = "sector", .kind = CELL_TEXT},
    {.title = "Contact", .width = 16, .src = "contact_name", .kind = CELL_TEXT},
    {.title = "Email", .width = 20, .src = "email", .kind = CELL_TEXT, .keep = true},
    {.title = "Booths", .width = 6, .right = true, .src = "booths", .kind = CELL_INT},
};

static const enum action actions[] = {
    ACT_EDIT, ACT_ADD,  ACT_DELETE, ACT_SEARCH, ACT_EVENTS, ACT_PEOPLE, ACT_BACK, ACT_HINTS_END,
    ACT_OPEN, ACT_DOWN, ACT_UP,     ACT_PGDN,   ACT_PGUP,   ACT_HOME,   ACT_END,  ACT_NONE};

static const struct table_def def = {
    .view = "orgs",
    .entity = "org",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No organizations yet: press a to add one.",
    .actions = actions,
};

void screen_orgs_open(struct tui *t)
{
	table_screen_open(t, &def, "Organizations", 0, 0);
}
