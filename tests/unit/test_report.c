/* test_report.c - coverage per shift and per clock hour (DST days, a
 * half-hour zone), volunteer hours, attendance counts and sign-ups. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/entity.h"
#include "../../core/report.h"
#include "../../core/signup.h"
#include "../../core/tz.h"
#include "fixture.h"

struct hours_seen {
	char label[64][32];
	struct report_hour h[64];
	int n;
	const char *tz;
	int shifts;
	struct report_shift shift[8];
	char place[8][32]; /* the strings live only during the callback */
	struct report_day day[4];
	int days;
};

static int on_shift(void *arg, const struct report_shift *s)
{
	struct hours_seen *hs = arg;
	snprintf(hs->place[hs->shifts], sizeof hs->place[0], "%s", s->place);
	hs->shift[hs->shifts] = *s;
	hs->shift[hs->shifts].role = hs->shift[hs->shifts].place = NULL;
	hs->shifts++;
	return 0;
}

static int on_hour(void *arg, const struct report_hour *h)
{
	struct hours_seen *hs = arg;
	struct tz_local l;
	tz_local(hs->tz, h->starts, &l);
	snprintf(hs->label[hs->n], sizeof hs->label[0], "%02d:%02d %s", l.hour, l.minute, l.abbrev);
	hs->h[hs->n++] = *h;
	return 0;
}

static int on_day(void *arg, const struct report_day *d)
{
	struct hours_seen *hs = arg;
	hs->day[hs->days++] = *d;
	return 0;
}

static void coverage_of(struct fixture *f, int64_t event, struct hours_seen *hs)
{
	struct report_event ev;
	struct err e = {0};
	assert_int_equal(report_event(&f->ctx, event, &ev, &e), 0);
	memset(hs, 0, sizeof *hs);
	hs->tz = ev.tz;
	struct report_coverage_fns fns = {
	    .shift = on_shift, .hour = on_hour, .day = on_day, .arg = hs};
	assert_int_equal(report_coverage(&f->ctx, &ev, &fns, &e), 0);
	hs->tz = NULL;
}

static void fall_back_day_has_25_hours(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Night", "starts", "2026-11-01 00:00", "ends",
	            "2026-11-02 00:00", "tz", "America/New_York", NULL);
	struct hours_seen hs;
	coverage_of(f, 1, &hs);
	assert_int_equal(hs.n, 25);
	assert_string_equal(hs.label[1], "01:00 EDT");
	assert_string_equal(hs.label[2], "01:00 EST");
	assert_string_equal(hs.label[3], "02:00 EST");
	for (int i = 0; i < hs.n; i++)
		assert_int_equal(hs.h[i].ends - hs.h[i].starts, 3600);
}

static void spring_forward_day_has_23_hours(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Night", "starts", "2027-03-14 00:00", "ends",
	            "2027-03-15 00:00", "tz", "America/New_York", NULL);
	struct hours_seen hs;
	coverage_of(f, 1, &hs);
	assert_int_equal(hs.n, 23);
	assert_string_equal(hs.label[1], "01:00 EST");
	assert_string_equal(hs.label[2], "03:00 EDT");
}

static void half_hour_zone_uses_local_hours(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Delhi", "starts", "2027-01-10 09:15", "ends",
	            "2027-01-10 11:00", "tz", "Asia/Kolkata", NULL);
	struct hours_seen hs;
	coverage_of(f, 1, &hs);
	assert_int_equal(hs.n, 2);
	assert_string_equal(hs.label[0], "09:00 IST");
	assert_string_equal(hs.label[1], "10:00 IST");
}

