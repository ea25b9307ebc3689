/* socket.c - sockets inside one process: socketpair (stream and datagram)
 * with send, recv, MSG_PEEK, sendmsg and recvmsg with iovecs; TCP on
 * 127.0.0.1 port 0 with bind, listen, getsockname, connect, accept4,
 * getpeername, getsockopt, setsockopt, shutdown; UDP sendto/recvfrom; a
 * unix socket bound to a path; EAGAIN on non-blocking reads. Ports are
 * never printed, only whether the addresses agree. */
#include "tests.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>

static void show_opt(const char *label, int fd, int level, int name)
{
	int v = -12345;
	socklen_t len = sizeof(v);

	if (getsockopt(fd, level, name, &v, &len))
		printf("getsockopt(%s) = -1 %s\n", label, ename(errno));
	else
		printf("getsockopt(%s) = %d (len %u)\n", label, v, len);
}

static int same_addr(const struct sockaddr_in *a, const struct sockaddr_in *b)
{
	return a->sin_family == b->sin_family && a->sin_port == b->sin_port &&
	       a->sin_addr.s_addr == b->sin_addr.s_addr;
}

static void pairs(void)
{
	char a[8], b[3], c[16], buf[64];
	struct iovec iov[3];
	struct msghdr mh;
	int sv[2], dv[2];

	SHOW("socketpair(AF_UNIX, SOCK_STREAM)",
	     socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	printf("fds %d %d\n", sv[0], sv[1]);
	SHOW("send(sv[0], \"hello\", 5)", send(sv[0], "hello", 5, 0));
	SHOW("write(sv[0], \" there\", 6)", write(sv[0], " there", 6));
	SHOW("recv(sv[1], buf, 3, MSG_PEEK)", recv(sv[1], buf, 3, MSG_PEEK));
	show_bytes("buf", buf, 3);
	SHOW("recv(sv[1], buf, 64)", recv(sv[1], buf, 64, 0));
	show_bytes("buf", buf, 11);
	ERR("recv(sv[1], MSG_DONTWAIT) empty", EAGAIN,
	    recv(sv[1], buf, 64, MSG_DONTWAIT));

	/* gather on send, scatter on receive */
	memset(&mh, 0, sizeof(mh));
	iov[0].iov_base = "scatter";
	iov[0].iov_len = 7;
	iov[1].iov_base = "/";
	iov[1].iov_len = 1;
	iov[2].iov_base = "gather!";
	iov[2].iov_len = 7;
	mh.msg_iov = iov;
	mh.msg_iovlen = 3;
	SHOW("sendmsg(sv[1], 3 iovecs)", sendmsg(sv[1], &mh, 0));
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	memset(c, 0, sizeof(c));
	iov[0].iov_base = a;
	iov[0].iov_len = sizeof(a);
	iov[1].iov_base = b;
	iov[1].iov_len = sizeof(b);
	iov[2].iov_base = c;
	iov[2].iov_len = sizeof(c);
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = iov;
	mh.msg_iovlen = 3;
	SHOW("recvmsg(sv[0], [8, 3, 16])", recvmsg(sv[0], &mh, 0));
	show_bytes("iov[0]", a, sizeof(a));
	show_bytes("iov[1]", b, sizeof(b));
	show_bytes("iov[2]", c, 4);
	printf("msg_flags %d, msg_controllen %zu\n", mh.msg_flags,
	       mh.msg_controllen);

	SHOW("shutdown(sv[0], SHUT_WR)", shutdown(sv[0], SHUT_WR));
	SHOW("recv(sv[1]) after shutdown", recv(sv[1], buf, 64, 0));
	ERR("send(sv[0]) after shutdown", EPIPE,
	    send(sv[0], "x", 1, MSG_NOSIGNAL));
	OK(close(sv[0]));
	OK(close(sv[1]));

	/* datagrams keep their boundaries; a short buffer truncates */
	SHOW("socketpair(AF_UNIX, SOCK_DGRAM|SOCK_NONBLOCK)",
	     socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK, 0, dv));
	SHOW("send(dv[0], \"first\", 5)", send(dv[0], "first", 5, 0));
	SHOW("send(dv[0], \"second\", 6)", send(dv[0], "second", 6, 0));
	SHOW("recv(dv[1], buf, 64)", recv(dv[1], buf, 64, 0));
	show_bytes("buf", buf, 5);
	memset(&mh, 0, sizeof(mh));
	iov[0].iov_base = buf;
	iov[0].iov_len = 3;
	mh.msg_iov = iov;
	mh.msg_iovlen = 1;
	SHOW("recvmsg(dv[1], [3])", recvmsg(dv[1], &mh, 0));
	show_bytes("buf", buf, 3);
	printf("MSG_TRUNC %s\n", yesno(mh.msg_flags & MSG_TRUNC));
	ERR("recv(dv[1]) empty non-blocking", EAGAIN, recv(dv[1], buf, 64, 0));
	show_opt("dv[0], SO_TYPE", dv[0], SOL_SOCKET, SO_TYPE);
	OK(close(dv[0]));
	OK(close(dv[1]));
}

