/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The views /proc shows (fs/proc.c is the filesystem that serves them):
 * a task's, in fs/proc_array.c, and the system's, in fs/proc_misc.c.
 * Each fills a seq_file from the state at the time of the call.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct seq_file;
struct task_struct;

/* fs/proc_array.c */
char task_state_char(const struct task_struct *t);
void proc_tgid_stat_show(struct seq_file *m, struct task_struct *t);
void proc_tid_stat_show(struct seq_file *m, struct task_struct *t);
void proc_pid_statm_show(struct seq_file *m, struct task_struct *t);
void proc_pid_status_show(struct seq_file *m, struct task_struct *t);
void proc_pid_cmdline_show(struct seq_file *m, struct task_struct *t);
void proc_pid_environ_show(struct seq_file *m, struct task_struct *t);
void proc_pid_comm_show(struct seq_file *m, struct task_struct *t);
int proc_pid_comm_write(struct task_struct *t, const char *buf, size_t len);
void proc_pid_smaps_rollup_show(struct seq_file *m, struct task_struct *t);

/* fs/proc_misc.c */
void proc_stat_show(struct seq_file *m);
void proc_uptime_show(struct seq_file *m);
void proc_loadavg_show(struct seq_file *m);
void proc_version_show(struct seq_file *m);
void proc_cmdline_show(struct seq_file *m);
void proc_vmstat_show(struct seq_file *m);
void proc_ostype_show(struct seq_file *m);
void proc_osrelease_show(struct seq_file *m);
void proc_hostname_show(struct seq_file *m);
int proc_hostname_write(const char *buf, size_t len);
void proc_pid_max_show(struct seq_file *m);
int proc_pid_max_write(const char *buf, size_t len);
void proc_min_free_kbytes_show(struct seq_file *m);
void proc_overcommit_memory_show(struct seq_file *m);
void proc_max_map_count_show(struct seq_file *m);

#endif
