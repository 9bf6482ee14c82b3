#!/usr/bin/python3
"""Runs the kernel's benchmarks under QEMU with -icount shift=0 (one
virtual nanosecond per guest instruction, so every figure is an
instruction count that repeats exactly) and prints them with their
targets: first the kernel's own (bench=all), then user/mmbench booted as
init, whose figures are set next to real Linux's on the same QEMU, then
user/pfbench (page faults from 1, 2 and 4 processes or threads at once)
with four CPUs, whose virtual clock then counts all CPUs' instructions.
`make bench` runs it; --mem changes the machine.
"""
import argparse
import re
import subprocess
import sys

TARGETS = {   # name: (most instructions per operation, what it is)
    'alloc_pages_order0': 150,
    'kmalloc_64': 100,
    'kmalloc_1024': 100,
}
MEMFREE_TARGET = 98.5   # percent of RAM free after boot

# mmbench (user/mmbench.c) on Debian's Linux 6.1.0-50-armmp under the same
# QEMU and -icount shift=0, measured 2026-11-23 with `make bench-linux`
# (scripts/linux_oracle.py --bench). The target is to cost no more.
LINUX_MMBENCH = {
    'demand_zero_fault': 4216,
    'mmap_touch_munmap_16p': 95299,
    'mprotect_split_merge': 8384,
    'fault_4000_vmas': 5986,
    'cow_fault': 5188,
    'fork_exit_wait_1p': 83666,
    'fork_exit_wait_4m': 522019,
}


# pfbench (user/pfbench.c, will-it-scale's page_fault1 and
# page_fault1_threads) on the same Linux with -smp 4 (booted with one
# CPU, the others brought online by init: scripts/linux_oracle.py),
# -m 512M and -icount shift=0,sleep=off, measured 2026-12-06 with `make
# bench-linux`: instructions per fault, all CPUs' together, the median of
# four runs (Linux's runs with threads differ by up to 0.3%). The
# targets: 4 processes cost at most 1.1 times what 1 does, 4 threads no
# more, relative to 1 thread, than on Linux.
LINUX_PFBENCH = {
    'page_fault1_processes_1': 4650.4,
    'page_fault1_processes_2': 4637.0,
    'page_fault1_processes_4': 4639.9,
    'page_fault1_threads_1': 4640.6,
    'page_fault1_threads_2': 4637.2,
    'page_fault1_threads_4': 4677.3,
}
PF_PROCESSES_RATIO = 1.1


# pfbench's machine (user/pfbench.c): 4 x 64 MiB all in lowmem, and a
# virtual clock that does not follow the host's while every CPU is idle
# (sleep=off), so that the four CPUs' runs repeat exactly.
PF_MEM = '512M'
PF_ICOUNT = 'shift=0,sleep=off'


def boot(args, cmdline, smp=1, mem=None, icount='shift=0'):
    """The console output of one -icount boot with @cmdline."""
    cmd = ['qemu-system-arm', '-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15',
           '-m', mem or args.mem, '-smp', str(smp), '-nographic', '-no-reboot',
           '-icount', icount, '-kernel', args.image,
           '-initrd', args.initrd, '-append', cmdline]
    print('$ ' + ' '.join(cmd))
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors='replace', timeout=args.timeout)
    except subprocess.TimeoutExpired:
        sys.exit('bench: QEMU timed out')
    return proc.stdout + proc.stderr


def user_benchmarks(args):
    """mmbench as init: faults, mmap, mprotect, COW and fork, next to Linux."""
    out = boot(args, 'init=/bin/mmbench')
    rows = re.findall(r'^mmbench: (\S+) ([\d.]+) ns/op', out, re.M)
    if 'mmbench: done' not in out or not rows:
        sys.stdout.write(out[-3000:])
        sys.exit('bench: mmbench did not finish')
    print('%-26s %14s %14s %8s' % ('mmbench (per operation)', 'instructions',
                                   'Linux 6.1', 'ratio'))
    missed = 0
    for name, ins in rows:
        ins = float(ins)
        linux = LINUX_MMBENCH.get(name)
        if linux is None:
            print('%-26s %14.1f' % (name, ins))
            continue
        ratio = ins / linux
        missed += ratio > 1
        print('%-26s %14.1f %14d %8.2f%s' % (name, ins, linux, ratio,
                                             '' if ratio <= 1 else '  MISSED'))
    return missed


