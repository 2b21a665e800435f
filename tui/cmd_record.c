/* cmd_record.c - list, show, add, set and rm for every entity, driven by
 * the entity table of core/entity.c. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/entity.h"
#include "../core/people_csv.h"
#include "../core/xmalloc.h"
#include "cmd.h"
#include "output.h"
#include "text.h"

/* Columns a listing shows: id, then every field that is not secret (and, in
 * a table, not long free text). */
static size_t list_columns(const struct entity_def *ent, enum out_format fmt, int *idx)
{
	size_t n = 0;
	idx[n++] = -1;
	for (size_t i = 0; i < ent->nfields; i++) {
		unsigned fl = ent->fields[i].flags;
		if ((fl & F_SECRET) || (fmt == OUT_TABLE && (fl & F_LONG)))
			continue;
		idx[n++] = (int)i;
	}
	return n;
}

struct list_ctx {
	struct output *o;
	int idx[ENTITY_MAX_FIELDS + 1];
	size_t ncols;
};

static int list_one(void *arg, const struct record *r)
{
	struct list_ctx *l = arg;
	char buf[ENTITY_MAX_FIELDS + 1][1024];
	const char *cells[ENTITY_MAX_FIELDS + 1];
	for (size_t i = 0; i < l->ncols; i++) {
		if (l->idx[i] < 0)
			snprintf(buf[i], sizeof buf[i], "%" PRId64, r->id);
		else
			record_format_field(r, (size_t)l->idx[i], buf[i], sizeof buf[i]);
		cells[i] = buf[i];
	}
	output_row(l->o, cells);
	return 0;
}

static int people_csv_row(void *arg, const char *const *cells)
{
	output_row(arg, cells);
	return 0;
}

/* People as a spreadsheet: org by name and a skills column, the columns
 * import people reads back. */
static int list_people_csv(struct app *a, int64_t event, FILE *out, struct err *e)
{
	struct output *o = output_begin(out, OUT_CSV, people_csv_columns(), NULL, PEOPLE_CSV_NCOLS);
	int ret = people_csv_export(&a->ctx, event, people_csv_row, o, e);
	output_end(o);
	return ret;
}

int cmd_list_rows(struct app *a, const struct entity_def *ent, const struct record_filter *rows,
                  enum out_format fmt, FILE *out, struct err *e)
{
	struct record_filter filter = *rows;
	struct list_ctx l;
	l.ncols = list_columns(ent, fmt, l.idx);
	const char *names[ENTITY_MAX_FIELDS + 1];
	bool numeric[ENTITY_MAX_FIELDS + 1];
	for (size_t i = 0; i < l.ncols; i++) {
		const struct field_def *f = l.idx[i] < 0 ? NULL : &ent->fields[l.idx[i]];
		names[i] = f ? f->name : "id";
		numeric[i] = !f || f->type == FT_INT || f->type == FT_REF || f->type == FT_BOOL;
	}
	l.o = output_begin(out, fmt, names, numeric, l.ncols);
	int ret = record_list(&a->ctx, ent, &filter, list_one, &l, e);
	output_end(l.o);
	return ret;
}

static int cmd_list(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const struct entity_def *ent;
	struct record_filter filter = {0};
	enum out_format fmt;
	if (cmd_entity(args->pos[0], &ent, e) < 0 || cmd_format(args, &fmt, e) < 0 ||
	    cmd_event_opt(args, &filter.event, e) < 0)
		return -1;
	if (fmt == OUT_CSV && strcmp(ent->name, "person") == 0)
		return list_people_csv(a, filter.event, out, e);
	return cmd_list_rows(a, ent, &filter, fmt, out, e);
}

static int cmd_show(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const struct entity_def *ent;
	int64_t id;
	struct record r;
	if (cmd_entity(args->pos[0], &ent, e) < 0 || args_id(args->pos[1], "id", &id, e) < 0 ||
	    record_get(&a->ctx, ent, id, &r, e) < 0)
		return -1;
	fprintf(out, "id: %" PRId64 "\n", r.id);
	for (size_t i = 0; i < ent->nfields; i++) {
		if (ent->fields[i].flags & F_SECRET) {
			if (strcmp(ent->fields[i].name, "pin_hash") == 0)
				fprintf(out, "pin: %s\n",
				        r.v[i].kind == DBV_NULL ? "not set" : "set");
			continue;
		}
		char raw[4096], clean[8192];
		record_format_field(&r, i, raw, sizeof raw);
		fprintf(out, "%s: %s\n", ent->fields[i].name,
		        text_sanitize(raw, clean, sizeof clean));
	}
	record_free(&r);
	return 0;
}

