/* screen_help.c - the ? screen, written from the key table: the keys of the
 * screen you are on (with any [keys] overrides), then the keys that work
 * everywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xmalloc.h"
#include "dialog.h"
#include "tui.h"

static void add_line(char **buf, size_t *len, size_t *cap, const char *line)
{
	size_t n = strlen(line);
	if (*len + n + 2 > *cap) {
		*cap = (*len + n + 2) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, line, n);
	*len += n;
	(*buf)[(*len)++] = '\n';
	(*buf)[*len] = '\0';
}

static bool listed(const enum action *list, enum action a)
{
	for (; list && *list != ACT_NONE; list++)
		if (*list == a)
			return true;
	return false;
}

static void add_action(const struct tui *t, enum action a, char **buf, size_t *len, size_t *cap)
{
	char keys[64], line[256];
	keymap_label(&t->keys, a, keys, sizeof keys, false);
	snprintf(line, sizeof line, "  %-16s %s", keys, keymap_help(a));
	add_line(buf, len, cap, line);
}

void screen_help_open(struct tui *t)
{
	const struct view *top = t->stack[t->depth - 1];
	const enum action *acts = view_actions(top);
	char *buf = NULL, line[256];
	size_t len = 0, cap = 0;
	snprintf(line, sizeof line,
	         "On this screen (%s):", top->title[0] ? top->title : top->s->name);
	add_line(&buf, &len, &cap, line);
	for (const enum action *a = acts; a && *a != ACT_NONE; a++)
		if (*a != ACT_HINTS_END && !listed(keymap_globals, *a))
			add_action(t, *a, &buf, &len, &cap);
	add_line(&buf, &len, &cap, "");
	add_line(&buf, &len, &cap, "Everywhere:");
	for (const enum action *a = keymap_globals; *a != ACT_NONE; a++)
		add_action(t, *a, &buf, &len, &cap);
	add_line(&buf, &len, &cap, "");
	add_line(&buf, &len, &cap, "In forms: type to fill a field; Tab/Down and S-Tab/Up move;");
	add_line(&buf, &len, &cap, "Enter on a choice field opens a list; ^U clears the field.");
	add_line(&buf, &len, &cap, "Times are typed YYYY-MM-DD HH:MM in the event's time zone.");
	add_line(&buf, &len, &cap, "");
	add_line(&buf, &len, &cap, "Keys can be changed in the [keys] section of muster.ini,");
	add_line(&buf, &len, &cap, "e.g. down = \"j,KEY_DOWN\"; the action names are:");
	char names[1024] = "  ";
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *n = keymap_name((enum action)a);
		if (strlen(names) + strlen(n) + 2 > 70) {
			add_line(&buf, &len, &cap, names);
			snprintf(names, sizeof names, "  ");
		}
		strncat(names, n, sizeof names - strlen(names) - 2);
		strncat(names, " ", sizeof names - strlen(names) - 1);
	}
	add_line(&buf, &len, &cap, names);
	dialog_message(t, "Help: keys", buf);
	free(buf);
}
