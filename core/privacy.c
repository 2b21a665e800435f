/* privacy.c - the rules for rows that point at an erased person, and the
 * retention cut-off. Counts stay right: registrations (attendance),
 * assignments (coverage, hours), speaker links (the attendance report
 * counts a session's speakers) and sign-ups (a session's seats) stay,
 * pointing at "Erased person N"; links that describe the person and count
 * nothing go. */
#include "privacy.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "entity.h"

static const struct ref_rule rules[] = {
    {.table = "registration",
     .column = "person",
     .fate = REF_KEEP,
     .why = "attendance and seats of past events"},
    {.table = "assignment",
     .column = "person",
     .fate = REF_KEEP,
     .why = "coverage and hours of past shifts"},
    {.table = "speaker",
     .column = "person",
     .fate = REF_KEEP,
     .why = "the attendance report counts a session's speakers"},
    {.table = "signup",
     .column = "person",
     .fate = REF_KEEP,
     .why = "a session's seats, waitlist and attendance"},
    {.table = "person_skill",
     .column = "person",
     .fate = REF_DELETE,
     .why = "describes the person, counts nothing"},
    {.table = "availability",
     .column = "person",
     .fate = REF_DELETE,
     .why = "describes the person, counts nothing"},
    {.table = "role", .column = "lead", .fate = REF_CLEAR, .why = "the role stays, without a lead"},
    {.table = "itip_sent",
     .column = "person",
     .fate = REF_DELETE,
     .why = "what was last mailed to them; nothing is sent to an erased person"},
    {.table = "mail_outbox",
     .column = "person",
     .fate = REF_DELETE,
     .why = "messages to them, queued or sent (their name and address are in each); "
            "nothing is mailed to an erased person"},
};

const struct ref_rule *privacy_rule(const struct person_ref *r)
{
	for (size_t i = 0; i < ARRAY_LEN(rules); i++)
		if (strcmp(rules[i].table, r->table) == 0 &&
		    strcmp(rules[i].column, r->column) == 0)
			return &rules[i];
	return NULL;
}

const char *privacy_fate_name(enum ref_fate f)
{
	static const char *const names[] = {
	    [REF_KEEP] = "kept",
	    [REF_DELETE] = "removed",
	    [REF_CLEAR] = "unlinked",
	};
	return names[f];
}

int privacy_refs(struct ctx *c, struct person_ref **out, size_t *n, struct err *e)
{
	if (privacy_store_person_refs(c->db, out, n, e) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

int privacy_refs_covered(const struct person_ref *refs, size_t n, struct err *e)
{
	char missing[512] = "";
	size_t used = 0;
	for (size_t i = 0; i < n; i++)
		if (!privacy_rule(&refs[i]) && used < sizeof missing)
			used += (size_t)snprintf(missing + used, sizeof missing - used, "%s%s.%s",
			                         used ? ", " : "", refs[i].table, refs[i].column);
	if (!used)
		return 0;
	return err_set(e, ERR_DB,
	               "%s refer%s to people but core/privacy.c has no erasure rule for %s; "
	               "nothing was erased",
	               missing, strchr(missing, ',') ? "" : "s",
	               strchr(missing, ',') ? "them" : "it");
}

bool privacy_cutoff(const struct ctx *c, int64_t *cutoff)
{
	int days = c->cfg->retain_days_after_event;
	*cutoff = clock_now(c->clock) - (int64_t)days * 86400;
	return days > 0;
}

static int count_one(void *arg, int64_t person)
{
	(void)person;
	++*(int64_t *)arg;
	return 0;
}

int privacy_sweep_count(struct ctx *c, int64_t event, int64_t *n, struct err *e)
{
	int64_t cutoff;
	*n = 0;
	if (!privacy_cutoff(c, &cutoff))
		return 0;
	if (event > 0) { /* an event not over long enough holds all its people */
		struct record ev;
		if (record_get(c, entity_find("event"), event, &ev, e) < 0)
			return -1;
		int64_t ends = record_int(&ev, "ends");
		record_free(&ev);
		if (ends > cutoff)
			return 0;
	}
	struct person_ref *refs;
	size_t nrefs;
	if (privacy_refs(c, &refs, &nrefs, e) < 0)
		return -1;
	int ret = privacy_store_expired(c->db, refs, nrefs, cutoff, event, count_one, n, e);
	free(refs);
	return ret;
}
