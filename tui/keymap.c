/* keymap.c - the key table (action, config name, default keys, hint word,
 * help) and the parsing of key names, shared by the defaults and [keys].
 *
 * Key names, comma-separated: a single character ("j", "é"), "^X" for
 * control-X, curses names ("KEY_DOWN", "KEY_F(2)") and friendly ones ("down",
 * "pgdn", "enter", "esc", "tab", "s-tab", "space", "f2"). An override
 * replaces every default key of its action. */
#define _XOPEN_SOURCE 700
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/suggest.h"

struct keydef {
	enum action action;
	const char *name; /* in [keys] */
	const char *keys; /* defaults, same syntax as [keys] */
	const char *hint; /* short word for the hint bar */
	const char *help;
};

static const struct keydef table[] = {
    {ACT_UP, "up", "up,k", "up", "move up one row"},
    {ACT_DOWN, "down", "down,j", "down", "move down one row"},
    {ACT_LEFT, "left", "left,h", "left", "move left (timetable: previous room)"},
    {ACT_RIGHT, "right", "right,l", "right", "move right (timetable: next room)"},
    {ACT_PGUP, "page_up", "pgup,^B", "page", "one page up"},
    {ACT_PGDN, "page_down", "pgdn,^F,space", "page", "one page down"},
    {ACT_HOME, "home", "home,g", "top", "first row"},
    {ACT_END, "end", "end,G", "bottom", "last row"},
    {ACT_NEXT_TAB, "next_tab", "tab", "tab", "next tab of the event"},
    {ACT_PREV_TAB, "prev_tab", "s-tab", "tab", "previous tab of the event"},
    {ACT_TAB1, "tab_1", "1", "agenda", "tab 1: agenda (timetable)"},
    {ACT_TAB2, "tab_2", "2", "sessions", "tab 2: sessions"},
    {ACT_TAB3, "tab_3", "3", "rooms", "tab 3: rooms"},
    {ACT_TAB4, "tab_4", "4", "booths", "tab 4: booths and partners"},
    {ACT_TAB5, "tab_5", "5", "people", "tab 5: people and registrations"},
    {ACT_TAB6, "tab_6", "6", "roles", "tab 6: volunteer roles"},
    {ACT_TAB7, "tab_7", "7", "shifts", "tab 7: shifts and coverage"},
    {ACT_TAB8, "tab_8", "8", "conflicts", "tab 8: conflicts (what check reports)"},
    {ACT_TAB9, "tab_9", "9", "audit", "tab 9: audit log of the event"},
    {ACT_PREV_DAY, "prev_day", "[,<", "day", "timetable: previous day"},
    {ACT_NEXT_DAY, "next_day", "],>", "day", "timetable: next day"},
    {ACT_OPEN, "open", "enter", "open", "open the selected row"},
    {ACT_ADD, "add", "a,insert", "add", "add a row here"},
    {ACT_EDIT, "edit", "e", "edit", "edit the selected row"},
    {ACT_DELETE, "delete", "d,delete", "delete", "delete the selected row (asks first)"},
    {ACT_ADD_ROOM, "add_room", "r", "room", "timetable: add a room"},
    {ACT_EDIT_THIS, "edit_this", "^E,f5", "edit this",
     "edit what this screen is about (event, person, session)"},
    {ACT_ASSIGN, "assign", "s", "staff", "assign a volunteer to the selected shift"},
    {ACT_CHECKIN, "checkin", "i", "check in", "check the selected person in"},
    {ACT_CHECKOUT, "checkout", "o", "check out", "check the selected person out"},
    {ACT_HOURS, "hours", "H", "per hour", "shifts: coverage per hour, a bar chart / per shift"},
    {ACT_VOLUNTEER_HOURS, "volunteer_hours", "v", "hours",
     "shifts: hours per volunteer, no-shows / per shift"},
    {ACT_UNDER, "uncovered", "u", "uncovered", "shifts: only those still short / all"},
    {ACT_WAITLIST, "waitlist", "w", "waitlist", "people: the waitlist / everyone"},
    {ACT_ALL, "all", "A", "all", "audit: every entry / this event's"},
    {ACT_OVERRIDE, "override", "!", "override", "assign anyway, with a reason (soft rules)"},
    {ACT_PRINT, "print", "p", "print",
     "print a PDF into [print] folder: shifts the roster, people the sign-in sheet or badges, "
     "per hour the coverage chart"},
    {ACT_SAVE, "save", "^S,f10", "save", "form: save"},
    {ACT_PICK, "pick", "enter,f4", "choose", "form: choose a value from a list"},
    {ACT_NEXT_FIELD, "next_field", "tab,down", "next", "form: next field"},
    {ACT_PREV_FIELD, "prev_field", "s-tab,up", "prev", "form: previous field"},
    {ACT_CANCEL, "cancel", "esc,^G", "cancel", "close without saving"},
    {ACT_EVENTS, "events", "E,f2", "events", "go to the list of events"},
    {ACT_ORGS, "orgs", "O,f3", "orgs", "go to the organizations"},
    {ACT_PEOPLE, "people", "P,f4", "people", "go to the people directory"},
    {ACT_SKILLS, "skills", "K", "skills", "go to the skills (first aid, interpreters...)"},
    {ACT_SEARCH, "search", "/", "search", "search this list (Esc clears)"},
    {ACT_COMMAND, "command", ":", "command", "run a muster command (as on the command line)"},
    {ACT_HELP, "help", "?,f1", "help", "this help"},
    {ACT_REDRAW, "redraw", "^L", "redraw", "redraw the screen"},
    {ACT_BACK, "back", "q,esc", "back", "back to the previous screen"},
    {ACT_QUIT, "quit", "Q", "quit", "quit muster"},
};

