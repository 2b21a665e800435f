/* screen_skills.c - the skills roles can require (first aid, interpreters,
 * trauma-informed care) and how many people hold each. */
#include "table.h"

static const struct column cols[] = {
    {.title = "Skill", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Held by", .width = 8, .right = true, .src = "holders", .kind = CELL_INT},
};

static const enum action actions[] = {
    ACT_ADD,  ACT_EDIT, ACT_DELETE, ACT_SEARCH, ACT_EVENTS, ACT_PEOPLE, ACT_BACK, ACT_HINTS_END,
    ACT_OPEN, ACT_DOWN, ACT_UP,     ACT_PGDN,   ACT_PGUP,   ACT_HOME,   ACT_END,  ACT_NONE};

static const struct table_def def = {
    .view = "skills",
    .entity = "skill",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No skills yet: press a to add one.",
    .actions = actions,
};

void screen_skills_open(struct tui *t)
{
	table_screen_open(t, &def, "Skills", 0, 0);
}
