/* person_store.c - prepared statements for bulk work on people (import,
 * export), prepared once on first use and reset after every step. */
#include "person_store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "db_internal.h"

enum stmt {
	ST_BY_EMAIL,
	ST_BY_CODE_NAME,
	ST_CODE_USED,
	ST_ANY,
	ST_GET,
	ST_INSERT,
	ST_UPDATE,
	ST_ORG_FIND,
	ST_ORG_ADD,
	ST_SKILL_FIND,
	ST_SKILL_ADD,
	ST_LINK_GET,
	ST_LINK_ADD,
	ST_LINK_SET,
	ST_AUDIT,
	ST_ORG_NAME,
	ST_SKILLS,
	ST_REG_FIND,
	ST_LINK_BATCH,
	ST_COUNT
};

/* Links queued for one multi-row INSERT: a statement per row cost a third
 * of writing the link itself. */
#define LINK_BATCH 64

struct pending_link {
	int64_t person, skill;
	char expires[16]; /* "" = no end */
};

static const char *const columns[PERSON_NCOLS] = {
    "name", "email", "phone", "org", "birth_date", "confidential", "volunteer_code", "notes",
};

static const char *const sql[ST_COUNT] = {
    [ST_BY_EMAIL] = "SELECT id FROM main.person WHERE email = ? COLLATE NOCASE",
    [ST_BY_CODE_NAME] = "SELECT id FROM main.person WHERE volunteer_code = ? AND name = ? COLLATE "
                        "NOCASE",
    [ST_CODE_USED] = "SELECT 1 FROM main.person WHERE volunteer_code = ?",
    [ST_ANY] = "SELECT 1 FROM main.person LIMIT 1",
    [ST_GET] = "SELECT name, email, phone, org, birth_date, confidential, volunteer_code, notes"
               " FROM main.person WHERE id = ?",
    [ST_INSERT] = "INSERT INTO main.person (name, email, phone, org, birth_date, confidential,"
                  " volunteer_code, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    [ST_UPDATE] = "UPDATE main.person SET name = ?, email = ?, phone = ?, org = ?, birth_date = ?,"
                  " confidential = ?, volunteer_code = ?, notes = ? WHERE id = ?",
    [ST_ORG_FIND] = "SELECT id FROM main.org WHERE name = ? COLLATE NOCASE",
    [ST_ORG_ADD] = "INSERT INTO main.org (name) VALUES (?)",
    [ST_SKILL_FIND] = "SELECT id FROM main.skill WHERE name = ? COLLATE NOCASE",
    [ST_SKILL_ADD] = "INSERT INTO main.skill (name) VALUES (?)",
    [ST_LINK_GET] = "SELECT id, expires FROM main.person_skill WHERE person = ? AND skill = ?",
    [ST_LINK_ADD] = "INSERT INTO main.person_skill (person, skill, expires) VALUES (?, ?, ?)",
    [ST_LINK_SET] = "UPDATE main.person_skill SET expires = ? WHERE id = ?",
    [ST_AUDIT] = "INSERT INTO main.audit (at, actor, action, entity, entity_id, summary)"
                 " VALUES (?, ?, ?, ?, ?, ?)",
    [ST_ORG_NAME] = "SELECT name FROM org WHERE id = ?",
    [ST_SKILLS] = "SELECT skill.name, person_skill.expires FROM person_skill"
                  " JOIN skill ON skill.id = person_skill.skill"
                  " WHERE person_skill.person = ? ORDER BY skill.name COLLATE NOCASE, skill.id",
    [ST_REG_FIND] = "SELECT id, status FROM main.registration WHERE event = ? AND person = ?",
    [ST_LINK_BATCH] = NULL, /* ST_LINK_ADD's VALUES LINK_BATCH times: built on first use */
};

struct person_store {
	struct db *db;
	sqlite3_stmt *st[ST_COUNT];
	int64_t cache_size; /* the connection's, restored on close */
	struct pending_link queued[LINK_BATCH];
	int nqueued;
};

