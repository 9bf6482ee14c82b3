/*
 * sigpage: a handler installed without SA_RESTORER returns through the
 * process's [sigpage], the page of sigreturn code exec maps (Linux ARM's
 * arch_setup_additional_pages), not through the vectors page: its return
 * address lies in the [sigpage] line of /proc/self/maps, with the Thumb
 * bit for a Thumb handler; SA_RESTORER still wins. The page survives
 * fork, cannot grow by mremap (EFAULT), may move (the handlers then
 * return to its new place), and once unmapped a handler's return is a
 * SIGSEGV.
 */
#include <stdint.h>
#include <stdlib.h>

#include "check.h"

static volatile unsigned long ret_addr;
static volatile int handled;

static void arm_handler(int sig)
{
	(void)sig;
	ret_addr = (unsigned long)__builtin_return_address(0);
	handled++;
}

static void rt_handler(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)si, (void)uc;
	ret_addr = (unsigned long)__builtin_return_address(0);
	handled++;
}

__attribute__((target("thumb"))) static void thumb_handler(int sig)
{
	(void)sig;
	ret_addr = (unsigned long)__builtin_return_address(0);
	handled++;
}

/* sigreturn with sp still at the frame, as the kernel's own code does it */
__attribute__((naked)) static void restorer(void)
{
	__asm__ volatile("mov r7, #119\n\tsvc #0");
}

/* The [NAME] line of /proc/self/maps: its range, perms and the rest; 0 if none. */
static int find_line(const char *name, unsigned long *start, unsigned long *end,
		     char *rest, size_t restlen)
{
	static char buf[8192];
	char *line, *nl;
	int found = 0;

	if (slurp("/proc/self/maps", buf, sizeof(buf), 1024) < 0)
		return 0;
	for (line = buf; (nl = strchr(line, '\n')); line = nl + 1) {
		*nl = '\0';
		if (!strstr(line, name))
			continue;
		if (!found++) {
			*start = strtoul(line, NULL, 16);
			*end = strtoul(strchr(line, '-') + 1, NULL, 16);
			snprintf(rest, restlen, "%s", strchr(line, ' ') + 1);
		}
	}
	return found;
}

static void install(int sig, void *fn, unsigned long flags, void (*rest)(void))
{
	struct sigaction sa = { .sa_handler = (sighandler_t)fn, .sa_flags = flags,
				.sa_restorer = rest };

	sigaction(sig, &sa, NULL);
}

/* Raises SIGUSR1 with @fn installed; says where the handler returned to. */
static void try_handler(const char *what, void *fn, unsigned long flags)
{
	unsigned long start = 0, end = 0;
	char rest[128];
	int before = handled;

	install(SIGUSR1, fn, flags, NULL);
	ret_addr = 0;
	raise(SIGUSR1);
	find_line("[sigpage]", &start, &end, rest, sizeof(rest));
	printf("%s: handled %s, returns into [sigpage] %s, Thumb bit %s, in [vectors] %s\n",
	       what, handled == before + 1 ? "yes" : "no",
	       ret_addr >= start && ret_addr < end ? "yes" : "no",
	       ret_addr & 1 ? "yes" : "no", ret_addr >= 0xffff0000 ? "yes" : "no");
}

static void unmapped_return(void)
{
	unsigned long start, end;
	char rest[128];

	find_line("[sigpage]", &start, &end, rest, sizeof(rest));
	munmap((void *)start, PAGE);
	install(SIGUSR1, arm_handler, 0, NULL);
	raise(SIGUSR1);
	printf("returned past an unmapped [sigpage]\n");
}

int main(void)
{
	unsigned long start = 0, end = 0, s2, e2;
	char rest[128];
	void *w, *moved;
	int n;
	pid_t pid;

	n = find_line("[sigpage]", &start, &end, rest, sizeof(rest));
	printf("[sigpage] lines: %d\n", n);
	printf("[sigpage] one page: %s\n", end - start == PAGE ? "yes" : "no");
	printf("[sigpage] line after its range: %s\n", rest);
	yes_no("[sigpage] below the vectors", start < 0xffff0000UL);

	try_handler("ARM handler", arm_handler, 0);
	try_handler("SA_SIGINFO handler", rt_handler, SA_SIGINFO);
	try_handler("Thumb handler", thumb_handler, 0);
	try_handler("Thumb SA_SIGINFO handler", thumb_handler, SA_SIGINFO);

	install(SIGUSR1, arm_handler, SA_RESTORER, restorer);
	ret_addr = 0;
	raise(SIGUSR1);
	yes_no("SA_RESTORER: returns to the restorer", ret_addr == (unsigned long)restorer);

	pid = fork();
	if (pid == 0) {
		try_handler("in a forked child", arm_handler, 0);
		_exit(0);
	}
	reap("forked child", pid);

	try_mremap("mremap [sigpage] to two pages", (void *)start, PAGE, 2 * PAGE, 0, NULL);
	try_mremap("mremap [sigpage] to two pages, may move", (void *)start, PAGE, 2 * PAGE,
		   MREMAP_MAYMOVE, NULL);
	try_mremap("mremap [sigpage], MREMAP_DONTUNMAP", (void *)start, PAGE, PAGE,
		   MREMAP_MAYMOVE | MREMAP_DONTUNMAP, NULL);
	show("mprotect [sigpage] read-only", mprotect((void *)start, PAGE, PROT_READ));
	show("mprotect [sigpage] back to r-x", mprotect((void *)start, PAGE,
							 PROT_READ | PROT_EXEC));

	w = free_window(4);
	moved = mremap((void *)start, PAGE, PAGE, MREMAP_MAYMOVE | MREMAP_FIXED,
		       (char *)w + PAGE);
	show_map("mremap [sigpage] elsewhere", moved, (char *)w + PAGE);
	n = find_line("[sigpage]", &s2, &e2, rest, sizeof(rest));
	printf("after the move: [sigpage] lines %d, at the new place %s\n", n,
	       s2 == (unsigned long)moved ? "yes" : "no");
	try_handler("ARM handler after the move", arm_handler, 0);
	try_handler("Thumb handler after the move", thumb_handler, SA_SIGINFO);

	pid = fork();
	if (pid == 0) {
		unmapped_return();
		_exit(0);
	}
	reap("handler returning to an unmapped [sigpage]", pid);
	return 0;
}
