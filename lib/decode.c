/*
 * decode.c - from a YAML tree to a typed plan, driven by one table per
 * mapping type, made from the table of fields (fields.h).
 * Structure only: wrong types, unknown keys, impossible dates and values
 * outside a vocabulary.  What must be present is for the checks in
 * check.c.
 *
 * A value it refuses is reported and left out, as if absent, and so is an
 * unknown key: the rest is decoded all the same, for the checks to run on
 * (see ip_plan_load_partial()).  The key of what was left out is kept in
 * the plan's refused positions, where the checks say nothing of its
 * absence: the error already points there.  A misspelt key stands so for
 * the key it suggests, if that one is not written.
 */
#include "decode.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"
#include "suggest.h"
#include "utf8.h"

enum ftype {
	F_TEXT,		/* struct ip_text */
	F_DATE,		/* struct ip_date */
	F_BOOL,		/* struct ip_bool */
	F_ENUM,		/* struct ip_enum, from vocab */
	F_INTERVAL,	/* struct ip_interval */
	F_MAP,		/* an embedded struct described by sub */
	F_LIST,		/* struct ip_list of structs described by sub */
	F_TEXTS,	/* struct ip_list of struct ip_text, from vocab if set */
	F_TEXTS1,	/* as F_TEXTS, and a single text is a list of one */
	F_LIST1		/* as F_LIST, and a single mapping is a list of one */
};

struct schema;

struct field {
	const char *key;
	enum ftype type;
	size_t off;
	const struct schema *sub;
	const char *const *vocab;
};

struct schema {
	/* In messages: "the plan", "a measure" (N_), or the key of a
	 * mapping: "person", "consent.plan" (key set). */
	const char *name;
	size_t size;
	const struct field *fields;
	bool key;
};

#define END { NULL, 0, 0, NULL, NULL }

