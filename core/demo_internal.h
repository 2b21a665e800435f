/* demo_internal.h - what the files of the demo share, and nothing outside
 * them: the plan (every row to write, referring to others by index, in
 * typed growable arrays), the shapes of the data tables (demo_data.c), the
 * planner's entry points (demo_plan.c) and the writer's (demo_write.c).
 * demo.c joins them behind demo.h. */
#ifndef MUSTER_DEMO_INTERNAL_H
#define MUSTER_DEMO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "array.h"
#include "demo.h"
#include "person.h"

/* ---- time and randomness ------------------------------------------------- */

#define HM(h, m) ((h)*60 + (m)) /* minutes of a local day */

/* The state of the seeded generator (xorshift64*, demo_plan.c). */
struct rng {
	uint64_t s;
};

/* ---- storage: typed growable arrays, a string arena, a counting map ------ */

/* A growable array of T: v[0..n), room for cap. */
#define VEC(T)                                                                                     \
	struct {                                                                                   \
		T *v;                                                                              \
		size_t n, cap;                                                                     \
	}

struct arena {
	char *block;
	size_t used, cap;
	VEC(char *) blocks;
};

/* Open-addressing map from a 64-bit key to a count (0 = empty slot). */
struct map {
	uint64_t *keys;
	uint32_t *vals;
	size_t n, cap;
};

/* ---- the plan: every row to write, referring to others by index ---------- */

enum skill_id { SK_FIRST_AID, SK_TIC, SK_AV, SK_SPANISH, SK_KHMER, SK_ASL, NSKILLS };

/* An interval a person is taken: a shift (work) or a session they speak at. */
struct busy {
	int64_t starts, ends;
	int32_t date; /* local date of a shift, for hours per day */
	bool work;
};

/* Every plan row starts with its database id, filled when written. */
struct p_org {
	int64_t id;
	const char *name, *sector, *contact, *email, *phone, *website, *notes;
};

struct p_skill {
	int64_t id;
	const char *name;
};

struct p_person {
	int64_t id;
	const char *name, *email, *notes;
	char phone[20];
	char code[PERSON_CODE_LEN + 1];
	int32_t org, birth;
	int32_t expires[NSKILLS]; /* 0 = never */
	uint8_t skills;           /* bit per enum skill_id */
	bool confidential;
	uint16_t navail, nbusy, capbusy;
	uint32_t avail0; /* first of navail windows in plan.avails */
	struct busy *busy;
};

struct p_pskill {
	int64_t id;
	int32_t person, skill, expires;
};

struct p_event {
	int64_t id;
	const char *name, *tz, *venue, *address, *description, *status;
	int64_t starts, ends, setup, teardown;
	int capacity;
	int32_t host;
};

struct p_room {
	int64_t id;
	int32_t event;
	const char *name, *kind;
	int capacity;
};

struct p_session {
	int64_t id;
	int32_t event, room;
	const char *title, *kind, *description, *status;
	int64_t starts, ends;
	int capacity;
};

struct p_speaker {
	int64_t id;
	int32_t session, person;
	const char *role;
};

struct p_booth {
	int64_t id;
	int32_t event, org, room;
	const char *label;
	int64_t starts, ends;
};

struct p_reg {
	int64_t id;
	int32_t event, person;
	const char *kind;
};

/* A sign-up for a session; waitlisted ones carry their place in line. */
struct p_signup {
	int64_t id;
	int32_t session, person;
	int position; /* 0: seated */
};

struct p_role {
	int64_t id;
	int32_t event, skill, lead;
	const char *name, *description;
	int min_age;
};

struct p_shift {
	int64_t id;
	int32_t event, role, room, booth, date;
	int64_t starts, ends;
	int need_min, need_max;
	const char *notes;
};

struct p_avail {
	int64_t id;
	int32_t person, event;
	int64_t starts, ends;
};

struct p_assign {
	int64_t id;
	int32_t shift, person;
	const char *status;
};

struct plan {
	struct rng rng;
	struct arena text;
	struct map emails, codes;
	VEC(struct p_org) orgs;
	VEC(struct p_skill) skills;
	VEC(struct p_person) people;
	VEC(struct p_pskill) pskills;
	VEC(struct p_event) events;
	VEC(struct p_room) rooms;
	VEC(struct p_session) sessions;
	VEC(struct p_speaker) speakers;
	VEC(struct p_booth) booths;
	VEC(struct p_reg) regs;
	VEC(struct p_signup) signups;
	VEC(struct p_role) roles;
	VEC(struct p_shift) shifts;
	VEC(struct p_avail) avails;
	VEC(struct p_assign) assigns;
	VEC(int32_t) history; /* attendees of earlier events, for reuse */
	size_t history_next;
	int64_t rest, max_day; /* seconds, from [rules] */
	const char *area;      /* phone area code for new people */
	struct err err;        /* the first failure while planning */
	bool failed;
};

