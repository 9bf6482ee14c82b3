/* Memory mapping calls; the constants are the kernel's (<linux/mman.h>). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#include <linux/mman.h>

/* The names C libraries add. */
#define MAP_ANON	MAP_ANONYMOUS
#define MAP_FAILED	((void *)-1)

/* mmap uses mmap2(192): offset must be a multiple of 4096 (else EINVAL). */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t offset);
void *mmap64(void *addr, size_t len, int prot, int flags, int fd, off64_t offset);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
int madvise(void *addr, size_t len, int advice);
void *mremap(void *old_addr, size_t old_len, size_t new_len, int flags, ...);
int msync(void *addr, size_t len, int flags);
int mincore(void *addr, size_t len, unsigned char *vec);

#endif
