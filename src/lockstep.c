/* lockstep.c - the rendezvous of a task set and the dispatch of its calls.
 *
 * Every task stops once at each call's entry (seccomp RET_TRACE). When all
 * live tasks of a set stand at an entry, their calls are compared and the
 * leader's row decides the policy:
 *   all     - every variant runs its own call; exit stops only where the
 *             monitor must read results (new fds, pids, tracing);
 *   leader  - the leader runs to its exit stop while the followers wait at
 *             their entry; then each follower skips the call (nr = -1) and
 *             gets the leader's outputs and return value, or, for a call
 *             that creates an fd, creates a placeholder at the same number;
 *   monitor - mvee answers the call for everyone; deny - refused in all.
 */
#include "monitor.h"
#include "tmem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

bool ret_is_restart(long ret)
{
	return ret == -ERESTARTSYS || ret == -ERESTARTNOINTR ||
	       ret == -ERESTART_RESTARTBLOCK || ret == -ERESTARTNOHAND;
}

/* at a signal-delivery stop: did the signal interrupt t's call? */
bool task_interrupted(const struct task *t)
{
	if (!ret_is_restart(arch_ret(&t->regs)))
		return false;
	return t->restarting ||
	       (t->call.nr >= 0 && arch_nr(&t->regs) == t->call.nr);
}

/* let t go on now */
void task_continue(struct task *t, int exit_stop, int sig)
{
	if (t->notified) {
		/* the fast path only answers (task_skip left the answer in
		 * t->regs) or lets a call run without an exit stop */
		BUG_ON(exit_stop || sig);
		t->state = TS_RUNNING;
		t->resume_exit = false;
		if (arch_nr(&t->regs) < 0)
			notify_answer(t, arch_ret(&t->regs));
		else
			notify_continue(t);
		return;
	}
	if (t->demoted) {
		/* a demoted call (notify.c) that is to run restarts, and
		 * notifies again: then it is let through */
		t->demoted = false;
		t->passthrough = arch_nr(&t->regs) >= 0;
		t->restart_entry = t->passthrough && exit_stop;
	}
	t->resume_exit = exit_stop;
	if (ptrace(exit_stop ? PTRACE_SYSCALL : PTRACE_CONT, t->tid, 0, sig) &&
	    errno != ESRCH)
		bug(__FILE__, __LINE__, "resume %d: %s", t->tid,
		    strerror(errno));
}

/* let t go on; in a multi-threaded process, a task about to run user
 * code first waits for its process's turn (sched.c) */
void task_resume(struct task *t, int exit_stop, int sig)
{
	if (sched_gate(t, &exit_stop, sig))
		return;
	task_continue(t, exit_stop, sig);
	if (t->forceable && !t->interrupt_sent)
		sched_waiting(t);
}

/* the call t is stopped at runs with argument i set to v (its registers
 * only: t->call keeps what the program asked for) */
void task_set_arg(struct task *t, int i, uint64_t v)
{
	uint64_t a[6];

	memcpy(a, t->call.arg, sizeof(a));
	a[i] = v;
	arch_set_call(&t->regs, t->call.nr, a);
	task_store(t);
}

void task_store(struct task *t)
{
	int err;

	/* registers of a notified task cannot change: the fast path
	 * demotes every call that needs that (rendezvous) */
	BUG_ON(t->notified);
	err = arch_store(t->tid, &t->regs);

	if (err && err != -ESRCH)
		bug(__FILE__, __LINE__, "set registers of %d: %s", t->tid,
		    strerror(-err));
}

/* finish a call in task t as if it returned ret, and let it run */
void task_skip(struct task *t, long ret)
{
	arch_set_skip(&t->regs, ret);
	if (t->notified) {
		/* answered when it may run (sched.c), in task_continue */
		t->state = TS_RUNNING;
		task_resume(t, 0, 0);
		return;
	}
	task_store(t);
	t->state = TS_RUNNING;
	task_resume(t, 0, 0);
}

static struct task *leader_of(const struct taskset *s)
{
	return s->task[0];
}

bool set_all_at_entry(const struct taskset *s)
{
	int v;

	for (v = 0; v < s->n; v++)
		if (s->task[v]->state != TS_ENTRY)
			return false;
	return true;
}

/* does an all-variants call need its exit stop? */
static bool all_needs_exit(const struct sc_row *r)
{
	if (!r || r->ret == RET_NORETURN || (r->flags & SCF_EXEC))
		return false; /* no exit stop ever comes */
	return cfg.trace || cfg.summary || r->ret == RET_FD ||
	       r->ret == RET_PID || (r->flags & SCF_LEADER_FD) ||
	       row_has(r, A_FDPAIR) || (r->handler && r->handler->after);
}

static void history_push(struct taskset *s, const struct call *c, int policy)
{
	struct history_entry *h = &s->hist[s->ncalls % HISTORY];

	h->nr = c->nr;
	memcpy(h->arg, c->arg, sizeof(h->arg));
	h->ret = 0;
	h->has_ret = false;
	h->policy = policy;
	s->ncalls++;
}

static void history_ret(struct taskset *s, long ret)
{
	if (s->ncalls) {
		s->hist[(s->ncalls - 1) % HISTORY].ret = ret;
		s->hist[(s->ncalls - 1) % HISTORY].has_ret = true;
	}
}

/* leader pids in pid arguments become each follower's own */
static void translate_pid_args(struct taskset *s)
{
	const struct sc_row *r = s->row;
	int v, i;

	for (v = 1; v < s->n; v++) {
		struct task *t = s->task[v];
		bool changed = false;

		for (i = 0; i < r->nargs; i++) {
			long p = (long)(int)t->call.arg[i];
			pid_t mine;

			if (r->arg[i].kind != A_PID || p == 0 || p == -1 ||
			    !pid_arg_is_pid(&t->call, i))
				continue;
			mine = pid_to_variant(v, p);
			if (mine == p)
				continue;
			t->call.arg[i] = (uint64_t)(long)mine;
			changed = true;
		}
		if (changed) {
			arch_set_call(&t->regs, t->call.nr, t->call.arg);
			task_store(t);
		}
	}
}

/* the fd table effects that happen when the call is dispatched */
static void fd_effects_at_entry(struct taskset *s)
{
	const struct call *c = &leader_of(s)->call;

	if (!s->row || !(s->row->flags & SCF_FDTABLE))
		return;
	/* close frees the fd even when it fails (EINTR, EIO); close_range
	 * checks its arguments first and then cannot fail but for ENOMEM
	 * with CLOSE_RANGE_UNSHARE (2), and only marks with CLOEXEC (4) */
	if (c->nr == __NR_close)
		fdmap_set(&s->proc->fds, (long)(int)c->arg[0], FD_FREE);
	else if (c->nr == __NR_close_range && !(c->arg[2] & ~6ULL) &&
		 !(c->arg[2] & 4) && (unsigned)c->arg[0] <= (unsigned)c->arg[1])
		fdmap_close_range(&s->proc->fds, (unsigned)c->arg[0],
				  (unsigned)c->arg[1]);
}

/* the owner of an fd a call created */
static enum fd_owner new_fd_owner(const struct taskset *s)
{
	const struct call *c = &leader_of(s)->call;
	int src;

	if (s->policy == POL_LEADER || (s->row->flags & SCF_LEADER_FD))
		return FD_LEADER;
	src = arg_of(s->row, A_DUPFD);
	if (src >= 0 &&
	    fdmap_get(&s->proc->fds, (long)(int)c->arg[src]) == FD_LEADER)
		return FD_LEADER;
	return FD_VARIANTS;
}

