/* test_signup.c - session sign-ups, one test per rule: seats as
 * min(session, room) capacity (0 = unlimited), the waitlist in order,
 * promotion on a cancellation (same transaction, audited), overlapping
 * sign-ups as a soft rule with its override, the registration a sign-up
 * needs, a cancelled session or registration taking its sign-ups along,
 * capacity floors on sessions and rooms, check-in; and the pure rule
 * functions behind them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/registration.h"
#include "../../core/rules.h"
#include "../../core/signup.h"
#include "../../core/tz.h"
#include "../../db/signup_store.h"
#include "fixture.h"

#define CHI  "America/Chicago"
#define DASH "\xe2\x80\x93"

struct signup_fixture {
	struct fixture fx;
	int64_t event, room, session[3], person[6];
};

static int64_t at(const char *text)
{
	return fixture_at(CHI, text);
}

/* Forum, Sat 5 Dec 2026 08:00-18:00 in Chicago; room Delaware (4 seats);
 * "Supply chains" 10-11 in it (capacity 3), "Social media" 10:30-11:30 (no
 * room, unlimited), "Wrap-up" 16-17; six people, the first five registered. */
static int setup(void **state)
{
	static struct signup_fixture f;
	memset(&f, 0, sizeof f);
	if (fixture_open(&f.fx, at("2026-11-24 06:00")) < 0)
		return -1;
	struct ctx *c = &f.fx.ctx;
	f.event = fixture_add(c, "event", "name", "Forum", "starts", "2026-12-05 08:00", "ends",
	                      "2026-12-05 18:00", "tz", CHI, NULL);
	f.room = fixture_add(c, "room", "event", fixture_num(f.event), "name", "Delaware",
	                     "capacity", "4", NULL);
	f.session[0] =
	    fixture_add(c, "session", "event", fixture_num(f.event), "room", fixture_num(f.room),
	                "title", "Supply chains", "starts", "2026-12-05 10:00", "ends",
	                "2026-12-05 11:00", "capacity", "3", NULL);
	f.session[1] =
	    fixture_add(c, "session", "event", fixture_num(f.event), "title", "Social media",
	                "starts", "2026-12-05 10:30", "ends", "2026-12-05 11:30", NULL);
	f.session[2] = fixture_add(c, "session", "event", fixture_num(f.event), "title", "Wrap-up",
	                           "starts", "2026-12-05 16:00", "ends", "2026-12-05 17:00", NULL);
	static const char *const names[] = {"Dana Reyes", "Lee Chan", "Ana Silva",
	                                    "Bo Kim",     "Cy Ode",   "Di Poe"};
	for (int i = 0; i < 6; i++) {
		struct err e = {0};
		int64_t reg;
		f.person[i] = fixture_add(c, "person", "name", names[i], NULL);
		if (i < 5 && registration_register(c, f.event, f.person[i], NULL, &reg, &e) < 0)
			fail_msg("register: %s", e.msg);
	}
	*state = &f;
	return 0;
}

static int64_t count(struct ctx *c, const char *sql, int64_t id)
{
	struct db_value v = db_int(id), out;
	struct err e = {0};
	assert_int_equal(record_store_value(c->db, sql, &v, 1, &out, &e), 0);
	return out.kind == DBV_INT ? out.i : -1;
}

static const char *where(struct ctx *c, int64_t session, int64_t person)
{
	static char buf[128];
	struct err e = {0};
	assert_int_equal(signup_describe(c, session, person, buf, sizeof buf, &e), 0);
	return buf;
}

static int set1(struct ctx *c, const char *entity, int64_t id, const char *k, const char *v,
                struct err *e)
{
	struct field_assign fa = {k, v};
	return record_set(c, entity_find(entity), id, &fa, 1, e);
}

/* ---- the pure rules ------------------------------------------------------ */

static void capacity_is_the_smaller(void **state)
{
	(void)state;
	assert_int_equal(rules_session_capacity(40, 120), 40);
	assert_int_equal(rules_session_capacity(120, 40), 40);
	assert_int_equal(rules_session_capacity(0, 40), 40);
	assert_int_equal(rules_session_capacity(40, 0), 40);
	assert_int_equal(rules_session_capacity(0, 0), 0);
}

