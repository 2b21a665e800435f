/* rules.h - the rules of SPEC section 3 as pure functions: each takes the
 * facts (names, times, limits) and returns a verdict, RULE_OK or the level of
 * the rule broken with a message naming both sides, times in the event's
 * zone. The write paths (eligibility.c, agenda.c, registration.c) gather the
 * facts from the store and apply them; check.c applies the same functions to
 * the data already stored. Intervals are half-open: [starts, ends). */
#ifndef MUSTER_RULES_H
#define MUSTER_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

enum rule_level { RULE_OK = 0, RULE_SOFT, RULE_HARD };

/* How times are written in messages. */
struct rules_fmt {
	const char *tz;   /* the event's zone; NULL or "" = UTC */
	bool twelve_hour; /* [display] time_format = 12h */
};

/* A timed thing as a person names it: a role ("Greeter"), a session title,
 * an organization. what may be NULL for "the one being written". */
struct rules_slot {
	const char *what;
	int64_t starts, ends;
};

/* Do [a0, a1) and [b0, b1) share an instant? 09:00-11:00 and 11:00-13:00 do not. */
bool rules_overlaps(int64_t a0, int64_t a1, int64_t b0, int64_t b1);
/* "Sat 7 Dec 09:00–11:00" (the end carries its day when it falls on another). */
void rules_when(const struct rules_fmt *f, int64_t starts, int64_t ends, char *buf, size_t n);
/* "10:00–12:00" when starts is on the local day of ref, else as rules_when. */
void rules_when_near(const struct rules_fmt *f, int64_t ref, int64_t starts, int64_t ends,
                     char *buf, size_t n);
/* "Sat 7 Dec": the local day of t. */
void rules_day(const struct rules_fmt *f, int64_t t, char *buf, size_t n);
/* "YYYY-MM-DD": the local date of t. */
void rules_date(const struct rules_fmt *f, int64_t t, char *buf, size_t n);
/* "2 h", "1 h 30 min", "45 min". */
void rules_duration(int64_t seconds, char *buf, size_t n);

/* Rule 1 (hard): person already works held; want overlaps it. */
enum rule_level rules_person_overlap(const struct rules_fmt *f, const char *person,
                                     const struct rules_slot *held, const struct rules_slot *want,
                                     char *msg, size_t n);
/* Rule 2 (hard): a shift with taken of need_max places filled has no room for person. */
enum rule_level rules_shift_room(const struct rules_fmt *f, const char *person,
                                 const struct rules_slot *shift, int64_t taken, int64_t need_max,
                                 char *msg, size_t n);
/* Rule 2, as found in stored data: more active assignments than need_max. */
enum rule_level rules_shift_overfilled(const struct rules_fmt *f, int64_t shift_id,
                                       const struct rules_slot *shift, int64_t taken,
                                       int64_t need_max, char *msg, size_t n);
/* Rule 3 (hard): room holds session held; session want overlaps it. */
enum rule_level rules_room_clash(const struct rules_fmt *f, const char *room,
                                 const struct rules_slot *held, const struct rules_slot *want,
                                 char *msg, size_t n);
/* A session placed in a room of kind booth_area (soft): the room is
 * the partners' booths' floor; kind is the room's kind. */
enum rule_level rules_session_in_booth_area(const char *room, const char *kind, const char *title,
                                            char *msg, size_t n);
/* Rule 3 (hard): booth label held by one organization (held.what) at times
 * overlapping another's (want.what). Same organization: no clash. */
enum rule_level rules_booth_clash(const struct rules_fmt *f, const char *label, int64_t held_org,
                                  const struct rules_slot *held, int64_t want_org,
                                  const struct rules_slot *want, char *msg, size_t n);
/* Rule 4 (hard): item (what = "session \"Opening\"") lies inside the event's
 * span [span0, span1) widened by setup and teardown. */
enum rule_level rules_in_span(const struct rules_fmt *f, const struct rules_slot *item,
                              const char *event, int64_t span0, int64_t span1, char *msg, size_t n);
/* Rule 5: is there a seat for one more? capacity 0 = unlimited. */
bool rules_seat_free(int64_t seated, int64_t capacity);
/* Rule 5, as found in stored data: more seated than capacity. */
enum rule_level rules_over_capacity(const char *event, int64_t seated, int64_t capacity, char *msg,
                                    size_t n);
