/* mail_store.c - the SQL of mail_store.h. The statements run once per
 * person and item of a queueing run come from the statement cache
 * (db_acquire), so inviting a thousand people prepares each once. */
#include "mail_store.h"

#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"
#include "status_sql.h"

/* ---- who holds what, and what was said ------------------------------- */

/* ?1 event, ?2 registration kind or NULL, ?3 1 to add what was said */
#define ATTENDING(r)                                                                               \
	r ".status IN " REGISTRATION_ATTENDING_SQL " AND (?2 IS NULL OR " r ".kind = ?2)"
enum pair_col { PA_PERSON, PA_KIND, PA_ITEM, PA_HELD, PA_NCOLS };
/* what a person holds (kind 3 the event, 1 a shift, 0 a session): a
 * standing registration, active assignments, talks, seated sign-ups */
#define HELD_EVENT                                                                                 \
	" SELECT r.person, 3, r.event, 0 FROM registration r WHERE r.event = ?1 AND " ATTENDING("r")
#define HELD_SHIFTS                                                                                \
	" SELECT a.person, 1, sh.id, sh.starts FROM shift sh JOIN assignment a ON a.shift = sh.id" \
	" JOIN registration r ON r.event = sh.event AND r.person = a.person"                       \
	" WHERE sh.event = ?1 AND a.status IN " ASSIGNMENT_ACTIVE_SQL " AND " ATTENDING("r")
#define HELD_TALKS                                                                                 \
	" SELECT sp.person, 0, s.id, s.starts FROM session s JOIN speaker sp ON sp.session = s.id" \
	" JOIN registration r ON r.event = s.event AND r.person = sp.person"                       \
	" WHERE s.event = ?1 AND " ATTENDING("r")
#define HELD_SIGNUPS                                                                               \
	" SELECT g.person, 0, s.id, s.starts FROM session s JOIN signup g ON g.session = s.id"     \
	" JOIN registration r ON r.event = s.event AND r.person = g.person"                        \
	" WHERE s.event = ?1 AND g.status IN " SIGNUP_SEATED_SQL " AND " ATTENDING("r")
/* the event's items, and who was ever said something about one */
#define ITEMS                                                                                      \
	" SELECT 3, id, uid, 0 FROM event WHERE id = ?1"                                           \
	" UNION ALL SELECT 1, id, uid, starts FROM shift WHERE event = ?1"                         \
	" UNION ALL SELECT 0, id, uid, starts FROM session WHERE event = ?1"
#define SAID                                                                                       \
	" SELECT i.person, x.kind, x.item, x.starts FROM items x"                                  \
	" JOIN itip_sent i ON i.uid = x.uid WHERE ?3 = 1"                                          \
	" UNION SELECT o.person, x.kind, x.item, x.starts FROM mail_outbox o"                      \
	" JOIN items x ON x.uid = o.uid WHERE ?3 = 1 AND o.event = ?1 AND o.status <> "            \
	"'superseded'"
static const char pairs_sql[] =
    "WITH held(person, kind, item, starts) AS (" HELD_EVENT " UNION" HELD_SHIFTS " UNION" HELD_TALKS
    " UNION" HELD_SIGNUPS "),"
    " items(kind, item, uid, starts) AS (" ITEMS "),"
    " said(person, kind, item, starts) AS (" SAID ")"
    " SELECT person, kind, item, max(held) FROM ("
    " SELECT person, kind, item, starts, 1 AS held FROM held"
    " UNION ALL SELECT person, kind, item, starts, 0 FROM said)"
    " GROUP BY person, kind, item ORDER BY person, kind = 3 DESC, min(starts), kind, item";

/* the last of the outbox (not superseded) and itip_sent: the highest
 * SEQUENCE (numbers only rise, and a message with the number of an earlier
 * one says the same), then the newest (a message not yet sent is newer
 * than anything sent; a sent one is as new as its sending); and the
 * highest SEQUENCE of both */
