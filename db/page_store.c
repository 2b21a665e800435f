/* page_store.c - the lists the screens page through, as static SQL: each view
 * names its FROM, its columns, an optional WHERE on :scope, what a search
 * matches, and the sort key and tie-break that an index serves. Pages are
 * fetched with "key >= :k AND (key > :k OR id > :id)" so SQLite seeks
 * straight to the page in the index instead of counting rows off.
 *
 * A search (`/`) seeks too: the rows whose names match come from the FTS5
 * indexes of migration 8 (see db/migrate.c), as a set of ids that the list's
 * query takes with "col IN (...)". What matches a query q:
 *   - q anywhere in the name, case folded in any script, when q has 3
 *     characters or more (the trigram index);
 *   - a run of words that starts with q's words, case and diacritics
 *     folded, whatever q's length ("jose" finds "José", "ng" finds "Nguyễn";
 *     the words index, with the prefixes of 1 and 2 characters kept);
 *   - for people, an email or a volunteer code that begins with q (3
 *     characters or more), through their own unique indexes.
 * Queries shorter than 3 characters therefore match the beginnings of
 * words only: a trigram needs 3, and one letter anywhere would match most
 * names. Two plans give the same rows: when few ids match (under
 * SEEK_MAX), SQLite fetches their rows by id and sorts them; when many do,
 * it walks the list's order and keeps the rows in the set, which fills a
 * page after a short walk. A count, capped at SEEK_MAX, picks the plan
 * (choose_plan). */
#include "page_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/strbuf.h"
#include "../core/xmalloc.h"
#include "db_internal.h"
#include "signup_store.h"
#include "person_sql.h"
#include "status_sql.h"

struct page_col {
	const char *name;
	const char *expr;
};

/* Where a search finds ids: one table's search indexes. */
enum search_src {
	SRC_NONE,
	SRC_PERSON,
	SRC_ORG,
	SRC_EVENT,
	SRC_SKILL,
	SRC_ROOM,
	SRC_SESSION,
	SRC_BOOTH,
	SRC_ROLE,
	SRC_AUDIT
};

/* A column that holds the ids of a source (a row id or a reference). */
struct page_match {
	const char *col;
	enum search_src src;
};

/* The ids of table t whose indexed text matches :tri (the trigram index) or
 * :words (the words index): see the top of the file. An id may come twice:
 * IN (...) keeps a set. */
#define MATCHES(t)                                                                                 \
	"SELECT rowid FROM main." t "_trigram WHERE " t "_trigram MATCH :tri"                      \
	" UNION ALL SELECT rowid FROM main." t "_words WHERE " t "_words MATCH :words"

static const char *const sources[] = {
    [SRC_PERSON] = MATCHES("person") " UNION ALL SELECT id FROM person WHERE email >= :lo AND"
                                     " email < :hi UNION ALL SELECT id FROM person WHERE"
                                     " volunteer_code >= :clo AND volunteer_code < :chi",
    [SRC_ORG] = MATCHES("org"),
    [SRC_EVENT] = MATCHES("event"),
    [SRC_SKILL] = MATCHES("skill"),
    [SRC_ROOM] = MATCHES("room"),
    [SRC_SESSION] = MATCHES("session"),
    [SRC_BOOTH] = MATCHES("booth"),
    [SRC_ROLE] = MATCHES("role"),
    [SRC_AUDIT] = MATCHES("audit"),
};

/* Below this many matching ids a search fetches the rows by id and sorts
 * them; from it on, it walks the list's order (see the top of the file). */
#define SEEK_MAX 4000

struct page_view {
	const char *name;
	const char *from;
	const struct page_col *cols;
	size_t ncols;
	const char *where; /* may use :scope; NULL = none */
	/* what a search matches: "col IN (ids the source matched)", OR'ed */
	struct page_match search[3];
	/* and what it matches with LIKE :q (bound as %text%), for the text no
	 * search index holds yet (notes, the mail outbox); NULL = none */
	const char *like;
	const char *key;  /* sort key expression */
	const char *id;   /* unique tie-break expression */
	const char *row;  /* the entity row id the list shows */
	bool desc;        /* newest first */
	const char *flag; /* rows page_store_count counts apart; NULL = none */
};

/* Assignments that hold a place on a shift. */
#define FILLED                                                                                     \
	"(SELECT count(*) FROM assignment WHERE assignment.shift = shift.id"                       \
	" AND assignment.status IN " ASSIGNMENT_ACTIVE_SQL ")"
#define LIKE(x) x " LIKE :q ESCAPE '\\'"
/* Where a shift is, as its list shows it (and / searches it): a room or
 * booth, else what its notes say. */