static void fd_effects_at_exit(struct taskset *s, long ret)
{
	const struct call *c = &leader_of(s)->call;
	enum fd_owner own;
	int k;

	if (ret < 0)
		return;
	own = new_fd_owner(s);
	if (s->row->ret == RET_FD)
		fdmap_set(&s->proc->fds, ret, own);
	for (k = 0; k < c->out.n; k++) {
		const struct span *sp = &c->out.s[k];
		int fds[2];

		if (s->row->arg[sp->arg].kind != A_FDPAIR || sp->len != 8)
			continue;
		memcpy(fds, span_data(c, sp), 8);
		fdmap_set(&s->proc->fds, fds[0], own);
		fdmap_set(&s->proc->fds, fds[1], own);
	}
}

static void finish_call(struct taskset *s, long ret)
{
	const struct call *l = &leader_of(s)->call;

	s->ret = ret;
	history_ret(s, ret);
	fd_effects_at_exit(s, ret);
	if (s->row->handler && s->row->handler->after)
		s->row->handler->after(s, ret);
	trace_call(s, l, s->policy, ret, true);
}

static bool placement_needed(const struct call *c);
static void monio_done(struct taskset *s, long ret);

/* is t at a pure call (clock, randomness)? */
static bool pure(const struct task *t)
{
	const struct sc_row *r = systable_row(t->call.nr);

	return r && (r->flags & SCF_PURE);
}

/* Are a and b the same call, as far as pairing goes? A pure call of
 * one variant may meet another pure call of another variant with the
 * same number: jemalloc reads CLOCK_MONOTONIC_COARSE where redis reads
 * CLOCK_MONOTONIC. Pure calls differ by their scalar arguments and by
 * which pointers are NULL. */
static bool same_pure_call(const struct call *a, const struct call *b)
{
	const struct sc_row *r = a->row;
	int i;

	if (a->nr != b->nr)
		return false;
	if (!r || !(r->flags & SCF_PURE))
		return true; /* compared as usual at the rendezvous */
	for (i = 0; i < r->nargs; i++) {
		switch (r->arg[i].kind) {
		case A_INT:
		case A_UINT:
		case A_FLAGS:
			if (a->arg[i] != b->arg[i])
				return false;
			break;
		default:
			if (!a->arg[i] != !b->arg[i])
				return false;
		}
	}
	return true;
}

/* variant v's task of s runs the pure call it stands at alone */
static void run_alone(struct taskset *s, int v)
{
	struct task *t = s->task[v];
	const struct sc_row *r = systable_row(t->call.nr);
	long ret;

	if ((r->flags & SCF_CLOCK) &&
	    (v > 0 ? clocks_replay(s->proc, &t->call, &ret) :
		     clocks_read(s->proc, &t->call, &ret))) {
		task_skip(t, ret);
		return;
	}
	/* the leader's own reading becomes the latest (clocks.c): it is
	 * read at the exit stop, which a notified call has not */
	t->clock_alone = v == 0 && (r->flags & SCF_CLOCK);
	if (t->clock_alone && t->notified) {
		t->clock_alone = false;
		notify_demote(t); /* it stands here again, stopped */
		return;
	}
	t->state = TS_RUNNING;
	task_resume(t, t->clock_alone, 0);
}

/* Variants stopped at different calls: those at a pure call (clock,
 * randomness: no effect outside the variant) run it alone, each its own,
 * and the set meets again at their next call. When the leader is at one,
 * it alone goes first and the followers wait: its next call may be the
 * one they stand at (one variant reads a clock once more than another),
 * and then they read it together; a follower that reads a clock alone
 * gets the leader's latest reading (clocks.c), which is then never older
 * than the one the leader used at the same point. A task waiting at a
 * pure call keeps its thread's turn: while another variant's task of its
 * set waits in a call that does not meet (a futex wait, which may wait
 * for a thread that needs that turn), it runs its call alone
 * (unmet_wait); and when nothing happens for a while, any that waits
 * with its turn wanted (lockstep_unstick). Returns whether any variant
 * ran one. */
static bool run_pure_alone(struct taskset *s)
{
	static int debug = -1;
	bool mixed = false, ran = false;
	int v;

	if (debug < 0)
		debug = getenv("MVEE_DEBUG_PURE") != NULL;
	for (v = 1; v < s->n; v++)
		mixed |= !same_pure_call(&s->task[v]->call, &s->task[0]->call);
	if (!mixed)
		return false;
	for (v = 0; v < s->n; v++) {
		if (!pure(s->task[v]))
			continue;
		if (debug)
			fprintf(stderr,
				"mvee-pure: set %d call %lu: variant %d runs %s alone (variant 0 is at %s)\n",
				s->id, s->ncalls, v,
				call_name(s->task[v]->call.nr),
				call_name(s->task[0]->call.nr));
		ran = true;
		run_alone(s, v);
		if (v == 0)
			break; /* the followers wait for its next call */
	}
	return ran;
}

/* is a task of t's set in another variant waiting in a call that does
 * not meet (a blocking futex wait), without its thread's turn? */
static bool unmet_wait(const struct task *t)
{
	int v;

	for (v = 0; v < t->set->n; v++)
		if (v != t->variant && t->set->task[v]->state == TS_RUNNING &&
		    t->set->task[v]->sched_exit)
			return true;
	return false;
}

/* Nothing has happened for a while (monitor.c): a task that waits at a
 * pure call with its thread's turn while another thread of its variant
 * asks for the turn may close a cycle across variants (a leader thread
 * waits for a follower's, which waits for the turn a follower thread
 * holds at a pure call, waiting for a leader thread that waits for the
 * leader's turn, held the same way). Such tasks run their call alone. */
void lockstep_unstick(void)
{
	int i, v;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++) {
			struct task *t = sets[i]->task[v];
			const struct sched *q = &t->proc->sched;

			if (t->state == TS_ENTRY && pure(t) && q->active &&
			    q->holder[v] == sets[i]->id && sched_turn_wanted(t))
				run_alone(sets[i], v);
		}
}

/* t waits in a call that does not meet: the tasks of its set in other
 * variants that wait at a pure call run it alone (run_pure_alone) */
static void pure_waiters_alone(struct task *t)
{
	int v;

	for (v = 0; v < t->set->n; v++)
		if (v != t->variant && t->set->task[v]->state == TS_ENTRY &&
		    pure(t->set->task[v]))
			run_alone(t->set, v);
}

/* followers whose temporary name differed take the leader's (compare.c),
 * in their own memory, so that their later calls name the same file */
static void unify_tmpnames(struct taskset *s)
{
	const struct call *l = &s->task[0]->call;
	int v, k;

	for (v = 1; v < s->n; v++) {
		struct call *f = &s->task[v]->call;

		if (f->unify_arg < 0)
			continue;
		for (k = 0; k < l->in.n; k++) {
			const struct span *sp = &l->in.s[k];

			if (sp->arg != f->unify_arg)
				continue;
			if (tmem_write(f->tid, f->arg[sp->arg],
				       span_data(l, sp),
				       sp->len) != (ssize_t)sp->len)
				bug(__FILE__, __LINE__,
				    "cannot give variant %d the leader's file name",
				    v);
			break;
		}
	}
}

static int deny_errno(const struct sc_row *r)
{
	if (r && r->err)
		return r->err;
	if (r && r->handler && r->handler->deny_err)
		return r->handler->deny_err;
	return ENOSYS;
}

/* how many of the set's tasks wait at a notification (notify.c) */
static int notified(const struct taskset *s)
{
	int v, n = 0;

	for (v = 0; v < s->n; v++)
		n += s->task[v]->notified;
	return n;
}

static bool demote(struct taskset *s)
{
	int v;

	for (v = 0; v < s->n; v++)
		if (s->task[v]->notified)
			notify_demote(s->task[v]);
	return false;
}

/* Can the set's call be dispatched with its notified tasks left waiting
 * in seccomp? Yes when each is only answered or let through: a call mvee
 * answers or refuses, a read or write mvee ran itself (io), a call every
 * variant runs with no exit stop and no register changed. In a
 * multi-threaded process an answer waits until the thread has its
 * process's turn (sched.c holds the task as it holds a stopped one).
 * Otherwise the notified tasks are demoted to ptrace stops, where the set
 * meets again (false). */
