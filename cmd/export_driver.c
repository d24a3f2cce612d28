/*
 * export_driver.c - the ip-export driver: check that the output is not
 * the plan, load the plan, render it with the library and write it.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

/* -o must not name the plan itself, by any name: that would replace it.
 * Standard input is the plan too when it is a file. */
static int
not_the_input(const char *path, const char *output, const struct ip_err *err)
{
	struct stat a, b;
	if (output == NULL || strcmp(output, "-") == 0
	    || (strcmp(path, "-") == 0 ? fstat(0, &a) : stat(path, &a)) != 0
	    || stat(output, &b) != 0)
		return 0;
	if (a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return ip_fail(err, _("'%s' is the plan itself: not "
		    "overwritten"), output);
	return 0;
}

int
ip_export(const char *path, const struct ip_export_opts *o,
    const char *prog)
{
	const struct ip_err e = { stderr, prog }, *err = &e;
	struct ip_export_how h;
	bool findings;
	struct ip_plan *p = NULL;
	struct ip_diags *d = NULL;
	int rc = IP_EXIT_TROUBLE;
	char *out = NULL;

	if (path == NULL)
		path = "-";
	if (ip_export_how(o, &h, err) != 0
	    || not_the_input(path, o->output, err) != 0)
		return IP_EXIT_TROUBLE;

	d = ip_diags_for(path);
	if (ip_plan_load(path, d, &p) != 0) {
		/* findings that cannot be told are trouble, as in ip-validate */
		rc = ip_diags_print(d, err->f, 0) != 0 || ip_diags_trouble(d)
		    ? IP_EXIT_TROUBLE : IP_EXIT_FINDINGS;
		goto done;
	}
	if ((out = ip_export_render(p, ip_diags_name(d), &h, err, &findings))
	    == NULL) {
		rc = findings ? IP_EXIT_FINDINGS : IP_EXIT_TROUBLE;
		goto done;
	}
	/* a short write leaves the stream in error: the commit says so */
	struct ip_out *f = ip_out_open(o->output, stdout, true, err);
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
