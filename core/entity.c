/* entity.c - the entity table: every entity of SPEC section 2 with its
 * fields, as data. The generic operations in record.c, the command line and
 * the TUI forms are all driven from here. */
#include "entity.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "agenda.h"
#include "array.h"
#include "itip.h"
#include "lead.h"
#include "person.h"
#include "recheck.h"
#include "registration.h"
#include "schedule.h"
#include "signup.h"
#include "skill.h"
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
static const char *const shift_statuses[] = {"open", "cancelled", NULL};
static const char *const assignment_statuses[] = {
    "signed_up", "confirmed", "checked_in", "completed", "no_show", "dropped", NULL};
static const char *const assignment_sources[] = {"coordinator", "kiosk", "autofill", NULL};

/* One field a row: the macros name the members they fill. */
#define FIELD(n, t, fl, h) .name = n, .type = t, .flags = fl, .help = h
#define TEXT(n, fl, h)                                                                             \
	{                                                                                          \
		FIELD(n, FT_TEXT, fl, h)                                                           \
	}
#define INT(n, fl, d, lo, hi, h)                                                                   \
	{                                                                                          \
		FIELD(n, FT_INT, fl, h), .def = d, .min = lo, .max = hi                            \
	}
#define ENUM(n, fl, vals, d, h)                                                                    \
	{                                                                                          \
		FIELD(n, FT_ENUM, fl, h), .values = vals, .def = d                                 \
	}
#define REF(n, fl, to, h)                                                                          \
	{                                                                                          \
		FIELD(n, FT_REF, fl, h), .ref = to                                                 \
	}
#define TIME(n, fl, h)                                                                             \
	{                                                                                          \
		FIELD(n, FT_TIME, fl, h)                                                           \
	}
#define DATE(n, fl, h)                                                                             \
	{                                                                                          \
		FIELD(n, FT_DATE, fl, h)                                                           \
	}
#define BOOL(n, fl, d, h)                                                                          \
	{                                                                                          \
		FIELD(n, FT_BOOL, fl, h), .def = d                                                 \
	}
#define EMAIL(n, fl, h)                                                                            \
	{                                                                                          \
		FIELD(n, FT_EMAIL, fl, h)                                                          \
	}
#define ZONE(n, fl, h)                                                                             \
	{                                                                                          \
		FIELD(n, FT_TZ, fl, h)                                                             \
	}
#define UID_FIELD TEXT("uid", F_AUTO | F_UNIQUE, "iCalendar UID (random, stored)")
#define SEQ_FIELD INT("sequence", F_AUTO, "0", 0, 0, "iCalendar SEQUENCE")

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
    TEXT("volunteer_code", F_AUTO | F_UNIQUE, "person code for the kiosk and the door (generated)"),
    TEXT("pin_hash", F_AUTO | F_SECRET, "kiosk PIN hash (set with the pin command)"),
    TEXT("notes", F_LONG | F_PRIVATE, "notes"),
    BOOL("keep", 0, "0", "kept past [privacy] retain_days_after_event (give keep_reason)"),
    TEXT("keep_reason", F_LONG | F_PRIVATE, "why the person is kept past the retention"),
    TIME("erased_at", F_AUTO, "when the details were erased (person forget, privacy sweep)"),
};

static const struct field_def skill_fields[] = {
    TEXT("name", F_REQUIRED | F_UNIQUE, "skill, e.g. first aid"),
};

static const struct field_def person_skill_fields[] = {
    REF("person", F_REQUIRED, "person", "person id"),
    REF("skill", F_REQUIRED | F_UNIQUE_IN, "skill", "skill id"),
    DATE("expires", 0, "last day the skill counts (YYYY-MM-DD), empty = never"),
};

static const struct field_def event_fields[] = {
    TEXT("name", F_REQUIRED, "event name"),
    TIME("starts", F_REQUIRED | F_SEQ, "start, in the event's zone"),
    TIME("ends", F_REQUIRED | F_SEQ, "end, in the event's zone"),
    ZONE("tz", F_REQUIRED, "IANA time zone, e.g. America/Chicago"),
    TEXT("venue", F_SEQ, "venue name"),
    TEXT("address", F_SEQ, "venue address"),
    TEXT("description", F_LONG, "description"),
    ENUM("status", F_SEQ, event_statuses, "draft", NULL),
    INT("capacity", 0, "0", 0, 1000000, "registrations before the waitlist (0 = unlimited)"),
    REF("host_org", 0, "org", "host organization id"),
    TIME("setup_starts", 0, "setup window start (before starts)"),
    TIME("teardown_ends", 0, "teardown window end (after ends)"),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def room_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    TEXT("name", F_REQUIRED | F_UNIQUE_IN, "room name (unique in the event)"),
    INT("capacity", 0, "0", 0, 1000000, "seats (0 = unlimited)"),
    ENUM("kind", 0, room_kinds, "room", NULL),
};

