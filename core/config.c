/* config.c - the settings table (section.key, type, place in struct config,
 * default, range, help) and the loading, checking and dumping that walk it. */
#define _GNU_SOURCE /* newlocale, uselocale, fileno */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <iniparser.h>

#include "array.h"
#include "suggest.h"

enum opt_type { OPT_INT, OPT_DOUBLE, OPT_BOOL, OPT_ENUM, OPT_STRING };

struct opt_choice {
	const char *name;
	int value;
};

struct opt {
	const char *section;
	const char *key;
	enum opt_type type;
	size_t offset; /* into struct config */
	size_t size;   /* of that member: int, double, bool, an enum or a char array */
	const char *def;
	double min, max;                  /* OPT_INT and OPT_DOUBLE */
	const struct opt_choice *choices; /* OPT_ENUM, ends with a NULL name */
	const char *help;
};

_Static_assert(sizeof(enum theme) == sizeof(int), "enum members are stored as int");
_Static_assert(sizeof(enum paper) == sizeof(int), "enum members are stored as int");

/* The section that takes any key: action = key list. */
#define KEYS_SECTION "keys"

static const struct opt_choice theme_choices[] = {
    {.name = "default", .value = THEME_DEFAULT},
    {.name = "mono", .value = THEME_MONO},
    {.name = "high-contrast", .value = THEME_HIGH_CONTRAST},
    {0},
};
static const struct opt_choice time_choices[] = {
    {.name = "24h", .value = 0},
    {.name = "12h", .value = 1},
    {0},
};
static const struct opt_choice week_choices[] = {
    {.name = "sunday", .value = 0},
    {.name = "monday", .value = 1},
    {0},
};
static const struct opt_choice paper_choices[] = {
    {.name = "a4", .value = PAPER_A4},
    {.name = "letter", .value = PAPER_LETTER},
    {0},
};

#define FIELD(m) .offset = offsetof(struct config, m), .size = sizeof(((struct config *)0)->m)
#define INT(s, k, m, d, lo, hi, h)                                                                 \
	{                                                                                          \
		.section = s, .key = k, .type = OPT_INT, FIELD(m), .def = d, .min = lo, .max = hi, \
		.help = h                                                                          \
	}
#define DOUBLE(s, k, m, d, lo, hi, h)                                                              \
	{                                                                                          \
		.section = s, .key = k, .type = OPT_DOUBLE, FIELD(m), .def = d, .min = lo,         \
		.max = hi, .help = h                                                               \
	}
#define BOOL(s, k, m, d, h)                                                                        \
	{                                                                                          \
		.section = s, .key = k, .type = OPT_BOOL, FIELD(m), .def = d, .help = h            \
	}
#define ENUM(s, k, m, d, ch, h)                                                                    \
	{                                                                                          \
		.section = s, .key = k, .type = OPT_ENUM, FIELD(m), .def = d, .choices = ch,       \
		.help = h                                                                          \
	}
#define STRING(s, k, m, d, h)                                                                      \
	{                                                                                          \
		.section = s, .key = k, .type = OPT_STRING, FIELD(m), .def = d, .help = h          \
	}

