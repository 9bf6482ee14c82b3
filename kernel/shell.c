// SPDX-License-Identifier: GPL-2.0
/*
 * The serial shell: reads a line from the console, splits it into words
 * as sh does (quotes, backslashes) and runs the command named by the first. Enter arrives as CR from a
 * terminal and as LF from a pipe; both end a line, and a CR LF pair ends
 * just one. Input waits in WFI: the UART's receive interrupt wakes it.
 */
#include <linux/console.h>
#include <linux/crash.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/kernel.h>
#include <linux/leak_check.h>
#include <linux/bench.h>
#include <linux/gfp.h>
#include <linux/ktest.h>
#include <linux/line_edit.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/fault-inject.h>
#include <linux/fs.h>
#include <linux/namei.h>
#include <linux/reboot.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/mm_types.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/ptdump.h>
#include <linux/time.h>
#include <asm/cp15.h>
#include <asm/setup.h>

#define LINE_LEN	4096
#define MAX_ARGS	16

static int cmd_help(int argc, char **argv);
void ps_show(struct seq_file *m);
void proc_pid_maps_show(struct seq_file *m, struct task_struct *t);
void proc_pid_status_show(struct seq_file *m, struct task_struct *t);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	console_printf("%s\n", pagoda_banner);
	return 0;
}

static int cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();

	(void)argc;
	(void)argv;
	console_printf("up %lu.%02lu s, %lu jiffies (HZ=%d)\n",
		       (unsigned long)(ns / NSEC_PER_SEC),
		       (unsigned long)(ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100)),
		       jiffies, HZ);
	return 0;
}

void log_buf_for_each(void (*fn)(int level, const char *line, size_t len, void *arg),
		      void *arg);

static void dmesg_line(int level, const char *line, size_t len, void *arg)
{
	(void)level;
	(void)arg;
	console_write(line, len);
}

static int cmd_dmesg(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	log_buf_for_each(dmesg_line, NULL);
	return 0;
}

static void show_plain(struct seq_file *m, void *show)
{
	(*(void (**)(struct seq_file *m))show)(m);
}

/* Runs a /proc-style view into a buffer as large as its text, and prints it. */
static int show_view(void (*show)(struct seq_file *m))
{
	size_t len;
	int err;
	char *text = seq_render(show_plain, &show, &len, &err);

	if (!text) {
		console_printf("cannot show it: %s\n", err == -EFBIG ?
			       "longer than 4 MiB" : "out of memory");
		return 1;
	}
	console_write(text, len);
	kfree(text);
	return 0;
}

#define VIEW_CMD(name, fn)						\
static int cmd_##name(int argc, char **argv)				\
{									\
	(void)argc;							\
	(void)argv;							\
	return show_view(fn);						\
}

VIEW_CMD(meminfo, meminfo_show)
VIEW_CMD(buddyinfo, buddyinfo_show)
VIEW_CMD(pagetypeinfo, pagetypeinfo_show)
VIEW_CMD(zoneinfo, zoneinfo_show)
VIEW_CMD(slabinfo, slabinfo_show)
VIEW_CMD(slabcpu, slab_cpu_show)
VIEW_CMD(vmallocinfo, vmallocinfo_show)
VIEW_CMD(vmlayout, vmlayout_show)
VIEW_CMD(kmap, kmap_show)
VIEW_CMD(vmlazy, vmalloc_lazy_show)
VIEW_CMD(memmap, memmap_show)
VIEW_CMD(cpus, smp_cpus_show)

static int cmd_leakcheck(int argc, char **argv)
{
	/* the last programs' mms, which the shell and idle CPUs borrow (lazy TLB), are no one's */
	drop_lazy_mms();
	if (argc == 2 && !strcmp(argv[1], "start")) {
		leak_check_start();
		console_printf("leakcheck: snapshot taken\n");
		return 0;
	}
	if (argc != 1) {
		console_printf("usage: leakcheck [start]\n");
		return 1;
	}
	leak_check_measure();
	return show_view(leak_check_show);
}

/* The fault-injection attributes the shell shows and sets. */
static struct fault_attr *const fault_attrs[] = { &fail_page_alloc, &failslab };

static void faults_show(struct seq_file *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fault_attrs); i++)
		fault_attr_show(m, fault_attrs[i]);
}

