/* grid.c - drawing and moving about the timetable. Each room column shows
 * its sessions as blocks: the first line of a block is the title, the second
 * its times, the rest filled; a session that starts before the slots in view
 * shows its title on the first visible line. Cancelled sessions read
 * "(cancelled)"; two sessions in one room at once are drawn with "!!". */
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/checked.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "text.h"
#include "ui.h"

#define TIME_W 6 /* "09:30 " */

void grid_clear_sessions(struct grid *g)
{
	g->nsessions = 0;
}

void grid_add_session(struct grid *g, const struct grid_session *s)
{
	XGROW(g->sessions, g->nsessions, g->cap, 32);
	g->sessions[g->nsessions++] = *s;
}

void grid_free(struct grid *g)
{
	free(g->sessions);
	g->sessions = NULL;
	g->nsessions = g->cap = 0;
}

static int64_t slot_start(const struct grid *g, int slot)
{
	return g->day_start + (int64_t)slot * GRID_SLOT;
}

int grid_slot_of(const struct grid *g, int64_t at)
{
	int64_t s = ck_sub(at, g->day_start) / GRID_SLOT;
	return s < 0 ? 0 : s >= g->nslots ? g->nslots - 1 : (int)s;
}

/* The session in room r covering slot s (the latest starting when two do). */
static const struct grid_session *at(const struct grid *g, int r, int s)
{
	const struct grid_session *best = NULL;
	if (r < 0 || r >= g->nrooms)
		return NULL;
	int64_t from = slot_start(g, s), to = from + GRID_SLOT;
	for (int i = 0; i < g->nsessions; i++) {
		const struct grid_session *x = &g->sessions[i];
		if (x->room != g->rooms[r].id || x->starts >= to || x->ends <= from)
			continue;
		if (!best || x->starts > best->starts)
			best = x;
	}
	return best;
}

static bool clashes(const struct grid *g, const struct grid_session *s)
{
	if (strcmp(s->status, "cancelled") == 0 || s->room == 0)
		return false;
	for (int i = 0; i < g->nsessions; i++) {
		const struct grid_session *x = &g->sessions[i];
		if (x != s && x->room == s->room && strcmp(x->status, "cancelled") != 0 &&
		    x->starts < s->ends && s->starts < x->ends)
			return true;
	}
	return false;
}

const struct grid_session *grid_current(const struct grid *g)
{
	return at(g, g->cur_room, g->cur_slot);
}

void grid_show_slot(struct grid *g, int slot)
{
	int rows = g->rows > 0 ? g->rows : 10;
	if (slot < g->top_slot)
		g->top_slot = slot;
	if (slot >= g->top_slot + rows)
		g->top_slot = slot - rows + 1;
	if (g->top_slot > g->nslots - rows)
		g->top_slot = g->nslots - rows;
	if (g->top_slot < 0)
		g->top_slot = 0;
}

/* Sideways the view turns a page of rooms at a time: shifting the columns
 * by one room would rewrite every cell on every key (a terminal scrolls
 * lines, not columns), a page turn only every few keys. */
static void show_room(struct grid *g)
{
	int shown = g->cols_shown > 0 ? g->cols_shown : 1;
	g->first_room = g->cur_room / shown * shown;
}

int grid_move(struct grid *g, enum action a)
{
	int rows = g->rows > 1 ? g->rows : 10;
	switch (a) {
	case ACT_UP:
		g->cur_slot--;
		break;
	case ACT_DOWN:
		g->cur_slot++;
		break;
	case ACT_LEFT:
		g->cur_room--;
		break;
	case ACT_RIGHT:
		g->cur_room++;
		break;
	case ACT_PGUP:
		g->cur_slot -= rows;
		break;
	case ACT_PGDN:
		g->cur_slot += rows;
		break;
	case ACT_HOME:
		g->cur_slot = 0;
		break;
	case ACT_END:
		g->cur_slot = g->nslots - 1;
		break;
	default:
		return 0;
	}
	if (g->cur_slot < 0)
		g->cur_slot = 0;
	if (g->cur_slot >= g->nslots)
		g->cur_slot = g->nslots - 1;
	if (g->cur_room < 0)
		g->cur_room = 0;
	if (g->cur_room >= g->nrooms)
		g->cur_room = g->nrooms - 1;
	grid_show_slot(g, g->cur_slot);
	show_room(g);
	return 1;
}

/* What line `line` of a block `lines` tall shows: the title, wrapped over
 * every line but the last, which holds the times. */
static void block_text(struct tui *t, const struct grid *g, const struct grid_session *s, int line,
                       int lines, int width, char *buf, size_t n)
{
	bool cancelled = strcmp(s->status, "cancelled") == 0;
	char title[256];
	snprintf(title, sizeof title, "%s%s%s", clashes(g, s) ? "!! " : "", s->title,
	         cancelled ? " (cancelled)" : "");
	buf[0] = '\0';
	if (lines > 1 && line == lines - 1) {
		char a[16], b[16];
		tz_format_hm(g->tz, s->starts, t->app->cfg.time_12h, a, sizeof a);
		tz_format_hm(g->tz, s->ends, t->app->cfg.time_12h, b, sizeof b);
		snprintf(buf, n, "%s-%s", a, b);
		return;
	}
	int title_lines = lines > 1 ? lines - 1 : 1;
	int more = ui_wrap_line(title, width, line, buf, n);
	if (more == 2 && line == title_lines - 1) {
		/* the last title line ends with an ellipsis when the title goes on */
		char fit[512];
		if (text_width(buf) < width)
			snprintf(fit, sizeof fit, "%s\xe2\x80\xa6", buf);
		else
			text_fit(buf, width - 1, fit, sizeof fit);
		snprintf(buf, n, "%s", fit);
	}
}

