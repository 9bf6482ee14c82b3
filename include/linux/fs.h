/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtual filesystem: what every filesystem (tmpfs, proc, devtmpfs,
 * later ext2) is made of, with Linux's names and roles.
 *
 *  super_block  one mounted instance of a filesystem: its root dentry,
 *               its inodes, its operations.
 *  inode        one file, directory, link, device or pipe: type and
 *               permission bits, owner, size, times, and the operations
 *               that act on it; a regular file's data lives in its
 *               address_space (pages indexed by offset).
 *  dentry       one name in one directory, pointing to its inode (or to
 *               none: a negative dentry, remembering that a name is not
 *               there). Dentries form the tree the path walk follows and
 *               are cached by (parent, name) in the dcache.
 *  vfsmount     where a super_block's tree is attached in the name space.
 *  file         an open file: a path (mount + dentry), the open mode, a
 *               position, the file_operations; shared by descriptors
 *               after dup and fork.
 *
 * Reference counts: a file holds its dentry and mount; a dentry holds its
 * parent and its inode. An inode with no links and no users is freed;
 * a dentry with no users stays cached (with its inode) until its name is
 * removed or the filesystem is unmounted.
 *
 * Locking: one CPU runs kernel code at a time and the kernel is not
 * preempted, so the VFS takes no locks yet; the places Linux takes
 * i_rwsem or the rename lock are the places a sleep cannot happen here
 * between a check and the change it guards.
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/dcache.h>
#include <linux/errno.h>
#include <linux/fcntl.h>
#include <uapi/linux/dirent.h>
#include <uapi/linux/fs.h>
#include <linux/list.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/xarray.h>
#include <asm/memory.h>

#define PATH_MAX	4096	/* bytes in a path, counting its NUL */
#define MAXSYMLINKS	40	/* links one lookup may follow in all */

typedef long long loff_t;
typedef unsigned short umode_t;

/*
 * The largest size a file may have (Linux's MAX_LFS_FILESIZE): a page
 * index is an unsigned long, so on a 32-bit kernel 16 TiB less a page,
 * on a 64-bit one (the host tests) what loff_t holds. Writes and
 * truncates past it are -EFBIG.
 */
#define MAX_LFS_FILESIZE	(sizeof(unsigned long) < 8 ?			\
				 (loff_t)((u64)~0UL << PAGE_SHIFT) :		\
				 (loff_t)(~0ULL >> 1))
typedef u32 dev_t;
typedef unsigned int fmode_t;

/* Device numbers as Linux packs them inside the kernel (12:20). */
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

/* ... and as stat() gives them to user space (the "huge" encoding). */
static inline u32 new_encode_dev(dev_t dev)
{
	unsigned int major = MAJOR(dev), minor = MINOR(dev);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

static inline dev_t new_decode_dev(u32 dev)
{
	return MKDEV((dev & 0xfff00) >> 8, (dev & 0xff) | ((dev >> 12) & 0xfff00));
}

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct address_space;
struct dentry;
struct file;
struct inode;
struct iov_iter;
struct kiocb;
struct kstat;
struct pipe_inode_info;
struct poll_table_struct;
struct super_block;
struct vfsmount;
struct vm_area_struct;
struct page;
struct seq_file;

/* f_mode: what this open file may do (Linux's FMODE_*). */
#define FMODE_READ	0x1
#define FMODE_WRITE	0x2
#define FMODE_LSEEK	0x4	/* the position means something */
#define FMODE_PREAD	0x8
#define FMODE_PWRITE	0x10
#define FMODE_EXEC	0x20
#define FMODE_PATH	0x4000	/* O_PATH: names a file, no I/O */
#define FMODE_WRITER	0x8000	/* counted in i_writecount: put at the last fput */

/* Work to do once a caller is done with what it was given (a link's text). */
struct delayed_call {
	void (*fn)(void *);
	void *arg;
};

static inline void set_delayed_call(struct delayed_call *call, void (*fn)(void *), void *arg)
{
	call->fn = fn;
	call->arg = arg;
}

static inline void do_delayed_call(struct delayed_call *call)
{
	if (call->fn)
		call->fn(call->arg);
	call->fn = NULL;
}

/* A position in the tree: a dentry seen through a mount. */
struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

struct address_space_operations {
	/* Fills a new, locked page at page->index from the backing store. */
	int (*read_folio)(struct file *file, struct page *page);
};

/*
 * A file's data as pages, indexed by offset / PAGE_SIZE. For tmpfs this
 * is the only copy; for a disk filesystem it will be the page cache.
 * Each page here holds one reference for being in the mapping.
 */
/*
 * A file's pages (i_pages, by index) and the VMAs that map it (i_mmap,
 * each linked by its ->shared from mmap to munmap or exit, in whatever
 * mm: what truncation must unmap, and what a reverse map walks).
 */
struct address_space {
	struct inode *host;
	struct xarray i_pages;
	unsigned long nrpages;
	struct list_head i_mmap;
	const struct address_space_operations *a_ops;
};

/*
 * Linux's i_mmap_rwsem. Mappings change, and are walked, by one task at
 * a time (every task runs on CPU 0, and none is preempted in the
 * kernel), so taking it is a no-op; the calls mark where it is held.
 */
static inline void i_mmap_lock_write(struct address_space *mapping)
{
	(void)mapping;
}

static inline void i_mmap_unlock_write(struct address_space *mapping)
{
	(void)mapping;
}

/* Unmaps file bytes [holebegin, +holelen) (0: to the end) from i_mmap's VMAs (mm/memory.c). */
void unmap_mapping_range(struct address_space *mapping, loff_t holebegin,
			 loff_t holelen, int even_cows);

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	unsigned int i_uid, i_gid;
	dev_t i_rdev;			/* a device node's device */
	loff_t i_size;
	struct timespec64 i_atime, i_mtime, i_ctime;
	unsigned long i_ino;
	unsigned long i_blocks;		/* 512-byte units held */
	unsigned int i_flags;		/* S_* below */
	unsigned long i_state;		/* I_* below */

	const struct inode_operations *i_op;
	const struct file_operations *i_fop;	/* what open gives the file */
	struct super_block *i_sb;
	struct address_space *i_mapping;	/* &i_data, for now always */
	struct address_space i_data;

	int i_count;			/* users: dentries, open files, kernel */
	int i_writecount;		/* > 0: open for writing; < 0: being run (ETXTBSY) */
	struct list_head i_sb_list;	/* on i_sb->s_inodes */
	const char *i_link;		/* a fast symlink's target (kmalloc'd) */
	struct pipe_inode_info *i_pipe;	/* a FIFO's pipe, while open */
	void *i_private;		/* the filesystem's */
};

