/* sockfd.c - ancillary data on a unix socketpair: SCM_RIGHTS passes a pipe
 * and a read-only file to the same process (the received fds must work,
 * with the numbers the kernel picks), SCM_CREDENTIALS carries this
 * process's pid, uid and gid. */
#include "tests.h"

#include <fcntl.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	char ctl[CMSG_SPACE(3 * sizeof(int))] __attribute__((aligned(8)));
	char ctl2[CMSG_SPACE(sizeof(struct ucred))] __attribute__((aligned(8)));
	int sv[2], p[2], fds[3], got[3], fd, one = 1, n, i;
	struct cmsghdr *cm;
	struct ucred uc;
	struct iovec iov;
	struct msghdr mh;
	char buf[32];

	scratch_enter(argc, argv, "sockfd");
	fd = OK(open("f", O_WRONLY | O_CREAT | O_TRUNC, 0644));
	OK(write(fd, "file contents", 13));
	OK(close(fd));

	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	OK(pipe(p));
	fds[0] = p[0];
	fds[1] = p[1];
	fds[2] = OK(open("f", O_RDONLY));
	printf("sending fds %d %d %d\n", fds[0], fds[1], fds[2]);

	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	iov.iov_base = "F";
	iov.iov_len = 1;
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	cm = CMSG_FIRSTHDR(&mh);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(cm), fds, sizeof(fds));
	SHOW("sendmsg(sv[0], SCM_RIGHTS x3)", sendmsg(sv[0], &mh, 0));
	for (i = 0; i < 3; i++)
		OK(close(fds[i]));

	memset(&mh, 0, sizeof(mh));
	memset(ctl, 0, sizeof(ctl));
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl;
	mh.msg_controllen = sizeof(ctl);
	SHOW("recvmsg(sv[1], MSG_CMSG_CLOEXEC)",
	     recvmsg(sv[1], &mh, MSG_CMSG_CLOEXEC));
	cm = CMSG_FIRSTHDR(&mh);
	EXPECT(cm && cm->cmsg_type == SCM_RIGHTS);
	n = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
	memcpy(got, CMSG_DATA(cm), n * sizeof(int));
	printf("received %d fds: %d %d %d, controllen %zu, FD_CLOEXEC %s\n", n,
	       got[0], got[1], got[2], mh.msg_controllen,
	       yesno(fcntl(got[0], F_GETFD) & FD_CLOEXEC));
	SHOW("write(received pipe write end, \"via pipe\", 8)",
	     write(got[1], "via pipe", 8));
	SHOW("read(received pipe read end)", read(got[0], buf, sizeof(buf)));
	show_bytes("buf", buf, 8);
	SHOW("read(received file)", read(got[2], buf, sizeof(buf)));
	show_bytes("buf", buf, 13);
	for (i = 0; i < 3; i++)
		OK(close(got[i]));

	/* credentials */
	SHOW("setsockopt(sv[1], SO_PASSCRED, 1)",
	     setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)));
	SHOW("send(sv[0], \"C\", 1)", send(sv[0], "C", 1, 0));
	memset(&mh, 0, sizeof(mh));
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = ctl2;
	mh.msg_controllen = sizeof(ctl2);
	SHOW("recvmsg(sv[1]) with SO_PASSCRED", recvmsg(sv[1], &mh, 0));
	cm = CMSG_FIRSTHDR(&mh);
	EXPECT(cm && cm->cmsg_type == SCM_CREDENTIALS);
	memcpy(&uc, CMSG_DATA(cm), sizeof(uc));
	printf("credentials: pid is getpid() %s, uid %s, gid %s\n",
	       yesno(uc.pid == getpid()), yesno(uc.uid == getuid()),
	       yesno(uc.gid == getgid()));

	OK(close(sv[0]));
	OK(close(sv[1]));
	OK(unlink("f"));
	scratch_leave();
	printf("done\n");
	return 0;
}
