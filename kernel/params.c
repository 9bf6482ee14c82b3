// SPDX-License-Identifier: GPL-2.0
/*
 * The boot command line, from /chosen/bootargs, run through the handlers
 * that __setup() and early_param() put in the .init.setup section, and
 * what is left of it for init.
 */
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/printk.h>

extern const struct kernel_param __setup_start[], __setup_end[];

char boot_command_line[COMMAND_LINE_SIZE];

void parse_early_param(void)
{
	parse_args(boot_command_line, __setup_start, __setup_end, true, NULL, 0);
}

void parse_late_param(void)
{
	static char unknown[COMMAND_LINE_SIZE];

	parse_args(boot_command_line, __setup_start, __setup_end, false,
		   unknown, sizeof(unknown));
	if (unknown[0])
		pr_notice("Unknown kernel command line parameters \"%s\", will be passed to user space.\n",
			  unknown);
}

/* What init is given; too many words for it is Linux's panic too. */
void parse_init_args(struct init_args *ia)
{
	if (init_args_split(boot_command_line, __setup_start, __setup_end, ia))
		panic("Too many boot %s vars at `%s'", ia->too_many, ia->too_many_at);
}
