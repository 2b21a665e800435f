/* staffing_stub.c - TEMPORARY stand-in for the rules branch's staffing and
 * PIN functions (overlap and capacity only), so the kiosk can be built and
 * tested before it lands. Deleted when main has core/staffing.c. */
#include "staffing_stub.h"

#include <sodium.h>
#include <string.h>

#include "entity.h"

static const char sql_overlap[] =
    "SELECT COUNT(*) FROM assignment m JOIN shift o ON o.id = m.shift JOIN shift s ON s.id = ?2"
    " WHERE m.person = ?1 AND m.shift <> ?2 AND m.status IN"
    " ('signed_up','confirmed','checked_in','completed')"
    " AND o.starts < s.ends AND s.starts < o.ends";
static const char sql_full[] =
    "SELECT (SELECT COUNT(*) FROM assignment x WHERE x.shift = s.id AND x.status IN"
    " ('signed_up','confirmed','checked_in','completed')) >= s.need_max FROM shift s"
    " WHERE s.id = ?1";
static const char sql_assignment[] = "SELECT id FROM assignment WHERE shift = ?1 AND person = ?2";
static const char sql_pin[] = "SELECT pin_hash FROM person WHERE id = ?1";

static int64_t value_int(struct ctx *c, const char *sql, int64_t a, int64_t b, struct err *e)
{
	struct db_value binds[] = {db_int(a), db_int(b)};
	struct db_value v;
	if (record_store_value(c->db, sql, binds, b ? 2 : 1, &v, e) < 0)
		return -1;
	int64_t r = v.kind == DBV_INT ? v.i : 0;
	db_value_clear(&v);
	return r;
}

int staffing_check(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t n = value_int(c, sql_overlap, person, shift, e);
	if (n < 0)
		return -1;
	if (n > 0)
		return err_set(e, ERR_REFUSED, "person %lld already works a shift which overlaps",
		               (long long)person);
	n = value_int(c, sql_full, shift, 0, e);
	if (n < 0)
		return -1;
	if (n > 0)
		return err_set(e, ERR_REFUSED, "shift %lld is full", (long long)shift);
	return 0;
}

static int set_status(struct ctx *c, int64_t id, const char *status, const char *stamp,
                      struct err *e)
{
	struct record r;
	if (record_get(c, entity_find("assignment"), id, &r, e) < 0)
		return -1;
	record_set_text(&r, "status", status);
	uint32_t mask = 1u << entity_field_index(r.ent, "status");
	if (stamp) {
		record_set_int(&r, stamp, clock_now(c->clock));
		mask |= 1u << entity_field_index(r.ent, stamp);
	}
	int ret = record_write(c, &r, mask, e);
	record_free(&r);
	return ret;
}

int staffing_assign(struct ctx *c, int64_t shift, int64_t person, const char *source,
                    int64_t *assignment_id, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	int64_t id = value_int(c, sql_assignment, shift, person, e);
	if (id < 0 || staffing_check(c, shift, person, e) < 0)
		goto fail;
	if (id > 0) {
		if (set_status(c, id, "signed_up", NULL, e) < 0)
			goto fail;
	} else {
		char s[32], p[32];
		snprintf(s, sizeof s, "%lld", (long long)shift);
		snprintf(p, sizeof p, "%lld", (long long)person);
		struct field_assign fa[] = {{"shift", s}, {"person", p}, {"source", source}};
		if (record_add(c, entity_find("assignment"), fa, 3, &id, e) < 0)
			goto fail;
	}
	if (assignment_id)
		*assignment_id = id;
	return db_commit(c->db, e);
fail:
	db_rollback(c->db);
	return -1;
}

static int change(struct ctx *c, int64_t shift, int64_t person, const char *status,
                  const char *stamp, struct err *e)
{
	int64_t id = value_int(c, sql_assignment, shift, person, e);
	if (id < 0)
		return -1;
	if (id == 0)
		return err_set(e, ERR_NOT_FOUND, "not assigned to shift %lld", (long long)shift);
	return set_status(c, id, status, stamp, e);
}

int staffing_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return change(c, shift, person, "dropped", NULL, e);
}

int staffing_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return change(c, shift, person, "checked_in", "checked_in_at", e);
}

int staffing_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return change(c, shift, person, "completed", "checked_out_at", e);
}

int person_verify_pin(struct ctx *c, int64_t person, const char *pin, struct err *e)
{
	struct db_value binds[] = {db_int(person)};
	struct db_value v;
	if (record_store_value(c->db, sql_pin, binds, 1, &v, e) < 0)
		return -1;
	int ok = v.kind == DBV_TEXT && sodium_init() >= 0 &&
	         crypto_pwhash_str_verify(v.s, pin, strlen(pin)) == 0;
	db_value_clear(&v);
	return ok ? 0 : err_set(e, ERR_REFUSED, "wrong PIN");
}
