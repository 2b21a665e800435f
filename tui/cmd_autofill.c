/* cmd_autofill.c - `autofill --event ID [--day DATE] [--role ID] [--dry-run]
 * [--format F]` and `autofill --undo BATCH`: core/autofill.h's plan, written
 * unless --dry-run, shown as tables for people (the assignments, the
 * coverage before and after, the spread of hours, every shift left short of
 * need_min with its reasons) or as one csv/tsv/json table with a section
 * column for programs. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "../core/autofill.h"
#include "../core/staffing.h"
#include "../core/tz.h"
#include "cmd.h"
#include "text.h"

/* "Sat 13 Mar 08:00-10:00" (both days when it crosses midnight). */
static void span_text(const struct af_plan *p, bool h12, int64_t starts, int64_t ends, char *buf,
                      size_t n)
{
	struct tz_local a, b;
	char from[48], to[48];
	tz_local(p->tz, starts, &a);
	tz_local(p->tz, ends, &b);
	tz_format_human(p->tz, starts, h12, from, sizeof from);
	if (a.year == b.year && a.month == b.month && a.day == b.day)
		tz_format_hm(p->tz, ends, h12, to, sizeof to);
	else
		tz_format_human(p->tz, ends, h12, to, sizeof to);
	snprintf(buf, n, "%s-%s", from, to);
}

static void who(const struct af_pick *pk, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", pk->name, pk->confidential ? " (confidential)" : "");
}

/* ---- for people --------------------------------------------------------- */

/* The columns of a table of picks; "why" only for the skipped ones. */
enum { P_SHIFT, P_ROLE, P_PLACE, P_WHEN, P_VOLUNTEER, P_WHY, P_COUNT };

static void picks_table(struct app *a, const struct af_plan *p, enum af_pick_state state, FILE *out)
{
	static const char *const cols[P_COUNT] = {
	    [P_SHIFT] = "shift", [P_ROLE] = "role",           [P_PLACE] = "place",
	    [P_WHEN] = "when",   [P_VOLUNTEER] = "volunteer", [P_WHY] = "why",
	};
	static const bool num[P_COUNT] = {[P_SHIFT] = true};
	bool why = state == AF_SKIPPED;
	struct output *o = output_begin(out, OUT_TABLE, cols, num, why ? P_COUNT : P_WHY);
	for (size_t i = 0; i < p->npicks; i++) {
		const struct af_pick *pk = &p->picks[i];
		if (pk->state != state)
			continue;
		char id[24], span[96], name[300];
		snprintf(id, sizeof id, "%" PRId64, pk->shift);
		span_text(p, a->cfg.time_12h, pk->starts, pk->ends, span, sizeof span);
		who(pk, name, sizeof name);
		const char *cells[P_COUNT] = {
		    [P_SHIFT] = id,  [P_ROLE] = pk->role,  [P_PLACE] = pk->place,
		    [P_WHEN] = span, [P_VOLUNTEER] = name, [P_WHY] = pk->why,
		};
		output_row(o, cells);
	}
	output_end(o);
}

/* Each short shift on a line, its reasons indented on the next. */
static void shorts_list(struct app *a, const struct af_plan *p, FILE *out)
{
	for (size_t i = 0; i < p->nshorts; i++) {
		const struct af_short *s = &p->shorts[i];
		char span[96], why[512], role[512], place[512];
		span_text(p, a->cfg.time_12h, s->starts, s->ends, span, sizeof span);
		autofill_reasons_text(s, why, sizeof why);
		text_sanitize(s->role, role, sizeof role);
		text_sanitize(s->place, place, sizeof place);
		fprintf(out, "  shift %" PRId64 ", %s%s%s, %s: %" PRId64 " of %" PRId64 "\n",
		        s->shift, role, place[0] ? ", " : "", place, span, s->filled, s->need_min);
		fprintf(out, "    volunteers kept off: %s\n", why);
	}
}

