// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's line editor, for a VT100-style terminal on the serial
 * line: the cursor moves inside the line (left/right arrows, Home/End,
 * Ctrl-A/E/B/F), Backspace and Delete, Ctrl-U (erase to the start),
 * Ctrl-K (to the end), Ctrl-W (the word before the cursor), history with
 * the up/down arrows (the last LE_HISTORY lines, each up to 255 bytes), Tab to complete the
 * first word through the caller's completer, Ctrl-C to abandon the line.
 *
 * The screen is kept right by rewriting from the first changed column
 * and stepping back with backspaces, which every terminal understands;
 * the only sequences read are the arrow and Home/End/Delete keys
 * (ESC [ A..D, H, F, ESC O H/F, ESC [ n ~). Any other escape sequence is
 * read to its end and dropped, bytes outside printable ASCII are
 * dropped, and a line longer than the buffer is refused with a message
 * when Enter comes, so no input can make it hang or overrun.
 */
#include <linux/console.h>
#include <linux/kernel.h>
#include <linux/line_edit.h>
#include <linux/string.h>
#include <linux/tty.h>

#define LE_HISTORY	16
#define LE_MAX		4096	/* the longest line edited while browsing the history */
#define LE_HISTORY_LINE	256	/* longer lines run but are not remembered */
#define ESC		0x1b
#define DEL		0x7f
#define CTRL(c)		((c) & 0x1f)

enum le_key {
	KEY_NONE = 256, KEY_UP, KEY_DOWN, KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END,
	KEY_DELETE,
};

struct line_editor {
	char *buf;
	int size;		/* of buf, with its NUL */
	int len, cur;		/* the line's length; the cursor's column in it */
	bool overflow;		/* a byte was dropped: the line is refused */
};

/* oldest first; static, so that typing allocates nothing the leak check would see */
static char history[LE_HISTORY][LE_HISTORY_LINE];
static int history_count;
static char scratch[LE_MAX];		/* the new line, while browsing history */

/* The shell is a kernel thread, which takes no signals: this wait cannot be interrupted. */
static int le_getc(void)
{
	return tty_getc(tty_console());
}

static void put_bytes(const char *s, int n)
{
	if (n > 0)
		console_write(s, n);
}

static void put_repeat(char c, int n)
{
	char chunk[32];

	memset(chunk, c, sizeof(chunk));
	for (; n > 0; n -= sizeof(chunk))
		put_bytes(chunk, min(n, (int)sizeof(chunk)));
}

/*
 * The screen showed @old_len characters with the cursor at @old_cur;
 * the buffer changed from column @from (<= @old_cur) on. Rewrites the
 * rest, blanks what is left over, and puts the cursor at e->cur.
 */
static void le_redraw(struct line_editor *e, int from, int old_len, int old_cur)
{
	int end = max(e->len, old_len);

	put_repeat('\b', old_cur - from);
	put_bytes(e->buf + from, e->len - from);
	put_repeat(' ', old_len - e->len);
	put_repeat('\b', end - e->cur);
}

/* Deletes [at, at + n) and redraws. */
static void le_delete(struct line_editor *e, int at, int n)
{
	int old_len = e->len, old_cur = e->cur;

	if (n <= 0)
		return;
	memmove(e->buf + at, e->buf + at + n, e->len - at - n);
	e->len -= n;
	e->cur = at;
	le_redraw(e, at, old_len, old_cur);
}

static void le_insert(struct line_editor *e, const char *s, int n)
{
	int old_cur = e->cur;

	if (e->len + n > e->size - 1) {
		e->overflow = true;
		n = e->size - 1 - e->len;
	}
	if (n <= 0)
		return;
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur);
	memcpy(e->buf + e->cur, s, n);
	e->len += n;
	e->cur += n;
	le_redraw(e, old_cur, e->len - n, old_cur);
}

/* Replaces the whole line with @s (a history entry). */
static void le_replace(struct line_editor *e, const char *s)
{
	int old_len = e->len, old_cur = e->cur;

	e->len = min((int)strlen(s), e->size - 1);
	memcpy(e->buf, s, e->len);
	e->cur = e->len;
	le_redraw(e, 0, old_len, old_cur);
}

static void le_move(struct line_editor *e, int to)
{
	if (to < e->cur)
		put_repeat('\b', e->cur - to);
	else
		put_bytes(e->buf + e->cur, to - e->cur);
	e->cur = to;
}

/* The key an escape sequence names; KEY_NONE for one not known. */
static int le_escape(void)
{
	int c = le_getc(), param = 0, n = 0;

	if (c == 'O') {
		c = le_getc();
		return c == 'H' ? KEY_HOME : c == 'F' ? KEY_END : KEY_NONE;
	}
	if (c != '[')
		return KEY_NONE;
	/*
	 * CSI: parameter and intermediate bytes, then a final byte. A
	 * parameter is kept only while it is small: sixteen digits would
	 * overflow an int, and no key has one above 8.
	 */
	while ((c = le_getc()) >= 0x20 && c <= 0x3f && n++ < 16)
		if (c >= '0' && c <= '9' && param < 1000)
			param = param * 10 + c - '0';
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case '~':
		return param == 1 || param == 7 ? KEY_HOME :
		       param == 4 || param == 8 ? KEY_END :
		       param == 3 ? KEY_DELETE : KEY_NONE;
	}
	return KEY_NONE;
}

