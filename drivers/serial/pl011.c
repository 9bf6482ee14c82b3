// SPDX-License-Identifier: GPL-2.0
/*
 * ARM PrimeCell PL011 UART, the console on QEMU virt and the Pi, and
 * the tty ttyAMA0. Output is polled (printk must work with IRQs off);
 * input is taken by the receive interrupt into a ring buffer and handed
 * to the tty's line discipline as far as its buffer takes it; the rest
 * waits in the ring until a reader makes room (unthrottle). When the
 * ring is full the receive interrupt is masked, so input waits in the
 * UART (and, on QEMU, in its character device) instead of being
 * dropped; it is unmasked when the ring has emptied by half. Without an
 * interrupt, readers poll the FIFO through the same path. A BREAK
 * condition comes as a FIFO entry with its BE bit: it travels the ring
 * flagged TTY_BREAK, and the line discipline decides what it means.
 */
#include <linux/console.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/of_fdt.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/tty.h>
#include <asm/io.h>
#include <asm/irqflags.h>

#define UARTDR		0x00
#define UARTFR		0x18
#define UARTLCR_H	0x2c
#define UARTCR		0x30
#define UARTIMSC	0x38
#define UARTICR		0x44

#define UARTDR_BE	(1 << 10)	/* break error: the line held low a whole frame */
#define UARTFR_BUSY	(1 << 3)
#define UARTFR_TXFF	(1 << 5)
#define UARTFR_RXFE	(1 << 4)
#define UARTLCR_H_FEN	(1 << 4)	/* the 16-entry FIFOs on */
#define UARTLCR_H_WLEN_8	(3 << 5)
#define UARTCR_UARTEN	(1 << 0)
#define UARTCR_TXE	(1 << 8)
#define UARTCR_RXE	(1 << 9)
#define UART_RXIM	(1 << 4)
#define UART_RTIM	(1 << 6)

#define RX_RING_SIZE	1024	/* a power of two */

struct pl011_port {
	void __iomem *base;
	unsigned char rx_ring[RX_RING_SIZE];
	unsigned char rx_flags[RX_RING_SIZE];	/* TTY_NORMAL, TTY_BREAK: each byte's */
	unsigned int rx_head, rx_tail;	/* written by the irq / by readers */
	unsigned long rx_dropped;
	bool rx_throttled;		/* the ring filled: receive irq masked */
	bool rx_irq;			/* input arrives by interrupt */
	int node;			/* in the device tree */
	struct tty_struct tty;		/* ttyAMA0 */
	phys_addr_t phys;		/* the registers */
	size_t size;
};

static struct pl011_port port;

static void pl011_push(struct pl011_port *p);

static void pl011_putc(struct pl011_port *p, char c)
{
	while (readl_relaxed(p->base + UARTFR) & UARTFR_TXFF)
		;
	writel_relaxed(c, p->base + UARTDR);
}

static void pl011_write(struct console *con, const char *s, unsigned int n)
{
	struct pl011_port *p = con->data;

	while (n--) {
		if (*s == '\n')
			pl011_putc(p, '\r');
		pl011_putc(p, *s++);
	}
}

/* Moves what the FIFO holds into the ring, until the ring is full. */
static void pl011_rx_drain(struct pl011_port *p)
{
	while (!(readl_relaxed(p->base + UARTFR) & UARTFR_RXFE)) {
		u32 dr = readl_relaxed(p->base + UARTDR);

		if (p->rx_head - p->rx_tail < RX_RING_SIZE) {
			p->rx_flags[p->rx_head % RX_RING_SIZE] = dr & UARTDR_BE ? TTY_BREAK :
									 TTY_NORMAL;
			p->rx_ring[p->rx_head++ % RX_RING_SIZE] = dr & 0xff;
		} else
			p->rx_dropped++;
		if (p->rx_head - p->rx_tail == RX_RING_SIZE) {
			/* full: leave the rest in the FIFO until readers catch up */
			p->rx_throttled = true;
			writel_relaxed(0, p->base + UARTIMSC);
			break;
		}
	}
}

static void pl011_rx_irq(int irq, void *dev)
{
	struct pl011_port *p = dev;

	(void)irq;
	/*
	 * Acknowledge first, then empty the FIFO: a byte that arrives
	 * after the last read raises the interrupt again. (Acknowledging
	 * after would lose that edge, and a PL011 whose FIFO stays above
	 * its trigger level does not signal again: input would stall.)
	 */
	writel_relaxed(UART_RXIM | UART_RTIM, p->base + UARTICR);
	pl011_rx_drain(p);
	pl011_push(p);
}

/*
 * Hands the ring's bytes to the line discipline until it takes no more;
 * with the ring emptied by half, what waits in the FIFO comes in and
 * the receive interrupt is unmasked again (the one cleared while the
 * FIFO stayed full will not come back). Interrupts masked.
 */
