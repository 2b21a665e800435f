/* screen_session.c - one session: when, where, what, and the people on it
 * (speakers, moderators, panelists, hosts). a adds one, e changes their
 * role, d takes them off, Enter opens the person, ^E edits the session. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "event.h"
#include "source.h"
#include "ui.h"

#define HEADER_H 3

static int session_key(struct tui *t, struct table *tb, enum action a);
static int open_person(struct tui *t, struct table *tb, const struct list_row *r);
static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec);

static const enum action actions[] = {ACT_ADD,    ACT_EDIT,      ACT_DELETE, ACT_EDIT_THIS,
                                      ACT_OPEN,   ACT_HINTS_END, ACT_SEARCH, ACT_BACK,
                                      LIST_MOVES, ACT_NONE};

static const struct column cols[] = {
    {.title = "Person", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "As", .width = 12, .src = "role", .kind = CELL_TEXT},
};

static const struct table_def def = {
    .view = "speakers",
    .entity = "speaker",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody on this session yet: a adds a speaker, moderator, panelist or host.",
    .actions = actions,
    .key = session_key,
    .open = open_person,
    .preset = preset_session,
};

struct session_view {
	int64_t id, event;
	char line1[512], line2[512];
	struct table tb;
};

static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct session_view *s = tb->owner;
	form_preset(spec, "session", "%" PRId64, s->id);
}

static void load_header(struct session_view *s, struct tui *t)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("session"), s->id, &r, &e) < 0) {
		snprintf(s->line1, sizeof s->line1, "%s", e.msg);
		s->line2[0] = '\0';
		return;
	}
	s->event = record_int(&r, "event");
	char span[96], room[160] = "no room";
	source_span(t, r.tz, record_int(&r, "starts"), record_int(&r, "ends"), span, sizeof span);
	if (record_has(&r, "room")) {
		struct record rm;
		if (record_get(t->ctx, entity_find("room"), record_int(&r, "room"), &rm, &e) == 0) {
			snprintf(room, sizeof room, "%s", record_text(&rm, "name"));
			record_free(&rm);
		}
	}
	const char *desc = record_text(&r, "description");
	snprintf(s->line1, sizeof s->line1, "%s   %s   %s", record_text(&r, "title"), span, room);
	snprintf(s->line2, sizeof s->line2, "%s, %s%s%s", record_text(&r, "kind"),
	         record_text(&r, "status"), desc ? ": " : "", desc ? desc : "");
	record_free(&r);
}

static int session_key(struct tui *t, struct table *tb, enum action a)
{
	struct session_view *s = tb->owner;
	if (a != ACT_EDIT_THIS)
		return -1;
	form_open(
	    t, &(struct form_spec){.ent = entity_find("session"), .id = s->id, .event = s->event});
	return R_REDRAW;
}

static int open_person(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->aux);
	return R_REDRAW;
}

static void sv_layout(struct view *v, struct tui *t)
{
	struct session_view *s = v->st;
	table_resize(&s->tb, t, t->body_h - HEADER_H);
}

static void sv_draw(struct view *v, struct tui *t)
{
	struct session_view *s = v->st;
	int y = t->body_y;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	ui_fill(stdscr, y, 0, 1, normal);
	ui_text(stdscr, y, 1, COLS - 1, s->line1, normal | A_BOLD);
	ui_fill(stdscr, y + 1, 0, 1, normal);
	ui_text(stdscr, y + 1, 1, COLS - 1, s->line2, normal);
	ui_fill(stdscr, y + 2, 0, COLS, normal);
	table_draw(&s->tb, t, stdscr, y + HEADER_H, 0, t->body_h - HEADER_H, COLS);
}

static int sv_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct session_view *s = v->st;
	int r = table_key(&s->tb, t, a);
	if (r >= 0)
		return r;
	return a == ACT_BACK ? R_POP : -1;
}

static void sv_reload(struct view *v, struct tui *t)
{
	struct session_view *s = v->st;
	load_header(s, t);
	table_reload(&s->tb, t);
}

static void sv_leave(struct view *v, struct tui *t)
{
	struct session_view *s = v->st;
	table_free(&s->tb);
	free(s);
}

static const struct screen session_screen = {
    .name = "session",
    .actions = actions,
    .draw = sv_draw,
    .key = sv_key,
    .reload = sv_reload,
    .layout = sv_layout,
    .leave = sv_leave,
};

void screen_session_open(struct tui *t, int64_t session)
{
	struct session_view *s = xcalloc(1, sizeof *s);
	s->id = session;
	load_header(s, t);
	table_init(&s->tb, t, &def, session, s->event);
	s->tb.owner = s;
	char title[64];
	snprintf(title, sizeof title, "Session %" PRId64, session);
	tui_push(t, &session_screen, s, title);
}
