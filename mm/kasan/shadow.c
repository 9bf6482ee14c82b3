// SPDX-License-Identifier: GPL-2.0
/*
 * KASAN's checks: the functions the compiler calls before each load and
 * store of instrumented code (-fsanitize=kernel-address, outline), and
 * memcpy/memset and the user copies' kernel side, whose assembly the
 * compiler cannot instrument, checked on their whole ranges at entry.
 * Also the shadow's writers.
 *
 * Invariant: an address at or above KASAN_FIRST_ADDR is usable iff its
 * shadow says so; below it (user space, the shadow itself) nothing is
 * checked. Before kasan_init maps the shadow, nothing is checked either.
 * This file is not instrumented.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/string.h>
#include "kasan.h"

bool kasan_enabled;

/* Is any byte of [addr, addr + size) unusable? size > 0, no wrap. */
static __always_inline bool range_poisoned(unsigned long addr, size_t size)
{
	unsigned long last = addr + size - 1;
	const u8 *s = kasan_mem_to_shadow(addr);
	const u8 *e = kasan_mem_to_shadow(last);
	s8 v;

	/* every granule before the last is used to its end: all 8 bytes */
	for (; s < e && ((unsigned long)s & 3); s++)
		if (*s)
			return true;
	for (; s + 4 <= e; s += 4)
		if (*(const u32 *)s)
			return true;
	for (; s < e; s++)
		if (*s)
			return true;
	v = (s8)*e;
	return v && (v < 0 || (s8)(last & KASAN_GRANULE_MASK) >= v);
}

static __always_inline void check_range(unsigned long addr, size_t size, bool write,
					unsigned long ip)
{
	if (unlikely(!kasan_enabled) || !size || addr < KASAN_FIRST_ADDR)
		return;
	if (unlikely(addr + size - 1 < addr || range_poisoned(addr, size)))
		kasan_report(addr, size, write, ip);
}

#define DEFINE_ASAN_LOAD_STORE(size)						\
	void __asan_load##size##_noabort(unsigned long addr);			\
	void __asan_load##size##_noabort(unsigned long addr)			\
	{									\
		check_range(addr, size, false, _RET_IP_);			\
	}									\
	void __asan_store##size##_noabort(unsigned long addr);			\
	void __asan_store##size##_noabort(unsigned long addr)			\
	{									\
		check_range(addr, size, true, _RET_IP_);			\
	}

DEFINE_ASAN_LOAD_STORE(1)
DEFINE_ASAN_LOAD_STORE(2)
DEFINE_ASAN_LOAD_STORE(4)
DEFINE_ASAN_LOAD_STORE(8)
DEFINE_ASAN_LOAD_STORE(16)

void __asan_loadN_noabort(unsigned long addr, size_t size);
void __asan_loadN_noabort(unsigned long addr, size_t size)
{
	check_range(addr, size, false, _RET_IP_);
}

void __asan_storeN_noabort(unsigned long addr, size_t size);
void __asan_storeN_noabort(unsigned long addr, size_t size)
{
	check_range(addr, size, true, _RET_IP_);
}

/* Called before a noreturn call; with no stack instrumentation, nothing to undo. */
void __asan_handle_no_return(void);
void __asan_handle_no_return(void)
{
}

void kasan_check_read(const volatile void *addr, size_t size)
{
	check_range((unsigned long)addr, size, false, _RET_IP_);
}

void kasan_check_write(const volatile void *addr, size_t size)
{
	check_range((unsigned long)addr, size, true, _RET_IP_);
}

/* string.h maps these names to the unchecked ones in uninstrumented files */
#undef memcpy
#undef memset

void *memcpy(void *dst, const void *src, size_t n)
{
	check_range((unsigned long)src, n, false, _RET_IP_);
	check_range((unsigned long)dst, n, true, _RET_IP_);
	return __memcpy(dst, src, n);
}

void *memset(void *p, int c, size_t n)
{
	check_range((unsigned long)p, n, true, _RET_IP_);
	return __memset(p, c, n);
}

void kasan_poison(const void *addr, size_t size, u8 value)
{
	if (kasan_enabled)
		__memset(kasan_mem_to_shadow((unsigned long)addr), value,
			 size >> KASAN_SHADOW_SCALE_SHIFT);
}

/* @addr on a granule; a partial last granule gets its count of bytes. */
void kasan_unpoison_range(const void *addr, size_t size)
{
	unsigned long a = (unsigned long)addr;

	if (!kasan_enabled || !size)
		return;
	__memset(kasan_mem_to_shadow(a), 0, size >> KASAN_SHADOW_SCALE_SHIFT);
	if (size & KASAN_GRANULE_MASK)
		*kasan_mem_to_shadow(a + (size & ~KASAN_GRANULE_MASK)) =
			size & KASAN_GRANULE_MASK;
}
