/* eligibility.h - may this person work this shift? Gathers the facts from
 * the store (db/rules_store.h) and applies rules 1, 2 and 6 to 9 of SPEC
 * section 3 (rules.h); turns a verdict into the outcome of a write: hard
 * rules refuse, soft rules refuse unless the coordinator gave a reason
 * (c->override_reason; never at the kiosk), and an override is audited. */
#ifndef MUSTER_ELIGIBILITY_H
#define MUSTER_ELIGIBILITY_H

#include <stdbool.h>
#include <stdint.h>

#include "../db/rules_store.h"
#include "ctx.h"
#include "rules.h"

#define ELIG_OVERLAP 0x01u /* rule 1 (hard) */
#define ELIG_FILL    0x02u /* rule 2 (hard) */
#define ELIG_SPEAKER 0x04u /* rule 6 */
#define ELIG_REST    0x08u /* rule 7: rest */
#define ELIG_HOURS   0x10u /* rule 7: hours per day */
#define ELIG_SKILL   0x20u /* rule 8: skill */
#define ELIG_AGE     0x40u /* rule 8: age */
#define ELIG_AVAIL   0x80u /* rule 9 */
#define ELIG_ALL     0xffu

/* A shift with its role and event, as stored or about to be written. */
struct elig_shift {
	struct rs_shift shift;
	struct rs_role role;
	struct rs_event event;
};

/* The stored shift id with its role and event. */
int eligibility_load(struct ctx *c, int64_t shift, struct elig_shift *out, struct err *e);
/* Role and event for a shift whose own fields are already in out->shift. */
int eligibility_complete(struct ctx *c, struct elig_shift *out, struct err *e);
/* How the shift's times are written, and the shift as a named slot. */
void eligibility_fmt(const struct ctx *c, const struct elig_shift *s, struct rules_fmt *f);
/* How the times of event ev are written: its zone, the 12-hour setting. */
void eligibility_event_fmt(const struct ctx *c, const struct rs_event *ev, struct rules_fmt *f);
/* A stored slot (a shift, session, booth or window) as a named slot. */
struct rules_slot eligibility_stored_slot(const struct rs_slot *s);
void eligibility_slot(const struct elig_shift *s, struct rules_slot *out);
/* Both at once: what a rule needs to tell of shift s. */
struct elig_told {
	struct rules_fmt f;
	struct rules_slot slot;
};
struct elig_told eligibility_told(const struct ctx *c, const struct elig_shift *s);
/* "Greeter Sat 7 Dec 09:00–11:00". */
void eligibility_describe(const struct ctx *c, const struct elig_shift *s, char *buf, size_t n);

/* Apply the rules in mask to person on s, adding every broken one to v.
 * -1 only when the store fails. */
int eligibility_eval(struct ctx *c, const struct elig_shift *s, const struct rs_person *p,
                     unsigned mask, struct verdict *v, struct err *e);

/* Is the acting user a kiosk ("kiosk:CODE")? */
bool eligibility_is_kiosk(const struct ctx *c);
/* May soft rules be overridden here (a reason given, not a kiosk)? */
bool eligibility_may_override(const struct ctx *c);
/* The outcome of v: 0, or -1 with ERR_REFUSED (hard) / ERR_SOFT (soft, no
 * override). An override is written to the audit log against (entity, id). */
int eligibility_decide(struct ctx *c, const struct verdict *v, const char *entity, int64_t id,
                       struct err *e);

#endif
