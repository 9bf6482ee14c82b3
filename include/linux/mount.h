/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mounts. A vfsmount attaches one super_block's tree at a dentry of
 * another mount (its mountpoint); the path walk crosses from the
 * mountpoint to the mount's root going down, and back going up "..".
 * The root mount is the tmpfs the initramfs is unpacked into.
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/list.h>
#include <linux/types.h>
#include <uapi/linux/mount.h>	/* MS_* of mount(2), MNT_* of umount2 */

struct dentry;
struct file_system_type;
struct path;
struct seq_file;
struct super_block;

struct vfsmount {
	struct dentry *mnt_root;	/* of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags;			/* MNT_* */
};

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_READONLY	0x40
#define MNT_INTERNAL	0x4000	/* kern_mount: in no name space */

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
/* An internal mount of @type (pipefs, the shmem of shared mappings). */
struct vfsmount *kern_mount(struct file_system_type *type);
/* The mount on @path's dentry, with a reference; NULL if none. */
struct vfsmount *lookup_mnt(const struct path *path);
/* Steps @path up to its mountpoint: false at the root of the name space. */
bool follow_up(struct path *path);
/* Steps @path down while something is mounted on it. */
void follow_down(struct path *path);
/* Whether @dentry, seen through @mnt, is its mount's root. */
bool path_is_mnt_root(const struct path *path);
/* The mount id /proc shows and statx gives. */
int mnt_id(const struct vfsmount *mnt);
/* Whether the mount allows writes. */
bool mnt_is_readonly(const struct vfsmount *mnt);

/* umount2 from the kernel (tests): 0, -EINVAL (not a mount root), -EBUSY. */
int kern_umount(const char *dir, int flags);

/* /proc/mounts and /proc/self/mountinfo-less: "dev dir type opts 0 0". */
void mounts_show(struct seq_file *m);

#endif
