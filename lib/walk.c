/*
 * walk.c - the files named on a command line: plain files as given,
 * directories searched recursively for *.yaml and *.yml; on one thread as
 * the walk goes, or on several with the output kept in walk order.
 */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"

/* What the walk meets, in order: a file for fn, or a message. */
struct entry {
	char *path;
	char *error;		/* a walk error to print instead */
};

struct walk {
	int (*fn)(const char *path, size_t index, FILE *out, void *ctx);
	void *ctx;
	const char *prog;
	FILE *out;
	bool trouble;
	size_t index;
	/* collecting for the threads instead of calling fn */
	struct entry *list;
	size_t n, cap;
	bool collect;
	/* the directories on the way down, to catch symlink loops */
	struct { dev_t dev; ino_t ino; } up[IP_MAX_DEPTH * 2];
	int depth;
};

static char *
xstrdup(const char *s)
{
	char *p = strdup(s);
	if (p == NULL)
		abort();
	return p;
}

static void
push(struct walk *w, char *path, char *error)
{
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 256;
		if ((w->list = realloc(w->list, w->cap * sizeof(*w->list)))
		    == NULL)
			abort();
	}
	w->list[w->n++] = (struct entry){ path, error };
}

static void
walk_error(struct walk *w, const char *fmt, const char *path, int err)
{
	char buf[4096];
	snprintf(buf, sizeof(buf), fmt, path, strerror(err));
	w->trouble = true;
	if (w->collect)
		push(w, NULL, xstrdup(buf));
	else
		ip_message(w->out, w->prog, buf);
}

static int
file(struct walk *w, const char *path)
{
	if (w->collect) {
		push(w, xstrdup(path), NULL);
		return 0;
	}
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
	for (int i = 0; i < w->depth; i++)
		if (w->up[i].dev == st->st_dev && w->up[i].ino == st->st_ino) {
			walk_error(w, "'%s': %s", path, ELOOP);
			return 0;
		}
	if (w->depth == (int)(sizeof(w->up) / sizeof(w->up[0]))) {
		walk_error(w, "'%s': %s", path, ENAMETOOLONG);
		return 0;
	}

	DIR *dir = opendir(path);
	if (dir == NULL) {
		walk_error(w, "cannot open directory '%s': %s", path, errno);
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
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			if ((names = realloc(names, cap * sizeof(*names)))
			    == NULL)
				abort();
		}
		size_t len = strlen(path) + strlen(e->d_name) + 2;
		if ((names[n] = malloc(len)) == NULL)
			abort();
		snprintf(names[n++], len, "%s%s%s", path,
		    path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
	}
	if (errno != 0)
		walk_error(w, "cannot read directory '%s': %s", path, errno);
	closedir(dir);
	if (n > 1)	/* qsort() wants an array, even of none */
		qsort(names, n, sizeof(*names), by_name);

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
		return file(w, path);
	if (stat(path, &st) != 0) {
		if (top)
			return file(w, path);	/* loading it says why */
		if (errno == ELOOP)
			walk_error(w, "'%s': %s", path, errno);
		return 0;	/* a dangling link met on the way */
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, &st);
	if (top || (S_ISREG(st.st_mode) && is_plan_name(strrchr(path, '/')
	    + 1)))
		return file(w, path);
	return 0;
}

/* --- threads ------------------------------------------------------------- */

#define WINDOW 256	/* files done ahead of the printer, at most */

struct slot {
	char *buf;
	size_t len;
	int rc;
	bool done;
};

struct pool {
	struct walk *w;
	size_t next;		/* the next entry to hand out */
	size_t printed;		/* entries printed so far */
	bool stop;
	struct slot slots[WINDOW];
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

static void *
worker(void *arg)
{
	struct pool *p = arg;
	struct walk *w = p->w;

	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->stop && p->next < w->n
		    && p->next >= p->printed + WINDOW)
			pthread_cond_wait(&p->cv, &p->mu);
		if (p->stop || p->next >= w->n)
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);

		struct slot s = { NULL, 0, 0, true };
		if (w->list[i].path != NULL) {
			FILE *mem = open_memstream(&s.buf, &s.len);
			if (mem == NULL)
				abort();
			s.rc = w->fn(w->list[i].path, i, mem, w->ctx);
			if (fclose(mem) != 0)
				abort();
		}
		pthread_mutex_lock(&p->mu);
		p->slots[i % WINDOW] = s;
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

/* Runs fn over the collected entries on jobs threads, printing each
 * entry's output in order; the first non-zero fn result stops it. */
static int
run_pool(struct walk *w, unsigned jobs)
{
	struct pool p = { .w = w };
	pthread_t tid[64];
	unsigned started = 0;
	int rc = 0;

	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (; started < jobs && started < 64; started++)
		if (pthread_create(&tid[started], NULL, worker, &p) != 0)
			break;
	if (started == 0)
		abort();
	for (size_t i = 0; i < w->n; i++) {
		pthread_mutex_lock(&p.mu);
		while (!p.slots[i % WINDOW].done)
			pthread_cond_wait(&p.cv, &p.mu);
		struct slot s = p.slots[i % WINDOW];
		p.slots[i % WINDOW].done = false;
		p.printed++;
		if (s.rc != 0)
			p.stop = true;
		pthread_cond_broadcast(&p.cv);
		pthread_mutex_unlock(&p.mu);

		if (w->list[i].error != NULL)
			ip_message(w->out, w->prog, w->list[i].error);
		fwrite(s.buf, 1, s.len, w->out);
		free(s.buf);
		if (s.rc != 0) {
			rc = s.rc;
			break;
		}
	}
	for (unsigned t = 0; t < started; t++)
		pthread_join(tid[t], NULL);
	/* outputs done beyond a stop are dropped, as one thread never
	 * made them */
	for (size_t i = 0; i < WINDOW; i++)
		if (p.slots[i].done)
			free(p.slots[i].buf);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	return rc;
}

unsigned
ip_default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int
ip_walk(char *const *paths, size_t n, unsigned jobs,
    int (*fn)(const char *path, size_t index, FILE *out, void *ctx),
    void *ctx, const char *prog, FILE *out)
{
	struct walk w = { .fn = fn, .ctx = ctx, .prog = prog, .out = out,
	    .collect = jobs > 1 };
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = visit(&w, paths[i], true);
	if (w.collect) {
		rc = run_pool(&w, jobs);
		for (size_t i = 0; i < w.n; i++) {
			free(w.list[i].path);
			free(w.list[i].error);
		}
		free(w.list);
	}
	if (rc == 0 && w.trouble)
		rc = -1;
	return rc;
}