#define SHIFT_WHERE "coalesce(room.name, booth.label, shift.notes)"
/* A shift with its role, room and booth; a search finds it by any of the three. */
#define SHIFT_FROM                                                                                 \
	"shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"           \
	" LEFT JOIN booth ON booth.id = shift.booth"
/* clang-format off */
#define SHIFT_SEARCH                                                                               \
	{{.col = "shift.role", .src = SRC_ROLE},                                                   \
	 {.col = "shift.room", .src = SRC_ROOM},                                                   \
	 {.col = "shift.booth", .src = SRC_BOOTH}}
/* clang-format on */
/* An event's people, person first: the name index drives the order and
 * their registrations are probed. */
#define REGISTRATION_FROM "person CROSS JOIN registration ON registration.person = person.id"
/* The notes a shift's / matches: where it has no room or booth (their
 * names come from the search indexes). */
#define SHIFT_NOTES_LIKE "(room.name IS NULL AND booth.label IS NULL AND " LIKE("shift.notes") ")"
/* An open shift below its need_min. */
#define SHORT "(shift.status = 'open' AND " FILLED " < shift.need_min)"
/* A session's sign-ups: seated, waiting, and its seats. */
#define SEATED                                                                                     \
	"(SELECT count(*) FROM signup WHERE signup.session = session.id"                           \
	" AND signup.status IN " SIGNUP_SEATED_SQL ")"
#define WAITING                                                                                    \
	"(SELECT count(*) FROM signup WHERE signup.session = session.id"                           \
	" AND signup.status = " SIGNUP_WAITLISTED_SQL ")"
#define SEATS SIGNUP_SEATS_SQL("session.capacity", "coalesce(room.capacity, 0)")

/* What a list of people needs to show one: the person's id (to open it),
 * whether the name is confidential, and how to tell namesakes apart. */
/* clang-format off */
#define PERSON_SHOWN                                                                               \
	{.name = "person", .expr = "person.id"},                                                   \
	{.name = "confidential", .expr = "person.confidential"},                                   \
	{.name = "tell", .expr = PERSON_TELL("person")}
/* clang-format on */

static const struct page_col event_cols[] = {
    {.name = "name", .expr = "event.name"},
    {.name = "starts", .expr = "event.starts"},
    {.name = "ends", .expr = "event.ends"},
    {.name = "tz", .expr = "event.tz"},
    {.name = "status", .expr = "event.status"},
    {.name = "venue", .expr = "event.venue"},
    {.name = "registered",
     .expr = "(SELECT count(*) FROM registration WHERE registration.event = event.id"
             " AND registration.status IN " REGISTRATION_ATTENDING_SQL ")"},
};

static const struct page_col org_cols[] = {
    {.name = "name", .expr = "org.name"},
    {.name = "sector", .expr = "org.sector"},
    {.name = "contact_name", .expr = "org.contact_name"},
    {.name = "email", .expr = "org.email"},
    {.name = "phone", .expr = "org.phone"},
    {.name = "website", .expr = "org.website"},
    {.name = "booths", .expr = "(SELECT count(*) FROM booth WHERE booth.org = org.id)"},
};

static const struct page_col person_cols[] = {
    {.name = "name", .expr = "person.name"},
    {.name = "email", .expr = "person.email"},
    {.name = "phone", .expr = "person.phone"},
    {.name = "org", .expr = "org.name"},
    {.name = "code", .expr = "person.volunteer_code"},
    {.name = "confidential", .expr = "person.confidential"},
    {.name = "tell", .expr = PERSON_TELL("person")},
};

static const struct page_col skill_cols[] = {
    {.name = "name", .expr = "skill.name"},
    {.name = "holders",
     .expr = "(SELECT count(*) FROM person_skill WHERE person_skill.skill = skill.id)"},
};

static const struct page_col room_cols[] = {
    {.name = "name", .expr = "room.name"},
    {.name = "capacity", .expr = "room.capacity"},
    {.name = "kind", .expr = "room.kind"},
    {.name = "sessions", .expr = "(SELECT count(*) FROM session WHERE session.room = room.id)"},
};