#define NTABLE (sizeof table / sizeof table[0])

const enum action keymap_globals[] = {ACT_HELP, ACT_COMMAND, ACT_REDRAW, ACT_QUIT, ACT_EVENTS,
                                      ACT_ORGS, ACT_PEOPLE,  ACT_SKILLS, ACT_NONE};

static const struct keydef *def_of(enum action a)
{
	for (size_t i = 0; i < NTABLE; i++)
		if (table[i].action == a)
			return &table[i];
	return NULL;
}

const char *keymap_name(enum action a)
{
	const struct keydef *d = def_of(a);
	return d ? d->name : "";
}

const char *keymap_help(enum action a)
{
	const struct keydef *d = def_of(a);
	return d ? d->help : "";
}

const char *keymap_hint(enum action a)
{
	const struct keydef *d = def_of(a);
	return d ? d->hint : "";
}

/* Named keys: friendly and curses spellings. Some names stand for several
 * codes (Enter arrives as \r, \n or KEY_ENTER). */
struct named {
	const char *name;
	const char *label;
	struct key k[3];
};

#define FN(c)                                                                                      \
	{                                                                                          \
		(wint_t)(c), true                                                                  \
	}
#define CH(c)                                                                                      \
	{                                                                                          \
		(wint_t)(c), false                                                                 \
	}

