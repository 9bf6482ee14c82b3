/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MMIO accessors. The writes are ordered after earlier normal-memory
 * writes and the reads before later ones (Linux's writel/readl).
 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/types.h>
#include <asm/cp15.h>

#define __iomem

static inline u32 readl_relaxed(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel_relaxed(u32 v, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = v;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	u32 v = readl_relaxed(addr);

	dmb();
	return v;
}

static inline void writel(u32 v, volatile void __iomem *addr)
{
	dmb();
	writel_relaxed(v, addr);
}

/*
 * Device registers in the vmalloc area, page by page, with device memory
 * attributes; before vmalloc space exists, in early I/O sections.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size);
void iounmap(volatile void __iomem *addr);
void __iomem *early_ioremap(phys_addr_t phys, size_t size);
void early_ioremap_reset(void);

#endif
