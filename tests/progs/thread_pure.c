/* thread_pure.c - threads that make a different number of clock reads and
 * madvise(MADV_DONTNEED) calls in each variant, the way jemalloc does
 * (the count comes from an address, which differs between variants),
 * then derive a poll timeout from the clock, as redis derives its
 * epoll_wait timeout. The extra calls must not cost a thread its turn
 * (a follower would wait for a turn the leader never gave), and a clock
 * read after them must give every variant the same time (the leader
 * reads first), so the timeouts agree. A third thread sleeps in short
 * timed condition waits, as jemalloc's background thread does: a wait
 * runs out in one variant and not in another, so a mutex has a waiter to
 * wake in one only, and its extra clock reads come while the other
 * variant's thread still waits. Prints only fixed totals. */
#include "tests.h"

#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <sys/mman.h>
#include <time.h>

#define ROUNDS 300

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static int ready_fd; /* a pipe's read end with data: poll returns at once */
static pthread_mutex_t sleep_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sleep_cv = PTHREAD_COND_INITIALIZER;
static int stop_sleeper;

static long now_ms(clockid_t id)
{
	struct timespec ts;

	if (clock_gettime(id, &ts))
		fail("clock_gettime");
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *work(void *arg)
{
	char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	/* mvee maps variant v's pages 2 TiB * v below the leader's: these
	 * bits differ in every variant (natively they are what they are) */
	int extra = (int)(((uintptr_t)page >> 41) & 3) + 1;
	long base = now_ms(CLOCK_MONOTONIC);
	struct pollfd p = { .fd = ready_fd, .events = POLLIN };
	int r, i;

	(void)arg;
	if (page == MAP_FAILED)
		fail("mmap");
	for (r = 0; r < ROUNDS; r++) {
		page[0] = 1;
		for (i = 0; i < extra; i++) {
			now_ms(CLOCK_MONOTONIC_COARSE);
			if (madvise(page, 4096, MADV_DONTNEED))
				fail("madvise");
		}
		/* a timer due every 1000 ms after base: the time left */
		if (poll(&p, 1, 1000 - (int)((now_ms(CLOCK_MONOTONIC) - base) %
					     1000)) != 1)
			fail("poll");
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
	}
	munmap(page, 4096);
	return NULL;
}

/* jemalloc's background thread, in small */
static void *sleeper(void *arg)
{
	int extra = (int)(((uintptr_t)&extra >> 41) & 3) + 1;
	int wakes = 0, i;

	(void)arg;
	pthread_mutex_lock(&sleep_mu);
	while (!stop_sleeper) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 300000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&sleep_cv, &sleep_mu, &ts);
		for (i = 0; i < extra; i++)
			now_ms(CLOCK_MONOTONIC_COARSE);
		wakes++;
	}
	pthread_mutex_unlock(&sleep_mu);
	return (void *)(long)(wakes > 0);
}

int main(int argc, char **argv)
{
	pthread_t th[2], sl;
	void *woke;
	int p[2], i, r;

	scratch_enter(argc, argv, "thread_pure");
	OK(pipe(p));
	OK(write(p[1], "x", 1));
	ready_fd = p[0];
	if (pthread_create(&sl, NULL, sleeper, NULL))
		fail("pthread_create");
	for (i = 0; i < 2; i++)
		if (pthread_create(&th[i], NULL, work, NULL))
			fail("pthread_create");
	for (r = 0; r < ROUNDS; r++) {
		getppid();
		pthread_mutex_lock(&mu);
		counter++;
		pthread_mutex_unlock(&mu);
		if (r % 8 == 0) {
			pthread_mutex_lock(&sleep_mu);
			pthread_cond_signal(&sleep_cv);
			pthread_mutex_unlock(&sleep_mu);
		}
	}
	for (i = 0; i < 2; i++)
		if (pthread_join(th[i], NULL))
			fail("pthread_join");
	pthread_mutex_lock(&sleep_mu);
	stop_sleeper = 1;
	pthread_cond_signal(&sleep_cv);
	pthread_mutex_unlock(&sleep_mu);
	if (pthread_join(sl, &woke))
		fail("pthread_join");
	printf("counter %ld, sleeper woke %s\n", counter, yesno(woke != NULL));
	OK(close(p[0]));
	OK(close(p[1]));
	scratch_leave();
	printf("done\n");
	return 0;
}
