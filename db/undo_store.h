/* undo_store.h - what the audit log keeps for undo (core/undo.c): the
 * session and step that wrote each entry and the entry it undid
 * (audit_step), and the values of a written row's fields before and after
 * (audit_value). A session is one running coordinator screen; a step is one
 * write transaction of it. */
#ifndef MUSTER_UNDO_STORE_H
#define MUSTER_UNDO_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "record_store.h"

/* Entry audit was written by session in step; undoes: the entry it undid
 * (0: none). */
int undo_store_mark(struct db *db, int64_t audit, const char *session, int64_t step, int64_t undoes,
                    struct err *e);
/* One field of the row entry audit wrote: its value before and after (NULL
 * values for a row added or removed); withheld: a private field whose
 * values are not stored (both NULL). */
int undo_store_value(struct db *db, int64_t audit, const char *field, const struct db_value *before,
                     const struct db_value *after, bool withheld, struct err *e);

/* The newest step of session with an entry below audit id below (0: no
 * bound) that changed a row (add, set, rm), is no undo and was not undone:
 * the step and its newest such entry; both 0 when there is none. */
int undo_store_last_step(struct db *db, const char *session, int64_t below, int64_t *step,
                         int64_t *top, struct err *e);

/* One change of a step. */
struct undo_entry {
	int64_t id;
	char action[8];  /* add, set or rm */
	char entity[32]; /* entity name (core/entity.c) */
	int64_t entity_id;
};
/* The changes (add, set, rm) of session's step, oldest first. */
int undo_store_entries(struct db *db, const char *session, int64_t step,
                       int (*fn)(void *arg, const struct undo_entry *u), void *arg, struct err *e);

/* The fields entry audit kept, in the order written. Values belong to the
 * scan. */
typedef int (*undo_value_fn)(void *arg, const char *field, const struct db_value *before,
                             const struct db_value *after, bool withheld);
int undo_store_values(struct db *db, int64_t audit, undo_value_fn fn, void *arg, struct err *e);

/* The newest change of row (entity, id) after entry audit that is not of
 * session's step: its id (0: none) and actor. */
int undo_store_later(struct db *db, const char *entity, int64_t id, int64_t audit,
                     const char *session, int64_t step, int64_t *later, char *actor, size_t n,
                     struct err *e);

/* Forget the values kept for entry audit, and every kept value holding
 * text (privacy: an erased person's name, code or email); text NULL: only
 * the entry's. */
int undo_store_forget(struct db *db, int64_t audit, const char *text, struct err *e);

#endif
