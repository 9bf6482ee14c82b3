// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1, with Linux's minors and behaviour:
 * null (3) reads as empty and takes every write without looking at it;
 * zero (5) reads as zeros, takes writes alike, and maps as anonymous
 * memory (shared mappings as shared anonymous memory); full (7) reads
 * as zeros and refuses every write with ENOSPC; random (8) and urandom
 * (9) read from the kernel's generator (seeded before any task runs, so
 * never blocking) and take writes, which they read but do not credit.
 * Their position always reads 0.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/poll.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/uio.h>

#define MEM_MAJOR	1

static loff_t null_lseek(struct file *file, loff_t offset, int whence)
{
	(void)offset;
	(void)whence;
	return file->f_pos = 0;
}

static ssize_t read_null(struct file *file, struct iov_iter *to, loff_t *pos)
{
	(void)file;
	(void)to;
	(void)pos;
	return 0;
}

static ssize_t write_null(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t count = iov_iter_count(from);

	(void)file;
	(void)pos;
	iov_iter_advance(from, count);
	return count;
}

/* Zeros, a page at a time: what reached the user, -EFAULT if nothing, a signal stops it. */
static ssize_t read_zero(struct file *file, struct iov_iter *to, loff_t *pos)
{
	size_t done = 0;

	(void)file;
	(void)pos;
	while (iov_iter_count(to)) {
		size_t chunk = min(iov_iter_count(to), (size_t)PAGE_SIZE);
		size_t n = iov_iter_zero(chunk, to);

		done += n;
		if (n < chunk)
			return done ? (ssize_t)done : -EFAULT;
		if (signal_pending(current))
			break;
	}
	return done;
}

static ssize_t write_full(struct file *file, struct iov_iter *from, loff_t *pos)
{
	(void)file;
	(void)from;
	(void)pos;
	return -ENOSPC;
}

/* A private mapping is anonymous memory; a shared one, shared anonymous memory. */
static int mmap_zero(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	fput(vma->vm_file);
	vma->vm_file = NULL;
	return 0;
}

static ssize_t read_random(struct file *file, struct iov_iter *to, loff_t *pos)
{
	u8 block[64];
	size_t done = 0;

	(void)file;
	(void)pos;
	while (iov_iter_count(to)) {
		size_t n = min(iov_iter_count(to), sizeof(block)), got;

		get_random_bytes(block, n);
		got = copy_to_iter(block, n, to);
		done += got;
		if (got < n)
			break;
		if (done % PAGE_SIZE == 0 && signal_pending(current))
			break;
	}
	memset(block, 0, sizeof(block));
	return done || !iov_iter_count(to) ? (ssize_t)done : -EFAULT;
}

/* Written bytes are read in (so a bad buffer is EFAULT) and dropped: not entropy here. */
static ssize_t write_random(struct file *file, struct iov_iter *from, loff_t *pos)
{
	u8 block[64];
	size_t done = 0;

	(void)file;
	(void)pos;
	while (iov_iter_count(from)) {
		size_t n = min(iov_iter_count(from), sizeof(block)), got;

		got = copy_from_iter(block, n, from);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return done;
}

static __poll_t poll_random(struct file *file, poll_table *wait)
{
	(void)file;
	(void)wait;
	return EPOLLIN | EPOLLRDNORM | EPOLLOUT | EPOLLWRNORM;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek,
	.read_iter = read_null,
	.write_iter = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek,
	.read_iter = read_zero,
	.write_iter = write_null,
	.mmap = mmap_zero,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek,
	.read_iter = read_zero,
	.write_iter = write_full,
};

static const struct file_operations random_fops = {
	.llseek = null_lseek,
	.read_iter = read_random,
	.write_iter = write_random,
	.poll = poll_random,
};

static const struct {
	const char *name;
	unsigned int minor;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	{ "null", 3, 0666, &null_fops },
	{ "zero", 5, 0666, &zero_fops },
	{ "full", 7, 0666, &full_fops },
	{ "random", 8, 0666, &random_fops },
	{ "urandom", 9, 0666, &random_fops },
};

void chr_dev_init(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(devlist); i++) {
		register_chrdev(MEM_MAJOR, devlist[i].minor, 1, "mem", devlist[i].fops);
		devtmpfs_create_node(devlist[i].name, S_IFCHR | devlist[i].mode,
				     MKDEV(MEM_MAJOR, devlist[i].minor));
	}
}
