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

#include "../core/array.h"
#include "../core/suggest.h"

struct keydef {
	enum action action;
	const char *name; /* in [keys] */
	const char *keys; /* defaults, same syntax as [keys] */
	const char *hint; /* short word for the hint bar */
	const char *help;
};

static const struct keydef table[] = {
    {
        .action = ACT_UP,
        .name = "up",
        .keys = "up,k",
        .hint = "up",
        .help = "move up one row",
    },
    {
        .action = ACT_DOWN,
        .name = "down",
        .keys = "down,j",
        .hint = "down",
        .help = "move down one row",
    },
    {
        .action = ACT_LEFT,
        .name = "left",
        .keys = "left,h",
        .hint = "left",
        .help = "move left (timetable: previous room)",
    },
    {
        .action = ACT_RIGHT,
        .name = "right",
        .keys = "right,l",
        .hint = "right",
        .help = "move right (timetable: next room)",
    },
    {
        .action = ACT_PGUP,
        .name = "page_up",
        .keys = "pgup,^B",
        .hint = "page",
        .help = "one page up",
    },
    {
        .action = ACT_PGDN,
        .name = "page_down",
        .keys = "pgdn,^F,space",
        .hint = "page",
        .help = "one page down",
    },
    {
        .action = ACT_HOME,
        .name = "home",
        .keys = "home,g",
        .hint = "top",
        .help = "first row",
    },
    {
        .action = ACT_END,
        .name = "end",
        .keys = "end,G",
        .hint = "bottom",
        .help = "last row",
    },
    {
        .action = ACT_NEXT_TAB,
        .name = "next_tab",
        .keys = "tab",
        .hint = "tab",
        .help = "next tab of the event",
    },
    {
        .action = ACT_PREV_TAB,
        .name = "prev_tab",
        .keys = "s-tab",
        .hint = "tab",
        .help = "previous tab of the event",
    },
    {
        .action = ACT_TAB1,
        .name = "tab_1",
        .keys = "1",
        .hint = "agenda",
        .help = "tab 1: agenda (timetable)",
    },
    {
        .action = ACT_TAB2,
        .name = "tab_2",
        .keys = "2",
        .hint = "sessions",
        .help = "tab 2: sessions",
    },
    {
        .action = ACT_TAB3,
        .name = "tab_3",
        .keys = "3",
        .hint = "rooms",
        .help = "tab 3: rooms",
    },
    {
        .action = ACT_TAB4,
        .name = "tab_4",
        .keys = "4",
        .hint = "booths",
        .help = "tab 4: booths and partners",
    },
    {
        .action = ACT_TAB5,
        .name = "tab_5",
        .keys = "5",
        .hint = "people",
        .help = "tab 5: people and registrations",
    },
    {
        .action = ACT_TAB6,
        .name = "tab_6",
        .keys = "6",
        .hint = "roles",
        .help = "tab 6: volunteer roles",
    },
    {
        .action = ACT_TAB7,
        .name = "tab_7",
        .keys = "7",
        .hint = "shifts",
        .help = "tab 7: shifts and coverage",
    },
    {
        .action = ACT_TAB8,
        .name = "tab_8",
        .keys = "8",
        .hint = "conflicts",
        .help = "tab 8: conflicts (what check reports)",
    },
    {
        .action = ACT_TAB9,
        .name = "tab_9",
        .keys = "9",
        .hint = "audit",
        .help = "tab 9: audit log of the event",
    },
    {
        .action = ACT_PREV_DAY,
        .name = "prev_day",
        .keys = "[,<",
        .hint = "day",
        .help = "timetable: previous day",
    },
    {
        .action = ACT_NEXT_DAY,
        .name = "next_day",
        .keys = "],>",
        .hint = "day",
        .help = "timetable: next day",
    },
    {
        .action = ACT_OPEN,
        .name = "open",
        .keys = "enter",
        .hint = "open",
        .help = "open the selected row",
    },
    {
        .action = ACT_ADD,
        .name = "add",
        .keys = "a,insert",
        .hint = "add",
        .help = "add a row here",
    },
    {
        .action = ACT_EDIT,
        .name = "edit",
        .keys = "e",
        .hint = "edit",
        .help = "edit the selected row",
    },
    {
        .action = ACT_DELETE,
        .name = "delete",
        .keys = "d,delete",
        .hint = "delete",
        .help = "delete the selected row (asks first)",
    },
    {
        .action = ACT_UNREGISTER,
        .name = "unregister",
        .keys = "d,delete",
        .hint = "cancel registration",
        .help = "cancel the selected registration (asks first)",
    },
    {
        .action = ACT_ADD_ROOM,
        .name = "add_room",
        .keys = "r",
        .hint = "room",
        .help = "timetable: add a room",
    },
    {
        .action = ACT_EDIT_THIS,
        .name = "edit_this",
        .keys = "^E,f5",
        .hint = "edit this",
        .help = "edit what this screen is about (event, person, session)",
    },
    {
        .action = ACT_ASSIGN,
        .name = "assign",
        .keys = "s",
        .hint = "staff",
        .help = "assign a volunteer to the selected shift",
    },
    {
        .action = ACT_CHECKIN,
        .name = "checkin",
        .keys = "i",
        .hint = "check in",
        .help = "check the selected person in",
    },
    {
        .action = ACT_CHECKOUT,
        .name = "checkout",
        .keys = "o",
        .hint = "check out",
        .help = "check the selected person out",
    },
    {
        .action = ACT_HOURS,
        .name = "hours",
        .keys = "H",
        .hint = "per hour",
        .help = "shifts: coverage per hour, a bar chart / per shift",
    },
    {
        .action = ACT_VOLUNTEER_HOURS,
        .name = "volunteer_hours",
        .keys = "v",
        .hint = "hours",
        .help = "shifts: hours per volunteer, no-shows / per shift",
    },
    {
        .action = ACT_UNDER,
        .name = "uncovered",
        .keys = "u",
        .hint = "uncovered",
        .help = "shifts: only those still short / all",
    },
    {
        .action = ACT_WAITLIST,
        .name = "waitlist",
        .keys = "w",
        .hint = "waitlist",
        .help = "people: the waitlist / everyone",
    },
    {
        .action = ACT_ALL,
        .name = "all",
        .keys = "A",
        .hint = "all",
        .help = "audit: every entry / this event's",
    },
    {
        .action = ACT_OVERRIDE,
        .name = "override",
        .keys = "!",
        .hint = "override",
        .help = "assign anyway, with a reason (soft rules)",
    },
    {
        .action = ACT_AUTOFILL,
        .name = "autofill",
        .keys = "F",
        .hint = "auto-fill",
        .help = "shifts: auto-fill the day of the selected shift (a preview to trim and accept)",
    },
    {
        .action = ACT_ACCEPT,
        .name = "accept",
        .keys = "y",
        .hint = "accept",
        .help = "auto-fill: write what is proposed, as one batch",
    },
    {
        .action = ACT_DROP,
        .name = "drop",
        .keys = "d,delete",
        .hint = "drop",
        .help = "auto-fill: drop the selected proposal, or take it back",
    },
    {
        .action = ACT_PRINT,
        .name = "print",
        .keys = "p",
        .hint = "print",
        .help = "print a PDF into [print] folder: shifts the roster, people the sign-in sheet "
                "or badges, per hour the coverage chart",
    },
    {
        .action = ACT_MAIL_UPDATES,
        .name = "mail_updates",
        .keys = "U",
        .hint = "mail updates",
        .help = "event, outbox: queue mail updates for the event (what changed for each "
                "person since their last message); mail send delivers them",
    },
    {
        .action = ACT_SAVE,
        .name = "save",
        .keys = "^S,f10",
        .hint = "save",
        .help = "form: save",
    },
    {
        .action = ACT_PICK,
        .name = "pick",
        .keys = "enter,f4",
        .hint = "choose",
        .help = "form: choose a value from a list",
    },
    {
        .action = ACT_NEW,
        .name = "new",
        .keys = "n",
        .hint = "new",
        .help = "make a new one, named as searched, and choose it",
    },
    {
        .action = ACT_NEXT_FIELD,
        .name = "next_field",
        .keys = "tab,down",
        .hint = "next",
        .help = "form: next field",
    },
    {
        .action = ACT_PREV_FIELD,
        .name = "prev_field",
        .keys = "s-tab,up",
        .hint = "prev",
        .help = "form: previous field",
    },
    {
        .action = ACT_CANCEL,
        .name = "cancel",
        .keys = "esc,^G",
        .hint = "cancel",
        .help = "close without saving",
    },
    {
        .action = ACT_EVENTS,
        .name = "events",
        .keys = "E,f2",
        .hint = "events",
        .help = "go to the list of events",
    },
    {
        .action = ACT_ORGS,
        .name = "orgs",
        .keys = "O,f3",
        .hint = "orgs",
        .help = "go to the organizations",
    },
    {
        .action = ACT_PEOPLE,
        .name = "people",
        .keys = "P,f4",
        .hint = "people",
        .help = "go to the people directory",
    },
    {
        .action = ACT_SKILLS,
        .name = "skills",
        .keys = "K",
        .hint = "skills",
        .help = "go to the skills (first aid, interpreters...)",
    },
    {
        .action = ACT_MAIL,
        .name = "mail",
        .keys = "M",
        .hint = "outbox",
        .help = "go to the mail outbox: messages queued, sent, failed (in an event: its own)",
    },
    {
        .action = ACT_IDS,
        .name = "ids",
        .keys = "#",
        .hint = "ids",
        .help = "show or hide each row's id in lists (for the : prompt)",
    },
    {
        .action = ACT_UNDO,
        .name = "undo",
        .keys = "z",
        .hint = "undo",
        .help = "undo this session's last change; again: the one before",
    },
    {
        .action = ACT_SEARCH,
        .name = "search",
        .keys = "/",
        .hint = "search",
        .help = "search this list (Esc clears)",
    },
    {
        .action = ACT_COMMAND,
        .name = "command",
        .keys = ":",
        .hint = "command",
        .help = "run a muster command (as on the command line)",
    },
    {
        .action = ACT_HELP,
        .name = "help",
        .keys = "?,f1",
        .hint = "help",
        .help = "this help",
    },
    {
        .action = ACT_REDRAW,
        .name = "redraw",
        .keys = "^L",
        .hint = "redraw",
        .help = "redraw the screen",
    },
    {
        .action = ACT_BACK,
        .name = "back",
        .keys = "q,esc",
        .hint = "back",
        .help = "back to the previous screen",
    },
    {
        .action = ACT_QUIT,
        .name = "quit",
        .keys = "Q",
        .hint = "quit",
        .help = "quit muster",
    },
};

