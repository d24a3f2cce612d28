/*
 * ids.c - the ids of a plan's participants, sub-goals or measures, for
 * shell completion (ip-export --list-participants, ip-evaluate
 * --list-subgoals and --list-measures).
 */
#include <stdio.h>

#include "cmd.h"

/* True if s stands in output as it is (see ip_clean_step()). */
static bool
shown_as_is(const char *s)
{
	const char *instead;

	for (size_t n; *s != '\0'; s += n)
		if ((n = ip_clean_step(s, &instead)), instead != NULL)
			return false;
	return true;
}

/* Writes id to out if it is shown as it is. */
static void
list_id(const char *id, void *out)
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
	} else
		ip_plan_ids(p, what, list_id, out);
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}
