/*
 * plan.c - loading and freeing plans.
 */
#include <stdlib.h>
#include <string.h>

#include "plan.h"

int
ip_plan_load(const char *path, struct ip_diags *d, struct ip_plan **out)
{
	char *buf;
	size_t len;

	*out = NULL;
	if (ip_read_file(path, &buf, &len, d) != 0)
		return -1;
	int rc = ip_plan_load_buf(buf, len, d, out);
	free(buf);
	return rc;
}

int
ip_plan_load_buf(const char *buf, size_t len, struct ip_diags *d,
    struct ip_plan **out)
{
	*out = NULL;
	struct ip_plan *p = ip_xcalloc(1, sizeof(*p));
	const struct ip_ynode *root = ip_yaml_parse(buf, len, &p->arena, d);
	if (root == NULL || ip_decode(p, root, d) != 0) {
		ip_plan_free(p);
		return -1;
	}
	p->file = ip_arena_strndup(&p->arena, d->file, strlen(d->file));
	*out = p;
	return 0;
}

void
ip_plan_free(struct ip_plan *p)
{
	if (p == NULL)
		return;
	ip_arena_free(&p->arena);
	free(p);
}

const char *
ip_plan_national_id(const struct ip_plan *p)
{
	return p->person.national_id.s;
}

bool
ip_plan_closed(const struct ip_plan *p)
{
	return p->status.set && p->status.v == IP_STATUS_CLOSED;
}

const struct ip_participant *
ip_plan_coordinator(const struct ip_plan *p)
{
	return p->coordinator.s == NULL ? NULL
	    : ip_find_participant(p, p->coordinator.s);
}

const struct ip_participant *
ip_find_participant(const struct ip_plan *p, const char *id)
{
	for (size_t i = 0; i < p->participants.n; i++) {
		const struct ip_participant *q =
		    &p->participants.v[i];
		if (q->id.s != NULL && strcmp(q->id.s, id) == 0)
			return q;
	}
	return NULL;
}
