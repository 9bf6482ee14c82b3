/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An iov_iter walks the buffers of one transfer: user iovecs (read,
 * readv, pread64...) or kernel kvecs (exec reading an ELF header, the
 * shell's cat). file_operations see only the iterator, so one read_iter
 * serves user space and the kernel alike. Copies to and from user
 * buffers go through copy_to_user/copy_from_user and stop short at a
 * fault; the count returned says how far they got.
 */
#ifndef _LINUX_UIO_H
#define _LINUX_UIO_H

#include <linux/types.h>
#include <uapi/linux/uio.h>

struct page;

struct kvec {
	void *iov_base;
	size_t iov_len;
};

enum iter_type { ITER_IOVEC, ITER_KVEC };

#define READ	0	/* data goes to the buffers */
#define WRITE	1	/* data comes from them */

struct iov_iter {
	u8 iter_type;
	u8 data_source;		/* WRITE: the buffers are read */
	size_t iov_offset;	/* into the current segment */
	size_t count;		/* bytes left in all */
	const struct iovec *iov;	/* the current segment (kvec alike) */
	unsigned long nr_segs;		/* segments from it on */
};

#define MAX_RW_COUNT	(0x7fffffffUL & ~4095UL)

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs, size_t count);
void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs, size_t count);

static inline size_t iov_iter_count(const struct iov_iter *i)
{
	return i->count;
}

static inline bool user_backed_iter(const struct iov_iter *i)
{
	return i->iter_type == ITER_IOVEC;
}

/* Copies up to @bytes and advances; returns how many moved (short on a fault). */
size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i);
size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i);
size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i);
size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i);
size_t iov_iter_zero(size_t bytes, struct iov_iter *i);
void iov_iter_advance(struct iov_iter *i, size_t bytes);

/*
 * The user's @nr iovecs checked as Linux's import_iovec (lengths first,
 * -EINVAL; then -EFAULT; the total cut at MAX_RW_COUNT) into *@iovp
 * (kfree it) and @i: returns the total or the error.
 */
ssize_t import_iovec(int direction, const struct iovec *uvec, unsigned long nr,
		     struct iovec **iovp, struct iov_iter *i);
/* One user buffer: -EFAULT outside user space. */
int import_single_range(int direction, void *buf, size_t len,
			struct iovec *iov, struct iov_iter *i);

#endif
