/* timers.c - signals within one process tree: a setitimer SIGALRM
 * handler woken from pause(), SIGUSR1 raised to itself, and the SIGCHLD of
 * a forked child, all counted by handlers. Under mvee every variant must
 * see each signal at the same point (issue 3). */
#include <signal.h>
#include <stdio.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t alarms, usr1, chld;

static void on_signal(int sig)
{
	if (sig == SIGALRM)
		alarms++;
	else if (sig == SIGUSR1)
		usr1++;
	else
		chld++;
}

int main(void)
{
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } };
	pid_t kid;

	signal(SIGALRM, on_signal);
	signal(SIGUSR1, on_signal);
	signal(SIGCHLD, on_signal);
	setitimer(ITIMER_REAL, &it, NULL);
	while (alarms < 3)
		pause();
	it.it_value.tv_usec = 0;
	it.it_interval.tv_usec = 0;
	setitimer(ITIMER_REAL, &it, NULL);
	printf("alarms: at least 3\n");
	raise(SIGUSR1);
	printf("usr1 handled before raise returned: %s\n", usr1 == 1 ? "yes" : "no");
	kid = fork();
	if (kid == 0)
		_exit(0);
	waitpid(kid, NULL, 0);
	while (!chld)
		pause();
	printf("sigchld: %d\n", chld > 0);
	return 0;
}
