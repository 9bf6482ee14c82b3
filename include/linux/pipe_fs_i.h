/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pipes and FIFOs (fs/pipe.c). A pipe is a ring of PIPE_DEF_BUFFERS
 * slots, each a page holding len bytes from offset: head is where the
 * next buffer goes, tail the next one to read; both only grow (they are
 * taken modulo the ring size), so head - tail is the slots in use and
 * the ring is empty when they are equal, full when the difference
 * reaches max_usage. Readers sleep on rd_wait, writers on wr_wait.
 *
 * An anonymous pipe (pipe, pipe2) lives on an inode of pipefs, an
 * internal filesystem; a FIFO's pipe hangs on its own inode's i_pipe
 * while any file has it open, and goes when the last one closes.
 */
#ifndef _LINUX_PIPE_FS_I_H
#define _LINUX_PIPE_FS_I_H

#include <linux/fs.h>
#include <linux/wait.h>

#define PIPE_DEF_BUFFERS	16
#define PIPE_BUF		4096	/* writes up to this are never split */

#define PIPE_BUF_FLAG_CAN_MERGE	0x1	/* later writes may append to it */
#define PIPE_BUF_FLAG_PACKET	0x2	/* a whole write, read back on its own */

struct pipe_buffer {
	struct page *page;
	unsigned int offset, len;
	unsigned int flags;
};

struct pipe_inode_info {
	unsigned int head, tail;
	unsigned int max_usage;		/* slots that may be filled */
	unsigned int ring_size;		/* slots in bufs, a power of two */
	unsigned int readers, writers;	/* open files reading, writing it */
	unsigned int files;		/* open files using it at all */
	unsigned int r_counter, w_counter; /* opens of each end so far (FIFO waits) */
	struct page *tmp_page;		/* a spare page for the next write */
	struct wait_queue_head rd_wait, wr_wait;
	struct pipe_buffer *bufs;
};

static inline unsigned int pipe_occupancy(unsigned int head, unsigned int tail)
{
	return head - tail;
}

static inline bool pipe_empty(unsigned int head, unsigned int tail)
{
	return head == tail;
}

static inline bool pipe_full(unsigned int head, unsigned int tail, unsigned int limit)
{
	return pipe_occupancy(head, tail) >= limit;
}

/* What an S_IFIFO inode opens with (init_special_inode sets it). */
extern const struct file_operations pipefifo_fops;

/* The two files of a new pipe, read end first: 0 or -ENFILE/-ENOMEM. */
int create_pipe_files(struct file **res, int flags);
/* The pipe behind @file if it is one (pipe or FIFO), else NULL. */
struct pipe_inode_info *get_pipe_info(struct file *file);
/* fcntl's F_SETPIPE_SZ and F_GETPIPE_SZ: the capacity in bytes, or -errno. */
long pipe_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
/* Makes pipefs (at boot, before any pipe is made). */
void pipe_init(void);

#endif
