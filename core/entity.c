/* entity.c - the entity table: every entity of SPEC section 2 with its
 * fields, as data. The generic operations in record.c, the command line and
 * the TUI forms are all driven from here. */
#include "entity.h"

#include <string.h>
#include <strings.h>

#include "agenda.h"
#include "people_csv.h"
#include "person.h"
#include "recheck.h"
#include "registration.h"
#include "schedule.h"
#include "signup.h"
#include "staffing.h"

static const char *const sectors[] = {
    "ngo",       "law_enforcement", "government",    "business", "faith",
    "education", "health",          "civil_society", "other",    NULL};
static const char *const event_statuses[] = {"draft", "published", "cancelled", NULL};
static const char *const room_kinds[] = {"room", "hall", "outdoor", "booth_area", NULL};
static const char *const session_kinds[] = {"general",   "breakout", "panel", "workshop",
                                            "screening", "training", "break", NULL};
static const char *const session_statuses[] = {"tentative", "confirmed", "cancelled", NULL};
static const char *const speaker_roles[] = {"speaker", "moderator", "panelist", "host", NULL};
static const char *const registration_kinds[] = {"attendee", "volunteer", "speaker", "partner",
                                                 "staff",    "press",     NULL};
static const char *const registration_statuses[] = {"registered", "waitlisted", "cancelled",
                                                    "checked_in", "no_show",    NULL};
static const char *const signup_statuses[] = {"registered", "waitlisted", "cancelled",
                                              "checked_in", "no_show",    NULL};
static const char *const shift_statuses[] = {"open", "cancelled", NULL};
static const char *const assignment_statuses[] = {
    "signed_up", "confirmed", "checked_in", "completed", "no_show", "dropped", NULL};
static const char *const assignment_sources[] = {"coordinator", "kiosk", "autofill", NULL};

#define TEXT(n, fl, h)                                                                             \
	{                                                                                          \
		n, FT_TEXT, fl, NULL, NULL, NULL, 0, 0, h                                          \
	}
#define INT(n, fl, d, lo, hi, h)                                                                   \
	{                                                                                          \
		n, FT_INT, fl, NULL, NULL, d, lo, hi, h                                            \
	}
#define ENUM(n, fl, vals, d, h)                                                                    \
	{                                                                                          \
		n, FT_ENUM, fl, NULL, vals, d, 0, 0, h                                             \
	}
#define REF(n, fl, to, h)                                                                          \
	{                                                                                          \
		n, FT_REF, fl, to, NULL, NULL, 0, 0, h                                             \
	}
#define TIME(n, fl, h)                                                                             \
	{                                                                                          \
		n, FT_TIME, fl, NULL, NULL, NULL, 0, 0, h                                          \
	}
#define DATE(n, fl, h)                                                                             \
	{                                                                                          \
		n, FT_DATE, fl, NULL, NULL, NULL, 0, 0, h                                          \
	}
#define BOOL(n, fl, d, h)                                                                          \
	{                                                                                          \
		n, FT_BOOL, fl, NULL, NULL, d, 0, 0, h                                             \
	}
#define EMAIL(n, fl, h)                                                                            \
	{                                                                                          \
		n, FT_EMAIL, fl, NULL, NULL, NULL, 0, 0, h                                         \
	}
#define UID_FIELD TEXT("uid", F_AUTO | F_UNIQUE, "iCalendar UID (random, stored)")
#define SEQ_FIELD INT("sequence", F_AUTO, "0", 0, 0, "iCalendar SEQUENCE")
#define N(a)      (sizeof a / sizeof a[0])

static const struct field_def org_fields[] = {
    TEXT("name", F_REQUIRED | F_UNIQUE, "organization name"),
    ENUM("sector", 0, sectors, "other", "kind of organization"),
    TEXT("contact_name", F_PRIVATE, "contact person"),
    EMAIL("email", F_PRIVATE, "contact email"),
    TEXT("phone", F_PRIVATE, "contact phone"),
    TEXT("website", 0, "web site"),
    TEXT("notes", F_LONG | F_PRIVATE, "notes"),
};

