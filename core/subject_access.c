/* subject_access.c - the person export as JSON, built with jansson (the only
 * file that includes it). Rows come from db/privacy_store.c, which finds
 * the tables that point at a person in the schema; the entity table of
 * core/entity.c tells which integer columns are times and which name
 * another row. */
#include "subject_access.h"

#include <inttypes.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../db/privacy_store.h"
#include "audit.h"
#include "entity.h"
#include "privacy.h"
#include "tz.h"
#include "xmalloc.h"

/* A JSON string from stored text; bytes that are not UTF-8 become '?'. */
static json_t *text(const char *s)
{
	json_t *j = json_string(s);
	if (j)
		return j;
	char *copy = xstrdup(s);
	for (char *p = copy; *p; p++)
		if ((unsigned char)*p >= 0x80)
			*p = '?';
	j = json_string(copy);
	free(copy);
	return j ? j : json_null();
}

static json_t *utc(int64_t t)
{
	char buf[40];
	tz_format_utc(t, buf, sizeof buf);
	return json_string(buf);
}

static const struct field_def *field_of(const struct entity_def *ent, const char *name)
{
	int i = ent ? entity_field_index(ent, name) : -1;
	return i < 0 ? NULL : &ent->fields[i];
}

/* The label of row id of entity name (NULL when it has none); malloc'd. */
static char *label_of(struct ctx *c, const char *entity, int64_t id)
{
	const struct entity_def *ent = entity_find(entity);
	struct record r;
	if (!ent || !ent->label || record_get(c, ent, id, &r, NULL) < 0)
		return NULL;
	const char *l = record_text(&r, ent->label);
	char *out = l ? xstrdup(l) : NULL;
	record_free(&r);
	return out;
}

/* What a reference names, for a person to read: "<col>_name" from the row's
 * label; for a row without one (a shift, a session's times) its span and
 * the names it refers to in turn: "shift_role", "shift_room", "shift_event". */
static void add_referent(struct ctx *c, json_t *obj, const char *col, const struct field_def *f,
                         int64_t id)
{
	const struct entity_def *to = entity_find(f->ref);
	struct record r;
	if (!to || record_get(c, to, id, &r, NULL) < 0)
		return;
	char key[96];
	const char *label = to->label ? record_text(&r, to->label) : NULL;
	if (label) {
		snprintf(key, sizeof key, "%s_name", col);
		json_object_set_new(obj, key, text(label));
	}
	static const char *const span[] = {"starts", "ends"};
	for (size_t i = 0; i < 2 && strcmp(to->name, "event") != 0; i++) {
		if (!record_has_any(&r, span[i]))
			continue;
		snprintf(key, sizeof key, "%s_%s", col, span[i]);
		json_object_set_new(obj, key, utc(record_int(&r, span[i])));
	}
	for (size_t i = 0; !label && i < to->nfields; i++) {
		const struct field_def *g = &to->fields[i];
		if (g->type != FT_REF || strcmp(g->ref, "person") == 0 || r.v[i].kind != DBV_INT)
			continue;
		char *name = label_of(c, g->ref, r.v[i].i);
		snprintf(key, sizeof key, "%s_%s", col, g->name);
		if (name)
			json_object_set_new(obj, key, text(name));
		free(name);
	}
	record_free(&r);
}

/* One value by its field's type (or as stored when the table is unknown). */
static json_t *value(const struct field_def *f, const struct db_value *v)
{
	if (v->kind == DBV_NULL)
		return json_null();
	if (v->kind == DBV_TEXT)
		return text(v->s);
	if (f && f->type == FT_TIME)
		return utc(v->i);
	if (f && f->type == FT_BOOL)
		return json_boolean(v->i);
	return json_integer(v->i);
}

struct rows {
	struct ctx *c;
	const struct entity_def *ent; /* NULL: a table the entity table does not know */
	json_t *list;
};

static int add_row(void *arg, const char *const *names, const struct db_value *vals, size_t n)
{
	struct rows *r = arg;
	json_t *obj = json_object();
	for (size_t i = 0; i < n; i++) {
		const struct field_def *f = field_of(r->ent, names[i]);
		if (f && (f->flags & F_SECRET))
			continue;
		json_object_set_new(obj, names[i], value(f, &vals[i]));
		if (f && f->type == FT_REF && vals[i].kind == DBV_INT &&
		    strcmp(f->ref, "person") != 0)
			add_referent(r->c, obj, names[i], f, vals[i].i);
	}
	json_array_append_new(r->list, obj);
	return 0;
}

