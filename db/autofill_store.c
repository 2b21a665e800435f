/* autofill_store.c - auto-fill's bulk reads (one query per kind of fact,
 * each by index from the event's registrations or shifts) and its batch
 * tables (migration 5). */
#include "autofill_store.h"

#include <stdio.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"

#define ACTIVE "('signed_up','confirmed','checked_in','completed')"
/* The event's volunteers who may be given shifts. */
#define VOLUNTEERS                                                                                 \
	" r.event = ?1 AND r.kind = 'volunteer' AND r.status IN ('registered','checked_in')"

static const char sql_roles[] = "SELECT r.id, coalesce(r.skill, 0), r.min_age, r.name,"
                                " coalesce(k.name, '') FROM role r"
                                " LEFT JOIN skill k ON k.id = r.skill WHERE r.event = ?1"
                                " ORDER BY r.id";
static const char sql_shifts[] =
    "SELECT s.id, s.role, s.starts, s.ends, s.need_min, s.need_max,"
    " (SELECT count(*) FROM assignment a WHERE a.shift = s.id AND a.status IN " ACTIVE "),"
    " coalesce(rm.name, b.label, '') FROM shift s"
    " LEFT JOIN room rm ON rm.id = s.room LEFT JOIN booth b ON b.id = s.booth"
    " WHERE s.event = ?1 AND s.status = 'open' ORDER BY s.starts, s.id";
static const char sql_people[] = "SELECT p.id, p.name, coalesce(p.birth_date, ''), p.confidential"
                                 " FROM registration r CROSS JOIN person p ON p.id = r.person"
                                 " WHERE" VOLUNTEERS " ORDER BY p.id";
static const char sql_busy[] =
    "SELECT a.person, s.id, s.starts, s.ends FROM registration r"
    " CROSS JOIN assignment a ON a.person = r.person CROSS JOIN shift s ON s.id = a.shift"
    " WHERE" VOLUNTEERS " AND a.status IN " ACTIVE
    " AND s.status = 'open' AND s.starts < ?3 AND s.ends > ?2";
static const char sql_talks[] =
    "SELECT sp.person, se.id, se.starts, se.ends FROM registration r"
    " CROSS JOIN speaker sp ON sp.person = r.person CROSS JOIN session se ON se.id = sp.session"
    " WHERE" VOLUNTEERS " AND se.status != 'cancelled' AND se.starts < ?3 AND se.ends > ?2";
static const char sql_windows[] = "SELECT w.person, w.id, w.starts, w.ends FROM availability w"
                                  " WHERE w.event = ?1 AND ?2 = ?2 AND ?3 = ?3"
                                  " ORDER BY w.person, w.starts, w.id";
static const char sql_skills[] =
    "SELECT ps.person, ps.skill, coalesce(ps.expires, '') FROM registration r"
    " CROSS JOIN person_skill ps ON ps.person = r.person"
    " WHERE" VOLUNTEERS
    " AND ps.skill IN (SELECT skill FROM role WHERE event = ?1 AND skill IS NOT NULL)";
static const char sql_rows[] = "SELECT a.person, a.shift FROM shift s"
                               " CROSS JOIN assignment a ON a.shift = s.id WHERE s.event = ?1";

int autofill_store_snapshot_begin(struct db *db, struct err *e)
{
	/* the run reads and writes all over the event: 32 MiB of pages */
	if (db_exec(db, "PRAGMA cache_size = -32768", e) < 0)
		return -1;
	return db_begin_read(db, e);
}

void autofill_store_snapshot_end(struct db *db)
{
	db_commit(db, NULL);
}

static const char *text(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

/* Run sql with ?1 event, ?2 from, ?3 to, handing each row to take. */
static int each_row(struct db *db, const char *sql, const int64_t *binds, int nbinds,
                    int (*take)(sqlite3_stmt *st, const struct afs_fns *fns),
                    const struct afs_fns *fns, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql, &st, e) < 0)
		return -1;
	for (int i = 0; i < nbinds; i++)
		sqlite3_bind_int64(st, i + 1, binds[i]);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = take(st, fns)) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "auto-fill");
	db_release(db, st);
	return ret < 0 ? -1 : 0;
}

static int take_role(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_role r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                     sqlite3_column_int(st, 2), text(st, 3), text(st, 4)};
	return f->role(f->arg, &r);
}

static int take_shift(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_shift s = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                      sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
	                      sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
	                      sqlite3_column_int64(st, 6), text(st, 7)};
	return f->shift(f->arg, &s);
}

static int take_person(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_person p = {sqlite3_column_int64(st, 0), text(st, 1), text(st, 2),
	                       sqlite3_column_int(st, 3) != 0};
	return f->person(f->arg, &p);
}

static struct afs_slot slot_of(sqlite3_stmt *st)
{
	return (struct afs_slot){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                         sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3)};
}

static int take_busy(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_slot s = slot_of(st);
	return f->busy(f->arg, &s);
}

static int take_talk(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_slot s = slot_of(st);
	return f->talk(f->arg, &s);
}

static int take_window(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_slot s = slot_of(st);
	return f->window(f->arg, &s);
}

static int take_skill(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_skill s = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                      text(st, 2)};
	return f->skill(f->arg, &s);
}

static int take_row(sqlite3_stmt *st, const struct afs_fns *f)
{
	struct afs_row r = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
	return f->row(f->arg, &r);
}