static const struct field_def person_fields[] = {
    TEXT("name", F_REQUIRED, "full name"),
    EMAIL("email", F_UNIQUE | F_PRIVATE, "email (unique)"),
    TEXT("phone", F_PRIVATE, "phone"),
    REF("org", 0, "org", "organization id"),
    DATE("birth_date", F_PRIVATE, "birth date YYYY-MM-DD (for minimum ages)"),
    BOOL("confidential", 0, "0", "never shown outside the coordinator's screens"),
    TEXT("volunteer_code", F_AUTO | F_UNIQUE, "kiosk sign-in code (generated)"),
    TEXT("pin_hash", F_AUTO | F_SECRET, "kiosk PIN hash (set with the pin command)"),
    TEXT("notes", F_LONG | F_PRIVATE, "notes"),
};

static const struct field_def skill_fields[] = {
    TEXT("name", F_REQUIRED | F_UNIQUE, "skill, e.g. first aid"),
};

static const struct field_def person_skill_fields[] = {
    REF("person", F_REQUIRED, "person", "person id"),
    REF("skill", F_REQUIRED, "skill", "skill id"),
    DATE("expires", 0, "last day the skill counts (YYYY-MM-DD), empty = never"),
};

static const struct field_def event_fields[] = {
    TEXT("name", F_REQUIRED, "event name"),
    TIME("starts", F_REQUIRED | F_SEQ, "start, in the event's zone"),
    TIME("ends", F_REQUIRED | F_SEQ, "end, in the event's zone"),
    {"tz", FT_TZ, F_REQUIRED, NULL, NULL, NULL, 0, 0, "IANA time zone, e.g. America/Chicago"},
    TEXT("venue", F_SEQ, "venue name"),
    TEXT("address", F_SEQ, "venue address"),
    TEXT("description", F_LONG, "description"),
    ENUM("status", F_SEQ, event_statuses, "draft", "draft, published or cancelled"),
    INT("capacity", 0, "0", 0, 1000000, "registrations before the waitlist (0 = unlimited)"),
    REF("host_org", 0, "org", "host organization id"),
    TIME("setup_starts", 0, "setup window start (before starts)"),
    TIME("teardown_ends", 0, "teardown window end (after ends)"),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def room_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    TEXT("name", F_REQUIRED, "room name (unique in the event)"),
    INT("capacity", 0, "0", 0, 1000000, "seats (0 = unlimited)"),
    ENUM("kind", 0, room_kinds, "room", "room, hall, outdoor or booth_area"),
};

static const struct field_def session_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    REF("room", F_SEQ, "room", "room id"),
    TEXT("title", F_REQUIRED, "title"),
    ENUM("kind", 0, session_kinds, "general", "general, breakout, panel, ..."),
    TIME("starts", F_REQUIRED | F_SEQ, "start"),
    TIME("ends", F_REQUIRED | F_SEQ, "end"),
    INT("capacity", 0, "0", 0, 1000000, "sign-ups (0 = room capacity)"),
    TEXT("description", F_LONG, "description"),
    ENUM("status", F_SEQ, session_statuses, "confirmed", "tentative, confirmed or cancelled"),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def speaker_fields[] = {
    REF("session", F_REQUIRED, "session", "session id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("role", 0, speaker_roles, "speaker", "speaker, moderator, panelist or host"),
};

static const struct field_def booth_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    REF("org", F_REQUIRED, "org", "organization id"),
    TEXT("label", F_REQUIRED | F_SEQ, "booth label, e.g. B12"),
    REF("room", F_SEQ, "room", "room id"),
    TIME("starts", F_SEQ, "start (default: the event's start)"),
    TIME("ends", F_SEQ, "end (default: the event's end)"),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def registration_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("kind", 0, registration_kinds, "attendee", "attendee, volunteer, speaker, ..."),
    ENUM("status", 0, registration_statuses, "registered", "registered, waitlisted, ..."),
    INT("waitlist_position", F_AUTO, NULL, 0, 0, "place on the waitlist"),
    TIME("checked_in_at", 0, "check-in time"),
    TIME("checked_out_at", 0, "check-out time"),
    TIME("created_at", F_AUTO, "when registered"),
};

