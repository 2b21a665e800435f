/* test_status.c - each status set of SPEC section 3 has one SQL definition
 * (db/status_sql.h) and one C predicate; here the two must agree on every
 * kind and status the entity table allows, so neither can drift alone. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdbool.h>
#include <string.h>

#include "entity.h"
#include "registration.h"
#include "signup.h"
#include "staffing.h"
#include "status_sql.h"

/* The allowed values of ent's enum field. */
static const char *const *values_of(const char *ent, const char *field)
{
	const struct entity_def *d = entity_find(ent);
	assert_non_null(d);
	int i = entity_field_index(d, field);
	assert_true(i >= 0);
	assert_int_equal(d->fields[i].type, FT_ENUM);
	return d->fields[i].values;
}

/* What SQL's condition says of a row with this kind and status. */
static bool sql_says(sqlite3 *db, const char *condition, const char *kind, const char *status)
{
	char sql[512];
	snprintf(sql, sizeof sql, "SELECT %s FROM (SELECT ?1 AS kind, ?2 AS status) AS r",
	         condition);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	bool yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_finalize(st);
	return yes;
}

static void assignment_active(void **state)
{
	sqlite3 *db = *state;
	int held = 0;
	for (const char *const *s = values_of("assignment", "status"); *s; s++) {
		bool c = staffing_status_active(*s);
		assert_int_equal(c, sql_says(db, "r.status IN " ASSIGNMENT_ACTIVE_SQL, NULL, *s));
		held += c;
	}
	assert_int_equal(held, 4); /* signed_up, confirmed, checked_in, completed */
}

static void registration_sets(void **state)
{
	sqlite3 *db = *state;
	int seated = 0, waiting = 0;
	for (const char *const *k = values_of("registration", "kind"); *k; k++) {
		for (const char *const *s = values_of("registration", "status"); *s; s++) {
			bool c = registration_seated(*k, *s);
			assert_int_equal(c, sql_says(db,
			                             "r.kind = " REGISTRATION_SEATED_KIND_SQL
			                             " AND r.status IN " REGISTRATION_SEATED_SQL,
			                             *k, *s));
			seated += c;
		}
	}
	for (const char *const *s = values_of("registration", "status"); *s; s++) {
		bool c = registration_waitlisted(*s);
		assert_int_equal(c,
		                 sql_says(db, "r.status = " REGISTRATION_WAITLISTED_SQL, NULL, *s));
		waiting += c;
	}
	int attending = 0;
	for (const char *const *s = values_of("registration", "status"); *s; s++) {
		bool c = registration_attending(*s);
		assert_int_equal(c,
		                 sql_says(db, "r.status IN " REGISTRATION_ATTENDING_SQL, NULL, *s));
		attending += c;
	}
	assert_int_equal(seated, 3); /* attendees: registered, checked_in, no_show */
	assert_int_equal(waiting, 1);
	assert_int_equal(attending, 2); /* registered, checked_in */
}

static void signup_sets(void **state)
{
	sqlite3 *db = *state;
	int seated = 0, active = 0, waiting = 0;
	for (const char *const *s = values_of("signup", "status"); *s; s++) {
		bool c = signup_seated(*s), a = signup_active(*s), w = signup_waitlisted(*s);
		assert_int_equal(c, sql_says(db, "r.status IN " SIGNUP_SEATED_SQL, NULL, *s));
		assert_int_equal(a, sql_says(db, "r.status IN " SIGNUP_ACTIVE_SQL, NULL, *s));
		assert_int_equal(a, sql_says(db, "r.status NOT IN " SIGNUP_INACTIVE_SQL, NULL, *s));
		assert_int_equal(w, sql_says(db, "r.status = " SIGNUP_WAITLISTED_SQL, NULL, *s));
		seated += c, active += a, waiting += w;
	}
	assert_int_equal(seated, 3); /* registered, checked_in, no_show */
	assert_int_equal(active, 4); /* and waitlisted */
	assert_int_equal(waiting, 1);
}

static int open_db(void **state)
{
	sqlite3 *db = NULL;
	if (sqlite3_open(":memory:", &db) != SQLITE_OK)
		return -1;
	*state = db;
	return 0;
}

static int close_db(void **state)
{
	sqlite3_close(*state);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(assignment_active),
	    cmocka_unit_test(registration_sets),
	    cmocka_unit_test(signup_sets),
	};
	return cmocka_run_group_tests(tests, open_db, close_db);
}
