// SPDX-License-Identifier: GPL-2.0
/*
 * Pipes and FIFOs: pipe_inode_info's ring of page buffers (see
 * include/linux/pipe_fs_i.h), the file_operations both kinds share,
 * pipefs (where anonymous pipes' inodes live) and pipe/pipe2.
 *
 * Invariants: bufs[tail..head) (modulo ring_size) are the filled slots,
 * each with a page and len > 0 bytes at offset, except that a write cut
 * short by a fault may leave an empty slot the reader skips. A write
 * puts the part of its length past a multiple of PAGE_SIZE into the
 * last slot only if it fits there whole, then fills fresh pages: so a
 * write of at most PIPE_BUF bytes is never split between two slots or
 * interleaved with another, and a non-blocking one goes in whole or
 * not at all. Readers sleep on rd_wait, writers on wr_wait; every
 * change wakes the other side (and the pollers on that queue).
 *
 * Tasks all run on CPU 0 and kernel code is not preempted, so nothing
 * else touches a pipe between the checks and the copies below (a copy
 * that faults has the page fixed up without sleeping); a pipe will need
 * Linux's pipe->mutex once tasks run on several CPUs.
 */
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mount.h>
#include <linux/panic.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <asm/ioctls.h>

#define PIPEFS_MAGIC		0x50495045
#define O_NOTIFICATION_PIPE	O_EXCL	/* watch queues: not built here */

static struct vfsmount *pipe_mnt;

static struct pipe_inode_info *alloc_pipe_info(void)
{
	struct pipe_inode_info *pipe = kzalloc(sizeof(*pipe), GFP_KERNEL);

	if (!pipe)
		return NULL;
	pipe->bufs = kcalloc(PIPE_DEF_BUFFERS, sizeof(*pipe->bufs), GFP_KERNEL);
	if (!pipe->bufs) {
		kfree(pipe);
		return NULL;
	}
	pipe->ring_size = pipe->max_usage = PIPE_DEF_BUFFERS;
	pipe->r_counter = pipe->w_counter = 1;
	init_waitqueue_head(&pipe->rd_wait);
	init_waitqueue_head(&pipe->wr_wait);
	return pipe;
}

static void free_pipe_info(struct pipe_inode_info *pipe)
{
	unsigned int i;

	for (i = pipe->tail; i != pipe->head; i++) {
		struct pipe_buffer *buf = &pipe->bufs[i & (pipe->ring_size - 1)];

		if (buf->page)
			put_page(buf->page);
	}
	if (pipe->tmp_page)
		__free_page(pipe->tmp_page);
	kfree(pipe->bufs);
	kfree(pipe);
}

/* A file of @pipe is closed: the last one takes the pipe with it. */
static void put_pipe_info(struct inode *inode, struct pipe_inode_info *pipe)
{
	if (--pipe->files)
		return;
	inode->i_pipe = NULL;
	free_pipe_info(pipe);
}

static bool pipe_readable(const struct pipe_inode_info *pipe)
{
	return !pipe_empty(pipe->head, pipe->tail) || !pipe->writers;
}

static bool pipe_writable(const struct pipe_inode_info *pipe)
{
	return !pipe_full(pipe->head, pipe->tail, pipe->max_usage) || !pipe->readers;
}

static void release_buffer(struct pipe_buffer *buf)
{
	put_page(buf->page);
	buf->page = NULL;
}

