/* page_store.c - the lists the screens page through, as static SQL: each view
 * names its FROM, its columns, an optional WHERE on :scope, a search on :q,
 * and the sort key and tie-break that an index serves. Pages are fetched
 * with "key >= :k AND (key > :k OR id > :id)" so SQLite seeks straight to the
 * page in the index instead of counting rows off. */
#include "page_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"

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
};

#define N(a) (sizeof a / sizeof a[0])

/* Assignments that hold a place on a shift. */
#define ACTIVE_STATUSES "('signed_up','confirmed','checked_in','completed')"
#define FILLED                                                                                     \
	"(SELECT count(*) FROM assignment WHERE assignment.shift = shift.id"                       \
	" AND assignment.status IN " ACTIVE_STATUSES ")"
#define LIKE(x) x " LIKE :q ESCAPE '\\'"

static const struct page_col event_cols[] = {
    {"name", "event.name"},
    {"starts", "event.starts"},
    {"ends", "event.ends"},
    {"tz", "event.tz"},
    {"status", "event.status"},
    {"venue", "event.venue"},
    {"registered", "(SELECT count(*) FROM registration WHERE registration.event = event.id"
                   " AND registration.status IN ('registered','checked_in'))"},
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
    {"where", "coalesce(room.name, booth.label, shift.notes)"},
};

static const struct page_col assignment_cols[] = {
    {"name", "person.name"},
    {"status", "assignment.status"},
    {"source", "assignment.source"},
    {"checked_in_at", "assignment.checked_in_at"},
    {"checked_out_at", "assignment.checked_out_at"},
    {"phone", "person.phone"},
    {"person", "person.id"},
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
    {"name", "person.name"},
    {"role", "speaker.role"},
    {"person", "person.id"},
    {"confidential", "person.confidential"},
};

static const struct page_col audit_cols[] = {
    {"at", "audit.at"},         {"actor", "audit.actor"},         {"action", "audit.action"},
    {"entity", "audit.entity"}, {"entity_id", "audit.entity_id"}, {"summary", "audit.summary"},
};