static const struct named names[] = {
    {"up", "Up", {FN(KEY_UP)}},
    {"down", "Down", {FN(KEY_DOWN)}},
    {"left", "Left", {FN(KEY_LEFT)}},
    {"right", "Right", {FN(KEY_RIGHT)}},
    {"pgup", "PgUp", {FN(KEY_PPAGE)}},
    {"pageup", "PgUp", {FN(KEY_PPAGE)}},
    {"ppage", "PgUp", {FN(KEY_PPAGE)}},
    {"pgdn", "PgDn", {FN(KEY_NPAGE)}},
    {"pagedown", "PgDn", {FN(KEY_NPAGE)}},
    {"npage", "PgDn", {FN(KEY_NPAGE)}},
    {"home", "Home", {FN(KEY_HOME)}},
    {"end", "End", {FN(KEY_END)}},
    {"enter", "Enter", {CH('\r'), CH('\n'), FN(KEY_ENTER)}},
    {"return", "Enter", {CH('\r'), CH('\n'), FN(KEY_ENTER)}},
    {"esc", "Esc", {CH(27)}},
    {"escape", "Esc", {CH(27)}},
    {"tab", "Tab", {CH('\t')}},
    {"s-tab", "S-Tab", {FN(KEY_BTAB)}},
    {"btab", "S-Tab", {FN(KEY_BTAB)}},
    {"backtab", "S-Tab", {FN(KEY_BTAB)}},
    {"space", "Space", {CH(' ')}},
    {"backspace", "BkSp", {FN(KEY_BACKSPACE), CH(127), CH(8)}},
    {"delete", "Del", {FN(KEY_DC)}},
    {"del", "Del", {FN(KEY_DC)}},
    {"dc", "Del", {FN(KEY_DC)}},
    {"insert", "Ins", {FN(KEY_IC)}},
    {"ins", "Ins", {FN(KEY_IC)}},
    {"ic", "Ins", {FN(KEY_IC)}},
};

#define NNAMES (sizeof names / sizeof names[0])

/* Parse one key name into up to 3 keys; returns how many, 0 when unknown. */
static int parse_key(const char *word, struct key *out)
{
	size_t len = strlen(word);
	const char *name = word;
	if (len > 4 && strncasecmp(word, "KEY_", 4) == 0)
		name = word + 4;
	for (size_t i = 0; i < NNAMES; i++) {
		if (strcasecmp(name, names[i].name) != 0)
			continue;
		int n = 0;
		for (; n < 3 && names[i].k[n].ch; n++)
			out[n] = names[i].k[n];
		return n;
	}
	int f;
	char tail;
	if ((sscanf(name, "F(%d)%c", &f, &tail) == 1 || sscanf(name, "f(%d)%c", &f, &tail) == 1 ||
	     ((name[0] == 'f' || name[0] == 'F') && sscanf(name + 1, "%d%c", &f, &tail) == 1)) &&
	    f >= 1 && f <= 24)
		return out[0] = (struct key)FN(KEY_F(f)), 1;
	if (len == 2 && word[0] == '^' && word[1] >= '?' && word[1] <= '~') {
		int c = word[1] == '?' ? 127 : (word[1] & 0x1f);
		return out[0] = (struct key)CH(c), 1;
	}
	wchar_t wc;
	mbstate_t st = {0};
	size_t used = mbrtowc(&wc, word, len, &st);
	if (len > 0 && used == len)
		return out[0] = (struct key){(wint_t)wc, false}, 1;
	return 0;
}

/* Fill the keys of action a from a comma-separated list. */
static int set_keys(struct keymap *km, enum action a, const char *list, const char *where,
                    struct err *e)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", list);
	km->nkeys[a] = 0;
	for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		while (*w == ' ')
			w++;
		for (size_t n = strlen(w); n > 1 && w[n - 1] == ' '; n--)
			w[n - 1] = '\0';
		if (!*w)
			continue;
		struct key k[3];
		int n = parse_key(w, k);
		if (n == 0)
			return err_set(
			    e, ERR_CONFIG,
			    "%s: keys.%s: unknown key \"%s\" (a character, ^X, F1-F24, "
			    "or up, down, left, right, pgup, pgdn, home, end, enter, esc, "
			    "tab, s-tab, space, backspace, delete, insert)",
			    where, keymap_name(a), w);
		for (int i = 0; i < n && km->nkeys[a] < KEYMAP_MAX_KEYS; i++)
			km->keys[a][km->nkeys[a]++] = k[i];
	}
	if (km->nkeys[a] == 0)
		return err_set(e, ERR_CONFIG, "%s: keys.%s: no key given", where, keymap_name(a));
	return 0;
}

static int unknown_action(const char *name, const char *where, struct err *e)
{
	const char *cands[NTABLE];
	for (size_t i = 0; i < NTABLE; i++)
		cands[i] = table[i].name;
	const char *near = suggest_closest(name, cands, NTABLE);
	if (near)
		return err_set(e, ERR_CONFIG, "%s: unknown key action keys.%s; did you mean %s?",
		               where, name, near);
	return err_set(e, ERR_CONFIG, "%s: unknown key action keys.%s (the ? screen lists them)",
	               where, name);
}

