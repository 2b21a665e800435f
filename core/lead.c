/* lead.c - the permission table and the one decision (see lead.h): for
 * each role and table, what it may do and, as SQL on the row, which rows it
 * sees, writes and reads the contact details of; loading the current lead,
 * installing its scope, the lead entity's hooks, and the audit of who saw a
 * confidential person.
 *
 * The SQL is written with placeholders filled per lead ($E its events, $R
 * its roles, $O its organizations, $ME its login, $P the people it sees,
 * and the org lead's $OP people, $OB booths and $BS booth shifts). A row
 * is named by its table's own name; subqueries read main.* tables (the
 * true rows) or temp.person (the people this lead sees), never a view of
 * the table being defined. */
#define _DEFAULT_SOURCE
#include "lead.h"

#include <inttypes.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "audit.h"
#include "entity.h"
#include "strbuf.h"
#include "xmalloc.h"

const char *const lead_role_names[] = {
    [LEAD_ADMIN] = "admin",         [LEAD_COORDINATOR] = "coordinator",
    [LEAD_ROLE_LEAD] = "role_lead", [LEAD_ORG_LEAD] = "org_lead",
    [LEAD_VIEWER] = "viewer",       [LEAD_NROLES] = NULL,
};

#define SEE (1u << LEAD_READ)
#define ADD (1u << LEAD_ADD)
#define SET (1u << LEAD_SET)
#define RM  (1u << LEAD_RM)
#define ALL (SEE | ADD | SET | RM)

/* What one role may do with the rows of one table. */
struct lead_rule {
	const char *table;
	unsigned acts;
	const char *see;   /* rows it sees */
	const char *write; /* rows it adds, changes, removes (NULL: those it sees) */
	const char *cover; /* rows whose contact details it reads (NULL: none) */
};

/* ---- the rows, as SQL ------------------------------------------------ */

/* People in events $E: registered, speaking, leading a role, giving
 * availability, or added by the lead itself (its audit entry). */
#define PEOPLE_OF_EVENTS                                                                           \
	"(person.id IN (SELECT person FROM main.registration WHERE event IN $E)"                   \
	" OR person.id IN (SELECT k.person FROM main.speaker AS k JOIN main.session AS s"          \
	"  ON s.id = k.session WHERE s.event IN $E)"                                               \
	" OR person.id IN (SELECT lead FROM main.role WHERE event IN $E)"                          \
	" OR person.id IN (SELECT person FROM main.availability WHERE event IN $E)"                \
	" OR person.id IN (SELECT entity_id FROM main.audit WHERE actor = $ME"                     \
	"  AND entity = 'person' AND action = 'add'))"
#define SPEAKERS_OF_EVENTS(who)                                                                    \
	"+speaker.session IN (SELECT id FROM main.session WHERE event IN $E)"                      \
	" AND +speaker.person " who
/* The people of a row in a coordinator's or viewer's events are theirs
 * (PEOPLE_OF_EVENTS) but for the confidential, which $HIDDEN holds: a
 * small set, where $P (every person seen) is a large one at a summit. */
#define SEEN_IN_EVENTS "NOT IN $HIDDEN"
#define ORGS_OF_EVENTS                                                                             \
	"(org.id IN (SELECT org FROM main.booth WHERE event IN $E)"                                \
	" OR org.id IN (SELECT host_org FROM main.event WHERE id IN $E))"
/* An organization a coordinator may change: one in its events, or one in
 * no event yet (a new partner). */
#define COORD_ORG_WRITE                                                                            \
	"(" ORGS_OF_EVENTS " OR (NOT EXISTS (SELECT 1 FROM main.booth AS b WHERE b.org = org.id)"  \
	" AND NOT EXISTS (SELECT 1 FROM main.event AS v WHERE v.host_org = org.id)))"
#define OWN_AUDIT "audit.actor = $ME"
/* An audit entry about a confidential person or a row of theirs (its
 * summary may name them: a promotion from the waitlist, an override):
 * kept from leads without the right, as the person is. */
#define AUDIT_NOT_CONFIDENTIAL                                                                     \
	"NOT EXISTS (SELECT 1 FROM main.person AS cp WHERE cp.confidential = 1"                    \
	" AND cp.id = CASE audit.entity WHEN 'person' THEN audit.entity_id"                        \
	" WHEN 'registration' THEN (SELECT person FROM main.registration WHERE id = "              \
	"audit.entity_id)"                                                                         \
	" WHEN 'assignment' THEN (SELECT person FROM main.assignment WHERE id = audit.entity_id)"  \
	" WHEN 'speaker' THEN (SELECT person FROM main.speaker WHERE id = audit.entity_id)"        \
	" WHEN 'availability' THEN (SELECT person FROM main.availability WHERE id = "              \
	"audit.entity_id)"                                                                         \
	" WHEN 'person_skill' THEN (SELECT person FROM main.person_skill WHERE id = "              \
	"audit.entity_id)"                                                                         \
	" WHEN 'signup' THEN (SELECT person FROM main.signup WHERE id = audit.entity_id)"          \
	" END)"