static void sums_per_shift_and_hour(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Day", "starts", "2027-05-01 08:00", "ends",
	            "2027-05-01 12:00", "tz", "Europe/Paris", NULL);
	fixture_add(&f->ctx, "role", "event", "1", "name", "Greeter", NULL);
	fixture_add(&f->ctx, "room", "event", "1", "name", "Lobby", NULL);
	/* 08:00-10:00 need 2-3, three assigned (one dropped, one no-show: one counts) */
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "room", "1", "starts",
	            "2027-05-01 08:00", "ends", "2027-05-01 10:00", "need_min", "2", "need_max",
	            "3", NULL);
	/* 09:30-10:30 need 1, filled 2 (more than needed fills no other shift) */
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts", "2027-05-01 09:30",
	            "ends", "2027-05-01 10:30", "need_min", "1", "need_max", "2", NULL);
	/* cancelled: left out */
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts", "2027-05-01 08:00",
	            "ends", "2027-05-01 12:00", "need_min", "5", "need_max", "5", "status",
	            "cancelled", NULL);
	for (int i = 0; i < 5; i++)
		fixture_add(&f->ctx, "person", "name", "P", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "1", "person", "1", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "1", "person", "2", "status", "dropped", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "1", "person", "3", "status", "no_show", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "2", "person", "4", "status", "completed",
	            NULL);
	fixture_add(&f->ctx, "assignment", "shift", "2", "person", "5", "status", "checked_in",
	            NULL);
	struct hours_seen hs;
	coverage_of(f, 1, &hs);
	assert_int_equal(hs.shifts, 2);
	assert_int_equal(hs.shift[0].filled, 1);
	assert_int_equal(hs.shift[0].gap, 1);
	assert_string_equal(hs.place[0], "Lobby");
	assert_int_equal(hs.shift[1].filled, 2);
	assert_int_equal(hs.shift[1].gap, 0);
	assert_int_equal(hs.n, 4);
	/* 08:00: shift 1 only */
	assert_int_equal(hs.h[0].needed, 2);
	assert_int_equal(hs.h[0].filled, 1);
	assert_int_equal(hs.h[0].gap, 1);
	/* 09:00: both overlap */
	assert_int_equal(hs.h[1].shifts, 2);
	assert_int_equal(hs.h[1].needed, 3);
	assert_int_equal(hs.h[1].wanted, 5);
	/* the second shift's extra volunteer fills no place of the first: filled
	 * counts each shift up to its need_min, the extra one is over */
	assert_int_equal(hs.h[1].filled, 2);
	assert_int_equal(hs.h[1].gap, 1);
	assert_int_equal(hs.h[1].over, 1);
	assert_int_equal(hs.h[1].short_shifts, 1);
	assert_int_equal(hs.h[1].filled + hs.h[1].gap, hs.h[1].needed);
	assert_int_equal(hs.shift[1].over, 1);
	/* the day: two shifts, one short by one place for its two hours */
	assert_int_equal(hs.days, 1);
	assert_int_equal(hs.day[0].shifts, 2);
	assert_int_equal(hs.day[0].short_shifts, 1);
	assert_int_equal(hs.day[0].gap, 1);
	assert_int_equal(hs.day[0].over, 1);
	assert_int_equal(hs.day[0].needed, 3);
	assert_int_equal(hs.day[0].filled, 2);
	assert_int_equal(hs.day[0].gap_seconds, 2 * 3600);
	/* 10:00: shift 2 only; 11:00: nothing */
	assert_int_equal(hs.h[2].shifts, 1);
	assert_int_equal(hs.h[3].shifts, 0);
}

struct volunteers {
	struct report_volunteer v[8];
	char name[8][32];
	int n;
};

static int on_volunteer(void *arg, const struct report_volunteer *v)
{
	struct volunteers *vs = arg;
	vs->v[vs->n] = *v;
	snprintf(vs->name[vs->n], sizeof vs->name[0], "%s", v->name);
	vs->n++;
	return 0;
}

static void volunteer_hours(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Day", "starts", "2027-05-01 08:00", "ends",
	            "2027-05-01 18:00", "tz", "UTC", NULL);
	fixture_add(&f->ctx, "role", "event", "1", "name", "Greeter", NULL);
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts", "2027-05-01 08:00",
	            "ends", "2027-05-01 10:00", NULL);
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts", "2027-05-01 12:00",
	            "ends", "2027-05-01 13:30", NULL);
	fixture_add(&f->ctx, "person", "name", "Bo", NULL);
	fixture_add(&f->ctx, "person", "name", "Al", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "1", "person", "1", "status", "completed",
	            "checked_in_at", "2027-05-01 07:55", "checked_out_at", "2027-05-01 10:05",
	            NULL);
	fixture_add(&f->ctx, "assignment", "shift", "2", "person", "1", "status", "checked_in",
	            "checked_in_at", "2027-05-01 12:00", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "1", "person", "2", "status", "no_show", NULL);
	struct report_event ev;
	struct err e = {0};
	struct volunteers vs = {0};
	assert_int_equal(report_event(&f->ctx, 1, &ev, &e), 0);
	assert_int_equal(report_hours(&f->ctx, &ev, on_volunteer, &vs, &e), 0);
	assert_int_equal(vs.n, 2);
	assert_string_equal(vs.name[0], "Al");
	assert_int_equal(vs.v[0].no_shows, 1);
	assert_int_equal(vs.v[0].scheduled, 0);
	assert_string_equal(vs.name[1], "Bo");
	assert_int_equal(vs.v[1].shifts, 2);
	assert_int_equal(vs.v[1].scheduled, 3 * 3600 + 1800);
	assert_int_equal(vs.v[1].worked, 2 * 3600 + 600);
	assert_int_equal(vs.v[1].on_shift, 1);
}

struct attendance_seen {
	struct report_kind k[8];
	struct report_session s[8];
	int nk, ns;
};

static int on_kind(void *arg, const struct report_kind *k)
{
	struct attendance_seen *a = arg;
	a->k[a->nk] = *k;
	a->k[a->nk++].kind = NULL;
	return 0;
}

static int on_session(void *arg, const struct report_session *s)
{
	struct attendance_seen *a = arg;
	a->s[a->ns] = *s;
	a->s[a->ns].title = a->s[a->ns].kind = a->s[a->ns].room = NULL;
	a->ns++;
	return 0;
}

