/* itip_store.c - the SQL of itip_store.h. */
#include "itip_store.h"

#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "db_internal.h"

enum sent_col { SE_PERSON, SE_UID, SE_METHOD, SE_SEQUENCE, SE_ITEM_SEQUENCE, SE_SENT_AT, SE_NCOLS };
#define SENT_COLS "SELECT person, uid, method, sequence, item_sequence, sent_at FROM main.itip_sent"
static const char get_sql[] = SENT_COLS " WHERE person = ?1 AND uid = ?2";
static const char person_sql[] = SENT_COLS " WHERE person = ?1 ORDER BY uid";
static const char put_sql[] =
    "INSERT INTO main.itip_sent (person, uid, method, sequence, item_sequence, sent_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (person, uid) DO UPDATE SET"
    " method = excluded.method, sequence = excluded.sequence,"
    " item_sequence = excluded.item_sequence, sent_at = excluded.sent_at";
static const char *const raise_room_sql[] = {
    "UPDATE main.session SET sequence = sequence + 1 WHERE room = ?1",
    "UPDATE main.booth SET sequence = sequence + 1 WHERE room = ?1",
    ("UPDATE main.shift SET sequence = sequence + 1"
     " WHERE room = ?1 OR booth IN (SELECT id FROM main.booth WHERE room = ?1)"),
};
static const char *const raise_booth_sql[] = {
    "UPDATE main.shift SET sequence = sequence + 1 WHERE booth = ?1",
};
static const char *const raise_event_sql[] = {
    "UPDATE main.session SET sequence = sequence + 1 WHERE event = ?1",
    "UPDATE main.booth SET sequence = sequence + 1 WHERE event = ?1",
    "UPDATE main.shift SET sequence = sequence + 1 WHERE event = ?1",
};

static void read_row(sqlite3_stmt *st, struct itip_store_sent *s)
{
	memset(s, 0, sizeof *s);
	s->person = db_column_int64(st, SE_PERSON);
	db_column_copy(st, SE_UID, s->uid, sizeof s->uid);
	db_column_copy(st, SE_METHOD, s->method, sizeof s->method);
	s->sequence = db_column_int64(st, SE_SEQUENCE);
	s->item_sequence = db_column_int64(st, SE_ITEM_SEQUENCE);
	s->sent_at = db_column_int64(st, SE_SENT_AT);
}

static int prepare_rows(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
	if (db_prepare(db, sql, st, e) < 0)
		return -1;
	if (db_columns(*st, SE_NCOLS, e) < 0) {
		sqlite3_finalize(*st);
		return -1;
	}
	return 0;
}

int itip_store_get(struct db *db, int64_t person, const char *uid, struct itip_store_sent *out,
                   bool *found, struct err *e)
{
	sqlite3_stmt *st;
	*found = false;
	if (prepare_rows(db, get_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, uid, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		read_row(st, out);
		*found = true;
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(db, e, "itip_sent");
	}
	sqlite3_finalize(st);
	return ret;
}

int itip_store_put(struct db *db, const struct itip_store_sent *s, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, put_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, s->person);
	sqlite3_bind_text(st, 2, s->uid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, s->method, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 4, s->sequence);
	sqlite3_bind_int64(st, 5, s->item_sequence);
	sqlite3_bind_int64(st, 6, s->sent_at);
	int rc = sqlite3_step(st);
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "itip_sent");
	sqlite3_finalize(st);
	return ret;
}

int itip_store_person(struct db *db, int64_t person,
                      int (*fn)(void *arg, const struct itip_store_sent *s), void *arg,
                      struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_rows(db, person_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct itip_store_sent s;
		read_row(st, &s);
		if ((ret = fn(arg, &s)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "itip_sent");
	sqlite3_finalize(st);
	return ret;
}

static int run_all(struct db *db, const char *const *sql, size_t n, int64_t key, struct err *e)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *st;
		if (db_prepare(db, sql[i], &st, e) < 0)
			return -1;
		sqlite3_bind_int64(st, 1, key);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(db, e, "raising sequences");
	}
	return 0;
}

int itip_store_raise_room(struct db *db, int64_t room, struct err *e)
{
	return run_all(db, raise_room_sql, ARRAY_LEN(raise_room_sql), room, e);
}

int itip_store_raise_booth(struct db *db, int64_t booth, struct err *e)
{
	return run_all(db, raise_booth_sql, ARRAY_LEN(raise_booth_sql), booth, e);
}

int itip_store_raise_event(struct db *db, int64_t event, struct err *e)
{
	return run_all(db, raise_event_sql, ARRAY_LEN(raise_event_sql), event, e);
}