/* A bulk write touches index pages all over the file: a larger page cache for
 * the run keeps SQLite from spilling to the WAL in the middle of it. */
#define BULK_CACHE_KIB 65536

static int64_t pragma_value(struct db *db, const char *text)
{
	sqlite3_stmt *st;
	if (db_prepare(db, text, &st, NULL) < 0)
		return 0;
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	sqlite3_finalize(st);
	return v;
}

static void set_cache(struct db *db, int64_t size)
{
	char text[64];
	snprintf(text, sizeof text, "PRAGMA cache_size = %lld", (long long)size);
	db_exec(db, text, NULL);
}

const char *person_store_column(enum person_col col)
{
	return columns[col];
}

int person_store_open(struct db *db, struct person_store **out, struct err *e)
{
	(void)e;
	*out = xcalloc(1, sizeof **out);
	(*out)->db = db;
	(*out)->cache_size = pragma_value(db, "PRAGMA cache_size");
	set_cache(db, -BULK_CACHE_KIB);
	return 0;
}

void person_store_close(struct person_store *ps)
{
	if (!ps)
		return;
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(ps->st[i]);
	if (ps->cache_size)
		set_cache(ps->db, ps->cache_size);
	free(ps);
}

/* INSERT INTO main.person_skill ... VALUES (?, ?, ?), ... LINK_BATCH times. */
static char *batch_sql(void)
{
	static const char head[] = "INSERT INTO main.person_skill (person, skill, expires) VALUES ",
	                  row[] = "(?, ?, ?),";
	size_t n = sizeof head - 1 + LINK_BATCH * (sizeof row - 1);
	char *text = xmalloc(n + 1), *at = text;
	memcpy(at, head, sizeof head - 1);
	at += sizeof head - 1;
	for (int i = 0; i < LINK_BATCH; i++, at += sizeof row - 1)
		memcpy(at, row, sizeof row - 1);
	at[-1] = '\0'; /* the last comma */
	return text;
}

/* The statement, prepared on first use, ready for binding. */
static sqlite3_stmt *stmt(struct person_store *ps, enum stmt which, struct err *e)
{
	if (!ps->st[which]) {
		char *text = which == ST_LINK_BATCH ? batch_sql() : NULL;
		int ret = db_prepare(ps->db, text ? text : sql[which], &ps->st[which], e);
		free(text);
		if (ret < 0)
			return NULL;
	}
	return ps->st[which];
}

static void done(sqlite3_stmt *st)
{
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

static void bind_value(sqlite3_stmt *st, int at, const struct db_value *v)
{
	if (v->kind == DBV_INT)
		sqlite3_bind_int64(st, at, v->i);
	else if (v->kind == DBV_TEXT)
		sqlite3_bind_text(st, at, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, at);
}

static void bind_text(sqlite3_stmt *st, int at, const char *s)
{
	if (s)
		sqlite3_bind_text(st, at, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, at);
}

/* Step a bound statement expecting at most one row whose first column is an
 * id; *id 0 when none. */
static int step_id(struct person_store *ps, sqlite3_stmt *st, int64_t *id, struct err *e,
                   const char *what)
{
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : 0;
	int ret = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(ps->db, e, what);
	done(st);
	return ret;
}

/* Step a bound statement that returns no rows. */
static int step_write(struct person_store *ps, sqlite3_stmt *st, struct err *e, const char *what)
{
	int rc = sqlite3_step(st);
	int ret = rc == SQLITE_DONE ? 0 : db_fail(ps->db, e, what);
	done(st);
	return ret;
}

int person_store_by_email(struct person_store *ps, const char *email, int64_t *id, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_BY_EMAIL, e);
	if (!st)
		return -1;
	bind_text(st, 1, email);
	return step_id(ps, st, id, e, "person");
}

