/* tab_reports.c - the report modes of the shifts tab, drawn from
 * core/report.h like `muster report`: H, coverage per clock hour as a bar
 * chart (filled/needed in numbers, █ filled and ░ still needed, so it reads
 * without colour; hours without shifts folded into one row); v, hours per
 * volunteer (scheduled, worked, no-shows) with a total. Each is computed
 * whole on every reload (one report call) and scrolled from memory. */
#define _GNU_SOURCE /* strcasestr */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/report.h"
#include "../core/tz.h"
#include "../core/xmalloc.h"
#include "chart.h"
#include "event.h"
#include "text.h"

#define BAR_MIN 10

/* ---- shared: rows in memory, paged like a view ------------------------ */

/* The rows of request r among n rows whose keys rise with the index: the
 * first index to take and the step (0 rows: *from = -1). */
static long first_row(const struct page_req *r, const int64_t *keys, long n)
{
	if (!r->has_after)
		return r->backward ? n - 1 : 0;
	int64_t k = r->after_key.kind == DBV_INT ? r->after_key.i : 0;
	if (!r->backward) {
		long i = 0;
		while (i < n && (keys[i] < k || (keys[i] == k && !r->inclusive)))
			i++;
		return i;
	}
	long i = n - 1;
	while (i >= 0 && (keys[i] > k || (keys[i] == k && !r->inclusive)))
		i--;
	return i;
}

/* ---- H: coverage per hour --------------------------------------------- */

struct chart_row {
	struct report_hour h;
	bool idle; /* a run of hours without shifts, h.starts to h.ends */
	bool total;
	struct report_day d; /* a day's total, after its last hour with shifts */
	int64_t key;         /* h.starts; a total's is its last hour's start + 1 */
};

static const struct column chart_cols[] = {
    {.title = "Hour", .width = 20, .kind = CELL_TEXT},
    {.title = "", .width = 0, .marked = true, .kind = CELL_TEXT}, /* the legend, set when loaded */
    {.title = "Filled/needed", .width = 13, .right = true, .kind = CELL_TEXT},
    {.title = "", .width = 8, .marked = true, .kind = CELL_TEXT},
    {.title = "Over", .width = 9, .kind = CELL_TEXT},
};

struct chart {
	struct chart_row *v;
	int64_t *keys;
	long n, cap;
	int64_t scale;
	int bar_w;
	char tz[64];
	char legend[64];
	struct column cols[ARRAY_LEN(chart_cols)];
};

static int chart_hour(void *arg, const struct report_hour *h)
{
	struct chart *c = arg;
	if (h->shifts == 0 && c->n > 0 && c->v[c->n - 1].idle) {
		c->v[c->n - 1].h.ends = h->ends;
		return 0;
	}
	XGROW(c->v, c->n, c->cap, 64);
	c->v[c->n++] = (struct chart_row){.h = *h, .idle = h->shifts == 0, .key = h->starts};
	return 0;
}

/* A day's total goes after its last hour with shifts, before the idle run
 * the day ends in. */
static int chart_total(void *arg, const struct report_day *d)
{
	struct chart *c = arg;
	XGROW(c->v, c->n, c->cap, 64);
	long at = c->n;
	if (at > 0 && c->v[at - 1].idle)
		at--;
	memmove(&c->v[at + 1], &c->v[at], (size_t)(c->n - at) * sizeof *c->v);
	c->n++;
	int64_t after = at > 0 ? c->v[at - 1].key : d->starts;
	c->v[at] = (struct chart_row){.total = true, .d = *d, .key = after + 1};
	return 0;
}

static void chart_drop(struct table *tb)
{
	struct chart *c = tb->cache;
	free(c->v);
	free(c->keys);
	free(c);
	tb->cache = NULL;
}

/* "Sat 13 Mar 09:00 EST". */
static void hour_label(const struct tui *t, const char *tz, int64_t at, char *buf, size_t n)
{
	struct tz_local l;
	char when[48];
	source_time(t, tz, at, when, sizeof when);
	tz_local(tz, at, &l);
	snprintf(buf, n, "%s %.5s", when, l.abbrev);
}

