/* db.c - opening the SQLite file (mode, pragmas, migration), nested
 * BEGIN IMMEDIATE transactions, SQLite error translation, and a small cache
 * of prepared statements.
 *
 * The cache: db_acquire finds a statement by its SQL text (hash, then the
 * text itself, so SQL built at run time is found too), prepares it on a
 * miss (evicting the least recently used idle one), and marks it busy until
 * db_release resets it and clears its bindings. A statement asked for while
 * its cached copy is busy (a helper running the same query from inside an
 * outer loop over it) gets a fresh one, finalized on release, so nesting
 * never steps an outer iteration. Reset on release also ends the read
 * transaction a stepped statement holds, so other processes' commits are
 * seen as before. db_close finalizes them all. */
#define _GNU_SOURCE
#include "db_internal.h"

#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "../core/strbuf.h"
#include "../core/utf8.h"
#include "../core/xmalloc.h"

struct tracer;

#define STMT_CACHE 96

struct cached {
	sqlite3_stmt *st; /* NULL: free slot */
	uint64_t hash;    /* of the SQL text */
	uint64_t used;    /* tick of the last acquire */
	bool busy;        /* acquired, not yet released */
};

struct db {
	sqlite3 *h;
	int depth;          /* nesting of db_begin */
	bool doomed;        /* an inner level rolled back */
	int sp_depth;       /* depth the open savepoint began at (0: none) */
	bool sp_doomed;     /* doomed when it began */
	bool sp_light;      /* no SAVEPOINT issued: undone only if nothing was written */
	int64_t sp_changes; /* sqlite3_total_changes64 when it began */
	int64_t tx_serial;  /* outermost write transactions begun */
	struct cached cache[STMT_CACHE];
	uint64_t tick;
	struct tracer *tracer;
};

sqlite3 *db_handle(struct db *db)
{
	return db->h;
}

/* The folder of the database file (dir, n bytes). */
static void db_folder(const char *path, char *dir, size_t n)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		snprintf(dir, n, ".");
	else if (slash == path)
		snprintf(dir, n, "/");
	else
		snprintf(dir, n, "%.*s", (int)(slash - path), path);
}

/* The file system is full (or the quota used up): say so, with what is left. */
static int disk_full(const char *path, int sys, struct err *e, const char *what)
{
	char dir[PATH_MAX];
	struct statvfs fs;
	db_folder(path, dir, sizeof dir);
	if (sys == EDQUOT)
		return err_set(e, ERR_DB,
		               "%s: your disk quota is used up on %s; free some space there, then "
		               "try again",
		               what, dir);
	if (statvfs(dir, &fs) == 0)
		return err_set(e, ERR_DB,
		               "%s: the disk holding %s is full (%llu KiB free); free some space "
		               "there, then try again",
		               what, dir, (unsigned long long)fs.f_bavail * fs.f_frsize / 1024);
	return err_set(e, ERR_DB,
	               "%s: the disk holding %s is full; free some space, then try again", what,
	               dir);
}

/* SQLite's index (-shm) speaks of log frames the -wal no longer has: the
 * -wal was deleted (or cut) while another connection held the database. */
static bool wal_lost(const char *path)
{
	char wal[PATH_MAX], shm[PATH_MAX];
	struct stat st;
	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(shm, sizeof shm, "%s-shm", path);
	return stat(shm, &st) == 0 && (stat(wal, &st) < 0 || st.st_size < 32);
}

/* A fault of the files under the database, in words a person can act on;
 * 0 when the code is not one of them. */
