// SPDX-License-Identifier: GPL-2.0
/*
 * The N_TTY line discipline (drivers/tty/n_tty.c) driven by arbitrary
 * input: the first bytes pick the termios flags and VMIN/VTIME, the rest
 * is a program of operations as the driver and readers make them
 * (bytes received, BREAK conditions, reads of any size, termios and
 * control-character changes, flushes, writes).
 *
 * After every operation the buffer's indices keep their order and its
 * size, a reader gets no more than FIONREAD said, and one operation
 * makes a bounded amount of output. Two models check the bytes
 * themselves, as long as the run stays in the mode they know: raw mode
 * with no input processing gives back exactly the bytes taken, in
 * order; canonical mode with only ERASE, KILL, EOF and newline gives
 * back the lines a simple list of lines predicts, a full buffer
 * included.
 */
#include <string.h>
#include <linux/kernel.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include "fuzz.h"

/*
 * The output one input byte may cause: a reprint of a full buffer, each
 * byte as ^X; a kill of a full line, each byte a tab stepped back over
 * (8 columns at most).
 */
#define OUT_PER_BYTE	(8 * N_TTY_BUF_SIZE + 16)

static struct tty_struct tty;
static size_t out_bytes, out_budget;

/* Claims at once, so that a runaway echo loop is a crash, not a timeout. */
static void count_output(struct tty_struct *t, const unsigned char *buf, size_t n)
{
	(void)t;
	(void)buf;
	out_bytes += n;
	claim(out_bytes <= out_budget);
}

static const struct tty_operations fuzz_ops = { .write = count_output };

int kill_pgrp(int pgrp, int sig)
{
	claim(pgrp == tty.pgrp);
	claim(sig == SIGINT || sig == SIGQUIT || sig == SIGTSTP);
	return 0;
}

void wake_up(struct wait_queue_head *wq)
{
	claim(wq == &tty.read_wait || wq == &tty.write_wait);
}

/* ---- the input program ---- */

static const uint8_t *in;
static size_t in_left;

static unsigned int next(void)
{
	if (!in_left)
		return 0;
	in_left--;
	return *in++;
}

static const unsigned int lflags[] = {
	ISIG, ICANON, ECHO, ECHOE, ECHOK, ECHONL, NOFLSH, ECHOCTL, ECHOKE, IEXTEN,
};
static const unsigned int iflags[] = { ISTRIP, INLCR, IGNCR, ICRNL, IXON, IXANY, IGNBRK, BRKINT };
static const unsigned int oflags[] = { OPOST, OLCUC, ONLCR, OCRNL, ONOCR, ONLRET, XTABS };

static unsigned int pick(const unsigned int *flags, size_t n, unsigned int bits)
{
	unsigned int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (bits & (1u << i))
			v |= flags[i];
	return v;
}

/* ---- the models ---- */

enum model { NONE, RAW, CANON };

/*
 * What a reader will get: for RAW, the bytes in order; for CANON, the
 * complete lines one after another (each line's end in line_end, an
 * EOF line's end marked eof: it takes a byte of the buffer but is never
 * read), then the line being typed.
 */
static struct {
	enum model kind;
	unsigned char q[2 * N_TTY_BUF_SIZE];
	bool line_end[2 * N_TTY_BUF_SIZE], eof[2 * N_TTY_BUF_SIZE];
	size_t head, done;	/* bytes held; of them, complete lines */
} m;

/* The termios the models know: nothing but the editing they mimic. */
static enum model model_for(const struct ktermios *t)
{
	static const u8 std_cc[] = { [VERASE] = 0x7f, [VKILL] = 0x15, [VEOF] = 0x04 };
	unsigned int i;