#define OWN_LEAD "lead.login = $ME"

/* The role lead's shifts; its people: volunteers of its events, people on
 * its shifts, its roles' leads; it reads the contacts of the last two. */
#define RL_SHIFTS "(SELECT id FROM main.shift WHERE role IN $R)"
#define RL_ON_SHIFTS                                                                               \
	"person.id IN (SELECT person FROM main.assignment WHERE shift IN " RL_SHIFTS               \
	" AND status != 'dropped') OR person.id IN (SELECT lead FROM main.role WHERE id IN $R)"
#define RL_PEOPLE                                                                                  \
	"(person.id IN (SELECT person FROM main.registration WHERE event IN $E"                    \
	"  AND kind IN ('volunteer', 'staff') AND status != 'cancelled')"                          \
	" OR person.id IN (SELECT person FROM main.assignment WHERE shift IN " RL_SHIFTS ")"       \
	" OR " RL_ON_SHIFTS ")"

static const struct lead_rule coordinator_rules[] = {
    {.table = "event", .acts = ALL, .see = "event.id IN $E"},
    {.table = "org", .acts = ALL, .see = "1", .write = COORD_ORG_WRITE, .cover = "1"},
    {.table = "person", .acts = ALL, .see = PEOPLE_OF_EVENTS, .cover = "1"},
    {.table = "skill", .acts = ALL, .see = "1"},
    {.table = "person_skill", .acts = ALL, .see = "+person_skill.person IN $P"},
    {.table = "room", .acts = ALL, .see = "room.event IN $E"},
    {.table = "session", .acts = ALL, .see = "session.event IN $E"},
    {.table = "speaker", .acts = ALL, .see = SPEAKERS_OF_EVENTS(SEEN_IN_EVENTS)},
    {.table = "booth", .acts = ALL, .see = "booth.event IN $E"},
    {.table = "registration",
     .acts = ALL,
     .see = "registration.event IN $E AND +registration.person " SEEN_IN_EVENTS},
    {.table = "role", .acts = ALL, .see = "role.event IN $E"},
    {.table = "shift", .acts = ALL, .see = "shift.event IN $E"},
    {.table = "assignment",
     .acts = ALL,
     .see = "+assignment.shift IN (SELECT id FROM main.shift WHERE event IN $E)"
            " AND +assignment.person " SEEN_IN_EVENTS},
    {.table = "availability",
     .acts = ALL,
     .see = "availability.event IN $E AND +availability.person " SEEN_IN_EVENTS},
    {.table = "signup",
     .acts = ALL,
     .see = "+signup.session IN (SELECT id FROM main.session WHERE event IN $E)"
            " AND +signup.person " SEEN_IN_EVENTS},
    {.table = "audit", .acts = SEE, .see = "(audit.event IN $E OR " OWN_AUDIT ")"},
    {.table = "lead", .acts = SEE, .see = OWN_LEAD},
};

static const struct lead_rule role_lead_rules[] = {
    {.table = "event", .acts = SEE, .see = "event.id IN $E"},
    {.table = "org",
     .acts = SEE,
     .see = "org.id IN (SELECT org FROM main.booth WHERE event IN $E)"},
    {.table = "person", .acts = SEE, .see = RL_PEOPLE, .cover = "(" RL_ON_SHIFTS ")"},
    {.table = "skill", .acts = SEE, .see = "1"},
    {.table = "person_skill", .acts = SEE, .see = "+person_skill.person IN $P"},
    {.table = "room", .acts = SEE, .see = "room.event IN $E"},
    {.table = "session", .acts = SEE, .see = "session.event IN $E"},
    {.table = "speaker", .acts = SEE, .see = SPEAKERS_OF_EVENTS("IN $P")},
    {.table = "booth", .acts = SEE, .see = "booth.event IN $E"},
    {.table = "registration",
     .acts = SEE,
     .see = "registration.event IN $E AND +registration.person IN $P"},
    {.table = "role", .acts = SEE, .see = "role.id IN $R"},
    {.table = "shift", .acts = ALL, .see = "shift.role IN $R"},
    {.table = "assignment",
     .acts = ALL,
     .see = "+assignment.shift IN " RL_SHIFTS " AND +assignment.person IN $P"},
    {.table = "availability",
     .acts = SEE,
     .see = "availability.event IN $E AND +availability.person IN $P"},
    {.table = "signup",
     .acts = SEE,
     .see = "+signup.session IN (SELECT id FROM main.session WHERE event IN $E)"
            " AND +signup.person IN $P"},
    {.table = "audit", .acts = SEE, .see = OWN_AUDIT},
    {.table = "lead", .acts = SEE, .see = OWN_LEAD},
};

