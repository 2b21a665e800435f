/* screen.h - entry points of the full-screen front ends. */
#ifndef MUSTER_SCREEN_H
#define MUSTER_SCREEN_H

#include "app.h"

/* The coordinator TUI (SPEC section 6). */
int screen_run_coordinator(struct app *a, struct err *e);
/* The volunteer kiosk (SPEC section 7). */
int screen_run_kiosk(struct app *a, struct err *e);

#endif
