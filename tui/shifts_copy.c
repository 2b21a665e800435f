/* shifts_copy.c - copying work on the Shifts tab: c opens a new shift's
 * form filled from the selected one (volunteers left out), C copies the
 * selected shift's day, of its role or of every role, to a day the lead
 * types (c on a shift's own screen copies that shift) (core/shift_copy.h does the copying). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/shift_copy.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "event.h"
#include "picker.h"

/* The fields a copied shift starts with (the rest are a new shift's). */
static const char *const copied[] = {"role", "room",     "booth",    "starts",
                                     "ends", "need_min", "need_max", "notes"};

int shifts_copy_one(struct tui *t, int64_t event, int64_t shift)
{
	const struct entity_def *ent = entity_find("shift");
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, ent, shift, &r, &e) < 0) {
		table_fail(t, &e);
		return R_RELOAD;
	}
	struct form_spec spec = {.ent = ent, .event = event};
	for (size_t i = 0; i < sizeof copied / sizeof copied[0]; i++) {
		char value[256];
		record_format_field(&r, (size_t)entity_field_known(ent, copied[i]), value,
		                    sizeof value);
		if (value[0])
			form_preset(&spec, copied[i], "%s", value);
	}
	record_free(&r);
	form_open(t, &spec);
	tui_info(t,
	         "A copy of shift %" PRId64 ", without its volunteers: change what differs, "
	         "then save.",
	         shift);
	return R_REDRAW;
}

/* What C is copying: the day of the selected shift, and its role. */
struct copy_day {
	int64_t event, role; /* role 0 once "every role" is chosen */
	char from[16], suggest[16], day_name[64], role_name[128];
	char labels[2][192];
	const char *values[3];
};

static int copy_to(struct tui *t, void *arg, const char *text)
{
	struct copy_day *cd = arg;
	struct err e = {0};
	int n = 0;
	char day[64];
	snprintf(day, sizeof day, "%s", text);
	for (size_t len = strlen(day); len && day[len - 1] == ' '; len--)
		day[len - 1] = '\0';
	if (shift_copy_day(t->ctx, cd->event, cd->role, cd->from, day, &n, &e) < 0) {
		table_fail(t, &e);
		return R_REDRAW;
	}
	tui_info(t, "Copied %d shift%s%s%s from %s to %s: needs kept, no volunteers.", n,
	         n == 1 ? "" : "s", cd->role ? " of " : "", cd->role ? cd->role_name : "", cd->from,
	         day);
	return R_RELOAD;
}

static int roles_chosen(struct tui *t, void *arg, int64_t index, const char *label)
{
	struct copy_day *cd = xmalloc(sizeof *cd);
	memcpy(cd, arg, sizeof *cd);
	if (index == 1)
		cd->role = 0;
	char q[512];
	snprintf(q, sizeof q,
	         "Copy the open shifts of %s on %s to which day? Each copy keeps its place, "
	         "hours, need_min and need_max; volunteers are left out.",
	         cd->role ? cd->role_name : "every role", cd->day_name);
	dialog_prompt(t, "Copy a day's shifts", q, "Day (YYYY-MM-DD): ", cd->suggest, copy_to, cd,
	              free);
	return R_REDRAW;
}

/* The event's next day after the one at t (the one before on its last). */
static void suggest_day(struct tui *t, struct table *tb, int64_t at, char *buf, size_t n)
{
	struct record ev;
	struct err e = {0};
	const char *tz = tb->src.tz;
	int64_t next = tz_day_start(tz, tz_day_start(tz, at) + 30 * 3600);
	if (record_get(t->ctx, entity_find("event"), tb->event, &ev, &e) == 0) {
		int64_t end = record_int(&ev, "ends");
		if (next >= end)
			next = tz_day_start(tz, tz_day_start(tz, at) - 1);
		record_free(&ev);
	}
	struct tz_local l;
	if (tz_local(tz, next, &l) == 0)
		snprintf(buf, n, "%04d-%02d-%02d", l.year, l.month, l.day);
}

int shifts_copy_day(struct tui *t, struct table *tb, int64_t shift)
{
	struct record r, role;
	struct err e = {0};
	if (!tb->src.tz[0] || record_get(t->ctx, entity_find("shift"), shift, &r, &e) < 0) {
		table_fail(t, &e);
		return R_RELOAD;
	}
	struct copy_day *cd = xcalloc(1, sizeof *cd);
	cd->event = tb->event;
	cd->role = record_int(&r, "role");
	int64_t at = record_int(&r, "starts");
	record_free(&r);
	if (record_get(t->ctx, entity_find("role"), cd->role, &role, &e) == 0) {
		snprintf(cd->role_name, sizeof cd->role_name, "%s", record_text(&role, "name"));
		record_free(&role);
	}
	struct tz_local l;
	if (tz_local(tb->src.tz, at, &l) == 0)
		snprintf(cd->from, sizeof cd->from, "%04d-%02d-%02d", l.year, l.month, l.day);
	tz_format_human(tb->src.tz, at, false, cd->day_name, sizeof cd->day_name);
	cd->day_name[strlen(cd->day_name) > 6 ? strlen(cd->day_name) - 6 : 0] = '\0';
	suggest_day(t, tb, at, cd->suggest, sizeof cd->suggest);
	snprintf(cd->labels[0], sizeof cd->labels[0], "%s only", cd->role_name);
	snprintf(cd->labels[1], sizeof cd->labels[1], "every role");
	cd->values[0] = cd->labels[0];
	cd->values[1] = cd->labels[1];
	char title[160];
	snprintf(title, sizeof title, "Copy shifts of %s: which roles?", cd->day_name);
	picker_values(t, title, cd->values, roles_chosen, cd, free);
	return R_REDRAW;
}