/* Every setting, grouped by section in the order config_dump prints them. */
static const struct opt options[] = {
    STRING("database", "path", db_path, "",
           "Database file when neither --db nor MUSTER_DB is given; empty = the XDG data folder"),
    INT("database", "busy_timeout_ms", busy_timeout_ms, "5000", 0, 600000,
        "How long to wait for another writer, in milliseconds"),
    STRING("database", "group", db_group, "",
           "Group sharing the database file, then made mode 0660; empty = none, mode 0600"),
    ENUM("display", "theme", theme, "default", theme_choices, "Colour theme"),
    ENUM("display", "time_format", time_12h, "24h", time_choices, "Clock shown in times"),
    ENUM("display", "week_start", week_start, "monday", week_choices, "First day of the week"),
    INT("rules", "min_rest_minutes", min_rest_minutes, "30", 0, 1440,
        "Least rest between two shifts of one person, in minutes"),
    DOUBLE("rules", "max_hours_per_day", max_hours_per_day, "10", 0.5, 24,
           "Most hours one person works per calendar day"),
    INT("rules", "signup_close_minutes", signup_close_minutes, "60", 0, 10080,
        "Kiosk sign-up closes this many minutes before a shift starts"),
    INT("rules", "drop_close_hours", drop_close_hours, "24", 0, 720,
        "Kiosk drop closes this many hours before a shift starts"),
    INT("rules", "checkin_open_minutes", checkin_open_minutes, "30", 0, 1440,
        "Check-in opens this many minutes before a shift starts"),
    INT("kiosk", "idle_timeout_s", kiosk_idle_timeout_s, "60", 5, 3600,
        "Seconds without a key before the kiosk wipes back to the welcome screen"),
    INT("kiosk", "pin_attempts", kiosk_pin_attempts, "5", 1, 100,
        "Wrong PINs before a volunteer code is locked"),
    INT("kiosk", "lockout_minutes", kiosk_lockout_minutes, "5", 1, 1440,
        "Minutes a volunteer code stays locked"),
    INT("kiosk", "global_failures_per_minute", kiosk_global_failures_per_minute, "10", 1, 10000,
        "Wrong PINs a minute across all codes and kiosks; beyond it every kiosk pauses sign-ins"),
    BOOL("kiosk", "signup", kiosk_signup, "on", "Volunteers may sign up for open shifts"),
    STRING("kiosk", "exit_passphrase_hash", kiosk_exit_passphrase_hash, "",
           "Hash of the passphrase that quits the kiosk; empty = only SIGHUP/SIGTERM quit it"),
    STRING("export", "organizer_name", organizer_name, "", "ORGANIZER name in invitations"),
    STRING("export", "organizer_email", organizer_email, "", "ORGANIZER address in invitations"),
    INT("export", "reminder_minutes", reminder_minutes, "0", 0, 10080,
        "VALARM reminder this many minutes before; 0 = none"),
    BOOL("export", "include_descriptions", include_descriptions, "on",
         "Put descriptions and notes into calendar files"),
    INT("privacy", "retain_days_after_event", retain_days_after_event, "0", 0, 36500,
        "Days after the end of a person's last event before privacy sweep erases them; 0 = never"),
    INT("privacy", "backup_keep_days", backup_keep_days, "0", 0, 36500,
        "Days a backup is kept before backup --prune removes it; 0 = keep every backup"),
    ENUM("print", "paper", paper, "a4", paper_choices, "Paper size of printed sheets (PDF)"),
    BOOL("print", "roster_phones", roster_phones, "on",
         "Print volunteers' and leads' phones on rosters (no other sheet has phones)"),
    STRING("print", "folder", print_folder, "~/muster-print",
           "Folder the coordinator screen writes PDF files into (p); ~/ is your home"),
    STRING("mail", "from", mail_from, "",
           "From: of every message, \"Name <address>\"; empty = [export] organizer_name and "
           "organizer_email"),
    STRING("mail", "sendmail", mail_sendmail, "/usr/sbin/sendmail -t -oi",
           "The MTA's sendmail command; it reads one message with its recipient in To:"),
    INT("mail", "remind_hours", mail_remind_hours, "24", 1, 336,
        "mail reminders: remind of shifts starting within this many hours"),
    INT("mail", "max_attempts", mail_max_attempts, "5", 1, 100,
        "Deliveries tried (waiting 5, 10, 20... minutes between) before a message is failed"),
    STRING("mail", "invite_template", mail_invite_template, "",
           "Template file of invitations (Subject: line, blank line, body); empty = built-in"),
    STRING("mail", "update_template", mail_update_template, "",
           "Template file of updates (new or changed items); empty = built-in"),
    STRING("mail", "cancel_template", mail_cancel_template, "",
           "Template file of cancellations; empty = built-in"),
    STRING("mail", "reminder_template", mail_reminder_template, "",
           "Template file of shift reminders; empty = built-in"),
};

#define NOPTIONS ARRAY_LEN(options)
/* Distinct sections in the table, plus [keys]. */
#define MAX_SECTIONS (NOPTIONS + 1)
/* How much of a value or name goes into a message. */
#define SHOW_MAX 60

/* iniparser reports through a callback with no user pointer, so the first
 * message of one load is kept here (loading is not reentrant). */
