// SPDX-License-Identifier: GPL-2.0
/*
 * The shell's line editor (kernel/line_edit.c) on arbitrary keys: the
 * input is what is typed, line after line (Enter once it runs out),
 * into a buffer whose size the first byte picks, allocated to the byte
 * so that ASan sees any overrun. What the editor writes goes to a
 * model terminal (printable bytes, backspace, newline: it must send
 * nothing else), and when a line is accepted the terminal must show
 * the prompt and exactly that line, with the cursor at its end: every
 * redraw on the way was right. The history stays within its bounds,
 * and the terminal's modes come back as they were.
 *
 * The editor's source is included, so that each input starts with an
 * empty history and its statics can be checked.
 */
#include <stdarg.h>
#include <string.h>
#include "../../kernel/line_edit.c"
#include "fuzz.h"

#define PROMPT		"fz> "
#define SCREEN_COLS	(2 * LE_MAX + 256)

static struct tty_struct console_tty;
/* the shell's terminal before the editor takes it: cooked */
static const struct ktermios cooked = {
	.c_iflag = ICRNL | IXON, .c_oflag = OPOST | ONLCR,
	.c_lflag = ISIG | ICANON | ECHO | ECHOE | IEXTEN,
	.c_cc = { [VMIN] = 1, [VTIME] = 3, [VINTR] = 3 },
};
static const uint8_t *in;
static size_t in_left;

/* The terminal: one line of columns, the cursor, the line a newline ended. */
static struct {
	char line[SCREEN_COLS], last[SCREEN_COLS];
	int col, last_col;
} term;

struct tty_struct *tty_console(void)
{
	return &console_tty;
}

void tty_set_termios(struct tty_struct *tty, const struct ktermios *t)
{
	tty->termios = *t;
}

/* Enter, forever, once the input ran out: every line ends. */
int tty_getc(struct tty_struct *tty)
{
	claim(tty == &console_tty);
	claim(!(tty->termios.c_lflag & (ICANON | ECHO | ISIG)));
	if (!in_left)
		return '\r';
	in_left--;
	return *in++;
}

void console_write(const char *s, unsigned int n)
{
	while (n--) {
		unsigned char c = *s++;

		if (c == '\n') {
			memcpy(term.last, term.line, sizeof(term.line));
			term.last_col = term.col;
			memset(term.line, ' ', sizeof(term.line));
			term.col = 0;
		} else if (c == '\b') {
			/* the editor never steps back into its prompt */
			claim(term.col > (int)strlen(PROMPT));
			term.col--;
		} else {
			claim(c >= ' ' && c <= '~');
			claim(term.col < SCREEN_COLS);
			term.line[term.col++] = c;
		}
	}
}

void console_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n);
}

/* Candidates sharing prefixes, one longer than the editor's ext[]. */
static const char *const words[] = {
	"help", "hello", "history", "halt", "kill", "killall",
	"a-name-longer-than-the-sixty-four-bytes-the-editor-gives-a-completion-xx",
	"a-name-longer-than-the-sixty-four-bytes-the-editor-gives-a-completion-yy",
};

static int complete(const char *word, char *ext, size_t size, bool list)
{
	size_t len = strlen(word), common = 0, i, k;
	const char *first = NULL;
	int n = 0;

	claim(size > 0);
	for (i = 0; i < ARRAY_SIZE(words); i++) {
		if (strncmp(words[i], word, len))
			continue;
		if (list) {
			console_write("  ", 2);
			console_write(words[i], strlen(words[i]));
			console_write("\n", 1);
		}
		if (!n++) {
			first = words[i];
			common = strlen(first) - len;
			continue;
		}
		for (k = 0; k < common && first[len + k] == words[i][len + k]; k++)
			;
		common = k;
	}
	common = min(common, size - 1);
	if (first)
		memcpy(ext, first + len, common);
	ext[common] = '\0';
	return n;
}

static void check_history(void)
{
	int i;

	claim(history_count >= 0 && history_count <= LE_HISTORY);
	for (i = 0; i < history_count; i++) {
		size_t len = strnlen(history[i], LE_HISTORY_LINE);

		claim(len > 0 && len < LE_HISTORY_LINE);
		if (i)
			claim(strcmp(history[i], history[i - 1]));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int sizes[] = { 1, 2, 8, 64, 256, 4096 };
	int lines = 0;
	size_t bufsize;
	char *buf;

	if (!size)
		return 0;
	bufsize = sizes[data[0] % ARRAY_SIZE(sizes)];
	in = data + 1;
	in_left = size - 1;
	buf = malloc(bufsize);
	if (!buf)
		return 0;
	history_count = 0;
	memset(&term, ' ', sizeof(term));
	term.col = term.last_col = 0;
	console_tty.termios = cooked;
	do {
		int len = line_edit(buf, bufsize, PROMPT, data[0] & 0x80 ? NULL : complete);
		int plen = strlen(PROMPT);

		claim(!memcmp(&console_tty.termios, &cooked, sizeof(cooked)));
		claim(len >= -1 && len < (int)bufsize);
		check_history();
		if (len < 0)
			continue;
		/* the screen shows the prompt and the line, blanks after, the cursor at its end */
		claim((int)strlen(buf) == len);
		claim(!memcmp(term.last, PROMPT, plen));
		claim(!memcmp(term.last + plen, buf, len));
		claim(term.last_col == plen + len);
		for (int i = plen + len; i < SCREEN_COLS; i++)
			claim(term.last[i] == ' ');
	} while (in_left && ++lines < 1000);
	free(buf);
	return 0;
}
