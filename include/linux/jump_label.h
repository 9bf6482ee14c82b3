/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Static keys: a condition that is almost always false and checked on a
 * fast path (init_on_alloc, fault injection) costs one NOP there, not a
 * load and a branch; turning the key on rewrites each place it is tested
 * into a jump (kernel/jump_label.c, asm/jump_label.h). Turning keys on
 * and off is rare and slow; testing them is free.
 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <asm/jump_label.h>

struct static_key {
	int enabled;
};

struct static_key_false {
	struct static_key key;
};

#define STATIC_KEY_FALSE_INIT	{ .key = { .enabled = 0 } }
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name = STATIC_KEY_FALSE_INIT

#ifdef JUMP_LABEL_NONE
/* where code cannot be rewritten (the host builds of mm/): a plain test */
#define static_branch_unlikely(k)	__builtin_expect(!!(k)->key.enabled, 0)
static inline void static_key_enable(struct static_key *key) { key->enabled = 1; }
static inline void static_key_disable(struct static_key *key) { key->enabled = 0; }
#else
#define static_branch_unlikely(k)	arch_static_branch(&(k)->key)
void static_key_enable(struct static_key *key);
void static_key_disable(struct static_key *key);
#endif

#define static_branch_enable(k)		static_key_enable(&(k)->key)
#define static_branch_disable(k)	static_key_disable(&(k)->key)

static inline bool static_key_enabled(const struct static_key *key)
{
	return key->enabled;
}

#endif