static ssize_t pipe_read(struct file *filp, struct iov_iter *to, loff_t *pos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(to);
	unsigned int mask = pipe->ring_size - 1;
	bool freed = false;
	ssize_t ret = 0;

	(void)pos;
	if (!total_len)
		return 0;
	for (;;) {
		while (!pipe_empty(pipe->head, pipe->tail)) {
			struct pipe_buffer *buf = &pipe->bufs[pipe->tail & mask];
			size_t chars = min_t(size_t, buf->len, total_len);

			if (copy_page_to_iter(buf->page, buf->offset, chars, to) < chars) {
				if (!ret)
					ret = -EFAULT;
				goto out;	/* what did not reach the user stays */
			}
			ret += chars;
			buf->offset += chars;
			buf->len -= chars;
			if (buf->flags & PIPE_BUF_FLAG_PACKET) {
				buf->len = 0;	/* the rest of a packet is dropped */
				total_len = chars;
			}
			if (!buf->len) {
				release_buffer(buf);
				pipe->tail++;
				freed = true;
			}
			total_len -= chars;
			if (!total_len)
				goto out;
		}
		if (!pipe->writers || ret)
			break;
		if (filp->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		if (freed) {
			wake_up(&pipe->wr_wait);
			freed = false;
		}
		if (wait_event_interruptible(pipe->rd_wait, pipe_readable(pipe)))
			return -ERESTARTSYS;
	}
out:
	if (freed)
		wake_up(&pipe->wr_wait);
	return ret;
}

/* A fresh slot at head for the spare page; NULL with -ENOMEM for want of one. */
static struct pipe_buffer *new_buffer(struct pipe_inode_info *pipe, struct file *filp)
{
	struct pipe_buffer *buf;

	if (!pipe->tmp_page) {
		pipe->tmp_page = alloc_page(GFP_HIGHUSER);
		if (!pipe->tmp_page)
			return NULL;
	}
	buf = &pipe->bufs[pipe->head & (pipe->ring_size - 1)];
	buf->page = pipe->tmp_page;
	buf->offset = 0;
	buf->len = 0;
	buf->flags = filp->f_flags & O_DIRECT ? PIPE_BUF_FLAG_PACKET :
						PIPE_BUF_FLAG_CAN_MERGE;
	pipe->tmp_page = NULL;
	pipe->head++;
	return buf;
}

/* A write with no reader left: SIGPIPE, as the sender itself sent it. */
static void send_sigpipe(void)
{
	struct kernel_siginfo info = { .si_code = SI_USER, .fields = { current->tgid, 0 } };

	send_signal_info(current, SIGPIPE, &info);
}

static ssize_t pipe_write(struct file *filp, struct iov_iter *from, loff_t *pos)
{
	struct pipe_inode_info *pipe = filp->private_data;
	size_t total_len = iov_iter_count(from), chars;
	bool added = false;
	ssize_t ret = 0;

	(void)pos;
	if (!total_len)
		return 0;	/* even with no reader: no SIGPIPE */
	if (!pipe->readers) {
		send_sigpipe();
		return -EPIPE;
	}

	/* the tail of the write joins the last slot if it fits there whole */
	chars = total_len & (PAGE_SIZE - 1);
	if (chars && !pipe_empty(pipe->head, pipe->tail)) {
		struct pipe_buffer *buf =
			&pipe->bufs[(pipe->head - 1) & (pipe->ring_size - 1)];

		if ((buf->flags & PIPE_BUF_FLAG_CAN_MERGE) &&
		    buf->offset + buf->len + chars <= PAGE_SIZE) {
			if (copy_page_from_iter(buf->page, buf->offset + buf->len,
						chars, from) < chars)
				return -EFAULT;
			buf->len += chars;
			ret = chars;
			added = true;
			if (!iov_iter_count(from))
				goto out;
		}
	}

	for (;;) {
		if (!pipe->readers) {
			send_sigpipe();
			if (!ret)
				ret = -EPIPE;
			break;
		}
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage)) {
			struct pipe_buffer *buf = new_buffer(pipe, filp);
			size_t copied;

			if (!buf) {
				if (!ret)
					ret = -ENOMEM;
				break;
			}
			copied = copy_page_from_iter(buf->page, 0, PAGE_SIZE, from);
			if (copied < PAGE_SIZE && iov_iter_count(from)) {
				/* a fault: the slot stays, empty, for the next write */
				if (!ret)
					ret = -EFAULT;
				break;
			}
			buf->len = copied;
			ret += copied;
			added = true;
			if (!iov_iter_count(from))
				break;
			continue;
		}
		if (filp->f_flags & O_NONBLOCK) {
			if (!ret)
				ret = -EAGAIN;
			break;
		}
		if (signal_pending(current)) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
		if (added) {
			wake_up(&pipe->rd_wait);
			added = false;
		}
		if (wait_event_interruptible(pipe->wr_wait, pipe_writable(pipe))) {
			if (!ret)
				ret = -ERESTARTSYS;
			break;
		}
	}
