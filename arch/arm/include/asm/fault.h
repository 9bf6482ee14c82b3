/* SPDX-License-Identifier: GPL-2.0 */
/* Fields of the short-descriptor fault status registers (DFSR, IFSR). */
#ifndef _ASM_FAULT_H
#define _ASM_FAULT_H

#define FSR_FS_LOW	0x0000000f	/* FS[3:0] */
#define FSR_FS_HIGH	0x00000400	/* FS[4] */
#define FSR_WRITE	0x00000800	/* WnR: the access was a write */
#define FSR_EXT		0x00001000	/* ExT */

unsigned int fsr_status(unsigned long fsr);
const char *fsr_name(unsigned long fsr);

struct pt_regs;
struct seq_file;

/* arch/arm/mm/alignment.c: an alignment fault fixed up, or not (false). */
bool do_alignment(unsigned long addr, struct pt_regs *regs);
void alignment_proc_show(struct seq_file *m);

#endif
