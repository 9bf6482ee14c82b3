# SPDX-License-Identifier: GPL-2.0
"""What every helper needs: types looked up once, reading memory,
walking list_heads, container_of, and the constants the kernel keeps in
#defines (which gdb does not see without -g3), mirrored from the headers
named beside each. Everything is read from the stopped kernel's memory
through gdb; nothing asks the running kernel."""
import functools

import gdb

# arch/arm/include/asm/memory.h
PAGE_SHIFT = 12
PAGE_SIZE = 1 << PAGE_SHIFT
PAGE_OFFSET = 0xC0000000
TASK_SIZE = 0xBF000000
THREAD_SIZE = 8192
SECTION_SHIFT = 20

# include/linux/sched.h
PF_KTHREAD = 0x00200000
TASK_RUNNING, TASK_UNINTERRUPTIBLE, EXIT_ZOMBIE = 0, 2, 16

# include/linux/page-flags.h
PAGE_ORDER_SHIFT = 16
PAGE_ORDER_MASK = 0xF << PAGE_ORDER_SHIFT
ZONES_SHIFT = 30

# arch/arm/include/asm/ptrace.h
USR_MODE, MODE_MASK = 0x10, 0x1F


USER_MODE_ERROR = ('stopped in user mode: QEMU\'s gdb stub reads memory with the '
                   'permissions of the current mode, so no kernel structure can be read; '
                   'stop in the kernel first (e.g. tbreak do_swi, continue)')


def kernel_view(invoke):
    """Decorates a helper's invoke: stopped in user mode, QEMU's gdb stub
    can read no kernel address (it checks the current mode's page
    permissions, and will not switch modes for a debugger), so say that
    instead of failing on the first read."""
    @functools.wraps(invoke)
    def wrapper(*args):
        cpsr = int(gdb.parse_and_eval('$cpsr')) & 0xFFFFFFFF
        if cpsr & MODE_MASK == USR_MODE:
            raise gdb.GdbError(USER_MODE_ERROR)
        return invoke(*args)
    return wrapper


_types = {}


def lookup_type(name):
    """gdb.Type of a C type name such as "struct page", cached."""
    if name not in _types:
        _types[name] = gdb.parse_and_eval(f'({name} *)0').type.target()
    return _types[name]


def ulong(value):
    """A gdb.Value (pointer, integer) as a Python int, 32 bits."""
    return int(value.cast(gdb.lookup_type('unsigned long'))) & 0xFFFFFFFF


def read_u32(addr):
    data = gdb.selected_inferior().read_memory(addr, 4)
    return int.from_bytes(bytes(data), 'little')


def read_bytes(addr, size):
    return bytes(gdb.selected_inferior().read_memory(addr, size))


def symbol_address(name):
    """The address of a symbol with or without debug info (kallsyms'
    tables are generated assembly)."""
    return ulong(gdb.parse_and_eval(f'(unsigned long)&{name}'))


def container_of(ptr, type_name, member):
    """The struct @type_name that holds @ptr at its @member."""
    ctype = lookup_type(type_name)
    offset = None
    for field in ctype.fields():
        if field.name == member:
            offset = field.bitpos // 8
    if offset is None:       # a member of a nested struct or union
        base = gdb.Value(0).cast(ctype.pointer())
        offset = ulong(base[member].address)
    return gdb.Value(ulong(ptr) - offset).cast(ctype.pointer())


def list_for_each_entry(head, type_name, member):
    """The entries of the list whose struct list_head is @head (a value
    or its address), in order: struct @type_name linked at @member."""
    if head.type.code != gdb.TYPE_CODE_PTR:
        head = head.address
    first = ulong(head)
    node = head['next']
    seen = 0
    while ulong(node) != first:
        yield container_of(node, type_name, member)
        node = node['next']
        seen += 1
        if seen > 1000000:
            raise gdb.GdbError(f'list at {first:#x} does not come back to its head')


def c_string(value, limit=4096):
    """A char * or char[] (NUL-terminated) as Python text."""
    if value.type.strip_typedefs().code == gdb.TYPE_CODE_ARRAY:
        value = value[0].address
    return value.string(errors='replace')[:limit]


def phys_offset():
    return ulong(gdb.parse_and_eval('__pv_phys_offset'))


def va(phys):
    return phys - phys_offset() + PAGE_OFFSET


def pa(virt):
    return virt - PAGE_OFFSET + phys_offset()


def to_int(arg):
    """A command argument: any gdb expression (0x1000, $lx_current()->pid)."""
    return ulong(gdb.parse_and_eval(arg))


# ---- kallsyms: %pS as the kernel prints it --------------------------------

_ksyms = None


def _kallsyms():
    global _ksyms
    if _ksyms is None:
        n = read_u32(symbol_address('kallsyms_num_syms'))
        addrs = read_bytes(symbol_address('kallsyms_addresses'), 4 * n)
        offs = read_bytes(symbol_address('kallsyms_name_offsets'), 4 * n)
        _ksyms = ([int.from_bytes(addrs[i:i + 4], 'little') for i in range(0, 4 * n, 4)],
                  [int.from_bytes(offs[i:i + 4], 'little') for i in range(0, 4 * n, 4)],
                  symbol_address('kallsyms_names'),
                  read_u32(symbol_address('kallsyms_text_end')))
    return _ksyms


def ksym(addr, with_offset=True):
    """"name+0xoff/0xsize" (or "name") from the kernel's own symbol table,
    as vsprintf's %pS/%ps; None outside kernel text."""
    import bisect
    addrs, offs, names, text_end = _kallsyms()
    if not addrs or addr < addrs[0] or addr >= text_end:
        return None
    lo = bisect.bisect_right(addrs, addr) - 1
    while lo and addrs[lo - 1] == addrs[lo]:
        lo -= 1
    hi = lo + 1
    while hi < len(addrs) and addrs[hi] == addrs[lo]:
        hi += 1
    nxt = addrs[hi] if hi < len(addrs) else text_end
    name = gdb.Value(names + offs[lo]).cast(lookup_type('char').pointer()).string()
    if not with_offset:
        return name
    return f'{name}+0x{addr - addrs[lo]:x}/0x{nxt - addrs[lo]:x}'


def _forget(_event=None):
    """Types and symbols may change with a new objfile (a rebuilt vmlinux)."""
    global _ksyms
    _types.clear()
    _ksyms = None


gdb.events.new_objfile.connect(_forget)
