// SPDX-License-Identifier: GPL-2.0
/*
 * setup_arch: everything the boot CPU learns before generic code runs:
 * the device tree (checked whole before anything reads it), the command
 * line, the console, the CPU's identity and what it offers user space
 * (the HWCAP bits, from the ID registers as Linux reads them, and
 * /proc/cpuinfo), and the RAM banks.
 */
#include <linux/console.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/reboot.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/cp15.h>
#include <asm/hwcap.h>
#include <asm/memory.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <asm/vfp.h>

unsigned long __pv_phys_offset;
extern const char __dtb_builtin_start[];	/* arch/arm/boot/builtin_dtb.S */
unsigned long __machine_arch_type;
struct meminfo meminfo;
unsigned int elf_hwcap, elf_hwcap2;

int pl011_console_init(const void *blob);
int psci_dt_init(const void *blob);
void bootmem_init(const void *blob, unsigned long dtb_phys);

static const struct {
	u32 implementer, part;
	const char *name;
} cpu_names[] = {
	{ 0x41, 0xc07, "ARM Cortex-A7" },
	{ 0x41, 0xc08, "ARM Cortex-A8" },
	{ 0x41, 0xc09, "ARM Cortex-A9" },
	{ 0x41, 0xc0d, "ARM Cortex-A12" },
	{ 0x41, 0xc0e, "ARM Cortex-A17" },
	{ 0x41, 0xc0f, "ARM Cortex-A15" },
	{ 0x41, 0xd03, "ARM Cortex-A53" },
};

static const char *cpu_name(u32 midr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cpu_names); i++)
		if (cpu_names[i].implementer == midr >> 24 &&
		    cpu_names[i].part == ((midr >> 4) & 0xfff))
			return cpu_names[i].name;
	return "unknown ARMv7 processor";
}

/* An ID register's 4-bit field at bit @shift. */
static unsigned int id_field(u32 reg, int shift)
{
	return (reg >> shift) & 0xf;
}

/*
 * The HWCAP bits of the CPU itself (the VFP unit and the timer add
 * theirs). Every ARMv7 has the first few; the rest are read from the
 * ID registers, as Linux does, so another core reports what it has.
 */
static void setup_hwcaps(void)
{
	u32 isar5 = read_id_isar5();
	unsigned int sync_prim, aes;

	elf_hwcap = HWCAP_HALF | HWCAP_THUMB | HWCAP_FAST_MULT | HWCAP_EDSP |
		    HWCAP_TLS;
	/* SWP is not atomic against LDREX/STREX: not offered with them all */
	sync_prim = id_field(read_id_isar3(), 12) << 4 | id_field(read_id_isar4(), 20);
	if (sync_prim < 0x13)
		elf_hwcap |= HWCAP_SWP;
	if (id_field(read_id_pfr0(), 12) == 1)
		elf_hwcap |= HWCAP_THUMBEE;
	switch (id_field(read_id_isar0(), 24)) {	/* SDIV/UDIV */
	case 2:
		elf_hwcap |= HWCAP_IDIVA;
		/* fall through */
	case 1:
		elf_hwcap |= HWCAP_IDIVT;
	}
	if (id_field(read_id_mmfr0(), 0) >= 5)		/* VMSAv7 with LPAE */
		elf_hwcap |= HWCAP_LPAE;
	aes = id_field(isar5, 4);
	elf_hwcap2 = (aes >= 1 ? HWCAP2_AES : 0) | (aes >= 2 ? HWCAP2_PMULL : 0) |
		     (id_field(isar5, 8) == 1 ? HWCAP2_SHA1 : 0) |
		     (id_field(isar5, 12) == 1 ? HWCAP2_SHA2 : 0) |
		     (id_field(isar5, 16) == 1 ? HWCAP2_CRC32 : 0);
}

static void setup_processor(void)
{
	u32 midr = read_midr();

	pr_info("CPU: %s [%08x] r%up%u (ARMv7), cr=%08x\n", cpu_name(midr),
		midr, (midr >> 20) & 0xf, midr & 0xf, read_sctlr());
	setup_hwcaps();
	vfp_init();
}

/* The names /proc/cpuinfo gives the HWCAP and HWCAP2 bits, by bit. */
static const char *const hwcap_str[32] = {
	"swp", "half", "thumb", "26bit", "fastmult", "fpa", "vfp", "edsp",
	"java", "iwmmxt", "crunch", "thumbee", "neon", "vfpv3", "vfpv3d16",
	"tls", "vfpv4", "idiva", "idivt", "vfpd32", "lpae", "evtstrm",
};
static const char *const hwcap2_str[32] = {
	"aes", "pmull", "sha1", "sha2", "crc32",
};

/*
 * /proc/cpuinfo in Linux's layout, one block per online CPU (with the
 * MIDR it read coming up) then the machine.
 * BogoMIPS is what Linux derives from the timer when it delays with it:
 * loops_per_jiffy = rate / HZ, shown as lpj * HZ / 500000.
 */
