/* ical_store.c - the SQL behind iCalendar export and import: one query per
 * kind of calendar, each also summarised as zones and spans, plus the people
 * attached to a session, a shift or an event. Rows are stepped and handed
 * over one at a time, so an export never holds more than one row. */
#include "ical_store.h"

#include <stddef.h>

#include "../core/array.h"
#include "db_internal.h"
#include "status_sql.h"

/* Every item query selects the columns of struct ical_store_item in this
 * order (named by enum item_col); the aliases let the zone queries wrap
 * them. */
enum item_col {
	IT_KIND,
	IT_ID,
	IT_UID,
	IT_SEQUENCE,
	IT_STARTS,
	IT_ENDS,
	IT_TZ,
	IT_TITLE,
	IT_CATEGORY,
	IT_STATUS,
	IT_ROOM,
	IT_BOOTH,
	IT_VENUE,
	IT_DESCRIPTION,
	IT_EVENT_NAME,
	IT_ORG_NAME,
	IT_FILLED,
	IT_NEED_MAX,
	IT_SIGNUP,            /* a person's sign-up: its status (NULL elsewhere) */
	IT_WAITLIST_POSITION, /* and its place on the waitlist */
	IT_NCOLS
};
/* A zone query: each zone with the span of the items in it. */
enum zone_col { ZO_TZ, ZO_FROM, ZO_TO, ZO_COUNT, ZO_NCOLS };
/* An item of a cancelled event is cancelled. */
#define CASCADE(status) "CASE e.status WHEN 'cancelled' THEN 'cancelled' ELSE " status " END"
/* A session's columns up to IT_NEED_MAX; then no sign-up, or a person's. */
#define SESSION_ITEM                                                                               \
	"SELECT 0 AS kind, s.id, s.uid, s.sequence, s.starts AS starts, s.ends AS ends,"           \
	" e.tz AS tz, s.title, s.kind, " CASCADE("s.status") ", r.name, NULL, e.venue,"            \
	                                                     " s.description, e.name, NULL, 0, 0"
#define NO_SIGNUP    ", NULL, 0"
#define SESSION_COLS SESSION_ITEM NO_SIGNUP
#define SIGNUP_COLS  SESSION_ITEM ", g.status, coalesce(g.waitlist_position, 0)"
#define SESSION_JOIN " JOIN event e ON e.id = s.event LEFT JOIN room r ON r.id = s.room"
#define SHIFT_COLS                                                                                 \
	"SELECT 1 AS kind, sh.id, sh.uid, sh.sequence, sh.starts AS starts, sh.ends AS ends,"      \
	" e.tz AS tz, ro.name, ro.name, " CASCADE(                                                 \
	    "sh.status") ", r.name, b.label, e.venue,"                                             \
	                 " ro.description, e.name, NULL,"                                          \
	                 " (SELECT count(*) FROM assignment a2"                                    \
	                 "  WHERE a2.shift = sh.id AND a2.status IN " ASSIGNMENT_ACTIVE_SQL "),"   \
	                 " sh.need_max" NO_SIGNUP
#define SHIFT_JOIN                                                                                 \
	" JOIN event e ON e.id = sh.event JOIN role ro ON ro.id = sh.role"                         \
	" LEFT JOIN room r ON r.id = sh.room LEFT JOIN booth b ON b.id = sh.booth"
#define BOOTH_COLS                                                                                 \
	"SELECT 2 AS kind, b.id, b.uid, b.sequence, b.starts AS starts, b.ends AS ends,"           \
	" e.tz AS tz, b.label, 'booth', " CASCADE(                                                 \
	    "'confirmed'") ", r.name, b.label, e.venue,"                                           \
	                   " NULL, e.name, o.name, 0, 0" NO_SIGNUP

#define EVENT_COLS                                                                                 \
	"SELECT 3 AS kind, e.id, e.uid, e.sequence, e.starts AS starts, e.ends AS ends,"           \
	" e.tz AS tz, e.name, NULL,"                                                               \
	" CASE e.status WHEN 'cancelled' THEN 'cancelled' WHEN 'draft' THEN 'tentative'"           \
	" ELSE 'confirmed' END, NULL, NULL,"                                                       \
	" coalesce(e.venue, '') || CASE WHEN coalesce(e.venue, '') <> ''"                          \
	" AND coalesce(e.address, '') <> '' THEN ', ' ELSE '' END || coalesce(e.address, ''),"     \
	" e.description, e.name, NULL, 0, 0" NO_SIGNUP

