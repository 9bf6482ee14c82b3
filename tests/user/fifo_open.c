/*
 * fifo_open: a FIFO made with mknod(S_IFIFO) opens through the pipe code:
 * O_RDONLY|O_NONBLOCK opens at once, O_WRONLY|O_NONBLOCK without a reader
 * is ENXIO, O_RDWR never waits; a blocking open waits for the other end
 * (a child opens it 50 ms later); data flows between the two opens; the
 * reader sees EOF when the writers are gone; poll reports no POLLHUP to
 * a reader that has not yet seen a writer. fstat shows the FIFO's own
 * inode (mode as made, minus the umask), not a pipefs one.
 */
#include <poll.h>
#include <sys/stat.h>
#include <time.h>

#include "check.h"

#define FIFO	"/tmp_fifo_test"

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&t, NULL);
}

int main(void)
{
	struct pollfd pfd;
	struct stat64 st;
	char buf[16];
	int rd, wr, rw;
	pid_t pid;

	show("mkfifo", mkfifo(FIFO, 0640));
	show("mkfifo again", mkfifo(FIFO, 0640));
	show("stat", stat64(FIFO, &st));
	yes_no("a FIFO", S_ISFIFO(st.st_mode));
	printf("mode %o, size %lld\n", st.st_mode & 07777, st.st_size);

	show("open O_WRONLY|O_NONBLOCK, no reader", open(FIFO, O_WRONLY | O_NONBLOCK));
	rd = open(FIFO, O_RDONLY | O_NONBLOCK);
	show("open O_RDONLY|O_NONBLOCK", rd);
	pfd = (struct pollfd){ rd, POLLIN, 0 };
	show("poll before any writer", poll(&pfd, 1, 0));
	printf("revents %#x\n", pfd.revents);
	show("read before any writer", read(rd, buf, sizeof(buf)));
	wr = open(FIFO, O_WRONLY | O_NONBLOCK);
	show("open O_WRONLY|O_NONBLOCK, with a reader", wr);
	show("write", write(wr, "fifo", 4));
	show("fstat write end", fstat64(wr, &st));
	printf("mode %o, FIFO %s\n", st.st_mode & 07777, S_ISFIFO(st.st_mode) ? "yes" : "no");
	show("read", read(rd, buf, sizeof(buf)));
	show("read empty, writer open", read(rd, buf, sizeof(buf)));
	close(wr);
	show("read, writer gone", read(rd, buf, sizeof(buf)));
	show("poll after the writer went", poll(&pfd, 1, 0));
	printf("revents %#x\n", pfd.revents);
	close(rd);

	rw = open(FIFO, O_RDWR);
	show("open O_RDWR", rw);
	show("write", write(rw, "self", 4));
	show("read", read(rw, buf, sizeof(buf)));
	close(rw);

	/* a blocking open of the read end waits for a writer */
	pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		wr = open(FIFO, O_WRONLY);
		write(wr, "late", 4);
		close(wr);
		_exit(0);
	}
	rd = open(FIFO, O_RDONLY);
	show("blocking open O_RDONLY", rd);
	show("read", read(rd, buf, 4));
	show("read at EOF", read(rd, buf, 4));
	reap("writer", pid);
	close(rd);

	/* ... and a blocking open of the write end for a reader */
	pid = fork();
	if (pid == 0) {
		sleep_ms(50);
		rd = open(FIFO, O_RDONLY);
		show("child: read", read(rd, buf, 4));
		close(rd);
		_exit(0);
	}
	wr = open(FIFO, O_WRONLY);
	show("blocking open O_WRONLY", wr);
	rw = write(wr, "back", 4);	/* shown after the reader's line */
	reap("reader", pid);
	show("write", rw);
	close(wr);

	show("unlink", unlink(FIFO));
	return 0;
}
