/*
 * hostile_tty: bad arguments to the console's tty (fd 0): NULL and
 * kernel pointers for every ioctl that copies, unknown requests, bad
 * TCFLSH/TCXONC/tcsetattr selectors, job-control calls without a
 * controlling terminal, a read whose buffer faults with input waiting.
 * Linux's errnos throughout; the termios is restored and the input
 * flushed at the end, and nothing is ever written to the terminal.
 */
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include "check.h"

#define KERNEL_PTR	((void *)0xc0008000)

int main(void)
{
	static const struct {
		const char *name;
		unsigned long req;
	} copying[] = {
		{ "TCGETS", TCGETS }, { "TCSETS", TCSETS }, { "TCSETSW", TCSETSW },
		{ "TCSETSF", TCSETSF }, { "TIOCGWINSZ", TIOCGWINSZ },
		{ "TIOCSWINSZ", TIOCSWINSZ }, { "FIONREAD", FIONREAD },
		{ "TIOCSTI", TIOCSTI }, { "TIOCGPGRP", TIOCGPGRP },
		{ "TIOCSPGRP", TIOCSPGRP }, { "TIOCGSID", TIOCGSID },
		{ "TIOCOUTQ", TIOCOUTQ },
	};
	struct termios saved, t;
	char what[64], c;
	unsigned int i;
	int n;

	if (tcgetattr(0, &saved)) {
		printf("TCGETS: %s\n", errno_name(errno));
		return 1;
	}
	for (i = 0; i < sizeof(copying) / sizeof(copying[0]); i++) {
		snprintf(what, sizeof(what), "%s(NULL)", copying[i].name);
		show(what, ioctl(0, copying[i].req, NULL));
		snprintf(what, sizeof(what), "%s(kernel)", copying[i].name);
		show(what, ioctl(0, copying[i].req, KERNEL_PTR));
	}
	show("ioctl 0x54ff", ioctl(0, 0x54ff, &t));
	show("ioctl 0x12345678", ioctl(0, 0x12345678, &t));
	show("ioctl -1", ioctl(0, 0xffffffff, &t));
	show("TCFLSH 3", ioctl(0, TCFLSH, 3));
	show("TCFLSH -1", ioctl(0, TCFLSH, -1));
	show("TCXONC 4", ioctl(0, TCXONC, 4));
	show("TCXONC TCOON", ioctl(0, TCXONC, TCOON));
	show("TCSBRK 1 (drain)", ioctl(0, TCSBRK, 1));
	show("tcsetattr -1", tcsetattr(0, -1, &saved));
	show("TIOCSCTTY", ioctl(0, TIOCSCTTY, 0));
	show("TIOCNOTTY", ioctl(0, TIOCNOTTY));
	n = 5;
	show("TIOCSPGRP", ioctl(0, TIOCSPGRP, &n));
	show("TIOCGSID", ioctl(0, TIOCGSID, &n));
	show("ioctl on fd 99", ioctl(99, TCGETS, &t));
	show("ioctl on fd -1", ioctl(-1, TCGETS, &t));

	/* a faulting read with a line waiting, then what is left */
	t = saved;
	t.c_lflag = ICANON | ISIG;
	ioctl(0, TCSETSF, &t);
	ioctl(0, TIOCSTI, "a");
	ioctl(0, TIOCSTI, "\n");
	show("read into NULL", read(0, NULL, 10));
	show("read into the kernel", read(0, KERNEL_PTR, 10));
	show("FIONREAD", ioctl(0, FIONREAD, &n));
	printf("left: %d\n", n);
	show("write from NULL", write(0, NULL, 10));
	show("write from the kernel", write(0, KERNEL_PTR, 10));
	show("write of nothing", write(0, &c, 0));

	/* every flag set, then back */
	memset(&t, 0xff, sizeof(t));
	t.c_cflag = saved.c_cflag;
	t.c_oflag = 0;
	show("TCSETS all ones", ioctl(0, TCSETS, &t));
	show("restore", ioctl(0, TCSETSF, &saved));
	tcgetattr(0, &t);
	yes_no("restored", !memcmp(&t.c_iflag, &saved.c_iflag, 16) &&
	       !memcmp(t.c_cc, saved.c_cc, NCCS));
	return 0;
}