static int cmd_fault(int argc, char **argv)
{
	unsigned int i;

	if (argc == 1)
		return show_view(faults_show);
	if (argc == 4) {
		for (i = 0; i < ARRAY_SIZE(fault_attrs); i++) {
			if (strcmp(argv[1], fault_attrs[i]->name))
				continue;
			if (!fault_attr_set(fault_attrs[i], argv[2], argv[3]))
				return 0;
			break;
		}
	}
	console_printf("usage: fault [NAME FIELD VALUE]   (NAME fail_page_alloc or failslab; "
		       "FIELD probability, interval, times, space or task-filter)\n");
	return 1;
}

/* The address space a "kernel" or PID argument names, or NULL. */
static struct mm_struct *mm_arg(const char *arg)
{
	struct task_struct *t;
	unsigned long pid;

	if (!strcmp(arg, "kernel"))
		return &init_mm;
	if (kstrtoul(arg, 10, &pid))
		return NULL;
	t = find_task_by_pid(pid);
	return t ? t->mm : NULL;
}

static struct mm_struct *view_mm;
static unsigned long pte_addr;

static void mm_ptdump(struct seq_file *m)
{
	ptdump_show(m, view_mm);
}

static int cmd_ptdump(int argc, char **argv)
{
	if (argc > 2) {
		console_printf("usage: ptdump [kernel|PID]   (PID: a user process)\n");
		return 1;
	}
	view_mm = mm_arg(argc > 1 ? argv[1] : "kernel");
	if (!view_mm) {
		console_printf("ptdump: no user process %s\n", argv[1]);
		return 1;
	}
	return show_view(mm_ptdump);
}

static void mm_pte(struct seq_file *m)
{
	pt_walk(m, view_mm, pte_addr);
}

static int cmd_pte(int argc, char **argv)
{
	if (argc != 3 || kstrtoul(argv[2], 16, &pte_addr)) {
		console_printf("usage: pte kernel|PID ADDR   (ADDR in hex; PID: a user process)\n");
		return 1;
	}
	view_mm = mm_arg(argv[1]);
	if (!view_mm) {
		console_printf("pte: no user process %s\n", argv[1]);
		return 1;
	}
	return show_view(mm_pte);
}

/* ---- hands-on allocation: kmalloc/kfree, alloc/free ---- */

#define SHELL_ALLOCS	32

/* What the shell allocated, so that only those can be freed again. */
static struct shell_alloc {
	void *addr;		/* NULL: a free slot */
	int order;		/* -1 for kmalloc */
	size_t size;
} allocs[SHELL_ALLOCS];

static struct shell_alloc *alloc_slot(void *addr)
{
	unsigned int i;

	for (i = 0; i < SHELL_ALLOCS; i++)
		if (allocs[i].addr == addr)
			return &allocs[i];
	return NULL;
}

static void list_allocs(void)
{
	unsigned int i;
	bool any = false;

	for (i = 0; i < SHELL_ALLOCS; i++) {
		struct shell_alloc *a = &allocs[i];

		if (!a->addr)
			continue;
		any = true;
		if (a->order < 0)
			console_printf("  %p  kmalloc(%zu), %zu usable\n", a->addr, a->size,
				       ksize(a->addr));
		else
			console_printf("  %p  alloc_pages(order %d), pfn 0x%05lx\n", a->addr,
				       a->order, page_to_pfn(virt_to_page(a->addr)));
	}
	if (!any)
		console_printf("  nothing allocated from the shell\n");
}

/* The free slot for a new allocation, or NULL with a message. */
static struct shell_alloc *new_slot(const char *cmd)
{
	struct shell_alloc *a = alloc_slot(NULL);

	if (!a)
		console_printf("%s: %d allocations held already; free one first\n", cmd,
			       SHELL_ALLOCS);
	return a;
}

/* ADDR as the shell printed it, if the shell holds it with @order. */
static struct shell_alloc *held_slot(const char *cmd, const char *arg, bool pages)
{
	struct shell_alloc *a;
	unsigned long addr;

	if (kstrtoul(arg, 16, &addr) || !addr) {
		console_printf("%s: '%s' is not an address (hex)\n", cmd, arg);
		return NULL;
	}
	a = alloc_slot((void *)addr);
	if (!a || (a->order >= 0) != pages) {
		console_printf("%s: 0x%lx was not allocated with %s here; refused\n", cmd,
			       addr, pages ? "alloc" : "kmalloc");
		return NULL;
	}
	return a;
}