static const struct page_col session_cols[] = {
    {.name = "room_id", .expr = "session.room"},
    {.name = "title", .expr = "session.title"},
    {.name = "starts", .expr = "session.starts"},
    {.name = "ends", .expr = "session.ends"},
    {.name = "room", .expr = "room.name"},
    {.name = "kind", .expr = "session.kind"},
    {.name = "status", .expr = "session.status"},
    {.name = "capacity", .expr = "session.capacity"},
    {.name = "speakers",
     .expr = "(SELECT group_concat(person.name, ', ') FROM speaker"
             " JOIN person ON person.id = speaker.person WHERE speaker.session = session.id)"},
    /* "37/40", "40/40+3" (three waiting), "12" (no limit), "" (no limit, nobody) */
    {.name = "fill",
     .expr = "CASE WHEN " SEATS " > 0 THEN " SEATED " || '/' || " SEATS " ELSE nullif(" SEATED
             ", 0) END || CASE WHEN " WAITING " > 0 THEN '+' || " WAITING " ELSE '' END"},
};

static const struct page_col booth_cols[] = {
    {.name = "label", .expr = "booth.label"},   {.name = "org", .expr = "org.name"},
    {.name = "sector", .expr = "org.sector"},   {.name = "room", .expr = "room.name"},
    {.name = "starts", .expr = "booth.starts"}, {.name = "ends", .expr = "booth.ends"},
};

static const struct page_col registration_cols[] = {
    {.name = "name", .expr = "person.name"},
    {.name = "kind", .expr = "registration.kind"},
    {.name = "status", .expr = "registration.status"},
    {.name = "waitlist", .expr = "registration.waitlist_position"},
    {.name = "checked_in_at", .expr = "registration.checked_in_at"},
    PERSON_SHOWN,
};

static const struct page_col role_cols[] = {
    {.name = "name", .expr = "role.name"},
    {.name = "skill", .expr = "skill.name"},
    {.name = "min_age", .expr = "role.min_age"},
    {.name = "lead", .expr = "lead.name"},
    {.name = "shifts", .expr = "(SELECT count(*) FROM shift WHERE shift.role = role.id)"},
    {.name = "description", .expr = "role.description"},
};

static const struct page_col shift_cols[] = {
    {.name = "role", .expr = "role.name"},
    {.name = "starts", .expr = "shift.starts"},
    {.name = "ends", .expr = "shift.ends"},
    {.name = "place", .expr = "coalesce(room.name, booth.label)"},
    {.name = "need_min", .expr = "shift.need_min"},
    {.name = "need_max", .expr = "shift.need_max"},
    {.name = "filled", .expr = FILLED},
    {.name = "event", .expr = "shift.event"},
    {.name = "status", .expr = "shift.status"},
    {.name = "notes", .expr = "shift.notes"},
    /* a room or booth, else what the notes say (the 40 "Registration
     * counter N" shifts of a summit differ only there) */
    {.name = "where", .expr = SHIFT_WHERE},
};

static const struct page_col assignment_cols[] = {
    {.name = "name", .expr = "person.name"},
    {.name = "status", .expr = "assignment.status"},
    {.name = "source", .expr = "assignment.source"},
    {.name = "checked_in_at", .expr = "assignment.checked_in_at"},
    {.name = "checked_out_at", .expr = "assignment.checked_out_at"},
    {.name = "phone", .expr = "person.phone"},
    {.name = "person", .expr = "person.id"},
    {.name = "tell", .expr = PERSON_TELL("person")},
};

static const struct page_col person_skill_cols[] = {
    {.name = "skill", .expr = "skill.name"},
    {.name = "expires", .expr = "person_skill.expires"},
};

static const struct page_col availability_cols[] = {
    {.name = "event", .expr = "event.name"},
    {.name = "starts", .expr = "availability.starts"},
    {.name = "ends", .expr = "availability.ends"},
    {.name = "tz", .expr = "event.tz"},
};

static const struct page_col person_shift_cols[] = {
    {.name = "role", .expr = "role.name"},           {.name = "starts", .expr = "shift.starts"},
    {.name = "ends", .expr = "shift.ends"},          {.name = "event", .expr = "event.name"},
    {.name = "status", .expr = "assignment.status"}, {.name = "tz", .expr = "event.tz"},
    {.name = "shift", .expr = "shift.id"},
};

static const struct page_col speaker_cols[] = {
    {.name = "name", .expr = "person.name"},
    {.name = "role", .expr = "speaker.role"},
    PERSON_SHOWN,
};

static const struct page_col signup_cols[] = {
    {.name = "name", .expr = "person.name"},
    {.name = "status", .expr = "signup.status"},
    {.name = "waitlist", .expr = "signup.waitlist_position"},
    {.name = "checked_in_at", .expr = "signup.checked_in_at"},
    PERSON_SHOWN,
};

static const struct page_col person_signup_cols[] = {
    {.name = "title", .expr = "session.title"},
    {.name = "starts", .expr = "session.starts"},
    {.name = "ends", .expr = "session.ends"},
    {.name = "event", .expr = "event.name"},
    {.name = "status", .expr = "signup.status"},
    {.name = "waitlist", .expr = "signup.waitlist_position"},
    {.name = "tz", .expr = "event.tz"},
    {.name = "session", .expr = "session.id"},
};

