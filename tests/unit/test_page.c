/* test_page.c - keyset pages of the screens' lists: forward, backward,
 * inclusive, search, scope; and no full scan in any screen's query plan
 * (coverage per hour is core/report.c's, tested in test_report.c). On
 * tests/unit/fixture.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/entity.h"
#include "../../core/array.h"
#include "../../core/page.h"
#include "fixture.h"

struct got {
	char names[64][64];
	int64_t ids[64];
	struct db_value key;
	int n;
};

static int collect(void *arg, const struct page_row *r)
{
	struct got *g = arg;
	snprintf(g->names[g->n], sizeof g->names[0], "%s",
	         r->cols[0].kind == DBV_TEXT ? r->cols[0].s : "");
	g->ids[g->n++] = r->id;
	return g->n >= 64;
}

static void names(struct fixture *f, const char *view, struct page_req *r, struct got *g)
{
	struct err e = {0};
	memset(g, 0, sizeof *g);
	assert_int_equal(page_fetch(&f->ctx, view, r, collect, g, &e), 0);
}

static void test_people_pages(void **state)
{
	struct fixture *f = *state;
	static const char *const who[] = {"dana", "Bea", "carl", "Abe", "eve", "Bea"};
	for (size_t i = 0; i < 6; i++)
		fixture_add(&f->ctx, "person", "name", who[i], NULL);
	struct got g;
	struct page_req r = {.limit = 3};
	names(f, "people", &r, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.names[0], "Abe");
	assert_string_equal(g.names[1], "Bea");
	assert_string_equal(g.names[2], "Bea");
	assert_true(g.ids[1] < g.ids[2]);
	/* next page after the last row */
	r.has_after = true;
	r.after_key = db_text("Bea");
	r.after_id = g.ids[2];
	names(f, "people", &r, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.names[0], "carl");
	assert_string_equal(g.names[2], "eve");
	/* backward from carl: Bea (second), Bea, Abe */
	r.after_key = db_text("carl");
	r.after_id = g.ids[0];
	r.backward = true;
	r.limit = 10;
	names(f, "people", &r, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.names[0], "Bea");
	assert_string_equal(g.names[2], "Abe");
	/* inclusive takes the row itself */
	r.backward = false;
	r.inclusive = true;
	names(f, "people", &r, &g);
	assert_int_equal(g.n, 3);
	assert_string_equal(g.names[0], "carl");
	/* the last page: backward with no key */
	struct page_req last = {.backward = true, .limit = 2};
	names(f, "people", &last, &g);
	assert_string_equal(g.names[0], "eve");
	assert_string_equal(g.names[1], "dana");
	/* search, with LIKE wildcards taken literally */
	struct page_req s = {.search = "bea", .limit = 10}; /* B is not in a volunteer code */
	names(f, "people", &s, &g);
	assert_int_equal(g.n, 2);
	s.search = "%";
	names(f, "people", &s, &g);
	assert_int_equal(g.n, 0);
}

static void test_scope_and_desc(void **state)
{
	struct fixture *f = *state;
	int64_t ev = fixture_add(&f->ctx, "event", "name", "Forum", "starts", "2027-03-13 08:00",
	                         "ends", "2027-03-14 18:00", "tz", "America/New_York", NULL);
	int64_t ev2 = fixture_add(&f->ctx, "event", "name", "Other", "starts", "2027-03-13 08:00",
	                          "ends", "2027-03-14 18:00", "tz", "UTC", NULL);
	char evs[16], ev2s[16];
	snprintf(evs, sizeof evs, "%lld", (long long)ev);
	snprintf(ev2s, sizeof ev2s, "%lld", (long long)ev2);
	fixture_add(&f->ctx, "room", "event", evs, "name", "Salon B", NULL);
	fixture_add(&f->ctx, "room", "event", evs, "name", "Salon A", NULL);
	fixture_add(&f->ctx, "room", "event", ev2s, "name", "Elsewhere", NULL);
	struct got g;
	struct page_req r = {.scope = ev, .limit = 10};
	names(f, "rooms", &r, &g);
	assert_int_equal(g.n, 2);
	assert_string_equal(g.names[0], "Salon A");
	/* audit: newest first */
	struct page_req a = {.limit = 2};
	memset(&g, 0, sizeof g);
	struct err e = {0};
	assert_int_equal(page_fetch(&f->ctx, "audit", &a, collect, &g, &e), 0);
	assert_int_equal(g.n, 2);
	assert_true(g.ids[0] > g.ids[1]);
	/* the event's audit holds its rooms but not the other event's */
	struct page_req ae = {.scope = ev2, .limit = 10};
	memset(&g, 0, sizeof g);
	assert_int_equal(page_fetch(&f->ctx, "audit_event", &ae, collect, &g, &e), 0);
	assert_int_equal(g.n, 2);
}