static const struct field_def signup_fields[] = {
    REF("session", F_REQUIRED, "session", "session id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("status", 0, signup_statuses, "registered", "registered, waitlisted, cancelled, ..."),
    INT("waitlist_position", F_AUTO, NULL, 0, 0, "place on the session's waitlist"),
    TIME("created_at", F_AUTO, "when signed up"),
    TIME("checked_in_at", 0, "check-in time"),
};

static const struct field_def role_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    TEXT("name", F_REQUIRED, "role name, e.g. Greeter"),
    TEXT("description", F_LONG, "what the role does"),
    REF("skill", 0, "skill", "required skill id"),
    INT("min_age", 0, "0", 0, 120, "minimum age on the shift's date"),
    REF("lead", 0, "person", "role lead (person id)"),
};

static const struct field_def shift_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    REF("role", F_REQUIRED, "role", "role id"),
    REF("room", F_SEQ, "room", "room id (or booth)"),
    REF("booth", F_SEQ, "booth", "booth id (or room)"),
    TIME("starts", F_REQUIRED | F_SEQ, "start"),
    TIME("ends", F_REQUIRED | F_SEQ, "end"),
    INT("need_min", 0, "1", 0, 10000, "volunteers needed at least"),
    INT("need_max", 0, "1", 1, 10000, "volunteers wanted at most"),
    TEXT("notes", F_LONG, "notes"),
    ENUM("status", F_SEQ, shift_statuses, "open", "open or cancelled"),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def assignment_fields[] = {
    REF("shift", F_REQUIRED, "shift", "shift id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("status", 0, assignment_statuses, "signed_up", "signed_up, confirmed, checked_in, ..."),
    ENUM("source", 0, assignment_sources, "coordinator", "coordinator, kiosk or autofill"),
    TIME("checked_in_at", 0, "check-in time"),
    TIME("checked_out_at", 0, "check-out time"),
    TIME("created_at", F_AUTO, "when assigned"),
};

static const struct field_def availability_fields[] = {
    REF("person", F_REQUIRED, "person", "person id"),
    REF("event", F_REQUIRED, "event", "event id"),
    TIME("starts", F_REQUIRED, "window start"),
    TIME("ends", F_REQUIRED, "window end"),
};

static const struct field_def audit_fields[] = {
    TIME("at", 0, "when (UTC)"),
    TEXT("actor", 0, "login name or kiosk:CODE"),
    TEXT("action", 0, "what was done"),
    TEXT("entity", 0, "kind of row"),
    INT("entity_id", 0, NULL, 0, 0, "row id"),
    TEXT("summary", 0, "one-line summary"),
};

#define TZ_OF_EVENT(t) "(SELECT tz FROM event WHERE event.id = " t ".event)"
#define IN_EVENT       "event = ?"

static const struct entity_def entities[] = {
    {"event", "events", "event", event_fields, N(event_fields), "name", "id = ?", "event.tz", NULL,
     "starts, id", false, schedule_prepare, agenda_event_validate, registration_event_after_write},
    {"org", "orgs", "org", org_fields, N(org_fields), "name",
     "id IN (SELECT org FROM booth WHERE event = ?)", NULL, NULL, "name COLLATE NOCASE, id", false,
     NULL, NULL, NULL},
    {"person", "people", "person", person_fields, N(person_fields), "name",
     "id IN (SELECT person FROM registration WHERE event = ?)", NULL, NULL,
     "name COLLATE NOCASE, id", false, person_prepare, recheck_person, NULL},
    {"skill", "skills", "skill", skill_fields, N(skill_fields), "name", NULL, NULL, NULL,
     "name COLLATE NOCASE, id", false, NULL, people_csv_skill_validate, NULL},
    {"person_skill", "person_skills", "person_skill", person_skill_fields, N(person_skill_fields),
     NULL, NULL, NULL, NULL, NULL, false, NULL, recheck_person_skill, recheck_person_skill_after},
    {"room", "rooms", "room", room_fields, N(room_fields), "name", IN_EVENT, TZ_OF_EVENT("room"),
     "event", NULL, false, NULL, signup_room_validate, signup_room_after_write},
    {"session", "sessions", "session", session_fields, N(session_fields), "title", IN_EVENT,
     TZ_OF_EVENT("session"), "event", "starts, id", false, schedule_prepare,
     signup_session_validate, signup_session_after_write},
    {"speaker", "speakers", "speaker", speaker_fields, N(speaker_fields), NULL,
     "session IN (SELECT id FROM session WHERE event = ?)", NULL, NULL, NULL, false, NULL,
     recheck_speaker, NULL},
    {"booth", "booths", "booth", booth_fields, N(booth_fields), "label", IN_EVENT,
     TZ_OF_EVENT("booth"), "event", NULL, false, schedule_prepare, agenda_booth_validate, NULL},
    {"registration", "registrations", "registration", registration_fields, N(registration_fields),
     NULL, IN_EVENT, TZ_OF_EVENT("registration"), "event", NULL, false, registration_prepare,
     registration_validate, registration_after_write},
    {"signup", "signups", "signup", signup_fields, N(signup_fields), NULL,
     "session IN (SELECT id FROM session WHERE event = ?)",
     "(SELECT tz FROM event JOIN session ON session.event = event.id"
     " WHERE session.id = signup.session)",
     "session", NULL, false, signup_prepare, signup_validate, signup_after_write},
    {"role", "roles", "role", role_fields, N(role_fields), "name", IN_EVENT, TZ_OF_EVENT("role"),
     "event", NULL, false, NULL, recheck_role, NULL},
    {"shift", "shifts", "shift", shift_fields, N(shift_fields), NULL, IN_EVENT,
     TZ_OF_EVENT("shift"), "event", "starts, id", false, schedule_prepare, staffing_shift_validate,
     NULL},
    {"assignment", "assignments", "assignment", assignment_fields, N(assignment_fields), NULL,
     "shift IN (SELECT id FROM shift WHERE event = ?)",
     "(SELECT tz FROM event JOIN shift ON shift.event = event.id"
     " WHERE shift.id = assignment.shift)",
     "shift", NULL, false, schedule_prepare, staffing_assignment_validate,
     staffing_assignment_after_write},
    {"availability", "availabilities", "availability", availability_fields, N(availability_fields),
     NULL, IN_EVENT, TZ_OF_EVENT("availability"), "event", NULL, false, NULL, recheck_availability,
     recheck_availability_after},
    {"audit", "audit", "audit", audit_fields, N(audit_fields), NULL, "event = ?", NULL, NULL, "id",
     true, NULL, NULL, NULL},
};

const struct entity_def *entity_at(size_t i)
{
	return i < N(entities) ? &entities[i] : NULL;
}

const struct entity_def *entity_find(const char *name)
{
	for (size_t i = 0; i < N(entities); i++) {
		if (strcasecmp(name, entities[i].name) == 0 ||
		    strcasecmp(name, entities[i].plural) == 0)
			return &entities[i];
	}
	if (strcasecmp(name, "organization") == 0 || strcasecmp(name, "organizations") == 0)
		return entity_find("org");
	if (strcasecmp(name, "persons") == 0)
		return entity_find("person");
	if (strcasecmp(name, "audits") == 0)
		return entity_find("audit");
	return NULL;
}

int entity_field_index(const struct entity_def *ent, const char *name)
{
	for (size_t i = 0; i < ent->nfields; i++)
		if (strcmp(ent->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

const char *entity_type_name(enum field_type t)
{
	static const char *const names[] = {
	    [FT_TEXT] = "text",   [FT_INT] = "number",  [FT_BOOL] = "yes/no",
	    [FT_ENUM] = "choice", [FT_REF] = "id",      [FT_TIME] = "time",
	    [FT_DATE] = "date",   [FT_EMAIL] = "email", [FT_TZ] = "time zone",
	};
	return names[t];
}
