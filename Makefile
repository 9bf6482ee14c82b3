# Pagoda: build, run and test the kernel.
#
#   make            kernel ELF with symbols (build/vmlinux), raw image (build/Image)
#                   and the initramfs of user programs (build/initramfs.cpio)
#   make run        boot it under QEMU with the serial console on this terminal
#   make test       host unit tests + kernel KTAP suites under QEMU, one summary line
#                   T='SUITE[.CASE]' (globs, comma-separated): only those cases;
#                   LIST=1: list the cases; JUNIT=FILE, JSON=FILE: reports for CI
#   make debug      boot stopped, gdb stub on a free port (GDBPORT=) written to build/gdbport
#   make gdb        gdb-multiarch attached to it, with scripts/gdb's lx-* helpers
#   make bench      benchmarks in instructions per operation (docs/performance.md)
#   make clean
#
# Boards (see boot/ and docs/flash.md): BOARD=virt (default) or rpi2.
#   make            also builds build/uImage, build/pagoda.itb (FIT) and, for
#                   the Raspberry Pi 2B, build/rpi2/kernel7.img, its uImage, FIT
#                   and build/dts/rpi2.dtb
#   make run-uboot  boot under U-Boot from a disk image (BOARD=virt or rpi2)
#   make run-netboot  U-Boot on virt by DHCP and TFTP (build/tftp/)
#   make test-boards  every loader and board under QEMU (test runs some)
#   make sdimage BOARD=rpi2   build/rpi2/sdcard.img for a real Pi 2B
#   make flash BOARD=rpi2 OPENOCD_INTERFACE=interface/FILE.cfg   load over JTAG
#   make openocd-gdb BOARD=rpi2 OPENOCD_INTERFACE=...   OpenOCD + gdb on :3333
#
# Options: CROSS_COMPILE, MEM (1G), CPU (cortex-a15), SMP (CPUs on virt: 1), CMDLINE, QEMU_ARGS,
# INITRD (build/initramfs.cpio, made from user/ by `make user`), V=1,
# DEBUG=1 (kernel and user programs built -Og -g3, see docs/debugging.md).

CROSS_COMPILE	?= arm-none-eabi-
CC		:= $(CROSS_COMPILE)gcc
LD		:= $(CROSS_COMPILE)ld
NM		:= $(CROSS_COMPILE)nm
OBJCOPY		:= $(CROSS_COMPILE)objcopy
PYTHON		:= /usr/bin/python3
QEMU		:= qemu-system-arm
DTC		:= dtc

BUILD		:= build
VERSION		:= 0.1.0
BOARD		?= virt
ifeq ($(BOARD),virt)
MACHINE		?= virt
CPU		?= cortex-a15
KIMAGE		:= $(BUILD)/Image
else ifeq ($(BOARD),rpi2)
MACHINE		?= raspi2b
CPU		?= cortex-a7
KIMAGE		:= $(BUILD)/rpi2/kernel7.img
else
$(error BOARD=$(BOARD): choose virt or rpi2)
endif
MEM		?= 1G
SMP		?= 1
CMDLINE		?=
QEMU_ARGS	?=

ifeq ($(V),1)
cmd = $(3)
else
cmd = @printf '  %-7s %s\n' $(1) $(2); $(3)
endif

# DEBUG=1 optimises for debugging: every variable visible in gdb, macros
# too (-g3). A stamp holding the choice makes a change of it rebuild all.
ifeq ($(DEBUG),1)
OPT_CFLAGS	:= -Og -g3
else
OPT_CFLAGS	:= -O2 -g
endif

# UBSAN=1 (make ubsan-image builds one in build/ubsan/): the kernel's
# undefined behaviour checked as Linux's UBSAN checks it, reports from lib/ubsan.c
ifeq ($(UBSAN),1)
OPT_CFLAGS	+= -fsanitize=shift,integer-divide-by-zero,unreachable,bounds,bool,enum \
		   -fno-sanitize-recover=unreachable
endif

