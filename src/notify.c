/* notify.c - the fast path: calls that seccomp hands to mvee through a
 * user-notification listener (SECCOMP_RET_USER_NOTIF) instead of a ptrace
 * stop.
 *
 * The rows notify_row() picks (reads and writes mvee may run itself, calls
 * mvee answers, calls every variant runs without an exit stop) notify
 * rather than trace. A notified task waits in the kernel; mvee answers
 * with a result (the call is skipped) or lets the call run (CONTINUE).
 * A notification costs one wakeup each way, on one CPU (the listener's
 * SYNC_WAKE_UP flag), where a ptrace stop costs a stop, a wait status,
 * register reads and a wakeup on another CPU.
 *
 * Whatever needs more than that (an exit stop, registers rewritten, the
 * leader running a call alone, a multi-threaded process) is demoted to
 * the ptrace path: mvee interrupts the task (PTRACE_INTERRUPT) and
 * answers -ERESTARTNOINTR, so the task stops at a PTRACE_EVENT_STOP with
 * the call not run and its registers in hand; that stop is the call's
 * entry stop from then on (lockstep_demoted). When the call is to run,
 * the kernel restarts it and it notifies again: mvee lets it through
 * (task.passthrough).
 *
 * The filter is installed with SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV:
 * once mvee has read a notification, only SIGKILL ends the wait, so a
 * call mvee has run for the task (monitor I/O) is never abandoned by a
 * signal; a signal that arrives before mvee read it cancels the call
 * before anything ran (the kernel's -ERESTARTSYS, made
 * -ERESTARTNOINTR by lockstep_signal). Without that flag (kernels
 * before 5.19) the fast path is off. */
#include "monitor.h"
#include "seccomp_compat.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define ERESTARTNOINTR 513

/* each variant's listener (its processes share it), -1 until grabbed */
static int listener[MAX_VARIANTS];
static bool sync_on[MAX_VARIANTS];

bool notify_row(const struct sc_row *r)
{
	if (!r || r->handler)
		return false;
	/* reads and writes mvee may run itself, clocks it may read */
	if (r->flags & (SCF_MONIO | SCF_CLOCK))
		return true;
	/* a call that waits runs with an exit stop (lockstep_signal) */
	if (r->decide || (r->flags & SCF_BLOCKS))
		return false;
	if (r->policy == POL_MONITOR)
		return true;
	if (r->policy != POL_ALL)
		return false;
	if (r->flags &
	    (SCF_LEADER_FD | SCF_FDTABLE | SCF_EXEC | SCF_PLACE | SCF_TMPNAME |
	     SCF_UNSYNC | SCF_PURE | SCF_SIGWAIT | SCF_LOCAL))
		return false;
	if (r->ret == RET_FD || r->ret == RET_PID || r->ret == RET_NORETURN)
		return false;
	return !row_has(r, A_PID) && !row_has(r, A_FDPAIR);
}

unsigned notify_filter_flags(void)
{
	return SECCOMP_FILTER_FLAG_NEW_LISTENER |
	       SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV;
}

/* can this kernel install a listener that waits killably? */
static bool probe(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { 1, f };
	int st;
	pid_t pid = fork();

	if (pid < 0)
		return false;
	if (pid == 0) {
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) ||
		    syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			    notify_filter_flags(), &prog) < 0)
			_exit(1);
		_exit(0);
	}
	return waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
	       WEXITSTATUS(st) == 0;
}

void notify_setup(void)
{
	int v;

	for (v = 0; v < MAX_VARIANTS; v++)
		listener[v] = -1;
	if (!cfg.notify)
		return;
	/* every call's result is traced or counted: all need exit stops;
	 * split runs treat calls by executable (split.c) */
	if (cfg.trace || cfg.summary || cfg.split || !probe())
		cfg.notify = false;
}

/* At the launcher's execve (variant v's first task, before its program
 * runs): take a duplicate of the listener the filter gave it, which is
 * close-on-exec there. */
void notify_grab(struct task *t)
{
	char dir[64], path[320], link[64];
	struct dirent *e;
	__u64 flags = SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP;
	int pidfd, fd = -1;
	DIR *d;

	if (!cfg.notify || listener[t->variant] >= 0)
		return;
	snprintf(dir, sizeof(dir), "/proc/%d/fd", (int)t->tid);
	d = opendir(dir);
	while (d && (e = readdir(d))) {
		ssize_t n;

		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		n = readlink(path, link, sizeof(link) - 1);
		if (n <= 0)
			continue;
		link[n] = 0;
		if (!strcmp(link, "anon_inode:seccomp notify"))
			fd = atoi(e->d_name);
	}
	if (d)
		closedir(d);
	pidfd = (int)syscall(SYS_pidfd_open, t->tid, 0);
	if (fd < 0 || pidfd < 0)
		bug(__FILE__, __LINE__,
		    "variant %d's seccomp listener cannot be found",
		    t->variant);
	listener[t->variant] = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (listener[t->variant] < 0)
		bug(__FILE__, __LINE__,
		    "variant %d's seccomp listener cannot be taken: %s",
		    t->variant, strerror(errno));
	fcntl(listener[t->variant], F_SETFD, FD_CLOEXEC);
	sync_on[t->variant] = !ioctl(listener[t->variant],
				     SECCOMP_IOCTL_NOTIF_SET_FLAGS, flags);
}

