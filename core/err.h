/* err.h - the error report every core and db function fills instead of
 * printing: a code that maps to an exit status and a message for a person. */
#ifndef MUSTER_ERR_H
#define MUSTER_ERR_H

enum err_code {
	ERR_NONE = 0,
	ERR_REFUSED,   /* a hard rule said no (exit 1) */
	ERR_SOFT,      /* a soft rule said no; may be overridden (exit 1) */
	ERR_NOT_FOUND, /* no such row (exit 1) */
	ERR_USAGE,     /* bad command line (exit 2) */
	ERR_INPUT,     /* bad value or input file (exit 2) */
	ERR_CONFIG,    /* bad config file (exit 2) */
	ERR_DB,        /* database unreadable, too new or locked (exit 3) */
};

struct err {
	enum err_code code;
	char msg[1024]; /* "WHAT: WHY", no trailing newline */
};

/* Fill e (when not NULL) and return -1, so callers can `return err_set(...)`. */
int err_set(struct err *e, enum err_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Put "WHAT: " in front of the message already in e. */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void err_clear(struct err *e);
/* The process exit status for a code: 0, 1, 2 or 3. */
int err_exit_status(enum err_code code);

#endif
