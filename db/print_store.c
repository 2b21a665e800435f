/* print_store.c - read-only queries for the printed sheets, each one
 * statement stepped row by row into a callback. */
#include "print_store.h"

#include <stdio.h>
#include <string.h>

#include "db_internal.h"

/* Assignment statuses that hold a place on a shift. */
#define ACTIVE "('signed_up','confirmed','checked_in','completed')"

static const char event_sql[] =
    "SELECT name, tz, coalesce(venue, ''), starts, ends, coalesce(setup_starts, starts),"
    " coalesce(teardown_ends, ends) FROM event WHERE id = ?1";

static const char role_sql[] = "SELECT event, name FROM role WHERE id = ?1";

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
    " LEFT JOIN assignment a ON a.shift = sh.id AND a.status IN " ACTIVE
    " LEFT JOIN person p ON p.id = a.person"
    " WHERE sh.event = ?1 AND sh.status = 'open' AND sh.starts >= ?3 AND sh.starts < ?4"
    " AND (?2 = 0 OR sh.role = ?2)"
    " ORDER BY station COLLATE NOCASE, at, station_id, sh.starts, ro.name COLLATE NOCASE, sh.id,"
    " p.name COLLATE NOCASE, p.id";

#define SIGNIN_COLS                                                                                \
	"SELECT p.name, coalesce(o.name, ''), g.kind, g.status, coalesce(g.waitlist_position, 0)," \
	" coalesce(g.checked_in_at, 0)"                                                            \
	" FROM registration g JOIN person p ON p.id = g.person LEFT JOIN org o ON o.id = p.org"    \
	" WHERE g.event = ?1 AND p.confidential = 0 AND (?2 = '' OR g.kind = ?2)"

static const char signin_sql[] = SIGNIN_COLS " AND g.status IN ('registered', 'checked_in')"
                                             " ORDER BY p.name COLLATE NOCASE, p.id";
static const char waitlist_sql[] = SIGNIN_COLS " AND g.status = 'waitlisted'"
                                               " ORDER BY g.waitlist_position, g.id";

static const char badges_sql[] =
    "SELECT p.id, p.name, coalesce(o.name, ''), p.volunteer_code, g.kind,"
    " coalesce((SELECT group_concat(name, ', ') FROM (SELECT DISTINCT ro.name AS name"
    "  FROM assignment a JOIN shift sh ON sh.id = a.shift JOIN role ro ON ro.id = sh.role"
    "  WHERE a.person = p.id AND sh.event = ?1 AND sh.status = 'open' AND a.status IN " ACTIVE
    "  ORDER BY ro.name COLLATE NOCASE)), ''),"
    " coalesce((SELECT group_concat(name, ', ') FROM (SELECT ro.name AS name FROM role ro"
    "  WHERE ro.lead = p.id AND ro.event = ?1 ORDER BY ro.name COLLATE NOCASE)), ''),"
    " p.confidential"
    " FROM registration g JOIN person p ON p.id = g.person LEFT JOIN org o ON o.id = p.org"
    " WHERE g.event = ?1 AND g.kind = ?2 AND g.status IN ('registered', 'checked_in')"
    " ORDER BY p.name COLLATE NOCASE, p.id";

static const char *text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? s : "";
}

static int64_t num(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

/* Step st (bound, from db_acquire) into row() until it returns non-zero;
 * releases st. */
static int each_row(struct db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *ctx),
                    void *ctx, struct err *e, const char *what)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((ret = row(st, ctx)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, what);
	db_release(db, st);
	return ret < 0 ? -1 : 0;
}

/* The caller's callback and argument, passed through each_row. */
struct relay {
	union {
		int (*roster)(void *arg, const struct print_store_roster_row *r);
		int (*signin)(void *arg, const struct print_store_signin_row *r);
		int (*badge)(void *arg, const struct print_store_badge_row *r);
		struct print_store_event *event;
	} to;
	void *arg;
};

