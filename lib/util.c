/*
 * util.c - small helpers of the library.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "plan.h"

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

int
ip_edit_distance(const char *a, const char *b, int max)
{
	size_t la = strlen(a), lb = strlen(b);
	int row[64];

	if (lb >= sizeof(row) / sizeof(row[0]) || la >= 64)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0], best;
		row[0] = best = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
	}
	return row[lb] > max ? max + 1 : row[lb];
}
