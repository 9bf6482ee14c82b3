// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's random numbers and getrandom(2): a ChaCha20 generator
 * (RFC 7539's block function) keyed from the boot loader's seed, the
 * device tree's /chosen/rng-seed (QEMU puts 32 bytes from the host
 * there), mixed with the counter at boot.
 *
 * Invariant, as Linux's crng: the base key is replaced by the first
 * half of the very first block each request makes from it ("fast key
 * erasure"), and that request goes on with the second half as a key of
 * its own; so what one request returned says nothing about the key
 * the next one uses, or about earlier outputs.
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time.h>
#include <linux/uaccess.h>

#define CHACHA_KEY_WORDS	8
#define CHACHA_BLOCK_WORDS	16
#define CHACHA_BLOCK_SIZE	(CHACHA_BLOCK_WORDS * 4)

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004
#define MAX_RW_COUNT	(0x7fffffff & PAGE_MASK)	/* Linux's cap on one read */

static u32 crng_key[CHACHA_KEY_WORDS];
static u64 crng_generation;	/* a nonce: never the same twice per key */

static inline u32 rol32(u32 v, int n)
{
	return v << n | v >> (32 - n);
}

#define QUARTER_ROUND(x, a, b, c, d) do {				\
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 16);			\
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 12);			\
	x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 8);			\
	x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 7);			\
} while (0)

/* One 64-byte ChaCha20 block of @key at block @counter, nonce @nonce. */
static void chacha20_block(const u32 key[CHACHA_KEY_WORDS], u32 counter, u64 nonce,
			   u32 out[CHACHA_BLOCK_WORDS])
{
	u32 in[CHACHA_BLOCK_WORDS] = {
		0x61707865, 0x3320646e, 0x79622d32, 0x6b206574,	/* "expand 32-byte k" */
		key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7],
		counter, 0, (u32)nonce, (u32)(nonce >> 32),
	};
	int i;

	memcpy(out, in, sizeof(in));
	for (i = 0; i < 10; i++) {
		QUARTER_ROUND(out, 0, 4, 8, 12);	/* columns */
		QUARTER_ROUND(out, 1, 5, 9, 13);
		QUARTER_ROUND(out, 2, 6, 10, 14);
		QUARTER_ROUND(out, 3, 7, 11, 15);
		QUARTER_ROUND(out, 0, 5, 10, 15);	/* diagonals */
		QUARTER_ROUND(out, 1, 6, 11, 12);
		QUARTER_ROUND(out, 2, 7, 8, 13);
		QUARTER_ROUND(out, 3, 4, 9, 14);
	}
	for (i = 0; i < CHACHA_BLOCK_WORDS; i++)
		out[i] += in[i];
}

/*
 * Mixes @len bytes into the base key: the key becomes a ChaCha20 block
 * of (old key XOR the bytes, folded in 32 at a time), so any one good
 * seed makes it unpredictable, and a poor one takes nothing away.
 */
void add_bootloader_randomness(const void *buf, size_t len)
{
	u32 block[CHACHA_BLOCK_WORDS], chunk[CHACHA_KEY_WORDS];
	const u8 *p = buf;
	size_t n;

	while (len) {
		n = min(len, sizeof(chunk));
		memset(chunk, 0, sizeof(chunk));
		memcpy(chunk, p, n);
		for (int i = 0; i < CHACHA_KEY_WORDS; i++)
			crng_key[i] ^= chunk[i];
		chacha20_block(crng_key, 0, ++crng_generation, block);
		memcpy(crng_key, block, sizeof(crng_key));
		p += n;
		len -= n;
	}
	memset(block, 0, sizeof(block));
	memset(chunk, 0, sizeof(chunk));
}

/* A key for one request, erasing the base key it came from. */
static void crng_make_key(u32 key[CHACHA_KEY_WORDS])
{
	u32 block[CHACHA_BLOCK_WORDS];

	chacha20_block(crng_key, 0, ++crng_generation, block);
	memcpy(crng_key, block, sizeof(crng_key));
	memcpy(key, block + CHACHA_KEY_WORDS, sizeof(crng_key));
	memset(block, 0, sizeof(block));
}

void get_random_bytes(void *buf, size_t len)
{
	u32 key[CHACHA_KEY_WORDS], block[CHACHA_BLOCK_WORDS];
	u32 counter = 0;
	size_t n;

	crng_make_key(key);
	for (; len; len -= n, buf = (u8 *)buf + n) {
		chacha20_block(key, counter++, 0, block);
		n = min(len, sizeof(block));
		memcpy(buf, block, n);
	}
	memset(key, 0, sizeof(key));
	memset(block, 0, sizeof(block));
}

/*
 * getrandom(buf, count, flags): never blocks, the generator being
 * seeded before any task runs. Returns what was copied before a fault
 * (-EFAULT if nothing) or a pending signal, page by page as Linux.
 */
long sys_getrandom(void *ubuf, size_t count, unsigned int flags)
{
	u32 key[CHACHA_KEY_WORDS], block[CHACHA_BLOCK_WORDS];
	size_t done = 0, n, left;
	u32 counter = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    (flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	count = min(count, (size_t)MAX_RW_COUNT);
	if (!count)
		return 0;
	crng_make_key(key);
	while (done < count) {
		chacha20_block(key, counter++, 0, block);
		n = min(count - done, sizeof(block));
		left = copy_to_user((u8 *)ubuf + done, block, n);
		done += n - left;
		if (left)
			break;
		if (done % PAGE_SIZE == 0 && signal_pending(current))
			break;
	}
	memset(key, 0, sizeof(key));
	memset(block, 0, sizeof(block));
	return done ? (long)done : -EFAULT;
}
