/*
 * hostile_munmap_pmd: one munmap of several VMAs that together fill
 * the same page table (a pte page maps 2 MiB here) must unmap every
 * page of each before the table goes: freeing the table after the
 * first VMA left the pages of the next ones mapped by nobody and never
 * freed. Found by sysfuzz (a random munmap of the text, data and heap).
 * The leak itself is what the hostile session's leakcheck sees; here,
 * the memory under the later VMAs must be gone (a fault), and a child
 * that unmaps its whole low 2 MiB (text included) dies of SIGSEGV.
 */
#include <stdint.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "check.h"

#define PMD_SPAN	(2UL << 20)

int main(void)
{
	char *win = free_window(2 * PMD_SPAN / PAGE);
	char *base, *p;
	pid_t pid;
	int i;

	if (!win)
		return 1;
	/* three VMAs (alternate protections keep them apart) in one 2 MiB table */
	base = (char *)(((uintptr_t)win + PMD_SPAN - 1) & ~(PMD_SPAN - 1));
	for (i = 0; i < 3; i++) {
		p = mmap(base + i * 4 * PAGE, 4 * PAGE, i & 1 ? PROT_READ | PROT_WRITE | PROT_EXEC : RW,
			 ANON | MAP_FIXED, -1, 0);
		show_map("map", p, base + i * 4 * PAGE);
	}
	for (i = 0; i < 12; i++)
		base[i * PAGE] = 1;
	show("munmap of all three", munmap(base, 12 * PAGE));
	pid = fork();
	if (pid == 0) {
		base[8 * PAGE] = 2;	/* the last VMA's page: must fault */
		_exit(0);
	}
	reap("a child touching the last unmapped VMA", pid);
	pid = fork();
	if (pid == 0) {
		/* text, data, heap: all of the first 2 MiB, then a return into nothing */
		syscall(SYS_munmap, 0, PMD_SPAN);
		_exit(0);
	}
	reap("a child unmapping its own text and heap", pid);
	/* the same from the same page table, with the pages shared after fork */
	for (i = 0; i < 3; i++)
		mmap(base + i * 4 * PAGE, 4 * PAGE, i & 1 ? PROT_READ : RW, ANON | MAP_FIXED, -1, 0);
	base[0] = base[8 * PAGE] = 3;
	pid = fork();
	if (pid == 0)
		_exit(munmap(base, 12 * PAGE) ? 1 : 0);
	reap("a child unmapping shared VMAs", pid);
	yes_no("ours are still there", base[0] == 3 && base[8 * PAGE] == 3);
	munmap(base, 12 * PAGE);
	return 0;
}
