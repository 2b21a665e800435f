/* cmd_privacy.c - the privacy lifecycle from the command line: person export
 * (subject access, JSON), person forget (erasure), privacy sweep
 * (retention), backup (a checked copy) and backup --prune. Each calls core
 * and prints one line for a person per thing done. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "../core/array.h"
#include "../core/backup.h"
#include "../core/erase.h"
#include "../core/outfile.h"
#include "../core/subject_access.h"
#include "../core/tz.h"
#include "cmd.h"
#include "text.h"

static int person_export(struct app *a, int64_t id, const char *file, FILE *out, struct err *e)
{
	size_t n;
	if (!file || strcmp(file, "-") == 0)
		return subject_access_export(&a->ctx, id, out, &n, e);
	struct outfile of;
	if (outfile_open(&of, file, 0600, e) < 0)
		return -1;
	if (subject_access_export(&a->ctx, id, of.f, &n, e) < 0) {
		outfile_abort(&of);
		return -1;
	}
	if (outfile_commit(&of, e) < 0)
		return -1;
	fprintf(out, "person %" PRId64 ": %zu records and the audit entries written to %s\n", id, n,
	        file);
	return 0;
}

static void say_rows(const struct erase_result *r, FILE *out)
{
	fprintf(out,
	        "%" PRId64 " rows kept for the counts (anonymous), %" PRId64 " removed, %" PRId64
	        " unlinked",
	        r->rows[REF_KEEP], r->rows[REF_DELETE], r->rows[REF_CLEAR]);
}

/* After erasing: the freed bytes leave the file; say so when they could not. */
static int scrub(struct app *a, FILE *out, struct err *e)
{
	bool complete;
	if (erase_scrub(&a->ctx, &complete, e) < 0)
		return -1;
	if (!complete)
		fprintf(out, "note: another muster holds the database open; the erased bytes "
		             "leave its log at the next checkpoint\n");
	return 0;
}

static int person_forget(struct app *a, const struct args *args, int64_t id, FILE *out,
                         struct err *e)
{
	const char *reason = args_get(args, "reason");
	bool dry = args_has(args, "dry-run");
	unsigned flags = (dry ? ERASE_DRY_RUN : 0) | (args_has(args, "force") ? ERASE_FORCE : 0);
	struct erase_result r;
	if (!reason || !reason[0])
		return err_set(e, ERR_USAGE,
		               "person forget needs --reason TEXT (it goes to the "
		               "audit log, without the person's details)");
	if (erase_person(&a->ctx, id, reason, flags, &r, e) < 0) {
		cmd_explain(e);
		return -1;
	}
	char name[512];
	text_sanitize(r.name, name, sizeof name);
	if (dry)
		fprintf(out, "would erase person %" PRId64 " (%s): ", id, name);
	else
		fprintf(out, "erased person %" PRId64 ": ", id);
	say_rows(&r, out);
	if (!dry)
		fprintf(out, ", %" PRId64 " audit entries rewritten", r.audit);
	fputc('\n', out);
	if (r.open) {
		char open[1024];
		text_sanitize(r.open_names, open, sizeof open);
		fprintf(out, "%s in events not over, kept as \"Erased person %" PRId64 "\": %s\n",
		        dry ? "would stay" : "still", id, open);
	}
	return dry ? 0 : scrub(a, out, e);
}

enum person_action { PERSON_EXPORT, PERSON_FORGET };
static const char *const person_actions[] = {
    [PERSON_EXPORT] = "export", [PERSON_FORGET] = "forget"};

static const char *person_action_at(size_t i)
{
	return i < ARRAY_LEN(person_actions) ? person_actions[i] : NULL;
}

static int cmd_person(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	int64_t id;
	const char *what = args->pos[0];
	bool exporting = strcmp(what, person_actions[PERSON_EXPORT]) == 0;
	bool forgetting = strcmp(what, person_actions[PERSON_FORGET]) == 0;
	if (!exporting && !forgetting)
		return err_set(e, ERR_USAGE, "person: unknown action %s (export or forget)", what);
	if (args->npos != 2)
		return err_set(e, ERR_USAGE, "usage: muster person %s",
		               exporting ? "export ID [-o FILE]"
		                         : "forget ID --reason TEXT [--dry-run] [--force]");
	if (args_id(args->pos[1], "person", &id, e) < 0)
		return -1;
	if (exporting) {
		if (args_has(args, "reason") || args_has(args, "dry-run") ||
		    args_has(args, "force"))
			return err_set(e, ERR_USAGE, "person export takes -o FILE only");
		return person_export(a, id, args_get(args, "o"), out, e);
	}
	if (args_has(args, "o"))
		return err_set(e, ERR_USAGE, "person forget writes no file (-o is for export)");
	return person_forget(a, args, id, out, e);
}

struct sweep_out {
	FILE *out;
	bool dry;
};

