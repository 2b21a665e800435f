/* candidates.h - who may take a shift, for a list to choose from quickly:
 * every volunteer and staff member registered for the shift's event, ranked
 * eligible, soft (an override would do) or hard (never), best first and by
 * name. The ranks come from one set-based query (db/candidate_store.c) that
 * mirrors the rules of core/rules.c conservatively: a rank is never worse
 * than staffing_check's, so nobody eligible is ever ranked below anyone who
 * is not, though a rank may be too good. The verdict and its words remain
 * staffing_check's: a screen calls it for the rows it shows (and moves a row
 * whose rank turns out worse). */
#ifndef MUSTER_CANDIDATES_H
#define MUSTER_CANDIDATES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

enum cand_rank { CAND_ELIGIBLE, CAND_SOFT, CAND_HARD };

struct candidate {
	int64_t person;
	char *name;
	bool confidential;
	char *tell;          /* email and organization, or the code; NULL = nothing */
	enum cand_rank rank; /* the estimate */
	size_t by_name;      /* place in name order (0 first) */
};

struct candidates {
	struct candidate *v;
	size_t n;
};

/* The candidates for shift, by rank then name. */
int candidates_load(struct ctx *c, int64_t shift, struct candidates *out, struct err *e);
void candidates_free(struct candidates *cs);
/* The rank of staffing_check's answer: 0 eligible, else by the error code
 * (ERR_SOFT soft, anything else hard). */
enum cand_rank candidates_rank_of(int rc, const struct err *e);
/* Order of two candidates: rank, then name (by_name). */
int candidates_cmp(const struct candidate *a, const struct candidate *b);

#endif
