// SPDX-License-Identifier: GPL-2.0
/*
 * sendfile64: data from one file to another without passing through
 * user space. Into a pipe, the data goes as Linux's splice puts it: a
 * slot per page of the source file that it touches, as many as are free
 * (the call waits only for the first), none of them merged with later
 * writes. Into anything else it is read and written a page at a time
 * until the count is done or the source ends. The source's position
 * moves, or *offset does when one is given (and then the source must
 * allow pread). Errors in Linux's order: the source (EBADF, ESPIPE,
 * EINVAL), then the destination (EBADF), then what the two allow.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/* Whether @in can be a source: a pipe or a directory is not (no splice_read). */
static bool can_splice_from(struct file *in)
{
	return in->f_op->read_iter && !S_ISFIFO(file_inode(in)->i_mode);
}

/*
 * Waits until @pipe has a free slot: 0, -EPIPE (and SIGPIPE) with no
 * reader, -EAGAIN if @nonblock, -ERESTARTSYS on a signal.
 */
static int wait_for_space(struct pipe_inode_info *pipe, bool nonblock)
{
	for (;;) {
		if (!pipe->readers) {
			struct kernel_siginfo info = {
				.si_code = SI_USER, .fields = { current->tgid, 0 } };

			send_signal_info(current, SIGPIPE, &info);
			return -EPIPE;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage))
			return 0;
		if (nonblock)
			return -EAGAIN;
		if (wait_event_interruptible(pipe->wr_wait, !pipe->readers ||
			      !pipe_full(pipe->head, pipe->tail, pipe->max_usage)))
			return -ERESTARTSYS;
	}
}

/* Reads up to @len of @in at *@pos into @pipe's free slots: the bytes moved or -errno. */
static long splice_file_to_pipe(struct file *in, struct pipe_inode_info *pipe,
				loff_t *pos, size_t len, bool nonblock)
{
	long done = 0, ret;

	ret = wait_for_space(pipe, nonblock);
	if (ret)
		return ret;
	if (!can_splice_from(in))
		return -EINVAL;
	while (len && !pipe_full(pipe->head, pipe->tail, pipe->max_usage)) {
		struct pipe_buffer *buf = &pipe->bufs[pipe->head & (pipe->ring_size - 1)];
		size_t off = *pos & (PAGE_SIZE - 1), chunk = min(len, PAGE_SIZE - off);
		struct page *page = alloc_page(GFP_HIGHUSER);
		ssize_t n;

		if (!page) {
			ret = -ENOMEM;
			break;
		}
		n = kernel_read(in, (char *)kmap(page) + off, chunk, pos);
		kunmap(page);
		if (n <= 0) {
			__free_page(page);
			ret = n;
			break;
		}
		buf->page = page;
		buf->offset = off;
		buf->len = n;
		buf->flags = 0;		/* file data: later writes do not join it */
		pipe->head++;
		done += n;
		len -= n;
		if ((size_t)n < chunk)
			break;		/* the end of the source */
	}
	if (done)
		wake_up(&pipe->rd_wait);
	return done ? done : ret;
}

/* Copies through a page-sized buffer: the bytes written, or -errno if none. */
static long splice_file_to_file(struct file *in, loff_t *pos, struct file *out,
				loff_t *out_pos, size_t count)
{
	char *buf;
	long done = 0, ret = 0;

	if (out->f_flags & O_APPEND)
		return -EINVAL;
	if (!can_splice_from(in) || !out->f_op->write_iter)
		return -EINVAL;
	buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while ((size_t)done < count) {
		size_t chunk = min(count - done, PAGE_SIZE);
		ssize_t n = kernel_read(in, buf, chunk, pos), w;

		if (n <= 0) {
			ret = n;
			break;
		}
		w = kernel_write(out, buf, n, out_pos);
		if (w < 0) {
			*pos -= n;
			ret = w;
			break;
		}
		done += w;
		if (w < n) {
			*pos -= n - w;	/* the source goes on where the copy stopped */
			break;
		}
		if ((size_t)n < chunk)
			break;
	}
	kfree(buf);
	return done ? done : ret;
}

static long do_sendfile(int out_fd, int in_fd, loff_t *ppos, size_t count)
{
	struct pipe_inode_info *opipe;
	struct file *in, *out;
	loff_t pos, out_pos;
	long ret;

	in = fget(in_fd);
	if (!in)
		return -EBADF;
	ret = -EBADF;
	if (!(in->f_mode & FMODE_READ))
		goto put_in;
	ret = -ESPIPE;
	if (ppos && !(in->f_mode & FMODE_PREAD))
		goto put_in;
	pos = ppos ? *ppos : in->f_pos;
	ret = -EINVAL;
	if (pos < 0 || (ssize_t)count < 0)
		goto put_in;
	count = min_t(size_t, count, MAX_RW_COUNT);

	ret = -EBADF;
	out = fget(out_fd);
	if (!out)
		goto put_in;
	if (!(out->f_mode & FMODE_WRITE))
		goto put_out;
	out_pos = out->f_pos;
	opipe = get_pipe_info(out);
	if (opipe)
		ret = splice_file_to_pipe(in, opipe, &pos, count, out->f_flags & O_NONBLOCK);
	else
		ret = splice_file_to_file(in, &pos, out, &out_pos, count);
	if (ret > 0) {
		out->f_pos = out_pos;
		if (ppos)
			*ppos = pos;
		else
			in->f_pos = pos;
	}
put_out:
	fput(out);
put_in:
	fput(in);
	return ret;
}

long sys_sendfile64(int out_fd, int in_fd, long long *offset, size_t count)
{
	loff_t pos;
	long ret;

	if (!offset)
		return do_sendfile(out_fd, in_fd, NULL, count);
	if (copy_from_user(&pos, offset, sizeof(pos)))
		return -EFAULT;
	ret = do_sendfile(out_fd, in_fd, &pos, count);
	if (copy_to_user(offset, &pos, sizeof(pos)))
		return -EFAULT;
	return ret;
}
