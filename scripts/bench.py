#!/usr/bin/python3
"""Runs the kernel's benchmarks under QEMU with -icount shift=0 (one
virtual nanosecond per guest instruction, so every figure is an
instruction count that repeats exactly) and prints them with their
targets. `make bench` runs it; --mem and --qemu-args change the machine.
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


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--mem', default='1G')
    ap.add_argument('--image', default='build/Image')
    ap.add_argument('--filter', default='all')
    ap.add_argument('--timeout', type=int, default=300)
    args = ap.parse_args()
    cmd = ['qemu-system-arm', '-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', args.mem,
           '-nographic', '-no-reboot', '-icount', 'shift=0',
           '-kernel', args.image, '-append', 'bench=%s' % args.filter]
    print('$ ' + ' '.join(cmd))
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                              text=True, errors='replace', timeout=args.timeout)
        out = proc.stdout + proc.stderr
    except subprocess.TimeoutExpired:
        sys.exit('bench: QEMU timed out')
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


if __name__ == '__main__':
    main()
