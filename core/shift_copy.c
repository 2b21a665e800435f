/* shift_copy.c - a day's shifts copied to another day (shift_copy.h):
 * wall-clock times are moved by whole days in the event's zone, so a copy
 * across a change of the clocks keeps its hours. */
#include "shift_copy.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/db.h"
#include "audit.h"
#include "tz.h"
#include "xmalloc.h"

/* The fields a copy keeps; the rest (uid, sequence, status) are a new
 * shift's own. */
static const char *const kept[] = {"event", "role",     "room",     "booth", "starts",
                                   "ends",  "need_min", "need_max", "notes"};
#define NKEPT (sizeof kept / sizeof kept[0])

struct day_shifts {
	const char *tz;
	int64_t role;
	int64_t day; /* days since 1970 of the local day copied */
	struct record *v;
	size_t n, cap;
};

static int64_t local_days(const char *tz, int64_t t)
{
	struct tz_local l;
	if (tz_local(tz, t, &l) < 0)
		return INT64_MIN;
	return tz_days_from_civil(l.year, l.month, l.day);
}

/* Keep the shift when it is open, starts on the day and is of the role. */
static int take(void *arg, const struct record *r)
{
	struct day_shifts *d = arg;
	const char *status = record_text(r, "status");
	if ((status && strcmp(status, "open") != 0) ||
	    (d->role && record_int(r, "role") != d->role) ||
	    local_days(d->tz, record_int(r, "starts")) != d->day)
		return 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	struct record *copy = &d->v[d->n++];
	record_init(copy, r->ent);
	snprintf(copy->tz, sizeof copy->tz, "%s", r->tz);
	for (size_t i = 0; i < NKEPT; i++) {
		int f = entity_field_known(r->ent, kept[i]);
		if (r->v[f].kind == DBV_INT)
			record_set_int(copy, kept[i], r->v[f].i);
		else if (r->v[f].kind == DBV_TEXT)
			record_set_text(copy, kept[i], r->v[f].s);
	}
	return 0;
}

/* The same wall time `days` days later in tz. */
static int move_days(const char *tz, int64_t t, int64_t days, int64_t *out, struct err *e)
{
	struct tz_local l;
	int64_t y;
	int m, d;
	if (tz_local(tz, t, &l) < 0)
		return err_set(e, ERR_INPUT, "shift copy: a time outside the calendar");
	tz_civil_from_days(tz_days_from_civil(l.year, l.month, l.day) + days, &y, &m, &d);
	if (tz_from_local(tz, (int)y, m, d, l.hour, l.minute, 0, out, e) < 0)
		return err_set(e, ERR_REFUSED,
		               "shift copy: %04" PRId64 "-%02d-%02d %02d:%02d does not exist in %s "
		               "(the clocks change); copy that shift by hand",
		               y, m, d, l.hour, l.minute, tz);
	return 0;
}

/* Is local day `day` one of the event's (setup and teardown included)? */
static int check_target(const struct record *ev, const char *tz, int64_t from, int64_t to,
                        const char *to_day, struct err *e)
{
	int64_t s = record_has(ev, "setup_starts") ? record_int(ev, "setup_starts")
	                                           : record_int(ev, "starts");
	int64_t en = record_has(ev, "teardown_ends") ? record_int(ev, "teardown_ends")
	                                             : record_int(ev, "ends");
	int64_t first = local_days(tz, s), last = local_days(tz, en - 1);
	if (to == from)
		return err_set(e, ERR_REFUSED,
		               "shift copy: %s is the day copied from; pick another", to_day);
	if (to < first || to > last) {
		char a[32], b[32];
		tz_format(tz, s, a, sizeof a);
		tz_format(tz, en - 1, b, sizeof b);
		a[10] = b[10] = '\0';
		return err_set(e, ERR_REFUSED,
		               "shift copy: %s is not a day of event %" PRId64 " \"%s\" (%s to %s)",
		               to_day, ev->id, record_text(ev, "name"), a, b);
	}
	return 0;
}

static int parse_day(const char *what, const char *text, int64_t *days, struct err *e)
{
	int y, m, d;
	if (!text || tz_parse_date(text, &y, &m, &d, e) < 0)
		return err_set(e, ERR_INPUT, "shift copy: %s \"%s\" is not a date (YYYY-MM-DD)",
		               what, text ? text : "");
	*days = tz_days_from_civil(y, m, d);
	return 0;
}

/* Write the copies moved by `days`, audited one by one and as a whole. */
static int write_copies(struct ctx *c, const struct record *ev, struct day_shifts *d, int64_t days,
                        const char *from_day, const char *to_day, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	for (size_t i = 0; i < d->n; i++) {
		struct record *r = &d->v[i];
		int64_t s, en;
		if (move_days(d->tz, record_int(r, "starts"), days, &s, e) < 0 ||
		    move_days(d->tz, record_int(r, "ends"), days, &en, e) < 0)
			goto fail;
		record_set_int(r, "starts", s);
		record_set_int(r, "ends", en);
		if (record_write(c, r, 0, e) < 0)
			goto fail;
	}
	if (audit_log(c, "copy", "event", ev->id, e, "copied %zu shift%s%s from %s to %s", d->n,
	              d->n == 1 ? "" : "s", d->role ? " of one role" : "", from_day, to_day) < 0)
		goto fail;
	return db_commit(c->db, e);
fail:
	db_rollback(c->db);
	return -1;
}

int shift_copy_day(struct ctx *c, int64_t event, int64_t role, const char *from_day,
                   const char *to_day, int *copied, struct err *e)
{
	struct record ev;
	int64_t from, to;
	*copied = 0;
	if (parse_day("from", from_day, &from, e) < 0 || parse_day("to", to_day, &to, e) < 0 ||
	    record_get(c, entity_find("event"), event, &ev, e) < 0)
		return -1;
	char tz[64];
	snprintf(tz, sizeof tz, "%s", record_text(&ev, "tz") ? record_text(&ev, "tz") : "UTC");
	struct day_shifts d = {.tz = tz, .role = role, .day = from};
	struct record_filter f = {.event = event};
	int ret = check_target(&ev, tz, from, to, to_day, e);
	if (ret == 0)
		ret = record_list(c, entity_find("shift"), &f, take, &d, e);
	if (ret == 0 && d.n == 0)
		ret = err_set(e, ERR_REFUSED, "shift copy: no open shifts%s on %s to copy",
		              role ? " of that role" : "", from_day);
	if (ret == 0)
		ret = write_copies(c, &ev, &d, to - from, from_day, to_day, e);
	if (ret == 0)
		*copied = (int)d.n;
	for (size_t i = 0; i < d.n; i++)
		record_free(&d.v[i]);
	free(d.v);
	record_free(&ev);
	return ret;
}