static const struct page_col audit_cols[] = {
    {.name = "at", .expr = "audit.at"},
    {.name = "actor", .expr = "audit.actor"},
    {.name = "action", .expr = "audit.action"},
    {.name = "entity", .expr = "audit.entity"},
    {.name = "entity_id", .expr = "audit.entity_id"},
    {.name = "summary", .expr = "audit.summary"},
};

/* The mail outbox, newest first (messages superseded before they left are
 * not shown). */
static const struct page_col outbox_cols[] = {
    {.name = "id", .expr = "mail_outbox.id"},
    {.name = "status", .expr = "mail_outbox.status"},
    {.name = "kind", .expr = "mail_outbox.kind"},
    {.name = "subject", .expr = "mail_outbox.subject"},
    {.name = "name",
     .expr = "(SELECT person.name FROM person WHERE person.id = mail_outbox.person)"},
    {.name = "confidential",
     .expr = "(SELECT person.confidential FROM person WHERE person.id = mail_outbox.person)"},
    {.name = "attempts", .expr = "mail_outbox.attempts"},
    {.name = "person", .expr = "mail_outbox.person"},
};
#define OUTBOX_SEARCH                                                                              \
	"(" LIKE("mail_outbox.subject") " OR " LIKE("mail_outbox.recipient") " OR " LIKE(          \
	    "mail_outbox.status") ")"

/* The columns of a view and their count. */
#define COLS(c) .cols = c, .ncols = ARRAY_LEN(c)