/* Rule 5, as found in stored data: a free seat while first (at position) waits. */
enum rule_level rules_waitlist_idle(const char *event, int64_t seated, int64_t capacity,
                                    const char *first, int64_t position, char *msg, size_t n);
/* Rule 2: the seats of a session, min(session capacity, room capacity)
 * where 0 means unlimited (0 when both are). */
int64_t rules_session_capacity(int64_t session_capacity, int64_t room_capacity);
/* A sign-up needs a seat at the event: registration status reg_status
 * ("" when none; position when waitlisted) of person for event. */
enum rule_level rules_signup_registered(const char *person, const char *event,
                                        const char *reg_status, int64_t position, char *msg,
                                        size_t n);
/* Soft: person holds a sign-up for session held, which overlaps want. */
enum rule_level rules_signup_overlap(const struct rules_fmt *f, const char *person,
                                     const struct rules_slot *held, const struct rules_slot *want,
                                     char *msg, size_t n);
/* Rule 2, as found in stored data: more seated sign-ups than capacity. */
enum rule_level rules_session_over_capacity(const struct rules_fmt *f,
                                            const struct rules_slot *session, int64_t seated,
                                            int64_t capacity, char *msg, size_t n);
/* Rule 6 (soft): person speaks at session; shift overlaps it. */
enum rule_level rules_speaker_busy(const struct rules_fmt *f, const char *person,
                                   const struct rules_slot *session, const struct rules_slot *shift,
                                   char *msg, size_t n);
/* Rule 7 (soft): at least rest_minutes between two of a person's shifts. */
enum rule_level rules_rest(const struct rules_fmt *f, const char *person,
                           const struct rules_slot *a, const struct rules_slot *b, int rest_minutes,
                           char *msg, size_t n);
/* Rule 7 (soft): the person's shifts (slots) cover at most max_hours of the
 * local day [day0, day1) (23 or 25 hours long on a DST day). */
enum rule_level rules_day_hours(const struct rules_fmt *f, const char *person, int64_t day0,
                                int64_t day1, const struct rules_slot *slots, size_t nslots,
                                double max_hours, char *msg, size_t n);
/* The local days [day0, day1) that an instant range touches, in order: fills
 * up to max pairs, returns how many. */
size_t rules_days_of(const char *tz, int64_t starts, int64_t ends, int64_t (*days)[2], size_t max);
/* Rule 8 (soft): the role's skill is held and unexpired on the shift's
 * local date (expires = last valid day "YYYY-MM-DD", NULL = never). */
enum rule_level rules_skill(const struct rules_fmt *f, const char *person,
                            const struct rules_slot *shift, const char *skill, bool held,
                            const char *expires, char *msg, size_t n);
/* Rule 8 (soft): person is min_age or older on the shift's local date. */
enum rule_level rules_min_age(const struct rules_fmt *f, const char *person,
                              const struct rules_slot *shift, int min_age, const char *birth_date,
                              char *msg, size_t n);
/* Rule 9 (soft): the shift lies inside the union of the person's windows
 * (none = any time). */
enum rule_level rules_available(const struct rules_fmt *f, const char *person,
                                const struct rules_slot *shift, const struct rules_slot *windows,
                                size_t nwindows, char *msg, size_t n);

/* Kiosk self-service windows (hard at the kiosk). */
enum rule_level rules_signup_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                  int64_t now, int close_minutes, char *msg, size_t n);
enum rule_level rules_drop_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                int64_t now, int close_hours, char *msg, size_t n);
enum rule_level rules_checkin_open(const struct rules_fmt *f, const struct rules_slot *shift,
                                   int64_t now, int open_minutes, char *msg, size_t n);

/* Room for one rule's message, and for a verdict's messages joined. */
#define RULE_MSG_MAX 700

/* The verdicts of several rules on one write. */
struct verdict {
	int nhard, nsoft;
	char hard[RULE_MSG_MAX], soft[RULE_MSG_MAX]; /* messages joined with "; " */
};

void verdict_init(struct verdict *v);
/* Record msg at level (RULE_OK is ignored). */
void verdict_add(struct verdict *v, enum rule_level level, const char *msg);
/* 0 when nothing was broken; else -1 with ERR_REFUSED and the hard
 * messages, or ERR_SOFT and the soft ones. */
int verdict_err(const struct verdict *v, struct err *e);

#endif
