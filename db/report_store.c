/* report_store.c - read-only queries for the reports, each one statement
 * with the event id bound, stepped row by row into a callback. */
#include "report_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"
#include "status_sql.h"

/* Each statement has an enum naming its columns in order. */
enum event_col { EV_NAME, EV_TZ, EV_STARTS, EV_ENDS, EV_CAPACITY, EV_NCOLS };
static const char event_sql[] = "SELECT name, tz, starts, ends, capacity FROM event WHERE id = ?";

enum shift_col {
	SH_ID,
	SH_ROLE,
	SH_PLACE,
	SH_STARTS,
	SH_ENDS,
	SH_NEED_MIN,
	SH_NEED_MAX,
	SH_FILLED,
	SH_NCOLS
};
static const char shifts_sql[] =
    "SELECT shift.id, role.name, COALESCE(room.name, booth.label, ''), shift.starts,"
    " shift.ends, shift.need_min, shift.need_max,"
    " (SELECT count(*) FROM assignment WHERE assignment.shift = shift.id"
    "  AND assignment.status IN " ASSIGNMENT_ACTIVE_SQL ")"
    " FROM shift JOIN role ON role.id = shift.role"
    " LEFT JOIN room ON room.id = shift.room LEFT JOIN booth ON booth.id = "
    "shift.booth"
    " WHERE shift.event = ? AND shift.status = 'open'"
    " ORDER BY shift.starts, role.name COLLATE NOCASE, shift.id";

enum volunteer_col {
	VO_PERSON,
	VO_NAME,
	VO_SHIFTS,
	VO_SCHEDULED,
	VO_WORKED,
	VO_NO_SHOWS,
	VO_ON_SHIFT,
	VO_NCOLS
};
static const char volunteers_sql[] =
    "SELECT person.id, person.name,"
    " sum(a.status IN " ASSIGNMENT_ACTIVE_SQL " AND shift.status = 'open'),"
    " sum(CASE WHEN a.status IN " ASSIGNMENT_ACTIVE_SQL " AND shift.status = 'open'"
    "  THEN shift.ends - shift.starts ELSE 0 END),"
    " sum(CASE WHEN a.checked_in_at IS NOT NULL AND a.checked_out_at IS NOT "
    "NULL"
    "  THEN a.checked_out_at - a.checked_in_at ELSE 0 END),"
    " sum(a.status = 'no_show'),"
    " sum(a.checked_in_at IS NOT NULL AND a.checked_out_at IS NULL)"
    " FROM assignment AS a JOIN shift ON shift.id = a.shift"
    " JOIN person ON person.id = a.person"
    " WHERE shift.event = ? AND a.status != 'dropped'"
    " GROUP BY person.id ORDER BY person.name COLLATE NOCASE, person.id";

enum kind_col {
	KI_KIND,
	KI_REGISTERED,
	KI_WAITLISTED,
	KI_CANCELLED,
	KI_CHECKED_IN,
	KI_NO_SHOW,
	KI_NCOLS
};
static const char kinds_sql[] =
    "SELECT kind, sum(status = 'registered'), sum(status = 'waitlisted'),"
    " sum(status = 'cancelled'), sum(status = 'checked_in'), sum(status = 'no_show')"
    " FROM registration WHERE event = ? GROUP BY kind"
    " ORDER BY CASE kind WHEN 'attendee' THEN 1 WHEN 'volunteer' THEN 2 WHEN 'speaker' THEN 3"
    "  WHEN 'partner' THEN 4 WHEN 'staff' THEN 5 WHEN 'press' THEN 6 ELSE 7 END, kind";

enum session_col {
	SE_ID,
	SE_TITLE,
	SE_KIND,
	SE_ROOM,
	SE_STARTS,
	SE_ENDS,
	SE_CAPACITY,
	SE_ROOM_CAPACITY,
	SE_SPEAKERS,
	SE_REGISTERED, /* its sign-ups by status */
	SE_WAITLISTED,
	SE_CANCELLED,
	SE_CHECKED_IN,
	SE_NO_SHOW,
	SE_NCOLS
};
static const char sessions_sql[] =
    "SELECT session.id, session.title, session.kind, COALESCE(room.name, ''), session.starts,"
    " session.ends, session.capacity, COALESCE(room.capacity, 0),"
    " (SELECT count(*) FROM speaker WHERE speaker.session = session.id),"
    " coalesce(g.registered, 0), coalesce(g.waitlisted, 0), coalesce(g.cancelled, 0),"
    " coalesce(g.checked_in, 0), coalesce(g.no_show, 0)"
    " FROM session LEFT JOIN room ON room.id = session.room"
    " LEFT JOIN (SELECT session AS id, sum(status = 'registered') AS registered,"
    "  sum(status = 'waitlisted') AS waitlisted, sum(status = 'cancelled') AS cancelled,"
    "  sum(status = 'checked_in') AS checked_in, sum(status = 'no_show') AS no_show"
    "  FROM signup WHERE session IN (SELECT id FROM session WHERE event = ?1)"
    "  GROUP BY session) g ON g.id = session.id"
    " WHERE session.event = ?1 AND session.status != 'cancelled'"
    " ORDER BY session.starts, session.id";

