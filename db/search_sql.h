/* search_sql.h - the tables a list's `/` searches and the columns of each
 * that their search indexes hold: db/migrate.c makes the indexes and their
 * triggers from these, db/search_store.c fills them after a bulk write. A
 * person's email and volunteer code are matched by prefix through their own
 * unique indexes (db/page_store.c). */
#ifndef MUSTER_SEARCH_SQL_H
#define MUSTER_SEARCH_SQL_H

/* X(table) for every searched table. */
#define SEARCH_TABLES(X)                                                                           \
	X(person) X(org) X(event) X(skill) X(room) X(session) X(booth) X(role) X(audit)

/* What each table's search reads, as columns and as the values of row r. */
#define SEARCH_COLS_person     "name"
#define SEARCH_VALS_person(r)  r ".name"
#define SEARCH_COLS_org        "name, sector"
#define SEARCH_VALS_org(r)     r ".name, " r ".sector"
#define SEARCH_COLS_event      "name"
#define SEARCH_VALS_event(r)   r ".name"
#define SEARCH_COLS_skill      "name"
#define SEARCH_VALS_skill(r)   r ".name"
#define SEARCH_COLS_room       "name"
#define SEARCH_VALS_room(r)    r ".name"
#define SEARCH_COLS_session    "title"
#define SEARCH_VALS_session(r) r ".title"
#define SEARCH_COLS_booth      "label"
#define SEARCH_VALS_booth(r)   r ".label"
#define SEARCH_COLS_role       "name"
#define SEARCH_VALS_role(r)    r ".name"
#define SEARCH_COLS_audit      "summary, actor"
#define SEARCH_VALS_audit(r)   r ".summary, " r ".actor"

/* clang-format off */
/* Row r (NEW or OLD) into, or out of, index kind ("trigram", "words") of t. */
#define SEARCH_ADD(t, kind, row)                                                                   \
	" INSERT INTO " #t "_" kind "(rowid, " SEARCH_COLS_##t ")"                                 \
	" VALUES (" row ".id, " SEARCH_VALS_##t(row) ");"
#define SEARCH_DEL(t, kind, row)                                                                   \
	" INSERT INTO " #t "_" kind "(" #t "_" kind ", rowid, " SEARCH_COLS_##t ")"              \
	" VALUES ('delete', " row ".id, " SEARCH_VALS_##t(row) ");"
/* The trigger that indexes a new row of t; a bulk write drops it for its
 * transaction (db/search_store.c). Named in main: a lead's connection has
 * TEMP views of the same names as the tables (db/scope_store.c). */
#define SEARCH_ADD_TRIGGER(t)                                                                      \
	"CREATE TRIGGER main." #t "_search_add AFTER INSERT ON " #t " BEGIN"                            \
	SEARCH_ADD(t, "trigram", "NEW") SEARCH_ADD(t, "words", "NEW") " END;"
/* clang-format on */

#endif
