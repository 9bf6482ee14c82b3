/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every fuzz target shares: libFuzzer's entry points, and claim(),
 * which stops the run (a crash that libFuzzer saves as an input) when
 * a parser that accepted its input broke a promise it makes to callers.
 */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define claim(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "fuzz: %s:%d: broken promise: %s\n",	\
			__FILE__, __LINE__, #cond);			\
		abort();						\
	}								\
} while (0)

#endif
