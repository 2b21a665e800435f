/* print_store.c - read-only queries for the printed sheets, each one
 * statement stepped row by row into a callback. */
#include "print_store.h"

#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "db_internal.h"
#include "status_sql.h"

/* Each statement of more than one column has an enum naming them in order. */
enum event_col { EV_NAME, EV_TZ, EV_VENUE, EV_STARTS, EV_ENDS, EV_FIRST, EV_LAST, EV_NCOLS };
static const char event_sql[] =
    "SELECT name, tz, coalesce(venue, ''), starts, ends, coalesce(setup_starts, starts),"
    " coalesce(teardown_ends, ends) FROM event WHERE id = ?1";

enum role_col { RO_EVENT, RO_NAME, RO_NCOLS };
static const char role_sql[] = "SELECT event, name FROM role WHERE id = ?1";

/* The lead's columns, then the volunteer's, in this order. */
enum person_col { PE_ID, PE_NAME, PE_PHONE, PE_CONFIDENTIAL, PE_NCOLS };
enum roster_col {
	RS_AT,
	RS_STATION_ID,
	RS_STATION,
	RS_SHIFT,
	RS_STARTS,
	RS_ENDS,
	RS_NEED_MIN,
	RS_NEED_MAX,
	RS_NOTES,
	RS_ROLE,
	RS_LEAD,
	RS_VOLUNTEER = RS_LEAD + PE_NCOLS,
	RS_STATUS = RS_VOLUNTEER + PE_NCOLS,
	RS_NCOLS
};
static const char roster_sql[] =
    "SELECT CASE WHEN r.id IS NOT NULL THEN 0 WHEN b.id IS NOT NULL THEN 1 ELSE 2 END AS at,"
    " coalesce(r.id, b.id, ro.id) AS station_id, coalesce(r.name, b.label, ro.name) AS station,"
    " sh.id, sh.starts, sh.ends, sh.need_min, sh.need_max, coalesce(sh.notes, ''), ro.name,"
    " coalesce(l.id, 0), coalesce(l.name, ''), coalesce(l.phone, ''), coalesce(l.confidential, 0),"
    " coalesce(p.id, 0), coalesce(p.name, ''), coalesce(p.phone, ''),"
    " coalesce(p.confidential, 0), coalesce(a.status, '')"
    " FROM shift sh JOIN role ro ON ro.id = sh.role"
    " LEFT JOIN room r ON r.id = sh.room LEFT JOIN booth b ON b.id = sh.booth"
    " LEFT JOIN person l ON l.id = ro.lead"
    " LEFT JOIN assignment a ON a.shift = sh.id AND a.status IN " ASSIGNMENT_ACTIVE_SQL
    " LEFT JOIN person p ON p.id = a.person"
    " WHERE sh.event = ?1 AND sh.status = 'open' AND sh.starts >= ?3 AND sh.starts < ?4"
    " AND (?2 = 0 OR sh.role = ?2)"
    " ORDER BY station COLLATE NOCASE, at, station_id, sh.starts, ro.name COLLATE NOCASE, sh.id,"
    " p.name COLLATE NOCASE, p.id";

enum signin_col {
	SI_NAME,
	SI_ORG,
	SI_KIND,
	SI_STATUS,
	SI_WAITLIST_POSITION,
	SI_CHECKED_IN_AT,
	SI_NCOLS
};
#define SIGNIN_COLS                                                                                \
	"SELECT p.name, coalesce(o.name, ''), g.kind, g.status, coalesce(g.waitlist_position, 0)," \
	" coalesce(g.checked_in_at, 0)"                                                            \
	" FROM registration g JOIN person p ON p.id = g.person LEFT JOIN org o ON o.id = p.org"    \
	" WHERE g.event = ?1 AND p.confidential = 0 AND (?2 = '' OR g.kind = ?2)"
static const char signin_sql[] = SIGNIN_COLS " AND g.status IN " REGISTRATION_ATTENDING_SQL
                                             " ORDER BY p.name COLLATE NOCASE, p.id";
static const char waitlist_sql[] = SIGNIN_COLS " AND g.status = " REGISTRATION_WAITLISTED_SQL
                                               " ORDER BY g.waitlist_position, g.id";

enum badge_col {
	BA_PERSON,
	BA_NAME,
	BA_ORG,
	BA_CODE,
	BA_KIND,
	BA_ROLES,
	BA_LEADS,
	BA_CONFIDENTIAL,
	BA_NCOLS
};
static const char badges_sql[] =
    "SELECT p.id, p.name, coalesce(o.name, ''), p.volunteer_code, g.kind,"
    " coalesce((SELECT group_concat(name, ', ') FROM (SELECT DISTINCT ro.name AS name"
    "  FROM assignment a JOIN shift sh ON sh.id = a.shift JOIN role ro ON ro.id = sh.role"
    "  WHERE a.person = p.id AND sh.event = ?1 AND sh.status = 'open'"
    "  AND a.status IN " ASSIGNMENT_ACTIVE_SQL " ORDER BY ro.name COLLATE NOCASE)), ''),"
    " coalesce((SELECT group_concat(name, ', ') FROM (SELECT ro.name AS name FROM role ro"
    "  WHERE ro.lead = p.id AND ro.event = ?1 ORDER BY ro.name COLLATE NOCASE)), ''),"
    " p.confidential"
    " FROM registration g JOIN person p ON p.id = g.person LEFT JOIN org o ON o.id = p.org"
    " WHERE g.event = ?1 AND g.kind = ?2 AND g.status IN " REGISTRATION_ATTENDING_SQL
    " ORDER BY p.name COLLATE NOCASE, p.id";

