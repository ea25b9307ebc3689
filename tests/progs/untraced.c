/* untraced.c - clone and clone3 with CLONE_UNTRACED: natively the child
 * runs like any other; under mvee the flag is removed, so the child is
 * traced and its calls work (an untraced child would escape the monitor,
 * its calls failing with ENOSYS under the inherited filter, and outlive
 * mvee). Each child writes a line and exits with a status the parent
 * checks. */
#include "tests.h"

#include <linux/sched.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void child(const char *who)
{
	printf("%s child runs\n", who);
	fflush(stdout);
	_exit(7);
}

static void reap(const char *who, long pid)
{
	int st;

	if (pid < 0)
		fail_at(__LINE__, "%s: %s", who, ename(errno));
	if (waitpid((pid_t)pid, &st, 0) != pid || !WIFEXITED(st))
		fail_at(__LINE__, "%s: child not reaped", who);
	printf("%s child exited %d\n", who, WEXITSTATUS(st));
}

int main(void)
{
	struct clone_args ca;
	long pid;

	fflush(stdout);
	pid = syscall(SYS_clone, CLONE_UNTRACED | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0)
		child("clone");
	reap("clone", pid);

	memset(&ca, 0, sizeof(ca));
	ca.flags = CLONE_UNTRACED;
	ca.exit_signal = SIGCHLD;
	fflush(stdout);
	pid = syscall(SYS_clone3, &ca, sizeof(ca));
	if (pid == 0)
		child("clone3");
	reap("clone3", pid);
	return 0;
}