static void pl011_push(struct pl011_port *p)
{
	while (p->rx_tail != p->rx_head) {
		unsigned int i = p->rx_tail % RX_RING_SIZE;
		bool taken = p->rx_flags[i] == TTY_BREAK ? n_tty_receive_break(&p->tty) :
				n_tty_receive_buf(&p->tty, &p->rx_ring[i], 1);

		if (!taken)
			break;
		p->rx_tail++;
	}
	if (p->rx_throttled && p->rx_head - p->rx_tail <= RX_RING_SIZE / 2) {
		p->rx_throttled = false;
		pl011_rx_drain(p);
		if (!p->rx_throttled)
			writel_relaxed(UART_RXIM | UART_RTIM, p->base + UARTIMSC);
	}
}

/* A reader made room in the tty's buffer (or, without an interrupt, polls). */
static void pl011_unthrottle(struct tty_struct *tty)
{
	struct pl011_port *p = tty->driver_data;
	unsigned long flags;

	local_irq_save(flags);
	if (!p->rx_irq)
		pl011_rx_drain(p);
	pl011_push(p);
	local_irq_restore(flags);
}

static void pl011_tty_write(struct tty_struct *tty, const unsigned char *buf, size_t n)
{
	struct pl011_port *p = tty->driver_data;

	while (n--)
		pl011_putc(p, *buf++);
}

static const struct tty_operations pl011_tty_ops = {
	.write = pl011_tty_write,
	.unthrottle = pl011_unthrottle,
};

static struct console pl011_console = {
	.name = "ttyAMA0",
	.write = pl011_write,
	.data = &port,
};

/* The UART /chosen/stdout-path names, or else the first PL011. */
static int pl011_find(const void *blob)
{
	struct fdt_chosen chosen;
	int node = -ENOENT;

	if (!fdt_scan_chosen(blob, &chosen) && chosen.stdout_path) {
		char path[64];
		size_t len = strcspn(chosen.stdout_path, ":");

		if (len < sizeof(path)) {
			memcpy(path, chosen.stdout_path, len);
			path[len] = '\0';
			node = fdt_path_offset(blob, path);
		}
		if (node >= 0 && !fdt_node_is_compatible(blob, node, "arm,pl011"))
			node = -ENOENT;
	}
	if (node < 0)
		node = fdt_find_compatible(blob, -1, "arm,pl011");
	return node;
}

int pl011_console_init(const void *blob)
{
	u64 base, size;
	int node = pl011_find(blob);
	u32 cr;

	if (node < 0)
		return -ENODEV;
	if (fdt_read_reg_translated(blob, node, 0, &base, &size))
		return -EINVAL;
	port.phys = base;
	port.size = size;
	port.base = ioremap(base, size);
	if (!port.base)
		return -ENOMEM;
	/*
	 * 8 bits a character, the FIFOs on as Linux has them: the receive
	 * interrupt then hands over what arrived together, not a byte each
	 * (a 1 MiB burst would take a minute under emulation otherwise).
	 */
	cr = readl(port.base + UARTCR);
	while (readl(port.base + UARTFR) & UARTFR_BUSY)
		;	/* what a loader was sending goes out first */
	writel(cr & ~UARTCR_UARTEN, port.base + UARTCR);
	writel(UARTLCR_H_WLEN_8 | UARTLCR_H_FEN, port.base + UARTLCR_H);
	writel(cr | UARTCR_UARTEN | UARTCR_TXE | UARTCR_RXE, port.base + UARTCR);
	port.node = node;
	register_console(&pl011_console);
	tty_register_console(&port.tty, pl011_console.name, &pl011_tty_ops, &port);
	port.tty.polled = true;		/* until the receive interrupt is on */
	pr_info("%s: PL011 at MMIO 0x%08llx\n", pl011_console.name, base);
	return node;
}

/* Once vmalloc space exists: leave the early I/O section for a page. */
int pl011_console_remap(void)
{
	void __iomem *base = ioremap(port.phys, port.size);
	unsigned long flags;

	if (!base)
		return -ENOMEM;
	local_irq_save(flags);
	port.base = base;
	local_irq_restore(flags);
	return 0;
}

/* Once the interrupt controller is up: take input by interrupt. */
int pl011_enable_rx_irq(const void *blob)
{
	int irq = irq_of_parse_and_map(blob, port.node, 0);
	int err;

	if (irq < 0)
		return irq;
	err = request_irq(irq, pl011_rx_irq, "uart-pl011", &port);
	if (err)
		return err;
	port.rx_irq = true;
	port.tty.polled = false;
	writel(UART_RXIM | UART_RTIM, port.base + UARTIMSC);
	return 0;
}
