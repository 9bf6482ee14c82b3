// SPDX-License-Identifier: GPL-2.0
/*
 * The users the system knows (Linux's user_struct): one per real uid in
 * use, found on a list, holding the count of that user's tasks that
 * fork checks against RLIMIT_NPROC. A task holds a reference on its
 * real uid's user_struct from fork to reaping, so the count goes with
 * it; the last reference frees it (root's is static).
 */
#include <linux/bug.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/slab.h>

struct user_struct root_user = {
	.count = 1,
	.uid = 0,
	.node = LIST_HEAD_INIT(root_user.node),
};

struct user_struct *alloc_uid(unsigned int uid)
{
	struct user_struct *up;

	list_for_each_entry(up, &root_user.node, node)
		if (up->uid == uid)
			return get_uid(up);
	if (!uid)
		return get_uid(&root_user);
	up = kzalloc(sizeof(*up), GFP_KERNEL);
	if (!up)
		return NULL;
	up->count = 1;
	up->uid = uid;
	list_add_tail(&up->node, &root_user.node);
	return up;
}

void free_uid(struct user_struct *up)
{
	if (--up->count)
		return;
	BUG_ON(up == &root_user);
	list_del(&up->node);
	kfree(up);
}

bool capable(int cap)
{
	(void)cap;
	return current->cred.euid == 0;
}
