/* fuzz.h - what the libFuzzer targets of tests/fuzz/ share: a muster
 * context on a ":memory:" database (settings at their defaults, the clock
 * pinned), and the input as a file a reader can open by path (a memfd, so
 * nothing touches the disk). Each target is a program of its own, so
 * everything here is static. */
#ifndef MUSTER_FUZZ_H
#define MUSTER_FUZZ_H

#define _GNU_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "../../core/ctx.h"
#include "../../core/entity.h"

struct fuzz_ctx {
	struct config cfg;
	struct clock clock;
	struct ctx ctx;
	unsigned runs; /* inputs since the database was opened */
};

/* Close and open the database afresh every so many inputs, so what the
 * inputs added does not pile up. */
static inline struct ctx *fuzz_ctx(struct fuzz_ctx *f, unsigned every)
{
	if (f->ctx.db && f->runs++ < every)
		return &f->ctx;
	if (f->ctx.db)
		db_close(f->ctx.db);
	memset(f, 0, sizeof *f);
	config_defaults(&f->cfg);
	f->clock.pinned = true;
	f->clock.at = 1795000000; /* 2026-11-18 */
	f->ctx.cfg = &f->cfg;
	f->ctx.clock = &f->clock;
	strcpy(f->ctx.actor, "fuzz");
	struct err e = {0};
	if (db_open(":memory:", NULL, &f->ctx.db, &e) < 0) {
		fprintf(stderr, "fuzz: db_open: %s\n", e.msg);
		abort();
	}
	return &f->ctx;
}

/* The input as a file: its path (/proc/self/fd/N) in path; close *fd after. */
static inline int fuzz_file(const uint8_t *data, size_t size, char *path, size_t n)
{
	int fd = memfd_create("fuzz-input", MFD_CLOEXEC);
	if (fd < 0 || write(fd, data, size) != (ssize_t)size) {
		perror("fuzz: memfd");
		abort();
	}
	lseek(fd, 0, SEEK_SET);
	snprintf(path, n, "/proc/self/fd/%d", fd);
	return fd;
}

/* The input as a NUL-terminated string (what a parser of typed text gets). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

#endif
