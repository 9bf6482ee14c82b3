#!/usr/bin/python3
"""The "gdb" group of `make test`: Pagoda's gdb helpers (scripts/gdb/)
against a booted kernel, in one QEMU boot of a few seconds.

The shell starts a user process (memhog) and prints its own views of
the kernel (ps, maps, pte, version, buddyinfo, zoneinfo, slabinfo,
vmallocinfo, dmesg). Then gdb-multiarch, in batch mode, attaches to
QEMU's gdb stub (which stops the machine), runs every lx- helper and
function, and each answer is checked against the shell's. Then the
shell runs /tests/proc_self while gdb waits at two breakpoints in the
fault path: its first instruction (a new program's first fetch faults
its text in), where `bt` must cross the exception entry to that user
pc, the ELF's entry point, named _start once lx-symbols-user has loaded
the program's symbols; and the kernel's own fault when read() copies
into the program's untouched bss, where `bt` must show the faulting
kernel code, then the system call's entry, then the user caller. At
both, `call dump_stack()` must print the kernel's own backtrace
crossing the same exception frames.

The gdb transcript is written to build/test-logs/gdb-session.txt, and
every "(gdb) COMMAND" example of docs/debugging.md must match it (digits
and hex are wildcards, "..." any lines): the doc cannot drift.

Run alone: scripts/run_tests.py --only gdb
"""
import os
import re
import select
import shlex
import signal
import socket
import subprocess
import threading
import time
import traceback
from pathlib import Path

from ktap import Case, FAIL, PASS

ROOT = Path(__file__).resolve().parent.parent
PROMPT = 'pagoda> '
CMDLINE = 'panic=-1 gdbtest'
# (cat's first look at /proc/mounts allocates what stays: before the
# counts gdb compares, or a cache that happens to be full grows a slab
# between the shell's view and gdb's)
SHELL_COMMANDS = ('run /bin/memhog 64K &', 'sleep 0.5', 'ps', 'maps 2', 'pte 2 10000',
                  'version', 'cat /proc/mounts', 'buddyinfo', 'zoneinfo', 'slabinfo',
                  'vmallocinfo', 'dmesg', 'cpus')
# a user instruction fetch faulting (FAULT_FLAG_INSTRUCTION), and the
# kernel faulting on a user address (regs->ARM_cpsr is uregs[16])
USER_PC_BREAK = 'break do_user_fault if (flags & 2) != 0'
KERNEL_FAULT_BREAK = 'break do_DataAbort if (regs->uregs[16] & 0x1f) != 0x10'
PROGRAM = '/tests/proc_self'     # reads /proc files into a fresh 128 KiB bss buffer


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


class Reader:
    """Collects a process's output from a thread; wait() for a text."""

    def __init__(self, proc):
        self.proc, self.text, self.cond = proc, '', threading.Condition()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        fd = self.proc.stdout.fileno()
        while True:
            data = os.read(fd, 65536)
            if not data:
                break
            with self.cond:
                self.text += data.decode('utf-8', 'replace').replace('\r', '')
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def wait(self, needle, start, deadline):
        """The position just after @needle's first occurrence from
        @start, or None at the deadline or when the output ends."""
        with self.cond:
            while True:
                pos = self.text.find(needle, start)
                if pos >= 0:
                    return pos + len(needle)
                left = deadline - time.monotonic()
                if left <= 0 or not self.thread.is_alive():
                    return None
                self.cond.wait(min(left, 0.2))


def shell_session(qemu, reader, deadline):
    """Types SHELL_COMMANDS, each at its prompt; their outputs by command."""
    pos = reader.wait(PROMPT, 0, deadline)
    if pos is None:
        raise RuntimeError('no shell prompt')
    outputs = {}
    for command in SHELL_COMMANDS:
        qemu.stdin.write((command + '\n').encode())
        qemu.stdin.flush()
        # background output may come between the prompt and the echo
        echo = reader.wait(command + '\n', pos, deadline)
        end = reader.wait(PROMPT, echo or pos, deadline) if echo else None
        if end is None:
            raise RuntimeError(f'no prompt after {command!r}')
        outputs[command] = reader.text[echo:end - len(PROMPT)].split('\n')[:-1]
        pos = end
    return outputs


