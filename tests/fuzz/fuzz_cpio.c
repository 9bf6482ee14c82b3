// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs unpacker (fs/initramfs.c) and the VFS under it (the
 * path walk, the dcache, tmpfs) on arbitrary bytes, over SLUB and the
 * buddy allocator on the host arena. Each input is unpacked into a fresh
 * directory, then everything is removed through unlink and rmdir (the
 * whole root: a symlink in the archive may lead names outside). A bad
 * archive must be refused with a reason; whatever it made, once it is
 * gone every slab object and page must be back.
 */
/* The C library's (fuzz.h) loff_t and dev_t are not the kernel's: renamed. */
#define loff_t libc_loff_t
#define dev_t libc_dev_t
#include "fuzz.h"
#undef loff_t
#undef dev_t

#include <linux/fs.h>
#include <linux/initramfs.h>
#include <linux/kernel.h>
#include <linux/leak_check.h>
#include <linux/namei.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include "../host/host_vfs.h"

#define DIR	"/in"

static char report[4096];

static void unpack_and_remove(const void *data, size_t size)
{
	char why[160] = "";

	claim(!init_mkdir(DIR, 0755));
	if (unpack_initramfs_at(DIR, data, size, why, sizeof(why)) < 0)
		claim(why[0]);
	/* all of it: an archive may write outside DIR through its own symlinks */
	claim(!host_remove_tree("/"));
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	host_vfs_boot();
	/* the caches the VFS makes on first use (open files) exist before counting */
	unpack_and_remove("", 0);
	leak_check_start();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct seq_file m;

	unpack_and_remove(data, size);
	leak_check_measure();
	seq_init(&m, report, sizeof(report));
	leak_check_show(&m);
	if (!strstr(report, "leakcheck: no difference")) {
		fputs(report, stderr);
		claim(!"leak");
	}
	return 0;
}
