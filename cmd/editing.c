/*
 * editing.c - the driver of ip-edit: the whole plan in the user's editor,
 * as visudo and crontab -e do it, on issue 23's pieces (ip_plan_lock(),
 * ip_private_file(), ip_save_if_unchanged()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

enum answer { A_EDIT, A_SAVE, A_QUIT, A_EOF };

/* Asks what to do with a copy that has errors, on standard input, until
 * an answer it knows: edit again (the default), save anyway (only if
 * can_save), or quit.  Either the English letters or those of the
 * user's language. */
static enum answer
ask(unsigned line, bool can_save)
{
	/* TRANSLATORS: the letters that answer ip-edit's question, in
	 * this order: edit again, save anyway, quit; the same letters as
	 * in the brackets of the question. */
	const char *keys = _("esq");
	char buf[256];

	for (;;) {
		if (can_save)
			/* TRANSLATORS: ip-edit's question when the plan
			   has errors; %u is the line of the first. */
			fprintf(stderr, _("What now? [e]dit again at line %u, "
			    "[s]ave anyway, [q]uit without saving: "), line);
		else
			fprintf(stderr, _("What now? [e]dit again at line %u, "
			    "[q]uit without saving: "), line);
		if (fgets(buf, sizeof(buf), stdin) == NULL) {
			fputc('\n', stderr);
			return A_EOF;
		}
		char c = buf[strspn(buf, " \t")];
		if (c == '\n' || c == '\0')
			return A_EDIT;
		for (int i = 0; i < 3; i++)
			if (c == "esq"[i] || (strlen(keys) == 3
			    && c == keys[i])) {
				if (i == 1 && !can_save)
					break;
				return (enum answer)i;
			}
	}
}

int
ip_edit_plan(const char *path, const struct ip_edit_opts *o,
    const char *prog)
{
	const struct ip_err err = { stderr, prog };
	struct ip_diags *d = ip_diags_new(path);
	struct ip_lock *lock = NULL;
	char *old = NULL, *copy = NULL, *text = NULL;
	size_t old_len = 0, len = 0;
	unsigned line = 0;
	int rc = IP_EXIT_TROUBLE, fd;
	bool keep = false;	/* the copy holds the user's text: keep it */

	if (strcmp(path, "-") == 0) {
		ip_error(prog, _("a plan to edit is a file, not standard "
		    "input"));
		goto out;
	}
	if (ip_plan_writable(path, &err) != 0
	    || (lock = ip_plan_lock(path, &err)) == NULL)
		goto out;
	if (ip_read_file(path, &old, &old_len, d) != 0) {
		ip_diags_print(d, stderr, 0);
		goto out;
	}
	if ((fd = ip_private_file(path, "edit", &copy, &err)) < 0)
		goto out;
	if (write(fd, old, old_len) != (ssize_t)old_len || close(fd) != 0) {
		ip_error(prog, _("cannot write '%s'"), copy);
		goto out;
	}
	for (;;) {
		struct ip_plan *p = NULL;
		int loaded;

		if (ip_run_editor_at(copy, line, prog) != 0) {
			if ((keep = text != NULL))	/* an edit of theirs */
				ip_error(prog, _("not saved; the edit is kept "
				    "in '%s'"), copy);
			goto out;
		}
		free(text);
		ip_diags_reset(d, path);
		if (ip_read_file(copy, &text, &len, d) != 0) {
			text = NULL;
			ip_diags_print(d, stderr, 0);
			keep = true;
			goto out;
		}
		keep = true;
		if (len == old_len && memcmp(text, old, len) == 0) {
			keep = false;
			rc = IP_EXIT_OK;	/* nothing changed */
			goto out;
		}
		loaded = ip_plan_load_buf_partial(text, len, d, &p);
		if (p != NULL) {
			ip_plan_check(p, o->today, d);
			ip_plan_free(p);
		}
		ip_diags_print(d, stderr, 0);
		if (loaded >= 0 && ip_diags_errors(d) == 0)
			break;
		if (o->no_prompt) {
			ip_error(prog, _("'%s' has errors: not saved; the "
			    "edit is kept in '%s'"), path, copy);
			rc = IP_EXIT_FINDINGS;
			goto out;
		}
		line = ip_diags_first_line(d);
		enum answer a = ask(line > 0 ? line : 1, loaded >= 0);
		if (a == A_SAVE)
			break;
		if (a == A_QUIT) {
			keep = false;
			rc = IP_EXIT_FINDINGS;
			goto out;
		}
		if (a == A_EOF) {
			ip_error(prog, _("not saved; the edit is kept in "
			    "'%s'"), copy);
			rc = IP_EXIT_FINDINGS;
			goto out;
		}
	}
	if (ip_save_if_unchanged(path, old, old_len, text, len, &err) != 0) {
		ip_error(prog, _("the edit is kept in '%s'"), copy);
		goto out;
	}
	keep = false;
	rc = IP_EXIT_OK;
out:
	if (copy != NULL && !keep)
		unlink(copy);
	free(copy);
	free(text);
	free(old);
	ip_plan_unlock(lock);
	ip_diags_free(d);
	return rc;
}
