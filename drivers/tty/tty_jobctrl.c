// SPDX-License-Identifier: GPL-2.0
/*
 * Job control on a terminal, as Linux's: a session leader acquires a
 * controlling tty (opening one without O_NOCTTY, or TIOCSCTTY), whose
 * foreground process group (TIOCSPGRP, within the session) alone may
 * read it and, with TOSTOP, write it or change its settings; others get
 * SIGTTIN or SIGTTOU (or EIO when they cannot be stopped: the signal
 * ignored or blocked on reading, their group orphaned). The leader's
 * exit, or TIOCNOTTY, ends the association and hangs up the foreground.
 *
 * Invariant: a tty's session is 0 or that of every process whose
 * leader's tty points to it; the kernel clears both together.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/tty.h>
#include <linux/uaccess.h>

static bool is_ignored(int sig)
{
	return (current->blocked & sigmask(sig)) ||
	       current->sighand->action[sig - 1].handler == (unsigned long)SIG_IGN;
}

int tty_check_change(struct tty_struct *tty, int sig)
{
	struct task_struct *leader = current->group_leader;

	if (leader->tty != tty || !tty->pgrp || leader->pgrp == tty->pgrp)
		return 0;
	if (is_ignored(sig))
		return sig == SIGTTIN ? -EIO : 0;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(leader->pgrp, sig);
	return -ERESTARTSYS;
}

void proc_set_tty(struct tty_struct *tty)
{
	struct task_struct *leader = current->group_leader;

	tty->session = leader->session;
	tty->pgrp = leader->pgrp;
	leader->tty = tty;
}

/* Every process of @session loses its controlling terminal. */
static void session_clear_tty(int session)
{
	struct task_struct *p;

	list_for_each_entry(p, &task_list, tasks)
		if (p == p->group_leader && p->session == session)
			p->tty = NULL;
}

void disassociate_ctty(bool on_exit)
{
	struct task_struct *leader = current->group_leader;
	struct tty_struct *tty = leader->tty;

	if (!leader->session_leader || !tty)
		return;
	if (tty->pgrp) {
		kill_pgrp(tty->pgrp, SIGHUP);
		if (!on_exit)
			kill_pgrp(tty->pgrp, SIGCONT);
	}
	session_clear_tty(leader->session);
	tty->session = tty->pgrp = 0;
	if (on_exit)
		tty_vhangup(tty);
}

/* A process group's session, or else the session of the process with that pid. */
static int session_of_pgrp(int pgrp)
{
	struct task_struct *p, *any = NULL;

	list_for_each_entry(p, &task_list, tasks) {
		if (p->state == EXIT_DEAD)
			continue;
		if (p == p->group_leader && p->pgrp == pgrp)
			return p->session;
		if (p->pid == pgrp)
			any = p;
	}
	return any ? any->group_leader->session : -1;
}

static long tiocspgrp(struct tty_struct *tty, int *p)
{
	struct task_struct *leader = current->group_leader;
	int pgrp, sid, ret = tty_check_change(tty, SIGTTOU);

	if (ret == -EIO)
		return -ENOTTY;
	if (ret)
		return ret;
	if (get_user(pgrp, p))
		return -EFAULT;
	if (pgrp < 0)
		return -EINVAL;
	if (leader->tty != tty || tty->session != leader->session)
		return -ENOTTY;
	sid = pgrp ? session_of_pgrp(pgrp) : -1;
	if (sid < 0)
		return -ESRCH;
	if (sid != leader->session)
		return -EPERM;
	tty->pgrp = pgrp;
	return 0;
}

static long tiocsctty(struct tty_struct *tty, struct file *file, unsigned long arg)
{
	struct task_struct *leader = current->group_leader;

	if (leader->session_leader && leader->session == tty->session)
		return 0;
	if (!leader->session_leader || leader->tty)
		return -EPERM;
	if (tty->session) {
		/* another session's: only root may take it, by asking with 1 */
		if (arg != 1)
			return -EPERM;
		session_clear_tty(tty->session);
	}
	if (!(file->f_mode & FMODE_READ))
		return -EPERM;
	proc_set_tty(tty);
	return 0;
}

long tty_jobctrl_ioctl(struct tty_struct *tty, struct file *file, unsigned int cmd,
		       unsigned long arg)
{
	struct task_struct *leader = current->group_leader;
	void *p = (void *)arg;

	switch (cmd) {
	case TIOCNOTTY:
		if (leader->tty != tty)
			return -ENOTTY;
		disassociate_ctty(false);
		leader->tty = NULL;
		return 0;
	case TIOCSCTTY:
		return tiocsctty(tty, file, arg);
	case TIOCGPGRP:
		if (leader->tty != tty)
			return -ENOTTY;
		return put_user(tty->pgrp, (int *)p) ? -EFAULT : 0;
	case TIOCSPGRP:
		return tiocspgrp(tty, p);
	case TIOCGSID:
		if (leader->tty != tty || !tty->session)
			return -ENOTTY;
		return put_user(tty->session, (int *)p) ? -EFAULT : 0;
	}
	return -ENOIOCTLCMD;
}
