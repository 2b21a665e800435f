/* record.c - the generic operations over the entity table: parse what a
 * person typed into storage form, check references and uniqueness, run the
 * entity's hooks (defaults, SPEC section 3 rules), write, audit; all in one
 * BEGIN IMMEDIATE transaction. Also formatting rows for people to read. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "array.h"
#include "audit.h"
#include "checked.h"
#include "entity.h"
#include "lead.h"
#include "suggest.h"
#include "tz.h"
#include "utf8.h"
#include "xmalloc.h"

void record_init(struct record *r, const struct entity_def *ent)
{
	memset(r, 0, sizeof *r);
	r->ent = ent;
}

void record_free(struct record *r)
{
	for (size_t i = 0; i < ENTITY_MAX_FIELDS; i++)
		db_value_clear(&r->v[i]);
}

static void record_copy(struct record *dst, const struct record *src)
{
	*dst = *src;
	for (size_t i = 0; i < src->ent->nfields; i++)
		if (src->v[i].kind == DBV_TEXT)
			dst->v[i].s = xstrdup(src->v[i].s);
}

static int field_at(const struct record *r, const char *field)
{
	return entity_field_known(r->ent, field);
}

bool record_has_any(const struct record *r, const char *field)
{
	return entity_field_index(r->ent, field) >= 0 && record_has(r, field);
}

int64_t record_int(const struct record *r, const char *field)
{
	int i = field_at(r, field);
	return i >= 0 && r->v[i].kind == DBV_INT ? r->v[i].i : 0;
}

const char *record_text(const struct record *r, const char *field)
{
	int i = field_at(r, field);
	return i >= 0 && r->v[i].kind == DBV_TEXT ? r->v[i].s : NULL;
}

bool record_has(const struct record *r, const char *field)
{
	int i = field_at(r, field);
	return i >= 0 && r->v[i].kind != DBV_NULL;
}

void record_set_int(struct record *r, const char *field, int64_t v)
{
	int i = field_at(r, field);
	if (i < 0)
		return;
	db_value_clear(&r->v[i]);
	r->v[i] = db_int(v);
}

void record_set_text(struct record *r, const char *field, const char *s)
{
	int i = field_at(r, field);
	if (i < 0)
		return;
	db_value_clear(&r->v[i]);
	r->v[i] = s ? (struct db_value){.kind = DBV_TEXT, .s = xstrdup(s)} : db_null();
}

int field_assign_parse(char **words, int n, struct field_assign *out, struct err *e)
{
	for (int i = 0; i < n; i++) {
		char *eq = strchr(words[i], '=');
		if (!eq || eq == words[i])
			return err_set(e, ERR_USAGE, "%s: expected key=value", words[i]);
		*eq = '\0';
		out[i].name = words[i];
		out[i].value = eq + 1;
	}
	return 0;
}

/* ---- parsing one field ------------------------------------------------ */

static int parse_int(const struct field_def *f, const char *text, int64_t *out, struct err *e)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || isspace((unsigned char)*text))
		return err_set(e, ERR_INPUT, "%s: \"%s\" is not a whole number", f->name, text);
	if (f->min < f->max && (v < f->min || v > f->max))
		return err_set(e, ERR_INPUT,
		               "%s: %lld is out of range (%" PRId64 " to %" PRId64 ")", f->name, v,
		               f->min, f->max);
	*out = v;
	return 0;
}

static int parse_bool(const struct field_def *f, const char *text, int64_t *out, struct err *e)
{
	static const char *const yes[] = {"1", "yes", "true", "on", "y"};
	static const char *const no[] = {"0", "no", "false", "off", "n"};
	for (size_t i = 0; i < 5; i++) {
		if (strcasecmp(text, yes[i]) == 0)
			return *out = 1, 0;
		if (strcasecmp(text, no[i]) == 0)
			return *out = 0, 0;
	}
	return err_set(e, ERR_INPUT, "%s: \"%s\" is not yes or no", f->name, text);
}

