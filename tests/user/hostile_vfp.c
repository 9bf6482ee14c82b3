/*
 * hostile_vfp: abuse of the lazily switched VFP unit. Children load the
 * registers and die while the unit still holds their values (their
 * saved state is freed with them: nobody may save into it afterwards)
 * while the parent keeps its own values across all of it; and an
 * instruction in the VFP space that is undefined even with the unit on
 * must end in SIGILL, whether or not it is the first VFP instruction
 * (the kernel turns the unit on, retries, and must not loop).
 */
#include <unistd.h>

#include "check.h"

struct vfp_regs {
	unsigned long long d[32];
	unsigned int fpscr;
};

long vfp_hold(const struct vfp_regs *in, struct vfp_regs *out, int yields);
void vfp_bad_sysreg_first(void);
void vfp_bad_sysreg_after_use(void);

__asm__(
	"	.text\n"
	"	.syntax unified\n"
	"	.fpu	neon-vfpv4\n"
	"	.arm\n"
	"	.globl	vfp_hold\n"
	"vfp_hold:\n"			/* (in, out, yields): as in vfp_state */
	"	push	{r4-r7, lr}\n"
	"	ldr	r4, [r0, #256]\n"
	"	vmsr	fpscr, r4\n"
	"	vldmia	r0!, {d0-d15}\n"
	"	vldmia	r0, {d16-d31}\n"
	"	mov	r4, r2\n"
	"1:	subs	r4, r4, #1\n"
	"	bmi	2f\n"
	"	mov	r7, #158\n"		/* sched_yield */
	"	svc	#0\n"
	"	b	1b\n"
	"2:	vmrs	r4, fpscr\n"
	"	str	r4, [r1, #256]\n"
	"	vstmia	r1!, {d0-d15}\n"
	"	vstmia	r1, {d16-d31}\n"
	"	mov	r0, #0\n"
	"	pop	{r4-r7, pc}\n"
	"	.globl	vfp_bad_sysreg_first\n"
	"vfp_bad_sysreg_first:\n"
	"	mrc	p10, 7, r0, cr4, cr0, 0\n"	/* VMRS of a system register there is not */
	"	bx	lr\n"
	"	.globl	vfp_bad_sysreg_after_use\n"
	"vfp_bad_sysreg_after_use:\n"
	"	vmov.f64 d0, #1.0\n"
	"	mrc	p10, 7, r0, cr4, cr0, 0\n"
	"	bx	lr\n");

static void pattern(struct vfp_regs *r, unsigned int tag)
{
	for (int i = 0; i < 32; i++)
		r->d[i] = (unsigned long long)(tag + i) << 40 | tag * 0x10001u | i;
	r->fpscr = (tag & 3) << 22;
}

static int differ(const struct vfp_regs *a, const struct vfp_regs *b)
{
	int n = a->fpscr != b->fpscr;

	for (int i = 0; i < 32; i++)
		n += a->d[i] != b->d[i];
	return n;
}

int main(void)
{
	struct vfp_regs in, out, child_in, child_out;
	int bad = 0, failed_children = 0, st;

	pattern(&in, 0x51);
	for (int i = 0; i < 40; i++) {
		pid_t pid = fork();

		if (pid == 0) {
			/* take the unit, and die holding it */
			pattern(&child_in, 0x80 + i);
			vfp_hold(&child_in, &child_out, i % 3);
			_exit(differ(&child_in, &child_out) ? 1 : 0);
		}
		vfp_hold(&in, &out, 3);
		bad += differ(&in, &out);
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st))
			failed_children++;
	}
	printf("parent registers changed: %d\n", bad);
	printf("children that lost theirs: %d\n", failed_children);

	run_child("undefined VFP instruction first", vfp_bad_sysreg_first);
	run_child("undefined VFP instruction after use", vfp_bad_sysreg_after_use);
	return 0;
}