#define ORG(p, i)     (&(p)->orgs.v[i])
#define PERSON(p, i)  (&(p)->people.v[i])
#define EVENT(p, i)   (&(p)->events.v[i])
#define ROOM(p, i)    (&(p)->rooms.v[i])
#define SESSION(p, i) (&(p)->sessions.v[i])
#define BOOTH(p, i)   (&(p)->booths.v[i])
#define ROLE(p, i)    (&(p)->roles.v[i])
#define SHIFT(p, i)   (&(p)->shifts.v[i])
#define AVAIL(p, i)   (&(p)->avails.v[i])

/* ---- the shapes of the data tables --------------------------------------- */

struct name {
	const char *text, *ascii;
};

struct culture {
	const struct name *given;
	size_t ngiven;
	const struct name *family;
	size_t nfamily;
	bool family_first;
	const char *sep; /* between the two parts */
	unsigned weight;
};

struct org_seed {
	const char *name, *sector, *slug, *notes;
};

/* 0-17 meet at the gathering (0 hosts, 1 co-hosts); 18 hosts the forum. */
enum {
	O_LAKESHORE,
	O_SOUTHSIDE,
	O_POLICE,
	O_VICTIM_SERVICES,
	O_LEGAL_CLINIC,
	O_NORTHSIDE_YOUTH,
	O_MERCY_HEALTH,
	O_COLLEGE,
	O_HOTELS,
	O_SAFE_HARBOR,
	O_OPEN_DOOR = 15,
	O_ATLANTIC = 18,
	O_SURVIVORS_FORWARD = 23,
	NSEED_ORGS = 40,
};

struct topic {
	const char *title, *kind, *about;
};

/* Skills held by a share of volunteers; some certificates expire. */
struct skill_rate {
	int skill;
	unsigned pct;          /* of the volunteers */
	unsigned expiring_pct; /* of the holders, with an expiry date */
};

struct event_seed {
	const char *name, *tz, *venue, *address, *description;
	int32_t first_day; /* YYYYMMDD */
	int days;
	int day_start, day_end, setup_start, teardown_end; /* minutes of the local day */
	int capacity;
	int32_t host;
};

struct role_seed {
	const char *name, *about;
	int skill, min_age;
};

#define G_DATE 20261205

enum { G_MAIN, G_FAIR, G_SCREEN };

/* The youth organizer on the panel is a gathering volunteer. */
#define YOUTH_SPEAKER 4

#define G_VOLUNTEERS 15
#define G_STAFF      3
#define G_BOOTHS     16

enum conf_role {
	R_REG,
	R_USHER,
	R_MONITOR,
	R_INFO,
	R_AV,
	R_FIRST_AID,
	R_SPANISH,
	R_SURVIVOR,
	R_KHMER,
	R_ASL,
	R_STEWARD,
	R_TRANSPORT,
	R_CATERING,
	R_BOOTH,
	R_ACCESS,
	NCONF_ROLES
};

enum place { AT_NONE, AT_PLENARY, AT_BREAKOUTS, AT_EXHIBITS, AT_BOOTHS };

#define B_ALL      0xffu      /* every block of the day */
#define B_SETUP    (1u << 30) /* the setup window before the first block, day one */
#define B_TEARDOWN (1u << 31) /* the teardown window after the last day */

/* A volunteer post: one role at one kind of place, staffed in blocks. */
struct post {
	enum conf_role role;
	enum place at;
	int count;         /* AT_NONE: how many such posts */
	const char *where; /* notes; numbered when count > 1 */
	int need_min, need_max;
	unsigned blocks;
};