DB_RELAY(int (*roster)(void *arg, const struct print_store_roster_row *r);
         int (*signin)(void *arg, const struct print_store_signin_row *r);
         int (*badge)(void *arg, const struct print_store_badge_row *r););

int print_store_event(struct db *db, int64_t event, struct print_store_event *out, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_row_by_id(db, event_sql, EV_NCOLS, event, "event", &st, e) < 0)
		return -1;
	db_column_copy(st, EV_NAME, out->name, sizeof out->name);
	db_column_copy(st, EV_TZ, out->tz, sizeof out->tz);
	db_column_copy(st, EV_VENUE, out->venue, sizeof out->venue);
	out->starts = db_column_int64(st, EV_STARTS);
	out->ends = db_column_int64(st, EV_ENDS);
	out->first = db_column_int64(st, EV_FIRST);
	out->last = db_column_int64(st, EV_LAST);
	db_release(db, st);
	return 0;
}

int print_store_role(struct db *db, int64_t role, int64_t *event, char *name, size_t n,
                     struct err *e)
{
	sqlite3_stmt *st;
	if (db_row_by_id(db, role_sql, RO_NCOLS, role, "role", &st, e) < 0)
		return -1;
	*event = db_column_int64(st, RO_EVENT);
	db_column_copy(st, RO_NAME, name, n);
	db_release(db, st);
	return 0;
}

/* The person whose columns start at column at (enum person_col). */
static void person_at(sqlite3_stmt *st, int at, struct print_store_person *p)
{
	p->id = db_column_int64(st, at + PE_ID);
	p->name = db_column_str(st, at + PE_NAME);
	p->phone = db_column_str(st, at + PE_PHONE);
	p->confidential = db_column_bool(st, at + PE_CONFIDENTIAL);
}

static int roster_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_roster_row row = {
	    .at = (enum print_station)db_column_int(st, RS_AT),
	    .station_id = db_column_int64(st, RS_STATION_ID),
	    .station = db_column_str(st, RS_STATION),
	    .shift = db_column_int64(st, RS_SHIFT),
	    .starts = db_column_int64(st, RS_STARTS),
	    .ends = db_column_int64(st, RS_ENDS),
	    .need_min = db_column_int64(st, RS_NEED_MIN),
	    .need_max = db_column_int64(st, RS_NEED_MAX),
	    .notes = db_column_str(st, RS_NOTES),
	    .role = db_column_str(st, RS_ROLE),
	    .status = db_column_str(st, RS_STATUS),
	};
	person_at(st, RS_LEAD, &row.lead);
	person_at(st, RS_VOLUNTEER, &row.volunteer);
	return r->to.roster(r->arg, &row);
}

int print_store_roster(struct db *db, const struct print_store_roster_query *q,
                       int (*fn)(void *arg, const struct print_store_roster_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.roster = fn, .arg = arg};
	const int64_t v[] = {q->event, q->role, q->from, q->to};
	return db_each_row_ints(db, roster_sql, RS_NCOLS, v, ARRAY_LEN(v), roster_row, &r, e,
	                        "shift");
}

static int signin_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_signin_row row = {
	    .name = db_column_str(st, SI_NAME),
	    .org = db_column_str(st, SI_ORG),
	    .kind = db_column_str(st, SI_KIND),
	    .status = db_column_str(st, SI_STATUS),
	    .waitlist_position = db_column_int64(st, SI_WAITLIST_POSITION),
	    .checked_in_at = db_column_int64(st, SI_CHECKED_IN_AT),
	};
	return r->to.signin(r->arg, &row);
}

int print_store_signin(struct db *db, int64_t event, const char *kind, bool waitlisted,
                       int (*fn)(void *arg, const struct print_store_signin_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.signin = fn, .arg = arg};
	sqlite3_stmt *st;
	if (db_acquire_cols(db, waitlisted ? waitlist_sql : signin_sql, SI_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, kind ? kind : "", -1, SQLITE_TRANSIENT);
	return db_each_row(db, st, signin_row, &r, e, "registration") < 0 ? -1 : 0;
}

static int badge_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_badge_row row = {
	    .person = db_column_int64(st, BA_PERSON),
	    .name = db_column_str(st, BA_NAME),
	    .org = db_column_str(st, BA_ORG),
	    .code = db_column_str(st, BA_CODE),
	    .kind = db_column_str(st, BA_KIND),
	    .roles = db_column_str(st, BA_ROLES),
	    .leads = db_column_str(st, BA_LEADS),
	    .confidential = db_column_bool(st, BA_CONFIDENTIAL),
	};
	return r->to.badge(r->arg, &row);
}

int print_store_badges(struct db *db, int64_t event, const char *kind,
                       int (*fn)(void *arg, const struct print_store_badge_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.badge = fn, .arg = arg};
	sqlite3_stmt *st;
	if (db_acquire_cols(db, badges_sql, BA_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	return db_each_row(db, st, badge_row, &r, e, "registration") < 0 ? -1 : 0;
}
