/* test_autofill.c - auto-fill's objective on small hand-made events: a swap
 * that fills two shifts where the greedy order filled one, need_min before
 * need_max, hours spread, skills (with expiry), availability, rest, the
 * hours of a day across a DST change, the reasons of a shift left short,
 * a plan overtaken by another writer (skipped, never forced), scope
 * checks, and the undo of a batch that keeps what was changed since. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/autofill.h"
#include "../../core/check.h"
#include "../../core/staffing.h"
#include "fixture.h"

#define NY "America/New_York"

static int64_t add_event(struct ctx *c, const char *day)
{
	char from[32], to[32];
	snprintf(from, sizeof from, "%s 00:00", day);
	snprintf(to, sizeof to, "%s 23:00", day);
	return fixture_add(c, "event", "name", "Forum", "starts", from, "ends", to, "tz", NY, NULL);
}

static int64_t add_role(struct ctx *c, int64_t event, const char *name, int64_t skill, int min_age)
{
	char age[16];
	snprintf(age, sizeof age, "%d", min_age);
	if (skill)
		return fixture_add(c, "role", "event", fixture_num(event), "name", name, "skill",
		                   fixture_num(skill), "min_age", age, NULL);
	return fixture_add(c, "role", "event", fixture_num(event), "name", name, "min_age", age,
	                   NULL);
}

static int64_t add_shift(struct ctx *c, int64_t event, int64_t role, const char *from,
                         const char *to, int need_min, int need_max)
{
	char lo[16], hi[16];
	snprintf(lo, sizeof lo, "%d", need_min);
	snprintf(hi, sizeof hi, "%d", need_max);
	return fixture_add(c, "shift", "event", fixture_num(event), "role", fixture_num(role),
	                   "starts", from, "ends", to, "need_min", lo, "need_max", hi, NULL);
}

/* A registered volunteer of event. */
static int64_t add_volunteer(struct ctx *c, int64_t event, const char *name)
{
	int64_t p = fixture_add(c, "person", "name", name, "birth_date", "1990-01-01", NULL);
	fixture_add(c, "registration", "event", fixture_num(event), "person", fixture_num(p),
	            "kind", "volunteer", NULL);
	return p;
}

static void plan(struct ctx *c, int64_t event, struct af_plan *p)
{
	struct af_scope sc = {.event = event};
	struct err e = {0};
	if (autofill_plan(c, &sc, p, &e) < 0)
		fail_msg("plan: %s", e.msg);
}

/* Does the plan put person on shift? */
static bool picked(const struct af_plan *p, int64_t shift, int64_t person)
{
	for (size_t i = 0; i < p->npicks; i++)
		if (p->picks[i].shift == shift && p->picks[i].person == person &&
		    p->picks[i].state != AF_DROPPED)
			return true;
	return false;
}

static int count_line(void *arg, const char *kind, const char *message)
{
	(*(int *)arg)++;
	print_message("check: %s: %s\n", kind, message);
	return 0;
}

/* Write the plan; nothing skipped, and check finds nothing. */
static void apply_clean(struct ctx *c, struct af_plan *p)
{
	struct err e = {0};
	if (autofill_apply(c, p, &e) < 0)
		fail_msg("apply: %s", e.msg);
	assert_int_equal(p->stats.skipped, 0);
	assert_int_equal(p->stats.added, (int64_t)p->npicks);
	int lines = 0;
	assert_int_equal(check_run(c, p->event, count_line, &lines, &e), 0);
	assert_int_equal(lines, 0);
}

/* P may work any time, Q only 09-11. Shifts 09-11 and 10-12: the order gives
 * P the first; the repair moves P to the second and gives Q the first. */
static void test_swap(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s1 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t s2 = add_shift(c, ev, role, "2027-03-20 10:00", "2027-03-20 12:00", 1, 1);
	int64_t p = add_volunteer(c, ev, "Pat");
	int64_t q = add_volunteer(c, ev, "Quinn");
	fixture_add(c, "availability", "person", fixture_num(q), "event", fixture_num(ev), "starts",
	            "2027-03-20 09:00", "ends", "2027-03-20 11:00", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 2);
	assert_true(picked(&pl, s1, q));
	assert_true(picked(&pl, s2, p));
	assert_int_equal(pl.stats.min_after, 2);
	assert_int_equal(pl.nshorts, 0);
	apply_clean(c, &pl);
	autofill_free(&pl);
}

/* A chain of two moves: the shortest shift goes first, to Pat; Quinn takes
 * the next; the long one is then short, and only Pat may do it. Pat moves
 * over, Quinn leaves hers for Pat's, and Rae (free) takes Quinn's: three
 * places where a single swap finds two. */
