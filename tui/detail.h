/* detail.h - one base for the screens about one row (a person, a session, a
 * shift), as htop's InfoScreen serves its screens: a header of a few lines
 * loaded from the row, then a table of what belongs to it (with a tab bar
 * when there are several such tables, Tab switching). The base owns the
 * layout, drawing, keys, reload and leaving; a screen gives its definition:
 * the tables and a header loader. */
#ifndef MUSTER_DETAIL_H
#define MUSTER_DETAIL_H

#include "table.h"
#include "tui.h"

#define DETAIL_LINES 3

struct detail;

struct detail_def {
	const char *name;  /* what the row is, in messages ("person") */
	const char *title; /* the view's title before the id ("Person") */
	const enum action *actions;
	const struct table_def *tables; /* Tab switches between them (tab_names) */
	const char *const *tab_names;   /* NULL when there is one table */
	int ntables;
	int header_lines; /* lines of the header (a blank line or the tab bar follows) */
	/* Fill d->line (and d->role) from row d->id; set d->event when the row
	 * has one. On failure, say so in the first line. */
	void (*load)(struct detail *d, struct tui *t);
};

struct detail {
	const struct detail_def *def;
	int64_t id;    /* the row the screen is about */
	int64_t event; /* its event (0 when none) */
	char line[DETAIL_LINES][512];
	enum ui_role role[DETAIL_LINES]; /* set: the line is drawn tight in that role */
	int tab;                         /* which of def->tables shows */
	struct table tb;                 /* its owner is the struct detail */
	struct view *self;               /* the view showing it */
};

/* Push the screen for row id. */
void detail_open(struct tui *t, const struct detail_def *def, int64_t id);

#endif
