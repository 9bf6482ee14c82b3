// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, writev, lseek, _llseek. Files are read through a kernel
 * bounce buffer and copied out; the console writes what it is given and
 * reads what the foreground task's keyboard sends (a line at a time: the
 * console echoes and ends a line on Enter).
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define BOUNCE	256


struct iovec {
	void *iov_base;
	size_t iov_len;
};

long sys_write(unsigned int fd, const char *ubuf, size_t count)
{
	struct file *f = fget(fd);
	char buf[BOUNCE];
	size_t done = 0;

	if (!f)
		return -EBADF;
	if (!is_console(f))
		return -EBADF;	/* initramfs files are read-only */
	if (!access_ok(ubuf, count))
		return -EFAULT;
	while (done < count) {
		size_t n = min(count - done, sizeof(buf));

		if (copy_from_user(buf, ubuf + done, n))
			return done ? (long)done : -EFAULT;
		console_write(buf, n);
		done += n;
	}
	return done;
}

long sys_writev(unsigned int fd, const struct iovec *uiov, int iovcnt)
{
	long total = 0;
	int i;

	if (iovcnt < 0 || iovcnt > 1024)
		return -EINVAL;
	for (i = 0; i < iovcnt; i++) {
		struct iovec iov;
		long n;

		if (copy_from_user(&iov, uiov + i, sizeof(iov)))
			return total ? total : -EFAULT;
		n = sys_write(fd, iov.iov_base, iov.iov_len);
		if (n < 0)
			return total ? total : n;
		total += n;
	}
	return total;
}

long sys_read(unsigned int fd, char *ubuf, size_t count)
{
	struct file *f = fget(fd);
	char buf[BOUNCE];
	size_t done = 0;

	if (!f)
		return -EBADF;
	if (!access_ok(ubuf, count))
		return -EFAULT;
	if (is_console(f))
		return console_read_user(ubuf, count);
	while (done < count) {
		long n = file_read(f, buf, min(count - done, sizeof(buf)));

		if (n < 0)
			return done ? (long)done : n;
		if (!n)
			break;
		if (copy_to_user(ubuf + done, buf, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	long long pos;

	if (!f)
		return -EBADF;
	if (is_console(f))
		return -ESPIPE;
	pos = file_lseek(f, offset, whence);
	if (pos > 0x7fffffffLL)
		return -EOVERFLOW;
	return pos;
}

long sys_llseek(unsigned int fd, unsigned long high, unsigned long low,
		long long *result, unsigned int whence)
{
	struct file *f = fget(fd);
	long long pos;

	if (!f)
		return -EBADF;
	if (is_console(f))
		return -ESPIPE;
	pos = file_lseek(f, (long long)((u64)high << 32 | low), whence);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}
