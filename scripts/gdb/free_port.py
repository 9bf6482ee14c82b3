#!/usr/bin/python3
"""Prints a TCP port on 127.0.0.1 that nothing listens on now, for QEMU's
gdb stub (`make debug`, the gdb test): the kernel picks it when binding
port 0, and it stays free once this socket is closed unless another
program binds it first."""
import socket


def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


if __name__ == '__main__':
    print(free_port())
