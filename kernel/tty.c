// SPDX-License-Identifier: GPL-2.0
/*
 * Console input for tasks: the UART's receive interrupt wakes whoever
 * waits on tty_wait; the shell and the foreground program read through
 * it. Ctrl-C typed while a program runs in the foreground is not input:
 * it sends that program SIGINT. A program's read() gets a line at a
 * time, echoed, with backspace, as a terminal in canonical mode gives.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/tty.h>
#include <linux/wait.h>

#define CTRL_C	0x03
#define DEL	0x7f

static DECLARE_WAIT_QUEUE_HEAD(tty_wait);
static struct task_struct *fg_task;
static bool shell_sleeping;	/* the shell waits in tty_sleep_until */
static bool shell_interrupted;	/* and Ctrl-C was typed meanwhile */

void tty_set_foreground(struct task_struct *t)
{
	fg_task = t;
}

struct task_struct *tty_foreground(void)
{
	return fg_task;
}

/* From the UART's interrupt: input arrived. */
void tty_input_ready(void)
{
	wake_up(&tty_wait);
}

/* From the UART's interrupt, per byte: false if it was a signal, not input. */
bool tty_receive_char(unsigned char c)
{
	if (c == CTRL_C && fg_task) {
		send_signal(fg_task, SIGINT);
		return false;
	}
	if (c == CTRL_C && shell_sleeping) {
		shell_interrupted = true;	/* tty_input_ready() wakes it */
		return false;
	}
	return true;
}

/*
 * The shell's own sleep (a kernel thread takes no signals): until
 * @deadline, or -EINTR as soon as Ctrl-C is typed.
 */
int tty_sleep_until(u64 deadline)
{
	int err;

	shell_interrupted = false;
	shell_sleeping = true;
	err = wait_event_interruptible_deadline(tty_wait, shell_interrupted, deadline);
	shell_sleeping = false;
	return err == -ETIMEDOUT ? 0 : shell_interrupted ? -EINTR : err;
}

/* A byte of input, sleeping until there is one; -EINTR on a signal. */
int tty_getc(void)
{
	int c = -1, err;

	err = wait_event_interruptible(tty_wait, (c = console_getc()) >= 0);
	return err ? err : c;
}

/* A line (or @count bytes) typed at the console, echoed; -EINTR on a signal. */
long console_read_line(char *buf, size_t count)
{
	size_t n = 0;

	while (n < count) {
		int c = tty_getc();

		if (c < 0)
			return n ? (long)n : c;
		if (c == '\r')
			c = '\n';
		if (c == DEL || c == '\b') {
			if (n) {
				n--;
				console_write("\b \b", 3);
			}
			continue;
		}
		buf[n++] = c;
		console_write((char *)&c, 1);
		if (c == '\n')
			break;
	}
	return n;
}
