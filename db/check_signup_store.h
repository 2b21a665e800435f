/* check_signup_store.h - check_store.c's two sign-up scans that join in
 * memory (CS_SIGNUP_OVERLAP, CS_SIGNUP_UNREGISTERED): same rows, same order,
 * same calling convention as check_store_scan. Only db/ includes it. */
#ifndef MUSTER_CHECK_SIGNUP_STORE_H
#define MUSTER_CHECK_SIGNUP_STORE_H

#include "check_store.h"

int check_signup_overlaps(struct db *db, int64_t event,
                          int (*fn)(void *arg, const struct cs_row *row), void *arg, struct err *e);
int check_signup_unregistered(struct db *db, int64_t event,
                              int (*fn)(void *arg, const struct cs_row *row), void *arg,
                              struct err *e);

#endif