# KASAN=1 (make kasan-image builds one in build/kasan/): every load and
# store of the kernel checked against a shadow of its memory, as Linux's
# generic KASAN (mm/kasan/, docs/architecture.md). Outline checks (calls
# to __asan_load4_noabort...), at the shadow offset of asm/memory.h. No
# stack or globals instrumentation: the shadow does not exist for the
# early boot code that would write stack redzones, and globals' redzones
# would need constructors run at boot; the allocators' memory is the aim.
ifeq ($(KASAN),1)
KASAN_DEFS	:= -DCONFIG_KASAN
KASAN_CFLAGS	:= -fsanitize=kernel-address -fasan-shadow-offset=0x9f000000 \
		   --param=asan-instrumentation-with-call-threshold=0 \
		   --param=asan-stack=0 --param=asan-globals=0
OPT_CFLAGS	+= $(KASAN_CFLAGS) $(KASAN_DEFS)
endif

ARCH_CFLAGS	:= -marm -mcpu=cortex-a15 -mfloat-abi=soft -mno-unaligned-access \
		   -mapcs-frame -mno-sched-prolog -fno-omit-frame-pointer
# -fstack-protector-strong: a canary (random, set at boot) below the saved
# registers of every function with an array or an address-taken local
# The kernel's headers, then the user ABI's (uapi) that they include and
# that user programs are built with too (user/Makefile.inc), as Linux's.
UAPI_INCLUDES	:= -Iarch/arm/include/uapi -Iinclude/uapi
KERNEL_INCLUDES	:= -Iinclude -Iarch/arm/include $(UAPI_INCLUDES)
CFLAGS		:= -std=gnu11 $(OPT_CFLAGS) -Wall -Wextra -Werror -ffreestanding \
		   -fno-common -fno-strict-aliasing -fno-pie \
		   -fstack-protector-strong -mstack-protector-guard=global \
		   $(ARCH_CFLAGS) $(KERNEL_INCLUDES) -D__KERNEL__ \
		   -DPAGODA_VERSION='"$(VERSION)"'
AFLAGS		:= -marm -mcpu=cortex-a15 $(KERNEL_INCLUDES) \
		   -D__KERNEL__ -D__ASSEMBLY__ -g $(KASAN_DEFS)
LIBGCC		:= $(shell $(CC) $(ARCH_CFLAGS) -print-libgcc-file-name 2>/dev/null)

KERNEL_DIRS	:= arch/arm/boot arch/arm/kernel arch/arm/mm arch/arm/vfp mm kernel fs \
		   drivers/of drivers/serial drivers/irqchip drivers/clocksource \
		   drivers/firmware drivers/watchdog drivers/tty drivers/char drivers/base \
		   lib arch/arm/lib \
		   tests/kernel $(if $(KASAN_DEFS),mm/kasan)
