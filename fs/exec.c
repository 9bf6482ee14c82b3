// SPDX-License-Identifier: GPL-2.0
/*
 * execve: replacing a task's program, in Linux's order.
 *
 * Before the point of no return everything happens in a new mm that is
 * not in use yet: its stack VMA is made (one page, growing down as the
 * strings need), the file name, the environment and the arguments are
 * copied from the caller's memory to the top of it (include/linux/
 * binfmts.h has the limits), then the file is opened and its first
 * bytes decide its loader: a "#!" script (fs/binfmt_script.c) names an
 * interpreter to load in its place, up to BINPRM_MAX_REWRITES times; an
 * ELF image's headers are checked (elf_parse). Any failure so far leaves
 * the caller as it was, with the errno.
 *
 * Then the task drops its other threads and its old mm and takes the
 * new one: the point of no return. The segments are mapped, the stack
 * gets its pointers and auxiliary vector. A failure from here on (a
 * segment that cannot be mapped, as elf_parse foretells with -EINVAL,
 * or memory running out) has no caller to return to: the task is
 * killed by SIGSEGV, as Linux's force_fatal_sig does.
 */
#include <linux/binfmts.h>
#include <linux/cpumask.h>
#include <linux/elf.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/highmem.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/mman.h>
#include <linux/pgtable.h>
#include <linux/printk.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/namei.h>
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

#define STK_LIM			(8UL << 20)	/* RLIMIT_STACK: Linux's default */
#define STACK_EXPAND		(128 * 1024)	/* stack beyond the strings at the start */
#define BINPRM_MAX_REWRITES	5		/* scripts in a row; then ELOOP */
#define ELF_HEAD_READ		PAGE_SIZE	/* what is read for the ELF headers */
/* more pointers than this alone overflow the quarter of the stack limit */
#define MAX_ARG_STRINGS		(int)(STK_LIM / 4 / sizeof(void *))
#define ELF_ET_DYN_BASE		(TASK_SIZE / 3 * 2 & PAGE_MASK)

/* A NULL-terminated vector of strings, in user or in kernel memory. */
struct arg_vec {
	const char *const *ptr;
	bool kernel;
};

static int get_arg_ptr(struct arg_vec v, int i, const char **s)
{
	if (v.kernel) {
		*s = v.ptr[i];
		return 0;
	}
	return get_user(*s, v.ptr + i);
}

/*
 * The length of the user string at @s with its NUL; 0 on a fault, more
 * than @n if it has no NUL in its first @n bytes.
 */
static long strnlen_user(const char *s, long n)
{
	char chunk[65];
	long done = 0, len;

	while (done < n) {
		long want = min(64L, n - done);

		len = strncpy_from_user(chunk, s + done, want);
		if (len < 0)
			return 0;
		if (len < want)
			return done + len + 1;
		done += want;
	}
	return n + 1;
}

/*
 * The strings a vector holds: -EFAULT for a bad pointer, -E2BIG if more
 * than @max. (Linux counts on to 2^31 and only then finds that the
 * pointers alone overflow the limit; the kernel here is not preempted,
 * so it stops as soon as they would.)
 */
static int count(struct arg_vec v, int max)
{
	const char *s;
	int i;

	if (!v.ptr)
		return 0;
	for (i = 0;; i++) {
		if (get_arg_ptr(v, i, &s))
			return -EFAULT;
		if (!s)
			return i;
		if (i >= max)
			return -E2BIG;
	}
}

/*
 * The page at @addr in @vma (of any mm), present and writable; NULL if no
 * memory. The caller holds the mm's mmap_lock.
 */
static struct page *get_mm_page(struct vm_area_struct *vma, unsigned long addr)
{
	struct page *page = NULL;
	pte_t *ptep;

	if (handle_mm_fault(vma, addr, FAULT_FLAG_WRITE))
		return NULL;
	ptep = pte_lookup(vma->vm_mm, addr);
	if (!ptep)
		return NULL;
	if (pte_present(*ptep) && !pte_special(*ptep))
		page = pte_page(*ptep);
	pte_unmap(ptep);
	return page;
}

/* The new stack's page at @pos; the stack VMA grows down to it. */
static struct page *get_arg_page(struct linux_binprm *bprm, unsigned long pos)
{
	struct page *page = NULL;

	/* the lock is let go before the caller copies from the old mm's user memory */
	mmap_write_lock(bprm->mm);
	if (pos >= bprm->vma->vm_start || !expand_stack(bprm->vma, pos))
		page = get_mm_page(bprm->vma, pos);
	mmap_write_unlock(bprm->mm);
	return page;
}

