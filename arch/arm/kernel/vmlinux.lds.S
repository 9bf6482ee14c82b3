/*
 * Layout of the kernel image. It is linked at PAGE_OFFSET + TEXT_OFFSET
 * and loaded at PHYS_OFFSET + TEXT_OFFSET; the raw image (build/Image) is
 * everything from _text to _edata, and the boot code clears the BSS.
 * Kernel text comes first and the symbol table (.kallsyms) last of the
 * loaded sections, so adding the table in the second link pass moves no
 * function (see the Makefile).
 */
#include <asm/memory.h>

OUTPUT_ARCH(arm)
ENTRY(stext)

SECTIONS
{
	. = PAGE_OFFSET + TEXT_OFFSET;

	_text = .;
	.head.text : { *(.head.text) }
	.text : {
		_stext = .;
		*(.text .text.*)
		_etext = .;
	}

	. = ALIGN(4096);
	.rodata : {
		__start_rodata = .;
		*(.rodata .rodata.*)
		. = ALIGN(4);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(4);
		. = ALIGN(4);
		__start___jump_table = .;
		KEEP(*(__jump_table))
		__stop___jump_table = .;
		__start_ktest_suites = .;
		KEEP(*(ktest_suites))
		__stop_ktest_suites = .;
		. = ALIGN(4);
		__start_benchmarks = .;
		KEEP(*(benchmarks))
		__stop_benchmarks = .;
		. = ALIGN(4);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		. = ALIGN(32);
		__vectors_start = .;
		KEEP(*(.vectors))
		__vectors_end = .;
	}

	. = ALIGN(4096);
	.data : {
		_sdata = .;
		. = ALIGN(THREAD_ALIGN);
		KEEP(*(.data..init_task))
		*(.data .data.*)
		_edata_main = .;
	}

	.kallsyms : {
		. = ALIGN(4);
		KEEP(*(.kallsyms))
	}
	. = ALIGN(4);
	_edata = .;
	__image_size = _edata - _text;	/* head.S's zImage header */

	. = ALIGN(4096);
	.bss (NOLOAD) : {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(4);
		__bss_stop = .;
	}
	. = ALIGN(4096);
	_end = .;

	ASSERT(SIZEOF(.head.text) <= 4096, "head.S relocates itself a page at a time")

	/DISCARD/ : { *(.ARM.exidx*) *(.ARM.extab*) *(.comment) *(.note*) }
}
