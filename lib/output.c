/*
 * output.c - writing a file atomically: a temporary file beside the
 * target, mode 0600, renamed into place only when complete, and removed
 * if the write fails or the process is killed by a signal it can catch;
 * and what a command that changes a plan needs beside that: to replace
 * it only if it is as it was read, a private file beside it, its lock.
 */
#define _DEFAULT_SOURCE		/* flock() */
#define _XOPEN_SOURCE 700	/* realpath() */
#include "iplan.h"	/* ip_out_open() ... */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"

struct ip_out {
	FILE *f;
	char *path;		/* the target; NULL: the stream std */
	char *tmp;		/* NULL: written straight into path */
	bool replace;
	bool keep;		/* replacing a file: keep its mode and owners */
	struct stat old;	/* that file's status */
	const char *expect;	/* ip_out_expect(): what it must still hold */
	size_t expect_len;
	bool expecting;
};

/*
 * While a file is written, every signal whose default action ends the
 * process removes its temporary file before it ends the process as it
 * would have: only SIGKILL, which cannot be caught, can leave it.  The
 * handler may only do what is async-signal-safe, so the name is kept in
 * a static buffer, set and cleared with those signals blocked; one output
 * is open at a time.  (Every command ignores SIGPIPE and SIGXFSZ, so a
 * write to a pipe whose reader has left, or beyond the file size limit,
 * fails like any other failed write: see ip_cli_getopt().  Ignored, they
 * stay ignored.)
 */
static const int fatal[] = { SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGTRAP,
	SIGABRT, SIGBUS, SIGFPE, SIGUSR1, SIGSEGV, SIGUSR2, SIGPIPE, SIGALRM,
	SIGTERM, SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSYS, SIGPOLL,
#ifdef SIGSTKFLT
	SIGSTKFLT,
#endif
#ifdef SIGPWR
	SIGPWR,
#endif
};
#define NFATAL (sizeof(fatal) / sizeof(*fatal))
#define MAXSIG 128	/* above SIGRTMAX */
static struct sigaction saved[MAXSIG];
static char armed_tmp[PATH_MAX];	/* "": no file to remove */

/* The fatal signals: those above, and the real-time ones. */
static void
fatal_set(sigset_t *set)
{
	sigemptyset(set);
	for (size_t i = 0; i < NFATAL; i++)
		sigaddset(set, fatal[i]);
	for (int sig = SIGRTMIN; sig <= SIGRTMAX && sig < MAXSIG; sig++)
		sigaddset(set, sig);
}

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
	fatal_set(&set);
	pthread_sigmask(on ? SIG_BLOCK : SIG_SETMASK, on ? &set : old,
	    on ? old : NULL);
}

/* Removes the file tmp on the fatal signals, of which one that was
 * ignored stays ignored. */
static void
arm(const char *tmp)
{
	struct sigaction sa = { .sa_handler = on_fatal };
	sigset_t old, set;

	fatal_set(&set);
	sa.sa_mask = set;	/* one handler at a time */
	block(true, &old);
	memcpy(armed_tmp, tmp, strlen(tmp) + 1);
	for (int sig = 1; sig < MAXSIG; sig++) {
		if (sigismember(&set, sig) != 1)
			continue;
		sigaction(sig, NULL, &saved[sig]);
		if (saved[sig].sa_handler != SIG_IGN)
			sigaction(sig, &sa, NULL);
	}
	block(false, &old);
}

/* Gives the signals back as they were. */
static void
disarm(void)
{
	sigset_t old, set;

	if (armed_tmp[0] == '\0')
		return;
	fatal_set(&set);
	block(true, &old);
	for (int sig = 1; sig < MAXSIG; sig++)
		if (sigismember(&set, sig) == 1)
			sigaction(sig, &saved[sig], NULL);
	armed_tmp[0] = '\0';
	block(false, &old);
}

/* The directory that holds path, malloc'd.  Aborts when out of memory. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash == NULL ? ip_xstrdup(".") : slash == path
	    ? ip_xstrdup("/") : ip_xstrndup(path, (size_t)(slash - path));
}

/*
 * Whether the link at path, whose status is *l, may be followed: as the
 * kernel's fs.protected_symlinks has it, not if it is in a directory that
 * is sticky and world-writable, such as /tmp, and neither the caller nor
 * the directory's owner owns it, since another user planted it there;
 * and for root, in such a directory, never, since root could be made to
 * replace any file.  Root asks for the file a link there leads to by
 * naming that file.
 */
