/* autofill_store.h - what auto-fill reads and writes in bulk: one event's
 * open shifts, registered volunteers and every fact the rules need about
 * them (their shifts near the event in any event, talks, availability
 * windows, skills), read inside one read transaction so the plan works on
 * a consistent snapshot; and the batches a run writes (the batch, its
 * assignments) so that a run can be undone. Rows are handed to callbacks;
 * text is valid during the call only. */
#ifndef MUSTER_AUTOFILL_STORE_H
#define MUSTER_AUTOFILL_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"

/* One snapshot: a read transaction (nothing is locked for writers). */
int autofill_store_snapshot_begin(struct db *db, struct err *e);
void autofill_store_snapshot_end(struct db *db);

struct afs_role {
	int64_t id, skill; /* skill 0: none */
	int min_age;
	const char *name, *skill_name;
};

struct afs_shift {
	int64_t id, role, starts, ends, need_min, need_max;
	int64_t filled;    /* active assignments */
	const char *place; /* room name or booth label, "" */
};

struct afs_person {
	int64_t id;
	const char *name, *birth_date; /* "" when unknown */
	bool confidential;
};

/* A timed fact about a person: an active assignment on an open shift (id
 * the shift), a session they speak at, an availability window. */
struct afs_slot {
	int64_t person, id, starts, ends;
};

struct afs_skill {
	int64_t person, skill;
	const char *expires; /* "" = never */
};

/* Any assignment row (of any status) of a volunteer on one of the event's
 * shifts. */
struct afs_row {
	int64_t person, shift;
};

struct afs_fns {
	int (*role)(void *arg, const struct afs_role *r);
	int (*shift)(void *arg, const struct afs_shift *s);
	int (*person)(void *arg, const struct afs_person *p);
	int (*busy)(void *arg, const struct afs_slot *s);
	int (*talk)(void *arg, const struct afs_slot *s);
	int (*window)(void *arg, const struct afs_slot *s);
	int (*skill)(void *arg, const struct afs_skill *s);
	int (*row)(void *arg, const struct afs_row *r);
	void *arg;
};

/* The event's roles, open shifts (by start), registered volunteers (kind
 * volunteer, status registered or checked_in; by id), and, for those
 * volunteers: their active assignments on open shifts of any event meeting
 * [from, to), the non-cancelled sessions they speak at meeting [from, to),
 * their windows for the event, their skills that a role of the event needs,
 * and their assignment rows on the event's shifts. In that order. */
int autofill_store_load(struct db *db, int64_t event, int64_t from, int64_t to,
                        const struct afs_fns *fns, struct err *e);

/* The event's registered volunteers as they are now (person ids, sorted;
 * malloc'd into *out). */
int autofill_store_volunteers(struct db *db, int64_t event, int64_t **out, size_t *n,
                              struct err *e);

/* ---- batches ------------------------------------------------------------ */

struct afs_batch {
	int64_t id, event, at, added;
	int64_t undone_at; /* 0: not undone */
	char actor[96];
};

/* A new batch of event (its number in *id). */
int autofill_store_batch_new(struct db *db, int64_t event, int64_t at, const char *actor,
                             int64_t *id, struct err *e);
/* Assignment written by batch. */
int autofill_store_item(struct db *db, int64_t batch, int64_t assignment, struct err *e);
int autofill_store_batch_added(struct db *db, int64_t batch, int64_t added, struct err *e);
/* ERR_NOT_FOUND "autofill batch N: not found" when there is none. */
int autofill_store_batch_get(struct db *db, int64_t batch, struct afs_batch *out, struct err *e);
int autofill_store_batch_undone(struct db *db, int64_t batch, int64_t at, struct err *e);

/* The assignments batch added, by id (ids into *out, malloc'd). */
int autofill_store_items(struct db *db, int64_t batch, int64_t **out, size_t *n, struct err *e);

/* An assignment of a batch as it is now. */
struct afs_item {
	bool gone; /* removed since */
	int64_t shift, person;
	char status[16], source[16];
	bool edited; /* the audit log has an entry on it besides its creation */
};

int autofill_store_item_state(struct db *db, int64_t assignment, struct afs_item *out,
                              struct err *e);

#endif
