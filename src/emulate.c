/* emulate.c - the calls mvee answers itself (POL_MONITOR), with the
 * leader's values so that the variants impersonate one process, and the
 * value an emulated rdtsc/rdtscp returns. */
#include "monitor.h"

#include <errno.h>
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

uint64_t emulate_tsc(void)
{
	return __rdtsc();
}
