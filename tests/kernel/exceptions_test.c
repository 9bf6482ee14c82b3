// SPDX-License-Identifier: GPL-2.0
/*
 * Exceptions raised on purpose: each faulting instruction has an
 * exception-table entry, so the handler records the fault in last_fixup
 * and resumes after it instead of oopsing; the test then checks what the
 * handler decoded (kind, address, fault status) and that it goes on.
 */
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/kallsyms.h>
#include <asm/fault.h>
#include <asm/memory.h>
#include <asm/traps.h>

/* Nothing is mapped here until user tasks exist. */
#define UNMAPPED_ADDR	(TASK_SIZE - PAGE_SIZE)

#define FS_ALIGNMENT		0x01
#define FS_SECTION_TRANSLATION	0x05
#define FS_PAGE_PERMISSION	0x0f

static void undefined_instruction_is_caught(struct ktest *t)
{
	unsigned long count = last_fixup.count, insn;
	int skipped = 1;

	__asm__ __volatile__(
		"	adr	%1, 1f\n"
		"1:	.word	0xe7f000f0\n"	/* udf #0 */
		"	mov	%0, #0\n"	/* the fixup jumps over this */
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		: "+r"(skipped), "=&r"(insn) :: "memory");
	KT_EXPECT_EQ(t, skipped, 1);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, last_fixup.kind, "undefined instruction");
	KT_EXPECT_EQ(t, last_fixup.pc, insn);
}

/*
 * The same in Thumb state, where the processor reports the instruction
 * 2 bytes past it rather than 4: the handler must still find the udf
 * (else no fixup matches and the kernel dies).
 */
static void thumb_undefined_instruction_is_caught(struct ktest *t)
{
	unsigned long count = last_fixup.count, insn;
	int skipped = 1;

	__asm__ __volatile__(
		"	adr	%1, 1f\n"
		"	orr	ip, %1, #1\n"
		"	blx	ip\n"
		"	b	3f\n"
		"	.thumb\n"
		"1:	udf	#0\n"
		"	movs	%0, #0\n"	/* the fixup jumps over this */
		"2:	bx	lr\n"
		"	.arm\n"
		"	.balign	4\n"
		"3:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		: "+l"(skipped), "=&r"(insn) :: "ip", "lr", "cc", "memory");
	KT_EXPECT_EQ(t, skipped, 1);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, last_fixup.kind, "undefined instruction");
	KT_EXPECT_EQ(t, last_fixup.pc, insn);
}

static unsigned long faulting_load(unsigned long addr, unsigned long *insn)
{
	unsigned long val = 0x1234;

	__asm__ __volatile__(
		"	adr	%1, 1f\n"
		"1:	ldr	%0, [%2]\n"
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		: "+r"(val), "=&r"(*insn) : "r"(addr) : "memory");
	return val;
}

static void faulting_store(unsigned long addr)
{
	__asm__ __volatile__(
		"1:	str	%0, [%1]\n"
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		:: "r"(0xdead), "r"(addr) : "memory");
}

static void data_abort_read_is_decoded(struct ktest *t)
{
	unsigned long count = last_fixup.count, insn;

	KT_EXPECT_EQ(t, faulting_load(UNMAPPED_ADDR + 8, &insn), 0x1234);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, last_fixup.kind, "data abort");
	KT_EXPECT_EQ(t, last_fixup.pc, insn);
	KT_EXPECT_EQ(t, last_fixup.addr, UNMAPPED_ADDR + 8);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), FS_SECTION_TRANSLATION);
	KT_EXPECT_FALSE(t, last_fixup.fsr & FSR_WRITE);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "section translation fault");
}

static void data_abort_write_is_decoded(struct ktest *t)
{
	unsigned long count = last_fixup.count;

	faulting_store(UNMAPPED_ADDR);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_EQ(t, last_fixup.addr, UNMAPPED_ADDR);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), FS_SECTION_TRANSLATION);
	KT_EXPECT_TRUE(t, last_fixup.fsr & FSR_WRITE);
}