static const struct lead_rule org_lead_rules[] = {
    {.table = "event", .acts = SEE, .see = "event.id IN $E"},
    {.table = "org", .acts = SEE | SET, .see = "org.id IN $O", .cover = "1"},
    {.table = "person", .acts = ALL, .see = "person.org IN $O", .cover = "1"},
    {.table = "skill", .acts = SEE, .see = "1"},
    {.table = "person_skill", .acts = ALL, .see = "+person_skill.person IN $P"},
    {.table = "room", .acts = SEE, .see = "room.event IN $E"},
    {.table = "session", .acts = SEE, .see = "session.event IN $E"},
    {.table = "speaker", .acts = SEE, .see = SPEAKERS_OF_EVENTS("IN $P")},
    {.table = "booth", .acts = ALL, .see = "booth.org IN $O AND booth.event IN $E"},
    {.table = "registration",
     .acts = ALL,
     .see = "+registration.person IN $OP AND registration.event IN $E"},
    {.table = "role", .acts = SEE, .see = "role.event IN $E"},
    {.table = "shift",
     .acts = ALL,
     .see =
         "(shift.id IN $BS OR shift.id IN (SELECT shift FROM main.assignment WHERE person IN $OP))",
     .write = "shift.booth IN $OB"},
    {.table = "assignment",
     .acts = ALL,
     .see = "(assignment.shift IN $BS OR assignment.person IN $OP) AND +assignment.person IN $P",
     .write = "+assignment.shift IN $BS AND +assignment.person IN $P"},
    {.table = "availability",
     .acts = ALL,
     .see = "+availability.person IN $OP AND availability.event IN $E"},
    {.table = "signup",
     .acts = ALL,
     .see = "+signup.person IN $OP AND +signup.session IN (SELECT id FROM main.session"
            " WHERE event IN $E)"},
    {.table = "audit", .acts = SEE, .see = OWN_AUDIT},
    {.table = "lead", .acts = SEE, .see = OWN_LEAD},
};

static const struct lead_rule viewer_rules[] = {
    {.table = "event", .acts = SEE, .see = "event.id IN $E"},
    {.table = "org", .acts = SEE, .see = ORGS_OF_EVENTS},
    {.table = "person", .acts = SEE, .see = PEOPLE_OF_EVENTS},
    {.table = "skill", .acts = SEE, .see = "1"},
    {.table = "person_skill", .acts = SEE, .see = "+person_skill.person IN $P"},
    {.table = "room", .acts = SEE, .see = "room.event IN $E"},
    {.table = "session", .acts = SEE, .see = "session.event IN $E"},
    {.table = "speaker", .acts = SEE, .see = SPEAKERS_OF_EVENTS(SEEN_IN_EVENTS)},
    {.table = "booth", .acts = SEE, .see = "booth.event IN $E"},
    {.table = "registration",
     .acts = SEE,
     .see = "registration.event IN $E AND +registration.person " SEEN_IN_EVENTS},
    {.table = "role", .acts = SEE, .see = "role.event IN $E"},
    {.table = "shift", .acts = SEE, .see = "shift.event IN $E"},
    {.table = "assignment",
     .acts = SEE,
     .see = "+assignment.shift IN (SELECT id FROM main.shift WHERE event IN $E)"
            " AND +assignment.person " SEEN_IN_EVENTS},
    {.table = "availability",
     .acts = SEE,
     .see = "availability.event IN $E AND +availability.person " SEEN_IN_EVENTS},
    {.table = "signup",
     .acts = SEE,
     .see = "+signup.session IN (SELECT id FROM main.session WHERE event IN $E)"
            " AND +signup.person " SEEN_IN_EVENTS},
    {.table = "audit", .acts = SEE, .see = OWN_AUDIT},
    {.table = "lead", .acts = SEE, .see = OWN_LEAD},
};

/* Scope rows a role takes and needs (lead add's options). */
#define SCOPE_EVENT 0x1u
#define SCOPE_ROLE  0x2u
#define SCOPE_ORG   0x4u

#define RULES(a) .rules = a, .nrules = ARRAY_LEN(a)

static const struct lead_role_def {
	const struct lead_rule *rules; /* NULL: everything (admin) */
	size_t nrules;
	unsigned takes, needs;
	/* $E when the lead names no event */
	const char *events;
	const char *does; /* in a sentence, for refusals and lead show */
} roles[] = {
    [LEAD_ADMIN] = {.does = "does everything, leads included"},
    [LEAD_COORDINATOR] = {RULES(coordinator_rules), .takes = SCOPE_EVENT,
                          .events = "(SELECT id FROM main.event)",
                          .does = "does everything inside its events"},
    [LEAD_ROLE_LEAD] = {RULES(role_lead_rules), .takes = SCOPE_ROLE, .needs = SCOPE_ROLE,
                        .events = "(SELECT event FROM main.role WHERE id IN $R)",
                        .does = "staffs its roles' shifts"},
    [LEAD_ORG_LEAD] = {RULES(org_lead_rules), .takes = SCOPE_ORG | SCOPE_EVENT, .needs = SCOPE_ORG,
                       .events = "(SELECT event FROM main.booth WHERE org IN $O"
                                 " UNION SELECT r.event FROM main.registration AS r"
                                 " JOIN main.person AS p ON p.id = r.person WHERE p.org IN $O"
                                 " UNION SELECT id FROM main.event WHERE host_org IN $O)",
                       .does = "runs its organization's people, booths and booth shifts"},
    [LEAD_VIEWER] = {RULES(viewer_rules), .takes = SCOPE_EVENT,
                     .events = "(SELECT id FROM main.event)",
                     .does = "reads its events, without contact details"},
};

