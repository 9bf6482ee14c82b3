#!/usr/bin/python3
"""Runs Pagoda's tests; `make test` runs it after building.

Groups, in order: "parser" (the unittests in tests/scripts/test_ktap.py),
"host" (every build/host/test_* binary, its KTAP parsed), "fuzz" (each
libFuzzer target of tests/fuzz/ a few seconds, scripts/fuzz.py), "images"
(the boot, disk and SD card images, checked with the host's tools), "gdb"
(the gdb helpers against a booted kernel) and one QEMU boot
per entry of CONFIGS below, JOBS at a time, each with a hard timeout. Every
leaf KTAP result is a case, and so is each check made here (RAM banner,
expected output, QEMU exit status, crash, timeout, KTAP plan). Failed cases
are printed with their diagnostics, each run's console is saved as
build/test-logs/NAME.log, and the last line is "N passed, N failed" (plus
", N skipped" if any); the exit status is 0 only if nothing failed.

Options: --only NAME[,NAME] (parser, host, a host binary such as test_fdt,
or a configuration; "busybox", the scenarios of tests/busybox/ under
Debian's busybox, and "busybox-shell", a session at its sh, run only
when named so), --board B (virt, the default, or rpi2: the configs
whose boards name it; `make test BOARD=rpi2` passes it), --filter GLOB[,GLOB] (only the KTAP cases SUITE or
SUITE.CASE globs select: the kernel's in one boot, the host binaries' that
have some), --list (every SUITE.CASE, from a ktest=list boot and each host
binary's "list"), --junit FILE and --json FILE (reports for CI), --timeout
S, -v (echo console lines live), --build-dir DIR (where Image, host/ and
test-logs/ are; default build). PAGODA_QEMU in the environment replaces
the qemu-system-arm command, e.g. with a fake.

A QEMU run gets -semihosting-config enable=on: with "semihosting" on its
command line, a ktest= run ends QEMU with status 1 if a case failed.
"""
import argparse
import codecs
import concurrent.futures
import dataclasses
import difflib
import importlib.util
import os
import re
import select
import shlex
import signal
import subprocess
import sys
import threading
import time
import traceback
import unittest
from pathlib import Path

import ktap
import linux_oracle
from ktap import Case, FAIL, PASS, SKIP

ROOT = Path(__file__).resolve().parent.parent


@dataclasses.dataclass(frozen=True)
class Typed:
    """An input typed a while after the previous one, without waiting for a
    prompt: a key for a command that is still running (Ctrl-C, type-ahead)."""
    text: str
    after: float = 0.5        # seconds after the previous input
    enter: bool = False       # followed by Enter
    wait: str = ''            # ... and once this was printed since then


@dataclasses.dataclass(frozen=True)
class Break:
    """A BREAK condition on the serial line, sent as Typed input is (QEMU's
    monitor command chardev-send-break: the config needs monitor=True).
    Bytes typed before it may still be on their way when it comes: wait
    for what their reader prints."""
    after: float = 0.5
    wait: str = ''


@dataclasses.dataclass(frozen=True)
class Config:
    name: str
    mem: str                  # QEMU -m, checked against the RAM banner
    cmdline: str              # QEMU -append
    ktap: bool = True         # the run must print a complete KTAP document
    expect: tuple = ()        # regexes that some console line must match
    input: tuple = ()         # commands typed, each after the next prompt
    prompt: str = 'pagoda> '
    extra_args: tuple = ()    # more QEMU arguments
    user_golden: bool = False # compare /tests programs' output with Linux's
    user_skip: tuple = ()     # ... except these, whose output names the CPU
    user_only: tuple = ()     # ... only these (the kernel's usertests=A,B too)
    checks: tuple = ()        # functions(lines) -> [(name, ok, diagnostics)]
    status: int = 0           # QEMU's exit status ("semihosting": 1 if a case failed)
    crash: str = ''           # a regex: the run must crash (oops/panic) with such a line
    no_reboot: bool = True    # QEMU -no-reboot: a reset ends the run (False: as make run)
    qemu: tuple = ()          # QEMU arguments instead of virt's -kernel Image
                              # ones; {build}, {upstream_dtb} are filled in
    boards: tuple = ('virt',) # the --board runs that include it
    initrd: str = 'initramfs.cpio'  # in the build directory
    scenarios: bool = False   # compare tests/busybox/NAME.sh's sections with Linux's
    explicit: bool = False    # runs only when --only names it, never in make test
    monitor: bool = False     # QEMU's monitor on a socket (for Break inputs); the
                              # serial line is then stdio alone, every byte passed


# --- what a session's numbers must do -----------------------------------------

def _after(lines, command):
    """The console lines that follow each time @command was typed."""
    marks = [i for i, line in enumerate(lines) if line.rstrip().endswith('pagoda> ' + command)]
    return [lines[i + 1:] for i in marks]


def memfree_moves(lines):
    """MemFree drops by the 8 MiB memhog holds and comes back after kill."""
    values = []
    for rest in _after(lines, 'meminfo'):
        match = next((re.match(r'MemFree:\s+(\d+) kB', l) for l in rest
                      if l.startswith('MemFree:')), None)
        values.append(int(match.group(1)) if match else None)
    diag = [f'MemFree values (kB): {values}']
    if len(values) != 3 or None in values:
        return [('three meminfo outputs with MemFree', False, diag)]
    before, held, after = values
    # page tables, slabs and per-CPU lists may keep a few hundred kB
    return [('MemFree drops by at least 8 MiB while memhog 8M runs',
             before - held >= 8192, diag),
            ('MemFree comes back (within 1 MiB) after kill', after >= before - 1024, diag)]


def cow_frames(lines):
    """pte on the cowdemo page: one frame read-only in both, then two."""
    walks = []
    for rest in _after(lines, 'pte 3 40000000') + _after(lines, 'pte 4 40000000'):
        text = '\n'.join(rest[:12])
        frame = re.search(r'^  page  pfn (0x\w+) refcount (\d+) mapcount (\d+)', text, re.M)
        linux = re.search(r'^  pte   0x\w+ \(Linux view\): .*', text, re.M)
        walks.append((frame and frame.group(1), frame and int(frame.group(3)),
                       linux and 'read-only' in linux.group(0)))
    diag = [f'(pfn, mapcount, read-only) per pte command: {walks}']
    if len(walks) != 4 or None in [w[0] for w in walks]:
        return [('four pte walks of the cowdemo page', False, diag)]
    parent1, parent2, child1, child2 = walks
    return [('after fork: the same frame in both, read-only, mapcount 2',
             parent1[0] == child1[0] and parent1[2] and child1[2]
             and parent1[1] == 2 == child1[1], diag),
            ('after the child wrote: its own frame, writable; the parent\'s '
             'is only its own now (mapcount 1)',
             child2[0] != parent2[0] and not child2[2] and child2[1] == 1
             and parent2[0] == parent1[0] and parent2[1] == 1, diag)]


def slab_cache_appears(lines):
    """The first process creates the mm_struct and vm_area_struct caches."""
    outputs = [[l.split()[0] for l in rest[:80] if l and not l.startswith('#')]
               for rest in _after(lines, 'slabinfo')]
    if len(outputs) != 2:
        return [('two slabinfo outputs', False, [f'found {len(outputs)}'])]
    first, second = (set(o[:o.index('pagoda>')] if 'pagoda>' in o else o) for o in outputs)
    new = sorted(second - first)
    return [('slabinfo shows mm_struct and vm_area_struct once a program has run',
             {'mm_struct', 'vm_area_struct'} <= set(new),
             [f'caches new in the second slabinfo: {new}'])]


def _view_after(lines, command, occurrence):
    """The output of the @occurrence-th @command, up to the next prompt."""
    outputs = _after(lines, command)
    if occurrence >= len(outputs):
        return None
    rest = outputs[occurrence]
    end = next((i for i, l in enumerate(rest) if 'pagoda> ' in l), len(rest))
    return rest[:end]


def _memfree(view):
    match = next((re.match(r'MemFree:\s+(\d+) kB', l) for l in view if l.startswith('MemFree:')),
                 None)
    return int(match.group(1)) if match else None


def hostile_leaks(lines):
    """The second round of the hostile programs leaves what the first left:
    the kernel's exact counts (leakcheck: every slab cache's objects in
    use, free+slab pages) and MemFree are unchanged."""
    report = _view_after(lines, 'leakcheck', 0)
    mems = [_view_after(lines, 'meminfo', i) for i in (0, 1)]
    if report is None or None in mems:
        return [('leakcheck and meminfo after each round', False,
                 ['the session did not get that far'])]
    free1, free2 = (_memfree(v) for v in mems)
    return [('leakcheck: no slab object or page held after the second round',
             any(l.startswith('leakcheck: no difference') for l in report), report),
            ('MemFree after the second round equals the first\'s',
             free1 is not None and free1 == free2, [f'MemFree (kB): {free1} then {free2}'])]


def maps_shows_all(lines):
    """`maps 2` of a process with 2000 mappings prints every line."""
    view = _view_after(lines, 'maps 2', 0) or []
    rows = [l for l in view if re.match(r'^[0-9a-f]{8}-[0-9a-f]{8} ', l)]
    # the stack is the highest VMA; Linux lists the vectors page after it
    return [('maps of a process with 2000 mappings prints them all, [stack] then [vectors] last',
             len(rows) > 2000 and rows[-2].endswith('[stack]') and rows[-1].endswith('[vectors]'),
             [f'{len(rows)} lines; the last two: {rows[-2:]!r}'])]


def init_args_match(lines):
    """/bin/init as rdinit= got the argv and envp Linux gives it for the
    same words (tests/user/expected/init_args.out, linux_oracle.py --golden)."""
    path = ROOT / 'tests' / 'user' / 'expected' / 'init_args.out'
    want = path.read_text().splitlines()
    got = linux_oracle.init_lines('\n'.join(lines))
    return [('init\'s argv and envp are what Linux gives it', got == want,
             list(difflib.unified_diff(want, got, 'linux', 'pagoda', lineterm='')))]


def readme_boot_lines():
    """The boot transcript of README.md's "What you see at boot", as regexes:
    numbers may differ, "..." stands for any lines (or, inside a line, any text)."""
    text = (ROOT / 'README.md').read_text()
    block = text.split('## What you see at boot', 1)[1].split('\n\nEvery device', 1)[0]
    lines = [l[4:] for l in block.split('\n') if l.startswith('    ')]
    if lines and lines[-1] == 'pagoda>':
        lines.pop()     # the prompt: what follows it on the console is typed
    pats = []
    for line in lines:
        if line.strip() == '...':
            pats.append(None)
            continue
        parts = [re.sub(r'(?:0x)?[0-9a-f]*\d[0-9a-f]*', r'(?:0x)?[0-9a-f.]+', re.escape(p))
                 for p in line.split('...')]
        pats.append(re.compile('^' + '.*'.join(parts) + '$'))
    return pats


def readme_boot_matches(lines):
    """README's boot transcript appears in the boot output, in order."""
    pats, i = readme_boot_lines(), 0
    if not pats:
        return [("README's boot transcript found", False, ['no block in README.md'])]
    for pat in pats:
        if pat is None:
            continue
        while i < len(lines) and not pat.match(lines[i]):
            i += 1
        if i == len(lines):
            return [("README's boot transcript matches a real boot", False,
                     [f'no line (in order) matches {pat.pattern}'])]
        i += 1
    return [("README's boot transcript matches a real boot", True, ())]


# QEMU's watchdog model logs the two writes that power the Pi off, as it
# does for Linux's bcm2835_wdt (PM_RSTS, then PM_WDOG): not an error
GUEST_ERRORS_EXPECTED = ('bcm2835_powermgt_write: RSTS', 'bcm2835_powermgt_write: WDOG')


def guest_errors_args(name):
    """QEMU arguments that log guest errors and unimplemented accesses to a file."""
    return ('-d', 'guest_errors,unimp', '-D', f'build/test-logs/{name}-qemu.txt')


def no_guest_errors(name):
    """A check: QEMU's log of run @name (guest_errors_args) has nothing in
    it: no access to an unimplemented register, no bad descriptor, no
    write a real device would refuse."""
    def check(lines):
        del lines   # QEMU writes to its own file, not the console
        try:
            logged = (ROOT / 'build' / 'test-logs' / f'{name}-qemu.txt').read_text()
        except OSError as e:
            return [('QEMU wrote its guest-errors log', False, [str(e)])]
        found = [l for l in logged.splitlines()
                 if l.strip() and l.strip() not in GUEST_ERRORS_EXPECTED]
        return [('QEMU -d guest_errors,unimp reports nothing', not found, found[:40])]
    return check


def hostile_programs():
    """The adversarial suite: the programs of tests/user/LIST named hostile_*."""
    with open(ROOT / 'tests' / 'user' / 'LIST') as f:
        names = [line.split('#', 1)[0].strip() for line in f]
    return tuple(n for n in names if n.startswith('hostile_'))


def hostile_session():
    """Every hostile program twice, memory looked at after each round."""
    one_round = tuple(f'run /tests/{name}' for name in hostile_programs())
    return (('run /tests/hostile_procmaps hold &', 'sleep 0.5', 'maps 2', 'kill -9 2',
             'sleep 0.2') + one_round + ('leakcheck start', 'meminfo') + one_round +
            ('leakcheck', 'meminfo', 'slabinfo', 'version', 'poweroff'))


