/* page_store.c - the lists the screens page through, as static SQL: each view
 * names its FROM, its columns, an optional WHERE on :scope, a search on :q,
 * and the sort key and tie-break that an index serves. Pages are fetched
 * with "key >= :k AND (key > :k OR id > :id)" so SQLite seeks straight to the
 * page in the index instead of counting rows off. */
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

struct page_view {
	const char *name;
	const char *from;
	const struct page_col *cols;
	size_t ncols;
	const char *where;  /* may use :scope; NULL = none */
	const char *search; /* may use :q (bound as %text%); NULL = no search */
	const char *key;    /* sort key expression */
	const char *id;     /* unique tie-break expression */
	const char *row;    /* the entity row id the list shows */
	bool desc;          /* newest first */
	const char *flag;   /* rows page_store_count counts apart; NULL = none */
};

/* Assignments that hold a place on a shift. */
#define FILLED                                                                                     \
	"(SELECT count(*) FROM assignment WHERE assignment.shift = shift.id"                       \
	" AND assignment.status IN " ASSIGNMENT_ACTIVE_SQL ")"
#define LIKE(x) x " LIKE :q ESCAPE '\\'"
/* Where a shift is, as its list shows it (and / searches it): a room or
 * booth, else what its notes say. */
#define SHIFT_WHERE "coalesce(room.name, booth.label, shift.notes)"
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

static const struct page_col event_cols[] = {
    {"name", "event.name"},
    {"starts", "event.starts"},
    {"ends", "event.ends"},
    {"tz", "event.tz"},
    {"status", "event.status"},
    {"venue", "event.venue"},
    {"registered", "(SELECT count(*) FROM registration WHERE registration.event = event.id"
                   " AND registration.status IN " REGISTRATION_ATTENDING_SQL ")"},
};

static const struct page_col org_cols[] = {
    {"name", "org.name"},
    {"sector", "org.sector"},
    {"contact_name", "org.contact_name"},
    {"email", "org.email"},
    {"phone", "org.phone"},
    {"website", "org.website"},
    {"booths", "(SELECT count(*) FROM booth WHERE booth.org = org.id)"},
};

static const struct page_col person_cols[] = {
    {"name", "person.name"},           {"email", "person.email"},
    {"phone", "person.phone"},         {"org", "org.name"},
    {"code", "person.volunteer_code"}, {"confidential", "person.confidential"},
    {"tell", PERSON_TELL("person")},
};

static const struct page_col skill_cols[] = {
    {"name", "skill.name"},
    {"holders", "(SELECT count(*) FROM person_skill WHERE person_skill.skill = skill.id)"},
};

static const struct page_col room_cols[] = {
    {"name", "room.name"},
    {"capacity", "room.capacity"},
    {"kind", "room.kind"},
    {"sessions", "(SELECT count(*) FROM session WHERE session.room = room.id)"},
};

static const struct page_col session_cols[] = {
    {"room_id", "session.room"},
    {"title", "session.title"},
    {"starts", "session.starts"},
    {"ends", "session.ends"},
    {"room", "room.name"},
    {"kind", "session.kind"},
    {"status", "session.status"},
    {"capacity", "session.capacity"},
    {"speakers", "(SELECT group_concat(person.name, ', ') FROM speaker"
                 " JOIN person ON person.id = speaker.person WHERE speaker.session = session.id)"},
    /* "37/40", "40/40+3" (three waiting), "12" (no limit), "" (no limit, nobody) */
    {"fill", "CASE WHEN " SEATS " > 0 THEN " SEATED " || '/' || " SEATS " ELSE nullif(" SEATED
             ", 0) END || CASE WHEN " WAITING " > 0 THEN '+' || " WAITING " ELSE '' END"},
};

static const struct page_col booth_cols[] = {
    {"label", "booth.label"}, {"org", "org.name"},        {"sector", "org.sector"},
    {"room", "room.name"},    {"starts", "booth.starts"}, {"ends", "booth.ends"},
};