int person_store_by_code_name(struct person_store *ps, const char *code, const char *name,
                              int64_t *id, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_BY_CODE_NAME, e);
	if (!st)
		return -1;
	bind_text(st, 1, code);
	bind_text(st, 2, name);
	return step_id(ps, st, id, e, "person");
}

int person_store_code_used(struct person_store *ps, const char *code, bool *used, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_CODE_USED, e);
	int64_t one;
	if (!st)
		return -1;
	bind_text(st, 1, code);
	if (step_id(ps, st, &one, e, "person") < 0)
		return -1;
	*used = one != 0;
	return 0;
}

int person_store_none(struct person_store *ps, bool *none, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_ANY, e);
	int64_t one;
	if (!st || step_id(ps, st, &one, e, "person") < 0)
		return -1;
	*none = one == 0;
	return 0;
}

int person_store_get(struct person_store *ps, int64_t id, struct db_value *vals, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_GET, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		for (int i = 0; i < PERSON_NCOLS; i++)
			vals[i] = db_column_value(st, i, 1);
	} else if (rc == SQLITE_DONE) {
		ret = err_set(e, ERR_NOT_FOUND, "person %lld: not found", (long long)id);
	} else {
		ret = db_fail(ps->db, e, "person");
	}
	done(st);
	return ret;
}

int person_store_insert(struct person_store *ps, const struct db_value *vals, int64_t *id,
                        struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_INSERT, e);
	if (!st)
		return -1;
	for (int i = 0; i < PERSON_NCOLS; i++)
		bind_value(st, i + 1, &vals[i]);
	if (step_write(ps, st, e, "person") < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(ps->db));
	return 0;
}

int person_store_update(struct person_store *ps, int64_t id, const struct db_value *vals,
                        struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_UPDATE, e);
	if (!st)
		return -1;
	for (int i = 0; i < PERSON_NCOLS; i++)
		bind_value(st, i + 1, &vals[i]);
	sqlite3_bind_int64(st, PERSON_NCOLS + 1, id);
	return step_write(ps, st, e, "person");
}

/* Find a row by name with find; with create, insert it with add. */
static int find_or_add(struct person_store *ps, enum stmt find, enum stmt add, const char *what,
                       const char *name, bool create, int64_t *id, bool *created, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, find, e);
	*created = false;
	if (!st)
		return -1;
	bind_text(st, 1, name);
	if (step_id(ps, st, id, e, what) < 0)
		return -1;
	if (*id || !create)
		return 0;
	if (!(st = stmt(ps, add, e)))
		return -1;
	bind_text(st, 1, name);
	if (step_write(ps, st, e, what) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(db_handle(ps->db));
	*created = true;
	return 0;
}

int person_store_org(struct person_store *ps, const char *name, bool create, int64_t *id,
                     bool *created, struct err *e)
{
	return find_or_add(ps, ST_ORG_FIND, ST_ORG_ADD, "org", name, create, id, created, e);
}

int person_store_skill(struct person_store *ps, const char *name, bool create, int64_t *id,
                       bool *created, struct err *e)
{
	return find_or_add(ps, ST_SKILL_FIND, ST_SKILL_ADD, "skill", name, create, id, created, e);
}

/* The columns of ST_LINK_GET, ST_SKILLS and ST_REG_FIND. */
enum link_col { LI_ID, LI_EXPIRES, LI_NCOLS };
enum skills_col { SK_NAME, SK_EXPIRES, SK_NCOLS };
enum reg_col { RG_ID, RG_STATUS, RG_NCOLS };

int person_store_link_find(struct person_store *ps, int64_t person, int64_t skill, int64_t *link,
                           char *expires, size_t n, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_LINK_GET, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, skill);
	int rc = sqlite3_step(st), ret = 0;
	*link = 0;
	expires[0] = '\0';
	if (rc == SQLITE_ROW) {
		*link = db_column_int64(st, LI_ID);
		db_column_copy(st, LI_EXPIRES, expires, n);
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(ps->db, e, "person_skill");
	}
	done(st);
	return ret;
}

