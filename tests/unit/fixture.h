/* fixture.h - what the unit tests on a database share: default settings, a
 * pinned clock, the actor "tester" and a migrated database (":memory:" or a
 * file), cmocka setup/teardown for tests that need nothing more, and helpers
 * that add records from NULL-terminated "key", "value", ... lists.
 * Included by each test_*.c, which is a program of its own: everything here is
 * static inline. A test that keeps more state embeds struct fixture as the
 * first member of its own struct (fixture_teardown then still applies). */
#ifndef MUSTER_TEST_FIXTURE_H
#define MUSTER_TEST_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../core/entity.h"
#include "../../core/tz.h"

/* The clock of fixture_setup: 2026-11-18T08:26:40Z. */
#define FIXTURE_NOW INT64_C(1795000000)
/* The most "key", "value" pairs one add takes. */
#define FIXTURE_MAX_FIELDS 16

struct fixture {
	struct config cfg;
	struct clock clock;
	struct ctx ctx;
};

/* Set f up with its clock pinned at now and open the database at path,
 * creating and migrating it; -1 (the reason printed) when it cannot. */
static inline int fixture_open_file(struct fixture *f, int64_t now, const char *path)
{
	struct err e = {0};
	memset(f, 0, sizeof *f);
	config_defaults(&f->cfg);
	f->clock.pinned = true;
	f->clock.at = now;
	f->ctx.cfg = &f->cfg;
	f->ctx.clock = &f->clock;
	strcpy(f->ctx.actor, "tester");
	if (db_open(path, NULL, &f->ctx.db, &e) < 0) {
		print_error("db_open %s: %s\n", path, e.msg);
		return -1;
	}
	return 0;
}

/* The same on a fresh ":memory:" database. */
static inline int fixture_open(struct fixture *f, int64_t now)
{
	return fixture_open_file(f, now, ":memory:");
}

static inline void fixture_close(struct fixture *f)
{
	db_close(f->ctx.db);
	f->ctx.db = NULL;
}

/* cmocka setup: a fresh fixture, its clock at FIXTURE_NOW. */
static inline int fixture_setup(void **state)
{
	static struct fixture f;
	*state = &f;
	return fixture_open(&f, FIXTURE_NOW);
}

/* cmocka teardown for any state that starts with a struct fixture. */
static inline int fixture_teardown(void **state)
{
	fixture_close(*state);
	return 0;
}

/* A test run on fixture_setup / fixture_teardown. */
#define fixture_unit_test(fn) cmocka_unit_test_setup_teardown(fn, fixture_setup, fixture_teardown)

/* Add entity from the "key", "value" pairs of ap up to a NULL key: the new
 * id, or -1 with e filled. */
static inline int64_t fixture_vadd(struct ctx *c, const char *entity, struct err *e, va_list ap)
{
	struct field_assign fa[FIXTURE_MAX_FIELDS];
	size_t n = 0;
	for (const char *k; (k = va_arg(ap, const char *)) != NULL; n++) {
		if (n == FIXTURE_MAX_FIELDS)
			fail_msg("add %s: more than %d fields", entity, FIXTURE_MAX_FIELDS);
		fa[n].name = k;
		fa[n].value = va_arg(ap, const char *);
	}
	int64_t id = 0;
	if (record_add(c, entity_find(entity), fa, n, &id, e) < 0)
		return -1;
	return id;
}

/* fixture_try_add(c, "person", &e, "name", "Dana", NULL): the new id, or -1
 * with e filled, for tests that expect a refusal. */
static inline int64_t fixture_try_add(struct ctx *c, const char *entity, struct err *e, ...)
{
	va_list ap;
	va_start(ap, e);
	int64_t id = fixture_vadd(c, entity, e, ap);
	va_end(ap);
	return id;
}

/* fixture_add(c, "person", "name", "Dana", NULL): the new id; the test fails
 * when the record is refused. */
static inline int64_t fixture_add(struct ctx *c, const char *entity, ...)
{
	struct err e = {0};
	va_list ap;
	va_start(ap, entity);
	int64_t id = fixture_vadd(c, entity, &e, ap);
	va_end(ap);
	if (id < 0)
		fail_msg("add %s: %s", entity, e.msg);
	return id;
}

/* An id as text for a "key", "value" list; eight calls may be in use at once. */
static inline const char *fixture_num(int64_t v)
{
	static char buf[8][24];
	static int k;
	k = (k + 1) % 8;
	snprintf(buf[k], sizeof buf[k], "%lld", (long long)v);
	return buf[k];
}

/* A local wall time ("YYYY-MM-DD HH:MM") in zone TZ as a Unix time; the
 * test fails when it does not parse. */
static inline int64_t fixture_at(const char *tz, const char *text)
{
	int64_t t;
	assert_int_equal(tz_parse(tz, text, &t, NULL), 0);
	return t;
}

#endif
