/*
 * i18n.h - messages in the user's language, through glibc's gettext.
 *
 * The library translates in its own text domain, "iplan", whatever the
 * program's default domain is (as glibc's own messages are kept apart
 * from a program's); the commands bind that domain to the installed
 * catalogues.  Only messages for a person go through these: rule ids,
 * keys, paths, TSV, ICS property names and XML never change with the
 * locale.  Documents follow the plan's language, not the locale
 * (labels.c).
 *
 * xgettext keywords: _, N_, P_:1,2 (see the Makefile's 'pot').
 */
#ifndef IPLAN_I18N_H
#define IPLAN_I18N_H

#include <libintl.h>

#include "iplan.h"	/* IP_TEXTDOMAIN */

/* A message, translated now. */
#define _(s) dgettext(IP_TEXTDOMAIN, s)
/* A message marked for translation, translated where it is used. */
#define N_(s) (s)
/* One of two messages by the number n (dag / dager: ngettext). */
#define P_(s, p, n) dngettext(IP_TEXTDOMAIN, s, p, (unsigned long)(n))

#endif
