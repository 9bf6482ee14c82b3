/* errno, the names of error numbers, strerror and perror. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int errno;

long __set_errno(long err)
{
	errno = err;
	return -1;
}

static const char *const names[] = {
	[0] = "0",
	[EPERM] = "EPERM",
	[ENOENT] = "ENOENT",
	[ESRCH] = "ESRCH",
	[EINTR] = "EINTR",
	[EIO] = "EIO",
	[ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG",
	[ENOEXEC] = "ENOEXEC",
	[EBADF] = "EBADF",
	[ECHILD] = "ECHILD",
	[EAGAIN] = "EAGAIN",
	[ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES",
	[EFAULT] = "EFAULT",
	[ENOTBLK] = "ENOTBLK",
	[EBUSY] = "EBUSY",
	[EEXIST] = "EEXIST",
	[EXDEV] = "EXDEV",
	[ENODEV] = "ENODEV",
	[ENOTDIR] = "ENOTDIR",
	[EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL",
	[ENFILE] = "ENFILE",
	[EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY",
	[ETXTBSY] = "ETXTBSY",
	[EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC",
	[ESPIPE] = "ESPIPE",
	[EROFS] = "EROFS",
	[EMLINK] = "EMLINK",
	[EPIPE] = "EPIPE",
	[EDOM] = "EDOM",
	[ERANGE] = "ERANGE",
	[EDEADLK] = "EDEADLK",
	[ENAMETOOLONG] = "ENAMETOOLONG",
	[ENOLCK] = "ENOLCK",
	[ENOSYS] = "ENOSYS",
	[ENOTEMPTY] = "ENOTEMPTY",
	[ELOOP] = "ELOOP",
	[ENOMSG] = "ENOMSG",
	[ENOPKG] = "ENOPKG",
	[EOVERFLOW] = "EOVERFLOW",
	[EILSEQ] = "EILSEQ",
	[EOPNOTSUPP] = "EOPNOTSUPP",
	[ETIMEDOUT] = "ETIMEDOUT",
};

const char *errno_name(int err)
{
	static char unknown[16];

	if (err >= 0 && err < (int)(sizeof(names) / sizeof(names[0])) &&
	    names[err])
		return names[err];
	snprintf(unknown, sizeof(unknown), "E?%d", err);
	return unknown;
}

char *strerror(int err)
{
	return (char *)errno_name(err);
}

void perror(const char *s)
{
	if (s && *s)
		dprintf(STDERR_FILENO, "%s: %s\n", s, errno_name(errno));
	else
		dprintf(STDERR_FILENO, "%s\n", errno_name(errno));
}