static const struct lead_rule *rule_of(enum lead_role role, const char *table)
{
	const struct lead_role_def *d = &roles[role];
	for (size_t i = 0; i < d->nrules; i++)
		if (strcmp(d->rules[i].table, table) == 0)
			return &d->rules[i];
	return NULL;
}

/* ---- the decision ------------------------------------------------------ */

bool lead_may(const struct lead *l, const char *table, enum lead_act act)
{
	if (!l || l->role == LEAD_ADMIN)
		return true;
	const struct lead_rule *r = rule_of(l->role, table);
	return r && (r->acts & (1u << act));
}

static void add_ids(struct strbuf *b, const char *one, const char *many, const int64_t *ids,
                    size_t n)
{
	strbuf_addf(b, " %s ", n == 1 ? one : many);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(b, "%s%" PRId64, i == 0 ? "" : i + 1 == n ? " and " : ", ", ids[i]);
}

void lead_describe(const struct lead *l, char *buf, size_t n)
{
	struct strbuf b = {0};
	strbuf_addf(&b, "%s (%s", l->login, lead_role_names[l->role]);
	if (l->nroles)
		add_ids(&b, "of role", "of roles", l->roles, l->nroles);
	if (l->norgs)
		add_ids(&b, "of org", "of orgs", l->orgs, l->norgs);
	if (l->nevents)
		add_ids(&b, l->norgs ? "in event" : "of event",
		        l->norgs ? "in events" : "of events", l->events, l->nevents);
	else if (l->role == LEAD_COORDINATOR || l->role == LEAD_VIEWER)
		strbuf_add(&b, " of every event");
	if (l->confidential)
		strbuf_add(&b, ", confidential");
	strbuf_add(&b, ")");
	snprintf(buf, n, "%s", strbuf_str(&b));
	strbuf_free(&b);
}

/* "a viewer", "an org_lead". */
static const char *article(enum lead_role role)
{
	return strchr("aeiou", lead_role_names[role][0]) ? "an" : "a";
}

static const char *const verbs[] = {
    [LEAD_READ] = "see", [LEAD_ADD] = "add", [LEAD_SET] = "change", [LEAD_RM] = "remove"};

/* "people", "shifts": the table's rows in a sentence. */
static const char *rows_word(const char *table)
{
	const struct entity_def *ent = entity_find(table);
	return ent ? ent->plural : table;
}

int lead_allows(const struct ctx *c, const char *table, enum lead_act act, struct err *e)
{
	if (lead_may(c->lead, table, act))
		return 0;
	char who[256];
	lead_describe(c->lead, who, sizeof who);
	return err_set(e, ERR_REFUSED, "refused: %s may not %s %s; %s %s %s", who, verbs[act],
	               rows_word(table), article(c->lead->role), lead_role_names[c->lead->role],
	               roles[c->lead->role].does);
}

int lead_allows_command(const struct ctx *c, const char *command, const char *tables,
                        enum lead_act act, struct err *e)
{
	if (!c->lead)
		return err_set(e, ERR_REFUSED, "refused: %s: %s is no lead", command, c->actor);
	if (c->lead->role == LEAD_ADMIN)
		return 0;
	char who[256];
	lead_describe(c->lead, who, sizeof who);
	if (!tables)
		return err_set(e, ERR_REFUSED, "refused: %s may not run %s; only an admin does",
		               who, command);
	const char *first = NULL;
	for (const char *p = tables; *p;) {
		size_t n = strcspn(p, " ");
		char table[64];
		snprintf(table, sizeof table, "%.*s", (int)n, p);
		if (!first)
			first = p;
		if (n && lead_may(c->lead, table, act))
			return 0;
		p += n + (p[n] == ' ');
	}
	char table[64];
	snprintf(table, sizeof table, "%.*s", (int)strcspn(first ? first : "", " "),
	         first ? first : "");
	return lead_allows(c, table, act, e);
}

/* The expanded SQL of l for table (see: the rows seen; else written). */
static const char *rows_sql(const struct lead *l, const char *table, enum lead_act act)
{
	for (size_t i = 0; i < l->scope.ntables; i++) {
		if (strcmp(l->tables[i].table, table) != 0)
			continue;
		if (act == LEAD_READ)
			return NULL; /* the view itself */
		const struct lead_rule *r = rule_of(l->role, table);
		return r && r->write ? l->owned[l->scope.ntables * 2 + i] : NULL;
	}
	return "0";
}

