/* mutex_print.c - eight threads print 50 lines each straight to stdout,
 * one printf+fflush under a shared mutex per line. Natively the lines
 * interleave in any order; the runner sorts them, so every line must be
 * there exactly once. Under mvee the variants must take the mutex in the
 * same order (sched.c), or they wait for each other at the writes. */
#include "tests.h"

#include <pthread.h>

#define NT 8
#define LINES 50

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg)
{
	long id = (long)arg;
	int i;

	for (i = 0; i < LINES; i++) {
		pthread_mutex_lock(&mu);
		printf("thread %ld line %02d\n", id, i);
		fflush(stdout);
		pthread_mutex_unlock(&mu);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t[NT];
	long i;

	scratch_enter(argc, argv, "mutex_print");
	for (i = 0; i < NT; i++)
		if (pthread_create(&t[i], NULL, work, (void *)i))
			fail("pthread_create");
	for (i = 0; i < NT; i++)
		if (pthread_join(t[i], NULL))
			fail("pthread_join");
	printf("all %d threads joined\n", NT);
	return 0;
}
