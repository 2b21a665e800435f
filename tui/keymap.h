/* keymap.h - the key table: every action of the coordinator TUI with its
 * default keys and one line of help. It drives dispatch (a key becomes an
 * action the screen on top accepts), the [keys] overrides of the config, the
 * hints at the bottom of the screen and the generated ? help. */
#ifndef MUSTER_KEYMAP_H
#define MUSTER_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "../core/config.h"

enum action {
	ACT_NONE,
	/* moving */
	ACT_UP,
	ACT_DOWN,
	ACT_LEFT,
	ACT_RIGHT,
	ACT_PGUP,
	ACT_PGDN,
	ACT_HOME,
	ACT_END,
	ACT_NEXT_TAB,
	ACT_PREV_TAB,
	ACT_TAB1,
	ACT_TAB2,
	ACT_TAB3,
	ACT_TAB4,
	ACT_TAB5,
	ACT_TAB6,
	ACT_TAB7,
	ACT_TAB8,
	ACT_TAB9,
	ACT_PREV_DAY,
	ACT_NEXT_DAY,
	/* doing */
	ACT_OPEN,
	ACT_ADD,
	ACT_EDIT,
	ACT_DELETE,
	ACT_UNREGISTER,
	ACT_ADD_ROOM,
	ACT_EDIT_THIS,
	ACT_ASSIGN,
	ACT_CHECKIN,
	ACT_CHECKOUT,
	ACT_HOURS,
	ACT_VOLUNTEER_HOURS,
	ACT_UNDER,
	ACT_WAITLIST,
	ACT_ALL,
	ACT_OVERRIDE,
	ACT_AUTOFILL,
	ACT_ACCEPT,
	ACT_DROP,
	ACT_PRINT,
	ACT_MAIL_UPDATES,
	/* forms */
	ACT_SAVE,
	ACT_PICK,
	ACT_NEW,
	ACT_NEXT_FIELD,
	ACT_PREV_FIELD,
	ACT_CANCEL,
	/* anywhere */
	ACT_EVENTS,
	ACT_ORGS,
	ACT_PEOPLE,
	ACT_SKILLS,
	ACT_MAIL,
	ACT_IDS,
	ACT_UNDO,
	ACT_SEARCH,
	ACT_COMMAND,
	ACT_HELP,
	ACT_REDRAW,
	ACT_BACK,
	ACT_QUIT,
	ACT_COUNT,
	/* Not an action but a mark in a screen's list of actions: those before
	 * it are shown in the hint bar, those after it only in ? help. A list
	 * without it shows no hints. */
	ACT_HINTS_END
};

/* The moves every list takes, for a screen's actions. */
#define LIST_MOVES ACT_DOWN, ACT_UP, ACT_PGDN, ACT_PGUP, ACT_HOME, ACT_END

/* One key: a character (fn false) or a curses KEY_ code (fn true). */
struct key {
	wint_t ch;
	bool fn;
};

#define KEYMAP_MAX_KEYS 6

struct keymap {
	struct key keys[ACT_COUNT][KEYMAP_MAX_KEYS];
	int nkeys[ACT_COUNT];
};

/* The default table with the config's [keys] overrides applied. An unknown
 * action or key name is ERR_CONFIG with a did-you-mean. */
int keymap_load(struct keymap *km, const struct config *cfg, const char *config_path,
                struct err *e);
/* The first action in `accepted` (ACT_NONE-terminated) bound to k, else the
 * first global action bound to k, else ACT_NONE. */
enum action keymap_lookup(const struct keymap *km, const struct key *k,
                          const enum action *accepted);
/* Only among accepted. */
enum action keymap_find(const struct keymap *km, const struct key *k, const enum action *accepted);
bool keymap_is(const struct keymap *km, const struct key *k, enum action a);
/* How many actions of list come before ACT_HINTS_END (0 without it). */
int keymap_hinted(const enum action *list);
/* The config name of an action ("page_down"), its help, its key labels
 * ("PgDn, ^F"). */
const char *keymap_name(enum action a);
const char *keymap_help(enum action a);
void keymap_label(const struct keymap *km, enum action a, char *buf, size_t n, bool first_only);
/* A short word for the hint bar ("add", "back"). */
const char *keymap_hint(enum action a);
/* Actions every screen accepts (help, command, redraw, quit...). */
extern const enum action keymap_globals[];

#endif