static void test_chain(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s1 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t s2 = add_shift(c, ev, role, "2027-03-20 10:00", "2027-03-20 11:30", 1, 1);
	int64_t s3 = add_shift(c, ev, role, "2027-03-20 11:00", "2027-03-20 12:00", 1, 1);
	int64_t p = add_volunteer(c, ev, "Pat");
	int64_t q = add_volunteer(c, ev, "Quinn");
	int64_t r = add_volunteer(c, ev, "Rae");
	fixture_add(c, "availability", "person", fixture_num(q), "event", fixture_num(ev), "starts",
	            "2027-03-20 10:00", "ends", "2027-03-20 12:00", NULL);
	fixture_add(c, "availability", "person", fixture_num(r), "event", fixture_num(ev), "starts",
	            "2027-03-20 10:00", "ends", "2027-03-20 11:30", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 3);
	assert_true(picked(&pl, s1, p));
	assert_true(picked(&pl, s3, q));
	assert_true(picked(&pl, s2, r));
	assert_int_equal(pl.stats.min_after, 3);
	assert_int_equal(pl.nshorts, 0);
	apply_clean(c, &pl);
	autofill_free(&pl);
}

/* Two places at once: need_min of both shifts before the second place of one. */
static void test_need_min_first(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t a = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 3);
	int64_t b = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	add_volunteer(c, ev, "Ana");
	add_volunteer(c, ev, "Ben");
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 2);
	assert_int_equal(pl.stats.min_after, 2);
	int on_a = 0, on_b = 0;
	for (size_t i = 0; i < pl.npicks; i++) {
		on_a += pl.picks[i].shift == a;
		on_b += pl.picks[i].shift == b;
	}
	assert_int_equal(on_a, 1);
	assert_int_equal(on_b, 1);
	apply_clean(c, &pl);
	autofill_free(&pl);
}

/* Four shifts of two hours for two people: two each, not four and none. */
static void test_hours_spread(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	static const char *const at[][2] = {{"2027-03-20 08:00", "2027-03-20 10:00"},
	                                    {"2027-03-20 11:00", "2027-03-20 13:00"},
	                                    {"2027-03-20 14:00", "2027-03-20 16:00"},
	                                    {"2027-03-20 17:00", "2027-03-20 19:00"}};
	for (size_t i = 0; i < 4; i++)
		add_shift(c, ev, role, at[i][0], at[i][1], 1, 1);
	add_volunteer(c, ev, "Ana");
	add_volunteer(c, ev, "Ben");
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 4);
	assert_int_equal(pl.stats.used, 2);
	assert_true(pl.stats.hours_max == 4.0 && pl.stats.hours_min == 4.0);
	autofill_free(&pl);
}

/* The role's skill, unexpired on the shift's date; the others are counted
 * as lacking it when the shift stays short. */
static void test_skills(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t aid = fixture_add(c, "skill", "name", "First aid", NULL);
	int64_t role = add_role(c, ev, "Medic", aid, 0);
	int64_t s1 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t s2 = add_shift(c, ev, role, "2027-03-20 13:00", "2027-03-20 15:00", 1, 1);
	int64_t none = add_volunteer(c, ev, "Ana");
	int64_t old = add_volunteer(c, ev, "Ben");
	int64_t ok = add_volunteer(c, ev, "Cy");
	fixture_add(c, "person_skill", "person", fixture_num(old), "skill", fixture_num(aid),
	            "expires", "2027-03-19", NULL);
	fixture_add(c, "person_skill", "person", fixture_num(ok), "skill", fixture_num(aid),
	            "expires", "2027-03-20", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 2);
	assert_true(picked(&pl, s1, ok) && picked(&pl, s2, ok));
	assert_false(picked(&pl, s1, none) || picked(&pl, s1, old));
	apply_clean(c, &pl);
	autofill_free(&pl);
	/* a third at the same time as the first: short, two lack the skill, one is busy */
	int64_t s3 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 0);
	assert_int_equal(pl.nshorts, 1);
	assert_int_equal(pl.shorts[0].shift, s3);
	assert_int_equal(pl.shorts[0].count[AF_SKILL], 2);
	assert_int_equal(pl.shorts[0].count[AF_BUSY], 1);
	char why[256];
	autofill_reasons_text(&pl.shorts[0], why, sizeof why);
	assert_string_equal(why, "1 busy at that time, 2 lack the skill");
	autofill_free(&pl);
}

