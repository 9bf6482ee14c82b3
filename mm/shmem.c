// SPDX-License-Identifier: GPL-2.0
/*
 * Shared anonymous memory (mmap MAP_SHARED|MAP_ANONYMOUS): its pages
 * belong to a shmem object, not to any one address space, so every VMA
 * that maps it, in this process or in a child after fork, faults in the
 * same page for the same offset. The object counts the VMAs that hold it
 * and holds one reference on each of its pages; the last VMA to go frees
 * them. (Linux does this with a shmem file; there is no tmpfs here.)
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/shmem.h>
#include <linux/slab.h>

/*
 * The pages are found through a two-level table, as a tiny page cache:
 * a directory of leaves, each leaf a page of struct page pointers made
 * on first use, so a large mapping that is barely touched costs little.
 */
#define SHMEM_LEAF_PAGES	(PAGE_SIZE / sizeof(struct page *))

struct shmem_object {
	int refcount;
	unsigned long base_pgoff;	/* the vm_pgoff its first page had */
	unsigned long nr_pages;
	struct page ***dir;		/* leaves of SHMEM_LEAF_PAGES entries */
};

static unsigned long shmem_nr_leaves(const struct shmem_object *obj)
{
	return DIV_ROUND_UP(obj->nr_pages, SHMEM_LEAF_PAGES);
}

struct shmem_object *shmem_create(unsigned long nr_pages, unsigned long base_pgoff)
{
	struct shmem_object *obj = kzalloc(sizeof(*obj), GFP_KERNEL);

	if (!obj)
		return NULL;
	obj->nr_pages = nr_pages;
	obj->dir = kcalloc(shmem_nr_leaves(obj), sizeof(*obj->dir), GFP_KERNEL);
	if (!obj->dir) {
		kfree(obj);
		return NULL;
	}
	obj->refcount = 1;
	obj->base_pgoff = base_pgoff;
	return obj;
}

void shmem_get(struct shmem_object *obj)
{
	obj->refcount++;
}

void shmem_put(struct shmem_object *obj)
{
	unsigned long i, j;

	if (--obj->refcount)
		return;
	for (i = 0; i < shmem_nr_leaves(obj); i++) {
		struct page **leaf = obj->dir[i];

		if (!leaf)
			continue;
		for (j = 0; j < SHMEM_LEAF_PAGES; j++)
			if (leaf[j])
				put_page(leaf[j]);
		free_page((unsigned long)leaf);
	}
	kfree(obj->dir);
	kfree(obj);
}

/* The object's page for @vma's @addr, made (zeroed) on first use. */
int shmem_page(struct vm_area_struct *vma, unsigned long addr, struct page **pagep)
{
	struct shmem_object *obj = vma->vm_private_data;
	unsigned long idx = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT) -
			    obj->base_pgoff;
	struct page ***leafp, **slot;

	if (idx >= obj->nr_pages)
		return -EINVAL;
	leafp = &obj->dir[idx / SHMEM_LEAF_PAGES];
	if (!*leafp) {
		*leafp = (struct page **)get_zeroed_page(GFP_KERNEL);
		if (!*leafp)
			return -ENOMEM;
	}
	slot = &(*leafp)[idx % SHMEM_LEAF_PAGES];
	if (!*slot)
		*slot = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO | __GFP_NOWARN);
	*pagep = *slot;
	return *slot ? 0 : -ENOMEM;
}

/*
 * tmpfs: a filesystem whose files live only in memory. Each regular
 * file's data is the pages of its address_space, found by index in its
 * xarray; a page not there reads as zeroes (a hole) and costs nothing.
 * The pages are counted as Linux counts tmpfs, in Cached and in Shmem.
 * An instance holds at most half of RAM unless told otherwise (size=),
 * as Linux's default: writing past that is -ENOSPC, never an OOM.
 * Names are the dcache's (fs/libfs.c): tmpfs keeps no directory of its
 * own. The root file system ("rootfs") is a tmpfs instance.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/highmem.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uio.h>
#include <linux/vmstat.h>

#define TMPFS_MAGIC	0x01021994

struct shmem_sb_info {
	unsigned long max_blocks;	/* pages it may hold */
	unsigned long used_blocks;
	unsigned long max_inodes;
	unsigned long free_inodes;
};

