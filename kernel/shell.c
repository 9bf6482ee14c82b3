// SPDX-License-Identifier: GPL-2.0
/*
 * The serial shell: reads a line from the console, splits it into words
 * and runs the command named by the first. Enter arrives as CR from a
 * terminal and as LF from a pipe; both end a line, and a CR LF pair ends
 * just one. Input waits in WFI: the UART's receive interrupt wakes it.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/highmem.h>
#include <linux/init.h>
#include <linux/mm_types.h>
#include <linux/seq_file.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/vmstat.h>
#include <asm/ptdump.h>
#include <linux/time.h>
#include <asm/cp15.h>
#include <asm/setup.h>

#define LINE_LEN	4096
#define MAX_ARGS	16

#define CTRL(c)		((c) & 0x1f)
#define DEL		0x7f

static __printf(1, 2) void shell_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_write(buf, n);
}

static int shell_getc(void)
{
	int c;

	while ((c = tty_getc()) < 0)
		;	/* a signal to the shell itself: nothing to do */
	return c;
}

/*
 * Reads one line into @line with echo and backspace; returns its length,
 * or -1 when the line was abandoned (Ctrl-C, or too long).
 */
static int read_line(char *line, int len)
{
	static bool last_was_cr;
	bool overflow = false;
	int n = 0;

	for (;;) {
		int c = shell_getc();

		if (c == '\n' && last_was_cr) {
			last_was_cr = false;
			continue;
		}
		last_was_cr = c == '\r';
		if (c == '\r' || c == '\n') {
			console_write("\n", 1);
			break;
		}
		if (c == CTRL('C')) {
			console_write("^C\n", 3);
			return -1;
		}
		if (c == DEL || c == '\b') {
			if (n) {
				n--;
				console_write("\b \b", 3);
			}
			continue;
		}
		if (c < ' ' || c > '~')
			continue;	/* control bytes and non-ASCII: ignored */
		if (n == len - 1) {
			overflow = true;
			continue;
		}
		line[n++] = c;
		console_write((char *)&c, 1);
	}
	line[n] = '\0';
	if (overflow) {
		shell_printf("shell: line longer than %d bytes, ignored\n", len - 1);
		return -1;
	}
	return n;
}

static int split_args(char *line, char **argv, int max)
{
	int argc = 0;

	for (;;) {
		while (*line == ' ' || *line == '\t')
			line++;
		if (!*line)
			return argc;
		if (argc == max)
			return -1;
		argv[argc++] = line;
		while (*line && *line != ' ' && *line != '\t')
			line++;
		if (*line)
			*line++ = '\0';
	}
}

static int cmd_help(int argc, char **argv);
void ps_show(struct seq_file *m);
void proc_pid_maps_show(struct seq_file *m, struct task_struct *t);
void proc_pid_status_show(struct seq_file *m, struct task_struct *t);
void install_console_fds(struct task_struct *t);
int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	shell_printf("%s\n", pagoda_banner);
	return 0;
}

