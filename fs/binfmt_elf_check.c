// SPDX-License-Identifier: GPL-2.0
/*
 * The ELF executable checker that runs before execve maps anything.
 *
 * An image comes from an archive anyone can build, so every field is
 * treated as hostile: the headers are decoded byte by byte (the image
 * may sit at any alignment, and the host tests feed it from the middle
 * of buffers), all sums of offsets and sizes are done in 64 bits so none
 * can wrap, and every rule the loader relies on is settled here, once:
 * each PT_LOAD's file bytes are inside the image, segments ascend and do
 * not overlap, file offsets and addresses agree modulo the page so the
 * loader can map the file page by page, ET_EXEC images sit between the
 * zero page and TASK_SIZE, ET_DYN images span at most 1 GiB, and the
 * entry point is in executable file-backed bytes. Only static programs
 * are accepted: there is no dynamic loader to hand PT_INTERP to yet.
 *
 * Two kinds of refusal, as Linux has them: -ENOEXEC for what it finds
 * before it gives up the caller's memory (execve fails), -EINVAL for a
 * segment it cannot map, which it only finds after (the task is killed):
 * one at or past TASK_SIZE, below ELF_MIN_VADDR or wrapping, with more
 * file bytes than memory, or with a file offset out of step with its
 * address. An image with no PT_LOAD, or an entry point outside its code,
 * is -EINVAL too: Linux starts it and it dies of SIGSEGV at once.
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/memory.h>

#define ADDR_SPACE_END	0x100000000ULL	/* 4 GiB: the first address past 32 bits */

/* The image is little-endian by the time these run (EI_DATA checked). */
static u16 get16(const u8 *p)
{
	return (u16)(p[0] | p[1] << 8);
}

static u32 get32(const u8 *p)
{
	return (u32)p[0] | (u32)p[1] << 8 | (u32)p[2] << 16 | (u32)p[3] << 24;
}

static void read_ehdr(const u8 *p, Elf32_Ehdr *eh)
{
	memcpy(eh->e_ident, p, EI_NIDENT);
	eh->e_type = get16(p + 16);
	eh->e_machine = get16(p + 18);
	eh->e_version = get32(p + 20);
	eh->e_entry = get32(p + 24);
	eh->e_phoff = get32(p + 28);
	eh->e_shoff = get32(p + 32);
	eh->e_flags = get32(p + 36);
	eh->e_ehsize = get16(p + 40);
	eh->e_phentsize = get16(p + 42);
	eh->e_phnum = get16(p + 44);
	eh->e_shentsize = get16(p + 46);
	eh->e_shnum = get16(p + 48);
	eh->e_shstrndx = get16(p + 50);
}

static void read_phdr(const u8 *p, Elf32_Phdr *ph)
{
	ph->p_type = get32(p);
	ph->p_offset = get32(p + 4);
	ph->p_vaddr = get32(p + 8);
	ph->p_paddr = get32(p + 12);
	ph->p_filesz = get32(p + 16);
	ph->p_memsz = get32(p + 20);
	ph->p_flags = get32(p + 24);
	ph->p_align = get32(p + 28);
}

/* e_ident: the parts that say how to read the rest. */
static int check_ident(const u8 *id, char *why, size_t whylen)
{
	if (memcmp(id, ELFMAG, SELFMAG))
		return refuse(-ENOEXEC, why, whylen, "bad magic %02x %02x %02x %02x: not ELF",
			      id[0], id[1], id[2], id[3]);
	if (id[EI_CLASS] != ELFCLASS32)
		return refuse(-ENOEXEC, why, whylen, "EI_CLASS %u: not ELFCLASS32", id[EI_CLASS]);
	if (id[EI_DATA] != ELFDATA2LSB)
		return refuse(-ENOEXEC, why, whylen, "EI_DATA %u: not little-endian", id[EI_DATA]);
	if (id[EI_VERSION] != EV_CURRENT)
		return refuse(-ENOEXEC, why, whylen, "EI_VERSION %u: not EV_CURRENT",
			      id[EI_VERSION]);
	return 0;
}

