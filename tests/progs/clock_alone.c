/* clock_alone.c - variants that read the clock, and give pages back, a
 * different number of times (jemalloc does both after a number of
 * allocations drawn from a generator seeded with an address). Here each
 * follower makes 1 to 3 extra clock reads before each step (a variant
 * tells it is a follower by /proc/self/stat, whose pid only the leader
 * shares with getpid()); the leader makes extra madvise(MADV_DONTNEED)
 * calls instead. The reading each step then makes goes into a call's
 * argument (lseek on a file the leader owns), where the variants must
 * agree: a follower's extra reads must not move its clock ahead of the
 * leader's. The leader also reads clocks alone now and then: the wall
 * clock, which mvee reads for it, and its CPU time, which it reads
 * itself. Natively there are no extra calls. */
#include "tests.h"

#include <fcntl.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>

static int is_leader(void)
{
	char buf[64] = { 0 };
	int fd = OK(open("/proc/self/stat", O_RDONLY));

	OK(read(fd, buf, sizeof(buf) - 1));
	close(fd);
	return atoi(buf) == getpid();
}

int main(int argc, char **argv)
{
	struct timespec t0, t;
	struct timeval tv;
	int fd, i, k, extra, leader;
	char *p;

	scratch_enter(argc, argv, "clock_alone");
	leader = is_leader();
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(p != MAP_FAILED);
	/* 1..3 in a follower, from where mvee placed its mapping */
	extra = leader ? 0 : 1 + (int)(((uintptr_t)p >> 41) % 3);
	fd = OK(open("f", O_RDWR | O_CREAT | O_TRUNC, 0600));
	OK(clock_gettime(CLOCK_MONOTONIC, &t0));
	for (i = 0; i < 300; i++) {
		for (k = 0; k < extra; k++) {
			OK(clock_gettime(CLOCK_MONOTONIC, &t));
			OK(gettimeofday(&tv, NULL));
		}
		if (leader && i % 3 == 0) {
			p[0] = 1;
			OK(madvise(p, 4096, MADV_DONTNEED));
		}
		if (leader && i % 5 == 0) {
			OK(clock_gettime(CLOCK_REALTIME, &t));
			OK(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t));
		}
		OK(clock_gettime(CLOCK_MONOTONIC, &t));
		OK(lseek(fd, (t.tv_nsec / 1000) & 1023, SEEK_SET));
		OK(gettimeofday(&tv, NULL));
		OK(lseek(fd, tv.tv_usec & 1023, SEEK_SET));
		if (t.tv_sec < t0.tv_sec ||
		    (t.tv_sec == t0.tv_sec && t.tv_nsec < t0.tv_nsec))
			fail("CLOCK_MONOTONIC went back");
		t0 = t;
	}
	printf("300 steps, the clock never went back\n");
	close(fd);
	unlink("f");
	scratch_leave();
	return 0;
}
