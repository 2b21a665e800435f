/* people_csv.h - people as a spreadsheet: `import people FILE.csv` and the
 * columns `list people --format csv` writes, so that an export re-imports
 * without loss. The columns, in any order and case (spaces and '-' count as
 * '_'; "E-mail", "Email Address" and "Organization" are understood too):
 *   name (required), email, phone, org (an organization's name; created when
 *   new), birth_date (YYYY-MM-DD), confidential (yes/no, 1/0), notes,
 *   skills ("First aid;Interpreter: Khmer (until 2027-06-30)"),
 *   volunteer_code (kept for a new person when free), id (ignored); and,
 *   read by an import with an event only, sessions (the event's sessions to
 *   sign up for, by UID or title, ';'-separated).
 * Matching: a row whose email is a person's email (any case) updates that
 * person; a row without a match by email whose volunteer_code and name are a
 * person's updates that person; any other row adds a person. Updating: cells
 * left empty keep what is stored, skills are added or get their new expiry
 * (never removed), and confidential can be set but never cleared. Two rows of
 * one file with the same email are one person (the later row wins) unless
 * their names differ, which is an error. With an event, everyone is
 * registered through core/registration.h (capacity and waitlist); people
 * already registered, or who cancelled, are left as they are; each is then
 * signed up for their sessions through core/signup.h (seats, waitlist, the
 * rules), a sign-up already held left as it is. A change the rules refuse (a skill's expiry or a
 * birth date under existing assignments) stops the import like a bad row. The whole file is one
 * transaction. */
#ifndef MUSTER_PEOPLE_CSV_H
#define MUSTER_PEOPLE_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "csv_reader.h"
#include "ctx.h"
#include "entity.h"

#define PEOPLE_CSV_NCOLS 10

struct people_csv_opts {
	int64_t event;    /* 0: no registrations */
	const char *kind; /* registration kind with event; NULL = attendee */
	csv_progress_fn progress;
	void *progress_arg;
};

struct people_csv_stats {
	int64_t rows;       /* data rows (blank rows not counted) */
	int64_t added;      /* new people */
	int64_t updated;    /* people already stored whose row changed something */
	int64_t unchanged;  /* people already stored, row changed nothing */
	int64_t repeated;   /* rows for a person an earlier row of the file named */
	int64_t renamed;    /* updated people whose name changed */
	int64_t no_email;   /* new people without an email (a re-import adds them again
	                       unless their volunteer_code column is kept) */
	int64_t new_codes;  /* new people whose volunteer_code in the file was taken */
	int64_t orgs_added; /* organizations created by name */
	int64_t skills_added;
	int64_t registered; /* registrations made with opts.event */
	int64_t waitlisted; /* of those, waitlisted */
	int64_t already_registered;
	int64_t left_cancelled;    /* had cancelled: not registered again */
	int64_t signed_up;         /* sign-ups made from the sessions column */
	int64_t signup_waitlisted; /* of those, waitlisted */
	int64_t already_signed_up;
};

/* Import path ("-" = standard input). Bad rows: ERR_INPUT "PATH:LINE: why",
 * and nothing of the file is kept. A missing event: ERR_NOT_FOUND. */
int people_csv_import(struct ctx *c, const char *path, const struct people_csv_opts *o,
                      struct people_csv_stats *st, struct err *e);

/* The export's column names, in order (PEOPLE_CSV_NCOLS of them; an import
 * reads one more after them, sessions). */
const char *const *people_csv_columns(void);
/* Each person (of event when non-zero, by name) as PEOPLE_CSV_NCOLS cells. */
int people_csv_export(struct ctx *c, int64_t event, int (*fn)(void *arg, const char *const *cells),
                      void *arg, struct err *e);

#endif
