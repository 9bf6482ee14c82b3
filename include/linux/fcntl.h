/* SPDX-License-Identifier: GPL-2.0 */
/* open() flags, fcntl() commands and AT_ flags: the user ABI's (uapi). */
#ifndef _LINUX_FCNTL_H
#define _LINUX_FCNTL_H

#include <uapi/linux/fcntl.h>

#endif
