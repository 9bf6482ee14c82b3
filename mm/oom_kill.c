// SPDX-License-Identifier: GPL-2.0
/*
 * Out of memory in a user page fault. Linux's OOM killer would pick the
 * process whose death frees the most and kill it; Pagoda has no such
 * choice yet, so the process whose fault could not be served is the one
 * killed. It gets SIGKILL, never a SIGSEGV: it did nothing wrong, and a
 * parent must see what Linux would show (killed by signal 9). The line
 * logged is Linux's, so that logs read the same.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/signal.h>

#define K(pages)	((pages) << (PAGE_SHIFT - 10))

void pagefault_out_of_memory(void)
{
	struct task_struct *tsk = current;
	struct mm_struct *mm = tsk->mm;

	pr_err("Out of memory: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:0 pgtables:%lukB oom_score_adj:0\n",
	       tsk->tgid, tsk->comm, K(mm->total_vm),
	       K((unsigned long)get_mm_counter(mm, MM_ANONPAGES)),
	       K((unsigned long)get_mm_counter(mm, MM_FILEPAGES)),
	       K((unsigned long)get_mm_counter(mm, MM_SHMEMPAGES)),
	       mm_pgtables_bytes(mm) >> 10);
	send_signal(tsk, SIGKILL);
}
