/* test_door.c - the door's verdicts (core/door.c): by code in any case and
 * by person id; OK, unknown, not registered, waitlisted (event and session),
 * already in (with the time), session full for a walk-in, a walk-in seated
 * when there is room, a confidential person not named, a cancelled event;
 * a refusal writes nothing, and checking in to a session checks in to the
 * event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/door.h"
#include "../../core/registration.h"
#include "../../core/signup.h"
#include "../../core/tz.h"
#include "fixture.h"

#define CHI "America/Chicago"

struct door_fixture {
	struct fixture fx;
	int64_t event, session, person[6];
	char code[6][16];
};

static int64_t at(const char *text)
{
	return fixture_at(CHI, text);
}

static void code_of(struct ctx *c, int64_t person, char *buf, size_t n)
{
	struct record r;
	assert_int_equal(record_get(c, entity_find("person"), person, &r, NULL), 0);
	snprintf(buf, n, "%s", record_text(&r, "volunteer_code"));
	record_free(&r);
}

/* Forum (4 seats) on Sat 5 Dec 2026 in Chicago, the clock at 09:55 that
 * day; "Supply chains" 10-11 seats 2. Dana, Lee, Ana and Di (confidential)
 * are registered, Bo waits for the event, Cy is not registered. Dana and
 * Lee hold the session's seats, Ana waits for it. */
static int setup(void **state)
{
	static struct door_fixture f;
	struct err e = {0};
	int64_t id;
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, at("2026-12-05 09:55")) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	f.event = fixture_add(c, "event", "name", "Forum", "starts", "2026-12-05 08:00", "ends",
	                      "2026-12-05 18:00", "tz", CHI, "capacity", "4", NULL);
	f.session = fixture_add(c, "session", "event", fixture_num(f.event), "title",
	                        "Supply chains", "starts", "2026-12-05 10:00", "ends",
	                        "2026-12-05 11:00", "capacity", "2", NULL);
	static const char *const names[] = {"Dana Reyes", "Lee Chan", "Ana Silva",
	                                    "Di Poe",     "Bo Kim",   "Cy Ode"};
	for (int i = 0; i < 6; i++) {
		f.person[i] = fixture_add(c, "person", "name", names[i], "confidential",
		                          i == 3 ? "yes" : "no", NULL);
		code_of(c, f.person[i], f.code[i], sizeof f.code[i]);
		if (i < 5 && registration_register(c, f.event, f.person[i], NULL, &id, &e) < 0)
			fail_msg("register: %s", e.msg);
	}
	/* Dana and Lee take the session's two seats, Ana waits */
	for (int i = 0; i < 3; i++)
		if (signup_register(c, f.session, f.person[i], &id, &e) < 0)
			fail_msg("signup: %s", e.msg);
	*state = &f;
	return 0;
}

static struct door_result scan(struct ctx *c, const struct door *d, const char *input)
{
	struct door_result r;
	struct err e = {0};
	if (door_scan(c, d, input, &r, &e) < 0)
		fail_msg("door_scan %s: %s", input, e.msg);
	return r;
}

static void event_door(void **state)
{
	struct door_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct door d;
	struct err e = {0};
	char lower[16];
	assert_int_equal(door_open(c, f->event, 0, &d, &e), 0);
	assert_string_equal(d.title, "Forum");
	/* a code in any case */
	snprintf(lower, sizeof lower, "%s", f->code[0]);
	for (char *p = lower; *p; p++)
		*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	struct door_result r = scan(c, &d, lower);
	assert_int_equal(r.verdict, DOOR_OK);
	assert_string_equal(r.name, "Dana Reyes");
	assert_string_equal(r.detail, "checked in at 09:55");
	r = scan(c, &d, f->code[0]);
	assert_int_equal(r.verdict, DOOR_ALREADY);
	assert_string_equal(r.detail, "already checked in at 09:55");
	/* a person id works too */
	r = scan(c, &d, fixture_num(f->person[1]));
	assert_int_equal(r.verdict, DOOR_OK);
	assert_string_equal(r.name, "Lee Chan");
	r = scan(c, &d, "ZZZZZZ");
	assert_int_equal(r.verdict, DOOR_UNKNOWN);
	assert_string_equal(r.name, "");
	r = scan(c, &d, "not a code at all");
	assert_int_equal(r.verdict, DOOR_UNKNOWN);
	r = scan(c, &d, "999999");
	assert_int_equal(r.verdict, DOOR_UNKNOWN);
	r = scan(c, &d, f->code[5]);
	assert_int_equal(r.verdict, DOOR_NOT_REGISTERED);
	assert_string_equal(r.name, "Cy Ode");
	r = scan(c, &d, f->code[4]);
	assert_int_equal(r.verdict, DOOR_WAITLISTED);
	assert_string_equal(r.detail, "on the event's waitlist, position 1");
	/* the confidential are not named */
	r = scan(c, &d, f->code[3]);
	assert_int_equal(r.verdict, DOOR_OK);
	assert_string_equal(r.name, "Confidential");
	int64_t in, expected, cap;
	assert_int_equal(door_counts(c, &d, &in, &expected, &cap, &e), 0);
	assert_int_equal(in, 3);
	assert_int_equal(expected, 4);
	/* refusals wrote nothing but the three check-ins */
	struct db_value v = db_text("checked_in"), out;
	assert_int_equal(record_store_value(c->db,
	                                    "SELECT count(*) FROM audit WHERE action = 'set'"
	                                    " AND summary LIKE '%' || ? || '%'",
	                                    &v, 1, &out, &e),
	                 0);
	assert_int_equal(out.i, 3);
}

