// SPDX-License-Identifier: GPL-2.0
/* The kernel's own address space: swapper_pg_dir, made by head.S. */
#include <linux/mm_types.h>

struct mm_struct init_mm = {
	.pgd = swapper_pg_dir,
	.mmap_lock = __RWSEM_INITIALIZER(init_mm.mmap_lock),
	.page_table_lock = __SPIN_LOCK_UNLOCKED,
	.name = "init_mm",
};