/* Copies @len bytes of @src (user memory unless @kernel) to the new stack at @pos. */
static int copy_to_stack(struct linux_binprm *bprm, unsigned long pos,
			 const char *src, size_t len, bool kernel)
{
	while (len) {
		size_t off = pos & ~PAGE_MASK, n = min(len, PAGE_SIZE - off);
		struct page *page = get_arg_page(bprm, pos);
		unsigned long left = 0;
		char *kaddr;

		if (!page)
			return -E2BIG;
		kaddr = kmap_local_page(page);
		if (kernel)
			memcpy(kaddr + off, src, n);
		else
			left = copy_from_user(kaddr + off, src, n);
		kunmap_local(kaddr);
		if (left)
			return -EFAULT;
		pos += n;
		src += n;
		len -= n;
	}
	return 0;
}

/* Makes room for @len bytes below bprm->p, within the limit. */
static int take_room(struct linux_binprm *bprm, size_t len)
{
	if (len > MAX_ARG_STRLEN)
		return -E2BIG;
	if (bprm->p - bprm->argmin < len)
		return -E2BIG;
	bprm->p -= len;
	return 0;
}

int copy_string_kernel(const char *arg, struct linux_binprm *bprm)
{
	size_t len = strnlen(arg, MAX_ARG_STRLEN) + 1;

	return take_room(bprm, len) ?: copy_to_stack(bprm, bprm->p, arg, len, true);
}

/* The @n strings of @v, the last first, so that they end up in order. */
static int copy_strings(int n, struct arg_vec v, struct linux_binprm *bprm)
{
	const char *s;
	long len;
	int err;

	while (n-- > 0) {
		if (get_arg_ptr(v, n, &s) || !s)
			return -EFAULT;
		if (v.kernel) {
			err = copy_string_kernel(s, bprm);
			if (err)
				return err;
			continue;
		}
		len = strnlen_user(s, MAX_ARG_STRLEN);
		if (!len)
			return -EFAULT;
		err = take_room(bprm, len) ?: copy_to_stack(bprm, bprm->p, s, len, false);
		if (err)
			return err;
	}
	return 0;
}

int remove_arg_zero(struct linux_binprm *bprm)
{
	struct page *page;
	char *kaddr;
	size_t off;

	if (!bprm->argc)
		return 0;
	do {	/* to the NUL that ends argv[0], page by page */
		page = get_arg_page(bprm, bprm->p);
		if (!page)
			return -EFAULT;
		kaddr = kmap_local_page(page);
		for (off = bprm->p & ~PAGE_MASK; off < PAGE_SIZE && kaddr[off]; off++)
			bprm->p++;
		kunmap_local(kaddr);
	} while (off == PAGE_SIZE);
	bprm->p++;
	bprm->argc--;
	return 0;
}

/* The new mm and its stack VMA: one page at the top for now. */
static int bprm_mm_init(struct linux_binprm *bprm)
{
	unsigned long ret, populate;

	bprm->mm = mm_alloc();
	if (!bprm->mm)
		return -ENOMEM;
	mmap_write_lock(bprm->mm);
	ret = do_mmap(bprm->mm, NULL, STACK_TOP - PAGE_SIZE, PAGE_SIZE,
		      PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN, 0, &populate);
	if (!IS_ERR_VALUE(ret))
		bprm->vma = find_vma(bprm->mm, ret);
	mmap_write_unlock(bprm->mm);
	if (IS_ERR_VALUE(ret))
		return ret;
	bprm->p = STACK_TOP - sizeof(void *);
	return 0;
}

/*
 * The strings may take a quarter of the stack limit, less the pointers
 * that will go below them (at least one for argv, see do_execve). Linux
 * also caps it at 3/4 of the default limit and never goes below 32
 * pages; neither bites while the limit is the default.
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit = STK_LIM / 4;
	unsigned long ptrs = (max(bprm->argc, 1) + bprm->envc) * sizeof(void *);

	if (limit <= ptrs)
		return -E2BIG;
	bprm->argmin = bprm->p - (limit - ptrs);
	return 0;
}

/*
 * The file to run: a regular file with execute permission on a mount
 * that allows it (-EACCES otherwise), as Linux's do_open_execat.
 */
void exe_file_put(struct file *file)
{
	allow_write_access(file);
	fput(file);
}

struct file *open_exec(const char *name, int *err)
{
	struct file *file = do_filp_open(AT_FDCWD, name, O_RDONLY | O_LARGEFILE, 0, err);