KSRCS		:= $(filter-out %.lds.S $(if $(KASAN_DEFS),,arch/arm/mm/kasan_init.c), \
		     $(foreach d,$(KERNEL_DIRS),$(wildcard $(d)/*.c $(d)/*.S)))
KOBJS		:= $(patsubst %,$(BUILD)/%.o,$(basename $(KSRCS)))
LDS		:= $(BUILD)/arch/arm/kernel/vmlinux.lds

TEST_DTS	:= $(wildcard dts/test/*.dts)
TEST_DTBS	:= $(patsubst %.dts,$(BUILD)/%.dtb,$(TEST_DTS))

all: $(BUILD)/vmlinux $(BUILD)/Image $(BUILD)/vmlinux-gdb.py user

# Rewritten only when the flags change, so that objects rebuild only then.
BUILD_FLAGS	:= $(BUILD)/.build-flags
$(BUILD_FLAGS): FORCE
	@mkdir -p $(BUILD)
	@echo '$(OPT_CFLAGS)' | cmp -s - $@ || echo '$(OPT_CFLAGS)' > $@

$(BUILD)/%.o: %.c $(BUILD_FLAGS)
	@mkdir -p $(dir $@)
	$(call cmd,CC,$<,$(CC) $(CFLAGS) -MMD -MP -c $< -o $@)

$(BUILD)/%.o: %.S $(BUILD_FLAGS)
	@mkdir -p $(dir $@)
	$(call cmd,AS,$<,$(CC) $(AFLAGS) -MMD -MP -c $< -o $@)

$(LDS): arch/arm/kernel/vmlinux.lds.S
	@mkdir -p $(dir $@)
	$(call cmd,LDS,$<,$(CC) -E -P -x c $(AFLAGS) -MMD -MP -MT $@ $< -o $@)

$(BUILD)/%.dtb: %.dts
	@mkdir -p $(dir $@)
	$(call cmd,DTC,$<,$(DTC) -q -I dts -O dtb -o $@ $<)

# The symbol table for backtraces is linked in a second pass: pass one
# gives the addresses, scripts/kallsyms.py turns them into a table that
# sits after all code, so linking it in moves no function.
# $(call link_vmlinux,DIR,OBJECTS,PHYS_OFFSET) links DIR/vmlinux so; two
# kernels differ only in their built-in device tree (arch/arm/boot/
# builtin_dtb.S). The ELF's load addresses and entry are then made the
# board's physical ones, for loaders that place an ELF (OpenOCD, QEMU);
# symbols keep their virtual addresses.
define link_vmlinux
$(1)/.tmp_vmlinux1: $(2) $$(LDS) $$(BUILD)/kallsyms_empty.o
	@mkdir -p $$(dir $$@)
	$$(call cmd,LD,$$@,$$(LD) -T $$(LDS) -o $$@ $(2) $$(BUILD)/kallsyms_empty.o $$(LIBGCC))

$(1)/kallsyms.S: $(1)/.tmp_vmlinux1 scripts/kallsyms.py
	$$(call cmd,KSYM,$$@,$$(NM) -n $$< | $$(PYTHON) scripts/kallsyms.py > $$@)

$(1)/kallsyms.o: $(1)/kallsyms.S
	$$(call cmd,AS,$$<,$$(CC) $$(AFLAGS) -c $$< -o $$@)

$(1)/vmlinux: $(2) $$(LDS) $(1)/kallsyms.o
	$$(call cmd,LD,$$@,$$(LD) -T $$(LDS) -o $$@ $(2) $(1)/kallsyms.o $$(LIBGCC))
	$$(call cmd,KSYMCHK,$$@,$$(NM) -n $$@ | $$(PYTHON) scripts/kallsyms.py --check $(1)/kallsyms.S)
	$$(call cmd,LMA,$$@,$$(OBJCOPY) --change-section-lma '*-$$(shell printf 0x%x $$$$((0xc0000000 - $(3))))' \
		--set-start $$(shell printf 0x%x $$$$(($(3) + 0x8000))) $$@)
endef

$(BUILD)/kallsyms_empty.S:
	@mkdir -p $(BUILD)
	$(PYTHON) scripts/kallsyms.py --empty > $@

$(BUILD)/kallsyms_empty.o: $(BUILD)/kallsyms_empty.S
	$(call cmd,AS,$<,$(CC) $(AFLAGS) -c $< -o $@)

$(eval $(call link_vmlinux,$(BUILD),$(KOBJS),0x40000000))

$(BUILD)/Image: $(BUILD)/vmlinux
	$(call cmd,OBJCOPY,$@,$(OBJCOPY) -O binary $< $@)

# gdb auto-loads OBJFILE-gdb.py from beside the ELF (when its directory is
# in the auto-load safe path, as `make gdb` sets): the lx-* helpers.
$(BUILD)/vmlinux-gdb.py: scripts/gdb/vmlinux-gdb.py
	@mkdir -p $(BUILD)
	$(call cmd,GEN,$@,printf '%s\n' '# generated by the Makefile: loads scripts/gdb' \
		"path = '$(abspath scripts/gdb/vmlinux-gdb.py)'" \
		"exec(compile(open(path).read(), path, 'exec'), {'__file__': path})" > $@)

include boot/Makefile.inc

include tests/host/Makefile.inc
include tests/kernel/Makefile.inc
include tests/fuzz/Makefile.inc

# -nic none: no virtio NIC (the kernel has no driver; QEMU would want its ROM).
# No -no-reboot: the shell's reboot (PSCI SYSTEM_RESET) restarts the machine;
# the tests (scripts/run_tests.py) add it, so that a reset ends their run.
# Semihosting lets CMDLINE="ktest=all semihosting" end QEMU with status 1
# when a case failed.
INITRD		?= $(BUILD)/initramfs.cpio
QEMU_CMD = $(QEMU) -M $(MACHINE) -cpu $(CPU) -m $(MEM) -nographic -nic none \
	   $(if $(filter virt,$(BOARD)),-smp $(SMP)) \
	   -semihosting-config enable=on,target=native \
	   -kernel $(BUILD)/Image -initrd $(INITRD) \
	   $(if $(CMDLINE),-append "$(CMDLINE)") $(QEMU_ARGS)

deps:
	@sh scripts/deps.sh

run: deps
	@$(MAKE) --no-print-directory all user
	$(QEMU_CMD)

# `make debug` finds a free TCP port for QEMU's gdb stub (or takes
# GDBPORT=) and writes it to build/gdbport, where `make gdb` reads it.
GDB		:= gdb-multiarch
GDBPORT		?=
debug: deps
	@$(MAKE) --no-print-directory all user
	@port=$(or $(GDBPORT),$$($(PYTHON) scripts/gdb/free_port.py)) && \
	echo $$port > $(BUILD)/gdbport && \
	echo "QEMU is stopped; its gdb stub is on port $$port: make gdb (in another terminal)" && \
	$(QEMU_CMD) -S -gdb tcp:127.0.0.1:$$port

gdb:
	@test -f $(BUILD)/gdbport || { echo 'no $(BUILD)/gdbport: start make debug first' >&2; exit 1; }
	$(GDB) -q -iex 'add-auto-load-safe-path $(abspath $(BUILD))' $(BUILD)/vmlinux \
		-ex "target remote 127.0.0.1:$(or $(GDBPORT),$$(cat $(BUILD)/gdbport))"

test: deps
	@$(MAKE) --no-print-directory all host-tests fuzz-targets test-images linux-fetch ubsan-image kasan-image \
		busybox-rootfs busybox-tests-rootfs
	@$(PYTHON) scripts/run_tests.py --board $(BOARD) $(if $(T),--filter '$(T)') \
		$(if $(LIST),--list) $(if $(JUNIT),--junit '$(JUNIT)') $(if $(JSON),--json '$(JSON)')

# every loader and board: U-Boot from disk and by TFTP, the Pi four ways
test-boards: deps
	@$(MAKE) --no-print-directory all user test-images
	@$(PYTHON) scripts/run_tests.py --only images,$$($(PYTHON) scripts/run_tests.py --list-boards)

bench: deps
	@$(MAKE) --no-print-directory all user
	@$(PYTHON) scripts/bench.py --mem $(MEM)

# the sanitizer's own runtime is not instrumented
$(BUILD)/lib/ubsan.o: CFLAGS := $(filter-out $(KASAN_CFLAGS),$(CFLAGS)) -fno-sanitize=all

# the kernel again with UBSAN=1, in its own build directory, for run_tests.py's ubsan
ubsan-image:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/ubsan UBSAN=1 $(BUILD)/ubsan/Image

.PHONY: ubsan-image

# not instrumented: KASAN itself; SLUB, which reads and writes free
# objects (free pointers) and its own red zones, as on Linux; SLUB's
# tests, which corrupt red zones and freed objects on purpose for SLUB
# to find
$(BUILD)/mm/kasan/%.o $(BUILD)/arch/arm/mm/kasan_init.o $(BUILD)/mm/slub.o \
$(BUILD)/tests/kernel/slub_test.o: CFLAGS := $(filter-out $(KASAN_CFLAGS),$(CFLAGS))

# the kernel again with KASAN=1, in its own build directory, for run_tests.py's kasan
kasan-image:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/kasan KASAN=1 $(BUILD)/kasan/Image

.PHONY: kasan-image

clean:
	rm -rf $(BUILD)

.PHONY: all deps run debug gdb test test-boards bench clean host-tests FORCE
.DELETE_ON_ERROR:

-include $(shell find $(BUILD) -name '*.d' -type f -not -path '$(BUILD)/linux-oracle/*' 2>/dev/null)

# ---- User space -------------------------------------------------------------
# user/Makefile.inc builds the libc, the programs, the test programs of
# tests/user/LIST and build/initramfs.cpio. `make linux-golden` boots
# Debian's real ARM Linux on the same QEMU and records the test programs'
# output in tests/user/expected/ (scripts/linux_oracle.py).
include user/Makefile.inc

user: $(BUILD)/initramfs.cpio

linux-golden: user
	@$(PYTHON) scripts/linux_oracle.py --golden

# Debian's kernel package, downloaded once: its bcm2836-rpi-2-b.dtb is a
# test of the Pi's drivers against Linux's own description of the board
linux-fetch: $(BUILD)/linux-oracle/VERSIONS

$(BUILD)/linux-oracle/VERSIONS:
	@$(PYTHON) scripts/linux_oracle.py --fetch

# mmbench on real Linux, to set next to `make bench`'s Pagoda figures
bench-linux: deps
	@$(MAKE) --no-print-directory user
	@$(PYTHON) scripts/linux_oracle.py --bench

.PHONY: user linux-golden linux-fetch bench-linux
# ---- end of user space ------------------------------------------------------

# ---- busybox userland -------------------------------------------------------
# make run ROOTFS=busybox: Debian's busybox-static as the root file system
# (scripts/busybox_rootfs.py packs build/busybox/initramfs.cpio; its /init
# starts sh on the console). make busybox-tests: the scenarios of
# tests/busybox/ on Pagoda, each compared with Linux's output, which
# make busybox-golden records in tests/busybox/expected/, and a session
# at its sh (run_tests.py's groups "busybox" and "busybox-shell", not
# yet part of make test).
BUSYBOX_DIR	:= $(BUILD)/busybox
ifeq ($(ROOTFS),busybox)
INITRD		:= $(BUSYBOX_DIR)/initramfs.cpio
run debug: busybox-rootfs
endif

busybox-rootfs:
	@$(PYTHON) scripts/busybox_rootfs.py -o $(BUSYBOX_DIR)/initramfs.cpio

busybox-tests-rootfs:
	@$(PYTHON) scripts/busybox_rootfs.py --tests -o $(BUSYBOX_DIR)/tests.cpio

busybox-tests: deps busybox-rootfs busybox-tests-rootfs
	@$(MAKE) --no-print-directory all
	@$(PYTHON) scripts/run_tests.py --only busybox,busybox-shell

busybox-golden: busybox-tests-rootfs
	@$(PYTHON) scripts/linux_oracle.py --initrd $(BUSYBOX_DIR)/tests.cpio \
		--golden-dir tests/busybox/expected

.PHONY: busybox-rootfs busybox-tests-rootfs busybox-tests busybox-golden
# ---- end of busybox userland ------------------------------------------------

# ---- SMP: a CPU that does not come up ---------------------------------------
# QEMU virt's own device tree at -smp 3 plus a fourth PSCI CPU that does not
# exist (MPIDR 7): PSCI CPU_ON refuses it, and the kernel must say so and
# go on with three CPUs (run_tests.py's smp-badcpu).
$(BUILD)/test/smp-badcpu.dtb:
	@mkdir -p $(dir $@)
	@printf '  %-7s %s\n' DTB $@
	@$(QEMU) -M virt,dumpdtb=$@ -cpu cortex-a15 -m 256M -smp 3 -nographic -nic none \
		>/dev/null 2>&1
	@fdtput -c $@ /cpus/cpu@7
	@fdtput -t s $@ /cpus/cpu@7 device_type cpu
	@fdtput -t s $@ /cpus/cpu@7 compatible arm,cortex-a15
	@fdtput -t x $@ /cpus/cpu@7 reg 7
	@fdtput -t s $@ /cpus/cpu@7 enable-method psci

test-images: $(BUILD)/test/smp-badcpu.dtb
