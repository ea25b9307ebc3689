/* sigmask_wait.c - waits that unblock a signal only while they wait
 * (pselect6, ppoll, epoll_pwait), as make -j waits for its children:
 * SIGCHLD is blocked, each call's mask unblocks it, a child exits, the
 * call fails with EINTR after the handler ran, and the old mask is back.
 * Under mvee the leader's wait is interrupted and the followers, which
 * skip the call, must still run the handler at that point. */
#include "tests.h"

#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/wait.h>

static volatile sig_atomic_t caught;

static void on_chld(int sig)
{
	(void)sig;
	caught++;
}

static void child_exits(void)
{
	pid_t pid = fork();

	if (pid < 0)
		fail("fork: %s", ename(errno));
	if (pid == 0)
		_exit(0);
}

static void after(const char *name, int r, pid_t *reaped)
{
	sigset_t now;
	int st;

	sigprocmask(SIG_BLOCK, NULL, &now);
	printf("%s = %d %s, handler ran %d, SIGCHLD blocked again %d\n", name,
	       r, r < 0 ? ename(errno) : "", (int)caught,
	       sigismember(&now, SIGCHLD));
	*reaped = waitpid(-1, &st, 0);
	if (*reaped < 0)
		fail("waitpid: %s", ename(errno));
	caught = 0;
}

int main(void)
{
	struct sigaction sa;
	struct epoll_event ev;
	sigset_t block, wait_mask;
	pid_t reaped;
	int ep, r;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_chld;
	sigaction(SIGCHLD, &sa, NULL);
	sigemptyset(&block);
	sigaddset(&block, SIGCHLD);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	sigdelset(&wait_mask, SIGCHLD);
	fflush(stdout);

	child_exits();
	r = pselect(0, NULL, NULL, NULL, NULL, &wait_mask);
	after("pselect", r, &reaped);

	child_exits();
	r = ppoll(NULL, 0, NULL, &wait_mask);
	after("ppoll", r, &reaped);

	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0)
		fail("epoll_create1: %s", ename(errno));
	child_exits();
	r = epoll_pwait(ep, &ev, 1, -1, &wait_mask);
	after("epoll_pwait", r, &reaped);
	return 0;
}