int lead_row_allows(struct ctx *c, const char *table, int64_t id, enum lead_act act, struct err *e)
{
	if (!c->lead || c->lead->role == LEAD_ADMIN)
		return 0;
	if (lead_allows(c, table, act, e) < 0)
		return -1;
	int yes = 0;
	if (scope_store_row(c->db, table, rows_sql(c->lead, table, act), id, &yes, e) < 0)
		return -1;
	if (yes)
		return 0;
	char who[256];
	lead_describe(c->lead, who, sizeof who);
	const struct entity_def *ent = entity_find(table);
	return err_set(e, ERR_REFUSED, "refused: %s may not %s %s %" PRId64 ": outside its scope",
	               who, verbs[act], ent ? ent->name : table, id);
}

/* ---- placeholders ------------------------------------------------------ */

struct token {
	const char *name;
	const char *sql;
};

/* text with every $NAME of toks replaced, until none is left. */
static char *expand(const char *text, const struct token *toks, size_t ntoks)
{
	char *cur = xstrdup(text);
	for (int pass = 0; pass < 8 && strchr(cur, '$'); pass++) {
		struct strbuf b = {0};
		for (const char *p = cur; *p;) {
			size_t k = 0;
			if (*p == '$')
				for (; k < ntoks; k++)
					if (strncmp(p + 1, toks[k].name, strlen(toks[k].name)) ==
					        0 &&
					    !(p[1 + strlen(toks[k].name)] >= 'A' &&
					      p[1 + strlen(toks[k].name)] <= 'Z'))
						break;
			if (*p == '$' && k < ntoks) {
				strbuf_add(&b, toks[k].sql);
				p += 1 + strlen(toks[k].name);
			} else {
				strbuf_addc(&b, *p++);
			}
		}
		free(cur);
		cur = strbuf_take(&b);
	}
	return cur;
}

/* ---- contact fields ---------------------------------------------------- */

/* "table.column" of every private field (masked) and every secret field
 * (never read), from the entity table, plus the volunteer code. */
static void private_columns(char ***masked, size_t *nmasked, char ***secret, size_t *nsecret)
{
	*masked = *secret = NULL;
	*nmasked = *nsecret = 0;
	for (size_t k = 0; entity_at(k); k++) {
		const struct entity_def *ent = entity_at(k);
		for (size_t i = 0; i < ent->nfields; i++) {
			const struct field_def *f = &ent->fields[i];
			bool code = strcmp(f->name, "volunteer_code") == 0;
			if (!(f->flags & (F_PRIVATE | F_SECRET)) && !code)
				continue;
			char ***list = (f->flags & F_SECRET) ? secret : masked;
			size_t *n = (f->flags & F_SECRET) ? nsecret : nmasked;
			*list = xrealloc(*list, (*n + 1) * sizeof **list);
			(*list)[(*n)++] = xasprintf("%s.%s", ent->table, f->name);
		}
	}
}

/* ---- sightings of confidential people ---------------------------------- */

static void saw(void *arg, int64_t person)
{
	struct lead *l = arg;
	for (size_t i = 0; i < l->nseen; i++)
		if (l->seen[i].person == person) {
			l->seen[i].pending = true;
			return;
		}
	XGROW(l->seen, l->nseen, l->capseen, 16);
	l->seen[l->nseen++] = (struct lead_sight){.person = person, .pending = true};
}

int lead_flush(struct ctx *c, struct err *e)
{
	struct lead *l = c->lead;
	if (!l || l->nseen == 0)
		return 0;
	int64_t now = clock_now(c->clock);
	bool any = false;
	for (size_t i = 0; i < l->nseen; i++)
		any |= l->seen[i].pending &&
		       (!l->seen[i].audited || now - l->seen[i].audited >= LEAD_SIGHT_AGAIN);
	if (!any)
		return 0;
	if (db_begin(c->db, e) < 0)
		return -1;
	for (size_t i = 0; i < l->nseen; i++) {
		struct lead_sight *s = &l->seen[i];
		bool due = s->pending && (!s->audited || now - s->audited >= LEAD_SIGHT_AGAIN);
		s->pending = false;
		if (!due)
			continue;
		if (audit_log(c, "view", "person", s->person, e,
		              "%s saw confidential person %" PRId64, l->login, s->person) < 0) {
			db_rollback(c->db);
			return -1;
		}
		s->audited = now;
	}
	return db_commit(c->db, e);
}

/* ---- loading ----------------------------------------------------------- */

static void push_id(int64_t **ids, size_t *n, int64_t id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*ids)[i] == id)
			return;
	*ids = xrealloc(*ids, (*n + 1) * sizeof **ids);
	(*ids)[(*n)++] = id;
}

enum lead_col { LC_ROLE, LC_EVENT, LC_ROLE_ID, LC_ORG, LC_CONFIDENTIAL, LC_ID, LC_NCOLS };