/* The hour column as wide as its widest label (12-hour times, longer zone
 * abbreviations), and the columns the bar leaves to the others. */
static int chart_widths(struct tui *t, struct chart *c)
{
	int fixed = 0;
	c->cols[0].width = (int)strlen(chart_cols[0].title);
	for (long i = 0; i < c->n; i++) {
		char label[64];
		hour_label(t, c->tz, c->v[i].h.starts, label, sizeof label);
		if (text_width(label) > c->cols[0].width)
			c->cols[0].width = text_width(label);
	}
	for (size_t i = 0; i < ARRAY_LEN(c->cols); i++)
		fixed += c->cols[i].width + (i ? 1 : 0);
	return fixed;
}

static int chart_load(struct tui *t, struct table *tb, struct err *e)
{
	struct report_event ev;
	struct chart *c = xcalloc(1, sizeof *c);
	struct report_coverage_fns fns = {.hour = chart_hour, .day = chart_total, .arg = c};
	if (report_event(t->ctx, tb->event, &ev, e) < 0 ||
	    report_coverage(t->ctx, &ev, &fns, e) < 0) {
		free(c->v);
		free(c);
		return -1;
	}
	if (tb->cache)
		chart_drop(tb);
	tb->cache = c;
	snprintf(c->tz, sizeof c->tz, "%s", ev.tz);
	c->keys = xmalloc((size_t)(c->n ? c->n : 1) * sizeof *c->keys);
	int64_t most = 0;
	for (long i = 0; i < c->n; i++) {
		c->keys[i] = c->v[i].key;
		if (!c->v[i].total && c->v[i].h.needed > most)
			most = c->v[i].h.needed;
	}
	memcpy(c->cols, chart_cols, sizeof c->cols);
	int fixed = chart_widths(t, c);
	c->bar_w = COLS - fixed > BAR_MIN ? COLS - fixed : BAR_MIN;
	c->scale = chart_scale(most, c->bar_w);
	if (c->scale > 1)
		snprintf(c->legend, sizeof c->legend,
		         "\u2588=%" PRId64 " filled \u2591=%" PRId64 " needed", c->scale, c->scale);
	else
		snprintf(c->legend, sizeof c->legend, "\u2588 filled \u2591 needed");
	c->cols[1].title = c->legend;
	tb->list.cols = c->cols;
	return 0;
}

/* "Sat 13 Mar total", "19 shifts, 38.0 h short" (volunteer-hours), places
 * filled/needed, SHORT places, over. */
static void total_cells(struct tui *t, const struct chart *c, const struct chart_row *r,
                        struct list *l)
{
	char label[64], what[96], nums[48], state[32] = "ok", over[32] = "";
	source_time(t, c->tz, r->d.starts, label, sizeof label);
	label[strlen(label) > 6 ? strlen(label) - 6 : 0] = '\0'; /* drop the time */
	snprintf(label + strlen(label), sizeof label - strlen(label), " total");
	snprintf(what, sizeof what, "%" PRId64 " shift%s, %.1f h short", r->d.short_shifts,
	         r->d.short_shifts == 1 ? "" : "s", (double)r->d.gap_seconds / 3600.0);
	snprintf(nums, sizeof nums, "%" PRId64 "/%" PRId64, r->d.filled, r->d.needed);
	if (r->d.gap)
		snprintf(state, sizeof state, "SHORT %" PRId64, r->d.gap);
	if (r->d.over)
		snprintf(over, sizeof over, "+%" PRId64 " over", r->d.over);
	const char *cells[] = {label, what, nums, state, over};
	struct db_value key = db_int(r->key);
	list_take(l, &key, r->key, 0, 0, cells, r->d.gap ? UI_UNDER : UI_FULL);
}