static int file_fault(struct db *db, int code, struct err *e, const char *what)
{
	const char *path = sqlite3_db_filename(db->h, "main");
	int sys = sqlite3_system_errno(db->h), primary = code & 0xff;
	char dir[PATH_MAX];
	if (!path || !path[0])
		return 0; /* a database in memory */
	db_folder(path, dir, sizeof dir);
	if (primary == SQLITE_FULL || (primary == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
		return disk_full(path, primary == SQLITE_FULL && sys != EDQUOT ? ENOSPC : sys, e,
		                 what);
	if ((code == SQLITE_IOERR_SHORT_READ || primary == SQLITE_CORRUPT) && wal_lost(path))
		return err_set(e, ERR_DB,
		               "%s: %s-wal, the database's log of recent changes, was deleted "
		               "while another muster had the database open. Close every muster "
		               "using %s (coordinator screens, kiosks): the last to close writes "
		               "its changes back, then muster opens it again",
		               what, path, path);
	if ((primary == SQLITE_READONLY || primary == SQLITE_CANTOPEN || primary == SQLITE_PERM) &&
	    faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) < 0)
		return err_set(
		    e, ERR_DB,
		    "%s: muster cannot write in %s: SQLite keeps %s-wal and %s-shm beside "
		    "the database, even to read it, so its folder must be writable for "
		    "you (or a group of yours); ask for that, or copy the database to a "
		    "folder you can write",
		    what, dir, path, path);
	if (primary == SQLITE_READONLY)
		return err_set(
		    e, ERR_DB,
		    "%s: %s is read-only for you; muster needs to write it (and its -wal "
		    "and -shm), even to read",
		    what, path);
	if (primary == SQLITE_IOERR)
		return err_set(e, ERR_DB, "%s: reading or writing %s failed: %s", what, path,
		               sys ? strerror(sys) : "disk I/O error");
	return 0;
}

int db_fail(struct db *db, struct err *e, const char *what)
{
	int code = sqlite3_extended_errcode(db->h);
	const char *msg = sqlite3_errmsg(db->h);
	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return err_set(e, ERR_DB,
		               "%s: the database stayed busy past the busy timeout; try again",
		               what);
	if ((code & 0xff) == SQLITE_CONSTRAINT)
		return err_set(e, ERR_REFUSED, "%s: %s", what, msg);
	/* a lost -wal reads as damage too: the file faults say which it is */
	if (file_fault(db, code, e, what) < 0)
		return -1;
	if ((code & 0xff) == SQLITE_NOTADB || (code & 0xff) == SQLITE_CORRUPT)
		return err_set(e, ERR_DB, "%s: not a muster database or damaged (%s)", what, msg);
	return err_set(e, ERR_DB, "%s: %s", what, msg);
}

int db_prepare(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
	if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK) {
		*st = NULL;
		return db_fail(db, e, "database");
	}
	return 0;
}

/* FNV-1a over the SQL text. */
static uint64_t sql_hash(const char *sql)
{
	uint64_t h = 14695981039346656037u;
	for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return h;
}

/* The slot to prepare into: a free one, else the least recently used idle
 * one (finalized); NULL when every slot is busy. */
static struct cached *cache_victim(struct db *db)
{
	struct cached *best = NULL;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached *c = &db->cache[i];
		if (!c->st)
			return c;
		if (!c->busy && (!best || c->used < best->used))
			best = c;
	}
	if (best) {
		sqlite3_finalize(best->st);
		best->st = NULL;
	}
	return best;
}

int db_acquire(struct db *db, const char *sql, sqlite3_stmt **st, struct err *e)
{
	uint64_t h = sql_hash(sql);
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached *c = &db->cache[i];
		if (!c->st || c->hash != h || strcmp(sqlite3_sql(c->st), sql) != 0)
			continue;
		if (c->busy)
			return db_prepare(db, sql, st, e); /* nested use: a fresh one */
		c->busy = true;
		c->used = ++db->tick;
		*st = c->st;
		return 0;
	}
	if (db_prepare(db, sql, st, e) < 0)
		return -1;
	struct cached *c = cache_victim(db);
	if (c)
		*c = (struct cached){*st, h, ++db->tick, true};
	return 0;
}

void db_release(struct db *db, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < STMT_CACHE; i++) {
		struct cached *c = &db->cache[i];
		if (c->st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			c->busy = false;
			return;
		}
	}
	sqlite3_finalize(st);
}

int db_exec_stmt(struct db *db, sqlite3_stmt *st, struct err *e, const char *what)
{
	int rc = sqlite3_step(st);
	int ret = 0;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = db_fail(db, e, what);
	db_release(db, st);
	return ret;
}

int db_exec(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		db_fail(db, e, "database");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* One statement of fixed text through the cache (savepoints, many times a
 * transaction: no parse each time). */
static int db_exec_cached(struct db *db, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	if (db_acquire(db, sql, &st, e) < 0)
		return -1;
	return db_exec_stmt(db, st, e, "database");
}

/* Make the folder of path (one level, like mkdir -p for the XDG default). */
static int make_parent(const char *path, struct err *e)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return 0;
	*slash = '\0';
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return 0;
	if (make_parent(dir, e) < 0)
		return -1;
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return err_set(e, ERR_DB, "%s: cannot create folder: %s", dir, strerror(errno));
	return 0;
}

/* Create the file with the right mode before SQLite does, so it is never
 * readable by others, even for a moment. */
