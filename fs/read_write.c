// SPDX-License-Identifier: GPL-2.0
/*
 * read, write, readv, writev, pread64, pwrite64, lseek and _llseek. Each
 * call checks its buffers as Linux does (the whole vector before
 * anything moves: import_iovec), then hands the file's read_iter or
 * write_iter an iterator over them. A file opened without FMODE_READ
 * (or FMODE_WRITE) is -EBADF; one whose f_op lacks the operation is
 * -EINVAL. O_APPEND writes start at the end of the file.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

loff_t generic_file_llseek(struct file *f, loff_t offset, int whence)
{
	loff_t base, pos;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->f_pos;
		break;
	case SEEK_END:
		base = i_size_read(file_inode(f));
		break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* all of a file is data as far as this kernel knows, as Linux's default */
		if (offset < 0 || offset >= i_size_read(file_inode(f)))
			return -ENXIO;
		pos = whence == SEEK_DATA ? offset : i_size_read(file_inode(f));
		f->f_pos = pos;
		return pos;
	default:
		return -EINVAL;
	}
	if (__builtin_add_overflow(base, offset, &pos) || pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

loff_t no_llseek(struct file *f, loff_t offset, int whence)
{
	(void)f;
	(void)offset;
	(void)whence;
	return -ESPIPE;
}

loff_t vfs_llseek(struct file *f, loff_t offset, int whence)
{
	if (!(f->f_mode & FMODE_LSEEK) || !f->f_op || !f->f_op->llseek)
		return -ESPIPE;
	return f->f_op->llseek(f, offset, whence);
}

static ssize_t do_iter_read(struct file *f, struct iov_iter *iter, loff_t *pos)
{
	if (!(f->f_mode & FMODE_READ))
		return -EBADF;
	if (!f->f_op || !f->f_op->read_iter)
		return S_ISDIR(file_inode(f)->i_mode) ? -EISDIR : -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	return f->f_op->read_iter(f, iter, pos);
}

static ssize_t do_iter_write(struct file *f, struct iov_iter *iter, loff_t *pos)
{
	if (!(f->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!f->f_op || !f->f_op->write_iter)
		return -EINVAL;
	if (!iov_iter_count(iter))
		return 0;
	if (f->f_flags & O_APPEND)
		*pos = i_size_read(file_inode(f));
	return f->f_op->write_iter(f, iter, pos);
}

ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { buf, count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, READ, &kv, 1, count);
	return do_iter_read(f, &iter, pos);
}

ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos)
{
	struct kvec kv = { (void *)buf, count };
	struct iov_iter iter;

	iov_iter_kvec(&iter, WRITE, &kv, 1, count);
	return do_iter_write(f, &iter, pos);
}

/* Streams (pipes, ttys) have no position: their calls get a dummy one. */
static loff_t *file_ppos(struct file *f, loff_t *dummy)
{
	if (f->f_mode & FMODE_LSEEK)
		return &f->f_pos;
	*dummy = 0;
	return dummy;
}

static long rw_single(unsigned int fd, void *ubuf, size_t count, bool write,
		      loff_t *explicit_pos)
{
	struct file *f = fget(fd);
	struct iov_iter iter;
	struct iovec iov;
	loff_t dummy, *ppos;
	long ret;

	if (!f)
		return -EBADF;
	ret = -EBADF;
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		goto out;
	ret = -ESPIPE;
	if (explicit_pos && !(f->f_mode & (write ? FMODE_PWRITE : FMODE_PREAD)))
		goto out;
	ret = -EFAULT;
	if (!access_ok(ubuf, count))
		goto out;
	ret = -EINVAL;
	if ((ssize_t)count < 0)
		goto out;
	ret = import_single_range(write ? WRITE : READ, ubuf, count, &iov, &iter);
	if (ret)
		goto out;
	ppos = explicit_pos ? explicit_pos : file_ppos(f, &dummy);
	ret = write ? do_iter_write(f, &iter, ppos) : do_iter_read(f, &iter, ppos);
out:
	fput(f);
	return ret;
}

