/* autofill.h - auto-fill: the scheduling module staffs an event's open
 * shifts with its registered volunteers (SPEC section 11).
 *
 * It plans on a snapshot of the database (core/autofill_plan.c has the
 * objective and the algorithm), then writes the plan in short chunks, each
 * one BEGIN IMMEDIATE transaction in which every assignment is written by
 * `assign`'s own operation (staffing_assign with source "autofill", whose
 * hooks check the rules against the database as it is then); one that
 * became impossible meanwhile is skipped and counted, never forced. A run that writes is one batch,
 * numbered in the audit log, that autofill_undo takes back. */
#ifndef MUSTER_AUTOFILL_H
#define MUSTER_AUTOFILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

/* Which shifts to fill: the event's open shifts, narrowed by any of these. */
struct af_scope {
	int64_t event;
	int64_t role; /* 0: every role */
	char day[11]; /* "YYYY-MM-DD" in the event's zone: shifts starting that day; "": all */
	const int64_t *shifts; /* NULL: all; else only these (nshifts of them) */
	size_t nshifts;
};

/* Why volunteers cannot take a shift that is still short; the words are
 * autofill_reason_words[] and appear the same in the CLI and the TUI. */
enum af_reason {
	AF_BUSY,  /* another shift at that time, or a talk they give (rules 1, 6) */
	AF_SKILL, /* lack the role's skill, or it expired (rule 8) */
	AF_AGE,   /* under the role's minimum age, or no birth date (rule 8) */
	AF_AVAIL, /* outside their availability windows (rule 9) */
	AF_REST,  /* too little rest, or over the day's hours with it (rule 7) */
	AF_FULL,  /* their day already holds the most hours a day allows (rule 7) */
	AF_NREASONS
};

extern const char *const autofill_reason_words[AF_NREASONS];
/* The names of the reason columns in csv/tsv/json output. */
extern const char *const autofill_reason_keys[AF_NREASONS];

enum af_pick_state { AF_PROPOSED, AF_ADDED, AF_SKIPPED, AF_DROPPED };

/* One assignment of the plan. */
struct af_pick {
	int64_t shift, person;
	int64_t starts, ends;
	const char *role, *place, *name; /* owned by the plan */
	bool confidential;
	enum af_pick_state state;
	int64_t assignment; /* AF_ADDED: the new row */
	char *why;          /* AF_SKIPPED: what the rules said */
};

/* A shift in scope still under need_min after the plan. */
struct af_short {
	int64_t shift, starts, ends;
	const char *role, *place;
	int64_t need_min, need_max, filled;
	int64_t count[AF_NREASONS]; /* volunteers held back by each reason */
	int64_t could;              /* volunteers who could take it (a dropped proposal) */
};

struct af_stats {
	int64_t shifts;                 /* open shifts in scope */
	int64_t min_places, min_before; /* need_min places, filled before */
	int64_t min_after;              /* ... and after */
	int64_t max_places, max_before; /* need_max places, filled before */
	int64_t max_after;
	int64_t proposed, added, skipped, dropped;
	int64_t volunteers;                        /* registered volunteers considered */
	int64_t used;                              /* volunteers given at least one shift */
	double hours_max, hours_median, hours_min; /* event hours of those used */
};

struct af_plan {
	int64_t event;
	char event_name[256];
	char tz[64];
	struct af_pick *picks; /* by start, shift, name */
	size_t npicks;
	struct af_short *shorts; /* by start, shift */
	size_t nshorts;
	struct af_stats stats;
	int64_t batch; /* after autofill_apply: the batch written, 0 when none */
	struct af_model *model;
	int64_t *volunteers; /* while writing: the event's volunteers as last read */
	size_t nvolunteers;
};

/* Plan a fill of scope: nothing is written. Bad scope (unknown event or
 * role, a role of another event, a day outside the event) is an error. */
int autofill_plan(struct ctx *c, const struct af_scope *scope, struct af_plan *out, struct err *e);
/* Write the picks not dropped, in chunks; fills each pick's state, the
 * batch and the stats (shortfalls and reasons as planned). */
int autofill_apply(struct ctx *c, struct af_plan *p, struct err *e);
/* Drop or keep pick i before autofill_apply (the TUI's preview); the stats
 * and shortfalls follow. */
void autofill_drop(struct af_plan *p, size_t i, bool dropped);
void autofill_free(struct af_plan *p);

/* "12 busy at that time, 3 lack the skill" (the non-zero counts; "2 could
 * take it" first when a dropped proposal left them free), or "no
 * volunteers". */
void autofill_reasons_text(const struct af_short *s, char *buf, size_t n);

/* What autofill_undo did. */
struct af_kept {
	int64_t assignment, shift, person;
	char why[64]; /* "now checked_in", "edited since" */
};

struct af_undo {
	int64_t batch, event, removed;
	int64_t gone; /* removed by someone else since */
	struct af_kept *kept;
	size_t nkept;
};

/* Remove the assignments batch added (each through the record path, audited),
 * except those changed since (status no longer signed_up, or edited: the
 * audit log has an entry on them besides their creation), which are kept and
 * listed, and those already gone; the batch is marked undone. In chunks like
 * autofill_apply. An unknown batch is ERR_NOT_FOUND, an undone one
 * ERR_REFUSED. */
int autofill_undo(struct ctx *c, int64_t batch, struct af_undo *out, struct err *e);
void autofill_undo_free(struct af_undo *u);

#endif
