/* monio.c - reads and writes on fds the leader owns, which mvee runs
 * itself where it can (src/monio.c) and leaves to the leader where it
 * cannot: every read and write call on a file open for writing, on
 * /dev/null and /dev/zero, on blocking and non-blocking pipes and
 * sockets; offsets (pread/pwrite, -1 for the current one); EOF; a blocking
 * read that must wait for another process; writes above PIPE_BUF; EPIPE
 * with its SIGPIPE (siginfo as the kernel gives it); buffers that cannot
 * be written or read (the data must stay in the pipe); O_DIRECT;
 * RLIMIT_FSIZE with EFBIG; iovec counts at the limit; a thread with an
 * fd table of its own. */
#include "tests.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>

static volatile sig_atomic_t pipes, pipe_code, pipe_self;

static void on_pipe(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	pipes++;
	pipe_code = si->si_code;
	pipe_self = si->si_pid == getpid();
}

static void file_calls(void)
{
	char buf[64], a[8], b[8];
	struct iovec wv[3] = { { "one-", 4 }, { NULL, 0 }, { "two", 3 } };
	struct iovec rv[2] = { { a, 3 }, { b, 5 } };
	int fd;

	/* open for writing: the leader's fd */
	fd = OK(open("data", O_RDWR | O_CREAT | O_TRUNC, 0600));
	SHOW("write", write(fd, "hello world\n", 12));
	SHOW("write 0", write(fd, "x", 0));
	SHOW("writev", writev(fd, wv, 3));
	SHOW("pwrite64 at 2", pwrite(fd, "LL", 2, 2));
	SHOW("pwritev at 20", pwritev(fd, wv, 3, 20));
	SHOW("pwritev2 at -1", pwritev2(fd, wv, 1, -1, 0));
	SHOW("lseek", lseek(fd, 0, SEEK_CUR));
	SHOW("pread64 at 0", pread(fd, buf, sizeof(buf), 0));
	show_bytes("buf", buf, 31);
	ERR("pread64 at -1", EINVAL, pread(fd, buf, 4, -1));
	ERR("pwrite64 at -1", EINVAL, pwrite(fd, buf, 4, -1));
	ERR("preadv at -1", EINVAL, preadv(fd, rv, 2, -1));
	SHOW("lseek 0", lseek(fd, 0, SEEK_SET));
	SHOW("read", read(fd, buf, 5));
	show_bytes("buf", buf, 5);
	SHOW("readv", readv(fd, rv, 2));
	show_bytes("a", a, 3);
	show_bytes("b", b, 5);
	SHOW("preadv at 4", preadv(fd, rv, 2, 4));
	show_bytes("a", a, 3);
	SHOW("preadv2 at -1", preadv2(fd, rv, 1, -1, 0));
	show_bytes("a", a, 3);
	SHOW("preadv2 bad flags", preadv2(fd, rv, 1, 0, 0x40000000));
	SHOW("read 0", read(fd, buf, 0));
	SHOW("read at EOF", (lseek(fd, 0, SEEK_END), read(fd, buf, 8)));
	ERR("read NULL", EFAULT, (lseek(fd, 0, SEEK_SET), read(fd, NULL, 4)));
	SHOW("lseek after EFAULT", lseek(fd, 0, SEEK_CUR));
	ERR("write NULL", EFAULT, write(fd, NULL, 4));
	ERR("readv IOV_MAX+1", EINVAL, readv(fd, rv, IOV_MAX + 1));
	ERR("write to O_RDONLY", EBADF,
	    write(OK(open("data", O_RDONLY)), "x", 1));
	close(fd);

	fd = OK(open("/dev/null", O_RDWR));
	SHOW("write /dev/null", write(fd, "abc", 3));
	SHOW("read /dev/null", read(fd, buf, 3));
	close(fd);
	fd = OK(open("/dev/zero", O_RDWR));
	memset(buf, 'x', 8);
	SHOW("read /dev/zero", read(fd, buf, 8));
	show_bytes("buf", buf, 8);
	close(fd);
	fd = OK(open("/dev/full", O_WRONLY));
	ERR("write /dev/full", ENOSPC, write(fd, "abc", 3));
	close(fd);
}

static void odirect(void)
{
	void *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int fd = open("direct", O_RDWR | O_CREAT | O_DIRECT, 0600);

	if (fd < 0) {
		printf("open O_DIRECT = -1 %s\n", ename(errno));
		return;
	}
	memset(p, 'd', 4096);
	SHOW("write O_DIRECT aligned", write(fd, p, 4096));
	SHOW("pread O_DIRECT aligned", pread(fd, p, 4096, 0));
	SHOW("pread O_DIRECT unaligned", pread(fd, (char *)p + 1, 512, 0));
	close(fd);
	munmap(p, 8192);
}

/* the limit applies to stdout too: results are printed after it is lifted */
static void fsize(void)
{
	struct rlimit rl = { 10, 10 }, old;
	int fd = OK(open("small", O_WRONLY | O_CREAT | O_TRUNC, 0600));
	long r1, r2;
	int e2;

	signal(SIGXFSZ, SIG_IGN);
	fflush(stdout);
	OK(getrlimit(RLIMIT_FSIZE, &old));
	rl.rlim_max = old.rlim_max;
	OK(setrlimit(RLIMIT_FSIZE, &rl));
	r1 = write(fd, "0123456789abc", 13);
	r2 = write(fd, "x", 1);
	e2 = errno;
	OK(setrlimit(RLIMIT_FSIZE, &old));
	printf("write under RLIMIT_FSIZE = %ld\n", r1);
	printf("write past RLIMIT_FSIZE = %ld %s\n", r2, ename(e2));
	close(fd);
}

