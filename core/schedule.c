/* schedule.c - defaults for timed rows: random UIDs, creation times, and a
 * booth's span defaulting to its event's. */
#include "schedule.h"

#include <uuid/uuid.h>

void schedule_new_uid(char out[37])
{
	uuid_t u;
	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

/* A booth without times holds its place for the whole event. */
static int booth_default_span(struct ctx *c, struct record *r, struct err *e)
{
	if (record_has(r, "starts") && record_has(r, "ends"))
		return 0;
	struct record ev;
	if (record_get(c, entity_find("event"), record_int(r, "event"), &ev, e) < 0)
		return -1;
	if (!record_has(r, "starts"))
		record_set_int(r, "starts", record_int(&ev, "starts"));
	if (!record_has(r, "ends"))
		record_set_int(r, "ends", record_int(&ev, "ends"));
	record_free(&ev);
	return 0;
}

int schedule_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	if (old)
		return 0;
	if (entity_field_index(r->ent, "uid") >= 0 && !record_has(r, "uid")) {
		char uid[37];
		schedule_new_uid(uid);
		record_set_text(r, "uid", uid);
	}
	if (entity_field_index(r->ent, "created_at") >= 0 && !record_has(r, "created_at"))
		record_set_int(r, "created_at", clock_now(c->clock));
	if (r->ent->fields == entity_find("booth")->fields && record_has(r, "event"))
		return booth_default_span(c, r, e);
	return 0;
}
