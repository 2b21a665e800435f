/* privacy.h - what happens to each kind of row that points at a person when
 * the person is erased, and the retention rule of [privacy]
 * retain_days_after_event: who the next sweep lets go. The references are
 * read from the schema (db/privacy_store.h), so a table added later that
 * points at person is found at once; until it has a rule here, erasure
 * refuses to run (and tests/unit/test_privacy.c fails). */
#ifndef MUSTER_PRIVACY_H
#define MUSTER_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../db/privacy_store.h"
#include "ctx.h"

enum ref_fate {
	REF_KEEP,   /* the row stays, pointing at the anonymous person */
	REF_DELETE, /* the row goes */
	REF_CLEAR,  /* the row stays, the reference becomes NULL */
};

struct ref_rule {
	const char *table;
	const char *column;
	enum ref_fate fate;
	const char *why;
};

/* The rule for a reference, NULL when none. */
const struct ref_rule *privacy_rule(const struct person_ref *r);
const char *privacy_fate_name(enum ref_fate f);

/* Every reference to person in the schema (free() *out). */
int privacy_refs(struct ctx *c, struct person_ref **out, size_t *n, struct err *e);
/* ERR_DB naming every reference without a rule; 0 when all have one. */
int privacy_refs_covered(const struct person_ref *refs, size_t n, struct err *e);

/* The instant before which an event must have ended for its people to be
 * let go: now - retain_days_after_event days. false when retention is 0. */
bool privacy_cutoff(const struct ctx *c, int64_t *cutoff);
/* How many people of event the next sweep would erase (0 when retention
 * is 0 or the event is still held). */
int privacy_sweep_count(struct ctx *c, int64_t event, int64_t *n, struct err *e);

#endif