static bool fast_path(struct taskset *s, bool io)
{
	const struct call *l = &leader_of(s)->call;
	bool fast;

	if (!notified(s))
		return true;
	switch (s->policy) {
	case POL_MONITOR:
	case POL_DENY:
		fast = true;
		break;
	case POL_LEADER:
		fast = io;
		break;
	default:
		fast = !all_needs_exit(s->row) && !layout_changes(l) &&
		       !placement_needed(l) && !row_has(s->row, A_PID) &&
		       !(s->row->handler && s->row->handler->before) &&
		       l->nr != __NR_exit_group;
		/* in a multi-threaded process a call that may wait runs
		 * without the thread's turn and asks for it at its exit
		 * stop (sched.c) */
		if (s->proc->sched.active && (s->row->flags & SCF_BLOCKS))
			fast = false;
	}
	return fast || demote(s);
}

static void rendezvous(struct taskset *s)
{
	struct task *lt = leader_of(s);
	struct divergence d;
	bool io;
	long ret;
	int v;

	if (run_pure_alone(s))
		return;
	s->t_rendezvous = event_ns;
	s->wait_ns = s->t_first ? s->t_rendezvous - s->t_first : 0;
	s->t_first = 0;
	for (v = 0; v < s->n; v++)
		call_inputs(&s->task[v]->call);
	if (!compare_calls(s, &d))
		monitor_diverged(s, &d);
	layout_check(s);
	if (layout_changes(&lt->call))
		s->proc->layout_dirty = true;
	unify_tmpnames(s);
	if (lt->call.nr == NR_RDTSC) {
		uint64_t tsc = emulate_tsc();

		for (v = 0; v < s->n; v++) {
			struct task *t = s->task[v];
			int rdtscp;
			int len = arch_tsc_insn(t->tid, &t->regs, &rdtscp);

			arch_tsc_emulate(&t->regs, len, rdtscp, tsc, 0);
			task_store(t);
			t->state = TS_RUNNING;
			task_resume(t, 0, 0);
		}
		return;
	}
	s->row = lt->call.row;
	s->policy = policy_of(&lt->call);
	s->placing = false;
	io = s->policy == POL_LEADER &&
	     (monio_run(s, &ret) || ((s->row->flags & SCF_CLOCK) &&
				     clocks_read(s->proc, &lt->call, &ret)));
	if (!fast_path(s, io))
		return; /* demoted: the set meets again at ptrace stops */
	history_push(s, &lt->call, s->policy);
	switch (s->policy) {
	case POL_DENY:
		ret = -deny_errno(s->row);
		trace_call(s, &lt->call, s->policy, ret, true);
		history_ret(s, ret);
		for (v = 0; v < s->n; v++)
			task_skip(s->task[v], ret);
		break;
	case POL_MONITOR:
		ret = emulate_call(s, &lt->call);

		trace_call(s, &lt->call, s->policy, ret, true);
		history_ret(s, ret);
		for (v = 0; v < s->n; v++)
			task_skip(s->task[v], ret);
		break;
	case POL_ALL: {
		bool need = all_needs_exit(s->row) || layout_changes(&lt->call);

		s->placing = placement_needed(&lt->call);
		if (s->placing) {
			/* the leader first: its address decides */
			for (v = 1; v < s->n; v++)
				s->task[v]->state = TS_HELD;
			lt->state = TS_INCALL;
			task_resume(lt, 1, 0);
			break;
		}

		if (row_has(s->row, A_PID))
			translate_pid_args(s);
		if (lt->call.nr == __NR_exit_group)
			s->proc->exiting = true;
		if (lt->call.nr == __NR_setns)
			clocks_forget_ns(s->proc);
		fd_effects_at_entry(s);
		if (s->row->handler && s->row->handler->before)
			s->row->handler->before(s);
		if (!need)
			trace_call(s, &lt->call, s->policy, 0, false);
		s->pending_exits = need ? s->n : 0;
		for (v = 0; v < s->n; v++) {
			s->task[v]->state = need ? TS_INCALL : TS_RUNNING;
			task_resume(s->task[v], need, 0);
		}
		break;
	}
	case POL_LEADER:
		if (io) {
			monio_done(s, ret);
			break;
		}
		for (v = 1; v < s->n; v++)
			s->task[v]->state = TS_HELD;
		lt->state = TS_INCALL;
		task_resume(lt, 1, 0);
		break;
	default:
		bug(__FILE__, __LINE__, "bad policy %d", s->policy);
	}
}

/* "exited with status 3", "was killed by SIGSEGV" */
static void describe_end(int wstatus, char *out, size_t size)
{
	if (WIFSIGNALED(wstatus))
		snprintf(out, size, "was killed by SIG%s",
			 sigabbrev_np(WTERMSIG(wstatus)) ?
				 sigabbrev_np(WTERMSIG(wstatus)) :
				 "?");
	else
		snprintf(out, size, "exited with status %d",
			 WEXITSTATUS(wstatus));
}

/* variant `dead` ended while variant w waits at a call */
__attribute__((noreturn)) static void ended_early(struct taskset *s, int dead,
						  int w)
{
	struct divergence d;
	char how[48];

	divergence_init(&d, DIVK_DEATH, s->id, dead ? dead : w, -1,
			s->task[dead]->wstatus, s->task[w]->call.nr);
	describe_end(s->task[dead]->wstatus, how, sizeof(how));
	snprintf(d.what, sizeof(d.what),
		 "variant %d %s while variant %d called %s", dead, how, w,
		 call_name(s->task[w]->call.nr));
	monitor_diverged(s, &d);
}

static bool must_defer(const struct taskset *s);
static void maybe_rendezvous(struct taskset *s)
{
	int v, w;

	for (v = 0; v < s->n; v++) {
		if (s->task[v]->state != TS_DEAD)
			continue;
		for (w = 0; w < s->n; w++) {
			struct task *t = s->task[w];

			if (t->state != TS_ENTRY && t->state != TS_HELD)
				continue;
			if (!s->proc->exiting)
				ended_early(s, v, w);
			/* the process is being ended in every variant (a
			 * fatal signal is pending here too): a task that
			 * stopped at a call since then goes on into it */
			if (t->state == TS_ENTRY)
				task_skip(t, -EINTR);
		}
	}
	if (!set_all_at_entry(s))
		return;
	if (must_defer(s)) {
		s->deferred = true;
		return;
	}
	s->deferred = false;
	signals_deliver_held(s);
	rendezvous(s);
}

/* a task stopped at a call (or rdtsc): the set meets when all are there */
static void arrive(struct task *t)
{
	if (pure(t) && unmet_wait(t)) {
		run_alone(t->set, t->variant);
		return;
	}
	t->state = TS_ENTRY;
	if (!t->set->t_first)
		t->set->t_first = event_ns;
	maybe_rendezvous(t->set);
}

/* A wait must not see one variant's child ended and another's not: it
 * waits until every child process of the set has ended in all variants
 * or in none. */
static bool must_defer(const struct taskset *s)
{
	long nr = s->task[0]->call.nr;
	int i, v;

	if (nr != __NR_wait4 && nr != __NR_waitid)
		return false;
	for (i = 0; i < nsets; i++) {
		const struct taskset *c = sets[i];
		int dead = 0, born = 0;

		if (c->proc == s->proc || c->proc->ppid != s->proc->pid[0])
			continue;
		for (v = 0; v < c->n; v++) {
			dead += c->task[v]->state == TS_DEAD;
			born += c->task[v]->state != TS_UNBORN;
		}
		if (dead && dead != born)
			return true;
	}
	return false;
}

