/* test_candidates.c - the set-based ranks of core/candidates.c against
 * staffing_check, the exact verdict: one person per rule on a small event
 * (overlap, already on it, full, rest, hours a day, speaker, skill missing
 * and expired, age, no birth date, availability, override, cancelled), and
 * every volunteer on every shift of the small demo (38,000 pairs), where the
 * two must agree and the estimate must never be worse than the verdict. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/candidates.h"
#include "../../core/array.h"
#include "../../core/demo.h"
#include "../../core/entity.h"
#include "../../core/registration.h"
#include "../../core/staffing.h"
#include "../../core/tz.h"
#include "fixture.h"

#define CHI "America/Chicago"

/* A fresh fixture at 2024-11-24 12:00 UTC, before the small event. */
static int setup(void **state)
{
	static struct fixture f;
	*state = &f;
	return fixture_open(&f, 1732449600);
}

/* The exact rank of person on shift. */
static enum cand_rank exact(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	memset(e, 0, sizeof *e);
	int rc = staffing_check(c, shift, person, e);
	return candidates_rank_of(rc, e);
}

/* Every candidate: the estimate is never worse than the verdict; returns
 * how many differ, counting the verdicts by rank in seen[]. */
static int compare(struct ctx *c, int64_t shift, int seen[3])
{
	struct candidates cs;
	struct err e = {0};
	int differ = 0;
	if (candidates_load(c, shift, &cs, &e) < 0)
		fail_msg("candidates_load %lld: %s", (long long)shift, e.msg);
	for (size_t i = 0; i < cs.n; i++) {
		enum cand_rank r = exact(c, shift, cs.v[i].person, &e);
		if (cs.v[i].rank > r)
			fail_msg("shift %lld, %s: estimated %d, but staffing_check says %d (%s)",
			         (long long)shift, cs.v[i].name, cs.v[i].rank, r, e.msg);
		if (cs.v[i].rank != r) {
			print_message("# shift %lld, %s: estimate %d, verdict %d: %s\n",
			              (long long)shift, cs.v[i].name, cs.v[i].rank, r, e.msg);
			differ++;
		}
		seen[r]++;
		/* ordered by rank, then name */
		if (i > 0)
			assert_true(candidates_cmp(&cs.v[i - 1], &cs.v[i]) < 0);
	}
	candidates_free(&cs);
	return differ;
}

/* The rank of person among the candidates for shift (-1: not one). */
static int rank_of(struct ctx *c, int64_t shift, int64_t person)
{
	struct candidates cs;
	struct err e = {0};
	int r = -1;
	if (candidates_load(c, shift, &cs, &e) < 0)
		fail_msg("candidates_load: %s", e.msg);
	for (size_t i = 0; i < cs.n; i++)
		if (cs.v[i].person == person)
			r = (int)cs.v[i].rank;
	candidates_free(&cs);
	return r;
}

struct small {
	int64_t event, shift, other, full, longday, person[16];
};

/* A shift of role in the small event, for up to five people. */
static int64_t small_shift(struct ctx *c, const struct small *s, int64_t role, const char *starts,
                           const char *ends)
{
	return fixture_add(c, "shift", "event", fixture_num(s->event), "role", fixture_num(role),
	                   "starts", starts, "ends", ends, "need_max", "5", NULL);
}

/* Forum, Sat 7 Dec 2024 in Chicago: the shift under test is Greeter 12:00-14:00
 * (skill First aid, min age 18); people each break one rule. */
