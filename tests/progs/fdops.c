/* fdops.c - the fd table: dup, dup2, dup3, fcntl (F_DUPFD,
 * F_DUPFD_CLOEXEC, F_GETFD, F_SETFD, F_GETFL, F_SETFL, F_SETLK, F_GETLK,
 * F_OFD_SETLK, F_OFD_GETLK), close_range, flock. fd numbers are printed:
 * they must be the same under mvee as natively (the runner starts every
 * program with only 0, 1 and 2 open). Locks are taken on files opened
 * read-only as well, where every variant may hold its own open file: a
 * lock must not conflict with the one a sibling variant took. */
#include "tests.h"

#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/file.h>
#include <sys/syscall.h>

static void show_fl(const char *label, int fd)
{
	int fl = OK(fcntl(fd, F_GETFL, JUNK));
	int acc = fl & O_ACCMODE;

	printf("%s: %s%s%s\n", label,
	       acc == O_RDONLY ? "O_RDONLY" :
	       acc == O_WRONLY ? "O_WRONLY" :
				 "O_RDWR",
	       fl & O_APPEND ? "|O_APPEND" : "",
	       fl & O_NONBLOCK ? "|O_NONBLOCK" : "");
}

static void show_fd(const char *label, int fd)
{
	int fl;

	errno = 0;
	fl = fcntl(fd, F_GETFD);
	if (fl == -1)
		printf("%s: fd %d -1 %s\n", label, fd, ename(errno));
	else
		printf("%s: fd %d open%s\n", label, fd,
		       fl & FD_CLOEXEC ? " FD_CLOEXEC" : "");
}

static const char *locktype(int t)
{
	return t == F_RDLCK ? "F_RDLCK" :
	       t == F_WRLCK ? "F_WRLCK" :
	       t == F_UNLCK ? "F_UNLCK" :
			      "?";
}

