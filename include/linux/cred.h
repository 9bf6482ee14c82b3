/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Who a task acts as: Linux's credentials, the ids (real, effective,
 * saved, filesystem; of the user and of the group) and the user_struct
 * of its real uid, which counts that user's tasks for RLIMIT_NPROC.
 * There are no capability sets: an effective uid of 0 holds every
 * capability, as a root process that has not dropped any (setuid away
 * from 0 drops them on Linux too, and they come back only with euid 0).
 *
 * Each task has its own copy (fork copies it), as Linux's set*id calls
 * change only the calling thread's.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/list.h>
#include <linux/types.h>

#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_SYS_ADMIN		21
#define CAP_SYS_RESOURCE	24

/*
 * A user the system knows: one per uid that some task has as its real
 * uid, freed with its last task. Invariant: processes is the number of
 * tasks (threads too, zombies until reaped) whose cred.user it is.
 */
struct user_struct {
	int count;			/* references: its tasks' and callers' */
	unsigned int uid;
	int processes;			/* its tasks, for RLIMIT_NPROC */
	struct list_head node;		/* on the list of users */
};

struct cred {
	unsigned int uid, euid, suid, fsuid;
	unsigned int gid, egid, sgid, fsgid;
	struct user_struct *user;	/* of uid */
};

/* uid 0's, never freed */
extern struct user_struct root_user;

/* ---- kernel/user.c ---- */
/* The user_struct of @uid with a reference, made if needed; NULL without memory. */
struct user_struct *alloc_uid(unsigned int uid);
static inline struct user_struct *get_uid(struct user_struct *up)
{
	up->count++;
	return up;
}
void free_uid(struct user_struct *up);
/* Whether the current task holds capability @cap. */
bool capable(int cap);

#endif
