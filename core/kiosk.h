/* kiosk.h - the volunteer kiosk's domain (SPEC sections 3 and 7): signing in
 * with a code and PIN under a lockout shared by every kiosk through the
 * database, a volunteer's own shifts, the open shifts they may take, and the
 * self-service windows for check-in, check-out, sign-up and drop. Nothing
 * here returns another volunteer's name or contact; a role lead appears by
 * first name only, and a confidential lead not at all. */
#ifndef MUSTER_KIOSK_H
#define MUSTER_KIOSK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ctx.h"

#define KIOSK_CODE_MAX 16 /* longest code the kiosk accepts (codes are 6) */
#define KIOSK_PIN_MAX  16

/* Who is signed in at a kiosk. */
struct kiosk_user {
	int64_t person; /* 0 = nobody */
	char code[KIOSK_CODE_MAX + 1];
	char name[128]; /* the volunteer's own name; "" when confidential */
};

enum kiosk_state {
	KS_SIGNED_UP,  /* signed up or confirmed, not yet checked in */
	KS_CHECKED_IN, /* checked in, not yet out */
	KS_DONE,       /* checked out */
	KS_CANCELLED,  /* the shift or its event was cancelled */
	KS_OPEN,       /* an open shift the volunteer may take */
};

/* One shift as the kiosk shows it. Text is raw from the database: the front
 * end sanitizes it before drawing. */
struct kiosk_shift {
	int64_t shift;
	int64_t starts, ends;
	char tz[64];
	char day[32];  /* "Sat 7 Dec" in the event's zone */
	char time[48]; /* "09:00–11:00" (or 12-hour) in the event's zone */
	char event[128];
	char role[128];
	char place[128];
	char lead[64];          /* the lead's first name, "your lead" when confidential, "" */
	bool lead_confidential; /* lead holds "your lead", not a name */
	enum kiosk_state state;
	int places_left; /* need_max minus active assignments */
};

/* Where the open-shift listing goes on from. */
struct kiosk_cursor {
	int64_t starts, id; /* last candidate looked at */
	bool done;          /* no candidates left */
};

/* Actions a volunteer may take on a shift. */
enum kiosk_action { KA_CHECKIN, KA_CHECKOUT, KA_SIGNUP, KA_DROP };

/* Start a kiosk session: actor "kiosk", no override. */
void kiosk_begin(struct ctx *c);

/* Sign in with a typed or scanned code and a PIN. Every attempt counts
 * against the code in kiosk_lock, in a BEGIN IMMEDIATE transaction, whether
 * the code exists or not; after [kiosk] pin_attempts failures the code is
 * locked for lockout_minutes on every kiosk. A good PIN clears the count and
 * sets c->actor to "kiosk:CODE". A wrong PIN and an unknown code give the
 * same ERR_REFUSED message; a locked code says so. Every failure also
 * counts across all codes (kiosk_failure): beyond [kiosk]
 * global_failures_per_minute in the last minute, attempts on any code at any
 * kiosk are refused unchecked, and the first refusal in a minute is
 * written to the audit log. */
int kiosk_sign_in(struct ctx *c, const char *code, const char *pin, struct kiosk_user *u,
                  struct err *e);
/* Wrong PINs at every kiosk, for the coordinator: beyond [kiosk]
 * global_failures_per_minute in the last minute, every kiosk refuses
 * sign-ins unchecked (kiosk_sign_in says so) until the count falls. */
struct kiosk_failures {
	int limit;              /* [kiosk] global_failures_per_minute */
	int last_minute;        /* wrong PINs in the last minute, all codes */
	int last_hour;          /* ... in the last hour */
	int codes_last_hour;    /* across this many codes */
	bool paused_now;        /* last_minute reached the limit */
	int64_t paused_at;      /* when sign-ins last paused in the last hour (0: not) */
	int paused_minutes_ago; /* how long ago that was */
};
int kiosk_failures(struct ctx *c, struct kiosk_failures *f, struct err *e);

/* Forget the volunteer: actor back to "kiosk". */
void kiosk_sign_out(struct ctx *c, struct kiosk_user *u);

/* The volunteer's own upcoming shifts, soonest first (at most max). */
int kiosk_mine(struct ctx *c, int64_t person, struct kiosk_shift *out, int max, int *n,
               struct err *e);

/* Open shifts the volunteer may take now, soonest first: open, not full, not
 * yet closed for sign-up, and passing every hard and soft rule (a dry run of
 * the assignment). Fills at most max, looking at a bounded number of
 * candidates per call; call again with the same cursor for more until
 * cur->done. Start with a zeroed cursor. */
int kiosk_open(struct ctx *c, int64_t person, struct kiosk_cursor *cur, struct kiosk_shift *out,
               int max, int *n, struct err *e);

/* Is the action inside its window for this shift as listed? When not, why
 * (a sentence for the volunteer) goes into why. */
bool kiosk_can(const struct ctx *c, const struct kiosk_shift *s, enum kiosk_action a, char *why,
               size_t n);

/* Do the action on shift for the volunteer, in one transaction: the window
 * is checked again on the stored shift, then the core rules apply with no
 * override. On success done holds a sentence saying what happened; on
 * refusal e says why (ERR_REFUSED / ERR_SOFT / ERR_NOT_FOUND). */
int kiosk_act(struct ctx *c, const struct kiosk_user *u, int64_t shift, enum kiosk_action a,
              char *done, size_t n, struct err *e);

/* The exit passphrase: hash one for [kiosk] exit_passphrase_hash, and check
 * a typed one against the configured hash (false when none is configured). */
int kiosk_passphrase_hash(const char *pass, char *out, size_t n, struct err *e);
bool kiosk_passphrase_ok(const struct config *cfg, const char *pass);
/* ERR_CONFIG when [kiosk] exit_passphrase_hash is set but is not a whole
 * hash in libsodium's string format (then nobody could ever leave the kiosk
 * from its keyboard). */
int kiosk_config_check(const struct config *cfg, struct err *e);

#endif
