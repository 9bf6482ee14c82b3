/* SPDX-License-Identifier: GPL-2.0 */
/* The kernel's random bytes (kernel/random.c). */
#ifndef _LINUX_RANDOM_H
#define _LINUX_RANDOM_H

#include <linux/types.h>

/* Mixes a seed the boot loader handed over (the DT's rng-seed) in. */
void add_bootloader_randomness(const void *buf, size_t len);
void get_random_bytes(void *buf, size_t len);

#endif
