/* list.h - the one scrolling list widget. It holds only the rows on screen
 * and asks its fetch callback for the next or previous few rows by keyset
 * (core/page.h), so a list of 100,000 people opens and scrolls as fast as a
 * list of 10: no row count, no OFFSET, no full load. */
#ifndef MUSTER_LIST_H
#define MUSTER_LIST_H

#include <curses.h>
#include <stdbool.h>
#include <stdint.h>

#include "../core/array.h"
#include "../core/page.h"
#include "keymap.h"
#include "theme.h"

#define LIST_MAX_COLS 10

/* How tui/source.c turns a view's columns into a cell. */
enum cell_kind {
	CELL_TEXT,
	CELL_INT,
	CELL_TIME,  /* "Sat 13 Mar 10:00" in the zone */
	CELL_HM,    /* "10:00" */
	CELL_SPAN,  /* "Sat 13 Mar 10:00-11:30" from the starts and ends columns */
	CELL_YESNO, /* "yes" or "" */
	CELL_COVER, /* "2/3 SHORT 1" from need_min, need_max, filled (also sets the row role) */
	CELL_CONF,  /* person name, with "(confidential)" when flagged */
};

struct column {
	const char *title;
	int width;       /* columns it may be cut to; 0 = the flexible one (the name):
	                  * it takes what is left, and gives way first */
	bool keep;       /* never cut before the others (phones, emails, codes);
	                  * times and numbers always are kept */
	bool right;      /* right-aligned */
	bool marked;     /* drawn in the row's role (coverage states) */
	const char *src; /* the view column it shows */
	enum cell_kind kind;
};

struct list_row {
	struct db_value key;
	int64_t id;  /* tie-break of the sort */
	int64_t row; /* the entity row shown */
	int64_t aux; /* screen-specific (a person id...) */
	char *cells[LIST_MAX_COLS];
	/* what tells the row's person from another of the same name (their
	 * organization and email, or their code); shown beside the name only
	 * when two rows on screen share it. NULL = nothing */
	char *tell;
	enum ui_role role;
};

struct list;
/* Fetch the rows of request r (r->scope and r->search are the caller's to
 * set); call list_take for each, nearest first. */
typedef int (*list_fetch_fn)(void *arg, struct list *l, const struct page_req *r, struct err *e);

struct list {
	const struct column *cols;
	int ncols;
	list_fetch_fn fetch;
	void *arg;
	struct list_row *rows; /* the window on screen, top first */
	int nrows;
	struct list_row *got; /* rows of the last fetch */
	int ngot, capgot;
	int cursor;
	int height;       /* rows that fit */
	bool at_start;    /* the window begins at the first row: rows added above show */
	char search[128]; /* "" = everything */
	bool show_ids;    /* a first column with each row's id (its row) */
	const char *empty;
};

void list_init(struct list *l, const struct column *cols, int ncols, list_fetch_fn fetch, void *arg,
               const char *empty);
void list_free(struct list *l);
/* From a fetch callback: one more row. cells has l->ncols strings. */
void list_take(struct list *l, const struct db_value *key, int64_t id, int64_t row, int64_t aux,
               const char *const *cells, enum ui_role role);
/* From a fetch callback, after list_take: what tells the row's person apart. */
void list_tell(struct list *l, const char *tell);
/* Refetch the rows from the top row on, keeping the cursor on its row. */
int list_reload(struct list *l, struct err *e);
/* Rows that fit changed: refetch as many. */
int list_resize(struct list *l, int height, struct err *e);
/* Back to the first row. */
int list_first(struct list *l, struct err *e);
int list_set_search(struct list *l, const char *text, struct err *e);
/* Put the first row at or after (key, id) at the top, the cursor on it. */
int list_goto(struct list *l, const struct db_value *key, int64_t id, struct err *e);
/* Move for ACT_UP/DOWN/PGUP/PGDN/HOME/END; 1 handled, 0 not a move, -1 error. */
int list_key(struct list *l, enum action a, struct err *e);
const struct list_row *list_current(const struct list *l);
/* Draw the header line at y and the rows under it, in h lines and w columns. */
void list_draw(const struct list *l, const struct ui_theme *th, WINDOW *win, int y, int x, int h,
               int w, bool focused);

#endif
