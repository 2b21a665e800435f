/* screen_events.c - the first screen: every event, soonest first; Enter
 * opens one with its tabs. Above the list, a warning line while the kiosks
 * pause sign-ins after more wrong PINs than [kiosk] global_failures_per_minute
 * (someone may be guessing PINs), and for an hour after. */
#include <stdio.h>
#include <stdlib.h>

#include "../core/kiosk.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "table.h"
#include "ui.h"

static const struct column cols[] = {
    {.title = "Event", .width = 0, .src = "name", .kind = CELL_TEXT},
    {.title = "Starts", .width = 18, .src = "starts", .kind = CELL_TIME},
    {.title = "Status", .width = 9, .src = "status", .kind = CELL_TEXT},
    {.title = "Venue", .width = 16, .src = "venue", .kind = CELL_TEXT},
    {.title = "Regd", .width = 5, .right = true, .src = "registered", .kind = CELL_INT},
};

static const enum action actions[] = {ACT_OPEN,      ACT_ADD,    ACT_EDIT,   ACT_DELETE,
                                      ACT_SEARCH,    ACT_ORGS,   ACT_PEOPLE, ACT_BACK,
                                      ACT_HINTS_END, LIST_MOVES, ACT_NONE};

static int open_event(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_event_open(t, r->row);
	return R_REDRAW;
}

static const struct table_def def = {
    .view = "events",
    .entity = "event",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No events yet: press a to add one (or run muster demo).",
    .actions = actions,
    .open = open_event,
};

struct events_view {
	struct table tb;
	char warning[2][256]; /* the kiosks' wrong PINs; "" when there is nothing to say */
};

/* The warning lines from the wrong PINs at every kiosk. */
static void load_warning(struct events_view *s, struct tui *t)
{
	struct kiosk_failures f;
	struct err e = {0};
	char at[16];
	s->warning[0][0] = s->warning[1][0] = '\0';
	if (kiosk_failures(t->ctx, &f, &e) < 0) {
		tui_error(t, &e);
		return;
	}
	if (f.paused_at) {
		tz_format_hm("UTC", f.paused_at, t->app->cfg.time_12h, at, sizeof at);
		snprintf(s->warning[0], sizeof s->warning[0],
		         "Kiosk sign-ins paused at %s UTC: someone may be guessing PINs.", at);
		snprintf(s->warning[1], sizeof s->warning[1],
		         "%d wrong PINs on %d codes this hour (limit: %d a minute, [kiosk] "
		         "global_failures_per_minute; see the audit log)",
		         f.last_hour, f.codes_last_hour, f.limit);
	} else if (f.paused_now) {
		snprintf(s->warning[0], sizeof s->warning[0],
		         "Kiosk sign-ins paused: someone may be guessing PINs.");
		snprintf(s->warning[1], sizeof s->warning[1],
		         "%d wrong PINs in the last minute, the most [kiosk] "
		         "global_failures_per_minute allows",
		         f.last_minute);
	}
}

/* Rows above the list. */
static int top_rows(const struct events_view *s)
{
	return s->warning[0][0] ? 2 : 0;
}

static void ev_layout(struct view *v, struct tui *t)
{
	struct events_view *s = v->st;
	table_resize(&s->tb, t, t->body_h - top_rows(s));
}

static void ev_draw(struct view *v, struct tui *t)
{
	struct events_view *s = v->st;
	int top = top_rows(s);
	for (int i = 0; i < top; i++)
		ui_text(stdscr, t->body_y + i, 0, COLS, s->warning[i],
		        theme_attr(&t->theme, UI_ERROR));
	table_draw(&s->tb, t, stdscr, t->body_y + top, 0, t->body_h - top, COLS);
}

static int ev_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct events_view *s = v->st;
	int r = table_key(&s->tb, t, a);
	if (r >= 0)
		return r;
	if (a == ACT_BACK)
		return t->depth > 1 ? R_POP : R_QUIT;
	return -1;
}

static void ev_reload(struct view *v, struct tui *t)
{
	struct events_view *s = v->st;
	int before = top_rows(s);
	load_warning(s, t);
	if (top_rows(s) != before)
		ev_layout(v, t);
	table_reload(&s->tb, t);
}

static bool ev_idle(struct view *v, struct tui *t)
{
	struct events_view *s = v->st;
	return table_idle(&s->tb, t);
}

static void ev_leave(struct view *v, struct tui *t)
{
	struct events_view *s = v->st;
	table_free(&s->tb);
	free(s);
}

static const struct screen events_screen = {
    .name = "events",
    .actions = actions,
    .draw = ev_draw,
    .key = ev_key,
    .reload = ev_reload,
    .layout = ev_layout,
    .leave = ev_leave,
    .idle = ev_idle,
};

void screen_events_open(struct tui *t)
{
	struct events_view *s = xcalloc(1, sizeof *s);
	load_warning(s, t);
	table_init(&s->tb, t, &def, 0, 0);
	s->tb.owner = s;
	tui_push(t, &events_screen, s, "Events");
}