static int check_ehdr(const Elf32_Ehdr *eh, size_t head_len, size_t size, char *why,
		      size_t whylen)
{
	u64 table_end;
	int ret;

	ret = check_ident(eh->e_ident, why, whylen);
	if (ret)
		return ret;
	if (eh->e_version != EV_CURRENT)
		return refuse(-ENOEXEC, why, whylen, "e_version %u: not EV_CURRENT", eh->e_version);
	if (eh->e_machine != EM_ARM)
		return refuse(-ENOEXEC, why, whylen, "e_machine %u: not EM_ARM", eh->e_machine);
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return refuse(-ENOEXEC, why, whylen, "e_type %u: not an executable (ET_EXEC/ET_DYN)",
			      eh->e_type);
	if (eh->e_ehsize != sizeof(Elf32_Ehdr))
		return refuse(-ENOEXEC, why, whylen, "e_ehsize %u: not %zu", eh->e_ehsize,
			      sizeof(Elf32_Ehdr));
	if (eh->e_phentsize != sizeof(Elf32_Phdr))
		return refuse(-ENOEXEC, why, whylen, "e_phentsize %u: not %zu", eh->e_phentsize,
			      sizeof(Elf32_Phdr));
	/* an ARM entry point is word aligned, a Thumb one odd */
	if ((eh->e_entry & 3) == 2)
		return refuse(-ENOEXEC, why, whylen, "e_entry 0x%x: neither ARM nor Thumb code",
			      eh->e_entry);
	if (eh->e_phnum == 0 || eh->e_phnum > ELF_MAX_PHNUM)
		return refuse(-ENOEXEC, why, whylen, "e_phnum %u: not 1..%d", eh->e_phnum,
			      ELF_MAX_PHNUM);
	table_end = (u64)eh->e_phoff + (u64)eh->e_phnum * eh->e_phentsize;
	if (table_end > size)
		return refuse(-ENOEXEC, why, whylen,
			      "program headers [0x%x, 0x%llx) outside the file (%zu bytes)",
			      eh->e_phoff, (unsigned long long)table_end, size);
	if (table_end > head_len)
		return refuse(-ENOEXEC, why, whylen,
			      "program headers [0x%x, 0x%llx) past the first %zu bytes read",
			      eh->e_phoff, (unsigned long long)table_end, head_len);
	return 0;
}

/*
 * The rules about one PT_LOAD on its own. Linux maps segments only after
 * the point of no return, so the ones it cannot map are -EINVAL here
 * (the exec goes through and the task is killed), the other faults
 * -ENOEXEC; -ENOEXEC is checked first as the two may come together.
 */
static int check_load_fields(const Elf32_Phdr *ph, int i, size_t size,
			     char *why, size_t whylen)
{
	u64 file_end = (u64)ph->p_offset + ph->p_filesz;
	u64 mem_end = (u64)ph->p_vaddr + ph->p_memsz;

	if (file_end > size)
		return refuse(-ENOEXEC, why, whylen,
			      "phdr %d: PT_LOAD file bytes [0x%x, 0x%llx) outside the file (%zu bytes)",
			      i, ph->p_offset, (unsigned long long)file_end, size);
	if (ph->p_align & (ph->p_align - 1))
		return refuse(-ENOEXEC, why, whylen, "phdr %d: p_align 0x%x not a power of two",
			      i, ph->p_align);
	if (ph->p_filesz > ph->p_memsz)
		return refuse(-EINVAL, why, whylen, "phdr %d: PT_LOAD p_filesz 0x%x > p_memsz 0x%x",
			      i, ph->p_filesz, ph->p_memsz);
	/* the page-rounded end must still be a 32-bit address */
	if (mem_end > ADDR_SPACE_END - ELF_PAGE)
		return refuse(-EINVAL, why, whylen,
			      "phdr %d: PT_LOAD p_vaddr 0x%x + p_memsz 0x%x overflows",
			      i, ph->p_vaddr, ph->p_memsz);
	/* file pages are mapped from the page holding p_offset, if any */
	if ((ph->p_filesz || ph->p_vaddr % ELF_PAGE) &&
	    (ph->p_vaddr - ph->p_offset) % ELF_PAGE)
		return refuse(-EINVAL, why, whylen,
			      "phdr %d: p_vaddr 0x%x and p_offset 0x%x differ modulo the page",
			      i, ph->p_vaddr, ph->p_offset);
	return 0;
}