static int parse_enum(const struct field_def *f, const char *text, struct err *e)
{
	size_t n = 0;
	for (; f->values[n]; n++)
		if (strcmp(text, f->values[n]) == 0)
			return 0;
	char allowed[512] = "";
	for (size_t i = 0; i < n; i++) {
		strncat(allowed, i ? ", " : "", sizeof allowed - strlen(allowed) - 1);
		strncat(allowed, f->values[i], sizeof allowed - strlen(allowed) - 1);
	}
	const char *near = suggest_closest(text, f->values, n);
	if (near)
		return err_set(e, ERR_INPUT,
		               "%s: \"%s\" is not allowed; did you mean %s? (one of %s)", f->name,
		               text, near, allowed);
	return err_set(e, ERR_INPUT, "%s: \"%s\" is not allowed (one of %s)", f->name, text,
	               allowed);
}

static int parse_email(const struct field_def *f, const char *text, struct err *e)
{
	const char *at = strchr(text, '@');
	bool ok = at && at != text && !strchr(at + 1, '@') && strchr(at + 1, '.') && at[1] != '.' &&
	          text[strlen(text) - 1] != '.';
	for (const char *p = text; ok && *p; p++)
		if (isspace((unsigned char)*p) || iscntrl((unsigned char)*p) || *p == ',' ||
		    *p == ';' || *p == '<' || *p == '>')
			ok = false;
	if (!ok)
		return err_set(e, ERR_INPUT, "%s: \"%s\" is not an email address", f->name, text);
	return 0;
}

static int parse_typed(const struct field_def *f, const char *tz, const char *text,
                       struct db_value *out, struct err *e)
{
	int64_t n;
	int y, m, d;
	switch (f->type) {
	case FT_INT:
		if (parse_int(f, text, &n, e) < 0)
			return -1;
		return *out = db_int(n), 0;
	case FT_REF: {
		char *end;
		errno = 0;
		long long id = strtoll(text, &end, 10);
		if (errno || end == text || *end || id <= 0)
			return err_set(e, ERR_INPUT, "%s: \"%s\" is not an id", f->name, text);
		return *out = db_int(id), 0;
	}
	case FT_BOOL:
		if (parse_bool(f, text, &n, e) < 0)
			return -1;
		return *out = db_int(n), 0;
	case FT_TIME:
		if (tz_parse(tz[0] ? tz : "UTC", text, &n, e) < 0) {
			err_prefix(e, "%s", f->name);
			return -1;
		}
		return *out = db_int(n), 0;
	case FT_DATE:
		if (tz_parse_date(text, &y, &m, &d, e) < 0) {
			err_prefix(e, "%s", f->name);
			return -1;
		}
		*out =
		    (struct db_value){.kind = DBV_TEXT, .s = xasprintf("%04d-%02d-%02d", y, m, d)};
		return 0;
	case FT_ENUM:
		if (parse_enum(f, text, e) < 0)
			return -1;
		break;
	case FT_EMAIL:
		if (parse_email(f, text, e) < 0)
			return -1;
		break;
	case FT_TZ:
		if (!tz_valid(text))
			return err_set(e, ERR_INPUT, "%s: \"%s\" is not an IANA time zone", f->name,
			               text);
		break;
	case FT_TEXT:
		break;
	}
	*out = (struct db_value){.kind = DBV_TEXT, .s = xstrdup(text)};
	return 0;
}

/* Text a person may store in f: valid UTF-8, no control characters; tab and
 * newline only in long free text. */
static int check_text(const struct field_def *f, const char *text, struct err *e)
{
	return utf8_check_field(f->name, text, (f->flags & F_LONG) != 0, e);
}

int record_parse_field(struct ctx *c, struct record *r, size_t i, const char *text, struct err *e)
{
	(void)c;
	const struct field_def *f = &r->ent->fields[i];
	struct db_value v = db_null();
	if (check_text(f, text, e) < 0)
		return -1;
	while (isspace((unsigned char)*text) && f->type != FT_TEXT)
		text++;
	if (*text && parse_typed(f, r->tz, text, &v, e) < 0)
		return -1;
	if (v.kind == DBV_NULL && (f->flags & F_REQUIRED))
		return err_set(e, ERR_INPUT, "%s: required", f->name);
	db_value_clear(&r->v[i]);
	r->v[i] = v;
	return 0;
}

