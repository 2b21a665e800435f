/* kiosk.c - the volunteer kiosk's domain: sign-in under a lockout shared
 * through the kiosk_lock table, a volunteer's own and open shifts, and the
 * self-service windows of SPEC section 3 (sign-up, drop, check-in) in front
 * of the staffing rules, which the kiosk never overrides. */
#include "kiosk.h"

#include <ctype.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "../db/kiosk_store.h"
#include "audit.h"
#include "checked.h"
#include "person.h"
#include "staffing.h"
#include "tz.h"
#include "utf8.h"
#include "xmalloc.h"

/* Candidates the open-shift listing dry-runs per call, and per query. */
#define OPEN_SCAN  200
#define OPEN_BATCH 200

#define ACCEPT_FAIL "That code and PIN were not accepted. Please try again."

void kiosk_begin(struct ctx *c)
{
	snprintf(c->actor, sizeof c->actor, "kiosk");
	c->override_reason = NULL;
}

void kiosk_sign_out(struct ctx *c, struct kiosk_user *u)
{
	sodium_memzero(u, sizeof *u);
	kiosk_begin(c);
}

/* Upper-case letters and digits of what was typed or scanned; spaces and
 * dashes dropped. -1 when empty, too long or holding anything else. */
static int code_clean(const char *typed, char *out, size_t n)
{
	size_t k = 0;
	for (const char *p = typed; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == ' ' || ch == '-')
			continue;
		if (!isalnum(ch) || ch >= 0x80 || k + 1 >= n)
			return -1;
		out[k++] = (char)toupper(ch);
	}
	out[k] = '\0';
	return k ? 0 : -1;
}

static int minutes_until(int64_t now, int64_t t)
{
	int64_t s = t - now;
	return (int)((s + 59) / 60);
}

/* The limit across all codes counts the wrong PINs of this many seconds;
 * older ones are kept a day for the coordinator's screen, then pruned. */
#define FAILURE_WINDOW_S 60
#define FAILURE_KEEP_S   86400

#define PAUSED_MSG                                                                                 \
	"Too many wrong PINs were typed at the kiosks in the last minute. Please try again in a "  \
	"minute, or ask a coordinator."

/* More than [kiosk] global_failures_per_minute wrong PINs in the last
 * minute, across every code and kiosk: refuse the attempt unchecked, and
 * write to the audit log the first time in a minute. -1 with e set when
 * refused (the transaction then commits only that audit entry). */
static int failures_within_limit(struct ctx *c, int64_t now, struct err *e)
{
	int recent, codes, limit = c->cfg->kiosk_global_failures_per_minute;
	int64_t paused_at;
	if (kiosk_store_failures(c->db, now - FAILURE_WINDOW_S, &recent, &codes, &paused_at, e) < 0)
		return -1;
	if (recent < limit)
		return 1;
	if (!paused_at &&
	    (kiosk_store_failures_mark_paused(c->db, now - FAILURE_WINDOW_S, e) < 0 ||
	     audit_log(c, "pause", "kiosk", 0, e,
	               "%d wrong PINs across %d codes in the last minute, more than [kiosk] "
	               "global_failures_per_minute allows (%d): every kiosk refuses sign-ins "
	               "until the count falls",
	               recent, codes, limit) < 0))
		return -1;
	return 0;
}

/* Count one attempt on code before the PIN is checked (so a kiosk killed
 * mid-check still counts it), on the code and across all codes; *failure
 * names the latter for attempt_clear. *locked_now: this attempt used the
 * code's last one. */
static int attempt_reserve(struct ctx *c, const char *code, bool *locked_now, int64_t *failure,
                           struct err *e)
{
	int64_t now = clock_now(c->clock), until;
	int failures;
	*locked_now = false;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (kiosk_store_lock_get(c->db, code, &failures, &until, e) < 0)
		goto fail;
	if (until > now) {
		int m = minutes_until(now, until);
		db_rollback(c->db);
		return err_set(e, ERR_REFUSED,
		               "This code is locked after too many wrong PINs. Try again in %d "
		               "minute%s, or ask a coordinator.",
		               m, m == 1 ? "" : "s");
	}
	int within = failures_within_limit(c, now, e);
	if (within < 0)
		goto fail;
	if (!within) {
		if (db_commit(c->db, e) < 0)
			return -1;
		return err_set(e, ERR_REFUSED, PAUSED_MSG);
	}
	if (until)
		failures = 0; /* an old lockout has run out */
	failures++;
	if (kiosk_store_failures_prune(c->db, now - FAILURE_KEEP_S, e) < 0 ||
	    kiosk_store_failure_add(c->db, code, now, failure, e) < 0)
		goto fail;
	if (failures >= c->cfg->kiosk_pin_attempts) {
		*locked_now = true;
		until = now + (int64_t)c->cfg->kiosk_lockout_minutes * 60;
		if (kiosk_store_lock_put(c->db, code, 0, until, e) < 0 ||
		    audit_log(c, "lock", "kiosk", 0, e,
		              "volunteer code %s locked for %d minutes after %d wrong PINs", code,
		              c->cfg->kiosk_lockout_minutes, failures) < 0)
			goto fail;
	} else if (kiosk_store_lock_put(c->db, code, failures, 0, e) < 0) {
		goto fail;
	}
	return db_commit(c->db, e);
fail:
	db_rollback(c->db);
	return -1;
}