/* A PT_LOAD against the ones before it and the address space. */
static int check_load_place(const Elf32_Phdr *ph, int i,
			    const struct elf_load_info *info, char *why, size_t whylen)
{
	bool exec = info->type == ET_EXEC;
	const struct elf_segment *prev;
	u64 mem_end = (u64)ph->p_vaddr + ph->p_memsz;

	if (exec && ph->p_vaddr < ELF_MIN_VADDR)
		return refuse(-EINVAL, why, whylen,
			      "phdr %d: ET_EXEC segment at 0x%x, below 0x%x",
			      i, ph->p_vaddr, ELF_MIN_VADDR);
	if (exec && (ph->p_vaddr >= TASK_SIZE || mem_end > TASK_SIZE))
		return refuse(-EINVAL, why, whylen,
			      "phdr %d: ET_EXEC segment [0x%x, 0x%llx) reaches TASK_SIZE 0x%lx",
			      i, ph->p_vaddr, (unsigned long long)mem_end, TASK_SIZE);
	if (!info->nr_load)
		return 0;
	prev = &info->load[info->nr_load - 1];
	if (ph->p_vaddr < prev->vaddr)
		return refuse(-ENOEXEC, why, whylen,
			      "phdr %d: PT_LOAD at 0x%x below the previous one at 0x%lx (not ascending)",
			      i, ph->p_vaddr, prev->vaddr);
	if (ph->p_vaddr < prev->vaddr + prev->memsz)
		return refuse(-ENOEXEC, why, whylen,
			      "phdr %d: PT_LOAD at 0x%x overlaps the previous one ending at 0x%lx",
			      i, ph->p_vaddr, prev->vaddr + prev->memsz);
	return 0;
}

static int add_load(const Elf32_Phdr *ph, int i, size_t size,
		    struct elf_load_info *info, char *why, size_t whylen)
{
	struct elf_segment *seg;
	int ret;

	if (info->nr_load == ELF_MAX_LOAD)
		return refuse(-ENOEXEC, why, whylen, "phdr %d: more than %d PT_LOAD segments",
			      i, ELF_MAX_LOAD);
	ret = check_load_fields(ph, i, size, why, whylen);
	if (!ret)
		ret = check_load_place(ph, i, info, why, whylen);
	if (ret)
		return ret;
	seg = &info->load[info->nr_load++];
	seg->vaddr = ph->p_vaddr;
	seg->memsz = ph->p_memsz;
	seg->offset = ph->p_offset;
	seg->filesz = ph->p_filesz;
	seg->flags = ph->p_flags & (PF_R | PF_W | PF_X);
	return 0;
}

/*
 * A segment that cannot be mapped (-EINVAL) is left out and the scan
 * goes on: a later -ENOEXEC still wins, as Linux checks those first.
 */
static int scan_phdrs(const u8 *image, size_t size, const Elf32_Ehdr *eh,
		      struct elf_load_info *info, char *why, size_t whylen)
{
	bool have_phdr = false;
	int i, ret, unmappable = 0;
	Elf32_Phdr ph;