# Programs run while allocations fail at random (failslab=, fail_page_alloc=):
# ones that leave nothing behind in the root file system when killed midway,
# and that check every call (a program that ignores a failed pthread_create
# and joins the thread waits forever, rightly)
FAULT_PROGRAMS = ('fork_cow', 'mmap_basic', 'hostile_mm_perms', 'hostile_iov',
                  'hostile_exec_args', 'hostile_clone', 'hostile_wait', 'hostile_mm_wrap',
                  'hostile_munmap_pmd', 'proc_self', 'pipe_stress')


def fault_session():
    """Two rounds under fault injection, the leak check between them, then
    injection off and what is held."""
    one_round = tuple(f'run /tests/{name}' for name in FAULT_PROGRAMS)
    # a program killed under injection may leave a child that ends a
    # moment later: the snapshot waits for it, as the final count does
    return (('fault',) + one_round + ('sleep 0.5', 'leakcheck start') + one_round +
            ('fault failslab probability 0', 'fault fail_page_alloc probability 0',
             'sleep 0.5', 'fault', 'leakcheck', 'version', 'poweroff'))


def fault_clean(lines):
    """No oops, BUG or WARNING; failures were injected on both allocators;
    nothing held after the second round."""
    bad = [l for l in lines if re.search(r'Internal error|WARNING|BUG|Oops|Kernel panic', l)]
    counts = [l for l in lines if re.match(r'^(fail_page_alloc|failslab): .*\(\d+ calls seen, '
                                           r'[1-9]\d* failed\)$', l)]
    report = _view_after(lines, 'leakcheck', 0) or []
    return [('fault injection: no oops, BUG or WARNING on the console', not bad, bad[:10]),
            ('fault injection: both allocators had failures injected', len(counts) >= 2, counts),
            ('fault injection: leakcheck finds nothing held after the second round',
             any(l.startswith('leakcheck: no difference') for l in report), report)]


def no_ubsan_report(lines):
    """A UBSAN kernel's whole run: the sanitizer reports nothing."""
    found = [l for l in lines if 'UBSAN:' in l]
    return [('UBSAN: no undefined behaviour reported', not found, found[:10])]


def no_kasan_report(lines):
    """A KASAN kernel's whole run: no bad access reported."""
    found = [l for l in lines if 'KASAN:' in l]
    return [('KASAN: no bad access reported', not found, found[:10])]


# what lock debugging (make DEBUG_LOCKS=1, kernel/locking/lockdep.c) prints
LOCKDEP_REPORTS = ('WARNING: possible circular locking dependency detected',
                   'WARNING: possible recursive locking detected',
                   'WARNING: bad unlock balance detected!',
                   'WARNING: lock held when returning to user space!',
                   'BUG: spinlock ', 'INFO: trying to register non-static key',
                   'turning off the locking correctness validator')
# lockdep_test.c's planted misuse, by report
LOCKDEP_PLANTED = {'WARNING: possible circular locking dependency detected': 3,
                   'WARNING: possible recursive locking detected': 3,
                   'WARNING: bad unlock balance detected!': 1,
                   'WARNING: lock held when returning to user space!': 1,
                   'BUG: spinlock recursion': 1, 'BUG: spinlock already unlocked': 1}


def _lockdep_reports(lines):
    return [i for i, l in enumerate(lines) if any(r in l for r in LOCKDEP_REPORTS)]


def no_lockdep_report(lines):
    """A DEBUG_LOCKS kernel's whole run: no lock misuse, no possible deadlock."""
    found = [lines[i] for i in _lockdep_reports(lines)]
    return [('lockdep: no lock debugging report', not found, found[:10])]


def planted_lockdep_reports(lines):
    """The lockdep suite's planted misuse reported, each naming the suite's
    own locks (ld_test_*) in the lines that follow it, and nothing else."""
    found = _lockdep_reports(lines)
    counts = {r: sum(r in lines[i] for i in found) for r in LOCKDEP_PLANTED}
    foreign = [lines[i] for i in found
               if not any('ld_test' in l for l in lines[i + 1:i + 6])]
    return [('lockdep: the planted reports, each once', counts == LOCKDEP_PLANTED,
             [f'{n} x {r}' for r, n in counts.items()]),
            ('lockdep: no report about another lock',
             len(found) == sum(LOCKDEP_PLANTED.values()) and not foreign,
             [lines[i] for i in found][:10])]


def six_kasan_reports(lines):
    """The six planted bugs: six reports, no more (nothing else is wrong)."""
    found = [l for l in lines if 'BUG: KASAN:' in l]
    return [('KASAN: exactly the six planted bugs reported', len(found) == 6, found[:10])]


# make test's bounded run of the syscall fuzzer. `make fuzz-syscalls
# SEEDS=... SECONDS=N` sets PAGODA_SYSFUZZ_SEEDS and PAGODA_SYSFUZZ_SECONDS
# (each seed's share); PAGODA_SYSFUZZ_ARGS replays a batch instead, e.g.
# "0 0 29 trace": batch 29 alone, every call printed.
SYSFUZZ_SEEDS = tuple(int(s) for s in
                      os.environ.get('PAGODA_SYSFUZZ_SEEDS', '1 2 3 4 5 6').split())
SYSFUZZ_SECONDS = int(os.environ.get('PAGODA_SYSFUZZ_SECONDS', '0'))
SYSFUZZ_ARGS = os.environ.get('PAGODA_SYSFUZZ_ARGS',
                              f'0 {SYSFUZZ_SECONDS}' if SYSFUZZ_SECONDS else '12000')


def sysfuzz_session():
    """A warm-up run, a leakcheck snapshot, a few seeds, then what is held."""
    runs = tuple(f'run /bin/sysfuzz {seed} {SYSFUZZ_ARGS}' for seed in SYSFUZZ_SEEDS)
    return (('run /bin/sysfuzz 99 1000', 'sleep 0.5', 'leakcheck start', 'meminfo') + runs +
            ('sleep 0.5', 'ps', 'leakcheck', 'meminfo', 'version', 'poweroff'))


def sysfuzz_clean(lines):
    """The fuzzer's runs all end, the kernel never warns, and it holds
    nothing more afterwards than after the warm-up."""
    bad = [l for l in lines if re.search(r'Internal error|WARNING|BUG|Oops|Kernel panic', l)]
    done = [l for l in lines if re.match(r'^sysfuzz: seed \d+ done', l)]
    report = _view_after(lines, 'leakcheck', 0) or []
    return [('sysfuzz: no oops, BUG or WARNING on the console', not bad, bad[:10]),
            ('sysfuzz: every seed ran to its end', len(done) == len(SYSFUZZ_SEEDS) + 1, done),
            ('sysfuzz: leakcheck finds nothing held after the seeds',
             any(l.startswith('leakcheck: no difference') for l in report), report)]


UNDEF_RE = re.compile(r'thumb_undef\[\d+\]: killed by SIGILL \(\w+\) at (\w+), pc (\w+)')


def undef_pc_reported(lines):
    """thumb_undef's three undefined instructions (two Thumb, one ARM) each
    sit at a 16-byte boundary: the kernel's report must name them there."""
    found = [m.groups() for m in map(UNDEF_RE.search, lines) if m]
    return [('the kernel reports each of thumb_undef\'s three undefined '
             'instructions at its own address',
             len(found) == 3 and all(int(a, 16) % 16 == 0 and a == pc for a, pc in found),
             [f'(address, pc) reported: {found}'])]


def _random_bytes(n, seed=1):
    """n bytes, printable or not, the same every run: no CR or LF (which
    would run the garbage as commands) and no Ctrl-C (whose fresh prompt
    would let the next input in before the garbage has all been typed)."""
    state, out = seed, []
    for _ in range(n):
        state = (state * 1103515245 + 12345) & 0x7fffffff
        c = (state >> 16) & 0xff
        out.append(chr(c if c not in (3, 10, 13) else 32))
    return ''.join(out)


def _burst(n, seed, keep=None):
    """n random bytes (as latin-1 text), the same every run; with keep, a
    byte-to-bool function, the bytes it refuses become spaces."""
    import random
    data = random.Random(seed).randbytes(n)
    if keep:
        data = data.translate(bytes(c if keep(c) else 32 for c in range(256)))
    return data.decode('latin-1')


MIB = 1 << 20
# to the kernel shell: 64 KiB of any key but Enter and Ctrl-C (which end
# the line early), then 1 MiB of printable ones (mostly past the end of
# a line the editor stops echoing: the random part's cursor moves make
# each key echo up to a line's length, too slow for a whole MiB)
SHELL_BURST = _burst(64 << 10, 11, lambda c: c not in (3, 10, 13)) + \
    _burst(MIB, 14, lambda c: 32 <= c < 127)
# to busybox sh's line editing: printable only (a Ctrl-D would end the
# shell); 64 KiB, as sh echoes every key, past its line's end too
SH_BURST = _burst(64 << 10, 12, lambda c: 32 <= c < 127)
# to a program reading the terminal raw: every byte value
RAW_BURST = _burst(MIB, 13)


def booted_twice(lines):
    """reboot restarted the machine: a second boot reached the shell."""
    boots = sum(l.startswith('Pagoda shell.') for l in lines)
    return [('reboot restarts the machine (without -no-reboot, as make run): '
             'the shell comes up twice', boots == 2, [f'{boots} shell banners'])]



UBOOT_VIRT = '/usr/lib/u-boot/qemu_arm/u-boot.bin'   # Debian's u-boot-qemu
UBOOT_RPI2 = '/usr/lib/u-boot/rpi_2/u-boot.bin'      # Debian's u-boot-rpi
RASPI2B = ('-M', 'raspi2b', '-nographic', '-no-reboot')


def upstream_rpi2_dtb(build):
    """Linux's own bcm2836-rpi-2-b.dtb, from the cached Debian kernel."""
    found = sorted((build / 'linux-oracle' / 'root' / 'usr' / 'lib').glob(
        'linux-image-*/bcm2836-rpi-2-b.dtb'))
    return found[-1] if found else build / 'linux-oracle' / 'bcm2836-rpi-2-b.dtb'