struct load {
	struct lead *l;
	size_t rows;
	bool every_event; /* a row without an event */
	bool mixed;       /* rows of two roles (the schema allows it, lead add does not) */
};

static int take_row(void *arg, const struct db_value *v, size_t n)
{
	struct load *ld = arg;
	struct lead *l = ld->l;
	int role = 0;
	while (lead_role_names[role] && v[LC_ROLE].kind == DBV_TEXT &&
	       strcmp(lead_role_names[role], v[LC_ROLE].s) != 0)
		role++;
	if (!lead_role_names[role])
		return 0; /* a role this muster does not know grants nothing */
	/* the least of two roles: a viewer row never adds to a coordinator's */
	if (ld->rows && (int)l->role != role) {
		ld->mixed = true;
		if (role > (int)l->role)
			l->role = (enum lead_role)role;
	} else {
		l->role = (enum lead_role)role;
	}
	ld->rows++;
	if (v[LC_EVENT].kind == DBV_INT)
		push_id(&l->events, &l->nevents, v[LC_EVENT].i);
	else
		ld->every_event = true;
	if (v[LC_ROLE_ID].kind == DBV_INT)
		push_id(&l->roles, &l->nroles, v[LC_ROLE_ID].i);
	if (v[LC_ORG].kind == DBV_INT)
		push_id(&l->orgs, &l->norgs, v[LC_ORG].i);
	if (v[LC_CONFIDENTIAL].kind == DBV_INT && v[LC_CONFIDENTIAL].i)
		l->confidential = true;
	(void)n;
	return 0;
}

/* The rows of ld->l->login in table ("main.lead": all of them; "lead":
 * those the current lead sees). */
static int read_rows(struct ctx *c, const char *table, struct load *ld, struct err *e)
{
	static const char *const cols[] = {[LC_ROLE] = "role",
	                                   [LC_EVENT] = "event",
	                                   [LC_ROLE_ID] = "role_id",
	                                   [LC_ORG] = "org",
	                                   [LC_CONFIDENTIAL] = "confidential",
	                                   [LC_ID] = "id"};
	struct db_value who = db_text(ld->l->login);
	struct record_query q = {.table = table,
	                         .cols = cols,
	                         .ncols = LC_NCOLS,
	                         .where = "login = ?",
	                         .binds = &who,
	                         .nbinds = 1};
	return record_store_scan(c->db, &q, take_row, ld, e);
}

/* The login owning the database file; c->actor for one in memory. */
static void owner_login(struct ctx *c, char *buf, size_t n)
{
	struct stat st;
	const char *path = db_file(c->db);
	if (!path[0] || stat(path, &st) < 0) {
		snprintf(buf, n, "%s", c->actor);
		return;
	}
	struct passwd *pw = getpwuid(st.st_uid);
	if (pw && pw->pw_name && pw->pw_name[0])
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid:%ld", (long)st.st_uid);
}

/* A database without leads: its owner becomes admin (once, whoever opens
 * it first; checked again under the write lock). */
static int first_admin(struct ctx *c, struct err *e)
{
	struct db_value none;
	if (record_store_value(c->db, "SELECT EXISTS (SELECT 1 FROM main.lead)", NULL, 0, &none,
	                       e) < 0)
		return -1;
	if (none.kind == DBV_INT && none.i)
		return 0;
	char owner[96];
	owner_login(c, owner, sizeof owner);
	struct lead *saved = c->lead;
	c->lead = NULL;
	int ret = db_begin(c->db, e);
	if (ret == 0)
		ret = record_store_value(c->db, "SELECT EXISTS (SELECT 1 FROM main.lead)", NULL, 0,
		                         &none, e);
	if (ret == 0 && !(none.kind == DBV_INT && none.i)) {
		struct record r;
		record_init(&r, entity_find("lead"));
		record_set_text(&r, "login", owner);
		record_set_text(&r, "role", "admin");
		ret = record_write(c, &r, 0, e);
		record_free(&r);
	}
	if (ret == 0)
		ret = db_commit(c->db, e);
	else
		db_rollback(c->db);
	c->lead = saved;
	return ret;
}

/* The SQL of each table for l, kept in l->owned: [0, n) where, [n, 2n)
 * cover, [2n, 3n) write. */
