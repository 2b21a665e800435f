/* grid.h - the timetable: rooms across, time down in half-hour slots of one
 * local day, sessions drawn as blocks (title, then times) in their room's
 * column, a cursor on one room and slot. Columns scroll sideways when the
 * rooms do not fit, slots up and down. */
#ifndef MUSTER_GRID_H
#define MUSTER_GRID_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "tui.h"

#define GRID_MAX_ROOMS 64
#define GRID_SLOT      1800 /* seconds per row */

struct grid_room {
	int64_t id; /* 0: sessions without a room */
	char name[96];
	bool booth_area; /* a floor for booths: the header says so */
};

struct grid_session {
	int64_t id, room, starts, ends;
	char title[160], status[16], kind[16];
};

struct grid {
	char tz[64];
	int64_t day_start; /* UTC instant of local midnight */
	int nslots;        /* rows in the day (46, 48 or 50 across DST) */
	struct grid_room rooms[GRID_MAX_ROOMS];
	int nrooms;
	struct grid_session *sessions;
	int nsessions, cap;
	int cur_room, cur_slot;   /* the cursor */
	int top_slot, first_room; /* what is scrolled into view */
	int rows, cols_shown;     /* set by grid_draw */
};

void grid_clear_sessions(struct grid *g);
void grid_add_session(struct grid *g, const struct grid_session *s);
void grid_free(struct grid *g);
/* The session under the cursor, or NULL. */
const struct grid_session *grid_current(const struct grid *g);
/* Cursor moves for arrows, pages, home/end; 1 when taken. */
int grid_move(struct grid *g, enum action a);
/* The slot holding instant at (clamped). */
int grid_slot_of(const struct grid *g, int64_t at);
/* Scroll so that slot is in view. */
void grid_show_slot(struct grid *g, int slot);
void grid_draw(struct grid *g, struct tui *t, int y, int h);

#endif
