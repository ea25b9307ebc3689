/* thread_addr.c - a second thread prints the address of its own stack
 * variable while the main thread waits in pthread_join: the divergence is
 * in the second task of each variant.
 * expect: write */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *run(void *arg)
{
	char line[64];
	int local;
	int n = snprintf(line, sizeof(line), "thread %p\n", (void *)&local);

	(void)arg;
	if (write(1, line, n) != n)
		return NULL;
	return arg;
}

int main(void)
{
	pthread_t t;

	if (pthread_create(&t, NULL, run, NULL) || pthread_join(t, NULL))
		return 2;
	return 0;
}
