/*
 * ids.c - the ids of a plan's participants, sub-goals or measures, for
 * shell completion (ip-export --list-participants, ip-evaluate
 * --list-subgoals and --list-measures).
 */
#include <stdio.h>

#include "cmd.h"
#include "plan.h"

/* True if s stands in output as it is (see ip_clean_step()). */
static bool
shown_as_is(const char *s)
{
	const char *instead;
	bool digit = false;

	for (size_t n; *s != '\0'; s += n) {
		if ((n = ip_clean_step(s, digit, &instead)), instead != NULL)
			return false;
		digit = *s >= '0' && *s <= '9';
	}
	return true;
}

/* Writes id to out if it is shown as it is. */
static void
list_id(const char *id, FILE *out)
{
	if (id != NULL && shown_as_is(id))
		fprintf(out, "%s\n", id);
}

int
ip_list_ids(const char *path, enum ip_ids what, FILE *out)
{
	struct ip_diags *d = ip_diags_for(path == NULL ? "-" : path);
	struct ip_plan *p;
	int rc = IP_EXIT_OK;

	if (ip_plan_load(path == NULL ? "-" : path, d, &p) != 0) {
		ip_diags_print(d, stderr, 0);
		rc = ip_diags_trouble(d) ? IP_EXIT_TROUBLE : IP_EXIT_FINDINGS;
	} else if (what == IP_IDS_PARTICIPANTS) {
		for (size_t i = 0; i < p->participants.n; i++)
			list_id(p->participants.v[i].id.s, out);
	} else if (what == IP_IDS_SUBGOALS) {
		for (size_t i = 0; i < p->goals.n; i++)
			for (size_t j = 0; j < p->goals.v[i].subgoals.n; j++)
				list_id(p->goals.v[i].subgoals.v[j].id.s, out);
	} else {
		for (size_t i = 0; i < p->measures.n; i++)
			list_id(p->measures.v[i].id.s, out);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}
