#!/usr/bin/python3
"""Packs Debian's busybox-static (armhf) as a root file system: a cpio
"newc" initramfs the kernel unpacks and whose /init it runs.

Busybox comes from scripts/linux_oracle.py's fetch (apt-get download,
cached in build/linux-oracle/). The archive holds /bin/busybox and a
symbolic link per applet where busybox --list-full puts it (asked of the
binary under qemu-arm; without qemu-arm every applet goes in /bin, from
the binary's own table of names), /dev/console and /dev/null, the
directories /proc /sys /tmp /dev /root, /etc/passwd, group, hostname and
profile, and an /init shell script:

  (default)  -> build/busybox/initramfs.cpio: /init mounts proc, sysfs,
                tmpfs on /tmp and devtmpfs on /dev, then starts an
                interactive sh with job control on the console's tty
                (make run ROOTFS=busybox), again whenever it exits
  --tests    -> build/busybox/tests.cpio: /init runs every scenario of
                tests/busybox/NAME.sh in turn in a fresh directory of
                /tmp, framed as the user tests are (=== NAME === ...
                === NAME exit=STATUS ===, see linux_oracle.py), then
                powers off. Goldens come from Linux: linux_oracle.py
                --initrd build/busybox/tests.cpio --golden-dir
                tests/busybox/expected (make busybox-golden).
"""
import argparse
import os
import shutil
import subprocess
import sys

import linux_oracle
from linux_oracle import Cpio

ROOT = linux_oracle.ROOT
OUT_DIR = os.path.join(linux_oracle.BUILD, 'busybox')
SCENARIOS = os.path.join(ROOT, 'tests', 'busybox')

DIRS = ('bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'dev', 'etc', 'proc', 'root', 'sys',
        'tmp', 'tests', 'tests/busybox')
ETC = {
    'passwd': 'root:x:0:0:root:/root:/bin/sh\n',
    'group': 'root:x:0:\n',
    'hostname': 'pagoda\n',
    'profile': 'export PATH=/bin:/sbin:/usr/bin:/usr/sbin\n'
               'export PS1=\'\\u@\\h:\\w\\$ \'\n',
}

# Both /init scripts start so. Errors show: on a kernel without one of
# these file systems the mount says so and the rest goes on.
INIT_HEAD = '''#!/bin/sh
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t tmpfs tmpfs /tmp
mount -t devtmpfs devtmpfs /dev
hostname -F /etc/hostname
'''

# The shell must run on the console's own device (ttyAMA0 here), not on
# /dev/console, which never becomes a controlling terminal: cttyhack
# finds that device (through /sys) and opens it in the new session setsid
# made, so the shell gets a controlling terminal and job control.
INIT_SHELL = INIT_HEAD + '''mount -t sysfs sysfs /sys
cd /root
echo "busybox userland: poweroff -f to leave"
while :; do
	setsid cttyhack sh -l
done
'''

# Each scenario's output goes to a file printed after it ends, so that
# nothing else written to the console lands inside a section.
RUN_SCENARIO = '''mkdir /tmp/{name} && cd /tmp/{name}
echo "=== {name} ==="
sh /tests/busybox/{name}.sh </dev/null >/tmp/{name}.out 2>&1
st=$?
cd /
cat /tmp/{name}.out
echo "=== {name} exit=$st ==="
'''
INIT_TESTS_TAIL = '''echo "=== busybox: done ==="
poweroff -f
'''


def scenario_names():
    """The scenarios, tests/busybox/NAME.sh, in the order they run."""
    return sorted(n[:-3] for n in os.listdir(SCENARIOS) if n.endswith('.sh'))


def applets(busybox):
    """Where each applet's link goes: "usr/bin/awk", ..."""
    qemu = shutil.which('qemu-arm')
    if qemu:
        r = subprocess.run([qemu, busybox, '--list-full'], capture_output=True, text=True)
        if r.returncode == 0 and r.stdout.strip():
            # linuxrc is for the old initrd, whose /linuxrc was its init
            return [p for p in r.stdout.split() if p != 'linuxrc']
    with open(busybox, 'rb') as f:
        data = f.read()
    # the names are one NUL-separated, sorted table that starts with [ and [[
    start = data.find(b'[\0[[\0')
    if start < 0:
        sys.exit('busybox_rootfs: no qemu-arm, and no table of applet names in ' + busybox)
    names = data[start:data.index(b'\0\0', start)].decode().split('\0')
    return ['bin/' + n for n in names if n != 'busybox']


def pack(busybox, init, tests):
    c = Cpio()
    for d in DIRS:
        c.dir(d)
    c.chardev('dev/console', 5, 1)
    c.chardev('dev/null', 1, 3, 0o666)
    with open(busybox, 'rb') as f:
        c.file('bin/busybox', f.read(), 0o755)
    for path in applets(busybox):
        if path != 'bin/busybox':
            c.symlink(path, '/bin/busybox')
    for name, text in ETC.items():
        c.file('etc/' + name, text.encode())
    for name in tests:
        with open(os.path.join(SCENARIOS, name + '.sh'), 'rb') as f:
            c.file('tests/busybox/%s.sh' % name, f.read(), 0o755)
    c.file('init', init.encode(), 0o755)
    return c.finish()


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--tests', action='store_true',
                    help='the scenario runner instead of the interactive shell')
    ap.add_argument('-o', '--output', help='where to write the archive')
    args = ap.parse_args()
    os.makedirs(linux_oracle.ORACLE, exist_ok=True)
    _, busybox = linux_oracle.fetch()
    if args.tests:
        names = scenario_names()
        init = INIT_HEAD + ''.join(RUN_SCENARIO.format(name=n) for n in names) + \
            INIT_TESTS_TAIL
        out = args.output or os.path.join(OUT_DIR, 'tests.cpio')
    else:
        names, init = [], INIT_SHELL
        out = args.output or os.path.join(OUT_DIR, 'initramfs.cpio')
    data = pack(busybox, init, names)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out + '.tmp', 'wb') as f:
        f.write(data)
    os.replace(out + '.tmp', out)
    print('busybox_rootfs: %s (%d bytes%s)' % (os.path.relpath(out, ROOT), len(data),
          ', %d scenarios' % len(names) if args.tests else ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
