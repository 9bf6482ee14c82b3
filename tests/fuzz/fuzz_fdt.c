// SPDX-License-Identifier: GPL-2.0
/*
 * The device-tree reader (drivers/of/fdt.c) on arbitrary bytes. The
 * kernel checks a blob whole with fdt_check() before anything reads
 * it; once that accepts, every reader must stay inside the blob. So:
 * check, and if accepted, do everything boot does with a tree (walk
 * every node and property, scan /chosen, /memory, /reserved-memory and
 * the reservation block, read regs and interrupts of the devices the
 * kernel looks for), under AddressSanitizer.
 */
#include <string.h>
#include <linux/of_fdt.h>
#include "fuzz.h"

static void ignore_range(u64 base, u64 size, void *arg)
{
	(void)base;
	(void)size;
	(void)arg;
}

static void read_device(const void *blob, int node)
{
	u32 cells[4], val;
	u64 addr, size;
	int i, len;

	for (i = 0; i < 3; i++) {
		fdt_read_reg(blob, node, i, &addr, &size);
		fdt_read_interrupt(blob, node, i, cells, 4);
	}
	fdt_read_u32(blob, node, "#interrupt-cells", &val);
	fdt_getprop(blob, node, "compatible", &len);
	fdt_stringlist_get(blob, node, "compatible", 1);
	fdt_address_cells(blob, node);
	fdt_size_cells(blob, node);
	fdt_parent_offset(blob, node);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const compatible[] = {
		"arm,pl011", "arm,cortex-a15-gic", "arm,armv7-timer", "arm,psci-1.0",
	};
	struct fdt_chosen chosen;
	char why[160];
	int node, depth = 0, i;
	u64 addr, len;
	void *blob;

	/* a loader hands over an 8-byte aligned blob: copy it to one */
	blob = aligned_alloc(8, (size + 8) & ~7UL);
	if (!blob)
		return 0;
	memcpy(blob, data, size);
	if (fdt_check(blob, size, why, sizeof(why))) {
		claim(why[0]);		/* a refusal always says why */
		free(blob);
		return 0;
	}
	claim(fdt_totalsize(blob) <= size);
	for (node = 0; node >= 0; node = fdt_next_node(blob, node, &depth)) {
		claim(fdt_get_name(blob, node) != NULL);
		read_device(blob, node);
	}
	fdt_scan_chosen(blob, &chosen);
	fdt_scan_memory(blob, ignore_range, NULL);
	fdt_scan_reserved_memory(blob, ignore_range, NULL);
	for (i = 0; i < fdt_memrsv_count(blob); i++)
		fdt_memrsv_get(blob, i, &addr, &len);
	for (i = 0; i < (int)(sizeof(compatible) / sizeof(compatible[0])); i++)
		for (node = fdt_find_compatible(blob, -1, compatible[i]); node >= 0;
		     node = fdt_find_compatible(blob, node, compatible[i]))
			claim(fdt_node_is_compatible(blob, node, compatible[i]));
	fdt_path_offset(blob, "/chosen");
	fdt_path_offset(blob, "/soc/uart@9000000");
	free(blob);
	return 0;
}
