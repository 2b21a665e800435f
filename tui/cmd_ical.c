/* cmd_ical.c - `export ics` (agenda, staffing calendar, a person's schedule,
 * an organization's booths, one file per person) and the `sessions` kind of
 * `import` (dispatched from cmd_import.c). */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/array.h"
#include "../core/ical_export.h"
#include "../core/ical_import.h"
#include "../core/outfile.h"
#include "cmd.h"

#define EXPORT_USAGE                                                                               \
	"ics (--event ID [--shifts] | --person ID [--event ID] | --org ID) "                       \
	"[--method publish|request|cancel] [-o FILE]  |  ics --event ID --per-person DIR "         \
	"[--method ...]"

static int id_opt(const struct args *args, const char *name, int64_t *out, struct err *e)
{
	const char *v = args_get(args, name);
	char what[32];
	*out = 0;
	snprintf(what, sizeof what, "--%s", name);
	return v ? args_id(v, what, out, e) : 0;
}

/* Which calendar the options ask for; every mix that means nothing is refused. */
static int export_opts(const struct args *args, struct ical_export_opts *o, const char **dir,
                       struct err *e)
{
	memset(o, 0, sizeof *o);
	const char *m = args_get(args, "method");
	*dir = args_get(args, "per-person");
	if (id_opt(args, "event", &o->event, e) < 0 || id_opt(args, "person", &o->person, e) < 0 ||
	    id_opt(args, "org", &o->org, e) < 0 ||
	    (m && ical_export_method_parse(m, &o->method, e) < 0))
		return -1;
	bool shifts = args_has(args, "shifts");
	int whom = (o->person != 0) + (o->org != 0);
	if (whom > 1 || (o->org && o->event))
		return err_set(e, ERR_USAGE, "export ics: give one of --event, --person or --org");
	if (!whom && !o->event)
		return err_set(e, ERR_USAGE, "usage: muster export " EXPORT_USAGE);
	if (shifts && (whom || *dir))
		return err_set(e, ERR_USAGE, "export ics: --shifts goes with --event alone");
	if (*dir && (whom || args_has(args, "o")))
		return err_set(e, ERR_USAGE,
		               "export ics: --per-person DIR goes with --event alone (no -o)");
	if (*dir && !(*dir)[0])
		return err_set(e, ERR_USAGE, "export ics: --per-person needs a folder");
	o->scope = o->person ? ICAL_PERSON : o->org ? ICAL_ORG : shifts ? ICAL_SHIFTS : ICAL_AGENDA;
	return 0;
}

/* Export into path (see core/outfile.h): a regular file is replaced only
 * when the whole calendar is written; a device or FIFO is written in place. */
static int export_to_file(struct app *a, const struct ical_export_opts *o, const char *path,
                          size_t *n, struct err *e)
{
	struct outfile of;
	if (outfile_open(&of, path, 0600, e) < 0)
		return -1;
	if (ical_export(&a->ctx, o, of.f, n, e) < 0) {
		outfile_abort(&of);
		return -1;
	}
	return outfile_commit(&of, e);
}

/* The formats export writes. */
static const char *const export_formats[] = {"ics"};

static const char *export_format_at(size_t i)
{
	return i < ARRAY_LEN(export_formats) ? export_formats[i] : NULL;
}

static int cmd_export(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	struct ical_export_opts o;
	const char *dir, *file = args_get(args, "o");
	if (strcmp(args->pos[0], export_formats[0]) != 0)
		return err_set(e, ERR_USAGE, "export: unknown format %s (only ics)", args->pos[0]);
	if (export_opts(args, &o, &dir, e) < 0)
		return -1;
	size_t n = 0;
	if (dir) {
		struct ical_per_person_result r;
		if (ical_export_per_person(&a->ctx, o.event, o.method, dir, &r, e) < 0)
			return -1;
		fprintf(out, "%zu files written to %s for %zu registered people", r.files, dir,
		        r.people);
		if (r.skipped)
			fprintf(out, "; %zu without an email skipped", r.skipped);
		fprintf(out, " (index: %s/index.tsv)\n", dir);
		return 0;
	}
	if (!file || strcmp(file, "-") == 0)
		return ical_export(&a->ctx, &o, out, &n, e);
	if (export_to_file(a, &o, file, &n, e) < 0)
		return -1;
	fprintf(out, "%zu events written to %s\n", n, file);
	return 0;
}

int cmd_import_sessions(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t event;
	if (cmd_event_opt(args, &event, e) < 0)
		return -1;
	if (!event)
		return err_set(e, ERR_USAGE, "usage: muster import sessions FILE.ics --event ID");
	struct ical_import_result r;
	if (ical_import_sessions(&a->ctx, args->pos[1], event, &r, e) < 0)
		return -1;
	fprintf(
	    out,
	    "%zu sessions imported: %zu added, %zu updated, %zu unchanged; %zu rooms added%s%s\n",
	    r.added + r.updated + r.unchanged, r.added, r.updated, r.unchanged, r.rooms,
	    r.skipped[0] ? "; skipped " : "", r.skipped);
	return 0;
}

const struct command cmd_ical_commands[] = {
    {
        .name = "export",
        .usage = EXPORT_USAGE,
        .opts = "event: shifts person: org: method: o: per-person:",
        .min_pos = 1,
        .max_pos = 1,
        .help = "iCalendar file: an event's agenda, its volunteer shifts (--shifts), a person's "
                "schedule, an organization's booths, or one file per registered person (the "
                "event itself plus their own shifts and talks). --method request|cancel "
                "writes iTIP objects of one UID each (RFC 5546): with -o the calendar must "
                "hold one entry; with --per-person one file per person and UID "
                "(person-ID-KIND-ID.ics, listed in index.tsv with UID, method and "
                "SEQUENCE), the person its only ATTENDEE, numbered above what they were "
                "last sent (which is stored); an entry that is cancelled, or whose event "
                "is, goes as a CANCEL",
        .run = cmd_export,
        .word_at = export_format_at,
        .tables = "event",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
