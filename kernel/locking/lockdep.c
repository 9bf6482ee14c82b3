// SPDX-License-Identifier: GPL-2.0
/*
 * The lock-order checker (make DEBUG_LOCKS=1; linux/lockdep.h), in the
 * spirit of Linux's lockdep: it proves a possible deadlock from the order
 * locks were taken in, without waiting for one to happen.
 *
 * Locks fall into classes (one per initialisation site, or per static
 * lock). Each task has a stack of the locks it holds; when it takes a
 * lock of class B while its most recent lock is of class A, the graph
 * gains the edge A -> B ("B depends on A"), remembered with the stack of
 * that first acquisition. Since A in turn was taken after the locks below
 * it, the graph's paths are all the orders the kernel has used. Taking B
 * under A when B -> ... -> A is already a path means two CPUs could each
 * hold one end and wait for the other: reported once, with the stack of
 * this acquisition and those of the edges on the path. Invariant: every
 * edge in the graph was seen; the graph has a cycle only through an edge
 * that was reported (kept, unlike Linux, which turns itself off after a
 * report: here a test plants an inversion and the rest of the run is
 * still checked, each cycle-closing edge reported once).
 *
 * Simplifications, all documented in docs/architecture.md:
 *  - an rw_semaphore's reader counts as an acquisition like a writer: the
 *    rwsem is fair (a reader queues behind a waiting writer), so reads
 *    deadlock as writes do, and read-read of one class is recursion too;
 *  - a trylock adds no edge to the lock it takes (it cannot wait), but
 *    locks taken under it depend on it;
 *  - interrupt handlers push their locks on the stack of the task they
 *    interrupted, so "held with interrupts enabled, then taken in an
 *    interrupt" orders become edges: they deadlock the same way;
 *  - the big kernel lock (kernel_flag) is not checked: schedule() drops
 *    and retakes it around every sleep, which would make every sleeping
 *    lock taken under it look inverted (Linux's lockdep never tracked
 *    the BKL's release-on-sleep either). Its holder is still recorded.
 *
 * Everything lives in static arrays, so the checker never allocates (and
 * never recurses into the allocator's locks); a full array is reported
 * and the checker turns itself off, as lockdep does. The graph grows
 * under graph_lock, a raw ticket lock with interrupts masked, and is read
 * without it: classes and edges are only ever appended, each published
 * after it is filled in. A per-CPU flag keeps the checker from checking
 * the locks its own reports take (printk's).
 */
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/smp_lock.h>
#include <linux/spinlock.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <asm/irqflags.h>

#define MAX_LOCKDEP_KEYS		512	/* classes */
#define MAX_LOCKDEP_ENTRIES		4096	/* edges */
#define MAX_STACK_TRACE_ENTRIES		32768	/* return addresses, all edges' */
#define LOCKDEP_TRACE_DEPTH		16	/* per edge */
#define CLASSHASH_SIZE			256

struct lock_class {
	const void *key;		/* &key->subkeys[subclass], or the static lock */
	const char *name;
	unsigned int subclass;
	int hash_next;			/* class index + 1, 0: end of chain */
	int first_after;		/* edge index + 1: this class's edges, newest first */
	atomic_long_t ops;		/* acquisitions */
	bool recursion_reported;	/* two of it held together: told once */
};

/* "to" was taken while "from" (the class whose list it is on) was held. */
struct lock_list {
	u16 to;				/* class index */
	u16 trace_len;
	int next;			/* edge index + 1, 0: end */
	unsigned int trace;		/* first entry in stack_trace[] */
};

static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static unsigned long stack_trace[MAX_STACK_TRACE_ENTRIES];
static int classhash_table[CLASSHASH_SIZE];	/* class index + 1 */
static int nr_lock_classes, nr_list_entries;
static unsigned int nr_stack_trace_entries;

static arch_spinlock_t graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static bool debug_locks = true;			/* false once a limit was hit */
static bool lockdep_recursion[NR_CPUS];		/* this CPU is inside the checker */
static int max_lockdep_depth;
static unsigned long nr_cycle_checks, nr_redundant_checks;