# Boards and loaders (boot/, docs/flash.md): the default run has U-Boot on
# virt and two short Pi boots; `make test BOARD=rpi2` has every Pi boot;
# `make test-boards` runs all of them and netboot.
BOARD_CONFIGS = [
    # U-Boot as the firmware: distro boot finds boot.scr on a virtio disk,
    # which loads the FIT and starts it with bootm and QEMU's device tree
    Config('uboot-virt', '1G', '',
           qemu=('-M', 'virt', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-nic', 'none', '-bios', UBOOT_VIRT,
                 '-drive', 'if=none,format=raw,id=disk,snapshot=on,file={build}/test/uboot-virt/disk.img',
                 '-device', 'virtio-blk-device,drive=disk'),
           expect=(r'Found U-Boot script /boot.scr', r"Trying 'kernel' kernel subimage",
                   r'Kernel command line: ktest=all panic=-1',
                   r'OF: fdt: Machine model: linux,dummy-virt')),
    # U-Boot with no disk: DHCP and TFTP from QEMU's user network
    # (`make test-boards` runs it with every other board config)
    Config('uboot-netboot', '1G', '',
           qemu=('-M', 'virt', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-bios', UBOOT_VIRT,
                 '-netdev', 'user,id=net0,tftp={build}/test/tftp',
                 '-device', 'virtio-net-device,netdev=net0'),
           expect=(r'DHCP client bound to address', r"Filename 'boot.scr.uimg'",
                   r"Filename 'pagoda.itb'", r'Kernel command line: ktest=all panic=-1'),
           boards=()),
    # the legacy uImage, by hand at U-Boot's prompt (autoboot stopped)
    Config('uboot-uimage', '1G', '', prompt='=> ',
           qemu=('-M', 'virt', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-nic', 'none', '-bios', UBOOT_VIRT,
                 '-drive', 'if=none,format=raw,id=disk,snapshot=on,file={build}/test/uboot-virt/disk.img',
                 '-device', 'virtio-blk-device,drive=disk'),
           input=(Typed(' ', 0.3), 'virtio scan',
                  'load virtio 0:1 ${ramdisk_addr_r} initramfs.cpio',
                  'setenv initrd_size ${filesize}',
                  'load virtio 0:1 ${kernel_addr_r} uImage',
                  'setenv bootargs ktest=all panic=-1',
                  'bootm ${kernel_addr_r} ${ramdisk_addr_r}:${initrd_size} ${fdtcontroladdr}'),
           expect=(r'Image Type:\s+ARM Linux Kernel Image \(no loading done\)',
                   r'Kernel command line: ktest=all panic=-1'),
           boards=()),
    # the Pi with Linux's device tree, loaded as QEMU loads Linux (0x10000)
    Config('rpi2-upstream-dtb', '960M', 'ktest=all panic=-1',
           qemu=RASPI2B + ('-kernel', '{build}/rpi2/kernel7.img', '-dtb', '{upstream_dtb}',
                           '-initrd', '{build}/initramfs.cpio'),
           expect=(r'OF: fdt: Machine model: Raspberry Pi 2 Model B',
                   r'bcm2836-l1: local interrupt controller at 0x40000000',
                   r'bcm2835-armctrl: at 0x3f00b200, chained to irq 8',
                   r'ttyAMA0: PL011 at MMIO 0x3f201000'),
           boards=('virt', 'rpi2')),
    # loaded at 0x8000 as the Pi's firmware does, with no device tree: the
    # built-in one; the console's input comes by interrupt
    Config('rpi2-bios', '960M', '', ktap=False,
           qemu=RASPI2B + ('-bios', '{build}/rpi2/kernel7.img'),
           expect=(r'OF: fdt: the loader passed none: using the one built in',
                   r'^ktest: \d+ passed, 0 failed, \d+ skipped', r'reboot: Power down'),
           input=('test fdt', 'poweroff'),
           boards=('virt', 'rpi2')),
    # Debian's U-Boot for the Pi 2 from an SD card: bootz with kernel7.img,
    # the initramfs and dts/rpi2.dtb. QEMU would start all four cores in
    # U-Boot at a -bios image; here, as the Pi's firmware, only core 0 is
    # (boot/rpi2-armstub.S parks the others)
    Config('rpi2-uboot', '960M', '',
           qemu=RASPI2B + ('-device', 'loader,file={build}/rpi2/armstub.bin,addr=0,force-raw=on',
                           '-device', f'loader,file={UBOOT_RPI2},addr=0x8000,force-raw=on',
                           '-device', 'loader,addr=0x8000,cpu-num=0',
                           '-drive', 'if=sd,format=raw,file={build}/test/uboot-rpi2/disk.img'),
           expect=(r'RPI 2 Model B', r'Found U-Boot script /boot.scr',
                   r'Kernel command line: ktest=all panic=-1',
                   r'OF: fdt: Machine model: Raspberry Pi 2 Model B'),
           boards=('rpi2',)),
    # a loader that put the kernel 128 MiB up: PHYS_OFFSET is 0x08000000
    # and the RAM below it cannot be mapped, as on Linux (QEMU's generic
    # loader; the other cores wait in boot/rpi2-armstub.S)
    Config('rpi2-high-load', '832M', '', ktap=False,
           qemu=RASPI2B + ('-device', 'loader,file={build}/rpi2/armstub.bin,addr=0,force-raw=on',
                           '-device', 'loader,file={build}/rpi2/kernel7.img,addr=0x08010000,'
                           'force-raw=on', '-device', 'loader,addr=0x08010000,cpu-num=0'),
           expect=(r'Ignoring memory below PHYS_OFFSET: 0x00000000-0x07ffffff',
                   r'Normal   \[mem 0x0000000008000000-0x0000000037ffffff\]',
                   r'^ktest: \d+ passed, 0 failed, \d+ skipped', r'reboot: Power down'),
           # the memory suites (cacheflush wants an initramfs: there is none)
           input=('test buddy exceptions fork highmem meminfo memmap pgtable slub tlb '
                  'uaccess vma vmalloc', 'poweroff'), boards=('rpi2',)),
    # every suite with QEMU reporting what real hardware would refuse
    Config('rpi2-guest-errors', '960M', 'ktest=all panic=-1',
           qemu=RASPI2B + ('-kernel', '{build}/rpi2/kernel7.img', '-dtb', '{build}/dts/rpi2.dtb',
                           '-initrd', '{build}/initramfs.cpio',
                           *guest_errors_args('rpi2-guest-errors')),
           checks=(no_guest_errors('rpi2-guest-errors'),), boards=('rpi2',)),
    # every user test on the Pi's Cortex-A7, against the goldens recorded on
    # virt: the same answers, except auxv_hwcap's /proc/cpuinfo, which names
    # the CPU (cpuinfo-a7 checks the Cortex-A7's text against Linux's)
    Config('rpi2-usertests', '960M', 'usertests panic=-1', ktap=False, user_golden=True,
           user_skip=('auxv_hwcap',),
           qemu=RASPI2B + ('-kernel', '{build}/rpi2/kernel7.img', '-dtb', '{build}/dts/rpi2.dtb',
                           '-initrd', '{build}/initramfs.cpio'),
           boards=('rpi2',)),
    # our device tree, loaded by QEMU
    Config('rpi2-kernel', '960M', 'ktest=all panic=-1',
           qemu=RASPI2B + ('-kernel', '{build}/rpi2/kernel7.img', '-dtb', '{build}/dts/rpi2.dtb',
                           '-initrd', '{build}/initramfs.cpio'),
           expect=(r'OF: fdt: Machine model: Raspberry Pi 2 Model B',),
           boards=('rpi2',)),
]

SMP4 = ('-smp', '4')

# the user programs that change mappings under threads or children
# running on other CPUs (usertests-smp4-tlb-ipi)
TLB_IPI_USERTESTS = ('mmap_basic', 'mprotect', 'fork_cow', 'threads', 'glibc_threads',
                     'vfs_truncate_mapped', 'hostile_munmap_pmd', 'smp_sched', 'smp_fault',
                     'vfp_migrate')


def no_warnings(lines):
    """Nothing on the console says the kernel went wrong."""
    bad = [l for l in lines if re.search(r'Internal error|WARNING|BUG|Oops|Kernel panic', l)]
    return [('no oops, BUG or WARNING on the console', not bad, bad[:10])]

