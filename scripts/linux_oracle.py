#!/usr/bin/python3
"""Runs Pagoda's static user programs under Debian's real ARM Linux, booted
on the same QEMU machine, to learn what Linux does with them.

The first run downloads Debian's armmp kernel and busybox-static (armhf)
into build/linux-oracle/ with apt-get; later runs reuse them. Each run
packs an initramfs (busybox, the test programs of tests/user/LIST, the
exec tests' files in /tests/scripts and /tests/elf as Pagoda's initramfs
has them (user/Makefile.inc), /etc/motd and an /init shell script), boots it and reads the console:

  === NAME ===              then the program's standard output,
  === NAME exit=STATUS ===  STATUS being the shell's $? (128 + signal).

Modes:
  --golden        write tests/user/expected/NAME.out for every program:
                  its output lines, then "exit=STATUS"; and
                  tests/user/expected/init_args.out: the "init: " lines
                  /bin/init prints as rdinit= with INIT_ARGS_LINE
  --compare LOG   check a Pagoda console log with the same markers
                  against those files; a unified diff per mismatch, and a
                  non-zero exit status if any
  --bench         run build/user/mmbench under -icount shift=0 (a virtual
                  nanosecond is one instruction) and print its lines, then
                  build/user/pfbench the same way with four CPUs
                  (booted with one, the others brought online by init)
  --initrd FILE   boot another initramfs (make run ROOTFS=busybox's) on
                  this terminal, to try it by hand; --append adds to
                  the command line. With --golden-dir DIR: boot it
                  without a terminal and write DIR/NAME.out for each
                  section its console shows (make busybox-golden)
  --fetch         only download and unpack (make test needs the kernel
                  package's bcm2836-rpi-2-b.dtb, Linux's device tree of
                  the Raspberry Pi 2B)
"""
import argparse
import difflib
import glob
import os
import re
import shutil
import stat
import subprocess
import sys
import time

import bench    # scripts/bench.py: pfbench's machine, the same for Linux

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, 'build')
ORACLE = os.path.join(BUILD, 'linux-oracle')
LIST = os.path.join(ROOT, 'tests', 'user', 'LIST')
EXPECTED = os.path.join(ROOT, 'tests', 'user', 'expected')
MOTD = os.path.join(ROOT, 'user', 'motd')
# directories of files the exec tests run: (in the initramfs, on the host)
EXEC_FILES = (('tests/scripts', os.path.join(ROOT, 'tests', 'user', 'scripts')),
              ('tests/elf', os.path.join(BUILD, 'user', 'tests', 'elf')))

START = re.compile(r'^=== (\S+) ===$')
END = re.compile(r'^=== (\S+) exit=(\d+) ===$')


