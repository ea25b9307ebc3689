/* emulate.c - the calls mvee answers itself (POL_MONITOR), with the
 * leader's values so that the variants impersonate one process, and the
 * value an emulated rdtsc/rdtscp returns. */
#include "monitor.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <x86intrin.h>

long emulate_call(struct taskset *s, const struct call *c)
{
	switch (c->nr) {
	case __NR_getpid:
		return s->proc->pid[0];
	case __NR_gettid:
		return s->task[0]->tid;
	case __NR_getppid:
		return s->proc->ppid;
	case __NR_prctl:
		return prctl_emulate(s, c);
	default:
		bug(__FILE__, __LINE__, "%s has no emulation",
		    call_name(c->nr));
	}
}

/* mvee runs with rdtsc faulting too (tsc_trap_self): it allows itself
 * the one it needs */
uint64_t emulate_tsc(void)
{
	uint64_t tsc;

	if (prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0))
		bug(__FILE__, __LINE__, "PR_SET_TSC: %s", strerror(errno));
	tsc = __rdtsc();
	prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
	return tsc;
}

/* The variants run with rdtsc faulting (PR_TSC_SIGSEGV, launch.c): the
 * kernel then flips a control register bit (CR4.TSD) whenever the CPU
 * switches between a variant and a task without it, and in a virtual
 * machine that write traps to the hypervisor. mvee switches with the
 * variants at every stop: with the same setting it has none of those
 * traps (docs/PERFORMANCE.md). mvee's own code reads the clock by the
 * system call (util.c: now_ns); should a library read it through the
 * vDSO's rdtsc (the ASan runtime does), the fault turns rdtsc back on
 * for mvee for good and the instruction runs again. Any other fault goes
 * to the handler there was before. */
static struct sigaction old_segv;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	const unsigned char *ip = (const unsigned char *)((ucontext_t *)uc)
					  ->uc_mcontext.gregs[REG_RIP];

	(void)sig;
	if (si->si_code == SI_KERNEL && ip[0] == 0x0f &&
	    (ip[1] == 0x31 || (ip[1] == 0x01 && ip[2] == 0xf9)) &&
	    !prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0))
		return; /* rdtsc or rdtscp: runs again, allowed */
	sigaction(SIGSEGV, &old_segv, NULL);
}

void tsc_trap_self(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	if (sigaction(SIGSEGV, &sa, &old_segv) ||
	    prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0))
		die(EXIT_STARTUP, "rdtsc trap for mvee: %s", strerror(errno));
}