static const struct page_view views[] = {
    {"events", "event", event_cols, N(event_cols), NULL, LIKE("event.name"), "event.starts",
     "event.id", "event.id", false},
    {"orgs", "org", org_cols, N(org_cols), NULL, "(" LIKE("org.name") " OR " LIKE("org.sector") ")",
     "org.name", "org.id", "org.id", false},
    {"people", "person LEFT JOIN org ON org.id = person.org", person_cols, N(person_cols), NULL,
     "(" LIKE("person.name") " OR " LIKE("person.email") " OR " LIKE("person.volunteer_code") ")",
     "person.name COLLATE NOCASE", "person.id", "person.id", false},
    {"skills", "skill", skill_cols, N(skill_cols), NULL, LIKE("skill.name"), "skill.name",
     "skill.id", "skill.id", false},
    {"rooms", "room", room_cols, N(room_cols), "room.event = :scope", LIKE("room.name"),
     "room.name", "room.id", "room.id", false},
    {"sessions", "session LEFT JOIN room ON room.id = session.room", session_cols, N(session_cols),
     "session.event = :scope", "(" LIKE("session.title") " OR " LIKE("room.name") ")",
     "session.starts", "session.id", "session.id", false},
    /* the sessions overlapping a time window, for the timetable */
    {"agenda", "session LEFT JOIN room ON room.id = session.room", session_cols, N(session_cols),
     "session.event = :scope AND session.starts < :to AND session.ends > :from",
     LIKE("session.title"), "session.starts", "session.id", "session.id", false},
    {"booths", "booth JOIN org ON org.id = booth.org LEFT JOIN room ON room.id = booth.room",
     booth_cols, N(booth_cols), "booth.event = :scope",
     "(" LIKE("booth.label") " OR " LIKE("org.name") ")", "booth.label", "booth.id", "booth.id",
     false},
    /* person first: the name index drives the order, registrations are probed */
    {"registrations", "person CROSS JOIN registration ON registration.person = person.id",
     registration_cols, N(registration_cols), "registration.event = :scope",
     "(" LIKE("person.name") " OR " LIKE("person.email") ")", "person.name COLLATE NOCASE",
     "person.id", "registration.id", false},
    /* who may be asked to take a shift: the event's volunteers and staff */
    {"volunteers", "person CROSS JOIN registration ON registration.person = person.id",
     registration_cols, N(registration_cols),
     "registration.event = :scope AND registration.kind IN ('volunteer', 'staff')"
     " AND registration.status != 'cancelled'",
     LIKE("person.name"), "person.name COLLATE NOCASE", "person.id", "registration.id", false},
    {"waitlist", "registration JOIN person ON person.id = registration.person", registration_cols,
     N(registration_cols), "registration.event = :scope AND registration.status = 'waitlisted'",
     LIKE("person.name"), "ifnull(registration.waitlist_position, 0)", "registration.id",
     "registration.id", false},
    {"roles",
     "role LEFT JOIN skill ON skill.id = role.skill LEFT JOIN person AS lead ON lead.id = "
     "role.lead",
     role_cols, N(role_cols), "role.event = :scope", LIKE("role.name"), "role.name", "role.id",
     "role.id", false},
    {"shifts",
     "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
     " LEFT JOIN booth ON booth.id = shift.booth",
     shift_cols, N(shift_cols), "shift.event = :scope",
     "(" LIKE("role.name") " OR " LIKE("room.name") " OR " LIKE("booth.label") ")", "shift.starts",
     "shift.id", "shift.id", false},
    {"shifts_under",
     "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
     " LEFT JOIN booth ON booth.id = shift.booth",
     shift_cols, N(shift_cols),
     "shift.event = :scope AND shift.status = 'open' AND " FILLED " < shift.need_min",
     "(" LIKE("role.name") " OR " LIKE("room.name") " OR " LIKE("booth.label") ")", "shift.starts",
     "shift.id", "shift.id", false},
    {"shift",
     "shift JOIN role ON role.id = shift.role LEFT JOIN room ON room.id = shift.room"
     " LEFT JOIN booth ON booth.id = shift.booth",
     shift_cols, N(shift_cols), "shift.id = :scope", NULL, "shift.id", "shift.id", "shift.id",
     false},
    {"assignments", "assignment JOIN person ON person.id = assignment.person", assignment_cols,
     N(assignment_cols), "assignment.shift = :scope", LIKE("person.name"),
     "person.name COLLATE NOCASE", "assignment.id", "assignment.id", false},
    /* what one person holds, can do and does */
    {"person_skills", "person_skill JOIN skill ON skill.id = person_skill.skill", person_skill_cols,
     N(person_skill_cols), "person_skill.person = :scope", LIKE("skill.name"), "skill.name",
     "person_skill.id", "person_skill.id", false},
    {"person_availability", "availability JOIN event ON event.id = availability.event",
     availability_cols, N(availability_cols), "availability.person = :scope", LIKE("event.name"),
     "availability.starts", "availability.id", "availability.id", false},
    {"person_shifts",
     "assignment JOIN shift ON shift.id = assignment.shift JOIN role ON role.id = shift.role"
     " JOIN event ON event.id = shift.event",
     person_shift_cols, N(person_shift_cols), "assignment.person = :scope",
     "(" LIKE("role.name") " OR " LIKE("event.name") ")", "shift.starts", "assignment.id",
     "assignment.id", false},
    /* the people on one session */
    {"speakers", "speaker JOIN person ON person.id = speaker.person", speaker_cols, N(speaker_cols),
     "speaker.session = :scope", LIKE("person.name"), "person.name COLLATE NOCASE", "speaker.id",
     "speaker.id", false},
    {"audit", "audit", audit_cols, N(audit_cols), NULL,
     "(" LIKE("audit.summary") " OR " LIKE("audit.actor") ")", "audit.id", "audit.id", "audit.id",
     true},
    /* an event's entries: audit.event is filled as they are written (migration 3) */
    {"audit_event", "audit", audit_cols, N(audit_cols), "audit.event = :scope",
     "(" LIKE("audit.summary") " OR " LIKE("audit.actor") ")", "audit.id", "audit.id", "audit.id",
     true},
};

