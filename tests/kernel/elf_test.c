// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF checker in the booted kernel: the sample executable embedded
 * by elf_blobs.S (at an odd address, so any word load of a header field
 * would be unaligned) parses to exactly what a plain reading of its
 * headers says, and copies of it, each spoilt in one way, are refused
 * with -ENOEXEC (or -EINVAL for what Linux finds only after the point
 * of no return) and a reason naming the fault. The host suites in
 * tests/host/test_elf.c go further (every byte, every length, under
 * ASan, and against readelf); this checks the code as built for the CPU.
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/memory.h>

extern const u8 __elf_sample_begin[], __elf_sample_end[];

#define WHY_LEN		160

/* File offsets of the fields the mutations change (ELF specification). */
enum { E_TYPE = 16, E_MACHINE = 18, E_VERSION = 20, E_ENTRY = 24, E_PHOFF = 28,
       E_PHENTSIZE = 42, E_PHNUM = 44 };
enum { P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20,
       P_FLAGS = 24, P_ALIGN = 28 };
enum { HDR = -1 };

static size_t sample_len(void)
{
	return __elf_sample_end - __elf_sample_begin;
}

/* The headers as a plain copy gives them (the CPU is little-endian). */
static void plain_read(const u8 *img, Elf32_Ehdr *eh, Elf32_Phdr *ph, int max)
{
	int i;

	memcpy(eh, img, sizeof(*eh));
	for (i = 0; i < eh->e_phnum && i < max; i++)
		memcpy(&ph[i], img + eh->e_phoff + i * sizeof(*ph), sizeof(*ph));
}

static void check_segment(struct ktest *t, const struct elf_segment *s,
			  const Elf32_Phdr *ph)
{
	KT_EXPECT_EQ(t, s->vaddr, ph->p_vaddr);
	KT_EXPECT_EQ(t, s->memsz, ph->p_memsz);
	KT_EXPECT_EQ(t, s->offset, ph->p_offset);
	KT_EXPECT_EQ(t, s->filesz, ph->p_filesz);
	KT_EXPECT_EQ(t, s->flags, ph->p_flags);
}

static void sample_exact(struct ktest *t)
{
	struct elf_load_info info;
	Elf32_Ehdr eh;
	Elf32_Phdr ph[4];
	char why[WHY_LEN];
	int ret;

	KT_EXPECT_EQ(t, (unsigned long)__elf_sample_begin % 4, 1);
	ret = elf_parse(__elf_sample_begin, sample_len(), &info, why, sizeof(why));
	if (ret)
		KT_FAIL(t, "sample refused: %s", why);
	KT_ASSERT_EQ(t, ret, 0);
	plain_read(__elf_sample_begin, &eh, ph, ARRAY_SIZE(ph));
	/* elf_sample.c, linked static: text+rodata, then data+bss */
	KT_ASSERT_EQ(t, eh.e_phnum, 2);
	KT_ASSERT_EQ(t, ph[0].p_type, PT_LOAD);
	KT_ASSERT_EQ(t, ph[1].p_type, PT_LOAD);
	KT_EXPECT_EQ(t, info.type, ET_EXEC);
	KT_EXPECT_EQ(t, info.entry, eh.e_entry);
	KT_EXPECT_EQ(t, info.phoff, 52);
	KT_EXPECT_EQ(t, info.phnum, 2);
	KT_EXPECT_EQ(t, info.phentsize, 32);
	KT_ASSERT_EQ(t, info.nr_load, 2);
	check_segment(t, &info.load[0], &ph[0]);
	check_segment(t, &info.load[1], &ph[1]);
	KT_EXPECT_EQ(t, info.load[0].flags, PF_R | PF_X);
	KT_EXPECT_EQ(t, info.load[1].flags, PF_R | PF_W);
	KT_EXPECT_GE(t, info.load[1].memsz - info.load[1].filesz, 1024);	/* bss */
	KT_EXPECT_EQ(t, info.lowest, ph[0].p_vaddr & PAGE_MASK);
	KT_EXPECT_EQ(t, info.highest,
		     ALIGN(ph[1].p_vaddr + ph[1].p_memsz, PAGE_SIZE));
	/* headers at offset 52, text from a page on: not in the image */
	KT_EXPECT_EQ(t, info.phdr_vaddr,
		     ph[0].p_offset == 0 ? ph[0].p_vaddr + 52 : 0);
	KT_EXPECT_TRUE(t, info.exec_stack);
	KT_EXPECT_GE(t, info.entry, info.load[0].vaddr);
	KT_EXPECT_LT(t, info.entry, info.load[0].vaddr + info.load[0].filesz);
}

