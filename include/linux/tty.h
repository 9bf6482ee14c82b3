/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

struct task_struct;

void tty_set_foreground(struct task_struct *t);
struct task_struct *tty_foreground(void);
void tty_input_ready(void);
bool tty_receive_char(unsigned char c);
int tty_getc(void);
int tty_sleep_until(u64 deadline);
long console_read_line(char *buf, size_t count);
/* drivers/tty/tty_io.c: the console's character devices. */
void tty_init(void);

#endif