unsigned long lockdep_reports;

/* The breadth-first search's state, under graph_lock. */
static u16 bfs_queue[MAX_LOCKDEP_KEYS];
static int bfs_parent[MAX_LOCKDEP_KEYS];	/* edge that reached the class + 1 */
static int bfs_from[MAX_LOCKDEP_KEYS];		/* ... from this class */
static unsigned int bfs_seen[MAX_LOCKDEP_KEYS];
static unsigned int bfs_generation;

extern const char _sdata[], _end[];

static inline int class_index(const struct lock_class *class)
{
	return class - lock_classes;
}

static bool static_obj(const void *p)
{
	return (const char *)p >= _sdata && (const char *)p < _end;
}

/*
 * Entering the checker: masks interrupts and marks this CPU; false (and
 * nothing to undo) if the checker is off or already running here.
 */
static bool lockdep_enter(unsigned long *flags)
{
	local_irq_save(*flags);
	if (!READ_ONCE(debug_locks) || lockdep_recursion[smp_processor_id()]) {
		local_irq_restore(*flags);
		return false;
	}
	lockdep_recursion[smp_processor_id()] = true;
	return true;
}

static void lockdep_exit(unsigned long flags)
{
	lockdep_recursion[smp_processor_id()] = false;
	local_irq_restore(flags);
}

/* A limit was reached: say which, and stop checking. */
static void lockdep_off(const char *limit)
{
	WRITE_ONCE(debug_locks, false);
	lockdep_reports++;
	printk(KERN_ERR "BUG: %s too low!\n", limit);
	printk(KERN_ERR "turning off the locking correctness validator.\n");
	dump_stack();
}

/* ---- classes ---- */

static unsigned int classhash(const void *key)
{
	unsigned long k = (unsigned long)key;

	return (k ^ (k >> 8) ^ (k >> 16)) % CLASSHASH_SIZE;
}

static struct lock_class *find_class(const void *key)
{
	int i;

	for (i = READ_ONCE(classhash_table[classhash(key)]); i;
	     i = READ_ONCE(lock_classes[i - 1].hash_next))
		if (lock_classes[i - 1].key == key)
			return &lock_classes[i - 1];
	return NULL;
}

/*
 * The class @lock belongs to with @subclass, registered the first time.
 * NULL: the lock is not checked (the big kernel lock, a lock whose
 * memory was zeroed rather than initialised, or a full class table).
 */
static struct lock_class *lookup_class(struct lockdep_map *lock, unsigned int subclass)
{
	struct lock_class *class;
	const void *key;
	int i;

	if (subclass == 0 && lock->class)
		return lock->class;
	if (lock == &kernel_flag.dep_map || subclass >= MAX_LOCKDEP_SUBCLASSES)
		return NULL;
	if (lock->key) {
		key = &lock->key->subkeys[subclass];
	} else if (static_obj(lock)) {
		key = (const char *)lock + subclass;
	} else {
		static bool warned;

		if (!warned) {
			warned = true;
			lockdep_reports++;
			printk(KERN_ERR "INFO: trying to register non-static key.\n");
			printk(KERN_ERR "The lock at %p (%s) was not initialised with its "
			       "*_init(): it is not checked.\n", lock,
			       lock->name ? lock->name : "no name");
			dump_stack();
		}
		return NULL;
	}

	class = find_class(key);
	if (!class) {
		arch_spin_lock(&graph_lock);
		class = find_class(key);	/* another CPU may have just added it */
		if (!class) {
			if (nr_lock_classes == MAX_LOCKDEP_KEYS) {
				lockdep_off("MAX_LOCKDEP_KEYS");
				arch_spin_unlock(&graph_lock);
				return NULL;
			}
			class = &lock_classes[nr_lock_classes];
			class->key = key;
			class->name = lock->name ? lock->name : "(unnamed)";
			class->subclass = subclass;
			i = classhash(key);
			class->hash_next = classhash_table[i];
			smp_wmb();	/* the class before its publication */
			WRITE_ONCE(classhash_table[i], ++nr_lock_classes);
		}
		arch_spin_unlock(&graph_lock);
	}
	if (subclass == 0)
		lock->class = class;
	return class;
}

