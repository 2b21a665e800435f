/* erase.c - forgetting people. One transaction per person: the rows in
 * events not over are named (and refuse the erase without --force), every
 * audit entry about the person and every entry quoting their name (when no
 * one else carries it), code or email is rewritten, the links follow
 * core/privacy.c, the person row becomes "Erased person N" with code
 * ERASED-N (never a valid kiosk code), and one "erase" entry says who did it
 * and why. */
#include "erase.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/undo_store.h"
#include "array.h"
#include "audit.h"
#include "entity.h"
#include "scrub.h"
#include "tz.h"
#include "xmalloc.h"

void erase_anonymous_name(int64_t person, char *buf, size_t n)
{
	snprintf(buf, n, "Erased person %" PRId64, person);
}

/* The values to take out of texts, and what replaces them. */
struct needles {
	char name[256], code[64], email[256], phone[64];
	char anon_name[64], anon_code[64];
	bool name_shared;
};

static void copy_field(const struct record *p, const char *field, char *buf, size_t n)
{
	const char *v = record_text(p, field);
	snprintf(buf, n, "%s", v ? v : "");
}

/* every value, for texts about the person */
static void scrub_about(const struct needles *nd, struct scrub *s)
{
	memset(s, 0, sizeof *s);
	scrub_add(s, nd->name, nd->anon_name);
	scrub_add(s, nd->code, nd->anon_code);
	scrub_add(s, nd->email, "(erased)");
	scrub_add(s, nd->phone, "(erased)");
}

/* ---- rows in events not over ------------------------------------------ */

struct open_rows {
	struct ctx *c;
	const struct person_ref *ref;
	struct erase_result *out;
	size_t used;
};

/* "shift 31 (Sat 13 Mar 09:00)" for an assignment, "session 12 (Panel)"
 * for a speaker link, else "registration 900": the row a person would
 * recognise. */
static void describe_row(struct ctx *c, const char *table, int64_t id, char *buf, size_t n)
{
	static const struct {
		const char *table, *via;
	} vias[] = {{"assignment", "shift"}, {"speaker", "session"}, {"signup", "session"}};
	const struct entity_def *ent = entity_find(table);
	struct record r, to;
	snprintf(buf, n, "%s %" PRId64, table, id);
	if (!ent || record_get(c, ent, id, &r, NULL) < 0)
		return;
	for (size_t i = 0; i < ARRAY_LEN(vias); i++) {
		if (strcmp(vias[i].table, table) != 0 || !record_has_any(&r, vias[i].via))
			continue;
		const struct entity_def *via = entity_find(vias[i].via);
		if (via && record_get(c, via, record_int(&r, vias[i].via), &to, NULL) == 0) {
			char what[160], when[48] = "";
			record_describe(&to, what, sizeof what);
			if (record_has_any(&to, "starts"))
				tz_format_human(to.tz[0] ? to.tz : "UTC", record_int(&to, "starts"),
				                c->cfg->time_12h, when, sizeof when);
			snprintf(buf, n, "%s%s%s", what, when[0] ? " " : "", when);
			record_free(&to);
		}
	}
	record_free(&r);
}

static int note_open(void *arg, int64_t row, int64_t event)
{
	(void)event;
	struct open_rows *o = arg;
	o->out->open++;
	if (o->out->open > 6)
		return 0;
	char what[256];
	describe_row(o->c, o->ref->table, row, what, sizeof what);
	size_t cap = sizeof o->out->open_names;
	if (o->used < cap)
		o->used += (size_t)snprintf(o->out->open_names + o->used, cap - o->used, "%s%s",
		                            o->used ? ", " : "", o->out->open == 6 ? "..." : what);
	return 0;
}

/* Count what each rule would do, and the rows in events not over. */
static int survey(struct ctx *c, const struct person_ref *refs, size_t nrefs, int64_t person,
                  struct erase_result *out, struct err *e)
{
	struct open_rows o = {c, NULL, out, 0};
	for (size_t i = 0; i < nrefs; i++) {
		int64_t n;
		o.ref = &refs[i];
		if (privacy_store_count(c->db, &refs[i], person, &n, e) < 0 ||
		    privacy_store_open_rows(c->db, &refs[i], person, clock_now(c->clock), note_open,
		                            &o, e) < 0)
			return -1;
		out->rows[privacy_rule(&refs[i])->fate] += n;
	}
	return 0;
}

/* ---- the audit log ---------------------------------------------------- */

struct rewrite {
	int64_t id;
	char *actor, *summary;
};

struct rewrites {
	const struct scrub *s;
	struct rewrite *v;
	size_t n, cap;
};