static const struct page_view views[] = {
    {
        .name = "events",
        .from = "event",
        COLS(event_cols),
        .search = {{.col = "event.id", .src = SRC_EVENT}},
        .key = "event.starts",
        .id = "event.id",
        .row = "event.id",
    },
    {
        .name = "orgs",
        .from = "org",
        COLS(org_cols),
        .search = {{.col = "org.id", .src = SRC_ORG}},
        .key = "org.name",
        .id = "org.id",
        .row = "org.id",
    },
    {
        .name = "people",
        .from = "person LEFT JOIN org ON org.id = person.org",
        COLS(person_cols),
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "person.name COLLATE NOCASE",
        .id = "person.id",
        .row = "person.id",
    },
    {
        .name = "skills",
        .from = "skill",
        COLS(skill_cols),
        .search = {{.col = "skill.id", .src = SRC_SKILL}},
        .key = "skill.name",
        .id = "skill.id",
        .row = "skill.id",
    },
    {
        .name = "rooms",
        .from = "room",
        COLS(room_cols),
        .where = "room.event = :scope",
        .search = {{.col = "room.id", .src = SRC_ROOM}},
        .key = "room.name",
        .id = "room.id",
        .row = "room.id",
    },
    {
        .name = "sessions",
        .from = "session LEFT JOIN room ON room.id = session.room",
        COLS(session_cols),
        .where = "session.event = :scope",
        .search = {{.col = "session.id", .src = SRC_SESSION},
                   {.col = "session.room", .src = SRC_ROOM}},
        .key = "session.starts",
        .id = "session.id",
        .row = "session.id",
    },
    /* the sessions overlapping a time window, for the timetable */
    {
        .name = "agenda",
        .from = "session LEFT JOIN room ON room.id = session.room",
        COLS(session_cols),
        .where = "session.event = :scope AND session.starts < :to AND session.ends > :from",
        .search = {{.col = "session.id", .src = SRC_SESSION}},
        .key = "session.starts",
        .id = "session.id",
        .row = "session.id",
    },
    {
        .name = "booths",
        .from = "booth JOIN org ON org.id = booth.org LEFT JOIN room ON room.id = booth.room",
        COLS(booth_cols),
        .where = "booth.event = :scope",
        .search = {{.col = "booth.id", .src = SRC_BOOTH}, {.col = "booth.org", .src = SRC_ORG}},
        .key = "booth.label",
        .id = "booth.id",
        .row = "booth.id",
    },
    {
        .name = "registrations",
        .from = REGISTRATION_FROM,
        COLS(registration_cols),
        .where = "registration.event = :scope",
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "person.name COLLATE NOCASE",
        .id = "person.id",
        .row = "registration.id",
    },
    /* who may be asked to take a shift: the event's volunteers and staff */
    {
        .name = "volunteers",
        .from = REGISTRATION_FROM,
        COLS(registration_cols),
        .where = "registration.event = :scope AND registration.kind IN " REGISTRATION_CREW_KINDS_SQL
                 " AND registration.status != 'cancelled'",
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "person.name COLLATE NOCASE",
        .id = "person.id",
        .row = "registration.id",
    },
    {
        .name = "waitlist",
        .from = "registration JOIN person ON person.id = registration.person",
        COLS(registration_cols),
        .where =
            "registration.event = :scope AND registration.status = " REGISTRATION_WAITLISTED_SQL,
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "ifnull(registration.waitlist_position, 0)",
        .id = "registration.id",
        .row = "registration.id",
    },
    {
        .name = "roles",
        .from =
            "role LEFT JOIN skill ON skill.id = role.skill LEFT JOIN person AS lead ON lead.id = "
            "role.lead",
        COLS(role_cols),
        .where = "role.event = :scope",
        .search = {{.col = "role.id", .src = SRC_ROLE}},
        .key = "role.name",
        .id = "role.id",
        .row = "role.id",
    },
    {
        .name = "shifts",
        .from = SHIFT_FROM,
        COLS(shift_cols),
        .where = "shift.event = :scope",
        .search = SHIFT_SEARCH,
        .like = SHIFT_NOTES_LIKE,
        .key = "shift.starts",
        .id = "shift.id",
        .row = "shift.id",
        .flag = SHORT,
    },
    {
        .name = "shifts_under",
        .from = SHIFT_FROM,
        COLS(shift_cols),
        .where = "shift.event = :scope AND shift.status = 'open' AND " FILLED " < shift.need_min",
        .search = SHIFT_SEARCH,
        .like = SHIFT_NOTES_LIKE,
        .key = "shift.starts",
        .id = "shift.id",
        .row = "shift.id",
        .flag = SHORT,
    },
    {
        .name = "shift",
        .from = SHIFT_FROM,
        COLS(shift_cols),
        .where = "shift.id = :scope",
        .key = "shift.id",
        .id = "shift.id",
        .row = "shift.id",
    },
    {
        .name = "assignments",
        .from = "assignment JOIN person ON person.id = assignment.person",
        COLS(assignment_cols),
        .where = "assignment.shift = :scope",
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "person.name COLLATE NOCASE",
        .id = "assignment.id",
        .row = "assignment.id",
    },
    /* what one person holds, can do and does */
    {
        .name = "person_skills",
        .from = "person_skill JOIN skill ON skill.id = person_skill.skill",
        COLS(person_skill_cols),
        .where = "person_skill.person = :scope",
        .search = {{.col = "person_skill.skill", .src = SRC_SKILL}},
        .key = "skill.name",
        .id = "person_skill.id",
        .row = "person_skill.id",
    },
    {
        .name = "person_availability",
        .from = "availability JOIN event ON event.id = availability.event",
        COLS(availability_cols),
        .where = "availability.person = :scope",
        .search = {{.col = "availability.event", .src = SRC_EVENT}},
        .key = "availability.starts",
        .id = "availability.id",
        .row = "availability.id",
    },
    {
        .name = "person_shifts",
        .from =
            "assignment JOIN shift ON shift.id = assignment.shift JOIN role ON role.id = shift.role"
            " JOIN event ON event.id = shift.event",
        COLS(person_shift_cols),
        .where = "assignment.person = :scope",
        .search = {{.col = "shift.role", .src = SRC_ROLE},
                   {.col = "shift.event", .src = SRC_EVENT}},
        .key = "shift.starts",
        .id = "assignment.id",
        .row = "assignment.id",
    },
    /* the people on one session */
    {
        .name = "speakers",
        .from = "speaker JOIN person ON person.id = speaker.person",
        COLS(speaker_cols),
        .where = "speaker.session = :scope",
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "person.name COLLATE NOCASE",
        .id = "speaker.id",
        .row = "speaker.id",
    },
    /* a session's sign-ups: the seated (by name), then the waitlist in order */
    {
        .name = "signups",
        .from = "signup JOIN person ON person.id = signup.person",
        COLS(signup_cols),
        .where = "signup.session = :scope AND signup.status IN " SIGNUP_ACTIVE_SQL,
        .search = {{.col = "person.id", .src = SRC_PERSON}},
        .key = "ifnull(signup.waitlist_position, 0)",
        .id = "signup.id",
        .row = "signup.id",
    },
    /* the sessions one person signed up for */
    {
        .name = "person_signups",
        .from = "signup JOIN session ON session.id = signup.session"
                " JOIN event ON event.id = session.event",
        COLS(person_signup_cols),
        .where = "signup.person = :scope",
        .search = {{.col = "signup.session", .src = SRC_SESSION},
                   {.col = "session.event", .src = SRC_EVENT}},
        .key = "session.starts",
        .id = "signup.id",
        .row = "signup.id",
    },
    {
        .name = "audit",
        .from = "audit",
        COLS(audit_cols),
        .search = {{.col = "audit.id", .src = SRC_AUDIT}},
        .key = "audit.id",
        .id = "audit.id",
        .row = "audit.id",
        .desc = true,
    },
    {
        .name = "outbox",
        .from = "mail_outbox",
        COLS(outbox_cols),
        .where = "mail_outbox.status <> 'superseded'",
        .like = OUTBOX_SEARCH,
        .key = "mail_outbox.id",
        .id = "mail_outbox.id",
        .row = "mail_outbox.id",
        .desc = true,
    },
    {
        .name = "outbox_event",
        .from = "mail_outbox",
        COLS(outbox_cols),
        .where = "mail_outbox.event = :scope AND mail_outbox.status <> 'superseded'",
        .like = OUTBOX_SEARCH,
        .key = "mail_outbox.id",
        .id = "mail_outbox.id",
        .row = "mail_outbox.id",
        .desc = true,
    },
    /* an event's entries: audit.event is filled as they are written (migration 3) */
    {
        .name = "audit_event",
        .from = "audit",
        COLS(audit_cols),
        .where = "audit.event = :scope",
        .search = {{.col = "audit.id", .src = SRC_AUDIT}},
        .key = "audit.id",
        .id = "audit.id",
        .row = "audit.id",
        .desc = true,
    },
};

