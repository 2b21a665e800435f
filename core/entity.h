/* entity.h - one table describing every entity of SPEC section 2 and its
 * fields (name, type, reference, flags, allowed values, default, help), plus
 * the generic record operations driven by it: add, set, rm, get, list. The
 * command line, the ':' prompt and the TUI forms all go through these. */
#ifndef MUSTER_ENTITY_H
#define MUSTER_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../db/record_store.h"
#include "ctx.h"

enum field_type {
	FT_TEXT,
	FT_INT,
	FT_BOOL,
	FT_ENUM,
	FT_REF,   /* id of a row of entity `ref` */
	FT_TIME,  /* UTC seconds; typed and shown in the row's event zone */
	FT_DATE,  /* YYYY-MM-DD */
	FT_EMAIL, /* text with one @ */
	FT_TZ,    /* IANA zone name */
};

#define F_REQUIRED 0x01u /* must be given on add */
#define F_UNIQUE   0x02u /* no two rows share it (case-insensitive) */
#define F_AUTO     0x04u /* set by muster (uid, sequence, code); not typed */
#define F_SECRET   0x08u /* never shown or listed (PIN hash) */
#define F_SEQ      0x10u /* a change raises the row's iCalendar SEQUENCE */
#define F_PRIVATE  0x20u /* contact data: values never written to the audit log */
#define F_LONG     0x40u /* free text; left out of table listings */
#define F_UNIQUE_IN                                                                                \
	0x80u /* no two rows share it and their first field (a room's name in its event) */

#define ENTITY_MAX_FIELDS 16

struct field_def {
	const char *name;
	enum field_type type;
	unsigned flags;
	const char *ref;           /* FT_REF: entity name */
	const char *const *values; /* FT_ENUM: NULL-terminated */
	const char *def;           /* default, as a person would type it */
	int64_t min, max;          /* FT_INT range (when min < max) */
	const char *help;          /* FT_ENUM: may be NULL (entity_field_help lists values) */
};

struct record;

/* Hooks an entity may have; all run inside the write's transaction.
 * prepare fills defaults and generated values (uid, code, booth span).
 * validate applies SPEC section 3 to the row about to be written; old is the
 * stored row on set, NULL on add. */
typedef int (*record_hook)(struct ctx *c, struct record *r, const struct record *old,
                           struct err *e);

struct entity_def {
	const char *name;   /* "shift": add/set/show/rm take it */
	const char *plural; /* "shifts": list takes it */
	const char *table;
	const struct field_def *fields;
	size_t nfields;
	const char *label;       /* field naming a row in messages, or NULL */
	const char *event_where; /* --event filter, SQL with one ?, or NULL */
	const char *tz_expr;     /* SQL for the row's zone (may use the table name) */
	const char *tz_from;     /* field whose referent gives a new row's zone */
	const char *order_by;    /* list order; NULL = id */
	bool read_only;          /* audit: list and show only */
	record_hook prepare;
	record_hook validate;
	/* after a successful insert/update/delete, inside the transaction */
	int (*after_write)(struct ctx *c, const struct record *r, const char *action,
	                   struct err *e);
};

/* A row in storage form: v[i] holds fields[i] (DBV_INT for INT, BOOL, REF,
 * TIME; DBV_TEXT otherwise; DBV_NULL when unset). */
struct record {
	const struct entity_def *ent;
	int64_t id;
	struct db_value v[ENTITY_MAX_FIELDS];
	char tz[64]; /* the row's event zone ("" = UTC) */
};

/* "name=value" split for add/set. */
struct field_assign {
	const char *name;
	const char *value;
};

const struct entity_def *entity_find(const char *name); /* singular or plural */
const struct entity_def *entity_at(size_t i);           /* NULL past the end */
/* The index of field name in ent, -1 when it has none (for names from
 * outside: the command line, a CSV header). */
int entity_field_index(const struct entity_def *ent, const char *name);
/* The same for a name written in the code: an unknown one is a bug, and
 * aborts with its name in debug and test builds (without NDEBUG); with
 * NDEBUG it is -1. record_int and its siblings look fields up this way. */
int entity_field_known(const struct entity_def *ent, const char *name);
const char *entity_type_name(enum field_type t);
/* Field f's help as a person reads it; a choice lists its values from the
 * table ("draft, published or cancelled"). */
void entity_field_help(const struct field_def *f, char *buf, size_t n);
/* 0 when value is one of the choices of ent's FT_ENUM field; else ERR_USAGE
 * "FIELD \"VALUE\" is not one of a, b or c", the choices from the table. */
int entity_check_choice(const struct entity_def *ent, const char *field, const char *value,
                        struct err *e);

/* Parse key=value words into assigns (pointing into words). */
int field_assign_parse(char **words, int n, struct field_assign *out, struct err *e);

/* Generic operations (one BEGIN IMMEDIATE transaction each, audited). */
int record_add(struct ctx *c, const struct entity_def *ent, const struct field_assign *a, size_t n,
               int64_t *id, struct err *e);
int record_set(struct ctx *c, const struct entity_def *ent, int64_t id,
               const struct field_assign *a, size_t n, struct err *e);
int record_rm(struct ctx *c, const struct entity_def *ent, int64_t id, struct err *e);
int record_get(struct ctx *c, const struct entity_def *ent, int64_t id, struct record *out,
               struct err *e);
/* Write an already-built record (used by hooks and importers): insert when
 * r->id == 0, else update the fields in mask (bit i = fields[i]). Runs
 * prepare/validate/audit like record_add/record_set. */
int record_write(struct ctx *c, struct record *r, uint32_t mask, struct err *e);

/* Put back a removed row r, with its own id (r->id) and fields, through the
 * same checks, hooks and audit as an insert (undo, core/undo.c); refused
 * when a row of that id exists. */
int record_restore(struct ctx *c, struct record *r, struct err *e);

struct record_filter {
	int64_t event; /* 0: all */
	int64_t limit; /* 0: all */
};
/* Calls fn for each row in list order; the record is valid during the call. */
int record_list(struct ctx *c, const struct entity_def *ent, const struct record_filter *f,
                int (*fn)(void *arg, const struct record *r), void *arg, struct err *e);

void record_init(struct record *r, const struct entity_def *ent);
void record_free(struct record *r);
/* Set field i from what a person typed ("" clears it). */
int record_parse_field(struct ctx *c, struct record *r, size_t i, const char *text, struct err *e);
/* Field i as a person reads it (time in the row's zone); "" when unset. */
void record_format_field(const struct record *r, size_t i, char *buf, size_t n);
/* A short name for the row in messages: `shift 12 "Greeter"`. */
void record_describe(const struct record *r, char *buf, size_t n);
/* The zone of a row of ent with the given id ("" when it has none). */
int entity_tz_of(struct ctx *c, const struct entity_def *ent, int64_t id, char *tz, size_t n,
                 struct err *e);

/* Integer / text field access by name (NULL / 0 when unset). The name must
 * be one of the entity's fields (entity_field_known). */
int64_t record_int(const struct record *r, const char *field);
const char *record_text(const struct record *r, const char *field);
bool record_has(const struct record *r, const char *field);
/* Does the row's entity have the field at all, and is it set? For code
 * written for several entities at once (a name it lacks is not a typo). */
bool record_has_any(const struct record *r, const char *field);
void record_set_int(struct record *r, const char *field, int64_t v);
void record_set_text(struct record *r, const char *field, const char *s);

#endif
