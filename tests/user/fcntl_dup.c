/*
 * fcntl_dup: dup (the lowest free fd), dup2 (onto itself, over an open
 * fd which it closes, past the table, past RLIMIT_NOFILE), dup3 (its
 * flags, oldfd == newfd), fcntl and fcntl64: F_DUPFD(_CLOEXEC) from a
 * minimum, F_GETFD/F_SETFD (per descriptor), F_GETFL/F_SETFL (per open
 * file: only O_APPEND, O_NONBLOCK, O_NOATIME and O_DIRECT change), bad
 * commands and fds, and EMFILE/EINVAL at the descriptor limit.
 */
#include <sys/resource.h>

#include "check.h"

static void show_fl(const char *what, int fd)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		printf("%s: F_GETFL %s\n", what, errno_name(errno));
	else
		printf("%s: F_GETFL %o\n", what, fl);
}

static void dups(void)
{
	int p[2], q[2], fd;
	char c;

	pipe(p);
	pipe(q);
	printf("pipes %d %d, %d %d\n", p[0], p[1], q[0], q[1]);
	show("dup", dup(p[1]));
	show("dup", dup(p[1]));
	show("dup -1", dup(-1));
	show("dup 500", dup(500));
	close(7);
	show("dup after closing 7", dup(p[1]));
	close(7);
	close(8);

	show("dup2 onto itself", dup2(p[0], p[0]));
	show("dup2 closed onto itself", dup2(40, 40));
	show("dup2 onto 100", dup2(p[1], 100));
	show("write through 100", write(100, "a", 1));
	show("read it", read(p[0], &c, 1));
	show("dup2 onto 1023", dup2(p[1], 1023));
	show("dup2 onto 1024 (RLIMIT_NOFILE)", dup2(p[1], 1024));
	show("dup2 onto -1", dup2(p[1], -1));
	show("dup2 from a closed fd", dup2(50, 51));
	close(100);
	close(1023);

	/* dup2 over q's only write end: q's reader sees EOF */
	show("dup2 over an open fd", dup2(p[1], q[1]));
	show("read q at EOF", read(q[0], &c, 1));
	show("write through it goes to p", write(q[1], "b", 1));
	show("read p", read(p[0], &c, 1));
	printf("got %c\n", c);

	show("dup3 onto itself", dup3(p[0], p[0], 0));
	show("dup3 O_NONBLOCK", dup3(p[0], 20, O_NONBLOCK));
	show("dup3 O_CLOEXEC", dup3(p[0], 20, O_CLOEXEC));
	printf("F_GETFD of 20: %d\n", fcntl(20, F_GETFD));
	show("dup2 over it", dup2(p[1], 20));
	printf("F_GETFD of 20 after dup2: %d\n", fcntl(20, F_GETFD));
	show("dup3 from a closed fd", dup3(60, 61, 0));
	show("dup3 past RLIMIT_NOFILE", dup3(p[0], 5000, 0));
	close(20);

	fd = dup(p[0]);
	show("F_SETFD FD_CLOEXEC", fcntl(fd, F_SETFD, FD_CLOEXEC));
	printf("F_GETFD: dup %d, original %d\n", fcntl(fd, F_GETFD), fcntl(p[0], F_GETFD));
	show("F_SETFD 0xfe", fcntl(fd, F_SETFD, 0xfe));
	printf("F_GETFD: %d\n", fcntl(fd, F_GETFD));
	show("F_SETFD 3", fcntl(fd, F_SETFD, 3));
	printf("F_GETFD: %d\n", fcntl(fd, F_GETFD));
	close(fd);

	show("F_DUPFD from 10", fcntl(p[0], F_DUPFD, 10));
	show("F_DUPFD from 10 again", fcntl(p[0], F_DUPFD, 10));
	printf("F_GETFD of 11: %d\n", fcntl(11, F_GETFD));
	show("F_DUPFD_CLOEXEC from 10", fcntl(p[0], F_DUPFD_CLOEXEC, 10));
	printf("F_GETFD of 12: %d\n", fcntl(12, F_GETFD));
	show("F_DUPFD from 0", fcntl(p[0], F_DUPFD, 0));
	show("F_DUPFD from -1", fcntl(p[0], F_DUPFD, -1));
	show("F_DUPFD from 1024", fcntl(p[0], F_DUPFD, 1024));
	show("F_DUPFD from 1023", fcntl(p[0], F_DUPFD, 1023));
	close(1023);
	close(10);
	close(11);
	close(12);
	close(7);

	show_fl("read end", p[0]);
	show_fl("write end", p[1]);
	show("F_SETFL everything", fcntl(p[1], F_SETFL, O_RDWR | O_CREAT | O_EXCL | O_TRUNC |
					  O_APPEND | O_NONBLOCK | O_CLOEXEC | O_NOATIME));
	show_fl("write end after", p[1]);
	fd = dup(p[1]);
	show_fl("its dup shares the flags", fd);
	show("F_SETFL 0", fcntl(fd, F_SETFL, 0));
	show_fl("write end after clearing through the dup", p[1]);
	show("F_SETFL O_DIRECT on a pipe", fcntl(fd, F_SETFL, O_DIRECT));
	show_fl("after", fd);
	fcntl(fd, F_SETFL, 0);
	close(fd);

	show("fcntl on a closed fd", fcntl(70, F_GETFD));
	show("fcntl on fd -1", fcntl(-1, F_GETFL));
	show("fcntl with command 9999", fcntl(p[0], 9999, 0));
	show("fcntl with command -1", fcntl(p[0], -1, 0));
	show("fcntl (55) F_GETFL", fcntl32(p[1], F_GETFL, 0));
	show("fcntl (55) F_DUPFD from 30", fcntl32(p[1], F_DUPFD, 30));
	show("fcntl (55) with command 9999", fcntl32(p[1], 9999, 0));
	close(30);
	close(p[0]);
	close(p[1]);
	close(q[0]);
	close(q[1]);
}

