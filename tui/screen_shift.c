/* screen_shift.c - one shift: what, when, where and how well staffed, then
 * the volunteers on it. s (or a) assigns someone, d takes them off, i and
 * o check them in and out, e edits the shift. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/page.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "ops.h"
#include "ui.h"

#define HEADER_H 4

struct shift_view {
	int64_t shift, event;
	char line1[512], line2[256], notes[512];
	enum ui_role role;
	struct table tb;
};

static int shift_key(struct tui *t, struct table *tb, enum action a);
static int shift_open_row(struct tui *t, struct table *tb, const struct list_row *r);

static const struct column cols[] = {
    {.title = "Volunteer", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Via", .width = 11, .src = "source", .kind = CELL_TEXT},
    {.title = "In", .width = 6, .src = "checked_in_at", .kind = CELL_HM},
    {.title = "Out", .width = 6, .src = "checked_out_at", .kind = CELL_HM},
    {.title = "Phone", .width = 14, .src = "phone", .kind = CELL_TEXT},
};

static const enum action actions[] = {ACT_ASSIGN, ACT_DELETE, ACT_CHECKIN,   ACT_CHECKOUT,
                                      ACT_EDIT,   ACT_ADD,    ACT_HINTS_END, ACT_OPEN,
                                      ACT_SEARCH, ACT_BACK,   LIST_MOVES,    ACT_NONE};

static const struct table_def def = {
    .view = "assignments",
    .entity = "assignment",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody on this shift yet: press s to assign a volunteer.",
    .actions = actions,
    .key = shift_key,
    .open = shift_open_row,
};

struct header {
	struct shift_view *s;
	struct tui *t;
	char tz[64];
};

static const char *text_of(const struct page_row *r, const char *name)
{
	int i = page_col("shift", name);
	return i >= 0 && r->cols[i].kind == DBV_TEXT ? r->cols[i].s : "";
}

static int64_t int_of(const struct page_row *r, const char *name)
{
	int i = page_col("shift", name);
	return i >= 0 && r->cols[i].kind == DBV_INT ? r->cols[i].i : 0;
}

static int take_header(void *arg, const struct page_row *r)
{
	struct header *h = arg;
	struct shift_view *s = h->s;
	char span[96], cover[96];
	source_span(h->t, h->tz, int_of(r, "starts"), int_of(r, "ends"), span, sizeof span);
	const char *place = text_of(r, "place");
	snprintf(s->line1, sizeof s->line1, "%s   %s%s%s", text_of(r, "role"), span,
	         place[0] ? "   at " : "", place);
	bool cancelled = strcmp(text_of(r, "status"), "cancelled") == 0;
	s->role = source_cover(int_of(r, "need_min"), int_of(r, "need_max"), int_of(r, "filled"),
	                       cancelled, cover, sizeof cover);
	snprintf(s->line2, sizeof s->line2,
	         "Staffed: %s   (needs %" PRId64 ", takes up to %" PRId64 ")", cover,
	         int_of(r, "need_min"), int_of(r, "need_max"));
	snprintf(s->notes, sizeof s->notes, "%s", text_of(r, "notes"));
	s->event = int_of(r, "event");
	return 1;
}

static void load_header(struct shift_view *s, struct tui *t)
{
	struct header h = {s, t, ""};
	struct err e = {0};
	snprintf(s->line1, sizeof s->line1, "shift %" PRId64 " no longer exists", s->shift);
	s->line2[0] = s->notes[0] = '\0';
	if (entity_tz_of(t->ctx, entity_find("shift"), s->shift, h.tz, sizeof h.tz, &e) < 0)
		return;
	struct page_req r = {.scope = s->shift, .limit = 1};
	if (page_fetch(t->ctx, "shift", &r, take_header, &h, &e) < 0)
		tui_error(t, &e);
}

static void sh_layout(struct view *v, struct tui *t)
{
	struct shift_view *s = v->st;
	table_resize(&s->tb, t, t->body_h - HEADER_H);
}

static void sh_draw(struct view *v, struct tui *t)
{
	struct shift_view *s = v->st;
	int y = t->body_y;
	attr_t normal = theme_attr(&t->theme, UI_NORMAL);
	ui_text(stdscr, y, 1, COLS - 1, s->line1, normal | A_BOLD);
	ui_fill(stdscr, y, 0, 1, normal);
	ui_fill(stdscr, y + 1, 0, COLS, normal);
	ui_text_tight(stdscr, y + 1, 1, COLS - 1, s->line2, theme_attr(&t->theme, s->role));
	ui_text(stdscr, y + 2, 1, COLS - 1, s->notes, normal);
	ui_fill(stdscr, y + 2, 0, 1, normal);
	ui_fill(stdscr, y + 3, 0, COLS, normal);
	table_draw(&s->tb, t, stdscr, y + HEADER_H, 0, t->body_h - HEADER_H, COLS);
}

struct who {
	int64_t shift, person;
};

static int unassign_yes(struct tui *t, void *arg)
{
	struct who *w = arg;
	struct err e = {0};
	if (ops_unassign(t->ctx, w->shift, w->person, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Taken off the shift.");
	return R_RELOAD;
}

static int shift_key(struct tui *t, struct table *tb, enum action a)
{
	struct shift_view *s = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	struct err e = {0};
	switch (a) {
	case ACT_ASSIGN:
	case ACT_ADD:
		screen_assign_open(t, s->shift);
		return R_REDRAW;
	case ACT_DELETE: {
		if (!r)
			return R_NONE;
		struct who *w = xmalloc(sizeof *w);
		w->shift = s->shift;
		w->person = r->aux;
		char q[600];
		snprintf(q, sizeof q, "Take %s off this shift?", r->cells[0]);
		dialog_confirm(t, "Unassign", q, unassign_yes, w, free);
		return R_REDRAW;
	}
	case ACT_CHECKIN:
	case ACT_CHECKOUT:
		if (!r)
			return R_NONE;
		if ((a == ACT_CHECKIN ? ops_shift_checkin : ops_shift_checkout)(t->ctx, s->shift,
		                                                                r->aux, &e) < 0) {
			table_fail(t, &e);
			return R_REDRAW;
		}
		tui_info(t, "%s: %s.", a == ACT_CHECKIN ? "Checked in" : "Checked out",
		         r->cells[0]);
		return R_RELOAD;
	case ACT_EDIT:
		form_open(t, &(struct form_spec){
		                 .ent = entity_find("shift"), .id = s->shift, .event = s->event});
		return R_REDRAW;
	default:
		return -1;
	}
}

/* Enter: the assignment itself (status, times). */
static int shift_open_row(struct tui *t, struct table *tb, const struct list_row *r)
{
	struct shift_view *s = tb->owner;
	form_open(t, &(struct form_spec){
	                 .ent = entity_find("assignment"), .id = r->row, .event = s->event});
	return R_REDRAW;
}

static int sh_key(struct view *v, struct tui *t, enum action a, const struct key *k)
{
	struct shift_view *s = v->st;
	int r = table_key(&s->tb, t, a);
	if (r >= 0)
		return r;
	return a == ACT_BACK ? R_POP : -1;
}

static void sh_reload(struct view *v, struct tui *t)
{
	struct shift_view *s = v->st;
	load_header(s, t);
	table_reload(&s->tb, t);
}

static void sh_leave(struct view *v, struct tui *t)
{
	struct shift_view *s = v->st;
	table_free(&s->tb);
	free(s);
}

static const struct screen shift_screen = {
    .name = "shift",
    .actions = actions,
    .draw = sh_draw,
    .key = sh_key,
    .reload = sh_reload,
    .layout = sh_layout,
    .leave = sh_leave,
};

void screen_shift_open(struct tui *t, int64_t shift)
{
	struct shift_view *s = xcalloc(1, sizeof *s);
	s->shift = shift;
	load_header(s, t);
	table_init(&s->tb, t, &def, shift, s->event);
	s->tb.owner = s;
	char title[64];
	snprintf(title, sizeof title, "Shift %" PRId64, shift);
	tui_push(t, &shift_screen, s, title);
}
