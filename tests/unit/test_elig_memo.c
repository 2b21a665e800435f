/* test_elig_memo.c - the memo of the rules' facts (core/elig_memo.c): every
 * fact it gives equals what the store says, for narrower asks too; a
 * second ask is kept, not read; an assignment written through
 * staffing_assign shows in it at once; another connection's commit makes
 * elig_memo_sync forget everything; and the rules' verdicts are the same
 * with and without it. Two connections on one file. */
#define _DEFAULT_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/elig_memo.h"
#include "../../core/staffing.h"
#include "fixture.h"

#define NOW INT64_C(1795000000) /* 2026-11-18 */

struct two {
	struct fixture a, b; /* two connections to one file */
	char path[64];
	int64_t ev, greeter, medic, ana, ben, s[4], from, to;
};

static int64_t volunteer(struct ctx *c, int64_t ev, const char *name, const char *born)
{
	int64_t p = fixture_add(c, "person", "name", name, "birth_date", born, NULL);
	fixture_add(c, "registration", "event", fixture_num(ev), "person", fixture_num(p), "kind",
	            "volunteer", NULL);
	return p;
}

/* Forum 20-21 March 2027 (New York); Greeter, Medic (skill First aid, 18+);
 * Ana (window 08:00-16:00 on the 20th, on shift 0 already), Ben (First aid
 * until the 20th, speaks 10:00-11:00 on the 20th); shifts 0 Greeter
 * 09:00-11:00, 1 Greeter 13:00-15:00, 2 Medic 09:30-12:00 on the 20th, 3
 * Greeter 09:00-12:00 on the 21st. */
static int setup(void **state)
{
	static struct two t;
	memset(&t, 0, sizeof t);
	snprintf(t.path, sizeof t.path, "/tmp/muster-memo-unit-XXXXXX");
	int fd = mkstemp(t.path);
	if (fd < 0)
		return -1;
	close(fd);
	unlink(t.path);
	if (fixture_open_file(&t.a, NOW, t.path) < 0 || fixture_open_file(&t.b, NOW, t.path) < 0)
		return -1;
	struct ctx *c = &t.a.ctx;
	t.ev = fixture_add(c, "event", "name", "Forum", "starts", "2027-03-20 07:00", "ends",
	                   "2027-03-21 21:00", "tz", "America/New_York", NULL);
	int64_t aid = fixture_add(c, "skill", "name", "First aid", NULL);
	t.greeter = fixture_add(c, "role", "event", fixture_num(t.ev), "name", "Greeter", NULL);
	t.medic = fixture_add(c, "role", "event", fixture_num(t.ev), "name", "Medic", "skill",
	                      fixture_num(aid), "min_age", "18", NULL);
	t.ana = volunteer(c, t.ev, "Ana", "1990-01-01");
	t.ben = volunteer(c, t.ev, "Ben", "2010-06-01");
	fixture_add(c, "availability", "event", fixture_num(t.ev), "person", fixture_num(t.ana),
	            "starts", "2027-03-20 08:00", "ends", "2027-03-20 16:00", NULL);
	fixture_add(c, "person_skill", "person", fixture_num(t.ben), "skill", fixture_num(aid),
	            "expires", "2027-03-20", NULL);
	int64_t room = fixture_add(c, "room", "event", fixture_num(t.ev), "name", "Hall", NULL);
	int64_t talk = fixture_add(c, "session", "event", fixture_num(t.ev), "room",
	                           fixture_num(room), "title", "Panel", "starts",
	                           "2027-03-20 10:00", "ends", "2027-03-20 11:00", NULL);
	fixture_add(c, "speaker", "session", fixture_num(talk), "person", fixture_num(t.ben), NULL);
	static const char *const times[4][3] = {
	    {"g", "2027-03-20 09:00", "2027-03-20 11:00"},
	    {"g", "2027-03-20 13:00", "2027-03-20 15:00"},
	    {"m", "2027-03-20 09:30", "2027-03-20 12:00"},
	    {"g", "2027-03-21 09:00", "2027-03-21 12:00"},
	};
	for (int i = 0; i < 4; i++)
		t.s[i] = fixture_add(c, "shift", "event", fixture_num(t.ev), "role",
		                     fixture_num(times[i][0][0] == 'g' ? t.greeter : t.medic),
		                     "starts", times[i][1], "ends", times[i][2], "need_min", "1",
		                     "need_max", "2", NULL);
	struct err e = {0};
	if (staffing_assign(c, t.s[0], t.ana, NULL, NULL, &e) < 0)
		return -1;
	t.from = NOW;
	t.to = NOW + 365 * 86400;
	*state = &t;
	return 0;
}

