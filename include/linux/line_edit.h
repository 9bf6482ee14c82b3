/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_LINE_EDIT_H
#define _LINUX_LINE_EDIT_H

#include <linux/types.h>

/*
 * Completes @word: writes to @ext what all candidates add to it (their
 * longest common extension, maybe empty) and returns their number; with
 * @list, prints them instead.
 */
typedef int (*le_completer_t)(const char *word, char *ext, size_t size, bool list);

/*
 * Prints @prompt and reads a line into @buf (@size bytes with its NUL)
 * with editing, history and completion. Returns the line's length, or
 * -1 when it was abandoned (Ctrl-C) or too long (with a message).
 */
int line_edit(char *buf, int size, const char *prompt, le_completer_t complete);

/* The remembered lines, numbered, oldest first. */
void history_show(void);

#endif
