/* termsize.h - the terminal size muster's screens use: what the terminal
 * reports, cut to at most TERMSIZE_MAX_LINES x TERMSIZE_MAX_COLS before
 * curses allocates anything, at start and on every resize. An SSH client
 * may ask for any size (30000x30000 made curses allocate gigabytes); no real
 * screen is larger than this, and a larger one shows muster in its top left. */
#ifndef MUSTER_TERMSIZE_H
#define MUSTER_TERMSIZE_H

#define TERMSIZE_MAX_LINES 200
#define TERMSIZE_MAX_COLS  500

/* The size to use: TIOCGWINSZ, else $LINES/$COLUMNS, else 24x80, bounded. */
void termsize_get(int *lines, int *cols);
/* Before newterm: curses reads LINES/COLUMNS before it asks the terminal, so
 * they are set to the bounded size. */
void termsize_prepare(void);
/* After SIGWINCH (signals_take_resize): curses takes the new bounded size,
 * and the next key read is KEY_RESIZE. */
void termsize_follow(void);

#endif
