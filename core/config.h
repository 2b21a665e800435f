/* config.h - settings from the INI file (read with iniparser), driven by one
 * table of keys with type, default, range and help (see config.c). */
#ifndef MUSTER_CONFIG_H
#define MUSTER_CONFIG_H

#include <stdbool.h>
#include <stdio.h>

#include "err.h"

enum theme { THEME_DEFAULT, THEME_MONO, THEME_HIGH_CONTRAST };
enum paper { PAPER_A4, PAPER_LETTER };

#define CONFIG_MAX_KEY_OVERRIDES 64

struct key_override {
	char action[48];
	char keys[48]; /* as written: "j", "^N", "KEY_F(2)", "down,j" ... */
};

struct config {
	/* [database] */
	char db_path[4096]; /* "" = not set */
	int busy_timeout_ms;
	char db_group[64]; /* "" = none; file mode 0660 and chgrp when set */
	/* [display] */
	enum theme theme;
	bool time_12h;
	int week_start; /* 0 = Sunday, 1 = Monday */
	bool no_color;  /* from NO_COLOR, not the file */
	/* [rules] */
	int min_rest_minutes;
	double max_hours_per_day;
	int signup_close_minutes;
	int drop_close_hours;
	int checkin_open_minutes;
	/* [kiosk] */
	int kiosk_idle_timeout_s;
	int kiosk_pin_attempts;
	int kiosk_lockout_minutes;
	int kiosk_global_failures_per_minute;
	bool kiosk_signup;
	char kiosk_exit_passphrase_hash[256];
	/* [export] */
	char organizer_name[256];
	char organizer_email[256];
	int reminder_minutes;
	bool include_descriptions;
	/* [privacy] */
	int retain_days_after_event; /* 0 = keep people's details */
	int backup_keep_days;        /* 0 = keep every backup */
	/* [print] */
	enum paper paper;
	bool roster_phones;
	char print_folder[4096]; /* where the TUI writes PDF files */
	/* [mail] */
	char mail_from[512];             /* "" = [export] organizer_name and organizer_email */
	char mail_sendmail[1024];        /* the MTA's sendmail interface, a command line */
	int mail_remind_hours;           /* mail reminders: shifts starting within this */
	int mail_max_attempts;           /* deliveries tried before a message is failed */
	char mail_invite_template[4096]; /* template files; "" = the built-in text */
	char mail_update_template[4096];
	char mail_cancel_template[4096];
	char mail_reminder_template[4096];
	/* [keys] */
	struct key_override keys[CONFIG_MAX_KEY_OVERRIDES];
	int nkeys;
};

/* Every key at its default. */
void config_defaults(struct config *c);
/* Read path into c (defaults first). When must_exist is false a missing file
 * is not an error. Unknown sections/keys: ERR_CONFIG with a did-you-mean;
 * bad values: ERR_CONFIG naming the key and the allowed range. */
int config_load(struct config *c, const char *path, bool must_exist, struct err *e);
/* Every key, its value and one line of help, as INI text. */
void config_dump(const struct config *c, FILE *out);
/* Every setting of section in dst takes src's value (the system build's
 * shared settings over a lead's own). */
void config_take_section(struct config *dst, const struct config *src, const char *section);
/* The same for the settings named only: a section ("kiosk") or one key
 * ("kiosk.signup"), in the table's order. An unknown name is ERR_USAGE with
 * a did-you-mean, and nothing is printed. */
int config_dump_some(const struct config *c, char *const *names, size_t n, FILE *out,
                     struct err *e);
/* The i-th setting's section and key (the [keys] section last, key NULL);
 * false past the end. For shell completion. */
bool config_setting_at(size_t i, const char **section, const char **key);

#endif
