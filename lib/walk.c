/*
 * walk.c - the files named on a command line: plain files as given,
 * directories searched recursively for *.yaml and *.yml, each file once;
 * on one thread as the walk goes, or on several with the output kept in
 * walk order.
 *
 * With several threads the walk feeds a ring of WINDOW slots as it goes:
 * the threads take files from it, and the walking thread prints each
 * slot's output in order and frees it.  Memory stays the same however
 * many files there are, but for the set of files already met.
 */
#include "iplan.h"	/* ip_walk() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "ytree.h"

#define WINDOW 256	/* files in flight ahead of the printer, at most */

/* --- each file once ------------------------------------------------------ */

/* The files met so far: for each device, its inodes in an open-addressed
 * table, 0 marking a free slot. */
struct file_set {
	struct inodes {
		dev_t dev;
		ino_t *v;
		size_t n, cap;	/* cap: a power of two, or 0 */
	} *devs;
	size_t ndevs;
	bool stdin_seen;
};

/* Puts ino into t, which has room; returns false if it was there. */
static bool
inode_put(struct inodes *t, ino_t ino)
{
	uint64_t h = (uint64_t)ino * 0x9e3779b97f4a7c15ULL;
	size_t i = (size_t)(h >> 32) & (t->cap - 1);
	for (; t->v[i] != 0; i = (i + 1) & (t->cap - 1))
		if (t->v[i] == ino)
			return false;
	t->v[i] = ino;
	t->n++;
	return true;
}

/* Puts the file (dev, ino) into s; returns false if it was there. */
static bool
file_set_add(struct file_set *s, dev_t dev, ino_t ino)
{
	struct inodes *t = NULL;

	if (ino == 0)
		return true;	/* no inode to know it by: read it again */
	for (size_t i = 0; i < s->ndevs && t == NULL; i++)
		if (s->devs[i].dev == dev)
			t = &s->devs[i];
	if (t == NULL) {
		s->devs = ip_xrealloc(s->devs, s->ndevs + 1, sizeof(*s->devs));
		t = &s->devs[s->ndevs++];
		*t = (struct inodes){ .dev = dev };
	}
	if (4 * (t->n + 1) > 3 * t->cap) {	/* at most 3/4 full */
		struct inodes u = { .dev = dev,
		    .cap = t->cap ? 2 * t->cap : 1024 };
		u.v = ip_xcalloc(u.cap, sizeof(*u.v));
		for (size_t i = 0; i < t->cap; i++)
			if (t->v[i] != 0)
				inode_put(&u, t->v[i]);
		free(t->v);
		*t = u;
	}
	return inode_put(t, ino);
}

static void
file_set_free(struct file_set *s)
{
	for (size_t i = 0; i < s->ndevs; i++)
		free(s->devs[i].v);
	free(s->devs);
}

/* --- the ring of files for the threads ----------------------------------- */

struct walk_slot {
	char *path;		/* NULL: a walk error, nothing to run */
	char *error;		/* a walk error to print before the output */
	size_t index;		/* the file's index in the walk */
	char *buf;		/* the output, when done */
	size_t len;
	int rc;
	bool done;
};

struct walk;

struct pool {
	struct walk *w;
	struct walk_slot slots[WINDOW];
	size_t head;		/* the next slot to print */
	size_t next;		/* the next slot to run */
	size_t tail;		/* the next slot to fill */
	bool closed;		/* the walk has ended */
	bool stop;		/* run no more */
	int rc;			/* the first non-zero fn result printed */
	pthread_mutex_t mu;
	pthread_cond_t work, done;
	pthread_t tid[IP_MAX_JOBS];
	unsigned started;
};

struct walk {
	int (*fn)(const char *path, size_t index, FILE *out, void *ctx);
	void *ctx;
	const char *prog;
	FILE *out;
	bool trouble;
	size_t index;
	struct pool *pool;	/* NULL: one thread, fn called as we go */
	struct file_set seen;
	/* the directories on the way down, to catch symlink loops: as
	 * deep as a path can go */
	struct up { dev_t dev; ino_t ino; } *up;
	size_t depth, upcap;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	struct walk *w = p->w;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (p->next < p->tail && p->slots[p->next % WINDOW].path
		    == NULL)
			p->next++;	/* a walk error: done already */
		if (p->stop || (p->next == p->tail && p->closed))
			break;
		if (p->next == p->tail) {
			pthread_cond_wait(&p->work, &p->mu);
			continue;
		}
		struct walk_slot *s = &p->slots[p->next++ % WINDOW];
		pthread_mutex_unlock(&p->mu);

