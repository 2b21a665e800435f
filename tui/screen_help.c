/* screen_help.c - the ? screen, written from the key table: the keys of the
 * screen you are on (with any [keys] overrides), then the keys that work
 * everywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/strbuf.h"
#include "dialog.h"
#include "tui.h"

static void add_line(struct strbuf *b, const char *line)
{
	strbuf_add(b, line);
	strbuf_addc(b, '\n');
}

static bool listed(const enum action *list, enum action a)
{
	for (; list && *list != ACT_NONE; list++)
		if (*list == a)
			return true;
	return false;
}

static void add_action(const struct tui *t, enum action a, struct strbuf *b)
{
	char keys[64], line[256];
	keymap_label(&t->keys, a, keys, sizeof keys, false);
	snprintf(line, sizeof line, "  %-16s %s", keys, keymap_help(a));
	add_line(b, line);
}

void screen_help_open(struct tui *t)
{
	const struct view *top = t->stack[t->depth - 1];
	const enum action *acts = view_actions(top);
	struct strbuf b = {0};
	char line[256];
	snprintf(line, sizeof line,
	         "On this screen (%s):", top->title[0] ? top->title : top->s->name);
	add_line(&b, line);
	for (const enum action *a = acts; a && *a != ACT_NONE; a++)
		if (*a != ACT_HINTS_END && !listed(keymap_globals, *a))
			add_action(t, *a, &b);
	add_line(&b, "");
	add_line(&b, "Everywhere:");
	for (const enum action *a = keymap_globals; *a != ACT_NONE; a++)
		add_action(t, *a, &b);
	add_line(&b, "");
	add_line(&b, "In forms: type to fill a field; Tab/Down and S-Tab/Up move;");
	add_line(&b, "Enter on a choice field opens a list; ^U clears the field.");
	add_line(&b, "Times are typed YYYY-MM-DD HH:MM in the event's time zone.");
	add_line(&b, "");
	add_line(&b, "Keys can be changed in the [keys] section of muster.ini,");
	add_line(&b, "e.g. down = \"j,KEY_DOWN\"; the action names are:");
	char names[1024] = "  ";
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		const char *n = keymap_name((enum action)a);
		if (strlen(names) + strlen(n) + 2 > 70) {
			add_line(&b, names);
			snprintf(names, sizeof names, "  ");
		}
		strncat(names, n, sizeof names - strlen(names) - 2);
		strncat(names, " ", sizeof names - strlen(names) - 1);
	}
	add_line(&b, names);
	dialog_message(t, "Help: keys", strbuf_str(&b));
	strbuf_free(&b);
}
