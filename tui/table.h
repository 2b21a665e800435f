/* table.h - a list of one entity's rows with what every such list does: move,
 * / search, a add, e edit, d delete (asking first), Enter open. Used whole
 * by the events, organizations and people screens and by the event's tabs. */
#ifndef MUSTER_TABLE_H
#define MUSTER_TABLE_H

#include "form.h"
#include "list.h"
#include "source.h"
#include "tui.h"

struct table;

struct table_def {
	const char *view;   /* core/page.h view the rows come from */
	const char *entity; /* what the rows are: a/e/d work on it; NULL: read-only */
	const struct column *cols;
	int ncols;
	const char *empty;
	/* for hints and help; ACT_NONE-terminated, ACT_HINTS_END after the
	 * ones the hint bar shows */
	const enum action *actions;
	/* more keys: reaction flags, or -1 when not taken */
	int (*key)(struct tui *t, struct table *tb, enum action a);
	/* Enter (NULL: table_view_row) */
	int (*open)(struct tui *t, struct table *tb, const struct list_row *r);
	/* values for a new row's form */
	void (*preset)(struct tui *t, struct table *tb, struct form_spec *spec);
	/* rows from somewhere other than the view (NULL: source_fetch) */
	list_fetch_fn fetch;
	const char *aux_col; /* view column kept as each row's aux (NULL: "person") */
	/* rows computed whole (a report) rather than paged from a view: load
	 * fills tb->cache on every reload, before the list refetches from it;
	 * drop frees it */
	int (*load)(struct tui *t, struct table *tb, struct err *e);
	void (*drop)(struct table *tb);
	/* the caption line above the columns: with a noun ("shifts") it always
	 * shows how many rows the list holds (and, with flag_word, how many
	 * the view flags: "39 short"); without one it shows while a search is
	 * on. Counts are made when the keys rest (table_idle). */
	const char *noun;
	const char *noun_one; /* for a count of 1 (NULL: noun without its final s) */
	const char *flag_word;
	bool uncounted; /* rows too dear to count (each one is checked) */
};

/* What the caption counted, and for which list. */
struct table_count {
	bool known;
	const struct table_def *def;
	char search[128];
	int64_t rows, flagged;
	double at; /* monotonic seconds */
};

struct table {
	const struct table_def *def;
	struct list list;
	struct source src;
	int64_t event; /* the event in view, 0 when none */
	void *owner;   /* the screen holding the table */
	void *cache;   /* what def->load computed, NULL before */
	int h;         /* lines given: the caption (when shown), the header, the rows */
	bool stale;    /* reloaded since the caption counted */
	struct table_count count;
};

void table_init(struct table *tb, struct tui *t, const struct table_def *def, int64_t scope,
                int64_t event);
void table_free(struct table *tb);
/* Switch to another view or definition (keeps search text). */
void table_switch(struct table *tb, struct tui *t, const struct table_def *def);
void table_draw(struct table *tb, struct tui *t, WINDOW *w, int y, int x, int h, int width);
void table_resize(struct table *tb, struct tui *t, int h);
void table_reload(struct table *tb, struct tui *t);
/* The keys rest: count the caption's rows when they may have changed;
 * true when the screen must be painted again. */
bool table_idle(struct table *tb, struct tui *t);
/* Reaction flags, or -1 when the key is not the table's. */
int table_key(struct table *tb, struct tui *t, enum action a);
/* The add / edit form for the table's entity. */
int table_add(struct tui *t, struct table *tb);
int table_edit(struct tui *t, struct table *tb, int64_t id);
/* Enter on a row without a screen of its own: every field of the entity's
 * row, or every column of a row that is no entity's, read-only in a box. */
int table_view_row(struct tui *t, struct table *tb, const struct list_row *r);
/* Ask, then delete the row (the core refuses while others depend on it). */
int table_delete_row(struct tui *t, const struct entity_def *ent, int64_t id);
/* For lists in time order: the time of the row at the cursor (its day is
 * the day being viewed), else fallback. */
int64_t table_time_in_view(const struct table *tb, int64_t fallback);
/* For lists in time order ([ and ]): to the first row of the next day, or
 * of the current day (the previous when already there). */
int table_day_jump(struct tui *t, struct table *tb, bool forward);
/* Show an error: on the message line, and in a box when it is too long. */
void table_fail(struct tui *t, const struct err *e);

/* A full screen holding one table (events, organizations, people). */
void table_screen_open(struct tui *t, const struct table_def *def, const char *title, int64_t scope,
                       int64_t event);

#endif
