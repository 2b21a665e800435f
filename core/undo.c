/* undo.c - taking back a session's own changes, newest step first. A step
 * is read from the audit log (db/undo_store.h: its entries and the values
 * each row had before and after), checked against the rows as they stand
 * (a row changed or removed since is another lead's work, and stays), and
 * undone in reverse order inside one transaction through record_rm,
 * record_write and record_restore, so every rule and hook applies and each
 * undo is itself audited ("undo of audit #N"). */
#include "undo.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../db/undo_store.h"
#include "entity.h"
#include "schedule.h"
#include "staffing.h"
#include "xmalloc.h"

struct undo_session *undo_session_new(void)
{
	struct undo_session *s = xcalloc(1, sizeof *s);
	schedule_new_uid(s->tag);
	return s;
}

void undo_session_free(struct undo_session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->nkept; i++) {
		db_value_clear(&s->kept[i].before);
		db_value_clear(&s->kept[i].after);
	}
	free(s->kept);
	free(s->refused);
	free(s);
}

static struct db_value value_dup(const struct db_value *v)
{
	if (v->kind == DBV_TEXT)
		return (struct db_value){.kind = DBV_TEXT, .s = xstrdup(v->s)};
	return *v;
}

static struct undo_kept *kept_of(struct undo_session *s, int64_t audit, const char *field)
{
	for (size_t i = 0; i < s->nkept; i++)
		if (s->kept[i].audit == audit && strcmp(s->kept[i].field, field) == 0)
			return &s->kept[i];
	return NULL;
}

void undo_keep(struct undo_session *s, int64_t audit, const char *field,
               const struct db_value *before, const struct db_value *after)
{
	if (!s)
		return;
	/* an id this session wrote in a transaction rolled back comes again */
	struct undo_kept *k = kept_of(s, audit, field);
	if (k) {
		db_value_clear(&k->before);
		db_value_clear(&k->after);
	} else {
		XGROW(s->kept, s->nkept, s->cap, 16);
		k = &s->kept[s->nkept++];
	}
	*k = (struct undo_kept){audit, field, value_dup(before), value_dup(after)};
}

/* ---- one step, as the log has it ---------------------------------------- */

struct change {
	struct undo_entry u;
	const struct entity_def *ent;
	struct record before, after; /* the fields kept; the rest NULL */
	uint32_t mask;               /* fields kept */
	uint32_t missing;            /* private fields whose values this session lost */
};

struct step {
	struct undo_session *s;
	int64_t number;
	struct change *v;
	size_t n, cap;
};

static int add_entry(void *arg, const struct undo_entry *u)
{
	struct step *st = arg;
	XGROW(st->v, st->n, st->cap, 4);
	struct change *ch = &st->v[st->n++];
	memset(ch, 0, sizeof *ch);
	ch->u = *u;
	ch->ent = entity_find(u->entity);
	return 0;
}

struct value_load {
	struct undo_session *s;
	struct change *ch;
};

static int add_value(void *arg, const char *field, const struct db_value *before,
                     const struct db_value *after, bool withheld)
{
	struct value_load *l = arg;
	struct change *ch = l->ch;
	int i = entity_field_index(ch->ent, field);
	if (i < 0)
		return 0; /* a field this muster no longer has */
	if (withheld) {
		struct undo_kept *k = kept_of(l->s, ch->u.id, ch->ent->fields[i].name);
		if (!k) {
			ch->missing |= 1u << i;
			ch->mask |= 1u << i;
			return 0;
		}
		before = &k->before;
		after = &k->after;
	}
	ch->before.v[i] = value_dup(before);
	ch->after.v[i] = value_dup(after);
	ch->mask |= 1u << i;
	return 0;
}

static void step_free(struct step *st)
{
	for (size_t i = 0; i < st->n; i++) {
		if (st->v[i].ent) {
			record_free(&st->v[i].before);
			record_free(&st->v[i].after);
		}
	}
	free(st->v);
}

static int step_load(struct ctx *c, struct step *st, struct err *e)
{
	if (undo_store_entries(c->db, st->s->tag, st->number, add_entry, st, e) < 0)
		return -1;
	for (size_t i = 0; i < st->n; i++) {
		struct change *ch = &st->v[i];
		if (!ch->ent)
			return err_set(e, ERR_REFUSED,
			               "audit #%" PRId64 " is about %s, unknown here", ch->u.id,
			               ch->u.entity);
		record_init(&ch->before, ch->ent);
		record_init(&ch->after, ch->ent);
		ch->before.id = ch->after.id = ch->u.entity_id;
		struct value_load l = {st->s, ch};
		if (undo_store_values(c->db, ch->u.id, add_value, &l, e) < 0)
			return -1;
	}
	return 0;
}

