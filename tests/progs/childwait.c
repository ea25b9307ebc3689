/* childwait.c - waits for any of several children that end at about the
 * same moment, while SIGCHLD runs a handler without SA_RESTART: which
 * child a wait collects first, and whether the held SIGCHLD interrupts it
 * first, is timing, different in every variant (SCF_CHILDWAIT). Covers
 * wait4(-1), wait4(0) (the caller's group), waitpid with WNOHANG,
 * waitid(P_ALL), waitid(P_PIDFD), waitid with WNOWAIT, and a wait for a
 * pid that is not a child; children that end at once and children that
 * end while the waits block (then a follower's own wait is interrupted by
 * its own SIGCHLD and restarts), once with a second thread alive. Prints
 * only totals, which are fixed. */
#include "tests.h"

#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define ROUNDS 30
#define KIDS 3

static volatile sig_atomic_t chld;

static void on_chld(int sig)
{
	(void)sig;
	chld++;
}

/* KIDS children that exit with 1, 2, 3, at once or after a nap (then
 * the parent's wait blocks, and children end while a follower waits) */
static void spawn(pid_t *kids, int nap_us)
{
	int i;

	for (i = 0; i < KIDS; i++) {
		kids[i] = OK(fork());
		if (kids[i] == 0) {
			if (nap_us)
				usleep(nap_us);
			_exit(i + 1);
		}
	}
}

/* index of pid among kids, which it must be one of */
static int which(const pid_t *kids, pid_t pid)
{
	int i;

	for (i = 0; i < KIDS; i++)
		if (kids[i] == pid)
			return i;
	fail("a wait returned %d, not one of the children", (int)pid);
}

enum how { WAIT4_ANY, WAIT4_GROUP, WNOHANG_POLL, WAITID_ALL, WAITID_PIDFD };

/* collect one child of kids (not yet in *seen); its exit status */
static int collect(enum how how, const pid_t *kids, unsigned *seen)
{
	siginfo_t si;
	pid_t w;
	int st, i;

	for (;;) {
		memset(&si, 0, sizeof(si));
		switch (how) {
		case WAIT4_ANY:
		case WAIT4_GROUP:
			w = wait4(how == WAIT4_ANY ? -1 : 0, &st, 0, NULL);
			break;
		case WNOHANG_POLL:
			w = waitpid(-1, &st, WNOHANG);
			if (w == 0) {
				usleep(100);
				continue;
			}
			break;
		case WAITID_ALL:
			w = waitid(P_ALL, 0, &si, WEXITED);
			if (w == 0) {
				w = si.si_pid;
				st = si.si_status << 8;
			}
			break;
		default:
			for (i = 0; i < KIDS && (*seen & (1u << i)); i++)
				;
			{
				int fd = OK(syscall(SYS_pidfd_open, kids[i], 0));

				w = waitid(P_PIDFD, fd, &si, WEXITED);
				OK(close(fd));
			}
			if (w == 0) {
				w = si.si_pid;
				st = si.si_status << 8;
			}
			break;
		}
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			fail("wait (%d) = -1 %s", (int)how, ename(errno));
		i = which(kids, w);
		if (*seen & (1u << i))
			fail("child %d collected twice", i);
		*seen |= 1u << i;
		return WEXITSTATUS(st);
	}
}

static void rounds(const char *label, enum how how, int nap_us)
{
	pid_t kids[KIDS];
	long sum = 0, n = 0;
	int r, k;

	for (r = 0; r < ROUNDS; r++) {
		unsigned seen = 0;

		spawn(kids, nap_us);
		for (k = 0; k < KIDS; k++, n++)
			sum += collect(how, kids, &seen);
	}
	printf("%s: %ld children collected, statuses sum to %ld\n", label, n,
	       sum);
}

/* a second thread, so the waits run under thread turns (sched.c): it
 * blocks reading a pipe until main writes to it */
static void *idle(void *arg)
{
	sigset_t chld;
	char c;

	/* SIGCHLD goes to main, whose waits it interrupts */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	pthread_sigmask(SIG_BLOCK, &chld, NULL);
	return (void *)(long)read(*(int *)arg, &c, 1);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	pid_t kid, w;
	siginfo_t si;
	pthread_t th;
	void *got;
	int st, p[2];

	scratch_enter(argc, argv, "childwait");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_chld; /* no SA_RESTART: waits fail with EINTR */
	OK(sigaction(SIGCHLD, &sa, NULL));

	rounds("wait4(-1)", WAIT4_ANY, 0);
	rounds("wait4(-1), children napping", WAIT4_ANY, 2000);
	rounds("wait4(0)", WAIT4_GROUP, 0);
	rounds("waitpid(-1, WNOHANG)", WNOHANG_POLL, 0);
	rounds("waitid(P_ALL)", WAITID_ALL, 0);
	rounds("waitid(P_ALL), children napping", WAITID_ALL, 2000);
	rounds("waitid(P_PIDFD)", WAITID_PIDFD, 0);

	OK(pipe(p));
	if (pthread_create(&th, NULL, idle, &p[0]))
		fail("pthread_create");
	rounds("wait4(-1), a second thread, children napping", WAIT4_ANY,
	       2000);
	OK(write(p[1], "x", 1));
	if (pthread_join(th, &got))
		fail("pthread_join");
	printf("second thread read %ld byte\n", (long)got);
	OK(close(p[0]));
	OK(close(p[1]));

	/* WNOWAIT leaves the child to be collected again */
	kid = OK(fork());
	if (kid == 0)
		_exit(9);
	memset(&si, 0, sizeof(si));
	while ((w = waitid(P_ALL, 0, &si, WEXITED | WNOWAIT)) < 0 &&
	       errno == EINTR)
		;
	OK(w);
	printf("WNOWAIT: named the child %s, status %d\n",
	       yesno(si.si_pid == kid), si.si_status);
	while ((w = waitpid(kid, &st, 0)) < 0 && errno == EINTR)
		;
	printf("then waitpid collected it %s, status %d\n", yesno(w == kid),
	       WEXITSTATUS(st));

	ERR("waitpid(getppid())", ECHILD, waitpid(getppid(), &st, 0));
	ERR("waitpid(-1) no children", ECHILD, waitpid(-1, &st, WNOHANG));
	ERR("waitid(P_ALL) no children", ECHILD,
	    waitid(P_ALL, 0, &si, WEXITED));
	printf("SIGCHLD handled %s\n", yesno(chld > 0));
	scratch_leave();
	printf("done\n");
	return 0;
}
