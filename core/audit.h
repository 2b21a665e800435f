/* audit.h - the audit log: every write records when, who, what and a
 * one-line summary, inside the same transaction as the write. */
#ifndef MUSTER_AUDIT_H
#define MUSTER_AUDIT_H

#include <stdint.h>

#include "ctx.h"

int audit_log(struct ctx *c, const char *action, const char *entity, int64_t id, struct err *e,
              const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
