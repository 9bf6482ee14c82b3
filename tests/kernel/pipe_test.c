// SPDX-License-Identifier: GPL-2.0
/*
 * The pipe ring (fs/pipe.c) seen from inside, through kernel_read and
 * kernel_write on the two files of a non-blocking pipe: which slots a
 * write fills (its tail joins the last page only if it fits whole), the
 * ring's limit of PIPE_DEF_BUFFERS slots, head and tail wrapping round
 * the top of unsigned int, packets (O_DIRECT), EOF once the writer is
 * gone, and poll's answers at each step.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/pipe_fs_i.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>

struct pipe_fixture {
	struct file *files[2];
	char *buf;			/* 2 pages */
};

static struct pipe_inode_info *pipe_of(struct ktest *t)
{
	return ((struct pipe_fixture *)t->priv)->files[0]->private_data;
}

static ssize_t put(struct ktest *t, size_t len)
{
	struct pipe_fixture *fx = t->priv;
	loff_t pos = 0;

	return kernel_write(fx->files[1], fx->buf, len, &pos);
}

static ssize_t get(struct ktest *t, size_t len)
{
	struct pipe_fixture *fx = t->priv;
	loff_t pos = 0;

	return kernel_read(fx->files[0], fx->buf, len, &pos);
}

static unsigned int slot_len(struct pipe_inode_info *pipe, unsigned int i)
{
	return pipe->bufs[i & (pipe->ring_size - 1)].len;
}

static int pipe_test_init(struct ktest *t)
{
	struct pipe_fixture *fx = kzalloc(sizeof(*fx), GFP_KERNEL);

	if (!fx)
		return -ENOMEM;
	fx->buf = kmalloc(2 * PAGE_SIZE, GFP_KERNEL);
	if (!fx->buf || create_pipe_files(fx->files, O_NONBLOCK)) {
		kfree(fx->buf);
		kfree(fx);
		return -ENOMEM;
	}
	t->priv = fx;
	return 0;
}

static void pipe_test_exit(struct ktest *t)
{
	struct pipe_fixture *fx = t->priv;

	if (fx->files[0])
		fput(fx->files[0]);
	if (fx->files[1])
		fput(fx->files[1]);
	kfree(fx->buf);
	kfree(fx);
}

static void small_writes_share_a_page(struct ktest *t)
{
	struct pipe_inode_info *pipe = pipe_of(t);
	int i;

	for (i = 0; i < 5; i++)
		KT_EXPECT_EQ(t, put(t, 1000), 1000);
	/* four fit in the first page; the fifth does not fit whole there */
	KT_EXPECT_EQ(t, pipe_occupancy(pipe->head, pipe->tail), 2);
	KT_EXPECT_EQ(t, slot_len(pipe, pipe->tail), 4000);
	KT_EXPECT_EQ(t, slot_len(pipe, pipe->tail + 1), 1000);
	KT_EXPECT_EQ(t, get(t, 2 * PAGE_SIZE), 5000);
	KT_EXPECT_TRUE(t, pipe_empty(pipe->head, pipe->tail));
}

static void a_write_that_fits_exactly_joins(struct ktest *t)
{
	struct pipe_inode_info *pipe = pipe_of(t);

	KT_EXPECT_EQ(t, put(t, 4000), 4000);
	KT_EXPECT_EQ(t, put(t, 96), 96);
	KT_EXPECT_EQ(t, pipe_occupancy(pipe->head, pipe->tail), 1);
	KT_EXPECT_EQ(t, put(t, 1), 1);
	KT_EXPECT_EQ(t, pipe_occupancy(pipe->head, pipe->tail), 2);
}

static void tail_of_big_write_merges_first(struct ktest *t)
{
	struct pipe_inode_info *pipe = pipe_of(t);

	KT_EXPECT_EQ(t, put(t, 100), 100);
	/* 5000 = one page + 904: the 904 join the 100, then a fresh page */
	KT_EXPECT_EQ(t, put(t, 5000), 5000);
	KT_EXPECT_EQ(t, pipe_occupancy(pipe->head, pipe->tail), 2);
	KT_EXPECT_EQ(t, slot_len(pipe, pipe->tail), 1004);
	KT_EXPECT_EQ(t, slot_len(pipe, pipe->tail + 1), PAGE_SIZE);
}