const struct page_view *page_store_view(const char *name)
{
	for (size_t i = 0; i < N(views); i++)
		if (strcmp(views[i].name, name) == 0)
			return &views[i];
	return NULL;
}

const char *page_store_view_name(size_t i)
{
	return i < N(views) ? views[i].name : NULL;
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

/* A growing string. */
struct buf {
	char *s;
	size_t len, cap;
};

static void add(struct buf *b, const char *text)
{
	size_t n = strlen(text);
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, text, n + 1);
	b->len += n;
}

static bool searching(const struct page_req *r)
{
	return r->search && r->search[0];
}

char *page_store_sql(const struct page_view *v, const struct page_req *r)
{
	/* forward over an ascending view, or backward over a descending one */
	bool up = v->desc == r->backward;
	const char *gt = up ? " > " : " < ";
	const char *ge = up ? " >= " : " <= ";
	struct buf b = {0};
	const char *sep = " WHERE ";
	add(&b, "SELECT ");
	add(&b, v->key);
	add(&b, ", ");
	add(&b, v->id);
	add(&b, ", ");
	add(&b, v->row);
	for (size_t i = 0; i < v->ncols; i++) {
		add(&b, ", ");
		add(&b, v->cols[i].expr);
	}
	add(&b, " FROM ");
	add(&b, v->from);
	if (v->where) {
		add(&b, sep);
		add(&b, v->where);
		sep = " AND ";
	}
	if (searching(r) && v->search) {
		add(&b, sep);
		add(&b, v->search);
		sep = " AND ";
	}
	if (r->has_after) {
		add(&b, sep);
		add(&b, v->key);
		add(&b, ge);
		add(&b, ":k AND (");
		add(&b, v->key);
		add(&b, gt);
		add(&b, ":k OR ");
		add(&b, v->id);
		add(&b, r->inclusive ? ge : gt);
		add(&b, ":id)");
	}
	add(&b, " ORDER BY ");
	add(&b, v->key);
	add(&b, up ? ", " : " DESC, ");
	add(&b, v->id);
	add(&b, up ? "" : " DESC");
	add(&b, " LIMIT :limit");
	return b.s;
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

static int prepare_req(struct db *db, const struct page_view *v, const struct page_req *r,
                       const char *prefix, sqlite3_stmt **st, struct err *e)
{
	char *sql = page_store_sql(v, r);
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

static struct db_value column(sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		return db_null();
	case SQLITE_INTEGER:
	case SQLITE_FLOAT:
		return db_int(sqlite3_column_int64(st, i));
	default:
		return db_text((const char *)sqlite3_column_text(st, i));
	}
}

int page_store_fetch(struct db *db, const struct page_view *v, const struct page_req *r,
                     page_row_fn fn, void *arg, struct err *e)
{
	sqlite3_stmt *st;
	if (prepare_req(db, v, r, NULL, &st, e) < 0)
		return -1;
	struct db_value cols[32];
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct page_row row = {.key = column(st, 0),
		                       .id = sqlite3_column_int64(st, 1),
		                       .row = sqlite3_column_int64(st, 2),
		                       .cols = cols,
		                       .ncols = v->ncols};
		for (size_t i = 0; i < v->ncols && i < N(cols); i++)
			cols[i] = column(st, (int)i + 3);
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
	struct buf b = {0};
	add(&b, "");
	while (sqlite3_step(st) == SQLITE_ROW) {
		add(&b, (const char *)sqlite3_column_text(st, 3));
		add(&b, "\n");
	}
	db_release(db, st);
	return b.s;
}