void lockdep_init_map(struct lockdep_map *lock, const char *name,
		      struct lock_class_key *key)
{
	lock->key = key;
	lock->name = name;
	lock->class = NULL;
	lock->owner = NULL;
	lock->cpu = -1;
}

/* ---- printing ---- */

#define CLASS_NAME_LEN	80

/* The class's name, with its subclass if not 0: "&mm->mmap_lock/1". */
static const char *class_name(const struct lock_class *class, char *buf)
{
	if (!class->subclass)
		return class->name;
	snprintf(buf, CLASS_NAME_LEN, "%s/%u", class->name, class->subclass);
	return buf;
}

/* One line (whole, so that other CPUs' messages cannot split it). */
static void print_held_lock(const char *prefix, struct held_lock *hlock)
{
	char buf[CLASS_NAME_LEN];

	printk(KERN_ERR "%s%p (%s), at: %pS\n", prefix, hlock->instance,
	       class_name(hlock->class, buf), (void *)hlock->acquire_ip);
}

static void print_trace(const unsigned long *entries, unsigned int nr)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		printk(KERN_ERR "       %pS\n", (void *)entries[i]);
}

static void print_held_locks(struct task_struct *tsk)
{
	int i, depth = tsk->lockdep.depth;

	if (!depth) {
		printk(KERN_ERR "no locks held by %s/%d.\n", tsk->comm, tsk->pid);
		return;
	}
	printk(KERN_ERR "%d lock%s held by %s/%d:\n", depth, depth > 1 ? "s" : "",
	       tsk->comm, tsk->pid);
	for (i = 0; i < depth; i++) {
		char prefix[8];

		snprintf(prefix, sizeof(prefix), " #%d: ", i);
		print_held_lock(prefix, &tsk->lockdep.held[i]);
	}
}

static void print_banner(const char *title)
{
	size_t n = strlen(title);
	char rule[80];

	n = min(n, sizeof(rule) - 1);
	memset(rule, '=', n);
	rule[n] = '\0';
	printk(KERN_ERR "\n");
	printk(KERN_ERR "%s\n", rule);
	printk(KERN_ERR "%s\n", title);
	memset(rule, '-', n);
	printk(KERN_ERR "%s\n", rule);
}

static void print_stack_backtrace(void)
{
	printk(KERN_ERR "\n");
	printk(KERN_ERR "stack backtrace:\n");
	printk(KERN_ERR "CPU: %d PID: %d Comm: %s\n", smp_processor_id(),
	       current->pid, current->comm);
	dump_stack();
}

/* ---- the graph ---- */

static bool edge_exists(struct lock_class *from, struct lock_class *to)
{
	int i;

	for (i = READ_ONCE(from->first_after); i; i = READ_ONCE(list_entries[i - 1].next))
		if (list_entries[i - 1].to == class_index(to))
			return true;
	return false;
}

/*
 * Breadth first from @from along the edges: true if @target is reached,
 * bfs_parent[] then leading back from it. Under graph_lock.
 */
static bool bfs_reaches(struct lock_class *from, struct lock_class *target)
{
	int head = 0, tail = 0;

	bfs_generation++;
	bfs_queue[tail++] = class_index(from);
	bfs_seen[class_index(from)] = bfs_generation;
	bfs_parent[class_index(from)] = 0;
	while (head < tail) {
		int c = bfs_queue[head++], i;

		if (c == class_index(target))
			return true;
		for (i = lock_classes[c].first_after; i; i = list_entries[i - 1].next) {
			int to = list_entries[i - 1].to;

			if (bfs_seen[to] == bfs_generation)
				continue;
			bfs_seen[to] = bfs_generation;
			bfs_parent[to] = i;
			bfs_from[to] = c;
			bfs_queue[tail++] = to;
		}
	}
	return false;
}

