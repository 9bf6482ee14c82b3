// SPDX-License-Identifier: GPL-2.0
/*
 * The VFS in the booted kernel, under /.ktest-vfs on the root tmpfs:
 *
 *  - ".." at the root of a mount goes to the directory it is mounted on;
 *    a busy mount (an open file in it) refuses umount, and its inodes
 *    go when it is unmounted;
 *  - links: a chain of 40 links resolves, and so do 40 links nested in
 *    the middle of link targets; the 41st of a walk is -ELOOP;
 *  - an unlinked file lives while it is open: d_path says "(deleted)",
 *    the data reads back, and inode and pages go at the last fput;
 *  - a file's i_mmap lists the VMAs mapping it through mmap, split, fork
 *    and exit, and truncation unmaps and frees the pages past the end;
 *  - rename and exchange move dentries: d_path follows the new names;
 *  - create/write/remove cycles leave dentries, inodes, files, tmpfs
 *    pages and free memory exactly as they were.
 */
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/ktest.h>
#include <linux/leak_check.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/pgtable.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

#define TOP	"/.ktest-vfs"

static int vfs_suite_init(struct ktest *t)
{
	(void)t;
	return init_mkdir(TOP, 0755);
}

static void vfs_suite_exit(struct ktest *t)
{
	(void)t;
	init_rmdir(TOP);
}

static struct dentry *dentry_at(const char *name)
{
	struct dentry *d;
	struct path p;

	if (kern_path(name, LOOKUP_FOLLOW, &p))
		return NULL;
	d = p.dentry;
	path_put(&p);	/* the tree (or the mount) still holds it */
	return d;
}

static void dotdot_crosses_mounts(struct ktest *t)
{
	struct dentry *top = dentry_at(TOP), *root;
	unsigned long inodes;
	struct file *f;
	loff_t pos = 0;
	int err;

	KT_ASSERT_EQ(t, init_mkdir(TOP "/m", 0755), 0);
	inodes = nr_inodes();
	KT_ASSERT_EQ(t, do_mount("ktest", TOP "/m", "tmpfs", 0, "size=1m"), 0);
	root = dentry_at(TOP "/m");
	KT_EXPECT_TRUE(t, root && IS_ROOT(root));	/* the tmpfs's root, not the mountpoint */
	KT_EXPECT_PTR_EQ(t, dentry_at(TOP "/m/.."), top);
	KT_EXPECT_PTR_EQ(t, dentry_at(TOP "/m/../m/./.."), top);
	f = filp_open(TOP "/m/file", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, kernel_write(f, "abc", 3, &pos), 3);
	KT_EXPECT_EQ(t, kern_umount(TOP "/m", 0), -EBUSY);
	KT_EXPECT_EQ(t, kern_umount(TOP, 0), -EINVAL);	/* not a mount's root */
	fput(f);
	KT_EXPECT_EQ(t, kern_umount(TOP "/m", 0), 0);
	KT_EXPECT_EQ(t, nr_inodes(), inodes);		/* its root and file went */
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/m/file"), -ENOENT);
	KT_EXPECT_EQ(t, init_rmdir(TOP "/m"), 0);
}

