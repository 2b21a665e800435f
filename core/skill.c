/* skill.c - skills: the rule on a skill's name (see skill.h). */
#include "skill.h"

#include <string.h>

int skill_validate(struct ctx *c, struct record *r, const struct record *old, struct err *e)
{
	(void)c;
	(void)old;
	const char *name = record_text(r, "name");
	if (name && strchr(name, ';'))
		return err_set(e, ERR_INPUT,
		               "name: a skill name cannot hold ';' (it separates skills in "
		               "spreadsheets)");
	return 0;
}
