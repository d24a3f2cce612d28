/*
 * export.c - ip-export: check the options, load the plan, decide what the
 * reader may see, render it and write it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "export.h"

static const char *const formats[] = { "markdown", "html", "xml", "fhir",
	NULL };

int
ip_interval_unit(const struct ip_interval *iv)
{
	static const char units[] = "dwmy";
	return (int)(strchr(units, iv->unit) - units);
}

/* SOURCE_DATE_EPOCH: seconds since 1970-01-01 00:00 UTC, as reproducible
 * builds define it; a date from it up to the year 9999. */
static int
source_date(const char *s, int32_t *day, const char *prog)
{
	char *end;
	errno = 0;
	unsigned long long t = strtoull(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0
	    || t / 86400 > (unsigned long long)ip_days_from_civil(9999, 12,
	    31))
		return ip_error(prog, "invalid SOURCE_DATE_EPOCH: '%s' (use "
		    "seconds since 1970-01-01)", s);
	*day = (int32_t)(t / 86400);
	return 0;
}

/* -o must not name the plan itself, by any name: that would replace it.
 * Standard input is the plan too when it is a file. */
static int
not_the_input(const char *path, const char *output, const char *prog)
{
	struct stat a, b;
	if (output == NULL || strcmp(output, "-") == 0
	    || (strcmp(path, "-") == 0 ? fstat(0, &a) : stat(path, &a)) != 0
	    || stat(output, &b) != 0)
		return 0;
	if (a.st_dev == b.st_dev && a.st_ino == b.st_ino)
		return ip_error(prog, "'%s' is the plan itself: not "
		    "overwritten", output);
	return 0;
}

/*
 * The XML holds the plan's ids as keys and its references as references
 * to them, which its schema checks: a plan with an id used twice or a
 * reference to no id cannot be written as valid XML.  FHIR's references
 * are made from the same ids, and its identifier names the kind of
 * national id: one that is of no kind cannot be written, and a synthetic
 * one is written with a warning.  Prints those findings, as
 * ip-validate(1) does; returns -1 if any is an error.
 */
static int
references(const struct ip_plan *p, const char *name,
    enum ip_export_format format, int32_t today, const char *prog)
{
	struct ip_diags *all = ip_diags_for(name), *bad = ip_diags_for(name);
	bool fhir = format == IP_EXPORT_FHIR;
	int rc = 0;

	ip_plan_check(p, today, all);
	for (size_t i = 0; i < all->n; i++)
		if (all->v[i].rule == IP_R_DUP_ID
		    || all->v[i].rule == IP_R_UNKNOWN_REF
		    || (fhir && (all->v[i].rule == IP_R_NATIONAL_ID
		    || all->v[i].rule == IP_R_TEST_ID)))
			ip_diag(bad, all->v[i].pos, all->v[i].rule, "%s",
			    all->v[i].msg);
	if (bad->n > 0)
		ip_diags_print(bad, stderr, 0);
	if (bad->counts[IP_ERROR] > 0)
		rc = ip_error(prog, "'%s' has %s: not exported as %s", name,
		    fhir ? "ids used twice, references to no id or a "
		    "national id of no kind" : "ids used twice or references "
		    "to no id", fhir ? "FHIR" : "XML");
	ip_diags_free(all);
	ip_diags_free(bad);
	return rc;
}

