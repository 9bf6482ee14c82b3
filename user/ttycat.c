/*
 * ttycat: reads the terminal and says what it read, for trying the tty
 * by hand and for the serial session test. "ttycat [SECONDS]" waits
 * that long first (input typed meanwhile must not be lost), then prints
 * each line as "ttycat: <line>" until end of file (Ctrl-D); "ttycat
 * raw" reads three bytes in raw mode (no Enter needed), then puts the
 * terminal's modes back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int raw_read(void)
{
	struct termios saved, t;
	char buf[4] = "";
	int n = 0, r;

	if (tcgetattr(0, &saved)) {
		printf("ttycat: not a terminal\n");
		return 1;
	}
	t = saved;
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 0;
	tcsetattr(0, TCSAFLUSH, &t);
	while (n < 3 && (r = read(0, buf + n, 3 - n)) > 0)
		n += r;
	tcsetattr(0, TCSANOW, &saved);
	printf("ttycat raw: <%s>\n", buf);
	return 0;
}

int main(int argc, char **argv)
{
	char line[256];
	long n;

	if (argc > 1 && !strcmp(argv[1], "raw"))
		return raw_read();
	if (argc > 1)
		sleep(atoi(argv[1]));
	while ((n = read(0, line, sizeof(line) - 1)) > 0) {
		char *nl;

		line[n] = '\0';
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		printf("ttycat: <%s>\n", line);
	}
	printf(n ? "ttycat: read failed\n" : "ttycat: end of file\n");
	return n ? 1 : 0;
}
