/* hostile.c - bad pointers and bad numbers given to the kernel: NULL,
 * (void *)1, a just-unmapped page and a buffer that runs into one, passed
 * to read, write, stat, open, uname, gettimeofday, clock_gettime, pipe2,
 * getrandom, readv, writev. Each gets EFAULT (or a short count) and
 * nothing else happens. A monitor reading or writing these buffers must
 * cope, and must not turn them into a divergence. */
#include "tests.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <sys/uio.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	long pg = sysconf(_SC_PAGESIZE);
	char *page, *gone, *edge;
	struct iovec iov[2];
	char buf[16];
	int fd, p[2];
	long r;

	scratch_enter(argc, argv, "hostile");
	gone = mmap(NULL, pg, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(gone != MAP_FAILED);
	OK(munmap(gone, pg));
	/* a page of data followed by a hole */
	page = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(page != MAP_FAILED);
	OK(munmap(page + pg, pg));
	memset(page, 'e', pg);
	edge = page + pg - 4;

	fd = OK(open("f", O_RDWR | O_CREAT | O_TRUNC, 0644));
	OK(write(fd, "0123456789", 10));
	OK(lseek(fd, 0, SEEK_SET));
	ERR("read(fd, NULL, 10)", EFAULT, syscall(SYS_read, fd, NULL, 10));
	ERR("read(fd, 1, 10)", EFAULT, syscall(SYS_read, fd, 1, 10));
	ERR("read(fd, unmapped, 10)", EFAULT, syscall(SYS_read, fd, gone, 10));
	SHOW("lseek(fd, 0, SEEK_CUR) after failed reads",
	     lseek(fd, 0, SEEK_CUR));
	SHOW("read(fd, 4 bytes before a hole, 10)", read(fd, edge, 10));
	show_bytes("edge", edge, 4);
	SHOW("read(fd, NULL, 0)", syscall(SYS_read, fd, NULL, 0));
	ERR("write(fd, NULL, 10)", EFAULT, syscall(SYS_write, fd, NULL, 10));
	ERR("write(fd, unmapped, 10)", EFAULT,
	    syscall(SYS_write, fd, gone, 10));
	ERR("write(1, NULL, 10)", EFAULT, syscall(SYS_write, 1, NULL, 10));
	ERR("write(1, (void *)1, 3)", EFAULT, syscall(SYS_write, 1, 1, 3));
	OK(pipe(p));
	ERR("write(pipe, 4 bytes before a hole, 10)", EFAULT,
	    write(p[1], edge, 10));
	SHOW("write(pipe, 4 bytes before a hole, 4)", write(p[1], edge, 4));
	SHOW("read(pipe, buf, 16)", read(p[0], buf, sizeof(buf)));
	show_bytes("buf", buf, 4);
	OK(lseek(fd, 0, SEEK_END));
	SHOW("write(fd, 4 bytes before a hole, 10)", write(fd, edge, 10));
	ERR("pwrite64(fd, unmapped, 1, 0)", EFAULT,
	    syscall(SYS_pwrite64, fd, gone, 1, 0));
	ERR("pread64(fd, NULL, 1, 0)", EFAULT,
	    syscall(SYS_pread64, fd, NULL, 1, 0));
	iov[0].iov_base = buf;
	iov[0].iov_len = 2;
	iov[1].iov_base = NULL;
	iov[1].iov_len = 5;
	OK(lseek(fd, 0, SEEK_SET));
	SHOW("readv(fd, [buf 2, NULL 5])", readv(fd, iov, 2));
	show_bytes("buf", buf, 2);
	ERR("readv(fd, NULL iov, 2)", EFAULT, syscall(SYS_readv, fd, NULL, 2));
	ERR("writev(fd, unmapped iov, 1)", EFAULT,
	    syscall(SYS_writev, fd, gone, 1));

	ERR("stat(NULL)", EFAULT, syscall(SYS_stat, NULL, buf));
	ERR("stat((char *)1)", EFAULT, syscall(SYS_stat, 1, buf));
	ERR("stat(\"f\", NULL)", EFAULT, syscall(SYS_stat, "f", NULL));
	ERR("stat(\"f\", unmapped)", EFAULT, syscall(SYS_stat, "f", gone));
	ERR("newfstatat(AT_FDCWD, unmapped)", EFAULT,
	    syscall(SYS_newfstatat, AT_FDCWD, gone, buf, 0));
	ERR("open(NULL)", EFAULT, syscall(SYS_open, NULL, O_RDONLY));
	ERR("open(unmapped)", EFAULT, syscall(SYS_open, gone, O_RDONLY));
	ERR("openat(AT_FDCWD, (char *)1, O_CREAT)", EFAULT,
	    syscall(SYS_openat, AT_FDCWD, 1, O_WRONLY | O_CREAT, 0644));
	/* a path that runs into the hole: no terminating NUL reachable */
	memset(page, 'a', pg);
	ERR("open(path running into a hole)", EFAULT,
	    syscall(SYS_open, page + pg - 8, O_RDONLY));
	ERR("unlink(NULL)", EFAULT, syscall(SYS_unlink, NULL));
	ERR("mkdir(unmapped)", EFAULT, syscall(SYS_mkdir, gone, 0755));
	ERR("uname(NULL)", EFAULT, syscall(SYS_uname, NULL));
	ERR("gettimeofday(1)", EFAULT, syscall(SYS_gettimeofday, 1, NULL));
	ERR("clock_gettime(CLOCK_REALTIME, NULL)", EFAULT,
	    syscall(SYS_clock_gettime, CLOCK_REALTIME, NULL));
	ERR("clock_gettime(CLOCK_MONOTONIC, unmapped)", EFAULT,
	    syscall(SYS_clock_gettime, CLOCK_MONOTONIC, gone));
	ERR("pipe2(NULL, 0)", EFAULT, syscall(SYS_pipe2, NULL, 0));
	ERR("getrandom(NULL, 16, 0)", EFAULT,
	    syscall(SYS_getrandom, NULL, 16, 0));
	ERR("getrandom(unmapped, 16, 0)", EFAULT,
	    syscall(SYS_getrandom, gone, 16, 0));
	ERR("getcwd(NULL, 100)", EFAULT, syscall(SYS_getcwd, NULL, 100));
	ERR("rt_sigaction(SIGUSR1, unmapped, NULL)", EFAULT,
	    syscall(SYS_rt_sigaction, 10, gone, NULL, 8));
	ERR("rt_sigprocmask(SIG_BLOCK, (void *)1)", EFAULT,
	    syscall(SYS_rt_sigprocmask, SIG_BLOCK, 1, NULL, 8));
	ERR("nanosleep(NULL)", EFAULT, syscall(SYS_nanosleep, NULL, NULL));
	ERR("time(unmapped)", EFAULT, syscall(SYS_time, gone));

	/* bad numbers */
	ERR("read(-1)", EBADF, read(-1, buf, 1));
	ERR("write(9999)", EBADF, write(9999, buf, 1));
	ERR("close(-5)", EBADF, close(-5));
	ERR("lseek(fd, 0, -1)", EINVAL, lseek(fd, 0, -1));
	ERR("fcntl(fd, -1)", EINVAL, fcntl(fd, -1));
	ERR("mmap(len -1)", ENOMEM,
	    (long)mmap(NULL, (size_t)-1, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0));
	ERR("munmap(unaligned)", EINVAL, munmap(page + 1, 1));
	/* more iovecs than the kernel takes: it reads none of them */
	ERR("writev(fd, iov, 1025)", EINVAL,
	    syscall(SYS_writev, fd, iov, 1025));
	ERR("readv(fd, iov, -1)", EINVAL, syscall(SYS_readv, fd, iov, -1));
	r = syscall(SYS_write, 1, "", 0, JUNK, JUNK, JUNK);
	printf("write(1, \"\", 0) = %ld\n", r);

	OK(close(p[0]));
	OK(close(p[1]));
	OK(close(fd));
	OK(unlink("f"));
	OK(munmap(page, pg));
	scratch_leave();
	printf("done\n");
	return 0;
}