static bool refused(const struct undo_session *s, int64_t step)
{
	for (size_t i = 0; i < s->nrefused; i++)
		if (s->refused[i] == step)
			return true;
	return false;
}

/* The newest step left, passing over those refused before: 0 when none. */
static int step_find(struct ctx *c, int64_t *step, struct err *e)
{
	int64_t below = 0, top;
	for (;;) {
		if (undo_store_last_step(c->db, c->undo->tag, below, step, &top, e) < 0)
			return -1;
		if (!*step || !refused(c->undo, *step))
			return 0;
		below = top;
	}
}

bool undo_pending(struct ctx *c)
{
	int64_t step = 0;
	struct err e = {0};
	return c->undo && step_find(c, &step, &e) == 0 && step != 0;
}

/* ---- what a change did, for a person -------------------------------------- */

static bool same(const struct db_value *x, const struct db_value *y)
{
	return x->kind == y->kind && (x->kind == DBV_NULL || (x->kind == DBV_INT && x->i == y->i) ||
	                              (x->kind == DBV_TEXT && strcmp(x->s, y->s) == 0));
}

static void name_of(struct ctx *c, const char *entity, int64_t id, char *buf, size_t n)
{
	const struct entity_def *ent = entity_find(entity);
	struct record r;
	struct err e = {0};
	snprintf(buf, n, "%s %" PRId64, entity, id);
	if (!ent || record_get(c, ent, id, &r, &e) < 0)
		return;
	const char *label = ent->label ? record_text(&r, ent->label) : NULL;
	if (label)
		snprintf(buf, n, "%s", label);
	record_free(&r);
}

/* The row a change is about as it is best known: the stored row, else the
 * values kept. */
static void row_of(struct ctx *c, const struct change *ch, struct record *out)
{
	struct err e = {0};
	if (strcmp(ch->u.action, "rm") != 0 &&
	    record_get(c, ch->ent, ch->u.entity_id, out, &e) == 0)
		return;
	record_init(out, ch->ent);
	out->id = ch->u.entity_id;
	const struct record *kept = strcmp(ch->u.action, "rm") == 0 ? &ch->before : &ch->after;
	for (size_t i = 0; i < ch->ent->nfields; i++)
		out->v[i] = value_dup(&kept->v[i]);
}

/* The status a set changed, before and after (NULL when it kept it). */
static const char *status_change(const struct change *ch, const char **was)
{
	int i = entity_field_index(ch->ent, "status");
	*was = NULL;
	if (i < 0 || !(ch->mask & (1u << i)) || strcmp(ch->u.action, "set") != 0)
		return NULL;
	*was = ch->before.v[i].kind == DBV_TEXT ? ch->before.v[i].s : "";
	return ch->after.v[i].kind == DBV_TEXT ? ch->after.v[i].s : "";
}

static void fields_of(const struct change *ch, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < ch->ent->nfields && used < n; i++)
		if ((ch->mask & (1u << i)) && !(ch->ent->fields[i].flags & F_AUTO))
			used += (size_t)snprintf(buf + used, n - used, "%s%s", used ? ", " : "",
			                         ch->ent->fields[i].name);
}

static void describe_assignment(struct ctx *c, const struct change *ch, const struct record *row,
                                char *buf, size_t n)
{
	char who[128], shift[256];
	struct err e = {0};
	name_of(c, "person", record_int(row, "person"), who, sizeof who);
	if (staffing_describe(c, record_int(row, "shift"), shift, sizeof shift, &e) < 0)
		snprintf(shift, sizeof shift, "shift %" PRId64, record_int(row, "shift"));
	const char *was, *now = status_change(ch, &was);
	if (strcmp(ch->u.action, "add") == 0 ||
	    (now && staffing_status_active(now) && !staffing_status_active(was)))
		snprintf(buf, n, "assigned %s to %s", who, shift);
	else if (now && !staffing_status_active(now) && staffing_status_active(was))
		snprintf(buf, n, "took %s off %s", who, shift);
	else if (strcmp(ch->u.action, "rm") == 0)
		snprintf(buf, n, "deleted the assignment of %s to %s", who, shift);
	else {
		char f[160];
		fields_of(ch, f, sizeof f);
		snprintf(buf, n, "changed %s of %s on %s", f, who, shift);
	}
}

static void describe_registration(struct ctx *c, const struct change *ch, const struct record *row,
                                  char *buf, size_t n)
{
	char who[128], event[128];
	name_of(c, "person", record_int(row, "person"), who, sizeof who);
	name_of(c, "event", record_int(row, "event"), event, sizeof event);
	const char *was, *now = status_change(ch, &was);
	if (strcmp(ch->u.action, "add") == 0)
		snprintf(buf, n, "registered %s for %s", who, event);
	else if (now && strcmp(now, "cancelled") == 0)
		snprintf(buf, n, "cancelled the registration of %s for %s", who, event);
	else if (was && strcmp(was, "cancelled") == 0)
		snprintf(buf, n, "registered %s again for %s", who, event);
	else if (strcmp(ch->u.action, "rm") == 0)
		snprintf(buf, n, "deleted the registration of %s for %s", who, event);
	else {
		char f[160];
		fields_of(ch, f, sizeof f);
		snprintf(buf, n, "changed %s of the registration of %s", f, who);
	}
}

