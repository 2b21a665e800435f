/* outfile.c - writing a file a user named without ever replacing what is
 * there by something else (see outfile.h). */
#define _GNU_SOURCE /* mkostemp, renameat2 */
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

bool outfile_is_stream(const struct outfile *o)
{
	return o->tmp == NULL;
}

/* "dir/.base.XXXXXX" beside path. */
static char *temp_template(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xasprintf(".%s.XXXXXX", path);
	return xasprintf("%.*s/.%s.XXXXXX", (int)(slash - path), path, slash + 1);
}

static int open_temp(struct outfile *o, mode_t mode, struct err *e)
{
	o->tmp = temp_template(o->path);
	int fd = mkostemp(o->tmp, O_CLOEXEC);
	if (fd < 0) {
		int saved = errno;
		free(o->tmp);
		o->tmp = NULL;
		return err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(saved));
	}
	if (fchmod(fd, mode) < 0 || !(o->f = fdopen(fd, "w"))) {
		int saved = errno;
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(saved));
	}
	return 0;
}

/* An existing character device or FIFO, written in place as a stream. */
static int open_stream(struct outfile *o, const struct stat *seen, struct err *e)
{
	int fd = open(o->path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno));
	if (fstat(fd, &st) < 0 || st.st_dev != seen->st_dev || st.st_ino != seen->st_ino ||
	    !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) || !(o->f = fdopen(fd, "w"))) {
		close(fd);
		return err_set(e, ERR_INPUT, "%s: changed while it was being opened", o->path);
	}
	return 0;
}

/* Is st the file behind one of this process's own descriptors (the
 * database, its -wal and -shm, an input being read)? Compared by device and
 * inode, so no spelling of the path (./, .., links to a folder, a hard link)
 * gets past it. 0, 1 and 2 are the caller's redirections, not muster's files
 * (SQLite never puts a database there). */
static bool held_open(const struct stat *st)
{
	DIR *d = opendir("/proc/self/fd");
	if (d) {
		bool found = false;
		for (struct dirent *de; !found && (de = readdir(d));) {
			char *end;
			long fd = strtol(de->d_name, &end, 10);
			struct stat fs;
			if (*end || end == de->d_name || fd < 3 || fd == dirfd(d))
				continue;
			found = fstat((int)fd, &fs) == 0 && fs.st_dev == st->st_dev &&
			        fs.st_ino == st->st_ino;
		}
		closedir(d);
		return found;
	}
	/* no /proc (a chroot): ask every descriptor number in turn */
	struct rlimit rl;
	long max =
	    getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < 65536 ? (long)rl.rlim_cur : 65536;
	for (long fd = 3; fd < max; fd++) {
		struct stat fs;
		if (fstat((int)fd, &fs) == 0 && fs.st_dev == st->st_dev && fs.st_ino == st->st_ino)
			return true;
	}
	return false;
}

/* What kind of thing st is, for a refusal. */
static const char *kind_of(const struct stat *st)
{
	if (S_ISLNK(st->st_mode))
		return "a symbolic link";
	if (S_ISDIR(st->st_mode))
		return "a folder";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	if (S_ISBLK(st->st_mode))
		return "a block device";
	return "not a regular file";
}

/* An existing regular file: replaced whole, never the database muster has
 * open, and only when the user could write it themselves. */
static int open_existing(struct outfile *o, const struct stat *st, mode_t mode, struct err *e)
{
	if (held_open(st))
		return err_set(e, ERR_INPUT,
		               "%s: is a file muster has open (its database or journal); "
		               "not replaced, give another path",
		               o->path);
	if (access(o->path, W_OK) < 0)
		return err_set(e, ERR_INPUT, "%s: %s; not replaced", o->path,
		               errno == EACCES ? "you may not write it" : strerror(errno));
	return open_temp(o, mode, e);
}

int outfile_open(struct outfile *o, const char *path, mode_t mode, struct err *e)
{
	memset(o, 0, sizeof *o);
	if (!path || strcmp(path, "-") == 0) {
		o->path = xstrdup("-");
		o->f = stdout;
		o->is_stdout = true;
		return 0;
	}
	if (!path[0])
		return err_set(e, ERR_USAGE, "an output file name is empty");
	o->path = xstrdup(path);
	struct stat st;
	int ret;
	if (lstat(path, &st) < 0) {
		if (errno != ENOENT)
			ret = err_set(e, ERR_INPUT, "%s: %s", path, strerror(errno));
		else
			o->created = true, ret = open_temp(o, mode, e);
	} else if (S_ISREG(st.st_mode))
		ret = open_existing(o, &st, mode, e);
	else if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode))
		ret = open_stream(o, &st, e);
	else if (S_ISLNK(st.st_mode))
		ret = err_set(e, ERR_INPUT,
		              "%s: is a symbolic link; muster does not write through links, "
		              "give the file's own path (or - for standard output)",
		              path);
	else
		ret = err_set(e, ERR_INPUT,
		              "%s: is %s; muster writes only regular files, FIFOs and "
		              "character devices",
		              path, kind_of(&st));
	if (ret < 0) {
		free(o->path);
		o->path = NULL;
	}
	return ret;
}

