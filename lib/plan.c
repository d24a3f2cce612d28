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
	struct ip_plan *p = calloc(1, sizeof(*p));
	if (p == NULL) {
		ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_IO, "out of memory");
		return -1;
	}
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
		    IP_AT(p->participants, struct ip_participant, i);
		if (q->id.s != NULL && strcmp(q->id.s, id) == 0)
			return q;
	}
	return NULL;
}

/* True if s stands in output as it is (see ip_clean_step()). */
static bool
shown_as_is(const char *s)
{
	const char *instead;
	bool digit = false;

	for (size_t n; *s != '\0'; s += n) {
		if ((n = ip_clean_step(s, digit, &instead)), instead != NULL)
			return false;
		digit = *s >= '0' && *s <= '9';
	}
	return true;
}

int
ip_list_participants(const char *path, FILE *out)
{
	struct ip_diags *d = ip_diags_for(path == NULL ? "-" : path);
	struct ip_plan *p;
	int rc = IP_EXIT_OK;

	if (ip_plan_load(path == NULL ? "-" : path, d, &p) != 0) {
		ip_diags_print(d, stderr, 0);
		rc = ip_diags_trouble(d) ? IP_EXIT_TROUBLE : IP_EXIT_FINDINGS;
	} else
		for (size_t i = 0; i < p->participants.n; i++) {
			const char *id = IP_AT(p->participants,
			    struct ip_participant, i)->id.s;
			if (id != NULL && shown_as_is(id))
				fprintf(out, "%s\n", id);
		}
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}
