/*
 * mail.h - the parts of an Internet message (RFC 5322, MIME) that a
 * command writes: header fields folded within 78 columns, words of other
 * scripts encoded (RFC 2047), a date, a body of UTF-8 text wrapped and
 * written as quoted-printable.
 */
#ifndef IPLAN_MAIL_H
#define IPLAN_MAIL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "iplan.h"		/* ip_mail_address_ok() */

/* Writes the field "name: value\n", value (UTF-8, one line) written as it
 * is if it is printable ASCII, else as encoded words; folded so that no
 * line is longer than 78 characters. */
void ip_mail_field(FILE *out, const char *name, const char *value);

/* Writes the field "name: phrase <addr>\n", or "name: addr\n" if phrase
 * is NULL or empty: the phrase quoted or encoded as it needs.  addr must
 * pass ip_mail_address_ok(). */
void ip_mail_address(FILE *out, const char *name, const char *phrase,
    const char *addr);

/* The date and time t (seconds since the epoch) as RFC 5322 writes them,
 * in UTC, "Mon, 07 Dec 2026 06:30:00 +0000", into buf (at least 32
 * bytes); returns buf. */
char *ip_mail_date(int64_t t, char *buf);

/* Writes the n bytes of text (UTF-8, lines ending in LF) as a
 * quoted-printable body with CRLF written as LF, each line wrapped at
 * spaces to at most width characters, a wrapped line continued after
 * indent spaces; a line that starts with "From " or "." is encoded so
 * that no mbox reader or SMTP server changes it. */
void ip_mail_body(FILE *out, const char *text, size_t n, size_t width,
    size_t indent);

#endif