static int cmd_add(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const struct entity_def *ent;
	struct field_assign fa[ARGS_MAX];
	int64_t id;
	if (cmd_entity(args->pos[0], &ent, e) < 0 ||
	    field_assign_parse((char **)args->pos + 1, args->npos - 1, fa, e) < 0)
		return -1;
	if (cmd_override(a, args, e) < 0)
		return -1;
	if (record_add(&a->ctx, ent, fa, (size_t)args->npos - 1, &id, e) < 0) {
		err_prefix(e, "add %s", ent->name);
		cmd_explain(e);
		return -1;
	}
	fprintf(out, "%" PRId64 "\n", id);
	return 0;
}

static int cmd_set(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const struct entity_def *ent;
	struct field_assign fa[ARGS_MAX];
	int64_t id;
	(void)out;
	if (cmd_entity(args->pos[0], &ent, e) < 0 || args_id(args->pos[1], "id", &id, e) < 0 ||
	    field_assign_parse((char **)args->pos + 2, args->npos - 2, fa, e) < 0)
		return -1;
	if (cmd_override(a, args, e) < 0)
		return -1;
	if (record_set(&a->ctx, ent, id, fa, (size_t)args->npos - 2, e) < 0) {
		if (e->code != ERR_NOT_FOUND)
			err_prefix(e, "set %s %" PRId64, ent->name, id);
		cmd_explain(e);
		return -1;
	}
	return 0;
}

static int cmd_rm(struct app *a, const struct args *args, FILE *out, struct err *e)
{
	const struct entity_def *ent;
	int64_t id;
	(void)out;
	if (cmd_entity(args->pos[0], &ent, e) < 0 || args_id(args->pos[1], "id", &id, e) < 0 ||
	    cmd_override(a, args, e) < 0)
		return -1;
	if (record_rm(&a->ctx, ent, id, e) < 0) {
		if (e->code != ERR_NOT_FOUND)
			err_prefix(e, "rm");
		cmd_explain(e);
		return -1;
	}
	return 0;
}

/* What list takes: an entity's plural; the others take its name. */
static const char *entity_plural_at(size_t i)
{
	return entity_at(i) ? entity_at(i)->plural : NULL;
}

static const char *entity_name_at(size_t i)
{
	return entity_at(i) ? entity_at(i)->name : NULL;
}

/* add, set and rm: the entities that are not read-only (the audit log is). */
static const char *writable_entity_at(size_t i)
{
	for (size_t k = 0; entity_at(k); k++)
		if (!entity_at(k)->read_only && i-- == 0)
			return entity_at(k)->name;
	return NULL;
}

/* " (events, orgs, ...)": every entity list takes, from the entity table. */
static void list_help(FILE *out)
{
	for (size_t i = 0; entity_at(i); i++)
		fprintf(out, "%s%s", i ? ", " : " (", entity_at(i)->plural);
	fputc(')', out);
}

const struct command cmd_record_commands[] = {
    {
        .name = "list",
        .usage = "ENTITY [--event ID] [--format table|tsv|csv|json]",
        .opts = "event: format:",
        .min_pos = 1,
        .max_pos = 1,
        .help = "list rows of an entity",
        .help_more = list_help,
        .run = cmd_list,
        .word_at = entity_plural_at,
        .tables = "@",
        .act = LEAD_READ,
    },
    {
        .name = "show",
        .usage = "ENTITY ID",
        .min_pos = 2,
        .max_pos = 2,
        .help = "every field of one row, one key: value per line",
        .run = cmd_show,
        .word_at = entity_name_at,
        .tables = "@",
        .act = LEAD_READ,
    },
    {
        .name = "add",
        .usage = "ENTITY key=value... [--force --reason TEXT]",
        .opts = "force reason:",
        .min_pos = 1,
        .max_pos = ARGS_MAX,
        .help = "add a row; prints its id",
        .run = cmd_add,
        .word_at = writable_entity_at,
        .tables = "@",
        .act = LEAD_ADD,
    },
    {
        .name = "set",
        .usage = "ENTITY ID key=value... [--force --reason TEXT]",
        .opts = "force reason:",
        .min_pos = 2,
        .max_pos = ARGS_MAX,
        .help = "change fields of a row",
        .run = cmd_set,
        .word_at = writable_entity_at,
        .tables = "@",
        .act = LEAD_SET,
    },
    {
        .name = "rm",
        .usage = "ENTITY ID [--force --reason TEXT]",
        .opts = "force reason:",
        .min_pos = 2,
        .max_pos = 2,
        .help = "delete a row (refused while other rows depend on it)",
        .run = cmd_rm,
        .word_at = writable_entity_at,
        .tables = "@",
        .act = LEAD_RM,
    },
    {.name = NULL},
};
