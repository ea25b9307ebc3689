/* tasks.c - task sets for new processes and threads.
 *
 * When a task of set S creates a task (clone, clone3, fork, vfork), every
 * variant does so; the k-th task variant v's S creates belongs to the
 * same set as the k-th task of every other variant's S (creation order).
 * A thread joins its creator's logical process; a new process gets its
 * own, with a copy of the fd ownership map and signal dispositions.
 * Stops of a new task can reach waitpid before its creator's clone event
 * names it: they wait in a small queue until then.
 */
#include "monitor.h"

#include <errno.h>
#include <stdlib.h>
#include <sched.h>
#include <string.h>
#include <sys/ptrace.h>

#define EARLY_MAX 64

static struct {
	pid_t tid;
	int status;
} early[EARLY_MAX];
static int nearly;
static int next_set_id;

void tasks_early_stop(pid_t tid, int status)
{
	if (nearly == EARLY_MAX)
		bug(__FILE__, __LINE__, "too many unknown tasks stopped");
	early[nearly].tid = tid;
	early[nearly].status = status;
	nearly++;
}

static bool take_early(pid_t tid, int *status)
{
	int i;

	for (i = 0; i < nearly; i++)
		if (early[i].tid == tid) {
			*status = early[i].status;
			early[i] = early[--nearly];
			return true;
		}
	return false;
}

struct taskset *tasks_new_set(struct lproc *p, int parent, int birth)
{
	struct taskset *s = xcalloc(1, sizeof(*s));
	int v;

	if (nsets == MAX_SETS)
		bug(__FILE__, __LINE__, "more than %d live tasks", MAX_SETS);
	s->id = next_set_id++;
	s->proc = p;
	s->n = cfg.nvariants;
	s->parent = parent;
	s->birth = birth;
	p->refs++;
	for (v = 0; v < s->n; v++) {
		struct task *t = xcalloc(1, sizeof(*t));

		t->variant = v;
		t->set = s;
		t->proc = p;
		t->state = TS_UNBORN;
		s->task[v] = t;
	}
	sets[nsets++] = s;
	return s;
}

static struct lproc *new_proc(const struct lproc *parent)
{
	struct lproc *p = xcalloc(1, sizeof(*p));

	fdmap_copy(&p->fds, &parent->fds);
	memcpy(p->sig, parent->sig, sizeof(p->sig));
	p->ppid = parent->pid[0];
	p->pidfd = -1;
	layout_fork(p, parent);
	return p;
}

/* the clone flags of the call task t is making */
static unsigned long clone_flags(const struct task *t)
{
	const struct call *c = &t->call;

	switch (c->nr) {
	case __NR_clone:
		return c->arg[0];
	case __NR_clone3:
		return c->in.n ? *(uint64_t *)span_data(c, &c->in.s[0]) : 0;
	case __NR_vfork:
		return CLONE_VM | CLONE_VFORK;
	default:
		return 0;
	}
}

/* variant v's task t created tid */
void tasks_created(struct task *t, pid_t tid)
{
	struct taskset *s = t->set, *c = NULL;
	unsigned long flags = clone_flags(t);
	int birth = s->nborn[t->variant]++;
	struct task *nt;
	int i, st;

	for (i = 0; i < nsets; i++)
		if (sets[i]->parent == s->id && sets[i]->birth == birth) {
			c = sets[i];
			break;
		}
	if (!c)
		c = tasks_new_set((flags & CLONE_THREAD) ? s->proc :
							   new_proc(s->proc),
				  s->id, birth);
	if (flags & CLONE_THREAD)
		sched_activate(s->proc);
	nt = c->task[t->variant];
	nt->tid = tid;
	nt->state = TS_RUNNING;
	nt->exec_seen = true;
	nt->fresh = true;
	if (!(flags & CLONE_THREAD))
		c->proc->pid[t->variant] = tid;
	if (take_early(tid, &st))
		tasks_first_stop(nt);
}

/* the stop a new task starts with (PTRACE_EVENT_STOP): let it run */
void tasks_first_stop(struct task *t)
{
	t->fresh = false;
	t->stop = STOP_USER;
	task_resume(t, 0, 0);
}

/* pids of ended tasks, per variant, so that the results of the waits
 * that collect them still translate to the leader's numbers */
#define DEAD_MAX 4096
static pid_t dead[DEAD_MAX][MAX_VARIANTS];
static unsigned ndead;

static void remember_dead(const pid_t *pids, int n)
{
	pid_t *d = dead[ndead++ % DEAD_MAX];

	memcpy(d, pids, (size_t)n * sizeof(*pids));
}

/* pid of variant `from` in the numbering of variant `to`, among ended
 * tasks; 0 when unknown */
pid_t tasks_dead_pid(int from, int to, pid_t pid)
{
	unsigned i, n = ndead < DEAD_MAX ? ndead : DEAD_MAX;

	for (i = 0; i < n; i++) {
		const pid_t *d = dead[(ndead - 1 - i) % DEAD_MAX];

		if (d[from] == pid)
			return d[to];
	}
	return 0;
}

/* a set whose tasks have all ended leaves the registry (set 0 stays: its
 * leader's status is the program's) */
void tasks_reap(struct taskset *s)
{
	int i, v;

	if (s->id == 0)
		return;
	{
		pid_t pids[MAX_VARIANTS];
		int v2;

		for (v2 = 0; v2 < s->n; v2++)
			pids[v2] = s->task[v2]->tid;
		remember_dead(pids, s->n);
	}
	for (i = 0; i < nsets; i++)
		if (sets[i] == s) {
			sets[i] = sets[--nsets];
			break;
		}
	if (--s->proc->refs == 1)
		sched_single(s->proc);
	if (s->proc->refs == 0) {
		sched_free(s->proc);
		fdmap_free(&s->proc->fds);
		epoll_forget(s->proc);
		monio_forget(s->proc);
		layout_free(s->proc);
		free(s->proc);
	}
	for (v = 0; v < s->n; v++) {
		buf_free(&s->task[v]->call.data);
		free(s->task[v]->call.in.s);
		free(s->task[v]->call.out.s);
		free(s->task[v]);
	}
	free(s);
}
