/*
 * fuzz-export.h - what the targets of ip-export(1) share: the plan of an
 * input loaded, a participant picked for --for, and a rendering as the
 * command makes it but not written.
 */
#ifndef FUZZ_EXPORT_H
#define FUZZ_EXPORT_H

#include <stdlib.h>

#include "render.h"

/* The languages a byte's two bits pick: --language nb, nn, none (the
 * plan's) or en. */
static const int fuzz_langs[] = { IP_LANG_NB, IP_LANG_NN, -1, IP_LANG_EN };

/* Loads the plan of the size bytes at data into *p (NULL if it does not
 * load), its findings in *d; sets o->today, SOURCE_DATE_EPOCH's day if
 * epoch, and o->for_id to the who-th of the plan's participants, counted
 * round, or to none if who is 0. */
static void
fuzz_load(const uint8_t *data, size_t size, unsigned who, bool epoch,
    struct ip_export_how *o, struct ip_diags **d, struct ip_plan **p)
{
	const struct ip_err err = { stderr, "fuzz" };

	if (ip_date_parse("2026-11-24", &o->today) != 0
	    || (epoch && ip_source_date("1795478400", &o->generated,
	    &err) != 0)
	    || (*d = ip_diags_new("fuzz.yaml")) == NULL)
		abort();
	o->has_generated = epoch;
	if (ip_plan_load_buf((const char *)data, size, *d, p) != 0)
		return;
	size_t n = (*p)->participants.n;
	if (who > 0 && n > 0)
		o->for_id = (*p)->participants.v[(who - 1) % n].id.s;
}

/* The plan p rendered as o asks in format, or NULL if the export refuses
 * it (having said why on standard error). */
static char *
fuzz_render(const struct ip_plan *p, struct ip_export_how *o,
    enum ip_export_format format)
{
	const struct ip_err err = { stderr, "fuzz" };
	bool findings;

	o->format = format;
	if (ip_export_check(o, &err) != 0)
		abort();
	return ip_export_render(p, "fuzz.yaml", o, &err, &findings);
}

#endif
