/*
 * yaml.c - reading a plan file into a bounded YAML tree.
 *
 * The whole file is read into memory, and libyaml's event parser builds a
 * tree that keeps every node's position.  Where libyaml finds bad UTF-8 or
 * a control character, which it reports only as a byte offset, a scan of
 * our own says where (line:col) and what; the same scan runs first on a
 * file that may hold a noncharacter, which libyaml lets through.
 * Duplicate keys, anchors, aliases, tags and further documents are refused,
 * and depth, node count and value length are bounded.
 */
#include "ytree.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "i18n.h"
#include "utf8.h"
#include "ysyntax.h"

/* A FIFO opened without waiting has no writer yet, and would read as
 * empty: waits on fd, whose status is st, for one to write, or to come
 * and go.  Returns 0 or an errno value. */
static int
fifo_wait(int fd, const struct stat *st)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };

	if (!S_ISFIFO(st->st_mode) || fd == STDIN_FILENO)
		return 0;
	while (poll(&pfd, 1, -1) < 0)
		if (errno != EINTR)
			return errno;
	return 0;
}

/* Reads the open fd, whose status is st, into *bufp and *lenp: 0, an
 * errno value, or -1 if it is larger than IP_MAX_FILE. */
static int
read_all(int fd, const struct stat *st, char **bufp, size_t *lenp)
{
	size_t len = 0, cap = S_ISREG(st->st_mode) ? (size_t)st->st_size + 1
	    : 8192;
	char *buf = ip_xmalloc(cap);

	for (;;) {
		if (len == cap) {
			if (cap > IP_MAX_FILE)
				break;
			buf = ip_xrealloc(buf, cap, 2);
			cap *= 2;
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;
			free(buf);
			return err;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (len > IP_MAX_FILE) {
		free(buf);
		return -1;
	}
	*bufp = buf;
	*lenp = len;
	return 0;
}

int
ip_read_file(const char *path, char **bufp, size_t *lenp, struct ip_diags *d)
{
	/* O_NONBLOCK: opening a device does not wait (for a modem's
	 * carrier, say); reads block again after the open */
	int fd = strcmp(path, "-") == 0 ? STDIN_FILENO
	    : open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	int err;	/* 0, an errno value, or -1: too big */

	*bufp = NULL;
	*lenp = 0;
	if (fd < 0)
		err = errno;
	else if (fstat(fd, &st) != 0 || (fd != STDIN_FILENO
	    && fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0))
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (S_ISREG(st.st_mode) && st.st_size > (off_t)IP_MAX_FILE)
		err = -1;
	else if ((err = fifo_wait(fd, &st)) == 0)
		err = read_all(fd, &st, bufp, lenp);
	if (fd >= 0 && fd != STDIN_FILENO)
		close(fd);
	if (err < 0)
		ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_LIMIT,
		    _("file is larger than %u MiB: not a plan"),
		    IP_MAX_FILE >> 20);
	else if (err > 0)
		ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_IO,
		    _("cannot read '%s': %s"), path, strerror(err));
	return err == 0 ? 0 : -1;
}

/* Characters a plan may hold: those YAML allows in a stream (YAML 1.1
 * c-printable) less the noncharacters U+FDD0 to U+FDEF and the last two
 * of each plane, which Unicode keeps for a program's own use (the
 * Markdown renderer marks text with two of them) and HTML does not
 * allow; and less NEL, LS and PS, which YAML 1.1 (and libyaml) reads as
 * line breaks and YAML 1.2 as characters of the text: see ip-plan(5). */
static bool
printable(uint32_t c)
{
	return (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7f)
	    || (c >= 0xa0 && c <= 0xd7ff && c != 0x2028 && c != 0x2029)
	    || c >= 0xe000) && !ip_is_noncharacter(c);
}

/* NEL, LS and PS: line breaks to YAML 1.1, characters to YAML 1.2.  A
 * plan holds them only as the escapes \N, \L and \P of double quotes,
 * which both read alike. */
