/* monitor.c - the event loop: waitpid(__WALL) turns each wait status into
 * one classified event, which is dispatched to the task it belongs to;
 * with the fast path on, so does each seccomp notification (notify.c).
 * Also owns the registry of task sets and the two ways a run ends early
 * (divergence, monitor failure): kill every variant, then exit. */
#include "monitor.h"

#include <errno.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/time.h>
#include <sys/wait.h>

struct config cfg = {
	.nvariants = 2,
	.diversity = DIV_DISJOINT,
	.divergence_exit = EXIT_DIVERGENCE,
	.poll_us = POLL_US_DEFAULT,
	.monitor_io = true,
	.notify = true,
};

struct taskset *sets[MAX_SETS];
int nsets;
uint64_t event_ns;

enum event {
	EV_ENTRY, /* seccomp stop at a call's entry */
	EV_EXIT, /* syscall-exit stop */
	EV_SIGNAL, /* signal-delivery stop */
	EV_GROUP_STOP, /* PTRACE_EVENT_STOP */
	EV_EXEC, /* PTRACE_EVENT_EXEC */
	EV_NEWTASK, /* PTRACE_EVENT_CLONE/FORK/VFORK */
	EV_OTHER_EVENT, /* any other ptrace event */
	EV_DEATH, /* exited or killed */
};

static enum event classify(int st)
{
	if (WIFEXITED(st) || WIFSIGNALED(st))
		return EV_DEATH;
	switch (st >> 16) {
	case 0:
		break;
	case PTRACE_EVENT_SECCOMP:
		return EV_ENTRY;
	case PTRACE_EVENT_EXEC:
		return EV_EXEC;
	case PTRACE_EVENT_CLONE:
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
		return EV_NEWTASK;
	case PTRACE_EVENT_STOP:
		return EV_GROUP_STOP;
	default:
		return EV_OTHER_EVENT;
	}
	if (WSTOPSIG(st) == (SIGTRAP | 0x80))
		return EV_EXIT;
	return EV_SIGNAL;
}

struct task *monitor_find(pid_t tid)
{
	int i, v;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++)
			if (sets[i]->task[v]->tid == tid &&
			    sets[i]->task[v]->state != TS_UNBORN)
				return sets[i]->task[v];
	return NULL;
}

bool monitor_signal_pending(pid_t tid, int sig)
{
	char path[64], line[256];
	unsigned long long mask = 0, m;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)tid);
	f = fopen(path, "re");
	if (!f)
		return false;
	while (fgets(line, sizeof(line), f))
		if ((!strncmp(line, "SigPnd:", 7) ||
		     !strncmp(line, "ShdPnd:", 7)) &&
		    sscanf(line + 7, "%llx", &m) == 1)
			mask |= m;
	fclose(f);
	return mask & (1ULL << (sig - 1));
}

static int live_tasks(void)
{
	int i, v, n = 0;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++)
			n += sets[i]->task[v]->state != TS_DEAD &&
			     sets[i]->task[v]->state != TS_UNBORN;
	return n;
}

void monitor_kill_all(void)
{
	int i, v;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++) {
			if (sets[i]->task[v]->state == TS_DEAD ||
			    sets[i]->task[v]->state == TS_UNBORN)
				continue;
			kill(sets[i]->proc->pid[v], SIGKILL);
			kill(sets[i]->task[v]->tid, SIGKILL);
		}
	while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
		;
}

void monitor_diverged(struct taskset *s, const struct divergence *d)
{
	report_divergence(s, d);
	if (cfg.trace)
		fflush(cfg.trace);
	monitor_kill_all();
	report_json(s, d, cfg.divergence_exit);
	summary_print(1);
	exit(cfg.divergence_exit);
}

/* MVEE_DEBUG_EVENTS=1: every event, as it comes */
static bool debug_events(void)
{
	static int debug = -1;

	if (debug < 0)
		debug = getenv("MVEE_DEBUG_EVENTS") != NULL;
	return debug;
}

