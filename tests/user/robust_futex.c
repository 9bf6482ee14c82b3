/*
 * robust_futex: set_robust_list / get_robust_list as glibc's start-up
 * calls them, and what the kernel does with the list when the task
 * exits: every lock word on it that names the dead task gets
 * FUTEX_OWNER_DIED (keeping FUTEX_WAITERS), words naming another task are
 * left alone, the pending entry counts too, and a looping list still
 * lets the task exit. The lists live in shared memory, so that the parent
 * sees the words after the child is gone.
 */
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/futex.h>

#include "check.h"

struct robust_list_head {
	void *next;
	long futex_offset;
	void *list_op_pending;
};

/* An entry of the list: the link, and 8 bytes further its lock word. */
struct lock {
	void *next;
	unsigned int pad;
	unsigned int word;
};

#define OFFSET	8	/* from an entry to its word */

struct shared {
	struct robust_list_head head;
	struct lock held, other, pending, looping;
};

static void child_exits_holding(struct shared *s, int loop)
{
	unsigned int tid = getpid();

	s->head.futex_offset = OFFSET;
	s->held.word = tid;
	s->other.word = tid + 1;		/* another task's lock */
	s->pending.word = tid | FUTEX_WAITERS;
	s->head.next = &s->held;
	s->held.next = &s->other;
	s->other.next = loop ? (void *)&s->looping : (void *)&s->head;
	s->looping.word = tid;
	s->looping.next = &s->looping;		/* never gets back to the head */
	s->head.list_op_pending = &s->pending;
	syscall(SYS_set_robust_list, &s->head, sizeof(s->head));
	_exit(0);
}

int main(void)
{
	struct robust_list_head mine = { .next = &mine };
	struct shared *s = mmap(NULL, PAGE, RW, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	void *head = NULL;
	size_t len = 0;
	pid_t pid;

	show("set_robust_list", syscall(SYS_set_robust_list, &mine, sizeof(mine)));
	show("set_robust_list with a wrong length",
	     syscall(SYS_set_robust_list, &mine, sizeof(mine) - 1));
	show("get_robust_list of itself", syscall(SYS_get_robust_list, 0, &head, &len));
	yes_no("  the head it set", head == &mine);
	printf("  length %zu\n", len);
	show("get_robust_list of its own pid", syscall(SYS_get_robust_list, getpid(), &head, &len));
	show("get_robust_list of no such pid", syscall(SYS_get_robust_list, 999999, &head, &len));
	show("get_robust_list into a bad pointer", syscall(SYS_get_robust_list, 0, 16, &len));

	pid = fork();
	if (pid == 0) {
		show("a fork child's list", syscall(SYS_get_robust_list, 0, &head, &len));
		yes_no("  empty", head == NULL);
		_exit(0);
	}
	reap("child", pid);

	pid = fork();
	if (pid == 0)
		child_exits_holding(s, 0);
	reap("child dying with locks", pid);
	printf("held lock: %s\n", s->held.word == FUTEX_OWNER_DIED ? "owner died" : "unchanged");
	yes_no("another task's lock untouched", (s->other.word & ~FUTEX_OWNER_DIED) ==
	       s->other.word);
	printf("pending lock with waiters: %s\n",
	       s->pending.word == (FUTEX_WAITERS | FUTEX_OWNER_DIED) ? "waiters, owner died" :
	       "unchanged");

	memset(s, 0, sizeof(*s));
	pid = fork();
	if (pid == 0)
		child_exits_holding(s, 1);
	reap("child dying with a looping list", pid);
	printf("lock on the loop: %s\n", s->looping.word == FUTEX_OWNER_DIED ? "owner died" :
	       "unchanged");

	memset(s, 0, sizeof(*s));
	pid = fork();
	if (pid == 0) {
		syscall(SYS_set_robust_list, (void *)16, sizeof(mine));
		_exit(0);
	}
	reap("child with a list at a bad address", pid);
	munmap(s, PAGE);
	return 0;
}