static char ini_error[512];

static void *member(struct config *c, const struct opt *o)
{
	return (char *)c + o->offset;
}

static const void *cmember(const struct config *c, const struct opt *o)
{
	return (const char *)c + o->offset;
}

/* Store v into an int, an enum or a bool member, by its size. */
static void store_int(void *p, size_t size, int v)
{
	if (size == sizeof(bool)) {
		bool b = v != 0;
		memcpy(p, &b, sizeof b);
	} else {
		memcpy(p, &v, sizeof v);
	}
}

static int fetch_int(const void *p, size_t size)
{
	if (size == sizeof(bool)) {
		bool b;
		memcpy(&b, p, sizeof b);
		return b;
	}
	int v;
	memcpy(&v, p, sizeof v);
	return v;
}

/* s for a one-line message: control bytes shown as '?', cut at SHOW_MAX. */
static const char *show(const char *s, char *buf, size_t n)
{
	size_t i = 0;
	for (; s[i] && i + 4 < n && i < SHOW_MAX; i++)
		buf[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
	if (s[i])
		memcpy(buf + i, "...", 4);
	else
		buf[i] = '\0';
	return buf;
}

/* Run f with LC_NUMERIC "C", so "0.5" means the same in every locale. */
static locale_t numeric_c_begin(locale_t *old)
{
	locale_t c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	*old = c ? uselocale(c) : (locale_t)0;
	return c;
}

static void numeric_c_end(locale_t c, locale_t old)
{
	if (!c)
		return;
	uselocale(old);
	freelocale(c);
}

static int parse_int(const char *s, const struct opt *o, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < o->min || v > o->max)
		return -1;
	*out = (int)v;
	return 0;
}

static int parse_double(const char *s, const struct opt *o, double *out)
{
	char *end;
	locale_t old, c;
	if (!*s || strspn(s, "0123456789.+-eE") != strlen(s))
		return -1;
	c = numeric_c_begin(&old);
	errno = 0;
	double v = strtod(s, &end);
	numeric_c_end(c, old);
	if (*end || errno || !isfinite(v) || v < o->min || v > o->max)
		return -1;
	*out = v;
	return 0;
}

static int parse_bool(const char *s, bool *out)
{
	static const char *const yes[] = {"on", "true", "yes", "1"};
	static const char *const no[] = {"off", "false", "no", "0"};
	for (size_t i = 0; i < ARRAY_LEN(yes); i++) {
		if (!strcasecmp(s, yes[i]) || !strcasecmp(s, no[i])) {
			*out = !strcasecmp(s, yes[i]);
			return 0;
		}
	}
	return -1;
}

static int parse_enum(const char *s, const struct opt *o, int *out)
{
	for (const struct opt_choice *ch = o->choices; ch->name; ch++) {
		if (!strcasecmp(s, ch->name)) {
			*out = ch->value;
			return 0;
		}
	}
	return -1;
}

/* Set o in c from text s; -1 when s is not allowed for o. */
static int opt_set(struct config *c, const struct opt *o, const char *s)
{
	void *p = member(c, o);
	int i;
	double d;
	bool b;
	switch (o->type) {
	case OPT_INT:
		if (parse_int(s, o, &i) < 0)
			return -1;
		memcpy(p, &i, sizeof i);
		return 0;
	case OPT_DOUBLE:
		if (parse_double(s, o, &d) < 0)
			return -1;
		memcpy(p, &d, sizeof d);
		return 0;
	case OPT_BOOL:
		if (parse_bool(s, &b) < 0)
			return -1;
		memcpy(p, &b, sizeof b);
		return 0;
	case OPT_ENUM:
		if (parse_enum(s, o, &i) < 0)
			return -1;
		store_int(p, o->size, i);
		return 0;
	case OPT_STRING:
		if (strlen(s) >= o->size)
			return -1;
		memcpy(p, s, strlen(s) + 1);
		return 0;
	}
	return -1;
}

/* The shortest text that reads back as v, in the C locale, without an
 * exponent for whole numbers. */