static void small_event(struct ctx *c, struct small *s)
{
	s->event = fixture_add(c, "event", "name", "Forum", "starts", "2024-12-07 06:00", "ends",
	                       "2024-12-07 23:00", "tz", CHI, NULL);
	int64_t aid = fixture_add(c, "skill", "name", "First aid", NULL);
	int64_t plain =
	    fixture_add(c, "role", "event", fixture_num(s->event), "name", "Usher", NULL);
	int64_t greeter = fixture_add(c, "role", "event", fixture_num(s->event), "name", "Greeter",
	                              "skill", fixture_num(aid), "min_age", "18", NULL);
	s->shift = small_shift(c, s, greeter, "2024-12-07 12:00", "2024-12-07 14:00");
	s->other = small_shift(c, s, plain, "2024-12-07 13:00", "2024-12-07 15:00");
	int64_t before = small_shift(c, s, plain, "2024-12-07 11:00", "2024-12-07 11:45");
	s->longday = small_shift(c, s, plain, "2024-12-07 06:00", "2024-12-07 10:30");
	int64_t late = small_shift(c, s, plain, "2024-12-07 15:00", "2024-12-07 20:00");
	int64_t room = fixture_add(c, "room", "event", fixture_num(s->event), "name", "Hall", NULL);
	int64_t talk = fixture_add(c, "session", "event", fixture_num(s->event), "room",
	                           fixture_num(room), "title", "Panel", "starts",
	                           "2024-12-07 13:30", "ends", "2024-12-07 14:30", NULL);
	static const char *const names[] = {
	    "A ok",       "B overlap",  "C on it",   "D rest",           "E hours",  "F speaker",
	    "G no skill", "H expired",  "I young",   "J no birth",       "K window", "L windows ok",
	    "M staff ok", "N attendee", "O dropped", "P windows overlap"};
	for (int i = 0; i < 16; i++) {
		if (i == 9)
			s->person[i] = fixture_add(c, "person", "name", names[i], NULL);
		else
			s->person[i] = fixture_add(c, "person", "name", names[i], "birth_date",
			                           i == 8 ? "2010-01-01" : "1990-05-05", NULL);
		if (i == 7)
			fixture_add(c, "person_skill", "person", fixture_num(s->person[i]), "skill",
			            fixture_num(aid), "expires", "2024-12-06", NULL);
		else if (i != 6 && i != 9)
			fixture_add(c, "person_skill", "person", fixture_num(s->person[i]), "skill",
			            fixture_num(aid), NULL);
		fixture_add(c, "registration", "event", fixture_num(s->event), "person",
		            fixture_num(s->person[i]), "kind",
		            i == 12   ? "staff"
		            : i == 13 ? "attendee"
		                      : "volunteer",
		            NULL);
	}
	struct err e = {0};
	int64_t id;
	if (staffing_assign(c, s->other, s->person[1], NULL, &id, &e) < 0 ||
	    staffing_assign(c, s->shift, s->person[2], NULL, &id, &e) < 0 ||
	    staffing_assign(c, before, s->person[3], NULL, &id, &e) < 0 ||
	    staffing_assign(c, s->longday, s->person[4], NULL, &id, &e) < 0 ||
	    staffing_assign(c, late, s->person[4], NULL, &id, &e) < 0 ||
	    staffing_assign(c, s->shift, s->person[14], NULL, &id, &e) < 0 ||
	    staffing_unassign(c, s->shift, s->person[14], &e) < 0)
		fail_msg("assign: %s", e.msg);
	fixture_add(c, "speaker", "session", fixture_num(talk), "person", fixture_num(s->person[5]),
	            NULL);
	static const struct {
		int person;
		const char *starts, *ends;
	} windows[] = {
	    {10, "2024-12-07 06:00", "2024-12-07 13:00"},
	    /* two windows that cover the shift only together */
	    {11, "2024-12-07 11:00", "2024-12-07 13:00"},
	    {11, "2024-12-07 13:00", "2024-12-07 15:00"},
	    /* windows whose overlaps add up to the shift, with a gap at 13:30: the
	     * estimate does not work out the union (too good, never too bad) */
	    {15, "2024-12-07 11:00", "2024-12-07 13:30"},
	    {15, "2024-12-07 12:30", "2024-12-07 13:00"},
	};
	for (size_t i = 0; i < ARRAY_LEN(windows); i++)
		fixture_add(c, "availability", "person", fixture_num(s->person[windows[i].person]),
		            "event", fixture_num(s->event), "starts", windows[i].starts, "ends",
		            windows[i].ends, NULL);
}

