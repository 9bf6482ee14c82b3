/*
 * malloc, free, calloc and realloc: a first-fit heap grown with brk, and
 * a private anonymous mapping for each block of 128 KiB or more.
 *
 * The heap is a run of chunks from heap_start to heap_end, each with an
 * 8-byte header (its size including the header, and flags); adjacent free
 * chunks are merged while malloc scans. Simple, not fast. Programs that
 * move the break themselves must not also use malloc.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define ALIGN		8
#define HDR		8
#define MMAP_MIN	(128 * 1024)
#define GROW_MIN	(64 * 1024)
#define PAGE		4096

#define C_USED		1
#define C_MMAP		2

struct chunk {
	size_t size;	/* bytes, header included; a multiple of ALIGN */
	size_t flags;
};

static char *heap_start, *heap_end;

static struct chunk *next_chunk(struct chunk *c)
{
	return (struct chunk *)((char *)c + c->size);
}

static void *big_alloc(size_t need)
{
	size_t len = (need + PAGE - 1) & ~(size_t)(PAGE - 1);
	struct chunk *c;

	if (len < need)
		return NULL;
	c = mmap(NULL, len, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (c == MAP_FAILED)
		return NULL;
	c->size = len;
	c->flags = C_USED | C_MMAP;
	return (char *)c + HDR;
}

/* Extends the heap so that a free chunk of at least need bytes ends it. */
static struct chunk *grow(size_t need, struct chunk *last)
{
	size_t have = (last && !(last->flags & C_USED)) ? last->size : 0;
	size_t inc = need - have;
	char *old;

	if (inc < GROW_MIN)
		inc = GROW_MIN;
	inc = (inc + PAGE - 1) & ~(size_t)(PAGE - 1);
	old = sbrk(inc);
	if (old == (void *)-1)
		return NULL;
	if (old != heap_end) {
		/* Someone else moved the break: start a fresh run there. */
		return NULL;
	}
	heap_end += inc;
	if (have) {
		last->size += inc;
		return last;
	}
	last = (struct chunk *)old;
	last->size = inc;
	last->flags = 0;
	return last;
}

void *malloc(size_t size)
{
	struct chunk *c, *n, *last = NULL;
	size_t need;

	if (size > SIZE_MAX / 2) {
		errno = ENOMEM;
		return NULL;
	}
	need = (size + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need >= MMAP_MIN) {
		void *p = big_alloc(need);

		if (!p)
			errno = ENOMEM;
		return p;
	}
	if (!heap_start) {
		char *b = sbrk(0);

		if (b == (void *)-1) {
			errno = ENOMEM;
			return NULL;
		}
		/* Align the start; the gap below it is simply never used. */
		heap_start = (char *)(((uintptr_t)b + ALIGN - 1) &
				      ~(uintptr_t)(ALIGN - 1));
		if (heap_start != b && sbrk(heap_start - b) == (void *)-1) {
			heap_start = NULL;
			errno = ENOMEM;
			return NULL;
		}
		heap_end = heap_start;
	}
	for (c = (struct chunk *)heap_start; (char *)c < heap_end;
	     c = next_chunk(c)) {
		last = c;
		if (c->flags & C_USED)
			continue;
		for (n = next_chunk(c); (char *)n < heap_end &&
		     !(n->flags & C_USED); n = next_chunk(c))
			c->size += n->size;
		if (c->size >= need)
			goto found;
	}
	c = grow(need, last);
	if (!c) {
		errno = ENOMEM;
		return NULL;
	}
found:
	if (c->size - need >= HDR + ALIGN) {
		n = (struct chunk *)((char *)c + need);
		n->size = c->size - need;
		n->flags = 0;
		c->size = need;
	}
	c->flags = C_USED;
	return (char *)c + HDR;
}

void free(void *ptr)
{
	struct chunk *c;

	if (!ptr)
		return;
	c = (struct chunk *)((char *)ptr - HDR);
	if (c->flags & C_MMAP)
		munmap(c, c->size);
	else
		c->flags = 0;
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (size && nmemb > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	total = nmemb * size;
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

void *realloc(void *ptr, size_t size)
{
	struct chunk *c;
	size_t usable;
	void *p;

	if (!ptr)
		return malloc(size);
	if (!size) {
		free(ptr);
		return NULL;
	}
	c = (struct chunk *)((char *)ptr - HDR);
	usable = c->size - HDR;
	if (size <= usable)
		return ptr;
	p = malloc(size);
	if (!p)
		return NULL;
	memcpy(p, ptr, usable);
	free(ptr);
	return p;
}