static bool
may_follow(const char *path, const struct stat *l)
{
	char *dir = dir_of(path);
	struct stat d;
	bool ok;

	ok = stat(dir, &d) == 0 && (!(d.st_mode & S_ISVTX)
	    || !(d.st_mode & S_IWOTH)
	    || (geteuid() != 0 && (l->st_uid == geteuid()
	    || l->st_uid == d.st_uid)));
	free(dir);
	return ok;
}

/* Where to write for path: path itself, or the file a link at path
 * points to, so that a link is followed rather than replaced (but for a
 * link to nothing, which is replaced).  Stores the target's status in
 * *st, and whether it exists in *exists.  Returns NULL with errno set if
 * path cannot be written: a link that is not to be followed (EPERM), a
 * loop of links (ELOOP), or another failure of stat() but ENOENT. */
static char *
target(const char *path, struct stat *st, bool *exists)
{
	struct stat l;
	bool link = lstat(path, &l) == 0 && S_ISLNK(l.st_mode);

	if (!(*exists = stat(path, st) == 0) && errno != ENOENT)
		return NULL;
	if (*exists && link && !may_follow(path, &l)) {
		errno = EPERM;
		return NULL;
	}
	if (*exists && S_ISREG(st->st_mode) && link)
		return realpath(path, NULL);
	return strdup(path);
}

/* Whether the file whose status is *st is the stream std. */
static bool
is_std(const struct stat *st, FILE *std)
{
	struct stat o;
	return fstat(fileno(std), &o) == 0 && o.st_dev == st->st_dev
	    && o.st_ino == st->st_ino;
}

/* Starts writing straight into the existing file path that is not a
 * regular file: a device such as /dev/null, or a FIFO. */
