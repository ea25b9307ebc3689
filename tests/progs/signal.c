/* signal.c - signals inside one process: rt_sigaction with an SA_SIGINFO
 * handler, raise (tgkill), kill and sigqueue to itself (the pid the
 * program knows must reach itself), rt_sigprocmask blocking and
 * rt_sigpending, sigaltstack with SA_ONSTACK, SA_RESETHAND, SA_RESTART
 * recorded in the old action, rt_sigtimedwait, rt_sigsuspend, SIG_IGN.
 * Whether si_pid named the process itself is printed at the end. */
#include "tests.h"

#include <signal.h>
#include <sys/syscall.h>

static volatile sig_atomic_t count;
static volatile int last_code, last_pid_ok, last_value, on_alt;
static char *alt;
static size_t altsize;

static void handler(int sig, siginfo_t *si, void *uc)
{
	char here;

	(void)uc;
	count++;
	last_code = si->si_code;
	last_pid_ok = si->si_pid == getpid();
	last_value = si->si_code == SI_QUEUE ? si->si_value.sival_int : -1;
	on_alt = &here >= alt && &here < alt + altsize;
	if (si->si_signo != sig)
		fail("si_signo %d != sig %d", si->si_signo, sig);
}

static const char *code(int c)
{
	return c == SI_USER  ? "SI_USER" :
	       c == SI_TKILL ? "SI_TKILL" :
	       c == SI_QUEUE ? "SI_QUEUE" :
			       "?";
}

/* whether si_pid was our pid, per report, printed last: a monitor that
 * gets it wrong stops the program at the first line that shows it */
static char pid_ok[32];
static int npid;

static void report(const char *what)
{
	printf("%s: handled %d, si_code %s, on altstack %s\n", what, count,
	       code(last_code), yesno(on_alt));
	if (count && npid < (int)sizeof(pid_ok) - 1)
		pid_ok[npid++] = last_pid_ok ? 'y' : 'n';
	count = 0;
}