/* ---- formatting ------------------------------------------------------- */

void record_format_field(const struct record *r, size_t i, char *buf, size_t n)
{
	const struct field_def *f = &r->ent->fields[i];
	const struct db_value *v = &r->v[i];
	if (v->kind == DBV_NULL || (f->flags & F_SECRET)) {
		snprintf(buf, n, "%s", "");
		return;
	}
	if (f->type == FT_TIME && v->kind == DBV_INT) {
		if (r->tz[0])
			tz_format(r->tz, v->i, buf, n);
		else
			tz_format_utc(v->i, buf, n);
		return;
	}
	if (v->kind == DBV_INT)
		snprintf(buf, n, "%" PRId64, v->i);
	else
		snprintf(buf, n, "%s", v->s);
}

void record_describe(const struct record *r, char *buf, size_t n)
{
	const char *label = r->ent->label ? record_text(r, r->ent->label) : NULL;
	if (label)
		snprintf(buf, n, "%s %" PRId64 " (%s)", r->ent->name, r->id, label);
	else
		snprintf(buf, n, "%s %" PRId64, r->ent->name, r->id);
}

/* ---- zones ------------------------------------------------------------- */

int entity_tz_of(struct ctx *c, const struct entity_def *ent, int64_t id, char *tz, size_t n,
                 struct err *e)
{
	tz[0] = '\0';
	if (!ent->tz_expr)
		return 0;
	char *sql = xasprintf("SELECT %s FROM %s WHERE id = ?", ent->tz_expr, ent->table);
	struct db_value key = db_int(id), out;
	int ret = record_store_value(c->db, sql, &key, 1, &out, e);
	free(sql);
	if (ret == 0 && out.kind == DBV_TEXT)
		snprintf(tz, n, "%s", out.s);
	db_value_clear(&out);
	return ret;
}

/* The zone a row's times are read in: its own tz field (events), else its
 * tz_from field's referent. */
static int resolve_tz(struct ctx *c, struct record *r, struct err *e)
{
	const char *own = entity_field_index(r->ent, "tz") >= 0 ? record_text(r, "tz") : NULL;
	if (own && r->ent->tz_from == NULL) {
		snprintf(r->tz, sizeof r->tz, "%s", own);
		return 0;
	}
	if (!r->ent->tz_from)
		return 0;
	int i = entity_field_index(r->ent, r->ent->tz_from);
	if (i < 0 || r->v[i].kind != DBV_INT)
		return 0;
	const struct entity_def *ref = entity_find(r->ent->fields[i].ref);
	return entity_tz_of(c, ref, r->v[i].i, r->tz, sizeof r->tz, e);
}

/* ---- columns ----------------------------------------------------------- */

/* Column list: every field, then the zone expression. */
static size_t columns(const struct entity_def *ent, const char **cols)
{
	for (size_t i = 0; i < ent->nfields; i++)
		cols[i] = ent->fields[i].name;
	cols[ent->nfields] = ent->tz_expr ? ent->tz_expr : "NULL";
	cols[ent->nfields + 1] = "id";
	return ent->nfields + 2;
}

int record_get(struct ctx *c, const struct entity_def *ent, int64_t id, struct record *out,
               struct err *e)
{
	const char *cols[ENTITY_MAX_FIELDS + 2];
	struct db_value v[ENTITY_MAX_FIELDS + 2];
	size_t n = columns(ent, cols);
	record_init(out, ent);
	if (record_store_get(c->db, ent->table, id, cols, n, v, e) < 0) {
		if (e && e->code == ERR_NOT_FOUND)
			err_set(e, ERR_NOT_FOUND, "%s %" PRId64 ": not found", ent->name, id);
		return -1;
	}
	for (size_t i = 0; i < ent->nfields; i++)
		out->v[i] = v[i];
	if (v[ent->nfields].kind == DBV_TEXT)
		snprintf(out->tz, sizeof out->tz, "%s", v[ent->nfields].s);
	db_value_clear(&v[ent->nfields]);
	out->id = id;
	return 0;
}

