/* signals.h - what every signal does to a full-screen muster, from start-up
 * to exit. The kiosk: every catchable signal is either ignored (^C ^\ ^Z,
 * background terminal access, a broken pipe) or wipes the screen, gives the
 * terminal back and exits 0 at once, wherever the program is (start-up,
 * a PIN check, a database wait); a crash (SEGV, BUS, ABRT, FPE, ILL) wipes the
 * screen and dies of its signal. The coordinator: HUP and TERM do the same
 * wipe-and-exit, the rest stay as curses sets them. Both: a resize is noted
 * for termsize_follow. */
#ifndef MUSTER_SIGNALS_H
#define MUSTER_SIGNALS_H

#include <stdbool.h>

enum signals_policy { SIGNALS_KIOSK, SIGNALS_COORDINATOR };

/* Install the policy and remember the terminal's modes, before curses
 * starts (curses then installs none of its own handlers for these). */
void signals_install(enum signals_policy policy);
/* Curses is up: take from terminfo the bytes that clear the screen and leave
 * the full-screen mode, for the handlers to write. */
void signals_arm(void);
/* Did the terminal change size since the last call? */
bool signals_take_resize(void);

#endif
