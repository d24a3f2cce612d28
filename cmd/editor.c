/*
 * editor.c - what a command needs to let the user write text: their
 * editor, and the text of a file.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

/* True if a command of that name is on the PATH. */
static bool
on_path(const char *name)
{
	const char *path = getenv("PATH");
	char buf[4096];

	for (const char *p = path != NULL ? path : ""; *p != '\0';) {
		size_t n = strcspn(p, ":");
		if (n > 0 && (size_t)snprintf(buf, sizeof(buf), "%.*s/%s",
		    (int)n, p, name) < sizeof(buf) && access(buf, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

int
ip_run_editor(const char *file, const char *prog)
{
	return ip_run_editor_at(file, 0, prog);
}

int
ip_run_editor_at(const char *file, unsigned line, const char *prog)
{
	const char *ed = getenv("VISUAL");
	struct sigaction ign = { .sa_handler = SIG_IGN }, oint, oquit;
	char at[16];
	int status;

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = on_path("editor") ? "editor" : "vi";
	snprintf(at, sizeof(at), "+%u", line);
	size_t len = strlen(ed) + 8;
	char *cmd = ip_xmalloc(len);
	snprintf(cmd, len, "%s \"$@\"", ed);
	sigaction(SIGINT, &ign, &oint);
	sigaction(SIGQUIT, &ign, &oquit);
	pid_t pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &oint, NULL);
		sigaction(SIGQUIT, &oquit, NULL);
		if (line > 0)
			execl("/bin/sh", "sh", "-c", cmd, ed, at, file,
			    (char *)NULL);
		else
			execl("/bin/sh", "sh", "-c", cmd, ed, file,
			    (char *)NULL);
		_exit(127);
	}
	int e = errno;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &oint, NULL);
	sigaction(SIGQUIT, &oquit, NULL);
	free(cmd);
	if (pid < 0)
		return ip_error(prog, _("cannot run the editor '%s': %s"), ed,
		    strerror(e));
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return ip_error(prog, _("the editor '%s' failed"), ed);
	return 0;
}

char *
ip_read_text(const char *path, const char *prog)
{
	struct ip_diags *d = ip_diags_new(path);
	char *buf, *s = NULL;
	size_t len;

	if (ip_read_file(path, &buf, &len, d) != 0) {
		ip_diags_print(d, stderr, 0);
	} else if (memchr(buf, '\0', len) != NULL) {
		ip_error(prog, _("'%s' holds a NUL byte: not text"), path);
		free(buf);
	} else {
		s = ip_xstrndup(buf, len);
		free(buf);
	}
	ip_diags_free(d);
	return s;
}
