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
 * and release, as Linux's file_operations; NULL for ramfs files. Its
 * mmap, if any, says whether mapping it may go ahead (0) or why not.
 */
struct file_operations {
	long (*read)(struct file *f, void *buf, size_t len, unsigned long long pos);
	void (*release)(struct file *f);
	int (*mmap)(struct file *f);
};

struct file {
	struct inode *inode;		/* NULL for the console and /proc */
	const struct file_operations *f_op;
	void *private_data;		/* the f_op's state */
	unsigned long long pos;		/* where read() goes on */
	unsigned int flags;		/* as given to open */
	int count;			/* references: freed at 0 */
};

/* What the open mode allows (Linux's FMODE_READ and FMODE_WRITE). */
static inline bool file_can_read(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_WRONLY;
}

static inline bool file_can_write(const struct file *f)
{
	return (f->flags & O_ACCMODE) != O_RDONLY;
}

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

#define NR_OPEN_DEFAULT	32		/* slots a table starts with */
#define NR_OPEN_MAX	(1U << 20)	/* fs.nr_open: no fd reaches it */

/*
 * A table of file descriptors. Tasks made with CLONE_FILES share one
 * (count is how many tasks hold it); fork gives the child a copy whose
 * descriptors point to the same open files. A task's table is only ever
 * changed through the calls below and fs/open.c's. @fd is fd_array until
 * a descriptor past it is needed, then a larger table (expand_files),
 * twice as big each time, up to what RLIMIT_NOFILE allows.
 */
struct files_struct {
	int count;
	unsigned int max_fds;		/* slots in @fd */
	struct file **fd;
	struct file *fd_array[NR_OPEN_DEFAULT];
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

/* File descriptors (fs/open.c): the current task's file at @fd, or NULL. */
struct file *fget(unsigned int fd);
/* Whether @f is the console (fds 0-2 of every task to begin with). */
bool is_console(const struct file *f);
/* Gives @t a table (if it had none) with the console as fds 0, 1 and 2. */
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