static void build_scope(struct lead *l)
{
	const struct lead_role_def *d = &roles[l->role];
	const char *events = l->nevents ? "(SELECT id FROM temp.lead_event)" : d->events;
	const struct token toks[] = {
	    {.name = "ME", .sql = "(SELECT login FROM temp.lead_me)"},
	    {.name = "E", .sql = events},
	    {.name = "R", .sql = "(SELECT id FROM temp.lead_role)"},
	    {.name = "OP", .sql = "(SELECT id FROM temp.person WHERE org IN $O)"},
	    {.name = "OB", .sql = "(SELECT id FROM main.booth WHERE org IN $O AND event IN $E)"},
	    {.name = "O", .sql = "(SELECT id FROM temp.lead_org)"},
	    {.name = "P", .sql = "(SELECT id FROM temp.person)"},
	    {.name = "HIDDEN",
	     .sql = l->confidential ? "(SELECT 0 WHERE 0)"
	                            : "(SELECT id FROM main.person WHERE confidential = 1)"},
	    {.name = "BS", .sql = "(SELECT id FROM main.shift WHERE booth IN $OB)"},
	};
	size_t n = d->nrules;
	l->tables = xcalloc(n, sizeof *l->tables);
	l->owned = xcalloc(3 * n, sizeof *l->owned);
	l->nowned = 3 * n;
	for (size_t i = 0; i < n; i++) {
		const struct lead_rule *r = &d->rules[i];
		char *where = expand(r->see, toks, ARRAY_LEN(toks));
		/* confidential people: seen (and each sighting audited) only with
		 * the right, and so the audit entries about them */
		const char *conf = NULL;
		if (strcmp(r->table, "person") == 0)
			conf = l->confidential ? "muster_saw(person.id, person.confidential)"
			                       : "person.confidential = 0";
		else if (strcmp(r->table, "audit") == 0 && !l->confidential)
			conf = AUDIT_NOT_CONFIDENTIAL;
		if (conf) {
			char *both = xasprintf("%s AND %s", where, conf);
			free(where);
			where = both;
		}
		l->owned[i] = where;
		l->owned[n + i] = r->cover ? expand(r->cover, toks, ARRAY_LEN(toks)) : NULL;
		l->owned[2 * n + i] = r->write ? expand(r->write, toks, ARRAY_LEN(toks)) : NULL;
		l->tables[i] = (struct scope_table){r->table, l->owned[i], l->owned[n + i]};
	}
	l->scope.tables = l->tables;
	l->scope.ntables = n;
}

static int install(struct ctx *c, struct lead *l, struct err *e)
{
	char **masked, **secret;
	size_t nmasked, nsecret;
	build_scope(l);
	private_columns(&masked, &nmasked, &secret, &nsecret);
	l->scope.login = l->login;
	l->scope.events = l->events;
	l->scope.nevents = l->nevents;
	l->scope.roles = l->roles;
	l->scope.nroles = l->nroles;
	l->scope.orgs = l->orgs;
	l->scope.norgs = l->norgs;
	l->scope.masked = (const char *const *)masked;
	l->scope.nmasked = nmasked;
	l->scope.secret = (const char *const *)secret;
	l->scope.nsecret = nsecret;
	l->scope.saw = saw;
	l->scope.arg = l;
	int ret = scope_store_install(c->db, &l->scope, e);
	for (size_t i = 0; i < nmasked; i++)
		free(masked[i]);
	for (size_t i = 0; i < nsecret; i++)
		free(secret[i]);
	free(masked);
	free(secret);
	l->scope.masked = l->scope.secret = NULL;
	return ret;
}

int lead_open(struct ctx *c, struct lead *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	snprintf(out->login, sizeof out->login, "%s", c->actor);
	if (first_admin(c, e) < 0)
		return -1;
	struct load ld = {.l = out};
	if (read_rows(c, "main.lead", &ld, e) < 0)
		return -1;
	if (ld.rows == 0)
		return err_set(e, ERR_REFUSED,
		               "%s is not a lead of this database; an admin adds leads with "
		               "muster lead add %s --role ROLE",
		               c->actor, c->actor);
	if (out->role != LEAD_COORDINATOR)
		out->confidential = false;
	if (ld.every_event) { /* one row without an event: every event */
		free(out->events);
		out->events = NULL;
		out->nevents = 0;
	}
	if (out->role != LEAD_ADMIN && install(c, out, e) < 0) {
		lead_close(out);
		return -1;
	}
	c->lead = out;
	return 0;
}

int lead_find(struct ctx *c, const char *login, struct lead *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	snprintf(out->login, sizeof out->login, "%s", login);
	struct load ld = {.l = out};
	if (lead_allows(c, "lead", LEAD_READ, e) < 0 || read_rows(c, "lead", &ld, e) < 0)
		return -1;
	if (ld.rows == 0)
		return err_set(e, ERR_NOT_FOUND, "%s is not a lead", login);
	if (out->role != LEAD_COORDINATOR)
		out->confidential = false;
	if (ld.every_event) {
		free(out->events);
		out->events = NULL;
		out->nevents = 0;
	}
	return 0;
}

void lead_close(struct lead *l)
{
	free(l->events);
	free(l->roles);
	free(l->orgs);
	free(l->seen);
	for (size_t i = 0; i < l->nowned; i++)
		free(l->owned[i]);
	free(l->owned);
	free(l->tables);
	memset(l, 0, sizeof *l);
}