static const struct page_col registration_cols[] = {
    {"name", "person.name"},
    {"kind", "registration.kind"},
    {"status", "registration.status"},
    {"waitlist", "registration.waitlist_position"},
    {"checked_in_at", "registration.checked_in_at"},
    {"person", "person.id"},
    {"confidential", "person.confidential"},
    {"tell", PERSON_TELL("person")},
};

static const struct page_col role_cols[] = {
    {"name", "role.name"},
    {"skill", "skill.name"},
    {"min_age", "role.min_age"},
    {"lead", "lead.name"},
    {"shifts", "(SELECT count(*) FROM shift WHERE shift.role = role.id)"},
    {"description", "role.description"},
};

static const struct page_col shift_cols[] = {
    {"role", "role.name"},
    {"starts", "shift.starts"},
    {"ends", "shift.ends"},
    {"place", "coalesce(room.name, booth.label)"},
    {"need_min", "shift.need_min"},
    {"need_max", "shift.need_max"},
    {"filled", FILLED},
    {"event", "shift.event"},
    {"status", "shift.status"},
    {"notes", "shift.notes"},
    /* a room or booth, else what the notes say (the 40 "Registration
     * counter N" shifts of a summit differ only there) */
    {"where", SHIFT_WHERE},
};

static const struct page_col assignment_cols[] = {
    {"name", "person.name"},
    {"status", "assignment.status"},
    {"source", "assignment.source"},
    {"checked_in_at", "assignment.checked_in_at"},
    {"checked_out_at", "assignment.checked_out_at"},
    {"phone", "person.phone"},
    {"person", "person.id"},
    {"tell", PERSON_TELL("person")},
};

static const struct page_col person_skill_cols[] = {
    {"skill", "skill.name"},
    {"expires", "person_skill.expires"},
};

static const struct page_col availability_cols[] = {
    {"event", "event.name"},
    {"starts", "availability.starts"},
    {"ends", "availability.ends"},
    {"tz", "event.tz"},
};

static const struct page_col person_shift_cols[] = {
    {"role", "role.name"},   {"starts", "shift.starts"},      {"ends", "shift.ends"},
    {"event", "event.name"}, {"status", "assignment.status"}, {"tz", "event.tz"},
    {"shift", "shift.id"},
};

static const struct page_col speaker_cols[] = {
    {"name", "person.name"},         {"role", "speaker.role"},
    {"person", "person.id"},         {"confidential", "person.confidential"},
    {"tell", PERSON_TELL("person")},
};

static const struct page_col signup_cols[] = {
    {"name", "person.name"},
    {"status", "signup.status"},
    {"waitlist", "signup.waitlist_position"},
    {"checked_in_at", "signup.checked_in_at"},
    {"person", "person.id"},
    {"confidential", "person.confidential"},
    {"tell", PERSON_TELL("person")},
};

static const struct page_col person_signup_cols[] = {
    {"title", "session.title"},  {"starts", "session.starts"},
    {"ends", "session.ends"},    {"event", "event.name"},
    {"status", "signup.status"}, {"waitlist", "signup.waitlist_position"},
    {"tz", "event.tz"},          {"session", "session.id"},
};

static const struct page_col audit_cols[] = {
    {"at", "audit.at"},         {"actor", "audit.actor"},         {"action", "audit.action"},
    {"entity", "audit.entity"}, {"entity_id", "audit.entity_id"}, {"summary", "audit.summary"},
};

/* The mail outbox, newest first (messages superseded before they left are
 * not shown). */