#define EVENT_FROM  " FROM event e WHERE e.id = ?1"
#define AGENDA_FROM " FROM session s" SESSION_JOIN " WHERE s.event = ?1"
#define SHIFTS_FROM " FROM shift sh" SHIFT_JOIN " WHERE sh.event = ?1"
#define PERSON_SHIFTS_FROM                                                                         \
	" FROM assignment a JOIN shift sh ON sh.id = a.shift" SHIFT_JOIN                           \
	" WHERE a.person = ?1 AND a.status IN " ASSIGNMENT_ACTIVE_SQL                              \
	" AND (?2 = 0 OR sh.event = ?2)"
#define PERSON_SESSIONS_FROM                                                                       \
	" FROM speaker sp JOIN session s ON s.id = sp.session" SESSION_JOIN                        \
	" WHERE sp.person = ?1 AND (?2 = 0 OR s.event = ?2)"
#define PERSON_SIGNUPS_FROM                                                                        \
	" FROM signup g JOIN session s ON s.id = g.session" SESSION_JOIN                           \
	" WHERE g.person = ?1 AND g.status IN " SIGNUP_ACTIVE_SQL " AND (?2 = 0 OR s.event = ?2)"  \
	" AND NOT EXISTS (SELECT 1 FROM speaker sp WHERE sp.session = s.id AND sp.person = ?1)"
#define ORG_BOOTHS_FROM                                                                            \
	" FROM booth b JOIN event e ON e.id = b.event JOIN org o ON o.id = b.org"                  \
	" LEFT JOIN room r ON r.id = b.room WHERE b.org = ?1"

#define SHIFT_FROM   " FROM shift sh" SHIFT_JOIN " WHERE sh.id = ?1"
#define SESSION_FROM " FROM session s" SESSION_JOIN " WHERE s.id = ?1"

#define ZONES(q) "SELECT tz, min(starts), max(ends), count(*) FROM (" q ") GROUP BY tz ORDER BY tz"

struct query_def {
	const char *items;
	const char *zones;
	int nbind; /* 1: key; 2: key and event */
};

static const struct query_def queries[] = {
    [ICAL_Q_AGENDA] = {.items = SESSION_COLS AGENDA_FROM " ORDER BY s.starts, s.id",
                       .zones = ZONES(SESSION_COLS AGENDA_FROM),
                       .nbind = 1},
    [ICAL_Q_SHIFTS] = {.items = SHIFT_COLS SHIFTS_FROM " ORDER BY sh.starts, sh.id",
                       .zones = ZONES(SHIFT_COLS SHIFTS_FROM),
                       .nbind = 1},
    [ICAL_Q_PERSON_SHIFTS] = {.items = SHIFT_COLS PERSON_SHIFTS_FROM " ORDER BY sh.starts, sh.id",
                              .zones = ZONES(SHIFT_COLS PERSON_SHIFTS_FROM),
                              .nbind = 2},
    [ICAL_Q_PERSON_SESSIONS] = {.items =
                                    SESSION_COLS PERSON_SESSIONS_FROM " ORDER BY s.starts, s.id",
                                .zones = ZONES(SESSION_COLS PERSON_SESSIONS_FROM),
                                .nbind = 2},
    [ICAL_Q_PERSON_SIGNUPS] = {.items = SIGNUP_COLS PERSON_SIGNUPS_FROM " ORDER BY s.starts, s.id",
                               .zones = ZONES(SIGNUP_COLS PERSON_SIGNUPS_FROM),
                               .nbind = 2},
    [ICAL_Q_ORG_BOOTHS] = {.items = BOOTH_COLS ORG_BOOTHS_FROM " ORDER BY b.starts, b.id",
                           .zones = ZONES(BOOTH_COLS ORG_BOOTHS_FROM),
                           .nbind = 1},
    [ICAL_Q_EVENT] = {.items = EVENT_COLS EVENT_FROM,
                      .zones = ZONES(EVENT_COLS EVENT_FROM),
                      .nbind = 1},
    [ICAL_Q_SHIFT] = {.items = SHIFT_COLS SHIFT_FROM,
                      .zones = ZONES(SHIFT_COLS SHIFT_FROM),
                      .nbind = 1},
    [ICAL_Q_SESSION] = {.items = SESSION_COLS SESSION_FROM,
                        .zones = ZONES(SESSION_COLS SESSION_FROM),
                        .nbind = 1},
};