static void describe(struct ctx *c, const struct change *ch, char *buf, size_t n)
{
	struct record row;
	row_of(c, ch, &row);
	if (strcmp(ch->ent->name, "assignment") == 0) {
		describe_assignment(c, ch, &row, buf, n);
	} else if (strcmp(ch->ent->name, "registration") == 0) {
		describe_registration(c, ch, &row, buf, n);
	} else {
		char what[192], f[160];
		record_describe(&row, what, sizeof what);
		fields_of(ch, f, sizeof f);
		if (strcmp(ch->u.action, "add") == 0)
			snprintf(buf, n, "added %s", what);
		else if (strcmp(ch->u.action, "rm") == 0)
			snprintf(buf, n, "deleted %s", what);
		else
			snprintf(buf, n, "edited %s (%s)", what, f);
	}
	record_free(&row);
}

/* The change a person made the step for: the first that is not the
 * registration an assignment brings with it. */
static const struct change *primary(const struct step *st)
{
	for (size_t i = 0; i < st->n; i++)
		if (strcmp(st->v[i].ent->name, "registration") != 0)
			return &st->v[i];
	return &st->v[0];
}

/* ---- built on since? ------------------------------------------------------- */

/* Who changed the row after the step, and where the log says so: "bob"
 * and " (audit #812)"; both "" when the log does not know. */
static void since(struct ctx *c, const struct step *st, const struct change *ch, char *actor,
                  size_t na, char *where, size_t nw)
{
	int64_t later;
	struct err e = {0};
	actor[0] = where[0] = '\0';
	if (undo_store_later(c->db, ch->u.entity, ch->u.entity_id, ch->u.id, st->s->tag, st->number,
	                     &later, actor, na, &e) == 0 &&
	    later)
		snprintf(where, nw, " (audit #%" PRId64 ")", later);
}

/* The row as the change left it? Else ERR_REFUSED naming what differs. */
static int check_unchanged(struct ctx *c, const struct step *st, const struct change *ch,
                           struct record *cur, struct err *e)
{
	char who[256], actor[96], where[48];
	struct err lookup = {0};
	if (record_get(c, ch->ent, ch->u.entity_id, cur, &lookup) < 0) {
		if (lookup.code != ERR_NOT_FOUND)
			return err_set(e, lookup.code, "%s", lookup.msg);
		since(c, st, ch, actor, sizeof actor, where, sizeof where);
		if (actor[0])
			return err_set(e, ERR_REFUSED, "%s deleted %s %" PRId64 "%s", actor,
			               ch->ent->name, ch->u.entity_id, where);
		return err_set(e, ERR_REFUSED, "%s %" PRId64 " was deleted since", ch->ent->name,
		               ch->u.entity_id);
	}
	record_describe(cur, who, sizeof who);
	for (size_t i = 0; i < ch->ent->nfields; i++) {
		const struct field_def *f = &ch->ent->fields[i];
		if (!(ch->mask & (1u << i)) || (ch->missing & (1u << i)) || (f->flags & F_AUTO) ||
		    same(&cur->v[i], &ch->after.v[i]))
			continue;
		char now[160];
		record_format_field(cur, i, now, sizeof now);
		if (f->flags & F_PRIVATE)
			snprintf(now, sizeof now, "%s", "(changed)");
		since(c, st, ch, actor, sizeof actor, where, sizeof where);
		record_free(cur);
		if (actor[0])
			return err_set(e, ERR_REFUSED, "%s changed %s: %s is now %s%s", actor, who,
			               f->name, now[0] ? now : "empty", where);
		return err_set(e, ERR_REFUSED, "%s was changed since: %s is now %s", who, f->name,
		               now[0] ? now : "empty");
	}
	return 0;
}

static int refuse_missing(const struct change *ch, const struct record *row, struct err *e)
{
	for (size_t i = 0; i < ch->ent->nfields; i++)
		if (ch->missing & (1u << i)) {
			char who[256];
			record_describe(row, who, sizeof who);
			return err_set(e, ERR_REFUSED,
			               "the old %s of %s is private and was not kept; "
			               "type it again",
			               ch->ent->fields[i].name, who);
		}
	return 0;
}

/* ---- taking one change back ------------------------------------------------- */

