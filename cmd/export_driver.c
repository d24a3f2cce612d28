/*
 * export_driver.c - the ip-export driver: check that the options go
 * together and that the output is not the plan, load the plan, render
 * it with the library and write it.
 */
#include <stdlib.h>

#include "cmd.h"

int
ip_export(const char *path, const struct ip_export_cli *c,
    ip_render_fn *render, const char *prog)
{
	const struct ip_err e = { stderr, prog }, *err = &e;
	bool findings;
	struct ip_plan *p = NULL;
	struct ip_diags *d = NULL;
	int rc = IP_EXIT_TROUBLE;
	char *out = NULL;

	if (path == NULL)
		path = "-";
	if (ip_export_check(&c->how, err) != 0
	    || ip_out_check(c->output, path, c->force, err) != 0)
		return IP_EXIT_TROUBLE;

	d = ip_diags_for(path);
	if (ip_plan_load(path, d, &p) != 0) {
		/* findings that cannot be told are trouble, as in ip-validate */
		rc = ip_diags_print(d, err->f, 0) != 0 || ip_diags_trouble(d)
		    ? IP_EXIT_TROUBLE : IP_EXIT_FINDINGS;
		goto done;
	}
	if ((out = render(p, ip_diags_name(d), &c->how, err, &findings))
	    == NULL) {
		rc = findings ? IP_EXIT_FINDINGS : IP_EXIT_TROUBLE;
		goto done;
	}
	/* a short write leaves the stream in error: the commit says so */
	struct ip_out *f = ip_out_open(c->output, stdout, true, err);
	if (f != NULL) {
		fputs(out, ip_out_file(f));
		if (ip_out_commit(f, err) == 0)
			rc = IP_EXIT_OK;
	}
done:
	free(out);
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}
