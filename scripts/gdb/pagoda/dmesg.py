# SPDX-License-Identifier: GPL-2.0
"""The boot-time facts: lx-dmesg (kernel/printk.c's log buffer),
lx-version (pagoda_banner), lx-cmdline (boot_command_line) and
lx-fdtdump (the device tree at initial_boot_params, as source)."""
import gdb

from pagoda import utils


def log_records():
    """Each record of the log ring, oldest first, as (level, text): the
    ring holds "L[    s.uuuuuu] text\\n" records between the free-running
    offsets log_first and log_next."""
    buf = gdb.parse_and_eval('log_buf')
    size = buf.type.sizeof
    first = utils.ulong(gdb.parse_and_eval('log_first'))
    nxt = utils.ulong(gdb.parse_and_eval('log_next'))
    base = utils.ulong(buf.address)
    raw = utils.read_bytes(base, size)
    data = bytes(raw[(first + i) % size] for i in range(nxt - first))
    records = data.split(b'\n')
    if records and records[-1] == b'':
        records.pop()
    for rec in records:
        if len(rec) >= 1:
            yield rec[0] - ord('0'), rec[1:].decode('utf-8', 'replace')


class LxDmesg(gdb.Command):
    """Print the kernel log buffer, as the shell's dmesg does.

lx-dmesg"""

    def __init__(self):
        super().__init__('lx-dmesg', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        for _level, text in log_records():
            gdb.write(text + '\n')


class LxVersion(gdb.Command):
    """Print the kernel's version banner (as the shell's version).

lx-version"""

    def __init__(self):
        super().__init__('lx-version', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        gdb.write(utils.c_string(gdb.parse_and_eval('pagoda_banner')) + '\n')


class LxCmdline(gdb.Command):
    """Print the kernel command line (from the DTB's /chosen/bootargs).

lx-cmdline"""

    def __init__(self):
        super().__init__('lx-cmdline', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        gdb.write(utils.c_string(gdb.parse_and_eval('boot_command_line')) + '\n')


FDT_MAGIC = 0xD00DFEED
FDT_BEGIN_NODE, FDT_END_NODE, FDT_PROP, FDT_NOP, FDT_END = 1, 2, 3, 4, 9


def be32(data, off):
    return int.from_bytes(data[off:off + 4], 'big')


def prop_text(value):
    """A property value as dtc writes it: strings, cells or bytes."""
    if not value:
        return ''
    strings = value.split(b'\0')
    if value.endswith(b'\0') and all(s and all(32 <= c < 127 for c in s)
                                     for s in strings[:-1]):
        return ' = ' + ', '.join(f'"{s.decode()}"' for s in strings[:-1])
    if len(value) % 4 == 0:
        cells = ' '.join(f'0x{be32(value, i):x}' for i in range(0, len(value), 4))
        return f' = <{cells}>'
    return ' = [' + ' '.join(f'{b:02x}' for b in value) + ']'


def fdt_source(blob):
    """The flattened tree's structure block as device-tree source lines."""
    off_struct, off_strings = be32(blob, 8), be32(blob, 12)
    lines, depth, pos = ['/dts-v1/;', ''], 0, off_struct
    while pos + 4 <= len(blob):
        token = be32(blob, pos)
        pos += 4
        if token == FDT_BEGIN_NODE:
            end = blob.index(b'\0', pos)
            name = blob[pos:end].decode() or '/'
            lines.append('\t' * depth + name + ' {')
            depth += 1
            pos = (end + 1 + 3) & ~3
        elif token == FDT_END_NODE:
            depth -= 1
            lines.append('\t' * depth + '};')
        elif token == FDT_PROP:
            length, nameoff = be32(blob, pos), be32(blob, pos + 4)
            pos += 8
            name_end = blob.index(b'\0', off_strings + nameoff)
            name = blob[off_strings + nameoff:name_end].decode()
            lines.append('\t' * depth + name + prop_text(blob[pos:pos + length]) + ';')
            pos = (pos + length + 3) & ~3
        elif token == FDT_NOP:
            continue
        else:
            break
    return lines


class LxFdtdump(gdb.Command):
    """Print the device tree the kernel booted with, as source.

lx-fdtdump [FILE]
With FILE, also write the blob there (for dtc -I dtb FILE)."""

    def __init__(self):
        super().__init__('lx-fdtdump', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        addr = utils.ulong(gdb.parse_and_eval('initial_boot_params'))
        if not addr:
            raise gdb.GdbError('lx-fdtdump: initial_boot_params is NULL (too early in boot)')
        head = utils.read_bytes(addr, 8)
        if be32(head, 0) != FDT_MAGIC:
            raise gdb.GdbError(f'lx-fdtdump: no FDT magic at {addr:#x}')
        blob = utils.read_bytes(addr, be32(head, 4))
        words = gdb.string_to_argv(arg)
        if words:
            with open(words[0], 'wb') as f:
                f.write(blob)
            gdb.write(f'{len(blob)} bytes written to {words[0]}\n')
        for line in fdt_source(blob):
            gdb.write(line + '\n')


LxDmesg()
LxVersion()
LxCmdline()
LxFdtdump()