	for (i = 0; i < eh->e_phnum; i++) {
		read_phdr(image + eh->e_phoff + i * sizeof(Elf32_Phdr), &ph);
		switch (ph.p_type) {
		case PT_LOAD:
			ret = add_load(&ph, i, size, info, why, whylen);
			if (ret == -EINVAL)
				unmappable = ret;
			else if (ret)
				return ret;
			break;
		case PT_INTERP:
			return refuse(-ENOEXEC, why, whylen,
				      "phdr %d: PT_INTERP: dynamically linked, and there is no dynamic loader (link with -static)",
				      i);
		case PT_PHDR:
			if (!have_phdr)
				info->phdr_vaddr = ph.p_vaddr;
			have_phdr = true;
			break;
		case PT_GNU_STACK:
			info->exec_stack = ph.p_flags & PF_X;
			break;
		}
	}
	if (unmappable)
		return unmappable;
	if (!info->nr_load)
		return refuse(-EINVAL, why, whylen, "no PT_LOAD segment");
	return 0;
}

/* Without PT_PHDR the headers are visible if a PT_LOAD maps their bytes. */
static void find_phdr_vaddr(struct elf_load_info *info)
{
	unsigned long end = info->phoff + info->phnum * info->phentsize;
	unsigned int i;

	for (i = 0; i < info->nr_load; i++) {
		const struct elf_segment *seg = &info->load[i];

		if (info->phoff >= seg->offset &&
		    end <= seg->offset + seg->filesz) {
			info->phdr_vaddr = seg->vaddr + (info->phoff - seg->offset);
			return;
		}
	}
}

static bool entry_is_code(const struct elf_load_info *info)
{
	unsigned int i;

	for (i = 0; i < info->nr_load; i++) {
		const struct elf_segment *seg = &info->load[i];

		if ((seg->flags & PF_X) && info->entry >= seg->vaddr &&
		    info->entry - seg->vaddr < seg->filesz)
			return true;
	}
	return false;
}

static int check_image(struct elf_load_info *info, char *why, size_t whylen)
{
	const struct elf_segment *last = &info->load[info->nr_load - 1];

	info->lowest = ALIGN_DOWN(info->load[0].vaddr, (unsigned long)ELF_PAGE);
	info->highest = ALIGN(last->vaddr + last->memsz, (unsigned long)ELF_PAGE);
	if (info->type == ET_DYN && info->highest - info->lowest > ELF_DYN_MAX_SPAN)
		return refuse(-ENOEXEC, why, whylen, "ET_DYN image spans 0x%lx bytes, more than 1 GiB",
			      info->highest - info->lowest);
	if (!entry_is_code(info))
		return refuse(-EINVAL, why, whylen,
			      "entry point 0x%lx is not in the file bytes of an executable PT_LOAD",
			      info->entry);
	if (!info->phdr_vaddr)
		find_phdr_vaddr(info);
	return 0;
}

int elf_parse_head(const void *image, size_t head_len, size_t size,
		   struct elf_load_info *info, char *why, size_t whylen)
{
	Elf32_Ehdr eh;
	int ret;

	memset(info, 0, sizeof(*info));
	if (why && whylen)
		why[0] = '\0';
	if (size < sizeof(Elf32_Ehdr) || head_len < sizeof(Elf32_Ehdr))
		return refuse(-ENOEXEC, why, whylen, "file of %zu bytes is shorter than an ELF header",
			      size);
	read_ehdr(image, &eh);
	ret = check_ehdr(&eh, head_len, size, why, whylen);
	if (ret)
		return ret;
	info->type = eh.e_type;
	info->entry = eh.e_entry;
	info->phoff = eh.e_phoff;
	info->phnum = eh.e_phnum;
	info->phentsize = eh.e_phentsize;
	info->exec_stack = true;
	ret = scan_phdrs(image, size, &eh, info, why, whylen);
	if (ret)
		return ret;
	return check_image(info, why, whylen);
}

int elf_parse(const void *image, size_t size, struct elf_load_info *info,
	      char *why, size_t whylen)
{
	return elf_parse_head(image, size, size, info, why, whylen);
}