static int cmd_kmalloc(int argc, char **argv)
{
	struct shell_alloc *a;
	const char *end;
	size_t size;

	if (argc == 1) {
		list_allocs();
		return 0;
	}
	size = argc == 2 ? memparse(argv[1], &end) : 0;
	if (argc != 2 || *end || !size || size > (4UL << 20)) {
		console_printf("usage: kmalloc SIZE   (1 to 4M; K and M suffixes)\n");
		return 1;
	}
	a = new_slot("kmalloc");
	if (!a)
		return 1;
	a->addr = kmalloc(size, GFP_KERNEL);
	if (!a->addr) {
		console_printf("kmalloc(%zu) failed\n", size);
		return 1;
	}
	a->order = -1;
	a->size = size;
	console_printf("kmalloc(%zu) = %p (%zu usable bytes)\n", size, a->addr,
		       ksize(a->addr));
	return 0;
}

static int cmd_kfree(int argc, char **argv)
{
	struct shell_alloc *a;

	if (argc != 2) {
		console_printf("usage: kfree ADDR\n");
		return 1;
	}
	a = held_slot("kfree", argv[1], false);
	if (!a)
		return 1;
	kfree(a->addr);
	a->addr = NULL;
	return 0;
}

static int cmd_alloc(int argc, char **argv)
{
	struct shell_alloc *a;
	unsigned long order;
	struct page *page;

	if (argc == 1) {
		list_allocs();
		return 0;
	}
	if (argc != 2 || kstrtoul(argv[1], 10, &order) || order >= MAX_ORDER) {
		console_printf("usage: alloc ORDER   (0 to %d: 2^ORDER pages)\n", MAX_ORDER - 1);
		return 1;
	}
	a = new_slot("alloc");
	if (!a)
		return 1;
	page = alloc_pages(GFP_KERNEL | __GFP_NOWARN, order);
	if (!page) {
		console_printf("alloc_pages(GFP_KERNEL, %lu) failed\n", order);
		return 1;
	}
	a->addr = page_address(page);
	a->order = order;
	a->size = PAGE_SIZE << order;
	console_printf("alloc_pages(GFP_KERNEL, %lu) = %p: pfn 0x%05lx, %zu KiB\n", order,
		       a->addr, page_to_pfn(page), a->size >> 10);
	return 0;
}

static int cmd_free(int argc, char **argv)
{
	struct shell_alloc *a;

	if (argc != 2) {
		console_printf("usage: free ADDR\n");
		return 1;
	}
	a = held_slot("free", argv[1], true);
	if (!a)
		return 1;
	free_pages((unsigned long)a->addr, a->order);
	a->addr = NULL;
	return 0;
}

/* ---- tests, benchmarks, small things ---- */

/* The words from argv[1] on, joined with commas (a ktest/bench filter). */
static const char *join_filter(int argc, char **argv)
{
	static char filter[256];
	int i, n = 0;

	if (argc < 2)
		return "all";
	filter[0] = '\0';
	for (i = 1; i < argc; i++)
		n += scnprintf(filter + n, sizeof(filter) - n, "%s%s", i > 1 ? "," : "",
			       argv[i]);
	return filter;
}

static int cmd_test(int argc, char **argv)
{
	struct ktest_totals tot = ktest_run(join_filter(argc, argv));

	console_printf("ktest: %d passed, %d failed, %d skipped\n", tot.passed, tot.failed,
		       tot.skipped);
	return tot.failed ? 1 : 0;
}

static int cmd_bench(int argc, char **argv)
{
	bench_run(join_filter(argc, argv));
	return 0;
}

static int cmd_echo(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		console_printf("%s%s", argv[i], i + 1 < argc ? " " : "");
	console_write("\n", 1);
	return 0;
}

/* SECONDS, with up to three decimals. */
static int cmd_sleep(int argc, char **argv)
{
	unsigned long s = 0, ms = 0, scale = 100;
	const char *p = argc == 2 ? argv[1] : "";

	if (!*p)
		goto usage;
	for (; *p >= '0' && *p <= '9'; p++)
		s = s * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9' && scale; p++, scale /= 10)
			ms += (*p - '0') * scale;
	if (*p || s > 3600)
		goto usage;
	if (tty_sleep_until(tty_console(), ktime_get_ns() + (s * 1000 + ms) * NSEC_PER_MSEC)) {
		console_printf("\nsleep: interrupted\n");	/* after the echoed ^C */
		return 1;
	}
	return 0;
usage:
	console_printf("usage: sleep SECONDS   (up to 3600, e.g. 0.5)\n");
	return 1;
}

static int cmd_history(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	history_show();
	return 0;
}

/* ---- processes ---- */

VIEW_CMD(ps, ps_show)

