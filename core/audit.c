/* audit.c - appending to the audit log through the generic record store,
 * with the session, step and values that undo reads (core/undo.c). */
#include "audit.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include "../db/record_store.h"
#include "../db/undo_store.h"
#include "entity.h"
#include "undo.h"

/* Insert one entry; an undo's entries say which entry they take back. */
static int insert_entry(struct ctx *c, const char *action, const char *entity, int64_t id,
                        const char *summary, int64_t *audit, struct err *e)
{
	static const char *const cols[] = {"at",     "actor",     "action",
	                                   "entity", "entity_id", "summary"};
	char text[1100];
	int64_t undoing = c->undo ? c->undo->undoing : 0;
	if (undoing)
		snprintf(text, sizeof text, "undo of audit #%" PRId64 ": %s", undoing, summary);
	else
		snprintf(text, sizeof text, "%s", summary);
	struct db_value v[] = {
	    db_int(clock_now(c->clock)), db_text(c->actor), db_text(action), db_text(entity),
	    id ? db_int(id) : db_null(), db_text(text),
	};
	if (record_store_insert(c->db, "audit", cols, v, 6, audit, e) < 0)
		return -1;
	if (!c->undo)
		return 0;
	return undo_store_mark(c->db, *audit, c->undo->tag, db_transaction_serial(c->db), undoing,
	                       e);
}

/* Insert one entry whose summary is a format and its arguments. */
static int insert_entryv(struct ctx *c, const char *action, const char *entity, int64_t id,
                         int64_t *audit, struct err *e, const char *fmt, va_list ap)
{
	char summary[1024];
	vsnprintf(summary, sizeof summary, fmt, ap);
	return insert_entry(c, action, entity, id, summary, audit, e);
}

int audit_log(struct ctx *c, const char *action, const char *entity, int64_t id, struct err *e,
              const char *fmt, ...)
{
	int64_t audit;
	va_list ap;
	va_start(ap, fmt);
	int rc = insert_entryv(c, action, entity, id, &audit, e, fmt, ap);
	va_end(ap);
	return rc;
}

/* The fields of the row entry audit wrote, before and after. */
static int keep_values(struct ctx *c, int64_t audit, const struct record *before,
                       const struct record *after, uint32_t mask, struct err *e)
{
	const struct record *row = after ? after : before;
	static const struct db_value none = {.kind = DBV_NULL};
	for (size_t i = 0; i < row->ent->nfields; i++) {
		const struct field_def *f = &row->ent->fields[i];
		if (!(mask & (1u << i)) || (f->flags & F_SECRET))
			continue;
		const struct db_value *b = before ? &before->v[i] : &none;
		const struct db_value *a = after ? &after->v[i] : &none;
		bool withheld = (f->flags & F_PRIVATE) != 0;
		if (withheld)
			undo_keep(c->undo, audit, f->name, b, a);
		if (undo_store_value(c->db, audit, f->name, b, a, withheld, e) < 0)
			return -1;
	}
	return 0;
}

int audit_row(struct ctx *c, const char *action, const struct record *before,
              const struct record *after, uint32_t mask, struct err *e, const char *fmt, ...)
{
	const struct record *row = after ? after : before;
	int64_t audit;
	va_list ap;
	va_start(ap, fmt);
	int rc = insert_entryv(c, action, row->ent->name, row->id, &audit, e, fmt, ap);
	va_end(ap);
	if (rc < 0)
		return -1;
	if (!c->undo)
		return 0;
	if (!after || !before) /* a whole row: every field it holds */
		for (size_t i = 0; i < row->ent->nfields; i++)
			if (row->v[i].kind != DBV_NULL)
				mask |= 1u << i;
	return keep_values(c, audit, before, after, mask, e);
}