int main(int argc, char **argv)
{
	struct flock fl;
	char buf[16];
	int fd, fd2, r1, r2, i;

	scratch_enter(argc, argv, "fdops");

	fd = SHOW("open(\"f\", O_RDWR|O_CREAT)",
		  open("f", O_RDWR | O_CREAT, 0644));
	OK(write(fd, "abcdefgh", 8));
	SHOW("dup(fd)", dup(fd));
	SHOW("dup2(fd, 10)", dup2(fd, 10));
	SHOW("dup2(10, 10)", dup2(10, 10));
	ERR("dup2(99, 10)", EBADF, dup2(99, 10));
	SHOW("dup3(fd, 11, O_CLOEXEC)", dup3(fd, 11, O_CLOEXEC));
	ERR("dup3(fd, fd, 0)", EINVAL, dup3(fd, fd, 0));
	ERR("dup3(fd, 12, 0x1)", EINVAL, dup3(fd, 12, 0x1));
	SHOW("fcntl(fd, F_DUPFD, 20)", fcntl(fd, F_DUPFD, 20));
	SHOW("fcntl(fd, F_DUPFD_CLOEXEC, 20)", fcntl(fd, F_DUPFD_CLOEXEC, 20));
	SHOW("fcntl(fd, F_DUPFD, 0)", fcntl(fd, F_DUPFD, 0));
	for (i = 0; i <= 22; i++)
		if (fcntl(i, F_GETFD) != -1)
			show_fd("table", i);

	/* duplicates share the offset */
	SHOW("lseek(10, 2, SEEK_SET)", lseek(10, 2, SEEK_SET));
	SHOW("read(fd, buf, 3)", read(fd, buf, 3));
	show_bytes("buf", buf, 3);
	SHOW("lseek(20, 0, SEEK_CUR)", lseek(20, 0, SEEK_CUR));

	show_fl("F_GETFL", fd);
	SHOW("fcntl(fd, F_SETFL, O_APPEND|O_NONBLOCK)",
	     fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
	show_fl("F_GETFL", fd);
	show_fl("F_GETFL of dup 10", 10);
	SHOW("fcntl(fd, F_SETFL, 0)", fcntl(fd, F_SETFL, 0));
	show_fl("F_GETFL", fd);
	SHOW("fcntl(fd, F_SETFD, FD_CLOEXEC)", fcntl(fd, F_SETFD, FD_CLOEXEC));
	show_fd("after F_SETFD", fd);
	show_fd("dup 10 unaffected", 10);
	ERR("fcntl(fd, 9999)", EINVAL, fcntl(fd, 9999, JUNK));
	ERR("fcntl(99, F_GETFD)", EBADF, fcntl(99, F_GETFD));

	/* close_range: close some, mark others close-on-exec */
	for (i = 30; i < 36; i++)
		OK(dup2(fd, i));
	SHOW("close_range(30, 32, 0)", syscall(SYS_close_range, 30, 32, 0));
	SHOW("close_range(33, 34, CLOSE_RANGE_CLOEXEC)",
	     syscall(SYS_close_range, 33, 34, CLOSE_RANGE_CLOEXEC));
	for (i = 30; i < 36; i++)
		show_fd("close_range", i);
	ERR("close_range(5, 4, 0)", EINVAL, syscall(SYS_close_range, 5, 4, 0));
	SHOW("close_range(30, ~0U, 0)", syscall(SYS_close_range, 30, ~0U, 0));
	show_fd("after close_range to ~0", 35);

	/* flock: a second open file conflicts, the same one does not */
	SHOW("flock(fd, LOCK_EX)", flock(fd, LOCK_EX));
	SHOW("flock(dup 10, LOCK_EX|LOCK_NB)", flock(10, LOCK_EX | LOCK_NB));
	fd2 = OK(open("f", O_RDWR));
	ERR("flock(other open, LOCK_SH|LOCK_NB)", EWOULDBLOCK,
	    flock(fd2, LOCK_SH | LOCK_NB));
	SHOW("flock(fd, LOCK_UN)", flock(fd, LOCK_UN));
	SHOW("flock(other open, LOCK_SH|LOCK_NB)",
	     flock(fd2, LOCK_SH | LOCK_NB));
	OK(close(fd2));
	ERR("flock(fd, 0)", EINVAL, flock(fd, 0));

	/* flock on read-only opens */
	r1 = OK(open("f", O_RDONLY));
	r2 = OK(open("f", O_RDONLY));
	SHOW("flock(ro1, LOCK_EX|LOCK_NB)", flock(r1, LOCK_EX | LOCK_NB));
	ERR("flock(ro2, LOCK_EX|LOCK_NB)", EWOULDBLOCK,
	    flock(r2, LOCK_EX | LOCK_NB));
	SHOW("flock(ro1, LOCK_SH|LOCK_NB)", flock(r1, LOCK_SH | LOCK_NB));
	SHOW("flock(ro2, LOCK_SH|LOCK_NB)", flock(r2, LOCK_SH | LOCK_NB));
	OK(flock(r1, LOCK_UN));
	OK(flock(r2, LOCK_UN));

	/* POSIX record locks: a process never conflicts with itself */
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_RDLCK;
	fl.l_whence = SEEK_SET;
	fl.l_start = 0;
	fl.l_len = 4;
	SHOW("fcntl(ro1, F_SETLK, F_RDLCK 0..4)", fcntl(r1, F_SETLK, &fl));
	fl.l_type = F_WRLCK;
	fl.l_pid = 12345;
	SHOW("fcntl(ro2, F_GETLK, F_WRLCK 0..4)", fcntl(r2, F_GETLK, &fl));
	printf("F_GETLK: %s\n", locktype(fl.l_type));
	fl.l_type = F_WRLCK;
	ERR("fcntl(ro2, F_SETLK, F_WRLCK)", EBADF, fcntl(r2, F_SETLK, &fl));
	fl.l_type = F_WRLCK;
	SHOW("fcntl(fd, F_SETLK, F_WRLCK 0..4)", fcntl(fd, F_SETLK, &fl));
	fl.l_type = F_UNLCK;
	fl.l_len = 0;
	SHOW("fcntl(fd, F_SETLK, F_UNLCK all)", fcntl(fd, F_SETLK, &fl));

	/* open file description locks do conflict within a process */
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_RDLCK;
	fl.l_len = 2;
	SHOW("fcntl(ro1, F_OFD_SETLK, F_RDLCK 0..2)",
	     fcntl(r1, F_OFD_SETLK, &fl));
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_len = 2;
	SHOW("fcntl(fd, F_OFD_GETLK, F_WRLCK 0..2)",
	     fcntl(fd, F_OFD_GETLK, &fl));
	printf("F_OFD_GETLK: %s start %ld len %ld pid %d\n",
	       locktype(fl.l_type), (long)fl.l_start, (long)fl.l_len, fl.l_pid);
	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_RDLCK;
	fl.l_len = 2;
	SHOW("fcntl(ro2, F_OFD_SETLK, F_RDLCK 0..2)",
	     fcntl(r2, F_OFD_SETLK, &fl));
	fl.l_type = F_WRLCK;
	ERR("fcntl(fd, F_OFD_SETLK, F_WRLCK 0..2)", EAGAIN,
	    fcntl(fd, F_OFD_SETLK, &fl));
	OK(close(r1));
	OK(close(r2));

	for (i = 3; i <= 22; i++)
		if (fcntl(i, F_GETFD) != -1)
			OK(close(i));
	SHOW("open(\"f\", O_RDONLY) after closing all", open("f", O_RDONLY));
	OK(close(3));
	OK(unlink("f"));
	scratch_leave();
	printf("done\n");
	return 0;
}
