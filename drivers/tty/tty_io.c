// SPDX-License-Identifier: GPL-2.0
/*
 * The tty character devices: /dev/console (5,1), /dev/tty (5,0: the
 * caller's controlling terminal, ENXIO without one) and /dev/ttyAMA0
 * (204,64) all reach the serial line's tty_struct. Reads and writes go
 * through N_TTY (drivers/tty/n_tty.c): here they wait for input (a line
 * in canonical mode; VMIN bytes or VTIME in raw mode), for output to be
 * started again (IXON), and obey job control (tty_jobctrl.c), except
 * through /dev/console, which Linux exempts as a redirection. The
 * termios ioctls (termios2's with the speeds too), FIONREAD, TIOCSTI,
 * flushes and window size are here.
 * A file keeps in f_version the tty's hangup count when it was opened:
 * once the tty is hung up again it behaves as Linux's hung_up_tty_fops.
 *
 * Input is taken by the driver's interrupt; whoever looks at the line
 * discipline's buffer from a task masks interrupts while doing so.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <asm/irqflags.h>

#define TTY_CHUNK	2048		/* what Linux's tty_write copies at a time */
#define POLL_PERIOD_NS	(10 * NSEC_PER_MSEC)	/* input without an interrupt */

static struct tty_struct *console_tty;
static const struct file_operations console_fops;

struct tty_struct *tty_console(void)
{
	return console_tty;
}

/* The speeds the Bnnn values stand for: B0..B38400, then CBAUDEX | 1.. */
static const u32 baud_table[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200,
	38400, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000,
	1500000, 2000000, 2500000, 3000000, 3500000, 4000000,
};

/* The speed of CBAUD bits @cbaud; BOTHER's is @exact. */
static u32 cbaud_speed(u32 cbaud, u32 exact)
{
	if (cbaud == BOTHER)
		return exact;
	if (cbaud & CBAUDEX) {
		cbaud &= ~CBAUDEX;
		/* one past the table counts as its low bits alone, as on Linux */
		if (cbaud + 15 < ARRAY_SIZE(baud_table))
			cbaud += 15;
	}
	return baud_table[cbaud];
}

/*
 * Loads the speeds from c_cflag's bits (Linux's tty_termios_baud_rate
 * and tty_termios_input_baud_rate): with BOTHER they stay as given;
 * input bits B0 mean the output speed. The line has no rate to set:
 * QEMU's UART and the board's take any.
 */
static void termios_set_speeds(struct ktermios *t)
{
	u32 ibits = (t->c_cflag >> IBSHIFT) & CBAUD;

	t->c_ospeed = cbaud_speed(t->c_cflag & CBAUD, t->c_ospeed);
	t->c_ispeed = ibits ? cbaud_speed(ibits, t->c_ispeed) : t->c_ospeed;
}

void tty_register_console(struct tty_struct *tty, const char *name,
			  const struct tty_operations *ops, void *driver_data)
{
	tty->name = name;
	tty->dev = MKDEV(204, 64);	/* the one serial console: ttyAMA0 */
	tty->ops = ops;
	tty->driver_data = driver_data;
	tty->termios = tty_std_termios;
	termios_set_speeds(&tty->termios);
	init_waitqueue_head(&tty->read_wait);
	init_waitqueue_head(&tty->write_wait);
	n_tty_open(tty);
	console_tty = tty;
}

static struct tty_struct *file_tty(struct file *file)
{
	return file->private_data;
}

/* Lets the driver hand over input it held back while the buffer was full. */
static void tty_unthrottle(struct tty_struct *tty)
{
	if (tty->ops->unthrottle)
		tty->ops->unthrottle(tty);
}

static void flush_input(struct tty_struct *tty)
{
	unsigned long flags;

	local_irq_save(flags);
	n_tty_flush_input(tty);
	local_irq_restore(flags);
	tty_unthrottle(tty);
}

static bool input_available(struct tty_struct *tty)
{
	unsigned long flags;
	bool ret;

	local_irq_save(flags);
	ret = n_tty_input_available(tty, false);
	local_irq_restore(flags);
	return ret;
}

/*
 * Sleeps until input may be there, @deadline passes, the tty is hung
 * up or a signal comes (-ERESTARTSYS). A line without an interrupt is
 * polled meanwhile.
 */
