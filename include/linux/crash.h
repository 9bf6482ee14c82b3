/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRASH_H
#define _LINUX_CRASH_H

/* Does the wrong thing @name says (kernel/crash.c); -EINVAL if unknown. */
int crash_trigger(const char *name);
/* Each trigger's name and what it does. */
void crash_list(void (*show)(const char *name, const char *what));

#endif
