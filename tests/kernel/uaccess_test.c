// SPDX-License-Identifier: GPL-2.0
/*
 * The user-access functions against good and bad pointers. The test
 * runs in a kernel thread that takes on an address space made here (as
 * a system call would run in its process's): two read-write pages, a
 * read-only page after them, then nothing. A copy that reaches an
 * unmapped or read-only page, a kernel address or past TASK_SIZE
 * returns what it could not copy (get_user/put_user/strncpy_from_user:
 * -EFAULT) through the exception fixup table, never an oops; a copy
 * into a page not yet touched faults it in. Each fixed-up fault is
 * decoded from its DFSR as the class it is: section translation (no
 * table for that MiB), page translation (no pte), page permission.
 *
 * Software PAN: kernel code runs with user memory closed (asm/domain.h);
 * a plain load from a mapped user page takes a domain fault (here fixed
 * up, elsewhere an oops), the same load between uaccess_save_and_enable()
 * and uaccess_restore() reads the page, and an exception taken in either
 * state returns to that state.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <asm/domain.h>
#include <asm/fault.h>
#include <asm/mmu_context.h>
#include <asm/traps.h>

static struct {
	struct mm_struct *mm, *saved_active;
	char *rw;	/* two read-write pages */
	char *ro;	/* one read-only page right after them */
} ut;

/* Makes the address space and runs on it. */
static bool ut_enter(struct ktest *t)
{
	unsigned long populate = 0, a;

	ut.mm = mm_alloc();
	if (!ut.mm) {
		KT_FAIL(t, "mm_alloc failed");
		return false;
	}
	a = do_mmap(ut.mm, NULL, 0, 3 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, 0, &populate);
	if (IS_ERR_VALUE(a) || do_mprotect(ut.mm, a + 2 * PAGE_SIZE, PAGE_SIZE, PROT_READ)) {
		KT_FAIL(t, "mapping the test pages failed");
		mmput(ut.mm);
		return false;
	}
	ut.rw = (char *)a;
	ut.ro = ut.rw + 2 * PAGE_SIZE;
	ut.saved_active = current->active_mm;
	current->mm = current->active_mm = ut.mm;
	switch_mm(ut.saved_active, ut.mm, current);
	return true;
}

static void ut_leave(void)
{
	current->mm = NULL;
	current->active_mm = ut.saved_active;
	switch_mm(ut.mm, ut.saved_active, current);
	mmput(ut.mm);
}

static void copies_through_good_pointers(struct ktest *t)
{
	char buf[64], back[64];
	u32 v = 0;

	if (!ut_enter(t))
		return;
	memset(buf, 'x', sizeof(buf));
	/* the first write faults the page in (demand zero) */
	KT_EXPECT_EQ(t, copy_to_user(ut.rw + PAGE_SIZE - 10, buf, sizeof(buf)), 0);
	KT_EXPECT_EQ(t, copy_from_user(back, ut.rw + PAGE_SIZE - 10, sizeof(back)), 0);
	KT_EXPECT_EQ(t, memcmp(buf, back, sizeof(buf)), 0);
	KT_EXPECT_EQ(t, put_user(0x12345678u, (u32 *)ut.rw), 0);
	KT_EXPECT_EQ(t, get_user(v, (u32 *)ut.rw), 0);
	KT_EXPECT_EQ(t, v, 0x12345678u);
	/* reading the read-only page gives the zero page's zeros */
	KT_EXPECT_EQ(t, copy_from_user(back, ut.ro, sizeof(back)), 0);
	KT_EXPECT_EQ(t, back[0] | back[63], 0);
	KT_EXPECT_EQ(t, copy_to_user(ut.rw, "path\0rest", 10), 0);
	KT_EXPECT_EQ(t, strncpy_from_user(back, ut.rw, sizeof(back)), 4);
	KT_EXPECT_STREQ(t, back, "path");
	ut_leave();
}

