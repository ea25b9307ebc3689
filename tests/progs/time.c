/* time.c - time, gettimeofday, clock_gettime (REALTIME, MONOTONIC,
 * BOOTTIME, PROCESS_CPUTIME_ID, THREAD_CPUTIME_ID, COARSE), clock_getres,
 * nanosleep, clock_nanosleep, both through libc (the vDSO when there is
 * one) and as raw syscalls. Only facts are printed: plausible, monotonic,
 * slept long enough. */
#include "tests.h"

#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

#define Y2020 1577836800L
#define Y2200 7258118400L

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void show_clock(const char *name, clockid_t id, int wall)
{
	struct timespec a, b, raw;
	int ok;

	OK(clock_gettime(id, &a));
	OK(syscall(SYS_clock_gettime, id, &raw));
	OK(clock_gettime(id, &b));
	ok = a.tv_nsec >= 0 && a.tv_nsec < 1000000000;
	if (wall)
		ok = ok && a.tv_sec > Y2020 && a.tv_sec < Y2200;
	else
		ok = ok && a.tv_sec >= 0;
	printf("clock_gettime(%s): plausible %s, libc/raw/libc monotonic %s\n",
	       name, yesno(ok),
	       yesno(ns(&a) <= ns(&raw) && ns(&raw) <= ns(&b)));
}

int main(int argc, char **argv)
{
	struct timespec res, a, b, req = { 0, 1000000 }, rem = { 7, 7 };
	struct timeval tv, tv2;
	time_t t, t2 = 0;
	long r;

	scratch_enter(argc, argv, "time");

	t = time(&t2);
	printf("time: plausible %s, stored the same %s\n",
	       yesno(t > Y2020 && t < Y2200), yesno(t == t2));
	r = syscall(SYS_time, NULL);
	printf("raw time: plausible %s, not before libc's %s\n",
	       yesno(r > Y2020 && r < Y2200), yesno(r >= t));
	OK(gettimeofday(&tv, NULL));
	OK(syscall(SYS_gettimeofday, &tv2, NULL));
	printf("gettimeofday: plausible %s, usec in range %s, close to time "
	       "%s, raw not before %s\n",
	       yesno(tv.tv_sec > Y2020 && tv.tv_sec < Y2200),
	       yesno(tv.tv_usec >= 0 && tv.tv_usec < 1000000),
	       yesno(tv.tv_sec - t >= 0 && tv.tv_sec - t < 60),
	       yesno(tv2.tv_sec > tv.tv_sec ||
		     (tv2.tv_sec == tv.tv_sec && tv2.tv_usec >= tv.tv_usec)));

	show_clock("CLOCK_REALTIME", CLOCK_REALTIME, 1);
	show_clock("CLOCK_MONOTONIC", CLOCK_MONOTONIC, 0);
	show_clock("CLOCK_BOOTTIME", CLOCK_BOOTTIME, 0);
	show_clock("CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW, 0);
	show_clock("CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID, 0);
	show_clock("CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID, 0);
	OK(clock_gettime(CLOCK_REALTIME_COARSE, &a));
	printf("CLOCK_REALTIME_COARSE plausible %s\n",
	       yesno(a.tv_sec > Y2020 && a.tv_sec < Y2200));
	ERR("clock_gettime(12345)", EINVAL, clock_gettime(12345, &a));

	SHOW("clock_getres(CLOCK_REALTIME)",
	     clock_getres(CLOCK_REALTIME, &res));
	printf("resolution at most 1ms %s\n",
	       yesno(res.tv_sec == 0 && res.tv_nsec > 0 &&
		     res.tv_nsec <= 1000000));
	SHOW("clock_getres(CLOCK_MONOTONIC, NULL)",
	     syscall(SYS_clock_getres, CLOCK_MONOTONIC, NULL));
	ERR("clock_getres(12345)", EINVAL, clock_getres(12345, &res));

	OK(clock_gettime(CLOCK_MONOTONIC, &a));
	SHOW("nanosleep(1ms)", nanosleep(&req, &rem));
	OK(clock_gettime(CLOCK_MONOTONIC, &b));
	printf("slept at least 1ms %s, less than 10s %s, rem untouched %s\n",
	       yesno(ns(&b) - ns(&a) >= 1000000),
	       yesno(ns(&b) - ns(&a) < 10000000000LL),
	       yesno(rem.tv_sec == 7 && rem.tv_nsec == 7));
	req.tv_nsec = 1000000000;
	ERR("nanosleep(tv_nsec 1e9)", EINVAL, nanosleep(&req, NULL));

	/* clock_nanosleep with an absolute deadline 2ms ahead */
	OK(clock_gettime(CLOCK_MONOTONIC, &a));
	req = a;
	req.tv_nsec += 2000000;
	if (req.tv_nsec >= 1000000000) {
		req.tv_sec++;
		req.tv_nsec -= 1000000000;
	}
	r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
	OK(clock_gettime(CLOCK_MONOTONIC, &b));
	printf("clock_nanosleep(TIMER_ABSTIME +2ms) = %ld, deadline passed %s\n",
	       r, yesno(ns(&b) >= ns(&req)));
	r = clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &req, NULL);
	printf("clock_nanosleep(CLOCK_THREAD_CPUTIME_ID) = %s\n",
	       ename((int)r));
	scratch_leave();
	printf("done\n");
	return 0;
}