/* a task ended: waits that waited for it may go on */
static void retry_deferred(void)
{
	int i;

	for (i = 0; i < nsets; i++)
		if (sets[i]->deferred)
			maybe_rendezvous(sets[i]);
}

/* Does the call t stands at end its thread's turn? A pure call (clock,
 * randomness), a local one (madvise of the variant's own pages) and an
 * unsynchronised one that does not wait (a futex wake) do not: a variant
 * may make one more of them than another (run_pure_alone; allocators
 * give pages back at different moments; a mutex has a waiter to wake
 * after a timed wait ran out in one variant only), and a follower's
 * extra one would wait for a turn the leader never gave. A wait, and
 * sched_yield, which asks for another thread to run, do end it. */
static bool ends_turn(const struct task *t, unsigned flags, bool local)
{
	long nr = arch_nr(&t->regs);

	if ((flags & SCF_PURE) || local)
		return false;
	return !(flags & SCF_UNSYNC) || nr == __NR_sched_yield ||
	       sched_call_blocks(t, nr);
}

/* t stands at a call's entry, its registers in t->regs */
static void entry(struct task *t)
{
	const struct sc_row *row;
	unsigned flags;
	bool local;

	t->cancelled = false;
	if (!t->exec_seen && arch_nr(&t->regs) == __NR_execve)
		notify_grab(t);
	if (t->state == TS_INJECTED || !t->exec_seen) {
		/* mvee's own injected call, or the launcher's execve */
		task_resume(t, t->state == TS_INJECTED, 0);
		return;
	}
	if (t->state == TS_PLACEHOLDER) {
		/* a follower's own wait for its child (childwait_start),
		 * restarting after a signal mvee dropped: it goes on as it
		 * was, with what it holds of its thread's turn */
		BUG_ON(!t->restarting);
		t->restarting = false;
		task_continue(t, 1, 0);
		return;
	}
	if (split_private(t))
		return;
	row = systable_row(arch_nr(&t->regs));
	flags = row ? row->flags : 0;
	local = (flags & SCF_LOCAL) &&
		call_is_local(
			arch_nr(&t->regs),
			(uint64_t[6]){
				arch_arg(&t->regs, 0), arch_arg(&t->regs, 1),
				arch_arg(&t->regs, 2), arch_arg(&t->regs, 3),
				arch_arg(&t->regs, 4), arch_arg(&t->regs, 5) });
	if (t->restarting) {
		/* the kernel restarts an interrupted call: same dispatch. No
		 * user code ran since its first entry (a signal that ran no
		 * handler: a follower's own SIGCHLD in its fork), so the
		 * thread keeps what it holds of its turn: were it given up
		 * here, a follower would wait for a grant the leader, still
		 * in the same call, never makes */
		t->restarting = false;
		t->state = t->restart_exit ? TS_INCALL : TS_RUNNING;
		task_resume(t, t->restart_exit, 0);
		return;
	}
	BUG_ON(t->state != TS_RUNNING);
	if (ends_turn(t, flags, local))
		sched_release(t);
	if ((flags & SCF_UNSYNC) || local) {
		/* futex, sched_yield, madvise(DONTNEED)...: each variant its
		 * own, never compared; the stop is only for the thread's turn */
		task_resume(t, 0, 0);
		if (t->sched_exit)
			pure_waiters_alone(t);
		return;
	}
	call_load(&t->call, t);
	t->entry_regs = t->regs;
	arrive(t);
}

void lockstep_entry(struct task *t)
{
	int err = arch_fetch(t->tid, &t->regs);

	if (err == -ESRCH)
		return;
	BUG_ON(err);
	entry(t);
}

/* A notification: t waits in seccomp at a call of a notify_row(). It
 * takes part in the rendezvous as it is, with registers made of the
 * notification's number and arguments only: whatever needs the others
 * (or changes any) is demoted to a ptrace stop first (notify.c). */
void lockstep_notified(struct task *t, const struct seccomp_notif *n)
{
	const struct sc_row *row;

	t->notified = true;
	t->notif_id = n->id;
	t->cancelled = false;
	notify_placement(t);
	if (lockstep_passthrough(t, false))
		return;
	if (!t->exec_seen) {
		notify_continue(t); /* the launcher, before its execve */
		return;
	}
	if (t->state != TS_RUNNING || t->restarting ||
	    n->data.arch != AUDIT_ARCH_X86_64) {
		notify_demote(t);
		return;
	}
	memset(&t->regs, 0, sizeof(t->regs));
	arch_set_call(&t->regs, n->data.nr, (const uint64_t *)n->data.args);
	arch_set_ret(&t->regs, -ENOSYS);
	t->stop = STOP_ENTRY;
	t->preempt = false;
	row = systable_row(n->data.nr);
	if (ends_turn(t, row ? row->flags : 0, false))
		sched_release(t);
	call_load(&t->call, t);
	t->entry_regs = t->regs;
	arrive(t);
}

/* t stopped where a demoted call's notification was answered: the call
 * did not run; it runs again if resumed as it stands */
void lockstep_demoted(struct task *t)
{
	int err = arch_fetch(t->tid, &t->regs);

	t->demoting = false;
	if (err == -ESRCH)
		return;
	BUG_ON(err);
	/* restart even after a signal handler: the call has not begun */
	arch_set_ret(&t->regs, -ERESTARTNOINTR);
	task_store(t);
	t->demoted = true;
	t->stop = STOP_ENTRY;
	entry(t);
}

/* t arrived at the call mvee let through after its demotion (a
 * notification, or a seccomp stop when mvee changed the call): it runs.
 * False when t is not in that case. */
bool lockstep_passthrough(struct task *t, bool at_seccomp_stop)
{
	if (!t->passthrough)
		return false;
	t->passthrough = false;
	if (at_seccomp_stop)
		task_continue(t, t->resume_exit, 0);
	else
		notify_continue(t);
	return true;
}

/* a field of /proc/LEADER/fdinfo/FD ("pos:", "flags:"), or -1 */
static long long leader_fdinfo(const struct taskset *s, long fd,
			       const char *field, int base)
{
	char path[64], line[128];
	size_t n = strlen(field);
	long long v = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%ld",
		 (int)leader_of(s)->tid, fd);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, field, n))
			v = strtoll(line + n, NULL, base);
	fclose(f);
	return v;
}

static bool leader_fd_cloexec(const struct taskset *s, long fd)
{
	long long flags = leader_fdinfo(s, fd, "flags:", 8);

	return flags > 0 && (flags & O_CLOEXEC);
}

static bool leader_fd_regular(const struct taskset *s, long fd)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/fd/%ld", (int)leader_of(s)->tid,
		 fd);
	return !stat(path, &st) && S_ISREG(st.st_mode);
}

/* Run a different call in follower f in place of its own; its exit stop
 * checks the call returned `expect`, then gives f the leader's result. */
static void rewrite_follower(struct task *f, long nr, const uint64_t a[6],
			     long expect)
{
	arch_set_call(&f->regs, nr, a);
	task_store(f);
	f->expect = expect;
	f->keep_ret = false;
	f->state = TS_PLACEHOLDER;
	task_resume(f, 1, 0);
}

/* SCF_CHILDWAIT: the leader's wait returned ret. When it collected a
 * child, follower f waits for its own copy of that child, blocking,
 * whatever it asked for: a follower's own wait could find another child
 * ended first, or be interrupted where the leader's was not. Its exit
 * stop checks it got that child, then gives it the leader's results.
 * False when the leader collected none (an error, EINTR, WNOHANG with
 * nothing ended, waitid with no siginfo to name the child). */
