# The VFS from gdb: mounts as /proc/mounts shows them, a task's open files.
import gdb

from pagoda import tasks, utils


def mounts():
    """Every attached mount, in the order /proc/mounts lists them."""
    mount_t = utils.lookup_type('struct mount').pointer()
    head = gdb.parse_and_eval('&mount_list')
    offset = int(gdb.parse_and_eval('(unsigned long)&((struct mount *)0)->mnt_list'))
    node = head['next']
    while node != head:
        yield gdb.Value(utils.ulong(node) - offset).cast(mount_t)
        node = node['next']


class LxMounts(gdb.Command):
    """The mount tree, as /proc/mounts: device, where, type, read-only or not.

lx-mounts
Options a filesystem adds after rw (tmpfs's size= and so on) are left
out; the mount id and the super_block follow each line."""

    def __init__(self):
        super().__init__('lx-mounts', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        for m in mounts():
            root = m['mnt']['mnt_root']
            where = tasks.dentry_path(root, m)
            sb = m['mnt']['mnt_sb']
            ro = int(m['mnt']['mnt_flags']) & 0x40 or int(sb['s_flags']) & 1
            gdb.write(f'{m["mnt_devname"].string()} {where} '
                      f'{sb["s_type"]["name"].string()} {"ro" if ro else "rw"}'
                      f'  (id {int(m["mnt_id"])}, super_block {utils.ulong(sb):#x})\n')


FMODES = ((0x1, 'r'), (0x2, 'w'), (0x4, 'lseek'), (0x4000, 'path'))


class LxFiles(gdb.Command):
    """A task's open files: fd, close-on-exec, mode, position, count, path.

lx-files PID"""

    def __init__(self):
        super().__init__('lx-files', gdb.COMMAND_DATA)

    @utils.kernel_view
    def invoke(self, arg, from_tty):
        words = gdb.string_to_argv(arg)
        if len(words) != 1:
            raise gdb.GdbError('usage: lx-files PID')
        t = tasks.task_by_pid(utils.to_int(words[0]))
        if t is None:
            raise gdb.GdbError(f'lx-files: no task {words[0]}')
        files = t['files']
        if not files:
            gdb.write('(no file table: a kernel thread)\n')
            return
        gdb.write(f'{int(files["max_fds"])} slots, shared by {int(files["count"])} task(s)\n')
        for fd in range(int(files['max_fds'])):
            f = files['fd'][fd]
            if not f or utils.ulong(f) == 1:
                continue
            cloexec = int(files['close_on_exec'][fd // 32]) >> (fd % 32) & 1
            mode = ','.join(n for bit, n in FMODES if int(f['f_mode']) & bit)
            gdb.write(f'{fd:4d}{" cloexec" if cloexec else ""}  {mode:10s} '
                      f'pos {int(f["f_pos"])}  count {int(f["f_count"])}  '
                      f'{tasks.file_path(f)}\n')


LxMounts()
LxFiles()
