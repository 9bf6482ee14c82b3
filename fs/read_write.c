// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, readv, writev, lseek, _llseek. Every transfer is a vector
 * of user buffers, checked whole before anything moves (Linux's
 * import_iovec): a length negative as a ssize_t or too many vectors is
 * -EINVAL, a buffer outside user space -EFAULT, and the total is cut at
 * MAX_RW_COUNT. Files are read through a kernel bounce buffer; the
 * console writes as a tty does, in chunks each copied whole before it is
 * written, and reads what the foreground task's keyboard sends (a line
 * at a time: the console echoes and ends a line on Enter).
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

#define BOUNCE		256
#define TTY_CHUNK	2048		/* what Linux's tty_write copies at a time */
#define UIO_MAXIOV	1024
#define MAX_RW_COUNT	(0x7fffffffUL & PAGE_MASK)

struct iovec {
	void *iov_base;
	size_t iov_len;
};

/*
 * The user's @nr iovecs, copied into *@iovp (kfree it; NULL when @nr is
 * 0) and checked as Linux does, lengths first: returns the total, cut
 * at MAX_RW_COUNT by shortening the vectors, or the error.
 */
static long import_iovec(const struct iovec *uiov, unsigned long nr,
			 struct iovec **iovp)
{
	struct iovec *iov;
	size_t total = 0;
	unsigned long i;

	*iovp = NULL;
	if (!nr)
		return 0;
	if (nr > UIO_MAXIOV)
		return -EINVAL;
	iov = kcalloc(nr, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uiov, nr * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (i = 0; i < nr; i++) {
		if ((ssize_t)iov[i].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
	}
	for (i = 0; i < nr; i++) {
		if (!access_ok(iov[i].iov_base, iov[i].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		iov[i].iov_len = min(iov[i].iov_len, MAX_RW_COUNT - total);
		total += iov[i].iov_len;
	}
	*iovp = iov;
	return total;
}

/*
 * @total bytes from the vectors to the console, as Linux's tty layer
 * writes: a chunk of up to TTY_CHUNK bytes is gathered whole before it is
 * written, so a fault writes nothing of its chunk; the bytes of the
 * chunks before it count, and with none it is -EFAULT.
 */
static long console_writev(const struct iovec *iov, size_t total)
{
	size_t chunk = min(total, (size_t)TTY_CHUNK), written = 0, seg_off = 0;
	long ret = 0;
	char *buf;

	if (!total)
		return 0;
	buf = kmalloc(chunk, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (written < total) {
		size_t size = min(total - written, chunk), got = 0;

		while (got < size) {
			size_t n;

			while (seg_off == iov->iov_len) {
				iov++;
				seg_off = 0;
			}
			n = min(size - got, iov->iov_len - seg_off);
			if (copy_from_user(buf + got, (char *)iov->iov_base + seg_off, n)) {
				ret = -EFAULT;
				goto out;
			}
			got += n;
			seg_off += n;
		}
		console_write(buf, size);
		written += size;
	}
out:
	kfree(buf);
	return written ? (long)written : ret;
}

/*
 * Up to @count bytes of @f at its position into @ubuf; the position
 * moves by what reached the user, so a fault loses nothing.
 */
static long file_read_user(struct file *f, char *ubuf, size_t count)
{
	char buf[BOUNCE];
	size_t done = 0;

	while (done < count) {
		long n = file_pread(f, buf, min(count - done, sizeof(buf)), f->pos);
		size_t left;

		if (n <= 0)
			return done ? (long)done : n;
		left = copy_to_user(ubuf + done, buf, n);
		f->pos += n - left;
		done += n - left;
		if (left)
			return done ? (long)done : -EFAULT;
	}
	return done;
}

/*
 * Fills the vectors in turn; a short read (the end of the file, or of
 * the console's line) ends it, and so does an error, which counts only
 * when nothing was read.
 */
static long readv_file(struct file *f, const struct iovec *iov, unsigned long nr)
{
	long done = 0;
	unsigned long i;

	for (i = 0; i < nr; i++) {
		char *base = iov[i].iov_base;
		size_t len = iov[i].iov_len;
		long n;
		char last;

		if (!len)
			continue;
		n = is_console(f) ? console_read_user(base, len) :
				    file_read_user(f, base, len);
		if (n < 0)
			return done ? done : n;
		done += n;
		if ((size_t)n < len)
			break;
		if (is_console(f) && (get_user(last, base + n - 1) || last == '\n'))
			break;
	}
	return done;
}

static long do_rw(unsigned int fd, const struct iovec *uiov, unsigned long nr,
		  bool write)
{
	struct file *f = fget(fd);
	struct iovec *iov;
	long ret;

	if (!f)
		return -EBADF;
	ret = import_iovec(uiov, nr, &iov);
	if (ret < 0)
		return ret;
	if (write)
		ret = is_console(f) ? console_writev(iov, ret) : -EBADF;
	else
		ret = readv_file(f, iov, nr);
	kfree(iov);
	return ret;
}

long sys_readv(unsigned int fd, const struct iovec *uiov, unsigned long iovcnt)
{
	return do_rw(fd, uiov, iovcnt, false);
}

long sys_writev(unsigned int fd, const struct iovec *uiov, unsigned long iovcnt)
{
	return do_rw(fd, uiov, iovcnt, true);
}

/*
 * read and write: one vector, checked as Linux's vfs_read/vfs_write do:
 * the buffer in user space first, then the length not negative.
 */
static long rw_one(struct file *f, char *ubuf, size_t count, bool write)
{
	struct iovec iov = { ubuf, min(count, MAX_RW_COUNT) };

	if (!access_ok(ubuf, count))
		return -EFAULT;
	if ((ssize_t)count < 0)
		return -EINVAL;
	if (write)
		return console_writev(&iov, iov.iov_len);
	return readv_file(f, &iov, 1);
}

long sys_write(unsigned int fd, const char *ubuf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	if (!is_console(f))
		return -EBADF;	/* initramfs files are read-only */
	return rw_one(f, (char *)ubuf, count, true);
}

long sys_read(unsigned int fd, char *ubuf, size_t count)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	return rw_one(f, ubuf, count, false);
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
