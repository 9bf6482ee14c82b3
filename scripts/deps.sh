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
# boot images, disk images and boards (boot/, docs/flash.md)
check mkimage u-boot-tools
check mcopy mtools
check mkfs.fat dosfstools
check sfdisk fdisk
check openocd openocd
[ -e /usr/lib/u-boot/qemu_arm/u-boot.bin ] || need="$need u-boot-qemu"
[ -e /usr/lib/u-boot/rpi_2/u-boot.bin ] || need="$need u-boot-rpi:armhf"

[ -z "$need" ] && exit 0
echo "deps: installing$need"
if [ "$(id -u)" != 0 ]; then
	echo "deps: run as root, or install:$need" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
case "$need" in
*:armhf*) dpkg --print-foreign-architectures | grep -qx armhf ||
	dpkg --add-architecture armhf ;;
esac
# a mirror in mid-sync fails part of the update; what came in usually does
apt-get update -qq || echo "deps: apt-get update reported errors (going on)"
apt-get install -y -qq --no-install-recommends $need >/dev/null