const struct page_view *page_store_view(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(views); i++)
		if (strcmp(views[i].name, name) == 0)
			return &views[i];
	return NULL;
}

const char *page_store_view_name(size_t i)
{
	return i < ARRAY_LEN(views) ? views[i].name : NULL;
}

int page_store_col(const struct page_view *v, const char *name)
{
	for (size_t i = 0; i < v->ncols; i++)
		if (strcmp(v->cols[i].name, name) == 0)
			return (int)i;
	return -1;
}

size_t page_store_ncols(const struct page_view *v)
{
	return v->ncols;
}

static bool searching(const struct page_view *v, const struct page_req *r)
{
	return r->search && r->search[0] && (v->search[0].col || v->like);
}

/* (col IN (ids) OR ...); walking, "+col" so that no index serves the IN and
 * SQLite keeps to the list's order. */
static void add_search(struct strbuf *b, const struct page_view *v, bool walk)
{
	size_t i = 0;
	strbuf_add(b, "(");
	for (; i < ARRAY_LEN(v->search) && v->search[i].col; i++) {
		strbuf_add(b, i ? " OR " : "");
		strbuf_add(b, walk ? "+" : "");
		strbuf_add(b, v->search[i].col);
		strbuf_add(b, " IN (");
		strbuf_add(b, sources[v->search[i].src]);
		strbuf_add(b, ")");
	}
	if (v->like) {
		strbuf_add(b, i ? " OR " : "");
		strbuf_add(b, v->like);
	}
	strbuf_add(b, ")");
}

/* " FROM ... WHERE ..." with the scope and the search; *sep what joins the
 * next condition. */
static void add_from(struct strbuf *b, const struct page_view *v, const struct page_req *r,
                     const char **sep)
{
	*sep = " WHERE ";
	strbuf_add(b, " FROM ");
	strbuf_add(b, v->from);
	if (v->where) {
		strbuf_add(b, *sep);
		strbuf_add(b, v->where);
		*sep = " AND ";
	}
	if (searching(v, r)) {
		strbuf_add(b, *sep);
		add_search(b, v, r->plan == PAGE_PLAN_WALK);
		*sep = " AND ";
	}
}

/* How many rows the request's scope and search hold, and how many of them
 * the view flags. */
static char *rows_count_sql(const struct page_view *v, const struct page_req *r)
{
	struct strbuf b = {0};
	const char *sep;
	strbuf_add(&b, "SELECT count(*), ");
	strbuf_add(&b, v->flag ? "total(" : "0");
	if (v->flag) {
		strbuf_add(&b, v->flag);
		strbuf_add(&b, ")");
	}
	add_from(&b, v, r, &sep);
	return strbuf_take(&b);
}

