/* test_mail.c - mail: templates (built in, from files, refused before
 * anything is queued), addresses as GMime reads them, the iMIP message,
 * and the outbox over a small event: invite once, updates after a move and
 * a dropped shift (CANCEL, above what was sent), a queued invitation
 * withdrawn instead of cancelled, nobody named in another's message,
 * people without an email counted, reminders once, the handoff's states
 * through a real program (sent, retried, failed, a command that cannot run,
 * a killed handoff), and erasure. */
#define _DEFAULT_SOURCE /* mkstemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../core/erase.h"
#include "../../core/mail.h"
#include "../../core/mail_outbox.h"
#include "../../core/mail_send.h"
#include "../../core/mail_template.h"
#include "fixture.h"

/* ---- templates ------------------------------------------------------------ */

static char *write_temp(const char *text)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/muster-test-mail.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return path;
}

static void test_templates(void **state)
{
	(void)state;
	struct config cfg;
	config_defaults(&cfg);
	struct mail_template t;
	struct err e = {0};
	for (int k = 0; k < MAIL_NKINDS; k++) {
		assert_int_equal(mail_template_load(&cfg, (enum mail_kind)k, &t, &e), 0);
		mail_template_free(&t);
	}
	char *path = write_temp("Subject: Hi {name} {{x}}\n\nDear {name},\n{item} at {where}.\n");
	snprintf(cfg.mail_invite_template, sizeof cfg.mail_invite_template, "%s", path);
	assert_int_equal(mail_template_load(&cfg, MAIL_INVITE, &t, &e), 0);
	struct mail_fields f = {.name = "Dana\nReyes", .item = "Forum", .where = ""};
	char *subject = mail_template_fill(t.subject, &f, true);
	char *body = mail_template_fill(t.body, &f, false);
	assert_string_equal(subject, "Hi Dana Reyes {x}");
	assert_string_equal(body, "Dear Dana\nReyes,\nForum at .\n");
	free(subject);
	free(body);
	mail_template_free(&t);
	unlink(path);

	static const struct {
		const char *text, *want;
	} bad[] = {
	    {"Subject: x\n\nHello {nmae}\n",
	     ":3: unknown placeholder {nmae}; did you mean {name}?"},
	    {"Subject: x\n\nline\nHello {name\n", ":4: \"{\" without its \"}\""},
	    {"Hello\n\nbody\n", ":1: the first line must be \"Subject: ...\""},
	    {"Subject: x\nbody\n", ":2: an empty line must follow the subject"},
	    {"Subject: {when} {whom}\n\nbody\n", ":1: unknown placeholder {whom}"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		path = write_temp(bad[i].text);
		snprintf(cfg.mail_update_template, sizeof cfg.mail_update_template, "%s", path);
		err_clear(&e);
		assert_int_equal(mail_template_load(&cfg, MAIL_UPDATE, &t, &e), -1);
		assert_int_equal(e.code, ERR_CONFIG);
		if (!strstr(e.msg, bad[i].want) || !strstr(e.msg, "[mail] update_template"))
			fail_msg("case %zu: %s", i, e.msg);
		unlink(path);
	}
	snprintf(cfg.mail_cancel_template, sizeof cfg.mail_cancel_template, "/nonexistent/x.txt");
	assert_int_equal(mail_template_load(&cfg, MAIL_CANCEL, &t, &e), -1);
	assert_non_null(strstr(e.msg, "/nonexistent/x.txt: cannot be read"));
}

/* ---- addresses and the message --------------------------------------------- */

static void test_addresses(void **state)
{
	(void)state;
	static const char *const good[] = {"dana@example.org", "d.r+x@mail.example.org",
	                                   "dana@exämple.org"};
	static const char *const bad[] = {"",
	                                  "not an address",
	                                  "a@b@c",
	                                  "dana@",
	                                  "@x.org",
	                                  "a@b.c, d@e.f",
	                                  "Dana <dana@example.org>",
	                                  "x\ny@z.org"};
	struct err e = {0};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (mail_address_check(good[i], &e) < 0)
			fail_msg("%s: %s", good[i], e.msg);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (mail_address_check(bad[i], &e) == 0)
			fail_msg("\"%s\" accepted", bad[i]);
	char name[64], addr[64];
	assert_int_equal(mail_from_parse("Forum Team <forum@example.org>", name, sizeof name, addr,
	                                 sizeof addr, &e),
	                 0);
	assert_string_equal(name, "Forum Team");
	assert_string_equal(addr, "forum@example.org");
	assert_int_equal(mail_from_parse("a@b.c, d@e.f", name, sizeof name, addr, sizeof addr, &e),
	                 -1);
	assert_int_equal(e.code, ERR_CONFIG);
	char *id1 = mail_message_id("forum@example.org"),
	     *id2 = mail_message_id("forum@example.org");
	assert_string_not_equal(id1, id2);
	assert_non_null(strstr(id1, "@example.org"));
	free(id1);
	free(id2);
}

static void test_message(void **state)
{
	(void)state;
	const char *cal = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
	struct mail_parts p = {
	    .from_name = "Forum Team",
	    .from_addr = "forum@example.org",
	    .to_name = "Dana Réyes",
	    .to_addr = "dana@example.org",
	    .subject = "Cancelled: Night vigil — 夜の集い",
	    .body = "Hello Dana,\n",
	    .calendar = cal,
	    .method = "CANCEL",
	    .message_id = "x1@example.org",
	    .attachment = "cancel.ics",
	    .date = FIXTURE_NOW,
	};
	char *text;
	struct err e = {0};
	assert_int_equal(mail_message(&p, &text, &e), 0);
	static const char *const want[] = {
	    "\nTo: Dana =?UTF-8?b?UsOpeWVz?= <dana@example.org>\n",
	    "\nMessage-Id: <x1@example.org>\n",
	    "\nContent-Type: multipart/mixed;",
	    "\nContent-Type: multipart/alternative;",
	    "\nContent-Type: text/plain; charset=UTF-8\n",
	    "\nContent-Type: text/calendar; charset=UTF-8; method=CANCEL\n",
	    "\nContent-Disposition: attachment; filename=cancel.ics\n",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(text, want[i]))
			fail_msg("lacks %s", want[i]);
	assert_null(strstr(text, "夜")); /* headers and parts are 7-bit */
	free(text);
	p.method = "REQUEST";
	assert_int_equal(mail_message(&p, &text, &e), -1);
	assert_non_null(strstr(e.msg, "METHOD is not REQUEST"));
	p.method = "CANCEL";
	p.to_addr = "a@b@c";
	assert_int_equal(mail_message(&p, &text, &e), -1);
}

/* ---- the outbox ------------------------------------------------------------ */

struct world {
	struct fixture f;
	int64_t event, dana, sam, ann, nomail, shift, session;
};

static int world_setup(void **state)
{
	static struct world w;
	memset(&w, 0, sizeof w);
	if (fixture_open(&w.f, FIXTURE_NOW) < 0)
		return -1;
	struct ctx *c = &w.f.ctx;
	snprintf(w.f.cfg.organizer_name, sizeof w.f.cfg.organizer_name, "Forum Team");
	snprintf(w.f.cfg.organizer_email, sizeof w.f.cfg.organizer_email, "forum@example.org");
	w.event =
	    fixture_add(c, "event", "name", "Forum", "starts", "2027-03-13 08:00", "ends",
	                "2027-03-14 17:30", "tz", "America/New_York", "venue", "Harbor Hall", NULL);
	int64_t room =
	    fixture_add(c, "room", "event", fixture_num(w.event), "name", "Salon A", NULL);
	w.dana = fixture_add(c, "person", "name", "Dana Reyes", "email", "dana@example.org", NULL);
	w.sam = fixture_add(c, "person", "name", "Sam Hidden", "email", "sam@example.org",
	                    "confidential", "yes", NULL);
	w.ann = fixture_add(c, "person", "name", "Ann Attendee", "email", "ann@example.org", NULL);
	w.nomail = fixture_add(c, "person", "name", "No Mail", NULL);
	w.session = fixture_add(c, "session", "event", fixture_num(w.event), "room",
	                        fixture_num(room), "title", "Panel", "description", "About it",
	                        "starts", "2027-03-14 10:00", "ends", "2027-03-14 11:30", NULL);
	fixture_add(c, "speaker", "session", fixture_num(w.session), "person", fixture_num(w.dana),
	            NULL);
	fixture_add(c, "speaker", "session", fixture_num(w.session), "person", fixture_num(w.sam),
	            NULL);
	int64_t role =
	    fixture_add(c, "role", "event", fixture_num(w.event), "name", "Greeter", NULL);
	w.shift = fixture_add(c, "shift", "event", fixture_num(w.event), "role", fixture_num(role),
	                      "room", fixture_num(room), "starts", "2027-03-13 08:30", "ends",
	                      "2027-03-13 10:30", "need_max", "5", NULL);
	const int64_t regs[] = {w.dana, w.sam, w.ann, w.nomail};
	for (size_t i = 0; i < 4; i++)
		fixture_add(c, "registration", "event", fixture_num(w.event), "person",
		            fixture_num(regs[i]), NULL);
	fixture_add(c, "assignment", "shift", fixture_num(w.shift), "person", fixture_num(w.dana),
	            NULL);
	*state = &w;
	return 0;
}

struct rows {
	int n;
	struct mail_store_row v[32];
};

static int keep_row(void *arg, const struct mail_store_row *r)
{
	struct rows *x = arg;
	if (x->n < 32)
		x->v[x->n++] = *r;
	return 0;
}

static struct rows outbox(struct ctx *c, const char *status)
{
	struct rows x = {0};
	struct err e = {0};
	if (mail_status_each(c, status, 0, keep_row, &x, &e) < 0)
		fail_msg("%s", e.msg);
	return x;
}

static char *message_of(struct ctx *c, int64_t id)
{
	struct mail_store_row r;
	char *text;
	struct err e = {0};
	if (mail_store_get(c->db, id, &r, &text, &e) < 0)
		fail_msg("%s", e.msg);
	return text;
}

static void invite(struct world *w, struct mail_summary *s)
{
	struct err e = {0};
	if (mail_invite(&w->f.ctx, w->event, NULL, NULL, NULL, s, &e) < 0)
		fail_msg("invite: %s", e.msg);
}

static void updates(struct world *w, struct mail_summary *s)
{
	struct err e = {0};
	if (mail_updates(&w->f.ctx, w->event, NULL, NULL, s, &e) < 0)
		fail_msg("updates: %s", e.msg);
}

static void test_invite_once(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	invite(w, &s);
	/* Dana: event, shift, session; Sam: event, session; Ann: event */
	assert_int_equal(s.queued, 6);
	assert_int_equal(s.people, 3);
	assert_int_equal(s.no_email, 1);
	invite(w, &s);
	assert_int_equal(s.queued, 0);
	struct rows q = outbox(c, "queued");
	assert_int_equal(q.n, 6);
	for (int i = 0; i < q.n; i++) {
		char *text = message_of(c, q.v[i].id);
		/* one recipient, and nobody else named */
		bool dana = q.v[i].person == w->dana;
		if (strstr(text, dana ? "Sam Hidden" : "Dana Reyes") ||
		    strstr(text, dana ? "sam@example.org" : "dana@example.org"))
			fail_msg("message %lld names someone else", (long long)q.v[i].id);
		if (!strstr(text, "method=REQUEST"))
			fail_msg("message %lld is not a REQUEST", (long long)q.v[i].id);
		if (q.v[i].person == w->sam && strstr(text, "To: Sam"))
			fail_msg("a confidential person's name in To:");
		free(text);
	}
}

static int64_t set_field(struct ctx *c, const char *entity, int64_t id, const char *k,
                         const char *v, const char *k2, const char *v2)
{
	struct field_assign a[2] = {{k, v}, {k2, v2}};
	struct err e = {0};
	if (record_set(c, entity_find(entity), id, a, k2 ? 2 : 1, &e) < 0)
		fail_msg("set %s: %s", entity, e.msg);
	return 0;
}

static void send_all(struct ctx *c)
{
	int64_t *ids;
	size_t n;
	struct err e = {0};
	if (mail_due(c, 0, &ids, &n, &e) < 0)
		fail_msg("%s", e.msg);
	for (size_t i = 0; i < n; i++) {
		struct mail_handoff_result r;
		if (mail_handoff(c, ids[i], &r, &e) < 0 || r.outcome != MAIL_SENT)
			fail_msg("handoff %lld: %s %s", (long long)ids[i], e.msg, r.words);
	}
	free(ids);
}

static void test_updates(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	snprintf(w->f.cfg.mail_sendmail, sizeof w->f.cfg.mail_sendmail, "/bin/true");
	invite(w, &s);
	send_all(c);
	updates(w, &s);
	assert_int_equal(s.queued, 0);
	/* the panel moves: its two speakers get a REQUEST above what they hold */
	set_field(c, "session", w->session, "starts", "2027-03-14 15:00", "ends",
	          "2027-03-14 16:30");
	updates(w, &s);
	assert_int_equal(s.queued, 2);
	assert_int_equal(s.by_kind[MAIL_UPDATE], 2);
	updates(w, &s);
	assert_int_equal(s.queued, 0);
	struct rows q = outbox(c, "queued");
	for (int i = 0; i < q.n; i++) {
		assert_string_equal(q.v[i].method, "REQUEST");
		assert_true(q.v[i].sequence >= 1);
	}
	send_all(c);
	/* Dana drops her shift: a CANCEL, above the REQUEST she holds */
	struct err e = {0};
	struct record a;
	assert_int_equal(record_get(c, entity_find("assignment"), 1, &a, &e), 0);
	record_free(&a);
	set_field(c, "assignment", 1, "status", "dropped", NULL, NULL);
	updates(w, &s);
	assert_int_equal(s.queued, 1);
	assert_int_equal(s.by_kind[MAIL_CANCEL], 1);
	q = outbox(c, "queued");
	assert_int_equal(q.n, 1);
	assert_string_equal(q.v[0].method, "CANCEL");
	assert_string_equal(q.v[0].item_kind, "shift");
	assert_true(q.v[0].sequence > 0);
	char *text = message_of(c, q.v[0].id);
	assert_non_null(strstr(text, "method=CANCEL"));
	free(text);
	updates(w, &s);
	assert_int_equal(s.queued, 0);
	/* a new shift for someone already invited: a REQUEST (update) */
	set_field(c, "assignment", 1, "status", "signed_up", NULL, NULL);
	updates(w, &s);
	assert_int_equal(s.queued, 1);
	q = outbox(c, "queued");
	assert_int_equal(q.n, 1); /* the CANCEL never left: superseded */
	assert_string_equal(q.v[0].method, "REQUEST");
}

static void test_withdrawn(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	invite(w, &s);
	/* the shift goes before the invitation left: it is withdrawn, no CANCEL */
	set_field(c, "assignment", 1, "status", "dropped", NULL, NULL);
	updates(w, &s);
	assert_int_equal(s.queued, 0);
	assert_int_equal(s.withdrawn, 1);
	assert_int_equal(outbox(c, "queued").n, 5);
	assert_int_equal(outbox(c, "superseded").n, 1);
	/* the event moves before anything left: everything of it changes, and
	 * the invitations stay invitations */
	set_field(c, "event", w->event, "venue", "Expo Hall", NULL, NULL);
	updates(w, &s);
	assert_int_equal(s.queued, 5);
	assert_int_equal(s.by_kind[MAIL_INVITE], 5);
	assert_int_equal(outbox(c, "queued").n, 5);
	assert_int_equal(outbox(c, "superseded").n, 6);
}

/* A seated sign-up is held like a talk: the waitlist is not invited, a
 * cancelled sign-up is cancelled, and the person promoted in its place is
 * sent the session. */
static void test_signups(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	snprintf(w->f.cfg.mail_sendmail, sizeof w->f.cfg.mail_sendmail, "/bin/true");
	int64_t workshop = fixture_add(c, "session", "event", fixture_num(w->event), "title",
	                               "Workshop", "capacity", "1", "starts", "2027-03-13 14:00",
	                               "ends", "2027-03-13 15:00", NULL);
	int64_t ann = fixture_add(c, "signup", "session", fixture_num(workshop), "person",
	                          fixture_num(w->ann), NULL);
	fixture_add(c, "signup", "session", fixture_num(workshop), "person", fixture_num(w->sam),
	            NULL);
	invite(w, &s);
	/* Dana: event, shift, panel; Sam: event, panel (waitlisted for the
	 * workshop); Ann: event, workshop */
	assert_int_equal(s.queued, 7);
	struct rows q = outbox(c, "queued");
	int workshops = 0;
	for (int i = 0; i < q.n; i++)
		if (q.v[i].item_id == workshop && strcmp(q.v[i].item_kind, "session") == 0) {
			assert_int_equal(q.v[i].person, w->ann);
			workshops++;
		}
	assert_int_equal(workshops, 1);
	send_all(c);
	/* Ann cancels: her seat goes to Sam */
	set_field(c, "signup", ann, "status", "cancelled", NULL, NULL);
	updates(w, &s);
	assert_int_equal(s.queued, 2);
	assert_int_equal(s.by_kind[MAIL_CANCEL], 1);
	assert_int_equal(s.by_kind[MAIL_UPDATE], 1);
	q = outbox(c, "queued");
	assert_int_equal(q.n, 2);
	for (int i = 0; i < q.n; i++) {
		assert_int_equal(q.v[i].item_id, workshop);
		assert_string_equal(q.v[i].method, q.v[i].person == w->ann ? "CANCEL" : "REQUEST");
		assert_int_equal(q.v[i].person == w->ann || q.v[i].person == w->sam, 1);
	}
	updates(w, &s);
	assert_int_equal(s.queued, 0);
}

static void test_reminders(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	struct err e = {0};
	assert_int_equal(mail_reminders(c, NULL, NULL, &s, &e), 0);
	assert_int_equal(s.queued, 0); /* months ahead */
	w->f.clock.at = 1804852800;    /* 2027-03-12T12:00:00Z: 25.5 hours before the shift */
	assert_int_equal(mail_reminders(c, NULL, NULL, &s, &e), 0);
	assert_int_equal(s.queued, 0);
	w->f.clock.at += 3 * 3600;
	assert_int_equal(mail_reminders(c, NULL, NULL, &s, &e), 0);
	assert_int_equal(s.queued, 1);
	assert_int_equal(s.by_kind[MAIL_REMINDER], 1);
	assert_int_equal(mail_reminders(c, NULL, NULL, &s, &e), 0);
	assert_int_equal(s.queued, 0);
	struct rows q = outbox(c, "queued");
	assert_int_equal(q.n, 1);
	assert_string_equal(q.v[0].kind, "reminder");
	assert_int_equal(q.v[0].sequence, 0);
}

static void test_refused_before_queueing(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	struct err e = {0};
	snprintf(w->f.cfg.mail_invite_template, sizeof w->f.cfg.mail_invite_template,
	         "/nonexistent");
	assert_int_equal(mail_invite(c, w->event, NULL, NULL, NULL, &s, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	w->f.cfg.mail_invite_template[0] = '\0';
	snprintf(w->f.cfg.mail_from, sizeof w->f.cfg.mail_from, "not an address");
	assert_int_equal(mail_invite(c, w->event, NULL, NULL, NULL, &s, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	w->f.cfg.mail_from[0] = '\0';
	assert_int_equal(mail_invite(c, w->event, "guest", NULL, NULL, &s, &e), -1);
	assert_int_equal(e.code, ERR_USAGE);
	assert_int_equal(mail_invite(c, 99, NULL, NULL, NULL, &s, &e), -1);
	assert_int_equal(e.code, ERR_NOT_FOUND);
	assert_int_equal(outbox(c, NULL).n, 0);
	/* only volunteers: Dana alone was assigned (registered as attendee
	 * first, so none here) */
	assert_int_equal(mail_invite(c, w->event, "volunteer", NULL, NULL, &s, &e), 0);
	assert_int_equal(s.queued, 0);
}

struct refused {
	int n;
	int64_t person;
};

static void note_refused(void *arg, int64_t person, const char *name, const char *why)
{
	struct refused *r = arg;
	(void)name;
	(void)why;
	r->n++;
	r->person = person;
}

static void test_refused_address(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct err e = {0};
	/* muster's own check lets it through; the mail library does not */
	set_field(c, "person", w->ann, "email", "ann@example..org", NULL, NULL);
	struct mail_summary s;
	struct refused r = {0};
	assert_int_equal(mail_invite(c, w->event, NULL, note_refused, &r, &s, &e), 0);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.person, w->ann);
	assert_int_equal(s.refused, 1);
	assert_int_equal(s.queued, 5);
}

/* ---- handing over ---------------------------------------------------------- */

static int64_t first_queued(struct ctx *c)
{
	struct rows q = outbox(c, "queued");
	assert_true(q.n > 0);
	return q.v[0].id;
}

static void test_handoff_states(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	struct err e = {0};
	struct mail_handoff_result r;
	invite(w, &s);
	/* a real program reads the whole message on its input */
	char out[] = "/tmp/muster-test-mta.XXXXXX";
	close(mkstemp(out));
	snprintf(w->f.cfg.mail_sendmail, sizeof w->f.cfg.mail_sendmail, "sh -c 'cat >%s'", out);
	int64_t id = first_queued(c);
	assert_int_equal(mail_handoff(c, id, &r, &e), 0);
	assert_int_equal(r.outcome, MAIL_SENT);
	char *want = message_of(c, id);
	FILE *f = fopen(out, "r");
	char got[65536];
	size_t n = fread(got, 1, sizeof got - 1, f);
	fclose(f);
	got[n] = '\0';
	assert_string_equal(got, want);
	free(want);
	unlink(out);
	/* handed over once: not again */
	assert_int_equal(mail_handoff(c, id, &r, &e), 0);
	assert_int_equal(r.outcome, MAIL_NOT_CLAIMED);
	/* refused: back in the queue after a wait, failed after max_attempts */
	w->f.cfg.mail_max_attempts = 2;
	snprintf(w->f.cfg.mail_sendmail, sizeof w->f.cfg.mail_sendmail,
	         "sh -c 'echo 550 no such user >&2; exit 67'");
	id = first_queued(c);
	assert_int_equal(mail_handoff(c, id, &r, &e), 0);
	assert_int_equal(r.outcome, MAIL_DEFERRED);
	assert_int_equal(r.retry_at, FIXTURE_NOW + 300);
	assert_non_null(strstr(r.words, "exit 67"));
	assert_non_null(strstr(r.words, "550 no such user"));
	assert_int_equal(mail_handoff(c, id, &r, &e), 0);
	assert_int_equal(r.outcome, MAIL_NOT_CLAIMED); /* not due yet */
	w->f.clock.at += 300;
	assert_int_equal(mail_handoff(c, id, &r, &e), 0);
	assert_int_equal(r.outcome, MAIL_FAILED);
	struct mail_store_row row;
	assert_int_equal(mail_status_get(c, id, &row, &e), 0);
	assert_string_equal(row.status, "failed");
	assert_int_equal(row.attempts, 2);
	/* a command that cannot be run: nothing sent, no attempt counted */
	snprintf(w->f.cfg.mail_sendmail, sizeof w->f.cfg.mail_sendmail, "/nonexistent/sendmail -t");
	assert_int_equal(mail_sendmail_check(&w->f.cfg, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	id = first_queued(c);
	assert_int_equal(mail_handoff(c, id, &r, &e), -1);
	assert_int_equal(e.code, ERR_CONFIG);
	assert_int_equal(mail_status_get(c, id, &row, &e), 0);
	assert_string_equal(row.status, "queued");
	assert_int_equal(row.attempts, 0);
	assert_int_equal(mail_retry_delay(1), 300);
	assert_int_equal(mail_retry_delay(3), 1200);
	assert_int_equal(mail_retry_delay(40), 86400);
}

static void test_killed_handoff(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	struct err e = {0};
	invite(w, &s);
	int64_t id = first_queued(c);
	/* claimed by a process that is gone (a child that has exited) */
	pid_t gone = fork();
	if (gone == 0)
		_exit(0);
	waitpid(gone, NULL, 0);
	bool claimed;
	assert_int_equal(mail_store_claim(c->db, id, FIXTURE_NOW, gone, &claimed, &e), 0);
	assert_true(claimed);
	/* and one whose handoff is still under way (this process) */
	int64_t other = outbox(c, "queued").v[0].id;
	assert_int_equal(mail_store_claim(c->db, other, FIXTURE_NOW, getpid(), &claimed, &e), 0);
	size_t n;
	assert_int_equal(mail_recover(c, &n, &e), 0);
	assert_int_equal(n, 1);
	struct mail_store_row row;
	assert_int_equal(mail_status_get(c, id, &row, &e), 0);
	assert_string_equal(row.status, "unknown");
	assert_int_equal(mail_status_get(c, other, &row, &e), 0);
	assert_string_equal(row.status, "sending");
	/* unknown is said: updates do not queue it again */
	updates(w, &s);
	assert_int_equal(s.queued, 0);
}

static void test_erased(void **state)
{
	struct world *w = *state;
	struct ctx *c = &w->f.ctx;
	struct mail_summary s;
	struct err e = {0};
	invite(w, &s);
	struct erase_result r;
	assert_int_equal(erase_person(c, w->ann, "asked", ERASE_FORCE, &r, &e), 0);
	struct rows all = outbox(c, NULL);
	for (int i = 0; i < all.n; i++)
		assert_true(all.v[i].person != w->ann);
	assert_int_equal(all.n, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_templates),
	    cmocka_unit_test(test_addresses),
	    cmocka_unit_test(test_message),
	    cmocka_unit_test_setup_teardown(test_invite_once, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_updates, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_withdrawn, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_signups, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_reminders, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_refused_before_queueing, world_setup,
	                                    fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_refused_address, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_handoff_states, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_killed_handoff, world_setup, fixture_teardown),
	    cmocka_unit_test_setup_teardown(test_erased, world_setup, fixture_teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
