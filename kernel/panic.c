// SPDX-License-Identifier: GPL-2.0
/*
 * panic, BUG and WARN. After a panic the kernel stays halted so a person
 * can read the screen, unless panic=N asks for a reset after N seconds
 * (N < 0: at once; QEMU's -no-reboot turns that into an exit). The
 * other CPUs are stopped once the message is out; a CPU that panics
 * while another one does just halts.
 */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/smp.h>
#include <linux/time.h>
#include <asm/irqflags.h>

int panic_timeout;
static atomic_t panic_cpu = ATOMIC_INIT(-1);

static int __init panic_setup(const char *val)
{
	long v;

	if (kstrtol(val, 0, &v))
		return -EINVAL;
	panic_timeout = v;
	return 0;
}
__setup("panic", panic_setup);

bool panic_in_progress(void)
{
	return atomic_read(&panic_cpu) != -1;
}

void __noreturn panic(const char *fmt, ...)
{
	char buf[128];
	va_list ap;

	int this_cpu = smp_processor_id(), old;

	local_irq_disable();
	old = atomic_cmpxchg(&panic_cpu, -1, this_cpu);
	if (old != -1 && old != this_cpu)
		panic_smp_self_stop();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	smp_send_stop();
	if (panic_timeout > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
		mdelay(panic_timeout * 1000UL);
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	if (panic_timeout)
		machine_restart();
	machine_halt();
}

void __noreturn __bug(const char *file, int line)
{
	printk(KERN_EMERG "------------[ cut here ]------------\n");
	printk(KERN_EMERG "kernel BUG at %s:%d!\n", file, line);
	dump_stack();
	panic("BUG");
}

void __warn(const char *file, int line, const char *func)
{
	printk(KERN_WARNING "------------[ cut here ]------------\n");
	printk(KERN_WARNING "WARNING: CPU: %d PID: %d at %s:%d %s\n",
	       current_thread_info()->cpu, current->pid, file, line, func);
	dump_stack();
	printk(KERN_WARNING "---[ end trace ]---\n");
}

/*
 * The stack protector's canary (-fstack-protector-strong): every
 * protected function puts it below its saved registers and checks it
 * before returning. Random from boot_init_stack_canary() on; a value
 * that changed means a local array was overrun, and the return address
 * above it cannot be trusted: panic, naming the function.
 */
unsigned long __stack_chk_guard;

void __noreturn __stack_chk_fail(void)
{
	panic("stack-protector: Kernel stack is corrupted in: %pS",
	      __builtin_return_address(0));
}