static void attendance_counts_and_signups(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Day", "starts", "2027-05-01 08:00", "ends",
	            "2027-05-01 18:00", "tz", "UTC", "capacity", "3", NULL);
	for (int i = 0; i < 5; i++)
		fixture_add(&f->ctx, "person", "name", "P", NULL);
	fixture_add(&f->ctx, "registration", "event", "1", "person", "1", NULL);
	fixture_add(&f->ctx, "registration", "event", "1", "person", "2", "status", "checked_in",
	            NULL);
	fixture_add(&f->ctx, "registration", "event", "1", "person", "5", "status", "no_show",
	            NULL);
	/* the event is full: the next attendee waits; volunteers never do */
	fixture_add(&f->ctx, "registration", "event", "1", "person", "3", NULL);
	fixture_add(&f->ctx, "registration", "event", "1", "person", "4", "kind", "volunteer",
	            NULL);
	fixture_add(&f->ctx, "room", "event", "1", "name", "A", "capacity", "1", NULL);
	fixture_add(&f->ctx, "room", "event", "1", "name", "B", "capacity", "50", NULL);
	/* two parallel breakouts (1 + 10 seats), then one in a room without limit */
	fixture_add(&f->ctx, "session", "event", "1", "room", "1", "title", "X", "starts",
	            "2027-05-01 09:00", "ends", "2027-05-01 10:00", "capacity", "5", NULL);
	fixture_add(&f->ctx, "session", "event", "1", "room", "2", "title", "Y", "starts",
	            "2027-05-01 09:30", "ends", "2027-05-01 10:30", "capacity", "10", NULL);
	fixture_add(&f->ctx, "session", "event", "1", "title", "Z", "starts", "2027-05-01 11:00",
	            "ends", "2027-05-01 12:00", NULL);
	struct report_event ev;
	struct err e = {0};
	struct attendance_seen a = {0};
	struct report_attendance_fns fns = {on_kind, on_session, &a};
	/* X seats 1: the first to sign up is seated and checks in, the next waits */
	int64_t id;
	assert_int_equal(signup_register(&f->ctx, 1, 1, &id, &e), 0);
	assert_int_equal(signup_register(&f->ctx, 1, 2, &id, &e), 0);
	assert_int_equal(signup_checkin(&f->ctx, 1, 1, &e), 0);
	/* Y: one seated; Z: one marked no-show, one who cancelled */
	assert_int_equal(signup_register(&f->ctx, 2, 2, &id, &e), -1); /* overlaps X */
	assert_int_equal(signup_register(&f->ctx, 2, 4, &id, &e), 0);
	fixture_add(&f->ctx, "signup", "session", "3", "person", "4", "status", "no_show", NULL);
	assert_int_equal(signup_register(&f->ctx, 3, 1, &id, &e), 0);
	assert_int_equal(signup_cancel(&f->ctx, 3, 1, NULL, &e), 0);
	assert_int_equal(report_event(&f->ctx, 1, &ev, &e), 0);
	assert_int_equal(report_attendance(&f->ctx, &ev, &fns, &e), 0);
	assert_int_equal(a.nk, 2);
	assert_int_equal(a.k[0].registered, 1); /* attendee first */
	assert_int_equal(a.k[0].checked_in, 1);
	assert_int_equal(a.k[0].waitlisted, 1);
	assert_int_equal(a.k[0].no_show, 1);
	assert_int_equal(a.k[0].total, 4);
	assert_int_equal(a.k[1].registered, 1);
	assert_int_equal(a.ns, 3);
	assert_int_equal(a.s[0].capacity, 1); /* min(5, room A's 1) */
	assert_int_equal(a.s[0].signed_up, 1);
	assert_int_equal(a.s[0].checked_in, 1);
	assert_int_equal(a.s[0].waitlisted, 1);
	assert_int_equal(a.s[1].capacity, 10);
	assert_int_equal(a.s[1].signed_up, 1);
	assert_int_equal(a.s[1].no_show, 0);
	assert_int_equal(a.s[2].capacity, 0);
	assert_int_equal(a.s[2].signed_up, 1);
	assert_int_equal(a.s[2].no_show, 1);
	assert_int_equal(a.s[2].cancelled, 1);
	/* once the sessions are over, whoever never checked in is a no-show */
	f->clock.at = ev.ends;
	a.nk = a.ns = 0;
	assert_int_equal(report_attendance(&f->ctx, &ev, &fns, &e), 0);
	assert_int_equal(a.s[0].no_show, 0);
	assert_int_equal(a.s[1].no_show, 1);
	assert_int_equal(a.s[2].no_show, 1);
}

static void missing_event(void **state)
{
	struct fixture *f = *state;
	struct report_event ev;
	struct err e = {0};
	assert_int_equal(report_event(&f->ctx, 7, &ev, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(fall_back_day_has_25_hours),
	    fixture_unit_test(spring_forward_day_has_23_hours),
	    fixture_unit_test(half_hour_zone_uses_local_hours),
	    fixture_unit_test(sums_per_shift_and_hour),
	    fixture_unit_test(volunteer_hours),
	    fixture_unit_test(attendance_counts_and_signups),
	    fixture_unit_test(missing_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