static const struct inode_operations shmem_dir_inode_operations;
static const struct inode_operations shmem_inode_operations;
static const struct file_operations shmem_file_operations;
static const struct super_operations shmem_ops;

static struct shmem_sb_info *SHMEM_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

static unsigned long tmpfs_pages;

unsigned long shmem_pages(void)
{
	return tmpfs_pages;
}

static void shmem_account_page(struct inode *inode, long n)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	sbinfo->used_blocks += n;
	inode->i_blocks += n * (PAGE_SIZE / 512);
	inode->i_mapping->nrpages += n;
	tmpfs_pages += n;
	mod_node_page_state(NR_FILE_PAGES, n);
	mod_node_page_state(NR_SHMEM, n);
}

/* The page at @index, allocated (zeroed) if absent and @create; NULL else. */
static struct page *shmem_get_page(struct inode *inode, unsigned long index,
				   bool create, int *err)
{
	struct address_space *mapping = inode->i_mapping;
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);
	struct page *page = xa_load(&mapping->i_pages, index);

	*err = 0;
	if (page || !create)
		return page;
	if (sbinfo->used_blocks >= sbinfo->max_blocks) {
		*err = -ENOSPC;
		return NULL;
	}
	page = alloc_page(GFP_HIGHUSER_MOVABLE | __GFP_ZERO | __GFP_NOWARN);
	if (!page) {
		*err = -ENOMEM;
		return NULL;
	}
	page->index = index;
	if (xa_store(&mapping->i_pages, index, page, GFP_KERNEL)) {
		put_page(page);
		*err = -ENOMEM;
		return NULL;
	}
	shmem_account_page(inode, 1);
	return page;
}

/* Frees the pages from byte @start on, and zeroes the rest of the page holding it. */
static void shmem_truncate_range(struct inode *inode, loff_t start)
{
	struct address_space *mapping = inode->i_mapping;
	unsigned long index = (start + PAGE_SIZE - 1) >> PAGE_SHIFT;
	unsigned long i;
	struct page *page;

	if (start & (PAGE_SIZE - 1)) {
		page = xa_load(&mapping->i_pages, start >> PAGE_SHIFT);
		if (page) {
			char *kaddr = kmap_local_page(page);
			size_t off = start & (PAGE_SIZE - 1);

			memset(kaddr + off, 0, PAGE_SIZE - off);
			kunmap_local(kaddr);
		}
	}
	i = index;
	while ((page = xa_find(&mapping->i_pages, &i, ~0UL))) {
		xa_erase(&mapping->i_pages, i);
		put_page(page);
		shmem_account_page(inode, -1);
		if (i == ~0UL)
			break;
		i++;
	}
}

static ssize_t shmem_file_read_iter(struct file *file, struct iov_iter *to, loff_t *ppos)
{
	struct inode *inode = file_inode(file);
	loff_t pos = *ppos;
	ssize_t done = 0;

	while (iov_iter_count(to) && pos < i_size_read(inode)) {
		unsigned long index = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - off), iov_iter_count(to));
		struct page *page;
		size_t got;
		int err;

		if ((loff_t)n > i_size_read(inode) - pos)
			n = i_size_read(inode) - pos;
		page = shmem_get_page(inode, index, false, &err);
		got = page ? copy_page_to_iter(page, off, n, to) : iov_iter_zero(n, to);
		pos += got;
		done += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
	}
	*ppos = pos;
	return done;
}

