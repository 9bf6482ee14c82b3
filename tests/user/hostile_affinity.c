/*
 * hostile_affinity: sched_setaffinity, sched_getaffinity and getcpu with
 * bad arguments (empty or offline-only masks, short and long lengths,
 * bad pointers, missing pids, a zombie), and a parent that moves a
 * spinning child's mask around as fast as it can: the child goes on,
 * ends normally and is reaped. Nothing is left running.
 */
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"

static long setaff(int pid, unsigned int len, const void *mask)
{
	return syscall(SYS_sched_setaffinity, pid, len, mask);
}

static unsigned long first_cpu_mask(void)
{
	unsigned long m = 0;

	syscall(SYS_sched_getaffinity, 0, sizeof(m), &m);
	return m & -m;
}

static void bad_arguments(void)
{
	unsigned long zero = 0, high = 1UL << 31, cpu0 = first_cpu_mask();
	static unsigned long big[1024];
	unsigned int c, n;
	pid_t pid;
	int st;

	show("empty mask", setaff(0, sizeof(zero), &zero));
	show("only cpu 31, offline", setaff(0, sizeof(high), &high));
	show("length 0", setaff(0, 0, &cpu0));
	show("length 0, NULL", setaff(0, 0, NULL));
	show("NULL mask", setaff(0, sizeof(cpu0), NULL));
	show("mask at a bad address", setaff(0, sizeof(cpu0), (void *)16));
	show("3 bytes of the first cpu's mask", setaff(0, 3, &cpu0));
	big[0] = cpu0;
	show("4096 bytes", setaff(0, sizeof(big), big));
	show("pid 99999", setaff(99999, sizeof(cpu0), &cpu0));
	show("pid -1", setaff(-1, sizeof(cpu0), &cpu0));
	show("getcpu, nowhere to put it", syscall(SYS_getcpu, NULL, NULL, NULL));
	show("getcpu to a bad address", syscall(SYS_getcpu, (void *)16, NULL, NULL));
	show("getcpu node to a bad address", syscall(SYS_getcpu, &c, (void *)16, NULL));
	n = 7;
	show("getcpu with a node", syscall(SYS_getcpu, &c, &n, NULL));
	show("node", n);
	pid = fork();
	if (pid == 0)
		_exit(0);
	{
		char info[128];

		/* a zombie from here on: waited for, but not reaped */
		syscall(SYS_waitid, P_PID, pid, info, WEXITED | WNOWAIT, NULL);
	}
	show("a zombie's mask set", setaff(pid, sizeof(cpu0), &cpu0));
	show("a zombie's mask read", syscall(SYS_sched_getaffinity, pid, sizeof(zero), &zero));
	waitpid(pid, &st, 0);
	show("the reaped child's mask set", setaff(pid, sizeof(cpu0), &cpu0));
	big[0] = ~0UL;
	show("every cpu again", setaff(0, sizeof(big[0]), big));
}

/* A child spins while its mask flips between each allowed CPU and all of them. */
static void flipping(void)
{
	unsigned long all = 0, one;
	pid_t pid;
	int st;

	syscall(SYS_sched_getaffinity, 0, sizeof(all), &all);
	pid = fork();
	if (pid == 0) {
		unsigned long long end = monotonic_ns() + 300000000ULL;
		volatile unsigned long spins = 0;

		while (monotonic_ns() < end)
			spins++;
		_exit(sched_getcpu() >= 0 ? 0 : 1);
	}
	for (int i = 0; i < 300; i++) {
		one = all;
		for (int k = i % (__builtin_popcountl(all) + 1); k && one; k--)
			one &= one - 1;
		if (setaff(pid, sizeof(one), one ? (void *)&one : (void *)&all) < 0)
			break;
	}
	waitpid(pid, &st, 0);
	yes_no("the child whose mask flipped exited 0", WIFEXITED(st) && !WEXITSTATUS(st));
}

int main(void)
{
	bad_arguments();
	flipping();
	return 0;
}
