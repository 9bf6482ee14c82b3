# SPDX-License-Identifier: GPL-2.0
"""Several CPUs and their locks: lx-cpus (each CPU's run queue, what it
runs, its ASID) and lx-lock EXPR (a spinlock, mutex or rw_semaphore
decoded: who holds it, who waits, in queue order). The lock words are
read as kernel/locking/ and asm/spinlock.h lay them out."""
import gdb

from pagoda import utils

# include/linux/mutex.h
MUTEX_FLAGS = 0x03
# include/linux/rwsem.h
RWSEM_WRITER_LOCKED, RWSEM_FLAG_WAITERS, RWSEM_READER_SHIFT = 0x01, 0x02, 8
# arch/arm/include/asm/mmu_context.h
ASID_MASK = 0xFF
TICK_LOCK_TRIES = 10    # HZ / 10: linux/smp_lock.h (a macro, not in the debug info)


def task_name(t):
    """PID and comm of a task_struct pointer, or "-" for none."""
    if not t:
        return '-'
    return f'{int(t["pid"])} {utils.c_string(t["comm"])}'


class LxCpus(gdb.Command):
    """Each CPU: online, the task it runs, its run queue and ASID.

lx-cpus

For every possible CPU, as kernel/sched.c's struct rq holds it: the
running task, how many tasks are queued (the running one included),
context switches so far, and the ASID the CPU runs with
(arch/arm/mm/context.c). Then each queued task, in queue order; last,
the line the shell's cpus ends with: how often CPU 0's tick put its
global work off for the big kernel lock (tick_lock_stats)."""

    def __init__(self):
        super().__init__('lx-cpus', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        nr_cpus = int(gdb.parse_and_eval('sizeof(runqueues) / sizeof(runqueues[0])'))
        online = utils.ulong(gdb.parse_and_eval('__cpu_online_mask.bits'))
        possible = utils.ulong(gdb.parse_and_eval('__cpu_possible_mask.bits'))
        gdb.write('CPU STATE    NR_RUNNING  SWITCHES  ASID  CURRENT\n')
        for cpu in range(nr_cpus):
            if not possible >> cpu & 1:
                continue
            rq = gdb.parse_and_eval(f'runqueues[{cpu}]')
            asid = utils.ulong(gdb.parse_and_eval(f'active_asids[{cpu}]')) & ASID_MASK
            state = 'online' if online >> cpu & 1 else 'offline'
            gdb.write(f'{cpu:3d} {state:<8} {int(rq["nr_running"]):10d} '
                      f'{int(rq["nr_switches"]):9d}  {asid:4d}  {task_name(rq["curr"])}\n')
            for t in utils.list_for_each_entry(rq['queue'], 'struct task_struct', 'run_list'):
                gdb.write(f'      queued: {task_name(t)}\n')
        stats = gdb.parse_and_eval('tick_lock_stats')
        gdb.write(f"big lock: CPU 0's tick put its work off {utils.ulong(stats['total'])} times, "
                  f"at most {int(stats['most'])} in a row; waited {utils.ulong(stats['waits'])} "
                  f"times (after {TICK_LOCK_TRIES})\n")


def describe_spinlock(lock):
    word = utils.ulong(lock['raw']['slock'])
    owner, nxt = word & 0xFFFF, word >> 16
    if owner == nxt:
        return ['spinlock: free']
    cpu = int(lock['owner_cpu']) - 1
    held = f'held on CPU {cpu}' if cpu >= 0 else 'held'
    return [f'spinlock: {held}, {(nxt - owner - 1) & 0xFFFF} waiting '
            f'(tickets: owner {owner}, next {nxt})']


def waiters(lock, waiter_type):
    return list(utils.list_for_each_entry(lock['wait_list'], waiter_type, 'list'))


def describe_mutex(lock):
    word = utils.ulong(lock['owner']['counter'])
    owner = word & ~MUTEX_FLAGS
    if not owner:
        return ['mutex: free']
    task = gdb.Value(owner).cast(utils.lookup_type('struct task_struct').pointer())
    lines = [f'mutex: held by {task_name(task)}']
    for w in waiters(lock, 'struct mutex_waiter'):
        lines.append(f'  waiting: {task_name(w["task"])}')
    return lines


def describe_rwsem(sem):
    count = utils.ulong(sem['count']['counter'])
    readers = count >> RWSEM_READER_SHIFT
    if count & RWSEM_WRITER_LOCKED:
        head = f'rw_semaphore: held for writing by {task_name(sem["owner"])}'
    elif readers:
        head = f'rw_semaphore: held for reading by {readers} reader' + \
               ('s' if readers > 1 else '')
    else:
        head = 'rw_semaphore: free'
    lines = [head]
    for w in waiters(sem, 'struct rwsem_waiter'):
        kind = 'write' if int(w['type']) else 'read'
        lines.append(f'  waiting to {kind}: {task_name(w["task"])}')
    return lines


class LxLock(gdb.Command):
    """Who holds a lock and who waits for it.

lx-lock EXPR

EXPR is a spinlock_t, struct mutex or struct rw_semaphore (or a
pointer to one), e.g. kernel_flag or $lx_task_by_pid(2)->mm->mmap_lock.
A spinlock shows its tickets and the holder's CPU; a mutex its owner
and its waiters in the order they will get it; an rw_semaphore its
readers or its writer, and each waiter with what it waits for."""

    def __init__(self):
        super().__init__('lx-lock', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        if not arg:
            raise gdb.GdbError('usage: lx-lock EXPR')
        lock = gdb.parse_and_eval(arg)
        if lock.type.strip_typedefs().code == gdb.TYPE_CODE_PTR:
            lock = lock.dereference()
        kind = str(lock.type.strip_typedefs())
        if kind == 'struct mutex':
            lines = describe_mutex(lock)
        elif kind == 'struct rw_semaphore':
            lines = describe_rwsem(lock)
        elif 'raw' in [f.name for f in lock.type.strip_typedefs().fields()]:
            lines = describe_spinlock(lock)
        else:
            raise gdb.GdbError(f'lx-lock: not a lock: {lock.type}')
        gdb.write('\n'.join(lines) + '\n')


LxCpus()
LxLock()
