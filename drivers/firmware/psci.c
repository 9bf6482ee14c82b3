// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI, the firmware interface for power: SYSTEM_OFF, SYSTEM_RESET and
 * CPU_ON, which starts a secondary CPU (arch/arm/kernel/smp.c). The
 * device tree's /psci node names the conduit: "hvc" (QEMU virt without
 * EL3) or "smc".
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>

#define PSCI_0_2_FN_PSCI_VERSION	0x84000000
#define PSCI_0_2_FN_CPU_ON		0x84000003
#define PSCI_0_2_FN_SYSTEM_OFF		0x84000008
#define PSCI_0_2_FN_SYSTEM_RESET	0x84000009

typedef unsigned long (*psci_fn)(unsigned long fn, unsigned long a0,
				 unsigned long a1, unsigned long a2);

static unsigned long __invoke_psci_fn_hvc(unsigned long fn, unsigned long a0,
					  unsigned long a1, unsigned long a2)
{
	register unsigned long r0 __asm__("r0") = fn;
	register unsigned long r1 __asm__("r1") = a0;
	register unsigned long r2 __asm__("r2") = a1;
	register unsigned long r3 __asm__("r3") = a2;

	__asm__ __volatile__(".arch_extension virt\n\thvc #0"
			     : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
	return r0;
}

static unsigned long __invoke_psci_fn_smc(unsigned long fn, unsigned long a0,
					  unsigned long a1, unsigned long a2)
{
	register unsigned long r0 __asm__("r0") = fn;
	register unsigned long r1 __asm__("r1") = a0;
	register unsigned long r2 __asm__("r2") = a1;
	register unsigned long r3 __asm__("r3") = a2;

	__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
			     : "+r"(r0) : "r"(r1), "r"(r2), "r"(r3) : "memory");
	return r0;
}

static psci_fn invoke_psci_fn;

bool psci_available(void)
{
	return invoke_psci_fn != NULL;
}

void psci_system_off(void)
{
	if (invoke_psci_fn)
		invoke_psci_fn(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}

/*
 * Starts the CPU whose MPIDR affinity is @mpidr at physical address
 * @entry, MMU off, with r0 = @context_id. PSCI's error codes (negative)
 * become errnos.
 */
int psci_cpu_on(unsigned long mpidr, unsigned long entry, unsigned long context_id)
{
	long ret;

	if (!invoke_psci_fn)
		return -EOPNOTSUPP;
	ret = (long)invoke_psci_fn(PSCI_0_2_FN_CPU_ON, mpidr, entry, context_id);
	switch (ret) {
	case 0:
		return 0;
	case -2:	/* INVALID_PARAMETERS: no such CPU */
		return -EINVAL;
	case -4:	/* ALREADY_ON */
	case -5:	/* ON_PENDING */
		return -EBUSY;
	case -1:	/* NOT_SUPPORTED */
		return -EOPNOTSUPP;
	default:	/* DENIED, INTERNAL_FAILURE... */
		return -EIO;
	}
}

void psci_system_reset(void)
{
	if (invoke_psci_fn)
		invoke_psci_fn(PSCI_0_2_FN_SYSTEM_RESET, 0, 0, 0);
}

static const char *const psci_compatibles[] = {
	"arm,psci-1.0", "arm,psci-0.2",
};

int psci_dt_init(const void *blob)
{
	const char *method;
	unsigned long ver;
	unsigned int i;
	int node = -ENOENT;

	for (i = 0; i < ARRAY_SIZE(psci_compatibles) && node < 0; i++)
		node = fdt_find_compatible(blob, -1, psci_compatibles[i]);
	if (node < 0)
		return -ENODEV;
	method = fdt_stringlist_get(blob, node, "method", 0);
	if (method && !strcmp(method, "hvc")) {
		invoke_psci_fn = __invoke_psci_fn_hvc;
	} else if (method && !strcmp(method, "smc")) {
		invoke_psci_fn = __invoke_psci_fn_smc;
	} else {
		pr_warn("psci: unknown conduit '%s'\n", method ? method : "(none)");
		return -EINVAL;
	}
	ver = invoke_psci_fn(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	pr_info("psci: PSCIv%lu.%lu detected in firmware, conduit %s\n",
		ver >> 16, ver & 0xffff, method);
	return 0;
}
