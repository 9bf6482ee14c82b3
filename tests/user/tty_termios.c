/*
 * tty_termios: the console's tty (fd 0, ttyAMA0 on both kernels) and its
 * N_TTY line discipline. The termios and window size Linux gives a serial
 * console; a TCSETS round trip; then input pushed with TIOCSTI (echo
 * off, so nothing reaches the screen) and read back: canonical editing
 * (erase, kill, word erase, literal next, EOF, EOL), ICRNL/INLCR/IGNCR,
 * ISIG's flush, raw reads with VMIN/VTIME, FIONREAD, flushes, switching
 * between canonical and raw with input pending, a line longer than the
 * 4 KiB buffer. Each read is guarded by a 2 s alarm, so a read that
 * should return but does not prints EINTR instead of hanging.
 */
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static struct termios saved;
static char big[5000];

static void on_alarm(int sig)
{
	(void)sig;
}

static void alarm_in(long ms)
{
	struct itimerval it = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

static void push(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ioctl(0, TIOCSTI, s + i)) {
			printf("TIOCSTI: %s\n", errno_name(errno));
			return;
		}
}

static int inq(void)
{
	int n = -1;

	if (ioctl(0, FIONREAD, &n))
		printf("FIONREAD: %s\n", errno_name(errno));
	return n;
}

static void print_bytes(const char *what, const char *b, long n)
{
	long i;

	printf("%s: %ld bytes \"", what, n);
	for (i = 0; i < n && i < 40; i++) {
		unsigned char c = b[i];

		if (c >= ' ' && c < 0x7f && c != '"' && c != '\\')
			putchar(c);
		else
			printf("\\x%02x", c);
	}
	printf(i < n ? "...\"\n" : "\"\n");
}

/* One read of up to @size bytes, at most 2 s. */
static void read_one(const char *what, size_t size)
{
	long n;

	alarm_in(2000);
	n = read(0, big, size);
	alarm_in(0);
	if (n < 0)
		printf("%s: read: %s\n", what, errno_name(errno));
	else
		print_bytes(what, big, n);
}

/* Input @s (with mode @lflag, @iflag), then what FIONREAD and a read say. */
static void line_case(const char *what, unsigned int lflag, unsigned int iflag,
		      const char *s, size_t n)
{
	struct termios t = saved;

	t.c_lflag = lflag;
	t.c_iflag = iflag;
	ioctl(0, TCSETSF, &t);
	push(s, n);
	printf("%s: FIONREAD %d\n", what, inq());
	read_one(what, sizeof(big));
}

#define CANON	(ISIG | ICANON | IEXTEN)
#define S(x)	x, sizeof(x) - 1

static void canonical(void)
{
	struct termios t = saved;

	line_case("erase", CANON, ICRNL, S("abc\x7f" "d\n"));
	line_case("erase at the start", CANON, ICRNL, S("\x7f\x7fz\n"));
	line_case("word erase", CANON, ICRNL, S("one two  \x17three\n"));
	line_case("kill", CANON, ICRNL, S("junk\x15ok\n"));
	line_case("icrnl", CANON, ICRNL, S("cr\r"));
	line_case("eof mid-line", CANON, ICRNL, S("part\x04"));
	line_case("eof alone", CANON, ICRNL, S("\x04"));
	line_case("lnext", CANON, ICRNL, S("\x16\x7f\x16\x15\n"));
	line_case("lnext without iexten", ISIG | ICANON, ICRNL, S("a\x16" "b\x17\n"));
	line_case("inlcr", CANON, ICRNL | INLCR, S("x\n\r"));
	line_case("igncr", CANON, ICRNL | IGNCR, S("a\rb\n"));
	line_case("no icrnl", CANON, 0, S("a\rb\n"));
	line_case("intr flushes", CANON, ICRNL, S("abc\x03" "d\n"));
	line_case("intr with noflsh", CANON | NOFLSH, ICRNL, S("abc\x03" "d\n"));
	line_case("quit flushes", CANON, ICRNL, S("abc\x1c" "e\n"));
	line_case("no isig", ICANON | IEXTEN, ICRNL, S("\x03\x1a\x1c\n"));

	/* two lines: a read takes one */
	line_case("two lines", CANON, ICRNL, S("first\nsecond\n"));
	read_one("two lines, again", sizeof(big));
	t.c_lflag = CANON;
	t.c_iflag = ICRNL;
	ioctl(0, TCSETSF, &t);
	push(S("abcdef\n"));
	read_one("short read", 3);
	read_one("short read, rest", sizeof(big));

	/* VEOL ends a line too, and is read */
	t.c_cc[VEOL] = ';';
	ioctl(0, TCSETSF, &t);
	push(S("a;b\n"));
	printf("veol: FIONREAD %d\n", inq());
	read_one("veol", sizeof(big));
	read_one("veol, again", sizeof(big));

	/* a line longer than the buffer: what fits, and its newline */
	memset(big, 'a', sizeof(big));
	big[4500] = '\n';
	line_case("long line", CANON, ICRNL, big, 4501);
}

