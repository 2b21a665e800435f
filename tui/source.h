/* source.h - a list's rows from a named view of core/page.h: each column of
 * the list names a view column and how to show it (times in the event's
 * zone, spans, coverage marks that read without colour). */
#ifndef MUSTER_SOURCE_H
#define MUSTER_SOURCE_H

#include "list.h"
#include "tui.h"

struct source {
	struct tui *t;
	const char *view;
	int64_t scope;
	char tz[64];         /* zone for times; "" = the row's "tz" column, else UTC */
	const char *aux_col; /* column kept with each row as its aux (default "person") */
};

/* A list_fetch_fn; arg is a struct source. */
int source_fetch(void *arg, struct list *l, const struct page_req *r, struct err *e);
/* Times as the screens show them. */
void source_time(const struct tui *t, const char *tz, int64_t at, char *buf, size_t n);
void source_span(const struct tui *t, const char *tz, int64_t from, int64_t to, char *buf,
                 size_t n);
/* "2/3 SHORT 1" and its role. */
enum ui_role source_cover(int64_t need_min, int64_t need_max, int64_t filled, bool cancelled,
                          char *buf, size_t n);

#endif
