/* page_store.h - keyset pagination over the lists the screens show: each
 * list ("view") is a static SELECT with a sort key and a unique tie-break,
 * and a page is the next (or previous) LIMIT rows after a (key, id) pair, so
 * paging costs the same at row 10 and at row 100,000 (no OFFSET, no counts). */
#ifndef MUSTER_PAGE_STORE_H
#define MUSTER_PAGE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "record_store.h"

struct page_view;

/* How a search finds its rows (see db/page_store.c): chosen by counting
 * them, or named (the plan tests visit both). */
enum page_plan { PAGE_PLAN_AUTO, PAGE_PLAN_SEEK, PAGE_PLAN_WALK };

/* One page request. The scope is the view's owner (an event, a shift). */
struct page_req {
	int64_t scope;
	const char *search;  /* NULL or "": everything; else what to match */
	enum page_plan plan; /* a search's plan: PAGE_PLAN_AUTO but in tests */
	bool has_after;      /* false: from the first row (the last when backward) */
	struct db_value after_key;
	int64_t after_id;
	bool inclusive; /* take the (after_key, after_id) row itself too */
	bool backward;  /* rows before the key, nearest first */
	int limit;
	int64_t from, to; /* a time window, for views that take one (agenda) */
};

/* One row: its place (key, id), the row id of the entity it shows, columns. */
struct page_row {
	struct db_value key;
	int64_t id;
	int64_t row;
	const struct db_value *cols;
	size_t ncols;
};

typedef int (*page_row_fn)(void *arg, const struct page_row *row);

const struct page_view *page_store_view(const char *name);
/* The name of the i-th view, NULL past the last (to visit every list). */
const char *page_store_view_name(size_t i);
/* Index of a named column of the view, -1 when none. */
int page_store_col(const struct page_view *v, const char *name);
size_t page_store_ncols(const struct page_view *v);
/* Call fn for each row of the page (values live during the call); fn returns
 * non-zero to stop. */
int page_store_fetch(struct db *db, const struct page_view *v, const struct page_req *r,
                     page_row_fn fn, void *arg, struct err *e);
/* How many rows the request's scope and search hold (its paging and limit
 * aside), and how many of them the view flags (a shift still short); a
 * view without a flag gives 0 flagged. Counting reads every matching row:
 * callers run it off the key path. */
int page_store_count(struct db *db, const struct page_view *v, const struct page_req *r,
                     int64_t *rows, int64_t *flagged, struct err *e);
/* The SQL a request runs (for EXPLAIN QUERY PLAN checks); free() it. */
char *page_store_sql(const struct page_view *v, const struct page_req *r);
/* The query plan of that SQL, one "detail" per line; free() it. */
char *page_store_plan(struct db *db, const struct page_view *v, const struct page_req *r,
                      struct err *e);

#endif