static int cmd_uptime(int argc, char **argv)
{
	u64 ns = ktime_get_ns();

	(void)argc;
	(void)argv;
	shell_printf("up %lu.%02lu s, %lu jiffies (HZ=%d)\n",
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

/* Runs a /proc-style view into a buffer and prints it. */
static int show_view(void (*show)(struct seq_file *m))
{
	static char buf[32 * 1024];
	struct seq_file m;

	seq_init(&m, buf, sizeof(buf));
	show(&m);
	console_write(m.buf, m.count);
	if (m.overflow)
		shell_printf("(output cut at %zu bytes)\n", sizeof(buf));
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
VIEW_CMD(vmallocinfo, vmallocinfo_show)
VIEW_CMD(vmlayout, vmlayout_show)
VIEW_CMD(kmap, kmap_show)

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
	view_mm = mm_arg(argc > 1 ? argv[1] : "kernel");
	if (argc > 2 || !view_mm) {
		shell_printf("usage: ptdump [kernel|PID]   (PID: a user process)\n");
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
	view_mm = argc == 3 ? mm_arg(argv[1]) : NULL;
	if (!view_mm || kstrtoul(argv[2], 16, &pte_addr)) {
		shell_printf("usage: pte kernel|PID ADDR   (ADDR in hex; PID: a user process)\n");
		return 1;
	}
	return show_view(mm_pte);
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
	view_task = argc == 2 ? task_arg(argv[1]) : NULL;
	if (!view_task) {
		shell_printf("maps: no such process\n");
		return 1;
	}
	return show_view(maps_of);
}

static int cmd_status(int argc, char **argv)
{
	view_task = argc == 2 ? task_arg(argv[1]) : NULL;
	if (!view_task) {
		shell_printf("status: no such process\n");
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
			shell_printf("kill: bad signal %s\n", argv[1] + 1);
			return 1;
		}
		i = 2;
	}
	if (argc != i + 1 || !(t = task_arg(argv[i])) || t == current ||
	    (t->flags & PF_KTHREAD)) {
		shell_printf("kill: no such user process\n");
		return 1;
	}
	return send_signal(t, sig) ? 1 : 0;
}

/* What a program is started with: a copy of the shell's words. */
struct run_request {
	char buf[LINE_LEN];
	const char *argv[MAX_ARGS + 1];
};

static int user_start(void *data)
{
	struct run_request *req = data;
	const char *envp[] = { "HOME=/", "TERM=vt100", "PATH=/bin", NULL };
	int err;

	install_console_fds(current);
	err = kernel_execve(req->argv[0], req->argv, envp);
	if (err)
		shell_printf("run: %s: %s\n", req->argv[0],
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
	if (status & 0x7f)
		shell_printf("[%d] killed by %s\n", pid, signal_name(status & 0x7f));
	else if (status >> 8)
		shell_printf("[%d] exited with status %d\n", pid, status >> 8);
}

/* Starts a program; returns its pid, or -errno. */
int shell_spawn(int argc, char **argv)
{
	struct run_request *req = kzalloc(sizeof(*req), GFP_KERNEL);
	struct task_struct *p;
	char *b;
	int i;

	if (!req)
		return -ENOMEM;
	for (i = 0, b = req->buf; i < argc; i++) {
		req->argv[i] = b;
		b += snprintf(b, req->buf + sizeof(req->buf) - b, "%s", argv[i]) + 1;
	}
	p = kernel_thread(user_start, req, argv[0][0] == '/' ? strrchr(argv[0], '/') + 1 : argv[0]);
	if (!p) {
		kfree(req);
		return -ENOMEM;
	}
	return p->pid;
}

/* Waits for @pid in the foreground: it owns the console meanwhile. */
int shell_wait(int pid)
{
	int status = 0;

	tty_set_foreground(find_task_by_pid(pid));
	while (do_wait(pid, &status, 0) == -EINTR)
		;
	tty_set_foreground(NULL);
	return status;
}

static int cmd_run(int argc, char **argv)
{
	bool background = !strcmp(argv[argc - 1], "&");
	int pid, status;

	if (background)
		argc--;
	if (argc < 2) {
		shell_printf("usage: run PATH [ARGS] [&]\n");
		return 1;
	}
	argv[argc] = NULL;
	pid = shell_spawn(argc - 1, argv + 1);
	if (pid < 0) {
		shell_printf("run: cannot start %s\n", argv[1]);
		return 1;
	}
	if (background) {
		shell_printf("[%d] %s\n", pid, argv[1]);
		return 0;
	}
	status = shell_wait(pid);
	report_status(pid, status);
	return status ? 1 : 0;
}

/* Background programs that ended since the last prompt. */
static void reap_background(void)
{
	int status, pid;

	while ((pid = do_wait(-1, &status, WNOHANG)) > 0) {
		if (status)
			report_status(pid, status);
		else
			shell_printf("[%d] done\n", pid);
	}
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
	{ "vmallocinfo", "", "vmalloc/vmap/ioremap areas, as /proc/vmallocinfo",
	  cmd_vmallocinfo },
	{ "vmlayout", "", "the kernel's virtual memory layout", cmd_vmlayout },
	{ "ptdump", "[kernel|PID]", "page tables by ranges of equal attributes", cmd_ptdump },
	{ "pte", "kernel|PID ADDR", "walk one address through pgd, pmd and pte", cmd_pte },
	{ "kmap", "", "pkmap and kmap_local slot usage", cmd_kmap },
	{ "ps", "", "tasks: pid, parent, state, memory, name", cmd_ps },
	{ "run", "PATH [ARGS] [&]", "run a program of the initramfs (& in the background)",
	  cmd_run },
	{ "kill", "[-SIG] PID", "send a signal (default SIGTERM) to a process", cmd_kill },
	{ "maps", "PID", "a process's VMAs, as /proc/PID/maps", cmd_maps },
	{ "status", "PID", "a process's memory, as /proc/PID/status", cmd_status },
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

	if (argc > 1) {
		cmd = find_cmd(argv[1]);
		if (!cmd) {
			shell_printf("help: no command '%s'\n", argv[1]);
			return 1;
		}
		shell_printf("usage: %s %s\n  %s\n", cmd->name, cmd->usage, cmd->help);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		shell_printf("  %-10s %s\n", commands[i].name, commands[i].help);
	return 0;
}

void __noreturn shell_run(void)
{
	static char line[LINE_LEN];
	char *argv[MAX_ARGS + 1];
	int argc;

	shell_printf("\nPagoda shell. Type 'help' for the commands.\n");
	for (;;) {
		const struct shell_cmd *cmd;

		reap_background();
		console_write(SHELL_PROMPT, sizeof(SHELL_PROMPT) - 1);
		if (read_line(line, sizeof(line)) <= 0)
			continue;
		argc = split_args(line, argv, MAX_ARGS);
		if (argc < 0) {
			shell_printf("shell: more than %d words\n", MAX_ARGS);
			continue;
		}
		if (!argc)
			continue;
		argv[argc] = NULL;
		cmd = find_cmd(argv[0]);
		if (!cmd)
			shell_printf("%s: command not found\n", argv[0]);
		else
			cmd->run(argc, argv);
	}
}