static struct task_struct *task_arg(const char *arg)
{
	unsigned long pid;

	if (kstrtoul(arg, 10, &pid))
		return NULL;
	return find_task_by_pid(pid);
}

static struct task_struct *view_task;

static void maps_of(struct seq_file *m)
{
	proc_pid_maps_show(m, view_task);
}

static void status_of(struct seq_file *m)
{
	proc_pid_status_show(m, view_task);
}

static int cmd_maps(int argc, char **argv)
{
	if (argc != 2) {
		console_printf("usage: maps PID\n");
		return 1;
	}
	view_task = task_arg(argv[1]);
	if (!view_task) {
		console_printf("maps: no such process\n");
		return 1;
	}
	return show_view(maps_of);
}

static int cmd_status(int argc, char **argv)
{
	if (argc != 2) {
		console_printf("usage: status PID\n");
		return 1;
	}
	view_task = task_arg(argv[1]);
	if (!view_task) {
		console_printf("status: no such process\n");
		return 1;
	}
	return show_view(status_of);
}

static int cmd_kill(int argc, char **argv)
{
	unsigned long sig = SIGTERM;
	struct task_struct *t;
	int i = 1;

	if (argc == 3 && argv[1][0] == '-') {
		if (kstrtoul(argv[1] + 1, 10, &sig) || !sig || sig > _NSIG) {
			console_printf("kill: bad signal %s\n", argv[1] + 1);
			return 1;
		}
		i = 2;
	}
	if (argc != i + 1) {
		console_printf("usage: kill [-SIG] PID   (SIG a number: kill -9 3)\n");
		return 1;
	}
	if (!(t = task_arg(argv[i])) || t == current ||
	    (t->flags & PF_KTHREAD)) {
		console_printf("kill: no such user process\n");
		return 1;
	}
	return send_signal(t, sig) ? 1 : 0;
}

/* ---- files: ls and cat, through open(2)'s own path ---- */

/* The message of an open or read error, as a C library would print it. */
static const char *file_error(int err)
{
	switch (err) {
	case -ENOENT:
		return "No such file or directory";
	case -ENOTDIR:
		return "Not a directory";
	case -EISDIR:
		return "Is a directory";
	case -EACCES:
		return "Permission denied";
	case -ENOMEM:
		return "Out of memory";
	default:
		return "Input/output error";
	}
}

