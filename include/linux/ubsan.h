/* SPDX-License-Identifier: GPL-2.0 */
/* The UBSAN runtime's handlers (lib/ubsan.c), called by compiler checks. */
#ifndef _LINUX_UBSAN_H
#define _LINUX_UBSAN_H

extern unsigned long ubsan_reports;	/* reports printed since boot */

void __ubsan_handle_shift_out_of_bounds(void *data, void *lhs, void *rhs);
void __ubsan_handle_out_of_bounds(void *data, void *index);
void __ubsan_handle_divrem_overflow(void *data, void *lhs, void *rhs);
void __ubsan_handle_builtin_unreachable(void *data);
void __ubsan_handle_load_invalid_value(void *data, void *val);

#endif
