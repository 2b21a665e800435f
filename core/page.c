/* page.c - the screens' paged lists over db/page_store.c. */
#include "page.h"

int page_fetch(struct ctx *c, const char *view, const struct page_req *r, page_row_fn fn, void *arg,
               struct err *e)
{
	const struct page_view *v = page_store_view(view);
	if (!v)
		return err_set(e, ERR_USAGE, "no list named %s", view);
	return page_store_fetch(c->db, v, r, fn, arg, e);
}

int page_count(struct ctx *c, const char *view, const struct page_req *r, int64_t *rows,
               int64_t *flagged, struct err *e)
{
	const struct page_view *v = page_store_view(view);
	if (!v)
		return err_set(e, ERR_USAGE, "no list named %s", view);
	return page_store_count(c->db, v, r, rows, flagged, e);
}

int page_col(const char *view, const char *col)
{
	const struct page_view *v = page_store_view(view);
	return v ? page_store_col(v, col) : -1;
}

int64_t page_data_version(struct ctx *c)
{
	return db_data_version(c->db);
}

struct page_stamp page_data_stamp(struct ctx *c)
{
	return (struct page_stamp){db_data_version(c->db), db_total_changes(c->db)};
}

bool page_stamp_same(struct page_stamp a, struct page_stamp b)
{
	return a.others == b.others && a.own == b.own;
}