static void one_person_per_rule(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct small s;
	small_event(c, &s);
	enum { OK = CAND_ELIGIBLE, SOFT = CAND_SOFT, HARD = CAND_HARD, NONE = -1 };
	static const int want[] = {OK,   HARD, HARD, SOFT, SOFT, SOFT, SOFT, SOFT,
	                           SOFT, SOFT, SOFT, OK,   OK,   NONE, OK,   OK};
	for (int i = 0; i < 15; i++) {
		struct err e;
		if (rank_of(c, s.shift, s.person[i]) != want[i])
			fail_msg("person %d: rank %d, wanted %d", i,
			         rank_of(c, s.shift, s.person[i]), want[i]);
		if (want[i] != NONE)
			assert_int_equal(exact(c, s.shift, s.person[i], &e), want[i]);
	}
	struct err e;
	assert_int_equal(rank_of(c, s.shift, s.person[15]), CAND_ELIGIBLE);
	assert_int_equal(exact(c, s.shift, s.person[15], &e), CAND_SOFT);
	int seen[3] = {0};
	assert_int_equal(compare(c, s.shift, seen), 1); /* only P */
	assert_int_equal(compare(c, s.other, seen), 0);
	assert_int_equal(compare(c, s.longday, seen), 0);
	/* an override lifts the soft rules, never the hard ones */
	c->override_reason = "short of hands";
	assert_int_equal(rank_of(c, s.shift, s.person[3]), CAND_ELIGIBLE);
	assert_int_equal(rank_of(c, s.shift, s.person[1]), CAND_HARD);
	assert_int_equal(compare(c, s.shift, seen), 0);
	c->override_reason = NULL;
}

static void full_or_cancelled_shift(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct small s;
	struct err e = {0};
	int64_t id;
	small_event(c, &s);
	struct field_assign one = {"need_max", "2"};
	assert_int_equal(record_set(c, entity_find("shift"), s.shift, &one, 1, &e), 0);
	assert_int_equal(staffing_assign(c, s.shift, s.person[0], NULL, &id, &e), 0);
	int seen[3] = {0};
	assert_int_equal(compare(c, s.shift, seen), 0);
	assert_int_equal(seen[CAND_ELIGIBLE] + seen[CAND_SOFT], 0);
	assert_int_equal(rank_of(c, s.shift, s.person[11]), CAND_HARD);
	struct field_assign off = {"status", "cancelled"};
	assert_int_equal(record_set(c, entity_find("shift"), s.other, &off, 1, &e), 0);
	memset(seen, 0, sizeof seen);
	assert_int_equal(compare(c, s.other, seen), 0);
	assert_int_equal(seen[CAND_ELIGIBLE] + seen[CAND_SOFT], 0);
	/* the overlap with a cancelled shift is gone */
	assert_int_equal(rank_of(c, s.shift, s.person[1]), CAND_HARD); /* still full */
}

/* The small demo: every shift of both events, everyone registered to
 * volunteer or as staff. */
static void demo_agrees(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct err e = {0};
	struct demo_summary sum;
	if (demo_fill(c, DEMO_SMALL, false, &sum, &e) < 0)
		fail_msg("demo_fill: %s", e.msg);
	int seen[3] = {0}, differ = 0, shifts = 0;
	for (int64_t shift = 1; shift <= sum.shifts; shift++, shifts++)
		differ += compare(c, shift, seen);
	print_message("# %d shifts: %d eligible, %d soft, %d hard; %d differ\n", shifts,
	              seen[CAND_ELIGIBLE], seen[CAND_SOFT], seen[CAND_HARD], differ);
	assert_int_equal(differ, 0);
	assert_true(seen[CAND_ELIGIBLE] > 0);
	assert_true(seen[CAND_SOFT] > 0);
	assert_true(seen[CAND_HARD] > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(one_person_per_rule, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(full_or_cancelled_shift, setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(demo_agrees, setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
