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

void
ip_html_escape(FILE *f, const char *s, size_t n)
{
	size_t run = 0;

	for (size_t i = 0; i < n; i++) {
		const char *e;
		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		default: continue;
		}
		fwrite(s + run, 1, i - run, f);
		fputs(e, f);
		run = i + 1;
	}
	fwrite(s + run, 1, n - run, f);
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
