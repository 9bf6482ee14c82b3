/* SPDX-License-Identifier: GPL-2.0 */
/* Leak checking by counts (mm/leak_check.c). */
#ifndef _LINUX_LEAK_CHECK_H
#define _LINUX_LEAK_CHECK_H

struct seq_file;

/*
 * Free pages plus slab pages, the per-CPU lists drained first. SLUB may
 * keep an empty slab rather than free it, so the two are counted
 * together: a leaked page, or a leaked object's slab, shows as a drop.
 */
unsigned long free_and_slab_pages(void);

void leak_check_start(void);
/* Counts again, for leak_check_show (done apart, so that the buffer it shows into is not counted). */
void leak_check_measure(void);
/* What differs between the snapshot and the last measure; the last line says whether anything did. */
void leak_check_show(struct seq_file *m);

#endif
