// SPDX-License-Identifier: GPL-2.0
/*
 * execve: replacing a task's program. Everything that can fail is done
 * first, into a new mm that is not yet in use: the file is opened and
 * its ELF headers checked (elf_parse), each PT_LOAD becomes a VMA (a
 * private file mapping, then demand-zero memory for the bss), the stack
 * VMA is made and filled with argc, argv, envp, the auxiliary vector and
 * their strings laid out as Linux does. Only then does the task switch
 * to the new mm and drop the old one (mmput), so a failed exec leaves
 * the caller as it was.
 */
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/printk.h>
#include <linux/ramfs.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/uaccess.h>
#include <asm/hwcap.h>
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <asm/ptrace.h>

#define MAX_ARG_STRLEN	(32 * PAGE_SIZE)	/* one argument */
#define MAX_ARG_BYTES	(128 * 1024)		/* argv + envp strings */
#define MAX_ARG_COUNT	1024
#define STACK_INITIAL	(128 * 1024)		/* the stack VMA to start with */
#define ELF_ET_DYN_BASE	(TASK_SIZE / 3 * 2 & PAGE_MASK)


/* Arguments gathered in kernel memory before anything is changed. */
struct linux_binprm {
	const char *filename;
	int argc, envc;
	char *strings;		/* argv then envp strings, NUL separated */
	size_t strings_len;
};

/*
 * Copies @len bytes into @mm at @addr, which need not be the running mm:
 * each page is faulted in (as a write) and written through kmap_local.
 */
static int copy_to_mm(struct mm_struct *mm, unsigned long addr, const void *src,
		      size_t len)
{
	while (len) {
		struct vm_area_struct *vma = find_vma(mm, addr);
		size_t chunk = min(len, PAGE_SIZE - (addr & ~PAGE_MASK));
		pmd_t *pmd;
		pte_t *pte;
		u8 *kaddr;

		if (!vma || vma->vm_start > addr || handle_mm_fault(vma, addr, FAULT_FLAG_WRITE))
			return -EFAULT;
		pmd = pmd_offset(pgd_offset(mm, addr), addr);
		pte = pte_offset_map(pmd, addr);
		if (!pte_present(*pte) || pte_special(*pte))
			return -EFAULT;
		kaddr = kmap_local_page(pte_page(*pte));
		if (src)
			memcpy(kaddr + (addr & ~PAGE_MASK), src, chunk);
		else
			memset(kaddr + (addr & ~PAGE_MASK), 0, chunk);
		kunmap_local(kaddr);
		if (src)
			src = (const u8 *)src + chunk;
		addr += chunk;
		len -= chunk;
	}
	return 0;
}

static unsigned long prot_of(unsigned int pflags)
{
	return (pflags & PF_R ? PROT_READ : 0) | (pflags & PF_W ? PROT_WRITE : 0) |
	       (pflags & PF_X ? PROT_EXEC : 0);
}

