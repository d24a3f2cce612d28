/*
 * review_driver.c - the ip-review driver: add each plan that loads to the
 * library's run (see plans.c), write what is due or mail it, and choose
 * the exit status.
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

static void
add(void *run, const struct ip_plan *p, size_t index)
{
	ip_review_add(run, p, index);
}

/* --- mail: sendmail(8) or an mbox on standard output --------------------- */

struct mailer {
	const char *prog;	/* the command's name, for messages */
	bool mbox;
	const char *sendmail;	/* $SENDMAIL, or "sendmail" */
	const char *from;
	int64_t now;
	pid_t pid;		/* the sendmail being written to */
};

static FILE *
mail_open(void *ctx, const char *to)
{
	struct mailer *m = ctx;
	int fd[2];

	(void)to;
	if (m->mbox) {
		/* the "From " line of an mbox: the sender and asctime() */
		time_t t = (time_t)m->now;
		struct tm tm;
		char when[64];
		if (gmtime_r(&t, &tm) == NULL
		    || strftime(when, sizeof(when), "%a %b %e %H:%M:%S %Y",
		    &tm) == 0)
			strcpy(when, "Thu Jan  1 00:00:00 1970");
		printf("From %s %s\n", m->from, when);
		return stdout;
	}
	fflush(NULL);
	if (pipe(fd) != 0) {
		ip_error(m->prog, _("cannot run '%s': %s"), m->sendmail,
		    strerror(errno));
		return NULL;
	}
	if ((m->pid = fork()) < 0) {
		ip_error(m->prog, _("cannot run '%s': %s"), m->sendmail,
		    strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return NULL;
	}
	if (m->pid == 0) {
		char *const argv[] = { (char *)m->sendmail, "-t", "-oi", NULL };
		close(fd[1]);
		if (dup2(fd[0], 0) < 0)
			_exit(127);
		close(fd[0]);
		execvp(m->sendmail, argv);
		ip_error(m->prog, _("cannot run '%s': %s"), m->sendmail,
		    strerror(errno));
		_exit(127);
	}
	close(fd[0]);
	FILE *f = fdopen(fd[1], "w");
	if (f == NULL)
		close(fd[1]);
	return f;
}

static int
mail_close(void *ctx, FILE *f)
{
	struct mailer *m = ctx;
	int status;

	if (m->mbox) {
		putchar('\n');
		return 0;
	}
	bool bad = fclose(f) != 0;
	while (waitpid(m->pid, &status, 0) < 0)
		if (errno != EINTR) {
			status = -1;
			break;
		}
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ip_error(m->prog, _("'%s' failed: the message was not sent"),
		    m->sendmail);
		return -1;
	}
	if (bad) {
		ip_error(m->prog, _("cannot write to '%s': %s"), m->sendmail,
		    strerror(errno));
		return -1;
	}
	return 0;
}

/* The default sender: the user, at this host. */
static char *
user_address(void)
{
	const struct passwd *pw = getpwuid(getuid());
	char host[256] = "localhost";
	const char *user = pw != NULL ? pw->pw_name : "root";

	if (gethostname(host, sizeof(host) - 1) != 0 || *host == '\0')
		strcpy(host, "localhost");
	host[sizeof(host) - 1] = '\0';
	size_t n = strlen(user) + strlen(host) + 2;
	char *a = malloc(n);
	if (a != NULL)
		snprintf(a, n, "%s@%s", user, host);
	return a;
}

/* Sets up o->mail from the options: what is missing from them filled
 * in, each address checked.  0, or -1 after saying why. */
static int
mail_setup(const struct ip_review_cli *c, struct ip_review_mail *mail,
    struct mailer *m, char **own, const char *prog)
{
	static char id[64];
	const char *sm = getenv("SENDMAIL");

	*m = (struct mailer){ .prog = prog, .mbox = c->mbox,
	    .sendmail = sm != NULL && *sm != '\0' ? sm : "sendmail" };
	*own = NULL;
	const char *from = c->mail_from;
	if (from == NULL && (from = *own = user_address()) == NULL)
		return ip_error(prog, _("out of memory"));
	if (!ip_mail_address_ok(from))
		return ip_error(prog, _("invalid --mail-from: '%s' (give a "
		    "plain address, as name@example.no)"), from);
	const char *to = c->mail_to != NULL ? c->mail_to : from;
	if (!ip_mail_address_ok(to))
		return ip_error(prog, _("invalid --mail-to: '%s' (give a "
		    "plain address, as name@example.no)"), to);
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t = env != NULL ? strtoll(env, &end, 10) : 0;
	if (env == NULL || *env == '\0' || *end != '\0' || t < 0)
		t = (long long)time(NULL);
	snprintf(id, sizeof(id), "%lld.%ld", t, (long)getpid());
	m->from = from;
	m->now = t;
	*mail = (struct ip_review_mail){ .from = from, .to = to, .now = t,
	    .id = id, .domain = strchr(from, '@') + 1, .open = mail_open,
	    .close = mail_close, .ctx = m };
	return 0;
}

int
ip_review(char *const *paths, size_t n, const struct ip_review_cli *c,
    const char *prog)
{
	const struct ip_err err = { stderr, prog };
	struct ip_review_opts o = c->o;
	struct ip_review_mail mail;
	struct mailer m;
	char *own = NULL;
	size_t unsent = 0;

	if (c->mail) {
		if (mail_setup(c, &mail, &m, &own, prog) != 0) {
			free(own);
			return IP_EXIT_TROUBLE;
		}
		o.mail = &mail;
	}
	struct ip_review_run *run = ip_review_start(&o, &err);
	if (run == NULL) {
		free(own);
		return IP_EXIT_TROUBLE;
	}
	bool trouble = ip_each_plan(paths, n, o.jobs, add, run, prog);
	size_t due = ip_review_finish(run, stdout, &unsent);
	free(own);
	return ip_finish_stdout(prog, trouble || unsent > 0 ? IP_EXIT_TROUBLE
	    : due > 0 ? IP_EXIT_FINDINGS : IP_EXIT_OK);
}
