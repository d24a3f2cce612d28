/*
 * output.c - writing a file atomically: a temporary file beside the
 * target, mode 0600, renamed into place only when complete, and removed
 * if the write fails or the process is killed by a signal it can catch.
 */
#define _XOPEN_SOURCE 700	/* realpath() */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

struct ip_out {
	FILE *f;
	char *path;		/* the target; NULL: the stream std */
	char *tmp;		/* NULL: written straight into path */
	bool replace;
};

/*
 * While a file is written, SIGHUP, SIGINT and SIGTERM remove its
 * temporary file before they end the process as they would have.  The
 * handler may only do what is async-signal-safe, so the name is kept in
 * a static buffer, set and cleared with those signals blocked; one output
 * is open at a time.  (Every command ignores SIGXFSZ, so a write beyond
 * the file size limit fails with EFBIG like any other failed write,
 * instead of killing the process: see ip_cli_getopt().)
 */
static const int fatal[] = { SIGHUP, SIGINT, SIGTERM };
#define NFATAL (sizeof(fatal) / sizeof(*fatal))
static struct sigaction saved[NFATAL];
static char armed_tmp[PATH_MAX];	/* "": no file to remove */

static void
on_fatal(int sig)
{
	int e = errno;
	unlink(armed_tmp);
	signal(sig, SIG_DFL);
	raise(sig);	/* blocked until the handler returns, then fatal */
	errno = e;
}

static void
block(bool on, sigset_t *old)
{
	sigset_t set;
	sigemptyset(&set);
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(&set, fatal[i]);
	pthread_sigmask(on ? SIG_BLOCK : SIG_SETMASK, on ? &set : old,
	    on ? old : NULL);
}

/* Removes the file tmp on the fatal signals, of which one that was
 * ignored stays ignored. */
static void
arm(const char *tmp)
{
	struct sigaction sa = { .sa_handler = on_fatal };
	sigset_t old;

	sigemptyset(&sa.sa_mask);
	block(true, &old);
	memcpy(armed_tmp, tmp, strlen(tmp) + 1);
	for (size_t i = 0; i < NFATAL; i++) {
		sigaction(fatal[i], NULL, &saved[i]);
		if (saved[i].sa_handler != SIG_IGN)
			sigaction(fatal[i], &sa, NULL);
	}
	block(false, &old);
}

/* Gives the signals back as they were. */
static void
disarm(void)
{
	sigset_t old;

	if (armed_tmp[0] == '\0')
		return;
	block(true, &old);
	for (size_t i = 0; i < NFATAL; i++)
		sigaction(fatal[i], &saved[i], NULL);
	armed_tmp[0] = '\0';
	block(false, &old);
}

/* Where to write for path: path itself, or the file a link at path
 * points to, so that a link is followed rather than replaced.  Stores the
 * target's status in *st, and whether it exists in *exists. */
static char *
target(const char *path, struct stat *st, bool *exists)
{
	struct stat l;

	*exists = stat(path, st) == 0;
	if (*exists && S_ISREG(st->st_mode) && lstat(path, &l) == 0
	    && S_ISLNK(l.st_mode))
		return realpath(path, NULL);
	return strdup(path);
}

/* Starts writing straight into the existing file path that is not a
 * regular file: a device such as /dev/null, or a FIFO. */
static struct ip_out *
open_direct(struct ip_out *o, const struct ip_err *err)
{
	int fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || (o->f = fdopen(fd, "w")) == NULL) {
		ip_fail(err, "cannot write '%s': %s", o->path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		free(o->path);
		free(o);
		return NULL;
	}
	return o;
}

struct ip_out *
ip_out_open(const char *path, FILE *std, bool replace,
    const struct ip_err *err)
{
	struct ip_out *o = ip_xcalloc(1, sizeof(*o));
	struct stat st;
	bool exists;

	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = std;
		return o;
	}
	if ((o->path = target(path, &st, &exists)) == NULL) {
		ip_fail(err, "cannot write '%s': %s", path, strerror(errno));
		goto fail;
	}
	if (exists && !replace) {
		ip_fail(err, "'%s' exists: not overwritten (use --force)",
		    path);
		goto fail;
	}
	if (exists && S_ISDIR(st.st_mode)) {
		ip_fail(err, "cannot write '%s': %s", path,
		    strerror(EISDIR));
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode))
		return open_direct(o, err);

	/* The temporary file goes beside the target, never to /tmp: the
	 * rename stays on one file system and health data stays put.  Its
	 * name is the target's, cut so that it is not too long a name. */
	const char *slash = strrchr(o->path, '/');
	int dirlen = slash ? (int)(slash - o->path + 1) : 0;
	size_t len = strlen(o->path) + 16;
	o->tmp = ip_xmalloc(len);
	snprintf(o->tmp, len, "%.*s.%.*s.XXXXXX", dirlen, o->path,
	    NAME_MAX - 8, o->path + dirlen);
	if (strlen(o->tmp) >= sizeof(armed_tmp)) {
		ip_fail(err, "cannot create a file beside '%s': %s", path,
		    strerror(ENAMETOOLONG));
		goto fail;
	}
	/* no signal between the file's creation and its name's keeping */
	sigset_t old;
	block(true, &old);
	int fd = mkstemp(o->tmp), e = errno;	/* O_EXCL, mode 0600 */
	if (fd >= 0)
		arm(o->tmp);
	block(false, &old);
	if (fd < 0) {
		ip_fail(err, "cannot create a file beside '%s': %s", path,
		    strerror(e));
		goto fail;
	}
	if ((o->f = fdopen(fd, "w")) == NULL) {
		ip_fail(err, "cannot write '%s': %s", path, strerror(errno));
		close(fd);
		unlink(o->tmp);
		disarm();
		goto fail;
	}
	o->replace = replace;
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
	if (o->path != NULL)
		fclose(o->f);
	if (o->tmp != NULL) {
		unlink(o->tmp);
		disarm();
	}
	out_free(o);
}

int
ip_out_commit(struct ip_out *o, const struct ip_err *err)
{
	int rc = 0;

	if (o->path == NULL) {
		/* quiet when the reader has left */
		rc = ip_flush(o->f, "standard output", err);
		out_free(o);
		return rc;
	}
	if (o->tmp == NULL) {	/* a device or a FIFO, written straight */
		bool bad = fflush(o->f) != 0 || ferror(o->f);
		if (fclose(o->f) != 0 || bad)
			rc = ip_fail(err, "cannot write '%s': %s", o->path,
			    strerror(errno ? errno : EIO));
		out_free(o);
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		rc = ip_fail(err, "cannot write '%s': %s", o->path,
		    strerror(errno ? errno : EIO));
		ip_out_abort(o);
		return rc;
	}
	if (fclose(o->f) != 0) {
		rc = ip_fail(err, "cannot write '%s': %s", o->path,
		    strerror(errno));
	} else if (o->replace) {
		if (rename(o->tmp, o->path) != 0)
			rc = ip_fail(err, "cannot write '%s': %s", o->path,
			    strerror(errno));
	} else if (link(o->tmp, o->path) != 0) {
		/* link() never replaces: the atomic no-clobber create */
		rc = ip_fail(err, errno == EEXIST
		    ? "'%s' exists: not overwritten (use --force)"
		    : "cannot write '%s': %s", o->path, strerror(errno));
	}
	unlink(o->tmp);	/* after a rename this fails harmlessly */
	disarm();
	out_free(o);
	return rc;
}
