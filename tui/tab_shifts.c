/* tab_shifts.c - volunteer shifts with their coverage: filled against
 * needed per shift, marked in words (SHORT 2, ok, full) as well as colour;
 * u keeps only shifts still short; H shows coverage per hour as a chart and
 * v hours per volunteer (tab_reports.c). Enter opens a shift to staff it;
 * s assigns a volunteer straight away; p prints the roster (the chart per
 * hour in H); F proposes an auto-fill of the selected shift's day
 * (screen_autofill.c); c copies the selected shift, C its day's shifts to
 * another day (shifts_copy.c). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/tz.h"
#include "event.h"
#include "print_prompt.h"

static int shifts_open(struct tui *t, struct table *tb, const struct list_row *r);
static void shifts_preset(struct tui *t, struct table *tb, struct form_spec *spec);

static const struct column cols[] = {
    {.title = "When", .width = 22, .src = "starts", .kind = CELL_SPAN},
    {.title = "Role", .width = 18, .src = "role", .kind = CELL_TEXT},
    {.title = "Where", .width = 0, .src = "where", .kind = CELL_TEXT},
    {.title = "Filled/needed", .width = 14, .marked = true, .kind = CELL_COVER},
};

static const enum action actions[] = {
    ACT_OPEN,  ACT_ASSIGN, ACT_UNDER,  ACT_NEXT_DAY,        ACT_PREV_DAY,  ACT_AUTOFILL,
    ACT_COPY,  ACT_ADD,    ACT_HOURS,  ACT_VOLUNTEER_HOURS, ACT_HINTS_END, ACT_COPY_DAY,
    ACT_PRINT, ACT_EDIT,   ACT_DELETE, ACT_SEARCH,          LIST_MOVES,    ACT_NONE};
static const struct table_def all_def = {
    .view = "shifts",
    .entity = "shift",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "No shifts yet: add roles (tab 6), then press a here.",
    .actions = actions,
    .key = tab_shifts_key,
    .open = shifts_open,
    .preset = shifts_preset,
    .noun = "shifts",
    .flag_word = "short",
};

static const struct table_def under_def = {
    .view = "shifts_under",
    .entity = "shift",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Every open shift has at least the volunteers it needs (u: all shifts).",
    .actions = actions,
    .key = tab_shifts_key,
    .open = shifts_open,
    .preset = shifts_preset,
    .noun = "shifts still short",
    .noun_one = "shift still short",
};

const struct tab tab_shifts = {
    .name = "Shifts",
    .table = &all_def,
};

/* Into a report mode, or back to every shift when already there. */
static int to_mode(struct tui *t, struct table *tb, const struct table_def *mode)
{
	bool into = tb->def != mode;
	table_switch(tb, t, into ? mode : &all_def);
	if (!into)
		tui_info(t, "Coverage per shift (H: per hour, v: hours per volunteer).");
	else if (mode == &shifts_hours_def)
		tui_info(t, "Hours per volunteer: scheduled, worked (check-in to check-out), "
		            "no-shows (v: shifts).");
	else
		tui_info(t,
		         "Per hour: places filled up to each shift's need; over apart (H: shifts)");
	return R_REDRAW;
}

int tab_shifts_key(struct tui *t, struct table *tb, enum action a)
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
	case ACT_HOURS:
		return to_mode(t, tb, &shifts_chart_def);
	case ACT_VOLUNTEER_HOURS:
		return to_mode(t, tb, &shifts_hours_def);
	case ACT_NEXT_DAY:
	case ACT_PREV_DAY:
		return table_day_jump(t, tb, a == ACT_NEXT_DAY);
	case ACT_PRINT:
		print_prompt(t, tb->event,
		             tb->def == &shifts_chart_def ? PRINT_COVERAGE : PRINT_ROSTER);
		return R_REDRAW;
	case ACT_ASSIGN:
		if (!r || tb->def->load)
			return R_NONE;
		screen_assign_open(t, r->row);
		return R_REDRAW;
	case ACT_COPY:
	case ACT_COPY_DAY:
		if (!r || tb->def->load)
			return R_NONE;
		return a == ACT_COPY ? shifts_copy_one(t, tb->event, r->row)
		                     : shifts_copy_day(t, tb, r->row);
	case ACT_AUTOFILL:
		if (!r || tb->def->load || r->key.kind != DBV_INT)
			return R_NONE;
		screen_autofill_open(t, tb->event, tb->src.tz, r->key.i);
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
	/* on the day being viewed (the row at the cursor), else the first */
	if (tz_local(tb->src.tz, table_time_in_view(tb, record_int(&ev, "starts")), &l) == 0) {
		form_preset(spec, "starts", "%04d-%02d-%02d 09:00", l.year, l.month, l.day);
		form_preset(spec, "ends", "%04d-%02d-%02d 11:00", l.year, l.month, l.day);
	}
	record_free(&ev);
}