	if (t->c_iflag & (ISTRIP | INLCR | IGNCR | ICRNL | IXON | BRKINT))
		return NONE;
	if (t->c_lflag & (ISIG | IEXTEN))
		return NONE;
	if (!(t->c_lflag & ICANON))
		return RAW;
	for (i = 0; i < NCCS; i++) {
		u8 want = i < ARRAY_SIZE(std_cc) ? std_cc[i] : 0;

		if (i != VMIN && i != VTIME && t->c_cc[i] != want)
			return NONE;
	}
	return CANON;
}

static void model_drop(size_t n)
{
	memmove(m.q, m.q + n, m.head - n);
	memmove(m.line_end, m.line_end + n, m.head - n);
	memmove(m.eof, m.eof + n, m.head - n);
	m.head -= n;
	m.done -= n;
}

/* One byte offered in canonical mode: false if the buffer refuses it. */
static bool model_canon(unsigned char c)
{
	if (m.head >= N_TTY_BUF_SIZE - 1) {
		if (m.done)
			return false;
		if (m.head == N_TTY_BUF_SIZE)
			m.head--;
	}
	if (c == 0x7f) {
		if (m.head > m.done)
			m.head--;
	} else if (c == 0x15) {
		m.head = m.done;
	} else {
		m.q[m.head] = c == 0x04 ? 0 : c;
		m.eof[m.head] = c == 0x04;
		m.line_end[m.head] = c == 0x04 || c == '\n';
		m.head++;
		if (c == 0x04 || c == '\n')
			m.done = m.head;
	}
	return true;
}

/* A BREAK: nothing with IGNBRK, else a NUL byte that is plain data in either mode. */
static void model_break(bool taken)
{
	if (m.kind == NONE)
		return;
	if (I_FLAG(&tty, IGNBRK)) {
		claim(taken);
		return;
	}
	if (m.head >= N_TTY_BUF_SIZE - 1) {
		if (m.kind == RAW || m.done) {
			claim(!taken);
			return;
		}
		if (m.head == N_TTY_BUF_SIZE)
			m.head--;
	}
	claim(taken);
	m.q[m.head] = 0;
	m.line_end[m.head] = m.eof[m.head] = false;
	m.head++;
	if (m.kind == RAW)
		m.done = m.head;
}

static void model_receive(const unsigned char *buf, size_t offered, size_t taken)
{
	size_t i;

	if (m.kind == RAW) {
		claim(taken == min(offered, N_TTY_BUF_SIZE - 1 - m.head));
		memcpy(m.q + m.head, buf, taken);
		m.head += taken;
		m.done = m.head;
	} else if (m.kind == CANON) {
		for (i = 0; i < offered && model_canon(buf[i]); i++)
			;
		claim(taken == i);
	}
}

static void model_read(const unsigned char *buf, size_t asked, size_t got, bool eof)
{
	size_t i = 0, copied = 0;
	bool at_eof = false;

	if (m.kind == RAW) {
		claim(!eof && got == min(asked, m.head));
		claim(!memcmp(buf, m.q, got));
		model_drop(got);
		return;
	}
	if (m.kind != CANON)
		return;
	/* up to the end of one line; its EOF dropped, an end of file when alone */
	while (copied < asked && i < m.done) {
		bool last = m.line_end[i];

		if (m.eof[i++]) {
			at_eof = !copied;
			break;
		}
		claim(copied < got && buf[copied] == m.q[i - 1]);
		copied++;
		if (last)
			break;
	}
	claim(got == copied && eof == at_eof);
	model_drop(i);
}

/* ---- the invariants ---- */

static void check_state(void)
{
	struct n_tty_data *ld = &tty.ldata;
	unsigned int held = ld->read_head - ld->read_tail;

	claim(held <= N_TTY_BUF_SIZE);
	claim(ld->icanon == !!L_FLAG(&tty, ICANON));
	claim(n_tty_inq(&tty) <= held);
	/* raw mode reads past canon_head: it means something only in canonical mode */
	if (ld->icanon)
		claim(ld->canon_head - ld->read_tail <= held);
	if (m.kind != NONE)
		claim(held == m.head && (!ld->icanon || ld->canon_head - ld->read_tail == m.done));
}