static void format_double(double v, char *buf, size_t n)
{
	locale_t old, c = numeric_c_begin(&old);
	if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
		snprintf(buf, n, "%.0f", v);
	else
		for (int prec = 1; prec <= 17; prec++) {
			snprintf(buf, n, "%.*g", prec, v);
			if (strtod(buf, NULL) == v)
				break;
		}
	numeric_c_end(c, old);
}

static void format_choices(const struct opt_choice *ch, char *buf, size_t n)
{
	size_t len = 0;
	buf[0] = '\0';
	for (; ch->name && len < n; ch++)
		len += snprintf(buf + len, n - len, "%s%s", len ? ", " : "", ch->name);
}

/* What o allows, for help comments: "0 to 1440", "on or off" ... */
static void format_range(const struct opt *o, char *buf, size_t n)
{
	char lo[32], hi[32];
	switch (o->type) {
	case OPT_INT:
	case OPT_DOUBLE:
		format_double(o->min, lo, sizeof lo);
		format_double(o->max, hi, sizeof hi);
		snprintf(buf, n, "%s to %s", lo, hi);
		break;
	case OPT_BOOL:
		snprintf(buf, n, "on or off");
		break;
	case OPT_ENUM:
		snprintf(buf, n, "one of ");
		format_choices(o->choices, buf + strlen(buf), n - strlen(buf));
		break;
	case OPT_STRING:
		snprintf(buf, n, "text, at most %zu bytes", o->size - 1);
		break;
	}
}

/* Why a value was refused: "must be a whole number from 0 to 1440" ... */
static void format_rule(const struct opt *o, char *buf, size_t n)
{
	char range[256];
	format_range(o, range, sizeof range);
	switch (o->type) {
	case OPT_INT:
		snprintf(buf, n, "must be a whole number from %s", range);
		break;
	case OPT_DOUBLE:
		snprintf(buf, n, "must be a number from %s", range);
		break;
	case OPT_BOOL:
	case OPT_ENUM:
		snprintf(buf, n, "must be %s", range);
		break;
	case OPT_STRING:
		snprintf(buf, n, "must be at most %zu bytes long", o->size - 1);
		break;
	}
}

/* s as an INI value iniparser reads back unchanged: quoted when it can be.
 * iniparser 4.1 has no escapes, so a value holding both quote kinds goes out
 * bare and must not hold ';' or '#' or start with a quote; no file can give
 * such a value, only code that fills struct config itself. */
static void fput_string(const char *s, FILE *out)
{
	if (!strchr(s, '"'))
		fprintf(out, "\"%s\"", s);
	else if (!strchr(s, '\''))
		fprintf(out, "'%s'", s);
	else
		fputs(s, out);
}

static void fput_value(const struct config *c, const struct opt *o, FILE *out)
{
	const void *p = cmember(c, o);
	char buf[64];
	double d;
	int v;
	switch (o->type) {
	case OPT_INT:
		fprintf(out, "%d", fetch_int(p, o->size));
		break;
	case OPT_DOUBLE:
		memcpy(&d, p, sizeof d);
		format_double(d, buf, sizeof buf);
		fputs(buf, out);
		break;
	case OPT_BOOL:
		fputs(fetch_int(p, o->size) ? "on" : "off", out);
		break;
	case OPT_ENUM:
		v = fetch_int(p, o->size);
		for (const struct opt_choice *ch = o->choices; ch->name; ch++)
			if (ch->value == v)
				fputs(ch->name, out);
		break;
	case OPT_STRING:
		fput_string(p, out);
		break;
	}
}

static void dump_opt(const struct config *c, const struct opt *o, FILE *out)
{
	char range[256];
	format_range(o, range, sizeof range);
	if (o->type == OPT_STRING)
		fprintf(out, "# %s (%s, default \"%s\")\n", o->help, range, o->def);
	else if (o->type == OPT_ENUM)
		fprintf(out, "# %s (%s; default %s)\n", o->help, range, o->def);
	else
		fprintf(out, "# %s (%s, default %s)\n", o->help, range, o->def);
	fprintf(out, "%s = ", o->key);
	fput_value(c, o, out);
	fputc('\n', out);
}