/* Both reports of an acquisition: the lock taken, then the one held before it. */
static void print_acquire_over(struct held_lock *prev, struct held_lock *next)
{
	printk(KERN_ERR "%s/%d on CPU#%d is trying to acquire lock:\n", current->comm,
	       current->pid, smp_processor_id());
	print_held_lock("", next);
	printk(KERN_ERR "\n");
	printk(KERN_ERR "but task is already holding lock:\n");
	print_held_lock("", prev);
	printk(KERN_ERR "\n");
}

static void print_circular_bug(struct held_lock *prev, struct held_lock *next)
{
	struct lock_class *source = prev->class, *target = next->class;
	char buf1[CLASS_NAME_LEN], buf2[CLASS_NAME_LEN];
	const char *src, *tgt;
	int c, n = 0;

	lockdep_reports++;
	print_banner("WARNING: possible circular locking dependency detected");
	print_acquire_over(prev, next);
	printk(KERN_ERR "which lock already depends on the new lock.\n");
	printk(KERN_ERR "\n");
	printk(KERN_ERR "the existing dependency chain (in reverse order) is:\n");
	/* the path target -> ... -> source, walked back from source */
	for (c = class_index(source); c != class_index(target); c = bfs_from[c]) {
		struct lock_list *edge = &list_entries[bfs_parent[c] - 1];

		printk(KERN_ERR "\n");
		printk(KERN_ERR "-> #%d (%s) taken under (%s), first at:\n", n++,
		       class_name(&lock_classes[c], buf1),
		       class_name(&lock_classes[bfs_from[c]], buf2));
		print_trace(&stack_trace[edge->trace], edge->trace_len);
	}
	printk(KERN_ERR "\n");
	printk(KERN_ERR "other info that might help us debug this:\n");
	printk(KERN_ERR "\n");
	printk(KERN_ERR " Possible unsafe locking scenario:\n");
	printk(KERN_ERR "\n");
	printk(KERN_ERR "       CPU0                    CPU1\n");
	printk(KERN_ERR "       ----                    ----\n");
	src = class_name(source, buf1);
	tgt = class_name(target, buf2);
	printk(KERN_ERR "  lock(%s);\n", src);
	printk(KERN_ERR "                               lock(%s);\n", tgt);
	printk(KERN_ERR "                               lock(%s);\n", src);
	printk(KERN_ERR "  lock(%s);\n", tgt);
	printk(KERN_ERR "\n");
	printk(KERN_ERR " *** DEADLOCK ***\n");
	printk(KERN_ERR "\n");
	print_held_locks(current);
	print_stack_backtrace();
}

/*
 * Records @prev -> @next if new, after looking for the reverse path.
 * Under graph_lock. False if a limit was hit (the checker is off).
 */
static __noinline bool add_dependency(struct held_lock *prev, struct held_lock *next)
{
	struct lock_list *edge;
	bool cycle;

	if (edge_exists(prev->class, next->class)) {
		nr_redundant_checks++;
		return true;
	}
	nr_cycle_checks++;
	cycle = bfs_reaches(next->class, prev->class);
	if (cycle)
		print_circular_bug(prev, next);

	if (nr_list_entries == MAX_LOCKDEP_ENTRIES) {
		lockdep_off("MAX_LOCKDEP_ENTRIES");
		return false;
	}
	if (nr_stack_trace_entries + LOCKDEP_TRACE_DEPTH > MAX_STACK_TRACE_ENTRIES) {
		lockdep_off("MAX_STACK_TRACE_ENTRIES");
		return false;
	}
	edge = &list_entries[nr_list_entries];
	edge->to = class_index(next->class);
	edge->trace = nr_stack_trace_entries;
	/*
	 * From the lock function on: left out are the returns into
	 * check_prevs_add, __lock_acquire and lock_acquire (not inlined,
	 * so that the count holds whatever the optimisation).
	 */
	edge->trace_len = stack_trace_save(&stack_trace[edge->trace], LOCKDEP_TRACE_DEPTH, 3);
	nr_stack_trace_entries += edge->trace_len;
	edge->next = prev->class->first_after;
	smp_wmb();	/* the edge before its publication */
	WRITE_ONCE(prev->class->first_after, ++nr_list_entries);
	return true;
}

