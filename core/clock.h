/* clock.h - the injectable clock: real time, or pinned by --now / MUSTER_NOW. */
#ifndef MUSTER_CLOCK_H
#define MUSTER_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct clock {
	bool pinned;
	int64_t at; /* UTC seconds when pinned */
};

/* Pin the clock from text: ISO 8601 with offset or Z ("2026-12-05T09:30:00Z",
 * "2026-12-05T09:30-05:00"), "YYYY-MM-DD HH:MM[:SS]" read as UTC, or "@SECONDS". */
int clock_pin(struct clock *c, const char *text, struct err *e);
/* UTC seconds now. */
int64_t clock_now(const struct clock *c);

#endif