/* Every screen's page query seeks an index (no SCAN of a table). */
/* The caption's counts: rows matching the scope and search, and the
 * shifts still short among them. */
static void test_counts(void **state)
{
	struct fixture *f = *state;
	fixture_add(&f->ctx, "event", "name", "Day", "starts", "2027-05-01 08:00", "ends",
	            "2027-05-01 18:00", "tz", "UTC", NULL);
	fixture_add(&f->ctx, "role", "event", "1", "name", "Greeter", NULL);
	fixture_add(&f->ctx, "role", "event", "1", "name", "Usher", NULL);
	fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts", "2027-05-01 08:00",
	            "ends", "2027-05-01 10:00", "need_min", "1", NULL);
	fixture_add(&f->ctx, "shift", "event", "1", "role", "2", "starts", "2027-05-01 08:00",
	            "ends", "2027-05-01 10:00", "need_min", "2", "need_max", "2", NULL);
	fixture_add(&f->ctx, "shift", "event", "1", "role", "2", "starts", "2027-05-01 10:00",
	            "ends", "2027-05-01 12:00", "need_min", "1", NULL);
	fixture_add(&f->ctx, "person", "name", "Al", NULL);
	fixture_add(&f->ctx, "assignment", "shift", "3", "person", "1", NULL);
	struct err e = {0};
	int64_t rows = -1, flagged = -1;
	struct page_req r = {.scope = 1};
	assert_int_equal(page_count(&f->ctx, "shifts", &r, &rows, &flagged, &e), 0);
	assert_int_equal(rows, 3);
	assert_int_equal(flagged, 2);
	r.search = "ush";
	assert_int_equal(page_count(&f->ctx, "shifts", &r, &rows, &flagged, &e), 0);
	assert_int_equal(rows, 2);
	assert_int_equal(flagged, 1);
	assert_int_equal(page_count(&f->ctx, "people", &r, &rows, &flagged, &e), 0);
	assert_int_equal(rows, 0);
	assert_int_equal(flagged, 0);
	assert_int_equal(page_count(&f->ctx, "nosuch", &r, &rows, &flagged, &e), -1);
}

static void test_plans(void **state)
{
	struct fixture *f = *state;
	static const char *const screens[] = {
	    "events",        "orgs",         "people",        "skills",
	    "rooms",         "sessions",     "booths",        "registrations",
	    "roles",         "shifts",       "waitlist",      "assignments",
	    "audit",         "shifts_under", "person_skills", "person_availability",
	    "person_shifts", "speakers",     "agenda",        "outbox",
	    "outbox_event"};
	for (size_t i = 0; i < ARRAY_LEN(screens); i++) {
		struct page_req r = {.scope = 1, .has_after = true, .limit = 20};
		r.after_key = strstr(screens[i], "shift") || strstr(screens[i], "session") ||
		                      !strcmp(screens[i], "events") ||
		                      !strcmp(screens[i], "audit") || strstr(screens[i], "outbox")
		                  ? db_int(5)
		                  : db_text("m");
		struct err e = {0};
		char *plan = page_store_plan(f->ctx.db, page_store_view(screens[i]), &r, &e);
		assert_non_null(plan);
		if (strstr(plan, "SCAN ") && !strstr(plan, "SCAN CONSTANT"))
			fail_msg("%s scans: %s", screens[i], plan);
		free(plan);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(test_people_pages),
	    fixture_unit_test(test_scope_and_desc),
	    fixture_unit_test(test_plans),
	    fixture_unit_test(test_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
