/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* lseek's whences and renameat2's flags. */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3	/* the next data at or after the offset */
#define SEEK_HOLE	4	/* the next hole at or after the offset */

#define RENAME_NOREPLACE	(1 << 0)	/* fail with EEXIST if the new name exists */
#define RENAME_EXCHANGE		(1 << 1)	/* swap the two names */
#define RENAME_WHITEOUT		(1 << 2)	/* (overlay filesystems: refused here) */

#endif
