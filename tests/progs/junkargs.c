/* junkargs.c - arguments the kernel ignores hold values that differ in
 * every variant (stack, heap and code addresses), as the registers of a
 * real program do: a system call's unused argument registers keep
 * whatever the caller left there. Only the arguments a call uses may be
 * compared; anything else is a false divergence. */
#include "tests.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>

int main(int argc, char **argv)
{
	char local[16];
	long s = (long)local, h = (long)malloc(32), c = (long)main;
	struct timespec ts;
	char buf[16];
	int fd, p[2];

	scratch_enter(argc, argv, "junkargs");
	printf("getpid == getpid(junk...) %s\n",
	       yesno(syscall(SYS_getpid, s, h, c, s, h, c) == getpid()));
	printf("getppid(junk...) > 0 %s\n",
	       yesno(syscall(SYS_getppid, h, c, s, h, c, s) > 0));
	SHOW("getuid(junk...) == getuid()",
	     syscall(SYS_getuid, c, s, h, c, s, h) == getuid());
	SHOW("sched_yield(junk...)",
	     syscall(SYS_sched_yield, s, s, s, s, s, s));
	fd = SHOW("open(\"f\", O_WRONLY|O_CREAT|O_TRUNC, 0644, junk...)",
		  syscall(SYS_open, "f", O_WRONLY | O_CREAT | O_TRUNC, 0644, s,
			  h, c));
	SHOW("write(fd, \"junk\", 4, junk...)",
	     syscall(SYS_write, fd, "junk", 4, s, h, c));
	SHOW("close(fd, junk...)", syscall(SYS_close, fd, h, c, s, h, c));
	/* without O_CREAT the mode is ignored */
	fd = SHOW("open(\"f\", O_RDONLY, mode=junk)",
		  syscall(SYS_open, "f", O_RDONLY, s, h, c, s));
	SHOW("read(fd, buf, 16, junk...)",
	     syscall(SYS_read, fd, buf, sizeof(buf), h, c, s));
	show_bytes("buf", buf, 4);
	SHOW("lseek(fd, 1, SEEK_SET, junk...)",
	     syscall(SYS_lseek, fd, 1, SEEK_SET, s, h, c));
	SHOW("fcntl(fd, F_GETFD, junk)",
	     syscall(SYS_fcntl, fd, F_GETFD, s, h, c));
	SHOW("fcntl(fd, F_GETFL, junk) & O_ACCMODE",
	     syscall(SYS_fcntl, fd, F_GETFL, h, c, s) & O_ACCMODE);
	SHOW("close(fd)", close(fd));
	fd = SHOW("openat(AT_FDCWD, \"f\", O_RDONLY, mode=junk)",
		  syscall(SYS_openat, AT_FDCWD, "f", O_RDONLY, c, s, h));
	SHOW("close(fd)", close(fd));
	SHOW("clock_gettime(CLOCK_MONOTONIC, &ts, junk...)",
	     syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &ts, s, h, c, s));
	SHOW("pipe2(p, 0, junk...)", syscall(SYS_pipe2, p, 0, s, h, c, s));
	SHOW("write(p[1], \"x\", 1, junk...)",
	     syscall(SYS_write, p[1], "x", 1, c, h, s));
	SHOW("read(p[0], buf, 1, junk...)",
	     syscall(SYS_read, p[0], buf, 1, s, c, h));
	SHOW("close(p[0])", close(p[0]));
	SHOW("close(p[1])", close(p[1]));
	SHOW("umask(022, junk...)", syscall(SYS_umask, 022, s, h, c, s, h));
	SHOW("unlink(\"f\", junk...)", syscall(SYS_unlink, "f", s, h, c, s, h));
	free((void *)h);
	scratch_leave();
	printf("done\n");
	return 0;
}
