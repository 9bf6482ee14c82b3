/* The ELF auxiliary vector the kernel puts above envp (tags: <linux/auxvec.h>). */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <linux/auxvec.h>

/* The value of an auxv entry, or 0 if absent. */
unsigned long getauxval(unsigned long type);

/* The auxv array itself (pairs of type, value, ending with AT_NULL). */
extern unsigned long *__auxv;

#endif
