/* eventfd.c - the fd kinds event loops use: eventfd2 (counter and
 * semaphore modes), timerfd_create/settime/gettime (a 5 ms one-shot
 * timer), signalfd4 for a blocked SIGUSR1 raised by the process itself. */
#include "tests.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

int main(int argc, char **argv)
{
	struct itimerspec its, cur;
	struct signalfd_siginfo si;
	struct pollfd pf;
	uint64_t v;
	sigset_t mask;
	int e, t, s;

	scratch_enter(argc, argv, "eventfd");

	e = SHOW("eventfd(3, EFD_NONBLOCK|EFD_CLOEXEC)",
		 eventfd(3, EFD_NONBLOCK | EFD_CLOEXEC));
	v = 4;
	SHOW("write(e, 4)", write(e, &v, sizeof(v)));
	SHOW("read(e)", read(e, &v, sizeof(v)));
	printf("value %llu\n", (unsigned long long)v);
	ERR("read(e) at zero", EAGAIN, read(e, &v, sizeof(v)));
	ERR("read(e, 4 bytes)", EINVAL, read(e, &v, 4));
	v = UINT64_MAX;
	ERR("write(e, UINT64_MAX)", EINVAL, write(e, &v, sizeof(v)));
	OK(close(e));
	e = OK(eventfd(2, EFD_SEMAPHORE | EFD_NONBLOCK));
	SHOW("read(semaphore)", read(e, &v, sizeof(v)));
	printf("value %llu\n", (unsigned long long)v);
	SHOW("read(semaphore)", read(e, &v, sizeof(v)));
	ERR("read(semaphore) at zero", EAGAIN, read(e, &v, sizeof(v)));
	OK(close(e));

	t = SHOW("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC)",
		 timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC));
	memset(&its, 0, sizeof(its));
	its.it_value.tv_nsec = 5000000;
	SHOW("timerfd_settime(t, 0, 5ms)", timerfd_settime(t, 0, &its, NULL));
	SHOW("timerfd_gettime(t)", timerfd_gettime(t, &cur));
	printf("remaining within 5ms %s, no interval %s\n",
	       yesno(cur.it_value.tv_sec == 0 &&
		     cur.it_value.tv_nsec <= 5000000),
	       yesno(!cur.it_interval.tv_sec && !cur.it_interval.tv_nsec));
	pf.fd = t;
	pf.events = POLLIN;
	SHOW("poll(timer, 5000)", poll(&pf, 1, 5000));
	SHOW("read(t)", read(t, &v, sizeof(v)));
	printf("expirations >= 1 %s\n", yesno(v >= 1));
	ERR("timerfd_settime(t, 0, nsec 2e9)", EINVAL, ({
		    its.it_value.tv_nsec = 2000000000;
		    timerfd_settime(t, 0, &its, NULL);
	    }));
	OK(close(t));

	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	OK(sigprocmask(SIG_BLOCK, &mask, NULL));
	s = SHOW("signalfd(-1, {SIGUSR1}, SFD_NONBLOCK)",
		 signalfd(-1, &mask, SFD_NONBLOCK));
	ERR("read(s) nothing pending", EAGAIN, read(s, &si, sizeof(si)));
	OK(raise(SIGUSR1));
	SHOW("read(s)", read(s, &si, sizeof(si)));
	printf("ssi_signo %s, ssi_pid is getpid() %s, ssi_code SI_TKILL %s\n",
	       sigabbrev_np(si.ssi_signo),
	       yesno(si.ssi_pid == (uint32_t)getpid()),
	       yesno(si.ssi_code == SI_TKILL));
	OK(close(s));
	scratch_leave();
	printf("done\n");
	return 0;
}
