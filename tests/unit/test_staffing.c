/* test_staffing.c - the rules through the core API the front ends use:
 * staffing (assign, unassign, dry run, attendance, overrides, kiosk
 * windows), registrations and the waitlist, the entity hooks behind
 * add/set/rm, kiosk PINs, and check_run on data that breaks the rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/check.h"
#include "../../core/entity.h"
#include "../../core/registration.h"
#include "../../core/staffing.h"
#include "../../core/tz.h"
#include "fixture.h"

#define CHI "America/Chicago"

/* The fixture and what setup adds to it. */
struct staffing_fixture {
	struct fixture fx;
	int64_t event, role, shift[6], person[6];
};

static int set1(struct ctx *c, const char *entity, int64_t id, const char *k, const char *v,
                struct err *e)
{
	struct field_assign fa = {k, v};
	return record_set(c, entity_find(entity), id, &fa, 1, e);
}

static int64_t at(const char *text)
{
	return fixture_at(CHI, text);
}

/* Forum, Sat 7 Dec 2024 08:00-18:00 in Chicago, capacity 2; Greeter shifts
 * 09-11 (need_max 2), 10-12, 11-13 (need_max 1), 14-16; six people. */
static int setup(void **state)
{
	static struct staffing_fixture f;
	struct err e = {0};
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, at("2024-11-24 12:00")) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	f.event = fixture_try_add(c, "event", &e, "name", "Forum", "starts", "2024-12-07 08:00",
	                          "ends", "2024-12-07 18:00", "tz", CHI, "capacity", "2", NULL);
	f.role =
	    fixture_try_add(c, "role", &e, "event", fixture_num(f.event), "name", "Greeter", NULL);
	static const char *const times[][3] = {
	    {"2024-12-07 09:00", "2024-12-07 11:00", "2"},
	    {"2024-12-07 10:00", "2024-12-07 12:00", "2"},
	    {"2024-12-07 11:00", "2024-12-07 13:00", "1"},
	    {"2024-12-07 14:00", "2024-12-07 16:00", "3"},
	    {"2024-12-07 16:00", "2024-12-07 18:00", "3"},
	    {"2024-12-07 08:00", "2024-12-07 09:00", "3"},
	};
	static const char *const names[] = {"Dana Reyes", "Lee Chan", "Ana Silva",
	                                    "Bo Kim",     "Cy Ode",   "Di Poe"};
	for (int i = 0; i < 6; i++) {
		f.shift[i] =
		    fixture_try_add(c, "shift", &e, "event", fixture_num(f.event), "role",
		                    fixture_num(f.role), "starts", times[i][0], "ends", times[i][1],
		                    "need_max", times[i][2], "need_min", "1", NULL);
		f.person[i] = fixture_try_add(c, "person", &e, "name", names[i], NULL);
		if (f.shift[i] < 0 || f.person[i] < 0)
			return -1;
	}
	*state = &f;
	return 0;
}

static int64_t audit_count(struct ctx *c, const char *action)
{
	struct db_value v = db_text(action), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, "SELECT count(*) FROM audit WHERE action = ?",
	                                    &v, 1, &out, &e),
	                 0);
	return out.i;
}

static void text_of(struct ctx *c, const char *sql, int64_t id, char *buf, size_t n)
{
	struct db_value v = db_int(id), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, &v, 1, &out, &e), 0);
	snprintf(buf, n, "%s", out.kind == DBV_TEXT ? out.s : "");
	db_value_clear(&out);
}