struct conf_spec {
	struct event_seed ev;
	const char *area;
	const char *plenary;
	int plenary_cap;
	const char *const *breakouts; /* names, or NULL for "Room 101" ... */
	int nbreakouts;
	int nexhibits;
	const char *booth_prefix;   /* one letter per exhibit hall */
	int booths_all, booths_day; /* per hall: for the whole event; per day */
	const char *stage;          /* outdoor evening stage, or NULL */
	int skip_every;             /* last breakout room empty every Nth slot (0: never) */
	bool regional_titles;
	int block_start, block_len, nblocks; /* volunteer blocks, minutes */
	const struct post *posts;
	size_t nposts;
	const struct skill_rate *rates;
	size_t nrates;
	const int16_t *orgs; /* partner orgs in booth order, or NULL: org_first.. */
	int norgs, org_first;
	int volunteers, vol_speakers, staff, speakers, survivors, partners_per_booth, press,
	    attendees, reuse, undercover, avail_pct;
};

#define LARGE_PEOPLE  100000
#define SUMMIT_ORGS   (NSEED_ORGS)
#define REGIONAL_ORGS (NSEED_ORGS + 205)

struct org_kind {
	const char *kind, *sector;
};

struct speaker_pattern {
	const char *kind;
	const char *roles[4];
};

struct gathering_room {
	const char *name;
	int capacity;
	const char *kind;
};

struct gathering_session {
	int room, start, end;
	const char *title, *kind, *about;
};

struct gathering_speaker {
	int32_t org;
	bool confidential;
	const char *notes;
};

struct gathering_talk {
	int session;
	bool by_volunteer;
	int who; /* index into gathering_speakers, or into the volunteers */
	const char *role;
};

struct gathering_shift {
	int role, room, booth, start, end, need_min, need_max;
	const char *notes;
};

struct regional {
	const char *name, *tz, *venue, *address, *area;
	int32_t date;
};

/* ---- the gathering and the conferences ----------------------------------- */

/* Speakers of the gathering (demo_gathering_speakers). */
#define G_SPEAKERS 7

/* ---- the data tables (demo_data.c) --------------------------------------- */

extern const char *const demo_skill_names[NSKILLS];
extern const struct culture demo_cultures[];
extern const struct org_seed demo_org_seeds[NSEED_ORGS];
extern const char *const demo_org_places[];
extern const struct org_kind demo_org_kinds[];
extern const struct topic demo_topics[];
extern const char *const demo_regions[];
extern const char *const demo_opening_titles[];
extern const char *const demo_closing_titles[];
extern const char *const demo_evening_titles[];
extern const struct speaker_pattern demo_speaker_patterns[];
extern const struct event_seed demo_gathering_event;
extern const struct gathering_room demo_gathering_rooms[];
extern const struct gathering_session demo_gathering_sessions[];
extern const struct gathering_speaker demo_gathering_speakers[];
extern const struct gathering_talk demo_gathering_talks[];
extern const struct role_seed demo_gathering_roles[];
extern const struct gathering_shift demo_gathering_shifts[];
extern const struct skill_rate demo_gathering_rates[];
extern const int demo_gathering_windows[][3];
extern const struct role_seed demo_conf_roles[NCONF_ROLES];
extern const struct conf_spec demo_forum;
extern const struct conf_spec demo_summit;
extern const struct regional demo_regionals[];
extern const size_t demo_cultures_n;
extern const size_t demo_org_places_n;
extern const size_t demo_org_kinds_n;
extern const size_t demo_topics_n;
extern const size_t demo_regions_n;
extern const size_t demo_opening_titles_n;
extern const size_t demo_closing_titles_n;
extern const size_t demo_evening_titles_n;
extern const size_t demo_speaker_patterns_n;
extern const size_t demo_gathering_rooms_n;
extern const size_t demo_gathering_sessions_n;
extern const size_t demo_gathering_speakers_n;
extern const size_t demo_gathering_talks_n;
extern const size_t demo_gathering_roles_n;
extern const size_t demo_gathering_shifts_n;
extern const size_t demo_gathering_rates_n;
extern const size_t demo_gathering_windows_n;
extern const size_t demo_regionals_n;

/* An empty plan, its generator seeded for size, the rules from c's settings. */
void demo_plan_init(struct plan *p, const struct ctx *c, enum demo_size size);
void demo_plan_free(struct plan *p);
/* The small set: the gathering and the forum. */
void demo_plan_small(struct plan *p);
/* The scale set: the summit, four regional forums, then a people directory
 * (mailing list, past attendees) up to LARGE_PEOPLE. */
void demo_plan_large(struct plan *p);

/* Write every row of the plan in order, referenced rows first: through
 * record_write (rules, audit) or, when bulk, the prepared inserts of
 * db/demo_store.c. Each row's id goes back into the plan. */
int demo_write(struct ctx *c, struct plan *p, bool bulk, struct err *e);

#endif