static int wait_for_input(struct tty_struct *tty, u64 deadline)
{
	u64 until = deadline, hangups = tty->hangups;
	int err;

	if (tty->polled)
		until = min(deadline, ktime_get_ns() + POLL_PERIOD_NS);
	err = wait_event_interruptible_deadline(tty->read_wait, input_available(tty) ||
						tty->hangups != hangups, until);
	if (tty->polled)
		tty_unthrottle(tty);
	return err == -EINTR ? -ERESTARTSYS : 0;
}

static bool is_console_file(struct file *file)
{
	return file->f_op == &console_fops;
}

/* Whether @file was hung up (Linux's tty_hung_up_p); never through /dev/console. */
static bool tty_hung_up_p(struct file *file)
{
	return !is_console_file(file) && file->f_version != file_tty(file)->hangups;
}

void tty_vhangup(struct tty_struct *tty)
{
	tty->hangups++;
	flush_input(tty);
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);
}

/*
 * A read: one line in canonical mode; in raw mode until VMIN bytes came
 * (at once with VMIN 0), or VTIME tenths of a second passed without
 * input (since the read began if VMIN is 0, else since the last byte).
 */
static ssize_t tty_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	size_t count = iov_iter_count(to), copied = 0;
	unsigned int minimum = 1;
	u64 timeout = WAIT_FOREVER, interbyte = 0;
	unsigned char *kbuf;
	ssize_t ret = 0;

	(void)pos;
	if (!L_FLAG(tty, ICANON)) {
		unsigned int vtime = tty->termios.c_cc[VTIME];

		minimum = tty->termios.c_cc[VMIN];
		if (minimum)
			interbyte = vtime * 100 * NSEC_PER_MSEC;
		else
			timeout = ktime_get_ns() + vtime * 100 * NSEC_PER_MSEC;
		minimum = max(minimum, 1U);
	}
	kbuf = kmalloc(min(count, (size_t)N_TTY_BUF_SIZE), GFP_KERNEL);
	if (!kbuf)
		return -ENOMEM;
	for (;;) {
		unsigned long flags;
		size_t n;
		bool eof;

		if (tty_hung_up_p(file))
			break;
		if (!is_console_file(file)) {
			ret = tty_check_change(tty, SIGTTIN);
			if (ret)
				break;
		}
		local_irq_save(flags);
		if (n_tty_input_available(tty, false)) {
			n = n_tty_copy(tty, kbuf, min(count - copied, (size_t)N_TTY_BUF_SIZE), &eof);
			local_irq_restore(flags);
			tty_unthrottle(tty);
			if (copy_to_iter(kbuf, n, to) != n) {
				ret = -EFAULT;
				break;
			}
			copied += n;
			if (L_FLAG(tty, ICANON) || eof || copied >= minimum || copied == count)
				break;
			if (interbyte)
				timeout = ktime_get_ns() + interbyte;
			continue;
		}
		local_irq_restore(flags);
		if (ktime_get_ns() >= timeout)
			break;
		if (file->f_flags & O_NONBLOCK) {
			ret = -EAGAIN;
			break;
		}
		ret = wait_for_input(tty, timeout);
		if (ret)
			break;
	}
	kfree(kbuf);
	return copied ? (ssize_t)copied : ret;
}

/* Waits while output is stopped (IXON's STOP, TCOOFF): 0, or -ERESTARTSYS. */
static int wait_for_start(struct tty_struct *tty)
{
	int err = wait_event_interruptible(tty->write_wait, !tty->stopped);

	return err ? -ERESTARTSYS : 0;
}

/*
 * A write: with TOSTOP only from the foreground; in chunks of up to
 * TTY_CHUNK bytes, each copied whole before it is written (a fault
 * writes nothing of its chunk), through N_TTY's output processing.
 */
static ssize_t tty_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct tty_struct *tty = file_tty(file);
	size_t chunk = min(iov_iter_count(from), (size_t)TTY_CHUNK);
	ssize_t written = 0, ret = 0;
	char *buf;

	(void)pos;
	if (tty_hung_up_p(file))
		return -EIO;
	if (L_FLAG(tty, TOSTOP) && !is_console_file(file)) {
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
	}
	if (!chunk)
		return 0;
	buf = kmalloc(chunk, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	while (iov_iter_count(from)) {
		size_t size = min(iov_iter_count(from), chunk);
		struct iov_iter saved = *from;

		if (copy_from_iter(buf, size, from) != size) {
			*from = saved;
			ret = -EFAULT;
			break;
		}
		ret = wait_for_start(tty);
		if (ret) {
			*from = saved;
			break;
		}
		n_tty_write(tty, (unsigned char *)buf, size);
		written += size;
	}
	kfree(buf);
	return written ? written : ret;
}

