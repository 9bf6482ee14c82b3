# SPDX-License-Identifier: GPL-2.0
"""lx-pagetable: one virtual address through pgd -> pmd -> pte -> struct
page, read from the page tables in memory, with the lines of the shell's
`pte` command (arch/arm/mm/dump.c's pt_walk) and then the frame's struct
page decoded. The layout (arch/arm/include/asm/pgtable-2level.h): a pgd
entry is two 1 MiB L1 entries; the pmd is folded into it; a pte page
holds the Linux-view ptes at +0 and the hardware L2 tables 2 KiB on."""
import gdb

from pagoda import mm, tasks, utils

PGDIR_SHIFT = 21
PTRS_PER_PTE = 512
PTE_HWTABLE_OFF = 2048

# Linux-view pte bits (pgtable-2level.h)
L_PTE_PRESENT, L_PTE_YOUNG, L_PTE_SPECIAL = 1 << 0, 1 << 1, 1 << 4
L_PTE_DIRTY, L_PTE_RDONLY, L_PTE_USER = 1 << 6, 1 << 7, 1 << 8
L_PTE_XN, L_PTE_NONE = 1 << 9, 1 << 11

# hardware descriptor bits (pgtable-hwdef.h)
PMD_TYPE_MASK, PMD_TYPE_TABLE, PMD_TYPE_SECT = 3, 1, 2
PMD_SECT_XN, PMD_SECT_APX, PMD_SECT_S, PMD_SECT_nG = 1 << 4, 1 << 15, 1 << 16, 1 << 17
PTE_HW_XN, PTE_HW_TYPE_SMALL, PTE_HW_APX, PTE_HW_S, PTE_HW_nG = 1, 2, 1 << 9, 1 << 10, 1 << 11


def hw_lines(desc, section, domain):
    """The two lines decoding a section or small-page descriptor."""
    if section:
        ap, apx, tex = (desc >> 10) & 3, int(bool(desc & PMD_SECT_APX)), (desc >> 12) & 7
        xn, ng, s = bool(desc & PMD_SECT_XN), bool(desc & PMD_SECT_nG), bool(desc & PMD_SECT_S)
    else:
        ap, apx, tex = (desc >> 4) & 3, int(bool(desc & PTE_HW_APX)), (desc >> 6) & 7
        xn, ng, s = bool(desc & PTE_HW_XN), bool(desc & PTE_HW_nG), bool(desc & PTE_HW_S)
    write = not apx and ap != 0
    user = ap >= 2
    device = tex == 0 and (desc >> 2) & 3 == 1
    rw = 'read-write' if write else 'read-only'
    return [f'    type {"section (1 MiB)" if section else "small page (4 KiB)"}, '
            f'AP={ap >> 1}{ap & 1} APX={apx} (kernel {rw}, user '
            f'{rw if user else "none"}), XN={int(xn)}, nG={int(ng)}, S={int(s)},',
            f'    TEX={(tex >> 2) & 1}{(tex >> 1) & 1}{tex & 1} C={int(bool(desc & 8))} '
            f'B={int(bool(desc & 4))} ('
            f'{"shareable device" if device else "normal, write-back write-allocate"}'
            f'), domain {domain}']


def linux_pte_line(pte):
    words = [' present' if pte & L_PTE_PRESENT else ' not-present',
             ' young' if pte & L_PTE_YOUNG else ' old',
             ' dirty' if pte & L_PTE_DIRTY else ' clean',
             ' read-only' if pte & L_PTE_RDONLY else ' write',
             ' user' if pte & L_PTE_USER else ' kernel',
             ' noexec' if pte & L_PTE_XN else ' exec',
             ' PROT_NONE' if pte & L_PTE_NONE else '',
             ' special' if pte & L_PTE_SPECIAL else '']
    return f'  pte   0x{pte:08x} (Linux view): pfn {pte >> 12:#x}' + ''.join(words)


def page_line(pfn):
    page = mm.pfn_to_page(pfn)
    if page is None:
        return []
    return [f'  page  pfn 0x{pfn:05x} refcount {int(page["_refcount"]["counter"])} '
            f'mapcount {int(page["_mapcount"]["counter"]) + 1}']