/*
 * The new lock depends on the held ones from the top down to the first
 * taken by a blocking acquisition (those below it are ordered before it
 * already); a trylock on top made no edge of its own.
 */
static __noinline void check_prevs_add(struct task_struct *curr, struct held_lock *next)
{
	int i;

	for (i = curr->lockdep.depth - 1; i >= 0; i--) {
		struct held_lock *prev = &curr->lockdep.held[i];

		if (prev->class == next->class) {
			/* reported by check_deadlock(): no edge to itself */
		} else if (edge_exists(prev->class, next->class)) {
			nr_redundant_checks++;
		} else {
			bool ok;

			arch_spin_lock(&graph_lock);
			ok = add_dependency(prev, next);
			arch_spin_unlock(&graph_lock);
			if (!ok)
				return;
		}
		if (!prev->trylock)
			return;
	}
}

static void print_deadlock_bug(struct held_lock *prev, struct held_lock *next)
{
	lockdep_reports++;
	print_banner("WARNING: possible recursive locking detected");
	print_acquire_over(prev, next);
	printk(KERN_ERR "other info that might help us debug this:\n");
	if (prev->instance == next->instance)
		printk(KERN_ERR " the very same lock: taking it would wait for ever\n");
	else
		printk(KERN_ERR " May be due to missing lock nesting notation\n");
	printk(KERN_ERR "\n");
	print_held_locks(current);
	print_stack_backtrace();
}

/*
 * Two locks of one class held together: reported, once per class (the
 * order between them is unknown to the checker). False if it is this
 * very lock and either hold is exclusive: taking it would wait for ever.
 */
static bool check_deadlock(struct task_struct *curr, struct held_lock *next)
{
	int i;

	for (i = 0; i < curr->lockdep.depth; i++) {
		struct held_lock *prev = &curr->lockdep.held[i];

		if (prev->class != next->class)
			continue;
		if (!next->class->recursion_reported) {
			next->class->recursion_reported = true;
			print_deadlock_bug(prev, next);
		}
		return !(prev->instance == next->instance && !(prev->read && next->read));
	}
	return true;
}

static __noinline bool __lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
			   int read, unsigned long ip)
{
	struct task_struct *curr = current;
	struct lock_class *class = lookup_class(lock, subclass);
	struct held_lock *hlock;
	int depth = curr->lockdep.depth;

	if (!class || !READ_ONCE(debug_locks))
		return true;
	atomic_long_inc(&class->ops);
	if (depth == MAX_LOCK_DEPTH) {
		lockdep_off("MAX_LOCK_DEPTH");
		return true;
	}
	hlock = &curr->lockdep.held[depth];
	*hlock = (struct held_lock){ .instance = lock, .class = class, .acquire_ip = ip,
				     .trylock = trylock, .read = read };
	if (!trylock) {
		if (!check_deadlock(curr, hlock))
			return false;
		check_prevs_add(curr, hlock);
	}
	curr->lockdep.depth = depth + 1;
	if (depth + 1 > max_lockdep_depth)
		max_lockdep_depth = depth + 1;
	return true;
}

bool lock_acquire(struct lockdep_map *lock, unsigned int subclass, int trylock,
		  int read, unsigned long ip)
{
	unsigned long flags;
	bool ret;

	if (!lockdep_enter(&flags))
		return true;
	ret = __lock_acquire(lock, subclass, trylock, read, ip);
	lockdep_exit(flags);
	return ret;
}

void lock_acquired(struct lockdep_map *lock)
{
	lock->owner = current;
	lock->cpu = smp_processor_id();
}

static void print_unlock_imbalance_bug(struct lockdep_map *lock, unsigned long ip)
{
	struct task_struct *owner = READ_ONCE(lock->owner);

	lockdep_reports++;
	print_banner("WARNING: bad unlock balance detected!");
	printk(KERN_ERR "%s/%d on CPU#%d is trying to release lock (%s) at:\n",
	       current->comm, current->pid, smp_processor_id(),
	       lock->name ? lock->name : "(unnamed)");
	printk(KERN_ERR "%pS\n", (void *)ip);
	if (owner && owner != current)
		printk(KERN_ERR "but the lock is held by %s/%d (CPU#%d): left as it is\n",
		       owner->comm, owner->pid, lock->cpu);
	else
		printk(KERN_ERR "but there are no more locks to release!\n");
	printk(KERN_ERR "\n");
	printk(KERN_ERR "other info that might help us debug this:\n");
	print_held_locks(current);
	print_stack_backtrace();
}

