/* abort.c - print a line, then abort(): the process dies by SIGABRT and
 * the shell sees status 134; mvee must die by the same signal. */
#include "tests.h"

int main(int argc, char **argv)
{
	scratch_enter(argc, argv, "abort");
	scratch_leave();
	printf("about to abort\n");
	fflush(stdout);
	abort();
}
