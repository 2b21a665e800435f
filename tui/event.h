/* event.h - the event screen and its tabs: agenda, sessions, rooms, booths,
 * people, roles, shifts, conflicts, audit. A tab is either a table (see
 * table.h) or its own set of callbacks (the timetable, conflicts). */
#ifndef MUSTER_EVENT_H
#define MUSTER_EVENT_H

#include "table.h"
#include "tui.h"

struct event_info {
	int64_t id;
	char name[256];
	char tz[64];
	int64_t starts, ends;       /* the event */
	int64_t span_from, span_to; /* widened by setup and teardown */
};

/* A tab that is not a plain table. */
struct tab_ops {
	void *(*open)(struct tui *t, const struct event_info *ev);
	void (*draw)(void *st, struct tui *t, int y, int h);
	int (*key)(void *st, struct tui *t, enum action a); /* -1: not taken */
	void (*reload)(void *st, struct tui *t);
	void (*resize)(void *st, struct tui *t, int h);
	void (*free)(void *st);
	bool (*idle)(void *st, struct tui *t); /* the keys rest (NULL: nothing) */
	/* work done ahead while the event is open, the tab in view (shown) or
	 * not: TUI_WORK_* flags (NULL: none). st exists before the tab shows. */
	int (*work)(void *st, struct tui *t, bool shown);
	const enum action *actions; /* with ACT_HINTS_END after the hinted ones */
};

struct tab {
	const char *name;
	const struct table_def *table;
	const struct tab_ops *ops;
};

extern const struct tab tab_agenda, tab_sessions, tab_rooms, tab_booths, tab_people, tab_roles,
    tab_shifts, tab_conflicts, tab_audit;

/* The shifts tab's keys, and its report modes (tab_reports.c): coverage per
 * hour as a chart, hours per volunteer. */
int tab_shifts_key(struct tui *t, struct table *tb, enum action a);
extern const struct table_def shifts_chart_def, shifts_hours_def;

/* Read the event's name, zone and span. */
int event_info_load(struct tui *t, int64_t id, struct event_info *out, struct err *e);

#endif
