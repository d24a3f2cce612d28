/*
 * html.c - the shell of every HTML page: see html.h.
 *
 * A page holds no script and loads nothing: the plans are health data,
 * and a page may be opened from a shared drive or a mail.  The
 * Content-Security-Policy says so to the browser as well, so that
 * markup that got in by a fault still could not run or call out.
 */
#include "html.h"

#include <string.h>

#include "arena.h"

/* The entity that stands for c in HTML's text and attributes, or NULL
 * if c stands for itself. */
static const char *
entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	default: return NULL;
	}
}

void
ip_html_escape(FILE *f, const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		const char *e = entity(s[i]);
		if (e == NULL)
			continue;
		fwrite(s + run, 1, i - run, f);
		fputs(e, f);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, f);
}

const char *
ip_html_escaped(struct ip_arena *a, const char *s)
{
	size_t n = 0;

	for (const char *c = s; *c != '\0'; c++)
		n += entity(*c) != NULL ? strlen(entity(*c)) : 1;
	char *out = ip_arena_alloc(a, n + 1), *w = out;
	for (; *s != '\0'; s++) {
		const char *e = entity(*s);
		size_t k = e != NULL ? strlen(e) : 1;
		memcpy(w, e != NULL ? e : s, k);
		w += k;
	}
	*w = '\0';
	return out;
}

void
ip_html_start(FILE *f, const char *lang, const char *title,
    const char *css, const char *main_class)
{
	fprintf(f, "<!DOCTYPE html>\n"
	    "<html lang=\"%s\">\n"
	    "<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n"
	    "<title>", lang);
	ip_html_escape(f, title, strlen(title));
	fprintf(f, "</title>\n"
	    "<style>\n%s</style>\n"
	    "</head>\n"
	    "<body>\n", css);
	if (main_class != NULL)
		fprintf(f, "<main class=\"%s\">\n", main_class);
	else
		fputs("<main>\n", f);
}

void
ip_html_end(FILE *f)
{
	fputs("</main>\n</body>\n</html>\n", f);
}