static __poll_t tty_poll(struct file *file, poll_table *wait)
{
	struct tty_struct *tty = file_tty(file);
	__poll_t mask = 0;
	unsigned long flags;

	if (tty_hung_up_p(file))
		return EPOLLIN | EPOLLOUT | EPOLLERR | EPOLLHUP | EPOLLRDNORM | EPOLLWRNORM;
	poll_wait(file, &tty->read_wait, wait);
	poll_wait(file, &tty->write_wait, wait);
	if (tty->polled)
		tty_unthrottle(tty);
	local_irq_save(flags);
	if (n_tty_input_available(tty, true))
		mask |= EPOLLIN | EPOLLRDNORM;
	local_irq_restore(flags);
	if (!tty->stopped)
		mask |= EPOLLOUT | EPOLLWRNORM;
	return mask;
}

void tty_set_termios(struct tty_struct *tty, const struct ktermios *t)
{
	struct ktermios old = tty->termios;
	unsigned long flags;

	local_irq_save(flags);
	tty->termios = *t;
	n_tty_set_termios(tty, &old);
	local_irq_restore(flags);
}

/* TCSETS* (a struct termios: the speeds are the tty's) and TCSETS*2 (a termios2). */
static long set_termios(struct tty_struct *tty, unsigned int cmd, void *arg)
{
	struct ktermios t = tty->termios;
	bool termios2 = cmd == TCSETS2 || cmd == TCSETSW2 || cmd == TCSETSF2;
	int ret = tty_check_change(tty, SIGTTOU);

	if (ret)
		return ret;
	if (copy_from_user(&t, arg, termios2 ? sizeof(t) : TERMIOS_SIZE))
		return -EFAULT;
	termios_set_speeds(&t);
	if (cmd == TCSETSF || cmd == TCSETSF2)
		flush_input(tty);
	tty_set_termios(tty, &t);
	return 0;
}

/* TIOCSWINSZ: a new size is the foreground group's SIGWINCH. */
static long set_winsize(struct tty_struct *tty, void *arg)
{
	struct winsize ws;

	if (copy_from_user(&ws, arg, sizeof(ws)))
		return -EFAULT;
	if (!memcmp(&ws, &tty->winsize, sizeof(ws)))
		return 0;
	if (tty->pgrp)
		kill_pgrp(tty->pgrp, SIGWINCH);
	tty->winsize = ws;
	return 0;
}

static long tty_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = file_tty(file);
	void *p = (void *)arg;
	unsigned long flags;
	unsigned int n;
	long ret;
	char c;

	if (tty_hung_up_p(file))
		return cmd == TIOCSPGRP ? -ENOTTY : -EIO;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, TERMIOS_SIZE) ? -EFAULT : 0;
	case TCGETS2:
		return copy_to_user(p, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		return set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return set_winsize(tty, p);
	case FIONREAD:
		local_irq_save(flags);
		n = n_tty_inq(tty);
		local_irq_restore(flags);
		return put_user(n, (unsigned int *)p) ? -EFAULT : 0;
	case TIOCOUTQ:
		return put_user(0, (unsigned int *)p) ? -EFAULT : 0;
	case TIOCSTI:
		/* input as if typed (root may, on any tty) */
		if (get_user(c, (char *)p))
			return -EFAULT;
		local_irq_save(flags);
		n_tty_receive_buf(tty, (unsigned char *)&c, 1);
		local_irq_restore(flags);
		return 0;
	case TCFLSH:
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
		if (arg > TCIOFLUSH)
			return -EINVAL;
		if (arg != TCOFLUSH)
			flush_input(tty);
		return 0;
	case TCXONC:
		ret = tty_check_change(tty, SIGTTOU);
		if (ret)
			return ret;
		switch (arg) {
		case TCOOFF:
			tty->stopped = true;
			return 0;
		case TCOON:
			tty->stopped = false;
			wake_up(&tty->write_wait);
			return 0;
		case TCIOFF:
		case TCION:
			c = tty->termios.c_cc[arg == TCIOFF ? VSTOP : VSTART];
			if (c)
				tty->ops->write(tty, (unsigned char *)&c, 1);
			return 0;
		}
		return -EINVAL;
	case TCSBRK:
	case TCSBRKP:
		/* output is written synchronously: drained already; no break to send */
		return tty_check_change(tty, SIGTTOU);
	case TIOCSBRK:
	case TIOCCBRK:
	case TIOCEXCL:
	case TIOCNXCL:
		return 0;
	case TIOCGETD:
		return put_user(0, (int *)p) ? -EFAULT : 0;	/* N_TTY */
	case TIOCSETD:
		if (get_user(n, (int *)p))
			return -EFAULT;
		return n ? -EINVAL : 0;
	}
	ret = tty_jobctrl_ioctl(tty, file, cmd, arg);
	return ret == -ENOIOCTLCMD ? -ENOTTY : ret;
}

