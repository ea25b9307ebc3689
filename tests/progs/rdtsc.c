/* rdtsc.c - the time stamp counter read by rdtsc and rdtscp, each twice:
 * the second reading must not be smaller than the first (a monitor that
 * traps rdtsc must emulate it monotonically, with one value for all
 * variants). Nothing else about the values is printed. */
#include "tests.h"

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return (uint64_t)hi << 32 | lo;
}

static inline uint64_t rdtscp(uint32_t *aux)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtscp" : "=a"(lo), "=d"(hi), "=c"(*aux));
	return (uint64_t)hi << 32 | lo;
}

int main(int argc, char **argv)
{
	uint64_t a, b, c, d, e;
	uint32_t aux1, aux2;
	int i, mono = 1;

	scratch_enter(argc, argv, "rdtsc");
	a = rdtsc();
	b = rdtsc();
	printf("rdtsc: second >= first %s, nonzero %s\n", yesno(b >= a),
	       yesno(a != 0));
	c = rdtscp(&aux1);
	d = rdtscp(&aux2);
	printf("rdtscp: second >= first %s, after rdtsc %s\n", yesno(d >= c),
	       yesno(c >= b));
	(void)aux1;
	(void)aux2;

	/* interleaved with system calls */
	for (i = 0; i < 20; i++) {
		e = rdtsc();
		getppid();
		if (e < d)
			mono = 0;
		d = e;
	}
	printf("20 readings around syscalls monotonic %s\n", yesno(mono));
	scratch_leave();
	printf("done\n");
	return 0;
}