CONFIGS = [
    Config('virt-1G', '1G', 'ktest=all semihosting panic=-1'),
    Config('virt-128M', '128M', 'ktest=all semihosting panic=-1'),
    Config('virt-64M', '64M', 'ktest=all semihosting panic=-1'),
    Config('virt-2G', '2G', 'ktest=all semihosting panic=-1'),
    Config('virt-3G', '3G', 'ktest=all semihosting panic=-1'),
    Config('vmalloc-120M', '1G', 'vmalloc=120M ktest=meminfo,highmem semihosting panic=-1',
           expect=(r'lowmem   : 0xc0000000 - 0xf7800000   \( 888 MB\)',
                   r'HighMem  \[mem 0x0000000077800000-0x000000007fffffff\]')),
    Config('mem-limit', '1G', 'mem=256M ktest=meminfo,buddy semihosting panic=-1',
           expect=(r'Memory: limited to 256 MiB by mem=',
                   r'Normal   \[mem 0x0000000040000000-0x000000004fffffff\]')),
    Config('mem-5G', '5G', 'ktest=meminfo semihosting panic=-1',
           expect=(r'Memory: truncating 0x40000000-0x17fffffff to 0x40000000-0xffffffff: '
                   r'the 2048 MiB above 4 GiB need LPAE',
                   r'HighMem  \[mem 0x0000000070000000-0x00000000ffffffff\]')),
    Config('dma-zone', '1G', 'dma_zone=16M ktest=buddy,meminfo,slub semihosting panic=-1',
           expect=(r'DMA      \[mem 0x0000000040000000-0x0000000040ffffff\]',)),
    Config('slub-debug', '128M', 'slub_debug=FZPU ktest=slub,buddy,meminfo semihosting panic=-1',
           expect=(r'SLUB: debugging flags 0x10d00 for all caches',)),
    # hardening: every page and slab object zeroed on allocation and on free
    Config('init-on', '256M', 'init_on_alloc=1 init_on_free=1 ktest=slub,buddy,vfs,fork,mremap '
           'semihosting panic=-1', expect=(r'^\s*ok \d+ init_on_free_and_alloc$',)),
    Config('bad-param', '1G', 'mem=12Q bogus_param=1 ktest=cmdline semihosting panic=-1',
           expect=(r"bad value 'mem=12Q'",
                   r'Unknown kernel command line parameters "bogus_param=1"')),
    # a boot-time run with a failed result ends QEMU with status 1, through
    # semihosting; a filter entry that matches nothing is such a failure,
    # and a SUITE.CASE glob runs just the cases it matches
    Config('ktest-exit-status', '128M',
           'ktest=no_such_suite,cmdline.kstrtol_* semihosting panic=-1', ktap=False, status=1,
           expect=(r'^1\.\.2$', r'^    1\.\.1$', r'^    ok 1 kstrtol_strict$', r'^ok 1 cmdline$',
                   r"^# no test suite or case matches 'no_such_suite'$",
                   r'^not ok 2 no_such_suite$')),
    Config('usertests', '1G', 'usertests panic=-1', ktap=False, user_golden=True,
           checks=(undef_pc_reported,)),
    Config('usertests-3G', '3G', 'usertests panic=-1', ktap=False, user_golden=True),
    # another core: HWCAP and /proc/cpuinfo as Debian's Linux shows them
    # on QEMU's cortex-a7 (the later -cpu wins)
    Config('cpuinfo-a7', '256M', 'init=/tests/auxv_hwcap panic=-1', ktap=False,
           extra_args=('-cpu', 'cortex-a7'),
           expect=(r'^AT_HWCAP: 0x3fb8d6$', r'^AT_PLATFORM: v7l$',
                   r'^model name\s+: ARMv7 Processor rev 5 \(v7l\)$',
                   r'^Features\s+: half thumb fastmult vfp edsp thumbee neon vfpv3 tls '
                   r'vfpv4 idiva idivt vfpd32 lpae evtstrm $',
                   r'^CPU variant\s+: 0x0$', r'^CPU part\s+: 0xc07$', r'^CPU revision\s+: 5$',
                   r'init exited with status 0')),
    # the initramfs's init named by rdinit=, given the words of the command
    # line the kernel does not know, as Linux gives them
    Config('init-args', '256M', 'panic=-1 ' + linux_oracle.INIT_ARGS_LINE, ktap=False,
           checks=(init_args_match,), expect=(r'init exited with status 0',)),
    # no -append at all: no bootargs; every suite passes from the shell,
    # with a user process alive (the shell then runs on a borrowed mm)
    Config('shell', '1G', '', ktap=False,
           expect=(r'Pagoda version', r'poweroff', r'\[2\] /bin/memhog',
                   r'^ktest: \d+ passed, 0 failed, \d+ skipped'),
           checks=(readme_boot_matches,),
           input=('version', 'help', 'run /bin/memhog 64K &', 'sleep 0.3', 'test',
                  'poweroff')),
    # a person at the shell: a program in the foreground, one in the
    # background looked at through ps, maps, status, ptdump and pte, killed
    Config('shell-tasks', '1G', 'panic=-1', ktap=False,
           expect=(r'^hello from PID 2',
                   r'^\[3\] /bin/memhog',
                   r'^\s+3\s+1 S\s+\d+\s+\d+\s+\d+ memhog',
                   r'^00010000-000\w+ r-xp 00000000 00:01 \d+\s+/bin/memhog',
                   r'^be\w+-bf000000 rw-p 00000000 00:00 0\s+\[stack\]',
                   r'^VmRSS:\s+\d+ kB',
                   r'^0x00010000-0x\w+\s+\d+K\s+ro x  USR',
                   r'^  pte   0x\w+ \(Linux view\): pfn 0x\w+ present young clean '
                   r'read-only user exec',
                   r'^  page  pfn 0x\w+ refcount \d+ mapcount 1',
                   r'^\[3\] killed by SIGKILL',
                   r'^pte: no user process 3',
                   # typed while cowdemo ran, and not a byte of it lost
                   r'^pagoda> version$', r'^Pagoda version .* ARMv7-A$',
                   r'^sleep: interrupted', r'^after the sleep$'),
           input=('run /bin/hello', 'run /bin/memhog 64K &', 'sleep 0.3', 'ps', 'maps 3',
                  'status 3', 'ptdump 3', 'pte 3 10000', 'kill -9 3', 'sleep 0.3', 'ps',
                  'pte 3 10000', 'run /bin/cowdemo 1', Typed('version', 0.3, True),
                  'sleep 30', Typed('\x03'), 'echo after the sleep', 'poweroff')),
    # out of memory: one request larger than RAM is refused (overcommit
    # heuristic); touching more than is free kills the toucher with SIGKILL
    # and Linux's log line, never a SIGSEGV; the next program runs. 98% of
    # MemTotal is under what the heuristic allows and over what is free,
    # however the kernel and the initramfs grow.
    Config('oom-kill', '128M', 'panic=-1', ktap=False,
           expect=(r'^memhog: mmap 200M: ENOMEM',
                   r'Out of memory: Killed process 3 \(memhog\) total-vm:\d+kB, '
                   r'anon-rss:\d+kB, file-rss:\d+kB, shmem-rss:0kB, UID:0 pgtables:\d+kB '
                   r'oom_score_adj:0',
                   r'^\[3\] killed by SIGKILL',
                   r'^hello from PID 4'),
           input=('run /bin/memhog 200M', 'run /bin/memhog 98%', 'run /bin/hello',
                  'poweroff')),
    # the numbers move as they must; a long line and garbage do no harm
    Config('shell-memory', '1G', 'panic=-1', ktap=False,
           expect=(r'memhog: holding 8M',   # background output may follow a prompt
                   r'^00010000-000\w+ r-xp .*/bin/memhog',
                   r'^\w+-\w+ rw-p 00000000 00:00 0\s+\[heap\]',
                   r'^\w+-bf000000 rw-p 00000000 00:00 0\s+\[stack\]',
                   r'^kmalloc\(100\) = \w+ \(128 usable bytes\)',
                   r'^kfree: 0xc0000000 was not allocated with kmalloc here; refused',
                   r'^alloc_pages\(GFP_KERNEL, 2\) = \w+: pfn 0x\w+, 16 KiB',
                   r'^free: 0x1234 was not allocated with alloc here; refused',
                   r'^  \w+  kmalloc\(100\), 128 usable',
                   r'^  \w+  alloc_pages\(order 2\), pfn 0x\w+',
                   r'^ktest: \d+ passed, 0 failed, \d+ skipped',
                   r'^Normal  pfns 0x40000-0x6ffff \(768 MiB\), 64 pages per character',
                   r'^pages: free \d+ K \d+ R \d+ S \d+ P \d+ U \d+ A \d+',
                   r'^shell: line longer than 4095 bytes, ignored',
                   r'cowdemo: child 4 wrote its page',
                   r'cowdemo: the parent still reads .P.; child exit status 0',
                   r'^Pagoda version .* ARMv7-A$'),
           checks=(memfree_moves, cow_frames, slab_cache_appears),
           input=('slabinfo', 'meminfo', 'run /bin/memhog 8M &', 'sleep 0.5', 'meminfo',
                  'slabinfo', 'maps 2',
                  'kill -9 2', 'sleep 0.3', 'meminfo',
                  'kmalloc 100', 'kfree c0000000', 'alloc 2', 'free 1234', 'alloc',
                  'test cmdline', 'memmap',
                  # cowdemo's steps are 3 s: the first walks come at ~0.5 s,
                  # the second after the child's write at 3 s, before its exit at 6 s
                  'run /bin/cowdemo 3 &', 'sleep 0.5', 'pte 3 40000000', 'pte 4 40000000',
                  'sleep 3', 'pte 3 40000000', 'pte 4 40000000', 'sleep 3.5',
                  'x' * 10240, _random_bytes(65536), 'version', 'poweroff')),
    # the serial line abused: 1 MiB of random bytes at the prompt (a line
    # far too long, refused at Enter) with a command typed right after it,
    # then a BREAK (a NUL byte, which the line editor drops) and another
    # command: nothing typed after either is lost
    Config('serial-shell', '256M', 'panic=-1', ktap=False, monitor=True,
           expect=(r'^shell: line longer than 4095 bytes, ignored$', r'^after the burst$',
                   r'^after the break$', r'^Pagoda version .* ARMv7-A$'),
           input=('version', Typed(SHELL_BURST + '\recho after the "burst"', 0.2, True),
                  Typed('version', 0, True, wait='after the burst'), Break(0.5),
                  Typed('echo after the break', 0.5, True),
                  'version', 'poweroff')),
    # a newcomer's mistakes get help; programs by name; the files; reboot
    Config('shell-newcomer', '256M', 'panic=-1', ktap=False, no_reboot=False,
           checks=(booted_twice,),
           expect=(r"^verison: command not found; did you mean 'version'\?$",
                   r"^hlep: command not found; did you mean 'help'\?$",
                   r"^xyzzy: command not found \('help' lists the commands\)$",
                   r'^usage: uptime   \(it takes no arguments\)$',
                   r'^usage: maps PID$', r'^usage: kill \[-SIG\] PID',
                   r'^usage: help \[COMMAND\]$', r'^usage: run PROGRAM',
                   r'^hello from PID 2$', r'^argv\[0\] = "/bin/hello"$',
                   r'^sysinfo: start$', r'^run: nosuch: not found in /bin or /tests',
                   r'^ +\d+  bin/$', r'^ +\d+  hello$', r'^ +\d+  self@$', r'^ +0  1/$',
                   r'^ls: /nonexistent: No such file or directory$',
                   r'^MemTotal: +\d+ kB$', r'^Name: +init$',
                   r'^cat: /bin: Is a directory$', r'^cat: /nope: No such file or directory$',
                   r'^reboot: Restarting system$'),
           input=('verison', 'hlep', 'xyzzy', 'uptime now', 'maps', 'kill', 'help a b',
                  'run', 'run hello', 'run nosuch', 'run sysinfo', 'ls', 'ls /bin',
                  'ls /proc', 'ls /nonexistent', 'cat /proc/meminfo', 'cat /proc/1/status',
                  'cat /bin', 'cat /nope', 'reboot', 'poweroff')),
    # words as sh splits them: quotes and backslashes, for run and the rest
    Config('shell-quotes', '256M', 'panic=-1', ktap=False,
           expect=(r'^argv\[1\] = "a b"$', r'^argv\[2\] = "c d"$', r'^argv\[3\] = "e f"$',
                   r'^argv\[4\] = ""$', r'^argv\[5\] = "g\\h\$i"$',
                   r'^x  y z$', r'^shell: unterminated quote or trailing backslash$',
                   r'^Pagoda version .* ARMv7-A$'),
           input=('run /bin/hello "a b" c\\ d \'e f\' "" "g\\h\\$i"', 'echo "x  y" z',
                  'echo "open', 'version', 'poweroff')),
    # every suite with QEMU logging guest errors and unimplemented device
    # accesses: what QEMU forgives and a board would not
    Config('guest-errors', '1G', 'ktest=all semihosting panic=-1',
           extra_args=guest_errors_args('guest-errors'),
           checks=(no_guest_errors('guest-errors'),)),
    # the adversarial suite twice over: no hang, no leak, the shell answers
    Config('hostile', '1G', 'panic=-1', ktap=False,
           expect=(r'hostile_procmaps: holding 2000 mappings',
                   r'^\[2\] killed by SIGKILL',
                   r'^Pagoda version .* ARMv7-A$'),
           checks=(maps_shows_all, hostile_leaks), input=hostile_session()),
    # the kernel built with UBSAN=1 (make ubsan-image): every suite, and no
    # report; then a planted shift past a type's width is reported, and the
    # kernel goes on
    Config('ubsan', '1G', 'ktest=all semihosting panic=-1',
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-semihosting-config', 'enable=on,target=native',
                 '-kernel', '{build}/ubsan/Image', '-initrd', '{build}/initramfs.cpio'),
           checks=(no_ubsan_report,)),
    Config('ubsan-usertests', '1G', 'usertests panic=-1', ktap=False, user_golden=True,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/ubsan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           checks=(no_ubsan_report,)),
    Config('ubsan-planted', '256M', 'panic=-1', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '256M', '-nographic',
                 '-no-reboot', '-kernel', '{build}/ubsan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^UBSAN: shift-out-of-bounds in kernel/crash\.c:\d+:\d+$',
                   r"^shift exponent 40 is too large for 32-bit type 'unsigned int'$",
                   r'^Pagoda version .* ARMv7-A$'),
           input=('crash ubsan', 'version', 'poweroff')),
    # the kernel built with KASAN=1 (make kasan-image): every suite and the
    # user programs without a report; then planted bugs (crash kasan-*):
    # a slab overrun, a slab and a page use-after-free, a vmalloc overrun,
    # a double kfree, a user copy past an object, each reported as Linux
    # words it, and the kernel goes on
    Config('kasan', '1G', 'ktest=all semihosting panic=-1',
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-semihosting-config', 'enable=on,target=native',
                 '-kernel', '{build}/kasan/Image', '-initrd', '{build}/initramfs.cpio'),
           checks=(no_kasan_report,)),
    Config('kasan-usertests', '1G', 'usertests panic=-1', ktap=False, user_golden=True,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/kasan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           checks=(no_kasan_report,)),
    Config('kasan-planted', '1G', 'panic=-1 kasan_multi_shot', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/kasan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^kasan: KernelAddressSanitizer initialized',
                   r'^BUG: KASAN: slab-out-of-bounds in crash_kasan_slab_oob\+0x\w+/0x\w+$',
                   r'^Write of size 1 at addr [0-9a-f]{8} by task \S+/\d+$',
                   r'^ which belongs to the cache kmalloc-16 of size 16$',
                   r'^The buggy address is located 0 bytes to the right of$',
                   r'^ allocated 10-byte region \[[0-9a-f]{8}, [0-9a-f]{8}\)$',
                   r'^BUG: KASAN: use-after-free in crash_kasan_slab_uaf\+0x\w+/0x\w+$',
                   r'^ freed 64-byte region \[[0-9a-f]{8}, [0-9a-f]{8}\)$',
                   r'^Allocated by task \d+:$', r'^Freed by task \d+:$',
                   r'^ crash_kasan_slab_uaf\+0x\w+/0x\w+$',
                   r'^BUG: KASAN: vmalloc-out-of-bounds in crash_kasan_vmalloc_oob\+0x\w+/0x\w+$',
                   r'^BUG: KASAN: use-after-free in crash_kasan_page_uaf\+0x\w+/0x\w+$',
                   r'^BUG: KASAN: double-free in crash_kasan_double_free\+0x\w+/0x\w+$',
                   r'^BUG: KASAN: slab-out-of-bounds in crash_kasan_user_copy\+0x\w+/0x\w+$',
                   r'^Write of size 16 at addr [0-9a-f]{8} by task \S+/\d+$',
                   r'^Free of addr [0-9a-f]{8} by task \S+/\d+$',
                   r'^Read of size 1 at addr [0-9a-f]{8} by task \S+/\d+$',
                   r'^Memory state around the buggy address:$',
                   r'^>[0-9a-f]{8}: 00 00 00 00 00 00 00 00 00 00 00 00 04 f8 f8 f8$',
                   r'^Pagoda version .* ARMv7-A$'),
           checks=(six_kasan_reports,),
           input=('crash kasan-slab-oob', 'crash kasan-slab-uaf', 'crash kasan-vmalloc-oob',
                  'crash kasan-page-uaf', 'crash kasan-double-free', 'crash kasan-user-copy',
                  'version', 'poweroff')),
    # the syscall fuzzer on the KASAN kernel (it found a use-after-free in
    # kernel_clone): no report, no oops, nothing held
    Config('kasan-sysfuzz', '1G', 'panic=-1', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/kasan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^Pagoda version .* ARMv7-A$',),
           checks=(sysfuzz_clean, no_kasan_report), input=sysfuzz_session()),
    # the adversarial suite twice and the error paths of fault injection
    # on the KASAN kernel: no report, and the usual checks
    Config('kasan-hostile', '1G', 'panic=-1', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/kasan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'hostile_procmaps: holding 2000 mappings',
                   r'^\[2\] killed by SIGKILL',
                   r'^Pagoda version .* ARMv7-A$'),
           checks=(maps_shows_all, hostile_leaks, no_kasan_report), input=hostile_session()),
    Config('kasan-fault-inject', '1G',
           'failslab=1,5,0,-1 fail_page_alloc=1,5,0,-1 panic=-1 kasan_multi_shot',
           ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-no-reboot', '-kernel', '{build}/kasan/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^Pagoda version .* ARMv7-A$',),
           checks=(fault_clean, no_kasan_report), input=fault_session()),
    # the kernel built with DEBUG_LOCKS=1 (make debug-locks-image), four
    # CPUs: every suite, lockdep's planted misuse among them reported as
    # Linux words it and nothing else; the user programs, a shell session
    # (with /proc/lockdep) and the syscall fuzzer without a report
    Config('lockdep', '1G', 'ktest=all semihosting panic=-1',
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-smp', '4', '-no-reboot', '-semihosting-config', 'enable=on,target=native',
                 '-kernel', '{build}/debug-locks/Image', '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^WARNING: possible circular locking dependency detected$',
                   r'^init/1 on CPU#0 is trying to acquire lock:$',
                   r'^\w{8} \(ld_test_a\), at: inversion_ab\+0x\w+/0x\w+$',
                   r'^but task is already holding lock:$',
                   r'^\w{8} \(ld_test_b\), at: inversion_ab\+0x\w+/0x\w+$',
                   r'^-> #0 \(ld_test_b\) taken under \(ld_test_a\), first at:$',
                   r'^ +inversion_ab\+0x\w+/0x\w+$',
                   r'^-> #0 \(ld_test_zone_lock\) taken under \(ld_test_list_lock\), first at:$',
                   r'^-> #1 \(ld_test_list_lock\) taken under \(ld_test_ptl\), first at:$',
                   r'^-> #0 \(ld_test_mutex\) taken under \(ld_test_mmap_lock\), first at:$',
                   r'^ \*\*\* DEADLOCK \*\*\*$',
                   r'^WARNING: possible recursive locking detected$',
                   r'^\w{8} \(&p->ld_test_lock\), at: same_class_nesting\+0x\w+/0x\w+$',
                   r'^ May be due to missing lock nesting notation$',
                   r'^\w{8} \(ld_test_recursive_mutex\), at: mutex_recursion\+0x\w+/0x\w+$',
                   r'^\w{8} \(ld_test_recursive_rwsem\), at: rwsem_recursion\+0x\w+/0x\w+$',
                   r'^ the very same lock: taking it would wait for ever$',
                   r'^BUG: spinlock recursion on CPU#0, init/1$',
                   r'^ lock: ld_test_recursive \(\w{8}\), \.owner: init/1, \.owner_cpu: 0$',
                   r'^BUG: spinlock already unlocked on CPU#0, init/1$',
                   r'^WARNING: bad unlock balance detected!$',
                   r'^init/1 on CPU#0 is trying to release lock \(ld_test_held_mutex\) at:$',
                   r'^but the lock is held by ld_holder/\d+ \(CPU#0\): left as it is$',
                   r'^    ok \d+ mutex_unlock_by_other$',
                   r'^WARNING: lock held when returning to user space!$',
                   r'^init/1 is leaving the kernel with locks still held!$',
                   r'^ #0: \w{8} \(ld_test_leaked\), at: lock_held_returning_to_user\+0x\w+/0x\w+$',
                   r'smp: Brought up 1 node, 4 CPUs$'),
           checks=(planted_lockdep_reports,)),
    Config('lockdep-usertests', '1G', 'usertests panic=-1', ktap=False, user_golden=True,
           user_skip=('auxv_hwcap',),
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-smp', '4', '-no-reboot', '-kernel', '{build}/debug-locks/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           checks=(no_lockdep_report,)),
    Config('lockdep-shell', '1G', 'panic=-1', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-smp', '4', '-no-reboot', '-kernel', '{build}/debug-locks/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^ lock-classes: +\d+ \[max: 512\]$',
                   r'^ direct dependencies: +\d+ \[max: 4096\]$',
                   r'^ reports: +0$', r'^ debug_locks: +1$',
                   r'^all lock classes:$',
                   r'^\w{8} OPS: +\d+ FD: +\d+ BD: +\d+: sleepers_lock$',
                   r'^ -> \[\w{8}\] \S+$',
                   r'^hello from PID 2$'),
           checks=(no_lockdep_report,),
           input=('run /bin/hello', 'cat /proc/lockdep_stats', 'cat /proc/lockdep',
                  'poweroff')),
    Config('lockdep-sysfuzz', '1G', 'panic=-1', ktap=False,
           qemu=('-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', '1G', '-nographic',
                 '-smp', '4', '-no-reboot', '-kernel', '{build}/debug-locks/Image',
                 '-initrd', '{build}/initramfs.cpio'),
           expect=(r'^Pagoda version .* ARMv7-A$',),
           checks=(sysfuzz_clean, no_lockdep_report), input=sysfuzz_session()),
    # user programs while 5% of their slab and page allocations fail:
    # errors and killed processes, never an oops or a leak
    Config('fault-inject', '1G', 'failslab=1,5,0,-1 fail_page_alloc=1,5,0,-1 panic=-1',
           ktap=False, expect=(r'^Pagoda version .* ARMv7-A$',),
           checks=(fault_clean,), input=fault_session()),
    # random system calls with hostile arguments (user/sysfuzz.c): no
    # oops, no warning, nothing held afterwards, the shell still answers
    Config('sysfuzz', '1G', 'panic=-1', ktap=False,
           expect=(r'^Pagoda version .* ARMv7-A$',),
           checks=(sysfuzz_clean,), input=sysfuzz_session()),
    # the same with four CPUs online: their IPIs and per-CPU lists under
    # the fuzzer's calls; the leak check must still find nothing held
    Config('sysfuzz-smp4', '1G', 'panic=-1', ktap=False, extra_args=SMP4,
           expect=(r'^Pagoda version .* ARMv7-A$', r'smp: Brought up 1 node, 4 CPUs$'),
           checks=(sysfuzz_clean,), input=sysfuzz_session()),
    # job control from the shell: SIGSTOP (19) shows the program as T in
    # ps and /proc/PID/status, SIGCONT (18) puts it back to sleeping
    Config('shell-jobctl', '1G', 'panic=-1', ktap=False,
           expect=(r'^\s+2\s+1 T\s+\d+\s+\d+\s+\d+ memhog',
                   r'^State:\s+T \(stopped\)',
                   r'^\s+2\s+1 S\s+\d+\s+\d+\s+\d+ memhog',
                   r'^\[2\] killed by SIGKILL'),
           input=('run /bin/memhog 64K &', 'sleep 0.3', 'kill -19 2', 'sleep 0.3', 'ps',
                  'status 2', 'kill -18 2', 'sleep 0.3', 'ps', 'kill -9 2',
                  'sleep 0.3', 'version', 'poweroff')),
    # the console as a terminal (N_TTY, job control): a program reading it
    # in the foreground gets input typed before its read, Ctrl-Z stops it
    # and fg brings it back, Ctrl-C ends it, Ctrl-D is its end of file;
    # raw mode entered and left; the shell's own line editing after it
    Config('tty-session', '256M', 'panic=-1', ktap=False,
           expect=(r'^ttycat: <early>$', r'^ttycat: <hello>$',
                   r'^\[2\] stopped by SIGTSTP \(fg 2 continues it\)$', r'^ttycat$',
                   r'^ttycat: <again>$', r'^\[2\] killed by SIGINT$',
                   r'^ttycat: end of file$', r'^ttycat raw: <abc>$', r'^after raw$'),
           input=('run /bin/ttycat 1', Typed('early', 0.2, True), Typed('hello', 1.5, True),
                  Typed('\x1a', 0.5), 'fg', Typed('again', 0.5, True), Typed('\x03', 0.5),
                  'run /bin/ttycat', Typed('\x04', 0.5),
                  'run /bin/ttycat raw', Typed('abc', 0.5), 'echo after raw', 'poweroff')),
    # Debian's busybox as init, running the scenarios of tests/busybox/
    # (scripts/busybox_rootfs.py --tests), each compared line by line with
    # Linux's (make busybox-golden)
    Config('busybox', '1G', 'panic=-1', ktap=False, initrd='busybox/tests.cpio',
           scenarios=True, expect=(r'^=== busybox: done ===$',)),
    # a person at busybox's sh (make run ROOTFS=busybox): a command, Ctrl-C
    # on sleep, Ctrl-Z then fg, raw mode entered and left, input typed
    # ahead kept; the same inputs give these lines on Debian's Linux (its
    # kernel in place of Image).
    Config('busybox-shell', '1G', 'panic=-1', ktap=False, initrd='busybox/initramfs.cpio',
           prompt='# ',
           expect=(r'^hello 42$', r'^rc=130$', r'^\[1\]\+ +Stopped +sleep 30$',
                   r'^fg=130$', r'^raw: -icanon -echo$', r'^cooked: icanon echo$',
                   r'^typed ahead$', r'reboot: Power down|powering off|Power down'),
           input=('echo hello $((6 * 7))', 'sleep 30', Typed('\x03', 1.0), 'echo rc=$?',
                  'sleep 30', Typed('\x1a', 1.0), 'jobs', 'fg', Typed('\x03', 1.0),
                  'echo fg=$?',
                  'stty raw -echo; r=$(stty -a 2>/dev/null | tr " ;" "\\n\\n" | grep -x -e -icanon -e -echo); '
                  'stty sane; echo raw: $r',
                  'c=$(stty -a 2>/dev/null | tr " ;" "\\n\\n" | grep -x -e icanon -e echo); echo cooked: $c',
                  'sleep 1', Typed('echo typed ahead', 0.2, True), 'poweroff -f')),
    # the serial line abused under busybox: 1 MiB of every byte value read
    # raw by head arrives whole (its MD5), and the line typed once it is
    # read reaches sh (head reads ahead through stdio: what is typed before
    # it ends may be its); garbage on sh's command line, then Ctrl-C and
    # a command; BREAK as N_TTY takes it: SIGINT to the foreground group
    # with BRKINT (sleep ends with status 130), a NUL byte read without,
    # nothing with IGNBRK (the next byte typed is what is read). (Debian's
    # Linux takes a BREAK on its console as the SysRq key instead, which
    # Pagoda has not: these are N_TTY's rules, as on Linux's other lines;
    # the rest of the session gives the same lines there.)
    Config('serial-busybox', '1G', 'panic=-1', ktap=False, initrd='busybox/initramfs.cpio',
           prompt='# ', monitor=True,
           expect=(r'^RAW$',
                   '^' + __import__('hashlib').md5(RAW_BURST.encode('latin-1')).hexdigest()
                   + r'  -$', r'^typed after the burst$', r'^sh survived$', r'^rc=130$',
                   r'^ 00$', r'^ 78$', r'^after the breaks$',
                   r'reboot: Power down|powering off|Power down'),
           input=('stty raw -echo; echo R""AW; head -c 1048576 | md5sum; stty sane',
                  Typed(RAW_BURST, 0, wait='RAW'),
                  Typed('echo typed after the burst', 0, True, wait='  -'),
                  'echo',
                  Typed(SH_BURST + '\x03', 0.5), Typed('echo sh surv""ived', 1.0, True),
                  Typed('stty brkint -ignbrk', 0, True, wait='sh survived'),
                  'sleep 30', Break(1.0), 'echo rc=$?',
                  'stty raw -echo -brkint; echo R""AW; head -c 1 | od -An -tx1; stty sane',
                  Break(0, wait='RAW'),
                  'stty raw -echo ignbrk; echo R""AW; head -c 1 | od -An -tx1; stty sane',
                  Break(0, wait='RAW'), Typed('x', 0.5),
                  'echo after the breaks', 'poweroff -f')),
    # four CPUs, which QEMU runs in parallel threads: every KTAP suite,
    # the smp suite's lock and atomic torture among them
    Config('smp4', '1G', 'ktest=all semihosting panic=-1', extra_args=SMP4,
           expect=(r'^CPU3: thread -1, cpu 3, socket 0, mpidr 80000003$',
                   r'smp: Brought up 1 node, 4 CPUs$', r'Dynamic Preempt: full$')),
    # the user programs with four CPUs running them in parallel against
    # the same goldens; auxv_hwcap prints /proc/cpuinfo,
    # whose four processors shell-smp4 checks
    Config('usertests-smp4', '1G', 'usertests panic=-1', ktap=False, user_golden=True,
           user_skip=('auxv_hwcap',), extra_args=SMP4),
    # TLB flushes by IPI to the CPUs that ran the mm (tlb_ipi, Linux's way
    # for cores without broadcast maintenance) instead of the broadcast
    # operations: the suites that change mappings, and the user programs
    # whose threads run on several CPUs while others unmap and protect
    Config('smp4-tlb-ipi', '1G', 'tlb_ipi ktest=smp,tlb,highmem,vmalloc,pgtable,mremap,fork '
           'semihosting panic=-1', extra_args=SMP4,
           expect=(r'smp: Brought up 1 node, 4 CPUs$',)),
    Config('usertests-smp4-tlb-ipi', '1G', 'tlb_ipi usertests=' + ','.join(TLB_IPI_USERTESTS) +
           ' panic=-1', ktap=False, user_golden=True, user_only=TLB_IPI_USERTESTS,
           extra_args=SMP4, checks=(no_warnings,)),
    # the CPUs seen from the shell; a test run sends call-function IPIs;
    # with tlb_ipi, /proc/interrupts counts the flushes run by IPI too;
    # a program pinned to CPU 3 is there in ps (PSR) and in field 39 of
    # its /proc/PID/stat; /proc/stat has a line per CPU
    Config('shell-smp4', '256M', 'tlb_ipi panic=-1', ktap=False, extra_args=SMP4,
           expect=(r'^  3  00000003  online   psci ',
                   r"^big lock: CPU 0's tick put its work off \d+ times, at most \d+ in a row; "
                   r'waited \d+ times \(after 10\)$',
                   r'^processor\s+: 3$', r'^Hardware\s+: Generic DT based system$',
                   r'^ktest: \d+ passed, 0 failed',
                   r'^IPI3:( +\d+){4}  Function call interrupts$',
                   r'^ TLB:( +\d+){4}  TLB shootdowns$', r'^ TLB: .*[1-9].*  TLB shootdowns$',
                   r'proc_stat_cpu: holding on cpu 3$',
                   r'^  PID  PPID S PSR      VSZ      RSS COMM$',
                   r'^\s+2\s+1 S\s+3\s+\d+\s+\d+ proc_stat_cpu$',
                   r'^2 \(proc_stat_cpu\) S( -?\d+){35} 3 ',
                   r'^cpu  \d+ 0 \d+ \d+ 0 0 0 0 0 0$', r'^cpu3 \d+ 0 \d+ \d+ 0 0 0 0 0 0$'),
           input=('cpus', 'cat /proc/cpuinfo', 'test smp', 'cat /proc/interrupts',
                  'run /tests/proc_stat_cpu hold 3 &',
                  Typed('ps', 0.2, True, wait='holding on cpu 3'),
                  'cat /proc/2/stat', 'cat /proc/stat', 'kill -9 2', 'sleep 0.3',
                  'poweroff')),
    # kernel preemption switched off (preempt=none): the preempt suite
    # checks that a spinning kernel thread then keeps its CPU
    Config('preempt-none', '256M', 'ktest=preempt preempt=none semihosting panic=-1',
           extra_args=SMP4, expect=(r'Dynamic Preempt: none$',)),
    # a CPU that cannot start (the DT's cpu@7: no such MPIDR, PSCI
    # refuses it) is reported and skipped; calls go to the other three
    Config('smp-badcpu', '256M', 'panic=-1', ktap=False,
           extra_args=('-smp', '3', '-dtb', 'build/test/smp-badcpu.dtb'),
           expect=(r'^CPU1: failed to boot: -22$', r'smp: Brought up 1 node, 3 CPUs$',
                   r'^  1  00000007  offline  psci ', r'^  3  00000002  online   psci ',
                   r'^ktest: \d+ passed, 0 failed, \d+ skipped'),
           input=('cpus', 'test smp.call_*,smp.on_each_cpu*,smp.smp_call*,smp.*_torture',
                  'poweroff')),
] + BOARD_CONFIGS


