/* privacy_store.h - what the privacy lifecycle asks of SQLite: the columns
 * of the schema that refer to a person (read from PRAGMA foreign_key_list,
 * so a table added later is found without a word here), any table's rows
 * that point at one person, erasing and anonymizing, the audit log read and
 * rewritten, and making erased bytes leave the file (secure_delete is on for
 * every connection; see db.c). */
#ifndef MUSTER_PRIVACY_STORE_H
#define MUSTER_PRIVACY_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record_store.h"

/* A column of some table that references person(id). */
struct person_ref {
	char table[64];
	char column[64];
	/* SQL giving the event a row of the table belongs to, the row aliased
	 * t: "t.event", or through one more reference
	 * "(SELECT u.event FROM shift u WHERE u.id = t.shift)"; "" when the
	 * table leads to no event. Found from the foreign keys as well. */
	char event_expr[256];
};

/* Every reference to person in the schema, by table name; *out is
 * malloc'd. */
int privacy_store_person_refs(struct db *db, struct person_ref **out, size_t *n, struct err *e);

/* fn for each row of table whose column is id: every column, by name.
 * Return non-zero to stop. */
typedef int (*privacy_row_fn)(void *arg, const char *const *names, const struct db_value *vals,
                              size_t n);
int privacy_store_rows(struct db *db, const char *table, const char *column, int64_t id,
                       privacy_row_fn fn, void *arg, struct err *e);

/* How many rows of r point at person. */
int privacy_store_count(struct db *db, const struct person_ref *r, int64_t person, int64_t *n,
                        struct err *e);
/* The rows of r that point at person and belong to an event that ends after
 * ends_after: fn gets each row id and its event. */
int privacy_store_open_rows(struct db *db, const struct person_ref *r, int64_t person,
                            int64_t ends_after, int (*fn)(void *arg, int64_t row, int64_t event),
                            void *arg, struct err *e);
/* Delete the rows of r that point at person / set that column to NULL. */
int privacy_store_delete(struct db *db, const struct person_ref *r, int64_t person, struct err *e);
int privacy_store_clear(struct db *db, const struct person_ref *r, int64_t person, struct err *e);

/* The person's details replaced: name and code as given, every other
 * personal column NULL or its default, erased_at = now. */
int privacy_store_anonymize(struct db *db, int64_t person, const char *name, const char *code,
                            int64_t now, struct err *e);
/* Forget the failed-PIN count and the failed attempts kept under a
 * volunteer code. */
int privacy_store_unlock_code(struct db *db, const char *code, struct err *e);
/* Does another person (not erased) carry this name, in any case? */
int privacy_store_name_shared(struct db *db, int64_t person, const char *name, bool *shared,
                              struct err *e);

/* Which audit entries: those about a person (entity person, or a row of
 * refs that points at them, or made by kiosk_actor), or, with person 0,
 * those whose actor or summary contains one of the needles. */
struct audit_filter {
	int64_t person;
	const char *kiosk_actor;
	const struct person_ref *refs;
	size_t nrefs;
	const char *const *needles;
	size_t nneedles;
};
/* fn for each entry (id, actor, summary), in id order. */
typedef int (*privacy_audit_fn)(void *arg, int64_t id, const char *actor, const char *summary);
int privacy_store_audit_each(struct db *db, const struct audit_filter *f, privacy_audit_fn fn,
                             void *arg, struct err *e);
/* Every column of the entries, by name. */
int privacy_store_audit_rows(struct db *db, const struct audit_filter *f, privacy_row_fn fn,
                             void *arg, struct err *e);
int privacy_store_audit_rewrite(struct db *db, int64_t id, const char *actor, const char *summary,
                                struct err *e);

/* People the retention lets go: not kept, not erased, with at least one row
 * in an event that ended at or before cutoff, and none in an event that
 * ends after it. event > 0: only people with a row in that event. fn gets
 * each person id, in id order; non-zero stops. */
int privacy_store_expired(struct db *db, const struct person_ref *refs, size_t nrefs,
                          int64_t cutoff, int64_t event, int (*fn)(void *arg, int64_t person),
                          void *arg, struct err *e);

/* After an erase, outside any transaction: the search indexes are merged
 * (a deleted row's words stay in them until then), freed pages go (an incremental
 * vacuum; a database made before auto_vacuum was set gets one full VACUUM,
 * which rewrites every page and turns auto_vacuum on), then the WAL is
 * copied into the file and truncated to nothing. *complete is false when
 * another connection kept part of the WAL in use. */
int privacy_store_scrub(struct db *db, bool *complete, struct err *e);

#endif
