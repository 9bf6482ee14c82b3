// SPDX-License-Identifier: GPL-2.0
/*
 * The console as a character device: /dev/console (5,1), /dev/tty (5,0)
 * and the PL011's /dev/ttyAMA0 (204,64) all reach the one serial line.
 * Reads give a line at a time, echoed, as a terminal in canonical mode;
 * writes go out in chunks of up to TTY_CHUNK bytes, each copied whole
 * before it is written (as Linux's tty_write), so a fault in a chunk
 * writes nothing of it. A C library asking for the terminal's settings
 * gets a canonical, echoing line at 115200 8N1.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

#define TTY_CHUNK	2048		/* what Linux's tty_write copies at a time */
#define LINE_MAX_TTY	1024
#define TCGETS		0x5401
#define TIOCGWINSZ	0x5413

static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	char line[LINE_MAX_TTY];
	long n;
	size_t got;

	(void)file;
	(void)pos;
	n = console_read_line(line, min(iov_iter_count(to), sizeof(line)));
	if (n <= 0)
		return n;
	got = copy_to_iter(line, n, to);
	return got ? (ssize_t)got : -EFAULT;
}

static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	size_t chunk = min(iov_iter_count(from), (size_t)TTY_CHUNK);
	ssize_t written = 0;
	char *buf;

	(void)file;
	(void)pos;
	buf = kmalloc(chunk, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (iov_iter_count(from)) {
		size_t size = min(iov_iter_count(from), chunk);
		struct iov_iter saved = *from;

		if (copy_from_iter(buf, size, from) != size) {
			*from = saved;
			if (!written)
				written = -EFAULT;
			break;
		}
		console_write(buf, size);
		written += size;
	}
	kfree(buf);
	return written;
}

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	(void)file;
	switch (cmd) {
	case TIOCGWINSZ: {
		struct winsize ws = { .ws_row = 24, .ws_col = 80 };

		return copy_to_user((void *)arg, &ws, sizeof(ws)) ? -EFAULT : 0;
	}
	case TCGETS: {
		struct termios t = { .c_iflag = 0x500, .c_oflag = 0x5,
				     .c_cflag = 0x1cb2, .c_lflag = 0x8a3b };

		return copy_to_user((void *)arg, &t, sizeof(t)) ? -EFAULT : 0;
	}
	default:
		return -ENOTTY;
	}
}

static const struct file_operations tty_fops = {
	.llseek = no_llseek,
	.read_iter = tty_read,
	.write_iter = tty_write,
	.unlocked_ioctl = tty_ioctl,
	.open = stream_open,
};

void tty_init(void)
{
	register_chrdev(5, 0, 1, "/dev/tty", &tty_fops);
	register_chrdev(5, 1, 1, "/dev/console", &tty_fops);
	register_chrdev(204, 64, 1, "ttyAMA", &tty_fops);
	devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(5, 0));
	devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(5, 1));
	devtmpfs_create_node("ttyAMA0", S_IFCHR | 0600, MKDEV(204, 64));
}
