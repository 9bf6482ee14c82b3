/*
 * vfp_signal: a signal handler that trashes every VFP register (d0-d31
 * and FPSCR) leaves the interrupted code's values as they were, since
 * the frame saves them and sigreturn puts them back; two processes do
 * it at once, each with its own pattern, so that the lazy switching of
 * the unit between them is in play too. The handler also walks the
 * blocks of its ucontext's uc_regspace (magic, size) as Linux lays them.
 * (Built with -mfpu=neon-vfpv4 -mfloat-abi=softfp; the libc is soft-float.)
 */
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"

struct vfp_regs {
	unsigned long long d[32];
	unsigned int fpscr;
};

/*
 * vfp_kill_hold(in, out, pid, sig): loads d0-d31 and FPSCR from @in,
 * sends itself @sig with kill(@pid, @sig) (the handler runs on the way
 * out of it), then stores the registers in @out.
 * vfp_trash(in): loads d0-d31 and FPSCR from @in.
 */
long vfp_kill_hold(const struct vfp_regs *in, struct vfp_regs *out, int pid, int sig);
void vfp_trash(const struct vfp_regs *in);
__asm__(
	"	.fpu	neon-vfpv4\n"
	"	.arm\n"
	"	.globl	vfp_kill_hold\n"
	"vfp_kill_hold:\n"
	"	push	{r4-r7, lr}\n"
	"	ldr	r4, [r0, #256]\n"
	"	vmsr	fpscr, r4\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	mov	r0, r2\n"
	"	mov	r4, r1\n"
	"	mov	r1, r3\n"
	"	mov	r7, #37\n"		/* kill */
	"	svc	#0\n"
	"	vmrs	r5, fpscr\n"
	"	str	r5, [r4, #256]\n"
	"	vstmia	r4!, {d0-d15}\n"
	"	vstmia	r4, {d16-d31}\n"
	"	pop	{r4-r7, pc}\n"
	"	.globl	vfp_trash\n"
	"vfp_trash:\n"
	"	ldr	r1, [r0, #256]\n"
	"	vmsr	fpscr, r1\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	bx	lr\n");

static struct vfp_regs trash;
static volatile int handled;
static unsigned long blocks[8];

static void handler(int sig, siginfo_t *si, void *uc)
{
	unsigned long *aux = (unsigned long *)((char *)uc + 232);

	(void)sig;
	(void)si;
	for (int i = 0; i < 8 && aux[0] && aux[1] >= 8 && aux[1] <= 512; i += 2) {
		blocks[i] = aux[0];
		blocks[i + 1] = aux[1];
		aux += aux[1] / 4;
	}
	vfp_trash(&trash);
	handled++;
}

static void fill(struct vfp_regs *r, unsigned long long seed)
{
	for (int i = 0; i < 32; i++)
		r->d[i] = seed * 0x9e3779b97f4a7c15ULL + i;
	r->fpscr = (seed & 1) ? 0x03c00000 : 0x00c00000;	/* rounding modes, FZ */
}

/* @rounds times: registers set, a signal whose handler trashes them, all back? */
static int rounds(unsigned long long seed, int n)
{
	struct vfp_regs in, out;
	int bad = 0;

	fill(&trash, seed + 1000);
	for (int i = 0; i < n; i++) {
		fill(&in, seed + i);
		vfp_kill_hold(&in, &out, getpid(), SIGUSR1);
		if (memcmp(in.d, out.d, sizeof(in.d)) || in.fpscr != out.fpscr)
			bad++;
		sched_yield();
	}
	return bad;
}

int main(void)
{
	struct sigaction sa = { .sa_flags = SA_SIGINFO };
	pid_t pid;
	int bad;

	sa.sa_sigaction = handler;
	sigaction(SIGUSR1, &sa, NULL);
	bad = rounds(1, 1);
	yes_no("one handler ran", handled == 1);
	for (int i = 0; i < 8 && blocks[i]; i += 2)
		printf("uc_regspace block: magic 0x%lx, size %lu\n", blocks[i], blocks[i + 1]);
	yes_no("registers back after the handler trashed them", !bad);

	pid = fork();
	if (pid == 0)
		exit(rounds(7, 200) ? 1 : 0);
	bad = rounds(3, 200);
	yes_no("parent: registers back every time, beside a child doing the same", !bad);
	reap("child doing the same", pid);
	return 0;
}
