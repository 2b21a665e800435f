/* rules_store.c - indexed reads of the facts the rules need: one row by id,
 * a person's shifts and sessions in a window, clashes in a room or on a
 * booth label, rows outside an event's span, assignment pairs to recheck. */
#include "rules_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"
#include "status_sql.h"

/* Each SELECT of more than one column has an enum naming its columns in
 * order, next to it; the reads below use the names. */
enum event_col {
	EV_NAME,
	EV_TZ,
	EV_STARTS,
	EV_ENDS,
	EV_SPAN_STARTS,
	EV_SPAN_ENDS,
	EV_CAPACITY,
	EV_CANCELLED,
	EV_NCOLS
};
static const char sql_event[] =
    "SELECT name, tz, starts, ends, coalesce(setup_starts, starts),"
    " coalesce(teardown_ends, ends), capacity, status = 'cancelled' FROM main.event WHERE id = ?";
enum role_col { RO_EVENT, RO_SKILL, RO_NAME, RO_SKILL_NAME, RO_MIN_AGE, RO_NCOLS };
static const char sql_role[] =
    "SELECT r.event, coalesce(r.skill, 0), r.name,"
    " coalesce(k.name, ''), r.min_age"
    " FROM main.role r LEFT JOIN main.skill k ON k.id = r.skill WHERE r.id = ?";
enum person_col { PE_NAME, PE_BIRTH_DATE, PE_CODE, PE_NCOLS };
static const char sql_person[] = "SELECT name, coalesce(birth_date, ''), volunteer_code"
                                 " FROM main.person WHERE id = ?";
enum shift_col {
	SH_EVENT,
	SH_ROLE,
	SH_ROOM,
	SH_BOOTH,
	SH_STARTS,
	SH_ENDS,
	SH_NEED_MAX,
	SH_CANCELLED,
	SH_NCOLS
};
static const char sql_shift[] =
    "SELECT event, role, coalesce(room, 0), coalesce(booth, 0), starts, ends, need_max,"
    " status = 'cancelled' FROM main.shift WHERE id = ?";
/* A session and a booth read as a slot (slot_col) and two more columns. */
enum session_col { SE_EVENT = 5, SE_CANCELLED, SE_NCOLS };
static const char sql_session[] = "SELECT id, coalesce(room, 0), starts, ends, title, event,"
                                  " status = 'cancelled' FROM main.session WHERE id = ?";
enum booth_col { BO_EVENT = 5, BO_LABEL, BO_NCOLS };
static const char sql_booth[] = "SELECT b.id, b.org, b.starts, b.ends, o.name, b.event, b.label"
                                " FROM main.booth b JOIN main.org o ON o.id = b.org WHERE b.id = ?";
static const char sql_skill_name[] = "SELECT name FROM main.skill WHERE id = ?";
enum room_event_col { RE_EVENT, RE_NAME, RE_NCOLS };
static const char sql_room_event[] = "SELECT event, name FROM room WHERE id = ?";
static const char sql_booth_event[] = "SELECT event FROM main.booth WHERE id = ?";
static const char sql_room_kind[] = "SELECT kind FROM room WHERE id = ?";
/* The statements read as slots: (id, ref, starts, ends, what). */
enum slot_col { SL_ID, SL_REF, SL_STARTS, SL_ENDS, SL_WHAT, SL_NCOLS };
static const char sql_person_shifts[] =
    "SELECT s.id, s.role, s.starts, s.ends, r.name"
    " FROM main.assignment a JOIN main.shift s ON s.id = a.shift JOIN main.role r ON r.id = s.role"
    " WHERE a.person = ? AND a.status IN " ASSIGNMENT_ACTIVE_SQL " AND s.status = 'open'"
    " AND s.starts < ? AND s.ends > ? AND s.id != ? ORDER BY s.starts, s.id";
