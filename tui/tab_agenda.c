/* tab_agenda.c - the event's timetable, one local day at a time: rooms
 * across, half hours down, sessions as blocks. a adds a session in the room
 * and at the time under the cursor, Enter opens the one there (its speakers), e
 * edits it, d deletes it, r adds a room, [ and ] change the day. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/checked.h"
#include "../core/page.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "event.h"
#include "grid.h"
#include "ui.h"

#define MAX_DAYS 62

struct agenda {
	struct event_info ev;
	struct grid g;
	int64_t days[MAX_DAYS];
	int ndays, day;
	bool placed; /* the cursor has been put on the day's first session */
};

static const enum action actions[] = {ACT_ADD,      ACT_OPEN,     ACT_EDIT,     ACT_DELETE,
                                      ACT_NEXT_DAY, ACT_PREV_DAY, ACT_ADD_ROOM, ACT_HINTS_END,
                                      ACT_LEFT,     ACT_RIGHT,    LIST_MOVES,   ACT_NONE};

static void find_days(struct agenda *a)
{
	const char *tz = a->ev.tz;
	a->ndays = 0;
	for (int64_t d = tz_day_start(tz, a->ev.span_from);
	     d < a->ev.span_to && a->ndays < MAX_DAYS; d = tz_day_start(tz, ck_add(d, 30 * 3600)))
		a->days[a->ndays++] = d;
	if (a->ndays == 0)
		a->days[a->ndays++] = tz_day_start(tz, a->ev.starts);
}

static void *ag_open(struct tui *t, const struct event_info *ev)
{
	struct agenda *a = xcalloc(1, sizeof *a);
	a->ev = *ev;
	snprintf(a->g.tz, sizeof a->g.tz, "%s", ev->tz);
	find_days(a);
	/* start on today when the event is on, else its first day */
	int64_t now = clock_now(t->ctx->clock);
	for (int i = 0; i < a->ndays; i++)
		if (now >= a->days[i])
			a->day = i;
	if (now > a->ev.span_to)
		a->day = 0;
	return a;
}

static int take_room(void *arg, const struct page_row *r)
{
	struct grid *g = arg;
	if (g->nrooms >= GRID_MAX_ROOMS)
		return 1;
	struct grid_room *room = &g->rooms[g->nrooms++];
	room->id = r->row;
	snprintf(room->name, sizeof room->name, "%s",
	         r->cols[0].kind == DBV_TEXT ? r->cols[0].s : "");
	int kind = page_col("rooms", "kind");
	room->booth_area = kind >= 0 && r->cols[kind].kind == DBV_TEXT &&
	                   strcmp(r->cols[kind].s, "booth_area") == 0;
	return 0;
}

static const char *text_col(const struct page_row *r, const char *name)
{
	int i = page_col("agenda", name);
	return i >= 0 && r->cols[i].kind == DBV_TEXT ? r->cols[i].s : "";
}

static int64_t int_col(const struct page_row *r, const char *name)
{
	int i = page_col("agenda", name);
	return i >= 0 && r->cols[i].kind == DBV_INT ? r->cols[i].i : 0;
}

static int take_session(void *arg, const struct page_row *r)
{
	struct grid *g = arg;
	struct grid_session s = {.id = r->row,
	                         .room = int_col(r, "room_id"),
	                         .starts = int_col(r, "starts"),
	                         .ends = int_col(r, "ends")};
	snprintf(s.title, sizeof s.title, "%s", text_col(r, "title"));
	snprintf(s.status, sizeof s.status, "%s", text_col(r, "status"));
	snprintf(s.kind, sizeof s.kind, "%s", text_col(r, "kind"));
	grid_add_session(g, &s);
	return 0;
}

static void ag_reload(void *st, struct tui *t)
{
	struct agenda *a = st;
	struct grid *g = &a->g;
	struct err e = {0};
	int64_t from = a->days[a->day];
	int64_t to =
	    a->day + 1 < a->ndays ? a->days[a->day + 1] : tz_day_start(a->ev.tz, from + 30 * 3600);
	g->day_start = from;
	g->nslots = (int)((to - from) / GRID_SLOT);
	int64_t keep_room = g->nrooms ? g->rooms[g->cur_room].id : -1;
	g->nrooms = 0;
	struct page_req rooms = {.scope = a->ev.id, .limit = GRID_MAX_ROOMS - 1};
	struct page_req day = {.scope = a->ev.id, .from = from, .to = to, .limit = 2000};
	grid_clear_sessions(g);
	if (page_fetch(t->ctx, "rooms", &rooms, take_room, g, &e) < 0 ||
	    page_fetch(t->ctx, "agenda", &day, take_session, g, &e) < 0)
		tui_error(t, &e);
	for (int i = 0; i < g->nsessions; i++) {
		if (g->sessions[i].room == 0) { /* sessions without a room get a column */
			g->rooms[g->nrooms].id = 0;
			snprintf(g->rooms[g->nrooms++].name, sizeof g->rooms[0].name, "(no room)");
			break;
		}
	}
	for (int i = 0; i < g->nrooms; i++)
		if (g->rooms[i].id == keep_room)
			g->cur_room = i;
	if (g->cur_room >= g->nrooms)
		g->cur_room = g->nrooms > 0 ? g->nrooms - 1 : 0;
	if (!a->placed) {
		/* the first session of the day, else 09:00 */
		int64_t first = from + 9 * 3600;
		for (int i = 0; i < g->nsessions; i++)
			if (g->sessions[i].starts < first && g->sessions[i].starts >= from)
				first = g->sessions[i].starts;
		g->cur_slot = grid_slot_of(g, first);
		g->top_slot = g->cur_slot;
		a->placed = true;
	}
	if (g->cur_slot >= g->nslots)
		g->cur_slot = g->nslots - 1;
}