static void tty_file_open(struct inode *inode, struct file *file, struct tty_struct *tty)
{
	stream_open(inode, file);
	file->private_data = tty;
	file->f_version = tty->hangups;
	file->f_flags &= ~O_NOCTTY;	/* asked of the open only, as Linux's f_flags */
}

/* /dev/ttyAMA0: a session leader without a terminal takes it (unless O_NOCTTY). */
static int tty_open(struct inode *inode, struct file *file)
{
	struct task_struct *leader = current->group_leader;
	struct tty_struct *tty = console_tty;

	if (!tty)
		return -ENODEV;
	if (!(file->f_flags & O_NOCTTY) && (file->f_mode & FMODE_READ) &&
	    leader->session_leader && !leader->tty && !tty->session)
		proc_set_tty(tty);
	tty_file_open(inode, file, tty);
	return 0;
}

/* /dev/tty: the caller's controlling terminal. */
static int tty_dev_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = current->group_leader->tty;

	if (!tty)
		return -ENXIO;
	tty_file_open(inode, file, tty);
	return 0;
}

/* /dev/console: the console's tty, never a controlling terminal by opening it. */
static int console_open(struct inode *inode, struct file *file)
{
	if (!console_tty)
		return -ENODEV;
	tty_file_open(inode, file, console_tty);
	return 0;
}

#define TTY_FOPS(open_fn)					\
	{							\
		.llseek = no_llseek,				\
		.read_iter = tty_read,				\
		.write_iter = tty_write,			\
		.poll = tty_poll,				\
		.unlocked_ioctl = tty_ioctl,			\
		.open = open_fn,				\
	}

static const struct file_operations tty_fops = TTY_FOPS(tty_open);
static const struct file_operations tty_dev_fops = TTY_FOPS(tty_dev_open);
static const struct file_operations console_fops = TTY_FOPS(console_open);

/* ---- the kernel shell's side: it has no files and takes no signals ---- */

int tty_getc(struct tty_struct *tty)
{
	for (;;) {
		unsigned long flags;
		unsigned char c;
		bool eof;

		local_irq_save(flags);
		if (n_tty_input_available(tty, false) && n_tty_copy(tty, &c, 1, &eof)) {
			local_irq_restore(flags);
			tty_unthrottle(tty);
			return c;
		}
		local_irq_restore(flags);
		wait_for_input(tty, WAIT_FOREVER);
	}
}

int tty_sleep_until(struct tty_struct *tty, u64 deadline)
{
	unsigned long seen = tty->intr_count;

	wait_event_interruptible_deadline(tty->read_wait, tty->intr_count != seen, deadline);
	return tty->intr_count != seen ? -EINTR : 0;
}

void tty_init(void)
{
	register_chrdev(5, 0, 1, "/dev/tty", &tty_dev_fops);
	register_chrdev(5, 1, 1, "/dev/console", &console_fops);
	register_chrdev(204, 64, 1, "ttyAMA", &tty_fops);
	devtmpfs_create_node("tty", S_IFCHR | 0666, MKDEV(5, 0));
	devtmpfs_create_node("console", S_IFCHR | 0600, MKDEV(5, 1));
	devtmpfs_create_node("ttyAMA0", S_IFCHR | 0600, MKDEV(204, 64));
}