static ssize_t shmem_file_write_iter(struct file *file, struct iov_iter *from, loff_t *ppos)
{
	struct inode *inode = file_inode(file);
	loff_t pos = *ppos;
	ssize_t done = 0;
	int err = 0;

	/* a page index must fit an unsigned long, and the position a loff_t */
	if (pos >= MAX_LFS_FILESIZE)
		return -EFBIG;
	if (iov_iter_count(from) > (u64)(MAX_LFS_FILESIZE - pos))
		from->count = MAX_LFS_FILESIZE - pos;
	while (iov_iter_count(from)) {
		unsigned long index = pos >> PAGE_SHIFT;
		size_t off = pos & (PAGE_SIZE - 1);
		size_t n = min((size_t)(PAGE_SIZE - off), iov_iter_count(from));
		struct page *page;
		size_t got;

		page = shmem_get_page(inode, index, true, &err);
		if (!page)
			break;
		got = copy_page_from_iter(page, off, n, from);
		pos += got;
		done += got;
		if (pos > i_size_read(inode))
			i_size_write(inode, pos);
		if (got < n) {
			err = -EFAULT;
			break;
		}
	}
	*ppos = pos;
	if (done)
		inode->i_mtime = inode->i_ctime = current_time(inode);
	return done ? done : err;
}

static int shmem_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	int err = setattr_prepare(dentry, attr);

	if (err)
		return err;
	if ((attr->ia_valid & ATTR_SIZE) && S_ISREG(inode->i_mode)) {
		loff_t old = i_size_read(inode);
		loff_t holebegin = (attr->ia_size + PAGE_SIZE - 1) & ~(loff_t)(PAGE_SIZE - 1);

		/*
		 * as Linux: the mappings of the pages that go are taken down
		 * first, then the size falls (a fault beyond it is SIGBUS from
		 * then on), then the pages go
		 */
		if (old > holebegin)
			unmap_mapping_range(inode->i_mapping, holebegin, 0, 1);
		i_size_write(inode, attr->ia_size);
		if (attr->ia_size < old)
			shmem_truncate_range(inode, attr->ia_size);
		if (attr->ia_size != old)
			inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	setattr_copy(inode, attr);
	return 0;
}

static struct inode *shmem_get_inode(struct super_block *sb, const struct inode *dir,
				     umode_t mode, dev_t dev)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(sb);
	struct inode *inode;

	if (!sbinfo->free_inodes)
		return NULL;
	inode = new_inode(sb);
	if (!inode)
		return NULL;
	sbinfo->free_inodes--;
	inode->i_ino = get_next_ino();
	inode_init_owner(inode, dir, mode);
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &shmem_inode_operations;
		inode->i_fop = &shmem_file_operations;
		break;
	case S_IFDIR:
		inc_nlink(inode);	/* "." */
		inode->i_size = 2 * 20;	/* BOGO_DIRENT_SIZE, as Linux's tmpfs */
		inode->i_op = &shmem_dir_inode_operations;
		inode->i_fop = &simple_dir_operations;
		break;
	case S_IFLNK:
		inode->i_op = &simple_symlink_inode_operations;
		break;
	default:
		inode->i_op = &shmem_inode_operations;
		init_special_inode(inode, mode, dev);
		break;
	}
	return inode;
}

static void shmem_evict_inode(struct inode *inode)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(inode->i_sb);

	if (S_ISREG(inode->i_mode))
		shmem_truncate_range(inode, 0);
	xa_destroy(&inode->i_mapping->i_pages);
	sbinfo->free_inodes++;
}

static int shmem_mknod(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, dev);

	if (!inode)
		return -ENOSPC;
	dir->i_size += 20;
	dir->i_ctime = dir->i_mtime = current_time(dir);
	d_instantiate(dentry, inode);
	dget(dentry);		/* the pin: the dcache is the directory */
	return 0;
}

static int shmem_create_file(struct inode *dir, struct dentry *dentry, umode_t mode, bool excl)
{
	(void)excl;
	return shmem_mknod(dir, dentry, mode | S_IFREG, 0);
}

static int shmem_tmpfile(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	struct inode *inode = shmem_get_inode(dir->i_sb, dir, mode, 0);

	if (!inode)
		return -ENOSPC;
	d_tmpfile(dentry, inode);
	return 0;
}