int keymap_load(struct keymap *km, const struct config *cfg, const char *config_path, struct err *e)
{
	memset(km, 0, sizeof *km);
	for (size_t i = 0; i < NTABLE; i++)
		if (set_keys(km, table[i].action, table[i].keys, "built-in", e) < 0)
			return -1;
	for (int i = 0; cfg && i < cfg->nkeys; i++) {
		const struct key_override *o = &cfg->keys[i];
		const struct keydef *d = NULL;
		for (size_t k = 0; k < NTABLE && !d; k++)
			if (strcasecmp(table[k].name, o->action) == 0)
				d = &table[k];
		if (!d)
			return unknown_action(o->action, config_path, e);
		if (set_keys(km, d->action, o->keys, config_path, e) < 0)
			return -1;
	}
	return 0;
}

bool keymap_is(const struct keymap *km, const struct key *k, enum action a)
{
	for (int i = 0; i < km->nkeys[a]; i++)
		if (km->keys[a][i].ch == k->ch && km->keys[a][i].fn == k->fn)
			return true;
	return false;
}

enum action keymap_find(const struct keymap *km, const struct key *k, const enum action *accepted)
{
	for (const enum action *a = accepted; a && *a != ACT_NONE; a++)
		if (keymap_is(km, k, *a))
			return *a;
	return ACT_NONE;
}

enum action keymap_lookup(const struct keymap *km, const struct key *k, const enum action *accepted)
{
	enum action found = keymap_find(km, k, accepted);
	if (found != ACT_NONE)
		return found;
	for (const enum action *a = keymap_globals; *a != ACT_NONE; a++)
		if (keymap_is(km, k, *a))
			return *a;
	return ACT_NONE;
}

/* A person's name for one key. */
static void key_label(const struct key *k, char *buf, size_t n)
{
	if (k->fn) {
		for (size_t i = 0; i < NNAMES; i++)
			if (names[i].k[0].fn && names[i].k[0].ch == k->ch)
				return (void)snprintf(buf, n, "%s", names[i].label);
		for (int f = 1; f <= 24; f++)
			if (k->ch == (wint_t)KEY_F(f))
				return (void)snprintf(buf, n, "F%d", f);
		if (k->ch == (wint_t)KEY_ENTER)
			return (void)snprintf(buf, n, "Enter");
		return (void)snprintf(buf, n, "key %d", (int)k->ch);
	}
	switch (k->ch) {
	case '\r':
	case '\n':
		return (void)snprintf(buf, n, "Enter");
	case 27:
		return (void)snprintf(buf, n, "Esc");
	case '\t':
		return (void)snprintf(buf, n, "Tab");
	case ' ':
		return (void)snprintf(buf, n, "Space");
	case 127:
	case 8:
		return (void)snprintf(buf, n, "BkSp");
	}
	if (k->ch < 32)
		return (void)snprintf(buf, n, "^%c", (char)(k->ch + 64));
	char mb[8] = {0};
	mbstate_t st = {0};
	size_t len = wcrtomb(mb, (wchar_t)k->ch, &st);
	snprintf(buf, n, "%s", len == (size_t)-1 ? "?" : mb);
}

void keymap_label(const struct keymap *km, enum action a, char *buf, size_t n, bool first_only)
{
	size_t used = 0;
	char prev[16] = "";
	buf[0] = '\0';
	for (int i = 0; i < km->nkeys[a]; i++) {
		char one[16];
		key_label(&km->keys[a][i], one, sizeof one);
		if (strcmp(one, prev) == 0)
			continue; /* Enter's three codes read as one key */
		snprintf(prev, sizeof prev, "%s", one);
		if (used + strlen(one) + 3 > n)
			break;
		used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? ", " : "", one);
		if (first_only)
			break;
	}
}
