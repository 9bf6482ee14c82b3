// SPDX-License-Identifier: GPL-2.0
/*
 * start_kernel: the order in which the kernel comes up. Architecture
 * setup (device tree, console, parameters), the memory layout banner,
 * interrupts and time; then either the boot-time test run (ktest=) that
 * powers off at the end, the initramfs's /init, init=, or the shell.
 */
#include <linux/bench.h>
#include <linux/binfmts.h>
#include <linux/console.h>
#include <linux/file.h>
#include <linux/highmem.h>
#include <linux/fs.h>
#include <linux/glob.h>
#include <linux/init.h>
#include <linux/tty.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/of_fdt.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/shell.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/time.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/irqflags.h>
#include <asm/setup.h>

const char pagoda_banner[] =
	"Pagoda version " PAGODA_VERSION " (gcc " __VERSION__ ") ARMv7-A";

static char ktest_filter[COMMAND_LINE_SIZE];

static int __init ktest_setup(const char *val)
{
	if (!*val)
		return -EINVAL;
	snprintf(ktest_filter, sizeof(ktest_filter), "%s", val);
	return 0;
}
__setup("ktest", ktest_setup);

void mem_print_layout(void);
void mem_init(void);
int irqchip_init(const void *blob);
int bcm2835_wdt_init(const void *blob);
int pl011_enable_rx_irq(const void *blob);
int pl011_console_remap(void);
void chr_dev_init(void);

const char *bench_boot_filter(void);

static void __noreturn run_boot_benchmarks(void)
{
	bench_run(bench_boot_filter());
	machine_power_off();
}

static bool usertests;
static char usertests_only[256];	/* usertests=PATTERN,...: only those */

static int __init usertests_setup(const char *val)
{
	usertests = true;
	snprintf(usertests_only, sizeof(usertests_only), "%s", val);
	return 0;
}
__setup("usertests", usertests_setup);