static void people_report(struct app *a, const struct af_plan *p, bool dry, FILE *out)
{
	const struct af_stats *st = &p->stats;
	char name[600];
	text_sanitize(p->event_name, name, sizeof name);
	fprintf(out, "Auto-fill: event %" PRId64 " (%s), times in %s\n", p->event, name, p->tz);
	if (dry)
		fprintf(out, "Dry run: nothing was written.\n");
	else if (p->batch)
		fprintf(out,
		        "Written as batch %" PRId64 " (muster autofill --undo %" PRId64
		        " takes it back).\n",
		        p->batch, p->batch);
	fputc('\n', out);
	if (st->volunteers == 0)
		fprintf(out, "The event has no registered volunteers: nothing to fill.\n");
	else if (st->shifts == 0)
		fprintf(out, "No open shifts to fill (only shifts not started yet are filled).\n");
	else if (st->proposed == 0)
		fprintf(out, "Nothing to add: no volunteer may take another place.\n");
	else
		picks_table(a, p, dry ? AF_PROPOSED : AF_ADDED, out);
	if (st->skipped) {
		fprintf(out,
		        "\nSkipped %" PRId64 " (the rules refused them by the time they "
		        "were written):\n",
		        st->skipped);
		picks_table(a, p, AF_SKIPPED, out);
	}
	if (st->shifts == 0)
		return;
	fprintf(out,
	        "\nPlaces up to need_min: %" PRId64 " of %" PRId64 " filled (%" PRId64
	        " before, %" PRId64 " more)\n",
	        st->min_after, st->min_places, st->min_before, st->min_after - st->min_before);
	fprintf(out,
	        "Places up to need_max: %" PRId64 " of %" PRId64 " filled (%" PRId64
	        " before, %" PRId64 " more)\n",
	        st->max_after, st->max_places, st->max_before, st->max_after - st->max_before);
	fprintf(out, "Volunteers given shifts: %" PRId64 " of %" PRId64, st->used, st->volunteers);
	if (st->used)
		fprintf(out, "; their hours in the event: max %.1f, median %.1f, min %.1f",
		        st->hours_max, st->hours_median, st->hours_min);
	fputc('\n', out);
	if (!p->nshorts)
		return;
	fprintf(out, "\nStill short of need_min: %zu shift%s\n", p->nshorts,
	        p->nshorts == 1 ? "" : "s");
	shorts_list(a, p, out);
}

/* ---- for programs ------------------------------------------------------- */

enum {
	C_SECTION,
	C_SHIFT,
	C_ROLE,
	C_PLACE,
	C_STARTS,
	C_ENDS,
	C_PERSON,
	C_NAME,
	C_NEED_MIN,
	C_NEED_MAX,
	C_FILLED,
	C_REASONS, /* AF_NREASONS columns */
	C_WHY = C_REASONS + AF_NREASONS,
	C_VALUE,
	C_COUNT
};

static void columns(const char **col_names, bool *col_num)
{
	static const char *const fixed[C_REASONS] = {
	    [C_SECTION] = "section",   [C_SHIFT] = "shift",   [C_ROLE] = "role",
	    [C_PLACE] = "place",       [C_STARTS] = "starts", [C_ENDS] = "ends",
	    [C_PERSON] = "person",     [C_NAME] = "name",     [C_NEED_MIN] = "need_min",
	    [C_NEED_MAX] = "need_max", [C_FILLED] = "filled",
	};
	for (size_t i = 0; i < ARRAY_LEN(fixed); i++)
		col_names[i] = fixed[i];
	for (int r = 0; r < AF_NREASONS; r++)
		col_names[C_REASONS + r] = autofill_reason_keys[r];
	col_names[C_WHY] = "why";
	col_names[C_VALUE] = "value";
	for (int i = 0; i < C_COUNT; i++)
		col_num[i] =
		    i == C_SHIFT || i == C_PERSON || (i >= C_NEED_MIN && i < C_WHY) || i == C_VALUE;
}

static const char *const state_words[] = {[AF_PROPOSED] = "proposed",
                                          [AF_ADDED] = "added",
                                          [AF_SKIPPED] = "skipped",
                                          [AF_DROPPED] = "dropped"};