void lead_abilities(const struct lead *l, void (*line)(void *arg, const char *text), void *arg)
{
	for (size_t k = 0; entity_at(k); k++) {
		const struct entity_def *ent = entity_at(k);
		struct strbuf b = {0};
		strbuf_addf(&b, "%s:", ent->plural);
		size_t start = b.len;
		for (int a = 0; a < (ent->read_only ? 1 : LEAD_NACTS); a++)
			if (lead_may(l, ent->table, (enum lead_act)a))
				strbuf_addf(&b, "%s %s", b.len > start ? "," : "", verbs[a]);
		if (b.len > start)
			line(arg, strbuf_str(&b));
		strbuf_free(&b);
	}
}

/* ---- the lead entity ----------------------------------------------------- */

int lead_prepare(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	(void)e;
	if (!old && !record_has(r, "created_at"))
		record_set_int(r, "created_at", clock_now(c->clock));
	return 0;
}

static bool login_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || s[0] == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-' || *s == '.' ||
		      *s == ':' || *s == '$'))
			return false;
	return true;
}

static int role_of(const struct record *r)
{
	const char *name = record_text(r, "role");
	for (int i = 0; name && lead_role_names[i]; i++)
		if (strcmp(lead_role_names[i], name) == 0)
			return i;
	return -1;
}

/* Another lead row of the same login: its role, or -1. */
static int other_role(struct ctx *c, const struct record *r, struct err *e, int *role)
{
	struct db_value keys[] = {db_text(record_text(r, "login")), db_int(r->id)}, out;
	*role = -1;
	if (record_store_value(c->db,
	                       "SELECT role FROM main.lead WHERE login = ? AND id != ? LIMIT 1",
	                       keys, 2, &out, e) < 0)
		return -1;
	for (int i = 0; out.kind == DBV_TEXT && lead_role_names[i]; i++)
		if (strcmp(lead_role_names[i], out.s) == 0)
			*role = i;
	db_value_clear(&out);
	return 0;
}

int lead_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	(void)old;
	const char *login = record_text(r, "login");
	int role = role_of(r);
	if (!login || !login_ok(login))
		return err_set(e, ERR_INPUT, "login: \"%s\" is not a login name",
		               login ? login : "");
	if (role < 0)
		return err_set(e, ERR_INPUT, "role: required");
	const struct lead_role_def *d = &roles[role];
	static const struct {
		const char *field;
		unsigned bit;
		const char *option;
	} scopes[] = {{.field = "event", .bit = SCOPE_EVENT, .option = "--event"},
	              {.field = "role_id", .bit = SCOPE_ROLE, .option = "--role-id"},
	              {.field = "org", .bit = SCOPE_ORG, .option = "--org"}};
	for (size_t i = 0; i < ARRAY_LEN(scopes); i++) {
		bool has = record_has(r, scopes[i].field);
		if (has && !(d->takes & scopes[i].bit))
			return err_set(e, ERR_INPUT, "%s: %s %s takes no %s", scopes[i].field,
			               article(role), lead_role_names[role], scopes[i].option);
		if (!has && (d->needs & scopes[i].bit))
			return err_set(e, ERR_INPUT, "%s: %s %s needs %s", scopes[i].field,
			               article(role), lead_role_names[role], scopes[i].option);
	}
	if (record_int(r, "confidential") && role != LEAD_COORDINATOR)
		return err_set(e, ERR_INPUT,
		               "confidential: only a coordinator is given the right to see "
		               "confidential people");
	int other;
	if (other_role(c, r, e, &other) < 0)
		return -1;
	if (other >= 0 && other != role)
		return err_set(e, ERR_REFUSED,
		               "%s is already a %s; a lead has one role (lead rm %s first)", login,
		               lead_role_names[other], login);
	static const char *const same[] = {"login", "role", "event", "role_id", "org"};
	struct db_value vals[ARRAY_LEN(same) + 1];
	struct strbuf sql = {0};
	strbuf_add(&sql, "SELECT id FROM main.lead WHERE id != ?");
	vals[0] = db_int(r->id);
	for (size_t i = 0; i < ARRAY_LEN(same); i++) {
		int at = entity_field_known(r->ent, same[i]);
		vals[i + 1] = r->v[at];
		strbuf_addf(&sql, " AND %s IS ?", same[i]);
	}
	struct db_value dup;
	int ret = record_store_value(c->db, strbuf_str(&sql), vals, ARRAY_LEN(vals), &dup, e);
	strbuf_free(&sql);
	if (ret < 0)
		return -1;
	if (dup.kind == DBV_INT)
		return err_set(e, ERR_REFUSED, "lead %" PRId64 " already gives %s that scope",
		               dup.i, login);
	return 0;
}

/* The last admin stays: without one, nobody could add leads again. */
int lead_after_write(struct ctx *c, const struct record *r, const char *action, struct err *e)
{
	(void)r;
	(void)action;
	struct db_value out;
	if (record_store_value(c->db,
	                       "SELECT EXISTS (SELECT 1 FROM main.lead WHERE role = 'admin')", NULL,
	                       0, &out, e) < 0)
		return -1;
	if (out.kind == DBV_INT && out.i)
		return 0;
	return err_set(e, ERR_REFUSED,
	               "the database keeps at least one admin; add another admin first");
}