int
ip_export_how(const struct ip_export_opts *o, struct ip_export_how *h,
    const char *prog)
{
	int format = IP_EXPORT_MARKDOWN;

	*h = (struct ip_export_how){ .lang = -1, .for_id = o->for_id,
	    .today = o->today };
	if ((o->format != NULL && ip_cli_word(prog, "format", o->format,
	    formats, &format) != 0)
	    || (o->language != NULL && ip_cli_word(prog, "language",
	    o->language, ip_vocab_lang, &h->lang) != 0)
	    || (o->source_date_epoch != NULL && source_date(
	    o->source_date_epoch, &h->generated, prog) != 0))
		return -1;
	h->format = (enum ip_export_format)format;
	h->has_generated = o->source_date_epoch != NULL;
	h->consent_form = o->consent_form;
	h->revision = o->revision;
	if (h->consent_form && h->format != IP_EXPORT_MARKDOWN
	    && h->format != IP_EXPORT_HTML)
		return ip_error(prog, "--consent-form is written as markdown "
		    "or html, not as %s", formats[format]);
	if (h->consent_form && h->for_id != NULL)
		return ip_error(prog, "--consent-form and --for do not go "
		    "together: the form is for the person to sign");
	return 0;
}

char *
ip_export_render(const struct ip_plan *p, const char *name,
    const struct ip_export_how *h, const char *prog, int *status)
{
	struct ip_view v;
	struct ip_render r = { .v = &v, .today = h->today,
	    .revision = h->revision, .generated = h->generated,
	    .has_generated = h->has_generated };
	char *out;

	*status = IP_EXIT_TROUBLE;
	enum ip_lang lang = p->language.set ? (enum ip_lang)p->language.v
	    : IP_LANG_NB;
	r.l = ip_labels(h->lang >= 0 ? (enum ip_lang)h->lang : lang);
	if (h->lang >= 0 && h->lang != (int)lang)
		r.text_lang = ip_vocab_lang[lang];
	switch (ip_view_make(&v, p, h->for_id, h->today)) {
	case -1:
		ip_error(prog, "--for '%s': no participant has that id in '%s'",
		    h->for_id, name);
		return NULL;
	case -2:
		ip_error(prog, "--for '%s': more than one participant has that "
		    "id in '%s', so no view can tell them apart", h->for_id,
		    name);
		*status = IP_EXIT_FINDINGS;
		return NULL;
	}
	if (h->consent_form)
		out = ip_export_consent_form(&r, h->format == IP_EXPORT_HTML);
	else if (h->format == IP_EXPORT_XML || h->format == IP_EXPORT_FHIR) {
		if (references(p, name, h->format, h->today, prog) != 0) {
			*status = IP_EXIT_FINDINGS;
			return NULL;
		}
		if (h->format == IP_EXPORT_XML)
			return ip_export_xml(&r, prog);
		const char *err = NULL;
		if ((out = ip_export_fhir(&r, h->today, &err)) == NULL)
			ip_error(prog, "%s", err);
		return out;
	} else
		out = ip_export_document(&r, h->format == IP_EXPORT_HTML);
	if (out == NULL)
		ip_error(prog, "out of memory");
	return out;
}

int
ip_export(const char *path, const struct ip_export_opts *o,
    const char *prog)
{
	struct ip_export_how h;
	struct ip_plan *p = NULL;
	struct ip_diags *d = NULL;
	int rc = IP_EXIT_TROUBLE;
	char *out = NULL;

	if (path == NULL)
		path = "-";
	if (ip_export_how(o, &h, prog) != 0
	    || not_the_input(path, o->output, prog) != 0)
		return IP_EXIT_TROUBLE;

	d = ip_diags_for(path);
	if (ip_plan_load(path, d, &p) != 0) {
		/* findings that cannot be told are trouble, as in ip-validate */
		rc = ip_diags_print(d, stderr, 0) != 0 || ip_diags_trouble(d)
		    ? IP_EXIT_TROUBLE : IP_EXIT_FINDINGS;
		goto done;
	}
	if ((out = ip_export_render(p, d->file, &h, prog, &rc)) == NULL)
		goto done;
	/* a short write leaves the stream in error: the commit says so */
	struct ip_out *f = ip_out_open(o->output, true, prog);
	if (f != NULL) {
		fputs(out, ip_out_file(f));
		if (ip_out_commit(f, prog) == 0)
			rc = IP_EXIT_OK;
	}
done:
	free(out);
	ip_plan_free(p);
	ip_diags_free(d);
	return rc;
}
