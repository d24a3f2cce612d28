/*
 * ysyntax.c - YAML syntax as a plan's writer meets it.
 *
 * libyaml says what stopped it, in English, where it gave up: after a
 * colon in a text, at a key indented one step wrong, at the end of the
 * file for a quote never closed.  ip_ysyntax_explain() says it in the
 * user's language, at the place the fix goes, with the fix: the common
 * mistakes of an edit by hand get a hint each, naming the line to match;
 * every other problem libyaml has a message of its own.
 *
 * libyaml 0.2.5 also accepts some YAML that YAML 1.2 refuses (the cases
 * of the yaml-test-suite marked invalid that it lets pass), which another
 * reader of the plan would refuse or read otherwise.  ip_ystrict_event()
 * finds them in the events of a parse: a '#' with no space before it, a
 * plain "-" in a flow collection, a flow collection or quoted text
 * continued less indented than its key or with a tab, a block scalar
 * whose leading empty lines are more indented than its text.
 */
#include "ysyntax.h"

#include <string.h>

#include "i18n.h"

static struct ip_pos
mark_pos(yaml_mark_t m)
{
	return (struct ip_pos){ (uint32_t)m.line + 1, (uint32_t)m.column + 1 };
}

/* --- lines of the buffer ------------------------------------------------ */

