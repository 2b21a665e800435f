/* erase.h - forgetting a person (person forget) and the retention sweep
 * (privacy sweep): the details become "Erased person N", the links follow
 * the rules of core/privacy.c, the audit log loses every mention of them
 * and keeps one entry saying who erased them and why; then the freed bytes
 * leave the database file (erase_scrub). */
#ifndef MUSTER_ERASE_H
#define MUSTER_ERASE_H

#include <stdbool.h>
#include <stdint.h>

#include "ctx.h"
#include "privacy.h"

#define ERASE_DRY_RUN 0x1u /* say what would happen, change nothing */
#define ERASE_FORCE   0x2u /* even while the person is in events not over */

struct erase_result {
	int64_t person;
	char name[256];              /* as it was (shown by dry runs only) */
	int64_t rows[REF_CLEAR + 1]; /* rows kept, removed, unlinked (by fate) */
	int64_t audit;               /* audit entries rewritten */
	int64_t open;                /* rows in events not over (kept with --force) */
	char open_names[512];        /* the first of them, for a person */
};

/* The name an erased person carries. */
void erase_anonymous_name(int64_t person, char *buf, size_t n);

/* Erase one person in one transaction (nothing with ERASE_DRY_RUN).
 * Refused: no such person (ERR_NOT_FOUND), already erased, or rows in events
 * not over without ERASE_FORCE (ERR_REFUSED, naming them). reason goes to
 * the audit entry, with the person's values taken out of it. */
int erase_person(struct ctx *c, int64_t person, const char *reason, unsigned flags,
                 struct erase_result *out, struct err *e);

/* Erase everyone whose events all ended more than [privacy]
 * retain_days_after_event days ago (see privacy_store_expired); fn sees each
 * result. *count: how many. Retention 0: ERR_NONE, *count 0, *off true. */
int erase_sweep(struct ctx *c, bool dry_run, bool *off,
                int (*fn)(void *arg, const struct erase_result *r), void *arg, size_t *count,
                struct err *e);

/* After erasing (outside a transaction): make the erased bytes leave the
 * file and its WAL. *complete false: another process held the WAL; the rest
 * goes at its next checkpoint. */
int erase_scrub(struct ctx *c, bool *complete, struct err *e);

#endif
