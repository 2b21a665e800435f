/* autofill_store.c - auto-fill's bulk reads (one query per kind of fact,
 * each by index from the event's registrations or shifts) and its batch
 * tables (migration 5). */
#include "autofill_store.h"

#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "../core/xmalloc.h"
#include "db_internal.h"
#include "status_sql.h"

/* Under a lead's scope (db/scope_store.h) the shifts to fill and the
 * volunteers to fill them with are the lead's; what those people already
 * do, and how full a shift is, are read from main.* tables: the plan must
 * keep the rules over every row, as staffing_assign does. */
/* The event's volunteers who may be given shifts. */
#define VOLUNTEERS                                                                                 \
	" r.event = ?1 AND r.kind = 'volunteer' AND r.status IN " REGISTRATION_ATTENDING_SQL

/* The columns of each SELECT, in order. */
enum role_col { RO_ID, RO_SKILL, RO_MIN_AGE, RO_NAME, RO_SKILL_NAME, RO_NCOLS };
enum shift_col {
	SH_ID,
	SH_ROLE,
	SH_STARTS,
	SH_ENDS,
	SH_NEED_MIN,
	SH_NEED_MAX,
	SH_FILLED,
	SH_PLACE,
	SH_NCOLS
};
enum person_col { PE_ID, PE_NAME, PE_BIRTH_DATE, PE_CONFIDENTIAL, PE_NCOLS };
/* busy, talks and windows: a timed fact about a person */
enum slot_col { SL_PERSON, SL_ID, SL_STARTS, SL_ENDS, SL_NCOLS };
enum skill_col { SK_PERSON, SK_SKILL, SK_EXPIRES, SK_NCOLS };
enum row_col { RW_PERSON, RW_SHIFT, RW_NCOLS };
enum batch_col { BA_EVENT, BA_AT, BA_ADDED, BA_UNDONE_AT, BA_ACTOR, BA_NCOLS };
enum item_state_col { IS_SHIFT, IS_PERSON, IS_STATUS, IS_SOURCE, IS_EDITED, IS_NCOLS };

static const char sql_roles[] = "SELECT r.id, coalesce(r.skill, 0), r.min_age, r.name,"
                                " coalesce(k.name, '') FROM role r"
                                " LEFT JOIN skill k ON k.id = r.skill WHERE r.event = ?1"
                                " ORDER BY r.id";
static const char sql_shifts[] =
    "SELECT s.id, s.role, s.starts, s.ends, s.need_min, s.need_max,"
    " (SELECT count(*) FROM main.assignment a WHERE a.shift = s.id AND a.status "
    "IN " ASSIGNMENT_ACTIVE_SQL "),"
    " coalesce(rm.name, b.label, '') FROM shift s"
    " LEFT JOIN room rm ON rm.id = s.room LEFT JOIN booth b ON b.id = s.booth"
    " WHERE s.event = ?1 AND s.status = 'open' ORDER BY s.starts, s.id";
static const char sql_people[] =
    "SELECT p.id, p.name,"
    " coalesce((SELECT birth_date FROM main.person WHERE id = p.id), ''),"
    " p.confidential"
    " FROM registration r CROSS JOIN person p ON p.id = r.person"
    " WHERE" VOLUNTEERS " ORDER BY p.id";
static const char sql_busy[] =
    "SELECT a.person, s.id, s.starts, s.ends FROM registration r"
    " CROSS JOIN main.assignment a ON a.person = r.person CROSS JOIN main.shift s ON s.id = a.shift"
    " WHERE" VOLUNTEERS " AND a.status IN " ASSIGNMENT_ACTIVE_SQL
    " AND s.status = 'open' AND s.starts < ?3 AND s.ends > ?2";
static const char sql_talks[] =
    "SELECT sp.person, se.id, se.starts, se.ends FROM registration r"
    " CROSS JOIN main.speaker sp ON sp.person = r.person"
    " CROSS JOIN main.session se ON se.id = sp.session"
    " WHERE" VOLUNTEERS " AND se.status != 'cancelled' AND se.starts < ?3 AND se.ends > ?2";
