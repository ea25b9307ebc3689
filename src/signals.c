/* signals.c - which variant sees which signal, and when.
 *
 * Synchronous signals (faults, SIGPIPE/SIGXFSZ from a call, a signal a
 * task sends itself, and signals mvee injected) are delivered where they
 * arise; each variant has its own. Asynchronous ones (from outside, from
 * timers, SIGCHLD, kill between the program's processes) arrive in every
 * variant at a different moment: mvee takes the leader's, drops the
 * followers' copies, and delivers the leader's to every variant at the
 * same point:
 *   - at the set's next rendezvous: mvee sends it to every task before
 *     the call is dispatched, with the leader's siginfo, so it is pending
 *     at the call's entry in every variant, as it would be natively;
 *   - at once when the signal's default action ends the process, or when
 *     it interrupted a leader call (the followers wait at its entry) or a
 *     call that waits for signals (pause, sigsuspend): the followers then
 *     get it inside the same call;
 *   - at once in the leader when it interrupted a wait that only another
 *     thread ends (a futex wait: a worker thread idle on a condition
 *     variable), where no rendezvous comes until the wait returns, which
 *     may be never: the handler runs in the leader's thread with the turn
 *     it asks for, and each follower's thread, when it follows that turn
 *     (sched.c), has its own wait interrupted and gets the signal there.
 */
#include "monitor.h"

#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <unistd.h>

#define BIT(sig) (1ULL << ((sig)-1))

static bool default_ignored(int sig)
{
	return sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH ||
	       sig == SIGCONT;
}

static bool default_stops(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
	       sig == SIGTTOU;
}

static bool synchronous(const struct task *t, int sig, const siginfo_t *si)
{
	switch (sig) {
	case SIGSEGV:
	case SIGBUS:
	case SIGILL:
	case SIGFPE:
	case SIGTRAP:
	case SIGSYS:
		if (si->si_code > 0)
			return true; /* raised by the kernel for a fault */
		break;
	case SIGPIPE:
	case SIGXFSZ:
		return true; /* raised by the call that just returned */
	default:
		break;
	}
	/* sent to itself: the sender's pid is its own, or the leader's
	 * (which getpid gives every variant) */
	return (si->si_code == SI_USER || si->si_code == SI_TKILL ||
		si->si_code == SI_QUEUE) &&
	       (si->si_pid == t->proc->pid[t->variant] ||
		si->si_pid == t->proc->pid[0]);
}

/* send sig to t, to be passed through with the leader's siginfo */
static void inject(struct task *t, int sig, const siginfo_t *info)
{
	t->injected |= BIT(sig);
	t->inject_info[sig] = *info;
	/* a standard signal already pending absorbs the one sent now: that
	 * one then stands for it */
	t->inject_loose &= ~BIT(sig);
	if (monitor_signal_pending(t->tid, sig))
		t->inject_loose |= BIT(sig);
	syscall(SYS_tgkill, t->proc->pid[t->variant], t->tid, sig);
}

/* the real uid of t's process (as the kernel puts it in a siginfo) */
static uid_t task_uid(const struct task *t)
{
	char path[64], line[256];
	unsigned uid = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)t->tid);
	f = fopen(path, "re");
	if (!f)
		return getuid();
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "Uid: %u", &uid) == 1)
			break;
	fclose(f);
	return (uid_t)uid;
}

/* sig raised by a call that mvee ran for t (SIGPIPE after EPIPE,
 * monio.c): sent with the siginfo the kernel gives a call's own SIGPIPE,
 * from the caller (its pid: the leader's, which getpid gives every
 * variant) */
void signals_raise(struct task *t, int sig)
{
	siginfo_t si;

	memset(&si, 0, sizeof(si));
	si.si_signo = sig;
	si.si_code = SI_USER;
	si.si_pid = t->proc->pid[0];
	si.si_uid = task_uid(t);
	inject(t, sig, &si);
}

/* every follower gets the leader's signal now, inside its current call.
 * One held at its entry (waiting for the leader's result) restarts its
 * call after the handler when the leader's call restarts; when it fails
 * with EINTR, the leader's result releases it (lockstep.c). A fatal
 * signal ends it before its call runs. */
static void deliver_now(struct taskset *s, int sig, const siginfo_t *si,
			bool restart, bool fatal)
{
	int v;

	for (v = 1; v < s->n; v++) {
		struct task *f = s->task[v];

		if (f->state == TS_DEAD || f->state == TS_UNBORN)
			continue;
		inject(f, sig, si);
		signals_release_stashed(f);
		if (f->state == TS_HELD && restart) {
			arch_set_restart(&f->regs);
			task_store(f);
			f->state = TS_RUNNING;
			task_resume(f, 0, 0);
		} else if (fatal &&
			   (f->state == TS_HELD || f->state == TS_ENTRY)) {
			/* a fatal signal: the call never runs */
			task_skip(f, -EINTR);
		}
	}
}

/* Is the leader's task t, stopped for a signal, inside a wait that only
 * another thread of its process ends (a futex wait), that the kernel
 * will restart or end with EINTR? */
static bool in_unsync_wait(const struct task *t)
{
	long nr = arch_nr(&t->regs);
	const struct sc_row *r = nr >= 0 ? systable_row(nr) : NULL;

	return t->proc->sched.active && r && (r->flags & SCF_UNSYNC) &&
	       ret_is_restart(arch_ret(&t->regs)) && sched_call_blocks(t, nr);
}

