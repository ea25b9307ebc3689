/* thread_sigwait.c - a signal from outside that the kernel gives to a
 * thread waiting on a condition variable (a futex wait nobody ends), as
 * servers' worker threads wait: the main thread blocks the signals, so
 * the worker is the only thread that can take them. Natively the
 * worker's wait is interrupted, its handler runs, and the wait goes on
 * (SA_RESTART, and without it: pthread_cond_wait waits again after
 * EINTR). Under mvee the followers' worker must run the same handler at
 * the same point: the handler writes to a pipe the main thread reads.
 * Each variant's child signals its own variant's parent, so a
 * follower's worker is also interrupted by its own copy, which mvee
 * drops (about 1 run in 60 under the ASan monitor, two runs at once,
 * that copy came first and the follower missed the handler). */
#include "tests.h"

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int done, pfd[2];
static pthread_t worker_id;
static volatile sig_atomic_t in_worker = 1;

static void on_signal(int sig)
{
	char c = (char)sig;

	if (!pthread_equal(pthread_self(), worker_id))
		in_worker = 0;
	if (write(pfd[1], &c, 1) != 1)
		_exit(3);
}

static void *worker(void *arg)
{
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_mutex_lock(&lock);
	while (!done)
		pthread_cond_wait(&cond, &lock);
	pthread_mutex_unlock(&lock);
	return NULL;
}

/* a child process sends sig to this process, from outside */
static void send_from_child(int sig)
{
	int status;
	pid_t pid = OK(fork());

	if (!pid) {
		if (kill(getppid(), sig))
			_exit(2);
		_exit(0);
	}
	OK(waitpid(pid, &status, 0));
	EXPECT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static void catch(int sig, int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = flags;
	OK(sigaction(sig, &sa, NULL));
}

int main(int argc, char **argv)
{
	sigset_t set;
	char c;
	int round;

	scratch_enter(argc, argv, "thread_sigwait");
	OK(pipe(pfd));
	catch(SIGUSR1, SA_RESTART);
	catch(SIGUSR2, 0);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	EXPECT(pthread_sigmask(SIG_BLOCK, &set, NULL) == 0);
	EXPECT(pthread_create(&worker_id, NULL, worker, NULL) == 0);
	for (round = 0; round < 3; round++) {
		int sig = round == 1 ? SIGUSR2 : SIGUSR1;

		/* the worker waits before the signal is sent */
		usleep(20000);
		send_from_child(sig);
		EXPECT(read(pfd[0], &c, 1) == 1);
		printf("round %d: %s handled, by the worker %s\n", round,
		       sig == SIGUSR1 ? "SIGUSR1 (SA_RESTART)" : "SIGUSR2",
		       yesno(c == sig && in_worker));
	}
	pthread_mutex_lock(&lock);
	done = 1;
	pthread_cond_signal(&cond);
	pthread_mutex_unlock(&lock);
	EXPECT(pthread_join(worker_id, NULL) == 0);
	printf("worker joined\n");
	return 0;
}