/* Windows: only a volunteer whose windows cover the shift gets it. */
static void test_availability(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 12:00", 1, 1);
	int64_t part = add_volunteer(c, ev, "Ana");
	int64_t split = add_volunteer(c, ev, "Ben");
	fixture_add(c, "availability", "person", fixture_num(part), "event", fixture_num(ev),
	            "starts", "2027-03-20 09:00", "ends", "2027-03-20 11:00", NULL);
	/* two windows that meet cover the shift together */
	fixture_add(c, "availability", "person", fixture_num(split), "event", fixture_num(ev),
	            "starts", "2027-03-20 10:00", "ends", "2027-03-20 12:00", NULL);
	fixture_add(c, "availability", "person", fixture_num(split), "event", fixture_num(ev),
	            "starts", "2027-03-20 08:00", "ends", "2027-03-20 10:00", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 1);
	assert_true(picked(&pl, s, split));
	apply_clean(c, &pl);
	autofill_free(&pl);
	int64_t s2 = add_shift(c, ev, role, "2027-03-20 13:00", "2027-03-20 14:00", 1, 1);
	plan(c, ev, &pl);
	assert_int_equal(pl.nshorts, 1);
	assert_int_equal(pl.shorts[0].shift, s2);
	assert_int_equal(pl.shorts[0].count[AF_AVAIL], 2);
	autofill_free(&pl);
}

/* Rest: 30 minutes between two shifts of one person by default. */
static void test_rest(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s1 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t s2 = add_shift(c, ev, role, "2027-03-20 11:15", "2027-03-20 13:00", 1, 1);
	int64_t s3 = add_shift(c, ev, role, "2027-03-20 11:30", "2027-03-20 13:00", 1, 1);
	int64_t p = add_volunteer(c, ev, "Ana");
	struct err e = {0};
	assert_int_equal(staffing_assign(c, s1, p, "coordinator", NULL, &e), 0);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 1);
	assert_true(picked(&pl, s3, p));
	assert_int_equal(pl.nshorts, 1);
	assert_int_equal(pl.shorts[0].shift, s2);
	assert_int_equal(pl.shorts[0].count[AF_REST], 1);
	apply_clean(c, &pl);
	autofill_free(&pl);
}

/* Hours a day on 14 March 2027, when New York's clocks skip 02:00-03:00:
 * 00:00-03:00 is two hours, so with a limit of 4 a day a shift of two hours
 * still fits, and one of three does not (three by the wall clock). */
static void test_dst_day(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	f->cfg.max_hours_per_day = 4;
	int64_t ev = add_event(c, "2027-03-14");
	int64_t role = add_role(c, ev, "Night watch", 0, 0);
	int64_t night = add_shift(c, ev, role, "2027-03-14 00:00", "2027-03-14 03:00", 1, 1);
	int64_t two = add_shift(c, ev, role, "2027-03-14 10:00", "2027-03-14 12:00", 1, 1);
	int64_t three = add_shift(c, ev, role, "2027-03-14 14:00", "2027-03-14 17:00", 1, 1);
	int64_t p = add_volunteer(c, ev, "Ana");
	struct err e = {0};
	assert_int_equal(staffing_assign(c, night, p, "coordinator", NULL, &e), 0);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 1);
	assert_true(picked(&pl, two, p));
	assert_false(picked(&pl, three, p));
	apply_clean(c, &pl);
	assert_int_equal(pl.nshorts, 1);
	assert_int_equal(pl.shorts[0].shift, three);
	assert_int_equal(pl.shorts[0].count[AF_FULL], 1);
	autofill_free(&pl);
}

/* Too young: a role's minimum age on the shift's date. */
static void test_age(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Steward", 0, 18);
	int64_t s = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t young = fixture_add(c, "person", "name", "Kim", "birth_date", "2009-03-21", NULL);
	fixture_add(c, "registration", "event", fixture_num(ev), "person", fixture_num(young),
	            "kind", "volunteer", NULL);
	int64_t of_age = fixture_add(c, "person", "name", "Lee", "birth_date", "2009-03-20", NULL);
	fixture_add(c, "registration", "event", fixture_num(ev), "person", fixture_num(of_age),
	            "kind", "volunteer", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 1);
	assert_true(picked(&pl, s, of_age));
	autofill_free(&pl);
}

/* Another lead fills the shift between the plan and the write: the pick is
 * skipped and counted, the shift never overbooked. */
static void test_overtaken(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	int64_t t = add_shift(c, ev, role, "2027-03-20 13:00", "2027-03-20 15:00", 1, 1);
	add_volunteer(c, ev, "Ana");
	int64_t other = fixture_add(c, "person", "name", "Zed", NULL);
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 2);
	struct err e = {0};
	assert_int_equal(staffing_assign(c, s, other, "coordinator", NULL, &e), 0);
	assert_int_equal(autofill_apply(c, &pl, &e), 0);
	assert_int_equal(pl.stats.added, 1);
	assert_int_equal(pl.stats.skipped, 1);
	for (size_t i = 0; i < pl.npicks; i++)
		if (pl.picks[i].shift == s) {
			assert_int_equal(pl.picks[i].state, AF_SKIPPED);
			assert_non_null(strstr(pl.picks[i].why, "is full"));
		} else {
			assert_int_equal(pl.picks[i].shift, t);
			assert_int_equal(pl.picks[i].state, AF_ADDED);
		}
	autofill_free(&pl);
}

