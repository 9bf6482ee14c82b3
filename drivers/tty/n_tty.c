// SPDX-License-Identifier: GPL-2.0
/*
 * N_TTY, the line discipline between a serial line and its readers, as
 * Linux's: input bytes are translated (ICRNL, INLCR, IGNCR, ISTRIP),
 * may be signal characters (ISIG: INTR, QUIT, SUSP to the foreground
 * group, flushing the input unless NOFLSH), flow control (IXON: STOP,
 * START), or, in canonical mode, editing (ERASE, KILL, WERASE, LNEXT,
 * REPRINT) of the line being typed, which EOL, EOL2, EOF or a newline
 * completes; they are echoed (ECHO, ECHOCTL's ^X, ECHOE's erasing,
 * ECHOK, ECHOKE, ECHONL) through the same output processing as writes
 * (OPOST: ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, XTABS). A BREAK on the
 * line is ignored (IGNBRK), a SIGINT (BRKINT) or a NUL byte.
 *
 * Invariant: read_tail <= canon_head <= read_head, and the buffer never
 * holds more than N_TTY_BUF_SIZE bytes. When it is full, input is
 * refused (the driver keeps it, so typed-ahead input is never lost),
 * except for a canonical line that fills it alone: its last byte is
 * overwritten so that a newline or an erase can still end or shorten it.
 *
 * Nothing here sleeps: readers wait in tty_io.c. Input arrives from the
 * driver's interrupt; the process-context callers mask interrupts.
 */
#include <linux/kernel.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/tty.h>

#define MASK(x)		((x) & (N_TTY_BUF_SIZE - 1))
#define BITS		(8 * sizeof(unsigned long))
#define DISABLED_CHAR	0	/* a c_cc entry of 0 is no character; also EOF's mark */
#define CTRL(c)		((c) & 0x1f)

const struct ktermios tty_std_termios = {
	.c_iflag = ICRNL | IXON,
	.c_oflag = OPOST | ONLCR,
	.c_cflag = B38400 | CS8 | CREAD | HUPCL | CLOCAL,	/* what Linux's ttyAMA0 reports */
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN,
	.c_cc = {
		[VINTR] = CTRL('C'), [VQUIT] = CTRL('\\'), [VERASE] = 0x7f,
		[VKILL] = CTRL('U'), [VEOF] = CTRL('D'), [VTIME] = 0, [VMIN] = 1,
		[VSTART] = CTRL('Q'), [VSTOP] = CTRL('S'), [VSUSP] = CTRL('Z'),
		[VREPRINT] = CTRL('R'), [VDISCARD] = CTRL('O'), [VWERASE] = CTRL('W'),
		[VLNEXT] = CTRL('V'),
	},
};

static bool is_char(struct tty_struct *tty, unsigned char c, int which)
{
	return c == tty->termios.c_cc[which] && c != DISABLED_CHAR;
}

static bool is_cntrl(unsigned char c)
{
	return c < ' ' || c == 0x7f;
}

static unsigned int read_cnt(struct n_tty_data *ld)
{
	return ld->read_head - ld->read_tail;
}

static bool test_line_end(struct n_tty_data *ld, unsigned int i)
{
	i = MASK(i);
	return ld->line_end[i / BITS] & (1UL << (i % BITS));
}

static void set_line_end(struct n_tty_data *ld, unsigned int i, bool on)
{
	i = MASK(i);
	if (on)
		ld->line_end[i / BITS] |= 1UL << (i % BITS);
	else
		ld->line_end[i / BITS] &= ~(1UL << (i % BITS));
}

static void put_tty_queue(struct n_tty_data *ld, unsigned char c)
{
	set_line_end(ld, ld->read_head, false);
	ld->read_buf[MASK(ld->read_head)] = c;
	ld->read_head++;
}

/* ---- output ---- */

/*
 * One byte of output with OPOST's processing, into @out (room for 8);
 * returns how many bytes it became. Keeps the column for erasing tabs.
 */