/* The people queries select the columns of struct ical_store_person. */
enum person_col { PE_ID, PE_NAME, PE_EMAIL, PE_CONFIDENTIAL, PE_ROLE, PE_NCOLS };
static const char session_people_sql[] =
    "SELECT p.id, p.name, p.email, p.confidential, sp.role FROM speaker sp"
    " JOIN person p ON p.id = sp.person WHERE sp.session = ? ORDER BY sp.id";
static const char shift_people_sql[] =
    "SELECT p.id, p.name, p.email, p.confidential, 'volunteer' FROM assignment a"
    " JOIN person p ON p.id = a.person WHERE a.shift = ? AND a.status IN " ASSIGNMENT_ACTIVE_SQL
    " ORDER BY a.id";
static const char event_people_sql[] =
    "SELECT p.id, p.name, p.email, p.confidential, r.kind FROM registration r"
    " JOIN person p ON p.id = r.person"
    " WHERE r.event = ? AND r.status IN " REGISTRATION_ATTENDING_SQL " ORDER BY p.id";
static const char room_by_name_sql[] =
    "SELECT id FROM room WHERE event = ? AND name = ? COLLATE NOCASE ORDER BY id LIMIT 1";
enum session_by_uid_col { SU_ID, SU_EVENT, SU_NCOLS };
static const char session_by_uid_sql[] =
    "SELECT id, event FROM session WHERE uid = ? COLLATE NOCASE ORDER BY id LIMIT 1";

int ical_store_read_begin(struct db *db, bool *began, struct err *e)
{
	*began = false;
	if (db_in_transaction(db))
		return 0;
	if (db_begin_read(db, e) < 0)
		return -1;
	*began = true;
	return 0;
}

void ical_store_read_end(struct db *db, bool began)
{
	if (began)
		db_commit(db, NULL);
}

static int prepare_query(struct db *db, const char *sql, int ncols, int nbind, int64_t key,
                         int64_t event, sqlite3_stmt **st, struct err *e)
{
	if (db_prepare(db, sql, st, e) < 0)
		return -1;
	if (db_columns(*st, ncols, e) < 0) {
		sqlite3_finalize(*st);
		return -1;
	}
	sqlite3_bind_int64(*st, 1, key);
	if (nbind > 1)
		sqlite3_bind_int64(*st, 2, event);
	return 0;
}

struct item_scan {
	ical_store_item_fn fn;
	void *arg;
};

static int item_row(sqlite3_stmt *st, void *arg)
{
	struct item_scan *s = arg;
	struct ical_store_item it = {
	    .kind = (enum ical_store_kind)db_column_int(st, IT_KIND),
	    .id = db_column_int64(st, IT_ID),
	    .uid = db_column_text(st, IT_UID),
	    .sequence = db_column_int64(st, IT_SEQUENCE),
	    .starts = db_column_int64(st, IT_STARTS),
	    .ends = db_column_int64(st, IT_ENDS),
	    .tz = db_column_text(st, IT_TZ),
	    .title = db_column_text(st, IT_TITLE),
	    .category = db_column_text(st, IT_CATEGORY),
	    .status = db_column_text(st, IT_STATUS),
	    .room = db_column_text(st, IT_ROOM),
	    .booth = db_column_text(st, IT_BOOTH),
	    .venue = db_column_text(st, IT_VENUE),
	    .description = db_column_text(st, IT_DESCRIPTION),
	    .event_name = db_column_text(st, IT_EVENT_NAME),
	    .org_name = db_column_text(st, IT_ORG_NAME),
	    .filled = db_column_int64(st, IT_FILLED),
	    .need_max = db_column_int64(st, IT_NEED_MAX),
	    .signup = db_column_text(st, IT_SIGNUP),
	    .waitlist_position = db_column_int64(st, IT_WAITLIST_POSITION),
	};
	return s->fn(s->arg, &it);
}

int ical_store_items(struct db *db, enum ical_store_query q, int64_t key, int64_t event,
                     ical_store_item_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_query(db, queries[q].items, IT_NCOLS, queries[q].nbind, key, event, &st, e) < 0)
		return -1;
	struct item_scan s = {fn, arg};
	return db_each_row(db, st, item_row, &s, e, "calendar");
}