static int sweep_line(void *arg, const struct erase_result *r)
{
	struct sweep_out *s = arg;
	if (s->dry) {
		char name[512];
		text_sanitize(r->name, name, sizeof name);
		fprintf(s->out, "would erase person %" PRId64 " (%s): ", r->person, name);
	} else {
		fprintf(s->out, "erased person %" PRId64 ": ", r->person);
	}
	say_rows(r, s->out);
	fputc('\n', s->out);
	return 0;
}

/* What privacy does. */
static const char *const privacy_actions[] = {"sweep"};

static const char *privacy_action_at(size_t i)
{
	return i < ARRAY_LEN(privacy_actions) ? privacy_actions[i] : NULL;
}

static int cmd_privacy(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	if (strcmp(args->pos[0], privacy_actions[0]) != 0)
		return err_set(e, ERR_USAGE, "privacy: unknown action %s (sweep)", args->pos[0]);
	struct sweep_out s = {out, args_has(args, "dry-run")};
	size_t n;
	bool off;
	if (erase_sweep(&a->ctx, s.dry, &off, sweep_line, &s, &n, e) < 0) {
		struct err ignored = {0};
		if (!s.dry && n) /* those erased before the failure still leave the file */
			scrub(a, out, &ignored);
		return -1;
	}
	if (off) {
		fprintf(out, "privacy sweep: [privacy] retain_days_after_event is 0 (keep): nobody "
		             "is erased\n");
		return 0;
	}
	char before[32];
	tz_format_utc(clock_now(&a->clock) - (int64_t)a->cfg.retain_days_after_event * 86400,
	              before, sizeof before);
	fprintf(out, "privacy sweep: %zu %s %s (every event of theirs ended before %.10s)\n", n,
	        n == 1 ? "person" : "people", s.dry ? "would be erased" : "erased", before);
	return !s.dry && n ? scrub(a, out, e) : 0;
}

static int pruned_line(void *arg, const char *name, int64_t taken)
{
	char when[32], clean[1024];
	tz_format_utc(taken, when, sizeof when);
	text_sanitize(name, clean, sizeof clean);
	fprintf(arg, "removed %s (taken %.10s)\n", clean, when);
	return 0;
}

static int backup_prune_dir(struct app *a, const char *dir, FILE *out, struct err *e)
{
	size_t removed, kept;
	bool off;
	if (backup_prune(&a->ctx, dir, a->db_path, &off, pruned_line, out, &removed, &kept, e) < 0)
		return -1;
	if (off)
		fprintf(out, "backup --prune: [privacy] backup_keep_days is 0: every backup is "
		             "kept\n");
	else
		fprintf(out, "backup --prune: %zu removed, %zu kept (backups go after %d days)\n",
		        removed, kept, a->cfg.backup_keep_days);
	return 0;
}

static int cmd_backup(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const char *dir = args_get(args, "prune");
	if ((dir != NULL) == (args->npos == 1))
		return err_set(e, ERR_USAGE, "usage: muster backup FILE | backup --prune DIR");
	if (dir)
		return backup_prune_dir(a, dir, out, e);
	int64_t pages;
	if (backup_take(&a->ctx, args->pos[0], &pages, e) < 0)
		return -1;
	fprintf(out, "backup: %" PRId64 " pages written to %s (integrity check ok)\n", pages,
	        args->pos[0]);
	return 0;
}

const struct command cmd_privacy_commands[] = {
    {
        .name = "person",
        .usage = "(export ID [-o FILE] | forget ID --reason TEXT [--dry-run] [--force])",
        .opts = "o: reason: dry-run force",
        .min_pos = 2,
        .max_pos = 2,
        .help = "export: everything held about one person as JSON (fields, organization, every\n"
                "      row that points at them, the audit entries about them; shape in\n"
                "      core/subject_access.h); audited. forget: erase the person's details\n"
                "      (\"Erased person ID\"); registrations, shifts and talks stay for the\n"
                "      counts, skills and availability go, the audit log loses their values and\n"
                "      keeps one entry with who and why; refused while they are in an event not\n"
                "      over, unless --force; the bytes leave the database file",
        .run = cmd_person,
        .word_at = person_action_at,
    },
    {
        .name = "privacy",
        .usage = "sweep [--dry-run]",
        .opts = "dry-run",
        .min_pos = 1,
        .max_pos = 1,
        .help = "erase everyone whose every registration, shift and talk is in events that\n"
                "      ended more than [privacy] retain_days_after_event days ago (0 = keep:\n"
                "      nothing); people marked keep=yes stay; meant for a daily timer (contrib/)",
        .run = cmd_privacy,
        .word_at = privacy_action_at,
    },
    {
        .name = "backup",
        .usage = "FILE | --prune DIR",
        .opts = "prune:",
        .min_pos = 0,
        .max_pos = 1,
        .help = "FILE: a copy of the database taken while others keep writing (SQLite's online\n"
                "      backup), mode 0600, checked with integrity_check before it takes the name.\n"
                "      --prune DIR: remove the backups muster made in DIR that are older than\n"
                "      [privacy] backup_keep_days (0 = keep all); other files stay. An erasure\n"
                "      does not reach backups taken before it",
        .run = cmd_backup,
    },
    {.name = NULL},
};
