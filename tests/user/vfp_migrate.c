/*
 * vfp_migrate: VFP/NEON registers follow a task from CPU to CPU. Two
 * processes each load d0-d31 and FPSCR with a pattern of their own, then
 * move themselves with sched_setaffinity across every allowed CPU in
 * turn, many times, spinning a little on each, and store the registers:
 * they must be what they loaded. (A CPU that kept a task's registers in
 * its unit when the task left would give it stale ones elsewhere.) On
 * one CPU the moves are no moves: the same facts hold.
 * (Built with -mfpu=neon-vfpv4 -mfloat-abi=softfp; the libc is soft-float.)
 */
#include <sched.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

#define HOPS	64

struct vfp_regs {
	unsigned long long d[32];
	unsigned int fpscr;
};

/*
 * vfp_hop(in, out, masks, n): loads d0-d31 and FPSCR from @in, makes n
 * sched_setaffinity(0, 4, &masks[i]) calls with a spin after each, and
 * stores the registers in @out. Nothing between touches them.
 */
long vfp_hop(const struct vfp_regs *in, struct vfp_regs *out, const unsigned long *masks,
	     int n);

__asm__(
	"	.text\n"
	"	.syntax unified\n"
	"	.fpu	neon-vfpv4\n"
	"	.arm\n"
	"	.globl	vfp_hop\n"
	"vfp_hop:\n"
	"	push	{r4-r9, lr}\n"
	"	ldr	r4, [r0, #256]\n"
	"	vmsr	fpscr, r4\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	mov	r8, r1\n"
	"	mov	r6, r2\n"
	"	mov	r9, r3\n"
	"1:	cmp	r9, #0\n"
	"	beq	3f\n"
	"	mov	r0, #0\n"
	"	mov	r1, #4\n"
	"	mov	r2, r6\n"
	"	mov	r7, #241\n"		/* sched_setaffinity */
	"	svc	#0\n"
	"	add	r6, r6, #4\n"
	"	ldr	r5, =20000\n"
	"2:	subs	r5, r5, #1\n"
	"	bne	2b\n"
	"	sub	r9, r9, #1\n"
	"	b	1b\n"
	"3:	vmrs	r4, fpscr\n"
	"	str	r4, [r8, #256]\n"
	"	vstmia	r8!, {d0-d15}\n"
	"	vstmia	r8, {d16-d31}\n"
	"	mov	r0, #0\n"
	"	pop	{r4-r9, pc}\n"
	"	.ltorg\n");

static int hop(unsigned int seed)
{
	static struct vfp_regs in, out;
	static unsigned long masks[HOPS];
	unsigned long all = 0, m = 0;
	int i;

	syscall(SYS_sched_getaffinity, 0, sizeof(all), &all);
	for (i = 0; i < HOPS; i++) {
		m &= m - 1;		/* the next allowed CPU, round and round */
		if (!m)
			m = all;
		masks[i] = m & -m;
	}
	for (i = 0; i < 32; i++)
		in.d[i] = (unsigned long long)(seed + i) << 32 | (seed ^ (i * 0x01010101u));
	in.fpscr = 0x03c00000;	/* round towards zero, flush to zero */
	vfp_hop(&in, &out, masks, HOPS);
	syscall(SYS_sched_setaffinity, 0, sizeof(all), &all);
	return memcmp(&in, &out, sizeof(in)) ? 1 : 0;
}

int main(void)
{
	pid_t pid = fork();
	int mine, st;

	if (pid == 0)
		_exit(hop(0x5a000000));
	mine = hop(0xa5000000);
	waitpid(pid, &st, 0);
	yes_no("the parent's registers came back after its moves", mine == 0);
	yes_no("the child's registers came back after its moves",
	       WIFEXITED(st) && WEXITSTATUS(st) == 0);
	return 0;
}