int autofill_store_load(struct db *db, int64_t event, int64_t from, int64_t to,
                        const struct afs_fns *fns, struct err *e)
{
	static const struct {
		const char *sql;
		int (*take)(sqlite3_stmt *st, const struct afs_fns *fns);
	} steps[] = {
	    {sql_roles, take_role},   {sql_shifts, take_shift}, {sql_people, take_person},
	    {sql_busy, take_busy},    {sql_talks, take_talk},   {sql_windows, take_window},
	    {sql_skills, take_skill}, {sql_rows, take_row},
	};
	const int64_t binds[] = {event, from, to};
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		int n = steps[i].sql == sql_busy || steps[i].sql == sql_talks ||
		                steps[i].sql == sql_windows
		            ? 3
		            : 1;
		if (each_row(db, steps[i].sql, binds, n, steps[i].take, fns, e) < 0)
			return -1;
	}
	return 0;
}

static const char sql_volunteers[] =
    "SELECT r.person FROM registration r WHERE" VOLUNTEERS " ORDER BY r.person";

int autofill_store_volunteers(struct db *db, int64_t event, int64_t **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (db_acquire(db, sql_volunteers, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "auto-fill");
	db_release(db, st);
	return ret;
}

/* ---- batches ------------------------------------------------------------ */

static const char sql_batch_new[] =
    "INSERT INTO autofill_batch (event, at, actor) VALUES (?1, ?2, ?3)";
static const char sql_item[] = "INSERT INTO autofill_item (batch, assignment) VALUES (?1, ?2)";
static const char sql_batch_added[] = "UPDATE autofill_batch SET added = ?2 WHERE id = ?1";
static const char sql_batch_get[] = "SELECT event, at, added, coalesce(undone_at, 0), actor"
                                    " FROM autofill_batch WHERE id = ?1";
static const char sql_batch_undone[] = "UPDATE autofill_batch SET undone_at = ?2 WHERE id = ?1";
static const char sql_items[] = "SELECT assignment FROM autofill_item WHERE batch = ?1"
                                " ORDER BY assignment";
static const char sql_item_state[] = "SELECT a.shift, a.person, a.status, a.source,"
                                     " EXISTS (SELECT 1 FROM audit u WHERE u.entity = 'assignment'"
                                     "  AND u.entity_id = a.id AND u.action != 'add')"
                                     " FROM assignment a WHERE a.id = ?1";

/* Bind the integers of v in order and run st for no rows. */
static int exec_ints(struct db *db, const char *sql, const int64_t *v, int n, const char *what,
                     struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql, &st, e) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	return db_exec_stmt(db, st, e, what);
}

int autofill_store_batch_new(struct db *db, int64_t event, int64_t at, const char *actor,
                             int64_t *id, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_batch_new, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, at);
	sqlite3_bind_text(st, 3, actor, -1, SQLITE_TRANSIENT);
	if (db_exec_stmt(db, st, e, "auto-fill batch") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(db));
	return 0;
}

int autofill_store_item(struct db *db, int64_t batch, int64_t assignment, struct err *e)
{
	const int64_t v[] = {batch, assignment};
	return exec_ints(db, sql_item, v, 2, "auto-fill batch", e);
}

int autofill_store_batch_added(struct db *db, int64_t batch, int64_t added, struct err *e)
{
	const int64_t v[] = {batch, added};
	return exec_ints(db, sql_batch_added, v, 2, "auto-fill batch", e);
}

int autofill_store_batch_undone(struct db *db, int64_t batch, int64_t at, struct err *e)
{
	const int64_t v[] = {batch, at};
	return exec_ints(db, sql_batch_undone, v, 2, "auto-fill batch", e);
}

int autofill_store_batch_get(struct db *db, int64_t batch, struct afs_batch *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_batch_get, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, batch);
	int rc = sqlite3_step(st), ret = 0;
	memset(out, 0, sizeof *out);
	if (rc == SQLITE_ROW) {
		out->id = batch;
		out->event = sqlite3_column_int64(st, 0);
		out->at = sqlite3_column_int64(st, 1);
		out->added = sqlite3_column_int64(st, 2);
		out->undone_at = sqlite3_column_int64(st, 3);
		snprintf(out->actor, sizeof out->actor, "%s", text(st, 4));
	} else if (rc == SQLITE_DONE) {
		ret = err_set(e, ERR_NOT_FOUND, "autofill batch %lld: not found", (long long)batch);
	} else {
		ret = db_fail(db, e, "auto-fill batch");
	}
	db_release(db, st);
	return ret;
}

int autofill_store_items(struct db *db, int64_t batch, int64_t **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (db_acquire(db, sql_items, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, batch);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "auto-fill batch");
	db_release(db, st);
	return ret;
}

int autofill_store_item_state(struct db *db, int64_t assignment, struct afs_item *out,
                              struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql_item_state, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, assignment);
	memset(out, 0, sizeof *out);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		out->shift = sqlite3_column_int64(st, 0);
		out->person = sqlite3_column_int64(st, 1);
		snprintf(out->status, sizeof out->status, "%s", text(st, 2));
		snprintf(out->source, sizeof out->source, "%s", text(st, 3));
		out->edited = sqlite3_column_int(st, 4) != 0;
	} else if (rc == SQLITE_DONE) {
		out->gone = true;
	} else {
		ret = db_fail(db, e, "auto-fill batch");
	}
	db_release(db, st);
	return ret;
}
