/* sendfile64 (239): copies between two descriptors in the kernel. */
#ifndef _SYS_SENDFILE_H
#define _SYS_SENDFILE_H

#include <sys/types.h>

ssize_t sendfile(int out_fd, int in_fd, off64_t *offset, size_t count);

#endif
