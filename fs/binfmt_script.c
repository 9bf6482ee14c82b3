// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: a file whose first line is "#!INTERPRETER [ARGUMENT]"
 * runs INTERPRETER instead, with argv [INTERPRETER, ARGUMENT (if any),
 * the script's path, the caller's argv[1]...], as Linux's binfmt_script
 * does. Only the first BINPRM_BUF_SIZE bytes are read: the interpreter's
 * name must end inside them, the argument may be cut short (the
 * interpreter can read the line again itself). The argument is the rest
 * of the line after blanks (spaces, tabs), blanks inside it kept and
 * trailing ones dropped; a NUL ends the name and means no argument.
 *
 * The loader only rewrites the arguments on the new stack and opens the
 * interpreter; fs/exec.c then loads that in the script's place (and if
 * it is a script too, again, up to its limit of rewrites).
 */
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/string.h>

static bool blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The first non-blank in [from, to], or NULL. */
static char *skip_blanks(char *from, char *to)
{
	for (; from <= to; from++)
		if (!blank(*from))
			return from;
	return NULL;
}

/* The first blank or NUL in [from, to], or NULL: where a word ends. */
static char *word_end(char *from, char *to)
{
	for (; from <= to; from++)
		if (blank(*from) || !*from)
			return from;
	return NULL;
}

int load_script(struct linux_binprm *bprm)
{
	char *buf = bprm->buf, *last = buf + BINPRM_BUF_SIZE - 1;
	char *line_end, *name, *name_end, *arg = NULL;
	int err;

	if (buf[0] != '#' || buf[1] != '!')
		return -ENOEXEC;
	line_end = memchr(buf, '\n', BINPRM_BUF_SIZE);
	if (!line_end) {
		/* the line goes on past what was read: unless the name
		 * ends in it, the name would be cut */
		name = skip_blanks(buf + 2, last);
		if (!name || !word_end(name, last))
			return -ENOEXEC;
		line_end = last;
	}
	while (blank(line_end[-1]))
		line_end--;
	name = skip_blanks(buf + 2, line_end);
	if (!name || name == line_end)
		return -ENOEXEC;	/* "#!" and blanks only */
	name_end = word_end(name, line_end);
	if (name_end && *name_end)
		arg = skip_blanks(name_end, line_end);

	/* pushed in reverse: the script's path, the argument, the name */
	err = remove_arg_zero(bprm) ?: copy_string_kernel(bprm->interp, bprm);
	if (err)
		return err;
	bprm->argc++;
	*line_end = '\0';
	if (arg) {
		*name_end = '\0';
		err = copy_string_kernel(arg, bprm);
		if (err)
			return err;
		bprm->argc++;
	}
	err = copy_string_kernel(name, bprm);
	if (err)
		return err;
	bprm->argc++;
	snprintf(bprm->interp_name, sizeof(bprm->interp_name), "%s", name);
	bprm->interp = bprm->interp_name;
	bprm->interpreter = open_exec(bprm->interp, &err);
	return bprm->interpreter ? 0 : err;
}
