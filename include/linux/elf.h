/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ELF32 as the System V ABI and the ARM EABI supplement define it: the
 * file and program headers, the constants the loader needs, the auxiliary
 * vector tags with Linux's numbers, and elf_parse(), which checks an
 * executable image completely before anything is mapped.
 *
 * elf_parse() is pure (no allocation, no globals) so the host tests run
 * it under ASan on every byte flip and truncation of real binaries. The
 * loader can then trust every field it copies out of elf_load_info: all
 * offsets are inside the file and all addresses inside user space (or,
 * for ET_DYN, inside a span of at most ELF_DYN_MAX_SPAN to be biased).
 */
#ifndef _LINUX_ELF_H
#define _LINUX_ELF_H

#include <linux/types.h>
#include <uapi/linux/auxvec.h>

typedef u32 Elf32_Addr;
typedef u16 Elf32_Half;
typedef u32 Elf32_Off;
typedef s32 Elf32_Sword;
typedef u32 Elf32_Word;

/* e_ident[] indexes and values */
#define EI_MAG0		0
#define EI_MAG1		1
#define EI_MAG2		2
#define EI_MAG3		3
#define EI_CLASS	4
#define EI_DATA		5
#define EI_VERSION	6
#define EI_OSABI	7
#define EI_ABIVERSION	8
#define EI_PAD		9
#define EI_NIDENT	16

#define ELFMAG0		0x7f
#define ELFMAG1		'E'
#define ELFMAG2		'L'
#define ELFMAG3		'F'
#define ELFMAG		"\177ELF"
#define SELFMAG		4

#define ELFCLASSNONE	0
#define ELFCLASS32	1
#define ELFCLASS64	2

#define ELFDATANONE	0
#define ELFDATA2LSB	1
#define ELFDATA2MSB	2

#define EV_NONE		0
#define EV_CURRENT	1

#define ELFOSABI_NONE	0
#define ELFOSABI_LINUX	3

/* e_type */
#define ET_NONE		0
#define ET_REL		1
#define ET_EXEC		2
#define ET_DYN		3
#define ET_CORE		4

/* e_machine */
#define EM_NONE		0
#define EM_386		3
#define EM_ARM		40
#define EM_X86_64	62
#define EM_AARCH64	183

/* e_flags of the ARM EABI */
#define EF_ARM_EABIMASK		0xff000000
#define EF_ARM_EABI_VER5	0x05000000
#define EF_ARM_ABI_FLOAT_SOFT	0x00000200
#define EF_ARM_ABI_FLOAT_HARD	0x00000400

/* p_type */
#define PT_NULL		0
#define PT_LOAD		1
#define PT_DYNAMIC	2
#define PT_INTERP	3
#define PT_NOTE		4
#define PT_SHLIB	5
#define PT_PHDR		6
#define PT_TLS		7
#define PT_LOOS		0x60000000
#define PT_GNU_EH_FRAME	0x6474e550
#define PT_GNU_STACK	0x6474e551
#define PT_GNU_RELRO	0x6474e552
#define PT_GNU_PROPERTY	0x6474e553
#define PT_HIOS		0x6fffffff
#define PT_LOPROC	0x70000000
#define PT_ARM_EXIDX	0x70000001
#define PT_HIPROC	0x7fffffff

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;
	Elf32_Off e_phoff;
	Elf32_Off e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

typedef struct {
	Elf32_Word p_type;
	Elf32_Off p_offset;
	Elf32_Addr p_vaddr;
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

typedef struct {
	Elf32_Sword a_type;
	union {
		Elf32_Word a_val;
	} a_un;
} Elf32_auxv_t;

#define ELF_MAX_LOAD		8	/* PT_LOAD segments we accept */
#define ELF_MAX_PHNUM		64	/* program headers we read */
#define ELF_MIN_VADDR		0x1000	/* the zero page stays unmapped */
#define ELF_DYN_MAX_SPAN	(1UL << 30)	/* an ET_DYN image must fit in 1 GiB */
#define ELF_PAGE		4096

struct elf_segment {
	unsigned long vaddr, memsz, offset, filesz;
	unsigned int flags;		/* PF_R | PF_W | PF_X */
};

struct elf_load_info {
	unsigned int type;		/* ET_EXEC or ET_DYN */
	unsigned long entry;		/* e_entry, not biased */
	unsigned long phoff, phnum, phentsize;
	/* where the program headers are in the loaded image (PT_PHDR, or
	 * the PT_LOAD that contains phoff), 0 if none; not biased */
	unsigned long phdr_vaddr;
	unsigned int nr_load;
	struct elf_segment load[ELF_MAX_LOAD];	/* in file (= vaddr) order */
	unsigned long lowest, highest;	/* page-aligned span of the image */
	bool exec_stack;		/* PT_GNU_STACK has PF_X, or is absent */
};

/*
 * Checks the ELF image of @size bytes at @image (any alignment) and fills
 * @info. Returns 0; -ENOEXEC, refused (execve fails); or -EINVAL, an
 * image Linux gives up only after the point of no return (a segment it
 * cannot map, nothing to run at the entry point: the task is killed);
 * with a one-line reason in @why (which may be NULL). @info is only to
 * be used after 0.
 */
int elf_parse(const void *image, size_t size, struct elf_load_info *info,
	      char *why, size_t whylen);
/*
 * The same from the first @head_len bytes of a file of @size bytes (exec
 * reads only the headers): program headers past what was read are
 * refused (-ENOEXEC) as if outside the file.
 */
int elf_parse_head(const void *image, size_t head_len, size_t size,
		   struct elf_load_info *info, char *why, size_t whylen);

#endif