def log(msg):
    print('linux_oracle: ' + msg, file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def foreign_archs():
    out = subprocess.run(['dpkg', '--print-foreign-architectures'],
                         capture_output=True, text=True).stdout
    return out.split()


def apt_update():
    # A mirror that is mid-sync fails part of the update; what did come in
    # is usually enough, so a failure here is only reported.
    log('apt-get update')
    r = subprocess.run(['apt-get', 'update', '-qq'], capture_output=True, text=True)
    if r.returncode:
        log('apt-get update reported errors (going on):\n' + r.stdout + r.stderr)


def kernel_package():
    """The linux-image-*-armmp package that linux-image-armmp points at."""
    for attempt in range(2):
        r = subprocess.run(['apt-cache', 'depends', 'linux-image-armmp:armhf'],
                           capture_output=True, text=True)
        m = re.search(r'Depends:\s+(linux-image-\S+-armmp)(:armhf)?\s', r.stdout + '\n')
        if m:
            return m.group(1)
        if attempt == 0:
            apt_update()
    sys.exit('linux_oracle: apt-cache knows no linux-image-armmp:armhf\n' + r.stdout + r.stderr)


def find_kernel(root):
    kernels = sorted(glob.glob(os.path.join(root, 'boot', 'vmlinuz-*-armmp')))
    return kernels[-1] if kernels else None


def fetch():
    """Returns (vmlinuz, busybox), downloading and unpacking them once."""
    root = os.path.join(ORACLE, 'root')
    vmlinuz = find_kernel(root)
    busybox = os.path.join(root, 'bin', 'busybox')
    if vmlinuz and os.path.exists(busybox):
        return vmlinuz, busybox
    if os.geteuid() != 0:
        sys.exit('linux_oracle: the first run needs root (dpkg --add-architecture, apt-get)')
    if 'armhf' not in foreign_archs():
        log('dpkg --add-architecture armhf')
        run(['dpkg', '--add-architecture', 'armhf'])
        apt_update()
    kpkg = kernel_package()
    debs = os.path.join(ORACLE, 'debs')
    shutil.rmtree(debs, ignore_errors=True)
    os.makedirs(debs)
    log('apt-get download %s:armhf busybox-static:armhf' % kpkg)
    r = subprocess.run(['apt-get', 'download', '-q', kpkg + ':armhf', 'busybox-static:armhf'],
                       cwd=debs, capture_output=True, text=True)
    if r.returncode:
        apt_update()
        r = subprocess.run(['apt-get', 'download', '-q', kpkg + ':armhf',
                            'busybox-static:armhf'], cwd=debs, capture_output=True, text=True)
        if r.returncode:
            sys.exit('linux_oracle: apt-get download failed:\n' + r.stdout + r.stderr)
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(root)
    versions = []
    for deb in sorted(glob.glob(os.path.join(debs, '*.deb'))):
        log('dpkg -x ' + os.path.basename(deb))
        run(['dpkg', '-x', deb, root])
        fields = subprocess.run(['dpkg-deb', '-f', deb, 'Package', 'Version'],
                                capture_output=True, text=True).stdout.split('\n')
        versions.append(' '.join(f.split(': ', 1)[1] for f in fields if ': ' in f))
    # The kernel's modules are most of its package and never used here.
    shutil.rmtree(os.path.join(root, 'lib', 'modules'), ignore_errors=True)
    with open(os.path.join(ORACLE, 'VERSIONS'), 'w') as f:
        f.write('\n'.join(versions) + '\n')
    vmlinuz = find_kernel(root)
    if not vmlinuz or not os.path.exists(busybox):
        sys.exit('linux_oracle: the packages held no vmlinuz or no /bin/busybox')
    return vmlinuz, busybox


class Cpio:
    """A cpio archive in the "newc" format, as the kernel's initramfs reads it."""

    def __init__(self):
        self.data = bytearray()
        self.ino = 1

    def _entry(self, name, mode, body=b'', rdev=(0, 0)):
        name_b = name.encode() + b'\0'
        fields = [self.ino, mode, 0, 0, 2 if stat.S_ISDIR(mode) else 1, 0, len(body),
                  0, 0, rdev[0], rdev[1], len(name_b), 0]
        self.ino += 1
        self.data += b'070701' + b''.join(b'%08X' % v for v in fields) + name_b
        self.data += b'\0' * (-len(self.data) % 4)
        self.data += body
        self.data += b'\0' * (-len(self.data) % 4)

    def dir(self, name):
        self._entry(name, stat.S_IFDIR | 0o755)

    def file(self, name, body, mode=0o644):
        self._entry(name, stat.S_IFREG | mode, body)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, mode=0o600):
        self._entry(name, stat.S_IFCHR | mode, rdev=(major, minor))

    def finish(self):
        self._entry('TRAILER!!!', 0)
        self.data += b'\0' * (-len(self.data) % 512)
        return bytes(self.data)


def read_list():
    names = []
    with open(LIST) as f:
        for line in f:
            line = line.split('#', 1)[0].strip()
            if line:
                names.append(line)
    return names


def exec_files():
    """(path in the initramfs, file on the host, mode) of the exec tests' files."""
    found = []
    for dest, src in EXEC_FILES:
        if not os.path.isdir(src):
            sys.exit('linux_oracle: %s is missing: run `make user` first' %
                     os.path.relpath(src, ROOT))
        for name in sorted(os.listdir(src)):
            path = os.path.join(src, name)
            if not name.startswith('.') and os.path.isfile(path):
                found.append((dest + '/' + name, path, os.stat(path).st_mode & 0o777))
    return found


def make_initrd(busybox, programs, script):
    """programs: (path in the initramfs, file on the host) pairs."""
    c = Cpio()
    for d in ('bin', 'dev', 'etc', 'proc', 'sys', 'tmp', 'tests'):
        c.dir(d)
    for d, _ in EXEC_FILES:
        c.dir(d)
    # Without /dev/console the kernel starts /init with no stdin/out/err.
    c.chardev('dev/console', 5, 1)
    c.chardev('dev/null', 1, 3, 0o666)
    with open(busybox, 'rb') as f:
        c.file('bin/busybox', f.read(), 0o755)
    c.symlink('bin/sh', 'busybox')
    with open(MOTD, 'rb') as f:
        c.file('etc/motd', f.read())
    for dest, src in programs:
        if not os.path.exists(src):
            sys.exit('linux_oracle: %s is missing: run `make user` first' %
                     os.path.relpath(src, ROOT))
        with open(src, 'rb') as f:
            c.file(dest, f.read(), 0o755)
    for dest, src, mode in exec_files():
        with open(src, 'rb') as f:
            c.file(dest, f.read(), mode)
    c.file('init', script.encode(), 0o755)
    path = os.path.join(ORACLE, 'initrd.cpio')
    with open(path, 'wb') as f:
        f.write(c.finish())
    return path