static void rule_registration_needed(void **state)
{
	(void)state;
	char msg[300];
	assert_int_equal(rules_signup_registered("Dana", "Forum", "registered", 0, msg, sizeof msg),
	                 RULE_OK);
	assert_int_equal(rules_signup_registered("Dana", "Forum", "checked_in", 0, msg, sizeof msg),
	                 RULE_OK);
	assert_int_equal(rules_signup_registered("Dana", "Forum", "", 0, msg, sizeof msg),
	                 RULE_HARD);
	assert_string_equal(msg,
	                    "Dana is not registered for Forum: a sign-up needs a registration");
	assert_int_equal(rules_signup_registered("Dana", "Forum", "waitlisted", 3, msg, sizeof msg),
	                 RULE_HARD);
	assert_string_equal(
	    msg,
	    "Dana is on the waitlist for Forum (position 3): a sign-up needs a seat at the event");
	assert_int_equal(rules_signup_registered("Dana", "Forum", "cancelled", 0, msg, sizeof msg),
	                 RULE_HARD);
	assert_string_equal(
	    msg, "Dana's registration for Forum is cancelled: a sign-up needs an active one");
}

static void rule_overlap_is_soft(void **state)
{
	(void)state;
	struct rules_fmt f = {CHI, false};
	struct rules_slot held = {"Supply chains", at("2026-12-05 10:00"), at("2026-12-05 11:00")};
	struct rules_slot want = {"Social media", at("2026-12-05 10:30"), at("2026-12-05 11:30")};
	struct rules_slot after = {"Lunch", at("2026-12-05 11:00"), at("2026-12-05 12:00")};
	char msg[400];
	assert_int_equal(rules_signup_overlap(&f, "Dana", &held, &want, msg, sizeof msg),
	                 RULE_SOFT);
	assert_string_equal(msg, "Dana is signed up for \"Supply chains\" Sat 5 Dec 10:00" DASH
	                         "11:00, which overlaps \"Social media\" 10:30" DASH "11:30");
	assert_int_equal(rules_signup_overlap(&f, "Dana", &held, &after, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_session_over_capacity(&f, &held, 5, 4, msg, sizeof msg), RULE_HARD);
	assert_string_equal(msg, "session \"Supply chains\" Sat 5 Dec 10:00" DASH
	                         "11:00 has 5 sign-ups, more than its 4 seats");
	assert_int_equal(rules_session_over_capacity(&f, &held, 4, 4, msg, sizeof msg), RULE_OK);
	assert_int_equal(rules_session_over_capacity(&f, &held, 9, 0, msg, sizeof msg), RULE_OK);
}

/* The SQL the screens count seats with says what the rule says. */
static void seats_sql_agrees(void **state)
{
	struct fixture *f = *state;
	static const int64_t caps[] = {0, 1, 40, 120};
	for (size_t i = 0; i < 4; i++) {
		for (size_t j = 0; j < 4; j++) {
			struct db_value v[2] = {db_int(caps[i]), db_int(caps[j])}, out;
			struct err e = {0};
			assert_int_equal(record_store_value(f->ctx.db,
			                                    "SELECT " SIGNUP_SEATS_SQL("?1", "?2"),
			                                    v, 2, &out, &e),
			                 0);
			assert_int_equal(out.i, rules_session_capacity(caps[i], caps[j]));
		}
	}
}

/* ---- through the core ---------------------------------------------------- */

static void waitlist_in_order(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	for (int i = 0; i < 5; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[2]), "signed up");
	assert_string_equal(where(c, f->session[0], f->person[3]), "waitlisted at position 1");
	assert_string_equal(where(c, f->session[0], f->person[4]), "waitlisted at position 2");
	int64_t cap, taken;
	assert_int_equal(signup_seats(c, f->session[0], &cap, &taken, &e), 0);
	assert_int_equal(cap, 3);
	assert_int_equal(taken, 3);
	/* twice is refused, naming the sign-up */
	assert_int_equal(signup_register(c, f->session[0], f->person[0], &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "Dana Reyes is already signed up for \"Supply chains\""));
	/* a session without a room and without a capacity seats everyone */
	for (int i = 0; i < 5; i++)
		assert_int_equal(signup_register(c, f->session[2], f->person[i], &id, &e), 0);
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM signup WHERE session = ? AND status = "
	                       "'registered'",
	                       f->session[2]),
	                 5);
}

