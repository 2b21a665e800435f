/* page.h - what the screens page through: named lists (views) fetched a page
 * at a time by keyset (see db/page_store.c), and the change counter that
 * tells a screen another process wrote. */
#ifndef MUSTER_PAGE_H
#define MUSTER_PAGE_H

#include <stdbool.h>

#include "../db/page_store.h"
#include "ctx.h"

/* Fetch one page of the named view; ERR_USAGE for an unknown view. */
int page_fetch(struct ctx *c, const char *view, const struct page_req *r, page_row_fn fn, void *arg,
               struct err *e);
/* Rows of the view matching r's scope and search, and how many of them the
 * view flags (shifts: still short); slow on large lists, never per key. */
int page_count(struct ctx *c, const char *view, const struct page_req *r, int64_t *rows,
               int64_t *flagged, struct err *e);
/* Index of a column of a view by name; -1 when either is unknown. */
int page_col(const char *view, const char *col);
/* Changes whenever another connection commits (PRAGMA data_version). */
int64_t page_data_version(struct ctx *c);
/* The data as this connection sees it: another connection's commit or a
 * write of this one changes the stamp; equal stamps, nothing changed. */
struct page_stamp {
	int64_t others, own;
};
struct page_stamp page_data_stamp(struct ctx *c);
bool page_stamp_same(struct page_stamp a, struct page_stamp b);

#endif