static int create_file(const char *path, const struct db_options *opt, struct err *e)
{
	bool grouped = opt && opt->group && opt->group[0];
	if (make_parent(path, e) < 0)
		return -1;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, grouped ? 0660 : 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return 0;
		return err_set(e, ERR_DB, "%s: cannot create: %s", path, strerror(errno));
	}
	if (grouped) {
		struct group *g = getgrnam(opt->group);
		if (!g) {
			close(fd);
			unlink(path);
			return err_set(e, ERR_CONFIG, "database.group: no group named %s",
			               opt->group);
		}
		if (fchown(fd, (uid_t)-1, g->gr_gid) < 0 || fchmod(fd, 0660) < 0) {
			int saved = errno;
			close(fd);
			unlink(path);
			return err_set(e, ERR_DB, "%s: cannot give to group %s: %s", path,
			               opt->group, strerror(saved));
		}
	}
	close(fd);
	return 0;
}

/* A new database: no page written yet. */
static bool empty_file(struct db *db)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db->h, "PRAGMA page_count", -1, &st, NULL) != SQLITE_OK)
		return false;
	bool empty = sqlite3_step(st) == SQLITE_ROW && db_column_int64(st, DB_COL_ONLY) == 0;
	sqlite3_finalize(st);
	return empty;
}

/* secure_delete: whatever a write removes is overwritten with zeros, so an
 * erased person's details do not linger in free space of the file.
 * auto_vacuum INCREMENTAL (only takes on a new, empty file, and so before
 * WAL is set): an erase can give freed pages back (db_scrub). */
static int apply_pragmas(struct db *db, int busy_ms, struct err *e)
{
	sqlite3_busy_timeout(db->h, busy_ms);
	if (db_exec(db, "PRAGMA foreign_keys = ON", e) < 0 ||
	    db_exec(db, "PRAGMA secure_delete = ON", e) < 0)
		return -1;
	/* on a file that has pages, setting it again would write page 1: every
	 * open, even a read, would become a write */
	if (empty_file(db) && db_exec(db, "PRAGMA auto_vacuum = INCREMENTAL", e) < 0)
		return -1;
	sqlite3_stmt *st;
	if (db_prepare(db, "PRAGMA journal_mode = WAL", &st, e) < 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, e, "database");
	return db_exec(db, "PRAGMA synchronous = NORMAL", e);
}

/* The shared server's database (struct db_options.shared). */
static int share(struct db *db, struct err *e)
{
	int keep = 1;
	sqlite3_file_control(db->h, "main", SQLITE_FCNTL_PERSIST_WAL, &keep);
	return db_exec(db, "PRAGMA temp_store = MEMORY", e);
}