int main(int argc, char **argv)
{
	struct sigaction sa, old;
	sigset_t set, pend, oldset;
	struct timespec ts = { 0, 0 };
	union sigval sv;
	siginfo_t si;
	stack_t ss, oss;

	scratch_enter(argc, argv, "signal");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = handler;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;
	sigemptyset(&sa.sa_mask);
	SHOW("rt_sigaction(SIGUSR1, SA_SIGINFO|SA_RESTART)",
	     sigaction(SIGUSR1, &sa, &old));
	printf("old action SIG_DFL %s\n", yesno(old.sa_handler == SIG_DFL));
	SHOW("rt_sigaction(SIGUSR1, NULL, &old)",
	     sigaction(SIGUSR1, NULL, &old));
	printf("old has SA_SIGINFO %s, SA_RESTART %s, our handler %s\n",
	       yesno(old.sa_flags & SA_SIGINFO),
	       yesno(old.sa_flags & SA_RESTART),
	       yesno(old.sa_sigaction == handler));
	ERR("rt_sigaction(SIGKILL)", EINVAL, sigaction(SIGKILL, &sa, NULL));
	ERR("rt_sigaction(sigsetsize 4)", EINVAL,
	    syscall(SYS_rt_sigaction, SIGUSR1, NULL, &old, 4));

	SHOW("raise(SIGUSR1)", raise(SIGUSR1));
	report("raise");
	SHOW("kill(getpid(), SIGUSR1)", kill(getpid(), SIGUSR1));
	report("kill");
	SHOW("tgkill(getpid(), gettid(), SIGUSR1)",
	     syscall(SYS_tgkill, getpid(), gettid(), SIGUSR1));
	report("tgkill");
	sv.sival_int = 4242;
	SHOW("sigqueue(getpid(), SIGUSR1, 4242)",
	     sigqueue(getpid(), SIGUSR1, sv));
	printf("si_value %d\n", last_value);
	report("sigqueue");
	SHOW("kill(getpid(), 0)", kill(getpid(), 0));
	ERR("kill(getpid(), 999)", EINVAL, kill(getpid(), 999));

	/* blocked: pending until unblocked */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	SHOW("rt_sigprocmask(SIG_BLOCK, {USR1})",
	     sigprocmask(SIG_BLOCK, &set, &oldset));
	printf("USR1 was blocked %s\n", yesno(sigismember(&oldset, SIGUSR1)));
	OK(raise(SIGUSR1));
	OK(raise(SIGUSR1));
	printf("while blocked: handled %d\n", count);
	SHOW("rt_sigpending", sigpending(&pend));
	printf("USR1 pending %s, USR2 pending %s\n",
	       yesno(sigismember(&pend, SIGUSR1)),
	       yesno(sigismember(&pend, SIGUSR2)));
	SHOW("rt_sigprocmask(SIG_UNBLOCK, {USR1})",
	     sigprocmask(SIG_UNBLOCK, &set, NULL));
	report("unblocked (standard signals merge)");
	SHOW("rt_sigprocmask(SIG_SETMASK, NULL, &old)",
	     sigprocmask(SIG_SETMASK, NULL, &oldset));
	printf("USR1 blocked now %s\n", yesno(sigismember(&oldset, SIGUSR1)));
	ERR("rt_sigprocmask(how 99)", EINVAL, sigprocmask(99, &set, NULL));

	/* sigtimedwait takes a blocked pending signal without the handler */
	OK(sigprocmask(SIG_BLOCK, &set, NULL));
	OK(raise(SIGUSR1));
	SHOW("rt_sigtimedwait({USR1}, 0)",
	     sigtimedwait(&set, &si, &ts) == SIGUSR1);
	printf("si_code %s, handled %d\n", code(si.si_code), count);
	ERR("rt_sigtimedwait nothing pending", EAGAIN,
	    sigtimedwait(&set, &si, &ts));
	OK(sigprocmask(SIG_UNBLOCK, &set, NULL));

	/* alternate stack */
	altsize = 64 * 1024;
	alt = malloc(altsize);
	EXPECT(alt);
	ss.ss_sp = alt;
	ss.ss_size = altsize;
	ss.ss_flags = 0;
	SHOW("sigaltstack(&ss, &oss)", sigaltstack(&ss, &oss));
	printf("old altstack disabled %s\n", yesno(oss.ss_flags & SS_DISABLE));
	SHOW("sigaltstack(NULL, &oss)", sigaltstack(NULL, &oss));
	printf("size %zu, flags %d, is ours %s\n", oss.ss_size, oss.ss_flags,
	       yesno(oss.ss_sp == alt));
	ss.ss_size = 1;
	ERR("sigaltstack(size 1)", ENOMEM, sigaltstack(&ss, NULL));
	sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
	OK(sigaction(SIGUSR2, &sa, NULL));
	OK(raise(SIGUSR2));
	report("SA_ONSTACK");
	OK(raise(SIGUSR1));
	report("without SA_ONSTACK");

	/* one-shot handler */
	sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
	OK(sigaction(SIGUSR2, &sa, NULL));
	OK(raise(SIGUSR2));
	report("SA_RESETHAND");
	OK(sigaction(SIGUSR2, NULL, &old));
	printf("reset to SIG_DFL %s\n", yesno(old.sa_handler == SIG_DFL));

	/* ignored */
	signal(SIGUSR2, SIG_IGN);
	SHOW("raise(SIGUSR2) ignored", raise(SIGUSR2));
	printf("handled %d\n", count);

	/* sigsuspend waits for a signal that is already pending */
	OK(sigprocmask(SIG_BLOCK, &set, NULL));
	OK(kill(getpid(), SIGUSR1));
	sigemptyset(&pend);
	ERR("rt_sigsuspend({})", EINTR, sigsuspend(&pend));
	report("sigsuspend");
	printf("si_pid was getpid() in each handler: %s\n", pid_ok);
	scratch_leave();
	printf("done\n");
	return 0;
}
