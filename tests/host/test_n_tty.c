// SPDX-License-Identifier: GPL-2.0
/*
 * The N_TTY line discipline on the host, under ASan and UBSan: bytes go
 * in as a driver's interrupt hands them over, come out as a reader takes
 * them, and what the terminal is sent (echo, output processing) is
 * captured. Canonical editing, signal characters, raw reads and their
 * VMIN/VTIME readiness, mode switches with input pending, a full buffer,
 * BREAK conditions.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>

static char out[8192];
static size_t out_len;
static int last_sig, last_pgrp, wakeups;

static void capture(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	(void)tty;
	if (out_len + n < sizeof(out)) {
		memcpy(out + out_len, buf, n);
		out_len += n;
		out[out_len] = '\0';
	}
}

static const struct tty_operations capture_ops = { .write = capture };

/* What the line discipline calls in the kernel. */
int kill_pgrp(int pgrp, int sig)
{
	last_pgrp = pgrp;
	last_sig = sig;
	return 0;
}

void wake_up(struct wait_queue_head *wq)
{
	(void)wq;
	wakeups++;
}

static struct tty_struct tty;

static void setup(unsigned int lflag, unsigned int iflag)
{
	memset(&tty, 0, sizeof(tty));
	tty.ops = &capture_ops;
	tty.termios = tty_std_termios;
	tty.termios.c_lflag = lflag;
	tty.termios.c_iflag = iflag;
	n_tty_open(&tty);
	out_len = 0;
	out[0] = '\0';
	last_sig = last_pgrp = 0;
}

static size_t type(const char *s)
{
	return n_tty_receive_buf(&tty, (const unsigned char *)s, strlen(s));
}

/* One read's worth, as a string ("<EOF>" for an end of file). */
static const char *take(size_t max)
{
	static char buf[N_TTY_BUF_SIZE + 1];
	bool eof;
	size_t n = n_tty_copy(&tty, (unsigned char *)buf, max, &eof);

	buf[n] = '\0';
	return eof ? "<EOF>" : buf;
}

#define CANON	(ISIG | ICANON | IEXTEN)
#define ECHOS	(ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE)

static void canonical_lines(struct ktest *t)
{
	setup(CANON, ICRNL);
	type("hello");
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, false));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 0);
	type("\rworld\n");
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, false));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 12);
	KT_EXPECT_STREQ(t, take(100), "hello\n");
	KT_EXPECT_STREQ(t, take(3), "wor");
	KT_EXPECT_STREQ(t, take(100), "ld\n");
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, false));
}

static void canonical_editing(struct ktest *t)
{
	setup(CANON, ICRNL);
	type("abc\x7f" "d\n");
	KT_EXPECT_STREQ(t, take(100), "abd\n");
	type("\x7f\x7fz\n");
	KT_EXPECT_STREQ(t, take(100), "z\n");
	type("one two  \x17three\n");
	KT_EXPECT_STREQ(t, take(100), "one three\n");
	type("junk\x15ok\n");
	KT_EXPECT_STREQ(t, take(100), "ok\n");
	type("\x16\x7f\x16\x15\n");
	KT_EXPECT_STREQ(t, take(100), "\x7f\x15\n");
	type("a;b\n");
	KT_EXPECT_STREQ(t, take(100), "a;b\n");
	tty.termios.c_cc[VEOL] = ';';
	type("a;b\n");
	KT_EXPECT_STREQ(t, take(100), "a;");
	KT_EXPECT_STREQ(t, take(100), "b\n");
	/* without IEXTEN, WERASE and LNEXT are plain bytes */
	tty.termios.c_lflag = ISIG | ICANON;
	type("a\x16" "b\x17\n");
	KT_EXPECT_STREQ(t, take(100), "a\x16" "b\x17\n");
}

static void canonical_eof(struct ktest *t)
{
	setup(CANON, ICRNL);
	type("part\x04");
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 4);
	KT_EXPECT_STREQ(t, take(100), "part");
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, false));
	type("\x04");
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, false));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 0);
	KT_EXPECT_STREQ(t, take(100), "<EOF>");
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, false));
}

static void input_translation(struct ktest *t)
{
	setup(CANON, ICRNL | INLCR);
	type("x\n\r");
	KT_EXPECT_STREQ(t, take(100), "x\r\n");
	setup(CANON, ICRNL | IGNCR);
	type("a\rb\n");
	KT_EXPECT_STREQ(t, take(100), "ab\n");
	setup(CANON, 0);
	type("a\rb\n");
	KT_EXPECT_STREQ(t, take(100), "a\rb\n");
}

