// SPDX-License-Identifier: GPL-2.0
/*
 * printk: formats a message, stamps it with the time since boot and a
 * log level, stores it in the log buffer (which dmesg prints) and writes
 * it to the console when its level is below console_loglevel.
 *
 * The log buffer is a byte ring of records "L[    s.uuuuuu] text\n" (L
 * the level digit); when full, whole records are dropped from the
 * oldest end. A console registered late gets the buffer replayed.
 * logbuf_lock makes each message one piece, in the buffer and on the
 * console, whichever CPUs print at once.
 */
#include <linux/console.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/irqflags.h>

#define LOG_BUF_LEN	(64 * 1024)
#define LINE_MAX	512

static char log_buf[LOG_BUF_LEN];
static unsigned long log_first, log_next;	/* free-running offsets */
static struct console *console;
static bool line_open;		/* the last message did not end in \n */
static DEFINE_SPINLOCK(logbuf_lock);
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

static int __init loglevel_setup(const char *val)
{
	long level;

	if (kstrtol(val, 10, &level))
		return -EINVAL;
	if (level < 0 || level > 8)
		return -ERANGE;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", loglevel_setup);

static char log_char(unsigned long pos)
{
	return log_buf[pos % LOG_BUF_LEN];
}

/* Drops the oldest record, up to and including its newline. */
static void log_drop_oldest(void)
{
	while (log_first != log_next && log_char(log_first++) != '\n')
		;
}

static void log_store(const char *s, size_t n)
{
	while (n--) {
		if (log_next - log_first == LOG_BUF_LEN)
			log_drop_oldest();
		log_buf[log_next++ % LOG_BUF_LEN] = *s++;
	}
}

static void console_emit(const char *s, size_t n)
{
	if (console)
		console->write(console, s, n);
}

/* Splits a KERN_<LEVEL> prefix off; KERN_CONT continues the open line. */
static const char *parse_level(const char *text, int *level, bool *cont)
{
	*level = LOGLEVEL_DEFAULT;
	*cont = false;
	while (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		else if (text[1] == 'c')
			*cont = true;
		text += 2;
	}
	return text;
}

int vprintk(const char *fmt, va_list args)
{
	char line[LINE_MAX], stamp[24];
	unsigned long flags;
	const char *text;
	int level, n, s;
	bool cont;

	n = vscnprintf(line, sizeof(line), fmt, args);
	text = parse_level(line, &level, &cont);
	n -= text - line;

	spin_lock_irqsave(&logbuf_lock, flags);
	if (!(cont && line_open)) {
		u64 ns = ktime_get_ns();

		if (line_open) {
			log_store("\n", 1);
			console_emit("\n", 1);
		}
		s = scnprintf(stamp, sizeof(stamp), "%c[%5lu.%06lu] ", '0' + level,
			      (unsigned long)(ns / NSEC_PER_SEC),
			      (unsigned long)(ns % NSEC_PER_SEC / NSEC_PER_USEC));
		log_store(stamp, s);
		if (level < console_loglevel)
			console_emit(stamp + 1, s - 1);
	}
	log_store(text, n);
	if (level < console_loglevel || cont)
		console_emit(text, n);
	line_open = n && text[n - 1] != '\n';
	spin_unlock_irqrestore(&logbuf_lock, flags);
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

/*
 * Calls @fn on each whole record, oldest first, without its level digit;
 * a record is at most LINE_MAX bytes (longer ones are cut).
 */
void log_buf_for_each(void (*fn)(int level, const char *line, size_t len, void *arg),
		      void *arg)
{
	char line[LINE_MAX + 32];
	unsigned long pos = log_first;

	while (pos != log_next) {
		size_t n = 0;
		char c;

		do {
			c = log_char(pos++);
			if (n < sizeof(line))
				line[n++] = c;
		} while (c != '\n' && pos != log_next);
		if (n > 1)
			fn(line[0] - '0', line + 1, n - 1, arg);
	}
}

static void replay_record(int level, const char *line, size_t len, void *arg)
{
	(void)arg;
	if (level < console_loglevel)
		console_emit(line, len);
}

void register_console(struct console *con)
{
	unsigned long flags;

	spin_lock_irqsave(&logbuf_lock, flags);
	console = con;
	log_buf_for_each(replay_record, NULL);
	spin_unlock_irqrestore(&logbuf_lock, flags);
}

int console_getc(void)
{
	return console && console->getc ? console->getc(console) : -1;
}

void console_write(const char *s, unsigned int n)
{
	console_emit(s, n);
}

void console_printf(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	console_emit(buf, n);
}