static void dispatch(struct task *t, int st)
{
	siginfo_t si;
	unsigned long msg;
	int sig;

	if (debug_events())
		fprintf(stderr,
			"mvee-event: set %d v%d tid %d state %d event %d status 0x%x\n",
			t->set->id, t->variant, t->tid, t->state, classify(st),
			st);
	switch (classify(st)) {
	case EV_ENTRY:
		t->stop = STOP_ENTRY;
		break;
	case EV_EXIT:
		t->stop = STOP_EXIT;
		break;
	case EV_SIGNAL:
		t->stop = STOP_USER;
		break;
	default:
		t->stop = STOP_KERNEL;
	}
	t->preempt = false;
	switch (classify(st)) {
	case EV_ENTRY:
		if (!lockstep_passthrough(t, true))
			lockstep_entry(t);
		break;
	case EV_EXIT:
		if (t->restart_entry) {
			/* the entry of a demoted call restarting (notify.c) */
			t->restart_entry = false;
			task_continue(t, 1, 0);
			break;
		}
		lockstep_exit(t);
		break;
	case EV_EXEC:
		lockstep_exec(t);
		break;
	case EV_DEATH:
		lockstep_death(t, st);
		break;
	case EV_SIGNAL:
		sig = WSTOPSIG(st);
		memset(&si, 0, sizeof(si));
		if (ptrace(PTRACE_GETSIGINFO, t->tid, 0, &si) && errno == ESRCH)
			break;
		lockstep_signal(t, sig, &si);
		break;
	case EV_GROUP_STOP:
		if (t->fresh) {
			tasks_first_stop(t);
			break;
		}
		if (WSTOPSIG(st) == SIGTRAP && t->demoting) {
			t->interrupt_sent = false;
			lockstep_demoted(t);
			break;
		}
		if (WSTOPSIG(st) == SIGTRAP) {
			/* mvee's PTRACE_INTERRUPT (sched.c), sent just after
			 * the call it was meant for had returned: nothing to
			 * do (a group stop reports its stop signal) */
			t->interrupt_sent = false;
			task_continue(t, t->resume_exit, 0);
			break;
		}
		/* a stop signal took effect: stay stopped until SIGCONT */
		if (ptrace(PTRACE_LISTEN, t->tid, 0, 0) && errno != ESRCH)
			task_resume(t, 0, 0);
		break;
	case EV_NEWTASK:
		if (ptrace(PTRACE_GETEVENTMSG, t->tid, 0, &msg)) {
			if (errno == ESRCH)
				break;
			bug(__FILE__, __LINE__, "PTRACE_GETEVENTMSG: %s",
			    strerror(errno));
		}
		tasks_created(t, (pid_t)msg);
		task_resume(t, t->resume_exit, 0);
		break;
	case EV_OTHER_EVENT:
		task_resume(t, 0, 0);
		break;
	}
}

/* One periodic SIGALRM serves three clocks: --rendezvous-timeout (checked
 * every quarter of it, at least once a second), MVEE_DEBUG_DUMP=SECONDS
 * (when no event came for that long, print every task's state and its
 * process's turn to stderr: a hang, explained) and the stall breaker
 * (STALL_NS, every 20 ms, once a process has threads). The signal
 * interrupts waitpid; the checks run in the loop, not in the handler. */
static volatile sig_atomic_t tick_due;
static double tick_period; /* seconds, 0: no tick */
static int dump_secs;
static uint64_t last_event;
static bool dumped, unstuck;

/* no event for this long: tasks holding a thread's turn at a pure call
 * stop waiting there (lockstep_unstick) */
#define STALL_NS 20000000ULL

static void on_alarm(int sig)
{
	(void)sig;
	tick_due = 1;
}

/* tick at least every period seconds from now on */
static void timer_arm(double period)
{
	struct itimerval it;
	struct sigaction sa;

	if (tick_period && tick_period <= period)
		return;
	if (!tick_period) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_alarm;
		sigaction(SIGALRM, &sa, NULL);
	}
	tick_period = period;
	memset(&it, 0, sizeof(it));
	it.it_interval.tv_sec = (time_t)period;
	it.it_interval.tv_usec =
		(suseconds_t)((period - (double)(time_t)period) * 1e6);
	if (!it.it_interval.tv_sec && !it.it_interval.tv_usec)
		it.it_interval.tv_usec = 1000;
	it.it_value = it.it_interval;
	setitimer(ITIMER_REAL, &it, NULL);
}

static void timer_start(void)
{
	const char *e = getenv("MVEE_DEBUG_DUMP");
	double period = 0;

	dump_secs = e ? atoi(e) : 0;
	if (cfg.rendezvous_timeout > 0)
		period = cfg.rendezvous_timeout / 4 < 1 ?
				 cfg.rendezvous_timeout / 4 :
				 1;
	if (dump_secs > 0 && (!period || dump_secs < period))
		period = dump_secs;
	if (period)
		timer_arm(period);
	last_event = now_ns();
}

/* a process of the program has threads: turns can stall (sched.c) */
void monitor_threads_started(void)
{
	timer_arm(STALL_NS / 1e9);
}

static void debug_dump(void)
{
	int i, v;

	for (i = 0; i < nsets; i++)
		for (v = 0; v < sets[i]->n; v++) {
			const struct task *t = sets[i]->task[v];
			const struct sched *q = &t->proc->sched;

			fprintf(stderr,
				"mvee-dump: set %d v%d tid %d state %d stop %d call %ld ready %d sched_exit %d holder %d cursor %zu/%zu\n",
				sets[i]->id, v, t->tid, t->state, t->stop,
				t->call.nr, t->ready, t->sched_exit,
				q->active ? q->holder[v] : -2, q->cursor[v],
				q->len);
		}
}