static int collect_rewrite(void *arg, int64_t id, const char *actor, const char *summary)
{
	struct rewrites *w = arg;
	char *a = scrub_text(w->s, actor), *s = scrub_text(w->s, summary);
	if (!a && !s)
		return 0;
	XGROW(w->v, w->n, w->cap, 32);
	w->v[w->n++] = (struct rewrite){id, a ? a : xstrdup(actor), s ? s : xstrdup(summary)};
	return 0;
}

static int apply_rewrites(struct ctx *c, struct rewrites *w, int64_t *count, struct err *e)
{
	int ret = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (ret == 0)
			ret = privacy_store_audit_rewrite(c->db, w->v[i].id, w->v[i].actor,
			                                  w->v[i].summary, e);
		if (ret == 0) /* and the values kept for undo */
			ret = undo_store_forget(c->db, w->v[i].id, NULL, e);
		free(w->v[i].actor);
		free(w->v[i].summary);
	}
	*count += (int64_t)w->n;
	free(w->v);
	w->v = NULL;
	w->n = w->cap = 0;
	return ret;
}

/* The entries about the person lose every value of theirs; any other entry
 * loses their code and email, and their name unless someone else has it. */
static int rewrite_audit(struct ctx *c, const struct needles *nd, const struct person_ref *refs,
                         size_t nrefs, int64_t person, int64_t *count, struct err *e)
{
	struct scrub all, quoted;
	char actor[96];
	snprintf(actor, sizeof actor, "kiosk:%s", nd->code);
	scrub_about(nd, &all);
	struct rewrites w = {.s = &all};
	struct audit_filter about = {
	    .person = person, .kiosk_actor = actor, .refs = refs, .nrefs = nrefs};
	if (privacy_store_audit_each(c->db, &about, collect_rewrite, &w, e) < 0 ||
	    apply_rewrites(c, &w, count, e) < 0)
		return -1;
	memset(&quoted, 0, sizeof quoted);
	const char *needles[3];
	size_t n = 0;
	if (!nd->name_shared) {
		scrub_add(&quoted, nd->name, nd->anon_name);
		needles[n++] = nd->name;
	}
	scrub_add(&quoted, nd->code, nd->anon_code);
	needles[n++] = nd->code;
	if (nd->email[0]) {
		scrub_add(&quoted, nd->email, "(erased)");
		needles[n++] = nd->email;
	}
	struct audit_filter holding = {.needles = needles, .nneedles = n};
	w.s = &quoted;
	int64_t more = 0;
	int ret = privacy_store_audit_each(c->db, &holding, collect_rewrite, &w, e);
	if (apply_rewrites(c, &w, &more, e) < 0 || ret < 0)
		return -1;
	/* values kept for undo that hold them, in entries that do not say them */
	for (size_t i = 0; i < n; i++)
		if (undo_store_forget(c->db, 0, needles[i], e) < 0)
			return -1;
	*count += more;
	return 0;
}

/* ---- one person -------------------------------------------------------- */

static int apply_rules(struct ctx *c, const struct person_ref *refs, size_t nrefs, int64_t person,
                       struct err *e)
{
	for (size_t i = 0; i < nrefs; i++) {
		enum ref_fate f = privacy_rule(&refs[i])->fate;
		if (f == REF_DELETE && privacy_store_delete(c->db, &refs[i], person, e) < 0)
			return -1;
		if (f == REF_CLEAR && privacy_store_clear(c->db, &refs[i], person, e) < 0)
			return -1;
	}
	return 0;
}

static int load_needles(struct ctx *c, int64_t person, struct needles *nd, struct err *e)
{
	struct record p;
	memset(nd, 0, sizeof *nd);
	if (record_get(c, entity_find("person"), person, &p, e) < 0)
		return -1;
	if (record_has(&p, "erased_at")) {
		char when[32];
		record_format_field(&p, (size_t)entity_field_index(p.ent, "erased_at"), when,
		                    sizeof when);
		record_free(&p);
		return err_set(e, ERR_REFUSED, "person %" PRId64 " was already erased (%s)", person,
		               when);
	}
	copy_field(&p, "name", nd->name, sizeof nd->name);
	copy_field(&p, "volunteer_code", nd->code, sizeof nd->code);
	copy_field(&p, "email", nd->email, sizeof nd->email);
	copy_field(&p, "phone", nd->phone, sizeof nd->phone);
	record_free(&p);
	erase_anonymous_name(person, nd->anon_name, sizeof nd->anon_name);
	snprintf(nd->anon_code, sizeof nd->anon_code, "ERASED-%" PRId64, person);
	return privacy_store_name_shared(c->db, person, nd->name, &nd->name_shared, e);
}

