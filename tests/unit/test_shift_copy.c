/* test_shift_copy.c - a day's shifts copied to another day (#20 item 9):
 * wall-clock hours kept across the change of the clocks, need_min,
 * need_max, place and notes kept, volunteers left out, one role or all,
 * audited; a day outside the event, the same day, a bad date or a copy
 * that breaks a rule are refused with nothing written. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/entity.h"
#include "../../core/shift_copy.h"
#include "../../core/staffing.h"
#include "../../core/tz.h"
#include "fixture.h"

#define NY "America/New_York"

struct copy_fixture {
	struct fixture fx;
	int64_t event, usher, desk, room, shift[3], person;
};

static int64_t at(const char *text)
{
	return fixture_at(NY, text);
}

/* Forum, Sat 13 - Sun 14 Mar 2027 in New York (clocks go forward on the
 * Sunday at 02:00); Usher 09-11 in a room (2-3, notes) with a volunteer,
 * Usher 13-15, Desk 09-12 on the Saturday. */
static int setup(void **state)
{
	static struct copy_fixture f;
	struct err e = {0};
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, at("2026-11-24 12:00")) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	f.event = fixture_add(c, "event", "name", "Forum", "starts", "2027-03-13 08:00", "ends",
	                      "2027-03-14 17:30", "tz", NY, NULL);
	const char *ev = fixture_num(f.event);
	f.usher = fixture_add(c, "role", "event", ev, "name", "Usher", NULL);
	f.desk = fixture_add(c, "role", "event", ev, "name", "Desk", NULL);
	f.room = fixture_add(c, "room", "event", ev, "name", "Hall", NULL);
	f.shift[0] = fixture_add(c, "shift", "event", ev, "role", fixture_num(f.usher), "room",
	                         fixture_num(f.room), "starts", "2027-03-13 09:00", "ends",
	                         "2027-03-13 11:00", "need_min", "2", "need_max", "3", "notes",
	                         "doors A and B", NULL);
	f.shift[1] = fixture_add(c, "shift", "event", ev, "role", fixture_num(f.usher), "starts",
	                         "2027-03-13 13:00", "ends", "2027-03-13 15:00", NULL);
	f.shift[2] = fixture_add(c, "shift", "event", ev, "role", fixture_num(f.desk), "starts",
	                         "2027-03-13 09:00", "ends", "2027-03-13 12:00", NULL);
	f.person = fixture_add(c, "person", "name", "최도윤", NULL);
	int64_t id;
	if (staffing_assign(c, f.shift[0], f.person, "coordinator", &id, &e) < 0)
		return -1;
	*state = &f;
	return 0;
}

static int64_t count(struct ctx *c, const char *sql, int64_t arg)
{
	struct db_value v = db_int(arg), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, &v, 1, &out, &e), 0);
	return out.i;
}

static int64_t shifts(struct ctx *c, int64_t event)
{
	return count(c, "SELECT count(*) FROM shift WHERE event = ?", event);
}

static void copies_every_role(void **state)
{
	struct copy_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int n = -1;
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-13", "2027-03-14", &n, &e), 0);
	assert_int_equal(n, 3);
	assert_int_equal(shifts(c, f->event), 6);
	/* the copy of the Usher 09-11: same wall time on the Sunday (EDT), the
	 * same room, needs and notes, nobody on it */
	struct db_value v = db_int(at("2027-03-14 09:00")), out;
	assert_int_equal(
	    record_store_value(c->db, "SELECT id FROM shift WHERE starts = ? AND room IS NOT NULL",
	                       &v, 1, &out, &e),
	    0);
	assert_int_equal(out.kind, DBV_INT);
	struct record r;
	assert_int_equal(record_get(c, entity_find("shift"), out.i, &r, &e), 0);
	assert_int_equal(record_int(&r, "ends"), at("2027-03-14 11:00"));
	assert_int_equal(record_int(&r, "ends") - record_int(&r, "starts"), 7200);
	assert_int_equal(record_int(&r, "role"), f->usher);
	assert_int_equal(record_int(&r, "room"), f->room);
	assert_int_equal(record_int(&r, "need_min"), 2);
	assert_int_equal(record_int(&r, "need_max"), 3);
	assert_string_equal(record_text(&r, "notes"), "doors A and B");
	assert_string_not_equal(record_text(&r, "uid"), "");
	assert_int_equal(count(c, "SELECT count(*) FROM assignment WHERE shift = ?", r.id), 0);
	record_free(&r);
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit WHERE action = 'copy' AND entity_id = ?",
	                       f->event),
	                 1);
	assert_int_equal(
	    count(c,
	          "SELECT count(*) FROM audit WHERE action = 'add' AND entity = 'shift'"
	          " AND entity_id > ?",
	          f->shift[2]),
	    3);
}

static void copies_one_role(void **state)
{
	struct copy_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int n = -1;
	assert_int_equal(shift_copy_day(c, f->event, f->desk, "2027-03-13", "2027-03-14", &n, &e),
	                 0);
	assert_int_equal(n, 1);
	assert_int_equal(count(c, "SELECT count(*) FROM shift WHERE role = ?", f->desk), 2);
	assert_int_equal(count(c, "SELECT count(*) FROM shift WHERE role = ?", f->usher), 2);
	/* and back: the Sunday's Desk shift to the Saturday */
	assert_int_equal(shift_copy_day(c, f->event, f->desk, "2027-03-14", "2027-03-13", &n, &e),
	                 0);
	assert_int_equal(n, 1);
	assert_int_equal(count(c, "SELECT count(*) FROM shift WHERE role = ?", f->desk), 3);
}

static void refuses_cleanly(void **state)
{
	struct copy_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int n = -1;
	int64_t before = count(c, "SELECT count(*) FROM audit WHERE ? > 0", 1);
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-13", "2027-03-20", &n, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "2027-03-20 is not a day of event"));
	assert_non_null(strstr(e.msg, "2027-03-13 to 2027-03-14"));
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-13", "2027-03-13", &n, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-13", "2027-02-30", &n, &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-14", "2027-03-13", &n, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "no open shifts"));
	assert_int_equal(shift_copy_day(c, 999, 0, "2027-03-13", "2027-03-14", &n, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* a shift whose copy would end after the event: nothing at all written */
	struct field_assign late[] = {{"starts", "2027-03-13 16:00"}, {"ends", "2027-03-13 18:00"}};
	assert_int_equal(record_set(c, entity_find("shift"), f->shift[1], late, 2, &e), 0);
	before = count(c, "SELECT count(*) FROM audit WHERE ? > 0", 1);
	assert_int_equal(shift_copy_day(c, f->event, 0, "2027-03-13", "2027-03-14", &n, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(n, 0);
	assert_int_equal(shifts(c, f->event), 3);
	assert_int_equal(count(c, "SELECT count(*) FROM audit WHERE ? > 0", 1), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(copies_every_role, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(copies_one_role, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(refuses_cleanly, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