static void link_chains_and_nesting(struct ktest *t)
{
	char name[48], target[48];
	struct path p;
	int i;

	KT_ASSERT_EQ(t, init_mkdir(TOP "/l", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir(TOP "/l/d", 0755), 0);
	/* c0 -> d, ci -> c(i-1): resolving c39 follows 40 links */
	KT_ASSERT_EQ(t, init_symlink("d", TOP "/l/c0"), 0);
	for (i = 1; i < 41; i++) {
		snprintf(target, sizeof(target), "c%d", i - 1);
		snprintf(name, sizeof(name), TOP "/l/c%d", i);
		KT_ASSERT_EQ(t, init_symlink(target, name), 0);
	}
	KT_EXPECT_EQ(t, kern_path(TOP "/l/c39", LOOKUP_FOLLOW, &p), 0);
	path_put(&p);
	KT_EXPECT_EQ(t, kern_path(TOP "/l/c40", LOOKUP_FOLLOW, &p), -ELOOP);
	/*
	 * n0 -> d, ni -> n(i-1)/. : each link's target walks through the
	 * last; they nest as deep as the 40 links of a walk go, as on Linux
	 */
	KT_ASSERT_EQ(t, init_symlink("d", TOP "/l/n0"), 0);
	for (i = 1; i < 41; i++) {
		snprintf(target, sizeof(target), "n%d/.", i - 1);
		snprintf(name, sizeof(name), TOP "/l/n%d", i);
		KT_ASSERT_EQ(t, init_symlink(target, name), 0);
	}
	KT_EXPECT_EQ(t, kern_path(TOP "/l/n39", LOOKUP_FOLLOW, &p), 0);
	path_put(&p);
	KT_EXPECT_EQ(t, kern_path(TOP "/l/n40", LOOKUP_FOLLOW, &p), -ELOOP);
	for (i = 0; i < 41; i++) {
		snprintf(name, sizeof(name), TOP "/l/c%d", i);
		init_unlink(name);
		snprintf(name, sizeof(name), TOP "/l/n%d", i);
		init_unlink(name);
	}
	KT_EXPECT_EQ(t, init_rmdir(TOP "/l/d"), 0);
	KT_EXPECT_EQ(t, init_rmdir(TOP "/l"), 0);
}

static void unlinked_file_lives_while_open(struct ktest *t)
{
	unsigned long inodes = nr_inodes(), pages = shmem_pages();
	char buf[PATH_MAX / 8], data[8];
	loff_t pos = 0;
	struct file *f;
	char *path;
	int err;

	f = filp_open(TOP "/u", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_EXPECT_EQ(t, kernel_write(f, "still here", 10, &pos), 10);
	KT_EXPECT_EQ(t, shmem_pages(), pages + 1);
	KT_EXPECT_EQ(t, init_unlink(TOP "/u"), 0);
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/u"), -ENOENT);
	path = d_path(&f->f_path, buf, sizeof(buf));
	KT_EXPECT_FALSE(t, IS_ERR(path));
	if (!IS_ERR(path))
		KT_EXPECT_STREQ(t, path, TOP "/u (deleted)");
	pos = 6;
	KT_EXPECT_EQ(t, kernel_read(f, data, 4, &pos), 4);
	KT_EXPECT_EQ(t, memcmp(data, "here", 4), 0);
	KT_EXPECT_EQ(t, file_inode(f)->i_nlink, 0);
	fput(f);
	KT_EXPECT_EQ(t, nr_inodes(), inodes);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
}

/* How many VMAs are on @mapping's i_mmap. */
static int i_mmap_count(struct address_space *mapping)
{
	struct vm_area_struct *vma;
	int n = 0;

	list_for_each_entry(vma, &mapping->i_mmap, shared)
		n++;
	return n;
}

static bool page_mapped_at(struct mm_struct *mm, unsigned long addr)
{
	pte_t *ptep = pte_lookup(mm, addr);

	return ptep && pte_present(*ptep);
}

/*
 * i_mmap holds each VMA mapping the file, in every mm: the mmap's, both
 * pieces once munmap splits it, a fork's copies until that mm goes; a
 * truncation unmaps the pages beyond the end from all of them and frees
 * them; nothing is left on it once the mms are gone.
 */
static void i_mmap_follows_vmas(struct ktest *t)
{
	unsigned long pages = shmem_pages(), populate = 0, a, i;
	struct address_space *mapping;
	struct mm_struct *mm, *child;
	struct file *f;
	int err;

	f = filp_open(TOP "/mapped", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	mapping = file_inode(f)->i_mapping;
	KT_ASSERT_EQ(t, do_truncate(f->f_path.dentry, 8 * PAGE_SIZE), 0);
	mm = mm_alloc();
	KT_ASSERT_NOT_NULL(t, mm);
	a = do_mmap(mm, f, 0, 8 * PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, 0, &populate);
	KT_ASSERT_FALSE(t, IS_ERR_VALUE(a));
	KT_EXPECT_EQ(t, i_mmap_count(mapping), 1);
	for (i = 0; i < 8; i++)
		KT_EXPECT_EQ(t, handle_mm_fault(find_vma(mm, a + i * PAGE_SIZE),
						a + i * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KT_EXPECT_EQ(t, shmem_pages(), pages + 8);
	KT_EXPECT_EQ(t, do_munmap(mm, a + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	KT_EXPECT_EQ(t, i_mmap_count(mapping), 2);
	child = dup_mm(mm);
	KT_ASSERT_NOT_NULL(t, child);
	KT_EXPECT_EQ(t, i_mmap_count(mapping), 4);
	KT_EXPECT_TRUE(t, page_mapped_at(child, a + 6 * PAGE_SIZE));
	/* down to one page: pages 1 to 7 leave both mms, and the file */
	KT_EXPECT_EQ(t, do_truncate(f->f_path.dentry, PAGE_SIZE), 0);
	KT_EXPECT_TRUE(t, page_mapped_at(mm, a));
	KT_EXPECT_TRUE(t, page_mapped_at(child, a));
	for (i = 1; i < 8; i++) {
		KT_EXPECT_FALSE(t, page_mapped_at(mm, a + i * PAGE_SIZE));
		KT_EXPECT_FALSE(t, page_mapped_at(child, a + i * PAGE_SIZE));
	}
	KT_EXPECT_EQ(t, shmem_pages(), pages + 1);
	mmput(child);
	KT_EXPECT_EQ(t, i_mmap_count(mapping), 2);
	mmput(mm);
	KT_EXPECT_EQ(t, i_mmap_count(mapping), 0);
	fput(f);
	KT_EXPECT_EQ(t, init_unlink(TOP "/mapped"), 0);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
}

static void renames_move_dentries(struct ktest *t)
{
	char buf[128], *p;
	struct file *f;
	int err;

	KT_ASSERT_EQ(t, init_mkdir(TOP "/r", 0755), 0);
	KT_ASSERT_EQ(t, init_mkdir(TOP "/r/a", 0755), 0);
	f = filp_open(TOP "/r/a/f", O_RDWR | O_CREAT, 0644, &err);
	KT_ASSERT_NOT_NULL(t, f);
	KT_ASSERT_EQ(t, init_mkdir(TOP "/r/b", 0755), 0);
	KT_EXPECT_EQ(t, vfs_rename(d_inode(dentry_at(TOP "/r/a")), dentry_at(TOP "/r/a/f"),
				   d_inode(dentry_at(TOP "/r/b")),
				   d_alloc_name(dentry_at(TOP "/r/b"), "g"), 0), 0);
	p = d_path(&f->f_path, buf, sizeof(buf));
	KT_EXPECT_STREQ(t, IS_ERR(p) ? "" : p, TOP "/r/b/g");
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/r/a/f"), -ENOENT);
	KT_EXPECT_EQ(t, init_lstat_mode(TOP "/r/b/g") & S_IFMT, S_IFREG);
	fput(f);
	KT_EXPECT_EQ(t, init_unlink(TOP "/r/b/g"), 0);
	KT_EXPECT_EQ(t, init_rmdir(TOP "/r/a"), 0);
	KT_EXPECT_EQ(t, init_rmdir(TOP "/r/b"), 0);
	KT_EXPECT_EQ(t, init_rmdir(TOP "/r"), 0);
}

/* Everything a cycle makes it removes: counts and free memory come back. */
static void cycles_leak_nothing(struct ktest *t)
{
	unsigned long dentries = 0, inodes = 0, files = 0, pages = 0, mem = 0;
	char name[48], file[64];
	int i, err;

	/* one round first, so caches have their slabs */
	for (i = 0; i < 201; i++) {
		struct file *f;
		loff_t pos = 0;

		if (i == 1) {
			dentries = nr_dentries();
			inodes = nr_inodes();
			files = nr_files();
			pages = shmem_pages();
			mem = free_and_slab_pages();
		}
		snprintf(name, sizeof(name), TOP "/c%d", i % 7);
		if (init_mkdir(name, 0755))
			break;
		snprintf(file, sizeof(file), "%s/file", name);
		f = filp_open(file, O_RDWR | O_CREAT | O_EXCL, 0644, &err);
		if (!f)
			break;
		kernel_write(f, file, sizeof(file), &pos);
		pos = 8192;
		kernel_write(f, file, 1, &pos);		/* a hole, then a third page */
		fput(f);
		init_unlink(file);
		init_rmdir(name);
	}
	KT_EXPECT_EQ(t, i, 201);
	KT_EXPECT_EQ(t, nr_dentries(), dentries);
	KT_EXPECT_EQ(t, nr_inodes(), inodes);
	KT_EXPECT_EQ(t, nr_files(), files);
	KT_EXPECT_EQ(t, shmem_pages(), pages);
	KT_EXPECT_EQ(t, free_and_slab_pages(), mem);
}

static const struct ktest_case vfs_cases[] = {
	KTEST_CASE(dotdot_crosses_mounts),
	KTEST_CASE(link_chains_and_nesting),
	KTEST_CASE(unlinked_file_lives_while_open),
	KTEST_CASE(i_mmap_follows_vmas),
	KTEST_CASE(renames_move_dentries),
	KTEST_CASE(cycles_leak_nothing),
	{}
};

static const struct ktest_suite vfs_suite = {
	.name = "vfs",
	.init = vfs_suite_init,
	.exit = vfs_suite_exit,
	.cases = vfs_cases,
};
ktest_register_suite(vfs_suite);
