// SPDX-License-Identifier: GPL-2.0
/* The kernel's cmdline suite, run on the host under ASan and UBSan. */
#include "../kernel/cmdline_test.c"
