/* theme.h - what each part of the screen looks like in each theme: a role
 * (title, selected row, error, under-covered shift...) maps to colours and
 * attributes; mono and NO_COLOR use attributes only. */
#ifndef MUSTER_THEME_H
#define MUSTER_THEME_H

#include <curses.h>
#include <stdbool.h>

#include "../core/config.h"

enum ui_role {
	UI_NORMAL,
	UI_TITLE,
	UI_TAB,
	UI_TAB_ACTIVE,
	UI_HEADER,
	UI_SELECTED,
	UI_STATUS,
	UI_ERROR,
	UI_OK,
	UI_HINT,
	UI_HINT_KEY,
	UI_DIALOG,
	UI_DIALOG_TITLE,
	UI_FIELD,
	UI_FIELD_ACTIVE,
	UI_LABEL,
	UI_UNDER,   /* shift or hour short of volunteers */
	UI_PARTIAL, /* at least need_min, below need_max */
	UI_FULL,    /* need_max reached */
	UI_BLOCK,   /* a session in the timetable */
	UI_BLOCK_SEL,
	UI_DIM,
	UI_ROLES
};

/* The attribute of each role under the theme in force. */
struct ui_theme {
	attr_t attr[UI_ROLES];
};

/* Set up colour pairs for the theme (colour off when use_color is false or
 * the terminal has none) and fill th. */
void theme_apply(struct ui_theme *th, enum theme t, bool use_color);

static inline attr_t theme_attr(const struct ui_theme *th, enum ui_role r)
{
	return th->attr[r];
}

#endif
