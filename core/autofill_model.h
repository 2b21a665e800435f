/* autofill_model.h - auto-fill's snapshot in memory and the planner that
 * works on it (autofill_plan.c), shared by autofill.c only. The model holds
 * one event's open shifts and registered volunteers with every fact rules
 * 1, 2 and 6 to 9 need; am_check applies those rules to one person and one
 * shift exactly as core/eligibility.c does with the store. */
#ifndef MUSTER_AUTOFILL_MODEL_H
#define MUSTER_AUTOFILL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AM_MAX_DAYS 8

/* What keeps a person off a shift (or-ed). */
#define AM_ON    0x001u /* has a row on the shift already (any status) */
#define AM_BUSY  0x002u /* another active shift overlaps, or a talk */
#define AM_SKILL 0x004u
#define AM_AGE   0x008u
#define AM_AVAIL 0x010u
#define AM_REST  0x020u /* too little rest, or the day's hours broken */
#define AM_FULL  0x040u /* the day's hours are already used up */

/* An interval of a person's: a shift (index into the model's shifts, -1 for
 * one outside this event's open shifts), a talk, a window. */
struct am_iv {
	int64_t starts, ends;
	int shift;
	bool planned; /* added by this plan */
};

struct am_skill {
	int64_t skill;
	char expires[11]; /* "" = never */
};

struct am_person {
	int64_t id;
	char *name;
	bool confidential;
	bool born; /* birth date known and valid */
	int by, bm, bd;
	struct am_iv *iv; /* active shifts, by start */
	int niv, civ;
	struct am_iv *talk;
	int ntalk, ctalk;
	struct am_iv *win; /* by start */
	int nwin, cwin;
	struct am_skill *skill;
	int nskill, cskill;
	int64_t *rows; /* event shifts with a row of theirs, sorted */
	int nrows, crows;
	int64_t load0;  /* seconds of the event's shifts before the plan */
	int64_t load;   /* ... with the plan */
	int64_t weight; /* tie-break: how many skilled roles they may do */
	int pos;        /* place in the model's order */
};

struct am_role {
	int64_t id, skill;
	int min_age;
	char *name;
	double scarcity; /* volunteers who may do it per place still needed */
};

struct am_shift {
	int64_t id, starts, ends;
	int role;
	int64_t need_min, need_max, filled0;
	char *place;
	char date[11]; /* local date of the start */
	int ly, lm, ld;
	int64_t day[AM_MAX_DAYS][2];
	int nday;
	bool scope;
	bool dry;     /* nobody could be found for it */
	int64_t seen; /* the repair search that last passed through it */
	int *taken;   /* people this plan puts on it */
	int ntaken, ctaken;
};

struct af_model {
	const char *tz;
	int64_t rest;   /* seconds */
	double max_day; /* seconds */
	struct am_role *roles;
	size_t nroles, croles;
	struct am_shift *shifts; /* by start, id */
	size_t nshifts, cshifts;
	int *shift_by_id;         /* indices sorted by id */
	struct am_person *people; /* by id */
	size_t npeople, cpeople;
	int *order;         /* people by load (with weight), then id */
	unsigned char *may; /* [role * npeople + person]: skill held and age possible */
	int64_t work;       /* checks left for the repairs */
	int64_t search;     /* the current repair search */
};

/* Find by id: the index, or -1. */
int am_shift_index(const struct af_model *m, int64_t id);
int am_person_index(const struct af_model *m, int64_t id);
/* The rules that keep person p off shift s; with all false it stops at the
 * first one found. 0: p may take s. */
unsigned am_check(const struct af_model *m, const struct am_person *p, const struct am_shift *s,
                  bool all);
/* Put p on s in the plan, or take them off. */
void am_assign(struct af_model *m, int s, int p);
void am_unassign(struct af_model *m, int s, int p);
/* After the shifts are loaded: the index by id (am_shift_index). */
void am_prepare_index(struct af_model *m);
/* After loading: the order, the role table, the tie-breaks. */
void am_prepare(struct af_model *m);
/* The plan: need_min first, then towards need_max, then the repairs. */
void am_fill(struct af_model *m);
/* Active places on s with the plan. */
int64_t am_filled(const struct am_shift *s);
void am_free(struct af_model *m);

#endif
