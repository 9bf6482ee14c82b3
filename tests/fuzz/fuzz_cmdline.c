// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line parser (lib/cmdline.c) on arbitrary text: the
 * words, quotes and values a boot loader or a person may pass, against a
 * table of parameters of every kind the kernel has (early and late,
 * with and without values, sizes, numbers). Each handler checks what it
 * is given is a NUL-terminated string inside the line's copy; init's
 * argv and envp stay inside their buffer and end with NULL.
 */
#include <string.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include "fuzz.h"

static int take_size(const char *val)
{
	unsigned long long size;

	return val ? parse_size(val, &size) : -EINVAL;
}

static int take_number(const char *val)
{
	unsigned long ul;
	long l;

	if (!val)
		return -EINVAL;
	kstrtol(val, 0, &l);
	return kstrtoul(val, 10, &ul);
}

static int take_flag(const char *val)
{
	return val && *val ? -EINVAL : 0;
}

static int take_any(const char *val)
{
	if (val)
		claim(strlen(val) < 4096);
	return 0;
}

static const struct kernel_param params[] = {
	{ .name = "mem", .setup = take_size, .early = true },
	{ .name = "vmalloc", .setup = take_size, .early = true },
	{ .name = "loglevel", .setup = take_number },
	{ .name = "panic", .setup = take_number },
	{ .name = "usertests", .setup = take_flag },
	{ .name = "init", .setup = take_any },
	{ .name = "slub_debug", .setup = take_any },
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1), unknown[256];
	static struct init_args ia;
	int i;

	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	parse_args(line, params, params + ARRAY_SIZE(params), true, NULL, 0);
	unknown[0] = '\0';
	parse_args(line, params, params + ARRAY_SIZE(params), false, unknown, sizeof(unknown));
	claim(strlen(unknown) < sizeof(unknown));
	if (!init_args_split(line, params, params + ARRAY_SIZE(params), &ia)) {
		for (i = 1; i < ia.argc; i++)
			claim(ia.argv[i] >= ia.buf && ia.argv[i] < ia.buf + sizeof(ia.buf));
		claim(!ia.argv[ia.argc] && !ia.envp[ia.envc]);
	}
	free(line);
	return 0;
}