enum last_col {
	LA_METHOD,
	LA_SEQUENCE,
	LA_ITEM_SEQUENCE,
	LA_STATUS,
	LA_KIND,
	LA_MAX,
	LA_DELIVERED,
	LA_NCOLS
};
static const char last_sql[] =
    "SELECT method, sequence, item_sequence, status, kind,"
    " (SELECT max(m) FROM (SELECT max(sequence) AS m FROM mail_outbox"
    "  WHERE person = ?1 AND uid = ?2 AND status <> 'superseded'"
    "  UNION ALL SELECT sequence FROM itip_sent WHERE person = ?1 AND uid = ?2)),"
    " EXISTS (SELECT 1 FROM itip_sent WHERE person = ?1 AND uid = ?2)"
    "  OR EXISTS (SELECT 1 FROM mail_outbox WHERE person = ?1 AND uid = ?2"
    "  AND status IN ('sending', 'sent', 'unknown'))"
    " FROM (SELECT method, sequence, item_sequence, status, kind,"
    "  CASE WHEN status IN ('queued', 'sending') THEN 9223372036854775807"
    "  WHEN status = 'sent' THEN sent_at ELSE queued_at END AS at, 1 AS src, id"
    "  FROM mail_outbox WHERE person = ?1 AND uid = ?2 AND status <> 'superseded'"
    "  UNION ALL SELECT method, sequence, item_sequence, '', '', sent_at, 0, 0 FROM itip_sent"
    "  WHERE person = ?1 AND uid = ?2)"
    " ORDER BY sequence DESC, at DESC, src DESC, id DESC LIMIT 1";

enum reminder_col { RE_PERSON, RE_SHIFT, RE_EVENT, RE_NCOLS };
static const char reminders_sql[] =
    "SELECT a.person, sh.id, sh.event FROM shift sh JOIN event e ON e.id = sh.event"
    " JOIN assignment a ON a.shift = sh.id"
    " WHERE sh.starts > ?1 AND sh.starts <= ?2 AND sh.status <> 'cancelled'"
    " AND e.status <> 'cancelled' AND a.status IN " ASSIGNMENT_ACTIVE_SQL
    " AND NOT EXISTS (SELECT 1 FROM mail_outbox o WHERE o.person = a.person AND o.uid = sh.uid"
    "  AND o.kind = 'reminder' AND o.status <> 'superseded')"
    " ORDER BY sh.starts, sh.id, a.person";

/* ---- the queue ---------------------------------------------------------- */

static const char supersede_sql[] = "UPDATE mail_outbox SET status = 'superseded'"
                                    " WHERE person = ?1 AND uid = ?2 AND status = 'queued'";
static const char insert_sql[] =
    "INSERT INTO mail_outbox (person, event, kind, item_kind, item_id, uid, method, sequence,"
    " item_sequence, recipient, subject, message_id, message, next_attempt_at, queued_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)";
static const char due_sql[] = "SELECT id FROM mail_outbox WHERE status = 'queued'"
                              " AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?2";
static const char claim_sql[] =
    "UPDATE mail_outbox SET status = 'sending', attempts = attempts + 1, claimed_at = ?2,"
    " claimed_by = ?3 WHERE id = ?1 AND status = 'queued' AND next_attempt_at <= ?2";
static const char sent_sql[] = "UPDATE mail_outbox SET status = 'sent', sent_at = ?2,"
                               " last_error = NULL WHERE id = ?1 AND status = 'sending'";
static const char retry_sql[] =
    "UPDATE mail_outbox SET status = 'queued', next_attempt_at = ?2, last_error = ?3,"
    " claimed_at = NULL, claimed_by = NULL WHERE id = ?1 AND status = 'sending'";
static const char fail_sql[] = "UPDATE mail_outbox SET status = 'failed', last_error = ?3"
                               " WHERE id = ?1 AND status = 'sending'";