static void history_add(const char *line, int len)
{
	if (!len || len >= LE_HISTORY_LINE ||
	    (history_count && !strcmp(history[history_count - 1], line)))
		return;
	if (history_count == LE_HISTORY) {
		memmove(history, history + 1, (LE_HISTORY - 1) * sizeof(history[0]));
		history_count--;
	}
	memcpy(history[history_count++], line, len + 1);
}

/* Up (-1) or down (+1) through the history from entry *@pos. */
static void history_step(struct line_editor *e, int *pos, int dir)
{
	int to = *pos + dir;

	if (to < 0 || to > history_count)
		return;
	if (*pos == history_count) {
		memcpy(scratch, e->buf, min(e->len, LE_MAX - 1));
		scratch[min(e->len, LE_MAX - 1)] = '\0';
	}
	*pos = to;
	le_replace(e, to == history_count ? scratch : history[to]);
}

/*
 * Tab: completes the word under the cursor if it is the first one. The
 * completer writes the candidates' longest common extension to @ext and
 * returns how many there are; with several, they are listed (by the
 * completer) and the prompt and line are shown again.
 */
static void le_complete(struct line_editor *e, const char *prompt,
			le_completer_t complete)
{
	char ext[64];
	int i, n;

	for (i = 0; i < e->cur; i++)
		if (e->buf[i] == ' ')
			return;		/* arguments are not completed */
	if (e->cur != e->len || !complete)
		return;
	e->buf[e->len] = '\0';
	n = complete(e->buf, ext, sizeof(ext), false);
	if (n == 1) {
		le_insert(e, ext, strlen(ext));
		le_insert(e, " ", 1);
		return;
	}
	if (n > 1 && ext[0]) {
		le_insert(e, ext, strlen(ext));
		return;
	}
	if (n > 1) {
		console_write("\n", 1);
		complete(e->buf, ext, sizeof(ext), true);
		put_bytes(prompt, strlen(prompt));
		put_bytes(e->buf, e->len);
	}
}

/*
 * The terminal as the editor needs it, as readline sets it: every byte
 * as typed, none echoed or taken as a signal, CR not turned into LF.
 */
static void le_raw_mode(struct tty_struct *tty)
{
	struct ktermios t = tty->termios;

	t.c_lflag &= ~(ICANON | ECHO | ECHONL | ISIG | IEXTEN);
	t.c_iflag &= ~(ICRNL | INLCR | IGNCR | IXON | ISTRIP);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	tty_set_termios(tty, &t);
}

static int le_edit(char *buf, int size, const char *prompt, le_completer_t complete)
{
	static bool last_was_cr;
	struct line_editor e = { .buf = buf, .size = size };
	int hist_pos = history_count;

	put_bytes(prompt, strlen(prompt));
	for (;;) {
		int c = le_getc();

		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		if (c == ESC)
			c = le_escape();
		switch (c) {
		case '\r':
		case '\n':
			le_move(&e, e.len);
			console_write("\n", 1);
			buf[e.len] = '\0';
			if (e.overflow) {
				console_printf("shell: line longer than %d bytes, ignored\n",
					       size - 1);
				return -1;
			}
			history_add(buf, e.len);
			return e.len;
		case CTRL('C'):
			le_move(&e, e.len);
			console_write("^C\n", 3);
			return -1;
		case DEL:
		case '\b':
			if (e.cur)
				le_delete(&e, e.cur - 1, 1);
			break;
		case KEY_DELETE:
		case CTRL('D'):		/* at an empty line: nothing, not "exit" */
			if (e.cur < e.len)
				le_delete(&e, e.cur, 1);
			break;
		case CTRL('U'):
			le_delete(&e, 0, e.cur);
			break;
		case CTRL('K'):
			if (e.cur < e.len) {
				int old_len = e.len;

				e.len = e.cur;
				le_redraw(&e, e.cur, old_len, e.cur);
			}
			break;
		case CTRL('W'): {
			int at = e.cur;

			while (at && buf[at - 1] == ' ')
				at--;
			while (at && buf[at - 1] != ' ')
				at--;
			le_delete(&e, at, e.cur - at);
			break;
		}
		case KEY_LEFT:
		case CTRL('B'):
			if (e.cur)
				le_move(&e, e.cur - 1);
			break;
		case KEY_RIGHT:
		case CTRL('F'):
			if (e.cur < e.len)
				le_move(&e, e.cur + 1);
			break;
		case KEY_HOME:
		case CTRL('A'):
			le_move(&e, 0);
			break;
		case KEY_END:
		case CTRL('E'):
			le_move(&e, e.len);
			break;
		case KEY_UP:
			history_step(&e, &hist_pos, -1);
			break;
		case KEY_DOWN:
			history_step(&e, &hist_pos, 1);
			break;
		case '\t':
			le_complete(&e, prompt, complete);
			break;
		default:
			if (c >= ' ' && c <= '~') {
				char ch = c;

				le_insert(&e, &ch, 1);
			}
			break;	/* other control bytes and non-ASCII: dropped */
		}
	}
}

void history_show(void)
{
	int i;

	for (i = 0; i < history_count; i++)
		console_printf("%5d  %s\n", i + 1, history[i]);
}

/* The terminal's modes go back as they were once the line is read. */
int line_edit(char *buf, int size, const char *prompt, le_completer_t complete)
{
	struct tty_struct *tty = tty_console();
	struct ktermios saved = tty->termios;
	int ret;

	le_raw_mode(tty);
	ret = le_edit(buf, size, prompt, complete);
	tty_set_termios(tty, &saved);
	return ret;
}