/* The PIN was right: the attempt was no failure after all. */
static int attempt_clear(struct ctx *c, const char *code, int64_t failure, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	if (kiosk_store_lock_clear(c->db, code, e) < 0 ||
	    kiosk_store_failure_forget(c->db, failure, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* As costly as checking a PIN, for codes nobody holds, so the time taken
 * does not tell whether a code exists. */
static void pin_waste(const char *pin)
{
	char out[crypto_pwhash_STRBYTES];
	if (sodium_init() >= 0 &&
	    crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) == 0)
		sodium_memzero(out, sizeof out);
}

/* Is pin the PIN of the person holding code? A code nobody holds, or whose
 * holder has no PIN, costs the same time and fails. -1 only on a store error. */
static int pin_matches(struct ctx *c, const char *code, const char *pin, int64_t *person,
                       bool *confidential, char *name, size_t n, struct err *e)
{
	struct err pe = {0};
	bool has_pin;
	if (kiosk_store_person(c->db, code, person, confidential, &has_pin, name, n, e) < 0)
		return -1;
	if (!*person || !has_pin) {
		pin_waste(pin);
		return 0;
	}
	if (person_verify_pin(c, *person, pin, &pe) == 0)
		return 1;
	if (pe.code == ERR_DB)
		return err_set(e, ERR_DB, "%s", pe.msg);
	return 0;
}

int kiosk_sign_in(struct ctx *c, const char *typed, const char *pin, struct kiosk_user *u,
                  struct err *e)
{
	char code[KIOSK_CODE_MAX + 1], name[sizeof u->name];
	bool locked_now, confidential;
	int64_t person, failure;
	memset(u, 0, sizeof *u);
	kiosk_begin(c);
	if (code_clean(typed, code, sizeof code) < 0 || !pin[0] || strlen(pin) > KIOSK_PIN_MAX)
		return err_set(e, ERR_REFUSED, ACCEPT_FAIL);
	if (attempt_reserve(c, code, &locked_now, &failure, e) < 0)
		return -1;
	int ok = pin_matches(c, code, pin, &person, &confidential, name, sizeof name, e);
	if (ok < 0)
		return -1;
	if (!ok && locked_now)
		return err_set(e, ERR_REFUSED,
		               ACCEPT_FAIL
		               " Too many tries: this code is now locked for %d minutes.",
		               c->cfg->kiosk_lockout_minutes);
	if (!ok)
		return err_set(e, ERR_REFUSED, ACCEPT_FAIL);
	if (attempt_clear(c, code, failure, e) < 0)
		return -1;
	u->person = person;
	snprintf(u->code, sizeof u->code, "%s", code);
	snprintf(u->name, sizeof u->name, "%s", confidential ? "" : name);
	snprintf(c->actor, sizeof c->actor, "kiosk:%s", code);
	return 0;
}

int kiosk_failures(struct ctx *c, struct kiosk_failures *f, struct err *e)
{
	int64_t now = clock_now(c->clock), ignored;
	int codes;
	memset(f, 0, sizeof *f);
	f->limit = c->cfg->kiosk_global_failures_per_minute;
	if (kiosk_store_failures(c->db, now - FAILURE_WINDOW_S, &f->last_minute, &codes, &ignored,
	                         e) < 0 ||
	    kiosk_store_failures(c->db, now - 3600, &f->last_hour, &f->codes_last_hour,
	                         &f->paused_at, e) < 0)
		return -1;
	f->paused_now = f->last_minute >= f->limit;
	f->paused_minutes_ago = f->paused_at ? (int)((now - f->paused_at) / 60) : 0;
	return 0;
}

/* The first word of a name (a lead is shown by first name only). */
static void first_name(const char *name, char *out, size_t n)
{
	while (*name == ' ')
		name++;
	size_t len = strcspn(name, " \t");
	if (len >= n) {
		len = utf8_boundary(name, n - 1);
	}
	memcpy(out, name, len);
	out[len] = '\0';
}

static enum kiosk_state state_of(const struct kiosk_store_row *r)
{
	if (r->cancelled)
		return KS_CANCELLED;
	if (strcmp(r->status, "checked_in") == 0)
		return KS_CHECKED_IN;
	if (strcmp(r->status, "completed") == 0)
		return KS_DONE;
	if (staffing_status_active(r->status))
		return KS_SIGNED_UP;
	return KS_OPEN;
}

static void shift_from_row(const struct ctx *c, const struct kiosk_store_row *r,
                           struct kiosk_shift *s)
{
	static const char *const wday[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	bool h12 = c->cfg->time_12h;
	struct tz_local a, b;
	char from[16], to[16];
	memset(s, 0, sizeof *s);
	s->shift = r->shift;
	s->starts = r->starts;
	s->ends = r->ends;
	snprintf(s->tz, sizeof s->tz, "%s", r->tz);
	tz_local(r->tz, r->starts, &a);
	tz_local(r->tz, r->ends, &b);
	snprintf(s->day, sizeof s->day, "%s %d %s", wday[a.wday], a.day, mon[a.month - 1]);
	tz_format_hm(r->tz, r->starts, h12, from, sizeof from);
	tz_format_hm(r->tz, r->ends, h12, to, sizeof to);
	bool next_day = a.year != b.year || a.month != b.month || a.day != b.day;
	snprintf(s->time, sizeof s->time, "%s\xe2\x80\x93%s%s", from, to, next_day ? "+1" : "");
	snprintf(s->event, sizeof s->event, "%s", r->event_name);
	snprintf(s->role, sizeof s->role, "%s", r->role);
	snprintf(s->place, sizeof s->place, "%s", r->place);
	s->lead_confidential = r->lead[0] && r->lead_confidential;
	if (s->lead_confidential)
		snprintf(s->lead, sizeof s->lead, "your lead");
	else
		first_name(r->lead, s->lead, sizeof s->lead);
	s->state = state_of(r);
	s->places_left = r->need_max - r->filled;
	if (s->places_left < 0)
		s->places_left = 0;
}

#define MINE_MAX 200

int kiosk_mine(struct ctx *c, int64_t person, struct kiosk_shift *out, int max, int *n,
               struct err *e)
{
	if (max > MINE_MAX)
		max = MINE_MAX;
	struct kiosk_store_row *rows = xcalloc((size_t)(max > 0 ? max : 1), sizeof *rows);
	int got = 0;
	int ret = kiosk_store_mine(c->db, person, clock_now(c->clock), rows, max, &got, e);
	for (int i = 0; ret == 0 && i < got; i++)
		shift_from_row(c, &rows[i], &out[i]);
	*n = ret == 0 ? got : 0;
	free(rows);
	return ret;
}

/* Dry-run the assignment; 1 when every rule passes, 0 when one refuses. */
static int passes(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	struct err ce = {0};
	c->override_reason = NULL;
	if (staffing_check(c, shift, person, &ce) == 0)
		return 1;
	if (ce.code == ERR_REFUSED || ce.code == ERR_SOFT || ce.code == ERR_NOT_FOUND)
		return 0;
	*e = ce;
	return -1;
}

int kiosk_open(struct ctx *c, int64_t person, struct kiosk_cursor *cur, struct kiosk_shift *out,
               int max, int *n, struct err *e)
{
	*n = 0;
	if (!c->cfg->kiosk_signup) {
		cur->done = true;
		return 0;
	}
	int64_t min_start = clock_now(c->clock) + (int64_t)c->cfg->signup_close_minutes * 60;
	struct kiosk_store_row *rows = xcalloc(OPEN_BATCH, sizeof *rows);
	int scanned = 0, ret = 0;
	while (!cur->done && *n < max && scanned < OPEN_SCAN && ret == 0) {
		int got = 0, i = 0;
		ret = kiosk_store_open(c->db, person, min_start, cur->starts, cur->id, rows,
		                       OPEN_BATCH, &got, e);
		for (; ret == 0 && i < got && *n < max; i++, scanned++) {
			cur->starts = rows[i].starts;
			cur->id = rows[i].shift;
			int ok = passes(c, rows[i].shift, person, e);
			if (ok < 0)
				ret = -1;
			else if (ok)
				shift_from_row(c, &rows[i], &out[(*n)++]);
		}
		if (ret == 0 && i == got && got < OPEN_BATCH)
			cur->done = true;
	}
	free(rows);
	return ret;
}

/* "Sat 7 Dec 08:30" in the shift's zone. */
static void when(const struct ctx *c, const struct kiosk_shift *s, int64_t t, char *buf, size_t n)
{
	tz_format_human(s->tz, t, c->cfg->time_12h, buf, n);
}

static bool why_not(char *why, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static bool why_not(char *why, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (why && n)
		vsnprintf(why, n, fmt, ap);
	va_end(ap);
	return false;
}

static bool can_checkin(const struct ctx *c, const struct kiosk_shift *s, int64_t now, char *why,
                        size_t n)
{
	char t[48];
	int64_t opens = ck_sub(s->starts, (int64_t)c->cfg->checkin_open_minutes * 60);
	if (s->state == KS_CHECKED_IN)
		return why_not(why, n, "You are already checked in to this shift.");
	if (s->state == KS_DONE)
		return why_not(why, n, "You already checked out of this shift.");
	if (s->state == KS_CANCELLED)
		return why_not(why, n, "This shift is cancelled.");
	if (s->state != KS_SIGNED_UP)
		return why_not(why, n, "You are not signed up for this shift.");
	if (now < opens) {
		when(c, s, opens, t, sizeof t);
		return why_not(why, n, "Check-in opens %s, %d minutes before the shift.", t,
		               c->cfg->checkin_open_minutes);
	}
	if (now >= s->ends) {
		when(c, s, s->ends, t, sizeof t);
		return why_not(why, n, "Check-in closed %s, when the shift ended.", t);
	}
	return true;
}

static bool can_checkout(const struct ctx *c, const struct kiosk_shift *s, int64_t now, char *why,
                         size_t n)
{
	if (s->state == KS_DONE)
		return why_not(why, n, "You already checked out of this shift.");
	if (s->state != KS_CHECKED_IN)
		return why_not(why, n, "You have not checked in to this shift.");
	return true;
}

static bool can_signup(const struct ctx *c, const struct kiosk_shift *s, int64_t now, char *why,
                       size_t n)
{
	char t[48];
	int64_t closes = ck_sub(s->starts, (int64_t)c->cfg->signup_close_minutes * 60);
	if (!c->cfg->kiosk_signup)
		return why_not(why, n, "Signing up is not available at this kiosk.");
	if (s->state == KS_CANCELLED)
		return why_not(why, n, "This shift is cancelled.");
	if (s->state != KS_OPEN)
		return why_not(why, n, "You already have this shift.");
	if (now >= closes) {
		when(c, s, closes, t, sizeof t);
		return why_not(why, n,
		               "Sign-up for this shift closed %s, %d minutes before it starts.", t,
		               c->cfg->signup_close_minutes);
	}
	if (s->places_left <= 0)
		return why_not(why, n, "This shift is already full.");
	return true;
}

static bool can_drop(const struct ctx *c, const struct kiosk_shift *s, int64_t now, char *why,
                     size_t n)
{
	char t[48];
	int64_t closes = s->starts - (int64_t)c->cfg->drop_close_hours * 3600;
	if (s->state == KS_CHECKED_IN)
		return why_not(why, n, "You are checked in to this shift; check out instead.");
	if (s->state == KS_DONE)
		return why_not(why, n, "You already worked this shift.");
	if (s->state == KS_CANCELLED)
		return why_not(why, n, "This shift is cancelled; there is nothing to drop.");
	if (s->state != KS_SIGNED_UP)
		return why_not(why, n, "You are not signed up for this shift.");
	if (now >= closes) {
		when(c, s, closes, t, sizeof t);
		return why_not(why, n,
		               "Dropping this shift closed %s, %d hours before it. Please talk to "
		               "a coordinator.",
		               t, c->cfg->drop_close_hours);
	}
	return true;
}

static int signup(struct ctx *c, int64_t shift, int64_t person, struct err *e)
{
	int64_t id;
	return staffing_assign(c, shift, person, "kiosk", &id, e);
}

/* One row per action: its window, the staffing call, and what to say. */
struct action_def {
	enum kiosk_action action;
	bool (*can)(const struct ctx *c, const struct kiosk_shift *s, int64_t now, char *why,
	            size_t n);
	int (*staff)(struct ctx *c, int64_t shift, int64_t person, struct err *e);
	const char *done; /* "You are checked in to" */
};

static const struct action_def actions[] = {
    {.action = KA_CHECKIN,
     .can = can_checkin,
     .staff = staffing_checkin,
     .done = "You are checked in to"},
    {.action = KA_CHECKOUT,
     .can = can_checkout,
     .staff = staffing_checkout,
     .done = "You are checked out of"},
    {.action = KA_SIGNUP, .can = can_signup, .staff = signup, .done = "You are signed up for"},
    {.action = KA_DROP, .can = can_drop, .staff = staffing_unassign, .done = "You dropped"},
};

static const struct action_def *action_find(enum kiosk_action a)
{
	for (size_t i = 0; i < ARRAY_LEN(actions); i++)
		if (actions[i].action == a)
			return &actions[i];
	return NULL;
}

bool kiosk_can(const struct ctx *c, const struct kiosk_shift *s, enum kiosk_action a, char *why,
               size_t n)
{
	const struct action_def *d = action_find(a);
	if (why && n)
		why[0] = '\0';
	return d && d->can(c, s, clock_now(c->clock), why, n);
}

int kiosk_act(struct ctx *c, const struct kiosk_user *u, int64_t shift, enum kiosk_action a,
              char *done, size_t n, struct err *e)
{
	const struct action_def *d = action_find(a);
	struct kiosk_store_row row;
	struct kiosk_shift s;
	char why[512];
	if (!d || !u->person)
		return err_set(e, ERR_USAGE, "kiosk: nobody is signed in");
	c->override_reason = NULL; /* the kiosk never overrides a rule */
	if (db_begin(c->db, e) < 0)
		return -1;
	if (kiosk_store_shift(c->db, u->person, shift, &row, e) < 0)
		goto fail;
	shift_from_row(c, &row, &s);
	if (!d->can(c, &s, clock_now(c->clock), why, sizeof why)) {
		err_set(e, ERR_REFUSED, "%s", why);
		goto fail;
	}
	if (d->staff(c, shift, u->person, e) < 0)
		goto fail;
	if (db_commit(c->db, e) < 0)
		return -1;
	if (done && n)
		snprintf(done, n, "%s %s, %s %s.", d->done, s.role, s.day, s.time);
	return 0;
fail:
	db_rollback(c->db);
	return -1;
}

int kiosk_passphrase_hash(const char *pass, char *out, size_t n, struct err *e)
{
	if (strlen(pass) < 8)
		return err_set(e, ERR_INPUT, "passphrase: use at least 8 characters");
	if (n < crypto_pwhash_STRBYTES || sodium_init() < 0)
		return err_set(e, ERR_INPUT, "passphrase: cannot hash");
	if (crypto_pwhash_str(out, pass, strlen(pass), crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return err_set(e, ERR_INPUT, "passphrase: out of memory while hashing");
	return 0;
}

bool kiosk_passphrase_ok(const struct config *cfg, const char *pass)
{
	const char *h = cfg->kiosk_exit_passphrase_hash;
	return h[0] && sodium_init() >= 0 && crypto_pwhash_str_verify(h, pass, strlen(pass)) == 0;
}

/* crypto_pwhash_str's salt and hash, in bytes (libsodium 1.0.18). */
#define PASS_SALT_BYTES crypto_pwhash_SALTBYTES
#define PASS_HASH_BYTES 32

/* Do the field of h from 'from' up to 'to' hold exactly want bytes of
 * unpadded base64? */
static bool b64_field(const char *from, const char *to, size_t want)
{
	unsigned char buf[64];
	size_t len = 0;
	return to > from &&
	       sodium_base642bin(buf, sizeof buf, from, (size_t)(to - from), NULL, &len, NULL,
	                         sodium_base64_VARIANT_ORIGINAL_NO_PADDING) == 0 &&
	       len == want;
}

/* libsodium parses the whole string (algorithm, version, costs, salt, hash,
 * nothing after); the salt and the hash must also be whole, since a hash
 * cut short by one character can still parse and then never match. */
static bool pass_hash_whole(const char *h)
{
	if (sodium_init() < 0 || strlen(h) >= crypto_pwhash_STRBYTES ||
	    crypto_pwhash_str_needs_rehash(h, crypto_pwhash_OPSLIMIT_INTERACTIVE,
	                                   crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0)
		return false;
	const char *hash = strrchr(h, '$'), *salt = hash;
	while (salt > h && salt[-1] != '$')
		salt--;
	return salt > h && b64_field(salt, hash, PASS_SALT_BYTES) &&
	       b64_field(hash + 1, hash + strlen(hash), PASS_HASH_BYTES);
}

int kiosk_config_check(const struct config *cfg, struct err *e)
{
	const char *h = cfg->kiosk_exit_passphrase_hash;
	if (h[0] && !pass_hash_whole(h))
		return err_set(
		    e, ERR_CONFIG,
		    "kiosk.exit_passphrase_hash: not a whole hash made by muster "
		    "kiosk-passphrase (libsodium's $argon2id$v=19$m=...,t=...,p=...$SALT$HASH)");
	return 0;
}
