/*
 * threads: clone(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
 * CLONE_THREAD | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
 * on stacks from mmap, as a thread library would call it. Threads see
 * each other's writes (stacks too), have their own tid and TLS register
 * but the process's pid, cannot be waited for, and are joined by
 * futex-waiting on the child-tid word until the kernel clears it. Four
 * threads count under a futex lock. A process whose main thread left
 * first takes its status from a later exit_group, or else from the main
 * thread's exit; exit_group from the main thread ends the process with a
 * thread still running.
 */
#include <fcntl.h>
#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/futex.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD | CLONE_SETTLS | CLONE_PARENT_SETTID | \
			 CLONE_CHILD_CLEARTID)
#define STACK_SIZE	(16 * PAGE)

static void *get_tls(void)
{
	void *p;

	__asm__ __volatile__("mrc p15, 0, %0, c13, c0, 3" : "=r"(p));
	return p;
}

static void store(int *w, int v)
{
	__atomic_store_n(w, v, __ATOMIC_SEQ_CST);
}

/* Waits until the kernel clears the child-tid word; 0 after 5 s. */
static int join(int *ctid)
{
	struct timespec second = { 1, 0 };
	int v;

	for (int i = 0; i < 5; i++) {
		v = load_shared(ctid);
		if (!v)
			return 1;
		/* The kernel's wake at thread exit is a shared (not private) one. */
		futex(ctid, FUTEX_WAIT, v, &second, NULL, 0);
	}
	return load_shared(ctid) == 0;
}

static char *new_stack(void)
{
	char *s = mmap(NULL, STACK_SIZE, RW, ANON | MAP_STACK, -1, 0);

	if (s == MAP_FAILED) {
		printf("mmap a thread stack: %s\n", errno_name(errno));
		return NULL;
	}
	return s;
}

/* The first thread and what it found. */
static struct {
	int tid, pid, tls_ok;
	int before_seen;	/* main's write before clone */
	int after_seen;		/* main's write after clone */
	int stack_seen;		/* main's write into this thread's stack */
	int *stack_var;		/* published for main */
	int step;
} t1;
static int before_clone, from_thread, after_clone;
static int t1_tls_block[4], main_tls_block[4];

static int first_thread(void *arg)
{
	int on_stack = 0x4242;

	t1.tid = gettid();
	t1.pid = getpid();
	t1.tls_ok = get_tls() == arg;
	t1.before_seen = load_shared(&before_clone) == 0x1234;
	store(&from_thread, 0x5678);
	__atomic_store_n(&t1.stack_var, &on_stack, __ATOMIC_SEQ_CST);
	store(&t1.step, 1);
	if (!await_value(&t1.step, 2))
		return 1;
	t1.after_seen = load_shared(&after_clone) == 0x9abc;
	t1.stack_seen = load_shared(&on_stack) == 0x4343;
	store(&t1.step, 3);
	return 0;
}

static void one_thread(void)
{
	int ptid = 0, ctid = -1, st, seen_from_thread;
	char *stack = new_stack();
	long tid;

	if (!stack)
		return;
	show("set_tls for the main thread", set_tls(main_tls_block));
	before_clone = 0x1234;
	tid = clone(first_thread, stack + STACK_SIZE, THREAD_FLAGS, t1_tls_block,
		    &ptid, t1_tls_block, &ctid);
	if (tid < 0) {
		printf("clone: %s\n", errno_name(errno));
		return;
	}
	if (!await_value(&t1.step, 1)) {
		printf("the thread never ran\n");
		return;
	}
	seen_from_thread = load_shared(&from_thread) == 0x5678;
	printf("wait4 on the thread, WNOHANG: ");
	if (wait4(tid, &st, WNOHANG, NULL) == -1)
		printf("%s\n", errno_name(errno));
	else
		printf("no error\n");
	store(&after_clone, 0x9abc);
	store(t1.stack_var, 0x4343);
	store(&t1.step, 2);
	yes_no("join: the kernel cleared the child-tid word (futex wait)",
	       join(&ctid));
	yes_no("the thread got to its end", load_shared(&t1.step) == 3);

	yes_no("clone returned the thread's gettid", tid == t1.tid);
	yes_no("CLONE_PARENT_SETTID stored the same", ptid == tid);
	yes_no("in the thread: getpid is the process's", t1.pid == getpid());
	yes_no("in the thread: gettid differs from getpid", t1.tid != t1.pid);
	yes_no("in the main thread: gettid equals getpid", gettid() == getpid());
	yes_no("CLONE_SETTLS set the thread's TLS register", t1.tls_ok);
	yes_no("the main thread's TLS register unchanged",
	       get_tls() == main_tls_block);
	yes_no("the thread saw main's write from before clone", t1.before_seen);
	yes_no("main saw the thread's write", seen_from_thread);
	yes_no("the thread saw main's write from after clone", t1.after_seen);
	yes_no("main wrote into the thread's stack and it saw that",
	       t1.stack_seen);
	munmap(stack, STACK_SIZE);
}

