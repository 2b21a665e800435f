/* audit.c - appending to the audit log through the generic record store. */
#include "audit.h"

#include <stdarg.h>
#include <stdio.h>

#include "../db/record_store.h"

int audit_log(struct ctx *c, const char *action, const char *entity, int64_t id, struct err *e,
              const char *fmt, ...)
{
	static const char *const cols[] = {"at",     "actor",     "action",
	                                   "entity", "entity_id", "summary"};
	char summary[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(summary, sizeof summary, fmt, ap);
	va_end(ap);
	struct db_value v[] = {
	    db_int(clock_now(c->clock)), db_text(c->actor), db_text(action), db_text(entity),
	    id ? db_int(id) : db_null(), db_text(summary),
	};
	return record_store_insert(c->db, "audit", cols, v, 6, NULL, e);
}
