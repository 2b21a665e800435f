/* screen.h - entry points of the full-screen front ends. */
#ifndef MUSTER_SCREEN_H
#define MUSTER_SCREEN_H

#include "app.h"

/* The coordinator TUI (SPEC section 6). */
int screen_run_coordinator(struct app *a, struct err *e);
/* The volunteer kiosk (SPEC section 7). */
int screen_run_kiosk(struct app *a, struct err *e);
/* The door: scan-to-check-in for an event or one of its sessions (SPEC
 * section 11), in the kiosk's locked-down frame. */
int screen_run_door(struct app *a, int64_t event, int64_t session, struct err *e);

#endif
