# SPDX-License-Identifier: GPL-2.0
"""Tasks: lx-ps, lx-vmas, lx-symbols-user, and the functions $lx_current(),
$lx_task_by_pid(pid), $container_of(ptr, "type", "member") and
$lx_per_cpu("expr", cpu). A task is found by walking init_task and
task_list, as fs/proc.c's ps does."""
import os

import gdb

from pagoda import utils


def task_list():
    """init_task, then every task of task_list in creation order."""
    yield gdb.parse_and_eval('&init_task')
    yield from utils.list_for_each_entry(gdb.parse_and_eval('task_list'),
                                         'struct task_struct', 'tasks')


def task_by_pid(pid):
    for t in task_list():
        if int(t['pid']) == pid:
            return t
    return None


def current_task():
    """The running task: the thread_info at the bottom of the 8 KiB
    kernel stack sp is in (a kernel mode: see utils.kernel_view)."""
    sp = utils.ulong(gdb.parse_and_eval('$sp'))
    thread_info = gdb.Value(sp & ~(utils.THREAD_SIZE - 1)).cast(
        utils.lookup_type('struct thread_info').pointer())
    return thread_info['task']


def task_state_char(t):
    state = int(t['state'])
    return {utils.TASK_RUNNING: 'R', utils.TASK_UNINTERRUPTIBLE: 'D',
            utils.EXIT_ZOMBIE: 'Z'}.get(state, 'S')


def mm_rss(mm):
    # atomic counters; a task's unfolded faults (task->rss_stat) are not in them
    return sum(max(int(mm['rss_stat'][i]['counter']), 0) for i in range(2))