static void tcp(void)
{
	struct sockaddr_in addr, caddr, peer, sname;
	socklen_t len;
	char buf[64];
	int l, c, s, one = 1;

	l = SHOW("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC)",
		 socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
	SHOW("setsockopt(l, SO_REUSEADDR, 1)",
	     setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)));
	show_opt("l, SO_REUSEADDR", l, SOL_SOCKET, SO_REUSEADDR);
	show_opt("l, SO_TYPE", l, SOL_SOCKET, SO_TYPE);
	show_opt("l, SO_ERROR", l, SOL_SOCKET, SO_ERROR);
	ERR("setsockopt(l, SOL_SOCKET, 9999)", ENOPROTOOPT,
	    setsockopt(l, SOL_SOCKET, 9999, &one, sizeof(one)));
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	addr.sin_port = 0;
	SHOW("bind(l, 127.0.0.1:0)", bind(l, (void *)&addr, sizeof(addr)));
	SHOW("listen(l, 8)", listen(l, 8));
	len = sizeof(addr);
	SHOW("getsockname(l)", getsockname(l, (void *)&addr, &len));
	printf("bound to 127.0.0.1 %s, port chosen %s, len %u\n",
	       yesno(addr.sin_addr.s_addr == htonl(INADDR_LOOPBACK)),
	       yesno(addr.sin_port != 0), len);
	ERR("accept4(l, SOCK_NONBLOCK) nothing pending", EAGAIN, ({
		    OK(fcntl(l, F_SETFL, O_NONBLOCK));
		    accept4(l, NULL, NULL, 0);
	    }));
	OK(fcntl(l, F_SETFL, 0));

	c = SHOW("socket(AF_INET, SOCK_STREAM)",
		 socket(AF_INET, SOCK_STREAM, 0));
	SHOW("connect(c, listener)", connect(c, (void *)&addr, sizeof(addr)));
	len = sizeof(caddr);
	memset(&caddr, 0, sizeof(caddr));
	s = SHOW("accept4(l, &caddr, &len, SOCK_CLOEXEC|SOCK_NONBLOCK)",
		 accept4(l, (void *)&caddr, &len,
			 SOCK_CLOEXEC | SOCK_NONBLOCK));
	printf("accepted: len %u, FD_CLOEXEC %s, O_NONBLOCK %s\n", len,
	       yesno(fcntl(s, F_GETFD) & FD_CLOEXEC),
	       yesno(fcntl(s, F_GETFL) & O_NONBLOCK));
	len = sizeof(sname);
	OK(getsockname(c, (void *)&sname, &len));
	printf("accept's address is the client's name %s\n",
	       yesno(same_addr(&caddr, &sname)));
	len = sizeof(peer);
	SHOW("getpeername(c)", getpeername(c, (void *)&peer, &len));
	printf("client's peer is the listener %s\n",
	       yesno(same_addr(&peer, &addr)));
	ERR("getpeername(l)", ENOTCONN, getpeername(l, (void *)&peer, &len));

	SHOW("setsockopt(c, TCP_NODELAY, 1)",
	     setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one)));
	show_opt("c, TCP_NODELAY", c, IPPROTO_TCP, TCP_NODELAY);
	ERR("read(s) nothing sent yet", EAGAIN, read(s, buf, 64));
	SHOW("write(c, \"over tcp\", 8)", write(c, "over tcp", 8));
	SHOW("recvfrom(s, buf, 64, MSG_WAITALL, NULL, NULL)",
	     recvfrom(s, buf, 8, MSG_WAITALL, NULL, NULL));
	show_bytes("buf", buf, 8);
	SHOW("sendto(s, \"back\", 4, 0, NULL, 0)",
	     sendto(s, "back", 4, 0, NULL, 0));
	SHOW("read(c, buf, 64)", read(c, buf, 64));
	show_bytes("buf", buf, 4);
	OK(close(s));
	SHOW("read(c) after peer closed", read(c, buf, 64));
	OK(close(c));
	OK(close(l));
}