static size_t output_char(struct tty_struct *tty, unsigned char c, unsigned char *out)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int spaces;

	if (!O_FLAG(tty, OPOST)) {
		out[0] = c;
		return 1;
	}
	switch (c) {
	case '\n':
		if (O_FLAG(tty, ONLRET))
			ld->column = 0;
		if (O_FLAG(tty, ONLCR)) {
			ld->column = ld->canon_column = 0;
			out[0] = '\r';
			out[1] = '\n';
			return 2;
		}
		ld->canon_column = ld->column;
		break;
	case '\r':
		if (O_FLAG(tty, ONOCR) && ld->column == 0)
			return 0;
		if (O_FLAG(tty, OCRNL)) {
			c = '\n';
			if (O_FLAG(tty, ONLRET))
				ld->canon_column = ld->column = 0;
			break;
		}
		ld->canon_column = ld->column = 0;
		break;
	case '\t':
		spaces = 8 - (ld->column & 7);
		if ((tty->termios.c_oflag & TABDLY) == XTABS) {
			ld->column += spaces;
			memset(out, ' ', spaces);
			return spaces;
		}
		ld->column += spaces;
		break;
	case '\b':
		if (ld->column > 0)
			ld->column--;
		break;
	default:
		if (!is_cntrl(c)) {
			if (O_FLAG(tty, OLCUC) && c >= 'a' && c <= 'z')
				c -= 'a' - 'A';
			ld->column++;
		}
		break;
	}
	out[0] = c;
	return 1;
}

void n_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	unsigned char out[256];
	size_t len = 0;

	while (n--) {
		if (len > sizeof(out) - 8) {
			tty->ops->write(tty, out, len);
			len = 0;
		}
		len += output_char(tty, *buf++, out + len);
	}
	if (len)
		tty->ops->write(tty, out, len);
}

static void echo_raw(struct tty_struct *tty, unsigned char c)
{
	n_tty_write(tty, &c, 1);
}

static void echo_str(struct tty_struct *tty, const char *s)
{
	n_tty_write(tty, (const unsigned char *)s, strlen(s));
}

