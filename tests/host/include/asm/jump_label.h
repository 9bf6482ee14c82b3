/* SPDX-License-Identifier: GPL-2.0 */
/* Host stand-in: no code rewriting; static keys are tested as plain flags. */
#ifndef _ASM_JUMP_LABEL_H
#define _ASM_JUMP_LABEL_H

#define JUMP_LABEL_NONE	1

#endif