def crash_configs():
    """The crash triggers of kernel/crash.c, each watched by its detector:
    the ones the kernel survives in one session (with SLUB debugging on
    their kmalloc cache), then one boot per fatal one, where the report
    must come and QEMU must end cleanly (panic=-1 and -no-reboot)."""
    slab = r'^BUG kmalloc-64 \(Not tainted\): '
    survivors = Config(
        'crash-survivable', '256M', 'slub_debug=FZPU,kmalloc-64 panic=-1', ktap=False,
        expect=(r'^WARNING: CPU: 0 PID: 1 at kernel/crash\.c:\d+ crash_warn$',
                r'^---\[ end trace \]---$',
                slab + 'Poison overwritten$',
                r'^INFO: 0x\w+-0x\w+ @offset=\d+\. First byte 0x42 instead of 0x6b$',
                slab + 'Object already free$',
                slab + 'Right Redzone overwritten$',
                r'^FIX kmalloc-64: Restoring Right Redzone',
                r"^crash: no type 'nothing'$",
                r'^usage: crash TYPE',
                r'^  use-after-free  write to a freed kmalloc object',
                r'^Pagoda version .* ARMv7-A$'),
        input=('crash warn', 'crash use-after-free', 'crash double-free', 'crash redzone',
               'crash nothing', 'version', 'poweroff'))
    fatal = [
        ('null', r'^Unable to handle kernel NULL pointer dereference at virtual address '
                 r'00000000 when read$', 'Internal error: Oops: 5 '),
        ('rodata', r'^Unable to handle kernel paging request at virtual address \w+ when '
                   r'write$', 'Internal error: Oops: 80f '),
        ('user-access', r'^Unhandled fault: page domain fault \(0x01b\) at 0x\w+$',
         'Internal error: : 1b '),
        ('stack', r'^Insufficient stack space to handle exception!$',
         'Internal error: kernel stack overflow: 0 '),
        ('bug', r'^kernel BUG at kernel/crash\.c:\d+!$', 'Kernel panic - not syncing: BUG'),
        ('canary', r'^Kernel panic - not syncing: stack-protector: Kernel stack is corrupted '
                   r'in: smash_frame\+0x\w+/0x\w+$', 'Kernel panic - not syncing: stack-protector'),
    ]
    configs = [survivors]
    for name, report, crash in fatal:
        # without SLUB debugging a slab trigger refuses: the damage would be silent
        first = ('crash use-after-free',) if name == 'bug' else ()
        expect = (report, r'^---\[ end Kernel panic - not syncing: ')
        if first:
            expect += (r'^crash: use-after-free needs SLUB debugging \(FP\) on kmalloc-64',)
        configs.append(Config(f'crash-{name}', '256M', 'panic=-1', ktap=False, crash=crash,
                              expect=expect, input=first + (f'crash {name}',)))
    # with four CPUs the panic stops the other three
    configs.append(Config('crash-bug-smp4', '256M', 'panic=-1', ktap=False,
                          crash='Kernel panic - not syncing: BUG', extra_args=SMP4,
                          expect=(r'^kernel BUG at kernel/crash\.c:\d+!$',
                                  r'^CPU1: stopping$', r'^CPU2: stopping$', r'^CPU3: stopping$',
                                  r'^---\[ end Kernel panic - not syncing: BUG'),
                          input=('crash bug',)))
    return configs