char *page_store_sql(const struct page_view *v, const struct page_req *r)
{
	/* forward over an ascending view, or backward over a descending one */
	bool up = v->desc == r->backward;
	const char *gt = up ? " > " : " < ";
	const char *ge = up ? " >= " : " <= ";
	struct strbuf b = {0};
	const char *sep;
	strbuf_add(&b, "SELECT ");
	strbuf_add(&b, v->key);
	strbuf_add(&b, ", ");
	strbuf_add(&b, v->id);
	strbuf_add(&b, ", ");
	strbuf_add(&b, v->row);
	for (size_t i = 0; i < v->ncols; i++) {
		strbuf_add(&b, ", ");
		strbuf_add(&b, v->cols[i].expr);
	}
	add_from(&b, v, r, &sep);
	if (r->has_after) {
		strbuf_add(&b, sep);
		strbuf_add(&b, v->key);
		strbuf_add(&b, ge);
		strbuf_add(&b, ":k AND (");
		strbuf_add(&b, v->key);
		strbuf_add(&b, gt);
		strbuf_add(&b, ":k OR ");
		strbuf_add(&b, v->id);
		strbuf_add(&b, r->inclusive ? ge : gt);
		strbuf_add(&b, ":id)");
	}
	strbuf_add(&b, " ORDER BY ");
	strbuf_add(&b, v->key);
	strbuf_add(&b, up ? ", " : " DESC, ");
	strbuf_add(&b, v->id);
	strbuf_add(&b, up ? "" : " DESC");
	strbuf_add(&b, " LIMIT :limit");
	return strbuf_take(&b);
}

/* How many ids the search's sources give, counted up to SEEK_MAX: the
 * sources stream, so this stops early where the set would not. */
static char *ids_count_sql(const struct page_view *v)
{
	struct strbuf b = {0};
	strbuf_add(&b, "SELECT count(*) FROM (");
	for (size_t i = 0; i < ARRAY_LEN(v->search) && v->search[i].col; i++) {
		strbuf_add(&b, i ? " UNION ALL " : "");
		strbuf_add(&b, sources[v->search[i].src]);
	}
	strbuf_addf(&b, " LIMIT %d)", SEEK_MAX);
	return strbuf_take(&b);
}

static void bind_named(sqlite3_stmt *st, const char *name, const struct db_value *v)
{
	int at = sqlite3_bind_parameter_index(st, name);
	if (at == 0)
		return;
	if (v->kind == DBV_INT)
		sqlite3_bind_int64(st, at, v->i);
	else if (v->kind == DBV_TEXT)
		sqlite3_bind_text(st, at, v->s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, at);
}

static void bind_text_named(sqlite3_stmt *st, const char *name, const char *text)
{
	struct db_value v = db_text(text);
	bind_named(st, name, &v);
}