static void room_capacity_counts(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	/* the session seats 3 while the room holds 4; with the room at 2, 2 */
	assert_int_equal(set1(c, "room", f->room, "capacity", "2", &e), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[2]), "waitlisted at position 1");
	/* a room too small for those seated is refused, naming the session */
	assert_int_equal(set1(c, "room", f->room, "capacity", "1", &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg, "\"Supply chains\" already has 2 sign-ups; its capacity cannot "
	                           "go below that (cancel sign-ups first)");
	/* a bigger room promotes the first waiting, audited */
	assert_int_equal(set1(c, "room", f->room, "capacity", "0", &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[2]), "signed up");
	assert_int_equal(
	    count(c, "SELECT count(*) FROM audit WHERE action = 'promote' AND entity_id = ?", id),
	    1);
	/* the session's own capacity is the floor too */
	assert_int_equal(set1(c, "session", f->session[0], "capacity", "2", &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(set1(c, "session", f->session[0], "capacity", "4", &e), 0);
}

static void cancel_promotes(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id, promoted;
	for (int i = 0; i < 5; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	assert_int_equal(signup_cancel(c, f->session[0], f->person[1], &promoted, &e), 0);
	assert_int_equal(promoted, f->person[3]);
	assert_string_equal(where(c, f->session[0], f->person[3]), "signed up");
	assert_string_equal(where(c, f->session[0], f->person[4]), "waitlisted at position 1");
	assert_string_equal(where(c, f->session[0], f->person[1]), "cancelled");
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit WHERE action = 'promote'"
	                       " AND entity = 'signup' AND event = ?",
	                       f->event),
	                 1);
	/* a waiting person leaving closes the gap and promotes nobody */
	assert_int_equal(signup_register(c, f->session[0], f->person[1], &id, &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[1]), "waitlisted at position 2");
	assert_int_equal(signup_cancel(c, f->session[0], f->person[4], &promoted, &e), 0);
	assert_int_equal(promoted, 0);
	assert_string_equal(where(c, f->session[0], f->person[1]), "waitlisted at position 1");
	/* not signed up */
	assert_int_equal(signup_cancel(c, f->session[0], f->person[5], &promoted, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* rm of a seated row through the entity table promotes too */
	int64_t dana;
	assert_int_equal(signup_find(c, f->session[0], f->person[0], &dana, &e), 0);
	assert_int_equal(record_rm(c, entity_find("signup"), dana, &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[1]), "signed up");
}

static void overlap_overridden_with_reason(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(signup_register(c, f->session[0], f->person[0], &id, &e), 0);
	assert_int_equal(signup_check(c, f->session[1], f->person[0], &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_int_equal(signup_register(c, f->session[1], f->person[0], &id, &e), -1);
	assert_int_equal(e.code, ERR_SOFT);
	assert_string_equal(e.msg,
	                    "Dana Reyes is signed up for \"Supply chains\" Sat 5 Dec 10:00" DASH
	                    "11:00, which overlaps \"Social media\" 10:30" DASH "11:30");
	c->override_reason = "moderates the second half";
	assert_int_equal(signup_check(c, f->session[1], f->person[0], &e), 0);
	assert_int_equal(signup_register(c, f->session[1], f->person[0], &id, &e), 0);
	c->override_reason = NULL;
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM audit WHERE action = 'override'"
	                       " AND entity = 'session' AND entity_id = ?",
	                       f->session[1]),
	                 1);
	/* a cancelled sign-up no longer counts */
	assert_int_equal(signup_cancel(c, f->session[0], f->person[1], NULL, &e), -1);
	assert_int_equal(signup_register(c, f->session[1], f->person[1], &id, &e), 0);
	assert_int_equal(signup_register(c, f->session[0], f->person[2], &id, &e), 0);
	assert_int_equal(signup_cancel(c, f->session[0], f->person[2], NULL, &e), 0);
	assert_int_equal(signup_cancel(c, f->session[1], f->person[1], NULL, &e), 0);
	assert_int_equal(signup_register(c, f->session[1], f->person[2], &id, &e), 0);
}

static void registration_needed(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	assert_int_equal(signup_register(c, f->session[0], f->person[5], &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_string_equal(e.msg,
	                    "Di Poe is not registered for Forum: a sign-up needs a registration");
	/* the generic path says the same, and a reason does not help */
	c->override_reason = "walk-in";
	assert_int_equal(fixture_try_add(c, "signup", &e, "session", fixture_num(f->session[0]),
	                                 "person", fixture_num(f->person[5]), NULL),
	                 -1);
	c->override_reason = NULL;
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "not registered for Forum"));
	/* a waiting registration is no seat at the event */
	assert_int_equal(set1(c, "event", f->event, "capacity", "5", &e), 0);
	assert_int_equal(registration_register(c, f->event, f->person[5], NULL, &id, &e), 0);
	assert_int_equal(signup_register(c, f->session[0], f->person[5], &id, &e), -1);
	assert_non_null(strstr(e.msg, "on the waitlist for Forum (position 1)"));
	/* cancelled registrations take their sign-ups along, and promote */
	for (int i = 0; i < 4; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	assert_int_equal(registration_unregister(c, f->event, f->person[0], &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[0]), "cancelled");
	assert_string_equal(where(c, f->session[0], f->person[3]), "signed up");
}

static void notice(void *arg, const char *line)
{
	char *buf = arg;
	size_t n = strlen(buf);
	snprintf(buf + n, 1024 - n, "%s\n", line);
}

static void cancelled_session(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	char heard[1024] = "";
	for (int i = 0; i < 4; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	c->notice = notice;
	c->notice_arg = heard;
	assert_int_equal(set1(c, "session", f->session[0], "status", "cancelled", &e), 0);
	c->notice = NULL;
	assert_string_equal(
	    heard, "Bo Kim's sign-up for \"Supply chains\" is cancelled (was waiting)\n"
	           "Dana Reyes's sign-up for \"Supply chains\" is cancelled (had a seat)\n"
	           "Lee Chan's sign-up for \"Supply chains\" is cancelled (had a seat)\n"
	           "Ana Silva's sign-up for \"Supply chains\" is cancelled (had a seat)\n");
	assert_int_equal(count(c,
	                       "SELECT count(*) FROM signup WHERE session = ? AND status != "
	                       "'cancelled'",
	                       f->session[0]),
	                 0);
	assert_int_equal(
	    count(c, "SELECT count(*) FROM audit WHERE action = 'promote' AND entity_id != ?", 0),
	    0);
	/* nobody signs up for a cancelled session */
	assert_int_equal(signup_register(c, f->session[0], f->person[4], &id, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "is cancelled; Cy Ode cannot sign up"));
}

static void checkin(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t id;
	for (int i = 0; i < 4; i++)
		assert_int_equal(signup_register(c, f->session[0], f->person[i], &id, &e), 0);
	assert_int_equal(signup_checkin(c, f->session[0], f->person[0], &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[0]),
	                    "checked in at Tue 24 Nov 06:00");
	assert_int_equal(signup_checkin(c, f->session[0], f->person[0], &e), -1);
	assert_non_null(strstr(e.msg, "Dana Reyes already checked in at Tue 24 Nov 06:00"));
	assert_int_equal(signup_checkin(c, f->session[0], f->person[3], &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "Bo Kim is not seated: waitlisted at position 1"));
	assert_int_equal(signup_checkin(c, f->session[0], f->person[4], &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* a checked-in sign-up keeps its seat */
	int64_t cap, taken;
	assert_int_equal(signup_seats(c, f->session[0], &cap, &taken, &e), 0);
	assert_int_equal(taken, 3);
}

static void generic_writes(void **state)
{
	struct signup_fixture *f = *state;
	struct ctx *c = &f->fx.ctx;
	struct err e = {0};
	int64_t ids[4];
	for (int i = 0; i < 4; i++)
		ids[i] = fixture_add(c, "signup", "session", fixture_num(f->session[0]), "person",
		                     fixture_num(f->person[i]), NULL);
	assert_string_equal(where(c, f->session[0], f->person[3]), "waitlisted at position 1");
	assert_int_equal(fixture_try_add(c, "signup", &e, "session", fixture_num(f->session[0]),
	                                 "person", fixture_num(f->person[0]), NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "Dana Reyes already has sign-up"));
	/* a waiting row made to take a seat of a full session is refused */
	assert_int_equal(set1(c, "signup", ids[3], "status", "registered", &e), -1);
	assert_string_equal(e.msg, "\"Supply chains\" is full (3 of 3 seats taken): no seat for "
	                           "Bo Kim; raise the capacity or wait for a cancellation");
	assert_int_equal(set1(c, "signup", ids[0], "session", fixture_num(f->session[2]), &e), -1);
	assert_non_null(strstr(e.msg, "keeps its session and person"));
	assert_int_equal(set1(c, "signup", ids[1], "status", "cancelled", &e), 0);
	assert_string_equal(where(c, f->session[0], f->person[3]), "signed up");
	/* the session cannot be removed while sign-ups name it */
	assert_int_equal(record_rm(c, entity_find("session"), f->session[0], &e), -1);
	assert_non_null(strstr(e.msg, "signups"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(capacity_is_the_smaller),
	    cmocka_unit_test(rule_registration_needed),
	    cmocka_unit_test(rule_overlap_is_soft),
	    fixture_unit_test(seats_sql_agrees),
	    cmocka_unit_test_setup_teardown(waitlist_in_order, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(room_capacity_counts, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(cancel_promotes, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(overlap_overridden_with_reason, setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(registration_needed, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(cancelled_session, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(checkin, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(generic_writes, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