#define S_DEAD		0x1	/* a removed directory: nothing may be made in it */

#define I_LINKABLE	0x1	/* an O_TMPFILE (without O_EXCL): linkat may name it */

static inline bool inode_is_dir(const struct inode *inode)
{
	return S_ISDIR(inode->i_mode);
}

static inline loff_t i_size_read(const struct inode *inode)
{
	return inode->i_size;
}

static inline void i_size_write(struct inode *inode, loff_t size)
{
	inode->i_size = size;
}

/* What setattr is asked to change (chmod, chown, truncate, utimensat). */
#define ATTR_MODE	0x1
#define ATTR_UID	0x2
#define ATTR_GID	0x4
#define ATTR_SIZE	0x8
#define ATTR_ATIME	0x10
#define ATTR_MTIME	0x20
#define ATTR_CTIME	0x40

struct iattr {
	unsigned int ia_valid;
	umode_t ia_mode;
	unsigned int ia_uid, ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime, ia_ctime;
};

/* What a directory gives getdents64: one call of actor per entry. */
struct dir_context;
typedef bool (*filldir_t)(struct dir_context *ctx, const char *name, int namelen,
			  loff_t pos, u64 ino, unsigned int d_type);
struct dir_context {
	filldir_t actor;
	loff_t pos;			/* of the next entry to give */
};

static inline unsigned int fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

static inline bool dir_emit(struct dir_context *ctx, const char *name, int len,
			    u64 ino, unsigned int type)
{
	return ctx->actor(ctx, name, len, ctx->pos, ino, type);
}

struct file_operations {
	loff_t (*llseek)(struct file *, loff_t, int);
	/* Transfers to or from @to/@from at *@pos and moves it. */
	ssize_t (*read_iter)(struct file *, struct iov_iter *to, loff_t *pos);
	ssize_t (*write_iter)(struct file *, struct iov_iter *from, loff_t *pos);
	int (*iterate_shared)(struct file *, struct dir_context *);
	__poll_t (*poll)(struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	int (*fsync)(struct file *, int datasync);
};

struct inode_operations {
	/* Finds @dentry's name in @dir: d_add()s the inode or NULL (negative). */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *dentry,
				 unsigned int flags);
	/* A symlink's target (for links without i_link); @done frees it after. */
	const char *(*get_link)(struct dentry *, struct inode *, struct delayed_call *done);
	/* The text readlink gives, for a link get_link follows by jumping (nd_jump_link). */
	int (*readlink)(struct dentry *, char *ubuf, int buflen);
	int (*create)(struct inode *dir, struct dentry *, umode_t, bool excl);
	/* An unnamed regular file in @dir for O_TMPFILE: d_tmpfile()s it into the dentry. */
	int (*tmpfile)(struct inode *dir, struct dentry *, umode_t);
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *new);
	int (*unlink)(struct inode *dir, struct dentry *);
	int (*symlink)(struct inode *dir, struct dentry *, const char *target);
	int (*mkdir)(struct inode *dir, struct dentry *, umode_t);
	int (*rmdir)(struct inode *dir, struct dentry *);
	int (*mknod)(struct inode *dir, struct dentry *, umode_t, dev_t);
	int (*rename)(struct inode *old_dir, struct dentry *old,
		      struct inode *new_dir, struct dentry *new, unsigned int flags);
	int (*setattr)(struct dentry *, struct iattr *);
	int (*getattr)(const struct path *, struct kstat *);
};

