/*
 * change.c - the driver of the commands that change a plan in its text
 * (ip-evaluate, ip-close): lock, load, edit, check, then the diff or the
 * save, and the exit status.
 */
#include <stdio.h>

#include "cmd.h"

int
ip_change_plan(const struct ip_change *c, const char *prog)
{
	const struct ip_err err = { stderr, prog };
	struct ip_lock *lock = NULL;
	struct ip_diags *before = ip_diags_new(c->path);
	struct ip_diags *after = ip_diags_new(c->path);
	struct ip_doc *doc = NULL;
	int rc = IP_EXIT_TROUBLE;

	/* one command at a time, and nothing asked of the user for a plan
	 * that cannot be written */
	if (!c->dry_run && (ip_plan_writable(c->path, &err) != 0
	    || (lock = ip_plan_lock(c->path, &err)) == NULL))
		goto out;
	if (ip_doc_open(c->path, before, &doc) < 0) {
		ip_diags_print(before, stderr, 0);
		goto out;
	}
	ip_plan_check(ip_doc_plan(doc), c->today, before);
	if (c->edit(doc, c->ctx, &err) != 0)
		goto out;
	if (ip_doc_finish(doc, after, &err) != 0) {
		ip_diags_print(after, stderr, 0);
		goto out;
	}
	ip_plan_check(ip_doc_result(doc), c->today, after);
	size_t was = ip_diags_errors(before), is = ip_diags_errors(after);
	if (is > was && !c->force) {
		ip_diags_print(after, stderr, IP_PRINT_NO_WARNINGS);
		ip_fail(&err, P_("the change would leave the plan with "
		    "%zu error, more than its %zu: nothing written (see "
		    "above, or use --force)", "the change would leave the "
		    "plan with %zu errors, more than its %zu: nothing written "
		    "(see above, or use --force)", is), is, was);
		rc = IP_EXIT_FINDINGS;
		goto out;
	}
	if (c->dry_run) {
		ip_doc_diff(doc, c->path, stdout);
		rc = ip_finish_stdout(prog, IP_EXIT_OK);
	} else if (ip_doc_save(doc, c->path, &err) == 0)
		rc = IP_EXIT_OK;
out:
	ip_doc_free(doc);
	ip_plan_unlock(lock);
	ip_diags_free(before);
	ip_diags_free(after);
	return rc;
}