long sys_read(unsigned int fd, char *ubuf, size_t count)
{
	return rw_single(fd, ubuf, count, false, NULL);
}

long sys_write(unsigned int fd, const char *ubuf, size_t count)
{
	return rw_single(fd, (char *)ubuf, count, true, NULL);
}

/* pread64/pwrite64: the EABI passes the 64-bit offset in r4:r5 (r3 is padding). */
long sys_pread64(unsigned int fd, char *ubuf, size_t count, u32 pad, u32 pos_lo,
		 u32 pos_hi)
{
	loff_t pos = (loff_t)((u64)pos_hi << 32 | pos_lo);

	(void)pad;
	if (pos < 0)
		return -EINVAL;
	return rw_single(fd, ubuf, count, false, &pos);
}

long sys_pwrite64(unsigned int fd, const char *ubuf, size_t count, u32 pad, u32 pos_lo,
		  u32 pos_hi)
{
	loff_t pos = (loff_t)((u64)pos_hi << 32 | pos_lo);

	(void)pad;
	if (pos < 0)
		return -EINVAL;
	return rw_single(fd, (char *)ubuf, count, true, &pos);
}

static long rw_vector(unsigned int fd, const struct iovec *uvec, unsigned long nr,
		      bool write)
{
	struct file *f = fget(fd);
	struct iovec *iov;
	struct iov_iter iter;
	loff_t dummy;
	long ret;

	if (!f)
		return -EBADF;
	/* the vector is checked before the open mode, as Linux's vfs_readv */
	ret = import_iovec(write ? WRITE : READ, uvec, nr, &iov, &iter);
	if (ret < 0)
		goto out;
	if (!(f->f_mode & (write ? FMODE_WRITE : FMODE_READ)))
		ret = -EBADF;
	else
		ret = write ? do_iter_write(f, &iter, file_ppos(f, &dummy)) :
			      do_iter_read(f, &iter, file_ppos(f, &dummy));
	kfree(iov);
out:
	fput(f);
	return ret;
}

long sys_readv(unsigned int fd, const struct iovec *uvec, unsigned long nr)
{
	return rw_vector(fd, uvec, nr, false);
}

long sys_writev(unsigned int fd, const struct iovec *uvec, unsigned long nr)
{
	return rw_vector(fd, uvec, nr, true);
}

long sys_lseek(unsigned int fd, long offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = whence > SEEK_HOLE ? -EINVAL : vfs_llseek(f, offset, whence);
	if (pos > 0x7fffffffLL)
		pos = -EOVERFLOW;
	fput(f);
	return pos;
}

long sys_llseek(unsigned int fd, unsigned long high, unsigned long low,
		loff_t *result, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t pos;

	if (!f)
		return -EBADF;
	pos = whence > SEEK_HOLE ? -EINVAL :
	      vfs_llseek(f, (loff_t)((u64)high << 32 | low), whence);
	fput(f);
	if (pos < 0)
		return pos;
	return copy_to_user(result, &pos, sizeof(pos)) ? -EFAULT : 0;
}

int vfs_fsync(struct file *f, int datasync)
{
	if (!f->f_op || !f->f_op->fsync)
		return -EINVAL;
	return f->f_op->fsync(f, datasync);
}

static long do_fsync(unsigned int fd, int datasync)
{
	struct file *f = fget(fd);
	long ret;

	if (!f)
		return -EBADF;
	ret = vfs_fsync(f, datasync);
	fput(f);
	return ret;
}

long sys_fsync(unsigned int fd)
{
	return do_fsync(fd, 0);
}

long sys_fdatasync(unsigned int fd)
{
	return do_fsync(fd, 1);
}

/* Nothing is written back later: every filesystem here is in memory. */
long sys_sync(void)
{
	return 0;
}