static void signal_chars(struct ktest *t)
{
	setup(CANON | ECHOS, ICRNL);
	tty.pgrp = 42;
	type("abc\x03");
	KT_EXPECT_EQ(t, last_sig, SIGINT);
	KT_EXPECT_EQ(t, last_pgrp, 42);
	KT_EXPECT_EQ(t, tty.intr_count, 1);
	KT_EXPECT_STREQ(t, out, "abc^C");
	type("d\n");
	KT_EXPECT_STREQ(t, take(100), "d\n");	/* the input before ^C is gone */
	type("\x1c");
	KT_EXPECT_EQ(t, last_sig, SIGQUIT);
	type("\x1a");
	KT_EXPECT_EQ(t, last_sig, SIGTSTP);
	/* NOFLSH keeps the input */
	tty.termios.c_lflag |= NOFLSH;
	type("abc\x03" "d\n");
	KT_EXPECT_STREQ(t, take(100), "abcd\n");
	/* no ISIG: plain bytes, no signal */
	last_sig = 0;
	tty.termios.c_lflag &= ~ISIG;
	type("\x03\n");
	KT_EXPECT_EQ(t, last_sig, 0);
	KT_EXPECT_STREQ(t, take(100), "\x03\n");
}

static void echo_output(struct ktest *t)
{
	setup(CANON | ECHOS, ICRNL);
	type("ab\x7f\r");
	/* erased with backspace-space-backspace; Enter echoed as CR LF (ONLCR) */
	KT_EXPECT_STREQ(t, out, "ab\b \b\r\n");
	out_len = 0;
	type("\x01\x7f");
	KT_EXPECT_STREQ(t, out, "^A\b \b\b \b");
	out_len = 0;
	type("x\ty\x7f\x7f");
	/* the tab took 7 columns after x */
	KT_EXPECT_STREQ(t, out, "x\ty\b \b\b\b\b\b\b\b\b");
	out_len = 0;
	type("q\x15");
	KT_EXPECT_STREQ(t, out, "q\b \b\b \b");
	/* ECHOK without ECHOKE: the kill character and a newline */
	setup(CANON | ECHO | ECHOK, ICRNL);
	type("ab\x15");
	KT_EXPECT_STREQ(t, out, "ab\x15\r\n");
	/* ECHONL alone: only newlines */
	setup(CANON | ECHONL, ICRNL);
	type("secret\n");
	KT_EXPECT_STREQ(t, out, "\r\n");
	/* writes: ONLCR, and raw without OPOST */
	setup(CANON, ICRNL);
	n_tty_write(&tty, (const unsigned char *)"a\nb", 3);
	KT_EXPECT_STREQ(t, out, "a\r\nb");
	tty.termios.c_oflag = 0;
	out_len = 0;
	n_tty_write(&tty, (const unsigned char *)"a\nb", 3);
	KT_EXPECT_STREQ(t, out, "a\nb");
	tty.termios.c_oflag = OPOST | ONLCR | XTABS;
	tty.ldata.column = 0;
	out_len = 0;
	n_tty_write(&tty, (const unsigned char *)"ab\tc", 4);
	KT_EXPECT_STREQ(t, out, "ab      c");
}

static void raw_reads(struct ktest *t)
{
	setup(ISIG, ICRNL);
	tty.termios.c_cc[VMIN] = 3;
	tty.termios.c_cc[VTIME] = 0;
	n_tty_set_termios(&tty, &tty_std_termios);
	type("ab");
	/* a read wakes for any byte; poll waits for VMIN of them */
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, false));
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, true));
	type("\r");
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, true));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 3);
	KT_EXPECT_STREQ(t, take(2), "ab");
	KT_EXPECT_STREQ(t, take(100), "\n");
	/* with VTIME, poll is ready at one byte */
	tty.termios.c_cc[VTIME] = 1;
	type("z");
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, true));
	/* erase and newline are plain bytes */
	type("\x7f\n");
	KT_EXPECT_STREQ(t, take(100), "z\x7f\n");
}

static void mode_switches(struct ktest *t)
{
	struct ktermios old;

	setup(CANON, ICRNL);
	type("abc");
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 0);
	old = tty.termios;
	tty.termios.c_lflag = ISIG;
	n_tty_set_termios(&tty, &old);
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 3);
	old = tty.termios;
	tty.termios.c_lflag = CANON;
	n_tty_set_termios(&tty, &old);
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 3);
	KT_EXPECT_STREQ(t, take(100), "abc");
	/* a flush empties both */
	type("x\ny");
	n_tty_flush_input(&tty);
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 0);
	KT_EXPECT_FALSE(t, n_tty_input_available(&tty, false));
}