static bool childwait_start(struct taskset *s, struct task *f, long ret)
{
	const struct call *l = &leader_of(s)->call;
	uint64_t a[6];
	pid_t pid = (pid_t)ret;

	if (l->nr == __NR_waitid) {
		if (ret != 0 || !l->arg[2] ||
		    tmem_read(l->tid, l->arg[2] + offsetof(siginfo_t, si_pid),
			      &pid, sizeof(pid)) != sizeof(pid))
			return false;
	}
	if (pid <= 0)
		return false;
	pid = pid_to_variant(f->variant, pid);
	memcpy(a, f->call.arg, sizeof(a));
	if (l->nr == __NR_waitid) {
		a[0] = P_PID;
		a[1] = (uint64_t)pid;
		a[3] &= ~(uint64_t)WNOHANG;
		rewrite_follower(f, __NR_waitid, a, 0);
	} else {
		a[0] = (uint64_t)pid;
		a[2] &= ~(uint64_t)WNOHANG;
		rewrite_follower(f, __NR_wait4, a, pid);
	}
	return true;
}

/* Placement: where the kernel would choose an address, variant v maps at
 * the leader's address minus v * PLACE_STRIDE. Mappings are then congruent
 * modulo 2 TiB in all variants, so code that trims mappings to an
 * alignment (malloc arenas, allocators) makes the same calls everywhere,
 * and the variants' mmap regions never overlap. */
#define PLACE_STRIDE (1ULL << 41)

static bool placement_needed(const struct call *c)
{
	if (cfg.diversity == DIV_NONE || !c->row ||
	    !(c->row->flags & SCF_PLACE))
		return false;
	if (c->nr == __NR_mremap)
		return (c->arg[3] & MREMAP_MAYMOVE) &&
		       !(c->arg[3] & MREMAP_FIXED);
	return !(c->arg[3] & (MAP_FIXED | MAP_FIXED_NOREPLACE));
}

/* MAP_32BIT asks for the window [1 GiB, 2 GiB) (JITs that need rel32
 * reach): there each variant gets its own slot of the window instead */
#define WIN32_LO 0x40000000ULL
#define WIN32_SIZE 0x40000000ULL

/* where follower f maps what the leader mapped at addr: 2v TiB below, or
 * above when addr is too low for that (a low hint the kernel honoured) */
static uint64_t place_at(const struct task *f, uint64_t addr)
{
	uint64_t off = (uint64_t)f->variant * PLACE_STRIDE;
	uint64_t at, len = f->call.arg[1];

	if (f->call.nr == __NR_mmap && (f->call.arg[3] & MAP_32BIT) &&
	    addr >= WIN32_LO && addr < WIN32_LO + WIN32_SIZE) {
		at = WIN32_LO +
		     (addr - WIN32_LO +
		      (uint64_t)f->variant * (WIN32_SIZE / cfg.nvariants)) %
			     WIN32_SIZE;
		if (at + len > WIN32_LO + WIN32_SIZE && at >= WIN32_SIZE / 2)
			at -= WIN32_SIZE / 2;
		return at & ~0xfffULL;
	}
	if (addr >= off + (1ULL << 32))
		return addr - off;
	return addr + off;
}

static void placement_start(struct taskset *s, struct task *f, long addr)
{
	uint64_t a[6];
	uint64_t at = place_at(f, (uint64_t)addr);

	memcpy(a, f->call.arg, sizeof(a));
	if (f->call.nr == __NR_mremap) {
		a[3] |= MREMAP_FIXED | MREMAP_MAYMOVE;
		a[4] = at;
	} else {
		a[0] = at;
		a[3] |= MAP_FIXED_NOREPLACE;
	}
	(void)s;
	arch_set_call(&f->regs, f->call.nr, a);
	task_store(f);
	f->expect = (long)at;
	f->keep_ret = true;
	f->state = TS_PLACEHOLDER;
	task_resume(f, 1, 0);
}

/* an unnamed (O_TMPFILE) file's name for follower f: the leader's fd
 * under /proc, written below f's stack pointer (past the red zone; the
 * call's own frame is not there); 0 when it cannot be written */
static uint64_t proc_fd_name(struct taskset *s, struct task *f, long fd)
{
	char name[64];
	int len = snprintf(name, sizeof(name), "/proc/%d/fd/%ld",
			   (int)s->proc->pid[0], fd) +
		  1;
	uint64_t at = (arch_sp(&f->regs) - 512 - (uint64_t)len) & ~15ULL;

	return tmem_write(f->tid, at, name, (size_t)len) == len ? at : 0;
}

/* Make follower f hold a placeholder at fd: an open of the same regular
 * file (so it can mmap it), otherwise an eventfd. The follower's
 * own call is rewritten; its exit stop checks the number. */
static void placeholder_start(struct taskset *s, struct task *f, long fd)
{
	const struct sc_row *r = s->row;
	bool cloexec = leader_fd_cloexec(s, fd);
	int path = arg_of(r, A_STR);
	int dirfd = arg_of(r, A_FD);
	uint64_t a[6] = { 0 };

	if (path >= 0 && leader_fd_regular(s, fd)) {
		a[0] = dirfd >= 0 && dirfd < path ? f->call.arg[dirfd] :
						    (uint64_t)AT_FDCWD;
		a[1] = f->call.arg[path];
		if (f->call.nr != __NR_openat2 &&
		    (f->call.arg[path + 1] & O_TMPFILE) == O_TMPFILE) {
			a[0] = (uint64_t)AT_FDCWD;
			a[1] = proc_fd_name(s, f, fd);
		}
	}
	if (a[1]) {
		/* the leader's access mode, so that the follower can map it
		 * as the leader did (a writable MAP_SHARED mapping too); its
		 * read and write calls stay the leader's */
		a[2] = (leader_fdinfo(s, fd, "flags:", 8) & O_ACCMODE) |
		       O_NOCTTY | (cloexec ? O_CLOEXEC : 0);
		rewrite_follower(f, __NR_openat, a, fd);
		return;
	}
	memset(a, 0, sizeof(a));
	a[1] = cloexec ? EFD_CLOEXEC : 0;
	rewrite_follower(f, __NR_eventfd2, a, fd);
}

/* A leader-only call moved the offset of a variant-owned file (sendfile,
 * splice or copy_file_range from a file into a pipe): the follower's call
 * becomes an lseek to the leader's new offset. Returns false when no fd
 * argument needs it. */
static bool offset_sync_start(struct taskset *s, struct task *f)
{
	const struct sc_row *r = s->row;
	uint64_t a[6] = { 0 };
	long long pos;
	int i;

	if (f->call.nr != __NR_sendfile && f->call.nr != __NR_splice &&
	    f->call.nr != __NR_copy_file_range)
		return false; /* only these move a file's offset */
	for (i = 0; i < r->nargs; i++) {
		long fd = (long)(int)f->call.arg[i];

		if ((r->arg[i].kind != A_FD && r->arg[i].kind != A_DUPFD) ||
		    fdmap_get(&s->proc->fds, fd) != FD_VARIANTS)
			continue;
		pos = leader_fdinfo(s, fd, "pos:", 10);
		if (pos < 0)
			continue;
		a[0] = (uint64_t)fd;
		a[1] = (uint64_t)pos;
		a[2] = SEEK_SET;
		rewrite_follower(f, __NR_lseek, a, pos);
		return true;
	}
	return false;
}

/* The signal mask a call installs while it waits (pselect6, ppoll,
 * epoll_pwait, epoll_pwait2), as a pointer and size in f's memory; false
 * when it has none. */
static bool temp_sigmask(const struct task *f, uint64_t *mask, uint64_t *size)
{
	const struct call *c = &f->call;
	uint64_t ps[2];

	switch (c->nr) {
	case __NR_pselect6:
		if (!c->arg[5] ||
		    tmem_read(f->tid, c->arg[5], ps, sizeof(ps)) != sizeof(ps))
			return false;
		*mask = ps[0];
		*size = ps[1];
		break;
	case __NR_ppoll:
		*mask = c->arg[3];
		*size = c->arg[4];
		break;
	case __NR_epoll_pwait:
	case __NR_epoll_pwait2:
		*mask = c->arg[4];
		*size = c->arg[5];
		break;
	default:
		return false;
	}
	return *mask != 0;
}

