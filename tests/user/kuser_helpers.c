/*
 * kuser_helpers: the vectors page at 0xffff0000 that Linux gives every
 * ARM process, readable and executable but not writable, and the helpers
 * C libraries call at its fixed addresses: the version word, get_tls,
 * cmpxchg, cmpxchg64 and memory_barrier. /proc/self/maps lists the page
 * as [vectors].
 */
#include <fcntl.h>
#include <unistd.h>

#include "check.h"

#define KUSER(addr)	((unsigned long)(addr))

typedef int (kuser_cmpxchg_t)(int oldval, int newval, volatile int *ptr);
typedef int (kuser_cmpxchg64_t)(const long long *oldval, const long long *newval,
				volatile long long *ptr);
typedef void *(kuser_get_tls_t)(void);
typedef void (kuser_dmb_t)(void);

#define kuser_helper_version	(*(volatile int *)0xffff0ffc)
#define kuser_get_tls		((kuser_get_tls_t *)0xffff0fe0)
#define kuser_cmpxchg		((kuser_cmpxchg_t *)0xffff0fc0)
#define kuser_memory_barrier	((kuser_dmb_t *)0xffff0fa0)
#define kuser_cmpxchg64		((kuser_cmpxchg64_t *)0xffff0f60)

static void write_vectors(void)
{
	*(volatile int *)0xffff0ffc = 0;
}

static void show_vectors_line(void)
{
	static char buf[8192];
	int fd = open("/proc/self/maps", O_RDONLY);
	ssize_t n, len = 0;
	char *line, *nl;

	if (fd < 0) {
		printf("open maps: %s\n", errno_name(errno));
		return;
	}
	while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = '\0';
	for (line = buf; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		if (strstr(line, "[vectors]"))
			printf("maps: %s\n", line);
		if (!nl[1])
			printf("last line is [vectors]: %s\n",
			       strstr(line, "[vectors]") ? "yes" : "no");
	}
}

int main(void)
{
	static int tls_block[4];
	volatile int word = 5;
	volatile long long dword = 0x1111111122222222LL;
	long long old, new;
	int r;
	pid_t pid;

	printf("helper version: %d\n", kuser_helper_version);

	show("set_tls", set_tls(tls_block));
	yes_no("get_tls returns it", kuser_get_tls() == (void *)tls_block);

	r = kuser_cmpxchg(5, 9, &word);
	printf("cmpxchg 5->9 on 5: %s, word %d\n", r ? "failed" : "stored", word);
	r = kuser_cmpxchg(5, 7, &word);
	printf("cmpxchg 5->7 on 9: %s, word %d\n", r ? "failed" : "stored", word);

	old = 0x1111111122222222LL;
	new = 0x3333333344444444LL;
	r = kuser_cmpxchg64(&old, &new, &dword);
	printf("cmpxchg64 on a match: %s, high word changed: %s\n",
	       r ? "failed" : "stored", (dword >> 32) == 0x33333333 ? "yes" : "no");
	old = 0x3333333344444445LL;	/* differs in the low word only */
	r = kuser_cmpxchg64(&old, &new, &dword);
	printf("cmpxchg64 on a low-word mismatch: %s\n", r ? "failed" : "stored");
	old = 0x3333333444444444LL;	/* differs in the high word only */
	r = kuser_cmpxchg64(&old, &new, &dword);
	printf("cmpxchg64 on a high-word mismatch: %s\n", r ? "failed" : "stored");

	kuser_memory_barrier();
	printf("memory_barrier returned\n");

	pid = fork();
	if (pid == 0) {
		write_vectors();
		_exit(0);
	}
	reap("write to the vectors page", pid);
	show("munmap vectors", munmap((void *)0xffff0000, PAGE));
	show("mprotect vectors", mprotect((void *)0xffff0000, PAGE, RW));
	show_vectors_line();
	return 0;
}
