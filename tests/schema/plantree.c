/*
 * plantree.c - what the JSON Schema test compares: the loader's keys, and
 * plans as the YAML tree the loader reads, in JSON.
 *
 * usage: plantree --keys
 *        plantree FILE...
 *
 * --keys prints each key the loader knows, one a line: its path, its type
 * and the words of its vocabulary (see ip_keys() in lib/decode.h).
 *
 * Otherwise prints, for each FILE, one line of JSON:
 * {"file": FILE, "plan": TREE}, TREE as an editor's YAML language server
 * sees it: plain scalars resolved by YAML 1.2's core schema (null,
 * booleans, integers, floats, else strings), quoted ones strings; or
 * {"file": FILE, "plan": null, "refused": true} when the loader's YAML
 * reader refuses it (syntax, encoding, limits, anchors and tags,
 * duplicate keys, an empty file).  The tree is read with the loader's own
 * reader, so the schema judges the very tree the loader decodes.
 * Exits 0, or 2 on trouble.
 */
#include <ctype.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "plan.h"

static void
string(const char *s, size_t len)
{
	putchar('"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* YAML 1.2 core schema: the tag a plain scalar resolves to. */
static regex_t re_bool, re_int, re_oct, re_hex, re_float, re_inf, re_nan;
static regex_t *const res[] = { &re_bool, &re_int, &re_oct, &re_hex,
	&re_float, &re_inf, &re_nan };

static void
compile(regex_t *re, const char *pattern)
{
	if (regcomp(re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
		abort();
}

static bool
match(const regex_t *re, const char *s)
{
	return regexec(re, s, 0, NULL, 0) == 0;
}

static void
number(double v)
{
	if (isnan(v))
		fputs("NaN", stdout);	/* Python's json reads these */
	else if (isinf(v))
		fputs(v < 0 ? "-1e999" : "1e999", stdout);
	else if (v == floor(v) && fabs(v) < 1e17)
		printf("%.0f", v);
	else
		printf("%.17g", v);
}

static void
scalar(const struct ip_ynode *n)
{
	const char *s = n->s;

	if (!n->plain)
		string(s, n->len);
	else if (ip_scalar_is_null(n))
		fputs("null", stdout);
	else if (match(&re_bool, s))
		fputs(tolower((unsigned char)s[0]) == 't' ? "true" : "false",
		    stdout);
	else if (match(&re_int, s)) {
		/* exact, however long: digits without sign and leading 0s */
		if (*s == '-')
			putchar(*s);
		s += *s == '-' || *s == '+';
		s += strspn(s, "0");
		fputs(*s != '\0' ? s : "0", stdout);
	} else if (match(&re_oct, s))
		number((double)strtoull(s + 2, NULL, 8));
	else if (match(&re_hex, s))
		number((double)strtoull(s + 2, NULL, 16));
	else if (match(&re_float, s))
		number(strtod(s, NULL));
	else if (match(&re_inf, s))
		number(*s == '-' ? -INFINITY : INFINITY);
	else if (match(&re_nan, s))
		number(NAN);
	else
		string(s, n->len);
}

static void
tree(const struct ip_ynode *n)
{
	const struct ip_ynode *c;

	switch (n->kind) {
	case IP_Y_SCALAR:
		scalar(n);
		break;
	case IP_Y_MAP:
		putchar('{');
		for (c = n->first; c != NULL; c = c->next->next) {
			string(c->s, c->len);
			putchar(':');
			tree(c->next);
			if (c->next->next != NULL)
				putchar(',');
		}
		putchar('}');
		break;
	case IP_Y_SEQ:
		putchar('[');
		for (c = n->first; c != NULL; c = c->next) {
			tree(c);
			if (c->next != NULL)
				putchar(',');
		}
		putchar(']');
		break;
	}
}

static int
plan(const char *path)
{
	struct ip_diags *d = ip_diags_for(path);
	struct ip_arena a = { 0 };
	const struct ip_ynode *root = NULL;
	char *buf = NULL;
	size_t len;

	if (ip_read_file(path, &buf, &len, d) != 0) {
		ip_diags_print(d, stderr, 0);
		ip_diags_free(d);
		return -1;
	}
	root = ip_yaml_parse(buf, len, &a, d);
	fputs("{\"file\":", stdout);
	string(path, strlen(path));
	fputs(",\"plan\":", stdout);
	if (root != NULL)
		tree(root);
	else
		fputs("null,\"refused\":true", stdout);
	puts("}");
	ip_arena_free(&a);
	ip_diags_free(d);
	free(buf);
	return 0;
}

static void
key(const char *path, const char *type, const char *const *vocab,
    void *ctx)
{
	(void)ctx;
	printf("%s %s", path, type);
	for (size_t i = 0; vocab != NULL && vocab[i] != NULL; i++)
		printf(" %s", vocab[i]);
	putchar('\n');
}

int
main(int argc, char *argv[])
{
	int rc = 0;

	if (argc == 2 && strcmp(argv[1], "--keys") == 0)
		ip_keys(key, NULL);
	else if (argc < 2 || argv[1][0] == '-') {
		fputs("usage: plantree --keys | plantree FILE...\n", stderr);
		return 2;
	} else {
		compile(&re_bool, "^(true|True|TRUE|false|False|FALSE)$");
		compile(&re_int, "^[-+]?[0-9]+$");
		compile(&re_oct, "^0o[0-7]+$");
		compile(&re_hex, "^0x[0-9a-fA-F]+$");
		compile(&re_float, "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)"
		    "([eE][-+]?[0-9]+)?$");
		compile(&re_inf, "^[-+]?\\.(inf|Inf|INF)$");
		compile(&re_nan, "^\\.(nan|NaN|NAN)$");
		for (int i = 1; i < argc; i++)
			if (plan(argv[i]) != 0)
				rc = 2;
		for (size_t i = 0; i < sizeof(res) / sizeof(*res); i++)
			regfree(res[i]);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = 2;
	return rc;
}