void cpuinfo_show(struct seq_file *m)
{
	u32 rate = arch_timer_get_rate();
	int cpu, i;

	for_each_online_cpu(cpu) {
		u32 midr = cpu_read_midr(cpu);

		seq_printf(m, "processor\t: %d\n", cpu);
		seq_printf(m, "model name\t: ARMv7 Processor rev %u (%s)\n", midr & 0xf,
			   ELF_PLATFORM);
		seq_printf(m, "BogoMIPS\t: %u.%02u\n", rate / 500000, rate / 5000 % 100);
		seq_puts(m, "Features\t: ");
		for (i = 0; i < 32; i++)
			if (elf_hwcap & (1U << i) && hwcap_str[i])
				seq_printf(m, "%s ", hwcap_str[i]);
		for (i = 0; i < 32; i++)
			if (elf_hwcap2 & (1U << i) && hwcap2_str[i])
				seq_printf(m, "%s ", hwcap2_str[i]);
		seq_printf(m, "\nCPU implementer\t: 0x%02x\n", midr >> 24);
		seq_printf(m, "CPU architecture: 7\n");
		seq_printf(m, "CPU variant\t: 0x%x\n", (midr >> 20) & 0xf);
		seq_printf(m, "CPU part\t: 0x%03x\n", (midr >> 4) & 0xfff);
		seq_printf(m, "CPU revision\t: %u\n\n", midr & 0xf);
	}
	seq_printf(m, "Hardware\t: Generic DT based system\n");
	seq_printf(m, "Revision\t: 0000\n");
	seq_printf(m, "Serial\t\t: 0000000000000000\n");
}

/*
 * head.S mapped the 2 MiB from the DTB's section at FDT_FIXED_BASE; the
 * blob must fit in that window and pass fdt_check before anyone reads it.
 */
static const void *setup_dt(unsigned long dtb_phys)
{
	unsigned long offset = dtb_phys & ~SECTION_MASK;
	const void *blob = (const void *)(FDT_FIXED_BASE + offset);
	char why[96];

	if (!dtb_phys) {
		pr_crit("Error: no device tree (r2 = 0 or misaligned)\n");
		return NULL;
	}
	if (fdt_check(blob, FDT_FIXED_SIZE - offset, why, sizeof(why))) {
		pr_crit("Error: invalid device tree blob at physical address 0x%08lx: %s\n",
			dtb_phys, why);
		return NULL;
	}
	initial_boot_params = blob;
	return blob;
}

static void add_memory_bank(u64 base, u64 size, void *arg)
{
	(void)arg;
	if (!size) {
		pr_warn("Memory: ignoring empty bank at 0x%08llx\n", base);
		return;
	}
	/*
	 * The direct map starts at PHYS_OFFSET, where head.S found itself:
	 * RAM below it (a loader put the kernel past the first 128 MiB) has
	 * no virtual address, so it is left out, as Linux does.
	 */
	if (base < PHYS_OFFSET) {
		u64 below = min(size, (u64)PHYS_OFFSET - base);

		pr_warn("Ignoring memory below PHYS_OFFSET: 0x%08llx-0x%08llx\n",
			base, base + below - 1);
		base += below;
		size -= below;
		if (!size)
			return;
	}
	if (meminfo.nr_banks == NR_BANKS) {
		pr_warn("Memory: more than %d banks, ignoring 0x%08llx\n",
			NR_BANKS, base);
		return;
	}
	meminfo.bank[meminfo.nr_banks].start = base;
	meminfo.bank[meminfo.nr_banks].size = size;
	meminfo.nr_banks++;
}

/*
 * The random generator's seed: the boot loader's /chosen/rng-seed (QEMU
 * gives 32 bytes from the host), and the counter, which differs a little
 * from boot to boot even without one.
 */
static void setup_randomness(const void *blob)
{
	const void *seed;
	u64 cycles = arch_counter_read();
	int len = 0;

	seed = fdt_getprop(blob, fdt_path_offset(blob, "/chosen"), "rng-seed", &len);
	if (seed && len > 0)
		add_bootloader_randomness(seed, len);
	else
		pr_warn("random: no rng-seed from the boot loader: random bytes are guessable\n");
	add_bootloader_randomness(&cycles, sizeof(cycles));
}

static void setup_memory(const void *blob)
{
	u64 total = 0;
	int i;

	fdt_scan_memory(blob, add_memory_bank, NULL);
	for (i = 0; i < meminfo.nr_banks; i++)
		total += meminfo.bank[i].size;
	pr_info("Memory: %llu MiB RAM in %d bank(s)\n", total >> 20, meminfo.nr_banks);
	for (i = 0; i < meminfo.nr_banks; i++)
		pr_info("  bank %d: 0x%08llx-0x%08llx\n", i, meminfo.bank[i].start,
			meminfo.bank[i].start + meminfo.bank[i].size - 1);
}

const void *setup_arch(unsigned long dtb_phys)
{
	struct fdt_chosen chosen;
	const char *model;
	const void *blob;

	set_my_cpu_number(0);
	early_trap_init();
	pr_notice("Booting Pagoda on physical CPU 0x%x\n", read_mpidr() & 0xffffff);
	pr_notice("%s\n", pagoda_banner);
	blob = setup_dt(dtb_phys);
	if (!blob)
		machine_halt();	/* no console to say more on */
	if (!fdt_scan_chosen(blob, &chosen) && chosen.bootargs)
		snprintf(boot_command_line, sizeof(boot_command_line), "%s",
			 chosen.bootargs);
	parse_early_param();
	setup_randomness(blob);
	if (pl011_console_init(blob) < 0)
		machine_halt();
	setup_processor();
	model = fdt_stringlist_get(blob, fdt_path_offset(blob, "/"), "model", 0);
	pr_info("OF: fdt: Machine model: %s\n", model ? model : "unknown");
	pr_info("OF: fdt: %u byte device tree at physical 0x%08lx\n",
		fdt_totalsize(blob), dtb_phys);
	if (dtb_phys == __pa(__dtb_builtin_start))
		pr_info("OF: fdt: the loader passed none: using the one built in\n");
	setup_memory(blob);
	bootmem_init(blob, dtb_phys);
	psci_dt_init(blob);
	smp_init_cpus(blob);
	return blob;
}