/* A row of the table of fields (fields.h) as one of the loader's. */
#define ROW(map, key, type, sub, ...) \
	{ #key, FTYPE_##type, offsetof(struct ip_##map, key), \
	    SUB_##type(sub), IP_FIELD_VOCAB_##type(sub) },
#define FTYPE_TEXT F_TEXT
#define FTYPE_DATE F_DATE
#define FTYPE_BOOL F_BOOL
#define FTYPE_ENUM F_ENUM
#define FTYPE_INTERVAL F_INTERVAL
#define FTYPE_MAP F_MAP
#define FTYPE_LIST F_LIST
#define FTYPE_LIST1 F_LIST1
#define FTYPE_TEXTS F_TEXTS
#define FTYPE_TEXTS1 F_TEXTS1
#define FTYPE_WORDS F_TEXTS
#define SUB_TEXT(sub) NULL
#define SUB_DATE(sub) NULL
#define SUB_BOOL(sub) NULL
#define SUB_ENUM(sub) NULL
#define SUB_INTERVAL(sub) NULL
#define SUB_MAP(sub) &sub##_s
#define SUB_LIST(sub) &sub##_s
#define SUB_LIST1(sub) &sub##_s
#define SUB_TEXTS(sub) NULL
#define SUB_TEXTS1(sub) NULL
#define SUB_WORDS(sub) NULL

static const struct field contact_f[] = {
	IP_CONTACT_FIELDS(ROW)
	END
};
static const struct schema contact_s = { "contact",
	sizeof(struct ip_contact), contact_f, true };

static const struct field person_f[] = {
	IP_PERSON_FIELDS(ROW)
	END
};
static const struct schema person_s = { "person",
	sizeof(struct ip_person), person_f, true };

static const struct field participant_f[] = {
	IP_PARTICIPANT_FIELDS(ROW)
	END
};
static const struct schema participant_s = { N_("a participant"),
	sizeof(struct ip_participant), participant_f, false };

static const struct field subgoal_f[] = {
	IP_SUBGOAL_FIELDS(ROW)
	END
};
static const struct schema subgoal_s = { N_("a sub-goal"),
	sizeof(struct ip_subgoal), subgoal_f, false };

static const struct field goal_f[] = {
	IP_GOAL_FIELDS(ROW)
	END
};
static const struct schema goal_s = { N_("a goal"), sizeof(struct ip_goal),
	goal_f, false };

static const struct field subplan_f[] = {
	IP_SUBPLAN_FIELDS(ROW)
	END
};
static const struct schema subplan_s = { "subplan",
	sizeof(struct ip_subplan), subplan_f, true };

static const struct field measure_f[] = {
	IP_MEASURE_FIELDS(ROW)
	END
};
static const struct schema measure_s = { N_("a measure"),
	sizeof(struct ip_measure), measure_f, false };

static const struct field review_f[] = {
	IP_REVIEW_FIELDS(ROW)
	END
};
static const struct schema review_s = { N_("a review"),
	sizeof(struct ip_review), review_f, false };

static const struct field period_f[] = {
	IP_PERIOD_FIELDS(ROW)
	END
};
static const struct schema period_s = { "period",
	sizeof(struct ip_period), period_f, true };

static const struct field consent_plan_f[] = {
	IP_CONSENT_PLAN_FIELDS(ROW)
	END
};
static const struct schema consent_plan_s = { "consent.plan",
	sizeof(struct ip_consent_plan), consent_plan_f, true };

static const struct field consent_sharing_f[] = {
	IP_CONSENT_SHARING_FIELDS(ROW)
	END
};
static const struct schema consent_sharing_s = { N_("a consent to "
	"share information"), sizeof(struct ip_consent_sharing),
	consent_sharing_f, false };

static const struct field consent_f[] = {
	IP_CONSENT_FIELDS(ROW)
	END
};
static const struct schema consent_s = { "consent",
	sizeof(struct ip_consent), consent_f, true };

static const struct field cooperation_f[] = {
	IP_COOPERATION_FIELDS(ROW)
	END
};
static const struct schema cooperation_s = { N_("a cooperation entry"),
	sizeof(struct ip_cooperation), cooperation_f, false };

static const struct field closed_f[] = {
	IP_CLOSED_FIELDS(ROW)
	END
};
static const struct schema closed_s = { "closed",
	sizeof(struct ip_closed), closed_f, true };

static const struct field plan_f[] = {
	IP_PLAN_FIELDS(ROW)
	END
};
static const struct schema plan_s = { N_("the plan"), sizeof(struct ip_plan),
	plan_f, false };

struct ctx {
	struct ip_plan *p;
	struct ip_arena *a;
	struct ip_diags *d;
	int errors;
};

static const char *
kind_name(const struct ip_ynode *n)
{
	if (n->kind == IP_Y_MAP)
		/* TRANSLATORS: what a value in the plan is, as YAML has it,
		 * in "'%s' must be a date (YYYY-MM-DD), not %s" and the
		 * like: a mapping holds keys with their values
		 * ("name: Kari"). */
		return _("a mapping");
	if (n->kind == IP_Y_SEQ)
		return _("a list");
	return n->plain ? _("a plain value") : _("a quoted string");
}

/* The name of a schema in a message: translated, unless a key. */
static const char *
schema_name(const struct schema *s)
{
	return s->key ? s->name : _(s->name);
}

static void
error(struct ctx *c, struct ip_pos pos, enum ip_rule r, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
error(struct ctx *c, struct ip_pos pos, enum ip_rule r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	ip_vdiag(c->d, pos, r, fmt, ap);
	va_end(ap);
	c->errors++;
}

static bool
want_scalar(struct ctx *c, const char *key, const struct ip_ynode *v,
    const char *what)
{
	if (v->kind == IP_Y_SCALAR)
		return true;
	error(c, v->pos, IP_R_TYPE, _("'%s' must be %s, not %s"), key, _(what),
	    kind_name(v));
	return false;
}

/* A date or a boolean in quotes: YAML makes that text. */
static void
quoted(struct ctx *c, const char *key, const struct ip_ynode *v,
    const char *what)
{
	error(c, v->pos, IP_R_TYPE, _("'%s' must be %s: a quoted '%s' is text; "
	    "write %s without quotes"), key, _(what), v->s, v->s);
}

static void
decode_date(struct ctx *c, const char *key, const struct ip_ynode *v,
    struct ip_date *out)
{
	int32_t day;

	/* TRANSLATORS: what a date must be, in "'%s' must be %s, not %s";
	 * keep YYYY-MM-DD as it is written, not ÅÅÅÅ-MM-DD. */
	if (!want_scalar(c, key, v, N_("a date (YYYY-MM-DD)")))
		return;
	if (ip_date_parse(v->s, &day) != 0) {
		bool shaped = strlen(v->s) == 10
		    && strspn(v->s, "0123456789-") == 10 && v->s[4] == '-'
		    && v->s[7] == '-';
		char iso[11];
		if (shaped)
			error(c, v->pos, IP_R_DATE, _("'%s' is not a real date"),
			    v->s);
		else if (ip_suggest_date(v->s, iso))
			/* TRANSLATORS: the last %s is the date in the
			 * order a plan needs: 2027-06-15 for 15.06.2027. */
			error(c, v->pos, IP_R_TYPE,
			    _("'%s' must be a date (YYYY-MM-DD), not '%s'; "
			    "did you mean %s?"), key, v->s, iso);
		else
			error(c, v->pos, IP_R_TYPE,
			    _("'%s' must be a date (YYYY-MM-DD), not '%s'"), key,
			    v->s);
		return;
	}
	if (!v->plain) {
		quoted(c, key, v, N_("a date (YYYY-MM-DD)"));
		return;
	}
	out->day = day;
	out->set = true;
	out->pos = v->pos;
}

static void decode_map(struct ctx *c, const struct schema *s,
    const struct ip_ynode *map, void *out);

static void
decode_texts(struct ctx *c, const struct field *f, const struct ip_ynode *v,
    struct ip_list *out)
{
	struct ip_text *t;
	size_t n = 0;

	out->pos = v->pos;
	if (v->kind == IP_Y_SCALAR && f->type == F_TEXTS1) {
		if (ip_blank(v->s))
			return;
		t = ip_arena_alloc(c->a, sizeof(*t));
		t->s = v->s;
		t->pos = v->pos;
		out->v = t;
		out->n = 1;
		return;
	}
	if (v->kind != IP_Y_SEQ) {
		error(c, v->pos, IP_R_TYPE, _("'%s' must be a list, not %s"),
		    f->key, kind_name(v));
		return;
	}
	t = ip_arena_alloc(c->a, v->n * sizeof(*t));
	for (const struct ip_ynode *e = v->first; e != NULL; e = e->next) {
		if (ip_scalar_is_null(e))
			continue;
		if (e->kind != IP_Y_SCALAR) {
			error(c, e->pos, IP_R_TYPE,
			    _("each entry of '%s' must be text, not %s"), f->key,
			    kind_name(e));
			continue;
		}
		if (f->vocab != NULL && ip_vocab_index(f->vocab, e->s) < 0) {
			const char *w = ip_suggest_word(e->s, f->vocab);
			if (w != NULL)
				error(c, e->pos, IP_R_VALUE,
				    _("'%s' is not a known %s; did you mean "
				    "'%s'?"), e->s, f->key, w);
			else
				error(c, e->pos, IP_R_VALUE,
				    _("'%s' is not a known %s: use %s"), e->s,
				    f->key, ip_vocab_or(c->a, f->vocab));
			continue;
		}
		if (ip_blank(e->s))
			continue;
		t[n].s = e->s;
		t[n].pos = e->pos;
		n++;
	}
	out->v = t;
	out->n = n;
}

static void
decode_list(struct ctx *c, const struct field *f, const struct ip_ynode *v,
    struct ip_list *out)
{
	out->pos = v->pos;
	if (v->kind == IP_Y_MAP && f->type == F_LIST1) {
		/* one entry; none if every key is empty, as a skeleton has
		 * it */
		out->v = ip_arena_alloc(c->a, f->sub->size);
		decode_map(c, f->sub, v, out->v);
		for (const struct ip_ynode *k = v->first; k; k = k->next->next)
			out->n |= !ip_scalar_is_null(k->next);
		return;
	}
	if (v->kind != IP_Y_SEQ) {
		error(c, v->pos, IP_R_TYPE, _("'%s' must be a list, not %s"),
		    f->key, kind_name(v));
		return;
	}
	char *items = ip_arena_alloc(c->a, v->n * f->sub->size);
	size_t n = 0;
	for (const struct ip_ynode *e = v->first; e != NULL; e = e->next) {
		if (ip_scalar_is_null(e))
			continue;
		if (e->kind != IP_Y_MAP) {
			error(c, e->pos, IP_R_TYPE,
			    _("each entry of '%s' must be a mapping, not %s"),
			    f->key, kind_name(e));
			continue;
		}
		decode_map(c, f->sub, e, items + n++ * f->sub->size);
	}
	out->v = items;
	out->n = n;
}

/* The position of the field f at p, whatever its type. */
static struct ip_pos *
field_pos(const struct field *f, void *p)
{
	switch (f->type) {
	case F_TEXT:
		return &((struct ip_text *)p)->pos;
	case F_DATE:
		return &((struct ip_date *)p)->pos;
	case F_BOOL:
		return &((struct ip_bool *)p)->pos;
	case F_ENUM:
		return &((struct ip_enum *)p)->pos;
	case F_INTERVAL:
		return &((struct ip_interval *)p)->pos;
	case F_LIST:
	case F_LIST1:
	case F_TEXTS:
	case F_TEXTS1:
		return &((struct ip_list *)p)->pos;
	case F_MAP:
		break;
	}
	return p;	/* every mapping type starts with its position */
}

/* True if an error in the value v of field f at p left the field out:
 * not so for a mapping or a list that has something in it despite
 * errors within. */
static bool
refused(const struct field *f, const struct ip_ynode *v, void *p)
{
	if (f->type == F_MAP)
		return v->kind != IP_Y_MAP;
	if (f->type == F_LIST || f->type == F_LIST1 || f->type == F_TEXTS
	    || f->type == F_TEXTS1)
		return ((struct ip_list *)p)->n == 0;
	return true;
}

/* Leaves the field f at p out, as if absent, at the key's position pos,
 * and keeps pos among the plan's refused ones. */
static void
refuse(struct ctx *c, const struct field *f, struct ip_pos pos, void *p)
{
	struct ip_plan *pl = c->p;

	*field_pos(f, p) = pos;
	pl->refused = ip_grow(pl->refused, &pl->cap_refused,
	    pl->n_refused + 1, sizeof(*pl->refused));
	pl->refused[pl->n_refused++] = pos;
}

/* Decodes the value v of key k, not null, into p, the field f. */
static void
decode_value(struct ctx *c, const struct field *f, const struct ip_ynode *k,
    const struct ip_ynode *v, void *p)
{
	switch (f->type) {
	case F_TEXT: {
		struct ip_text *t = p;
		if (!want_scalar(c, f->key, v, N_("text")))
			return;
		t->s = ip_blank(v->s) ? NULL : v->s;
		t->pos = t->s != NULL ? v->pos : k->pos;
		break;
	}
	case F_DATE:
		decode_date(c, f->key, v, p);
		break;
	case F_BOOL: {
		struct ip_bool *b = p;
		if (!want_scalar(c, f->key, v, N_("true or false")))
			return;
		if (!strcmp(v->s, "true") || !strcmp(v->s, "True")
		    || !strcmp(v->s, "TRUE"))
			b->v = true;
		else if (!strcmp(v->s, "false") || !strcmp(v->s, "False")
		    || !strcmp(v->s, "FALSE"))
			b->v = false;
		else {
			static const char *const tf[] = { "true", "false",
				NULL };
			const char *w = ip_suggest_word(v->s, tf);
			if (w != NULL)
				error(c, v->pos, IP_R_TYPE,
				    _("'%s' must be true or false, not '%s'; "
				    "did you mean '%s'?"), f->key, v->s, w);
			else
				error(c, v->pos, IP_R_TYPE,
				    _("'%s' must be true or false, not '%s'"),
				    f->key, v->s);
			return;
		}
		if (!v->plain) {
			quoted(c, f->key, v, N_("true or false"));
			return;
		}
		b->set = true;
		b->pos = v->pos;
		break;
	}
	case F_ENUM: {
		struct ip_enum *e = p;
		int i;
		if (!want_scalar(c, f->key, v, N_("a word")))
			return;
		if ((i = ip_vocab_index(f->vocab, v->s)) < 0) {
			const char *w = ip_suggest_word(v->s, f->vocab);
			if (w != NULL)
				error(c, v->pos, IP_R_VALUE,
				    _("'%s' must be %s, not '%s'; did you mean "
				    "'%s'?"), f->key,
				    ip_vocab_or(c->a, f->vocab), v->s, w);
			else
				error(c, v->pos, IP_R_VALUE,
				    _("'%s' must be %s, not '%s'"), f->key,
				    ip_vocab_or(c->a, f->vocab), v->s);
			return;
		}
		e->v = i;
		e->set = true;
		e->pos = v->pos;
		break;
	}
	case F_INTERVAL: {
		struct ip_interval *iv = p;
		if (!want_scalar(c, f->key, v,
		    N_("an interval such as '6 months'")))
			return;
		if (!ip_parse_interval(v->s, &iv->n, &iv->unit)) {
			error(c, v->pos, IP_R_VALUE,
			    /* TRANSLATORS: the units are the words a plan
			     * may hold: keep them in English. */
			    _("'%s' must be a count and a unit (days, weeks, "
			    "months, years), such as '6 months', not '%s'"),
			    f->key, v->s);
			return;
		}
		iv->set = true;
		iv->pos = v->pos;
		break;
	}
	case F_MAP:
		decode_map(c, f->sub, v, p);
		if (v->kind == IP_Y_MAP)	/* point at "period:", not below */
			*(struct ip_pos *)p = k->pos;
		break;
	case F_LIST:
	case F_LIST1:
	case F_TEXTS:
	case F_TEXTS1: {
		struct ip_list *l = p;
		if (f->type == F_LIST || f->type == F_LIST1)
			decode_list(c, f, v, l);
		else
			decode_texts(c, f, v, l);
		if (l->n == 0)		/* [], or empty entries only */
			l->pos = k->pos;
		else if (v->kind == IP_Y_MAP)	/* a mapping as a list of
						   one: at its key */
			*(struct ip_pos *)l->v = k->pos;
		break;
	}
	}
}

static void
decode_field(struct ctx *c, const struct field *f, const struct ip_ynode *k,
    const struct ip_ynode *v, char *base)
{
	void *p = base + f->off;

	if (ip_scalar_is_null(v) || ((f->type == F_MAP || f->type == F_LIST1)
	    && v->kind == IP_Y_MAP && v->n == 0)) {
		/* left out, but remember where, to point at it */
		*field_pos(f, p) = k->pos;
		return;
	}
	int errors = c->errors;
	decode_value(c, f, k, v, p);
	if (c->errors > errors && refused(f, v, p))
		refuse(c, f, k->pos, p);
}

static const struct field *
find_field(const struct schema *s, const char *key)
{
	for (const struct field *f = s->fields; f->key != NULL; f++)
		if (f->key[0] == key[0] && strcmp(f->key, key) == 0)
			return f;
	return NULL;
}

/* Reports the unknown key k in a mapping of schema s; returns the field
 * it suggests instead, or NULL. */
static const struct field *
unknown_key(struct ctx *c, const struct schema *s, const struct ip_ynode *k)
{
	const struct field *best = NULL;
	struct ip_suggest sg;

	ip_suggest_start(&sg, k->s);
	for (const struct field *f = s->fields; f->key != NULL; f++) {
		ip_suggest_try(&sg, f->key);
		if (sg.best == f->key)
			best = f;
	}
	if (best != NULL)
		error(c, k->pos, IP_R_UNKNOWN_KEY,
		    _("unknown key '%s' in %s; did you mean '%s'?"), k->s,
		    schema_name(s), best->key);
	else
		error(c, k->pos, IP_R_UNKNOWN_KEY, _("unknown key '%s' in %s"),
		    k->s, schema_name(s));
	return best;
}

static void
decode_map(struct ctx *c, const struct schema *s, const struct ip_ynode *map,
    void *out)
{
	if (map->kind != IP_Y_MAP) {
		error(c, map->pos, IP_R_TYPE, _("%s must be a mapping, not %s"),
		    schema_name(s), kind_name(map));
		return;
	}
	*(struct ip_pos *)out = map->pos;
	bool unknown = false;
	for (const struct ip_ynode *k = map->first; k; k = k->next->next) {
		const struct field *f = find_field(s, k->s);
		if (f != NULL)
			decode_field(c, f, k, k->next, out);
		else
			unknown = true;
	}
	/* then the unknown keys, if any, once it is known which keys are
	 * written */
	for (const struct ip_ynode *k = unknown ? map->first : NULL; k;
	    k = k->next->next) {
		if (find_field(s, k->s) != NULL)
			continue;
		const struct field *f = unknown_key(c, s, k);
		if (f != NULL && field_pos(f, (char *)out + f->off)->line == 0)
			refuse(c, f, k->pos, (char *)out + f->off);
	}
}

static int
by_pos(const void *a, const void *b)
{
	const struct ip_pos *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

bool
ip_plan_refused(const struct ip_plan *p, struct ip_pos pos)
{
	return p->n_refused > 0 && bsearch(&pos, p->refused, p->n_refused,
	    sizeof(*p->refused), by_pos) != NULL;
}

int
ip_decode(struct ip_plan *p, const struct ip_ynode *root, struct ip_diags *d)
{
	struct ctx c = { .p = p, .a = &p->arena, .d = d };

	if (root->kind != IP_Y_MAP) {
		error(&c, root->pos, IP_R_TYPE,
		    _("a plan must be a mapping of keys such as 'format' and "
		    "'person', not %s"), kind_name(root));
		return -1;
	}
	/* The format decides how to read the rest: look at it first. */
	const struct ip_ynode *k = root->first;
	while (k != NULL && strcmp(k->s, "format") != 0)
		k = k->next->next;
	if (k == NULL || ip_scalar_is_null(k->next)) {
		error(&c, k ? k->pos : (struct ip_pos){ 0, 0 }, IP_R_FORMAT,
		    _("no 'format: iplan/1': not an iplan plan"));
		/* a misspelt 'format' is the likely cause: say so */
		for (k = root->first; k != NULL; k = k->next->next)
			if (find_field(&plan_s, k->s) == NULL)
				unknown_key(&c, &plan_s, k);
		return -1;
	}
	if (!want_scalar(&c, "format", k->next, N_("text")))
		return -1;
	if (strcmp(k->next->s, "iplan/1") != 0) {
		error(&c, k->next->pos, IP_R_FORMAT,
		    _("unsupported format '%s': this iplan %s reads iplan/1"),
		    k->next->s, IPLAN_VERSION);
		return -1;
	}
	decode_map(&c, &plan_s, root, p);
	if (p->n_refused > 1)
		qsort(p->refused, p->n_refused, sizeof(*p->refused), by_pos);
	return c.errors > 0;
}

static const char *const ftype_names[] = {
	[F_TEXT] = "text", [F_DATE] = "date", [F_BOOL] = "boolean",
	[F_ENUM] = "word", [F_INTERVAL] = "interval", [F_MAP] = "mapping",
	[F_LIST] = "list", [F_TEXTS] = "texts", [F_TEXTS1] = "texts1",
	[F_LIST1] = "list1"
};

/* The deepest path, "goals[].subgoals[].status", fits with room. */
#define KEY_PATH 128

static void
keys(const struct schema *s, char *path, size_t len,
    void (*fn)(const char *, const char *, const char *const *, void *),
    void *ctx)
{
	for (const struct field *f = s->fields; f->key != NULL; f++) {
		size_t n = len + (size_t)snprintf(path + len, KEY_PATH - len,
		    "%s%s", len > 0 ? "." : "", f->key);
		fn(path, ftype_names[f->type], f->vocab, ctx);
		if (f->type == F_LIST || f->type == F_LIST1)
			n += (size_t)snprintf(path + n, KEY_PATH - n, "[]");
		if (f->sub != NULL)
			keys(f->sub, path, n, fn, ctx);
	}
}

void
ip_keys(void (*fn)(const char *path, const char *type,
    const char *const *vocab, void *ctx), void *ctx)
{
	char path[KEY_PATH];

	keys(&plan_s, path, 0, fn, ctx);
}