struct mutation {
	const char *name;
	const char *expect;	/* in the reason; NULL: accepted */
	int base;		/* HDR, or a program header */
	int off, width;
	bool add;		/* add @value rather than set it */
	u32 value;
	int err;		/* when refused: 0 for -ENOEXEC, or -EINVAL */
};

static const struct mutation mutations[] = {
	{ "magic", "bad magic", HDR, 2, 1, false, 'l', 0 },
	{ "ELFCLASS64", "ELFCLASS32", HDR, 4, 1, false, ELFCLASS64, 0 },
	{ "big-endian", "little-endian", HDR, 5, 1, false, ELFDATA2MSB, 0 },
	{ "e_version", "e_version", HDR, E_VERSION, 4, false, 0, 0 },
	{ "EM_386", "EM_ARM", HDR, E_MACHINE, 2, false, EM_386, 0 },
	{ "ET_REL", "e_type", HDR, E_TYPE, 2, false, ET_REL, 0 },
	{ "e_phentsize", "e_phentsize", HDR, E_PHENTSIZE, 2, false, 40, 0 },
	{ "e_phnum 0", "e_phnum", HDR, E_PHNUM, 2, false, 0, 0 },
	{ "e_phnum 100", "e_phnum", HDR, E_PHNUM, 2, false, 100, 0 },
	{ "e_phoff wraps", "outside the file", HDR, E_PHOFF, 4, false, 0xffffffe0, 0 },
	{ "PT_INTERP", "PT_INTERP", 1, P_TYPE, 4, false, PT_INTERP, 0 },
	{ "filesz > memsz", "p_filesz", 0, P_MEMSZ, 4, false, 0, -EINVAL },
	{ "data past the file", "outside the file", 1, P_OFFSET, 4, true, 0x100000, 0 },
	{ "memsz wraps", "overflows", 1, P_MEMSZ, 4, false, 0xfffff000, -EINVAL },
	{ "p_align 6", "power of two", 1, P_ALIGN, 4, false, 6, 0 },
	{ "not congruent", "modulo", 1, P_VADDR, 4, true, 8, -EINVAL },
	{ "below 0x1000", "below 0x1000", 0, P_VADDR, 4, false, 0, -EINVAL },
	{ "in kernel space", "TASK_SIZE", 1, P_VADDR, 4, true, 0xc0000000, -EINVAL },
	{ "text not executable", "entry point", 0, P_FLAGS, 4, false, PF_R, -EINVAL },
	{ "entry 0", "entry point", HDR, E_ENTRY, 4, false, 0, -EINVAL },
	{ "p_align 0 is fine", NULL, 1, P_ALIGN, 4, false, 0, 0 },
	{ "ET_DYN is fine", NULL, HDR, E_TYPE, 2, false, ET_DYN, 0 },
};

static void put(u8 *p, int width, u32 v)
{
	int i;

	for (i = 0; i < width; i++, v >>= 8)
		p[i] = v;
}

static u32 get(const u8 *p, int width)
{
	u32 v = 0;

	while (width--)
		v = v << 8 | p[width];
	return v;
}