static void pipe_calls(void)
{
	static char big[100000];
	char buf[16];
	struct sigaction sa;
	int p[2], st;
	pid_t pid;
	void *ro;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_pipe;
	sa.sa_flags = SA_SIGINFO;
	OK(sigaction(SIGPIPE, &sa, NULL));

	OK(pipe(p));
	SHOW("write pipe", write(p[1], "abcdef", 6));
	ERR("read pipe NULL", EFAULT, read(p[0], NULL, 6));
	ro = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ERR("read pipe read-only", EFAULT, read(p[0], ro, 6));
	SHOW("read pipe", read(p[0], buf, sizeof(buf)));
	show_bytes("buf", buf, 6);
	ERR("write pipe from unmapped", EFAULT,
	    write(p[1], (char *)ro + (1 << 30), 4));

	/* a blocking read with nothing there: it waits for a child */
	pid = OK(fork());
	if (!pid) {
		usleep(100000);
		OK(write(p[1], "late", 4));
		_exit(0);
	}
	SHOW("read pipe, waiting", read(p[0], buf, sizeof(buf)));
	show_bytes("buf", buf, 4);
	OK(waitpid(pid, &st, 0));

	/* more than PIPE_BUF into a blocking pipe: a child drains it */
	pid = OK(fork());
	if (!pid) {
		long n, total = 0;

		close(p[1]);
		while ((n = read(p[0], big, sizeof(big))) > 0)
			total += n;
		_exit(total == 100000 ? 0 : 1);
	}
	memset(big, 'b', sizeof(big));
	SHOW("write pipe 100000", write(p[1], big, sizeof(big)));
	close(p[1]);
	OK(waitpid(pid, &st, 0));
	printf("drained all: %s\n", yesno(WIFEXITED(st) && !WEXITSTATUS(st)));
	SHOW("read pipe EOF", read(p[0], buf, sizeof(buf)));
	close(p[0]);

	/* EPIPE and its SIGPIPE */
	OK(pipe(p));
	close(p[0]);
	ERR("write closed pipe", EPIPE, write(p[1], "x", 1));
	printf("SIGPIPE %d, code %d, from itself %s\n", (int)pipes,
	       (int)pipe_code, yesno(pipe_self));
	ERR("writev closed pipe", EPIPE, writev(p[1], &(struct iovec){ "y", 1 }, 1));
	printf("SIGPIPE %d\n", (int)pipes);
	close(p[1]);

	/* non-blocking: EAGAIN is the answer */
	OK(pipe2(p, O_NONBLOCK));
	ERR("read empty O_NONBLOCK pipe", EAGAIN, read(p[0], buf, 4));
	SHOW("write O_NONBLOCK pipe 100000", write(p[1], big, sizeof(big)));
	ERR("write full O_NONBLOCK pipe", EAGAIN, write(p[1], "x", 1));
	close(p[0]);
	close(p[1]);
}

/* a thread with an fd table of its own (unshare(CLONE_FILES)): its fd
 * number names another file than the same number in the main thread */
static void *own_table(void *arg)
{
	int fd = *(int *)arg;

	OK(unshare(CLONE_FILES));
	close(fd);
	EXPECT(open("b.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600) == fd);
	SHOW("thread write", write(fd, "from the thread\n", 16));
	close(fd);
	return NULL;
}

static void thread_table(void)
{
	char buf[64];
	pthread_t th;
	int fd = OK(open("a.txt", O_WRONLY | O_CREAT | O_TRUNC, 0600));
	long n;

	OK(-pthread_create(&th, NULL, own_table, &fd));
	OK(-pthread_join(th, NULL));
	SHOW("main write", write(fd, "from main\n", 10));
	close(fd);
	fd = OK(open("a.txt", O_RDONLY));
	n = OK(read(fd, buf, sizeof(buf)));
	show_bytes("a.txt", buf, n);
	close(fd);
	fd = OK(open("b.txt", O_RDONLY));
	n = OK(read(fd, buf, sizeof(buf)));
	show_bytes("b.txt", buf, n);
	close(fd);
	unlink("a.txt");
	unlink("b.txt");
}

static void socket_calls(void)
{
	char buf[16];
	int sv[2];

	OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	SHOW("write socket", write(sv[0], "ping", 4));
	SHOW("read socket", read(sv[1], buf, sizeof(buf)));
	show_bytes("buf", buf, 4);
	SHOW("writev socket", writev(sv[1], &(struct iovec){ "pong", 4 }, 1));
	SHOW("readv socket",
	     readv(sv[0], &(struct iovec){ buf, sizeof(buf) }, 1));
	show_bytes("buf", buf, 4);
	OK(fcntl(sv[0], F_SETFL, O_NONBLOCK));
	ERR("read empty O_NONBLOCK socket", EAGAIN, read(sv[0], buf, 4));
	close(sv[1]);
	SHOW("read socket after close", read(sv[0], buf, 4));
	ERR("write socket after close", EPIPE, write(sv[0], "x", 1));
	printf("SIGPIPE %d\n", (int)pipes);
	close(sv[0]);
}

int main(int argc, char **argv)
{
	scratch_enter(argc, argv, "monio");
	file_calls();
	odirect();
	fsize();
	pipe_calls();
	socket_calls();
	thread_table();
	unlink("data");
	unlink("direct");
	unlink("small");
	scratch_leave();
	return 0;
}
