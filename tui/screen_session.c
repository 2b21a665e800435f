/* screen_session.c - one session: when, where, what, and the people on it
 * (speakers, moderators, panelists, hosts). a adds one, e changes their
 * role, d takes them off, Enter opens the person, ^E edits the session. */
#include <inttypes.h>
#include <stdio.h>

#include "detail.h"
#include "source.h"

static int session_key(struct tui *t, struct table *tb, enum action a);
static int open_person(struct tui *t, struct table *tb, const struct list_row *r);
static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec);

static const enum action actions[] = {ACT_ADD,    ACT_EDIT,      ACT_DELETE, ACT_EDIT_THIS,
                                      ACT_OPEN,   ACT_HINTS_END, ACT_SEARCH, ACT_BACK,
                                      LIST_MOVES, ACT_NONE};

static const struct column cols[] = {
    {.title = "Person", .width = 0, .src = "name", .kind = CELL_CONF},
    {.title = "As", .width = 12, .src = "role", .kind = CELL_TEXT},
};

static const struct table_def def = {
    .view = "speakers",
    .entity = "speaker",
    .cols = cols,
    .ncols = ARRAY_LEN(cols),
    .empty = "Nobody on this session yet: a adds a speaker, moderator, panelist or host.",
    .actions = actions,
    .key = session_key,
    .open = open_person,
    .preset = preset_session,
};

static void preset_session(struct tui *t, struct table *tb, struct form_spec *spec)
{
	struct detail *d = tb->owner;
	form_preset(spec, "session", "%" PRId64, d->id);
}

/* Title, time and room; then kind, status and the description. */
static void load_header(struct detail *d, struct tui *t)
{
	struct record r;
	struct err e = {0};
	if (record_get(t->ctx, entity_find("session"), d->id, &r, &e) < 0) {
		snprintf(d->line[0], sizeof d->line[0], "%s", e.msg);
		return;
	}
	d->event = record_int(&r, "event");
	char span[96], room[160] = "no room";
	source_span(t, r.tz, record_int(&r, "starts"), record_int(&r, "ends"), span, sizeof span);
	if (record_has(&r, "room")) {
		struct record rm;
		if (record_get(t->ctx, entity_find("room"), record_int(&r, "room"), &rm, &e) == 0) {
			snprintf(room, sizeof room, "%s", record_text(&rm, "name"));
			record_free(&rm);
		}
	}
	const char *desc = record_text(&r, "description");
	snprintf(d->line[0], sizeof d->line[0], "%s   %s   %s", record_text(&r, "title"), span,
	         room);
	snprintf(d->line[1], sizeof d->line[1], "%s, %s%s%s", record_text(&r, "kind"),
	         record_text(&r, "status"), desc ? ": " : "", desc ? desc : "");
	record_free(&r);
}

static int session_key(struct tui *t, struct table *tb, enum action a)
{
	struct detail *d = tb->owner;
	if (a != ACT_EDIT_THIS)
		return -1;
	form_open(
	    t, &(struct form_spec){.ent = entity_find("session"), .id = d->id, .event = d->event});
	return R_REDRAW;
}

static int open_person(struct tui *t, struct table *tb, const struct list_row *r)
{
	screen_person_open(t, r->aux);
	return R_REDRAW;
}

static const struct detail_def session_detail = {
    .name = "session",
    .title = "Session",
    .actions = actions,
    .tables = &def,
    .ntables = 1,
    .header_lines = 2,
    .load = load_header,
};

void screen_session_open(struct tui *t, int64_t session)
{
	detail_open(t, &session_detail, session);
}