out:
	if (added)
		wake_up(&pipe->rd_wait);
	return ret;
}

static __poll_t pipe_poll(struct file *filp, poll_table *wait)
{
	struct pipe_inode_info *pipe = filp->private_data;
	__poll_t mask = 0;

	if (filp->f_mode & FMODE_READ)
		poll_wait(filp, &pipe->rd_wait, wait);
	if (filp->f_mode & FMODE_WRITE)
		poll_wait(filp, &pipe->wr_wait, wait);

	if (filp->f_mode & FMODE_READ) {
		if (!pipe_empty(pipe->head, pipe->tail))
			mask |= EPOLLIN | EPOLLRDNORM;
		/* a FIFO reader opened before any writer hangs up only once one came */
		if (!pipe->writers && filp->f_version != pipe->w_counter)
			mask |= EPOLLHUP;
	}
	if (filp->f_mode & FMODE_WRITE) {
		if (!pipe_full(pipe->head, pipe->tail, pipe->max_usage))
			mask |= EPOLLOUT | EPOLLWRNORM;
		if (!pipe->readers)
			mask |= EPOLLERR;
	}
	return mask;
}

static long pipe_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct pipe_inode_info *pipe = filp->private_data;
	unsigned int i;
	int count = 0;

	if (cmd != FIONREAD)
		return -ENOTTY;
	for (i = pipe->tail; i != pipe->head; i++)
		count += pipe->bufs[i & (pipe->ring_size - 1)].len;
	return put_user(count, (int *)arg) ? -EFAULT : 0;
}

static int pipe_release(struct inode *inode, struct file *filp)
{
	struct pipe_inode_info *pipe = filp->private_data;

	if (filp->f_mode & FMODE_READ)
		pipe->readers--;
	if (filp->f_mode & FMODE_WRITE)
		pipe->writers--;
	/* the last of one side: the other side's sleepers see EOF or EPIPE */
	if (!pipe->readers != !pipe->writers) {
		wake_up(&pipe->rd_wait);
		wake_up(&pipe->wr_wait);
	}
	put_pipe_info(inode, pipe);
	return 0;
}

/* Sleeps until the other end has been opened (*@cnt moves): 0 or -ERESTARTSYS. */
static int wait_for_partner(struct pipe_inode_info *pipe, unsigned int *cnt)
{
	unsigned int cur = *cnt;

	if (wait_event_interruptible(pipe->rd_wait, *cnt != cur))
		return -ERESTARTSYS;
	return 0;
}

static void wake_up_partner(struct pipe_inode_info *pipe)
{
	wake_up(&pipe->rd_wait);
}

/*
 * Opening a FIFO (or a pipe again, through /proc): both ends meet on
 * the inode's pipe, made by the first open. A reader or writer alone
 * waits for the other side unless O_NONBLOCK: then a reader opens at
 * once, a writer fails with ENXIO. O_RDWR never waits.
 */
