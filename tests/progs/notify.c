/* notify.c - the fast path (src/notify.c): calls that reach mvee as
 * seccomp notifications, each way mvee can end one:
 *   answered      getpid/getppid (mvee's), a read and a write mvee runs
 *                 on the leader's fd (/dev/zero, /dev/null);
 *   let through   uname, getcwd, umask: every variant runs its own;
 *   demoted       a pipe read that has to wait for its writer (the
 *                 leader runs it), mprotect adding PROT_EXEC (an exit
 *                 stop), the same calls in a second thread;
 *   cancelled     a signal with a handler and no SA_RESTART arriving
 *                 while a call waits to be read: natively none of these
 *                 calls fails with EINTR, and under mvee none may.
 * The output is the same natively and under mvee. */
#include "tests.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

/* a round of calls of every fast kind; 0, or the errno of a failure */
static int round_of_calls(int zero, int null, int file)
{
	struct utsname u;
	char buf[64], cwd[256];

	if (getpid() <= 0 || getppid() <= 0)
		return EINVAL;
	if (read(zero, buf, sizeof(buf)) != sizeof(buf) || buf[7])
		return errno ? errno : EIO;
	if (write(null, buf, sizeof(buf)) != sizeof(buf))
		return errno ? errno : EIO;
	if (pread(file, buf, 5, 0) != 5 || memcmp(buf, "fast\n", 5))
		return errno ? errno : EIO;
	if (uname(&u) || !getcwd(cwd, sizeof(cwd)))
		return errno;
	umask(umask(022));
	return 0;
}

struct fds {
	int zero, null, file;
};

static void *thread_main(void *arg)
{
	const struct fds *f = arg;
	long i, err = 0;

	for (i = 0; i < 200 && !err; i++)
		err = round_of_calls(f->zero, f->null, f->file);
	return (void *)err;
}

int main(int argc, char **argv)
{
	struct itimerval it = { { 0, 300 }, { 0, 300 } };
	struct sigaction sa;
	struct utsname u;
	struct fds f;
	struct timespec t0, t;
	pthread_t th;
	void *ret;
	char buf[16] = { 0 };
	int p[2], i, err, rounds = 0;
	pid_t pid;
	char *m;

	scratch_enter(argc, argv, "notify");
	f.zero = OK(open("/dev/zero", O_RDONLY));
	f.null = OK(open("/dev/null", O_WRONLY));
	f.file = OK(open("fast.txt", O_RDWR | O_CREAT | O_TRUNC, 0600));
	OK(write(f.file, "fast\n", 5));

	/* answered and let through */
	for (i = 0; i < 1000; i++)
		if ((err = round_of_calls(f.zero, f.null, f.file)))
			fail("round %d: %s", i, ename(err));
	OK(uname(&u));
	printf("1000 rounds, system %s\n", u.sysname);

	/* demoted: the leader waits in the pipe read for the writer */
	OK(pipe(p));
	pid = OK(fork());
	if (pid == 0) {
		usleep(50000);
		OK(write(p[1], "late data", 9));
		_exit(0);
	}
	close(p[1]);
	SHOW("read(pipe) after the writer's pause", read(p[0], buf, 9));
	printf("got \"%s\"\n", buf);
	SHOW("read(pipe) at the end", read(p[0], buf, 9));
	OK(waitpid(pid, NULL, 0));
	close(p[0]);

	/* demoted: mprotect(PROT_EXEC) changes the layout (an exit stop) */
	m = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	EXPECT(m != MAP_FAILED);
	SHOW("mprotect(PROT_READ|PROT_EXEC)",
	     mprotect(m, 4096, PROT_READ | PROT_EXEC));
	munmap(m, 4096);

	/* cancelled: an alarm every 300 us, with a handler that does not
	 * restart calls, for 0.3 s of fast calls */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	OK(sigaction(SIGALRM, &sa, NULL));
	OK(setitimer(ITIMER_REAL, &it, NULL));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if ((err = round_of_calls(f.zero, f.null, f.file)))
			fail("round %d with alarms: %s", rounds, ename(err));
		rounds++;
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while ((t.tv_sec - t0.tv_sec) * 1000000000L +
			 (t.tv_nsec - t0.tv_nsec) <
		 300000000L);
	memset(&it, 0, sizeof(it));
	OK(setitimer(ITIMER_REAL, &it, NULL));
	printf("no call failed with EINTR under alarms: %s\n",
	       rounds > 0 && alarms > 0 ? "yes" : "no");

	/* demoted: a second thread makes the process multi-threaded */
	EXPECT(!pthread_create(&th, NULL, thread_main, &f));
	for (i = 0; i < 200; i++)
		if ((err = round_of_calls(f.zero, f.null, f.file)))
			fail("main thread round %d: %s", i, ename(err));
	EXPECT(!pthread_join(th, &ret));
	printf("two threads: %s\n", ret ? ename((int)(long)ret) : "ok");
	return 0;
}