static void raw(void)
{
	struct termios t = saved;
	unsigned long long t0;

	t.c_lflag = ISIG | IEXTEN;
	t.c_iflag = ICRNL;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ioctl(0, TCSETSF, &t);
	push(S("xyz\r\x7f"));
	printf("raw: FIONREAD %d\n", inq());
	read_one("raw, 2", 2);
	read_one("raw, rest", sizeof(big));

	t.c_cc[VMIN] = 0;
	ioctl(0, TCSETSF, &t);
	read_one("vmin 0 vtime 0, nothing there", sizeof(big));
	t.c_cc[VTIME] = 2;
	ioctl(0, TCSETSF, &t);
	t0 = monotonic_ns();
	read_one("vmin 0 vtime 2, nothing there", sizeof(big));
	yes_no("waited at least 0.15 s", monotonic_ns() - t0 >= 150000000ULL);
	push(S("q"));
	read_one("vmin 0 vtime 2, a byte there", sizeof(big));

	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 0;
	ioctl(0, TCSETSF, &t);
	push(S("abcd"));
	read_one("vmin 3", 2);
	read_one("vmin 3, rest", sizeof(big));
	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 1;
	ioctl(0, TCSETSF, &t);
	push(S("ab"));
	read_one("vmin 3 vtime 1, two bytes", sizeof(big));

	/* raw input beyond the buffer: TIOCSTI's extra bytes are dropped */
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ioctl(0, TCSETSF, &t);
	memset(big, 'r', sizeof(big));
	push(big, 4200);
	printf("raw full: FIONREAD %d\n", inq());
	read_one("raw full", sizeof(big));

	/* flushes */
	push(S("abc"));
	show("tcflush(TCIFLUSH)", tcflush(0, TCIFLUSH));
	printf("after the flush: FIONREAD %d\n", inq());
	push(S("abc"));
	show("tcflush(TCOFLUSH)", tcflush(0, TCOFLUSH));
	printf("after an output flush: FIONREAD %d\n", inq());
	show("tcflush(TCIOFLUSH)", tcflush(0, TCIOFLUSH));
	printf("after both: FIONREAD %d\n", inq());
}

static void switching(void)
{
	struct termios t = saved;

	/* a partial line becomes readable in raw mode */
	t.c_lflag = CANON;
	t.c_iflag = ICRNL;
	ioctl(0, TCSETSF, &t);
	push(S("abc"));
	printf("partial line, canonical: FIONREAD %d\n", inq());
	t.c_lflag = ISIG;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ioctl(0, TCSETS, &t);
	printf("partial line, raw: FIONREAD %d\n", inq());
	/* and raw input a line in canonical mode */
	t.c_lflag = CANON;
	ioctl(0, TCSETS, &t);
	printf("raw input, canonical again: FIONREAD %d\n", inq());
	read_one("raw input read canonically", sizeof(big));

	/* TCSETSF flushes what is there; TCSETS and TCSETSW do not */
	push(S("q\n"));
	ioctl(0, TCSETSW, &t);
	printf("after TCSETSW: FIONREAD %d\n", inq());
	ioctl(0, TCSETSF, &t);
	printf("after TCSETSF: FIONREAD %d\n", inq());
}

static void attributes(void)
{
	struct termios t, u;
	struct winsize ws;
	int i;

	printf("c_iflag %#o c_oflag %#o c_cflag %#o c_lflag %#o\n", saved.c_iflag,
	       saved.c_oflag, saved.c_cflag, saved.c_lflag);
	printf("c_cc");
	for (i = 0; i < NCCS; i++)
		printf(" %d", saved.c_cc[i]);
	printf("\n");
	show("TIOCGWINSZ", ioctl(0, TIOCGWINSZ, &ws));
	printf("rows %d cols %d\n", ws.ws_row, ws.ws_col);
	show("FIONREAD", ioctl(0, FIONREAD, &i));
	printf("FIONREAD: %d\n", i);

	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_iflag &= ~ICRNL;
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 5;
	t.c_cc[VINTR] = 7;
	show("TCSETS", tcsetattr(0, TCSANOW, &t));
	show("TCGETS", tcgetattr(0, &u));
	yes_no("round trip", !memcmp(&t.c_iflag, &u.c_iflag, 16) &&
	       !memcmp(t.c_cc, u.c_cc, NCCS));
	show("tcsetattr(42)", tcsetattr(0, 42, &t));
	show("restore", tcsetattr(0, TCSANOW, &saved));
	tcgetattr(0, &u);
	yes_no("restored", !memcmp(&saved.c_iflag, &u.c_iflag, 16) &&
	       !memcmp(saved.c_cc, u.c_cc, NCCS));
	show("isatty(0)", isatty(0));
	i = open("/tests/tty_termios", O_RDONLY);
	show("TCGETS on a file", ioctl(i, TCGETS, &t));
	show("TIOCGWINSZ on a file", ioctl(i, TIOCGWINSZ, &ws));
	close(i);
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_alarm };

	sigaction(SIGALRM, &sa, NULL);
	if (tcgetattr(0, &saved)) {
		printf("TCGETS: %s\n", errno_name(errno));
		return 1;
	}
	attributes();
	canonical();
	raw();
	switching();
	ioctl(0, TCSETSF, &saved);
	return 0;
}