static int fifo_open(struct inode *inode, struct file *filp)
{
	bool is_pipe = inode->i_sb->s_magic == PIPEFS_MAGIC;
	struct pipe_inode_info *pipe = inode->i_pipe;
	int ret;

	if (pipe) {
		pipe->files++;
	} else {
		pipe = alloc_pipe_info();
		if (!pipe)
			return -ENOMEM;
		pipe->files = 1;
		inode->i_pipe = pipe;
	}
	filp->private_data = pipe;
	filp->f_version = 0;
	/* a stream: no positions, no pread/pwrite */
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);

	switch (filp->f_mode & (FMODE_READ | FMODE_WRITE)) {
	case FMODE_READ:
		pipe->r_counter++;
		if (pipe->readers++ == 0)
			wake_up_partner(pipe);
		if (!is_pipe && !pipe->writers) {
			if (filp->f_flags & O_NONBLOCK) {
				filp->f_version = pipe->w_counter;
			} else {
				ret = wait_for_partner(pipe, &pipe->w_counter);
				if (ret)
					goto err_rd;
			}
		}
		break;
	case FMODE_WRITE:
		ret = -ENXIO;
		if (!is_pipe && (filp->f_flags & O_NONBLOCK) && !pipe->readers)
			goto err;
		pipe->w_counter++;
		if (!pipe->writers++)
			wake_up_partner(pipe);
		if (!is_pipe && !pipe->readers) {
			ret = wait_for_partner(pipe, &pipe->r_counter);
			if (ret)
				goto err_wr;
		}
		break;
	case FMODE_READ | FMODE_WRITE:
		pipe->readers++;
		pipe->writers++;
		pipe->r_counter++;
		pipe->w_counter++;
		if (pipe->readers == 1 || pipe->writers == 1)
			wake_up_partner(pipe);
		break;
	default:
		ret = -EINVAL;
		goto err;
	}
	return 0;

err_rd:
	if (!--pipe->readers)
		wake_up(&pipe->wr_wait);
	goto err;
err_wr:
	if (!--pipe->writers)
		wake_up(&pipe->rd_wait);
err:
	put_pipe_info(inode, pipe);
	return ret;
}

const struct file_operations pipefifo_fops = {
	.open		= fifo_open,
	.llseek		= no_llseek,
	.read_iter	= pipe_read,
	.write_iter	= pipe_write,
	.poll		= pipe_poll,
	.unlocked_ioctl	= pipe_ioctl,
	.release	= pipe_release,
};

struct pipe_inode_info *get_pipe_info(struct file *file)
{
	return file->f_op == &pipefifo_fops ? file->private_data : NULL;
}

/*
 * A new ring of @nr_slots (a power of two) holding the buffers in use,
 * in order from slot 0: -EBUSY if they would not fit, -ENOMEM.
 */
static int pipe_resize_ring(struct pipe_inode_info *pipe, unsigned int nr_slots)
{
	unsigned int n = pipe_occupancy(pipe->head, pipe->tail), i;
	struct pipe_buffer *bufs;

	if (nr_slots < n)
		return -EBUSY;
	bufs = kcalloc(nr_slots, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		bufs[i] = pipe->bufs[(pipe->tail + i) & (pipe->ring_size - 1)];
	kfree(pipe->bufs);
	pipe->bufs = bufs;
	pipe->tail = 0;
	pipe->head = n;
	pipe->ring_size = pipe->max_usage = nr_slots;
	wake_up(&pipe->wr_wait);	/* there may be room now */
	return 0;
}

/* F_SETPIPE_SZ's size in pages: a power of two, at least one; 0 if too big. */
static unsigned int pipe_size_slots(unsigned int size)
{
	unsigned int slots = 1;

	if (size > 1U << 31)
		return 0;
	while (slots * PAGE_SIZE < size)
		slots <<= 1;
	return slots;
}

long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg)
{
	struct pipe_inode_info *pipe = get_pipe_info(file);
	unsigned int slots;
	int err;

	if (!pipe)
		return -EBADF;
	if (cmd == F_SETPIPE_SZ) {
		slots = pipe_size_slots(arg);
		if (!slots)
			return -EINVAL;
		err = pipe_resize_ring(pipe, slots);
		if (err)
			return err;
	}
	return pipe->max_usage * PAGE_SIZE;
}

