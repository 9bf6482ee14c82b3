/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_SETUP_H
#define _ASM_SETUP_H

#include <linux/types.h>

#define NR_BANKS	8

/* RAM banks as the device tree's /memory nodes give them. */
struct membank {
	u64 start, size;
};

struct meminfo {
	int nr_banks;
	struct membank bank[NR_BANKS];
};

extern struct meminfo meminfo;
extern const char pagoda_banner[];

const void *setup_arch(unsigned long dtb_phys);

struct seq_file;
/* The kernel's virtual memory windows (the boot banner's table). */
void vmlayout_show(struct seq_file *m);
/* /proc/cpuinfo */
void cpuinfo_show(struct seq_file *m);

#endif