/* The held entry of @lock in @tsk's stack, or -1. */
static int find_held(struct task_struct *tsk, struct lockdep_map *lock)
{
	int i;

	for (i = tsk->lockdep.depth - 1; i >= 0; i--)
		if (tsk->lockdep.held[i].instance == lock)
			return i;
	return -1;
}

static void remove_held(struct task_struct *tsk, int i)
{
	struct lockdep_task *ld = &tsk->lockdep;

	memmove(&ld->held[i], &ld->held[i + 1], (ld->depth - i - 1) * sizeof(ld->held[0]));
	ld->depth--;
}

bool lock_release(struct lockdep_map *lock, unsigned long ip)
{
	unsigned long flags;
	bool ret = true;
	int i;

	if (lock->owner == current) {
		lock->owner = NULL;
		lock->cpu = -1;
	}
	if (!lockdep_enter(&flags))
		return true;
	i = find_held(current, lock);
	if (i >= 0)
		remove_held(current, i);
	else if (lookup_class(lock, 0)) {	/* not a lock left out */
		print_unlock_imbalance_bug(lock, ip);
		ret = false;
	}
	lockdep_exit(flags);
	return ret;
}

void lock_downgrade(struct lockdep_map *lock, unsigned long ip)
{
	unsigned long flags;
	int i;

	if (!lockdep_enter(&flags))
		return;
	i = find_held(current, lock);
	if (i >= 0) {
		current->lockdep.held[i].read = 1;
		lock->owner = NULL;
		lock->cpu = -1;
	} else if (lookup_class(lock, 0)) {
		print_unlock_imbalance_bug(lock, ip);
	}
	lockdep_exit(flags);
}

void lock_hand_over(struct lockdep_map *lock, struct task_struct *from)
{
	unsigned long flags;
	int i;

	lock->owner = current;
	if (!lockdep_enter(&flags))
		return;
	i = find_held(from, lock);
	if (i >= 0 && current->lockdep.depth < MAX_LOCK_DEPTH) {
		current->lockdep.held[current->lockdep.depth++] = from->lockdep.held[i];
		remove_held(from, i);
	}
	lockdep_exit(flags);
}

void lockdep_sys_exit(void)
{
	struct task_struct *curr = current;
	unsigned long flags;

	if (likely(!curr->lockdep.depth) || curr->lockdep.sys_exit_reported)
		return;
	if (!lockdep_enter(&flags))
		return;
	curr->lockdep.sys_exit_reported = true;
	lockdep_reports++;
	print_banner("WARNING: lock held when returning to user space!");
	printk(KERN_ERR "%s/%d is leaving the kernel with locks still held!\n",
	       curr->comm, curr->pid);
	print_held_locks(curr);
	lockdep_exit(flags);
}

void debug_lock_report(const char *what, struct lockdep_map *lock)
{
	struct task_struct *owner = READ_ONCE(lock->owner);
	unsigned long flags;
	bool nested;

	/* the report's own locks unchecked; it may come from inside the checker's */
	local_irq_save(flags);
	nested = lockdep_recursion[smp_processor_id()];
	lockdep_recursion[smp_processor_id()] = true;
	lockdep_reports++;
	printk(KERN_ERR "BUG: %s on CPU#%d, %s/%d\n", what, smp_processor_id(),
	       current->comm, current->pid);
	printk(KERN_ERR " lock: %s (%p), .owner: %s/%d, .owner_cpu: %d\n",
	       lock->name ? lock->name : "(unnamed)", lock,
	       owner ? owner->comm : "<none>", owner ? owner->pid : -1, lock->cpu);
	dump_stack();
	lockdep_recursion[smp_processor_id()] = nested;
	local_irq_restore(flags);
}