int outfile_open_in(struct outfile *o, const char *dir, const char *name, mode_t mode,
                    struct err *e)
{
	char *path = xasprintf("%s/%s", dir, name);
	int ret = outfile_open(o, path, mode, e);
	free(path);
	return ret;
}

/* A new path must still be new: renamed without replacing, or (where the
 * file system cannot) linked, which fails on anything that appeared too. */
static int place_new(struct outfile *o, struct err *e)
{
	int rc = renameat2(AT_FDCWD, o->tmp, AT_FDCWD, o->path, RENAME_NOREPLACE);
	if (rc < 0 && (errno == EINVAL || errno == ENOSYS) && (rc = link(o->tmp, o->path)) == 0)
		unlink(o->tmp);
	if (rc == 0)
		return 0;
	if (errno == EEXIST)
		return err_set(e, ERR_INPUT,
		               "%s: appeared while it was being written; not replaced", o->path);
	return err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno));
}

/* Move the finished temporary file into place. An existing path must still
 * be a regular file that muster does not hold open. */
static int rename_into_place(struct outfile *o, struct err *e)
{
	if (o->created)
		return place_new(o, e);
	struct stat st;
	if (lstat(o->path, &st) == 0 && (!S_ISREG(st.st_mode) || held_open(&st)))
		return err_set(e, ERR_INPUT, "%s: changed while it was being written; not replaced",
		               o->path);
	if (rename(o->tmp, o->path) < 0)
		return err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno));
	return 0;
}

static int close_stream(struct outfile *o, struct err *e)
{
	int ret = 0;
	if (fflush(o->f) != 0 || ferror(o->f))
		ret = err_set(e, ERR_INPUT, "%s: %s", o->is_stdout ? "standard output" : o->path,
		              strerror(errno ? errno : EIO));
	if (!o->is_stdout && fclose(o->f) != 0 && ret == 0)
		ret = err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno));
	return ret;
}

int outfile_commit(struct outfile *o, struct err *e)
{
	if (!o->f)
		return err_set(e, ERR_INPUT, "%s: not open", o->path ? o->path : "output");
	int ret;
	if (outfile_is_stream(o)) {
		ret = close_stream(o, e);
	} else {
		ret = 0;
		if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) < 0)
			ret =
			    err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno ? errno : EIO));
		if (fclose(o->f) != 0 && ret == 0)
			ret = err_set(e, ERR_INPUT, "%s: %s", o->path, strerror(errno));
		if (ret == 0)
			ret = rename_into_place(o, e);
		if (ret < 0)
			unlink(o->tmp);
	}
	o->f = NULL;
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
	return ret;
}

void outfile_abort(struct outfile *o)
{
	if (o->f) {
		if (o->tmp) {
			fclose(o->f);
			unlink(o->tmp);
		} else if (!o->is_stdout) {
			fclose(o->f);
		} else {
			fflush(o->f);
		}
	}
	o->f = NULL;
	free(o->tmp);
	free(o->path);
	o->tmp = o->path = NULL;
}

int outfile_private_dir(const char *dir, struct err *e)
{
	if (!dir || !dir[0])
		return err_set(e, ERR_USAGE, "a folder name is empty");
	if (mkdir(dir, 0700) == 0)
		return 0;
	if (errno != EEXIST)
		return err_set(e, ERR_INPUT, "%s: %s", dir, strerror(errno));
	struct stat st;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return err_set(e, ERR_INPUT, "%s: not a folder", dir);
	if (st.st_uid != geteuid())
		return err_set(e, ERR_INPUT, "%s: not your folder", dir);
	if (st.st_mode & 077)
		return err_set(e, ERR_INPUT,
		               "%s: others may open it (mode %03o); the files hold contact "
		               "details, so give a new folder or one with mode 700",
		               dir, (unsigned)(st.st_mode & 0777));
	return 0;
}