static void dump_keys(const struct config *c, FILE *out)
{
	fprintf(out, "\n[%s]\n", KEYS_SECTION);
	fputs("# action = keys to use instead of the defaults, comma-separated, e.g.\n"
	      "# down = \"j,KEY_DOWN\" or save = \"^S\" (the ? screen lists the actions)\n",
	      out);
	for (int i = 0; i < c->nkeys; i++) {
		fprintf(out, "%s = ", c->keys[i].action);
		fput_string(c->keys[i].keys, out);
		fputc('\n', out);
	}
}

void config_take_section(struct config *dst, const struct config *src, const char *section)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (strcmp(options[i].section, section) == 0)
			memcpy((char *)dst + options[i].offset,
			       (const char *)src + options[i].offset, options[i].size);
}

void config_dump(const struct config *c, FILE *out)
{
	const char *section = NULL;
	fputs("# muster settings (muster --dump-config): every key, its value and help.\n"
	      "# NO_COLOR set in the environment turns colour off.\n",
	      out);
	for (size_t i = 0; i < NOPTIONS; i++) {
		const struct opt *o = &options[i];
		if (!section || strcmp(section, o->section)) {
			section = o->section;
			fprintf(out, "\n[%s]\n", section);
		}
		dump_opt(c, o, out);
	}
	dump_keys(c, out);
}

void config_defaults(struct config *c)
{
	const char *nc = getenv("NO_COLOR");
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < NOPTIONS; i++)
		opt_set(c, &options[i], options[i].def);
	c->no_color = nc && *nc;
}

/* Every section name once, in table order, then [keys]; returns the count. */
static size_t section_names(const char **names)
{
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!n || strcmp(names[n - 1], options[i].section))
			names[n++] = options[i].section;
	names[n++] = KEYS_SECTION;
	return n;
}

static bool known_section(const char *name)
{
	const char *names[MAX_SECTIONS];
	size_t n = section_names(names);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], name))
			return true;
	return false;
}

static const struct opt *find_opt(const char *section, const char *key)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!strcmp(options[i].section, section) && !strcmp(options[i].key, key))
			return &options[i];
	return NULL;
}

static int unknown_section(const char *path, const char *name, struct err *e)
{
	const char *names[MAX_SECTIONS], *best;
	char buf[SHOW_MAX + 8];
	best = suggest_closest(name, names, section_names(names));
	if (best)
		return err_set(e, ERR_CONFIG, "%s: unknown section [%s]; did you mean [%s]?", path,
		               show(name, buf, sizeof buf), best);
	return err_set(e, ERR_CONFIG, "%s: unknown section [%s]", path,
	               show(name, buf, sizeof buf));
}

/* The same key name in another section, for "did you mean" across sections. */
static const struct opt *find_key_elsewhere(const char *key)
{
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!strcmp(options[i].key, key))
			return &options[i];
	return NULL;
}

static int unknown_key(const char *path, const char *section, const char *key, struct err *e)
{
	const char *keys[NOPTIONS], *best;
	const struct opt *other;
	char buf[SHOW_MAX + 8];
	size_t n = 0;
	for (size_t i = 0; i < NOPTIONS; i++)
		if (!strcmp(options[i].section, section))
			keys[n++] = options[i].key;
	show(key, buf, sizeof buf);
	best = suggest_closest(key, keys, n);
	if (best)
		return err_set(e, ERR_CONFIG, "%s: unknown key %s.%s; did you mean %s?", path,
		               section, buf, best);
	other = find_key_elsewhere(key);
	if (other)
		return err_set(e, ERR_CONFIG, "%s: unknown key %s.%s; did you mean %s in [%s]?",
		               path, section, buf, other->key, other->section);
	return err_set(e, ERR_CONFIG, "%s: unknown key %s.%s", path, section, buf);
}

static int bad_value(const char *path, const struct opt *o, const char *value, struct err *e)
{
	char rule[320], buf[SHOW_MAX + 8];
	format_rule(o, rule, sizeof rule);
	return err_set(e, ERR_CONFIG, "%s: %s.%s = %s: %s", path, o->section, o->key,
	               show(value, buf, sizeof buf), rule);
}