CONFIGS += crash_configs()

JOBS = 2                  # QEMU runs at a time
# lets "semihosting" on the command line end QEMU with the run's verdict
SEMIHOSTING = ('-semihosting-config', 'enable=on,target=native')

# seconds, per QEMU run or host binary. Software PAN writes the DACR on
# every kernel entry and user access, and QEMU flushes its whole TLB on each
# write: exec of 100 000 arguments is slow (on Linux 6.1 too, ~100 s), and
# the hostile session runs it twice
DEFAULT_TIMEOUT = 300
BANNER_RE = re.compile(r'Memory: (\d+) MiB RAM')
SANITIZER_MARKERS = ('ERROR: AddressSanitizer', 'ERROR: LeakSanitizer',
                     'runtime error:')
TAIL_LINES = 30           # console lines shown after a crash or timeout
CRASH_QUOTE = 20          # lines quoted after a crash line
MAX_DIAG = 200            # diagnostic lines printed per failed case

_lock = threading.Lock()  # guards printing and _running
_running = set()          # live processes, killed on ^C
_stopping = threading.Event()


def say(*lines):
    with _lock:
        for line in lines:
            print(line)
        sys.stdout.flush()


def rel(path):
    """path relative to the repository root when it is inside it."""
    try:
        return str(Path(path).relative_to(ROOT))
    except ValueError:
        return str(path)


def format_counts(passed, failed, skipped):
    text = f'{passed} passed, {failed} failed'
    return text + (f', {skipped} skipped' if skipped else '')


# --- running a process -------------------------------------------------------

@dataclasses.dataclass
class Run:
    text: str = ''            # everything it printed (stdout and stderr)
    status: int = None        # exit status; negative: killed by that signal
    timed_out: bool = False
    error: str = ''           # it could not be started
    seconds: float = 0.0
    unsent: tuple = ()        # input still waiting for its prompt
    sent: tuple = ()          # input typed

    @property
    def lines(self):
        lines = [line.rstrip('\r') for line in self.text.split('\n')]
        return lines[:-1] if lines and lines[-1] == '' else lines


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_all():
    """Kills every process group started here that is still running."""
    _stopping.set()
    with _lock:
        procs = list(_running)
    for proc in procs:
        _kill_group(proc)


def _write_input(proc, data, previous):
    if previous is not None:
        previous.join()
    try:
        proc.stdin.write(data)
        proc.stdin.flush()
    except OSError:
        pass


def _send_break(monitor, previous):
    """chardev-send-break on the serial line, through the monitor socket,
    once the previous input is written."""
    import socket
    if previous is not None:
        previous.join()
    try:
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(str(monitor))
            s.sendall(b'chardev-send-break serial0\n')
            time.sleep(0.2)   # QEMU reads the command before the socket closes
    except OSError as e:
        say(f'run_tests: no BREAK sent through {monitor}: {e}')


def _send(proc, command, previous=None, monitor=None):
    """Types command and Enter (a Typed input: its text, Enter if it says
    so; a Break: a BREAK through QEMU's monitor) from a thread of its own,
    so that a long input cannot block the reading of the output that it
    causes (QEMU echoes as it reads). Returns the thread; it waits for the
    previous one first, so inputs never interleave."""
    if isinstance(command, Break):
        writer = threading.Thread(target=_send_break, args=(monitor, previous), daemon=True)
        writer.start()
        return writer
    if isinstance(command, Typed):
        data = command.text + ('\n' if command.enter else '')
    else:
        data = command + '\n'
    writer = threading.Thread(target=_write_input,
                              args=(proc, data.encode('latin-1'), previous), daemon=True)
    writer.start()
    return writer


def _echo(prefix, buf):
    """Prints the complete lines of buf; returns the incomplete rest."""
    *complete, rest = buf.split('\n')
    if complete:
        say(*(f'{prefix}| {line.rstrip(chr(13))}' for line in complete))
    return rest


