/* ops.c - staffing and registration writes through the generic record
 * operations, until the rules module's own calls are available. */
#include "ops.h"

#include <inttypes.h>
#include <stdio.h>

#include "../core/entity.h"

static int add2(struct ctx *c, const char *ent, const char *k1, int64_t v1, const char *k2,
                int64_t v2, const char *k3, const char *v3, struct err *e)
{
	char a[32], b[32];
	snprintf(a, sizeof a, "%" PRId64, v1);
	snprintf(b, sizeof b, "%" PRId64, v2);
	struct field_assign fa[] = {{k1, a}, {k2, b}, {k3, v3}};
	return record_add(c, entity_find(ent), fa, k3 ? 3 : 2, NULL, e);
}

int ops_assign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return add2(c, "assignment", "shift", shift, "person", person, NULL, NULL, e);
}

int ops_assign_check(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return 0;
}

static int find_row(struct ctx *c, const char *ent, const char *k1, int64_t v1, const char *k2,
                    int64_t v2, int64_t *id, struct err *e)
{
	(void)c, (void)ent, (void)k1, (void)v1, (void)k2, (void)v2, (void)id;
	return err_set(e, ERR_USAGE, "not available in this build yet");
}

int ops_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t id;
	return find_row(c, "assignment", "shift", shift, "person", person, &id, e);
}

int ops_shift_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t id;
	return find_row(c, "assignment", "shift", shift, "person", person, &id, e);
}

int ops_shift_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t id;
	return find_row(c, "assignment", "shift", shift, "person", person, &id, e);
}

int ops_register(struct ctx *c, int64_t event, int64_t person, const char *kind, struct err *e)
{
	return add2(c, "registration", "event", event, "person", person, "kind", kind, e);
}

int ops_unregister(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	int64_t id;
	return find_row(c, "registration", "event", event, "person", person, &id, e);
}

int ops_event_checkin(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	int64_t id;
	return find_row(c, "registration", "event", event, "person", person, &id, e);
}

int ops_check(struct ctx *c, int64_t event,
              int (*fn)(void *arg, const char *kind, const char *message), void *arg, struct err *e)
{
	return err_set(e, ERR_USAGE, "conflict checking is not in this build yet");
}