/* One [keys] line: action = key list, checked for shape only. */
static int add_override(struct config *c, const char *path, const char *action, const char *keys,
                        struct err *e)
{
	struct key_override *k = &c->keys[c->nkeys];
	char buf[SHOW_MAX + 8];
	show(action, buf, sizeof buf);
	if (strlen(action) >= sizeof k->action)
		return err_set(e, ERR_CONFIG, "%s: %s.%s: action name longer than %zu bytes", path,
		               KEYS_SECTION, buf, sizeof k->action - 1);
	if (!*keys)
		return err_set(e, ERR_CONFIG,
		               "%s: %s.%s: must list at least one key (quote # and ;)", path,
		               KEYS_SECTION, buf);
	if (strlen(keys) >= sizeof k->keys)
		return err_set(e, ERR_CONFIG, "%s: %s.%s: key list longer than %zu bytes", path,
		               KEYS_SECTION, buf, sizeof k->keys - 1);
	if (c->nkeys >= CONFIG_MAX_KEY_OVERRIDES)
		return err_set(e, ERR_CONFIG, "%s: [%s]: more than %d overrides", path,
		               KEYS_SECTION, CONFIG_MAX_KEY_OVERRIDES);
	memcpy(k->action, action, strlen(action) + 1);
	memcpy(k->keys, keys, strlen(keys) + 1);
	c->nkeys++;
	return 0;
}

/* One "section:key" = value entry from iniparser, applied to c. */
static int apply_entry(struct config *c, const char *path, const char *name, const char *value,
                       struct err *e)
{
	char section[64], buf[SHOW_MAX + 8];
	const char *colon = strchr(name, ':');
	size_t len = colon ? (size_t)(colon - name) : 0;
	if (!colon || !len || len >= sizeof section)
		return err_set(e, ERR_CONFIG, "%s: key %s comes before any [section]", path,
		               show(colon ? colon + 1 : name, buf, sizeof buf));
	memcpy(section, name, len);
	section[len] = '\0';
	if (!strcmp(section, KEYS_SECTION))
		return add_override(c, path, colon + 1, value, e);
	const struct opt *o = find_opt(section, colon + 1);
	if (!o)
		return unknown_key(path, section, colon + 1, e);
	if (opt_set(c, o, value) < 0)
		return bad_value(path, o, value, e);
	return 0;
}

/* Sections first (so a key's section is known), then keys in file order. */
static int apply_dict(struct config *c, const char *path, const dictionary *d, struct err *e)
{
	for (ssize_t i = 0; i < d->size; i++)
		if (d->key[i] && !d->val[i] && !known_section(d->key[i]))
			return unknown_section(path, d->key[i], e);
	for (ssize_t i = 0; i < d->size; i++)
		if (d->key[i] && d->val[i] && apply_entry(c, path, d->key[i], d->val[i], e) < 0)
			return -1;
	return 0;
}

static int record_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int record_error(const char *fmt, ...)
{
	va_list ap;
	if (ini_error[0])
		return 0;
	va_start(ap, fmt);
	vsnprintf(ini_error, sizeof ini_error, fmt, ap);
	va_end(ap);
	return 0;
}

/* The line number in iniparser's "... in FILE (N)..." first line, or 0. */
static long error_line(const char *msg)
{
	size_t first = strcspn(msg, "\n");
	for (size_t i = first; i > 0; i--)
		if (msg[i - 1] == '(')
			return strtol(msg + i, NULL, 10);
	return 0;
}

/* Turn iniparser's message (several lines, "iniparser: " in front) into one. */
static int report_parse_error(const char *path, const char *msg, struct err *e)
{
	long line = error_line(msg);
	const char *text = strstr(msg, "\n-> ");
	char buf[SHOW_MAX + 8], one[sizeof ini_error];
	if (strstr(msg, "syntax error") && line > 0 && text) {
		snprintf(one, sizeof one, "%s", text + 4);
		one[strcspn(one, "\n")] = '\0';
		return err_set(e, ERR_CONFIG, "%s:%ld: expected [section] or key = value, not %s",
		               path, line, show(one, buf, sizeof buf));
	}
	if (strstr(msg, "too long") && line > 0)
		return err_set(e, ERR_CONFIG, "%s:%ld: line too long", path, line);
	if (!*msg)
		return err_set(e, ERR_CONFIG, "%s: cannot read this file", path);
	if (!strncmp(msg, "iniparser: ", 11))
		msg += 11;
	snprintf(one, sizeof one, "%s", msg);
	for (char *p = one; *p; p++)
		if (*p == '\n')
			*p = ' ';
	return err_set(e, ERR_CONFIG, "%s: %s", path, one);
}

