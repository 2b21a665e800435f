/* subject_access.h - everything muster holds about one person, as one JSON
 * document (person export). The shape, version 1:
 *   {
 *     "format": "muster-subject-access", "version": 1,
 *     "generated_at": "2026-11-24T12:00:00Z",     (UTC, ISO 8601)
 *     "person": { "id": 7, "name": ..., every field of `show person` except
 *                 the PIN hash, "pin_set": true|false },
 *     "organization": { the organization's fields } | null,
 *     "records": {                 (every table whose rows point at a person,
 *       "registration": {           read from the schema: a table added later
 *         "column": "person",       appears without a change here)
 *         "on_erase": "kept" | "removed" | "unlinked",
 *         "rows": [ { every column; times as ISO 8601 UTC; a reference to a
 *                     named row also as "<column>_name" (the event's name,
 *                     the session's title...); to a shift or session also
 *                     "<column>_starts", "<column>_ends" and, for a row
 *                     without a name, the names it points at in turn
 *                     ("shift_role", "shift_room", "shift_event") } ] },
 *       "assignment": {...}, "speaker": {...}, "person_skill": {...},
 *       "availability": {...}, "role": {"column": "lead", ...}, ... },
 *     "audit": [ { "id", "at", "actor", "action", "entity", "entity_id",
 *                  "event", "summary" } ]  (entries about the person, on a
 *                 row of theirs, or made at the kiosk with their code)
 *   }
 * The export is itself audited (without the file name). */
#ifndef MUSTER_SUBJECT_ACCESS_H
#define MUSTER_SUBJECT_ACCESS_H

#include <stdint.h>
#include <stdio.h>

#include "ctx.h"

/* Write the document for person to out. *nrecords: rows under "records". */
int subject_access_export(struct ctx *c, int64_t person, FILE *out, size_t *nrecords,
                          struct err *e);

#endif