/* Follower f follows the turn the leader's thread took to run sig's
 * handler, which it took in a futex wait: f gets sig now with the
 * leader's siginfo (once: not again while mvee's copy is on its way).
 * When mvee interrupted f's wait, f keeps its call's restart code, so
 * that its handler runs and its wait restarts or fails with EINTR by the
 * kernel's rules, as the leader's did (sched.c has the other cases). */
void signals_in_wait(struct task *f, int sig)
{
	if (!(f->injected & BIT(sig)))
		inject(f, sig, &f->set->wait_info[sig]);
}

/* a follower's siginfo names the sender (kill, sigqueue, SIGCHLD) by its
 * own pid: give it the leader's number, which is what getpid says */
static void translate_sender(const struct task *t, const siginfo_t *si)
{
	siginfo_t info = *si;
	bool has_pid = si->si_code == SI_USER || si->si_code == SI_TKILL ||
		       si->si_code == SI_QUEUE || si->si_signo == SIGCHLD;

	if (!t->variant || !has_pid || info.si_pid <= 0)
		return;
	info.si_pid = (pid_t)pid_to_leader(t->variant, info.si_pid);
	if (info.si_pid != si->si_pid)
		ptrace(PTRACE_SETSIGINFO, t->tid, 0, &info);
}

int signals_arrived(struct task *t, int sig, const siginfo_t *si)
{
	struct taskset *s = t->set;
	struct lproc *p = t->proc;
	bool handler = p->sig[sig].caught;

	if ((t->injected & BIT(sig)) &&
	    ((t->inject_loose & BIT(sig)) ||
	     (si->si_code == SI_TKILL && si->si_pid == getpid()))) {
		/* the copy mvee sent, not the task's own (a follower's own
		 * SIGCHLD comes from its own child) */
		t->injected &= ~BIT(sig);
		t->inject_loose &= ~BIT(sig);
		ptrace(PTRACE_SETSIGINFO, t->tid, 0, &t->inject_info[sig]);
		return sig;
	}
	if (synchronous(t, sig, si)) {
		translate_sender(t, si);
		return sig;
	}
	if (t->variant != 0)
		return 0; /* the leader's copy is delivered to it */
	if (p->sig[sig].ignored || (!handler && default_ignored(sig)))
		return 0; /* no effect in any variant */
	if (!handler && !default_stops(sig)) {
		/* ends the process: everywhere, now */
		p->exiting = true;
		deliver_now(s, sig, si, false, true);
		return sig;
	}
	if (handler && task_interrupted(t) &&
	    (s->policy == POL_LEADER ||
	     (s->row && (s->row->flags & SCF_SIGWAIT)))) {
		/* it interrupted the call the leader is blocked in, and the
		 * followers are in the same state: held at its entry (a
		 * leader call) or waiting for a signal themselves. In a call
		 * each variant completes on its own, a follower may already
		 * have its result: the leader's call then restarts and the
		 * signal waits for the next rendezvous. */
		deliver_now(s, sig, si, signals_restart(t, sig), false);
		return sig;
	}
	if (handler && in_unsync_wait(t)) {
		t->wait_sig = sig;
		s->wait_info[sig] = *si;
		return sig;
	}
	s->held |= BIT(sig);
	s->held_info[sig] = *si;
	return 0;
}

/* does the interrupted call of t restart after sig's handler? (the
 * kernel's handle_signal: ERESTARTNOINTR always, ERESTARTSYS under
 * SA_RESTART, the others fail with EINTR) */
bool signals_restart(const struct task *t, int sig)
{
	long ret = arch_ret(&t->regs);

	return ret == -513 /* ERESTARTNOINTR */ ||
	       (ret == -512 /* ERESTARTSYS */ && t->proc->sig[sig].restart);
}

/* The set stands at a rendezvous: what the leader received becomes
 * pending in every variant before the call is dispatched, as a signal
 * pending at a call's entry is natively: a call that would block is
 * interrupted (EINTR or restart, by the kernel's rules, the same in every
 * variant), any other completes and the handler runs on its return. A
 * wait for a child is the leader's first (SCF_CHILDWAIT): the followers
 * get the signals when their wait ends as the leader's did. */
void signals_deliver_held(struct taskset *s)
{
	const struct sc_row *r = s->task[0]->call.row;
	bool childwait = r && (r->flags & SCF_CHILDWAIT);
	int v, sig;

	if (!s->held || s->task[0]->call.nr == NR_RDTSC)
		return;
	for (v = 0; v < s->n; v++)
		for (sig = 1; sig < 65; sig++) {
			if (!(s->held & BIT(sig)))
				continue;
			if (!v || !childwait) {
				inject(s->task[v], sig, &s->held_info[sig]);
				continue;
			}
			s->task[v]->stashed |= BIT(sig);
			s->stash_info[sig] = s->held_info[sig];
		}
	s->held = 0;
}

/* follower f leaves a wait the leader completed (or restarts it): the
 * signals pending at the leader's entry become pending in f */
void signals_release_stashed(struct task *f)
{
	int sig;

	for (sig = 1; sig < 65 && f->stashed; sig++)
		if (f->stashed & BIT(sig)) {
			f->stashed &= ~BIT(sig);
			inject(f, sig, &f->set->stash_info[sig]);
		}
}

/* what a new program image inherits: handlers are reset, SIG_IGN stays */
void signals_exec(struct lproc *p)
{
	int sig;

	for (sig = 1; sig < 65; sig++) {
		p->sig[sig].caught = false;
		p->sig[sig].restart = false;
	}
}