static void draw_cell(struct grid *g, struct tui *t, int r, int slot, int y, int x, int w)
{
	const struct grid_session *s = at(g, r, slot);
	bool cursor = r == g->cur_room && slot == g->cur_slot;
	if (!s) {
		attr_t a = theme_attr(&t->theme, cursor ? UI_SELECTED : UI_NORMAL);
		/* a dotted line on the hour helps the eye across */
		bool hour = (slot_start(g, slot) - g->day_start) % 3600 == 0;
		ui_text(stdscr, y, x, w, cursor ? "" : hour ? "\xc2\xb7" : "", a);
		return;
	}
	const struct grid_session *cur = grid_current(g);
	bool sel = cur == s;
	attr_t a = theme_attr(&t->theme, sel ? UI_BLOCK_SEL : UI_BLOCK);
	if (strcmp(s->status, "cancelled") == 0)
		a = theme_attr(&t->theme, UI_DIM) | (sel ? A_REVERSE : 0);
	int first = grid_slot_of(g, s->starts), last = grid_slot_of(g, ck_sub(s->ends, 1));
	if (first < g->top_slot)
		first = g->top_slot;
	if (last > g->top_slot + g->rows - 1)
		last = g->top_slot + g->rows - 1;
	char text[256];
	block_text(t, g, s, slot - first, last - first + 1, w - 1, text, sizeof text);
	/* a block's edge: "▏" keeps neighbouring blocks apart without colour */
	ui_text(stdscr, y, x, 1, "\xe2\x96\x8f", a);
	ui_text(stdscr, y, x + 1, w - 1, text, cursor ? a | A_UNDERLINE : a);
}

/* A room's name; a booth area's kind after it, kept whole ("Exhibit H…
 * (booth area)") when the column is narrow. */
static void room_header(const struct grid_room *room, WINDOW *w, int y, int x, int width, attr_t a)
{
	static const char *const tags[] = {" (booth area)", " (booths)"};
	const char *tag = tags[0];
	if (room->booth_area && text_width(room->name) + text_width(tag) > width)
		tag = tags[1];
	int name_w = width - text_width(tag);
	if (!room->booth_area || name_w < 4) {
		ui_text(w, y, x, width, room->booth_area ? tag + 1 : room->name, a);
		return;
	}
	int used = ui_text_tight(w, y, x, name_w, room->name, a);
	ui_text(w, y, x + used, width - used, tag, a);
}

void grid_draw(struct grid *g, struct tui *t, int y, int h)
{
	attr_t head = theme_attr(&t->theme, UI_HEADER), normal = theme_attr(&t->theme, UI_NORMAL);
	int width = COLS - TIME_W;
	int colw = g->nrooms ? width / g->nrooms : width;
	if (colw < 16)
		colw = 16;
	if (colw > 40)
		colw = 40;
	g->cols_shown = width / colw;
	if (g->cols_shown < g->nrooms)
		colw = width / (g->cols_shown > 0 ? g->cols_shown : 1); /* share what is left */
	if (g->cols_shown < 1)
		g->cols_shown = 1;
	g->rows = h - 1;
	show_room(g);
	grid_show_slot(g, g->cur_slot);
	ui_fill(stdscr, y, 0, COLS, head);
	ui_text(stdscr, y, 0, TIME_W, "", head);
	for (int c = 0; c < g->cols_shown && g->first_room + c < g->nrooms; c++) {
		const struct grid_room *room = &g->rooms[g->first_room + c];
		room_header(room, stdscr, y, TIME_W + c * colw, colw - 1, head);
	}
	/* rooms out of view: a mark in the time column, arrows to get there */
	char marks[16];
	snprintf(marks, sizeof marks, "%s%s", g->first_room > 0 ? "\xe2\x97\x80" : " ",
	         g->first_room + g->cols_shown < g->nrooms ? " \xe2\x96\xb6" : "");
	ui_text(stdscr, y, 0, TIME_W - 1, marks, head);
	for (int i = 0; i < g->rows; i++) {
		int slot = g->top_slot + i, row_y = y + 1 + i;
		ui_fill(stdscr, row_y, 0, COLS, normal);
		if (slot >= g->nslots)
			continue;
		char hm[16];
		tz_format_hm(g->tz, slot_start(g, slot), t->app->cfg.time_12h, hm, sizeof hm);
		ui_text(stdscr, row_y, 0, TIME_W, hm,
		        slot == g->cur_slot ? theme_attr(&t->theme, UI_HEADER) : normal);
		for (int c = 0; c < g->cols_shown && g->first_room + c < g->nrooms; c++)
			draw_cell(g, t, g->first_room + c, slot, row_y, TIME_W + c * colw,
			          colw - 1);
	}
}