		char *buf = NULL;
		size_t len = 0;
		FILE *mem = ip_xmemstream(&buf, &len);
		int rc = w->fn(s->path, s->index, mem, w->ctx);
		ip_xmemstream_close(mem);

		pthread_mutex_lock(&p->mu);
		s->buf = buf;
		s->len = len;
		s->rc = rc;
		s->done = true;
		pthread_cond_broadcast(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void
slot_free(struct walk_slot *s)
{
	free(s->path);
	free(s->error);
	free(s->buf);
	*s = (struct walk_slot){ 0 };
}

/* Prints the oldest slot once it is done, and frees it.  Returns what fn
 * returned for it. */
static int
print_head(struct walk *w)
{
	struct pool *p = w->pool;
	struct walk_slot *s = &p->slots[p->head % WINDOW];

	pthread_mutex_lock(&p->mu);
	while (!s->done)
		pthread_cond_wait(&p->done, &p->mu);
	pthread_mutex_unlock(&p->mu);

	if (s->error != NULL)
		ip_message(w->out, w->prog, s->error);
	if (s->len > 0 && fwrite(s->buf, 1, s->len, w->out) != s->len)
		w->trouble = true;
	int rc = s->rc;
	slot_free(s);

	pthread_mutex_lock(&p->mu);
	p->head++;
	if (rc != 0) {
		p->rc = rc;
		p->stop = true;
		pthread_cond_broadcast(&p->work);
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}

/* Adds a file (or, with path NULL, a walk error) to the ring, printing
 * what is done ahead of it, and waiting for room.  Returns non-zero
 * once an fn asked to stop. */
static int
pool_push(struct walk *w, const char *path, const char *error)
{
	struct pool *p = w->pool;
	int rc;

	if (p->rc != 0)
		return p->rc;	/* stopped: the slots ahead will not run */
	/* print what is done, and wait for room when the ring is full */
	for (;;) {
		pthread_mutex_lock(&p->mu);
		bool full = p->tail - p->head == WINDOW;
		bool ready = p->head < p->tail
		    && p->slots[p->head % WINDOW].done;
		pthread_mutex_unlock(&p->mu);
		if (!full && !ready)
			break;
		if ((rc = print_head(w)) != 0)
			return rc;
	}
	pthread_mutex_lock(&p->mu);
	p->slots[p->tail++ % WINDOW] = (struct walk_slot){
		.path = path != NULL ? ip_xstrdup(path) : NULL,
		.error = error != NULL ? ip_xstrdup(error) : NULL,
		.index = path != NULL ? w->index++ : 0,
		.done = path == NULL,
	};
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
	return 0;
}

static void
pool_start(struct walk *w, struct pool *p, unsigned jobs)
{
	*p = (struct pool){ .w = w };
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	for (; p->started < jobs && p->started < IP_MAX_JOBS; p->started++)
		if (pthread_create(&p->tid[p->started], NULL, worker, p) != 0)
			break;
	if (p->started == 0) {	/* no thread to be had: run on this one */
		pthread_mutex_destroy(&p->mu);
		pthread_cond_destroy(&p->work);
		pthread_cond_destroy(&p->done);
		return;
	}
	w->pool = p;
}

/* Prints the rest in order, unless rc or an fn says stop; outputs made
 * beyond a stop are dropped, as one thread would never have made them.
 * Returns the first non-zero fn result, or rc. */
static int
pool_finish(struct walk *w, int rc)
{
	struct pool *p = w->pool;

	pthread_mutex_lock(&p->mu);
	p->closed = true;
	p->stop = rc != 0;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	while (rc == 0 && p->rc == 0 && p->head < p->tail)
		rc = print_head(w);

	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (unsigned t = 0; t < p->started; t++)
		pthread_join(p->tid[t], NULL);
	for (size_t i = 0; i < WINDOW; i++)
		slot_free(&p->slots[i]);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	w->pool = NULL;
	return rc;
}

/* --- the walk ------------------------------------------------------------ */

/* Says msg, a trouble of the walk. */
static void
walk_say(struct walk *w, const char *msg)
{
	w->trouble = true;
	if (w->pool != NULL)
		pool_push(w, NULL, msg);
	else
		ip_message(w->out, w->prog, msg);
}

/* Says what fmt says, then ": " and what errno value err means. */
static void __attribute__((format(printf, 3, 4)))
walk_error(struct walk *w, int err, const char *fmt, ...)
{
	char buf[4096];
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof(buf))
		snprintf(buf + n, sizeof(buf) - (size_t)n, ": %s",
		    strerror(err));
	walk_say(w, buf);
}

/* A file for fn, unless met before: st is its status, or NULL for
 * standard input or a file that cannot be read (loading it says why). */
static int
file(struct walk *w, const char *path, const struct stat *st)
{
	if (st == NULL && strcmp(path, "-") == 0) {
		if (w->seen.stdin_seen)
			return 0;
		w->seen.stdin_seen = true;
	} else if (st != NULL && !file_set_add(&w->seen, st->st_dev,
	    st->st_ino))
		return 0;	/* named twice, or reached by a link */
	if (w->pool != NULL)
		return pool_push(w, path, NULL);
	return w->fn(path, w->index++, w->out, w->ctx);
}

static bool
is_plan_name(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0)
	    || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int visit(struct walk *w, const char *path, bool top);

static int
walk_dir(struct walk *w, const char *path, const struct stat *st)
{
	for (size_t i = 0; i < w->depth; i++)
		if (w->up[i].dev == st->st_dev && w->up[i].ino == st->st_ino) {
			/* TRANSLATORS: a path, quoted as the language
			 * quotes, before the system's error message */
			walk_error(w, ELOOP, _("'%s'"), path);
			return 0;
		}

	/* a directory that can be read but not entered would give an error
	 * for each file in it: one for the directory says it all */
	if (faccessat(AT_FDCWD, path, X_OK, AT_EACCESS) != 0) {
		walk_error(w, errno, _("cannot enter directory '%s'"), path);
		return 0;
	}
	DIR *dir = opendir(path);
	if (dir == NULL) {
		walk_error(w, errno, _("cannot open directory '%s'"), path);
		return 0;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	int rc = 0;
	errno = 0;
	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* ., .., .git and other hidden entries */
		names = ip_grow(names, &cap, n + 1, sizeof(*names));
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		names[n] = ip_xmalloc(len);
		snprintf(names[n++], len, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
	}
	if (errno != 0)
		walk_error(w, errno, _("cannot read directory '%s'"), path);
	closedir(dir);
	if (n > 1)	/* qsort() wants an array, even of none */
		qsort(names, n, sizeof(*names), by_name);

	w->up = ip_grow(w->up, &w->upcap, w->depth + 1, sizeof(*w->up));
	w->up[w->depth].dev = st->st_dev;
	w->up[w->depth].ino = st->st_ino;
	w->depth++;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0)
			rc = visit(w, names[i], false);
		free(names[i]);
	}
	w->depth--;
	free(names);
	return rc;
}

static int
visit(struct walk *w, const char *path, bool top)
{
	struct stat st;

	if (strcmp(path, "-") == 0 && top)
		return file(w, path, NULL);
	if (!top && strlen(path) >= PATH_MAX) {
		/* the start of it, and why: not cut off by the path */
		char msg[400];
		snprintf(msg, sizeof(msg), _("'%.200s...': %s: a path has at "
		    "most %d bytes: not searched"), path,
		    strerror(ENAMETOOLONG), PATH_MAX - 1);
		walk_say(w, msg);
		return 0;
	}
	if (stat(path, &st) != 0) {
		if (top)
			return file(w, path, NULL);	/* loading says why */
		/* a dangling link met on the way is passed over, unless it
		 * is named as a plan */
		if (errno != ENOENT || is_plan_name(strrchr(path, '/') + 1))
			walk_error(w, errno, _("'%s'"), path);
		return 0;
	}
	if (S_ISDIR(st.st_mode)) {
		/* a link to a directory met on the way is not followed, as
		 * find(1) and grep -r do not: the walk stays in the tree it
		 * was given, and links cannot make it go round, nor visit a
		 * directory by 2^n ways */
		struct stat link;
		if (!top && lstat(path, &link) == 0 && S_ISLNK(link.st_mode))
			return 0;
		return walk_dir(w, path, &st);
	}
	if (top || (S_ISREG(st.st_mode) && is_plan_name(strrchr(path, '/')
	    + 1)))
		return file(w, path, &st);
	return 0;
}

unsigned
ip_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > IP_MAX_JOBS ? IP_MAX_JOBS : (unsigned)n;
}

int
ip_walk(char *const *paths, size_t n, unsigned jobs,
    int (*fn)(const char *path, size_t index, FILE *out, void *ctx),
    void *ctx, const char *prog, FILE *out)
{
	struct walk w = { .fn = fn, .ctx = ctx, .prog = prog, .out = out };
	struct pool pool;
	int rc = 0;

	if (jobs > 1)
		pool_start(&w, &pool, jobs);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = visit(&w, paths[i], true);
	if (w.pool != NULL)
		rc = pool_finish(&w, rc);
	file_set_free(&w.seen);
	free(w.up);
	if (ferror(out))
		w.trouble = true;
	if (rc == 0 && w.trouble)
		rc = -1;
	return rc;
}
