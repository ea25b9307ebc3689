/* enosys.c - system call numbers the kernel does not have: 1000, 511, -1
 * and an x32 number (getpid with bit 30, on a kernel without x32) all
 * fail ENOSYS natively, and the program carries on. glibc probes
 * new calls this way; a monitor must pass the ENOSYS through. */
#include "tests.h"

#include <sys/syscall.h>

int main(int argc, char **argv)
{
	scratch_enter(argc, argv, "enosys");
	ERR("syscall(1000)", ENOSYS, syscall(1000, 1, 2, 3, 4, 5, 6));
	ERR("syscall(511)", ENOSYS, syscall(511));
	ERR("syscall(x32 getpid)", ENOSYS, syscall(0x40000000 | SYS_getpid));
	ERR("syscall(-1)", ENOSYS, syscall(-1));
	ERR("syscall(__NR_tuxcall)", ENOSYS, syscall(SYS_tuxcall));
	printf("still alive: getppid > 0 %s\n", yesno(getppid() > 0));
	scratch_leave();
	printf("done\n");
	return 0;
}
