/*
 * sysfuzz [SEED [ITERATIONS [SECONDS [FIRST [trace]]]]]: calls the kernel with random and hostile
 * arguments. Every number 0-460 and the ARM private 0xf0000-0xf0010 gets
 * NULL, kernel addresses, unmapped and misaligned pointers, huge and
 * wrapping lengths, closed and negative fds and random flags, mixed with
 * memory-map storms (mmap, munmap, mprotect, mremap, brk, madvise),
 * fork/clone/vfork/execve/exit and, in a thread made with
 * CLONE_VM|CLONE_THREAD, the same storm racing its parent's.
 *
 * The run is a sequence of batches, each in a forked child, so the
 * fuzzer's own death (a signal it sent itself, a stack it unmapped) ends
 * only that batch; a batch still running after its time is SIGKILLed.
 * Everything is decided by a xorshift generator seeded from SEED and the
 * batch number: the same SEED replays the same calls. The kernel must
 * never oops, hang or leak; the fuzzer itself only reports. ITERATIONS 0
 * runs batches until SECONDS have passed; FIRST is the batch to begin
 * with, to replay one batch alone; "trace" prints every random call.
 *
 * Never called, since they would legitimately end the machine or the
 * test rather than find a bug: reboot (88), a signal to any process but
 * the batch and its children (pid -1, 0, < 0 and the shell's init), and
 * signal handlers other than SIG_IGN/SIG_DFL (a handler at a random
 * address is a user-space bug, not a kernel one). Reads of fd 0 would
 * take the shell's input: a batch closes 0, 1 and 2 first.
 *
 * The files it names are real and writable: each batch is chrooted into
 * a scratch tmpfs (SCRATCH) holding a copy of /bin/hello and a /proc, so
 * what its calls make, rename or remove goes with that tmpfs when the
 * run ends, and the machine's own files are never touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BATCH_CALLS	200		/* calls per forked batch */
#define SCRATCH		"/sysfuzz.d"	/* the tmpfs batches are chrooted into */
#define BATCH_MS	400		/* a batch is killed after this */
#define ARENA_PAGES	64		/* where most map storms happen */
#define PAGE		4096UL
#define NR_MAX		460
#define NR_ARM_LAST	0xf0010
#define MAX_FORKS	8		/* children a batch may leave to reap */

struct rng {
	unsigned int s;
};

static unsigned int next(struct rng *r)
{
	unsigned int x = r->s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return r->s = x;
}

static unsigned int below(struct rng *r, unsigned int n)
{
	return n ? next(r) % n : 0;
}

static int trace;		/* print each call (fd 1 stays open to do so) */
static char *scratch;		/* a mapped, writable page pair to point into */
static char *arena;		/* ARENA_PAGES the map storms work on */
static const char *const paths[] = {
	"/", "/bin", "/bin/hello", "/proc/self/maps", "/proc/1/status",
	"/nonexistent", "/nonexistent/x", "", "/tests/../bin/./hello",
	"/proc/self/fd/0", "/bin/hello/",
};

/* An address a syscall may be handed: valid, misaligned, unmapped or the kernel's. */
static unsigned long any_pointer(struct rng *r)
{
	switch (below(r, 10)) {
	case 0:
		return 0;
	case 1:
		return 0xc0000000UL + (next(r) & 0x3fffffff);	/* kernel */
	case 2:
		return 0xffff0000UL + below(r, 0x10000);		/* vectors page */
	case 3:
		return 0x1000UL * below(r, 16) + below(r, 4);	/* low, unmapped */
	case 4:
		return (unsigned long)scratch + 2 * PAGE - below(r, 16);	/* straddles the end */
	case 5:
		return (unsigned long)paths[below(r, sizeof(paths) / sizeof(paths[0]))];
	case 6:
		return (unsigned long)arena + below(r, ARENA_PAGES) * PAGE + below(r, 2) * below(r, 8);
	case 7:
		return next(r);
	default:
		return (unsigned long)scratch + below(r, 2 * PAGE);
	}
}

static unsigned long any_length(struct rng *r)
{
	switch (below(r, 8)) {
	case 0:
		return 0;
	case 1:
		return 0xffffffffUL - below(r, 2 * PAGE);		/* wraps */
	case 2:
		return 0x80000000UL + below(r, 3);
	case 3:
		return PAGE * below(r, 8) + below(r, 2);
	case 4:
		return next(r);
	default:
		return below(r, 256);
	}
}

static unsigned long any_arg(struct rng *r)
{
	switch (below(r, 8)) {
	case 0:
		return any_pointer(r);
	case 1:
		return any_length(r);
	case 2:
		return (unsigned long)(long)(int)below(r, 70) - 3;	/* fds: -3..66 */
	case 3:
		return 1UL << below(r, 32);				/* a flag */
	case 4:
		return next(r) & next(r);				/* sparse flags */
	case 5:
		return -(unsigned long)below(r, 4096);			/* -errno-like */
	default:
		return next(r);
	}
}