static const char sql_windows[] = "SELECT w.person, w.id, w.starts, w.ends FROM main.availability w"
                                  " WHERE w.event = ?1 AND ?2 = ?2 AND ?3 = ?3"
                                  " ORDER BY w.person, w.starts, w.id";
static const char sql_skills[] =
    "SELECT ps.person, ps.skill, coalesce(ps.expires, '') FROM registration r"
    " CROSS JOIN main.person_skill ps ON ps.person = r.person"
    " WHERE" VOLUNTEERS
    " AND ps.skill IN (SELECT skill FROM main.role WHERE event = ?1 AND skill IS NOT NULL)";
static const char sql_rows[] = "SELECT a.person, a.shift FROM main.shift s"
                               " CROSS JOIN main.assignment a ON a.shift = s.id WHERE s.event = ?1";

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

/* Run sql (ncols columns) with ?1 event, ?2 from, ?3 to, handing each row
 * to take. */
static int each_row(struct db *db, const char *sql, int ncols, const int64_t *binds, int nbinds,
                    int (*take)(sqlite3_stmt *st, void *fns), const struct afs_fns *fns,
                    struct err *e)
{
	return db_each_row_ints(db, sql, ncols, binds, nbinds, take, (void *)fns, e, "auto-fill");
}

static int take_role(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_role r = {
	    .id = db_column_int64(st, RO_ID),
	    .skill = db_column_int64(st, RO_SKILL),
	    .min_age = db_column_int(st, RO_MIN_AGE),
	    .name = db_column_str(st, RO_NAME),
	    .skill_name = db_column_str(st, RO_SKILL_NAME),
	};
	return f->role(f->arg, &r);
}

static int take_shift(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_shift s = {
	    .id = db_column_int64(st, SH_ID),
	    .role = db_column_int64(st, SH_ROLE),
	    .starts = db_column_int64(st, SH_STARTS),
	    .ends = db_column_int64(st, SH_ENDS),
	    .need_min = db_column_int64(st, SH_NEED_MIN),
	    .need_max = db_column_int64(st, SH_NEED_MAX),
	    .filled = db_column_int64(st, SH_FILLED),
	    .place = db_column_str(st, SH_PLACE),
	};
	return f->shift(f->arg, &s);
}

static int take_person(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_person p = {
	    .id = db_column_int64(st, PE_ID),
	    .name = db_column_str(st, PE_NAME),
	    .birth_date = db_column_str(st, PE_BIRTH_DATE),
	    .confidential = db_column_bool(st, PE_CONFIDENTIAL),
	};
	return f->person(f->arg, &p);
}

static struct afs_slot slot_of(sqlite3_stmt *st)
{
	return (struct afs_slot){
	    .person = db_column_int64(st, SL_PERSON),
	    .id = db_column_int64(st, SL_ID),
	    .starts = db_column_int64(st, SL_STARTS),
	    .ends = db_column_int64(st, SL_ENDS),
	};
}

static int take_busy(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_slot s = slot_of(st);
	return f->busy(f->arg, &s);
}

static int take_talk(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_slot s = slot_of(st);
	return f->talk(f->arg, &s);
}

static int take_window(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_slot s = slot_of(st);
	return f->window(f->arg, &s);
}

static int take_skill(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_skill s = {
	    .person = db_column_int64(st, SK_PERSON),
	    .skill = db_column_int64(st, SK_SKILL),
	    .expires = db_column_str(st, SK_EXPIRES),
	};
	return f->skill(f->arg, &s);
}

static int take_row(sqlite3_stmt *st, void *arg)
{
	const struct afs_fns *f = arg;
	struct afs_row r = {.person = db_column_int64(st, RW_PERSON),
	                    .shift = db_column_int64(st, RW_SHIFT)};
	return f->row(f->arg, &r);
}

