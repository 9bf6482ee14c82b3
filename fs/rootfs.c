// SPDX-License-Identifier: GPL-2.0
/*
 * The root file system at boot, as Linux makes it: the VFS caches, the
 * filesystem types, the root mount (a tmpfs called rootfs), then the
 * initramfs the loader put in RAM (/chosen linux,initrd-start/end)
 * unpacked into it. The archive's memory, reserved by memblock, is given
 * to the page allocator once it is unpacked. A truncated or corrupt
 * archive is refused with a message; the kernel goes on with what it
 * has. /dev/console is made if the archive has none, as Linux's built-in
 * initramfs has it, so init starts with fds 0, 1 and 2.
 */
#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/namei.h>
#include <linux/of_fdt.h>
#include <linux/pipe_fs_i.h>
#include <linux/printk.h>

void free_reserved_range(phys_addr_t start, phys_addr_t end, const char *what);
void proc_root_init(void);
void sysfs_init(void);
void devtmpfs_init(void);

void vfs_caches_init(void)
{
	dcache_init();
	sysfs_init();		/* first in /proc/filesystems, as on Linux */
	shmem_init();
	proc_root_init();
	mnt_init();		/* rootfs first: its files are on device 0:1 */
	devtmpfs_init();
	pipe_init();
}

static void default_console(void)
{
	int err = init_mkdir("/dev", 0755);

	if (err && err != -EEXIST)
		return;
	init_mknod("/dev/console", S_IFCHR | 0600, MKDEV(5, 1));
}

void populate_rootfs(const void *blob)
{
	struct fdt_chosen chosen;
	char why[96];
	int n;

	if (fdt_scan_chosen(blob, &chosen) || !chosen.has_initrd ||
	    chosen.initrd_end <= chosen.initrd_start) {
		pr_info("initramfs: none given\n");
		default_console();
		return;
	}
	if (chosen.initrd_end > ((u64)max_low_pfn << PAGE_SHIFT) ||
	    chosen.initrd_start < ((u64)mem_map_base_pfn << PAGE_SHIFT)) {
		pr_err("initramfs: %#llx-%#llx is not in lowmem: ignored\n",
		       chosen.initrd_start, chosen.initrd_end);
		default_console();
		return;
	}
	n = unpack_initramfs(__va(chosen.initrd_start),
			     chosen.initrd_end - chosen.initrd_start, why, sizeof(why));
	if (n < 0)
		pr_err("initramfs: refused: %s\n", why);
	else
		pr_info("initramfs: %d entries, %lu kB in tmpfs\n", n,
			shmem_pages() << (PAGE_SHIFT - 10));
	free_reserved_range(chosen.initrd_start, chosen.initrd_end, "initrd");
	default_console();
}

int kernel_read_file_from_path(const char *path, char *buf, size_t len)
{
	loff_t pos = 0;
	struct file *f;
	ssize_t n;
	int err;

	f = filp_open(path, O_RDONLY, 0, &err);
	if (!f)
		return err;
	n = kernel_read(f, buf, len, &pos);
	fput(f);
	return n;
}

/*
 * Without an init program the kernel's own users (the shell, the user
 * tests) get what an init would mount first: proc on /proc and devtmpfs
 * on /dev, each only if its directory exists or can be made.
 */
void mount_kernel_filesystems(void)
{
	static const struct { const char *dir, *type; } mounts[] = {
		{ "/proc", "proc" },
		{ "/dev", "devtmpfs" },
	};
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(mounts); i++) {
		err = init_mkdir(mounts[i].dir, 0755);
		if (err && err != -EEXIST)
			continue;
		err = do_mount(mounts[i].type, mounts[i].dir, mounts[i].type, 0, NULL);
		if (err)
			pr_warn("mount %s on %s: error %d\n", mounts[i].type, mounts[i].dir, err);
	}
}
