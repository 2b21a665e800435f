/* ops.c - the screens' staffing, registration and conflict calls, each one
 * call into the rules module (core/staffing.h, core/registration.h,
 * core/check.h), so the TUI refuses exactly what the command line does. */
#include "ops.h"

#include "../core/check.h"
#include "../core/registration.h"
#include "../core/staffing.h"

int ops_assign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t id;
	return staffing_assign(c, shift, person, "coordinator", &id, e);
}

int ops_assign_check(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return staffing_check(c, shift, person, e);
}

int ops_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return staffing_unassign(c, shift, person, e);
}

int ops_shift_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return staffing_checkin(c, shift, person, e);
}

int ops_shift_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	return staffing_checkout(c, shift, person, e);
}

int ops_register(struct ctx *c, int64_t event, int64_t person, const char *kind, struct err *e)
{
	int64_t id;
	return registration_register(c, event, person, kind, &id, e);
}

int ops_unregister(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	return registration_unregister(c, event, person, e);
}

int ops_event_checkin(struct ctx *c, int64_t event, int64_t person, struct err *e)
{
	return registration_checkin(c, event, person, e);
}

int ops_check(struct ctx *c, int64_t event,
              int (*fn)(void *arg, const char *kind, const char *message), void *arg, struct err *e)
{
	return check_run(c, event, fn, arg, e);
}