int person_store_link_add(struct person_store *ps, int64_t person, int64_t skill,
                          const char *expires, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_LINK_ADD, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, skill);
	bind_text(st, 3, expires);
	return step_write(ps, st, e, "person_skill");
}

int person_store_flush(struct person_store *ps, struct err *e)
{
	int n = ps->nqueued, ret = 0;
	ps->nqueued = 0;
	if (n == LINK_BATCH) {
		sqlite3_stmt *st = stmt(ps, ST_LINK_BATCH, e);
		if (!st)
			return -1;
		for (int i = 0; i < n; i++) {
			sqlite3_bind_int64(st, 3 * i + 1, ps->queued[i].person);
			sqlite3_bind_int64(st, 3 * i + 2, ps->queued[i].skill);
			bind_text(st, 3 * i + 3,
			          ps->queued[i].expires[0] ? ps->queued[i].expires : NULL);
		}
		return step_write(ps, st, e, "person_skill");
	}
	for (int i = 0; i < n && ret == 0; i++)
		ret = person_store_link_add(ps, ps->queued[i].person, ps->queued[i].skill,
		                            ps->queued[i].expires[0] ? ps->queued[i].expires : NULL,
		                            e);
	return ret;
}

int person_store_link_queue(struct person_store *ps, int64_t person, int64_t skill,
                            const char *expires, struct err *e)
{
	struct pending_link *l = &ps->queued[ps->nqueued++];
	l->person = person;
	l->skill = skill;
	snprintf(l->expires, sizeof l->expires, "%s", expires ? expires : "");
	return ps->nqueued == LINK_BATCH ? person_store_flush(ps, e) : 0;
}

int person_store_link_set(struct person_store *ps, int64_t link, const char *expires, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_LINK_SET, e);
	if (!st)
		return -1;
	bind_text(st, 1, expires);
	sqlite3_bind_int64(st, 2, link);
	return step_write(ps, st, e, "person_skill");
}

int person_store_audit(struct person_store *ps, int64_t at, const char *actor, const char *action,
                       const char *entity, int64_t id, const char *summary, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_AUDIT, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, at);
	bind_text(st, 2, actor);
	bind_text(st, 3, action);
	bind_text(st, 4, entity);
	if (id)
		sqlite3_bind_int64(st, 5, id);
	bind_text(st, 6, summary);
	return step_write(ps, st, e, "audit");
}

int person_store_org_name(struct person_store *ps, int64_t org, char *buf, size_t n, struct err *e)
{
	buf[0] = '\0';
	if (!org)
		return 0;
	sqlite3_stmt *st = stmt(ps, ST_ORG_NAME, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, org);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW)
		db_column_copy(st, DB_COL_ONLY, buf, n);
	else if (rc != SQLITE_DONE)
		ret = db_fail(ps->db, e, "org");
	done(st);
	return ret;
}

int person_store_skills(struct person_store *ps, int64_t person,
                        int (*fn)(void *arg, const char *name, const char *expires), void *arg,
                        struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_SKILLS, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, person);
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(arg, db_column_text(st, SK_NAME), db_column_text(st, SK_EXPIRES)))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		ret = db_fail(ps->db, e, "person_skill");
	done(st);
	return ret;
}

int person_store_registration(struct person_store *ps, int64_t event, int64_t person, int64_t *id,
                              char *status, size_t n, struct err *e)
{
	sqlite3_stmt *st = stmt(ps, ST_REG_FIND, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, event);
	sqlite3_bind_int64(st, 2, person);
	int rc = sqlite3_step(st), ret = 0;
	*id = 0;
	status[0] = '\0';
	if (rc == SQLITE_ROW) {
		*id = db_column_int64(st, RG_ID);
		db_column_copy(st, RG_STATUS, status, n);
	} else if (rc != SQLITE_DONE) {
		ret = db_fail(ps->db, e, "registration");
	}
	done(st);
	return ret;
}