static void files(void)
{
	int fd = open("/tests/fcntl_dup", O_RDONLY);

	show_fl("/tests/fcntl_dup O_RDONLY", fd);
	close(fd);
	fd = open("/tests/fcntl_dup", O_RDONLY | O_LARGEFILE | O_CLOEXEC | O_NOFOLLOW);
	show_fl("/tests/fcntl_dup O_LARGEFILE|O_CLOEXEC|O_NOFOLLOW", fd);
	printf("F_GETFD: %d\n", fcntl(fd, F_GETFD));
	show("F_SETFL O_APPEND|O_NONBLOCK", fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	show_fl("after", fd);
	close(fd);
}

static void limits(void)
{
	struct rlimit old, rl;
	int n = 0, fd;

	getrlimit(RLIMIT_NOFILE, &old);
	rl = old;
	rl.rlim_cur = 10;
	setrlimit(RLIMIT_NOFILE, &rl);
	while ((fd = dup(0)) >= 0)
		n++;
	printf("dups under RLIMIT_NOFILE 10: %d, then %s\n", n, errno_name(errno));
	show("F_DUPFD from 5", fcntl(0, F_DUPFD, 5));
	show("F_DUPFD from 9", fcntl(0, F_DUPFD, 9));
	show("F_DUPFD from 10", fcntl(0, F_DUPFD, 10));
	show("dup2 onto 9 (in use)", dup2(0, 9));
	show("dup2 onto 10", dup2(0, 10));
	show("pipe", pipe((int[2]){ 0, 0 }));
	for (fd = 3; fd < 10; fd++)
		close(fd);
	setrlimit(RLIMIT_NOFILE, &old);
	show("dup", dup(0));
	close(3);
}

int main(void)
{
	dups();
	files();
	limits();
	return 0;
}
