#!/usr/bin/python3
"""Writes the small ARM ELF executables that tests/user/hostile_exec_elf.c
runs, one file per NAME into the directory given: a good one, and ones
whose headers are wrong in a single way each. The build puts them in
/tests/elf/ of Pagoda's initramfs, and scripts/linux_oracle.py the same
files in the oracle's, so both kernels load the same bytes.

Every image is ET_EXEC for EM_ARM: an ELF header, its program headers,
and at file offset 0x100 three instructions that call exit_group(42).
The first PT_LOAD maps the whole file (headers and code) read-execute at
0x10000, so the entry point is 0x10100.
"""
import os
import struct
import sys

BASE = 0x10000
CODE_OFF = 0x100
ENTRY = BASE + CODE_OFF
TASK_SIZE = 0xBF000000
PT_LOAD, PT_GNU_STACK = 1, 0x6474E551
PF_X, PF_W, PF_R = 1, 2, 4
EM_ARM, EM_386 = 40, 3
# mov r0, #42; mov r7, #248 (exit_group); svc #0
CODE = struct.pack('<3I', 0xE3A0002A, 0xE3A070F8, 0xEF000000)


def phdr(vaddr, memsz, filesz=0, offset=0, flags=PF_R | PF_W, ptype=PT_LOAD,
         align=0x1000):
    return dict(type=ptype, offset=offset, vaddr=vaddr, filesz=filesz, memsz=memsz,
                flags=flags, align=align)


def text(**change):
    """The code segment: the file's first page at BASE, read-execute."""
    seg = phdr(BASE, CODE_OFF + len(CODE), CODE_OFF + len(CODE), 0, PF_R | PF_X)
    seg.update(change)
    return seg


def image(phdrs, machine=EM_ARM, phnum=None, phoff=52, entry=ENTRY):
    eh = b'\x7fELF' + bytes([1, 1, 1]) + bytes(9)
    eh += struct.pack('<HHIIIIIHHHHHH', 2, machine, 1, entry, phoff, 0,
                      0x05000200, 52, 32, len(phdrs) if phnum is None else phnum,
                      40, 0, 0)
    table = b''.join(struct.pack('<8I', p['type'], p['offset'], p['vaddr'], p['vaddr'],
                                 p['filesz'], p['memsz'], p['flags'], p['align'])
                     for p in phdrs)
    body = eh + table
    assert len(body) <= CODE_OFF
    return body + bytes(CODE_OFF - len(body)) + CODE


STACK = phdr(0, 0, flags=PF_R | PF_W, ptype=PT_GNU_STACK, align=16)

IMAGES = {
    # runs and exits 42
    'good': image([text(), STACK]),
    # a bss of three pages after the code: runs
    'bss': image([text(), phdr(0x20000, 0x3000), STACK]),
    # no PT_GNU_STACK: an executable stack, runs
    'exec_stack': image([text()]),
    # headers Linux refuses before it gives up the caller's memory: ENOEXEC
    'no_phdrs': image([], phnum=0),
    'machine_386': image([text()], machine=EM_386),
    'phdrs_past_eof': image([text()], phoff=0x10000),
    'truncated': image([text()])[:40],
    'entry_misaligned': image([text(), STACK], entry=ENTRY + 2),
    'interp_empty': image([text(), phdr(0, 0, ptype=3), STACK]),
    # segments Linux only fails to map after the point of no return
    'at_task_size': image([text(), phdr(TASK_SIZE, 0x1000), STACK]),
    'past_task_size': image([text(), phdr(TASK_SIZE - 0x10000, 0x20000), STACK]),
    'file_past_task_size': image([text(), phdr(TASK_SIZE - 0x1000, 0x2000, 0x10, 0),
                                  STACK]),
    'bss_past_task_size': image([text(), phdr(0x20000, TASK_SIZE, 0x10, 0), STACK]),
    'wraps': image([text(), phdr(0xFFFFF000, 0x2000), STACK]),
    'huge_memsz': image([text(), phdr(0x20000, 0xFFFF0000), STACK]),
    'filesz_over_memsz': image([text(), phdr(0x20000, 0x10, 0x20, 0), STACK]),
    'offset_misaligned': image([text(), phdr(0x20000, 0x20, 0x20, 0x10), STACK]),
    # images that Linux starts, and that die at once: SIGSEGV
    'entry_in_data': image([text(), phdr(0x20000, 0x1000), STACK], entry=0x20000),
    'entry_0': image([text(), STACK], entry=0),
    'no_load': image([STACK]),
    'at_0': image([text(), phdr(0x0, 0x1000), STACK]),
}


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: mkelf.py DIRECTORY')
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for name, data in IMAGES.items():
        path = os.path.join(out, name)
        with open(path, 'wb') as f:
            f.write(data)
        os.chmod(path, 0o755)


if __name__ == '__main__':
    main()