/* The leader's call was interrupted by a signal that mvee sent f too. f
 * skips the call, so the mask the call installs would never apply, and a
 * signal that only that mask unblocks (make's SIGCHLD in pselect6) would
 * stay pending: f's call becomes rt_sigsuspend with the call's mask,
 * which delivers the pending signal under that mask and fails with EINTR
 * like the leader's call. Returns false when the call has no mask. */
static bool sigmask_start(struct task *f)
{
	uint64_t a[6] = { 0 };

	if (!f->injected || !temp_sigmask(f, &a[0], &a[1]))
		return false;
	rewrite_follower(f, __NR_rt_sigsuspend, a, -ERESTARTNOHAND);
	return true;
}

/* epoll_pwait and epoll_pwait2 fail with EINTR themselves when a signal
 * their mask lets through is pending; the signal is delivered only on the
 * way out. To the leader's call that is what ERESTARTNOHAND is to
 * pselect6: told so, the kernel still makes it EINTR for a handler, and
 * mvee first sees the signal and gives it to the followers at the same
 * call (signals_arrived, sigmask_start). */
static bool leader_wait_interrupted(const struct task *t)
{
	uint64_t mask, size;

	return t->variant == 0 && t->set->policy == POL_LEADER &&
	       temp_sigmask(t, &mask, &size);
}

/* variant v's result (b; the leader's a) is not one the leader's call
 * allows: a divergence of kind result, described by fmt */
__attribute__((noreturn, format(printf, 5, 6))) static void
result_diverged(struct taskset *s, int v, long a, long b, const char *fmt, ...)
{
	struct divergence d;
	va_list ap;

	divergence_init(&d, DIVK_RESULT, s->id, v, -1, a, b);
	va_start(ap, fmt);
	vsnprintf(d.what, sizeof(d.what), fmt, ap);
	va_end(ap);
	monitor_diverged(s, &d);
}

/* give follower f the leader's results: at its entry stop it skips the
 * call; at its exit stop (after a placeholder) the result replaces its own */
static void follower_done(struct taskset *s, struct task *f, bool at_exit)
{
	const struct call *l = &leader_of(s)->call;

	if (replicate_to(l, &f->call))
		result_diverged(
			s, f->variant, s->ret, 0,
			"the results of %s cannot be written into variant %d's buffers",
			call_name(l->nr), f->variant);
	signals_release_stashed(f);
	if (!at_exit) {
		task_skip(f, s->ret);
		return;
	}
	arch_copy_args(&f->regs, &f->entry_regs);
	arch_set_ret(&f->regs, s->ret);
	task_store(f);
	f->state = TS_RUNNING;
	task_resume(f, 0, 0);
}

static const char *errno_name(long e)
{
	const char *n = strerrorname_np((int)e);

	return n ? n : "E?";
}

static void placeholder_exit(struct task *f, long ret)
{
	struct taskset *s = f->set;
	uint64_t a[6] = { 0 };

	if (f->keep_ret &&
	    (ret == f->expect || (f->state == TS_INJECTED && ret >= 0))) {
		/* placed: the follower keeps its own address */
		arch_copy_args(&f->regs, &f->entry_regs);
		task_store(f);
		f->state = TS_RUNNING;
		task_resume(f, 0, 0);
		return;
	}
	if (f->keep_ret && ret < 0 && f->state == TS_INJECTED)
		result_diverged(
			s, f->variant, s->ret, ret,
			"%s succeeded in variant 0 and failed with %ld in variant %d",
			call_name(f->call.nr), ret, f->variant);
	if (f->keep_ret && f->state == TS_PLACEHOLDER) {
		/* the congruent address is taken: let the kernel choose */
		layout_fallback(f);
		arch_reexecute(&f->regs, f->call.nr, f->call.arg);
		task_store(f);
		f->state = TS_INJECTED;
		task_resume(f, 0, 0);
		return;
	}
	if (ret == f->expect && s->nrights && f->next_right < s->nrights) {
		/* the next received fd's placeholder */
		uint64_t a[6] = { 0, s->rights_cloexec ? EFD_CLOEXEC : 0 };

		f->expect = s->rights[f->next_right++];
		arch_reexecute(&f->regs, __NR_eventfd2, a);
		task_store(f);
		f->state = TS_INJECTED;
		task_resume(f, 0, 0);
		return;
	}
	if (ret == f->expect) {
		follower_done(s, f, true);
		return;
	}
	if (ret < 0 && f->state == TS_PLACEHOLDER && s->row->ret == RET_FD) {
		/* the read-only reopen failed: an eventfd instead */
		a[1] = leader_fd_cloexec(s, s->ret) ? EFD_CLOEXEC : 0;
		arch_reexecute(&f->regs, __NR_eventfd2, a);
		task_store(f);
		f->state = TS_INJECTED;
		task_resume(f, 0, 0);
		return;
	}
	if (s->row->flags & SCF_CHILDWAIT)
		result_diverged(
			s, f->variant, s->ret, ret,
			"%s: variant %d's wait for its copy of the child the leader collected returned %ld%s%s",
			call_name(f->call.nr), f->variant, ret,
			ret < 0 ? " " : "", ret < 0 ? errno_name(-ret) : "");
	/* The follower's fd table is not the leader's: in a single-threaded
	 * program that cannot happen; with threads it means one variant's
	 * thread closed or opened an fd before another's did (threads are
	 * not scheduled alike, see README). Fail closed, as a divergence. */
	result_diverged(
		s, f->variant, f->expect, ret,
		"%s: variant %d's fd table differs from the leader's (the leader's fd is %ld, this variant's %ld); its threads raced differently",
		call_name(f->call.nr), f->variant, f->expect, ret);
}

/* the leader's call of a POL_LEADER set has its result ret: each
 * follower gets it (and the leader's outputs, read into its call) */
static void followers_done(struct taskset *s, long ret, bool sigpipe)
{
	struct task *lt = leader_of(s);
	int v;

	finish_call(s, ret);
	for (v = 1; v < s->n; v++) {
		struct task *f = s->task[v];

		if (f->state == TS_DEAD) {
			/* killed while it waited for this result */
			if (!s->proc->exiting)
				ended_early(s, v, 0);
			continue;
		}
		call_outputs(&f->call, ret, &lt->call);
		if (sigpipe)
			syscall(SYS_tgkill, f->proc->pid[v], f->tid, SIGPIPE);
		if (s->nrights) {
			uint64_t a[6] = { 0,
					  s->rights_cloexec ? EFD_CLOEXEC : 0 };

			f->next_right = 1;
			rewrite_follower(f, __NR_eventfd2, a, s->rights[0]);
		} else if (s->placing && ret >= 0)
			placement_start(s, f, ret);
		else if (s->placing)
			follower_done(s, f, false);
		else if (s->row->ret == RET_FD && ret >= 0)
			placeholder_start(s, f, ret);
		else if ((s->row->flags & SCF_CHILDWAIT) &&
			 childwait_start(s, f, ret))
			continue;
		else if (ret == -EINTR && sigmask_start(f))
			continue;
		else if (ret < 0 || !offset_sync_start(s, f))
			follower_done(s, f, false);
	}
}

/* the leader's call of a POL_LEADER set returned ret; the caller
 * resumes the leader */
static void leader_done(struct taskset *s, long ret)
{
	struct task *lt = leader_of(s);
	bool sigpipe = false;

	lt->call.ret = ret;
	s->nrights = 0;
	call_outputs(&lt->call, ret, NULL);
	if ((s->row->flags & SCF_CLOCK) && ret >= 0)
		clocks_record(s->proc, &lt->call, ret);
	if (ret == -EPIPE)
		sigpipe = monitor_signal_pending(lt->tid, SIGPIPE);
	followers_done(s, ret, sigpipe);
	lt->state = TS_RUNNING;
}

