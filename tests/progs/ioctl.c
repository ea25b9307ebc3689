/* ioctl.c - ioctl on things that are not terminals: TCGETS on a pipe and
 * TIOCGWINSZ on /dev/null fail ENOTTY, FIONREAD on a pipe, a socket and a
 * regular file, FIONBIO, FIOCLEX/FIONCLEX, isatty, an unknown request. */
#include "tests.h"

#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <termios.h>

int main(int argc, char **argv)
{
	struct termios tio;
	struct winsize ws;
	int p[2], sv[2], fd, n, on = 1, off = 0;
	char buf[8];

	scratch_enter(argc, argv, "ioctl");
	OK(pipe(p));
	ERR("ioctl(pipe, TCGETS)", ENOTTY, ioctl(p[0], TCGETS, &tio));
	printf("isatty(pipe) %d (%s)\n", isatty(p[0]), ename(errno));
	fd = OK(open("/dev/null", O_RDWR));
	ERR("ioctl(/dev/null, TIOCGWINSZ)", ENOTTY, ioctl(fd, TIOCGWINSZ, &ws));
	ERR("ioctl(/dev/null, TCGETS)", ENOTTY, ioctl(fd, TCGETS, &tio));
	OK(close(fd));

	n = -1;
	SHOW("ioctl(pipe, FIONREAD) empty", ioctl(p[0], FIONREAD, &n));
	printf("FIONREAD %d\n", n);
	OK(write(p[1], "hello", 5));
	SHOW("ioctl(pipe, FIONREAD)",
	     syscall(SYS_ioctl, p[0], FIONREAD, &n, JUNK));
	printf("FIONREAD %d\n", n);
	OK(read(p[0], buf, 2));
	OK(ioctl(p[0], FIONREAD, &n));
	printf("FIONREAD after reading 2: %d\n", n);
	OK(read(p[0], buf, 3));

	SHOW("ioctl(pipe, FIONBIO, 1)", ioctl(p[0], FIONBIO, &on));
	printf("O_NONBLOCK now %s\n", yesno(fcntl(p[0], F_GETFL) & O_NONBLOCK));
	ERR("read(pipe) empty", EAGAIN, read(p[0], buf, 1));
	SHOW("ioctl(pipe, FIONBIO, 0)", ioctl(p[0], FIONBIO, &off));
	printf("O_NONBLOCK now %s\n", yesno(fcntl(p[0], F_GETFL) & O_NONBLOCK));
	SHOW("ioctl(pipe, FIOCLEX)", ioctl(p[0], FIOCLEX));
	printf("FD_CLOEXEC %s\n", yesno(fcntl(p[0], F_GETFD) & FD_CLOEXEC));
	SHOW("ioctl(pipe, FIONCLEX)", ioctl(p[0], FIONCLEX));
	printf("FD_CLOEXEC %s\n", yesno(fcntl(p[0], F_GETFD) & FD_CLOEXEC));

	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	OK(write(sv[0], "abc", 3));
	SHOW("ioctl(socket, FIONREAD)", ioctl(sv[1], FIONREAD, &n));
	printf("FIONREAD %d\n", n);
	SHOW("ioctl(socket, TIOCOUTQ)", ioctl(sv[1], TIOCOUTQ, &n));
	printf("TIOCOUTQ %d\n", n);
	OK(close(sv[0]));
	OK(close(sv[1]));

	fd = OK(open("f", O_RDWR | O_CREAT | O_TRUNC, 0644));
	OK(write(fd, "0123456789", 10));
	OK(lseek(fd, 4, SEEK_SET));
	SHOW("ioctl(file, FIONREAD)", ioctl(fd, FIONREAD, &n));
	printf("FIONREAD %d\n", n);
	ERR("ioctl(file, TCGETS)", ENOTTY, ioctl(fd, TCGETS, &tio));
	ERR("ioctl(99, FIONREAD)", EBADF, ioctl(99, FIONREAD, &n));
	ERR("ioctl(pipe, 0xdead)", ENOTTY, ioctl(p[0], 0xdead, &n));
	OK(close(fd));
	OK(unlink("f"));
	OK(close(p[0]));
	OK(close(p[1]));
	scratch_leave();
	printf("done\n");
	return 0;
}
