/* staffing_stub.h - TEMPORARY: the staffing and PIN API the rules branch is
 * writing (core/staffing.h, core/person.h), declared here with the agreed
 * names so the kiosk builds before it lands. Deleted when main has it. */
#ifndef MUSTER_STAFFING_STUB_H
#define MUSTER_STAFFING_STUB_H

#include <stdint.h>

#include "ctx.h"

int staffing_assign(struct ctx *c, int64_t shift, int64_t person, const char *source,
                    int64_t *assignment_id, struct err *e);
int staffing_unassign(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int staffing_check(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int staffing_checkin(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int staffing_checkout(struct ctx *c, int64_t shift, int64_t person, struct err *e);
int person_verify_pin(struct ctx *c, int64_t person, const char *pin, struct err *e);

#endif