static const struct field_def session_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    REF("room", F_SEQ, "room", "room id"),
    TEXT("title", F_REQUIRED, "title"),
    ENUM("kind", 0, session_kinds, "general", NULL),
    TIME("starts", F_REQUIRED | F_SEQ, "start"),
    TIME("ends", F_REQUIRED | F_SEQ, "end"),
    INT("capacity", 0, "0", 0, 1000000, "sign-ups (0 = room capacity)"),
    TEXT("description", F_LONG, "description"),
    ENUM("status", F_SEQ, session_statuses, "confirmed", NULL),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def speaker_fields[] = {
    REF("session", F_REQUIRED, "session", "session id"),
    REF("person", F_REQUIRED | F_UNIQUE_IN, "person", "person id"),
    ENUM("role", 0, speaker_roles, "speaker", NULL),
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
    ENUM("kind", 0, registration_kinds, "attendee", NULL),
    ENUM("status", 0, registration_statuses, "registered", NULL),
    INT("waitlist_position", F_AUTO, NULL, 0, 0, "place on the waitlist"),
    TIME("checked_in_at", 0, "check-in time"),
    TIME("checked_out_at", 0, "check-out time"),
    TIME("created_at", F_AUTO, "when registered"),
};

static const struct field_def signup_fields[] = {
    REF("session", F_REQUIRED, "session", "session id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("status", 0, registration_statuses, "registered", NULL), /* a registration's five */
    INT("waitlist_position", F_AUTO, NULL, 0, 0, "place on the session's waitlist"),
    TIME("created_at", F_AUTO, "when signed up"),
    TIME("checked_in_at", 0, "check-in time"),
};

static const struct field_def role_fields[] = {
    REF("event", F_REQUIRED, "event", "event id"),
    TEXT("name", F_REQUIRED | F_UNIQUE_IN, "role name, e.g. Greeter"),
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
    ENUM("status", F_SEQ, shift_statuses, "open", NULL),
    UID_FIELD,
    SEQ_FIELD,
};

static const struct field_def assignment_fields[] = {
    REF("shift", F_REQUIRED, "shift", "shift id"),
    REF("person", F_REQUIRED, "person", "person id"),
    ENUM("status", 0, assignment_statuses, "signed_up", NULL),
    ENUM("source", 0, assignment_sources, "coordinator", NULL),
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

static const struct field_def lead_fields[] = {
    TEXT("login", F_REQUIRED, "login name (the Unix user running muster)"),
    ENUM("role", F_REQUIRED, lead_role_names, NULL, "what the lead may do"),
    REF("event", 0, "event", "an event it coordinates or views (none: every event)"),
    REF("role_id", 0, "role", "a volunteer role it leads (role_lead)"),
    REF("org", 0, "org", "an organization it leads (org_lead)"),
    BOOL("confidential", 0, "0", "a coordinator who sees confidential people (each sight audited)"),
    TIME("created_at", F_AUTO, "when the lead was added"),
};

#define TZ_OF_EVENT(t) "(SELECT tz FROM event WHERE event.id = " t ".event)"
#define IN_EVENT       "event = ?"

#define FIELDS(a) .fields = a, .nfields = ARRAY_LEN(a)

static const struct entity_def entities[] = {
    {
        .name = "event",
        .plural = "events",
        .table = "event",
        FIELDS(event_fields),
        .label = "name",
        .event_where = "id = ?",
        .tz_expr = "event.tz",
        .order_by = "starts, id",
        .prepare = itip_event_prepare,
        .validate = agenda_event_validate,
        .after_write = registration_event_after_write,
    },
    {
        .name = "org",
        .plural = "orgs",
        .table = "org",
        FIELDS(org_fields),
        .label = "name",
        .event_where = "id IN (SELECT org FROM booth WHERE event = ?)",
        .order_by = "name COLLATE NOCASE, id",
    },
    {
        .name = "person",
        .plural = "people",
        .table = "person",
        FIELDS(person_fields),
        .label = "name",
        .event_where = "id IN (SELECT person FROM registration WHERE event = ?)",
        .order_by = "name COLLATE NOCASE, id",
        .prepare = person_prepare,
        .validate = person_validate,
    },
    {
        .name = "skill",
        .plural = "skills",
        .table = "skill",
        FIELDS(skill_fields),
        .label = "name",
        .order_by = "name COLLATE NOCASE, id",
        .validate = skill_validate,
    },
    {
        .name = "person_skill",
        .plural = "person_skills",
        .table = "person_skill",
        FIELDS(person_skill_fields),
        .validate = recheck_person_skill,
        .after_write = recheck_person_skill_after,
    },
    {
        .name = "room",
        .plural = "rooms",
        .table = "room",
        FIELDS(room_fields),
        .label = "name",
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("room"),
        .tz_from = "event",
        .prepare = itip_room_prepare,
        .validate = signup_room_validate,
        .after_write = signup_room_after_write,
    },
    {
        .name = "session",
        .plural = "sessions",
        .table = "session",
        FIELDS(session_fields),
        .label = "title",
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("session"),
        .tz_from = "event",
        .order_by = "starts, id",
        .prepare = schedule_prepare,
        .validate = signup_session_validate,
        .after_write = signup_session_after_write,
    },
    {
        .name = "speaker",
        .plural = "speakers",
        .table = "speaker",
        FIELDS(speaker_fields),
        .event_where = "session IN (SELECT id FROM session WHERE event = ?)",
        .validate = recheck_speaker,
    },
    {
        .name = "booth",
        .plural = "booths",
        .table = "booth",
        FIELDS(booth_fields),
        .label = "label",
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("booth"),
        .tz_from = "event",
        .prepare = itip_booth_prepare,
        .validate = agenda_booth_validate,
    },
    {
        .name = "registration",
        .plural = "registrations",
        .table = "registration",
        FIELDS(registration_fields),
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("registration"),
        .tz_from = "event",
        .prepare = registration_prepare,
        .validate = registration_validate,
        .after_write = registration_after_write,
    },
    {
        .name = "signup",
        .plural = "signups",
        .table = "signup",
        FIELDS(signup_fields),
        .event_where = "session IN (SELECT id FROM session WHERE event = ?)",
        .tz_expr = "(SELECT tz FROM event JOIN session ON session.event = event.id"
                   " WHERE session.id = signup.session)",
        .tz_from = "session",
        .prepare = signup_prepare,
        .validate = signup_validate,
        .after_write = signup_after_write,
    },
    {
        .name = "role",
        .plural = "roles",
        .table = "role",
        FIELDS(role_fields),
        .label = "name",
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("role"),
        .tz_from = "event",
        .validate = recheck_role,
    },
    {
        .name = "shift",
        .plural = "shifts",
        .table = "shift",
        FIELDS(shift_fields),
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("shift"),
        .tz_from = "event",
        .order_by = "starts, id",
        .prepare = schedule_prepare,
        .validate = staffing_shift_validate,
    },
    {
        .name = "assignment",
        .plural = "assignments",
        .table = "assignment",
        FIELDS(assignment_fields),
        .event_where = "shift IN (SELECT id FROM shift WHERE event = ?)",
        .tz_expr = "(SELECT tz FROM event JOIN shift ON shift.event = event.id"
                   " WHERE shift.id = assignment.shift)",
        .tz_from = "shift",
        .prepare = schedule_prepare,
        .validate = staffing_assignment_validate,
        .after_write = staffing_assignment_after_write,
    },
    {
        .name = "availability",
        .plural = "availabilities",
        .table = "availability",
        FIELDS(availability_fields),
        .event_where = IN_EVENT,
        .tz_expr = TZ_OF_EVENT("availability"),
        .tz_from = "event",
        .validate = recheck_availability,
        .after_write = recheck_availability_after,
    },
    {
        .name = "lead",
        .plural = "leads",
        .table = "lead",
        FIELDS(lead_fields),
        .label = "login",
        .event_where = "event = ?",
        .order_by = "login, id",
        .prepare = lead_prepare,
        .validate = lead_validate,
        .after_write = lead_after_write,
    },
    {
        .name = "audit",
        .plural = "audit",
        .table = "audit",
        FIELDS(audit_fields),
        .event_where = "event = ?",
        .order_by = "id",
        .read_only = true,
    },
};

const struct entity_def *entity_at(size_t i)
{
	return i < ARRAY_LEN(entities) ? &entities[i] : NULL;
}

const struct entity_def *entity_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(entities); i++) {
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

int entity_field_known(const struct entity_def *ent, const char *name)
{
	int i = entity_field_index(ent, name);
#ifndef NDEBUG
	if (i < 0) {
		/* a name in the code that the table does not have: a typo, or a
		 * field renamed in one place only; never the user's input */
		fprintf(stderr, "muster: internal error: %s has no field \"%s\"\n", ent->name,
		        name);
		abort();
	}
#endif
	return i;
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

/* "a, b or c" after the len bytes already in buf. */
static void join_choices(const struct field_def *f, char *buf, size_t len, size_t n)
{
	for (size_t i = 0; f->type == FT_ENUM && f->values[i] && len < n; i++) {
		const char *sep = i == 0 ? "" : f->values[i + 1] ? ", " : " or ";
		len += (size_t)snprintf(buf + len, n - len, "%s%s", sep, f->values[i]);
	}
}

void entity_field_help(const struct field_def *f, char *buf, size_t n)
{
	size_t len = (size_t)snprintf(buf, n, "%s%s", f->help ? f->help : "",
	                              f->help && f->type == FT_ENUM ? ": " : "");
	join_choices(f, buf, len, n);
}

int entity_check_choice(const struct entity_def *ent, const char *field, const char *value,
                        struct err *e)
{
	int i = entity_field_known(ent, field);
	if (i < 0)
		return 0;
	const struct field_def *f = &ent->fields[i];
	for (size_t k = 0; f->values && f->values[k]; k++)
		if (value && strcmp(value, f->values[k]) == 0)
			return 0;
	char choices[256] = "";
	join_choices(f, choices, 0, sizeof choices);
	return err_set(e, ERR_USAGE, "%s \"%s\" is not one of %s", field, value ? value : "",
	               choices);
}