static void buffer_full(struct ktest *t)
{
	static char big[5001];
	size_t n;

	/* raw: 4095 bytes are taken, the rest stays with the driver */
	setup(ISIG, 0);
	memset(big, 'r', 5000);
	n = n_tty_receive_buf(&tty, (const unsigned char *)big, 5000);
	KT_EXPECT_EQ(t, n, N_TTY_BUF_SIZE - 1);
	KT_EXPECT_EQ(t, n_tty_inq(&tty), N_TTY_BUF_SIZE - 1);
	KT_EXPECT_EQ(t, strlen(take(1000)), 1000);
	n = n_tty_receive_buf(&tty, (const unsigned char *)big + n, 5000 - n);
	KT_EXPECT_EQ(t, n, 5000 - (N_TTY_BUF_SIZE - 1));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 4000);

	/* canonical: a line alone in the buffer can still end */
	setup(CANON, ICRNL);
	memset(big, 'a', 4500);
	big[4500] = '\n';
	big[4501] = '\0';
	KT_EXPECT_EQ(t, type(big), 4501);
	KT_EXPECT_EQ(t, n_tty_inq(&tty), N_TTY_BUF_SIZE);
	n = strlen(take(N_TTY_BUF_SIZE));
	KT_EXPECT_EQ(t, n, N_TTY_BUF_SIZE);
	/* complete lines fill it: no more is taken until they are read */
	setup(CANON, ICRNL);
	memset(big, 'b', 4000);
	big[4000] = '\n';
	big[4001] = '\0';
	KT_EXPECT_EQ(t, type(big), 4001);
	memset(big, 'c', 200);
	big[200] = '\n';
	big[201] = '\0';
	n = type(big);
	KT_EXPECT_EQ(t, n, N_TTY_BUF_SIZE - 1 - 4001);
	KT_EXPECT_EQ(t, strlen(take(N_TTY_BUF_SIZE)), 4001);
	KT_EXPECT_EQ(t, type(big + n), 201 - n);
	KT_EXPECT_EQ(t, strlen(take(N_TTY_BUF_SIZE)), 201);
}

static void flow_control(struct ktest *t)
{
	setup(CANON, ICRNL | IXON);
	type("\x13");
	KT_EXPECT_TRUE(t, tty.stopped);
	type("a");
	KT_EXPECT_TRUE(t, tty.stopped);
	type("\x11");
	KT_EXPECT_FALSE(t, tty.stopped);
	tty.termios.c_iflag |= IXANY;
	type("\x13x");
	KT_EXPECT_FALSE(t, tty.stopped);
	type("\n");
	KT_EXPECT_STREQ(t, take(100), "ax\n");
}

/* A BREAK: IGNBRK drops it, BRKINT makes it a ^C without the echo, else a NUL is read. */
static void break_conditions(struct ktest *t)
{
	setup(CANON | ECHOS, ICRNL | BRKINT);
	tty.pgrp = 9;
	type("abc");
	KT_EXPECT_TRUE(t, n_tty_receive_break(&tty));
	KT_EXPECT_EQ(t, last_sig, SIGINT);
	KT_EXPECT_EQ(t, last_pgrp, 9);
	KT_EXPECT_EQ(t, tty.intr_count, 1);
	KT_EXPECT_STREQ(t, out, "abc");
	type("d\n");
	KT_EXPECT_STREQ(t, take(100), "d\n");	/* flushed */
	/* IGNBRK wins over BRKINT */
	setup(CANON, ICRNL | BRKINT | IGNBRK);
	type("x");
	KT_EXPECT_TRUE(t, n_tty_receive_break(&tty));
	KT_EXPECT_EQ(t, last_sig, 0);
	type("\n");
	KT_EXPECT_STREQ(t, take(100), "x\n");
	/* neither: a NUL, in the line or as raw input */
	setup(CANON | ECHOS, ICRNL);
	type("x");
	KT_EXPECT_TRUE(t, n_tty_receive_break(&tty));
	type("y\n");
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 4);
	KT_EXPECT_EQ(t, memcmp(take(100), "x\0y\n", 4), 0);
	KT_EXPECT_STREQ(t, out, "xy\r\n");
	setup(0, 0);
	KT_EXPECT_TRUE(t, n_tty_receive_break(&tty));
	KT_EXPECT_TRUE(t, n_tty_input_available(&tty, false));
	KT_EXPECT_EQ(t, n_tty_inq(&tty), 1);
	/* a full raw buffer has no room for the NUL: the driver keeps the break */
	setup(0, 0);
	while (n_tty_inq(&tty) < N_TTY_BUF_SIZE - 1)
		type("f");
	KT_EXPECT_FALSE(t, n_tty_receive_break(&tty));
}

static const struct ktest_case n_tty_cases[] = {
	KTEST_CASE(canonical_lines),
	KTEST_CASE(canonical_editing),
	KTEST_CASE(canonical_eof),
	KTEST_CASE(input_translation),
	KTEST_CASE(signal_chars),
	KTEST_CASE(echo_output),
	KTEST_CASE(raw_reads),
	KTEST_CASE(mode_switches),
	KTEST_CASE(buffer_full),
	KTEST_CASE(flow_control),
	KTEST_CASE(break_conditions),
	{}
};

static struct ktest_suite n_tty_suite = {
	.name = "n_tty",
	.cases = n_tty_cases,
};
ktest_register_suite(n_tty_suite);