static int undo_set(struct ctx *c, const struct step *st, const struct change *ch, struct err *e)
{
	struct record cur;
	if (check_unchanged(c, st, ch, &cur, e) < 0)
		return -1;
	uint32_t mask = 0;
	int ret = refuse_missing(ch, &cur, e);
	for (size_t i = 0; ret == 0 && i < ch->ent->nfields; i++) {
		if (!(ch->mask & (1u << i)) || (ch->ent->fields[i].flags & F_AUTO))
			continue;
		db_value_clear(&cur.v[i]);
		cur.v[i] = value_dup(&ch->before.v[i]);
		mask |= 1u << i;
	}
	if (ret == 0)
		ret = record_write(c, &cur, mask, e);
	record_free(&cur);
	return ret;
}

static int undo_add(struct ctx *c, const struct step *st, const struct change *ch, struct err *e)
{
	struct record cur;
	if (check_unchanged(c, st, ch, &cur, e) < 0)
		return -1;
	record_free(&cur);
	return record_rm(c, ch->ent, ch->u.entity_id, e);
}

static int undo_rm(struct ctx *c, const struct change *ch, struct err *e)
{
	struct record r;
	record_init(&r, ch->ent);
	r.id = ch->u.entity_id;
	for (size_t i = 0; i < ch->ent->nfields; i++)
		r.v[i] = value_dup(&ch->before.v[i]);
	int ret = refuse_missing(ch, &r, e);
	if (ret == 0)
		ret = record_restore(c, &r, e);
	record_free(&r);
	return ret;
}

static int undo_change(struct ctx *c, const struct step *st, const struct change *ch, struct err *e)
{
	c->undo->undoing = ch->u.id;
	int ret;
	if (strcmp(ch->u.action, "add") == 0)
		ret = undo_add(c, st, ch, e);
	else if (strcmp(ch->u.action, "set") == 0)
		ret = undo_set(c, st, ch, e);
	else
		ret = undo_rm(c, ch, e);
	c->undo->undoing = 0;
	return ret;
}

static int undo_step(struct ctx *c, struct step *st, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	for (size_t i = st->n; i-- > 0;) {
		if (undo_change(c, st, &st->v[i], e) < 0) {
			db_rollback(c->db);
			return -1;
		}
	}
	return db_commit(c->db, e);
}

/* After the undo: a field of the main row the rules did not leave as it
 * was (a registration put back on a full event waits): "; status is now
 * waitlisted"; "" when the row is as it was. */
static void ruled(struct ctx *c, const struct change *ch, char *buf, size_t n)
{
	struct record cur;
	struct err e = {0};
	buf[0] = '\0';
	if (strcmp(ch->u.action, "add") == 0 ||
	    record_get(c, ch->ent, ch->u.entity_id, &cur, &e) < 0)
		return;
	for (size_t i = 0; i < ch->ent->nfields; i++) {
		const struct field_def *f = &ch->ent->fields[i];
		if (!(ch->mask & (1u << i)) || (ch->missing & (1u << i)) ||
		    (f->flags & (F_AUTO | F_PRIVATE)) || same(&cur.v[i], &ch->before.v[i]))
			continue;
		char now[128];
		record_format_field(&cur, i, now, sizeof now);
		snprintf(buf, n, "; %s is now %s", f->name, now[0] ? now : "empty");
		break;
	}
	record_free(&cur);
}

static void note_refused(struct undo_session *s, int64_t step)
{
	XGROW(s->refused, s->nrefused, s->refused_cap, 8);
	s->refused[s->nrefused++] = step;
}

int undo_last(struct ctx *c, char *done, size_t n, struct err *e)
{
	if (!c->undo)
		return err_set(e, ERR_USAGE, "undo: this session keeps no changes");
	struct step st = {.s = c->undo};
	snprintf(done, n, "%s", "Nothing to undo: no change of this session is left");
	if (step_find(c, &st.number, e) < 0)
		return -1;
	if (!st.number)
		return 0;
	char what[512] = "", after[160] = "";
	int ret = step_load(c, &st, e);
	if (ret == 0 && st.n == 0)
		ret = err_set(e, ERR_REFUSED, "step %" PRId64 " holds no change", st.number);
	if (ret == 0) {
		describe(c, primary(&st), what, sizeof what);
		ret = undo_step(c, &st, e);
	}
	if (ret == 0)
		ruled(c, primary(&st), after, sizeof after);
	step_free(&st);
	if (ret < 0) {
		char why[sizeof e->msg];
		snprintf(why, sizeof why, "%s", e->msg);
		if (e->code != ERR_DB)
			note_refused(c->undo, st.number);
		return err_set(e, e->code == ERR_DB ? ERR_DB : ERR_REFUSED, "Cannot undo: %s%s%s%s",
		               why, what[0] ? " [" : "", what, what[0] ? "]" : "");
	}
	snprintf(done, n, "Undid: %s%s", what, after);
	return 1;
}
