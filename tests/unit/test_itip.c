/* test_itip.c - core/itip.c: the SEQUENCE rule over every history of
 * REQUEST and CANCEL, the sent-state store (one row per person and UID,
 * replaced, gone with the person), and the hooks that raise sequences: a
 * renamed room (what is in it, nothing else), an event cancelled, moved to
 * another venue or reinstated (everything of it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/array.h"
#include "../../core/itip.h"
#include "fixture.h"

static struct itip_sent sent(enum itip_method m, int64_t seq, int64_t item_seq)
{
	struct itip_sent s = {.person = 1, .method = m, .sequence = seq, .item_sequence = item_seq};
	snprintf(s.uid, sizeof s.uid, "u");
	return s;
}

static void test_sequence_rule(void **state)
{
	(void)state;
	static const struct {
		bool any;
		enum itip_method last_m;
		int64_t last_seq, last_item, item;
		enum itip_method m;
		int64_t want;
	} cases[] = {
	    /* nothing sent yet: the item's own; a cancellation one above */
	    {false, 0, 0, 0, 0, ITIP_REQUEST, 0},
	    {false, 0, 0, 0, 3, ITIP_REQUEST, 3},
	    {false, 0, 0, 0, 3, ITIP_CANCEL, 4},
	    /* the same message again keeps its number */
	    {true, ITIP_REQUEST, 2, 2, 2, ITIP_REQUEST, 2},
	    {true, ITIP_CANCEL, 5, 2, 2, ITIP_CANCEL, 5},
	    /* a changed item: above what was sent, never below its own */
	    {true, ITIP_REQUEST, 2, 2, 3, ITIP_REQUEST, 3},
	    {true, ITIP_REQUEST, 7, 2, 3, ITIP_REQUEST, 8},
	    {true, ITIP_REQUEST, 2, 2, 9, ITIP_REQUEST, 9},
	    /* cancel after request, reinstate after cancel: one above */
	    {true, ITIP_REQUEST, 2, 2, 2, ITIP_CANCEL, 3},
	    {true, ITIP_CANCEL, 3, 2, 2, ITIP_REQUEST, 4},
	    {true, ITIP_CANCEL, 3, 2, 5, ITIP_REQUEST, 5},
	    {true, ITIP_CANCEL, 3, 2, 5, ITIP_CANCEL, 6},
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct itip_sent last =
		    sent(cases[i].last_m, cases[i].last_seq, cases[i].last_item);
		int64_t got = itip_sequence(cases[i].any ? &last : NULL, cases[i].m, cases[i].item);
		if (got != cases[i].want)
			fail_msg("case %zu: %lld, wanted %lld", i, (long long)got,
			         (long long)cases[i].want);
	}
	assert_string_equal(itip_method_name(ITIP_REQUEST), "REQUEST");
	assert_string_equal(itip_method_name(ITIP_CANCEL), "CANCEL");
}

/* A history never repeats a number for different content. */
static void test_sequence_never_reused(void **state)
{
	(void)state;
	static const struct {
		enum itip_method m;
		int64_t item;
	} steps[] = {{ITIP_REQUEST, 0}, {ITIP_REQUEST, 1}, {ITIP_CANCEL, 1},  {ITIP_REQUEST, 1},
	             {ITIP_CANCEL, 1},  {ITIP_REQUEST, 2}, {ITIP_REQUEST, 2}, {ITIP_CANCEL, 3}};
	struct itip_sent last;
	int64_t prev = -1;
	for (size_t i = 0; i < ARRAY_LEN(steps); i++) {
		int64_t s = itip_sequence(i ? &last : NULL, steps[i].m, steps[i].item);
		bool same = i && last.method == steps[i].m && last.item_sequence == steps[i].item;
		if (same ? s != prev : s <= prev)
			fail_msg("step %zu: %lld after %lld", i, (long long)s, (long long)prev);
		last = sent(steps[i].m, s, steps[i].item);
		prev = s;
	}
}

static void test_store(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct err e = {0};
	int64_t dana = fixture_add(c, "person", "name", "Dana", "email", "d@example.org", NULL);
	int64_t lee = fixture_add(c, "person", "name", "Lee", NULL);
	struct itip_sent s = sent(ITIP_REQUEST, 4, 3), got;
	s.person = dana;
	s.sent_at = FIXTURE_NOW;
	bool found = true;
	assert_int_equal(itip_last(c, dana, "u", &got, &found, &e), 0);
	assert_false(found);
	int64_t next = -1;
	assert_int_equal(itip_next(c, dana, "u", ITIP_CANCEL, 3, &next, &e), 0);
	assert_int_equal(next, 4);
	assert_int_equal(itip_record(c, &s, &e), 0);
	assert_int_equal(itip_next(c, dana, "u", ITIP_CANCEL, 3, &next, &e), 0);
	assert_int_equal(next, 5);
	s.method = ITIP_CANCEL;
	s.sequence = 5;
	assert_int_equal(itip_record(c, &s, &e), 0); /* replaces */
	assert_int_equal(itip_last(c, dana, "u", &got, &found, &e), 0);
	assert_true(found);
	assert_int_equal(got.method, ITIP_CANCEL);
	assert_int_equal(got.sequence, 5);
	assert_int_equal(got.item_sequence, 3);
	assert_int_equal(got.sent_at, FIXTURE_NOW);
	assert_int_equal(itip_last(c, lee, "u", &got, &found, &e), 0);
	assert_false(found);
	/* a person's rows go with them */
	assert_int_equal(record_rm(c, entity_find("person"), dana, &e), 0);
	assert_int_equal(itip_last(c, dana, "u", &got, &found, &e), 0);
	assert_false(found);
}

