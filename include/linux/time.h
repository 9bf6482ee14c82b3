/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time: jiffies counted by the periodic tick, and a monotonic clock in
 * nanoseconds read from the registered clocksource's counter.
 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <uapi/linux/time.h>

#define HZ		100
#define NSEC_PER_SEC	1000000000ULL
#define NSEC_PER_MSEC	1000000ULL
#define NSEC_PER_USEC	1000ULL

struct clocksource {
	const char *name;
	u64 (*read)(void);
};

extern volatile unsigned long jiffies;

/*
 * User space's timespecs: the 32-bit time_t layout, and the time64 one
 * (struct __kernel_timespec, uapi).
 */
struct old_timespec32 {
	s32 tv_sec;
	s32 tv_nsec;
};

/*
 * A timespec from user space, in nanoseconds: 0, -EFAULT, or -EINVAL for
 * a negative one or a tv_nsec of a second or more (Linux's
 * get_old_timespec32 and get_timespec64 with timespec64_valid). A time64
 * one too far out for 64-bit nanoseconds is clamped, as ktime is.
 */
int get_old_timespec32_ns(const void *uts, u64 *ns);
int get_timespec64_ns(const void *uts, u64 *ns);

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