static const char unclaim_sql[] =
    "UPDATE mail_outbox SET status = 'queued', attempts = attempts - 1, last_error = ?3,"
    " claimed_at = NULL, claimed_by = NULL WHERE id = ?1 AND status = 'sending'";
static const char unknown_sql[] = "UPDATE mail_outbox SET status = 'unknown', last_error = ?3"
                                  " WHERE id = ?1 AND status = 'sending'";

/* ---- reading rows ------------------------------------------------------- */

enum row_col {
	RO_ID,
	RO_PERSON,
	RO_EVENT,
	RO_KIND,
	RO_ITEM_KIND,
	RO_ITEM_ID,
	RO_UID,
	RO_METHOD,
	RO_SEQUENCE,
	RO_ITEM_SEQUENCE,
	RO_RECIPIENT,
	RO_SUBJECT,
	RO_STATUS,
	RO_ATTEMPTS,
	RO_NEXT,
	RO_CLAIMED_AT,
	RO_CLAIMED_BY,
	RO_ERROR,
	RO_QUEUED_AT,
	RO_SENT_AT,
	RO_NAME,
	RO_MESSAGE,
	RO_NCOLS
};
#define ROW_COLS                                                                                   \
	"SELECT o.id, o.person, o.event, o.kind, o.item_kind, o.item_id, o.uid, o.method,"         \
	" o.sequence, o.item_sequence, o.recipient, o.subject, o.status, o.attempts,"              \
	" o.next_attempt_at, o.claimed_at, o.claimed_by, o.last_error, o.queued_at, o.sent_at,"    \
	" p.name"
static const char get_sql[] =
    ROW_COLS ", o.message FROM mail_outbox o JOIN person p ON p.id = o.person WHERE o.id = ?1";
static const char each_sql[] =
    ROW_COLS ", NULL FROM mail_outbox o JOIN person p ON p.id = o.person"
             " WHERE (?2 = 0 OR o.event = ?2)"
             " AND (CASE WHEN ?1 IS NULL THEN o.status <> 'superseded' ELSE o.status = ?1 END)"
             " ORDER BY o.id";
enum count_col { CO_STATUS, CO_N, CO_NCOLS };
static const char counts_sql[] = "SELECT status, count(*) FROM mail_outbox"
                                 " WHERE ?1 = 0 OR event = ?1 GROUP BY status ORDER BY status";

static const char *const item_kinds[] = {[ICAL_ITEM_SESSION] = "session",
                                         [ICAL_ITEM_SHIFT] = "shift",
                                         [ICAL_ITEM_BOOTH] = "booth",
                                         [ICAL_ITEM_EVENT] = "event"};

