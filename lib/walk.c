/*
 * walk.c - the files named on a command line: plain files as given,
 * directories searched recursively for *.yaml and *.yml.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "plan.h"

struct walk {
	int (*fn)(const char *path, void *ctx);
	void *ctx;
	const char *prog;
	FILE *err;
	bool trouble;
	/* the directories on the way down, to catch symlink loops */
	struct { dev_t dev; ino_t ino; } up[IP_MAX_DEPTH * 2];
	int depth;
};

static void
walk_error(struct walk *w, const char *fmt, const char *path, int err)
{
	char buf[4096];
	snprintf(buf, sizeof(buf), fmt, path, strerror(err));
	fprintf(w->err, "%s: ", w->prog);
	ip_fputs_clean(buf, w->err);
	putc('\n', w->err);
	w->trouble = true;
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
			char **nn = realloc(names, cap * sizeof(*nn));
			if (nn == NULL)
				abort();
			names = nn;
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
		return w->fn(path, w->ctx);
	if (stat(path, &st) != 0) {
		if (top)
			return w->fn(path, w->ctx);	/* it says why */
		if (errno == ELOOP)
			walk_error(w, "'%s': %s", path, errno);
		return 0;	/* a dangling link met on the way */
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, &st);
	if (top || (S_ISREG(st.st_mode) && is_plan_name(strrchr(path, '/')
	    + 1)))
		return w->fn(path, w->ctx);
	return 0;
}

int
ip_walk(char *const *paths, size_t n,
    int (*fn)(const char *path, void *ctx), void *ctx,
    const char *prog, FILE *err)
{
	struct walk w = { .fn = fn, .ctx = ctx, .prog = prog, .err = err };
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		rc = visit(&w, paths[i], true);
	if (rc == 0 && w.trouble)
		rc = -1;
	return rc;
}
