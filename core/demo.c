/* demo.c - the fictional demo data of SPEC section 4: refuse (or, with
 * --force, empty) a database that has rows, plan the set in memory
 * (demo_plan.c, from the tables of demo_data.c), write it (demo_write.c),
 * count what was written and audit it, in one transaction. The small set (a
 * one-day gathering and a two-day forum across a DST change) is written row
 * by row through record_write, so every rule and audit applies; the large
 * scale set goes through the prepared bulk inserts of db/demo_store.c. */
#include "demo.h"

#include <stddef.h>
#include <string.h>

#include "../db/demo_store.h"
#include "../db/record_store.h"
#include "../db/search_store.h"
#include "audit.h"
#include "demo_internal.h"

static int count_of(struct ctx *c, const char *sql, long *n, struct err *e)
{
	struct db_value v;
	if (record_store_value(c->db, sql, NULL, 0, &v, e) < 0)
		return -1;
	*n = v.kind == DBV_INT ? (long)v.i : 0;
	db_value_clear(&v);
	return 0;
}

static const struct {
	const char *sql;
	size_t at; /* offsetof in struct demo_summary */
} counts[] = {
    {.sql = "SELECT count(*) FROM event", .at = offsetof(struct demo_summary, events)},
    {.sql = "SELECT count(*) FROM org", .at = offsetof(struct demo_summary, orgs)},
    {.sql = "SELECT count(*) FROM person", .at = offsetof(struct demo_summary, people)},
    {.sql = "SELECT count(*) FROM skill", .at = offsetof(struct demo_summary, skills)},
    {.sql = "SELECT count(*) FROM room", .at = offsetof(struct demo_summary, rooms)},
    {.sql = "SELECT count(*) FROM session", .at = offsetof(struct demo_summary, sessions)},
    {.sql = "SELECT count(*) FROM speaker", .at = offsetof(struct demo_summary, speakers)},
    {.sql = "SELECT count(*) FROM booth", .at = offsetof(struct demo_summary, booths)},
    {.sql = "SELECT count(*) FROM registration",
     .at = offsetof(struct demo_summary, registrations)},
    {.sql = "SELECT count(*) FROM signup", .at = offsetof(struct demo_summary, signups)},
    {.sql = "SELECT count(*) FROM role", .at = offsetof(struct demo_summary, roles)},
    {.sql = "SELECT count(*) FROM shift", .at = offsetof(struct demo_summary, shifts)},
    {.sql = "SELECT count(*) FROM assignment", .at = offsetof(struct demo_summary, assignments)},
    {.sql = "SELECT count(*) FROM availability",
     .at = offsetof(struct demo_summary, availabilities)},
};

static int count_rows(struct ctx *c, struct demo_summary *out, struct err *e)
{
	for (size_t i = 0; i < ARRAY_LEN(counts); i++)
		if (count_of(c, counts[i].sql, (long *)(void *)((char *)out + counts[i].at), e) < 0)
			return -1;
	return 0;
}

static const char any_rows_sql[] =
    "SELECT EXISTS (SELECT 1 FROM org) OR EXISTS (SELECT 1 FROM person)"
    " OR EXISTS (SELECT 1 FROM skill) OR EXISTS (SELECT 1 FROM person_skill)"
    " OR EXISTS (SELECT 1 FROM event) OR EXISTS (SELECT 1 FROM room)"
    " OR EXISTS (SELECT 1 FROM session) OR EXISTS (SELECT 1 FROM speaker)"
    " OR EXISTS (SELECT 1 FROM booth) OR EXISTS (SELECT 1 FROM registration)"
    " OR EXISTS (SELECT 1 FROM signup)"
    " OR EXISTS (SELECT 1 FROM role) OR EXISTS (SELECT 1 FROM shift)"
    " OR EXISTS (SELECT 1 FROM assignment) OR EXISTS (SELECT 1 FROM availability)";

/* Refuse a database with rows unless force; with force, empty it. */
static int make_room(struct ctx *c, bool force, struct err *e)
{
	long any, events, people;
	if (count_of(c, any_rows_sql, &any, e) < 0)
		return -1;
	if (!any)
		return 0;
	if (force)
		return demo_store_clear(c->db, e);
	if (count_of(c, "SELECT count(*) FROM event", &events, e) < 0 ||
	    count_of(c, "SELECT count(*) FROM person", &people, e) < 0)
		return -1;
	return err_set(e, ERR_REFUSED,
	               "database is not empty (%ld event%s, %ld %s); use --force to replace it",
	               events, events == 1 ? "" : "s", people, people == 1 ? "person" : "people");
}

static int fill(struct ctx *c, enum demo_size size, struct err *e)
{
	struct plan p;
	demo_plan_init(&p, c, size);
	if (size == DEMO_SMALL)
		demo_plan_small(&p);
	else
		demo_plan_large(&p);
	int ret = 0;
	if (p.failed) {
		if (e)
			*e = p.err;
		err_prefix(e, "demo");
		ret = -1;
	}
	if (ret == 0)
		ret = demo_write(c, &p, size == DEMO_LARGE, e);
	demo_plan_free(&p);
	return ret;
}

int demo_fill(struct ctx *c, enum demo_size size, bool force, struct demo_summary *out,
              struct err *e)
{
	struct demo_summary sum;
	memset(&sum, 0, sizeof sum);
	if (db_begin(c->db, e) < 0)
		return -1;
	int ret = make_room(c, force, e);
	/* the rows written are indexed for search at the end, all at once */
	if (ret == 0)
		ret = search_store_pause(c->db, e);
	if (ret == 0)
		ret = fill(c, size, e);
	if (ret == 0)
		ret = search_store_resume(c->db, e);
	if (ret == 0)
		ret = count_rows(c, &sum, e);
	if (ret == 0)
		ret = audit_log(c, "demo", "demo", 0, e,
		                "demo %s: %ld events, %ld people, %ld sessions, %ld shifts, "
		                "%ld assignments",
		                size == DEMO_SMALL ? "small" : "large", sum.events, sum.people,
		                sum.sessions, sum.shifts, sum.assignments);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	if (db_commit(c->db, e) < 0)
		return -1;
	if (out)
		*out = sum;
	return 0;
}