static void ring_holds_sixteen_pages(struct ktest *t)
{
	struct pipe_inode_info *pipe = pipe_of(t);
	int i;

	for (i = 0; i < PIPE_DEF_BUFFERS; i++)
		KT_EXPECT_EQ(t, put(t, PAGE_SIZE), PAGE_SIZE);
	KT_EXPECT_TRUE(t, pipe_full(pipe->head, pipe->tail, pipe->max_usage));
	KT_EXPECT_EQ(t, put(t, 1), -EAGAIN);
	KT_EXPECT_EQ(t, vfs_poll(((struct pipe_fixture *)t->priv)->files[1], NULL), 0);
	KT_EXPECT_EQ(t, get(t, 10), 10);
	/* a slot is still in use: a whole page does not go in, nor PIPE_BUF */
	KT_EXPECT_EQ(t, put(t, PIPE_BUF), -EAGAIN);
	KT_EXPECT_EQ(t, get(t, PAGE_SIZE - 10), PAGE_SIZE - 10);
	KT_EXPECT_EQ(t, put(t, PIPE_BUF + 1), PIPE_BUF);
}

static void head_and_tail_wrap(struct ktest *t)
{
	struct pipe_inode_info *pipe = pipe_of(t);
	struct pipe_fixture *fx = t->priv;
	unsigned int i;
	int round, bad = 0;

	pipe->head = pipe->tail = ~0U - 5;	/* empty, just below the top */
	for (round = 0; round < 40; round++) {
		for (i = 0; i < 3000; i++)
			fx->buf[i] = (char)(round + i);
		KT_EXPECT_EQ(t, put(t, 3000), 3000);
		memset(fx->buf, 0, 3000);
		KT_EXPECT_EQ(t, get(t, 3000), 3000);
		for (i = 0; i < 3000; i++)
			bad += fx->buf[i] != (char)(round + i);
	}
	KT_EXPECT_EQ(t, bad, 0);
	KT_EXPECT_LT(t, pipe->head, 100);	/* it went round */
	KT_EXPECT_TRUE(t, pipe_empty(pipe->head, pipe->tail));
}

static void poll_follows_the_ring(struct ktest *t)
{
	struct pipe_fixture *fx = t->priv;

	KT_EXPECT_EQ(t, vfs_poll(fx->files[0], NULL), 0);
	KT_EXPECT_EQ(t, vfs_poll(fx->files[1], NULL), EPOLLOUT | EPOLLWRNORM);
	put(t, 1);
	KT_EXPECT_EQ(t, vfs_poll(fx->files[0], NULL), EPOLLIN | EPOLLRDNORM);
	fput(fx->files[1]);
	fx->files[1] = NULL;
	KT_EXPECT_EQ(t, vfs_poll(fx->files[0], NULL), EPOLLIN | EPOLLRDNORM | EPOLLHUP);
	KT_EXPECT_EQ(t, get(t, 10), 1);
	KT_EXPECT_EQ(t, get(t, 10), 0);		/* EOF, not EAGAIN */
	KT_EXPECT_EQ(t, vfs_poll(fx->files[0], NULL), EPOLLHUP);
}

static void packets_are_read_whole(struct ktest *t)
{
	struct pipe_fixture *fx = t->priv;

	fx->files[1]->f_flags |= O_DIRECT;
	KT_EXPECT_EQ(t, put(t, 10), 10);
	KT_EXPECT_EQ(t, put(t, 20), 20);
	KT_EXPECT_EQ(t, pipe_occupancy(pipe_of(t)->head, pipe_of(t)->tail), 2);
	KT_EXPECT_EQ(t, get(t, 100), 10);
	KT_EXPECT_EQ(t, get(t, 5), 5);		/* the other 15 are dropped */
	KT_EXPECT_EQ(t, get(t, 100), -EAGAIN);
}

static const struct ktest_case pipe_cases[] = {
	KTEST_CASE(small_writes_share_a_page),
	KTEST_CASE(a_write_that_fits_exactly_joins),
	KTEST_CASE(tail_of_big_write_merges_first),
	KTEST_CASE(ring_holds_sixteen_pages),
	KTEST_CASE(head_and_tail_wrap),
	KTEST_CASE(poll_follows_the_ring),
	KTEST_CASE(packets_are_read_whole),
	{}
};

static const struct ktest_suite pipe_suite = {
	.name = "pipe",
	.init = pipe_test_init,
	.exit = pipe_test_exit,
	.cases = pipe_cases,
};
ktest_register_suite(pipe_suite);