static void program_report(const struct af_plan *p, enum out_format fmt, FILE *out)
{
	const struct af_stats *st = &p->stats;
	char buf[C_COUNT][64], why[512];
	const char *cells[C_COUNT], *col_names[C_COUNT];
	bool col_num[C_COUNT];
	columns(col_names, col_num);
	struct output *o = output_begin(out, fmt, col_names, col_num, C_COUNT);
	for (size_t i = 0; i < p->npicks; i++) {
		const struct af_pick *pk = &p->picks[i];
		for (int c = 0; c < C_COUNT; c++)
			cells[c] = NULL;
		snprintf(buf[C_SHIFT], 64, "%" PRId64, pk->shift);
		snprintf(buf[C_PERSON], 64, "%" PRId64, pk->person);
		tz_format(p->tz, pk->starts, buf[C_STARTS], 64);
		tz_format(p->tz, pk->ends, buf[C_ENDS], 64);
		cells[C_SECTION] = state_words[pk->state];
		cells[C_SHIFT] = buf[C_SHIFT];
		cells[C_ROLE] = pk->role;
		cells[C_PLACE] = pk->place;
		cells[C_STARTS] = buf[C_STARTS];
		cells[C_ENDS] = buf[C_ENDS];
		cells[C_PERSON] = buf[C_PERSON];
		cells[C_NAME] = pk->name;
		cells[C_WHY] = pk->why;
		output_row(o, cells);
	}
	for (size_t i = 0; i < p->nshorts; i++) {
		const struct af_short *s = &p->shorts[i];
		for (int c = 0; c < C_COUNT; c++)
			cells[c] = NULL;
		snprintf(buf[C_SHIFT], 64, "%" PRId64, s->shift);
		tz_format(p->tz, s->starts, buf[C_STARTS], 64);
		tz_format(p->tz, s->ends, buf[C_ENDS], 64);
		snprintf(buf[C_NEED_MIN], 64, "%" PRId64, s->need_min);
		snprintf(buf[C_NEED_MAX], 64, "%" PRId64, s->need_max);
		snprintf(buf[C_FILLED], 64, "%" PRId64, s->filled);
		for (int r = 0; r < AF_NREASONS; r++) {
			snprintf(buf[C_REASONS + r], 64, "%" PRId64, s->count[r]);
			cells[C_REASONS + r] = buf[C_REASONS + r];
		}
		autofill_reasons_text(s, why, sizeof why);
		cells[C_SECTION] = "short";
		cells[C_SHIFT] = buf[C_SHIFT];
		cells[C_ROLE] = s->role;
		cells[C_PLACE] = s->place;
		cells[C_STARTS] = buf[C_STARTS];
		cells[C_ENDS] = buf[C_ENDS];
		cells[C_NEED_MIN] = buf[C_NEED_MIN];
		cells[C_NEED_MAX] = buf[C_NEED_MAX];
		cells[C_FILLED] = buf[C_FILLED];
		cells[C_WHY] = why;
		output_row(o, cells);
	}
	const struct {
		const char *name;
		double value;
		bool hours;
	} totals[] = {
	    {.name = "batch", .value = (double)p->batch},
	    {.name = "shifts", .value = (double)st->shifts},
	    {.name = "need_min_places", .value = (double)st->min_places},
	    {.name = "need_min_filled_before", .value = (double)st->min_before},
	    {.name = "need_min_filled_after", .value = (double)st->min_after},
	    {.name = "need_max_places", .value = (double)st->max_places},
	    {.name = "need_max_filled_before", .value = (double)st->max_before},
	    {.name = "need_max_filled_after", .value = (double)st->max_after},
	    {.name = "proposed", .value = (double)st->proposed},
	    {.name = "added", .value = (double)st->added},
	    {.name = "skipped", .value = (double)st->skipped},
	    {.name = "volunteers", .value = (double)st->volunteers},
	    {.name = "volunteers_used", .value = (double)st->used},
	    {.name = "hours_max", .value = st->hours_max, .hours = true},
	    {.name = "hours_median", .value = st->hours_median, .hours = true},
	    {.name = "hours_min", .value = st->hours_min, .hours = true},
	};
	for (size_t i = 0; i < ARRAY_LEN(totals); i++) {
		for (int c = 0; c < C_COUNT; c++)
			cells[c] = NULL;
		snprintf(buf[C_VALUE], 64, totals[i].hours ? "%.2f" : "%.0f", totals[i].value);
		cells[C_SECTION] = "total";
		cells[C_NAME] = totals[i].name;
		cells[C_VALUE] = buf[C_VALUE];
		output_row(o, cells);
	}
	output_end(o);
}