static bool
break_11(uint32_t c)
{
	return c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Bytes that stand for themselves: printable ASCII, tab and line ends. */
static bool
plain_ascii(unsigned char c)
{
	return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t' || c == '\r';
}

static int
check_encoding(const char *buf, size_t len, struct ip_diags *d)
{
	const unsigned char *s = (const unsigned char *)buf;
	for (size_t i = 0; i < len;) {
		if (plain_ascii(s[i])) {
			i++;
			continue;
		}
		uint32_t c;
		size_t l = ip_utf8_decode(s + i, len - i, &c);
		if (l == 0) {
			ip_diag(d, ip_pos_at(buf, len, i), IP_R_ENCODING,
			    _("invalid UTF-8 (byte 0x%02x): plans are UTF-8 text"),
			    s[i]);
			return -1;
		}
		if (!printable(c)) {
			struct ip_pos pos = ip_pos_at(buf, len, i);
			if (break_11(c))
				ip_diag(d, pos, IP_R_ENCODING, _("U+%04X (%s) "
				    "is a line break to some YAML readers and "
				    "not to others, which would read the plan "
				    "otherwise: end the line there, or write %s "
				    "in double quotes"), (unsigned)c,
				    c == 0x85 ? _("next line") : c == 0x2028
				    ? _("line separator")
				    : _("paragraph separator"), c == 0x85
				    ? "\\N" : c == 0x2028 ? "\\L" : "\\P");
			else if (c == 0)
				ip_diag(d, pos, IP_R_ENCODING,
				    _("NUL byte: plans are text"));
			else if (c < 0xa0)
				ip_diag(d, pos, IP_R_ENCODING, _("control "
				    "character U+%04X is not allowed"),
				    (unsigned)c);
			else
				ip_diag(d, pos, IP_R_ENCODING, _("U+%04X is "
				    "not a character but a code kept for "
				    "programs: delete it"), (unsigned)c);
			return -1;
		}
		i += l;
	}
	return 0;
}

/* True if the bytes seq (of n) are in buf. */
static bool
holds_bytes(const char *buf, size_t len, const char *seq, size_t n)
{
	for (const char *p = buf, *end = buf + len; (p = memchr(p, seq[0],
	    (size_t)(end - p))) != NULL; p++)
		if ((size_t)(end - p) >= n && memcmp(p, seq, n) == 0)
			return true;
	return false;
}

/* True if buf may hold a character that libyaml lets through and a plan
 * may not: a noncharacter, whose UTF-8 starts with 0xEF (U+FDD0 to
 * U+FDEF, U+FFFE, U+FFFF) or with 0xF0 to 0xF4 (the last two of each
 * other plane); or NEL, LS or PS, which YAML 1.1 and libyaml take for
 * line breaks and YAML 1.2 for characters of the text, so that readers
 * of either read the plan otherwise.  A few passes of memchr() cost
 * less than decoding every file. */
static bool
may_hold_refused(const char *buf, size_t len)
{
	for (int b = 0xef; b <= 0xf4; b++)
		if (memchr(buf, b, len) != NULL)
			return true;
	return holds_bytes(buf, len, "\xc2\x85", 2)
	    || holds_bytes(buf, len, "\xe2\x80\xa8", 3)
	    || holds_bytes(buf, len, "\xe2\x80\xa9", 3);
}

struct builder {
	struct ip_arena *a;
	struct ip_diags *d;
	const char *buf;
	size_t len;
	struct ip_ynode *stack[IP_MAX_DEPTH + 1];
	int depth;
	size_t nodes;
};

static struct ip_pos
mark_pos(yaml_mark_t m)
{
	return (struct ip_pos){ (uint32_t)m.line + 1, (uint32_t)m.column + 1 };
}

static bool
scalar_eq(const struct ip_ynode *x, const struct ip_ynode *y)
{
	return x->kind == IP_Y_SCALAR && y->kind == IP_Y_SCALAR
	    && x->len == y->len && memcmp(x->s, y->s, x->len) == 0;
}

/* The key n of the mapping map, which has it already as first: often
 * a key indented wrong, or a list item without its '- '. */
static void
duplicate(struct builder *b, const struct ip_ynode *map,
    const struct ip_ynode *first, const struct ip_ynode *n)
{
	const struct ip_ynode *up = b->depth > 1 ? b->stack[b->depth - 1]
	    : NULL;
	const struct ip_ynode *prev = map->n >= 2 ? map->last : NULL;
	const struct ip_ynode *prev_key = NULL;

	for (const struct ip_ynode *k = map->first; k; k = k->next->next)
		if (k->next == prev)
			prev_key = k;
	if (up != NULL && up->kind == IP_Y_SEQ)
		ip_diag(b->d, n->pos, IP_R_DUPKEY, _("duplicate key '%s' "
		    "(first at line %u): if it begins a new item of the list, "
		    "begin it with '- '"), n->s, first->pos.line);
	else if (b->depth > 1 && prev_key != NULL && prev_key != first
	    && prev->kind == IP_Y_MAP)
		ip_diag(b->d, n->pos, IP_R_DUPKEY, _("duplicate key '%s' "
		    "(first at line %u): if it belongs under '%s' (line %u), "
		    "indent it as the keys there (line %u)"), n->s,
		    first->pos.line, prev_key->s, prev_key->pos.line,
		    prev->pos.line);
	else
		ip_diag(b->d, n->pos, IP_R_DUPKEY, _("duplicate key '%s' "
		    "(first at line %u)"), n->s, first->pos.line);
}

/* Adds n to the collection on top of the stack; 0 or -1 after an error. */
static int
attach(struct builder *b, struct ip_ynode *n)
{
	if (b->depth == 0) {
		b->stack[0] = n;	/* the root, kept in slot 0 */
		return 0;
	}
	struct ip_ynode *parent = b->stack[b->depth];
	if (parent->kind == IP_Y_MAP && parent->n % 2 == 0) {
		/* n is a key */
		if (n->kind != IP_Y_SCALAR) {
			ip_diag(b->d, n->pos, IP_R_TYPE, n->kind == IP_Y_MAP
			    ? _("a key must be a plain word, not a mapping")
			    : _("a key must be a plain word, not a sequence"));
			return -1;
		}
		if (parent->n / 2 >= IP_MAX_KEYS) {
			ip_diag(b->d, n->pos, IP_R_LIMIT,
			    _("more than %d keys in one mapping"), IP_MAX_KEYS);
			return -1;
		}
		for (struct ip_ynode *k = parent->first; k; k = k->next->next)
			if (scalar_eq(k, n)) {
				duplicate(b, parent, k, n);
				return -1;
			}
	}
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
	parent->n++;
	return 0;
}

static struct ip_ynode *
new_node(struct builder *b, enum ip_ykind kind, yaml_mark_t m)
{
	if (++b->nodes > IP_MAX_NODES) {
		ip_diag(b->d, mark_pos(m), IP_R_LIMIT,
		    _("more than %d values in one plan"), IP_MAX_NODES);
		return NULL;
	}
	struct ip_ynode *n = ip_arena_alloc(b->a, sizeof(*n));
	n->kind = kind;
	n->pos = mark_pos(m);
	n->start = (uint32_t)m.index;
	return n;
}

/* What YAML has and a plan does not: aliases, anchors, tags. */
static int
unsupported(struct builder *b, yaml_mark_t m, const char *msg)
{
	ip_diag(b->d, mark_pos(m), IP_R_UNSUPPORTED, "%s", msg);
	return -1;
}

/* Checks a decoded scalar: within bounds, and holding only what the
 * file itself may hold, less carriage returns, and NEL, LS and PS.
 * Only the escapes of double quotes can make anything else: "\0", "\r",
 * "\x9b", "\uFFFE". */
static int
check_scalar(struct builder *b, const yaml_event_t *e)
{
	const unsigned char *s = e->data.scalar.value;
	size_t len = e->data.scalar.length;

	if (len > IP_MAX_SCALAR) {
		ip_diag(b->d, mark_pos(e->start_mark), IP_R_LIMIT,
		    _("value longer than %u KiB"), IP_MAX_SCALAR >> 10);
		return -1;
	}
	if (e->data.scalar.style != YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		return 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t l = ip_utf8_decode(s + i, len - i, &c);
		if (l == 0)	/* libyaml writes UTF-8; refuse it if not */
			l = 1, c = 0xfffe;
		if ((!printable(c) && !break_11(c)) || c == '\r') {
			ip_diag(b->d, mark_pos(e->start_mark), IP_R_ENCODING,
			    c < 0xa0 ? _("value contains control character "
			    "U+%04X") : _("value contains U+%04X, which is "
			    "not a character"), (unsigned)c);
			return -1;
		}
		i += l;
	}
	return 0;
}

static int
event(struct builder *b, const yaml_event_t *e)
{
	struct ip_ynode *n;
	const char *anchor = NULL, *tag = NULL;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		anchor = (const char *)e->data.scalar.anchor;
		tag = (const char *)e->data.scalar.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = (const char *)e->data.sequence_start.anchor;
		tag = (const char *)e->data.sequence_start.tag;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = (const char *)e->data.mapping_start.anchor;
		tag = (const char *)e->data.mapping_start.tag;
		break;
	case YAML_ALIAS_EVENT:
		return unsupported(b, e->start_mark,
		    _("aliases are not allowed in a plan"));
	default:
		break;
	}
	if (anchor != NULL)
		return unsupported(b, e->start_mark,
		    _("anchors are not allowed in a plan"));
	if (tag != NULL)
		return unsupported(b, e->start_mark,
		    _("tags are not allowed in a plan"));

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		if (check_scalar(b, e) != 0
		    || (n = new_node(b, IP_Y_SCALAR, e->start_mark)) == NULL)
			return -1;
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		n->end = (uint32_t)e->end_mark.index;
		n->len = e->data.scalar.length;
		n->s = ip_arena_strndup(b->a,
		    (const char *)e->data.scalar.value, n->len);
		return attach(b, n);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == IP_MAX_DEPTH) {
			ip_diag(b->d, mark_pos(e->start_mark), IP_R_LIMIT,
			    _("nested deeper than %d levels"), IP_MAX_DEPTH);
			return -1;
		}
		n = new_node(b, e->type == YAML_MAPPING_START_EVENT
		    ? IP_Y_MAP : IP_Y_SEQ, e->start_mark);
		if (n == NULL || attach(b, n) != 0)
			return -1;
		b->stack[++b->depth] = n;
		return 0;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		b->stack[b->depth--]->end = (uint32_t)e->end_mark.index;
		return 0;
	default:
		return 0;
	}
}

