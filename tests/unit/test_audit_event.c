/* test_audit_event.c - an event's audit tab (the audit_event list): the
 * entries of the event and of its rooms, sessions, speakers, shifts,
 * assignments and registrations, removals included, and none of another
 * event; the event is stored with each entry as it is written (migration 3). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/page.h"
#include "../../core/array.h"
#include "../../core/staffing.h"
#include "fixture.h"

struct seen {
	char text[4096];
	int n;
};

static int collect(void *arg, const struct page_row *r)
{
	struct seen *s = arg;
	int summary = page_col("audit_event", "summary");
	size_t used = strlen(s->text);
	snprintf(s->text + used, sizeof s->text - used, "%s\n",
	         r->cols[summary].kind == DBV_TEXT ? r->cols[summary].s : "");
	s->n++;
	return 0;
}

static void tab(struct fixture *f, int64_t event, struct seen *s)
{
	struct page_req r = {.scope = event, .limit = 100};
	struct err e = {0};
	memset(s, 0, sizeof *s);
	if (page_fetch(&f->ctx, "audit_event", &r, collect, s, &e) < 0)
		fail_msg("audit_event: %s", e.msg);
}

static void test_entries_follow_their_event(void **state)
{
	struct fixture *f = *state;
	int64_t ev = fixture_add(&f->ctx, "event", "name", "Forum", "starts", "2027-03-13 08:00",
	                         "ends", "2027-03-14 18:00", "tz", "America/New_York", NULL);
	int64_t other =
	    fixture_add(&f->ctx, "event", "name", "Gathering", "starts", "2027-05-01 08:00", "ends",
	                "2027-05-01 18:00", "tz", "America/Chicago", NULL);
	fixture_add(&f->ctx, "room", "event", "2", "name", "Elsewhere", NULL);
	int64_t room = fixture_add(&f->ctx, "room", "event", "1", "name", "Hall", NULL);
	(void)room;
	int64_t session =
	    fixture_add(&f->ctx, "session", "event", "1", "room", "2", "title", "Panel", "starts",
	                "2027-03-13 10:00", "ends", "2027-03-13 11:00", NULL);
	int64_t role = fixture_add(&f->ctx, "role", "event", "1", "name", "Greeter", NULL);
	(void)role;
	int64_t shift = fixture_add(&f->ctx, "shift", "event", "1", "role", "1", "starts",
	                            "2027-03-13 12:00", "ends", "2027-03-13 14:00", NULL);
	int64_t p = fixture_add(&f->ctx, "person", "name", "Dana Reyes", NULL);
	fixture_add(&f->ctx, "speaker", "session", "1", "person", "1", NULL);
	int64_t a;
	struct err e = {0};
	if (staffing_assign(&f->ctx, shift, p, "coordinator", &a, &e) < 0)
		fail_msg("assign: %s", e.msg);
	if (record_rm(&f->ctx, entity_find("session"), session, &e) < 0) /* refused: a speaker */
		assert_int_equal(e.code, ERR_REFUSED);
	if (record_rm(&f->ctx, entity_find("speaker"), 1, &e) < 0 ||
	    record_rm(&f->ctx, entity_find("session"), session, &e) < 0)
		fail_msg("rm: %s", e.msg);

	struct seen s;
	tab(f, ev, &s);
	static const char *const expected[] = {
	    "add event 1",  "add room 2",    "add session 1",    "add role 1",
	    "add shift 1",  "add speaker 1", "add assignment 1", "add registration 1",
	    "rm speaker 1", "rm session 1",
	};
	for (size_t i = 0; i < ARRAY_LEN(expected); i++)
		if (!strstr(s.text, expected[i]))
			fail_msg("no \"%s\" in the forum's audit tab:\n%s", expected[i], s.text);
	if (strstr(s.text, "Elsewhere") || strstr(s.text, "Gathering") ||
	    strstr(s.text, "add person"))
		fail_msg("another event's or nobody's entry in the forum's tab:\n%s", s.text);
	/* newest first */
	assert_true(strstr(s.text, "rm session 1") < strstr(s.text, "add event 1"));
	tab(f, other, &s);
	assert_int_equal(s.n, 2); /* the gathering and its room */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(test_entries_follow_their_event),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
