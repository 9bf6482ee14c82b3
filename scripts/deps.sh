#!/bin/sh
# Installs, with apt-get, whatever the build, `make run` and `make test`
# need and this machine lacks; a machine that has everything is left alone.
set -e

need=""
check() {	# check COMMAND PACKAGE
	command -v "$1" >/dev/null 2>&1 || need="$need $2"
}
check arm-none-eabi-gcc gcc-arm-none-eabi
check qemu-system-arm qemu-system-arm
check dtc device-tree-compiler
check gdb-multiarch gdb-multiarch
check cpio cpio
check gcc gcc
check clang clang
# libFuzzer's runtime is only a recommendation of clang's
ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1 ||
	need="$need libclang-rt-dev"
check arm-linux-gnueabihf-gcc gcc-arm-linux-gnueabihf	# glibc_* test programs
[ -e /usr/arm-linux-gnueabihf/lib/libc.a ] || need="$need libc6-dev-armhf-cross"
[ -e /usr/include/stdio.h ] || need="$need libc6-dev"
check /usr/bin/python3 python3

[ -z "$need" ] && exit 0
echo "deps: installing$need"
if [ "$(id -u)" != 0 ]; then
	echo "deps: run as root, or install:$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# a mirror in mid-sync fails part of the update; what came in usually does
apt-get update -qq || echo "deps: apt-get update reported errors (going on)"
apt-get install -y -qq --no-install-recommends $need >/dev/null