/* a leader call that mvee ran itself (monio.c): every variant skips it;
 * traced and reported as mvee's */
static void monio_done(struct taskset *s, long ret)
{
	s->policy = POL_MONITOR;
	s->hist[(s->ncalls - 1) % HISTORY].policy = POL_MONITOR;
	s->nrights = 0;
	followers_done(s, ret, false);
	task_skip(leader_of(s), ret);
}

/* every task waiting at its exit stop (or at a signal stop, after EINTR)
 * goes on, with the signal it stopped for */
static void release_exited(struct taskset *s)
{
	int v;

	for (v = 0; v < s->n; v++) {
		struct task *x = s->task[v];
		int sig = x->release_sig;

		if (x->state != TS_EXITED)
			continue;
		x->state = TS_RUNNING;
		x->release_sig = 0;
		task_resume(x, 0, sig);
	}
}

/* one variant's call of a POL_ALL set returned ret (or failed with EINTR
 * at a signal stop): it waits there until every variant's call has
 * returned; then the results are checked and all resume, each with the
 * signal it stopped for (release_sig) */
/* A variant's task died inside a call the others completed (it was
 * killed from outside: a fatal signal for the process is delivered in
 * every variant and marks it exiting). The others would wait for its
 * exit stop for ever: a divergence. */
static void died_in_call(struct taskset *s)
{
	int v, w;

	if (s->proc->exiting)
		return;
	for (w = 0; w < s->n && s->task[w]->state != TS_EXITED; w++)
		;
	for (v = 0; v < s->n; v++)
		if (s->task[v]->state == TS_DEAD && w < s->n)
			ended_early(s, v, w);
}

/* EAGAIN, ENOMEM: a limit that counts all variants together was hit */
static bool resource_errno(long ret)
{
	return ret == -EAGAIN || ret == -ENOMEM;
}

static void all_done_one(struct taskset *s, struct task *t, long ret)
{
	struct task *lt = leader_of(s);
	int v;

	t->call.ret = ret;
	t->state = TS_EXITED;
	died_in_call(s);
	if (--s->pending_exits > 0)
		return;
	/* every variant's call returned, so every task it created is known:
	 * pids translate to the leader's */
	if (s->row->ret == RET_PID)
		for (v = 1; v < s->n; v++) {
			struct task *f = s->task[v];

			if (f->call.ret <= 0 || f->state != TS_EXITED)
				continue;
			arch_set_ret(&f->regs, pid_to_leader(v, f->call.ret));
			task_store(f);
		}
	/* results that name objects must agree (a variant whose call is
	 * restarting after a handler has none yet) */
	for (v = 1; v < s->n && lt->state == TS_EXITED; v++) {
		long a = lt->call.ret, b = s->task[v]->call.ret;

		if (s->task[v]->state != TS_EXITED)
			continue;
		if ((s->row->ret == RET_FD && a != b) || ((a < 0) != (b < 0)))
			result_diverged(
				s, v, a, b,
				"%s returned %ld%s%s in variant 0 and %ld%s%s in variant %d%s",
				call_name(lt->call.nr), a, a < 0 ? " " : "",
				a < 0 ? errno_name(-a) : "", b,
				b < 0 ? " " : "", b < 0 ? errno_name(-b) : "",
				v,
				resource_errno(a) || resource_errno(b) ?
					" (a resource limit or memory ran out in some variants only: process and memory limits count every variant's use)" :
					"");
	}
	if (lt->state == TS_EXITED) {
		call_outputs(&lt->call, lt->call.ret, NULL);
		finish_call(s, lt->call.ret);
	}
	release_exited(s);
}

/* t's call returned ret; resume_self: let t run on (else the caller
 * resumes it, with a signal); all-variants calls wait for each other and
 * are resumed together, with t->release_sig */
static void call_done(struct task *t, long ret, bool resume_self)
{
	if (t->set->policy != POL_LEADER && !t->set->placing) {
		all_done_one(t->set, t, ret);
		return;
	}
	leader_done(t->set, ret);
	if (resume_self)
		task_resume(t, 0, 0);
}

void lockstep_exit(struct task *t)
{
	int err = arch_fetch(t->tid, &t->regs);
	bool preempted;
	long ret;

	if (err == -ESRCH)
		return;
	BUG_ON(err);
	ret = arch_ret(&t->regs);
	if (t->clock_alone) {
		/* the leader read a clock alone: the latest reading */
		t->clock_alone = false;
		if (ret >= 0) {
			call_outputs(&t->call, ret, NULL);
			clocks_record(t->proc, &t->call, ret);
		}
		if (!t->sched_exit) {
			task_resume(t, 0, 0);
			return;
		}
	}
	preempted = t->interrupt_sent;
	t->interrupt_sent = false;
	if (t->sched_exit && t->state == TS_RUNNING) {
		/* a call that ran without the turn: ask for it */
		t->sched_exit = false;
		if (preempted && t->forceable && ret_is_restart(ret)) {
			int sig = sched_forced_sig(t);

			if (sig) {
				/* interrupted, as the leader's wait was */
				signals_in_wait(t, sig);
			} else {
				arch_set_ret(&t->regs, sched_forced_ret(t));
				task_store(t);
			}
		}
		t->unsync_exit = t->forceable;
		t->forceable = false;
		task_resume(t, 0, 0);
		return;
	}
	switch (t->state) {
	case TS_INCALL:
		if (ret == -EINTR && leader_wait_interrupted(t)) {
			arch_set_ret(&t->regs, -ERESTARTNOHAND);
			task_store(t);
			ret = -ERESTARTNOHAND;
		}
		if (ret_is_restart(ret)) {
			/* interrupted: the kernel restarts it after the
			 * signal unless a handler makes it fail with EINTR */
			t->restarting = true;
			t->restart_exit = true;
			t->state = TS_RUNNING;
			if (preempted)
				sched_preempted(t);
			task_resume(t, 0, 0);
			return;
		}
		call_done(t, ret, true);
		break;
	case TS_PLACEHOLDER:
		if (ret_is_restart(ret) && ret != t->expect) {
			/* a follower's wait for its child, interrupted by a
			 * signal of its own, which mvee drops: the kernel
			 * restarts it (signal_interrupts) */
			t->restarting = true;
			t->restart_exit = true;
			task_resume(t, 0, 0);
			return;
		}
		/* fall through */
	case TS_INJECTED:
		placeholder_exit(t, ret);
		break;
	default:
		bug(__FILE__, __LINE__, "exit stop of %d in state %d", t->tid,
		    t->state);
	}
}

/* the leader's call restarts after a handler: so do the followers that
 * wait for its result (the signal is pending in them too) */
static void restart_held(struct taskset *s)
{
	int v;

	for (v = 1; v < s->n; v++) {
		struct task *f = s->task[v];

		if (f->state != TS_HELD)
			continue;
		signals_release_stashed(f);
		arch_set_restart(&f->regs);
		task_store(f);
		f->state = TS_RUNNING;
		task_resume(f, 0, 0);
	}
}

/* an all-variants call of t ends without a result (restarted after a
 * handler): the others need not wait for it */
static void all_abandon(struct taskset *s)
{
	if (s->policy == POL_LEADER || --s->pending_exits > 0)
		return;
	release_exited(s);
}

/* Signal sig (0: none) is about to be delivered to t; if it interrupted
 * t's call (rax holds -ERESTART*), decide as the kernel's handle_signal
 * will (returns true when t is left waiting, to go with sig later): with no handler the call restarts (a continuation, no new
 * rendezvous); with one, it restarts as a new call (ERESTARTNOINTR,
 * ERESTARTSYS under SA_RESTART) or fails with EINTR. */