struct kstatfs {
	long f_type, f_bsize;
	u64 f_blocks, f_bfree, f_bavail, f_files, f_ffree;
	long f_namelen, f_frsize, f_flags;
};

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*free_inode)(struct inode *);
	/* The last reference went: drop the data of an unlinked inode. */
	void (*evict_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	int (*statfs)(struct dentry *, struct kstatfs *);
	/* Options after "rw" in /proc/mounts, each with its leading ','. */
	void (*show_options)(struct seq_file *, struct dentry *root);
};

struct super_block {
	struct list_head s_list;	/* on super_blocks */
	dev_t s_dev;			/* the anonymous device stat shows */
	unsigned long s_blocksize;
	unsigned long s_magic;
	unsigned long s_flags;		/* SB_* */
	struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	struct list_head s_inodes;	/* every inode of this instance */
	unsigned long s_next_ino;	/* for filesystems that number as they go */
	int s_active;			/* mounts of it */
	void *s_fs_info;
};

#define SB_RDONLY	0x1
#define SB_NOUSER	0x2	/* kernel-internal: never in the name space */

struct fs_context {
	const char *source;		/* mount's first argument */
	const char *options;		/* its data, a string */
	unsigned long sb_flags;
};

struct file_system_type {
	const char *name;
	unsigned int fs_flags;		/* FS_* */
	/* A new super_block with its root (or the only one, for single ones). */
	int (*fill_super)(struct super_block *sb, struct fs_context *fc);
	/* Whether every mount shares one instance (proc as one pid namespace). */
	bool single;
	struct super_block *single_sb;
	void (*kill_sb)(struct super_block *);
	struct file_system_type *next;
};

#define FS_REQUIRES_DEV	0x1	/* "nodev" in /proc/filesystems when not set */

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* as opened, minus O_CREAT and the like */
	fmode_t f_mode;
	loff_t f_pos;
	u64 f_version;			/* a FIFO reader: the writer opens seen (poll) */
	long f_count;
	void *private_data;		/* the f_op's state */
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

/*
 * A program file is not written while it runs, nor run while open for
 * writing (ETXTBSY both ways): writers count i_writecount up, exec and
 * each mm running the file count it down.
 */
static inline int get_write_access(struct inode *inode)
{
	if (inode->i_writecount < 0)
		return -ETXTBSY;
	inode->i_writecount++;
	return 0;
}

static inline void put_write_access(struct inode *inode)
{
	inode->i_writecount--;
}

static inline int deny_write_access(struct file *file)
{
	struct inode *inode = file_inode(file);

	if (inode->i_writecount > 0)
		return -ETXTBSY;
	inode->i_writecount--;
	return 0;
}

static inline void allow_write_access(struct file *file)
{
	if (file)
		file_inode(file)->i_writecount++;
}

/* fs/super.c */
int register_filesystem(struct file_system_type *fs);
struct file_system_type *get_fs_type(const char *name);
struct super_block *sget_fc(struct file_system_type *type, struct fs_context *fc,
			    int *err);
void deactivate_super(struct super_block *sb);
int get_anon_bdev(dev_t *dev);
void free_anon_bdev(dev_t dev);

/* fs/inode.c */
struct inode *new_inode(struct super_block *sb);
void ihold(struct inode *inode);
void iput(struct inode *inode);
void inode_init_owner(struct inode *inode, const struct inode *dir, umode_t mode);
void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
struct timespec64 current_time(struct inode *inode);
int inode_permission(struct inode *inode, int mask);
void generic_fillattr(struct inode *inode, struct kstat *st);
int setattr_prepare(struct dentry *dentry, struct iattr *attr);
void setattr_copy(struct inode *inode, const struct iattr *attr);
void set_nlink(struct inode *inode, unsigned int n);
void inc_nlink(struct inode *inode);
void drop_nlink(struct inode *inode);
void clear_nlink(struct inode *inode);
unsigned long get_next_ino(void);
unsigned long nr_inodes(void);		/* inodes in memory, every filesystem */

