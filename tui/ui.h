/* ui.h - the one module that talks to curses directly for setup, colours and
 * reading keys, plus the few drawing primitives every widget uses. Every
 * string drawn through ui_text is sanitized (tui/text.h) and fitted to its
 * columns, wide characters counted, so database text never reaches the
 * terminal raw and columns stay aligned. */
#ifndef MUSTER_UI_H
#define MUSTER_UI_H

#include <curses.h>
#include <stdbool.h>

#include "../core/err.h"
#include "keymap.h"
#include "theme.h"

/* Start curses on the terminal with the theme (NO_COLOR honoured); ERR_USAGE
 * when there is no terminal. */
int ui_start(struct ui_theme *th, const struct config *cfg, struct err *e);
void ui_stop(void);
/* Wait up to timeout_ms for a key: 1 and *k filled, 0 on timeout, -1 when
 * the terminal is gone. A resize arrives as the function key KEY_RESIZE. */
int ui_read(struct key *k, int timeout_ms);
/* Is a key (or anything) waiting to be read? Asked often by long work done
 * between keys, so that it gives way. */
bool ui_key_waiting(void);
/* Draw s at (y, x) in exactly `width` columns (cut with "…" or padded). */
void ui_text(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* Draw s at (y, x) using only the columns it needs (at most width); returns
 * the columns used. */
int ui_text_tight(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
/* Draw s right-aligned in width columns. */
void ui_text_right(WINDOW *w, int y, int x, int width, const char *s, attr_t a);
void ui_fill(WINDOW *w, int y, int x, int width, attr_t a);
/* A border with a title on the top line. */
void ui_frame(WINDOW *w, const char *title, attr_t border, attr_t title_attr);
/* Word-wrap text into at most maxlines lines of width columns, drawn from
 * (y, x); a newline in text ends a line (never shown as a mark). Returns
 * the lines used. */
int ui_wrap(WINDOW *w, int y, int x, int width, int maxlines, const char *text, attr_t a);
/* Line k of text wrapped at width into out: 0 when there is no such line,
 * 1 when it is the last, 2 when more follows. */
int ui_wrap_line(const char *text, int width, int k, char *out, size_t n);
/* Lines text needs when wrapped at width. */
int ui_wrap_count(int width, const char *text);

#endif