static int event_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_event *out = r->to.event;
	r->arg = out;
	snprintf(out->name, sizeof out->name, "%s", text(st, 0));
	snprintf(out->tz, sizeof out->tz, "%s", text(st, 1));
	snprintf(out->venue, sizeof out->venue, "%s", text(st, 2));
	out->starts = num(st, 3);
	out->ends = num(st, 4);
	out->first = num(st, 5);
	out->last = num(st, 6);
	return 1;
}

int print_store_event(struct db *db, int64_t event, struct print_store_event *out, struct err *e)
{
	struct relay r = {.to.event = out};
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	if (db_acquire(db, event_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	if (each_row(db, st, event_row, &r, e, "event") < 0)
		return -1;
	if (!r.arg)
		return err_set(e, ERR_NOT_FOUND, "event %lld: not found", (long long)event);
	return 0;
}

int print_store_role(struct db *db, int64_t role, int64_t *event, char *name, size_t n,
                     struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, role_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, role);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*event = num(st, 0);
		snprintf(name, n, "%s", text(st, 1));
	}
	int ret = rc == SQLITE_ROW ? 0
	          : rc == SQLITE_DONE
	              ? err_set(e, ERR_NOT_FOUND, "role %lld: not found", (long long)role)
	              : db_fail(db, e, "role");
	db_release(db, st);
	return ret;
}

static void person_at(sqlite3_stmt *st, int i, struct print_store_person *p)
{
	p->id = num(st, i);
	p->name = text(st, i + 1);
	p->phone = text(st, i + 2);
	p->confidential = num(st, i + 3) != 0;
}

static int roster_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_roster_row row = {
	    .at = (enum print_station)num(st, 0),
	    .station_id = num(st, 1),
	    .station = text(st, 2),
	    .shift = num(st, 3),
	    .starts = num(st, 4),
	    .ends = num(st, 5),
	    .need_min = num(st, 6),
	    .need_max = num(st, 7),
	    .notes = text(st, 8),
	    .role = text(st, 9),
	    .status = text(st, 18),
	};
	person_at(st, 10, &row.lead);
	person_at(st, 14, &row.volunteer);
	return r->to.roster(r->arg, &row);
}

int print_store_roster(struct db *db, const struct print_store_roster_query *q,
                       int (*fn)(void *arg, const struct print_store_roster_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.roster = fn, .arg = arg};
	sqlite3_stmt *st;
	if (db_acquire(db, roster_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, q->event);
	sqlite3_bind_int64(st, 2, q->role);
	sqlite3_bind_int64(st, 3, q->from);
	sqlite3_bind_int64(st, 4, q->to);
	return each_row(db, st, roster_row, &r, e, "shift");
}

static int signin_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_signin_row row = {text(st, 0), text(st, 1), text(st, 2),
	                                     text(st, 3), num(st, 4),  num(st, 5)};
	return r->to.signin(r->arg, &row);
}

int print_store_signin(struct db *db, int64_t event, const char *kind, bool waitlisted,
                       int (*fn)(void *arg, const struct print_store_signin_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.signin = fn, .arg = arg};
	sqlite3_stmt *st;
	if (db_acquire(db, waitlisted ? waitlist_sql : signin_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, kind ? kind : "", -1, SQLITE_TRANSIENT);
	return each_row(db, st, signin_row, &r, e, "registration");
}

static int badge_row(sqlite3_stmt *st, void *ctx)
{
	struct relay *r = ctx;
	struct print_store_badge_row row = {
	    .person = num(st, 0),
	    .name = text(st, 1),
	    .org = text(st, 2),
	    .code = text(st, 3),
	    .kind = text(st, 4),
	    .roles = text(st, 5),
	    .leads = text(st, 6),
	    .confidential = num(st, 7) != 0,
	};
	return r->to.badge(r->arg, &row);
}

int print_store_badges(struct db *db, int64_t event, const char *kind,
                       int (*fn)(void *arg, const struct print_store_badge_row *r), void *arg,
                       struct err *e)
{
	struct relay r = {.to.badge = fn, .arg = arg};
	sqlite3_stmt *st;
	if (db_acquire(db, badges_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_TRANSIENT);
	return each_row(db, st, badge_row, &r, e, "registration");
}
