/* test_record.c - the generic operations over the entity table: parsing in
 * the event's zone, references, uniqueness, dependents, SEQUENCE, audit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "../../core/entity.h"
#include "../../core/tz.h"
#include "fixture.h"

static int64_t forum(struct ctx *c)
{
	struct err e = {0};
	int64_t id = fixture_try_add(c, "event", &e, "name", "Forum", "starts", "2027-03-13 08:00",
	                             "ends", "2027-03-14 17:30", "tz", "America/New_York", NULL);
	assert_true(id > 0);
	return id;
}

static void times_read_in_event_zone(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t ev = forum(&f->ctx);
	struct record r;
	assert_int_equal(record_get(&f->ctx, entity_find("event"), ev, &r, &e), 0);
	/* 08:00 EST = 13:00Z; 17:30 EDT on the 14th (after the DST change) = 21:30Z */
	assert_int_equal(record_int(&r, "starts"), 1804942800);
	assert_int_equal(record_int(&r, "ends"), 1805059800);
	char buf[64];
	record_format_field(&r, (size_t)entity_field_index(r.ent, "ends"), buf, sizeof buf);
	assert_string_equal(buf, "2027-03-14 17:30");
	record_free(&r);
	int64_t room = fixture_try_add(&f->ctx, "room", &e, "event", "1", "name", "Salon A", NULL);
	assert_true(room > 0);
	char evs[16];
	snprintf(evs, sizeof evs, "%lld", (long long)ev);
	int64_t s = fixture_try_add(&f->ctx, "session", &e, "event", evs, "title", "Panel",
	                            "starts", "2027-03-14 10:00", "ends", "2027-03-14 11:00", NULL);
	assert_true(s > 0);
	assert_int_equal(record_get(&f->ctx, entity_find("session"), s, &r, &e), 0);
	assert_int_equal(record_int(&r, "starts"), 1805032800); /* 10:00 EDT = 14:00Z */
	assert_int_equal(strlen(record_text(&r, "uid")), 36);
	assert_int_equal(record_int(&r, "sequence"), 0);
	record_free(&r);
}

