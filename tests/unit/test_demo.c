/* test_demo.c - unit tests for core/demo.c: the small set's counts, determinism,
 * refusal and --force, the DST-crossing forum, rule compliance, and the large set. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* strdup */
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/config.h"
#include "../../core/array.h"
#include "../../core/ctx.h"
#include "../../core/demo.h"
#include "../../db/db.h"
#include "../../db/record_store.h"
#include "fixture.h"

/* 2026-11-01T12:00:00Z: before both events. */
#define NOW INT64_C(1793534400)

/* A fixture of its own for each database a test holds at once. */
static struct fixture *new_fixture(void)
{
	struct fixture *f = calloc(1, sizeof *f);
	if (fixture_open(f, NOW) != 0)
		fail_msg("cannot open the fixture");
	return f;
}

static void free_fixture(struct fixture *f)
{
	fixture_close(f);
	free(f);
}

static void fill_ok(struct fixture *f, enum demo_size size, bool force, struct demo_summary *s)
{
	struct err e = {ERR_NONE, ""};
	if (demo_fill(&f->ctx, size, force, s, &e) != 0)
		fail_msg("demo_fill: %s", e.msg);
}

static int64_t query_int(struct fixture *f, const char *sql)
{
	struct db_value v;
	struct err e = {ERR_NONE, ""};
	if (record_store_value(f->ctx.db, sql, NULL, 0, &v, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
	assert_int_equal(v.kind, DBV_INT);
	return v.i;
}

/* A text query's result, malloc'd ("" when NULL). */
static char *query_text(struct fixture *f, const char *sql)
{
	struct db_value v;
	struct err e = {ERR_NONE, ""};
	if (record_store_value(f->ctx.db, sql, NULL, 0, &v, &e) != 0)
		fail_msg("%s: %s", sql, e.msg);
	if (v.kind != DBV_TEXT)
		return strdup("");
	return v.s;
}

static void assert_between(long v, long lo, long hi, const char *what)
{
	if (v < lo || v > hi)
		fail_msg("%s = %ld, expected %ld..%ld", what, v, lo, hi);
}

static void test_small_counts(void **state)
{
	(void)state;
	struct fixture *f = new_fixture();
	struct demo_summary s;
	fill_ok(f, DEMO_SMALL, false, &s);
	assert_int_equal(s.events, 2);
	assert_between(s.orgs, 38, 45, "orgs");
	assert_between(s.people, 900, 1300, "people");
	assert_int_equal(s.skills, 6);
	assert_int_equal(s.rooms, 10);
	assert_between(s.sessions, 40, 60, "sessions");
	assert_between(s.speakers, 80, 250, "speakers");
	assert_between(s.booths, 35, 45, "booths");
	assert_between(s.registrations, 1000, 1200, "registrations");
	assert_between(s.signups, 1500, 2500, "sign-ups");
	assert_int_equal(s.roles, 12);
	assert_between(s.shifts, 200, 300, "shifts");
	assert_between(s.assignments, 200, 600, "assignments");
	assert_between(s.availabilities, 5, 40, "availabilities");
	/* The gathering: 16 partner booths, about 85 attendees, under capacity. */
	assert_int_equal(query_int(f, "SELECT count(*) FROM booth WHERE event = 1"), 16);
	assert_between(query_int(f, "SELECT count(*) FROM registration WHERE event = 1 AND kind = "
	                            "'attendee'"),
	               80, 90, "gathering attendees");
	assert_between(query_int(f, "SELECT count(*) FROM registration WHERE event = 2"), 950, 1000,
	               "forum registrations");
	assert_int_equal(query_int(f, "SELECT count(*) FROM registration WHERE status != "
	                              "'registered'"),
	                 0);
	/* Forum attendees signed up for breakouts: the workshops are full and keep a
	 * waitlist numbered from 1; no session holds more than its seats. */
	assert_true(query_int(f, "SELECT count(*) FROM signup WHERE status = 'waitlisted'") > 0);
	assert_int_equal(query_int(f, "SELECT count(*) FROM signup g JOIN registration r ON "
	                              "r.person = g.person AND r.event = 2 WHERE r.kind != "
	                              "'attendee'"),
	                 0);
	assert_int_equal(query_int(f,
	                           "SELECT count(*) FROM (SELECT session, max(waitlist_position) "
	                           "m, count(*) n FROM signup WHERE status = 'waitlisted' "
	                           "GROUP BY session) WHERE m != n"),
	                 0);
	assert_int_equal(query_int(f,
	                           "SELECT count(*) FROM session s JOIN room r ON r.id = s.room "
	                           "WHERE (SELECT count(*) FROM signup g WHERE g.session = s.id "
	                           "AND g.status = 'registered') > CASE WHEN s.capacity > 0 AND "
	                           "s.capacity < r.capacity THEN s.capacity ELSE r.capacity END"),
	                 0);
	/* Confidential people and people without email exist; emails are unique. */
	assert_between(query_int(f, "SELECT count(*) FROM person WHERE confidential = 1"), 3, 10,
	               "confidential");
	assert_true(query_int(f, "SELECT count(*) FROM person WHERE email IS NULL") > 20);
	assert_int_equal(query_int(f, "SELECT count(*) - count(DISTINCT lower(email)) FROM person "
	                              "WHERE email IS NOT NULL"),
	                 0);
	/* Several scripts: Khmer, Arabic, Cyrillic, Han, Devanagari, Ethiopic. */
	static const char *const scripts[] = {"ា", "ا", "о", "王", "्", "ለ"};
	for (size_t i = 0; i < ARRAY_LEN(scripts); i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM person WHERE instr(name, '%s') > 0",
		         scripts[i]);
		if (query_int(f, sql) == 0)
			fail_msg("no name contains %s", scripts[i]);
	}
	/* Some skills expired before the forum; under-18 and under-21 volunteers exist. */
	assert_true(query_int(f, "SELECT count(*) FROM person_skill WHERE expires < '2027-03-13'") >
	            0);
	assert_true(
	    query_int(f, "SELECT count(*) FROM person p JOIN registration r ON r.person = "
	                 "p.id WHERE r.kind = 'volunteer' AND p.birth_date > '2009-03-14'") > 0);
	/* Every role has a lead. */
	assert_int_equal(query_int(f, "SELECT count(*) FROM role WHERE lead IS NULL"), 0);
	/* An audit entry per row, and one for the demo. */
	assert_int_equal(query_int(f, "SELECT count(*) FROM audit WHERE action = 'demo'"), 1);
	free_fixture(f);
}

/* The rules of SPEC section 3, checked with SQL on the written data. */
static const struct {
	const char *what, *sql;
} rule_checks[] = {
    {"overlapping assignments",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " JOIN assignment b ON b.person = a.person AND b.id > a.id JOIN shift t ON t.id = b.shift"
     " WHERE s.starts < t.ends AND t.starts < s.ends"
     " AND a.status NOT IN ('dropped', 'no_show') AND b.status NOT IN ('dropped', 'no_show')"},
    {"less than 30 minutes rest",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " JOIN assignment b ON b.person = a.person AND b.id > a.id JOIN shift t ON t.id = b.shift"
     " WHERE s.starts < t.ends + 1800 AND t.starts < s.ends + 1800"},
    {"over need_max",
     "SELECT count(*) FROM (SELECT s.id FROM shift s JOIN assignment a ON a.shift = s.id"
     " GROUP BY s.id HAVING count(*) > s.need_max)"},
    {"overlapping sessions in a room",
     "SELECT count(*) FROM session a JOIN session b ON a.room = b.room AND a.id < b.id"
     " WHERE a.starts < b.ends AND b.starts < a.ends"},
    {"booth label held twice at once",
     "SELECT count(*) FROM booth a JOIN booth b ON a.event = b.event AND a.label = b.label"
     " AND a.id < b.id WHERE a.starts < b.ends AND b.starts < a.ends"},
    {"shift outside the event window", "SELECT count(*) FROM shift s JOIN event e ON e.id = s.event"
                                       " WHERE s.starts < coalesce(e.setup_starts, e.starts)"
                                       " OR s.ends > coalesce(e.teardown_ends, e.ends)"},
    {"session or booth outside the event window",
     "SELECT (SELECT count(*) FROM session s JOIN event e ON e.id = s.event"
     "  WHERE s.starts < e.setup_starts OR s.ends > e.teardown_ends)"
     " + (SELECT count(*) FROM booth s JOIN event e ON e.id = s.event"
     "  WHERE s.starts < e.setup_starts OR s.ends > e.teardown_ends)"},
    {"speaker on a shift during their session",
     "SELECT count(*) FROM speaker k JOIN session x ON x.id = k.session"
     " JOIN assignment a ON a.person = k.person JOIN shift s ON s.id = a.shift"
     " WHERE s.starts < x.ends AND x.starts < s.ends"},
    {"skill missing or expired",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " JOIN role r ON r.id = s.role JOIN event e ON e.id = s.event WHERE r.skill IS NOT NULL"
     " AND NOT EXISTS (SELECT 1 FROM person_skill ps WHERE ps.person = a.person"
     "  AND ps.skill = r.skill AND (ps.expires IS NULL OR ps.expires >="
     "  date(s.starts, 'unixepoch', '-5 hours')))"},
    {"under the minimum age",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " JOIN role r ON r.id = s.role JOIN person p ON p.id = a.person WHERE r.min_age > 0"
     " AND (p.birth_date IS NULL OR date(p.birth_date, '+' || r.min_age || ' years')"
     "  > date(s.starts, 'unixepoch', '-5 hours'))"},
    {"outside availability",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " WHERE EXISTS (SELECT 1 FROM availability v WHERE v.person = a.person"
     "  AND v.event = s.event) AND NOT EXISTS (SELECT 1 FROM availability v"
     "  WHERE v.person = a.person AND v.event = s.event AND v.starts <= s.starts"
     "  AND s.ends <= v.ends)"},
    {"over 10 hours in a day",
     "SELECT count(*) FROM (SELECT a.person FROM assignment a JOIN shift s ON s.id = a.shift"
     " GROUP BY a.person, s.event, date(s.starts, 'unixepoch', '-5 hours')"
     " HAVING sum(s.ends - s.starts) > 36000)"},
    {"assigned but not registered as a volunteer",
     "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift"
     " WHERE NOT EXISTS (SELECT 1 FROM registration r WHERE r.person = a.person"
     "  AND r.event = s.event AND r.kind = 'volunteer')"},
};

static void assert_rules_kept(struct fixture *f)
{
	for (size_t i = 0; i < ARRAY_LEN(rule_checks); i++) {
		int64_t n = query_int(f, rule_checks[i].sql);
		if (n != 0)
			fail_msg("%s: %lld", rule_checks[i].what, (long long)n);
	}
}

static void test_small_rules(void **state)
{
	(void)state;
	struct fixture *f = new_fixture();
	fill_ok(f, DEMO_SMALL, false, NULL);
	assert_rules_kept(f);
	/* Some shifts are visibly under-staffed, some full. */
	assert_true(query_int(f, "SELECT count(*) FROM shift s WHERE (SELECT count(*) FROM "
	                         "assignment a WHERE a.shift = s.id) < s.need_min") > 10);
	assert_true(query_int(f, "SELECT count(*) FROM shift s WHERE (SELECT count(*) FROM "
	                         "assignment a WHERE a.shift = s.id) = s.need_max") > 10);
	int64_t filled = query_int(f, "SELECT count(*) FROM assignment");
	int64_t wanted = query_int(f, "SELECT sum(need_max) FROM shift");
	assert_between((long)(filled * 100 / wanted), 45, 85, "percent of need_max filled");
	/* Speaking volunteers and skilled roles are staffed. */
	assert_true(query_int(f, "SELECT count(*) FROM speaker k JOIN registration r ON r.person = "
	                         "k.person WHERE r.kind = 'volunteer'") > 0);
	assert_true(query_int(f, "SELECT count(*) FROM assignment a JOIN shift s ON s.id = a.shift "
	                         "JOIN role r ON r.id = s.role WHERE r.min_age = 21") > 0);
	free_fixture(f);
}

static char *fingerprint(struct fixture *f)
{
	char *people =
	    query_text(f, "SELECT group_concat(name || '|' || coalesce(email, '') || '|' "
	                  "|| volunteer_code, ';') FROM (SELECT * FROM person ORDER BY id)");
	char *sessions = query_text(f, "SELECT group_concat(title || '@' || starts || '-' || ends, "
	                               "';') FROM (SELECT * FROM session ORDER BY id)");
	char *shifts = query_text(f, "SELECT group_concat(a.shift || '>' || a.person || a.status, "
	                             "';') FROM (SELECT * FROM assignment ORDER BY id) a");
	size_t n = strlen(people) + strlen(sessions) + strlen(shifts) + 3;
	char *all = malloc(n);
	snprintf(all, n, "%s\n%s\n%s", people, sessions, shifts);
	free(people);
	free(sessions);
	free(shifts);
	return all;
}

static void test_deterministic(void **state)
{
	(void)state;
	struct fixture *a = new_fixture(), *b = new_fixture();
	fill_ok(a, DEMO_SMALL, false, NULL);
	fill_ok(b, DEMO_SMALL, false, NULL);
	char *x = fingerprint(a), *y = fingerprint(b);
	assert_true(strlen(x) > 10000);
	assert_string_equal(x, y);
	/* UIDs are random, never derived: they differ between runs. */
	char *u = query_text(a, "SELECT uid FROM shift WHERE id = 1");
	char *v = query_text(b, "SELECT uid FROM shift WHERE id = 1");
	assert_int_equal(strlen(u), 36);
	assert_string_not_equal(u, v);
	free(u);
	free(v);
	free(x);
	free(y);
	free_fixture(a);
	free_fixture(b);
}

static void test_refuse_then_force(void **state)
{
	(void)state;
	struct fixture *f = new_fixture();
	struct demo_summary first, again;
	fill_ok(f, DEMO_SMALL, false, &first);
	struct err e = {ERR_NONE, ""};
	assert_int_equal(demo_fill(&f->ctx, DEMO_SMALL, false, NULL, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	char want[160];
	snprintf(want, sizeof want,
	         "database is not empty (2 events, %ld people); use --force to replace it",
	         first.people);
	assert_string_equal(e.msg, want);
	assert_int_equal(query_int(f, "SELECT count(*) FROM person"), first.people);
	fill_ok(f, DEMO_SMALL, true, &again);
	assert_memory_equal(&first, &again, sizeof first);
	assert_int_equal(query_int(f, "SELECT min(id) FROM event"), 1);
	assert_int_equal(query_int(f, "SELECT count(*) FROM audit WHERE action = 'demo'"), 1);
	free_fixture(f);
}

static void test_forum_crosses_dst(void **state)
{
	(void)state;
	struct fixture *f = new_fixture();
	fill_ok(f, DEMO_SMALL, false, NULL);
	/* Expected instants from `TZ=America/New_York date -d ... +%s`. */
	assert_int_equal(query_int(f, "SELECT starts FROM event WHERE tz = 'America/New_York'"),
	                 INT64_C(1804942800)); /* Sat 13 Mar 2027 08:00 EST = 13:00Z */
	assert_int_equal(query_int(f, "SELECT ends FROM event WHERE tz = 'America/New_York'"),
	                 INT64_C(1805059800)); /* Sun 14 Mar 2027 17:30 EDT = 21:30Z */
	assert_int_equal(query_int(f, "SELECT starts FROM session WHERE title LIKE 'Opening "
	                              "plenary%'"),
	                 INT64_C(1804944600)); /* 08:30 EST */
	assert_int_equal(query_int(f, "SELECT starts FROM session WHERE title LIKE 'Morning "
	                              "plenary%'"),
	                 INT64_C(1805027400)); /* 08:30 EDT: 23 hours after, not 24 */
	/* The gathering: Sat 5 Dec 2026 10:00-16:00 CST. */
	assert_int_equal(query_int(f, "SELECT starts FROM event WHERE tz = 'America/Chicago'"),
	                 INT64_C(1796486400));
	free_fixture(f);
}

static void test_large(void **state)
{
	(void)state;
	struct fixture *f = new_fixture();
	struct demo_summary s;
	fill_ok(f, DEMO_LARGE, false, &s);
	assert_int_equal(s.people, 100000);
	assert_between(s.sessions, 400, 700, "sessions");
	assert_between(s.booths, 180, 320, "booths");
	assert_between(s.shifts, 17000, 25000, "shifts");
	assert_between(s.assignments, 20000, 60000, "assignments");
	assert_between(query_int(f, "SELECT count(*) FROM registration WHERE kind = 'volunteer'"),
	               4500, 5500, "volunteers");
	assert_between(query_int(f, "SELECT count(*) FROM audit"), 1, 1, "audit rows");
	assert_int_equal(query_int(f, rule_checks[0].sql), 0);
	assert_int_equal(query_int(f, rule_checks[2].sql), 0);
	free_fixture(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_small_counts),      cmocka_unit_test(test_small_rules),
	    cmocka_unit_test(test_deterministic),     cmocka_unit_test(test_refuse_then_force),
	    cmocka_unit_test(test_forum_crosses_dst), cmocka_unit_test(test_large),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
