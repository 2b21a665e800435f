/* print_prompt.c - printing from the coordinator screen: a file name asked
 * for in the [print] folder ("~/" is the home folder; a missing folder is
 * made mode 0700, since rosters carry phone numbers), the sheet written
 * there by core/print.c, and a line saying where and how many pages. */
#include "print_prompt.h"

#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../core/outfile.h"
#include "../core/xmalloc.h"
#include "dialog.h"
#include "picker.h"

struct print_req {
	int64_t event;
	enum print_doc doc;
};

static const char *const doc_titles[] = {
    [PRINT_ROSTER] = "Roster",
    [PRINT_SIGNIN] = "Sign-in sheet",
    [PRINT_BADGES] = "Badges",
    [PRINT_COVERAGE] = "Coverage chart",
};

/* The folder of [print] folder with a leading "~/" made the home folder. */
static void print_folder(const struct tui *t, char *buf, size_t n)
{
	const char *dir = t->app->cfg.print_folder;
	if (strncmp(dir, "~/", 2) != 0 && strcmp(dir, "~") != 0) {
		snprintf(buf, n, "%s", dir);
		return;
	}
	const char *home = getenv("HOME");
	const struct passwd *pw = home && home[0] ? NULL : getpwuid(getuid());
	if (pw)
		home = pw->pw_dir;
	snprintf(buf, n, "%s%s", home ? home : "", dir + 1);
}

/* A plain file name in the folder, ".pdf" added when it has none. */
static int file_name(const char *typed, char *buf, size_t n, struct err *e)
{
	size_t len = strlen(typed);
	if (!len)
		return err_set(e, ERR_USAGE, "print: give a file name");
	if (strchr(typed, '/') || strcmp(typed, ".") == 0 || strcmp(typed, "..") == 0)
		return err_set(e, ERR_USAGE,
		               "print: give a file name, not a path (files go in [print] folder)");
	bool pdf = len > 4 && strcasecmp(typed + len - 4, ".pdf") == 0;
	if ((size_t)snprintf(buf, n, "%s%s", typed, pdf ? "" : ".pdf") >= n)
		return err_set(e, ERR_USAGE, "print: the file name is too long");
	return 0;
}

static int print_named(struct tui *t, void *arg, const char *typed)
{
	const struct print_req *r = arg;
	struct print_opts o = {.doc = r->doc, .event = r->event};
	struct print_summary sum;
	struct err e = {0};
	char dir[4096], name[256];
	print_folder(t, dir, sizeof dir);
	if (file_name(typed, name, sizeof name, &e) < 0 || outfile_private_dir(dir, &e) < 0) {
		tui_error(t, &e);
		return R_REDRAW;
	}
	char *path = xasprintf("%s/%s", dir, name);
	if (print_write(t->ctx, &o, path, &sum, &e) < 0)
		tui_error(t, &e);
	else
		tui_info(t, "%s written to %s (%d page%s).", doc_titles[r->doc], path, sum.pages,
		         sum.pages == 1 ? "" : "s");
	free(path);
	return R_REDRAW;
}

void print_prompt(struct tui *t, int64_t event, enum print_doc doc)
{
	struct print_req *r = xmalloc(sizeof *r);
	char dir[4096], question[4400], initial[64], title[64];
	r->event = event;
	r->doc = doc;
	print_folder(t, dir, sizeof dir);
	snprintf(question, sizeof question,
	         "The PDF goes into %s (made if missing). File name:", dir);
	snprintf(initial, sizeof initial, "%s-event%" PRId64 ".pdf", print_doc_name(doc), event);
	snprintf(title, sizeof title, "Print: %s", doc_titles[doc]);
	dialog_prompt(t, title, question, "File: ", initial, print_named, r, free);
}

static const char *const people_sheets[] = {"Sign-in sheet", "Badges (volunteers)", NULL};

static int people_sheet_chosen(struct tui *t, void *arg, int64_t id, const char *label)
{
	const int64_t *event = arg;
	print_prompt(t, *event, id == 0 ? PRINT_SIGNIN : PRINT_BADGES);
	return R_REDRAW;
}

void print_prompt_people(struct tui *t, int64_t event)
{
	int64_t *arg = xmalloc(sizeof *arg);
	*arg = event;
	picker_values(t, "Print", people_sheets, people_sheet_chosen, arg, free);
}
