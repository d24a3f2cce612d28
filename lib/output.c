/*
 * output.c - writing a file atomically: a temporary file beside the
 * target, mode 0600, renamed into place only when complete.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"

struct ip_out {
	FILE *f;
	char *path;		/* NULL: standard output */
	char *tmp;
};

struct ip_out *
ip_out_open(const char *path, const char *prog)
{
	struct ip_out *o = calloc(1, sizeof(*o));
	if (o == NULL) {
		ip_error(prog, "out of memory");
		return NULL;
	}
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
		return o;
	}
	/* The temporary file goes beside the target, never to /tmp: the
	 * rename stays on one file system and health data stays put. */
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	size_t len = strlen(path) + 16;
	o->path = strdup(path);
	o->tmp = malloc(len);
	if (o->path == NULL || o->tmp == NULL) {
		ip_error(prog, "out of memory");
		goto fail;
	}
	snprintf(o->tmp, len, "%.*s.%s.XXXXXX", dirlen, path,
	    path + dirlen);
	int fd = mkstemp(o->tmp);	/* O_EXCL, mode 0600 */
	if (fd < 0) {
		ip_error(prog, "cannot create a file beside '%s': %s", path,
		    strerror(errno));
		goto fail;
	}
	if ((o->f = fdopen(fd, "w")) == NULL) {
		ip_error(prog, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		goto fail;
	}
	return o;
fail:
	free(o->path);
	free(o->tmp);
	free(o);
	return NULL;
}

FILE *
ip_out_file(struct ip_out *o)
{
	return o->f;
}

static void
out_free(struct ip_out *o)
{
	free(o->path);
	free(o->tmp);
	free(o);
}

void
ip_out_abort(struct ip_out *o)
{
	if (o == NULL)
		return;
	if (o->path != NULL) {
		fclose(o->f);
		unlink(o->tmp);
	}
	out_free(o);
}

int
ip_out_commit(struct ip_out *o, bool replace, const char *prog)
{
	int rc = 0;

	if (o->path == NULL) {
		if (fflush(o->f) != 0 || ferror(o->f))
			rc = ip_error(prog, "cannot write to standard output: "
			    "%s", strerror(errno ? errno : EIO));
		out_free(o);
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		rc = ip_error(prog, "cannot write '%s': %s", o->path,
		    strerror(errno ? errno : EIO));
		ip_out_abort(o);
		return rc;
	}
	if (fclose(o->f) != 0) {
		rc = ip_error(prog, "cannot write '%s': %s", o->path,
		    strerror(errno));
	} else if (replace) {
		if (rename(o->tmp, o->path) != 0)
			rc = ip_error(prog, "cannot write '%s': %s", o->path,
			    strerror(errno));
	} else if (link(o->tmp, o->path) != 0) {
		/* link() never replaces: the atomic no-clobber create */
		rc = ip_error(prog, errno == EEXIST
		    ? "'%s' exists: not overwritten (use --force)"
		    : "cannot write '%s': %s", o->path, strerror(errno));
	}
	unlink(o->tmp);	/* after a rename this fails harmlessly */
	out_free(o);
	return rc;
}
