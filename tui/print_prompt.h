/* print_prompt.h - `p` on the Shifts tab (the roster), the People tab (the
 * sign-in sheet or badges) and the chart per hour (the coverage chart):
 * ask for a file name in the [print] folder, write the PDF there through
 * core/print.h, and say where it went (to copy off over SSH). */
#ifndef MUSTER_PRINT_PROMPT_H
#define MUSTER_PRINT_PROMPT_H

#include <stdint.h>

#include "../core/print.h"
#include "tui.h"

/* Ask for the file name of doc for event, then write it. */
void print_prompt(struct tui *t, int64_t event, enum print_doc doc);
/* The People tab: the sign-in sheet or the volunteers' badges first. */
void print_prompt_people(struct tui *t, int64_t event);

#endif