int db_open(const char *path, const struct db_options *opt, struct db **out, struct err *e)
{
	bool memory = strcmp(path, ":memory:") == 0;
	if (!memory && create_file(path, opt, e) < 0)
		return -1;
	/* Memory statistics take a global mutex on every allocation; muster never
	 * reads them. Only possible before SQLite initializes (first open). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	struct db *db = xcalloc(1, sizeof *db);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		err_set(e, ERR_DB, "%s: cannot open: %s", path,
		        db->h ? sqlite3_errmsg(db->h) : "out of memory");
		db_close(db);
		return -1;
	}
	int busy = opt && opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : 5000;
	if (opt && opt->shared && share(db, e) < 0) {
		err_prefix(e, "%s", path);
		db_close(db);
		return -1;
	}
	if (apply_pragmas(db, busy, e) < 0 || db_migrate(db, e) < 0) {
		err_prefix(e, "%s", path);
		db_close(db);
		return -1;
	}
	*out = db;
	return 0;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	for (int i = 0; i < STMT_CACHE; i++)
		if (db->cache[i].st)
			sqlite3_finalize(db->cache[i].st);
	sqlite3_close_v2(db->h);
	free(db->tracer);
	free(db);
}

int db_begin(struct db *db, struct err *e)
{
	if (db->depth == 0) {
		if (db_exec(db, "BEGIN IMMEDIATE", e) < 0)
			return -1;
		db->doomed = false;
		db->tx_serial++;
	}
	db->depth++;
	return 0;
}

int64_t db_transaction_serial(const struct db *db)
{
	return db->tx_serial;
}

int db_begin_read(struct db *db, struct err *e)
{
	if (db->depth == 0) {
		if (db_exec(db, "BEGIN DEFERRED", e) < 0)
			return -1;
		db->doomed = false;
	}
	db->depth++;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	if (db->depth == 0)
		return err_set(e, ERR_DB, "database: commit without a transaction");
	if (--db->depth > 0)
		return 0;
	if (db->doomed) {
		db_exec(db, "ROLLBACK", NULL);
		return err_set(e, ERR_DB, "database: transaction was rolled back");
	}
	if (db_exec(db, "COMMIT", e) < 0) {
		db_exec(db, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	if (db->depth == 0)
		return;
	db->doomed = true;
	if (--db->depth == 0)
		db_exec(db, "ROLLBACK", NULL);
}

int db_savepoint(struct db *db, bool light, struct err *e)
{
	if (db->depth == 0 || db->sp_depth)
		return err_set(e, ERR_DB, "database: savepoint outside a transaction, or nested");
	if (!light && db_exec_cached(db, "SAVEPOINT step", e) < 0)
		return -1;
	db->sp_depth = ++db->depth;
	db->sp_doomed = db->doomed;
	db->sp_light = light;
	db->sp_changes = sqlite3_total_changes64(db->h);
	return 0;
}

/* Back to the savepoint, and past it: 0, or -1 when a light one wrote
 * (the transaction then stays doomed). */
static int step_undo(struct db *db)
{
	if (db->sp_light) {
		if (sqlite3_total_changes64(db->h) != db->sp_changes) {
			db->doomed = true;
			return -1;
		}
		db->doomed = db->sp_doomed;
		return 0;
	}
	db->doomed = db->sp_doomed;
	if (db_exec_cached(db, "ROLLBACK TO step", NULL) < 0 ||
	    db_exec_cached(db, "RELEASE step", NULL) < 0) {
		db->doomed = true;
		return -1;
	}
	return 0;
}

int db_savepoint_release(struct db *db, struct err *e)
{
	if (!db->sp_depth || db->depth != db->sp_depth)
		return err_set(e, ERR_DB, "database: savepoint released at the wrong level");
	db->sp_depth = 0;
	db->depth--;
	if (db->doomed && !db->sp_doomed) {
		step_undo(db);
		return err_set(e, ERR_DB, "database: a step was rolled back");
	}
	return db->sp_light ? 0 : db_exec_cached(db, "RELEASE step", e);
}

int db_savepoint_undo(struct db *db)
{
	if (!db->sp_depth)
		return 0;
	db->depth = db->sp_depth - 1;
	db->sp_depth = 0;
	return step_undo(db);
}

bool db_in_transaction(const struct db *db)
{
	return db->depth > 0;
}

void db_set_busy_timeout(struct db *db, int ms)
{
	sqlite3_busy_timeout(db->h, ms > 0 ? ms : 5000);
}

/* SQLite's virtual machine steps between two questions: well under a
 * millisecond (and a poll() each costs less than 1% of a long read). */
#define INTERRUPT_STEPS 20000

void db_set_interrupt(struct db *db, int (*stop)(void *arg), void *arg)
{
	sqlite3_progress_handler(db->h, stop ? INTERRUPT_STEPS : 0, stop, arg);
}

const char *db_file(struct db *db)
{
	const char *path = sqlite3_db_filename(db->h, "main");
	return path ? path : "";
}

static int64_t pragma_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	if (db_prepare(db, sql, &st, NULL) < 0)
		return -1;
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? db_column_int64(st, DB_COL_ONLY) : -1;
	sqlite3_finalize(st);
	return v;
}

int64_t db_data_version(struct db *db)
{
	return pragma_int(db, "PRAGMA data_version");
}

const char *db_sqlite_version(void)
{
	return sqlite3_libversion();
}

int db_schema_version(struct db *db)
{
	return (int)pragma_int(db, "PRAGMA user_version");
}

int db_changes(struct db *db)
{
	return sqlite3_changes(db->h);
}

int64_t db_total_changes(struct db *db)
{
	return sqlite3_total_changes64(db->h);
}

int db_integrity_check(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	if (db_prepare(db, "PRAGMA integrity_check", &st, e) < 0)
		return -1;
	int ret = 0;
	if (sqlite3_step(st) != SQLITE_ROW)
		ret = db_fail(db, e, "integrity check");
	else if (strcmp(db_column_text(st, DB_COL_ONLY), "ok") != 0)
		ret = err_set(e, ERR_DB, "integrity check: %s", db_column_text(st, DB_COL_ONLY));
	sqlite3_finalize(st);
	return ret;
}

struct tracer {
	void (*fn)(void *arg, const char *sql);
	void *arg;
};