def run_process(argv, timeout, inputs=(), prompt='', echo=None, monitor=None):
    """Runs argv from the repository root in a process group of its own,
    capturing stdout and stderr together. stdin is /dev/null or, if there
    are inputs, a pipe on which each input line is written once the prompt
    has been printed after the previous one. At the timeout the whole group
    is killed. echo: a prefix to print each output line live with; monitor:
    QEMU's monitor socket, for Break inputs."""
    run = Run()
    start = time.monotonic()
    deadline = start + timeout
    with _lock:
        if _stopping.is_set():
            run.error = 'interrupted'
            return run
        try:
            proc = subprocess.Popen(
                argv, cwd=ROOT, start_new_session=True,
                stdin=subprocess.PIPE if inputs else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        except OSError as e:
            run.error = f'cannot run {argv[0]}: {e.strerror or e}'
            return run
        _running.add(proc)
    decoder = codecs.getincrementaldecoder('utf-8')(errors='replace')
    fd = proc.stdout.fileno()
    out = []
    echo_rest = ''

    def take(data, final=False):
        nonlocal echo_rest
        text = decoder.decode(data, final)
        out.append(text)
        if echo:
            echo_rest = _echo(echo, echo_rest + text)
            if final and echo_rest:
                _echo(echo, echo_rest + '\n')
        return text

    todo = list(inputs)
    writer = None             # the thread typing the last input
    sent_at = start           # when the last input was written
    since_send = ''           # output since the last input was written
    exited = None             # when the process was seen to exit
    leftover = False          # its output pipe outlived it
    while True:
        now = time.monotonic()
        if now >= deadline:
            run.timed_out = True
            break
        if exited is None and proc.poll() is not None:
            exited = now
        if exited is not None and now - exited > 2:
            leftover = True
            break
        if (todo and isinstance(todo[0], (Typed, Break)) and now - sent_at >= todo[0].after
                and todo[0].wait in since_send):
            writer = _send(proc, todo.pop(0), writer, monitor)
            sent_at, since_send = now, ''
            continue
        ready, _, _ = select.select([fd], [], [], min(0.05 if todo else 0.25,
                                                      deadline - now))
        if not ready:
            continue
        data = os.read(fd, 65536)
        if not data:
            break
        text = take(data)
        if todo and isinstance(todo[0], (Typed, Break)) and todo[0].wait:
            since_send = (since_send + text)[-65536:]
        elif todo and not isinstance(todo[0], (Typed, Break)):
            since_send += text
            if prompt in since_send:
                since_send = ''
                writer = _send(proc, todo.pop(0), writer, monitor)
                sent_at = time.monotonic()
            else:
                since_send = since_send[-len(prompt):]
    if not run.timed_out and proc.poll() is None:
        try:
            proc.wait(max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            run.timed_out = True
    if run.timed_out or leftover:
        _kill_group(proc)
        while select.select([fd], [], [], 0.5)[0]:
            data = os.read(fd, 65536)
            if not data:
                break
            take(data)
    proc.wait()
    with _lock:
        _running.discard(proc)
    proc.stdout.close()
    if proc.stdin:
        try:
            proc.stdin.close()
        except OSError:
            pass
    take(b'', final=True)
    run.text = ''.join(out)
    run.status = proc.returncode
    run.seconds = time.monotonic() - start
    run.unsent = tuple(todo)
    run.sent = tuple(inputs[:len(inputs) - len(todo)])
    return run


def describe_status(status):
    if status is not None and status < 0:
        try:
            return f'killed by {signal.Signals(-status).name}'
        except ValueError:
            return f'killed by signal {-status}'
    return f'exited with status {status}'


def tail(lines):
    """The last TAIL_LINES console lines, with a heading."""
    if not lines:
        return ['(no console output)']
    shown = lines[-TAIL_LINES:]
    return [f'last {len(shown)} console lines:'] + ['  ' + line for line in shown]


def crash_diagnostics(lines, index):
    """The crash line and the CRASH_QUOTE lines after it, then the tail."""
    quote = lines[index:index + 1 + CRASH_QUOTE]
    return ([f'the crash and the {len(quote) - 1} lines after it:'] +
            ['  ' + line for line in quote] + tail(lines))


# --- checking a run ------------------------------------------------------------

def mem_mib(mem):
    """QEMU's -m value in MiB ("1G" -> 1024; no suffix means MiB)."""
    match = re.fullmatch(r'(\d+)\s*([MGT]?)i?B?', mem.strip(), re.IGNORECASE)
    if not match:
        raise ValueError(f'bad memory size {mem!r}')
    scale = {'': 1, 'M': 1, 'G': 1024, 'T': 1024 * 1024}[match.group(2).upper()]
    return int(match.group(1)) * scale


def check_config(cfg, run, timeout):
    """The cases of one QEMU run of configuration cfg."""
    def case(name, ok, diag=()):
        return Case(f'{cfg.name}: {name}', PASS if ok else FAIL, diag)

    if run.error:
        return [case('QEMU did not start', False, [run.error])]
    raw = run.lines
    lines = ktap.clean_lines(raw)
    cases = []
    if run.timed_out:
        diag = [f'still running after {timeout:g} s: killed']
        if run.sent:
            diag.append(f'the last input typed: {run.sent[-1]!r:.80}')
        hung = unfinished_program(raw)
        if hung:
            diag.append(f'hung in the program {hung} (its end marker never came)')
        if run.unsent:
            diag.append(f'waiting for the prompt {cfg.prompt!r} '
                        f'to type {run.unsent[0]!r:.80}')
        cases.append(case(f'timed out after {timeout:g} s', False, diag + tail(raw)))
    else:
        cases.append(case(f'QEMU exited with status {cfg.status}', run.status == cfg.status,
                          [describe_status(run.status)] +
                          ([] if run.status == cfg.status else tail(raw))))

    want = mem_mib(cfg.mem)
    banner = next((m for m in map(BANNER_RE.search, lines) if m), None)
    if banner is None:
        diag = [f'no line matches {BANNER_RE.pattern!r}']
    else:
        diag = [f'the banner says: {banner.group(0)}']
    cases.append(case(f'banner RAM {want} MiB',
                      banner is not None and int(banner.group(1)) == want, diag))

    for pattern in cfg.expect:
        regex = re.compile(pattern)
        cases.append(case(f'output matches /{pattern}/',
                          any(regex.search(line) for line in lines),
                          ['no console line matches it']))

    crash = ktap.find_crash(lines)
    if cfg.crash:
        ok = crash is not None and re.search(cfg.crash, lines[crash]) is not None
        cases.append(case(f'the kernel crashes with /{cfg.crash}/', ok,
                          [] if ok else (['no oops or panic'] if crash is None else
                                         crash_diagnostics(raw, crash))))
    elif crash is not None:
        cases.append(case('kernel crash: ' + lines[crash].strip(), False,
                          crash_diagnostics(raw, crash)))
    # a sleep with a spinlock held or preemption disabled: reported, not fatal
    atomic = [line for line in lines if 'BUG: scheduling while atomic' in line]
    if atomic:
        cases.append(case('BUG: scheduling while atomic', False, atomic[:5]))

    if cfg.ktap:
        root = ktap.parse(lines)
        for found in ktap.check(root) + ktap.cases(root):
            cases.append(Case(f'{cfg.name}: {found.name}', found.status,
                              found.diagnostics, found.reason))
    if cfg.user_golden:
        cases.extend(check_user_programs(cfg, raw))
    if cfg.scenarios:
        cases.extend(check_scenarios(cfg, raw))
    for check in cfg.checks:
        for name, ok, diag in check(lines):
            cases.append(case(name, ok, diag))
    return cases


def unfinished_program(raw):
    """The user test whose "=== NAME ===" marker has no end marker after it."""
    import linux_oracle
    name = None
    for line in raw:
        line = line.rstrip('\r')
        if linux_oracle.START.match(line):
            name = linux_oracle.START.match(line).group(1)
        elif linux_oracle.END.match(line):
            name = None
    return name


TIMESTAMP_RE = re.compile(r'^\[\s*\d+\.\d+\] ')


def check_sections(cfg, raw, names, expected, what):
    """Each NAME's section of the console (=== NAME === ... === NAME
    exit=N ===) against expected/NAME.out, recorded on Linux; kernel log
    lines (timestamped) are not the program's output."""
    text = '\n'.join(line for line in raw if not TIMESTAMP_RE.match(line))
    found = linux_oracle.sections(text)
    cases = []
    for name in names:
        path = expected / (name + '.out')
        want = path.read_text() if path.exists() else None
        got = linux_oracle.golden_text(*found[name]) if name in found else ''
        diag = []
        if want is None:
            diag = [f'no golden file {path.relative_to(ROOT)}']
        elif got != want:
            diag = list(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                             'linux/' + name, 'pagoda/' + name,
                                             lineterm=''))
        cases.append(Case(f'{cfg.name}: {what} {name} matches Linux',
                          PASS if want is not None and got == want else FAIL, diag))
    return cases


def check_user_programs(cfg, raw):
    """Each program of tests/user/LIST against real Linux's output: the
    goldens in tests/user/expected/ were made by running the same
    binaries under Debian's Linux on the same QEMU (make linux-golden)."""
    return check_sections(cfg, raw, [n for n in linux_oracle.read_list()
                                     if n not in cfg.user_skip and
                                     (not cfg.user_only or n in cfg.user_only)],
                          ROOT / 'tests' / 'user' / 'expected', 'user')


def check_scenarios(cfg, raw):
    """Each busybox scenario against Linux's run of the same initramfs
    (tests/busybox/expected/, make busybox-golden)."""
    import busybox_rootfs
    return check_sections(cfg, raw, busybox_rootfs.scenario_names(),
                          ROOT / 'tests' / 'busybox' / 'expected', 'scenario')


def check_host(name, run, timeout):
    """The cases of one host test binary: its KTAP leaf results, plus one
    failed case if it crashed, timed out, printed no (or an incomplete)
    plan, or exited non-zero though its KTAP shows no failure."""
    lines = ktap.clean_lines(run.lines)
    root = ktap.parse(lines)
    found = ktap.cases(root)
    structure = ktap.check(root)
    reasons = []
    if run.error:
        reasons.append(run.error)
    elif run.timed_out:
        reasons.append(f'timed out after {timeout:g} s')
    elif run.status is not None and run.status < 0:
        reasons.append(f'crashed: {describe_status(run.status)}')
    sanitizer = next((i for i, line in enumerate(lines)
                      if any(m in line for m in SANITIZER_MARKERS)), None)
    if sanitizer is not None:
        reasons.append('crashed: ' + lines[sanitizer].strip())
    reasons += [c.name for c in structure]
    if not reasons and run.status and not any(c.status == FAIL for c in found):
        reasons.append(f'{describe_status(run.status)} but its KTAP shows no failure')
    cases = [Case(f'{name}: {c.name}', c.status, c.diagnostics, c.reason)
             for c in found]
    if reasons:
        diag = reasons[1:] + [d for c in structure for d in c.diagnostics]
        if sanitizer is not None:
            diag += crash_diagnostics(run.lines, sanitizer)
        else:
            diag += tail(run.lines)
        cases.append(Case(f'{name}: {reasons[0]}', FAIL, diag))
    return cases


# --- choosing cases by name: T= and LIST= ---------------------------------------

KERNEL_CONFIG = 'virt-1G'     # where the kernel's suites run for a --filter
LIST_MARK = 'ktest-list: '    # how ktest=list (kernel) or "list" (host) prints a case


def entry_matches(entry, name):
    """Does a filter entry (SUITE or SUITE.CASE, with * and ? wildcards)
    select the case SUITE.CASE? As kernel/ktest.c decides it."""
    suite, _, case = name.partition('.')
    want_suite, dot, want_case = entry.partition('.')
    return (glob_match(want_suite, suite) and
            glob_match(want_case if dot else '*', case))


def glob_match(pattern, text):
    """lib/glob.c's wildcards: * and ?, nothing else is special."""
    regex = ''.join('.*' if c == '*' else '.' if c == '?' else re.escape(c) for c in pattern)
    return re.fullmatch(regex, text, re.DOTALL) is not None


def parse_listing(lines):
    """The SUITE.CASE names a listing run printed, or None if it did not end."""
    names = []
    for line in ktap.clean_lines(lines):
        if line.startswith(LIST_MARK):
            name = line[len(LIST_MARK):].strip()
            if name == 'end':
                return names
            names.append(name)
    return None


def list_cases(args, binaries):
    """{source: [SUITE.CASE]}: the kernel's (a boot with ktest=list) and
    each host binary's ("list" as its argument), in their order. Raises
    RuntimeError when one cannot be listed."""
    cfg = dataclasses.replace(config_named(KERNEL_CONFIG), cmdline='ktest=list panic=-1',
                              mem='128M')
    sources = [('kernel', qemu_command(cfg, args.build_dir))]
    sources += [(p.name, [str(p), 'list']) for p in binaries]
    listing = {}
    for name, argv in sources:
        if name == 'kernel' and not (args.build_dir / 'Image').is_file():
            raise RuntimeError(f'{rel(args.build_dir / "Image")} not found (run make)')
        run = run_process(argv, args.timeout)
        names = None if run.error or run.timed_out else parse_listing(run.lines)
        if names is None:
            raise RuntimeError(f'cannot list the cases of {name}: ' +
                               (run.error or 'no "ktest-list: end" line') +
                               f' ({shlex.join(argv)})')
        listing[name] = names
    return listing


def choose(listing, entries):
    """({source: entries that select some of its cases}, [entries that
    select nothing anywhere])."""
    chosen = {}
    for source, names in listing.items():
        mine = [e for e in entries if any(entry_matches(e, n) for n in names)]
        if mine:
            chosen[source] = mine
    unused = [e for e in entries if not any(e in mine for mine in chosen.values())]
    return chosen, unused


def print_listing(listing, entries):
    """LIST=1: every case (those the entries select, if any), by source."""
    for source, names in listing.items():
        shown = [n for n in names if not entries or any(entry_matches(e, n) for e in entries)]
        if shown:
            say(f'{source}:' if source != 'kernel' else f'kernel (booted by {KERNEL_CONFIG} '
                'and the other ktest= configurations):', *(f'  {n}' for n in shown))


def config_named(name):
    return next(c for c in CONFIGS if c.name == name)


# --- reports for CI: JUNIT= and JSON= --------------------------------------------

def write_junit(groups, path):
    """JUnit XML as CI systems read it: a <testsuite> per group, a
    <testcase> per case, a failed one with a <failure> holding its
    diagnostics, a skipped one with <skipped>."""
    import xml.etree.ElementTree as ET
    passed, failed, skipped = ktap.tally([c for g in groups for c in g.cases])
    root = ET.Element('testsuites', name='pagoda', tests=str(passed + failed + skipped),
                      failures=str(failed), skipped=str(skipped),
                      time=f'{sum(g.seconds for g in groups):.3f}')
    for group in groups:
        p, f, sk = ktap.tally(group.cases)
        suite = ET.SubElement(root, 'testsuite', name=group.name, tests=str(p + f + sk),
                              failures=str(f), errors='0', skipped=str(sk),
                              time=f'{group.seconds:.3f}')
        for case in group.cases:
            name = case.name.split(': ', 1)[1] if case.name.startswith(group.name + ': ') \
                else case.name
            elem = ET.SubElement(suite, 'testcase', classname=group.name, name=name)
            if case.status == FAIL:
                failure = ET.SubElement(elem, 'failure', message=name, type='failure')
                failure.text = '\n'.join(_xml_safe(d) for d in case.diagnostics)
            elif case.status == SKIP:
                ET.SubElement(elem, 'skipped', message=case.reason or 'skipped')
        out = []
        if group.command:
            out.append(f'command: {group.command}')
        if group.log:
            out.append(f'log: {rel(group.log)}')
        if out:
            ET.SubElement(suite, 'system-out').text = '\n'.join(out)
    ET.indent(root)
    ET.ElementTree(root).write(path, encoding='utf-8', xml_declaration=True)


def _xml_safe(text):
    """Console text without the control characters XML 1.0 cannot hold."""
    return re.sub(r'[\x00-\x08\x0b\x0c\x0e-\x1f]', lambda m: f'\\x{ord(m.group()):02x}', text)


def write_json(groups, path):
    """The same as JSON: totals, then each group with its cases."""
    import json
    passed, failed, skipped = ktap.tally([c for g in groups for c in g.cases])
    doc = {'passed': passed, 'failed': failed, 'skipped': skipped,
           'groups': [{'name': g.name, 'seconds': round(g.seconds, 3),
                       'log': rel(g.log) if g.log else None, 'command': g.command or None,
                       'cases': [{'name': c.name, 'status': c.status,
                                  'diagnostics': c.diagnostics, 'reason': c.reason}
                                 for c in g.cases]}
                      for g in groups]}
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


# --- groups ------------------------------------------------------------------

@dataclasses.dataclass
class Group:
    name: str
    cases: list
    seconds: float = 0.0
    log: Path = None
    command: str = ''


def write_log(log_dir, name, text):
    path = log_dir / f'{name}.log'
    path.write_text(text, encoding='utf-8')
    return path


class _Collector(unittest.TestResult):
    """Turns each unittest outcome into a Case."""

    def __init__(self):
        super().__init__()
        self.buffer = True
        self.found = []

    def _add(self, test, status, err=None, extra=()):
        name = test.id().split('.', 1)[-1]    # drop the module name
        diag = list(extra)
        if err is not None:
            diag += ''.join(traceback.format_exception(*err)).rstrip().split('\n')
        self.found.append(Case(name, status, diag))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._add(test, PASS)

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._add(test, FAIL, err)

    def addError(self, test, err):
        super().addError(test, err)
        self._add(test, FAIL, err)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._add(test, SKIP)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._add(test, PASS)

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._add(test, FAIL, extra=['unexpected success'])

    def addSubTest(self, test, subtest, err):
        super().addSubTest(test, subtest, err)
        if err is not None:
            self._add(subtest, FAIL, err)


def run_parser_group(log_dir):
    """Runs the unittests of tests/scripts/test_ktap.py in this process."""
    path = ROOT / 'tests' / 'scripts' / 'test_ktap.py'
    start = time.monotonic()
    try:
        spec = importlib.util.spec_from_file_location('test_ktap', path)
        module = importlib.util.module_from_spec(spec)
        sys.modules['test_ktap'] = module
        spec.loader.exec_module(module)
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except Exception:
        found = [Case(f'cannot load {rel(path)}', FAIL,
                      traceback.format_exc().rstrip().split('\n'))]
    else:
        result = _Collector()
        suite.run(result)
        found = result.found or [Case(f'no tests in {rel(path)}', FAIL)]
    cases = [Case(f'parser: {c.name}', c.status, c.diagnostics) for c in found]
    return Group('parser', cases, time.monotonic() - start,
                 write_log(log_dir, 'parser', cases_log(cases)))


def cases_log(cases):
    """A group's log when it has no console: each case, then its diagnostics."""
    log = []
    for c in cases:
        log.append(f'{c.status} {c.name}')
        log += ['    ' + line for line in c.diagnostics]
    return '\n'.join(log) + '\n'


FUZZ_SECONDS = 4         # per libFuzzer target in make test (make fuzz: longer)


def run_fuzz_group(args, log_dir):
    """The libFuzzer targets (scripts/fuzz.py), a few seconds each, seed 1."""
    import fuzz
    start, cases, logs = time.monotonic(), [], []
    for name in fuzz.targets():
        found, log = fuzz.run_target(name, FUZZ_SECONDS, 1, args.build_dir)
        cases += found
        logs.append(log)
    return Group('fuzz', cases, time.monotonic() - start,
                 write_log(log_dir, 'fuzz', '\n'.join(logs)))


def host_binaries(build):
    host = build / 'host'
    if not host.is_dir():
        return []
    return sorted(p for p in host.glob('test_*')
                  if p.is_file() and os.access(p, os.X_OK))


def missing_host_binaries(build):
    """Failed cases for tests/host/test_*.c sources that were not built."""
    built = {p.name for p in host_binaries(build)}
    cases = []
    for src in sorted((ROOT / 'tests' / 'host').glob('test_*.c')):
        if src.stem not in built:
            cases.append(Case(f'{src.stem}: not built ({rel(build / "host" / src.stem)} '
                              'missing; run make host-tests)', FAIL))
    return cases


def run_host(path, args, log_dir, entries=()):
    """One host binary: all its suites, or the cases the filter entries select."""
    name = path.name
    argv = [str(path)] + ([','.join(entries)] if entries else [])
    run = run_process(argv, args.timeout, echo=name if args.verbose else None)
    return Group(name, check_host(name, run, args.timeout), run.seconds,
                 write_log(log_dir, name, run.text), shlex.join([rel(path)] + argv[1:]))


def qemu_command(cfg, build):
    qemu = shlex.split(os.environ.get('PAGODA_QEMU', '')) or ['qemu-system-arm']
    if cfg.qemu:
        fill = {'build': rel(build), 'upstream_dtb': rel(upstream_rpi2_dtb(build))}
        return qemu + [a.format(**fill) for a in cfg.qemu] + \
            (['-append', cfg.cmdline] if cfg.cmdline else [])
    return qemu + ['-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', cfg.mem,
                   '-nographic', *(['-no-reboot'] if cfg.no_reboot else []), *SEMIHOSTING,
                   '-kernel', rel(build / 'Image'),
                   '-initrd', rel(build / cfg.initrd),
                   *(['-append', cfg.cmdline] if cfg.cmdline else []), *cfg.extra_args,
                   *(['-monitor', f'unix:{rel(monitor_socket(cfg, build))},server=on,wait=off']
                     if cfg.monitor else [])]


def monitor_socket(cfg, build):
    return build / 'test-logs' / f'{cfg.name}-monitor.sock'


def run_config(cfg, args, log_dir):
    argv = qemu_command(cfg, args.build_dir)
    command = shlex.join(argv)
    image = args.build_dir / 'Image'
    if not image.is_file():
        return Group(cfg.name, [Case(f'{cfg.name}: kernel image {rel(image)} '
                                     'not found (run make)', FAIL)], command=command)
    files = [ROOT / a for flag, a in zip(argv, argv[1:])
             if (cfg.qemu or cfg.initrd != Config.initrd) and
             flag in ('-kernel', '-dtb', '-bios', '-initrd')]
    files += [ROOT / a.split('file=', 1)[1].split(',')[0] for a in argv
              if cfg.qemu and 'file=' in a]
    missing = [rel(f) for f in files if not f.is_file()]
    if missing:
        hint = ('run make busybox-tests' if cfg.scenarios else
                'run make test-images; the upstream DTB comes with make linux-golden')
        return Group(cfg.name, [Case(f'{cfg.name}: {", ".join(missing)} not found '
                                     f'({hint})', FAIL)], command=command)
    try:
        if cfg.monitor:
            monitor_socket(cfg, args.build_dir).parent.mkdir(parents=True, exist_ok=True)
        run = run_process(argv, args.timeout, cfg.input, cfg.prompt,
                          echo=cfg.name if args.verbose else None,
                          monitor=monitor_socket(cfg, args.build_dir) if cfg.monitor else None)
        cases = check_config(cfg, run, args.timeout)
    except Exception:
        return Group(cfg.name, [Case(f'{cfg.name}: run_tests.py failed', FAIL,
                                     traceback.format_exc().rstrip().split('\n'))],
                     command=command)
    return Group(cfg.name, cases, run.seconds,
                 write_log(log_dir, cfg.name, run.text), command)


def run_gdb_group(args, log_dir):
    """The gdb helpers against a booted kernel: scripts/gdb_test.py."""
    import gdb_test
    cases, seconds, text, command = gdb_test.run(args.build_dir, args.timeout)
    return Group('gdb', cases, seconds, write_log(log_dir, 'gdb', text), command)


# --- boot images ---------------------------------------------------------------

def _tool(argv):
    """(status, output) of a host tool; status None if it could not run."""
    try:
        r = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, str(e)
    return r.returncode, r.stdout + r.stderr


def image_checks(build):
    """(name, ok, diagnostics) for what make builds in boot/'s name: the
    Pi's SD card image, the U-Boot images, the ELFs' physical load
    addresses and OpenOCD's reading of the board file."""
    b = rel(build)
    sd = f'{b}/rpi2/sdcard.img'
    out = []

    def check(name, argv, test):
        status, text = _tool(argv)
        ok = status == 0 and test(text)
        out.append((name, ok, [f'$ {shlex.join(argv)}', f'status {status}'] +
                    text.splitlines()[:40]))
        return text

    check('SD card: an MBR with one bootable FAT32 (LBA) partition from 1 MiB',
          ['sfdisk', '-d', sd],
          lambda t: re.findall(r'start=\s*2048, size=\s*\d+, type=c, bootable', t) and
          t.count('start=') == 1)
    check('SD card: its partition is FAT32', ['minfo', '-i', sd + '@@1M'],
          lambda t: 'disk type="FAT32' in t)
    want = {'config.txt', 'cmdline.txt', 'kernel7.img', 'rpi2.dtb', 'initramfs.cpio',
            'u-boot.bin', 'boot.scr', 'uEnv.txt'}
    check('SD card: kernel7.img, rpi2.dtb, initramfs, U-Boot, boot.scr, config.txt on it',
          ['mdir', '-b', '-i', sd + '@@1M', '::'],
          lambda t: want <= {line.rsplit('/', 1)[-1] for line in t.split()})
    keys = ('arm_64bit=0', 'kernel=kernel7.img', 'device_tree=rpi2.dtb', 'enable_uart=1',
            'enable_jtag_gpio=1', 'initramfs initramfs.cpio followkernel')
    check('SD card: config.txt boots kernel7.img in 32 bits with UART and JTAG',
          ['mtype', '-i', sd + '@@1M', '::config.txt'],
          lambda t: all(k in t.splitlines() for k in keys))
    for image in (f'{b}/uImage', f'{b}/rpi2/uImage'):
        check(f'{image}: a legacy uImage run in place (kernel_noload)',
              ['mkimage', '-l', image],
              lambda t: 'ARM Linux Kernel Image (no loading done)' in t)
    check(f'{b}/pagoda.itb: a FIT with the kernel and the initramfs',
          ['mkimage', '-l', f'{b}/pagoda.itb'],
          lambda t: "Image 0 (kernel)" in t and "Image 1 (ramdisk)" in t)
    check(f'{b}/rpi2/pagoda.itb: a FIT with the kernel, initramfs and rpi2.dtb',
          ['mkimage', '-l', f'{b}/rpi2/pagoda.itb'],
          lambda t: "Image 2 (fdt-rpi2)" in t and re.search(r"FDT:\s+fdt-rpi2", t))
    for elf, phys in ((f'{b}/vmlinux', 0x40008000), (f'{b}/rpi2/vmlinux', 0x8000)):
        check(f'{elf}: entry and first load at physical 0x{phys:x}, linked at 0xc0008000',
              ['readelf', '-lhW', elf],
              lambda t, phys=phys: re.search(rf'Entry point address:\s+0x{phys:x}\b', t) and
              re.search(rf'LOAD\s+0x\w+ 0xc0008000 0x{phys:08x} ', t))
    image = build / 'Image'
    if image.is_file():
        head = image.read_bytes()[:0x34]
        magic, start, end = (int.from_bytes(head[i:i + 4], 'little') for i in (0x24, 0x28, 0x2c))
        out.append(('Image: a zImage header (magic, start 0, end = its size) for bootz',
                    magic == 0x016f2818 and start == 0 and
                    0 <= end - image.stat().st_size < 4,
                    [f'magic 0x{magic:x} start 0x{start:x} end 0x{end:x}, '
                     f'file {image.stat().st_size} bytes']))
    check('OpenOCD reads boot/openocd/rpi2.cfg (dummy adapter): bcm2836, pagoda_load',
          ['openocd', '-f', 'interface/dummy.cfg', '-f', 'boot/openocd/rpi2.cfg',
           '-c', 'puts "procs: [info procs pagoda_load]"; puts "[target names]"',
           '-c', 'shutdown'],
          lambda t: 'procs: pagoda_load' in t and 'bcm2836.cpu3' in t and 'Error' not in t)
    return out


def run_images_group(build, log_dir):
    start = time.monotonic()
    found = image_checks(build)
    cases = [Case(f'images: {name}', PASS if ok else FAIL, diag) for name, ok, diag in found]
    return Group('images', cases, time.monotonic() - start,
                 write_log(log_dir, 'images', cases_log(cases)))


# --- reporting -----------------------------------------------------------------

def summary_line(group, width):
    passed, failed, skipped = ktap.tally(group.cases)
    where = f'{group.seconds:.1f} s'
    if group.log:
        where += f', log {rel(group.log)}'
    return (f'{"FAIL" if failed else "ok  "} {group.name:<{width}} '
            f'{format_counts(passed, failed, skipped)} ({where})')


def print_failures(groups):
    failed = [(g, c) for g in groups for c in g.cases if c.status == FAIL]
    if not failed:
        return
    say('', f'{len(failed)} failed:')
    for group, case in failed:
        lines = ['', f'FAIL {case.name}']
        diag = case.diagnostics
        if len(diag) > MAX_DIAG:
            diag = diag[:MAX_DIAG] + [f'... {len(diag) - MAX_DIAG} more lines']
        lines += ['    ' + line for line in diag]
        if group.command:
            lines.append(f'    command: {group.command}')
        if group.log:
            lines.append(f'    log: {rel(group.log)}')
        say(*lines)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description='Run the ktap parser tests, the host unit tests and the '
                    'kernel under QEMU; print one summary line.')
    parser.add_argument('--only', action='append', default=[], metavar='NAME[,NAME]',
                        help='run only these groups: parser, host, a host binary '
                             '(test_NAME) or a QEMU configuration ('
                             + ', '.join(c.name for c in CONFIGS) + ')')
    parser.add_argument('--timeout', type=float, default=DEFAULT_TIMEOUT, metavar='S',
                        help=f'seconds per QEMU run or host binary (default {DEFAULT_TIMEOUT})')
    parser.add_argument('--board', default='virt', choices=('virt', 'rpi2'),
                        help='run the configurations of this board (default virt)')
    parser.add_argument('--list-boards', action='store_true',
                        help='print the names of the board and loader configurations')
    parser.add_argument('-v', '--verbose', action='store_true',
                        help='echo every console line live')
    parser.add_argument('--build-dir', type=Path, default=ROOT / 'build', metavar='DIR',
                        help='build directory with Image and host/ (default build)')
    parser.add_argument('-t', '--filter', action='append', default=[], metavar='GLOB[,GLOB]',
                        help='run only the KTAP cases these select (SUITE or SUITE.CASE, '
                             'with * and ? wildcards): one boot of ' + KERNEL_CONFIG +
                             ' with ktest=GLOBS if the kernel has such cases, and the host '
                             'binaries that have some (make test T=...)')
    parser.add_argument('--list', action='store_true',
                        help='list every SUITE.CASE of the kernel and the host binaries '
                             '(those --filter selects, if given) and run nothing (make test LIST=1)')
    parser.add_argument('--junit', type=Path, metavar='FILE',
                        help='also write the results as JUnit XML (make test JUNIT=FILE)')
    parser.add_argument('--json', type=Path, metavar='FILE',
                        help='also write the results as JSON (make test JSON=FILE)')
    args = parser.parse_args(argv)
    args.filter = [n.strip() for item in args.filter for n in item.split(',') if n.strip()]
    args.build_dir = args.build_dir.resolve()
    args.only = [n.strip() for item in args.only for n in item.split(',') if n.strip()]
    return parser, args