struct zone_scan {
	ical_store_zone_fn fn;
	void *arg;
};

static int zone_row(sqlite3_stmt *st, void *arg)
{
	struct zone_scan *s = arg;
	const char *tz = db_column_text(st, ZO_TZ);
	return s->fn(s->arg, tz ? tz : "UTC", db_column_int64(st, ZO_FROM),
	             db_column_int64(st, ZO_TO), (size_t)db_column_int64(st, ZO_COUNT));
}

int ical_store_zones(struct db *db, enum ical_store_query q, int64_t key, int64_t event,
                     ical_store_zone_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_query(db, queries[q].zones, ZO_NCOLS, queries[q].nbind, key, event, &st, e) < 0)
		return -1;
	struct zone_scan s = {fn, arg};
	return db_each_row(db, st, zone_row, &s, e, "calendar");
}

struct person_scan {
	ical_store_person_fn fn;
	void *arg;
};

static int person_row(sqlite3_stmt *st, void *arg)
{
	struct person_scan *s = arg;
	struct ical_store_person p = {
	    .id = db_column_int64(st, PE_ID),
	    .name = db_column_text(st, PE_NAME),
	    .email = db_column_text(st, PE_EMAIL),
	    .confidential = db_column_bool(st, PE_CONFIDENTIAL),
	    .role = db_column_text(st, PE_ROLE),
	};
	return s->fn(s->arg, &p);
}

static int people(struct db *db, const char *sql, int64_t key, ical_store_person_fn fn, void *arg,
                  struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_query(db, sql, PE_NCOLS, 1, key, 0, &st, e) < 0)
		return -1;
	struct person_scan s = {fn, arg};
	return db_each_row(db, st, person_row, &s, e, "calendar");
}

int ical_store_session_people(struct db *db, int64_t session, ical_store_person_fn fn, void *arg,
                              struct err *e)
{
	return people(db, session_people_sql, session, fn, arg, e);
}

int ical_store_shift_people(struct db *db, int64_t shift, ical_store_person_fn fn, void *arg,
                            struct err *e)
{
	return people(db, shift_people_sql, shift, fn, arg, e);
}

int ical_store_event_people(struct db *db, int64_t event, ical_store_person_fn fn, void *arg,
                            struct err *e)
{
	return people(db, event_people_sql, event, fn, arg, e);
}

int ical_store_room_by_name(struct db *db, int64_t event, const char *name, int64_t *id,
                            struct err *e)
{
	sqlite3_stmt *st;
	*id = 0;
	if (db_prepare(db, room_by_name_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		*id = db_column_int64(st, DB_COL_ONLY);
	else if (rc != SQLITE_DONE)
		ret = db_fail(db, e, "room");
	sqlite3_finalize(st);
	return ret;
}

enum uid_owner_col { UO_KIND, UO_ID, UO_EVENT, UO_NCOLS };
static const char uid_owner_sql[] = "SELECT 0, id, event FROM shift WHERE uid = ?1"
                                    " UNION ALL SELECT 1, id, event FROM booth WHERE uid = ?1"
                                    " UNION ALL SELECT 2, id, id FROM event WHERE uid = ?1 LIMIT 1";

int ical_store_uid_owner(struct db *db, const char *uid, const char **kind, int64_t *id,
                         int64_t *event, struct err *e)
{
	static const char *const kinds[] = {"shift", "booth", "event"};
	sqlite3_stmt *st;
	*kind = NULL;
	*id = *event = 0;
	if (db_prepare(db, uid_owner_sql, &st, e) < 0)
		return -1;
	if (db_columns(st, UO_NCOLS, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		int k = db_column_int(st, UO_KIND);
		*kind = k >= 0 && (size_t)k < ARRAY_LEN(kinds) ? kinds[k] : NULL;
		*id = db_column_int64(st, UO_ID);
		*event = db_column_int64(st, UO_EVENT);
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(db, e, "uid");
	}
	sqlite3_finalize(st);
	return ret;
}

int ical_store_session_by_uid(struct db *db, const char *uid, int64_t *id, int64_t *event,
                              struct err *e)
{
	sqlite3_stmt *st;
	*id = *event = 0;
	if (db_prepare(db, session_by_uid_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_text(st, 1, uid, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, SU_ID);
		*event = db_column_int64(st, SU_EVENT);
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(db, e, "session");
	}
	sqlite3_finalize(st);
	return ret;
}