def gdb_argv(build, port, commands):
    """gdb-multiarch in batch mode; each command echoed "(gdb) COMMAND"
    first, so the transcript reads like a session."""
    argv = ['gdb-multiarch', '-q', '-batch', '-nx',
            '-iex', f'add-auto-load-safe-path {build}', str(build / 'vmlinux'),
            '-ex', 'set confirm off', '-ex', 'set width 0',
            '-ex', f'target remote 127.0.0.1:{port}']
    for command in commands:
        argv += ['-ex', 'echo (gdb) ' + command.replace('\\', '\\\\') + '\\n', '-ex', command]
    return argv


def gdb_commands(pfn):
    """What gdb runs: every helper; then, while Python has the shell run
    PROGRAM, a stop at its first instruction (the fetch faults it in),
    one in user mode once it runs it (where helpers must refuse), and one
    where the kernel's copy to its untouched bss faults."""
    return ['lx-version', 'lx-cmdline', 'lx-ps', 'lx-vmas 2', 'lx-pagetable 0x10000 2',
            f'lx-page {pfn:#x}', 'lx-page (unsigned long)$lx_task_by_pid(2)',
            'lx-buddyinfo', 'lx-buddyinfo -t', 'lx-zoneinfo', 'lx-slabinfo',
            'lx-vmallocinfo', 'lx-dmesg', 'lx-fdtdump', 'lx-mounts', 'lx-files 2',
            'lx-cpus', 'lx-lock kernel_flag', 'lx-lock $lx_task_by_pid(2)->mm->mmap_lock',
            'print $lx_task_by_pid(2)->comm',
            'print $container_of(task_list.next, "struct task_struct", "tasks")->comm',
            'print $lx_per_cpu("contig_page_data.node_zones[1].pcp", 0).count',
            USER_PC_BREAK, 'continue', 'bt', 'print $lx_current()->comm',
            'lx-symbols-user $lx_current()->pid', 'bt', 'call dump_stack()', 'delete',
            'tbreak _start', 'continue', 'bt 1', 'lx-ps',
            KERNEL_FAULT_BREAK, 'continue', 'bt', 'tbreak do_user_fault', 'continue',
            'call dump_stack()', 'delete', 'detach']


def sections(transcript):
    """{command: [output lines, ...]} of a gdb transcript, one list entry
    per time the command was run."""
    found, command = {}, None
    for line in transcript.split('\n'):
        if line.startswith('(gdb) '):
            command = line[len('(gdb) '):]
            found.setdefault(command, []).append([])
        elif command is not None:
            found[command][-1].append(line)
    return found


def elf_entry(path):
    with open(path, 'rb') as f:
        head = f.read(28)
    return int.from_bytes(head[24:28], 'little')