# The test's stdout goes to a file and is printed afterwards in one piece,
# so that nothing else on the console can land inside a section; the
# shell's own stderr (its "Segmentation fault" notice) goes to a file too.
INIT_HEAD = '''#!/bin/sh
/bin/busybox --install -s /bin
export PATH=/bin
dmesg -n 1
mkdir -p /proc && mount -t proc proc /proc
cd /
'''
RUN_ONE = '''echo "=== {name} ==="
{{ {path} >/tmp/out 2>/tmp/err; }} 2>/tmp/sherr
st=$?
cat /tmp/out
echo "=== {name} exit=$st ==="
for f in /tmp/err /tmp/sherr; do [ -s $f ] && sed 's/^/stderr: /' $f; done
'''
INIT_TAIL = '''echo "=== oracle: done ==="
poweroff -f
'''


# Linux's own parameters; Pagoda's runs of the same initramfs pass the
# rest of the command line (append) without them.
LINUX_CMDLINE = 'console=ttyAMA0 quiet panic=-1'
# The words init gets in Linux's way (tests/user/expected/init_args.out;
# scripts/run_tests.py's init-args boot passes them to Pagoda): unknown
# variables and words, one replacing TERM, module parameters that go
# nowhere, quotes, and what follows "--" (up to a second one).
INIT_ARGS_LINE = ('rdinit=/bin/init pagoda_word alpha=1 TERM=vt102 mod.opt=3 word.x '
                  '"two words" beta="a b" -- after=1 "c d" -- dropped')


def qemu_command(vmlinuz, initrd, append='', icount=None, smp=1, mem='1G'):
    """QEMU's command line; @icount is -icount's value (None: none)."""
    cmd = ['qemu-system-arm', '-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15', '-m', mem,
           '-nographic', '-no-reboot']
    if smp > 1:
        cmd += ['-smp', str(smp)]
    if icount:
        cmd += ['-icount', icount]
    cmd += ['-kernel', vmlinuz, '-initrd', initrd,
            '-append', (LINUX_CMDLINE + ' ' + append).strip()]
    log('$ ' + ' '.join(os.path.relpath(a, ROOT) if a.startswith(ROOT) else a for a in cmd))
    return cmd


def boot(vmlinuz, initrd, timeout, icount=None, append='', smp=1, mem='1G'):
    cmd = qemu_command(vmlinuz, initrd, append, icount, smp, mem)
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                           timeout=timeout)
        out = (p.stdout + p.stderr).decode('utf-8', 'replace')
    except subprocess.TimeoutExpired as e:
        out = ((e.stdout or b'') + (e.stderr or b'')).decode('utf-8', 'replace')
        with open(os.path.join(ORACLE, 'last-run.log'), 'w') as f:
            f.write(out)
        sys.exit('linux_oracle: QEMU timed out after %d s; console in %s:\n%s' %
                 (timeout, os.path.relpath(os.path.join(ORACLE, 'last-run.log'), ROOT),
                  out[-2000:]))
    elapsed = time.monotonic() - t0
    with open(os.path.join(ORACLE, 'last-run.log'), 'w') as f:
        f.write(out)
    log('QEMU ran for %.1f s (boot, programs, power-off)' % elapsed)
    return out


def sections(text):
    """{name: (output lines, exit status)} from a console log with markers."""
    found, name, lines = {}, None, []
    for raw in text.split('\n'):
        line = raw.rstrip('\r')
        m = END.match(line)
        if m and name == m.group(1):
            found[name] = (lines, int(m.group(2)))
            name = None
            continue
        m = START.match(line)
        if m:
            name, lines = m.group(1), []
            continue
        if name is not None:
            lines.append(line)
    return found


def golden_text(lines, status):
    return ''.join(l + '\n' for l in lines) + 'exit=%d\n' % status