int autofill_store_load(struct db *db, int64_t event, int64_t from, int64_t to,
                        const struct afs_fns *fns, struct err *e)
{
	static const struct {
		const char *sql;
		int ncols, nbinds; /* nbinds 3: the window [from, to) too */
		int (*take)(sqlite3_stmt *st, void *fns);
	} steps[] = {
	    {.sql = sql_roles, .ncols = RO_NCOLS, .nbinds = 1, .take = take_role},
	    {.sql = sql_shifts, .ncols = SH_NCOLS, .nbinds = 1, .take = take_shift},
	    {.sql = sql_people, .ncols = PE_NCOLS, .nbinds = 1, .take = take_person},
	    {.sql = sql_busy, .ncols = SL_NCOLS, .nbinds = 3, .take = take_busy},
	    {.sql = sql_talks, .ncols = SL_NCOLS, .nbinds = 3, .take = take_talk},
	    {.sql = sql_windows, .ncols = SL_NCOLS, .nbinds = 3, .take = take_window},
	    {.sql = sql_skills, .ncols = SK_NCOLS, .nbinds = 1, .take = take_skill},
	    {.sql = sql_rows, .ncols = RW_NCOLS, .nbinds = 1, .take = take_row},
	};
	const int64_t binds[] = {event, from, to};
	for (size_t i = 0; i < ARRAY_LEN(steps); i++)
		if (each_row(db, steps[i].sql, steps[i].ncols, binds, steps[i].nbinds,
		             steps[i].take, fns, e) < 0)
			return -1;
	return 0;
}

static const char sql_volunteers[] =
    "SELECT r.person FROM registration r WHERE" VOLUNTEERS " ORDER BY r.person";

/* The ids the one-column sql gives for key, into *out (malloc'd). */
static int read_ids(struct db *db, const char *sql, int64_t key, int64_t **out, size_t *n,
                    const char *what, struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (db_acquire(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, key);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*out, *n, cap, 64);
		(*out)[(*n)++] = db_column_int64(st, DB_COL_ONLY);
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, what);
	db_release(db, st);
	return ret;
}

int autofill_store_volunteers(struct db *db, int64_t event, int64_t **out, size_t *n, struct err *e)
{
	return read_ids(db, sql_volunteers, event, out, n, "auto-fill", e);
}

/* ---- batches ------------------------------------------------------------ */

static const char sql_batch_new[] =
    "INSERT INTO main.autofill_batch (event, at, actor) VALUES (?1, ?2, ?3)";
static const char sql_item[] = "INSERT INTO main.autofill_item (batch, assignment) VALUES (?1, ?2)";
static const char sql_batch_added[] = "UPDATE main.autofill_batch SET added = ?2 WHERE id = ?1";
static const char sql_batch_get[] = "SELECT event, at, added, coalesce(undone_at, 0), actor"
                                    " FROM main.autofill_batch WHERE id = ?1";
static const char sql_batch_undone[] =
    "UPDATE main.autofill_batch SET undone_at = ?2 WHERE id = ?1";
static const char sql_items[] = "SELECT assignment FROM main.autofill_item WHERE batch = ?1"
                                " ORDER BY assignment";
static const char sql_item_state[] =
    "SELECT a.shift, a.person, a.status, a.source,"
    " EXISTS (SELECT 1 FROM main.audit u WHERE u.entity = 'assignment'"
    "  AND u.entity_id = a.id AND u.action != 'add')"
    " FROM main.assignment a WHERE a.id = ?1";

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
		out->event = db_column_int64(st, BA_EVENT);
		out->at = db_column_int64(st, BA_AT);
		out->added = db_column_int64(st, BA_ADDED);
		out->undone_at = db_column_int64(st, BA_UNDONE_AT);
		db_column_copy(st, BA_ACTOR, out->actor, sizeof out->actor);
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
	return read_ids(db, sql_items, batch, out, n, "auto-fill batch", e);
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
		out->shift = db_column_int64(st, IS_SHIFT);
		out->person = db_column_int64(st, IS_PERSON);
		db_column_copy(st, IS_STATUS, out->status, sizeof out->status);
		db_column_copy(st, IS_SOURCE, out->source, sizeof out->source);
		out->edited = db_column_bool(st, IS_EDITED);
	} else if (rc == SQLITE_DONE) {
		out->gone = true;
	} else {
		ret = db_fail(db, e, "auto-fill batch");
	}
	db_release(db, st);
	return ret;
}
