// SPDX-License-Identifier: GPL-2.0
/*
 * getdents64 (and the old getdents): a directory's iterate_shared calls
 * the actor once per entry; the actor packs each into the user's buffer
 * as struct linux_dirent64 records, 8-byte aligned, and stops when the
 * next one would not fit (-EINVAL if not even the first fits). The
 * file position says where the next call goes on.
 */
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>

int iterate_dir(struct file *f, struct dir_context *ctx)
{
	int err;

	if (!f->f_op || !f->f_op->iterate_shared)
		return -ENOTDIR;
	if (d_inode(f->f_path.dentry)->i_flags & S_DEAD)
		return -ENOENT;
	ctx->pos = f->f_pos;
	err = f->f_op->iterate_shared(f, ctx);
	f->f_pos = ctx->pos;
	return err;
}

struct getdents_callback {
	struct dir_context ctx;
	char *current_dir;		/* user buffer: where the next record goes */
	char *previous;			/* the last record written, or NULL */
	int count;			/* bytes left there */
	int error;
	bool compat;			/* struct linux_dirent (getdents) */
};

struct linux_dirent64_head {
	u64 d_ino;
	s64 d_off;
	u16 d_reclen;
	u8 d_type;
} __attribute__((packed));

struct linux_dirent_head {
	u32 d_ino;
	u32 d_off;
	u16 d_reclen;
} __attribute__((packed));

/* A record's d_off is the position after it: known once the next entry comes. */
static int set_d_off(struct getdents_callback *buf, char *rec, loff_t off)
{
	if (buf->compat) {
		u32 v = off;

		return copy_to_user(rec + 4, &v, 4) ? -EFAULT : 0;
	} else {
		s64 v = off;

		return copy_to_user(rec + 8, &v, 8) ? -EFAULT : 0;
	}
}

static bool filldir(struct dir_context *ctx, const char *name, int namlen,
		    loff_t offset, u64 ino, unsigned int d_type)
{
	struct getdents_callback *buf = container_of(ctx, struct getdents_callback, ctx);
	char rec[sizeof(struct linux_dirent64_head) + NAME_MAX + 2 + 8];
	int reclen;

	if (buf->compat) {
		struct linux_dirent_head h = { .d_ino = ino };

		if (h.d_ino != ino) {
			buf->error = -EOVERFLOW;
			return false;
		}
		/* name, NUL, then the type in the last byte, 4-byte aligned */
		reclen = ALIGN(sizeof(h) + namlen + 2, 4);
		h.d_reclen = reclen;
		memset(rec, 0, reclen);
		memcpy(rec, &h, sizeof(h));
		memcpy(rec + sizeof(h), name, namlen);
		rec[reclen - 1] = d_type;
	} else {
		struct linux_dirent64_head h = { .d_ino = ino, .d_type = d_type };

		reclen = ALIGN(sizeof(h) + namlen + 1, 8);
		h.d_reclen = reclen;
		memset(rec, 0, reclen);
		memcpy(rec, &h, sizeof(h));
		memcpy(rec + sizeof(h), name, namlen);
	}
	if (reclen > buf->count) {
		buf->error = -EINVAL;	/* meaningful only if nothing was written */
		return false;
	}
	if (buf->previous && set_d_off(buf, buf->previous, offset)) {
		buf->error = -EFAULT;
		return false;
	}
	if (copy_to_user(buf->current_dir, rec, reclen)) {
		buf->error = -EFAULT;
		return false;
	}
	buf->previous = buf->current_dir;
	buf->current_dir += reclen;
	buf->count -= reclen;
	return true;
}

static long do_getdents(unsigned int fd, void *udirent, unsigned int count, bool compat)
{
	struct getdents_callback buf = {
		.ctx.actor = filldir,
		.current_dir = udirent,
		.count = count > 0x7fffffff ? 0x7fffffff : count,
		.compat = compat,
	};
	struct file *f;
	long err;

	if (!access_ok(udirent, count))
		return -EFAULT;
	f = fget(fd);
	if (!f)
		return -EBADF;
	err = f->f_mode & FMODE_PATH ? -EBADF : iterate_dir(f, &buf.ctx);
	if (!err)
		err = buf.error;
	if (buf.previous) {
		if (set_d_off(&buf, buf.previous, buf.ctx.pos))
			err = -EFAULT;
		else
			err = buf.current_dir - (char *)udirent;
	}
	fput(f);
	return err;
}

long sys_getdents64(unsigned int fd, void *udirent, unsigned int count)
{
	return do_getdents(fd, udirent, count, false);
}

long sys_getdents(unsigned int fd, void *udirent, unsigned int count)
{
	return do_getdents(fd, udirent, count, true);
}
