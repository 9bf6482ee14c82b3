# SPDX-License-Identifier: GPL-2.0
# Loads Pagoda's gdb helpers (scripts/gdb/pagoda/). The build writes
# build/vmlinux-gdb.py, which gdb auto-loads beside build/vmlinux and
# which runs this file; `make gdb` loads it explicitly. `help lx` lists
# the commands; `help function` the $lx_... functions.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import gdb
    gdb.execute('set pagination off')
    import pagoda.utils      # noqa: F401
    import pagoda.tasks      # noqa: F401
    import pagoda.dmesg      # noqa: F401
    import pagoda.mm         # noqa: F401
    import pagoda.pgtable    # noqa: F401
    import pagoda.fs         # noqa: F401
    import pagoda.locking    # noqa: F401
except ImportError as e:
    print(f'Pagoda gdb helpers not loaded: {e}')
