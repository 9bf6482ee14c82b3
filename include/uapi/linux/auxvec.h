/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* The tags of the ELF auxiliary vector exec puts above a program's environment. */
#ifndef _UAPI_LINUX_AUXVEC_H
#define _UAPI_LINUX_AUXVEC_H

#include <asm/auxvec.h>

#define AT_NULL		0	/* end of the vector */
#define AT_IGNORE	1
#define AT_EXECFD	2
#define AT_PHDR		3	/* program headers in the loaded image */
#define AT_PHENT	4	/* size of one */
#define AT_PHNUM	5	/* how many */
#define AT_PAGESZ	6
#define AT_BASE		7	/* interpreter's load address */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* string: "v7l" */
#define AT_HWCAP	16
#define AT_CLKTCK	17
#define AT_SECURE	23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25	/* 16 random bytes */
#define AT_HWCAP2	26
#define AT_EXECFN	31	/* string: the path given to execve */

#endif
