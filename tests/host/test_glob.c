// SPDX-License-Identifier: GPL-2.0
/*
 * glob_match on the host, under ASan and UBSan: the kernel's glob suite.
 * lib/glob.c is linked into every host test (the ktest filter uses it).
 */
#include "../kernel/glob_test.c"
