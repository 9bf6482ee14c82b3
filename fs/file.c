// SPDX-License-Identifier: GPL-2.0
/*
 * File descriptor tables (see <linux/file.h>). A descriptor is a slot
 * holding a reference on an open file, plus a close-on-exec bit. New
 * descriptors take the lowest free slot (POSIX), found from next_fd, the
 * lowest slot that might be free. A slot can be reserved before its file
 * exists (get_unused_fd_flags) so that a call either fills it
 * (fd_install) or gives it back, and no other open sees it meanwhile.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

/* A reserved slot: taken, but no file yet. */
#define FD_RESERVED	((struct file *)1)

static unsigned int bitmap_longs(unsigned int fds)
{
	return DIV_ROUND_UP(fds, BITS_PER_LONG);
}

struct files_struct *alloc_files(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	files->max_fds = NR_OPEN_DEFAULT;
	files->fd = files->fd_array;
	files->close_on_exec = files->close_on_exec_init;
	return files;
}

int expand_files(struct files_struct *files, unsigned int nr)
{
	unsigned int size = files->max_fds;
	unsigned long *bits;
	struct file **fd;

	if (nr < size)
		return 0;
	if (nr >= NR_OPEN_MAX)
		return -EMFILE;
	while (size <= nr)
		size *= 2;
	fd = kcalloc(size, sizeof(*fd), GFP_KERNEL);
	bits = kcalloc(bitmap_longs(size), sizeof(*bits), GFP_KERNEL);
	if (!fd || !bits) {
		kfree(fd);
		kfree(bits);
		return -ENOMEM;
	}
	memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
	memcpy(bits, files->close_on_exec, bitmap_longs(files->max_fds) * sizeof(*bits));
	if (files->fd != files->fd_array) {
		kfree(files->fd);
		kfree(files->close_on_exec);
	}
	files->fd = fd;
	files->close_on_exec = bits;
	files->max_fds = size;
	return 0;
}

struct files_struct *dup_fd(struct files_struct *old)
{
	struct files_struct *files = alloc_files();
	unsigned int fd;

	if (!files)
		return NULL;
	if (expand_files(files, old->max_fds - 1)) {
		put_files_struct(files);
		return NULL;
	}
	for (fd = 0; fd < old->max_fds; fd++) {
		struct file *f = old->fd[fd];

		if (!f || f == FD_RESERVED)
			continue;	/* a slot being filled by another thread stays out */
		files->fd[fd] = get_file(f);
	}
	memcpy(files->close_on_exec, old->close_on_exec,
	       bitmap_longs(old->max_fds) * sizeof(long));
	return files;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (--files->count)
		return;
	for (fd = 0; fd < files->max_fds; fd++) {
		struct file *f = files->fd[fd];

		if (f && f != FD_RESERVED)
			fput(f);
	}
	if (files->fd != files->fd_array) {
		kfree(files->fd);
		kfree(files->close_on_exec);
	}
	kfree(files);
}

int unshare_files(struct task_struct *tsk)
{
	struct files_struct *old = tsk->files, *new;

	if (!old || old->count == 1)
		return 0;
	new = dup_fd(old);
	if (!new)
		return -ENOMEM;
	tsk->files = new;
	put_files_struct(old);
	return 0;
}

static void __set_close_on_exec(struct files_struct *files, unsigned int fd, bool on)
{
	if (on)
		files->close_on_exec[fd / BITS_PER_LONG] |= 1UL << (fd % BITS_PER_LONG);
	else
		files->close_on_exec[fd / BITS_PER_LONG] &= ~(1UL << (fd % BITS_PER_LONG));
}

void set_close_on_exec(unsigned int fd, bool on)
{
	struct files_struct *files = current->files;

	if (files && fd < files->max_fds)
		__set_close_on_exec(files, fd, on);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;

	return files && fd < files->max_fds &&
	       (files->close_on_exec[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG)));
}

static struct file *take_slot(struct files_struct *files, unsigned int fd)
{
	struct file *f = files->fd[fd];

	files->fd[fd] = NULL;
	__set_close_on_exec(files, fd, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
	return f;
}

void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	for (fd = 0; fd < files->max_fds; fd++) {
		struct file *f;

		if (!(files->close_on_exec[fd / BITS_PER_LONG] & (1UL << (fd % BITS_PER_LONG))))
			continue;
		f = take_slot(files, fd);
		if (f && f != FD_RESERVED)
			fput(f);
	}
}

struct file *files_lookup_fd_raw(struct files_struct *files, unsigned int fd)
{
	struct file *f;

	if (!files || fd >= files->max_fds)
		return NULL;
	f = files->fd[fd];
	return f == FD_RESERVED ? NULL : f;
}

struct file *fget_raw_noref(unsigned int fd)
{
	return files_lookup_fd_raw(current->files, fd);
}

struct file *fget(unsigned int fd)
{
	struct file *f = fget_raw_noref(fd);

	return f ? get_file(f) : NULL;
}

int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned long limit = rlimit(RLIMIT_NOFILE);
	unsigned int fd;
	int err;

	if (!files)
		return -EMFILE;
	fd = max(start, files->next_fd);
	for (; fd < limit; fd++) {
		if (fd >= files->max_fds) {
			err = expand_files(files, fd);
			if (err)
				return err;
		}
		if (!files->fd[fd])
			break;
	}
	if (fd >= limit)
		return -EMFILE;
	files->fd[fd] = FD_RESERVED;
	__set_close_on_exec(files, fd, flags & O_CLOEXEC);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	return fd;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	WARN_ON(files->fd[fd] != FD_RESERVED);
	take_slot(files, fd);
}

void fd_install(unsigned int fd, struct file *f)
{
	struct files_struct *files = current->files;

	WARN_ON(files->fd[fd] != FD_RESERVED);
	files->fd[fd] = f;
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f;

	if (!files || fd >= files->max_fds || !files->fd[fd] || files->fd[fd] == FD_RESERVED)
		return -EBADF;
	f = take_slot(files, fd);
	fput(f);
	return 0;
}

int replace_fd(unsigned int fd, struct file *f, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;
	int err;

	if (fd >= rlimit(RLIMIT_NOFILE))
		return -EBADF;
	err = expand_files(files, fd);
	if (err)
		return err;
	old = files->fd[fd];
	if (old == FD_RESERVED)
		return -EBUSY;		/* another thread is opening into it, as Linux says */
	files->fd[fd] = get_file(f);
	__set_close_on_exec(files, fd, flags & O_CLOEXEC);
	if (old)
		fput(old);
	return fd;
}

/*
 * Fds 0, 1 and 2 of a task started by the kernel: /dev/console opened
 * read-write, as Linux's init gets it. Without a /dev/console the task
 * starts with them closed (and Linux warns the same).
 */
void install_console_fds(struct task_struct *t)
{
	struct file *f;
	int err, fd;

	if (!t->files) {
		t->files = alloc_files();
		if (!t->files)
			return;
	}
	f = filp_open("/dev/console", O_RDWR, 0, &err);
	if (!f) {
		pr_warn("Warning: unable to open an initial console.\n");
		return;
	}
	for (fd = 0; fd < 3; fd++) {
		struct file *old = t->files->fd[fd];

		t->files->fd[fd] = get_file(f);
		if (old && old != FD_RESERVED)
			fput(old);
	}
	t->files->next_fd = 3;
	fput(f);
}