static inline long svc6(long nr, unsigned long a, unsigned long b, unsigned long c,
		 unsigned long d, unsigned long e, unsigned long f)
{
	register long r0 __asm__("r0") = (long)a;
	register long r1 __asm__("r1") = (long)b;
	register long r2 __asm__("r2") = (long)c;
	register long r3 __asm__("r3") = (long)d;
	register long r4 __asm__("r4") = (long)e;
	register long r5 __asm__("r5") = (long)f;
	register long r7 __asm__("r7") = nr;

	__asm__ __volatile__("svc #0" : "+r"(r0)
			     : "r"(r1), "r"(r2), "r"(r3), "r"(r4), "r"(r5), "r"(r7)
			     : "memory");
	return r0;
}

/* A system call, shown first when tracing. */
static long raw6(long nr, unsigned long a, unsigned long b, unsigned long c,
		 unsigned long d, unsigned long e, unsigned long f)
{
	if (trace)
		dprintf(1, "sysfuzz: %ld(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx)\n", nr,
			a, b, c, d, e, f);
	return svc6(nr, a, b, c, d, e, f);
}

/*
 * fork, vfork or clone with whatever flags and stack: the child exits at
 * once, without touching memory (it may share its parent's stack).
 */
static long raw_fork_and_exit(long nr, unsigned long a, unsigned long b,
			      unsigned long c, unsigned long d, unsigned long e)
{
	register long r0 __asm__("r0") = (long)a;
	register long r1 __asm__("r1") = (long)b;
	register long r2 __asm__("r2") = (long)c;
	register long r3 __asm__("r3") = (long)d;
	register long r4 __asm__("r4") = (long)e;
	register long r7 __asm__("r7") = nr;

	__asm__ __volatile__("svc #0\n\t"
			     "cmp r0, #0\n\t"
			     "bne 1f\n\t"
			     "mov r7, #1\n\t"		/* exit: this task only */
			     "svc #0\n"
			     "1:"
			     : "+r"(r0), "+r"(r7)
			     : "r"(r1), "r"(r2), "r"(r3), "r"(r4)
			     : "memory", "cc");
	return r0;
}

static int is_signal_call(long nr)
{
	/* kill, tkill, tgkill, rt_sigqueueinfo, rt_tgsigqueueinfo, pidfd_send_signal */
	return nr == 37 || nr == 238 || nr == 268 || nr == 178 || nr == 363 ||
	       nr == 424;
}

/*
 * Half the calls are among these, the ones a small kernel is likely to
 * have: the rest of 0-460 mostly meets ENOSYS, which is quickly checked.
 */
static const unsigned short hot[] = {
	3, 4, 5, 6, 11, 19, 20, 37, 41, 45, 54, 55, 63, 64, 77, 85, 91, 114,
	120, 122, 125, 126, 140, 141, 144, 145, 146, 158, 162, 163, 172, 173,
	174, 175, 183, 190, 191, 192, 195, 196, 197, 199, 217, 219, 220, 221,
	224, 238, 240, 256, 263, 268, 322, 327, 328, 338, 339, 369, 384, 387,
	397, 403, 407, 422,
};

static pid_t last_child;
static int forks;

/*
 * The children a batch made, on a page shared with the top process: a
 * child stopped by a fuzzed SIGSTOP outlives its killed batch (Pagoda
 * has no orphaned process groups to wake it, as Linux would), so the
 * top process SIGKILLs each one after the batch.
 */
struct children {
	int n;
	pid_t pid[MAX_FORKS];
};

static struct children *children;

static void made_child(pid_t pid)
{
	forks++;
	last_child = pid;
	if (children->n < MAX_FORKS)
		children->pid[children->n++] = pid;
}

