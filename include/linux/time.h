/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time: jiffies counted by the periodic tick, and a monotonic clock in
 * nanoseconds read from the registered clocksource's counter.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>

#define HZ		100
#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_USEC	1000ULL

struct clocksource {
	const char *name;
	u64 (*read)(void);
};

extern volatile unsigned long jiffies;

void clocksource_register(const struct clocksource *cs, u32 freq);
u32 arch_timer_get_rate(void);	/* the generic timer's counter, Hz */
u64 arch_counter_read(void);	/* ... and its value, valid from reset */
/* Counter cycles and rate of the clocksource (0 before there is one). */
u64 clocksource_cycles(void);
u32 clocksource_rate(void);
/* Nanoseconds since the clocksource started counting (boot). */
u64 ktime_get_ns(void);
void tick_handle_periodic(void);
void time_init(const void *blob);
void udelay(unsigned long usecs);
void mdelay(unsigned long msecs);

#endif