static const char sql_taken[] =
    "SELECT count(*) FROM main.assignment WHERE shift = ? AND person != ?"
    " AND status IN " ASSIGNMENT_ACTIVE_SQL;
static const char sql_speaking[] =
    "SELECT se.id, 0, se.starts, se.ends, se.title"
    " FROM main.speaker sp JOIN main.session se ON se.id = sp.session"
    " WHERE sp.person = ? AND se.status != 'cancelled' AND se.starts < ? AND se.ends > ?"
    " AND se.id != ? ORDER BY se.starts, se.id";
static const char sql_signed_up[] =
    "SELECT se.id, 0, se.starts, se.ends, se.title"
    " FROM main.signup g JOIN main.session se ON se.id = g.session"
    " WHERE g.person = ? AND g.status IN " SIGNUP_ACTIVE_SQL " AND se.status != 'cancelled'"
    " AND se.starts < ? AND se.ends > ? AND se.id != ? ORDER BY se.starts, se.id";
static const char sql_skill[] = "SELECT coalesce(expires, '') FROM main.person_skill"
                                " WHERE person = ? AND skill = ?";
static const char sql_windows[] = "SELECT id, 0, starts, ends, '' FROM main.availability"
                                  " WHERE person = ? AND event = ? AND id != ?"
                                  " ORDER BY starts, id";
static const char sql_room_clash[] =
    "SELECT id, 0, starts, ends, title FROM main.session"
    " WHERE room = ? AND status != 'cancelled' AND starts < ? AND ends > ? AND id != ?"
    " ORDER BY starts, id LIMIT 1";
static const char sql_booth_clash[] =
    "SELECT b.id, b.org, b.starts, b.ends, o.name FROM main.booth b JOIN main.org o ON o.id = b.org"
    " WHERE b.event = ? AND b.label = ? COLLATE NOCASE AND b.org != ? AND b.starts < ?"
    " AND b.ends > ? AND b.id != ? ORDER BY b.starts, b.id LIMIT 1";
static const char sql_outside_span[] =
    "SELECT id, 0, starts, ends, 'session \"' || title || '\"' FROM main.session"
    " WHERE event = ?1 AND status != 'cancelled' AND (starts < ?2 OR ends > ?3)"
    " UNION ALL SELECT id, org, starts, ends, 'booth ' || label FROM main.booth"
    " WHERE event = ?1 AND (starts < ?2 OR ends > ?3)"
    " UNION ALL SELECT s.id, s.role, s.starts, s.ends, 'shift ' || s.id || ' (' || r.name || ')'"
    " FROM main.shift s JOIN main.role r ON r.id = s.role"
    " WHERE s.event = ?1 AND s.status = 'open' AND (s.starts < ?2 OR s.ends > ?3) LIMIT 1";
static const char sql_room_elsewhere[] =
    "SELECT 'session ' || id FROM main.session WHERE room = ?1 AND event != ?2"
    " UNION ALL SELECT 'shift ' || id FROM main.shift WHERE room = ?1 AND event != ?2"
    " UNION ALL SELECT 'booth ' || id FROM main.booth WHERE room = ?1 AND event != ?2 LIMIT 1";
static const char sql_booth_elsewhere[] =
    "SELECT 'shift ' || id FROM main.shift WHERE booth = ?1 AND event != ?2 LIMIT 1";
static const char sql_role_elsewhere[] =
    "SELECT 'shift ' || id FROM main.shift WHERE role = ?1 AND event != ?2 LIMIT 1";
enum assignment_of_col { AO_ID, AO_STATUS, AO_NCOLS };
static const char sql_assignment_of[] = "SELECT id, status FROM main.assignment"
                                        " WHERE shift = ? AND person = ?";

enum pair_col { PA_ASSIGNMENT, PA_SHIFT, PA_PERSON, PA_NCOLS };
#define PAIRS_SELECT                                                                               \
	"SELECT a.id, a.shift, a.person FROM main.assignment a JOIN main.shift s ON s.id = "       \
	"a.shift "