#define MAY_EXEC	0x1
#define MAY_WRITE	0x2
#define MAY_READ	0x4

/* fs/file_table.c */
struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fop);
/* A file for @inode under a new name-less dentry of @mnt (pipes): takes @inode's reference. */
struct file *alloc_file_pseudo(struct inode *inode, struct vfsmount *mnt, const char *name,
			       unsigned int flags, const struct file_operations *fop);
struct file *get_file(struct file *f);
void fput(struct file *f);
unsigned long nr_files(void);

/* fs/open.c */
struct file *filp_open(const char *path, unsigned int flags, umode_t mode, int *err);
struct file *dentry_open(const struct path *path, unsigned int flags, int *err);
int vfs_truncate(const struct path *path, loff_t length);
int do_truncate(struct dentry *dentry, loff_t length);
int notify_change(struct dentry *dentry, struct iattr *attr);
fmode_t open_flags_to_mode(unsigned int flags);
/* For streams (ttys, pipes): no position, no pread/pwrite (-ESPIPE). */
int stream_open(struct inode *inode, struct file *filp);
long do_sys_open(int dfd, const char *uname, int flags, umode_t mode);

/* fs/read_write.c */
ssize_t kernel_read(struct file *f, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *f, const void *buf, size_t count, loff_t *pos);
loff_t vfs_llseek(struct file *f, loff_t offset, int whence);
loff_t generic_file_llseek(struct file *f, loff_t offset, int whence);
loff_t no_llseek(struct file *f, loff_t offset, int whence);
int vfs_fsync(struct file *f, int datasync);

/* fs/readdir.c */
int iterate_dir(struct file *f, struct dir_context *ctx);

/* fs/stat.c */
struct kstat {
	u64 ino;
	dev_t dev, rdev;
	umode_t mode;
	unsigned int nlink, uid, gid;
	loff_t size;
	unsigned long blksize;		/* preferred I/O size */
	u64 blocks;			/* 512-byte units held */
	struct timespec64 atime, mtime, ctime;
	u64 mnt_id;
};
int vfs_getattr(const struct path *path, struct kstat *st);

/* fs/libfs.c: what simple in-memory filesystems share */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry,
			     unsigned int flags);
int dcache_readdir(struct file *f, struct dir_context *ctx);
int dcache_dir_open(struct inode *inode, struct file *file);
int dcache_dir_close(struct inode *inode, struct file *file);
int simple_link(struct dentry *old, struct inode *dir, struct dentry *dentry);
int simple_unlink(struct inode *dir, struct dentry *dentry);
int simple_rmdir(struct inode *dir, struct dentry *dentry);
int simple_rename(struct inode *old_dir, struct dentry *old,
		  struct inode *new_dir, struct dentry *new, unsigned int flags);
int simple_empty(struct dentry *dentry);
int simple_setattr(struct dentry *dentry, struct iattr *attr);
int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
int simple_getattr(const struct path *path, struct kstat *st);
ssize_t simple_read_from_buffer(struct iov_iter *to, loff_t *pos,
				const void *from, size_t available);
int noop_fsync(struct file *f, int datasync);
/* Drops the pins of every positive dentry under @root (kill_litter_super). */
void d_genocide(struct dentry *root);
extern const struct dentry_operations simple_dentry_operations;
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct inode_operations simple_symlink_inode_operations;

/* fs/char_dev.c: character devices by major/minor */
int register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		    const char *name, const struct file_operations *fops);
extern const struct file_operations def_chr_fops;
void chrdev_show(struct seq_file *m);

/* /proc/filesystems */
void filesystems_show(struct seq_file *m);

/* The root file system: tmpfs with the initramfs unpacked into it. */
void vfs_caches_init(void);
void mnt_init(void);
void populate_rootfs(const void *blob);
/* proc on /proc and devtmpfs on /dev, for the kernel's shell and tests. */
void mount_kernel_filesystems(void);
int do_mount(const char *source, const char *dir, const char *type,
	     unsigned long flags, const char *data);
/* Reads up to @len bytes of the file at @path: the count, or -errno. */
int kernel_read_file_from_path(const char *path, char *buf, size_t len);
/* drivers/base/devtmpfs.c: a node in the one devtmpfs instance. */
int devtmpfs_create_node(const char *name, umode_t mode, dev_t dev);

/* mm/shmem.c: tmpfs */
void shmem_init(void);
extern struct file_system_type shmem_fs_type;
unsigned long shmem_pages(void);	/* pages holding tmpfs data, as Shmem: */

#endif
