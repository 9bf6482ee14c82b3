// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF checker (fs/binfmt_elf_check.c) on arbitrary bytes. exec trusts
 * what elf_parse() fills in once it has accepted an image, so each of
 * its promises is checked here: every segment's file bytes are inside
 * the file and no larger than its memory, no range wraps, the segments
 * are in order without overlap, and the image's span covers them all.
 */
#include <string.h>
#include <linux/elf.h>
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_load_info info;
	char why[160];
	unsigned int i;
	void *image;

	/* no alignment promised: give it an odd address */
	image = malloc(size + 1);
	if (!image)
		return 0;
	memcpy((char *)image + 1, data, size);
	if (elf_parse((char *)image + 1, size, &info, why, sizeof(why))) {
		claim(why[0]);
		free(image);
		return 0;
	}
	claim(info.nr_load >= 1 && info.nr_load <= ELF_MAX_LOAD);
	claim(info.lowest <= info.highest);
	for (i = 0; i < info.nr_load; i++) {
		const struct elf_segment *seg = &info.load[i];

		claim(seg->offset <= size && seg->filesz <= size - seg->offset);
		claim(seg->filesz <= seg->memsz);
		claim(seg->vaddr + seg->memsz >= seg->vaddr);
		claim(seg->vaddr >= info.lowest && seg->vaddr + seg->memsz <= info.highest);
		if (i)
			claim(seg->vaddr >= info.load[i - 1].vaddr + info.load[i - 1].memsz);
	}
	free(image);
	return 0;
}