/* A three-state futex lock: 0 free, 1 taken, 2 taken with waiters. */
static int lock_word;

static void lock(int *l)
{
	int c = 0;

	if (__atomic_compare_exchange_n(l, &c, 1, 0, __ATOMIC_SEQ_CST,
					__ATOMIC_SEQ_CST))
		return;
	if (c != 2)
		c = __atomic_exchange_n(l, 2, __ATOMIC_SEQ_CST);
	while (c != 0) {
		futex(l, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
		c = __atomic_exchange_n(l, 2, __ATOMIC_SEQ_CST);
	}
}

static void unlock(int *l)
{
	if (__atomic_fetch_sub(l, 1, __ATOMIC_SEQ_CST) != 1) {
		store(l, 0);
		futex(l, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	}
}

#define NTHREADS	4
#define ROUNDS		2000

static volatile int counter;
static int go;

static int counting_thread(void *arg)
{
	int v;

	(void)arg;
	await_value(&go, 1);
	for (int i = 0; i < ROUNDS; i++) {
		lock(&lock_word);
		v = counter;
		/* Give up the CPU inside the lock now and then: contention. */
		if (i % 64 == 0)
			sched_yield();
		counter = v + 1;
		unlock(&lock_word);
	}
	return 0;
}

/* The "Threads:" count of /proc/self/status, or -1. */
static int threads_now(void)
{
	static char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	long n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	char *line;

	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	line = strstr(buf, "\nThreads:");
	return line ? (int)strtoul(line + 9, NULL, 10) : -1;
}

static void four_threads(void)
{
	int ptid[NTHREADS], ctid[NTHREADS], cleared = 0, distinct = 1;
	struct timespec ms1 = { 0, 1000000 };
	long tid[NTHREADS];
	char *stack[NTHREADS];
	int n, polls = 0;

	/* a joined thread may still be on its way out (its tid word is cleared first) */
	while (threads_now() > 1 && polls++ < 1000)
		nanosleep(&ms1, NULL);

	for (n = 0; n < NTHREADS; n++) {
		stack[n] = new_stack();
		if (!stack[n])
			break;
		ctid[n] = -1;
		tid[n] = clone(counting_thread, stack[n] + STACK_SIZE,
			       THREAD_FLAGS, NULL, &ptid[n], NULL, &ctid[n]);
		if (tid[n] < 0) {
			printf("clone thread %d: %s\n", n, errno_name(errno));
			munmap(stack[n], STACK_SIZE);
			break;
		}
	}
	printf("Threads in /proc/self/status while they wait: %d\n", threads_now());
	store(&go, 1);
	for (int i = 0; i < n; i++) {
		cleared += join(&ctid[i]);
		for (int j = 0; j < i; j++)
			if (tid[i] == tid[j])
				distinct = 0;
		munmap(stack[i], STACK_SIZE);
	}
	printf("%d threads started, %d joined\n", n, cleared);
	yes_no("their thread ids are distinct", distinct);
	printf("%d threads x %d increments under a futex lock: %d\n", n, ROUNDS,
	       counter);
	printf("lock word at the end: %d\n", lock_word);
}

/*
 * In a child process: the main thread exits alone (exit(3), not
 * exit_group); then the other thread ends the process, with
 * exit_group(5) or with exit(6) as the last thread. What wait4 reports
 * is Linux's: the group's exit code after an exit_group, else the main
 * thread's own.
 */
static int late_thread(void *arg)
{
	struct timespec ms50 = { 0, 50000000 };

	nanosleep(&ms50, NULL);
	if (arg)
		exit_group(5);
	exit_thread(6);
}

static void main_thread_leaves_first(bool group, const char *what)
{
	int ctid = -1, ptid, st;
	pid_t pid = fork();

	if (pid == 0) {
		char *stack = new_stack();

		if (!stack || clone(late_thread, stack + STACK_SIZE, THREAD_FLAGS,
				    (void *)group, &ptid, NULL, &ctid) < 0)
			_exit(1);
		exit_thread(3);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	if (wait4(pid, &st, 0, NULL) != pid)
		printf("%s: wait4: %s\n", what, errno_name(errno));
	else
		printf("%s: status %#x\n", what, st);
}

static int sleeping_thread(void *arg)
{
	struct timespec s3 = { 3, 0 };

	(void)arg;
	nanosleep(&s3, NULL);
	exit_group(7);		/* only if the kill below did not arrive */
}

/*
 * The main thread exits alone, another sleeps; kill(pid, SIGKILL) must
 * still reach the process through the thread that is left.
 */
static void kill_after_main_thread_left(void)
{
	struct timespec ms50 = { 0, 50000000 };
	int ctid = -1, ptid, st;
	pid_t pid = fork();

	if (pid == 0) {
		char *stack = new_stack();

		if (!stack || clone(sleeping_thread, stack + STACK_SIZE, THREAD_FLAGS,
				    NULL, &ptid, NULL, &ctid) < 0)
			_exit(1);
		exit_thread(0);
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	nanosleep(&ms50, NULL);
	show("kill(SIGKILL) with the main thread gone", kill(pid, SIGKILL));
	if (wait4(pid, &st, 0, NULL) != pid)
		printf("  wait4: %s\n", errno_name(errno));
	else if (WIFSIGNALED(st))
		printf("  killed by signal %d\n", WTERMSIG(st));
	else
		printf("  exited %d\n", WEXITSTATUS(st));
}

static char exec_pid_arg[16];

/* A thread that replaces the whole process with this program's --after-exec. */
static int exec_thread(void *arg)
{
	char *argv[] = { "threads", "--after-exec", exec_pid_arg, NULL };
	char *envp[] = { NULL };

	(void)arg;
	execve("/tests/threads", argv, envp);
	exit_group(2);		/* execve failed */
}

/*
 * A thread (not the main one) calls execve while the main thread
 * sleeps: the main thread goes, and the new program runs alone with the
 * process's pid. It checks that itself (--after-exec) and exits 0.
 */
static void exec_from_a_thread(void)
{
	struct timespec s3 = { 3, 0 };
	int ctid = -1, ptid;
	pid_t pid = fork();

	if (pid == 0) {
		char *stack = new_stack();

		snprintf(exec_pid_arg, sizeof(exec_pid_arg), "%d", getpid());
		if (!stack || clone(exec_thread, stack + STACK_SIZE, THREAD_FLAGS,
				    NULL, &ptid, NULL, &ctid) < 0)
			_exit(1);
		nanosleep(&s3, NULL);
		_exit(3);	/* the exec did not end this thread */
	}
	if (pid == -1) {
		printf("fork: %s\n", errno_name(errno));
		return;
	}
	reap("execve from a second thread (0: one thread, the same pid)", pid);
}

/* The program exec_from_a_thread starts: alone, with the old pid? */
static int after_exec(const char *pid_arg)
{
	return getpid() == atoi(pid_arg) && threads_now() == 1 ? 0 : 1;
}

/* Runs until exit_group from main ends it; if it ever gets to 3 s, fails. */
static int lingering_thread(void *arg)
{
	struct timespec ms10 = { 0, 10000000 };

	store(arg, 1);
	for (int i = 0; i < 300; i++)
		nanosleep(&ms10, NULL);
	printf("the other thread outlived exit_group: wrong\n");
	exit_group(1);
}

int main(int argc, char **argv)
{
	static int running;
	int ctid = -1, ptid;
	char *stack;

	if (argc == 3 && !strcmp(argv[1], "--after-exec"))
		return after_exec(argv[2]);

	printf("threads: start\n");
	printf("Threads in /proc/self/status: %d\n", threads_now());
	one_thread();
	four_threads();
	main_thread_leaves_first(true, "main thread exit(3), then exit_group(5)");
	main_thread_leaves_first(false, "main thread exit(3), then the last exit(6)");
	kill_after_main_thread_left();
	exec_from_a_thread();

	stack = new_stack();
	if (!stack)
		return 1;
	if (clone(lingering_thread, stack + STACK_SIZE, THREAD_FLAGS, &running,
		  &ptid, NULL, &ctid) < 0 ||
	    !await_value(&running, 1)) {
		printf("could not start the lingering thread\n");
		return 1;
	}
	printf("threads: exit_group(0) from main, another thread running\n");
	exit_group(0);
}