class LxPs(gdb.Command):
    """List the tasks as the shell's ps does: PID PPID S PSR VSZ RSS COMM.

lx-ps"""

    def __init__(self):
        super().__init__('lx-ps', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        gdb.write('  PID  PPID S PSR      VSZ      RSS COMM\n')
        shift = utils.PAGE_SHIFT - 10
        init = gdb.parse_and_eval('&init_task')
        for t in task_list():
            mm = t['mm']
            # init_task is listed as a kernel thread with no parent, as ps does
            kthread = t == init or int(t['flags']) & utils.PF_KTHREAD
            ppid = int(t['parent']['tgid']) if t != init and t['parent'] else 0
            comm = utils.c_string(t['comm'])
            vsz = int(mm['total_vm']) << shift if mm else 0
            rss = mm_rss(mm) << shift if mm else 0
            name = f'[{comm}]' if kthread else comm
            cpu = int(t['stack']['cpu'])
            gdb.write(f'{int(t["pid"]):5d} {ppid:5d} {task_state_char(t)} {cpu:3d} {vsz:8d} '
                      f'{rss:8d} {name}\n')


def file_path(f):
    """The path of an open file, as d_path gives it: dentry names up to
    the root, crossing from a mount's root to where it is mounted."""
    mount_t = utils.lookup_type('struct mount').pointer()
    return dentry_path(f['f_path']['dentry'], f['f_path']['mnt'].cast(mount_t))


def dentry_path(dentry, mnt):
    """The path of @dentry seen through the struct mount @mnt."""
    if int(dentry['d_flags']) & 0x4:     # DCACHE_DISCONNECTED: pipe:[ino] and the like
        return dentry['d_name']['name'].string()
    parts = []
    while True:
        if dentry == mnt['mnt']['mnt_root']:
            if mnt['mnt_parent'] == mnt:
                break
            dentry, mnt = mnt['mnt_mountpoint'], mnt['mnt_parent']
            continue
        if dentry == dentry['d_parent']:
            break
        parts.append(dentry['d_name']['name'].string())
        dentry = dentry['d_parent']
    return '/' + '/'.join(reversed(parts))


def task_arg(arg, command):
    words = gdb.string_to_argv(arg)
    if len(words) != 1:
        raise gdb.GdbError(f'usage: {command} PID')
    pid = utils.to_int(words[0])
    t = task_by_pid(pid)
    if t is None:
        raise gdb.GdbError(f'{command}: no task {pid}')
    if not t['mm']:
        raise gdb.GdbError(f'{command}: task {pid} is a kernel thread (no mm)')
    return t


def vmas(mm):
    vma = mm['mmap']
    while vma:
        yield vma
        vma = vma['vm_next']


class LxVmas(gdb.Command):
    """A process's VMAs in the format of /proc/PID/maps (the shell's maps).

lx-vmas PID"""

    def __init__(self):
        super().__init__('lx-vmas', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        mm = task_arg(arg, 'lx-vmas')['mm']
        brk, start_brk = utils.ulong(mm['brk']), utils.ulong(mm['start_brk'])
        stack = utils.ulong(mm['start_stack'])
        sigpage_ops = gdb.parse_and_eval('&sigpage_vm_ops')
        for vma in vmas(mm):
            start, end = utils.ulong(vma['vm_start']), utils.ulong(vma['vm_end'])
            flags = utils.ulong(vma['vm_flags'])
            f = vma['vm_file']
            name, ino, off, dev = '', 0, 0, 0
            if f:
                inode = f['f_inode']
                ino = utils.ulong(inode['i_ino'])
                dev = int(inode['i_sb']['s_dev'])
                name = file_path(f)
                off = utils.ulong(vma['vm_pgoff']) << utils.PAGE_SHIFT
            elif vma['vm_ops'] == sigpage_ops:
                name = '[sigpage]'     # sigpage_vm_ops.name's answer
            elif start <= brk and end >= start_brk:
                name = '[heap]'
            elif start <= stack <= end:
                name = '[stack]'
            perms = (f'{"r" if flags & 1 else "-"}{"w" if flags & 2 else "-"}'
                     f'{"x" if flags & 4 else "-"}{"s" if flags & 0x80 else "p"}')
            gdb.write(maps_line(start, end, perms, off, dev, ino, name))
        # the vectors page is in no VMA, but listed, as Linux lists its gate VMA
        gdb.write(maps_line(VECTORS_BASE, VECTORS_BASE + 4096, 'r-xp', 0, 0, 0, '[vectors]'))


VECTORS_BASE = 0xffff0000
MAPS_NAME_COLUMN = 49       # fs/proc.c: 25 + 6 * sizeof(void *)


MINORBITS = 20              # include/linux/fs.h: dev_t is major:12, minor:20


def maps_line(start, end, perms, off, dev, ino, name):
    """One line of /proc/PID/maps, as fs/proc.c's show_map_line prints it."""
    major, minor = dev >> MINORBITS, dev & ((1 << MINORBITS) - 1)
    line = f'{start:08x}-{end:08x} {perms} {off:08x} {major:02x}:{minor:02x} {ino} '
    return (line.ljust(MAPS_NAME_COLUMN) + name if name else line) + '\n'


def build_dir():
    """The build directory: where the kernel ELF gdb has loaded sits."""
    return os.path.dirname(os.path.abspath(gdb.objfiles()[0].filename))


class LxSymbolsUser(gdb.Command):
    """Load the symbols of the program a process runs (its build/ ELF).

lx-symbols-user PID
The program's file in the initramfs (/bin/NAME, /tests/NAME, /init) is
found from the VMA that maps its text; its ELF with debug information is
build/user/NAME, build/user/tests/NAME or build/user/init (the
initramfs holds copies without it). User programs are static and linked
where they run, so no offset is needed."""

    def __init__(self):
        super().__init__('lx-symbols-user', gdb.COMMAND_FILES)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        t = task_arg(arg, 'lx-symbols-user')
        exe = next((vma['vm_file'] for vma in vmas(t['mm'])
                    if vma['vm_file'] and utils.ulong(vma['vm_flags']) & 4), None)
        if exe is None:
            raise gdb.GdbError('lx-symbols-user: the process maps no program file')
        path = file_path(exe)
        rel = path.lstrip('/')
        elf = os.path.join(build_dir(), 'user', rel[4:] if rel.startswith('bin/') else rel)
        if not os.path.exists(elf):
            raise gdb.GdbError(f'lx-symbols-user: {elf} not found for {path}')
        for objfile in gdb.objfiles():
            if os.path.abspath(objfile.filename) == os.path.abspath(elf):
                gdb.write(f'{path}: symbols already loaded from {elf}\n')
                return
        gdb.execute(f'add-symbol-file {elf}', to_string=True)
        gdb.write(f'{path}: symbols loaded from {elf}\n')


class LxCurrent(gdb.Function):
    """The running task: $lx_current() is a struct task_struct *."""

    def __init__(self):
        super().__init__('lx_current')

    @utils.kernel_view
    def invoke(self):
        return current_task()


class LxTaskByPid(gdb.Function):
    """$lx_task_by_pid(PID): the struct task_struct * of that pid."""

    def __init__(self):
        super().__init__('lx_task_by_pid')

    @utils.kernel_view
    def invoke(self, pid):
        t = task_by_pid(int(pid))
        if t is None:
            raise gdb.GdbError(f'no task {int(pid)}')
        return t


class ContainerOf(gdb.Function):
    """$container_of(PTR, "TYPE", "MEMBER"): the TYPE * holding PTR at MEMBER."""

    def __init__(self):
        super().__init__('container_of')

    @utils.kernel_view
    def invoke(self, ptr, type_name, member):
        return utils.container_of(ptr, type_name.string(), member.string())


class LxPerCpu(gdb.Function):
    """$lx_per_cpu("EXPR", CPU): the CPU's element of a per-CPU array.

Pagoda has no per-CPU section: per-CPU data are arrays of NR_CPUS
elements inside their owners (zone->pcp[], kmem_cache->cpu_slab[]).
EXPR names such an array, e.g. "contig_page_data.node_zones[1].pcp" or
"kmalloc_caches[0][3]->cpu_slab"; CPU defaults to the current one."""

    def __init__(self):
        super().__init__('lx_per_cpu')

    @utils.kernel_view
    def invoke(self, expr, cpu=None):
        array = gdb.parse_and_eval(expr.string())
        if cpu is None:
            cpu = current_task()['stack']['cpu']
        n = int(cpu)
        if array.type.strip_typedefs().code != gdb.TYPE_CODE_ARRAY:
            raise gdb.GdbError(f'{expr.string()} is not a per-CPU array')
        high = array.type.strip_typedefs().range()[1]
        if not 0 <= n <= high:
            raise gdb.GdbError(f'cpu {n} out of range 0..{high}')
        return array[n]


LxPs()
LxVmas()
LxSymbolsUser()
LxCurrent()
LxTaskByPid()
ContainerOf()
LxPerCpu()
