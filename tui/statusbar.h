/* statusbar.h - the screen's fixed lines: the title bar (where you are) at
 * the top, the message line and the key hints of the screen on top at the
 * bottom. */
#ifndef MUSTER_STATUSBAR_H
#define MUSTER_STATUSBAR_H

#include "tui.h"

void statusbar_draw(struct tui *t);

#endif