static int add_records(struct ctx *c, int64_t person, const struct person_ref *refs, size_t nrefs,
                       json_t *doc, size_t *count, struct err *e)
{
	json_t *records = json_object();
	json_object_set_new(doc, "records", records);
	for (size_t i = 0; i < nrefs; i++) {
		const struct ref_rule *rule = privacy_rule(&refs[i]);
		struct rows r = {c, entity_find(refs[i].table), json_array()};
		json_t *t = json_object();
		json_object_set_new(t, "column", text(refs[i].column));
		json_object_set_new(
		    t, "on_erase", rule ? json_string(privacy_fate_name(rule->fate)) : json_null());
		json_object_set_new(t, "rows", r.list);
		/* two references from one table (none today): the second gets "table.column" */
		char key[140];
		snprintf(key, sizeof key, "%s", refs[i].table);
		if (json_object_get(records, key))
			snprintf(key, sizeof key, "%s.%s", refs[i].table, refs[i].column);
		json_object_set_new(records, key, t);
		if (privacy_store_rows(c->db, refs[i].table, refs[i].column, person, add_row, &r,
		                       e) < 0)
			return -1;
		*count += json_array_size(r.list);
	}
	return 0;
}

/* The person (every field but the PIN hash) and their organization. */
static int add_person(struct ctx *c, int64_t person, json_t *doc, char *code, size_t ncode,
                      struct err *e)
{
	struct record p;
	if (record_get(c, entity_find("person"), person, &p, e) < 0)
		return -1;
	json_t *obj = json_object();
	json_object_set_new(obj, "id", json_integer(person));
	for (size_t i = 0; i < p.ent->nfields; i++) {
		const struct field_def *f = &p.ent->fields[i];
		if (f->flags & F_SECRET)
			json_object_set_new(obj, "pin_set", json_boolean(p.v[i].kind != DBV_NULL));
		else
			json_object_set_new(obj, f->name, value(f, &p.v[i]));
	}
	json_object_set_new(doc, "person", obj);
	snprintf(code, ncode, "%s", record_text(&p, "volunteer_code"));
	json_t *org = json_null();
	struct record o;
	if (record_has(&p, "org") &&
	    record_get(c, entity_find("org"), record_int(&p, "org"), &o, NULL) == 0) {
		org = json_object();
		json_object_set_new(org, "id", json_integer(o.id));
		for (size_t i = 0; i < o.ent->nfields; i++)
			json_object_set_new(org, o.ent->fields[i].name,
			                    value(&o.ent->fields[i], &o.v[i]));
		record_free(&o);
	}
	json_object_set_new(doc, "organization", org);
	record_free(&p);
	return 0;
}

static int add_audit(struct ctx *c, int64_t person, const char *code, const struct person_ref *refs,
                     size_t nrefs, json_t *doc, struct err *e)
{
	char actor[96];
	snprintf(actor, sizeof actor, "kiosk:%s", code);
	struct rows r = {c, NULL, json_array()};
	json_object_set_new(doc, "audit", r.list);
	struct audit_filter f = {
	    .person = person, .kiosk_actor = actor, .refs = refs, .nrefs = nrefs};
	return privacy_store_audit_rows(c->db, &f, add_row, &r, e);
}

/* The "at" column of the audit entries is a time. */
static void audit_times(json_t *doc)
{
	size_t i;
	json_t *entry;
	json_array_foreach(json_object_get(doc, "audit"), i, entry)
	{
		json_t *at = json_object_get(entry, "at");
		if (json_is_integer(at))
			json_object_set_new(entry, "at", utc(json_integer_value(at)));
	}
}

static int build(struct ctx *c, int64_t person, json_t *doc, size_t *nrecords, struct err *e)
{
	char code[64];
	struct person_ref *refs;
	size_t nrefs;
	json_object_set_new(doc, "format", json_string("muster-subject-access"));
	json_object_set_new(doc, "version", json_integer(1));
	json_object_set_new(doc, "generated_at", utc(clock_now(c->clock)));
	if (add_person(c, person, doc, code, sizeof code, e) < 0 ||
	    privacy_refs(c, &refs, &nrefs, e) < 0)
		return -1;
	int ret = add_records(c, person, refs, nrefs, doc, nrecords, e);
	if (ret == 0)
		ret = add_audit(c, person, code, refs, nrefs, doc, e);
	audit_times(doc);
	free(refs);
	return ret;
}

int subject_access_export(struct ctx *c, int64_t person, FILE *out, size_t *nrecords, struct err *e)
{
	*nrecords = 0;
	json_t *doc = json_object();
	/* one read transaction: the document is one moment of the database */
	if (db_begin(c->db, e) < 0) {
		json_decref(doc);
		return -1;
	}
	int ret = build(c, person, doc, nrecords, e);
	if (ret == 0)
		ret = audit_log(c, "export", "person", person, e,
		                "person export %" PRId64 ": subject access, %zu records", person,
		                *nrecords);
	if (ret < 0) {
		db_rollback(c->db);
		json_decref(doc);
		return -1;
	}
	if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) < 0 || fputc('\n', out) < 0)
		ret = err_set(e, ERR_INPUT, "person export: cannot write the document");
	json_decref(doc);
	if (ret < 0) {
		db_rollback(c->db);
		return -1;
	}
	return db_commit(c->db, e);
}