static int shmem_mkdir(struct inode *dir, struct dentry *dentry, umode_t mode)
{
	int err = shmem_mknod(dir, dentry, mode | S_IFDIR, 0);

	if (!err)
		inc_nlink(dir);
	return err;
}

static int shmem_symlink(struct inode *dir, struct dentry *dentry, const char *target)
{
	size_t len = strlen(target) + 1;
	struct inode *inode;
	char *link;

	if (len > PAGE_SIZE)
		return -ENAMETOOLONG;
	link = kmalloc(len, GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	memcpy(link, target, len);
	inode = shmem_get_inode(dir->i_sb, dir, S_IFLNK | 0777, 0);
	if (!inode) {
		kfree(link);
		return -ENOSPC;
	}
	inode->i_link = link;
	inode->i_size = len - 1;
	dir->i_size += 20;
	dir->i_ctime = dir->i_mtime = current_time(dir);
	d_instantiate(dentry, inode);
	dget(dentry);
	return 0;
}

static int shmem_unlink(struct inode *dir, struct dentry *dentry)
{
	dir->i_size -= 20;
	return simple_unlink(dir, dentry);
}

static int shmem_rmdir(struct inode *dir, struct dentry *dentry)
{
	if (!simple_empty(dentry))
		return -ENOTEMPTY;
	drop_nlink(d_inode(dentry));
	drop_nlink(dir);
	return shmem_unlink(dir, dentry);
}

static int shmem_link(struct dentry *old, struct inode *dir, struct dentry *dentry)
{
	dir->i_size += 20;
	return simple_link(old, dir, dentry);
}

static int shmem_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
			struct dentry *new, unsigned int flags)
{
	bool had_target = d_inode(new) && !(flags & RENAME_EXCHANGE);
	int err = simple_rename(old_dir, old, new_dir, new, flags);

	if (!err && !(flags & RENAME_EXCHANGE)) {
		old_dir->i_size -= 20;
		if (!had_target)
			new_dir->i_size += 20;
	}
	return err;
}

static int shmem_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct shmem_sb_info *sbinfo = SHMEM_SB(dentry->d_sb);

	simple_statfs(dentry, buf);
	buf->f_blocks = sbinfo->max_blocks;
	buf->f_bavail = buf->f_bfree = sbinfo->max_blocks - sbinfo->used_blocks;
	buf->f_files = sbinfo->max_inodes;
	buf->f_ffree = sbinfo->free_inodes;
	return 0;
}

static void shmem_put_super(struct super_block *sb)
{
	kfree(sb->s_fs_info);
	sb->s_fs_info = NULL;
}

/* A shared mapping's fault: the file's page itself, made if it is a hole. */
static int shmem_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct page *page;
	int err;

	if ((loff_t)vmf->pgoff << PAGE_SHIFT >= i_size_read(inode))
		return VM_FAULT_SIGBUS;
	page = shmem_get_page(inode, vmf->pgoff, true, &err);
	if (!page)
		return err == -ENOMEM ? VM_FAULT_OOM : VM_FAULT_SIGBUS;
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct shmem_vm_ops = {
	.fault = shmem_fault,
};

/* Private mappings copy pages at their faults (mm/memory.c); shared ones map them. */
static int shmem_mmap(struct file *file, struct vm_area_struct *vma)
{
	(void)file;
	if (vma->vm_flags & VM_SHARED)
		vma->vm_ops = &shmem_vm_ops;
	return 0;
}

static const struct inode_operations shmem_dir_inode_operations = {
	.lookup = simple_lookup,
	.create = shmem_create_file,
	.tmpfile = shmem_tmpfile,
	.link = shmem_link,
	.unlink = shmem_unlink,
	.symlink = shmem_symlink,
	.mkdir = shmem_mkdir,
	.rmdir = shmem_rmdir,
	.mknod = shmem_mknod,
	.rename = shmem_rename,
	.setattr = shmem_setattr,
};

static const struct inode_operations shmem_inode_operations = {
	.setattr = shmem_setattr,
};

