/* theme.c - the three themes (default, mono, high-contrast) as tables of
 * colours and attributes per screen role. Nothing relies on colour alone:
 * every coloured state also has a text mark or an attribute. */
#include "theme.h"

struct look {
	short fg, bg;
	attr_t attr; /* with colour */
	attr_t mono; /* without colour */
};

#define D -1 /* the terminal's default colour */

static const struct look looks_default[UI_ROLES] = {
    [UI_NORMAL] = {D, D, A_NORMAL, A_NORMAL},
    [UI_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_TAB] = {D, D, A_NORMAL, A_NORMAL},
    [UI_TAB_ACTIVE] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD},
    [UI_HEADER] = {COLOR_CYAN, D, A_BOLD, A_UNDERLINE | A_BOLD},
    [UI_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [UI_STATUS] = {D, D, A_NORMAL, A_NORMAL},
    [UI_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [UI_OK] = {COLOR_GREEN, D, A_BOLD, A_BOLD},
    [UI_HINT] = {D, D, A_NORMAL, A_NORMAL},
    [UI_HINT_KEY] = {COLOR_YELLOW, D, A_BOLD, A_BOLD},
    [UI_DIALOG] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_NORMAL},
    [UI_DIALOG_TITLE] = {COLOR_BLUE, COLOR_WHITE, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_FIELD] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_UNDERLINE},
    [UI_FIELD_ACTIVE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
    [UI_LABEL] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_BOLD},
    [UI_UNDER] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [UI_PARTIAL] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_UNDERLINE},
    [UI_FULL] = {COLOR_GREEN, D, A_BOLD, A_NORMAL},
    [UI_BLOCK] = {COLOR_BLACK, COLOR_GREEN, A_NORMAL, A_REVERSE},
    [UI_BLOCK_SEL] = {COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_DIM] = {COLOR_BLUE, D, A_BOLD, A_DIM},
};

static const struct look looks_contrast[UI_ROLES] = {
    [UI_NORMAL] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_TITLE] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_REVERSE | A_BOLD},
    [UI_TAB] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_TAB_ACTIVE] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [UI_HEADER] = {COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE, A_UNDERLINE | A_BOLD},
    [UI_SELECTED] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE | A_BOLD},
    [UI_STATUS] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_ERROR] = {COLOR_YELLOW, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
    [UI_OK] = {COLOR_GREEN, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_HINT] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_NORMAL},
    [UI_HINT_KEY] = {COLOR_YELLOW, COLOR_BLACK, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_DIALOG] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_DIALOG_TITLE] = {COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE, A_BOLD | A_UNDERLINE},
    [UI_FIELD] = {COLOR_BLACK, COLOR_WHITE, A_BOLD, A_UNDERLINE},
    [UI_FIELD_ACTIVE] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE},
    [UI_LABEL] = {COLOR_WHITE, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_UNDER] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_BOLD | A_REVERSE},
    [UI_PARTIAL] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_UNDERLINE},
    [UI_FULL] = {COLOR_GREEN, COLOR_BLACK, A_BOLD, A_BOLD},
    [UI_BLOCK] = {COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE},
    [UI_BLOCK_SEL] = {COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_BOLD | A_UNDERLINE},
    [UI_DIM] = {COLOR_CYAN, COLOR_BLACK, A_BOLD, A_NORMAL},
};

void theme_apply(struct ui_theme *th, enum theme t, bool use_color)
{
	const struct look *looks = t == THEME_HIGH_CONTRAST ? looks_contrast : looks_default;
	bool color = use_color && t != THEME_MONO && has_colors();
	if (color) {
		start_color();
		use_default_colors();
	}
	for (int r = 0; r < UI_ROLES; r++) {
		if (!color) {
			th->attr[r] = looks[r].mono;
			continue;
		}
		init_pair((short)(r + 1), looks[r].fg, looks[r].bg);
		th->attr[r] = COLOR_PAIR(r + 1) | looks[r].attr;
	}
}
