/* test_privacy.c - the erasure rules cover every reference to person in the
 * schema (a table added later without a rule fails here, and erasure then
 * refuses to run), the event each reference leads to, whole-word scrubbing,
 * and one erasure end to end on a small event. */
#include "fixture.h"

#include <stdlib.h>

#include "../../core/array.h"
#include "../../core/erase.h"
#include "../../core/privacy.h"
#include "../../core/scrub.h"
#include "../../db/db_internal.h"

static struct person_ref *load_refs(struct fixture *f, size_t *n)
{
	struct person_ref *refs;
	struct err e = {0};
	if (privacy_refs(&f->ctx, &refs, n, &e) < 0)
		fail_msg("privacy_refs: %s", e.msg);
	return refs;
}

/* Every table of the latest schema that references person has a rule. When
 * this fails, a table points at people and core/privacy.c does not say what
 * erasing a person does to its rows: add a rule there. */
static void every_reference_has_a_rule(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct person_ref *refs = load_refs(f, &n);
	struct err e = {0};
	for (size_t i = 0; i < n; i++)
		if (!privacy_rule(&refs[i]))
			fail_msg("%s.%s references person and has no rule in core/privacy.c",
			         refs[i].table, refs[i].column);
	assert_int_equal(privacy_refs_covered(refs, n, &e), 0);
	assert_true(n >= 6);
	free(refs);
}

static const struct person_ref *find_ref(const struct person_ref *refs, size_t n, const char *table)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(refs[i].table, table) == 0)
			return &refs[i];
	fail_msg("no reference from %s", table);
	return NULL;
}

static void references_lead_to_events(void **state)
{
	struct fixture *f = *state;
	size_t n;
	struct person_ref *refs = load_refs(f, &n);
	assert_string_equal(find_ref(refs, n, "registration")->event_expr, "t.\"event\"");
	assert_string_equal(find_ref(refs, n, "role")->event_expr, "t.\"event\"");
	assert_non_null(strstr(find_ref(refs, n, "assignment")->event_expr, "\"shift\""));
	assert_non_null(strstr(find_ref(refs, n, "speaker")->event_expr, "\"session\""));
	assert_string_equal(find_ref(refs, n, "person_skill")->event_expr, "");
	free(refs);
}

/* A new table pointing at people (as a later feature would add) is found
 * from the schema; without a rule, erasure refuses and changes nothing. */
static void a_new_reference_without_rule_blocks_erasure(void **state)
{
	struct fixture *f = *state;
	struct err e = {0};
	int64_t p = fixture_add(&f->ctx, "person", "name", "Dana Reyes", NULL);
	assert_int_equal(db_exec(f->ctx.db,
	                         "CREATE TABLE outbox (id INTEGER PRIMARY KEY, person INTEGER "
	                         "REFERENCES person(id), address TEXT)",
	                         &e),
	                 0);
	size_t n;
	struct person_ref *refs = load_refs(f, &n);
	const struct person_ref *outbox = find_ref(refs, n, "outbox");
	assert_null(privacy_rule(outbox));
	assert_int_equal(privacy_refs_covered(refs, n, &e), -1);
	assert_non_null(strstr(e.msg, "outbox.person"));
	free(refs);
	struct erase_result r;
	assert_int_equal(erase_person(&f->ctx, p, "asked", 0, &r, &e), -1);
	struct record rec;
	assert_int_equal(record_get(&f->ctx, entity_find("person"), p, &rec, &e), 0);
	assert_string_equal(record_text(&rec, "name"), "Dana Reyes");
	record_free(&rec);
}

static void scrub_whole_words(void **state)
{
	(void)state;
	struct scrub s = {0};
	scrub_add(&s, "Ann", "Erased person 4");
	scrub_add(&s, "K4MX7Q", "ERASED-4");
	scrub_add(&s, "", "ignored");
	char *t = scrub_text(&s, "rm person 4 (Ann): Annex kept; kiosk:K4MX7Q; Ann");
	assert_string_equal(t, "rm person 4 (Erased person 4): Annex kept; kiosk:ERASED-4; "
	                       "Erased person 4");
	free(t);
	assert_null(scrub_text(&s, "Annabel and JoAnn"));
	struct scrub u = {0};
	scrub_add(&u, "박서연", "Erased person 16");
	assert_null(scrub_text(&u, "김박서연"));
	t = scrub_text(&u, "(박서연)");
	assert_string_equal(t, "(Erased person 16)");
	free(t);
}

/* An event that is over, a volunteer with a shift, a skill and a window:
 * erased, the assignment stays (hours), the skill and window go, the audit
 * keeps no name and one erase entry. */
