/* waitlist.c - seats and waiting places of SPEC rule 5 for any group that
 * keeps a waitlist (struct waitlist): placing a row, closing gaps,
 * promoting when a seat frees. */
#include "waitlist.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../db/rules_store.h"
#include "audit.h"
#include "rules.h"
#include "text_is.h"

static bool waiting(const struct record *r)
{
	return r && text_is(record_text(r, "status"), "waitlisted");
}

int waitlist_settle(struct ctx *c, const struct waitlist *w, int64_t group, struct err *e)
{
	for (;;) {
		int64_t id, person, pos, taken, cap;
		char name[RS_NAME];
		struct rs_person p;
		if (waitlist_store_first(c->db, w->table, group, &id, &person, &pos, e) < 0)
			return -1;
		if (!id)
			return 0;
		if (w->capacity(c, group, &cap, name, sizeof name, e) < 0 ||
		    waitlist_store_seated(c->db, w->table, group, 0, &taken, e) < 0)
			return -1;
		if (!rules_seat_free(taken, cap))
			return 0;
		if (waitlist_store_promote(c->db, w->table, id, e) < 0 ||
		    waitlist_store_close_gap(c->db, w->table, group, pos, e) < 0 ||
		    rules_store_person(c->db, person, &p, e) < 0)
			return -1;
		if (audit_log(c, "promote", w->entity, id, e,
		              "promote person %" PRId64 " (%s) from position %" PRId64
		              " of the waitlist of %s %" PRId64 " (%s)",
		              person, p.name, pos, w->group, group, name) < 0)
			return -1;
	}
}

/* A new (or renewed) seat-taking row in a full group waits; a held row
 * changed to take a seat is refused. */
static int place(struct ctx *c, const struct waitlist *w, struct record *r,
                 const struct record *old, struct err *e)
{
	int64_t group = record_int(r, w->group), taken, cap;
	char name[RS_NAME];
	struct err lookup = {0};
	if (w->capacity(c, group, &cap, name, sizeof name, &lookup) < 0) {
		if (lookup.code == ERR_NOT_FOUND)
			return 0; /* the reference check names it */
		return err_set(e, lookup.code, "%s", lookup.msg);
	}
	if (cap <= 0)
		return 0;
	if (waitlist_store_seated(c->db, w->table, group, r->id, &taken, e) < 0)
		return -1;
	if (rules_seat_free(taken, cap))
		return 0;
	const char *was = old ? record_text(old, "status") : NULL;
	if (!old || text_is(was, "cancelled")) {
		record_set_text(r, "status", "waitlisted");
		return 0;
	}
	struct rs_person p;
	if (rules_store_person(c->db, record_int(r, "person"), &p, e) < 0)
		return -1;
	return err_set(e, ERR_REFUSED,
	               "%s is full (%" PRId64 " of %" PRId64
	               " seats taken): no seat for %s%s; raise the capacity or "
	               "wait for a cancellation",
	               name, taken, cap, p.name, w->as);
}

int waitlist_prepare(struct ctx *c, const struct waitlist *w, struct record *r,
                     const struct record *old, struct err *e)
{
	int64_t group = record_int(r, w->group);
	bool before = old && w->seated(old);
	if (w->seated(r) && !before && place(c, w, r, old, e) < 0)
		return -1;
	if (waiting(r) && !waiting(old)) {
		int64_t last;
		if (waitlist_store_last_position(c->db, w->table, group, &last, e) < 0)
			return -1;
		record_set_int(r, "waitlist_position", last + 1);
	} else if (!waiting(r)) {
		record_set_text(r, "waitlist_position", NULL);
		if (waiting(old) &&
		    waitlist_store_close_gap(c->db, w->table, group,
		                             record_int(old, "waitlist_position"), e) < 0)
			return -1;
	}
	return 0;
}

int waitlist_after_write(struct ctx *c, const struct waitlist *w, const struct record *r,
                         const char *action, struct err *e)
{
	int64_t group = record_int(r, w->group);
	if (strcmp(action, "rm") == 0 && waiting(r) &&
	    waitlist_store_close_gap(c->db, w->table, group, record_int(r, "waitlist_position"),
	                             e) < 0)
		return -1;
	return waitlist_settle(c, w, group, e);
}

int waitlist_fits(struct ctx *c, const struct waitlist *w, int64_t group, int64_t cap,
                  const char *name, struct err *e)
{
	int64_t taken;
	if (cap <= 0)
		return 0;
	if (waitlist_store_seated(c->db, w->table, group, 0, &taken, e) < 0)
		return -1;
	if (taken <= cap)
		return 0;
	return err_set(e, ERR_REFUSED,
	               "%s already has %" PRId64 " %s; its capacity cannot go below that (cancel "
	               "%s first)",
	               name, taken, w->seats, w->rows);
}