	if (!file)
		return NULL;
	if (!S_ISREG(file_inode(file)->i_mode) ||
	    (file->f_path.mnt->mnt_flags & MNT_NOEXEC) ||
	    inode_permission(file_inode(file), MAY_EXEC)) {
		fput(file);
		*err = -EACCES;
		return NULL;
	}
	*err = deny_write_access(file);
	if (*err) {
		fput(file);
		return NULL;
	}
	return file;
}

/* The file's first bytes, for the loaders to recognise it by. */
static int prepare_binprm(struct linux_binprm *bprm)
{
	loff_t pos = 0;
	ssize_t n;

	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
	return n < 0 ? n : 0;
}

static unsigned long prot_of(unsigned int pflags)
{
	return (pflags & PF_R ? PROT_READ : 0) | (pflags & PF_W ? PROT_WRITE : 0) |
	       (pflags & PF_X ? PROT_EXEC : 0);
}

/*
 * One PT_LOAD into the current mm: file pages, then the bss. The file
 * page the bss starts in goes on as bss: its tail must read 0, even in
 * a segment the program cannot write.
 */
static int map_segment(struct mm_struct *mm, struct file *file,
		       const struct elf_segment *seg, unsigned long bias)
{
	unsigned long start = (seg->vaddr + bias) & PAGE_MASK;
	unsigned long file_end = PAGE_ALIGN(seg->vaddr + bias + seg->filesz);
	unsigned long mem_end = PAGE_ALIGN(seg->vaddr + bias + seg->memsz);
	unsigned long tail = seg->vaddr + bias + seg->filesz;
	unsigned long pgoff = (seg->offset - (seg->vaddr + bias - start)) >> PAGE_SHIFT;
	unsigned long prot = prot_of(seg->flags), ret, populate;
	struct page *page;
	u8 *kaddr;

	if (file_end > start) {
		ret = do_mmap(mm, file, start, file_end - start, prot,
			      MAP_PRIVATE | MAP_FIXED, pgoff, &populate);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	if (seg->memsz > seg->filesz && (tail & ~PAGE_MASK) && tail < file_end) {
		page = get_mm_page(find_vma(mm, tail), tail);
		if (!page)
			return -EFAULT;
		kaddr = kmap_local_page(page);
		memset(kaddr + (tail & ~PAGE_MASK), 0,
		       min(file_end, seg->vaddr + bias + seg->memsz) - tail);
		kunmap_local(kaddr);
	}
	if (mem_end > file_end) {
		ret = do_mmap(mm, NULL, file_end, mem_end - file_end, prot,
			      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0, &populate);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	return 0;
}

/*
 * The stack gets STACK_EXPAND bytes below the strings to start with (no
 * more than the limit in all), and PROT_EXEC unless PT_GNU_STACK forbids.
 * It is looked up again: a segment mapped over it has taken the strings.
 */
static int setup_arg_pages(struct linux_binprm *bprm, bool exec_stack)
{
	struct vm_area_struct *vma = find_vma(current->mm, bprm->p);
	unsigned long base;
	int err;

	if (!vma || vma->vm_start > bprm->p || !(vma->vm_flags & VM_GROWSDOWN))
		return -EFAULT;
	base = vma->vm_start - STACK_EXPAND;
	if (vma->vm_end - vma->vm_start + STACK_EXPAND > STK_LIM)
		base = vma->vm_end - STK_LIM;
	if (exec_stack) {
		err = do_mprotect(current->mm, vma->vm_start, vma->vm_end - vma->vm_start,
				  PROT_READ | PROT_WRITE | PROT_EXEC);
		if (err)
			return err;
		vma = find_vma(current->mm, bprm->p);
	}
	return expand_stack(vma, base);
}

struct auxv_entry {
	unsigned long type, value;
};

/*
 * Below the strings: the platform string and 16 random bytes; then,
 * 16-byte aligned, argc, argv[], NULL, envp[], NULL and the auxiliary
 * vector (Linux's order). Written into the current mm, which is new.
 */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf_load_info *info,
			     unsigned long bias)
{
	struct mm_struct *mm = current->mm;
	unsigned long p = bprm->p, platform, random, sp, *vec;
	struct auxv_entry aux[20];
	u32 rnd[4];
	long len;
	int naux = 0, i, n;
	u64 seed = ktime_get_ns() ^ (u64)current->pid << 32;

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
	AUX(AT_EXECFN, bprm->exec);
	AUX(AT_PLATFORM, platform);
	AUX(AT_NULL, 0);
#undef AUX
	sp = (random - (1 + bprm->argc + 1 + bprm->envc + 1) * sizeof(long) -
	      naux * sizeof(struct auxv_entry)) & ~15UL;
	if (copy_to_user((void *)platform, ELF_PLATFORM, sizeof(ELF_PLATFORM)) ||
	    copy_to_user((void *)random, rnd, sizeof(rnd)))
		return -EFAULT;
	vec = (unsigned long *)sp;
	if (put_user(bprm->argc, vec++))
		return -EFAULT;
	/* the pointers, from the strings themselves: argv's, then envp's */
	p = mm->arg_start = bprm->p;
	for (n = bprm->argc, i = 0; i < 2; i++, n = bprm->envc) {
		while (n-- > 0) {
			if (put_user(p, vec++))
				return -EFAULT;
			len = strnlen_user((const char *)p, MAX_ARG_STRLEN);
			if (!len || len > MAX_ARG_STRLEN)
				return -EINVAL;
			p += len;
		}
		if (put_user(0, vec++))
			return -EFAULT;
		if (!i)
			mm->arg_end = mm->env_start = p;
	}
	mm->env_end = p;
	if (copy_to_user(vec, aux, naux * sizeof(struct auxv_entry)))
		return -EFAULT;
	mm->start_stack = sp;
	bprm->p = sp;
	return 0;
}

static const char *basename(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/*
 * The point of no return: the other threads end, the task takes the new
 * mm and drops the old one, and starts afresh (name, signal handlers,
 * TLS). A vfork parent may go on from here.
 */
static int begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *old = current->mm;
	int err, sig;

	bprm->point_of_no_return = true;
	err = de_thread(current);	/* the process's other threads end here */
	if (!err)
		err = unshare_sighand(current);
	if (!err)
		err = unshare_files(current);
	if (err)
		return err;
	do_close_on_exec(current->files);
	if (current->fs == &init_fs) {
		/* a kernel thread becoming a program: its cwd is its own from now on */
		struct fs_struct *fs = copy_fs_struct(&init_fs);

		if (!fs)
			return -ENOMEM;
		exit_fs(current);
		current->fs = fs;
	}
	/* the file the program runs from: exec's own, or a script's interpreter */
	if (old)
		sync_mm_rss(old);	/* the RSS changes cached are the old mm's */
	bprm->mm->exe_file = get_file(bprm->file);
	deny_write_access(bprm->file);		/* the mm's own hold: cannot fail, exec has one */
	current->mm = bprm->mm;
	if (!old && current->active_mm != &init_mm)
		mmdrop(current->active_mm);	/* a kernel thread's borrowed mm */
	current->active_mm = bprm->mm;
	check_and_switch_context(bprm->mm);
	bprm->mm = NULL;
	if (old)
		mmput(old);
	if (current->flags & PF_KTHREAD)	/* a user task now: any CPU */
		current->cpus_allowed = cpu_possible_mask->bits;
	current->flags &= ~(PF_KTHREAD | PF_FORKNOEXEC);
	mm_release(current);
	snprintf(current->comm, sizeof(current->comm), "%s", basename(bprm->filename));
	for (sig = 0; sig < _NSIG; sig++)	/* handlers are gone with the old program */
		if (current->sighand->action[sig].handler != (unsigned long)SIG_IGN)
			current->sighand->action[sig].handler = (unsigned long)SIG_DFL;
	current->sas_ss_sp = 0;		/* and the alternate stack, which was in it */
	current->sas_ss_size = 0;
	current_thread_info()->tp_value = 0;
	__asm__ __volatile__("mcr p15, 0, %0, c13, c0, 3" :: "r"(0));
	vfp_flush_thread(current_thread_info());	/* the new program starts clean */
	return 0;
}

/*
 * An ELF program. elf_parse says -ENOEXEC for headers Linux refuses
 * before the point of no return, and -EINVAL for images Linux gives up
 * only after it: those go through begin_new_exec and then fail.
 */
static int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs)
{
	loff_t size = i_size_read(file_inode(bprm->file)), pos = 0;
	struct elf_load_info info;
	ssize_t head_len;
	void *head;
	struct mm_struct *mm = bprm->mm;
	unsigned long bias = 0, end = 0;
	unsigned int i;
	char why[96];
	int parsed, err;

	/* the headers: ELF and program headers, which a linker puts first */
	head = kmalloc(ELF_HEAD_READ, GFP_KERNEL);
	if (!head)
		return -ENOMEM;
	head_len = kernel_read(bprm->file, head, ELF_HEAD_READ, &pos);
	if (head_len < 0) {
		kfree(head);
		return head_len;
	}
	parsed = elf_parse_head(head, head_len, size, &info, why, sizeof(why));
	kfree(head);
	if (parsed == -ENOEXEC) {
		pr_info("exec %s: not a program this kernel runs: %s\n", bprm->interp, why);
		return -ENOEXEC;
	}
	err = begin_new_exec(bprm);
	if (err)
		return err;
	if (parsed) {
		pr_info("exec %s: cannot be loaded: %s\n", bprm->interp, why);
		return parsed;
	}
	if (info.type == ET_DYN)
		bias = ELF_ET_DYN_BASE - info.lowest;
	/*
	 * The new mm's VMAs are built under its mmap_lock; it is dropped
	 * before create_elf_tables writes the stack through user accesses,
	 * whose faults take it for reading.
	 */
	mmap_write_lock(mm);
	for (i = 0; i < info.nr_load; i++) {
		const struct elf_segment *seg = &info.load[i];

		err = map_segment(mm, bprm->file, seg, bias);
		if (err) {
			mmap_write_unlock(mm);
			return err;
		}
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
	err = setup_arg_pages(bprm, info.exec_stack) ?:
	      arch_setup_additional_pages(mm);
	mmap_write_unlock(mm);
	err = err ?: create_elf_tables(bprm, &info, bias);
	if (err)
		return err;
	start_thread(regs, info.entry + bias, bprm->p);
	return 0;
}

/* The file, or the interpreters scripts name in its place, loaded. */
static int exec_binprm(struct linux_binprm *bprm, struct pt_regs *regs)
{
	int depth, err;

	for (depth = 0; depth <= BINPRM_MAX_REWRITES; depth++) {
		err = prepare_binprm(bprm);
		if (err)
			return err;
		err = load_script(bprm);
		if (err == -ENOEXEC)
			return load_elf_binary(bprm, regs);
		if (err)
			return err;
		exe_file_put(bprm->file);
		bprm->file = bprm->interpreter;
		bprm->interpreter = NULL;
	}
	return -ELOOP;
}

static int do_execve(const char *filename, struct arg_vec argv, struct arg_vec envp,
		     struct pt_regs *regs)
{
	struct linux_binprm *bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	int err;

	if (!bprm)
		return -ENOMEM;
	bprm->filename = bprm->interp = filename;
	err = bprm_mm_init(bprm);
	if (err)
		goto out;
	err = bprm->argc = count(argv, MAX_ARG_STRINGS);
	if (err < 0)
		goto out;
	err = bprm->envc = count(envp, MAX_ARG_STRINGS - bprm->argc);
	if (err < 0)
		goto out;
	err = bprm_stack_limits(bprm) ?: copy_string_kernel(filename, bprm);
	if (err)
		goto out;
	bprm->exec = bprm->p;
	err = copy_strings(bprm->envc, envp, bprm) ?: copy_strings(bprm->argc, argv, bprm);
	if (err)
		goto out;
	if (!bprm->argc) {	/* no argv: the program gets one empty argument */
		err = copy_string_kernel("", bprm);
		if (err)
			goto out;
		bprm->argc = 1;
	}
	bprm->file = open_exec(filename, &err);
	if (!bprm->file)
		goto out;
	err = exec_binprm(bprm, regs);
	if (err && bprm->point_of_no_return) {
		/* nothing to return to: the task dies on its way out */
		force_fatal_sig(SIGSEGV);
		err = 0;
	}
out:
	if (bprm->interpreter)
		exe_file_put(bprm->interpreter);
	if (bprm->file)
		exe_file_put(bprm->file);
	if (bprm->mm)
		mmput(bprm->mm);
	kfree(bprm);
	return err;
}

/* From the kernel (the shell's run, init=): argv and envp in kernel memory. */
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp)
{
	return do_execve(filename, (struct arg_vec){ argv, true },
			 (struct arg_vec){ envp, true }, task_pt_regs(current));
}

long sys_execve(const char *ufilename, const char *const *uargv,
		const char *const *uenvp, struct pt_regs *regs)
{
	char *fname = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, err;

	if (!fname)
		return -ENOMEM;
	len = strncpy_from_user(fname, ufilename, PATH_MAX);
	err = len < 0 ? -EFAULT : len >= PATH_MAX ? -ENAMETOOLONG : !len ? -ENOENT : 0;
	if (!err)
		err = do_execve(fname, (struct arg_vec){ uargv, false },
				(struct arg_vec){ uenvp, false }, regs);
	kfree(fname);
	return err;
}
