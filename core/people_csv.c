/* people_csv.c - people from and to spreadsheet CSV. The import reads the
 * file with csv_reader, parses every cell with the person entity's own rules
 * (record_parse_field), runs the entity's hooks, and writes through the
 * prepared statements of db/person_store.c, all in one transaction, so a bad
 * row anywhere leaves the database as it was. */
#define _POSIX_C_SOURCE 200809L
#include "people_csv.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "array.h"
#include "../db/person_store.h"
#include "../db/search_store.h"
#include "../db/signup_store.h"
#include "lead.h"
#include "person.h"
#include "registration.h"
#include "signup.h"
#include "suggest.h"
#include "strbuf.h"
#include "tz.h"
#include "utf8.h"
#include "xmalloc.h"

enum col {
	COL_ID,
	COL_NAME,
	COL_EMAIL,
	COL_PHONE,
	COL_ORG,
	COL_BIRTH_DATE,
	COL_CONFIDENTIAL,
	COL_CODE,
	COL_NOTES,
	COL_SKILLS,
	COL_SESSIONS, /* import only, with an event */
};
/* The columns an import reads: the export's, and sessions. */
#define IMPORT_NCOLS (COL_SESSIONS + 1)
#define COL_BLANK    (-1) /* a header cell left empty */

/* The spreadsheet columns, in export order (then those only an import
 * reads): the name, the person field a cell is parsed into (NULL: handled
 * apart), and whether blanks around the value are part of it. */
static const struct column {
	const char *name;
	const char *field;
	bool keep_blanks;
} columns[IMPORT_NCOLS] = {
    [COL_ID] = {.name = "id", .field = NULL, .keep_blanks = false},
    [COL_NAME] = {.name = "name", .field = "name", .keep_blanks = false},
    [COL_EMAIL] = {.name = "email", .field = "email", .keep_blanks = false},
    [COL_PHONE] = {.name = "phone", .field = "phone", .keep_blanks = false},
    [COL_ORG] = {.name = "org", .field = NULL, .keep_blanks = false},
    [COL_BIRTH_DATE] = {.name = "birth_date", .field = "birth_date", .keep_blanks = false},
    [COL_CONFIDENTIAL] = {.name = "confidential", .field = "confidential", .keep_blanks = false},
    [COL_CODE] = {.name = "volunteer_code", .field = NULL, .keep_blanks = false},
    [COL_NOTES] = {.name = "notes", .field = "notes", .keep_blanks = true},
    [COL_SKILLS] = {.name = "skills", .field = NULL, .keep_blanks = false},
    [COL_SESSIONS] = {.name = "sessions", .field = NULL, .keep_blanks = false},
};

/* Person ids this import has written, with the line that first named them. */
struct seen {
	int64_t *key;
	long *line;
	size_t cap, n;
};

/* Organization or skill ids by name (ASCII case folded, as SQLite's NOCASE),
 * so that rows naming the same few organizations do not look each up. */
struct name_cache {
	char **key;
	int64_t *id;
	size_t cap, n;
	size_t max; /* entries it may hold; 0: CACHE_MAX */
};

/* The emails and volunteer codes this import wrote (ASCII case folded, as
 * the lookups' NOCASE). When the table held nobody at the start, a value
 * not in them is in no row: the row needs no lookup in the database. */
struct written {
	bool complete; /* the table started empty and every value is held */
	struct name_cache emails, codes;
};

struct importer {
	struct ctx *c;
	const struct entity_def *ent;
	struct person_store *ps;
	const struct people_csv_opts *o;
	struct people_csv_stats *st;
	const char *file;
	bool header_done;
	int *map; /* header position -> enum col or COL_BLANK */
	size_t nmap;
	int at[IMPORT_NCOLS]; /* enum col -> header position, -1 = absent */
	int fi[PERSON_NCOLS]; /* enum person_col -> entity field index */
	int cf[IMPORT_NCOLS]; /* enum col -> entity field index, -1 = none */
	struct seen seen;
	struct name_cache orgs, skills, sessions;
	struct written written;
	long line;
	unsigned char pool[4096]; /* random bytes for volunteer codes */
	size_t pool_used;
	int64_t first_added, last_added; /* ids of the people added, for the summary */
};

struct skill_item {
	const char *name;
	char expires[11]; /* "" = never */
};

struct skill_list {
	struct skill_item *v;
	size_t n, cap;
};

/* What one row did to its person. */
struct outcome {
	int64_t id;
	bool added, repeated, renamed;
	char changed[256]; /* names of changed fields, space separated */
};

/* The names of the columns an import reads (the export's come first). */
static const char *const *import_columns(void)
{
	static const char *names[IMPORT_NCOLS];
	for (size_t i = 0; i < IMPORT_NCOLS; i++)
		names[i] = columns[i].name;
	return names;
}

const char *const *people_csv_columns(void)
{
	return import_columns();
}

/* ---- small helpers ------------------------------------------------------ */