struct list_state {
	const struct entity_def *ent;
	int (*fn)(void *arg, const struct record *r);
	void *arg;
};

static int list_row(void *arg, const struct db_value *vals, size_t n)
{
	struct list_state *s = arg;
	struct record r;
	record_init(&r, s->ent);
	size_t nf = s->ent->nfields;
	for (size_t i = 0; i < nf; i++)
		r.v[i] = vals[i];
	if (vals[nf].kind == DBV_TEXT)
		snprintf(r.tz, sizeof r.tz, "%s", vals[nf].s);
	r.id = vals[n - 1].i;
	return s->fn(s->arg, &r); /* values belong to the scan: no record_free */
}

int record_list(struct ctx *c, const struct entity_def *ent, const struct record_filter *f,
                int (*fn)(void *arg, const struct record *r), void *arg, struct err *e)
{
	const char *cols[ENTITY_MAX_FIELDS + 2];
	struct db_value bind = db_int(f ? f->event : 0);
	struct record_query q = {
	    .table = ent->table,
	    .order_by = ent->order_by,
	    .limit = f ? f->limit : 0,
	};
	q.cols = cols;
	q.ncols = columns(ent, cols);
	if (f && f->event) {
		if (!ent->event_where)
			return err_set(e, ERR_USAGE, "list %s: --event does not apply",
			               ent->plural);
		q.where = ent->event_where;
		q.binds = &bind;
		q.nbinds = 1;
	}
	struct list_state s = {ent, fn, arg};
	if (lead_allows(c, ent->table, LEAD_READ, e) < 0)
		return -1;
	return record_store_scan(c->db, &q, list_row, &s, e);
}

/* ---- checks before writing --------------------------------------------- */

/* 0, or ERR_REFUSED when the person was erased (nothing new points at them). */
static int person_erased(struct ctx *c, int64_t person, struct err *e)
{
	struct db_value key = db_int(person), out;
	if (record_store_value(c->db, "SELECT erased_at IS NOT NULL FROM person WHERE id = ?", &key,
	                       1, &out, e) < 0)
		return -1;
	if (out.kind == DBV_INT && out.i)
		return err_set(e, ERR_REFUSED,
		               "person %" PRId64 " was erased; nothing new is linked to them",
		               person);
	return 0;
}

static int check_refs(struct ctx *c, const struct record *r, uint32_t mask, struct err *e)
{
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (f->type != FT_REF || !(mask & (1u << i)) || r->v[i].kind != DBV_INT)
			continue;
		const struct entity_def *to = entity_find(f->ref);
		bool found;
		/* through the lead's scope: a row it cannot see cannot be named */
		if (record_store_exists(c->db, to->table, r->v[i].i, &found, e) < 0)
			return -1;
		if (!found)
			return err_set(e, ERR_NOT_FOUND, "%s: %s %" PRId64 " not found", f->name,
			               to->name, r->v[i].i);
		if (strcmp(to->name, "person") == 0 && person_erased(c, r->v[i].i, e) != 0)
			return -1;
	}
	return 0;
}

/* A value shared with a row of the same first field (a room name in the
 * same event, a person speaking twice at one session). */
static int check_unique_in(struct ctx *c, const struct record *r, size_t i, struct err *e)
{
	const struct field_def *f = &r->ent->fields[i], *scope = &r->ent->fields[0];
	const char *cols[] = {scope->name, f->name};
	struct db_value vals[] = {r->v[0], r->v[i]};
	int64_t other;
	if (r->v[0].kind == DBV_NULL ||
	    record_store_find_all(c->db, r->ent->table, cols, vals, 2, r->id, &other, e) < 0)
		return r->v[0].kind == DBV_NULL ? 0 : -1;
	if (!other)
		return 0;
	if (r->v[i].kind == DBV_TEXT)
		return err_set(e, ERR_REFUSED,
		               "%s \"%s\" is already used by %s %" PRId64 " in %s %" PRId64,
		               f->name, r->v[i].s, r->ent->name, other, scope->name, r->v[0].i);
	return err_set(e, ERR_REFUSED,
	               "%s %" PRId64 " already links %s %" PRId64 " and %s %" PRId64, r->ent->name,
	               other, scope->name, r->v[0].i, f->name, r->v[i].i);
}

