/*
 * load.c - loading and freeing plans: a file read, its YAML tree
 * parsed (yaml.c) and decoded into a typed plan (decode.c), whose
 * participants are then indexed by id.
 */
#include "load.h"

#include <stdlib.h>
#include <string.h>

#include "decode.h"

static int
by_id(const void *a, const void *b)
{
	const struct ip_participant *p = *(const struct ip_participant *const *)a,
	    *q = *(const struct ip_participant *const *)b;
	int c = strcmp(p->id.s, q->id.s);
	return c != 0 ? c : (p > q) - (p < q);	/* then in the plan's order */
}

static void
index_participants(struct ip_plan *p)
{
	p->by_id = ip_arena_alloc(&p->arena, (p->participants.n + 1)
	    * sizeof(*p->by_id));
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (q->id.s != NULL)
			p->by_id[p->n_by_id++] = q;
	}
	if (p->n_by_id > 1)
		qsort(p->by_id, p->n_by_id, sizeof(*p->by_id), by_id);
}

/* A plan with errors in its fields is not a plan that loads. */
static int
strict(int rc, struct ip_plan **out)
{
	if (rc <= 0)
		return rc;
	ip_plan_free(*out);
	*out = NULL;
	return -1;
}

int
ip_plan_load_tree(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out, struct ip_ynode **tree)
{
	*out = NULL;
	struct ip_plan *p = ip_xcalloc(1, sizeof(*p));
	struct ip_ynode *root = ip_yaml_parse(buf, len, &p->arena, d);
	int rc = root == NULL ? -1 : ip_decode(p, root, d);
	if (rc < 0) {
		ip_plan_free(p);
		return -1;
	}
	p->file = ip_arena_strndup(&p->arena, d->file, strlen(d->file));
	index_participants(p);
	*out = p;
	if (tree != NULL)
		*tree = root;
	return rc;
}

int
ip_plan_load_buf_partial(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out)
{
	return ip_plan_load_tree(buf, len, d, out, NULL);
}

int
ip_plan_load_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out)
{
	return strict(ip_plan_load_buf_partial(buf, len, d, out), out);
}

int
ip_plan_load_partial(const char *path, struct ip_diags *d,
    struct ip_plan **out)
{
	char *buf;
	size_t len;

	*out = NULL;
	if (ip_read_file(path, &buf, &len, d) != 0)
		return -1;
	int rc = ip_plan_load_buf_partial(buf, len, d, out);
	free(buf);
	return rc;
}

int
ip_plan_load(const char *path, struct ip_diags *d, struct ip_plan **out)
{
	return strict(ip_plan_load_partial(path, d, out), out);
}

void
ip_plan_free(struct ip_plan *p)
{
	if (p == NULL)
		return;
	ip_arena_free(&p->arena);
	free(p->refused);
	free(p);
}