static int teardown(void **state)
{
	struct two *t = *state;
	fixture_close(&t->a);
	fixture_close(&t->b);
	unlink(t->path);
	char side[80];
	snprintf(side, sizeof side, "%s-wal", t->path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", t->path);
	unlink(side);
	return 0;
}

static void same_slots(const struct rs_slots *x, const struct rs_slots *y)
{
	assert_int_equal(x->n, y->n);
	for (size_t i = 0; i < x->n; i++) {
		assert_int_equal(x->v[i].id, y->v[i].id);
		assert_int_equal(x->v[i].ref, y->v[i].ref);
		assert_int_equal(x->v[i].starts, y->v[i].starts);
		assert_int_equal(x->v[i].ends, y->v[i].ends);
		assert_string_equal(x->v[i].what, y->v[i].what);
	}
}

/* The person's shifts, talks, skill and windows as the memo gives them and
 * as the store does, for every shift's days and for narrower asks. */
static void same_person(struct ctx *c, const struct two *t, int64_t person)
{
	struct err e = {0};
	struct rs_person p1, p2;
	assert_int_equal(elig_fact_person(c, person, &p1, &e), 0);
	assert_int_equal(rules_store_person(c->db, person, &p2, &e), 0);
	assert_string_equal(p1.name, p2.name);
	assert_string_equal(p1.birth_date, p2.birth_date);
	for (int i = 0; i < 4; i++) {
		struct elig_shift s;
		assert_int_equal(eligibility_load(c, t->s[i], &s, &e), 0);
		int64_t asks[][2] = {
		    {s.shift.starts - 86400, s.shift.ends + 86400},
		    {s.shift.starts, s.shift.ends},
		    {s.shift.ends, s.shift.ends + 3600},
		};
		for (size_t k = 0; k < 3; k++) {
			struct rs_slots m = {0}, d = {0};
			assert_int_equal(elig_fact_person_shifts(c, person, asks[k][0], asks[k][1],
			                                         s.shift.id, &m, &e),
			                 0);
			assert_int_equal(rules_store_person_shifts(c->db, person, asks[k][0],
			                                           asks[k][1], s.shift.id, &d, &e),
			                 0);
			same_slots(&m, &d);
			rs_slots_free(&m);
			rs_slots_free(&d);
			assert_int_equal(
			    elig_fact_speaking(c, person, asks[k][0], asks[k][1], 0, &m, &e), 0);
			assert_int_equal(
			    rules_store_speaking(c->db, person, asks[k][0], asks[k][1], 0, &d, &e),
			    0);
			same_slots(&m, &d);
			rs_slots_free(&m);
			rs_slots_free(&d);
		}
		bool h1, h2;
		char x1[16], x2[16];
		assert_int_equal(elig_fact_skill(c, person, s.role.skill ? s.role.skill : 1, &h1,
		                                 x1, sizeof x1, &e),
		                 0);
		assert_int_equal(rules_store_skill(c->db, person, s.role.skill ? s.role.skill : 1,
		                                   &h2, x2, sizeof x2, &e),
		                 0);
		assert_int_equal(h1, h2);
		assert_string_equal(x1, x2);
	}
	struct rs_slots m = {0}, d = {0};
	assert_int_equal(elig_fact_windows(c, person, t->ev, 0, &m, &e), 0);
	assert_int_equal(rules_store_windows(c->db, person, t->ev, 0, &d, &e), 0);
	same_slots(&m, &d);
	rs_slots_free(&m);
	rs_slots_free(&d);
}

/* Every fact equals the store's; asked again, it is kept, not read. */
static void test_same_facts(void **state)
{
	struct two *t = *state;
	struct ctx *c = &t->a.ctx;
	struct err e = {0};
	c->memo = elig_memo_new(t->from, t->to);
	assert_int_equal(db_begin(c->db, &e), 0);
	assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 1);
	same_person(c, t, t->ana);
	same_person(c, t, t->ben);
	int64_t read, kept, read2, kept2;
	elig_memo_counts(c->memo, &read, &kept);
	assert_true(read > 0);
	same_person(c, t, t->ana);
	elig_memo_counts(c->memo, &read2, &kept2);
	assert_int_equal(read2, read); /* all of it kept */
	assert_true(kept2 > kept);
	assert_int_equal(db_commit(c->db, &e), 0);
	elig_memo_free(c->memo);
	c->memo = NULL;
}

