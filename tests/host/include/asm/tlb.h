/* Host build: the generic mmu_gather only (its functions are test stubs). */
#ifndef _HOST_ASM_TLB_H
#define _HOST_ASM_TLB_H

#include <asm-generic/tlb.h>

#endif
