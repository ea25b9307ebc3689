/* fork.c - processes: fork, vfork, wait4, waitid, kill of a child by the
 * pid fork returned, a child killed by a signal, a SIGCHLD handler,
 * fork + execve of /bin/echo writing to the shared stdout, and getppid in
 * the child equal to the parent's getpid. The parent waits before
 * printing, so the output order is fixed. */
#include "tests.h"

#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static volatile sig_atomic_t chld;

static void on_chld(int sig)
{
	(void)sig;
	chld++;
}

static void show_status(const char *label, int st)
{
	if (WIFEXITED(st))
		printf("%s: exited %d\n", label, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("%s: killed by %s\n", label, sigabbrev_np(WTERMSIG(st)));
	else
		printf("%s: status %#x\n", label, st);
}

int main(int argc, char **argv)
{
	pid_t me, kid, w;
	struct rusage ru;
	siginfo_t si;
	int p[2], st, waitid_pid_ok;
	char buf[32];
	long n;

	scratch_enter(argc, argv, "fork");
	signal(SIGCHLD, on_chld);
	me = getpid();
	OK(pipe(p));

	/* a child that reports what it sees and exits 3 */
	kid = OK(fork());
	if (kid == 0) {
		n = snprintf(buf, sizeof(buf), "%d%d%d", getppid() == me,
			     getpid() != me, gettid() == getpid());
		if (write(p[1], buf, n) != n)
			_exit(99);
		_exit(3);
	}
	w = OK(wait4(kid, &st, 0, &ru));
	printf("wait4 returned the forked pid %s\n", yesno(w == kid));
	show_status("child", st);
	n = OK(read(p[0], buf, sizeof(buf)));
	printf("child saw: parent is getppid %c, own pid %c, tid == pid %c\n",
	       buf[0] == '1' ? 'y' : 'n', buf[1] == '1' ? 'y' : 'n',
	       buf[2] == '1' ? 'y' : 'n');
	ERR("wait4(kid) again", ECHILD, wait4(kid, &st, 0, NULL));

	/* killed by the parent */
	kid = OK(fork());
	if (kid == 0) {
		for (;;)
			pause();
	}
	SHOW("kill(kid, SIGTERM)", kill(kid, SIGTERM));
	w = OK(waitpid(kid, &st, 0));
	printf("waitpid returned the forked pid %s\n", yesno(w == kid));
	show_status("child", st);

	/* dies on its own signal; waitid */
	kid = OK(fork());
	if (kid == 0) {
		signal(SIGSEGV, SIG_DFL);
		raise(SIGUSR1);
		_exit(1);
	}
	memset(&si, 0, sizeof(si));
	SHOW("waitid(P_PID, kid, WEXITED)", waitid(P_PID, kid, &si, WEXITED));
	waitid_pid_ok = si.si_pid == kid;
	printf("si_code %s, si_status %s\n",
	       si.si_code == CLD_KILLED ? "CLD_KILLED" : "?",
	       sigabbrev_np(si.si_status));

	/* vfork + _exit */
	kid = vfork();
	if (kid == 0)
		_exit(5);
	w = OK(waitpid(kid, &st, 0));
	show_status("vfork child", st);

	/* fork + exec */
	fflush(stdout);
	kid = OK(fork());
	if (kid == 0) {
		char *args[] = { "echo", "hello from echo", NULL };

		execv("/bin/echo", args);
		_exit(127);
	}
	OK(waitpid(kid, &st, 0));
	show_status("echo", st);

	ERR("waitpid(-1) no children", ECHILD, waitpid(-1, &st, 0));
	printf("SIGCHLD seen %s\n", yesno(chld > 0));
	/* last: a monitor that gets it wrong stops the program here */
	printf("waitid's si_pid was the forked pid %s\n", yesno(waitid_pid_ok));
	OK(close(p[0]));
	OK(close(p[1]));
	scratch_leave();
	printf("done\n");
	return 0;
}
