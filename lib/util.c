/*
 * util.c - small helpers of the library.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"

const char *
ip_version(void)
{
	return IPLAN_VERSION;
}

int
ip_fail(const struct ip_err *e, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ip_message(e->f, e->prog, buf);
	return -1;
}

int
ip_flush(FILE *f, const char *name, const struct ip_err *e)
{
	/* errno is the last failure's, if an earlier write failed */
	if (fflush(f) != 0 || ferror(f)) {
		/* the reader left, as head(1) does: on purpose, so quiet */
		if (errno != EPIPE)
			ip_fail(e, _("cannot write to %s: %s"), name,
			    strerror(errno ? errno : EIO));
		return -1;
	}
	return 0;
}