def run_tests(args, smp=1):
    names = read_list()
    vmlinuz, busybox = fetch()
    log('kernel ' + os.path.basename(vmlinuz))
    programs = [('tests/' + n, os.path.join(BUILD, 'user', 'tests', n)) for n in names]
    script = INIT_HEAD + ''.join(RUN_ONE.format(name=n, path='/tests/' + n) for n in names) \
        + INIT_TAIL
    initrd = make_initrd(busybox, programs, script)
    out = boot(vmlinuz, initrd, args.timeout, smp=smp)
    found = sections(out)
    missing = [n for n in names if n not in found]
    if missing:
        sys.exit('linux_oracle: no complete section for %s; console in build/linux-oracle/'
                 'last-run.log:\n%s' % (' '.join(missing), out[-3000:]))
    return names, found


def init_lines(text):
    """What /bin/init (user/init.c) printed of its pid, argv and envp."""
    return [l.rstrip('\r') for l in text.split('\n')
            if l.startswith('init: ') and not l.startswith('init: uname:')]


def do_init_args_golden(args, vmlinuz, busybox):
    initrd = make_initrd(busybox, [('bin/init', os.path.join(BUILD, 'user', 'init'))],
                         INIT_HEAD + INIT_TAIL)
    lines = init_lines(boot(vmlinuz, initrd, args.timeout, append=INIT_ARGS_LINE))
    if not any(l.startswith('init: argv[0]') for l in lines):
        sys.exit('linux_oracle: /bin/init printed no argv; console in '
                 'build/linux-oracle/last-run.log')
    with open(os.path.join(EXPECTED, 'init_args.out'), 'w') as f:
        f.write(''.join(l + '\n' for l in lines))
    print('%-12s %3d lines' % ('init_args', len(lines)))


# Programs whose output names the CPUs (their count), so differs with -smp.
NAMES_CPUS = ('auxv_hwcap',)


def do_golden(args):
    """Records each program's output on one CPU, then runs them all again
    on four: Pagoda compares its SMP=4 runs with the same goldens, so
    Linux must print the same there too (except NAMES_CPUS)."""
    names, found = run_tests(args)
    os.makedirs(EXPECTED, exist_ok=True)
    for n in names:
        lines, status = found[n]
        with open(os.path.join(EXPECTED, n + '.out'), 'w') as f:
            f.write(golden_text(lines, status))
        print('%-12s %3d lines, exit=%d' % (n, len(lines), status))
    do_init_args_golden(args, *fetch())
    print('linux_oracle: wrote %d files in %s' % (len(names), os.path.relpath(EXPECTED, ROOT)))
    _, found4 = run_tests(args, smp=4)
    differ = [n for n in names if n not in NAMES_CPUS and found4[n] != found[n]]
    for n in differ:
        print('linux_oracle: %s prints otherwise with 4 CPUs:' % n)
        sys.stdout.writelines(difflib.unified_diff(
            golden_text(*found[n]).splitlines(True), golden_text(*found4[n]).splitlines(True),
            'smp1/' + n, 'smp4/' + n))
    if differ:
        sys.exit('linux_oracle: %d programs are not the same on 1 and 4 CPUs' % len(differ))
    print('linux_oracle: the same on 4 CPUs (but %s)' % ', '.join(NAMES_CPUS))


def do_compare(args):
    with open(args.compare, 'rb') as f:
        found = sections(f.read().decode('utf-8', 'replace'))
    passed = failed = 0
    for n in read_list():
        path = os.path.join(EXPECTED, n + '.out')
        if not os.path.exists(path):
            print('%s: no golden file %s (run make linux-golden)' %
                  (n, os.path.relpath(path, ROOT)))
            failed += 1
            continue
        with open(path) as f:
            want = f.read()
        got = golden_text(*found[n]) if n in found else ''
        if got == want:
            passed += 1
            print('%s: ok' % n)
            continue
        failed += 1
        print('%s: MISMATCH%s' % (n, '' if n in found else ' (no complete section in the log)'))
        sys.stdout.writelines(difflib.unified_diff(
            want.splitlines(True), got.splitlines(True),
            'linux/' + n, 'pagoda/' + n))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


# A benchmark writes to the console as it goes: what it printed is seen
# in build/linux-oracle/last-run.log even when it runs out of time.
BENCH_ONE = '''echo "=== {name} ==="
{path}
echo "=== {name} exit=$? ==="
'''
# With all four CPUs from the start, Linux does not reach init under
# -icount shift=0 on this QEMU (25 minutes, its boot spinning in
# stop_machine): the benchmark's boot starts one (maxcpus=1) and its
# script brings the others online through sysfs before the program runs,
# which takes seconds. The program then runs with all of them.
CPUS_ONLINE = '''mkdir -p /sys && mount -t sysfs sysfs /sys
for c in /sys/devices/system/cpu/cpu[1-9]*/online; do echo 1 >$c; done
echo "cpus online: $(cat /sys/devices/system/cpu/online)"
'''