def run(build, timeout):
    """(cases, seconds, log text, command line) of the gdb group."""
    start = time.monotonic()
    deadline = start + timeout
    port = free_port()
    qemu_argv = ['qemu-system-arm', '-M', 'virt', '-nic', 'none', '-cpu', 'cortex-a15',
                 '-m', '1G', '-nographic', '-no-reboot', '-kernel', str(build / 'Image'),
                 '-initrd', str(build / 'initramfs.cpio'), '-append', CMDLINE,
                 '-gdb', f'tcp:127.0.0.1:{port}']
    command = shlex.join(qemu_argv)
    cases, log = [], []

    def case(name, ok, diag=()):
        cases.append(Case(f'gdb: {name}', PASS if ok else FAIL, list(diag)))

    qemu = subprocess.Popen(qemu_argv, cwd=ROOT, start_new_session=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)
    console = Reader(qemu)
    gdb = out = None
    try:
        shell = shell_session(qemu, console, deadline)
        pte = '\n'.join(shell['pte 2 10000'])
        match = re.search(r'^  page  pfn (0x[0-9a-f]+)', pte, re.M)
        pfn = int(match.group(1), 16) if match else 0
        gdb = subprocess.Popen(gdb_argv(build, port, gdb_commands(pfn)), cwd=ROOT,
                               start_new_session=True, stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        out = Reader(gdb)
        if out.wait('(gdb) continue\n', 0, deadline) is not None:
            qemu.stdin.write(f'run {PROGRAM}\n'.encode())
            qemu.stdin.flush()
        gdb.wait(max(1, deadline - time.monotonic()))
        out.thread.join(2)
        qemu.stdin.write(b'poweroff\n')
        qemu.stdin.flush()
        qemu.wait(max(1, deadline - time.monotonic()))
    except (RuntimeError, subprocess.TimeoutExpired, OSError) as e:
        case('the session ran to its end', False, [str(e)] + console.text.split('\n')[-30:])
        shell = {}
    finally:
        for proc in (gdb, qemu):
            if proc and proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    console.thread.join(2)
    transcript = out.text if out else ''
    (build / 'test-logs').mkdir(parents=True, exist_ok=True)
    (build / 'test-logs' / 'gdb-session.txt').write_text(transcript)
    log = ['---- console ----', console.text, '---- gdb ----', transcript]
    if shell:
        try:
            cases += check(shell, sections(transcript), console.text, build)
        except Exception:       # a surprise in the output: say where
            cases.append(Case('gdb: checking the session failed', FAIL,
                              traceback.format_exc().split('\n')))
    else:
        cases.append(Case('gdb: the helpers were checked', FAIL, ['the session failed']))
    return cases, time.monotonic() - start, '\n'.join(log), command


# --- what the answers must be ---------------------------------------------------

def _ps_rows(lines):
    """(pid, ppid, cpu, vsz, rss, comm) of a ps listing: the state is left
    out, since the shell is running while it prints its own ps."""
    rows = []
    for line in lines:
        f = line.split()
        if len(f) == 7 and f[0].isdigit():
            rows.append((f[0], f[1], f[3], f[4], f[5], f[6]))
    return rows


def _frames(bt):
    """The frames of a `bt` output, without their "#N" numbers."""
    return [re.sub(r'^#\d+\s+', '', l) for l in bt if l.startswith('#')]


def doc_examples(text):
    """docs/debugging.md's sessions: the indented blocks (up to a blank
    or unindented line) whose first line is "(gdb) COMMAND", each
    "(gdb) " line starting an example, as (command, [regex, or None for
    "..."]) pairs. A run of digits or hex in a line stands for any, and
    a run of blanks for any, so that the examples keep matching when
    addresses, line and frame numbers move."""
    blocks, block = [], []
    for line in text.split('\n') + ['']:
        if line.startswith('    ') and line.strip():
            block.append(line[4:])
            continue
        if block and block[0].startswith('(gdb) '):
            blocks.append(block)
        block = []
    examples = []
    for block in blocks:
        for line in block:
            if line.startswith('(gdb) '):
                examples.append((line[len('(gdb) '):], []))
                continue
            if line.strip() == '...':
                examples[-1][1].append(None)
                continue
            parts = [r'\s+'.join(re.sub(r'(?:0x)?[0-9a-f]*\d[0-9a-f]*', '(?:0x)?[0-9a-f]+',
                                         re.escape(word)) for word in re.split(r'\s+', p))
                     for p in line.split('...')]
            examples[-1][1].append(re.compile('^' + '.*'.join(parts) + r'\s*$'))
    return examples


def example_matches(regexes, output):
    """The lines match @regexes in order: the first line at once, after a
    "..." (None) anywhere further on."""
    i, loose = 0, False
    for regex in regexes:
        if regex is None:
            loose = True
            continue
        while i < len(output) and not regex.match(output[i]):
            if not loose:
                return False
            i += 1
        if i == len(output):
            return False
        i, loose = i + 1, False
    return True


def check(shell, gdb, console, build):
    """(name, ok, diagnostics) of each answer against the shell's."""
    results = []

    def one(command, occurrence=0):
        return gdb.get(command, [])[occurrence] if len(gdb.get(command, [])) > occurrence \
            else []

    def same(name, command, want):
        got = one(command)
        results.append((name, got == want, ['gdb:'] + got + ['shell:'] + want))

    same('lx-version prints the banner the shell\'s version prints', 'lx-version',
         shell['version'])
    same('lx-cmdline prints the command line QEMU passed', 'lx-cmdline', [CMDLINE])
    want_ps, got_ps = _ps_rows(shell['ps']), _ps_rows(one('lx-ps'))
    results.append(('lx-ps lists the tasks the shell\'s ps lists, memhog with its VSZ and RSS',
                    got_ps == want_ps and any(r[5] == 'memhog' for r in got_ps),
                    ['gdb:'] + one('lx-ps') + ['shell:'] + shell['ps']))
    same('lx-vmas 2 prints what the shell\'s maps 2 prints', 'lx-vmas 2', shell['maps 2'])
    walk = one('lx-pagetable 0x10000 2')
    pte = shell['pte 2 10000']
    results.append(('lx-pagetable 0x10000 2 agrees with the shell\'s pte 2 10000, '
                    'then decodes the struct page',
                    walk[:len(pte)] == pte and any('flags 0x' in l for l in walk[len(pte):]),
                    ['gdb:'] + walk + ['shell:'] + pte))
    counts = re.search(r'refcount (\d+) mapcount (\d+)', '\n'.join(pte))
    page = '\n'.join(one(next((c for c in gdb if c.startswith('lx-page ')), '')))
    results.append(('lx-page PFN shows the frame\'s counts as pte does, its flags named',
                    counts is not None and
                    f'refcount {counts.group(1)}  mapcount {counts.group(2)}' in page and
                    re.search(r'flags 0x[0-9a-f]{8}: [a-z_|]+', page) is not None, [page]))
    slab = '\n'.join(one('lx-page (unsigned long)$lx_task_by_pid(2)'))
    results.append(('lx-page ADDR of a task_struct names its slab cache',
                    re.search(r'flags 0x\w+: [a-z_|]*slab', slab) is not None and
                    'slab of task_struct: inuse' in slab, [slab]))
    by_order = [l.split()[4:] for l in one('lx-buddyinfo -t') if l.startswith('Node 0')]
    sums, rows = [], []
    for line in one('lx-buddyinfo -t'):
        if line.startswith('Node 0'):
            rows = []
            sums.append(rows)
        elif rows is not None and line.startswith('    '):
            rows.append([int(n) for n in line.split()[1:]])
    totals = [[str(sum(col)) for col in zip(*zone)] for zone in sums]
    results.append(('lx-buddyinfo -t: the free lists of each migrate type add up to '
                    'the blocks of each order',
                    bool(by_order) and totals == by_order, one('lx-buddyinfo -t')))
    want = [' '.join(l.split()[:3] + l.split()[3].split(',')[:1])
            for l in shell['cat /proc/mounts'] if len(l.split()) > 3]
    got = [l.split('  (id')[0] for l in one('lx-mounts')]
    results.append(('lx-mounts lists the mounts /proc/mounts lists', bool(got) and got == want,
                    ['gdb:'] + one('lx-mounts') + ['shell:'] + shell['cat /proc/mounts']))
    files = one('lx-files 2')
    results.append(('lx-files 2 shows memhog\'s fds 0-2 on /dev/console',
                    len([l for l in files if l.endswith(' /dev/console')]) == 3, files))
    cpu_rows = [l.split() for l in shell['cpus'][1:] if re.match(r'\s*\d', l)]
    got = [l.split()[:2] for l in one('lx-cpus')[1:] if re.match(r'\s*\d', l)]
    results.append(('lx-cpus lists the CPUs the shell\'s cpus lists, online or not',
                    bool(got) and got == [[r[0], r[2]] for r in cpu_rows],
                    ['gdb:'] + one('lx-cpus') + ['shell:'] + shell['cpus']))
    big_lock = [l for l in shell['cpus'] if l.startswith('big lock:')]
    results.append(('lx-cpus ends with the big lock line the shell\'s cpus ends with',
                    len(big_lock) == 1 and one('lx-cpus')[-1:] == big_lock,
                    ['gdb:'] + one('lx-cpus')[-1:] + ['shell:'] + big_lock))
    locks = one('lx-lock kernel_flag') + one('lx-lock $lx_task_by_pid(2)->mm->mmap_lock')
    results.append(('lx-lock decodes the big kernel lock and memhog\'s mmap_lock (free: '
                    'memhog sleeps)',
                    len(locks) == 2 and re.match(r'spinlock: (free|held on CPU 0)', locks[0])
                    is not None and locks[1] == 'rw_semaphore: free', locks))
    for view in ('buddyinfo', 'zoneinfo', 'slabinfo', 'vmallocinfo', 'dmesg'):
        same(f'lx-{view} prints what the shell\'s {view} prints', f'lx-{view}', shell[view])
    last = next((l for l in reversed(console[:console.find(PROMPT)].split('\n'))
                 if l.startswith('[')), None)
    dmesg = one('lx-dmesg')
    results.append(('lx-dmesg ends with the kernel\'s last line before the prompt',
                    bool(dmesg) and dmesg[-1] == last, [f'gdb: {dmesg[-1:]}', f'console: {last}']))
    fdt = one('lx-fdtdump')
    results.append(('lx-fdtdump shows the machine model, 1 GiB of memory and the bootargs',
                    '\tmodel = "linux,dummy-virt";' in fdt and
                    '\t\treg = <0x0 0x40000000 0x0 0x40000000>;' in fdt and
                    f'\t\tbootargs = "{CMDLINE}";' in fdt, fdt[:40]))
    prints = [one(c) for c in gdb if c.startswith('print ')]
    want = ['memhog', 'init']
    got = [re.sub(r'^\$\d+ = ', '', p[0]) if p else '' for p in prints]
    zone_count = re.search(r'Normal\n(?:.*\n)*?\s+count: (\d+)', '\n'.join(shell['zoneinfo']))
    results.append(('$lx_task_by_pid, $container_of, $lx_per_cpu and $lx_current '
                    'give memhog, init, the Normal zone\'s pcp count and the program',
                    len(got) == 4 and got[0].startswith('"memhog\\000') and
                    got[1].startswith('"init"') and zone_count is not None and
                    got[2] == zone_count.group(1) and
                    got[3].startswith('"' + PROGRAM.split('/')[-1]), got))
    user_mode, refused = one('bt 1'), '\n'.join(one('lx-ps', 1))
    results.append(('stopped in user mode (at _start), a helper says why it cannot '
                    'read the kernel',
                    bool(user_mode) and user_mode[0].startswith('#0  _start ()') and
                    'stopped in user mode: QEMU\'s gdb stub reads memory' in refused,
                    user_mode + [refused]))

    entry = elf_entry(build / 'user' / PROGRAM.lstrip('/'))
    user_bt = _frames(one('bt', 0))
    sig = next((i for i, f in enumerate(user_bt) if f == '<signal handler called>'), None)
    results.append((f'bt at a user fetch fault crosses the exception entry to the user pc '
                    f'({PROGRAM}\'s entry point {entry:#x})',
                    sig is not None and 'do_PrefetchAbort (' in user_bt[sig - 1] and
                    sig + 1 < len(user_bt) and
                    user_bt[sig + 1].startswith(f'0x{entry:08x} in ?? ()'), one('bt', 0)))
    named = _frames(one('bt', 1))
    results.append(('after lx-symbols-user, bt names the user frame _start',
                    sig is not None and len(named) > sig + 1 and
                    named[sig + 1].startswith('_start ()'), one('bt', 1)))
    kernel_bt = _frames(one('bt', 2))
    sigs = [i for i, f in enumerate(kernel_bt) if f == '<signal handler called>']
    results.append(('bt at the kernel\'s fault on a user address shows the faulting '
                    'kernel code, the system call entry and the user caller',
                    len(sigs) == 2 and kernel_bt[0].startswith('do_DataAbort') and
                    '__copy_to_user' in kernel_bt[sigs[0] + 1] and
                    any('sys_read' in f for f in kernel_bt[sigs[0]:sigs[1]]) and
                    any(' at user/lib/' in f or ' at tests/user/' in f
                        for f in kernel_bt[sigs[1]:]), one('bt', 2)))
    traces = console.split('Backtrace:\n')[1:]
    results.append(('the kernel\'s backtrace (dump_stack) at the user fault ends at the user pc',
                    len(traces) == 2 and
                    f'Exception from user mode at pc {entry:08x}' in traces[0], traces[:1]))
    results.append(('the kernel\'s backtrace at its own fault crosses the exception into '
                    '__copy_to_user, then the system call into user mode',
                    len(traces) == 2 and
                    re.search(r'Exception stack at \w+, from pc \[<c\w+>\] \(__copy_to_user',
                              traces[1]) is not None and
                    re.search(r'\(do_swi\) from .*\(vector_swi', traces[1]) is not None and
                    'Exception from user mode at pc' in traces[1], traces[1:]))

    doc = ROOT / 'docs' / 'debugging.md'
    for command, regexes in doc_examples(doc.read_text()):
        # a number in the command (a pfn, a pid) stands for the one this session used
        pattern = re.compile('^' + re.sub(r'(?:0x)?[0-9a-f]*\d[0-9a-f]*', '(?:0x)?[0-9a-f]+',
                                          re.escape(command)) + '$')
        outputs = gdb.get(command, []) or [out for c, outs in gdb.items() if pattern.match(c)
                                           for out in outs]
        results.append((f'docs/debugging.md\'s "(gdb) {command}" matches this session',
                        any(example_matches(regexes, out) for out in outputs),
                        [f'no output of {command!r} matches the example'
                         if outputs else f'{command!r} was not run in the session']))
    return [Case(f'gdb: {name}', PASS if ok else FAIL, list(diag))
            for name, ok, diag in results]
