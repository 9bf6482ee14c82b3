/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader of a flattened device tree (DTB, format version 17).
 *
 * fdt_check() validates a whole blob once (header, memory reservation
 * map, every token of the structure block, every name and property
 * string, nesting); the accessors below assume a blob that passed it but
 * still never read outside the blob. Node offsets are byte offsets of a
 * node's FDT_BEGIN_NODE token in the structure block, as in libfdt; a
 * negative return is a -errno (-ENOENT: not found, -EINVAL: malformed).
 */
#ifndef _LINUX_OF_FDT_H
#define _LINUX_OF_FDT_H

#include <linux/types.h>

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9

/* Header fields, host-endian, read from a blob's big-endian header. */
struct fdt_header_info {
	u32 magic, totalsize, off_dt_struct, off_dt_strings, off_mem_rsvmap;
	u32 version, last_comp_version, boot_cpuid_phys;
	u32 size_dt_strings, size_dt_struct;
};

/* The device tree the kernel booted with (virtual address), as in Linux. */
extern const void *initial_boot_params;

/*
 * Checks everything about the blob at most @avail bytes long; on failure
 * returns -EINVAL and writes a one-line reason into @why.
 */
int fdt_check(const void *blob, size_t avail, char *why, size_t whylen);
void fdt_header(const void *blob, struct fdt_header_info *h);
u32 fdt_totalsize(const void *blob);

u32 fdt32_to_cpu(be32 x);
u64 fdt_read_number(const be32 *cells, int count);

int fdt_next_node(const void *blob, int node, int *depth);
const char *fdt_get_name(const void *blob, int node);
int fdt_path_offset(const void *blob, const char *path);
int fdt_subnode_offset(const void *blob, int parent, const char *name);
int fdt_parent_offset(const void *blob, int node);
const void *fdt_getprop(const void *blob, int node, const char *name, int *lenp);
int fdt_read_u32(const void *blob, int node, const char *name, u32 *val);
const char *fdt_stringlist_get(const void *blob, int node, const char *prop,
			       int index);
bool fdt_node_is_compatible(const void *blob, int node, const char *compat);
int fdt_find_compatible(const void *blob, int start, const char *compat);

int fdt_address_cells(const void *blob, int node);
int fdt_size_cells(const void *blob, int node);
int fdt_read_reg(const void *blob, int node, int index, u64 *addr, u64 *size);
int fdt_read_reg_translated(const void *blob, int node, int index, u64 *addr,
			    u64 *size);
int fdt_interrupt_parent(const void *blob, int node);
int fdt_read_interrupt(const void *blob, int node, int index, u32 *cells,
		       int max_cells);

int fdt_memrsv_count(const void *blob);
int fdt_memrsv_get(const void *blob, int index, u64 *addr, u64 *size);

struct fdt_chosen {
	const char *bootargs;
	const char *stdout_path;
	bool has_initrd;
	u64 initrd_start, initrd_end;
};
int fdt_scan_chosen(const void *blob, struct fdt_chosen *chosen);

typedef void (*fdt_range_fn)(u64 base, u64 size, void *arg);
int fdt_scan_memory(const void *blob, fdt_range_fn fn, void *arg);
int fdt_scan_reserved_memory(const void *blob, fdt_range_fn fn, void *arg);

#endif