static struct ip_out *
open_direct(struct ip_out *o, const struct ip_err *err)
{
	int fd = open(o->path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || (o->f = fdopen(fd, "w")) == NULL) {
		ip_fail(err, _("cannot write '%s': %s"), o->path,
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
		if (errno == EPERM && geteuid() == 0)
			ip_fail(err, _("'%s' is a symbolic link in a shared "
			    "sticky directory, which root does not follow: "
			    "name the file it leads to"), path);
		else if (errno == EPERM)
			ip_fail(err, _("'%s' is a symbolic link another user "
			    "made in a shared sticky directory: not followed"),
			    path);
		else
			ip_fail(err, _("cannot write '%s': %s"), path,
			    strerror(errno));
		goto fail;
	}
	if (exists && !replace) {
		ip_fail(err, _("'%s' exists: not overwritten (use --force)"),
		    path);
		goto fail;
	}
	if (exists && S_ISDIR(st.st_mode)) {
		ip_fail(err, _("cannot write '%s': %s"), path,
		    strerror(EISDIR));
		goto fail;
	}
	if (exists && is_std(&st, std)) {	/* /dev/stdout, >>file */
		free(o->path);
		o->path = NULL;
		o->f = std;
		return o;
	}
	if (exists && !S_ISREG(st.st_mode))
		return open_direct(o, err);
	o->keep = exists;
	o->old = st;

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
		ip_fail(err, _("cannot create a file beside '%s': %s"), path,
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
		ip_fail(err, _("cannot create a file beside '%s': %s"), path,
		    strerror(e));
		goto fail;
	}
	if ((o->f = fdopen(fd, "w")) == NULL) {
		ip_fail(err, _("cannot write '%s': %s"), path, strerror(errno));
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

/*
 * Gives the file fd, which replaces the file whose status is *old, that
 * file's group and permissions (without set-id bits), and its owner too
 * when the caller is root, so that a plan in a folder shared by a group
 * stays shared.  A group the caller may not give keeps the caller's, and
 * then the group has no access.
 */
static int
keep_status(int fd, const struct stat *old)
{
	mode_t mode = old->st_mode & 0777;

	if (fchown(fd, geteuid() == 0 ? old->st_uid : (uid_t)-1,
	    old->st_gid) != 0)
		mode &= ~(mode_t)070;
	return fchmod(fd, mode);
}

/* Flushes to disk the directory that holds path. */
static int
sync_dir(const char *path)
{
	char *dir = dir_of(path);
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1, rc;

	free(dir);
	if (fd < 0)
		return -1;
	/* some file systems cannot sync a directory, and need not */
	rc = fsync(fd) != 0 && errno != EINVAL ? -1 : 0;
	close(fd);
	return rc;
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

void
ip_out_expect(struct ip_out *o, const char *buf, size_t len)
{
	o->expect = buf;
	o->expect_len = len;
	o->expecting = true;
}

/* Whether the file at path holds exactly the len bytes at buf. */
static bool
holds(const char *path, const char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	char chunk[65536];
	size_t at = 0;
	bool same;

	if (fd < 0)
		return false;
	same = fstat(fd, &st) == 0 && S_ISREG(st.st_mode)
	    && (size_t)st.st_size == len;
	while (same) {
		ssize_t r = read(fd, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			same = r == 0 && at == len;
			break;
		}
		same = (size_t)r <= len - at && memcmp(chunk, buf + at,
		    (size_t)r) == 0;
		at += (size_t)r;
	}
	close(fd);
	return same;
}

int
ip_out_commit(struct ip_out *o, const struct ip_err *err)
{
	int rc = 0;

	if (o->path == NULL) {
		/* quiet when the reader has left */
		rc = ip_flush(o->f, _("standard output"), err);
		out_free(o);
		return rc;
	}
	if (o->tmp == NULL) {	/* a device or a FIFO, written straight */
		bool bad = fflush(o->f) != 0 || ferror(o->f);
		if (fclose(o->f) != 0 || bad)
			rc = ip_fail(err, _("cannot write '%s': %s"), o->path,
			    strerror(errno ? errno : EIO));
		out_free(o);
		return rc;
	}
	if (o->keep && keep_status(fileno(o->f), &o->old) != 0) {
		rc = ip_fail(err, _("cannot keep the mode of '%s': %s"),
		    o->path, strerror(errno));
		ip_out_abort(o);
		return rc;
	}
	if (fflush(o->f) != 0 || ferror(o->f) || fsync(fileno(o->f)) != 0) {
		rc = ip_fail(err, _("cannot write '%s': %s"), o->path,
		    strerror(errno ? errno : EIO));
		ip_out_abort(o);
		return rc;
	}
	if (fclose(o->f) != 0) {
		rc = ip_fail(err, _("cannot write '%s': %s"), o->path,
		    strerror(errno));
	} else if (o->expecting && !holds(o->path, o->expect,
	    o->expect_len)) {
		rc = ip_fail(err, _("'%s' has changed since it was read: not "
		    "overwritten"), o->path);
	} else if (o->replace) {
		if (rename(o->tmp, o->path) != 0)
			rc = ip_fail(err, _("cannot write '%s': %s"), o->path,
			    strerror(errno));
	} else if (link(o->tmp, o->path) != 0) {
		/* link() never replaces: the atomic no-clobber create */
		rc = ip_fail(err, errno == EEXIST
		    ? _("'%s' exists: not overwritten (use --force)")
		    : _("cannot write '%s': %s"), o->path, strerror(errno));
	}
	unlink(o->tmp);	/* after a rename this fails harmlessly */
	disarm();
	/* the new name is on disk only when its directory is */
	if (rc == 0 && sync_dir(o->path) != 0)
		rc = ip_fail(err, _("cannot write '%s': %s"), o->path,
		    strerror(errno));
	out_free(o);
	return rc;
}

/* Whether the file at path is a plan, which an export must not replace
 * unless asked: 1 if it is a regular file whose first key is format with
 * a value that starts with iplan/, or that loads as a plan; 0 if not, or
 * if it is no regular file; -1 with errno set if it cannot be read. */
static int
file_is_plan(const char *path)
{
	struct stat st;
	char buf[4096];
	ssize_t n;
	int fd;

	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;	/* what the writer makes of it */
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC)) < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	/* the first key, past a byte order mark, comments, blank lines,
	 * directives and the document's start */
	char *line = buf + (strncmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0);
	for (;;) {
		size_t blank = strspn(line, " \t\r");
		if (line[blank] != '\n' && line[blank] != '#'
		    && line[blank] != '%' && strncmp(line, "---", 3) != 0)
			break;
		char *nl = strchr(line, '\n');
		if (nl == NULL)
			break;
		line = nl + 1;
	}
	const char *key = line + (*line == '"' || *line == '\'');
	if (strncmp(key, "format", 6) == 0) {
		const char *v = key + 6 + (key != line);
		v += strspn(v, " \t");
		if (*v == ':') {
			v += 1 + strspn(v + 1, " \t");
			v += *v == '"' || *v == '\'';
			if (strncmp(v, "iplan/", 6) == 0)
				return 1;
		}
	}
	/* or it loads as one, whatever its first key */
	struct ip_diags *d = ip_diags_for(path);
	struct ip_plan *p = NULL;
	int rc = ip_plan_load(path, d, &p) == 0;
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}

int
ip_out_check(const char *output, const char *input, bool force,
    const struct ip_err *e)
{
	struct stat a, b;
	int rc;

	if (output == NULL || strcmp(output, "-") == 0)
		return 0;
	if (!force && (rc = file_is_plan(output)) != 0)
		return rc > 0 ? ip_fail(e, _("'%s' is a plan: not replaced by "
		    "its export (use --force)"), output)
		    : ip_fail(e, _("cannot read '%s': %s"), output,
		    strerror(errno));
	if (input == NULL || strcmp(input, "-") == 0 ? fstat(0, &a) != 0
	    : stat(input, &a) != 0)
		return 0;	/* loading it says why */
	if (stat(output, &b) == 0 && a.st_dev == b.st_dev
	    && a.st_ino == b.st_ino)
		return ip_fail(e, _("'%s' is the plan itself: not "
		    "overwritten"), output);
	return 0;
}

int
ip_plan_writable(const char *path, const struct ip_err *e)
{
	char *dir = dir_of(path);
	struct stat st;
	int rc = 0;

	/* a file with no write permission is read-only to root too: the
	 * rename would replace it all the same */
	int err = stat(path, &st) == 0 && !(st.st_mode & 0222) ? EACCES
	    : access(path, W_OK) != 0 ? errno : 0;
	if (err != 0)
		rc = ip_fail(e, _("cannot write '%s': %s"), path,
		    strerror(err));
	else if (access(dir, W_OK | X_OK) != 0)
		rc = ip_fail(e, _("cannot write in '%s', where '%s' is: %s"),
		    dir, path, strerror(errno));
	free(dir);
	return rc;
}

int
ip_save_if_unchanged(const char *path, const char *old, size_t old_len,
    const char *buf, size_t len, const struct ip_err *e)
{
	if (ip_plan_writable(path, e) != 0)
		return -1;
	/* a short write leaves the stream in error: the commit says so */
	struct ip_out *o = ip_out_open(path, stdout, true, e);
	if (o == NULL)
		return -1;
	ip_out_expect(o, old, old_len);
	fwrite(buf, 1, len, ip_out_file(o));
	return ip_out_commit(o, e);
}

int
ip_private_file(const char *path, const char *what, char **name,
    const struct ip_err *e)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	size_t len = strlen(path) + strlen(what) + 16;
	int cut = NAME_MAX - 10 - (int)strlen(what);

	*name = ip_xmalloc(len);
	snprintf(*name, len, "%.*s.%.*s.%s-XXXXXX", dirlen, path,
	    cut > 0 ? cut : 0, path + dirlen, what);
	int fd = mkstemp(*name);	/* O_EXCL, mode 0600 */
	if (fd < 0) {
		ip_fail(e, _("cannot create a file beside '%s': %s"), path,
		    strerror(errno));
		free(*name);
		*name = NULL;
	}
	return fd;
}

struct ip_lock {
	int fd;
};

struct ip_lock *
ip_plan_lock(const char *path, const struct ip_err *e)
{
	/* the file a lock was taken on may have been replaced (renamed
	 * over) before the lock was had: then again, on the new one */
	for (int tries = 0; tries < 16; tries++) {
		int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC
		    | O_NONBLOCK);
		struct stat a, b;

		if (fd < 0) {
			ip_fail(e, _("cannot read '%s': %s"), path,
			    strerror(errno));
			return NULL;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int err = errno;
			close(fd);
			if (err == EWOULDBLOCK)
				ip_fail(e, _("'%s' is being changed by another "
				    "command: try again when it is done"),
				    path);
			else
				ip_fail(e, _("cannot lock '%s': %s"), path,
				    strerror(err));
			return NULL;
		}
		if (fstat(fd, &a) == 0 && stat(path, &b) == 0
		    && a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			struct ip_lock *l = ip_xmalloc(sizeof(*l));
			l->fd = fd;
			return l;
		}
		close(fd);
	}
	ip_fail(e, _("cannot lock '%s': %s"), path, strerror(EAGAIN));
	return NULL;
}

void
ip_plan_unlock(struct ip_lock *l)
{
	if (l == NULL)
		return;
	close(l->fd);	/* and with it the lock */
	free(l);
}
