/* screen_shift.c - one shift: what, when, where and how well staffed, then
 * the volunteers on it. s (or a) assigns someone, d takes them off, i and
 * o check them in and out, e edits the shift, c copies it into a new
 * shift's form (without its volunteers). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/page.h"
#include "../core/staffing.h"
#include "detail.h"
#include "event.h"

static int shift_key(struct tui *t, struct table *tb, enum action a);
static int shift_open_row(struct tui *t, struct table *tb, const struct list_row *r);

static const struct column cols[] = {
    {.title = "Volunteer", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "Status", .width = 11, .src = "status", .kind = CELL_TEXT},
    {.title = "Via", .width = 11, .src = "source", .kind = CELL_TEXT},
    {.title = "In", .width = 6, .src = "checked_in_at", .kind = CELL_HM},
    {.title = "Out", .width = 6, .src = "checked_out_at", .kind = CELL_HM},
    {.title = "Phone", .width = 14, .src = "phone", .kind = CELL_TEXT, .keep = true},
};

static const enum action actions[] = {
    ACT_ASSIGN,    ACT_DELETE, ACT_CHECKIN, ACT_CHECKOUT, ACT_EDIT,   ACT_ADD, ACT_COPY,
    ACT_HINTS_END, ACT_OPEN,   ACT_SEARCH,  ACT_BACK,     LIST_MOVES, ACT_NONE};

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
	struct detail *d;
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

/* Role, time and place; how well staffed, in the coverage colours; the
 * notes. */
static int take_header(void *arg, const struct page_row *r)
{
	struct header *h = arg;
	struct detail *d = h->d;
	char span[96], cover[96];
	source_span(h->t, h->tz, int_of(r, "starts"), int_of(r, "ends"), span, sizeof span);
	const char *place = text_of(r, "place");
	snprintf(d->line[0], sizeof d->line[0], "%s   %s%s%s", text_of(r, "role"), span,
	         place[0] ? "   at " : "", place);
	bool cancelled = strcmp(text_of(r, "status"), "cancelled") == 0;
	d->role[1] = source_cover(int_of(r, "need_min"), int_of(r, "need_max"), int_of(r, "filled"),
	                          cancelled, cover, sizeof cover);
	snprintf(d->line[1], sizeof d->line[1],
	         "Staffed: %s   (needs %" PRId64 ", takes up to %" PRId64 ")", cover,
	         int_of(r, "need_min"), int_of(r, "need_max"));
	snprintf(d->line[2], sizeof d->line[2], "%s", text_of(r, "notes"));
	d->event = int_of(r, "event");
	return 1;
}

static void load_header(struct detail *d, struct tui *t)
{
	struct header h = {d, t, ""};
	struct err e = {0};
	snprintf(d->line[0], sizeof d->line[0], "shift %" PRId64 " no longer exists", d->id);
	if (entity_tz_of(t->ctx, entity_find("shift"), d->id, h.tz, sizeof h.tz, &e) < 0)
		return;
	struct page_req r = {.scope = d->id, .limit = 1};
	if (page_fetch(t->ctx, "shift", &r, take_header, &h, &e) < 0)
		tui_error(t, &e);
}

static int shift_key(struct tui *t, struct table *tb, enum action a)
{
	struct detail *d = tb->owner;
	const struct list_row *r = list_current(&tb->list);
	struct err e = {0};
	switch (a) {
	case ACT_ASSIGN:
	case ACT_ADD:
		screen_assign_open(t, d->id);
		return R_REDRAW;
	case ACT_DELETE: {
		if (!r)
			return R_NONE;
		char q[600];
		snprintf(q, sizeof q, "Take %s off this shift?", r->cells[0]);
		screen_assign_take_off(t, d->id, r->aux, q);
		return R_REDRAW;
	}
	case ACT_CHECKIN:
	case ACT_CHECKOUT:
		if (!r)
			return R_NONE;
		if ((a == ACT_CHECKIN ? staffing_checkin : staffing_checkout)(t->ctx, d->id, r->aux,
		                                                              &e) < 0) {
			table_fail(t, &e);
			return R_REDRAW;
		}
		tui_info(t, "%s: %s.", a == ACT_CHECKIN ? "Checked in" : "Checked out",
		         r->cells[0]);
		return R_RELOAD;
	case ACT_EDIT:
		form_open(t, &(struct form_spec){
		                 .ent = entity_find("shift"), .id = d->id, .event = d->event});
		return R_REDRAW;
	case ACT_COPY:
		return shifts_copy_one(t, d->event, d->id);
	default:
		return -1;
	}
}

/* Enter: the assignment itself (status, times). */
static int shift_open_row(struct tui *t, struct table *tb, const struct list_row *r)
{
	struct detail *d = tb->owner;
	form_open(t, &(struct form_spec){
	                 .ent = entity_find("assignment"), .id = r->row, .event = d->event});
	return R_REDRAW;
}

static const struct detail_def shift_detail = {
    .name = "shift",
    .title = "Shift",
    .actions = actions,
    .tables = &def,
    .ntables = 1,
    .header_lines = 3,
    .load = load_header,
};

void screen_shift_open(struct tui *t, int64_t shift)
{
	detail_open(t, &shift_detail, shift);
}
