/* screen_command.c - the : prompt: the line is split into words like a
 * shell would (quotes, backslash) and run through the same command table
 * as the command line; what it prints is shown in a box that scrolls and
 * pans sideways, an error on the message line (wrapped in a box when it
 * is longer). A command taking --event works on the event open on screen
 * when the line names nothing else (":report coverage"). */
#define _GNU_SOURCE
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/array.h"
#include "cli.h"
#include "dialog.h"
#include "table.h"
#include "tui.h"

/* Split line into words in place (quotes removed); returns the count, or -1
 * with e set for an unclosed quote. */
static int split_words(char *line, char **words, int max, struct err *e)
{
	int n = 0;
	char *in = line, *out = line;
	while (*in) {
		while (*in == ' ' || *in == '\t')
			in++;
		if (!*in)
			break;
		if (n == max)
			return err_set(e, ERR_USAGE, "too many words");
		words[n++] = out;
		char quote = 0;
		while (*in && (quote || (*in != ' ' && *in != '\t'))) {
			if (quote && *in == quote) {
				quote = 0;
				in++;
			} else if (!quote && (*in == '"' || *in == '\'')) {
				quote = *in++;
			} else if (*in == '\\' && quote != '\'' && in[1]) {
				*out++ = in[1];
				in += 2;
			} else {
				*out++ = *in++;
			}
		}
		if (quote)
			return err_set(e, ERR_USAGE, "unclosed %c quote", quote);
		if (*in)
			in++;
		*out++ = '\0';
	}
	return n;
}

/* Options that name what a command works on: with none of them given, a
 * command taking --event works on the event open on screen. */
static const char *const scoping[] = {"event", "shift", "session", "person", "org", "undo"};

static bool names_scope(char **words, int n)
{
	for (int i = 1; i < n; i++)
		for (size_t k = 0; k < ARRAY_LEN(scoping); k++) {
			size_t len = strlen(scoping[k]);
			if (strncmp(words[i], "--", 2) == 0 &&
			    strncmp(words[i] + 2, scoping[k], len) == 0 &&
			    (words[i][2 + len] == '\0' || words[i][2 + len] == '='))
				return true;
		}
	return false;
}

/* Add "--event ID" for the event on screen when the command takes --event
 * and the line names nothing it works on; returns the new count. */
static int default_event(struct tui *t, char **words, int n, char *id, size_t idn)
{
	const struct command *c = cli_find(words[0]);
	int64_t ev = tui_event_in_view(t);
	if (!c || !c->opts || !ev || n + 2 > ARGS_MAX || names_scope(words, n))
		return n;
	const char *at = strstr(c->opts, "event:");
	if (!at || (at != c->opts && at[-1] != ' '))
		return n;
	snprintf(id, idn, "%" PRId64, ev);
	words[n++] = "--event";
	words[n++] = id;
	return n;
}

static int run_line(struct tui *t, void *arg, const char *text)
{
	char line[1024];
	char *words[ARGS_MAX];
	struct err e = {0};
	snprintf(line, sizeof line, "%s", text);
	int n = split_words(line, words, ARGS_MAX, &e);
	if (n == 0)
		return R_REDRAW;
	if (n < 0) {
		tui_error(t, &e);
		return R_REDRAW;
	}
	char id[24], shown[1100];
	int given = n;
	n = default_event(t, words, n, id, sizeof id);
	snprintf(shown, sizeof shown, "%s%s%s", text, n > given ? " --event " : "",
	         n > given ? id : "");
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f) {
		err_set(&e, ERR_INPUT, "cannot capture the command's output");
		tui_error(t, &e);
		return R_REDRAW;
	}
	int rc = cli_run(t->app, n, words, f, &e);
	t->ctx->override_reason = NULL;
	fclose(f);
	if (rc < 0)
		table_fail(t, &e); /* a long usage or error line: wrapped in a box */
	else if (len > 0)
		dialog_text(t, shown, out, false);
	else
		tui_info(t, "done: %s", shown);
	free(out);
	return R_REDRAW | R_RELOAD;
}

void screen_command_open(struct tui *t)
{
	dialog_prompt(t, NULL, NULL, ":", "", run_line, NULL, NULL);
}
