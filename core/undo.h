/* undo.h - undo in the coordinator screen: the changes one running session
 * made (its own entries of the audit log, core/audit.c), taken back newest
 * first, one step (one write transaction) at a time, through the same
 * entity table, rules and audit as any change. A change another lead or
 * process has since built on is refused with the reason. */
#ifndef MUSTER_UNDO_H
#define MUSTER_UNDO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../db/record_store.h"
#include "ctx.h"

/* A private value (contact data) a session wrote: kept in memory only. */
struct undo_kept {
	int64_t audit;
	const char *field; /* from the entity table */
	struct db_value before, after;
};

struct undo_session {
	char tag[40];     /* random: names this session's entries */
	int64_t undoing;  /* the entry an undo takes back now (0: none) */
	int64_t *refused; /* steps refused: passed over from then on */
	size_t nrefused, refused_cap;
	struct undo_kept *kept;
	size_t nkept, cap;
};

/* A new session with a random tag; set it as c->undo to keep changes. */
struct undo_session *undo_session_new(void);
void undo_session_free(struct undo_session *s);
/* Keep the private values of field of entry audit (audit.c calls it). */
void undo_keep(struct undo_session *s, int64_t audit, const char *field,
               const struct db_value *before, const struct db_value *after);

/* Take back the newest step of c->undo's session not yet undone: 1 and
 * what it did in done ("Undid: assigned Dana Kowalski to Greeter Sat 13
 * Mar 09:00-11:00"); 0 when nothing is left ("Nothing to undo" in done);
 * -1 with e filled when refused ("Cannot undo ...: WHY"), and the next call
 * goes on with the steps before it. */
int undo_last(struct ctx *c, char *done, size_t n, struct err *e);
/* Is there a step left to undo? */
bool undo_pending(struct ctx *c);

#endif
