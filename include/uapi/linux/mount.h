/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * mount(2)'s flags, and umount2's. Linux keeps the umount2 ones out of
 * its uapi (C libraries copy them into <sys/mount.h>); Pagoda's kernel
 * and libc share them here.
 */
#ifndef _UAPI_LINUX_MOUNT_H
#define _UAPI_LINUX_MOUNT_H

#define MS_RDONLY	0x1
#define MS_NOSUID	0x2
#define MS_NODEV	0x4
#define MS_NOEXEC	0x8
#define MS_REMOUNT	0x20	/* change the flags of a mount */
#define MS_BIND		0x1000	/* mount a tree that is already there */
#define MS_MOVE		0x2000
#define MS_SILENT	0x8000

/* the old "magic" in the top half of the flags, taken off when present */
#define MS_MGC_VAL	0xc0ed0000UL
#define MS_MGC_MSK	0xffff0000UL

/* umount2 */
#define MNT_FORCE	0x1
#define MNT_DETACH	0x2	/* lazily: off the name space now, gone when unused */
#define MNT_EXPIRE	0x4
#define UMOUNT_NOFOLLOW	0x8

#endif
