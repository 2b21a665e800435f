/* check_cross_store.c - CS_CROSS_EVENT for `muster check`: an item of one
 * event that uses a role, room or booth of another. A shift may use all
 * three: its event's shifts are read once, with their role, room and booth
 * beside them, where three queries read them once each. The rows come out
 * as those queries gave them: every shift whose role is another event's, in
 * the shifts' order (by start within the event, by id over every event),
 * then the rooms, then the booths; then the sessions' rooms and the booths'
 * rooms, as SQLite finds them. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/xmalloc.h"
#include "check_memory.h"
#include "db_internal.h"

/* The event condition of each spelling, as in check_store.c. */
#define EVERY_EVENT(x) " ?1 = 0"
#define ONE_EVENT(x)   " " x " = ?1"

/* Shifts using another event's role, room or booth, with them. */
#define SHIFTS_SQL(EVENT)                                                                          \
	"SELECT s.id, s.event, r.id, r.event, r.name, m.id, m.event, m.name, b.id, b.event,"       \
	" b.label FROM shift s LEFT JOIN role r ON r.id = s.role"                                  \
	" LEFT JOIN room m ON m.id = s.room LEFT JOIN booth b ON b.id = s.booth"                   \
	" WHERE" EVENT(                                                                            \
	    "s.event") " AND (r.event != s.event OR m.event != s.event OR b.event != s.event)"
static const char *const shifts_sql[] = {SHIFTS_SQL(EVERY_EVENT), SHIFTS_SQL(ONE_EVENT)};
/* What a shift uses, in the order the rows go out. */
enum { USE_ROLE, USE_ROOM, USE_BOOTH, NUSES };
/* The columns: the shift's, then for each use its id, event and name. */
enum { SH_ID, SH_EVENT, SH_USES, SH_NCOLS = SH_USES + 3 * NUSES };
static const char *const use_noun[NUSES] = {
    [USE_ROLE] = "role", [USE_ROOM] = "room", [USE_BOOTH] = "booth"};

/* Sessions and booths in another event's room. */
#define ROOMS_SQL(EVENT)                                                                           \
	"SELECT x.event, m.event, 'session ' || x.id, 'room ' || m.id || ' (' || m.name || ')'"    \
	" FROM session x JOIN room m ON m.id = x.room WHERE m.event != x.event AND" EVENT(         \
	    "x.event") " UNION ALL SELECT x.event, m.event, 'booth ' || x.id,"                     \
	               " 'room ' || m.id || ' (' || m.name || ')' FROM booth x JOIN room m ON "    \
	               "m.id = x.room"                                                             \
	               " WHERE m.event != x.event AND" EVENT("x.event")
static const char *const rooms_sql[] = {ROOMS_SQL(EVERY_EVENT), ROOMS_SQL(ONE_EVENT)};
enum { RM_EVENT, RM_OTHER, RM_ITEM, RM_USES, RM_NCOLS };

/* One shift using something of another event. */
struct crossing {
	int64_t shift, event, other;
	char *uses; /* "role 3 (Greeter)" */
};

struct crossings {
	struct crossing *v;
	size_t n, cap;
};

static void crossing_add(struct crossings *l, sqlite3_stmt *st, int use)
{
	int col = SH_USES + 3 * use;
	XGROW(l->v, l->n, l->cap, 16);
	l->v[l->n++] = (struct crossing){
	    .shift = db_column_int64(st, SH_ID),
	    .event = db_column_int64(st, SH_EVENT),
	    .other = db_column_int64(st, col + 1),
	    .uses = xasprintf("%s %" PRId64 " (%s)", use_noun[use], db_column_int64(st, col),
	                      db_column_str(st, col + 2)),
	};
}

static int read_shifts(struct db *db, int64_t event, struct crossings *by_use, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, event ? shifts_sql[1] : shifts_sql[0], &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	if (db_columns(st, SH_NCOLS, e) < 0) {
		db_release(db, st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t of = db_column_int64(st, SH_EVENT);
		for (int use = 0; use < NUSES; use++) {
			int col = SH_USES + 3 * use;
			if (sqlite3_column_type(st, col) != SQLITE_NULL &&
			    db_column_int64(st, col + 1) != of)
				crossing_add(&by_use[use], st, use);
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

/* The rows of CS_CROSS_EVENT for the shifts, use by use; 1 when fn stopped. */
static int emit_shifts(const struct crossings *by_use,
                       int (*fn)(void *arg, const struct cs_row *row), void *arg)
{
	for (int use = 0; use < NUSES; use++)
		for (size_t i = 0; i < by_use[use].n; i++) {
			const struct crossing *c = &by_use[use].v[i];
			char item[32];
			snprintf(item, sizeof item, "shift %" PRId64, c->shift);
			struct cs_row row = {
			    .i = {[CS_CE_EVENT] = c->event, [CS_CE_OTHER] = c->other},
			    .t = {[CS_CE_ITEM] = item, [CS_CE_USES] = c->uses}};
			if (fn(arg, &row))
				return 1;
		}
	return 0;
}

static int emit_rooms(struct db *db, int64_t event, int (*fn)(void *arg, const struct cs_row *row),
                      void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, event ? rooms_sql[1] : rooms_sql[0], &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	if (db_columns(st, RM_NCOLS, e) < 0) {
		db_release(db, st);
		return -1;
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cs_row row = {.i = {[CS_CE_EVENT] = db_column_int64(st, RM_EVENT),
		                           [CS_CE_OTHER] = db_column_int64(st, RM_OTHER)},
		                     .t = {[CS_CE_ITEM] = db_column_str(st, RM_ITEM),
		                           [CS_CE_USES] = db_column_str(st, RM_USES)}};
		if (fn(arg, &row)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	int ret = rc == SQLITE_DONE ? 0 : db_fail(db, e, "check");
	db_release(db, st);
	return ret;
}

int check_cross_event(struct db *db, struct cs_memo *memo, int64_t event,
                      int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e)
{
	struct crossings by_use[NUSES] = {{0}};
	int ret = read_shifts(db, event, by_use, e);
	if (ret == 0 && !emit_shifts(by_use, fn, arg))
		ret = emit_rooms(db, event, fn, arg, e);
	for (int use = 0; use < NUSES; use++) {
		for (size_t i = 0; i < by_use[use].n; i++)
			free(by_use[use].v[i].uses);
		free(by_use[use].v);
	}
	return ret;
}