static void
parser_error(struct builder *b, const yaml_parser_t *p)
{
	/* libyaml checks the encoding as it reads, but says only where in
	 * bytes: our own scan says where and what. */
	if (p->error == YAML_READER_ERROR) {
		if (check_encoding(b->buf, b->len, b->d) == 0)
			ip_diag(b->d, ip_pos_at(b->buf, b->len,
			    p->problem_offset), IP_R_ENCODING,
			    _("a character that a plan cannot hold"));
	} else
		ip_ysyntax_explain(b->buf, b->len, p, b->d);
}

struct ip_ynode *
ip_yaml_parse(const char *buf, size_t len, struct ip_arena *a,
    struct ip_diags *d)
{
	/* libyaml would count a BOM as a column; skip it. */
	size_t skip = len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	struct builder b = { .a = a, .d = d, .buf = buf + skip,
	    .len = len - skip };
	struct ip_ystrict strict;
	yaml_parser_t p;
	yaml_event_t e;
	int docs = 0, rc = 0;

	if (may_hold_refused(b.buf, b.len)
	    && check_encoding(b.buf, b.len, d) != 0)
		return NULL;
	ip_ystrict_init(&strict, b.buf, b.len);
	if (!yaml_parser_initialize(&p))
		ip_oom();
	yaml_parser_set_input_string(&p, (const unsigned char *)b.buf, b.len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	for (;;) {
		if (!yaml_parser_parse(&p, &e)) {
			parser_error(&b, &p);
			rc = -1;
			break;
		}
		if (e.type == YAML_STREAM_END_EVENT) {
			rc = ip_ystrict_event(&strict, &e, d);
			yaml_event_delete(&e);
			break;
		}
		if (e.type == YAML_DOCUMENT_START_EVENT && ++docs > 1) {
			ip_diag(d, mark_pos(e.start_mark), IP_R_UNSUPPORTED,
			    _("a second document: one plan per file"));
			rc = -1;
		} else if ((rc = event(&b, &e)) == 0)
			rc = ip_ystrict_event(&strict, &e, d);
		yaml_event_delete(&e);
		if (rc != 0)
			break;
	}
	yaml_parser_delete(&p);
	if (rc != 0)
		return NULL;
	if (docs == 0 || b.stack[0] == NULL) {
		ip_diag(d, (struct ip_pos){ 0, 0 }, IP_R_FORMAT,
		    _("empty file: not a plan"));
		return NULL;
	}
	return b.stack[0];
}

void
ip_yaml_quote(FILE *f, const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;

	putc('"', f);
	for (size_t i = 0; i < len; i++) {
		size_t left = len - i;
		if (u[i] == '"' || u[i] == '\\')
			fprintf(f, "\\%c", u[i]);
		else if (u[i] == '\n')
			fputs("\\n", f);
		else if (u[i] == '\t')
			fputs("\\t", f);
		else if (u[i] < 0x20 || u[i] == 0x7f)
			fprintf(f, "\\x%02x", u[i]);
		else if (left >= 2 && u[i] == 0xc2 && u[i + 1] == 0x85)
			fputs("\\N", f), i++;
		else if (left >= 3 && u[i] == 0xe2 && u[i + 1] == 0x80
		    && (u[i + 2] == 0xa8 || u[i + 2] == 0xa9))
			fputs(u[i + 2] == 0xa8 ? "\\L" : "\\P", f), i += 2;
		else if (left >= 3 && u[i] == 0xef && u[i + 1] == 0xbb
		    && u[i + 2] == 0xbf)
			fputs("\\uFEFF", f), i += 2;
		else
			putc(u[i], f);
	}
	putc('"', f);
}

bool
ip_scalar_is_null(const struct ip_ynode *n)
{
	if (n->kind != IP_Y_SCALAR || !n->plain)
		return false;
	switch (n->len) {
	case 0:
		return true;
	case 1:
		return n->s[0] == '~';
	case 4:
		return memcmp(n->s, "null", 4) == 0
		    || memcmp(n->s, "Null", 4) == 0
		    || memcmp(n->s, "NULL", 4) == 0;
	default:
		return false;
	}
}
