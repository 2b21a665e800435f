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

static const char sql_event[] =
    "SELECT name, tz, starts, ends, coalesce(setup_starts, starts),"
    " coalesce(teardown_ends, ends), capacity, status = 'cancelled' FROM event WHERE id = ?";
static const char sql_role[] = "SELECT r.event, coalesce(r.skill, 0), r.name,"
                               " coalesce(k.name, ''), r.min_age"
                               " FROM role r LEFT JOIN skill k ON k.id = r.skill WHERE r.id = ?";
static const char sql_person[] = "SELECT name, coalesce(birth_date, ''), volunteer_code"
                                 " FROM person WHERE id = ?";
static const char sql_shift[] =
    "SELECT event, role, coalesce(room, 0), coalesce(booth, 0), starts, ends, need_max,"
    " status = 'cancelled' FROM shift WHERE id = ?";
static const char sql_session[] = "SELECT id, coalesce(room, 0), starts, ends, title, event,"
                                  " status = 'cancelled' FROM session WHERE id = ?";
static const char sql_booth[] = "SELECT b.id, b.org, b.starts, b.ends, o.name, b.event, b.label"
                                " FROM booth b JOIN org o ON o.id = b.org WHERE b.id = ?";
static const char sql_skill_name[] = "SELECT name FROM skill WHERE id = ?";
static const char sql_room_event[] = "SELECT event, name FROM room WHERE id = ?";
static const char sql_booth_event[] = "SELECT event FROM booth WHERE id = ?";
static const char sql_person_shifts[] =
    "SELECT s.id, s.role, s.starts, s.ends, r.name"
    " FROM assignment a JOIN shift s ON s.id = a.shift JOIN role r ON r.id = s.role"
    " WHERE a.person = ? AND " ASSIGNMENT_ACTIVE_SQL(
        "a.") " AND s.status = 'open'"
              " AND s.starts < ? AND s.ends > ? AND s.id != ? ORDER BY s.starts, s.id";
static const char sql_taken[] = "SELECT count(*) FROM assignment WHERE shift = ? AND person != ?"
                                " AND " ASSIGNMENT_ACTIVE_SQL("");
static const char sql_speaking[] =
    "SELECT se.id, 0, se.starts, se.ends, se.title"
    " FROM speaker sp JOIN session se ON se.id = sp.session"
    " WHERE sp.person = ? AND se.status != 'cancelled' AND se.starts < ? AND se.ends > ?"
    " AND se.id != ? ORDER BY se.starts, se.id";
static const char sql_skill[] = "SELECT coalesce(expires, '') FROM person_skill"
                                " WHERE person = ? AND skill = ?";
static const char sql_windows[] = "SELECT id, 0, starts, ends, '' FROM availability"
                                  " WHERE person = ? AND event = ? AND id != ?"
                                  " ORDER BY starts, id";
static const char sql_room_clash[] =
    "SELECT id, 0, starts, ends, title FROM session"
    " WHERE room = ? AND status != 'cancelled' AND starts < ? AND ends > ? AND id != ?"
    " ORDER BY starts, id LIMIT 1";
static const char sql_booth_clash[] =
    "SELECT b.id, b.org, b.starts, b.ends, o.name FROM booth b JOIN org o ON o.id = b.org"
    " WHERE b.event = ? AND b.label = ? COLLATE NOCASE AND b.org != ? AND b.starts < ?"
    " AND b.ends > ? AND b.id != ? ORDER BY b.starts, b.id LIMIT 1";
static const char sql_outside_span[] =
    "SELECT id, 0, starts, ends, 'session \"' || title || '\"' FROM session"
    " WHERE event = ?1 AND status != 'cancelled' AND (starts < ?2 OR ends > ?3)"
    " UNION ALL SELECT id, org, starts, ends, 'booth ' || label FROM booth"
    " WHERE event = ?1 AND (starts < ?2 OR ends > ?3)"
    " UNION ALL SELECT s.id, s.role, s.starts, s.ends, 'shift ' || s.id || ' (' || r.name || ')'"
    " FROM shift s JOIN role r ON r.id = s.role"
    " WHERE s.event = ?1 AND s.status = 'open' AND (s.starts < ?2 OR s.ends > ?3) LIMIT 1";
static const char sql_room_elsewhere[] =
    "SELECT 'session ' || id FROM session WHERE room = ?1 AND event != ?2"
    " UNION ALL SELECT 'shift ' || id FROM shift WHERE room = ?1 AND event != ?2"
    " UNION ALL SELECT 'booth ' || id FROM booth WHERE room = ?1 AND event != ?2 LIMIT 1";