static void apply(u8 *img, const struct mutation *m)
{
	u8 *f = img + m->off;

	if (m->base != HDR)
		f += get(img + E_PHOFF, 4) + 32 * m->base;
	put(f, m->width, m->add ? get(f, m->width) + m->value : m->value);
}

static void each_mutation_refused(struct ktest *t)
{
	size_t len = sample_len(), i;
	struct elf_load_info info;
	char why[WHY_LEN];
	u8 *img = kmalloc(len, GFP_KERNEL);
	int ret;

	KT_ASSERT_NOT_NULL(t, img);
	for (i = 0; i < ARRAY_SIZE(mutations); i++) {
		const struct mutation *m = &mutations[i];

		memcpy(img, __elf_sample_begin, len);
		apply(img, m);
		ret = elf_parse(img, len, &info, why, sizeof(why));
		if (!m->expect && ret)
			KT_FAIL(t, "%s: refused: %s", m->name, why);
		if (m->expect && ret != (m->err ?: -ENOEXEC))
			KT_FAIL(t, "%s: returned %d, not %d", m->name, ret,
				m->err ?: -ENOEXEC);
		else if (m->expect && !strstr(why, m->expect))
			KT_FAIL(t, "%s: reason \"%s\" lacks \"%s\"", m->name, why,
				m->expect);
	}
	kfree(img);
}

/* Cut anywhere before the last byte it needs, the file is refused. */
static void truncations_refused(struct ktest *t)
{
	size_t len = sample_len(), need, cuts[6];
	struct elf_load_info info;
	Elf32_Ehdr eh;
	Elf32_Phdr ph[2];
	char why[WHY_LEN];
	unsigned int i;

	plain_read(__elf_sample_begin, &eh, ph, 2);
	need = max(ph[0].p_offset + ph[0].p_filesz, ph[1].p_offset + ph[1].p_filesz);
	cuts[0] = 0;
	cuts[1] = sizeof(Elf32_Ehdr) - 1;
	cuts[2] = eh.e_phoff + 2 * sizeof(Elf32_Phdr) - 1;
	cuts[3] = ph[0].p_offset + ph[0].p_filesz - 1;
	cuts[4] = need - 1;
	cuts[5] = need;
	for (i = 0; i < ARRAY_SIZE(cuts); i++) {
		int ret = elf_parse(__elf_sample_begin, cuts[i], &info, why, sizeof(why));

		if (i < 5 && ret != -ENOEXEC)
			KT_FAIL(t, "cut to %zu of %zu bytes: returned %d", cuts[i], len, ret);
		if (i == 5 && ret)
			KT_FAIL(t, "cut to %zu, all it needs: refused: %s", cuts[i], why);
	}
}

/* Headers that are all there but load nothing. */
static void no_load_refused(struct ktest *t)
{
	size_t len = sample_len();
	struct elf_load_info info;
	char why[WHY_LEN];
	u8 *img = kmalloc(len, GFP_KERNEL);
	u32 phoff;

	KT_ASSERT_NOT_NULL(t, img);
	memcpy(img, __elf_sample_begin, len);
	phoff = get(img + E_PHOFF, 4);
	put(img + phoff + P_TYPE, 4, PT_NOTE);
	put(img + phoff + 32 + P_TYPE, 4, PT_GNU_STACK);
	KT_EXPECT_EQ(t, elf_parse(img, len, &info, why, sizeof(why)), -EINVAL);
	KT_EXPECT_NOT_NULL(t, strstr(why, "no PT_LOAD"));
	kfree(img);
}

static const struct ktest_case elf_cases[] = {
	KTEST_CASE(sample_exact),
	KTEST_CASE(each_mutation_refused),
	KTEST_CASE(truncations_refused),
	KTEST_CASE(no_load_refused),
	{}
};

static const struct ktest_suite elf_suite = {
	.name = "elf",
	.cases = elf_cases,
};
ktest_register_suite(elf_suite);
