/* emulate.c - the calls mvee answers itself (POL_MONITOR), with the
 * leader's values so that the variants impersonate one process, and the
 * value an emulated rdtsc/rdtscp returns.
 *
 * Also mvee's own rdtsc, which with the fast path (notify.c) is off
 * (PR_TSC_SIGSEGV) like the variants': a CPU switching between a task that may read the TSC and
 * one that may not rewrites CR4, which in a virtual machine is an exit to
 * the hypervisor, and mvee and a variant hand over the CPU to each other
 * at every call (docs/PERFORMANCE.md). mvee reads the TSC only for an
 * emulated rdtsc, with the TSC turned on around it; an rdtsc elsewhere
 * in mvee (a library's, the vDSO's) faults and is emulated the same way
 * by a SIGSEGV handler. */
#include "monitor.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
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

static struct sigaction old_segv;

uint64_t emulate_tsc(void)
{
	uint64_t tsc;

	if (!clock_by_syscall)
		return __rdtsc(); /* mvee's TSC is on */
	prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
	tsc = __rdtsc();
	prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
	return tsc;
}

static void on_segv(int sig, siginfo_t *si, void *uc_)
{
	ucontext_t *uc = uc_;
	greg_t *g = uc->uc_mcontext.gregs;
	const unsigned char *pc = (const unsigned char *)g[REG_RIP];
	uint64_t tsc;
	unsigned aux;

	(void)sig;
	if (si->si_code == SI_KERNEL && pc[0] == 0x0f && pc[1] == 0x31) {
		tsc = emulate_tsc();
		g[REG_RIP] += 2;
	} else if (si->si_code == SI_KERNEL && pc[0] == 0x0f && pc[1] == 0x01 &&
		   pc[2] == 0xf9) {
		prctl(PR_SET_TSC, PR_TSC_ENABLE, 0, 0, 0);
		tsc = __rdtscp(&aux);
		prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
		g[REG_RCX] = aux;
		g[REG_RIP] += 3;
	} else {
		/* a real fault: the handler before (or none) takes it when
		 * the instruction faults again */
		sigaction(SIGSEGV, &old_segv, NULL);
		return;
	}
	g[REG_RAX] = (uint32_t)tsc;
	g[REG_RDX] = tsc >> 32;
}

void tsc_off_in_mvee(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO | SA_NODEFER;
	sigaction(SIGSEGV, &sa, &old_segv);
	clock_by_syscall = true;
	prctl(PR_SET_TSC, PR_TSC_SIGSEGV, 0, 0, 0);
}