static int check_unique(struct ctx *c, const struct record *r, uint32_t mask, struct err *e)
{
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (!(f->flags & (F_UNIQUE | F_UNIQUE_IN)) || r->v[i].kind == DBV_NULL)
			continue;
		if ((f->flags & F_UNIQUE_IN) && (mask & ((1u << i) | 1u))) {
			if (check_unique_in(c, r, i, e) < 0)
				return -1;
			continue;
		}
		if (!(f->flags & F_UNIQUE) || !(mask & (1u << i)))
			continue;
		int64_t other;
		if (record_store_find(c->db, r->ent->table, f->name, &r->v[i], r->id, &other, e) <
		    0)
			return -1;
		if (other)
			return err_set(e, ERR_REFUSED, "%s \"%s\" is already used by %s %" PRId64,
			               f->name, r->v[i].s ? r->v[i].s : "", r->ent->name, other);
	}
	return 0;
}

/* Text set by a hook or an importer (record_write) obeys the same rule as
 * typed text; only the fields being written are read, so a row stored
 * before the rule can still be edited elsewhere. */
static int check_texts(const struct record *r, uint32_t mask, struct err *e)
{
	for (size_t i = 0; i < r->ent->nfields; i++)
		if ((mask & (1u << i)) && r->v[i].kind == DBV_TEXT &&
		    check_text(&r->ent->fields[i], r->v[i].s, e) < 0)
			return -1;
	return 0;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static int check_required(const struct record *r, struct err *e)
{
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (!(f->flags & F_REQUIRED))
			continue;
		if (r->v[i].kind == DBV_NULL)
			return err_set(e, ERR_INPUT, "%s: required", f->name);
		if (r->v[i].kind == DBV_TEXT && blank(r->v[i].s))
			return err_set(e, ERR_INPUT, "%s: must not be blank", f->name);
	}
	return 0;
}

/* Fields that go in order (first before second; strict: never equal),
 * with the refusal a person reads. Each is also a CHECK of the schema,
 * which then never speaks. */
static const struct field_order {
	const char *first, *second;
	bool strict;
	bool second_named_first; /* the message starts with the second field */
	const char *says;        /* printf: name value name value */
} orders[] = {
    {.first = "starts",
     .second = "ends",
     .strict = true,
     .second_named_first = true,
     .says = "%s %s must be after %s %s"},
    {.first = "checked_in_at",
     .second = "checked_out_at",
     .strict = false,
     .second_named_first = true,
     .says = "%s %s must be after %s %s"},
    {.first = "setup_starts",
     .second = "starts",
     .strict = false,
     .second_named_first = false,
     .says = "%s %s is after %s %s"},
    {.first = "ends",
     .second = "teardown_ends",
     .strict = false,
     .second_named_first = true,
     .says = "%s %s is before %s %s"},
    {.first = "need_min",
     .second = "need_max",
     .strict = false,
     .second_named_first = false,
     .says = "%s %s is above %s %s"},
};

/* Fields of which a row may hold one, not both. */
static const char *const exclusive[][2] = {
    {"room", "booth"},
};

