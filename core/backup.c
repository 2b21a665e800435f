/* backup.c - taking a backup into a file named by the user (through
 * core/outfile.h: the copy is made in the private temporary file and takes
 * the name only once checked), and pruning old ones. A file is taken for a
 * muster backup only from its own bytes: the SQLite header, a rollback
 * journal (muster runs every live database in WAL mode) and the application
 * id muster stamps on its copies; a link, someone else's file, a database in
 * use (a -wal, -shm or -journal beside it) or the open database is never
 * touched. */
#define _GNU_SOURCE /* O_NOFOLLOW, O_DIRECTORY, fstatat */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../db/backup_store.h"
#include "array.h"
#include "audit.h"
#include "outfile.h"

int backup_take(struct ctx *c, const char *path, int64_t *pages, struct err *e)
{
	struct outfile of;
	if (!path || !path[0] || strcmp(path, "-") == 0)
		return err_set(e, ERR_USAGE,
		               "backup: give a file name (a database copy cannot go "
		               "to standard output)");
	if (outfile_open(&of, path, 0600, e) < 0)
		return -1;
	if (outfile_is_stream(&of)) {
		outfile_abort(&of);
		return err_set(e, ERR_INPUT, "%s: is a device or FIFO; a backup is a file", path);
	}
	if (backup_store_copy(c->db, of.tmp, pages, e) < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, e) < 0)
		return -1;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (audit_log(c, "backup", "database", 0, e, "backup taken: %" PRId64 " pages", *pages) <
	    0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* Does dirfd hold name + suffix (a journal or WAL of a database in use)? */
static bool has_companion(int dirfd, const char *name, const char *suffix)
{
	char other[512];
	struct stat st;
	if ((size_t)snprintf(other, sizeof other, "%s%s", name, suffix) >= sizeof other)
		return true;
	return fstatat(dirfd, other, &st, AT_SYMLINK_NOFOLLOW) == 0;
}

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

bool backup_is_ours(int dirfd, const char *name)
{
	static const char *const companions[] = {"-wal", "-shm", "-journal"};
	for (size_t i = 0; i < ARRAY_LEN(companions); i++)
		if (has_companion(dirfd, name, companions[i]))
			return false;
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return false;
	struct stat st;
	unsigned char h[100];
	bool ours = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
	            read(fd, h, sizeof h) == (ssize_t)sizeof h &&
	            memcmp(h, "SQLite format 3", 16) == 0 && h[18] == 1 && h[19] == 1 &&
	            be32(h + 68) == BACKUP_APPLICATION_ID;
	close(fd);
	return ours;
}

/* dir must be a folder of ours that only we may write into (else another
 * user could swap a file between the check and the removal). */
static int open_dir(const char *dir, struct err *e)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return err_set(e, ERR_INPUT, "%s: %s", dir,
		               errno == ENOTDIR || errno == ELOOP ? "not a folder"
		                                                  : strerror(errno));
	if (fstat(fd, &st) < 0 || st.st_uid != geteuid() || (st.st_mode & 022)) {
		close(fd);
		return err_set(e, ERR_INPUT,
		               "%s: not a folder of yours that only you may write into; "
		               "backups are pruned only there",
		               dir);
	}
	return fd;
}

static bool is_live(int dirfd, const char *name, const struct stat *live)
{
	struct stat st;
	return live && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	       st.st_dev == live->st_dev && st.st_ino == live->st_ino;
}

int backup_prune(struct ctx *c, const char *dir, const char *live_path, bool *off,
                 int (*fn)(void *arg, const char *name, int64_t taken), void *arg, size_t *removed,
                 size_t *kept, struct err *e)
{
	*removed = *kept = 0;
	*off = c->cfg->backup_keep_days == 0;
	if (*off)
		return 0;
	int fd = open_dir(dir, e);
	if (fd < 0)
		return -1;
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return err_set(e, ERR_INPUT, "%s: %s", dir, strerror(errno));
	}
	struct stat live_st;
	bool have_live = live_path && stat(live_path, &live_st) == 0;
	int64_t cutoff = clock_now(c->clock) - (int64_t)c->cfg->backup_keep_days * 86400;
	int ret = 0;
	for (struct dirent *de; ret == 0 && (de = readdir(d));) {
		struct stat st;
		if (de->d_name[0] == '.' || is_live(fd, de->d_name, have_live ? &live_st : NULL) ||
		    !backup_is_ours(fd, de->d_name) ||
		    fstatat(fd, de->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if ((int64_t)st.st_mtime >= cutoff) {
			++*kept;
			continue;
		}
		if (unlinkat(fd, de->d_name, 0) < 0) {
			ret = err_set(e, ERR_INPUT, "%s/%s: %s", dir, de->d_name, strerror(errno));
			break;
		}
		++*removed;
		if (fn)
			ret = fn(arg, de->d_name, (int64_t)st.st_mtime);
	}
	closedir(d);
	return ret;
}