static const struct file_operations shmem_file_operations = {
	.llseek = generic_file_llseek,
	.read_iter = shmem_file_read_iter,
	.write_iter = shmem_file_write_iter,
	.fsync = noop_fsync,
	.mmap = shmem_mmap,
};

static const struct super_operations shmem_ops = {
	.evict_inode = shmem_evict_inode,
	.put_super = shmem_put_super,
	.statfs = shmem_statfs,
};

/* Parses "size=N[kmg%],nr_inodes=N,mode=OOO" into @sbinfo and @mode. */
static int shmem_parse_options(const char *opts, struct shmem_sb_info *sbinfo,
			       umode_t *mode)
{
	while (opts && *opts) {
		const char *end = strchr(opts, ',');
		size_t len = end ? (size_t)(end - opts) : strlen(opts);
		unsigned long long v = 0;
		const char *p;

		if (!strncmp(opts, "size=", 5) || !strncmp(opts, "nr_inodes=", 10) ||
		    !strncmp(opts, "mode=", 5)) {
			bool octal = opts[0] == 'm';

			p = strchr(opts, '=') + 1;
			if (p >= opts + len)
				return -EINVAL;
			for (; p < opts + len && *p >= '0' && *p <= (octal ? '7' : '9'); p++)
				v = v * (octal ? 8 : 10) + (*p - '0');
			if (opts[0] == 's' && p < opts + len) {
				switch (*p++) {
				case 'k': case 'K': v <<= 10; break;
				case 'm': case 'M': v <<= 20; break;
				case 'g': case 'G': v <<= 30; break;
				case '%': v = v * totalram_pages / 100 * PAGE_SIZE; break;
				default: return -EINVAL;
				}
			}
			if (p != opts + len)
				return -EINVAL;
			if (opts[0] == 's')
				sbinfo->max_blocks = DIV_ROUND_UP(v, PAGE_SIZE);
			else if (opts[0] == 'n')
				sbinfo->max_inodes = v;
			else
				*mode = v & 07777;
		}
		/* others (uid=, gid=, mpol=...) are accepted and have no effect here */
		opts = end ? end + 1 : NULL;
	}
	return 0;
}

int shmem_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct shmem_sb_info *sbinfo = kzalloc(sizeof(*sbinfo), GFP_KERNEL);
	umode_t mode = 01777;
	struct inode *inode;
	int err;

	if (!sbinfo)
		return -ENOMEM;
	sbinfo->max_blocks = totalram_pages / 2;
	sbinfo->max_inodes = min(totalram_pages - totalhigh_pages, totalram_pages / 2);
	if (strcmp(sb->s_type->name, "tmpfs"))
		mode = 0755;	/* rootfs and devtmpfs */
	err = shmem_parse_options(fc->options, sbinfo, &mode);
	if (err) {
		kfree(sbinfo);
		return err;
	}
	sbinfo->free_inodes = sbinfo->max_inodes;
	sb->s_fs_info = sbinfo;
	sb->s_magic = TMPFS_MAGIC;
	sb->s_blocksize = PAGE_SIZE;
	sb->s_op = &shmem_ops;
	inode = shmem_get_inode(sb, NULL, S_IFDIR | mode, 0);
	sb->s_root = d_make_root(inode);
	if (!sb->s_root) {
		kfree(sbinfo);
		sb->s_fs_info = NULL;
		return -ENOMEM;
	}
	sb->s_root->d_op = &simple_dentry_operations;
	return 0;
}

static void shmem_kill_sb(struct super_block *sb)
{
	d_genocide(sb->s_root);
}

struct file_system_type shmem_fs_type = {
	.name = "tmpfs",
	.fill_super = shmem_fill_super,
	.kill_sb = shmem_kill_sb,
};

static struct file_system_type rootfs_fs_type = {
	.name = "rootfs",
	.fill_super = shmem_fill_super,
	.kill_sb = shmem_kill_sb,
};

void shmem_init(void)
{
	register_filesystem(&rootfs_fs_type);
	register_filesystem(&shmem_fs_type);
}
