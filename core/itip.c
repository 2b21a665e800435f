/* itip.c - iTIP state: the SEQUENCE rule, the sent-state store behind it
 * (db/itip_store.c), and the hooks that raise sequences when a room or an
 * event changes under its items. See itip.h. */
#include "itip.h"

#include <stdio.h>
#include <string.h>

#include "../db/itip_store.h"
#include "schedule.h"

static const char *const method_names[] = {[ITIP_REQUEST] = "REQUEST", [ITIP_CANCEL] = "CANCEL"};

const char *itip_method_name(enum itip_method m)
{
	return method_names[m];
}

int64_t itip_sequence(const struct itip_sent *last, enum itip_method m, int64_t item_sequence)
{
	if (!last)
		return m == ITIP_CANCEL ? item_sequence + 1 : item_sequence;
	if (last->method == m && last->item_sequence == item_sequence)
		return last->sequence; /* the same message again */
	int64_t above = last->sequence + 1;
	int64_t own = m == ITIP_CANCEL ? item_sequence + 1 : item_sequence;
	return own > above ? own : above;
}

static void from_store(const struct itip_store_sent *s, struct itip_sent *out)
{
	memset(out, 0, sizeof *out);
	out->person = s->person;
	snprintf(out->uid, sizeof out->uid, "%s", s->uid);
	out->method = strcmp(s->method, "CANCEL") == 0 ? ITIP_CANCEL : ITIP_REQUEST;
	out->sequence = s->sequence;
	out->item_sequence = s->item_sequence;
	out->sent_at = s->sent_at;
}

int itip_last(struct ctx *c, int64_t person, const char *uid, struct itip_sent *out, bool *found,
              struct err *e)
{
	struct itip_store_sent s;
	if (itip_store_get(c->db, person, uid, &s, found, e) < 0)
		return -1;
	if (*found)
		from_store(&s, out);
	return 0;
}

int itip_next(struct ctx *c, int64_t person, const char *uid, enum itip_method m,
              int64_t item_sequence, int64_t *sequence, struct err *e)
{
	struct itip_sent last;
	bool found;
	if (itip_last(c, person, uid, &last, &found, e) < 0)
		return -1;
	*sequence = itip_sequence(found ? &last : NULL, m, item_sequence);
	return 0;
}

int itip_record(struct ctx *c, const struct itip_sent *s, struct err *e)
{
	struct itip_store_sent row = {.person = s->person,
	                              .sequence = s->sequence,
	                              .item_sequence = s->item_sequence,
	                              .sent_at = s->sent_at};
	snprintf(row.uid, sizeof row.uid, "%s", s->uid);
	snprintf(row.method, sizeof row.method, "%s", itip_method_name(s->method));
	if (db_begin(c->db, e) < 0)
		return -1;
	if (itip_store_put(c->db, &row, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

struct each {
	int (*fn)(void *arg, const struct itip_sent *s);
	void *arg;
};

static int each_row(void *arg, const struct itip_store_sent *s)
{
	struct each *x = arg;
	struct itip_sent one;
	from_store(s, &one);
	return x->fn(x->arg, &one);
}

int itip_each(struct ctx *c, int64_t person, int (*fn)(void *arg, const struct itip_sent *s),
              void *arg, struct err *e)
{
	struct each x = {fn, arg};
	return itip_store_person(c->db, person, each_row, &x, e);
}

static bool text_changed(const struct record *r, const struct record *old, const char *field)
{
	const char *a = record_text(r, field), *b = record_text(old, field);
	return strcmp(a ? a : "", b ? b : "") != 0;
}

int itip_room_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (old && text_changed(r, old, "name"))
		return itip_store_raise_room(c->db, r->id, e);
	return 0;
}

int itip_booth_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (schedule_prepare(c, r, old, e) < 0)
		return -1;
	if (old &&
	    (text_changed(r, old, "label") || record_int(r, "room") != record_int(old, "room")))
		return itip_store_raise_booth(c->db, r->id, e);
	return 0;
}

int itip_event_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (schedule_prepare(c, r, old, e) < 0)
		return -1;
	if (old && (text_changed(r, old, "status") || text_changed(r, old, "venue") ||
	            text_changed(r, old, "address")))
		return itip_store_raise_event(c->db, r->id, e);
	return 0;
}
