// getppid.c - the syscall-bound benchmark: COUNT (argv[1], default 200000)
// getppid() calls, nothing else in the loop; prints the count it did.
// The raw syscall() keeps libc from caching or batching anything.
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long count = argc > 1 ? atol(argv[1]) : 200000;
	long i, ppid = syscall(SYS_getppid);

	for (i = 0; i < count; i++) {
		if (syscall(SYS_getppid) != ppid) {
			fprintf(stderr, "getppid: parent changed at call %ld\n", i);
			return 1;
		}
	}
	printf("%ld\n", count);
	return 0;
}