static void udp(void)
{
	struct sockaddr_in addr, from;
	socklen_t len = sizeof(addr);
	char buf[64];
	int u;

	u = SHOW("socket(AF_INET, SOCK_DGRAM)", socket(AF_INET, SOCK_DGRAM, 0));
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	OK(bind(u, (void *)&addr, sizeof(addr)));
	OK(getsockname(u, (void *)&addr, &len));
	SHOW("sendto(u, \"dgram\", 5, self)",
	     sendto(u, "dgram", 5, 0, (void *)&addr, sizeof(addr)));
	len = sizeof(from);
	SHOW("recvfrom(u, buf, 64, 0, &from)",
	     recvfrom(u, buf, 64, 0, (void *)&from, &len));
	show_bytes("buf", buf, 5);
	printf("from self %s\n", yesno(same_addr(&from, &addr)));
	ERR("recvfrom(u, MSG_DONTWAIT) empty", EAGAIN,
	    recvfrom(u, buf, 64, MSG_DONTWAIT, NULL, NULL));
	OK(close(u));
}

static void unix_path(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX, .sun_path = "sock" };
	struct sockaddr_un got;
	socklen_t len = sizeof(got);
	struct stat st;
	char buf[8];
	int l, c, s;

	l = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	SHOW("bind(l, \"sock\")", bind(l, (void *)&sa, sizeof(sa)));
	OK(stat("sock", &st));
	printf("\"sock\" is a socket %s\n", yesno(S_ISSOCK(st.st_mode)));
	ERR("bind(\"sock\") again", EADDRINUSE, ({
		    int l2 = OK(socket(AF_UNIX, SOCK_STREAM, 0));
		    int r = bind(l2, (void *)&sa, sizeof(sa));
		    int e = errno;
		    close(l2);
		    errno = e;
		    r;
	    }));
	OK(listen(l, 1));
	c = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	SHOW("connect(c, \"sock\")", connect(c, (void *)&sa, sizeof(sa)));
	s = SHOW("accept(l)", accept(l, NULL, NULL));
	len = sizeof(got);
	OK(getsockname(l, (void *)&got, &len));
	printf("getsockname(l): \"%s\"\n", got.sun_path);
	SHOW("write(c, \"unix\", 4)", write(c, "unix", 4));
	SHOW("read(s, buf, 8)", read(s, buf, 8));
	show_bytes("buf", buf, 4);
	OK(close(s));
	OK(close(c));
	OK(close(l));
	OK(unlink("sock"));
	c = OK(socket(AF_UNIX, SOCK_STREAM, 0));
	ERR("connect(c, \"sock\") after unlink", ENOENT,
	    connect(c, (void *)&sa, sizeof(sa)));
	OK(close(c));
}

int main(int argc, char **argv)
{
	scratch_enter(argc, argv, "socket");
	pairs();
	tcp();
	udp();
	unix_path();
	ERR("socket(AF_INET, 99)", EINVAL, socket(AF_INET, 99, 0));
	ERR("recv(0) not a socket", ENOTSOCK, recv(0, NULL, 0, 0));
	scratch_leave();
	printf("done\n");
	return 0;
}
