/* cmd_import_people.c - `import people FILE.csv [--event ID --kind KIND]`
 * (the people branch of the import dispatcher in cmd_import.c): runs the
 * core import with a progress bar on standard error when it is a terminal
 * and the import runs long, then prints what it did. */
#define _POSIX_C_SOURCE 200809L
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/people_csv.h"
#include "cmd.h"

/* The bar: drawn once an import has run 0.3 s, at most 10 times a second,
 * erased at the end. */
struct progress {
	const char *file;
	double started, last;
	bool shown;
};

static double seconds_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_draw(void *arg, uint64_t done, uint64_t total)
{
	struct progress *p = arg;
	double now = seconds_now();
	if (now - p->started < 0.3 || (p->shown && now - p->last < 0.1))
		return;
	char bar[41];
	int pct = total ? (int)(done * 100 / total) : 0;
	if (pct > 100)
		pct = 100;
	for (int i = 0; i < 40; i++)
		bar[i] = i < pct * 40 / 100 ? '#' : '-';
	bar[40] = '\0';
	if (total)
		fprintf(stderr, "\rimporting %.40s [%s] %3d%%", p->file, bar, pct);
	else
		fprintf(stderr, "\rimporting %.40s: %" PRIu64 " KiB read", p->file, done / 1024);
	fflush(stderr);
	p->shown = true;
	p->last = now;
}

static void progress_end(struct progress *p)
{
	if (p->shown)
		fputs("\r\033[K", stderr);
	fflush(stderr);
}

static void print_stats(FILE *out, const char *file, const struct people_csv_opts *o,
                        const struct people_csv_stats *st)
{
	fprintf(out,
	        "%s: %" PRId64 " rows: %" PRId64 " added, %" PRId64 " updated, %" PRId64
	        " unchanged, %" PRId64 " repeated\n",
	        file, st->rows, st->added, st->updated, st->unchanged, st->repeated);
	if (st->orgs_added || st->skills_added)
		fprintf(out, "%" PRId64 " organizations and %" PRId64 " skills added\n",
		        st->orgs_added, st->skills_added);
	if (o->event)
		fprintf(out,
		        "%" PRId64 " registered for event %" PRId64 " as %s (%" PRId64
		        " waitlisted), %" PRId64 " already registered\n",
		        st->registered, o->event, o->kind ? o->kind : "attendee", st->waitlisted,
		        st->already_registered);
	if (st->signed_up || st->already_signed_up)
		fprintf(out,
		        "%" PRId64 " sign-ups for sessions (%" PRId64 " waitlisted), %" PRId64
		        " already signed up\n",
		        st->signed_up, st->signup_waitlisted, st->already_signed_up);
	if (st->left_cancelled)
		fprintf(out,
		        "%" PRId64 " had cancelled and were left cancelled (muster register "
		        "EVENT PERSON registers one again)\n",
		        st->left_cancelled);
	if (st->renamed)
		fprintf(out, "%" PRId64 " people renamed: their email matched (see list audit)\n",
		        st->renamed);
	if (st->new_codes)
		fprintf(out, "%" PRId64 " new people got a new volunteer code (theirs was taken)\n",
		        st->new_codes);
	if (st->no_email)
		fprintf(out,
		        "%" PRId64 " new people have no email: a later import finds them only "
		        "by volunteer_code and name\n",
		        st->no_email);
}

int cmd_import_people(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	struct people_csv_opts o = {0};
	struct people_csv_stats st;
	struct progress p = {args->pos[1], seconds_now(), 0, false};
	if (cmd_event_opt(args, &o.event, e) < 0)
		return -1;
	o.kind = args_get(args, "kind");
	if (o.kind && !o.event)
		return err_set(e, ERR_USAGE, "import people: --kind goes with --event");
	/* Only from the command line: under the TUI's ':' prompt curses owns the
	 * terminal and out is not stdout. */
	if (out == stdout && isatty(STDERR_FILENO)) {
		o.progress = progress_draw;
		o.progress_arg = &p;
	}
	int ret = people_csv_import(&a->ctx, args->pos[1], &o, &st, e);
	progress_end(&p);
	if (ret < 0)
		return -1;
	print_stats(out, strcmp(args->pos[1], "-") == 0 ? "stdin" : args->pos[1], &o, &st);
	return 0;
}