static const char sql_booth_elsewhere[] =
    "SELECT 'shift ' || id FROM shift WHERE booth = ?1 AND event != ?2 LIMIT 1";
static const char sql_role_elsewhere[] =
    "SELECT 'shift ' || id FROM shift WHERE role = ?1 AND event != ?2 LIMIT 1";
static const char sql_assignment_of[] = "SELECT id, status FROM assignment"
                                        " WHERE shift = ? AND person = ?";

#define PAIRS_SELECT                                                                               \
	"SELECT a.id, a.shift, a.person FROM assignment a JOIN shift s ON s.id = a.shift "
#define PAIRS_ACTIVE " AND " ASSIGNMENT_ACTIVE_SQL("a.") " AND s.status = 'open' ORDER BY a.id"

/* Indexed by enum rs_pairs_by. */
static const char *const sql_pairs[] = {
    PAIRS_SELECT "WHERE a.shift = ?1 AND ?2 = ?2 AND " ASSIGNMENT_ACTIVE_SQL("a.") " ORDER BY a.id",
    PAIRS_SELECT "WHERE a.person = ?1 AND ?2 = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT "WHERE s.role = ?1 AND ?2 = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT "WHERE a.person = ?1 AND s.event = ?2" PAIRS_ACTIVE,
    PAIRS_SELECT "JOIN role r ON r.id = s.role WHERE a.person = ?1 AND r.skill = ?2" PAIRS_ACTIVE,
    "SELECT 0, 0, person FROM speaker WHERE session = ?1 AND ?2 = ?2 ORDER BY person",
};

void rs_slots_free(struct rs_slots *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

static void copy_text(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	snprintf(buf, n, "%s", t ? (const char *)t : "");
}

/* Prepare sql and bind the integers in order. */
static int prepare_ints(struct db *db, const char *sql, const int64_t *v, int n, sqlite3_stmt **st,
                        struct err *e)
{
	if (db_acquire(db, sql, st, e) < 0)
		return -1;
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(*st, i + 1, v[i]);
	return 0;
}

/* Step to the one row of st; ERR_NOT_FOUND "what ID: not found" when none. */
static int one_row(struct db *db, sqlite3_stmt *st, const char *what, int64_t id, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		err_set(e, ERR_NOT_FOUND, "%s %lld: not found", what, (long long)id);
	else
		db_fail(db, e, what);
	db_release(db, st);
	return -1;
}

int rules_store_event(struct db *db, int64_t id, struct rs_event *out, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_event, &id, 1, &st, e) < 0 || one_row(db, st, "event", id, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	copy_text(st, 0, out->name, sizeof out->name);
	copy_text(st, 1, out->tz, sizeof out->tz);
	out->starts = sqlite3_column_int64(st, 2);
	out->ends = sqlite3_column_int64(st, 3);
	out->span_starts = sqlite3_column_int64(st, 4);
	out->span_ends = sqlite3_column_int64(st, 5);
	out->capacity = sqlite3_column_int64(st, 6);
	out->cancelled = sqlite3_column_int(st, 7) != 0;
	db_release(db, st);
	return 0;
}

int rules_store_role(struct db *db, int64_t id, struct rs_role *out, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_role, &id, 1, &st, e) < 0 || one_row(db, st, "role", id, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->event = sqlite3_column_int64(st, 0);
	out->skill = sqlite3_column_int64(st, 1);
	copy_text(st, 2, out->name, sizeof out->name);
	copy_text(st, 3, out->skill_name, sizeof out->skill_name);
	out->min_age = sqlite3_column_int(st, 4);
	db_release(db, st);
	return 0;
}

int rules_store_person(struct db *db, int64_t id, struct rs_person *out, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_person, &id, 1, &st, e) < 0 ||
	    one_row(db, st, "person", id, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	copy_text(st, 0, out->name, sizeof out->name);
	copy_text(st, 1, out->birth_date, sizeof out->birth_date);
	copy_text(st, 2, out->code, sizeof out->code);
	db_release(db, st);
	return 0;
}

int rules_store_shift(struct db *db, int64_t id, struct rs_shift *out, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_shift, &id, 1, &st, e) < 0 || one_row(db, st, "shift", id, e) < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->id = id;
	out->event = sqlite3_column_int64(st, 0);
	out->role = sqlite3_column_int64(st, 1);
	out->room = sqlite3_column_int64(st, 2);
	out->booth = sqlite3_column_int64(st, 3);
	out->starts = sqlite3_column_int64(st, 4);
	out->ends = sqlite3_column_int64(st, 5);
	out->need_max = sqlite3_column_int64(st, 6);
	out->cancelled = sqlite3_column_int(st, 7) != 0;
	db_release(db, st);
	return 0;
}

