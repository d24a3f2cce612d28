/*
 * hooks.c - ip-validate's git hooks: where make install put them, and
 * whether a repository runs them (--print-hook-dir, --check-hooks).
 *
 * git decides which hook it runs: `git rev-parse --git-path hooks/NAME`
 * names it, core.hooksPath heeded.  A hook is iplan's when it holds the
 * bytes of the installed one, whether it is a link to it or a copy.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cmd.h"

#define HOOK_DIR IPLAN_DATADIR "/hooks"
/* No hook is this big: a bigger file is not iplan's. */
#define HOOK_MAX (1 << 20)

int
ip_print_hook_dir(const char *prog)
{
	puts(HOOK_DIR);
	return ip_finish_stdout(prog, IP_EXIT_OK);
}

/* Writes a line of fmt to standard output, the paths in it shown as
 * ip_fputs_clean() shows them. */
static void tell(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
tell(const char *fmt, ...)
{
	char buf[16384];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	ip_fputs_clean(buf, stdout);
	putchar('\n');
}

/* Runs git with argv and reads its standard output into *out (malloc'd,
 * NUL-terminated); its standard error is ours.  Returns 0, or -1 if it
 * could not be run or did not exit 0. */
static int
git(char *const argv[], char **out)
{
	int fd[2], status;
	size_t len = 0, cap = 256;
	char *buf = ip_xmalloc(cap);
	pid_t pid;

	fflush(stdout);
	if (pipe(fd) != 0 || (pid = fork()) < 0) {
		free(buf);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		if (dup2(fd[1], 1) < 0)
			_exit(127);
		close(fd[1]);
		execvp("git", argv);
		_exit(127);
	}
	close(fd[1]);
	for (;;) {
		if (len + 1 == cap)
			buf = ip_grow(buf, &cap, cap + 1, 1);
		ssize_t n = read(fd[0], buf + len, cap - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	close(fd[0]);
	buf[len] = '\0';
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			free(buf);
			return -1;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

/* The bytes of the file at path, up to HOOK_MAX, into *buf (malloc'd);
 * their number, or -1 with errno set. */
static long
slurp(const char *path, char **buf)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return -1;
	char *b = ip_xmalloc(HOOK_MAX + 1);
	size_t n = fread(b, 1, HOOK_MAX + 1, f);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		free(b);
		errno = EIO;
		return -1;
	}
	*buf = b;
	return (long)n;
}

/* Says how the hook at path stands against iplan's hook name; true if it
 * is iplan's and git runs it.  -1: iplan's own cannot be read. */
static int
check_hook(const char *prog, const char *name, const char *path)
{
	char ours[4096], *a = NULL, *b = NULL;
	struct stat st;
	long la, lb;
	int ok = 0;

	snprintf(ours, sizeof(ours), "%s/%s", HOOK_DIR, name);
	if ((la = slurp(ours, &a)) < 0) {
		ip_error(prog, _("cannot read iplan's %s hook '%s': %s"), name,
		    ours, strerror(errno));
		return -1;
	}
	if (stat(path, &st) != 0)
		/* TRANSLATORS: the first %s is the name of a git hook
		   (pre-commit), the second the path git runs it from. */
		tell(_("%s: none at %s: git checks nothing there"), name,
		    path);
	else if (!S_ISREG(st.st_mode) || access(path, X_OK) != 0)
		tell(_("%s: %s is not an executable file: git does not run "
		    "it"), name, path);
	else if ((lb = slurp(path, &b)) < 0 || la != lb
	    || memcmp(a, b, (size_t)la) != 0)
		tell(_("%s: %s is not iplan's hook: git runs it, and not "
		    "iplan's checks"), name, path);
	else {
		tell(_("%s: iplan's hook is active: %s"), name, path);
		ok = 1;
	}
	free(a);
	free(b);
	return ok;
}

int
ip_check_hooks(const char *prog)
{
	char *argv[] = { "git", "rev-parse", "--is-bare-repository",
		"--git-path", "hooks/pre-commit",
		"--git-path", "hooks/pre-merge-commit",
		"--git-path", "hooks/pre-receive", NULL };
	static const char *const names[] = { "pre-commit",
		"pre-merge-commit", "pre-receive" };
	char *out, *line[4], *save = NULL;
	int active = 0, want, first, rc = IP_EXIT_OK;

	if (git(argv, &out) != 0) {
		ip_error(prog, _("cannot tell which hooks git runs here "
		    "(git rev-parse failed): is this a git repository?"));
		return IP_EXIT_TROUBLE;
	}
	for (int i = 0; i < 4; i++)
		if ((line[i] = strtok_r(i == 0 ? out : NULL, "\n", &save))
		    == NULL) {
			free(out);
			ip_error(prog, _("cannot tell which hooks git runs "
			    "here (git rev-parse said too little)"));
			return IP_EXIT_TROUBLE;
		}
	/* a shared, bare repository checks what is pushed to it; a
	 * clone, what is committed and merged in it */
	first = strcmp(line[0], "true") == 0 ? 2 : 0;
	want = first == 2 ? 1 : 2;
	for (int i = first; i < first + want; i++) {
		int r = check_hook(prog, names[i], line[i + 1]);
		if (r < 0)
			rc = IP_EXIT_TROUBLE;
		active += r > 0;
	}
	if (rc == IP_EXIT_OK && active < want) {
		rc = IP_EXIT_FINDINGS;
		if (first == 2)
			/* TRANSLATORS: %s is a path, then a command that
			   installs the hook in a shared repository. */
			tell(_("To check every push: ln -s %s/pre-receive "
			    "%s"), HOOK_DIR, line[3]);
		else
			tell(_("To check every commit and merge: git config "
			    "core.hooksPath %s"), HOOK_DIR);
	}
	free(out);
	return ip_finish_stdout(prog, rc);
}
