/*
 * exclusive_monitor: a strex succeeds only if nothing came between it and
 * its ldrex. The kernel clears the CPU's exclusive monitor on every return
 * from an exception (ARMv7 requires it at least at each context switch):
 * otherwise a strex could succeed on a reservation that another task, or
 * the kernel itself, took, and an atomic update in user space would not be
 * atomic. So a system call, a yield to another process or a page fault
 * between ldrex and strex makes the strex fail; nothing between lets it
 * succeed.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

static volatile int word;

/* strex's status (0: stored) after an ldrex and a system call @nr (or none). */
static int ldrex_call_strex(long nr)
{
	register long r7 __asm__("r7") = nr;
	int status, value;

	__asm__ __volatile__(
		"	ldrex	%1, [%3]\n"
		"	cmp	%2, #0\n"
		"	svcne	#0\n"
		"	add	%1, %1, #1\n"
		"	strex	%0, %1, [%3]\n"
		: "=&r"(status), "=&r"(value), "+r"(r7)
		: "r"(&word)
		: "r0", "cc", "memory");
	return status;
}

/* The same with a store to a page never touched before (a fault) between. */
static int ldrex_fault_strex(volatile int *fresh)
{
	int status, value;

	__asm__ __volatile__(
		"	ldrex	%1, [%2]\n"
		"	str	%1, [%3]\n"
		"	add	%1, %1, #1\n"
		"	strex	%0, %1, [%2]\n"
		: "=&r"(status), "=&r"(value)
		: "r"(&word), "r"(fresh)
		: "memory");
	return status;
}

/*
 * ldrex then strex with nothing between: 0 once one stores. A timer
 * interrupt may land between the two instructions (its return clears the
 * monitor, on Linux as here), so, as any lock-free loop does, it retries.
 */
static int ldrex_strex_retrying(void)
{
	for (int i = 0; i < 8; i++)
		if (ldrex_call_strex(0) == 0)
			return 0;
	return 1;
}

int main(void)
{
	int *page = mmap(NULL, PAGE, RW, ANON, -1, 0);

	yes_no("strex right after its ldrex stores", ldrex_strex_retrying() == 0);
	yes_no("strex after getpid() in between fails",
	       ldrex_call_strex(SYS_getpid) == 1);
	yes_no("strex after sched_yield() in between fails",
	       ldrex_call_strex(SYS_sched_yield) == 1);
	if (page == MAP_FAILED) {
		printf("mmap: %s\n", errno_name(errno));
		return 1;
	}
	yes_no("strex after a page fault in between fails",
	       ldrex_fault_strex(page) == 1);
	yes_no("strex right after its ldrex stores, again", ldrex_strex_retrying() == 0);
	printf("word: %d\n", word);
	munmap(page, PAGE);
	return 0;
}
