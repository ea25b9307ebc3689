/* pipe.c - pipe, pipe2 (O_CLOEXEC, O_NONBLOCK), reads and writes through a
 * pipe inside one process, poll, ppoll, select, pselect6 on it, EAGAIN on
 * an empty non-blocking pipe and on a full one, EOF and POLLHUP once the
 * write end is closed, EPIPE (with SIGPIPE ignored), F_GETPIPE_SZ. */
#include "tests.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/syscall.h>

static void show_poll(const char *label, struct pollfd *p, int n, int ret)
{
	int i;

	printf("%s = %d:", label, ret);
	for (i = 0; i < n; i++)
		printf(" [%s%s%s%s]", p[i].revents & POLLIN ? "IN" : "",
		       p[i].revents & POLLOUT ? "OUT" : "",
		       p[i].revents & POLLHUP ? "HUP" : "",
		       p[i].revents & POLLERR ? "ERR" : "");
	printf("\n");
}

int main(int argc, char **argv)
{
	struct timespec ts = { 0, 0 };
	struct timeval tv = { 0, 0 };
	struct pollfd pf[2];
	char buf[70000];
	int p[2], q[2], r;
	long n, total;
	fd_set rd, wr;

	scratch_enter(argc, argv, "pipe");
	signal(SIGPIPE, SIG_IGN);

	SHOW("pipe(p)", pipe(p));
	printf("fds %d %d\n", p[0], p[1]);
	SHOW("write(p[1], \"ping\", 4)", write(p[1], "ping", 4));
	SHOW("read(p[0], buf, 100)", read(p[0], buf, 100));
	show_bytes("buf", buf, 4);
	ERR("write(p[0])", EBADF, write(p[0], "x", 1));
	ERR("read(p[1])", EBADF, read(p[1], buf, 1));
	ERR("lseek(p[0])", ESPIPE, lseek(p[0], 0, SEEK_SET));
	ERR("pread64(p[0])", ESPIPE, pread(p[0], buf, 1, 0));

	SHOW("pipe2(q, O_CLOEXEC|O_NONBLOCK)",
	     pipe2(q, O_CLOEXEC | O_NONBLOCK));
	printf("fds %d %d, FD_CLOEXEC %s, O_NONBLOCK %s\n", q[0], q[1],
	       yesno(fcntl(q[0], F_GETFD) & FD_CLOEXEC),
	       yesno(fcntl(q[1], F_GETFL) & O_NONBLOCK));
	ERR("pipe2(q, 0x1)", EINVAL, pipe2(q + 0, 0x1));
	ERR("read(q[0]) empty", EAGAIN, read(q[0], buf, 10));
	SHOW("fcntl(q[0], F_GETPIPE_SZ)", fcntl(q[0], F_GETPIPE_SZ));

	/* poll: nothing to read yet, then data */
	pf[0].fd = q[0];
	pf[0].events = POLLIN;
	pf[1].fd = q[1];
	pf[1].events = POLLOUT;
	r = poll(pf, 2, 0);
	show_poll("poll(empty, 0)", pf, 2, r);
	SHOW("write(q[1], \"abc\", 3)", write(q[1], "abc", 3));
	r = poll(pf, 2, 1000);
	show_poll("poll(3 bytes, 1000)", pf, 2, r);
	r = syscall(SYS_ppoll, pf, 2, &ts, NULL, 8);
	show_poll("ppoll(3 bytes, {0, 0})", pf, 2, r);
	pf[1].fd = -1;
	r = ppoll(pf, 2, NULL, NULL);
	show_poll("ppoll(negative fd ignored, NULL)", pf, 2, r);

	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(q[0], &rd);
	FD_SET(p[0], &rd);
	FD_SET(q[1], &wr);
	r = select(q[1] + 1, &rd, &wr, NULL, &tv);
	printf("select = %d: q[0] readable %s, p[0] readable %s, q[1] "
	       "writable %s\n",
	       r, yesno(FD_ISSET(q[0], &rd)), yesno(FD_ISSET(p[0], &rd)),
	       yesno(FD_ISSET(q[1], &wr)));
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	ts.tv_nsec = 1000000;
	r = pselect(p[0] + 1, &rd, NULL, NULL, &ts, NULL);
	printf("pselect6(empty p[0], 1ms) = %d, readable %s\n", r,
	       yesno(FD_ISSET(p[0], &rd)));
	FD_ZERO(&rd);
	FD_SET(40, &rd);
	ERR("select(fd 40 not open)", EBADF, select(41, &rd, NULL, NULL, &tv));

	/* partial read leaves the rest */
	SHOW("read(q[0], buf, 2)", read(q[0], buf, 2));
	show_bytes("buf", buf, 2);
	SHOW("read(q[0], buf, 100)", read(q[0], buf, 100));
	show_bytes("buf", buf, 1);

	/* fill the non-blocking pipe until EAGAIN */
	memset(buf, 'z', sizeof(buf));
	total = 0;
	while ((n = write(q[1], buf, 4096)) > 0)
		total += n;
	printf("filled with %ld bytes, then %s\n", total, ename(errno));
	pf[0].fd = q[1];
	pf[0].events = POLLOUT;
	r = poll(pf, 1, 0);
	show_poll("poll(full, POLLOUT)", pf, 1, r);
	total = 0;
	while ((n = read(q[0], buf, sizeof(buf))) > 0)
		total += n;
	printf("drained %ld bytes, then %s\n", total, ename(errno));

	/* close the write end: HUP and EOF */
	OK(close(q[1]));
	pf[0].fd = q[0];
	pf[0].events = POLLIN;
	r = poll(pf, 1, 0);
	show_poll("poll(writer closed)", pf, 1, r);
	SHOW("read(q[0]) at EOF", read(q[0], buf, 10));
	OK(close(q[0]));

	/* close the read end: EPIPE */
	OK(close(p[0]));
	ERR("write(p[1]) no reader", EPIPE, write(p[1], "x", 1));
	OK(close(p[1]));
	scratch_leave();
	printf("done\n");
	return 0;
}