static void bind_text_or_null(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

int mail_store_pairs(struct db *db, int64_t event, enum mail_store_scope scope, const char *kind,
                     int (*fn)(void *arg, const struct mail_store_pair *p), void *arg,
                     struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_cols(db, pairs_sql, PA_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	bind_text_or_null(st, 2, kind);
	sqlite3_bind_int(st, 3, scope == MAIL_PAIRS_HELD_OR_SAID);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mail_store_pair p = {
		    .person = db_column_int64(st, PA_PERSON),
		    .kind = (enum ical_store_kind)db_column_int(st, PA_KIND),
		    .item = db_column_int64(st, PA_ITEM),
		    .held = db_column_bool(st, PA_HELD),
		};
		if ((ret = fn(arg, &p)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "mail: who holds what");
	db_release(db, st);
	return ret;
}

int mail_store_last(struct db *db, int64_t person, const char *uid, struct mail_store_last *out,
                    bool *found, struct err *e)
{
	sqlite3_stmt *st;
	*found = false;
	memset(out, 0, sizeof *out);
	if (db_acquire_cols(db, last_sql, LA_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, uid, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		*found = true;
		db_column_copy(st, LA_METHOD, out->method, sizeof out->method);
		out->sequence = db_column_int64(st, LA_SEQUENCE);
		out->item_sequence = db_column_int64(st, LA_ITEM_SEQUENCE);
		db_column_copy(st, LA_STATUS, out->status, sizeof out->status);
		db_column_copy(st, LA_KIND, out->kind, sizeof out->kind);
		out->max_sequence = db_column_int64(st, LA_MAX);
		out->delivered = db_column_bool(st, LA_DELIVERED);
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(db, e, "mail: what was sent");
	}
	db_release(db, st);
	return ret;
}

int mail_store_reminders_due(struct db *db, int64_t from, int64_t to,
                             int (*fn)(void *arg, int64_t person, int64_t shift, int64_t event),
                             void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire_cols(db, reminders_sql, RE_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(arg, db_column_int64(st, RE_PERSON), db_column_int64(st, RE_SHIFT),
		              db_column_int64(st, RE_EVENT))) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "mail: shifts to remind of");
	db_release(db, st);
	return ret;
}

int mail_store_supersede(struct db *db, int64_t person, const char *uid, int *n, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, supersede_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, uid, -1, SQLITE_TRANSIENT);
	if (db_exec_stmt(db, st, e, "mail: superseding") < 0)
		return -1;
	if (n)
		*n = db_changes(db);
	return 0;
}

int mail_store_insert(struct db *db, const struct mail_store_new *m, int64_t *id, struct err *e)
{
	sqlite3_stmt *st;
	if (mail_store_supersede(db, m->person, m->uid, NULL, e) < 0)
		return -1;
	if (db_acquire(db, insert_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, m->person);
	sqlite3_bind_int64(st, 2, m->event);
	sqlite3_bind_text(st, 3, m->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, item_kinds[m->item_kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, m->item_id);
	sqlite3_bind_text(st, 6, m->uid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, m->method, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, m->sequence);
	sqlite3_bind_int64(st, 9, m->item_sequence);
	sqlite3_bind_text(st, 10, m->recipient, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 11, m->subject, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 12, m->message_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 13, m->message, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 14, m->now);
	if (db_exec_stmt(db, st, e, "mail: queueing") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(db));
	return 0;
}

int mail_store_due(struct db *db, int64_t now, size_t limit, int64_t **ids, size_t *n,
                   struct err *e)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	*ids = NULL;
	*n = 0;
	if (db_prepare(db, due_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, limit ? (int64_t)limit : -1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		XGROW(*ids, *n, cap, 64);
		(*ids)[(*n)++] = db_column_int64(st, DB_COL_ONLY);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return db_fail(db, e, "mail: the queue");
	}
	return 0;
}

/* Run one UPDATE of a row (?1 id, ?2 a number, ?3 text); *changed: did
 * it touch the row. */
static int update_row(struct db *db, const char *sql, int64_t id, int64_t num, const char *text,
                      bool *changed, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, num);
	if (sqlite3_bind_parameter_count(st) >= 3)
		bind_text_or_null(st, 3, text);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "mail: the outbox");
	if (changed)
		*changed = db_changes(db) > 0;
	return 0;
}

int mail_store_claim(struct db *db, int64_t id, int64_t now, int64_t pid, bool *claimed,
                     struct err *e)
{
	sqlite3_stmt *st;
	*claimed = false;
	if (db_prepare(db, claim_sql, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, pid);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e, "mail: claiming a message");
	*claimed = db_changes(db) > 0;
	return 0;
}

int mail_store_sent(struct db *db, int64_t id, int64_t now, struct err *e)
{
	return update_row(db, sent_sql, id, now, NULL, NULL, e);
}

int mail_store_retry(struct db *db, int64_t id, int64_t retry_at, const char *why, struct err *e)
{
	return update_row(db, retry_sql, id, retry_at, why, NULL, e);
}

int mail_store_fail(struct db *db, int64_t id, const char *why, struct err *e)
{
	return update_row(db, fail_sql, id, 0, why, NULL, e);
}

int mail_store_unclaim(struct db *db, int64_t id, const char *why, struct err *e)
{
	return update_row(db, unclaim_sql, id, 0, why, NULL, e);
}

int mail_store_unknown(struct db *db, int64_t id, const char *why, struct err *e)
{
	return update_row(db, unknown_sql, id, 0, why, NULL, e);
}

static int64_t int_or_zero(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) == SQLITE_NULL ? 0 : db_column_int64(st, col);
}

static void read_row(sqlite3_stmt *st, struct mail_store_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = db_column_int64(st, RO_ID);
	r->person = db_column_int64(st, RO_PERSON);
	r->event = db_column_int64(st, RO_EVENT);
	db_column_copy(st, RO_KIND, r->kind, sizeof r->kind);
	db_column_copy(st, RO_ITEM_KIND, r->item_kind, sizeof r->item_kind);
	r->item_id = db_column_int64(st, RO_ITEM_ID);
	db_column_copy(st, RO_UID, r->uid, sizeof r->uid);
	db_column_copy(st, RO_METHOD, r->method, sizeof r->method);
	r->sequence = db_column_int64(st, RO_SEQUENCE);
	r->item_sequence = db_column_int64(st, RO_ITEM_SEQUENCE);
	db_column_copy(st, RO_RECIPIENT, r->recipient, sizeof r->recipient);
	db_column_copy(st, RO_SUBJECT, r->subject, sizeof r->subject);
	db_column_copy(st, RO_STATUS, r->status, sizeof r->status);
	r->attempts = db_column_int64(st, RO_ATTEMPTS);
	r->next_attempt_at = db_column_int64(st, RO_NEXT);
	r->claimed_at = int_or_zero(st, RO_CLAIMED_AT);
	r->claimed_by = int_or_zero(st, RO_CLAIMED_BY);
	db_column_copy(st, RO_ERROR, r->last_error, sizeof r->last_error);
	r->queued_at = db_column_int64(st, RO_QUEUED_AT);
	r->sent_at = int_or_zero(st, RO_SENT_AT);
	db_column_copy(st, RO_NAME, r->person_name, sizeof r->person_name);
}

int mail_store_get(struct db *db, int64_t id, struct mail_store_row *out, char **message,
                   struct err *e)
{
	sqlite3_stmt *st;
	if (message)
		*message = NULL;
	if (db_acquire_cols(db, get_sql, RO_NCOLS, &st, e) < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		read_row(st, out);
		if (message)
			*message = xstrdup(db_column_str(st, RO_MESSAGE));
	} else if (rc == SQLITE_DONE) {
		ret = err_set(e, ERR_NOT_FOUND, "no message %lld in the outbox", (long long)id);
	} else {
		ret = db_fail(db, e, "mail: the outbox");
	}
	db_release(db, st);
	return ret;
}

int mail_store_each(struct db *db, const char *status, int64_t event,
                    int (*fn)(void *arg, const struct mail_store_row *r), void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, each_sql, &st, e) < 0)
		return -1;
	if (db_columns(st, RO_NCOLS, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	bind_text_or_null(st, 1, status);
	sqlite3_bind_int64(st, 2, event);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct mail_store_row r;
		read_row(st, &r);
		if ((ret = fn(arg, &r)) != 0)
			break;
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "mail: the outbox");
	sqlite3_finalize(st);
	return ret;
}

int mail_store_counts(struct db *db, int64_t event,
                      int (*fn)(void *arg, const char *status, int64_t n), void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, counts_sql, &st, e) < 0)
		return -1;
	if (db_columns(st, CO_NCOLS, e) < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_bind_int64(st, 1, event);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = fn(arg, db_column_str(st, CO_STATUS), db_column_int64(st, CO_N))) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, "mail: the outbox");
	sqlite3_finalize(st);
	return ret;
}
