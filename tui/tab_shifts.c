/* tab_shifts.c - volunteer shifts with their coverage: filled against
 * needed per shift, marked in words (SHORT 2, ok, full) as well as colour;
 * u keeps only shifts still short, H switches to coverage per hour. Enter
 * opens a shift to staff it; s assigns a volunteer straight away. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/coverage.h"
#include "../core/tz.h"
#include "event.h"

static int shifts_key(struct tui *t, struct table *tb, enum action a);
static int shifts_open(struct tui *t, struct table *tb, const struct list_row *r);
static void shifts_preset(struct tui *t, struct table *tb, struct form_spec *spec);
static int hours_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e);

static const struct column cols[] = {
    {"When", 22, false, false, "starts", CELL_SPAN},
    {"Role", 18, false, false, "role", CELL_TEXT},
    {"Where", 0, false, false, "where", CELL_TEXT},
    {"Filled/needed", 14, false, true, NULL, CELL_COVER},
};

static const struct column hour_cols[] = {
    {"Hour", 22, false, false, NULL, CELL_TEXT},   {"Shifts", 6, true, false, NULL, CELL_TEXT},
    {"Needed", 6, true, false, NULL, CELL_TEXT},   {"Filled", 6, true, false, NULL, CELL_TEXT},
    {"Coverage", 0, false, true, NULL, CELL_TEXT},
};

static const enum action actions[] = {ACT_OPEN,     ACT_ASSIGN,   ACT_UNDER,  ACT_HOURS,
                                      ACT_NEXT_DAY, ACT_ADD,      ACT_EDIT,   ACT_DELETE,
                                      ACT_SEARCH,   ACT_PREV_DAY, LIST_MOVES, ACT_NONE};
static const enum action hour_actions[] = {ACT_HOURS, ACT_NEXT_DAY, ACT_PREV_DAY, LIST_MOVES,
                                           ACT_NONE};

static const struct table_def all_def = {
    .view = "shifts",
    .entity = "shift",
    .cols = cols,
    .ncols = 4,
    .empty = "No shifts yet: add roles (tab 6), then press a here.",
    .actions = actions,
    .hints = 6,
    .key = shifts_key,
    .open = shifts_open,
    .preset = shifts_preset,
};

static const struct table_def under_def = {
    .view = "shifts_under",
    .entity = "shift",
    .cols = cols,
    .ncols = 4,
    .empty = "Every open shift has at least the volunteers it needs (u: all shifts).",
    .actions = actions,
    .hints = 6,
    .key = shifts_key,
    .open = shifts_open,
    .preset = shifts_preset,
};

static const struct table_def hours_def = {
    .view = "shifts",
    .cols = hour_cols,
    .ncols = 5,
    .empty = "No open shifts, so no hours to cover.",
    .actions = hour_actions,
    .hints = 2,
    .key = shifts_key,
    .fetch = hours_fetch,
};

const struct tab tab_shifts = {"Shifts", &all_def, NULL};

struct hours_ctx {
	struct table *tb;
	struct list *l;
};

static int take_hour(void *arg, const struct coverage_hour *h)
{
	struct hours_ctx *hc = arg;
	struct tui *t = hc->tb->src.t;
	const char *tz = hc->tb->src.tz;
	char when[64], shifts[16], need[16], filled[16], cover[64];
	source_span(t, tz, h->starts, h->ends, when, sizeof when);
	snprintf(shifts, sizeof shifts, "%" PRId64, h->sums.shifts);
	snprintf(need, sizeof need, "%" PRId64, h->sums.need_min);
	snprintf(filled, sizeof filled, "%" PRId64, h->sums.filled);
	enum ui_role role;
	if (h->sums.short_by > 0) {
		snprintf(cover, sizeof cover, "SHORT %" PRId64 " volunteer%s", h->sums.short_by,
		         h->sums.short_by == 1 ? "" : "s");
		role = UI_UNDER;
	} else if (h->sums.filled < h->sums.need_max) {
		snprintf(cover, sizeof cover, "ok, room for %" PRId64 " more",
		         h->sums.need_max - h->sums.filled);
		role = UI_PARTIAL;
	} else {
		snprintf(cover, sizeof cover, "full");
		role = UI_FULL;
	}
	const char *cells[] = {when, shifts, need, filled, cover};
	struct db_value key = db_int(h->starts);
	list_take(hc->l, &key, h->starts, 0, 0, cells, role);
	return 0;
}

static int hours_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct coverage_req req = {.event = tb->event,
	                           .has_after = r->has_after,
	                           .after = r->has_after ? r->after_key.i : 0,
	                           .inclusive = r->inclusive,
	                           .backward = r->backward,
	                           .limit = r->limit};
	struct hours_ctx hc = {tb, l};
	return coverage_hours(tb->src.t->ctx, &req, take_hour, &hc, e);
}

static int shifts_key(struct tui *t, struct table *tb, enum action a)
{
	const struct list_row *r = list_current(&tb->list);
	switch (a) {
	case ACT_UNDER: {
		bool under = tb->def != &under_def;
		table_switch(tb, t, under ? &under_def : &all_def);
		tui_info(t, under ? "Only shifts still short of volunteers (u: all shifts)."
		                  : "All shifts (u: only those still short).");
		return R_REDRAW;
	}
	case ACT_HOURS: {
		bool hours = tb->def != &hours_def;
		table_switch(tb, t, hours ? &hours_def : &all_def);
		tui_info(t, hours ? "Coverage per hour of open shifts (H: per shift)."
		                  : "Coverage per shift (H: per hour).");
		return R_REDRAW;
	}
	case ACT_NEXT_DAY:
	case ACT_PREV_DAY:
		return table_day_jump(t, tb, a == ACT_NEXT_DAY);
	case ACT_ASSIGN:
		if (!r || tb->def == &hours_def)
			return R_NONE;
		screen_assign_open(t, r->row);
		return R_REDRAW;
	default:
		return -1;
	}
}

static int shifts_open(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_shift_open(t, r->row);
	return R_REDRAW;
}

/* A new shift: the event's first day, 09:00 to 11:00. */
static void shifts_preset(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct err e = {0};
	struct record ev;
	if (!tb->src.tz[0] || record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) < 0)
		return;
	struct tz_local l;
	if (tz_local(tb->src.tz, record_int(&ev, "starts"), &l) == 0) {
		form_preset(spec, "starts", "%04d-%02d-%02d 09:00", l.year, l.month, l.day);
		form_preset(spec, "ends", "%04d-%02d-%02d 11:00", l.year, l.month, l.day);
	}
	record_free(&ev);
}
