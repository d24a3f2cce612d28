/*
 * fuzz-roundtrip.c - libFuzzer target: a plan through ip-export(1) and
 * back through a second reader of each format, so that a rendering that
 * breaks its own format is found.  The XML must validate against
 * lib/iplan.xsd and the FHIR Bundle against the FHIR R4 schema of the
 * tests (libxml2).  The Markdown, read back by cmark, must hold no raw
 * HTML and no image, and the very headings, level and text as a reader
 * has them, that the HTML page has (libxml2's HTML parser), which holds
 * no element that runs or loads anything and no event handler.  The last
 * byte picks the language, the --for participant and SOURCE_DATE_EPOCH;
 * the rest is the plan.  A line feed picks the plan's language, no --for.
 */
#include <string.h>
#include <strings.h>

#include <cmark.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include "alloc.h"
#include "fuzz-export.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Headings as "LEVEL TEXT\n", one after another, the text as a reader
 * of the page has it: HTML shows each run of blanks and line breaks as
 * one space, none at either end (headings_close() makes it so). */
struct headings {
	char *buf;
	size_t len;
	FILE *f;
};

static void
headings_open(struct headings *h)
{
	h->buf = NULL;
	h->f = ip_xmemstream(&h->buf, &h->len);
}

/* Writes the text s with its blanks and line breaks as spaces. */
static void
headings_text(struct headings *h, const char *s)
{
	for (; *s != '\0'; s++)
		putc(strchr(" \t\n\f\r", *s) != NULL ? ' ' : *s, h->f);
}

/* The headings, each run of spaces one space and none before a line's
 * end. */
static void
headings_close(struct headings *h)
{
	size_t n = 0;
	ip_xmemstream_close(h->f);
	for (size_t i = 0; i < h->len; i++)
		if (h->buf[i] == ' ' && n > 0 && h->buf[n - 1] == ' ')
			continue;
		else if (h->buf[i] == '\n' && n > 0 && h->buf[n - 1] == ' ')
			h->buf[n - 1] = '\n';
		else
			h->buf[n++] = h->buf[i];
	h->buf[h->len = n] = '\0';
}

/* The headings of the Markdown md, read by cmark, which must hold no
 * raw HTML and no image. */
static void
md_headings(const char *md, struct headings *h)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int in = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_IMAGE:
			abort();
		case CMARK_NODE_HEADING:
			if ((in = ev == CMARK_EVENT_ENTER))
				fprintf(h->f, "%d ",
				    cmark_node_get_heading_level(n));
			else
				putc('\n', h->f);
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if (in)
				headings_text(h, cmark_node_get_literal(n));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			if (in)
				putc(' ', h->f);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* Elements a page never holds: they run or load something. */
static const char *const active[] = { "script", "img", "iframe", "object",
	"embed", "link", "form", "base", NULL };

/* The headings of the HTML page's tree from n, which must hold no
 * element of active[] and no event handler. */
static void
html_headings(xmlNode *n, struct headings *h)
{
	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		for (const char *const *a = active; *a != NULL; a++)
			if (strcasecmp(name, *a) == 0)
				abort();
		for (xmlAttr *a = n->properties; a != NULL; a = a->next)
			if (strncasecmp((const char *)a->name, "on", 2) == 0)
				abort();
		if ((name[0] == 'h' || name[0] == 'H') && name[1] >= '1'
		    && name[1] <= '6' && name[2] == '\0') {
			xmlChar *t = xmlNodeGetContent(n);
			fprintf(h->f, "%c ", name[1]);
			headings_text(h, t != NULL ? (const char *)t : "");
			putc('\n', h->f);
			xmlFree(t);
		} else
			html_headings(n->children, h);
	}
}

/* The schema at the path, relative to the source tree, loaded once. */
static xmlSchemaPtr
schema(const char *path)
{
	char *file = ip_xmalloc(strlen(IPLAN_SRCDIR) + strlen(path) + 2);
	strcat(strcat(strcpy(file, IPLAN_SRCDIR), "/"), path);
	xmlSchemaParserCtxtPtr c = xmlSchemaNewParserCtxt(file);
	xmlSchemaPtr s = c != NULL ? xmlSchemaParse(c) : NULL;
	if (s == NULL)
		abort();
	xmlSchemaFreeParserCtxt(c);
	free(file);
	return s;
}

/* xml must be well formed and valid against s. */
static void
validate(const char *xml, xmlSchemaPtr s)
{
	xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "export.xml",
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		abort();
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(s);
	xmlSchemaSetValidErrors(v, NULL, NULL, NULL);
	if (xmlSchemaValidateDoc(v, doc) != 0) {
		fputs(xml, stderr);
		abort();
	}
	xmlSchemaFreeValidCtxt(v);
	xmlFreeDoc(doc);
}

/* Silences libxml2's messages: the checks above say what matters. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static xmlSchemaPtr plan_xsd, fhir_xsd;
	struct ip_export_how o = { 0 };
	struct ip_diags *d;
	struct ip_plan *p;

	if (plan_xsd == NULL) {
		xmlSetGenericErrorFunc(NULL, quiet);
		plan_xsd = schema("lib/iplan.xsd");
		fhir_xsd = schema("tests/fhir-r4/fhir-single.xsd");
	}
	if (size == 0)
		return 0;
	/* bits 0-1 language, 4-6 --for, 7 SOURCE_DATE_EPOCH */
	unsigned pick = data[--size];
	o.lang = fuzz_langs[pick & 3];
	fuzz_load(data, size, (pick >> 4) & 7, pick & 0x80, &o, &d, &p);
	if (p != NULL) {
		char *md = fuzz_render(p, &o, IP_EXPORT_MARKDOWN);
		char *html = fuzz_render(p, &o, IP_EXPORT_HTML);
		if ((md == NULL) != (html == NULL))
			abort();
		if (md != NULL) {
			struct headings a, b;
			headings_open(&a);
			headings_open(&b);
			md_headings(md, &a);
			htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html),
			    "export.html", "UTF-8", HTML_PARSE_NONET
			    | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
			if (doc == NULL)
				abort();
			html_headings(xmlDocGetRootElement(doc), &b);
			xmlFreeDoc(doc);
			headings_close(&a);
			headings_close(&b);
			if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) {
				fprintf(stderr, "Markdown's headings:\n%s"
				    "the page's:\n%s", a.buf, b.buf);
				abort();
			}
			free(a.buf);
			free(b.buf);
		}
		free(md);
		free(html);
		char *xml = fuzz_render(p, &o, IP_EXPORT_XML);
		if (xml != NULL)
			validate(xml, plan_xsd);
		free(xml);
		char *fhir = fuzz_render(p, &o, IP_EXPORT_FHIR);
		if (fhir != NULL)
			validate(fhir, fhir_xsd);
		free(fhir);
	}
	ip_plan_free(p);
	ip_diags_free(d);
	return 0;
}
