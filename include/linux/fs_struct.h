/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A task's root and working directory, and its umask. Tasks made with
 * CLONE_FS share one (users counts them); fork gives a copy.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

#include <linux/fs.h>

struct fs_struct {
	int users;
	int umask;
	struct path root, pwd;
};

extern struct fs_struct init_fs;

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void free_fs_struct(struct fs_struct *fs);
void exit_fs(struct task_struct *tsk);
void get_fs_root(struct fs_struct *fs, struct path *root);
void get_fs_pwd(struct fs_struct *fs, struct path *pwd);
void set_fs_root(struct fs_struct *fs, const struct path *path);
void set_fs_pwd(struct fs_struct *fs, const struct path *path);
/* Points init_fs (and so every task) at the root mount, once it exists. */
void init_fs_root(const struct path *root);
/* The current task's root, without a reference (init_fs's for kernel threads). */
struct path current_root(void);

#endif