static dictionary *parse_file(const char *path, struct err *e)
{
	ini_error[0] = '\0';
	iniparser_set_error_callback(record_error);
	dictionary *d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (d && !ini_error[0])
		return d;
	if (d)
		iniparser_freedict(d);
	report_parse_error(path, ini_error, e);
	return NULL;
}

/* 1 when path can be read, 0 when it is missing and may be, -1 otherwise. */
static int check_file(const char *path, bool must_exist, struct err *e)
{
	struct stat st;
	FILE *f = fopen(path, "r");
	if (!f && errno == ENOENT && !must_exist)
		return 0;
	if (!f)
		return err_set(e, ERR_CONFIG, "%s: cannot read: %s", path, strerror(errno));
	int dir = fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode);
	fclose(f);
	if (dir)
		return err_set(e, ERR_CONFIG, "%s: cannot read: %s", path, strerror(EISDIR));
	return 1;
}

int config_load(struct config *c, const char *path, bool must_exist, struct err *e)
{
	struct config tmp;
	config_defaults(&tmp);
	int r = path ? check_file(path, must_exist, e) : 0;
	if (r < 0)
		return -1;
	if (r > 0) {
		dictionary *d = parse_file(path, e);
		if (!d)
			return -1;
		r = apply_dict(&tmp, path, d, e);
		iniparser_freedict(d);
		if (r < 0)
			return -1;
	}
	*c = tmp;
	return 0;
}

bool config_setting_at(size_t i, const char **section, const char **key)
{
	if (i > NOPTIONS)
		return false;
	/* the table's settings, then the free [keys] section (no key of its own) */
	*section = i < NOPTIONS ? options[i].section : KEYS_SECTION;
	*key = i < NOPTIONS ? options[i].key : NULL;
	return true;
}

/* Is o what name says: its section ("kiosk") or itself ("kiosk.signup")? */
static bool opt_named(const struct opt *o, const char *name)
{
	size_t n = strlen(o->section);
	return strncmp(name, o->section, n) == 0 &&
	       (!name[n] || (name[n] == '.' && strcmp(name + n + 1, o->key) == 0));
}

static bool opt_named_any(const struct opt *o, char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (opt_named(o, names[i]))
			return true;
	return false;
}

static int unknown_setting(const char *name, struct err *e)
{
	char all[NOPTIONS + MAX_SECTIONS][96], buf[SHOW_MAX + 8];
	const char *names[NOPTIONS + MAX_SECTIONS];
	size_t n = section_names(names);
	for (size_t i = 0; i < NOPTIONS; i++) {
		snprintf(all[i], sizeof all[i], "%s.%s", options[i].section, options[i].key);
		names[n++] = all[i];
	}
	const char *best = suggest_closest(name, names, n);
	show(name, buf, sizeof buf);
	if (best)
		return err_set(e, ERR_USAGE, "--dump-config: no setting %s; did you mean %s?", buf,
		               best);
	return err_set(e, ERR_USAGE, "--dump-config: no setting %s (see muster --dump-config)",
	               buf);
}

int config_dump_some(const struct config *c, char *const *names, size_t n, FILE *out, struct err *e)
{
	bool keys = false;
	for (size_t i = 0; i < n; i++) {
		bool found = strcmp(names[i], KEYS_SECTION) == 0;
		keys = keys || found;
		for (size_t k = 0; k < NOPTIONS && !found; k++)
			found = opt_named(&options[k], names[i]);
		if (!found)
			return unknown_setting(names[i], e);
	}
	const char *section = NULL;
	for (size_t i = 0; i < NOPTIONS; i++) {
		const struct opt *o = &options[i];
		if (!opt_named_any(o, names, n))
			continue;
		if (!section || strcmp(section, o->section)) {
			section = o->section;
			fprintf(out, "\n[%s]\n", section);
		}
		dump_opt(c, o, out);
	}
	if (keys)
		dump_keys(c, out);
	return 0;
}
