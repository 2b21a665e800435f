/* skill.h - skills (first aid, interpreting...): what a skill's name may
 * hold. People hold skills through person_skill; roles require one. */
#ifndef MUSTER_SKILL_H
#define MUSTER_SKILL_H

#include "entity.h"

/* Entity hook (core/entity.c): a name holds no ';', which separates skills
 * in the skills column of a people spreadsheet (people_csv.c). */
int skill_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e);

#endif