static void chart_take(struct tui *t, const struct chart *c, long i, struct list *l)
{
	const struct chart_row *r = &c->v[i];
	char label[64], bar[4 * 512], nums[48] = "", state[32] = "", until[64], over[32] = "";
	enum ui_role role;
	hour_label(t, c->tz, r->h.starts, label, sizeof label);
	if (r->total) {
		total_cells(t, c, r, l);
		return;
	}
	if (r->h.over)
		snprintf(over, sizeof over, "+%" PRId64 " over", r->h.over);
	if (r->idle) {
		/* "no shifts until Sun 07:00": the weekday and the hour */
		char hm[16];
		source_time(t, c->tz, r->h.ends, until, sizeof until);
		tz_format_hm(c->tz, r->h.ends, t->app->cfg.time_12h, hm, sizeof hm);
		snprintf(bar, sizeof bar, "no shifts until %.3s %s", until, hm);
		role = UI_DIM;
	} else {
		int w = c->bar_w < 512 ? c->bar_w : 511;
		chart_bar(r->h.filled, r->h.gap, c->scale, w, bar, sizeof bar);
		snprintf(nums, sizeof nums, "%" PRId64 "/%" PRId64, r->h.filled, r->h.needed);
		if (r->h.gap > 0) {
			snprintf(state, sizeof state, "SHORT %" PRId64, r->h.gap);
			role = UI_UNDER;
		} else if (r->h.filled + r->h.over < r->h.wanted) {
			snprintf(state, sizeof state, "ok");
			role = UI_PARTIAL;
		} else {
			snprintf(state, sizeof state, "full");
			role = UI_FULL;
		}
	}
	const char *cells[] = {label, bar, nums, state, over};
	struct db_value key = db_int(r->key);
	list_take(l, &key, r->key, 0, 0, cells, role);
}

static int chart_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct chart *c = tb->cache;
	if (!c)
		return 0;
	long step = r->backward ? -1 : 1;
	long i = first_row(r, c->keys, c->n);
	for (int taken = 0; i >= 0 && i < c->n && taken < r->limit; i += step, taken++)
		chart_take(tb->src.t, c, i, l);
	return 0;
}

static const enum action chart_actions[] = {
    ACT_HOURS,    ACT_VOLUNTEER_HOURS, ACT_PRINT,  ACT_NEXT_DAY,
    ACT_PREV_DAY, ACT_HINTS_END,       LIST_MOVES, ACT_NONE};

const struct table_def shifts_chart_def = {
    .view = "shifts",
    .cols = chart_cols,
    .ncols = ARRAY_LEN(chart_cols),
    .empty = "No open shifts, so no hours to cover.",
    .actions = chart_actions,
    .key = tab_shifts_key,
    .fetch = chart_fetch,
    .load = chart_load,
    .drop = chart_drop,
};

/* ---- v: hours per volunteer ------------------------------------------- */

struct volunteer_row {
	struct report_volunteer v;
	char *name;
};

struct volunteers {
	struct volunteer_row *v;
	int64_t *keys;
	long n, cap;
	struct report_volunteer total;
};

static const struct column volunteer_cols[] = {
    {.title = "Volunteer", .width = 0, .kind = CELL_TEXT},
    {.title = "Shifts", .width = 6, .right = true, .kind = CELL_INT},
    {.title = "Scheduled h", .width = 11, .right = true, .kind = CELL_TEXT},
    {.title = "Worked h", .width = 9, .right = true, .kind = CELL_TEXT},
    {.title = "No-shows", .width = 8, .right = true, .marked = true, .kind = CELL_INT},
    {.title = "On shift", .width = 8, .kind = CELL_TEXT},
};

static int volunteer_take(void *arg, const struct report_volunteer *v)
{
	struct volunteers *vs = arg;
	XGROW(vs->v, vs->n, vs->cap, 256);
	struct volunteer_row *r = &vs->v[vs->n++];
	r->v = *v;
	r->name = xstrdup(v->name);
	r->v.name = r->name;
	vs->total.shifts += v->shifts;
	vs->total.scheduled += v->scheduled;
	vs->total.worked += v->worked;
	vs->total.no_shows += v->no_shows;
	vs->total.on_shift += v->on_shift;
	return 0;
}