/* The vectors page is mapped read-only: a write is a permission fault. */
static void write_to_vectors_is_permission_fault(struct ktest *t)
{
	unsigned long count = last_fixup.count;

	faulting_store(VECTORS_BASE);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_EQ(t, last_fixup.addr, VECTORS_BASE);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), FS_PAGE_PERMISSION);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page permission fault");
}

/*
 * ldrex needs word alignment whatever SCTLR.A says, and the alignment
 * trap leaves it alone (it fixes up LDM and LDRD, alignment_test.c).
 */
static void misaligned_ldrex_is_alignment_fault(struct ktest *t)
{
	static u32 words[4];
	unsigned long count = last_fixup.count;

	__asm__ __volatile__(
		"1:	ldrex	r2, [%0]\n"
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	1b, 2b\n"
		"	.popsection\n"
		:: "r"((unsigned long)words + 1) : "r2", "r3", "memory");
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_EQ(t, last_fixup.addr, (unsigned long)words + 1);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), FS_ALIGNMENT);
}

/* A branch to an unmapped address: the fault is at the target itself. */
static void prefetch_abort_is_decoded(struct ktest *t)
{
	unsigned long count = last_fixup.count;

	__asm__ __volatile__(
		"	adr	lr, 2f\n"
		"	bx	%0\n"
		"2:\n"
		"	.pushsection __ex_table, \"a\"\n"
		"	.long	%c1, 2b\n"
		"	.popsection\n"
		:: "r"(UNMAPPED_ADDR), "i"(UNMAPPED_ADDR) : "lr", "memory");
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, last_fixup.kind, "prefetch abort");
	KT_EXPECT_EQ(t, last_fixup.pc, UNMAPPED_ADDR);
	KT_EXPECT_EQ(t, last_fixup.addr, UNMAPPED_ADDR);
	KT_EXPECT_EQ(t, fsr_status(last_fixup.fsr), FS_SECTION_TRANSLATION);
}

/* Many faults in a row leave the stack where it was. */
static void faults_do_not_leak_stack(struct ktest *t)
{
	unsigned long sp_before, sp_after, insn;
	int i;

	__asm__ __volatile__("mov %0, sp" : "=r"(sp_before));
	for (i = 0; i < 1000; i++)
		faulting_load(UNMAPPED_ADDR, &insn);
	__asm__ __volatile__("mov %0, sp" : "=r"(sp_after));
	KT_EXPECT_EQ(t, sp_after, sp_before);
}

static void backtrace_symbols_resolve(struct ktest *t)
{
	const char *name;
	unsigned long size, offset;

	KT_ASSERT_EQ(t, kallsyms_lookup((unsigned long)fsr_name + 4, &name,
					&size, &offset), 0);
	KT_EXPECT_STREQ(t, name, "fsr_name");
	KT_EXPECT_EQ(t, offset, 4);
	KT_EXPECT_GT(t, size, 4);
	KT_EXPECT_EQ(t, kallsyms_lookup_name("fsr_name"), (unsigned long)fsr_name);
	KT_EXPECT_NE(t, kallsyms_lookup(UNMAPPED_ADDR, &name, &size, &offset), 0);
}

extern unsigned long __stack_chk_guard;

/* The stack protector's canary was made random at boot (low byte zero). */
static void stack_canary_is_random(struct ktest *t)
{
	KT_EXPECT_NE(t, __stack_chk_guard, 0);
	KT_EXPECT_EQ(t, __stack_chk_guard & 0xff, 0);
}

static const struct ktest_case exceptions_cases[] = {
	KTEST_CASE(undefined_instruction_is_caught),
	KTEST_CASE(thumb_undefined_instruction_is_caught),
	KTEST_CASE(data_abort_read_is_decoded),
	KTEST_CASE(data_abort_write_is_decoded),
	KTEST_CASE(write_to_vectors_is_permission_fault),
	KTEST_CASE(misaligned_ldrex_is_alignment_fault),
	KTEST_CASE(prefetch_abort_is_decoded),
	KTEST_CASE(faults_do_not_leak_stack),
	KTEST_CASE(backtrace_symbols_resolve),
	KTEST_CASE(stack_canary_is_random),
	{}
};

static const struct ktest_suite exceptions_suite = {
	.name = "exceptions",
	.cases = exceptions_cases,
};
ktest_register_suite(exceptions_suite);