static void session_door(void **state)
{
	struct door_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct door d;
	struct err e = {0};
	assert_int_equal(door_open(c, f->event, f->session, &d, &e), 0);
	assert_string_equal(d.title, "Forum: Supply chains");
	struct door_result r = scan(c, &d, f->code[0]);
	assert_int_equal(r.verdict, DOOR_OK);
	assert_string_equal(r.detail, "checked in at 09:55");
	/* in the session is in the event */
	char where[128];
	assert_int_equal(registration_describe(c, f->event, f->person[0], where, sizeof where, &e),
	                 0);
	assert_string_equal(where, "checked_in as attendee");
	r = scan(c, &d, f->code[0]);
	assert_int_equal(r.verdict, DOOR_ALREADY);
	r = scan(c, &d, f->code[2]);
	assert_int_equal(r.verdict, DOOR_WAITLISTED);
	assert_string_equal(r.detail, "on this session's waitlist, position 1");
	/* a walk-in finds the two seats taken */
	r = scan(c, &d, f->code[3]);
	assert_int_equal(r.verdict, DOOR_FULL);
	assert_string_equal(r.detail, "all 2 seats are taken");
	int64_t id;
	assert_int_equal(signup_find(c, f->session, f->person[3], &id, &e), 0);
	assert_int_equal(id, 0); /* nothing written */
	/* Lee leaves: Ana moves up; a walk-in then finds no seat either */
	assert_int_equal(signup_cancel(c, f->session, f->person[1], NULL, &e), 0);
	r = scan(c, &d, f->code[2]);
	assert_int_equal(r.verdict, DOOR_OK);
	/* more seats: a walk-in is seated and checked in */
	struct field_assign fa = {"capacity", "3"};
	assert_int_equal(record_set(c, entity_find("session"), f->session, &fa, 1, &e), 0);
	r = scan(c, &d, f->code[3]);
	assert_int_equal(r.verdict, DOOR_OK);
	assert_string_equal(r.detail, "walked in at 09:55");
	int64_t in, expected, cap;
	assert_int_equal(door_counts(c, &d, &in, &expected, &cap, &e), 0);
	assert_int_equal(in, 3);
	assert_int_equal(expected, 3);
	assert_int_equal(cap, 3);
	/* a session of another event is no door of this one */
	int64_t other = fixture_add(c, "event", "name", "Other", "starts", "2026-12-06 08:00",
	                            "ends", "2026-12-06 18:00", "tz", CHI, NULL);
	assert_int_equal(door_open(c, other, f->session, &d, &e), -1);
	assert_int_equal(e.code, ERR_USAGE);
	assert_int_equal(door_open(c, 99, 0, &d, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

static void cancelled_event(void **state)
{
	struct door_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct door d;
	struct err e = {0};
	struct field_assign fa = {"status", "cancelled"};
	assert_int_equal(door_open(c, f->event, 0, &d, &e), 0);
	assert_int_equal(record_set(c, entity_find("event"), f->event, &fa, 1, &e), 0);
	struct door_result r = scan(c, &d, f->code[0]);
	assert_int_equal(r.verdict, DOOR_CANCELLED);
	assert_string_equal(door_verdict_word(r.verdict), "CANCELLED");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(event_door, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(session_door, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(cancelled_event, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