#define PAIRS_ACTIVE                                                                               \
	" AND a.status IN " ASSIGNMENT_ACTIVE_SQL " AND s.status = 'open' ORDER BY a.id"

/* Indexed by enum rs_pairs_by. */
static const char *const sql_pairs[] = {
    PAIRS_SELECT "WHERE a.shift = ?1 AND ?2 = ?2 AND a.status IN " ASSIGNMENT_ACTIVE_SQL
                 " ORDER BY a.id",
    PAIRS_SELECT "WHERE a.person = ?1 AND ?2 = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT "WHERE s.role = ?1 AND ?2 = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT "WHERE a.person = ?1 AND s.event = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT
    "JOIN main.role r ON r.id = s.role WHERE a.person = ?1 AND r.skill = ?2" PAIRS_ACTIVE,
    "SELECT 0, 0, person FROM main.speaker WHERE session = ?1 AND ?2 = ?2 ORDER BY person",
};

void rs_slots_free(struct rs_slots *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* The slot columns (slot_col) of the current row. */
static void slot_read(sqlite3_stmt *st, struct rs_slot *s)
{
	s->id = db_column_int64(st, SL_ID);
	s->ref = db_column_int64(st, SL_REF);
	s->starts = db_column_int64(st, SL_STARTS);
	s->ends = db_column_int64(st, SL_ENDS);
	db_column_copy(st, SL_WHAT, s->what, sizeof s->what);
}

int rules_store_event(struct db *db, int64_t id, struct rs_event *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_event, EV_NCOLS, id, "event", &st, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	db_column_copy(st, EV_NAME, out->name, sizeof out->name);
	db_column_copy(st, EV_TZ, out->tz, sizeof out->tz);
	out->starts = db_column_int64(st, EV_STARTS);
	out->ends = db_column_int64(st, EV_ENDS);
	out->span_starts = db_column_int64(st, EV_SPAN_STARTS);
	out->span_ends = db_column_int64(st, EV_SPAN_ENDS);
	out->capacity = db_column_int64(st, EV_CAPACITY);
	out->cancelled = db_column_bool(st, EV_CANCELLED);
	db_release(db, st);
	return 0;
}

int rules_store_role(struct db *db, int64_t id, struct rs_role *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_role, RO_NCOLS, id, "role", &st, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->event = db_column_int64(st, RO_EVENT);
	out->skill = db_column_int64(st, RO_SKILL);
	db_column_copy(st, RO_NAME, out->name, sizeof out->name);
	db_column_copy(st, RO_SKILL_NAME, out->skill_name, sizeof out->skill_name);
	out->min_age = db_column_int(st, RO_MIN_AGE);
	db_release(db, st);
	return 0;
}

int rules_store_person(struct db *db, int64_t id, struct rs_person *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_person, PE_NCOLS, id, "person", &st, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	db_column_copy(st, PE_NAME, out->name, sizeof out->name);
	db_column_copy(st, PE_BIRTH_DATE, out->birth_date, sizeof out->birth_date);
	db_column_copy(st, PE_CODE, out->code, sizeof out->code);
	db_release(db, st);
	return 0;
}

int rules_store_shift(struct db *db, int64_t id, struct rs_shift *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_shift, SH_NCOLS, id, "shift", &st, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->event = db_column_int64(st, SH_EVENT);
	out->role = db_column_int64(st, SH_ROLE);
	out->room = db_column_int64(st, SH_ROOM);
	out->booth = db_column_int64(st, SH_BOOTH);
	out->starts = db_column_int64(st, SH_STARTS);
	out->ends = db_column_int64(st, SH_ENDS);
	out->need_max = db_column_int64(st, SH_NEED_MAX);
	out->cancelled = db_column_bool(st, SH_CANCELLED);
	db_release(db, st);
	return 0;
}

int rules_store_session(struct db *db, int64_t id, struct rs_slot *out, int64_t *event,
                        bool *cancelled, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_session, SE_NCOLS, id, "session", &st, e) < 0)
		return -1;
	slot_read(st, out);
	*event = db_column_int64(st, SE_EVENT);
	*cancelled = db_column_bool(st, SE_CANCELLED);
	db_release(db, st);
	return 0;
}

