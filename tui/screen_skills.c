/* screen_skills.c - the skills roles can require (first aid, interpreters,
 * trauma-informed care) and how many people hold each. */
#include "table.h"

static const struct column cols[] = {
    {"Skill", 0, false, false, "name", CELL_TEXT},
    {"Held by", 8, true, false, "holders", CELL_INT},
};

static const enum action actions[] = {ACT_ADD,    ACT_EDIT, ACT_DELETE, ACT_SEARCH, ACT_EVENTS,
                                      ACT_PEOPLE, ACT_BACK, ACT_OPEN,   ACT_DOWN,   ACT_UP,
                                      ACT_PGDN,   ACT_PGUP, ACT_HOME,   ACT_END,    ACT_NONE};

static const struct table_def def = {
    .view = "skills",
    .entity = "skill",
    .cols = cols,
    .ncols = 2,
    .empty = "No skills yet: press a to add one.",
    .actions = actions,
    .hints = 7,
};

void screen_skills_open(struct tui *t)
{
	table_screen_open(t, &def, "Skills", 0, 0);
}
