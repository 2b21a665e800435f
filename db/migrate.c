/* migrate.c - the schema as a list of migrations keyed by PRAGMA
 * user_version; each step and its version bump run in one transaction. */
#include "db_internal.h"

#include "../core/array.h"
#include "search_sql.h"

#include <stdio.h>

/* Version 1: every entity of SPEC section 2. Times are INTEGER UTC seconds,
 * dates TEXT YYYY-MM-DD, booleans 0/1. */
static const char schema_v1[] =
    "CREATE TABLE org ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),"
    " sector TEXT NOT NULL DEFAULT 'other' CHECK (sector IN ('ngo','law_enforcement',"
    "  'government','business','faith','education','health','civil_society','other')),"
    " contact_name TEXT, email TEXT, phone TEXT, website TEXT, notes TEXT);"

    "CREATE TABLE person ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
    " email TEXT COLLATE NOCASE UNIQUE,"
    " phone TEXT,"
    " org INTEGER REFERENCES org(id),"
    " birth_date TEXT CHECK (birth_date IS NULL OR birth_date GLOB"
    "  '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
    " confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),"
    " volunteer_code TEXT NOT NULL UNIQUE,"
    " pin_hash TEXT,"
    " notes TEXT);"
    "CREATE INDEX person_by_name ON person(name COLLATE NOCASE, id);"
    "CREATE INDEX person_by_org ON person(org);"

    "CREATE TABLE skill ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0));"

    "CREATE TABLE person_skill ("
    " id INTEGER PRIMARY KEY,"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " skill INTEGER NOT NULL REFERENCES skill(id),"
    " expires TEXT CHECK (expires IS NULL OR expires GLOB"
    "  '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
    " UNIQUE (person, skill));"
    "CREATE INDEX person_skill_by_skill ON person_skill(skill);"

    "CREATE TABLE event ("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
    " starts INTEGER NOT NULL,"
    " ends INTEGER NOT NULL,"
    " tz TEXT NOT NULL,"
    " venue TEXT, address TEXT, description TEXT,"
    " status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','cancelled')),"
    " capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
    " host_org INTEGER REFERENCES org(id),"
    " setup_starts INTEGER,"
    " teardown_ends INTEGER,"
    " CHECK (ends > starts),"
    " CHECK (setup_starts IS NULL OR setup_starts <= starts),"
    " CHECK (teardown_ends IS NULL OR teardown_ends >= ends));"
    "CREATE INDEX event_by_starts ON event(starts);"
    "CREATE INDEX event_by_host ON event(host_org);"

    "CREATE TABLE room ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
    " capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
    " kind TEXT NOT NULL DEFAULT 'room' CHECK (kind IN ('room','hall','outdoor','booth_area')),"
    " UNIQUE (event, name));"

    "CREATE TABLE session ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " room INTEGER REFERENCES room(id),"
    " title TEXT NOT NULL CHECK (length(trim(title)) > 0),"
    " kind TEXT NOT NULL DEFAULT 'general' CHECK (kind IN ('general','breakout','panel',"
    "  'workshop','screening','training','break')),"
    " starts INTEGER NOT NULL,"
    " ends INTEGER NOT NULL,"
    " capacity INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),"
    " description TEXT,"
    " status TEXT NOT NULL DEFAULT 'confirmed' CHECK (status IN ('tentative','confirmed',"
    "  'cancelled')),"
    " uid TEXT NOT NULL UNIQUE,"
    " sequence INTEGER NOT NULL DEFAULT 0,"
    " CHECK (ends > starts));"
    "CREATE INDEX session_by_event ON session(event, starts);"
    "CREATE INDEX session_by_room ON session(room, starts);"

    "CREATE TABLE speaker ("
    " id INTEGER PRIMARY KEY,"
    " session INTEGER NOT NULL REFERENCES session(id),"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " role TEXT NOT NULL DEFAULT 'speaker' CHECK (role IN ('speaker','moderator','panelist',"
    "  'host')),"
    " UNIQUE (session, person));"
    "CREATE INDEX speaker_by_person ON speaker(person);"

    "CREATE TABLE booth ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " org INTEGER NOT NULL REFERENCES org(id),"
    " label TEXT NOT NULL CHECK (length(trim(label)) > 0),"
    " room INTEGER REFERENCES room(id),"
    " starts INTEGER NOT NULL,"
    " ends INTEGER NOT NULL,"
    " uid TEXT NOT NULL UNIQUE,"
    " sequence INTEGER NOT NULL DEFAULT 0,"
    " CHECK (ends > starts));"
    "CREATE INDEX booth_by_event ON booth(event, label, starts);"
    "CREATE INDEX booth_by_org ON booth(org);"
    "CREATE INDEX booth_by_room ON booth(room);"

    "CREATE TABLE registration ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " kind TEXT NOT NULL DEFAULT 'attendee' CHECK (kind IN ('attendee','volunteer','speaker',"
    "  'partner','staff','press')),"
    " status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','waitlisted',"
    "  'cancelled','checked_in','no_show')),"
    " waitlist_position INTEGER,"
    " checked_in_at INTEGER,"
    " created_at INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE (event, person));"
    "CREATE INDEX registration_by_person ON registration(person);"
    "CREATE INDEX registration_by_status ON registration(event, status, waitlist_position);"

    "CREATE TABLE role ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " name TEXT NOT NULL CHECK (length(trim(name)) > 0),"
    " description TEXT,"
    " skill INTEGER REFERENCES skill(id),"
    " min_age INTEGER NOT NULL DEFAULT 0 CHECK (min_age >= 0),"
    " lead INTEGER REFERENCES person(id),"
    " UNIQUE (event, name));"
    "CREATE INDEX role_by_skill ON role(skill);"
    "CREATE INDEX role_by_lead ON role(lead);"

    "CREATE TABLE shift ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " role INTEGER NOT NULL REFERENCES role(id),"
    " room INTEGER REFERENCES room(id),"
    " booth INTEGER REFERENCES booth(id),"
    " starts INTEGER NOT NULL,"
    " ends INTEGER NOT NULL,"
    " need_min INTEGER NOT NULL DEFAULT 1 CHECK (need_min >= 0),"
    " need_max INTEGER NOT NULL DEFAULT 1 CHECK (need_max >= 1),"
    " notes TEXT,"
    " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','cancelled')),"
    " uid TEXT NOT NULL UNIQUE,"
    " sequence INTEGER NOT NULL DEFAULT 0,"
    " CHECK (ends > starts),"
    " CHECK (need_max >= need_min),"
    " CHECK (room IS NULL OR booth IS NULL));"
    "CREATE INDEX shift_by_event ON shift(event, starts);"
    "CREATE INDEX shift_by_role ON shift(role, starts);"
    "CREATE INDEX shift_by_room ON shift(room);"
    "CREATE INDEX shift_by_booth ON shift(booth);"

    "CREATE TABLE assignment ("
    " id INTEGER PRIMARY KEY,"
    " shift INTEGER NOT NULL REFERENCES shift(id),"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " status TEXT NOT NULL DEFAULT 'signed_up' CHECK (status IN ('signed_up','confirmed',"
    "  'checked_in','completed','no_show','dropped')),"
    " source TEXT NOT NULL DEFAULT 'coordinator' CHECK (source IN ('coordinator','kiosk',"
    "  'autofill')),"
    " checked_in_at INTEGER,"
    " checked_out_at INTEGER,"
    " created_at INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE (shift, person),"
    " CHECK (checked_out_at IS NULL OR checked_in_at IS NULL OR checked_out_at >= checked_in_at));"
    "CREATE INDEX assignment_by_person ON assignment(person, status);"

    "CREATE TABLE availability ("
    " id INTEGER PRIMARY KEY,"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " event INTEGER NOT NULL REFERENCES event(id),"
    " starts INTEGER NOT NULL,"
    " ends INTEGER NOT NULL,"
    " CHECK (ends > starts));"
    "CREATE INDEX availability_by_person ON availability(person, event, starts);"
    "CREATE INDEX availability_by_event ON availability(event);"

    "CREATE TABLE audit ("
    " id INTEGER PRIMARY KEY,"
    " at INTEGER NOT NULL,"
    " actor TEXT NOT NULL,"
    " action TEXT NOT NULL,"
    " entity TEXT NOT NULL,"
    " entity_id INTEGER,"
    " summary TEXT NOT NULL);"
    "CREATE INDEX audit_by_entity ON audit(entity, entity_id);"

    "CREATE TABLE kiosk_lock ("
    " code TEXT PRIMARY KEY,"
    " failures INTEGER NOT NULL DEFAULT 0,"
    " locked_until INTEGER NOT NULL DEFAULT 0);";

/* Version 2: an attendee's check-out time (checkout --event), next to the
 * check-in time registrations already had; and an index that counts an
 * event's seated attendees without reading every registration (the
 * waitlist check runs on every registration write). */
static const char schema_v2[] =
    "ALTER TABLE registration ADD COLUMN checked_out_at INTEGER"
    " CHECK (checked_out_at IS NULL OR checked_in_at IS NULL OR checked_out_at >= checked_in_at);"
    "CREATE INDEX registration_by_kind ON registration(event, kind, status);";

/* The event an audited row belongs to (NULL: none, or the row is gone). */
#define AUDIT_EVENT(entity, id)                                                                    \
	"CASE " entity " WHEN 'event' THEN " id                                                    \
	" WHEN 'room' THEN (SELECT event FROM room WHERE id = " id ")"                             \
	" WHEN 'session' THEN (SELECT event FROM session WHERE id = " id ")"                       \
	" WHEN 'booth' THEN (SELECT event FROM booth WHERE id = " id ")"                           \
	" WHEN 'registration' THEN (SELECT event FROM registration WHERE id = " id ")"             \
	" WHEN 'role' THEN (SELECT event FROM role WHERE id = " id ")"                             \
	" WHEN 'shift' THEN (SELECT event FROM shift WHERE id = " id ")"                           \
	" WHEN 'availability' THEN (SELECT event FROM availability WHERE id = " id ")"             \
	" WHEN 'assignment' THEN (SELECT s.event FROM assignment a JOIN shift s ON s.id = a.shift" \
	" WHERE a.id = " id ")"                                                                    \
	" WHEN 'speaker' THEN (SELECT s.event FROM speaker k JOIN session s ON s.id = k.session"   \
	" WHERE k.id = " id ")"                                                                    \
	" END"

/* Version 3: the event of each audit entry, kept as the entry is written
 * (a trigger, so every writer of the log is covered) and indexed: an
 * event's audit tab seeks its entries, newest first, instead of gathering
 * the ids of every room, shift, registration and assignment of the event
 * on each page (25-45 ms a page on the large demo's summit). */
static const char schema_v3[] =
    "ALTER TABLE audit ADD COLUMN event INTEGER;"
    "UPDATE audit SET event = " AUDIT_EVENT(
        "entity",
        "entity_id") ";"
                     "CREATE INDEX audit_by_event ON audit(event, id);"
                     "CREATE TRIGGER audit_event AFTER INSERT ON audit WHEN NEW.event IS NULL BEGIN"
                     " UPDATE audit SET event = " AUDIT_EVENT("NEW.entity",
                                                              "NEW.entity_id") " WHERE id = NEW.id;"
                                                                               " END;";

/* Version 4: an event's own iCalendar UID (random, stored, unique) and
 * SEQUENCE, for the event entry of each person's calendar; existing events
 * get a random UUID v4 (version nibble 4, variant 8-b). */
static const char schema_v4[] =
    "ALTER TABLE event ADD COLUMN uid TEXT;"
    "ALTER TABLE event ADD COLUMN sequence INTEGER NOT NULL DEFAULT 0;"
    "UPDATE event SET uid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4'"
    " || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random() % 4), 1)"
    " || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));"
    "CREATE UNIQUE INDEX event_uid ON event(uid);";

/* Version 5: the privacy lifecycle. keep (with keep_reason) holds a
 * person past [privacy] retain_days_after_event; erased_at marks a person
 * whose details were erased (person forget, privacy sweep): the row stays,
 * anonymous, so the counts of past events stay right. */
static const char schema_v5[] =
    "ALTER TABLE person ADD COLUMN keep INTEGER NOT NULL DEFAULT 0 CHECK (keep IN (0, 1));"
    "ALTER TABLE person ADD COLUMN keep_reason TEXT;"
    "ALTER TABLE person ADD COLUMN erased_at INTEGER;";

/* Version 6: every wrong PIN at any kiosk, by time, for the limit across all
 * codes ([kiosk] global_failures_per_minute); paused marks the failure that
 * reached it. Rows older than a day are pruned as new ones come. */
static const char schema_v6[] = "CREATE TABLE kiosk_failure ("
                                " id INTEGER PRIMARY KEY,"
                                " at INTEGER NOT NULL,"
                                " code TEXT NOT NULL,"
                                " paused INTEGER NOT NULL DEFAULT 0);"
                                "CREATE INDEX kiosk_failure_by_at ON kiosk_failure(at);";

/* Version 7: what was last sent to each person for each iCalendar UID
 * (iTIP, RFC 5546): REQUEST or CANCEL, its SEQUENCE, the item's own
 * sequence then (to tell an unchanged item from a changed one), and when. */
static const char schema_v7[] = "CREATE TABLE itip_sent ("
                                " person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
                                " uid TEXT NOT NULL,"
                                " method TEXT NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),"
                                " sequence INTEGER NOT NULL CHECK (sequence >= 0),"
                                " item_sequence INTEGER NOT NULL CHECK (item_sequence >= 0),"
                                " sent_at INTEGER NOT NULL,"
                                " PRIMARY KEY (person, uid));";

/* Version 8: auto-fill batches. A run of `autofill` that writes is one
 * batch (its number is in the audit log); autofill_item lists the
 * assignments it added, so `autofill --undo BATCH` can take them back.
 * Items name assignments without a foreign key: an assignment removed
 * since is simply gone from the batch's undo. */
static const char schema_v8[] =
    "CREATE TABLE autofill_batch ("
    " id INTEGER PRIMARY KEY,"
    " event INTEGER NOT NULL REFERENCES event(id) ON DELETE CASCADE,"
    " at INTEGER NOT NULL,"
    " actor TEXT NOT NULL,"
    " added INTEGER NOT NULL DEFAULT 0,"
    " undone_at INTEGER);"
    "CREATE INDEX autofill_batch_by_event ON autofill_batch(event);"
    "CREATE TABLE autofill_item ("
    " batch INTEGER NOT NULL REFERENCES autofill_batch(id) ON DELETE CASCADE,"
    " assignment INTEGER NOT NULL,"
    " PRIMARY KEY (batch, assignment)) WITHOUT ROWID;";

/* Version 9: session sign-ups (SPEC section 11, "Sign-ups and the door"):
 * a person's place in a session, seated or waiting in order like an event's
 * registrations; and the audit trigger learns the event of a sign-up. The
 * step runs again harmlessly on a database whose user_version was rewound. */
static const char schema_v9[] =
    "CREATE TABLE IF NOT EXISTS signup ("
    " id INTEGER PRIMARY KEY,"
    " session INTEGER NOT NULL REFERENCES session(id),"
    " person INTEGER NOT NULL REFERENCES person(id),"
    " status TEXT NOT NULL DEFAULT 'registered' CHECK (status IN ('registered','waitlisted',"
    "  'cancelled','checked_in','no_show')),"
    " waitlist_position INTEGER,"
    " created_at INTEGER NOT NULL DEFAULT 0,"
    " checked_in_at INTEGER,"
    " UNIQUE (session, person));"
    "CREATE INDEX IF NOT EXISTS signup_by_person ON signup(person, status);"
    "CREATE INDEX IF NOT EXISTS signup_by_status ON signup(session, status, waitlist_position);"
    "DROP TRIGGER IF EXISTS audit_event;"
    "CREATE TRIGGER audit_event AFTER INSERT ON audit WHEN NEW.event IS NULL BEGIN"
    " UPDATE audit SET event = CASE WHEN NEW.entity = 'signup' THEN (SELECT s.event"
    " FROM signup g JOIN session s ON s.id = g.session WHERE g.id = NEW.entity_id)"
    " ELSE " AUDIT_EVENT("NEW.entity", "NEW.entity_id") " END WHERE id = NEW.id; END;";

/* Version 10: leads, the logins that may use muster and what each may reach
 * (core/lead.c): one role per login, scoped by rows naming an event, a
 * volunteer role or an organization. Indexes find the people a login
 * added itself (its audit entries) and the confidential people (whom a
 * lead without the right does not see). */
static const char schema_v10[] =
    "CREATE TABLE lead ("
    " id INTEGER PRIMARY KEY,"
    " login TEXT NOT NULL CHECK (length(login) > 0),"
    " role TEXT NOT NULL CHECK (role IN ('admin','coordinator','role_lead','org_lead','viewer')),"
    " event INTEGER REFERENCES event(id),"
    " role_id INTEGER REFERENCES role(id),"
    " org INTEGER REFERENCES org(id),"
    " confidential INTEGER NOT NULL DEFAULT 0 CHECK (confidential IN (0, 1)),"
    " created_at INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX lead_by_login ON lead(login);"
    "CREATE INDEX lead_by_event ON lead(event);"
    "CREATE INDEX lead_by_role ON lead(role_id);"
    "CREATE INDEX lead_by_org ON lead(org);"
    "CREATE INDEX audit_by_actor ON audit(actor, entity, action, entity_id);"
    "CREATE INDEX person_confidential ON person(id) WHERE confidential = 1;";

/* Version 11: the mail outbox (mail invite, updates, reminders queue; mail
 * send delivers). One row per message to one person about one iCalendar
 * UID: the whole RFC 5322 message as handed to sendmail, its stable
 * Message-ID, what it says in iTIP terms (method, SEQUENCE, the item's own
 * sequence), and its delivery: queued, sending (claimed by one handoff),
 * sent, failed (after [mail] max_attempts), unknown (its handoff was killed
 * after the claim: never sent again) or superseded (replaced before it left
 * by a newer message about the same UID). event is the event the item
 * belongs to, without a foreign key: a queued message is no part of the
 * event's data (rm and the privacy rules go by the person). itip_sent gets
 * an index by uid, to find what was sent about an event's items. */
static const char schema_v11[] =
    "CREATE TABLE mail_outbox ("
    " id INTEGER PRIMARY KEY,"
    " person INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
    " event INTEGER NOT NULL,"
    " kind TEXT NOT NULL CHECK (kind IN ('invite','update','cancel','reminder')),"
    " item_kind TEXT NOT NULL CHECK (item_kind IN ('event','shift','session')),"
    " item_id INTEGER NOT NULL,"
    " uid TEXT NOT NULL,"
    " method TEXT NOT NULL CHECK (method IN ('REQUEST','CANCEL')),"
    " sequence INTEGER NOT NULL CHECK (sequence >= 0),"
    " item_sequence INTEGER NOT NULL CHECK (item_sequence >= 0),"
    " recipient TEXT NOT NULL,"
    " subject TEXT NOT NULL,"
    " message_id TEXT NOT NULL UNIQUE,"
    " message TEXT NOT NULL,"
    " status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sending','sent',"
    "  'failed','unknown','superseded')),"
    " attempts INTEGER NOT NULL DEFAULT 0,"
    " next_attempt_at INTEGER NOT NULL,"
    " claimed_at INTEGER,"
    " claimed_by INTEGER,"
    " last_error TEXT,"
    " queued_at INTEGER NOT NULL,"
    " sent_at INTEGER);"
    "CREATE INDEX mail_outbox_due ON mail_outbox(status, next_attempt_at, id);"
    "CREATE INDEX mail_outbox_by_person ON mail_outbox(person, uid);"
    "CREATE INDEX mail_outbox_by_event ON mail_outbox(event, id);"
    "CREATE INDEX itip_sent_by_uid ON itip_sent(uid);";

/* Version 12: search that seeks (SPEC section 10). Every name a list's `/`
 * matches is indexed twice by SQLite's FTS5, from the row itself (external
 * content) and kept in step by triggers, so writes by any program, the
 * sqlite3 shell included, are indexed: "_trigram" holds every three
 * characters (a substring of 3 or more characters, any script, case folded
 * by FTS5), "_words" the words with case and diacritics folded (unicode61
 * remove_diacritics 2; "jose" starts "José"), with prefixes of 1 and 2
 * characters kept for short queries. SQLite 3.40's trigram tokenizer has no
 * remove_diacritics (3.45 added it), and a folding function of muster's own
 * in a trigger would fail every write from a program without it. The
 * triggers fire only when an indexed column changes.
 *
 * search_pause: a bulk writer (import people), inside its own transaction,
 * notes the last id of each table there and drops the triggers that index
 * new rows; the others leave alone the rows past that id. Before it
 * commits it indexes those rows in one statement per index, makes the
 * triggers again and removes the pause (db/search_store.c), so no other
 * connection ever sees a pause. With a trigger per row FTS5 wrote its
 * pending terms out at every statement's savepoint, and SQLite kept a
 * statement journal for each row: an import took three times as long. */
/* clang-format off */
#define SEARCH_FTS(t, kind, options)                                                               \
	"CREATE VIRTUAL TABLE " #t "_" kind " USING fts5(" SEARCH_COLS_##t ", content='" #t "',"   \
	" content_rowid='id', columnsize=0, " options ");"                                        \
	"INSERT INTO " #t "_" kind "(" #t "_" kind ") VALUES ('rebuild');"
/* Row r of table t is indexed (no pause, or not past the paused last id). */
#define SEARCH_INDEXED(t, row)                                                                     \
	" WHEN coalesce((SELECT last FROM search_pause WHERE tbl = '" #t "') < " row ".id, 0) = 0"
#define SEARCH_INDEX(t)                                                                            \
	SEARCH_FTS(t, "trigram", "tokenize='trigram'")                                             \
	SEARCH_FTS(t, "words", "tokenize='unicode61 remove_diacritics 2', prefix='1 2'")           \
	SEARCH_ADD_TRIGGER(t)                                                                      \
	"CREATE TRIGGER " #t "_search_rm AFTER DELETE ON " #t SEARCH_INDEXED(t, "OLD") " BEGIN"     \
	SEARCH_DEL(t, "trigram", "OLD") SEARCH_DEL(t, "words", "OLD") " END;"                      \
	"CREATE TRIGGER " #t "_search_set AFTER UPDATE OF id, " SEARCH_COLS_##t " ON " #t          \
	SEARCH_INDEXED(t, "OLD") " BEGIN"                                                          \
	SEARCH_DEL(t, "trigram", "OLD") SEARCH_DEL(t, "words", "OLD")                              \
	SEARCH_ADD(t, "trigram", "NEW") SEARCH_ADD(t, "words", "NEW") " END;"
/* clang-format on */

static const char schema_v12[] = "CREATE TABLE search_pause (tbl TEXT PRIMARY KEY, last INTEGER "
                                 "NOT NULL) WITHOUT ROWID;" SEARCH_TABLES(SEARCH_INDEX);

/* Version 13: undo in the coordinator screen (core/undo.c). audit_step
 * names the session (a random tag of one running TUI) and the step (one
 * write transaction of it) that wrote an entry, and the entry it undid;
 * entries of programs without a session have none. audit_value keeps, for
 * the entries of a session's writes through the entity table, each field's
 * value before and after (as stored: integer, text or NULL); a private
 * field (contact data) is only marked withheld, its values never leave the
 * session's memory. */
static const char schema_v13[] =
    "CREATE TABLE audit_step ("
    " audit INTEGER PRIMARY KEY REFERENCES audit(id) ON DELETE CASCADE,"
    " session TEXT NOT NULL,"
    " step INTEGER NOT NULL,"
    " undoes INTEGER);"
    "CREATE INDEX audit_step_by_session ON audit_step(session, step);"
    "CREATE INDEX audit_step_by_undoes ON audit_step(undoes) WHERE undoes IS NOT NULL;"
    "CREATE TABLE audit_value ("
    " audit INTEGER NOT NULL REFERENCES audit(id) ON DELETE CASCADE,"
    " field TEXT NOT NULL,"
    " before,"
    " after,"
    " withheld INTEGER NOT NULL DEFAULT 0 CHECK (withheld IN (0, 1)),"
    " PRIMARY KEY (audit, field)) WITHOUT ROWID;";
/* Version 14: indexes for `muster check` (db/check_*store.c). The first two
 * cover what it reads of every sign-up and registration of an event, so
 * that its sign-up rules walk them in order without a table lookup per
 * row; the third finds the booths of a label as the rule compares labels
 * (case aside), where booth_by_event could not. */
static const char schema_v14[] =
    "CREATE INDEX signup_by_session ON signup(session, person, status);"
    "CREATE INDEX registration_by_event ON registration(event, person, status, waitlist_position);"
    "CREATE INDEX booth_by_label ON booth(event, label COLLATE NOCASE, starts);";

/* migrations[i] takes a database from user_version i to i + 1; one a
 * line, so that branches appending a step merge cleanly. */
/* clang-format off */
static const char *const migrations[] = {
    schema_v1,
    schema_v2,
    schema_v3,
    schema_v4,
    schema_v5,
    schema_v6,
    schema_v7,
    schema_v8,
    schema_v9,
    schema_v10,
    schema_v11,
    schema_v12,
    schema_v13,
    schema_v14,
};
/* clang-format on */

#define LATEST ((int)ARRAY_LEN(migrations))

int db_schema_latest(void)
{
	return LATEST;
}

static int migrate_step(struct db *db, int from, struct err *e)
{
	char bump[64];
	snprintf(bump, sizeof bump, "PRAGMA user_version = %d", from + 1);
	if (db_begin(db, e) < 0)
		return -1;
	/* Another process may have migrated while we waited for the lock. */
	if (db_schema_version(db) != from) {
		db_rollback(db);
		return 0;
	}
	if (db_exec(db, migrations[from], e) < 0 || db_exec(db, bump, e) < 0) {
		db_rollback(db);
		err_prefix(e, "migrating schema %d to %d", from, from + 1);
		return -1;
	}
	return db_commit(db, e);
}

int db_migrate(struct db *db, struct err *e)
{
	for (;;) {
		int v = db_schema_version(db);
		if (v < 0)
			return db_fail(db, e, "reading schema version");
		if (v > LATEST)
			return err_set(
			    e, ERR_DB,
			    "schema version %d is newer than this muster understands (%d); "
			    "use a newer muster",
			    v, LATEST);
		if (v == LATEST)
			return 0;
		if (migrate_step(db, v, e) < 0)
			return -1;
	}
}