static int check_order(const struct record *r, struct err *e)
{
	for (size_t k = 0; k < ARRAY_LEN(orders); k++) {
		const struct field_order *o = &orders[k];
		if (!record_has_any(r, o->first) || !record_has_any(r, o->second))
			continue;
		int64_t a = record_int(r, o->first), b = record_int(r, o->second);
		if (a < b || (a == b && !o->strict))
			continue;
		char va[32], vb[32];
		record_format_field(r, (size_t)entity_field_index(r->ent, o->first), va, sizeof va);
		record_format_field(r, (size_t)entity_field_index(r->ent, o->second), vb,
		                    sizeof vb);
		if (o->second_named_first)
			return err_set(e, ERR_INPUT, o->says, o->second, vb, o->first, va);
		return err_set(e, ERR_INPUT, o->says, o->first, va, o->second, vb);
	}
	for (size_t k = 0; k < ARRAY_LEN(exclusive); k++)
		if (record_has_any(r, exclusive[k][0]) && record_has_any(r, exclusive[k][1]))
			return err_set(e, ERR_INPUT, "%s and %s: give one or the other, not both",
			               exclusive[k][0], exclusive[k][1]);
	return 0;
}

/* ---- writing ----------------------------------------------------------- */

static void summarize(const struct record *r, uint32_t mask, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < r->ent->nfields && used + 1 < n; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (!(mask & (1u << i)) || (f->flags & (F_SECRET | F_AUTO)))
			continue;
		char val[256];
		record_format_field(r, i, val, sizeof val);
		if (f->flags & F_PRIVATE)
			snprintf(val, sizeof val, "%s", "(changed)");
		used += (size_t)snprintf(buf + used, n - used, "%s%s=%s", used ? " " : "", f->name,
		                         val);
	}
}

/* Insert (old NULL: with r->id when it has one, a row put back) or update. */
static int write_row(struct ctx *c, struct record *r, const struct record *old, uint32_t mask,
                     struct err *e)
{
	const char *cols[ENTITY_MAX_FIELDS + 1];
	struct db_value vals[ENTITY_MAX_FIELDS + 1];
	size_t n = 0;
	for (size_t i = 0; i < r->ent->nfields; i++) {
		if (!(mask & (1u << i)))
			continue;
		cols[n] = r->ent->fields[i].name;
		vals[n++] = r->v[i];
	}
	if (!old && r->id) {
		cols[n] = "id";
		vals[n++] = db_int(r->id);
		return record_store_insert(c->db, r->ent->table, cols, vals, n, NULL, e);
	}
	if (!old)
		return record_store_insert(c->db, r->ent->table, cols, vals, n, &r->id, e);
	return record_store_update(c->db, r->ent->table, r->id, cols, vals, n, e);
}

/* Fields whose stored value differs between a and b. */
static uint32_t changed_fields(const struct record *a, const struct record *b)
{
	uint32_t mask = 0;
	for (size_t i = 0; i < a->ent->nfields; i++) {
		const struct db_value *x = &a->v[i], *y = &b->v[i];
		bool same = x->kind == y->kind &&
		            (x->kind == DBV_NULL || (x->kind == DBV_INT && x->i == y->i) ||
		             (x->kind == DBV_TEXT && strcmp(x->s, y->s) == 0));
		if (!same)
			mask |= 1u << i;
	}
	return mask;
}

static int write_checked(struct ctx *c, struct record *r, const struct record *old, uint32_t mask,
                         struct err *e)
{
	const struct entity_def *ent = r->ent;
	enum lead_act act = old ? LEAD_SET : LEAD_ADD;
	/* the lead may write such rows, and this one as it stands */
	if (lead_allows(c, ent->table, act, e) < 0 ||
	    (old && lead_row_allows(c, ent->table, r->id, act, e) < 0))
		return -1;
	if (ent->prepare && ent->prepare(c, r, old, e) < 0)
		return -1;
	if (old)
		mask |= changed_fields(old, r);
	else
		for (size_t i = 0; i < ent->nfields; i++)
			if (r->v[i].kind != DBV_NULL)
				mask |= 1u << i;
	int seq = entity_field_index(ent, "sequence");
	if (old && seq >= 0) {
		bool bump = false;
		for (size_t i = 0; i < ent->nfields; i++)
			if ((mask & (1u << i)) && (ent->fields[i].flags & F_SEQ))
				bump = true;
		if (bump) {
			record_set_int(r, "sequence", ck_add(record_int(old, "sequence"), 1));
			mask |= 1u << seq;
		}
	}
	if (check_texts(r, mask, e) < 0 || check_required(r, e) < 0 || check_order(r, e) < 0 ||
	    check_refs(c, r, mask, e) < 0 || check_unique(c, r, mask, e) < 0)
		return -1;
	if (ent->validate && ent->validate(c, r, old, e) < 0)
		return -1;
	if (write_row(c, r, old, mask, e) < 0)
		return -1;
	char what[160], summary[900];
	record_describe(r, what, sizeof what);
	summarize(r, mask, summary, sizeof summary);
	if (audit_row(c, old ? "set" : "add", old, r, mask, e, "%s %s%s%s", old ? "set" : "add",
	              what, summary[0] ? ": " : "", summary) < 0)
		return -1;
	/* and as it is now: nothing is moved or made outside the scope */
	if (lead_row_allows(c, ent->table, r->id, act, e) < 0)
		return -1;
	if (ent->after_write && ent->after_write(c, r, old ? "set" : "add", e) < 0)
		return -1;
	return 0;
}

