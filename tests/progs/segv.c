/* segv.c - print a line, then write through NULL with no handler: every
 * variant dies the same way (SIGSEGV, shell status 139). That is not a
 * divergence: mvee must die by SIGSEGV too. */
#include "tests.h"

int main(int argc, char **argv)
{
	scratch_enter(argc, argv, "segv");
	scratch_leave();
	printf("about to crash\n");
	fflush(stdout);
	*(volatile int *)0 = 1;
	return 0;
}
