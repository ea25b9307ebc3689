/* crash_some.c - some variants crash and the others do not. The program
 * reads /proc/self/maps (a leader call: every variant receives the
 * leader's map) and crashes with SIGSEGV when its own stack variable is
 * not inside the [stack] range it read. Natively the stack is always
 * there, so it never crashes; under mvee the leader finds its stack and
 * each follower, whose stack is elsewhere, crashes. The leader's next call
 * (the write) must not run.
 * This rests on DESIGN.md's rule that /proc/self reads are leader calls;
 * a monitor that lets each variant read its own /proc/self/maps (which
 * glibc's pthread_getattr_np needs to find the main thread's stack) sees
 * no divergence here, and this case should then go.
 * expect: SIGSEGV|signal 11|segmentation */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char maps[1 << 20];

int main(void)
{
	unsigned long lo = 0, hi = 0;
	int local, fd;
	long n, total = 0;
	char *line;

	fd = open("/proc/self/maps", O_RDONLY);
	if (fd < 0)
		return 2;
	while ((n = read(fd, maps + total, sizeof(maps) - 1 - total)) > 0)
		total += n;
	close(fd);
	maps[total] = 0;
	for (line = strtok(maps, "\n"); line; line = strtok(NULL, "\n"))
		if (strstr(line, "[stack]"))
			sscanf(line, "%lx-%lx", &lo, &hi);
	if ((uintptr_t)&local < lo || (uintptr_t)&local >= hi)
		*(volatile int *)0 = 1;
	printf("stack found in the map\n");
	return 0;
}
