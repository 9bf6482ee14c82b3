/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What execve carries from the caller to the program it starts
 * (fs/exec.c) and what the loaders of each kind of file share: ELF in
 * fs/exec.c, "#!" scripts in fs/binfmt_script.c.
 *
 * The argument and environment strings never sit in a kernel buffer:
 * they are copied from the caller's memory straight to the top of the
 * new program's stack, in the new mm that is not in use yet, from the
 * last string down (so a script's loader can push more in front of
 * argv[0]). bprm->p is the lowest byte copied so far; it may not go
 * below bprm->argmin, which keeps the strings and the pointers to them
 * within a quarter of the stack limit, as Linux does.
 */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/mm_types.h>
#include <linux/types.h>

struct file;
struct pt_regs;

#define BINPRM_BUF_SIZE		256		/* first bytes read of each file */
#define MAX_ARG_STRLEN		(32 * (long)PAGE_SIZE)	/* one string, with its NUL */

struct linux_binprm {
	struct mm_struct *mm;		/* the new mm; NULL once installed */
	struct vm_area_struct *vma;	/* its stack, while strings go in */
	unsigned long p;		/* the lowest byte of the strings */
	unsigned long argmin;		/* p may not go below it (E2BIG) */
	unsigned long exec;		/* where the file name was copied */
	int argc, envc;
	const char *filename;		/* as given: comm and AT_EXECFN */
	const char *interp;		/* the file being loaded now */
	struct file *file;		/* ... opened */
	struct file *interpreter;	/* what a script asks to run next */
	bool point_of_no_return;	/* the caller's mm is gone */
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes, 0-padded */
	char interp_name[BINPRM_BUF_SIZE];	/* a script's interpreter */
};

/* Pushes a kernel string below bprm->p: 0, -E2BIG or -EFAULT. */
int copy_string_kernel(const char *arg, struct linux_binprm *bprm);
/* Drops argv[0] from the strings (bprm->p moves past it). */
int remove_arg_zero(struct linux_binprm *bprm);
/* Opens a file to execute: NULL and *err (-ENOENT, -EACCES...) if not. */
struct file *open_exec(const char *name, int *err);
/* Gives back a file open_exec gave (it denies writes while held). */
void exe_file_put(struct file *file);

/* The loaders: 0, -ENOEXEC if the file is not of their kind, or -errno. */
int load_script(struct linux_binprm *bprm);

#endif
