/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Terminals, as Linux's tty layer: a tty_struct per serial line holds its
 * termios, window size, the session it is the controlling terminal of
 * and that session's foreground process group, and the N_TTY line
 * discipline's state (drivers/tty/n_tty.c): the 4 KiB read buffer, the
 * line being edited, the output column. The driver (the PL011) hands
 * received bytes to n_tty_receive_buf() from its interrupt and writes
 * what the line discipline sends out; drivers/tty/tty_io.c gives the
 * tty to user space as /dev/console, /dev/tty and /dev/ttyAMA0;
 * drivers/tty/tty_jobctrl.c holds the job-control rules.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>
#include <linux/wait.h>
#include <linux/termios.h>

struct file;
struct task_struct;
struct tty_struct;

/*
 * The kernel's termios is Linux ARM's struct termios2: the struct
 * termios TCGETS/TCSETS pass (no speeds after c_cc), then the speeds in
 * baud, which TCGETS2/TCSETS2 pass too, kept as c_cflag's bits say.
 */
struct ktermios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
	u32 c_ispeed, c_ospeed;
};

#define TERMIOS_SIZE	offsetof(struct ktermios, c_ispeed)	/* struct termios */

_Static_assert(TERMIOS_SIZE == sizeof(struct termios) &&
	       sizeof(struct ktermios) == sizeof(struct termios2), "ktermios is termios2");

#define N_TTY_BUF_SIZE	4096	/* a power of two */

/*
 * N_TTY's state. The read buffer is a ring indexed by free-running
 * counters: bytes from read_tail to canon_head are complete lines (in
 * canonical mode; each line's last byte marked in line_end), from
 * canon_head to read_head the line being edited. In raw mode every byte
 * up to read_head can be read. An EOF character is stored as a NUL that
 * ends its line and is never read.
 */
struct n_tty_data {
	unsigned char read_buf[N_TTY_BUF_SIZE];
	unsigned long line_end[N_TTY_BUF_SIZE / (8 * sizeof(unsigned long))];
	unsigned int read_head, read_tail, canon_head;
	unsigned int column;		/* of the output, for erasing tabs */
	unsigned int canon_column;	/* where the line being edited began */
	bool icanon;			/* the mode the buffer is kept in */
	bool lnext;			/* the next byte is taken literally */
};

struct tty_operations {
	/* Sends @n bytes out as they are (the line discipline did the processing). */
	void (*write)(struct tty_struct *tty, const unsigned char *buf, size_t n);
	/* Room was made in the read buffer (by a reader, not from input): hand over what waits in the driver. */
	void (*unthrottle)(struct tty_struct *tty);
};

struct tty_struct {
	const char *name;
	u32 dev;			/* its device number, a dev_t (ttyAMA0: 204,64) */
	const struct tty_operations *ops;
	void *driver_data;
	struct ktermios termios;
	struct winsize winsize;
	int session;			/* of which it is the controlling tty; 0: none */
	int pgrp;			/* that session's foreground process group */
	bool stopped;			/* output stopped (STOP character, TCOOFF) */
	bool polled;			/* input arrives only when unthrottle polls it */
	unsigned long intr_count;	/* signal characters taken, for the kernel shell */
	u64 hangups;			/* so far: a file opened before the last is hung up */
	struct wait_queue_head read_wait, write_wait;
	struct n_tty_data ldata;
};

#define L_FLAG(tty, f)	((tty)->termios.c_lflag & (f))
#define I_FLAG(tty, f)	((tty)->termios.c_iflag & (f))
#define O_FLAG(tty, f)	((tty)->termios.c_oflag & (f))

/* ---- drivers/tty/n_tty.c: the line discipline (no sleeping: callers wait) ---- */
extern const struct ktermios tty_std_termios;
void n_tty_open(struct tty_struct *tty);
/* Takes up to @n received bytes; returns how many (fewer when the buffer is full). */
size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *buf, size_t n);
/* What a driver reports with a received byte (Linux's flag buffer values). */
#define TTY_NORMAL	0
#define TTY_BREAK	1
/*
 * A BREAK condition on the line: ignored with IGNBRK; with BRKINT, SIGINT
 * to the foreground group and the input flushed (unless NOFLSH); else a
 * NUL byte is read. False when the buffer has no room for that byte.
 */
bool n_tty_receive_break(struct tty_struct *tty);
/* The termios changed from @old: a switch of ICANON re-reads the buffer. */
void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old);
/* Whether a read (or, @poll, poll's EPOLLIN: VMIN bytes when VTIME is 0) has input. */
bool n_tty_input_available(struct tty_struct *tty, bool poll);
/*
 * Moves readable input to @buf (up to @n bytes): in canonical mode up to
 * the end of one line, whose EOF character is dropped (*@eof set when
 * that was all: the read returns 0); in raw mode what is there.
 */
size_t n_tty_copy(struct tty_struct *tty, unsigned char *buf, size_t n, bool *eof);
/* FIONREAD: bytes a read could take (canonical: of complete lines). */
unsigned int n_tty_inq(struct tty_struct *tty);
void n_tty_flush_input(struct tty_struct *tty);
/* Writes @n bytes with the output processing termios asks for (OPOST...). */
void n_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t n);

/* ---- drivers/tty/tty_jobctrl.c ---- */
/* Whether the caller may use @tty now (@sig: SIGTTIN to read, SIGTTOU else): 0 or -errno. */
int tty_check_change(struct tty_struct *tty, int sig);
/* The caller, a session leader without a terminal, takes @tty as its own. */
void proc_set_tty(struct tty_struct *tty);
/*
 * A session leader gives its terminal up (at exit, or TIOCNOTTY): SIGHUP
 * to the foreground; at exit the tty is hung up too (tty_vhangup).
 */
void disassociate_ctty(bool on_exit);
long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg);

/* ---- drivers/tty/tty_io.c ---- */
void tty_init(void);
/* A driver's line, ready for input (the console's: /dev/console, /dev/ttyAMA0). */
void tty_register_console(struct tty_struct *tty, const char *name,
			  const struct tty_operations *ops, void *driver_data);
struct tty_struct *tty_console(void);
/* The kernel shell: a byte from @tty, waiting for it (the shell takes no signals). */
int tty_getc(struct tty_struct *tty);
/* The kernel shell's sleep: until @deadline, or -EINTR when a signal character is typed. */
int tty_sleep_until(struct tty_struct *tty, u64 deadline);
void tty_set_termios(struct tty_struct *tty, const struct ktermios *t);
/*
 * Hangs up the files open on @tty but through /dev/console: their reads
 * return 0, their writes and ioctls EIO (TIOCSPGRP ENOTTY), as Linux's
 * hung_up_tty_fops; pending input goes. Opening the tty again gives a
 * working file.
 */
void tty_vhangup(struct tty_struct *tty);

#endif