/* A volunteer whose registration was cancelled after the plan is skipped,
 * not registered again by the assignment. */
static void test_no_longer_volunteer(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 2, 2);
	add_volunteer(c, ev, "Ana");
	add_volunteer(c, ev, "Ben");
	struct af_plan pl;
	plan(c, ev, &pl);
	assert_int_equal(pl.npicks, 2);
	struct err e = {0};
	struct field_assign off = {"status", "cancelled"};
	/* Ben's registration is the second one */
	assert_int_equal(record_set(c, entity_find("registration"), 2, &off, 1, &e), 0);
	assert_int_equal(autofill_apply(c, &pl, &e), 0);
	assert_int_equal(pl.stats.added, 1);
	assert_int_equal(pl.stats.skipped, 1);
	for (size_t i = 0; i < pl.npicks; i++) {
		assert_int_equal(pl.picks[i].shift, s);
		if (strcmp(pl.picks[i].name, "Ben") == 0) {
			assert_int_equal(pl.picks[i].state, AF_SKIPPED);
			assert_string_equal(pl.picks[i].why,
			                    "Ben is no longer a registered volunteer of Forum");
		} else {
			assert_int_equal(pl.picks[i].state, AF_ADDED);
		}
	}
	struct record r;
	assert_int_equal(record_get(c, entity_find("registration"), 2, &r, &e), 0);
	assert_string_equal(record_text(&r, "status"), "cancelled");
	record_free(&r);
	autofill_free(&pl);
}

/* Scope: role of another event, a day outside the event, an unknown event. */
static void test_scope(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t other = add_event(c, "2027-04-20");
	int64_t role = add_role(c, other, "Greeter", 0, 0);
	struct af_plan pl;
	struct err e = {0};
	struct af_scope sc = {.event = ev, .role = role};
	assert_int_equal(autofill_plan(c, &sc, &pl, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	sc = (struct af_scope){.event = ev, .day = "2027-03-21"};
	assert_int_equal(autofill_plan(c, &sc, &pl, &e), -1);
	assert_non_null(strstr(e.msg, "outside"));
	sc = (struct af_scope){.event = 99};
	assert_int_equal(autofill_plan(c, &sc, &pl, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	/* no volunteers: an empty plan, not an error */
	sc = (struct af_scope){.event = ev, .day = "2027-03-20"};
	assert_int_equal(autofill_plan(c, &sc, &pl, &e), 0);
	assert_int_equal(pl.npicks, 0);
	assert_int_equal(pl.stats.volunteers, 0);
	autofill_free(&pl);
}

/* Undo takes the batch back except what was checked in meanwhile; twice is
 * refused. */
static void test_undo(void **state)
{
	struct ctx *c = &((struct fixture *)*state)->ctx;
	int64_t ev = add_event(c, "2027-03-20");
	int64_t role = add_role(c, ev, "Greeter", 0, 0);
	int64_t s1 = add_shift(c, ev, role, "2027-03-20 09:00", "2027-03-20 11:00", 1, 1);
	add_shift(c, ev, role, "2027-03-20 13:00", "2027-03-20 15:00", 1, 1);
	add_shift(c, ev, role, "2027-03-20 16:00", "2027-03-20 18:00", 1, 1);
	int64_t p = add_volunteer(c, ev, "Ana");
	struct af_plan pl;
	plan(c, ev, &pl);
	apply_clean(c, &pl);
	assert_int_equal(pl.stats.added, 3);
	int64_t batch = pl.batch;
	assert_true(batch > 0);
	autofill_free(&pl);
	struct err e = {0};
	assert_int_equal(staffing_checkin(c, s1, p, &e), 0);
	struct af_undo u;
	assert_int_equal(autofill_undo(c, batch, &u, &e), 0);
	assert_int_equal(u.removed, 2);
	assert_int_equal(u.nkept, 1);
	assert_int_equal(u.kept[0].shift, s1);
	assert_string_equal(u.kept[0].why, "now checked_in");
	autofill_undo_free(&u);
	assert_int_equal(autofill_undo(c, batch, &u, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(autofill_undo(c, batch + 1, &u, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(test_swap),         fixture_unit_test(test_need_min_first),
	    fixture_unit_test(test_hours_spread), fixture_unit_test(test_skills),
	    fixture_unit_test(test_availability), fixture_unit_test(test_rest),
	    fixture_unit_test(test_dst_day),      fixture_unit_test(test_age),
	    fixture_unit_test(test_overtaken),    fixture_unit_test(test_scope),
	    fixture_unit_test(test_undo),         fixture_unit_test(test_no_longer_volunteer),
	    fixture_unit_test(test_chain),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