static int64_t seq_of(struct ctx *c, const char *entity, int64_t id)
{
	struct record r;
	struct err e = {0};
	if (record_get(c, entity_find(entity), id, &r, &e) < 0)
		fail_msg("%s %lld: %s", entity, (long long)id, e.msg);
	int64_t s = record_int(&r, "sequence");
	record_free(&r);
	return s;
}

static int set_one(struct ctx *c, const char *entity, int64_t id, const char *field,
                   const char *value)
{
	struct err e = {0};
	struct field_assign fa = {field, value};
	if (record_set(c, entity_find(entity), id, &fa, 1, &e) < 0)
		fail_msg("set %s %lld %s: %s", entity, (long long)id, field, e.msg);
	return 0;
}

static void test_hooks(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	int64_t ev = fixture_add(c, "event", "name", "Forum", "starts", "2027-03-13 08:00", "ends",
	                         "2027-03-14 18:00", "tz", "Europe/Berlin", "venue", "Hall", NULL);
	int64_t r1 = fixture_add(c, "room", "event", fixture_num(ev), "name", "A", NULL);
	int64_t r2 = fixture_add(c, "room", "event", fixture_num(ev), "name", "B", NULL);
	int64_t s1 =
	    fixture_add(c, "session", "event", fixture_num(ev), "room", fixture_num(r1), "title",
	                "One", "starts", "2027-03-13 10:00", "ends", "2027-03-13 11:00", NULL);
	int64_t s2 =
	    fixture_add(c, "session", "event", fixture_num(ev), "room", fixture_num(r2), "title",
	                "Two", "starts", "2027-03-13 10:00", "ends", "2027-03-13 11:00", NULL);
	int64_t role = fixture_add(c, "role", "event", fixture_num(ev), "name", "Usher", NULL);
	int64_t sh = fixture_add(c, "shift", "event", fixture_num(ev), "role", fixture_num(role),
	                         "room", fixture_num(r1), "starts", "2027-03-13 09:00", "ends",
	                         "2027-03-13 12:00", "need_min", "1", "need_max", "2", NULL);
	/* a room's capacity is not its place: nothing rises */
	set_one(c, "room", r1, "capacity", "40");
	assert_int_equal(seq_of(c, "session", s1), 0);
	/* its name is: what is in it rises, nothing else */
	set_one(c, "room", r1, "name", "A (east)");
	assert_int_equal(seq_of(c, "session", s1), 1);
	assert_int_equal(seq_of(c, "shift", sh), 1);
	assert_int_equal(seq_of(c, "session", s2), 0);
	/* the event cancelled, its venue moved, reinstated: everything rises */
	set_one(c, "event", ev, "status", "cancelled");
	assert_int_equal(seq_of(c, "session", s1), 2);
	assert_int_equal(seq_of(c, "session", s2), 1);
	assert_int_equal(seq_of(c, "shift", sh), 2);
	set_one(c, "event", ev, "venue", "Other hall");
	set_one(c, "event", ev, "status", "published");
	assert_int_equal(seq_of(c, "session", s2), 3);
	/* its description is not a place */
	set_one(c, "event", ev, "description", "Now with lunch");
	assert_int_equal(seq_of(c, "session", s2), 3);
	/* a booth's label or room is the place of the shifts at it */
	int64_t org = fixture_add(c, "org", "name", "Partner", NULL);
	int64_t booth = fixture_add(c, "booth", "event", fixture_num(ev), "org", fixture_num(org),
	                            "label", "B12", "room", fixture_num(r2), NULL);
	int64_t at_booth = fixture_add(c, "shift", "event", fixture_num(ev), "role",
	                               fixture_num(role), "booth", fixture_num(booth), "starts",
	                               "2027-03-13 09:00", "ends", "2027-03-13 12:00", NULL);
	int64_t before = seq_of(c, "shift", sh);
	set_one(c, "booth", booth, "label", "B14");
	assert_int_equal(seq_of(c, "shift", at_booth), 1);
	set_one(c, "booth", booth, "room", fixture_num(r1));
	assert_int_equal(seq_of(c, "shift", at_booth), 2);
	assert_int_equal(seq_of(c, "shift", sh), before);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sequence_rule),
	    cmocka_unit_test(test_sequence_never_reused),
	    fixture_unit_test(test_store),
	    fixture_unit_test(test_hooks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