/* A byte as ECHO shows it: control characters as ^X with ECHOCTL (not tab or newline). */
static void echo_char(struct tty_struct *tty, unsigned char c)
{
	if (L_FLAG(tty, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n') {
		unsigned char s[2] = { '^', c ^ 0x40 };

		n_tty_write(tty, s, 2);
		return;
	}
	echo_raw(tty, c);
}

/* ---- input ---- */

void n_tty_flush_input(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;

	ld->read_head = ld->read_tail = ld->canon_head = 0;
	ld->lnext = false;
	ld->canon_column = ld->column;
}

/*
 * Columns the byte at @i took on the screen, counted from the line's
 * start. A tab took what its column needed to reach the next stop (at
 * most 8), never more than the output has advanced: writes or output
 * without OPOST may have moved the column since it was typed.
 */
static unsigned int erase_width(struct n_tty_data *ld, unsigned int i,
				struct tty_struct *tty)
{
	unsigned char c = ld->read_buf[MASK(i)];
	unsigned int col = ld->canon_column, j;

	if (c != '\t')
		return L_FLAG(tty, ECHOCTL) && is_cntrl(c) ? 2 : 1;
	/* a tab: how far the line before it reached */
	for (j = ld->canon_head; j != i; j++) {
		unsigned char b = ld->read_buf[MASK(j)];

		if (b == '\t')
			col = (col | 7) + 1;
		else if (L_FLAG(tty, ECHOCTL) && is_cntrl(b))
			col += 2;
		else if (!is_cntrl(b))
			col++;
	}
	return min(8 - (col & 7), ld->column);
}

/* ERASE, WERASE or KILL (@which) on the line being edited. */
static void eraser(struct tty_struct *tty, unsigned char c, int which)
{
	struct n_tty_data *ld = &tty->ldata;
	bool seen_alnum = false;

	if (ld->read_head == ld->canon_head)
		return;		/* nothing typed: nothing to erase, nothing echoed */
	if (which == VKILL) {
		if (!L_FLAG(tty, ECHO)) {
			ld->read_head = ld->canon_head;
			return;
		}
		if (!L_FLAG(tty, ECHOK) || !L_FLAG(tty, ECHOKE) || !L_FLAG(tty, ECHOE)) {
			ld->read_head = ld->canon_head;
			echo_char(tty, c);
			if (L_FLAG(tty, ECHOK))
				echo_raw(tty, '\n');
			return;
		}
	}
	while (ld->read_head != ld->canon_head) {
		unsigned int i = ld->read_head - 1;
		unsigned char b = ld->read_buf[MASK(i)];

		if (which == VWERASE) {
			bool alnum = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
				     (b >= 'A' && b <= 'Z') || b == '_';

			if (alnum)
				seen_alnum = true;
			else if (seen_alnum)
				break;
		}
		if (L_FLAG(tty, ECHO)) {
			if (L_FLAG(tty, ECHOE)) {
				unsigned int w = erase_width(ld, i, tty);

				/* a tab is stepped back over; anything else blanked */
				while (w--)
					echo_str(tty, b == '\t' ? "\b" : "\b \b");
			} else {
				echo_char(tty, c);
			}
		}
		ld->read_head = i;
		if (which == VERASE)
			break;
	}
}

/*
 * A signal character (@c, echoed), or a BREAK with BRKINT (@c -1, not
 * echoed): the foreground group's signal, the input flushed unless NOFLSH.
 */
static void isig(struct tty_struct *tty, int sig, int c)
{
	if (!L_FLAG(tty, NOFLSH))
		n_tty_flush_input(tty);
	if (I_FLAG(tty, IXON))
		tty->stopped = false;
	if (L_FLAG(tty, ECHO) && c >= 0)
		echo_char(tty, c);
	if (tty->pgrp)
		kill_pgrp(tty->pgrp, sig);
	tty->intr_count++;
	wake_up(&tty->read_wait);
	wake_up(&tty->write_wait);
}

/* The line being edited is complete: readers may take it. */
static void end_line(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;

	put_tty_queue(ld, c);
	set_line_end(ld, ld->read_head - 1, true);
	ld->canon_head = ld->read_head;
	ld->canon_column = ld->column;
	wake_up(&tty->read_wait);
}

static void reprint(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int i;

	echo_char(tty, c);
	echo_raw(tty, '\n');
	for (i = ld->canon_head; i != ld->read_head; i++)
		echo_char(tty, ld->read_buf[MASK(i)]);
}

/* Whether one more byte fits; a canonical line alone in a full buffer overwrites its last. */
static bool make_room(struct n_tty_data *ld)
{
	if (read_cnt(ld) < N_TTY_BUF_SIZE - 1)
		return true;
	if (!ld->icanon || ld->canon_head != ld->read_tail)
		return false;
	if (read_cnt(ld) == N_TTY_BUF_SIZE)
		ld->read_head--;
	return true;
}

static void receive_char(struct tty_struct *tty, unsigned char c)
{
	struct n_tty_data *ld = &tty->ldata;

	if (I_FLAG(tty, ISTRIP))
		c &= 0x7f;
	if (ld->lnext) {
		ld->lnext = false;
		goto literal;
	}
	if (I_FLAG(tty, IXON)) {
		if (is_char(tty, c, VSTART)) {
			tty->stopped = false;
			wake_up(&tty->write_wait);
			return;
		}
		if (is_char(tty, c, VSTOP)) {
			tty->stopped = true;
			return;
		}
	}
	if (L_FLAG(tty, ISIG)) {
		int sig = is_char(tty, c, VINTR) ? SIGINT : is_char(tty, c, VQUIT) ? SIGQUIT :
			  is_char(tty, c, VSUSP) ? SIGTSTP : 0;

		if (sig) {
			isig(tty, sig, c);
			return;
		}
	}
	if (tty->stopped && I_FLAG(tty, IXON) && I_FLAG(tty, IXANY)) {
		tty->stopped = false;
		wake_up(&tty->write_wait);
	}
	if (c == '\r') {
		if (I_FLAG(tty, IGNCR))
			return;
		if (I_FLAG(tty, ICRNL))
			c = '\n';
	} else if (c == '\n' && I_FLAG(tty, INLCR)) {
		c = '\r';
	}
	if (ld->icanon) {
		if (is_char(tty, c, VERASE) || is_char(tty, c, VKILL) ||
		    (is_char(tty, c, VWERASE) && L_FLAG(tty, IEXTEN))) {
			eraser(tty, c, is_char(tty, c, VERASE) ? VERASE :
				       is_char(tty, c, VKILL) ? VKILL : VWERASE);
			return;
		}
		if (is_char(tty, c, VLNEXT) && L_FLAG(tty, IEXTEN)) {
			ld->lnext = true;
			if (L_FLAG(tty, ECHO) && L_FLAG(tty, ECHOCTL))
				echo_str(tty, "^\b");
			return;
		}
		if (is_char(tty, c, VREPRINT) && L_FLAG(tty, ECHO) && L_FLAG(tty, IEXTEN)) {
			reprint(tty, c);
			return;
		}
		if (c == '\n') {
			if (L_FLAG(tty, ECHO) || L_FLAG(tty, ECHONL))
				echo_raw(tty, '\n');
			end_line(tty, c);
			return;
		}
		if (is_char(tty, c, VEOF)) {
			end_line(tty, DISABLED_CHAR);
			return;
		}
		if (is_char(tty, c, VEOL) || (is_char(tty, c, VEOL2) && L_FLAG(tty, IEXTEN))) {
			if (L_FLAG(tty, ECHO))
				echo_char(tty, c);
			end_line(tty, c);
			return;
		}
	}
literal:
	if (L_FLAG(tty, ECHO)) {
		if (ld->read_head == ld->canon_head)
			ld->canon_column = ld->column;
		if (c == '\n')
			echo_raw(tty, c);
		else
			echo_char(tty, c);
	}
	put_tty_queue(ld, c);
	if (!ld->icanon)
		wake_up(&tty->read_wait);
}

size_t n_tty_receive_buf(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!make_room(&tty->ldata))
			break;
		receive_char(tty, buf[i]);
	}
	return i;
}

