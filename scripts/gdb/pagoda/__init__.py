# Pagoda's gdb helpers: see vmlinux-gdb.py, which loads them.
