// SPDX-License-Identifier: GPL-2.0
/*
 * The root filesystem at boot: an empty ramfs, filled from the initramfs
 * the loader put in RAM (/chosen linux,initrd-start/end). The archive's
 * memory, reserved by memblock, is given to the page allocator once it
 * is unpacked. A truncated or corrupt archive is refused with a message;
 * the kernel goes on with what it has.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/file.h>
#include <linux/ramfs.h>

void free_reserved_range(phys_addr_t start, phys_addr_t end, const char *what);

void populate_rootfs(const void *blob)
{
	struct fdt_chosen chosen;
	char why[96];
	int n;

	ramfs_init();
	if (fdt_scan_chosen(blob, &chosen) || !chosen.has_initrd ||
	    chosen.initrd_end <= chosen.initrd_start) {
		pr_info("initramfs: none given\n");
		return;
	}
	if (chosen.initrd_end > ((u64)max_low_pfn << PAGE_SHIFT) ||
	    chosen.initrd_start < ((u64)mem_map_base_pfn << PAGE_SHIFT)) {
		pr_err("initramfs: %#llx-%#llx is not in lowmem: ignored\n",
		       chosen.initrd_start, chosen.initrd_end);
		return;
	}
	n = unpack_initramfs(__va(chosen.initrd_start),
			     chosen.initrd_end - chosen.initrd_start, why, sizeof(why));
	if (n < 0)
		pr_err("initramfs: refused: %s\n", why);
	else
		pr_info("initramfs: %d entries, %lu bytes of files\n", n, ramfs_bytes());
	free_reserved_range(chosen.initrd_start, chosen.initrd_end, "initrd");
}

/* Reads up to @len bytes of the file at @path; returns the count or -errno. */
int ramfs_read_file(const char *path, char *buf, size_t len)
{
	struct file *f;
	int err;
	long n;

	f = file_open(path, O_RDONLY, &err);
	if (!f)
		return err;
	n = file_read(f, buf, len);
	file_put(f);
	return n;
}
