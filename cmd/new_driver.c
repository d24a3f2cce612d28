/*
 * new_driver.c - the ip-new driver: make the plan with the library and
 * write it.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"

int
ip_new(const char *path, const struct ip_new_opts *o, const char *prog)
{
	const struct ip_err err = { stderr, prog };
	char *buf;
	size_t len;
	int rc = IP_EXIT_TROUBLE;

	if (ip_new_make(o, &err, &buf, &len) != 0)
		return IP_EXIT_TROUBLE;
	/* a short write leaves the stream in error: the commit says so */
	struct ip_out *out = ip_out_open(path, stdout, o->force, &err);
	if (out != NULL) {
		fwrite(buf, 1, len, ip_out_file(out));
		if (ip_out_commit(out, &err) == 0)
			rc = IP_EXIT_OK;
	}
	free(buf);
	return rc;
}
