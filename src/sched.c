/* sched.c - deterministic thread scheduling: in every variant, the
 * threads of a process run user code one at a time, in the same order.
 *
 * Threads race in user space (a mutex taken without a system call, a
 * shared counter), so the order of their calls is up to the scheduler of
 * each variant: one variant's thread A writes first, another's thread B,
 * and the variants wait for each other at the rendezvous forever. mvee
 * gives each multi-threaded process one *turn* per variant. A thread runs
 * user code only while it holds its process's turn:
 *   - it gives the turn up at each call's entry stop (and at a trapped
 *     rdtsc);
 *   - it asks for it whenever mvee would let it return to user space (an
 *     exit stop, a signal about to run a handler, a call skipped at its
 *     entry, a new thread's first stop). It then waits, stopped, until
 *     granted.
 * In the leader, turns go first come, first served, and every grant is
 * recorded (the task set id). Each follower grants turns in exactly the
 * leader's recorded order. Every variant then runs the same stretches of
 * user code in the same order, so it makes the same calls.
 *
 * A call that may block waiting for another thread (SCF_BLOCKS: a futex
 * wait, a read from a pipe, wait4, poll...) runs without the turn and asks
 * for it again at its exit stop. Other calls run while their thread holds
 * the turn, so that what they do to the process (fds allocated and
 * closed, mappings) happens in the same order everywhere. That includes
 * the blocking calls that create fds (accept, open, recvmsg). When one of
 * those blocks in the leader while another thread wants the turn, mvee
 * interrupts it (PTRACE_INTERRUPT): the kernel restarts it transparently,
 * the grant is withdrawn from the record, and the call asks for the turn
 * again. Followers never run these calls themselves (they are leader
 * calls), so no follower has followed the withdrawn grant.
 *
 * A thread that waits for another in a loop without any system call
 * (a pure spin lock) keeps the turn and never lets the other run.
 */
#include "monitor.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>

#define SEQ_TRIM 4096 /* entries every follower has passed, then moved */

static struct task *task_of(const struct lproc *p, int set_id, int v)
{
	int i;

	for (i = 0; i < nsets; i++)
		if (sets[i]->id == set_id && sets[i]->proc == p)
			return sets[i]->task[v];
	return NULL;
}

/* may the call at t's entry stop wait for another thread? */
bool sched_call_blocks(const struct task *t, long nr)
{
	const struct sc_row *r = systable_row(nr);
	uint64_t a1 = arch_arg(&t->regs, 1);

	if (!r || !(r->flags & SCF_BLOCKS))
		return false;
	switch (nr) {
	case __NR_futex:
		switch (a1 & FUTEX_CMD_MASK) {
		case FUTEX_WAIT:
		case FUTEX_WAIT_BITSET:
		case FUTEX_LOCK_PI:
		case FUTEX_LOCK_PI2:
		case FUTEX_WAIT_REQUEUE_PI:
			return true;
		default:
			return false;
		}
	case __NR_fcntl:
		return a1 == F_SETLKW || a1 == F_OFD_SETLKW;
	default:
		return true;
	}
}

static bool creates_fd(long nr)
{
	const struct sc_row *r = systable_row(nr);

	return (r && r->ret == RET_FD) || nr == __NR_recvmsg ||
	       nr == __NR_recvmmsg;
}

/* is t stopped inside a call that the kernel will restart or that a
 * handler will interrupt? No user code runs before it enters again. */
static bool in_interrupted_call(const struct task *t)
{
	return arch_nr(&t->regs) >= 0 && ret_is_restart(arch_ret(&t->regs));
}

static void seq_push(struct sched *q, const struct task *t)
{
	size_t low = q->len;
	int v;

	for (v = 1; v < cfg.nvariants; v++)
		if (q->cursor[v] < low)
			low = q->cursor[v];
	if (low - q->base >= SEQ_TRIM) {
		memmove(q->seq, q->seq + (low - q->base),
			(q->len - low) * sizeof(*q->seq));
		q->base = low;
	}
	if (q->len - q->base == q->cap) {
		q->cap = q->cap ? 2 * q->cap : 1024;
		q->seq = xrealloc(q->seq, q->cap * sizeof(*q->seq));
	}
	q->seq[q->len - q->base].set = t->set->id;
	/* the call it returns from, for followers' futex waits */
	q->seq[q->len - q->base].nr = t->stop == STOP_EXIT ? arch_nr(&t->regs) :
							     -1;
	q->seq[q->len - q->base].ret =
		t->stop == STOP_EXIT ? arch_ret(&t->regs) : 0;
	q->seq[q->len - q->base].sig = t->wait_sig;
	q->len++;
}

static int debug = -1;
#define DBG(...)                                                     \
	do {                                                         \
		if (debug < 0)                                       \
			debug = getenv("MVEE_DEBUG_SCHED") != NULL;  \
		if (debug)                                           \
			fprintf(stderr, "mvee-sched: " __VA_ARGS__); \
	} while (0)

/* the leader's holder is blocked in a call that creates an fd while
 * another thread wants the turn: interrupt the call */
