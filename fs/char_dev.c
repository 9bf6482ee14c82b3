// SPDX-License-Identifier: GPL-2.0
/*
 * Character devices: drivers register the fops for a range of minors of
 * a major (register_chrdev); opening a device node (whose inode's i_fop
 * is def_chr_fops) finds the range holding its i_rdev and hands the file
 * to that driver's fops and open. A node whose number no driver has is
 * -ENXIO, as on Linux. /proc/devices lists the majors.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

struct char_device_struct {
	struct char_device_struct *next;	/* sorted by major, then minor */
	unsigned int major, baseminor, count;
	const char *name;
	const struct file_operations *fops;
};

static struct char_device_struct *chrdevs;

int register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
		    const char *name, const struct file_operations *fops)
{
	struct char_device_struct *cd, **p;

	for (p = &chrdevs; *p; p = &(*p)->next) {
		cd = *p;
		if (cd->major > major || (cd->major == major && cd->baseminor >= baseminor))
			break;
	}
	for (cd = chrdevs; cd; cd = cd->next)
		if (cd->major == major && baseminor < cd->baseminor + cd->count &&
		    cd->baseminor < baseminor + count)
			return -EBUSY;
	cd = kzalloc(sizeof(*cd), GFP_KERNEL);
	if (!cd)
		return -ENOMEM;
	cd->major = major;
	cd->baseminor = baseminor;
	cd->count = count;
	cd->name = name;
	cd->fops = fops;
	cd->next = *p;
	*p = cd;
	return 0;
}

static int chrdev_open(struct inode *inode, struct file *filp)
{
	unsigned int major = MAJOR(inode->i_rdev), minor = MINOR(inode->i_rdev);
	struct char_device_struct *cd;

	for (cd = chrdevs; cd; cd = cd->next) {
		if (cd->major != major || minor < cd->baseminor ||
		    minor >= cd->baseminor + cd->count)
			continue;
		filp->f_op = cd->fops;
		return filp->f_op->open ? filp->f_op->open(inode, filp) : 0;
	}
	return -ENXIO;
}

const struct file_operations def_chr_fops = {
	.open = chrdev_open,
};

/* The "Character devices:" half of /proc/devices. */
void chrdev_show(struct seq_file *m)
{
	struct char_device_struct *cd;
	unsigned int last = ~0U;

	seq_puts(m, "Character devices:\n");
	for (cd = chrdevs; cd; cd = cd->next) {
		if (cd->major == last)
			continue;
		last = cd->major;
		seq_printf(m, "%3u %s\n", cd->major, cd->name);
	}
}