/* A value shown inside a one-line message: controls replaced, cut at 60 bytes. */
static const char *shown(const char *s, char *buf, size_t n)
{
	size_t k = 0;
	/* cut after 60 bytes, but never inside a UTF-8 sequence */
	for (; *s && k + 4 < n && (k < 60 || utf8_is_cont((unsigned char)*s)); s++)
		buf[k++] = (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s;
	if (*s && k + 4 < n)
		memcpy(buf + k, "...", 3), k += 3;
	buf[k] = '\0';
	return buf;
}

/* Messages are one line: control characters from cell values become spaces. */
static void one_line(struct err *e)
{
	if (!e)
		return;
	for (char *p = e->msg; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
}

static char *trim(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	size_t n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	return s;
}

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

static void seen_grow(struct seen *s)
{
	struct seen old = *s;
	s->cap = old.cap ? old.cap * 2 : 1024;
	s->key = xcalloc(s->cap, sizeof *s->key);
	s->line = xcalloc(s->cap, sizeof *s->line);
	s->n = 0;
	for (size_t i = 0; i < old.cap; i++) {
		if (!old.key[i])
			continue;
		size_t h = (size_t)old.key[i] * 0x9e3779b97f4a7c15u & (s->cap - 1);
		while (s->key[h])
			h = (h + 1) & (s->cap - 1);
		s->key[h] = old.key[i], s->line[h] = old.line[i], s->n++;
	}
	free(old.key);
	free(old.line);
}

/* The line that first named person id (0 when none); with add, record line. */
static long seen_at(struct seen *s, int64_t id, long add)
{
	if (add && (s->n + 1) * 2 > s->cap)
		seen_grow(s);
	if (!s->cap)
		return 0;
	size_t h = (size_t)id * 0x9e3779b97f4a7c15u & (s->cap - 1);
	while (s->key[h] && s->key[h] != id)
		h = (h + 1) & (s->cap - 1);
	if (s->key[h])
		return s->line[h];
	if (add)
		s->key[h] = id, s->line[h] = add, s->n++;
	return 0;
}

static size_t name_hash(const char *s, size_t cap)
{
	size_t h = 14695981039346656037u;
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower((unsigned char)*s)) * 1099511628211u;
	return h & (cap - 1);
}

static size_t cache_slot(const struct name_cache *nc, const char *name)
{
	size_t h = name_hash(name, nc->cap);
	while (nc->key[h] && strcasecmp(nc->key[h], name) != 0)
		h = (h + 1) & (nc->cap - 1);
	return h;
}

static int64_t cache_get(const struct name_cache *nc, const char *name)
{
	if (!nc->cap)
		return 0;
	size_t h = cache_slot(nc, name);
	return nc->key[h] ? nc->id[h] : 0;
}

/* What the caches may hold, so no file makes them grow past a few MiB: a
 * name beyond these is looked up in the database each time instead. */
#define CACHE_NAME_MAX 256
#define CACHE_MAX      16384
#define WRITTEN_MAX    (1 << 18) /* emails or codes: past this, lookups again */

/* false when the name was not stored (too long, or the cache is full). */
static bool cache_put(struct name_cache *nc, const char *name, int64_t id)
{
	size_t max = nc->max ? nc->max : CACHE_MAX;
	if (strlen(name) > CACHE_NAME_MAX || (nc->n >= max && !cache_get(nc, name)))
		return false;
	if ((nc->n + 1) * 2 > nc->cap) {
		struct name_cache old = *nc;
		nc->cap = old.cap ? old.cap * 2 : 64;
		nc->key = xcalloc(nc->cap, sizeof *nc->key);
		nc->id = xcalloc(nc->cap, sizeof *nc->id);
		for (size_t i = 0; i < old.cap; i++) {
			if (!old.key[i])
				continue;
			size_t h = cache_slot(nc, old.key[i]);
			nc->key[h] = old.key[i], nc->id[h] = old.id[i];
		}
		free(old.key);
		free(old.id);
	}
	size_t h = cache_slot(nc, name);
	if (!nc->key[h])
		nc->key[h] = xstrdup(name), nc->n++;
	nc->id[h] = id;
	return true;
}

static void cache_free(struct name_cache *nc)
{
	for (size_t i = 0; i < nc->cap; i++)
		free(nc->key[i]);
	free(nc->key);
	free(nc->id);
}

/* ---- what this import wrote -------------------------------------------- */

static int written_start(struct importer *im, struct err *e)
{
	im->written.emails.max = im->written.codes.max = WRITTEN_MAX;
	return person_store_none(im->ps, &im->written.complete, e);
}

/* Person id now holds email and code (either may be NULL). */
static void written_add(struct importer *im, int64_t id, const char *email, const char *code)
{
	struct written *w = &im->written;
	if (w->complete && email && !cache_put(&w->emails, email, id))
		w->complete = false;
	if (w->complete && code && !cache_put(&w->codes, code, id))
		w->complete = false;
}

/* false when no row can hold value: no need to ask the database. */
static bool written_maybe(const struct importer *im, const struct name_cache *nc, const char *value)
{
	return !im->written.complete || cache_get(nc, value) != 0;
}

static void note_change(struct outcome *out, const char *what)
{
	size_t used = strlen(out->changed);
	snprintf(out->changed + used, sizeof out->changed - used, "%s%s", used ? " " : "", what);
}

/* ---- the header row ----------------------------------------------------- */

/* "Birth Date" -> "birth_date". */
static void normalize(const char *in, char *out, size_t n)
{
	char tmp[128];
	snprintf(tmp, sizeof tmp, "%s", in);
	char *s = trim(tmp);
	size_t k = 0;
	for (; *s && k + 1 < n; s++)
		out[k++] = *s == ' ' || *s == '-' ? '_' : (char)tolower((unsigned char)*s);
	out[k] = '\0';
}

/* Other spellings spreadsheets use for a column. */
static const struct alias {
	const char *name;
	enum col col;
} aliases[] = {
    {.name = "e_mail", .col = COL_EMAIL},
    {.name = "email_address", .col = COL_EMAIL},
    {.name = "organization", .col = COL_ORG},
    {.name = "organisation", .col = COL_ORG},
};

static int column_find(const char *name)
{
	for (int i = 0; i < IMPORT_NCOLS; i++)
		if (strcmp(name, columns[i].name) == 0)
			return i;
	for (size_t i = 0; i < ARRAY_LEN(aliases); i++)
		if (strcmp(name, aliases[i].name) == 0)
			return (int)aliases[i].col;
	return -1;
}

static void column_list(char *buf, size_t n)
{
	size_t used = 0;
	for (int i = 0; i < IMPORT_NCOLS; i++)
		used += (size_t)snprintf(buf + used, used < n ? n - used : 0, "%s%s", i ? ", " : "",
		                         columns[i].name);
}

static int unknown_column(const char *raw, const char *name, bool none_known, struct err *e)
{
	char q[80], all[200];
	const char *near = suggest_closest(name, import_columns(), IMPORT_NCOLS);
	column_list(all, sizeof all);
	if (near)
		return err_set(e, ERR_INPUT, "unknown column \"%s\"; did you mean %s?",
		               shown(raw, q, sizeof q), near);
	return err_set(e, ERR_INPUT, "unknown column \"%s\"%s (columns: %s)",
	               shown(raw, q, sizeof q),
	               none_known ? "; the first row must name the columns" : "", all);
}

static int header(struct importer *im, const struct csv_row *row, struct err *e)
{
	im->map = xcalloc(row->n, sizeof *im->map);
	im->nmap = row->n;
	for (int k = 0; k < IMPORT_NCOLS; k++)
		im->at[k] = -1;
	bool none_known = true;
	for (size_t i = 0; i < row->n; i++) {
		char name[64];
		normalize(row->f[i], name, sizeof name);
		im->map[i] = COL_BLANK;
		if (!name[0])
			continue;
		int k = column_find(name);
		if (k < 0)
			return unknown_column(row->f[i], name, none_known, e);
		if (im->at[k] >= 0)
			return err_set(e, ERR_INPUT, "column %s appears twice in the header",
			               columns[k].name);
		im->at[k] = (int)i;
		im->map[i] = k;
		none_known = false;
	}
	if (im->at[COL_SESSIONS] >= 0 && !im->o->event)
		return err_set(e, ERR_INPUT,
		               "the sessions column signs people up for sessions of an event: "
		               "give --event ID");
	if (im->at[COL_NAME] < 0) {
		char all[200];
		column_list(all, sizeof all);
		return err_set(e, ERR_INPUT,
		               "the header row has no name column (the first row must name the "
		               "columns: %s)",
		               all);
	}
	return 0;
}

/* ---- one data row ------------------------------------------------------- */

/* Spread a row's fields over the columns; NULL for an empty cell. *any tells
 * whether the row holds anything at all. */
static int split_cells(struct importer *im, const struct csv_row *row, char **cell, bool *any,
                       struct err *e)
{
	char q[80];
	*any = false;
	for (size_t i = 0; i < row->n; i++) {
		bool empty = blank(row->f[i]);
		*any |= !empty;
		if (i >= im->nmap || im->map[i] == COL_BLANK) {
			if (empty)
				continue;
			if (i >= im->nmap)
				return err_set(e, ERR_INPUT,
				               "%zu fields, but the header names %zu columns "
				               "(extra field \"%s\")",
				               row->n, im->nmap, shown(row->f[i], q, sizeof q));
			return err_set(e, ERR_INPUT,
			               "field %zu (\"%s\") is under a column with no name in the "
			               "header",
			               i + 1, shown(row->f[i], q, sizeof q));
		}
		const struct column *col = &columns[im->map[i]];
		/* every cell, those parsed apart (org, skills, code) too */
		if (!empty &&
		    utf8_check_field(col->name, row->f[i], im->map[i] == COL_NOTES, e) < 0)
			return -1;
		cell[im->map[i]] = empty ? NULL : col->keep_blanks ? row->f[i] : trim(row->f[i]);
	}
	return 0;
}

/* "First aid;Interpreter: Khmer (until 2027-06-30)" -> items (in place). */
static int parse_skills(char *text, struct skill_list *out, struct err *e)
{
	char q[80];
	for (char *tok = text, *next; tok; tok = next) {
		next = strchr(tok, ';');
		if (next)
			*next++ = '\0';
		char *name = trim(tok), *open = strrchr(name, '(');
		if (!*name)
			continue;
		struct skill_item item = {name, ""};
		size_t len = strlen(name);
		if (open && name[len - 1] == ')' && strncasecmp(open + 1, "until ", 6) == 0) {
			name[len - 1] = '\0';
			*open = '\0';
			int y, m, d;
			const char *date = trim(open + 7);
			item.name = trim(name);
			/* the name first: "(until 2027-13-45)" alone has none */
			if (!*item.name)
				return err_set(e, ERR_INPUT,
				               "skills: \"(until %s)\" has no skill name before it",
				               shown(date, q, sizeof q));
			if (tz_parse_date(date, &y, &m, &d, e) < 0) {
				err_prefix(e, "skills: %s", shown(item.name, q, sizeof q));
				return -1;
			}
			snprintf(item.expires, sizeof item.expires, "%04d-%02d-%02d", y, m, d);
		}
		size_t k = 0;
		while (k < out->n && strcasecmp(out->v[k].name, item.name) != 0)
			k++;
		if (k < out->n) { /* named twice: the later mention wins */
			out->v[k] = item;
			continue;
		}
		XGROW(out->v, out->n, out->cap, 8);
		out->v[out->n++] = item;
	}
	return 0;
}

static int add_named(struct importer *im, const char *entity, int64_t id, const char *name,
                     struct err *e)
{
	char summary[512], q[80];
	snprintf(summary, sizeof summary, "add %s %" PRId64 " (%s) from %s line %ld", entity, id,
	         shown(name, q, sizeof q), im->file, im->line);
	return person_store_audit(im->ps, clock_now(im->c->clock), im->c->actor, "add", entity, id,
	                          summary, e);
}

/* The org column: the organization of that name, created when new. */
static int resolve_org(struct importer *im, const char *name, struct record *r, struct err *e)
{
	int64_t id = cache_get(&im->orgs, name);
	bool created = false;
	if (!id && person_store_org(im->ps, name, true, &id, &created, e) < 0)
		return -1;
	cache_put(&im->orgs, name, id);
	if (created) {
		im->st->orgs_added++;
		if (add_named(im, "org", id, name, e) < 0 ||
		    lead_row_allows(im->c, "org", id, LEAD_ADD, e) < 0)
			return -1;
	} else if (lead_row_allows(im->c, "org", id, LEAD_READ, e) < 0) {
		return -1;
	}
	record_set_int(r, "org", id);
	return 0;
}

/* Cells into a person record (and the code and skills beside it). */
static int parse_row(struct importer *im, char **cell, struct record *r, char *code,
                     struct skill_list *skills, struct err *e)
{
	char q[80];
	for (int k = 0; k < IMPORT_NCOLS; k++) {
		if (im->cf[k] < 0 || !cell[k])
			continue;
		if (record_parse_field(im->c, r, (size_t)im->cf[k], cell[k], e) < 0)
			return -1;
	}
	if (!cell[COL_NAME])
		return err_set(e, ERR_INPUT, "name: required");
	code[0] = '\0';
	if (cell[COL_CODE]) {
		snprintf(code, PERSON_CODE_LEN + 2, "%s", cell[COL_CODE]);
		if (person_code_normalize(code) < 0)
			return err_set(e, ERR_INPUT,
			               "volunteer_code: \"%s\" is not a volunteer code (%d of %s)",
			               shown(cell[COL_CODE], q, sizeof q), PERSON_CODE_LEN,
			               PERSON_CODE_ALPHABET);
	}
	if (cell[COL_SKILLS] && parse_skills(cell[COL_SKILLS], skills, e) < 0)
		return -1;
	if (cell[COL_ORG] && resolve_org(im, cell[COL_ORG], r, e) < 0)
		return -1;
	return 0;
}

/* Field i of r in store column order, borrowed. */
static void store_values(const struct importer *im, const struct record *r, struct db_value *v)
{
	for (int k = 0; k < PERSON_NCOLS; k++)
		v[k] = r->v[im->fi[k]];
}

/* A random index below n (n <= 256) from the pool, refilled 4 KiB at a time
 * rather than one system call per character. */
static unsigned pool_pick(struct importer *im, unsigned n)
{
	unsigned limit = 256 - 256 % n;
	for (;;) {
		if (im->pool_used == sizeof im->pool) {
			randombytes_buf(im->pool, sizeof im->pool);
			im->pool_used = 0;
		}
		unsigned b = im->pool[im->pool_used++];
		if (b < limit)
			return b % n;
	}
}

static void random_code(struct importer *im, char *buf)
{
	static const char alphabet[] = PERSON_CODE_ALPHABET;
	for (int i = 0; i < PERSON_CODE_LEN; i++)
		buf[i] = alphabet[pool_pick(im, sizeof alphabet - 1)];
	buf[PERSON_CODE_LEN] = '\0';
}

/* Insert r. A random code is not looked up first: a clash is rare (about one
 * draw in 2,400 with 100,000 people stored), the code's UNIQUE index reports
 * it, and another is drawn. */
static int insert_person(struct importer *im, struct record *r, bool random, int64_t *id,
                         struct err *e)
{
	struct db_value v[PERSON_NCOLS];
	for (int attempt = 0;; attempt++) {
		struct err why = {0};
		bool used = false;
		store_values(im, r, v);
		if (person_store_insert(im->ps, v, id, &why) == 0)
			return 0;
		if (random && attempt < 100 && why.code == ERR_REFUSED &&
		    person_store_code_used(im->ps, record_text(r, "volunteer_code"), &used, e) < 0)
			return -1;
		if (!used) {
			if (e)
				*e = why;
			return -1;
		}
		char code[PERSON_CODE_LEN + 1];
		random_code(im, code);
		record_set_text(r, "volunteer_code", code);
	}
}

static int add_person(struct importer *im, struct record *r, const char *code, struct outcome *out,
                      struct err *e)
{
	const struct entity_def *ent = im->ent;
	bool used = false;
	if (!record_has(r, "confidential"))
		record_set_int(r, "confidential", 0);
	if (code[0] && written_maybe(im, &im->written.codes, code) &&
	    person_store_code_used(im->ps, code, &used, e) < 0)
		return -1;
	bool random = !code[0] || used;
	if (!random) {
		record_set_text(r, "volunteer_code", code);
	} else {
		char fresh[PERSON_CODE_LEN + 1];
		im->st->new_codes += code[0] != '\0';
		random_code(im, fresh);
		record_set_text(r, "volunteer_code", fresh);
	}
	if ((ent->prepare && ent->prepare(im->c, r, NULL, e) < 0) ||
	    (ent->validate && ent->validate(im->c, r, NULL, e) < 0) ||
	    insert_person(im, r, random, &out->id, e) < 0)
		return -1;
	r->id = out->id;
	written_add(im, out->id, record_text(r, "email"), record_text(r, "volunteer_code"));
	out->added = true;
	im->st->added++;
	im->st->no_email += !record_has(r, "email");
	return 0;
}

static bool same_value(const struct db_value *a, const struct db_value *b)
{
	return a->kind == b->kind && (a->kind == DBV_NULL || (a->kind == DBV_INT && a->i == b->i) ||
	                              (a->kind == DBV_TEXT && strcmp(a->s, b->s) == 0));
}

/* The stored person, as a record, for the entity's validate hook. */
static void stored_record(const struct importer *im, int64_t id, const struct db_value *v,
                          struct record *old)
{
	record_init(old, im->ent);
	old->id = id;
	for (int k = 0; k < PERSON_NCOLS; k++)
		old->v[im->fi[k]] = v[k];
}

/* Merge the row into stored person id: filled cells win, the code stays,
 * confidential is never cleared. */
static int update_person(struct importer *im, struct record *r, struct outcome *out, struct err *e)
{
	struct db_value old[PERSON_NCOLS], v[PERSON_NCOLS];
	if (person_store_get(im->ps, out->id, old, e) < 0)
		return -1;
	int ret = 0;
	store_values(im, r, v);
	for (int k = 0; k < PERSON_NCOLS; k++) {
		bool keep = v[k].kind == DBV_NULL || k == PERSON_CODE ||
		            (k == PERSON_CONFIDENTIAL && old[k].kind == DBV_INT && old[k].i);
		if (keep)
			v[k] = old[k];
		if (!same_value(&v[k], &old[k]))
			note_change(out, person_store_column((enum person_col)k));
	}
	out->renamed = !same_value(&v[PERSON_NAME], &old[PERSON_NAME]);
	if (out->changed[0]) {
		struct record before, after;
		stored_record(im, out->id, old, &before);
		stored_record(im, out->id, v, &after);
		if (im->ent->validate)
			ret = im->ent->validate(im->c, &after, &before, e);
		if (ret == 0)
			ret = person_store_update(im->ps, out->id, v, e);
		if (ret == 0)
			written_add(im, out->id,
			            v[PERSON_EMAIL].kind == DBV_TEXT ? v[PERSON_EMAIL].s : NULL,
			            NULL);
	}
	for (int k = 0; k < PERSON_NCOLS; k++)
		db_value_clear(&old[k]);
	return ret;
}

/* Which stored person the row is: by email, else by volunteer code and name. */
static int match(struct importer *im, const struct record *r, const char *code, int64_t *id,
                 struct err *e)
{
	const char *email = record_text(r, "email");
	*id = 0;
	if (email && written_maybe(im, &im->written.emails, email) &&
	    person_store_by_email(im->ps, email, id, e) < 0)
		return -1;
	if (!*id && code[0] && written_maybe(im, &im->written.codes, code) &&
	    person_store_by_code_name(im->ps, code, record_text(r, "name"), id, e) < 0)
		return -1;
	return 0;
}

/* A second row for a person of this file: fine for the same name (a form
 * sent twice), an error for another name (two people sharing an email). */
static int repeated(struct importer *im, const struct record *r, long first, struct err *e)
{
	struct db_value v[PERSON_NCOLS];
	char q1[80], q2[80], q3[80];
	if (person_store_get(im->ps, r->id, v, e) < 0)
		return -1;
	int ret = 0;
	if (strcasecmp(v[PERSON_NAME].s, record_text(r, "name")) != 0)
		ret = err_set(e, ERR_INPUT,
		              "email %s is also on line %ld, for %s, not %s; "
		              "one email belongs to one person",
		              shown(record_text(r, "email"), q1, sizeof q1), first,
		              shown(v[PERSON_NAME].s, q2, sizeof q2),
		              shown(record_text(r, "name"), q3, sizeof q3));
	for (int k = 0; k < PERSON_NCOLS; k++)
		db_value_clear(&v[k]);
	return ret;
}

/* A held skill's expiry changes: the person_skill entity's validate hook
 * judges the assignments that rest on it again (SPEC rule 8). */
static int link_change(struct importer *im, int64_t person, int64_t skill, int64_t link,
                       const char *had, const char *expires, struct err *e)
{
	const struct entity_def *ent = entity_find("person_skill");
	if (ent->validate) {
		struct record before, after;
		record_init(&before, ent);
		record_set_int(&before, "person", person);
		record_set_int(&before, "skill", skill);
		record_set_text(&before, "expires", had[0] ? had : NULL);
		record_init(&after, ent);
		record_set_int(&after, "person", person);
		record_set_int(&after, "skill", skill);
		record_set_text(&after, "expires", expires);
		before.id = after.id = link;
		int ret = ent->validate(im->c, &after, &before, e);
		record_free(&before);
		record_free(&after);
		if (ret < 0)
			return -1;
	}
	return person_store_link_set(im->ps, link, expires, e);
}

/* Link the person to one skill; *changed when something was written. */
static int link_skill(struct importer *im, const struct outcome *out, int64_t skill,
                      const char *expires, bool *changed, struct err *e)
{
	int64_t link = 0;
	char had[16];
	*changed = true;
	if (!out->added &&
	    person_store_link_find(im->ps, out->id, skill, &link, had, sizeof had, e) < 0)
		return -1;
	if (!link && out->added) /* a new person's: written with others' in one go */
		return person_store_link_queue(im->ps, out->id, skill, expires, e);
	if (!link) /* a new skill can only help: nothing to judge again */
		return person_store_link_add(im->ps, out->id, skill, expires, e);
	if (strcmp(had, expires ? expires : "") == 0) {
		*changed = false;
		return 0;
	}
	return link_change(im, out->id, skill, link, had, expires, e);
}

static int link_skills(struct importer *im, const struct skill_list *skills, struct outcome *out,
                       struct err *e)
{
	bool any = false;
	for (size_t i = 0; i < skills->n; i++) {
		int64_t skill = cache_get(&im->skills, skills->v[i].name);
		bool created = false, changed;
		const char *exp = skills->v[i].expires[0] ? skills->v[i].expires : NULL;
		if (!skill &&
		    person_store_skill(im->ps, skills->v[i].name, true, &skill, &created, e) < 0)
			return -1;
		cache_put(&im->skills, skills->v[i].name, skill);
		if (created) {
			im->st->skills_added++;
			if (add_named(im, "skill", skill, skills->v[i].name, e) < 0 ||
			    lead_allows(im->c, "skill", LEAD_ADD, e) < 0)
				return -1;
		}
		if (lead_allows(im->c, "person_skill", LEAD_ADD, e) < 0 ||
		    link_skill(im, out, skill, exp, &changed, e) < 0)
			return -1;
		any |= changed;
	}
	if (any && !out->added)
		note_change(out, "skills");
	return 0;
}

/* --event: register through the registration rules (capacity, waitlist).
 * A registration already there is left as it is, a cancelled one too: an
 * old sheet must not undo someone's cancellation. */
static int register_person(struct importer *im, int64_t person, struct err *e)
{
	int64_t reg;
	char status[16];
	if (person_store_registration(im->ps, im->o->event, person, &reg, status, sizeof status,
	                              e) < 0)
		return -1;
	if (reg) {
		if (strcmp(status, "cancelled") == 0)
			im->st->left_cancelled++;
		else
			im->st->already_registered++;
		return 0;
	}
	if (registration_register(im->c, im->o->event, person, im->o->kind, &reg, e) < 0 ||
	    person_store_registration(im->ps, im->o->event, person, &reg, status, sizeof status,
	                              e) < 0)
		return -1;
	im->st->registered++;
	im->st->waitlisted += registration_waitlisted(status);
	return 0;
}

/* One token of the sessions column: a session of the event by UID or by
 * title (any case), looked up once per import. */
static int session_named(struct importer *im, const char *token, int64_t *id, struct err *e)
{
	char q[80];
	int matches;
	if ((*id = cache_get(&im->sessions, token)) != 0)
		return 0;
	if (signup_store_session_named(im->c->db, im->o->event, token, id, &matches, e) < 0)
		return -1;
	if (matches == 0)
		return err_set(e, ERR_INPUT,
		               "sessions: no session \"%s\" in event %" PRId64
		               " (give a session's UID or its title)",
		               shown(token, q, sizeof q), im->o->event);
	if (matches > 1)
		return err_set(e, ERR_INPUT,
		               "sessions: \"%s\" is the title of several sessions of event %" PRId64
		               "; give the session's UID",
		               shown(token, q, sizeof q), im->o->event);
	cache_put(&im->sessions, token, *id);
	return 0;
}

/* The sessions column: sign the person up for each (seated or waitlisted,
 * under every rule); a sign-up already held is left as it is. */
static int sign_up(struct importer *im, int64_t person, char *text, struct err *e)
{
	for (char *tok = text, *next; tok; tok = next) {
		next = strchr(tok, ';');
		if (next)
			*next++ = '\0';
		tok = trim(tok);
		if (!*tok)
			continue;
		int64_t session, signup;
		char where[128];
		if (session_named(im, tok, &session, e) < 0 ||
		    signup_find(im->c, session, person, &signup, e) < 0 ||
		    signup_describe(im->c, session, person, where, sizeof where, e) < 0)
			return -1;
		if (signup && strcmp(where, "cancelled") != 0) {
			im->st->already_signed_up++;
			continue;
		}
		if (signup_register(im->c, session, person, &signup, e) < 0 ||
		    signup_describe(im->c, session, person, where, sizeof where, e) < 0) {
			err_prefix(e, "sessions");
			return -1;
		}
		im->st->signed_up++;
		im->st->signup_waitlisted += strncmp(where, "waitlisted", 10) == 0;
	}
	return 0;
}

/* A changed person gets an audit entry of its own. The people added are
 * named by their ids in the one summary entry of the import (finish): an
 * entry per added row cost a seventh of a 100,000-row import. */
static int audit_outcome(struct importer *im, const struct record *r, const struct outcome *out,
                         struct err *e)
{
	char summary[700], q[80];
	if (out->added) {
		if (!im->first_added || out->id < im->first_added)
			im->first_added = out->id;
		if (out->id > im->last_added)
			im->last_added = out->id;
		return 0;
	}
	if (!out->changed[0])
		return 0;
	snprintf(summary, sizeof summary,
	         "set person %" PRId64 " (%s): %s changed, from %s line %ld", out->id,
	         shown(record_text(r, "name"), q, sizeof q), out->changed, im->file, im->line);
	return person_store_audit(im->ps, clock_now(im->c->clock), im->c->actor, "set", "person",
	                          out->id, summary, e);
}

static void count(struct importer *im, const struct outcome *out)
{
	if (out->added)
		return;
	if (out->repeated)
		im->st->repeated++;
	else if (out->changed[0])
		im->st->updated++, im->st->renamed += out->renamed;
	else
		im->st->unchanged++;
}

static int import_person(struct importer *im, struct record *r, const char *code,
                         const struct skill_list *skills, char *sessions, struct err *e)
{
	struct outcome out = {0};
	long first = 0;
	if (match(im, r, code, &out.id, e) < 0)
		return -1;
	/* a stored person's skills are read below: none may still be queued */
	if (out.id && person_store_flush(im->ps, e) < 0)
		return -1;
	r->id = out.id;
	if (out.id && (first = seen_at(&im->seen, out.id, 0)) != 0) {
		out.repeated = true;
		if (repeated(im, r, first, e) < 0)
			return -1;
	}
	/* the lead may change the person it matched (lead_row_allows), and
	 * whoever the row leaves is in its scope once registered (below) */
	if (out.id && lead_row_allows(im->c, "person", out.id, LEAD_SET, e) < 0)
		return -1;
	if (out.id ? update_person(im, r, &out, e) : add_person(im, r, code, &out, e))
		return -1;
	if (link_skills(im, skills, &out, e) < 0 || audit_outcome(im, r, &out, e) < 0)
		return -1;
	count(im, &out);
	if (!out.repeated)
		seen_at(&im->seen, out.id, im->line);
	if (im->o->event && !out.repeated && register_person(im, out.id, e) < 0)
		return -1;
	if (lead_row_allows(im->c, "person", out.id, out.added ? LEAD_ADD : LEAD_SET, e) < 0)
		return -1;
	return sessions ? sign_up(im, out.id, sessions, e) : 0;
}

static int on_row(void *arg, const struct csv_row *row, struct err *e)
{
	struct importer *im = arg;
	char *cell[IMPORT_NCOLS] = {0};
	bool any;
	im->line = row->line;
	if (!im->header_done) {
		im->header_done = true;
		return header(im, row, e);
	}
	if (split_cells(im, row, cell, &any, e) < 0)
		return -1;
	if (!any)
		return 0;
	im->st->rows++;
	struct record r;
	struct skill_list skills = {0};
	char code[PERSON_CODE_LEN + 2];
	record_init(&r, im->ent);
	int ret = parse_row(im, cell, &r, code, &skills, e);
	if (ret == 0)
		ret = import_person(im, &r, code, &skills, cell[COL_SESSIONS], e);
	record_free(&r);
	free(skills.v);
	if (ret < 0)
		one_line(e);
	return ret;
}

/* ---- the whole file ----------------------------------------------------- */

static FILE *open_input(const char *path, uint64_t *size, struct err *e)
{
	struct stat sb;
	*size = 0;
	if (strcmp(path, "-") == 0)
		return stdin;
	FILE *f = fopen(path, "rb");
	if (!f) {
		err_set(e, ERR_INPUT, "%s: cannot open: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		err_set(e, ERR_INPUT, "%s: is a folder, not a CSV file", path);
		return NULL;
	}
	if (S_ISREG(sb.st_mode))
		*size = (uint64_t)sb.st_size;
	return f;
}

/* --event must exist and --kind be a registration kind, before any row. */
static int check_options(struct ctx *c, const struct people_csv_opts *o, struct err *e)
{
	if (!o->event)
		return 0;
	struct record ev, reg;
	if (record_get(c, entity_find("event"), o->event, &ev, e) < 0) {
		err_prefix(e, "--event");
		return -1;
	}
	record_free(&ev);
	const struct entity_def *rent = entity_find("registration");
	record_init(&reg, rent);
	int ret = record_parse_field(c, &reg, (size_t)entity_field_index(rent, "kind"),
	                             o->kind ? o->kind : "attendee", e);
	record_free(&reg);
	if (ret < 0)
		err_prefix(e, "--kind");
	return ret;
}

static int finish(struct importer *im, struct err *e)
{
	const struct people_csv_stats *st = im->st;
	char summary[512];
	if (!im->header_done)
		return err_set(e, ERR_INPUT, "%s:1: the file is empty (no header row)", im->file);
	if (person_store_flush(im->ps, e) < 0)
		return -1;
	char added[80] = "";
	/* New rows take max(id) + 1 in the one transaction: the ids are a run */
	if (st->added == 1)
		snprintf(added, sizeof added, " (person %" PRId64 ")", im->first_added);
	else if (st->added > 1 && im->last_added - im->first_added + 1 == st->added)
		snprintf(added, sizeof added, " (people %" PRId64 "-%" PRId64 ")", im->first_added,
		         im->last_added);
	else if (st->added > 1)
		snprintf(added, sizeof added, " (people between %" PRId64 " and %" PRId64 ")",
		         im->first_added, im->last_added);
	snprintf(summary, sizeof summary,
	         "import %s: %" PRId64 " rows, %" PRId64 " added%s, %" PRId64 " updated, %" PRId64
	         " unchanged, %" PRId64 " repeated",
	         im->file, st->rows, st->added, added, st->updated, st->unchanged, st->repeated);
	return person_store_audit(im->ps, clock_now(im->c->clock), im->c->actor, "import", "person",
	                          0, summary, e);
}

static int run(struct importer *im, FILE *f, uint64_t size, struct err *e)
{
	struct csv_source src = {f, im->file, size, im->o->progress, im->o->progress_arg};
	for (int k = 0; k < PERSON_NCOLS; k++)
		im->fi[k] = entity_field_index(im->ent, person_store_column((enum person_col)k));
	for (int k = 0; k < IMPORT_NCOLS; k++)
		im->cf[k] = columns[k].field ? entity_field_index(im->ent, columns[k].field) : -1;
	if (sodium_init() < 0)
		return err_set(e, ERR_DB, "volunteer code: no random source");
	if (person_store_open(im->c->db, &im->ps, e) < 0)
		return -1;
	/* the rows added are indexed for search at the end, all at once */
	int ret = search_store_pause(im->c->db, e);
	if (ret == 0)
		ret = written_start(im, e);
	if (ret == 0)
		ret = csv_reader_run(&src, on_row, im, e);
	if (ret == 0)
		ret = finish(im, e);
	if (ret == 0)
		ret = search_store_resume(im->c->db, e);
	person_store_close(im->ps);
	return ret;
}

int people_csv_import(struct ctx *c, const char *path, const struct people_csv_opts *o,
                      struct people_csv_stats *st, struct err *e)
{
	struct importer im = {.c = c, .ent = entity_find("person"), .o = o, .st = st};
	im.pool_used = sizeof im.pool;
	uint64_t size;
	memset(st, 0, sizeof *st);
	im.file = strcmp(path, "-") == 0 ? "stdin" : path;
	if (check_options(c, o, e) < 0)
		return -1;
	FILE *f = open_input(path, &size, e);
	if (!f)
		return -1;
	int ret = db_begin(c->db, e);
	if (ret == 0) {
		ret = run(&im, f, size, e);
		if (ret < 0)
			db_rollback(c->db);
		else
			ret = db_commit(c->db, e);
	}
	if (f != stdin)
		fclose(f);
	free(im.map);
	free(im.seen.key);
	free(im.seen.line);
	cache_free(&im.orgs);
	cache_free(&im.skills);
	cache_free(&im.sessions);
	cache_free(&im.written.emails);
	cache_free(&im.written.codes);
	return ret;
}

/* ---- export ------------------------------------------------------------- */

struct exporter {
	struct person_store *ps;
	int (*fn)(void *arg, const char *const *cells);
	void *arg;
	struct err *e;
	struct strbuf skills; /* "First aid;AV (until 2027-06-30)" */
};

static int export_skill(void *arg, const char *name, const char *expires)
{
	struct exporter *x = arg;
	strbuf_addf(&x->skills, "%s%s", x->skills.len ? ";" : "", name);
	if (expires)
		strbuf_addf(&x->skills, " (until %s)", expires);
	return 0;
}

static int export_one(void *arg, const struct record *r)
{
	struct exporter *x = arg;
	char id[24], org[4096], conf[4];
	snprintf(id, sizeof id, "%" PRId64, r->id);
	snprintf(conf, sizeof conf, "%d", record_int(r, "confidential") ? 1 : 0);
	strbuf_reset(&x->skills);
	if (person_store_org_name(x->ps, record_int(r, "org"), org, sizeof org, x->e) < 0 ||
	    person_store_skills(x->ps, r->id, export_skill, x, x->e) < 0)
		return -1;
	const char *cells[PEOPLE_CSV_NCOLS] = {
	    id,
	    record_text(r, "name"),
	    record_text(r, "email"),
	    record_text(r, "phone"),
	    org,
	    record_text(r, "birth_date"),
	    conf,
	    record_text(r, "volunteer_code"),
	    record_text(r, "notes"),
	    strbuf_str(&x->skills),
	};
	return x->fn(x->arg, cells);
}

int people_csv_export(struct ctx *c, int64_t event, int (*fn)(void *arg, const char *const *cells),
                      void *arg, struct err *e)
{
	struct exporter x = {.fn = fn, .arg = arg, .e = e};
	struct record_filter filter = {.event = event};
	if (person_store_open(c->db, &x.ps, e) < 0)
		return -1;
	struct err inner = {0};
	x.e = &inner;
	int ret = record_list(c, entity_find("person"), &filter, export_one, &x, e);
	if (ret == 0 && inner.code != ERR_NONE) {
		if (e)
			*e = inner;
		ret = -1;
	}
	person_store_close(x.ps);
	strbuf_free(&x.skills);
	return ret;
}