/* ---- /proc/lockdep and /proc/lockdep_stats ---- */

static DEFINE_MUTEX(lockdep_proc_mutex);
static u16 proc_queue[MAX_LOCKDEP_KEYS];
static unsigned int proc_seen[MAX_LOCKDEP_KEYS], proc_generation;
static u16 proc_fd[MAX_LOCKDEP_KEYS], proc_bd[MAX_LOCKDEP_KEYS];

/*
 * For each of the first @n classes: how many classes it leads to (FD,
 * forward dependencies) and lead to it (BD), through any path. Lockless
 * over the append-only graph, under lockdep_proc_mutex.
 */
static void count_dependencies(int n)
{
	int c;

	memset(proc_bd, 0, sizeof(proc_bd));
	for (c = 0; c < n; c++) {
		int head = 0, tail = 0;

		proc_generation++;
		proc_queue[tail++] = c;
		proc_seen[c] = proc_generation;
		while (head < tail) {
			int i;

			for (i = READ_ONCE(lock_classes[proc_queue[head++]].first_after); i;
			     i = READ_ONCE(list_entries[i - 1].next)) {
				int to = list_entries[i - 1].to;

				if (to >= n || proc_seen[to] == proc_generation)
					continue;
				proc_seen[to] = proc_generation;
				proc_queue[tail++] = to;
				proc_bd[to]++;
			}
		}
		proc_fd[c] = tail - 1;
	}
}

static void seq_class_name(struct seq_file *m, struct lock_class *class)
{
	seq_puts(m, class->name);
	if (class->subclass)
		seq_printf(m, "/%u", class->subclass);
}

void lockdep_show(struct seq_file *m)
{
	int n = READ_ONCE(nr_lock_classes), c, i;

	smp_rmb();	/* the classes as published */
	mutex_lock(&lockdep_proc_mutex);
	count_dependencies(n);
	seq_puts(m, "all lock classes:\n");
	for (c = 0; c < n; c++) {
		struct lock_class *class = &lock_classes[c];

		seq_printf(m, "%p OPS:%8ld FD:%5u BD:%5u: ", class->key,
			   atomic_long_read(&class->ops), proc_fd[c], proc_bd[c]);
		seq_class_name(m, class);
		seq_putc(m, '\n');
		for (i = READ_ONCE(class->first_after); i; i = READ_ONCE(list_entries[i - 1].next)) {
			struct lock_class *to = &lock_classes[list_entries[i - 1].to];

			if (class_index(to) >= n)
				continue;
			seq_printf(m, " -> [%p] ", to->key);
			seq_class_name(m, to);
			seq_putc(m, '\n');
		}
		seq_putc(m, '\n');
	}
	mutex_unlock(&lockdep_proc_mutex);
}

void lockdep_stats_show(struct seq_file *m)
{
	unsigned long ops = 0;
	int c, n = READ_ONCE(nr_lock_classes);

	for (c = 0; c < n; c++)
		ops += atomic_long_read(&lock_classes[c].ops);
	seq_printf(m, " lock-classes:                  %11d [max: %d]\n",
		   n, MAX_LOCKDEP_KEYS);
	seq_printf(m, " direct dependencies:           %11d [max: %d]\n",
		   READ_ONCE(nr_list_entries), MAX_LOCKDEP_ENTRIES);
	seq_printf(m, " stack-trace entries:           %11u [max: %d]\n",
		   READ_ONCE(nr_stack_trace_entries), MAX_STACK_TRACE_ENTRIES);
	seq_printf(m, " max locking depth:             %11d\n", max_lockdep_depth);
	seq_printf(m, " acquisitions:                  %11lu\n", ops);
	seq_printf(m, " cycle searches:                %11lu\n", nr_cycle_checks);
	seq_printf(m, " redundant dependencies:        %11lu\n", nr_redundant_checks);
	seq_printf(m, " reports:                       %11lu\n", lockdep_reports);
	seq_printf(m, " debug_locks:                   %11d\n", READ_ONCE(debug_locks));
}