static int erase_in_tx(struct ctx *c, const struct person_ref *refs, size_t nrefs, int64_t person,
                       const char *reason, unsigned flags, struct erase_result *out, struct err *e)
{
	struct needles nd;
	int ret = load_needles(c, person, &nd, e);
	if (ret == 0) {
		snprintf(out->name, sizeof out->name, "%s", nd.name);
		ret = survey(c, refs, nrefs, person, out, e);
	}
	if (ret == 0 && out->open && !(flags & ERASE_FORCE))
		ret = err_set(e, ERR_REFUSED,
		              "person %" PRId64 " (%s) is still in events that are not over: %s; "
		              "erase anyway with --force",
		              person, nd.name, out->open_names);
	if (ret < 0 || (flags & ERASE_DRY_RUN))
		return ret;
	struct scrub all;
	scrub_about(&nd, &all);
	char *why = scrub_text(&all, reason);
	ret = rewrite_audit(c, &nd, refs, nrefs, person, &out->audit, e);
	if (ret == 0)
		ret = apply_rules(c, refs, nrefs, person, e);
	if (ret == 0)
		ret = privacy_store_unlock_code(c->db, nd.code, e);
	if (ret == 0)
		ret = privacy_store_anonymize(c->db, person, nd.anon_name, nd.anon_code,
		                              clock_now(c->clock), e);
	if (ret == 0)
		ret = audit_log(c, "erase", "person", person, e, "erase person %" PRId64 ": %s",
		                person, why ? why : reason);
	free(why);
	return ret;
}

/* One person in one transaction, with the references already read (and
 * each known to have a rule). */
static int erase_one(struct ctx *c, const struct person_ref *refs, size_t nrefs, int64_t person,
                     const char *reason, unsigned flags, struct erase_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->person = person;
	if (db_begin(c->db, e) < 0)
		return -1;
	int ret = erase_in_tx(c, refs, nrefs, person, reason, flags, out, e);
	if (ret < 0 || (flags & ERASE_DRY_RUN)) {
		db_rollback(c->db);
		return ret;
	}
	return db_commit(c->db, e);
}

/* The references to person, refused unless every one has a rule. */
static int covered_refs(struct ctx *c, struct person_ref **refs, size_t *nrefs, struct err *e)
{
	if (privacy_refs(c, refs, nrefs, e) < 0)
		return -1;
	if (privacy_refs_covered(*refs, *nrefs, e) < 0) {
		free(*refs);
		*refs = NULL;
		return -1;
	}
	return 0;
}

int erase_person(struct ctx *c, int64_t person, const char *reason, unsigned flags,
                 struct erase_result *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->person = person;
	if (!reason || !reason[0])
		return err_set(e, ERR_USAGE,
		               "an erasure needs a reason (it goes to the audit log)");
	struct person_ref *refs;
	size_t nrefs;
	if (covered_refs(c, &refs, &nrefs, e) < 0)
		return -1;
	int ret = erase_one(c, refs, nrefs, person, reason, flags, out, e);
	free(refs);
	return ret;
}

/* ---- the retention sweep ---------------------------------------------- */

struct ids {
	int64_t *v;
	size_t n, cap;
};

static int collect_id(void *arg, int64_t id)
{
	struct ids *s = arg;
	XGROW(s->v, s->n, s->cap, 64);
	s->v[s->n++] = id;
	return 0;
}

int erase_sweep(struct ctx *c, bool dry_run, bool *off,
                int (*fn)(void *arg, const struct erase_result *r), void *arg, size_t *count,
                struct err *e)
{
	int64_t cutoff;
	*count = 0;
	*off = !privacy_cutoff(c, &cutoff);
	if (*off)
		return 0;
	struct person_ref *refs;
	size_t nrefs;
	struct ids due = {0};
	if (covered_refs(c, &refs, &nrefs, e) < 0)
		return -1;
	int ret = privacy_store_expired(c->db, refs, nrefs, cutoff, 0, collect_id, &due, e);
	char reason[160];
	snprintf(reason, sizeof reason,
	         "privacy sweep: every event of theirs ended more than %d days ago",
	         c->cfg->retain_days_after_event);
	for (size_t i = 0; ret == 0 && i < due.n; i++) {
		struct erase_result r;
		ret =
		    erase_one(c, refs, nrefs, due.v[i], reason, dry_run ? ERASE_DRY_RUN : 0, &r, e);
		if (ret == 0) {
			++*count;
			ret = fn ? fn(arg, &r) : 0;
		}
	}
	free(due.v);
	free(refs);
	return ret;
}

int erase_scrub(struct ctx *c, bool *complete, struct err *e)
{
	return privacy_store_scrub(c->db, complete, e);
}