def main(argv=None):
    parser, args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.list_boards:
        print(','.join(c.name for c in BOARD_CONFIGS))
        return 0
    binaries = host_binaries(args.build_dir)
    names = (['parser', 'host', 'fuzz', 'images', 'gdb'] + [c.name for c in CONFIGS] +
             [p.name for p in binaries])
    unknown = [n for n in args.only if n not in names]
    if unknown:
        parser.error(f'unknown --only name(s) {", ".join(unknown)}; '
                     f'choose from {", ".join(names)}')
    only = set(args.only) or set(names)
    if 'host' not in only:
        binaries = [p for p in binaries if p.name in only]
    configs = [c for c in CONFIGS if c.name in only and
               (args.only or args.board in c.boards) and
               (c.name in args.only or not c.explicit)]
    log_dir = args.build_dir / 'test-logs'
    log_dir.mkdir(parents=True, exist_ok=True)
    width = max(len(n) for n in names)

    groups = []
    host_entries = {}         # host binary -> its filter entries

    def done(group):
        groups.append(group)
        say(summary_line(group, width))

    if args.list or args.filter:
        try:
            listing = list_cases(args, binaries)
        except RuntimeError as e:
            say(f'run_tests.py: {e}')
            return 1
        if args.list:
            print_listing(listing, args.filter)
            return 0
        chosen, unused = choose(listing, args.filter)
        only = set()
        binaries = [p for p in binaries if p.name in chosen]
        host_entries = {p.name: chosen[p.name] for p in binaries}
        configs = []
        if 'kernel' in chosen:
            configs = [dataclasses.replace(
                config_named(KERNEL_CONFIG),
                cmdline=f'ktest={",".join(chosen["kernel"])} semihosting panic=-1')]
        if unused:
            done(Group('filter', [Case(f'filter: no suite or case matches {e!r}', FAIL,
                                       ['make test LIST=1 lists them'])
                                  for e in unused]))

    if 'parser' in only:
        done(run_parser_group(log_dir))
    if 'host' in only:
        missing = missing_host_binaries(args.build_dir)
        if missing:
            done(Group('host', missing))
        if not binaries and not missing:
            say(f'     (no host test binaries in {rel(args.build_dir / "host")})')
    for path in binaries:
        done(run_host(path, args, log_dir, host_entries.get(path.name, ())))
    if 'fuzz' in only:
        done(run_fuzz_group(args, log_dir))
    if 'images' in only:
        done(run_images_group(args.build_dir, log_dir))
    if 'gdb' in only:
        done(run_gdb_group(args, log_dir))
    if configs:
        with concurrent.futures.ThreadPoolExecutor(max_workers=JOBS) as pool:
            futures = [pool.submit(run_config, c, args, log_dir) for c in configs]
            try:
                for future in futures:        # table order, each when done
                    done(future.result())
            except KeyboardInterrupt:
                for future in futures:
                    future.cancel()
                kill_all()
                raise

    print_failures(groups)
    if args.junit:
        write_junit(groups, args.junit)
    if args.json:
        write_json(groups, args.json)
    passed, failed, skipped = ktap.tally([c for g in groups for c in g.cases])
    if failed:
        say('')
    say(format_counts(passed, failed, skipped))
    return 1 if failed else 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        kill_all()
        print('interrupted', file=sys.stderr)
        sys.exit(130)