static bool signal_interrupts(struct task *t, int sig)
{
	long ret = arch_ret(&t->regs);
	bool handler = sig > 0 && t->proc->sig[sig].caught;

	if (!ret_is_restart(ret))
		return false;
	if (t->state == TS_PLACEHOLDER && t->restarting && handler)
		/* a follower's own signal (sent by its own threads) ran a
		 * handler in a call only it makes */
		result_diverged(
			t->set, t->variant, 0, sig,
			"variant %d's %s was interrupted by %s, which only it received",
			t->variant, call_name(t->call.nr), sigabbrev_np(sig));
	if (!t->restarting) {
		/* an all-variants call resumed without an exit stop */
		if (arch_nr(&t->regs) != t->call.nr || t->call.nr < 0)
			return false;
		t->restarting = true;
		t->restart_exit = false;
	}
	if (!handler)
		return false;
	t->restarting = false;
	if (signals_restart(t, sig)) {
		if (t->restart_exit)
			all_abandon(t->set);
		if (t->variant == 0 && t->set->policy == POL_LEADER)
			restart_held(t->set);
		return false;
	}
	if (!t->restart_exit)
		return false;
	if (t->set->policy != POL_LEADER && !t->set->placing) {
		/* waits for the other variants' calls, then goes with sig */
		t->release_sig = sig;
		call_done(t, -EINTR, true);
		return true;
	}
	call_done(t, -EINTR, false);
	return false;
}

/* A signal stop of a task on the fast path's account (notify.c); true
 * when handled. A call of a notify_row() that the signal cancelled while
 * it waited for mvee to read it has not begun: it begins again after the
 * handler (a handler without SA_RESTART must not make it fail with
 * EINTR). The kernel shows that as it shows a call interrupted while it
 * ran: ERESTARTSYS. Of the notify rows only reads and writes can block,
 * and those mvee lets run without an exit stop are on files the
 * variants opened themselves (regular files, directories), which do not
 * wait interruptibly; so ERESTARTSYS there means cancelled, unless mvee
 * saw the call interrupted at its exit stop (t->restarting). A demoted call mvee let run, not yet restarted, runs after a
 * signal that runs no handler; after a handler it is a new call, the way
 * an interrupted call that restarts after a handler is. */
static bool notify_signal(struct task *t, int sig, const siginfo_t *si)
{
	long nr = arch_nr(&t->regs);
	int deliver;

	if (t->passthrough) {
		deliver = signals_arrived(t, sig, si);
		if (!deliver || !t->proc->sig[deliver].caught) {
			task_resume(t, t->restart_entry, deliver);
			return true;
		}
		/* as if interrupted inside the call (lockstep_exit) */
		t->passthrough = false;
		t->restarting = true;
		t->restart_exit = t->restart_entry;
		t->restart_entry = false;
		t->state = TS_RUNNING;
		if (!signal_interrupts(t, deliver))
			task_resume(t, 0, deliver);
		return true;
	}
	/* A second signal before the call began again finds it marked so,
	 * unless a handler ran for the first: then the kernel has set the
	 * call up to run again already, and this one comes between calls. */
	if (t->cancelled && arch_ret(&t->regs) != -ERESTARTNOINTR)
		t->cancelled = false;
	if (!t->cancelled && (!cfg.notify || t->restarting || nr < 0 ||
			      arch_ret(&t->regs) != -ERESTARTSYS ||
			      !notify_row(systable_row(nr))))
		return false;
	t->cancelled = true;
	/* the signal came between two calls, not inside one */
	arch_set_ret(&t->regs, -ENOSYS);
	deliver = signals_arrived(t, sig, si);
	arch_set_ret(&t->regs, -ERESTARTNOINTR);
	task_store(t);
	task_resume(t, 0, deliver);
	return true;
}

void lockstep_signal(struct task *t, int sig, const siginfo_t *si)
{
	int err = arch_fetch(t->tid, &t->regs);
	int rdtscp, deliver;

	if (err == -ESRCH)
		return;
	BUG_ON(err);
	if (sig == SIGSEGV && si->si_code == SI_KERNEL && t->exec_seen &&
	    arch_tsc_insn(t->tid, &t->regs, &rdtscp)) {
		/* rdtsc/rdtscp trapped (PR_TSC_SIGSEGV): a rendezvous */
		t->call.nr = NR_RDTSC;
		t->call.row = NULL;
		t->call.task = t;
		t->call.tid = t->tid;
		t->call.variant = t->variant;
		memset(t->call.arg, 0, sizeof(t->call.arg));
		sched_release(t);
		arrive(t);
		return;
	}
	if (notify_signal(t, sig, si))
		return;
	deliver = signals_arrived(t, sig, si);
	if (!signal_interrupts(t, deliver))
		task_resume(t, 0, deliver);
}

void lockstep_exec(struct task *t)
{
	t->exec_seen = true;
	t->state = TS_RUNNING;
	exec_hide_vdso(t);
	layout_exec(t);
	clocks_forget_ns(t->proc);
	if (t->variant == 0) {
		fdmap_sync(&t->proc->fds, t->tid);
		signals_exec(t->proc);
	}
	task_resume(t, 0, 0);
}

void lockstep_death(struct task *t, int wstatus)
{
	struct taskset *s = t->set;
	struct divergence d;
	int v, w;

	t->state = TS_DEAD;
	t->wstatus = wstatus;
	sched_death(t);
	retry_deferred();
	died_in_call(s);
	for (v = 0; v < s->n; v++) {
		enum task_state st = s->task[v]->state;

		if (st == TS_ENTRY || st == TS_HELD) {
			/* one waits at a call this one will never make */
			maybe_rendezvous(s);
			return;
		}
	}
	for (v = 0; v < s->n; v++)
		if (s->task[v]->state != TS_DEAD)
			return; /* others may still end the same way */
	/* all ended: the same way? */
	for (w = 1; w < s->n; w++) {
		if (s->task[w]->wstatus == s->task[0]->wstatus)
			continue;
		divergence_init(&d, DIVK_DEATH, s->id, w, -1,
				s->task[0]->wstatus, s->task[w]->wstatus);
		{
			char a[48], b[48];

			describe_end(s->task[0]->wstatus, a, sizeof(a));
			describe_end(s->task[w]->wstatus, b, sizeof(b));
			snprintf(d.what, sizeof(d.what),
				 "variant 0 %s, variant %d %s", a, w, b);
		}
		monitor_diverged(s, &d);
	}
	tasks_reap(s);
}

/* --rendezvous-timeout: a variant that has not reached the call another
 * variant of its set has waited at for that long is stuck (a loop without
 * system calls, a variant stopped from outside): a divergence, not a hang.
 * A wait deferred for children to end is no one's fault. */
void lockstep_timeouts(uint64_t now)
{
	uint64_t limit = (uint64_t)(cfg.rendezvous_timeout * 1e9);
	int i, v, w;

	for (i = 0; i < nsets; i++) {
		struct taskset *s = sets[i];
		struct divergence d;

		if (!s->t_first || s->deferred || now - s->t_first < limit)
			continue;
		for (w = 0; w < s->n && s->task[w]->state != TS_ENTRY; w++)
			;
		for (v = 0; v < s->n; v++)
			if (s->task[v]->state != TS_ENTRY &&
			    s->task[v]->state != TS_DEAD)
				break;
		if (w == s->n || v == s->n)
			continue;
		divergence_init(&d, DIVK_TIMEOUT, s->id, v, -1, 0, 0);
		snprintf(
			d.what, sizeof(d.what),
			"variant %d has not reached a system call %.1f s after variant %d stopped at %s (--rendezvous-timeout %g)",
			v, (double)(now - s->t_first) / 1e9, w,
			call_name(s->task[w]->call.nr), cfg.rendezvous_timeout);
		monitor_diverged(s, &d);
	}
}