static void do_read(unsigned int asked)
{
	static unsigned char buf[N_TTY_BUF_SIZE + 1];
	unsigned int inq = n_tty_inq(&tty);
	bool avail = n_tty_input_available(&tty, false);
	bool eof;
	size_t got = n_tty_copy(&tty, buf, asked, &eof);

	claim(got <= asked && got <= inq);
	claim(avail || (!got && !eof));
	if (eof)
		claim(!got);
	model_read(buf, asked, got, eof);
}

static void set_termios(const struct ktermios *t)
{
	struct ktermios old = tty.termios;
	enum model was = m.kind;

	tty.termios = *t;
	n_tty_set_termios(&tty, &old);
	/* a model follows only while the mode stays the one it began in */
	if (model_for(t) != was)
		m.kind = NONE;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ktermios t = tty_std_termios;

	in = data;
	in_left = size;
	memset(&tty, 0, sizeof(tty));
	tty.ops = &fuzz_ops;
	tty.pgrp = 7;
	t.c_lflag = pick(lflags, ARRAY_SIZE(lflags), next() | next() << 8);
	t.c_iflag = pick(iflags, ARRAY_SIZE(iflags), next());
	t.c_oflag = pick(oflags, ARRAY_SIZE(oflags), next());
	t.c_cc[VMIN] = next();
	t.c_cc[VTIME] = next();
	tty.termios = t;
	n_tty_open(&tty);
	memset(&m, 0, sizeof(m));
	m.kind = model_for(&t);

	while (in_left) {
		unsigned int op = next(), len = next() + 1;
		const unsigned char *buf = in;
		size_t taken;

		out_bytes = out_budget = 0;

		switch (op % 8) {
		case 0:
		case 1:
		case 2:		/* bytes from the driver: the next len of the input */
			len = min(len, (unsigned int)in_left);
			in += len;
			in_left -= len;
			out_budget = len * OUT_PER_BYTE;
			taken = n_tty_receive_buf(&tty, buf, len);
			claim(taken <= len);
			if (taken < len)
				claim(tty.ldata.read_head - tty.ldata.read_tail >= N_TTY_BUF_SIZE - 1);
			model_receive(buf, len, taken);
			break;
		case 3: {	/* a burst: one byte many times over */
			static unsigned char burst[16 * 256];
			unsigned char c = next();

			len *= 16;
			memset(burst, c, len);
			out_budget = len * OUT_PER_BYTE;
			taken = n_tty_receive_buf(&tty, burst, len);
			claim(taken <= len);
			model_receive(burst, len, taken);
			break;
		}
		case 4:
			do_read(op & 8 ? len * 16 : len);
			break;
		case 5:		/* flags toggled */
			t = tty.termios;
			t.c_lflag ^= pick(lflags, ARRAY_SIZE(lflags), len - 1 | next() << 8);
			t.c_iflag ^= pick(iflags, ARRAY_SIZE(iflags), next());
			set_termios(&t);
			break;
		case 6:		/* a control character changed */
			t = tty.termios;
			t.c_cc[(len - 1) % NCCS] = next();
			set_termios(&t);
			break;
		case 7:
			if ((op & 0x30) == 0x30) {	/* a BREAK on the line */
				out_budget = OUT_PER_BYTE;
				model_break(n_tty_receive_break(&tty));
			} else if (op & 8) {
				n_tty_flush_input(&tty);
				if (m.kind != NONE)
					m.head = m.done = 0;
			} else {
				len = min(len, (unsigned int)in_left);
				out_budget = len * 8;
				n_tty_write(&tty, in, len);
				in += len;
				in_left -= len;
			}
			break;
		}
		check_state();
	}
	/* what is left can all be read */
	out_bytes = out_budget = 0;
	while (n_tty_input_available(&tty, false)) {
		do_read(N_TTY_BUF_SIZE);
		check_state();
	}
	if (m.kind != NONE)
		claim(m.done == 0);
	return 0;
}
