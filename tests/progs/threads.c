/* threads.c - pthreads: clone3/clone for four threads that each compute a
 * sum and make system calls of their own (write to a shared pipe, gettid,
 * a short nanosleep), a mutex and a condition variable (futex), joined in
 * order; then a thread that exits early with pthread_exit, and a detached
 * one. Output is printed by the main thread only, so its order is fixed. */
#include "tests.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <time.h>

#define NT 4

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int arrived, pipefd[2];
static long shared_total;

struct job {
	int id;
	long sum;
	int tid_differs;
};

static void *work(void *arg)
{
	struct job *j = arg;
	struct timespec ts = { 0, 200000 };
	char c = 'a' + j->id;
	long i;

	j->tid_differs = gettid() != getpid();
	for (i = 0; i <= 1000 * (j->id + 1); i++)
		j->sum += i;
	nanosleep(&ts, NULL);
	if (write(pipefd[1], &c, 1) != 1)
		fail("write");
	pthread_mutex_lock(&mu);
	shared_total += j->sum;
	arrived++;
	pthread_cond_broadcast(&cv);
	while (arrived < NT)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	return &j->sum;
}

static void *early(void *arg)
{
	(void)arg;
	pthread_exit((void *)42);
}

static void *detached(void *arg)
{
	(void)arg;
	if (write(pipefd[1], "D", 1) != 1)
		fail("write");
	return NULL;
}

int main(int argc, char **argv)
{
	struct job jobs[NT];
	pthread_t t[NT], e;
	pthread_attr_t attr;
	char buf[16];
	int i, seen[26] = { 0 };
	void *ret;

	scratch_enter(argc, argv, "threads");
	OK(pipe(pipefd));
	memset(jobs, 0, sizeof(jobs));
	for (i = 0; i < NT; i++) {
		jobs[i].id = i;
		if (pthread_create(&t[i], NULL, work, &jobs[i]))
			fail("pthread_create");
	}
	for (i = 0; i < NT; i++) {
		if (pthread_join(t[i], &ret))
			fail("pthread_join");
		printf("thread %d: sum %ld, own tid %s, returned its sum %s\n",
		       i, jobs[i].sum, yesno(jobs[i].tid_differs),
		       yesno(ret == &jobs[i].sum));
	}
	printf("total %ld, arrived %d\n", shared_total, arrived);
	for (i = 0; i < NT; i++) {
		if (read(pipefd[0], buf, 1) != 1)
			fail("read");
		seen[buf[0] - 'a']++;
	}
	printf("each thread wrote once %s\n",
	       yesno(seen[0] == 1 && seen[1] == 1 && seen[2] == 1 &&
		     seen[3] == 1));

	if (pthread_create(&e, NULL, early, NULL) || pthread_join(e, &ret))
		fail("early");
	printf("pthread_exit value %ld\n", (long)ret);

	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&e, &attr, detached, NULL))
		fail("detached");
	if (read(pipefd[0], buf, 1) != 1)
		fail("read");
	printf("detached thread ran: %c\n", buf[0]);
	pthread_attr_destroy(&attr);
	OK(close(pipefd[0]));
	OK(close(pipefd[1]));
	scratch_leave();
	printf("done\n");
	return 0;
}