static const struct page_col outbox_cols[] = {
    {"id", "mail_outbox.id"},
    {"status", "mail_outbox.status"},
    {"kind", "mail_outbox.kind"},
    {"subject", "mail_outbox.subject"},
    {"name", "(SELECT person.name FROM person WHERE person.id = mail_outbox.person)"},
    {"confidential",
     "(SELECT person.confidential FROM person WHERE person.id = mail_outbox.person)"},
    {"attempts", "mail_outbox.attempts"},
    {"person", "mail_outbox.person"},
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
        .search = LIKE("event.name"),
        .key = "event.starts",
        .id = "event.id",
        .row = "event.id",
    },
    {
        .name = "orgs",
        .from = "org",
        COLS(org_cols),
        .search = "(" LIKE("org.name") " OR " LIKE("org.sector") ")",
        .key = "org.name",
        .id = "org.id",
        .row = "org.id",
    },
    {
        .name = "people",
        .from = "person LEFT JOIN org ON org.id = person.org",
        COLS(person_cols),
        .search = "(" LIKE("person.name") " OR " LIKE("person.email") " OR " LIKE(
            "person.volunteer_code") ")",
        .key = "person.name COLLATE NOCASE",
        .id = "person.id",
        .row = "person.id",
    },
    {
        .name = "skills",
        .from = "skill",
        COLS(skill_cols),
        .search = LIKE("skill.name"),
        .key = "skill.name",
        .id = "skill.id",
        .row = "skill.id",
    },
    {
        .name = "rooms",
        .from = "room",
        COLS(room_cols),
        .where = "room.event = :scope",
        .search = LIKE("room.name"),
        .key = "room.name",
        .id = "room.id",
        .row = "room.id",
    },
    {
        .name = "sessions",
        .from = "session LEFT JOIN room ON room.id = session.room",
        COLS(session_cols),
        .where = "session.event = :scope",
        .search = "(" LIKE("session.title") " OR " LIKE("room.name") ")",
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
        .search = LIKE("session.title"),
        .key = "session.starts",
        .id = "session.id",
        .row = "session.id",
    },
    {
        .name = "booths",
        .from = "booth JOIN org ON org.id = booth.org LEFT JOIN room ON room.id = booth.room",
        COLS(booth_cols),
        .where = "booth.event = :scope",
        .search = "(" LIKE("booth.label") " OR " LIKE("org.name") ")",
        .key = "booth.label",
        .id = "booth.id",
        .row = "booth.id",
    },
    /* person first: the name index drives the order, registrations are probed */
    {
        .name = "registrations",
        .from = "person CROSS JOIN registration ON registration.person = person.id",
        COLS(registration_cols),
        .where = "registration.event = :scope",
        .search = "(" LIKE("person.name") " OR " LIKE("person.email") ")",
        .key = "person.name COLLATE NOCASE",
        .id = "person.id",
        .row = "registration.id",
    },
    /* who may be asked to take a shift: the event's volunteers and staff */
    {
        .name = "volunteers",
        .from = "person CROSS JOIN registration ON registration.person = person.id",
        COLS(registration_cols),
        .where = "registration.event = :scope AND registration.kind IN " REGISTRATION_CREW_KINDS_SQL
                 " AND registration.status != 'cancelled'",
        .search = LIKE("person.name"),
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
        .search = LIKE("person.name"),
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
        .search = LIKE("role.name"),
        .key = "role.name",
        .id = "role.id",
        .row = "role.id",
    },
    {
        .name = "shifts",
        .from = "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
                " LEFT JOIN booth ON booth.id = shift.booth",
        COLS(shift_cols),
        .where = "shift.event = :scope",
        .search = "(" LIKE("role.name") " OR " LIKE(SHIFT_WHERE) ")",
        .key = "shift.starts",
        .id = "shift.id",
        .row = "shift.id",
        .flag = SHORT,
    },
    {
        .name = "shifts_under",
        .from = "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
                " LEFT JOIN booth ON booth.id = shift.booth",
        COLS(shift_cols),
        .where = "shift.event = :scope AND shift.status = 'open' AND " FILLED " < shift.need_min",
        .search = "(" LIKE("role.name") " OR " LIKE(SHIFT_WHERE) ")",
        .key = "shift.starts",
        .id = "shift.id",
        .row = "shift.id",
        .flag = SHORT,
    },
    {
        .name = "shift",
        .from = "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
                " LEFT JOIN booth ON booth.id = shift.booth",
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
        .search = LIKE("person.name"),
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
        .search = LIKE("skill.name"),
        .key = "skill.name",
        .id = "person_skill.id",
        .row = "person_skill.id",
    },
    {
        .name = "person_availability",
        .from = "availability JOIN event ON event.id = availability.event",
        COLS(availability_cols),
        .where = "availability.person = :scope",
        .search = LIKE("event.name"),
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
        .search = "(" LIKE("role.name") " OR " LIKE("event.name") ")",
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
        .search = LIKE("person.name"),
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
        .search = LIKE("person.name"),
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
        .search = "(" LIKE("session.title") " OR " LIKE("event.name") ")",
        .key = "session.starts",
        .id = "signup.id",
        .row = "signup.id",
    },
    {
        .name = "audit",
        .from = "audit",
        COLS(audit_cols),
        .search = "(" LIKE("audit.summary") " OR " LIKE("audit.actor") ")",
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
        .search = OUTBOX_SEARCH,
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
        .search = OUTBOX_SEARCH,
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
        .search = "(" LIKE("audit.summary") " OR " LIKE("audit.actor") ")",
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

static bool searching(const struct page_req *r)
{
	return r->search && r->search[0];
}

/* WHERE (or AND) and the view's scope and search. */
static void add_filters(struct strbuf *b, const struct page_view *v, const struct page_req *r,
                        const char **sep)
{
	if (v->where) {
		strbuf_add(b, *sep);
		strbuf_add(b, v->where);
		*sep = " AND ";
	}
	if (searching(r) && v->search) {
		strbuf_add(b, *sep);
		strbuf_add(b, v->search);
		*sep = " AND ";
	}
}

static char *count_sql(const struct page_view *v, const struct page_req *r)
{
	struct strbuf b = {0};
	const char *sep = " WHERE ";
	strbuf_add(&b, "SELECT count(*), ");
	strbuf_add(&b, v->flag ? "total(" : "0");
	if (v->flag) {
		strbuf_add(&b, v->flag);
		strbuf_add(&b, ")");
	}
	strbuf_add(&b, " FROM ");
	strbuf_add(&b, v->from);
	add_filters(&b, v, r, &sep);
	return strbuf_take(&b);
}

char *page_store_sql(const struct page_view *v, const struct page_req *r)
{
	/* forward over an ascending view, or backward over a descending one */
	bool up = v->desc == r->backward;
	const char *gt = up ? " > " : " < ";
	const char *ge = up ? " >= " : " <= ";
	struct strbuf b = {0};
	const char *sep = " WHERE ";
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
	strbuf_add(&b, " FROM ");
	strbuf_add(&b, v->from);
	add_filters(&b, v, r, &sep);
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
	char *pattern = searching(r) ? like_pattern(r->search) : NULL;
	struct db_value q = db_text(pattern);
	bind_named(*st, ":scope", &scope);
	bind_named(*st, ":q", &q);
	bind_named(*st, ":k", &r->after_key);
	bind_named(*st, ":id", &id);
	bind_named(*st, ":limit", &limit);
	bind_named(*st, ":from", &from);
	bind_named(*st, ":to", &to);
	free(pattern);
	return 0;
}

static int prepare_req(struct db *db, const struct page_view *v, const struct page_req *r,
                       const char *prefix, sqlite3_stmt **st, struct err *e)
{
	return prepare_sql(db, v, r, prefix, page_store_sql(v, r), st, e);
}

int page_store_count(struct db *db, const struct page_view *v, const struct page_req *r,
                     int64_t *rows, int64_t *flagged, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_sql(db, v, r, NULL, count_sql(v, r), &st, e) < 0)
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
	if (prepare_req(db, v, r, NULL, &st, e) < 0)
		return -1;
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
	if (prepare_req(db, v, r, "EXPLAIN QUERY PLAN ", &st, e) < 0)
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
