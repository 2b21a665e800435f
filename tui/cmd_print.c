/* cmd_print.c - `print roster|signin|badges|coverage --event ID ... -o
 * FILE.pdf`: the options read into core/print.h's request, one line saying
 * what was written where. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "../core/print.h"
#include "cmd.h"

#define PRINT_USAGE                                                                                \
	"(roster|signin|badges|coverage) --event ID [--day DATE] [--role ID] [--kind KIND] "       \
	"-o FILE.pdf"

/* How the summary names what each sheet holds. */
static const struct {
	const char *item, *items, *group, *groups;
} nouns[] = {
    [PRINT_ROSTER] = {.item = "shift", .items = "shifts", .group = "station", .groups = "stations"},
    [PRINT_SIGNIN] = {.item = "person",
                      .items = "people",
                      .group = "waitlisted",
                      .groups = "waitlisted"},
    [PRINT_BADGES] = {.item = "badge", .items = "badges", .group = "sheet", .groups = "sheets"},
    [PRINT_COVERAGE] = {.item = "hour", .items = "hours"},
};

/* Everything but the sheet, which is read first. */
static int read_opts(const struct args *args, struct print_opts *o, struct err *e)
{
	const char *role = args_get(args, "role");
	if (cmd_event_opt(args, &o->event, e) < 0 ||
	    (role && args_id(role, "--role", &o->role, e) < 0))
		return -1;
	if (!o->event)
		return err_set(e, ERR_USAGE, "--event ID is required");
	o->day = args_get(args, "day");
	o->kind = args_get(args, "kind");
	return 0;
}

/* -o FILE, or "-" when standard output is neither a terminal nor the ':'
 * prompt's screen. */
static int check_output(const char *file, FILE *out, struct err *e)
{
	if (!file)
		return err_set(e, ERR_USAGE, "-o FILE.pdf is required");
	if (strcmp(file, "-") == 0 && (out != stdout || isatty(STDOUT_FILENO)))
		return err_set(e, ERR_USAGE, "a PDF does not go to a terminal; give -o FILE.pdf");
	return 0;
}

static void summary(FILE *out, const struct print_opts *o, const struct print_summary *s,
                    const char *file)
{
	fprintf(out, "%s: %ld %s", print_doc_name(o->doc), s->items,
	        s->items == 1 ? nouns[o->doc].item : nouns[o->doc].items);
	if (o->doc == PRINT_ROSTER)
		fprintf(out, " at %ld %s", s->groups,
		        s->groups == 1 ? nouns[o->doc].group : nouns[o->doc].groups);
	else if (o->doc == PRINT_SIGNIN && s->groups)
		fprintf(out, " and %ld on the waitlist", s->groups);
	fprintf(out, ", %d page%s, written to %s\n", s->pages, s->pages == 1 ? "" : "s", file);
}

static const char *print_doc_at(size_t i)
{
	const char *name = print_doc_name((enum print_doc)i);
	return name[0] ? name : NULL;
}

static int cmd_print(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	struct print_opts o = {0};
	struct print_summary sum;
	const char *file = args_get(args, "o");
	if (print_doc_parse(args->pos[0], &o.doc, e) < 0) {
		err_prefix(e, "print");
		return -1;
	}
	if (read_opts(args, &o, e) < 0 || check_output(file, out, e) < 0 ||
	    print_write(&a->ctx, &o, file, &sum, e) < 0) {
		err_prefix(e, "print %s", print_doc_name(o.doc));
		cmd_explain(e);
		return -1;
	}
	if (strcmp(file, "-") != 0)
		summary(out, &o, &sum, file);
	return 0;
}

const struct command cmd_print_commands[] = {
    {
        .name = "print",
        .usage = PRINT_USAGE,
        .opts = "event: day: role: kind: o:",
        .min_pos = 1,
        .max_pos = 1,
        .help =
            "PDF sheets of an event: roster (per station its shifts, volunteers, check-in\n"
            "      boxes, phones and the role's lead), signin (the desk's alphabetical sheet\n"
            "      with a signature column, the waitlist apart; --kind one kind), badges (name,\n"
            "      organization, roles, the volunteer code as a Code 128 barcode; --kind,\n"
            "      default volunteer), coverage (filled and needed per hour as a chart); --day\n"
            "      one day; [print] paper and roster_phones. Confidential people are not named",
        .run = cmd_print,
        .word_at = print_doc_at,
        .tables = "event",
        .act = LEAD_READ,
    },
    {.name = NULL},
};
