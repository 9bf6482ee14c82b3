/*
 * termios2: TCGETS2/TCSETS2/TCSETSW2/TCSETSF2 take Linux ARM's struct
 * termios2, the termios followed by the input and output speeds. A
 * speed asked for with BOTHER comes back exactly, with BOTHER in
 * c_cflag, unless it is a standard rate (then its Bnnn); a Bnnn rate
 * set with TCSETS shows as its speed in TCGETS2; the serial line has
 * one speed, so the input speed follows the output's. The settings are
 * put back as they were.
 */
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <termios.h>

#include "check.h"

#define AMA		"/termios2_ama0"

static int fd;

static void show2(const char *what)
{
	struct termios2 t;
	struct termios old;

	if (ioctl(fd, TCGETS2, &t)) {
		printf("%s: TCGETS2 %s\n", what, errno_name(errno));
		return;
	}
	tcgetattr(fd, &old);
	printf("%s: CBAUD 0%o, input bits 0%o, ispeed %u, ospeed %u; TCGETS agrees %s\n",
	       what, t.c_cflag & CBAUD, (t.c_cflag >> IBSHIFT) & CBAUD, t.c_ispeed, t.c_ospeed,
	       !memcmp(&old, &t, sizeof(old)) ? "yes" : "no");
}

/* TCSETS2 (@cmd) with output bits @obits and speed @ospeed, input bits @ibits and @ispeed. */
static void set2(unsigned long cmd, unsigned int obits, unsigned int ospeed,
		 unsigned int ibits, unsigned int ispeed)
{
	struct termios2 t;
	char what[96];

	ioctl(fd, TCGETS2, &t);
	t.c_cflag &= ~(CBAUD | CBAUD << IBSHIFT);
	t.c_cflag |= obits | ibits << IBSHIFT;
	t.c_ospeed = ospeed;
	t.c_ispeed = ispeed;
	snprintf(what, sizeof(what), "set 0%o/%u, input 0%o/%u", obits, ospeed, ibits, ispeed);
	if (ioctl(fd, cmd, &t))
		printf("%s: %s\n", what, errno_name(errno));
	else
		show2(what);
}

int main(void)
{
	struct termios2 saved, t;
	struct termios old;

	syscall(SYS_mknod, AMA, 020600, (204 << 8) | 64);
	fd = open(AMA, O_RDWR | O_NOCTTY);
	unlink(AMA);
	if (fd < 0) {
		printf("open: %s\n", errno_name(errno));
		return 1;
	}
	show("TCGETS2", ioctl(fd, TCGETS2, &saved));
	show2("as it is");
	show("TCGETS2 to a bad pointer", ioctl(fd, TCGETS2, (void *)16));
	show("TCSETS2 from a bad pointer", ioctl(fd, TCSETS2, (void *)16));

	set2(TCSETS2, BOTHER, 12345, 0, 0);
	set2(TCSETSW2, BOTHER, 9600, 0, 0);
	set2(TCSETSF2, BOTHER, 9601, 0, 0);
	set2(TCSETS2, BOTHER, 115000, 0, 0);
	set2(TCSETS2, B115200, 0, 0, 0);
	set2(TCSETS2, BOTHER, 57600, BOTHER, 4800);
	set2(TCSETS2, B9600, 0, B38400, 0);
	set2(TCSETS2, BOTHER, 1000000, BOTHER, 1000000);

	tcgetattr(fd, &old);
	old.c_cflag = (old.c_cflag & ~CBAUD) | B115200;
	show("TCSETS B115200", tcsetattr(fd, TCSANOW, &old));
	show2("after TCSETS B115200");
	set2(TCSETS2, BOTHER, 23456, 0, 0);
	tcgetattr(fd, &old);
	show("TCSETS what TCGETS gave (BOTHER)", tcsetattr(fd, TCSANOW, &old));
	show2("then");

	t = saved;
	show("TCSETS2 back", ioctl(fd, TCSETS2, &t));
	show2("back");
	close(fd);
	return 0;
}