int rules_store_session(struct db *db, int64_t id, struct rs_slot *out, int64_t *event,
                        bool *cancelled, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_session, &id, 1, &st, e) < 0 ||
	    one_row(db, st, "session", id, e) < 0)
		return -1;
	out->id = id;
	out->ref = sqlite3_column_int64(st, 1);
	out->starts = sqlite3_column_int64(st, 2);
	out->ends = sqlite3_column_int64(st, 3);
	copy_text(st, 4, out->what, sizeof out->what);
	*event = sqlite3_column_int64(st, 5);
	*cancelled = sqlite3_column_int(st, 6) != 0;
	db_release(db, st);
	return 0;
}

int rules_store_booth(struct db *db, int64_t id, struct rs_slot *out, int64_t *event, char *label,
                      size_t n, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql_booth, &id, 1, &st, e) < 0 || one_row(db, st, "booth", id, e) < 0)
		return -1;
	out->id = id;
	out->ref = sqlite3_column_int64(st, 1);
	out->starts = sqlite3_column_int64(st, 2);
	out->ends = sqlite3_column_int64(st, 3);
	copy_text(st, 4, out->what, sizeof out->what);
	*event = sqlite3_column_int64(st, 5);
	copy_text(st, 6, label, n);
	db_release(db, st);
	return 0;
}

int rules_store_skill_name(struct db *db, int64_t id, char *buf, size_t n, struct err *e)
{
	sqlite3_stmt *st;
	buf[0] = '\0';
	if (prepare_ints(db, sql_skill_name, &id, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_text(st, 0, buf, n);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "skill");
}

int rules_store_room_event(struct db *db, int64_t room, int64_t *event, char *name, size_t n,
                           struct err *e)
{
	sqlite3_stmt *st;
	*event = 0;
	if (prepare_ints(db, sql_room_event, &room, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*event = sqlite3_column_int64(st, 0);
		if (name)
			copy_text(st, 1, name, n);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "room");
}

int rules_store_booth_event(struct db *db, int64_t booth, int64_t *event, struct err *e)
{
	sqlite3_stmt *st;
	*event = 0;
	if (prepare_ints(db, sql_booth_event, &booth, 1, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*event = sqlite3_column_int64(st, 0);
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "booth");
}

/* Rows of (id, ref, starts, ends, what) appended to out. */
static int slots_query(struct db *db, const char *sql, const int64_t *binds, int nb,
                       struct rs_slots *out, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_ints(db, sql, binds, nb, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 8;
			out->v = xrealloc(out->v, out->cap * sizeof *out->v);
		}
		struct rs_slot *s = &out->v[out->n++];
		s->id = sqlite3_column_int64(st, 0);
		s->ref = sqlite3_column_int64(st, 1);
		s->starts = sqlite3_column_int64(st, 2);
		s->ends = sqlite3_column_int64(st, 3);
		copy_text(st, 4, s->what, sizeof s->what);
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
	if (prepare_ints(db, sql_taken, b, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	db_release(db, st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, e, "shift");
}

int rules_store_speaking(struct db *db, int64_t person, int64_t from, int64_t to, int64_t except,
                         struct rs_slots *out, struct err *e)
{
	int64_t b[] = {person, to, from, except};
	return slots_query(db, sql_speaking, b, 4, out, e);
}

int rules_store_skill(struct db *db, int64_t person, int64_t skill, bool *held, char *expires,
                      size_t n, struct err *e)
{
	sqlite3_stmt *st;
	int64_t b[] = {person, skill};
	if (prepare_ints(db, sql_skill, b, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	*held = rc == SQLITE_ROW;
	if (*held)
		copy_text(st, 0, expires, n);
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
	if (db_acquire(db, sql_booth_clash, &st, e) < 0)
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
		out->id = sqlite3_column_int64(st, 0);
		out->ref = sqlite3_column_int64(st, 1);
		out->starts = sqlite3_column_int64(st, 2);
		out->ends = sqlite3_column_int64(st, 3);
		copy_text(st, 4, out->what, sizeof out->what);
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
	if (prepare_ints(db, sql, v, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		copy_text(st, 0, what, n);
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
	if (prepare_ints(db, sql_pairs[by], v, 2, &st, e) < 0)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[*n].assignment = sqlite3_column_int64(st, 0);
		(*out)[*n].shift = sqlite3_column_int64(st, 1);
		(*out)[(*n)++].person = sqlite3_column_int64(st, 2);
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
	if (prepare_ints(db, sql_assignment_of, v, 2, &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (status)
			copy_text(st, 1, status, n);
	}
	db_release(db, st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e, "assignment");
}
