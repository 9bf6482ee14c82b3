// SPDX-License-Identifier: GPL-2.0
/* The shell's word splitter suite, run on the host under ASan and UBSan. */
#include "../kernel/shell_words_test.c"
