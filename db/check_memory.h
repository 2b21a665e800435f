/* check_memory.h - check_store.c's scans that join in memory rather than
 * by SQLite's nested loops: same rows, same order, same calling convention
 * as check_store_scan. Only db/ includes it. */
#ifndef MUSTER_CHECK_MEMORY_H
#define MUSTER_CHECK_MEMORY_H

#include "check_store.h"

/* What the scans of one check share (check_store_begin to check_store_end):
 * the sign-ups both sign-up scans read, kept by the first for the other
 * (for one event: another event's are read again). */
struct cs_signups;
struct cs_memo {
	struct cs_signups *signups;
};
void check_signups_free(struct cs_signups *m);

/* check_signup_store.c: CS_SIGNUP_OVERLAP, CS_SIGNUP_UNREGISTERED */
int check_signup_overlaps(struct db *db, struct cs_memo *memo, int64_t event,
                          int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e);
int check_signup_unregistered(struct db *db, struct cs_memo *memo, int64_t event,
                              int (*fn)(void *arg, const struct cs_row *row), void *arg,
                              struct err *e);

/* check_cross_store.c: CS_CROSS_EVENT */
int check_cross_event(struct db *db, struct cs_memo *memo, int64_t event,
                      int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e);

#endif