static void maybe_preempt(struct lproc *p)
{
	struct task *h = task_of(p, p->sched.holder[0], 0);
	int i;

	if (!h || !h->preempt || h->interrupt_sent)
		return;
	for (i = 0; i < nsets; i++)
		if (sets[i]->proc == p && sets[i]->task[0]->ready)
			break;
	if (i == nsets)
		return;
	h->interrupt_sent = true;
	if (ptrace(PTRACE_INTERRUPT, h->tid, 0, 0) && errno != ESRCH)
		bug(__FILE__, __LINE__, "PTRACE_INTERRUPT %d: %s", h->tid,
		    strerror(errno));
}

static void grant(struct sched *q, struct task *t)
{
	DBG("grant v%d set %d (exit %d sig %d stop %d nr %ld ret %ld) #%zu\n",
	    t->variant, t->set->id, t->pend_exit, t->pend_sig, t->stop,
	    arch_nr(&t->regs), arch_ret(&t->regs),
	    t->variant ? q->cursor[t->variant] : q->len);
	q->holder[t->variant] = t->set->id;
	t->ready = false;
	t->preempt = t->pend_preempt;
	task_continue(t, t->pend_exit, t->pend_sig);
	if (t->preempt)
		maybe_preempt(t->proc); /* others may be waiting already */
}

/* Follower t returns from a futex wait where the leader's thread did:
 * it sees the leader's result. Whether a wait ends woken, timed out or
 * with EAGAIN depends on timing, and a waiter may take a different path
 * for each; spurious returns are allowed, and t's memory is the leader's
 * here, so the leader's result makes t go on as the leader's thread did. */
static void follow_result(struct task *t, const struct sched_grant *g)
{
	bool unsync = t->unsync_exit;

	t->unsync_exit = false;
	if (!unsync || t->stop != STOP_EXIT || g->nr != arch_nr(&t->regs) ||
	    g->ret == arch_ret(&t->regs))
		return;
	arch_set_ret(&t->regs, g->ret);
	task_store(t);
}

/* give variant v's turn to the next thread, if the turn is free */
static void sched_try(struct lproc *p, int v)
{
	struct sched *q = &p->sched;
	struct task *t, *best = NULL;
	int i;

	if (!q->active)
		return;
	if (q->holder[v] >= 0) {
		if (v == 0)
			maybe_preempt(p);
		return;
	}
	if (v == 0) {
		for (i = 0; i < nsets; i++) {
			t = sets[i]->task[0];
			if (sets[i]->proc == p && t->ready &&
			    (!best || t->ready_stamp < best->ready_stamp))
				best = t;
		}
		if (!best)
			return;
		seq_push(q, best);
		best->wait_sig = 0;
		grant(q, best);
		for (i = 1; i < cfg.nvariants; i++)
			sched_try(p, i);
		return;
	}
	while (q->cursor[v] < q->len) {
		t = task_of(p, q->seq[q->cursor[v] - q->base].set, v);
		if (t && t->state != TS_DEAD && !t->ready) {
			/* not there yet: the leader's order waits. A futex
			 * wait the leader's thread is past must end now */
			if (t->forceable && !t->interrupt_sent) {
				t->interrupt_sent = true;
				if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) &&
				    errno != ESRCH)
					bug(__FILE__, __LINE__,
					    "PTRACE_INTERRUPT %d: %s", t->tid,
					    strerror(errno));
			}
			return;
		}
		if (t && t->state != TS_DEAD) {
			const struct sched_grant *g =
				&q->seq[q->cursor[v] - q->base];

			/* the leader's thread took a signal in its wait, and
			 * t stands here without it: its wait ended by itself
			 * (woken), or its own copy of the signal interrupted
			 * it and was dropped, and the call restarts. t gets
			 * the signal on its way out, and its handler runs
			 * with this turn, as the leader's does */
			if (g->sig && t->pend_sig != g->sig)
				signals_in_wait(t, g->sig);
			follow_result(t, g);
			q->cursor[v]++;
			grant(q, t);
			return;
		}
		q->cursor[v]++;
		/* ended in this variant (killed by an exec, an exit_group) */
	}
}

/* Follower t has gone into a futex wait mvee may end. When the leader's
 * thread is past its wait already (the next grant to follow is t's),
 * nothing else may come to end it, since the leader's grant was made
 * (a signal the leader's thread took in its wait): end it now. */
void sched_waiting(struct task *t)
{
	sched_try(t->proc, t->variant);
}

void sched_activate(struct lproc *p)
{
	struct sched *q = &p->sched;
	int v;

	if (q->active)
		return;
	/* the creator is inside clone in every variant: nobody holds a turn */
	q->active = true;
	monitor_threads_started();
	q->len = q->base = 0;
	for (v = 0; v < MAX_VARIANTS; v++) {
		q->holder[v] = -1;
		q->cursor[v] = 0;
	}
}

