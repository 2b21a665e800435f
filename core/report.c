/* report.c - coverage, hours and attendance of one event: rows from
 * db/report_store.c, sums per clock hour of the event's zone, sign-ups per
 * session; handed to callbacks, never printed. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "../db/report_store.h"
#include "rules.h"
#include "checked.h"
#include "tz.h"
#include "xmalloc.h"

/* A row whose times lie outside what muster stores (another program wrote
 * them): refused, rather than walked hour by hour over millennia. */
static int out_of_range(const char *what, int64_t id, const char *tz, int64_t starts, int64_t ends,
                        struct err *e)
{
	char a[40], b[40];
	tz_format(tz, starts, a, sizeof a);
	tz_format(tz, ends, b, sizeof b);
	return err_set(e, ERR_DB,
	               "%s %lld runs from %s to %s, outside the years muster keeps (1900-9999): "
	               "another program wrote it; correct it with muster set %s %lld starts=... "
	               "ends=...",
	               what, (long long)id, a, b, what, (long long)id);
}

int report_event(struct ctx *c, int64_t event, struct report_event *out, struct err *e)
{
	struct report_store_event ev;
	if (report_store_event(c->db, event, &ev, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = event;
	memcpy(out->name, ev.name, sizeof out->name);
	memcpy(out->tz, ev.tz, sizeof out->tz);
	out->starts = ev.starts;
	out->ends = ev.ends;
	out->capacity = ev.capacity;
	if (!tz_instant_ok(ev.starts) || !tz_instant_ok(ev.ends))
		return out_of_range("event", event, out->tz, ev.starts, ev.ends, e);
	return 0;
}

/* A callback's verdict as a report's return value. */
static int stopped(int ret)
{
	return ret < 0 ? -1 : 0;
}

/* ---- coverage ----------------------------------------------------------- */

struct span {
	int64_t starts, ends, need_min, need_max, filled, gap, over;
};

struct coverage {
	const struct report_coverage_fns *fns;
	const struct report_event *ev;
	struct span *v;
	size_t n, cap;
	struct err *e;
};

void report_shift_numbers(int64_t need_min, int64_t filled, int64_t *gap, int64_t *over)
{
	*gap = need_min > filled ? ck_sub(need_min, filled) : 0;
	*over = filled > need_min ? ck_sub(filled, need_min < 0 ? 0 : need_min) : 0;
}

static int coverage_shift(void *arg, const struct report_store_shift *s)
{
	struct coverage *cv = arg;
	if (!tz_instant_ok(s->starts) || !tz_instant_ok(s->ends))
		return out_of_range("shift", s->id, cv->ev->tz, s->starts, s->ends, cv->e);
	int64_t gap, over;
	report_shift_numbers(s->need_min, s->filled, &gap, &over);
	XGROW(cv->v, cv->n, cv->cap, 64);
	cv->v[cv->n++] =
	    (struct span){s->starts, s->ends, s->need_min, s->need_max, s->filled, gap, over};
	if (!cv->fns->shift)
		return 0;
	struct report_shift row = {s->id,       s->role,     s->place,  s->starts, s->ends,
	                           s->need_min, s->need_max, s->filled, gap,       over};
	return cv->fns->shift(cv->fns->arg, &row);
}

/* Places of shift s that count as filled: up to its need_min. */
static int64_t places_filled(const struct span *s)
{
	return ck_sub(s->need_min > 0 ? s->need_min : 0, s->gap);
}

/* The start of the clock hour (in tz) holding t. */
static int64_t hour_floor(const char *tz, int64_t t)
{
	struct tz_local l;
	tz_local(tz, t, &l);
	return ck_sub(t, l.minute * 60 + l.second);
}

/* The next clock-hour boundary after t (t itself on one). */
static int64_t hour_next(const char *tz, int64_t t)
{
	int64_t n = hour_floor(tz, ck_add(t, 3600));
	return n > t ? n : ck_add(t, 3600);
}

static void hour_sum(const struct coverage *cv, struct report_hour *h)
{
	for (size_t i = 0; i < cv->n && cv->v[i].starts < h->ends; i++) {
		const struct span *s = &cv->v[i];
		if (s->ends <= h->starts)
			continue;
		h->shifts++;
		h->short_shifts += s->gap > 0;
		h->needed = ck_add(h->needed, s->need_min);
		h->wanted = ck_add(h->wanted, s->need_max);
		h->filled = ck_add(h->filled, places_filled(s));
		h->gap = ck_add(h->gap, s->gap);
		h->over = ck_add(h->over, s->over);
	}
}

/* The total of the local day starting at day: the shifts starting on it. */
static void day_sum(const struct coverage *cv, const char *tz, int64_t day, struct report_day *d)
{
	*d = (struct report_day){.starts = day, .ends = tz_day_start(tz, ck_add(day, 30 * 3600))};
	for (size_t i = 0; i < cv->n && cv->v[i].starts < d->ends; i++) {
		const struct span *s = &cv->v[i];
		if (s->starts < day)
			continue;
		d->shifts++;
		d->short_shifts += s->gap > 0;
		d->needed = ck_add(d->needed, s->need_min);
		d->filled = ck_add(d->filled, places_filled(s));
		d->gap = ck_add(d->gap, s->gap);
		d->over = ck_add(d->over, s->over);
		d->gap_seconds = ck_add(d->gap_seconds, ck_mul(s->gap, ck_sub(s->ends, s->starts)));
	}
}

/* The day's total when a shift starts on it and someone asked for it. */
static int day_out(const struct coverage *cv, const char *tz, int64_t day)
{
	if (!cv->fns->day)
		return 0;
	struct report_day d;
	day_sum(cv, tz, day, &d);
	return d.shifts ? cv->fns->day(cv->fns->arg, &d) : 0;
}

static int coverage_hours(const struct report_event *ev, const struct coverage *cv)
{
	int64_t lo = ev->starts, hi = ev->ends, day = 0;
	for (size_t i = 0; i < cv->n; i++) {
		lo = cv->v[i].starts < lo ? cv->v[i].starts : lo;
		hi = cv->v[i].ends > hi ? cv->v[i].ends : hi;
	}
	int ret = 0;
	for (int64_t t = hour_floor(ev->tz, lo); t < hi && ret == 0;) {
		struct report_hour h = {.starts = t, .ends = hour_next(ev->tz, t)};
		int64_t today = tz_day_start(ev->tz, t);
		if (day && today != day)
			ret = day_out(cv, ev->tz, day);
		day = today;
		hour_sum(cv, &h);
		if (ret == 0 && cv->fns->hour)
			ret = cv->fns->hour(cv->fns->arg, &h);
		t = h.ends;
	}
	if (ret == 0 && day)
		ret = day_out(cv, ev->tz, day);
	return stopped(ret);
}

int report_coverage(struct ctx *c, const struct report_event *ev,
                    const struct report_coverage_fns *fns, struct err *e)
{
	struct coverage cv = {fns, ev, NULL, 0, 0, e};
	int ret = report_store_shifts(c->db, ev->id, coverage_shift, &cv, e);
	if (ret == 0 && (fns->hour || fns->day))
		ret = coverage_hours(ev, &cv);
	free(cv.v);
	return ret;
}

/* ---- hours -------------------------------------------------------------- */

struct hours {
	int (*fn)(void *arg, const struct report_volunteer *v);
	void *arg;
};

static int hours_row(void *arg, const struct report_store_volunteer *v)
{
	struct hours *h = arg;
	struct report_volunteer row = {v->person, v->name,     v->shifts,  v->scheduled,
	                               v->worked, v->no_shows, v->on_shift};
	return h->fn(h->arg, &row);
}

int report_hours(struct ctx *c, const struct report_event *ev,
                 int (*fn)(void *arg, const struct report_volunteer *v), void *arg, struct err *e)
{
	struct hours h = {fn, arg};
	return report_store_volunteers(c->db, ev->id, hours_row, &h, e);
}

/* ---- attendance --------------------------------------------------------- */

struct attendance {
	const struct report_attendance_fns *fns;
	int64_t now;
};

static int attendance_kind(void *arg, const struct report_store_kind *k)
{
	struct attendance *at = arg;
	struct report_kind row = {
	    k->kind, k->registered, k->waitlisted, k->cancelled, k->checked_in, k->no_show, 0};
	row.total = k->registered + k->waitlisted + k->cancelled + k->checked_in + k->no_show;
	return at->fns->kind ? at->fns->kind(at->fns->arg, &row) : 0;
}

static int attendance_session(void *arg, const struct report_store_session *s)
{
	struct attendance *at = arg;
	bool over = s->ends <= at->now;
	struct report_session r = {
	    .id = s->id,
	    .title = s->title,
	    .kind = s->kind,
	    .room = s->room,
	    .starts = s->starts,
	    .ends = s->ends,
	    .capacity = rules_session_capacity(s->capacity, s->room_capacity),
	    .speakers = s->speakers,
	    .signed_up = s->registered + s->checked_in + s->no_show,
	    .waitlisted = s->waitlisted,
	    .cancelled = s->cancelled,
	    .checked_in = s->checked_in,
	    .no_show = s->no_show + (over ? s->registered : 0),
	};
	return at->fns->session ? at->fns->session(at->fns->arg, &r) : 0;
}

int report_attendance(struct ctx *c, const struct report_event *ev,
                      const struct report_attendance_fns *fns, struct err *e)
{
	struct attendance at = {fns, clock_now(c->clock)};
	int ret = report_store_kinds(c->db, ev->id, attendance_kind, &at, e);
	if (ret == 0)
		ret = report_store_sessions(c->db, ev->id, attendance_session, &at, e);
	return stopped(ret);
}