/* The text as one FTS5 string ("..." with " doubled), then tail. */
static char *fts_string(const char *text, const char *tail)
{
	char *out = xmalloc(2 * strlen(text) + strlen(tail) + 3), *o = out;
	*o++ = '"';
	for (const char *s = text; *s; s++) {
		if (*s == '"')
			*o++ = '"';
		*o++ = *s;
	}
	*o++ = '"';
	strcpy(o, tail);
	return out;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* A prefix range [*lo, *hi) for text, ASCII letters folded to lower (or
 * upper) case as the column compares them: hi is lo with its last byte one
 * higher. */
static void prefix_range(const char *text, bool upper, char **lo, char **hi)
{
	*lo = xstrdup(text);
	for (char *s = *lo; *s; s++)
		if (*s >= (upper ? 'a' : 'A') && *s <= (upper ? 'z' : 'Z'))
			*s = (char)(*s ^ 0x20);
	*hi = xstrdup(*lo);
	size_t n = strlen(*hi);
	(*hi)[n - 1] = (char)((unsigned char)(*hi)[n - 1] + 1);
}

/* "%text%" with LIKE's wildcards in text escaped. */
static char *like_pattern(const char *text)
{
	size_t n = strlen(text);
	char *p = xmalloc(2 * n + 3), *o = p;
	*o++ = '%';
	for (const char *s = text; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			*o++ = '\\';
		*o++ = *s;
	}
	*o++ = '%';
	*o = '\0';
	return p;
}

/* The search's parameters (see the top of the file); :q for a LIKE. */
static void bind_search(sqlite3_stmt *st, const char *text, bool like)
{
	if (like) {
		char *q = like_pattern(text);
		bind_text_named(st, ":q", q);
		free(q);
	}
	bool long_enough = utf8_chars(text) >= 3;
	char *tri = fts_string(long_enough ? text : "", "");
	char *words = fts_string(text, "*");
	char *lo = NULL, *hi = NULL, *clo = NULL, *chi = NULL;
	if (long_enough) {
		prefix_range(text, false, &lo, &hi);
		prefix_range(text, true, &clo, &chi);
	}
	bind_text_named(st, ":tri", tri);
	bind_text_named(st, ":words", words);
	bind_text_named(st, ":lo", lo);
	bind_text_named(st, ":hi", hi);
	bind_text_named(st, ":clo", clo);
	bind_text_named(st, ":chi", chi);
	free(tri);
	free(words);
	free(lo);
	free(hi);
	free(clo);
	free(chi);
}

/* Prepare sql (with prefix before it, e.g. EXPLAIN QUERY PLAN) and bind what
 * the request gives. */
static int prepare_sql(struct db *db, const struct page_view *v, const struct page_req *r,
                       const char *prefix, char *sql, sqlite3_stmt **st, struct err *e)
{
	char *full = prefix ? xasprintf("%s%s", prefix, sql) : sql;
	int ret = db_acquire(db, full, st, e);
	if (full != sql)
		free(full);
	free(sql);
	if (ret < 0)
		return -1;
	struct db_value scope = db_int(r->scope), id = db_int(r->after_id),
	                limit = db_int(r->limit > 0 ? r->limit : -1), from = db_int(r->from),
	                to = db_int(r->to);
	bind_named(*st, ":scope", &scope);
	bind_named(*st, ":k", &r->after_key);
	bind_named(*st, ":id", &id);
	bind_named(*st, ":limit", &limit);
	bind_named(*st, ":from", &from);
	bind_named(*st, ":to", &to);
	if (searching(v, r))
		bind_search(*st, r->search, v->like != NULL);
	return 0;
}

/* The plan a search takes, in req; *none when no id matches at all (the
 * list is then empty without asking). */
static int choose_plan(struct db *db, const struct page_view *v, struct page_req *req, bool *none,
                       struct err *e)
{
	*none = false;
	if (!searching(v, req) || req->plan != PAGE_PLAN_AUTO || !v->search[0].col)
		return 0;
	sqlite3_stmt *st;
	if (prepare_sql(db, v, req, NULL, ids_count_sql(v), &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	int64_t n = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	int ret = rc == SQLITE_ROW ? 0 : db_fail(db, e, v->name);
	db_release(db, st);
	*none = ret == 0 && n == 0 && !v->like; /* LIKE may still match */
	req->plan = n >= SEEK_MAX ? PAGE_PLAN_WALK : PAGE_PLAN_SEEK;
	return ret;
}

static int prepare_req(struct db *db, const struct page_view *v, struct page_req *req,
                       const char *prefix, bool *none, sqlite3_stmt **st, struct err *e)
{
	if (choose_plan(db, v, req, none, e) < 0)
		return -1;
	return prepare_sql(db, v, req, prefix, page_store_sql(v, req), st, e);
}

int page_store_count(struct db *db, const struct page_view *v, const struct page_req *r,
                     int64_t *rows, int64_t *flagged, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_sql(db, v, r, NULL, rows_count_sql(v, r), &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		*rows = db_column_int64(st, 0);
		*flagged = db_column_int64(st, 1);
	} else {
		ret = db_fail(db, e, v->name);
	}
	db_release(db, st);
	return ret;
}

/* A page's columns: the sort key, the tie-break, the row shown, then the
 * view's own columns in order. */
enum page_row_col { PG_KEY, PG_ID, PG_ROW, PG_VIEW_COLS };

int page_store_fetch(struct db *db, const struct page_view *v, const struct page_req *r,
                     page_row_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	struct page_req req = *r;
	bool none;
	if (prepare_req(db, v, &req, NULL, &none, &st, e) < 0)
		return -1;
	if (none) { /* nothing matches: no need to walk the list */
		db_release(db, st);
		return 0;
	}
	struct db_value cols[32];
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct page_row row = {.key = db_column_value(st, PG_KEY, 0),
		                       .id = db_column_int64(st, PG_ID),
		                       .row = db_column_int64(st, PG_ROW),
		                       .cols = cols,
		                       .ncols = v->ncols};
		for (size_t i = 0; i < v->ncols && i < ARRAY_LEN(cols); i++)
			cols[i] = db_column_value(st, PG_VIEW_COLS + (int)i, 0);
		if (fn(arg, &row))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_fail(db, e, v->name);
	db_release(db, st);
	return ret;
}

char *page_store_plan(struct db *db, const struct page_view *v, const struct page_req *r,
                      struct err *e)
{
	sqlite3_stmt *st;
	struct page_req req = *r;
	bool none;
	if (prepare_req(db, v, &req, "EXPLAIN QUERY PLAN ", &none, &st, e) < 0)
		return NULL;
	struct strbuf b = {0};
	strbuf_add(&b, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		strbuf_add(&b, db_column_text(st, DB_PLAN_DETAIL));
		strbuf_add(&b, "\n");
	}
	db_release(db, st);
	return strbuf_take(&b);
}