/* One PT_LOAD: file pages, then the bss (the file page's tail zeroed). */
static int map_segment(struct mm_struct *mm, struct file *file,
		       const struct elf_segment *seg, unsigned long bias)
{
	unsigned long start = (seg->vaddr + bias) & PAGE_MASK;
	unsigned long file_end = PAGE_ALIGN(seg->vaddr + bias + seg->filesz);
	unsigned long mem_end = PAGE_ALIGN(seg->vaddr + bias + seg->memsz);
	unsigned long tail = seg->vaddr + bias + seg->filesz;
	unsigned long pgoff = (seg->offset - (seg->vaddr + bias - start)) >> PAGE_SHIFT;
	unsigned long prot = prot_of(seg->flags), ret, populate;

	if (file_end > start) {
		ret = do_mmap(mm, file, start, file_end - start, prot,
			      MAP_PRIVATE | MAP_FIXED, pgoff, &populate);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	if (seg->memsz > seg->filesz && (tail & ~PAGE_MASK) && tail < file_end) {
		/* the last file page goes on as bss: its tail must read 0 */
		if (copy_to_mm(mm, tail, NULL, min(file_end, seg->vaddr + bias + seg->memsz) - tail))
			return -EFAULT;
	}
	if (mem_end > file_end) {
		ret = do_mmap(mm, NULL, file_end, mem_end - file_end, prot,
			      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0, &populate);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	return 0;
}

struct auxv_entry {
	unsigned long type, value;
};

/*
 * The initial stack, top down: the file name, the env and arg strings,
 * the platform string and 16 random bytes; then, 16-byte aligned, argc,
 * argv[], NULL, envp[], NULL and the auxiliary vector (Linux's order).
 */
static int setup_stack(struct mm_struct *mm, struct linux_binprm *bprm,
		       const struct elf_load_info *info, unsigned long bias,
		       unsigned long *sp_out)
{
	unsigned long top = STACK_TOP, p, execfn, platform, random, sp, *vec;
	size_t fname_len = strlen(bprm->filename) + 1;
	unsigned long strings, n_ptrs, vec_bytes, i;
	struct auxv_entry aux[20];
	u32 rnd[4];
	const char *s;
	int naux = 0, err;
	u64 seed = ktime_get_ns() ^ (u64)current->pid << 32;

	p = top - sizeof(unsigned long);
	execfn = p -= fname_len;
	strings = p -= bprm->strings_len;
	platform = p -= sizeof(ELF_PLATFORM);
	random = p -= sizeof(rnd);
	for (i = 0; i < 4; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		rnd[i] = seed >> 32;
	}
#define AUX(t, v) (aux[naux].type = (t), aux[naux++].value = (v))
	AUX(AT_HWCAP, elf_hwcap);
	AUX(AT_PAGESZ, PAGE_SIZE);
	AUX(AT_CLKTCK, HZ);
	AUX(AT_PHDR, info->phdr_vaddr ? info->phdr_vaddr + bias : 0);
	AUX(AT_PHENT, sizeof(Elf32_Phdr));
	AUX(AT_PHNUM, info->phnum);
	AUX(AT_BASE, 0);
	AUX(AT_FLAGS, 0);
	AUX(AT_ENTRY, info->entry + bias);
	AUX(AT_UID, 0);
	AUX(AT_EUID, 0);
	AUX(AT_GID, 0);
	AUX(AT_EGID, 0);
	AUX(AT_SECURE, 0);
	AUX(AT_RANDOM, random);
	AUX(AT_HWCAP2, elf_hwcap2);
	AUX(AT_EXECFN, execfn);
	AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX
	n_ptrs = 1 + bprm->argc + 1 + bprm->envc + 1;
	vec_bytes = n_ptrs * sizeof(unsigned long) + naux * sizeof(struct auxv_entry);
	sp = (random - vec_bytes) & ~15UL;
	if (top - sp > STACK_INITIAL - PAGE_SIZE)
		return -E2BIG;
	vec = kmalloc(vec_bytes, GFP_KERNEL);
	if (!vec)
		return -ENOMEM;
	i = 0;
	vec[i++] = bprm->argc;
	for (s = bprm->strings, p = strings; i <= (unsigned long)bprm->argc; i++) {
		vec[i] = p;
		p += strlen(s) + 1;
		s += strlen(s) + 1;
	}
	vec[i++] = 0;
	for (; i < n_ptrs - 1; i++) {
		vec[i] = p;
		p += strlen(s) + 1;
		s += strlen(s) + 1;
	}
	vec[i++] = 0;
	memcpy(vec + i, aux, naux * sizeof(struct auxv_entry));
	err = copy_to_mm(mm, sp, vec, vec_bytes) ?:
	      copy_to_mm(mm, random, rnd, sizeof(rnd)) ?:
	      copy_to_mm(mm, platform, ELF_PLATFORM, sizeof(ELF_PLATFORM)) ?:
	      copy_to_mm(mm, strings, bprm->strings, bprm->strings_len) ?:
	      copy_to_mm(mm, execfn, bprm->filename, fname_len);
	kfree(vec);
	mm->start_stack = sp;
	mm->arg_start = strings;
	mm->env_end = execfn;
	*sp_out = sp;
	return err;
}

static void set_arg_env_bounds(struct mm_struct *mm, struct linux_binprm *bprm)
{
	const char *s = bprm->strings;
	int i;

	for (i = 0; i < bprm->argc; i++)
		s += strlen(s) + 1;
	mm->arg_end = mm->env_start = mm->arg_start + (s - bprm->strings);
}

/* Builds the new mm; on success switches to it and points @regs at the entry. */
static int load_elf_binary(struct linux_binprm *bprm, struct file *file,
			   struct pt_regs *regs)
{
	struct inode *inode = file->inode;
	struct elf_load_info info;
	struct mm_struct *mm, *old;
	unsigned long bias = 0, sp, ret, end = 0, populate;
	unsigned int i;
	char why[96];
	int err;

	if (elf_parse(inode->data, inode->size, &info, why, sizeof(why))) {
		pr_info("exec %s: not a program this kernel runs: %s\n", bprm->filename, why);
		return -ENOEXEC;
	}
	if (info.type == ET_DYN)
		bias = ELF_ET_DYN_BASE - info.lowest;
	mm = mm_alloc();
	if (!mm)
		return -ENOMEM;
	for (i = 0; i < info.nr_load; i++) {
		const struct elf_segment *seg = &info.load[i];

		err = map_segment(mm, file, seg, bias);
		if (err)
			goto fail;
		end = max(end, seg->vaddr + bias + seg->memsz);
		if (seg->flags & PF_X) {
			mm->start_code = seg->vaddr + bias;
			mm->end_code = seg->vaddr + bias + seg->filesz;
		} else {
			if (!mm->start_data)
				mm->start_data = seg->vaddr + bias;
			mm->end_data = seg->vaddr + bias + seg->filesz;
		}
	}
	mm->start_brk = mm->brk = PAGE_ALIGN(end);
	ret = do_mmap(mm, NULL, STACK_TOP - STACK_INITIAL, STACK_INITIAL,
		      PROT_READ | PROT_WRITE | (info.exec_stack ? PROT_EXEC : 0),
		      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN, 0, &populate);
	if (IS_ERR_VALUE(ret)) {
		err = ret;
		goto fail;
	}
	err = setup_stack(mm, bprm, &info, bias, &sp);
	if (err)
		goto fail;
	set_arg_env_bounds(mm, bprm);
	err = de_thread(current);	/* the process's other threads end here */
	if (err)
		goto fail;

	/* the point of no return */
	old = current->mm;
	current->mm = mm;
	if (!old && current->active_mm != &init_mm)
		mmdrop(current->active_mm);	/* a kernel thread's borrowed mm */
	current->active_mm = mm;
	check_and_switch_context(mm);
	if (old)
		mmput(old);
	current->flags &= ~PF_KTHREAD;
	mm_release(current);	/* a vfork parent may go on now */
	start_thread(regs, info.entry + bias, sp);
	return 0;
fail:
	mmput(mm);
	return err;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int do_execve(struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct file *file;
	int err, sig;

	file = file_open(bprm->filename, O_RDONLY, &err);
	if (!file)
		return err;
	if (!S_ISREG(file->inode->mode) || !(file->inode->mode & 0111)) {
		file_put(file);
		return -EACCES;
	}
	err = load_elf_binary(bprm, file, regs);
	file_put(file);
	if (err)
		return err;
	snprintf(current->comm, sizeof(current->comm), "%s", basename(bprm->filename));
	for (sig = 0; sig < _NSIG; sig++)	/* handlers are gone with the old program */
		if (current->action[sig].handler != (unsigned long)SIG_IGN)
			current->action[sig].handler = (unsigned long)SIG_DFL;
	current_thread_info()->tp_value = 0;
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(0));
	vfp_flush_thread(current_thread_info());	/* the new program starts clean */
	return 0;
}

/* From the kernel (the shell's run): argv and envp in kernel memory. */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm bprm = { .filename = filename };
	size_t len = 0;
	char *p;
	int i, err;

	for (i = 0; argv[i]; i++)
		len += strlen(argv[i]) + 1;
	bprm.argc = i;
	for (i = 0; envp[i]; i++)
		len += strlen(envp[i]) + 1;
	bprm.envc = i;
	if (len > MAX_ARG_BYTES)
		return -E2BIG;
	bprm.strings = p = kmalloc(len ? len : 1, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	for (i = 0; argv[i]; i++)
		p += snprintf(p, len, "%s", argv[i]) + 1;
	for (i = 0; envp[i]; i++)
		p += snprintf(p, len, "%s", envp[i]) + 1;
	bprm.strings_len = len;
	err = do_execve(&bprm, task_pt_regs(current));
	kfree(bprm.strings);
	return err;
}

/* Appends the user strings of a NULL-terminated vector; counts them. */
static int copy_strings(const char *const *uvec, char *buf, size_t *used, int *count)
{
	int n = 0;

	for (;; n++) {
		const char *s;
		long len;

		if (n >= MAX_ARG_COUNT)
			return -E2BIG;
		if (get_user(s, uvec + n))
			return -EFAULT;
		if (!s)
			break;
		len = strncpy_from_user(buf + *used, s, MAX_ARG_BYTES - *used);
		if (len < 0)
			return -EFAULT;
		if (*used + len >= MAX_ARG_BYTES)
			return -E2BIG;
		*used += len + 1;
	}
	*count = n;
	return 0;
}

long sys_execve(const char *ufilename, const char *const *uargv,
		const char *const *uenvp, struct pt_regs *regs)
{
	struct linux_binprm bprm = { 0 };
	char *fname = kmalloc(256, GFP_KERNEL);
	char *strings = kmalloc(MAX_ARG_BYTES, GFP_KERNEL);
	size_t used = 0;
	long len;
	int err;

	err = -ENOMEM;
	if (!fname || !strings)
		goto out;
	len = strncpy_from_user(fname, ufilename, 256);
	err = len < 0 ? -EFAULT : len >= 256 ? -ENAMETOOLONG : 0;
	if (err)
		goto out;
	err = (uargv ? copy_strings(uargv, strings, &used, &bprm.argc) : 0) ?:
	      (uenvp ? copy_strings(uenvp, strings, &used, &bprm.envc) : 0);
	if (err)
		goto out;
	bprm.filename = fname;
	bprm.strings = strings;
	bprm.strings_len = used;
	err = do_execve(&bprm, regs);
out:
	kfree(fname);
	kfree(strings);
	return err;
}