/* One random call, its arguments made safe only where the header says. */
static void fuzz_call(struct rng *r)
{
	unsigned long a[6];
	long nr;
	int i;

	if (below(r, 20) == 0)
		nr = __ARM_NR_BASE + below(r, NR_ARM_LAST - __ARM_NR_BASE + 1);
	else if (below(r, 2))
		nr = hot[below(r, sizeof(hot) / sizeof(hot[0]))];
	else
		nr = below(r, NR_MAX + 1);
	for (i = 0; i < 6; i++)
		a[i] = any_arg(r);
	if (nr == 88)		/* reboot: would end the machine */
		return;
	if (nr == 29 || nr == 72 || nr == 179)	/* pause, sigsuspend: a sure hang, nothing found */
		return;
	if (is_signal_call(nr)) {
		/* only the batch itself or a child of it: never -1, a group or the shell */
		pid_t self = getpid();

		a[0] = below(r, 2) && last_child > 0 ? (unsigned long)last_child : (unsigned long)self;
		if (nr == 268 || nr == 363)	/* tgkill(tgid, tid, sig) */
			a[1] = a[0];
		if (nr == 424)			/* pidfd_send_signal: no pidfds to aim with */
			return;
	}
	if (nr == 67 || nr == 174) {		/* sigaction, rt_sigaction */
		unsigned long *act = (unsigned long *)scratch;

		act[0] = below(r, 2);		/* SIG_DFL or SIG_IGN */
		if (a[1] && a[1] < 0xc0000000UL)	/* any user address: ours */
			a[1] = (unsigned long)act;
	}
	if (nr == 2 || nr == 190 || nr == 120) {	/* fork, vfork, clone */
		long ret;

		if (forks >= MAX_FORKS)
			return;
		ret = raw_fork_and_exit(nr, a[0], a[1], a[2], a[3], a[4]);
		if (ret > 0)
			made_child(ret);
		return;
	}
	if (nr == 192 || nr == 90)	/* mmap: no populating of gigabytes, the OOM killer is not the test */
		if (a[3] & 0x8000 && a[1] > 64 * PAGE)
			a[3] &= ~0x8000UL;
	raw6(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}

/* The memory-map storm: mostly on the arena, sometimes anywhere. */
static void map_call(struct rng *r)
{
	unsigned long addr = (unsigned long)arena + below(r, ARENA_PAGES) * PAGE;
	unsigned long len = below(r, 8) * PAGE + (below(r, 4) == 0);
	int prot = below(r, 8);

	if (below(r, 16) == 0)
		addr = any_pointer(r);
	switch (below(r, 8)) {
	case 0:
		raw6(192, addr, len, prot, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED |
		     (below(r, 2) ? MAP_SHARED : 0), -1, 0);
		break;
	case 1:
		raw6(91, addr, len, 0, 0, 0, 0);	/* munmap */
		break;
	case 2:
		raw6(125, addr, len, prot, 0, 0, 0);	/* mprotect */
		break;
	case 3:
		raw6(163, addr, len, below(r, 8) * PAGE, below(r, 4),
		     (unsigned long)arena + below(r, ARENA_PAGES) * PAGE, 0);	/* mremap */
		break;
	case 4:
		raw6(220, addr, len, below(r, 25), 0, 0, 0);	/* madvise */
		break;
	case 5:
		raw6(45, below(r, 2) ? 0 : (unsigned long)sbrk(0) + (long)(next(r) % (1 << 20)) -
		     (1 << 19), 0, 0, 0, 0, 0);		/* brk */
		break;
	case 6:
		raw6(219, addr, len, (unsigned long)scratch, 0, 0, 0);	/* mincore */
		break;
	default:	/* touch: a fault on the arena (a SIGSEGV ends the batch) */
		if (below(r, 4) == 0)
			*(volatile char *)addr = 1;
		else
			raw6(3, 3 + below(r, 4), addr, len, 0, 0, 0);	/* read into it */
		break;
	}
}

struct thread_arg {
	struct rng rng;
	int calls;
};

static int racer(void *p)
{
	struct thread_arg *t = p;

	while (t->calls-- > 0)
		map_call(&t->rng);
	return 0;
}

/* A thread sharing everything, racing its parent's map storm. */
static void start_racer(struct rng *r)
{
	static struct thread_arg t;
	char *stack = mmap(NULL, 4 * PAGE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (stack == MAP_FAILED)
		return;
	t.rng.s = next(r) | 1;
	t.calls = 50 + below(r, 100);
	clone(racer, stack + 4 * PAGE, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
	      CLONE_THREAD, &t);
}

/* A fork storm: children that map, touch and leave at once. */
static void fork_storm(struct rng *r)
{
	int n = 1 + below(r, 4);

	while (n-- > 0 && forks < MAX_FORKS) {
		pid_t pid = fork();

		if (pid == 0) {
			char *p = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

			if (p != MAP_FAILED)
				p[0] = 1;
			arena[0] = 2;	/* a COW break, or a fault on a hole */
			_exit(below(r, 256));
		}
		if (pid > 0)
			made_child(pid);
	}
}

static void batch(unsigned int seed, unsigned int number)
{
	struct rng r = { (seed * 2654435761u) ^ (number * 40503u) ^ 0x9e3779b9u };
	int i;

	if (!r.s)
		r.s = 1;
	if (chroot(SCRATCH) || chdir("/"))
		_exit(101);
	close(0);
	if (!trace) {
		close(1);
		close(2);
	}
	scratch = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	arena = mmap(NULL, ARENA_PAGES * PAGE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (scratch == MAP_FAILED || arena == MAP_FAILED)
		_exit(100);
	for (i = 0; i < BATCH_CALLS; i++) {
		unsigned int what = below(&r, 32);

		if (what < 20)
			fuzz_call(&r);
		else if (what < 29)
			map_call(&r);
		else if (what < 30)
			start_racer(&r);
		else if (what < 31)
			fork_storm(&r);
		else
			open(paths[below(&r, sizeof(paths) / sizeof(paths[0]))], below(&r, 4));
	}
	while (wait4(-1, NULL, __WALL, NULL) > 0 || errno == EINTR)
		;
	_exit(0);
}

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000;
}

/* A tmpfs at SCRATCH with bin/hello, tests/ and a mounted proc/: 0 or -1. */
static int make_scratch(void)
{
	char buf[4096];
	int in, out;
	ssize_t n;

	if (mkdir(SCRATCH, 0755) && errno != EEXIST)
		return -1;
	if (mount("sysfuzz", SCRATCH, "tmpfs", 0, "size=4m") ||
	    mkdir(SCRATCH "/bin", 0755) || mkdir(SCRATCH "/tests", 0755) ||
	    mkdir(SCRATCH "/proc", 0555) || mount("proc", SCRATCH "/proc", "proc", 0, NULL))
		return -1;
	in = open("/bin/hello", O_RDONLY);
	out = open(SCRATCH "/bin/hello", O_WRONLY | O_CREAT, 0755);
	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	close(in);
	close(out);
	return 0;
}

/* Lazily: the children of killed batches may still be in it. */
static void remove_scratch(void)
{
	umount2(SCRATCH "/proc", MNT_DETACH);
	umount2(SCRATCH, MNT_DETACH);
	rmdir(SCRATCH);
}

int main(int argc, char **argv)
{
	unsigned int seed = argc > 1 ? strtoul(argv[1], NULL, 0) : 1;
	unsigned int iterations = argc > 2 ? strtoul(argv[2], NULL, 0) : 2000;
	long seconds = argc > 3 ? strtol(argv[3], NULL, 0) : 0;
	unsigned int first = argc > 4 ? strtoul(argv[4], NULL, 0) : 0;

	trace = argc > 5 && !strcmp(argv[5], "trace");
	unsigned int batches = (iterations + BATCH_CALLS - 1) / BATCH_CALLS;
	unsigned int b, exited = 0, signalled = 0, killed = 0;
	struct timespec tick = { 0, 5 * 1000000 };
	long end = now_ms() + seconds * 1000;

	children = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (children == MAP_FAILED) {
		printf("sysfuzz: mmap: errno %d\n", errno);
		return 1;
	}
	if (make_scratch()) {
		printf("sysfuzz: cannot make %s: errno %d\n", SCRATCH, errno);
		return 1;
	}
	if (!iterations)	/* until SECONDS have passed */
		batches = ~0u - first;
	printf("sysfuzz: seed %u, %u calls a batch\n", seed, BATCH_CALLS);
	for (b = first; b < first + batches && (!seconds || now_ms() < end); b++) {
		long deadline = now_ms() + BATCH_MS;
		int status = 0, i;
		pid_t pid, got;

		children->n = 0;
		pid = fork();

		if (pid < 0) {
			printf("sysfuzz: fork: errno %d\n", errno);
			return 1;
		}
		if (pid == 0)
			batch(seed, b);
		while ((got = waitpid(pid, &status, WNOHANG)) == 0 && now_ms() < deadline)
			nanosleep(&tick, NULL);
		if (got == 0) {
			kill(pid, SIGKILL);
			deadline = now_ms() + 2000;
			while ((got = waitpid(pid, &status, WNOHANG)) == 0 && now_ms() < deadline)
				nanosleep(&tick, NULL);
			if (got == 0)	/* a kernel bug: name the batch, to replay it */
				printf("sysfuzz: seed %u batch %u: not dead 2 s after SIGKILL\n",
				       seed, b);
			waitpid(pid, &status, 0);
			killed++;
		} else if (WIFSIGNALED(status)) {
			signalled++;
		} else {
			exited++;
		}
		for (i = 0; i < children->n && i < MAX_FORKS; i++)
			if (children->pid[i] > pid)	/* never a stray number */
				kill(children->pid[i], SIGKILL);
		/* siblings a batch made with CLONE_PARENT are ours */
		while (wait4(-1, NULL, WNOHANG | __WALL, NULL) > 0)
			;
	}
	/* the children of killed batches are init's to reap */
	remove_scratch();
	printf("sysfuzz: seed %u done: %u batches, %u exited, %u died of a signal, %u timed out\n",
	       seed, b - first, exited, signalled, killed);
	return 0;
}