static void ag_draw(void *st, struct tui *t, int y, int h)
{
	struct agenda *a = st;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	char day[64], line[256];
	struct tz_local l;
	tz_local(a->ev.tz, a->days[a->day] + 12 * 3600, &l);
	tz_format_human(a->ev.tz, a->days[a->day] + 12 * 3600, false, day, sizeof day);
	day[strlen(day) > 6 ? strlen(day) - 6 : 0] = '\0'; /* drop the time */
	snprintf(line, sizeof line, "%s %d \xc2\xb7 day %d of %d ([ ] other days) \xc2\xb7 %s time",
	         day, l.year, a->day + 1, a->ndays, a->ev.tz);
	ui_text(stdscr, y, 0, COLS, line, normal | A_BOLD);
	if (a->g.nrooms == 0) {
		for (int i = 1; i < h; i++)
			ui_fill(stdscr, y + i, 0, COLS, normal);
		ui_text(stdscr, y + 2, 2, COLS - 4,
		        "No rooms yet: press r to add a room, then a to add sessions.",
		        theme_attr(&t->theme, UI_DIM));
		return;
	}
	grid_draw(&a->g, t, y + 1, h - 2);
	const struct grid_session *s = grid_current(&a->g);
	char detail[512];
	if (s) {
		char span[64];
		source_span(t, a->ev.tz, s->starts, s->ends, span, sizeof span);
		snprintf(detail, sizeof detail, "%s  %s  (%s, %s)  Enter opens, e edits", span,
		         s->title, s->kind, s->status);
	} else {
		char hm[16];
		tz_format_hm(a->ev.tz, a->g.day_start + (int64_t)a->g.cur_slot * GRID_SLOT,
		             t->app->cfg.time_12h, hm, sizeof hm);
		const struct grid_room *room = &a->g.rooms[a->g.cur_room];
		snprintf(detail, sizeof detail, "%s%s at %s is free: a adds a session here",
		         room->name, room->booth_area ? " (booth area)" : "", hm);
	}
	ui_text(stdscr, y + h - 1, 0, COLS, detail, theme_attr(&t->theme, UI_STATUS) | A_BOLD);
}

/* A new session in the room and half hour under the cursor, one hour long. */
static int add_session(struct tui *t, struct agenda *a)
{
	struct form_spec spec = {.ent = entity_find("session"), .event = a->ev.id};
	int64_t from = a->g.day_start + (int64_t)a->g.cur_slot * GRID_SLOT;
	char a1[32], a2[32];
	tz_format(a->ev.tz, from, a1, sizeof a1);
	tz_format(a->ev.tz, from + 3600, a2, sizeof a2);
	if (a->g.nrooms && a->g.rooms[a->g.cur_room].id)
		form_preset(&spec, "room", "%" PRId64, a->g.rooms[a->g.cur_room].id);
	form_preset(&spec, "starts", "%s", a1);
	form_preset(&spec, "ends", "%s", a2);
	form_open(t, &spec);
	return R_REDRAW;
}

static int ag_key(void *st, struct tui *t, enum action act)
{
	struct agenda *a = st;
	const struct grid_session *s = grid_current(&a->g);
	if (grid_move(&a->g, act))
		return R_REDRAW;
	switch (act) {
	case ACT_NEXT_DAY:
	case ACT_PREV_DAY: {
		int d = a->day + (act == ACT_NEXT_DAY ? 1 : -1);
		if (d < 0 || d >= a->ndays) {
			tui_info(t, "The event has no %s day.", d < 0 ? "earlier" : "later");
			return R_REDRAW;
		}
		a->day = d;
		a->placed = false;
		ag_reload(a, t);
		return R_REDRAW;
	}
	case ACT_ADD:
		if (s && a->g.nrooms && a->g.rooms[a->g.cur_room].id) {
			/* the line above names the session there */
			tui_info(t,
			         "%s is taken then: Enter opens that session; a on a free cell "
			         "adds one.",
			         a->g.rooms[a->g.cur_room].name);
			return R_REDRAW;
		}
		return add_session(t, a);
	case ACT_OPEN: /* a session's screen (its speakers), or a new one here */
		if (!s)
			return add_session(t, a);
		screen_session_open(t, s->id);
		return R_REDRAW;
	case ACT_EDIT:
		if (!s)
			return R_NONE;
		form_open(t, &(struct form_spec){
		                 .ent = entity_find("session"), .id = s->id, .event = a->ev.id});
		return R_REDRAW;
	case ACT_DELETE:
		return s ? table_delete_row(t, entity_find("session"), s->id) : R_NONE;
	case ACT_ADD_ROOM:
		form_open(t, &(struct form_spec){.ent = entity_find("room"), .event = a->ev.id});
		return R_REDRAW;
	default:
		return -1;
	}
}

static void ag_resize(void *st, struct tui *t, int h)
{
	struct agenda *a = st;
	a->g.rows = h - 3;
}

static void ag_free(void *st)
{
	struct agenda *a = st;
	grid_free(&a->g);
	free(a);
}

int64_t tab_agenda_day(const void *st)
{
	const struct agenda *a = st;
	return a->days[a->day];
}

static const struct tab_ops ops = {
    .open = ag_open,
    .draw = ag_draw,
    .key = ag_key,
    .reload = ag_reload,
    .resize = ag_resize,
    .free = ag_free,
    .actions = actions,
};

const struct tab tab_agenda = {
    .name = "Agenda",
    .ops = &ops,
};
