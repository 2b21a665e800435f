/* test_stmt_cache.c - the prepared-statement cache of db/db.c: a statement
 * comes back reset with no bindings, SQL built at run time is found by its
 * text, nested use of one query gets its own statement (an outer loop over
 * it is never disturbed, also through record_store_scan), more queries than
 * slots evict the idle ones, and a released statement holds no read
 * transaction (another connection's commit is seen). */
#define _DEFAULT_SOURCE /* strdup, mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../db/db_internal.h"
#include "../../db/record_store.h"

static struct db *open_memory(void)
{
	struct db *db;
	struct err e = {0};
	if (db_open(":memory:", NULL, &db, &e) < 0)
		fail_msg("db_open: %s", e.msg);
	if (db_exec(db,
	            "CREATE TABLE t (id INTEGER PRIMARY KEY, v INTEGER);"
	            "INSERT INTO t (v) VALUES (10), (20), (30);",
	            &e) < 0)
		fail_msg("setup: %s", e.msg);
	return db;
}

static const char sel[] = "SELECT v FROM t WHERE id >= ? ORDER BY id";

static void reused_reset_and_cleared(void **state)
{
	struct db *db = open_memory();
	struct err e = {0};
	sqlite3_stmt *a, *b;
	assert_int_equal(db_acquire(db, sel, &a, &e), 0);
	sqlite3_bind_int64(a, 1, 2);
	assert_int_equal(sqlite3_step(a), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(a, 0), 20);
	db_release(db, a); /* mid-iteration */
	/* the same text, built elsewhere, finds the same statement */
	char *copy = strdup(sel);
	assert_int_equal(db_acquire(db, copy, &b, &e), 0);
	assert_ptr_equal(a, b);
	/* reset: from the first row again; cleared: ?1 is NULL, so no rows */
	assert_int_equal(sqlite3_step(b), SQLITE_DONE);
	sqlite3_reset(b);
	sqlite3_bind_int64(b, 1, 1);
	assert_int_equal(sqlite3_step(b), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(b, 0), 10);
	db_release(db, b);
	free(copy);
	db_close(db);
}

static void nested_use_gets_its_own(void **state)
{
	struct db *db = open_memory();
	struct err e = {0};
	sqlite3_stmt *outer, *inner;
	int seen[8], n = 0;
	assert_int_equal(db_acquire(db, sel, &outer, &e), 0);
	sqlite3_bind_int64(outer, 1, 1);
	while (sqlite3_step(outer) == SQLITE_ROW) {
		seen[n++] = sqlite3_column_int(outer, 0);
		/* a helper runs the same query while the outer loop is on it */
		assert_int_equal(db_acquire(db, sel, &inner, &e), 0);
		assert_ptr_not_equal(inner, outer);
		sqlite3_bind_int64(inner, 1, 3);
		assert_int_equal(sqlite3_step(inner), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(inner, 0), 30);
		db_release(db, inner);
	}
	db_release(db, outer);
	assert_int_equal(n, 3);
	assert_int_equal(seen[0], 10);
	assert_int_equal(seen[2], 30);
	/* both idle again: the cached one comes back */
	assert_int_equal(db_acquire(db, sel, &inner, &e), 0);
	assert_ptr_equal(inner, outer);
	db_release(db, inner);
	db_close(db);
}

struct scan {
	struct db *db;
	int outer, inner;
};

static const char *const cols[] = {"v"};

static int count_inner(void *arg, const struct db_value *vals, size_t n)
{
	((struct scan *)arg)->inner++;
	return 0;
}

/* Each row of the outer scan runs the very same scan again. */
static int count_outer(void *arg, const struct db_value *vals, size_t n)
{
	struct scan *s = arg;
	struct err e = {0};
	struct record_query q = {"t", cols, 1, NULL, NULL, 0, NULL, 0};
	s->outer++;
	assert_int_equal(record_store_scan(s->db, &q, count_inner, s, &e), 0);
	return 0;
}

static void nested_scans(void **state)
{
	struct db *db = open_memory();
	struct err e = {0};
	struct scan s = {db, 0, 0};
	struct record_query q = {"t", cols, 1, NULL, NULL, 0, NULL, 0};
	assert_int_equal(record_store_scan(db, &q, count_outer, &s, &e), 0);
	assert_int_equal(s.outer, 3);
	assert_int_equal(s.inner, 9);
	db_close(db);
}

static void more_queries_than_slots(void **state)
{
	struct db *db = open_memory();
	struct err e = {0};
	for (int round = 0; round < 2; round++)
		for (int i = 0; i < 300; i++) {
			char sql[64];
			sqlite3_stmt *st;
			snprintf(sql, sizeof sql, "SELECT v + %d FROM t WHERE id = 1", i);
			assert_int_equal(db_acquire(db, sql, &st, &e), 0);
			assert_int_equal(sqlite3_step(st), SQLITE_ROW);
			assert_int_equal(sqlite3_column_int(st, 0), 10 + i);
			db_release(db, st);
		}
	/* every slot busy: still served, finalized on release */
	sqlite3_stmt *held[200];
	for (int i = 0; i < 200; i++) {
		char sql[64];
		snprintf(sql, sizeof sql, "SELECT %d", i);
		assert_int_equal(db_acquire(db, sql, &held[i], &e), 0);
	}
	for (int i = 0; i < 200; i++) {
		assert_int_equal(sqlite3_step(held[i]), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(held[i], 0), i);
		db_release(db, held[i]);
	}
	db_close(db);
}

static void released_sees_other_commits(void **state)
{
	char path[] = "/tmp/muster-stmt-cache-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct db *a, *b;
	struct err e = {0};
	assert_int_equal(db_open(path, NULL, &a, &e), 0);
	assert_int_equal(db_open(path, NULL, &b, &e), 0);
	assert_int_equal(
	    db_exec(a, "CREATE TABLE t (v INTEGER); INSERT INTO t VALUES (1), (2);", &e), 0);
	static const char count[] = "SELECT v FROM t ORDER BY v";
	sqlite3_stmt *st;
	assert_int_equal(db_acquire(a, count, &st, &e), 0);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW); /* a read transaction is open */
	db_release(a, st);                              /* and ends here */
	int64_t before = db_data_version(a);
	assert_int_equal(db_exec(b, "INSERT INTO t VALUES (3)", &e), 0);
	assert_true(db_data_version(a) != before);
	struct db_value v;
	assert_int_equal(record_store_value(a, "SELECT count(*) FROM t", NULL, 0, &v, &e), 0);
	assert_int_equal(v.i, 3);
	/* a checkpoint is not held back by a cached statement */
	assert_int_equal(db_exec(b, "PRAGMA wal_checkpoint(TRUNCATE)", &e), 0);
	db_close(a);
	db_close(b);
	unlink(path);
	char side[64];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(reused_reset_and_cleared),
	    cmocka_unit_test(nested_use_gets_its_own),
	    cmocka_unit_test(nested_scans),
	    cmocka_unit_test(more_queries_than_slots),
	    cmocka_unit_test(released_sees_other_commits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