int rules_store_booth(struct db *db, int64_t id, struct rs_slot *out, int64_t *event, char *label,
                      size_t n, struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, sql_booth, BO_NCOLS, id, "booth", &st, e) < 0)
		return -1;
	slot_read(st, out);
	*event = db_column_int64(st, BO_EVENT);
	db_column_copy(st, BO_LABEL, label, n);
	db_release(db, st);
	return 0;
}

int rules_store_skill_name(struct db *db, int64_t id, char *buf, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (db_acquire_ints(db, sql_skill_name, 1, &id, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, DB_COL_ONLY, buf, n);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "skill");
}

int rules_store_room_event(struct db *db, int64_t room, int64_t *event, char *name, size_t n,
                           struct err *e)
{
	sqlite3_stmt *st;
	*event = 0;
	if (db_acquire_ints(db, sql_room_event, RE_NCOLS, &room, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*event = db_column_int64(st, RE_EVENT);
		if (name)
			db_column_copy(st, RE_NAME, name, n);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "room");
}

int rules_store_booth_event(struct db *db, int64_t booth, int64_t *event, struct err *e)
{
	sqlite3_stmt *st;
	*event = 0;
	if (db_acquire_ints(db, sql_booth_event, 1, &booth, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*event = db_column_int64(st, DB_COL_ONLY);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "booth");
}

int rules_store_room_kind(struct db *db, int64_t room, char *kind, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	kind[0] = '\0';
	if (db_acquire_ints(db, sql_room_kind, 1, &room, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, DB_COL_ONLY, kind, n);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "room");
}

/* Rows of (id, ref, starts, ends, what) appended to out. */
static int slots_query(struct db *db, const char *sql, const int64_t *binds, int nb,
                       struct rs_slots *out, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_ints(db, sql, SL_NCOLS, binds, nb, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(out->v, out->n, out->cap, 8);
		struct rs_slot *s = &out->v[out->n++];
		slot_read(st, s);
	}
	db_release(db, st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e, "rules");
}

int rules_store_person_shifts(struct db *db, int64_t person, int64_t from, int64_t to,
                              int64_t except, struct rs_slots *out, struct err *e)
{
	int64_t b[] = {person, to, from, except};
	return slots_query(db, sql_person_shifts, b, 4, out, e);
}

int rules_store_taken(struct db *db, int64_t shift, int64_t except, int64_t *n, struct err *e)
{
	sqlite3_stmt *st;
	int64_t b[] = {shift, except};
	if (db_acquire_ints(db, sql_taken, 1, b, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	db_release(db, st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, e, "shift");
}

int rules_store_speaking(struct db *db, int64_t person, int64_t from, int64_t to, int64_t except,
                         struct rs_slots *out, struct err *e)
{
	int64_t b[] = {person, to, from, except};
	return slots_query(db, sql_speaking, b, 4, out, e);
}

int rules_store_signed_up(struct db *db, int64_t person, int64_t from, int64_t to, int64_t except,
                          struct rs_slots *out, struct err *e)
{
	int64_t b[] = {person, to, from, except};
	return slots_query(db, sql_signed_up, b, 4, out, e);
}

int rules_store_skill(struct db *db, int64_t person, int64_t skill, bool *held, char *expires,
                      size_t n, struct err *e)
{
	sqlite3_stmt *st;
	int64_t b[] = {person, skill};
	if (db_acquire_ints(db, sql_skill, 1, b, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	*held = rc == SQLITE_ROW;
	if (*held)
		db_column_copy(st, DB_COL_ONLY, expires, n);
	else
		snprintf(expires, n, "%s", "");
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "person_skill");
}

int rules_store_windows(struct db *db, int64_t person, int64_t event, int64_t except,
                        struct rs_slots *out, struct err *e)
{
	int64_t b[] = {person, event, except};
	return slots_query(db, sql_windows, b, 3, out, e);
}

/* The first slot of a query, if any. */
static int first_slot(struct db *db, const char *sql, const int64_t *b, int nb, struct rs_slot *out,
                      bool *found, struct err *e)
{
	struct rs_slots s = {0};
	int ret = slots_query(db, sql, b, nb, &s, e);
	*found = ret == 0 && s.n > 0;
	if (*found)
		*out = s.v[0];
	rs_slots_free(&s);
	return ret;
}

int rules_store_room_clash(struct db *db, int64_t room, int64_t from, int64_t to, int64_t except,
                           struct rs_slot *out, bool *found, struct err *e)
{
	int64_t b[] = {room, to, from, except};
	return first_slot(db, sql_room_clash, b, 4, out, found, e);
}

int rules_store_booth_clash(struct db *db, int64_t event, const char *label, int64_t org,
                            int64_t from, int64_t to, int64_t except, struct rs_slot *out,
                            bool *found, struct err *e)
{
	sqlite3_stmt *st;
	*found = false;
	if (db_acquire_cols(db, sql_booth_clash, SL_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, org);
	sqlite3_bind_int64(st, 4, to);
	sqlite3_bind_int64(st, 5, from);
	sqlite3_bind_int64(st, 6, except);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		slot_read(st, out);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "booth");
}

int rules_store_outside_span(struct db *db, int64_t event, int64_t span0, int64_t span1,
                             struct rs_slot *out, bool *found, struct err *e)
{
	int64_t b[] = {event, span0, span1};
	return first_slot(db, sql_outside_span, b, 3, out, found, e);
}

static int first_text(struct db *db, const char *sql, int64_t a, int64_t b, char *what, size_t n,
                      struct err *e)
{
	sqlite3_stmt *st;
	int64_t v[] = {a, b};
	what[0] = '\0';
	if (db_acquire_ints(db, sql, 1, v, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_column_copy(st, DB_COL_ONLY, what, n);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "rules");
}

int rules_store_room_used_elsewhere(struct db *db, int64_t room, int64_t event, char *what,
                                    size_t n, struct err *e)
{
	return first_text(db, sql_room_elsewhere, room, event, what, n, e);
}

int rules_store_booth_used_elsewhere(struct db *db, int64_t booth, int64_t event, char *what,
                                     size_t n, struct err *e)
{
	return first_text(db, sql_booth_elsewhere, booth, event, what, n, e);
}

int rules_store_role_used_elsewhere(struct db *db, int64_t role, int64_t event, char *what,
                                    size_t n, struct err *e)
{
	return first_text(db, sql_role_elsewhere, role, event, what, n, e);
}

int rules_store_pairs(struct db *db, enum rs_pairs_by by, int64_t a, int64_t b,
                      struct rs_pair **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	int64_t v[] = {a, b};
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (db_acquire_ints(db, sql_pairs[by], PA_NCOLS, v, 2, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*out, *n, cap, 8);
		(*out)[*n].assignment = db_column_int64(st, PA_ASSIGNMENT);
		(*out)[*n].shift = db_column_int64(st, PA_SHIFT);
		(*out)[(*n)++].person = db_column_int64(st, PA_PERSON);
	}
	db_release(db, st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, e, "assignment");
	}
	return 0;
}

int rules_store_assignment_of(struct db *db, int64_t shift, int64_t person, int64_t *id,
                              char *status, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	int64_t v[] = {shift, person};
	*id = 0;
	if (status && n)
		status[0] = '\0';
	if (db_acquire_ints(db, sql_assignment_of, AO_NCOLS, v, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, AO_ID);
		if (status)
			db_column_copy(st, AO_STATUS, status, n);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "assignment");
}