/* one thread is left: it runs freely again */
void sched_single(struct lproc *p)
{
	struct sched *q = &p->sched;
	int i, v;

	if (!q->active)
		return;
	q->active = false;
	for (i = 0; i < nsets; i++)
		for (v = 0; sets[i]->proc == p && v < sets[i]->n; v++) {
			struct task *t = sets[i]->task[v];

			if (!t->ready)
				continue;
			t->ready = false;
			task_continue(t, t->pend_exit, t->pend_sig);
		}
}

void sched_free(struct lproc *p)
{
	free(p->sched.seq);
	p->sched.seq = NULL;
}

bool sched_gate(struct task *t, int *exit_stop, int sig)
{
	struct lproc *p = t->proc;
	struct sched *q = &p->sched;
	long nr = arch_nr(&t->regs);

	if (!q->active || p->exiting || t->stop == STOP_KERNEL ||
	    q->holder[t->variant] == t->set->id)
		return false;
	t->pend_preempt = false;
	switch (t->stop) {
	case STOP_ENTRY:
		if (nr < 0 || t->state == TS_PLACEHOLDER ||
		    t->state == TS_INJECTED || !sched_call_blocks(t, nr))
			break;
		if (!creates_fd(nr)) {
			/* runs without the turn, asks at its exit; a follower's
			 * futex wait may be ended by mvee (sched_forced_ret) */
			t->forceable = t->variant > 0 && systable_row(nr) &&
				       (systable_row(nr)->flags & SCF_UNSYNC);
			if (!*exit_stop)
				t->sched_exit = true;
			*exit_stop = 1;
			return false;
		}
		t->pend_preempt = t->variant == 0 &&
				  t->set->policy == POL_LEADER && *exit_stop;
		break;
	case STOP_EXIT:
		if (in_interrupted_call(t))
			return false;
		break;
	case STOP_USER:
		/* a call interrupted by a signal that runs no handler
		 * restarts without running user code */
		if (in_interrupted_call(t) && (!sig || !p->sig[sig].caught))
			return false;
		break;
	case STOP_KERNEL:
		break;
	}
	DBG("ready v%d set %d stop %d holder %d\n", t->variant, t->set->id,
	    t->stop, q->holder[t->variant]);
	t->ready = true;
	t->pend_exit = *exit_stop;
	t->pend_sig = sig;
	t->ready_stamp = ++q->stamp;
	sched_try(p, t->variant);
	return true;
}

/* does a thread of t's process in t's variant wait for the turn? */
bool sched_turn_wanted(const struct task *t)
{
	int i;

	if (!t->proc->sched.active)
		return false;
	for (i = 0; i < nsets; i++)
		if (sets[i]->proc == t->proc && sets[i] != t->set &&
		    sets[i]->task[t->variant]->ready)
			return true;
	return false;
}

void sched_release(struct task *t)
{
	struct sched *q = &t->proc->sched;

	t->preempt = false;
	if (!q->active || q->holder[t->variant] != t->set->id)
		return;
	q->holder[t->variant] = -1;
	DBG("release v%d set %d\n", t->variant, t->set->id);
	sched_try(t->proc, t->variant);
}

/* the leader's grant follower t, whose futex wait mvee ended, follows */
static const struct sched_grant *forced_grant(const struct task *t)
{
	const struct sched *q = &t->proc->sched;
	size_t c = q->cursor[t->variant];

	BUG_ON(!q->active || c >= q->len ||
	       q->seq[c - q->base].set != t->set->id);
	return &q->seq[c - q->base];
}

/* Follower t's futex wait was interrupted because the leader's thread is
 * past its wait: it returns what the leader's returned. Waiters recheck
 * their condition after any return (spurious wake-ups are allowed), and
 * t's memory is the leader's at this point, so t goes on as the leader's
 * thread did. */
long sched_forced_ret(const struct task *t)
{
	const struct sched_grant *g = forced_grant(t);

	DBG("force v%d set %d ret %ld (grant %zu)\n", t->variant, t->set->id,
	    g->ret, t->proc->sched.cursor[t->variant]);
	return g->ret;
}

/* ...and when the leader's thread took a signal in that wait, which one
 * (0: none): t takes it in its wait too (signals_in_wait) */
int sched_forced_sig(const struct task *t)
{
	return forced_grant(t)->sig;
}

void sched_preempted(struct task *t)
{
	struct sched *q = &t->proc->sched;
	int v;

	BUG_ON(!q->active || q->holder[0] != t->set->id || q->len == q->base);
	BUG_ON(q->seq[q->len - 1 - q->base].set != t->set->id);
	for (v = 1; v < cfg.nvariants; v++)
		BUG_ON(q->cursor[v] >= q->len);
	q->len--;
	q->holder[0] = -1;
	t->preempt = false;
	sched_try(t->proc, 0);
}

void sched_death(struct task *t)
{
	struct sched *q = &t->proc->sched;
	int v;

	t->ready = false;
	t->preempt = false;
	if (!q->active)
		return;
	if (q->holder[t->variant] == t->set->id)
		q->holder[t->variant] = -1;
	for (v = 0; v < cfg.nvariants; v++)
		sched_try(t->proc, v);
}