DB_RELAY(int (*shift)(void *arg, const struct report_store_shift *s);
         int (*volunteer)(void *arg, const struct report_store_volunteer *v);
         int (*kind)(void *arg, const struct report_store_kind *k);
         int (*session)(void *arg, const struct report_store_session *s););

int report_store_event(struct db *db, int64_t event, struct report_store_event *out, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_row_by_id(db, event_sql, EV_NCOLS, event, "event", &st, e) < 0)
		return -1;
	db_column_copy(st, EV_NAME, out->name, sizeof out->name);
	db_column_copy(st, EV_TZ, out->tz, sizeof out->tz);
	out->starts = db_column_int64(st, EV_STARTS);
	out->ends = db_column_int64(st, EV_ENDS);
	out->capacity = db_column_int64(st, EV_CAPACITY);
	db_release(db, st);
	return 0;
}

static int shift_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct report_store_shift s = {
	    .id = db_column_int64(st, SH_ID),
	    .role = db_column_str(st, SH_ROLE),
	    .place = db_column_str(st, SH_PLACE),
	    .starts = db_column_int64(st, SH_STARTS),
	    .ends = db_column_int64(st, SH_ENDS),
	    .need_min = db_column_int64(st, SH_NEED_MIN),
	    .need_max = db_column_int64(st, SH_NEED_MAX),
	    .filled = db_column_int64(st, SH_FILLED),
	};
	return r->to.shift(r->arg, &s);
}

int report_store_shifts(struct db *db, int64_t event,
                        int (*fn)(void *arg, const struct report_store_shift *s), void *arg,
                        struct err *e)
{
	struct relay r = {.to.shift = fn, .arg = arg};
	return db_each_row_ints(db, shifts_sql, SH_NCOLS, &event, 1, shift_row, &r, e, "shift");
}

static int volunteer_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct report_store_volunteer v = {
	    .person = db_column_int64(st, VO_PERSON),
	    .name = db_column_str(st, VO_NAME),
	    .shifts = db_column_int64(st, VO_SHIFTS),
	    .scheduled = db_column_int64(st, VO_SCHEDULED),
	    .worked = db_column_int64(st, VO_WORKED),
	    .no_shows = db_column_int64(st, VO_NO_SHOWS),
	    .on_shift = db_column_int64(st, VO_ON_SHIFT),
	};
	return r->to.volunteer(r->arg, &v);
}

int report_store_volunteers(struct db *db, int64_t event,
                            int (*fn)(void *arg, const struct report_store_volunteer *v), void *arg,
                            struct err *e)
{
	struct relay r = {.to.volunteer = fn, .arg = arg};
	return db_each_row_ints(db, volunteers_sql, VO_NCOLS, &event, 1, volunteer_row, &r, e,
	                        "assignment");
}

static int kind_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct report_store_kind k = {
	    .kind = db_column_str(st, KI_KIND),
	    .registered = db_column_int64(st, KI_REGISTERED),
	    .waitlisted = db_column_int64(st, KI_WAITLISTED),
	    .cancelled = db_column_int64(st, KI_CANCELLED),
	    .checked_in = db_column_int64(st, KI_CHECKED_IN),
	    .no_show = db_column_int64(st, KI_NO_SHOW),
	};
	return r->to.kind(r->arg, &k);
}

int report_store_kinds(struct db *db, int64_t event,
                       int (*fn)(void *arg, const struct report_store_kind *k), void *arg,
                       struct err *e)
{
	struct relay r = {.to.kind = fn, .arg = arg};
	return db_each_row_ints(db, kinds_sql, KI_NCOLS, &event, 1, kind_row, &r, e,
	                        "registration");
}

static int session_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct report_store_session s = {
	    .id = db_column_int64(st, SE_ID),
	    .title = db_column_str(st, SE_TITLE),
	    .kind = db_column_str(st, SE_KIND),
	    .room = db_column_str(st, SE_ROOM),
	    .starts = db_column_int64(st, SE_STARTS),
	    .ends = db_column_int64(st, SE_ENDS),
	    .capacity = db_column_int64(st, SE_CAPACITY),
	    .room_capacity = db_column_int64(st, SE_ROOM_CAPACITY),
	    .speakers = db_column_int64(st, SE_SPEAKERS),
	    .registered = db_column_int64(st, SE_REGISTERED),
	    .waitlisted = db_column_int64(st, SE_WAITLISTED),
	    .cancelled = db_column_int64(st, SE_CANCELLED),
	    .checked_in = db_column_int64(st, SE_CHECKED_IN),
	    .no_show = db_column_int64(st, SE_NO_SHOW),
	};
	return r->to.session(r->arg, &s);
}

int report_store_sessions(struct db *db, int64_t event,
                          int (*fn)(void *arg, const struct report_store_session *s), void *arg,
                          struct err *e)
{
	struct relay r = {.to.session = fn, .arg = arg};
	return db_each_row_ints(db, sessions_sql, SE_NCOLS, &event, 1, session_row, &r, e,
	                        "session");
}