static void erase_one_person(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct err e = {0};
	int64_t ev = fixture_add(c, "event", "name", "Gathering", "starts", "2026-06-01 10:00",
	                         "ends", "2026-06-01 16:00", "tz", "UTC", NULL);
	int64_t sk = fixture_add(c, "skill", "name", "First aid", NULL);
	int64_t p = fixture_add(c, "person", "name", "Zoltan Quillfeather", "email",
	                        "zq@example.org", "phone", "+1 555 0199", NULL);
	int64_t role = fixture_add(c, "role", "event", fixture_num(ev), "name", "Greeter", "lead",
	                           fixture_num(p), NULL);
	int64_t sh = fixture_add(c, "shift", "event", fixture_num(ev), "role", fixture_num(role),
	                         "starts", "2026-06-01 10:00", "ends", "2026-06-01 12:00", NULL);
	fixture_add(c, "assignment", "shift", fixture_num(sh), "person", fixture_num(p), NULL);
	fixture_add(c, "person_skill", "person", fixture_num(p), "skill", fixture_num(sk), NULL);
	fixture_add(c, "availability", "person", fixture_num(p), "event", fixture_num(ev), "starts",
	            "2026-06-01 09:00", "ends", "2026-06-01 17:00", NULL);
	struct erase_result r;
	assert_int_equal(erase_person(c, p, "asked by Zoltan Quillfeather", 0, &r, &e), 0);
	assert_int_equal(r.rows[REF_KEEP], 2); /* the assignment and its registration */
	assert_int_equal(r.rows[REF_DELETE], 2);
	assert_int_equal(r.rows[REF_CLEAR], 1);
	struct db_value out, none = db_null();
	assert_int_equal(record_store_value(c->db,
	                                    "SELECT count(*) FROM audit WHERE instr(summary, "
	                                    "'Quillfeather') OR instr(summary, 'zq@')",
	                                    &none, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 0);
	assert_int_equal(record_store_value(c->db,
	                                    "SELECT summary FROM audit WHERE action = 'erase'",
	                                    &none, 0, &out, &e),
	                 0);
	char want[128];
	snprintf(want, sizeof want, "erase person %lld: asked by Erased person %lld", (long long)p,
	         (long long)p);
	assert_string_equal(out.s, want);
	db_value_clear(&out);
	assert_int_equal(
	    record_store_value(c->db, "SELECT count(*) FROM assignment", &none, 0, &out, &e), 0);
	assert_int_equal(out.i, 1);
	/* erased: not changed again, not erased twice */
	struct field_assign fa = {"phone", "123"};
	assert_int_equal(record_set(c, entity_find("person"), p, &fa, 1, &e), -1);
	assert_int_equal(erase_person(c, p, "again", 0, &r, &e), -1);
	assert_int_equal(e.code, ERR_REFUSED);
}

static bool listed(const char *const *names, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return true;
	return false;
}

/* What `person forget` leaves of a person row: its id, the "Erased person
 * N" name and ERASED-N code, when it was erased, and keep and confidential
 * at 0. Every other column, each filled first, is wiped. When this fails, a
 * column was added to person that erasure leaves as it was: add it to
 * sql_anonymize in db/privacy_store.c (or, if it is not about the person,
 * to kept[] here). */
static void every_person_column_is_wiped(void **state)
{
	struct fixture *f = *state;
	struct ctx *c = &f->ctx;
	struct err e = {0};
	static const char *const kept[] = {"id", "name", "volunteer_code", "erased_at"};
	static const char *const zeroed[] = {"confidential", "keep"};
	fixture_add(c, "org", "name", "Org 1", NULL); /* what a reference's 1 points at */
	int64_t p = fixture_add(c, "person", "name", "Wanda Wipe", NULL);
	sqlite3 *h = db_handle(c->db);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(h, "SELECT name, type FROM pragma_table_info('person')",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	char cols[64][64];
	size_t n = 0;
	while (sqlite3_step(st) == SQLITE_ROW && n < 64) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *type = (const char *)sqlite3_column_text(st, 1);
		snprintf(cols[n++], sizeof cols[0], "%s", col);
		if (listed(kept, ARRAY_LEN(kept), col))
			continue;
		/* a value of the column's type; one its CHECK refuses stays NULL */
		char *sql =
		    sqlite3_mprintf("UPDATE person SET \"%w\" = %s WHERE id = %lld", col,
		                    strstr(type, "INT") ? "1" : "'1999-01-01'", (long long)p);
		(void)sqlite3_exec(h, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	sqlite3_finalize(st);
	assert_true(n > 10);
	struct erase_result r;
	assert_int_equal(erase_person(c, p, "asked", 0, &r, &e), 0);
	for (size_t i = 0; i < n; i++) {
		bool zero = listed(zeroed, ARRAY_LEN(zeroed), cols[i]);
		if (listed(kept, ARRAY_LEN(kept), cols[i]))
			continue;
		char *sql = sqlite3_mprintf("SELECT \"%w\" FROM person WHERE id = %lld", cols[i],
		                            (long long)p);
		assert_int_equal(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
		sqlite3_free(sql);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		bool wiped = zero ? sqlite3_column_int64(st, 0) == 0
		                  : sqlite3_column_type(st, 0) == SQLITE_NULL;
		sqlite3_finalize(st);
		if (!wiped)
			fail_msg("person.%s survives person forget: wipe it in sql_anonymize "
			         "(db/privacy_store.c)",
			         cols[i]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    fixture_unit_test(every_reference_has_a_rule),
	    fixture_unit_test(references_lead_to_events),
	    fixture_unit_test(a_new_reference_without_rule_blocks_erasure),
	    cmocka_unit_test(scrub_whole_words),
	    fixture_unit_test(erase_one_person),
	    fixture_unit_test(every_person_column_is_wiped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