def walk(mm_struct, addr):
    """(lines, pfn or None): pt_walk's lines for @addr in @mm_struct."""
    name = utils.c_string(mm_struct['name']) if mm_struct['name'] else 'user mm'
    pgd = utils.ulong(mm_struct['pgd']) + 8 * (addr >> PGDIR_SHIFT)
    l1 = pgd + 4 * ((addr >> utils.SECTION_SHIFT) & 1)
    e0, e1, desc = utils.read_u32(pgd), utils.read_u32(pgd + 4), utils.read_u32(l1)
    index = addr >> PGDIR_SHIFT
    domain = (desc >> 5) & 0xF
    lines = [f'{name}: 0x{addr:08x}',
             f'  pgd   {pgd:08x} [{index}] = 0x{e0:08x} 0x{e1:08x} '
             f'(L1 entries {index * 2} and {index * 2 + 1})',
             f'  pmd   folded into the pgd; this MiB\'s L1 entry: 0x{desc:08x}']
    if desc & PMD_TYPE_MASK == PMD_TYPE_SECT:
        phys = (desc & 0xFFF00000) | (addr & 0xFFFFF)
        lines += hw_lines(desc, True, domain) + [f'  phys  0x{phys:08x}']
        return lines, phys >> utils.PAGE_SHIFT
    if desc & PMD_TYPE_MASK != PMD_TYPE_TABLE:
        return lines + ['  no mapping: the L1 entry is a fault entry'], None
    # the pte page holding this pgd entry's tables: from the first L1 entry
    pte_page = utils.va(e0 & ~0xFFF)
    ptep = pte_page + 4 * ((addr >> utils.PAGE_SHIFT) & (PTRS_PER_PTE - 1))
    pte, hw = utils.read_u32(ptep), utils.read_u32(ptep + PTE_HWTABLE_OFF)
    lines += [f'  L2 table at phys 0x{desc & ~0x3FF:08x}, pte page {pte_page:08x}, '
              f'index {(addr >> utils.PAGE_SHIFT) & (PTRS_PER_PTE - 1)}',
              linux_pte_line(pte), f'  hwpte 0x{hw:08x} (hardware view)']
    if not hw & PTE_HW_TYPE_SMALL:
        present = pte & L_PTE_PRESENT
        lines.append('    invalid: ' + ('present but not young (or PROT_NONE): the next '
                                        'access faults' if present else 'no page'))
        if present:
            return lines + page_line(pte >> 12), pte >> 12
        return lines, None
    lines += hw_lines(hw, False, domain)
    lines.append(f'  phys  0x{(hw & ~0xFFF) | (addr & 0xFFF):08x}')
    return lines + page_line(hw >> 12), hw >> 12


class LxPagetable(gdb.Command):
    """Walk one address through pgd, pmd and pte to its struct page.

lx-pagetable ADDR [PID]
The lines are those of the shell's `pte PID ADDR` (both the Linux view
and the hardware view of the pte decoded), followed by the frame's
struct page as lx-page shows it. Without PID: the kernel's tables
(init_mm) for a kernel address, the current task's for a user one."""

    def __init__(self):
        super().__init__('lx-pagetable', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        words = gdb.string_to_argv(arg)
        if not 1 <= len(words) <= 2:
            raise gdb.GdbError('usage: lx-pagetable ADDR [PID]')
        addr = utils.to_int(words[0])
        if len(words) == 2:
            mm_struct = tasks.task_arg(words[1], 'lx-pagetable')['mm']
        elif addr >= utils.TASK_SIZE:
            mm_struct = gdb.parse_and_eval('&init_mm')
        else:
            mm_struct = tasks.current_task()['active_mm']
        lines, pfn = walk(mm_struct, addr)
        if pfn is not None and mm.pfn_to_page(pfn) is not None:
            lines += ['  ' + line for line in mm.describe_page(pfn)]
        for line in lines:
            gdb.write(line + '\n')


LxPagetable()