/* Whether @name matches one of usertests='s comma-separated globs (all if none). */
static bool usertest_selected(const char *name)
{
	const char *p = usertests_only;

	if (!*p)
		return true;
	while (*p) {
		char pat[64];
		size_t n = strcspn(p, ",");

		snprintf(pat, sizeof(pat), "%.*s", (int)n, p);
		if (glob_match(pat, name))
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

int shell_spawn(int argc, char **argv);
int shell_wait(int pid);

/*
 * usertests: every program named in /tests/LIST (or those usertests=
 * names), in order, between the
 * markers the Linux oracle prints (scripts/linux_oracle.py), with the
 * exit status as a shell's $?; then power off.
 */
static void __noreturn run_user_tests(void)
{
	static char list[4096];
	char *name, *next;
	int n = kernel_read_file_from_path("/tests/LIST", list, sizeof(list) - 1);

	if (n < 0) {
		pr_err("usertests: no /tests/LIST in the initramfs\n");
		machine_power_off();
	}
	list[n] = '\0';
	for (name = list; *name; name = next) {
		char path[160], *argv[2] = { path, NULL };
		int pid, status;

		next = name + strcspn(name, "\n");
		if (*next)
			*next++ = '\0';
		name[strcspn(name, "#")] = '\0';
		name += strspn(name, " \t");
		if (!*name || !usertest_selected(name))
			continue;
		snprintf(path, sizeof(path), "/tests/%s", name);
		console_printf("=== %s ===\n", name);
		pid = shell_spawn(1, argv);
		status = pid < 0 ? 127 << 8 : shell_wait(pid);
		console_printf("=== %s exit=%d ===\n", name,
			       status & 0x7f ? 128 + (status & 0x7f) : status >> 8);
	}
	machine_power_off();
}

static char init_path[128];	/* init= */
static char rdinit_path[128] = "/init";	/* rdinit=: the initramfs's init */

static int __init init_setup(const char *val)
{
	if (val[0] != '/')
		return -EINVAL;
	snprintf(init_path, sizeof(init_path), "%s", val);
	return 0;
}
__setup("init", init_setup);

static int __init rdinit_setup(const char *val)
{
	if (val[0] != '/')
		return -EINVAL;
	snprintf(rdinit_path, sizeof(rdinit_path), "%s", val);
	return 0;
}
__setup("rdinit", rdinit_setup);

static void __noreturn run_boot_tests(void)
{
	struct ktest_totals tot = ktest_run(ktest_filter);

	pr_info("ktest: %d passed, %d failed, %d skipped; powering off\n",
		tot.passed, tot.failed, tot.skipped);
	machine_exit(tot.failed);
}

int kernel_execve(const char *filename, const char *const *argv,
		  const char *const *envp);

/* init's argv and envp: what the command line holds that the kernel does not know */
static struct init_args init_args;

/* Becomes @path as Linux's init, on the console; returns only if it could not. */
static int run_init_process(const char *path)
{
	init_args.argv[0] = path;
	return kernel_execve(path, init_args.argv, init_args.envp);
}

/*
 * Is there an executable @path? Asked before trying the initramfs's init,
 * as Linux does, so that its absence costs nothing (no mm set up).
 */
static bool init_eaccess(const char *path)
{
	int err;
	struct file *file = open_exec(path, &err);

	if (!file)
		return false;
	exe_file_put(file);
	return true;
}

/*
 * pid 1. With ktest= or bench= it runs those and powers off. Otherwise,
 * as Linux: the initramfs's /init (or rdinit=) if it is there, then
 * init=; the shell when neither is (and, as pid 1, the parent of orphans).
 */
static int kernel_init(void *unused)
{
	int err;

	(void)unused;
	parse_init_args(&init_args);
	if (ktest_filter[0])
		run_boot_tests();
	if (bench_boot_filter())
		run_boot_benchmarks();
	if (usertests) {
		mount_kernel_filesystems();
		run_user_tests();
	}
	install_console_fds(current);
	if (init_eaccess(rdinit_path)) {
		err = run_init_process(rdinit_path);
		if (!err)
			return 0;	/* to user mode, as init */
		pr_err("Failed to execute %s (error %d)\n", rdinit_path, err);
	}
	if (init_path[0]) {
		err = run_init_process(init_path);
		if (!err)
			return 0;
		pr_err("init: cannot run %s (%d), starting the shell\n", init_path, err);
	}
	mount_kernel_filesystems();
	shell_run();
}

extern unsigned long __stack_chk_guard;

/*
 * A random canary, set while only start_kernel (which never returns, so
 * never checks its own) is on the stack. The low byte stays zero, so a
 * string copy that overruns a buffer cannot write the canary back.
 */
static void boot_init_stack_canary(void)
{
	unsigned long canary;

	get_random_bytes(&canary, sizeof(canary));
	__stack_chk_guard = canary & ~0xffUL;
}

void __noreturn start_kernel(unsigned long dtb_phys)
{
	const void *blob;

	*end_of_stack(&init_thread_union.thread_info) = STACK_END_MAGIC;
	blob = setup_arch(dtb_phys);
	boot_init_stack_canary();	/* the random pool has its boot seed now */

	pr_notice("Kernel command line: %s\n", boot_command_line);
	parse_late_param();
	mem_print_layout();
	mem_init();
	kmem_cache_init();
	vmalloc_init();
	kmap_init();
	if (pl011_console_remap())
		panic("console: cannot ioremap the UART");
	early_ioremap_reset();

	if (irqchip_init(blob))
		panic("no interrupt controller found in the device tree");
	time_init(blob);
	bcm2835_wdt_init(blob);		/* the Pi's power off; -ENODEV elsewhere */
	if (pl011_enable_rx_irq(blob))
		pr_warn("console: no receive interrupt, polling\n");

	sched_init();
	smp_init();
	vfs_caches_init();
	tty_init();
	chr_dev_init();
	populate_rootfs(blob);
	kernel_thread(kernel_init, NULL, "init");
	idle_loop();
	machine_halt();
}