/* ---- undo --------------------------------------------------------------- */

static int undo(struct app *a, const char *text, FILE *out, struct err *e)
{
	int64_t batch;
	struct af_undo u;
	if (args_id(text, "--undo", &batch, e) < 0)
		return -1;
	if (autofill_undo(&a->ctx, batch, &u, e) < 0) {
		cmd_explain(e);
		return -1;
	}
	fprintf(out, "autofill batch %" PRId64 " undone: %" PRId64 " assignment%s removed\n", batch,
	        u.removed, u.removed == 1 ? "" : "s");
	if (u.gone)
		fprintf(out, "%" PRId64 " had been removed already\n", u.gone);
	for (size_t i = 0; i < u.nkept; i++) {
		const struct af_kept *k = &u.kept[i];
		struct record r;
		char shift[512], raw[512], name[512];
		struct err ignored = {0};
		snprintf(name, sizeof name, "person %" PRId64, k->person);
		if (record_get(&a->ctx, entity_find("person"), k->person, &r, &ignored) == 0) {
			text_sanitize(record_text(&r, "name") ? record_text(&r, "name") : "", name,
			              sizeof name);
			record_free(&r);
		}
		if (staffing_describe(&a->ctx, k->shift, raw, sizeof raw, &ignored) < 0)
			snprintf(raw, sizeof raw, "shift %" PRId64, k->shift);
		text_sanitize(raw, shift, sizeof shift);
		fprintf(out, "kept assignment %" PRId64 ": %s on %s (%s)\n", k->assignment, name,
		        shift, k->why);
	}
	autofill_undo_free(&u);
	return 0;
}

/* ---- the command -------------------------------------------------------- */

static int scope_of(const struct args *args, struct af_scope *sc, struct err *e)
{
	memset(sc, 0, sizeof *sc);
	const char *ev = args_get(args, "event"), *role = args_get(args, "role");
	const char *day = args_get(args, "day");
	if (!ev)
		return err_set(e, ERR_USAGE,
		               "usage: muster autofill --event ID [--day YYYY-MM-DD] "
		               "[--role ID] [--dry-run] [--format F] | --undo BATCH");
	if (args_id(ev, "--event", &sc->event, e) < 0 ||
	    (role && args_id(role, "--role", &sc->role, e) < 0))
		return -1;
	if (day) {
		int y, m, d;
		if (strlen(day) != 10 || tz_parse_date(day, &y, &m, &d, NULL) < 0)
			return err_set(e, ERR_USAGE, "--day %s: not a date (YYYY-MM-DD)", day);
		snprintf(sc->day, sizeof sc->day, "%s", day);
	}
	return 0;
}

static int cmd_autofill(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const char *undo_batch = args_get(args, "undo");
	if (undo_batch) {
		if (args->nopt > 1)
			return err_set(e, ERR_USAGE, "usage: muster autofill --undo BATCH (alone)");
		return undo(a, undo_batch, out, e);
	}
	struct af_scope sc;
	enum out_format fmt;
	struct af_plan p;
	bool dry = args_has(args, "dry-run");
	if (scope_of(args, &sc, e) < 0 || cmd_format(args, &fmt, e) < 0)
		return -1;
	if (autofill_plan(&a->ctx, &sc, &p, e) < 0) {
		cmd_explain(e);
		return -1;
	}
	int ret = dry ? 0 : autofill_apply(&a->ctx, &p, e);
	if (fmt == OUT_TABLE)
		people_report(a, &p, dry, out);
	else
		program_report(&p, fmt, out);
	autofill_free(&p);
	if (ret < 0)
		cmd_explain(e);
	return ret;
}

const struct command cmd_autofill_commands[] = {
    {
        .name = "autofill",
        .usage = "--event ID [--day YYYY-MM-DD] [--role ID] [--dry-run] "
                 "[--format table|tsv|csv|json] | --undo BATCH",
        .opts = "event: day: role: dry-run format: undo:",
        .help = "staff the event's open shifts with its registered volunteers under every "
                "rule: need_min first, then towards need_max, hours spread evenly; says why a "
                "shift stays short; --undo takes a batch back",
        .run = cmd_autofill,
        .tables = "assignment",
        .act = LEAD_ADD,
    },
    {.name = NULL},
};
