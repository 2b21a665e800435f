/* elig_memo.h - the facts the rules read (core/eligibility.c), kept for many
 * checks in a row: auto-fill writes thousands of assignments, each checked
 * by `assign`'s own rules, and most of them read the same shifts, roles,
 * events and people. While c->memo is set, each fact is read from the store
 * once (the same rules_store queries, inside the writer's transaction) and
 * kept; without it (everywhere else) every check reads the store.
 *
 * What it keeps stays true because:
 *   - elig_memo_sync, called under each transaction's write lock before its
 *     first check, forgets everything when another connection has committed
 *     since the memo was last in sync (PRAGMA data_version);
 *   - the holder's own writes that change a fact are told to it
 *     (elig_memo_assigned, called by staffing_assign): while a memo is set,
 *     the connection writes assignments only through staffing_assign, and
 *     nothing else it writes (audit, registrations, auto-fill's batches) is
 *     a fact the rules read;
 *   - elig_memo_forget after a rollback of the holder's own. */
#ifndef MUSTER_ELIG_MEMO_H
#define MUSTER_ELIG_MEMO_H

#include <stdbool.h>
#include <stdint.h>

#include "eligibility.h"

struct elig_memo;

/* A memo for facts about times in [from, to) (wider asks read the store). */
struct elig_memo *elig_memo_new(int64_t from, int64_t to);
void elig_memo_free(struct elig_memo *m);
/* Under the write lock: forget all when another connection has written
 * since the last sync (1; also the first time), else keep it all (0). */
int elig_memo_sync(struct elig_memo *m, struct db *db, struct err *e);
/* Forget everything (after a rollback). */
void elig_memo_forget(struct elig_memo *m);
/* This connection has just put person on shift s (an active place). */
void elig_memo_assigned(struct elig_memo *m, const struct elig_shift *s, int64_t person);
/* How many facts were read from the store, and served from the memo. */
void elig_memo_counts(const struct elig_memo *m, int64_t *read, int64_t *kept);

/* The facts, from c->memo when set, else from the store (rules_store.h has
 * what each means). */
int elig_fact_event(struct ctx *c, int64_t id, struct rs_event *out, struct err *e);
int elig_fact_role(struct ctx *c, int64_t id, struct rs_role *out, struct err *e);
int elig_fact_shift(struct ctx *c, int64_t id, struct rs_shift *out, struct err *e);
int elig_fact_person(struct ctx *c, int64_t id, struct rs_person *out, struct err *e);
int elig_fact_person_shifts(struct ctx *c, int64_t person, int64_t from, int64_t to, int64_t except,
                            struct rs_slots *out, struct err *e);
int elig_fact_speaking(struct ctx *c, int64_t person, int64_t from, int64_t to, int64_t except,
                       struct rs_slots *out, struct err *e);
int elig_fact_skill(struct ctx *c, int64_t person, int64_t skill, bool *held, char *expires,
                    size_t n, struct err *e);
int elig_fact_windows(struct ctx *c, int64_t person, int64_t event, int64_t except,
                      struct rs_slots *out, struct err *e);

#endif