#define NTABLE ARRAY_LEN(table)

const enum action keymap_globals[] = {ACT_HELP,   ACT_COMMAND, ACT_REDRAW, ACT_QUIT,
                                      ACT_EVENTS, ACT_ORGS,    ACT_PEOPLE, ACT_SKILLS,
                                      ACT_MAIL,   ACT_IDS,     ACT_UNDO,   ACT_NONE};

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
		.ch = (wint_t)(c), .fn = true                                                      \
	}
#define CH(c)                                                                                      \
	{                                                                                          \
		.ch = (wint_t)(c), .fn = false                                                     \
	}

static const struct named names[] = {
    {.name = "up", .label = "Up", .k = {FN(KEY_UP)}},
    {.name = "down", .label = "Down", .k = {FN(KEY_DOWN)}},
    {.name = "left", .label = "Left", .k = {FN(KEY_LEFT)}},
    {.name = "right", .label = "Right", .k = {FN(KEY_RIGHT)}},
    {.name = "pgup", .label = "PgUp", .k = {FN(KEY_PPAGE)}},
    {.name = "pageup", .label = "PgUp", .k = {FN(KEY_PPAGE)}},
    {.name = "ppage", .label = "PgUp", .k = {FN(KEY_PPAGE)}},
    {.name = "pgdn", .label = "PgDn", .k = {FN(KEY_NPAGE)}},
    {.name = "pagedown", .label = "PgDn", .k = {FN(KEY_NPAGE)}},
    {.name = "npage", .label = "PgDn", .k = {FN(KEY_NPAGE)}},
    {.name = "home", .label = "Home", .k = {FN(KEY_HOME)}},
    {.name = "end", .label = "End", .k = {FN(KEY_END)}},
    {.name = "enter", .label = "Enter", .k = {CH('\r'), CH('\n'), FN(KEY_ENTER)}},
    {.name = "return", .label = "Enter", .k = {CH('\r'), CH('\n'), FN(KEY_ENTER)}},
    {.name = "esc", .label = "Esc", .k = {CH(27)}},
    {.name = "escape", .label = "Esc", .k = {CH(27)}},
    {.name = "tab", .label = "Tab", .k = {CH('\t')}},
    {.name = "s-tab", .label = "S-Tab", .k = {FN(KEY_BTAB)}},
    {.name = "btab", .label = "S-Tab", .k = {FN(KEY_BTAB)}},
    {.name = "backtab", .label = "S-Tab", .k = {FN(KEY_BTAB)}},
    {.name = "space", .label = "Space", .k = {CH(' ')}},
    {.name = "backspace", .label = "BkSp", .k = {FN(KEY_BACKSPACE), CH(127), CH(8)}},
    {.name = "delete", .label = "Del", .k = {FN(KEY_DC)}},
    {.name = "del", .label = "Del", .k = {FN(KEY_DC)}},
    {.name = "dc", .label = "Del", .k = {FN(KEY_DC)}},
    {.name = "insert", .label = "Ins", .k = {FN(KEY_IC)}},
    {.name = "ins", .label = "Ins", .k = {FN(KEY_IC)}},
    {.name = "ic", .label = "Ins", .k = {FN(KEY_IC)}},
};

#define NNAMES ARRAY_LEN(names)

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
	if (a >= ACT_COUNT)
		return false;
	for (int i = 0; i < km->nkeys[a]; i++)
		if (km->keys[a][i].ch == k->ch && km->keys[a][i].fn == k->fn)
			return true;
	return false;
}

int keymap_hinted(const enum action *list)
{
	for (int i = 0; list && list[i] != ACT_NONE; i++)
		if (list[i] == ACT_HINTS_END)
			return i;
	return 0;
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
