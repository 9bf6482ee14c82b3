/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File descriptors: a task's table of open files (fs/file.c). Tasks made
 * with CLONE_FILES share one table (count says how many tasks hold it);
 * fork gives the child a copy whose descriptors point to the same open
 * files. @fd is fd_array until a descriptor past it is needed, then a
 * larger table (expand_files), twice as big each time, up to what
 * RLIMIT_NOFILE allows; close_on_exec is a bitmap of the same size.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fs.h>
#include <linux/types.h>

struct task_struct;

#define NR_OPEN_DEFAULT	32		/* slots a table starts with */
#define NR_OPEN_MAX	(1U << 20)	/* fs.nr_open: no fd reaches it */
#define BITS_PER_LONG	32

struct files_struct {
	int count;
	unsigned int max_fds;		/* slots in @fd */
	unsigned int next_fd;		/* no free slot below it */
	struct file **fd;
	unsigned long *close_on_exec;	/* a bit per slot */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / BITS_PER_LONG];
};

/* Makes @files hold slot @nr: 0, -EMFILE past NR_OPEN_MAX, -ENOMEM. */
int expand_files(struct files_struct *files, unsigned int nr);
/* A new empty table; NULL without memory. */
struct files_struct *alloc_files(void);
/* A copy of @old with a reference on each open file; NULL without memory. */
struct files_struct *dup_fd(struct files_struct *old);
/* Drops a task's hold on @files: at the last, every file in it is closed. */
void put_files_struct(struct files_struct *files);
/* Gives @tsk its own copy of a shared table (exec does); -ENOMEM. */
int unshare_files(struct task_struct *tsk);
/* Closes the descriptors marked close-on-exec (exec does). */
void do_close_on_exec(struct files_struct *files);

/* The current task's file at @fd with a reference (fput it), or NULL. */
struct file *fget(unsigned int fd);
/* The same without a reference: valid until the task's next close. */
struct file *fget_raw_noref(unsigned int fd);
/* The file at @fd of any task's @files (/proc/PID/fd), no reference; NULL if none yet. */
struct file *files_lookup_fd_raw(struct files_struct *files, unsigned int fd);
/* The lowest free descriptor (>= @start) below RLIMIT_NOFILE, reserved. */
int get_unused_fd_flags(unsigned int flags);
int alloc_fd(unsigned int start, unsigned int flags);
void put_unused_fd(unsigned int fd);
/* Fills a reserved descriptor; the table takes over the caller's reference. */
void fd_install(unsigned int fd, struct file *f);
/* Closes @fd: 0 or -EBADF. */
int close_fd(unsigned int fd);
/* Puts @f at @fd (closing what was there), as dup2 does: @fd or -errno. */
int replace_fd(unsigned int fd, struct file *f, unsigned int flags);
void set_close_on_exec(unsigned int fd, bool on);
bool get_close_on_exec(unsigned int fd);

/* Opens the console on fds 0, 1 and 2 of @t (giving it a table if none). */
void install_console_fds(struct task_struct *t);

#endif
