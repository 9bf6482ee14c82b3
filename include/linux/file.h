/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Open files: what a file descriptor will point to. A struct file is an
 * inode of the ramfs, a position and the open flags, shared (counted)
 * between descriptors after dup or fork. Everything here works on kernel
 * buffers; the syscalls copy to and from user space around it.
 *
 * The ramfs is read-only once unpacked, so only O_RDONLY opens succeed.
 */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/fcntl.h>
#include <linux/types.h>

struct inode;
struct file;

/*
 * A file that is not a ramfs inode (a /proc view) brings its own read
 * and release, as Linux's file_operations; NULL for ramfs files.
 */
struct file_operations {
	long (*read)(struct file *f, void *buf, size_t len, unsigned long long pos);
	void (*release)(struct file *f);
};

struct file {
	struct inode *inode;		/* NULL for the console and /proc */
	const struct file_operations *f_op;
	void *private_data;		/* the f_op's state */
	unsigned long long pos;		/* where read() goes on */
	unsigned int flags;		/* as given to open */
	int count;			/* references: freed at 0 */
};

struct kstat {
	unsigned long ino;
	unsigned int mode, nlink, uid, gid;
	unsigned long long size;
	unsigned long blksize;		/* preferred I/O size */
	unsigned long blocks;		/* 512-byte units held */
	unsigned long mtime;
};

/*
 * Opens @path (see ramfs_lookup) with @flags. Returns the file with one
 * reference, or NULL and in *@err: the lookup's error (-ENOENT, -ENOTDIR,
 * -ENAMETOOLONG, -ELOOP); -EROFS for write access to a file, O_TRUNC, or
 * O_CREAT of a missing name whose directory exists; -EEXIST for
 * O_CREAT|O_EXCL of an existing name; -EISDIR for write access, O_TRUNC
 * or O_CREAT on a directory; -ENOTDIR for O_DIRECTORY on a non-directory;
 * -ELOOP for O_NOFOLLOW on a symbolic link; -ENOMEM.
 */
struct file *file_open(const char *path, unsigned int flags, int *err);

/* Reads up to @len bytes at the file position and advances it: the
 * bytes read, 0 at or past the end, -EISDIR for a directory. */
long file_read(struct file *f, void *buf, size_t len);
/* The same at @pos, leaving the file position alone. */
long file_pread(struct file *f, void *buf, size_t len, unsigned long long pos);
/* Moves the position (SEEK_SET/CUR/END); returns it, or -EINVAL for a
 * bad @whence or a result that is negative or overflows. */
long long file_lseek(struct file *f, long long off, int whence);

struct task_struct;

/* File descriptors (fs/open.c): the current task's file at @fd, or NULL. */
struct file *fget(unsigned int fd);
/* Whether @f is the console (fds 0-2 of every task to begin with). */
bool is_console(const struct file *f);
/* Gives @t the console as fds 0, 1 and 2. */
void install_console_fds(struct task_struct *t);

void file_get(struct file *f);
void file_put(struct file *f);

void file_stat(struct inode *inode, struct kstat *st);

/*
 * /proc (fs/proc.c): opens "/proc/self/maps", "/proc/PID/status",
 * "/proc/meminfo" and the like. Returns the file, or NULL with *@err:
 * -ENOENT for a name or PID that is not there, -EACCES for write access,
 * -ENOTDIR for O_DIRECTORY, -ENOMEM. Only for paths under "/proc/".
 */
struct file *proc_open(const char *path, unsigned int flags, int *err);
bool is_proc_path(const char *path);
/* What open(2) opens: /proc/... or a ramfs path (absolute). */
struct file *filp_open(const char *path, unsigned int flags, int *err);
/* The name of /proc's @i-th file (per process: under /proc/PID/), or NULL. */
const char *proc_entry_name(unsigned int i, bool *per_task);

#endif
