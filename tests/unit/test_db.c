/* test_db.c - the store: migrations, file mode, refusal of newer schemas and
 * non-databases, constraints of the schema, nested transactions. */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../db/db.h"
#include "../../core/array.h"
#include "../../db/record_store.h"

static char dir[256];

static int make_dir(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/muster-test-db.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	(void)state;
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static struct db *open_memory(void)
{
	struct db *db = NULL;
	struct err e = {0};
	assert_int_equal(db_open(":memory:", NULL, &db, &e), 0);
	return db;
}

static void migrates_to_latest(void **state)
{
	(void)state;
	struct db *db = open_memory();
	assert_int_equal(db_schema_version(db), db_schema_latest());
	assert_true(db_schema_latest() >= 1);
	db_close(db);
}

static void new_file_is_private(void **state)
{
	(void)state;
	char path[400];
	snprintf(path, sizeof path, "%s/sub/dir/m.db", dir);
	struct db *db = NULL;
	struct err e = {0};
	assert_int_equal(db_open(path, NULL, &db, &e), 0);
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	db_close(db);
}

static void newer_schema_refused(void **state)
{
	(void)state;
	char path[400], sql[500];
	snprintf(path, sizeof path, "%s/new.db", dir);
	struct db *db = NULL;
	struct err e = {0};
	assert_int_equal(db_open(path, NULL, &db, &e), 0);
	db_close(db);
	snprintf(sql, sizeof sql, "sqlite3 '%s' 'PRAGMA user_version = 99'", path);
	assert_int_equal(system(sql), 0);
	assert_int_equal(db_open(path, NULL, &db, &e), -1);
	assert_int_equal(e.code, ERR_DB);
	assert_non_null(strstr(e.msg, "newer"));
}

static void not_a_database_refused(void **state)
{
	(void)state;
	char path[400];
	snprintf(path, sizeof path, "%s/junk.db", dir);
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to matter.....\n"
	      "...............................................................................\n",
	      f);
	fclose(f);
	struct db *db = NULL;
	struct err e = {0};
	assert_int_equal(db_open(path, NULL, &db, &e), -1);
	assert_int_equal(e.code, ERR_DB);
}

/* Insert an event row directly; returns the store's status. */
static int insert_event(struct db *db, int64_t starts, int64_t ends, const char *status,
                        struct err *e)
{
	const char *cols[] = {"name", "starts", "ends", "tz", "status"};
	struct db_value v[] = {db_text("E"), db_int(starts), db_int(ends), db_text("UTC"),
	                       db_text(status)};
	return record_store_insert(db, "event", cols, v, 5, NULL, e);
}

static void schema_checks_hold(void **state)
{
	(void)state;
	struct db *db = open_memory();
	struct err e = {0};
	assert_int_equal(insert_event(db, 100, 200, "draft", &e), 0);
	assert_int_equal(insert_event(db, 200, 100, "draft", &e), -1); /* ends > starts */
	assert_int_equal(e.code, ERR_REFUSED);
	assert_int_equal(insert_event(db, 100, 200, "maybe", &e), -1); /* enum */
	const char *cols[] = {"event", "name"};
	struct db_value v[] = {db_int(42), db_text("Hall")}; /* no event 42 */
	assert_int_equal(record_store_insert(db, "room", cols, v, 2, NULL, &e), -1);
	db_close(db);
}

static void nested_transactions(void **state)
{
	(void)state;
	struct db *db = open_memory();
	struct err e = {0};
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 1, 2, "draft", &e), 0);
	db_rollback(db); /* inner failure dooms the outer transaction */
	assert_true(db_in_transaction(db));
	assert_int_equal(db_commit(db, &e), -1);
	assert_false(db_in_transaction(db));
	struct db_value out;
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 1, 2, "draft", &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 1);
	db_close(db);
}

/* A savepoint takes one step back, an inner rollback included, and the
 * transaction goes on; a released one keeps its step. */
static void savepoints(void **state)
{
	(void)state;
	struct db *db = open_memory();
	struct err e = {0};
	struct db_value out;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_savepoint(db, false, &e), 0);
	assert_int_equal(db_savepoint(db, false, &e), -1); /* one at a time */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 1, 2, "draft", &e), 0);
	db_rollback(db); /* would doom the transaction */
	db_savepoint_undo(db);
	assert_int_equal(db_savepoint(db, false, &e), 0);
	assert_int_equal(insert_event(db, 3, 4, "draft", &e), 0);
	assert_int_equal(db_savepoint_release(db, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_false(db_in_transaction(db));
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 1);
	/* releasing a step whose inner level rolled back fails, and takes it back */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(db_savepoint(db, false, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 5, 6, "draft", &e), 0);
	db_rollback(db);
	assert_int_equal(db_savepoint_release(db, &e), -1);
	assert_int_equal(db_commit(db, &e), 0);
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 1);
	db_close(db);
}

/* A light step (no SAVEPOINT): a refusal before anything was written is
 * taken back and the transaction goes on; one after a write cannot be,
 * and the whole transaction is doomed. */
static void light_steps(void **state)
{
	(void)state;
	struct db *db = open_memory();
	struct err e = {0};
	struct db_value out;
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 1, 2, "draft", &e), 0);
	assert_int_equal(db_savepoint(db, true, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	db_rollback(db); /* refused before writing */
	assert_int_equal(db_savepoint_undo(db), 0);
	assert_int_equal(db_savepoint(db, true, &e), 0);
	assert_int_equal(insert_event(db, 3, 4, "draft", &e), 0);
	assert_int_equal(db_savepoint_release(db, &e), 0);
	assert_int_equal(db_commit(db, &e), 0);
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 2);
	/* written, then refused: the step cannot be taken back alone */
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 5, 6, "draft", &e), 0);
	assert_int_equal(db_savepoint(db, true, &e), 0);
	assert_int_equal(db_begin(db, &e), 0);
	assert_int_equal(insert_event(db, 7, 8, "draft", &e), 0);
	db_rollback(db);
	assert_int_equal(db_savepoint_undo(db), -1);
	assert_int_equal(db_commit(db, &e), -1); /* doomed: rolled back */
	assert_false(db_in_transaction(db));
	assert_int_equal(record_store_value(db, "SELECT count(*) FROM event", NULL, 0, &out, &e),
	                 0);
	assert_int_equal(out.i, 2);
	db_close(db);
}

static void every_table_exists(void **state)
{
	(void)state;
	static const char *const tables[] = {
	    "org",        "person",         "skill",        "person_skill", "event",
	    "room",       "session",        "speaker",      "booth",        "registration",
	    "role",       "shift",          "assignment",   "availability", "audit",
	    "kiosk_lock", "autofill_batch", "autofill_item"};
	struct db *db = open_memory();
	struct err e = {0};
	for (size_t i = 0; i < ARRAY_LEN(tables); i++) {
		struct db_value name = db_text(tables[i]), out;
		assert_int_equal(record_store_value(db,
		                                    "SELECT count(*) FROM sqlite_master WHERE "
		                                    "type = 'table' AND name = ?",
		                                    &name, 1, &out, &e),
		                 0);
		assert_int_equal(out.i, 1);
	}
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(migrates_to_latest),   cmocka_unit_test(new_file_is_private),
	    cmocka_unit_test(newer_schema_refused), cmocka_unit_test(not_a_database_refused),
	    cmocka_unit_test(schema_checks_hold),   cmocka_unit_test(nested_transactions),
	    cmocka_unit_test(every_table_exists),   cmocka_unit_test(savepoints),
	    cmocka_unit_test(light_steps),
	};
	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
