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
    [UI_NORMAL] = {.fg = D, .bg = D, .attr = A_NORMAL, .mono = A_NORMAL},
    [UI_TITLE] = {.fg = COLOR_WHITE, .bg = COLOR_BLUE, .attr = A_BOLD, .mono = A_REVERSE | A_BOLD},
    [UI_TAB] = {.fg = D, .bg = D, .attr = A_NORMAL, .mono = A_NORMAL},
    [UI_TAB_ACTIVE] = {.fg = COLOR_BLACK,
                       .bg = COLOR_CYAN,
                       .attr = A_BOLD,
                       .mono = A_REVERSE | A_BOLD},
    [UI_HEADER] = {.fg = COLOR_CYAN, .bg = D, .attr = A_BOLD, .mono = A_UNDERLINE | A_BOLD},
    [UI_SELECTED] = {.fg = COLOR_BLACK, .bg = COLOR_CYAN, .attr = A_NORMAL, .mono = A_REVERSE},
    [UI_STATUS] = {.fg = D, .bg = D, .attr = A_NORMAL, .mono = A_NORMAL},
    [UI_ERROR] = {.fg = COLOR_WHITE, .bg = COLOR_RED, .attr = A_BOLD, .mono = A_REVERSE | A_BOLD},
    [UI_OK] = {.fg = COLOR_GREEN, .bg = D, .attr = A_BOLD, .mono = A_BOLD},
    [UI_HINT] = {.fg = D, .bg = D, .attr = A_NORMAL, .mono = A_NORMAL},
    [UI_HINT_KEY] = {.fg = COLOR_YELLOW, .bg = D, .attr = A_BOLD, .mono = A_BOLD},
    [UI_DIALOG] = {.fg = COLOR_BLACK, .bg = COLOR_WHITE, .attr = A_NORMAL, .mono = A_NORMAL},
    [UI_DIALOG_TITLE] = {.fg = COLOR_BLUE,
                         .bg = COLOR_WHITE,
                         .attr = A_BOLD,
                         .mono = A_BOLD | A_UNDERLINE},
    [UI_FIELD] = {.fg = COLOR_BLACK, .bg = COLOR_CYAN, .attr = A_NORMAL, .mono = A_UNDERLINE},
    [UI_FIELD_ACTIVE] = {.fg = COLOR_WHITE, .bg = COLOR_BLUE, .attr = A_BOLD, .mono = A_REVERSE},
    [UI_LABEL] = {.fg = COLOR_BLACK, .bg = COLOR_WHITE, .attr = A_BOLD, .mono = A_BOLD},
    [UI_UNDER] = {.fg = COLOR_WHITE, .bg = COLOR_RED, .attr = A_BOLD, .mono = A_BOLD | A_REVERSE},
    [UI_PARTIAL] = {.fg = COLOR_BLACK, .bg = COLOR_YELLOW, .attr = A_NORMAL, .mono = A_UNDERLINE},
    [UI_FULL] = {.fg = COLOR_GREEN, .bg = D, .attr = A_BOLD, .mono = A_NORMAL},
    [UI_BLOCK] = {.fg = COLOR_BLACK, .bg = COLOR_GREEN, .attr = A_NORMAL, .mono = A_REVERSE},
    [UI_BLOCK_SEL] = {.fg = COLOR_WHITE,
                      .bg = COLOR_MAGENTA,
                      .attr = A_BOLD,
                      .mono = A_BOLD | A_UNDERLINE},
    [UI_DIM] = {.fg = COLOR_BLUE, .bg = D, .attr = A_BOLD, .mono = A_DIM},
};

static const struct look looks_contrast[UI_ROLES] = {
    [UI_NORMAL] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_TITLE] = {.fg = COLOR_BLACK, .bg = COLOR_WHITE, .attr = A_BOLD, .mono = A_REVERSE | A_BOLD},
    [UI_TAB] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_TAB_ACTIVE] = {.fg = COLOR_BLACK,
                       .bg = COLOR_YELLOW,
                       .attr = A_BOLD,
                       .mono = A_REVERSE | A_BOLD},
    [UI_HEADER] = {.fg = COLOR_YELLOW,
                   .bg = COLOR_BLACK,
                   .attr = A_BOLD | A_UNDERLINE,
                   .mono = A_UNDERLINE | A_BOLD},
    [UI_SELECTED] = {.fg = COLOR_BLACK,
                     .bg = COLOR_YELLOW,
                     .attr = A_BOLD,
                     .mono = A_REVERSE | A_BOLD},
    [UI_STATUS] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_ERROR] = {.fg = COLOR_YELLOW, .bg = COLOR_RED, .attr = A_BOLD, .mono = A_REVERSE | A_BOLD},
    [UI_OK] = {.fg = COLOR_GREEN, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_HINT] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_NORMAL},
    [UI_HINT_KEY] = {.fg = COLOR_YELLOW,
                     .bg = COLOR_BLACK,
                     .attr = A_BOLD,
                     .mono = A_BOLD | A_UNDERLINE},
    [UI_DIALOG] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_DIALOG_TITLE] = {.fg = COLOR_YELLOW,
                         .bg = COLOR_BLACK,
                         .attr = A_BOLD | A_UNDERLINE,
                         .mono = A_BOLD | A_UNDERLINE},
    [UI_FIELD] = {.fg = COLOR_BLACK, .bg = COLOR_WHITE, .attr = A_BOLD, .mono = A_UNDERLINE},
    [UI_FIELD_ACTIVE] = {.fg = COLOR_BLACK, .bg = COLOR_YELLOW, .attr = A_BOLD, .mono = A_REVERSE},
    [UI_LABEL] = {.fg = COLOR_WHITE, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_UNDER] = {.fg = COLOR_WHITE, .bg = COLOR_RED, .attr = A_BOLD, .mono = A_BOLD | A_REVERSE},
    [UI_PARTIAL] = {.fg = COLOR_BLACK, .bg = COLOR_YELLOW, .attr = A_BOLD, .mono = A_UNDERLINE},
    [UI_FULL] = {.fg = COLOR_GREEN, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_BOLD},
    [UI_BLOCK] = {.fg = COLOR_BLACK, .bg = COLOR_CYAN, .attr = A_BOLD, .mono = A_REVERSE},
    [UI_BLOCK_SEL] = {.fg = COLOR_BLACK,
                      .bg = COLOR_YELLOW,
                      .attr = A_BOLD,
                      .mono = A_BOLD | A_UNDERLINE},
    [UI_DIM] = {.fg = COLOR_CYAN, .bg = COLOR_BLACK, .attr = A_BOLD, .mono = A_NORMAL},
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
