/* person_store.h - the bulk path for people: the prepared statements an
 * import of many rows (or an export) reuses for its whole run, instead of
 * preparing SQL for every row. The caller holds the transaction. */
#ifndef MUSTER_PERSON_STORE_H
#define MUSTER_PERSON_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "record_store.h"

/* The person columns the store reads and writes, in this order. */
enum person_col {
	PERSON_NAME,
	PERSON_EMAIL,
	PERSON_PHONE,
	PERSON_ORG,
	PERSON_BIRTH_DATE,
	PERSON_CONFIDENTIAL,
	PERSON_CODE,
	PERSON_NOTES,
	PERSON_NCOLS
};

/* The column name of each enum person_col value. */
const char *person_store_column(enum person_col col);

struct person_store;

int person_store_open(struct db *db, struct person_store **out, struct err *e);
void person_store_close(struct person_store *ps);

/* Lookups: *id is 0 when there is no such row. Text matches ignore ASCII case. */
int person_store_by_email(struct person_store *ps, const char *email, int64_t *id, struct err *e);
int person_store_by_code_name(struct person_store *ps, const char *code, const char *name,
                              int64_t *id, struct err *e);
int person_store_code_used(struct person_store *ps, const char *code, bool *used, struct err *e);
/* *none: the table holds no person at all. */
int person_store_none(struct person_store *ps, bool *none, struct err *e);

/* vals[PERSON_NCOLS]: strings malloc'd (db_value_clear them). */
int person_store_get(struct person_store *ps, int64_t id, struct db_value *vals, struct err *e);
int person_store_insert(struct person_store *ps, const struct db_value *vals, int64_t *id,
                        struct err *e);
int person_store_update(struct person_store *ps, int64_t id, const struct db_value *vals,
                        struct err *e);

/* The organization / skill named name (any case); with create, add it when
 * missing (*created tells). *id 0 when missing and not created. */
int person_store_org(struct person_store *ps, const char *name, bool create, int64_t *id,
                     bool *created, struct err *e);
int person_store_skill(struct person_store *ps, const char *name, bool create, int64_t *id,
                       bool *created, struct err *e);

/* The link of person to skill: *link 0 when none; else its expiry into
 * expires ("" = none). */
int person_store_link_find(struct person_store *ps, int64_t person, int64_t skill, int64_t *link,
                           char *expires, size_t n, struct err *e);
/* person holds skill until expires (NULL = no end). */
int person_store_link_add(struct person_store *ps, int64_t person, int64_t skill,
                          const char *expires, struct err *e);
/* The same, written later with others in one statement (a new person's
 * skills in a bulk import): flush before anything reads person_skill, and
 * before committing; close drops what is still queued. */
int person_store_link_queue(struct person_store *ps, int64_t person, int64_t skill,
                            const char *expires, struct err *e);
int person_store_flush(struct person_store *ps, struct err *e);
int person_store_link_set(struct person_store *ps, int64_t link, const char *expires,
                          struct err *e);

/* One audit row. */
int person_store_audit(struct person_store *ps, int64_t at, const char *actor, const char *action,
                       const char *entity, int64_t id, const char *summary, struct err *e);

/* The registration of person for event: *id 0 when none, else its status. */
int person_store_registration(struct person_store *ps, int64_t event, int64_t person, int64_t *id,
                              char *status, size_t n, struct err *e);

/* Export: an organization's name ("" when org is 0 or gone), and a person's
 * skills by name (any case order) with their expiry (NULL = none). */
int person_store_org_name(struct person_store *ps, int64_t org, char *buf, size_t n, struct err *e);
int person_store_skills(struct person_store *ps, int64_t person,
                        int (*fn)(void *arg, const char *name, const char *expires), void *arg,
                        struct err *e);

#endif
