/* sched_yield, clone and its flags. */
#ifndef _SCHED_H
#define _SCHED_H

#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

int sched_yield(void);
/*
 * A task that runs fn(arg) on @stack (its top) and exits with the result;
 * ptid, tls and ctid as the flags ask. Its tid, or -1 with errno.
 */
int clone(int (*fn)(void *), void *stack, int flags, void *arg, ...);

#endif
