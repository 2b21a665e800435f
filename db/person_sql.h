/* person_sql.h - what tells a person from another of the same name, as SQL
 * over the person table under alias p, for every store that lists people:
 * their email and organization ("dana@example.org · Safe Harbor Shelter"),
 * or their volunteer code when they have neither or are confidential. */
#ifndef MUSTER_PERSON_SQL_H
#define MUSTER_PERSON_SQL_H

#define PERSON_TELL(p)                                                                             \
	"(CASE WHEN " p ".confidential THEN " p ".volunteer_code ELSE coalesce(nullif(trim("       \
	"coalesce(" p ".email || ' \xc2\xb7 ', '') || coalesce((SELECT o.name FROM org AS o"       \
	" WHERE o.id = " p ".org), ''), ' \xc2\xb7'), ''), " p ".volunteer_code) END)"

#endif