static void bad_pointers_return_efault(struct ktest *t)
{
	static char kernel_secret[16] = "kernel data";
	char buf[64];
	u32 v;

	if (!ut_enter(t))
		return;
	/* a page table for the mapping's 2 MiB, and the zero page read-only */
	KT_EXPECT_EQ(t, put_user(7u, (u32 *)ut.rw), 0);
	KT_EXPECT_EQ(t, get_user(v, (u32 *)ut.ro), 0);
	memset(buf, 'k', sizeof(buf));
	/* nothing mapped: NULL, and the page after the read-only one */
	KT_EXPECT_EQ(t, copy_from_user(buf, NULL, 16), 16);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "section translation fault");
	KT_EXPECT_FALSE(t, last_fixup.fsr & FSR_WRITE);
	KT_EXPECT_EQ(t, copy_to_user(NULL, buf, 16), 16);
	KT_EXPECT_TRUE(t, last_fixup.fsr & FSR_WRITE);
	KT_EXPECT_EQ(t, last_fixup.addr, 0);
	KT_EXPECT_EQ(t, copy_from_user(buf, ut.ro + PAGE_SIZE, 8), 8);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page translation fault");
	KT_EXPECT_EQ(t, last_fixup.addr, (unsigned long)ut.ro + PAGE_SIZE);
	v = 0xabcd;
	KT_EXPECT_EQ(t, get_user(v, (u32 *)(ut.ro + PAGE_SIZE)), -EFAULT);
	KT_EXPECT_EQ(t, v, 0);		/* a failed get_user zeroes, as Linux's */
	KT_EXPECT_EQ(t, put_user(1u, (u32 *)NULL), -EFAULT);
	KT_EXPECT_EQ(t, strncpy_from_user(buf, ut.ro + PAGE_SIZE, 8), -EFAULT);
	/* the read-only page refuses writes */
	KT_EXPECT_EQ(t, copy_to_user(ut.ro, buf, 4), 4);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page permission fault");
	KT_EXPECT_TRUE(t, last_fixup.fsr & FSR_WRITE);
	KT_EXPECT_EQ(t, put_user(1u, (u32 *)ut.ro), -EFAULT);
	/* a copy that runs off the end of what is mapped stops there */
	KT_EXPECT_GT(t, copy_to_user(ut.rw + 2 * PAGE_SIZE - 8, buf, 32), 0);
	KT_EXPECT_LE(t, copy_to_user(ut.rw + 2 * PAGE_SIZE - 8, buf, 32), 24);
	/* kernel addresses, the TASK_SIZE boundary and wrap-around: refused */
	KT_EXPECT_EQ(t, copy_from_user(buf, kernel_secret, sizeof(kernel_secret)),
		     sizeof(kernel_secret));
	KT_EXPECT_EQ(t, buf[0], 'k');	/* nothing of it was copied */
	KT_EXPECT_EQ(t, copy_to_user(kernel_secret, buf, 4), 4);
	KT_EXPECT_STREQ(t, kernel_secret, "kernel data");
	KT_EXPECT_EQ(t, copy_from_user(buf, (void *)(TASK_SIZE - 4), 8), 8);
	KT_EXPECT_EQ(t, copy_from_user(buf, (void *)0xfffffff0, 32), 32);
	KT_EXPECT_EQ(t, strncpy_from_user(buf, (char *)PAGE_OFFSET, 8), -EFAULT);
	ut_leave();
}

/* With no address space at all (a kernel thread's), every user access fails. */
static void kernel_thread_has_no_user_memory(struct ktest *t)
{
	char buf[8];

	KT_ASSERT_NULL(t, current->mm);
	KT_EXPECT_EQ(t, copy_from_user(buf, (void *)0x10000, sizeof(buf)), sizeof(buf));
	KT_EXPECT_EQ(t, copy_to_user((void *)0x10000, buf, sizeof(buf)), sizeof(buf));
}

/*
 * A plain load, as a stray kernel dereference would do it, listed in the
 * exception table: a fault leaves 0xdead.
 */
static unsigned long plain_load(const void *addr)
{
	unsigned long val = 0xdead;

	get_kernel_nofault(val, addr);
	return val;
}

static void kernel_runs_with_user_memory_closed(struct ktest *t)
{
	KT_EXPECT_EQ(t, read_dacr(), DACR_UACCESS_DISABLE);
}

static void plain_user_access_takes_a_domain_fault(struct ktest *t)
{
	unsigned long count, ua;

	if (!ut_enter(t))
		return;
	KT_EXPECT_EQ(t, put_user(0x600dUL, (unsigned long *)ut.rw), 0);
	count = last_fixup.count;
	KT_EXPECT_EQ(t, plain_load(ut.rw), 0xdead);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page domain fault");
	KT_EXPECT_EQ(t, (last_fixup.fsr >> 4) & 0xf, DOMAIN_USER);
	KT_EXPECT_EQ(t, last_fixup.addr, (unsigned long)ut.rw);
	/* opened, the same load reads what put_user wrote */
	ua = uaccess_save_and_enable();
	KT_EXPECT_EQ(t, plain_load(ut.rw), 0x600d);
	uaccess_restore(ua);
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_EQ(t, read_dacr(), DACR_UACCESS_DISABLE);
	ut_leave();
}

/*
 * The fault of a page not yet touched is handled with user memory
 * closed, and the return puts back the DACR it interrupted: open here,
 * so the retried load reads the zero page; closed in the fixed-up fault
 * that follows, so the kernel goes on closed.
 */
static void exceptions_keep_the_interrupted_dacr(struct ktest *t)
{
	unsigned long count, ua;

	if (!ut_enter(t))
		return;
	ua = uaccess_save_and_enable();
	KT_EXPECT_EQ(t, plain_load(ut.rw + PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, read_dacr(), DACR_UACCESS_ENABLE);
	count = last_fixup.count;
	KT_EXPECT_EQ(t, plain_load(ut.ro + PAGE_SIZE), 0xdead);	/* nothing mapped */
	KT_EXPECT_EQ(t, last_fixup.count, count + 1);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page translation fault");
	KT_EXPECT_EQ(t, read_dacr(), DACR_UACCESS_ENABLE);
	uaccess_restore(ua);
	KT_EXPECT_EQ(t, plain_load(ut.rw + PAGE_SIZE), 0xdead);
	KT_EXPECT_STREQ(t, fsr_name(last_fixup.fsr), "page domain fault");
	KT_EXPECT_EQ(t, read_dacr(), DACR_UACCESS_DISABLE);
	ut_leave();
}

static const struct ktest_case uaccess_cases[] = {
	KTEST_CASE(copies_through_good_pointers),
	KTEST_CASE(bad_pointers_return_efault),
	KTEST_CASE(kernel_thread_has_no_user_memory),
	KTEST_CASE(kernel_runs_with_user_memory_closed),
	KTEST_CASE(plain_user_access_takes_a_domain_fault),
	KTEST_CASE(exceptions_keep_the_interrupted_dacr),
	{}
};

static const struct ktest_suite uaccess_suite = {
	.name = "uaccess",
	.cases = uaccess_cases,
};
ktest_register_suite(uaccess_suite);