static void assign_overlap_and_rest(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	assert_true(id > 0);
	assert_int_equal(staffing_assign(c, f->shift[1], f->person[0], "coordinator", &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg, "Dana Reyes already works Greeter Sat 7 Dec 09:00\xe2\x80\x93"
	                           "11:00, which overlaps 10:00\xe2\x80\x93"
	                           "12:00");
	/* adjacent (half-open) is no overlap, but leaves no rest: soft */
	assert_int_equal(staffing_check(c, f->shift[2], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "no rest between Greeter Sat 7 Dec 09:00"));
	assert_int_equal(staffing_assign(c, f->shift[2], f->person[0], "coordinator", &id, &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	c->override_reason = "nobody else trained";
	assert_int_equal(staffing_check(c, f->shift[2], f->person[0], &e), 0);
	assert_int_equal(staffing_assign(c, f->shift[2], f->person[0], "coordinator", &id, &e), 0);
	c->override_reason = NULL;
	char summary[1024];
	text_of(c, "SELECT summary FROM audit WHERE action = 'override' AND entity_id = ?",
	        f->shift[2], summary, sizeof summary);
	assert_non_null(strstr(summary, "nobody else trained"));
	assert_non_null(strstr(summary, "no rest"));
	/* the hard rule is never overridden */
	c->override_reason = "please";
	assert_int_equal(staffing_assign(c, f->shift[1], f->person[0], "coordinator", &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	c->override_reason = NULL;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), -1);
	assert_non_null(strstr(e.msg, "already works"));
}

static void shift_fills_up(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[1], "kiosk", &id, &e), 0);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[2], "coordinator", &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg, "Greeter Sat 7 Dec 09:00\xe2\x80\x93"
	                           "11:00 is full (2 of 2 places taken): no place for Ana Silva");
	/* a drop frees the place; assigning again revives the same row */
	int64_t first;
	assert_int_equal(staffing_find(c, f->shift[0], f->person[0], &first, &e), 0);
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[0], &e), 0);
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[2], "coordinator", &id, &e), 0);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), -1);
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[2], &e), 0);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(id, first);
	/* need_max cannot drop below the people on the shift */
	assert_int_equal(set1(c, "shift", f->shift[0], "need_max", "1", &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "has 2 people on it"));
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[1], "bogus", &id, &e), -1);
	assert_int_equal(e.code, ERR_USAGE);
	assert_int_equal(staffing_assign(c, 999, f->person[1], "coordinator", &id, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

static void assignment_registers_volunteer(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id, reg;
	char where[128];
	/* fill the event with two attendees, put a third on the waitlist */
	for (int i = 0; i < 3; i++)
		assert_int_equal(registration_register(c, f->event, f->person[i], NULL, &reg, &e),
		                 0);
	assert_int_equal(registration_describe(c, f->event, f->person[2], where, sizeof where, &e),
	                 0);
	assert_string_equal(where, "waitlisted at position 1");
	/* a volunteer is never waitlisted */
	assert_int_equal(staffing_assign(c, f->shift[3], f->person[3], "coordinator", &id, &e), 0);
	assert_int_equal(registration_describe(c, f->event, f->person[3], where, sizeof where, &e),
	                 0);
	assert_string_equal(where, "registered as volunteer");
	/* a waiting attendee who takes a shift comes in as a volunteer */
	assert_int_equal(staffing_assign(c, f->shift[3], f->person[2], "coordinator", &id, &e), 0);
	assert_int_equal(registration_describe(c, f->event, f->person[2], where, sizeof where, &e),
	                 0);
	assert_string_equal(where, "registered as volunteer");
}

static void kiosk_limits(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	strcpy(c->actor, "kiosk:ABC234");
	c->override_reason = "kiosks cannot";
	assert_int_equal(staffing_assign(c, f->shift[2], f->person[0], "kiosk", &id, &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_int_equal(staffing_check(c, f->shift[2], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	c->override_reason = NULL;
	/* sign-up closes 60 min before the start */
	f->fx.clock.at = at("2024-12-07 13:00");
	assert_int_equal(staffing_assign(c, f->shift[3], f->person[1], "kiosk", &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "sign-up for Greeter Sat 7 Dec 14:00"));
	f->fx.clock.at = at("2024-12-07 12:59");
	assert_int_equal(staffing_assign(c, f->shift[3], f->person[1], "kiosk", &id, &e), 0);
	/* dropping closes 24 h before */
	assert_int_equal(staffing_unassign(c, f->shift[3], f->person[1], &e), -1);
	assert_non_null(strstr(e.msg, "dropping"));
	/* check-in opens 30 min before the start */
	assert_int_equal(staffing_checkin(c, f->shift[3], f->person[1], &e), -1);
	assert_non_null(strstr(e.msg, "opens at Sat 7 Dec 13:30"));
	f->fx.clock.at = at("2024-12-07 13:30");
	assert_int_equal(staffing_checkin(c, f->shift[3], f->person[1], &e), 0);
	char actor[96];
	text_of(c,
	        "SELECT actor FROM audit WHERE entity = 'assignment' AND entity_id = ?"
	        " ORDER BY id DESC LIMIT 1",
	        id, actor, sizeof actor);
	assert_string_equal(actor, "kiosk:ABC234");
	strcpy(c->actor, "tester");
}

static void attendance(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id, reg;
	struct record r;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(staffing_checkout(c, f->shift[0], f->person[0], &e), -1);
	assert_non_null(strstr(e.msg, "has not checked in"));
	f->fx.clock.at = at("2024-12-07 08:55");
	assert_int_equal(staffing_checkin(c, f->shift[0], f->person[0], &e), 0);
	assert_int_equal(staffing_checkin(c, f->shift[0], f->person[0], &e), -1);
	assert_non_null(strstr(e.msg, "already checked in to Greeter Sat 7 Dec 09:00"));
	assert_non_null(strstr(e.msg, "at Sat 7 Dec 08:55"));
	assert_int_equal(staffing_unassign(c, f->shift[0], f->person[0], &e), -1);
	f->fx.clock.at = at("2024-12-07 11:05");
	assert_int_equal(staffing_checkout(c, f->shift[0], f->person[0], &e), 0);
	assert_int_equal(record_get(c, entity_find("assignment"), id, &r, &e), 0);
	assert_string_equal(record_text(&r, "status"), "completed");
	assert_int_equal(record_int(&r, "checked_out_at") - record_int(&r, "checked_in_at"),
	                 2 * 3600 + 10 * 60);
	record_free(&r);
	assert_int_equal(staffing_checkin(c, f->shift[1], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* an event registration */
	assert_int_equal(registration_checkin(c, f->event, f->person[1], &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(registration_register(c, f->event, f->person[1], NULL, &reg, &e), 0);
	assert_int_equal(registration_checkout(c, f->event, f->person[1], &e), -1);
	assert_int_equal(registration_checkin(c, f->event, f->person[1], &e), 0);
	f->fx.clock.at = at("2024-12-07 15:00");
	assert_int_equal(registration_checkout(c, f->event, f->person[1], &e), 0);
	assert_int_equal(registration_checkout(c, f->event, f->person[1], &e), -1);
	assert_int_equal(record_get(c, entity_find("registration"), reg, &r, &e), 0);
	assert_string_equal(record_text(&r, "status"), "checked_in");
	assert_int_equal(record_int(&r, "checked_out_at"), at("2024-12-07 15:00"));
	record_free(&r);
}

static void waitlist_in_order(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t reg, promoted;
	char where[128];
	for (int i = 0; i < 5; i++)
		assert_int_equal(registration_register(c, f->event, f->person[i], NULL, &reg, &e),
		                 0);
	assert_int_equal(registration_register(c, f->event, f->person[4], NULL, &reg, &e), -1);
	assert_non_null(strstr(e.msg, "already registered for Forum (waitlisted at position 3)"));
	/* a cancelled seat goes to the first waiting, at once */
	assert_int_equal(registration_cancel(c, f->event, f->person[0], &promoted, &e), 0);
	assert_int_equal(promoted, f->person[2]);
	assert_int_equal(audit_count(c, "promote"), 1);
	registration_describe(c, f->event, f->person[3], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 1");
	registration_describe(c, f->event, f->person[4], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 2");
	/* a waiting person who leaves closes the gap */
	assert_int_equal(registration_unregister(c, f->event, f->person[3], &e), 0);
	registration_describe(c, f->event, f->person[4], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 1");
	/* re-registering joins the end of the line */
	assert_int_equal(registration_register(c, f->event, f->person[0], NULL, &reg, &e), 0);
	registration_describe(c, f->event, f->person[0], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 2");
	/* the generic path waitlists too, and cannot jump the line */
	int64_t r5 = fixture_try_add(c, "registration", &e, "event", fixture_num(f->event),
	                             "person", fixture_num(f->person[5]), NULL);
	assert_true(r5 > 0);
	registration_describe(c, f->event, f->person[5], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 3");
	assert_int_equal(set1(c, "registration", r5, "status", "registered", &e), -1);
	assert_non_null(strstr(e.msg, "Forum is full (2 of 2 seats taken)"));
	/* capacity: never below the seated, and raising it promotes */
	assert_int_equal(set1(c, "event", f->event, "capacity", "1", &e), -1);
	assert_non_null(strstr(e.msg, "already has 2 attendees"));
	assert_int_equal(set1(c, "event", f->event, "capacity", "4", &e), 0);
	registration_describe(c, f->event, f->person[0], where, sizeof where, &e);
	assert_string_equal(where, "registered as attendee");
	registration_describe(c, f->event, f->person[5], where, sizeof where, &e);
	assert_string_equal(where, "waitlisted at position 1");
	assert_int_equal(audit_count(c, "promote"), 3);
	/* deleting a registration frees its seat */
	int64_t r1;
	assert_int_equal(registration_find(c, f->event, f->person[1], &r1, &e), 0);
	assert_int_equal(record_rm(c, entity_find("registration"), r1, &e), 0);
	registration_describe(c, f->event, f->person[5], where, sizeof where, &e);
	assert_string_equal(where, "registered as attendee");
	assert_int_equal(registration_register(c, f->event, f->person[1], "guest", &reg, &e), -1);
	assert_int_equal(e.code, ERR_USAGE);
}

static void generic_writes_follow_the_rules(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	/* add assignment: the staffing rules */
	assert_int_equal(fixture_try_add(c, "assignment", &e, "shift", fixture_num(f->shift[1]),
	                                 "person", fixture_num(f->person[0]), NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "already works Greeter"));
	assert_int_equal(fixture_try_add(c, "assignment", &e, "shift", fixture_num(f->shift[0]),
	                                 "person", fixture_num(f->person[0]), "status", "dropped",
	                                 NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "already has assignment"));
	/* moving a shift onto another of its people's shifts */
	assert_int_equal(staffing_assign(c, f->shift[3], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(set1(c, "shift", f->shift[3], "starts", "2024-12-07 10:30", &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "Dana Reyes already works Greeter Sat 7 Dec 09:00"));
	/* outside the event's span */
	assert_int_equal(set1(c, "shift", f->shift[3], "ends", "2024-12-07 19:00", &e), -1);
	assert_non_null(strstr(e.msg, "lies outside Forum"));
	assert_int_equal(set1(c, "event", f->event, "ends", "2024-12-07 17:00", &e), -1);
	assert_non_null(strstr(e.msg, "lies outside Forum"));
	assert_int_equal(set1(c, "event", f->event, "teardown_ends", "2024-12-07 20:00", &e), 0);
	assert_int_equal(set1(c, "shift", f->shift[3], "ends", "2024-12-07 19:00", &e), 0);
	/* sessions in one room; booth labels */
	int64_t room =
	    fixture_try_add(c, "room", &e, "event", fixture_num(f->event), "name", "Salon A", NULL);
	assert_true(fixture_try_add(c, "session", &e, "event", fixture_num(f->event), "room",
	                            fixture_num(room), "title", "Supply chains", "starts",
	                            "2024-12-07 09:00", "ends", "2024-12-07 11:00", NULL) > 0);
	assert_int_equal(fixture_try_add(c, "session", &e, "event", fixture_num(f->event), "room",
	                                 fixture_num(room), "title", "Opening", "starts",
	                                 "2024-12-07 10:00", "ends", "2024-12-07 12:00", NULL),
	                 -1);
	assert_string_equal(e.msg, "Salon A is taken by \"Supply chains\" Sat 7 Dec "
	                           "09:00\xe2\x80\x93"
	                           "11:00, which overlaps 10:00\xe2\x80\x93"
	                           "12:00");
	assert_true(fixture_try_add(c, "session", &e, "event", fixture_num(f->event), "room",
	                            fixture_num(room), "title", "Opening", "starts",
	                            "2024-12-07 11:00", "ends", "2024-12-07 12:00", NULL) > 0);
	int64_t o1 = fixture_try_add(c, "org", &e, "name", "Harbor Light", NULL);
	int64_t o2 = fixture_try_add(c, "org", &e, "name", "City Task Force", NULL);
	assert_true(fixture_try_add(c, "booth", &e, "event", fixture_num(f->event), "org",
	                            fixture_num(o1), "label", "B12", NULL) > 0);
	assert_int_equal(fixture_try_add(c, "booth", &e, "event", fixture_num(f->event), "org",
	                                 fixture_num(o2), "label", "b12", "starts",
	                                 "2024-12-07 12:00", "ends", "2024-12-07 13:00", NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "booth b12 is held by Harbor Light"));
	assert_true(fixture_try_add(c, "booth", &e, "event", fixture_num(f->event), "org",
	                            fixture_num(o2), "label", "B13", NULL) > 0);
	/* availability: a first window that leaves a shift outside is soft */
	assert_int_equal(fixture_try_add(c, "availability", &e, "person", fixture_num(f->person[0]),
	                                 "event", fixture_num(f->event), "starts",
	                                 "2024-12-07 08:00", "ends", "2024-12-07 12:00", NULL),
	                 -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "is available only Sat 7 Dec 08:00"));
	c->override_reason = "agreed by phone";
	assert_true(fixture_try_add(c, "availability", &e, "person", fixture_num(f->person[0]),
	                            "event", fixture_num(f->event), "starts", "2024-12-07 08:00",
	                            "ends", "2024-12-07 12:00", NULL) > 0);
	c->override_reason = NULL;
	/* a speaker during their shift */
	int64_t talk =
	    fixture_try_add(c, "session", &e, "event", fixture_num(f->event), "title", "Panel",
	                    "starts", "2024-12-07 10:00", "ends", "2024-12-07 10:30", NULL);
	assert_int_equal(fixture_try_add(c, "speaker", &e, "session", fixture_num(talk), "person",
	                                 fixture_num(f->person[0]), NULL),
	                 -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "Dana Reyes speaks at \"Panel\""));
}

static void skills_and_ages(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	int64_t aid = fixture_try_add(c, "skill", &e, "name", "first aid", NULL);
	int64_t medic = fixture_try_add(c, "role", &e, "event", fixture_num(f->event), "name",
	                                "Medic", "skill", fixture_num(aid), "min_age", "18", NULL);
	int64_t s = fixture_try_add(c, "shift", &e, "event", fixture_num(f->event), "role",
	                            fixture_num(medic), "starts", "2024-12-07 15:00", "ends",
	                            "2024-12-07 17:00", NULL);
	assert_int_equal(staffing_check(c, s, f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "Dana Reyes lacks first aid"));
	assert_non_null(strstr(e.msg, "no birth date"));
	assert_int_equal(set1(c, "person", f->person[0], "birth_date", "2006-12-07", &e), 0);
	int64_t held = fixture_try_add(c, "person_skill", &e, "person", fixture_num(f->person[0]),
	                               "skill", fixture_num(aid), "expires", "2024-12-07", NULL);
	assert_true(held > 0);
	assert_int_equal(staffing_assign(c, s, f->person[0], "coordinator", &id, &e), 0);
	/* changing the facts under the assignment is judged again */
	assert_int_equal(set1(c, "person_skill", held, "expires", "2024-12-06", &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "expired on 2024-12-06"));
	assert_int_equal(set1(c, "person", f->person[0], "birth_date", "2006-12-08", &e), -1);
	assert_non_null(strstr(e.msg, "is 17 on Sat 7 Dec"));
	assert_int_equal(set1(c, "role", medic, "min_age", "21", &e), -1);
	assert_non_null(strstr(e.msg, "minimum age 21"));
	assert_int_equal(record_rm(c, entity_find("person_skill"), held, &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	c->override_reason = "renewal in the post";
	assert_int_equal(record_rm(c, entity_find("person_skill"), held, &e), 0);
	c->override_reason = NULL;
}

struct found {
	char kinds[32][16];
	char first_msg[32][512];
	int n;
};

static int collect(void *arg, const char *kind, const char *message)
{
	struct found *x = arg;
	if (x->n < 32) {
		snprintf(x->kinds[x->n], sizeof x->kinds[x->n], "%s", kind);
		snprintf(x->first_msg[x->n], sizeof x->first_msg[x->n], "%s", message);
	}
	x->n++;
	return 0;
}

static int has(const struct found *x, const char *kind, const char *text)
{
	for (int i = 0; i < x->n && i < 32; i++)
		if (strcmp(x->kinds[i], kind) == 0 && strstr(x->first_msg[i], text))
			return 1;
	return 0;
}

/* Insert a row without any hook, as a bad import or an old muster might. */
static void raw(struct ctx *c, const char *table, const char *const *cols, const int64_t *v,
                size_t n)
{
	struct db_value vals[8];
	struct err e = {0};
	for (size_t i = 0; i < n; i++)
		vals[i] = db_int(v[i]);
	assert_int_equal(record_store_insert(c->db, table, cols, vals, n, NULL, &e), 0);
}

static void check_finds_violations(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	struct found x = {0};
	int64_t id;
	assert_int_equal(check_run(c, 0, collect, &x, &e), 0);
	assert_int_equal(x.n, 0);
	assert_int_equal(staffing_assign(c, f->shift[0], f->person[0], "coordinator", &id, &e), 0);
	c->override_reason = "test";
	assert_int_equal(staffing_assign(c, f->shift[2], f->person[0], "coordinator", &id, &e), 0);
	c->override_reason = NULL;
	static const char *const acols[] = {"shift", "person"};
	int64_t v1[] = {f->shift[1], f->person[0]};
	raw(c, "assignment", acols, v1, 2); /* overlap */
	int64_t v2[] = {f->shift[2], f->person[1]};
	raw(c, "assignment", acols, v2, 2); /* overfilled */
	assert_int_equal(check_run(c, 0, collect, &x, &e), 0);
	assert_true(has(&x, "overlap", "Dana Reyes already works Greeter Sat 7 Dec 09:00"));
	assert_true(has(&x, "rest", "no rest between Greeter Sat 7 Dec 09:00"));
	assert_true(has(&x, "full", "has 2 people, more than need_max 1"));
	assert_true(check_kind_hard("overlap"));
	assert_false(check_kind_hard("rest"));
	/* --event of another event sees none of it */
	int64_t other =
	    fixture_try_add(c, "event", &e, "name", "Other", "starts", "2024-12-08 08:00", "ends",
	                    "2024-12-08 18:00", "tz", CHI, NULL);
	struct found y = {0};
	assert_int_equal(check_run(c, other, collect, &y, &e), 0);
	assert_int_equal(y.n, 0);
	/* a room clash, a shift outside the span, a full event with a waitlist */
	int64_t room =
	    fixture_try_add(c, "room", &e, "event", fixture_num(f->event), "name", "Salon A", NULL);
	int64_t s1[] = {f->event, room, at("2024-12-07 09:00"), at("2024-12-07 11:00")};
	int64_t s2[] = {f->event, room, at("2024-12-07 10:00"), at("2024-12-07 12:00")};
	struct db_value sv[6];
	static const char *const scols2[] = {"event", "room", "starts", "ends", "title", "uid"};
	for (int k = 0; k < 2; k++) {
		const int64_t *s = k ? s2 : s1;
		for (int i = 0; i < 4; i++)
			sv[i] = db_int(s[i]);
		sv[4] = db_text(k ? "Opening" : "Supply chains");
		sv[5] = db_text(k ? "uid-2" : "uid-1");
		assert_int_equal(record_store_insert(c->db, "session", scols2, sv, 6, NULL, &e), 0);
	}
	struct found z = {0};
	assert_int_equal(set1(c, "event", f->event, "capacity", "1", &e), 0);
	int64_t reg;
	assert_int_equal(registration_register(c, f->event, f->person[4], NULL, &reg, &e), 0);
	assert_int_equal(registration_register(c, f->event, f->person[5], NULL, &reg, &e), 0);
	assert_int_equal(record_store_update(c->db, "event", f->event,
	                                     (const char *const[]){"capacity"},
	                                     (struct db_value[]){db_int(3)}, 1, &e),
	                 0);
	assert_int_equal(check_run(c, f->event, collect, &z, &e), 0);
	assert_true(has(&z, "room", "Salon A is taken by \"Supply chains\""));
	assert_true(has(&z, "waitlist", "Di Poe waits on its waitlist at position 1"));
}

static void hours_on_a_dst_day(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	int64_t ev = fixture_try_add(c, "event", &e, "name", "Spring", "starts", "2027-03-13 20:00",
	                             "ends", "2027-03-14 23:00", "tz", "America/New_York", NULL);
	int64_t role =
	    fixture_try_add(c, "role", &e, "event", fixture_num(ev), "name", "Guard", NULL);
	static const char *const t[][2] = {
	    {"2027-03-14 00:00", "2027-03-14 06:00"}, /* 5 real hours: 02:00 is skipped */
	    {"2027-03-14 12:00", "2027-03-14 17:00"},
	    {"2027-03-14 17:30", "2027-03-14 18:30"},
	};
	int64_t s[3];
	for (int i = 0; i < 3; i++)
		s[i] = fixture_try_add(c, "shift", &e, "event", fixture_num(ev), "role",
		                       fixture_num(role), "starts", t[i][0], "ends", t[i][1], NULL);
	/* 10 real hours on the 23-hour day: within the limit, no override */
	assert_int_equal(staffing_assign(c, s[0], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(staffing_assign(c, s[1], f->person[0], "coordinator", &id, &e), 0);
	assert_int_equal(staffing_check(c, s[2], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_non_null(strstr(e.msg, "has 11 h of shifts on Sun 14 Mar, over the limit of 10 h"));
	struct found x = {0};
	assert_int_equal(check_run(c, ev, collect, &x, &e), 0);
	assert_int_equal(x.n, 0);
	c->override_reason = "storm";
	assert_int_equal(staffing_assign(c, s[2], f->person[0], "coordinator", &id, &e), 0);
	c->override_reason = NULL;
	assert_int_equal(check_run(c, ev, collect, &x, &e), 0);
	assert_int_equal(x.n, 1);
	assert_true(has(&x, "hours", "Dana Reyes has 11 h of shifts on Sun 14 Mar"));
	/* a booth used by a shift stays in its event */
	int64_t org = fixture_try_add(c, "org", &e, "name", "Harbor Light", NULL);
	int64_t booth = fixture_try_add(c, "booth", &e, "event", fixture_num(ev), "org",
	                                fixture_num(org), "label", "B1", NULL);
	assert_int_equal(set1(c, "shift", s[2], "booth", fixture_num(booth), &e), 0);
	assert_int_equal(set1(c, "booth", booth, "event", fixture_num(f->event), &e), -1);
	assert_non_null(strstr(e.msg, "is used by shift"));
}

static void pins(void **state)
{
	struct staffing_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	char pin[PERSON_PIN_LEN + 1], hash[256];
	assert_int_equal(person_verify_pin(c, f->person[0], "123456", &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(person_set_pin(c, f->person[0], pin, sizeof pin, &e), 0);
	assert_int_equal(strlen(pin), PERSON_PIN_LEN);
	assert_int_equal(strspn(pin, "0123456789"), PERSON_PIN_LEN);
	assert_int_equal(person_verify_pin(c, f->person[0], pin, &e), 0);
	char wrong[PERSON_PIN_LEN + 1];
	snprintf(wrong, sizeof wrong, "%06d", (pin[0] == '9' ? 0 : 1) + (pin[0] - '0') * 100000);
	assert_int_equal(person_verify_pin(c, f->person[0], wrong, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	text_of(c, "SELECT pin_hash FROM person WHERE id = ?", f->person[0], hash, sizeof hash);
	assert_non_null(strstr(hash, "$argon2id$"));
	assert_null(strstr(hash, pin));
	assert_int_equal(audit_count(c, "pin"), 1);
	assert_int_equal(person_set_pin(c, 999, pin, sizeof pin, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(assign_overlap_and_rest, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(shift_fills_up, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(assignment_registers_volunteer, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(kiosk_limits, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(attendance, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(waitlist_in_order, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(generic_writes_follow_the_rules, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(skills_and_ages, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(check_finds_violations, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(hours_on_a_dst_day, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(pins, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