def page_fault_benchmarks(args):
    """pfbench as init on four CPUs: instructions per fault with 1, 2 and 4
    tasks, each case's ratio to its 1-task figure, next to Linux's."""
    out = boot(args, 'init=/bin/pfbench', smp=4, mem=PF_MEM, icount=PF_ICOUNT)
    rows = dict(re.findall(r'^pfbench: (\S+) ([\d.]+) ns/op', out, re.M))
    if 'pfbench: done' not in out or not rows:
        sys.stdout.write(out[-3000:])
        sys.exit('bench: pfbench did not finish')
    print('%-30s %12s %8s %12s %8s' % ('pfbench, 4 CPUs, -m ' + PF_MEM, 'instructions',
                                      'x 1 task', 'Linux 6.1', 'x 1 task'))
    missed = 0
    for kind in ('processes', 'threads'):
        one = float(rows['page_fault1_%s_1' % kind])
        linux_one = LINUX_PFBENCH.get('page_fault1_%s_1' % kind)
        for n in (1, 2, 4):
            name = 'page_fault1_%s_%d' % (kind, n)
            ins, linux = float(rows[name]), LINUX_PFBENCH.get(name)
            ratio = ins / one
            linux_ratio = linux / linux_one if linux and linux_one else None
            mark = ''
            if n == 4:
                target = PF_PROCESSES_RATIO if kind == 'processes' else linux_ratio
                if target is not None:
                    missed += ratio > target
                    mark = '  target <= %.2f: %s' % (target,
                                                     'met' if ratio <= target else 'MISSED')
            print('%-30s %12.1f %8.2f %12s %8s%s' % (
                name, ins, ratio, '%.1f' % linux if linux else '-',
                '%.2f' % linux_ratio if linux_ratio else '-', mark))
    return missed


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--mem', default='1G')
    ap.add_argument('--image', default='build/Image')
    ap.add_argument('--initrd', default='build/initramfs.cpio')
    ap.add_argument('--filter', default='all')
    ap.add_argument('--timeout', type=int, default=300)
    args = ap.parse_args()
    out = boot(args, 'bench=%s' % args.filter)
    rows, done = [], False
    for line in out.splitlines():
        line = re.sub(r'^\[\s*\d+\.\d+\] ', '', line.strip())
        if line.startswith('bench: done'):
            done = True
        m = re.match(r'bench: MemFree (\d+) kB of (\d+) kB RAM \(([\d.]+)%\)', line)
        if m:
            pct = float(m.group(3))
            print('MemFree after boot at -m %s: %s kB of %s kB RAM = %.2f%% '
                  '(target >= %.1f%%: %s)' % (args.mem, m.group(1), m.group(2), pct,
                                             MEMFREE_TARGET,
                                             'met' if pct >= MEMFREE_TARGET else 'MISSED'))
        m = re.match(r'bench: (\S+)\s+(\d+)\s+([\d.]+)\s+(.*)', line)
        if m:
            rows.append((m.group(1), float(m.group(3)), m.group(4)))
    if not done:
        sys.stdout.write(out[-3000:])
        sys.exit('bench: the kernel did not finish its benchmarks')
    print('%-26s %14s %10s  %s' % ('benchmark', 'instructions', 'target', 'one operation'))
    for name, ins, what in sorted(rows):
        target = TARGETS.get(name)
        mark = '' if target is None else ('< %d %s' % (target, 'met' if ins < target else 'MISSED'))
        print('%-26s %14.1f %10s  %s' % (name, ins, mark, what))
    print()
    user_benchmarks(args)
    print()
    page_fault_benchmarks(args)


if __name__ == '__main__':
    main()
