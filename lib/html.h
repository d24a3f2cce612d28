/*
 * html.h - the shell of every HTML page iplan writes (ip-export's
 * documents, ip-stats' figures): the doctype, the head with its
 * Content-Security-Policy and style sheet, and the body's main element;
 * and the escaping of text in them.
 *
 * Only lib/ and the tests include this header.
 */
#ifndef IPLAN_HTML_H
#define IPLAN_HTML_H

#include <stddef.h>
#include <stdio.h>

/* Writes the n bytes at s to f with &, <, > and " escaped, as text or as
 * the value of an attribute in double quotes. */
void ip_html_escape(FILE *f, const char *s, size_t n);

/* Writes to f the start of a page in the language lang (its code, "nb"):
 * the head, whose Content-Security-Policy lets the page load nothing and
 * run nothing, only style itself with the style sheet css; the title,
 * escaped, which the caller has made one line of shown text; then the
 * body and its main element, of the class main_class unless that is
 * NULL.  What the page shows follows, then ip_html_end(). */
void ip_html_start(FILE *f, const char *lang, const char *title,
    const char *css, const char *main_class);
/* Writes the end of the page ip_html_start() began. */
void ip_html_end(FILE *f);

#endif