/* The byte after the line break at i, or len. */
static size_t
next_line(const char *buf, size_t len, size_t i)
{
	while (i < len && buf[i] != '\n' && buf[i] != '\r')
		i++;
	if (i < len && buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
		i++;
	return i < len ? i + 1 : len;
}

/* The text libyaml refused, with a cursor at the start of a line, so
 * that the hints' walks up and down from the problem's line cost what
 * they pass over. */
struct text {
	const char *buf;
	size_t len;
	uint32_t line;		/* 1-based */
	size_t at;		/* its first byte */
};

/* The byte at which line (1-based) begins, or len. */
static size_t
seek(struct text *t, uint32_t line)
{
	const char *b = t->buf;

	while (t->line < line && t->at < t->len) {
		t->at = next_line(b, t->len, t->at);
		t->line++;
	}
	while (t->line > line && t->at > 0) {
		size_t i = t->at - 1;	/* the previous line's break */
		if (b[i] == '\n' && i > 0 && b[i - 1] == '\r')
			i--;
		while (i > 0 && b[i - 1] != '\n' && b[i - 1] != '\r')
			i--;
		t->at = i;
		t->line--;
	}
	return t->line == line ? t->at : t->len;
}

/* The byte of the character at col (1-based, as libyaml counts) on the
 * line that begins at byte at. */
static size_t
col_byte(const struct text *t, size_t at, uint32_t col)
{
	for (uint32_t c = 1; c < col && at < t->len; c++) {
		at++;
		while (at < t->len && (t->buf[at] & 0xc0) == 0x80)
			at++;
	}
	return at;
}

/* A line as the hints look at it. */
struct line {
	size_t at;		/* its first byte */
	int indent;		/* spaces before anything else */
	char first;		/* what follows them: '\n' if nothing */
};

static struct line
line_of(struct text *t, uint32_t line)
{
	struct line l = { .at = seek(t, line), .first = '\n' };
	size_t i = l.at;
	while (i < t->len && t->buf[i] == ' ')
		i++;
	l.indent = (int)(i - l.at);
	if (i < t->len && t->buf[i] != '\r')
		l.first = t->buf[i];
	return l;
}

/* True if line holds nothing, or only a comment. */
static bool
empty_line(const struct line *l)
{
	return l->first == '\n' || l->first == '#';
}

/* The last line before line that holds more than a comment, and with
 * indent < below (ANY_INDENT: any); 0 if none. */
static uint32_t
line_above(struct text *t, uint32_t line, int below)
{
	while (--line > 0) {
		struct line l = line_of(t, line);
		if (!empty_line(&l) && l.indent < below)
			return line;
	}
	return 0;
}

#define ANY_INDENT	0x7fffffff

/* --- what libyaml refuses, explained ------------------------------------- */

/* libyaml's problems, and what a coordinator is told of each that no
 * hint below covers. */
static const struct {
	const char *problem;
	const char *context;	/* NULL: in any */
	const char *msg;
} problems[] = {
	{ "did not find expected key", NULL,
	    N_("this line does not begin with a key where one is expected") },
	{ "did not find expected node content", NULL,
	    N_("a value is missing here") },
	{ "found unexpected ':'", NULL,
	    N_("a colon here cannot begin or end a key: put the text in "
	    "quotes") },
	{ "found unexpected end of stream", NULL,
	    N_("the file ends in the middle of a value") },
	{ "found unexpected document indicator", NULL,
	    N_("'---' or '...' at the beginning of a line inside a value: "
	    "indent the line, or put the text in quotes") },
	{ "found unknown escape character", NULL,
	    N_("a backslash in double quotes that is no escape: write \\\\ "
	    "for a backslash, or use single quotes") },
	{ "found invalid Unicode character escape code", NULL,
	    N_("an escape \\x, \\u or \\U in double quotes that gives no "
	    "character: write \\\\ for a backslash, or use single "
	    "quotes") },
	{ "did not find expected hexdecimal number", NULL,
	    N_("an escape \\x, \\u or \\U in double quotes that gives no "
	    "character: write \\\\ for a backslash, or use single "
	    "quotes") },
	{ "found an indentation indicator equal to 0", NULL,
	    N_("a block of text with indentation 0: use 1 to 9 after '|' or "
	    "'>', or none") },
	{ "did not find expected comment or line break",
	    "while scanning a block scalar",
	    N_("text after '|' or '>' on its line: begin the block's text on "
	    "the next line, indented") },
	{ "did not find expected <document start>", NULL,
	    N_("text after the plan's end: a plan is one mapping of keys") },
};

static const char *
problem_msg(const char *problem, const char *context)
{
	for (size_t i = 0; i < sizeof(problems) / sizeof(problems[0]); i++)
		if (strcmp(problem, problems[i].problem) == 0
		    && (problems[i].context == NULL
		    || strcmp(context, problems[i].context) == 0))
			return _(problems[i].msg);
	/* directives, tags, anchors and whatever else a plan has no use
	 * for: YAML a plan does not need */
	return _("YAML that a plan does not use (directives, tags, anchors, "
	    "or a character out of place): write plain keys and values");
}

/* The line above line at its own indentation or less that begins a key
 * of the mapping starting at column col, or 0. */
static uint32_t
key_line(struct text *t, uint32_t line, int col)
{
	while (--line > 0) {
		struct line l = line_of(t, line);
		if (!empty_line(&l) && l.indent <= col)
			return l.indent == col ? line : 0;
	}
	return 0;
}

/* "mapping values are not allowed": a colon and space inside a text, or
 * a line indented more than the one above it, which reads as its text
 * going on. */
static void
colon_in_text(struct text *t, struct ip_pos at,
    struct ip_diags *d)
{
	struct line l = line_of(t, at.line);
	const char *b = t->buf;
	size_t colon = col_byte(t, l.at, at.col);
	size_t i = l.at + (size_t)l.indent;

	if (i + 1 < t->len && b[i] == '-' && b[i + 1] == ' ')
		i += 2;
	for (; i < colon; i++)
		if (b[i] == ':' && (b[i + 1] == ' ' || b[i + 1] == '\t')) {
			/* the text begins after the first "key: " */
			for (i++; i < colon && (b[i] == ' ' || b[i] == '\t');
			    i++)
				;
			ip_diag(d, ip_pos_at(t->buf, t->len, i), IP_R_SYNTAX,
			    _("a colon and a space inside a text: put the "
			    "text in quotes, or write it as a block with "
			    "'|'"));
			return;
		}
	uint32_t above = line_above(t, at.line, ANY_INDENT);
	ip_diag(d, (struct ip_pos){ at.line, (uint32_t)l.indent + 1 },
	    IP_R_SYNTAX, _("line %u is indented more than line %u, and reads "
	    "as the text of that line going on: indent it as line %u, or "
	    "as the key it belongs to"), at.line, above, above);
}

/* "did not find expected '-' indicator": a line at the indentation of a
 * list's items that is no item. */
static void
not_an_item(struct text *t, const yaml_parser_t *p,
    struct ip_pos at, struct ip_diags *d)
{
	uint32_t match = 0;
	bool dash = false;	/* match is a "- key:" line */

	/* the item above: a mapping's keys, if it has them */
	for (uint32_t n = at.line; --n > 0 && match == 0;) {
		struct line l = line_of(t, n);
		if (empty_line(&l) || l.indent > (int)at.col - 1)
			continue;
		if (l.indent < (int)at.col - 1 || l.first != '-')
			break;
		size_t i = l.at + (size_t)l.indent + 1;
		size_t e = next_line(t->buf, t->len, i);
		while (i < e && t->buf[i] == ' ')
			i++;
		if (memchr(t->buf + i, ':', e - i) == NULL)
			break;
		/* "- key: value": the last of its keys */
		match = n;
		dash = true;
		for (uint32_t k = n + 1; k < at.line; k++) {
			struct line kl = line_of(t, k);
			if (!empty_line(&kl) && kl.indent == (int)(i - l.at)) {
				match = k;
				dash = false;
			}
		}
		break;
	}
	if (match == 0)	/* else the key the list belongs to */
		match = line_above(t, (uint32_t)p->context_mark.line + 1,
		    (int)at.col - 1);
	if (match == 0)
		match = (uint32_t)p->context_mark.line + 1;
	ip_diag(d, at, IP_R_SYNTAX, dash ? _("line %u is at the indentation "
	    "of the list's items but does not begin with '- ': indent it as "
	    "the key after '- ' on line %u, or begin a new item with '- '")
	    : _("line %u is at the indentation of the list's items but does "
	    "not begin with '- ': indent it as line %u, or begin a new item "
	    "with '- '"), at.line, match);
}

/* "did not find expected key" at the start of a line: indented between
 * two keys, or a list item among keys. */
static bool
between_keys(struct text *t, const yaml_parser_t *p,
    struct ip_pos at, struct ip_diags *d)
{
	struct line l = line_of(t, at.line);
	int col = (int)p->context_mark.column;

	if (l.indent != (int)at.col - 1)
		return false;
	if (l.first == '-' && l.indent == col) {
		uint32_t key = key_line(t, at.line, col);
		ip_diag(d, at, IP_R_SYNTAX, _("a list item where a key is "
		    "expected: indent it under the key it belongs to, such as "
		    "the one on line %u, as that key's items"), key != 0 ? key
		    : (uint32_t)p->context_mark.line + 1);
		return true;
	}
	uint32_t above = line_above(t, at.line, ANY_INDENT);
	uint32_t key = key_line(t, at.line, col);
	if (above == 0 || key == 0)
		return false;
	ip_diag(d, at, IP_R_SYNTAX, _("line %u is indented less than line %u "
	    "above it and more than line %u: indent it as one of them"),
	    at.line, above, key);
	return true;
}

/* "did not find expected key" after a closing quote: text going on after
 * a quoted part. */
static bool
after_quote(struct text *t, struct ip_pos at, struct ip_diags *d)
{
	struct line l = line_of(t, at.line);
	size_t i = col_byte(t, l.at, at.col);

	while (i > l.at && (t->buf[i - 1] == ' ' || t->buf[i - 1] == '\t'))
		i--;
	if (i == l.at || (t->buf[i - 1] != '"' && t->buf[i - 1] != '\''))
		return false;
	char q = t->buf[i - 1];
	const char *open = memchr(t->buf + l.at, q, i - 1 - l.at);
	size_t from = open != NULL ? (size_t)(open - t->buf) : i - 1;
	ip_diag(d, ip_pos_at(t->buf, t->len, from), IP_R_SYNTAX, q == '\''
	    ? _("text goes on after the closing quote: put the whole text in "
	    "quotes, and write an apostrophe inside single quotes as ''")
	    : _("text goes on after the closing quote: put the whole text in "
	    "quotes, and write a quote inside double quotes as \\\""));
	return true;
}

/* The character at the 0-based line and column of m, or 0. */
static char
char_at(struct text *t, yaml_mark_t m)
{
	size_t i = col_byte(t, seek(t, (uint32_t)m.line + 1),
	    (uint32_t)m.column + 1);
	return i < t->len ? t->buf[i] : 0;
}

/* The column of the first tab in the indentation of line, or 0. */
static uint32_t
tab_column(struct text *t, uint32_t line)
{
	size_t at = seek(t, line);
	for (size_t i = at; i < t->len && (t->buf[i] == ' '
	    || t->buf[i] == '\t'); i++)
		if (t->buf[i] == '\t')
			return (uint32_t)(i - at) + 1;
	return 0;
}

static void
tab(struct ip_diags *d, uint32_t line, uint32_t col)
{
	ip_diag(d, (struct ip_pos){ line, col }, IP_R_SYNTAX, _("a tab in the "
	    "indentation of line %u: YAML indents with spaces"), line);
}

void
ip_ysyntax_explain(const char *buf, size_t len, const yaml_parser_t *p,
    struct ip_diags *d)
{
	struct text text = { .buf = buf, .len = len, .line = 1 };
	struct text *t = &text;
	const char *problem = p->problem != NULL ? p->problem : "";
	const char *context = p->context != NULL ? p->context : "";
	struct ip_pos at = mark_pos(p->problem_mark);
	struct ip_pos ctx = mark_pos(p->context_mark);
	uint32_t tc = tab_column(t, at.line);
	char c;

	if (tc != 0 || strstr(problem, "tab character") != NULL)
		tab(d, at.line, tc != 0 ? tc : at.col);
	else if (strcmp(problem, "mapping values are not allowed in this "
	    "context") == 0)
		colon_in_text(t, at, d);
	else if (strcmp(problem, "did not find expected '-' indicator") == 0)
		not_an_item(t, p, at, d);
	else if (strcmp(problem, "did not find expected key") == 0
	    && (after_quote(t, at, d)
	    || between_keys(t, p, at, d)))
		;
	else if (strcmp(problem, "could not find expected ':'") == 0)
		ip_diag(d, ctx, IP_R_SYNTAX, _("line %u has no 'key:' where a "
		    "key is expected: write the key and a colon; or, if it "
		    "goes on with the text of line %u, indent it more than "
		    "that line's key"), ctx.line,
		    line_above(t, ctx.line, ANY_INDENT));
	else if (strcmp(context, "while scanning a quoted scalar") == 0
	    && (c = char_at(t, p->context_mark)) != 0)
		ip_diag(d, ctx, IP_R_SYNTAX, _("the quote (%c) here is not "
		    "closed: end the text with %c"), c, c);
	else if ((strcmp(context, "while parsing a flow sequence") == 0
	    || strcmp(context, "while parsing a flow mapping") == 0)
	    && strncmp(problem, "did not find expected ','", 25) == 0) {
		bool seq = strcmp(context, "while parsing a flow sequence") == 0;
		ip_diag(d, ctx, IP_R_SYNTAX, _("the '%c' here is never closed "
		    "with '%c': close it, or put a text with '%c' in quotes"),
		    seq ? '[' : '{', seq ? ']' : '}', seq ? '[' : '{');
	} else if (strcmp(problem, "block sequence entries are not allowed "
	    "in this context") == 0)
		ip_diag(d, at, IP_R_SYNTAX, _("a list cannot begin on the line "
		    "of its key: begin the items on the next line, indented, "
		    "or put a text that begins with '-' in quotes"));
	else if (strcmp(problem, "found character that cannot start any "
	    "token") == 0 || strcmp(problem, "mapping keys are not allowed "
	    "in this context") == 0 || strncmp(context, "while scanning an "
	    "a", 18) == 0 || strcmp(context, "while scanning a tag") == 0) {
		yaml_mark_t m = *context ? p->context_mark : p->problem_mark;
		if (strcmp(context, "while scanning for the next token") == 0)
			m = p->problem_mark;
		c = char_at(t, m);
		if ((unsigned char)c < 0x80 && c > ' ')
			ip_diag(d, mark_pos(m), IP_R_SYNTAX, _("'%c' cannot "
			    "begin a text: put the text in quotes"), c);
		else
			ip_diag(d, mark_pos(m), IP_R_SYNTAX, "%s",
			    problem_msg(problem, context));
	} else
		ip_diag(d, at, IP_R_SYNTAX, "%s", problem_msg(problem, context));
}

/* --- what YAML 1.2 refuses and libyaml accepts ---------------------------- */

void
ip_ystrict_init(struct ip_ystrict *s, const char *buf, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->buf = buf;
	s->len = len;
	s->at.s = (const unsigned char *)buf;
	s->at.len = len;
}

/* The byte offset of libyaml's mark m, which counts characters. */
static size_t
byte_at(struct ip_ystrict *s, yaml_mark_t m)
{
	return ip_utf8_byte(&s->at, m.index);
}

static int
no_space_before_hash(struct ip_ystrict *s, size_t i, struct ip_diags *d)
{
	ip_diag(d, ip_pos_at(s->buf, s->len, i), IP_R_SYNTAX, _("a '#' right "
	    "after '%c' does not begin a comment: put a space before '#'"),
	    s->buf[i - 1]);
	return -1;
}

/* Checks the bytes from s->scanned to end, outside any scalar, for a '#'
 * that libyaml takes for a comment and YAML 1.2 does not. */
static int
comments(struct ip_ystrict *s, size_t end, struct ip_diags *d)
{
	const char *b = s->buf;
	size_t i = s->scanned;

	if (end <= i)
		return 0;
	for (; i < end; i++) {
		if (b[i] != '#')
			continue;
		if (i > 0 && b[i - 1] != ' ' && b[i - 1] != '\t'
		    && b[i - 1] != '\n' && b[i - 1] != '\r')
			return no_space_before_hash(s, i, d);
		i = next_line(b, s->len, i) - 1;
	}
	s->scanned = end;
	return 0;
}

/* Checks that the lines after the first from byte at to byte end, each
 * going on with a value in block context, are indented more than the
 * block collection's column (their key's); a flow collection may hold
 * comment lines. */
static int
continued(struct ip_ystrict *s, size_t at, size_t end, uint32_t first,
    bool flow, struct ip_diags *d)
{
	int col = s->nblock > 0 ? s->block[s->nblock - 1] : -1;
	uint32_t line = first;

	if (col < 0)
		return 0;
	for (size_t i = next_line(s->buf, s->len, at); i < end && i < s->len;
	    i = next_line(s->buf, s->len, i)) {
		size_t j = i;
		line++;
		while (j < s->len && s->buf[j] == ' ')
			j++;
		char c = j < s->len ? s->buf[j] : '\n';
		if ((int)(j - i) > col || c == '\n' || c == '\r'
		    || (flow && c == '#'))
			continue;
		if (c == '\t') {
			/* only blanks before the text: an empty line */
			size_t k = j;
			while (k < s->len && (s->buf[k] == ' '
			    || s->buf[k] == '\t'))
				k++;
			if (k == s->len || s->buf[k] == '\n'
			    || s->buf[k] == '\r' || (flow && s->buf[k] == '#'))
				continue;
			tab(d, line, (uint32_t)(j - i) + 1);
			return -1;
		}
		ip_diag(d, (struct ip_pos){ line, (uint32_t)(j - i) + 1 },
		    IP_R_SYNTAX, P_("line %u goes on with the value of line "
		    "%u, but is not indented more than its key: indent it by "
		    "at least %d space", "line %u goes on with the value of "
		    "line %u, but is not indented more than its key: indent it "
		    "by at least %d spaces", col + 1), line, first, col + 1);
		return -1;
	}
	return 0;
}

/* A block scalar at byte at: no '#' right after its indicators, and no
 * leading empty line more indented than its first line of text. */
static int
block_scalar(struct ip_ystrict *s, size_t at, yaml_mark_t m,
    struct ip_diags *d)
{
	const char *b = s->buf;
	size_t i = at + 1;
	bool explicit = false;

	for (; i < s->len && b[i] != '\0' && strchr("+-123456789", b[i]) != NULL; i++)
		explicit |= b[i] >= '1' && b[i] <= '9';
	if (i < s->len && b[i] == '#')
		return no_space_before_hash(s, i, d);
	if (explicit)
		return 0;
	int most = 0, col = s->nblock > 0 ? s->block[s->nblock - 1] : -1;
	uint32_t line = (uint32_t)m.line + 1, most_line = 0;
	for (i = next_line(b, s->len, i); i < s->len;
	    i = next_line(b, s->len, i)) {
		size_t j = i;
		line++;
		while (j < s->len && b[j] == ' ')
			j++;
		if (j < s->len && b[j] != '\n' && b[j] != '\r') {
			if ((int)(j - i) < most && (int)(j - i) > col) {
				ip_diag(d, (struct ip_pos){ most_line,
				    (uint32_t)most + 1 }, IP_R_SYNTAX,
				    _("an empty line at the beginning of a "
				    "block of text is indented more than its "
				    "text (line %u): remove the spaces on "
				    "it"), line);
				return -1;
			}
			return 0;
		}
		if ((int)(j - i) > most) {
			most = (int)(j - i);
			most_line = line;
		}
	}
	return 0;
}

int
ip_ystrict_event(struct ip_ystrict *s, const yaml_event_t *e,
    struct ip_diags *d)
{
	size_t at, end;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		at = byte_at(s, e->start_mark);
		if (comments(s, at, d) != 0)
			return -1;
		end = byte_at(s, e->end_mark);
		s->scanned = end > s->scanned ? end : s->scanned;
		switch (e->data.scalar.style) {
		case YAML_PLAIN_SCALAR_STYLE:
			if (s->flow > 0 && at < s->len
			    && strchr("-?:", s->buf[at]) != NULL
			    && (at + 1 == s->len || strchr(" \t\r\n,[]{}",
			    s->buf[at + 1]) != NULL)) {
				ip_diag(d, mark_pos(e->start_mark),
				    IP_R_SYNTAX, _("a '%c' alone in a list or "
				    "mapping in brackets: put it in quotes"),
				    s->buf[at]);
				return -1;
			}
			return 0;
		case YAML_LITERAL_SCALAR_STYLE:
		case YAML_FOLDED_SCALAR_STYLE:
			return block_scalar(s, at, e->start_mark, d);
		default:
			return s->flow > 0 ? 0 : continued(s, at, end,
			    (uint32_t)e->start_mark.line + 1, false, d);
		}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		at = byte_at(s, e->start_mark);
		if (comments(s, at, d) != 0)
			return -1;
		if ((e->type == YAML_SEQUENCE_START_EVENT
		    ? e->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
		    : e->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE)
		    || s->flow > 0) {
			if (s->flow++ == 0) {
				s->flow_at = at;
				s->flow_line = e->start_mark.line + 1;
			}
		} else if (s->nblock < IP_MAX_DEPTH + 2)
			s->block[s->nblock++] = (int)e->start_mark.column;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (s->flow > 0) {
			/* a block collection's end needs no offset */
			end = byte_at(s, e->end_mark);
			if (comments(s, end, d) != 0)
				return -1;
			if (--s->flow == 0)
				return continued(s, s->flow_at, end,
				    (uint32_t)s->flow_line, true, d);
		} else if (s->nblock > 0)
			s->nblock--;
		return 0;
	case YAML_STREAM_END_EVENT:
	case YAML_DOCUMENT_START_EVENT:
	case YAML_DOCUMENT_END_EVENT:
		return comments(s, byte_at(s, e->end_mark), d);
	default:
		return 0;
	}
}
