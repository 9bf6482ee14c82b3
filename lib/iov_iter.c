// SPDX-License-Identifier: GPL-2.0
/*
 * Iterating over the buffers of a transfer (see <linux/uio.h>). User
 * segments are copied with copy_to_user/copy_from_user, so a fault
 * stops the copy where it happened and the caller reports what moved;
 * kernel segments are plain memcpy.
 */
#include <linux/errno.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

void iov_iter_init(struct iov_iter *i, unsigned int direction,
		   const struct iovec *iov, unsigned long nr_segs, size_t count)
{
	i->iter_type = ITER_IOVEC;
	i->data_source = direction;
	i->iov = iov;
	i->nr_segs = nr_segs;
	i->iov_offset = 0;
	i->count = count;
}

void iov_iter_kvec(struct iov_iter *i, unsigned int direction,
		   const struct kvec *kvec, unsigned long nr_segs, size_t count)
{
	iov_iter_init(i, direction, (const struct iovec *)kvec, nr_segs, count);
	i->iter_type = ITER_KVEC;
}

void iov_iter_advance(struct iov_iter *i, size_t bytes)
{
	bytes = min(bytes, i->count);
	i->count -= bytes;
	while (bytes) {
		size_t n = min(bytes, i->iov->iov_len - i->iov_offset);

		i->iov_offset += n;
		bytes -= n;
		if (i->iov_offset == i->iov->iov_len) {
			i->iov++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
	}
}

/* Moves up to @bytes between @kbuf and the iterator, one segment at a time. */
static size_t iterate(void *kbuf, size_t bytes, struct iov_iter *i, bool to_iter)
{
	size_t done = 0;

	bytes = min(bytes, i->count);
	while (done < bytes) {
		char *seg;
		size_t n, left = 0;

		while (i->iov_offset == i->iov->iov_len) {
			i->iov++;
			i->nr_segs--;
			i->iov_offset = 0;
		}
		seg = (char *)i->iov->iov_base + i->iov_offset;
		n = min(bytes - done, i->iov->iov_len - i->iov_offset);
		if (i->iter_type == ITER_KVEC) {
			if (to_iter)
				memcpy(seg, (char *)kbuf + done, n);
			else
				memcpy((char *)kbuf + done, seg, n);
		} else if (to_iter) {
			left = copy_to_user(seg, (char *)kbuf + done, n);
		} else {
			left = copy_from_user((char *)kbuf + done, seg, n);
		}
		iov_iter_advance(i, n - left);
		done += n - left;
		if (left)
			break;
	}
	return done;
}

size_t copy_to_iter(const void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate((void *)addr, bytes, i, true);
}

size_t copy_from_iter(void *addr, size_t bytes, struct iov_iter *i)
{
	return iterate(addr, bytes, i, false);
}

size_t copy_page_to_iter(struct page *page, size_t offset, size_t bytes,
			 struct iov_iter *i)
{
	char *kaddr = kmap_local_page(page);
	size_t n = copy_to_iter(kaddr + offset, bytes, i);

	kunmap_local(kaddr);
	return n;
}

size_t copy_page_from_iter(struct page *page, size_t offset, size_t bytes,
			   struct iov_iter *i)
{
	char *kaddr = kmap_local_page(page);
	size_t n = copy_from_iter(kaddr + offset, bytes, i);

	kunmap_local(kaddr);
	return n;
}

size_t iov_iter_zero(size_t bytes, struct iov_iter *i)
{
	static const char zeroes[256];
	size_t done = 0;

	while (done < bytes && i->count) {
		size_t n = copy_to_iter(zeroes, min(bytes - done, sizeof(zeroes)), i);

		done += n;
		if (!n)
			break;
	}
	return done;
}

ssize_t import_iovec(int direction, const struct iovec *uvec, unsigned long nr,
		     struct iovec **iovp, struct iov_iter *i)
{
	struct iovec *iov;
	size_t total = 0;
	unsigned long k;

	*iovp = NULL;
	if (nr > UIO_MAXIOV)
		return -EINVAL;
	iov = kcalloc(nr ? nr : 1, sizeof(*iov), GFP_KERNEL);
	if (!iov)
		return -ENOMEM;
	if (copy_from_user(iov, uvec, nr * sizeof(*iov))) {
		kfree(iov);
		return -EFAULT;
	}
	for (k = 0; k < nr; k++) {
		if ((ssize_t)iov[k].iov_len < 0) {
			kfree(iov);
			return -EINVAL;
		}
	}
	for (k = 0; k < nr; k++) {
		if (!access_ok(iov[k].iov_base, iov[k].iov_len)) {
			kfree(iov);
			return -EFAULT;
		}
		iov[k].iov_len = min(iov[k].iov_len, MAX_RW_COUNT - total);
		total += iov[k].iov_len;
	}
	iov_iter_init(i, direction, iov, nr, total);
	*iovp = iov;
	return total;
}

int import_single_range(int direction, void *buf, size_t len,
			struct iovec *iov, struct iov_iter *i)
{
	len = min(len, MAX_RW_COUNT);
	if (!access_ok(buf, len))
		return -EFAULT;
	iov->iov_base = buf;
	iov->iov_len = len;
	iov_iter_init(i, direction, iov, 1, len);
	return 0;
}