static void volunteers_free(struct volunteers *vs)
{
	for (long i = 0; i < vs->n; i++)
		free(vs->v[i].name);
	free(vs->v);
	free(vs->keys);
	free(vs);
}

static void volunteers_drop(struct table *tb)
{
	volunteers_free(tb->cache);
	tb->cache = NULL;
}

static int volunteers_load(struct tui *t, struct table *tb, struct err *e)
{
	struct report_event ev;
	struct volunteers *vs = xcalloc(1, sizeof *vs);
	if (report_event(t->ctx, tb->event, &ev, e) < 0 ||
	    report_hours(t->ctx, &ev, volunteer_take, vs, e) < 0) {
		volunteers_free(vs);
		return -1;
	}
	if (tb->cache)
		volunteers_drop(tb);
	tb->cache = vs;
	/* the rows, then the total after them */
	vs->keys = xmalloc((size_t)(vs->n + 1) * sizeof *vs->keys);
	for (long i = 0; i <= vs->n; i++)
		vs->keys[i] = i;
	return 0;
}

static void hours_text(int64_t seconds, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", (double)seconds / 3600.0);
}

static void volunteer_cells(struct list *l, int64_t key, int64_t person, const char *name,
                            const struct report_volunteer *v)
{
	char shifts[24], sched[24], worked[24], noshow[24], now[24] = "";
	snprintf(shifts, sizeof shifts, "%" PRId64, v->shifts);
	hours_text(v->scheduled, sched, sizeof sched);
	hours_text(v->worked, worked, sizeof worked);
	snprintf(noshow, sizeof noshow, "%" PRId64, v->no_shows);
	if (v->on_shift)
		snprintf(now, sizeof now, "yes");
	const char *cells[] = {name, shifts, sched, worked, noshow, now};
	struct db_value k = db_int(key);
	list_take(l, &k, key, person, 0, cells, v->no_shows ? UI_UNDER : UI_NORMAL);
}

static int volunteers_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e)
{
	struct table *tb = arg;
	struct volunteers *vs = tb->cache;
	if (!vs)
		return 0;
	bool search = r->search && r->search[0];
	long rows = vs->n + (search || vs->n == 0 ? 0 : 1); /* the total ends the list */
	long step = r->backward ? -1 : 1;
	long i = first_row(r, vs->keys, rows);
	for (int taken = 0; i >= 0 && i < rows && taken < r->limit; i += step) {
		if (i == vs->n) {
			char total[64];
			snprintf(total, sizeof total, "Total, %ld volunteer%s", vs->n,
			         vs->n == 1 ? "" : "s");
			volunteer_cells(l, i, 0, total, &vs->total);
		} else if (!search || strcasestr(vs->v[i].name, r->search)) {
			volunteer_cells(l, i, vs->v[i].v.person, vs->v[i].name, &vs->v[i].v);
		} else {
			continue;
		}
		taken++;
	}
	return 0;
}

static int volunteers_open(struct tui *t, struct table *tb, const struct list_row *r)
{
	if (r->row > 0)
		screen_person_open(t, r->row);
	return R_REDRAW;
}

static const enum action volunteer_actions[] = {
    ACT_VOLUNTEER_HOURS, ACT_HOURS, ACT_OPEN, ACT_SEARCH, ACT_HINTS_END, LIST_MOVES, ACT_NONE};

const struct table_def shifts_hours_def = {
    .view = "shifts",
    .cols = volunteer_cols,
    .ncols = ARRAY_LEN(volunteer_cols),
    .empty = "Nobody is on a shift of this event yet.",
    .actions = volunteer_actions,
    .key = tab_shifts_key,
    .open = volunteers_open,
    .fetch = volunteers_fetch,
    .load = volunteers_load,
    .drop = volunteers_drop,
};
