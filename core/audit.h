/* audit.h - the audit log: every write records when, who, what and a
 * one-line summary, inside the same transaction as the write. In a session
 * that keeps its changes for undo (c->undo, core/undo.h) each entry also
 * names its session and step, and a row's write its values before and
 * after. */
#ifndef MUSTER_AUDIT_H
#define MUSTER_AUDIT_H

#include <stdint.h>

#include "ctx.h"

struct record;

int audit_log(struct ctx *c, const char *action, const char *entity, int64_t id, struct err *e,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* audit_log for one row written through the entity table: action "add"
 * (before NULL), "set" or "rm" (after NULL); mask the fields written (bit i
 * = field i; all set fields on add and rm). Secret fields are never kept;
 * private ones are marked withheld and their values stay in c->undo's
 * memory. */
int audit_row(struct ctx *c, const char *action, const struct record *before,
              const struct record *after, uint32_t mask, struct err *e, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#endif