/* An assignment this connection writes shows in the memo at once. */
static void test_own_write(void **state)
{
	struct two *t = *state;
	struct ctx *c = &t->a.ctx;
	struct err e = {0};
	c->memo = elig_memo_new(t->from, t->to);
	assert_int_equal(db_begin(c->db, &e), 0);
	assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 1);
	same_person(c, t, t->ana);
	assert_int_equal(staffing_assign(c, t->s[1], t->ana, "autofill", NULL, &e), 0);
	same_person(c, t, t->ana);
	assert_int_equal(db_commit(c->db, &e), 0);
	elig_memo_free(c->memo);
	c->memo = NULL;
}

/* Another connection's commit: the memo keeps its facts until the next
 * sync, which forgets them all; read again they are the store's. */
static void test_other_write(void **state)
{
	struct two *t = *state;
	struct ctx *c = &t->a.ctx;
	struct err e = {0};
	c->memo = elig_memo_new(t->from, t->to);
	assert_int_equal(db_begin(c->db, &e), 0);
	assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 1);
	same_person(c, t, t->ben);
	assert_int_equal(db_commit(c->db, &e), 0);
	int64_t read, kept;
	elig_memo_counts(c->memo, &read, &kept);
	/* nobody else wrote: a new transaction keeps what the memo has */
	assert_int_equal(db_begin(c->db, &e), 0);
	assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 0);
	same_person(c, t, t->ben);
	int64_t read2, kept2;
	elig_memo_counts(c->memo, &read2, &kept2);
	assert_int_equal(read2, read);
	assert_int_equal(db_commit(c->db, &e), 0);
	/* the other connection puts Ben on shift 3 */
	assert_int_equal(staffing_assign(&t->b.ctx, t->s[3], t->ben, NULL, NULL, &e), 0);
	assert_int_equal(db_begin(c->db, &e), 0);
	assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 1);
	same_person(c, t, t->ben); /* read again: includes shift 3 */
	elig_memo_counts(c->memo, &read2, &kept2);
	assert_true(read2 > read);
	assert_int_equal(staffing_check(c, t->s[3], t->ben, &e), -1);
	assert_int_equal(db_commit(c->db, &e), 0);
	elig_memo_free(c->memo);
	c->memo = NULL;
}

/* The rules' verdict on every pair is the same with the memo as without. */
static void test_same_verdicts(void **state)
{
	struct two *t = *state;
	struct ctx *c = &t->a.ctx;
	int64_t people[] = {t->ana, t->ben};
	int with[4][2], without[4][2];
	for (int pass = 0; pass < 2; pass++) {
		struct err e = {0};
		c->memo = pass ? elig_memo_new(t->from, t->to) : NULL;
		assert_int_equal(db_begin(c->db, &e), 0);
		if (c->memo)
			assert_int_equal(elig_memo_sync(c->memo, c->db, &e), 1);
		for (int i = 0; i < 4; i++)
			for (int k = 0; k < 2; k++) {
				struct err why = {0};
				int ok = staffing_check(c, t->s[i], people[k], &why);
				(pass ? with : without)[i][k] = ok == 0 ? 0 : why.code;
			}
		assert_int_equal(db_commit(c->db, &e), 0);
		elig_memo_free(c->memo);
		c->memo = NULL;
	}
	assert_memory_equal(with, without, sizeof with);
	assert_int_not_equal(without[2][1], 0);       /* Ben: too young, and speaking */
	assert_int_equal(without[0][0], ERR_REFUSED); /* Ana is on it */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_same_facts, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_own_write, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_other_write, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_same_verdicts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