static void on_tick(void)
{
	uint64_t now = now_ns();

	tick_due = 0;
	if (!unstuck && now - last_event >= STALL_NS) {
		lockstep_unstick();
		unstuck = true;
	}
	if (dump_secs > 0 && !dumped &&
	    now - last_event >= (uint64_t)dump_secs * 1000000000ULL) {
		debug_dump();
		dumped = true;
	}
	if (cfg.rendezvous_timeout > 0)
		lockstep_timeouts(now);
}

/* A wait status (returns the pid), or with the fast path a notification
 * (*notif set; returns the task's tid); 0 when nothing is there yet. */
static pid_t poll_once(int *st, struct seccomp_notif *n, bool *notif)
{
	struct pollfd p[MAX_VARIANTS];
	pid_t pid = waitpid(-1, st, __WALL | WNOHANG);
	int i, k;

	if (pid || !cfg.notify)
		return pid;
	notify_pollfds(p, &k);
	if (k && poll(p, (nfds_t)k, 0) > 0)
		for (i = 0; i < k; i++)
			if (p[i].revents && notify_recv(&p[i], n)) {
				*notif = true;
				return (pid_t)n->pid;
			}
	return 0;
}

/* Sleep until a wait status or a notification may be there: SIGCHLD
 * (blocked otherwise, unblocked only here) or a listener wakes it. */
static void sleep_for_event(const sigset_t *unblocked)
{
	struct pollfd p[MAX_VARIANTS];
	int k;

	notify_pollfds(p, &k);
	ppoll(p, (nfds_t)k, NULL, unblocked);
}

static void on_sigchld(int sig)
{
	(void)sig;
}

/* The next event. A task that stops while the monitor sleeps must wake
 * it, and a sleeping virtual CPU takes tens of microseconds to wake
 * (docs/PERFORMANCE.md): while events come densely (the last wait was
 * short), the monitor polls for up to --poll-us first. After a long wait
 * (a program computing, or blocked) it sleeps at once, so a CPU-bound
 * program does not share its CPUs with a spinning monitor. Nor does it
 * poll after a notification: the listener wakes the next notifying task
 * on mvee's CPU, where a polling mvee would only keep it waiting. */
static pid_t next_event(int *st, struct seccomp_notif *n, bool *notif)
{
	static uint64_t last_wait;
	static sigset_t unblocked;
	static bool masked, last_notif;
	/* (from the last event on: its handling counts as waiting) */
	uint64_t budget = (uint64_t)cfg.poll_us * 1000, t0 = event_ns, t;
	pid_t pid;

	*notif = false;
	if (cfg.notify && !masked) {
		struct sigaction sa;
		sigset_t chld;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_sigchld;
		sigaction(SIGCHLD, &sa, NULL);
		sigemptyset(&chld);
		sigaddset(&chld, SIGCHLD);
		sigprocmask(SIG_BLOCK, &chld, &unblocked);
		sigdelset(&unblocked, SIGCHLD);
		masked = true;
	}
	if (budget && last_wait <= 2 * budget && !last_notif) {
		do {
			pid = poll_once(st, n, notif);
			t = now_ns();
			if (pid) {
				event_ns = t;
				last_wait = t - t0;
				last_notif = *notif;
				return pid;
			}
		} while (t - t0 < budget);
	}
	if (!cfg.notify) {
		pid = waitpid(-1, st, __WALL);
	} else {
		while (!(pid = poll_once(st, n, notif)) && !tick_due)
			sleep_for_event(&unblocked);
		if (!pid) {
			errno = EINTR;
			pid = -1;
		}
	}
	event_ns = now_ns();
	last_wait = event_ns - t0;
	last_notif = *notif;
	return pid;
}

int monitor_run(void)
{
	struct seccomp_notif n;
	bool notif;
	int st;

	timer_start();
	if (cfg.notify)
		tsc_off_in_mvee();
	while (live_tasks() > 0) {
		pid_t pid;
		struct task *t;

		if (tick_due)
			on_tick();
		pid = next_event(&st, &n, &notif);
		if (pid < 0) {
			if (errno == EINTR) {
				if (tick_due)
					on_tick();
				continue;
			}
			if (errno == ECHILD)
				break;
			bug(__FILE__, __LINE__, "waitpid: %s", strerror(errno));
		}
		last_event = event_ns;
		dumped = unstuck = false;
		t = monitor_find(pid);
		if (notif) {
			if (!t)
				bug(__FILE__, __LINE__,
				    "a notification from unknown task %d",
				    (int)pid);
			if (debug_events())
				fprintf(stderr,
					"mvee-event: set %d v%d tid %d state %d notified %s%s\n",
					t->set->id, t->variant, t->tid,
					t->state, call_name(n.data.nr),
					t->passthrough ? " (let through)" : "");
			lockstep_notified(t, &n);
			continue;
		}
		if (!t) {
			/* a new task, before its creator's clone event */
			tasks_early_stop(pid, st);
			continue;
		}
		dispatch(t, st);
	}
	return nsets ? sets[0]->task[0]->wstatus : 0;
}