def bench_one(args, vmlinuz, busybox, name, smp):
    """The lines of user/NAME run as the only program under -icount shift=0,
    on @smp CPUs."""
    script = INIT_HEAD + (CPUS_ONLINE if smp > 1 else '') + \
        BENCH_ONE.format(name=name, path='/bin/' + name) + INIT_TAIL
    initrd = make_initrd(busybox, [('bin/' + name, os.path.join(BUILD, 'user', name))],
                         script)
    if smp > 1:     # pfbench: the machine scripts/bench.py gives Pagoda
        out = boot(vmlinuz, initrd, args.timeout, icount=bench.PF_ICOUNT, smp=smp,
                   append='maxcpus=1', mem=bench.PF_MEM)
    else:
        out = boot(vmlinuz, initrd, args.timeout, icount='shift=0')
    online = re.search(r'^cpus online: (\S+)', out, re.M)
    if smp > 1 and (not online or online.group(1) != '0-%d' % (smp - 1)):
        sys.exit('linux_oracle: the CPUs did not come online (%s); console in '
                 'build/linux-oracle/last-run.log' % (online.group(1) if online else 'no line'))
    found = sections(out)
    if name not in found:
        sys.exit('linux_oracle: %s did not finish; console in build/linux-oracle/'
                 'last-run.log' % name)
    return found[name]


def do_bench(args):
    """mmbench with one CPU, then pfbench (page_fault1) with four."""
    vmlinuz, busybox = fetch()
    log('kernel ' + os.path.basename(vmlinuz))
    print('Linux %s, -icount shift=0 (ns = instructions):' %
          os.path.basename(vmlinuz)[len('vmlinuz-'):])
    failed = 0
    for name, smp in (('mmbench', 1), ('pfbench', 4)):
        lines, status = bench_one(args, vmlinuz, busybox, name, smp)
        for line in lines:
            print(line)
        failed |= status
    return 1 if failed else 0


def do_initrd_golden(args, vmlinuz):
    out = boot(vmlinuz, os.path.abspath(args.initrd), args.timeout, append=args.append)
    found = sections(out)
    started = [m.group(1) for m in map(START.match, out.replace('\r', '').split('\n')) if m]
    missing = [n for n in started if n not in found]
    if missing or not found:
        sys.exit('linux_oracle: no complete section for %s; console in build/linux-oracle/'
                 'last-run.log:\n%s' % (' '.join(missing) or 'anything', out[-3000:]))
    os.makedirs(args.golden_dir, exist_ok=True)
    for n in started:
        lines, status = found[n]
        with open(os.path.join(args.golden_dir, n + '.out'), 'w') as f:
            f.write(golden_text(lines, status))
        print('%-16s %3d lines, exit=%d' % (n, len(lines), status))
    print('linux_oracle: wrote %d files in %s' % (len(started), args.golden_dir))
    return 0


def do_initrd(args):
    """Boots args.initrd on Linux with this terminal as its console."""
    vmlinuz, _ = fetch()
    if args.golden_dir:
        return do_initrd_golden(args, vmlinuz)
    cmd = qemu_command(vmlinuz, os.path.abspath(args.initrd), args.append)
    log('Ctrl-A X leaves QEMU')
    return subprocess.run(cmd).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument('--golden', action='store_true',
                      help='record Linux output in tests/user/expected/')
    mode.add_argument('--compare', metavar='LOG',
                      help='compare a Pagoda console log against the recorded output')
    mode.add_argument('--bench', action='store_true', help='run mmbench on Linux')
    mode.add_argument('--initrd', metavar='FILE',
                      help='boot this initramfs on Linux, on this terminal')
    mode.add_argument('--fetch', action='store_true',
                      help='only download and unpack the kernel and busybox')
    ap.add_argument('--timeout', type=int, default=300, help='seconds QEMU may run')
    ap.add_argument('--golden-dir', metavar='DIR',
                    help='with --initrd: write the sections of its console as DIR/NAME.out')
    ap.add_argument('--append', default='', metavar='WORDS',
                    help='more kernel command line (after %s)' % LINUX_CMDLINE)
    args = ap.parse_args()
    os.makedirs(ORACLE, exist_ok=True)
    if args.fetch:
        log('kernel ' + os.path.basename(fetch()[0]))
        return 0
    if args.golden:
        do_golden(args)
        return 0
    if args.compare:
        return do_compare(args)
    if args.initrd:
        return do_initrd(args)
    return do_bench(args)


if __name__ == '__main__':
    sys.exit(main())