static void bad_values_refused(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	assert_int_equal(fixture_try_add(&f->ctx, "event", &e, "name", "X", "starts",
	                                 "2027-03-14 02:30", "ends", "2027-03-14 05:00", "tz",
	                                 "America/New_York", NULL),
	                 -1);
	assert_int_equal(e.code, ERR_INPUT); /* spring-forward gap */
	assert_int_equal(fixture_try_add(&f->ctx, "event", &e, "name", "X", "starts",
	                                 "2027-03-14 09:00", "ends", "2027-03-14 08:00", "tz",
	                                 "UTC", NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "must be after"));
	assert_int_equal(fixture_try_add(&f->ctx, "event", &e, "name", "X", "starts",
	                                 "2027-03-14 09:00", "ends", "2027-03-14 10:00", "tz",
	                                 "Mars/Olympus", NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "time zone"));
	assert_int_equal(
	    fixture_try_add(&f->ctx, "org", &e, "name", "A", "sector", "charity", NULL), -1);
	assert_non_null(strstr(e.msg, "one of"));
	assert_int_equal(
	    fixture_try_add(&f->ctx, "person", &e, "name", "A", "email", "not-an-email", NULL), -1);
	assert_int_equal(
	    fixture_try_add(&f->ctx, "person", &e, "name", "A", "birth_date", "2001-02-30", NULL),
	    -1);
	assert_int_equal(fixture_try_add(&f->ctx, "person", &e, "name", "A", "nmae", "B", NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "did you mean name"));
	assert_int_equal(fixture_try_add(&f->ctx, "person", &e, "email", "a@example.org", NULL),
	                 -1);
	assert_non_null(strstr(e.msg, "name: required"));
	assert_int_equal(fixture_try_add(&f->ctx, "room", &e, "event", "999", "name", "R", NULL),
	                 -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(
	    fixture_try_add(&f->ctx, "person", &e, "name", "A", "volunteer_code", "AAAAAA", NULL),
	    -1);
	assert_int_equal(e.code, ERR_USAGE);
}

static void unique_email_case_insensitive(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	assert_true(fixture_try_add(&f->ctx, "person", &e, "name", "Dana", "email",
	                            "dana@example.org", NULL) > 0);
	assert_int_equal(fixture_try_add(&f->ctx, "person", &e, "name", "Other", "email",
	                                 "DANA@Example.org", NULL),
	                 -1);
	assert_int_equal(e.code, ERR_REFUSED);
}

static void rm_refused_while_used(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t org = fixture_try_add(&f->ctx, "org", &e, "name", "Harbor Light", NULL);
	char id[16];
	snprintf(id, sizeof id, "%lld", (long long)org);
	assert_true(fixture_try_add(&f->ctx, "person", &e, "name", "P", "org", id, NULL) > 0);
	assert_int_equal(record_rm(&f->ctx, entity_find("org"), org, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
	assert_non_null(strstr(e.msg, "1 person"));
	assert_int_equal(record_rm(&f->ctx, entity_find("org"), 9999, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
}

static void sequence_rises_on_time_change(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t ev = forum(&f->ctx);
	char evs[16];
	snprintf(evs, sizeof evs, "%lld", (long long)ev);
	int64_t s = fixture_try_add(&f->ctx, "session", &e, "event", evs, "title", "Panel",
	                            "starts", "2027-03-13 10:00", "ends", "2027-03-13 11:00", NULL);
	struct field_assign title = {"title", "Panel (renamed)"};
	assert_int_equal(record_set(&f->ctx, entity_find("session"), s, &title, 1, &e), 0);
	struct record r;
	assert_int_equal(record_get(&f->ctx, entity_find("session"), s, &r, &e), 0);
	assert_int_equal(record_int(&r, "sequence"), 0); /* title is not time/place/status */
	record_free(&r);
	struct field_assign move = {"starts", "2027-03-13 09:30"};
	assert_int_equal(record_set(&f->ctx, entity_find("session"), s, &move, 1, &e), 0);
	assert_int_equal(record_get(&f->ctx, entity_find("session"), s, &r, &e), 0);
	assert_int_equal(record_int(&r, "sequence"), 1);
	record_free(&r);
}

static void writes_are_audited(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t p =
	    fixture_try_add(&f->ctx, "person", &e, "name", "Audited", "phone", "+1-555-0100", NULL);
	struct db_value id = db_int(p), out;
	assert_int_equal(record_store_value(f->ctx.db,
	                                    "SELECT summary FROM audit WHERE entity = 'person' "
	                                    "AND entity_id = ? AND actor = 'tester'",
	                                    &id, 1, &out, &e),
	                 0);
	assert_int_equal(out.kind, DBV_TEXT);
	assert_non_null(strstr(out.s, "Audited"));
	assert_null(strstr(out.s, "555")); /* contact details stay out of the log */
	db_value_clear(&out);
}

static void booth_defaults_to_event_span(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t ev = forum(&f->ctx);
	int64_t org = fixture_try_add(&f->ctx, "org", &e, "name", "Booth Org", NULL);
	char evs[16], orgs[16];
	snprintf(evs, sizeof evs, "%lld", (long long)ev);
	snprintf(orgs, sizeof orgs, "%lld", (long long)org);
	int64_t b =
	    fixture_try_add(&f->ctx, "booth", &e, "event", evs, "org", orgs, "label", "B01", NULL);
	assert_true(b > 0);
	struct record r;
	assert_int_equal(record_get(&f->ctx, entity_find("booth"), b, &r, &e), 0);
	assert_int_equal(record_int(&r, "starts"), 1804942800);
	record_free(&r);
}

/* Text on every write path is valid UTF-8 without control characters;
 * tab and newline only in long text. The refusal names the field. */
static void text_is_utf8_without_controls(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	static const struct {
		const char *field, *value, *why;
	} bad[] = {
	    {"name", "\xff\xfe\xc0\xaf", "name: not valid UTF-8 text (byte 0xFF at character 1)"},
	    {"name", "Dana\x01\x1b[2J", "name: holds the control character U+0001 at character 5"},
	    {"name",
	     "Dana\xc2\x9b"
	     "31m",
	     "name: holds the control character U+009B"},
	    {"name", "Dana\x7f", "name: holds the control character U+007F"},
	    {"name", "Dana\nReyes", "name: holds a line break; only long text"},
	    {"phone", "555\t1234", "phone: holds a tab"},
	    {"email", "dana@example.org\x1b", "email: holds the control character U+001B"},
	    {"notes", "ok\x1b]52;c;eA==\x07", "notes: holds the control character U+001B"},
	    {"notes", "cut \xe2\x80", "notes: not valid UTF-8 text"},
	    {"notes", "surrogate \xed\xa0\x80", "notes: not valid UTF-8 text"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&e);
		const char *name = strcmp(bad[i].field, "name") == 0 ? bad[i].value : "Dana";
		const char *other = strcmp(bad[i].field, "name") == 0 ? "phone" : bad[i].field;
		const char *value = strcmp(bad[i].field, "name") == 0 ? "1" : bad[i].value;
		assert_int_equal(
		    fixture_try_add(&f->ctx, "person", &e, "name", name, other, value, NULL), -1);
		assert_int_equal(e.code, ERR_INPUT);
		if (!strstr(e.msg, bad[i].why))
			fail_msg("%zu: \"%s\" lacks \"%s\"", i, e.msg, bad[i].why);
	}
	/* long text takes tabs and line breaks; bidi marks are text, not controls */
	int64_t p = fixture_add(&f->ctx, "person", "name",
	                        "\xe2\x80\xae"
	                        "Ali",
	                        "notes", "line one\n\tline two", NULL);
	/* set refuses the same; the row is left as it was */
	struct field_assign fa[] = {{"notes", "x\x1b[6n"}};
	assert_int_equal(record_set(&f->ctx, entity_find("person"), p, fa, 1, &e), -1);
	assert_non_null(strstr(e.msg, "notes: holds the control character U+001B"));
	struct record r;
	assert_int_equal(record_get(&f->ctx, entity_find("person"), p, &r, &e), 0);
	assert_string_equal(record_text(&r, "notes"), "line one\n\tline two");
	/* a hook or an importer writing a record directly meets the same rule */
	record_set_text(&r, "phone", "\x1b[31m555");
	assert_int_equal(record_write(&f->ctx, &r, 0, &e), -1);
	assert_non_null(strstr(e.msg, "phone: holds the control character U+001B"));
	record_free(&r);
	/* an override reason goes to the audit log: the same rule */
	const char *ev = fixture_num(forum(&f->ctx));
	const char *role = fixture_num(
	    fixture_add(&f->ctx, "role", "event", ev, "name", "AV", "min_age", "18", NULL));
	const char *shift =
	    fixture_num(fixture_add(&f->ctx, "shift", "event", ev, "role", role, "starts",
	                            "2027-03-13 09:00", "ends", "2027-03-13 10:00", NULL));
	f->ctx.override_reason = "short-staffed\x1b]0;x\x07";
	assert_int_equal(fixture_try_add(&f->ctx, "assignment", &e, "shift", shift, "person",
	                                 fixture_num(p), NULL),
	                 -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_non_null(strstr(e.msg, "reason: holds the control character U+001B"));
	f->ctx.override_reason = "short-staffed";
	assert_true(fixture_try_add(&f->ctx, "assignment", &e, "shift", shift, "person",
	                            fixture_num(p), NULL) > 0);
	f->ctx.override_reason = NULL;
}

/* Every constraint of the schema a person can hit is checked first and
 * named for a person; SQLite's own words ("CHECK constraint failed") never
 * show, and nothing is written. */
static void constraints_named_for_a_person(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	const char *ev = fixture_num(forum(&f->ctx));
	const char *role =
	    fixture_num(fixture_add(&f->ctx, "role", "event", ev, "name", "AV", NULL));
	const char *room =
	    fixture_num(fixture_add(&f->ctx, "room", "event", ev, "name", "Salon A", NULL));
	const char *org = fixture_num(fixture_add(&f->ctx, "org", "name", "Harbor", NULL));
	const char *booth = fixture_num(
	    fixture_add(&f->ctx, "booth", "event", ev, "org", org, "label", "B1", NULL));
	const char *person = fixture_num(fixture_add(&f->ctx, "person", "name", "Dana", NULL));
	const char *skill = fixture_num(fixture_add(&f->ctx, "skill", "name", "First aid", NULL));
	const char *session =
	    fixture_num(fixture_add(&f->ctx, "session", "event", ev, "title", "Panel", "starts",
	                            "2027-03-13 09:00", "ends", "2027-03-13 10:00", NULL));
	fixture_add(&f->ctx, "speaker", "session", session, "person", person, NULL);
	fixture_add(&f->ctx, "person_skill", "person", person, "skill", skill, NULL);
	static const char *const span[] = {"starts", "2027-03-13 09:00", "ends",
	                                   "2027-03-13 10:00"};
	struct {
		const char *entity;
		const char *kv[13];
		enum err_code code;
		const char *says;
	} bad[] = {
	    {"person", {"name", " "}, ERR_INPUT, "name: must not be blank"},
	    {"org", {"name", "   "}, ERR_INPUT, "name: must not be blank"},
	    {"skill", {"name", " "}, ERR_INPUT, "name: must not be blank"},
	    {"room", {"event", ev, "name", "  "}, ERR_INPUT, "name: must not be blank"},
	    {"session",
	     {"event", ev, "title", " ", span[0], span[1], span[2], span[3]},
	     ERR_INPUT,
	     "title: must not be blank"},
	    {"shift",
	     {"event", ev, "role", role, "need_min", "11", "need_max", "10", span[0], span[1],
	      span[2], span[3]},
	     ERR_INPUT,
	     "need_min 11 is above need_max 10"},
	    {"shift",
	     {"event", ev, "role", role, "room", room, "booth", booth, span[0], span[1], span[2],
	      span[3]},
	     ERR_INPUT,
	     "room and booth: give one or the other, not both"},
	    {"event",
	     {"name", "E", "tz", "UTC", "starts", "2027-03-13 08:00", "ends", "2027-03-14 08:00",
	      "setup_starts", "2027-03-13 09:00"},
	     ERR_INPUT,
	     "setup_starts 2027-03-13 09:00 is after starts 2027-03-13 08:00"},
	    {"event",
	     {"name", "E", "tz", "UTC", "starts", "2027-03-13 08:00", "ends", "2027-03-14 08:00",
	      "teardown_ends", "2027-03-13 09:00"},
	     ERR_INPUT,
	     "teardown_ends 2027-03-13 09:00 is before ends 2027-03-14 08:00"},
	    {"room",
	     {"event", ev, "name", "Salon A"},
	     ERR_REFUSED,
	     "name \"Salon A\" is already used by room 1 in event 1"},
	    {"role",
	     {"event", ev, "name", "AV"},
	     ERR_REFUSED,
	     "name \"AV\" is already used by role 1 in event 1"},
	    {"speaker",
	     {"session", session, "person", person},
	     ERR_REFUSED,
	     "speaker 1 already links session 1 and person 1"},
	    {"person_skill",
	     {"person", person, "skill", skill},
	     ERR_REFUSED,
	     "person_skill 1 already links person 1 and skill 1"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct field_assign fa[6];
		size_t n = 0;
		for (; n < 6 && bad[i].kv[2 * n]; n++)
			fa[n] = (struct field_assign){bad[i].kv[2 * n], bad[i].kv[2 * n + 1]};
		int64_t id;
		err_clear(&e);
		assert_int_equal(record_add(&f->ctx, entity_find(bad[i].entity), fa, n, &id, &e),
		                 -1);
		if (e.code != bad[i].code || strcmp(e.msg, bad[i].says) != 0)
			fail_msg("%zu: %d \"%s\", wanted %d \"%s\"", i, e.code, e.msg, bad[i].code,
			         bad[i].says);
	}
	/* set: the stored need_max meets the new need_min */
	const char *shift = fixture_num(fixture_add(&f->ctx, "shift", "event", ev, "role", role,
	                                            span[0], span[1], span[2], span[3], NULL));
	struct field_assign more[] = {{"need_min", "5"}};
	assert_int_equal(
	    record_set(&f->ctx, entity_find("shift"), strtoll(shift, NULL, 10), more, 1, &e), -1);
	assert_string_equal(e.msg, "need_min 5 is above need_max 1");
	assert_int_equal(e.code, ERR_INPUT);
	/* the same name in another event is fine */
	const char *other =
	    fixture_num(fixture_add(&f->ctx, "event", "name", "Other", "tz", "UTC", "starts",
	                            "2027-04-01 08:00", "ends", "2027-04-01 18:00", NULL));
	fixture_add(&f->ctx, "room", "event", other, "name", "Salon A", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(times_read_in_event_zone),
	    fixture_unit_test(bad_values_refused),
	    fixture_unit_test(unique_email_case_insensitive),
	    fixture_unit_test(rm_refused_while_used),
	    fixture_unit_test(sequence_rises_on_time_change),
	    fixture_unit_test(writes_are_audited),
	    fixture_unit_test(booth_defaults_to_event_span),
	    fixture_unit_test(text_is_utf8_without_controls),
	    fixture_unit_test(constraints_named_for_a_person),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
