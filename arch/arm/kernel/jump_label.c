// SPDX-License-Identifier: GPL-2.0
/*
 * Rewriting a jump-label site. Kernel text is mapped read-only, so the
 * word is written through a writable alias of its page in the fixmap
 * (FIX_TEXT_POKE0), then cleaned from the D-cache to where fetches see
 * it and the I-cache invalidated (flush_icache_range).
 */
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/cacheflush.h>
#include <asm/fixmap.h>
#include <asm/irqflags.h>

/* B <target> from @pc, ARM state, always: offsets count from pc + 8, in words. */
static u32 arm_branch(u32 pc, u32 target)
{
	return 0xea000000 | (((target - pc - 8) >> 2) & 0x00ffffff);
}

void arch_jump_label_transform(const struct jump_entry *entry, bool enable)
{
	u32 insn = enable ? arm_branch(entry->code, entry->target) : ARM_NOP_INSN;
	phys_addr_t phys = __pa(entry->code);
	unsigned long flags;
	u32 *alias;

	local_irq_save(flags);
	set_fixmap(FIX_TEXT_POKE0, phys & PAGE_MASK);
	alias = (u32 *)(fix_to_virt(FIX_TEXT_POKE0) + (phys & ~PAGE_MASK));
	*alias = insn;
	clear_fixmap(FIX_TEXT_POKE0);
	flush_icache_range(entry->code, entry->code + sizeof(u32));
	local_irq_restore(flags);
}