int record_restore(struct ctx *c, struct record *r, struct err *e)
{
	if (r->ent->read_only || r->id <= 0)
		return err_set(e, ERR_USAGE, "%s: cannot be put back", r->ent->name);
	if (db_begin(c->db, e) < 0)
		return -1;
	bool found;
	int ret = record_store_exists(c->db, r->ent->table, r->id, &found, e);
	if (ret == 0 && found)
		ret = err_set(e, ERR_REFUSED, "%s %" PRId64 " exists again", r->ent->name, r->id);
	if (ret == 0)
		ret = resolve_tz(c, r, e);
	if (ret == 0)
		ret = write_checked(c, r, NULL, 0, e);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

int record_write(struct ctx *c, struct record *r, uint32_t mask, struct err *e)
{
	if (db_begin(c->db, e) < 0)
		return -1;
	struct record old;
	bool have_old = false;
	if (r->id) {
		if (record_get(c, r->ent, r->id, &old, e) < 0)
			goto fail;
		have_old = true;
	}
	if (write_checked(c, r, have_old ? &old : NULL, mask, e) < 0)
		goto fail;
	if (have_old)
		record_free(&old);
	return db_commit(c->db, e);
fail:
	if (have_old)
		record_free(&old);
	db_rollback(c->db);
	return -1;
}

static int find_field(const struct entity_def *ent, const char *name, bool setting, struct err *e)
{
	int i = entity_field_index(ent, name);
	if (i < 0) {
		const char *names[ENTITY_MAX_FIELDS];
		for (size_t k = 0; k < ent->nfields; k++)
			names[k] = ent->fields[k].name;
		const char *near = suggest_closest(name, names, ent->nfields);
		if (near)
			return err_set(e, ERR_USAGE, "%s has no field %s; did you mean %s?",
			               ent->name, name, near);
		return err_set(e, ERR_USAGE, "%s has no field %s", ent->name, name);
	}
	if (setting && (ent->fields[i].flags & F_AUTO))
		return err_set(e, ERR_USAGE, "%s.%s is set by muster, not typed", ent->name, name);
	return i;
}

/* Apply assignments: zone-independent fields first, then the zone, then times. */
static int apply_assigns(struct ctx *c, struct record *r, const struct field_assign *a, size_t n,
                         struct err *e)
{
	for (int pass = 0; pass < 2; pass++) {
		for (size_t k = 0; k < n; k++) {
			int i = find_field(r->ent, a[k].name, true, e);
			if (i < 0)
				return -1;
			bool timed = r->ent->fields[i].type == FT_TIME;
			if (timed != (pass == 1))
				continue;
			if (record_parse_field(c, r, (size_t)i, a[k].value, e) < 0)
				return -1;
		}
		if (pass == 0 && resolve_tz(c, r, e) < 0)
			return -1;
	}
	return 0;
}

static int apply_defaults(struct ctx *c, struct record *r, struct err *e)
{
	for (size_t i = 0; i < r->ent->nfields; i++) {
		const struct field_def *f = &r->ent->fields[i];
		if (r->v[i].kind == DBV_NULL && f->def && f->type != FT_TIME &&
		    record_parse_field(c, r, i, f->def, e) < 0)
			return -1;
	}
	return 0;
}

int record_add(struct ctx *c, const struct entity_def *ent, const struct field_assign *a, size_t n,
               int64_t *id, struct err *e)
{
	if (ent->read_only)
		return err_set(e, ERR_USAGE, "%s is written by muster, not added", ent->name);
	struct record r;
	record_init(&r, ent);
	if (db_begin(c->db, e) < 0)
		return -1;
	if (apply_assigns(c, &r, a, n, e) < 0 || apply_defaults(c, &r, e) < 0 ||
	    write_checked(c, &r, NULL, 0, e) < 0) {
		db_rollback(c->db);
		record_free(&r);
		return -1;
	}
	if (id)
		*id = r.id;
	record_free(&r);
	return db_commit(c->db, e);
}

int record_set(struct ctx *c, const struct entity_def *ent, int64_t id,
               const struct field_assign *a, size_t n, struct err *e)
{
	if (ent->read_only)
		return err_set(e, ERR_USAGE, "%s is written by muster, not changed", ent->name);
	if (n == 0)
		return err_set(e, ERR_USAGE, "set %s: nothing to change (give key=value)",
		               ent->name);
	struct record old, r;
	if (db_begin(c->db, e) < 0)
		return -1;
	if (record_get(c, ent, id, &old, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	record_copy(&r, &old);
	int ret = apply_assigns(c, &r, a, n, e);
	if (ret == 0)
		ret = write_checked(c, &r, &old, 0, e);
	record_free(&old);
	record_free(&r);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}

/* Rows of other entities that point at (ent, id), named for a person. */
static int dependents(struct ctx *c, const struct entity_def *ent, int64_t id, char *buf, size_t n,
                      struct err *e)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t k = 0; entity_at(k); k++) {
		const struct entity_def *other = entity_at(k);
		for (size_t i = 0; i < other->nfields; i++) {
			const struct field_def *f = &other->fields[i];
			if (f->type != FT_REF || strcmp(f->ref, ent->name) != 0)
				continue;
			int64_t ids[4], count;
			if (record_store_refs(c->db, other->table, f->name, id, ids, 4, &count, e) <
			    0)
				return -1;
			if (count == 0)
				continue;
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
			                         "%s%" PRId64 " %s (", used ? ", " : "", count,
			                         count == 1 ? other->name : other->plural);
			for (int64_t j = 0; j < count && j < 4; j++)
				used += (size_t)snprintf(buf + used, used < n ? n - used : 0,
				                         "%s%" PRId64, j ? " " : "", ids[j]);
			used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%s)",
			                         count > 4 ? " ..." : "");
		}
	}
	return 0;
}

int record_rm(struct ctx *c, const struct entity_def *ent, int64_t id, struct err *e)
{
	if (ent->read_only)
		return err_set(e, ERR_USAGE, "%s is kept by muster, not removed", ent->name);
	struct record old;
	char deps[700], what[160];
	if (db_begin(c->db, e) < 0)
		return -1;
	if (record_get(c, ent, id, &old, e) < 0) {
		db_rollback(c->db);
		return -1;
	}
	record_describe(&old, what, sizeof what);
	int ret = lead_row_allows(c, ent->table, id, LEAD_RM, e);
	if (ret == 0)
		ret = dependents(c, ent, id, deps, sizeof deps, e);
	if (ret == 0 && deps[0])
		ret = err_set(e, ERR_REFUSED, "%s is still used by %s; remove those first", what,
		              deps);
	/* logged while the row is there, so the entry knows its event */
	if (ret == 0)
		ret = audit_row(c, "rm", &old, NULL, 0, e, "rm %s", what);
	if (ret == 0)
		ret = record_store_delete(c->db, ent->table, id, e);
	if (ret == 0 && ent->after_write)
		ret = ent->after_write(c, &old, "rm", e);
	record_free(&old);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}