/* ---- pipefs and pipe(2) ---- */

static int pipefs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct inode *root;

	(void)fc;
	sb->s_magic = PIPEFS_MAGIC;
	root = new_inode(sb);
	if (!root)
		return -ENOMEM;
	root->i_ino = 1;
	root->i_mode = S_IFDIR | S_IRUSR | S_IWUSR;
	root->i_atime = root->i_mtime = root->i_ctime = current_time(root);
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct file_system_type pipe_fs_type = {
	.name		= "pipefs",
	.fill_super	= pipefs_fill_super,
};

void pipe_init(void)
{
	register_filesystem(&pipe_fs_type);
	pipe_mnt = kern_mount(&pipe_fs_type);
	if (IS_ERR_OR_NULL(pipe_mnt))
		panic("pipe_init: cannot mount pipefs");
}

/* A pipefs inode with a new pipe, open for one reader and one writer. */
static struct inode *get_pipe_inode(void)
{
	struct inode *inode = new_inode(pipe_mnt->mnt_sb);
	struct pipe_inode_info *pipe;

	if (!inode)
		return NULL;
	inode->i_ino = get_next_ino();
	pipe = alloc_pipe_info();
	if (!pipe) {
		iput(inode);
		return NULL;
	}
	inode->i_pipe = pipe;
	pipe->files = 2;
	pipe->readers = pipe->writers = 1;
	inode->i_fop = &pipefifo_fops;
	inode->i_mode = S_IFIFO | S_IRUSR | S_IWUSR;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time(inode);
	return inode;
}

int create_pipe_files(struct file **res, int flags)
{
	struct inode *inode = get_pipe_inode();
	char name[24];
	struct file *f;

	if (!inode)
		return -ENFILE;
	snprintf(name, sizeof(name), "pipe:[%lu]", inode->i_ino);
	f = alloc_file_pseudo(inode, pipe_mnt, name,
			      O_WRONLY | (flags & (O_NONBLOCK | O_DIRECT)), &pipefifo_fops);
	if (!f) {
		free_pipe_info(inode->i_pipe);
		inode->i_pipe = NULL;
		iput(inode);
		return -ENFILE;
	}
	f->private_data = inode->i_pipe;
	res[0] = alloc_file(&f->f_path, O_RDONLY | (flags & O_NONBLOCK), &pipefifo_fops);
	if (!res[0]) {
		put_pipe_info(inode, inode->i_pipe);
		fput(f);
		return -ENFILE;
	}
	res[0]->private_data = inode->i_pipe;
	res[1] = f;
	res[0]->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	res[1]->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}

static long do_pipe2(int *fildes, int flags)
{
	struct file *files[2];
	int fd[2], err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT | O_NOTIFICATION_PIPE))
		return -EINVAL;
	if (flags & O_NOTIFICATION_PIPE)
		return -ENOPKG;	/* as Linux built without CONFIG_WATCH_QUEUE */
	err = create_pipe_files(files, flags);
	if (err)
		return err;
	fd[0] = get_unused_fd_flags(flags);
	if (fd[0] < 0) {
		err = fd[0];
		goto out_files;
	}
	fd[1] = get_unused_fd_flags(flags);
	if (fd[1] < 0) {
		err = fd[1];
		put_unused_fd(fd[0]);
		goto out_files;
	}
	if (copy_to_user(fildes, fd, sizeof(fd))) {
		put_unused_fd(fd[0]);
		put_unused_fd(fd[1]);
		err = -EFAULT;
		goto out_files;
	}
	fd_install(fd[0], files[0]);
	fd_install(fd[1], files[1]);
	return 0;

out_files:
	fput(files[0]);
	fput(files[1]);
	return err;
}

long sys_pipe2(int *fildes, int flags)
{
	return do_pipe2(fildes, flags);
}

long sys_pipe(int *fildes)
{
	return do_pipe2(fildes, 0);
}
