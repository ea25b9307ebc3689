/* timens.c - clocks in a time namespace of the program's own. mvee reads
 * the wall clock for the variants, and the monotonic and boot clocks too
 * while the program shares mvee's time namespace (src/clocks.c); in a
 * namespace with offsets those must come from the program's own calls.
 * The parent makes a namespace whose monotonic and boot clocks are 10000
 * days ahead (unshare(CLONE_NEWTIME) applies to children), a child reads
 * them there, then the parent joins it with setns and reads them again.
 * Without CAP_SYS_ADMIN or time namespaces it says so and stops (natively
 * the same). */
#include "tests.h"

#include <fcntl.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define AHEAD (10000L * 86400L)

/* "ahead" when both the libc and the raw reading of the clock are past
 * the namespace's offset, "behind" when neither is */
static const char *where(clockid_t id)
{
	struct timespec a, b;

	OK(clock_gettime(id, &a));
	OK(syscall(SYS_clock_gettime, id, &b));
	if (a.tv_sec >= AHEAD && b.tv_sec >= AHEAD)
		return "ahead";
	if (a.tv_sec < AHEAD && b.tv_sec < AHEAD)
		return "behind";
	return "mixed";
}

static void show(const char *who)
{
	printf("%s: monotonic %s, boottime %s, coarse %s, raw %s\n", who,
	       where(CLOCK_MONOTONIC), where(CLOCK_BOOTTIME),
	       where(CLOCK_MONOTONIC_COARSE), where(CLOCK_MONOTONIC_RAW));
}

int main(int argc, char **argv)
{
	static const char offsets[] = "monotonic 864000000 0\n"
				      "boottime 864000000 0\n";
	struct timespec t;
	int fd, status;
	pid_t pid;

	scratch_enter(argc, argv, "timens");
	show("before");
	if (unshare(CLONE_NEWTIME)) {
		printf("unshare(CLONE_NEWTIME) = -1 %s: not tested\n",
		       ename(errno));
		return 0;
	}
	fd = OK(open("/proc/self/timens_offsets", O_WRONLY));
	EXPECT(write(fd, offsets, sizeof(offsets) - 1) ==
	       (ssize_t)sizeof(offsets) - 1);
	OK(close(fd));
	show("parent after unshare");
	fflush(stdout);
	pid = OK(fork());
	if (!pid) {
		show("child");
		OK(clock_gettime(CLOCK_REALTIME, &t));
		printf("child: realtime plausible %s\n",
		       yesno(t.tv_sec > 1577836800L));
		fflush(stdout);
		_exit(0);
	}
	OK(waitpid(pid, &status, 0));
	printf("child status %d\n", status);
	fd = OK(open("/proc/self/ns/time_for_children", O_RDONLY));
	OK(setns(fd, CLONE_NEWTIME));
	OK(close(fd));
	show("parent after setns");
	return 0;
}