/* Placement. With SYNC_WAKE_UP a task that mvee answers runs on mvee's
 * CPU, and mvee on the CPU of a task that notifies: hand-overs without
 * waking another CPU, which on a virtual machine costs tens of
 * microseconds a time. But then the variants share mvee's CPU, and
 * variants that compute between their calls would compute on one CPU
 * (gzip took twice its time). So the flag is on for a variant only while
 * its calls come densely: when a task notifies more than DENSE_NS after
 * mvee answered it, the flag goes off and the scheduler places the
 * variant's tasks; when one notifies sooner, it goes on again. */
#define DENSE_NS 100000

void notify_placement(const struct task *t)
{
	bool dense = event_ns - t->answered_ns < DENSE_NS;
	__u64 flags = dense ? SECCOMP_USER_NOTIF_FD_SYNC_WAKE_UP : 0;

	if (!t->answered_ns || sync_on[t->variant] == dense)
		return;
	if (!ioctl(listener[t->variant], SECCOMP_IOCTL_NOTIF_SET_FLAGS, flags))
		sync_on[t->variant] = dense;
}

/* the listeners to wait on; *nfds of them */
void notify_pollfds(struct pollfd *p, int *nfds)
{
	int v;

	*nfds = 0;
	for (v = 0; v < MAX_VARIANTS; v++)
		if (listener[v] >= 0) {
			p[*nfds].fd = listener[v];
			p[*nfds].events = POLLIN;
			p[*nfds].revents = 0;
			(*nfds)++;
		}
}

/* a listener poll() found ready: read its notification into n. False
 * when there is none (the task died meanwhile) or the listener is done
 * (every task of the variant ended: it is closed). */
bool notify_recv(const struct pollfd *p, struct seccomp_notif *n)
{
	int v;

	if (!(p->revents & POLLIN)) {
		if (p->revents & (POLLHUP | POLLERR | POLLNVAL))
			for (v = 0; v < MAX_VARIANTS; v++)
				if (listener[v] == p->fd) {
					close(listener[v]);
					listener[v] = -1;
				}
		return false;
	}
	memset(n, 0, sizeof(*n));
	if (!ioctl(p->fd, SECCOMP_IOCTL_NOTIF_RECV, n))
		return true;
	if (errno != ENOENT && errno != EINTR)
		bug(__FILE__, __LINE__, "SECCOMP_IOCTL_NOTIF_RECV: %s",
		    strerror(errno));
	return false;
}

static void send(struct task *t, long val, int error, unsigned flags)
{
	struct seccomp_notif_resp r = {
		.id = t->notif_id, .val = val, .error = error, .flags = flags
	};

	BUG_ON(!t->notified);
	t->notified = false;
	t->answered_ns = event_ns;
	/* ENOENT: the task was killed meanwhile (its death is reported) */
	if (ioctl(listener[t->variant], SECCOMP_IOCTL_NOTIF_SEND, &r) &&
	    errno != ENOENT)
		bug(__FILE__, __LINE__, "SECCOMP_IOCTL_NOTIF_SEND: %s",
		    strerror(errno));
}

void notify_answer(struct task *t, long ret)
{
	if (ret < 0 && ret >= -4095)
		send(t, 0, (int)ret, 0);
	else
		send(t, ret, 0, 0);
}

void notify_continue(struct task *t)
{
	send(t, 0, 0, SECCOMP_USER_NOTIF_FLAG_CONTINUE);
}

/* to the ptrace path: the task stops at a PTRACE_EVENT_STOP with its call
 * not run (lockstep_demoted); interrupt first, so that the trap is
 * pending when the answer wakes it */
void notify_demote(struct task *t)
{
	if (ptrace(PTRACE_INTERRUPT, t->tid, 0, 0) && errno != ESRCH)
		bug(__FILE__, __LINE__, "PTRACE_INTERRUPT %d: %s", t->tid,
		    strerror(errno));
	t->demoting = true;
	t->state = TS_RUNNING;
	send(t, 0, -ERESTARTNOINTR, 0);
}