static int on_trace(unsigned type, void *ctx, void *stmt, void *text)
{
	const struct tracer *t = ctx;
	(void)stmt;
	/* text is the statement as prepared; "--" marks a trigger's program */
	if (type == SQLITE_TRACE_STMT && strncmp(text, "--", 2) != 0)
		t->fn(t->arg, text);
	return 0;
}

void db_trace(struct db *db, void (*fn)(void *arg, const char *sql), void *arg)
{
	free(db->tracer);
	db->tracer = NULL;
	if (fn) {
		db->tracer = xmalloc(sizeof *db->tracer);
		*db->tracer = (struct tracer){fn, arg};
	}
	sqlite3_trace_v2(db->h, fn ? SQLITE_TRACE_STMT : 0, fn ? on_trace : NULL, db->tracer);
}

int db_columns(sqlite3_stmt *st, int ncols, struct err *e)
{
	int n = sqlite3_column_count(st);
	assert(n == ncols && "a SELECT and the enum naming its columns disagree");
	if (n == ncols)
		return 0;
	return err_set(e, ERR_DB, "internal: %s returns %d columns where %d are read",
	               sqlite3_sql(st), n, ncols);
}

int db_acquire_cols(struct db *db, const char *sql, int ncols, sqlite3_stmt **st, struct err *e)
{
	if (db_acquire(db, sql, st, e) < 0)
		return -1;
	if (db_columns(*st, ncols, e) < 0) {
		db_release(db, *st);
		return -1;
	}
	return 0;
}

int db_one_row(struct db *db, sqlite3_stmt *st, const char *what, int64_t id, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		err_set(e, ERR_NOT_FOUND, "%s %lld: not found", what, (long long)id);
	else
		db_fail(db, e, what);
	db_release(db, st);
	return -1;
}

int db_acquire_ints(struct db *db, const char *sql, int ncols, const int64_t *v, int n,
                    sqlite3_stmt **st, struct err *e)
{
	if ((ncols ? db_acquire_cols(db, sql, ncols, st, e) : db_acquire(db, sql, st, e)) < 0)
		return -1;
	int params = sqlite3_bind_parameter_count(*st);
	for (int i = 0; i < n && i < params; i++)
		sqlite3_bind_int64(*st, i + 1, v[i]);
	return 0;
}

int db_row_by_id(struct db *db, const char *sql, int ncols, int64_t id, const char *what,
                 sqlite3_stmt **st, struct err *e)
{
	if (db_acquire_ints(db, sql, ncols, &id, 1, st, e) < 0)
		return -1;
	return db_one_row(db, *st, what, id, e);
}

int db_each_row_ints(struct db *db, const char *sql, int ncols, const int64_t *v, int n,
                     int (*row)(sqlite3_stmt *st, void *arg), void *arg, struct err *e,
                     const char *what)
{
	sqlite3_stmt *st;
	if (db_acquire_ints(db, sql, ncols, v, n, &st, e) < 0)
		return -1;
	return db_each_row(db, st, row, arg, e, what) < 0 ? -1 : 0;
}

int db_each_row(struct db *db, sqlite3_stmt *st, int (*row)(sqlite3_stmt *st, void *arg), void *arg,
                struct err *e, const char *what)
{
	int rc, ret = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((ret = row(st, arg)) != 0)
			break;
	if (ret == 0 && rc != SQLITE_DONE)
		ret = db_fail(db, e, what);
	db_release(db, st);
	return ret;
}

const char *db_column_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

const char *db_column_str(sqlite3_stmt *st, int i)
{
	const char *t = db_column_text(st, i);
	return t ? t : "";
}

void db_column_copy(sqlite3_stmt *st, int i, char *buf, size_t n)
{
	const char *t = db_column_text(st, i);
	size_t len = t ? strlen(t) : 0;
	if (n == 0)
		return;
	if (len >= n)
		len = utf8_boundary(t, n - 1);
	memcpy(buf, t ? t : "", len);
	buf[len] = '\0';
}

char *db_query_plan(struct db *db, const char *sql, struct err *e)
{
	char *text = xasprintf("EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	int ret = db_prepare(db, text, &st, e);
	free(text);
	if (ret < 0)
		return NULL;
	struct strbuf out = {0};
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *step = db_column_text(st, DB_PLAN_DETAIL);
		strbuf_add(&out, step ? step : "");
		strbuf_addc(&out, '\n');
	}
	sqlite3_finalize(st);
	return strbuf_take(&out);
}
