// SPDX-License-Identifier: GPL-2.0
/*
 * Turning static keys on and off: every site of the key recorded in
 * __jump_table is rewritten (see <linux/jump_label.h>). Nothing else
 * runs kernel code while it happens: one CPU runs the kernel and the
 * others only idle, so no CPU can be executing a site being rewritten.
 */
#include <linux/jump_label.h>
#include <linux/kernel.h>

extern const struct jump_entry __start___jump_table[], __stop___jump_table[];

static void jump_label_update(struct static_key *key, bool enable)
{
	const struct jump_entry *e;

	for (e = __start___jump_table; e < __stop___jump_table; e++)
		if (e->key == (u32)(unsigned long)key)
			arch_jump_label_transform(e, enable);
}

void static_key_enable(struct static_key *key)
{
	if (key->enabled)
		return;
	key->enabled = 1;
	jump_label_update(key, true);
}

void static_key_disable(struct static_key *key)
{
	if (!key->enabled)
		return;
	key->enabled = 0;
	jump_label_update(key, false);
}