bool n_tty_receive_break(struct tty_struct *tty)
{
	if (I_FLAG(tty, IGNBRK))
		return true;
	if (I_FLAG(tty, BRKINT)) {
		isig(tty, SIGINT, -1);
		return true;
	}
	if (!make_room(&tty->ldata))
		return false;
	/* the NUL goes in as it is: no echo, no editing, no translation */
	put_tty_queue(&tty->ldata, '\0');
	if (!tty->ldata.icanon)
		wake_up(&tty->read_wait);
	return true;
}

/* ---- readers ---- */

bool n_tty_input_available(struct tty_struct *tty, bool poll)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int amt = 1;

	if (ld->icanon)
		return ld->canon_head != ld->read_tail;
	if (poll && !tty->termios.c_cc[VTIME] && tty->termios.c_cc[VMIN])
		amt = tty->termios.c_cc[VMIN];
	return read_cnt(ld) >= amt;
}

size_t n_tty_copy(struct tty_struct *tty, unsigned char *buf, size_t n, bool *eof)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int end = ld->icanon ? ld->canon_head : ld->read_head;
	size_t copied = 0;

	*eof = false;
	while (copied < n && ld->read_tail != end) {
		unsigned int i = ld->read_tail;
		unsigned char c = ld->read_buf[MASK(i)];
		bool last = ld->icanon && test_line_end(ld, i);

		ld->read_tail++;
		if (last && c == DISABLED_CHAR) {
			*eof = !copied;
			break;
		}
		buf[copied++] = c;
		if (last)
			break;
	}
	return copied;
}

unsigned int n_tty_inq(struct tty_struct *tty)
{
	struct n_tty_data *ld = &tty->ldata;
	unsigned int i, n;

	if (!ld->icanon)
		return read_cnt(ld);
	n = ld->canon_head - ld->read_tail;
	for (i = ld->read_tail; i != ld->canon_head; i++)
		if (test_line_end(ld, i) && ld->read_buf[MASK(i)] == DISABLED_CHAR)
			n--;
	return n;
}

void n_tty_set_termios(struct tty_struct *tty, const struct ktermios *old)
{
	struct n_tty_data *ld = &tty->ldata;
	bool icanon = L_FLAG(tty, ICANON);

	if (old && (bool)(old->c_lflag & ICANON) == icanon)
		return;
	/*
	 * Raw input read as canonical is one line, already complete; a
	 * line half typed becomes raw input. Either way the edited part
	 * starts afresh.
	 */
	memset(ld->line_end, 0, sizeof(ld->line_end));
	if (icanon && read_cnt(ld))
		set_line_end(ld, ld->read_head - 1, true);
	ld->canon_head = ld->read_head;
	ld->lnext = false;
	ld->icanon = icanon;
	wake_up(&tty->read_wait);
}

void n_tty_open(struct tty_struct *tty)
{
	memset(&tty->ldata, 0, sizeof(tty->ldata));
	tty->ldata.icanon = L_FLAG(tty, ICANON);
}