static int cmd_cat(int argc, char **argv)
{
	static char buf[1024];
	struct file *f;
	loff_t pos;
	long n = 0;
	int err, i;

	if (argc < 2) {
		console_printf("usage: cat FILE...   (/etc/motd, /proc/meminfo...)\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		f = filp_open(argv[i], O_RDONLY, 0, &err);
		if (f) {
			pos = 0;
			while ((n = kernel_read(f, buf, sizeof(buf), &pos)) > 0)
				console_write(buf, n);
			fput(f);
			err = n;
		}
		if (err) {
			console_printf("cat: %s: %s\n", argv[i], file_error(err));
			return 1;
		}
	}
	return 0;
}

/* The names of a directory, gathered for sorting. */
struct ls_names {
	struct dir_context ctx;
	char *buf;		/* NUL-separated names */
	size_t len, size;
	unsigned int count;
};

static bool ls_collect(struct dir_context *ctx, const char *name, int len,
		       loff_t pos, u64 ino, unsigned int type)
{
	struct ls_names *l = container_of(ctx, struct ls_names, ctx);

	(void)pos;
	(void)ino;
	(void)type;
	if ((len == 1 && name[0] == '.') || (len == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	if (l->len + len + 1 > l->size) {
		size_t size = max(2 * l->size, l->len + len + 1);
		char *buf = krealloc(l->buf, size, GFP_KERNEL);

		if (!buf)
			return false;
		l->buf = buf;
		l->size = size;
	}
	memcpy(l->buf + l->len, name, len);
	l->buf[l->len + len] = '\0';
	l->len += len + 1;
	l->count++;
	return true;
}

/* One line of ls: size (0 for a directory), name, and / or @ after it. */
static void ls_line(const char *dir, const char *name)
{
	char path[256];
	struct path p;
	struct kstat st;

	snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", name);
	if (kern_path(path, 0, &p)) {
		console_printf("%8s  %s\n", "?", name);
		return;
	}
	vfs_getattr(&p, &st);
	path_put(&p);
	console_printf("%8llu  %s%s\n", S_ISDIR(st.mode) ? 0ULL : (unsigned long long)st.size,
		       name, S_ISDIR(st.mode) ? "/" : S_ISLNK(st.mode) ? "@" :
		       S_ISCHR(st.mode) ? "%" : "");
}

static int cmd_ls(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "/";
	struct ls_names l = { .ctx.actor = ls_collect };
	const char **names;
	struct file *f;
	unsigned int i;
	char *p;
	int err;

	if (argc > 2) {
		console_printf("usage: ls [DIR]   (/ by default)\n");
		return 1;
	}
	f = filp_open(path, O_RDONLY, 0, &err);
	if (!f) {
		console_printf("ls: %s: %s\n", path, file_error(err));
		return 1;
	}
	if (!S_ISDIR(file_inode(f)->i_mode)) {
		console_printf("%8llu  %s\n", (unsigned long long)i_size_read(file_inode(f)), path);
		fput(f);
		return 0;
	}
	err = iterate_dir(f, &l.ctx);
	fput(f);
	names = kcalloc(l.count ? l.count : 1, sizeof(*names), GFP_KERNEL);
	if (err || !names) {
		kfree(l.buf);
		kfree(names);
		console_printf("ls: %s: %s\n", path, file_error(err ? err : -ENOMEM));
		return 1;
	}
	for (i = 0, p = l.buf; i < l.count; i++, p += strlen(p) + 1) {
		unsigned int j = i;

		/* insertion sort: a directory listing is short */
		for (; j && strcmp(names[j - 1], p) > 0; j--)
			names[j] = names[j - 1];
		names[j] = p;
	}
	for (i = 0; i < l.count; i++)
		ls_line(path, names[i]);
	kfree(names);
	kfree(l.buf);
	return 0;
}

/* What a program is started with: a copy of the shell's words. */
struct run_request {
	char buf[LINE_LEN];
	const char *argv[MAX_ARGS + 1];
	bool own_group;		/* a job of its own: a process group led by it */
};

static int user_start(void *data)
{
	struct run_request *req = data;
	const char *envp[] = { "HOME=/", "TERM=vt100", "PATH=/bin", NULL };
	int err;

	if (req->own_group)	/* as a shell's child does too: whichever runs first */
		current->pgrp = current->pid;
	install_console_fds(current);
	err = kernel_execve(req->argv[0], req->argv, envp);
	if (err)
		console_printf("run: %s: %s\n", req->argv[0],
			       err == -ENOENT ? "no such file" :
			       err == -ENOEXEC ? "not an executable" :
			       err == -EACCES ? "permission denied" : "cannot run it");
	kfree(req);
	if (err)
		do_exit(127 << 8);
	return 0;	/* to user mode */
}

static void report_status(int pid, int status)
{
	int sig = status & 0x7f;

	/* after the ^C or ^\ the terminal echoed, on a line of its own */
	if ((status & 0xff) == 0x7f)
		console_printf("\n[%d] stopped by %s (fg %d continues it)\n", pid,
			       signal_name(status >> 8), pid);
	else if (sig)
		console_printf("%s[%d] killed by %s\n",
			       sig == SIGINT || sig == SIGQUIT ? "\n" : "", pid,
			       signal_name(sig));
	else if (status >> 8)
		console_printf("[%d] exited with status %d\n", pid, status >> 8);
}

static struct task_struct *spawn(int argc, char **argv, bool own_group)
{
	struct run_request *req = kzalloc(sizeof(*req), GFP_KERNEL);
	struct task_struct *p;
	char *b;
	int i;

	if (!req)
		return NULL;
	for (i = 0, b = req->buf; i < argc; i++) {
		req->argv[i] = b;
		b += snprintf(b, req->buf + sizeof(req->buf) - b, "%s", argv[i]) + 1;
	}
	req->own_group = own_group;
	p = kernel_thread(user_start, req, argv[0][0] == '/' ? strrchr(argv[0], '/') + 1 : argv[0]);
	if (!p) {
		kfree(req);
		return NULL;
	}
	if (own_group)
		p->pgrp = p->pid;
	return p;
}

/* Starts a program in the shell's own process group; returns its pid, or -errno. */
int shell_spawn(int argc, char **argv)
{
	struct task_struct *p = spawn(argc, argv, false);

	return p ? p->pid : -ENOMEM;
}

/* Waits for @pid to end (a kernel thread: no signal interrupts the wait). */
int shell_wait(int pid)
{
	int status = 0;

	do_wait(pid, &status, WEXITED, NULL);
	return status;
}

/*
 * The shell as a Linux shell with job control: it leads a session with
 * the console as its controlling terminal; each program is a process
 * group of its own, given the terminal while it runs in the foreground
 * (Ctrl-C, Ctrl-\ and Ctrl-Z reach it alone) and taken back, with the
 * terminal's modes as they were, when it ends or stops.
 */
static struct ktermios shell_termios;
static bool job_control;

static void job_control_init(void)
{
	struct tty_struct *tty = tty_console();

	if (!tty || sys_setsid() < 0)
		return;
	proc_set_tty(tty);
	shell_termios = tty->termios;
	job_control = true;
}

/*
 * Gives the terminal to job @pgrp (led by @pid), continued first if
 * @cont, until it ends or stops: its wait status.
 */
static int foreground(int pid, int pgrp, bool cont)
{
	struct tty_struct *tty = tty_console();
	int status = 0;

	if (job_control)
		tty->pgrp = pgrp;
	if (cont)
		kill_pgrp(pgrp, SIGCONT);
	do_wait(pid, &status, WEXITED | WUNTRACED, NULL);
	if (job_control) {
		tty->pgrp = task_pgrp_nr(current);
		tty_set_termios(tty, &shell_termios);
	}
	return status;
}

/* The job fg or bg names: a stopped child of the shell (PID, or the last one). */
static int last_stopped;

static struct task_struct *job_arg(int argc, char **argv)
{
	unsigned long pid = last_stopped;
	struct task_struct *p;

	if (argc > 2 || (argc == 2 && kstrtoul(argv[1], 10, &pid)))
		return NULL;
	p = find_task_by_pid(pid);
	return p && p == p->group_leader && p->parent == current &&
	       p->state != EXIT_ZOMBIE && p->state != EXIT_DEAD ? p : NULL;
}

static int cmd_fg(int argc, char **argv)
{
	struct task_struct *p = job_arg(argc, argv);
	int pid, status;

	if (!p) {
		console_printf("fg: no such job (fg [PID]: a program run from here)\n");
		return 1;
	}
	pid = p->pid;
	console_printf("%s\n", p->comm);
	status = foreground(pid, p->pgrp, true);
	if ((status & 0xff) == 0x7f)
		last_stopped = pid;
	report_status(pid, status);
	return status ? 1 : 0;
}

static int cmd_bg(int argc, char **argv)
{
	struct task_struct *p = job_arg(argc, argv);

	if (!p) {
		console_printf("bg: no such job (bg [PID]: a program run from here)\n");
		return 1;
	}
	console_printf("[%d] %s &\n", p->pid, p->comm);
	kill_pgrp(p->pgrp, SIGCONT);
	return 0;
}

/* Where "run NAME" looks for a NAME without a '/', in this order. */
static const char *const run_path[] = { "/bin", "/tests" };

/* @name itself if it has a '/', else the first run_path entry that has it. */
static const char *find_program(const char *name)
{
	static char path[128];
	unsigned int i;

	if (strchr(name, '/'))
		return name;
	for (i = 0; i < ARRAY_SIZE(run_path); i++) {
		int mode;

		snprintf(path, sizeof(path), "%s/%s", run_path[i], name);
		mode = init_lstat_mode(path);
		if (mode >= 0 && !S_ISDIR(mode))
			return path;
	}
	return NULL;
}

static int cmd_run(int argc, char **argv)
{
	bool background = !strcmp(argv[argc - 1], "&");
	struct task_struct *p;
	const char *path;
	int pid, status;

	if (background)
		argc--;
	if (argc < 2) {
		console_printf("usage: run PROGRAM [ARGS] [&]   (PROGRAM: a path, or a name "
			       "looked for in /bin, then /tests)\n");
		return 1;
	}
	path = find_program(argv[1]);
	if (!path) {
		console_printf("run: %s: not found in /bin or /tests (ls /bin lists them)\n",
			       argv[1]);
		return 1;
	}
	argv[1] = (char *)path;
	argv[argc] = NULL;
	p = spawn(argc - 1, argv + 1, job_control);
	if (!p) {
		console_printf("run: cannot start %s\n", argv[1]);
		return 1;
	}
	pid = p->pid;
	if (background) {
		console_printf("[%d] %s\n", pid, argv[1]);
		return 0;
	}
	status = foreground(pid, p->pgrp, false);
	if ((status & 0xff) == 0x7f)
		last_stopped = pid;
	report_status(pid, status);
	return status ? 1 : 0;
}

/* Background programs that ended since the last prompt. */
static void reap_background(void)
{
	int status, pid;

	while ((pid = do_wait(-1, &status, WEXITED | WNOHANG, NULL)) > 0) {
		if (status)
			report_status(pid, status);
		else
			console_printf("[%d] done\n", pid);
	}
}

static void show_crash_type(const char *name, const char *what)
{
	console_printf("  %-15s %s\n", name, what);
}

static int cmd_crash(int argc, char **argv)
{
	if (argc == 2 && !crash_trigger(argv[1]))
		return 0;
	if (argc == 2)
		console_printf("crash: no type '%s'\n", argv[1]);
	console_printf("usage: crash TYPE   (the kernel does it on purpose; see docs/shell.md)\n");
	crash_list(show_crash_type);
	return 1;
}

static int cmd_poweroff(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	pr_notice("reboot: Power down\n");
	machine_power_off();
}

static int cmd_reboot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	pr_notice("reboot: Restarting system\n");
	machine_restart();
}

static const struct shell_cmd commands[] = {
	{ "help", "[COMMAND]", "list the commands, or explain one", cmd_help },
	{ "version", "", "print the kernel's version", cmd_version },
	{ "uptime", "", "time since boot and the tick count", cmd_uptime },
	{ "dmesg", "", "print the kernel log buffer", cmd_dmesg },
	{ "meminfo", "", "memory totals, as /proc/meminfo", cmd_meminfo },
	{ "buddyinfo", "", "free blocks per order and zone, as /proc/buddyinfo",
	  cmd_buddyinfo },
	{ "pagetypeinfo", "", "free blocks per migrate type, as /proc/pagetypeinfo",
	  cmd_pagetypeinfo },
	{ "zoneinfo", "", "zones: free, watermarks, sizes, as /proc/zoneinfo",
	  cmd_zoneinfo },
	{ "slabinfo", "", "slab caches, as /proc/slabinfo", cmd_slabinfo },
	{ "slabcpu", "", "slab caches' CPU slabs and per-CPU partial slabs", cmd_slabcpu },
	{ "vmallocinfo", "", "vmalloc/vmap/ioremap areas, as /proc/vmallocinfo",
	  cmd_vmallocinfo },
	{ "vmlayout", "", "the kernel's virtual memory layout", cmd_vmlayout },
	{ "ptdump", "[kernel|PID]", "page tables by ranges of equal attributes", cmd_ptdump },
	{ "pte", "kernel|PID ADDR", "walk one address through pgd, pmd and pte", cmd_pte },
	{ "kmap", "", "pkmap and kmap_local slot usage", cmd_kmap },
	{ "vmlazy", "", "lazily freed vmalloc areas: pages waiting for a purge, purges",
	  cmd_vmlazy },
	{ "memmap", "", "a picture of physical memory: free blocks by order, kernel, slab, user...",
	  cmd_memmap },
	{ "fault", "[NAME FIELD VALUE]", "fault injection: show the attributes, or set one", cmd_fault },
	{ "leakcheck", "[start]", "snapshot free pages and slab objects; then what changed",
	  cmd_leakcheck },
	{ "ps", "", "tasks: pid, parent, state, CPU, memory, name", cmd_ps },
	{ "cpus", "", "each CPU: online or not, its ticks (user, system, idle) and IPIs",
	  cmd_cpus },
	{ "run", "PROGRAM [ARGS] [&]",
	  "run a program: a path, or a name in /bin then /tests (& in the background)", cmd_run },
	{ "ls", "[DIR]", "list a directory (size, name; / directory, @ link, % device)", cmd_ls },
	{ "cat", "FILE...", "print files: /tests/LIST, /proc/meminfo, /proc/1/status...",
	  cmd_cat },
	{ "kill", "[-SIG] PID", "send a signal (default SIGTERM) to a process", cmd_kill },
	{ "fg", "[PID]", "continue a stopped program in the foreground (the last one stopped)",
	  cmd_fg },
	{ "bg", "[PID]", "continue a stopped program in the background", cmd_bg },
	{ "maps", "PID", "a process's VMAs, as /proc/PID/maps", cmd_maps },
	{ "status", "PID", "a process's memory, as /proc/PID/status", cmd_status },
	{ "kmalloc", "[SIZE]", "kmalloc SIZE bytes (no SIZE: list what the shell holds)",
	  cmd_kmalloc },
	{ "kfree", "ADDR", "kfree what kmalloc gave here", cmd_kfree },
	{ "alloc", "[ORDER]", "alloc_pages of 2^ORDER pages (no ORDER: list)", cmd_alloc },
	{ "free", "ADDR", "free_pages what alloc gave here", cmd_free },
	{ "test", "[SUITE[.CASE]...]", "run kernel test suites (KTAP), all by default",
	  cmd_test },
	{ "bench", "[NAME...]", "run kernel benchmarks, all by default", cmd_bench },
	{ "echo", "[WORDS]", "print the words", cmd_echo },
	{ "sleep", "SECONDS", "sleep (the shell only; programs go on); Ctrl-C ends it", cmd_sleep },
	{ "history", "", "the lines typed before (up/down arrows recall them)", cmd_history },
	{ "crash", "TYPE", "make the kernel fail on purpose, to watch a detector", cmd_crash },
	{ "poweroff", "", "power the machine off (PSCI SYSTEM_OFF)", cmd_poweroff },
	{ "reboot", "", "restart the machine (PSCI SYSTEM_RESET)", cmd_reboot },
};

static const struct shell_cmd *find_cmd(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

static int cmd_help(int argc, char **argv)
{
	const struct shell_cmd *cmd;
	unsigned int i;

	if (argc > 2) {
		console_printf("usage: help [COMMAND]\n");
		return 1;
	}
	if (argc > 1) {
		cmd = find_cmd(argv[1]);
		if (!cmd) {
			console_printf("help: no command '%s'\n", argv[1]);
			return 1;
		}
		console_printf("usage: %s %s\n  %s\n", cmd->name, cmd->usage, cmd->help);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		console_printf("  %-13s%s\n", commands[i].name, commands[i].help);
	return 0;
}

/* Edits (insert, delete, replace, swap two neighbours) from @a to @b,
 * up to 3; words longer than 15 bytes count as far. */
static int edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	int d[16][16];

	if (la > 15 || lb > 15)
		return 3;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int best = min(d[i - 1][j], d[i][j - 1]) + 1;

			best = min(best, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
				best = min(best, d[i - 2][j - 2] + 1);
			d[i][j] = best;
		}
	}
	return min(d[la][lb], 3);
}

/* An unknown command: the nearest one, if a typo or two away. */
static void not_found(const char *word)
{
	const char *best = NULL;
	int best_d = strlen(word) <= 3 ? 2 : 3;	/* short words: one edit only */
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		int d = edit_distance(word, commands[i].name);

		if (d < best_d) {
			best = commands[i].name;
			best_d = d;
		}
	}
	if (best)
		console_printf("%s: command not found; did you mean '%s'?\n", word, best);
	else
		console_printf("%s: command not found ('help' lists the commands)\n", word);
}

/* Tab: the commands that begin with @word. */
static int complete_command(const char *word, char *ext, size_t size, bool list)
{
	size_t len = strlen(word), common = 0;
	const char *first = NULL;
	unsigned int i;
	int n = 0;

	for (i = 0; i < ARRAY_SIZE(commands); i++) {
		const char *name = commands[i].name;

		if (strncmp(name, word, len))
			continue;
		if (list)
			console_printf("  %s\n", name);
		if (!n++) {
			first = name;
			common = strlen(name) - len;
		} else {
			size_t k = 0;

			while (k < common && first[len + k] == name[len + k])
				k++;
			common = k;
		}
	}
	common = n ? min(common, size - 1) : 0;
	if (first)
		memcpy(ext, first + len, common);
	ext[common] = '\0';
	return n;
}

void __noreturn shell_run(void)
{
	static char line[LINE_LEN];
	char *argv[MAX_ARGS + 1];
	int argc;

	job_control_init();
	console_printf("\nPagoda shell. Type 'help' for the commands.\n");
	for (;;) {
		const struct shell_cmd *cmd;

		reap_background();
		if (line_edit(line, sizeof(line), SHELL_PROMPT, complete_command) <= 0)
			continue;
		argc = shell_split_words(line, argv, MAX_ARGS);
		if (argc == -E2BIG) {
			console_printf("shell: more than %d words\n", MAX_ARGS);
			continue;
		}
		if (argc < 0) {
			console_printf("shell: unterminated quote or trailing backslash\n");
			continue;
		}
		if (!argc)
			continue;
		argv[argc] = NULL;
		cmd = find_cmd(argv[0]);
		if (!cmd)
			not_found(argv[0]);
		else if (!cmd->usage[0] && argc > 1)
			console_printf("usage: %s   (it takes no arguments)\n", cmd->name);
		else
			cmd->run(argc, argv);
	}
}
